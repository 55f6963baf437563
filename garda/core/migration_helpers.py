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


def revise_shipped_list(
    schema_editor: Any, *, key: str, revise: Any, source: str, note: str, effective_from: str
) -> None:
    """Add the next version of a list Garda shipped, made by `revise(items) -> items`, only while the version in
    force is still one Garda wrote: an administrator's own revision is never overwritten (the release notes then
    say what to change by hand)."""
    now = datetime.now(UTC)
    now_value = now.replace(tzinfo=None).isoformat(sep=" ") if schema_editor.connection.vendor == "sqlite" else now
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT version, items, created_by_username FROM core_referencelistrevision "
            "WHERE reference_list_id = %s ORDER BY version DESC LIMIT 1",
            [key],
        )
        row = cursor.fetchone()
        if row is None or row[2] != "garda":
            return
        version, items, _ = row
        items = json.loads(items) if isinstance(items, str) else items
        cursor.execute(
            "INSERT INTO core_referencelistrevision (reference_list_id, version, items, source, note, "
            "effective_from, created_at, created_by_id, created_by_username) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, NULL, %s)",
            [
                key,
                version + 1,
                json.dumps(revise(items), ensure_ascii=False),
                source,
                note,
                effective_from,
                now_value,
                "garda",
            ],
        )
