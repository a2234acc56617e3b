import re

import pytest
from django.conf import settings
from django.core import mail

from porth.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "a long local test password"


@pytest.fixture
def person(db):
    return User.objects.create_user("Alys.Morgan@Example.org", PASSWORD, full_name="Alys Morgan")


def test_sign_in_with_email_and_password_then_sign_out(client, person):
    response = client.post("/sign-in/", {"username": "alys.morgan@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert (
        "Alys Morgan" in client.get("/account/").content.decode()
        or client.get("/account/").status_code == 200
    )
    response = client.post("/sign-out/", follow=True)
    assert "You have signed out." in response.content.decode()
    assert client.get("/account/").status_code == 302


def test_email_is_not_case_sensitive(client, person):
    response = client.post("/sign-in/", {"username": "ALYS.MORGAN@EXAMPLE.ORG", "password": PASSWORD})
    assert response.status_code == 302


def test_wrong_password_gets_a_clear_message_and_keeps_the_email(client, person):
    response = client.post("/sign-in/", {"username": "alys.morgan@example.org", "password": "wrong"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "The email address or password is not right" in content
    assert 'value="alys.morgan@example.org"' in content
    assert "<title>Error:" in content


def test_empty_form_gets_specific_messages_in_welsh(client):
    content = client.post("/cy/sign-in/", {"username": "", "password": ""}).content.decode()
    assert "Rhowch eich cyfeiriad e-bost" in content
    assert "Rhowch eich cyfrinair" in content
    assert 'href="#id_username"' in content


def test_sign_in_returns_to_the_page_asked_for(client, person):
    response = client.get("/account/")
    assert response.url == "/sign-in/?next=/account/"
    response = client.post(response.url, {"username": person.email, "password": PASSWORD})
    assert response.url == "/account/"


def test_passwords_are_stored_hashed(person):
    assert PASSWORD not in person.password and person.check_password(PASSWORD)


def test_password_reset_asked_for_in_welsh_arrives_in_welsh_and_is_remembered(client, person):
    assert person.preferred_language == "en"
    response = client.post("/cy/password-reset/", {"email": person.email})
    assert response.url == "/cy/password-reset/sent/"
    (message,) = mail.outbox
    assert message.subject == "Dewiswch gyfrinair newydd ar gyfer Porth"
    link = re.search(r"http://\S+", message.body).group(0)
    assert link.startswith(settings.SITE_URL + "/cy/password-reset/")
    person.refresh_from_db()
    assert person.preferred_language == "cy"
    form_page = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    new_password = "another long password 2026"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new_password)


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert response.url == "/password-reset/sent/"
    assert mail.outbox == []


def test_password_reset_asked_for_in_english_by_a_welsh_reader_arrives_in_english(client, person):
    person.preferred_language = "cy"
    person.save()
    client.post("/password-reset/", {"email": person.email})
    assert mail.outbox[0].subject == "Choose a new password for Porth"
    assert "/cy/" not in mail.outbox[0].body
    person.refresh_from_db()
    assert person.preferred_language == "en"


def test_weak_new_password_is_refused_with_welsh_reasons(client, person):
    client.post("/cy/password-reset/", {"email": person.email})
    link = re.search(r"http://\S+", mail.outbox[0].body).group(0).removeprefix(settings.SITE_URL)
    url = client.get(link, follow=True).redirect_chain[-1][0]
    content = client.post(url, {"new_password1": "12345678", "new_password2": "12345678"}).content.decode()
    assert "o leiaf 12 nod" in content
    assert "rhifau yn unig" in content
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_profile_saves_name_and_language(client, person):
    client.force_login(person)
    response = client.post("/account/", {"full_name": "Alys M", "preferred_language": "cy"}, follow=True)
    assert "Your account details have been saved." in response.content.decode()
    person.refresh_from_db()
    assert (person.full_name, person.preferred_language) == ("Alys M", "cy")


def test_profile_rejects_an_unknown_language(client, person):
    client.force_login(person)
    content = client.post("/account/", {"full_name": "Alys", "preferred_language": "fr"}).content.decode()
    assert "There is a problem" in content
    person.refresh_from_db()
    assert person.preferred_language == "en"
