"""Pages for administrators to manage routing rule sets: copy, edit, publish (what-if is the front door's)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.core.language import active_language
from porth.directory.models import LeadershipTeam

from . import engine, services
from .explain import explain_condition, reason_text
from .forms import NotesForm, PublishForm, RuleForm
from .models import RuleSet
from .permissions import manager_required
from .rule_errors import not_publishable_message, rule_set_error_message


def _draft(version) -> RuleSet:
    rule_set = get_object_or_404(RuleSet, version=version)
    if not rule_set.is_draft:
        raise PermissionDenied
    return rule_set


@manager_required
def rule_set_list(request):
    rule_sets = RuleSet.objects.select_related("created_by", "published_by")
    return render(
        request,
        "routing/list.html",
        {"rule_sets": rule_sets, "in_force": RuleSet.objects.in_force()},
    )


@manager_required
def rule_set_detail(request, version):
    rule_set = get_object_or_404(RuleSet, version=version)
    language = active_language()
    teams = {t.slug: t for t in LeadershipTeam.objects.all()}
    names = {slug: team.name for slug, team in teams.items()}
    rules = [
        {
            "index": index,
            "rule": rule,
            "explanation": explain_condition(rule["condition"], language, names),
            "lead": teams.get(rule.get("lead")),
            "support": [teams.get(slug, slug) for slug in rule.get("support", [])],
            "reason": reason_text(rule),
        }
        for index, rule in enumerate(rule_set.rules)
    ]
    initial = {"notes_en": rule_set.notes_en, "notes_cy": rule_set.notes_cy}
    notes_form = NotesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and rule_set.is_draft and notes_form.is_valid():
        services.rule_set_save_rules(rule_set=rule_set, rules=rule_set.rules, **notes_form.cleaned_data)
        messages.success(request, _("The notes have been saved."))
        return redirect(rule_set.get_absolute_url())
    context = {"rule_set": rule_set, "rules": rules, "notes_form": notes_form}
    return render(request, "routing/detail.html", context)


@manager_required
@require_POST
def rule_set_copy(request, version):
    source = get_object_or_404(RuleSet, version=version)
    draft = services.rule_set_copy_to_draft(source=source, user=request.user)
    messages.success(
        request,
        _("Draft %(version)s has been made from version %(source)s.")
        % {"version": draft.version, "source": source.version},
    )
    return redirect(draft.get_absolute_url())


@manager_required
def rule_edit(request, version, index=None):
    rule_set = _draft(version)
    rules = list(rule_set.rules)
    if index is not None and not 0 <= index < len(rules):
        return redirect(rule_set.get_absolute_url())
    initial = RuleForm.initial_for(rules[index]) if index is not None else {"kind": "support"}
    form = RuleForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        new_rule = form.rule_data()
        if index is None:
            rules.append(new_rule)
        else:
            rules[index] = new_rule
        try:
            services.rule_set_save_rules(rule_set=rule_set, rules=rules)
        except engine.RuleSetError as error:
            form.add_error(
                "condition" if "condition" in (error.path or "") else None, rule_set_error_message(error)
            )
        else:
            messages.success(request, _("Rule %(code)s has been saved.") % {"code": new_rule["code"]})
            return redirect(rule_set.get_absolute_url())
    return render(request, "routing/rule_form.html", {"rule_set": rule_set, "form": form, "index": index})


@manager_required
@require_POST
def rule_move(request, version, index):
    rule_set = _draft(version)
    rules = list(rule_set.rules)
    target = index - 1 if request.POST.get("direction") == "up" else index + 1
    if 0 <= index < len(rules) and 0 <= target < len(rules):
        rules[index], rules[target] = rules[target], rules[index]
        services.rule_set_save_rules(rule_set=rule_set, rules=rules)
        messages.success(request, _("Rule %(code)s has been moved.") % {"code": rules[target]["code"]})
    return redirect(rule_set.get_absolute_url())


@manager_required
def rule_delete(request, version, index):
    rule_set = _draft(version)
    rules = list(rule_set.rules)
    if not 0 <= index < len(rules):
        return redirect(rule_set.get_absolute_url())
    error = None
    if request.method == "POST":
        removed = rules.pop(index)
        try:
            services.rule_set_save_rules(rule_set=rule_set, rules=rules)
        except engine.RuleSetError as problem:
            error = rule_set_error_message(problem)
        else:
            messages.success(
                request, _("Rule %(code)s has been removed from the draft.") % {"code": removed["code"]}
            )
            return redirect(rule_set.get_absolute_url())
    context = {"rule_set": rule_set, "rule": rule_set.rules[index], "index": index, "error": error}
    return render(request, "routing/rule_delete.html", context)


@manager_required
def rule_set_publish(request, version):
    rule_set = _draft(version)
    form = PublishForm(
        request.POST if request.method == "POST" else None, initial={"effective_from": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_set_publish(rule_set=rule_set, user=request.user, **form.cleaned_data)
        except services.RuleSetNotPublishable as problem:
            form.add_error(None, not_publishable_message(problem))
        else:
            messages.success(
                request, _("Rule set %(version)s has been published.") % {"version": rule_set.version}
            )
            return redirect(rule_set.get_absolute_url())
    return render(request, "routing/publish.html", {"rule_set": rule_set, "form": form})


@manager_required
@require_POST
def rule_set_withdraw(request, version):
    rule_set = get_object_or_404(RuleSet, version=version)
    try:
        services.rule_set_withdraw(rule_set=rule_set, user=request.user)
    except services.RuleSetNotPublishable as problem:
        messages.error(request, not_publishable_message(problem))
    else:
        messages.success(
            request,
            _("Version %(version)s has been withdrawn. The version it would have replaced stays in force.")
            % {"version": rule_set.version},
        )
    return redirect(rule_set.get_absolute_url())
