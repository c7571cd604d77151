"""Unit names the clerk merges by hand, and ``vanban units``.

Documents name one unit in many ways ("Phòng TC-HC", "P.TCHC", "Phòng Tổ
chức - Hành chính"); vanban folds most of them together by itself (see
``tracker.query.match_units``).  What it cannot know — that "Phòng Nội vụ" and
"Phòng Nội vụ huyện" are one office, or that a unit was renamed — the clerk
writes in an alias file, read at every query (no re-ingest needed):

    # data/unit_aliases.txt (UTF-8); one unit per line:
    # Tên dùng chung = tên khác; tên khác; …
    Phòng Tổ chức - Hành chính = Phòng Tổ chức - Hành chính - Tài chính - Kế toán; Phòng TCCB

Names are compared ignoring case, diacritics and punctuation; ``#`` starts a
comment; a name may appear in one line only.  The file is
``data/unit_aliases.txt`` unless ``VANBAN_UNIT_ALIASES`` (or ``--aliases``)
names another.

``vanban units`` lists every unit of the index with its aliases (as written
in the documents and from the alias file) and how many obligations name it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from tracker.store import StoredUnit
from tracker.unit_names import name_rank
from core.textutil import fold, nfc, squash_spaces

DEFAULT_ALIASES = "data/unit_aliases.txt"
ENV_ALIASES = "VANBAN_UNIT_ALIASES"


class AliasFileError(ValueError):
    """The alias file cannot be read or has a line that is not ``name = alias; …``."""


@dataclass(frozen=True, slots=True)
class AliasGroup:
    """One line of the alias file: the name to show, and every name (folded) it merges."""

    name: str
    names: tuple[str, ...]  # as written, the shown name first

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(name_key(n) for n in self.names)


def name_key(name: str) -> str:
    """How names are compared: folded, punctuation and spacing ignored
    ("P. TC-HC" ~ "p tc hc")."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(name)).split())


def parse_aliases(text: str, source: str = "alias file") -> list[AliasGroup]:
    """The groups of an alias file's text (see module docstring).  Raises
    ``AliasFileError`` naming the line that cannot be read."""
    groups: list[AliasGroup] = []
    seen: dict[str, tuple[int, int]] = {}  # name key -> (group index, line number)
    for n, raw in enumerate(nfc(text.lstrip("\ufeff")).splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" not in line:
            raise AliasFileError(f"{source}, line {n}: expected 'name = alias; alias', got {raw.strip()!r}")
        head, rest = line.split("=", 1)
        names = [squash_spaces(x) for x in [head, *rest.split(";")] if x.strip()]
        if len(names) < 2 or not head.strip():
            raise AliasFileError(f"{source}, line {n}: expected 'name = alias; alias', got {raw.strip()!r}")
        for name in names:
            key = name_key(name)
            if key in seen and seen[key][0] != len(groups):
                raise AliasFileError(f"{source}, line {n}: {name!r} is already merged on line {seen[key][1]}")
        for name in names:
            seen[name_key(name)] = (len(groups), n)
        groups.append(AliasGroup(names[0], tuple(dict.fromkeys(names))))
    return groups


def aliases_path(path: str | Path | None = None) -> tuple[Path, bool]:
    """The alias file to read and whether it was named explicitly (a named
    file must exist; the default one may be absent)."""
    if path:
        return Path(path), True
    env = os.environ.get(ENV_ALIASES)
    if env:
        return Path(env), True
    return Path(DEFAULT_ALIASES), False


def load_aliases(path: str | Path | None = None) -> list[AliasGroup]:
    """The groups of the alias file (none when the default file is absent)."""
    p, explicit = aliases_path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            raise AliasFileError(f"cannot read the alias file {p}: no such file") from None
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasFileError(f"cannot read the alias file {p}: {exc}") from None
    return parse_aliases(text, str(p))


def group_of(unit: StoredUnit, groups: Iterable[AliasGroup]) -> AliasGroup | None:
    """The alias group a stored unit belongs to (by its name or any alias)."""
    keys = {name_key(n) for n in (unit.name, *unit.aliases)}
    for g in groups:
        if keys & g.keys:
            return g
    return None


@dataclass(slots=True)
class UnitEntry:
    """A unit as ``vanban units`` lists it: merged units are one entry."""

    name: str
    names: list[str] = field(default_factory=list)  # the stored units merged here (canonical names)
    aliases: list[str] = field(default_factory=list)
    n_obligations: int = 0
    merged_by_file: bool = False
    includes: list[str] = field(default_factory=list)  # merged units a query for this one also finds


def _leading_parts_of(name: str, other: str) -> bool:
    """``other`` is ``name`` merged with more parts ("Phòng TC - HC" ⊂ "Phòng TC - HC - TC - KT")."""
    return name_rank(name, other) == 1


def unit_entries(units: Iterable[StoredUnit], groups: list[AliasGroup],
                 counts: dict[int, int] | None = None) -> list[UnitEntry]:
    """The units of the index, those of one alias-file line merged into one
    entry; ``counts``: obligations per unit id (default: the stored counts)."""
    units = list(units)
    entries: dict[str, UnitEntry] = {}
    for u in units:
        g = group_of(u, groups)
        key = "group:" + g.name if g else "unit:" + u.folded
        e = entries.get(key)
        if e is None:
            e = entries[key] = UnitEntry(g.name if g else u.name, merged_by_file=g is not None)
        e.names.append(u.name)
        for a in (u.name, *u.aliases, *(g.names if g else ())):
            if name_key(a) != name_key(e.name) and all(name_key(a) != name_key(x) for x in e.aliases):
                e.aliases.append(a)
        e.n_obligations += u.n_obligations if counts is None else counts.get(u.id, 0)
    for e in entries.values():
        for u in units:
            if u.name not in e.names and u.name not in e.includes and any(_leading_parts_of(n, u.name) for n in e.names):
                e.includes.append(u.name)
    return sorted(entries.values(), key=lambda e: fold(e.name))


def format_units(entries: list[UnitEntry]) -> str:
    if not entries:
        return "Chưa có đơn vị nào: hãy chạy 'vanban ingest' trước.\n"
    lines = []
    for e in entries:
        lines.append(f"{e.name} — {e.n_obligations} nhiệm vụ" + ("  [gộp theo tệp tên gọi]" if e.merged_by_file else ""))
        for a in e.aliases:
            lines.append(f"    = {a}")
        for n in e.includes:
            lines.append(f"    + gồm cả: {n}")
    lines.append(f"{len(entries)} đơn vị; '=' tên khác của cùng đơn vị, '+' đơn vị gộp mà --unit cũng tìm thấy.")
    return "\n".join(lines) + "\n"
