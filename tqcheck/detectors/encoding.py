"""The encoding family (TQ901-TQ905): damage done to the text's characters on the way, not by
the translation. One module per rule; this one gathers them for the code table."""
from __future__ import annotations

from .encoding_doubled import DoubledPunctuation
from .encoding_entity import LeftoverHtmlEntity
from .encoding_invisible import InvisibleCharacter
from .encoding_mojibake import Mojibake
from .encoding_replacement import ReplacementCharacter

ENCODING_RULES = (Mojibake, LeftoverHtmlEntity, ReplacementCharacter, InvisibleCharacter,
                  DoubledPunctuation)

__all__ = ["ENCODING_RULES", "DoubledPunctuation", "InvisibleCharacter", "LeftoverHtmlEntity",
           "Mojibake", "ReplacementCharacter"]
