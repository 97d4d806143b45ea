"""TQ204 name-spelling-across-articles: one entity spelled differently by the articles of one run."""
from __future__ import annotations

from array import array
from collections import Counter
from itertools import chain

from .. import names
from ..model import BODY_ROLES, TEXT_ROLES, Document, Role, Severity, Spelling
from ..registry import Context, RuleMeta, RunContext, bad, good

DOC = """\
## What it flags
A name that the articles of one run (one feed, one partner's delivery, one folder) spell in
more than one way: "Zelensky" in twelve articles and "Zelenskyy" in three, "Kyiv" and "Kiev".
It is reported once for the whole run, with every spelling, how often and in how many articles
it occurs, and where it occurs first. The spelling most articles use is suggested (the house
spelling, when the configuration sets one). Spellings count as one entity on the same strong
evidence as TQ202 (the name table, accents only, equal transliteration skeletons) and only as
surnames or single names, outside quotations, in text of the run's language. It is reported
only when articles disagree: at least two articles that each use one spelling throughout use
different ones (an article that mixes spellings is left to TQ201 and TQ202).

## Why it matters
Each article may be consistent in itself while the feed is not: a partner's translators or
engines spell a name one way this week and another the next. Readers of the portal see both,
search and tags split the coverage, and the fix belongs in the partner's style sheet rather
than in one article.

## Example
Article 1: "President Zelensky spoke in Kyiv."; article 2: "Zelenskyy thanked the allies.";
article 3: "Zelensky travelled to Brussels."

## Fix
Agree one spelling with the partner (or set a house spelling in tqcheck.toml) and correct the
articles that use the others: here "Zelensky" throughout.
"""

ROLES = frozenset({Role.HEADLINE, Role.LEDE, Role.CAPTION}) | BODY_ROLES


class NameSpellingAcrossArticles:
    scope = "run"
    meta = RuleMeta(
        code="TQ204",
        name="name-spelling-across-articles",
        family="name_variant",
        severity=Severity.WARNING,
        summary="One name spelled differently by the articles of one run (once per run)",
        doc=DOC,
        roles=ROLES,
        # In examples each line is one article; the marked spellings are the ones reported
        # as differing from the suggested one.
        examples=(
            bad("President Zelensky spoke in Kyiv on Monday.\n[[Zelenskyy]] thanked the allies.\n"
                "Zelensky travelled to Brussels.", fix="Zelensky"),
            bad("Officials in Kyiv said the talks went well.\nThe embassy in [[Kiev]] was closed.\n"
                "Kyiv expects more air defence.", fix="Kyiv"),
            bad("Präsident Selenskyj reiste nach Brüssel.\n[[Selenskij]] dankte den Verbündeten.\n"
                "Selenskyj sprach im Parlament.", fix="Selenskyj", lang="de"),
            good("President Zelensky spoke in Kyiv.\nZelensky thanked the allies in Kyiv."),
            good("Maria Schmidt opened the fair.\nThe mayor, Jan Schmitt, spoke."),  # two people
            good("He said “Zelenskyy will come”.\nZelensky came on Monday."),  # a quotation keeps its spelling
            good("Zelensky and Zelenskyy in one article.\nZelensky came on Monday."),  # mixed within one: TQ202's
        ),
    )

    def __init__(self) -> None:
        # lang -> spelling -> [occurrences, article numbers (array), first article id, source, line]
        self.seen: dict[str, dict[str, list]] = {}
        self.article = 0

    def observe(self, doc: Document, ctx: Context) -> tuple[str, dict[str, tuple[int, int]]] | None:
        """(language, {spelling: (occurrences, first line)}) of the article's names."""
        lang = doc.lang
        if lang not in names.LANGS:
            return None
        # The scan TQ201 and TQ202 made of every text block (names.scan keeps the last one):
        # a block's words do not depend on the other blocks, so this rule reads its own there.
        sc = names.scan(doc, (b for b in doc.blocks if b.role in TEXT_ROLES))
        # Each block's head words, then counted and filtered once per distinct word (in C
        # where possible: an article has a few hundred heads, a hundred distinct ones).
        per_block: list[tuple[list[str], int]] = []
        not_prose = names.NOT_PROSE
        other = names.OTHER[lang]  # (block_language_ok, inlined: asked of every block)
        for b in sc.blocks:
            if b.role not in ROLES or b.lang == other:
                continue
            text = b.text
            quotes = names.quotations(text)
            ws = sc.prose_head_words(b, quotes)
            if ws is None:  # (invisible characters in the block: spans tested)
                ws = [w for start, end, w in sc.heads(b)
                      if not (start and text[start - 1] in not_prose)
                      and not (quotes and names.inside(quotes, start, end))]
            if ws:
                per_block.append((ws, b.line))
        if not per_block:
            return None
        counts = Counter(chain.from_iterable(ws for ws, _ in per_block))  # in text order
        first: dict[str, int] = {}
        for ws, line in reversed(per_block):  # the earliest block's line written last
            first.update(dict.fromkeys(ws, line))
        here = {w: (counts[w], first[w]) for w in names.compared_words(counts)}
        return (lang, here) if here else None

    def add(self, observed: tuple[str, dict[str, tuple[int, int]]], doc: Document) -> None:
        self.article += 1
        lang, here = observed
        table = self.seen.setdefault(lang, {})
        for w, (n, line) in here.items():
            entry = table.get(w)
            if entry is None:
                table[w] = [n, array("I", (self.article,)), doc.id, doc.source, line]
            else:
                entry[0] += n
                entry[1].append(self.article)

    def finish(self, ctx: RunContext) -> None:
        for lang, table in sorted(self.seen.items()):
            group = names.entity_groups(table.keys(), lang)
            members: dict[str, list[str]] = {}
            for w, rep in group.items():
                members.setdefault(rep, []).append(w)
            for forms in members.values():
                if len(forms) > 1 and _articles_disagree(forms, table):
                    self._report(ctx, lang, forms, table)

    @staticmethod
    def _report(ctx: RunContext, lang: str, forms: list[str], table: dict[str, list]) -> None:
        house = ctx.options.house(lang)
        by_articles = {f: table[f][1] for f in forms}
        decided = next(((f, "the house spelling") for f in sorted(forms) if f in house.values()), None) \
            or names.majority(by_articles, lang)
        winner = decided[0] if decided else None
        order = sorted(forms, key=lambda f: (f != winner, -len(table[f][1]), -table[f][0], f))
        spellings = [Spelling(f, table[f][0], len(table[f][1]), *table[f][2:]) for f in order]
        listed = ", ".join(f"'{s.text}' {s.count}\u00d7 in {s.articles} article{'s' if s.articles != 1 else ''}"
                           for s in spellings)
        fix = names.house_fix(winner, house) if winner else None
        advice = f"; use '{fix}' ({decided[1]})" if winner else "; no spelling prevails"
        ctx.report(lang, spellings, f"One name, {len(spellings)} spellings across the run's articles: "
                                    f"{listed}{advice}", fix)


def _articles_disagree(forms: list[str], table: dict[str, list]) -> bool:
    """Whether two articles each write the name one way, and not the same way. An article that
    mixes spellings is the per-article rules' business (TQ201, TQ202), not the run's."""
    used: dict[int, set[str]] = {}
    for f in forms:
        for article in table[f][1]:
            used.setdefault(article, set()).add(f)
    return len({next(iter(s)) for s in used.values() if len(s) == 1}) > 1
