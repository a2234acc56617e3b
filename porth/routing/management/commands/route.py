import json

from django.core.management.base import BaseCommand, CommandError

from porth.core import vocabulary
from porth.directory.models import Organisation
from porth.routing import services
from porth.routing.explain import reason_text


class Command(BaseCommand):
    help = (
        "Route a piece of work with the rules in force and print the decision as JSON, including the teams "
        "that could also lead and why. Nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="code of the asking organisation, e.g. W06000015")
        parser.add_argument(
            "--owner", action="append", default=[], help="another organisation whose work it is too"
        )
        parser.add_argument(
            "--with", dest="others", action="append", default=[], help="the same as --owner (version 1)"
        )
        parser.add_argument(
            "--helper",
            action="append",
            default=[],
            metavar="CODE:ROLE",
            help=f"an organisation that only helps, and how ({', '.join(vocabulary.HELPER_ROLES)})",
        )
        parser.add_argument(
            "--for-others",
            action="store_true",
            help="the asking organisation asks for the owners; not its work",
        )
        parser.add_argument("--work-kind", choices=vocabulary.WORK_KINDS, default="")
        parser.add_argument("--health", action="store_true", help="the work is about health or social care")
        parser.add_argument("--welsh-government", action="store_true", help="a Welsh Government service")
        parser.add_argument("--help-wanted", action="append", default=[], choices=vocabulary.HELP_CODES)
        parser.add_argument("--title", default="", help="a title, shown in the output")

    def handle(self, *args, org, owner, others, helper, for_others, work_kind, **options):
        asking = self._organisation(org)
        owners = [self._organisation(code) for code in [*owner, *others]]
        work = services.WorkFacts(
            asking=asking,
            owners=owners if for_others else [asking, *owners],
            helpers=[self._helper(text) for text in helper],
            work_kind=work_kind,
            health_or_social_care=options["health"],
            welsh_government_service=options["welsh_government"],
            help_wanted=options["help_wanted"],
        )
        if not work.owners:
            raise CommandError("With --for-others, name the organisations whose work it is with --owner.")
        facts = services.facts_build(work)
        try:
            decision, rule_set = services.route(facts)
        except services.NoRuleSetInForce as error:
            raise CommandError(
                "No rule set is in force. Run `manage.py migrate` and `make run` first."
            ) from error
        except services.NoTeamAvailable as error:
            raise CommandError("None of the rule set's teams can take new work.") from error
        result = decision.to_dict()
        output = {
            "title": options["title"],
            "rule_set_version": rule_set.version,
            "facts": facts.to_dict(),
            **result,
            "could_also_lead": [
                {"team": r["team"], "because_en": reason_text(r, "en"), "because_cy": reason_text(r, "cy")}
                for r in result["overlap"]
            ],
        }
        self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))

    @staticmethod
    def _organisation(code: str) -> Organisation:
        found = Organisation.objects.filter(code__in={code, code.upper(), code.lower()}).first()
        if found is None:
            raise CommandError(f"There is no organisation with the code {code!r}.")
        return found

    def _helper(self, text: str) -> tuple[Organisation, str]:
        code, _, role = text.rpartition(":")
        if role not in vocabulary.HELPER_ROLES or not code:
            raise CommandError(
                f"Give a helper as CODE:ROLE, with a role from {', '.join(vocabulary.HELPER_ROLES)}."
            )
        return self._organisation(code), role
