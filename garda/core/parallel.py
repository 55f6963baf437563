"""Work over slices of a range on every core, in forked processes that inherit what the parent prepared (the
records, the context) instead of receiving copies. Used by batch linkage and batch screening."""

import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any

from django.db import connections

# Tests and benchmarks that know the process is safe to fork although other threads run set this.
FORCE = False


def in_parallel(
    work: Callable[[tuple[int, int]], Any],
    n: int,
    *,
    parallel: bool,
    uses_database: bool = False,
    force: bool = False,
) -> list[Any]:
    """Run `work` over slices of range(n): in forked processes on every core when worth it, else here.

    Forking a process that runs other threads (a web server, a test runner) can deadlock the child: there the
    work stays in this process. Workers that query the database open their own connections: the parent's are
    closed before the fork (each worker opens its own on first use), so none is shared between processes."""
    workers = min(os.cpu_count() or 1, 8)
    threads_ok = threading.active_count() == 1 or FORCE or force
    if not parallel or not threads_ok or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [work((0, n))] if n else []
    step = -(-n // (workers * 4))
    bounds = [(s, min(s + step, n)) for s in range(0, n, step)]
    if uses_database:
        connections.close_all()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(work, bounds)
