"""Normalisation of English and Welsh descriptions: pure functions, no database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from porth.similarity.text import (
    MAX_TEXT_CHARS,
    Token,
    analyse,
    boilerplate_terms,
    demutate,
    english_key,
    fold,
    guess_language,
    normalise,
    stem,
    welsh_key,
    words,
)


def test_fold_lowers_and_strips_welsh_accents():
    assert fold("Ŵyr Tŷ Â Ê Î Ô Û Ẁ Ÿ") == "wyr ty a e i o u w y"


def test_words_keeps_welsh_clitics_apart_and_accents_on():
    assert words("I'r Ysgol, sy'n dda — Tŷ’r Gymraeg") == [
        "i",
        "'r",
        "ysgol",
        "sy",
        "'n",
        "dda",
        "tŷ",
        "'r",
        "gymraeg",
    ]


def test_words_splits_hyphenated_names():
    assert words("Pen-y-bont ar-lein") == ["pen", "y", "bont", "ar", "lein"]


@pytest.mark.parametrize(
    "family",
    [
        # c: soft g, nasal ngh, aspirate ch
        ("Caerdydd", "Gaerdydd", "Nghaerdydd", "Chaerdydd"),
        ("Cymraeg", "Gymraeg", "Nghymraeg", "Chymraeg"),
        # p: soft b, nasal mh, aspirate ph
        ("Pen", "Ben", "Mhen", "Phen"),
        ("pont", "bont", "mhont", "phont"),
        # t: soft d, nasal nh, aspirate th
        ("Tŷ", "Dŷ", "Nhŷ", "Thŷ"),
        ("tref", "dref", "nhref", "thref"),
        # g: soft deletion, nasal ng
        ("gwasanaeth", "wasanaeth", "ngwasanaeth"),
        ("gardd", "ardd", "ngardd"),
        # b: soft f, nasal m
        ("Bangor", "Fangor", "Mangor"),
        # d: soft dd, nasal n
        ("dinas", "ddinas", "ninas"),
        # m: soft f
        ("mam", "fam"),
        # ll: soft l; rh: soft r
        ("llyfrgell", "lyfrgell"),
        ("rhif", "rif"),
    ],
)
def test_every_mutation_of_a_radical_shares_one_key(family):
    keys = {welsh_key(word.lower()) for word in family}
    assert len(keys) == 1, keys


def test_ff_is_a_radical_not_a_mutation():
    assert demutate("ffordd") == "ffordd"
    assert demutate("fordd") != demutate("ffordd")


@pytest.mark.parametrize(
    "first, second", [("ysgol", "llyfrgell"), ("tân", "dŵr"), ("bws", "trên"), ("cath", "pont")]
)
def test_different_welsh_words_keep_different_keys(first, second):
    assert welsh_key(first) != welsh_key(second)


def test_mutated_place_names_in_a_sentence_normalise_alike():
    assert normalise("Trefnu slot ym Mhen-y-bont") == normalise("Trefnu slot ym Mhen-y-bont") != []
    assert (
        normalise("Pen-y-bont")
        == normalise("Ben-y-bont")
        == normalise("Mhen-y-bont")
        == normalise("Phen-y-bont")
    )


def test_h_prothesis_is_undone_after_ei_eu_ein():
    assert normalise("ei hysgol") == normalise("eu hysgol") == normalise("ysgol")
    assert normalise("i'w hatgoffa") == normalise("atgoffa")


def test_a_radical_h_after_a_word_that_adds_one_is_kept():
    assert normalise("i'w helpu") == normalise("helpu") != normalise("elpu")
    assert normalise("eu hawl") == normalise("hawl")


def test_a_radical_h_elsewhere_is_kept():
    assert welsh_key("heddlu") == english_key("police")  # "eddlu" would be no word at all
    assert normalise("Yr heddlu yn y dref") != normalise("Yr eddlu yn y dref")


def test_english_words_are_not_folded_in_english_text():
    # Welsh folding would give "bin" and "pin" one key; English text keeps them apart.
    assert not set(normalise("Put the bin out")) & set(normalise("Reset your PIN"))


@pytest.mark.parametrize(
    "forms",
    [
        ("bookings", "booking", "booked", "book"),
        ("slotiau", "slot"),
        ("centres", "centre"),
        ("recycled", "recycling", "recycle"),
    ],
)
def test_stemmer_joins_plurals_and_endings(forms):
    assert len({stem(fold(form)) for form in forms}) == 1


@pytest.mark.parametrize(
    "text, language",
    [
        ("Book a slot at the recycling centre", "en"),
        ("Trefnu slot mewn canolfan ailgylchu", "cy"),
        ("Sgwrsfot dwyieithog", "cy"),
        ("Blue Badge applications", "en"),
        ("Rota electronig i nyrsys", "cy"),
    ],
)
def test_language_is_guessed(text, language):
    assert guess_language(text) == language


def test_a_bilingual_title_is_folded_per_language():
    tokens = analyse("Ward visiting / Ymweld â chleifion")
    assert [token.surface for token in tokens] == ["ward", "visiting", "ymweld", "chleifion"]
    assert normalise("chleifion") == normalise("cleifion") == normalise("patients")


@pytest.mark.parametrize(
    "english, welsh",
    [
        ("recycling centre", "canolfan ailgylchu"),
        ("blue badge", "Bathodyn Glas"),
        ("blue badge", "Fathodyn Glas"),
        ("school", "ysgolion"),
        ("flood warnings", "rhybuddion llifogydd"),
        ("library", "llyfrgell"),
    ],
)
def test_glossary_gives_both_languages_one_key(english, welsh):
    assert sorted(normalise(english)) == sorted(normalise(welsh)) != []


@pytest.mark.parametrize("text", ["", "   ", "the and of to a", "y mae yn ar i'r o'r", "...!!!", "12 7"])
def test_stop_words_and_noise_leave_nothing(text):
    assert normalise(text) == []


def test_a_mutated_noun_is_not_mistaken_for_a_stop_word():
    assert normalise("i dŷ") == normalise("tŷ") != []


@pytest.mark.parametrize(
    "text",
    [
        "Council digital online service project for residents",
        "Cyngor Caerdydd: gwasanaeth digidol ar-lein newydd i drigolion",
        "We want to make it easier for users",
        "Prosiect ar-lein Cyngor Sir Gâr",
    ],
)
def test_fixed_boilerplate_is_removed(text):
    assert normalise(text) == []


def test_who_is_asking_does_not_change_the_need():
    cardiff = normalise("Cyngor Caerdydd: trefnu slot yng Nghanolfan Ailgylchu Caerdydd")
    swansea = normalise("Cyngor Abertawe: trefnu slot yng Nghanolfan Ailgylchu Abertawe")
    assert cardiff == swansea != []


def test_corpus_boilerplate_is_what_most_documents_share():
    documents = [["wasanaeth", f"need{n}", "rare" if n < 3 else f"other{n}"] for n in range(60)]
    found = boilerplate_terms(documents, max_share=0.2, min_documents=50)
    assert "wasanaeth" in found
    assert "rare" not in found
    assert not any(key.startswith("need") for key in found)


def test_a_small_corpus_has_no_corpus_boilerplate():
    assert boilerplate_terms([["wasanaeth"]] * 10, max_share=0.2, min_documents=50) == frozenset()


def test_tokens_keep_the_words_they_came_from():
    assert analyse("Archebu slotiau") == [Token("~book", "archebu"), Token("~slot", "slotiau")]


def test_huge_text_is_cut():
    text = "ailgylchu " * (MAX_TEXT_CHARS // 5)
    assert len(normalise(text)) <= MAX_TEXT_CHARS // 10 + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_normalises_without_error_and_the_same_twice(text):
    first = analyse(text)
    assert first == analyse(text)
    assert all(isinstance(token.key, str) and token.key for token in first)


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 ailgylchu \ufeff",
        "<script>alert('x')</script> recycling",
        "'; DROP TABLE projects; --",
        "a" * 10_000,
        "🚮♻️ ailgylchu 🚮",
        "ʼʼʼ''' ’r ’n",
        "\u202eRTL override ysgol",
        "ÀÁÂÃÄÅ ŴŶ ẀẂẄ",
    ],
)
def test_hostile_text_is_handled(text):
    assert isinstance(normalise(text), list)


def test_universal_credits_welsh_name_is_the_benefit_not_inclusion():
    """Universal Credit in Welsh, "Credyd Cynhwysol", holds "cynhwysol" (inclusive): read word by word it tied
    every benefits project to digital inclusion work."""
    assert normalise("Credyd Cynhwysol") == normalise("Universal Credit") == ["~universal-credit"]
    assert "~inclusion" not in normalise("hawlwyr Credyd Cynhwysol")
    assert "~inclusion" in normalise("cynhwysiant digidol")


@pytest.mark.parametrize(
    "english, welsh",
    [
        ("paid automatically", "talu'n awtomatig"),
        ("existing claimants", "hawlwyr presennol"),
        ("every year", "bob blwyddyn"),
        ("a burst pipe overnight", "pibell wedi byrstio dros nos"),
        ("fill in a form", "llenwi ffurflen"),
        ("plastic containers", "cynwysyddion plastig"),
        ("a fine from a parking officer", "dirwy gan swyddog parcio"),
    ],
)
def test_everyday_words_of_public_services_key_the_same_in_both_languages(english, welsh):
    shared = set(normalise(english)) & set(normalise(welsh))
    assert shared and shared == {term for term in normalise(english) if term.startswith("~")}


@pytest.mark.parametrize(
    "welsh, english",
    [
        ("Lleihau diweithdra", "Reducing unemployment"),  # words no glossary entry holds
        ("Addasydd ar gyfer y system", "An adapter for the system"),
        ("Safonau ansawdd", "Quality standards"),  # simplemma takes "safon" for a form of "safio"
    ],
)
def test_welsh_and_english_meet_through_the_dictionary(welsh, english):
    assert set(normalise(welsh)) & set(normalise(english)), (normalise(welsh), normalise(english))


def test_the_dictionary_keeps_accents_apart():
    from porth.core.lemmas import english_for_welsh

    assert english_for_welsh("addasydd") == "adapter"
    assert english_for_welsh("dy") == "your"
    assert english_for_welsh("dŷ") == "", "dŷ is tŷ mutated, not dy"
    assert english_for_welsh("ty") == english_for_welsh("tŷ") == "house", "typed without accents, still found"
