#!/usr/bin/env python3
"""Build an RSS 2.0 feed from the bundled fixtures, as one partner's delivery would look.

Each item is one fixture article (its lines become <p> paragraphs of content:encoded, so the
HTML splitter sees it as a partner's page body); items cycle through the fixtures of the given
languages until there are --items of them. Used for the run-level check (TQ204: one name
spelled differently by a feed's articles) and as a sample feed:

  python scripts/make_feed.py --items 50 --lang en -o fixtures/feeds/partner-50.xml
  tqcheck check fixtures/feeds/partner-50.xml
"""
from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fixture_articles(langs: set[str]) -> list[tuple[str, str, str]]:
    """(id, language, text) of every labelled fixture in these languages, sorted by id."""
    out = []
    for labels in sorted((ROOT / "fixtures").rglob("*.labels.json")):
        meta = json.loads(labels.read_text(encoding="utf-8"))
        if meta["lang"] in langs:
            out.append((meta["id"], meta["lang"], (labels.parent / meta["file"]).read_text(encoding="utf-8")))
    return out


def feed(items: int, langs: set[str]) -> str:
    articles = fixture_articles(langs)
    if not articles:
        raise SystemExit(f"no fixtures in {sorted(langs)}")
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
             "<channel>", "  <title>Partner Wire (built from the tqcheck fixtures)</title>",
             "  <link>https://wire.example.org/</link>",
             "  <description>Sample feed: every item is one of the project's own fixture articles.</description>"]
    for n in range(items):
        art_id, lang, text = articles[n % len(articles)]
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        body = "".join(f"<p>{html.escape(ln, quote=False)}</p>" for ln in lines[1:])
        guid = f"{art_id}-{n + 1}"
        parts += ["  <item>", f"    <title>{html.escape(lines[0], quote=False)}</title>",
                  f"    <link>https://wire.example.org/{lang}/{guid}</link>",
                  f'    <guid isPermaLink="false">{guid}</guid>',
                  f"    <content:encoded><![CDATA[{body}]]></content:encoded>", "  </item>"]
    parts += ["</channel>", "</rss>", ""]
    return "\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--lang", default="en,de", help="comma-separated fixture languages (default en,de)")
    ap.add_argument("-o", "--output", type=Path, help="write here (default stdout)")
    args = ap.parse_args()
    text = feed(args.items, set(args.lang.split(",")))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
