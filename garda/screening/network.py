"""The small network picture on the application page: the applicant in the middle, the companion and the
phone, and around them what they were linked to (other applications, report subjects, earlier decisions).

Positions are computed here and drawn as inline SVG by the template: no script, and it prints."""

import math
from dataclasses import dataclass
from typing import Any

from garda.core.vocabulary import Pairs

WIDTH, HEIGHT = 640, 360
KIND_LABELS = Pairs("match")


@dataclass
class Node:
    key: str
    label: str
    kind: str  # applicant | companion | application | report
    x: float
    y: float
    href: str = ""


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str


def picture(
    applicant: str, companion: str, matches: list[dict[str, Any]], links: dict[str, str], language: str = "id"
) -> tuple[list[Node], list[Edge]]:
    """`links` maps an application reference (OFFICE/ID) to its page when the viewer may open it."""
    cx, cy = WIDTH / 2, HEIGHT / 2
    nodes = [Node("applicant", applicant, "applicant", cx, cy)]
    edges: list[Edge] = []
    hub = nodes[0]
    if companion:
        hub_c = Node("companion", companion, "companion", cx, cy + 110)
        nodes.append(hub_c)
        edges.append(Edge(cx, cy, hub_c.x, hub_c.y, "pendamping" if language == "id" else "companion"))
    shown = matches[:12]
    for i, match in enumerate(shown):
        angle = -math.pi / 2 + (2 * math.pi * i) / max(len(shown), 1)
        radius = 150 if i % 2 == 0 else 125
        x, y = cx + radius * 1.6 * math.cos(angle), cy + radius * 0.95 * math.sin(angle)
        kind = match["kind"]
        ref = str(match["id"])
        node = Node(
            ref,
            ref,
            "report" if kind == "agency_report_subject" else "application",
            round(x, 1),
            round(y, 1),
            links.get(ref.split("#")[0], ""),
        )
        nodes.append(node)
        origin = nodes[1] if kind == "companion_application" and companion else hub
        label_id, label_en = KIND_LABELS.get(kind, (kind, kind))
        edges.append(Edge(origin.x, origin.y, node.x, node.y, label_id if language == "id" else label_en))
    return nodes, edges
