"""The database refuses any change to a decided decision case (SQLite and PostgreSQL triggers)."""

TABLE = "decisions_case"
DECIDED = "('approved', 'rejected')"

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION garda_decided_case_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN {DECIDED} THEN
        RAISE EXCEPTION 'Garda: a decided case cannot be changed (case %)', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
"""


def create_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {TABLE}_decided_frozen BEFORE UPDATE ON {TABLE} "
            f"WHEN OLD.status IN {DECIDED} "
            f"BEGIN SELECT RAISE(ABORT, 'Garda: a decided case cannot be changed'); END"
        ]
    if vendor == "postgresql":
        return [
            _PG_FUNCTION,
            f"DROP TRIGGER IF EXISTS {TABLE}_decided_frozen ON {TABLE}",
            f"CREATE TRIGGER {TABLE}_decided_frozen BEFORE UPDATE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION garda_decided_case_frozen()",
        ]
    raise NotImplementedError(f"decided-case triggers are not written for {vendor}")


def drop_statements(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {TABLE}_decided_frozen"]
    return [f"DROP TRIGGER IF EXISTS {TABLE}_decided_frozen ON {TABLE}"]
