"""``RecordStore``: the one API the UI and the command line use to read and write records.

Every method opens its own transaction; every write appends audit entries in that same
transaction. Inputs are checked (:mod:`azodesk.storage.validation`) before any SQL runs, and a
signed consultation is refused with :class:`RecordLockedError` before any UPDATE is attempted;
the triggers of the schema are the second line of defence. Callers get frozen records
(:mod:`azodesk.storage.records`), never SQLAlchemy objects.

Errors (all :class:`~azodesk.storage.errors.StorageError`): ``InvalidInputError`` (also a
``ValueError``; the message starts with the field), ``NotFoundError``, ``RecordLockedError``,
``InvalidStateError``, ``DuplicateRecordNumberError`` and ``DatabaseBusyError``. A store may be
used from several threads; each call is its own transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from azodesk.domain.case import Case
from azodesk.domain.knowledge import Knowledge
from azodesk.storage import audit, audit_view, cases, convert, validation
from azodesk.storage.database import Database, open_database
from azodesk.storage.errors import (
    DuplicateRecordNumberError,
    InvalidInputError,
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    RecordLockedError,
)
from azodesk.storage.models import (
    Addendum,
    Consultation,
    Counselor,
    Couple,
    Document,
    utc_now,
)
from azodesk.storage.records import (
    AddendumRecord,
    AuditRecord,
    ConsultationRecord,
    CounselorRecord,
    CoupleDetails,
    CoupleRecord,
    CoupleSummary,
    DocumentRecord,
    ImportedCase,
    Page,
)
from azodesk.storage.search import find_page, parse_query, search_text

Actor = int | str | None
MAX_PAGE = 500
DETAIL_MAX = 500
_FINAL_MESSAGES = ("is final", "are final", "append-only", "soft-deleted", "not deleted")


class RecordStore:
    """Records of one database, written on behalf of ``actor``.

    ``actor`` is the signed-in counselor's id (also the default counselor, signer and author of
    what this store writes) or a name such as ``"cli"``; ``None`` for a headless first setup.
    """

    def __init__(self, database: Database, actor: Actor = None, *,
                 knowledge: Knowledge | None = None) -> None:
        self.database = database
        self.actor = actor
        self._knowledge = knowledge

    @classmethod
    def open(cls, path: Path | str | None = None, actor: Actor = None) -> RecordStore:
        return cls(open_database(path), actor)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------- plumbing

    @property
    def _actor_text(self) -> str | None:
        return f"counselor:{self.actor}" if isinstance(self.actor, int) else self.actor

    @property
    def _actor_id(self) -> int | None:
        return self.actor if isinstance(self.actor, int) else None

    @contextmanager
    def _write(self) -> Iterator[Session]:
        try:
            with self.database.write() as session:
                yield session
        except IntegrityError as error:
            message = str(error.orig)
            if any(part in message for part in _FINAL_MESSAGES):
                raise RecordLockedError(f"refused by the database: {message}") from error
            if "record_number" in message:
                raise DuplicateRecordNumberError(
                    "record_number: another couple already has this record number") from error
            raise

    def _audit(self, session: Session, action: str, entity: str, row: Any,
               before: dict[str, Any] | None, detail: str | None = None) -> None:
        after = audit.snapshot(row)
        audit.append(session, actor=self._actor_text, action=action, entity=entity,
                     entity_id=row.id, fields=audit.changed_fields(before, after),
                     before=before, after=after, detail=detail)

    @staticmethod
    def _get(session: Session, model: type[Any], key: int, what: str) -> Any:
        row = session.get(model, key) if isinstance(key, int) else None
        if row is None:
            raise NotFoundError(f"no {what} with id {key!r}")
        return row

    def _living_couple(self, session: Session, couple_id: int) -> Couple:
        row: Couple = self._get(session, Couple, couple_id, "couple")
        if row.deleted_at is not None:
            raise NotFoundError(f"couple {couple_id} was deleted")
        return row

    def _draft(self, session: Session, consultation_id: int) -> Consultation:
        row: Consultation = self._get(session, Consultation, consultation_id, "consultation")
        if row.status == "signed":
            raise RecordLockedError(
                f"consultation {consultation_id} is signed and final; add an addendum instead")
        return row

    def _counselor_id(self, session: Session, value: int | None, field: str) -> int | None:
        chosen = value if value is not None else self._actor_id
        if chosen is not None:
            self._get(session, Counselor, chosen, f"counselor ({field})")
        return chosen

    # ----------------------------------------------------------------------- counselors

    def add_counselor(self, username: str, display_name: str) -> CounselorRecord:
        """A counselor without an account (no password): only before the clinic has accounts
        (headless first use, tests); afterwards ``AccountService.add_counselor``."""
        name = validation.text("username", username, max_length=validation.USERNAME_MAX,
                               required=True)
        shown = validation.text("display_name", display_name, max_length=validation.NAME_MAX,
                                required=True)
        with self._write() as s:
            if s.scalar(select(Counselor.id).where(Counselor.password_hash.is_not(None))
                        .limit(1)) is not None:
                raise PermissionDeniedError(
                    "this clinic has counselor accounts: the administrator adds counselors "
                    "(AccountService.add_counselor, azodesk counselor add)")
            if s.scalar(select(Counselor.id).where(Counselor.username == name)) is not None:
                raise InvalidInputError(f"username: {name!r} is already taken")
            row = Counselor(username=name, display_name=shown)
            s.add(row)
            s.flush()
            self._audit(s, "create", "counselor", row, None)
            return convert.counselor(row)

    def get_counselor(self, counselor_id: int) -> CounselorRecord:
        with self.database.read() as s:
            return convert.counselor(self._get(s, Counselor, counselor_id, "counselor"))

    def list_counselors(self) -> tuple[CounselorRecord, ...]:
        with self.database.read() as s:
            rows = s.scalars(select(Counselor).order_by(Counselor.id)).all()
            return tuple(convert.counselor(r) for r in rows)

    # ----------------------------------------------------------------------- couples

    @staticmethod
    def _checked_details(details: CoupleDetails) -> CoupleDetails:
        if not isinstance(details, CoupleDetails):
            raise InvalidInputError(
                f"details: expected CoupleDetails, got {type(details).__name__}")
        name, number = validation.NAME_MAX, validation.RECORD_NUMBER_MAX
        checked = CoupleDetails(
            male_name=validation.text("male_name", details.male_name, max_length=name),
            female_name=validation.text("female_name", details.female_name, max_length=name),
            record_number=validation.text("record_number", details.record_number,
                                          max_length=number),
            male_birth_date=validation.birth_date("male_birth_date", details.male_birth_date),
            female_birth_date=validation.birth_date("female_birth_date",
                                                    details.female_birth_date),
            contact=validation.text("contact", details.contact,
                                    max_length=validation.CONTACT_MAX, multiline=True),
            handout_language=validation.language("handout_language", details.handout_language),
        )
        return checked

    @staticmethod
    def _check_record_number(session: Session, number: str | None, own_id: int | None) -> None:
        if number is None:
            return
        other = session.scalar(select(Couple.id).where(
            Couple.record_number == number, Couple.deleted_at.is_(None),
            Couple.id != (own_id or 0)))
        if other is not None:
            raise DuplicateRecordNumberError(
                f"record_number: {number!r} already belongs to couple {other}")

    @staticmethod
    def _apply(row: Couple, details: CoupleDetails) -> None:
        for field in dataclasses.fields(CoupleDetails):
            setattr(row, field.name, getattr(details, field.name))
        row.search_text = search_text(details.male_name, details.female_name,
                                      details.record_number)

    def _insert_couple(self, s: Session, details: CoupleDetails) -> Couple:
        self._check_record_number(s, details.record_number, None)
        row = Couple()
        self._apply(row, details)
        s.add(row)
        s.flush()
        self._audit(s, "create", "couple", row, None)
        return row

    def create_couple(self, details: CoupleDetails) -> CoupleRecord:
        checked = self._checked_details(details)
        with self._write() as s:
            return convert.couple(self._insert_couple(s, checked))

    def update_couple(self, couple_id: int, details: CoupleDetails) -> CoupleRecord:
        checked = self._checked_details(details)
        with self._write() as s:
            row = self._living_couple(s, couple_id)
            self._check_record_number(s, checked.record_number, row.id)
            before = audit.snapshot(row)
            self._apply(row, checked)
            if audit.changed_fields(before, audit.snapshot(row)):
                row.updated_at = utc_now()
                s.flush()
                self._audit(s, "update", "couple", row, before)
            return convert.couple(row)

    def get_couple(self, couple_id: int, *, include_deleted: bool = False) -> CoupleRecord:
        with self.database.read() as s:
            row = self._get(s, Couple, couple_id, "couple")
            if row.deleted_at is not None and not include_deleted:
                raise NotFoundError(f"couple {couple_id} was deleted")
            return convert.couple(row)

    def delete_couple(self, couple_id: int, reason: str) -> CoupleRecord:
        """Soft delete: the couple leaves lists and search; its records stay, audited."""
        why = validation.text("reason", reason, max_length=validation.REASON_MAX,
                              multiline=True, required=True)
        with self._write() as s:
            row = self._living_couple(s, couple_id)
            deleted_by = self._counselor_id(s, None, "deleted_by")
            before = audit.snapshot(row)
            row.deleted_at, row.deleted_by, row.deleted_reason = utc_now(), deleted_by, why
            row.updated_at = row.deleted_at
            s.flush()
            self._audit(s, "delete", "couple", row, before)
            return convert.couple(row)

    def search_couples(self, query: str = "", offset: int = 0,
                       limit: int = 50) -> Page[CoupleSummary]:
        """Living couples whose names or record number contain every word of ``query``
        (any part of a word, accents and case ignored); all couples for an empty query.
        Newest first."""
        if not isinstance(query, str):
            raise InvalidInputError("query: expected text")
        offset, limit = max(0, int(offset)), max(1, min(int(limit), MAX_PAGE))
        parsed = parse_query(query)
        with self.database.read() as s:
            total, ids = find_page(s, parsed, offset, limit)
            rows = s.execute(_summary_select(ids)).all() if ids else []
        items = tuple(CoupleSummary(*row) for row in rows)
        return Page(items, total, offset, limit)

    # ----------------------------------------------------------------------- consultations

    def create_consultation(self, couple_id: int, case: Case,
                            counselor_id: int | None = None) -> ConsultationRecord:
        """Store ``case`` as a new draft consultation of the couple, with its assessment."""
        stored = cases.prepare(case, self._knowledge)
        with self._write() as s:
            self._living_couple(s, couple_id)
            return convert.consultation(
                self._insert_consultation(s, couple_id, stored, counselor_id))

    def _insert_consultation(self, s: Session, couple_id: int, stored: cases.StoredCase,
                             counselor_id: int | None) -> Consultation:
        row = Consultation(
            couple_id=couple_id, counselor_id=self._counselor_id(s, counselor_id, "counselor_id"),
            consultation_date=stored.consultation_date, status="draft",
            case_json=stored.case_json, assessment_json_z=stored.assessment_json_z,
            ruleset_version=stored.ruleset_version, notes="", chosen_plan=[],
            discussed_steps=[],
        )
        s.add(row)
        s.flush()
        self._audit(s, "create", "consultation", row, None)
        return row

    def save_draft(self, consultation_id: int, *, case: Case | None = None,
                   notes: str | None = None, chosen_plan: Sequence[str] | None = None,
                   discussed_steps: Sequence[str] | None = None) -> ConsultationRecord:
        """Autosave: change what is given, re-assess when the case changed, audit the fields
        that really changed (nothing is written when nothing changed)."""
        changes = self._draft_changes(notes, chosen_plan, discussed_steps)
        with self._write() as s:
            row = self._draft(s, consultation_id)
            before = audit.snapshot(row)
            if case is not None and cases.case_text(case) != row.case_json:
                stored = cases.prepare(case, self._knowledge, today=row.consultation_date)
                changes.update(case_json=stored.case_json, ruleset_version=stored.ruleset_version,
                               assessment_json_z=stored.assessment_json_z,
                               consultation_date=stored.consultation_date)
            for name, value in changes.items():
                setattr(row, name, value)
            if audit.changed_fields(before, audit.snapshot(row)):
                row.updated_at = utc_now()
                s.flush()
                self._audit(s, "update", "consultation", row, before)
            return convert.consultation(row)

    @staticmethod
    def _draft_changes(notes: str | None, chosen_plan: Sequence[str] | None,
                       discussed_steps: Sequence[str] | None) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        if notes is not None:
            changes["notes"] = validation.free_text("notes", notes,
                                                    max_length=validation.NOTES_MAX)
        if chosen_plan is not None:
            changes["chosen_plan"] = validation.step_ids("chosen_plan", chosen_plan)
        if discussed_steps is not None:
            changes["discussed_steps"] = validation.step_ids("discussed_steps", discussed_steps)
        return changes

    def get_consultation(self, consultation_id: int) -> ConsultationRecord:
        with self.database.read() as s:
            return convert.consultation(
                self._get(s, Consultation, consultation_id, "consultation"))

    def list_consultations(self, couple_id: int) -> tuple[ConsultationRecord, ...]:
        """The couple's consultations, newest first."""
        with self.database.read() as s:
            self._get(s, Couple, couple_id, "couple")
            rows = s.scalars(select(Consultation).where(Consultation.couple_id == couple_id)
                             .order_by(Consultation.consultation_date.desc(),
                                       Consultation.id.desc())).all()
            return tuple(convert.consultation(r) for r in rows)

    # ----------------------------------------------------------------------- signing, addenda

    def sign_consultation(self, consultation_id: int, *, pdf: bytes, language: str,
                          signed_by: int | None = None) -> DocumentRecord:
        """Mark the draft signed and store its summary as document version 1, atomically."""
        content = validation.pdf("pdf", pdf)
        lang = validation.language("language", language)
        with self._write() as s:
            row = self._draft(s, consultation_id)
            signer = self._counselor_id(s, signed_by, "signed_by")
            before = audit.snapshot(row)
            row.status, row.signed_at, row.signed_by = "signed", utc_now(), signer
            row.updated_at = row.signed_at
            s.flush()
            self._audit(s, "sign", "consultation", row, before)
            document = self._insert_document(s, row, content, lang, signer)
            return convert.document(document)

    def _insert_document(self, s: Session, consultation: Consultation, pdf: bytes,
                         language: str, signer: int | None) -> Document:
        latest = s.scalar(select(func.max(Document.version))
                          .where(Document.consultation_id == consultation.id))
        now = utc_now()
        row = Document(
            consultation_id=consultation.id, version=(latest or 0) + 1, language=language,
            pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest(), created_at=now, created_by=signer,
            signed_at=now, signed_by=signer,
        )
        s.add(row)
        s.flush()
        self._audit(s, "create", "document", row, None)
        return row

    def add_addendum(self, consultation_id: int, *, reason: str, text: str,
                     pdf: bytes | None = None, language: str | None = None,
                     author_id: int | None = None) -> AddendumRecord:
        """A change after signing: its reason and text, and the next document version when
        ``pdf`` (the updated summary) is given."""
        why = validation.text("reason", reason, max_length=validation.REASON_MAX,
                              multiline=True, required=True)
        body = validation.free_text("text", text, max_length=validation.ADDENDUM_MAX)
        content = None if pdf is None else validation.pdf("pdf", pdf)
        lang = None if pdf is None else validation.language("language", language)
        with self._write() as s:
            consultation = self._get(s, Consultation, consultation_id, "consultation")
            if consultation.status != "signed":
                raise InvalidStateError(f"consultation {consultation_id} is a draft: change it "
                                        f"directly; addenda are for signed consultations")
            author = self._counselor_id(s, author_id, "author_id")
            document = None
            if content is not None and lang is not None:
                document = self._insert_document(s, consultation, content, lang, author)
            row = Addendum(consultation_id=consultation_id, reason=why, text=body,
                           author_id=author, document_id=document.id if document else None)
            s.add(row)
            s.flush()
            self._audit(s, "create", "addendum", row, None)
            return convert.addendum(row)

    def list_addenda(self, consultation_id: int) -> tuple[AddendumRecord, ...]:
        with self.database.read() as s:
            rows = s.scalars(select(Addendum).where(Addendum.consultation_id == consultation_id)
                             .order_by(Addendum.id)).all()
            return tuple(convert.addendum(r) for r in rows)

    def list_documents(self, consultation_id: int) -> tuple[DocumentRecord, ...]:
        """The consultation's documents, version 1 first."""
        with self.database.read() as s:
            rows = s.scalars(select(Document).where(Document.consultation_id == consultation_id)
                             .order_by(Document.version)).all()
            return tuple(convert.document(r) for r in rows)

    def get_document(self, document_id: int) -> DocumentRecord:
        with self.database.read() as s:
            return convert.document(self._get(s, Document, document_id, "document"))

    def find_document_by_sha256(self, sha256: str) -> DocumentRecord | None:
        wanted = validation.sha256_hex("sha256", sha256)
        with self.database.read() as s:
            row = s.scalars(select(Document).where(Document.sha256 == wanted)
                            .order_by(Document.id).limit(1)).first()
            return convert.document(row) if row else None

    # ----------------------------------------------------------------------- audit

    def audit_entries(self, *, entity: str | None = None, entity_id: int | None = None,
                      actor: str | None = None, action: str | None = None,
                      since: dt.datetime | dt.date | None = None,
                      until: dt.datetime | dt.date | None = None,
                      offset: int = 0, limit: int = 100) -> Page[AuditRecord]:
        """Audit entries, newest first, filtered (see :mod:`azodesk.storage.audit_view`:
        ``actor`` is a user name or a stored actor text; dates are whole local days)."""
        offset, limit = max(0, int(offset)), max(1, min(int(limit), MAX_PAGE))
        where = audit_view.AuditFilter(actor, action, entity, entity_id, since, until)
        with self.database.read() as s:
            return audit_view.page(s, where, offset, limit)

    def export_audit_csv(self, target: str | os.PathLike[str] | IO[str],
                         where: audit_view.AuditFilter | None = None) -> int:
        """Write the matching entries, oldest first, as CSV to a path or a text stream; return
        how many. The export itself is audited (``export`` of ``audit_log``)."""
        chosen = where or audit_view.AuditFilter()
        with self.database.read() as s, audit_view.text_target(target) as stream:
            count = audit_view.write_csv(audit_view.iter_entries(s, chosen), stream)
        shown = str(target) if isinstance(target, (str, os.PathLike)) else "a stream"
        self.record_event("export", "audit_log", None,
                          detail=f"{count} audit entries as CSV to {shown}"[:DETAIL_MAX])
        return count

    # ----------------------------------------------------------------------- events

    def record_event(self, action: str, entity: str, entity_id: int | None = None, *,
                     fields: Sequence[str] = (), detail: str | None = None) -> AuditRecord:
        """Audit something that changes no record (a view, an export, a backup, a sign-in…)
        on behalf of this store's actor."""
        what = validation.text("action", action, max_length=32, required=True)
        kind = validation.text("entity", entity, max_length=32, required=True)
        note = None if detail is None else validation.free_text(
            "detail", detail[:DETAIL_MAX], max_length=DETAIL_MAX)
        with self._write() as s:
            entry = audit.append(s, actor=self._actor_text, action=str(what), entity=str(kind),
                                 entity_id=entity_id, fields=list(fields), detail=note)
            return convert.audit(entry)

    def record_view(self, couple_id: int) -> None:
        """The counselor opened this couple (the desktop calls it when a couple's page shows)."""
        with self.database.read() as s:
            self._get(s, Couple, couple_id, "couple")
        self.record_event("view", "couple", couple_id)

    def record_export(self, entity: str, entity_id: int | None, what: str,
                      destination: str | os.PathLike[str] | None = None) -> None:
        """Patient data left the database: ``what`` (e.g. "case file", "unsigned summary PDF",
        "signed summary PDF") of ``entity`` ``entity_id``, written to ``destination``."""
        where = f" to {destination}" if destination is not None else ""
        self.record_event("export", entity, entity_id, detail=f"{what}{where}")

    def record_reprint(self, document_id: int,
                       destination: str | os.PathLike[str] | None = None) -> None:
        """A stored signed summary was written out again (reprint, save as, print)."""
        where = f"to {destination}" if destination is not None else None
        self.record_event("reprint", "document", document_id, detail=where)

    def verify_audit_chain(self) -> audit.ChainCheck:
        with self.database.read() as s:
            return audit.verify_audit_chain(s)

    # ----------------------------------------------------------------------- import

    def import_cases(self, case_list: Sequence[Case], *, labels: Sequence[str] | None = None,
                     counselor_id: int | None = None) -> list[ImportedCase]:
        """Store case files as new draft consultations, all or none, in one transaction.

        Each file's couple is the living couple with its ``male.record_number``, else the one
        with the same names (refused when several match), else a new couple (always for a file
        without names and record number).
        """
        names = list(labels or [f"case {i + 1}" for i in range(len(case_list))])
        prepared = [self._prepare_import(case, name) for case, name in zip(case_list, names)]
        with self._write() as s:
            results = []
            for (details, stored), name in zip(prepared, names):
                couple, created = self._match_couple(s, details, name)
                row = self._insert_consultation(s, couple.id, stored, counselor_id)
                results.append(ImportedCase(convert.consultation(row), couple.id, created))
            return results

    def _prepare_import(self, case: Case, label: str) -> tuple[CoupleDetails,
                                                                  cases.StoredCase]:
        try:
            stored = cases.prepare(case, self._knowledge)
            details = self._checked_details(CoupleDetails(
                male_name=case.male.name, female_name=case.female.name if case.female else None,
                record_number=case.male.record_number, male_birth_date=case.male.birth_date))
        except ValueError as error:
            raise InvalidInputError(f"{label}: {error}") from error
        return details, stored

    def _match_couple(self, s: Session, details: CoupleDetails,
                      label: str) -> tuple[Couple, bool]:
        living = Couple.deleted_at.is_(None)
        if details.record_number is not None:
            found = s.scalars(select(Couple).where(
                living, Couple.record_number == details.record_number)).first()
        elif details.male_name is None and details.female_name is None:
            found = None  # an anonymous case file: always a couple of its own
        else:
            matches = s.scalars(select(Couple).where(
                living, _same(Couple.male_name, details.male_name),
                _same(Couple.female_name, details.female_name)).limit(2)).all()
            if len(matches) > 1:
                raise InvalidStateError(
                    f"{label}: several couples have these names; add male.record_number to "
                    f"the case file to choose one")
            found = matches[0] if matches else None
        if found is not None:
            return found, False
        return self._insert_couple(s, details), True


def _same(column: Any, value: str | None) -> ColumnElement[bool]:
    result: ColumnElement[bool] = column.is_(None) if value is None else column == value
    return result


def _summary_select(ids: list[int]) -> Any:
    """List lines of these couples, newest first (still only living ones)."""
    of_couple = Consultation.couple_id == Couple.id
    count = select(func.count(Consultation.id)).where(of_couple).scalar_subquery()
    last = select(func.max(Consultation.consultation_date)).where(of_couple).scalar_subquery()
    return (select(Couple.id, Couple.record_number, Couple.male_name, Couple.female_name,
                   Couple.created_at, count, last)
            .where(Couple.id.in_(ids), Couple.deleted_at.is_(None)).order_by(Couple.id.desc()))
