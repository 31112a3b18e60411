"""Signed catalog packs: keys, trust, what a pack changes, and every way a pack is refused."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from team_helpers import edit_model

from specassist.catalog.pack import MAGIC, PackError, open_pack
from specassist.catalog.signing import read_private, sign
from specassist.domain.catalog_diff import Change
from specassist.services import catalog_packs, team_catalog
from specassist.services.catalog_service import check_catalog, default_catalog_folder
from specassist.services.user_config import installed_catalog_dir


@pytest.fixture
def key(tmp_path: Path) -> Path:
    private = tmp_path / "keys" / "publisher.key"
    private.parent.mkdir()
    catalog_packs.keygen(private, "Acme catalog desk")
    return private


@pytest.fixture
def trusted_pack(key: Path, catalog_copy: Path, tmp_path: Path) -> Path:
    """A pack of the unchanged catalog, signed by a key the user trusts."""
    catalog_packs.trust(key.with_name("publisher.key.pub"))
    pack = tmp_path / "update.pack"
    catalog_packs.pack(catalog_copy, pack, key)
    return pack


def test_keygen_writes_a_private_key_only_its_owner_reads(key: Path) -> None:
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    public = key.with_name("publisher.key.pub").read_text()
    assert public.startswith("specassist-ed25519 ") and public.rstrip().endswith(
        "Acme catalog desk"
    )
    with pytest.raises(PackError, match="already exists"):
        catalog_packs.keygen(key)


def test_a_trusted_pack_shows_what_it_changes_and_installs(
    key: Path, catalog_copy: Path, tmp_path: Path
) -> None:
    edit_model(catalog_copy, "P3265-LVE", "discontinued", "yes")
    models = (catalog_copy / "models.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (catalog_copy / "models.csv").write_text(
        "".join(line for line in models if not line.startswith("axis,Q1805-LE,")), "utf-8"
    )
    (catalog_copy / "prices.csv").write_text(
        (catalog_copy / "prices.csv").read_text(encoding="utf-8")
        + "axis:P3265-LVE,Acme,GBP,998.50,quote,2026-12-01,,Acme quote 42,2026-12-01,yes,\n",
        encoding="utf-8",
    )
    pack = tmp_path / "update.pack"
    made = catalog_packs.pack(catalog_copy, pack, key)
    assert made.signer is not None and pack.read_bytes().startswith(MAGIC)
    with pytest.raises(PackError, match=r"signed by key [0-9a-f:]+, which you do not trust"):
        catalog_packs.install(pack)
    catalog_packs.trust(key.with_name("publisher.key.pub"))
    dry = catalog_packs.install(pack, dry_run=True)
    found = {(d.change, d.ref) for d in dry.differences}
    assert found == {
        (Change.DISCONTINUED, "model/axis:P3265-LVE"),
        (Change.NOT_IN_CATALOG, "model/axis:Q1805-LE"),
        (Change.NEW, "price/axis:P3265-LVE|Acme|GBP|2026-12-01"),
    }
    assert not dry.applied and not installed_catalog_dir().exists()
    assert str(dry.signer).endswith("(Acme catalog desk)")
    done = catalog_packs.install(pack)
    assert done.applied and default_catalog_folder() == installed_catalog_dir()
    in_use = check_catalog().catalog
    assert not any(m.key == "axis:Q1805-LE" for m in in_use.models)
    assert [(p.item, p.amount) for p in in_use.prices] == [("axis:P3265-LVE", Decimal("998.50"))]
    assert catalog_packs.install(pack, dry_run=True).differences == []  # installed: no change


def test_installing_into_a_folder_keeps_other_files_and_drops_stale_catalog_files(
    key: Path, catalog_copy: Path, tmp_path: Path
) -> None:
    catalog_packs.trust(key.with_name("publisher.key.pub"))
    target = tmp_path / "office-catalog"
    target.mkdir()
    (target / "README-office.txt").write_text("ours")
    (target / "rules").mkdir()
    (target / "rules" / "withdrawn-pack.toml").write_text("# an old rule pack")
    pack = tmp_path / "update.pack"
    catalog_packs.pack(catalog_copy, pack, key)
    catalog_packs.install(pack, folder=target)
    assert (target / "README-office.txt").read_text() == "ours"
    assert not (target / "rules" / "withdrawn-pack.toml").exists()
    assert check_catalog(target).ok


def test_an_unsigned_pack_is_refused(catalog_copy: Path, tmp_path: Path) -> None:
    pack = tmp_path / "unsigned.pack"
    assert catalog_packs.pack(catalog_copy, pack, None).signer is None
    with pytest.raises(PackError, match="the pack is not signed"):
        catalog_packs.install(pack, dry_run=True)
    with pytest.raises(PackError, match="not a SpecAssist catalog pack"):
        catalog_packs.install(catalog_copy / "models.csv")


def test_a_byte_flipped_anywhere_in_the_pack_is_refused(trusted_pack: Path) -> None:
    pack = trusted_pack
    data = pack.read_bytes()
    trusted = catalog_packs.trusted()
    open_pack(data, "update.pack", trusted)  # the intact pack opens
    header = data.index(b"\n", len(MAGIC)) + 1
    # Every bit of the two header lines (the Base64 of key and signature has spare bits a
    # careless reader ignores), and one bit of every byte of the zip's central directory at
    # the end and of every 61st byte between (the compressed files).
    flips = [(p, bit) for p in range(header) for bit in range(8)]
    flips += [(p, 0) for p in sorted({*range(header, len(data), 61),
                                      *range(len(data) - 2000, len(data))})]  # fmt: skip
    for position, bit in flips:
        damaged = bytearray(data)
        damaged[position] ^= 1 << bit
        with pytest.raises(PackError):
            open_pack(bytes(damaged), "update.pack", trusted)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x80  # inside models.csv's compressed bytes, through the service
    pack.write_bytes(bytes(flipped))
    with pytest.raises(PackError, match="changed after it was signed, or is damaged"):
        catalog_packs.install(pack)
    assert not installed_catalog_dir().exists()


def _resigned(data: bytes, key: Path, change: dict[str, bytes], relist: bool) -> bytes:
    """The pack with members changed (and, with ``relist``, the manifest to match), signed
    again by the same key: the signature is good, so only the later checks can refuse it."""
    header_end = data.index(b"\n", len(MAGIC))
    with zipfile.ZipFile(io.BytesIO(data[header_end + 1 :])) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    members.update(change)
    if relist:
        manifest["files"] = [f for f in manifest["files"] if f["path"] not in change] + [
            {"path": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
            for name, content in change.items()
        ]
    members["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    header = json.loads(data[len(MAGIC) : header_end])
    signature = sign(read_private(key.read_bytes(), key.name), buffer.getvalue())
    header["signature"] = base64.b64encode(signature).decode()
    return MAGIC + json.dumps(header).encode() + b"\n" + buffer.getvalue()


@pytest.mark.parametrize(
    ("member", "content", "relist", "refused"),
    [
        ("rules/extra.toml", b"# unlisted", False, r"rules/extra\.toml: not in the manifest"),
        ("../outside.csv", b"x", True, r"\.\./outside\.csv: not a catalog file name"),
        ("rules/run.sh", b"#!/bin/sh", True, r"rules/run\.sh: not a catalog file name"),
        ("vms.csv", b"vms_id\n", False, r"vms\.csv: content does not match the manifest"),
    ],
)
def test_a_signed_pack_must_hold_exactly_its_manifest(
    key: Path, trusted_pack: Path, member: str, content: bytes, relist: bool, refused: str
) -> None:
    changed = _resigned(trusted_pack.read_bytes(), key, {member: content}, relist)
    with pytest.raises(PackError, match=refused):
        open_pack(changed, "x.pack", catalog_packs.trusted())


def test_a_pack_whose_catalog_has_errors_installs_nothing(
    key: Path, trusted_pack: Path, tmp_path: Path
) -> None:
    pack = trusted_pack
    pack.write_bytes(_resigned(pack.read_bytes(), key, {"vendors.csv": b"vendor_id\n"}, True))
    with pytest.raises(PackError, match=r"the catalog in the pack has \d+ error\(s\)"):
        catalog_packs.install(pack)
    assert not installed_catalog_dir().exists()
    with pytest.raises(PackError, match=r"the catalog has 1 error\(s\)"):
        catalog_packs.pack(tmp_path / "no-such-folder", tmp_path / "x.pack", key)


def test_a_pack_installed_into_a_team_catalog_awaits_approval(
    key: Path, catalog_copy: Path, tmp_path: Path
) -> None:
    catalog_packs.trust(key.with_name("publisher.key.pub"))
    url = f"sqlite:///{tmp_path / 'team.db'}"
    team_catalog.publish(url, team_catalog.load_folder(catalog_copy).catalog,
                         team_catalog.PublishRequest(approve=True))  # fmt: skip
    edit_model(catalog_copy, "P3265-LVE", "discontinued", "yes")
    pack = tmp_path / "update.pack"
    catalog_packs.pack(catalog_copy, pack, key)
    dry = catalog_packs.install(pack, dry_run=True, url=url)
    assert [(d.change, d.ref) for d in dry.differences] == [
        (Change.DISCONTINUED, "model/axis:P3265-LVE")
    ]
    done = catalog_packs.install(pack, url=url)
    assert done.published is not None and done.published.changed == ["model/axis:P3265-LVE"]
    [pending] = team_catalog.pending(url)
    assert pending.ref == "model/axis:P3265-LVE"
    model = next(m for m in team_catalog.read(url).catalog.models if m.key == "axis:P3265-LVE")
    assert not model.discontinued  # not used until approved
