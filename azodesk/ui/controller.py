"""One open consultation: the case draft, undo/redo, the counselor's plan marks and notes, and
the autosave to the record store. No widgets here; the consultation page listens to the signals.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDateTime, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from azodesk.domain.knowledge import Knowledge
from azodesk.storage.errors import StorageError
from azodesk.storage.records import ConsultationRecord
from azodesk.storage.service import RecordStore
from azodesk.ui.draft import CaseDraft, Document, Proposal, path_text
from azodesk.ui.fields import SIDES, Path, field_for
from azodesk.ui.i18n import tr, tr_form
from azodesk.ui.viewmodels import PlanState

AUTOSAVE_DELAY_MS = 2000
MERGE_SECONDS = 4.0


def field_name(path: Path) -> str:
    """The form's label of the field at ``path`` (with the side), for the undo menu."""
    found = field_for(path_text(path))
    if found is None:
        return ".".join(str(p) for p in path[-2:])
    spec, _item, side = found
    return tr_form(spec.label) + (f" ({tr_form(SIDES[side])})" if side in SIDES else "")



class _DocumentCommand(QUndoCommand):
    """A change of the case: the documents before and after (exact, whatever the edit cleared)."""

    def __init__(self, controller: ConsultationController, before: Document, after: Document, text: str,
                 key: object = None) -> None:
        super().__init__(text)
        self.controller, self.before, self.after, self.key = controller, before, after, key
        self.at = time.monotonic()
        self._first = True

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        """Typing in one field is one undo step (while the pauses are short)."""
        if not isinstance(other, _DocumentCommand) or self.key is None or other.key != self.key:
            return False
        if other.at - self.at > MERGE_SECONDS:
            return False
        self.after, self.at = other.after, other.at
        return True

    def redo(self) -> None:
        self.controller._apply_document(self.after, force=not self._first)
        self._first = False

    def undo(self) -> None:
        self.controller._apply_document(self.before, force=True)


class _PlanCommand(QUndoCommand):
    def __init__(self, controller: ConsultationController, before: PlanState, after: PlanState, text: str) -> None:
        super().__init__(text)
        self.controller, self.before, self.after = controller, before, after

    def redo(self) -> None:
        self.controller._apply_plan(self.after)

    def undo(self) -> None:
        self.controller._apply_plan(self.before)


class ConsultationController(QObject):
    """Edits go through :meth:`request_edit` (checked by the draft), land on the undo stack and
    are saved to the store :data:`AUTOSAVE_DELAY_MS` after the last change."""

    document_changed = Signal(bool)  # force: reset every field (undo/redo), not only the others
    plan_changed = Signal()
    saved = Signal()
    save_state_changed = Signal(str, bool)  # text, ok

    def __init__(self, store: RecordStore, record: ConsultationRecord, knowledge: Knowledge,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.record, self.knowledge = store, record, knowledge
        self.consultation_id = record.id
        self.read_only = record.signed
        self.draft = CaseDraft(record.case_document, knowledge, today=record.consultation_date)
        self.plan = PlanState(frozenset(record.discussed_steps), tuple(record.chosen_plan))
        self.notes = record.notes
        self.undo_stack = QUndoStack(self)
        self.dirty = False
        self.last_error = ""
        self.saved_at = ""  # HH:mm of the last save in this session
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.edit_seconds: list[float] = []  # how long each accepted edit took to check and re-assess

    # --- the case ------------------------------------------------------------------------------------
    def request_edit(self, path: Path, value: Any) -> Proposal:
        """Apply one field's new value, or return why it was refused (nothing changes then)."""
        if self.read_only:
            return Proposal(None)
        started = time.perf_counter()
        proposal = self.draft.propose(path, value)
        if proposal.document is not None:
            before = self.draft.snapshot()
            self.undo_stack.push(_DocumentCommand(self, before, proposal.document, tr("Edit {field}").format(
                field=field_name(path)), key=tuple(path)))
            self.edit_seconds.append(time.perf_counter() - started)
        return proposal

    def request_add_item(self, list_path: Path, item: Mapping[str, Any] | None = None) -> Proposal:
        proposal = self.draft.propose_add_item(list_path, item)
        if proposal.document is not None and not self.read_only:
            self.undo_stack.push(_DocumentCommand(self, self.draft.snapshot(), proposal.document, tr("Add an item")))
        return proposal

    def request_remove_item(self, list_path: Path, index: int) -> Proposal:
        proposal = self.draft.propose_remove_item(list_path, index)
        if proposal.document is not None and not self.read_only:
            self.undo_stack.push(_DocumentCommand(self, self.draft.snapshot(), proposal.document, tr("Remove an item")))
        return proposal

    def _apply_document(self, document: Document, *, force: bool) -> None:
        self.draft.load(document)
        self._changed()
        self.document_changed.emit(force)

    # --- the counselor's marks -----------------------------------------------------------------------
    def set_discussed(self, key: str, on: bool) -> None:
        if (key in self.plan.discussed) != on and not self.read_only:
            self.undo_stack.push(_PlanCommand(self, self.plan, self.plan.toggle_discussed(key),
                                              tr("Mark as discussed") if on else tr("Unmark discussed")))

    def set_chosen(self, key: str, on: bool) -> None:
        if (key in self.plan.chosen) != on and not self.read_only:
            self.undo_stack.push(_PlanCommand(self, self.plan, self.plan.toggle_chosen(key),
                                              tr("Add to the plan") if on else tr("Remove from the plan")))

    def _apply_plan(self, plan: PlanState) -> None:
        self.plan = plan
        self._changed()
        self.plan_changed.emit()

    def set_notes(self, notes: str) -> None:
        if notes != self.notes and not self.read_only:
            self.notes = notes
            self._changed()

    # --- saving ---------------------------------------------------------------------------------------
    def state_text(self) -> tuple[str, bool]:
        """What the header says about saving, in the current interface language; ok."""
        if self.last_error:
            return tr("Not saved: {error}").format(error=self.last_error), False
        if self.dirty:
            return tr("Editing…"), True
        return (tr("Saved {time}").format(time=self.saved_at), True) if self.saved_at else ("", True)

    def _changed(self) -> None:
        self.dirty = True
        self.last_error = ""  # a failed save says so again when it fails again
        self.timer.start()
        self.save_state_changed.emit(*self.state_text())

    def save_now(self) -> bool:
        """Write the draft to the store now; False (and a message) when it could not be saved."""
        self.timer.stop()
        if not self.dirty or self.read_only:
            return True
        try:
            self.record = self.store.save_draft(
                self.consultation_id, case=self.draft.case, notes=self.notes,
                chosen_plan=list(self.plan.chosen), discussed_steps=self.plan.discussed_list(),
            )
        except (StorageError, ValueError, OSError) as error:
            self.last_error = str(error)
            self.save_state_changed.emit(*self.state_text())
            return False
        self.dirty = False
        self.last_error = ""
        self.saved_at = QDateTime.currentDateTime().toString("HH:mm")
        self.save_state_changed.emit(*self.state_text())
        self.saved.emit()
        return True

    @property
    def has_unsaved(self) -> bool:
        return self.dirty
