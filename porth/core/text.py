"""Rules for the text people type, shared by every form and the API.

A title is shown in lists, e-mails, feeds and exports. Characters that cannot be seen there — zero-width
spaces, the byte-order mark, and above all the right-to-left and isolate controls (U+202A..U+202E,
U+2066..U+2069), which reorder what follows them — make a title look like something it is not, or make two
titles that look the same differ. They have no place in a Welsh or English title, so they are refused with a
message naming them, never removed silently.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext

# Format characters (Cf: zero-width, bidirectional controls, BOM, soft hyphen, tags), control characters
# (Cc: tab, newline, null...) and the line and paragraph separators (Zl, Zp).
_HIDDEN_CATEGORIES = {"Cf", "Cc", "Zl", "Zp"}


def hidden_characters(text: str) -> list[str]:
    """The hidden characters in `text`, once each in order of appearance, as code points ("U+202E")."""
    found = dict.fromkeys(
        f"U+{ord(character):04X}"
        for character in text
        if unicodedata.category(character) in _HIDDEN_CATEGORIES
    )
    return list(found)


def hidden_characters_problem(text: str) -> str | None:
    """The message for a title with hidden characters, in the active language; None when there are none."""
    codes = hidden_characters(text or "")
    if not codes:
        return None
    return ngettext(
        "Remove the hidden character %(codes)s: it cannot be seen, but it can change how the title is shown "
        "or read.",
        "Remove the hidden characters %(codes)s: they cannot be seen, but they can change how the title is "
        "shown or read.",
        len(codes),
    ) % {"codes": ", ".join(codes)}


def validate_visible_text(value: str) -> None:
    """A Django validator for titles and names: refuses hidden characters (see hidden_characters_problem)."""
    problem = hidden_characters_problem(value)
    if problem:
        raise ValidationError(problem, code="hidden_characters")


TAG_MAX = 60  # the longest tag Porth keeps (portfolio Tag.name and Tag.slug; case-study tags likewise)


def long_tag_problem(text: str) -> str | None:
    """Tags typed as "booking, Welsh language" are each kept whole or refused: never cut to fit."""
    for tag in (" ".join(part.split()) for part in text.split(",")):
        if len(tag) > TAG_MAX:
            return gettext(
                "Shorten the tag “%(tag)s” to %(limit)s characters or fewer, or split it with commas"
            ) % {"tag": tag, "limit": TAG_MAX}
    return None
