"""E-mails are plain text: what people typed reaches the reader as they typed it, in subjects and bodies."""

from types import SimpleNamespace

from porth.core.mail import message_render


def test_a_subject_and_body_keep_apostrophes_and_angle_brackets_as_typed():
    request = SimpleNamespace(reference="P-2026-0001", title='Residents\' parking <permits> & "visitors"')
    message = message_render(
        template="frontdoor/email/submitted_team",
        to="team@example.org",
        language="en",
        context={"request": request, "supports": False, "link": "http://x/"},
    )
    assert message.subject == 'New request P-2026-0001: Residents\' parking <permits> & "visitors"'
    assert "&#x27;" not in message.subject and "&lt;" not in message.subject


def test_a_welsh_subject_keeps_its_apostrophes():
    request = SimpleNamespace(reference="P-2026-0002", title="Parcio i breswylwyr")
    message = message_render(
        template="frontdoor/email/submitted_team",
        to="tim@example.org",
        language="cy",
        context={"request": request, "supports": True, "link": "http://x/"},
    )
    assert "&#x27;" not in message.subject
    assert "P-2026-0002" in message.subject and "Parcio i breswylwyr" in message.subject
