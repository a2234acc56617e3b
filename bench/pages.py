"""Benchmark: p50/p95 latency of the directory pages against the floor view, served by gunicorn.

Run with `make bench`. ROUNDS sets how many times each page is requested (default 300).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import FLOOR, SHELL, measure, porth_server, report

PAGES = {
    FLOOR: "floor (GET /robots.txt)",
    SHELL: "shell (GET /cookies/)",
    "/": "home",
    "/cy/": "home in Welsh",
    "/teams/wlga-digital-team/": "team page",
    "/organisations/": "organisation list",
    "/organisations/?q=Abertawe": "organisation list, searched",
    "/organisations/W06000015/": "organisation page",
}


def main() -> None:
    rounds = int(os.environ.get("ROUNDS", "300"))
    with porth_server() as (host, port, _):
        timings = measure(host, port, list(PAGES), rounds=rounds)
    report(f"Directory pages: {rounds} requests each, interleaved with the floor", timings, PAGES)


if __name__ == "__main__":
    main()
