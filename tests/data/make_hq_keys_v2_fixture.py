"""Build tests/data/hq-keys-v2: an HQ folder of one shared passphrase (key file version 2), made by the
release before HQ accounts, with decisions of every kind it could sign and a rotated signing key.

Run with that release's tree, not this one:
    git archive C fieldapp tests resources | tar -x -C OLD
    cd OLD && python /path/to/make_hq_keys_v2_fixture.py TARGET
The HQ passphrase is "headquarters passphrase". Commit the TARGET folder.
Decisions: 1 approve the laptop, 2 link two persons, 3 dismiss a pair, 4 unlink, 5 revoke an officer
(all signed by HQ's first key); HQ's signing key is then rotated; 6 dismiss another pair (new key).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"
sys.path.insert(0, os.getcwd())  # the old release's tree, not this one

from fieldapp.hq import officers  # noqa: E402
from fieldapp.hq.identity import rotate_signing_key, unlock_hq  # noqa: E402
from fieldapp.hq.review import Review  # noqa: E402
from fieldapp.hq.store import open_store  # noqa: E402
from tests.core.test_sync import HQ_PASSPHRASE, Hq, _exported, add_persons, laptop, stick_of  # noqa: E402


def main() -> None:
    target = Path(sys.argv[1]).resolve()
    shutil.rmtree(target, ignore_errors=True)
    work = target.parent / (target.name + ".work")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    hq = Hq(work / "hq")
    session = laptop(work, "fixture-laptop")
    hq.enrol(session)
    hq.approve(session)
    ids = add_persons(session, 4)
    hq.imports(_exported(session, stick_of(work)))
    review = Review(hq.store, hq.identity, "Analyst Chan Sophea")
    link_id = review.link(ids[0], ids[1], "same person, registered twice")
    review.dismiss(ids[2], ids[3], "different mothers, different villages")
    review.unlink(link_id, "linked the wrong pair after all")
    officers.revoke(review, session.device_id, session.officer.id, "left the unit")
    hq.store.close()
    session.close()
    rotate_signing_key(work / "hq", HQ_PASSPHRASE)
    identity = unlock_hq(work / "hq", HQ_PASSPHRASE)
    store = open_store(identity)
    try:
        Review(store, identity, "Analyst Keo").dismiss(ids[0], ids[2], "not the same person, checked again")
    finally:
        store.close()
    shutil.copytree(work / "hq", target)
    shutil.rmtree(work)
    print(f"saved {target}")


if __name__ == "__main__":
    main()
