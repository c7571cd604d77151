"""The repository stands alone: the tests read their documents and gold from ``tests/shared``
(copies of the project's ``shared/`` folder, see ``tests/shared/PROVENANCE.md``), never from
``../shared``; when ``../shared`` is beside the repository, the copies are still byte-identical."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parents[1]
COPY = ROOT / "tests" / "shared"
ORIGIN = ROOT.parent / "shared"
# a path that climbs out of the repository to a sibling "shared" folder
_OUTSIDE = regex.compile(r"""\.\./shared|ROOT\.parent\s*/\s*["']shared|parents\[2\]\s*/\s*["']shared|["']\.\.["']\s*/\s*["']shared""")


def _files(base: Path) -> list[Path]:
    return sorted(p for p in base.rglob("*") if p.is_file())


def test_every_copy_is_listed_in_the_provenance_note():
    note = (COPY / "PROVENANCE.md").read_text(encoding="utf-8")
    for part in ("CONTRACT.md", "seeds/", "gold/seeds/", "gold/GUIDELINES.md", "corpus/real/", "corpus/more/"):
        assert f"`{part}" in note
    assert len([p for p in (COPY / "corpus" / "real").iterdir() if p.name != "SOURCES.md"]) == 20
    more = {p.stem for p in (COPY / "corpus" / "more").iterdir() if p.name != "SOURCES.md"}
    gold = {p.stem for split in ("dev", "dev2", "blind") for p in (ROOT / "tests" / "gold" / split).glob("*.json")}
    assert gold <= more, f"gold without its document: {sorted(gold - more)}"
    sources = (COPY / "corpus" / "more" / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"`{p.name}`" in sources for p in (COPY / "corpus" / "more").iterdir() if p.name != "SOURCES.md")


def test_no_test_or_bench_reads_the_shared_folder_outside_the_repository():
    offenders = []
    for p in [*(ROOT / "tests").glob("*.py"), *(ROOT / "bench").glob("*.py"), ROOT / "Makefile", ROOT / ".ci" / "run"]:
        if p.name == "test_standalone.py":
            continue
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if _OUTSIDE.search(line, timeout=1):
                offenders.append(f"{p.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


@pytest.mark.skipif(not ORIGIN.is_dir(), reason="../shared is not beside the repository (the copies stand alone)")
def test_copies_are_byte_identical_to_their_origin():
    def digest(p: Path) -> str:
        return hashlib.sha256(p.read_bytes()).hexdigest()

    for f in _files(COPY):
        rel = f.relative_to(COPY)
        if rel.name == "PROVENANCE.md":
            continue  # written here
        origin = ORIGIN / rel
        assert origin.is_file(), f"{rel} has no origin in ../shared"
        assert digest(f) == digest(origin), f"{rel} differs from ../shared/{rel}"
