"""Running a batch: offers prepared once, CVs streamed through workers, cached, ranked, written."""

from __future__ import annotations

import gc
import hashlib
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from analysis.batch.cache import ResultCache, result_key
from analysis.batch.discovery import MAX_FILE_BYTES, CvSource, read_source
from analysis.batch.pool import pick_context, run_pool
from analysis.batch.types import BatchRow, BatchSummary, count_failures
from analysis.batch.worker import PreparedOffer, error_result, score_bytes, warm_up
from analysis.errors import DocumentError

Progress = Callable[[int, int], None]
_PER_OFFER = ("score", "hard_skills", "soft_skills", "missing_required")


@dataclass
class _Record:
    source: CvSource
    sha256: str
    result: dict[str, Any]  # error, error_message, language, pages, results[], duration_ms
    cached: bool = False


def prepare_offers(offers: Sequence[tuple[str, bytes | str | Path]]) -> list[PreparedOffer]:
    """Parse and profile each offer once: (name, file bytes | pasted text | path)."""
    from analysis.extraction import profile_offer
    from analysis.parsing import parse_document, parse_text

    prepared: list[PreparedOffer] = []
    for name, content in offers:
        try:
            if isinstance(content, str):
                doc = parse_text(content, source=name)
            else:
                doc = parse_document(content, filename=name)
            profile = profile_offer(doc)
        except DocumentError as exc:
            raise type(exc)(f"offer {name}: {exc.message}", code=exc.code) from exc
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        prepared.append(PreparedOffer(name=name, text_sha256=digest, doc=doc, profile=profile))
    return prepared


def versions() -> tuple[str, str]:
    """(extraction version incl. taxonomy, scoring version): both are part of every cache key."""
    from analysis.extraction.version import extraction_version
    from analysis.matching import SCORING_VERSION

    return extraction_version(), SCORING_VERSION


def score_sources(
    sources: Sequence[CvSource],
    offers: Sequence[PreparedOffer],
    *,
    jobs: int,
    seconds: float | None,
    cache: ResultCache | None = None,
    resume: bool = False,
    progress: Progress | None = None,
) -> list[_Record]:
    """Score every source; records come back in source order."""
    records: dict[int, _Record] = {}
    total = len(sources)
    keys: dict[int, list[str]] = {}
    shas: dict[int, str] = {}
    tax, scoring = versions() if cache is not None else ("", "")

    def done(index: int, record: _Record) -> None:
        records[index] = record
        if cache is not None and not record.cached and record.result.get("cacheable"):
            for key, payload in zip(keys[index], _split(record.result, len(offers)),
                                    strict=True):
                cache.put(key, payload)
        if progress is not None:
            progress(len(records), total)

    def tasks() -> Iterator[tuple[int, str, bytes]]:
        for index, source in enumerate(sources):
            if source.error:
                done(index, _Record(source, "", error_result(source.error,
                                                             source.error_message)))
                continue
            try:
                data, sha = read_source(source)
            except OSError as exc:  # vanished or unreadable since discovery
                done(index, _Record(source, "", error_result(
                    "not_found", f"cannot read the file: {exc.strerror or exc}")))
                continue
            shas[index] = sha
            keys[index] = [result_key(sha, o.text_sha256, tax, scoring) for o in offers]
            if data is None:
                done(index, _Record(source, sha, error_result(
                    "too_large", f"file larger than {MAX_FILE_BYTES // 2**20} MB")))
                continue
            hit = _from_cache(cache, keys[index]) if resume and cache is not None else None
            if hit is not None:
                done(index, _Record(source, sha, hit, cached=True))
                continue
            yield index, source.name, data

    pending = tasks()
    first = next(pending, None)
    if first is not None:
        chained = itertools.chain([first], pending)
        if jobs <= 0:
            results: Iterator[tuple[tuple[int, str, bytes], dict[str, Any]]] = (
                (task, score_bytes(task[1], task[2], offers, seconds)) for task in chained
            )
        else:
            context = pick_context()
            if context.get_start_method() == "fork":
                warm_up(offers)  # loaded once here, shared copy-on-write by every worker
                # Move what is loaded out of the garbage collector's reach: a collection in a
                # worker would otherwise write to every object header and unshare the pages.
                gc.collect()
                gc.freeze()
            results = run_pool(chained, offers, jobs=min(jobs, total), seconds=seconds,
                               context=context)
        try:
            for (index, _name, _data), result in results:
                done(index, _Record(sources[index], shas[index], result))
        finally:
            gc.unfreeze()
    return [records[i] for i in range(total)]


def _split(result: dict[str, Any], n_offers: int) -> list[dict[str, Any]]:
    """One cache payload per offer from a worker's per-CV result."""
    base = {k: result.get(k) for k in ("error", "error_message", "language", "pages",
                                       "duration_ms")}
    per_offer = result.get("results") or [{} for _ in range(n_offers)]
    return [{**base, **{k: item.get(k) for k in _PER_OFFER}} for item in per_offer]


def _from_cache(cache: ResultCache, keys: list[str]) -> dict[str, Any] | None:
    payloads = []
    for key in keys:
        payload = cache.get(key)
        if payload is None:
            return None
        payloads.append(payload)
    first = payloads[0]
    result = {k: first.get(k) for k in ("error", "error_message", "language", "pages",
                                        "duration_ms")}
    result["results"] = [] if first.get("error") else [
        {k: p.get(k) for k in _PER_OFFER} for p in payloads]
    return result


def build_rows(records: Sequence[_Record], offers: Sequence[PreparedOffer]) -> list[BatchRow]:
    """One row per (offer, CV), grouped by offer, ranked by score (ties share a rank)."""
    rows: list[BatchRow] = []
    for j, offer in enumerate(offers):
        scored: list[BatchRow] = []
        failed: list[BatchRow] = []
        for rec in records:
            r = rec.result
            common = {"offer": offer.name, "cv": rec.source.name, "path": rec.source.path,
                      "sha256": rec.sha256, "language": r.get("language"),
                      "pages": r.get("pages"), "duration_ms": r.get("duration_ms"),
                      "cached": rec.cached}
            if r.get("error") or not r.get("results"):
                failed.append(BatchRow(**common, error=r.get("error") or "corrupt",
                                       error_message=r.get("error_message")))
                continue
            item = r["results"][j]
            scored.append(BatchRow(**common, score=item["score"],
                                   hard_skills=item.get("hard_skills"),
                                   soft_skills=item.get("soft_skills"),
                                   missing_required=tuple(item.get("missing_required") or ())))
        scored.sort(key=lambda row: (-(row.score or 0.0), row.cv))
        previous: tuple[float | None, int] = (None, 0)
        for position, row in enumerate(scored, start=1):
            rank = previous[1] if row.score == previous[0] else position
            previous = (row.score, rank)
            rows.append(_with_rank(row, rank))
        rows.extend(sorted(failed, key=lambda row: row.cv))
    return rows


def _with_rank(row: BatchRow, rank: int) -> BatchRow:
    return replace(row, rank=rank)


def summarize(
    records: Sequence[_Record], n_offers: int, seconds: float, *, output: str | None = None,
    cache_path: str | None = None,
) -> BatchSummary:
    """Counts of scored / failed (by code) / cached CVs."""
    codes = [rec.result.get("error") or "corrupt" for rec in records
             if rec.result.get("error") or not rec.result.get("results")]
    return BatchSummary(cvs=len(records), offers=n_offers, scored=len(records) - len(codes),
                        failed=count_failures(codes), cached=sum(r.cached for r in records),
                        seconds=seconds, rows=len(records) * n_offers, output=output,
                        cache_path=cache_path)
