"""Batch scoring benchmark: `cvscope batch` end to end vs. reading the same PDFs naively.

Builds N one- or two-page PDF CVs with reportlab in a temp folder (varied people, trades,
skills, FR and EN), then in the same run:
  1. reads them with pdfplumber's plain `page.extract_text()` (one process): the naive read;
  2. runs `python -m analysis batch DIR --offer OFFER -o OUT.csv --jobs 1` and `--jobs 2`
     as subprocesses, timing the wall clock and sampling the memory of the whole process tree
     (sum of RSS, and sum of PSS which counts pages shared by forked workers once).

Targets (issue 5): --jobs 1 batch time <= 0.5 x naive read time; --jobs 2 close to 2x faster;
peak memory < 1 GB for 1,000 CVs.

Two corpora by default: PDFs drawn by reportlab (light: few objects per page) and PDFs printed
by headless Chromium from HTML/CSS CVs (like online CV builders; a third with a sidebar).

Usage: python benchmarks/batch_bench.py [--n 200] [--jobs 1 2] [--producer both] [--skip-naive]
"""

from __future__ import annotations

import argparse
import csv
import html
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OFFER = ROOT / "sample_data" / "offer_en_backend_developer.txt"

FIRST = ["Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Gaëlle", "Hugo", "Inès", "Jules",
         "Karim", "Léa", "Marc", "Nadia", "Olivier", "Pauline", "Quentin", "Rania", "Sofia", "Tom"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Smith", "Jones"]
SKILLS_EN = ["Python", "SQL", "PostgreSQL", "Docker", "Kubernetes", "AWS", "Django", "FastAPI",
             "Terraform", "Kafka", "Go", "Java", "React", "Excel", "project management",
             "teamwork", "communication", "leadership", "problem solving", "Git", "CI/CD",
             "pytest", "Linux", "data analysis", "Tableau", "budgeting", "negotiation"]
SKILLS_FR = ["Python", "SQL", "Excel", "gestion de projet", "travail en équipe", "rigueur",
             "communication", "autonomie", "comptabilité", "SAP", "Power BI", "management",
             "analyse de données", "négociation", "anglais courant", "Docker", "Java"]
TITLES_EN = ["Backend Developer", "Software Engineer", "Data Analyst", "Project Manager",
             "DevOps Engineer", "Account Manager", "Logistics Coordinator"]
TITLES_FR = ["Développeur backend", "Analyste de données", "Chef de projet", "Comptable",
             "Ingénieur DevOps", "Chargé de clientèle", "Coordinateur logistique"]


FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    """Embedded TrueType fonts (as real CV producers use) when DejaVu is installed."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not (FONT_DIR / "DejaVuSans.ttf").exists():
        return "Helvetica", "Helvetica-Bold"
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    return "DejaVu", "DejaVu-Bold"


def cv_lines(rng: random.Random) -> list[tuple[str, str]]:
    """The content of one fictional CV: (kind, text) lines, kind in h1/h2/b/p."""
    fr = rng.random() < 0.4
    skills, titles = (SKILLS_FR, TITLES_FR) if fr else (SKILLS_EN, TITLES_EN)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    title = rng.choice(titles)
    heads = (("Profil", "Expérience professionnelle", "Formation", "Compétences", "Langues")
             if fr else ("Summary", "Work experience", "Education", "Skills", "Languages"))
    lines: list[tuple[str, str]] = [("h1", name), ("p", title),
                                    ("p", f"{name.split()[0].lower()}@example.com · "
                                          f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} "
                                          f"{rng.randint(10, 99)} {rng.randint(10, 99)} · Lyon")]
    lines += [("h2", heads[0]), ("p", f"{title} with {rng.randint(1, 15)} years of experience "
                                      f"in {', '.join(rng.sample(skills, 3))}." if not fr else
                                      f"{title}, {rng.randint(1, 15)} ans d'expérience en "
                                      f"{', '.join(rng.sample(skills, 3))}.")]
    lines.append(("h2", heads[1]))
    for _ in range(rng.randint(4, 11)):
        start = rng.randint(2008, 2022)
        lines.append(("b", f"{rng.choice(titles)} — {rng.choice(LAST)} SAS   "
                           f"{start} – {start + rng.randint(1, 4)}"))
        for _ in range(rng.randint(3, 5)):
            lines.append(("p", f"• {rng.choice(['Built', 'Led', 'Improved', 'Ran', 'Designed'])}"
                               f" {rng.choice(['services', 'reports', 'projects', 'a team'])}"
                               f" using {' and '.join(rng.sample(skills, 2))}."))
    lines += [("h2", heads[2]), ("p", f"Master, Université de Lyon   {rng.randint(2000, 2020)}")]
    lines += [("h2", heads[3]), ("p", ", ".join(rng.sample(skills, rng.randint(5, 10))))]
    lines += [("h2", heads[4]), ("p", "English (C1), French (native)" if not fr
                                 else "Français (langue maternelle), anglais (B2)")]
    return lines


def make_cv(path: Path, rng: random.Random) -> None:
    """One fictional CV PDF of one or two pages, drawn with reportlab (embedded fonts)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = cv_lines(rng)
    name = lines[0][1]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(f"CV {name}")
    regular, bold = _fonts()
    y = 800.0
    for kind, text in lines:
        font, size = {"h1": (bold, 18), "h2": (bold, 13),
                      "b": (bold, 10)}.get(kind, (regular, 10))
        if y < 60:
            pdf.showPage()
            y = 800.0
        if kind == "h2":
            y -= 8
        pdf.setFont(font, size)
        pdf.drawString(50, y, text)
        if kind == "h2":  # the rule under each heading that most CV templates draw
            pdf.setLineWidth(0.5)
            pdf.line(50, y - 3, 545, y - 3)
        y -= size + 6
    pdf.save()


def _html(lines: list[tuple[str, str]], sidebar: bool) -> str:
    """A CV page as HTML/CSS like online CV builders make (optional coloured sidebar)."""
    esc = html.escape
    head = "".join(f"<h1>{esc(t)}</h1>" if k == "h1" else f"<p class=sub>{esc(t)}</p>"
                   for k, t in lines[:3])
    blocks: list[tuple[str, list[str]]] = []
    for kind, text in lines[3:]:
        if kind == "h2":
            blocks.append((text, []))
        elif blocks:
            tag = "li" if text.startswith("• ") else ("h3" if kind == "b" else "p")
            blocks[-1][1].append(f"<{tag}>{esc(text.removeprefix('• '))}</{tag}>")
    parts = [f"<section><h2>{esc(title)}</h2>{''.join(items)}</section>"
             for title, items in blocks]
    style = ("body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;margin:0}"
             "h1{font-size:20pt;margin:0}h2{font-size:12pt;border-bottom:1px solid #456;"
             "color:#234}h3{font-size:10pt;margin:6px 0 2px}li{margin:1px 0}"
             ".sub{color:#555;margin:2px 0}main{padding:24px}"
             ".grid{display:grid;grid-template-columns:30% 70%}"
             "aside{background:#e8eef4;padding:24px;min-height:100vh}")
    if sidebar:  # the short sections (skills, languages, education) go in the sidebar
        side, body = parts[-3:], parts[:-3]
        page = (f"<div class=grid><aside>{''.join(side)}</aside>"
                f"<main>{head}{''.join(body)}</main></div>")
    else:
        page = f"<main>{head}{''.join(parts)}</main>"
    return (f"<html><head><meta charset=utf-8><style>{style}</style></head>"
            f"<body>{page}</body></html>")


def build_chromium_corpus(folder: Path, n: int, seed: int = 5) -> list[Path]:
    """N CV PDFs printed by headless Chromium from HTML (a third with a sidebar column)."""
    from playwright.sync_api import sync_playwright

    rng = random.Random(seed)
    paths = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"),
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        for i in range(n):
            path = folder / f"cv_{i:04d}.pdf"
            page.set_content(_html(cv_lines(rng), sidebar=i % 3 == 0))
            page.pdf(path=str(path), format="A4", print_background=True)
            paths.append(path)
        browser.close()
    return paths


def chromium_available() -> bool:
    """Whether Debian's chromium and playwright are there to print HTML CVs to PDF."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return shutil.which("chromium") is not None


def build_corpus(folder: Path, n: int, seed: int = 5) -> list[Path]:
    """N CV PDFs in `folder`: 3 in 4 generated, 1 in 4 byte-distinct copies of sample_data CVs."""
    rng = random.Random(seed)
    samples = sorted(p for p in (ROOT / "sample_data").glob("cv_*.pdf")
                     if "scanned" not in p.name)
    paths = []
    for i in range(n):
        path = folder / f"cv_{i:04d}.pdf"
        if samples and i % 4 == 3:
            # A trailing comment after %%EOF: same document, different bytes (distinct hashes).
            data = samples[(i // 4) % len(samples)].read_bytes()
            path.write_bytes(data + f"\n% variant {i}\n".encode())
        else:
            make_cv(path, rng)
        paths.append(path)
    return paths


def naive_read(paths: list[Path]) -> tuple[float, float, int]:
    """Wall and CPU seconds to read every PDF with pdfplumber's extract_text(), pages read."""
    import pdfplumber

    start, cpu = time.perf_counter(), time.process_time()
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return time.perf_counter() - start, time.process_time() - cpu, pages


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                stack += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return pids


def _memory(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) in bytes over the process tree rooted at `pid`."""
    rss = pss = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            pass
    return rss, pss


def run_batch(folder: Path, out: Path, jobs: int) -> dict[str, Any]:
    """Run the CLI once: wall time, CPU time (all processes), peak memory, rows by code."""
    cmd = [sys.executable, "-m", "analysis", "batch", str(folder), "--offer", str(OFFER),
           "-o", str(out), "--jobs", str(jobs), "--quiet", "--force"]
    peak = [0, 0]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, pss = _memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the CLI and its reaped workers
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    done.set()
    sampler.join()
    rows = []
    if out.exists():
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    if proc.returncode != 0:
        details = "; ".join(f"{r['cv']}: {r['error']}: {r['error_message']}" for r in rows[:5])
        raise SystemExit(f"batch failed ({proc.returncode}): {err.strip()} {details}")
    codes = Counter(row["error"] or "scored" for row in rows)
    return {"seconds": seconds, "cpu": cpu, "rss": peak[0], "pss": peak[1], "codes": codes}


def bench(label: str, paths: list[Path], tmp: Path, jobs_list: list[int],
          skip_naive: bool) -> None:
    """Naive read, start-up, and the batch runs on one corpus; prints one line each."""
    n = len(paths)
    folder = paths[0].parent
    naive = naive_cpu = None
    if not skip_naive:
        naive, naive_cpu, pages = naive_read(paths)
        print(f"[{label}] naive read (pdfplumber extract_text, 1 process): {naive:.2f} s for "
              f"{n} CVs / {pages} pages ({n / naive:.1f} CVs/s, "
              f"{1000 * naive / pages:.0f} ms/page); CPU {naive_cpu:.2f} s", flush=True)
    one = tmp / f"one-{label}"
    one.mkdir()
    (one / paths[0].name).write_bytes(paths[0].read_bytes())
    first = run_batch(one, tmp / f"out-one-{label}.csv", 1)
    startup, startup_cpu = first["seconds"], first["cpu"]
    print(f"[{label}] start-up: cvscope batch on 1 CV (--jobs 1) takes {startup:.2f} s, "
          f"CPU {startup_cpu:.2f} s (imports, taxonomy, spaCy pipelines, skill matchers, "
          "offer)", flush=True)
    base = None
    for jobs in jobs_list:
        res = run_batch(folder, tmp / f"out-{label}-j{jobs}.csv", jobs)
        steady = res["seconds"] - startup
        line = (f"[{label}] cvscope batch --jobs {jobs}: {res['seconds']:.2f} s end to end, "
                f"{n / res['seconds']:.1f} CVs/s, peak memory RSS-sum "
                f"{res['rss'] / 2**20:.0f} MiB (PSS {res['pss'] / 2**20:.0f} MiB), "
                f"rows {dict(res['codes'])}")
        line += f", CPU {res['cpu']:.2f} s"
        if naive and naive_cpu:
            ratio = res["seconds"] / naive
            line += (f"; time / naive read = {ratio:.2f}, CPU / naive CPU = "
                     f"{res['cpu'] / naive_cpu:.2f}")
            if jobs == 1:
                line += f" (target <= 0.50: {'MET' if ratio <= 0.5 else 'NOT MET'})"
        line += f"; after start-up {1000 * steady / max(1, n - 1):.0f} ms per CV"
        if naive and naive_cpu:
            steady_cpu = res["cpu"] - startup_cpu
            line += (f" (naive read {1000 * naive / n:.0f} ms per CV; ratio {steady / naive:.2f}"
                     f"; CPU ratio {steady_cpu / naive_cpu:.2f})")
        if base is None:
            base = (jobs, res["seconds"], steady)
        else:
            line += (f"; speed-up vs --jobs {base[0]}: {base[1] / res['seconds']:.2f}x end to "
                     f"end, {base[2] / steady:.2f}x after start-up "
                     f"(ideal {jobs / base[0]:.0f}x)")
        print(line, flush=True)


def main() -> None:
    """Build the corpora, time the naive read and the batch runs, print figures and targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="number of CV PDFs")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--producer", choices=["reportlab", "chromium", "both"], default="both",
                        help="who draws the PDFs (chromium needs Debian chromium + playwright)")
    parser.add_argument("--skip-naive", action="store_true")
    args = parser.parse_args()
    producers = ["reportlab", "chromium"] if args.producer == "both" else [args.producer]
    if "chromium" in producers and not chromium_available():
        print("chromium or playwright missing: Chromium corpus skipped")
        producers.remove("chromium")
    print(f"offer: {OFFER.relative_to(ROOT)}; {args.n} CVs per corpus; machine: "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory(prefix="cvscope-batch-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for producer in producers:
            folder = tmp / producer
            folder.mkdir()
            t0 = time.perf_counter()
            build = build_corpus if producer == "reportlab" else build_chromium_corpus
            paths = build(folder, args.n)
            print(f"[{producer}] corpus: {args.n} PDF CVs built in "
                  f"{time.perf_counter() - t0:.1f} s", flush=True)
            bench(producer, paths, tmp, args.jobs, args.skip_naive)
    print("targets: --jobs 1 time <= 0.50 x naive read; --jobs 2 close to 2x faster; "
          "peak PSS < 1024 MiB for 1,000 CVs (--n 1000)")


if __name__ == "__main__":
    main()
