"""What no part of Porth can use is refused up front with a page (or JSON) in the reader's language: null
characters, addresses too long to be real; odd input elsewhere gets a clear answer, never a 500."""

import pytest

from porth.core.language import path_in_language
from porth.core.middleware import MAX_URL_LENGTH

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/standards/?q=%00", "/organisations/%00/", "/cy/standards/?q=abc%00def", "/projects/?organisation=%00"],
)
def test_a_null_character_in_an_address_is_refused_with_a_page(client, reference, path):
    response = client.get(path)
    assert response.status_code == 400
    content = response.content.decode()
    if path.startswith("/cy/"):
        assert "nod nwl" in content and 'lang="cy"' in content
    else:
        assert "null character" in content


def test_a_null_character_in_a_form_is_refused_and_nothing_is_written(client, reference):
    from porth.accounts.models import User

    response = client.post("/sign-up/", {"email": "gwen\x00@cardiff.example"})
    assert response.status_code == 400 and "null character" in response.content.decode()
    assert not User.objects.exists()


def test_a_null_character_in_json_is_refused_in_json_in_the_callers_language(client, reference):
    body = '{"organisation": "W06000015\\u0000", "description": "x"}'
    response = client.post("/api/v1/route", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 400
    assert "nod nwl" in response.json()["detail"]


def test_an_over_long_address_gets_a_porth_page_in_the_readers_language(client, reference):
    response = client.get("/cy/projects/?q=" + "a" * (MAX_URL_LENGTH + 10))
    assert response.status_code == 414
    assert "rhy hir" in response.content.decode()
    assert client.get("/projects/?q=" + "a" * 100).status_code == 200


def test_the_language_switch_never_points_off_site(client, reference):
    assert path_in_language("/cy//evil.example/", "en") == "/evil.example/"
    assert path_in_language("//evil.example/", "cy") == "/cy/evil.example/"
    content = client.get("/cy//evil.example/").content.decode()
    assert 'href="//evil.example' not in content


@pytest.mark.parametrize("value", ["²", "٣", "1e5", "99999999999999999999999", "-1"])
def test_ids_that_are_not_plain_whole_numbers_get_a_clear_answer(client, people, value):
    client.force_login(people["owner"])
    assert client.get(f"/similar/?exclude={value}&text=recycling").status_code == 200
    assert client.post(f"/follow/project/{value}/").status_code == 404


def test_whole_number_reads_only_ascii_digits():
    from porth.core.parsing import whole_number

    assert whole_number("42") == 42
    assert [whole_number(v) for v in ("²", "٣", "", None, " 4", "4.0", "9" * 19)] == [None] * 7


def test_a_form_that_is_not_what_it_says_gets_a_400_not_a_server_error(client, reference):
    response = client.generic("POST", "/api/v1/route", b'{"a": 1}', content_type="multipart/form-data")
    assert response.status_code == 400 and "could not read" in response.json()["detail"]
    response = client.generic("POST", "/cy/sign-up/", b"email=x", content_type="multipart/form-data")
    assert response.status_code == 400 and 'lang="cy"' in response.content.decode()
