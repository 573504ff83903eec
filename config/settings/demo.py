"""The demo (scripts/demo): the development settings, but answering as the real service does.

DEBUG is off so that a missing page or a failure shows the project's own 404 and 500 pages,
not Django's technical ones (which also list settings and code); WhiteNoise serves the
static files from the source folders, as `runserver` stops doing once DEBUG is off.
"""

from .dev import *  # noqa: F403
from .dev import env

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")  # after SecurityMiddleware
# No collectstatic on a fresh machine: files are found where they are, and re-read on change.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
