"""The shared typer app and the error guard every command runs under."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console

from analysis.errors import DocumentError

app = typer.Typer(
    name="cvscope",
    help="CVScope: read CVs and offers like an ATS, score the match, diagnose rejections.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

stderr = Console(stderr=True)
stdout = Console(highlight=False, soft_wrap=True)

T = TypeVar("T")


def fail(code: str, message: str) -> NoReturn:
    """Print `error: <code>: <message>` on stderr and exit with status 2."""
    print(f"error: {code}: {' '.join(message.split())}", file=sys.stderr)
    raise typer.Exit(2)


def guarded(func: Callable[[], T]) -> T:
    """Run `func`, turning every input error into one stderr line and exit status 2."""
    try:
        return func()
    except DocumentError as exc:
        fail(exc.code, exc.message)
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:
        fail("interrupted", "interrupted by the user")
    except MemoryError:
        fail("too_large", "the input needs more memory than is available")
    except RecursionError:
        fail("corrupt", "the input is too deeply nested to be read")


def print_json(data: Any) -> None:
    """Print one JSON document on stdout, and nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
