from django.contrib import admin

from .models import Framework, Standard, StandardGroup


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name_en", "version", "owner_en"]
    inlines = [StandardInline]


admin.site.register(StandardGroup)
