"""Routing quality on real projects: version 1 and version 2 of the shipped rules, side by side.

Reads bench/data/routing_projects.yaml (real projects labelled by the 2021 division of work, see
bench/data/LABELLING.md) and prints, for the tuning part and the held-out part:

- lead right on the unambiguous items;
- on the ambiguous items, the expected lead among the teams named (lead or supporters);
- supporter precision and recall, over every item (micro-averaged);
- the "could go either way" flag (a decision naming another possible lead): precision and recall against the
  items labelled ambiguous.

Version 1 is given the facts the way its journey asked for them: every organisation mentioned is "involved",
helpers included. Version 2 is given owners and helpers apart, and the kind of work. No Django, no database.

    .venv/bin/python bench/routing_quality.py                 # the figures
    .venv/bin/python bench/routing_quality.py --misses tuning # and the tuning items it gets wrong
"""

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from porth.routing.engine import Facts, Helper, Organisation, compile_rule_set, route  # noqa: E402

DATA = ROOT / "bench" / "data" / "routing_projects.yaml"
RULES = ROOT / "porth" / "routing" / "data"
TEAMS = ROOT / "porth" / "directory" / "data" / "teams.yaml"
ALL_TEAMS = frozenset({"cdps", "welsh-government-digital", "wlga-digital-team", "nhs-wales-digital"})


def hosted_teams() -> dict[str, str]:
    teams = yaml.safe_load(TEAMS.read_text(encoding="utf-8"))["teams"]
    return {t["host_organisation"]: t["slug"] for t in teams if t.get("host_organisation")}


ORGANISATION_KEYS = {"name", "code", "kind", "sector"}
HELPER_KEYS = ORGANISATION_KEYS | {"role"}
OWNER_KEYS = ORGANISATION_KEYS | {"group"}


def organisation(data: dict, hosts: dict[str, str], keys: set[str] = ORGANISATION_KEYS) -> Organisation:
    if unknown := set(data) - keys:
        raise ValueError(
            f"{data['name']!r}: unknown keys {sorted(unknown)} (a name with a colon needs quotes)"
        )
    code = data.get("code") or data["name"]
    return Organisation(code, data["kind"], data["sector"], hosts.get(data.get("code") or "", ""))


def owners(data: dict, hosts: dict[str, str]) -> tuple[Organisation, ...]:
    """A group of organisations (the 22 councils, a region's councils) is two of its members to the engine, as
    the journey would have them: someone asking for a group names its members, so they count as several."""
    one = organisation(data, hosts, OWNER_KEYS)
    if not data.get("group"):
        return (one,)
    return tuple(Organisation(f"{one.code} #{n}", one.kind, one.sector, one.team) for n in (1, 2))


def facts_v2(item: dict, hosts: dict[str, str]) -> Facts:
    return Facts(
        asking=organisation(item["asking"], hosts),
        owners=tuple(member for o in item["owners"] for member in owners(o, hosts)),
        helpers=tuple(Helper(organisation(h, hosts, HELPER_KEYS), h["role"]) for h in item["helpers"]),
        work_kind=item["work_kind"],
        health_or_social_care=item["health_or_social_care"],
        welsh_government_service=item["welsh_government_service"],
        help_wanted=frozenset(item["help_wanted"]),
        available_teams=ALL_TEAMS,
    )


def facts_v1(item: dict, hosts: dict[str, str]) -> Facts:
    """What version 1's journey knew: the asker, then every other organisation mentioned, helpers too."""
    v2 = facts_v2(item, hosts)
    involved = [v2.asking, *v2.owners, *(h.organisation for h in v2.helpers)]
    unique = tuple({o.code: o for o in involved}.values())
    return Facts(
        asking=v2.asking,
        owners=unique,
        helpers=(),
        work_kind="",
        health_or_social_care=v2.health_or_social_care,
        welsh_government_service=v2.welsh_government_service,
        help_wanted=v2.help_wanted,
        available_teams=ALL_TEAMS,
    )


@dataclass
class Score:
    clear: int = 0
    clear_right: int = 0
    ambiguous: int = 0
    ambiguous_named: int = 0
    support_true: int = 0
    support_predicted: int = 0
    support_expected: int = 0
    flag_true: int = 0
    flag_raised: int = 0
    flag_expected: int = 0

    def add(self, item: dict, decision) -> bool:
        """Count one item; return whether its lead counts as right."""
        expected = item["expected"]
        named = {decision.lead, *decision.support}
        if expected["ambiguous"]:
            self.ambiguous += 1
            right = expected["lead"] in named
            self.ambiguous_named += right
        else:
            self.clear += 1
            right = decision.lead == expected["lead"]
            self.clear_right += right
        predicted, wanted = set(decision.support), set(expected["support"])
        self.support_true += len(predicted & wanted)
        self.support_predicted += len(predicted)
        self.support_expected += len(wanted)
        flagged = bool(decision.overlap)
        self.flag_true += flagged and expected["ambiguous"]
        self.flag_raised += flagged
        self.flag_expected += expected["ambiguous"]
        return right

    def row(self) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.2f}" if b else "–"

        return [
            f"{ratio(self.clear_right, self.clear)} ({self.clear_right}/{self.clear})",
            f"{ratio(self.ambiguous_named, self.ambiguous)} ({self.ambiguous_named}/{self.ambiguous})",
            ratio(self.support_true, self.support_predicted),
            ratio(self.support_true, self.support_expected),
            ratio(self.flag_true, self.flag_raised),
            ratio(self.flag_true, self.flag_expected),
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=["tuning"], help="also list the items of this part that miss")
    args = parser.parse_args()
    items = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    hosts = hosted_teams()
    versions = {
        "v1": (compile_rule_set(json.loads((RULES / "rule_set_v1.json").read_text())), facts_v1),
        "v2": (compile_rule_set(json.loads((RULES / "rule_set_v2.json").read_text())), facts_v2),
    }
    header = ["part", "rules", "lead right (clear)", "lead named (ambiguous)", "support P", "support R"]
    header += ["flag P", "flag R"]
    rows, misses = [], []
    for part in ("tuning", "holdout"):
        chosen = [i for i in items if i["split"] == part]
        wales = sum(i["wales"] for i in chosen)
        for name, (rule_set, build) in versions.items():
            score = Score()
            for item in chosen:
                decision = route(build(item, hosts), rule_set)
                right = score.add(item, decision)
                flag_wrong = bool(decision.overlap) != item["expected"]["ambiguous"]
                if args.misses == part and name == "v2" and (not right or flag_wrong):
                    misses.append((item, decision))
            rows.append([f"{part} ({len(chosen)}, {wales} Wales)", name, *score.row()])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(
        "Goals on the held-out part (DESIGN.md §4): lead right ≥ 0.95, lead named 1.00, flag P and R ≥ 0.8."
    )
    for item, decision in misses:
        expected = item["expected"]
        flag = "ambiguous" if expected["ambiguous"] else "clear"
        print(f"\nMISS {item['id']} ({flag}, flagged: {bool(decision.overlap)}): expected {expected['lead']}")
        print(f"  got {decision.lead} {decision.support}; fired: {', '.join(decision.fired)}")


if __name__ == "__main__":
    main()
