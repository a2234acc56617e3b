from django.contrib import admin

from .models import CaseStudy, Framework, Standard, StandardGroup


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name_en", "version", "owner_en"]
    inlines = [StandardInline]


admin.site.register(StandardGroup)


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    list_display = ["title_en", "kind", "is_published", "published_on"]
    list_filter = ["kind", "is_published"]
    prepopulated_fields = {"slug": ["title_en"]}
    search_fields = ["title_en", "title_cy", "slug"]
    filter_horizontal = ["organisations", "standards", "programme_items"]
    # Projects are many: picked by number, not from a list of every project.
    raw_id_fields = ["projects"]
    readonly_fields = ["created_at", "updated_at", "created_by", "updated_by"]
