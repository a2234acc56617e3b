import json

from django.core.management.base import BaseCommand, CommandError

from porth.directory.models import Organisation
from porth.frontdoor.models import Help
from porth.routing import services


class Command(BaseCommand):
    help = "Route a piece of work with the rules in force and print the decision as JSON. Nothing is saved."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="code of the asking organisation, e.g. W06000015")
        parser.add_argument("--with", dest="others", action="append", default=[], help="another organisation")
        parser.add_argument("--health", action="store_true", help="the work is about health or social care")
        parser.add_argument("--welsh-government", action="store_true", help="a Welsh Government service")
        parser.add_argument("--help-wanted", action="append", default=[], choices=Help.values)
        parser.add_argument("--title", default="", help="a title, shown in the output")

    def handle(self, *args, org, others, health, welsh_government, help_wanted, title, **options):
        organisation, *involved = (self._organisation(code) for code in [org, *others])
        facts = services.facts_build(
            organisation=organisation,
            others=involved,
            health_or_social_care=health,
            welsh_government_service=welsh_government,
            help_wanted=help_wanted,
        )
        try:
            decision, rule_set = services.route(facts)
        except services.NoRuleSetInForce as error:
            raise CommandError(
                "No rule set is in force. Run `manage.py migrate` and `make run` first."
            ) from error
        output = {
            "title": title,
            "rule_set_version": rule_set.version,
            "facts": facts.to_dict(),
            **decision.to_dict(),
        }
        self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))

    @staticmethod
    def _organisation(code: str) -> Organisation:
        found = Organisation.objects.filter(code__in={code, code.upper(), code.lower()}).first()
        if found is None:
            raise CommandError(f"There is no organisation with the code {code!r}.")
        return found
