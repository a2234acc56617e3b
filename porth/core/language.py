"""Paired content fields (`name_en`, `name_cy`) read in the active language.

Content in Porth is written in both languages, but one may be written before the other. A model declares
`name = Bilingual("name")`; templates then print `{{ team.name }}` and get the active language's text, or the
other language's text marked with its own `lang` attribute (so screen readers pronounce it right) when the
active one is missing. `.missing` tells a page to say so.
"""

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
