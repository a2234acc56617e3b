"""Atom feeds of project updates: for a project, an organisation and a team. Public projects only, since
feed readers do not sign in.
Summaries are plain text and links start with SITE_URL (see porth.core.feeds)."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from porth.core.feeds import PlainTextAtomFeed
from porth.core.language import absolute_url, active_language
from porth.directory.models import LeadershipTeam, Organisation

from .models import Project, ProjectUpdate, Visibility

ITEMS = 30


def _site(path: str) -> str:
    return absolute_url(path, active_language())


class _UpdatesFeed(Feed):
    feed_type = PlainTextAtomFeed

    def feed_url(self, obj):
        return _site(self._feed_path)

    def get_feed(self, obj, request):
        self._feed_path = request.path
        return super().get_feed(obj, request)

    def items(self, obj):
        return (
            ProjectUpdate.objects.filter(project__in=self.projects(obj).filter(visibility=Visibility.PUBLIC))
            .select_related("project")
            .order_by("-created_at")[:ITEMS]
        )

    def item_title(self, item):
        return _("%(project)s: %(status)s") % {
            "project": item.project.title,
            "status": item.get_status_display(),
        }

    def item_description(self, item):
        return item.what_happened

    def item_link(self, item):
        return _site(item.project.get_absolute_url())

    def item_pubdate(self, item):
        return item.created_at

    def item_guid(self, item):
        return f"porth-update-{item.pk}"

    item_guid_is_permalink = False


class ProjectFeed(_UpdatesFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Project, pk=pk, visibility=Visibility.PUBLIC)

    def projects(self, obj):
        return Project.objects.filter(pk=obj.pk)

    def title(self, obj):
        return _("Updates on %(project)s") % {"project": obj.title}

    def link(self, obj):
        return _site(obj.get_absolute_url())


class OrganisationFeed(_UpdatesFeed):
    def get_object(self, request, code):
        return get_object_or_404(Organisation, code=code)

    def projects(self, obj):
        return Project.objects.filter(Q(owner_organisation=obj) | Q(partner_organisations=obj)).distinct()

    def title(self, obj):
        return _("Project updates from %(organisation)s") % {"organisation": obj.name}

    def link(self, obj):
        return _site(obj.get_absolute_url())


class TeamFeed(_UpdatesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(LeadershipTeam, slug=slug)

    def projects(self, obj):
        return Project.objects.for_team(obj)

    def title(self, obj):
        return _("Project updates for %(team)s") % {"team": obj.name}

    def link(self, obj):
        return _site(obj.get_absolute_url())
