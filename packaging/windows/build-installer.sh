#!/usr/bin/env bash
# Compile the NSIS installer with makensis (Debian's `nsis` package on Linux, or NSIS on Windows via Git Bash):
#   bash packaging/windows/build-installer.sh DIST_FOLDER [OUT.exe]
# DIST_FOLDER is a Windows PyInstaller build (dist\fieldapp with fieldapp.exe). `--check` compiles the script
# against a small stand-in folder instead, to catch script errors on a machine with no Windows build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PY=${PYTHON:-$root/.venv/bin/python}
version=$("$PY" -c 'from fieldapp.version import app_version; print(app_version())')
version=${version%%+*}  # NSIS version keys want plain X.Y.Z

if [ "${1:-}" = "--check" ]; then
    src=$(mktemp -d)
    trap 'rm -rf "$src"' EXIT
    mkdir -p "$src/_internal/resources"
    printf 'MZ stand-in\n' > "$src/fieldapp.exe"
    printf 'MZ stand-in\n' > "$src/fieldapp-cli.exe"
    printf 'stand-in\n' > "$src/_internal/resources/README"
    out=${2:-$root/build/fieldapp-check-setup.exe}
else
    src=$(cd "${1:?usage: build-installer.sh DIST_FOLDER [OUT.exe] | --check}" && pwd)
    [ -f "$src/fieldapp.exe" ] || { echo "$src has no fieldapp.exe: build on Windows first" >&2; exit 2; }
    out=${2:-$root/dist/fieldapp-$version-setup.exe}
fi
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
cd "$here"
makensis -V2 -NOCD "-DVERSION=$version" "-DSRCDIR=$src" "-DOUTFILE=$out" \
    "-DICON=$root/resources/icons/fieldapp.ico" fieldapp.nsi
echo "wrote $out ($(( $(stat -c %s "$out") / 1024 )) KiB)"
