from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Booking, DdatRole, Engagement, Leave, Pool, Skill, Specialist, SpecialistRequest


class LeaveInline(admin.TabularInline):
    model = Leave
    extra = 0


@admin.register(Specialist)
class SpecialistAdmin(SimpleHistoryAdmin):
    list_display = [
        "full_name",
        "pool",
        "role",
        "welsh_level",
        "working_days",
        "joined_on",
        "left_on",
        "is_demo",
    ]
    list_filter = ["pool", "role__family", "welsh_level", "is_demo"]
    search_fields = ["full_name", "email"]
    autocomplete_fields = ["home_organisation"]
    raw_id_fields = ["user"]
    filter_horizontal = ["skills"]
    inlines = [LeaveInline]


@admin.register(SpecialistRequest)
class SpecialistRequestAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "organisation", "role", "pool", "status", "created_at"]
    list_filter = ["pool", "status"]
    search_fields = ["reference", "what_for"]
    raw_id_fields = ["organisation", "requested_by", "project", "closed_by"]


@admin.register(Booking)
class BookingAdmin(SimpleHistoryAdmin):
    """Bookings are made and cancelled on Porth's own pages, where capacity is checked under a lock; the
    administration pages only show them."""

    list_display = ["specialist", "organisation", "first_week", "last_week", "days_per_week", "status"]
    list_filter = ["status", "specialist__pool"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "pool", "phase", "starts_on", "ends_on", "visibility"]
    list_filter = ["pool", "phase", "visibility"]
    search_fields = ["title_en", "title_cy"]
    filter_horizontal = ["organisations"]
    raw_id_fields = ["projects"]


@admin.register(Pool)
class PoolAdmin(admin.ModelAdmin):
    list_display = ["name_en", "team", "position"]


@admin.register(DdatRole)
class DdatRoleAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_cy", "family", "position"]
    list_filter = ["family"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_cy", "slug"]
    search_fields = ["name_en", "name_cy"]
