"""E-mails about requests: each person is written to in their own language.

The submitter hears in the language they submitted in; team members in the language they chose for e-mails.
"""

from dataclasses import dataclass

from porth.accounts.permissions import team_members
from porth.core.mail import absolute_url, message_render, messages_send

from .models import HelpRequest, RequestEvent


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    is_submitter: bool
    supports: bool = False  # a member of a supporting team, not of the lead team


def _team_recipients(teams, exclude=None, lead=None) -> list[Recipient]:
    """The members of the teams, each once; members of the lead team are told as such, the others that
    their team is asked to support."""
    leads = set(team_members([lead]).values_list("pk", flat=True)) if lead is not None else set()
    recipients = []
    for user in team_members(teams):
        if user == exclude:
            continue
        supports = lead is not None and user.pk not in leads
        recipients.append(
            Recipient(user.email, user.preferred_language, is_submitter=False, supports=supports)
        )
    return recipients


def _recipients(event: RequestEvent) -> list[Recipient]:
    request = event.request
    submitter = Recipient(request.contact_email, request.language, is_submitter=True)
    if event.kind == RequestEvent.Kind.SUBMITTED:
        teams = [request.lead_team, *request.supporting_teams.all()]
        return [submitter, *_team_recipients(teams, lead=request.lead_team)]
    if event.kind == RequestEvent.Kind.REDIRECTED:
        return [submitter, *_team_recipients([request.lead_team], exclude=event.author)]
    if event.kind == RequestEvent.Kind.MESSAGE and event.from_team_id is None:
        return _team_recipients([request.lead_team], exclude=event.author)
    return [submitter]


def request_event_send_emails(*, event_id: int) -> int:
    event = RequestEvent.objects.select_related("request__lead_team", "author", "from_team").get(pk=event_id)
    request: HelpRequest = event.request
    messages = [
        message_render(
            template=f"frontdoor/email/{event.kind}_{'submitter' if r.is_submitter else 'team'}",
            to=r.email,
            language=r.language,
            context={
                "event": event,
                "request": request,
                "url": absolute_url(request.get_absolute_url(), r.language),
                "supports": r.supports,
            },
        )
        for r in _recipients(event)
    ]
    return messages_send(messages)
