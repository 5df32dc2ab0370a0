"""The record store's tables as SQLAlchemy 2 typed models.

Nothing here leaves the storage package: :mod:`azodesk.storage.service` turns rows into the frozen
records of :mod:`azodesk.storage.records`. The migrations in ``db/versions`` create exactly these
tables (a test compares them) plus what the models cannot express: the triggers that make signed
consultations, documents, addenda and the audit log final, and the FTS5 table ``couple_search``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

LANGUAGES = ("en", "id")
STATUSES = ("draft", "signed")
ROLES = ("admin", "counselor")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime, stored as naive UTC text (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the record store; expected an aware one")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None,
                             dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime, dt.date: Date, dict[str, Any]: JSON,
                           list[str]: JSON}


class Counselor(Base):
    """A counselor; an *account* once ``password_hash`` is set (revision 0003).

    ``password_hash`` is an argon2id hash (``azodesk.security.passwords``), never the password.
    ``failed_attempts`` and ``last_failed_at`` drive the sign-in throttle
    (``azodesk.security.throttle``); a correct password resets them.
    """

    __tablename__ = "counselors"
    __table_args__ = (CheckConstraint("role IN ('admin', 'counselor')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("1"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="counselor", server_default="counselor")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    last_failed_at: Mapped[dt.datetime | None]
    password_changed_at: Mapped[dt.datetime | None]


class Clinic(Base):
    """The clinic this database belongs to: one row (``id = 1``), written by the first setup."""

    __tablename__ = "clinic"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("idle_lock_minutes BETWEEN 1 AND 240", name="idle_lock_minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(200), default="", server_default="")
    jurisdiction: Mapped[str] = mapped_column(String(8), default="ID", server_default="ID")
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=5, server_default=text("5"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class Couple(Base):
    __tablename__ = "couples"
    __table_args__ = (
        CheckConstraint("handout_language IN ('en', 'id')", name="handout_language"),
        # A record number names one living couple; a soft-deleted couple frees its number.
        Index("uq_couples_record_number_active", "record_number", unique=True,
              sqlite_where=text("record_number IS NOT NULL AND deleted_at IS NULL")),
        # Living couples newest first, with their search text: the couple list and its count,
        # and the scan for one- and two-character searches, read this index only.
        Index("ix_couples_living", "id", "search_text", sqlite_where=text("deleted_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    record_number: Mapped[str | None] = mapped_column(String(64))
    male_name: Mapped[str | None] = mapped_column(String(200))
    male_birth_date: Mapped[dt.date | None]
    female_name: Mapped[str | None] = mapped_column(String(200))
    female_birth_date: Mapped[dt.date | None]
    contact: Mapped[str | None] = mapped_column(Text)
    handout_language: Mapped[str] = mapped_column(String(2), default="id", server_default="id")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    deleted_at: Mapped[dt.datetime | None]
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("counselors.id"))
    deleted_reason: Mapped[str | None] = mapped_column(Text)
    #: Both names and the record number, folded (see ``search.fold``); the FTS5 table
    #: ``couple_search`` is kept in step with it by triggers (revision 0002).
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class Consultation(Base):
    __tablename__ = "consultations"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'signed')", name="status"),
        CheckConstraint("(status = 'signed') = (signed_at IS NOT NULL)", name="signed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    couple_id: Mapped[int] = mapped_column(ForeignKey("couples.id"), index=True)
    counselor_id: Mapped[int | None] = mapped_column(ForeignKey("counselors.id"))
    consultation_date: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(8), default="draft", server_default="draft")
    #: The case file as entered (``case_to_json``), JSON text.
    case_json: Mapped[str] = mapped_column(Text)
    #: ``assessment_to_record`` as zlib-compressed UTF-8 JSON (about a quarter of the text).
    assessment_json_z: Mapped[bytes] = mapped_column(LargeBinary)
    ruleset_version: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    chosen_plan: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    discussed_steps: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    signed_at: Mapped[dt.datetime | None]
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("counselors.id"))


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("consultation_id", "version"),
        CheckConstraint("version >= 1", name="version"),
        CheckConstraint("language IN ('en', 'id')", name="language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(2))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("counselors.id"))
    signed_at: Mapped[dt.datetime | None]
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("counselors.id"))


class Addendum(Base):
    __tablename__ = "addenda"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    reason: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("counselors.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class AuditEntry(Base):
    """One line of the append-only audit log; ``entry_hash`` chains it to the line before."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    actor: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None]
    fields: Mapped[list[str]] = mapped_column(default=list)
    before_sha256: Mapped[str | None] = mapped_column(String(64))
    after_sha256: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: A short human-readable note (revision 0003), e.g. why a sign-in failed or where an export
    #: went; part of the entry's hash when present. Never a password or other secret.
    detail: Mapped[str | None] = mapped_column(Text)
