"""The HTML splitter: the article found in full pages (navigation, headers, footers, comments,
cookie banners, share bars and related rails left out), roles from markup and text, line
numbers, fragments, German pages, malformed and deeply nested markup, and body-extraction
quality on hand-written news pages scored like the article-extraction benchmark."""
from __future__ import annotations

import re
import time
from collections import Counter

import pytest
from fuzzing import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from tqcheck import data
from tqcheck.model import BODY_ROLES, Block, Role
from tqcheck.splitter import split_html
from tqcheck.splitter.html_main import names_pattern

P1 = ("The regional council met on Tuesday evening to discuss the budget for next year, and "
      "several members asked for more money for schools, roads and the local hospital.")
P2 = ("Officials said the final decision would be taken in December, after a public "
      "consultation that is expected to draw hundreds of written comments from residents.")
P3 = ("Opposition members criticised the plan as too timid, saying that the town had put off "
      "repairs to its bridges for a decade and could not afford to wait any longer.")
P4 = ("The mayor replied that the budget was balanced for the first time in years, and that "
      "new borrowing would only push the costs onto the next generation of taxpayers.")
DE1 = ("Der Gemeinderat hat am Dienstagabend über den Haushalt für das kommende Jahr beraten, "
       "und mehrere Mitglieder forderten mehr Geld für Schulen, Straßen und das Krankenhaus.")
DE2 = ("Die endgültige Entscheidung soll im Dezember fallen, nach einer öffentlichen Anhörung, "
       "zu der Hunderte schriftliche Stellungnahmen von Anwohnern erwartet werden.")
DE3 = ("Die Opposition kritisierte den Plan als zu zaghaft: Die Stadt habe die Sanierung ihrer "
       "Brücken seit zehn Jahren aufgeschoben und könne nicht länger warten.")

NAV = """<header class="site-header"><a href="/" class="logo">Daily Courier</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>"""
FOOTER = """<footer class="site-footer"><p>© 2024 Daily Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
</footer>"""
COOKIE = """<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your
experience on our website. By continuing to browse you agree to our use of cookies.</p>
<button>Accept</button></div>"""
RELATED_RAIL = """<aside class="sidebar"><h3>Most read</h3><ol>
<li><a href="/a">Storm closes schools across the region for a second day</a></li>
<li><a href="/b">Local bakery wins national award for its sourdough bread</a></li>
<li><a href="/c">Police appeal for witnesses after collision on the bypass</a></li></ol></aside>"""
COMMENTS = f"""<section id="comments" class="comments-area"><h3>12 comments</h3>
<div class="comment"><p class="comment-author">Jim</p><p>{P3} I could not agree more, it is
about time somebody said it.</p></div>
<div class="comment"><p>Totally wrong, as usual. The council has wasted money for years and
nobody ever asks what happened to the last budget surplus they promised us.</p></div></section>"""
SHARE = """<div class="share-bar"><a href="https://facebook.com/share">Facebook</a>
<a href="https://twitter.com/share">Twitter</a><a href="mailto:">Email</a></div>"""


def page(article: str, *, lang: str = "en", extra_after: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><title>Daily Courier</title>\n"
            f"<script>var x = '<p>not text</p>';</script><style>p {{ color: red }}</style></head>\n"
            f"<body>\n{COOKIE}\n{NAV}\n<div class=\"layout\">\n<main class=\"content\">\n{article}\n"
            f"</main>\n{RELATED_RAIL}\n</div>\n{extra_after}\n{FOOTER}\n</body></html>\n")


def by_role(blocks: tuple[Block, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in blocks:
        out.setdefault(b.role.value, []).append(b.text)
    return out


def body_text(blocks) -> list[str]:
    return [b.text for b in blocks if b.role in BODY_ROLES]


ARTICLE = f"""<article class="story">
<header class="story-header">
<p class="kicker">Budget</p>
<h1 class="headline">Council argues over next year's budget</h1>
<p class="standfirst">Several members want more money for schools and roads.</p>
<div class="byline">By Jane Doe</div>
<time class="timestamp" datetime="2024-11-19">Nov. 19, 2024</time>
</header>
{SHARE}
<figure class="lead-image"><img src="x.jpg" alt="The town hall">
<figcaption>The town hall on Tuesday. <span class="credit">Photo: Max Muster/dpa</span></figcaption>
</figure>
<div class="article-body">
<p>{P1}</p>
<p>{P2}</p>
<aside class="related-box"><h4>Related</h4><a href="/x">Council to vote on bridge repairs</a></aside>
<h2>Bridges first</h2>
<p>{P3}</p>
<div class="newsletter-signup promo"><p>Sign up for our morning newsletter and get the news in your inbox.</p></div>
<p>{P4}</p>
</div>
<div class="author-bio"><p>Jane Doe is a local government reporter at the Daily Courier.</p></div>
</article>"""


# -- the article in a full page ------------------------------------------------------------

def test_full_page_body_is_exactly_the_article_text():
    blocks = split_html(page(ARTICLE, extra_after=COMMENTS))
    assert body_text(blocks) == [P1, P2, "Bridges first", P3, P4]


def test_full_page_drops_page_furniture():
    text = " ".join(b.text for b in split_html(page(ARTICLE, extra_after=COMMENTS)))
    for furniture in ("Sport", "Privacy policy", "cookies", "Most read", "sourdough", "12 comments",
                      "Totally wrong", "Facebook", "Twitter", "not text", "color: red", "Accept"):
        assert furniture not in text, furniture


def test_full_page_roles_from_markup():
    roles = by_role(split_html(page(ARTICLE)))
    assert roles["headline"] == ["Council argues over next year's budget"]
    assert roles["kicker"] == ["Budget"]
    assert roles["lede"] == ["Several members want more money for schools and roads."]
    assert roles["contributors"] == ["By Jane Doe"]
    assert roles["dateline"] == ["Nov. 19, 2024"]
    assert roles["caption"] == ["The town hall on Tuesday. Photo: Max Muster/dpa"]
    assert roles["subheading"] == ["Bridges first"]
    assert "Council to vote on bridge repairs" in roles["related"]
    assert roles["promo"] == ["Sign up for our morning newsletter and get the news in your inbox."]
    assert roles["author_bio"] == ["Jane Doe is a local government reporter at the Daily Courier."]


def test_blocks_are_indexed_in_order_with_normalised_text():
    blocks = split_html(page(ARTICLE))
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert all(b.lang is None for b in blocks)
    for b in blocks:
        assert b.text and b.text == b.text.strip()
        assert not re.search(r"[ \t\n\r\f]{2}|[\t\n\r\f]", b.text)
    lines = [b.line for b in blocks]
    assert lines == sorted(lines)


def test_main_and_article_without_telling_names():
    """No class names at all: paragraphs and link density still find the text."""
    html = f"""<html><body><div><a href="/">Home</a> | <a href="/a">About</a> | <a href="/c">Contact</a></div>
<div><div><h1>A quiet week</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
<div><ul><li><a href="/1">Another story about something else entirely</a></li>
<li><a href="/2">Yet another story that is only a link to elsewhere</a></li></ul></div></div>
<div>Copyright 2024</div></body></html>"""
    blocks = split_html(html)
    assert body_text(blocks) == [P1, P2, P3]
    assert by_role(blocks)["headline"] == ["A quiet week"]


def test_schema_org_article_body_is_preferred():
    html = f"""<html><body><div class="teasers"><p>{P4}</p></div>
<div itemprop="articleBody"><p>{P1}</p><p>{P2}</p></div></body></html>"""
    assert body_text(split_html(html))[:2] == [P1, P2]


# -- fragments ---------------------------------------------------------------------------------

def test_fragment_is_taken_whole():
    html = f"<p>{P1}</p>\n<p>{P2}</p>\n<h2>Next steps</h2>\n<p>{P3}</p>"
    blocks = split_html(html)
    assert [(b.line, b.role.value, b.text) for b in blocks] == [
        (1, "body", P1), (2, "body", P2), (3, "subheading", "Next steps"), (4, "body", P3)]


def test_fragment_keeps_short_pieces_and_labels_notices():
    html = (f"<p>{P1}</p><p>Read more: Council to vote on bridge repairs</p>"
            "<p>This article was automatically translated from German.</p>")
    roles = [b.role for b in split_html(html)]
    assert roles == [Role.BODY, Role.RELATED, Role.TRANSLATION_NOTICE]


def test_plain_text_and_empty_input():
    assert split_html("") == ()
    assert split_html("   \n  ") == ()
    assert split_html("<html><head><title>x</title></head><body></body></html>") == ()
    assert [b.text for b in split_html("just some text")] == ["just some text"]


# -- roles from the markup ---------------------------------------------------------------------

def test_figcaption_and_credit_are_captions():
    html = f"""<article><p>{P1}</p>
<figure><img src="a.jpg"><figcaption>Residents at the meeting.</figcaption></figure>
<div class="wp-caption"><p class="wp-caption-text">The old bridge in 1970</p></div>
<p>{P2}</p><p class="image-credit">Getty Images</p><p>{P3}</p></article>"""
    roles = by_role(split_html(html))
    assert roles["caption"] == ["Residents at the meeting.", "The old bridge in 1970", "Getty Images"]
    assert roles["body"] == [P1, P2, P3]


def test_aside_inside_the_article_is_furniture_not_body():
    html = f"""<html><body><article><h1>Title of the story</h1><p>{P1}</p>
<aside><p>Get the app: all the news from your town on your phone, free for a month.</p></aside>
<aside class="inline-related"><a href="/1">Bridge repairs delayed again</a></aside>
<p>{P2}</p><p>{P3}</p></article></body></html>"""
    roles = by_role(split_html(html))
    assert roles["body"] == [P1, P2, P3]
    assert roles["promo"] == ["Get the app: all the news from your town on your phone, free for a month."]
    assert roles["related"] == ["Bridge repairs delayed again"]


def test_blockquote_that_repeats_the_text_is_a_pull_quote():
    quote = "the town had put off repairs to its bridges for a decade"
    html = f"""<article><p>{P1}</p><p>{P2}</p>
<blockquote class="wp-block-quote"><p>“The town had put off repairs to its bridges for a decade.”</p></blockquote>
<p>{P3}</p><blockquote><p>We will not raise taxes this year, whatever happens in the vote on
Thursday, the mayor wrote in a letter to residents.</p></blockquote><p>{P4}</p></article>"""
    blocks = split_html(html)
    roles = by_role(blocks)
    assert len(roles["pullquote"]) == 1 and quote in roles["pullquote"][0].lower()
    # A quotation that repeats nothing is the article's own text.
    assert any(t.startswith("We will not raise taxes") for t in roles["body"])


def test_embedded_tweet_is_kept_inside_a_social_wrapper():
    html = f"""<article><p>{P1}</p><div class="social-embed"><blockquote class="twitter-tweet">
<p>The bridge is closed again. Third time this month.</p>— Jim (@jim) November 18, 2024
</blockquote></div><div class="social-share"><a href="/s">Share on Facebook</a></div>
<p>{P2}</p></article>"""
    text = body_text(split_html(html))
    assert "The bridge is closed again. Third time this month." in text
    assert not any("Share" in t for t in text)


def test_hidden_and_non_text_elements_are_left_out():
    html = f"""<article><p>{P1}</p><p style="display: none">Hidden by style</p>
<p hidden>Hidden by attribute</p><div aria-hidden="true">Hidden from readers</div>
<span class="sr-only">Screen reader only</span><template><p>Template text</p></template>
<noscript>Please enable JavaScript</noscript><svg><text>SVG text</text></svg>
<form><label>Email</label><input value="x"><button>Send</button></form>
<p class="hidden-xs">Shown on large screens</p><p>{P2}</p></article>"""
    text = " ".join(b.text for b in split_html(html))
    for hidden in ("Hidden", "Screen reader", "Template", "JavaScript", "SVG", "Email", "Send"):
        assert hidden not in text
    assert "Shown on large screens" in text and P1 in text and P2 in text


def test_inline_markup_and_whitespace():
    html = ("<p>Ber<b>lin</b> is  the\n\tcapital,&nbsp;10&nbsp;km <a href='/x'>away</a>.<br>"
            "Next line</p><p>First<br><br>Second paragraph</p>")
    blocks = split_html(html)
    assert [b.text for b in blocks] == [
        "Berlin is the capital,\u00a010\u00a0km away. Next line", "First", "Second paragraph"]


# -- text cues -----------------------------------------------------------------------------------

def test_text_cues_label_furniture_between_paragraphs():
    html = f"""<html><body><article><h1>The budget</h1><p>{P1}</p>
<p>Advertisement</p><p>Read more: Council to vote on bridge repairs</p>
<p>Subscribe to our newsletters to get the latest updates in your inbox.</p>
<p>{P2}</p><p>(Reporting by Jane Doe; editing by Max Muster)</p>
<p>This article first appeared in the Daily Courier.</p></article></body></html>"""
    blocks = split_html(html)
    assert body_text(blocks) == [P1, P2]
    roles = [b.role for b in blocks]
    assert Role.PROMO in roles and Role.RELATED in roles and Role.CONTRIBUTORS in roles
    assert roles[-1] is Role.SYNDICATION_NOTICE


def test_german_page():
    article = f"""<article class="artikel">
<p class="dachzeile">Haushalt</p><h1>Gemeinderat streitet über den Haushalt</h1>
<p class="autor">Von Anna Weber</p>
<figure><img src="a.jpg"><figcaption>Das Rathaus am Dienstag. Foto: Max Muster/dpa</figcaption></figure>
<div class="artikel-text"><p>{DE1}</p><p>Lesen Sie auch: Brücke bleibt bis März gesperrt</p>
<p>{DE2}</p><h2>Brücken zuerst</h2><p>{DE3}</p>
<p>Dieser Artikel wurde automatisch aus dem Englischen übersetzt.</p></div></article>"""
    roles = by_role(split_html(page(article, lang="de")))
    assert roles["body"] == [DE1, DE2, DE3]
    assert roles["subheading"] == ["Brücken zuerst"]
    assert roles["headline"] == ["Gemeinderat streitet über den Haushalt"]
    assert roles["kicker"] == ["Haushalt"]
    assert roles["contributors"] == ["Von Anna Weber"]
    assert roles["caption"] == ["Das Rathaus am Dienstag. Foto: Max Muster/dpa"]
    assert roles["related"] == ["Lesen Sie auch: Brücke bleibt bis März gesperrt"]
    assert roles["translation_notice"] == ["Dieser Artikel wurde automatisch aus dem Englischen übersetzt."]


# -- line numbers ------------------------------------------------------------------------------

def test_line_is_where_the_element_starts():
    html = ("<html>\n<body>\n<article>\n<h1>The\nheadline</h1>\n"  # h1 on line 4
            f"<p>\n{P1}\n</p>\n"  # line 6
            f"<div class=\"x\"\n  id=\"y\">{P2}</div>\n"  # line 9
            f"<ul><li>{P3}</li>\n<li>{P4}</li></ul>\n"  # lines 11, 12
            "</article></body></html>")
    lines = [(b.line, b.text[:12]) for b in split_html(html)]
    assert lines == [(4, "The headline"), (6, P1[:12]), (9, P2[:12]), (11, P3[:12]), (12, P4[:12])]


def test_line_numbers_count_every_line_ending():
    for eol in ("\n", "\r\n", "\r"):
        html = eol.join(["<p>one</p>", "", "<p>two</p>", "<p>three", "three</p>", "<p>four</p>"])
        assert [b.line for b in split_html(html)] == [1, 3, 4, 6], repr(eol)


def test_text_after_a_double_break_starts_at_the_break():
    html = "<div>\nFirst paragraph.\n<br>\n<br>\nSecond paragraph.\n</div>"
    assert [(b.line, b.text) for b in split_html(html)] == [
        (1, "First paragraph."), (4, "Second paragraph.")]


def test_markers_never_leak_and_attribute_values_survive():
    html = ('<p title="a <b> c" data-x=\'<p class="y">\'>Text one</p>'
            '<p data-tqo="999">Text two</p><p>Text <b/>three</p>')
    blocks = split_html(html)
    assert [b.text for b in blocks] == ["Text one", "Text two", "Text three"]
    assert [b.line for b in blocks] == [1, 1, 1]
    assert all("tqo" not in b.text for b in blocks)


# -- malformed and hostile markup --------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<p>unclosed <b>bold <i>italic",
    "</p></div></body></html>stray end tags",
    "<div><p>para <div>div in p</div> tail</p></div>",
    "<table><tr><td>cell<td>cell two<p>para in table</table>",
    "<ul><li>one<li>two<li>three</ul>",
    "<p>a<p>b<p>c",
    "<html><html><body><body><p>twice</p>",
    "<<<>>> <p>>text<</p> <!-- unclosed comment",
    "<scr<script>ipt>alert(1)</script><p>after</p>",
    "\x00<p>nul\x00 byte</p>",
    "<p>" + "<span>" * 3000 + "inline soup" + "</span>" * 10,
    "<b><i>" * 3000 + "misnested formatting",
])
def test_malformed_html_never_crashes(html):
    blocks = split_html(html)
    for b in blocks:
        assert isinstance(b.role, Role) and b.text == b.text.strip() and b.text


def test_deep_nesting_neither_recurses_nor_crashes():
    depth = 10_000
    html = ("<html><body>" + "<div>" * depth + f"<p>{P1}</p>" + "</div>" * depth
            + f"<p>{P2}</p></body></html>")
    blocks = split_html(html)
    assert P1 in [b.text for b in blocks]
    # A long article nested deep: every paragraph at its own level.
    html = ("<html><body><article><h1>Deep</h1>" + f"<div><p>{P1}</p>" * depth
            + "</div>" * depth + "</article></body></html>")
    start = time.perf_counter()
    blocks = split_html(html)
    assert sum(b.text == P1 for b in blocks) == depth
    assert time.perf_counter() - start < 30  # linear, not quadratic (about 0.3 s)


TAGS = ["p", "div", "span", "a", "b", "h1", "h2", "li", "ul", "table", "td", "tr", "blockquote",
        "figure", "figcaption", "aside", "nav", "br", "script", "article", "section"]


@FUZZ
@given(st.lists(st.one_of(
    st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]
                    + ['<div class="comments">', '<p class="caption">', "<br><br>", "&nbsp;", "&amp;"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)), max_size=60))
def test_any_tag_soup_gives_well_formed_blocks(parts):
    html = "".join(parts)
    blocks = split_html(html)
    assert [b.index for b in blocks] == list(range(len(blocks)))
    n_lines = html.count("\n") + html.count("\r") + 1
    for b in blocks:
        assert b.text and b.text == b.text.strip()
        assert 1 <= b.line <= n_lines
        assert isinstance(b.role, Role)


# -- the data file -------------------------------------------------------------------------------

def test_data_file_names_its_sources_and_compiles():
    text = data.path("html_roles.toml").read_text(encoding="utf-8")
    assert text.startswith("# source:")
    for table, body in data.toml("html_roles.toml").items():
        if "names" in body:
            names_pattern(table)  # compiles
            assert not names_pattern(table).search("unrelatedxyz") or table == "content"


def test_names_match_at_the_start_of_a_name_part():
    related = names_pattern("related")
    assert related.search("related-posts") and related.search("c-related__list")
    assert not related.search("unrelated")
    promo = names_pattern("promo")
    assert promo.search("ad") and promo.search("ad-slot") and not promo.search("add-to-cart")


# -- body extraction quality, scored like the article-extraction benchmark -------------------

def _shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3))) if tokens else Counter()


def _scores(pairs):
    precisions, recalls = [], []
    for truth, prediction in pairs:
        t, p = _shingles(truth), _shingles(prediction)
        tp = sum((t & p).values())
        if p:
            precisions.append(tp / sum(p.values()))
        recalls.append(tp / sum(t.values()))
    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _news_site_page(title: str, paragraphs: list[str], *, wordpress: bool) -> str:
    """A page as a CMS renders one: header, menus, breadcrumbs, a share bar, a lead picture,
    the text with an inline teaser and an ad, tags, an author box, related posts, comments,
    a sidebar and a footer."""
    body = []
    for n, para in enumerate(paragraphs):
        body.append(f"<p>{para}</p>")
        if n == 1:
            body.append('<div class="ad-slot"><span>Advertisement</span></div>')
        if n == 2:
            body.append('<p><strong>Read also:</strong> <a href="/r">Why the bridge matters</a></p>')
    article_cls = ("post-12 post type-post status-publish format-standard hentry category-news "
                   "tag-budget author-jdoe" if wordpress else "article")
    return f"""<!doctype html><html><head><title>{title} | Courier</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}"}}</script></head>
<body class="single single-post postid-12 has-sidebar">
<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding">
<p class="site-title"><a href="/">The Courier</a></p><p class="site-description">News from the valley</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li>
<li><a href="/weather">Weather</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></nav>
<article id="post-12" class="{article_cls}">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="byline">By <a href="/author/jdoe">Jane Doe</a></span>
<span class="posted-on"><time datetime="2024-11-19">November 19, 2024</time></span></div></header>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="/s1">Twitter</a></li><li><a href="/s2">Facebook</a></li></ul></div>
<figure class="wp-block-image"><img src="a.jpg"><figcaption>The bridge over the river on Monday. Photo: Max Muster</figcaption></figure>
<div class="entry-content">{''.join(body)}</div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/t/budget">budget</a>, <a href="/t/council">council</a></span></footer>
<div class="author-box"><p>Jane Doe covers local politics for the Courier.</p></div>
</article>
<div class="related-posts"><h3>You may also like</h3><ul>
<li><a href="/p1">Floods close the riverside road for the third time this year</a></li>
<li><a href="/p2">A new cycling path will connect the villages in the valley</a></li></ul></div>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “{title}”</h2>
<ol class="comment-list"><li class="comment"><div class="comment-content"><p>This is exactly what I
said at the last meeting, and nobody listened to me then either, so I doubt it will change.</p></div></li>
<li class="comment"><div class="comment-content"><p>The council should publish the full budget
online so that everybody can read it before the vote, not after it has been decided.</p></div></li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2>
<ul><li><a href="/r1">Market day moves to Saturday</a></li><li><a href="/r2">School choir wins regional contest</a></li></ul></section>
<section class="widget"><h2 class="widget-title">Newsletter</h2><p>Get the best stories of the week in your inbox every Friday morning.</p></section></aside>
</div><footer id="colophon" class="site-footer"><p>Proudly powered by a CMS. © 2024 The Courier</p></footer></div>
</body></html>"""


def test_body_extraction_quality_on_news_pages():
    articles = [
        ("Council argues over next year's budget", [P1, P2, P3, P4], True),
        ("Der Gemeinderat streitet", [DE1, DE2, DE3], False),
        ("Bridges first, says the opposition", [P3, P1, P4, P2, P1 + " " + P3], True),
        ("A short one", [P2, P4], False),
    ]
    pairs = []
    for title, paragraphs, wordpress in articles:
        blocks = split_html(_news_site_page(title, paragraphs, wordpress=wordpress))
        pairs.append(("\n\n".join(paragraphs), "\n\n".join(body_text(blocks))))
    precision, recall, f1 = _scores(pairs)
    assert precision >= 0.97 and recall >= 0.97 and f1 >= 0.97, (precision, recall, f1)


def test_news_page_roles_around_the_text():
    blocks = split_html(_news_site_page("Council argues", [P1, P2, P3, P4], wordpress=True))
    roles = by_role(blocks)
    assert roles["headline"] == ["Council argues"]
    assert roles["caption"] == ["The bridge over the river on Monday. Photo: Max Muster"]
    assert roles["body"] == [P1, P2, P3, P4]
    text = " ".join(b.text for b in blocks)
    for furniture in ("Recent Posts", "Leave a Reply", "nobody listened", "Proudly powered", "Weather",
                      "Share this", "Twitter", "Tagged"):
        assert furniture not in text, furniture
    # Teasers of other posts are related, wherever the article's container ends.
    assert all(b.role is Role.RELATED for b in blocks if b.text.startswith("Floods close"))
