"""The session report handed to a candidate: latest analysis, progress, applications, next steps."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from analysis.coaching.progress import ScorePoint, latest_report, score_history
from analysis.coaching.todo import FollowupItem, followups
from analysis.coaching.workspace import ApplicationInfo, CandidateInfo, applications
from analysis.coaching.workspace import list_candidates as _candidates
from analysis.errors import NotFoundError
from analysis.reporting.labels import colon
from analysis.storage import Store

_T = {
    "fr": {"title": "Bilan de séance", "latest": "Dernière analyse", "score": "Score",
           "progress": "Progression des versions du CV", "version": "Version",
           "offer": "Offre", "apps": "Candidatures", "company": "Entreprise",
           "position": "Poste", "applied": "Envoyée le", "stage": "Étape",
           "verdict": "Diagnostic", "next": "Prochaines étapes", "due": "À faire le",
           "todo": "Action", "recos": "Améliorations du CV", "none": "Rien pour l'instant.",
           "missing": "Exigences manquantes"},
    "en": {"title": "Session report", "latest": "Latest analysis", "score": "Score",
           "progress": "Progress across CV versions", "version": "Version", "offer": "Offer",
           "apps": "Applications", "company": "Company", "position": "Position",
           "applied": "Applied on", "stage": "Stage", "verdict": "Diagnosis",
           "next": "Next steps", "due": "Due on", "todo": "Action",
           "recos": "CV improvements", "none": "Nothing yet.",
           "missing": "Missing requirements"},
}
KIND_LABELS = {"fr": {"relaunch": "Relance", "thank_and_feedback": "Remerciement et retour",
                      "recontact": "Reprise de contact"},
               "en": {"relaunch": "Relaunch", "thank_and_feedback": "Thank-you and feedback",
                      "recontact": "Re-contact"}}


@dataclass(frozen=True)
class SessionReport:
    """Everything the session report shows, gathered once."""

    candidate: CandidateInfo
    lang: str
    day: date
    latest: dict[str, Any] | None
    progress: tuple[ScorePoint, ...]
    applications: tuple[ApplicationInfo, ...]
    next_steps: tuple[FollowupItem, ...]


def session_report(store: Store, candidate_id: int, lang: str = "fr") -> SessionReport:
    """Gather the data of a candidate's session report."""
    found = [c for c in _candidates(store) if c.id == candidate_id]
    if not found:
        raise NotFoundError(f"no candidate with id {candidate_id}")
    progress = tuple(score_history(store, candidate_id))
    return SessionReport(found[0], lang if lang in _T else "en", date.today(),
                         latest_report(store, candidate_id), progress,
                         tuple(applications(store, candidate_id)),
                         tuple(followups(store, candidate_id=candidate_id)))


def _sections(r: SessionReport) -> list[tuple[str, list[str], list[list[str]]]]:
    """(heading, paragraphs, table rows) blocks shared by the DOCX and HTML renderings."""
    t, kinds = _T[r.lang], KIND_LABELS.get(r.lang, KIND_LABELS["en"])
    blocks: list[tuple[str, list[str], list[list[str]]]] = []
    latest = r.latest
    if latest:
        missing = [q["label"] for q in latest.get("requirements", [])
                   if q.get("importance") == "required" and q.get("status") == "missing"]
        sep = colon(r.lang)
        paras = [f"{t['score']}{sep} {latest.get('score', 0):.1f}/100"]
        if missing:
            paras.append(f"{t['missing']}{sep} {', '.join(missing)}")
        blocks.append((t["latest"], paras, []))
        recos = [f"{x['priority']}. {x['message']}" for x in latest.get("recommendations", [])]
        blocks.append((t["recos"], recos[:8] or [t["none"]], []))
    rows = [[t["version"], t["offer"], t["score"]]]
    rows += [[p.version_label, p.offer_title, f"{p.score:.1f}"] for p in r.progress]
    blocks.append((t["progress"], [] if r.progress else [t["none"]],
                   rows if r.progress else []))
    rows = [[t["company"], t["position"], t["applied"], t["stage"], t["verdict"]]]
    rows += [[a.company, a.position, a.applied_on.isoformat(), a.stage,
              (a.diagnosis or {}).get("verdict", "")] for a in r.applications]
    blocks.append((t["apps"], [] if r.applications else [t["none"]],
                   rows if r.applications else []))
    rows = [[t["due"], t["todo"], t["company"]]]
    rows += [[f.due_on.isoformat(), kinds.get(f.kind, f.kind), f.company] for f in r.next_steps]
    blocks.append((t["next"], [] if r.next_steps else [t["none"]],
                   rows if r.next_steps else []))
    return blocks


def report_to_docx(report: SessionReport) -> bytes:
    """The session report as a Word document (python-docx)."""
    from docx import Document

    document = Document()
    document.add_heading(f"{_T[report.lang]['title']} — {report.candidate.name}", level=0)
    document.add_paragraph(report.day.isoformat())
    for heading, paragraphs, rows in _sections(report):
        document.add_heading(heading, level=1)
        for text in paragraphs:
            document.add_paragraph(text)
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_to_html(report: SessionReport) -> str:
    """The session report as a standalone HTML page; every user text is escaped."""
    title = f"{_T[report.lang]['title']} — {report.candidate.name}"
    parts = [f"<!doctype html><html lang=\"{report.lang}\"><head><meta charset=\"utf-8\">"
             f"<title>{escape(title)}</title><style>body{{font-family:sans-serif;"
             "max-width:60em;margin:2em auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.3em .6em}</style></head><body>",
             f"<h1>{escape(title)}</h1><p>{report.day.isoformat()}</p>"]
    for heading, paragraphs, rows in _sections(report):
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.extend(f"<p>{escape(text)}</p>" for text in paragraphs)
        if rows:
            head = "".join(f"<th>{escape(c)}</th>" for c in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                           for row in rows[1:])
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)
