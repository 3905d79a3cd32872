"""Recorded prompts for workers who cannot read: HQ signs a pack of sound files (one per question, or
consent-script line, and language), the laptop checks the signature against the HQ key it was enrolled
with and every file against the signed manifest, then keeps them in the vault; the respondent screen plays
them.

A pack is a zip: ``manifest.json`` (format, HQ id, when it was made, and for each file its path
``<language>/<key>.<ext>``, key, language, media type, size and SHA-256), ``manifest.sig`` (HQ's Ed25519
signature, hex, over a context and the manifest's SHA-256) and the files. Sizes are bounded before
anything is read, so a crafted zip cannot exhaust memory.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.errors import FieldAppError, message
from fieldapp.vault.session import Session

FORMAT = "fieldapp-audio-prompts-1"
SIGNATURE_CONTEXT = b"fieldapp-audio-prompts-v1\0"
MEDIA_TYPES = {
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".m4a": "audio/mp4",
    ".opus": "audio/ogg",
}
MAX_FILE_BYTES = 8 * 1024 * 1024  # a spoken question is seconds long
MAX_PACK_BYTES = 512 * 1024 * 1024
MAX_FILES = 20_000
_KEY = re.compile(r"[A-Za-z]{2,3}\.[a-z0-9_]+|consent\.[a-z_]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?")

PACK_UNREADABLE = message(
    "audio.pack_unreadable", "{name} is not a recorded-prompts pack from HQ ({reason})."
)
PACK_NOT_SIGNED = message(
    "audio.pack_not_signed", "The recorded prompts in {name} are not signed by this laptop's HQ: not loaded."
)
PACK_NOT_ENROLLED = message(
    "audio.pack_not_enrolled",
    "Load HQ's enrolment file first: recorded prompts are checked against HQ's key.",
)
PACK_FILE_ALTERED = message(
    "audio.pack_file_altered",
    "A sound file in {name} does not match what HQ signed ({path}): nothing loaded.",
)


class AudioPackError(FieldAppError):
    code = "audio_pack"


@dataclass(frozen=True)
class PromptFile:
    language: str
    key: str
    media_type: str
    data: bytes


def _message(manifest: bytes) -> bytes:
    return SIGNATURE_CONTEXT + hashlib.sha256(manifest).digest()


def build_pack(
    hq_id: str, files: Iterable[PromptFile], sign: Callable[[bytes], bytes], *, created_at: str | None = None
) -> bytes:
    """HQ: the signed pack of these prompt files."""
    entries, payloads = [], []
    for f in files:
        ext = next(e for e, t in MEDIA_TYPES.items() if t == f.media_type)
        path = f"{f.language}/{f.key}{ext}"
        entries.append(
            {
                "path": path,
                "key": f.key,
                "language": f.language,
                "media_type": f.media_type,
                "size": len(f.data),
                "sha256": hashlib.sha256(f.data).hexdigest(),
            }
        )
        payloads.append((path, f.data))
    manifest = json.dumps(
        {
            "format": FORMAT,
            "hq_id": hq_id,
            "created_at": created_at or datetime.now(UTC).isoformat(),
            "files": entries,
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("manifest.sig", sign(_message(manifest)).hex())
        for path, data in payloads:
            zf.writestr(path, data)
    return buffer.getvalue()


def prompt_files(folder: Path) -> list[PromptFile]:
    """HQ: the sound files of a folder laid out ``<language>/<key>.<ext>`` (other files are ignored)."""
    found = []
    for path in sorted(folder.glob("*/*")):
        media_type = MEDIA_TYPES.get(path.suffix.lower())
        if media_type and _LANGUAGE.fullmatch(path.parent.name) and _KEY.fullmatch(path.stem):
            found.append(PromptFile(path.parent.name, path.stem, media_type, path.read_bytes()))
    return found


def _verified(
    raw: bytes, name: str, verify_key_hex: str, hq_id: str
) -> tuple[dict[str, Any], bytes, list[PromptFile]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = {i.filename: i for i in zf.infolist()}
        if len(infos) > MAX_FILES + 2 or sum(i.file_size for i in infos.values()) > MAX_PACK_BYTES:
            raise AudioPackError(PACK_UNREADABLE, name=name, reason="too large")
        if infos["manifest.json"].file_size > 16 * 1024 * 1024:
            raise AudioPackError(PACK_UNREADABLE, name=name, reason="manifest too large")
        manifest = zf.read("manifest.json")
        signature = bytes.fromhex(zf.read("manifest.sig").decode("ascii").strip())
    except AudioPackError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError, OSError) as exc:
        raise AudioPackError(PACK_UNREADABLE, name=name, reason=type(exc).__name__) from exc
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(verify_key_hex)).verify(
            signature, _message(manifest)
        )
    except (InvalidSignature, ValueError) as exc:
        raise AudioPackError(PACK_NOT_SIGNED, name=name) from exc
    try:
        body = json.loads(manifest)
        if (
            body.get("format") != FORMAT
            or body.get("hq_id") != hq_id
            or not isinstance(body.get("files"), list)
        ):
            raise AudioPackError(PACK_NOT_SIGNED, name=name)
        files = []
        for entry in body["files"]:
            path, key, language = str(entry["path"]), str(entry["key"]), str(entry["language"])
            media_type = str(entry["media_type"])
            if not (
                _KEY.fullmatch(key) and _LANGUAGE.fullmatch(language) and media_type in MEDIA_TYPES.values()
            ):
                raise AudioPackError(PACK_UNREADABLE, name=name, reason=f"bad entry {path}")
            info = infos.get(path)
            if info is None or info.file_size != entry["size"] or info.file_size > MAX_FILE_BYTES:
                raise AudioPackError(PACK_FILE_ALTERED, name=name, path=path)
            data = zf.read(path)
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                raise AudioPackError(PACK_FILE_ALTERED, name=name, path=path)
            files.append(PromptFile(language, key, media_type, data))
    except AudioPackError:
        raise
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
        raise AudioPackError(PACK_UNREADABLE, name=name, reason=type(exc).__name__) from exc
    return body, manifest, files


def load_pack(session: Session, path: Path) -> int:
    """Check a pack against HQ's key and keep its prompts in the vault; returns how many were loaded.
    Nothing is stored unless every file matches what HQ signed."""
    verify_key, hq_id = session.meta("hq_verify_key"), session.meta("hq_id")
    if not verify_key or not hq_id:
        raise AudioPackError(PACK_NOT_ENROLLED)
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_PACK_BYTES else b""
    except OSError as exc:
        raise AudioPackError(
            PACK_UNREADABLE, name=path.name, reason=exc.strerror or type(exc).__name__
        ) from exc
    _, manifest, files = _verified(raw, path.name, verify_key, hq_id)
    pack = hashlib.sha256(manifest).hexdigest()
    with session.conn:
        session.conn.executemany(
            "INSERT OR REPLACE INTO audio_prompts (language, key, media_type, sha256, data, pack) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (f.language, f.key, f.media_type, hashlib.sha256(f.data).hexdigest(), f.data, pack)
                for f in files
            ],
        )
    return len(files)


def available(session: Session) -> set[tuple[str, str]]:
    """(key, language) of every recorded prompt the vault holds."""
    return {
        (str(k), str(lang)) for k, lang in session.conn.execute("SELECT key, language FROM audio_prompts")
    }


def prompt(session: Session, key: str, language: str) -> tuple[str, bytes] | None:
    """(media type, sound) of one recorded prompt, or None."""
    row = session.conn.execute(
        "SELECT media_type, data FROM audio_prompts WHERE key = ? AND language = ?", (key, language)
    ).fetchone()
    return None if row is None else (str(row[0]), bytes(row[1]))
