"""Child process for tests/core/test_hq_crash.py: ``fieldapp hq import`` until it is killed.

    python hq_crash_importer.py HQ_DIR PASSPHRASE_FILE RECEIPTS_DIR BUNDLE...
        print ``STARTING``, then run the real CLI (``fieldapp hq import --receipts RECEIPTS_DIR``)
        on the bundles in-process, then print ``DONE <exit code>``.

The parent sets FIELDAPP_INSECURE_FAST_KDF=1 and kills this process with SIGKILL at a random
moment. Not a test module (no ``test_`` prefix), so pytest does not collect it.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    hq_dir, passphrase_file, receipts, *bundles = argv
    sys.stdout.write("STARTING\n")
    sys.stdout.flush()
    from fieldapp.cli.main import main as cli

    code = cli(
        [
            "hq",
            "import",
            "--hq-dir",
            hq_dir,
            "--passphrase-file",
            passphrase_file,
            "--receipts",
            receipts,
            *bundles,
        ]
    )
    sys.stdout.write(f"DONE {code}\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
