from django.utils.http import url_has_allowed_host_and_scheme


def local_target(request, candidate: str | None, fallback: str) -> str:
    """`candidate` if it is an address on this site (a `next` a form sent back), otherwise `fallback`.
    "//evil.example/" and "https://evil.example/" are not on this site; "/projects/" is."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback
