# Sourced by scripts/start and scripts/test: make this checkout runnable on a fresh
# Debian 12 / Ubuntu 22.04+ machine. Installs the system packages that are missing (with sudo
# when not root), creates .venv and installs AzoDesk into it (again only when pyproject.toml
# changed). Set AZODESK_EXTRAS=test for the test dependencies.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"
# System packages (Debian names; measured in ../shared/notes/stack.md):
# the virtual environment; what Qt needs even offscreen; fonts; a real window under Xvfb;
# the PDF checking tools the tests use.
APT_PACKAGES=(
    python3-venv
    libglib2.0-0 libgl1 libegl1 libx11-6 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libbrotli1
    fonts-dejavu-core
    xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
    poppler-utils qpdf
)

say() { printf '\033[1mazodesk:\033[0m %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else say "need root rights to run: $*"; exit 1
    fi
}

install_system_packages() {
    command -v dpkg-query >/dev/null || return 0   # not a Debian-like system: trust the user
    local missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_python() {
    if ! command -v "$PYTHON" >/dev/null; then
        APT_PACKAGES+=(python3); install_system_packages
    fi
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        say "AzoDesk needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)"; exit 1; }
}

make_venv() {
    local extras="${AZODESK_EXTRAS:-}"
    local stamp="$VENV/.azodesk-installed"
    local want
    want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-${extras}"
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating $VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing AzoDesk${extras:+ with [$extras]} into .venv (first run takes a minute)"
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e "$ROOT${extras:+[$extras]}"
        echo "$want" > "$stamp"
    fi
}

# The interface catalogues (.qm, not in git) from resources/i18n/*.ts; does nothing when the
# compiled catalogue is up to date (its file name carries the digest of its sources).
build_catalogues() {
    "$VENV/bin/python" -m azodesk.ui.catalogue build >/dev/null || say "interface catalogues not compiled now; AzoDesk compiles them on first use"
}

install_system_packages
check_python
make_venv
build_catalogues
