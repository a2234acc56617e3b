"""Benchmark: every dashboard and the public page with 100,000 projects and 100,000 front-door requests
stored,
served by gunicorn, each against the floor view (and the page shell) in the same run.

The figures are worked out once and kept in the shared cache until a write changes them
(porth/insight/cache.py),
so the warm-up rounds work them out and the measured rounds read them; the first request's time is reported
too.
PROJECTS, REQUESTS and ROUNDS change the sizes.
"""

import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BASE, FLOOR, PYTHON, SHELL, Probe, measure, porth_server, report


def first_request_ms(host, port, probe: Probe) -> float:
    connection = http.client.HTTPConnection(host, port, timeout=300)
    started = time.perf_counter()
    connection.request("GET", probe.path, headers=probe.headers)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{probe.path} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def main() -> None:
    projects = int(os.environ.get("PROJECTS", "100000"))
    requests = int(os.environ.get("REQUESTS", "100000"))
    rounds = int(os.environ.get("ROUNDS", "100"))

    def prepare(env):
        result = subprocess.run(
            [PYTHON, "bench/seed_insight.py", str(projects), str(requests)],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    with porth_server(prepare) as (host, port, seeded):
        team = {"Cookie": f"sessionid={seeded['team_session']}"}
        council = {"Cookie": f"sessionid={seeded['council_session']}"}
        pages = [
            Probe("team dashboard (team member)", "/dashboards/teams/wlga-digital-team/", headers=team),
            Probe("team dashboard (anonymous)", "/dashboards/teams/nhs-wales-digital/"),
            Probe("across all four teams", "/dashboards/wales/", headers=council),
            Probe("public page", "/digital-public-services/"),
            Probe("public page in Welsh", "/cy/digital-public-services/"),
            Probe("programme item", f"/dashboards/programme-items/{seeded['item']}/", headers=council),
            Probe("organisation (its member)", "/dashboards/organisations/W06000015/", headers=council),
            Probe("well-being goal", "/dashboards/goals/3/"),
            Probe(
                "team dashboard, dates chosen",
                "/dashboards/teams/cdps/?start_0=1&start_1=1&start_2=2025&end_0=31&end_1=12&end_2=2025",
                headers=team,
            ),
            Probe("2021 and now", "/structure/"),
            Probe("open data page", "/open-data/"),
            Probe("search", "/search/?q=booking", headers=council),
        ]
        first = {probe.label: first_request_ms(host, port, probe) for probe in pages}
        timings = measure(host, port, [FLOOR, Probe(SHELL, SHELL), *pages], rounds=rounds, warmup=5)
    print(f"\nLoaded {projects:,} projects and {requests:,} requests in {seeded['seconds']} s.")
    print(
        "First request (figures worked out, then kept until a write): "
        + ", ".join(f"{k} {v:,.0f} ms" for k, v in first.items())
    )
    report(
        f"Insight with {projects:,} projects and {requests:,} requests: "
        f"{rounds} requests each, interleaved with the floor",
        timings,
    )


if __name__ == "__main__":
    main()
