"""The channel's cryptography, all of it libsodium through PyNaCl, in one place so it can be reviewed at once.

- Every report has its own random key (XSalsa20-Poly1305 secret box). Its text, messages, attachments' file keys and
  the list of people who must not see it are encrypted under that key.
- The report key is *sealed* (anonymous Curve25519 box) to each recipient's public key, to the office recovery key,
  and to a key pair derived from the reporter's receipt. Nothing in the database opens it without a private key.
- A recipient's private key is kept encrypted under a key derived from their password (Argon2id), and while they
  are logged in, in their session encrypted under a key derived from SECRET_KEY (which is not in the database).
- A receipt is Argon2id-hashed with the installation's salt into 64 bytes: the first half is what the database keeps
  to find the report, the second half seeds the reporter's key pair. The receipt itself is kept nowhere.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.hash
import nacl.pwhash.argon2id as argon2id
import nacl.utils
from nacl.encoding import RawEncoder
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox

KEY_BYTES = SecretBox.KEY_SIZE  # 32
PAD_TO = 512  # plaintexts are padded to a multiple of this, so a copy of the database does not reveal text lengths

# Crockford's base 32: no I, L, O or U, so a receipt read aloud or written by hand is not misread.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECEIPT_CHARS = 20  # 100 bits
RECEIPT_GROUP = 4


class DecryptionError(Exception):
    """The key does not open this box (a wrong key, or the data was altered)."""


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost, stored beside whatever it derived, so raising it later does not break older keys."""

    opslimit: int
    memlimit: int

    @classmethod
    def interactive(cls) -> KdfCost:
        return cls(argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)

    @classmethod
    def minimal(cls) -> KdfCost:
        return cls(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)


def random_key() -> bytes:
    return nacl.utils.random(KEY_BYTES)


def random_salt() -> bytes:
    return nacl.utils.random(argon2id.SALTBYTES)


def derive(secret: bytes, salt: bytes, cost: KdfCost, size: int = KEY_BYTES) -> bytes:
    return bytes(argon2id.kdf(size, secret, salt, opslimit=cost.opslimit, memlimit=cost.memlimit))


# --- Secret boxes -------------------------------------------------------------------------------------------


def _pad(data: bytes) -> bytes:
    # Length-prefixed, then zero-padded: unambiguous for any content, binary included.
    framed = len(data).to_bytes(8, "big") + data
    return framed + b"\0" * (-len(framed) % PAD_TO)


def _unpad(data: bytes) -> bytes:
    size = int.from_bytes(data[:8], "big")
    if size > len(data) - 8:
        raise DecryptionError("panjang isi tidak sah")
    return data[8 : 8 + size]


def encrypt(key: bytes, data: bytes, *, pad: bool = True) -> bytes:
    return bytes(SecretBox(key).encrypt(_pad(data) if pad else data))


def decrypt(key: bytes, box: bytes, *, pad: bool = True) -> bytes:
    try:
        data = bytes(SecretBox(key).decrypt(bytes(box)))
    except nacl.exceptions.CryptoError as exc:
        raise DecryptionError(str(exc)) from exc
    return _unpad(data) if pad else data


def encrypt_json(key: bytes, value: Any) -> bytes:
    return encrypt(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def decrypt_json(key: bytes, box: bytes) -> Any:
    return json.loads(decrypt(key, box).decode("utf-8"))


# --- Sealed boxes -------------------------------------------------------------------------------------------


def new_keypair() -> PrivateKey:
    return PrivateKey.generate()


def seal(public_key: bytes, data: bytes) -> bytes:
    return bytes(SealedBox(PublicKey(bytes(public_key))).encrypt(data))


def unseal(private_key: PrivateKey, box: bytes) -> bytes:
    try:
        return bytes(SealedBox(private_key).decrypt(bytes(box)))
    except nacl.exceptions.CryptoError as exc:
        raise DecryptionError(str(exc)) from exc


def public_bytes(private_key: PrivateKey) -> bytes:
    return bytes(private_key.public_key.encode(RawEncoder))


def private_bytes(private_key: PrivateKey) -> bytes:
    return bytes(private_key.encode(RawEncoder))


def private_from_bytes(raw: bytes) -> PrivateKey:
    return PrivateKey(bytes(raw))


# --- Private keys under a password --------------------------------------------------------------------------


def wrap_private_key(private_key: PrivateKey, password: str, salt: bytes, cost: KdfCost) -> bytes:
    return encrypt(derive(password.encode("utf-8"), salt, cost), private_bytes(private_key), pad=False)


def unwrap_private_key(box: bytes, password: str, salt: bytes, cost: KdfCost) -> PrivateKey:
    return private_from_bytes(decrypt(derive(password.encode("utf-8"), salt, cost), box, pad=False))


def keyed_hash(key: bytes, message: bytes) -> bytes:
    return bytes(nacl.hash.blake2b(message, key=key[:64], digest_size=32, encoder=RawEncoder))


# --- Receipts -----------------------------------------------------------------------------------------------


def new_receipt() -> str:
    """20 characters of Crockford's base 32 (100 bits), in groups of four: 7KQ2-M9XD-4HVP-A8RT-0C3N."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(RECEIPT_CHARS))
    return "-".join(chars[i : i + RECEIPT_GROUP] for i in range(0, RECEIPT_CHARS, RECEIPT_GROUP))


_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def normalise_receipt(text: str) -> str | None:
    """What the reporter typed, forgiving case, spaces, dashes and the letters Crockford reads as digits; None when
    it cannot be a receipt (wrong length or characters), so a typo is answered without a costly hash."""
    chars = "".join(c for c in text.upper() if c.isalnum()).translate(_READ_AS)
    if len(chars) != RECEIPT_CHARS or any(c not in ALPHABET for c in chars):
        return None
    return "-".join(chars[i : i + RECEIPT_GROUP] for i in range(0, RECEIPT_CHARS, RECEIPT_GROUP))


@dataclass(frozen=True)
class ReceiptKeys:
    lookup: bytes  # kept in the database, to find the report
    private_key: PrivateKey  # opens the report key sealed to the reporter; never stored

    @property
    def public_key(self) -> bytes:
        return public_bytes(self.private_key)


def receipt_keys(receipt: str, salt: bytes, cost: KdfCost) -> ReceiptKeys:
    out = derive(receipt.encode("ascii"), salt, cost, size=64)
    return ReceiptKeys(lookup=out[:32], private_key=PrivateKey(out[32:]))
