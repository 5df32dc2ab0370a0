"""The knowledge base loads, is complete in both languages and is versioned with the rules."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from azodesk.domain.knowledge import (
    KnowledgeError,
    all_texts,
    compute_digest,
    knowledge_dir,
    load_knowledge,
    placeholders,
)
from azodesk.domain.vocab import Category, MissingInput, Secondary, Status, StepId

SOURCE_FILES = Path(__file__).resolve().parents[2] / "azodesk" / "domain"


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    k = load_knowledge()
    texts = list(all_texts(k))
    assert len(texts) > 400
    for where, text in texts:
        assert text.en.strip() and text.id.strip(), where
        assert placeholders(text.en) == placeholders(text.id), where


def test_every_vocabulary_id_has_a_name_and_every_step_a_text() -> None:
    k = load_knowledge()
    for section, ids in (("category", Category), ("secondary", Secondary), ("missing", MissingInput), ("status", Status)):
        assert {i.value for i in ids} <= set(k.names[section]), section
    assert set(k.steps) == set(StepId)


def test_every_reason_used_by_the_engine_exists() -> None:
    """Reason keys are string literals in the rule modules; each must be in reasons.toml."""
    k = load_knowledge()
    keys: set[str] = set()
    for module in ("classify.py", "pathway.py"):
        source = (SOURCE_FILES / module).read_text(encoding="utf-8")
        keys |= set(re.findall(r'reason\(\s*"([a-z0-9_.]+)"', source))
        keys |= set(re.findall(r'"((?:cls|note|ni|done|icsi|vr|oa|noa|hh|ks|azf|azfc|chemo|crypto|androgen|retro|anej|ejac|universal|cftr|renal|peu|imaging|tured|counsel|genetics|varicocele|discordant|reconstruction|indeterminate|insufficient|cryptorchid)\.[a-z0-9_]+)"', source))
    assert len(keys) > 150
    assert sorted(keys - set(k.statements)) == []
    for step in StepId:
        assert f"ni.{step.value}" in k.statements
    for variant in ("bilateral", "unilateral"):
        assert f"cls.r17_{variant}" in k.statements and f"cryptorchid.micro_tese_{variant}" in k.statements


def test_every_source_used_is_catalogued_with_a_label() -> None:
    k = load_knowledge()
    used = {s for st in k.statements.values() for s in st.sources} | {o.source for o in k.outcomes.values()}
    assert used <= set(k.sources)
    assert {s.label for s in k.sources.values()} <= {"V", "V-sec", "U", "IMPL"}


def test_indonesia_does_not_permit_donor_sperm() -> None:
    assert StepId.DONOR_SPERM in load_knowledge().jurisdictions["ID"].not_permitted


def test_the_ruleset_version_changes_with_the_rules() -> None:
    """Rules or data changed? Add a new [[release]] to resources/knowledge/ruleset.toml."""
    k = load_knowledge()
    assert k.releases[-1].digest == compute_digest(), (
        f"rules or knowledge changed: add a [[release]] with a new version and digest = \"{compute_digest()}\""
    )
    versions = [r.version for r in k.releases]
    assert len(set(versions)) == len(versions) and all(re.fullmatch(r"\d{4}\.\d{2}\.\d+", v) for v in versions)


def test_a_missing_translation_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), broken)
    reasons = broken / "reasons.toml"
    text = reasons.read_text(encoding="utf-8")
    reasons.write_text(re.sub(r'\nid = "[^\n]*"', "", text, count=1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="missing or empty translation|exactly 'en' and 'id'"):
        load_knowledge(broken)


def test_an_unknown_source_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), broken)
    reasons = broken / "reasons.toml"
    reasons.write_text(reasons.read_text(encoding="utf-8").replace('"SCHOOR-2002"', '"NO-SUCH-SOURCE"', 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown source NO-SUCH-SOURCE"):
        load_knowledge(broken)


def test_i18n_review_lists_unapproved_indonesian_texts(capsys: pytest.CaptureFixture[str]) -> None:
    from azodesk.cli import main
    from azodesk.domain.knowledge import unreviewed_indonesian

    items = unreviewed_indonesian(load_knowledge())
    assert len(items) == len(list(all_texts(load_knowledge())))  # nothing approved yet
    assert any(i.attested for i in items) and not all(i.attested for i in items)
    assert main(["i18n-review", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "key,english,indonesian,attested_in_indonesian_sources"
    assert "statement cls.r14" in out


def test_an_approval_for_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), broken)
    (broken / "review.toml").write_text('[[approved]]\nkey = "statement no.such"\nreviewer = "x"\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="names no text"):
        load_knowledge(broken)
