import pytest
from django.core import mail

from porth.frontdoor.models import Decision, HelpRequest
from porth.testing import ANSWERS, PASSWORD, answer_all, page_text

pytestmark = pytest.mark.django_db


def test_start_page_in_both_languages(client, reference):
    assert "Ask for help with digital work" in page_text(client.get("/ask/"))
    assert "Gofyn am help gyda gwaith digidol" in page_text(client.get("/cy/ask/"))


def test_whole_journey_to_the_confirmation_with_the_decision_and_reasons(client, submitter):
    client.force_login(submitter)
    response = answer_all(client)
    assert response.url == "/ask/check/"
    check = page_text(client.get("/ask/check/"))
    assert "Adult social care front door" in check and "Cardiff" in check and "Cardiff and Vale" in check
    response = client.post("/ask/check/")
    request = HelpRequest.objects.get()
    assert response.url == f"/requests/{request.reference}/sent/"
    page = page_text(client.get(response.url))
    assert request.reference in page
    assert "Leads" in page and "NHS Wales Digital" in page
    assert "Supports" in page and "Digital Team for Welsh Local Authorities" in page
    # Council and health board together on care: NHS Wales Digital leads, and it could go either way.
    assert "This could also be led by Digital Team for Welsh Local Authorities" in page
    assert "So this team leads: NHS Wales Digital." in page
    assert "JOINT_HEALTH_AND_CARE" not in page, "rule codes are for administrators"
    decision = Decision.objects.get(request=request)
    assert decision.rule_set.shipped_as == "2" and decision.lead_team.slug == "nhs-wales-digital"
    assert request.could_go_either_way


def test_the_check_page_shows_where_the_request_would_go_before_sending(client, reference):
    answer_all(client)
    page = page_text(client.get("/ask/check/"))
    assert "Who would help, and why" in page and "NHS Wales Digital" in page
    assert "This could also be led by" in page
    assert HelpRequest.objects.count() == 0
    welsh = page_text(client.get("/cy/ask/check/"))
    assert "Pwy fyddai'n helpu, a pham" in welsh and "Digidol GIG Cymru" in welsh


@pytest.mark.django_db(transaction=True)
def test_confirmation_and_decision_in_welsh(client, submitter):
    client.force_login(submitter)
    answer_all(client, prefix="/cy")
    response = client.post("/cy/ask/check/")
    page = page_text(client.get(response.url))
    assert "Cais wedi'i anfon" in page
    assert "Digidol GIG Cymru sy'n arwain gwaith digidol ym maes iechyd a gofal cymdeithasol" in page
    assert "Gallai'r tîm hwn arwain hefyd" in page
    request = HelpRequest.objects.get()
    assert request.language == "cy"
    confirmation = next(m for m in mail.outbox if m.to == ["alys@cardiff.example"])
    assert "Mae gennym eich cais" in confirmation.subject


def test_answers_survive_a_reload_and_a_sign_in_in_the_middle(client, submitter):
    answers = dict(list(ANSWERS.items())[:7])
    answer_all(client, answers=answers)
    assert 'value="Adult social care front door"' in client.get("/ask/title/").content.decode()
    response = client.post("/sign-in/?next=/ask/health/", {"username": submitter.email, "password": PASSWORD})
    assert response.url == "/ask/health/"
    assert "Adult social care front door" in client.get("/ask/title/").content.decode()
    remaining = dict(list(ANSWERS.items())[7:])
    answer_all(client, answers=remaining)
    assert client.post("/ask/check/").status_code == 302
    assert HelpRequest.objects.count() == 1


def test_an_anonymous_person_is_asked_to_sign_in_before_sending(client, reference):
    answer_all(client)
    page = page_text(client.get("/ask/check/"))
    assert "Sign in to send the request" in page
    response = client.post("/ask/check/")
    assert response.url == "/sign-in/?next=/ask/check/"
    assert HelpRequest.objects.count() == 0


def test_skipping_ahead_returns_to_the_first_unanswered_question(client, reference):
    client.post("/ask/organisation/", ANSWERS["organisation"])
    assert client.get("/ask/phase/").url == "/ask/others/"
    assert client.get("/ask/check/").url == "/ask/others/"


@pytest.mark.parametrize(
    ("slug", "data", "english", "welsh"),
    [
        (
            "organisation",
            {"organisation": ""},
            "Choose the organisation you work for",
            "Dewiswch y sefydliad",
        ),
        (
            "organisation",
            {"organisation": "W99999999"},
            "Choose an organisation from the list",
            "Dewiswch sefydliad o'r rhestr",
        ),
        ("title", {"title": ""}, "Enter a name for the work", "Rhowch enw ar gyfer y gwaith"),
        ("title", {"title": "x" * 151}, "150 characters or fewer", "150 nod neu lai"),
        ("problem", {"description": "Help"}, "Tell us a little more", "Dywedwch ychydig mwy"),
        ("problem", {"description": "word " * 1001}, "5,000 characters or fewer", "5,000 nod neu lai"),
        ("health", {}, "Select yes if the work is about health or social care", "Dewiswch ‘Ydy’"),
        ("help", {}, "Select at least one kind of help", "Dewiswch o leiaf un math o help"),
        (
            "help",
            {"help_wanted": ["magic"]},
            "Select kinds of help from the list",
            "Dewiswch fathau o help o'r rhestr",
        ),
        (
            "contact",
            {"contact_name": "A", "contact_email": "not-an-email"},
            "in the correct format",
            "yn y fformat cywir",
        ),
        (
            "contact",
            {"contact_name": "A", "contact_email": "a@b.cy", "contact_phone": "call me"},
            "Enter a telephone number",
            "Rhowch rif ffôn",
        ),
    ],
)
def test_each_question_explains_its_errors_in_both_languages(client, reference, slug, data, english, welsh):
    prior = {k: v for k, v in ANSWERS.items() if list(ANSWERS).index(k) < list(ANSWERS).index(slug)}
    answer_all(client, answers=prior)
    english_page = page_text(client.post(f"/ask/{slug}/", data))
    assert "There is a problem" in english_page and english in english_page
    welsh_page = page_text(client.post(f"/cy/ask/{slug}/", data))
    assert "Mae problem" in welsh_page and welsh in welsh_page


def test_what_was_typed_is_kept_when_there_is_an_error(client, reference):
    answer_all(client, answers=dict(list(ANSWERS.items())[:-1]))
    page = client.post(
        "/ask/contact/", {"contact_name": "Alys Morgan", "contact_email": "alys@"}
    ).content.decode()
    assert 'value="Alys Morgan"' in page and 'value="alys@"' in page


def test_markup_and_script_are_shown_as_text_never_run(client, submitter):
    client.force_login(submitter)
    answers = {**ANSWERS, "title": {"title": '<script>alert("x")</script> & <b>bold</b>'}}
    answer_all(client, answers=answers)
    check = client.get("/ask/check/").content.decode()
    assert "<script>alert" not in check and "&lt;script&gt;" in check
    page = client.get(client.post("/ask/check/").url).content.decode()
    assert "<script>alert" not in page


def test_changing_an_answer_returns_to_the_check_page(client, reference):
    answer_all(client)
    response = client.post("/ask/title/?change=1", {"title": "A better name"})
    assert response.url == "/ask/check/"
    assert "A better name" in page_text(client.get("/ask/check/"))


def test_sending_clears_the_answers(client, submitter):
    client.force_login(submitter)
    answer_all(client)
    client.post("/ask/check/")
    assert client.get("/ask/check/").url == "/ask/organisation/"
