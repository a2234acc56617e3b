"""Rule-set problems, told in the user's language.

The engine is pure Python and speaks English; each RuleSetError carries a `kind` and its `params`, and this
table words the same problem in the active language. Problems the web form prevents (a rule with no code,
say) fall back to a general message with the place of the problem.
"""

from django.utils.translation import gettext as _

from . import engine


def _messages() -> dict[str, str]:
    return {
        "condition_shape": _(
            'A condition must be one of: {"fact": ..., operator: value}, {"all": [...]}, {"any": [...]}, '
            '{"not": ...} or {"always": true}.'
        ),
        "unknown_combinator": _(
            "%(names)s is not a kind of condition. Use all, any, not, always, or a fact."
        ),
        "empty_conditions": _("Give a list of at least one condition here."),
        "always_true": _('"always" must be true.'),
        "unknown_fact": _("There is no fact called %(fact)s. The facts are: %(facts)s."),
        "operator_count": _("The fact %(fact)s needs exactly one test: %(operators)s."),
        "unknown_operator": _("%(operator)s is not a test for the fact %(fact)s. Use %(operators)s."),
        "not_boolean": _("The value of %(operator)s must be true or false, not %(value)s."),
        "not_whole_number": _(
            "The value of %(operator)s must be a whole number of at least %(lowest)s, not %(value)s."
        ),
        "empty_codes": _("The value of %(operator)s must be a list of at least one code."),
        "unknown_code": _("%(code)s is not a code that can be used here. Use: %(codes)s."),
        "repeated_code": _("The list names the same code twice."),
        "no_fallback": _("Keep at least one fallback rule, so that every request gets a lead team."),
        "unknown_team": _("The team %(team)s is not one the rules can route to."),
        "team_twice": _("The team %(team)s is named twice in the rule %(code)s."),
        "duplicate_code": _("Another rule already uses the code %(code)s. Choose a different code."),
        "too_deep": _("Conditions may be nested at most %(depth)s deep. Make this one simpler."),
    }


def rule_set_error_message(error: engine.RuleSetError) -> str:
    template = _messages().get(error.kind)
    if template is None:
        return _("There is a problem with the rules at %(path)s.") % {"path": error.path or "?"}
    return template % error.params


def not_publishable_message(problem) -> str:
    """Why a draft cannot be published (or a version withdrawn), in the reader's language."""
    messages = {
        "not_draft": _("Only a draft can be published."),
        "no_notes": _("Say what changed and why, in English and in Welsh, before publishing."),
        "unchanged": _(
            "This draft has the same rules as version %(version)s, which it was copied from. Change a rule "
            "first."
        ),
        "in_the_past": _("The date must be today or in the future"),
        "already_scheduled": _(
            "Version %(version)s already comes into force on %(day)s. Choose a date before it, or withdraw "
            "it first."
        ),
        "not_scheduled": _("Only a version that has not come into force yet can be withdrawn."),
    }
    return messages[problem.kind] % problem.params
