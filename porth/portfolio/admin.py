from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CollaborationRequest, Follow, Project, ProjectUpdate, Tag


class UpdateInline(admin.TabularInline):
    model = ProjectUpdate
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "owner_organisation",
        "phase",
        "status",
        "visibility",
        "last_update_at",
        "is_demo",
    ]
    list_filter = ["phase", "status", "visibility", "is_demo", "lead_team"]
    search_fields = ["title_en", "title_cy"]
    autocomplete_fields = ["owner_organisation", "partner_organisations"]
    filter_horizontal = ["owners", "supporting_teams", "programme_items", "wellbeing_goals", "tags"]
    raw_id_fields = ["services"]
    inlines = [UpdateInline]


admin.site.register(Tag)
admin.site.register(Follow)
admin.site.register(CollaborationRequest)
