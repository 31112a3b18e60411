"""Signed catalog packs: make keys, trust keys, pack a catalog folder, install a pack.

Installing never takes a pack on faith: the signature must come from a key the
user trusts (``trusted_keys_dir``), must cover every byte, and the catalog
inside must load without errors. What the pack changes is worked out before
anything is written (``dry_run`` stops there). A pack installs into the
user's catalog folder (used instead of the shipped catalog from then on), a
folder they name, or a team catalog, where its rows await approval like any
publish.
"""

from __future__ import annotations

import getpass
import os
import socket
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from specassist.catalog.loader import CatalogLoad, load_catalog_folder
from specassist.catalog.pack import OpenedPack, PackError, build, data_files, open_pack
from specassist.catalog.signing import PublicKey, generate, public_of, read_private, read_public
from specassist.domain.catalog import Catalog, CatalogInfo
from specassist.domain.catalog_diff import Change, Difference, compare
from specassist.domain.issues import Severity
from specassist.services import team_catalog
from specassist.services.catalog_service import default_catalog_folder
from specassist.services.team_catalog import Published, PublishRequest, TeamCatalogError
from specassist.services.user_config import installed_catalog_dir, trusted_keys_dir

__all__ = ["PackError", "PublicKey"]


def keygen(private_path: Path, comment: str | None = None) -> PublicKey:
    """A new key pair: ``private_path`` (readable by its owner only) and ``<it>.pub``."""
    public_path = private_path.with_name(private_path.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise PackError(f"{path}: already exists; a key is never overwritten")
    pem, public = generate(comment or f"{getpass.getuser()}@{socket.gethostname()}")
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    public_path.write_text(public.text, encoding="utf-8")
    return public


def trust(public_path: Path) -> PublicKey:
    """Add a publisher's public key to the keys this user trusts."""
    key = read_public(_read_text(public_path), str(public_path))
    folder = trusted_keys_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (key.fingerprint.replace(":", "") + ".pub")).write_text(key.text, encoding="utf-8")
    return key


def trusted() -> list[PublicKey]:
    folder = trusted_keys_dir()
    files = sorted(folder.glob("*.pub")) if folder.is_dir() else []
    return [read_public(_read_text(p), str(p)) for p in files]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot be read ({exc})") from None


@dataclass(frozen=True)
class PackSummary:
    path: Path
    info: CatalogInfo
    files: int
    size: int
    signer: PublicKey | None


def pack(folder: Path, output: Path, key_path: Path | None) -> PackSummary:
    """Write ``folder``'s catalog (which must load without errors) as one pack file."""
    load = load_catalog_folder(folder)
    errors = [str(i) for i in load.issues if i.severity is Severity.ERROR]
    if errors:
        raise PackError(f"{folder}: the catalog has {len(errors)} error(s); fix them first: "
                        + "; ".join(errors[:5]))  # fmt: skip
    key = None
    if key_path is not None:
        try:
            key = read_private(key_path.read_bytes(), str(key_path))
        except OSError as exc:
            raise PackError(f"{key_path}: cannot be read ({exc})") from None
    made = f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} by {getpass.getuser()}"
    data = build(folder, load.catalog.info, key, made)
    output.write_bytes(data)
    signer = public_of(key) if key is not None else None
    return PackSummary(output, load.catalog.info, len(data_files(folder)), len(data), signer)


@dataclass
class Installation:
    """What installing a pack changes (and, unless a dry run, changed)."""

    pack: Path
    signer: PublicKey
    info: CatalogInfo
    target: str
    differences: list[Difference]
    applied: bool = False
    published: Published | None = None
    kept: int = 0
    """Rows a team catalog has that the pack lacks: kept (no removal was asked for)."""
    notes: list[str] = field(default_factory=list)


def install(
    pack_path: Path,
    dry_run: bool = False,
    folder: Path | None = None,
    url: str | None = None,
    remove_missing: bool = False,
) -> Installation:
    """Verify ``pack_path``, work out what it changes, and apply it (unless ``dry_run``)."""
    try:
        data = pack_path.read_bytes()
    except OSError as exc:
        raise PackError(f"{pack_path}: cannot be read ({exc})") from None
    opened = open_pack(data, pack_path.name, trusted())
    with tempfile.TemporaryDirectory(prefix="specassist-pack-") as scratch:
        opened.write_to(Path(scratch))
        load = _checked(load_catalog_folder(Path(scratch)), pack_path)
    if url:
        return _install_team(pack_path, opened, load.catalog, url, dry_run, remove_missing)
    target = folder or installed_catalog_dir()
    current_folder = target if (target / "catalog.toml").is_file() else default_catalog_folder()
    current = load_catalog_folder(current_folder).catalog
    result = Installation(pack_path, opened.signer, load.catalog.info, str(target),
                          compare(current, load.catalog))  # fmt: skip
    if current_folder != target:
        result.notes.append(f"compared with the catalog in use now ({current_folder})")
    if not dry_run:
        _replace_files(target, opened)
        result.applied = True
    return result


def _checked(load: CatalogLoad, pack_path: Path) -> CatalogLoad:
    errors = [str(i) for i in load.issues if i.severity is Severity.ERROR]
    if errors:
        raise PackError(f"{pack_path.name}: the catalog in the pack has {len(errors)} error(s); "
                        "nothing was installed: " + "; ".join(errors[:5]))  # fmt: skip
    return load


def _install_team(pack_path: Path, opened: OpenedPack, catalog: Catalog, url: str,
                  dry_run: bool, remove_missing: bool) -> Installation:  # fmt: skip
    try:
        current = team_catalog.read(url).catalog
    except TeamCatalogError:
        current = Catalog(catalog.info)  # nothing approved yet: every row is new to readers
    differences = compare(current, catalog)
    kept = 0
    if not remove_missing:
        kept = sum(d.change is Change.NOT_IN_CATALOG for d in differences)
        differences = [d for d in differences if d.change is not Change.NOT_IN_CATALOG]
    result = Installation(pack_path, opened.signer, catalog.info, team_catalog.shown(url),
                          differences, kept=kept)  # fmt: skip
    result.notes.append("compared with the approved rows; what changes awaits approval")
    if not dry_run:
        note = f"pack {pack_path.name} signed by {opened.signer}"
        request = PublishRequest(base="latest", remove_missing=remove_missing, note=note)
        result.published = team_catalog.publish(url, catalog, request)
        result.applied = True
    return result


def _replace_files(target: Path, opened: OpenedPack) -> None:
    """Put the pack's files in ``target``; catalog files the pack lacks are removed, anything
    else in the folder is left alone.

    Every file is written beside its place first and only then renamed over it
    (each rename atomic), so a failure while writing leaves the old catalog whole.
    """
    target.mkdir(parents=True, exist_ok=True)
    stale = set(data_files(target)) - set(opened.files)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in opened.files.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".installing")
            temporary.write_bytes(data)
            staged.append((temporary, path))
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise PackError(
            f"{target}: cannot write the catalog ({exc}); nothing was changed"
        ) from None
    for temporary, path in staged:
        temporary.replace(path)
    for name in stale:
        (target / name).unlink()
