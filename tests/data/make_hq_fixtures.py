"""Build the saved HQ stores of older schemas that tests/core/test_hq_migrations.py opens.

Each is made by the release that wrote that schema, not by today's code: for a commit C,
    git archive C fieldapp tests resources | tar -x -C OLD
    cd OLD && FIELDAPP_INSECURE_FAST_KDF=1 python /path/to/make_hq_fixtures.py TARGET [postgresql://…]
builds an HQ (keys under the HQ passphrase "headquarters passphrase") that imported one bundle of a
laptop with three persons and a photo. With a PostgreSQL URL the store is dumped to TARGET/store.sql
(pg_dump, plain SQL of the URL's schema) instead of kept as a file. Commit the TARGET folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"
sys.path.insert(0, os.getcwd())  # the old release's tree, not this one

from tests.core.test_sync import Hq, _exported, add_persons, laptop, stick_of  # noqa: E402


def main() -> None:
    target = Path(sys.argv[1]).resolve()
    database = sys.argv[2] if len(sys.argv) > 2 else None
    shutil.rmtree(target, ignore_errors=True)
    work = target.parent / (target.name + ".work")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    hq = Hq(work / "hq", database=database) if database else Hq(work / "hq")
    session = laptop(work, "fixture-laptop")
    hq.enrol(session)
    hq.approve(session)
    add_persons(session, 3, photos=1)
    hq.imports(_exported(session, stick_of(work)))
    hq.store.close()
    session.close()
    shutil.copytree(work / "hq", target)
    if database:
        dump = subprocess.run(
            [
                "pg_dump",
                "--no-owner",
                "--no-privileges",
                database.split("?")[0],
                "--schema",
                _schema(database),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        # The schema itself exists in any database it is restored into: only its contents are kept.
        text = dump.stdout.replace("CREATE SCHEMA public;\n", "")
        (target / "store.sql").write_text(text, "utf-8")
    shutil.rmtree(work)
    print(f"saved {target}")


def _schema(url: str) -> str:
    from urllib.parse import parse_qs, urlsplit

    options = parse_qs(urlsplit(url).query).get("options", [""])[0]
    return options.split("search_path=")[1].split(",")[0] if "search_path=" in options else "public"


if __name__ == "__main__":
    main()
