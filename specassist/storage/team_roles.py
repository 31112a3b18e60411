"""PostgreSQL roles for a team catalog: readers read, editors publish, approvers approve.

The separation is the database's, not SpecAssist's: a reader's connection is
refused any change, an editor may add and change rows but not the content
readers use (the ``approved`` columns), and only an approver may copy proposed
content into it. Column privileges do this (``team_models.EDITOR_COLUMNS``,
``APPROVER_COLUMNS``). The three roles are group roles (NOLOGIN); people get
their own login roles made members: ``GRANT specassist_catalog_editor TO ana``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specassist.storage.engine import TEAM
from specassist.storage.team_models import (
    APPROVER_COLUMNS,
    EDITOR_COLUMNS,
    TeamHeadRow,
    TeamItemRow,
    TeamRevisionRow,
    TeamVersionRow,
)

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True, slots=True)
class Roles:
    reader: str = "specassist_catalog_reader"
    editor: str = "specassist_catalog_editor"
    approver: str = "specassist_catalog_approver"

    def check(self) -> None:
        for name in (self.reader, self.editor, self.approver):
            if not _IDENTIFIER.match(name):
                raise ValueError(
                    f"role name {name!r}: use lower-case letters, digits and _ (at most 63)"
                )


def grant_statements(roles: Roles, schema: str = "public") -> list[str]:
    """The SQL that creates the roles (when missing) and grants each its privileges.

    ``schema`` is where the team tables are (the connection's ``current_schema()``).
    """
    roles.check()
    items, versions, head, revisions = (
        TeamItemRow.__tablename__, TeamVersionRow.__tablename__, TeamHeadRow.__tablename__,
        TeamRevisionRow.__tablename__,
    )  # fmt: skip
    tables = f"{items}, {versions}, {head}, {revisions}, {TEAM.version_table}"
    reader, editor, approver = (f'"{r}"' for r in (roles.reader, roles.editor, roles.approver))
    creates = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') "
        f'THEN CREATE ROLE "{name}" NOLOGIN; END IF; END $$'
        for name in (roles.reader, roles.editor, roles.approver)
    ]
    editor_columns = ", ".join(EDITOR_COLUMNS)
    return [
        *creates,
        f"REVOKE ALL ON {tables} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {_quoted(schema)} TO {reader}, {editor}, {approver}",
        f"GRANT SELECT ON {tables} TO {reader}",
        f"GRANT {reader} TO {editor}",
        f"GRANT INSERT ({editor_columns}) ON {items} TO {editor}",
        f"GRANT UPDATE ({editor_columns}) ON {items} TO {editor}",
        f"GRANT USAGE ON SEQUENCE {items}_id_seq, {revisions}_id_seq TO {editor}",
        f"GRANT INSERT ON {revisions} TO {editor}",
        f"GRANT INSERT ON {versions} TO {editor}",
        f"GRANT UPDATE (latest) ON {head} TO {editor}",
        f"GRANT {editor} TO {approver}",
        f"GRANT UPDATE ({', '.join(APPROVER_COLUMNS)}) ON {items} TO {approver}",
        f"GRANT UPDATE (approved) ON {versions} TO {approver}",
    ]


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
