"""The default model, estimated from synthetic Indonesian data and shipped in the package.

Used where the data at hand are too few to estimate weights from (a short partner list, one person at the
counter before the office has trained its own). `python -m garda.synthetic.identity_model` re-estimates it.
"""

from functools import lru_cache
from pathlib import Path

from garda.identity.model import FSModel

PATH = Path(__file__).resolve().parent / "data" / "default_model.json"


@lru_cache(maxsize=1)
def default_model() -> FSModel:
    return FSModel.from_json(PATH.read_text(encoding="utf-8"))
