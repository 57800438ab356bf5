"""Protection of resident ID numbers: AES-GCM at rest, a keyed hash to find them, masks on the way out.

One 32-byte master key (base64 in `GAOZHU_DATA_KEY`, or a key file) is split by HKDF into an
encryption key and a hashing key, so neither use can stand in for the other. The ID number is bound
to its record as associated data: a ciphertext copied onto another officer does not decrypt.
"""

from __future__ import annotations

import base64
import hmac
import os
import secrets
from hashlib import sha256
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gaozhu.registry.identifiers import mask_id_number

KEY_ENV = "GAOZHU_DATA_KEY"
KEY_FILE_ENV = "GAOZHU_DATA_KEY_FILE"
_NONCE_BYTES = 12


class DataKeyError(RuntimeError):
    """The data key is missing or malformed."""


def new_key_text() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def write_key_file(path: Path) -> None:
    """Create a key file readable by its owner only; an existing one is kept (it protects stored data)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(new_key_text() + "\n")


def _decode(text: str, source: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        raise DataKeyError(f"{source} is not base64") from None
    if len(key) != 32:
        raise DataKeyError(f"{source} must decode to 32 bytes, got {len(key)}")
    return key


def load_master_key(key_file: Path | None = None) -> bytes:
    """The master key from an explicit file, `GAOZHU_DATA_KEY`, or `GAOZHU_DATA_KEY_FILE`, in that order."""
    if key_file is not None:
        return _decode(key_file.read_text(), str(key_file))
    if os.environ.get(KEY_ENV):
        return _decode(os.environ[KEY_ENV], KEY_ENV)
    if os.environ.get(KEY_FILE_ENV):
        path = Path(os.environ[KEY_FILE_ENV])
        return _decode(path.read_text(), str(path))
    raise DataKeyError(f"no data key: set {KEY_ENV} (base64 of 32 bytes) or {KEY_FILE_ENV}")


class Vault:
    def __init__(self, master_key: bytes) -> None:
        def derive(label: bytes) -> bytes:
            return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(master_key)

        self._aead = AESGCM(derive(b"gaozhu id-number encryption v1"))
        self._hash_key = derive(b"gaozhu id-number lookup v1")

    def encrypt(self, id_number: str, record_key: str) -> bytes:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, id_number.encode("ascii"), record_key.encode("utf-8"))

    def decrypt(self, blob: bytes, record_key: str) -> str:
        nonce, body = blob[:_NONCE_BYTES], blob[_NONCE_BYTES:]
        return self._aead.decrypt(nonce, body, record_key.encode("utf-8")).decode("ascii")

    def lookup_hash(self, id_number: str) -> str:
        """Equal ID numbers give equal hashes; without the key the hash reveals nothing."""
        return hmac.new(self._hash_key, id_number.encode("ascii"), sha256).hexdigest()

    @staticmethod
    def mask(id_number: str) -> str:
        return mask_id_number(id_number)
