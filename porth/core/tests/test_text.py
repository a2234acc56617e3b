"""Hidden characters in titles are refused with a message naming them, never removed silently."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from porth.core.text import hidden_characters, hidden_characters_problem, validate_visible_text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Booking a visit", []),
        ("Archebu ymweliad â'r ganolfan ailgylchu", []),
        ("Ŵyr, ŷd a ŵy — “quotes” and café", []),
        ("Zero\u200bwidth", ["U+200B"]),
        ("\ufeffByte-order mark", ["U+FEFF"]),
        ("Right\u202eto left", ["U+202E"]),
        ("An \u2066isolate\u2069", ["U+2066", "U+2069"]),
        ("Left\u200eright\u200f marks", ["U+200E", "U+200F"]),
        ("Embedding \u202a\u202b\u202c\u202d", ["U+202A", "U+202B", "U+202C", "U+202D"]),
        ("Soft\u00adhyphen and word\u2060joiner", ["U+00AD", "U+2060"]),
        ("Twice\u200b and \u200b again", ["U+200B"]),
        ("Line\u2028separator", ["U+2028"]),
        ("Null\x00 and bell\x07", ["U+0000", "U+0007"]),
    ],
)
def test_hidden_characters_are_found_once_each(text, found):
    assert hidden_characters(text) == found


def test_the_message_names_the_characters_in_english_and_in_welsh():
    with translation.override("en"):
        assert hidden_characters_problem("a\u202eb") == (
            "Remove the hidden character U+202E: it cannot be seen, but it can change how the title is shown "
            "or read."
        )
        assert "hidden characters U+200B, U+FEFF: they" in hidden_characters_problem("\u200ba\ufeff")
    with translation.override("cy"):
        assert hidden_characters_problem("a\u202eb").startswith("Tynnwch y nod cudd U+202E")
        assert hidden_characters_problem("\u200ba\ufeff").startswith("Tynnwch y nodau cudd U+200B, U+FEFF")
    assert hidden_characters_problem("Plain title") is None


def test_the_validator_refuses_with_a_code():
    with pytest.raises(ValidationError) as error:
        validate_visible_text("Title\u2067")
    assert error.value.code == "hidden_characters"
    validate_visible_text("Title")


@given(
    st.text(st.characters(categories=["Cf"]), min_size=1),
    st.text(st.characters(exclude_categories=["Cf", "Cc", "Zl", "Zp", "Cs"])),
)
def test_any_format_character_anywhere_is_refused(hidden, visible):
    assert hidden_characters_problem(visible + hidden + visible) is not None
    assert hidden_characters_problem(visible) is None
