"""Fetching http(s) URLs: timeouts, a size cap, a redirect limit, and a small on-disk cache.

The cache keeps a body with its ETag / Last-Modified; the next fetch of the same URL asks
conditionally (If-None-Match / If-Modified-Since) and a 304 answer reuses the stored body, so
re-auditing a feed does not download unchanged content again. Cache files are named by the
SHA-256 of the URL, so no URL can name a path outside the cache folder.

Only http and https are fetched, also after redirects; nothing fetched ever names a local file
to read (a feed item's link is metadata and is never fetched).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .base import USER_AGENT, InputOptions

ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
          "text/html;q=0.8, application/json;q=0.8, text/plain;q=0.7, */*;q=0.5")
DEADLINE_FACTOR = 6  # a whole download may take this many --timeout periods (slow trickles end)


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line meant for the user."""


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    data: bytes
    content_type: str | None
    from_cache: bool = False


def is_url(arg: str) -> bool:
    scheme = arg.split(":", 1)[0].lower() if "://" in arg else ""
    return bool(scheme) and scheme.isascii() and scheme.replace("+", "").replace("-", "").replace(".", "").isalnum()


def check_scheme(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {scheme!r}: only http and https are fetched")
    if not parts.hostname:
        raise FetchError("invalid URL: no host name")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "tqcheck"


class Cache:
    """Bodies with their validators, one pair of files per URL: <sha256>.json and <sha256>.body."""

    def __init__(self, folder: Path):
        self.folder = Path(folder) / "http"

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def load(self, url: str) -> tuple[dict, Path] | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url or not body_path.is_file():
            return None
        return meta, body_path

    def store(self, url: str, meta: dict, data: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            meta_path, body_path = self._paths(url)
            _atomic_write(body_path, data)
            _atomic_write(meta_path, json.dumps({**meta, "url": url}, sort_keys=True).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs a download next time


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Fetcher:
    def __init__(self, opts: InputOptions):
        import httpx

        self.opts = opts
        self.cache = Cache(opts.cache_dir or default_cache_dir()) if opts.use_cache else None
        self.client = httpx.Client(
            timeout=httpx.Timeout(opts.timeout),
            follow_redirects=True,
            max_redirects=opts.max_redirects,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def fetch(self, url: str) -> Fetched:
        import httpx

        check_scheme(url)
        cached = self.cache.load(url) if self.cache else None
        headers = {}
        if cached:
            meta = cached[0]
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        try:
            return self._get(url, headers, cached)
        except FetchError:
            raise
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {self.opts.max_redirects})") from None
        except httpx.ConnectTimeout:
            raise FetchError(f"timed out connecting (after {self.opts.timeout:g} s)") from None
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
            raise FetchError(f"timed out waiting for the server (no data for {self.opts.timeout:g} s)") from None
        except httpx.UnsupportedProtocol as exc:
            if "unsupported protocol" in str(exc).lower():  # a redirect to file:, ftp: …
                raise FetchError(f"redirected to an unsupported URL (only http and https are fetched): "
                                 f"{_short(exc)}") from None
            raise FetchError(f"invalid URL: {_short(exc)}") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"cannot decompress the response: {exc}") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect: {_short(exc)}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"download failed: {type(exc).__name__}: {_short(exc)}") from None
        except (ValueError, OSError) as exc:  # malformed URLs, socket errors outside httpx's mapping
            raise FetchError(f"download failed: {_short(exc)}") from None

    def _get(self, url: str, headers: dict, cached) -> Fetched:
        limit, started = self.opts.max_bytes, time.monotonic()
        deadline = started + DEADLINE_FACTOR * self.opts.timeout
        with self.client.stream("GET", url, headers=headers) as resp:
            final = str(resp.url)
            check_scheme(final)
            if resp.status_code == 304 and cached:
                meta, body_path = cached
                try:
                    data = body_path.read_bytes()
                except OSError as exc:
                    raise FetchError(f"server said 'not modified' but the cached copy is unreadable: {exc}") from None
                return Fetched(url, meta.get("final_url", final), data, meta.get("content_type"), True)
            if resp.status_code >= 400 or resp.status_code in (204, 304) or resp.status_code < 200:
                reason = resp.reason_phrase or ""
                raise FetchError(f"HTTP {resp.status_code} {reason}".rstrip())
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"response too large ({int(declared)} bytes; --max-bytes is {limit})")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():  # decompressed bytes: the cap also stops gzip bombs
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"response too large (more than --max-bytes {limit} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"download took longer than {DEADLINE_FACTOR * self.opts.timeout:g} s")
                chunks.append(chunk)
            data = b"".join(chunks)
            ctype = resp.headers.get("content-type")
            etag, modified = resp.headers.get("etag"), resp.headers.get("last-modified")
            if self.cache and (etag or modified):
                self.cache.store(url, {"etag": etag, "last_modified": modified, "content_type": ctype,
                                       "final_url": final}, data)
            return Fetched(url, final, data, ctype, False)


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
