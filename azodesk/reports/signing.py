"""Signing identities (a clinic CA and one certificate per counselor) and PAdES signatures.

**Keys on disk** (under :func:`keys_dir`, a user-only folder of the data folder)::

    keys/ca/cert.pem            the clinic's local CA certificate (self-signed, EC P-256, 25 years)
    keys/ca/key.azokey          its private key, encrypted with the clinic secret
    keys/clinic-secret          the clinic secret, when AZODESK_CLINIC_SECRET is not set
    keys/counselors/<id>/cert.pem   the counselor's certificate (EC P-256, 10 years), issued by the CA
    keys/counselors/<id>/key.azokey the counselor's private key, encrypted with their passphrase
    keys/counselors/<id>/retired/<serial>.pem  certificates whose key was destroyed (password reset)

Both are made with ``cryptography`` on first use. A counselor certificate has the key usages
digitalSignature and nonRepudiation (critical), which pyHanko's validation requires.

**Encrypted key files** (``*.azokey``, JSON): the PKCS#8 key encrypted with AES-256-GCM under a
key derived from the passphrase with Argon2id (salt 16 bytes; t=2, m=19 MiB, p=1, the OWASP
minimum), so a stolen file cannot be brute-forced at PBKDF2 speed. A wrong passphrase fails the
GCM tag check: :class:`WrongPassphrase`, and nothing is written. The passphrase is the
counselor's account password (one secret): a password change re-encrypts the same key
(:func:`change_identity_passphrase`); an administrator's reset, after which nobody can open the
key, destroys it (:func:`retire_identity`) and the next signature issues a new identity.

**The clinic secret** protects the CA key. It is ``$AZODESK_CLINIC_SECRET`` when set (IT can keep
it in the clinic's password manager and set it only when a new counselor is enrolled), otherwise
a random secret created on first use in ``keys/clinic-secret`` (mode 0600). The file protects
the CA key only as well as the user account protects the data folder; for stronger protection
set the variable and remove the file.

**Signatures** are PAdES (``ETSI.CAdES.detached``, SHA-256) made with pyHanko into the boxes the
summary reserved (``/AzoDeskSignatureFields``), with a visible appearance drawn with reportlab
(name, date and time, and the handwritten signature) and imported with
``StaticStampStyle.from_pdf_file``. The couple's acknowledgement is a second, incremental
signature made with the counselor's key (the counselor witnesses the couple's handwriting).
pyHanko and reportlab are imported inside the functions.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import os
import re
import secrets
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from azodesk.domain.knowledge import Lang, load_knowledge
from azodesk.reports.summary import COUNSELOR_FIELD, COUPLE_FIELD, INFO_FIELDS

if TYPE_CHECKING:  # pragma: no cover
    from cryptography import x509

SECRET_VARIABLE = "AZODESK_CLINIC_SECRET"
KEY_FORMAT = "azodesk.key/1"
ARGON2 = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}
CA_YEARS, COUNSELOR_YEARS = 25, 10

Stroke = Sequence[tuple[float, float]]


class SigningError(Exception):
    """Signing cannot go ahead; the message says why, in one line."""


class WrongPassphrase(SigningError):
    pass


class IdentityNotFound(SigningError):
    pass


def keys_dir() -> Path:
    from azodesk.storage.paths import keys_dir as store_keys_dir

    return store_keys_dir()


def _private(folder: Path) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _write_private(path: Path, data: bytes) -> None:
    """Write atomically with user-only permissions."""
    _private(path.parent)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


# --- encrypted key files --------------------------------------------------------------------------


def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    secret = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    return hash_secret_raw(secret, salt, hash_len=32, type=Type.ID, **params)


def encrypt_key(private_key: Any, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    der = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_derive(passphrase, salt, ARGON2)).encrypt(nonce, der, KEY_FORMAT.encode())
    b64 = lambda b: base64.b64encode(b).decode("ascii")
    return json.dumps({"format": KEY_FORMAT, "kdf": "argon2id", **ARGON2, "salt": b64(salt),
                       "cipher": "aes-256-gcm", "nonce": b64(nonce), "key": b64(sealed)}, indent=1).encode()


def decrypt_key(data: bytes, passphrase: str) -> bytes:
    """The PKCS#8 DER key; :class:`WrongPassphrase` when the passphrase does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        envelope = json.loads(data)
        if envelope.get("format") != KEY_FORMAT:
            raise ValueError(envelope.get("format"))
        params = {name: int(envelope[name]) for name in ARGON2}
        salt, nonce, sealed = (base64.b64decode(envelope[k]) for k in ("salt", "nonce", "key"))
    except (ValueError, KeyError, TypeError) as error:
        raise SigningError(f"the key file is damaged or not an AzoDesk key ({error})") from None
    try:
        return AESGCM(_derive(passphrase, salt, params)).decrypt(nonce, sealed, KEY_FORMAT.encode())
    except InvalidTag:
        raise WrongPassphrase("wrong passphrase: the signing key could not be opened") from None


# --- the clinic CA ---------------------------------------------------------------------------------


def clinic_secret(folder: Path | None = None) -> str:
    value = os.environ.get(SECRET_VARIABLE)
    if value:
        return value
    path = (folder or keys_dir()) / "clinic-secret"
    if path.is_file():
        return path.read_text(encoding="ascii").strip()
    secret = secrets.token_urlsafe(32)
    _write_private(path, secret.encode("ascii"))
    return secret


@dataclass(frozen=True)
class ClinicCA:
    cert_path: Path
    key_path: Path

    @property
    def cert_pem(self) -> bytes:
        return self.cert_path.read_bytes()

    def certificate(self) -> x509.Certificate:
        from cryptography import x509

        return x509.load_pem_x509_certificate(self.cert_pem)


def _name(common_name: str, organisation: str) -> Any:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64] or "AzoDesk")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    return x509.Name(attributes)


def load_ca(folder: Path | None = None) -> ClinicCA | None:
    folder = (folder or keys_dir()) / "ca"
    ca = ClinicCA(folder / "cert.pem", folder / "key.azokey")
    return ca if ca.cert_path.is_file() and ca.key_path.is_file() else None


def ensure_ca(clinic_name: str, folder: Path | None = None) -> ClinicCA:
    """The clinic's CA, created (self-signed) on first use."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    folder = folder or keys_dir()
    found = load_ca(folder)
    if found:
        return found
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(f"AzoDesk signing CA – {clinic_name}", clinic_name)
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    ca = ClinicCA(folder / "ca" / "cert.pem", folder / "ca" / "key.azokey")
    _write_private(ca.key_path, encrypt_key(key, clinic_secret(folder)))
    _write_private(ca.cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return ca


# --- counselor identities ------------------------------------------------------------------------


def _slug(key: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.-]", "_", str(key))
    if not slug or slug.startswith("."):
        raise SigningError(f"unusable identity key {key!r}")
    return slug


@dataclass(frozen=True)
class SigningIdentity:
    """A counselor's certificate and encrypted key; ``key`` is the counselor's id in the store."""

    key: str
    cert_path: Path
    key_path: Path
    ca: ClinicCA

    def certificate(self) -> x509.Certificate:
        from cryptography import x509

        return x509.load_pem_x509_certificate(self.cert_path.read_bytes())

    @property
    def name(self) -> str:
        from cryptography.x509.oid import NameOID

        return str(self.certificate().subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)

    def unlock(self, passphrase: str) -> bytes:
        """The private key (PKCS#8 DER) or :class:`WrongPassphrase`."""
        return decrypt_key(self.key_path.read_bytes(), passphrase)


def load_identity(key: str | int, folder: Path | None = None) -> SigningIdentity | None:
    folder = folder or keys_dir()
    ca = load_ca(folder)
    base = folder / "counselors" / _slug(str(key))
    identity = SigningIdentity(str(key), base / "cert.pem", base / "key.azokey", ca) if ca else None
    if identity and identity.cert_path.is_file() and identity.key_path.is_file():
        return identity
    return None


def ensure_identity(key: str | int, name: str, passphrase: str, *, clinic_name: str,
                    folder: Path | None = None) -> SigningIdentity:
    """The counselor's identity; created (with the CA if needed) on first use. When it exists
    already, the passphrase must open it (:class:`WrongPassphrase` otherwise)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    folder = folder or keys_dir()
    existing = load_identity(key, folder)
    if existing:
        existing.unlock(passphrase)
        return existing
    if not passphrase:
        raise SigningError("a passphrase is needed to protect the new signing key")
    ca = ensure_ca(clinic_name, folder)
    ca_cert = ca.certificate()
    ca_key = serialization.load_der_private_key(decrypt_key(ca.key_path.read_bytes(), clinic_secret(folder)), None)
    key_pair = ec.generate_private_key(ec.SECP256R1())
    public = key_pair.public_key()
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(_name(name, clinic_name)).issuer_name(ca_cert.subject)
        .public_key(public).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365 * COUNSELOR_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False)  # type: ignore[arg-type]
        .sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    base = folder / "counselors" / _slug(str(key))
    identity = SigningIdentity(str(key), base / "cert.pem", base / "key.azokey", ca)
    _write_private(identity.key_path, encrypt_key(key_pair, passphrase))
    _write_private(identity.cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return identity


def change_identity_passphrase(key: str | int, old_passphrase: str, new_passphrase: str, *,
                               folder: Path | None = None) -> bytes | None:
    """Re-encrypt the counselor's private key under ``new_passphrase`` (same key, same
    certificate: signing keeps working after a password change).

    Returns the previous key file (for :func:`restore_key_envelope` if what follows fails), or
    ``None`` when the counselor has no identity yet. :class:`WrongPassphrase` when
    ``old_passphrase`` does not open the key; nothing is written then.
    """
    from cryptography.hazmat.primitives import serialization

    identity = load_identity(key, folder)
    if identity is None:
        return None
    if not new_passphrase:
        raise SigningError("a passphrase is needed to protect the signing key")
    previous = identity.key_path.read_bytes()
    private_key = serialization.load_der_private_key(decrypt_key(previous, old_passphrase), None)
    _write_private(identity.key_path, encrypt_key(private_key, new_passphrase))
    return previous


def restore_key_envelope(key: str | int, envelope: bytes, *, folder: Path | None = None) -> None:
    """Put back a key file returned by :func:`change_identity_passphrase`."""
    base = (folder or keys_dir()) / "counselors" / _slug(str(key))
    _write_private(base / "key.azokey", envelope)


def retire_identity(key: str | int, *, folder: Path | None = None) -> bool:
    """Destroy the counselor's private key (after an administrator's password reset, when nobody
    can open it any more); the certificate is kept as ``retired/<serial>.pem`` for the record.
    The next :func:`ensure_identity` issues a new key and certificate. ``False`` when there was
    no identity."""
    from cryptography import x509

    base = (folder or keys_dir()) / "counselors" / _slug(str(key))
    cert_path, key_path = base / "cert.pem", base / "key.azokey"
    if not cert_path.is_file() and not key_path.is_file():
        return False
    key_path.unlink(missing_ok=True)
    if cert_path.is_file():
        try:
            serial = f"{x509.load_pem_x509_certificate(cert_path.read_bytes()).serial_number:x}"
        except ValueError:
            serial = f"unreadable-{secrets.token_hex(4)}"
        retired = _private(base / "retired") / f"{serial}.pem"
        os.replace(cert_path, retired)
    return True


# --- the visible appearance ---------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureAppearance:
    """What the signature box shows.

    ``strokes``: the handwritten signature as polylines of (x, y) points in the unit box, x to
    the right and y downwards (screen convention, as the signature pad records them).
    ``witness``: for the couple's acknowledgement, the counselor in whose presence they signed.
    """

    name: str
    signed_at: dt.datetime
    strokes: tuple[tuple[tuple[float, float], ...], ...] = ()
    language: Lang = "en"
    role: str = "counselor"  # or "couple"
    witness: str = ""

    @classmethod
    def of(cls, name: str, *, strokes: Sequence[Stroke] | None = None, language: Lang = "en", role: str = "counselor",
           witness: str = "", signed_at: dt.datetime | None = None) -> SignatureAppearance:
        clean = tuple(
            tuple((min(max(float(x), 0.0), 1.0), min(max(float(y), 0.0), 1.0)) for x, y in stroke)
            for stroke in (strokes or ()) if len(stroke) >= 1
        )
        when = signed_at or dt.datetime.now(dt.UTC).astimezone()
        return cls(name, when, clean, language, role, witness)


def render_appearance(appearance: SignatureAppearance, width: float, height: float) -> bytes:
    """A one-page PDF of ``width`` × ``height`` points: white card, handwriting, name and time."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    from azodesk.domain.render import Renderer
    from azodesk.reports.fonts import BOLD, OBLIQUE, REGULAR, register_fonts
    from azodesk.reports.graphics import fit_text

    register_fonts()
    k = load_knowledge()
    r = Renderer(k, appearance.language)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=REGULAR)
    c.setFillColor(colors.white)
    c.setStrokeColor(colors.HexColor("#0B2E4A"))
    c.setLineWidth(1.0)
    c.roundRect(0.5, 0.5, width - 1, height - 1, 4, stroke=1, fill=1)
    pad = 6.0
    text_h = 34.0
    # the handwriting, fitted (aspect kept) into the upper part of the card
    area_x, area_y, area_w, area_h = pad, text_h + 2, width - 2 * pad, height - text_h - pad - 2
    points = [p for stroke in appearance.strokes for p in stroke]
    c.setStrokeColor(colors.HexColor("#14286E"))
    c.setLineWidth(1.4)
    c.setLineCap(1)
    c.setLineJoin(1)
    if points:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        bw, bh = max(max(xs) - min(xs), 1e-3), max(max(ys) - min(ys), 1e-3)
        scale = min(area_w / bw, area_h / bh)
        ox = area_x + (area_w - bw * scale) / 2 - min(xs) * scale
        oy = area_y + (area_h - bh * scale) / 2 + max(ys) * scale
        for stroke in appearance.strokes:
            path = c.beginPath()
            x0, y0 = stroke[0]
            path.moveTo(ox + x0 * scale, oy - y0 * scale)
            if len(stroke) == 1:
                path.lineTo(ox + x0 * scale + 0.5, oy - y0 * scale)
            for x, y in stroke[1:]:
                path.lineTo(ox + x * scale, oy - y * scale)
            c.drawPath(path, stroke=1, fill=0)
    c.setStrokeColor(colors.HexColor("#C9CFD6"))
    c.setLineWidth(0.6)
    c.line(pad, text_h, width - pad, text_h)
    # the words
    caption_key = "summary_sig_signed_by" if appearance.role == "counselor" else "summary_sig_acknowledged_by"
    when = appearance.signed_at
    offset = when.utcoffset() or dt.timedelta(0)
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    stamp = f"{r.date(when.date())}, {when:%H:%M} (UTC{'+' if offset >= dt.timedelta(0) else '-'}{abs(hours):02d}:{minutes:02d})"
    c.setFillColor(colors.HexColor("#555555"))
    c.setFont(REGULAR, 6.5)
    c.drawString(pad, text_h - 9, k.texts[caption_key].get(appearance.language))
    size, lines = fit_text(appearance.name, BOLD, width - 2 * pad, 12, (9.0, 8.0, 7.0, 6.0))
    c.setFillColor(colors.HexColor("#111111"))
    c.setFont(BOLD, size)
    c.drawString(pad, text_h - 19, lines[0] if lines else "")
    c.setFillColor(colors.HexColor("#333333"))
    c.setFont(OBLIQUE, 6.5)
    detail = stamp
    if appearance.witness:
        detail += " · " + k.texts["summary_sig_witness"].get(appearance.language).format(name=appearance.witness)
    size, lines = fit_text(detail, OBLIQUE, width - 2 * pad, 8, (6.5, 6.0, 5.5, 5.0))
    c.setFont(OBLIQUE, size)
    c.drawString(pad, text_h - 28, lines[0] if len(lines) == 1 else detail)
    c.showPage()
    c.save()
    return buffer.getvalue()


# --- signing -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldBox:
    name: str
    page: int
    rect: tuple[float, float, float, float]


def signature_fields(pdf: bytes) -> dict[str, FieldBox]:
    """The signature boxes the summary reserved (``/AzoDeskSignatureFields`` of its document
    information)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    info = reader.trailer_view.get("/Info")
    raw = str(info.get_object().get("/" + INFO_FIELDS, "")) if info is not None else ""
    boxes = {}
    for item in filter(None, raw.split(";")):
        name, page, *rect = item.split()
        boxes[name] = FieldBox(name, int(page), tuple(float(v) for v in rect))  # type: ignore[arg-type]
    return boxes


def sign_pdf(pdf: bytes, identity: SigningIdentity, passphrase: str, appearance: SignatureAppearance, *,
             field: str | None = None) -> bytes:
    """``pdf`` with one more PAdES signature (an incremental update), visibly in ``field``
    (``"Counselor"`` for the counselor, ``"Couple"`` for the couple's acknowledgement)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    field = field or (COUNSELOR_FIELD if appearance.role == "counselor" else COUPLE_FIELD)
    key_der = identity.unlock(passphrase)  # a wrong passphrase stops here
    if identity.ca is None:
        raise SigningError("this computer has no clinic CA")
    boxes = signature_fields(pdf)
    if field not in boxes:
        raise SigningError(f"the document has no signature box {field!r}")
    box = boxes[field]
    x1, y1, x2, y2 = box.rect
    cert = asn1_x509.Certificate.load(identity.certificate().public_bytes(_der()))
    ca_cert = asn1_x509.Certificate.load(identity.ca.certificate().public_bytes(_der()))
    signer = signers.SimpleSigner(
        signing_cert=cert, signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([ca_cert]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256", name=appearance.name,
    )
    with tempfile.TemporaryDirectory(prefix="azodesk-sign-") as folder:
        stamp_file = Path(folder) / "appearance.pdf"
        stamp_file.write_bytes(render_appearance(appearance, x2 - x1, y2 - y1))
        style = StaticStampStyle.from_pdf_file(
            str(stamp_file), border_width=0, background_opacity=1.0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins(), inner_content_scaling=layout.InnerScaling.NO_SCALING,
            ),
        )
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, stamp_style=style,
            new_field_spec=fields.SigFieldSpec(field, on_page=box.page, box=(x1, y1, x2, y2)),  # type: ignore[arg-type]
        )
        output = io.BytesIO()
        from azodesk.reports.verify import quiet_pyhanko

        try:
            with quiet_pyhanko():
                pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False), output=output)
        except Exception as error:  # pyHanko raises several types; one clear message
            raise SigningError(f"signing failed: {error}") from error
    return output.getvalue()


def _der() -> Any:
    from cryptography.hazmat.primitives import serialization

    return serialization.Encoding.DER
