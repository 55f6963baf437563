"""Numbers per prefix: each prefix has its own sequence, continuing from the highest number stored."""

import pytest

from garda.core.numbering import next_number
from garda.oversight.actions import do_open_investigation
from garda.oversight.models import Investigation


def test_each_prefix_counts_on_from_its_highest_number(personas, offices) -> None:
    rows = Investigation.objects.all()
    assert next_number(rows, "number", "INV-2026-", 4) == "INV-2026-0001"
    first = do_open_investigation(
        acting_user=personas["investigator"],
        office=offices["JAKSEL"],
        subject=personas["counter"],
        subject_description="",
        allegation="Diduga menerima uang dari calo",
        source="other",
    )
    year = first.opened_at.year
    assert first.number == f"INV-{year}-0001"
    assert next_number(rows, "number", f"INV-{year}-", 4) == f"INV-{year}-0002"
    assert next_number(rows, "number", f"INV-{year + 1}-", 4) == f"INV-{year + 1}-0001"


def test_a_number_is_refused_for_a_prefix_with_foreign_suffixes(personas, offices) -> None:
    """Only numbers Garda made share a prefix; anything else under it is a data error, said as such."""
    do_open_investigation(
        acting_user=personas["investigator"],
        office=offices["JAKSEL"],
        subject=None,
        subject_description="Petugas loket 3",
        allegation="Diduga menerima uang dari calo",
        source="other",
    )
    Investigation.objects.update(number="INV-2026-x")
    with pytest.raises(ValueError):
        next_number(Investigation.objects.all(), "number", "INV-2026-", 4)
