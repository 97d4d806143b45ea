"""The code table: every detector, registered here once, in code order.

Adding a detector touches only its module, its data file and two lines below (a family with
several rules exports them as one tuple, e.g. NUMBER_FORMAT_RULES).
"""
from __future__ import annotations

from ..registry import Detector
from .boilerplate import PageFurnitureInBody
from .encoding import ENCODING_RULES  # TQ901-TQ905
from .foreign_language import ForeignLanguageBlock
from .foreign_phrase import ForeignPhrase
from .foreign_sentence import ForeignSentence
from .glued_word import GluedWords
from .house_spelling import HouseSpelling
from .language_notice import LeftoverTranslationNotice
from .name_across_articles import NameSpellingAcrossArticles
from .name_consistency import InconsistentNameSpelling
from .name_variant import ForeignTransliteration
from .notice_language import NoticeContradictsLanguage
from .number_format import NUMBER_FORMAT_RULES  # TQ801-TQ804
from .quote_foreign_style import QuoteForeignStyle
from .quote_glued import QuoteGlued
from .quote_mixed_style import QuoteMixedStyle
from .quote_opened_twice import QuoteOpenedTwice
from .quote_unbalanced import QuoteUnbalanced
from .quote_wrong_mark import QuoteWrongMark
from .source_language import UnexpectedArticleLanguage
from .translationese import DETECTORS as TRANSLATIONESE_RULES  # TQ601-TQ606
from .word_order import VerbFinalClause

DETECTORS: tuple[type[Detector], ...] = (
    PageFurnitureInBody,
    LeftoverTranslationNotice,
    NoticeContradictsLanguage,
    ForeignTransliteration,
    InconsistentNameSpelling,
    HouseSpelling,
    NameSpellingAcrossArticles,
    QuoteOpenedTwice,
    QuoteWrongMark,
    QuoteForeignStyle,
    QuoteUnbalanced,
    QuoteGlued,
    QuoteMixedStyle,
    GluedWords,
    VerbFinalClause,
    *TRANSLATIONESE_RULES,
    ForeignLanguageBlock,
    ForeignSentence,
    ForeignPhrase,
    UnexpectedArticleLanguage,
    *NUMBER_FORMAT_RULES,
    *ENCODING_RULES,
)
