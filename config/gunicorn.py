"""gunicorn's settings for serving Porth (scripts/serve); the address comes from the command line."""

workers = 2
threads = 4
accesslog = "-"
# gunicorn refuses request lines over 4,094 bytes with its own English "URI Too Long". 0 lifts that (to
# gunicorn's 1 MB ceiling), so that an over-long address reaches Porth, which refuses it with a page in the
# reader's language (porth.core.middleware.RequestGuardMiddleware).
limit_request_line = 0
