#!/usr/bin/env bash
# Re-extract every translatable string of the desktop app (ui/**/*.py) into the Khmer translation file.
#   bash packaging/update-translations.sh [TS_FILE]      (default: resources/i18n/fieldapp_km.ts)
# Run it whenever a tr() string in ui/ is added or changed, then translate the new messages (marked
# type="unfinished") in the .ts, e.g. with .venv/bin/pyside6-linguist. Existing translations are kept;
# messages no longer in the code are dropped (-no-obsolete). The .qm is compiled at build time or, when
# missing or stale, at start into the user cache (ui/i18n.py). tests/ui/test_translations.py fails when
# the .ts is stale or incomplete.
#
# lupdate only sees tr() and QCoreApplication.translate("Context", "text") calls. A module-level helper
# such as `def _tr(text): return QCoreApplication.translate("PersonsModel", text)` hides its strings
# from it, so lupdate runs on a scratch copy of ui/ in which each `_tr("...")` call is spelt out as
# `QCoreApplication.translate("PersonsModel", "...")` on the same line (locations stay right).
#
# The core's error messages (fieldapp.errors.Message, each with a stable code) and the words they take
# as parameters (fieldapp.errors.Term) are translated through this same file: the scratch copy gets a
# fieldapp/errors.py that spells each one out as QCoreApplication.translate("errors", TEMPLATE, CODE), the
# code being the message's disambiguation, so ui.errors.user_message finds it by template and code.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

TS=$(realpath -m "${1:-resources/i18n/fieldapp_km.ts}")
LUPDATE=${LUPDATE:-$root/.venv/bin/pyside6-lupdate}
[ -x "$LUPDATE" ] || LUPDATE=$(command -v pyside6-lupdate)
PY=${PYTHON:-$root/.venv/bin/python}
[ -x "$PY" ] || PY=$(command -v python3)

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/resources/i18n"
[ -f "$TS" ] && cp "$TS" "$scratch/resources/i18n/fieldapp_km.ts"

"$PY" - "$root" "$scratch" <<'PYEOF'
import re
import sys
from pathlib import Path

root, scratch = Path(sys.argv[1]), Path(sys.argv[2])
helper = re.compile(
    r"^def (\w+)\(\s*(\w+)[^)]*\)[^:]*:\s*\n\s+return (?:QCoreApplication|QGuiApplication|QApplication)"
    r"\.translate\(\s*\"(\w+)\",\s*\2\s*\)",
    re.MULTILINE,
)
for path in sorted((root / "ui").rglob("*.py")):
    if "__pycache__" in path.parts:
        continue
    text = path.read_text(encoding="utf-8")
    for name, _arg, context in helper.findall(text):
        text = re.sub(rf"(?<!def )(?<![\w.]){name}\(", f'QCoreApplication.translate("{context}", ', text)
    target = scratch / path.relative_to(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")

import json

from fieldapp.errors import ERRORS_CONTEXT, TERMS, catalogue

q = lambda text: json.dumps(text, ensure_ascii=False)
lines = ["from PySide6.QtCore import QCoreApplication", ""]
for code, msg in sorted(catalogue().items()):
    lines.append(f"QCoreApplication.translate({q(ERRORS_CONTEXT)}, {q(msg.english)}, {q(code)})")
for context, english in sorted(TERMS):
    lines.append(f"QCoreApplication.translate({q(context)}, {q(english)})")
(scratch / "fieldapp").mkdir(exist_ok=True)
(scratch / "fieldapp" / "errors.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
PYEOF

mapfile -t sources < <(cd "$scratch" && find ui fieldapp -name '*.py' | LC_ALL=C sort)
(cd "$scratch" && "$LUPDATE" -silent -no-obsolete -locations relative -source-language en_GB \
    -target-language km_KH "${sources[@]}" -ts resources/i18n/fieldapp_km.ts)
mkdir -p "$(dirname "$TS")"
cp "$scratch/resources/i18n/fieldapp_km.ts" "$TS"

unfinished=$(grep -c 'type="unfinished"' "$TS" || true)
echo "${TS#"$root"/}: $(grep -c '<message' "$TS") messages, $unfinished unfinished"
