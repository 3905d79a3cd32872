#!/usr/bin/env bash
# The README's two commands, on a fresh Debian machine with Python 3.11:
#   bash packaging/dev.sh run    install, create the demo vault (first time), open the app on it
#   bash packaging/dev.sh test   install everything the tests need, then lint, type-check and test
# Extra arguments after `test` go to pytest (e.g. a test file; FIELDAPP_CRASH_KILLS=5000 for a crash soak).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
shift || true
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}

# Libraries Qt needs to open a window or render offscreen, and libpulse0 for Qt Multimedia.
QT_LIBS="libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libpulse0"
TEST_TOOLS="poppler-utils xvfb postgresql"

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ! "$PYTHON" -c "import ensurepip" 2>/dev/null; then missing+=("python3-venv"); fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing system packages: ${missing[*]}"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

venv() {
    if [ ! -x .venv/bin/python ]; then "$PYTHON" -m venv .venv; fi
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$1"
}

case "$mode" in
run)
    # shellcheck disable=SC2086
    apt_install $QT_LIBS
    venv ""
    demo_dir=${FIELDAPP_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/fieldapp-demo}
    if [ ! -f "$demo_dir/vault.db" ]; then .venv/bin/fieldapp demo --data-dir "$demo_dir"; fi
    echo "Opening the demo vault in $demo_dir (passphrase: demo raid team passphrase)"
    exec .venv/bin/fieldapp --data-dir "$demo_dir"
    ;;
test)
    # shellcheck disable=SC2086
    apt_install $QT_LIBS $TEST_TOOLS
    venv "[test]"
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check fieldapp ui tests
    .venv/bin/ruff format --check fieldapp ui tests
    .venv/bin/mypy
    exec .venv/bin/pytest -q "$@"
    ;;
*)
    echo "usage: bash packaging/dev.sh run|test [pytest arguments]" >&2
    exit 2
    ;;
esac
