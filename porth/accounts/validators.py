"""Django's password rules with Porth's own messages, which exist in English and Welsh.

Django's Welsh catalogue does not translate the password rules, so Porth words them itself.
"""

from django.contrib.auth import password_validation as django_rules
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Your password must be at least %(min_length)d character long.",
            "Your password must be at least %(min_length)d characters long.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return self.get_error_message()


class CommonPasswordValidator(django_rules.CommonPasswordValidator):
    def get_error_message(self):
        return _("This password is one that many people use. Choose a less common one.")

    def get_help_text(self):
        return _("Do not use a password that many people use.")


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    def get_error_message(self):
        return _("Your password cannot be only numbers.")

    def get_help_text(self):
        return _("Use letters as well as numbers.")


class UserAttributeSimilarityValidator(django_rules.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("Your password is too like your name or email address."), code="password_too_similar"
            ) from error

    def get_help_text(self):
        return _("Do not use a password that is like your name or email address.")
