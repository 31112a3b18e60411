"""Catalog packs: one file that carries a catalog folder (models, prices, rule packs) signed.

A laptop that never goes online is updated from a file on a USB stick, so the
file must prove who made it and that nothing in it changed. The layout:

    SPECASSIST-CATALOG-PACK 1\\n
    {"algorithm": "ed25519", "public_key": "<base64>", "signature": "<base64>"}\\n
    <a zip archive: manifest.json and the catalog's files>

The signature covers every byte of the zip archive, so a flipped byte anywhere
after the second line fails verification, and nothing in the archive is even
parsed before it passes. (Any zip tool still opens the file: readers find an
archive from its end.) The manifest lists every file with its SHA-256, and
opening refuses files it does not list, so a pack means exactly what it says.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from specassist.catalog.signing import PublicKey, public_of, sign
from specassist.domain.catalog import CatalogInfo
from specassist.domain.issues import UserError

MAGIC = b"SPECASSIST-CATALOG-PACK 1\n"
FORMAT = "specassist-catalog-pack"
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
"""Every member carries this time, so the same folder always packs to the same bytes."""


class PackError(UserError):
    """A pack that is refused: not a pack, unsigned, untrusted, changed, or incomplete."""


def data_files(folder: Path) -> list[str]:
    """The files that make a catalog (as the loader reads them), relative, sorted."""
    names = ["catalog.toml", *(p.name for p in folder.glob("*.csv"))]
    rules = folder / "rules"
    if rules.is_dir():
        names += [f"rules/{p.name}" for p in rules.glob("*.toml")]
    return sorted(n for n in names if (folder / n).is_file())


def build(folder: Path, info: CatalogInfo, key: Ed25519PrivateKey | None, made: str) -> bytes:
    """The pack of ``folder``'s catalog files; unsigned when ``key`` is None."""
    files = {name: (folder / name).read_bytes() for name in data_files(folder)}
    manifest = {
        "format": FORMAT,
        "catalog": {"name": info.name, "version": info.version,
                    "date": info.date.isoformat() if info.date else None},
        "made": made,
        "files": [{"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                  for name, data in files.items()],
    }  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        members = {"manifest.json": json.dumps(manifest, indent=2).encode(), **files}
        for name, data in members.items():
            info_ = zipfile.ZipInfo(name, _ZIP_TIME)
            info_.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info_, data)
    payload = buffer.getvalue()
    if key is None:
        header: dict[str, Any] = {"algorithm": None}
    else:
        header = {
            "algorithm": "ed25519",
            "public_key": base64.b64encode(public_of(key).raw).decode(),
            "signature": base64.b64encode(sign(key, payload)).decode(),
        }
    return MAGIC + json.dumps(header).encode() + b"\n" + payload


@dataclass(frozen=True)
class OpenedPack:
    signer: PublicKey
    """The trusted key (as the user stored it, with their comment) that signed the pack."""
    manifest: dict[str, Any]
    files: dict[str, bytes]

    def write_to(self, folder: Path) -> None:
        for name, data in self.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def open_pack(data: bytes, name: str, trusted: list[PublicKey]) -> OpenedPack:
    """Verify ``data`` against ``trusted`` keys and read it; ``PackError`` says why not."""
    if not data.startswith(MAGIC):
        raise PackError(f"{name}: not a SpecAssist catalog pack")
    header_line, newline, payload = data[len(MAGIC) :].partition(b"\n")
    try:
        header = json.loads(header_line) if newline else None
    except (json.JSONDecodeError, UnicodeDecodeError):
        header = None
    if not isinstance(header, dict):
        raise PackError(f"{name}: the pack is damaged (its signature line cannot be read)")
    if header.get("algorithm") is None:
        raise PackError(f"{name}: the pack is not signed; only signed packs are installed")
    signer = _signer(header, name, trusted)
    if not signer.verifies(_canonical_base64(header.get("signature")), payload):
        raise PackError(
            f"{name}: the pack was changed after it was signed, or is damaged: its signature "
            f"does not match its content (signer {signer}); nothing was installed"
        )
    return _read_archive(payload, name, signer)


def _signer(header: dict[str, Any], name: str, trusted: list[PublicKey]) -> PublicKey:
    if header.get("algorithm") != "ed25519":
        raise PackError(f"{name}: signed with {header.get('algorithm')!r}, not Ed25519")
    raw = _canonical_base64(header.get("public_key"))
    if len(raw) != 32:
        raise PackError(f"{name}: the pack is damaged (its signer's key cannot be read)")
    for key in trusted:
        if key.raw == raw:
            return key
    raise PackError(
        f"{name}: signed by key {PublicKey(raw).fingerprint}, which you do not trust; if you "
        "trust its publisher, add their public key with `specassist catalog trust KEYFILE`"
    )


def _canonical_base64(text: object) -> bytes:
    """The bytes ``text`` encodes, or b"" unless it is their one canonical Base64 form.

    Base64 leaves the last character's low bits unused (2 of them for a 32-byte key), so
    two spellings can decode alike; accepting only the canonical one means that no
    changed byte of a pack, even there, goes unnoticed.
    """
    if not isinstance(text, str):
        return b""
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        return b""
    return raw if base64.b64encode(raw).decode() == text else b""


def _read_archive(payload: bytes, name: str, signer: PublicKey) -> OpenedPack:
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            members = {m: archive.read(m) for m in archive.namelist()}
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PackError(f"{name}: the signed archive cannot be read ({exc})") from None
    try:
        manifest = json.loads(members.pop("manifest.json"))
    except (KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise PackError(f"{name}: the pack has no readable manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackError(f"{name}: the manifest is not a SpecAssist catalog pack's")
    listed = {str(f["path"]): str(f["sha256"]) for f in manifest.get("files", [])}
    problems = [f"{p}: not in the manifest" for p in members if p not in listed]
    problems += [f"{p}: listed but missing" for p in listed if p not in members]
    problems += [f"{p}: not a catalog file name" for p in listed if not _safe(p)]
    problems += [
        f"{p}: content does not match the manifest"
        for p, data in members.items()
        if p in listed and hashlib.sha256(data).hexdigest() != listed[p]
    ]
    if problems:
        raise PackError(f"{name}: the pack is inconsistent: " + "; ".join(problems))
    if "catalog.toml" not in members:
        raise PackError(f"{name}: the pack holds no catalog.toml")
    return OpenedPack(signer, manifest, members)


_CATALOG_FILE = re.compile(r"^(catalog\.toml|[A-Za-z0-9_.-]+\.csv|rules/[A-Za-z0-9_.-]+\.toml)$")
"""What a catalog folder holds (``data_files``): nothing else is written out of a pack."""


def _safe(path: str) -> bool:
    pure = PurePosixPath(path)
    return ".." not in pure.parts and bool(_CATALOG_FILE.match(path))
