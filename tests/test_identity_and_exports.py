"""Issue 12: identities that hold (a moved deadline keeps its calendar UID),
honest dates (no day invented from the plan's own date or 1 January), units
and their aliases, files and errors, and the clerk's spreadsheets — on the
real seed documents."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from icalendar import Calendar

from conftest import SEEDS
from pipeline.assemble import extract_file
from cli.main import main
from tracker.reminders import export
from tracker.store import Store, obligation_uids

DV_KHEO = "004_4f1c6b8dfc0f85d2"  # Kế hoạch 799/KH-SYT of 31/3/2020: "trước ngày 15/10/2020", "Định kỳ 6 tháng, một năm"


def _events(path) -> list:
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


@pytest.fixture
def plan(tmp_path):
    src = tmp_path / "ke_hoach.txt"
    shutil.copy(SEEDS / f"{DV_KHEO}.txt", src)
    return src


# -- 1. a moved deadline keeps the UID and raises SEQUENCE ---------------------------------------


def test_moved_deadline_keeps_uid_and_raises_sequence(plan, tmp_path):
    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    out = tmp_path / "han.ics"
    with Store(url) as s:
        assert s.upsert_document(extract_file(plan, content=False))
    export(out, db_url=url, today=dt.date(2020, 9, 1))
    (before,) = [e for e in _events(out) if e.decoded("DTSTART") == dt.date(2020, 10, 15)]
    assert "15/10/2020" in str(before["SUMMARY"])  # the action quotes its deadline
    assert int(before["SEQUENCE"]) == 0

    text = plan.read_text(encoding="utf-8")
    assert text.count("trước ngày 15/10/2020") == 1
    plan.write_text(text.replace("trước ngày 15/10/2020", "trước ngày 20/10/2020"), encoding="utf-8")
    with Store(url) as s:
        assert s.upsert_document(extract_file(plan, content=False))
    export(out, db_url=url, today=dt.date(2020, 9, 1))
    events = _events(out)
    same = [e for e in events if str(e["UID"]) == str(before["UID"])]
    assert len(same) == 1, "one VEVENT for the obligation, not a duplicate"
    (after,) = same
    assert after.decoded("DTSTART") == dt.date(2020, 10, 20) and int(after["SEQUENCE"]) == 1
    assert not any(e.decoded("DTSTART") == dt.date(2020, 10, 15) for e in events)
    assert len(events) == len({str(e["UID"]) for e in events})


def test_an_index_with_uids_of_an_older_rule_is_rewritten(plan, tmp_path):
    """An index built when UIDs hashed the dates in the action gets today's UIDs at the next
    ingest of the unchanged file, so that the first deadline move after the upgrade keeps them."""
    import sqlalchemy as sa

    from tracker import store as store_mod

    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    doc = extract_file(plan, content=False)
    with Store(url) as s:
        assert s.upsert_document(doc)
        with s.engine.begin() as c:
            c.execute(store_mod.obligations.update().where(store_mod.obligations.c.ordinal == 0)
                      .values(uid="old-rule@vanban"))
        assert s.upsert_document(doc) is True
        assert [o.uid for o in s.obligations()] == obligation_uids(doc)
        assert s.upsert_document(doc) is False  # unchanged: skipped again
        with s.engine.begin() as c:
            assert c.execute(sa.select(sa.func.count()).select_from(store_mod.obligations)).scalar() == len(doc["obligations"])


def test_uids_ignore_dates_quoted_in_the_action():
    doc = extract_file(SEEDS / f"{DV_KHEO}.txt", content=False)
    moved = extract_file(SEEDS / f"{DV_KHEO}.txt", content=False)
    ob = next(o for o in moved["obligations"] if (o.get("deadline") or {}).get("date") == "2020-10-15")
    ob["action"] = ob["action"].replace("15/10/2020", "20/10/2020")
    ob["deadline"] = {**ob["deadline"], "date": "2020-10-20", "text": "trước ngày 20/10/2020"}
    assert obligation_uids(doc) == obligation_uids(moved)
    # another task is another identity
    ob["action"] = ob["action"].replace("báo cáo", "tổng kết")
    assert obligation_uids(doc) != obligation_uids(moved)


# -- 2. no invented dates ----------------------------------------------------------------------------


def test_six_monthly_report_follows_decree_09_2019_not_the_plan_date(plan, tmp_path):
    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    with Store(url) as s:
        s.upsert_document(extract_file(plan, content=False))
    out = tmp_path / "han.ics"
    export(out, db_url=url, today=dt.date(2020, 9, 1))
    (rec,) = [e for e in _events(out) if "RRULE" in e]
    start = rec.decoded("DTSTART")
    assert start == dt.date(2020, 6, 14), "the first 6-month period of 2020 closes on 14/6 (NĐ 09/2019, Điều 12)"
    rule = rec["RRULE"]
    assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [6, 12] and rule["BYMONTHDAY"] == [14]
    from dateutil.rrule import rrulestr

    dates = list(rrulestr(rec["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time())))[:4]
    assert [d.date() for d in dates] == [dt.date(2020, 6, 14), dt.date(2020, 12, 14),
                                         dt.date(2021, 6, 14), dt.date(2021, 12, 14)]
    assert not any(d.month in (3, 9) and d.day in (30, 31) for d in dates)  # never 31/3, 30/9 from the plan date
    assert str(rec["SUMMARY"]).startswith("Hạn (ước tính):")
    assert "Ngày ước tính" in str(rec["DESCRIPTION"]) and "Nghị định 09/2019/NĐ-CP" in str(rec["DESCRIPTION"])
    # the spreadsheet says it too, and the table the clerk reads
    import csv

    export(tmp_path / "han.csv", db_url=url, today=dt.date(2020, 9, 1))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "han.csv").read_text(encoding="utf-8-sig"))))
    assert [r["Start Date"] for r in rows if r["Recurrence"]] == ["2020-12-14", "2021-06-14"]
    assert all(r["Estimated"].startswith("Ngày ước tính") for r in rows if r["Recurrence"])
    assert all(r["Estimated"] == "" for r in rows if not r["Recurrence"])
    from tracker.query import format_table, select

    with Store(url) as s:
        table = format_table(select(s, today=dt.date(2020, 9, 1), aliases=[]).rows)
    block = table.split("14/12/2020", 1)[1].split("\n\n", 1)[0]  # the recurring report's lines
    assert "(hạn ước" in block and "tính)" in block


def test_undated_plan_never_falls_back_to_1_january(plan, tmp_path):
    from tracker import status as st

    doc = extract_file(plan, content=False)
    doc["document"]["date"] = None
    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    with Store(url) as s:
        s.upsert_document(doc)
    out = tmp_path / "han.ics"
    export(out, db_url=url, today=dt.date(2024, 5, 2))
    starts = {e.decoded("DTSTART") for e in _events(out)}
    assert all((d.month, d.day) != (1, 1) for d in starts), starts
    assert dt.date(2024, 6, 14) in starts
    # pure rules: a yearly task with no date at all is due at the end of the year, estimated;
    # a weekly one without a weekday: the week's last working day, estimated; every other week with
    # neither a weekday nor a document date has no date to give (which week is unknown)
    due = st.due_of(deadline_date=None, rrule="FREQ=YEARLY", document_date=None, today=dt.date(2024, 5, 2))
    assert due.date == dt.date(2024, 12, 31) and due.estimated
    due = st.due_of(deadline_date=None, rrule="FREQ=WEEKLY", document_date=None, today=dt.date(2024, 5, 2))
    assert due.date == dt.date(2024, 5, 3) and due.date.weekday() == 4 and "thứ Sáu" in due.estimated
    due = st.due_of(deadline_date=None, rrule="FREQ=WEEKLY;INTERVAL=2", document_date=None, today=dt.date(2024, 5, 2))
    assert due.date is None and due.status == st.NO_DEADLINE
    # a rule that names its day runs on that day from the plan, not on the plan's own date
    sched = st.schedule_of("FREQ=MONTHLY;BYMONTHDAY=25", deadline_date=None, document_date="2020-03-31",
                           report=True, today=dt.date(2020, 4, 1))
    assert sched.start == dt.date(2020, 4, 25) and sched.estimated is None
    # quarterly report: 14/3, 14/6, 14/9, 14/12; a quarterly non-report task: the quarter's last day
    q = st.schedule_of("FREQ=MONTHLY;INTERVAL=3", deadline_date=None, document_date="2020-03-31", report=True,
                       today=dt.date(2020, 4, 1))
    assert q.start == dt.date(2020, 6, 14) and q.estimated
    q = st.schedule_of("FREQ=MONTHLY;INTERVAL=3", deadline_date=None, document_date="2020-03-31", report=False,
                       today=dt.date(2020, 4, 1))
    assert q.start == dt.date(2020, 3, 31) and q.rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"


def test_reminders_from_leaves_out_old_deadlines(plan, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'index.sqlite'}"
    with Store(url) as s:
        s.upsert_document(extract_file(plan, content=False))
    out = tmp_path / "han.ics"
    assert main(["reminders", "--db", url, "--out", str(out), "--today", "2020-09-01"]) == 0
    all_starts = sorted(e.decoded("DTSTART") for e in _events(out))
    assert dt.date(2020, 10, 15) in all_starts
    assert main(["reminders", "--db", url, "--out", str(out), "--today", "2020-09-01", "--from", "16/10/2020"]) == 0
    events = _events(out)
    assert all(e.decoded("DTSTART") >= dt.date(2020, 10, 16) for e in events)
    assert not any(e.decoded("DTSTART") == dt.date(2020, 10, 15) for e in events)
    (rec,) = [e for e in events if "RRULE" in e]
    assert rec.decoded("DTSTART") == dt.date(2020, 12, 14)  # the series goes on from its next occurrence
    capsys.readouterr()
    assert main(["reminders", "--db", url, "--out", str(out), "--from", "32/13/2020"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vanban: --from: not a date") and err.count("\n") == 1


# -- 3. units and the clerk's alias file (real seed documents) ----------------------------------------


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory):
    """The five seed plans as ingested from data/raw (each as .docx and .txt)."""
    from conftest import RAW

    url = f"sqlite:///{tmp_path_factory.mktemp('seedidx') / 'index.sqlite'}"
    with Store(url) as s:
        for f in sorted(RAW.glob("*.docx")) + sorted(RAW.glob("*.txt")):
            s.upsert_document(extract_file(f, content=False))
    return url


def _uids(url, unit, aliases=None):
    from tracker.query import select

    with Store(url) as s:
        res = select(s, unit=unit, today=dt.date(2023, 11, 8), aliases=aliases if aliases is not None else [])
    return res, {r.ob.uid for r in res.rows}


def test_every_way_of_writing_tc_hc_gives_the_same_items(seed_index):
    from core.textutil import fold

    with Store(seed_index) as s:
        expected = {o.uid for o in s.obligations()
                    if any(fold(u.name).startswith("phong to chuc-hanh chinh") for u in o.units)}
    names = {fold(u.name) for u in _uids(seed_index, "TC-HC")[0].units}
    assert names == {"phong to chuc-hanh chinh", "phong to chuc-hanh chinh-tai chinh-ke toan"}
    assert len(expected) > 16  # the merged "Phòng TC-HC-TC-KT" is counted (16 without it)
    for query in ("TC-HC", "phong tc-hc", "P.TCHC", "p. tc - hc", "Phòng Tổ chức - Hành chính",
                  "phong to chuc hanh chinh"):
        assert _uids(seed_index, query)[1] == expected, query


def test_alias_file_merges_units(seed_index, tmp_path, capsys):
    from tracker.unit_aliases import AliasFileError, load_aliases, parse_aliases

    alias_file = tmp_path / "ten_don_vi.txt"
    alias_file.write_text("# đơn vị gộp tay\nCông đoàn Trung tâm Y tế = Công đoàn cơ sở; CĐCS\n"
                          "Ban giám đốc = Lãnh đạo Trung tâm  # cách gọi khác\n", encoding="utf-8")
    groups = load_aliases(alias_file)
    assert [g.name for g in groups] == ["Công đoàn Trung tâm Y tế", "Ban giám đốc"]
    alone = _uids(seed_index, "Công đoàn Trung tâm Y tế")[1]
    grassroots = _uids(seed_index, "Công đoàn cơ sở")[1]
    assert alone and grassroots and alone != grassroots
    for q in ("Công đoàn cơ sở", "cdcs", "cong doan trung tam y te"):
        assert _uids(seed_index, q, groups)[1] == alone | grassroots, q
    assert _uids(seed_index, "lanh dao trung tam", groups)[1] == _uids(seed_index, "Ban giám đốc")[1]
    assert not _uids(seed_index, "lanh dao trung tam")[0].units  # only the alias file knows this name

    # the command lists them merged; --unit follows the file named by VANBAN_UNIT_ALIASES
    assert main(["units", "--db", seed_index, "--aliases", str(alias_file), "--format", "json"]) == 0
    listed = {e["name"]: e for e in __import__("json").loads(capsys.readouterr().out)}
    union = listed["Công đoàn Trung tâm Y tế"]
    assert union["merged_by_file"] and "Công đoàn cơ sở" in union["aliases"] and "CĐCS" in union["aliases"]
    assert union["obligations"] == len(alone | grassroots) and "Công đoàn cơ sở" not in listed
    tchc = listed["Phòng Tổ chức - Hành chính"]
    assert "Phòng TC-HC" in tchc["aliases"]
    assert tchc["includes"] == ["Phòng Tổ chức - Hành chính - Tài chính - Kế toán"]

    with pytest.raises(AliasFileError, match="line 2"):
        parse_aliases("A = B\nno equals sign here\n")
    with pytest.raises(AliasFileError, match="already merged on line 1"):
        parse_aliases("A = B\nC = b\n")
    assert main(["units", "--db", seed_index, "--aliases", str(tmp_path / "none.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vanban: cannot read the alias file") and err.count("\n") == 1


def test_units_table_lists_aliases(seed_index, capsys):
    assert main(["units", "--db", seed_index, "--aliases", ""]) == 0
    out = capsys.readouterr().out
    block = out.split("Phòng Tổ chức - Hành chính — ", 1)[1].split("\n")
    assert block[1] == "    = Phòng TC-HC"
    assert block[2] == "    + gồm cả: Phòng Tổ chức - Hành chính - Tài chính - Kế toán"
    assert out.rstrip().splitlines()[-1].split(" ")[0].isdigit()


# -- 4. files and errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["obligations"], ["units"], ["reminders", "--out", "OUT"]])
def test_unreachable_database_is_one_line(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VANBAN_DB_URL", "postgresql://clerk:s3cret@127.0.0.1:1/vanban")  # nothing listens on port 1
    argv = [str(tmp_path / "han.ics") if a == "OUT" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "s3cret" not in err, err
    assert err.startswith("vanban: cannot open the index database postgresql://clerk:***@127.0.0.1:1/vanban: "
                          "OperationalError: ")


def test_outputs_follow_the_umask(seed_index, tmp_path):
    import os
    import stat

    from core.io import write_bytes_atomic

    old = os.umask(0o022)
    try:
        write_bytes_atomic(tmp_path / "a.json", b"{}")
        assert main(["obligations", "--db", seed_index, "--out", str(tmp_path / "n.xlsx")]) == 0
        assert main(["reminders", "--db", seed_index, "--out", str(tmp_path / "n.ics")]) == 0
        for name in ("a.json", "n.xlsx", "n.ics"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
        os.umask(0o077)
        write_bytes_atomic(tmp_path / "b.json", b"{}")
        assert stat.S_IMODE((tmp_path / "b.json").stat().st_mode) == 0o600
        os.umask(0o002)
        write_bytes_atomic(tmp_path / "a.json", b"[]")  # replacing a file: the umask again, not the old mode
        assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o664
    finally:
        os.umask(old)
    assert not list(tmp_path.glob(".*.tmp"))


def test_csv_semicolon_for_vietnamese_excel(seed_index, tmp_path):
    import csv

    for argv in (["obligations", "--unit", "TC-HC", "--out", str(tmp_path / "a.csv")],
                 ["obligations", "--counts", "--format", "csv", "--out", str(tmp_path / "b.csv")],
                 ["reminders", "--out", str(tmp_path / "c.csv")]):
        assert main([*argv, "--db", seed_index]) == 0
        comma = (tmp_path / argv[-1].rsplit("/", 1)[-1]).read_text(encoding="utf-8-sig")
        assert main([*argv, "--db", seed_index, "--csv-delimiter", "semicolon"]) == 0
        semi = (tmp_path / argv[-1].rsplit("/", 1)[-1]).read_text(encoding="utf-8-sig")
        assert semi.splitlines()[0].count(";") >= 4 and "," not in semi.splitlines()[0]
        assert list(csv.reader(io.StringIO(semi), delimiter=";")) == list(csv.reader(io.StringIO(comma)))


# -- 5. spreadsheets as the clerk opens and prints them (LibreOffice Calc, headless) -------------------


def _soffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice Calc and poppler-utils are needed to render the sheets")
    return soffice


def _convert(xlsx, tmp_path, target: str):
    """LibreOffice's own conversion of ``xlsx`` (``pdf``, or a CSV filter for every sheet);
    its files in a fresh folder."""
    import subprocess

    outdir = tmp_path / f"lo_{xlsx.stem}_{target[:3]}"
    outdir.mkdir()
    subprocess.run([_soffice(), f"-env:UserInstallation=file://{tmp_path}/lo_profile", "--headless",
                    "--convert-to", target, "--outdir", str(outdir), str(xlsx)],
                   check=True, capture_output=True, timeout=240)
    return outdir


def _pdf_of(xlsx, tmp_path):
    (pdf,) = _convert(xlsx, tmp_path, "pdf").glob("*.pdf")
    return pdf


def _png_pages(pdf):
    import subprocess

    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)
    return sorted(pdf.parent.glob(f"{pdf.stem}*.png"))


def _pages(pdf) -> list[tuple[float, float, list[tuple[float, float, float, float]]]]:
    """Each page's size and the boxes of its text lines (pdftotext -bbox-layout)."""
    import re
    import subprocess

    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    out = []
    for page in xml.split("<page ")[1:]:
        w, h = (float(x) for x in re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        boxes = [tuple(float(x) for x in m) for m in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', page)]
        out.append((w, h, boxes))
    return out


def _overlapping_lines(pdf) -> int:
    """Pairs of text lines printed over each other: the text of a row that runs into the next row.
    (Lines of one paragraph touch by a point or two — the accents — which is not counted.)"""
    n = 0
    for _w, _h, boxes in _pages(pdf):
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 3 and b[1] < a[3] - 3:
                    n += 1
    return n


def test_obligations_xlsx_for_the_clerk(seed_index, tmp_path, capsys):
    import csv
    import json

    from openpyxl import load_workbook

    out = tmp_path / "nhiem_vu.xlsx"
    assert main(["obligations", "--db", seed_index, "--unit", "TC-HC", "--out", str(out)]) == 0
    assert main(["obligations", "--db", seed_index, "--unit", "TC-HC", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    wb = load_workbook(out)
    ws = wb["Nhiệm vụ"]
    heads = [c.value for c in ws[1]]
    assert heads[:10] == ["STT", "Hạn", "Trạng thái", "Còn (ngày)", "Đơn vị", "Nhiệm vụ",
                          "Thời hạn, định kỳ (theo văn bản)", "Báo cáo về", "Văn bản, vị trí", "Ghi chú về hạn"]
    assert ws.max_row == len(listed) + 1
    for r in range(2, ws.max_row + 1):
        assert ws[f"C{r}"].data_type == "f" and "TODAY()" in ws[f"C{r}"].value
        assert ws[f"D{r}"].value == f'=IF(B{r}="","",B{r}-TODAY())'
        assert ws.row_dimensions[r].height >= 15
    rules = [rule for rng in ws.conditional_formatting for rule in rng.rules]
    red = next(rule for rule in rules if "<TODAY()" in rule.formula[0])
    assert red.dxf.fill.fgColor.rgb.endswith("FFC7CE")
    ps = ws.page_setup
    assert ps.orientation == "landscape" and ps.fitToWidth == 1 and ps.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$1:$1"

    # as LibreOffice computes it today: statuses and days left from TODAY(), counts per unit from the first sheet
    today = dt.date.today()
    csv_dir = _convert(out, tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
    (tasks_csv,) = csv_dir.glob("*Nhiệm vụ*.csv")
    (stats_csv,) = csv_dir.glob("*Thống kê*.csv")
    computed = list(csv.DictReader(tasks_csv.open(encoding="utf-8")))
    by_uid = {r["UID"]: r for r in computed}
    for item in listed:
        row = by_uid[item["uid"]]
        if item["due"]:
            due = dt.date.fromisoformat(item["due"])
            assert int(row["Còn (ngày)"]) == (due - today).days
            assert row["Trạng thái"] == ("quá hạn" if due < today else "sắp đến hạn" if (due - today).days <= 5
                                         else "chưa đến hạn")
        else:
            assert row["Trạng thái"] == "chưa có hạn" and row["Còn (ngày)"] == ""
    stats = {r["Đơn vị"]: r for r in csv.DictReader(stats_csv.open(encoding="utf-8"))}
    assert main(["obligations", "--db", seed_index, "--unit", "TC-HC", "--counts", "--format", "json"]) == 0
    for r in json.loads(capsys.readouterr().out):
        assert {k: int(v) for k, v in stats[r["unit"]].items() if k != "Đơn vị"} == \
            {**{s: r[s] for s in ("quá hạn", "sắp đến hạn", "chưa đến hạn", "chưa có hạn")}, "Tổng": r["total"]}

    # printed: A4 landscape, every column on the page width, no row running into the next
    pdf = _pdf_of(out, tmp_path)
    pages = _pages(pdf)
    assert all(w > h for w, h, _ in pages) and 1 < len(pages) < len(listed) // 2
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    printed = [t for t in text.split("\f") if t.strip()]
    assert len(printed) == len(pages)
    *tasks, counts_page = printed  # the tasks, then the counts sheet
    assert all("STT" in t and "Trạng thái" in t for t in tasks)  # the header row on every page
    assert "STT" not in counts_page and "Tổng" in counts_page
    assert "UID" not in text and "Trích nguyên văn" not in text  # the print area stops at "Ghi chú về hạn"
    assert _overlapping_lines(pdf) == 0
    pngs = _png_pages(pdf)
    assert len(pngs) == len(pages) and all(p.stat().st_size > 10_000 for p in pngs)


def test_scoresheet_rows_do_not_overlap_in_calc(tmp_path):
    from openpyxl import load_workbook

    from conftest import RAW
    from tracker.scoresheet import HEADER_ROW, criteria_of_file, write_scoresheet

    criteria, total, source = criteria_of_file(RAW / "003_2905d9845fe8b394.docx")
    out = write_scoresheet(criteria, tmp_path / "cham_diem.xlsx", source=source, total=total)
    ws = load_workbook(out).active
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    pdf = _pdf_of(out, tmp_path)
    assert all(w > h for w, h, _ in _pages(pdf))
    assert _overlapping_lines(pdf) == 0
    assert _png_pages(pdf)
    # the check sees the defect: the same sheet without row heights overlaps in Calc
    wb = load_workbook(out)
    for r in range(1, wb.active.max_row + 1):
        wb.active.row_dimensions[r].height = None
    bare = tmp_path / "bare.xlsx"
    wb.save(bare)
    assert _overlapping_lines(_pdf_of(bare, tmp_path)) > 50
