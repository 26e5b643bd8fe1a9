"""The batch entry points: `run_batch` (files to an output file) and `score_uploads` (memory)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from analysis.batch.cache import ResultCache, cache_path_for
from analysis.batch.discovery import discover, upload_sources
from analysis.batch.runner import (
    Progress,
    build_rows,
    prepare_offers,
    score_sources,
    summarize,
)
from analysis.batch.types import BatchRow, BatchSummary
from analysis.batch.worker import DEFAULT_TIME_LIMIT
from analysis.batch.writers import output_format, rows_to_bytes, write_atomic
from analysis.errors import InvalidArgumentError, NotFoundError


def default_jobs() -> int:
    """Worker processes by default: the number of usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_output(output: Path, *, force: bool, resume: bool) -> str:
    """Validate the output path before any work; return its format (csv, json or xlsx)."""
    fmt = output_format(output)
    parent = output.parent
    if not parent.is_dir():
        raise InvalidArgumentError(f"the folder of the output file does not exist: {parent}")
    if output.is_dir():
        raise InvalidArgumentError(f"the output is a folder, not a file: {output}")
    if os.path.lexists(output) and not (force or resume):
        raise InvalidArgumentError(
            f"{output} already exists (use --force to overwrite it, or --resume to update it)"
        )
    return fmt


def run_batch(
    offers: Sequence[str | Path],
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    jobs: int | None = None,
    resume: bool = False,
    force: bool = False,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    progress: Progress | None = None,
) -> BatchSummary:
    """Score every CV under `paths` against every offer and write `output` (.csv/.json/.xlsx).

    Results are cached in `<output>.cache.sqlite` (same folder); `resume` reuses them.
    `jobs=0` scores in this process (no worker processes).
    """
    start = time.perf_counter()
    out = Path(output)
    fmt = check_output(out, force=force, resume=resume)
    if not offers:
        raise InvalidArgumentError("give at least one --offer")
    for offer in offers:
        if not Path(offer).is_file():
            raise NotFoundError(f"offer not found: {offer}")
    sources = discover(paths)
    if not sources:
        raise NotFoundError("no CV file (.pdf, .docx, .txt) found in the paths given")
    if progress is not None:
        progress(0, len(sources))  # show the bar while the offers and pipelines load
    prepared = prepare_offers(_dedupe_offers(offers))
    cache = ResultCache(cache_path_for(out))
    try:
        records = score_sources(sources, prepared, jobs=default_jobs() if jobs is None else jobs,
                                seconds=time_limit, cache=cache, resume=resume,
                                progress=progress)
    finally:
        cache.close()
    rows = build_rows(records, prepared)
    write_atomic(out, rows_to_bytes(rows, fmt), overwrite=force or resume)
    return summarize(records, len(prepared), time.perf_counter() - start, output=str(out),
                     cache_path=str(cache.path))


def _dedupe_offers(offers: Sequence[str | Path]) -> list[tuple[str, Path]]:
    """(display name, path) per distinct offer file; names are file names unless they clash."""
    seen: set[str] = set()
    paths: list[Path] = []
    for offer in offers:
        path = Path(offer)
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            paths.append(path)
    names = [p.name for p in paths]
    return [(p.name if names.count(p.name) == 1 else str(p), p) for p in paths]


def score_uploads(
    cvs: Sequence[tuple[str, bytes]],
    offers: Sequence[tuple[str, bytes | str]],
    *,
    progress: Progress | None = None,
    jobs: int = 0,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> list[BatchRow]:
    """Score uploaded CVs (name, bytes; zip archives expanded in memory) against offers.

    `offers` are (name, file bytes) or (name, pasted text). Returns ranked rows, one per
    (offer, CV). By default (`jobs=0`) CVs are scored in this process with its cached
    pipelines, bounded by the parser's own reading deadline; `jobs>=1` uses worker processes
    (crash isolation and a hard time limit, at the cost of loading the pipelines in them).
    """
    if not offers:
        raise InvalidArgumentError("give at least one offer")
    sources = list(upload_sources(cvs))
    if not sources:
        raise InvalidArgumentError("no CV file (.pdf, .docx, .txt) among the uploads")
    prepared = prepare_offers(offers)
    records = score_sources(sources, prepared, jobs=jobs, seconds=time_limit,
                            progress=progress)
    return build_rows(records, prepared)
