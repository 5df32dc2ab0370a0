"""Checking a signed summary: signatures, later changes, the copy in the database, the content.

:func:`verify_pdf` answers four questions and gives one verdict:

1. **Signatures** (pyHanko, trust anchored in this clinic's CA only, no network): who signed and
   when, whether each signature is intact and cryptographically valid, and whether its
   certificate chains to the clinic CA.
2. **Changes after signing**, from pyHanko's difference analysis (not only the digest): the
   newest signature must cover the whole file with nothing added; an earlier signature may only
   be followed by later signatures (the couple's acknowledgement). Anything else — an
   annotation, a new page, an unsigned incremental update — is reported and fails.
3. **The stored copy**: the file's SHA-256 must be a document in the database (when a store is
   given; without one the report says that nothing was compared).
4. **The content digest** (see :mod:`azodesk.reports.summary`): the embedded content record
   must hash to the digest in the document information and printed in every footer, and
   re-rendering it must give exactly the signed first revision of the file.

The verdict is OK only when every signature is intact, valid, trusted and unmodified, the
content check did not fail, and the file matches the stored copy (or no store was given).
pyHanko is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azodesk.reports.summary import INFO_CONTENT, INFO_DIGEST, short_digest


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    field: str
    signer: str
    signed_at: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    #: pyHanko's modification level (NONE, LTA_UPDATES, FORM_FILLING, ANNOTATIONS, OTHER)
    modification_level: str
    covers_whole_file: bool
    #: nothing was added after this signature except later valid signatures
    unmodified: bool
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.unmodified


@dataclass(frozen=True, slots=True)
class StoredCopy:
    document_id: int
    consultation_id: int
    version: int
    language: str


@dataclass(frozen=True)
class VerificationReport:
    sha256: str
    signatures: tuple[SignatureCheck, ...]
    #: True/False when a store was asked; None when no store was given
    stored: bool | None
    stored_copy: StoredCopy | None
    #: "verified", "not re-rendered", "failed", "absent"
    content: str
    content_detail: str
    content_digest: str | None
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def intact(self) -> bool:
        return bool(self.signatures) and all(s.intact and s.valid for s in self.signatures)

    @property
    def trusted(self) -> bool:
        return bool(self.signatures) and all(s.trusted for s in self.signatures)

    @property
    def unmodified(self) -> bool:
        return bool(self.signatures) and all(s.unmodified for s in self.signatures)

    @property
    def verdict(self) -> str:
        if self.ok:
            stored = "matches the copy stored in the database" if self.stored else \
                "not compared with a database (none available)"
            return f"OK: signed by {self.signatures[0].signer}, intact, trusted, unmodified; {stored}"
        return f"NOT OK: {self.problems[0]}"

    def lines(self) -> list[str]:
        out = [f"file SHA-256: {self.sha256}"]
        if not self.signatures:
            out.append("signatures: none")
        for s in self.signatures:
            when = s.signed_at.isoformat(timespec="seconds") if s.signed_at else "unknown time"
            out.append(f"signature {s.field!r}: {s.signer}, {when}")
            out.append(f"  intact: {_yn(s.intact and s.valid)}  trusted by this clinic's CA: {_yn(s.trusted)}  "
                       f"modification level: {s.modification_level}  covers the whole file: {_yn(s.covers_whole_file)}")
            if s.problem:
                out.append(f"  {s.problem}")
        if self.stored is None:
            out.append("stored copy: not compared (no database)")
        elif self.stored and self.stored_copy:
            c = self.stored_copy
            out.append(f"stored copy: matches document {c.document_id} (consultation {c.consultation_id}, "
                       f"version {c.version}, {c.language})")
        else:
            out.append("stored copy: no document with this SHA-256 in the database")
        digest = f" {short_digest(self.content_digest)}" if self.content_digest else ""
        out.append(f"content digest{digest}: {self.content} — {self.content_detail}")
        out.append(self.verdict)
        return out


@contextmanager
def quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs failed certificate paths with a traceback; the report says it in words."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _yn(value: bool) -> str:
    return "yes" if value else "NO"


def verify_pdf(data: bytes, *, store: Any = None, trust_roots: list[bytes] | None = None,
               keys: Path | None = None) -> VerificationReport:
    """Check a signed summary (see the module documentation). ``trust_roots``: CA
    certificates (PEM or DER) to trust instead of this computer's clinic CA."""
    sha = hashlib.sha256(data).hexdigest()
    problems: list[str] = []
    try:
        with quiet_pyhanko():
            signatures, file_problem = _signatures(data, _roots(trust_roots, keys))
    except Exception as error:  # noqa: BLE001 - a file pyHanko cannot read at all
        signatures, file_problem = (), f"not a readable signed PDF ({_short(error)})"
    if file_problem:
        problems.append(file_problem)
    elif not signatures:
        problems.append("the file has no signature")
    for s in signatures:
        if not (s.intact and s.valid):
            problems.append(f"signature {s.field!r} is broken: the signed bytes were changed")
        elif not s.trusted:
            problems.append(f"signature {s.field!r} is not trusted: its certificate was not issued by this clinic's CA")
        elif not s.unmodified:
            problems.append(f"changed after signing: {s.problem or 'content was added after signature ' + repr(s.field)}")
    content, detail, digest = _content(data)
    if content in ("failed", "absent"):
        problems.append(f"content check failed: {detail}")
    stored, copy = None, None
    if store is not None:
        record = store.find_document_by_sha256(sha)
        stored = record is not None
        if record is not None:
            copy = StoredCopy(record.id, record.consultation_id, record.version, record.language)
        else:
            problems.append("this file is not the copy stored in the database")
    return VerificationReport(sha, signatures, stored, copy, content, detail, digest, tuple(problems))


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:160]


def _roots(trust_roots: list[bytes] | None, keys: Path | None) -> list[Any]:
    from asn1crypto import pem, x509

    if trust_roots is None:
        from azodesk.reports.signing import load_ca

        ca = load_ca(keys)
        trust_roots = [ca.cert_pem] if ca else []
    roots = []
    for blob in trust_roots:
        der = pem.unarmor(blob)[2] if pem.detect(blob) else blob
        roots.append(x509.Certificate.load(der))
    return roots


def _signatures(data: bytes, roots: list[Any]) -> tuple[tuple[SignatureCheck, ...], str]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    embedded = list(reader.embedded_signatures)
    statuses = []
    for sig in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        statuses.append(validate_pdf_signature(sig, context))
    checks = []
    revisions = reader.xrefs.total_revisions
    for index, (sig, status) in enumerate(zip(embedded, statuses)):
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        level = status.modification_level
        later = statuses[index + 1:]
        if whole:
            unmodified = level in (None, ModificationLevel.NONE)
            problem = "" if unmodified else f"modification level {level.name if level else '?'}"
        else:
            # only later signatures may follow: each adds exactly one revision, the newest covers
            # the whole file, and this signature's difference analysis saw form filling at most
            only_signatures = (
                bool(later) and later[-1].coverage == SignatureCoverageLevel.ENTIRE_FILE
                and all(s.intact and s.valid and s.trusted for s in later)
                and sig.signed_revision + len(later) == revisions - 1
            )
            unmodified = only_signatures and level is not None and level <= ModificationLevel.FORM_FILLING
            if unmodified:
                problem = f"followed only by {len(later)} later signature(s)"
            elif not later:
                problem = "content was added after the last signature (an incremental update)"
            else:
                problem = (f"content other than signatures was added after signature {sig.field_name!r} "
                           f"(modification level {level.name if level else '?'})")
        checks.append(SignatureCheck(
            field=str(sig.field_name), signer=_signer(status), signed_at=status.signer_reported_dt,
            intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted),
            modification_level=level.name if level is not None else "UNKNOWN", covers_whole_file=whole,
            unmodified=unmodified, problem=problem,
        ))
    return tuple(checks), ""


def _signer(status: Any) -> str:
    try:
        return str(status.signing_cert.subject.native.get("common_name", "?"))
    except Exception:  # noqa: BLE001 - a name is only for display
        return "?"


def _content(data: bytes) -> tuple[str, str, str | None]:
    """The content-digest check: (state, detail, full digest)."""
    from azodesk.domain.knowledge import load_knowledge
    from azodesk.reports.summary import (
        SummaryError,
        data_from_record,
        render_summary,
        unpack_record,
    )

    info = _info(data)
    packed, digest = info.get(INFO_CONTENT), info.get(INFO_DIGEST)
    if not packed or not digest:
        return "absent", "the file carries no AzoDesk content record", None
    try:
        record_bytes = unpack_record(packed)
        record = json.loads(record_bytes)
    except (ValueError, TypeError) as error:
        return "failed", f"the content record is damaged ({_short(error)})", digest
    if hashlib.sha256(record_bytes).hexdigest() != digest:
        return "failed", "the content record does not match the digest printed in the footer", digest
    knowledge = load_knowledge()
    try:
        rendered = render_summary(data_from_record(record, knowledge), knowledge)
    except SummaryError as error:
        first = _first_revision(data)
        if packed.encode("ascii") in first:
            return "not re-rendered", f"record and digest agree; not re-rendered: {error}", digest
        return "failed", "the content record is not the one in the signed revision", digest
    if data.startswith(rendered):
        return "verified", "the signed pages are exactly the rendering of the content with this digest", digest
    return "failed", "the signed pages differ from a fresh rendering of the embedded content", digest


def _first_revision(data: bytes) -> bytes:
    end = data.find(b"%%EOF")
    return data if end < 0 else data[: end + 5]


def _info(data: bytes) -> dict[str, str]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        info = reader.trailer_view.get("/Info")
        if info is None:
            return {}
        return {str(k)[1:]: str(v) for k, v in info.get_object().items()}
    except Exception:  # noqa: BLE001 - unreadable info = no record
        return {}
