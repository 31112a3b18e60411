"""Publish and read a 20,000-model team catalog on PostgreSQL and print how long each step takes.

Usage: python bench/team_catalog_bench.py [MODELS]        (default 20000)

The server is SPECASSIST_TEST_PG_URL (a superuser's URL; the bench makes a database of its
own there and drops it after) or, without it, a throwaway server started with
.ci/postgres.sh. The catalog is the shipped one with its camera models repeated under new
model numbers until there are MODELS of them; every other table is the shipped one.

Steps: the first publish (every row inserted), approving every row, reading the approved
catalog (what --catalog-url and a new project do), publishing the same catalog again
(nothing differs: no version), publishing with 1 % of the models edited, and a new
project's snapshot from the team catalog.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "team"))  # the tests' throwaway server and database


def big_catalog(models: int) -> Any:
    from specassist.services.catalog_service import check_catalog

    catalog = check_catalog(REPO / "catalog").catalog
    shipped = list(catalog.models)
    grown = list(shipped)
    copy = 0
    while len(grown) < models:
        copy += 1
        for model in shipped[: models - len(grown)]:
            grown.append(dataclasses.replace(model, model=f"{model.model}-B{copy:03d}"))
    catalog.models = grown
    return catalog


def timed(label: str, action: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = action()
    print(f"  {label:<52} {time.perf_counter() - start:7.2f} s")
    return result


def main(models: int) -> None:
    from specassist.services import projects, team_catalog
    from specassist.services.catalog_service import load_catalog
    from specassist.services.team_catalog import PublishRequest

    catalog = big_catalog(models)
    rows = sum(
        len(getattr(catalog, f.name))
        for f in dataclasses.fields(catalog)
        if isinstance(getattr(catalog, f.name), list)
    )
    print(f"team catalog bench: {len(catalog.models)} camera models, {rows} rows in all")
    from team_helpers import own_database, postgres_server

    with postgres_server() as server_url, own_database(server_url, "specassist_bench") as url:
        print(f"  on {team_catalog.shown(url)}")
        first = timed(
            "first publish (every row inserted, schema created)",
            lambda: team_catalog.publish(url, catalog),
        )
        assert first.version == 1 and len(first.added) == rows
        timed("approve every row", lambda: team_catalog.approve(url, None))
        team = timed("read the approved catalog", lambda: team_catalog.read(url))
        assert len(team.catalog.models) == len(catalog.models)
        again = timed(
            "publish again, nothing differs",
            lambda: team_catalog.publish(url, catalog, PublishRequest(base=2)),
        )
        assert again.version is None
        step = 100
        catalog.models = [
            dataclasses.replace(m, ir_range_m=(m.ir_range_m or 0) + 1) if i % step == 0 else m
            for i, m in enumerate(catalog.models)
        ]
        edited = timed(
            f"publish with {len(catalog.models) // step} models edited",
            lambda: team_catalog.publish(url, catalog, PublishRequest(base=2)),
        )
        assert len(edited.changed) == len(catalog.models) // step
        timed("approve the edits", lambda: team_catalog.approve(url, None))

        def snapshot() -> None:
            with projects.new_project("bench", catalog=load_catalog(url)) as project:
                assert len(projects.catalog_of(project).models) == len(catalog.models)

        timed("new project snapshotting the team catalog", snapshot)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
