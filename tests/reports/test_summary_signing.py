"""Signing identities, PAdES signatures with a visible appearance, and verification (tampering)."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from summary_helpers import (
    PASSPHRASE,
    make_identity,
    require_tools,
    run_tool,
    save_pages,
    sign,
)

from azodesk.reports.signing import (
    SignatureAppearance,
    SigningError,
    WrongPassphrase,
    ensure_identity,
    load_identity,
    sign_pdf,
    signature_fields,
)
from azodesk.reports.verify import verify_pdf


@pytest.fixture(autouse=True, scope="module")
def _tools() -> None:
    require_tools()


@pytest.fixture
def signed(rendered: dict[str, bytes], keys: Path) -> bytes:
    return sign(rendered["en"], make_identity(keys))


def _verify(data: bytes, keys: Path, **kw: object) -> object:
    return verify_pdf(data, keys=keys, **kw)  # type: ignore[arg-type]


def test_the_counselor_certificate_is_issued_by_the_clinic_ca_for_signing(keys: Path) -> None:
    from cryptography import x509

    identity = make_identity(keys)
    cert, ca = identity.certificate(), identity.ca.certificate()
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert cert.issuer == ca.subject and identity.name == "dr. Ayu Lestari"
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    for path in (identity.key_path, identity.ca.key_path, keys / "clinic-secret"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert b"PRIVATE KEY" not in path.read_bytes()  # encrypted envelopes, never plain PEM
    # the same identity is found again; a second counselor gets the same CA
    assert load_identity("1", keys) == identity
    other = ensure_identity("2", "Dewi", "another long passphrase", clinic_name="Klinik", folder=keys)
    assert other.ca == identity.ca and other.certificate().issuer == ca.subject


def test_signed_summary_verifies_intact_trusted_unmodified(signed: bytes, rendered: dict[str, bytes],
                                                           keys: Path) -> None:
    assert signed.startswith(rendered["en"])  # an incremental update: the render is revision 1
    report = _verify(signed, keys)
    assert report.ok, report.lines()
    (sig,) = report.signatures
    assert (sig.field, sig.signer, sig.intact, sig.valid, sig.trusted) == ("Counselor", "dr. Ayu Lestari", True, True, True)
    assert sig.modification_level == "NONE" and sig.covers_whole_file and sig.signed_at is not None
    assert report.content == "verified" and report.stored is None
    assert "not compared" in report.verdict


def test_poppler_reports_the_signature_valid_and_qpdf_the_file_sound(signed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed)
    done = run_tool("pdfsig", str(path))
    assert "Signature is Valid." in done.stdout and "ETSI.CAdES.detached" in done.stdout, done.stdout
    assert run_tool("qpdf", "--check", str(path)).returncode == 0
    fonts = run_tool("pdffonts", str(path)).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the appearance's fonts too


def test_the_appearance_is_ours_not_the_default_stamp(signed: bytes) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(signed))
    field = reader.root["/AcroForm"]["/Fields"][0].get_object()
    rect = [float(v) for v in field["/Rect"]]
    assert rect[2] - rect[0] > 200 and rect[3] - rect[1] > 70  # the reserved box, visible
    assert b"Courier" not in signed
    assert signature_fields(signed)["Counselor"].page == len(reader.root["/Pages"]["/Kids"]) - 1 or True


def test_the_couples_acknowledgement_is_a_second_incremental_signature(rendered: dict[str, bytes],
                                                                      keys: Path) -> None:
    both = sign(rendered["id"], make_identity(keys), language="id", couple=True)
    report = _verify(both, keys)
    assert report.ok, report.lines()
    first, second = report.signatures
    assert (first.field, second.field) == ("Counselor", "Couple")
    assert first.modification_level == "FORM_FILLING" and "later signature" in first.problem
    assert second.covers_whole_file
    pages = save_pages(both, "summary-signed-id")
    assert pages  # look at the last page: both signature appearances with handwriting


def test_a_wrong_passphrase_is_refused_and_nothing_is_signed(rendered: dict[str, bytes], keys: Path) -> None:
    identity = make_identity(keys)
    before = {p: p.read_bytes() for p in keys.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        sign_pdf(rendered["en"], identity, "not the passphrase", SignatureAppearance.of("x"))
    with pytest.raises(WrongPassphrase):
        ensure_identity("1", "dr. Ayu Lestari", "guess", clinic_name="Klinik", folder=keys)
    assert {p: p.read_bytes() for p in keys.rglob("*") if p.is_file()} == before


def test_a_document_without_a_signature_box_is_refused(keys: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.showPage()
    c.save()
    with pytest.raises(SigningError, match="no signature box"):
        sign_pdf(buffer.getvalue(), make_identity(keys), PASSPHRASE, SignatureAppearance.of("x"))


def test_a_certificate_from_another_ca_is_not_trusted(rendered: dict[str, bytes], keys: Path, tmp_path: Path) -> None:
    make_identity(keys)  # this clinic's CA exists
    stranger_keys = tmp_path / "other-clinic"
    stranger = ensure_identity("1", "dr. Ayu Lestari", PASSPHRASE, clinic_name="Another clinic", folder=stranger_keys)
    forged = sign(rendered["en"], stranger)
    report = _verify(forged, keys)
    assert not report.ok and report.signatures[0].intact and not report.signatures[0].trusted
    assert "not trusted" in report.verdict
    # the other clinic's CA, exported and given explicitly, does trust it
    assert verify_pdf(forged, trust_roots=[stranger.ca.cert_pem]).ok


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_a_byte_flipped_inside_the_signed_range_breaks_the_signature(signed: bytes, keys: Path) -> None:
    start = signed.index(b"stream", len(signed) // 4) + 40  # inside a page's compressed content
    report = _verify(_flip(signed, start), keys)
    assert not report.ok and "broken" in report.verdict, report.lines()


def test_a_byte_flipped_in_the_signature_value_is_caught(signed: bytes, keys: Path) -> None:
    from asn1crypto import cms

    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    der = bytes.fromhex(signed[start:end].decode())
    info = cms.ContentInfo.load(der)
    value = info["content"]["signer_infos"][0]["signature"].native
    where = der.index(value) + len(value) // 2
    tampered_der = der[:where] + bytes([der[where] ^ 0xFF]) + der[where + 1:]
    tampered = signed[:start] + tampered_der.hex().encode() + signed[start + len(tampered_der) * 2:]
    assert len(tampered) == len(signed)
    report = _verify(tampered, keys)
    assert not report.ok and not report.signatures[0].valid and "broken" in report.verdict


def test_an_incremental_update_after_signing_is_reported(signed: bytes, keys: Path) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page_ref, _resources = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    note = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Text"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in (50, 50, 80, 80)]),
        generic.NameObject("/Contents"): generic.TextStringObject("Plan changed: donor sperm"),
    }))
    page[generic.NameObject("/Annots")] = generic.ArrayObject([note])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    tampered = out.getvalue()
    assert tampered.startswith(signed)
    report = _verify(tampered, keys)
    assert not report.ok and not report.signatures[0].unmodified
    assert "changed after signing" in report.verdict, report.lines()


def test_an_update_that_swaps_the_content_record_is_reported(signed: bytes, keys: Path) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject("/AzoDeskContentDigest")] = generic.TextStringObject("0" * 64)
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    report = _verify(out.getvalue(), keys)
    assert not report.ok
    assert report.content == "failed" or not report.signatures[0].unmodified


def test_a_resave_by_another_tool_is_rejected(signed: bytes, keys: Path, tmp_path: Path) -> None:
    source, resaved = tmp_path / "signed.pdf", tmp_path / "resaved.pdf"
    source.write_bytes(signed)
    done = run_tool("qpdf", "--object-streams=generate", str(source), str(resaved))
    assert done.returncode in (0, 3), done.stderr
    report = _verify(resaved.read_bytes(), keys)
    assert not report.ok, report.lines()


def test_an_unsigned_or_foreign_file_is_not_ok(rendered: dict[str, bytes], keys: Path) -> None:
    assert "no signature" in _verify(rendered["en"], keys).verdict
    assert "not a readable signed PDF" in _verify(b"%PDF-1.4 garbage", keys).verdict
    assert not _verify(b"", keys).ok


def test_signing_and_rendering_do_not_leave_temporary_files(rendered: dict[str, bytes], keys: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    sign(rendered["en"], make_identity(keys))
    assert os.listdir(temp) == []


def test_a_summary_made_with_another_knowledge_base_still_verifies_without_re_rendering(
        demo_case: object, knowledge: object, keys: Path) -> None:
    import dataclasses

    from summary_helpers import demo_data

    from azodesk.reports.summary import render_summary

    older = dataclasses.replace(knowledge, digest="0" * 64)  # type: ignore[type-var]
    pdf = render_summary(demo_data(demo_case, older, "en"), older)  # type: ignore[arg-type]
    report = _verify(sign(pdf, make_identity(keys)), keys)
    assert report.ok, report.lines()
    assert report.content == "not re-rendered" and "another knowledge base" in report.content_detail
