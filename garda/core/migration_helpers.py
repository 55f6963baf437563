"""Helpers for data migrations that ship a reference list (version 1). Plain SQL: a migration must not depend on
the models as they are today."""

import json
from datetime import UTC, datetime
from typing import Any


def add_reference_list(
    schema_editor: Any,
    *,
    key: str,
    kind: str,
    titles: tuple[str, str],
    descriptions: tuple[str, str],
    items: list[dict[str, Any]],
    source: str,
    note: str,
    effective_from: str,
) -> None:
    """Create the list and its first revision, unless a list with that key exists already."""
    now = datetime.now(UTC)
    now_value = now.replace(tzinfo=None).isoformat(sep=" ") if schema_editor.connection.vendor == "sqlite" else now
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM core_referencelist WHERE key = %s", [key])
        if cursor.fetchone():
            return
        cursor.execute(
            "INSERT INTO core_referencelist (key, kind, title_id, title_en, description_id, description_en) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [key, kind, *titles, *descriptions],
        )
        cursor.execute(
            "INSERT INTO core_referencelistrevision (reference_list_id, version, items, source, note, "
            "effective_from, created_at, created_by_id, created_by_username) "
            "VALUES (%s, 1, %s, %s, %s, %s, %s, NULL, %s)",
            [key, json.dumps(items, ensure_ascii=False), source, note, effective_from, now_value, "garda"],
        )
