"""Start `streamlit run app.py` on a free local port and drive Debian's Chromium with playwright.

Shared by the real-browser test and `benchmarks/app_bench.py`. Nothing is downloaded: the
browser is the system's `chromium` binary (never `playwright install`).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """The system Chromium binary, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:  # noqa: S310
            return resp.status == 200
    except OSError:
        return False


@contextmanager
def streamlit_server(log_path: Path, timeout: float = 90.0) -> Iterator[tuple[str, float]]:
    """Run the app on a free loopback port; yield (url, seconds until healthy); always stop it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    start = time.perf_counter()
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            while not _healthy(url):
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log_path}")
                if time.perf_counter() - start > timeout:
                    raise TimeoutError(f"streamlit not healthy after {timeout:.0f} s")
                time.sleep(0.1)
            yield url, time.perf_counter() - start
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


@contextmanager
def chromium_page(locale: str = "en-US") -> Iterator[Any]:
    """A playwright page in the system Chromium, 1440x1600, downloads accepted."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("no chromium binary on PATH")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(locale=locale, accept_downloads=True,
                                          viewport={"width": 1440, "height": 1600})
            yield context.new_page()
        finally:
            browser.close()


def upload_and_paste(page: Any, cv: Path, offer_text: str) -> None:
    """Put a CV in the `cv_file` uploader and the offer text in `offer_text`, then commit it."""
    page.locator(".st-key-cv_file input[type=file]").set_input_files(str(cv))
    # Let the upload's rerun finish first: a text area filled while the page re-renders can
    # lose its value on a slow machine, and then no score ever shows.
    wait_idle(page)
    area = page.locator(".st-key-offer_text textarea")
    area.fill(offer_text)
    area.press("Control+Enter")  # Streamlit commits a text area on Ctrl+Enter (or blur)
    wait_idle(page)
    if area.input_value() != offer_text:  # re-rendered under our feet: type it again
        area.fill(offer_text)
        area.press("Control+Enter")


def wait_idle(page: Any, timeout_ms: int = 120_000) -> None:
    """Wait until the script run is over: no status widget, no stale (faded) element."""
    page.wait_for_timeout(300)  # let a just-triggered rerun start
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')", timeout=timeout_ms)


def wait_for_score(page: Any, label: str, timeout_ms: int = 180_000) -> str:
    """Wait until the score metric whose label starts with `label` shows; return its value."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    metric.wait_for(state="visible", timeout=timeout_ms)
    wait_idle(page, timeout_ms)
    return str(metric.locator('[data-testid="stMetricValue"]').inner_text())
