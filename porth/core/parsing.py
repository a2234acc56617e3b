import re

_DIGITS = re.compile(r"[0-9]{1,18}")


def whole_number(text: str | None) -> int | None:
    """A whole number written in ASCII digits (an id or a page number from an address), or None.

    `str.isdigit()` is not enough: it accepts "²" and other digits `int()` refuses or reads differently, and
    numbers too big for the database."""
    if text is None or not _DIGITS.fullmatch(text):
        return None
    return int(text)
