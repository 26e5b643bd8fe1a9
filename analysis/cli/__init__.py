"""`cvscope` command line: argument parsing only; all work is done by `analysis` functions."""

from __future__ import annotations

import importlib

from analysis.cli.base import app

# Each module registers its commands on `app` when imported.
_COMMAND_MODULES = (
    "analysis.cli.parse",
    "analysis.cli.skills",
    "analysis.cli.match",
    "analysis.cli.batch",
    "analysis.cli.diagnose",
    "analysis.cli.pool",
    "analysis.cli.coach",
)


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command module not written yet
            if exc.name != name:
                raise


def main() -> None:
    """Entry point of the `cvscope` console script."""
    _register()
    app()


_register()
