from django.contrib import admin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Feedback is read, not written, in the admin: what people said stays as they said it."""

    list_display = ["created_at", "satisfaction", "message", "language", "page"]
    list_filter = ["satisfaction", "language"]
    search_fields = ["message", "email"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "satisfaction", "message", "email", "page", "language", "user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
