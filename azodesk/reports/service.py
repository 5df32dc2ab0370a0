"""Summaries of stored consultations: preview, issue (render → sign → store), reprint.

Used by the command line and the desktop. Every function takes a ``RecordStore``
(:mod:`azodesk.storage.service`) and returns bytes or the record store's own records.

Versions: the first signed summary is document version 1 and locks the consultation
(``store.sign_consultation``). A later summary is only made together with an addendum (its
reason and text are printed in it) and becomes the next version (``store.add_addendum``);
nothing stored is ever overwritten. The date printed as "issued" and used as the PDF date is the
consultation date for version 1 and the addendum's date for later versions, so a preview of the
same consultation on another day gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from azodesk.domain.knowledge import Lang, load_knowledge
from azodesk.reports.summary import (
    Addendum,
    Clinic,
    SummaryData,
    SummaryError,
    render_summary,
)

Stroke = Sequence[tuple[float, float]]
CLINIC_FILE = "clinic.toml"


def clinic_settings(name: str | None = None, city: str | None = None, *,
                    store: Any = None) -> Clinic:
    """The clinic printed on summaries: the arguments, else the clinic set up in ``store``'s
    database (first setup, ``azodesk setup``), else ``$AZODESK_CLINIC_NAME`` /
    ``$AZODESK_CLINIC_CITY``, else ``clinic.toml`` (``name = "…"``, ``city = "…"``) in the
    AzoDesk data folder, else "AzoDesk" with no city."""
    from azodesk.storage.paths import data_home

    if store is not None:
        from azodesk.storage.accounts import AccountService

        stored = AccountService.of(store).clinic_settings()
        if stored is not None:
            return Clinic(name=name or stored.name, city=city if city is not None else stored.city)
    settings: dict[str, Any] = {}
    path = data_home() / CLINIC_FILE
    if path.is_file():
        try:
            settings = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise SummaryError(f"{path}: {error}") from None
    return Clinic(
        name=name or os.environ.get("AZODESK_CLINIC_NAME") or str(settings.get("name") or "AzoDesk"),
        city=city if city is not None else (os.environ.get("AZODESK_CLINIC_CITY") or str(settings.get("city") or "")),
    )


@dataclass(frozen=True, slots=True)
class NewAddendum:
    reason: str
    text: str


def summary_data(store: Any, consultation_id: int, *, language: Lang, clinic: Clinic,
                 counselor_id: int | None = None, addendum: NewAddendum | None = None,
                 today: dt.date | None = None) -> SummaryData:
    """What the next summary of this consultation shows (version = stored versions + 1)."""
    knowledge = load_knowledge()
    c = store.get_consultation(consultation_id)
    if c.case is None:
        raise SummaryError(f"consultation {consultation_id}: its stored case cannot be read by this AzoDesk")
    couple = store.get_couple(c.couple_id).details
    who = counselor_id if counselor_id is not None else c.counselor_id
    counselor = store.get_counselor(who).display_name if who is not None else ""
    versions = len(store.list_documents(consultation_id))
    stored = list(store.list_addenda(consultation_id))
    addenda = [Addendum(a.created_at.date(), a.reason, a.text) for a in stored]
    issued = c.consultation_date
    if addendum is not None:
        issued = today or dt.date.today()
        addenda.append(Addendum(issued, addendum.reason, addendum.text))
    elif versions and stored:
        issued = stored[-1].created_at.date()
    return SummaryData.build(
        c.case, knowledge, clinic=clinic, counselor_name=counselor,
        man_name=couple.male_name or "", woman_name=couple.female_name or "",
        record_number=couple.record_number or "", consultation_date=c.consultation_date, notes=c.notes,
        chosen_plan=c.chosen_plan, discussed_steps=c.discussed_steps, version=versions + 1,
        language=language, issued_on=issued, addenda=addenda,
    )


def preview_summary(store: Any, consultation_id: int, *, language: Lang, clinic: Clinic,
                    counselor_id: int | None = None) -> bytes:
    """The unsigned summary as it would be signed now (for the app's preview)."""
    data = summary_data(store, consultation_id, language=language, clinic=clinic, counselor_id=counselor_id)
    return render_summary(data, load_knowledge())


def issue_signed_summary(
    store: Any, consultation_id: int, *, counselor_id: int, passphrase: str, language: Lang,
    clinic: Clinic, handwriting: Sequence[Stroke] | None = None,
    couple_handwriting: Sequence[Stroke] | None = None, addendum: NewAddendum | None = None,
    keys: Path | None = None,
) -> Any:
    """Render, sign and store the summary in one go; return the stored ``DocumentRecord``.

    A draft consultation is signed (version 1, then locked). A signed one needs ``addendum``
    (reason and text), which is printed in the new version and stored with it. The signing
    identity is created on first use with ``passphrase``; afterwards a wrong passphrase raises
    :class:`~azodesk.reports.signing.WrongPassphrase` before anything is written.
    ``couple_handwriting`` adds the couple's acknowledgement as a second signature.
    """
    from azodesk.reports.signing import SignatureAppearance, ensure_identity, sign_pdf

    consultation = store.get_consultation(consultation_id)
    if consultation.signed and addendum is None:
        raise SummaryError(f"consultation {consultation_id} is already signed: a new version needs an addendum "
                           f"with its reason")
    if not consultation.signed and addendum is not None:
        raise SummaryError(f"consultation {consultation_id} is a draft: addenda are for signed consultations")
    counselor = store.get_counselor(counselor_id)
    identity = ensure_identity(counselor_id, counselor.display_name, passphrase, clinic_name=clinic.name, folder=keys)
    data = summary_data(store, consultation_id, language=language, clinic=clinic, counselor_id=counselor_id,
                        addendum=addendum)
    pdf = render_summary(data, load_knowledge())
    when = dt.datetime.now(dt.UTC).astimezone()
    signed = sign_pdf(pdf, identity, passphrase, SignatureAppearance.of(
        counselor.display_name, strokes=handwriting, language=language, signed_at=when))
    if couple_handwriting:
        couple = " & ".join(n for n in (data.man_name, data.woman_name) if n)
        signed = sign_pdf(signed, identity, passphrase, SignatureAppearance.of(
            couple, strokes=couple_handwriting, language=language, role="couple", witness=counselor.display_name,
            signed_at=dt.datetime.now(dt.UTC).astimezone()))
    if addendum is None:
        return store.sign_consultation(consultation_id, pdf=signed, language=language, signed_by=counselor_id)
    record = store.add_addendum(consultation_id, reason=addendum.reason, text=addendum.text, pdf=signed,
                                language=language, author_id=counselor_id)
    return store.get_document(record.document_id)


def reprint(store: Any, document_id: int) -> bytes:
    """The stored bytes of a signed summary, checked against their stored SHA-256."""
    document = store.get_document(document_id)
    if hashlib.sha256(document.pdf).hexdigest() != document.sha256:
        raise SummaryError(f"document {document_id}: the stored bytes do not match their SHA-256; "
                           f"restore the database from a backup")
    return bytes(document.pdf)
