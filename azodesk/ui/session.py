"""The signed-in desktop: the gate before the main window and everything that belongs to a
counselor's session.

:class:`Desk` is the top-level controller that :func:`azodesk.ui.app.run` starts:

1. **The gate.** A start window shows the setup page on the first start (no accounts yet), the
   login screen afterwards. Nobody sees a couple before signing in. For an encrypted database the
   login screen first unlocks the file with the typed credentials
   (:func:`azodesk.storage.encryption.unlock`), then signs in as usual.
2. **The main window** works on ``AccountService.store_for(session)``: every consultation,
   view, export and signature is recorded with the counselor. :class:`MainWindow` itself knows
   nothing of signing in (the tests build it directly); the desk adds the Account menu (privacy
   screen F12, lock now, change my password, sign out), the Administration menu for
   administrators, and the signed-in name in the navigation bar.
3. **The idle lock.** After the clinic's ``idle_lock_minutes`` without input the draft is saved
   and a :class:`~azodesk.ui.lock.Shield` covers the window with the lock screen; the same
   counselor's password uncovers it exactly as it was. Another counselor may sign in there
   instead: the previous session is signed out (its draft is saved first) and a fresh window
   opens. A session whose account was disabled meanwhile locks too (checked every minute).
4. **The privacy screen** (F12, or the button in the navigation bar) covers the window and the
   couple view without signing out; F12 brings them back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

from azodesk.domain.knowledge import Knowledge
from azodesk.ui.i18n import save_language, set_language, tr
from azodesk.ui.lock import InputGuard, LockScreen, PrivacyScreen, Shield
from azodesk.ui.login import LoginPage, SetupPage, StartWindow

SESSION_CHECK_MS = 60_000


class Desk(QObject):
    """The gate, the session, the idle lock and the privacy screen of one desktop (see the
    module). ``accounts`` is ``None`` for an encrypted database until the first sign-in opens it."""

    def __init__(self, database_path: Path | str, knowledge: Knowledge, settings: QSettings, *,
                 accounts: Any = None, demo: bool = False,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.path = Path(database_path)
        self.knowledge, self.settings = knowledge, settings
        self.accounts = accounts
        self.demo, self.today = demo, today
        self.session: Any = None
        self.window: Any = None
        self.shield: Shield | None = None
        self.lock_screen: LockScreen | None = None
        self.start_window: StartWindow | None = None
        self.admin_dialog: Any = None
        self.password_dialog: Any = None
        self.idle_minutes = 5
        self.menus: dict[str, Any] = {}
        self.guard = InputGuard(self)
        self.guard.idle.connect(self.lock_idle)
        self.guard.privacy_key.connect(self.toggle_privacy)
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(SESSION_CHECK_MS)
        self.check_timer.timeout.connect(self.check_account)

    # --- the gate ------------------------------------------------------------------------------------------
    def start(self) -> StartWindow:
        """Show the setup page (first start) or the login screen."""
        self.guard.install()
        first = self.accounts is not None and self.accounts.needs_setup()
        window = self._start_window(first)
        window.place()
        window.show()
        if first:
            window.show_setup()
        else:
            window.show_login()
        window.activateWindow()
        return window

    def _start_window(self, with_setup: bool) -> StartWindow:
        if self.start_window is not None:
            if with_setup or self.start_window.setup_page is None:
                return self.start_window
            self.start_window.deleteLater()
        setup = SetupPage(self.setup_clinic) if with_setup else None
        if setup is not None:
            setup.done.connect(self.signed_in)
        login = LoginPage(self.attempt_sign_in, self.clinic)
        login.form.signed_in.connect(self.signed_in)
        window = StartWindow(setup, login, self.settings)
        window.language_chosen.connect(self.set_language)
        self.start_window = window
        return window

    def clinic(self) -> Any:
        return self.accounts.clinic_settings() if self.accounts is not None else None

    def setup_clinic(self, *args: Any) -> Any:
        return self.accounts.setup_clinic(*args)

    def attempt_sign_in(self, username: str, password: str) -> Any:
        """A session, or the account service's refusal. An encrypted database is unlocked with
        the same user name and password first (a wrong pair opens nothing)."""
        if self.accounts is None:
            from azodesk.storage import encryption
            from azodesk.storage.accounts import AccountService

            encryption.unlock(self.path, username, password)
            self.accounts = AccountService.open(self.path)
        return self.accounts.authenticate(username, password, context="desktop")

    def set_language(self, lang: str) -> None:
        chosen = set_language(lang)
        save_language(self.settings, chosen)
        if self.start_window is not None:
            self.start_window.retranslate()

    def signed_in(self, session: Any) -> None:
        """After the setup or a sign-in: the main window on this counselor's store."""
        self.session = session
        self._open_window()
        if self.start_window is not None:
            self.start_window.hide()

    # --- the main window -----------------------------------------------------------------------------------
    def _open_window(self) -> None:
        from azodesk.ui.main_window import MainWindow

        store = self.accounts.store_for(self.session)
        if self.demo:
            from azodesk.ui.demo import add_demo_couple

            add_demo_couple(store)  # only when the database has no couples yet
            self.demo = False
        window = MainWindow(store, self.knowledge, self.settings, today=self.today)
        window.accounts, window.session = self.accounts, self.session
        self.window = window
        self.lock_screen = LockScreen(self.accounts_unlock, self.switch_attempt)
        self.lock_screen.unlock_form.signed_in.connect(self.unlocked)
        self.lock_screen.switch_form.signed_in.connect(self.switched)
        privacy = PrivacyScreen()
        privacy.back.connect(self.toggle_privacy)
        self.shield = Shield(window, self.lock_screen, privacy)
        self.shield.changed.connect(self._shield_changed)
        self.guard.shield = self.shield
        self._add_menus(window)
        window.installEventFilter(self)
        window.show()
        self._watch_idle()
        self.check_timer.start()

    def _add_menus(self, window: Any) -> None:
        bar = window.menuBar()
        before = window.help_menu.menuAction()
        menus: dict[str, Any] = {}
        account = QMenu(bar)
        bar.insertMenu(before, account)
        menus["account"] = account
        menus["who"] = QAction(window)
        menus["who"].setEnabled(False)
        menus["privacy"] = QAction(window)
        menus["privacy"].setShortcut(QKeySequence(Qt.Key.Key_F12))
        menus["privacy"].setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        menus["privacy"].triggered.connect(self.toggle_privacy)
        menus["lock"] = QAction(window)
        menus["lock"].setShortcut(QKeySequence("Ctrl+L"))
        menus["lock"].triggered.connect(self.lock_now)
        menus["password"] = QAction(window)
        menus["password"].triggered.connect(self.change_password)
        menus["sign_out"] = QAction(window)
        menus["sign_out"].triggered.connect(self.sign_out)
        for key in ("who", None, "privacy", "lock", None, "password", "sign_out"):
            account.addSeparator() if key is None else account.addAction(menus[key])
        window.addAction(menus["privacy"])
        window.addAction(menus["lock"])
        if self.session.is_admin:
            admin = QMenu(bar)
            bar.insertMenu(before, admin)
            menus["admin"] = admin
            for key, page in (("counselors", "counselors"), ("clinic", "clinic"), ("audit", "audit")):
                action = QAction(window)
                action.triggered.connect(lambda _checked=False, p=page: self.open_admin(p))
                admin.addAction(action)
                menus[key] = action
        who = QLabel()
        who.setObjectName("muted")
        hide = QPushButton()
        hide.setObjectName("privacyButton")
        hide.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hide.clicked.connect(self.toggle_privacy)
        window.nav.layout().addWidget(who)
        window.nav.layout().addWidget(hide)
        menus["who_label"], menus["hide_button"] = who, hide
        self.menus = menus
        self.retranslate()

    def retranslate(self) -> None:
        menus, session = self.menus, self.session
        if not menus or session is None:
            return
        menus["account"].setTitle(tr("&Account"))
        menus["who"].setText(tr("Signed in: {name} ({user})").format(name=session.display_name, user=session.username))
        menus["privacy"].setText(tr("&Hide the screen"))
        menus["lock"].setText(tr("&Lock now"))
        menus["password"].setText(tr("&Change my password…"))
        menus["sign_out"].setText(tr("&Sign out"))
        if "admin" in menus:
            menus["admin"].setTitle(tr("Ad&ministration"))
            menus["counselors"].setText(tr("&Counselors…"))
            menus["clinic"].setText(tr("C&linic settings…"))
            menus["audit"].setText(tr("&Audit log…"))
        label = menus["who_label"]
        label.setText(label.fontMetrics().elidedText(session.display_name, Qt.TextElideMode.ElideRight, 240))
        menus["who_label"].setToolTip(tr("Signed in: {name} ({user})").format(name=session.display_name,
                                                                               user=session.username))
        menus["hide_button"].setText(tr("Hide screen (F12)"))
        menus["hide_button"].setToolTip(tr("Hide the records at once while someone else can see the screen"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def save_now(self) -> bool:
        return self.window.save_now() if self.window is not None else True

    def current_window(self) -> QWidget | None:
        return self.window if self.window is not None else self.start_window

    # --- idle lock -------------------------------------------------------------------------------------------
    def _watch_idle(self) -> None:
        settings = self.clinic()
        if settings is not None:
            self.idle_minutes = int(settings.idle_lock_minutes)
        self.guard.start(self.idle_minutes)

    def lock_idle(self) -> None:
        self.lock("idle")

    def lock_now(self) -> None:
        self.lock("manual")

    def lock(self, reason: str = "idle") -> None:
        """Save the draft, then cover the window with the lock screen (no patient data)."""
        if self.window is None or self.shield is None or self.shield.state == Shield.LOCKED:
            return
        self.window.save_now()  # if it fails the edits stay in memory, hidden, until unlocked
        self.shield.lock()
        self.guard.stop()
        settings = self.clinic()
        assert self.lock_screen is not None
        self.lock_screen.prepare(clinic=settings.name if settings is not None else "", who=self.session.display_name,
                                 username=self.session.username, reason=reason, minutes=self.idle_minutes)
        self.lock_screen.focus()
        try:
            self.window.store.record_event("lock", "counselor", self.session.counselor_id,
                                           detail={"idle": "idle lock", "manual": "locked by the counselor",
                                                   "inactive": "account no longer active"}.get(reason, reason))
        except Exception:  # noqa: BLE001, S110 - the lock itself must never fail
            pass

    def accounts_unlock(self, password: str) -> Any:
        return self.accounts.unlock(self.session, password)

    def unlocked(self, session: Any) -> None:
        self.session = session
        if self.window is not None:
            self.window.session = session
        if self.shield is not None:
            self.shield.uncover()
        self._watch_idle()

    def switch_attempt(self, username: str, password: str) -> Any:
        """Another counselor at the lock screen. The locked counselor's draft must be saved
        first; typing one's own user name simply unlocks."""
        from azodesk.storage.accounts import normalise_username
        from azodesk.storage.errors import InvalidStateError

        try:
            same = normalise_username(username) == self.session.username
        except ValueError:
            same = False
        if same:
            return self.accounts.unlock(self.session, password)
        if self.window is not None and (not self.window.save_now() or self.window.unsaved_details()):
            raise InvalidStateError(tr("The open draft could not be saved; its counselor must unlock first."))
        return self.accounts.authenticate(username, password, context="desktop: at the lock screen")

    def switched(self, session: Any) -> None:
        if self.session is not None and session.counselor_id == self.session.counselor_id:
            self.unlocked(session)
            return
        old_window, old_session = self.window, self.session
        self._detach()
        self.session = session
        self._open_window()  # first the new window: closing the old one must not end the app
        if old_window is not None:
            old_window.close()  # saved already (switch_attempt): nothing to ask
            old_window.deleteLater()
        if old_session is not None:
            self._sign_out_quietly(old_session, "another counselor signed in")

    def check_account(self) -> None:
        """Every minute: a disabled account locks; a changed idle time applies."""
        if self.session is None or self.accounts is None:
            return
        from azodesk.storage.errors import PermissionDeniedError, StorageError

        try:
            self.accounts.check_session(self.session)
            settings = self.clinic()
        except PermissionDeniedError:
            self.lock("inactive")
            return
        except StorageError:  # busy or unreadable for a moment: the next minute checks again
            return
        if settings is not None and int(settings.idle_lock_minutes) != self.idle_minutes and self.guard.active:
            self._watch_idle()

    # --- privacy screen ------------------------------------------------------------------------------------
    def toggle_privacy(self) -> None:
        shield = self.shield
        if shield is None or shield.state == Shield.LOCKED:
            return
        if shield.state == Shield.PRIVATE:
            shield.uncover()
        else:
            shield.hide_screen()

    def _shield_changed(self, state: str) -> None:
        if "privacy" in self.menus:
            self.menus["hide_button"].setEnabled(state == Shield.OPEN)

    # --- account and administration --------------------------------------------------------------------------
    def change_password(self) -> None:
        from azodesk.ui.admin import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.accounts, self.session, self.window)
        self.password_dialog = dialog
        dialog.open()

    def open_admin(self, page: str = "counselors") -> Any:
        """The administration pages (administrators only; refused otherwise)."""
        from azodesk.ui.admin import AdministrationDialog

        if self.window is None:
            return None
        dialog = self.admin_dialog
        from shiboken6 import isValid

        if dialog is None or not isValid(dialog) or dialog.session is not self.session:
            dialog = AdministrationDialog(self.accounts, self.session, self.window)
            dialog.settings_saved.connect(self._settings_saved)
            self.admin_dialog = dialog
        dialog.show_page(page)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _settings_saved(self, settings: Any) -> None:
        self.idle_minutes = int(settings.idle_lock_minutes)
        if self.guard.active:
            self.guard.start(self.idle_minutes)

    def sign_out(self) -> bool:
        """Save, close the window (asking about anything unsaved), audit the sign-out, and show
        the login screen again."""
        if self.window is None:
            return True
        start = self._start_window(False)
        start.place()
        start.show()
        if not self._close_window(self.window):
            start.hide()
            return False
        if self.session is not None:
            self._sign_out_quietly(self.session, "signed out")
        self.session = None
        start.login_page.form.clear()  # a shared laptop: not even the last user name stays
        start.show_login(tr("You signed out. The next counselor can sign in."))
        return True

    def _close_window(self, window: Any) -> bool:
        if window is None:
            return True
        window.save_now()  # closing asks about anything still unsaved (the cover stays on)
        if not window.close():
            return False
        self._detach()
        window.deleteLater()
        return True

    def _detach(self) -> None:
        """Forget the current window: its dialogs close, the idle watch and the checks stop."""
        from shiboken6 import isValid

        if self.window is not None and isValid(self.window):
            self.window.removeEventFilter(self)
        for dialog in (self.admin_dialog, self.password_dialog):
            if dialog is not None and isValid(dialog):
                dialog.close()
        self.admin_dialog = self.password_dialog = None
        self.guard.stop()
        self.guard.shield = None
        self.check_timer.stop()
        self.window = self.shield = self.lock_screen = None
        self.menus = {}

    def _sign_out_quietly(self, session: Any, reason: str) -> None:
        try:
            self.accounts.sign_out(session, reason=reason)
        except Exception:  # noqa: BLE001, S110 - signing out must never keep the app from closing
            pass

    def shutdown(self) -> None:
        """The application ends: stop watching, audit the sign-out."""
        self.guard.stop()
        self.guard.uninstall()
        self.check_timer.stop()
        if self.session is not None and self.accounts is not None:
            self._sign_out_quietly(self.session, "app closed")
        self.session = None
