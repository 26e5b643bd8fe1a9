"""`cvscope batch`: score many CVs against one or more offers; progress bar on stderr."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from analysis.cli.base import app, fail, guarded, stderr


@app.command("batch")
def batch(
    paths: Annotated[list[Path], typer.Argument(help="CV files or folders (read recursively).",
                                                show_default=False)],
    offer: Annotated[list[Path], typer.Option("--offer", help="An offer file (repeatable).",
                                              show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output",
                                         help="Output file: .csv, .json or .xlsx.",
                                         show_default=False)],
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=0,
                                             help="Worker processes (default: cores; "
                                                  "0 = in this process).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Reuse cached results "
                                         "(<output>.cache.sqlite) and update the output.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")
                     ] = False,
    time_limit: Annotated[float, typer.Option("--time-limit", min=1.0,
                                              help="Seconds allowed per CV.")] = 60.0,
) -> None:
    """Score CVs (files or folders) against offers; one ranked row per (offer, CV)."""
    from analysis.batch import run_batch

    def work() -> int:
        if quiet:
            summary = run_batch(offer, paths, output, jobs=jobs, resume=resume, force=force,
                                time_limit=time_limit)
        else:
            with _progress_bar() as update:
                summary = run_batch(offer, paths, output, jobs=jobs, resume=resume,
                                    force=force, time_limit=time_limit, progress=update)
            stderr.print(summary.line(), highlight=False, soft_wrap=True)
        if summary.scored == 0:
            fail("empty" if summary.cvs else "not_found",
                 f"no CV could be scored ({summary.failed_total} failed); "
                 f"rows with the error codes are in {summary.output}")
        return 0

    guarded(work)


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr (CVs done, rate, elapsed, time left); yields `update`."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # auto_refresh=False: no refresh thread, so worker processes can be forked safely.
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("elapsed"),
        TimeRemainingColumn(), TextColumn("left"), console=stderr, transient=True,
        auto_refresh=False,
    )
    task = progress.add_task("loading offers and pipelines", total=None, rate="")

    def update(done: int, total: int) -> None:
        if not progress.live.is_started:  # started on the first CV: input errors print alone
            progress.start()
        speed = progress.tasks[0].speed
        progress.update(task, completed=done, total=total,
                        rate=f"{speed:.1f} CVs/s" if speed else "",
                        description="scoring CVs" if done else "loading offers and pipelines")
        progress.refresh()

    try:
        yield update
    finally:
        if progress.live.is_started:
            progress.stop()
