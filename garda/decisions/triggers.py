"""The database refuses any change to a decided decision case and to an issued letter — an UPDATE, a DELETE, and
on PostgreSQL a TRUNCATE of the table (SQLite and PostgreSQL triggers) — so neither the application nor an
operator's script can rewrite or erase a decision after the fact."""

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
EXAMINATION = Frozen("decisions_examination", "a Berita Acara Pemeriksaan cannot be changed")
CUTTING = Frozen("decisions_cutting", "a recorded cutting cannot be changed")
FROZEN = (CASE, LETTER, EXAMINATION, CUTTING)


def create_statements(vendor: str, frozen: Frozen) -> list[str]:
    if vendor == "sqlite":
        when = f"WHEN {frozen.when} " if frozen.when else ""
        return [
            f"CREATE TRIGGER IF NOT EXISTS {frozen.name}{suffix} BEFORE {op} ON {frozen.table} {when}"
            f"BEGIN SELECT RAISE(ABORT, 'Garda: {frozen.message} ({op} refused)'); END"
            for op, suffix in (("UPDATE", ""), ("DELETE", "_delete"))
        ]
    if vendor == "postgresql":
        condition = frozen.when or "TRUE"
        return [
            f"CREATE OR REPLACE FUNCTION garda_{frozen.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF {condition} THEN RAISE EXCEPTION 'Garda: {frozen.message} (% of row %)', TG_OP, OLD.id "
            "USING ERRCODE = 'insufficient_privilege'; END IF; "
            "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;",
            f"CREATE OR REPLACE FUNCTION garda_{frozen.name}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION 'Garda: {frozen.table} holds decisions (TRUNCATE refused)' "
            "USING ERRCODE = 'insufficient_privilege'; END $$;",
            f"DROP TRIGGER IF EXISTS {frozen.name} ON {frozen.table}",
            f"CREATE TRIGGER {frozen.name} BEFORE UPDATE OR DELETE ON {frozen.table} "
            f"FOR EACH ROW EXECUTE FUNCTION garda_{frozen.name}()",
            f"DROP TRIGGER IF EXISTS {frozen.name}_truncate ON {frozen.table}",
            f"CREATE TRIGGER {frozen.name}_truncate BEFORE TRUNCATE ON {frozen.table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION garda_{frozen.name}_truncate()",
        ]
    raise NotImplementedError(f"freezing triggers are not written for {vendor}")


def drop_statements(vendor: str, frozen: Frozen) -> list[str]:
    on = f" ON {frozen.table}" if vendor == "postgresql" else ""
    suffixes = ("", "_truncate") if vendor == "postgresql" else ("", "_delete")
    return [f"DROP TRIGGER IF EXISTS {frozen.name}{suffix}{on}" for suffix in suffixes]


def migration_functions(frozen: Frozen):  # type: ignore[no-untyped-def]
    """(create, drop) for a RunPython operation."""

    def create(apps, schema_editor):  # type: ignore[no-untyped-def]
        vendor = schema_editor.connection.vendor
        for statement in drop_statements(vendor, frozen) + create_statements(vendor, frozen):
            schema_editor.execute(statement, params=None)

    def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in drop_statements(schema_editor.connection.vendor, frozen):
            schema_editor.execute(statement, params=None)

    return create, drop
