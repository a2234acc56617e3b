from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config.api import api
from porth.core import views as core_views
from porth.site import views as site_views

# Pages exist in English at / and in Welsh at /cy/; the address says the language, so a link always opens
# in the language it was shared in.
urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots, name="robots"),
    path("api/v1/docs", core_views.api_docs_redirect, name="api-docs-redirect"),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("porth.directory.urls")),
    path("", include("porth.core.urls")),
    path("", include("porth.accounts.urls")),
    path("", include("porth.routing.urls")),
    path("", include("porth.frontdoor.urls")),
    path("", include("porth.portfolio.urls")),
    path("", include("porth.similarity.urls")),
    path("", include("porth.standards.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "porth.core.views.bad_request"
handler403 = "porth.core.views.permission_denied"
handler404 = "porth.core.views.page_not_found"
handler500 = "porth.core.views.server_error"
