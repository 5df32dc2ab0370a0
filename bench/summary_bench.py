"""Signed summary speed: render + sign the demo couple's summary, next to the floor.

    python -m bench.summary_bench [--rounds 20] [--lang en|id]

AzoDesk: ``SummaryData.build`` (re-runs the assessment) + ``render_summary`` + ``sign_pdf``
(Argon2id key unlock, reportlab appearance with handwriting, visible PAdES signature).
Floor, measured in the same run: plain reportlab laying out the very same flowables (built
beforehand, outside the timer) with a plain ``BaseDocTemplate`` and canvas, plus a bare pyHanko
PAdES signature (key already in memory, invisible field, no appearance). Medians of ``rounds``
runs after one warm-up; targets: ≤ 0.3 s and ≤ 2× the floor.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench passphrase, long enough"
TARGET_SECONDS, TARGET_RATIO = 0.3, 2.0


def _strokes() -> list[list[tuple[float, float]]]:
    wave = [(0.05 + 0.6 * t / 60, 0.55 - 0.25 * math.sin(t / 4)) for t in range(61)]
    return [wave, [(0.1, 0.9), (0.9, 0.86)]]


def measure(rounds: int, lang: str) -> dict[str, object]:
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from azodesk.domain.knowledge import load_knowledge, resources_dir
    from azodesk.domain.parsing import load_case_bytes
    from azodesk.reports import styles
    from azodesk.reports.signing import SignatureAppearance, ensure_identity, sign_pdf
    from azodesk.reports.summary import (
        Clinic,
        SummaryData,
        render_summary,
        summary_flowables,
    )

    knowledge = load_knowledge()
    case = load_case_bytes((resources_dir() / "demo" / "demo-couple.case.json").read_bytes()).case
    assert case is not None
    clinic = Clinic("Klinik Fertilitas Harapan", "Yogyakarta")
    options = {"clinic": clinic, "counselor_name": "dr. Ayu Lestari", "language": lang,
               "notes": "The couple prefers to try the reversal first.",
               "chosen_plan": ("vasectomy_reversal", "sperm_cryopreservation"),
               "discussed_steps": ("vasectomy_reversal", "sperm_retrieval", "ivf_icsi")}
    keys = Path(tempfile.mkdtemp(prefix="azodesk-bench-keys-"))
    identity = ensure_identity("1", "dr. Ayu Lestari", PASSPHRASE, clinic_name=clinic.name, folder=keys)

    def azodesk() -> tuple[float, float, bytes]:
        t0 = time.perf_counter()
        data = SummaryData.build(case, knowledge, **options)  # type: ignore[arg-type]
        pdf = render_summary(data, knowledge)
        t1 = time.perf_counter()
        signed = sign_pdf(pdf, identity, PASSPHRASE, SignatureAppearance.of(
            "dr. Ayu Lestari", strokes=_strokes(), language=lang))  # type: ignore[arg-type]
        t2 = time.perf_counter()
        return t1 - t0, t2 - t1, signed

    # the floor: the same flowables, plain reportlab; a bare pyHanko signature
    data = SummaryData.build(case, knowledge, **options)  # type: ignore[arg-type]
    der = identity.unlock(PASSPHRASE)
    bare_signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(identity.certificate().public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(identity.ca.certificate().public_bytes(serialization.Encoding.DER))]),
    )

    def floor() -> tuple[float, float]:
        story = summary_flowables(data, knowledge)  # outside the timer
        t0 = time.perf_counter()
        buffer = io.BytesIO()
        doc = BaseDocTemplate(buffer, pagesize=A4, invariant=1, initialFontName="DejaVuSans")
        lw, lh = landscape(A4)
        doc.addPageTemplates([
            PageTemplate(id="portrait", frames=[Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height)],
                         pagesize=A4),
            PageTemplate(id="landscape", frames=[Frame(34, 42, lw - 68, lh - 84)], pagesize=landscape(A4)),
        ])
        doc.build(story)
        pdf = buffer.getvalue()
        t1 = time.perf_counter()
        meta = signers.PdfSignatureMetadata(field_name="Sig", subfilter=fields.SigSeedSubFilter.PADES,
                                            md_algorithm="sha256")
        out = io.BytesIO()
        signers.PdfSigner(meta, signer=bare_signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), output=out)
        t2 = time.perf_counter()
        return t1 - t0, t2 - t1

    styles.make_styles()
    _, _, sample = azodesk()  # warm-up (imports, font parsing)
    floor()
    ours = [azodesk()[:2] for _ in range(rounds)]
    base = [floor() for _ in range(rounds)]
    pages = _pages(sample)
    return {
        "pages": pages, "bytes": len(sample),
        "render": statistics.median(r for r, _ in ours), "sign": statistics.median(s for _, s in ours),
        "total": statistics.median(r + s for r, s in ours),
        "floor_render": statistics.median(r for r, _ in base), "floor_sign": statistics.median(s for _, s in base),
        "floor_total": statistics.median(r + s for r, s in base),
    }


def _pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        try:
            out = subprocess.run(["pdfinfo", handle.name], capture_output=True, check=False, text=True).stdout
        except OSError:
            return pdf.count(b"/Type /Page\n")
    return int(out.split("Pages:")[1].split()[0]) if "Pages:" in out else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--lang", choices=("en", "id"), default="en")
    args = parser.parse_args(argv)
    os.environ.setdefault("AZODESK_HOME", tempfile.mkdtemp(prefix="azodesk-bench-home-"))
    m = measure(args.rounds, args.lang)
    print(f"demo couple's summary ({args.lang}): {m['pages']} pages, {m['bytes']:,} bytes signed; "
          f"median of {args.rounds}")
    print(f"{'step':<10}{'AzoDesk':>12}{'floor':>12}{'ratio':>9}")
    for step in ("render", "sign", "total"):
        ours, base = float(m[step]), float(m[f"floor_{step}"])  # type: ignore[arg-type]
        print(f"{step:<10}{ours * 1000:>10.1f}ms{base * 1000:>10.1f}ms{ours / base:>8.2f}×")
    total, ratio = float(m["total"]), float(m["total"]) / float(m["floor_total"])  # type: ignore[arg-type]
    verdict = "meets" if total <= TARGET_SECONDS and ratio <= TARGET_RATIO else "MISSES"
    print(f"target ≤ {TARGET_SECONDS * 1000:.0f} ms and ≤ {TARGET_RATIO:.0f}× the floor: {verdict} "
          f"({total * 1000:.0f} ms, {ratio:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
