import pytest
from django.utils import translation

from porth.core.language import localise, path_in_language


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/", "cy", "/cy/"),
        ("/cy/", "en", "/"),
        ("/teams/cdps/", "cy", "/cy/teams/cdps/"),
        ("/cy/teams/cdps/", "en", "/teams/cdps/"),
        ("/cy/teams/cdps/", "cy", "/cy/teams/cdps/"),
        ("/cycling/", "cy", "/cy/cycling/"),
        ("/cycling/", "en", "/cycling/"),
    ],
)
def test_path_in_language(path, language, expected):
    assert path_in_language(path, language) == expected


def test_localise_prefers_the_active_language():
    with translation.override("cy"):
        text = localise("Cardiff", "Caerdydd")
    assert (text.text, text.lang, text.missing) == ("Caerdydd", "cy", False)


def test_localise_falls_back_and_marks_the_other_language():
    with translation.override("cy"):
        text = localise("Only English", "")
    assert (text.text, text.lang, text.missing) == ("Only English", "en", True)
    assert text.__html__() == '<span lang="en">Only English</span>'


def test_localised_text_is_escaped():
    text = localise("<script>alert(1)</script>", "")
    assert "<script>" not in text.__html__()
