from django.contrib import admin

from .models import Booking, BookingEvent, Course, CourseAudience, Session


class AudienceInline(admin.TabularInline):
    model = CourseAudience
    extra = 0


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "provider_team", "provider_organisation", "level", "role_family", "is_demo"]
    list_filter = ["level", "role_family", "provider_team", "is_demo"]
    search_fields = ["title_en", "title_cy"]
    autocomplete_fields = ["provider_organisation"]
    filter_horizontal = ["programme_items", "standards"]
    inlines = [AudienceInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "starts_at", "mode", "language", "capacity", "state", "trainer"]
    list_filter = ["state", "mode", "language", "is_demo"]
    search_fields = ["course__title_en", "course__title_cy"]
    raw_id_fields = ["course", "trainer"]
    date_hierarchy = "starts_at"


class EventInline(admin.TabularInline):
    model = BookingEvent
    extra = 0
    readonly_fields = ["kind", "previous_state", "sequence", "by", "at"]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read and correct bookings here; book, cancel and offer through the service pages, which keep the
    places, the waiting list and the e-mails right."""

    list_display = ["__str__", "organisation", "audience", "state", "attendance"]
    list_filter = ["state", "attendance", "audience"]
    search_fields = ["person__email", "person__full_name"]
    raw_id_fields = ["session", "person", "booked_by", "cancelled_by", "attendance_marked_by", "organisation"]
    inlines = [EventInline]
