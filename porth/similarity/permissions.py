"""Who may say whether a suggested pair of projects is the same project, related or not: decided here."""

from porth.accounts.permissions import memberships


def judgement_allowed(user, access) -> bool:
    """The project's own people, and leadership team members, may say whether a suggestion is right.
    `access` is what the person may do with the project (porth.portfolio.permissions.project_access)."""
    return bool(access.report or access.change or memberships(user).teams)
