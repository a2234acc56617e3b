from allauth.socialaccount import views as sso_views
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api
from porth.core import views as core_views
from porth.site import views as site_views

# Pages exist in English at / and in Welsh at /cy/; the address says the language, so a link always opens
# in the language it was shared in.
urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots, name="robots"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("api/v1/docs", core_views.api_docs_redirect, name="api-docs-redirect"),
    path("api/v1/", api.urls),
    # Single sign-on (django-allauth): addresses without a language, because each provider is told one
    # callback address. The pages answer in the language the person started in (see SsoLanguageMiddleware).
    # Only the sign-in flow is exposed, not allauth's own account pages.
    path("auth/", include("allauth.socialaccount.providers.openid_connect.urls")),
    path("auth/login/cancelled/", sso_views.login_cancelled, name="socialaccount_login_cancelled"),
    path("auth/login/error/", sso_views.login_error, name="socialaccount_login_error"),
    path("auth/signup/", sso_views.signup, name="socialaccount_signup"),
    path("auth/sign-in/", RedirectView.as_view(pattern_name="accounts:sign-in"), name="account_login"),
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
    path("", include("porth.insight.urls")),
    path("", include("porth.skills.urls")),
    path("", include("porth.capability.urls")),
    path("", include("porth.site.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "porth.core.views.bad_request"
handler403 = "porth.core.views.permission_denied"
handler404 = "porth.core.views.page_not_found"
handler500 = "porth.core.views.server_error"
