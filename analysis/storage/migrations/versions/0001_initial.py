"""Initial schema: coaching candidates, CV versions, offers, analyses, applications, pool.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_columns() -> list[sa.Column]:
    return [
        sa.Column("filename", sa.String(255), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("extraction", sa.JSON(), nullable=True),
        sa.Column("extraction_version", sa.String(80), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    """Create the first tables."""
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("target_role", sa.String(200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
    )
    op.create_table(
        "cv_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        *_doc_columns(),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], ondelete="CASCADE",
                                name=op.f("fk_cv_versions_candidate_id_candidates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv_versions")),
    )
    op.create_index(op.f("ix_cv_versions_candidate_id"), "cv_versions", ["candidate_id"])
    op.create_table(
        "offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("company", sa.String(200), nullable=True),
        *_doc_columns(),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], ondelete="CASCADE",
                                name=op.f("fk_offers_candidate_id_candidates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
    )
    op.create_index(op.f("ix_offers_candidate_id"), "offers", ["candidate_id"])
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cv_version_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("scoring_version", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cv_version_id"], ["cv_versions.id"], ondelete="CASCADE",
                                name=op.f("fk_analyses_cv_version_id_cv_versions")),
        sa.ForeignKeyConstraint(["offer_id"], ["offers.id"], ondelete="CASCADE",
                                name=op.f("fk_analyses_offer_id_offers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analyses")),
        sa.UniqueConstraint("cv_version_id", "offer_id", "scoring_version",
                            name=op.f("uq_analyses_cv_version_id")),
    )
    op.create_index(op.f("ix_analyses_cv_version_id"), "analyses", ["cv_version_id"])
    op.create_index(op.f("ix_analyses_offer_id"), "analyses", ["offer_id"])
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("cv_version_id", sa.Integer(), nullable=True),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("position", sa.String(200), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("interviews", sa.Integer(), nullable=False),
        sa.Column("diagnosis", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], ondelete="CASCADE",
                                name=op.f("fk_applications_candidate_id_candidates")),
        sa.ForeignKeyConstraint(["offer_id"], ["offers.id"], ondelete="SET NULL",
                                name=op.f("fk_applications_offer_id_offers")),
        sa.ForeignKeyConstraint(["cv_version_id"], ["cv_versions.id"], ondelete="SET NULL",
                                name=op.f("fk_applications_cv_version_id_cv_versions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
    )
    op.create_index(op.f("ix_applications_candidate_id"), "applications", ["candidate_id"])
    op.create_table(
        "pool_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("phone", sa.String(60), nullable=True),
        sa.Column("position", sa.String(200), nullable=True),
        sa.Column("stage", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("role_level", sa.String(20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("contact_channel", sa.String(10), nullable=False),
        sa.Column("rejected_on", sa.Date(), nullable=False),
        sa.Column("cv_filename", sa.String(255), nullable=True),
        sa.Column("cv_content", sa.LargeBinary(), nullable=True),
        sa.Column("cv_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool_candidates")),
    )
    op.create_index(op.f("ix_pool_candidates_rejected_on"), "pool_candidates", ["rejected_on"])


def downgrade() -> None:
    """Drop every table."""
    for table in ("pool_candidates", "applications", "analyses", "offers", "cv_versions",
                  "candidates"):
        op.drop_table(table)
