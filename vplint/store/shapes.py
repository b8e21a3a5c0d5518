"""The shapes of the files vplint keeps in its cache folder, checked before any of them is used.

Each shape is a JSON schema in ``schema/`` (``cache-results``, ``cache-payload``, ``cache-run``),
checked with the compiled check of :mod:`vplint.validation.compiled` (no jsonschema import on
the warm path).  A file or entry of any other shape — an older version's, a foreign one, a
damaged one — is a cache miss, never an error.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from vplint.store.resources import resource_dir
from vplint.validation.compiled import Validator

__all__ = ["valid"]


@functools.cache
def _validator(name: str) -> Validator:
    with open(resource_dir("schema") / f"{name}.schema.json", encoding="utf-8") as fh:
        return Validator(json.load(fh))


def valid(name: str, instance: Any) -> bool:
    """Whether ``instance`` has the shape ``schema/<name>.schema.json`` describes."""
    try:
        return _validator(name).is_valid(instance)
    except RecursionError:  # nested deeper than any file vplint writes
        return False
