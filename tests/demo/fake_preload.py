"""A module the runner's test preloads: it remembers the process that imported it."""

from __future__ import annotations

import os

IMPORTED_BY = os.getpid()
