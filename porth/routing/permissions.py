"""Who may manage routing rule sets, decided in one place."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def rule_sets_manage_allowed(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("routing.change_ruleset")


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not rule_sets_manage_allowed(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
