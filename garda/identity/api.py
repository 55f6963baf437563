"""Person matching, as the rest of Garda uses it: one model and one explanation for the counter, batch linking,
screening and intelligence.

- `prepare` a record into a `Person` (normalised once);
- `find_candidates` in the national person index (the counter), `same_persons` of one source (a history);
- `WatchIndex` of persons of interest in memory: `find` the same person, `relatives` of the family (context,
  never a ground);
- `current_model` (the newest trained version, else the shipped default), its `FSModel` and `MatchResult`.
"""

from garda.identity.index import (
    Candidate,
    current_model,
    find_candidates,
    forget_cached,
    index_person,
    index_total,
    remove_persons,
)
from garda.identity.lookups import indexed_persons, name_count, same_persons
from garda.identity.model import FSModel, MatchResult
from garda.identity.records import Person, prepare
from garda.identity.watch import RELATIONS, Relative, Watched, WatchIndex, WatchMatch, describe, household_keys

__all__ = [
    "RELATIONS",
    "Candidate",
    "FSModel",
    "MatchResult",
    "Person",
    "Relative",
    "WatchIndex",
    "WatchMatch",
    "Watched",
    "current_model",
    "describe",
    "find_candidates",
    "forget_cached",
    "household_keys",
    "index_person",
    "index_total",
    "indexed_persons",
    "name_count",
    "prepare",
    "remove_persons",
    "same_persons",
]
