"""Words in English and Welsh reduced to the forms a search should match, with maintained libraries.

Pure: no Django, no I/O beyond the libraries' own word tables (loaded on first use, offline).

- Welsh: simplemma's Welsh lemmatiser undoes mutations and plurals ("dyllau", "thyllau", "tyllau" → "twll";
  "Nghaerdydd" → "caerdydd"; "ngwasanaethau" → "gwasanaeth").
- English: the Snowball stemmer (PyStemmer) joins word forms ("accessible", "accessibility" → "access").
- Accents are folded for matching ("Ynys Mon" finds "Ynys Môn"), after the Welsh lemma is found (the lemma
  table knows "tŷ" from "ty").
- Welsh to English: Eurfa, Kevin Donnelly's Welsh–English dictionary (GPL-2+, Debian's dict-freedict-cym-eng,
  read from /usr/share/dictd), gives a Welsh dictionary form its English word ("addasydd" → "adapter"), so
  similar projects can meet a Welsh description and an English one beyond the hand-written glossary.

`forms(word)` gives every form a word may match as: the folded word itself, its English stem and its Welsh
lemma. A text to be searched is stored as the forms of its words (`search_text`); a query matches a document
when, for every word of the query, one of that word's forms is in the document.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import simplemma
import Stemmer

# A word is a run of letters and digits (the apostrophe of Welsh clitics ends a word: "i'r" is "i" and "r").
WORD = re.compile(r"[^\W_]+")
# No real word is this long; a longer one is pasted junk.
MAX_WORD_LENGTH = 60

_ENGLISH = Stemmer.Stemmer("english")

EURFA = Path("/usr/share/dictd/freedict-cym-eng")


def fold(word: str) -> str:
    """Lower case, accents removed: "Môn" → "mon", "Ŵyl" → "wyl"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased with their accents (NFC), in order."""
    return [w for w in WORD.findall(unicodedata.normalize("NFC", text).lower()) if len(w) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=200_000)
def welsh_lemma(word: str) -> str:
    """The Welsh dictionary form of a lower-case word (mutation and plural undone), accents folded; the word
    itself, folded, when the table does not know it. The table sometimes undoes only the mutation
    ("drigolion" → "trigolion"), so the lemma is looked up again until it settles ("trigolion" →
    "trigolyn")."""
    lemma = word
    for _ in range(3):
        following = simplemma.lemmatize(lemma, lang="cy")
        if following == lemma:
            break
        lemma = following
    return fold(lemma)


@lru_cache(maxsize=200_000)
def english_stem(word: str) -> str:
    """The Snowball stem of a lower-case word, accents folded."""
    return _ENGLISH.stemWord(fold(word))


def forms(word: str) -> tuple[str, ...]:
    """Every form a lower-case word may match as, without repeats: folded, English stem, Welsh lemma."""
    folded = fold(word)
    if folded.isdigit():
        return (folded,)
    return tuple(dict.fromkeys((folded, english_stem(word), welsh_lemma(word))))


def search_text(text: str) -> str:
    """A text as the space-separated forms of its words: what a full-text index stores to be searched."""
    return " ".join(form for word in words(text) for form in forms(word))


# An entry of the dict format: "headword /ipa/ <part of speech>" then one English sense per line.
_EURFA_HEAD = re.compile(r"^.*?/.*?/ <(?P<pos>[^>]*)>")
_ONE_ENGLISH_WORD = re.compile(r"[a-z]+")


def _dict_number(text: str) -> int:
    """An offset or length of a dict index: base-64 digits, most significant first."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    number = 0
    for digit in text:
        number = number * 64 + alphabet.index(digit)
    return number


@cache
def _welsh_english() -> tuple[dict[str, str], dict[str, str]]:
    """Eurfa as two tables of {Welsh headword: the English word of its first sense}: one keyed by the headword
    as written (lower case, accents kept: "dy" is your, "tŷ" house), one by the headword folded. Headwords of
    several words, and senses that are not one plain English word ("10 per cent", "to them"), are left out: a
    key must be one word. Read once per process (about 12,000 headwords, a tenth of a second)."""
    data = gzip.decompress(EURFA.with_suffix(".dict.dz").read_bytes())
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for line in EURFA.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        headword, offset, length = line.split("\t")
        welsh = unicodedata.normalize("NFC", headword.lower())
        if headword.startswith("00database") or " " in welsh or welsh in exact:
            continue
        start = _dict_number(offset)
        head, *senses = data[start : start + _dict_number(length)].decode("utf-8").strip().splitlines()
        if english := _first_english_word(head, senses):
            exact[welsh] = english
            folded.setdefault(fold(welsh), english)
    return exact, folded


def _first_english_word(head: str, senses: list[str]) -> str:
    if not senses:
        return ""
    sense = (
        re.sub(r"\(.*?\)", "", senses[0]).strip().lower()
    )  # "(political)", "(program)": glosses on glosses
    found = _EURFA_HEAD.match(head)
    if found and found["pos"].startswith("v") and sense.startswith("to "):
        sense = sense[3:]
    return sense if _ONE_ENGLISH_WORD.fullmatch(sense) else ""


def english_for_welsh(word: str) -> str:
    """The English word Eurfa gives a lower-case Welsh word, or "" when it has none: "addasydd" → "adapter",
    "ailgylchu" → "recycle". A word written with accents matches only a headword written so ("dŷ" is not "dy",
    your); one without (a lemma from `welsh_lemma`, or a word typed without them) matches either."""
    exact, folded = _welsh_english()
    if word in exact:
        return exact[word]
    return folded.get(word, "") if word == fold(word) else ""
