"""Obligations on general sentence and document shapes (issue 10).

Every sentence here is invented for the test (bodies, places and dates are made
up); none is copied from a gold file or a corpus document.  One group of tests
per class of miss listed in the issue: the scope a subject holds over the
items below it, subject lists, actors, collective subjects, task tables,
tasks without a grammatical subject, the doer, deadlines, recurrence, reports.
"""

from __future__ import annotations

from extractors.obligations import extract_obligations
from core.model import Cell, Document, DocumentHeader, Paragraph, SourceInfo, Table
from obligation_helpers import holding


def _doc(*blocks) -> Document:
    d = Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=list(blocks))
    return d.reindex()


def _paras(text: str) -> Document:
    return _doc(*[Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()])


def _table(rows: list[list[str]], header_rows: int = 1) -> Table:
    cells = [[Cell(r, c, t) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Table(rows=cells, n_cols=len(rows[0]), header_rows=header_rows)


def _names(ob) -> list[str]:
    return [u.name for u in ob.units]


def _run(text: str, **hdr):
    return extract_obligations(_paras(text), DocumentHeader(**hdr))


_with = holding


# --------------------------------------------------------------------------
# 1. A subject given once, for the items below it
# --------------------------------------------------------------------------


def test_unnumbered_leadin_gives_its_subject_to_lettered_items():
    obs, _ = _run("""
    Giao Sở Văn hóa và Thể thao chủ trì, phối hợp với các cơ quan liên quan:
    a) Rà soát các thiết chế văn hóa ở thôn, bản.
    b) Lập danh mục lễ hội truyền thống cần phục dựng.
    """, date="2025-02-03")
    for words in ("thiết chế văn hóa", "lễ hội truyền thống"):
        o = _with(obs, words)
        assert _names(o)[:1] == ["Sở Văn hóa và Thể thao"]
        assert o.units[0].implied


def test_article_title_names_the_doer_of_its_clauses():
    obs, units = _run("""
    Điều 4. Trách nhiệm của Sở Giao thông vận tải
    1. Kiểm tra tải trọng xe trên các tuyến đường tỉnh.
    2. Báo cáo kết quả kiểm tra trước ngày 15/7/2025.
    Điều 5. Trách nhiệm của Ủy ban nhân dân các huyện
    Chỉ đạo lực lượng chức năng xử lý vi phạm hành lang an toàn giao thông.
    """, date="2025-05-04")
    assert _names(_with(obs, "tải trọng")) == ["Sở Giao thông vận tải"]
    o = _with(obs, "kết quả kiểm tra")
    assert o.deadline.date == "2025-07-15" and _names(o) == ["Sở Giao thông vận tải"]
    assert _names(_with(obs, "hành lang an toàn")) == ["Ủy ban nhân dân các huyện"]
    assert {"Sở Giao thông vận tải", "Ủy ban nhân dân các huyện"} <= {u.name for u in units}


def test_unit_heading_without_colon_and_plus_bullets():
    obs, _ = _run("""
    III. TỔ CHỨC THỰC HIỆN
    2. Phòng Quản lý đô thị
    - Thẩm định hồ sơ cấp phép xây dựng nhà ở riêng lẻ.
    + Công khai quy trình trên cổng thông tin điện tử.
    3. Phòng Tài nguyên - Môi trường
    - Kiểm tra việc thu gom rác thải tại các chợ.
    """, date="2025-01-01")
    assert _names(_with(obs, "cấp phép xây dựng")) == ["Phòng Quản lý đô thị"]
    assert _names(_with(obs, "cổng thông tin")) == ["Phòng Quản lý đô thị"]
    assert _names(_with(obs, "rác thải")) == ["Phòng Tài nguyên - Môi trường"]


def test_introduction_asks_the_bodies_it_names_and_is_no_task_itself():
    obs, _ = _run("""
    Bộ Khoa học và Công nghệ đề nghị các bộ, ngành và địa phương thực hiện một số nội dung sau:
    1. Rà soát danh mục nhiệm vụ khoa học cấp cơ sở đang triển khai.
    2. Gửi báo cáo rà soát về Bộ Khoa học và Công nghệ trước ngày 20/10/2025.
    """, date="2025-09-10")
    assert not any("một số nội dung sau" in o.source_text and "Rà soát" not in o.source_text for o in obs)
    o1 = _with(obs, "nhiệm vụ khoa học cấp cơ sở")
    assert o1.units and "Bộ Khoa học và Công nghệ" not in _names(o1)
    o2 = _with(obs, "Gửi báo cáo rà soát")
    assert o2.deadline.date == "2025-10-20"
    assert o2.units and _names(o2) == _names(o1)


# --------------------------------------------------------------------------
# 2. Subjects that are lists
# --------------------------------------------------------------------------


def test_long_subject_list_in_execution_clause():
    obs, units = _run("""
    Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành thuộc tỉnh, Chủ tịch UBND các huyện, thị xã và các chủ đầu tư chịu trách nhiệm thi hành Quyết định này.
    """, date="2025-01-01")
    assert len(obs) == 1
    names = {u.name for u in units}
    # canonical names spell the abbreviation out ("UBND" → "Ủy ban nhân dân")
    assert "Văn phòng Ủy ban nhân dân tỉnh" in names
    assert any(n.lower().startswith("các sở") for n in names)
    assert any("chủ đầu tư" in n.lower() for n in names)
    assert any(n.startswith("Ủy ban nhân dân các huyện") for n in names)
    assert "Các ban, ngành thuộc tỉnh" in names


def test_category_then_members_gives_one_unit_per_member():
    obs, units = _run("""
    1. Các sở: Nông nghiệp và Môi trường, Công Thương, Xây dựng rà soát quy hoạch vùng nguyên liệu trước ngày 30/9/2025.
    2. UBND các xã: Hòa An, Tân Lập, Phú Mỹ tổ chức tuyên truyền đến từng hộ dân.
    """, date="2025-06-01")
    o = _with(obs, "vùng nguyên liệu")
    assert _names(o) == ["Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Xây dựng"]
    assert o.deadline.date == "2025-09-30"
    o2 = _with(obs, "từng hộ dân")
    assert _names(o2) == ["Ủy ban nhân dân xã Hòa An", "Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Phú Mỹ"]
    assert len(units) == 6


def test_plural_without_cac_and_lower_case_titles():
    obs, _ = _run("""
    - Cơ quan, đơn vị trường học rà soát hồ sơ học sinh khuyết tật.
    - Giám đốc các sở, thủ trưởng các ban, ngành tỉnh chỉ đạo cập nhật dữ liệu dân cư.
    """, date="2025-01-01")
    assert _with(obs, "khuyết tật").units
    o = _with(obs, "dữ liệu dân cư")
    assert len(o.units) >= 2


# --------------------------------------------------------------------------
# 3. Actors the unit finder did not know
# --------------------------------------------------------------------------


def test_investors_companies_associations_press_and_councils():
    obs, units = _run("""
    1. Chủ đầu tư các dự án có trách nhiệm hoàn thiện hồ sơ quyết toán trước ngày 31/10/2025.
    2. Công ty Cổ phần Cấp nước Bình Minh khẩn trương sửa chữa tuyến ống bị vỡ.
    3. Hiệp hội Doanh nghiệp tỉnh phối hợp tổ chức hội nghị đối thoại với doanh nghiệp.
    4. Báo Miền Tây, Đài Phát thanh và Truyền hình tỉnh đăng tải tin bài tuyên truyền.
    5. Ban Quản lý dự án đầu tư xây dựng số 2 triển khai thi công đúng tiến độ.
    6. Tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.
    """, date="2025-08-01")
    assert _with(obs, "quyết toán").deadline.date == "2025-10-31"
    assert any("chủ đầu tư" in n.lower() for n in _names(_with(obs, "quyết toán")))
    assert _names(_with(obs, "tuyến ống")) == ["Công ty Cổ phần Cấp nước Bình Minh"]
    assert _names(_with(obs, "đối thoại"))[:1] == ["Hiệp hội Doanh nghiệp tỉnh"]
    assert _names(_with(obs, "tin bài")) == ["Báo Miền Tây", "Đài Phát thanh và Truyền hình tỉnh"]
    assert _names(_with(obs, "thi công")) == ["Ban Quản lý dự án đầu tư xây dựng số 2"]


def test_short_form_defined_in_the_text_stands_for_its_body():
    obs, units = _run("""
    1. Thành lập Ban Chỉ đạo phát triển du lịch tỉnh Đông Giang (sau đây gọi là Ban Chỉ đạo).
    2. Ban Chỉ đạo có trách nhiệm xây dựng quy chế hoạt động trong tháng 5/2025.
    """, date="2025-04-01")
    o = _with(obs, "quy chế hoạt động")
    assert _names(o) == ["Ban Chỉ đạo phát triển du lịch tỉnh Đông Giang"]


def test_heads_map_to_their_bodies():
    obs, units = _run("""
    - Lãnh đạo Sở Công Thương chỉ đạo kiểm tra thị trường dịp Tết.
    - Thủ trưởng các đơn vị sự nghiệp rà soát vị trí việc làm.
    """, date="2025-01-01")
    assert _names(_with(obs, "thị trường")) == ["Sở Công Thương"]
    assert _names(_with(obs, "vị trí việc làm")) == ["Các đơn vị sự nghiệp"]


# --------------------------------------------------------------------------
# 4. Collective subjects pointing at the addressees
# --------------------------------------------------------------------------


_ADDRESSEES = ["Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân các huyện, thị xã"]


def test_collective_subject_stands_for_the_addressees():
    obs, units = _run("""
    Để chuẩn bị tổng kết năm, Sở Kế hoạch đề nghị các cơ quan, đơn vị, địa phương gửi báo cáo về Sở Kế hoạch trước ngày 10/11/2025.
    """, date="2025-10-20", recipients=_ADDRESSEES)
    o = _with(obs, "gửi báo cáo")
    assert o.deadline.date == "2025-11-10"
    assert _names(o) == _ADDRESSEES
    assert all(u.implied for u in o.units)
    assert {u.name for u in units} >= set(_ADDRESSEES)


def test_quy_co_quan_and_cac_dong_chi():
    obs, _ = _run("""
    Kính đề nghị quý cơ quan cử cán bộ tham dự hội nghị.
    Đề nghị các đồng chí chuẩn bị ý kiến phát biểu trước ngày 05/12/2025.
    """, date="2025-11-25", recipients=_ADDRESSEES)
    assert _names(_with(obs, "cử cán bộ")) == _ADDRESSEES
    o = _with(obs, "ý kiến phát biểu")
    assert _names(o) == _ADDRESSEES and o.deadline.date == "2025-12-05"


# --------------------------------------------------------------------------
# 5. Task tables whose unit column has another header
# --------------------------------------------------------------------------


def test_table_headed_trach_nhiem_thuc_hien_with_two_dates_and_rules():
    t = _table([
        ["TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian"],
        ["1", "Cập nhật hồ sơ đất đai lên hệ thống", "Lãnh đạo Sở Nông nghiệp", "Từ 01/3/2025 đến 15/4/2025"],
        ["2", "Tổng hợp báo cáo tiến độ", "Phòng Kinh tế", "Trước ngày 05 hằng tháng"],
    ])
    obs, units = extract_obligations(_doc(t), DocumentHeader(date="2025-02-01"))
    assert len(obs) == 2
    assert _names(obs[0]) == ["Sở Nông nghiệp"] and obs[0].deadline.date == "2025-04-15"
    assert _names(obs[1]) == ["Phòng Kinh tế"] and obs[1].recurrence and obs[1].recurrence.rrule.startswith("FREQ=MONTHLY")
    assert obs[1].deadline is None


def test_table_headed_co_quan_or_nguoi_thuc_hien():
    for header in ("Cơ quan thực hiện", "Người thực hiện", "Đơn vị thực hiện"):
        t = _table([
            ["STT", "Công việc", header, "Thời hạn"],
            ["1", "Xây dựng dự thảo quy chế", "Văn phòng Sở", "30/6/2025"],
        ])
        obs, _ = extract_obligations(_doc(t), DocumentHeader(date="2025-02-01"))
        assert [_names(o) for o in obs] == [["Văn phòng Sở"]], header
        assert obs[0].deadline.date == "2025-06-30"


# --------------------------------------------------------------------------
# 6. Tasks with no unit as grammatical subject
# --------------------------------------------------------------------------


def test_deadline_sentence_without_subject_takes_the_addressees():
    obs, _ = _run("""
    Thời hạn nộp báo cáo: trước ngày 26/12/2025.
    """, date="2025-12-01", recipients=_ADDRESSEES)
    assert len(obs) == 1 and obs[0].deadline.date == "2025-12-26"
    assert _names(obs[0]) == _ADDRESSEES and all(u.implied for u in obs[0].units)


def test_deadline_sentence_without_subject_takes_the_section_subject():
    obs, _ = _run("""
    2. Phòng Giáo dục và Đào tạo
    - Hướng dẫn các trường tổ chức ngày hội đọc sách.
    - Báo cáo tháng gửi trước ngày 15/6/2025.
    """, date="2025-05-01")
    o = _with(obs, "Báo cáo tháng")
    assert o.deadline.date == "2025-06-15" and _names(o) == ["Phòng Giáo dục và Đào tạo"]


def test_connectives_brackets_and_appositives_before_the_verb():
    obs, _ = _run("""
    1. Vì vậy, Sở Xây dựng khẩn trương ban hành đơn giá mới.
    2. Do đó, đề nghị Ủy ban nhân dân các huyện rà soát quỹ đất tái định cư.
    3. Sở Tư pháp (cơ quan thường trực) chủ trì tổng hợp ý kiến thẩm định.
    4. Sở Kế hoạch và Đầu tư - cơ quan thường trực của Tổ công tác, có trách nhiệm theo dõi tiến độ giải ngân.
    5. (2) Sở Y tế bổ sung danh mục thuốc thiết yếu.
    """, date="2025-01-01")
    assert _names(_with(obs, "đơn giá mới")) == ["Sở Xây dựng"]
    assert _names(_with(obs, "tái định cư")) == ["Ủy ban nhân dân các huyện"]
    assert _names(_with(obs, "ý kiến thẩm định"))[:1] == ["Sở Tư pháp"]
    assert _names(_with(obs, "tiến độ giải ngân"))[:1] == ["Sở Kế hoạch và Đầu tư"]
    assert _names(_with(obs, "thuốc thiết yếu")) == ["Sở Y tế"]


# --------------------------------------------------------------------------
# 7. The right actor
# --------------------------------------------------------------------------


def test_the_one_asked_is_the_doer_and_report_to_is_no_unit():
    obs, units = _run("""
    1. Sở Nội vụ đề xuất Ủy ban nhân dân tỉnh ban hành quy chế thi đua mới.
    2. Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau: Giao các sở, ngành rà soát thủ tục hành chính, gửi về Sở Tư pháp trước ngày 10/9/2025.
    """, date="2025-08-20", issuer="Văn phòng Ủy ban nhân dân tỉnh")
    assert _names(_with(obs, "quy chế thi đua")) == ["Ủy ban nhân dân tỉnh"]
    o = _with(obs, "thủ tục hành chính")
    assert _names(o) == ["Các sở, ngành"] and o.deadline.date == "2025-09-10"
    assert o.report_to == "Sở Tư pháp"
    assert "Sở Tư pháp" not in {u.name for u in units}


def test_narration_thanks_negation_and_conditions_are_no_tasks():
    obs, _ = _run("""
    1. Năm 2024, Sở Tài chính đã ban hành hướng dẫn quyết toán ngân sách xã.
    2. Trân trọng cảm ơn sự phối hợp của quý cơ quan.
    3. Sở Y tế không tổ chức đoàn kiểm tra riêng.
    4. Trường hợp có vướng mắc, đề nghị các đơn vị phản ánh về Sở Nội vụ để tổng hợp.
    """, date="2025-01-01", recipients=_ADDRESSEES)
    assert obs == []


# --------------------------------------------------------------------------
# 8. Deadlines
# --------------------------------------------------------------------------


def test_two_deadlines_in_one_sentence_give_two_obligations():
    obs, _ = _run("""
    Sở Tài chính hoàn thành dự thảo trước ngày 10/5/2025 và trình Ủy ban nhân dân tỉnh trước ngày 20/5/2025.
    """, date="2025-04-01")
    dates = sorted(o.deadline.date for o in obs if o.deadline)
    assert dates == ["2025-05-10", "2025-05-20"]
    assert all(_names(o) == ["Sở Tài chính"] for o in obs)


def test_khong_qua_and_dotted_dates_are_deadlines():
    obs, _ = _run("""
    1. Sở Công Thương nộp hồ sơ không quá ngày 31 tháng 12 năm 2025.
    2. Sở Xây dựng gửi kết quả chậm nhất ngày 25.11.2025.
    """, date="2025-09-01")
    assert _with(obs, "không quá").deadline.date == "2025-12-31"
    assert _with(obs, "chậm nhất").deadline.date == "2025-11-25"


def test_cut_off_and_planned_dates_are_no_deadlines():
    obs, _ = _run("""
    1. Sở Nông nghiệp báo cáo số liệu tính đến ngày 30/6/2025 về diện tích rừng trồng mới.
    2. Sở Y tế tổng hợp kết quả từ năm 2021 đến ngày 31/3/2025 của các trạm y tế.
    3. Ban Quản lý dự án đầu tư xây dựng tỉnh triển khai dự án cầu Đông, dự kiến khởi công trước ngày 02/9/2025.
    """, date="2025-07-01")
    assert all(o.deadline is None for o in obs), [o.deadline for o in obs]


def test_date_without_year_in_undated_document_takes_nearby_year():
    obs, _ = _run("""
    Thực hiện Kế hoạch năm 2025 của tỉnh, Sở Nội vụ tổng hợp danh sách trước ngày 15/10.
    """)
    o = _with(obs, "danh sách")
    assert o.deadline.date == "2025-10-15" and o.deadline.inferred_year


# --------------------------------------------------------------------------
# 9. Recurrence
# --------------------------------------------------------------------------


def test_recurrence_shapes():
    obs, _ = _run("""
    1. Sở Y tế tổng hợp báo cáo tình hình dịch bệnh hằng tháng.
    2. Phòng Nội vụ gửi báo cáo thi đua trước ngày 20/11 hằng năm.
    3. Các trạm y tế gửi báo cáo trước ngày 15 của tháng.
    4. Phòng Tài chính đối chiếu số liệu vào tháng cuối của mỗi quý.
    """, date="2025-01-05")
    assert _with(obs, "dịch bệnh").recurrence.rrule.startswith("FREQ=MONTHLY")
    o2 = _with(obs, "thi đua")
    assert o2.recurrence.rrule.startswith("FREQ=YEARLY") and o2.deadline is None
    o3 = _with(obs, "ngày 15 của tháng")
    assert o3.recurrence.rrule.startswith("FREQ=MONTHLY") and o3.deadline is None
    # the last month of every quarter: monthly, in March, June, September and December
    assert _with(obs, "mỗi quý").recurrence.rrule == "FREQ=MONTHLY;BYMONTH=3,6,9,12"


# --------------------------------------------------------------------------
# 10. Reports and submissions
# --------------------------------------------------------------------------


def test_report_tasks_in_solutions_and_recommendations():
    doc = _paras("""
    I. KẾT QUẢ THỰC HIỆN
    Sở Nội vụ đã tổ chức 5 lớp tập huấn cho công chức xã.
    II. GIẢI PHÁP TRONG THỜI GIAN TỚI
    1. Giao Sở Nội vụ rà soát chức năng các phòng chuyên môn (hoàn thành trước ngày 30/9/2025).
    2. Sở Thông tin và Truyền thông sẽ chủ trì nâng cấp hệ thống một cửa điện tử.
    III. KIẾN NGHỊ
    Đề nghị Bộ Nội vụ sớm ban hành hướng dẫn về vị trí việc làm.
    """)
    obs, _ = extract_obligations(doc, DocumentHeader(type="Báo cáo", type_code="BC", date="2025-07-15"))
    assert not any("đã tổ chức" in o.source_text for o in obs)
    o1 = _with(obs, "chức năng các phòng")
    assert _names(o1) == ["Sở Nội vụ"] and o1.deadline.date == "2025-09-30"
    assert _names(_with(obs, "một cửa điện tử")) == ["Sở Thông tin và Truyền thông"]
    assert _names(_with(obs, "vị trí việc làm")) == ["Bộ Nội vụ"]


def test_report_with_unlabelled_section_headings():
    doc = _paras("""
    Kết quả năm 2025
    Các phòng đã hoàn thành kế hoạch đề ra.
    PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026
    Phòng Kế hoạch chủ trì xây dựng kế hoạch đầu tư công trung hạn trong quý I/2026.
    """)
    obs, _ = extract_obligations(doc, DocumentHeader(type="Báo cáo", type_code="BC", date="2025-12-15"))
    assert len(obs) == 1
    assert _names(obs[0]) == ["Phòng Kế hoạch"] and obs[0].deadline.date == "2026-03-31"


# --------------------------------------------------------------------------
# Shapes met on unannotated and dev documents (invented wording)
# --------------------------------------------------------------------------


def test_before_a_month_is_due_at_the_end_of_the_month_before():
    obs, _ = _run("""
    Sở Công Thương hoàn thành việc cấp mã vùng trồng trước tháng 10/2025.
    """, date="2025-06-01")
    assert obs[0].deadline.date == "2025-09-30"


def test_proper_name_with_va_after_plural_and_colon_task_form():
    obs, _ = _run("""
    1. Đề nghị các Sở Giáo dục và Đào tạo rà soát đội ngũ giáo viên trước ngày 12/8/2025.
    2. Vụ Kế hoạch - Tài chính: Chủ động cân đối nguồn kinh phí sự nghiệp.
    """, date="2025-07-01")
    assert _names(_with(obs, "đội ngũ giáo viên")) == ["Sở Giáo dục và Đào tạo"]
    assert _names(_with(obs, "nguồn kinh phí")) == ["Vụ Kế hoạch - Tài chính"]


def test_unit_name_heading_and_directed_body():
    obs, units = _run("""
    III. TỔ CHỨC THỰC HIỆN
    1. Các hợp tác xã nông nghiệp, thủy sản
    - Xây dựng phương án sản xuất vụ đông.
    2. Các phòng, ban có liên quan
    - Hướng dẫn thủ tục vay vốn ưu đãi.
    3. Ủy ban nhân dân các huyện
    - Chỉ đạo Ủy ban nhân dân các xã tổ chức tập huấn kỹ thuật.
    """, date="2025-01-01")
    assert _names(_with(obs, "vụ đông")) == ["Các hợp tác xã nông nghiệp, thủy sản"]
    assert _names(_with(obs, "vay vốn")) == ["Các phòng, ban có liên quan"]
    assert _names(_with(obs, "tập huấn kỹ thuật")) == ["Ủy ban nhân dân các huyện", "Ủy ban nhân dân các xã"]


def test_schedule_line_date_and_period_before_a_bracket():
    obs, _ = _run("""
    2. Phòng Y tế
    - Ngày 14/10/2025: Họp tổ công tác liên ngành.
    - Tổng hợp kết quả khám sàng lọc hàng tháng (theo mẫu kèm theo).
    """, date="2025-09-01")
    assert _with(obs, "tổ công tác").deadline.date == "2025-10-14"
    assert _with(obs, "sàng lọc").recurrence.rrule.startswith("FREQ=MONTHLY")
    assert all(_names(o) == ["Phòng Y tế"] for o in obs)


def test_a_bullet_glyph_of_a_symbol_font_opens_an_item():
    """Word and PDF files keep a Symbol-font bullet as a private-use character ('\uf0b7'): it is a bullet,
    and the task after it is read as after '-' (invented sentences)."""
    for bullet in ("\uf0b7", "\uf0a7", "\uf0d8", "◦", "➢"):
        obs, _ = _run(f"{bullet} Học viên phải nộp luận văn về Phòng Sau đại học.\n"
                      f"{bullet} Các tổ chuyên môn xây dựng kế hoạch dạy học học kỳ II.", date="2025-01-01")
        assert [(o.action, _names(o)) for o in obs] == [
            ("nộp luận văn về Phòng Sau đại học", ["Học viên"]),
            ("xây dựng kế hoạch dạy học học kỳ II", ["Các tổ chuyên môn"])], bullet
