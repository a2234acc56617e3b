"""Benchmark: routing decisions per second on one core with the shipped rule set (budget: 50,000 a second).

Run with `.venv/bin/python bench/routing.py [--seconds 3]`. It routes about 1,000 varied requests, built the
same way every run, over and over, and reports the rate next to a baseline: a loop doing almost nothing with
the same facts in the same run, so the ratio compares across machines. No Django, no database: the engine is
pure.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from porth.routing.engine import (
    HELP_CODES,
    HELPER_ROLES,
    ORGANISATION_KINDS,
    SECTORS,
    WORK_KINDS,
    Facts,
    Helper,
    Organisation,
    compile_rule_set,
    route,
)

BUDGET = 50_000
RULES = Path(__file__).resolve().parent.parent / "porth" / "routing" / "data"
# The sector each kind of body usually sits in; "other_public_body" varies, as it does in the directory.
USUAL_SECTOR = {
    "local_authority": "local_government",
    "health_board": "health_and_care",
    "nhs_trust": "health_and_care",
    "special_health_authority": "health_and_care",
    "welsh_government": "central_government",
    "sponsored_body": "central_government",
    "council_partnership": "local_government",
    "fire_rescue": "local_government",
    "national_park": "local_government",
    "police": "other",
}


def build_facts(teams: tuple[str, ...], count: int = 1000) -> list[Facts]:
    rng = random.Random(42)

    def organisation(n: int) -> Organisation:
        kind = rng.choice(ORGANISATION_KINDS)
        sector = USUAL_SECTOR.get(kind) or rng.choice(SECTORS)
        team = rng.choice(teams) if rng.random() < 0.05 else ""
        return Organisation(code=f"{kind}-{n}-{rng.randrange(30)}", kind=kind, sector=sector, team=team)

    requests = []
    for _ in range(count):
        owners = tuple(organisation(n) for n in range(rng.choice((1, 1, 1, 2, 2, 3, 5))))
        helpers = tuple(
            Helper(organisation(9), rng.choice(HELPER_ROLES)) for _ in range(rng.choice((0, 0, 1, 2)))
        )
        # Now and then a team is retired, as CDPS is being absorbed into Welsh Government.
        retired = {rng.choice(teams)} if rng.random() < 0.1 else set()
        requests.append(
            Facts(
                asking=owners[0] if rng.random() < 0.8 else organisation(8),
                owners=owners,
                helpers=helpers,
                work_kind=rng.choice(("", *WORK_KINDS)),
                health_or_social_care=rng.random() < 0.3,
                welsh_government_service=rng.random() < 0.15,
                help_wanted=frozenset(rng.sample(HELP_CODES, rng.randrange(4))),
                available_teams=frozenset(teams) - retired,
            )
        )
    return requests


def rate(function, requests: list[Facts], seconds: float) -> float:
    """Calls per second of function(facts), over whole passes through the requests, for about `seconds`."""
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for facts in requests:
            function(facts)
        done += len(requests)
    return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to route for (default 3)")
    seconds = parser.parse_args().seconds

    slowest = None
    for name in ("rule_set_v1.json", "rule_set_v2.json"):
        rule_set = compile_rule_set(json.loads((RULES / name).read_text(encoding="utf-8")))
        requests = build_facts(rule_set.teams)
        leads = {}
        for facts in requests:
            lead = route(facts, rule_set).lead
            leads[lead] = leads.get(lead, 0) + 1
        baseline = rate(lambda facts: len(facts.owners), requests, min(seconds, 1.0))
        decisions = rate(lambda facts, rs=rule_set: route(facts, rs), requests, seconds)
        slowest = decisions if slowest is None else min(slowest, decisions)
        size = f"{len(requests)} requests, rule set {rule_set.version}, {len(rule_set.rules)} rules"
        print(f"Routing engine: {size}")
        print("  leads in the sample: " + ", ".join(f"{team} {n}" for team, n in sorted(leads.items())))
        print(f"  decisions per second:        {decisions:>12,.0f}  ({1e6 / decisions:.1f} µs each)")
        print(f"  baseline calls per second:   {baseline:>12,.0f}  (len(facts.owners))")
        print(f"  ratio, baseline / decision:  {baseline / decisions:>12.1f}")
    verdict = "meets" if slowest >= BUDGET else "MISSES"
    print(f"Budget {BUDGET:,} a second on one core, slowest rule set: {verdict}")
    if slowest < BUDGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
