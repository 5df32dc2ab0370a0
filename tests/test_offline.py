"""AzoDesk never talks to the network: the guard refuses internet sockets and name look-ups,
and the main flows run with it installed in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_guard_refuses_internet_sockets_and_lookups_but_not_local_pairs() -> None:
    done = _run(
        """
        import asyncio, socket
        from azodesk.offline import NetworkForbidden, forbid_network
        forbid_network()
        for attempt in (lambda: socket.socket(), lambda: socket.socket(socket.AF_INET6),
                        lambda: socket.create_connection(("192.0.2.1", 80)),
                        lambda: socket.getaddrinfo("example.org", 443),
                        lambda: __import__("urllib.request").request.urlopen("http://192.0.2.1/", timeout=1)):
            try:
                attempt()
            except NetworkForbidden:
                continue
            except Exception as error:
                if isinstance(getattr(error, "reason", None), NetworkForbidden):
                    continue
                raise
            raise SystemExit("a network attempt was not refused")
        a, b = socket.socketpair()
        asyncio.run(asyncio.sleep(0))
        print("ok")
        """
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_assess_runs_with_the_network_forbidden() -> None:
    done = _run(
        """
        import sys
        from azodesk.offline import forbid_network
        forbid_network()
        from azodesk.cli import main
        sys.exit(main(["assess", "resources/demo/demo-couple.case.json", "--format", "text", "--lang", "id"]))
        """
    )
    assert done.returncode == 0, done.stderr
