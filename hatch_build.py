"""Bundle the catalog and resources into built wheels (not editable installs).

An editable install reads them straight from the checkout, so copying them
into site-packages would only leave a stale second copy behind.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class BundleDataHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "editable":
            build_data["force_include"]["catalog"] = "specassist/_bundled/catalog"
            build_data["force_include"]["resources"] = "specassist/_bundled/resources"
