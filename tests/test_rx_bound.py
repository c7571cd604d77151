"""The bound that lets a regex call on a short text skip the time limit
(``core.textutil.rx_timeout``): every module-level pattern of vanban, run on
hostile texts of ``RX_SHORT`` characters (runs of its own words, of spaces,
commas, digits, dashes, letters, and mixes of them), ends each call within
``LIMIT`` seconds of CPU — the limit is there to catch what no test foresaw,
and on a text this short nothing is left to catch."""

from __future__ import annotations

import importlib
import pkgutil
import time

import regex

from core.textutil import RX_SHORT, RX_TIMEOUT, rx_timeout

LIMIT = 0.05  # seconds of CPU per call; the slowest seen is far below
PACKAGES = ("core", "parsers", "extractors", "pipeline", "tracker")
PATTERN = type(regex.compile("a"))


def _patterns() -> dict[str, regex.Pattern]:
    found: dict[str, regex.Pattern] = {}
    for pkg in PACKAGES:
        mod = importlib.import_module(pkg)
        names = [pkg] + [f"{pkg}.{m.name}" for m in pkgutil.iter_modules(mod.__path__)]
        for name in names:
            try:
                m = importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a module that needs a service (Prefect, a database) is not a text module
                continue
            for attr, value in vars(m).items():
                if isinstance(value, PATTERN):
                    found[f"{name}.{attr}"] = value
    return found


def _fill(piece: str) -> str:
    return (piece * (RX_SHORT // max(1, len(piece)) + 1))[:RX_SHORT]


GENERIC = [" ", ",", ", ", "a", "A", "1", "12/", "-", " - ", ".", "(", "\n", "Phòng ", "và ", "các ", "số ",
           "Ủy ban nhân dân ", "1. ", "a) ", "ngày 1 tháng 2 năm ", "Sở Y tế, ", "UBND-VP ", "/QĐ-"]


def _hostile(p: regex.Pattern) -> list[str]:
    words = regex.findall(r"[^\W\d_]{2,}", p.pattern)[:12]
    pieces = GENERIC + [w + " " for w in words] + [w + ", " for w in words] + [" ".join(words) + " "]
    return [_fill(x) for x in pieces]


def test_every_pattern_is_fast_on_short_hostile_texts():
    pats = _patterns()
    assert len(pats) > 300  # the whole code base, not a corner of it
    slow = []
    for name, p in pats.items():
        for text in _hostile(p):
            assert len(text) == RX_SHORT
            for call in (p.search, p.match, p.fullmatch):
                c = time.process_time()
                call(text, timeout=RX_TIMEOUT)
                spent = time.process_time() - c
                if spent > LIMIT:
                    slow.append((name, text[:30], call.__name__, round(spent, 3)))
            c = time.process_time()
            for _ in p.finditer(text, timeout=RX_TIMEOUT):
                pass
            if time.process_time() - c > LIMIT:
                slow.append((name, text[:30], "finditer", round(time.process_time() - c, 3)))
    assert not slow, slow


def test_rx_timeout_keeps_the_limit_on_longer_texts():
    assert rx_timeout("x" * RX_SHORT) is None
    assert rx_timeout("x" * (RX_SHORT + 1)) == RX_TIMEOUT
    assert rx_timeout("") is None


def test_the_limit_is_a_cost_per_call():
    # why the gate exists: the same calls with the limit cost more CPU (a clock read per call)
    p = regex.compile(r"\bPhòng\b")
    text = "Ủy ban nhân dân tỉnh giao các sở ngành thực hiện"

    def cpu(timeout):
        c = time.process_time()
        for _ in range(20_000):
            p.search(text, timeout=timeout)
        return time.process_time() - c

    assert cpu(RX_TIMEOUT) > 1.5 * cpu(None)
