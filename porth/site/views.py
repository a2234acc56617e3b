from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .health import health


@never_cache
def healthz(request):
    """200 with a JSON body when the database, the background worker and the e-mail queue are well; 503
    with what is wrong otherwise (for load balancers and operators)."""
    status, body = health()
    return JsonResponse(body, status=status)
