"""Query-index benchmark: ingest throughput and query latency for 10,000
synthetic obligations (500 documents × 20) on SQLite.

    .venv/bin/python bench/store_bench.py [--docs 500] [--per-doc 20] [--url sqlite:///...]

Baseline in the same run: the same obligation rows written with plain
``sqlite3.executemany`` in one transaction (the floor for "just store the
rows"), so the figure to watch is the ratio, not the absolute time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.query import select  # noqa: E402
from tracker.reminders import build_calendar, reminders_from  # noqa: E402
from tracker.store import Store  # noqa: E402

UNIT_KINDS = ["Phòng", "Khoa", "Trạm Y tế", "Ban", "Tổ"]
UNIT_NAMES = ["Tổ chức - Hành chính", "Kế hoạch - Nghiệp vụ", "Tài chính - Kế toán", "Nội vụ", "Dân số - Truyền thông",
              "Kiểm soát bệnh tật", "Dược - Vật tư", "Điều dưỡng", "Xét nghiệm", "Chẩn đoán hình ảnh", "Dân vận",
              "Thanh tra nhân dân"]
ACTIONS = ["tổng hợp, báo cáo kết quả thực hiện về Sở Y tế", "tự đánh giá, xếp loại công tác dân vận",
           "rà soát, cập nhật danh sách viên chức", "xây dựng kế hoạch triển khai tại đơn vị",
           "kiểm tra, đôn đốc việc thực hiện quy chế dân chủ", "gửi minh chứng về Phòng Tổ chức - Hành chính"]


def _abbr(name: str) -> str:
    return "-".join("".join(w[0].upper() for w in part.split()) for part in name.split(" - "))


def synthetic_docs(n_docs: int, per_doc: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    units = [(f"{k} {n}", f"{k} {_abbr(n)}") for k in UNIT_KINDS for n in UNIT_NAMES]
    docs = []
    for d in range(n_docs):
        obs = []
        for i in range(per_doc):
            picked = rnd.sample(units, rnd.choice([1, 1, 2, 3]))
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(730))
            recurring = rnd.random() < 0.1
            obs.append({
                "action": f"{rnd.choice(ACTIONS)} (mục {i + 1})",
                "units": [{"name": n, "raw": a, "role": "lead" if j == 0 else "support"}
                          for j, (n, a) in enumerate(picked)],
                "deadline": None if recurring or rnd.random() < 0.1 else
                {"date": day.isoformat(), "text": f"trước ngày {day:%d/%m/%Y}"},
                "recurrence": {"text": "Định kỳ 6 tháng", "rrule": "FREQ=MONTHLY;INTERVAL=6"} if recurring else None,
                "report_to": "Sở Y tế",
                "source_text": f"Giao {picked[0][0]} chủ trì {rnd.choice(ACTIONS)} trước ngày {day:%d/%m/%Y}.",
                "loc": {"page": 1 + i // 8, "block": 10 + i, "table": None, "row": None, "col": None, "start": 0, "end": 40},
            })
        docs.append({
            "schema_version": "1",
            "source": {"path": f"data/raw/bench_{d:05d}.docx", "sha256": f"{d:064x}", "format": "docx"},
            "document": {"type": "Kế hoạch", "id": f"{d + 1}/KH-TTYT", "date": "2023-01-02",
                         "issuer": "Trung tâm Y tế", "subject": f"Kế hoạch số {d + 1}"},
            "references": [{"id": "33/CT-TTg", "relation": "implements", "mentions": []},
                           {"id": f"{d + 100}/QĐ-UBND", "relation": "based_on", "mentions": []}],
            "obligations": obs,
            "units": [],
        })
    return docs


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def baseline(docs: list[dict], path: Path) -> float:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE ob (doc TEXT, action TEXT, deadline TEXT, units TEXT, loc TEXT)")
    t = time.perf_counter()
    with con:
        con.executemany("INSERT INTO ob VALUES (?,?,?,?,?)", [
            (d["source"]["path"], o["action"], (o["deadline"] or {}).get("date"),
             json.dumps(o["units"], ensure_ascii=False), json.dumps(o["loc"]))
            for d in docs for o in d["obligations"]])
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--per-doc", type=int, default=20)
    ap.add_argument("--url", default=None, help="database URL (default: a fresh SQLite file in a temp dir)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    url = args.url or f"sqlite:///{tmp / 'bench.sqlite'}"
    docs = synthetic_docs(args.docs, args.per_doc)
    n_obs = sum(len(d["obligations"]) for d in docs)

    base = baseline(docs, tmp / "baseline.sqlite")
    store = Store(url)
    t = time.perf_counter()
    for d in docs:
        store.upsert_document(d)
    ingest = time.perf_counter() - t
    t = time.perf_counter()
    skipped = sum(not store.upsert_document(d) for d in docs)
    reingest = time.perf_counter() - t

    today = dt.date(2024, 1, 15)
    q_all, rows = timed(lambda: select(store, today=today).rows, 3)
    q_unit, unit_rows = timed(lambda: select(store, unit="phong tc-hc", today=today).rows)
    q_sub, _ = timed(lambda: select(store, unit="noi vu", today=today).rows)
    q_overdue, overdue = timed(lambda: select(store, overdue=True, today=today).rows, 3)
    q_doc, _ = timed(lambda: select(store, document="250/KH-TTYT", today=today).rows)
    t_ics, _ = timed(lambda: build_calendar(reminders_from(rows, today)[0]).to_ical(), 1)
    store.close()

    print(f"{len(docs)} documents, {n_obs} obligations ({url})")
    print(f"baseline sqlite3.executemany, one transaction: {base:.3f} s ({n_obs / base:,.0f} obligations/s)")
    print(f"ingest (upsert_document, one transaction per document): {ingest:.2f} s = "
          f"{len(docs) / ingest:,.0f} documents/s, {n_obs / ingest:,.0f} obligations/s "
          f"({ingest / base:.0f}× baseline)")
    print(f"re-ingest unchanged ({skipped} skipped): {reingest:.2f} s = {len(docs) / reingest:,.0f} documents/s")
    print(f"query all ({len(rows)} rows, statuses computed): {q_all * 1000:.0f} ms")
    print(f"query --unit 'phong tc-hc' ({len(unit_rows)} rows): {q_unit * 1000:.0f} ms")
    print(f"query --unit 'noi vu' (substring): {q_sub * 1000:.0f} ms")
    print(f"query --overdue ({len(overdue)} rows): {q_overdue * 1000:.0f} ms")
    print(f"query --document 250/KH-TTYT: {q_doc * 1000:.0f} ms")
    print(f"reminders .ics for all dated obligations: {t_ics * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
