"""The summary PDF itself: deterministic, fonts embedded, the right content in both languages."""

from __future__ import annotations

import ast
import hashlib
import json
import re
from pathlib import Path

import pytest
from summary_helpers import (
    CLINIC,
    DEMO_PLAN,
    flat,
    pdftotext,
    require_tools,
    run_tool,
    save_pages,
)

from azodesk.domain.case import Case
from azodesk.domain.knowledge import (
    Knowledge,
    KnowledgeError,
    load_knowledge,
    resources_dir,
)
from azodesk.domain.render import Renderer
from azodesk.reports.summary import (
    Addendum,
    SummaryData,
    content_digest,
    content_record,
    data_from_record,
    render_summary,
    short_digest,
    unpack_record,
)

REPORTS = Path(__file__).resolve().parents[2] / "azodesk" / "reports"


@pytest.fixture(autouse=True, scope="module")
def _tools() -> None:
    require_tools()


def test_two_renders_of_the_same_data_are_byte_identical(demo_case: Case, knowledge: Knowledge,
                                                         rendered: dict[str, bytes]) -> None:
    from summary_helpers import demo_data

    again = render_summary(demo_data(demo_case, knowledge, "en"), knowledge)
    assert again == rendered["en"]
    assert render_summary(demo_data(demo_case, knowledge, "en"), knowledge) == again
    assert rendered["en"] != rendered["id"]


def test_the_pdf_date_is_the_document_date_not_the_clock(rendered: dict[str, bytes]) -> None:
    assert b"/CreationDate (D:20261121000000Z)" in rendered["en"]
    assert b"/ModDate (D:20261121000000Z)" in rendered["en"]


def test_qpdf_finds_no_problem(rendered: dict[str, bytes], tmp_path: Path) -> None:
    for lang, pdf in rendered.items():
        path = tmp_path / f"{lang}.pdf"
        path.write_bytes(pdf)
        done = run_tool("qpdf", "--check", str(path))
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_font_is_embedded_and_none_is_helvetica(rendered: dict[str, bytes], tmp_path: Path, lang: str) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(rendered[lang])
    lines = run_tool("pdffonts", str(path)).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", line
        assert "DejaVuSans" in name, line
    assert b"Helvetica" not in rendered[lang]


def test_the_english_summary_says_what_the_couple_needs(rendered: dict[str, bytes], knowledge: Knowledge,
                                                        tmp_path: Path) -> None:
    text = flat(pdftotext(rendered["en"], tmp_path))
    r = Renderer(knowledge, "en")
    for needle in (
        "Klinik Fertilitas Harapan", "Yogyakarta", "Consultation summary", "Budi Santoso (demo)", "Sari (demo)",
        "DEMO-0001", "dr. Ayu Lestari", "21 November 2026",
        r.name("category", "OA.POST_VASECTOMY"), "High confidence",
        "Vasectomy reversal", "Freeze sperm", "Sperm retrieval", "IVF with ICSI", "Donor sperm", "Micro-TESE",
        "about 88 of 100 men", "about 53 of 100 couples",
        "519 ng/dL", "10–35 nmol/L", "≥ 1.4 mL", "4.1 IU/L",
        "[BELKER-1991]", "[V]", "[V-sec]", "[U]", "References", "Words used in this summary",
        "Your counselor's notes", "<b>next</b> visit & call",  # the notes, printed literally
        f"ruleset {knowledge.ruleset_version}", r.text("disclaimer"),
    ):
        assert needle in text, needle
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))  # type: ignore[union-attr]
    assert pages >= 4
    assert f"Page {pages} of {pages}" in text


def test_every_page_footer_shows_the_content_digest(rendered: dict[str, bytes], demo_case: Case,
                                                   knowledge: Knowledge, tmp_path: Path) -> None:
    from summary_helpers import demo_data

    digest = content_digest(demo_data(demo_case, knowledge, "en"), knowledge)
    text = pdftotext(rendered["en"], tmp_path)
    pages = text.split("\f")[:-1]
    assert pages and all(f"Content SHA-256 {short_digest(digest)}" in page for page in pages)


def test_the_content_record_inside_the_pdf_hashes_to_the_printed_digest(rendered: dict[str, bytes],
                                                                       knowledge: Knowledge) -> None:
    from azodesk.reports.verify import _info

    info = _info(rendered["en"])
    record = unpack_record(info["AzoDeskContent"])
    assert hashlib.sha256(record).hexdigest() == info["AzoDeskContentDigest"]
    again = render_summary(data_from_record(json.loads(record), knowledge), knowledge)
    assert again == rendered["en"]


def test_the_indonesian_summary_is_indonesian(rendered: dict[str, bytes], knowledge: Knowledge,
                                              tmp_path: Path) -> None:
    en, id_ = (flat(pdftotext(rendered[lang], tmp_path, lang)) for lang in ("en", "id"))
    r_id, r_en = Renderer(knowledge, "id"), Renderer(knowledge, "en")
    for needle in (
        "Ringkasan konsultasi", "Penyambungan kembali vasektomi", "Bekukan sperma", "Sperma donor",
        "sekitar 88 dari 100 pria", "Halaman 1 dari", "Istilah dalam ringkasan ini", "Daftar pustaka",
        "21 November 2026", "4,1 IU/L", "3,1 mL", "≥ 1,4 mL", "2,8 mL", "24,5 kg/m²",
        r_id.name("category", "OA.POST_VASECTOMY"),
    ):
        assert needle in id_, needle
    # glossary entries in Indonesian
    for term in knowledge.glossary:
        if term.key in ("vasovasostomy", "cryopreservation"):
            assert term.definition.get("id") in id_
    # clinical sentences of the knowledge base printed in English are absent from the Indonesian one
    from summary_helpers import demo_data

    data = demo_data(load_knowledge_case(), knowledge, "en")
    samples = [r_en.reason(x) for step in data.assessment.steps for x in step.reasons][:25]
    samples += [knowledge.steps[step.id].description.en for step in data.assessment.steps if step.status.value != "NOT_INDICATED"]
    samples += [r_en.text("disclaimer"), knowledge.explanations["category"]["OA.POST_VASECTOMY"].en]
    checked = [s for s in samples if s in en]
    assert len(checked) >= 20, "the English sample sentences should be in the English summary"
    leaked = [s for s in checked if s in id_]
    assert leaked == []
    for english in ("Consultation summary", "Page 1 of", "Words used in this summary", "Recommended", "about 88 of 100"):
        assert english not in id_


def load_knowledge_case() -> Case:
    from azodesk.domain.parsing import load_case_bytes

    case = load_case_bytes((resources_dir() / "demo" / "demo-couple.case.json").read_bytes()).case
    assert case is not None
    return case


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_case_with_every_field_prints_every_label(full_case: Case, knowledge: Knowledge, tmp_path: Path,
                                                    lang: str) -> None:
    data = SummaryData.build(
        full_case, knowledge, clinic=CLINIC, counselor_name="dr. Ayu Lestari", language=lang,  # type: ignore[arg-type]
        chosen_plan=("sperm_retrieval", "ivf_icsi"), discussed_steps=("tured",), version=2,
        issued_on=full_case.consultation_date, addenda=(Addendum(full_case.consultation_date, "AMH repeated",  # type: ignore[arg-type]
                                                                  "Second AMH value added."),),
    )
    pdf = render_summary(data, knowledge)
    text = flat(pdftotext(pdf, tmp_path))
    used = _summary_keys_in_code()
    field_keys = [k for k in used if k.startswith("field_")]
    assert len(field_keys) >= 40
    for key in field_keys:
        assert knowledge.texts[f"summary_{key}"].get(lang) in text, key
    assert ("AMH repeated" in text) and ("Second AMH value added." in text)
    assert knowledge.texts["summary_version"].get(lang).format(version=2) in text
    assert "↑" in text and "↓" in text  # values outside the typical ranges are flagged
    if lang == "en":
        assert "18 nmol/L" not in text and "14.2 nmol/L" in text  # 4.1 ng/mL testosterone in nmol/L
        assert "4.1 ng/mL" in text and "212 mIU/L" in text


def _summary_keys_in_code() -> set[str]:
    """Literal text keys the renderer asks for: self.t("key") and field_ labels of the field tables."""
    keys: set[str] = set()
    source = (REPORTS / "summary.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "t" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
        if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[0], ast.Constant):
            value = node.elts[0].value
            if isinstance(value, str) and re.fullmatch(r"[a-z_]+", value) and f"summary_field_{value}" in load_knowledge().texts:
                keys.add(f"field_{value}")
    from azodesk.reports.summary import _HISTORY_FLAGS

    keys |= {f"field_{name}" for name in _HISTORY_FLAGS}
    return keys


def test_every_text_key_the_renderer_uses_exists_in_both_languages(knowledge: Knowledge) -> None:
    used = _summary_keys_in_code()
    assert len(used) > 60
    missing = sorted(k for k in used if f"summary_{k}" not in knowledge.texts)
    assert missing == []
    for key, text in knowledge.texts.items():
        if key.startswith("summary_"):
            assert text.en.strip() and text.id.strip(), key


def test_every_summary_text_named_anywhere_in_the_reports_package_exists(knowledge: Knowledge) -> None:
    named = {m for path in REPORTS.glob("*.py") for m in re.findall(r'"(summary_[a-z_]+)"', path.read_text("utf-8"))}
    assert "summary_sig_signed_by" in named
    assert sorted(n for n in named if n not in knowledge.texts) == []


def test_renders_are_identical_across_processes(rendered: dict[str, bytes], tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, 'tests/reports')\n"
        "from summary_helpers import demo_data\n"
        "from azodesk.domain.knowledge import load_knowledge, resources_dir\n"
        "from azodesk.domain.parsing import load_case_bytes\n"
        "from azodesk.reports.summary import render_summary\n"
        "k = load_knowledge()\n"
        "case = load_case_bytes((resources_dir() / 'demo' / 'demo-couple.case.json').read_bytes()).case\n"
        "sys.stdout.buffer.write(render_summary(demo_data(case, k, 'id'), k))\n"
    )
    root = REPORTS.parents[1]
    for seed in ("1", "4242"):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False, cwd=root,
                              env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout == rendered["id"]


def test_a_missing_indonesian_summary_text_fails_the_knowledge_base(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for path in (resources_dir() / "knowledge").glob("*.toml"):
        (folder / path.name).write_bytes(path.read_bytes())
    vocabulary = folder / "vocabulary.toml"
    text = vocabulary.read_text(encoding="utf-8")
    broken = text.replace('[text.summary_title]\nen = "Consultation summary"\nid = "Ringkasan konsultasi"',
                          '[text.summary_title]\nen = "Consultation summary"')
    assert broken != text
    vocabulary.write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="summary_title"):
        load_knowledge(folder)


def test_the_content_record_holds_every_input(demo_case: Case, knowledge: Knowledge) -> None:
    from summary_helpers import demo_data

    data = demo_data(demo_case, knowledge, "id")
    record = content_record(data, knowledge)
    assert record["chosen_plan"] == list(DEMO_PLAN) and record["language"] == "id"
    assert record["knowledge_digest"] == knowledge.digest and record["case"]["male"]["record_number"] == "DEMO-0001"
    assert content_record(data_from_record(record, knowledge), knowledge) == record
    changed = demo_data(demo_case, knowledge, "id", version=2)
    assert content_digest(changed, knowledge) != content_digest(data, knowledge)


def test_hostile_text_is_printed_not_interpreted(demo_case: Case, knowledge: Knowledge, tmp_path: Path) -> None:
    notes = "<para>&amp; </b> \x00\x07 \u202eRTL\u202c " + "x" * 3000 + "\n" + "kata " * 4000
    data = SummaryData.build(demo_case, knowledge, clinic=CLINIC, counselor_name="<script>", notes=notes,
                             man_name="A & B <C>", language="en")
    pdf = render_summary(data, knowledge)
    text = flat(pdftotext(pdf, tmp_path))
    assert "A & B <C>" in text and "<script>" in text and "<para>&amp; </b>" in text


def test_the_pages_render_to_png_for_looking_at_them(rendered: dict[str, bytes]) -> None:
    for lang in ("en", "id"):
        pages = save_pages(rendered[lang], f"summary-{lang}")
        assert len(pages) >= 4 and all(p.stat().st_size > 10_000 for p in pages)
