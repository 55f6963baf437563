"""Is this company licensed? A search of the P3MI registry in force by name (typo-tolerant: the registry's own
normalisation, then a fuzzy match) or by licence number, answering licensed / expired / not found with the date
and what to do next. Nothing the person typed is stored."""

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from garda.intel.api import company_key, current_registry, licence_key, registry_companies

# Edit similarity of the normalised names, words in any order: "SINAR JAYA ABADY, PT" finds "PT Sinar Jaya Abadi";
# a partial match ("Sinar Jaya Makmur Sentosa") must not pass for a licensed company.
NAME_SCORE = 88
MAX_RESULTS = 5


@dataclass(frozen=True)
class Found:
    name: str
    license_number: str
    valid_until: date | None
    province: str
    licensed: bool  # False: the licence has expired


@dataclass(frozen=True)
class Answer:
    query: str
    registry_date: date | None  # the registry in force, as of this date
    found: list[Found]


def _looks_like_a_licence(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c in "/.-" for c in text)


def lookup(query: str, today: date | None = None) -> Answer:
    today = today or date.today()
    query = " ".join(query.split())[:200]
    registry = current_registry()
    if registry is None or not query:
        return Answer(query, None, [])
    companies = list(registry_companies(registry))
    if _looks_like_a_licence(query):
        wanted = licence_key(query)
        hits = [c for c in companies if c.license_number and licence_key(c.license_number) == wanted]
    else:
        key = company_key(query)
        by_key = {i: company_key(c.name) for i, c in enumerate(companies)}
        ranked = process.extract(key, by_key, scorer=fuzz.token_sort_ratio, limit=MAX_RESULTS, score_cutoff=NAME_SCORE)
        hits = [companies[index] for _name, _score, index in ranked]
    return Answer(
        query,
        registry.imported_at.date(),
        [
            Found(
                c.name,
                c.license_number,
                c.valid_until,
                c.province,
                licensed=c.valid_until is None or c.valid_until >= today,
            )
            for c in hits
        ],
    )
