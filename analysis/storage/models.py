"""SQLAlchemy 2 models: the coaching workspace and the recruiter talent pool (head schema).

The Alembic revisions in `migrations/versions/` build exactly this schema; a test compares them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so Alembic's SQLite batch mode can rebuild tables reliably.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current UTC time, naive (stored the same way in SQLite and PostgreSQL)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base of every CVScope table."""

    metadata = MetaData(naming_convention=NAMING)


class Candidate(Base):
    """A person coached: their CV versions, target offers and applications."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    target_role: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    cv_versions: Mapped[list[CvVersion]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True,
        order_by="CvVersion.created_at, CvVersion.id")
    offers: Mapped[list[Offer]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Offer.id")
    applications: Mapped[list[Application]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Application.applied_on, Application.id")


class StoredDocument:
    """Columns of a stored CV or offer: the file, its text and its cached extraction."""

    filename: Mapped[str | None] = mapped_column(String(255))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(8))
    extraction: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    extraction_version: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CvVersion(StoredDocument, Base):
    """One version of a candidate's CV: the file itself, its text and its cached extraction."""

    __tablename__ = "cv_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100))

    candidate: Mapped[Candidate] = relationship(back_populates="cv_versions")


class Offer(StoredDocument, Base):
    """A job offer, a coached candidate's target (or stand-alone when `candidate_id` is null)."""

    __tablename__ = "offers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    company: Mapped[str | None] = mapped_column(String(200))

    candidate: Mapped[Candidate | None] = relationship(back_populates="offers")


class Analysis(Base):
    """The match of one CV version with one offer, cached per scoring version."""

    __tablename__ = "analyses"
    __table_args__ = (UniqueConstraint("cv_version_id", "offer_id", "scoring_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cv_version_id: Mapped[int] = mapped_column(
        ForeignKey("cv_versions.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    scoring_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Application(Base):
    """A job application: where, when, how far it went, the answers and the diagnosis."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id", ondelete="SET NULL"))
    cv_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("cv_versions.id", ondelete="SET NULL"))
    company: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200))
    applied_on: Mapped[date] = mapped_column(Date)
    stage: Mapped[str] = mapped_column(String(40), default="applied")
    answered_on: Mapped[date | None] = mapped_column(Date)
    interviews: Mapped[int] = mapped_column(Integer, default=0)
    diagnosis: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    messages: Mapped[list[RecruiterMessage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True,
        order_by="RecruiterMessage.received_on, RecruiterMessage.id")
    followups: Mapped[list[Followup]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True,
        order_by="Followup.due_on, Followup.id")


class RecruiterMessage(Base):
    """A message received from (or about) a recruiter for one application."""

    __tablename__ = "recruiter_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Followup(Base):
    """A message to send on a given date (thank-you, relaunch, re-contact); done when sent."""

    __tablename__ = "followups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PoolCandidate(Base):
    """A rejected candidate kept in a recruiter's talent pool, with the cached CV extraction."""

    __tablename__ = "pool_candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    position: Mapped[str | None] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(20))
    role_level: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    contact_channel: Mapped[str] = mapped_column(String(10), default="email")
    rejected_on: Mapped[date] = mapped_column(Date, index=True)
    cv_filename: Mapped[str | None] = mapped_column(String(255))
    cv_content: Mapped[bytes | None] = mapped_column(LargeBinary)
    cv_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # added by revision 0002
    extraction: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    extraction_version: Mapped[str | None] = mapped_column(String(80))
    old_gaps: Mapped[list[str] | None] = mapped_column(JSON)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    reacted_badly: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Setting(Base):
    """A key/value setting of the workspace (e.g. the pool retention in months)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
