"""The first start and the sign-in: the clinic's setup page (clinic and administrator, with live
password feedback) and the login screen, in one start window shown before anyone sees a couple.

The pages never touch the database themselves: they call what :mod:`azodesk.ui.session` gives
them (``AccountService.setup_clinic`` / ``authenticate``, or for an encrypted database the unlock
first) and show the outcome. Every refusal has its own message: a wrong user name or password
(one message for both, as the account service answers), a disabled account, and the throttle
after five wrong passwords, whose "try again at …" keeps the button disabled until then.

Passwords stay in the password fields: they are cleared after each attempt, never shown, never
logged, and error messages never repeat them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from azodesk.ui.i18n import LANGUAGE_NAMES, current_language, tr
from azodesk.ui.panels import esc
from azodesk.ui.settings import place_window

Attempt = Callable[[str, str], Any]

# The look of the start window, the lock screen and the privacy screen: one calm card on a
# light background, nothing else.
CARD_STYLE = """
QWidget#accountBackdrop { background: #EEF1F4; }
QFrame#accountCard { background: #FFFFFF; border: 1px solid #D5DAE0; border-radius: 10px; }
QLabel#accountClinic { font-size: 17pt; font-weight: bold; color: #0B2E4A; }
QLabel#accountTitle { font-size: 13pt; font-weight: bold; }
QLabel#accountError { color: #B3261E; }
QLabel#accountOk { color: #0B3D2E; }
QLabel#accountNote { color: #5F6368; }
QPushButton#accountPrimary { padding: 6px 18px; font-weight: bold; }
QPushButton#accountLink { border: none; color: #0057B8; text-decoration: underline; background: transparent;
                          padding: 2px; }
"""


# --- messages ----------------------------------------------------------------------------------------


def local_time(moment: object) -> str:
    """An aware datetime as the local clock time HH:MM:SS ("" for anything else)."""
    if isinstance(moment, dt.datetime):
        return moment.astimezone().strftime("%H:%M:%S")
    return ""


def account_error_text(error: BaseException) -> str:
    """What the counselor reads for a refused sign-in, unlock or account change, in the interface
    language (never the password: the account service never puts it in a message)."""
    from azodesk.storage import encryption
    from azodesk.storage.errors import (
        AccountDisabledError,
        AlreadySetUpError,
        AuthenticationError,
        NoPasswordError,
        NotSetUpError,
        PermissionDeniedError,
        ThrottledError,
        WeakPasswordError,
    )

    if isinstance(error, ThrottledError):
        return tr("Too many wrong passwords. Try again at {time}.").format(time=local_time(error.retry_at))
    if isinstance(error, AuthenticationError | encryption.WrongDatabaseKeyError):
        retry = getattr(error, "retry_at", None)
        if retry is not None and retry > dt.datetime.now(dt.UTC):
            return tr("Wrong user name or password. Too many wrong passwords: try again at {time}.").format(
                time=local_time(retry))
        return tr("Wrong user name or password.")
    if isinstance(error, AccountDisabledError):
        return tr("This account is disabled. Ask the clinic's administrator to enable it.")
    if isinstance(error, NoPasswordError):
        return tr("This counselor has no password yet. The clinic's administrator sets one.")
    if isinstance(error, NotSetUpError):
        return tr("This clinic is not set up yet.")
    if isinstance(error, AlreadySetUpError):
        return tr("This clinic is set up already. Sign in instead.")
    if isinstance(error, WeakPasswordError):
        problems = [problem_text(p) for p in error.problems] or [str(error)]
        return " ".join(problems)
    if isinstance(error, encryption.EncryptionUnavailableError):
        return tr("These records are encrypted, but this installation cannot open encrypted records "
                  "(install AzoDesk with its 'encrypted' extra).")
    if isinstance(error, encryption.DatabaseLockedError):
        return tr("These records are encrypted and could not be unlocked: {reason}").format(reason=str(error))
    if isinstance(error, PermissionDeniedError):
        return tr("Not allowed: {reason}").format(reason=str(error))
    return str(error)


def retry_at_of(error: BaseException) -> dt.datetime | None:
    """When the throttle lets the next attempt through, if the error says so and it is ahead."""
    retry = getattr(error, "retry_at", None)
    if isinstance(retry, dt.datetime) and retry > dt.datetime.now(dt.UTC):
        return retry
    return None


def problem_text(problem: Any) -> str:
    """One reason from :func:`azodesk.security.passwords.password_problems`, translated."""
    from azodesk.security.passwords import MAX_LENGTH, MIN_LENGTH

    code, message = getattr(problem, "code", ""), getattr(problem, "message", str(problem))
    if code == "too_short":
        return tr("Use at least {count} characters; a short sentence is easiest to remember.").format(count=MIN_LENGTH)
    if code == "too_long":
        return tr("Use at most {count} characters.").format(count=MAX_LENGTH)
    if code == "common":
        return tr("This password is too easy to guess; choose another.")
    if code == "digits_only":
        return tr("Use letters as well as digits.")
    if code == "contains_name":
        if "user name" in message:
            return tr("Do not use your user name in the password.")
        return tr("Do not use the clinic's name in the password.")
    return message


def password_feedback(password: str, *, username: str = "", clinic: str = "") -> list[str]:
    """Why a new password would be refused (the account service's rules), for live feedback."""
    from azodesk.security.passwords import password_problems

    return [problem_text(p) for p in password_problems(password, username=username, clinic=clinic)]


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    return edit


def primary_button(on_click: Callable[[], object]) -> QPushButton:
    """The card's main button (Enter presses it)."""
    button = QPushButton()
    button.setObjectName("accountPrimary")
    button.setDefault(True)
    button.setAutoDefault(True)
    button.clicked.connect(on_click)
    return button


def _label(object_name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(wrap)
    return label


def align_labels(labels: list[QLabel]) -> None:
    """One width for the labels of several forms on one page, so that their fields line up."""
    for label in labels:
        label.setMinimumWidth(0)
    width = max((label.sizeHint().width() for label in labels), default=0) + 4
    for label in labels:
        label.setMinimumWidth(width)


def _on_language_change(widget: QWidget, event: QEvent) -> None:
    if event.type() == QEvent.Type.LanguageChange and callable(getattr(widget, "retranslate", None)):
        widget.retranslate()  # type: ignore[attr-defined]


# --- new passwords -------------------------------------------------------------------------------------


class NewPasswordBox(QWidget):
    """A new password typed twice, with the rules checked as it is typed.

    ``context`` gives the user name and the clinic's name the password must not contain."""

    changed = Signal()

    def __init__(self, context: Callable[[], tuple[str, str]] = lambda: ("", ""), *,
                 hint: Callable[[], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hint = hint or (lambda: tr("Use a short sentence you will remember; it also unlocks your signature."))
        self.password = password_edit()
        self.repeat = password_edit()
        self.feedback = _label("muted")
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.password_label, self.repeat_label = QLabel(), QLabel()
        self.password_label.setBuddy(self.password)
        self.repeat_label.setBuddy(self.repeat)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.password_label, self.password)
        form.addRow(self.repeat_label, self.repeat)
        form.addRow("", self.feedback)
        self.password.textChanged.connect(self.update_feedback)
        self.repeat.textChanged.connect(self.update_feedback)
        self.retranslate()

    def retranslate(self) -> None:
        self.password_label.setText(tr("New &password"))
        self.repeat_label.setText(tr("&Repeat it"))
        self.password.setPlaceholderText(tr("At least 10 characters; a short sentence works well"))
        self.update_feedback()

    def problems(self) -> list[str]:
        username, clinic = self.context()
        found = password_feedback(self.password.text(), username=username, clinic=clinic)
        if self.repeat.text() != self.password.text():
            found.append(tr("The two passwords differ."))
        return found

    def update_feedback(self) -> None:
        if not self.password.text():
            self.feedback.setText(esc(self.hint()))
        else:
            problems = self.problems()
            if problems:
                self.feedback.setText("<span style='color:#8A5A00'>" + "<br>".join(
                    "• " + esc(p) for p in problems) + "</span>")
            else:
                self.feedback.setText("<span style='color:#0B3D2E'>✓ " + esc(tr("Strong enough.")) + "</span>")
        self.changed.emit()

    def value(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        _on_language_change(self, event)


# --- the first start -------------------------------------------------------------------------------------


class SetupPage(QWidget):
    """The first start: the clinic (name, city, jurisdiction) and its administrator.

    ``setup(clinic_name, city, jurisdiction, username, display_name, password)`` returns the
    administrator's session (``AccountService.setup_clinic``) or raises."""

    done = Signal(object)  # the administrator's Session

    def __init__(self, setup: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from azodesk.domain.knowledge import load_knowledge

        self.setup = setup
        self.jurisdictions = load_knowledge().jurisdictions
        self.title = _label("accountClinic")
        self.intro = _label("accountNote")
        self.clinic_title = _label("accountTitle")
        self.clinic_name = QLineEdit()
        self.city = QLineEdit()
        self.jurisdiction = QComboBox()
        for code in sorted(self.jurisdictions):
            self.jurisdiction.addItem(code, code)
        self.jurisdiction.setCurrentIndex(max(self.jurisdiction.findData("ID"), 0))
        self.admin_title = _label("accountTitle")
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.new_password = NewPasswordBox(lambda: (self.username.text().strip(), self.clinic_name.text().strip()))
        self.clinic_name.textChanged.connect(self.new_password.update_feedback)
        self.username.textChanged.connect(self.new_password.update_feedback)
        self.labels = {name: QLabel() for name in ("clinic", "city", "jurisdiction", "username", "display_name")}
        for name, edit in (("clinic", self.clinic_name), ("city", self.city), ("jurisdiction", self.jurisdiction),
                           ("username", self.username), ("display_name", self.display_name)):
            self.labels[name].setBuddy(edit)
        clinic = QFormLayout()
        clinic.addRow(self.labels["clinic"], self.clinic_name)
        clinic.addRow(self.labels["city"], self.city)
        clinic.addRow(self.labels["jurisdiction"], self.jurisdiction)
        admin = QFormLayout()
        admin.addRow(self.labels["username"], self.username)
        admin.addRow(self.labels["display_name"], self.display_name)
        self.error = _label("accountError")
        self.error.hide()
        self.create = primary_button(self.submit)
        for edit in (self.clinic_name, self.city, self.username, self.display_name, self.new_password.password,
                     self.new_password.repeat):
            edit.returnPressed.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addWidget(self.clinic_title)
        layout.addLayout(clinic)
        layout.addSpacing(4)
        layout.addWidget(self.admin_title)
        layout.addLayout(admin)
        layout.addWidget(self.new_password)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Welcome to AzoDesk"))
        self.intro.setText(tr("This first start sets up the clinic and its administrator. The administrator adds "
                              "the counselors and can change these settings later."))
        self.clinic_title.setText(tr("The clinic"))
        self.admin_title.setText(tr("The administrator (you)"))
        self.labels["clinic"].setText(tr("Clinic &name"))
        self.labels["city"].setText(tr("&City"))
        self.labels["jurisdiction"].setText(tr("&Jurisdiction"))
        self.labels["username"].setText(tr("&User name"))
        self.labels["display_name"].setText(tr("Full &name"))
        self.username.setPlaceholderText(tr("for example dewi or dr.ayu"))
        self.display_name.setPlaceholderText(tr("as it appears on signed summaries"))
        lang = current_language()
        for index in range(self.jurisdiction.count()):
            code = self.jurisdiction.itemData(index)
            name = getattr(self.jurisdictions[code].name, lang, code)
            self.jurisdiction.setItemText(index, f"{name} ({code})")
        self.create.setText(tr("Create the clinic and sign in"))
        self.new_password.retranslate()
        align_labels([*self.labels.values(), self.new_password.password_label, self.new_password.repeat_label])

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        if not self.clinic_name.text().strip():
            self.show_error(tr("Type the clinic's name."))
            self.clinic_name.setFocus()
            return
        if not self.username.text().strip() or not self.display_name.text().strip():
            self.show_error(tr("Type the administrator's user name and full name."))
            (self.username if not self.username.text().strip() else self.display_name).setFocus()
            return
        problems = self.new_password.problems()
        if problems:
            self.show_error(tr("Choose another password: {reasons}").format(reasons=" ".join(problems)))
            self.new_password.password.setFocus()
            return
        from azodesk.storage.errors import StorageError

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = self.setup(self.clinic_name.text().strip(), self.city.text().strip(),
                                 self.jurisdiction.currentData(), self.username.text().strip(),
                                 self.display_name.text().strip(), self.new_password.value())
        except (StorageError, ValueError) as error:
            self.show_error(account_error_text(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.new_password.clear()
        self.show_error("")
        self.done.emit(session)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        _on_language_change(self, event)


# --- signing in ------------------------------------------------------------------------------------------


class LoginForm(QWidget):
    """User name, password and the sign-in button; each refusal with its own message.

    ``attempt(username, password)`` returns a session or raises an account error. After a
    throttled attempt the button stays disabled until the time the error gives (a different
    user name re-enables it: the throttle is per account)."""

    signed_in = Signal(object)  # Session

    def __init__(self, attempt: Attempt, button_text: Callable[[], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attempt = attempt
        self.button_text = button_text or (lambda: tr("Sign in"))
        # Only the password is asked (the lock screen): a refusal says "wrong password".
        self.password_only = False
        self.retry_at: dt.datetime | None = None
        self.throttled_name = ""
        self.username = QLineEdit()
        self.password = password_edit()
        self.username_label, self.password_label = QLabel(), QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.error = _label("accountError")
        self.error.hide()
        self.button = primary_button(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.username.textChanged.connect(self._name_changed)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.username_label.setText(tr("&User name"))
        self.password_label.setText(tr("&Password"))
        self.button.setText(self.button_text())
        if self.retry_at is not None:
            self._tick()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.show_error(tr("Type your user name."))
            self.username.setFocus()
            return
        if not password:
            self.show_error(tr("Type your password."))
            self.password.setFocus()
            return
        from azodesk.storage.errors import StorageError

        self.password.clear()  # whatever happens, the password does not stay in the field
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = self.attempt(username, password)
        except (StorageError, ValueError, OSError) as error:
            QGuiApplication.restoreOverrideCursor()
            self.refused(error, username)
            return
        QGuiApplication.restoreOverrideCursor()
        self.show_error("")
        self._stop_throttle()
        self.signed_in.emit(session)

    def refused(self, error: BaseException, username: str = "") -> None:
        """Show why; after a throttle, keep the button disabled until the given time."""
        from azodesk.storage.errors import AuthenticationError

        text = account_error_text(error)
        if self.password_only and isinstance(error, AuthenticationError):
            retry = retry_at_of(error)
            text = (tr("Wrong password. Too many wrong passwords: try again at {time}.").format(time=local_time(retry))
                    if retry is not None else tr("Wrong password."))
        self.show_error(text)
        retry = retry_at_of(error)
        if retry is not None:
            self.retry_at, self.throttled_name = retry, username.casefold()
            self.button.setEnabled(False)
            self.countdown.start()
        self.password.setFocus()

    def _tick(self) -> None:
        if self.retry_at is None or dt.datetime.now(dt.UTC) >= self.retry_at:
            self._stop_throttle()
            if self.error.isVisible():
                self.show_error(tr("You can try again now."))
            return
        seconds = max(1, int((self.retry_at - dt.datetime.now(dt.UTC)).total_seconds() + 0.999))
        self.button.setText(tr("Wait {seconds} s").format(seconds=seconds))

    def _stop_throttle(self) -> None:
        self.retry_at = None
        self.countdown.stop()
        self.button.setEnabled(True)
        self.button.setText(self.button_text())

    def _name_changed(self, text: str) -> None:
        if self.retry_at is not None and text.strip().casefold() != self.throttled_name:
            self._stop_throttle()

    def clear(self) -> None:
        self.username.clear()
        self.password.clear()
        self.show_error("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        _on_language_change(self, event)


class LoginPage(QWidget):
    """The login screen: the clinic's name, then :class:`LoginForm`."""

    def __init__(self, attempt: Attempt, clinic: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.title = _label("accountClinic")
        self.city = _label("accountNote")
        self.heading = _label("accountTitle")
        self.note = _label("accountNote")
        self.notice = _label("accountOk")
        self.notice.hide()
        self.form = LoginForm(attempt)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.city)
        layout.addSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.form)
        layout.addSpacing(4)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        settings = self.clinic()
        self.title.setText(settings.name if settings is not None else tr("AzoDesk"))
        self.city.setText(settings.city if settings is not None else tr("Encrypted records"))
        self.city.setVisible(bool(self.city.text()))
        self.heading.setText(tr("Sign in to see the couples"))
        self.note.setText(tr("Forgot your password? The clinic's administrator can set a new one."))
        self.form.retranslate()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        _on_language_change(self, event)


# --- the start window ------------------------------------------------------------------------------------


class Card(QWidget):
    """A backdrop with one centred card (start window, lock screen, privacy screen)."""

    def __init__(self, width: int = 520, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountBackdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(CARD_STYLE)
        self.card = QFrame()
        self.card.setObjectName("accountCard")
        self.card.setFixedWidth(width)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(32, 28, 32, 28)
        self.body.setSpacing(10)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        inner.setObjectName("accountBackdrop")
        inner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        scroll = QScrollArea()  # a small screen or a large font still reaches every field
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.top = QHBoxLayout()
        self.top.setContentsMargins(16, 10, 16, 0)
        self.top.addStretch(1)
        layout.addLayout(self.top)
        layout.addWidget(scroll, 1)


class StartWindow(Card):
    """The window before the main window: the setup page on the first start, then the login
    screen. A language choice sits in the corner (the counselor's interface language)."""

    language_chosen = Signal(str)

    def __init__(self, setup: SetupPage | None, login: LoginPage, settings: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(560, parent)
        self.settings = settings
        self.setWindowTitle("AzoDesk")
        self.setup_page, self.login_page = setup, login
        self.pages = QStackedWidget()
        if setup is not None:
            self.pages.addWidget(setup)
        self.pages.addWidget(login)
        self.body.addWidget(self.pages)
        self.language_label = QLabel()
        self.language_label.setObjectName("accountNote")
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.activated.connect(lambda _i: self.language_chosen.emit(self.language.currentData()))
        self.language_label.setBuddy(self.language)
        self.top.addWidget(self.language_label)
        self.top.addWidget(self.language)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("AzoDesk"))
        self.language_label.setText(tr("&Language"))
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        for page in (self.setup_page, self.login_page):
            if page is not None:
                page.retranslate()

    def show_setup(self) -> None:
        if self.setup_page is not None:
            self.pages.setCurrentWidget(self.setup_page)
            self.setup_page.clinic_name.setFocus()

    def show_login(self, notice: str = "") -> None:
        self.pages.setCurrentWidget(self.login_page)
        self.login_page.retranslate()  # the clinic's name may have changed
        self.login_page.show_notice(notice)
        self.login_page.form.password.clear()
        form = self.login_page.form
        (form.password if form.username.text() else form.username).setFocus()

    def place(self) -> None:
        place_window(self, self.settings)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.sync()
        super().closeEvent(event)

