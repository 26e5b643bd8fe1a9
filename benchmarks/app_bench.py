"""App timings in a real browser: cold start, and upload-to-score on the sample CV (warm, median).

Usage: python benchmarks/app_bench.py [--runs 5]

Starts `streamlit run app.py` on a free loopback port and drives Debian's Chromium (playwright,
`executable_path=chromium`). Figures printed:
- cold start: process start -> server healthy; -> Analyse page rendered in the browser;
- first analysis in a fresh server (includes loading the spaCy pipelines and the taxonomy);
- warm upload-to-score: new browser session, offer already uploaded, time from putting the CV
  in the uploader to the score metric being visible. Each run's CV bytes differ by a trailing
  PDF comment so the content-hash cache misses and the CV is really parsed and matched;
- cached: the same bytes again (content-hash cache hit, no re-parse);
- the server-side share: the script run after the upload, in-process through AppTest, for a
  new file and for the same file again (the browser figures add upload, websocket and render).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (  # noqa: E402
    chromium_page,
    chromium_path,
    streamlit_server,
    wait_for_score,
    wait_idle,
)

CV = ROOT / "sample_data" / "cv_fr_data_analyst.pdf"
OFFER = ROOT / "sample_data" / "offer_fr_data_analyst.pdf"


def _open(page: Any, url: str) -> float:
    """Load the app in a new session; seconds until the Analyse page heading is visible."""
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text("Analyse a CV against a job offer").wait_for(timeout=120_000)
    return time.perf_counter() - start


def _upload(page: Any, key: str, name: str, data: bytes) -> None:
    page.locator(f".st-key-{key} input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": data})


def _upload_to_score(page: Any, url: str, cv_bytes: bytes) -> float:
    """New session, offer uploaded first; seconds from CV upload to the visible score."""
    _open(page, url)
    _upload(page, "offer_file", OFFER.name, OFFER.read_bytes())
    page.locator(f'.st-key-offer_file [data-testid="stFileChip"] [title="{OFFER.name}"]'
                 ).wait_for(timeout=60_000)
    wait_idle(page)
    start = time.perf_counter()
    _upload(page, "cv_file", CV.name, cv_bytes)
    wait_for_score(page, "Match score")
    return time.perf_counter() - start


def _script_run(cv_bytes: bytes) -> float:
    """In-process (AppTest): seconds of the script run that follows the CV upload."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.file_uploader(key="offer_file").upload(OFFER.name, OFFER.read_bytes(), "application/pdf")
    at.run()
    at.file_uploader(key="cv_file").upload(CV.name, cv_bytes, "application/pdf")
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if not at.metric:
        raise RuntimeError("no score metric after the upload")
    return elapsed


def main() -> int:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if chromium_path() is None:
        print("no chromium binary: apt-get install -y chromium", file=sys.stderr)
        return 2
    base = CV.read_bytes()
    with tempfile.TemporaryDirectory() as tmp, \
            streamlit_server(Path(tmp) / "streamlit.log") as (url, healthy), \
            chromium_page(locale="en-US") as page:
        first_render = _open(page, url)
        cold_start = healthy + first_render
        first = _upload_to_score(page, url, base)
        warm = [_upload_to_score(page, url, base + f"\n%cvscope-bench-{i}\n".encode())
                for i in range(args.runs)]
        cached = [_upload_to_score(page, url, base) for _ in range(3)]
    _script_run(base)  # load the models in this process
    script_new = [_script_run(base + f"\n%cvscope-script-{i}\n".encode())
                  for i in range(args.runs)]
    script_same = [_script_run(base) for _ in range(args.runs)]
    print(f"sample CV: {CV.name} ({len(base) // 1024} KiB) vs offer {OFFER.name}")
    print(f"cold start: server healthy {healthy:.2f} s; Analyse page rendered "
          f"{cold_start:.2f} s after process start")
    print(f"first analysis in a fresh server (loads models): {first:.2f} s")
    print(f"upload to score, warm, median of {args.runs}: {statistics.median(warm):.2f} s "
          f"(min {min(warm):.2f}, max {max(warm):.2f})")
    print(f"upload to score, same file again (content-hash cache): "
          f"{statistics.median(cached):.2f} s")
    print(f"server-side script run after the upload (AppTest, median of {args.runs}): "
          f"new file {statistics.median(script_new):.3f} s; same file again "
          f"{statistics.median(script_same):.3f} s (parse and match served from the cache)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
