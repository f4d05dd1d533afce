"""UK mobile numbers, as people write them and as GOV.UK Notify takes them."""

from __future__ import annotations

import re

# What people put between digits: spaces, dashes, dots, brackets.
_SEPARATORS = re.compile(r"[\s\-.()]")
# 07 and nine more digits, after the country code (+44, 0044, 44) or the leading 0.
_UK_MOBILE = re.compile(r"(?:\+44|0044|44)?0?(7\d{9})")


def uk_mobile(number: str) -> str | None:
    """The number as +447700900123 if it is a UK mobile ("07700 900123", "+44 (0)7700
    900123"), else None: a landline or a number from abroad cannot be sent a text."""
    digits = _SEPARATORS.sub("", number or "")
    match = _UK_MOBILE.fullmatch(digits)
    return f"+44{match.group(1)}" if match else None
