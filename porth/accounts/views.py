from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from porth.core import limits
from porth.core.language import active_language
from porth.core.redirects import local_target
from porth.directory.models import Organisation

from . import services
from .forms import (
    ApiTokenForm,
    JoinRequestForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignInForm,
    SignUpCompleteForm,
    SignUpForm,
)
from .models import JoinRequest, OrganisationMembership
from .permissions import organisation_access
from .services import api_token_create as token_create
from .services import api_token_revoke as token_revoke
from .services import user_update_profile


def _sso_providers():
    """The single sign-on providers, for buttons on the sign-in and sign-up pages."""
    return [{"id": app["provider_id"], "name": app["name"]} for app in settings.SSO.allauth_apps]


@method_decorator(limits.limited(limits.SIGN_IN), name="dispatch")
class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, sso_providers=_sso_providers())


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out."))
        return response


@method_decorator(limits.limited(limits.PASSWORD_RESET), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")
    # The link starts with SITE_URL, like every link Porth sends, whatever host the request came to.
    extra_email_context = {"site_url": settings.SITE_URL}


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        initial={"full_name": user.full_name, "preferred_language": user.preferred_language},
    )
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=user, **form.cleaned_data)
        messages.success(request, _("Your account details have been saved."))
        return redirect("accounts:profile")
    context = {
        "form": form,
        "organisation_memberships": user.organisation_memberships.select_related("organisation"),
        "team_memberships": user.team_memberships.select_related("team"),
        "api_tokens": user.api_tokens.all(),
        "token_form": ApiTokenForm(),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def api_token_create(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["name"][0])
        return redirect("accounts:profile")
    token, key = token_create(user=request.user, name=form.cleaned_data["name"])
    # The key is shown on this one response and never again: it is not stored.
    return render(request, "accounts/api_token_created.html", {"token": token, "key": key})


@login_required
@require_POST
def api_token_revoke(request, token_id):
    if token_revoke(user=request.user, token_id=token_id):
        messages.success(request, _("The token has been revoked. It no longer works."))
    return redirect("accounts:profile")


# Registering -------------------------------------------------------------------------------------------


@limits.limited(limits.SIGN_UP)
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    next_path = local_target(request, request.GET.get("next"), "")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        services.sign_up_start(email=email, language=active_language(), next_path=next_path)
        request.session["sign_up_email"] = email
        return redirect("accounts:sign-up-sent")
    context = {"form": form, "next": next_path, "sso_providers": _sso_providers()}
    return render(request, "accounts/sign_up.html", context)


def sign_up_sent(request):
    return render(request, "accounts/sign_up_sent.html", {"email": request.session.get("sign_up_email", "")})


def sign_up_complete(request, token):
    try:
        sign_up = services.sign_up_read(token)
    except services.SignUpLinkExpired:
        return render(request, "accounts/sign_up_link.html", {"problem": "expired"}, status=410)
    except services.SignUpLinkInvalid:
        return render(request, "accounts/sign_up_link.html", {"problem": "invalid"}, status=404)
    if services.User.objects.filter(email__iexact=sign_up.email).exists():
        return render(request, "accounts/sign_up_link.html", {"problem": "used"}, status=410)
    organisations = list(services.organisations_for_email(sign_up.email))
    form = SignUpCompleteForm(
        request.POST if request.method == "POST" else None, email=sign_up.email, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.sign_up_complete(
                sign_up=sign_up,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                organisation=form.cleaned_data.get("organisation"),
            )
        except services.AccountExists:
            return render(request, "accounts/sign_up_link.html", {"problem": "used"}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        membership = user.organisation_memberships.select_related("organisation").first()
        if membership:
            messages.success(
                request,
                _("Your account is ready. You are a member of %(organisation)s.")
                % {"organisation": membership.organisation.name},
            )
        else:
            messages.success(
                request,
                _(
                    "Your account is ready. It is a public account: you can follow projects and read "
                    "everything public. If you work for a Welsh public body, ask it to add you."
                ),
            )
        return redirect(sign_up.next or ("accounts:profile" if membership else "accounts:join"))
    context = {"form": form, "email": sign_up.email, "organisations": organisations}
    return render(request, "accounts/sign_up_complete.html", context)


# Joining an organisation -------------------------------------------------------------------------------


@login_required
@limits.limited(limits.JOIN_REQUEST)
def join(request):
    form = JoinRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.join_request_create(
                user=request.user, organisation=organisation, message=form.cleaned_data["message"]
            )
        except services.AlreadyMember:
            form.add_error("organisation", _("You are already a member of this organisation."))
        except services.AlreadyAsked:
            form.add_error(
                "organisation", _("You have already asked this organisation. Wait for its answer.")
            )
        else:
            messages.success(
                request,
                _(
                    "Your request has gone to the administrators of %(organisation)s. We will email you "
                    "their answer."
                )
                % {"organisation": organisation.name},
            )
            return redirect("accounts:profile")
    pending = request.user.join_requests.filter(state=JoinRequest.State.PENDING).select_related(
        "organisation"
    )
    return render(request, "accounts/join.html", {"form": form, "pending": pending})


@login_required
@require_POST
def join_withdraw(request, pk):
    ask = get_object_or_404(JoinRequest, pk=pk, user=request.user)
    services.join_request_withdraw(ask=ask)
    messages.success(request, _("You have withdrawn your request."))
    return redirect("accounts:profile")


def _organisation_for_manager(request, code) -> Organisation:
    organisation = get_object_or_404(Organisation, code=code)
    if not organisation_access(request.user, organisation).manage_members:
        raise PermissionDenied
    return organisation


@login_required
def organisation_people(request, code):
    organisation = _organisation_for_manager(request, code)
    members = (
        OrganisationMembership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("-created_at")
    )
    asks = organisation.join_requests.filter(state=JoinRequest.State.PENDING).select_related("user")
    context = {"organisation": organisation, "members": members, "asks": asks}
    return render(request, "accounts/organisation_people.html", context)


@login_required
@require_POST
def join_decide(request, code, pk):
    organisation = _organisation_for_manager(request, code)
    ask = get_object_or_404(JoinRequest, pk=pk, organisation=organisation)
    accept = request.POST.get("decision") == "accept"
    try:
        services.join_request_decide(ask=ask, by=request.user, accept=accept)
    except services.AlreadyDecided:
        messages.error(request, _("This request has already been answered."))
    else:
        person = ask.user.full_name or ask.user.email
        messages.success(
            request,
            (_("%(person)s is now a member.") if accept else _("You have declined %(person)s's request."))
            % {"person": person},
        )
    return redirect("accounts:organisation-people", code=organisation.code)


@login_required
def member_remove(request, code, pk):
    """A confirmation page, then the removal (a POST)."""
    organisation = _organisation_for_manager(request, code)
    membership = get_object_or_404(
        OrganisationMembership.objects.select_related("user"), pk=pk, organisation=organisation
    )
    people_url = reverse("accounts:organisation-people", args=[organisation.code])
    if request.method == "POST":
        try:
            services.organisation_remove_member(membership=membership)
        except services.LastAdministrator:
            messages.error(
                request,
                _(
                    "%(person)s is the organisation's only administrator. Make someone else an "
                    "administrator first."
                )
                % {"person": membership.user},
            )
        else:
            messages.success(request, _("%(person)s is no longer a member.") % {"person": membership.user})
        return redirect(people_url)
    return render(
        request,
        "accounts/member_remove.html",
        {"organisation": organisation, "membership": membership, "back_url": people_url},
    )
