from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .language import path_in_language


def robots(request):
    """robots.txt. It does no database or template work, so benchmarks also use it as the floor view."""
    return HttpResponse("User-agent: *\nDisallow: /admin/\n", content_type="text/plain")


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for without reading the page: the icon itself lives
    with the other static files (fingerprinted, cached for a long time), so this only points there."""
    return redirect(static("favicon.ico"))


def accessibility(request):
    return render(request, "core/accessibility.html")


def cookies(request):
    return render(request, "core/cookies.html")


def privacy(request):
    return render(request, "core/privacy.html")


def api_docs(request):
    return render(request, "core/api_docs.html")


def api_docs_redirect(request):
    """/api/v1/docs has no language in its address: send people to the guide in the language they ask for."""
    language = translation.get_language_from_request(request, check_path=False)
    return redirect(path_in_language(reverse("core:api-docs"), language))


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)


def rate_limited(request, exception=None):
    """429 for a request over one of the limits in porth.core.limits: a page, or JSON for the API."""
    message = _(
        "You have tried this too many times in a short while. Wait a few minutes, then try again. If you "
        "need help now, contact the Porth team."
    )
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "errors/refused.html", {"message": message, "status": 429}, status=429)
    response["Retry-After"] = "60"
    return response


def csrf_failure(request, reason=""):
    return render(request, "errors/403_csrf.html", status=403)
