"""Load check of the tracker web app: N obligations (default 10,000) in a
temporary SQLite store, ``vanban web`` in its own process on a loopback port,
U concurrent users (default 20) each logged in and loading the list pages
(their unit's "Việc của đơn vị tôi", a coordinator's view of one unit, and of
every unit) for a bounded number of requests; prints the latency
percentiles per page.

    .venv/bin/python bench/web_load.py [--obligations 10000] [--users 20]
        [--requests-per-user 15] [--max-seconds 300] [--json]

Loopback only (127.0.0.1); stops the server it started.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

UNIT_HEADS = ("Phòng", "Khoa", "Trung tâm", "Ban", "Sở")
UNIT_NAMES = ("Tổ chức - Hành chính", "Kế hoạch - Nghiệp vụ", "Tài chính - Kế toán", "Dược", "Nội vụ", "Tư pháp",
              "Y tế dự phòng", "Điều dưỡng", "Xét nghiệm", "Truyền thông", "Công nghệ thông tin", "Thi đua")
VERBS = ("Rà soát", "Báo cáo", "Kiểm tra", "Tổng hợp", "Triển khai", "Tuyên truyền", "Cập nhật", "Hướng dẫn")
OBJECTS = ("phương tiện chữa cháy", "kết quả cải cách hành chính", "hồ sơ thủ tục hành chính", "kho thuốc",
           "công tác dân vận", "chỉ số hài lòng", "danh mục tài sản", "kế hoạch năm")


def units(n: int) -> list[str]:
    out = []
    for i in range(n):
        out.append(f"{UNIT_HEADS[i % len(UNIT_HEADS)]} {UNIT_NAMES[i % len(UNIT_NAMES)]} số {i + 1}")
    return out


def synthetic_documents(n_obligations: int, per_doc: int, unit_names: list[str], seed: int = 7) -> list[dict]:
    """Contract JSONs (without content) whose obligations total ``n_obligations``."""
    rnd = random.Random(seed)
    docs = []
    n_docs = (n_obligations + per_doc - 1) // per_doc
    left = n_obligations
    for d in range(n_docs):
        k = min(per_doc, left)
        left -= k
        obs = []
        for i in range(k):
            u = rnd.sample(unit_names, 2)
            day = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(0, 900))
            kind = rnd.random()
            ob = {"action": f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} (mục {d + 1}.{i + 1})",
                  "units": [{"name": u[0], "raw": u[0], "role": "lead"}, {"name": u[1], "raw": u[1], "role": "support"}],
                  "deadline": None, "recurrence": None, "report_to": None,
                  "source_text": f"{u[0]} chủ trì, phối hợp với {u[1]} thực hiện nhiệm vụ số {i + 1}.",
                  "loc": {"page": None, "block": 10 + i, "table": None, "row": None, "col": None, "start": 0, "end": 40}}
            if kind < 0.7:
                ob["deadline"] = {"date": day.isoformat(), "text": f"trước ngày {day:%d/%m/%Y}", "kind": "date"}
            elif kind < 0.85:
                ob["recurrence"] = {"text": "Định kỳ hằng quý", "rrule": "FREQ=MONTHLY;INTERVAL=3"}
            obs.append(ob)
        number = 100 + d
        docs.append({
            "schema_version": "1",
            "source": {"path": f"/bench/ke-hoach-{number}.docx", "format": "docx",
                       "sha256": hashlib.sha256(f"doc{d}".encode()).hexdigest()},
            "document": {"type": "Kế hoạch", "type_code": "KH", "number": str(number), "symbol": "KH-UBND",
                         "id": f"{number}/KH-UBND", "issuer": "Ủy ban nhân dân tỉnh", "date": "2025-01-15",
                         "subject": f"Kế hoạch thử tải số {number}"},
            "references": [{"id": "33/CT-TTg", "type": "Chỉ thị", "relation": "implements", "mentions": []}],
            "obligations": obs,
            "units": [{"name": n, "aliases": []} for n in sorted({u["name"] for o in obs for u in o["units"]})],
        })
    return docs


def build(db: Path, n_obligations: int, n_units: int, users: int) -> tuple[str, list[tuple[str, str, str | None]]]:
    from tracker.store import Store
    from tracker.web.accounts import add_user

    url = f"sqlite:///{db}"
    names = units(n_units)
    accounts = []
    with Store(url) as store:
        for doc in synthetic_documents(n_obligations, 100, names):
            store.upsert_document(doc)
        for i in range(users):
            if i % 2 == 0:
                accounts.append((f"canbo{i}", "staff", names[i % len(names)]))
            else:
                accounts.append((f"dieuphoi{i}", "coordinator", None))
            add_user(store, accounts[-1][0], "mat-khau-tai-123", role=accounts[-1][1], unit=accounts[-1][2])
    return url, accounts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(xs: list[float]) -> dict[str, float]:
    s = sorted(xs)

    def q(p: float) -> float:
        return s[min(len(s) - 1, max(0, round(p * (len(s) - 1))))]

    return {"n": len(s), "p50": q(0.50), "p90": q(0.90), "p95": q(0.95), "p99": q(0.99), "max": s[-1],
            "mean": statistics.fmean(s)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--obligations", type=int, default=10_000)
    ap.add_argument("--units", type=int, default=40)
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--requests-per-user", type=int, default=15)
    ap.add_argument("--max-seconds", type=float, default=300, help="stop the clients after this long")
    ap.add_argument("--workers", type=int, default=1, help="vanban web --workers")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    import httpx

    tmp = Path(tempfile.mkdtemp(prefix="vanban-web-load-"))
    t0 = time.perf_counter()
    url, accounts = build(tmp / "vanban.sqlite", args.obligations, args.units, args.users)
    build_s = time.perf_counter() - t0
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    server = subprocess.Popen([sys.executable, "-m", "cli.main", "web", "--db", url, "--port", str(port),
                               "--structured", str(tmp / "none"), "--workers", str(args.workers)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/dang-nhap", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                print("vanban web did not start:", server.stderr.read().decode()[-2000:], file=sys.stderr)
                return 1
            time.sleep(0.2)
        unit_names = units(args.units)
        results: dict[str, list[float]] = {"staff /viec": [], "coordinator /viec?unit=…": [], "coordinator /viec (all)": []}
        errors: list[str] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + args.max_seconds
        barrier = threading.Barrier(len(accounts))

        def user(name: str, role: str, unit: str | None, seed: int) -> None:
            rnd = random.Random(seed)
            with httpx.Client(base_url=base, timeout=120) as c:
                page = c.get("/dang-nhap")
                token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
                c.post("/dang-nhap", data={"csrf": token, "ten": name, "mat_khau": "mat-khau-tai-123", "tiep": "/viec"})
                barrier.wait()
                for i in range(args.requests_per_user):
                    if time.monotonic() > stop_at:
                        return
                    if role == "staff":
                        kind, path = "staff /viec", "/viec"
                    elif i % 5 == 4:
                        kind, path = "coordinator /viec (all)", "/viec"
                    else:
                        kind, path = "coordinator /viec?unit=…", "/viec?unit=" + rnd.choice(unit_names)
                    t = time.perf_counter()
                    r = c.get(path)
                    ms = (time.perf_counter() - t) * 1000
                    with lock:
                        if r.status_code != 200 or "Việc của đơn vị tôi" not in r.text:
                            errors.append(f"{path}: {r.status_code}")
                        else:
                            results[kind].append(ms)

        # baseline in the same run: one user alone, the same pages one after another
        alone: list[float] = []
        with httpx.Client(base_url=base, timeout=120) as c:
            name = next(a[0] for a in accounts if a[1] == "coordinator")
            token = re.search(r'name="csrf" value="([^"]+)"', c.get("/dang-nhap").text).group(1)
            c.post("/dang-nhap", data={"csrf": token, "ten": name, "mat_khau": "mat-khau-tai-123", "tiep": "/viec"})
            for i in range(12):
                t = time.perf_counter()
                c.get("/viec?unit=" + unit_names[i % len(unit_names)])
                alone.append((time.perf_counter() - t) * 1000)
        threads = [threading.Thread(target=user, args=(*a, i)) for i, a in enumerate(accounts)]
        t1 = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    every = [x for xs in results.values() for x in xs]
    report = {"obligations": args.obligations, "units": args.units, "users": len(accounts), "workers": args.workers,
              "build_seconds": round(build_s, 1), "wall_seconds": round(wall, 1),
              "requests": len(every), "errors": len(errors), "requests_per_second": round(len(every) / wall, 2),
              "pages": {k: {m: round(v, 1) for m, v in percentiles(xs).items()} for k, xs in results.items() if xs},
              "all": {m: round(v, 1) for m, v in percentiles(every).items()} if every else {},
              "one_user_alone": {m: round(v, 1) for m, v in percentiles(alone[2:]).items()},
              "load_average": round(os.getloadavg()[0], 1)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{args.obligations} obligations, {args.units} units, {len(accounts)} concurrent users, "
              f"{args.workers} worker process(es) "
              f"(store built in {build_s:.1f} s); {len(every)} requests in {wall:.1f} s "
              f"({report['requests_per_second']} req/s), {len(errors)} errors; load average {report['load_average']}")
        print(f"{'page':28} {'n':>4} {'p50':>8} {'p90':>8} {'p95':>8} {'p99':>8} {'max':>8}  (ms)")
        for k, p in (list(report["pages"].items()) + [("all", report["all"])]
                     + [("baseline: 1 user alone", report["one_user_alone"])]):
            print(f"{k:28} {p['n']:>4} {p['p50']:>8} {p['p90']:>8} {p['p95']:>8} {p['p99']:>8} {p['max']:>8}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
