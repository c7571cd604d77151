"""An item of a legal basis ("Căn cứ <a document> … ;", the preamble's form) gives no task: the commas in it
part the issuers of the document cited ("… của A, B và C hướng dẫn …"), they do not open a clause whose subject
must act.  A basis that goes on to an order ("Căn cứ …, X yêu cầu …", "Căn cứ …, đề nghị …;") still gives one.

Every sentence is invented for the test; none is copied from a gold file or a corpus document."""

from __future__ import annotations

from obligation_helpers import holding, obligations_and_units

_HDR = {"type": "Kế hoạch", "issuer": "Ủy ban nhân dân xã Tân Lập"}

_TEXT = """
Căn cứ Nghị quyết liên tịch số 31/2031/NQLT-UBTVQH16-CP ngày 4 tháng 6 năm 2031 của Ủy ban Thường vụ Quốc hội, Chính phủ và Ban Thường trực Hội Cựu giáo chức Việt Nam hướng dẫn việc tổ chức tuần lễ học tập suốt đời;
Căn cứ Quyết định số 88/QĐ-UBND ngày 9/2/2032 của UBND huyện Đông Sơn, Phòng Giáo dục và Đào tạo huyện, Trung tâm Văn hóa huyện và Hội Khuyến học huyện phối hợp tổ chức tuần lễ;
Căn cứ Kế hoạch số 15/KH-UBND ngày 11/2/2032 của UBND huyện, đề nghị các trường học báo cáo kết quả trước ngày 30/6/2032;
Căn cứ Kế hoạch số 16/KH-UBND ngày 12/2/2032 của UBND huyện, UBND xã yêu cầu Trạm Y tế xã tổ chức khám sức khỏe cho học viên trước ngày 15/5/2032.
"""


def test_a_basis_item_gives_no_task_and_its_issuers_are_no_doers():
    obs, _ = obligations_and_units(_TEXT, **_HDR)
    named = {u.name for o in obs for u in o.units}
    assert not named & {"Chính phủ", "Ban Thường trực Hội Cựu giáo chức Việt Nam", "Hội Khuyến học huyện",
                        "Trung tâm Văn hóa huyện"}, named
    assert not [o for o in obs if "tuần lễ học tập suốt đời" in o.source_text]


def test_a_basis_that_goes_on_to_an_order_still_gives_its_task():
    obs, _ = obligations_and_units(_TEXT, **_HDR)
    assert [u.name for u in holding(obs, "báo cáo kết quả").units] == ["Các trường học"]
    assert holding(obs, "báo cáo kết quả").deadline.date == "2032-06-30"
    assert [u.name for u in holding(obs, "khám sức khỏe").units] == ["Trạm Y tế xã"]
