"""Rule-set problems, told in the user's language.

The engine is pure Python and speaks English; each RuleSetError carries a `kind` and its `params`, and this
table words the same problem in the active language.
"""

from django.utils.translation import gettext as _

from . import engine


def rule_set_error_message(error: engine.RuleSetError) -> str:
    template = _messages().get(getattr(error, "kind", ""), None)
    params = {key: _display(value) for key, value in (getattr(error, "params", None) or {}).items()}
    if template is None:
        return _("There is a problem with the rules at %(path)s.") % {"path": error.path or "?"}
    return template % params


def _display(value) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(item) for item in value)
    return str(value)


def _messages() -> dict[str, str]:
    return {}
