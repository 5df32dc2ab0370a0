"""Reading the audit log: filters, pages with the counselor's name, and CSV export.

The administrator's audit view (desktop) and ``azodesk audit`` both read through here (via
``RecordStore.audit_entries`` / ``RecordStore.export_audit_csv``; the account service adds the
administrator check). Filters combine with AND:

* ``actor``: a counselor's user name (matches entries written on their behalf, ``counselor:<id>``,
  including their failed sign-ins), or an actor text as stored (``cli``, ``counselor:3``,
  ``unknown`` for sign-ins with an unknown user name);
* ``action`` (``sign_in``, ``sign_in_failed``, ``view``, ``create``, ``update``, ``sign``,
  ``export``, ``reprint``, ``backup``, ``restore``, …), ``entity`` and ``entity_id``;
* ``since`` / ``until``: aware datetimes, or dates meaning whole local days (``until`` inclusive).

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
or carriage return) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from azodesk.storage import convert
from azodesk.storage.errors import InvalidInputError
from azodesk.storage.models import AuditEntry, Counselor
from azodesk.storage.records import AuditRecord, Page

CSV_COLUMNS = ("id", "time_utc", "actor", "username", "counselor", "action", "entity",
               "entity_id", "fields", "detail", "entry_hash")
_BATCH = 1000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    since: dt.datetime | dt.date | None = None
    until: dt.datetime | dt.date | None = None


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min).astimezone()


def _moment(value: dt.datetime | dt.date, field: str, *, end: bool) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise InvalidInputError(f"{field}: expected an aware datetime (with a time zone)")
        return value
    if isinstance(value, dt.date):
        return _local_midnight(value + dt.timedelta(days=1) if end else value)
    raise InvalidInputError(f"{field}: expected a date or datetime")


def _actor_texts(session: Session, actor: str) -> list[str]:
    wanted = actor.strip()
    ids = [row_id for row_id, name in session.execute(select(Counselor.id, Counselor.username))
           if name.casefold() == wanted.casefold()]
    return [f"counselor:{i}" for i in ids] or [wanted]


def conditions(session: Session, where: AuditFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if where.actor:
        found.append(AuditEntry.actor.in_(_actor_texts(session, where.actor)))
    if where.action:
        found.append(AuditEntry.action == where.action)
    if where.entity:
        found.append(AuditEntry.entity == where.entity)
    if where.entity_id is not None:
        found.append(AuditEntry.entity_id == where.entity_id)
    if where.since is not None:
        found.append(AuditEntry.at >= _moment(where.since, "since", end=False))
    if where.until is not None:
        until = where.until
        moment = _moment(until, "until", end=True)
        found.append(AuditEntry.at < moment if not isinstance(until, dt.datetime)
                     else AuditEntry.at <= moment)
    return found


def _counselors(session: Session) -> dict[str, Counselor]:
    return {f"counselor:{row.id}": row for row in session.scalars(select(Counselor))}


def page(session: Session, where: AuditFilter, offset: int, limit: int) -> Page[AuditRecord]:
    """Entries matching ``where``, newest first."""
    found = conditions(session, where)
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*found)) or 0
    rows = session.scalars(select(AuditEntry).where(*found).order_by(AuditEntry.id.desc())
                           .offset(offset).limit(limit)).all()
    people = _counselors(session)
    items = tuple(convert.audit(r, people.get(r.actor or "")) for r in rows)
    return Page(items, int(total), offset, limit)


def iter_entries(session: Session, where: AuditFilter) -> Iterator[AuditRecord]:
    """Every entry matching ``where``, oldest first, read in batches."""
    found = conditions(session, where)
    people = _counselors(session)
    after = 0
    while True:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.id > after, *found)
                               .order_by(AuditEntry.id).limit(_BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield convert.audit(row, people.get(row.actor or ""))
        after = rows[-1].id
        session.expunge_all()
        people = _counselors(session)


def _safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(entry: AuditRecord) -> list[str]:
    values = (entry.id, entry.at.isoformat(timespec="seconds").replace("+00:00", "Z"),
              entry.actor, entry.actor_username, entry.actor_name, entry.action, entry.entity,
              entry.entity_id, " ".join(entry.fields), entry.detail, entry.entry_hash)
    return [_safe(v) for v in values]


def write_csv(entries: Iterator[AuditRecord], stream: IO[str]) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for entry in entries:
        writer.writerow(csv_row(entry))
        count += 1
    return count


@contextmanager
def text_target(target: str | os.PathLike[str] | IO[str]) -> Iterator[IO[str]]:
    """A text stream: ``target`` itself, or a private file written atomically (UTF-8 with BOM,
    so that spreadsheet programs read the names right)."""
    if not isinstance(target, (str, os.PathLike)):
        yield target
        return
    path = Path(target)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8-sig", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
