from django.utils import translation


class ApiLanguageMiddleware:
    """The JSON API has no language in its address, so it answers in the language the client asks for
    (Accept-Language: cy for Welsh), English otherwise. Pages keep the language of their address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
