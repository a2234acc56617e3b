"""Benchmark: the portfolio with many projects (default 100,000), served by gunicorn.

p50/p95 of the list (unfiltered, filtered, searched), a project page, the API list and a CSV export of a
filtered selection, each against the floor view (and the page shell) in the same run. PROJECTS and ROUNDS
change the sizes.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BASE, FLOOR, PYTHON, SHELL, Probe, measure, porth_server, report


def main() -> None:
    count = int(os.environ.get("PROJECTS", "100000"))
    rounds = int(os.environ.get("ROUNDS", "100"))

    def prepare(env):
        result = subprocess.run(
            [PYTHON, "bench/seed_portfolio.py", str(count)],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    with porth_server(prepare) as (host, port, seeded):
        cookie = {"Cookie": f"sessionid={seeded['session']}"}
        probes = [
            FLOOR,
            Probe(SHELL, SHELL, headers=cookie),
            Probe("list", "/projects/", headers=cookie),
            Probe("list, anonymous", "/projects/"),
            Probe(
                "list, filtered (phase, lead team)",
                "/projects/?phase=beta&lead_team=wlga-digital-team",
                headers=cookie,
            ),
            Probe("list, filtered (stale, page 10)", "/projects/?stale=on&page=10", headers=cookie),
            Probe("list, searched", "/projects/?q=booking", headers=cookie),
            Probe("list, searched in Welsh", "/projects/?q=ailgylchu", headers=cookie),
            Probe("project page", f"/projects/{seeded['project']}/", headers=cookie),
            Probe("API list", "/api/v1/projects?phase=live", headers=cookie),
            Probe(
                "CSV export, filtered",
                "/projects/export.csv?phase=alpha&lead_team=cdps&status=off_track",
                headers=cookie,
            ),
        ]
        timings = measure(host, port, probes, rounds=rounds, warmup=5)
    print(f"\nLoaded {count:,} projects in {seeded['seconds']} s (budget: 100,000 in under 120 s).")
    report(f"Portfolio with {count:,} projects: {rounds} requests each, interleaved with the floor", timings)


if __name__ == "__main__":
    main()
