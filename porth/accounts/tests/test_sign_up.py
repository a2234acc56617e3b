"""Registering with a work e-mail address: confirmed by a link, it makes the person a member of the
organisation the address's domain belongs to; other addresses get a public account and may ask to join."""

import re
import time

import pytest
from django.conf import settings
from django.core import mail, signing

from porth.accounts.models import (
    JoinedBy,
    JoinRequest,
    OrganisationDomain,
    OrganisationMembership,
    Role,
    User,
)
from porth.directory.models import Organisation
from porth.testing import person

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "five unrelated words together"


@pytest.fixture
def domains(reference):
    """Test domains: one organisation's own, and one two health boards share."""
    cardiff = Organisation.objects.get(code="W06000015")
    OrganisationDomain.objects.create(organisation=cardiff, domain="cardiff.example")
    boards = list(Organisation.objects.filter(kind="health_board").order_by("name_en")[:2])
    for board in boards:
        OrganisationDomain.objects.create(organisation=board, domain="health.example", shared=True)
    return {"cardiff": cardiff, "boards": boards}


def _link(message) -> str:
    link = re.search(r"http://\S+", message.body).group(0)
    assert link.startswith(settings.SITE_URL)
    return link.removeprefix(settings.SITE_URL)


def _complete(client, link, **data):
    values = {"full_name": "Gwen Price", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **data}
    return client.post(link, values)


def test_a_work_address_confirmed_by_its_link_makes_a_member_of_the_organisation(client, domains):
    response = client.post("/sign-up/", {"email": "Gwen.Price@Cardiff.example"})
    assert response.url == "/sign-up/sent/"
    assert "gwen.price@cardiff.example" in client.get(response.url).content.decode()
    (message,) = mail.outbox
    assert message.to == ["gwen.price@cardiff.example"]
    assert "Cardiff" in message.body
    assert not User.objects.filter(email="gwen.price@cardiff.example").exists()  # not until confirmed
    link = _link(message)
    page = client.get(link).content.decode()
    assert "gwen.price@cardiff.example" in page and "Cardiff" in page
    response = _complete(client, link)
    assert response.status_code == 302
    user = User.objects.get(email="gwen.price@cardiff.example")
    assert user.check_password(NEW_PASSWORD) and user.full_name == "Gwen Price"
    membership = OrganisationMembership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.joined_by) == (
        domains["cardiff"],
        Role.MEMBER,
        JoinedBy.EMAIL_DOMAIN,
    )
    # Signed in, with a message saying what happened.
    assert "You are a member of Cardiff" in client.get(response.url).content.decode()


def test_the_journey_in_welsh_writes_in_welsh_and_remembers_the_language(client, domains):
    client.post("/cy/sign-up/", {"email": "gwen@cardiff.example"})
    (message,) = mail.outbox
    assert "Cadarnhewch" in message.subject
    link = _link(message)
    assert link.startswith("/cy/sign-up/")
    content = client.post(link, {"full_name": "", "password1": "12345678", "password2": "12345678"})
    content = content.content.decode()
    assert "Rhowch eich enw llawn" in content
    assert "o leiaf 12 nod" in content
    _complete(client, link)
    assert User.objects.get(email="gwen@cardiff.example").preferred_language == "cy"


def test_a_shared_domain_asks_which_organisation_and_accepts_only_those_sharing_it(client, domains):
    client.post("/sign-up/", {"email": "nurse@health.example"})
    link = _link(mail.outbox[0])
    page = client.get(link).content.decode()
    first, second = domains["boards"]
    assert str(first.name_en) in page and str(second.name_en) in page
    content = _complete(client, link).content.decode()
    assert "Choose the organisation you work for" in content
    content = _complete(client, link, organisation="W06000015").content.decode()
    assert "Choose one of the organisations listed" in content
    assert not User.objects.filter(email="nurse@health.example").exists()
    _complete(client, link, organisation=second.code)
    assert OrganisationMembership.objects.get(user__email="nurse@health.example").organisation == second


def test_another_address_gets_a_public_account_that_can_ask_to_join(
    client, domains, django_capture_on_commit_callbacks
):
    admin = person("boss@cardiff.example", "W06000015", role=Role.ADMINISTRATOR, language="cy")
    client.post("/sign-up/", {"email": "gwen@gmail.example"})
    response = _complete(client, _link(mail.outbox[0]))
    assert response.url == "/account/join/"
    user = User.objects.get(email="gwen@gmail.example")
    assert not user.organisation_memberships.exists()
    mail.outbox.clear()
    response = client.post("/account/join/", {"organisation": "W06000015", "message": "I run the web team."})
    assert response.status_code == 302
    (to_admin,) = mail.outbox
    assert to_admin.to == [admin.email]
    assert "gofyn" in to_admin.subject and "I run the web team." in to_admin.body  # in the admin's Welsh
    # Asking twice while the first is open is refused with a clear message.
    content = client.post("/account/join/", {"organisation": "W06000015"}).content.decode()
    assert "You have already asked this organisation" in content
    # The administrator sees the request and accepts it; the person hears, in their language.
    client.force_login(admin)
    people_page = client.get("/organisations/W06000015/people/").content.decode()
    assert "gwen@gmail.example" in people_page and "I run the web team." in people_page
    ask = JoinRequest.objects.get(user=user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/organisations/W06000015/people/asks/{ask.pk}/", {"decision": "accept"})
    membership = OrganisationMembership.objects.get(user=user)
    assert membership.joined_by == JoinedBy.REQUEST
    (to_person,) = mail.outbox
    assert to_person.to == ["gwen@gmail.example"] and "member" in to_person.subject
    # Answering again is refused, not repeated.
    response = client.post(
        f"/organisations/W06000015/people/asks/{ask.pk}/", {"decision": "decline"}, follow=True
    )
    assert "already been answered" in response.content.decode()


def test_only_the_organisations_administrators_see_and_manage_its_people(client, domains):
    member = person("member@cardiff.example", "W06000015")
    outsider = person("admin@swansea.example", "W06000011", role=Role.ADMINISTRATOR)
    for user in (member, outsider):
        client.force_login(user)
        assert client.get("/organisations/W06000015/people/").status_code == 403
        membership = OrganisationMembership.objects.get(user=member)
        assert client.post(f"/organisations/W06000015/people/{membership.pk}/remove/").status_code == 403
    assert OrganisationMembership.objects.filter(user=member).exists()


def test_an_administrator_removes_a_member_after_confirming_and_their_tokens_end(client, domains):
    from porth.accounts.services import api_token_create

    admin = person("boss@cardiff.example", "W06000015", role=Role.ADMINISTRATOR)
    member = person("member@cardiff.example", "W06000015")
    api_token_create(user=member, name="Case system")
    membership = OrganisationMembership.objects.get(user=member)
    client.force_login(admin)
    page = client.get(f"/organisations/W06000015/people/{membership.pk}/remove/").content.decode()
    assert "Remove Member from Cardiff" in page and "API tokens will stop working" in page
    assert OrganisationMembership.objects.filter(pk=membership.pk).exists()  # the page alone removes nothing
    client.post(f"/organisations/W06000015/people/{membership.pk}/remove/")
    assert not OrganisationMembership.objects.filter(pk=membership.pk).exists()
    assert not member.api_tokens.exists()


def test_the_last_administrator_cannot_be_removed(client, domains):
    admin = person("boss@cardiff.example", "W06000015", role=Role.ADMINISTRATOR)
    membership = OrganisationMembership.objects.get(user=admin)
    client.force_login(admin)
    response = client.post(f"/organisations/W06000015/people/{membership.pk}/remove/", follow=True)
    assert "only administrator" in response.content.decode()
    assert OrganisationMembership.objects.filter(pk=membership.pk).exists()


def test_an_address_with_an_account_is_told_so_by_email_and_the_page_says_the_same(client, domains):
    person("gwen@cardiff.example", "W06000015")
    response = client.post("/sign-up/", {"email": "gwen@cardiff.example"})
    assert response.url == "/sign-up/sent/"
    (message,) = mail.outbox
    assert "already have a Porth account" in message.subject
    assert "/sign-up/" not in message.body  # no link that would make a second account


def test_links_that_are_damaged_used_or_expired_say_so(client, domains, monkeypatch):
    client.post("/sign-up/", {"email": "gwen@cardiff.example"})
    link = _link(mail.outbox[0])
    response = client.get("/cy" + link[:-4] + "abcd/")
    assert response.status_code == 404 and "Nid yw'r ddolen hon yn gweithio" in response.content.decode()
    _complete(client, link)
    client.logout()
    response = client.get(link)
    assert response.status_code == 410 and "already exists" in response.content.decode()
    # A link made three days ago has expired.
    real = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() - 3 * 86400)
    old = signing.dumps(
        {"email": "late@cardiff.example", "language": "en", "next": ""}, salt="porth.accounts.sign-up"
    )
    monkeypatch.setattr(signing.time, "time", real)
    response = client.get(f"/sign-up/{old}/")
    assert response.status_code == 410 and "This link has expired" in response.content.decode()


def test_sign_up_keeps_where_the_person_was_going(client, domains):
    client.post("/sign-up/?next=/ask/check/", {"email": "gwen@cardiff.example"})
    assert _complete(client, _link(mail.outbox[0])).url == "/ask/check/"
    client.logout()
    mail.outbox.clear()
    client.post("/sign-up/?next=//evil.example/", {"email": "other@cardiff.example"})
    assert _complete(client, _link(mail.outbox[0])).url == "/account/"


def test_sign_up_is_rate_limited_per_address_with_a_page_in_the_readers_language(client, domains):
    for _ in range(3):
        assert client.post("/sign-up/", {"email": "gwen@cardiff.example"}).status_code == 302
    response = client.post("/cy/sign-up/", {"email": "gwen@cardiff.example"})
    assert response.status_code == 429
    assert "Gormod o ymdrechion" in response.content.decode()
    assert len(mail.outbox) == 3


def test_the_shipped_domains_load_with_sources_and_map_a_council_address(reference):
    domain = OrganisationDomain.objects.get(domain="cardiff.gov.uk")
    assert domain.organisation.code == "W06000015" and domain.sources
    assert all(d.sources for d in OrganisationDomain.objects.all())
    shared = OrganisationDomain.objects.filter(shared=True)
    for row in shared:
        assert shared.filter(domain=row.domain).count() > 1, row.domain


def test_signed_in_people_are_sent_to_their_account_not_the_sign_up_page(client, domains):
    client.force_login(person("x@cardiff.example", "W06000015"))
    assert client.get("/sign-up/").url == "/account/"
