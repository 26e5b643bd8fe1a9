"""Renders a `MatchReport` in the app: score, components, requirements, texts, downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from app_pages import render, services
from app_pages.i18n import label_of, t
from app_pages.render import md_escape

# Table cells show plain text: symbols every text font has, not colour emoji that a machine
# without an emoji font draws as empty boxes.
STATUS_ICON = {"matched": "✓", "partial": "◐", "missing": "✗"}
# Markdown lines use the Material icons Streamlit ships with its front end (no network, no font).
CHECK_ICON = {"pass": ":green[:material/check_circle:]", "warn": ":orange[:material/warning:]",
              "fail": ":red[:material/cancel:]"}
WARNING_ICON = ":orange[:material/warning:]"
TOP_RECS = 5


def _requirement_status(report: Any) -> dict[str, str]:
    """Map each requirement id (and label, lower-cased) to its status, for highlighting."""
    out: dict[str, str] = {}
    for req in report.requirements:
        out[req.id] = req.status
        out.setdefault(req.label.lower(), req.status)
    return out


def _spans(profile: Any, statuses: dict[str, str], *, is_cv: bool) -> list[render.Span]:
    """Highlight spans for a profile's skill mentions, coloured by requirement status."""
    spans: list[render.Span] = []
    if profile is None:
        return spans
    for m in profile.mentions:
        status = statuses.get(m.skill_id) or statuses.get(m.label.lower()) or "other"
        if is_cv and status == "missing":
            status = "partial"  # the CV mentions it, so it cannot be wholly missing
        css = f"{status} soft" if m.kind == "soft" else status
        kind = label_of("kind", m.kind)
        title = f"{m.label} · {kind}" + (
            f" · {label_of('status', status)}" if status != "other" else "")
        spans.append(render.Span(m.start, m.end, css, title))
    return spans


def render_score(report: Any, key: tuple[str, str], delta: float | None) -> None:
    """The headline row: gauge, score metric with band and summary, download buttons."""
    band = render.score_band(report.score)
    required_missing = len(report.missing_required())
    matched = sum(1 for r in report.requirements if r.status == "matched")
    col_gauge, col_metric, col_dl = st.columns([1.1, 1.6, 1.2], gap="medium")
    with col_gauge:
        st.markdown(render.gauge_svg(report.score, t("score.label")), unsafe_allow_html=True)
    with col_metric:
        st.metric(t("score.label"), f"{report.score:.0f} / 100",
                  delta=None if delta is None else f"{delta:+.1f}",
                  help=t("score.delta_help") if delta is not None else None)
        st.markdown(render.band_badge(band, t(f"score.band.{band}")), unsafe_allow_html=True)
        st.caption(t("score.summary", matched=matched, total=len(report.requirements),
                     missing=required_missing))
        caps = [label_of("kind", c) for c in getattr(report, "caps", ()) or ()]
        if caps:
            st.caption(t("score.capped", what=", ".join(caps)))
        st.caption(t("analyse.languages", cv=label_of("lang", report.cv_language),
                     offer=label_of("lang", report.offer_language)))
    with col_dl:
        render_downloads(report, key)


def render_downloads(report: Any, key: tuple[str, str]) -> None:
    """HTML, DOCX and JSON download buttons for the report of (cv sha256, offer sha256)."""
    exports = services.report_exports(key[0], key[1], report)
    stem = Path(report.cv.source).stem if report.cv is not None else "cv"
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem) or "cv"
    specs = (
        ("html", "dl.html", "text/html", ":material/description:"),
        ("docx", "dl.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ":material/article:"),
        ("json", "dl.json", "application/json", ":material/data_object:"),
    )
    for fmt, label_key, mime, icon in specs:
        data = exports.get(fmt)
        if isinstance(data, bytes):
            st.download_button(t(label_key), data, icon=icon,
                               file_name=f"cvscope-{stem}.{fmt}", mime=mime,
                               key=f"dl_{fmt}", width="stretch")
        else:
            st.caption(t("dl.unavailable", message=str(data)))


def render_components(report: Any) -> None:
    """One labelled bar per score component (0-1)."""
    st.subheader(t("components.title"))
    weights = getattr(report, "weights", None) or {}
    skipped = []
    for name, value in report.components.items():
        weight = weights.get(name)
        if value is None or weight == 0:
            skipped.append(label_of("component", name))
            continue
        value = max(0.0, min(1.0, float(value)))
        share = f" · {t('components.weight', w=f'{weight * 100:.0f}')}" if weight else ""
        st.progress(value, text=f"**{label_of('component', name)}** — {value * 100:.0f} %{share}")
    if skipped:
        st.caption(t("components.skipped", names=", ".join(skipped)))


def render_recommendations(report: Any) -> None:
    """Numbered recommendations with their expected gain."""
    st.subheader(t("recs.title"))
    if not report.recommendations:
        st.success(t("recs.none"))
        return
    ordered = sorted(report.recommendations, key=lambda r: r.priority)
    # Messages state their own expected gain. They quote the offer's and the CV's words, so
    # Markdown is escaped too: a pasted "![x](https://...)" must not become a remote image.
    st.markdown("\n".join(f"{i}. {md_escape(rec.message)}"
                           for i, rec in enumerate(ordered[:TOP_RECS], 1)))
    if len(ordered) > TOP_RECS:
        with st.expander(t("recs.more", n=len(ordered) - TOP_RECS)):
            st.markdown("\n".join(f"{i}. {md_escape(rec.message)}"
                                   for i, rec in enumerate(ordered[TOP_RECS:], TOP_RECS + 1)))


def render_checks(report: Any) -> None:
    """ATS checks, then the warnings raised while reading the CV."""
    st.subheader(t("checks.title"))
    if not report.checks:
        st.caption(t("checks.none"))
    for check in report.checks:
        st.markdown(f"{CHECK_ICON.get(check.status, '•')} **{label_of('check', check.status)}** "
                    f"— {md_escape(check.message)}")
    warnings = list(report.cv.warnings) if report.cv is not None else []
    if warnings:
        st.caption(t("warnings.title"))
        for warning in warnings:
            st.markdown(f"{WARNING_ICON} {md_escape(warning.message)}")


def requirement_rows(report: Any, only_missing: bool = False) -> list[dict[str, str]]:
    """The requirement table's rows, translated for display."""
    rows = []
    for req in report.requirements:
        if only_missing and req.status == "matched":
            continue
        rows.append({
            t("req.col.status"): f"{STATUS_ICON.get(req.status, '')} "
                                 f"{label_of('status', req.status)}",
            t("req.col.label"): req.label,
            t("req.col.kind"): label_of("kind", req.kind),
            t("req.col.importance"): label_of("importance", req.importance),
            t("req.col.how"): label_of("how", req.how) if req.how else "—",
            t("req.col.evidence"): req.evidence or "—",
            t("req.col.offer_text"): req.offer_text or "—",
        })
    return rows


def render_requirements(report: Any) -> None:
    """The requirement table (matched/partial/missing, how, evidence)."""
    if not report.requirements:
        st.info(t("req.empty"))
        return
    only_missing = st.toggle(t("req.only_missing"), key="req_only_missing")
    rows = requirement_rows(report, only_missing)
    st.dataframe(rows, hide_index=True, width="stretch",
                 column_config={t("req.col.evidence"): st.column_config.TextColumn(width="large")})


def render_texts(report: Any) -> None:
    """CV and offer texts side by side, skills highlighted (escaped HTML)."""
    statuses = _requirement_status(report)
    st.caption(t("texts.legend"))
    col_cv, col_offer = st.columns(2, gap="medium")
    for col, doc, profile, is_cv, title in (
        (col_cv, report.cv, report.cv_profile, True, t("texts.cv")),
        (col_offer, report.offer, report.offer_profile, False, t("texts.offer")),
    ):
        with col:
            st.markdown(f"**{title}**")
            if doc is None:
                st.caption(t("texts.none"))
                continue
            spans = _spans(profile, statuses, is_cv=is_cv)
            st.html(render.highlight_html(doc.text, spans))


def render_report(report: Any, key: tuple[str, str], delta: float | None = None) -> None:
    """The whole analysis: headline, then tabs for overview, requirements and texts."""
    render_score(report, key, delta)
    overview, requirements, texts = st.tabs(
        [t("tab.overview"), t("tab.requirements"), t("tab.texts")])
    with overview:
        left, right = st.columns([1, 1.3], gap="large")
        with left:
            render_components(report)
        with right:
            render_recommendations(report)
            render_checks(report)
    with requirements:
        render_requirements(report)
    with texts:
        render_texts(report)
