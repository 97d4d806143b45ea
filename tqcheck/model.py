"""The document model: plain immutable data. Printing is the reporters' job."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum, IntEnum
from operator import attrgetter


class Role(str, Enum):
    """What a block of an article is. The values are a public contract (JSON, labels)."""

    KICKER = "kicker"
    HEADLINE = "headline"
    LEDE = "lede"
    DATELINE = "dateline"
    BODY = "body"
    SUBHEADING = "subheading"
    CAPTION = "caption"
    PROMO = "promo"
    GALLERY = "gallery"
    RELATED = "related"
    PULLQUOTE = "pullquote"
    CONTRIBUTORS = "contributors"
    AUTHOR_BIO = "author_bio"
    TRANSLATION_NOTICE = "translation_notice"
    SYNDICATION_NOTICE = "syndication_notice"
    OTHER = "other"

    def __str__(self) -> str:  # so f-strings and JSON show "body", not "Role.BODY"
        return self.value


# Roles whose text belongs to the article proper (what `split --body` keeps).
BODY_ROLES = frozenset({Role.BODY, Role.SUBHEADING})
# Every role that carries running text written by the newsroom (detectors read these by default).
TEXT_ROLES = frozenset(Role) - {Role.OTHER}

FAMILIES = (
    "name_variant",
    "glued_word",
    "quote_marks",
    "language_notice",
    "foreign_language",
    "word_order",
    "translationese",
    "number_format",
    "encoding",
    "boilerplate_in_body",
)


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (info, warning, error)") from None


def _pickled_by_fields(cls):
    """Pickle as cls(*field values). What dataclass gives a frozen slots class sets every field
    on load through a Python loop over fields(): worker processes and Dask send every result
    to the parent, and that loop cost the parent more than writing the report."""
    values = attrgetter(*(f.name for f in fields(cls)))
    cls.__reduce__ = lambda self: (cls, values(self))
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    index: int  # 0-based position in the article
    line: int  # 1-based line in the input
    role: Role
    text: str
    lang: str | None = None  # detected language of this block, None when too short to tell


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: str
    lang: str  # the article's language (detected or given with --lang)
    blocks: tuple[Block, ...]
    title: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    family: str
    severity: Severity
    block: int
    line: int
    start: int  # half-open offsets into the block's text
    end: int
    text: str  # == block.text[start:end]
    message: str
    suggestion: str | None = None

    def sort_key(self) -> tuple:
        return (self.line, self.block, self.start, self.end, self.code, self.message)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ArticleError:
    """Something that went wrong for one article (and maybe one detector); the run goes on."""

    message: str
    code: str | None = None  # the detector that failed, if any
    stage: str = "check"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ArticleResult:
    document: Document
    findings: tuple[Finding, ...] = ()
    errors: tuple[ArticleError, ...] = field(default_factory=tuple)
    # What run rules noted about this article, (code, data), for the run's findings; made where
    # the article is checked (a worker process, maybe), merged in input order. Not in the JSON.
    observations: tuple[tuple[str, object], ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Spelling:
    """One way a run writes an entity: how often, in how many articles, and where first."""

    text: str
    count: int
    articles: int
    first_article: str  # the id of the first article using it
    first_source: str
    first_line: int


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class RunFinding:
    """A finding about the whole run (one feed, one partner), not one article's text."""

    code: str
    name: str
    family: str
    severity: Severity
    message: str
    suggestion: str | None  # the spelling to use throughout
    lang: str
    spellings: tuple[Spelling, ...]  # the suggested one first, then by articles
