"""Words in English and Welsh reduced to the forms a search should match, with maintained libraries.

Pure: no Django, no I/O beyond the libraries' own word tables (loaded on first use, offline).

- Welsh: simplemma's Welsh lemmatiser undoes mutations and plurals ("dyllau", "thyllau", "tyllau" → "twll";
  "Nghaerdydd" → "caerdydd"; "ngwasanaethau" → "gwasanaeth").
- English: the Snowball stemmer (PyStemmer) joins word forms ("accessible", "accessibility" → "access").
- Accents are folded for matching ("Ynys Mon" finds "Ynys Môn"), after the Welsh lemma is found (the lemma
  table knows "tŷ" from "ty").

`forms(word)` gives every form a word may match as: the folded word itself, its English stem and its Welsh
lemma. A text to be searched is stored as the forms of its words (`search_text`); a query matches a document
when, for every word of the query, one of that word's forms is in the document.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import simplemma
import Stemmer

# A word is a run of letters and digits (the apostrophe of Welsh clitics ends a word: "i'r" is "i" and "r").
WORD = re.compile(r"[^\W_]+")
# No real word is this long; a longer one is pasted junk.
MAX_WORD_LENGTH = 60

_ENGLISH = Stemmer.Stemmer("english")


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
