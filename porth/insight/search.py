"""One search across Porth, in English and Welsh: teams, organisations, projects, standards, case studies and
courses, each as the reader may see it.

Projects go through the portfolio's own full-text search over the projects the reader may see
(porth.portfolio.permissions.projects_visible_to). The other collections are small, so they are matched here
with
the same word forms (porth.core.lemmas): every word typed must be found, as itself, the start of a word, its
English stem or its Welsh lemma ("Abertawe" finds Swansea's council, "ysgolion" finds "ysgol").
"""

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from porth.core import lemmas
from porth.directory.models import LeadershipTeam, Organisation
from porth.portfolio.permissions import projects_visible_to
from porth.portfolio.search import project_search
from porth.skills.insight import courses as courses_for
from porth.standards.insight import case_studies as case_studies_for
from porth.standards.models import Framework, Standard

MAX_QUERY_LENGTH = 200
MAX_WORDS = 16
PER_SECTION = 20


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search Porth"),
        help_text=_(
            "Teams, organisations, projects, standards, case studies and courses, in English or Welsh"
        ),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "required": _("Enter what you are looking for"),
            "max_length": _("Your search must be %(limit_value)d characters or fewer"),
        },
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}),
    )


@lru_cache(maxsize=4096)
def _forms_of(text: str) -> tuple[str, ...]:
    return tuple(sorted({form for word in lemmas.words(text) for form in lemmas.forms(word)}))


def _has(forms_: tuple[str, ...], word_forms: tuple[str, ...]) -> bool:
    prefix, *others = word_forms
    at = bisect_left(forms_, prefix)
    if at < len(forms_) and forms_[at].startswith(prefix):
        return True
    for other in others:
        at = bisect_left(forms_, other)
        if at < len(forms_) and forms_[at] == other:
            return True
    return False


def query_words(text: str) -> list[tuple[str, ...]]:
    return [lemmas.forms(word) for word in list(dict.fromkeys(lemmas.words(text)))[:MAX_WORDS]]


def matches(words: list[tuple[str, ...]], *texts: str) -> bool:
    forms_ = _forms_of(" ".join(t for t in texts if t))
    return bool(words) and all(_has(forms_, word) for word in words)


@dataclass
class Section:
    slug: str
    title: str
    results: list = field(default_factory=list)
    more: bool = False


def _matching(records, words) -> list:
    return [r for r in records if matches(words, r.title_en, r.title_cy, r.summary_en, r.summary_cy)]


def site_search(user, text: str) -> list[Section]:
    words = query_words(text)
    teams = [
        t
        for t in LeadershipTeam.objects.all()
        if matches(
            words,
            t.name_en,
            t.name_cy,
            t.short_name_en,
            t.short_name_cy,
            t.remit_en,
            t.remit_cy,
            t.summary_en,
            t.summary_cy,
        )
    ]
    organisations = [
        o
        for o in Organisation.objects.all()
        if matches(words, o.name_en, o.name_cy) or o.code.casefold() == text.strip().casefold()
    ]
    projects = list(
        project_search(projects_visible_to(user).select_related("owner_organisation"), text)[
            : PER_SECTION + 1
        ]
    )
    standards = [
        s
        for s in Standard.objects.filter(framework__in=Framework.objects.current()).select_related(
            "framework"
        )
        if matches(words, s.title_en, s.title_cy, s.summary_en, s.summary_cy, s.guidance_en, s.guidance_cy)
    ]
    case_studies = case_studies_for(user=user)
    courses = _matching(courses_for(user=user), words)
    return [
        Section("teams", str(_("Leadership teams")), teams),
        Section(
            "organisations",
            str(_("Organisations")),
            organisations[:PER_SECTION],
            more=len(organisations) > PER_SECTION,
        ),
        Section("projects", str(_("Projects")), projects[:PER_SECTION], more=len(projects) > PER_SECTION),
        Section("standards", str(_("Standards")), standards),
        Section(
            "case-studies",
            str(_("Case studies")),
            _matching(case_studies, words),
        ),
        Section("courses", str(_("Courses")), courses),
    ]


def search(request):
    form = SearchForm(request.GET or None)
    sections = (
        site_search(request.user, form.cleaned_data["q"]) if form.is_bound and form.is_valid() else None
    )
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {
        "form": form,
        "sections": sections,
        "query": form.cleaned_data.get("q", "") if sections is not None else "",
    }
    return render(request, "insight/search.html", context, status=status)
