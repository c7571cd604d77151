"""Shared set-up of the tracker web app tests: a store filled by real
extraction of sample documents (a plan of data/raw, and two small documents
of tests/web: a plan whose task text holds ``<script>``, and a unit's report
citing that plan), and accounts."""

from __future__ import annotations

import json
import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB_DOCS = ROOT / "tests" / "web"
PLAN = WEB_DOCS / "ke-hoach-15.txt"
REPORT = WEB_DOCS / "bao-cao-khoa-duoc.txt"
SAMPLE = ROOT / "data" / "raw" / "001_d7b8ee2fe133437a.docx"
PASSWORD = "mat-khau-thu-123"
USERS = (  # username, role, unit
    ("dieuphoi", "coordinator", None),
    ("rasoat", "reviewer", None),
    ("tchc", "staff", "Phòng Tổ chức - Hành chính"),
    ("khoaduoc", "staff", "Khoa Dược"),
)


def build_store(tmp: Path, *, with_sample: bool = True) -> tuple[str, Path]:
    """A SQLite store at ``tmp`` holding the documents (and their JSON
    outputs in ``tmp/structured``, as ``vanban ingest`` writes them); the
    accounts of ``USERS``.  Returns (db URL, structured dir)."""
    from pipeline.assemble import extract_file
    from tracker.store import Store
    from tracker.web.accounts import add_user

    url = f"sqlite:///{tmp / 'vanban.sqlite'}"
    structured = tmp / "structured"
    structured.mkdir(parents=True, exist_ok=True)
    files = [PLAN, REPORT] + ([SAMPLE] if with_sample and SAMPLE.exists() else [])
    with Store(url) as store:
        for f in files:
            out = extract_file(f, content=True)
            (structured / f"{f.stem}.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
            store.upsert_document(out)
        for name, role, unit in USERS:
            add_user(store, name, PASSWORD, role=role, unit=unit, full_name=name.capitalize())
    return url, structured


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
