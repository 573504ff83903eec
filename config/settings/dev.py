"""Local development and the SQLite demo."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)

# Without a running `manage.py qcluster`, background work (bulletins) runs inline, so the
# demo needs no worker process. Set Q_SYNC=false when running a cluster beside it.
if env.bool("Q_SYNC", default=True):
    Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
