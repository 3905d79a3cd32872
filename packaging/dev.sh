#!/usr/bin/env bash
# The README's two commands, on a fresh Debian machine with Python 3.11:
#   bash packaging/dev.sh run    install, create the demo vault (first time), open the app on it
#   bash packaging/dev.sh run-hq the same for HQ mode: a demo HQ (first time), then the app on it
#   bash packaging/dev.sh test   install everything the tests need, then lint, type-check and test
#   bash packaging/dev.sh reliability [--full]  tests/reliability, then its table in README.md
#   bash packaging/dev.sh package  the frozen build and .deb, then their smoke test (packaging/README.md)
# Extra arguments after `test` go to pytest (e.g. a test file; FIELDAPP_CRASH_KILLS=5000 for a crash soak).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
shift || true
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}

# Libraries Qt needs to open a window or render offscreen, libpulse0 for Qt Multimedia, and a Khmer font
# for what the desktop draws itself (the window's title bar); the app's own text uses the fonts it ships.
QT_LIBS="libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libpulse0
fonts-khmeros"
TEST_TOOLS="poppler-utils xvfb openbox postgresql"

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

as_postgres() {
    # Run from / so psql does not complain about a home folder the postgres user cannot read.
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -u postgres "$@"); fi
}

start_test_postgres() {
    # The HQ suite also runs against PostgreSQL: Debian's own cluster, listening on 127.0.0.1 only,
    # with a role for the tests that may create (and drop) its own databases.
    [ -z "${FIELDAPP_TEST_PG:-}" ] || return 0
    local version port status
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -1)
    [ -n "$version" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found = 1} END {exit !found}'; then
        $SUDO pg_createcluster --locale C.UTF-8 --encoding UTF8 "$version" main -- --auth-local peer \
            --auth-host scram-sha-256 >/dev/null
    fi
    status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')
    if [ "$status" != "online" ]; then $SUDO pg_ctlcluster "$version" main start; fi
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    if ! pg_isready -q -h 127.0.0.1 -p "$port" -t 30; then
        echo "PostgreSQL $version did not start on 127.0.0.1:$port; see /var/log/postgresql/" >&2
        exit 1
    fi
    as_postgres psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fieldapp_test') THEN
            CREATE ROLE fieldapp_test;
        END IF;
        ALTER ROLE fieldapp_test LOGIN CREATEDB CREATEROLE PASSWORD 'fieldapp_test'; END \$\$;" >/dev/null
    export FIELDAPP_TEST_PG="postgresql://fieldapp_test:fieldapp_test@127.0.0.1:$port/postgres"
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
run-hq)
    # The same program in HQ mode, on a demo HQ fed by three demo laptops (built the first time).
    # shellcheck disable=SC2086
    apt_install $QT_LIBS
    venv ""
    hq_dir=${FIELDAPP_DEMO_HQ_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/fieldapp-demo-hq}
    if [ ! -f "$hq_dir/hq-keys.json" ]; then .venv/bin/fieldapp hq demo --hq-dir "$hq_dir"; fi
    echo "Opening the demo HQ in $hq_dir (HQ passphrase: demo hq passphrase)"
    exec .venv/bin/fieldapp hq app --hq-dir "$hq_dir"
    ;;
test)
    # shellcheck disable=SC2086
    apt_install $QT_LIBS $TEST_TOOLS
    venv "[test]"
    start_test_postgres
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check fieldapp ui tests
    .venv/bin/ruff format --check fieldapp ui tests
    .venv/bin/mypy
    # One worker per core; worksteal keeps both busy while one runs a long Xvfb or crash-kill test.
    # `-n 0` after the command runs it in one process (a debugger, -s).
    exec .venv/bin/pytest -q -n auto --dist worksteal "$@"
    ;;
reliability)
    # tests/reliability (crash, tamper, fuzz, leaks, keys, load), then its table into README.md.
    # --full: 10x the kills and fuzz examples and 50 laptops for the load test (20-30 minutes).
    # shellcheck disable=SC2086
    apt_install $QT_LIBS $TEST_TOOLS
    venv "[test]"
    start_test_postgres
    export QT_QPA_PLATFORM=offscreen
    if [ "${1:-}" = "--full" ]; then
        shift
        export FIELDAPP_RELIABILITY_SCALE=10 FIELDAPP_LOAD_DEVICES=50
    fi
    if [ $# -eq 0 ]; then  # the whole harness (arguments, e.g. one test file, replace it)
        set -- tests/reliability
        rm -f tests/artifacts/reliability/*.json  # the table shows this run only
    fi
    status=0
    .venv/bin/pytest -q "$@" || status=$?
    .venv/bin/python tests/reliability/report.py || status=$((status ? status : 1))
    exit "$status"
    ;;
package)
    # The frozen one-folder build and the .deb (packaging/build.sh), then the smoke test of that build.
    # shellcheck disable=SC2086
    apt_install $QT_LIBS $TEST_TOOLS
    start_test_postgres  # the smoke test also makes an HQ on PostgreSQL from the build
    bash packaging/build.sh
    exec bash packaging/smoke.sh
    ;;
*)
    echo "usage: bash packaging/dev.sh run|run-hq|test|reliability [--full]|package [pytest arguments]" >&2
    exit 2
    ;;
esac
