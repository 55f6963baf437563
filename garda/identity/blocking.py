"""Blocking keys: the cheap, indexed ways two records of the same person usually still agree.

A record is indexed under its exact keys; a query (the person at the counter, or each record of a batch)
looks up its keys *and their variants* — day and month swapped, the year off by one — so the index stays small
while the lookup still finds the respelled, mistyped or renumbered variants of a person.
"""

from datetime import date
from functools import lru_cache

from garda.identity.records import Person

# Bump when the keys below change: an index built with other keys must be rebuilt (`garda identity reindex`).
KEYS_VERSION = 2


def name_sounds(person: Person) -> tuple[str, ...]:
    """The sound keys of the name's words, those of two letters or more (an initial's sound says little)."""
    if person.name is None:
        return ()
    return tuple(sorted({p for p in person.name.phonetic if len(p) >= 2}))


def _name_keys(person: Person) -> tuple[tuple[str, ...], str]:
    return name_sounds(person), person.name.key if person.name is not None else ""


def index_keys(person: Person) -> set[str]:
    keys: set[str] = set()
    if person.nik:
        keys.add(f"N:{person.nik}")
    if person.phone:
        keys.add(f"P:{person.phone}")
    if person.other_id:
        keys.add(f"O:{person.other_id}")
        if len(person.other_id) >= 6:  # digits transposed or swapped still share their multiset
            keys.add(f"S:{''.join(sorted(person.other_id))}")
    phonetic, name_key = _name_keys(person)
    if person.birth_date is not None:
        day = person.birth_date.strftime("%Y%m%d")
        keys.add(f"B:{day}")
        keys.update(f"D:{day}:{p}" for p in phonetic)
        if person.name is not None:
            keys.update(f"I:{day}:{t[:2]}" for t in person.name.tokens)
        if name_key:
            keys.add(f"Y:{person.birth_date.year}:{name_key}")
    elif name_key:
        keys.add(f"K:{name_key}")
    return keys


def _date_variants(born: date) -> list[date]:
    variants = [born]
    if born.day <= 12 and born.day != born.month:
        try:
            variants.append(born.replace(day=born.month, month=born.day))
        except ValueError:
            pass
    for shift in (-1, 1):
        try:
            variants.append(born.replace(year=born.year + shift))
        except ValueError:  # 29 February
            pass
    return variants


@lru_cache(maxsize=50_000)
def one_digit_typos(born: date) -> tuple[str, ...]:
    """The valid dates (as YYYYMMDD) written with one digit different: 05 for 15, 1995 for 1985 — the slip
    `comparisons._one_digit_apart` recognises. Too many to look up in a national index; a few persons of interest
    held in memory can afford them."""
    text = f"{born.year:04d}{born.month:02d}{born.day:02d}"
    found = []
    for i, digit in enumerate(text):
        for other in "0123456789":
            if other == digit:
                continue
            variant = text[:i] + other + text[i + 1 :]
            try:
                date(int(variant[:4]), int(variant[4:6]), int(variant[6:]))
            except ValueError:
                continue
            found.append(variant)
    return tuple(found)


def query_keys(person: Person, *, wide: bool = False, own: set[str] | None = None) -> set[str]:
    """The keys to look up for a person: their own, and the birth-date variants of the date-based ones.

    Everyone born on the same day is a candidate (a birth-date block stays small: ~30 people a day per million).
    A wide query (one person at the counter) also takes everyone born on the variant dates; a batch, where every
    record queries, takes only variant dates that also share a sound of the name, to keep the pairs few.
    """
    # A wide query takes everyone born that day (B); a batch only those born that day whose name shares an
    # initial letter (I), since a batch compares every record with every other of its blocks.
    own = index_keys(person) if own is None else own
    keys = {k for k in own if k[0] in ("NPOSKB" if wide else "NPOSKI")}
    phonetic, name_key = _name_keys(person)
    if person.birth_date is not None:
        for born in _date_variants(person.birth_date):
            day = born.strftime("%Y%m%d")
            if wide and born.year == person.birth_date.year:
                keys.add(f"B:{day}")  # the day itself, and day and month swapped
            elif wide and born.year != person.birth_date.year and person.name is not None:
                keys.update(f"I:{day}:{t[:2]}" for t in person.name.tokens)  # the year off by one: narrower
            keys.update(f"D:{day}:{p}" for p in phonetic)
        if name_key:
            # The same name in the same year (a day mistyped beyond the variants); the year off by one as well
            # only for a single query, where it costs one more lookup and not a block per record.
            years = (-1, 0, 1) if wide else (0,)
            keys.update(f"Y:{person.birth_date.year + d}:{name_key}" for d in years)
        # A record indexed without a birth date is still reachable by its name.
        if name_key:
            keys.add(f"K:{name_key}")
    return keys
