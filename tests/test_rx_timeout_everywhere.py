"""Every call of a compiled module pattern (or of ``regex.match/search/…`` itself) in the library
passes ``timeout=``: the standard "regexes run with a timeout" checked over the source, so a new
call without one fails here instead of waiting for a hostile document.

``tests/test_rx_bound.py`` proves that the calls which pass ``rx_timeout(text)`` (no clock on short
texts) are bounded anyway; this test proves no call is left without either."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "parsers", "extractors", "pipeline", "tracker", "cli", "flows")
METHODS = {"match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer"}


def _compiled_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            v = node.value
            if (isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "compile"
                    and isinstance(v.func.value, ast.Name) and v.func.value.id == "regex"):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def unbounded_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    patterns = _compiled_names(tree) | {"regex"}
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in METHODS):
            continue
        recv = node.func.value
        if not (isinstance(recv, ast.Name) and recv.id in patterns):
            continue
        if any(k.arg == "timeout" or k.arg is None for k in node.keywords):
            continue
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        out.append(f"{where}:{node.lineno}: {ast.unparse(node)[:80]}")
    return out


def test_the_scan_sees_a_call_without_timeout(tmp_path: Path):
    # the scanner itself must be able to fail
    p = tmp_path / "probe.py"
    p.write_text('import regex\n_P = regex.compile(r"a+")\nx = _P.match("aaa")\n'
                 'y = _P.match("aaa", timeout=1)\nz = regex.sub("a", "b", "c")\n', encoding="utf-8")
    assert [s.split(": ", 1)[1] for s in unbounded_calls(p)] == ["_P.match('aaa')", "regex.sub('a', 'b', 'c')"]


def test_every_library_pattern_call_passes_a_timeout():
    files = sorted(f for pkg in PACKAGES for f in (ROOT / pkg).rglob("*.py"))
    assert len(files) > 50
    offenders = [line for f in files for line in unbounded_calls(f)]
    assert offenders == []
