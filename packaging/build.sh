#!/usr/bin/env bash
# The frozen Linux build and its .deb:
#   bash packaging/build.sh            dist/fieldapp/ (one folder) and dist/fieldapp_VERSION_amd64.deb
#   bash packaging/build.sh --no-deb   the folder only
# Records the build time and sizes in build/build-info.txt. Builds for Windows run on Windows
# (packaging/README.md); packaging/windows/build-installer.sh wraps a Windows build into the NSIS installer.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
make_deb=1
[ "${1:-}" = "--no-deb" ] && make_deb=0

PY=${PYTHON:-$root/.venv/bin/python}
if [ ! -x "$PY" ]; then
    python3 -m venv .venv
    PY=$root/.venv/bin/python
fi
# The app, the HQ server extra and PyInstaller; reinstalling also refreshes the version in the metadata.
"$PY" -m pip install -q --disable-pip-version-check -e ".[hq,package]"
version=$("$PY" -c 'from fieldapp.version import app_version; print(app_version())')
echo "Building fieldapp $version"

# Translations: the frozen build ships compiled .qm files (resources/ keeps only the .ts sources).
LRELEASE=$root/.venv/bin/pyside6-lrelease
[ -x "$LRELEASE" ] || LRELEASE=$(command -v pyside6-lrelease)
rm -rf build/i18n && mkdir -p build/i18n
for ts in resources/i18n/*.ts; do
    "$LRELEASE" -silent "$ts" -qm "build/i18n/$(basename "${ts%.ts}").qm"
done

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/fieldapp.spec
seconds=$(( $(date +%s) - start ))
folder_mb=$(du -sm dist/fieldapp | cut -f1)
files=$(find dist/fieldapp -type f | wc -l)

deb_line="(no .deb)"
if [ "$make_deb" = 1 ]; then
    deb_start=$(date +%s)
    bash packaging/linux/make-deb.sh "$version" dist/fieldapp dist
    deb_seconds=$(( $(date +%s) - deb_start ))
    deb=$(ls -t dist/fieldapp_*"${version}"*_amd64.deb | head -1)
    deb_line="$(basename "$deb"): $(( $(stat -c %s "$deb") / 1048576 )) MiB, made in ${deb_seconds} s"
fi

mkdir -p build
{
    echo "fieldapp $version built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -m), $(nproc) cores"
    echo "PyInstaller: ${seconds} s"
    echo "dist/fieldapp: ${folder_mb} MiB in ${files} files, $(tar -C dist -czf - fieldapp | wc -c | awk '{ printf "%d", $1 / 1048576 }') MiB as tar.gz"
    echo "$deb_line"
} | tee build/build-info.txt
