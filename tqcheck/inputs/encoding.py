"""Bytes to text: the declared charset first, then strict UTF-8, then a reported guess.

Order (as browsers do for HTML): a byte-order mark; the charset the transport declared (HTTP
Content-Type); the one the document declares (<meta charset>, <meta http-equiv>, the XML
declaration); strict UTF-8; a guess. Decoding never raises for odd bytes: a guess or replaced
bytes come back as a note, which the article's errors[] shows, so an editor knows the text
may be mis-decoded. Only NUL bytes without a UTF-16 BOM are refused (a binary file).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from email.message import Message

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Labels that browsers (WHATWG Encoding) read as windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso-ir-100",
              "cp819", "ibm819", "iso_8859-1", "windows-1252", "cp1252", "x-cp1252"}
_SINGLE_BYTE_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "ascii"}
SNIFF_BYTES = 4096
GUESS_MIN_NON_ASCII = 48  # below this a statistical guess is noise; cp1252 is the better bet

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)


class BinaryError(ValueError):
    pass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    return msg.get_param("charset") or None


def codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label, or None when unknown (a bad label is ignored)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_in_document(data: bytes) -> str | None:
    head = data[:SNIFF_BYTES]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _is_ascii(data: bytes) -> bool:
    return data.isascii()


def _utf8_error(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    return None


def _guess(data: bytes) -> str:
    """Best single-byte guess for text that is not UTF-8: cp1252 for short samples (Western
    European news is the common case), charset-normalizer for enough material."""
    non_ascii = sum(1 for b in data[:65536] if b > 0x7F)
    if non_ascii >= GUESS_MIN_NON_ASCII:
        try:
            from charset_normalizer import from_bytes
            best = from_bytes(data[:262144]).best()
        except Exception:  # a detector bug must not stop reading
            best = None
        if best is not None and best.encoding:
            enc = codecs.lookup(best.encoding).name
            sample = data[:65536]
            if enc != "cp1252" and _strict(sample, enc) is not None and _strict(sample, enc) == _strict(sample, "cp1252"):
                return "cp1252"  # the same text either way (German in cp1250): name the usual one
            return enc
    return "cp1252" if _strict(data, "cp1252") is not None else "latin-1"


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, *, declared: str | None = None, in_document: bool = True) -> Decoded:
    """Decode `data`; `declared` is the transport's charset (HTTP); `in_document` also reads
    <meta charset> and the XML declaration. Raises BinaryError for binary data only."""
    if bom := bom_encoding(data):
        enc, skip = bom
        text = data[skip:].decode(enc, "replace")
        notes = (f"undecodable bytes in {enc} text replaced by U+FFFD",) if "\ufffd" in text and \
            _strict(data[skip:], enc) is None else ()
        return Decoded(text, enc, notes)
    if b"\x00" in data[:8192]:
        raise BinaryError("looks like a binary file (NUL bytes), not text")
    labels = [declared] + ([declared_in_document(data)] if in_document else [])
    tried = []
    for label in labels:
        enc = codec_name(label)
        if enc is None or enc in tried:
            continue
        tried.append(enc)
        # "latin-1" declared over UTF-8 bytes is a classic server default: bytes that are
        # valid UTF-8 and not ASCII are UTF-8 (a Latin-1 text almost never is).
        if enc in _SINGLE_BYTE_WESTERN and not _is_ascii(data) and _strict(data, "utf-8") is not None:
            return Decoded(data.decode("utf-8"), "utf-8")
        if (text := _strict(data, enc)) is not None:
            return Decoded(text, enc)
    if (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8")
    why = _utf8_error(data)
    if tried:
        why = f"not valid {' or '.join(tried)} as declared, and {why}"
    enc = _guess(data)
    text = data.decode(enc, "replace")
    return Decoded(text, enc, (f"{why}; decoded as {enc} (a guess: check the text)",))
