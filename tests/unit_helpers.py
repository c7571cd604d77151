"""What the unit tests share: the names vanban reads from a text that opens with a list of bodies."""

from __future__ import annotations

from extractors.units import canonical_name, parse_unit_list


def unit_names(text: str) -> list[str]:
    """The canonical names of the bodies listed at the start of ``text`` ([] when it opens with none)."""
    ul = parse_unit_list(text, 0)
    return [] if ul is None else [canonical_name(u.raw) for u in ul.units]
