"""How strong a new passphrase must be: an estimate of how many guesses it takes, not only its length.

zxcvbn (Dropbox's estimator, in Python; its dictionaries ship inside the package, so it works offline)
recognises common passwords, names, dictionary words, keyboard walks, dates and l33t substitutions:
"password12" is found in a few thousand guesses however long it is. Score 3 ("safely unguessable:
moderate protection from offline slow-hash attacks", about 10^8 guesses and up) is the floor, on top of
Argon2id's cost per guess; a few unrelated words reach 4.
"""

from __future__ import annotations

from collections.abc import Sequence

from zxcvbn import zxcvbn

from fieldapp.errors import WeakPassphrase, message

MIN_LENGTH = 10
MIN_SCORE = 3
_MAX_CHECKED = 100
TOO_SHORT = message(
    "passphrase.too_short",
    "A passphrase needs at least {minimum} characters; four or more words are best.",
)
TOO_GUESSABLE = message(
    "passphrase.too_guessable",
    "This passphrase is too easy to guess (a common password, a name, a date or a simple pattern). Use four "
    "or more unrelated words.",
)  # zxcvbn's cost grows with length; beyond this a passphrase is long enough anyway


def strength(passphrase: str, context: Sequence[str] = ()) -> int:
    """zxcvbn's score, 0 (guessed at once) to 4; ``context`` (names of the officer, the laptop) counts as
    known to an attacker."""
    inputs = [word for word in context if word]
    return int(zxcvbn(passphrase[:_MAX_CHECKED], user_inputs=inputs)["score"])


def check_new_passphrase(passphrase: str, context: Sequence[str] = ()) -> None:
    if len(passphrase) < MIN_LENGTH:
        raise WeakPassphrase(TOO_SHORT, minimum=MIN_LENGTH)
    if strength(passphrase, context) < MIN_SCORE:
        raise WeakPassphrase(TOO_GUESSABLE)
