"""E-mail written from templates in the reader's language. Every e-mail Porth sends goes through here.

A template `x` is two files: `x_subject.txt` (one line) and `x.txt` (the plain-text body).
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from .language import path_in_language


def absolute_url(path: str, language: str) -> str:
    """A link for an e-mail: the site's address and the page in the reader's language."""
    return settings.SITE_URL.rstrip("/") + path_in_language(path, language)


def message_render(*, template: str, to: str, language: str, context: dict) -> EmailMessage:
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(subject=subject, body=body, to=[to])


def messages_send(messages: list[EmailMessage]) -> int:
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
