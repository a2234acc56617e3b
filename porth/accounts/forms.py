from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from porth.core.forms import CountedCharField, NamedChoiceField
from porth.directory.models import Organisation

from .models import User

EMAIL_MESSAGES = {
    "required": _("Enter your email address"),
    "invalid": _("Enter an email address in the correct format, like name@example.com"),
}


class SignInForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages=EMAIL_MESSAGES,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("The email address or password is not right. Check them and try again."),
        "inactive": _("This account has been switched off. Ask an administrator to switch it back on."),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages=EMAIL_MESSAGES,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        # The email is in the language of the page the person asked from, and links to the page in that
        # language; Porth remembers it as the language they want e-mails in.
        user, language = context["user"], translation.get_language()
        if language in {"en", "cy"} and user.preferred_language != language:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        with translation.override(user.preferred_language):
            super().send_mail(
                subject_template_name, email_template_name, context, from_email, to_email, **kwargs
            )


class SetPasswordForm(auth_forms.SetPasswordForm):
    error_messages = {
        "password_mismatch": _("The two passwords do not match. Enter the same password twice.")
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].label = _("Enter the new password again")
        self.fields["new_password2"].error_messages["required"] = _("Enter the new password again")
        self.fields["new_password2"].help_text = ""


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the new token"),
        help_text=_("Say what will use it, for example 'Council case system'."),
        max_length=100,
        error_messages={"required": _("Enter a name for the token")},
    )


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Language for emails from Porth"),
        choices=[("en", "English"), ("cy", "Cymraeg")],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language for emails from Porth")},
    )


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("Your work email address"),
        help_text=_(
            "If you work for a Welsh public body, use your work address: it makes you a member of your "
            "organisation in Porth. Any other address gives you a public account."
        ),
        max_length=254,
        error_messages=EMAIL_MESSAGES,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class SignUpCompleteForm(forms.Form):
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        error_messages={
            "required": _("Enter your full name"),
            "max_length": _("Your name must be 200 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    organisation = NamedChoiceField(
        queryset=None,
        to_field_name="code",
        label=_("Which organisation do you work for?"),
        help_text=_("Several organisations use addresses like yours. Choose the one you work for."),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the organisation you work for"),
            "invalid_choice": _("Choose one of the organisations listed"),
        },
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        help_text=_("At least 12 characters. A few unrelated words together make a strong password."),
        error_messages={"required": _("Choose a password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Enter the password again"),
        strip=False,
        error_messages={"required": _("Enter the password again")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        if len(organisations) > 1:
            codes = [o.code for o in organisations]
            self.fields["organisation"].queryset = Organisation.objects.filter(code__in=codes)
        else:
            del self.fields["organisation"]

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords do not match. Enter the same password twice."))
        elif first:
            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class JoinRequestForm(forms.Form):
    organisation = NamedChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="code",
        label=_("Which organisation do you work for?"),
        help_text=_("Start typing the name in English or Welsh, then choose it from the list."),
        empty_label=_("Choose an organisation"),
        widget=forms.Select(attrs={"data-autocomplete": "organisation"}),
        error_messages={
            "required": _("Choose the organisation you work for"),
            "invalid_choice": _("Choose an organisation from the list"),
        },
    )
    message = CountedCharField(
        label=_("Message to its administrators (optional)"),
        help_text=_("Say what you do there, so that they can recognise you. 1,000 characters at most."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("The message must be 1,000 characters or fewer")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.active_on(timezone.localdate())
