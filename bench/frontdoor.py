"""Benchmark: the front door with many stored requests (default 100,000), served by gunicorn.

Reports p50/p95 of the submit POST (the API's POST /api/v1/requests, which routes and stores a request and
queues its e-mails), the stateless route call, a team's queue page (plain and filtered) and a request page,
each against the floor view in the same run. REQUESTS and ROUNDS change the sizes.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BASE, FLOOR, PYTHON, SHELL, Probe, measure, porth_server, report

SUBMIT = {
    "organisation": "W06000015",
    "with": ["W11000029"],
    "health_or_social_care": True,
    "title": "Bench",
    "description": "A request sent by the benchmark.",
    "help_wanted": ["data"],
    "phase": "alpha",
    "timescale": "not_sure",
    "contact_name": "Bench",
    "contact_email": "bench@porth.localhost",
}


def main() -> None:
    count = int(os.environ.get("REQUESTS", "100000"))
    rounds = int(os.environ.get("ROUNDS", "200"))

    def prepare(env):
        result = subprocess.run(
            [PYTHON, "bench/seed_frontdoor.py", str(count)],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    with porth_server(prepare) as (host, port, seeded):
        cookie = {"Cookie": f"sessionid={seeded['session']}"}
        json_headers = {"Content-Type": "application/json"}
        probes = [
            FLOOR,
            Probe(SHELL, SHELL, headers=cookie),
            Probe(
                "submit: POST /api/v1/requests",
                "/api/v1/requests",
                "POST",
                json.dumps(SUBMIT).encode(),
                {**json_headers, "Authorization": f"Bearer {seeded['token']}"},
                expect=201,
            ),
            Probe(
                "route: POST /api/v1/route",
                "/api/v1/route",
                "POST",
                json.dumps(SUBMIT).encode(),
                json_headers,
            ),
            Probe("queue page", "/teams/cdps/queue/", headers=cookie),
            Probe("queue page, status=new", "/teams/cdps/queue/?status=new", headers=cookie),
            Probe(
                "queue page, oldest first, page 40", "/teams/cdps/queue/?order=oldest&page=40", headers=cookie
            ),
            Probe("request page", f"/requests/{seeded['reference']}/", headers=cookie),
        ]
        timings = measure(host, port, probes, rounds=rounds)
    print(f"\nSeeded {count:,} requests (and their decisions) in {seeded['seconds']} s.")
    report(
        f"Front door with {count:,} stored requests: {rounds} requests each, interleaved with the floor",
        timings,
    )


if __name__ == "__main__":
    main()
