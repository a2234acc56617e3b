"""Shared benchmark harness: a real Porth server (gunicorn, production settings) on a throwaway database.

Benchmarks report latency as ratios against the *floor* (GET /robots.txt, a view with no database or template
work) measured by the same server in the same run, so the figures compare across machines. Requests to the
pages under test and to the floor are interleaved, so background noise falls on both alike.
"""

import contextlib
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FLOOR = "/robots.txt"
# A second, fairer yardstick: a static content page in the full page shell (header, footer, both languages).
# Every page pays for the shell; the ratio to it shows what the page itself costs.
SHELL = "/cookies/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE, env=env, check=True, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def porth_server(prepare=None):
    """Yield (host, port, prepared) of a gunicorn-served Porth with migrated, reference-loaded data in a temp
    folder; `prepare(env)` runs first, against the same database, and what it returns is `prepared`."""
    with tempfile.TemporaryDirectory(prefix="porth-bench-") as var_dir:
        env = {
            **os.environ,
            "PORTH_VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            # A benchmark is one client asking as fast as it can: the rate limits are for people, not it.
            "PORTH_API_RATE": "1000000/m",
            "PORTH_REQUESTS_PER_DAY_PER_ACCOUNT": "1000000",
            "RATELIMIT_ENABLE": "false",
        }
        # SQLite in the temp folder by default; BENCH_DATABASE_URL measures on another database.
        env.pop("DATABASE_URL", None)
        if os.environ.get("BENCH_DATABASE_URL"):
            env["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "createcachetable")
        manage(env, "load_reference")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        prepared = prepare(env) if prepare else None
        port = free_port()
        server = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--log-level",
                "warning",
            ],
            cwd=BASE,
            env=env,
        )
        try:
            _wait_until_up(port)
            yield "127.0.0.1", port, prepared
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait_until_up(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/robots.txt")  # up; /healthz also wants the worker
            if connection.getresponse().status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("the benchmark server did not start")


@dataclass(frozen=True)
class Probe:
    """One request to time. `label` names it in the report; GET unless a body is given."""

    label: str
    path: str
    method: str = "GET"
    body: bytes | None = None
    headers: dict = field(default_factory=dict)
    expect: int = 200


def measure(host: str, port: int, probes: list, rounds: int, warmup: int = 20) -> dict[str, list[float]]:
    """Latency in ms of each probe (a path for a plain GET, or a Probe), requested in turn, floor included,
    over one keep-alive connection."""
    probes = [p if isinstance(p, Probe) else Probe(p, p) for p in probes]
    # Generous: the first project page in each worker builds the similar-project index.
    connection = http.client.HTTPConnection(host, port, timeout=180)
    timings: dict[str, list[float]] = {probe.label: [] for probe in probes}
    for round_number in range(warmup + rounds):
        for probe in probes:
            started = time.perf_counter()
            connection.request(probe.method, probe.path, body=probe.body, headers=probe.headers)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != probe.expect:
                raise RuntimeError(f"{probe.method} {probe.path} answered {response.status}")
            if round_number >= warmup:
                timings[probe.label].append(elapsed)
    return timings


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(title: str, timings: dict[str, list[float]], labels: dict[str, str] | None = None) -> None:
    labels = labels or {}
    floor_p50, floor_p95 = statistics.median(timings[FLOOR]), percentile(timings[FLOOR], 0.95)
    shell_p95 = percentile(timings[SHELL], 0.95) if SHELL in timings else None
    print(f"\n{title}")
    columns = f"{'p50 ms':>9}{'p95 ms':>9}{'p50/floor':>11}{'p95/floor':>11}{'p95/shell':>11}"
    print(f"{'page':<38}{columns}  p95 < 100 ms | p95 <= 2x floor")
    for path, values in timings.items():
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        budget = f"{'met' if p95 < 100 else 'NOT met':>12} | {'met' if p95 <= 2 * floor_p95 else 'not met'}"
        shell = f"{p95 / shell_p95:>11.2f}" if shell_p95 else f"{'-':>11}"
        ratios = f"{p50 / floor_p50:>11.2f}{p95 / floor_p95:>11.2f}{shell}"
        print(f"{labels.get(path, path):<38}{p50:>9.2f}{p95:>9.2f}{ratios}  {budget}")
