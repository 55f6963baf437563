"""The database refuses any change to a decided decision case and to an issued letter (SQLite and PostgreSQL
triggers), so neither the application nor an operator's script can rewrite a decision after the fact."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Frozen:
    table: str
    message: str
    when: str = ""  # an SQL condition on OLD; empty: every row

    @property
    def name(self) -> str:
        return f"{self.table}_{'decided_' if self.when else ''}frozen"


CASE = Frozen("decisions_case", "a decided case cannot be changed", "OLD.status IN ('approved', 'rejected')")
LETTER = Frozen("decisions_letter", "an issued letter cannot be changed")


def create_statements(vendor: str, frozen: Frozen) -> list[str]:
    if vendor == "sqlite":
        when = f"WHEN {frozen.when} " if frozen.when else ""
        return [
            f"CREATE TRIGGER IF NOT EXISTS {frozen.name} BEFORE UPDATE ON {frozen.table} {when}"
            f"BEGIN SELECT RAISE(ABORT, 'Garda: {frozen.message}'); END"
        ]
    if vendor == "postgresql":
        condition = frozen.when or "TRUE"
        return [
            f"CREATE OR REPLACE FUNCTION garda_{frozen.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF {condition} THEN RAISE EXCEPTION 'Garda: {frozen.message} (row %)', OLD.id "
            "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$;",
            f"DROP TRIGGER IF EXISTS {frozen.name} ON {frozen.table}",
            f"CREATE TRIGGER {frozen.name} BEFORE UPDATE ON {frozen.table} "
            f"FOR EACH ROW EXECUTE FUNCTION garda_{frozen.name}()",
        ]
    raise NotImplementedError(f"freezing triggers are not written for {vendor}")


def drop_statements(vendor: str, frozen: Frozen) -> list[str]:
    on = f" ON {frozen.table}" if vendor == "postgresql" else ""
    return [f"DROP TRIGGER IF EXISTS {frozen.name}{on}"]


def migration_functions(frozen: Frozen):  # type: ignore[no-untyped-def]
    """(create, drop) for a RunPython operation."""

    def create(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in create_statements(schema_editor.connection.vendor, frozen):
            schema_editor.execute(statement, params=None)

    def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in drop_statements(schema_editor.connection.vendor, frozen):
            schema_editor.execute(statement, params=None)

    return create, drop
