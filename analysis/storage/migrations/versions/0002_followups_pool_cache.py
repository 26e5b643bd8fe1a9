"""Follow-ups, recruiter messages, settings; pool: cached extraction, old gaps, contact flags.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Notes written before 0002 that say the person must not be contacted become the new flag.
_DO_NOT_CONTACT = ("%do not contact%", "%ne pas contacter%", "%ne plus contacter%",
                   "%ne pas recontacter%", "%ne plus recontacter%")


def upgrade() -> None:
    """Add the follow-up tables and the pool columns; carry the old notes' wishes over."""
    op.create_table(
        "recruiter_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE",
                                name=op.f("fk_recruiter_messages_application_id_applications")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recruiter_messages")),
    )
    op.create_index(op.f("ix_recruiter_messages_application_id"), "recruiter_messages",
                    ["application_id"])
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE",
                                name=op.f("fk_followups_application_id_applications")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followups")),
    )
    op.create_index(op.f("ix_followups_application_id"), "followups", ["application_id"])
    op.create_index(op.f("ix_followups_due_on"), "followups", ["due_on"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    with op.batch_alter_table("pool_candidates") as batch:
        batch.add_column(sa.Column("extraction", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("extraction_version", sa.String(80), nullable=True))
        batch.add_column(sa.Column("old_gaps", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("do_not_contact", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("reacted_badly", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    pool = sa.table("pool_candidates", sa.column("note", sa.Text),
                    sa.column("do_not_contact", sa.Boolean))
    note = sa.func.lower(sa.func.coalesce(pool.c.note, ""))
    op.execute(pool.update()
               .where(sa.or_(*(note.like(pattern) for pattern in _DO_NOT_CONTACT)))
               .values(do_not_contact=sa.true()))


def downgrade() -> None:
    """Drop what 0002 added (the cached extractions are rebuilt on the next match)."""
    with op.batch_alter_table("pool_candidates") as batch:
        for column in ("reacted_badly", "do_not_contact", "old_gaps", "extraction_version",
                       "extraction"):
            batch.drop_column(column)
    op.drop_table("settings")
    op.drop_table("followups")
    op.drop_table("recruiter_messages")
