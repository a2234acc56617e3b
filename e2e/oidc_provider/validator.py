from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    """The claims a real provider sends: the address (verified) and the name."""

    oidc_claim_scope = None  # every claim for every scope: this provider has one client, Porth

    def get_additional_claims(self, request):
        user = request.user
        return {"email": user.email, "email_verified": True, "name": user.get_full_name() or user.username}
