"""Numbers of the form PREFIX + serial (WBS-2026-000123, INV-2026-0007), one sequence per prefix."""

import secrets
import zlib

from django.db import connection
from django.db.models import Model, QuerySet


def next_number(rows: QuerySet[Model], field: str, prefix: str, width: int) -> str:
    """The prefix's next number among `rows`. Call inside the transaction that stores it: SQLite transactions
    already hold the write lock (IMMEDIATE); on PostgreSQL an advisory lock on the prefix makes concurrent callers
    take turns, or fifty submissions at once would collide on one number."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(prefix.encode())])
    last = rows.filter(**{f"{field}__startswith": prefix}).order_by(f"-{field}").values_list(field, flat=True).first()
    serial = int(str(last)[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{serial:0{width}d}"


# Crockford's alphabet: no I, L, O or U to misread when typed from paper.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_verification_code() -> str:
    """A code printed on a document and typed on the public verification page: 60 random bits, in three groups."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def typed_code(text: str) -> str:
    """A code as typed from paper (any case, spaces or dashes, O for 0, I or L for 1) in its printed form."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum()).translate(str.maketrans("OIL", "011"))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else raw
