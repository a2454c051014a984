"""Signed bundles: who made a bundle, not only whether it arrived whole.

A bundle's ``bundle.json`` lists every file with its SHA-256, so a signature over ``bundle.json``
vouches for every byte. The signature is Ed25519 (the ``cryptography`` library), kept in the zip
as ``bundle.sig``::

    {"format": 1, "key": "ed25519:Base64…", "signature": "Base64…"}

A curator makes a key pair once, and signs each bundle::

    secret, public = make_key_pair(Path("mes-expo.key"))     # mes-expo.key (private) and mes-expo.key.pub
    build_bundle(Path("exhibits"), Path("expo.zip"), signing_key=load_secret_key(secret))

A kiosk trusts the public keys in its settings (``trusted_keys``, added with ``kiosk trust`` or the
facilitator's menu). Once it trusts one, an unsigned bundle, one signed by another key, or one whose
``bundle.json`` changed after signing is refused (:func:`check_signature`), from a stick or from a
fleet alike. A kiosk that trusts no key installs any whole bundle, as before; a signature that does
not match is refused even then (the bundle changed after it was signed).

The private key never leaves the curator's computer: it is written readable by its owner only, and
nothing here sends it anywhere. A key's fingerprint (``fingerprint``: "3F2A 9C01 77B4 E5D0") is what
a person compares on two screens.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.bundles.manifest import MANIFEST, BundleError
from kiosk.files import PRIVATE, write_atomic

SIGNATURE = "bundle.sig"
FORMAT = 1
PREFIX = "ed25519:"
_KEY = re.compile(r"ed25519:[A-Za-z0-9+/]{43}=")
MAX_SIGNATURE_BYTES = 4096


@dataclass(frozen=True)
class PublicKey:
    """A public key as people and settings write it: ``ed25519:`` and its 32 bytes in Base64."""

    text: str

    @classmethod
    def parse(cls, text: str) -> PublicKey:
        """The key in ``text``: the key itself, or a ``.pub`` file's content (comment lines start with #)."""
        lines = [line.strip() for line in str(text).splitlines() if line.strip() and not line.lstrip().startswith("#")]
        found = lines[0] if len(lines) == 1 else str(text).strip()
        if not _KEY.fullmatch(found):
            raise ValueError(f"{found[:60]!r} is not a kiosk signing key: a key looks like 'ed25519:' followed by 44 "
                             f"letters and digits, as in the .pub file 'kiosk keygen' made")
        return cls(found)

    @property
    def raw(self) -> bytes:
        return base64.b64decode(self.text[len(PREFIX):])

    @property
    def fingerprint(self) -> str:
        """16 hexadecimal digits in groups of four, to compare by eye: '3F2A 9C01 77B4 E5D0'."""
        digest = hashlib.sha256(self.raw).hexdigest()[:16].upper()
        return " ".join(digest[i:i + 4] for i in range(0, 16, 4))

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.raw)


def public_key_of(secret: Ed25519PrivateKey) -> PublicKey:
    raw = secret.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return PublicKey(PREFIX + base64.b64encode(raw).decode("ascii"))


def make_key_pair(secret_path: Path) -> tuple[Path, Path]:
    """Write a new private key to ``secret_path`` (owner only) and its public key to ``secret_path`` + ".pub".

    Refuses to overwrite a key: a lost private key cannot sign for the kiosks that trust it any more.
    """
    secret_path = Path(secret_path)
    public_path = secret_path.with_name(secret_path.name + ".pub")
    for path in (secret_path, public_path):
        if path.exists():
            raise BundleError(f"{path}: a key is already there, and overwriting it would leave the kiosks that trust "
                              f"it unable to install your bundles: choose another name, or keep using it")
    secret = Ed25519PrivateKey.generate()
    pem = secret.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption())
    public = public_key_of(secret)
    write_atomic(secret_path, pem.decode("ascii"), mode=PRIVATE)
    write_atomic(public_path, f"# kiosk signing key, fingerprint {public.fingerprint}\n{public.text}\n")
    return secret_path, public_path


def load_secret_key(path: Path) -> Ed25519PrivateKey:
    """The private key written by :func:`make_key_pair`; raises BundleError with what to do."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"{path}: the signing key cannot be read ({exc.strerror or exc}): give the private key "
                          f"'kiosk keygen' made (not the .pub file)") from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        hint = " (this is the public key: sign with the file without .pub)" if path.suffix == ".pub" else ""
        raise BundleError(f"{path}: this is not a private signing key{hint}: make one with 'kiosk keygen'") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise BundleError(f"{path}: this key is not an Ed25519 key: make one with 'kiosk keygen'")
    if hasattr(os, "stat") and path.stat().st_mode & 0o077:
        os.chmod(path, PRIVATE)   # others could read it: it is the curator's alone
    return key


def signature_bytes(secret: Ed25519PrivateKey, manifest_bytes: bytes) -> bytes:
    """The content of ``bundle.sig`` for a bundle whose bundle.json is ``manifest_bytes``."""
    record = {"format": FORMAT, "key": public_key_of(secret).text,
              "signature": base64.b64encode(secret.sign(manifest_bytes)).decode("ascii")}
    return (json.dumps(record, indent=1) + "\n").encode("utf-8")


def check_signature(signature: bytes | None, manifest_bytes: bytes, trusted: tuple[str, ...] | list[str],
                    zip_path: Path) -> PublicKey | None:
    """The key that signed the bundle (None: unsigned, which only a kiosk that trusts no key accepts).

    Raises BundleError (kind "unsigned") when the kiosk trusts keys and the bundle is unsigned or signed by another
    key, and (kind "tampered") when the signature does not match its bundle.json.
    """
    keys = [PublicKey.parse(text) for text in trusted]
    if signature is None:
        if keys:
            raise BundleError(f"{zip_path}: this bundle is not signed, and this kiosk installs only bundles signed by "
                              f"{_named(keys)}: ask the curator for a signed bundle ('kiosk bundle --sign KEY')",
                              kind="unsigned")
        return None
    signer, raw = _read_record(signature, zip_path)
    try:
        signer.verifier().verify(raw, manifest_bytes)
    except InvalidSignature:
        raise BundleError(f"{zip_path}: the signature does not match this bundle's {MANIFEST}: the bundle was "
                          f"changed after it was signed, so it is refused; ask the curator for the bundle again",
                          kind="tampered") from None
    if keys and signer.raw not in {key.raw for key in keys}:
        raise BundleError(f"{zip_path}: this bundle is signed by key {signer.fingerprint}, which this kiosk does not "
                          f"trust (it trusts {_named(keys)}): ask the curator for a bundle signed with a trusted key, "
                          f"or add theirs with 'kiosk trust'", kind="unsigned")
    return signer


def _read_record(signature: bytes, zip_path: Path) -> tuple[PublicKey, bytes]:
    problem = f"{zip_path}: its {SIGNATURE} cannot be read, so the bundle is refused: ask the curator to sign it again"
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise BundleError(problem, kind="tampered")
    try:
        record = json.loads(signature.decode("utf-8"))
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise ValueError("not a signature record")
        return PublicKey.parse(str(record["key"])), base64.b64decode(str(record["signature"]), validate=True)
    except (ValueError, KeyError, UnicodeDecodeError, binascii.Error):
        raise BundleError(problem, kind="tampered") from None


def _named(keys: list[PublicKey]) -> str:
    prints = [key.fingerprint for key in keys]
    return f"key {prints[0]}" if len(prints) == 1 else "keys " + ", ".join(prints)
