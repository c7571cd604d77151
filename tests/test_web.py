"""The tracker web app over HTTP (FastAPI's test client, no browser): accounts
and sessions, CSRF, who sees what, corrections kept across a re-ingest,
completions leaving the overdue list (web and CLI) and the calendar feed,
the "đã báo cáo" suggestion, escaping, Excel counts, export-gold.
The browser tests are in test_web_browser.py."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from icalendar import Calendar

from web_fixture import PASSWORD, PLAN, REPORT, ROOT, build_store

TODAY = dt.date(2024, 4, 25)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    url, structured = build_store(tmp, with_sample=False)
    return url, structured


@pytest.fixture()
def app(env):
    from tracker.web.app import create_app

    url, structured = env
    return create_app(url, structured_dir=structured, today=lambda: TODAY)


@pytest.fixture()
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def login(client, username: str, password: str = PASSWORD):
    page = client.get("/dang-nhap")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post("/dang-nhap", data={"csrf": token, "ten": username, "mat_khau": password, "tiep": "/viec"},
                       follow_redirects=False)


def csrf_of(client, path: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def rows_of(store_url: str, **kw):
    from tracker.query import select
    from tracker.store import Store

    with Store(store_url) as s:
        return select(s, today=TODAY, **kw).rows


def uid_of(store_url: str, words: str) -> str:
    rows = rows_of(store_url, include_done=True, include_rejected=True)
    (uid,) = {r.ob.uid for r in rows if words in r.ob.action}
    return uid


# --------------------------------------------------------------------------


def test_pages_need_a_login_and_the_session_cookie_is_httponly_and_lax(env, app, client):
    r = client.get("/viec", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/dang-nhap")
    bad = login(client, "tchc", "sai-mat-khau")
    assert bad.status_code == 303 and "loi=" in bad.headers["location"]
    assert "vanban_phien" not in client.cookies
    ok = login(client, "tchc")
    assert ok.status_code == 303 and ok.headers["location"] == "/viec"
    cookie = ok.headers["set-cookie"]
    assert "vanban_phien=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http on localhost
    page = client.get("/viec")
    assert page.status_code == 200 and "Việc của đơn vị tôi" in page.text
    assert "Phòng Tổ chức - Hành chính" in page.text


def test_session_cookie_is_secure_over_https(env):
    from fastapi.testclient import TestClient

    from tracker.web.app import create_app

    url, structured = env
    with TestClient(create_app(url, structured_dir=structured), base_url="https://testserver") as c:
        r = login(c, "tchc")
    assert "Secure" in r.headers["set-cookie"]


def test_the_argon2_hash_is_stored_never_the_password(env):
    import sqlalchemy as sa

    from tracker.store import Store

    with Store(env[0]) as s, s.engine.connect() as conn:
        hashes = conn.execute(sa.text("SELECT password_hash FROM web_users")).scalars().all()
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_a_post_without_the_csrf_token_is_refused(env, client):
    url, _ = env
    login(client, "dieuphoi")
    uid = uid_of(url, "rà soát phương tiện chữa cháy")
    r = client.post(f"/nhiem-vu/{uid}/hoan-thanh", data={"ngay": "20/04/2024"}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post(f"/nhiem-vu/{uid}/hoan-thanh", data={"ngay": "20/04/2024", "csrf": "gia-mao"},
                    follow_redirects=False)
    assert r.status_code == 403
    assert all(row.due.status != "đã hoàn thành" for row in rows_of(url, include_done=True) if row.ob.uid == uid)


def test_a_unit_user_gets_403_on_another_units_item_and_file(env, client):
    url, _ = env
    other = uid_of(url, "cập nhật nội quy")  # Phòng Kế hoạch - Nghiệp vụ
    mine = uid_of(url, "rà soát phương tiện chữa cháy")  # Phòng Tổ chức - Hành chính (lead)
    login(client, "tchc")
    assert client.get(f"/nhiem-vu/{mine}").status_code == 200
    r = client.get(f"/nhiem-vu/{other}")
    assert r.status_code == 403 and "không có quyền" in r.text
    # nor can they close it: the POST is refused before anything is written
    token = csrf_of(client, "/viec")
    assert client.post(f"/nhiem-vu/{other}/hoan-thanh", data={"csrf": token}, follow_redirects=False).status_code == 403
    # their list holds only their unit's items
    page = client.get("/viec").text
    assert "rà soát phương tiện chữa cháy" in page and "cập nhật nội quy" not in page
    # a list filtered by another unit's name still shows only theirs
    assert "cập nhật nội quy" not in client.get("/viec", params={"unit": "Phòng Kế hoạch - Nghiệp vụ"}).text
    # the report of Khoa Dược names no task of theirs: its file is not theirs to open
    import sqlalchemy as sa

    from tracker.store import Store

    with Store(url) as s, s.engine.connect() as conn:
        ids = dict(conn.execute(sa.text("SELECT stem, id FROM documents")).all())
    assert client.get(f"/van-ban/{ids['bao-cao-khoa-duoc']}/tep").status_code == 403
    assert client.get(f"/van-ban/{ids['ke-hoach-15']}/tep").status_code == 200


def test_no_file_outside_the_store_by_url(env, client):
    login(client, "dieuphoi")
    assert client.get("/van-ban/999999/tep").status_code == 404
    for path in ("/tinh/../app.py", "/tinh/..%2fapp.py", "/tinh/%2e%2e/%2e%2e/pyproject.toml", "/van-ban/..%2f..%2fetc/tep"):
        r = client.get(path)
        assert r.status_code in (404, 422) and "create_app" not in r.text and "[project]" not in r.text, path
    plan = client.get("/van-ban/1/tep")
    assert plan.status_code == 200


def test_unit_picker_ignores_case_and_diacritics(env, client):
    login(client, "dieuphoi")
    page = client.get("/viec", params={"unit": "KHOA duoc"}).text
    assert 'id="don-vi-da-chon"' in page and "<strong>Khoa Dược</strong>" in page
    assert "kiểm tra kho thuốc" in page and "cập nhật nội quy" not in page
    miss = client.get("/viec", params={"unit": "khoa duocc"}).text
    assert "Không có đơn vị tên" in miss and "Khoa Dược" in miss  # offered as a suggestion


def test_buckets_and_filters(env, client):
    login(client, "dieuphoi")
    page = client.get("/viec").text
    counts = dict((b, int(n)) for n, b in re.findall(r'<span class="so">(\d+)</span> ([^<]+)</a>', page))
    assert counts["quá hạn"] >= 2 and counts["chưa đến hạn"] >= 1  # as of 25/04/2024
    overdue = client.get("/viec", params={"status": "quá hạn"}).text
    assert "rà soát phương tiện chữa cháy" in overdue and "cập nhật nội quy" not in overdue
    by_role = client.get("/viec", params={"role": "support"}).text
    assert "rà soát phương tiện chữa cháy" in by_role and "cập nhật nội quy" not in by_role
    by_doc = client.get("/viec", params={"document": "15/KH-TTYT", "period": "quy"}).text  # Q2 2024
    assert "cập nhật nội quy" in by_doc and "rà soát phương tiện chữa cháy" not in by_doc


def test_the_source_is_shown_with_the_extracted_words_marked_and_script_as_text(env, client):
    url, _ = env
    login(client, "dieuphoi")
    page = client.get(f"/nhiem-vu/{uid_of(url, 'cập nhật nội quy')}").text
    quote = re.search(r'<blockquote class="trich" id="nguyen-van">(.*?)</blockquote>', page, re.S).group(1)
    assert '<mark class="unit"' in quote and ">Phòng Kế hoạch - Nghiệp vụ</mark>" in quote
    assert '<mark class="deadline"' in quote and ">trước ngày 30/5/2024</mark>" in quote
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert "<script>" not in page
    assert "script-src 'self'" in client.get("/viec").headers["content-security-policy"]
    assert 'href="/van-ban/1/tep"' in page


def test_a_corrected_deadline_is_kept_with_who_and_when_across_a_reingest(env, client):
    from pipeline.assemble import extract_file
    from tracker.store import Store

    url, _ = env
    uid = uid_of(url, "kiểm tra kho thuốc")
    login(client, "rasoat")
    token = csrf_of(client, f"/nhiem-vu/{uid}")
    r = client.post(f"/nhiem-vu/{uid}/sua", data={"csrf": token, "truong": "deadline", "han": "30/06/2024",
                                                  "han_chu": "trước ngày 30/6/2024"}, follow_redirects=False)
    assert r.status_code == 303 and "ok=" in r.headers["location"]
    page = client.get(f"/nhiem-vu/{uid}").text
    assert "30/06/2024" in page and "rasoat" in re.search(r'id="lich-su".*?</table>', page, re.S).group(0)
    # re-ingest: the same document read again, changed elsewhere (its rows are replaced)
    out = extract_file(PLAN, content=False)
    out["source"]["sha256"] = "0" * 64
    out["document"]["subject"] += " (bản sửa)"
    with Store(url) as s:
        assert s.upsert_document(out) is True
    (row,) = [r for r in rows_of(url) if r.ob.uid == uid]
    assert row.ob.deadline_date == "2024-06-30" and row.due.status == "chưa đến hạn"
    # the CLI reads the same store and sees the correction
    from cli.main import main

    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["obligations", "--db", url, "--today", TODAY.isoformat(), "--format", "json",
                     "--unit", "khoa duoc"]) == 0
    by_action = {o["action"]: o for o in json.loads(buf.getvalue())}
    (task,) = [o for a, o in by_action.items() if "kiểm tra kho thuốc" in a]
    assert task["deadline"]["date"] == "2024-06-30" and task["status"] == "chưa đến hạn"


def test_marking_done_leaves_the_overdue_list_the_cli_and_the_calendar_feed(env, client):
    import contextlib

    from cli.main import main

    url, _ = env
    uid = uid_of(url, "rà soát phương tiện chữa cháy")
    login(client, "tchc")
    feed_url = re.search(r'value="(http[^"]+\.ics\?token=[^"]+)"', client.get("/lich").text).group(1)
    feed_path = feed_url.split("testserver", 1)[1]
    before = Calendar.from_ical(client.get(feed_path).content)
    assert uid in [str(e["UID"]) for e in before.walk("VEVENT")]
    assert client.get(feed_path.split("?")[0] + "?token=sai").status_code == 403
    assert uid in client.get("/viec", params={"status": "quá hạn"}).text

    token = csrf_of(client, f"/nhiem-vu/{uid}")
    r = client.post(f"/nhiem-vu/{uid}/hoan-thanh", data={"csrf": token, "ngay": "14/03/2024",
                                                         "ghi_chu": "Đã rà soát xong"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(f"/nhiem-vu/{uid}").text
    assert "Đã hoàn thành ngày 14/03/2024" in page and "Đã rà soát xong" in page
    assert uid not in client.get("/viec", params={"status": "quá hạn"}).text
    assert uid in client.get("/viec", params={"status": "đã hoàn thành"}).text
    after = Calendar.from_ical(client.get(feed_path).content)
    assert uid not in [str(e["UID"]) for e in after.walk("VEVENT")]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["obligations", "--db", url, "--today", TODAY.isoformat(), "--overdue", "--format", "json"]) == 0
    assert uid not in {o["uid"] for o in json.loads(buf.getvalue())}
    # reopened, it is overdue again
    client.post(f"/nhiem-vu/{uid}/mo-lai", data={"csrf": token})
    assert uid in client.get("/viec", params={"status": "quá hạn"}).text


def test_a_report_citing_the_plan_suggests_da_bao_cao_for_a_person_to_confirm(env, client):
    url, _ = env
    uid = uid_of(url, "kiểm tra kho thuốc")  # Khoa Dược's task under 15/KH-TTYT
    login(client, "khoaduoc")
    page = client.get(f"/nhiem-vu/{uid}").text
    assert "Gợi ý: đã báo cáo." in page and "07/BC-KD" in page and "15/KH-TTYT" in page
    assert uid in [r.ob.uid for r in rows_of(url, unit="khoa duoc")]  # nothing changes until confirmed
    token = csrf_of(client, f"/nhiem-vu/{uid}")
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"',
                           re.search(r'id="goi-y">(.*?)</div>', page, re.S).group(1).split("bo-goi-y")[0]))
    form["csrf"] = token
    assert client.post(f"/nhiem-vu/{uid}/hoan-thanh", data=form, follow_redirects=False).status_code == 303
    from tracker import followup
    from tracker.store import Store

    with Store(url) as s:
        done = followup.load(s).done[uid]
    assert done.suggested and done.report_path == str(REPORT) and done.done_on == "2024-04-18"
    assert done.username == "khoaduoc"


def test_rejected_items_leave_the_lists_and_merged_units_are_one(env, client):
    url, _ = env
    login(client, "dieuphoi")
    uid = uid_of(url, "cập nhật nội quy")
    token = csrf_of(client, f"/nhiem-vu/{uid}")
    client.post(f"/nhiem-vu/{uid}/sua", data={"csrf": token, "truong": "review", "gia_tri": "rejected"})
    assert uid not in [r.ob.uid for r in rows_of(url)]
    assert "đã loại" in client.get(f"/nhiem-vu/{uid}").text
    client.post(f"/nhiem-vu/{uid}/sua", data={"csrf": token, "truong": "review", "gia_tri": "confirmed"})
    assert uid in [r.ob.uid for r in rows_of(url)]
    r = client.post("/don-vi/gop", data={"csrf": token, "don_vi": "Phòng Tổ chức - Hành chính",
                                         "gop_voi": "Phòng Kế hoạch - Nghiệp vụ"}, follow_redirects=False)
    assert r.status_code == 303
    units = {u.name for r in rows_of(url, unit="phong to chuc hanh chinh") for u in r.ob.units}
    assert "Phòng Kế hoạch - Nghiệp vụ" in units
    # a reviewer confirms but does not close items
    login(client, "rasoat")
    t3 = csrf_of(client, f"/nhiem-vu/{uid}")
    assert client.post(f"/nhiem-vu/{uid}/hoan-thanh", data={"csrf": t3}, follow_redirects=False).status_code == 403
    assert 'id="nut-hoan-thanh"' not in client.get(f"/nhiem-vu/{uid}").text
    # a staff user may not merge
    login(client, "tchc")
    t2 = csrf_of(client, "/viec")
    assert client.post("/don-vi/gop", data={"csrf": t2, "don_vi": "a", "gop_voi": "b"},
                       follow_redirects=False).status_code == 403
    assert client.get("/xac-nhan").status_code == 403


def test_counts_per_unit_and_status_export_to_excel(env, client):
    from openpyxl import load_workbook

    login(client, "dieuphoi")
    r = client.get("/viec/thong-ke.xlsx", params={"period": "nam"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(r.content))["Thống kê"]
    assert [c.value for c in ws[2]] == ["Đơn vị", "quá hạn", "sắp đến hạn", "chưa đến hạn", "chưa có hạn",
                                        "đã hoàn thành", "Tổng"]
    by_unit = {row[0].value: [c.value for c in row[1:]] for row in ws.iter_rows(min_row=3) if row[0].value}
    assert "Khoa Dược" in by_unit and by_unit["Khoa Dược"][-1] == sum(by_unit["Khoa Dược"][:-1]) >= 1
    assert str(by_unit["Tổng cộng"][0]).startswith("=SUM(")


def test_export_gold_writes_the_corrected_document_in_the_gold_format(env, client, tmp_path):
    from cli.main import main
    from pipeline.evaluate import gold_deadlines

    url, _ = env
    login(client, "rasoat")
    uid = uid_of(url, "cập nhật nội quy")
    token = csrf_of(client, f"/nhiem-vu/{uid}")
    client.post(f"/nhiem-vu/{uid}/sua", data={"csrf": token, "truong": "units", "don_vi_0": "Phòng Kế hoạch - Nghiệp vụ",
                                              "vai_tro_0": "lead", "don_vi_1": "Phòng Điều dưỡng", "vai_tro_1": "support"})
    other = uid_of(url, "kiểm tra kho thuốc")
    client.post(f"/nhiem-vu/{other}/sua", data={"csrf": token, "truong": "deadline", "han": "30/06/2024"})
    out = tmp_path / "gold.json"
    assert main(["export-gold", "15/KH-TTYT", "--db", url, "--out", str(out)]) == 0
    gold = json.loads(out.read_text(encoding="utf-8"))
    real = json.loads(next((ROOT / "tests" / "gold" / "real").glob("*CCHC năm 2025.json")).read_text(encoding="utf-8"))
    assert set(gold) == set(real)  # the same keys as a hand-written gold file
    assert set(gold["document"]) <= set(real["document"]) | {"parent_issuer", "id"}
    assert gold["file"] == "ke-hoach-15.txt" and gold["document"]["id"] == "15/KH-TTYT"
    dates = {d["date"] for d in gold_deadlines(gold)}
    assert "2024-06-30" in dates and "2024-04-20" not in dates  # the corrected deadline, not the extracted one
    (a,) = [a for a in gold["assignments"] if "cập nhật nội quy" in a["action"]]
    assert a["units_lead"] == ["Phòng Kế hoạch - Nghiệp vụ"] and a["units_support"] == ["Phòng Điều dưỡng"]
    assert "Phòng Điều dưỡng" in gold["units"]
    assert main(["export-gold", "99/KH-KHONGCO", "--db", url]) == 1


def test_user_add_command(env, monkeypatch, capsys):
    from cli.main import main
    from tracker.store import Store
    from tracker.web.accounts import authenticate

    url, _ = env
    monkeypatch.setenv("VB_PW", "mot-mat-khau-dai")
    assert main(["user", "add", "moi", "--role", "staff", "--unit", "Khoa Dược", "--password-env", "VB_PW",
                 "--db", url]) == 0
    assert main(["user", "add", "moi", "--role", "staff", "--unit", "Khoa Dược", "--password-env", "VB_PW",
                 "--db", url]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["user", "add", "khongdonvi", "--role", "staff", "--password-env", "VB_PW", "--db", url]) == 2
    with Store(url) as s:
        u = authenticate(s, "moi", "mot-mat-khau-dai")
        assert u is not None and u.unit == "Khoa Dược" and authenticate(s, "moi", "sai") is None


def test_period_bounds_and_unit_slug():
    from tracker.web.app import period_bounds, unit_slug

    d = dt.date(2024, 11, 5)
    assert period_bounds("thang", d) == (dt.date(2024, 11, 1), dt.date(2024, 11, 30))
    assert period_bounds("quy", d) == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    assert period_bounds("quy", dt.date(2024, 2, 29)) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert period_bounds("6thang", d) == (dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    assert period_bounds("", d) == (None, None)
    assert unit_slug("Phòng TC-HC") == "phong-tc-hc"


# --------------------------------------------------------------------------
# The same on PostgreSQL (when tools/start_postgres.sh runs, as in `make test`)
# --------------------------------------------------------------------------

PG_URL = __import__("os").environ.get("VANBAN_TEST_PG_URL")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="VANBAN_TEST_PG_URL not set (run: eval \"$(bash tools/start_postgres.sh)\")"))])
def test_accounts_corrections_and_completions_on_each_backend(backend, tmp_path):
    import uuid

    import sqlalchemy as sa

    from pipeline.assemble import extract_file
    from tracker import followup
    from tracker.query import select
    from tracker.store import Store
    from tracker.web import accounts

    if backend == "sqlite":
        url, name = f"sqlite:///{tmp_path / 'v.sqlite'}", None
    else:
        base = sa.engine.make_url(PG_URL)
        name = "vanban_w_" + uuid.uuid4().hex[:12]
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
        admin.dispose()
        url = base.set(database=name).render_as_string(hide_password=False)
    try:
        with Store(url) as s:
            s.upsert_document(extract_file(PLAN, content=False))
            u = accounts.add_user(s, "a", PASSWORD, role="coordinator")
            token = accounts.open_session(s, u)
            assert accounts.session_of(s, token).user.username == "a"
            accounts.close_session(s, token)
            assert accounts.session_of(s, token) is None
            rows = select(s, today=TODAY).rows
            (ob,) = [r.ob for r in rows if "kiểm tra kho thuốc" in r.ob.action]
            followup.add_correction(s, ob, "deadline", {"date": "2024-06-30", "text": None}, "a")
            followup.mark_done(s, ob, done_on=TODAY, note="xong", username="a")
            assert followup.feed_token(s, "Khoa Dược") == followup.feed_token(s, "khoa duoc")
            follow = followup.load(s)
            assert follow.done[ob.uid].note == "xong"
            assert ob.uid not in {r.ob.uid for r in select(s, today=TODAY).rows}
            (again,) = [r for r in select(s, today=TODAY, include_done=True).rows if r.ob.uid == ob.uid]
            assert again.ob.deadline_date == "2024-06-30" and again.due.status == followup.DONE
    finally:
        if name:
            admin = sa.create_engine(sa.engine.make_url(PG_URL), isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


def test_period_of_deadlines_for_gold():
    from tracker.gold_export import period_of

    assert period_of({"date": "2026-06-30", "kind": "quarter"}) == "2026-Q2"
    assert period_of({"date": "2026-04-30", "kind": "month"}) == "2026-04"
    assert period_of({"date": "2026-04-30", "kind": "date"}) is None


def test_a_reviewer_confirms_corrects_or_rejects_a_cited_reference(env, client, tmp_path):
    from cli.main import main

    url, _ = env
    login(client, "rasoat")
    page = client.get("/xac-nhan", params={"van_ban": "07/BC-KD"}).text
    assert 'id="tham-chieu"' in page and "15/KH-TTYT" in page
    token = csrf_of(client, "/xac-nhan")
    r = client.post("/van-ban/tham-chieu", data={"csrf": token, "van_ban": "07/BC-KD", "ref_id": "15/KH-TTYT",
                                                 "gia_tri": "confirmed", "ngay": "06/01/2024", "co_quan": ""},
                    follow_redirects=False)
    assert r.status_code == 303 and "ok=" in r.headers["location"]
    assert "06/01/2024" in client.get("/xac-nhan", params={"van_ban": "07/BC-KD"}).text
    out = tmp_path / "bc.json"
    assert main(["export-gold", "07/BC-KD", "--db", url, "--out", str(out)]) == 0
    (ref,) = json.loads(out.read_text(encoding="utf-8"))["references"]
    assert ref["id"] == "15/KH-TTYT" and ref["date"] == "2024-01-06"
    client.post("/van-ban/tham-chieu", data={"csrf": token, "van_ban": "07/BC-KD", "ref_id": "15/KH-TTYT",
                                             "gia_tri": "rejected"})
    assert main(["export-gold", "07/BC-KD", "--db", url, "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["references"] == []
    assert client.post("/van-ban/tham-chieu", data={"csrf": token, "van_ban": "07/BC-KD", "ref_id": "1/KHONG-CO",
                                                    "gia_tri": "rejected"}).status_code == 404
    # while rejected, the report suggests nothing; confirmed again, it does
    uid = uid_of(url, "kiểm tra kho thuốc")
    from tracker import followup
    from tracker.store import Store

    with Store(url) as s:
        follow = followup.load(s)
        follow.done.pop(uid, None)
        ob = next(r.ob for r in rows_of(url, include_done=True) if r.ob.uid == uid)
        assert followup.suggestions(s, [ob], follow) == {}
        client.post("/van-ban/tham-chieu", data={"csrf": token, "van_ban": "07/BC-KD", "ref_id": "15/KH-TTYT",
                                                 "gia_tri": "confirmed"})
        follow = followup.load(s)
        follow.done.pop(uid, None)
        assert [sg.report_label for sg in followup.suggestions(s, [ob], follow)[uid]] == ["Báo cáo 07/BC-KD ngày 18/04/2024"]


def test_the_app_a_worker_process_builds_from_the_environment(env, monkeypatch):
    from fastapi.testclient import TestClient

    from tracker.web.app import app_from_env

    url, structured = env
    monkeypatch.setenv("VANBAN_DB_URL", url)
    monkeypatch.setenv("VANBAN_WEB_STRUCTURED", str(structured))
    monkeypatch.setenv("VANBAN_WEB_HTTPS", "1")
    with TestClient(app_from_env(), base_url="https://testserver") as c:
        r = login(c, "tchc")
    assert r.status_code == 303 and "Secure" in r.headers["set-cookie"]
