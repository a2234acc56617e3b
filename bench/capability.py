"""Benchmark: the specialist pool at a realistic scale (default 500 specialists and 5,000 bookings), served by
gunicorn.

p50/p95 of the pool's pages (the pools, who is in them, a specialist's availability, a pool's queue), the
matches for a request (every specialist in the pool ranked on role, skills, Welsh and free capacity over
twelve weeks), utilisation by specialist, by home organisation and by organisation served, its CSV, and the
engagements page and API, each against the floor view (and the page shell) in the same run. SPECIALISTS,
BOOKINGS and ROUNDS change the sizes.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BASE, FLOOR, PYTHON, SHELL, Probe, measure, porth_server, report


def main() -> None:
    specialists = int(os.environ.get("SPECIALISTS", "500"))
    bookings = int(os.environ.get("BOOKINGS", "5000"))
    rounds = int(os.environ.get("ROUNDS", "100"))

    def prepare(env):
        result = subprocess.run(
            [PYTHON, "bench/seed_capability.py", str(specialists), str(bookings)],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    with porth_server(prepare) as (host, port, seeded):
        cookie = {"Cookie": f"sessionid={seeded['session']}"}
        pool = "/specialists/pools/capability-model"
        probes = [
            FLOOR,
            Probe(SHELL, SHELL, headers=cookie),
            Probe("the pools", "/specialists/", headers=cookie),
            Probe("who is in the pools", "/specialists/people/", headers=cookie),
            Probe(
                "who, filtered (pool, Welsh)",
                "/specialists/people/?pool=capability-model&welsh=on",
                headers=cookie,
            ),
            Probe(
                "a specialist's availability", f"/specialists/people/{seeded['specialist']}/", headers=cookie
            ),
            Probe("the pool's queue", f"{pool}/", headers=cookie),
            Probe(
                "matches for a request", f"/specialists/requests/{seeded['request']}/matches/", headers=cookie
            ),
            Probe("utilisation, by specialist", f"{pool}/utilisation/", headers=cookie),
            Probe(
                "utilisation, home org, 26 weeks, monthly",
                f"{pool}/utilisation/?by=home_organisation&weeks=26&every=month",
                headers=cookie,
            ),
            Probe("utilisation, organisation served", f"{pool}/utilisation/?by=served", headers=cookie),
            Probe("utilisation CSV, by specialist", f"{pool}/utilisation.csv", headers=cookie),
            Probe("engagements", "/squads/", headers=cookie),
            Probe("an engagement", f"/squads/{seeded['engagement']}/", headers=cookie),
            Probe("API: specialists", "/api/v1/specialists"),
        ]
        timings = measure(host, port, probes, rounds=rounds, warmup=5)
    print(
        f"\nSeeded {seeded['specialists']:,} specialists and {seeded['bookings']:,} bookings in "
        f"{seeded['seconds']} s."
    )
    report(
        f"Specialist pool with {seeded['specialists']:,} specialists and {seeded['bookings']:,} bookings: "
        f"{rounds} requests each, interleaved with the floor",
        timings,
    )


if __name__ == "__main__":
    main()
