"""The signed-in desktop on a shared laptop: the setup page and the login screen before any couple,
each refusal with its own message and no patient data on the screen, the idle lock that saves the
draft and gives it back exactly as it was, another counselor at the lock screen, the F12 privacy
screen, the administrator's pages (refused to others), the audit view with CSV export and the
chain check, signing that asks for the password again, and an encrypted database unlocked by the
login screen.

"No patient data" is checked on the screen itself: every text of every visible window (labels,
fields, buttons, tabs, tables, titles, diagram tool tips) is searched for the demo couple's names
and record number — and the same search finds them once the counselor is let in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from accounthelpers import (
    ADMIN_PASSWORD,
    DEWI_PASSWORD,
    patient_data_shown,
    sign_in,
    visible_texts,
)
from uihelpers import TODAY, type_into

from azodesk.domain.knowledge import Knowledge
from azodesk.storage.accounts import AccountService, Session
from azodesk.storage.paths import default_database_path
from azodesk.storage.service import RecordStore

FSH = ("male", "hormone_panels", 0, "fsh")


@pytest.fixture
def accounts(store: RecordStore) -> AccountService:
    return AccountService.of(store)


@pytest.fixture
def clinic(accounts: AccountService, demo_ids: tuple[int, int]) -> Session:
    """A clinic set up with its administrator (ratna) and a counselor (dewi); the demo couple
    was stored before. Returns the administrator's session."""
    admin = accounts.setup_clinic("Klinik Harapan", "Yogyakarta", "ID", "ratna", "Ibu Ratna", ADMIN_PASSWORD)
    accounts.add_counselor(admin, "dewi", "Dewi Lestari", DEWI_PASSWORD)
    return admin


@pytest.fixture
def make_desk(qtbot: Any, accounts: AccountService, knowledge: Knowledge) -> Iterator[Any]:
    from azodesk.ui.session import Desk
    from azodesk.ui.settings import open_settings

    desks: list[Any] = []

    def make(path: Path | None = None, service: Any = accounts) -> Any:
        desk = Desk(path or default_database_path(), knowledge, open_settings(), accounts=service,
                    today=lambda: TODAY)
        start = desk.start()
        start.resize(1366, 768)
        desks.append(desk)
        return desk

    yield make
    from shiboken6 import isValid

    for desk in desks:
        desk.shutdown()
        for widget in (desk.window, desk.start_window, desk.admin_dialog, desk.password_dialog):
            if widget is not None and isValid(widget):
                controller = getattr(widget, "controller", None)
                if controller is not None:
                    controller.timer.stop()
                widget.hide()
                widget.deleteLater()
    qtbot.wait(10)


def _signed_in(make_desk: Any, username: str, password: str) -> Any:
    desk = make_desk()
    sign_in(desk.start_window.login_page.form, username, password)
    assert desk.window is not None and desk.window.isVisible(), desk.start_window.login_page.form.error.text()
    desk.window.resize(1366, 768)
    return desk


def _audit(accounts: AccountService, admin: Session, **filters: Any) -> list[Any]:
    return list(accounts.audit_entries(admin, limit=500, **filters).items)


# --- the gate ----------------------------------------------------------------------------------------------------


def test_the_first_start_sets_up_the_clinic_before_anyone_sees_a_couple(
        qtbot: Any, make_desk: Any, accounts: AccountService, demo_ids: tuple[int, int]) -> None:
    from PySide6.QtCore import Qt

    desk = make_desk()
    start = desk.start_window
    page = start.setup_page
    assert page is not None and start.pages.currentWidget() is page and page.isVisible()
    assert desk.window is None and patient_data_shown() == []
    assert page.jurisdiction.currentData() == "ID"
    page.clinic_name.setText("Klinik Harapan")
    page.username.setText("ratna")
    page.display_name.setText("Ibu Ratna")
    box = page.new_password
    qtbot.keyClicks(box.password, "pendek")  # live feedback while typing
    assert "at least 10 characters" in box.feedback.text()
    box.password.setText("klinik harapan 2026")
    assert "clinic's name" in box.feedback.text()
    box.password.setText(ADMIN_PASSWORD)
    assert "differ" in box.feedback.text()
    box.repeat.setText(ADMIN_PASSWORD)
    assert "Strong enough" in box.feedback.text()
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)
    assert desk.session is not None and desk.session.is_admin and desk.session.username == "ratna"
    assert not start.isVisible() and desk.window.isVisible()
    assert "Budi Santoso (demo)" in visible_texts()  # the check sees patient data once it is shown
    assert accounts.clinic_settings().name == "Klinik Harapan"
    assert box.password.text() == "" and box.repeat.text() == ""
    assert "Administration" in [a.text().replace("&", "") for a in desk.window.menuBar().actions()]


def test_a_wrong_password_and_a_disabled_account_are_refused_with_their_own_message(
        qtbot: Any, make_desk: Any, accounts: AccountService, clinic: Session) -> None:
    desk = make_desk()
    start = desk.start_window
    form = start.login_page.form
    assert start.pages.currentWidget() is start.login_page and start.login_page.title.text() == "Klinik Harapan"
    assert patient_data_shown() == []
    sign_in(form, "dewi", "not her password at all")
    assert form.error.isVisible() and form.error.text() == "Wrong user name or password."
    assert desk.window is None and desk.session is None and patient_data_shown() == []
    assert form.password.text() == ""  # the typed password does not stay anywhere
    sign_in(form, "nobody", DEWI_PASSWORD)
    assert form.error.text() == "Wrong user name or password."  # unknown user: the same answer
    accounts.disable_counselor(clinic, "dewi")
    sign_in(form, "dewi", DEWI_PASSWORD)
    assert form.error.text() == "This account is disabled. Ask the clinic's administrator to enable it."
    assert desk.window is None and patient_data_shown() == []
    accounts.enable_counselor(clinic, "dewi")
    sign_in(form, "dewi", DEWI_PASSWORD)
    assert desk.window is not None and desk.session.username == "dewi" and not desk.session.is_admin
    assert "Budi Santoso (demo)" in visible_texts()
    titles = [a.text().replace("&", "") for a in desk.window.menuBar().actions()]
    assert "Account" in titles and "Administration" not in titles  # administration: administrators only
    assert desk.window.store.actor == desk.session.counselor_id  # the window writes as dewi


def test_after_five_wrong_passwords_the_login_waits_and_says_until_when(
        qtbot: Any, make_desk: Any, clinic: Session) -> None:
    desk = make_desk()
    form = desk.start_window.login_page.form
    for _ in range(4):
        sign_in(form, "dewi", "a wrong guess number x")
        assert form.error.text() == "Wrong user name or password." and form.button.isEnabled()
    sign_in(form, "dewi", "a wrong guess number x")  # the fifth: a delay applies from now on
    assert "try again at" in form.error.text() and not form.button.isEnabled()
    assert form.retry_at is not None
    assert form.retry_at.astimezone().strftime("%H:%M:%S") in form.error.text()
    form.username.setText("someone")  # the throttle is per account: another user name may try
    assert form.button.isEnabled()
    sign_in(form, "dewi", DEWI_PASSWORD)  # even the right password is not checked during the wait
    assert form.error.text().startswith("Too many wrong passwords. Try again at ")
    assert not form.button.isEnabled() and desk.window is None and patient_data_shown() == []
    qtbot.waitUntil(form.button.isEnabled, timeout=5000)  # 2 s after the fifth wrong password
    assert form.error.text() == "You can try again now." and form.button.text() == "Sign in"
    sign_in(form, "dewi", DEWI_PASSWORD)
    assert desk.window is not None


# --- idle lock ------------------------------------------------------------------------------------------------------


def _open_demo(desk: Any, demo_ids: tuple[int, int]) -> Any:
    window = desk.window
    window.open_couple(demo_ids[0])
    window.open_consultation(demo_ids[1])
    return window.consultation_page


def test_idle_time_locks_after_saving_and_unlocking_gives_back_the_same_draft(
        qtbot: Any, make_desk: Any, store: RecordStore, demo_ids: tuple[int, int], clinic: Session,
        accounts: AccountService) -> None:
    from PySide6.QtCore import Qt

    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    assert desk.guard.timer.interval() == 5 * 60_000  # the clinic's default: 5 minutes
    page = _open_demo(desk, demo_ids)
    page.show_tab(0)
    fsh = page.form.row(FSH)
    type_into(qtbot, fsh, "12.5")
    assert page.controller.has_unsaved  # not yet saved: the autosave waits 2 s
    desk.window.verify_summary()  # an open dialog
    verify = desk.window.verify_dialog
    assert verify.isVisible()
    desk.guard.set_interval(30)  # the idle time, shortened
    qtbot.waitUntil(lambda: desk.shield is not None and desk.shield.state == "locked", timeout=3000)
    # saved first
    assert not page.controller.has_unsaved
    assert store.get_consultation(demo_ids[1]).case_document["male"]["hormone_panels"][0]["fsh"]["value"] == 12.5
    # nothing of the couple on the screen
    assert patient_data_shown() == [], visible_texts()
    assert not verify.isVisible() and not desk.window.menuBar().isVisible()
    assert desk.window.windowTitle() == "AzoDesk — locked"
    lock = desk.lock_screen
    assert lock.isVisible() and "Dewi Lestari" in lock.signed.text() and lock.title.text() == "Klinik Harapan"
    # no shortcut of the covered window works: not the couple view, not a new couple
    qtbot.keyClick(lock.unlock_form.password, Qt.Key.Key_F5)
    qtbot.keyClick(lock.unlock_form.password, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(lock.unlock_form.password, Qt.Key.Key_F12)  # no privacy toggle past the lock either
    assert desk.window.couple_view is None and desk.window.consultation_page is page
    assert desk.shield.state == "locked" and patient_data_shown() == []
    # a wrong password keeps it locked
    sign_in(lock.unlock_form, "dewi", "this is not it really")
    assert lock.unlock_form.error.text() == "Wrong password."
    assert desk.shield.state == "locked" and patient_data_shown() == []
    # the right one gives everything back as it was
    sign_in(lock.unlock_form, "dewi", DEWI_PASSWORD)
    assert desk.shield.state == "open"
    assert desk.window.consultation_page is page and page.tabs.currentIndex() == 0
    assert page.form.row(FSH).editor().text() == "12.5"
    assert verify.isVisible() and desk.window.menuBar().isVisible() and desk.window.windowTitle() == "AzoDesk"
    assert "Budi" in visible_texts()
    assert desk.guard.active and desk.guard.timer.isActive()
    actions = [(e.action, e.actor_username) for e in _audit(accounts, clinic, actor="dewi")]
    assert ("lock", "dewi") in actions and ("reauthenticate", "dewi") in actions
    assert [e.detail for e in _audit(accounts, clinic, actor="dewi", action="lock")] == ["idle lock"]


def test_input_restarts_the_idle_time_and_the_administrator_sets_it(
        qtbot: Any, make_desk: Any, demo_ids: tuple[int, int], clinic: Session) -> None:
    from PySide6.QtCore import Qt

    desk = _signed_in(make_desk, "ratna", ADMIN_PASSWORD)
    qtbot.wait(60)
    assert desk.guard.timer.remainingTime() < 5 * 60_000 - 40
    qtbot.keyClick(desk.window.couples_page.search, Qt.Key.Key_B)
    assert desk.guard.timer.remainingTime() >= 5 * 60_000 - 30  # typing restarted it
    dialog = desk.open_admin("clinic")
    dialog.clinic.idle.setValue(2)
    dialog.clinic.save()
    assert dialog.clinic.message.text() == "Settings saved."
    assert desk.guard.timer.interval() == 2 * 60_000 and desk.idle_minutes == 2
    desk.guard.timer.timeout.emit()  # two minutes later
    assert desk.shield.state == "locked" and "Locked after 2 minutes" in desk.lock_screen.note.text()
    assert not dialog.isVisible() and patient_data_shown() == []


def test_a_disabled_session_locks_and_cannot_unlock(
        qtbot: Any, make_desk: Any, demo_ids: tuple[int, int], clinic: Session, accounts: AccountService) -> None:
    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    _open_demo(desk, demo_ids)
    accounts.disable_counselor(clinic, "dewi")
    desk.check_account()  # the minute's check
    assert desk.shield.state == "locked" and patient_data_shown() == []
    assert "can no longer be used" in desk.lock_screen.note.text()
    sign_in(desk.lock_screen.unlock_form, "dewi", DEWI_PASSWORD)
    assert desk.lock_screen.unlock_form.error.text().startswith("This account is disabled")
    assert desk.shield.state == "locked" and patient_data_shown() == []


def test_another_counselor_signs_in_at_the_lock_screen(
        qtbot: Any, make_desk: Any, store: RecordStore, demo_ids: tuple[int, int], clinic: Session,
        accounts: AccountService) -> None:
    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    page = _open_demo(desk, demo_ids)
    type_into(qtbot, page.form.row(FSH), "9.5")
    old_window = desk.window
    desk.lock_now()
    lock = desk.lock_screen
    lock.other.click()
    assert lock.switch_form.isVisible() and not lock.unlock_form.isVisible()
    sign_in(lock.switch_form, "ratna", "not the admin password")
    assert lock.switch_form.error.text() == "Wrong user name or password."
    assert desk.window is old_window and patient_data_shown() == []
    sign_in(lock.switch_form, "ratna", ADMIN_PASSWORD)
    assert desk.session.username == "ratna" and desk.window is not old_window
    assert desk.window.consultation_page is None  # the new counselor starts at the couples list
    assert store.get_consultation(demo_ids[1]).case_document["male"]["hormone_panels"][0]["fsh"]["value"] == 9.5
    outs = _audit(accounts, clinic, actor="dewi", action="sign_out")
    assert [e.detail for e in outs] == ["another counselor signed in"]
    assert desk.window.store.actor == desk.session.counselor_id


# --- privacy screen ---------------------------------------------------------------------------------------------------


def test_f12_hides_the_window_and_the_couple_view_and_brings_them_back(
        qtbot: Any, make_desk: Any, demo_ids: tuple[int, int], clinic: Session) -> None:
    from PySide6.QtCore import Qt

    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    page = _open_demo(desk, demo_ids)
    page.show_tab(1)
    desk.window.toggle_couple_view()
    view = desk.window.couple_view
    assert view is not None and view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F12)  # pressed while the couple looks at the couple view
    assert desk.shield.state == "private" and not view.isVisible()
    assert patient_data_shown() == [] and desk.shield.privacy_screen.isVisible()
    qtbot.keyClick(desk.window.couple_view or desk.window, Qt.Key.Key_F12)
    assert desk.shield.state == "open" and view.isVisible() and desk.window.couple_view is view
    view.close()
    assert page.tabs.currentIndex() == 1 and "Budi" in visible_texts()
    # the button in the navigation bar, and F12 with a dialog in front of the window
    desk.menus["hide_button"].click()
    assert desk.shield.state == "private" and patient_data_shown() == []
    desk.shield.privacy_screen.button.click()
    assert desk.shield.state == "open"
    desk.window.verify_summary()
    verify = desk.window.verify_dialog
    qtbot.keyClick(verify.path, Qt.Key.Key_F12)
    assert desk.shield.state == "private" and not verify.isVisible() and patient_data_shown() == []
    qtbot.keyClick(desk.shield.privacy_screen.button, Qt.Key.Key_F12)
    assert desk.shield.state == "open" and verify.isVisible()
    assert desk.session is not None  # never signed out


def test_the_idle_lock_also_comes_while_the_screen_is_hidden(
        qtbot: Any, make_desk: Any, demo_ids: tuple[int, int], clinic: Session) -> None:
    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    page = _open_demo(desk, demo_ids)
    desk.window.toggle_couple_view()
    view = desk.window.couple_view
    desk.toggle_privacy()
    assert desk.shield.state == "private" and not view.isVisible()
    desk.guard.timer.timeout.emit()  # nobody came back to the desk
    assert desk.shield.state == "locked" and desk.window.couple_view is None
    assert patient_data_shown() == [] and desk.lock_screen.isVisible()
    desk.toggle_privacy()  # F12 does not get past the lock
    assert desk.shield.state == "locked"
    sign_in(desk.lock_screen.unlock_form, "dewi", DEWI_PASSWORD)
    assert desk.shield.state == "open" and desk.window.consultation_page is page
    assert desk.window.couple_view is None  # the lock closed the couple view for good


# --- administration ------------------------------------------------------------------------------------------------------


def test_the_administration_pages_refuse_a_counselor(qtbot: Any, make_desk: Any, accounts: AccountService,
                                                     clinic: Session) -> None:
    from azodesk.ui.admin import AdministrationDialog, AuditPage

    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    dialog = desk.open_admin("audit")  # e.g. an action left over from an administrator's window
    assert not dialog.allowed and dialog.refusal.isVisible() and not dialog.tabs.isVisible()
    assert dialog.refusal.text() == "Only an administrator can open the administration pages."
    direct = AdministrationDialog(accounts, desk.session)
    qtbot.addWidget(direct)
    assert direct.audit is None and direct.counselors is None and direct.clinic is None
    page = AuditPage(accounts, desk.session)  # even the page alone shows nothing
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0 and "only an administrator" in page.message.text()
    # an administrator demoted (disabled) since signing in is refused too
    admin_desk = _signed_in(make_desk, "ratna", ADMIN_PASSWORD)
    accounts.add_counselor(admin_desk.session, "ayu", "Ayu Pertiwi", "teh manis hangat sekali", role="admin")
    ayu = accounts.authenticate("ayu", "teh manis hangat sekali")
    accounts.disable_counselor(admin_desk.session, "ayu")
    stale = AdministrationDialog(accounts, ayu)
    qtbot.addWidget(stale)
    assert not stale.allowed


def test_the_administrator_adds_disables_and_resets_counselors(
        qtbot: Any, make_desk: Any, accounts: AccountService, clinic: Session) -> None:
    desk = _signed_in(make_desk, "ratna", ADMIN_PASSWORD)
    dialog = desk.open_admin("counselors")
    page = dialog.counselors
    assert dialog.tabs.currentWidget() is page
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert names == ["ratna", "dewi"]
    page.add_button.click()
    page.new_username.setText("ayu")
    page.new_name.setText("Ayu Pertiwi")
    page.new_password.password.setText("1234567890")
    page.new_password.repeat.setText("1234567890")
    assert "too easy to guess" in page.new_password.feedback.text()
    page.add_confirm.click()
    assert "Choose another password" in page.message.text() and page.add_box.isVisible()
    page.new_password.password.setText("teh manis hangat sekali")
    page.new_password.repeat.setText("teh manis hangat sekali")
    page.add_confirm.click()
    assert page.message.text().startswith("Account ayu added") and not page.add_box.isVisible()
    assert accounts.authenticate("ayu", "teh manis hangat sekali").role == "counselor"
    page.select("dewi")
    page.disable_button.click()
    assert "dewi can no longer sign in" in page.message.text()
    assert page.table.item(1, 3).text() == "disabled" and page.enable_button.isEnabled()
    page.enable_button.click()
    assert page.table.item(1, 3).text() == "active"
    page.select("dewi")
    page.reset_button.click()
    assert page.reset_box.isVisible() and "never shown" in page.reset_note.text()
    page.reset_password.password.setText("sate ayam bumbu kacang")
    page.reset_password.repeat.setText("sate ayam bumbu kacang")
    page.reset_confirm.click()
    assert page.message.text().startswith("New password set for dewi")
    assert DEWI_PASSWORD not in visible_texts() and "sate ayam" not in visible_texts()
    assert accounts.authenticate("dewi", "sate ayam bumbu kacang").username == "dewi"


def test_the_audit_view_lists_sign_ins_with_the_counselor_and_exports_csv(
        qtbot: Any, make_desk: Any, accounts: AccountService, clinic: Session, demo_ids: tuple[int, int],
        tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    dewi = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    dewi.window.open_couple(demo_ids[0])
    dewi.sign_out()
    form = dewi.start_window.login_page.form
    assert dewi.start_window.isVisible() and dewi.window is None and patient_data_shown() == []
    sign_in(form, "dewi", "wrong wrong wrong wrong")
    sign_in(form, "ratna", ADMIN_PASSWORD)
    dialog = dewi.open_admin("audit")
    page = dialog.audit
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page and page.table.rowCount() > 5
    page.counselor.setCurrentIndex(page.counselor.findData("dewi"))
    rows = [[page.table.item(r, c).text() for c in range(6)] for r in range(page.table.rowCount())]
    assert all(row[1] == "Dewi Lestari (dewi)" for row in rows)
    actions = [row[2] for row in rows]
    assert "signed in" in actions and "sign-in refused" in actions and "signed out" in actions
    assert ["viewed", f"couple {demo_ids[0]}"] in [row[2:4] for row in rows]
    page.action.setCurrentIndex(page.action.findData("sign_in"))
    rows = [[page.table.item(r, c).text() for c in range(6)] for r in range(page.table.rowCount())]
    assert len(rows) == 1 and rows[0][1:3] == ["Dewi Lestari (dewi)", "signed in"]
    assert page.position.text() == "entries 1–1 of 1"
    page.since.setDate(QDate(2099, 1, 1))
    assert page.table.rowCount() == 0 and page.position.text() == "no entries"
    page.clear_filters()
    page.counselor.setCurrentIndex(page.counselor.findData("dewi"))
    target = tmp_path / "audit.csv"
    count = page.export_to(target)
    text = target.read_text(encoding="utf-8")
    assert count is not None and count >= 4 and f"{count} entries written to" in page.message.text()
    assert text.lstrip("\ufeff").splitlines()[0].startswith("id,time_utc,actor,username,counselor,action")
    assert ",dewi,Dewi Lestari,sign_in," in text and ",sign_in_failed," in text
    assert "wrong wrong" not in text and DEWI_PASSWORD not in text
    exports = _audit(accounts, clinic, actor="ratna", action="export")
    assert exports and exports[0].entity == "audit_log"  # the export itself is audited
    page.check_button.click()
    assert "The audit log is intact" in page.message.text()
    # a row forged with plain SQL breaks the chain at that row
    import sqlite3

    with sqlite3.connect(default_database_path()) as raw:
        last = raw.execute("SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        columns = [r[1] for r in raw.execute("PRAGMA table_info(audit_log)")]
        row = dict(zip(columns, raw.execute("SELECT * FROM audit_log WHERE id = ?", (last[0],)).fetchone(), strict=True))
        row.update(id=last[0] + 1, prev_hash=last[1], detail="forged", entry_hash="0" * 64)
        raw.execute(f"INSERT INTO audit_log ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    page.check_button.click()
    assert f"First broken link: entry {last[0] + 1}" in page.message.text()


def test_changing_my_own_password(qtbot: Any, make_desk: Any, accounts: AccountService, clinic: Session) -> None:
    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    desk.menus["password"].trigger()
    dialog = desk.password_dialog
    assert dialog.isVisible()
    dialog.old.setText("not my password at all")
    dialog.new.password.setText("bakso urat pedas sekali")
    dialog.new.repeat.setText("bakso urat pedas sekali")
    dialog.change()
    assert dialog.message.text() == "Wrong user name or password." and dialog.old.text() == ""
    dialog.old.setText(DEWI_PASSWORD)
    dialog.new.password.setText("bakso urat pedas sekali")
    dialog.new.repeat.setText("bakso urat pedas sekali")
    dialog.change()
    assert dialog.message.text().startswith("Password changed.")
    assert accounts.authenticate("dewi", "bakso urat pedas sekali").username == "dewi"


# --- signing -----------------------------------------------------------------------------------------------------------------


def test_signing_asks_for_the_password_again_and_a_wrong_one_signs_nothing(
        qtbot: Any, make_desk: Any, store: RecordStore, accounts: AccountService, clinic: Session,
        demo_ids: tuple[int, int], tmp_path: Path) -> None:
    desk = _signed_in(make_desk, "dewi", DEWI_PASSWORD)
    page = _open_demo(desk, demo_ids)
    page.controller.set_chosen("vasectomy_reversal", True)
    desk.window.export_summary()
    dialog = desk.window.export_dialog
    assert dialog.isVisible() and dialog.session is desk.session
    assert dialog.counselor.currentText() == "Dewi Lestari" and not dialog.counselor.isEnabled()
    target = tmp_path / "summary.pdf"
    dialog.path.setText(str(target))
    dialog.start()
    assert dialog.task is None and "asked again" in dialog.status.text()
    dialog.passphrase.setText("not her password, sorry")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert "Not signed: Wrong user name or password." in dialog.status.text()
    assert not store.get_consultation(demo_ids[1]).signed and not target.exists()
    assert store.list_documents(demo_ids[1]) == ()
    assert dialog.passphrase.text() == ""
    dialog.passphrase.setText(DEWI_PASSWORD)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert "saved" in dialog.status.text(), dialog.status.text()
    signed = store.get_consultation(demo_ids[1])
    assert signed.signed and target.read_bytes().startswith(b"%PDF")
    (document,) = store.list_documents(demo_ids[1])
    assert document.signed_by == desk.session.counselor_id == signed.signed_by
    entries = _audit(accounts, clinic, actor="dewi")
    reauth = [e.detail for e in entries if e.action == "reauthenticate"]
    assert reauth == ["user name dewi: sign"]  # the wrong attempt signed in nobody
    assert ("sign", "consultation") in [(e.action, e.entity) for e in entries]
    assert [e.entity_id for e in entries if e.action == "export" and e.entity == "document"] == [document.id]
    assert desk.window.consultation_page.controller.read_only


# --- encryption -------------------------------------------------------------------------------------------------------------


def test_the_login_screen_unlocks_an_encrypted_database(qtbot: Any, make_desk: Any, tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3", reason="the 'encrypted' extra (sqlcipher3) is not installed")
    from azodesk.storage import encryption
    from azodesk.storage.database import open_database
    from azodesk.ui.demo import add_demo_couple

    path = tmp_path / "encrypted.sqlite3"
    encryption.create_encrypted_database(path, "ratna", ADMIN_PASSWORD)
    with AccountService(open_database(path)) as service:
        admin = service.setup_clinic("Klinik Harapan", "Yogyakarta", "ID", "ratna", "Ibu Ratna", ADMIN_PASSWORD)
        service.add_counselor(admin, "dewi", "Dewi Lestari", DEWI_PASSWORD)
        add_demo_couple(service.store_for(admin))
    encryption.forget_key(path)
    assert b"Budi" not in path.read_bytes()
    desk = make_desk(path, None)
    start = desk.start_window
    form = start.login_page.form
    assert start.pages.currentWidget() is start.login_page and start.login_page.title.text() == "AzoDesk"
    sign_in(form, "dewi", "the wrong password here")
    assert form.error.text() == "Wrong user name or password."
    assert desk.accounts is None and encryption.key_for(path) is None and patient_data_shown() == []
    sign_in(form, "dewi", DEWI_PASSWORD)
    try:
        assert desk.window is not None and desk.session.username == "dewi"
        assert "Budi Santoso (demo)" in visible_texts()
    finally:
        desk.shutdown()
        desk.window.close()
        desk.accounts.close()
        encryption.forget_key(path)


# --- secrets ---------------------------------------------------------------------------------------------------------------------


def test_passwords_typed_in_the_desktop_are_never_stored_or_logged(
        qtbot: Any, make_desk: Any, accounts: AccountService, clinic: Session, demo_ids: tuple[int, int]) -> None:
    from azodesk.storage.paths import data_home

    desk = make_desk()
    form = desk.start_window.login_page.form
    typo = "dewi nasi goreng typo"
    sign_in(form, "dewi", typo)
    sign_in(form, DEWI_PASSWORD, DEWI_PASSWORD)  # a password typed into the user-name field
    sign_in(form, "dewi", DEWI_PASSWORD)
    desk.lock_now()
    sign_in(desk.lock_screen.unlock_form, "dewi", typo)
    sign_in(desk.lock_screen.unlock_form, "dewi", DEWI_PASSWORD)
    desk.sign_out()
    desk.settings.sync()
    found = []
    for path in data_home().rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (DEWI_PASSWORD, typo, ADMIN_PASSWORD):
                for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                    if encoded in data:
                        found.append((path.name, secret))
    assert found == []
    assert DEWI_PASSWORD not in visible_texts() and typo not in visible_texts()
