"""The demo installation: Kanim Jakarta Selatan (JAKSEL) and a few other offices, staff in every role, and two
years of their work.

Everything is synthetic. After the offices and staff, each app's part is loaded in the order its data depends on:
screening (with the intelligence it reads), decisions, the whistleblowing channel, internal oversight, and the
partnership with other agencies, Program Desa Binaan in Kecamatan Tebet, and anti-trafficking training. Each part
writes through the app's own actions and importers, as an office would.
"""

import random

from django.db import transaction

from garda.synthetic.demo import decisions, offices, outreach, oversight, partners, screening, training, whistle
from garda.synthetic.demo.offices import DEMO_PASSWORD, PERSONAS, is_empty, persona_table

__all__ = ["DEMO_PASSWORD", "PERSONAS", "is_empty", "persona_table", "populate"]


@transaction.atomic
def populate(seed: int = 2025) -> None:
    rng = random.Random(seed)
    offices.populate(rng)
    for part in (screening, decisions, whistle, oversight, partners, outreach, training):
        part.populate(rng)
