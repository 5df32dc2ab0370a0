"""The counselor's settings dialog (Edit ▸ Settings…): the interface language for now.

The interface language is the counselor's; the couple's handout language is chosen for each
consultation (Summary tab) and is not touched here. The buttons carry our own texts: Qt has no
Indonesian catalogue for its standard buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from azodesk.ui.i18n import LANGUAGE_NAMES, tr


class SettingsDialog(QDialog):
    language_chosen = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.note = QLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Settings"))
        self.language_label.setText(tr("&Interface language"))
        self.note.setText(tr("Menus, the evaluation form and your view of the pathway. The couple's handout "
                             "language is chosen for each consultation on the Summary tab; this setting does "
                             "not change it."))
        self.save_button.setText(tr("Save"))
        self.cancel_button.setText(tr("Cancel"))

    def _save(self) -> None:
        self.language_chosen.emit(self.language.currentData())
        self.accept()
