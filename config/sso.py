"""Single sign-on providers from the environment.

PORTH_OIDC_PROVIDERS is a JSON list, one object per OpenID Connect provider (Microsoft Entra ID is what most
Welsh public bodies use):

    [{"id": "cardiff", "name": "Cardiff Council", "server_url": "https://login.microsoftonline.com/<tenant>/v2.0",
      "client_id": "...", "secret": "...", "domains": ["cardiff.gov.uk"]}]

`domains` are the e-mail domains the provider may vouch for: a person it signs in must have an address at one
of them, and joins the organisation that domain belongs to in Porth's reference data. A provider trusted for
no domain signs nobody in.
"""

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

REQUIRED = ("id", "name", "server_url", "client_id", "secret", "domains")


@dataclass(frozen=True)
class Providers:
    allauth_apps: list[dict]
    domains: dict[str, list[str]]  # provider id -> e-mail domains it may vouch for
    origins: list[str]  # where sign-in forms redirect to (for the Content-Security-Policy's form-action)


def providers_from_env(raw: str) -> Providers:
    try:
        items = json.loads(raw or "[]")
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"PORTH_OIDC_PROVIDERS is not valid JSON: {error}") from None
    if not isinstance(items, list):
        raise ImproperlyConfigured("PORTH_OIDC_PROVIDERS must be a JSON list of providers.")
    apps, domains, origins = [], {}, []
    for number, item in enumerate(items, start=1):
        missing = [key for key in REQUIRED if not item.get(key)]
        if missing:
            raise ImproperlyConfigured(f"PORTH_OIDC_PROVIDERS item {number} lacks {', '.join(missing)}.")
        url = urlsplit(item["server_url"])
        if url.scheme not in {"https", "http"} or not url.netloc:
            raise ImproperlyConfigured(
                f"PORTH_OIDC_PROVIDERS item {number}: server_url must be a web address."
            )
        apps.append(
            {
                "provider_id": item["id"],
                "name": item["name"],
                "client_id": item["client_id"],
                "secret": item["secret"],
                "settings": {"server_url": item["server_url"], "oauth_pkce_enabled": True},
            }
        )
        domains[item["id"]] = [d.strip().lower().lstrip("@") for d in item["domains"]]
        origins.append(f"{url.scheme}://{url.netloc}")
    return Providers(apps, domains, sorted(set(origins)))
