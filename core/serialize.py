"""Records → JSON-ready values (dicts, lists, str, numbers, None)."""

from __future__ import annotations

import dataclasses
from typing import Any

from core.model import Loc


_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, in order, read once per class


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def loc_dict(loc: Loc | None) -> dict | None:
    if loc is None:
        return None
    return {n: getattr(loc, n) for n in _field_names(type(loc))}


def to_jsonable(obj: Any) -> Any:
    """Dataclasses become dicts (field order kept), recursively."""
    t = type(obj)
    if t is str or t is int or t is bool or obj is None:  # the leaves, most calls
        return obj
    if isinstance(obj, Loc):
        return loc_dict(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {n: to_jsonable(getattr(obj, n)) for n in _field_names(t)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


def location_text(loc: dict[str, Any] | None) -> str:
    """Where in the source, for a person (1-based): "trang 2, bảng 1, dòng 4"."""
    if not loc:
        return ""
    parts = []
    if loc.get("page") is not None:
        parts.append(f"trang {loc['page']}")
    if loc.get("table") is not None:
        parts.append(f"bảng {loc['table'] + 1}")
        if loc.get("row") is not None:
            parts.append(f"dòng {loc['row'] + 1}")
    elif loc.get("block") is not None:
        parts.append(f"đoạn {loc['block'] + 1}")
    return ", ".join(parts)
