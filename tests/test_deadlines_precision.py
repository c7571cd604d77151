"""Deadline precision on unseen documents (issue 10, classes 5, 8, 9).

Every sentence here is invented for the test (bodies, places and dates are made up); none is
copied from a gold file or a corpus document.  Each test holds a shape that gave a false due date
(a period left open towards the time ahead, a span something lasts or a state reached by a date)
or missed a true one, beside the near forms that must keep theirs.
"""

from __future__ import annotations

from extractors.deadlines import find_deadlines
from extractors.obligations import extract_obligations
from core.model import Document, DocumentHeader, Paragraph, SourceInfo


def _d(text, ref=None, **kw):
    return [(d.deadline.date, d.deadline.kind) for d in find_deadlines(text, ref, **kw)]


def _run(text: str, **hdr):
    blocks = [Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=blocks).reindex()
    return extract_obligations(doc, DocumentHeader(**hdr))


def _with(obs, words: str):
    found = [o for o in obs if words in o.source_text]
    assert found, f"no obligation holds {words!r}: {[o.source_text for o in obs]}"
    return found[0]


# --------------------------------------------------------------------------
# 1. A period left open towards the time ahead bounds nothing
# --------------------------------------------------------------------------


def test_period_joined_to_the_time_ahead_is_no_due_date():
    # "trong quý III/2027 và thời gian tới": from that quarter on, not by its end
    assert _d("Các phường tiếp tục đẩy mạnh phong trào trồng cây xanh trong quý III/2027 và thời gian tới.") == []
    assert _d("Duy trì lịch tiếp dân trong tháng 8 năm 2027 và những tháng tiếp theo.") == []
    assert _d("Năm 2028 và các năm tiếp theo, các trường duy trì sĩ số lớp học.") == []
    # the same periods, closed, keep their due dates
    assert _d("Các phường hoàn thành trồng cây xanh trong quý III/2027.") == [("2027-09-30", "quarter")]
    assert _d("Gửi báo cáo trong tháng 8 năm 2027 và tổ chức hội nghị trong tháng 9 năm 2027.") == [
        ("2027-08-31", "month"), ("2027-09-30", "month")]


def test_heading_period_joined_to_the_time_ahead_dates_no_item_below_it():
    obs, _ = _run("""
    III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 9 VÀ THỜI GIAN TỚI
    Sở Công Thương có trách nhiệm:
    1. Tiếp tục rà soát hồ sơ đất đai tồn đọng trên địa bàn các phường.
    2. Tăng cường kiểm tra an toàn thực phẩm tại các chợ đầu mối.
    3. Hoàn thành báo cáo quyết toán vốn trong tháng 9 năm 2027.
    """, date="2027-08-20")
    assert _with(obs, "hồ sơ đất đai").deadline is None
    assert _with(obs, "an toàn thực phẩm").deadline is None
    assert _with(obs, "quyết toán vốn").deadline.date == "2027-09-30"


def test_heading_period_alone_still_dates_its_items():
    obs, _ = _run("""
    III. NHIỆM VỤ TRỌNG TÂM THÁNG 9
    Sở Công Thương có trách nhiệm:
    1. Tiếp tục rà soát hồ sơ đất đai tồn đọng trên địa bàn các phường.
    2. Tăng cường kiểm tra an toàn thực phẩm tại các chợ đầu mối.
    """, date="2027-08-20")
    assert _with(obs, "hồ sơ đất đai").deadline.date == "2027-09-30"
    assert _with(obs, "an toàn thực phẩm").deadline.date == "2027-09-30"
