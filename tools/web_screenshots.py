"""Screenshots of the tracker web app for the README (docs/web-*.png): a
temporary store filled by extracting sample documents (data/raw and
tests/web), the app served by uvicorn on a loopback port, Debian's chromium
driven by Selenium.

    .venv/bin/python tools/web_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DOCS = [ROOT / "data/raw/001_d7b8ee2fe133437a.docx", ROOT / "data/raw/004_4f1c6b8dfc0f85d2.docx",
        ROOT / "tests/web/ke-hoach-15.txt", ROOT / "tests/web/bao-cao-khoa-duoc.txt"]
PASSWORD = "mat-khau-anh-chup"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs"))
    ap.add_argument("--today", default="2024-04-25", help="the date the statuses are computed for")
    args = ap.parse_args(argv)
    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from pipeline.assemble import extract_file
    from tracker.store import Store
    from tracker.web.accounts import add_user
    from tracker.web.app import create_app

    tmp = Path(tempfile.mkdtemp(prefix="vanban-shots-"))
    url = f"sqlite:///{tmp / 'vanban.sqlite'}"
    structured = tmp / "structured"
    structured.mkdir()
    with Store(url) as store:
        for f in DOCS:
            out = extract_file(f, content=True)
            out["source"]["path"] = str(f.relative_to(ROOT))
            (structured / f"{f.stem}.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
            store.upsert_document(out)
        add_user(store, "dieuphoi", PASSWORD, role="coordinator", full_name="Lê Thị Điều Phối")
        add_user(store, "tchc", PASSWORD, role="staff", unit="Phòng Tổ chức - Hành chính", full_name="Nguyễn Văn Hành")
    today = dt.date.fromisoformat(args.today)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(url, structured_dir=structured, today=lambda: today),
                                        host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    profile = tempfile.mkdtemp(prefix="vanban-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
              f"--user-data-dir={profile}", "--window-size=1360,1000", "--lang=vi", "--hide-scrollbars"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def login(name: str) -> None:
        driver.delete_all_cookies()
        driver.get(base + "/dang-nhap")
        driver.find_element(By.ID, "ten").send_keys(name)
        driver.find_element(By.ID, "mat_khau").send_keys(PASSWORD)
        driver.find_element(By.ID, "nut-dang-nhap").click()
        time.sleep(0.5)

    def shot(name: str, height: int) -> None:
        driver.set_window_size(1360, height)
        time.sleep(0.3)
        driver.save_screenshot(str(out / name))
        print(out / name)

    try:
        login("dieuphoi")
        driver.get(base + "/viec?unit=" + "phong to chuc hanh chinh")
        shot("web-viec.png", 1150)
        with Store(url) as s:
            from tracker.query import select

            (uid,) = [r.ob.uid for r in select(s, unit="khoa duoc", today=today).rows
                      if "kiểm tra kho thuốc" in r.ob.action]
        driver.get(f"{base}/nhiem-vu/{uid}")
        shot("web-nhiem-vu.png", 1500)
        login("tchc")
        driver.get(base + "/lich")
        shot("web-lich.png", 560)
    finally:
        driver.quit()
        srv.should_exit = True
        th.join(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
