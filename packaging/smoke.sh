#!/usr/bin/env bash
# Smoke test of a built fieldapp (the frozen one-folder build by default), offscreen and offline:
#   bash packaging/smoke.sh [PROGRAM]        (default dist/fieldapp/fieldapp; exits 0 when every step passes)
# The program creates a vault, opens its window, prints through its print process, builds a demo vault,
# renders and verifies a Khmer handover form, enrols with an HQ it made itself, exports a bundle that HQ
# imports, and verifies the form at HQ.
# With FIELDAPP_TEST_PG (a server URL whose role may create databases) it also makes an HQ on PostgreSQL.
# The one step with no command (making a handover) uses the source tree's library (packaging/smoke_handover.py).
# Everything happens in a scratch folder with its own HOME; the folder is removed at the end unless
# FIELDAPP_SMOKE_KEEP=1. The first page of the form is kept as build/smoke/handover-1.png.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$root/dist/fieldapp/fieldapp}
[ -x "$BIN" ] || { echo "smoke: no program at $BIN (run packaging/build.sh)" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")  # absolute, symlinks kept (/usr/bin/fieldapp)
cd "$root"
PY=${PYTHON:-$root/.venv/bin/python}

work=$(mktemp -d /tmp/fieldapp-smoke.XXXXXX)
[ "${FIELDAPP_SMOKE_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
# A clean user: no settings, caches or vaults of the person running the test, and no display.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache
export XDG_DATA_HOME=$work/home/.local/share QT_QPA_PLATFORM=offscreen
unset FIELDAPP_INSECURE_FAST_KDF FIELDAPP_RESOURCES PYTHONPATH
mkdir -p "$HOME"
printf 'smoke test passphrase one two\n' > "$work/pp"
printf 'smoke test hq passphrase\n' > "$work/hqpp"
laptop=(--data-dir "$work/laptop" --passphrase-file "$work/pp")
hq=(--hq-dir "$work/hq" --passphrase-file "$work/hqpp")
started=$EPOCHREALTIME

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
step() {  # step NAME COMMAND...: run, show its output indented, stop on failure
    local name=$1 t0 out rc=0
    shift
    t0=$EPOCHREALTIME
    out=$("$@" 2>&1) || rc=$?
    printf 'smoke: %-34s %5s s  rc=%s\n' "$name" "$(elapsed "$t0")" "$rc"
    grep -v -E 'OpenType support missing|propagateSizeHints|pipewire|^$' <<<"$out" | sed 's/^/    /' || true
    if [ "$rc" != 0 ]; then
        echo "smoke: FAILED at: $name" >&2
        exit 1
    fi
    LAST_OUTPUT=$out
}
expect() {  # expect PATTERN WHAT: the last step's output must match
    grep -q -i -E "$1" <<<"$LAST_OUTPUT" || { echo "smoke: FAILED: $2" >&2; exit 1; }
}

step "version" "$BIN" --version
expect '^fieldapp [0-9]' "--version printed no version"
step "init (a new vault)" "$BIN" init --data-dir "$work/plain" --officer "Smoke Admin" --passphrase-file "$work/pp"
step "desktop app opens (unlock window)" "$BIN" --data-dir "$work/plain" --smoke-gui
expect 'UnlockScreen' "the unlock screen did not open"
expect 'printed [0-9]+ pages through the print process' "nothing was printed through the print process"
step "worker processes (HQ, photos)" "$BIN" --smoke-workers
expect 'workers ok' "the build could not start its worker processes"
step "demo vault (12 persons)" "$BIN" demo "${laptop[@]}" --persons 12
step "check the vault" "$BIN" check "${laptop[@]}" --officer "Sok Dara"
person=$("$PY" packaging/smoke_handover.py "$work/laptop" "Chan Sophea" "$work/pp")
echo "smoke: handed over $person (packaging/smoke_handover.py)"
step "report handover (Khmer form)" "$BIN" report handover "$person" -o "$work/handover.pdf" --purpose "smoke test" "${laptop[@]}" --officer "Chan Sophea"
expect 'Issued' "the handover form was not issued"
step "fonts in the PDF" pdffonts "$work/handover.pdf"
expect 'NotoSansKhmer' "no Khmer font in the handover form"
step "PDF metadata" pdfinfo "$work/handover.pdf"
expect "^Creator: +fieldapp $("$BIN" --version | cut -d' ' -f2)" "the PDF does not name this version"
mkdir -p build/smoke
pdftoppm -r 60 -f 1 -l 1 -png "$work/handover.pdf" build/smoke/handover
step "verify the PDF on the laptop" "$BIN" verify "$work/handover.pdf" "${laptop[@]}" --officer "Chan Sophea"
expect '^The file is byte for byte one this app issued' "verify did not find the file among the issued ones"
expect '^The code matches' "verify did not say the form's code matches"
step "hq init" "$BIN" hq init "${hq[@]}" --name "Smoke HQ"
step "hq enrol (enrolment file)" "$BIN" hq enrol "${hq[@]}" --device smoke-laptop -o "$work/enrol.json"
# The laptop's admin confirms HQ's key fingerprint, given apart from the file (here: read off HQ's output).
fingerprint=$(sed -n 's/.*HQ key fingerprint: \([0-9a-f ]*[0-9a-f]\).*/\1/p' <<<"$LAST_OUTPUT")
[ -n "$fingerprint" ] || { echo "smoke: FAILED: hq enrol printed no HQ key fingerprint" >&2; exit 1; }
step "enrol the laptop" "$BIN" enrol "$work/enrol.json" --fingerprint "$fingerprint" "${laptop[@]}" --officer "Sok Dara"
mkdir -p "$work/stick"
step "sync export (bundle to a stick)" "$BIN" sync export --to "$work/stick" "${laptop[@]}" --officer "Sok Dara"
# HQ keeps a new laptop's bundle out until an analyst approves the laptop (its fingerprint checked).
"$BIN" hq import "$work"/stick/*.bundle "${hq[@]}" > "$work/first-import.txt" 2>&1 || true
device=$(grep -o -E 'device approve [0-9a-f-]+' "$work/first-import.txt" | cut -d' ' -f3 || true)
[ -n "$device" ] || { cat "$work/first-import.txt"; echo "smoke: FAILED: HQ did not ask to approve the laptop" >&2; exit 1; }
echo "smoke: HQ holds the bundle until laptop $device is approved"
step "hq device approve" "$BIN" hq device approve "$device" "${hq[@]}"
step "hq import" "$BIN" hq import "$work"/stick/*.bundle "${hq[@]}"
expect 'acknowledged up to' "HQ did not import the bundle"
receipt=$(ls "$work"/stick/receipt-*.json)
step "sync receipt (back on the laptop)" "$BIN" sync receipt "$receipt" "${laptop[@]}" --officer "Sok Dara"
step "verify the PDF at HQ" "$BIN" verify "$work/handover.pdf" "${hq[@]}"
expect '^The file is byte for byte one this app issued' "HQ did not find the file among the issued ones"
expect '^The code matches' "HQ did not say the form's code matches"
step "hq check (signatures, decisions, projections)" "$BIN" hq check "${hq[@]}"
expect '^No problems' "HQ's check of its store did not pass"
step "hq audit (the form saved on the laptop)" "$BIN" hq audit --kind copy "${hq[@]}"
expect 'copy +handover' "HQ's disclosure log does not list the laptop's copy of the form"
if [ -n "${FIELDAPP_TEST_PG:-}" ]; then
    # An HQ on PostgreSQL from this build (psycopg's libpq, the PostgreSQL migrations): a database of its own.
    db=fieldapp_smoke_$$
    psql "$FIELDAPP_TEST_PG" -q -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
    trap 'psql "$FIELDAPP_TEST_PG" -q -c "DROP DATABASE IF EXISTS '"$db"' WITH (FORCE)"; [ "${FIELDAPP_SMOKE_KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
    pghq=(--hq-dir "$work/hq-pg" --passphrase-file "$work/hqpp" --database "${FIELDAPP_TEST_PG%/*}/$db")
    step "hq init (PostgreSQL)" "$BIN" hq init "${pghq[@]}" --name "Smoke HQ on PostgreSQL"
    step "hq enrol (PostgreSQL)" "$BIN" hq enrol "${pghq[@]}" --device smoke-laptop-2 -o "$work/enrol-pg.json"
    step "hq device list (PostgreSQL)" "$BIN" hq device list "${pghq[@]}"
fi
printf 'smoke: OK, every step passed in %s s (%s)\n' "$(elapsed "$started")" "$BIN"
