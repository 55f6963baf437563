"""Database triggers that make a table append-only, on SQLite and PostgreSQL.

They stop the application, a mistaken script or an operator's slip; a database superuser can still drop them,
which is why the audit table is also hash-chained.
"""

from collections.abc import Iterable

APPEND_ONLY_TABLES = ("core_auditevent", "core_referencelist", "core_referencelistrevision")

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION garda_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Garda: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
"""


def create_statements(vendor: str, tables: Iterable[str] = APPEND_ONLY_TABLES) -> list[str]:
    if vendor == "sqlite":
        return [
            stmt
            for t in tables
            for stmt in (
                f"CREATE TRIGGER IF NOT EXISTS {t}_no_update BEFORE UPDATE ON {t} "
                f"BEGIN SELECT RAISE(ABORT, 'Garda: {t} is append-only (UPDATE refused)'); END",
                f"CREATE TRIGGER IF NOT EXISTS {t}_no_delete BEFORE DELETE ON {t} "
                f"BEGIN SELECT RAISE(ABORT, 'Garda: {t} is append-only (DELETE refused)'); END",
            )
        ]
    if vendor == "postgresql":
        return [_PG_FUNCTION] + [
            stmt
            for t in tables
            for stmt in (
                f"DROP TRIGGER IF EXISTS {t}_no_change ON {t}",
                f"CREATE TRIGGER {t}_no_change BEFORE UPDATE OR DELETE ON {t} "
                f"FOR EACH ROW EXECUTE FUNCTION garda_append_only()",
                f"DROP TRIGGER IF EXISTS {t}_no_truncate ON {t}",
                f"CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION garda_append_only()",
            )
        ]
    raise NotImplementedError(f"append-only triggers are not written for {vendor}")


def drop_statements(vendor: str, tables: Iterable[str] = APPEND_ONLY_TABLES) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {t}_{op}" for t in tables for op in ("no_update", "no_delete")]
    return [f"DROP TRIGGER IF EXISTS {t}_{op} ON {t}" for t in tables for op in ("no_change", "no_truncate")]
