"""TQ702 foreign-sentence: a short or name-heavy sentence in another language inside a paragraph
that is otherwise in the article's language ("Die Lage ist ernst." in an English paragraph).

TQ701 already flags foreign sentences of six or more ordinary words with strong function-word
evidence; this rule takes the ones it leaves (three to six real words, or a sentence made
mostly of names and capitalised nouns) and never reports a sentence TQ701 reports.

Evidence, cheapest first:
1. The block has a function word of another language that is rare in the article's language
   (the TQ701 evidence table; a set intersection of whitespace tokens); else it is done.
2. Per sentence, after masking quotations, loan phrases, URLs and numbers: no function word of
   the article's language at all (one "and" or "der" settles it: no langdetect).
3. Names are masked: capitalised words inside the sentence count only when they are common
   nouns of the candidate language and rare in the article's (German "Polizei", "Lage"); the
   first word only when it is a function word of some language; a name particle between two
   names ("von der", "de la") goes with the names. >= 3 real words must be left.
4. The words must lean abroad (wordfreq): none clearly more frequent in the article's language,
   and either >= 2 distinct foreign function words and half the words leaning abroad, or one
   function word, >= 4 words and 70% leaning abroad; and one content word rare in the
   article's language (zipf < 3.0), as TQ701 asks of short blocks, so an idiom or title made of
   everyday words ("Love is in the air.", "What a time to be alive.") stays unflagged.
5. >= 4 words, every one clearly more frequent in that language (and, except for English and
   German with their large word lists, >= 2 of its function words), settle it: no langdetect.
   Otherwise seeded langdetect on the real words (or on the sentence with quotations and
   numbers masked, capitals kept) must name the same language with p >= 0.99.
6. Not framed: no framing word ("slogan", "motto", "line", "Titel", data/foreign_phrases.toml)
   in the previous sentence or the three words before, no translation in brackets after it.
7. The rest of the paragraph (outside this sentence and TQ701's findings) has >= 2 of the
   article's own function words: the sentence sits inside target-language text. A block that
   is one short line is TQ701's business (its short-block test).
Translation notices (TQ102) are left alone. Articles in English and German only
(foreign_text.ARTICLE_LANGS, where false positives were measured); other languages get TQ701.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as langid
from ..caches import text_cache
from .. import names
from ..model import Block, Document, Severity
from ..registry import Context, RuleMeta, bad, good, per_document
from ..sentences import split as split_sentences
from . import foreign_language as fl
from . import foreign_text as ft
from .language_notice import document_notices

MIN_REAL_WORDS = 3
MIN_EVIDENCE = 2  # distinct foreign function words ...
MIN_ABROAD_SHARE = 0.5  # ... with this share of the words leaning abroad
MIN_WORDS_WEAK, MIN_ABROAD_SHARE_WEAK = 4, 0.7  # one function word: more words, more lean
FREQ_MARGIN = 1.0  # zipf: a word leans to the language it is this much more frequent in
NOUN_MIN_ZIPF, NOUN_MARGIN = 3.0, 2.0  # a capitalised word: a common noun there, rare here
RARE_AT_HOME = 3.0  # zipf: a content word this rare in the article's language
MIN_PROB = 0.99  # langdetect, on so few words, must be sure
MIN_OWN_CONTEXT = 2  # the article's function words in the rest of the paragraph
_WORD = langid.WORD_RE


@lru_cache(maxsize=None)
def _any_function_word() -> frozenset[str]:
    return frozenset(w for ws in fl._function_words().values() for w in ws)


def _noun(word: str, lang: str, doc_lang: str) -> bool:
    """A capitalised word that is a common word of ``lang`` and rare in ``doc_lang``: a German
    noun ("Lage", "Polizei"), not a name (frequent in both lists, or in neither)."""
    za = names.zipf(word, lang)
    return za >= NOUN_MIN_ZIPF and names.zipf(word, doc_lang) <= za - NOUN_MARGIN


def real_words(text: str, lang: str, doc_lang: str) -> list[str]:
    """The words of a (masked) sentence that say something about its language, lower case:
    lower-case words, a first word that is a function word, capitalised common nouns of
    ``lang``. Names, acronyms, loanwords and name particles between names are left out."""
    toks = _WORD.findall(text)
    loans = ft.loanwords(doc_lang)
    particles = ft.name_particles()
    fws = _any_function_word()
    n = len(toks)
    cap = [t[0].isupper() for t in toks]
    out = []
    for i, t in enumerate(toks):
        lw = t.lower()
        if lw in loans or (len(t) > 1 and t.isupper()):
            continue
        if i == 0:
            if lw in fws:
                out.append(lw)
            continue
        if not cap[i]:
            if (lw in particles and 0 < i < n - 1 and cap[i - 1]
                    and (cap[i + 1] or toks[i + 1].lower() in particles)
                    and not _noun(toks[i - 1], lang, doc_lang)):
                continue  # "Ursula von der Leyen", "Ana de la Cruz"
            out.append(lw)
        elif _noun(t, lang, doc_lang):
            out.append(lw)
    return out


def _rare_at_home(words: list[str], lang: str, doc_lang: str) -> bool:
    """A word of the sentence that is common in ``lang`` (zipf >= 3) and rare in ``doc_lang``
    (zipf < RARE_AT_HOME), not a function word of either: what a plain news sentence has
    ("injured", "continue", "akzeptabel") and an idiom of everyday words lacks ("Love is in
    the air", "What a time to be alive": German wordfreq knows every word of them)."""
    evidence = fl._evidence(doc_lang)
    own = fl._function_words()[doc_lang]
    return any(names.zipf(w, doc_lang) < RARE_AT_HOME and names.zipf(w, lang) >= NOUN_MIN_ZIPF
               and w not in evidence and w not in own for w in words)


@text_cache(4096)  # a pure function of its text: repeated sentences cost one call
def sentence_language(text: str, doc_lang: str) -> str | None:
    """The language of a short or name-heavy sentence (quotations etc. already masked) that is
    clearly not ``doc_lang``, or None."""
    own = fl._function_words().get(doc_lang)
    if not own:
        return None
    toks = _WORD.findall(text)
    if len(toks) < MIN_REAL_WORDS:
        return None
    lowered = [t.lower() for t in toks]
    if not own.isdisjoint(lowered):
        return None  # one function word of the article's language: it is that language
    evidence = fl._evidence(doc_lang)
    counts: dict[str, int] = {}
    for w in set(lowered):
        for lg in evidence.get(w, ()):
            counts[lg] = counts.get(lg, 0) + 1
    if not counts:
        return None
    top = max(counts.values())
    tied = sorted(lg for lg, c in counts.items() if c == top)
    # "to" is English and Polish: a tie goes to the language the words are more frequent in
    best = tied[0] if len(tied) == 1 else max(
        tied, key=lambda lg: sum(names.zipf(w, lg) for w in lowered))
    words = real_words(text, best, doc_lang)
    if len(words) < MIN_REAL_WORDS:
        return None
    top = sum(1 for w in set(words) if best in evidence.get(w, ()))
    zipf = names.zipf
    abroad = 0
    for w in words:
        za, zh = zipf(w, best), zipf(w, doc_lang)
        if zh >= za + FREQ_MARGIN:
            return None  # a word of the article's language
        abroad += za >= zh + FREQ_MARGIN
    n = len(words)
    if not _rare_at_home(words, best, doc_lang):
        return None  # everyday words only: an idiom or title ("Love is in the air.")
    if not ((top >= MIN_EVIDENCE and abroad >= MIN_ABROAD_SHARE * n)
            or (top >= 1 and n >= MIN_WORDS_WEAK and abroad >= MIN_ABROAD_SHARE_WEAK * n)):
        return None
    if abroad == n and n >= MIN_WORDS_WEAK and (best in fl.LEAN_LANGS or top >= MIN_EVIDENCE):
        return best  # every word clearly theirs: wordfreq settles it
    # langdetect on the real words, else on the sentence as written (capitals help it with
    # German: "die lage ist ernst" is 0.86 German, "Die Lage ist ernst" 0.99999)
    for sample in (" ".join(words), " ".join(toks)):
        probs = langid.probabilities(sample)
        if probs and probs[0][0] == best and probs[0][1] >= MIN_PROB:
            return best
    return None


def _frames(sentence: str, doc_lang: str) -> bool:
    """Does the previous sentence introduce a slogan, title or quotation (a framing word)?"""
    rx = ft.framing_re(doc_lang, "framing_sentence")
    return bool(sentence) and rx is not None and bool(rx.search(sentence))


def _own_count(text: str, doc_lang: str) -> int:
    own = fl._function_words()[doc_lang]
    return sum(1 for t in _WORD.findall(text) if t.lower() in own)


# Whitespace after a character that may end a sentence: sentences.split ends sentences only
# there (after [.!?…] and closing quotes or brackets), and not at every such place.
_MAY_END = re.compile(r"(?<=[.!?…\"'”’»«“)\]])\s+")


def _block_findings(doc: Document, block: Block, taken: list[tuple[int, int]]) -> list:
    text = block.text
    own = fl._function_words()[doc.lang]
    if all(not own.isdisjoint(piece.lower().split()) for piece in _MAY_END.split(text)):
        # each piece between two places a sentence may end has an own function word between
        # spaces (one of its words, lower-cased), so each sentence has: none is a candidate
        return []
    masked = None  # quotations, loan phrases, numbers masked: only for a candidate sentence
    runs: list[list] = []
    prev = 0  # start of the previous sentence
    for s, e in split_sentences(text, doc.lang):
        start_prev, prev = prev, s
        if ft.overlaps(taken, s, e) or not own.isdisjoint(text[s:e].lower().split()):
            continue  # an own function word between spaces is one of its words too
        toks = _WORD.findall(text, s, e)
        if len(toks) < MIN_REAL_WORDS or not own.isdisjoint(t.lower() for t in toks):
            continue  # the article's own function words: no need to mask anything
        if masked is None:
            masked = ft.mask(text, ft.masked_spans(text, doc.lang))
        lg = sentence_language(masked[s:e], doc.lang)
        if lg is None:
            continue
        if ft.framed(text, s, e, doc.lang) or _frames(text[start_prev:s], doc.lang):
            continue  # "Kennedy's most famous line came at the end. Ich bin ein Berliner."
        if runs and runs[-1][2] == lg and not text[runs[-1][1]:s].strip():
            runs[-1][1] = e
        else:
            runs.append([s, e, lg])
    if not runs:
        return []
    notices = [(n.start, n.end) for n in document_notices(doc).get(block.index, ())]
    out = []
    for s, e, lg in runs:
        if ft.overlaps(notices, s, e):
            continue  # a translation notice: TQ102's business
        rest = ft.mask(masked or text, taken + [(s, e)])
        if _own_count(rest, doc.lang) < MIN_OWN_CONTEXT:
            continue  # not inside a paragraph in the article's language
        out.append((block, s, e, f"{fl._name(lg)} sentence in {fl._name(doc.lang)} paragraph: "
                    "left untranslated"))
    return out


@per_document(4)
def findings(doc: Document) -> tuple[tuple[Block, int, int, str], ...]:
    """TQ702's findings on a document (cached: TQ703 leaves these sentences alone)."""
    if doc.lang not in ft.ARTICLE_LANGS or doc.lang not in fl._function_words():
        return ()
    taken = fl.spans(doc)
    out: list = []
    foreign = fl._gate_words(doc.lang)[0]
    for block, hits in fl.blocks(doc):
        if not foreign.isdisjoint(hits):  # a foreign evidence word (TQ701's), loose tokens
            out += _block_findings(doc, block, taken.get(block.index, []))
    return tuple(out)


def spans(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """block index -> the (start, end) spans TQ702 flags in it."""
    return fl.by_block(findings(doc))


DOC = """\
## What it flags
A short sentence in another language inside a paragraph that is otherwise in the article's
language: "Die Lage ist ernst." or "Wir werden das nicht hinnehmen." in an
English paragraph, "Nobody was injured, police said." in a German one. It takes the sentences
that are too short or too full of names for TQ701 (three to six ordinary words) and never
reports one TQ701 reports. Names, numbers, URLs, quotations and established loan phrases
("status quo", "coup d'état") are masked before the language is judged; one function word of
the article's language ("and", "der") anywhere in the sentence keeps it unflagged, so a
sentence of names ("Vladimir Putin and Volodymyr Zelensky met in Kyiv.") or a quoted slogan
with its attribution ("Wir schaffen das, Merkel said.") is never flagged. The paragraph around
the sentence must be in the article's language; a block that is one foreign line is TQ701's.

## Why it matters
A single sentence the translation skipped is easy to miss when proofreading and makes the
paragraph unreadable at that point; short ones (a statement, a reaction) are often the quote
the paragraph is about.

## Example
"Merz said the coalition would not give in. Das ist nicht akzeptabel. He left without taking
questions." -- the middle sentence is German.

## Fix
Translate the sentence (keep it in the original only inside quotation marks, with a
translation).
"""


class ForeignSentence:
    meta = RuleMeta(
        code="TQ702",
        name="foreign-sentence",
        family="foreign_language",
        severity=Severity.WARNING,
        summary="Short sentence in another language inside a paragraph",
        doc=DOC,
        roles=fl.ROLES,
        examples=(
            bad("Merz said the coalition would not give in. [[Das ist nicht akzeptabel.]] He "
                "left without taking questions."),
            bad("A fire broke out at the depot late on Sunday. [[Die Lage ist ernst.]] The cause "
                "is still unclear."),
            bad("Der Brand brach am Sonntagabend im Depot aus. [[Nobody was injured, police "
                "said.]] Die Ursache ist noch unklar.", lang="de"),
            good("Merkel's motto was simple. „Wir schaffen das“, she said, and the country "
                 "believed her for a while."),
            good("Vladimir Putin and Volodymyr Zelensky met in Kyiv. The talks lasted three "
                 "hours and ended without a statement."),
            good("The protesters chanted 'Wir sind das Volk' as they marched. The police did not "
                 "intervene."),
            good("Critics called it a coup d'état. Ad hoc committees were set up. The status quo "
                 "ante was restored within days."),
            good("Der Kanzler sprach von einem Kurswechsel. Ursula von der Leyen, Emmanuel "
                 "Macron, Giorgia Meloni. Alle waren gekommen.", lang="de"),
        ),
    )

    def __init__(self) -> None:
        fl.ForeignLanguageBlock()  # the same tables, loaded once

    def check(self, doc: Document, ctx: Context) -> None:
        for block, s, e, message in findings(doc):
            ctx.report(block, s, e, message, None)
