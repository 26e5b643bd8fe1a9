"""Coaching workspace: candidates, CV versions, target offers, applications, progress, reports."""

from __future__ import annotations

from analysis.coaching.progress import (
    ScorePoint,
    SkillsDiff,
    analyse,
    latest_report,
    score_history,
    skills_diff,
)
from analysis.coaching.report import (
    SessionReport,
    report_to_docx,
    report_to_html,
    session_report,
)
from analysis.coaching.todo import FollowupItem, followups, mark_done, plan
from analysis.coaching.workspace import (
    REJECTED_STAGES,
    STAGES,
    ApplicationInfo,
    CandidateInfo,
    VersionInfo,
    add_application,
    add_candidate,
    add_cv_version,
    add_offer,
    applications,
    cv_versions,
    delete_candidate,
    list_candidates,
    offers,
    update_application,
)

__all__ = [
    "REJECTED_STAGES",
    "STAGES",
    "ApplicationInfo",
    "CandidateInfo",
    "FollowupItem",
    "ScorePoint",
    "SessionReport",
    "SkillsDiff",
    "VersionInfo",
    "add_application",
    "add_candidate",
    "add_cv_version",
    "add_offer",
    "analyse",
    "applications",
    "cv_versions",
    "delete_candidate",
    "followups",
    "latest_report",
    "list_candidates",
    "mark_done",
    "offers",
    "plan",
    "report_to_docx",
    "report_to_html",
    "score_history",
    "session_report",
    "skills_diff",
    "update_application",
]
