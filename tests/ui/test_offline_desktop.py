"""The desktop's main flows never touch the network: in a fresh interpreter with
:func:`azodesk.offline.forbid_network` installed and a second guard that records every attempt
(even one that something catches), the app starts offscreen on an empty data folder, the clinic is
set up, the counselor signs in, opens the demo couple, edits a field (live assessment), exports and
signs a summary (password asked again), verifies it, and runs a backup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r'''
import json, os, socket, sys, time, traceback
from pathlib import Path

from azodesk.offline import forbid_network

forbid_network()
attempts = []
_family = {socket.AF_INET, socket.AF_INET6}


def _hook(event, args):
    # Python's own audit events: every socket made, every connection, every name look-up.
    if event == "socket.__new__" and len(args) > 1 and args[1] not in (socket.AF_UNIX,):
        attempts.append((event, repr(args[1:])))
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                   "socket.sendto", "socket.sendmsg", "socket.bind") and not (
            args and isinstance(getattr(args[0], "family", None), int) and args[0].family == socket.AF_UNIX):
        attempts.append((event, repr(args[1:])[:120]))
    elif event in ("urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"):
        attempts.append((event, repr(args)[:120]))


sys.addaudithook(_hook)

# The refusals themselves, recorded too (a refused attempt raises before any audit event).
for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
    def _recording(*args, _name=_name, _refuse=getattr(socket, _name), **kwargs):
        attempts.append((_name, repr(args[:1])[:120]))
        return _refuse(*args, **kwargs)
    setattr(socket, _name, _recording)


class _RecordingSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and (family == -1 or family in _family):
            attempts.append(("socket", repr(family)))
        super().__init__(family, type, proto, fileno)


socket.socket = _RecordingSocket

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

qapp = QApplication([])
from azodesk.ui import session as session_module

desks = []
_start = session_module.Desk.start
session_module.Desk.start = lambda self: (desks.append(self), _start(self))[1]
PASSWORD = "kopi tubruk di pagi hari"
home = Path(os.environ["AZODESK_HOME"])
report = {"steps": []}


def wait_for(condition, seconds=90):
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("waited too long")
        qapp.processEvents()
        time.sleep(0.01)


def drive():
    if not desks or desks[0].start_window is None:
        QTimer.singleShot(20, drive)
        return
    desk = desks[0]
    try:
        setup = desk.start_window.setup_page
        setup.clinic_name.setText("Klinik Harapan")
        setup.city.setText("Yogyakarta")
        setup.username.setText("ratna")
        setup.display_name.setText("Ibu Ratna")
        setup.new_password.password.setText(PASSWORD)
        setup.new_password.repeat.setText(PASSWORD)
        setup.submit()
        assert desk.session is not None, setup.error.text()
        report["steps"].append("setup")
        desk.sign_out()
        form = desk.start_window.login_page.form
        form.username.setText("ratna")
        form.password.setText(PASSWORD)
        form.submit()
        window = desk.window
        assert window is not None, form.error.text()
        report["steps"].append("sign in")
        couple = window.store.search_couples("demo").items[0]
        window.open_couple(couple.id)
        window.open_consultation(window.store.list_consultations(couple.id)[0].id)
        page = window.consultation_page
        page.controller.request_edit(("male", "hormone_panels", 0, "fsh"), {"value": 12.0, "unit": "IU/L"})
        page.controller.set_chosen("vasectomy_reversal", True)
        assert window.save_now()
        report["steps"].append("open couple, assess")
        window.export_summary()
        dialog = window.export_dialog
        target = home / "exported" / "summary.pdf"
        dialog.path.setText(str(target))
        dialog.passphrase.setText(PASSWORD)
        dialog.start()
        wait_for(lambda: dialog.task is None)
        assert target.read_bytes().startswith(b"%PDF"), dialog.status.text()
        report["steps"].append("export and sign")
        from azodesk.reports.verify import verify_pdf

        verdict = verify_pdf(target.read_bytes(), store=window.store)
        assert verdict.ok, verdict.problems
        report["steps"].append("verify")
        secret = home / "passphrase.txt"
        secret.write_text(PASSWORD, encoding="utf-8")
        from azodesk.cli import main

        code = main(["backup", "--counselor", "ratna", "--passphrase-file", str(secret)])
        secret.unlink()
        assert code == 0 and list((home / "backups").glob("*")), code
        report["steps"].append("backup")
    except BaseException:
        report["error"] = traceback.format_exc()
    finally:
        if desk.window is not None:
            desk.window.close()
        if desk.start_window is not None:
            desk.start_window.close()
        qapp.quit()


QTimer.singleShot(0, drive)
from azodesk.ui.app import run

code = run(demo=True)
report.update(code=code, attempts=attempts, qtnetwork="PySide6.QtNetwork" in sys.modules)
print("REPORT " + json.dumps(report))
'''


def test_the_main_desktop_flows_never_touch_the_network(tmp_path: Path) -> None:
    env = {**os.environ, "AZODESK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], check=False, cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=env)
    line = next((x for x in done.stdout.splitlines() if x.startswith("REPORT ")), None)
    assert line is not None, done.stdout[-2000:] + done.stderr[-4000:]
    report = json.loads(line[len("REPORT "):])
    assert report.get("error") is None, report["error"]
    assert report["steps"] == ["setup", "sign in", "open couple, assess", "export and sign", "verify", "backup"]
    assert report["attempts"] == [] and report["qtnetwork"] is False
    assert report["code"] == 0
    assert "NetworkForbidden" not in done.stderr
