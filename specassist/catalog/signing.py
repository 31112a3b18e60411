"""Ed25519 keys for catalog packs: make a key pair, read keys, sign, verify.

A publisher signs packs with a private key kept to themselves (PEM, PKCS #8);
users trust the publisher's public key, a one-line text file that can be
read over the phone or printed in a letter:
``specassist-ed25519 <base64 of the 32-byte key> <comment>``. Its fingerprint
(the first 16 bytes of its SHA-256, in hex groups) names it in messages.
Ed25519 was chosen because its keys and signatures are short and it has no
parameters to get wrong (RFC 8032).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from specassist.domain.issues import UserError

PREFIX = "specassist-ed25519"


class KeyFileError(UserError):
    """A key file that cannot be read as the key it should be."""


@dataclass(frozen=True, slots=True)
class PublicKey:
    raw: bytes
    comment: str = ""

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(self.raw).hexdigest()[:32]
        return ":".join(digest[i : i + 4] for i in range(0, 32, 4))

    @property
    def text(self) -> str:
        encoded = base64.b64encode(self.raw).decode()
        return f"{PREFIX} {encoded} {self.comment}".rstrip() + "\n"

    def verifies(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except InvalidSignature:
            return False
        return True

    def same_key(self, other: PublicKey) -> bool:
        return self.raw == other.raw

    def __str__(self) -> str:
        return f"{self.fingerprint}" + (f" ({self.comment})" if self.comment else "")


def generate(comment: str) -> tuple[bytes, PublicKey]:
    """A new key pair: the private key as PEM, and the public key."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return pem, public_of(private, comment)


def public_of(private: Ed25519PrivateKey, comment: str = "") -> PublicKey:
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return PublicKey(raw, comment)


def read_private(data: bytes, name: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{name}: not a private key SpecAssist can use ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{name}: not an Ed25519 key (made by `specassist catalog keygen`)")
    return key


def read_public(text: str, name: str) -> PublicKey:
    parts = text.strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0] != PREFIX:
        raise KeyFileError(f"{name}: not a SpecAssist public key (expected '{PREFIX} <key>')")
    try:
        raw = base64.b64decode(parts[1], validate=True)
    except binascii.Error:
        raise KeyFileError(f"{name}: the key is not valid base64") from None
    if len(raw) != 32:
        raise KeyFileError(f"{name}: an Ed25519 public key has 32 bytes, this one {len(raw)}")
    return PublicKey(raw, parts[2] if len(parts) > 2 else "")


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    return private.sign(data)
