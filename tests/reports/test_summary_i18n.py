"""The couple's summary in Bahasa Indonesia throughout: every step name and glossary entry in
Indonesian, no English sentence of the knowledge base, decimal commas (and points in English)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from summary_helpers import demo_data, flat, pdftotext

from azodesk.domain.case import Case
from azodesk.domain.knowledge import Knowledge, all_texts

pytestmark = pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="poppler-utils not installed")
UNITS = r"(?:mL|IU/L|mIU/mL|mIU/L|ng/mL|ng/dL|nmol/L|pmol/L|pg/mL|cm|kg/m²|%)"


@pytest.fixture(scope="module")
def texts(rendered: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("pdftotext")
    return {lang: flat(pdftotext(rendered[lang], folder, lang)) for lang in ("en", "id")}


def test_every_step_name_is_indonesian(texts: dict[str, str], demo_case: Case, knowledge: Knowledge) -> None:
    en, id_ = texts["en"], texts["id"]
    checked = 0
    for step in demo_data(demo_case, knowledge, "en").assessment.steps:
        name = knowledge.steps[step.id].name
        if name.en not in en:
            continue
        checked += 1
        assert name.id in id_, name.id
        if name.en != name.id and name.en not in name.id:
            assert name.en not in id_, name.en
    assert checked >= 20


def test_the_glossary_is_indonesian(texts: dict[str, str], knowledge: Knowledge) -> None:
    heading = {lang: knowledge.texts["summary_h_glossary"].get(lang) for lang in ("en", "id")}
    sections = {lang: texts[lang].split(heading[lang])[-1] for lang in ("en", "id")}
    terms = [t for t in knowledge.glossary if t.term.en in sections["en"]]
    assert len(terms) >= 8
    for term in terms:
        assert term.term.id in sections["id"], term.key
        assert term.definition.id[:40] in sections["id"], term.key
        if term.definition.en != term.definition.id:
            assert term.definition.en[:40] not in texts["id"], term.key


def test_no_english_clinical_sentence_is_left_in_the_indonesian_summary(texts: dict[str, str], knowledge: Knowledge) -> None:
    english = {fragment.strip() for _, text in all_texts(knowledge) if text.en != text.id
               for fragment in re.split(r"\{[^}]*\}", text.en) if len(fragment.strip()) >= 30}
    shown = [f for f in english if f in texts["en"]]
    assert len(shown) >= 30  # the English summary does say them
    assert [f for f in english if f in texts["id"]] == []


def test_numbers_have_the_decimal_sign_of_the_language(texts: dict[str, str]) -> None:
    en, id_ = texts["en"], texts["id"]
    assert re.search(rf"\d,\d+ ?{UNITS}", id_) and not re.search(rf"\d\.\d+ ?{UNITS}", id_)
    assert re.search(rf"\d\.\d+ ?{UNITS}", en) and not re.search(rf"\d,\d+ ?{UNITS}", en)
    assert "4,1 IU/L" in id_ and "4.1 IU/L" in en
    assert "21 November 2026" in id_ and "2026-11-21" not in id_


def test_the_text_report_warns_in_indonesian(demo_case: Case, knowledge: Knowledge, tmp_path: Path) -> None:
    """The summary tab's preview (the text report in the handout language) names checks in Indonesian."""
    import datetime as dt

    from azodesk.domain.assessment import assess
    from azodesk.domain.parsing import case_to_json, parse_case
    from azodesk.reports.text import render_text_report

    document = case_to_json(demo_case)
    document["male"]["semen_analyses"][0]["volume_ml"] = 0.3
    result = parse_case(document, today=dt.date(2026, 11, 21))
    assert result.case is not None and result.warnings
    a = assess(result.case, knowledge, warnings=result.warnings, today=dt.date(2026, 11, 21))
    text = " ".join(render_text_report(a, knowledge, "id").split())
    assert "male.semen_analyses[0].volume_ml: 0,3 mL lebih kecil dari biasanya; mohon periksa kembali" in text
    english = " ".join(render_text_report(a, knowledge, "en").split())
    assert "male.semen_analyses[0].volume_ml: 0.3 mL is unusually small; please check" in english
