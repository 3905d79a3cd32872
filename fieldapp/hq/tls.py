"""HQ's TLS certificate for `fieldapp hq serve`, and the pin laptops check it by.

The certificate is self-signed (EC P-256: what every OpenSSL build serves) and laptops never check it
against a CA: they compare the SHA-256 of its SubjectPublicKeyInfo (base64, the "SPKI pin", as in
HPKP) with the ``tls_pin`` of their enrolment file. The private key is stored PEM-encrypted under a
password derived from HQ's unlocked secrets, so it is no use without the HQ passphrase either.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.x509.oid import NameOID

from fieldapp.atomic import fsync_dir, write_atomic
from fieldapp.errors import message
from fieldapp.hq.errors import HqError
from fieldapp.sync.network import spki_pin

CERT_UNREADABLE = message("hq.cert_unreadable", "Cannot read HQ's TLS certificate {path}: {reason}.")
CERT_DAMAGED = message("hq.cert_damaged", "HQ's TLS certificate {path} is damaged.")

CERT_FILE = "hq-tls-cert.pem"
KEY_FILE = "hq-tls-key.pem"
_PASSWORD_CONTEXT = b"fieldapp-hq-tls-key-password-v1\0"
VALID_DAYS = 3650


@dataclass(frozen=True)
class TlsFiles:
    cert: Path
    key: Path
    key_password: str
    pin: str


def key_password(store_key: bytes) -> str:
    """The password of the PEM-encrypted TLS key: an HMAC of a context under HQ's store key."""
    mac = HMAC(store_key, hashes.SHA256())
    mac.update(_PASSWORD_CONTEXT)
    return mac.finalize().hex()


def certificate_pin(folder: Path) -> str | None:
    """The pin of the certificate in an HQ folder, or None when there is none yet."""
    try:
        pem = (folder / CERT_FILE).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise HqError(CERT_UNREADABLE, path=folder / CERT_FILE, reason=exc.strerror) from exc
    try:
        cert = x509.load_pem_x509_certificate(pem)
    except ValueError as exc:
        raise HqError(CERT_DAMAGED, path=folder / CERT_FILE) from exc
    return spki_pin(cert.public_bytes(serialization.Encoding.DER))


def create_certificate(folder: Path, store_key: bytes, name: str) -> str:
    """Make a new key pair and self-signed certificate in ``folder``; returns its pin."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"fieldapp HQ {name}"[:64])])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=VALID_DAYS))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(key_password(store_key).encode("ascii")),
    )
    write_atomic(folder / KEY_FILE, encrypted)  # 0600
    write_atomic(folder / CERT_FILE, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)
    fsync_dir(folder)
    return spki_pin(cert.public_bytes(serialization.Encoding.DER))


def ensure_certificate(folder: Path, store_key: bytes, name: str) -> TlsFiles:
    """HQ's certificate files, made now if this HQ folder predates them (`hq serve` on an old folder)."""
    pin = certificate_pin(folder)
    if pin is None or not (folder / KEY_FILE).exists():
        pin = create_certificate(folder, store_key, name)
    return TlsFiles(folder / CERT_FILE, folder / KEY_FILE, key_password(store_key), pin)
