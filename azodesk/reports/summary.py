"""The consultation summary PDF: what the couple takes home and what the clinic keeps.

One renderer, :func:`render_summary`, turns a :class:`SummaryData` into PDF bytes. It is
deterministic: reportlab runs in invariant mode, the PDF dates are the document's own date, and
the same data with the same knowledge base gives the same bytes.

**The footer digest.** A file cannot print its own SHA-256. Every page's footer therefore shows
the first 16 hex digits of the *content digest*: the SHA-256 of the summary's canonical content
record (:func:`content_record`: every input of the renderer — clinic, couple, counselor, dates,
the case as entered, notes, chosen plan, discussed steps, addenda, language, version, ruleset
version and the knowledge base's digest — as canonical JSON, UTF-8). The record itself travels
inside the PDF (document information entry ``/AzoDeskContent``, zlib + base64) with the full
digest (``/AzoDeskContentDigest``). ``azodesk verify`` recomputes the digest from the record and
re-renders the record: the result must be byte-for-byte the signed revision of the file, which
proves that every page shows exactly that content and that the footer digest is its digest.
A paper copy can be checked the same way: the clinic re-renders the consultation from its
database and compares the footer.

All visible texts come from the knowledge base (``[text.summary_*]`` in
``resources/knowledge/vocabulary.toml`` and the clinical texts); numbers and dates follow the
summary's language. reportlab is imported only inside :func:`render_summary`'s call tree.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from azodesk.domain.assessment import Assessment, assess, assessment_to_record
from azodesk.domain.case import Case, Measurement, SidedNumber
from azodesk.domain.diagram import (
    CAUSE_NODE,
    STATUS_ORDER,
    STATUS_STYLES,
    pathway_layout,
)
from azodesk.domain.knowledge import Knowledge, Lang
from azodesk.domain.parsing import case_to_json, parse_case
from azodesk.domain.reasons import Reason
from azodesk.domain.render import Renderer
from azodesk.domain.units import canonical_unit
from azodesk.domain.vocab import Status, StepId
from azodesk.reports import reference

if TYPE_CHECKING:  # pragma: no cover
    from reportlab.platypus import Flowable

CONTENT_FORMAT = "azodesk.summary-content/1"
#: Bumped whenever the page layout changes, so a re-render can tell "different layout" apart.
LAYOUT_VERSION = 1
INFO_CONTENT = "AzoDeskContent"
INFO_DIGEST = "AzoDeskContentDigest"
INFO_FIELDS = "AzoDeskSignatureFields"
COUNSELOR_FIELD, COUPLE_FIELD = "Counselor", "Couple"
SHORT_DIGEST = 16
NBSP = "\u00a0"


class SummaryError(ValueError):
    """The summary cannot be made from these inputs (a clear, user-facing message)."""


@dataclass(frozen=True, slots=True)
class Clinic:
    name: str
    city: str = ""


@dataclass(frozen=True, slots=True)
class Addendum:
    date: dt.date
    reason: str
    text: str


@dataclass(frozen=True)
class SummaryData:
    """Everything one summary shows. Build it with :meth:`build` (which re-runs ``assess``)."""

    clinic: Clinic
    man_name: str
    woman_name: str
    record_number: str
    counselor_name: str
    consultation_date: dt.date
    case: Case
    assessment: Assessment
    notes: str = ""
    chosen_plan: tuple[str, ...] = ()
    discussed_steps: tuple[str, ...] = ()
    version: int = 1
    language: Lang = "en"
    #: the document's own date (PDF creation date); the consultation date when not given
    issued_on: dt.date | None = None
    addenda: tuple[Addendum, ...] = ()

    @property
    def document_date(self) -> dt.date:
        return self.issued_on or self.consultation_date

    @classmethod
    def build(
        cls, case: Case, knowledge: Knowledge, *, clinic: Clinic, counselor_name: str,
        man_name: str | None = None, woman_name: str | None = None, record_number: str | None = None,
        consultation_date: dt.date | None = None, notes: str = "", chosen_plan: Iterable[str] = (),
        discussed_steps: Iterable[str] = (), version: int = 1, language: Lang = "en",
        issued_on: dt.date | None = None, addenda: Iterable[Addendum] = (),
    ) -> SummaryData:
        when = consultation_date or case.consultation_date
        if when is None:
            raise SummaryError("the consultation has no date")
        if language not in ("en", "id"):
            raise SummaryError(f"unknown language {language!r}; expected en or id")
        valid = {s.value for s in StepId}
        for step in (*chosen_plan, *discussed_steps):
            if step not in valid:
                raise SummaryError(f"unknown step id {step!r}")
        if version < 1:
            raise SummaryError("the document version starts at 1")
        return cls(
            clinic=clinic,
            man_name=man_name if man_name is not None else (case.male.name or ""),
            woman_name=woman_name if woman_name is not None else ((case.female.name if case.female else None) or ""),
            record_number=record_number if record_number is not None else (case.male.record_number or ""),
            counselor_name=counselor_name, consultation_date=when, case=case,
            assessment=assess(case, knowledge, today=when),
            notes=notes, chosen_plan=tuple(dict.fromkeys(chosen_plan)),
            discussed_steps=tuple(dict.fromkeys(discussed_steps)), version=version, language=language,
            issued_on=issued_on, addenda=tuple(addenda),
        )


# --- the content record and its digest -------------------------------------------------------------


def renderer_version() -> str:
    """What else decides the bytes: reportlab's version (the bundled fonts and AzoDesk's own page
    layout are covered by :data:`LAYOUT_VERSION`, which must be bumped when either changes)."""
    import reportlab

    return f"reportlab {reportlab.Version}"


def content_record(data: SummaryData, knowledge: Knowledge) -> dict[str, Any]:
    """Every input of the renderer as plain JSON values (see the module documentation)."""
    return {
        "format": CONTENT_FORMAT,
        "layout": LAYOUT_VERSION,
        "renderer": renderer_version(),
        "language": data.language,
        "version": data.version,
        "clinic": {"name": data.clinic.name, "city": data.clinic.city},
        "couple": {"man": data.man_name, "woman": data.woman_name, "record_number": data.record_number},
        "counselor": data.counselor_name,
        "consultation_date": data.consultation_date.isoformat(),
        "issued_on": data.document_date.isoformat(),
        "case": case_to_json(data.case),
        "notes": data.notes,
        "chosen_plan": list(data.chosen_plan),
        "discussed_steps": list(data.discussed_steps),
        "addenda": [{"date": a.date.isoformat(), "reason": a.reason, "text": a.text} for a in data.addenda],
        "ruleset_version": knowledge.ruleset_version,
        "knowledge_digest": knowledge.digest,
        "assessment": assessment_to_record(data.assessment),
    }


def canonical_bytes(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_digest(data: SummaryData, knowledge: Knowledge) -> str:
    return hashlib.sha256(canonical_bytes(content_record(data, knowledge))).hexdigest()


def short_digest(digest: str) -> str:
    part = digest[:SHORT_DIGEST]
    return " ".join(part[i:i + 4] for i in range(0, len(part), 4))


def pack_record(record_bytes: bytes) -> str:
    return base64.b64encode(zlib.compress(record_bytes, 9)).decode("ascii")


def unpack_record(packed: str) -> bytes:
    return zlib.decompress(base64.b64decode(packed.encode("ascii"), validate=True))


def data_from_record(record: dict[str, Any], knowledge: Knowledge) -> SummaryData:
    """The :class:`SummaryData` a content record was made from (for re-rendering).

    Raises :class:`SummaryError` when the record is not one of ours or was made with another
    knowledge base (the texts and rules would differ).
    """
    if record.get("format") != CONTENT_FORMAT:
        raise SummaryError("not an AzoDesk summary content record")
    if record.get("knowledge_digest") != knowledge.digest:
        raise SummaryError(
            f"made with ruleset {record.get('ruleset_version')} (another knowledge base); "
            f"this AzoDesk has ruleset {knowledge.ruleset_version}"
        )
    when = dt.date.fromisoformat(record["consultation_date"])
    parsed = parse_case(record["case"], today=when)
    if parsed.case is None:
        raise SummaryError("the case inside the record is not valid")
    couple = record["couple"]
    data = SummaryData.build(
        parsed.case, knowledge, clinic=Clinic(record["clinic"]["name"], record["clinic"]["city"]),
        counselor_name=record["counselor"], man_name=couple["man"], woman_name=couple["woman"],
        record_number=couple["record_number"], consultation_date=when, notes=record["notes"],
        chosen_plan=record["chosen_plan"], discussed_steps=record["discussed_steps"],
        version=record["version"], language=record["language"],
        issued_on=dt.date.fromisoformat(record["issued_on"]),
        addenda=[Addendum(dt.date.fromisoformat(a["date"]), a["reason"], a["text"]) for a in record["addenda"]],
    )
    if record.get("layout") != LAYOUT_VERSION or record.get("renderer") != renderer_version():
        raise SummaryError(f"made with summary layout {record.get('layout')} ({record.get('renderer')}); this AzoDesk "
                           f"has layout {LAYOUT_VERSION} ({renderer_version()})")
    return data


# --- rendering -------------------------------------------------------------------------------------


def render_summary(data: SummaryData, knowledge: Knowledge) -> bytes:
    """The summary as PDF bytes (A4; deterministic)."""
    return _Builder(data, knowledge).build()


def summary_flowables(data: SummaryData, knowledge: Knowledge) -> list[Flowable]:
    """The Platypus story of the summary, without laying it out (for the benchmark's floor)."""
    return _Builder(data, knowledge).story()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(text: str) -> str:
    """Plain text for a Paragraph: markup characters escaped, control characters dropped."""
    text = _CONTROL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class _Used:
    """What the document cites and says, for the references and the glossary."""

    sources: dict[str, None] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)

    def cite(self, ids: Iterable[str]) -> list[str]:
        ids = list(dict.fromkeys(ids))
        for source in ids:
            self.sources[source] = None
        return ids


class _Builder:
    def __init__(self, data: SummaryData, knowledge: Knowledge) -> None:
        from azodesk.reports import styles

        self.d, self.k, self.lang = data, knowledge, data.language
        self.r = Renderer(knowledge, data.language)
        self.a = data.assessment
        self.st = styles.make_styles()
        self.used = _Used()
        self.record = content_record(data, knowledge)
        self.record_bytes = canonical_bytes(self.record)
        self.digest = hashlib.sha256(self.record_bytes).hexdigest()
        self.steps = {s.id.value: s for s in self.a.steps}

    # --- texts ----------------------------------------------------------------------------------
    def t(self, key: str, **params: Any) -> str:
        text = self.k.texts[f"summary_{key}"].get(self.lang)
        return text.format(**params) if params else text

    def say(self, text: str) -> str:
        """A knowledge-base text that is shown: remembered for the glossary, escaped."""
        self.used.texts.append(text)
        return esc(text)

    def num(self, value: float, decimals: int = 2) -> str:
        return self.r.number(value, decimals)

    def P(self, markup: str, style: str = "body") -> Flowable:
        from reportlab.platypus import Paragraph

        return Paragraph(markup, self.st[style])

    def cited(self, ids: Iterable[str]) -> str:
        ids = self.used.cite(ids)
        return f' <font color="#555555" size="8">[{esc(", ".join(ids))}]</font>' if ids else ""

    # --- the document ---------------------------------------------------------------------------
    def build(self) -> bytes:
        from azodesk.reports import styles

        story = self.story()
        page = {
            "header": f"{self.d.clinic.name} · {self.t('title')}",
            "header_right": self.d.record_number,
            "footer_left": self.t("footer_digest", digest=short_digest(self.digest)),
            "footer_middle": self.t("footer_version", version=self.d.version, ruleset=self.k.ruleset_version),
            "page": self.k.texts["summary_page"].get(self.lang),
        }
        info = {
            INFO_CONTENT: pack_record(self.record_bytes),
            INFO_DIGEST: self.digest,
        }
        return styles.build_pdf(
            story, page=page, info=info, title=f"{self.t('title')} · {self.d.record_number}".strip(" ·"),
            author=self.d.counselor_name, created=self.d.document_date, lang=self.lang,
        )

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.title_block()
        story += self.addenda()
        story += self.cause()
        story += self.plan()
        story += self.missing()
        story += self.counselor_notes()
        story += self.results()
        story += self.diagram()
        story += self.steps_by_status()
        story += self.multihit()
        story += self.glossary()
        story += self.references()
        story += self.closing()
        story += self.signatures()
        return story

    # --- page 1 ---------------------------------------------------------------------------------
    def title_block(self) -> list[Flowable]:
        from reportlab.platypus import Spacer, Table

        d, r = self.d, self.r
        out: list[Flowable] = [
            self.P(esc(d.clinic.name), "clinic"),
            self.P(esc(d.clinic.city), "muted") if d.clinic.city else Spacer(1, 0),
            Spacer(1, 6),
            self.P(esc(self.t("title")), "h1"),
            self.P(esc(self.t("subtitle")) + " · " + esc(self.t("version", version=d.version))
                   + (" · " + esc(self.t("issued", date=r.date(d.document_date))) if d.issued_on and d.issued_on != d.consultation_date else ""),
                   "muted"),
            Spacer(1, 8),
        ]
        f = self.a.findings
        man = self.person(d.man_name, f.male_age)
        woman = self.person(d.woman_name, f.female_age)
        jurisdiction = self.k.jurisdictions.get(self.a.jurisdiction)
        rows = [
            (self.t("man"), man, self.t("record_number"), esc(d.record_number)),
            (self.t("woman"), woman, self.t("counselor"), esc(d.counselor_name)),
            (self.r.text("report_date"), esc(r.date(d.consultation_date)), self.r.text("report_jurisdiction"),
             esc(jurisdiction.name.get(self.lang) if jurisdiction else self.a.jurisdiction)),
        ]
        cells = [[self.P(esc(a), "label"), self.P(b, "cell"), self.P(esc(c), "label"), self.P(e, "cell")] for a, b, c, e in rows]
        table = Table(cells, colWidths=["18%", "34%", "20%", "28%"], hAlign="LEFT")
        table.setStyle(self.box_style())
        out += [table, Spacer(1, 4)]
        return out

    def person(self, name: str, age: float | None) -> str:
        shown = esc(self.t("age", age=self.num(age, 0))) if age is not None else ""
        if name and shown:
            return f"{esc(name)} ({shown})"
        return esc(name) or shown or "–"

    def box_style(self) -> Any:
        from azodesk.reports.styles import table_style

        return table_style(
            ("BACKGROUND", (0, 0), (-1, -1), "#F4F6F8"),
            ("BOX", (0, 0), (-1, -1), 0.6, "#C9CFD6"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )

    def grid_style(self, header: bool = True) -> Any:
        from azodesk.reports.styles import table_style

        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, "#C9CFD6"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), "#E6EBF0"))
        return table_style(*commands)

    def addenda(self) -> list[Flowable]:
        if not self.d.addenda:
            return []
        out: list[Flowable] = [self.P(esc(self.t("h_addenda")), "h2")]
        for a in self.d.addenda:
            out.append(self.P(f"<b>{esc(self.r.date(a.date))}: {esc(a.reason)}</b>", "body"))
            out += [self.P(esc(line), "body") for line in a.text.splitlines() if line.strip()]
        return out

    def reason_lines(self, reasons: Sequence[Reason], style: str = "bullet") -> list[Flowable]:
        return [self.P(self.say(self.r.reason(x)) + self.cited(self.r.sources([x])), style) for x in reasons]

    def cause(self) -> list[Flowable]:
        from reportlab.platypus import KeepTogether

        c, r, lang = self.a.classification, self.r, self.lang
        name = self.say(r.name("category", c.category.value))
        confidence = f" · {self.say(r.name('confidence', c.confidence.value))}" if c.confidence else ""
        out: list[Flowable] = [
            self.P(esc(self.t("h_cause")), "h2"),
            self.P(f"<b>{name}</b>{confidence}", "lead"),
            self.P(self.say(self.k.explanations["category"][c.category.value].get(lang)), "body"),
        ]
        if c.reasons:
            out += [self.P(esc(self.t("why")), "h3")] + self.reason_lines(c.reasons)
        if c.secondary:
            out.append(self.P(esc(r.text("report_also")), "h3"))
            for label in c.secondary:
                text = self.k.explanations["secondary"][label.value].get(lang)
                out.append(self.P(f"<b>{self.say(r.name('secondary', label.value))}</b>: {self.say(text)}", "bullet"))
        if c.notes:
            out += [self.P(esc(r.text("report_notes")), "h3")] + self.reason_lines(c.notes)
        return [KeepTogether(out[:3]), *out[3:]]

    def step_label(self, step_id: str) -> str:
        step = self.steps[step_id]
        return f"{self.say(self.r.step_name(step.id))} <font color=\"#555555\">({self.say(self.r.name('status', step.status.value))})</font>"

    def plan(self) -> list[Flowable]:
        out: list[Flowable] = [self.P(esc(self.t("h_plan")), "h2")]
        if self.d.chosen_plan:
            out += [self.P(f"<b>{i}.</b> {self.step_label(s)}", "bullet") for i, s in enumerate(self.d.chosen_plan, 1)]
        else:
            out.append(self.P(esc(self.t("plan_none")), "body"))
        discussed = [s for s in self.d.discussed_steps]
        out.append(self.P(esc(self.t("h_discussed")), "h3"))
        if discussed:
            out.append(self.P(", ".join(self.step_label(s) for s in discussed), "body"))
        else:
            out.append(self.P(esc(self.t("discussed_none")), "body"))
        return out

    def missing(self) -> list[Flowable]:
        missing = self.a.classification.missing
        if not missing:
            return []
        out: list[Flowable] = [self.P(esc(self.t("h_missing")), "h2")]
        out += [self.P(self.say(_cap(self.r.name("missing", m.value))), "check") for m in missing]
        return out

    def counselor_notes(self) -> list[Flowable]:
        out: list[Flowable] = [self.P(esc(self.t("h_notes")), "h2")]
        lines = [line for line in self.d.notes.splitlines() if line.strip()]
        if not lines:
            return out + [self.P(esc(self.t("notes_none")), "muted")]
        return out + [self.P(esc(line), "body") for line in lines]

    # --- evaluation results ---------------------------------------------------------------------
    def results(self) -> list[Flowable]:
        from reportlab.platypus import CondPageBreak

        out: list[Flowable] = [CondPageBreak(160), self.P(esc(self.t("h_results")), "h2"),
                               self.P(esc(self.t("results_note")), "small")]
        out += self.semen()
        out += self.hormones()
        sections = (
            ("h_exam", self.exam_rows()),
            ("h_history", self.history_rows()),
            ("h_genetics", self.genetics_rows()),
            ("h_female", self.female_rows()),
        )
        for heading, rows in sections:
            out += self.field_table(heading, rows)
        return out

    def sub(self, key: str) -> list[Flowable]:
        """A sub-heading over a table: kept with at least a few rows, while the table itself may
        still split across pages (keepWithNext would move a long table whole)."""
        from reportlab.platypus import CondPageBreak

        return [CondPageBreak(90), self.P(esc(self.t(key)), "h3t")]

    def semen(self) -> list[Flowable]:
        from reportlab.platypus import Table

        male = self.d.case.male
        samples = male.semen_analyses or []
        out: list[Flowable] = self.sub("h_semen")
        if not samples:
            out.append(self.P(esc(self.t("nothing_entered")), "muted"))
        else:
            ref = reference.SEMEN
            head = [self.t("col_date"), self.t("col_volume"), self.t("col_ph"), self.t("col_abstinence"),
                    self.t("col_fructose"), self.t("col_pellet"), self.t("col_concentration")]
            rows = [[self.P(f"<b>{esc(h)}</b>", "cell") for h in head]]
            for s in samples:
                if s.no_ejaculate:
                    cells = [self.date_or_dash(s.date), self.t("no_ejaculate"), "", "", "", "", ""]
                else:
                    cells = [
                        self.date_or_dash(s.date),
                        self.flagged(s.volume_ml, "mL", ref["volume_ml"]),
                        self.flagged(s.ph, "", ref["ph"], decimals=1),
                        self.flagged(s.abstinence_days, self.t("unit_days"), ref["abstinence_days"]),
                        self.t(f"value_fructose_{s.fructose}") if s.fructose else "–",
                        _cap(self.r.value(f"term:pellet_{s.centrifuged_pellet}")) if s.centrifuged_pellet else "–",
                        self.flagged(s.concentration_million_per_ml, self.t("unit_million_ml"), ref["concentration"]),
                    ]
                rows.append([self.P(esc(c), "cell") for c in cells])
            ref_cells = [
                self.t("reference_row"),
                self.range_text(ref["volume_ml"], "mL"), self.range_text(ref["ph"], "", 1),
                self.range_text(ref["abstinence_days"], self.t("unit_days")),
                self.t("value_fructose_positive"), "–",
                self.range_text(ref["concentration"], self.t("unit_million_ml")),
            ]
            rows.append([self.P(f"<i>{esc(c)}</i>", "cell_muted") for c in ref_cells])
            table = Table(rows, colWidths=["19%", "12%", "8%", "14%", "13%", "16%", "18%"], repeatRows=1, hAlign="LEFT")
            table.setStyle(self.grid_style())
            out.append(table)
        if male.post_ejaculatory_urine:
            out.append(self.P(f"<b>{esc(self.t('field_post_ejaculatory_urine'))}:</b> "
                              f"{esc(_cap(self.r.value('term:pellet_' + male.post_ejaculatory_urine)))}", "after_table"))
        return out

    def date_or_dash(self, value: dt.date | None) -> str:
        return self.r.date(value) if value else "–"

    def range_text(self, rng: reference.Range | None, unit: str, decimals: int = 2) -> str:
        if rng is None:
            return "–"
        u = f"{NBSP}{unit}" if unit else ""
        if rng.low is not None and rng.high is not None:
            return f"{self.num(rng.low, decimals)}–{self.num(rng.high, decimals)}{u}"
        if rng.low is not None:
            return f"≥{NBSP}{self.num(rng.low, decimals)}{u}"
        return f"≤{NBSP}{self.num(rng.high or 0, decimals)}{u}"

    def flagged(self, value: float | None, unit: str, rng: reference.Range | None, decimals: int = 2, below: bool = False) -> str:
        if value is None:
            return "–"
        flag = ""
        if rng is not None:
            if rng.low is not None and value < rng.low:
                flag = f"{NBSP}↓"
            elif rng.high is not None and value > rng.high:
                flag = f"{NBSP}↑"
        u = f"{NBSP}{unit}" if unit else ""
        return f"{'<' + NBSP if below else ''}{self.num(value, decimals)}{u}{flag}"

    def hormones(self) -> list[Flowable]:
        from reportlab.platypus import Table

        panels = self.d.case.male.hormone_panels or []
        out: list[Flowable] = self.sub("h_hormones")
        analytes = ("fsh", "lh", "testosterone", "estradiol", "prolactin", "inhibin_b", "tsh")
        entries = [(p, name, getattr(p, name)) for p in panels for name in analytes if getattr(p, name) is not None]
        if not entries:
            return out + [self.P(esc(self.t("nothing_entered")), "muted")]
        head = [self.t("col_date"), self.t("col_hormone"), self.t("col_result"), self.t("col_entered"), self.t("col_range")]
        rows = [[self.P(f"<b>{esc(h)}</b>", "cell") for h in head]]
        for panel, name, m in entries:
            rows.append([self.P(esc(c), "cell") for c in (
                self.date_or_dash(panel.date), self.t(f"analyte_{name}"), *self.measurement(name, m),
                self.range_text(reference.HORMONES.get(name), canonical_unit(name)),
            )])
        table = Table(rows, colWidths=["20%", "20%", "20%", "17%", "23%"], repeatRows=1, hAlign="LEFT")
        table.setStyle(self.grid_style())
        return out + [table]

    def measurement(self, name: str, m: Measurement) -> tuple[str, str]:
        """(the value in the canonical unit, flagged; the value as entered when its unit differs)."""
        unit = canonical_unit(name)
        decimals = 1 if m.canonical >= 10 else 2
        result = self.flagged(m.canonical, unit, reference.HORMONES.get(name), decimals, below=bool(m.below_detection))
        if m.unit == unit:
            return result, ""
        return result, f"{'<' + NBSP if m.below_detection else ''}{self.num(m.value)}{NBSP}{m.unit}"

    # field tables: (label key, value text) pairs; only what was entered is shown
    def field_table(self, heading: str, rows: list[tuple[str, str]]) -> list[Flowable]:
        from reportlab.platypus import Table

        out: list[Flowable] = self.sub(heading)
        if not rows:
            return out + [self.P(esc(self.t("nothing_entered")), "muted")]
        half = (len(rows) + 1) // 2 if len(rows) > 6 else len(rows)
        left, right = rows[:half], rows[half:]
        cells = []
        for i in range(half):
            line = [self.P(esc(self.t(f"field_{left[i][0]}")), "label"), self.P(esc(left[i][1]), "cell")]
            if right:
                if i < len(right):
                    line += [self.P(esc(self.t(f"field_{right[i][0]}")), "label"), self.P(esc(right[i][1]), "cell")]
                else:
                    line += ["", ""]
            cells.append(line)
        widths = ["25%", "25%", "25%", "25%"] if right else ["35%", "65%"]
        table = Table(cells, colWidths=widths, hAlign="LEFT")
        table.setStyle(self.grid_style(header=False))
        return out + [table]

    def yes_no(self, value: bool) -> str:
        return self.t("yes") if value else self.t("no")

    def sided(self, value: SidedNumber | Any, fmt: Any) -> str:
        left = fmt(value.left) if value.left is not None else "–"
        right = fmt(value.right) if value.right is not None else "–"
        return self.t("sides", left=left, right=right)

    def exam_rows(self) -> list[tuple[str, str]]:
        e = self.d.case.male.exam
        if e is None:
            return []
        rows: list[tuple[str, str]] = []
        vol = reference.EXAM["testis_volume_ml"]
        if e.testis_volume_ml:
            rows.append(("testis_volume_ml", self.sided(e.testis_volume_ml, lambda v: self.flagged(v, "mL", vol))))
        if e.testis_long_axis_cm:
            rows.append(("testis_long_axis_cm", self.sided(e.testis_long_axis_cm, lambda v: f"{self.num(v)}{NBSP}cm")))
        if e.testis_consistency:
            rows.append(("testis_consistency", self.t(f"value_consistency_{e.testis_consistency}")))
        if e.vas_deferens:
            rows.append(("vas_deferens", self.sided(e.vas_deferens, lambda v: self.t(f"value_vas_{v}"))))
        if e.epididymis:
            rows.append(("epididymis", self.t(f"value_epididymis_{e.epididymis}")))
        if e.varicocele:
            rows.append(("varicocele", self.sided(e.varicocele, lambda v: self.t(f"value_varicocele_{v}"))))
        if e.bmi is not None:
            rows.append(("bmi", f"{self.num(e.bmi, 1)}{NBSP}kg/m²"))
        return rows

    def history_rows(self) -> list[tuple[str, str]]:
        h = self.d.case.male.history
        if h is None:
            return []
        rows: list[tuple[str, str]] = []
        years, months = self.t("unit_years"), self.t("unit_months")
        if h.vasectomy:
            text = self.yes_no(h.vasectomy.done)
            if h.vasectomy.done and h.vasectomy.years_ago is not None:
                text += f" ({self.t('ago', value=self.num(h.vasectomy.years_ago, 1), unit=years)})"
            rows.append(("vasectomy", text))
        if h.androgens:
            a = h.androgens
            parts = [self.t(f"value_androgens_{a.status}")]
            if a.kind:
                parts.append(self.t(f"value_androgen_kind_{a.kind}"))
            if a.indication:
                parts.append(self.t(f"value_androgen_indication_{a.indication}"))
            if a.months_since_stop is not None:
                parts.append(self.t("stopped_ago", value=self.num(a.months_since_stop, 1), unit=months))
            rows.append(("androgens", "; ".join(parts)))
        if h.gonadotoxic_therapy:
            g = h.gonadotoxic_therapy
            parts = [self.t(f"value_gonadotoxic_{g.status}")]
            if g.years_since_end is not None:
                parts.append(self.t("ended_ago", value=self.num(g.years_since_end, 1), unit=years))
            if g.sperm_banked_before is not None:
                parts.append(self.t("banked_yes" if g.sperm_banked_before else "banked_no"))
            rows.append(("gonadotoxic_therapy", "; ".join(parts)))
        if h.cryptorchidism:
            rows.append(("cryptorchidism", self.t(f"value_cryptorchidism_{h.cryptorchidism}")))
        if h.orchidopexy_age_years is not None:
            rows.append(("orchidopexy_age_years", f"{self.num(h.orchidopexy_age_years, 1)} {years}"))
        if h.puberty:
            rows.append(("puberty", self.t(f"value_puberty_{h.puberty}")))
        if h.spinal_cord_injury_level:
            rows.append(("spinal_cord_injury_level", h.spinal_cord_injury_level))
        for name in _HISTORY_FLAGS:
            value = getattr(h, name)
            if value is not None:
                rows.append((name, self.yes_no(value)))
        return rows

    def genetics_rows(self) -> list[tuple[str, str]]:
        male = self.d.case.male
        rows: list[tuple[str, str]] = []
        g, im = male.genetics, male.imaging
        if g:
            if g.karyotype:
                rows.append(("karyotype", _cap(self.r.value(f"term:{_KARYOTYPE_TERMS[g.karyotype]}"))))
            if g.karyotype_detail:
                rows.append(("karyotype_detail", g.karyotype_detail))
            if g.y_microdeletion:
                rows.append(("y_microdeletion", _cap(self.r.value(f"term:ycmd_{g.y_microdeletion}"))))
            if g.cftr:
                rows.append(("cftr", _cap(self.r.value(f"term:cftr_{g.cftr}"))))
        if im:
            if im.modality:
                rows.append(("imaging_modality", self.t(f"value_modality_{im.modality}")))
            if im.seminal_vesicle_width_cm:
                sv = reference.EXAM["seminal_vesicle_width_cm"]
                rows.append(("seminal_vesicle_width_cm", self.sided(im.seminal_vesicle_width_cm, lambda v: self.flagged(v, "cm", sv))))
            for name in ("midline_cyst", "ejaculatory_duct_dilated_or_calcified", "seminal_vesicles_absent_or_hypoplastic"):
                value = getattr(im, name)
                if value is not None:
                    rows.append((name, self.yes_no(value)))
            if im.renal_ultrasound:
                rows.append(("renal_ultrasound", _cap(self.r.value(f"term:renal_{im.renal_ultrasound}"))))
            if im.pituitary_mri:
                rows.append(("pituitary_mri", _cap(self.r.value(f"term:mri_{im.pituitary_mri}"))))
        if male.histology:
            rows.append(("histology", self.t(f"value_histology_{male.histology}")))
        if male.prior_sperm_retrieval:
            rows.append(("prior_sperm_retrieval", self.t(f"value_retrieval_{male.prior_sperm_retrieval.result}")))
        return rows

    def female_rows(self) -> list[tuple[str, str]]:
        f, prefs = self.d.case.female, self.d.case.preferences
        rows: list[tuple[str, str]] = []
        if f:
            if f.age_years is not None:
                rows.append(("female_age", self.t("age", age=self.num(f.age_years, 0))))
            if f.amh is not None:
                result, entered = self.measurement("amh", f.amh)
                rows.append(("amh", result + (f" ({entered})" if entered else "")))
            if f.antral_follicle_count is not None:
                rows.append(("antral_follicle_count", self.num(f.antral_follicle_count, 0)))
            if f.tubal_patency:
                rows.append(("tubal_patency", self.t(f"value_tubes_{f.tubal_patency}")))
            if f.uterine_or_other_factor is not None:
                rows.append(("uterine_or_other_factor", self.yes_no(f.uterine_or_other_factor)))
            if f.cftr:
                rows.append(("female_cftr", _cap(self.r.value(f"term:cftr_{f.cftr}"))))
            if f.prior_art_cycles is not None:
                rows.append(("prior_art_cycles", self.num(f.prior_art_cycles, 0)))
        if prefs and prefs.wants_natural_conception is not None:
            rows.append(("wants_natural_conception", self.yes_no(prefs.wants_natural_conception)))
        return rows

    # --- the pathway diagram (its own landscape page) ---------------------------------------------
    def diagram(self) -> list[Flowable]:
        from reportlab.platypus import NextPageTemplate, PageBreak

        from azodesk.reports.graphics import LegendItem, PathwayDiagram

        layout = pathway_layout()
        labels = {s.id.value: self.r.step_name(s.id) for s in self.a.steps}
        self.used.texts.extend(labels.values())
        labels[CAUSE_NODE] = self.r.name("category", self.a.classification.category.value)
        lanes = {lane.stage: self.r.name("stage", lane.stage) for lane in layout.lanes}
        legend = [LegendItem("status", self.r.name("status", s.value), s) for s in STATUS_ORDER]
        legend += [LegendItem("plan", self.t("legend_plan")), LegendItem("discussed", self.t("legend_discussed"))]
        drawing = PathwayDiagram(
            layout, labels=labels, lanes=lanes, statuses={s.id.value: s.status for s in self.a.steps},
            plan=self.d.chosen_plan, discussed=self.d.discussed_steps, legend=legend,
            legend_title=self.t("legend_title"),
        )
        return [
            NextPageTemplate("landscape"), PageBreak(),
            self.P(esc(self.t("h_diagram")), "h2"),
            self.P(esc(self.t("diagram_note")), "small"),
            drawing,
            NextPageTemplate("portrait"), PageBreak(),
        ]

    # --- every step, grouped by status -----------------------------------------------------------
    def steps_by_status(self) -> list[Flowable]:
        out: list[Flowable] = [self.P(esc(self.t("h_steps")), "h2"), self.P(self.say(self.k.texts["figures_note"].get(self.lang)), "small")]
        for status in STATUS_ORDER:
            steps = [s for s in self.a.steps if s.status == status]
            if not steps:
                continue
            out += self.status_heading(status)
            if status == Status.NOT_INDICATED:
                out += self.compact_steps(steps)
            else:
                for step in steps:
                    out += self.full_step(step)
        return out

    def status_heading(self, status: Status) -> list[Flowable]:
        style = STATUS_STYLES[status]
        name = self.say(self.r.name("status", status.value))
        return [
            self.P(f'<font color="{style.stroke}">{style.icon}</font> {name}', "h3status"),
            self.P(self.say(self.k.explanations["status"][status.value].get(self.lang)), "small"),
        ]

    def tags(self, step_id: str) -> str:
        tags = []
        if step_id in self.d.chosen_plan:
            text = esc(self.t("plan_step", n=self.d.chosen_plan.index(step_id) + 1))
            tags.append(f'&nbsp;&nbsp;<font color="#FFFFFF" backColor="#111111">&nbsp;{text}&nbsp;</font>')
        if step_id in self.d.discussed_steps:
            text = esc(self.t("discussed_tag"))
            tags.append(f'&nbsp;&nbsp;<font color="#111111" backColor="#E0E0E0">&nbsp;{text}&nbsp;</font>')
        return "".join(tags)

    def full_step(self, step: Any) -> list[Flowable]:
        from reportlab.platypus import KeepTogether

        text = self.k.steps[step.id]
        block: list[Flowable] = [
            self.P(f"<b>{self.say(text.name.get(self.lang))}</b>{self.tags(step.id.value)}", "step"),
            self.P(self.say(text.description.get(self.lang)), "muted_body"),
        ]
        block += self.reason_lines(step.reasons)
        rest: list[Flowable] = []
        if step.changes:
            rest.append(self.P(f"<i>{esc(self.r.text('report_change'))}:</i>", "body_tight"))
            rest += self.reason_lines(step.changes, "bullet2")
        rest += self.outcomes(step.outcomes)
        # the step's name stays with its reasons (and its first figure); a long list of figures
        # may continue on the next page rather than leave half a page empty
        return [KeepTogether(block + rest[:1]), *rest[1:]]

    def outcomes(self, outcome_ids: Sequence[str]) -> list[Flowable]:
        from reportlab.platypus import Table

        from azodesk.reports.graphics import IconArray
        from azodesk.reports.styles import table_style

        rows = []
        for outcome_id in outcome_ids:
            o = self.k.outcomes[outcome_id]
            self.used.cite([o.source])
            figure = self.r.figure(o)
            words = (f"<b>{esc(figure)}</b>: {self.say(o.label.get(self.lang))}<br/>"
                     f'<font size="8" color="#555555">{self.say(o.population.get(self.lang))} · '
                     f"{esc(self.t('source', source=o.source))}</font>")
            if o.kind == "proportion":
                total = 1000 if 0 < o.value < 0.01 else 100
                icon: Any = IconArray(round(o.value * total), total)
            else:
                icon = ""
            rows.append([icon, self.P(words, "cell")])
        style = table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 14), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
        tables = []
        for row in rows:  # one table per figure: each stays whole, the list may break between them
            table = Table([row], colWidths=[70, None], hAlign="LEFT")
            table.setStyle(style)
            tables.append(table)
        return tables

    def compact_steps(self, steps: Sequence[Any]) -> list[Flowable]:
        from reportlab.platypus import Table

        rows = [[self.P(f"<b>{esc(self.t('col_step'))}</b>", "cell"), self.P(f"<b>{esc(self.t('col_why'))}</b>", "cell")]]
        for step in steps:
            reasons = "<br/>".join(self.say(self.r.reason(x)) + self.cited(self.r.sources([x])) for x in step.reasons)
            if step.changes:
                reasons += "<br/><i>" + esc(self.r.text("report_change")) + ":</i> " + " ".join(
                    self.say(self.r.reason(x)) + self.cited(self.r.sources([x])) for x in step.changes)
            self.used.cite(self.k.outcomes[o].source for o in step.outcomes)
            rows.append([self.P(self.say(self.r.step_name(step.id)) + self.tags(step.id.value), "cell"), self.P(reasons, "cell")])
        table = Table(rows, colWidths=["30%", "70%"], repeatRows=1, hAlign="LEFT")
        table.setStyle(self.grid_style())
        return [table]

    # --- NOA multi-hit panel --------------------------------------------------------------------
    def multihit(self) -> list[Flowable]:
        from reportlab.platypus import CondPageBreak, Table

        panel = self.a.multihit
        if panel is None:
            return []
        text, lang = self.k.multihit, self.lang
        out: list[Flowable] = [CondPageBreak(150), self.P(self.say(text.title.get(lang)), "h2"),
                               self.P(self.say(text.intro.get(lang)) + self.cited(text.sources), "body")]
        head = [self.t("col_factor"), self.t("col_finding"), self.t("col_correctable"), self.t("col_action")]
        rows = [[self.P(f"<b>{esc(h)}</b>", "cell") for h in head]]
        marker = {"present": "●", "absent": "○", "unknown": "?"}
        for factor in panel.factors:
            ft = text.factors[factor.id]
            if factor.state == "present":
                detail = self.r.value(tuple(f"term:{d}" for d in factor.details))
                finding = self.say(ft.present_text.get(lang).format(detail=detail))
                action = self.say(ft.action.get(lang)) + self.cited(ft.sources)
            else:
                finding = self.say(_cap(self.r.name("factor_state", factor.state)))
                action = ""
            rows.append([
                self.P(f"{marker[factor.state]} <b>{self.say(ft.name.get(lang))}</b><br/>"
                       f'<font size="7.5" color="#555555">{self.say(ft.explanation.get(lang))}</font>', "cell"),
                self.P(finding, "cell"),
                self.P(esc(self.t(f"correctable_{ft.correctable}")), "cell"),
                self.P(action, "cell"),
            ])
        table = Table(rows, colWidths=["29%", "21%", "15%", "35%"], repeatRows=1, hAlign="LEFT")
        table.setStyle(self.grid_style())
        out += [table, self.P(f"<b>{self.say(text.caveat.get(lang))}</b>", "disclaimer")]
        return out

    # --- glossary and references ------------------------------------------------------------------
    def glossary_terms(self) -> list[Any]:
        """Glossary entries of the steps discussed in full, plus every term the document says."""
        keys: dict[str, None] = {}
        for step in self.a.steps:
            if step.status != Status.NOT_INDICATED or step.id.value in self.d.chosen_plan or step.id.value in self.d.discussed_steps:
                keys.update(dict.fromkeys(self.k.steps[step.id].glossary))
        said = "\n".join(self.used.texts)
        for term in self.k.glossary:
            if term.key not in keys and any(p.search(said) for p in _term_patterns(term.term.get(self.lang))):
                keys[term.key] = None
        return [t for t in self.k.glossary if t.key in keys]

    def glossary(self) -> list[Flowable]:
        from reportlab.platypus import CondPageBreak, Table

        terms = self.glossary_terms()
        if not terms:
            return []
        rows = [[self.P(esc(t.term.get(self.lang)), "gloss_term"), self.P(esc(t.definition.get(self.lang)), "gloss")]
                for t in terms]
        table = Table(rows, colWidths=["28%", "72%"], hAlign="LEFT")
        table.setStyle(self.grid_style(header=False))
        return [CondPageBreak(140), self.P(esc(self.t("h_glossary")), "h2t"), table]

    def references(self) -> list[Flowable]:
        from reportlab.platypus import CondPageBreak

        out: list[Flowable] = [CondPageBreak(120), self.P(esc(self.t("h_references")), "h2"),
                               self.P(esc(self.t("labels_legend")), "small")]
        for source_id in sorted(self.used.sources):
            s = self.k.sources[source_id]
            grade = f" — {esc(s.grade)}" if s.grade else ""
            out.append(self.P(f"<b>[{esc(source_id)}]</b> {esc(s.citation)}{grade} <b>[{esc(s.label)}]</b>", "ref"))
        return out

    def closing(self) -> list[Flowable]:
        from reportlab.platypus import Spacer

        return [
            Spacer(1, 8),
            self.P(esc(self.t("ruleset", version=self.k.ruleset_version, digest=self.k.digest[:12])), "small"),
            self.P(esc(self.r.text("disclaimer")), "disclaimer"),
        ]

    def signatures(self) -> list[Flowable]:
        from reportlab.platypus import CondPageBreak, KeepTogether, Table

        from azodesk.reports.styles import SignatureBox, table_style

        couple = " & ".join(n for n in (self.d.man_name, self.d.woman_name) if n)
        rows = [
            [self.P(esc(self.t("sign_counselor")), "h3"), self.P(esc(self.t("sign_couple")), "h3")],
            [self.P(esc(self.t("sign_counselor_text")), "small"), self.P(esc(self.t("sign_couple_text")), "small")],
            [SignatureBox(COUNSELOR_FIELD), SignatureBox(COUPLE_FIELD)],
            [self.P(esc(self.d.counselor_name), "cell"), self.P(esc(couple), "cell")],
        ]
        table = Table(rows, colWidths=["50%", "50%"], hAlign="LEFT")
        table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)))
        return [CondPageBreak(190), KeepTogether([self.P(esc(self.t("h_signatures")), "h2"), table])]


_HISTORY_FLAGS = (
    "anosmia", "diabetes", "multiple_sclerosis", "retroperitoneal_lymph_node_dissection", "bladder_neck_surgery",
    "inguinal_or_scrotal_surgery", "epididymitis_or_sti", "mumps_orchitis", "testicular_torsion_or_trauma",
    "prolactin_raising_drugs", "alpha_blockers", "headache_or_visual_loss", "prior_paternity",
)
_KARYOTYPE_TERMS = {
    "46,XY": "karyotype_46xy", "47,XXY": "karyotype_47xxy", "mosaic_46XY_47XXY": "karyotype_mosaic",
    "other_sex_chromosome": "karyotype_other_sex", "translocation": "karyotype_translocation",
    "46,XX": "karyotype_46xx", "other": "karyotype_other",
}


def _term_patterns(term: str) -> list[re.Pattern[str]]:
    """Ways a glossary term shows up in running text: each " / " alternative without its
    bracketed part, and an abbreviation in brackets (case-sensitive)."""
    patterns = []
    for alternative in term.split(" / "):
        bracket = re.search(r"\(([^)]*)\)", alternative)
        plain = re.sub(r"\s*\([^)]*\)", "", alternative).strip()
        if len(plain) >= 3:
            patterns.append(re.compile(rf"(?<!\w){re.escape(plain)}(?!\w)", re.IGNORECASE))
        if bracket and re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", bracket.group(1)):
            patterns.append(re.compile(rf"(?<!\w){re.escape(bracket.group(1))}(?!\w)"))
    return patterns
