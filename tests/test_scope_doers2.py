"""Tasks the builder invents (issue 10): negated statements and names with no predicate are no tasks.

Every sentence here is invented for the test (bodies, places and dates are made up); none is copied from a gold
file or a corpus document.  Each test holds a shape of Vietnamese administrative text, never one wording.
"""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units


def _texts(obs) -> list[str]:
    return [o.source_text for o in obs]


# --------------------------------------------------------------------------
# A negated statement (GUIDELINES: "negated or conditional statements" are not tasks); its time is no deadline
# --------------------------------------------------------------------------

_NEGATED_ITEMS = """
b) Sở Công Thương:
- Rà soát giá bán các mặt hàng thiết yếu tại các chợ đầu mối, báo cáo trước ngày 20/4/2031.
- Chưa điều chỉnh mức phí chợ trong Quý II và Quý III năm 2031 đối với các hộ kinh doanh nhỏ.
- Không tổ chức hội chợ thương mại trước ngày 15/5/2031 tại các khu dân cư đông đúc.
- Hướng dẫn các siêu thị niêm yết giá công khai.
"""


def test_a_negated_item_is_no_task_and_its_time_no_deadline():
    obs, _units = obligations_and_units(_NEGATED_ITEMS)
    texts = " | ".join(_texts(obs))
    assert "Chưa điều chỉnh mức phí" not in texts
    assert "Không tổ chức hội chợ" not in texts
    assert not any(o.deadline and o.deadline.date in ("2031-09-30", "2031-05-15") for o in obs)
    # the items around them stay tasks of the heading's body, the dated one with its date
    dated = holding(obs, "Rà soát giá bán")
    assert dated.deadline is not None and dated.deadline.date == "2031-04-20"
    assert "Sở Công Thương" in [u.name for u in dated.units]
    assert "Sở Công Thương" in [u.name for u in holding(obs, "niêm yết giá").units]


def test_a_positive_duty_opening_with_khong_stays_a_task():
    # "không ngừng" (without pause) and "không để" (do not let … happen) give a duty, not a negation of one
    text = """
Ủy ban nhân dân các xã có trách nhiệm:
a) Không ngừng nâng cao chất lượng tiếp công dân tại trụ sở.
b) Không để tồn đọng hồ sơ đất đai quá hạn giải quyết.
"""
    obs, _units = obligations_and_units(text)
    assert "Ủy ban nhân dân các xã" in [u.name for u in holding(obs, "Không ngừng nâng cao").units]
    holding(obs, "Không để tồn đọng")


# --------------------------------------------------------------------------
# A list of names with a qualifier and no predicate ("(3) Các khoa còn lại.") is no task
# --------------------------------------------------------------------------

def test_names_with_a_qualifier_only_are_no_task():
    text = """
Phòng Đào tạo tổng hợp lịch thi của các khoa trước ngày 12/6/2032.
(1) Khoa Cơ khí, Khoa Điện và Khoa Hóa học.
(2) Các khoa còn lại.
Các cơ quan, tổ chức có liên quan theo quy định của pháp luật.
"""
    obs, _units = obligations_and_units(text)
    texts = " | ".join(_texts(obs))
    assert "Các khoa còn lại" not in texts
    assert "theo quy định của pháp luật" not in texts
    first = holding(obs, "tổng hợp lịch thi")
    assert first.deadline is not None and first.deadline.date == "2032-06-12"


def test_names_then_a_predicate_stay_a_task():
    text = "Các phòng chuyên môn còn lại rà soát hồ sơ viên chức, gửi Phòng Nội vụ trước ngày 08/7/2032.\n"
    obs, _units = obligations_and_units(text)
    ob = holding(obs, "rà soát hồ sơ viên chức")
    assert ob.deadline is not None and ob.deadline.date == "2032-07-08"


# --------------------------------------------------------------------------
# A bare second due date of a task ("… trước ngày X và trước ngày Y đối với Z, đồng thời … trước ngày W"): each date
# is a deadline (GUIDELINES: one entry per dated task); the clause after it keeps its own date
# --------------------------------------------------------------------------

def test_a_bare_second_date_is_a_second_deadline_of_the_task_before_it():
    text = ("Các trường mầm non gửi kế hoạch phòng chống dịch về Phòng Y tế trước ngày 06/3/2037 và trước ngày "
            "13/3/2037 đối với các điểm trường lẻ, đồng thời tổ chức diễn tập sơ tán trước ngày 27/3/2037.\n")
    obs, _units = obligations_and_units(text)
    dates = sorted(o.deadline.date for o in obs if o.deadline)
    assert dates == ["2037-03-06", "2037-03-13", "2037-03-27"]
    second = [o for o in obs if o.deadline and o.deadline.date == "2037-03-13"][0]
    assert second.action.startswith("gửi kế hoạch phòng chống dịch")
    assert "điểm trường lẻ" in second.source_text
    third = [o for o in obs if o.deadline and o.deadline.date == "2037-03-27"][0]
    assert third.action.startswith("tổ chức diễn tập") and "13/3" not in third.source_text
    assert all([u.name for u in o.units] == ["Các trường mầm non"] for o in obs)


def test_a_bare_second_date_in_brackets_at_the_end():
    text = "Phòng Kinh tế nộp báo cáo quyết toán trước ngày 11/9/2037 và trước ngày 29/9/2037 (đối với công trình chuyển tiếp).\n"
    obs, _units = obligations_and_units(text)
    assert sorted(o.deadline.date for o in obs if o.deadline) == ["2037-09-11", "2037-09-29"]


def test_two_dated_clauses_each_with_a_verb_read_as_before():
    text = "Trung tâm Văn hóa hoàn thiện kịch bản trước ngày 02/4/2038, tổng duyệt chương trình trước ngày 16/4/2038.\n"
    obs, _units = obligations_and_units(text)
    later = [o for o in obs if o.deadline and o.deadline.date == "2038-04-16"][0]
    assert later.action.startswith("tổng duyệt chương trình")
    assert len(obs) == 2
