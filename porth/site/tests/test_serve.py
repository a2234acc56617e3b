"""The real web server in front of Porth (gunicorn with config/gunicorn.py, as `make run` serves it)."""

import http.client
import os
import socket
import subprocess
import sys
import time

from django.conf import settings


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_address_too_long_for_anyone_is_refused_by_porth_in_the_readers_language(tmp_path):
    port = _port()
    env = {**os.environ, "PORTH_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=settings.BASE_DIR, env=env, check=True
    )
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "config.wsgi", "--config", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/cy/projects/?q=" + "a" * 20_000)
                response = connection.getresponse()
                break
            except OSError:
                time.sleep(0.2)
        body = response.read().decode()
        assert response.status == 414
        assert "rhy hir" in body and 'lang="cy"' in body
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_serving_process_freezes_what_outlives_its_first_requests():
    """The wrapper config.wsgi puts round Porth calls gc.freeze after the 1st, 10th and 100th request, and
    passes every request and answer through unchanged."""
    import gc

    from porth.core.serving import FreezeWhatLasts

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    served = FreezeWhatLasts(app)
    gc.unfreeze()
    counts, alive = [], []
    try:
        for n in range(1, 102):
            alive.append([])  # a tracked object that outlives the request, as a process's caches do
            body = served({"PATH_INFO": f"/{n}"}, lambda status, headers: None)
            assert body == [f"/{n}".encode()]
            counts.append(gc.get_freeze_count())
    finally:
        gc.unfreeze()
    # The count rises only at a freeze (and falls a little when a frozen object is freed by reference count).
    rises = [n + 1 for n in range(1, len(counts)) if counts[n] > counts[n - 1]]
    assert counts[0] > 0 and rises == [10, 100]
