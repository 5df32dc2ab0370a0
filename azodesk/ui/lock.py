"""Shared laptops: the idle lock, the privacy screen, and the guard that makes them hold.

* :class:`InputGuard` is an application-wide event filter. Every key, mouse, wheel or touch
  input restarts the idle timer (the clinic's ``idle_lock_minutes``); when it runs out, ``idle``
  fires and the session controller saves the draft and locks. F12 toggles the privacy screen
  even where the window's own shortcut cannot reach (a modal dialog in front).
* :class:`Shield` covers a :class:`~azodesk.ui.main_window.MainWindow` without touching its
  state: the window's content moves into a stack whose other pages are the lock screen and the
  privacy screen. While covered, the menu and status bars are hidden, open dialogs and the couple
  view are hidden (the lock closes the couple view), tool tips and pop-ups close, the window
  title names nobody, and no shortcut of the covered window fires (the guard accepts every
  shortcut override and swallows keys meant for anything but the cover). Uncovering puts
  everything back: the same consultation, tab, field values and focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolTip,
    QWidget,
)

from azodesk.ui.i18n import tr
from azodesk.ui.login import Attempt, Card, LoginForm

PRIVACY_KEY = Qt.Key.Key_F12
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})
_INPUT = _KEYS | frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.InputMethod,
})


def _alive(obj: Any) -> bool:
    from shiboken6 import isValid

    return obj is not None and isValid(obj)


class InputGuard(QObject):
    """Watches every input of the application (install it with :meth:`install`)."""

    idle = Signal()
    privacy_key = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may run 5 % (15 s) late
        self.timer.timeout.connect(self._timed_out)
        self.active = False
        self.shield: Shield | None = None
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def start(self, minutes: float) -> None:
        """Watch for idleness: ``idle`` after ``minutes`` without input."""
        self.set_interval(int(minutes * 60_000))
        self.active = True
        self.timer.start()

    def set_interval(self, milliseconds: int) -> None:
        self.timer.setInterval(max(1, int(milliseconds)))
        if self.active:
            self.timer.start()

    def stop(self) -> None:
        self.active = False
        self.timer.stop()

    def _timed_out(self) -> None:
        if self.active:
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind not in _INPUT:
            return False
        if self.active:
            self.timer.start()
        if kind in _KEYS and isinstance(event, QKeyEvent):
            shield = self.shield
            if shield is not None and shield.covered:
                return shield.filter_key(watched, event)
            if (kind == QEvent.Type.KeyPress and event.key() == PRIVACY_KEY and self.active
                    and not event.isAutoRepeat()):
                # Only reached when no shortcut took F12 (a modal dialog in front of the window).
                event.accept()
                self.privacy_key.emit()
                return True
        return False


# --- the covers --------------------------------------------------------------------------------------------


class LockScreen(Card):
    """No patient data: the clinic, who is signed in, the password to unlock, and a way for
    another counselor to sign in instead."""

    def __init__(self, unlock: Callable[[str], Any], switch: Attempt, parent: QWidget | None = None) -> None:
        super().__init__(480, parent)
        self.clinic_name = ""
        self.who = ""
        self.reason = "idle"
        self.minutes = 0
        self.title = QLabel()
        self.title.setObjectName("accountClinic")
        self.title.setWordWrap(True)
        self.heading = QLabel()
        self.heading.setObjectName("accountTitle")
        self.heading.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("accountNote")
        self.note.setWordWrap(True)
        self.signed = QLabel()
        self.signed.setWordWrap(True)
        self.unlock_form = LoginForm(lambda _name, password: unlock(password), lambda: tr("Unlock"))
        self.unlock_form.username_label.hide()
        self.unlock_form.username.hide()
        self.unlock_form.password_only = True
        self.switch_form = LoginForm(switch, lambda: tr("Sign in"))
        self.switch_form.hide()
        self.switch_title = QLabel()
        self.switch_title.setObjectName("accountTitle")
        self.switch_title.hide()
        self.other = QPushButton()
        self.other.setObjectName("accountLink")
        self.other.setCursor(Qt.CursorShape.PointingHandCursor)
        self.other.clicked.connect(self.toggle_switch)
        links = QHBoxLayout()
        links.addWidget(self.other)
        links.addStretch(1)
        for widget in (self.title, self.heading, self.note, self.signed, self.unlock_form, self.switch_title,
                       self.switch_form):
            self.body.addWidget(widget)
        self.body.addLayout(links)
        self.retranslate()

    def prepare(self, *, clinic: str, who: str, username: str, reason: str, minutes: int) -> None:
        self.clinic_name, self.who, self.reason, self.minutes = clinic, who, reason, minutes
        self.unlock_form.username.setText(username)
        self.unlock_form.password.clear()
        self.unlock_form.show_error("")
        self.switch_form.clear()
        self.show_switch(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.clinic_name or tr("AzoDesk"))
        self.heading.setText(tr("AzoDesk is locked"))
        if self.reason == "idle":
            note = tr("Locked after {minutes} minutes without use. The work in progress is saved.").format(
                minutes=self.minutes)
        elif self.reason == "inactive":
            note = tr("Locked: this account can no longer be used. Another counselor can sign in.")
        else:
            note = tr("Locked. The work in progress is saved.")
        self.note.setText(note)
        self.signed.setText(tr("Signed in: {name}. Type your password to continue.").format(name=self.who))
        self.signed.setVisible(bool(self.who) and not self.switch_title.isVisibleTo(self))
        self.switch_title.setText(tr("Another counselor"))
        if self.switch_form.isVisible() or self.switch_title.isVisible():
            self.other.setText(tr("Back to unlocking"))
        else:
            self.other.setText(tr("Not you? Sign in as another counselor"))
        self.unlock_form.retranslate()
        self.switch_form.retranslate()

    def toggle_switch(self) -> None:
        self.show_switch(not self.switch_title.isVisibleTo(self))

    def show_switch(self, on: bool) -> None:
        self.signed.setVisible(not on and bool(self.who))
        self.switch_title.setVisible(on)
        self.switch_form.setVisible(on)
        self.unlock_form.setVisible(not on)
        self.other.setText(tr("Back to unlocking") if on else tr("Not you? Sign in as another counselor"))
        if on:
            self.switch_form.username.setFocus()
        else:
            self.unlock_form.password.setFocus()

    def focus(self) -> None:
        (self.switch_form.username if self.switch_form.isVisibleTo(self) else self.unlock_form.password).setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class PrivacyScreen(Card):
    """The screen shown while someone walks in: no data, F12 (or the button) brings it back."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(460, parent)
        self.title = QLabel()
        self.title.setObjectName("accountClinic")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setObjectName("accountNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setObjectName("accountPrimary")
        self.button.clicked.connect(self.back)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addWidget(self.note)
        self.body.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Screen hidden"))
        self.note.setText(tr("The records are hidden while someone else can see the screen. "
                             "Press F12 to show them again."))
        self.button.setText(tr("Show my work (F12)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class Shield(QObject):
    """Covers one main window with the lock screen or the privacy screen (see the module)."""

    OPEN, PRIVATE, LOCKED = "open", "private", "locked"
    changed = Signal(str)

    def __init__(self, window: QMainWindow, lock_screen: LockScreen, privacy_screen: PrivacyScreen) -> None:
        super().__init__(window)
        self.window = window
        self.lock_screen, self.privacy_screen = lock_screen, privacy_screen
        self.content = window.takeCentralWidget()
        self.stack = QStackedWidget()
        self.stack.setObjectName("shield")
        self.stack.addWidget(self.content)
        self.stack.addWidget(lock_screen)
        self.stack.addWidget(privacy_screen)
        window.setCentralWidget(self.stack)
        self.stack.setCurrentWidget(self.content)
        self.state = self.OPEN
        self._dialogs: list[QWidget] = []
        self._couple_view: QWidget | None = None
        self._focus: QWidget | None = None
        self._menu_bar = True
        self._status_bar = False
        self._title = ""

    @property
    def covered(self) -> bool:
        return self.state != self.OPEN

    @property
    def page(self) -> QWidget:
        return self.lock_screen if self.state == self.LOCKED else self.privacy_screen

    def lock(self) -> None:
        self._cover(self.LOCKED)
        couple_view = getattr(self.window, "couple_view", None)
        for view in (self._couple_view, couple_view):
            if _alive(view):
                view.close()  # type: ignore[union-attr]
        self._couple_view = None
        self.lock_screen.focus()

    def hide_screen(self) -> None:
        if self.state == self.OPEN:
            self._cover(self.PRIVATE)
            self.privacy_screen.button.setFocus()

    def _cover(self, state: str) -> None:
        if self.state == state:
            return
        if self.state == self.OPEN:
            self._hide_everything()
        self.state = state
        self.stack.setCurrentWidget(self.page)
        self.window.setWindowTitle(tr("AzoDesk — locked") if state == self.LOCKED else tr("AzoDesk"))
        self.changed.emit(state)

    def _hide_everything(self) -> None:
        window = self.window
        QToolTip.hideText()
        for _ in range(10):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and self.content.isAncestorOf(focus) else None
        couple_view = getattr(window, "couple_view", None)
        self._couple_view = None
        if _alive(couple_view) and couple_view.isVisible():
            couple_view.hide()
            self._couple_view = couple_view
        self._dialogs = []
        for widget in QApplication.topLevelWidgets():
            if widget is window or widget is couple_view or not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen):
                continue
            # A dialog run with exec() ends when hidden (a file picker, a question): not shown again.
            shown_again = not (isinstance(widget, QDialog)
                               and widget.windowModality() == Qt.WindowModality.ApplicationModal)
            widget.hide()
            if shown_again:
                self._dialogs.append(widget)
        self._menu_bar = window.menuBar().isVisible() or not window.isVisible()
        window.menuBar().hide()
        status = window.statusBar()
        self._status_bar = status.isVisible()
        status.clearMessage()
        status.hide()
        self._title = window.windowTitle()

    def uncover(self) -> None:
        if self.state == self.OPEN:
            return
        window = self.window
        self.state = self.OPEN
        self.stack.setCurrentWidget(self.content)
        window.menuBar().setVisible(self._menu_bar)
        window.statusBar().setVisible(self._status_bar)
        window.setWindowTitle(self._title or tr("AzoDesk"))
        for widget in self._dialogs:
            if _alive(widget):
                widget.show()
        self._dialogs = []
        view, self._couple_view = self._couple_view, None
        if _alive(view) and view is getattr(window, "couple_view", None):
            view.showFullScreen()  # type: ignore[union-attr]
            view.activateWindow()  # type: ignore[union-attr]
        elif _alive(self._focus):
            self._focus.setFocus()  # type: ignore[union-attr]
        self._focus = None
        self.changed.emit(self.OPEN)

    def filter_key(self, watched: QObject, event: QKeyEvent) -> bool:
        """While covered: no shortcut fires, keys reach only the cover's own fields; F12 on the
        privacy screen uncovers."""
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # "the focused widget takes this key": the shortcut map is not asked
            return True
        if event.key() == PRIVACY_KEY:
            if kind == QEvent.Type.KeyPress and self.state == self.PRIVATE and not event.isAutoRepeat():
                self.uncover()
            event.accept()
            return True
        page = self.page
        if isinstance(watched, QWidget) and (watched is page or page.isAncestorOf(watched)):
            return False
        event.accept()
        return True
