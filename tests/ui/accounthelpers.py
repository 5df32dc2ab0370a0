"""Helpers for the desktop's account tests: a set-up clinic, the signed-in desktop, and every text
a person could read on the screen (to prove that no patient data shows)."""

from __future__ import annotations

from typing import Any

#: Test-only passphrases (never real ones).
ADMIN_PASSWORD = "kopi tubruk di pagi hari"
DEWI_PASSWORD = "nasi goreng dengan telur"
#: What the demo couple shows when its data is on the screen.
PATIENT_DATA = ("Budi", "Santoso", "Sari", "DEMO-0001")


def visible_texts() -> str:
    """Every text on the screen: the titles of the visible windows and the texts of their visible
    labels, fields, buttons, drop-downs, tabs, text areas, tables and diagram tool tips."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QApplication,
        QComboBox,
        QGraphicsView,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    out: list[str] = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        out.append(window.windowTitle())
        for widget in window.findChildren(QWidget):
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                out.append(widget.text())
            elif isinstance(widget, QComboBox):
                out.append(widget.currentText())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                out.append(widget.toPlainText())
            elif isinstance(widget, QTabBar):
                out.extend(widget.tabText(i) for i in range(widget.count()))
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(min(model.rowCount(), 200)):
                    for column in range(model.columnCount()):
                        value = model.data(model.index(row, column))
                        if value is not None:
                            out.append(str(value))
            elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
                out.extend(str(getattr(item, "toolTip", lambda: "")()) for item in widget.scene().items())
    return "\n".join(out)


def patient_data_shown() -> list[str]:
    texts = visible_texts()
    return [word for word in PATIENT_DATA if word in texts]


def sign_in(form: Any, username: str, password: str) -> None:
    """Type into a login form and press its button, as a counselor does."""
    form.username.setText(username)
    form.password.setText(password)
    form.submit()
