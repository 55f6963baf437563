"""Panels that feature apps add to another app's page, without that app importing them.

The whistleblowing report page offers "open an internal investigation", which is oversight's work; oversight sits
above the channel, so the channel may not import it. The page asks for the panels registered for it and prints
them; oversight registers its panel when it loads (`ready`). Low defines, high registers, as in `visibility`.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

# A panel renders itself for the request and the page's object: HTML, or "" when it has nothing to show.
Panel = Callable[[HttpRequest, Any], str]
_PANELS: dict[str, list[Panel]] = defaultdict(list)

WHISTLE_REPORT = "whistle_report"  # a channel report opened by one of its handlers
HOME = "home"  # the signed-in user's home page (the object is the user)
APPLICATION = "application"  # an application's page in screening (the object is the application)
AGENCY_REPORT = "agency_report"  # a partner report's page in intelligence (the object is the report)


def register(page: str, panel: Panel) -> None:
    if panel not in _PANELS[page]:
        _PANELS[page].append(panel)


def render(page: str, request: HttpRequest, obj: Any) -> list[SafeString]:
    """The registered panels' HTML, in registration order; panels with nothing to show are left out."""
    return [mark_safe(html) for panel in _PANELS[page] if (html := panel(request, obj))]  # noqa: S308 (templates)
