"""What the record store hands out and takes in: frozen dataclasses, never SQLAlchemy objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from azodesk.domain.case import Case

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list: ``items`` from ``offset``, ``total`` in the whole list."""

    items: tuple[T, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


@dataclass(frozen=True, slots=True)
class CounselorRecord:
    id: int
    username: str
    display_name: str
    active: bool
    created_at: dt.datetime
    #: ``"admin"`` or ``"counselor"`` (revision 0003)
    role: str = "counselor"
    #: Whether the counselor can sign in (a password is set); never the password or its hash.
    has_account: bool = False
    password_changed_at: dt.datetime | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True, slots=True)
class CoupleDetails:
    """A couple's identity as entered (input of ``create_couple`` / ``update_couple``)."""

    male_name: str | None = None
    female_name: str | None = None
    record_number: str | None = None
    male_birth_date: dt.date | None = None
    female_birth_date: dt.date | None = None
    contact: str | None = None
    handout_language: str = "id"


@dataclass(frozen=True, slots=True)
class CoupleRecord:
    id: int
    details: CoupleDetails
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None
    deleted_by: int | None = None
    deleted_reason: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True, slots=True)
class CoupleSummary:
    """One line of a couple list."""

    id: int
    record_number: str | None
    male_name: str | None
    female_name: str | None
    created_at: dt.datetime
    consultation_count: int
    last_consultation_date: dt.date | None


@dataclass(frozen=True, slots=True)
class ConsultationRecord:
    id: int
    couple_id: int
    counselor_id: int | None
    consultation_date: dt.date
    status: str  # "draft" | "signed"
    #: The stored case file parsed back (``None`` only if a later AzoDesk can no longer read it).
    case: Case | None
    #: The stored case file as JSON (``case_to_json`` of what was entered).
    case_document: dict[str, Any]
    assessment_record: dict[str, Any]
    ruleset_version: str
    notes: str
    chosen_plan: tuple[str, ...]
    discussed_steps: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    signed_at: dt.datetime | None
    signed_by: int | None

    @property
    def signed(self) -> bool:
        return self.status == "signed"


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: int
    consultation_id: int
    version: int
    language: str
    sha256: str
    created_at: dt.datetime
    created_by: int | None
    signed_at: dt.datetime | None
    signed_by: int | None
    pdf: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.pdf)


@dataclass(frozen=True, slots=True)
class AddendumRecord:
    id: int
    consultation_id: int
    document_id: int | None
    reason: str
    text: str
    author_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor: str | None
    action: str
    entity: str
    entity_id: int | None
    fields: tuple[str, ...]
    before_sha256: str | None
    after_sha256: str | None
    prev_hash: str
    entry_hash: str
    #: A short note (why a sign-in failed, where an export went, …); ``None`` on older entries.
    detail: str | None = None
    #: The counselor behind ``actor`` (``"counselor:<id>"``), looked up when the entry is read.
    actor_username: str | None = None
    actor_name: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedCase:
    """One case file stored by ``import_cases``."""

    consultation: ConsultationRecord
    couple_id: int
    couple_created: bool
