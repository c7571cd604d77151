"""The ``vanban`` command as a user runs it: JSON out, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import RAW, ROOT

VANBAN = [sys.executable, "-m", "cli.main"]


def vanban(*args, **kw):
    return subprocess.run([*VANBAN, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=300, **kw)


def test_extract_prints_contract_json_for_a_seed():
    r = vanban("extract", RAW / "004_4f1c6b8dfc0f85d2.txt")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["schema_version"] == "1"
    assert out["source"]["format"] == "txt"
    assert len(out["source"]["sha256"]) == 64
    assert out["document"]["id"] == "799/KH-SYT"
    assert out["content"]["blocks"], "the document model is in the output"
    from core.schema import validate

    validate(out)


def _bad_files(tmp_path):
    (tmp_path / "empty.docx").write_bytes(b"")
    (tmp_path / "fake.docx").write_text("this is plain text, not Word", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04whatever")
    with zipfile.ZipFile(tmp_path / "nodoc.docx", "w") as z:
        z.writestr("hello.txt", "no word/document.xml here")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    return {
        "empty.docx": "empty file",
        "fake.docx": "extension says .docx",
        "notes.xlsx": "unsupported file type",
        "nodoc.docx": "",
        "broken.pdf": "",
        "missing.txt": "no such file",
    }


def test_unreadable_files_give_one_line_and_exit_2(tmp_path):
    for name, reason in _bad_files(tmp_path).items():
        r = vanban("extract", tmp_path / name)
        assert r.returncode == 2, (name, r.stdout[:200], r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1, (name, r.stderr)
        assert lines[0].startswith(f"vanban: cannot read {tmp_path / name}: "), lines[0]
        assert reason in lines[0], lines[0]
        assert "Traceback" not in r.stderr


def test_no_command_prints_help():
    r = vanban()
    assert r.returncode == 2
    assert "extract" in r.stdout and "ingest" in r.stdout


@pytest.mark.parametrize("stem", ["000_4368117cd102981e", "003_2905d9845fe8b394"])
def test_every_seed_output_validates_against_the_schema(stem):
    from pipeline.assemble import extract_file
    from core.schema import validate

    for f in sorted(RAW.glob(f"{stem}.*")):
        out = extract_file(f)
        validate(out)
        assert not [w for w in out["warnings"] if w["code"] == "extractor_failed"], out["warnings"]
