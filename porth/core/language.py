"""Paired content fields (`name_en`, `name_cy`) read in the active language.

Content in Porth is written in both languages, but one may be written before the other. A model declares
`name = Bilingual("name")`; templates then print `{{ team.name }}` and get the active language's text, or the
other language's text marked with its own `lang` attribute (so screen readers pronounce it right) when the
active one is missing. `.missing` tells a page to say so.
"""

import unicodedata

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

LANGUAGE_CODES = ("en", "cy")


def active_language() -> str:
    language = (get_language() or "en").split("-")[0]
    return language if language in LANGUAGE_CODES else "en"


def path_in_language(path: str, language: str) -> str:
    """The same page in another language. English has no prefix and Welsh lives under /cy/."""
    english = path
    if path == "/cy" or path.startswith("/cy/"):
        english = path[3:] or "/"
    # One leading slash, always: "//host/" would be an address on another site (/cy//evil.example/).
    english = "/" + english.lstrip("/\\")
    return english if language == "en" else "/cy" + english


def absolute_url(path: str, language: str) -> str:
    """A link Porth writes for reading elsewhere (e-mails, feeds, exports, the API, open data): SITE_URL, the
    one documented address of the service, and the page in the given language. Never the host a request came
    to, which a client chooses."""
    return settings.SITE_URL.rstrip("/") + path_in_language(path, language)


class Localised(str):
    """Text in one language that knows which language it is in, and whether it stands in for the other.

    It is a `str`, so it works everywhere text does; in templates it prints itself with a `lang` attribute
    when it is a stand-in.
    """

    lang: str
    missing: bool

    def __new__(cls, text: str, lang: str, missing: bool):
        instance = super().__new__(cls, text)
        instance.lang, instance.missing = lang, missing
        return instance

    @property
    def text(self) -> str:
        return str.__str__(self)

    def __html__(self) -> str:
        if self.missing and self:
            return format_html('<span lang="{}">{}</span>', self.lang, self.text)
        return format_html("{}", self.text)


def localise(text_en: str | None, text_cy: str | None, language: str | None = None) -> Localised:
    language = language or active_language()
    texts = {"en": text_en or "", "cy": text_cy or ""}
    if texts[language]:
        return Localised(texts[language], language, missing=False)
    other = "cy" if language == "en" else "en"
    return Localised(texts[other], other, missing=True)


class Bilingual:
    """Descriptor: `name = Bilingual("name")` reads `name_en` / `name_cy` in the active language."""

    def __init__(self, stem: str):
        self.stem = stem

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return localise(getattr(instance, f"{self.stem}_en"), getattr(instance, f"{self.stem}_cy"))


# The Welsh alphabet, with the letters English adds (k, q, v, x, z) where English puts them. ch, dd, ff, ng,
# ll, ph, rh and th are single letters: "Llan..." sorts after every other "L..." word, "Ch..." after "Cy...".
# fmt: off
_ALPHABET = (
    "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "k", "l", "ll", "m", "n", "o",
    "p", "ph", "q", "r", "rh", "s", "t", "th", "u", "v", "w", "x", "y", "z",
)
# fmt: on
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET, start=1)}
_DIGRAPHS = sorted((letter for letter in _ALPHABET if len(letter) == 2), key=len, reverse=True)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def welsh_sort_key(text: str) -> tuple:
    """A key that sorts text in Welsh alphabetical order, accents and case aside (ties broken by the text).

    "ng" after "Llan" is two letters, n and g ("Llangollen" is Llan-gollen), as it is in most place names;
    elsewhere it is the letter ng. Characters that are not letters sort before every letter, by code point.
    """
    plain, units, position = _plain(text), [], 0
    while position < len(plain):
        pair = plain[position : position + 2]
        if pair in _DIGRAPHS and not (pair == "ng" and plain[max(0, position - 3) : position] == "lla"):
            units.append(_RANK[pair] + 1000)
            position += 2
            continue
        char = plain[position]
        units.append(_RANK[char] + 1000 if char in _RANK else ord(char) if ord(char) < 1000 else 999)
        position += 1
    return (tuple(units), text)


def name_sort_key(text: str, language: str | None = None) -> tuple:
    """How names sort in a language: Welsh alphabetical order in Welsh, letter by letter in English."""
    if (language or active_language()) == "cy":
        return welsh_sort_key(text)
    return (_plain(text), text)


def in_name_order(records) -> list:
    """Organisations, teams or anything with a bilingual `name`, by the name the reader sees, in the reader's
    alphabetical order (the database knows neither)."""
    return sorted(records, key=lambda record: name_sort_key(str(record.name)))
