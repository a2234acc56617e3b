"""Tell us what you think: the alpha banner's feedback form, in both languages, stored for administrators."""

import pytest
from django.contrib.auth import get_user_model

from porth.core import limits
from porth.site.models import Feedback
from porth.testing import page_text

pytestmark = pytest.mark.django_db

GOOD = {"satisfaction": "satisfied", "message": "The team pages are clear.", "email": "", "page": "/teams/"}


def test_the_banner_links_to_the_form_with_the_page_it_was_on(client):
    assert 'href="/feedback/?from=/teams/"' in client.get("/teams/").content.decode()
    assert 'href="/cy/feedback/?from=/cy/teams/"' in client.get("/cy/teams/").content.decode()


def test_feedback_in_english_is_stored_and_thanked_for(client):
    form = page_text(client.get("/feedback/?from=/teams/"))
    assert "Tell us what you think" in form and 'value="/teams/"' in form
    response = client.post("/feedback/", GOOD)
    assert response.status_code == 302 and response["Location"] == "/feedback/sent/"
    assert "Thank you for your feedback" in page_text(client.get(response["Location"]))
    feedback = Feedback.objects.get()
    assert (feedback.message, feedback.satisfaction, feedback.language, feedback.page) == (
        "The team pages are clear.",
        "satisfied",
        "en",
        "/teams/",
    )


def test_feedback_in_welsh_is_stored_in_welsh_and_thanked_for_in_welsh(client):
    form = page_text(client.get("/cy/feedback/"))
    assert "Dywedwch wrthym beth yw eich barn" in form and "Bodlon" in form
    message = "Mae'r tudalennau timau'n glir. Diolch!"
    response = client.post("/cy/feedback/", {**GOOD, "message": message, "page": "/cy/teams/"})
    assert response["Location"] == "/cy/feedback/sent/"
    assert "Diolch am eich adborth" in page_text(client.get(response["Location"]))
    feedback = Feedback.objects.get()
    assert feedback.message == message and feedback.language == "cy"


@pytest.mark.parametrize(
    ("prefix", "change", "message"),
    [
        ("", {"satisfaction": ""}, "Select how you feel about Porth"),
        ("", {"message": ""}, "Tell us how we could improve Porth"),
        ("", {"email": "not an address"}, "Enter an email address in the correct format"),
        ("", {"message": "x" * 1201}, "Shorten this to 1200 characters or fewer (it has 1201)"),
        ("/cy", {"satisfaction": ""}, "Dewiswch sut rydych chi'n teimlo am Porth"),
        ("/cy", {"message": ""}, "Dywedwch wrthym sut gallem wella Porth"),
        ("/cy", {"message": "x" * 1201}, "Byrhewch hwn i 1200 nod neu lai (mae ganddo 1201)"),
    ],
)
def test_bad_feedback_is_explained_in_the_readers_language_and_nothing_is_stored(
    client, prefix, change, message
):
    response = client.post(f"{prefix}/feedback/", {**GOOD, **change})
    assert response.status_code == 200
    page = page_text(response)
    assert "govuk-error-summary" in page and message in page
    assert not Feedback.objects.exists()


def test_a_page_that_is_not_on_this_site_is_not_kept(client):
    client.post("/feedback/", {**GOOD, "page": "https://elsewhere.example/"})
    assert Feedback.objects.get().page == ""


def test_too_much_feedback_from_one_address_is_refused_in_the_readers_language(client):
    (limit,) = limits.FEEDBACK
    allowed = int(limit.rate.split("/")[0])
    for _ in range(allowed):
        assert client.post("/feedback/", GOOD).status_code == 302
    response = client.post("/cy/feedback/", GOOD)
    assert response.status_code == 429
    assert "Rydych chi wedi rhoi cynnig ar hyn ormod o weithiau" in page_text(response)
    assert Feedback.objects.count() == allowed


def test_site_administrators_read_feedback_in_the_admin_but_cannot_change_it(client):
    client.post("/feedback/", GOOD)
    admin = get_user_model().objects.create_superuser("admin@porth.example", "a long admin password")
    client.force_login(admin)
    listing = page_text(client.get("/admin/porth_site/feedback/"))
    assert "The team pages are clear." in listing
    feedback = Feedback.objects.get()
    detail = client.get(f"/admin/porth_site/feedback/{feedback.pk}/change/")
    assert detail.status_code == 200 and "The team pages are clear." in page_text(detail)
    assert client.get("/admin/porth_site/feedback/add/").status_code == 403


def test_people_who_are_not_administrators_cannot_read_feedback(client):
    client.post("/feedback/", GOOD)
    someone = get_user_model().objects.create_user("someone@example.org", "a long password here")
    client.force_login(someone)
    assert client.get("/admin/porth_site/feedback/").status_code == 302
