"""Start the test OpenID Connect provider:

    python -m e2e.oidc_provider.serve PORT REDIRECT_URI CLIENT_ID SECRET

Makes a fresh database, a signing key, the client (Porth) and two people, then serves on 127.0.0.1:PORT until
it is stopped. Its issuer is http://127.0.0.1:PORT/o."""

import os
import sys
import tempfile

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

PEOPLE = [
    ("gwen", "gwen.price@cardiff.gov.uk", "Gwen", "Price"),
    ("stranger", "stranger@example.org", "Sam", "Stranger"),
]
PASSWORD = "provider test password"


def main(port: str, redirect_uri: str, client_id: str, secret: str) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    os.environ["OIDC_PROVIDER_KEY"] = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    os.environ["OIDC_PROVIDER_DB"] = os.path.join(tempfile.mkdtemp(prefix="oidc-provider-"), "db.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "e2e.oidc_provider.settings"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    for username, email, first, last in PEOPLE:
        User.objects.create_user(username, email, PASSWORD, first_name=first, last_name=last)
    Application.objects.create(
        name="Porth",
        client_id=client_id,
        client_secret=secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        skip_authorization=True,
        algorithm=Application.RS256_ALGORITHM,
    )
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True, skip_checks=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
