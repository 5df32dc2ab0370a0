"""Renders the account screens at 1366×768 for people to look at (artifacts folder: next to the
desktop's, default /tmp/azodesk-shots/accounts): the setup page with live password feedback, the
login screen with an error, the lock screen, the privacy screen and the administrator's audit view.
Checks what a picture can hide: nothing clipped, no scroll bar needed, no patient data on the
covers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accounthelpers import ADMIN_PASSWORD, DEWI_PASSWORD, patient_data_shown, sign_in
from uihelpers import SHOTS, TODAY

from azodesk.storage.accounts import AccountService
from azodesk.storage.paths import default_database_path
from azodesk.storage.service import RecordStore

ACCOUNT_SHOTS = SHOTS.parent / "accounts"
SIZE = (1366, 768)


def _save(widget: Any, name: str) -> Path:
    ACCOUNT_SHOTS.mkdir(parents=True, exist_ok=True)
    path = ACCOUNT_SHOTS / f"{name}.png"
    image = widget.grab().toImage()
    assert (image.width(), image.height()) == SIZE, (name, image.width(), image.height())
    assert image.save(str(path)), path
    return path


def _nothing_clipped(root: Any) -> list[str]:
    """Buttons narrower than their text, one-line labels cut off, scroll bars in a card."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel

    problems = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.width() < button.sizeHint().width() - 1:
            problems.append(f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    for label in root.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap() and label.text() and \
                label.width() < label.minimumSizeHint().width() - 1:
            problems.append(f"label {label.text()!r}: {label.width()} < {label.minimumSizeHint().width()}")
        if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width()) - 1:
            problems.append(f"label {label.text()[:40]!r} cut at the bottom")
        if label.isVisible() and label.buddy() is None and "<" not in label.text() and \
                "&" in label.text().replace("&&", ""):
            problems.append(f"label {label.text()!r} shows its '&' (no buddy)")
    for area in root.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.objectName() == "" and area.verticalScrollBar().isVisible() and \
                area.widget() is not None and area.widget().objectName() == "accountBackdrop":
            problems.append("the card needs a scroll bar")
    return problems


def _settle(qtbot: Any, widget: Any) -> None:
    from PySide6.QtCore import Qt

    widget.setWindowState(Qt.WindowState.WindowNoState)
    widget.resize(*SIZE)
    qtbot.wait(60)


def test_the_account_screens_render_calmly_at_1366_by_768(qtbot: Any, knowledge: Any, store: RecordStore) -> None:
    from shiboken6 import isValid

    from azodesk.ui.demo import add_demo_couple
    from azodesk.ui.session import Desk
    from azodesk.ui.settings import open_settings

    couple_id = add_demo_couple(store)
    accounts = AccountService.of(store)
    desk = Desk(default_database_path(), knowledge, open_settings(), accounts=accounts, today=lambda: TODAY)
    try:
        start = desk.start()
        setup = start.setup_page
        setup.clinic_name.setText("Klinik Harapan Bunda")
        setup.city.setText("Yogyakarta")
        setup.username.setText("ratna")
        setup.display_name.setText("dr. Ratna Wijaya, Sp.And")
        setup.new_password.password.setText("ratna123")
        _settle(qtbot, start)
        assert _nothing_clipped(start) == []
        _save(start, "1-setup")
        setup.new_password.password.setText(ADMIN_PASSWORD)
        setup.new_password.repeat.setText(ADMIN_PASSWORD)
        setup.submit()
        admin = desk.session
        accounts.add_counselor(admin, "dewi", "Dewi Lestari", DEWI_PASSWORD)
        desk.sign_out()
        form = desk.start_window.login_page.form
        sign_in(form, "dewi", "a wrong password")
        _settle(qtbot, desk.start_window)
        assert form.error.text() == "Wrong user name or password."
        assert _nothing_clipped(desk.start_window) == [] and patient_data_shown() == []
        _save(desk.start_window, "2-login-error")
        sign_in(form, "dewi", DEWI_PASSWORD)
        window = desk.window
        _settle(qtbot, window)
        window.open_couple(couple_id)
        window.open_consultation(store.list_consultations(couple_id)[0].id)
        desk.lock("idle")
        sign_in(desk.lock_screen.unlock_form, "dewi", "still not it, sorry")
        _settle(qtbot, window)
        assert _nothing_clipped(window) == [] and patient_data_shown() == []
        _save(window, "3-lock")
        sign_in(desk.lock_screen.unlock_form, "dewi", DEWI_PASSWORD)
        desk.toggle_privacy()
        _settle(qtbot, window)
        assert _nothing_clipped(window) == [] and patient_data_shown() == []
        _save(window, "4-privacy")
        desk.toggle_privacy()
        desk.sign_out()
        sign_in(desk.start_window.login_page.form, "ratna", ADMIN_PASSWORD)
        dialog = desk.open_admin("audit")
        _settle(qtbot, dialog)
        assert dialog.audit.table.rowCount() > 8
        assert _nothing_clipped(dialog) == []
        _save(dialog, "5-audit")
        dialog.show_page("counselors")
        dialog.counselors.select("dewi")
        dialog.counselors.show_form("reset")
        _settle(qtbot, dialog)
        assert _nothing_clipped(dialog) == []
        _save(dialog, "6-counselors")
        desk.menus["password"].trigger()
        qtbot.wait(30)
        assert _nothing_clipped(desk.password_dialog) == []
        desk.password_dialog.close()
        # the same screens in Bahasa Indonesia (longer words)
        desk.window.set_interface_language("id")
        dialog.counselors.show_form("add")
        _settle(qtbot, dialog)
        assert dialog.counselors.add_box.title() == "Akun baru"
        assert _nothing_clipped(dialog) == []
        _save(dialog, "7-id-counselors-add")
        dialog.show_page("audit")
        _settle(qtbot, dialog)
        assert _nothing_clipped(dialog) == []
        dialog.close()
        desk.lock("manual")
        desk.lock_screen.show_switch(True)
        sign_in(desk.lock_screen.switch_form, "dewi", "salah lagi rupanya")
        _settle(qtbot, desk.window)
        assert desk.lock_screen.switch_form.error.text() == "Nama pengguna atau kata sandi salah."
        assert _nothing_clipped(desk.window) == [] and patient_data_shown() == []
        _save(desk.window, "8-id-lock-another-counselor")
    finally:
        desk.shutdown()
        for widget in (desk.window, desk.start_window, desk.admin_dialog):
            if widget is not None and isValid(widget):
                widget.hide()
                widget.deleteLater()
