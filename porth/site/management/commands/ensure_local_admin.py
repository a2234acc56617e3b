from django.core.management.base import BaseCommand

from porth.accounts.demo import LOCAL_ADMIN_EMAIL, demo_people, local_admin_ensure, local_password


class Command(BaseCommand):
    help = "Create the local administrator if missing and print how to sign in (local runs only)."

    def handle(self, *args, **options):
        local_admin_ensure()
        password = local_password()
        self.stdout.write("")
        self.stdout.write("Sign in to Porth (local accounts; the password is kept in var/local-password):")
        self.stdout.write(f"  administrator   {LOCAL_ADMIN_EMAIL}  password {password}")
        for person in demo_people():
            self.stdout.write(f"  demo account    {person.email}  ({person.full_name}), same password")
        self.stdout.write("")
