"""TQ701 foreign-language-block: a sentence (or a whole block) of running text in another
language than the article -- text the translation skipped.

Evidence, cheapest first:
1. Block gate (set operations on whitespace tokens): the block needs >= 2 distinct *foreign
   evidence* words -- function words of another language (data/function_words.toml) that are
   at least 1.0 zipf rarer in the article's language (wordfreq), so English "man", "also" or
   "will" never count as German -- or >= 8 tokens and none of its own function words. Most
   blocks stop here: no sentence split, no langdetect.
2. Sentence vote, on the sentence without quotations. Lower-case words (and the first word)
   are counted; capitalised words are names -- or the nouns of a German sentence, which count
   as words only when wordfreq knows them as common in that language and rare in the
   article's ("Vertrag", not "Selenskyj" or "Berlin"). A candidate needs >= 6 words and either
   >= 3 evidence words for one language, >= 20% of the words and at most a third as many of
   the article's own function words; or >= 2 evidence words and none of the article's own.
3. Confirmation: wordfreq, when the sentence has none of the article's function words and the
   candidate is English or German: >= 80% of its lower-case words (and foreign nouns) clearly
   (1.0 zipf) more frequent there than in the article's language, none clearly more frequent
   at home.
   Otherwise seeded langdetect must name the same language, with probability >= 0.90
   (0.95 for the weaker vote), on the sentence without quotations or on its lower-case words
   alone (names can pull langdetect towards Croatian or Danish). A sentence with no
   function-word evidence at all (a language without a list, e.g. Portuguese) needs >= 8
   lower-case words, most of them not ordinary words of the article's language, and
   langdetect >= 0.99.
4. Short blocks (4-8 words: a subheading or caption, too short for the vote), English only:
   two English function words and none of the article's, every other word a common English
   word in lower case (one capitalised name allowed), one of them rare in the article's
   language (so not "Team", "Update", "Back to the roots"); no langdetect, which cannot judge
   so few words (see short_foreign_language). The same word rare at home is asked of any
   English sentence of at most 8 words in step 2 ("The same procedure as every year").
Sentences that TQ102 treats as translation/syndication notices are left to it, so one notice
does not get two families. An article language without a function-word list is skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from .. import data, names
from .. import lang as langid
from ..model import Block, Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good, per_document
from ..sentences import split as split_sentences
from .language_notice import LANG_NAMES, document_notices

ROLES = frozenset({Role.BODY, Role.LEDE, Role.SUBHEADING, Role.CAPTION})
MIN_REAL_WORDS = 6  # lower-case words left after masking; fewer is too little to judge
MIN_EVIDENCE = 3  # foreign function words in a sentence
MIN_EVIDENCE_SHARE = 0.2  # of the sentence's lower-case words
FREQ_MARGIN = 1.0  # zipf: a foreign function word must be this much rarer in the article's language
MIN_EVIDENCE_WEAK = 2  # ... when none of the article's own function words is there
NOUN_MIN_ZIPF, NOUN_MARGIN = 3.0, 2.0  # a capitalised word common abroad, rare at home
MIN_PROB = 0.90  # langdetect's confidence when the function words already point abroad
MIN_PROB_WEAK = 0.95  # ... when they point there more weakly
MIN_PROB_UNLISTED = 0.99  # ... and when they don't (a language without a function-word list)
MIN_WORDS_UNLISTED = 8
LEAN_LANGS, LEAN_SHARE = frozenset({"en", "de"}), 0.8  # wordfreq alone may confirm these
KNOWN_MIN_ZIPF, MAX_KNOWN_SHARE_UNLISTED = 3.0, 0.5
WARM_LANGS = ("en", "de")  # article languages whose tables are built when the rule is created
# Short blocks (a subheading, a caption line) of 4-8 words, too short for the sentence vote:
SHORT_MIN_WORDS, SHORT_MAX_WORDS = 4, 8
SHORT_TOP_WORDS = 100  # wordfreq's most frequent words of a language count as its function words
SHORT_MIN_FUNCTION = 2  # foreign function words, with none of the article's own
SHORT_WORD_MIN_ZIPF = 3.0  # every other word a common word of the foreign language ...
SHORT_MAX_NAMES = 1  # ... except at most one capitalised name
SHORT_RARE_AT_HOME = 2.5  # and one content word rare in the article's language (not a loanword)
# Short blocks are judged for English only: English leaks untranslated into every press, and
# the other languages' wordfreq lists know its everyday words (Team, Update, "Back to the
# roots"), so a word rare at home tells a topical line from a loanword or an idiom. German,
# French or Latin short lines in English text are mostly titles, slogans and mottos ("Wir sind
# das Volk", "Liberté, égalité, fraternité"), where every word is rare at home.
SHORT_LANGS = frozenset({"en"})

# Quotations in any convention: “…”, „…“, „…”, «…», »…«, "…", ‚…‘, ‘…’.
_QUOTE = re.compile(r"“[^“”„]*”|„[^„“”]*[“”]|«[^«»]*»|»[^«»]*«|\"[^\"]*\"|‚[^‚‘]*‘"
                    r"|(?<!\w)‘[^‘]*’(?!\w)")
_WORD = langid.WORD_RE


@lru_cache(maxsize=None)
def _function_words() -> dict[str, frozenset[str]]:
    return {lg: frozenset(ws) for lg, ws in data.toml("function_words.toml").items()}


@lru_cache(maxsize=None)
def _evidence(doc_lang: str) -> dict[str, tuple[str, ...]]:
    """word -> the foreign languages it is evidence for, in an article in ``doc_lang``."""
    fw = _function_words()
    own = fw.get(doc_lang, frozenset())
    out: dict[str, list[str]] = {}
    for lg, words in fw.items():
        if lg == doc_lang:
            continue
        for w in words:
            if len(w) < 2 or w in own:
                continue
            if zipf_frequency(w, doc_lang) <= zipf_frequency(w, lg) - FREQ_MARGIN:
                out.setdefault(w, []).append(lg)
    return {w: tuple(lgs) for w, lgs in out.items()}


@lru_cache(maxsize=None)
def _gate_words(doc_lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(foreign evidence words, also capitalised as at a sentence start; own function words)."""
    ev = _evidence(doc_lang)
    foreign = frozenset(ev) | frozenset(w.capitalize() for w in ev)
    return foreign, _function_words().get(doc_lang, frozenset())


def loose_tokens(text: str) -> list[str]:
    """Whitespace tokens with commas and full stops split off ("said." -> "said"): the tokens
    the gates of TQ701-703 look for their words among."""
    return text.replace(".", " ").replace(",", " ").split()


@lru_cache(maxsize=None)
def _all_gate_words(doc_lang: str) -> frozenset[str]:
    """The gate words of the three rules in an article in ``doc_lang``: TQ701's evidence words
    (_gate_words), and TQ703's (foreign_phrase._gate_words) in its article languages."""
    from . import foreign_phrase  # (it imports this module)

    words = _gate_words(doc_lang)[0]
    if doc_lang in foreign_phrase.ft.ARTICLE_LANGS:
        words = words | foreign_phrase._gate_words(doc_lang)
    return words


@per_document(4)
def blocks(doc: Document) -> tuple[tuple[Block, frozenset[str]], ...]:
    """The blocks TQ701-703 read (ROLES), each with the gate words (_all_gate_words) among its
    loose tokens: each block is tokenised, and its tokens hashed, once for the three rules.

    A gate word is letters only, so a loose token that is one is one of the block's words
    (lang.words) too: a block none of whose words is one, as the engine kept them
    (lang.kept_words), needs no loose tokens."""
    gate = _all_gate_words(doc.lang)
    kept = langid.kept_words(doc)
    out = []
    for i, b in enumerate(doc.blocks):
        if b.role in ROLES:
            if kept is not None and gate.isdisjoint(kept[i]):
                out.append((b, _NONE))
            else:
                out.append((b, gate.intersection(loose_tokens(b.text))))
    return tuple(out)


_NONE: frozenset[str] = frozenset()


_HEAD = 12  # whitespace tokens the gate looks at first


def _gate(text: str, doc_lang: str, hits: set[str]) -> bool:
    """Cheap block test (set operations on whitespace tokens): could any sentence of this
    block be foreign? Distinct words are counted, and punctuation is not stripped.

    ``hits``: the evidence words among the block's loose tokens. An evidence word is letters
    only, so one that is a whitespace token is a loose token too: fewer than two hits there,
    fewer than two here."""
    foreign, own = _gate_words(doc_lang)
    if len(hits) < MIN_EVIDENCE_WEAK and not own.isdisjoint(text.split(None, _HEAD)):
        # an own function word among the first tokens (the rest of the block, split off as
        # one string, equals one only when it is a single token): no need to split it all
        return False
    tokens = text.split()
    if len(foreign.intersection(tokens)) >= MIN_EVIDENCE_WEAK:
        return True
    return len(tokens) >= MIN_WORDS_UNLISTED and own.isdisjoint(tokens)


@lru_cache(maxsize=None)
def _short_function_words(doc_lang: str) -> dict[str, tuple[str, ...]]:
    """word -> the foreign languages it is a function word of, for short blocks: the language's
    function-word list and wordfreq's most frequent words of it (English "a", "how", "new" that
    the list leaves out), each at least FREQ_MARGIN rarer in ``doc_lang`` and not one of its
    function words."""
    from wordfreq import top_n_list

    fw = _function_words()
    own = fw.get(doc_lang, frozenset())
    out: dict[str, list[str]] = {}
    for lg, words in fw.items():
        if lg == doc_lang or lg not in SHORT_LANGS:
            continue
        for w in sorted(set(words) | set(top_n_list(lg, SHORT_TOP_WORDS))):
            if w in own or not _WORD.fullmatch(w):
                continue
            if names.zipf(w, doc_lang) <= names.zipf(w, lg) - FREQ_MARGIN:
                out.setdefault(w, []).append(lg)
    return {w: tuple(lgs) for w, lgs in out.items()}


def short_foreign_language(text: str, doc_lang: str) -> str | None:
    """The language of a short block (4-8 words: a subheading, a caption) written wholly in
    another language than ``doc_lang``, or None.

    Evidence, all of it needed: none of the article's own function words; at least two function
    words of one foreign language; every other word a common word of that language that leans
    to it (lower-case, so no German noun and no title in Title Case; at most one capitalised
    name); and at least one content word that is rare in the article's language (so not a
    loanword like "Team", "Update", "Startup" nor an idiom of everyday words such as "Back to
    the roots"). langdetect is not asked: on four to eight words it is no judge (it gives
    "Green hydrogen as a bargaining chip" 0.71 English, 0.29 Welsh), and wordfreq has already
    placed every word.
    """
    tokens = _WORD.findall(_unquote(text))
    if not SHORT_MIN_WORDS <= len(tokens) <= SHORT_MAX_WORDS:
        return None
    own = _function_words().get(doc_lang, frozenset())
    lowered = [t.lower() for t in tokens]
    if not own.isdisjoint(lowered):
        return None
    fw = _short_function_words(doc_lang)
    counts: dict[str, int] = {}
    for w in set(lowered):  # distinct words: "First come, first served" has one
        for lg in fw.get(w, ()):
            counts[lg] = counts.get(lg, 0) + 1
    if not counts:
        return None
    best, top = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if top < SHORT_MIN_FUNCTION:
        return None
    zipf = names.zipf
    n_names = n_words = 0
    for i, (t, w) in enumerate(zip(tokens, lowered)):
        if i and not t[0].islower():  # a capitalised word inside: a name (English has no
            n_names += 1              # capitalised nouns), or a title in Title Case
            if n_names > SHORT_MAX_NAMES:
                return None
            continue
        za, zh = zipf(w, best), zipf(w, doc_lang)
        if za < SHORT_WORD_MIN_ZIPF or za <= zh:
            return None  # a word of the article's language, or no common word abroad
        n_words += 1
    if n_words < SHORT_MIN_WORDS or not _rare_at_home(lowered, best, doc_lang):
        return None
    return best


def _unquote(text: str) -> str:
    if any(q in text for q in "“„«»\"‚‘"):
        return _QUOTE.sub(lambda m: " " * len(m.group()), text)
    return text


def _foreign_nouns(caps: list[str], lang: str, doc_lang: str) -> int:
    """Capitalised words that are common words of ``lang`` and rare in ``doc_lang``: the nouns
    of a German sentence ("Vertrag", "Sommer"), not names (frequent in both languages)."""
    n = 0
    for w in caps:
        f = zipf_frequency(w, lang)
        if f >= NOUN_MIN_ZIPF and zipf_frequency(w, doc_lang) <= f - NOUN_MARGIN:
            n += 1
    return n


def _rare_at_home(words: list[str], lang: str, doc_lang: str) -> bool:
    """Whether a content word (not a function word) is a common word of ``lang`` and rare in
    ``doc_lang``: what tells a topical English line from an idiom of everyday English words,
    which German wordfreq knows ("Back to the roots", "The same procedure as every year")."""
    fw = _short_function_words(doc_lang)
    return any(names.zipf(w, doc_lang) < SHORT_RARE_AT_HOME
               and names.zipf(w, lang) >= SHORT_WORD_MIN_ZIPF and lang not in fw.get(w, ())
               for w in words)


def _leans_abroad(words: list[str], lang: str, doc_lang: str, nouns: int = 0) -> bool:
    """wordfreq settles it without langdetect: English or German ``lang`` (large word lists),
    at least LEAN_SHARE of the lower-case words (and ``nouns``, the capitalised foreign nouns
    counted already, which lean abroad by definition) clearly more frequent there than in
    ``doc_lang``, and none clearly more frequent at home (a name-heavy or mixed sentence, such
    as "… Ursula von der Leyen promised continued support", still goes to langdetect)."""
    if lang not in LEAN_LANGS or len(words) + nouns < MIN_REAL_WORDS:
        return False
    zipf = names.zipf
    abroad = nouns
    for w in words:
        za, zh = zipf(w, lang), zipf(w, doc_lang)
        if zh >= za + FREQ_MARGIN:
            return False
        abroad += za >= zh + FREQ_MARGIN
    return abroad >= LEAN_SHARE * (len(words) + nouns)


def _share_known(words: list[str], doc_lang: str) -> float:
    """Share of words that are ordinary words of ``doc_lang`` (a recipe line or a list of
    nouns has no function words but is plainly in the article's language)."""
    return sum(1 for w in words if zipf_frequency(w, doc_lang) >= KNOWN_MIN_ZIPF) / len(words)


def foreign_language(text: str, doc_lang: str, block_lang: str | None = None) -> str | None:
    """The language a sentence is clearly written in, when that is not ``doc_lang``.

    ``block_lang``: the whole block is already known to be in that (foreign) language; a
    sentence whose function words point there needs no langdetect call of its own.
    """
    tokens = _WORD.findall(_unquote(text))
    if len(tokens) < MIN_REAL_WORDS:
        return None
    words: list[str] = []  # lower-case words, and the sentence's first word
    caps: list[str] = []  # other capitalised words: names, or nouns of a language like German
    for i, t in enumerate(tokens):
        if t[0].islower():
            words.append(t)
        elif i == 0:
            words.append(t.lower())
        elif not t.isupper():
            caps.append(t)
    evidence = _evidence(doc_lang)
    own = _function_words().get(doc_lang, frozenset())
    counts: dict[str, int] = {}
    n_own = nouns = 0
    for w in words:
        langs = evidence.get(w)
        if langs:
            for lg in langs:
                counts[lg] = counts.get(lg, 0) + 1
        elif w in own:
            n_own += 1
    best, top = max(counts.items(), key=lambda kv: kv[1]) if counts else (None, 0)
    if best in SHORT_LANGS and len(tokens) <= SHORT_MAX_WORDS and not _rare_at_home(
            words, best, doc_lang):
        return None  # "The same procedure as every year", "What a time to be alive"
    if (top >= MIN_EVIDENCE and top >= MIN_EVIDENCE_SHARE * len(words) and 3 * n_own <= top
            and len(words) >= MIN_REAL_WORDS):
        # Function words point to `best`. langdetect must agree, on the sentence without
        # quotations or (names can pull it towards Croatian or Danish) on its lower-case words.
        samples, min_prob = (" ".join(tokens), " ".join(words)), MIN_PROB
    elif (top >= MIN_EVIDENCE_WEAK and n_own == 0
          and len(words) + (nouns := _foreign_nouns(caps, best, doc_lang)) >= MIN_REAL_WORDS):
        # A short sentence whose nouns are capitalised ("Der Vertrag läuft bis zum Sommer"):
        # fewer function words, so langdetect must be surer, on the whole sentence.
        samples, min_prob = (" ".join(tokens),), MIN_PROB_WEAK
    elif (top == 0 and n_own == 0 and len(words) >= MIN_WORDS_UNLISTED
          and _share_known(words, doc_lang) < MAX_KNOWN_SHARE_UNLISTED):
        probs = langid.probabilities(" ".join(words))
        if probs and probs[0][0] != doc_lang and probs[0][1] >= MIN_PROB_UNLISTED:
            return probs[0][0]
        return None
    else:
        return None
    if best == block_lang or (n_own == 0 and _leans_abroad(words, best, doc_lang, nouns)):
        return best
    for sample in samples:
        probs = langid.probabilities(sample)
        if probs and probs[0][0] == best and probs[0][1] >= min_prob:
            return best
    return None


def _name(code: str) -> str:
    return LANG_NAMES.get(code, code)


DOC = """\
## What it flags
A sentence, or a whole paragraph, subheading or caption, written in another language than the
article: a German sentence left in an English article, an English paragraph in a German one.
Names, numbers and quotations are ignored, a sentence needs at least six other words and the
foreign function words must clearly outnumber the article's own, so name-heavy sentences,
quotations in the original language and foreign terms ("the so-called Zeitenwende", "Sturm und
Drang") are not flagged. A short block of 4-8 words (an English subheading or caption left in a
German article) is flagged only when it has two English function words and none of the
article's, every other word is a common English word written in lower case (at most one name),
and one of them is rare in the article's language: English loanwords
("Startup", "Team", "Update"), titles in Title Case and idioms made of everyday words ("Back to
the roots", "The winner takes it all") stay unflagged. Translation notices are left to TQ102.

## Why it matters
Untranslated text is the plainest sign that a translation step failed or was skipped for part
of the article; readers of the republished version cannot read it.

## Example
"The chancellor spoke in Berlin. Die Regierung wird die Pläne noch in dieser Woche im Kabinett
beraten. Critics were not convinced." -- the middle sentence is German.

## Fix
Translate the sentence, or remove it if it is page furniture from the original site.
"""


class ForeignLanguageBlock:
    meta = RuleMeta(
        code="TQ701",
        name="foreign-language-block",
        family="foreign_language",
        severity=Severity.WARNING,
        summary="Sentence or block in another language than the article",
        doc=DOC,
        roles=ROLES,
        examples=(
            bad("The chancellor spoke in Berlin on Monday. [[Die Regierung wird die Pläne noch "
                "in dieser Woche im Kabinett beraten.]] Critics were not convinced."),
            bad("[[Der Kanzler hat am Montag in Berlin gesagt, dass die Regierung die Pläne "
                "nicht ändern wird.]]"),
            bad("Der Kanzler äußerte sich am Montag in Berlin. [[The government will discuss "
                "the plans in the cabinet at the end of this week.]]", lang="de"),
            bad("[[The minister said that the talks with the unions would continue on "
                "Friday.]]", lang="de", roles=(Role.CAPTION,)),
            good("The so-called Zeitenwende has changed German defence policy for good."),
            good("Merkel's motto „Wir schaffen das“ (“We can do this”) became famous in 2015."),
            good("Present were Wolodymyr Selenskyj, Oleksandr Syrskyj, Dmytro Kuleba, Andrij "
                 "Jermak and Denys Schmyhal."),
            good("Trump sagte: „We are going to end this war very quickly, believe me.“",
                 lang="de"),
            good("Ursula von der Leyen met Emmanuel Macron and Olaf Scholz at the Élysée "
                 "Palace, where they discussed the war in Ukraine."),
            good("Der Bundestag hat am Donnerstag das Gesetz zur Rente beschlossen. Die "
                 "Opposition stimmte dagegen.", lang="de"),
            good("This article was first published in German. Dieser Artikel wurde maschinell "
                 "übersetzt und erschien zuerst bei einer Partnerzeitung."),
            bad("[[Green hydrogen as a bargaining chip]]", lang="de", roles=(Role.SUBHEADING,)),
            good("Back to the roots", lang="de", roles=(Role.SUBHEADING,)),
            good("The winner takes it all", lang="de", roles=(Role.SUBHEADING,)),
            good("Update fürs Homeoffice: Startup sucht Team", lang="de", roles=(Role.SUBHEADING,)),
            good("Wir sind das Volk", roles=(Role.SUBHEADING,)),
        ),
    )

    def __init__(self) -> None:
        for lg in WARM_LANGS:  # wordfreq and langdetect load their tables once, here
            _gate_words(lg)
            _short_function_words(lg)
        langid.warm_up()

    def check(self, doc: Document, ctx: Context) -> None:
        for block, s, e, message in findings(doc):
            ctx.report(block, s, e, message, None)


@per_document(4)
def findings(doc: Document) -> tuple[tuple[Block, int, int, str], ...]:
    """TQ701's findings on a document: (block, start, end, message). Cached, so the sentence
    and phrase rules (TQ702, TQ703) can leave alone what TQ701 reports without a second pass."""
    if doc.lang not in _function_words():
        return ()  # no function-word list for the article's language: nothing to compare with
    out: list[tuple[Block, int, int, str]] = []
    short = bool(_short_function_words(doc.lang))
    foreign = _gate_words(doc.lang)[0]
    for block, hits in blocks(doc):
        text = block.text
        if _gate(text, doc.lang, hits & foreign) and _check_block(doc, block, out):
            continue
        if (short and len(text) < 120
                and SHORT_MIN_WORDS <= len(text.split()) <= SHORT_MAX_WORDS + 2):
            _check_short(doc, block, out)  # "+ 2": dashes, numbers
    return tuple(out)


def spans(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """block index -> the (start, end) spans TQ701 flags in it."""
    return by_block(findings(doc))


def by_block(found) -> dict[int, list[tuple[int, int]]]:
    """(block, start, end, …) findings -> block index -> their (start, end) spans."""
    out: dict[int, list[tuple[int, int]]] = {}
    for block, s, e, *_ in found:
        out.setdefault(block.index, []).append((s, e))
    return out


def _check_short(doc: Document, block: Block, out: list) -> None:
    lg = short_foreign_language(block.text, doc.lang)
    if lg is None:
        return
    text = block.text
    if document_notices(doc).get(block.index):
        return  # a translation notice: TQ102's business
    s, e = len(text) - len(text.lstrip()), len(text.rstrip())
    unit = {Role.SUBHEADING: "subheading", Role.CAPTION: "caption"}.get(block.role, "paragraph")
    out.append((block, s, e, f"{_name(lg)} {unit} in {_name(doc.lang)} text: left untranslated"))


def _check_block(doc: Document, block: Block, out: list) -> bool:
    text = block.text
    # The engine has already run langdetect on the whole block when its function words
    # disagreed with the article's language: if they clearly agree with that verdict, the
    # block is foreign and its sentences are not sent to langdetect one by one.
    block_lang = None
    if block.lang not in (None, doc.lang) and block.lang in _function_words():
        if langid.clear_vote(langid.words(text)) == block.lang:
            block_lang = block.lang
    notices = None
    runs: list[list] = []  # [start, end, lang] of runs of foreign sentences
    for s, e in split_sentences(text, doc.lang):
        lg = foreign_language(text[s:e], doc.lang, block_lang)
        if lg is None:
            continue
        if notices is None:
            notices = [(n.start, n.end) for n in document_notices(doc).get(block.index, ())]
        if any(a < e and s < b for a, b in notices):
            continue  # a translation notice: TQ102's business
        if runs and runs[-1][2] == lg and not text[runs[-1][1]:s].strip():
            runs[-1][1] = e
        else:
            runs.append([s, e, lg])
    for s, e, lg in runs:
        unit = "sentence"
        if not text[:s].strip() and not text[e:].strip():
            unit = {Role.SUBHEADING: "subheading", Role.CAPTION: "caption"}.get(block.role,
                                                                               "paragraph")
        out.append((block, s, e, f"{_name(lg)} {unit} in {_name(doc.lang)} text: left "
                    f"untranslated"))
    return bool(runs)
