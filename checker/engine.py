"""Engines: where per-article extraction and per-story work run.

All engines share one method, ``imap(fn, items)``: results in input order (so every engine
writes byte-identical reports), with at most ``window`` tasks in flight so memory stays bounded
by a few stories, never the whole corpus. ``fn`` must be a module-level function (it is pickled
to worker processes or cluster workers).
"""
from __future__ import annotations

import os
from collections import deque
from functools import partial
from typing import Callable, Iterable, Iterator

ENGINES = ("local", "dask")
#: Seconds to wait for a Dask scheduler before giving up with a one-line error.
CONNECT_TIMEOUT = 10


class EngineError(Exception):
    """The engine cannot start (dask missing, scheduler unreachable); the message is one line."""


def default_jobs() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _Engine:
    """Context manager: ``with engine.start(...) as run: run.imap(fn, items)``."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass


class Serial(_Engine):
    """Everything in this process: --jobs 1."""

    def imap(self, fn: Callable, items: Iterable) -> Iterator:
        return map(fn, items)


class _Windowed(_Engine):
    """Submit ahead, yield in order: shared by the process pool and the Dask client."""

    def __init__(self, submit: Callable, window: int):
        self._submit, self.window = submit, window

    def imap(self, fn: Callable, items: Iterable) -> Iterator:
        pending: deque = deque()
        for item in items:
            pending.append(self._submit(fn, item))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class Processes(_Windowed):
    """A pool of `jobs` worker processes (concurrent.futures)."""

    def __init__(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(max_workers=jobs)
        super().__init__(self.pool.submit, 4 * jobs)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class Dask(_Windowed):
    """A dask.distributed cluster reached through its scheduler address (tcp://HOST:PORT)."""

    def __init__(self, scheduler: str):
        try:
            from distributed import Client
            from distributed.comm import parse_address, parse_host_port
        except ImportError:
            raise EngineError("--engine dask needs dask.distributed: pip install 'check-claims[dask]'") from None
        # checked first: a Client fails on a malformed address only after its timeout, then again in __del__
        wrong = f"--scheduler {scheduler!r} is not an address like tcp://HOST:PORT"
        try:
            scheme, location = parse_address(scheduler)
            if scheme == "tcp":
                parse_host_port(location)
        except ValueError as exc:
            raise EngineError(f"{wrong} ({exc})") from None
        # tls:// needs certificates we take no option for; ucx://, inproc://... hung until the timeout
        if scheme != "tcp":
            raise EngineError(f"{wrong} (scheme {scheme!r} is not tcp)")
        try:
            self.client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({exc.__class__.__name__})") from None
        threads = sum(self.client.nthreads().values()) or 1
        super().__init__(partial(self.client.submit, pure=False), 4 * threads)

    def close(self) -> None:
        self.client.close()


def start(engine: str = "local", *, jobs: int | None = None, scheduler: str | None = None):
    """The engine for these options; call ``close()`` when done."""
    if engine == "dask":
        if not scheduler:
            raise EngineError("--engine dask needs --scheduler tcp://HOST:PORT")
        return Dask(scheduler)
    if engine != "local":
        raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if scheduler:
        raise EngineError("--scheduler needs --engine dask")
    jobs = default_jobs() if jobs is None else jobs
    return Processes(jobs) if jobs > 1 else Serial()
