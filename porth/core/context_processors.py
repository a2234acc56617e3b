from django.conf import settings

from .language import active_language, path_in_language


def shell(request):
    """What every page's header and footer need: the same page in the other language."""
    language = active_language()
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    return {
        "language": language,
        "other_language": "cy" if language == "en" else "en",
        "other_language_url": path_in_language(request.path, "cy" if language == "en" else "en") + suffix,
        "support_email": settings.SUPPORT_EMAIL,
    }
