"""Deadline and recurrence recall on shapes of unseen documents (issue 10, classes 5, 6, 8, 9).

Every sentence and table here is invented for the test (bodies, tasks, dates are made up); none is copied from
a gold file or a corpus document.
"""

from __future__ import annotations

import pytest

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from core.tables import table_from_grid
from extractors.obligations import extract_obligations


def _table(rows, date="2025-02-03", before=()):
    t = table_from_grid(rows)
    doc = Document(source=SourceInfo(path="t.docx", sha256="", format="docx"),
                   blocks=[Paragraph(p) for p in before] + [t]).reindex()
    return extract_obligations(doc, DocumentHeader(date=date))[0]


def _paras(text: str, date="2025-02-03"):
    lines = [Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()]
    doc = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=lines).reindex()
    return extract_obligations(doc, DocumentHeader(date=date))[0]


def _due(obs) -> dict[str, str | None]:
    """The first three words of each task → its due date."""
    return {" ".join(o.action.split()[:3]): (o.deadline.date if o.deadline else None) for o in obs}


# --------------------------------------------------------------------------
# 5. A task table whose time column is headed by the span of the work
# --------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["Giai đoạn thực hiện", "Giai đoạn", "Lộ trình thực hiện", "Lộ trình",
                                    "Mốc hoàn thành"])
def test_a_time_column_headed_by_the_span_of_the_work(header):
    obs = _table([
        ["STT", "Nội dung hoạt động", "Đơn vị chủ trì", "Đơn vị phối hợp", header, "Sản phẩm"],
        ["1", "Xây dựng kho học liệu số dùng chung", "Phòng Đào tạo", "Trung tâm Thông tin", "2025-2028",
         "Kho học liệu được vận hành"],
        ["2", "Chuẩn hóa quy trình tuyển sinh trực tuyến", "Phòng Công tác sinh viên", "Phòng Đào tạo", "2026",
         "Quy trình được ban hành"],
        ["3", "Mở rộng hợp tác với doanh nghiệp", "Trung tâm Thông tin", "Các khoa", "Thường xuyên",
         "Thỏa thuận hợp tác"],
    ])
    due = _due(obs)
    assert due["Xây dựng kho"] == "2028-12-31"
    assert due["Chuẩn hóa quy"] == "2026-12-31"
    assert due["Mở rộng hợp"] is None


def test_a_period_of_the_plan_in_a_content_header_is_still_the_content():
    # "giai đoạn" inside the task column's title names the plan's span, not a column of times
    obs = _table([
        ["TT", "Nhiệm vụ giai đoạn 2026 - 2030", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Điều tra hiện trạng bãi bồi ven sông", "Sở Nông nghiệp và Môi trường", "Quý II/2026"],
        ["2", "Lập bản đồ vùng nguy cơ sạt lở", "Sở Xây dựng", "Quý IV/2027"],
    ])
    due = _due(obs)
    assert due["Điều tra hiện"] == "2026-06-30"
    assert due["Lập bản đồ"] == "2027-12-31"

