"""What wraps Porth's WSGI application in a serving process (config/wsgi.py)."""

import gc
import threading


class FreezeWhatLasts:
    """Serves the application, and after the process's 1st, 10th and 100th request moves every object alive
    into the garbage collector's permanent generation (gc.freeze).

    Whatever a process still holds then is what it holds for good: modules, compiled templates, translation
    catalogues, the word-form caches. A full collection otherwise walks all of it again, about 100 ms at a
    time in a web worker (bench/portfolio.py, list at 100,000 projects: p95 192 ms before, 101 ms after).
    Only serving processes go through here; the tests' client and live server do not.
    """

    FREEZE_AFTER = frozenset({1, 10, 100})

    def __init__(self, app):
        self.app = app
        self.served = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        try:
            return self.app(environ, start_response)
        finally:
            with self.lock:
                self.served += 1
                freeze = self.served in self.FREEZE_AFTER
            if freeze:
                gc.freeze()
