"""TQ601-TQ606, family translationese: German patterns a machine translation leaves in the
text, each a construction that ordinary news in the target language does not use.

* TQ601 article-before-title: "the Russian President Vladimir Putin" (German "der russische
  Präsident Wladimir Putin"); English puts a bare title before the name.
* TQ602 german-calque: "in the year 2024" ("im Jahr 2024"), "in the years 2022 and 2023".
* TQ603 honorific-in-running-text: "Mr. Scholz" outside quotations in an article that elsewhere
  writes "Scholz said" (German "Herr Scholz").
* TQ604 verbless-fragment: a sentence that opens with "Including" / "Also" / "As well as" and
  has no finite verb ("Darunter auch mit ..." -> "Including with the Ukrainian president ...").
* TQ605 ellipsis-mid-sentence: "to… War in Ukraine": an ellipsis glued to a word no sentence
  ends on, then a capitalised common word: a segment boundary left inside a sentence.
* TQ606 anglicism-in-year (German text): "in 2024" for "2024" / "im Jahr 2024".

Every rule skips quotations (a speaker may say "Mr. Scholz" or trail off with "to… Look"), reads
only running text (body, lede, subheading), and only blocks in the rule's language. The words
come from data/translationese.toml.

Speed: each rule runs one precompiled regex per block, behind a substring prefilter where one
exists; quotation spans are computed only for blocks with a candidate.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data, quotes
from ..model import Block, Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good
from ..sentences import split as split_sentences

RUNNING = frozenset({Role.BODY, Role.LEDE, Role.SUBHEADING})
PROSE = frozenset({Role.BODY, Role.LEDE})
# words that open the subject of a main clause (TQ604)
SUBJECT_STARTS = frozenset("""the a an its his her their our my your this these those some many
most all both each every no he she it they we i you one two three several""".split())


@lru_cache(maxsize=None)
def _conf() -> dict:
    return data.toml("translationese.toml")


def _alt(words, flags: str = "") -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _blocks(doc: Document, ctx: Context, lang: str):
    if doc.lang != lang:
        return ()
    return [b for b in ctx.blocks(doc) if b.lang in (None, lang) and b.text]


@lru_cache(maxsize=4096)
def _quoted(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the block's quotations, an unclosed one running to the end of the block and a
    closing mark with nothing open quoting everything before it."""
    sc = quotes.scan(text)
    if not sc.marks:
        return ()
    spans = [(q.open.pos, q.close.end if q.close else len(text)) for q in sc.quotes]
    if sc.stray_before_open():
        spans.append((0, sc.stray[0].end))
    return tuple(spans)


def _in_quote(text: str, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in _quoted(text))


# --------------------------------------------------------------------------- TQ601

DOC_601 = """\
## What it flags
A definite article before a title and a name: "the Russian President Vladimir Putin", "The US
President-elect Donald Trump", "the German Chancellor Olaf Scholz". The title comes from a list
(president, chancellor, prime minister, foreign minister, …; minister, leader, spokesman, … only
after a nationality or an organisation abbreviation), the name is two or more capitalised words.

## Why it matters
German puts the article there ("der russische Präsident Wladimir Putin") and machine translation
keeps it. English news uses the title as a bare label before the name ("Russian President
Vladimir Putin") or sets the name off with commas ("the Russian president, Vladimir Putin,").
The phrase reads as translated.

## Example
"The US President-elect Donald Trump on Thursday spoke with the Russian President Vladimir
Putin."

## Fix
Drop the article ("Russian President Vladimir Putin"), or make the name an appositive with commas
("the Russian president, Vladimir Putin,"). Left alone: appositives with a comma, "the
then-president", "the late President …", "the former president …", and titles after a
modifier that is part of the title itself ("the Senate President Bukola Saraki").
"""


class ArticleBeforeTitle:
    meta = RuleMeta(
        code="TQ601",
        name="article-before-title",
        family="translationese",
        severity=Severity.INFO,
        summary="'the' before title + name (the Russian President Vladimir Putin)",
        doc=DOC_601,
        roles=RUNNING,
        examples=(
            bad("[[The US President-elect Donald Trump]] on Thursday spoke with "
                "[[the Russian President Vladimir Putin]]."),
            bad("The call was confirmed by [[the German Chancellor Olaf Scholz]].",
                fix="German Chancellor Olaf Scholz"),
            bad("He also spoke with [[the Ukrainian president Volodymyr Zelensky]].",
                fix="Ukrainian President Volodymyr Zelensky"),
            bad("Kyiv welcomed the visit of [[the German Foreign Minister Annalena Baerbock]] "
                "and [[the Federal Chancellor Olaf Scholz]]."),
            bad("[[The Estonian Navy spokesman Kaarel Tamm]] met [[the European Commission "
                "President Ursula von der Leyen]]."),
            good("Russian President Vladimir Putin spoke with President-elect Donald Trump."),
            good("The call was confirmed by the president, Joe Biden, on Friday."),
            good("The then-president Barack Obama and the late President John F. Kennedy were "
                 "compared; the former President Bill Clinton agreed."),
            good("The Senate President Bukola Saraki and the Lagos State Governor Babajide "
                 "Sanwo-Olu met the President, Muhammadu Buhari."),
            good("The Minister for Health said the President Is Missing was a novel, and the "
                 "President Donald Trump Presidential Library was not built."),
            good("„Der russische Präsident Wladimir Putin“ sagte der Sprecher.", lang="de"),
            good("Critics dubbed the President Teflon Don, and the Prime Minister Narendra "
                 "Modi-led government agreed."),
        ),
    )

    def __init__(self) -> None:
        c = _conf()["en"]
        mods = _alt(c["modifiers"])
        acr = r"(?:[A-Z]{2,6}|(?:[A-Z]\.){2,3})"
        # a nationality or abbreviation first, then up to two more capitalised words
        # ("the Estonian Navy spokesman", "the European Commission President")
        mod_seq = rf"(?:(?:{mods}|{acr})\s+)(?:(?:{mods}|{acr}|[A-Z][a-z]+)\s+){{0,2}}"
        name_word = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
        particle = r"(?:(?:von|van|der|de|den|da|di|du|del|la|le|al|bin|ibn|el|ter)\s+)"
        name = rf"{name_word}(?:\s+(?:[A-Z]\.\s+)?{particle}{{0,2}}{name_word}){{1,3}}"
        self.re = re.compile(
            rf"\b(?P<the>[Tt]he)\s+(?:(?P<mods>{mod_seq})?(?P<title>{_alt(c['titles'], 'i')})"
            rf"|(?P<mods2>{mod_seq})(?P<title2>{_alt(c['modified_titles'], 'i')}))"
            rf"\s+(?P<name>{name})")
        # Candidates first: "he " followed by a capital or a title's first word, found by a
        # literal-prefix search (a pattern that starts with \b[Tt] makes re try every
        # position); the full pattern is matched only where "the"/"The" stands before it.
        firsts = sorted({t.split()[0].split("-")[0] for t in c["titles"]})
        self.cheap = re.compile(r"he (?=[A-Z]|(?:%s)\b)" % "|".join(map(re.escape, firsts)))
        self.not_names = frozenset(c["not_names"])
        self.naming_verbs = frozenset(c["naming_verbs"])

    def check(self, doc: Document, ctx: Context) -> None:
        for b in _blocks(doc, ctx, "en"):
            text = b.text
            for cm in self.cheap.finditer(text):
                s = cm.start() - 1
                if s < 0 or text[s] not in "Tt" or s and (text[s - 1].isalnum() or
                                                         text[s - 1] == "_"):
                    continue
                m = self.re.match(text, s)
                if m is None:
                    continue
                end = m.end()
                if m.group("name").endswith(("’s", "'s")):
                    end -= 2  # the possessive is not part of the name
                words = b.text[m.start("name"):end].split()
                if any(w.rstrip(".,;:") in self.not_names or re.search(r"-[a-z]+$", w)
                       for w in words):
                    continue  # "the President Is Missing", "the Prime Minister Modi-led"
                before = b.text[max(0, m.start() - 30):m.start()].split()
                if before and before[-1].lower() in self.naming_verbs:
                    continue  # "critics dubbed the president Teflon Don"
                if _in_quote(b.text, m.start(), end):
                    continue
                # a formal title is capitalised before a name (AP), an occupation is not
                title = _title_case(m.group("title")) if m.group("title") else \
                    " ".join(m.group("title2").split())
                mods = " ".join((m.group("mods") or m.group("mods2") or "").split())
                label = " ".join(x for x in (mods, title) if x)
                fix = f"{label} {' '.join(words)}"
                ctx.report(b, m.start(), end,
                           f"'{m.group('the')}' before a title and name is German word order "
                           f"(der russische Präsident …): English writes '{fix}' or sets the "
                           f"name off with commas", fix)


def _title_case(title: str) -> str:
    title = " ".join(title.split())
    return re.sub(r"(?<![-\w])(?!of\b|elect\b)([a-z])", lambda m: m.group(1).upper(), title)


# --------------------------------------------------------------------------- TQ602

DOC_602 = """\
## What it flags
German phrases rendered word for word where English news has its own wording: "in the year
2024" ("im Jahr 2024"; English: "in 2024"), "since the year 2014", "in the years 2022 and 2023" ("in den Jahren 2022 und 2023"). The list,
with what each renders, is in data/translationese.toml. ("Federal President Frank-Walter
Steinmeier" is not on it: English-language German media use it.)

## Why it matters
Each is grammatical but no English-speaking editor writes it: the sentence reads as translated
and often longer than needed.

## Example
"Inflation in the year 2023 was higher than in the year 2022."

## Fix
Use the English wording: "in 2023", "in 2022 and 2023". Quotations are left alone,
and so are "by the year 2050" and "the year 2000 problem".
"""


class GermanCalque:
    meta = RuleMeta(
        code="TQ602",
        name="german-calque",
        family="translationese",
        severity=Severity.INFO,
        summary="German phrase rendered word for word (in the year 2024)",
        doc=DOC_602,
        roles=RUNNING,
        examples=(
            bad("Exports fell sharply [[in the year 2023]], the ministry said.", fix="in 2023"),
            bad("[[In the year 2022]] the plant employed 4,000 people.", fix="In 2022"),
            bad("The law has applied [[since the year 2014]].", fix="since 2014"),
            bad("Prices rose [[in the years 2022 and 2023]].", fix="in 2022 and 2023"),
            good("Exports fell sharply in 2023, the ministry said; by the year 2050 the grid "
                 "must be carbon-free."),
            good("“In the year 2000 we had nothing,” he said. The year 2000 problem was fixed."),
            good("Federal President Frank-Walter Steinmeier spoke in 2024; in the year since, "
                 "the year 2025 has begun."),
        ),
    )

    def __init__(self) -> None:
        self.calques = [(c["has"], re.compile(c["pattern"]), c["fix"], c["renders"])
                        for c in _conf()["en"]["calques"]]

    def check(self, doc: Document, ctx: Context) -> None:
        for b in _blocks(doc, ctx, "en"):
            for has, rx, fix, renders in self.calques:
                if has not in b.text:
                    continue
                for m in rx.finditer(b.text):
                    if _in_quote(b.text, m.start(), m.end()):
                        continue
                    sugg = m.expand(fix)
                    ctx.report(b, m.start(), m.end(),
                               f"'{m.group()}' renders German '{renders}' word for word; "
                               f"English news writes '{sugg}'", sugg)


# --------------------------------------------------------------------------- TQ603

DOC_603 = """\
## What it flags
"Mr." / "Mrs." / "Ms." before a surname outside quotations, in an article that elsewhere uses the
same surname alone as a subject ("Scholz said", "Merkel has").

## Why it matters
English news either always writes the honorific on second mention (New York Times style) or
never (AP, Reuters). An article that does both took "Mr. Scholz" / "Mrs. Merkel" from German
"Herr Scholz" / "Frau Merkel", mostly from a translated interview or commentary.

## Example
"Scholz said the plan was fair. Mr. Scholz also rejected the criticism."

## Fix
Write the surname alone, as the rest of the article does. Honorifics inside quotations are
left alone, and so is an article that uses them throughout.
"""


class HonorificInRunningText:
    meta = RuleMeta(
        code="TQ603",
        name="honorific-in-running-text",
        family="translationese",
        severity=Severity.INFO,
        summary="Mr./Mrs. + surname in running text beside the bare surname (Herr Scholz)",
        doc=DOC_603,
        roles=RUNNING,
        examples=(
            bad("Scholz said the plan was fair.\n[[Mr. Scholz]] also rejected the criticism.",
                fix="Scholz"),
            bad("Merkel has spoken to both sides. On Friday [[Mrs. Merkel]] travelled to Paris.",
                fix="Merkel"),
            good("Mr. Scholz said the plan was fair.\nMr. Scholz also rejected the criticism."),
            good("Assange was released on Monday. “Mr. Assange has been warning about this for "
                 "years,” the editor said."),
            good("Scholz said the plan was fair. Mr. Smith disagreed."),
        ),
    )

    def __init__(self) -> None:
        c = _conf()["en"]
        # no lookbehind in front, so re can search for the literal "M" (checked in Python)
        self.re = re.compile(
            rf"(?P<hon>{_alt(c['honorifics'])})(?!\w)\s+(?P<sur>[A-Z][\w'’-]*[a-z])\b")
        self.verbs = _alt(c["subject_verbs"])
        self.honorifics = frozenset(h.rstrip(".") for h in c["honorifics"])

    def check(self, doc: Document, ctx: Context) -> None:
        blocks = _blocks(doc, ctx, "en")
        hits = []
        for b in blocks:
            if "M" not in b.text:
                continue
            for m in self.re.finditer(b.text):
                s = m.start()
                if s and (b.text[s - 1].isalnum() or b.text[s - 1] in "._"):
                    continue  # "UMr." or "...Mr"
                if not _in_quote(b.text, s, m.end()):
                    hits.append((b, m))
        if not hits:
            return
        bare: dict[str, bool] = {}
        for b, m in hits:
            sur = m.group("sur")
            if sur not in bare:
                bare[sur] = self._bare_use(blocks, sur)
            if bare[sur]:
                ctx.report(b, m.start(), m.end(),
                           f"honorific '{m.group('hon')}' in running text, while the article "
                           f"writes '{sur}' alone elsewhere (German 'Herr/Frau {sur}'): English "
                           f"news uses the surname alone", sur)

    def _bare_use(self, blocks: list[Block], sur: str) -> bool:
        rx = re.compile(rf"(?<![\w'’-]){re.escape(sur)}\s+{self.verbs}\b")
        for b in blocks:
            if sur not in b.text:
                continue
            for m in rx.finditer(b.text):
                if _in_quote(b.text, m.start(), m.end()):
                    continue
                before = b.text[max(0, m.start() - 40):m.start()].split()
                prev = before[-1] if before else ""
                if prev.rstrip(".") in self.honorifics:
                    continue
                if prev[:1].isupper() and not prev.endswith((".", "!", "?", ":", ";", ",")):
                    continue  # a first name or title before it: "Olaf Scholz said"
                return True
        return False


# --------------------------------------------------------------------------- TQ604

DOC_604 = """\
## What it flags
A sentence that opens with "Including", "Also" (without a comma) or "As well as" and has no
finite verb: "Including with the Ukrainian president Volodymyr Zelensky – a conversation in
which Elon Musk also took part." Verbs inside a relative or subordinate clause ("in which … took
part") do not count.

## Why it matters
German news writes such verbless add-on sentences ("Darunter auch mit dem ukrainischen
Präsidenten …", "Auch in Berlin."); translated word for word they are fragments in English that
leave the reader looking for the rest of the sentence.

## Example
"Trump has spoken to about 70 world leaders since the election. Including with the Ukrainian
president – a conversation in which Elon Musk also took part."

## Fix
Join it to the sentence before ("…since the election, including Ukraine's president, …") or give
it a verb ("He also spoke with …"). Sentences that go on after a comma with a verb ("Including
two new members, the band now has six") and list intros with a colon ("Also on the agenda: …")
are left alone.
"""


class VerblessFragment:
    meta = RuleMeta(
        code="TQ604",
        name="verbless-fragment",
        family="translationese",
        severity=Severity.WARNING,
        summary="Sentence opening with Including/Also and no finite verb (German add-on)",
        doc=DOC_604,
        roles=PROSE,
        examples=(
            bad("Trump has spoken to about 70 world leaders. [[Including with the Ukrainian "
                "president Volodymyr Zelensky – a conversation in which Elon Musk also took "
                "part.]]"),
            bad("The strikes hit Kharkiv and Odesa. [[Also in the capital Kyiv.]]"),
            bad("Ten ministers attended. [[As well as the head of the central bank.]]"),
            bad("Several mayors came. [[Including the mayor of Kyiv, Vitali Klitschko.]]"),
            good("Including two younger musicians who joined last year, Sloboda now has six "
                 "members."),
            good("Also, the defence ministry is drafting plans for a new military service."),
            good("Also on the agenda: climate policy and the budget. Also injured was a police "
                 "officer."),
            good("Including Musk, Trump spoke to about 70 leaders. Also attending were two "
                 "governors."),
            good("Including a planned tax on airline tickets, the government expects to raise "
                 "about 20 billion euros."),
            good("“Including my brother? Also him?” she asked."),
        ),
    )

    def __init__(self) -> None:
        c = _conf()["en"]
        self.opener_re = re.compile(rf"(?:{_alt(c['fragment_openers'])})\b(?!,)")
        self.finite = frozenset(c["finite_verbs"])
        self.clause_openers = frozenset(c["clause_openers"])
        self.first = re.compile(_alt(c["fragment_openers"]))

    def check(self, doc: Document, ctx: Context) -> None:
        for b in _blocks(doc, ctx, "en"):
            if not self.first.search(b.text):
                continue
            for s, e in split_sentences(b.text, "en"):
                if not self.opener_re.match(b.text, s):
                    continue
                sent = b.text[s:e]
                if ":" in sent or sent.rstrip()[-1:] not in ".!" or _in_quote(b.text, s, e):
                    continue
                if self._has_verb(sent) or self._clause_after_comma(sent):
                    continue
                opener = self.opener_re.match(b.text, s).group()
                ctx.report(b, s, e,
                           f"sentence opening with '{opener}' has no finite verb: a German "
                           f"add-on sentence (Darunter/Auch …) translated word for word; join "
                           f"it to the sentence before or give it a verb")

    def _clause_after_comma(self, sent: str) -> bool:
        """A comma followed by what opens a main clause: a determiner, pronoun or capitalised
        word and at least three more words ("Including a planned tax, the government expects
        to raise ..."). An appositive name ("…, Vitali Klitschko.") or a relative clause
        ("…, which depends on …") is not one."""
        for part in sent.split(",")[1:]:
            words = part.split()
            if len(words) < 4:
                continue
            first = words[0]
            if first.lower() in self.clause_openers:
                continue
            if first[:1].isupper() or first.lower() in SUBJECT_STARTS:
                return True
        return False

    def _has_verb(self, sent: str) -> bool:
        skip = False
        prev = ""
        for raw in re.findall(r"[\w'’-]+|[,;–—()]", sent):
            if raw in ",;–—()":
                skip = False  # a relative clause ends at a comma or dash
                prev = ""
                continue
            w = raw.lower()
            if w in self.clause_openers and raw.islower():
                skip = True
            if not skip:
                if w in self.finite:
                    return True
                # a present-tense verb after a subject: "Sloboda plays", "she leads"
                if raw.islower() and w.endswith("s") and not w.endswith("ss") and (
                        prev[:1].isupper() or prev.lower() in ("he", "she", "it", "they")):
                    return True
            prev = raw
        return False


# --------------------------------------------------------------------------- TQ605

DOC_605 = """\
## What it flags
An ellipsis glued to a word no sentence ends on ("to…", "the…", "with…") and followed by a
capitalised word that the article otherwise writes in lowercase: "he advised the Russian
president to… War in Ukraine not to let it escalate".

## Why it matters
The ellipsis and the capital mark a boundary between two translation segments inside one
sentence: words were lost or the sentence was reassembled in the wrong order. The sentence no
longer says what the original said.

## Example
"During the call he advised the Russian president to… War in Ukraine not to let it escalate."

## Fix
Compare with the original and rewrite the sentence ("he advised the Russian president not to
escalate the war in Ukraine"). Ellipses inside quotations (a speaker trailing off), between
sentences ("… You get what's coming") and before names are left alone.
"""


class EllipsisMidSentence:
    meta = RuleMeta(
        code="TQ605",
        name="ellipsis-mid-sentence",
        family="translationese",
        severity=Severity.WARNING,
        summary="Ellipsis after to/the/with… then a capitalised common word (to… War)",
        doc=DOC_605,
        roles=RUNNING,
        examples=(
            bad("He advised the Russian president [[to… War]] in Ukraine not to let it "
                "escalate.\nThe war in Ukraine is in its third year."),
            bad("The minister spoke with [[the... Talks]] about the pipeline.\nThe talks lasted "
                "two hours."),
            bad("The line runs [[through… Areas]] in the south.\nThe areas are farmland."),
            good("He advised the Russian president to… Ukraine.\nUkraine was not mentioned."),
            good("“We have to… Look, it is complicated,” he said. The war goes on."),
            good("They shouldn’t even take it. ... War is not the answer, the war critics say."),
            good("Talks, votes, vetoes and so on… The summit ended without a deal, and on the "
                 "next day the talks resumed."),
        ),
    )

    def __init__(self) -> None:
        c = _conf()["en"]
        self.re = re.compile(
            rf"(?<![\w'’-])(?P<w>{_alt(c['no_end_words'])})\s?(?:…|\.\.\.)\s+(?P<cap>[A-Z][a-z]+)\b")
        self.starters = frozenset(c["sentence_starters"])

    def check(self, doc: Document, ctx: Context) -> None:
        blocks = _blocks(doc, ctx, "en")
        cands = []
        for b in blocks:
            if "…" not in b.text and "..." not in b.text:
                continue
            for m in self.re.finditer(b.text):
                if not _in_quote(b.text, m.start(), m.end()):
                    cands.append((b, m))
        if not cands:
            return
        lowered = " ".join(b.text for b in doc.blocks)
        for b, m in cands:
            cap = m.group("cap")
            if cap in self.starters:
                continue  # a new sentence after a trailing-off ellipsis ("so on… The next")
            if not re.search(rf"(?<![\w'’-]){re.escape(cap.lower())}\b", lowered):
                continue  # never lowercase in the article: a name ("to… Ukraine")
            ctx.report(b, m.start(), m.end(),
                       f"ellipsis after '{m.group('w')}', which cannot end a sentence, then "
                       f"'{cap}' capitalised though the article writes '{cap.lower()}': a "
                       f"translation segment boundary inside the sentence; rewrite it from the "
                       f"original")


# --------------------------------------------------------------------------- TQ606

DOC_606 = """\
## What it flags
In German text, "in" directly before a year: "in 2024" (English "in 2024").

## Why it matters
German writes the year alone ("2024 stieg die Zahl") or "im Jahr 2024"; "in 2024" is an
anglicism (Duden, Richtiges und gutes Deutsch) that machine translation from English
produces in nearly every sentence with a year.

## Example
"Die Exporte sind in 2023 um zwölf Prozent gestiegen."

## Fix
"Die Exporte sind 2023 um zwölf Prozent gestiegen" or "im Jahr 2023". Left alone: quotations,
quantities ("in 2000 Metern Höhe"), ranges and dates ("in 2023/24", "in 2024-25").
"""


class GermanInYear:
    meta = RuleMeta(
        code="TQ606",
        name="anglicism-in-year",
        family="translationese",
        severity=Severity.INFO,
        summary="German 'in 2024' (anglicism): '2024' or 'im Jahr 2024'",
        doc=DOC_606,
        roles=RUNNING,
        examples=(
            bad("Die Exporte sind [[in 2023]] um zwölf Prozent gestiegen.", fix="im Jahr 2023",
                lang="de"),
            bad("[[In 2022]] hatte das Werk noch 4000 Beschäftigte.", fix="Im Jahr 2022",
                lang="de"),
            good("Die Exporte sind 2023 um zwölf Prozent gestiegen, im Jahr 2022 waren sie "
                 "gefallen.", lang="de"),
            good("Das Lager liegt in 2000 Metern Höhe; in 2023/24 und seit 2019 wurde gebaut.",
                 lang="de"),
            good("„Wir haben in 2023 viel gelernt“, sagte sie.", lang="de"),
            good("Exports rose in 2023, the ministry said."),
        ),
    )

    def __init__(self) -> None:
        self.re = re.compile(_conf()["de"]["year_pattern"])

    def check(self, doc: Document, ctx: Context) -> None:
        for b in _blocks(doc, ctx, "de"):
            if "n 1" not in b.text and "n 2" not in b.text:
                continue
            for m in self.re.finditer(b.text):
                if _in_quote(b.text, m.start(), m.end()):
                    continue
                im = "Im" if m.group()[0] == "I" else "im"
                sugg = f"{im} Jahr {m.group(1)}"
                ctx.report(b, m.start(), m.end(),
                           f"'{m.group()}' is an anglicism in German: write '{m.group(1)}' "
                           f"or '{sugg}'", sugg)


DETECTORS = (ArticleBeforeTitle, GermanCalque, HonorificInRunningText, VerblessFragment,
             EllipsisMidSentence, GermanInYear)
