"""Benchmark: training with many courses, sessions and bookings (default 1,000, 10,000 and 100,000),
served by gunicorn.

p50/p95 of the catalogue (plain, filtered, searched, a late page), a course page, a session page (anonymous,
and for the team that runs it, with its people listed), the booking page, a booking itself, a learner's
"your training", and the API's lists, each against the floor view (and the page shell) in the same run.
COURSES, SESSIONS, BOOKINGS and ROUNDS change the sizes.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BASE, FLOOR, PYTHON, SHELL, Probe, measure, porth_server, report


def main() -> None:
    courses = int(os.environ.get("COURSES", "1000"))
    sessions = int(os.environ.get("SESSIONS", "10000"))
    bookings = int(os.environ.get("BOOKINGS", "100000"))
    rounds = int(os.environ.get("ROUNDS", "100"))

    def prepare(env):
        result = subprocess.run(
            [PYTHON, "bench/seed_skills.py", str(courses), str(sessions), str(bookings)],
            cwd=BASE,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    with porth_server(prepare) as (host, port, seeded):
        learner = {"Cookie": f"sessionid={seeded['learner']}"}
        manager = {"Cookie": f"sessionid={seeded['manager']}"}
        probes = [
            FLOOR,
            Probe(SHELL, SHELL, headers=learner),
            Probe("catalogue", "/training/", headers=learner),
            Probe("catalogue, anonymous, in Welsh", "/cy/training/"),
            Probe(
                "catalogue, filtered (audience, Welsh)",
                "/training/?audience=staff&language=cy",
                headers=learner,
            ),
            Probe("catalogue, searched", "/training/?q=data", headers=learner),
            Probe("catalogue, page 40", "/training/?page=40", headers=learner),
            Probe("course page", f"/training/courses/{seeded['course']}/", headers=learner),
            Probe("session page, anonymous", f"/training/sessions/{seeded['session']}/"),
            Probe("session page, its team", f"/training/sessions/{seeded['session']}/", headers=manager),
            Probe("booking form", f"/training/sessions/{seeded['session']}/book/", headers=manager),
            Probe("a booking", f"/training/bookings/{seeded['booking']}/", headers=learner),
            Probe("your training", "/training/bookings/", headers=learner),
            Probe("API courses", "/api/v1/training/courses?audience=staff"),
            Probe("API sessions with places", "/api/v1/training/sessions?with_places=true"),
        ]
        timings = measure(host, port, probes, rounds=rounds, warmup=5)
    counts = seeded["counts"]
    print(
        f"\nLoaded {counts['courses']:,} courses, {counts['sessions']:,} sessions and {counts['bookings']:,} "
        f"bookings in {seeded['seconds']} s; the learner has {seeded['bookings_of_learner']} bookings."
    )
    report(f"Training: {rounds} requests each, interleaved with the floor", timings)


if __name__ == "__main__":
    main()
