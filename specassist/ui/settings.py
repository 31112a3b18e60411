"""The one place that touches QSettings: every preference declared once, typed, with its default.

Widgets read and write preferences through ``AppSettings`` properties, so a
key is never spelled twice and a wrong type never reaches the UI.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QSettings

from specassist.domain.formatting import UnitSystem

MAX_RECENT = 8


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()

    def _get(self, key: str, default: str) -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    # -- units and rules

    @property
    def units(self) -> UnitSystem:
        value = self._get("display/units", UnitSystem.METRIC.value)
        return UnitSystem(value) if value in {u.value for u in UnitSystem} else UnitSystem.METRIC

    @units.setter
    def units(self, value: UnitSystem) -> None:
        self._s.setValue("display/units", value.value)

    @property
    def default_rules(self) -> list[str]:
        """Rule sets for new projects; empty means every shipped rule set."""
        return [r for r in self._get("rules/default", "").split(",") if r]

    @default_rules.setter
    def default_rules(self, value: list[str]) -> None:
        self._s.setValue("rules/default", ",".join(value))

    # -- the catalog new projects take a snapshot of

    @property
    def catalog_url(self) -> str:
        """A team catalog's database URL (never with a password); empty: the catalog folder."""
        return self._get("catalog/url", "")

    @catalog_url.setter
    def catalog_url(self, value: str) -> None:
        self._s.setValue("catalog/url", value)

    @property
    def installed_rules(self) -> list[str]:
        """Offer-only rule sets (the FCC's) new projects apply to installed equipment too."""
        return [r for r in self._get("rules/installed", "").split(",") if r]

    @installed_rules.setter
    def installed_rules(self, value: list[str]) -> None:
        self._s.setValue("rules/installed", ",".join(value))

    # -- the issuing organisation, printed on the tender cover

    @property
    def issuer(self) -> str:
        return self._get("tender/issuer", "")

    @issuer.setter
    def issuer(self, value: str) -> None:
        self._s.setValue("tender/issuer", value)

    # -- files

    @property
    def recent_projects(self) -> list[Path]:
        return [Path(p) for p in json.loads(self._get("files/recent", "[]")) if p]

    def add_recent(self, path: Path) -> None:
        recent = [p for p in self.recent_projects if p != path]
        self._s.setValue("files/recent", json.dumps([str(path), *map(str, recent)][:MAX_RECENT]))

    @property
    def last_folder(self) -> str:
        """The folder a survey, price list or photo was last taken from ("" before the first)."""
        return self._get("files/last_folder", "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("files/last_folder", value)

    @property
    def export_folder(self) -> str:
        """The folder the tender was last exported to ("" before the first export)."""
        return self._get("files/export_folder", "")

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._s.setValue("files/export_folder", value)

    # -- column mappings remembered per header set

    @staticmethod
    def _headers_key(headers: list[str]) -> str:
        digest = hashlib.sha1("\x1f".join(h.strip().lower() for h in headers).encode())
        return "mappings/" + digest.hexdigest()[:16]

    def column_mapping(self, headers: list[str]) -> dict[str, str]:
        return dict(json.loads(self._get(self._headers_key(headers), "{}")))

    def remember_mapping(self, headers: list[str], mapping: dict[str, str]) -> None:
        self._s.setValue(self._headers_key(headers), json.dumps(mapping))

    # -- window

    @property
    def geometry(self) -> bytes:
        value = self._s.value("window/geometry", b"")
        return bytes(value) if value else b""  # type: ignore[call-overload]

    @geometry.setter
    def geometry(self, value: bytes) -> None:
        self._s.setValue("window/geometry", value)

    def sync(self) -> None:
        self._s.sync()
