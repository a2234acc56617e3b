"""Every page carries the same shell: skip link, service name, phase banner, language switch and footer."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/teams/",
    "/organisations/",
    "/accessibility/",
    "/cookies/",
    "/privacy/",
    "/sign-in/",
    "/password-reset/",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_shell_in_english(client, path):
    content = client.get(path).content.decode()
    assert 'class="govuk-skip-link"' in content and "Skip to main content" in content
    assert ">Porth</a>" in content
    assert "govuk-phase-banner" in content
    assert f'href="/cy{path}"' in content and ">Cymraeg</a>" in content
    for link in ('href="/accessibility/"', 'href="/cookies/"', 'href="/privacy/"'):
        assert link in content


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_shell_in_welsh(client, path):
    content = client.get(f"/cy{path}").content.decode()
    assert '<html lang="cy"' in content
    assert "Neidio i'r prif gynnwys" in content
    assert f'href="{path}"' in content and ">English</a>" in content
    assert 'href="/cy/accessibility/"' in content


def test_language_switch_keeps_the_query_string(client):
    content = client.get("/organisations/", {"q": "Powys", "page": "1"}).content.decode()
    assert 'href="/cy/organisations/?q=Powys&amp;page=1"' in content


def test_404_page_in_both_languages(client):
    english = client.get("/nothing-here/")
    welsh = client.get("/cy/nothing-here/")
    assert english.status_code == welsh.status_code == 404
    assert "Page not found" in english.content.decode()
    assert "Heb ddod o hyd i'r dudalen" in welsh.content.decode()


@pytest.mark.parametrize(
    ("view", "status", "english", "welsh"),
    [
        ("bad_request", 400, "there is a problem with that request", "mae problem gyda'r cais"),
        ("permission_denied", 403, "You cannot see this page", "Ni allwch weld y dudalen hon"),
        ("server_error", 500, "there is a problem with the service", "mae problem gyda'r gwasanaeth"),
    ],
)
def test_error_pages_in_both_languages(rf, view, status, english, welsh):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from porth.core import views

    for language, text in (("en", english), ("cy", welsh)):
        request = rf.get(f"/{language}/x/")
        request.user = AnonymousUser()
        with translation.override(language):
            response = getattr(views, view)(request)
        assert response.status_code == status
        assert text in response.content.decode()


def test_csrf_failure_page_is_translated(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/cy/sign-in/", {"username": "a@b.cy", "password": "x"})
    assert response.status_code == 403
    assert "Nid oedd modd anfon eich ffurflen" in response.content.decode()


def test_content_pages_are_real_pages(client):
    for path, text in (("/accessibility/", "WCAG"), ("/cookies/", "sessionid"), ("/privacy/", "Your rights")):
        assert text in client.get(path).content.decode()
