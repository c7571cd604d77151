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


def _unbounded_short_calls() -> tuple[list[str], int]:
    """Regex calls that leave out the limit on short texts (``timeout=rx_timeout(...)``,
    or a local set from it) on a pattern the test above does not run: the gate
    is safe only for module-level patterns (or a loop over a literal tuple of them)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    bad: list[str] = []
    seen = 0
    for pkg in PACKAGES:
        for path in sorted((root / pkg).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            if name.endswith(".__init__"):
                name = name[: -len(".__init__")]
            try:
                mod = importlib.import_module(name)
            except Exception:  # noqa: BLE001 - as in _patterns
                continue

            def is_pattern(node: ast.AST) -> bool:
                return isinstance(node, ast.Name) and isinstance(getattr(mod, node.id, None), PATTERN)

            gated: set[str] = set()  # locals set from rx_timeout(...)
            loops: dict[str, bool] = {}  # loop variable -> every value is a module pattern
            for node in ast.walk(tree):
                if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                        and getattr(node.value.func, "id", None) == "rx_timeout"):
                    gated.update(t.id for t in node.targets if isinstance(t, ast.Name))
                if isinstance(node, ast.For) and isinstance(node.iter, (ast.Tuple, ast.List)):
                    targets = node.target.elts if isinstance(node.target, ast.Tuple) else [node.target]
                    for i, t in enumerate(targets):
                        if isinstance(t, ast.Name):
                            vals = [e.elts[i] if isinstance(e, ast.Tuple) and isinstance(node.target, ast.Tuple) else e
                                    for e in node.iter.elts]
                            loops[t.id] = loops.get(t.id, True) and all(is_pattern(v) for v in vals)
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                kw = next((k.value for k in node.keywords if k.arg == "timeout"), None)
                if kw is None:
                    continue
                short_gate = (isinstance(kw, ast.Call) and getattr(kw.func, "id", None) == "rx_timeout") or (
                    isinstance(kw, ast.Name) and kw.id in gated)
                if not short_gate:
                    continue
                seen += 1
                recv = node.func.value
                if is_pattern(recv) or (isinstance(recv, ast.Name) and loops.get(recv.id)):
                    continue
                bad.append(f"{path.relative_to(root)}:{node.lineno}")
    return bad, seen


def test_the_short_text_gate_is_used_only_on_patterns_run_above():
    bad, seen = _unbounded_short_calls()
    assert seen > 300  # the gated call sites of the extractors and parsers are all looked at
    assert bad == []
