"""The append-only audit log and its hash chain.

Every write of the service appends one entry per changed record in the same transaction. Each
entry's ``entry_hash`` is SHA-256 over the previous entry's hash and the entry's own content
(canonical JSON), so changing or removing an entry in place breaks the chain from there on;
:func:`verify_audit_chain` names the first broken link. Triggers refuse UPDATE and DELETE on
``audit_log``; the chain catches what happens when someone removes the triggers. (Rewriting the
whole chain from the tampered entry onwards is not detected without an outside anchor, such as
the signed documents of issue 6.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from azodesk.storage.models import AuditEntry, Base, utc_now

GENESIS = "0" * 64
_VERIFY_BATCH = 2000


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def snapshot(row: Base) -> dict[str, Any]:
    """The row's column values in plain JSON terms (binary values as their SHA-256)."""
    mapper = inspect(type(row))
    return {attr.key: _plain(getattr(row, attr.key)) for attr in mapper.column_attrs}


def digest(values: Mapping[str, Any] | None) -> str | None:
    return None if values is None else hashlib.sha256(_canonical(values)).hexdigest()


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any],
                   ignore: Iterable[str] = ("updated_at",)) -> list[str]:
    skip = set(ignore)
    if before is None:
        return [k for k, v in after.items() if v is not None and k not in skip]
    return [k for k in after if before.get(k) != after[k] and k not in skip]


def _content(entry: AuditEntry) -> bytes:
    content = [
        entry.at.isoformat(), entry.actor, entry.action, entry.entity, entry.entity_id,
        list(entry.fields), entry.before_sha256, entry.after_sha256,
    ]
    if entry.detail is not None:  # revision 0003; older entries hash exactly as before
        content.append(entry.detail)
    return _canonical(content)


def entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + _content(entry)).hexdigest()


def append(session: Session, *, actor: str | None, action: str, entity: str,
           entity_id: int | None, fields: Sequence[str] = (),
           before: Mapping[str, Any] | None = None,
           after: Mapping[str, Any] | None = None, detail: str | None = None) -> AuditEntry:
    """Add one chained entry; call inside the write transaction that made the change.

    ``detail`` is a short note for the person reading the log (never a secret)."""
    last = session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(
        at=utc_now(), actor=actor, action=action, entity=entity, entity_id=entity_id,
        fields=list(fields), before_sha256=digest(before), after_sha256=digest(after),
        prev_hash=last or GENESIS, detail=detail,
    )
    entry.entry_hash = entry_hash(entry.prev_hash, entry)
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    """The result of :func:`verify_audit_chain`."""

    ok: bool
    checked: int
    first_broken_id: int | None = None
    problem: str = ""


def verify_audit_chain(session: Session) -> ChainCheck:
    """Walk the whole log in id order; report the first entry whose link or content is wrong."""
    expected_prev, checked, after_id = GENESIS, 0, 0
    while True:
        batch = session.scalars(
            select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)
            .limit(_VERIFY_BATCH)
        ).all()
        if not batch:
            return ChainCheck(True, checked)
        for entry in batch:
            broken = _check_entry(entry, expected_prev)
            if broken:
                return ChainCheck(False, checked, entry.id, broken)
            expected_prev, checked, after_id = entry.entry_hash, checked + 1, entry.id
        session.expunge_all()


def _check_entry(entry: AuditEntry, expected_prev: str) -> str:
    if entry.prev_hash != expected_prev:
        return (f"audit entry {entry.id} does not follow the entry before it "
                f"(an entry was removed, inserted or changed)")
    if entry_hash(entry.prev_hash, entry) != entry.entry_hash:
        return f"audit entry {entry.id} was changed after it was written"
    return ""
