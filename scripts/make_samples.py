"""Rebuild `sample_data/`: CVs and offers of fictional people as PDF, DOCX and TXT.

Run: python scripts/make_samples.py [--web] [OUTPUT_DIR]   (default: sample_data/)
Outputs are deterministic (fixed PDF creation dates, DOCX core properties and zip dates).
`--web` also prints the `*_web*.pdf` twins with headless Chromium (a real PDF producer whose
output is not byte-reproducible, so they are only rebuilt on request).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_cvs import CVS  # noqa: E402
from sample_docx import write_cv_docx_header_textbox, write_cv_docx_table, write_offer_docx  # noqa: E402
from sample_html import chromium, cv_html, cv_html_dated, print_pdf  # noqa: E402
from sample_offers import OFFERS  # noqa: E402
from sample_pdf import (  # noqa: E402
    cv_pdf_one_column,
    cv_pdf_running_headers,
    cv_pdf_two_column,
    offer_pdf,
    scanned_pdf,
)


def build(out: Path, *, web: bool = False) -> list[Path]:
    """Write every sample file into `out`; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    by_slug = {cv.slug: cv for cv in CVS}
    written: list[Path] = []

    def target(name: str) -> Path:
        written.append(out / name)
        return out / name

    analyst, backend = by_slug["cv_fr_data_analyst"], by_slug["cv_en_backend_developer"]
    cv_pdf_one_column(analyst, target(f"{analyst.slug}.pdf"), sidebar_first=True)
    cv_pdf_two_column(analyst, target(f"{analyst.slug}_2col.pdf"), sidebar="left")
    cv_pdf_one_column(backend, target(f"{backend.slug}.pdf"), sidebar_first=False)
    cv_pdf_two_column(backend, target(f"{backend.slug}_2col.pdf"), sidebar="right")
    cv_pdf_one_column(
        by_slug["cv_en_account_manager"],
        target("cv_en_account_manager_nospace.pdf"),
        sidebar_first=False,
        no_space_glyphs=True,
        overprint=6,
    )
    cv_pdf_running_headers(
        by_slug["cv_fr_chef_de_projet_marketing"], target("cv_fr_chef_de_projet_marketing.pdf")
    )
    cv_pdf_one_column(
        by_slug["cv_en_logistics_coordinator"],
        target("cv_en_logistics_coordinator.pdf"),
        sidebar_first=False,
    )
    marketing = by_slug["cv_fr_chef_de_projet_marketing"]
    if web:  # twins from a real producer (Chromium's PDF output is not byte-reproducible)
        if not chromium():
            raise SystemExit("--web needs Chromium (Debian: apt-get install chromium)")
        account = by_slug["cv_en_account_manager"]
        for suffix, two in (("", False), ("_2col", True)):
            print_pdf(
                cv_html(marketing, two_columns=two), target(f"{marketing.slug}_web{suffix}.pdf")
            )
            print_pdf(
                cv_html_dated(account, two_columns=two), target(f"{account.slug}_web{suffix}.pdf")
            )
    write_cv_docx_table(by_slug["cv_fr_comptable"], target("cv_fr_comptable_table.docx"))
    write_cv_docx_header_textbox(
        by_slug["cv_fr_infirmiere"], target("cv_fr_infirmiere_header_textbox.docx")
    )
    write_cv_docx_table(by_slug["cv_en_project_manager"], target("cv_en_project_manager.docx"))
    scanned_pdf(by_slug["cv_fr_infirmiere"], target("cv_fr_infirmiere_scanned.pdf"))
    for name, text in OFFERS.items():
        if name.endswith(".pdf"):
            offer_pdf(text, target(name))
        elif name.endswith(".docx"):
            write_offer_docx(text, target(name))
        else:
            body = text.replace("\n# ", "\n\n").replace("\n- ", "\n• ")
            # One offer is stored as Latin-1 (old Windows export) to exercise decoding.
            encoding = "latin-1" if "infirmiere" in name else "utf-8"
            if encoding == "latin-1":
                body = body.replace("–", "-").replace("’", "'").replace("•", "-")
            target(name).write_bytes(body.encode(encoding))
    return written


def main() -> None:
    """Command-line entry point."""
    args = [a for a in sys.argv[1:] if a != "--web"]
    out = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "sample_data"
    for path in build(out, web="--web" in sys.argv[1:]):
        print(path)


if __name__ == "__main__":
    main()
