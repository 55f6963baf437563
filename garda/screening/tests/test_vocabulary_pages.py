"""No stored code on an Indonesian page: the queue and the application page say every enum, indicator and piece
of evidence in words (garda.core.vocabulary, garda.screening.evidence), and every code of the contract has a word
in both languages."""

import json
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from garda.contracts import CONTRACTS
from garda.core.models import User
from garda.core.vocabulary import VOCABULARY, label
from garda.screening import context as screening_context
from garda.screening.actions import screen_application
from garda.screening.imports import store_many
from garda.screening.indicators import RULES
from garda.screening.tests.test_rules import app

SCHEMA = json.loads((CONTRACTS / "application.schema.json").read_text(encoding="utf-8"))
RAW = re.compile(
    r"\b((NP|INC|IA|AR|PD)_[A-Z_]+|high|medium|low|postpone|proceed|request_documents|in_depth_interview|tourism|"
    r"family_visit|illegal_agent|non_procedural|inconsistency|agency_report|prior_decision|employment_contract|"
    r"travel_agent|applicant\.\w+|travel\.\w+|documents\[\S*|compared|counter|rescreen)\b"
)


def _visible(html: str) -> str:
    html = re.sub(r"<(pre|script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<[^>]+class="[^"]*visually-hidden[^"]*"[^>]*>.*?</[^>]+>', " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _risky() -> Any:
    record = app(
        id="V-1",
        travel__destination_country="MY",
        travel__return_ticket=False,
        travel__funds_source="agent",
        companion={"present": True, "full_name": "BUDI CALO", "relation": "agent", "phone": "081311112222"},
        interview={"conducted": True, "notes": "Mengaku akan bekerja di restoran di Kuala Lumpur"},
    )
    record["submitted_at"] = timezone.localtime().replace(hour=10).isoformat()
    record["documents"].append({"type": "employment_contract", "full_name": "SITI AMINAH"})
    record["documents"].append({"type": "kk", "full_name": "DEWI LESTARI"})
    record["applicant"] |= {"marital_status": "married", "education": "sma"}
    [(_, stored)] = store_many([record], source="test")
    screen_application(stored, screening_context.load(), trigger="counter")
    return stored


def test_the_queue_and_the_application_page_show_no_code(login_as, personas: dict[str, User]) -> None:
    stored = _risky()
    client = login_as(personas["interviewer"])
    detail = client.get(reverse("screening:detail", args=[stored.pk]), HTTP_ACCEPT_LANGUAGE="id")
    text = _visible(detail.content.decode())
    assert "Dokumen kerja di balik tujuan lain" in text and "tinggi" in text and "tunda penerbitan" in text
    assert "kontrak kerja" in text and "Yang diperiksa" in text
    # The whole record in words (it was raw JSON under English keys, folded away).
    assert "Data lengkap permohonan" in text and "SMA/SMK" in text and "Kartu Keluarga" in text
    assert "Mengaku akan bekerja di restoran" in text and "married" not in text and "sma" not in text.split()
    assert RAW.findall(text) == []
    queue = _visible(client.get(reverse("screening:queue"), HTTP_ACCEPT_LANGUAGE="id").content.decode())
    assert "Malaysia" in queue and "wisata" in queue
    assert RAW.findall(queue) == []


def _enum(*path: str) -> list[str]:
    node: Any = SCHEMA
    for key in path:
        node = node[key]
    return list(node["enum"] if "enum" in node else node["items"]["enum"])


@pytest.mark.parametrize(
    ("domain", "path"),
    [
        ("purpose", ("properties", "travel", "properties", "purpose")),
        ("document", ("properties", "documents", "items", "properties", "type")),
        ("relation", ("properties", "companion", "properties", "relation")),
        ("funds_source", ("properties", "travel", "properties", "funds_source")),
        ("observation", ("properties", "interview", "properties", "observations")),
        ("decision", ("properties", "decision", "properties", "kind")),
        ("category", ("properties", "decision", "properties", "categories")),
        ("marital_status", ("properties", "applicant", "properties", "marital_status")),
        ("education", ("properties", "applicant", "properties", "education")),
        ("sex", ("properties", "applicant", "properties", "sex")),
        ("application_type", ("properties", "application_type")),
        (
            "channel",
            (
                "properties",
                "channel",
            ),
        ),
    ],
)
def test_every_contract_code_has_a_word_in_both_languages(domain: str, path: tuple[str, ...]) -> None:
    for code in _enum(*path):
        with translation.override("id"):
            indonesian = label(domain, code)
        with translation.override("en"):
            english = label(domain, code)
        assert not indonesian.startswith("[") and not english.startswith("["), (domain, code)


def test_every_indicator_has_a_title_and_every_title_is_translated() -> None:
    assert set(VOCABULARY["indicator"]) == set(RULES)
    for code in RULES:
        with translation.override("id"):
            indonesian = label("indicator", code)
        with translation.override("en"):
            assert label("indicator", code) != indonesian, code
