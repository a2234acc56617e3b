"""E-mail written from templates in the reader's language. Every e-mail Porth sends goes through here.

A template `x` is two files: `x_subject.txt` (one line) and `x.txt` (the plain-text body).
"""

from functools import cache

from django.core.mail import EmailMessage, get_connection
from django.template import Context, Engine, engines
from django.utils import translation

from .language import absolute_url  # noqa: F401  (e-mails build their links with it)


@cache
def _text_engine() -> Engine:
    """The site's templates, rendered as plain text: an e-mail is not HTML, so nothing is escaped (a
    subject must read "Residents' parking", not "Residents&#x27; parking")."""
    html = engines["django"].engine
    return Engine(dirs=html.dirs, app_dirs=html.app_dirs, libraries=html.libraries, autoescape=False)


def _render(name: str, context: dict) -> str:
    return _text_engine().get_template(name).render(Context(context, autoescape=False))


def message_render(*, template: str, to: str, language: str, context: dict) -> EmailMessage:
    with translation.override(language):
        subject = " ".join(_render(f"{template}_subject.txt", context).split())
        body = _render(f"{template}.txt", context)
    return EmailMessage(subject=subject, body=body, to=[to])


def messages_send(messages: list[EmailMessage]) -> int:
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
