"""The number_format family (TQ801-TQ804): number, date and amount conventions of the source
language left in the translation. One rule per module; this tuple registers them together."""
from __future__ import annotations

from .number_format_amounts import CurrencySignPlacement, ForeignMagnitudeAbbreviation
from .number_format_dates import ForeignDateFormat
from .number_format_separators import ForeignNumberSeparators

NUMBER_FORMAT_RULES = (ForeignNumberSeparators, ForeignDateFormat, ForeignMagnitudeAbbreviation,
                       CurrencySignPlacement)
