"""``vanban reminders``: RFC 5545 calendars read back with ``icalendar``
(UID, SEQUENCE, all-day dates, VALARM, RRULE, the extra "Nhắc hạn" events,
VTODO) and the CSV for spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar

from cli.main import main
from tracker.reminders import export
from tracker.store import Store
from test_store import _ob, _unit, db_url, district_doc, plan_doc  # noqa: F401  (db_url is a fixture)

TODAY = dt.date(2023, 11, 8)


@pytest.fixture
def loaded(db_url):  # noqa: F811
    with Store(db_url) as s:
        s.upsert_document(plan_doc())
        s.upsert_document(district_doc())
    return db_url


def _read(path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _by_summary(cal: Calendar, comp="VEVENT") -> dict[str, object]:
    return {str(c["SUMMARY"]): c for c in cal.walk(comp)}


def test_ics_round_trip(loaded, tmp_path):
    out = tmp_path / "han.ics"
    res = export(out, db_url=loaded, today=TODAY, days_before=3)
    assert (res.reminders, res.undated) == (5, 1)
    cal = _read(out)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]).startswith("-//vanban//")
    events = cal.walk("VEVENT")
    assert len(events) == 5 and len({str(e["UID"]) for e in events}) == 5
    ev = next(e for e in events if e.decoded("DTSTART") == dt.date(2023, 11, 10))
    assert isinstance(ev.decoded("DTSTART"), dt.date) and not isinstance(ev.decoded("DTSTART"), dt.datetime)
    assert ev.decoded("DTEND") == dt.date(2023, 11, 11)
    assert int(ev["SEQUENCE"]) == 0 and str(ev["UID"]).endswith("@vanban")
    desc = str(ev["DESCRIPTION"])
    assert "Đơn vị: Phòng Tổ chức - Hành chính - Tài chính - Kế toán" in desc
    assert "Thời hạn: trước ngày 10/11/2023" in desc and "Báo cáo về: Sở Y tế" in desc
    assert "Văn bản: Kế hoạch 125/KH-TTYT ngày 25/10/2023 của Trung tâm Y tế huyện Cẩm Xuyên" in desc
    assert "(trang 2, đoạn 15)" in desc and "Thực hiện: 33/CT-TTg" in desc
    alarm = ev.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-3) and str(alarm["ACTION"]) == "DISPLAY"

    rec = next(e for e in events if "RRULE" in e)
    # "Định kỳ 6 tháng, một năm" with no day in a plan of 25/10/2023: the 6-month reporting periods of
    # Nghị định 09/2019 (14/6, 14/12), not the plan's own date; the entry says it is an estimate
    assert rec.decoded("DTSTART") == dt.date(2023, 12, 14)
    assert rec["RRULE"]["FREQ"] == ["YEARLY"] and rec["RRULE"]["BYMONTH"] == [6, 12]
    assert rec["RRULE"]["BYMONTHDAY"] == [14]
    assert "Định kỳ: Định kỳ 6 tháng, một năm" in str(rec["DESCRIPTION"])
    assert str(rec["SUMMARY"]).startswith("Hạn (ước tính): ")
    assert "Ngày ước tính" in str(rec["DESCRIPTION"]) and "09/2019/NĐ-CP" in str(rec["DESCRIPTION"])
    assert set(rec.get("CATEGORIES").cats) == {"Phòng Tổ chức - Hành chính", "Công đoàn Trung tâm Y tế"}


def test_unit_filter_and_sequence_after_change(loaded, tmp_path):
    out = tmp_path / "tchc.ics"
    export(out, unit="phong tc-hc-tc-kt", db_url=loaded, today=TODAY)
    (ev,) = _read(out).walk("VEVENT")
    uid = str(ev["UID"])
    assert "Phòng Tổ chức - Hành chính - Tài chính - Kế toán" in str(_read(out)["X-WR-CALNAME"])

    changed = plan_doc(sha="c" * 64)
    changed["obligations"][0]["deadline"] = {"date": "2023-11-17", "text": "trước ngày 17/11/2023"}
    with Store(loaded) as s:
        s.upsert_document(changed)
    export(out, unit="phong tc-hc-tc-kt", db_url=loaded, today=TODAY)
    (ev,) = _read(out).walk("VEVENT")
    assert str(ev["UID"]) == uid and int(ev["SEQUENCE"]) == 1
    assert ev.decoded("DTSTART") == dt.date(2023, 11, 17)


def test_same_document_in_two_formats_gives_one_reminder(loaded, tmp_path):
    with Store(loaded) as s:
        s.upsert_document(plan_doc(path="data/raw/kh_125_ttyt.pdf", sha="9" * 64))
    out = tmp_path / "han.ics"
    assert export(out, db_url=loaded, today=TODAY).reminders == 5
    assert len(_read(out).walk("VEVENT")) == 5


def test_event_mode_adds_reminder_events(loaded, tmp_path):
    out = tmp_path / "google.ics"
    export(out, db_url=loaded, today=TODAY, days_before=5, alarm_mode="event")
    cal = _read(out)
    events = cal.walk("VEVENT")
    reminders = [e for e in events if str(e["SUMMARY"]).startswith("Nhắc hạn")]
    assert len(events) == 10 and len(reminders) == 5
    assert not any(e.walk("VALARM") for e in events)
    r = next(e for e in reminders if e.decoded("DTSTART") == dt.date(2023, 11, 5))
    assert str(r["UID"]).startswith("nhac-han-") and r.decoded("DTEND") == dt.date(2023, 11, 6)
    rec = next(e for e in reminders if "RDATE" in e)
    dates = [d.dt for d in rec["RDATE"].dts]
    # 14/6/2024 - 5 days, 14/12/2024 - 5 days, … (the first, 14/12/2023 - 5, is DTSTART)
    assert rec.decoded("DTSTART") == dt.date(2023, 12, 9)
    assert dates[:2] == [dt.date(2024, 6, 9), dt.date(2024, 12, 9)]

    both = tmp_path / "both.ics"
    export(both, db_url=loaded, today=TODAY, alarm_mode="both")
    events = _read(both).walk("VEVENT")
    assert len(events) == 10 and sum(bool(e.walk("VALARM")) for e in events) == 5


def test_todo(loaded, tmp_path, capsys):
    out = tmp_path / "viec.ics"
    code = main(["reminders", "--db", loaded, "--today", "2023-11-08", "--todo", "--unit", "Phòng Nội vụ",
                 "--out", str(out)])
    assert code == 0 and "1 reminder(s)" in capsys.readouterr().err
    cal = _read(out)
    assert not cal.walk("VEVENT")
    (todo,) = cal.walk("VTODO")
    assert todo.decoded("DUE") == dt.date(2022, 12, 1) and str(todo["STATUS"]) == "NEEDS-ACTION"
    assert todo.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(days=-3)


def test_csv_for_spreadsheets(loaded, tmp_path):
    out = tmp_path / "han.csv"
    export(out, db_url=loaded, today=TODAY, days_before=2)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # 4 dated deadlines + the 6-monthly report twice in the next 12 months
    assert len(rows) == 6
    r = next(x for x in rows if x["Start Date"] == "2023-11-10")
    assert r["Reminder Date"] == "2023-11-08" and r["Status"] == "sắp đến hạn"
    assert r["Document"] == "Kế hoạch 125/KH-TTYT" and r["Location"] == "trang 2, đoạn 15"
    assert [x["Start Date"] for x in rows if x["Recurrence"]] == ["2023-12-14", "2024-06-14"]


def test_cli_errors(loaded, tmp_path, capsys):
    assert main(["reminders", "--db", loaded, "--out", str(tmp_path / "x.txt")]) == 2
    assert "must end in .ics or .csv" in capsys.readouterr().err
    assert main(["reminders", "--db", loaded, "--unit", "Phong Noi vuu", "--out", str(tmp_path / "x.ics")]) == 1
    assert "did you mean: Phòng Nội vụ" in capsys.readouterr().err
    assert not (tmp_path / "x.ics").exists()
