"""Scoring one CV against the prepared offers: what each worker process runs per document."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

from analysis.errors import DocumentError
from analysis.extraction.types import Profile
from analysis.parsing.document import ParsedDocument

DEFAULT_TIME_LIMIT = 60.0  # seconds per CV (read + extract + score against every offer)


@dataclass(frozen=True)
class PreparedOffer:
    """An offer parsed and profiled once per run, shipped to every worker."""

    name: str
    text_sha256: str  # hash of the offer's normalised text (part of the cache key)
    doc: ParsedDocument
    profile: Profile


class _TimeLimit(BaseException):
    """Raised inside a worker by the interval timer when a CV takes too long.

    A BaseException, so that an `except Exception` somewhere in the pipeline cannot swallow it.
    """


def _on_alarm(signum: int, frame: Any) -> None:
    raise _TimeLimit


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `_TimeLimit` after `seconds` (main thread on Unix only; else no limit here)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Long enough (30+ words) to take the language detector CVs take, like a real CV would.
_WARM_TEXTS = {
    "fr": "Chef de projet\nExpérience\n2019 - 2024 : chef de projet chez un éditeur de logiciels "
          "à Lyon, pilotage des équipes et des budgets.\nCompétences : gestion de projet, "
          "Python, SQL, travail en équipe, rigueur et sens de l'organisation.\nLangues : "
          "anglais courant.",
    "en": "Project manager\nExperience\n2019 - 2024: project manager at a software company in "
          "London, leading the teams and the budgets.\nSkills: project management, Python, "
          "SQL, teamwork, attention to detail and a sense of organisation.\nLanguages: French "
          "(fluent).",
}


def warm_up(offers: Sequence[PreparedOffer] = ()) -> None:
    """Load the taxonomy, both pipelines and skill matchers once (and warm the scorer)."""
    from analysis.extraction import profile_cv
    from analysis.matching import match_profiles
    from analysis.parsing import parse_text
    from analysis.taxonomy import load_taxonomy

    load_taxonomy()
    # Profiling a short text per language builds what extraction builds lazily (pipeline,
    # skill matcher); done in the parent before forking, workers share it instead of each
    # building its own copy.
    for lang, text in _WARM_TEXTS.items():
        try:
            doc = parse_text(text, source=f"<warm-up {lang}>")
            profile = profile_cv(doc)
            for offer in offers[:1]:
                match_profiles(doc, profile, offer.doc, offer.profile)
        except DocumentError:
            pass


def error_result(code: str, message: str | None, *, cacheable: bool = False) -> dict[str, Any]:
    """A per-CV result for a CV that could not be scored (`cacheable`: same bytes, same error)."""
    return {"error": code, "error_message": message, "cacheable": cacheable,
            "language": None, "pages": None, "results": [], "duration_ms": None}


def score_bytes(
    name: str, data: bytes, offers: Sequence[PreparedOffer], seconds: float | None
) -> dict[str, Any]:
    """Read, profile and score one CV against every offer; errors become an `error` code."""
    from analysis.extraction import profile_cv
    from analysis.matching import match_profiles
    from analysis.parsing import parse_document

    start = time.perf_counter()
    try:
        with time_limit(seconds):
            doc = parse_document(data, filename=name, limits=_parse_limits(seconds))
            profile = profile_cv(doc)
            results = []
            for offer in offers:
                report = match_profiles(doc, profile, offer.doc, offer.profile)
                components = report.components
                results.append({
                    "score": round(float(report.score), 1),
                    "hard_skills": _component(components, "hard_skills"),
                    "soft_skills": _component(components, "soft_skills"),
                    "missing_required": [r.label for r in report.missing_required()],
                })
        out: dict[str, Any] = {"error": None, "error_message": None, "cacheable": True,
                               "language": doc.language, "pages": doc.pages,
                               "results": results}
    except _TimeLimit:
        out = error_result("too_large", f"took longer than the {seconds:g} s limit per CV",
                     cacheable=False)
    except DocumentError as exc:
        out = error_result(exc.code, exc.message, cacheable=True)
    except MemoryError:
        out = error_result("too_large", "needs more memory than is available", cacheable=False)
    except RecursionError:
        out = error_result("corrupt", "too deeply nested to be read", cacheable=True)
    except Exception as exc:  # one odd CV must not stop the batch
        out = error_result("corrupt", f"could not be read ({type(exc).__name__}: {exc})",
                     cacheable=False)
    out["duration_ms"] = round((time.perf_counter() - start) * 1000, 1)
    return out


def _parse_limits(seconds: float | None) -> Any:
    """The parser's limits, its own (cooperative) reading deadline capped by the CV limit."""
    from analysis.parsing import Limits

    default = Limits()
    if seconds is None or seconds >= default.timeout_s:
        return default
    return replace(default, timeout_s=seconds)


def _component(components: Any, key: str) -> float | None:
    value = components.get(key) if components is not None else None
    return None if value is None else round(float(value), 3)


def worker_main(
    conn: Connection, offers: Sequence[PreparedOffer], seconds: float | None
) -> None:
    """Worker process loop: warm up once, then score (task_id, name, bytes) until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    try:
        warm_up(offers)
    except Exception as exc:  # reported to the parent, which stops the run
        conn.send(("init_error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        task_id, name, data = task
        conn.send(("start", task_id))
        conn.send(("done", task_id, score_bytes(name, data, offers, seconds)))
