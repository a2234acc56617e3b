from django.core.management.base import BaseCommand

from porth.accounts.demo import DEMO_PEOPLE, LOCAL_ADMIN_EMAIL, local_admin_ensure, local_password


class Command(BaseCommand):
    help = "Create the local administrator if missing and print how to sign in (local runs only)."

    def handle(self, *args, **options):
        local_admin_ensure()
        password = local_password()
        self.stdout.write("")
        self.stdout.write("Sign in to Porth (local accounts; the password is kept in var/local-password):")
        self.stdout.write(f"  administrator   {LOCAL_ADMIN_EMAIL}  password {password}")
        for email, name, *_ in DEMO_PEOPLE:
            self.stdout.write(f"  demo account    {email}  ({name}), same password")
        self.stdout.write("")
