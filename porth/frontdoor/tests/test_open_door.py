"""The front door without an account: the answer before signing in, signing in or registering without
losing the answers, a member of the public told where to go; and limits on e-mails to typed addresses."""

import re

import pytest
from django.conf import settings
from django.core import mail

from porth.accounts.models import OrganisationDomain
from porth.directory.models import Organisation
from porth.frontdoor import services
from porth.frontdoor.models import HelpRequest
from porth.testing import ANSWERS, PASSWORD, answer_all, page_text, person

from .test_services import answers

pytestmark = pytest.mark.django_db


def test_anyone_sees_the_answer_then_signs_in_and_sends_with_the_answers_kept(client, submitter):
    answer_all(client)
    page = page_text(client.get("/ask/check/"))
    assert "Who would help, and why" in page and "NHS Wales Digital" in page
    assert "/sign-in/?next=/ask/check/" in page and "/sign-up/?next=/ask/check/" in page
    assert "Where to go instead" in page
    response = client.post("/sign-in/?next=/ask/check/", {"username": submitter.email, "password": PASSWORD})
    assert response.url == "/ask/check/"
    assert "Adult social care front door" in page_text(client.get("/ask/check/"))
    client.post("/ask/check/")
    assert HelpRequest.objects.get().title == "Adult social care front door"


def test_anyone_registers_part_way_and_sends_with_the_answers_kept(client, reference):
    OrganisationDomain.objects.create(
        organisation=Organisation.objects.get(code="W06000015"), domain="cardiff.example"
    )
    answer_all(client, prefix="/cy")
    client.post("/cy/sign-up/?next=/cy/ask/check/", {"email": "newcomer@cardiff.example"})
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0).removeprefix(settings.SITE_URL)
    password = "five unrelated words together"
    response = client.post(link, {"full_name": "Newydd", "password1": password, "password2": password})
    assert response.url == "/cy/ask/check/"
    assert "Adult social care front door" in page_text(client.get("/cy/ask/check/"))
    client.post("/cy/ask/check/")
    assert HelpRequest.objects.get().submitted_by.email == "newcomer@cardiff.example"


def test_the_start_page_tells_a_member_of_the_public_where_to_go_in_both_languages(client, reference):
    page = page_text(client.get("/ask/"))
    assert "If you are a member of the public" in page and "111.wales.nhs.uk" in page
    assert "gov.wales/contact-welsh-government" in page
    welsh = page_text(client.get("/cy/ask/"))
    assert "Os ydych chi'n aelod o'r cyhoedd" in welsh and "llyw.cymru/cysylltu-llywodraeth-cymru" in welsh


def test_a_public_account_is_told_it_has_no_body_to_ask_for_and_how_to_join(client, reference):
    client.force_login(person("someone@gmail.example"))
    page = page_text(client.get("/cy/ask/organisation/"))
    assert "Nid yw eich cyfrif wedi'i gysylltu â chorff cyhoeddus yng Nghymru" in page
    assert "/cy/account/join/" in page


def test_an_address_other_than_ones_own_may_be_named_on_a_few_requests_a_day(client, submitter):
    other = "someone.else@example.org"
    for _ in range(settings.PORTH_REQUESTS_PER_DAY_PER_CONTACT):
        services.request_submit(user=submitter, answers=answers(contact_email=other), language="en")
    with pytest.raises(services.TooManyRequests) as raised:
        services.request_submit(user=submitter, answers=answers(contact_email=other.upper()), language="en")
    assert raised.value.reason == "contact"
    # One's own address is not limited this way.
    services.request_submit(user=submitter, answers=answers(contact_email=submitter.email), language="en")
    # The web page says why, in the reader's language, and keeps the answers.
    client.force_login(submitter)
    answer_all(
        client, prefix="/cy", answers={**ANSWERS, "contact": {**ANSWERS["contact"], "contact_email": other}}
    )
    response = client.post("/cy/ask/check/", follow=True)
    page = page_text(response)
    assert "rhowch eich cyfeiriad eich hun" in page
    assert response.redirect_chain[-1][0] == "/cy/ask/contact/"
    assert (
        HelpRequest.objects.filter(contact_email__iexact=other).count()
        == settings.PORTH_REQUESTS_PER_DAY_PER_CONTACT
    )


def test_the_api_refuses_the_same_with_429_in_the_callers_language(client, submitter):
    from porth.accounts.services import api_token_create

    _, key = api_token_create(user=submitter, name="test")
    other = "someone.else@example.org"
    for _ in range(settings.PORTH_REQUESTS_PER_DAY_PER_CONTACT):
        services.request_submit(user=submitter, answers=answers(contact_email=other), language="en")
    body = {
        "organisation": "W06000015",
        "title": "One more",
        "description": "A problem for residents.",
        "help_wanted": ["data"],
        "phase": "discovery",
        "timescale": "not_sure",
        "contact_name": "A",
        "contact_email": other,
    }
    response = client.post(
        "/api/v1/requests",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        HTTP_ACCEPT_LANGUAGE="cy",
    )
    assert response.status_code == 429 and "cyfeiriad" in response.json()["detail"]


def test_one_person_may_send_a_bounded_number_a_day(submitter):
    for _ in range(settings.PORTH_REQUESTS_PER_DAY_PER_ACCOUNT):
        services.request_submit(user=submitter, answers=answers(contact_email=submitter.email), language="en")
    with pytest.raises(services.TooManyRequests) as raised:
        services.request_submit(user=submitter, answers=answers(contact_email=submitter.email), language="en")
    assert raised.value.reason == "account"
