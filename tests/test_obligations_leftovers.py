"""Tasks that were found but never became obligations (issue 10, classes 1, 6, 9).

Every sentence here is invented for the test (bodies, places, dates are made up); none is copied from a gold
file or a corpus document.  Each test failed before the change it covers.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _run(text: str, **hdr):
    return obligations_and_units(text, **hdr)[0]


_with = holding


def _roles(ob) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in ob.units]


# --------------------------------------------------------------------------
# 1. A lead-in whose subject leads and names its partners
# --------------------------------------------------------------------------

_ITEMS = """a) Rà soát danh mục chợ đầu mối trên địa bàn, hoàn thành trước ngày 30/6/2027.
b) Xây dựng kế hoạch kiểm tra an toàn thực phẩm tại các chợ."""


def test_a_lead_in_giving_a_role_opens_a_scope_when_the_issuer_is_unknown():
    # no issuer read (an excerpt): the role verb says the body is given the items, not introducing them
    for lead in ("Sở Công Thương chủ trì, phối hợp với các cơ quan liên quan thực hiện các nhiệm vụ sau:",
                 "2. Sở Công Thương chủ trì thực hiện các nhiệm vụ sau đây:",
                 "Sở Công Thương phối hợp với các cơ quan liên quan triển khai các công việc sau:"):
        obs = _run(lead + "\n" + _ITEMS)
        a = _with(obs, "Rà soát danh mục chợ")
        assert _roles(a) == [("Sở Công Thương", "lead")], lead
        assert a.deadline is not None and a.deadline.date == "2027-06-30"
        assert _roles(_with(obs, "Xây dựng kế hoạch kiểm tra")) == [("Sở Công Thương", "lead")]


def test_the_partners_of_a_lead_in_before_its_preamble_support_its_items():
    obs = _run("Sở Công Thương chủ trì, phối hợp với Sở Y tế, Công an tỉnh triển khai những việc sau đây:\n" + _ITEMS,
               issuer="Ủy ban nhân dân tỉnh Hà Nam")
    assert _roles(_with(obs, "Xây dựng kế hoạch kiểm tra")) == [
        ("Sở Công Thương", "lead"), ("Sở Y tế", "support"), ("Công an tỉnh", "support")]


def test_the_partners_of_an_order_before_its_preamble_support_its_items():
    obs = _run("Để triển khai kịp thời, Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì, phối hợp với "
               "Sở Tài chính thực hiện các nội dung sau:\n- Xây dựng đề án đổi mới sáng tạo trước ngày 30/10/2027;\n"
               "- Hướng dẫn doanh nghiệp đăng ký nhiệm vụ.", issuer="Ủy ban nhân dân tỉnh Hà Nam")
    ob = _with(obs, "Hướng dẫn doanh nghiệp")
    assert _roles(ob) == [("Sở Khoa học và Công nghệ", "lead"), ("Sở Tài chính", "support")]


def test_a_lead_in_without_a_role_by_an_unknown_issuer_still_gives_no_doer():
    # "X thực hiện các nhiệm vụ sau:" with no issuer read may be the issuer introducing its plan: unchanged
    obs = _run("Sở Công Thương thực hiện các nhiệm vụ sau:\n" + _ITEMS)
    assert all(not o.units for o in obs)


# --------------------------------------------------------------------------
# 6. A sentence that only restates the time of the task before it
# --------------------------------------------------------------------------


def test_a_restated_task_sets_the_time_of_the_task_before_it():
    obs = _run("Sở Nội vụ chủ trì rà soát vị trí việc làm tại các cơ quan cấp tỉnh.\n"
               "Việc rà soát này hoàn thành trước ngày 15/02/2027.")
    assert len(obs) == 1
    assert _roles(obs[0]) == [("Sở Nội vụ", "lead")] and obs[0].deadline.date == "2027-02-15"
    obs = _run("Ban Quản lý các khu công nghiệp lập danh mục dự án chậm tiến độ. "
               "Nhiệm vụ trên phải xong chậm nhất ngày 30 tháng 9 năm 2027.")
    assert len(obs) == 1 and obs[0].deadline.date == "2027-09-30"


def test_a_restated_task_alone_takes_the_doer_of_its_section_or_the_addressees():
    hdr = dict(issuer="Ủy ban nhân dân tỉnh Hà Nam", recipients=["Sở Y tế", "Sở Xây dựng"])
    ob = _with(_run("1. Sở Tài chính\nViệc tổng kết phong trào thi đua hoàn thành trước ngày 20/11/2027.", **hdr),
               "tổng kết")
    assert _roles(ob) == [("Sở Tài chính", "lead")] and ob.deadline.date == "2027-11-20"
    ob = _with(_run("Việc tổng kết phong trào thi đua hoàn thành trước ngày 20/11/2027.", **hdr), "tổng kết")
    assert _roles(ob) == [("Sở Y tế", "lead"), ("Sở Xây dựng", "lead")]


def test_a_past_completion_is_no_time_of_the_task_before_it():
    obs = _run("Sở Nội vụ chủ trì rà soát vị trí việc làm tại các cơ quan cấp tỉnh.\n"
               "Việc rà soát đã hoàn thành trước ngày 15/02/2025.")
    assert [o.deadline for o in obs] == [None]


# --------------------------------------------------------------------------
# 9. A recurrence between an opening clause and the subject
# --------------------------------------------------------------------------


def test_a_time_adjunct_after_an_opening_clause_does_not_hide_the_subject():
    for text, who in (("Căn cứ dự toán ngân sách của tỉnh, hằng năm Sở Tài chính lập dự toán chi tiết.", "Sở Tài chính"),
                      ("Trên cơ sở các nguồn vốn nêu trên, hàng năm Ủy ban nhân dân huyện bố trí vốn đối ứng.",
                       "Ủy ban nhân dân huyện"),
                      ("Để bảo đảm tiến độ, định kỳ hằng quý Ban Quản lý dự án báo cáo Sở Xây dựng.",
                       "Ban Quản lý dự án")):
        obs = _run(text, issuer="Hội đồng nhân dân tỉnh Hà Nam")
        assert len(obs) == 1, text
        assert _roles(obs[0]) == [(who, "lead")], text
        assert obs[0].recurrence is not None, text


# --------------------------------------------------------------------------
# 2. A subject list that opens with kinds of bodies in lower case
# --------------------------------------------------------------------------


def test_a_subject_list_opening_with_kinds_of_bodies_without_cac_gives_the_task():
    # "Sở, ban, ngành; …" (no "các"): before, "Sở" alone was read as a name and the sentence gave no task
    obs = _run("3. Thời hạn gửi hồ sơ:\nSở, ban, ngành; Ủy ban nhân dân các huyện, thị xã gửi hồ sơ đề xuất về "
               "Sở Nội vụ trước ngày 15/4/2027.", issuer="Ủy ban nhân dân tỉnh Hà Nam")
    ob = _with(obs, "gửi hồ sơ đề xuất")
    assert _roles(ob) == [("Sở, ban, ngành", "lead"), ("Ủy ban nhân dân các huyện, thị xã", "lead")]
    assert ob.deadline.date == "2027-04-15"
    ob = _with(_run("Bộ, ngành có liên quan rà soát văn bản hướng dẫn, hoàn thành trong tháng 9/2027."), "rà soát")
    assert [u.name for u in ob.units][:1] == ["Bộ, ngành có liên quan"]


# --------------------------------------------------------------------------
# 6. A task card: one task in labeled fields, its time the last of them
# --------------------------------------------------------------------------

_CARD = """Điều 2. Bổ sung nhiệm vụ như sau:
1. Tên nhiệm vụ: Xây dựng cơ sở dữ liệu về giống cây trồng bản địa.
2. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.
3. Cơ quan phối hợp: Các sở, ngành liên quan.
4. Sản phẩm: Cơ sở dữ liệu được vận hành.
{gap}5. Thời hạn hoàn thành: Quý III/2027.
Điều 3. Hiệu lực thi hành."""


def test_the_time_field_of_a_task_card_is_the_deadline_of_its_lead():
    obs = _run(_CARD.format(gap=""), issuer="Ủy ban nhân dân tỉnh Hà Nam")
    lead = _with(obs, "Cơ quan chủ trì")
    # its partner field supports it (tests/test_obligations_leftovers2.py)
    assert _roles(lead) == [("Sở Nông nghiệp và Môi trường", "lead"), ("Các sở, ngành liên quan", "support")]
    assert lead.deadline is not None and lead.deadline.date == "2027-09-30"


def test_prose_between_ends_the_card():
    obs = _run(_CARD.format(gap="Các đơn vị đã hoàn thành việc khảo sát ban đầu trong năm trước.\n"),
               issuer="Ủy ban nhân dân tỉnh Hà Nam")
    assert _with(obs, "Cơ quan chủ trì").deadline is None


# --------------------------------------------------------------------------
# 1. A bullet lead-in whose items are lettered
# --------------------------------------------------------------------------


def test_lettered_items_under_a_bullet_lead_in_are_its_tasks():
    obs = _run("II. TỔ CHỨC THỰC HIỆN\n- Sở Công Thương chủ trì, phối hợp với các cơ quan liên quan thực hiện các "
               "nhiệm vụ sau:\n" + _ITEMS + "\n- Sở Y tế hướng dẫn các cơ sở kinh doanh tự kiểm tra.",
               issuer="Ủy ban nhân dân tỉnh Hà Nam")
    assert _roles(_with(obs, "Rà soát danh mục chợ")) == [("Sở Công Thương", "lead")]
    assert _roles(_with(obs, "Xây dựng kế hoạch kiểm tra")) == [("Sở Công Thương", "lead")]
    assert _roles(_with(obs, "tự kiểm tra")) == [("Sở Y tế", "lead")]


def test_a_letter_of_a_level_open_above_a_bullet_is_that_levels_next_item():
    obs = _run("a) Sở Tài chính có trách nhiệm:\n- Thẩm định dự toán của các sở, hoàn thành trong tháng 8/2027;\n"
               "- Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan thực hiện các nhiệm vụ sau:\n"
               "b) Kiểm tra chất lượng công trình trước ngày 30/9/2027.", issuer="Ủy ban nhân dân tỉnh Hà Nam")
    assert _roles(_with(obs, "Thẩm định dự toán")) == [("Sở Tài chính", "lead")]
    # b) is the sibling of a), not an item of the bullet above it
    assert all("Sở Nội vụ" not in [u.name for u in o.units] for o in obs if "chất lượng" in o.source_text)
