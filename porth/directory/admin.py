from django.contrib import admin

from .models import (
    Appointment,
    LeadershipTeam,
    Organisation,
    OrganisationIdentifier,
    Programme,
    ProgrammeItem,
    StructuralChange,
    TeamInbox,
    TeamRemit,
    WayOfWorking,
    WellbeingGoal,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_cy", "code", "kind", "sector", "active_from", "active_to"]
    list_filter = ["kind", "sector"]
    search_fields = ["name_en", "name_cy", "code"]


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0


@admin.register(LeadershipTeam)
class LeadershipTeamAdmin(admin.ModelAdmin):
    list_display = ["name_en", "short_name_en", "host_organisation", "active_from", "active_to"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["host_organisation"]
    inlines = [AppointmentInline]


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "team", "kind"]
    inlines = [ProgrammeItemInline]


@admin.register(StructuralChange)
class StructuralChangeAdmin(admin.ModelAdmin):
    list_display = ["happened_on", "title_en", "team", "organisation", "verification"]
    list_filter = ["team", "verification"]
    search_fields = ["title_en", "title_cy", "summary_en"]


admin.site.register(WellbeingGoal)
admin.site.register(WayOfWorking)


@admin.register(OrganisationIdentifier)
class OrganisationIdentifierAdmin(admin.ModelAdmin):
    list_display = ["organisation", "scheme", "value", "verification"]
    list_filter = ["scheme", "verification"]


@admin.register(TeamRemit)
class TeamRemitAdmin(admin.ModelAdmin):
    list_display = ["team", "active_from", "active_to", "verification"]


@admin.register(TeamInbox)
class TeamInboxAdmin(admin.ModelAdmin):
    list_display = ["team", "email", "seen_on", "verification"]
