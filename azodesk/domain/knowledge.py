"""The knowledge base: evidence, statements, outcome figures, glossary and vocabulary texts in
English and Bahasa Indonesia, loaded from ``resources/knowledge/*.toml`` and validated as a whole.

Validation is strict on purpose: a missing translation, an unknown source id or a placeholder that
differs between the languages is an error at start-up, never a silent fallback.
"""

from __future__ import annotations

import hashlib
import importlib.util
import string
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from azodesk.domain.vocab import Category, Confidence, MissingInput, Secondary, Status, StepId

Lang = Literal["en", "id"]
LANGS: tuple[Lang, ...] = ("en", "id")
LABELS = ("V", "V-sec", "U", "IMPL")
OUTCOME_KINDS = ("proportion", "relative", "months")
#: Files whose content is "the rules": a change to any of them needs a new ruleset version.
RULE_MODULES = ("findings.py", "classify.py", "pathway.py", "multihit.py")


class KnowledgeError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid knowledge base:\n" + "\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Text:
    en: str
    id: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.id


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    citation: str
    grade: str
    label: str
    note: str


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    value: float
    kind: str
    per: str
    label: Text
    population: Text
    source: str
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    key: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    key: str
    term: Text
    definition: Text
    id_reviewed: bool


@dataclass(frozen=True, slots=True)
class StepText:
    name: Text
    description: Text
    glossary: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    name: Text
    not_permitted: frozenset[StepId]
    reason: Text
    sources: tuple[str, ...]
    confirmed_by_clinic: bool


@dataclass(frozen=True, slots=True)
class FactorText:
    name: Text
    explanation: Text
    correctable: str
    present_text: Text
    action: Text
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MultiHitText:
    title: Text
    intro: Text
    caveat: Text
    sources: tuple[str, ...]
    factors: Mapping[str, FactorText]


@dataclass(frozen=True, slots=True)
class Release:
    version: str
    digest: str


@dataclass(frozen=True)
class Knowledge:
    sources: Mapping[str, Source]
    outcomes: Mapping[str, Outcome]
    statements: Mapping[str, Statement]
    terms: Mapping[str, Text]
    glossary: tuple[GlossaryTerm, ...]
    names: Mapping[str, Mapping[str, Text]]  # vocabulary section -> id -> name
    explanations: Mapping[str, Mapping[str, Text]]
    steps: Mapping[StepId, StepText]
    texts: Mapping[str, Text]
    per: Mapping[str, Text]
    jurisdictions: Mapping[str, Jurisdiction]
    multihit: MultiHitText
    releases: tuple[Release, ...]
    digest: str
    approved_id: frozenset[str] = frozenset()
    #: templates of the case-file problems (``parsing.TEMPLATES`` keys) and word units in them
    problems: Mapping[str, Text] = field(default_factory=dict)
    units: Mapping[str, Text] = field(default_factory=dict)

    @property
    def ruleset_version(self) -> str:
        return self.releases[-1].version

    def statement(self, key: str) -> Statement:
        return self.statements[key]

    def name(self, section: str, key: str) -> Text:
        return self.names[section][key]


# --- locating and reading the files ------------------------------------------------------------


def resources_dir() -> Path:
    """``resources/`` of a source checkout, else the copy inside the installed wheel."""
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if (checkout / "knowledge").is_dir():
        return checkout
    # azodesk._resources has no __init__.py: a namespace package, for which importlib.resources
    # answers with a MultiplexedPath (its str() is no path); its search location is the folder.
    spec = importlib.util.find_spec("azodesk._resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(str(resources.files("azodesk._resources")))


def knowledge_dir() -> Path:
    return resources_dir() / "knowledge"


def _read(folder: Path, name: str) -> dict[str, Any]:
    with (folder / name).open("rb") as handle:
        return tomllib.load(handle)


def compute_digest(folder: Path | None = None) -> str:
    """SHA-256 over the knowledge files and the rule modules (newlines normalised)."""
    folder = folder or knowledge_dir()
    digest = hashlib.sha256()
    rule_dir = Path(__file__).resolve().parent
    files = sorted(p for p in folder.glob("*.toml") if p.name != "ruleset.toml")
    files += [rule_dir / name for name in RULE_MODULES]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


@cache
def load_knowledge(folder: Path | None = None) -> Knowledge:
    folder = folder or knowledge_dir()
    problems: list[str] = []
    try:
        raw = {name: _read(folder, f"{name}.toml") for name in _FILES}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise KnowledgeError([f"{folder}: {error}"]) from error
    loader = _Loader(raw, problems)
    knowledge = loader.build(compute_digest(folder))
    problems.extend(validate(knowledge))
    if problems:
        raise KnowledgeError(problems)
    return knowledge


_FILES = ("evidence", "outcomes", "reasons", "glossary", "vocabulary", "multihit", "jurisdictions", "ruleset", "review")


class _Loader:
    """Turns the raw TOML into typed records, noting every problem instead of stopping."""

    def __init__(self, raw: dict[str, dict[str, Any]], problems: list[str]) -> None:
        self.raw, self.problems = raw, problems

    def text(self, where: str, value: Any) -> Text:
        if not isinstance(value, dict) or set(value) != set(LANGS):
            self.problems.append(f"{where}: expected a table with exactly 'en' and 'id'")
            return Text("", "")
        for lang in LANGS:
            if not isinstance(value[lang], str) or not value[lang].strip():
                self.problems.append(f"{where}.{lang}: missing or empty translation")
        return Text(str(value["en"]), str(value["id"]))

    def build(self, digest: str) -> Knowledge:
        vocabulary = self.raw["vocabulary"]
        return Knowledge(
            sources=self.sources(),
            outcomes=self.outcomes(),
            statements=self.statements(),
            terms={k: self.text(f"reasons.term.{k}", v) for k, v in self.raw["reasons"].get("term", {}).items()},
            glossary=self.glossary(),
            names={s: self.section(vocabulary, s, "name") for s in _VOCABULARY_SECTIONS},
            explanations={s: self.section(vocabulary, s, "explanation") for s in ("category", "secondary", "status")},
            steps=self.steps(vocabulary.get("step", {})),
            texts={k: self.text(f"vocabulary.text.{k}", v) for k, v in vocabulary.get("text", {}).items()},
            per={k: self.text(f"vocabulary.per.{k}", v.get("name")) for k, v in vocabulary.get("per", {}).items()},
            jurisdictions=self.jurisdictions(),
            multihit=self.multihit(),
            releases=tuple(Release(r["version"], r["digest"]) for r in self.raw["ruleset"].get("release", [])),
            digest=digest,
            approved_id=frozenset(entry["key"] for entry in self.raw["review"].get("approved", [])),
            problems={k: self.text(f"vocabulary.problem.{k}.text", v.get("text"))
                      for k, v in vocabulary.get("problem", {}).items()},
            units={k: self.text(f"vocabulary.unit.{k}.name", v.get("name"))
                   for k, v in vocabulary.get("unit", {}).items()},
        )

    def sources(self) -> dict[str, Source]:
        out = {}
        for key, entry in self.raw["evidence"].get("source", {}).items():
            if entry.get("label") not in LABELS:
                self.problems.append(f"evidence.source.{key}.label: expected one of {', '.join(LABELS)}")
            out[key] = Source(key, entry.get("citation", ""), entry.get("grade", ""), entry.get("label", ""), entry.get("note", ""))
        return out

    def outcomes(self) -> dict[str, Outcome]:
        out = {}
        for key, e in self.raw["outcomes"].get("outcome", {}).items():
            where = f"outcomes.outcome.{key}"
            out[key] = Outcome(
                id=key, value=float(e.get("value", -1)), kind=e.get("kind", ""), per=e.get("per", ""),
                label=self.text(f"{where}.label", e.get("label")),
                population=self.text(f"{where}.population", e.get("population")),
                source=e.get("source", ""), low=e.get("low"), high=e.get("high"),
            )
        return out

    def statements(self) -> dict[str, Statement]:
        out = {}
        for key, entry in self.raw["reasons"].get("reason", {}).items():
            text = self.text(f"reasons.reason.{key}", {k: entry.get(k) for k in LANGS})
            out[key] = Statement(key, text, tuple(entry.get("sources", ())))
        for code, entry in self.raw["jurisdictions"].get("jurisdiction", {}).items():
            text = self.text(f"jurisdictions.{code}.reason", entry.get("reason"))
            out[f"legal.{code}"] = Statement(f"legal.{code}", text, tuple(entry.get("sources", ())))
        return out

    def glossary(self) -> tuple[GlossaryTerm, ...]:
        out = []
        for i, e in enumerate(self.raw["glossary"].get("term", [])):
            key = e.get("key", f"#{i}")
            out.append(
                GlossaryTerm(
                    key, self.text(f"glossary.{key}.term", e.get("term")),
                    self.text(f"glossary.{key}.definition", e.get("definition")),
                    bool(e.get("id_reviewed", False)),
                )
            )
        return tuple(out)

    def section(self, vocabulary: dict[str, Any], section: str, field: str) -> dict[str, Text]:
        return {
            key: self.text(f"vocabulary.{section}.{key}.{field}", entry.get(field))
            for key, entry in vocabulary.get(section, {}).items()
        }

    def steps(self, entries: dict[str, Any]) -> dict[StepId, StepText]:
        out = {}
        for key, e in entries.items():
            if key not in StepId.__members__.values():
                self.problems.append(f"vocabulary.step.{key}: not a step id of case-format v1")
                continue
            out[StepId(key)] = StepText(
                self.text(f"vocabulary.step.{key}.name", e.get("name")),
                self.text(f"vocabulary.step.{key}.description", e.get("description")),
                tuple(e.get("glossary", ())),
            )
        return out

    def multihit(self) -> MultiHitText:
        raw = self.raw["multihit"]
        panel = raw.get("panel", {})
        factors = {}
        for key, e in raw.get("factor", {}).items():
            where = f"multihit.factor.{key}"
            if e.get("correctable") not in ("no", "possibly", "yes"):
                self.problems.append(f"{where}.correctable: expected no, possibly or yes")
            factors[key] = FactorText(
                *(self.text(f"{where}.{f}", e.get(f)) for f in ("name", "explanation")),
                str(e.get("correctable")),
                *(self.text(f"{where}.{f}", e.get(f)) for f in ("present_text", "action")),
                tuple(e.get("sources", ())),
            )
        return MultiHitText(
            *(self.text(f"multihit.panel.{f}", panel.get(f)) for f in ("title", "intro", "caveat")),
            tuple(panel.get("sources", ())), factors,
        )

    def jurisdictions(self) -> dict[str, Jurisdiction]:
        out = {}
        valid = {s.value for s in StepId}
        for code, e in self.raw["jurisdictions"].get("jurisdiction", {}).items():
            steps = [s for s in e.get("not_permitted", []) if s in valid]
            for s in set(e.get("not_permitted", [])) - valid:
                self.problems.append(f"jurisdictions.{code}.not_permitted: unknown step id {s!r}")
            out[code] = Jurisdiction(
                code, self.text(f"jurisdictions.{code}.name", e.get("name")),
                frozenset(StepId(s) for s in steps), self.text(f"jurisdictions.{code}.reason", e.get("reason")),
                tuple(e.get("sources", ())), bool(e.get("confirmed_by_clinic", False)),
            )
        return out


_VOCABULARY_SECTIONS = ("category", "secondary", "missing", "status", "confidence", "factor_state", "stage")
_VOCABULARY_IDS: dict[str, Iterable[str]] = {
    "category": [c.value for c in Category],
    "secondary": [s.value for s in Secondary],
    "missing": [m.value for m in MissingInput],
    "status": [s.value for s in Status],
    "confidence": [c.value for c in Confidence],
    "factor_state": ["present", "absent", "unknown"],
    "stage": ["evaluation", "cause", "medical", "surgical", "sperm", "freezing", "art", "alternatives", "tests"],
}


# --- whole-base checks ----------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def all_texts(k: Knowledge) -> Iterator[tuple[str, Text]]:
    for key, statement in k.statements.items():
        yield f"statement {key}", statement.text
    for key, text in k.terms.items():
        yield f"term {key}", text
    for key, outcome in k.outcomes.items():
        yield f"outcome {key} label", outcome.label
        yield f"outcome {key} population", outcome.population
    for term in k.glossary:
        yield f"glossary {term.key} term", term.term
        yield f"glossary {term.key} definition", term.definition
    for section, names in k.names.items():
        for key, text in names.items():
            yield f"{section} {key} name", text
    for section, explanations in k.explanations.items():
        for key, text in explanations.items():
            yield f"{section} {key} explanation", text
    for step, step_text in k.steps.items():
        yield f"step {step} name", step_text.name
        yield f"step {step} description", step_text.description
    for key, text in {**k.texts, **{f"per {p}": t for p, t in k.per.items()}}.items():
        yield key, text
    m = k.multihit
    yield from (("multihit title", m.title), ("multihit intro", m.intro), ("multihit caveat", m.caveat))
    for key, f in m.factors.items():
        for name in ("name", "explanation", "present_text", "action"):
            yield f"multihit {key} {name}", getattr(f, name)
    for key, text in k.problems.items():
        yield f"problem {key}", text
    for key, text in k.units.items():
        yield f"unit {key}", text


@dataclass(frozen=True, slots=True)
class ReviewItem:
    key: str
    text: Text
    attested: bool  # the Indonesian term appears in Indonesian clinical sources (facts.md †)


def unreviewed_indonesian(k: Knowledge) -> list[ReviewItem]:
    """Every Indonesian text the clinic's bilingual staff have not approved yet."""
    attested = {f"glossary {t.key} term" for t in k.glossary if t.id_reviewed}
    return [ReviewItem(key, text, key in attested) for key, text in all_texts(k) if key not in k.approved_id]


def validate(k: Knowledge) -> list[str]:
    problems = []
    for where, text in all_texts(k):
        if placeholders(text.en) != placeholders(text.id):
            problems.append(f"{where}: placeholders differ between en {sorted(placeholders(text.en))} and id {sorted(placeholders(text.id))}")
    for key, statement in k.statements.items():
        if not statement.sources:
            problems.append(f"statement {key}: no source")
        problems += [f"statement {key}: unknown source {s}" for s in statement.sources if s not in k.sources]
    for key, outcome in k.outcomes.items():
        if outcome.source not in k.sources:
            problems.append(f"outcome {key}: unknown source {outcome.source}")
        if outcome.kind not in OUTCOME_KINDS:
            problems.append(f"outcome {key}: kind must be one of {', '.join(OUTCOME_KINDS)}")
        if outcome.kind == "proportion" and not 0 <= outcome.value <= 1:
            problems.append(f"outcome {key}: a proportion must lie between 0 and 1")
        if outcome.per not in k.per:
            problems.append(f"outcome {key}: unknown 'per' {outcome.per!r}")
    for section, ids in _VOCABULARY_IDS.items():
        problems += [f"vocabulary {section}: no name for {i}" for i in ids if i not in k.names.get(section, {})]
    problems += [f"vocabulary step: no text for {s.value}" for s in StepId if s not in k.steps]
    glossary_keys = {t.key for t in k.glossary}
    for step, text in k.steps.items():
        problems += [f"step {step.value}: unknown glossary key {g}" for g in text.glossary if g not in glossary_keys]
    from azodesk.domain.multihit import FACTORS

    if set(k.multihit.factors) != set(FACTORS):
        problems.append(f"multihit: factors must be exactly {', '.join(FACTORS)}")
    multihit_sources = k.multihit.sources + tuple(s for f in k.multihit.factors.values() for s in f.sources)
    problems += [f"multihit: unknown source {s}" for s in multihit_sources if s not in k.sources]
    for code, j in k.jurisdictions.items():
        problems += [f"jurisdiction {code}: unknown source {s}" for s in j.sources if s not in k.sources]
    from azodesk.domain.parsing import TEMPLATES

    problems += [f"vocabulary problem: no text for {key}" for key in TEMPLATES if key not in k.problems]
    problems += [f"vocabulary problem.{key}: not a template of the case-file checks" for key in k.problems
                 if key not in TEMPLATES]
    known = {key for key, _ in all_texts(k)}
    problems += [f"review.toml: approved key {key!r} names no text" for key in sorted(k.approved_id - known)]
    if not k.releases:
        problems.append("ruleset.toml: no [[release]]")
    return problems


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--digest"]:
        print(compute_digest())
    else:
        knowledge = load_knowledge()
        print(f"knowledge base ok: ruleset {knowledge.ruleset_version}, {len(knowledge.sources)} sources, "
              f"{len(knowledge.statements)} statements, {len(knowledge.outcomes)} outcome figures")
