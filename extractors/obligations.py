"""Obligations: who must do what, by when, reporting to whom.

``extract_obligations(doc, header) -> (list[Obligation], list[Unit])``

Two sources, read in document order:

* **prose** — every sentence whose subject is a unit list ("Phòng Nội vụ chủ
  trì, phối hợp với …", "Công đoàn …, Đoàn thanh niên: Chỉ đạo …", "Các đơn
  vị … báo cáo … trước ngày …"), or that is introduced by "Giao / Đề nghị /
  Yêu cầu / Phân công" ("Giao Phòng … chủ trì"); a leading adverbial ("Căn cứ
  Kế hoạch này, người đứng đầu …", "Trên cơ sở …, các đơn vị …") is skipped
  to find the subject.  Sentences without a subject that start with a task
  verb inherit one: from the sentence before in the same paragraph, or from
  the numbered item they sit under (bullets, sub-items, unlabeled follow-up
  paragraphs: "- Chịu trách nhiệm tổng hợp, báo cáo …").  "Đề nghị báo cáo …"
  with nobody named goes to the document's collective addressee (marked
  ``implied``).  Not obligations: the preamble ("… ban hành Kế hoạch … như
  sau:"), closing boilerplate ("Yêu cầu … nghiêm túc triển khai thực hiện",
  "Trên đây là …"), the distribution list and signature block.
* **tables** — one obligation per row of a table with a unit column
  ("Đơn vị chịu trách nhiệm thực hiện" → role ``responsible``, "Đơn vị chủ
  trì" → ``lead``, "Đơn vị phối hợp" → ``support``, "Theo dõi, kiểm tra,
  đôn đốc" / "Cơ quan theo dõi" / "Kiểm tra, giám sát" → ``monitor``), its
  action from the content column, its deadline from a time column ("Thời
  gian thực hiện").  A cell merged down over several rows belongs to each
  of them: a task cell spanning two rows gives two obligations, each with
  its own row's unit and time cells.
  Tables flattened into lines by a text extraction (column headers as
  paragraphs, then content paragraphs each followed by a line of unit names)
  are read the same way.

Every obligation carries its deadline (``extractors.deadlines``), recurrence
(``extractors.recurrence``), report_to, source_text and ``loc``; units are
canonicalised and merged per document (``extractors.unit_registry``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from core import regex_cached as regex

from extractors.deadlines import (
    closing_bracket_due, covered_period_at, due_field, find_deadlines, open_ended_at, period_listed_at)
from extractors.obligation_builder import (
    CLOSING,
    REPORT_VERB,
    Draft,
    ObligationBuilder,
    body_of,
    clean_action,
    report_to,
    split_recipients,
)
from extractors.obligation_tables import FlatTableReader, read_table
from extractors.recurrence import find_recurrences, fold_yearly_due
from extractors.sentences import ITEM_LABEL_PREFIX, split_sentences
from extractors.unit_registry import UnitRegistry
from extractors.units import (
    UnitSpan,
    canonical_name,
    find_units,
    is_vague,
    member_units,
    parse_unit,
    parse_unit_list,
)
from core.model import (
    Deadline,
    Document,
    DocumentHeader,
    Loc,
    Obligation,
    Paragraph,
    Table,
    Unit,
)
from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces

# --------------------------------------------------------------------------
# Phrases
# --------------------------------------------------------------------------

_LABEL = regex.compile(
    r"^\s*(?:(?P<art>Điều[ ]+\d{1,3}[a-zđ]?)[.:]|(?P<roman>[IVXLC]{1,6})[.)]|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[a-zđ])?)[.)]|(?P<letter>[a-zđ])[.)]"
    # bullets, with the glyphs of symbol fonts a PDF or Word file keeps in the private use area ("\uf0b7")
    r"|\((?P<paren>\d{1,2}|[a-zđ])\)|(?P<bullet>[-–+•*▪●◦○■□➢►❖✓‣⁃\p{Co}]))\s*",
    regex.V1,
)
_TRIGGER = regex.compile(
    r"^(?:Kính[ ]|Trân[ ]trọng[ ])?(?P<t>Giao(?:[ ]nhiệm[ ]vụ)?(?:[ ]cho)?|Đề[ ]nghị|Kiến[ ]nghị|Đề[ ]xuất|Yêu[ ]cầu|Phân[ ]công(?:[ ]cho)?|Ủy[ ]quyền(?:[ ]cho)?|Uỷ[ ]quyền(?:[ ]cho)?)"
    # a proposal addressed "với / đối với" the body ("Kiến nghị với Bộ X:", "Đề xuất đối với UBND tỉnh: …")
    r"(?:(?<=(?:nghị|xuất))[ ]+(?:với|đối[ ]với))?[ ]+",
    regex.V1 | regex.IGNORECASE,
)
_TIME_OPEN = (r"(?:Năm[ ]+(?:19|20)\d{2}|Tháng[ ]+\d{1,2}(?:[/.]\d{4})?|Quý[ ]+(?:[IV]{1,3}|\d)(?:[/.]\d{4})?|Từ[ ]nay(?:[ ]đến[ ][^,]{3,30})?"
              r"|Đến[ ]năm[ ]+\d{4}|Hằng[ ](?:năm|tháng|quý|tuần)|Hàng[ ](?:năm|tháng|quý|tuần)|Định[ ]kỳ[ ][^,]{2,30})(?=,)")
# (a recurrence only: "…, trong năm 2019 Bộ sẽ tổng kết …" is the issuer's own plan as often as an order)
# a paragraph that is one labeled field ("2. Cơ quan chủ trì: Bộ X.", "Thời gian hoàn thành: Quý IV/2026")
# (its label may hold a dash or a comma, "Thời gian triển khai - hoàn thành:", and its number levels, "1.2.")
_FIELD_LINE = regex.compile(ITEM_LABEL_PREFIX + r"\p{Lu}\p{L}*(?:[ ]*[-–,]?[ ]+\p{L}+){0,8}"
                            r"[ ]*:[ ]*\S", regex.V1)
# a field of a task card whose value is the list below it ("- Kết quả dự kiến:", "Sản phẩm:"), and an item of that list
_BARE_FIELD = regex.compile(r"^[ ]*(?:[-–+•][ ]*)?\p{Lu}\p{Ll}*(?:[ ]+\p{Ll}+){0,5}[ ]*:[ ]*$", regex.V1)
_SUB_ITEM = regex.compile(r"^[ ]*[+•*]")
# the field of a task card that names the task ("1. Tên nhiệm vụ: Xây dựng …", "Nội dung công việc: …")
# (or "1.2. Nhiệm vụ: …")
_CARD_NAME = regex.compile(ITEM_LABEL_PREFIX + r"(?:Tên[ ](?:nhiệm[ ]vụ|đề[ ]án|dự[ ]án|công[ ]việc)|Nhiệm[ ]vụ"
                           r"|Nội[ ]dung[ ](?:nhiệm[ ]vụ|công[ ]việc))[ ]*:[ ]*(?P<v>\S.*)$", regex.V1 | regex.IGNORECASE)
_TIME_ADJUNCT = regex.compile(r"(?:(?:hằng|hàng|mỗi)[ ](?:năm|quý|tháng|tuần)|định[ ]kỳ(?:[ ](?:hằng|hàng|mỗi)[ ](?:năm|quý|tháng|tuần))?)"
                              r"[ ]+(?=\p{Lu})", regex.V1)
# a period opening the sentence before its subject with no comma ("Hàng tháng Phòng Tài chính …", "Định kỳ 6 tháng Sở X …")
_TIME_START = regex.compile(r"^(?:(?:Hằng|Hàng|Mỗi)[ ](?:năm|quý|tháng|tuần)|Định[ ]kỳ(?:[ ](?:hằng|hàng|mỗi)[ ](?:năm|quý|tháng|tuần)"
                            r"|[ ]\d{1,2}[ ]tháng(?:[ ]một[ ]lần)?)?)[ ]+(?=\p{Lu})", regex.V1)
_ADVERBIAL = regex.compile(
    r"^(?:Căn[ ]cứ|Trên[ ]cơ[ ]sở|Trong[ ]phạm[ ]vi|Để|Sau[ ]khi|Theo|Từ|Nhằm|Đối[ ]với|Thực[ ]hiện|Qua|Với|Trong|Khi"
    r"|Ngay[ ](?:sau[ ])?khi|Nhận[ ]được"
    # connectives and time adverbials that open a sentence before its subject
    r"|Vì[ ]vậy|Vì[ ]thế|Do[ ]đó|Do[ ]vậy|Bởi[ ]vậy|Tuy[ ]nhiên|Ngoài[ ]ra|Bên[ ]cạnh[ ]đó|Mặt[ ]khác|Đồng[ ]thời|Riêng"
    r"|Hiện[ ]nay|Trước[ ]mắt|Sau[ ]đó|Tiếp[ ]theo|Cụ[ ]thể"
    # a time limit or a moment before the subject ("Trước ngày 15/10, Sở X gửi …", "Chậm nhất ngày 20/10, các huyện
    # …", "Trước khi khai mạc, Ban Tổ chức …", "Kể từ ngày …, Sở X tiếp nhận …", "Đến hết ngày …, …")
    r"|Trước|Chậm[ ]nhất|Muộn[ ]nhất|Kể[ ]từ|Đến[ ]hết|Đến[ ]ngày|Sau[ ]ngày|Sau[ ]thời[ ]điểm"
    # what is done besides ("Bên cạnh việc …, Sở X đề nghị …", "Cùng với …", "Song song với …")
    r"|Bên[ ]cạnh|Cùng[ ]với|Song[ ]song[ ]với"
    # the topic the order is about ("Về nội dung nêu trên, Thủ tướng Chính phủ giao …", "Về việc này, Bộ X đề nghị …")
    r"|Về"
    # a time adverbial ("Năm 2026, các trường …", "Quý IV/2025, …", "Hằng năm, …")
    r"|" + _TIME_OPEN + r")\b",
    regex.V1 | regex.IGNORECASE,
)
# an item of a legal basis: "Căn cứ <a document> …;" (the preamble's form, Nghị định 30/2020/NĐ-CP), the semicolon
# closing it; and the words that would make it an order all the same ("Căn cứ …, đề nghị các đơn vị …;")
_BASIS_ITEM = regex.compile(r"^Căn[ ]cứ[ ](?:vào[ ])?\p{Lu}[^;]*;[ ]*$", regex.V1)
_ORDER_WORD = regex.compile(r"(?<!\p{L})(?:đề[ ]nghị|yêu[ ]cầu|giao|chỉ[ ]đạo|phân[ ]công|có[ ]trách[ ]nhiệm)(?!\p{L})",
                            regex.V1 | regex.IGNORECASE)
_CONNECTIVE = regex.compile(
    r"^(?:Vì[ ]vậy|Vì[ ]thế|Do[ ]đó|Do[ ]vậy|Bởi[ ]vậy|Tuy[ ]nhiên|Ngoài[ ]ra|Bên[ ]cạnh[ ]đó|Mặt[ ]khác|Đồng[ ]thời|Riêng"
    r"|Hiện[ ]nay|Trước[ ]mắt|Sau[ ]đó|Tiếp[ ]theo|Cụ[ ]thể|" + _TIME_OPEN + r")[ ]*,", regex.V1 | regex.IGNORECASE)
# an agent of a passive ("được các cấp, …"), never the subject of a task
# ("nhận được hồ sơ, …" is no passive: the verb "nhận được", to receive)
_PASSIVE_BEFORE = regex.compile(r"(?<!(?:nhận|đạt|thu|tìm|lấy|làm)[ ])(?:được|bởi)\b[^,;.]{0,30},?[ ]*$", regex.V1 | regex.IGNORECASE)
# a passive whose verb follows "được" straight away ("Đối với các đề án được bổ sung vào danh mục, …"): no agent is
# named, the comma closes the opening clause; an agent is a body after "được" ("được các cấp, …", "được Sở X, …")
_PASSIVE_NO_AGENT = regex.compile(r"(?<!(?:nhận|đạt|thu|tìm|lấy|làm)[ ])được[ ]+(?!(?:các|những|mọi|toàn|cả|cấp|ngành|bởi)\b)\p{Ll}"
                                  r"[^,;.]{0,60},[ ]*$", regex.V1)
# a passive whose verb ends the noun phrase before the comma ("Căn cứ kinh phí được giao, …", "… dự toán được phê
# duyệt, …"): the opening clause is whole, no agent follows the comma
_PASSIVE_DONE = regex.compile(r"(?<!\p{L})được[ ]+(?:giao|phê[ ]duyệt|ban[ ]hành|bố[ ]trí|phân[ ]bổ|phân[ ]công|quy[ ]định"
                              r"|hướng[ ]dẫn|xác[ ]định|thông[ ]qua)[ ]*,[ ]*$", regex.V1 | regex.IGNORECASE)
# a role's label before the bodies that hold it ("Đơn vị phối hợp triển khai: …", "Cơ quan chủ trì: …")
# (or the duty itself: "Trách nhiệm chỉ đạo thực hiện: …", "Trách nhiệm chủ trì: …")
_ROLE_LABEL = regex.compile(r"^(?:(?:Đơn[ ]vị|Cơ[ ]quan|Bộ[ ]phận)[ ]+|Trách[ ]nhiệm[ ]+(?:(?:chỉ[ ]đạo|tổ[ ]chức)[ ]+)?)"
                            r"(?P<r>chủ[ ]trì|phối[ ]hợp|thực[ ]hiện|chịu[ ]trách[ ]nhiệm)"
                            r"(?:[ ][^:;.]{1,60})?[ ]*:[ ]*(?=\S)", regex.V1 | regex.IGNORECASE)
# a role's label alone on its line, the bodies that hold it on the lines below ("2. Cơ quan chủ trì, phối hợp" then "a) Cơ
# quan chủ trì" then "- Sở X.", "- Sở Y; UBND các huyện."; "b) Đơn vị phối hợp:"; "2. Chủ trì thực hiện")
_ROLE_HEAD = regex.compile(r"(?:(?:Đơn[ ]vị|Cơ[ ]quan|Bộ[ ]phận)[ ]+(?P<r>chủ[ ]trì|phối[ ]hợp|thực[ ]hiện)|(?P<r1>chủ[ ]trì|phối[ ]hợp))"
                           r"(?:[ ]*,[ ]*(?:phối[ ]hợp|thực[ ]hiện))?(?:[ ]+thực[ ]hiện)?[ ]*:?", regex.V1 | regex.IGNORECASE)
# the next field of a card run on into a role line ("… phối hợp với các sở -Thời gian thực hiện: Quý II")
_GLUED_FIELD = regex.compile(r"[ ]*[-–][ ]*(?=\p{Lu}\p{Ll}*(?:[ ]\p{Ll}+){0,5}[ ]*:)", regex.V1)
# the courtesy before the heads' titles of an execution clause ("Các Ông, Bà Trưởng phòng …", "Các Ông (Bà) Chánh …")
# ("Các ông (bà): Chánh Văn phòng …": the titles may follow a colon)
_HONORIFIC = regex.compile(r"(?:Các[ ]+)?Ông[ ]*(?:[,/][ ]*Bà|\([ ]*Bà[ ]*\))(?:[ ]*:[ ]*|[ ]+)(?=\p{Lu})", regex.V1 | regex.IGNORECASE)
# an order after the comma of an opening clause ("Nhận được công văn này, đề nghị …")
_COMMA_ORDER = regex.compile(r",[ ]*(?=(?:kính[ ]|trân[ ]trọng[ ])?(?:đề[ ]nghị|yêu[ ]cầu|giao)[ ]+\S)", regex.V1 | regex.IGNORECASE)
# "Khi đánh giá xong thì Thư ký …": a time clause closed by "thì", the subject after it
# a lead-in over the members of a board, a council or a delegation ("…, gồm các thành viên sau đây:", "Thành phần Tổ
# công tác gồm:", "… gồm các ông, bà có tên sau:")
_ROSTER = regex.compile(r"(?:\bthành[ ]phần\b[^:;.]{0,80}?\bgồm(?:[ ]có)?|\bgồm(?:[ ]có)?[ ]+(?:các[ ]+)?(?:thành[ ]viên|ông|đồng[ ]chí|"
                        r"những[ ]người|người|cá[ ]nhân[ ]có[ ]tên))[^:;.]{0,50}:[ ]*$|^Thành[ ]phần[^:;.]{0,60}:[ ]*$",
                        regex.V1 | regex.IGNORECASE)
# a short capitalised name that is no unit (the Government, the Prime Minister) asking others ("Chính phủ yêu cầu các …")
_ASKER = regex.compile(r"^\p{Lu}\p{L}*(?:[ ]\p{L}+){0,3}[ ]+(?=(?:trân[ ]trọng[ ]|kính[ ])?(?:đề[ ]nghị|yêu[ ]cầu"
                       # ("Thủ tướng Chính phủ giao Bộ X …": the head who orders is no unit of the task either)
                       r"|giao(?:[ ]nhiệm[ ]vụ)?(?:[ ]cho)?)[ ]+(?:các[ ]|\p{Lu}))",
                       regex.V1)
# a gazette's running head ("CÔNG BÁO/Số 302/Ngày 02-06-2026") and the lines of an e-signature stamp ("Ký bởi: …",
# "Ngày ký: 2026-06-02 08:06:33 +07:00", "Cơ quan: VĂN PHÒNG CHÍNH PHỦ") printed between the pages
_STAMP = regex.compile(r"^[ ]*(?:CÔNG[ ]BÁO[ ]*/[ ]*Số[ ]*\d|Ký[ ]bởi[ ]*:|Ngày[ ]ký[ ]*:[ ]*\d|Cơ[ ]quan[ ]*:[ ]*\p{Lu}{2,}[ ]+\p{Lu}{2,})",
                       regex.V1)
# "… thông báo để Cục Thuế (được) biết, thực hiện …": the issuer tells a body so that it acts
_NOTIFY_SO = regex.compile(r"^(?:trân[ ]trọng[ ])?thông[ ]báo[ ]+để[ ]+", regex.V1 | regex.IGNORECASE)
_KNOWN = regex.compile(r"[ ]*(?:được[ ]+)?biết(?:[ ]*,[ ]*(?:và[ ]+)?|[ ]+và[ ]+)", regex.V1)
# the fields of a plural body's name after a comma, closed by the colon of its duty (", tuyên truyền và báo chí của
# thành phố:"): lower-case words, commas and "và" only
_FIELDS_COLON = regex.compile(r"^(?P<sep>[ ]*,[ ]*|[ ]+và[ ]+)(?P<q>\p{Ll}[^:;.()\n\d]{2,80}?)[ ]*:[ ]*", regex.V1)
_THEN = regex.compile(r"[ ,]thì[ ]", regex.V1)
_WHEN_THEN = regex.compile(r"^(?:Sau[ ]khi|Khi|Ngay[ ]sau[ ]khi)\b[^.;:]{3,120}?[ ]thì[ ]+(?=\p{Lu})", regex.V1 | regex.IGNORECASE)
# the subject asks others to act ("Bộ Nội vụ đề nghị các bộ …", "Ban giám hiệu đề nghị:")
# (one who hands a task on is no doer of it: "UBND tỉnh ủy quyền cho Sở X chủ trì …", "… ủy nhiệm Phòng Y …")
# what a superior does with a proposal put to it ("… xem xét, quyết định", "… cho phép", "… phê duyệt")
_DECIDE = regex.compile(r"[ ]*(?:xem[ ]xét|quyết[ ]định|cho[ ]phép|phê[ ]duyệt|chấp[ ]thuận|cho[ ]ý[ ]kiến|giải[ ]quyết)(?!\p{L})",
                        regex.V1 | regex.IGNORECASE)
# what closes an order whose bodies are named and whose tasks are the items below ("… cho các đơn vị như sau:")
_TO_ITEMS = regex.compile(r"[ ]*(?:(?:như[ ]sau|sau[ ]đây|cụ[ ]thể(?:[ ]như[ ]sau)?)[ ]*)?:[ ]*$", regex.V1 | regex.IGNORECASE)
# an order given inside an opening clause's run, after the body that gives it (" giao Sở X …", " yêu cầu các …")
_ORDER_IN_CLAUSE = regex.compile(r"(?<=[ ])(?=(?:giao(?:[ ]nhiệm[ ]vụ)?(?:[ ]cho)?|yêu[ ]cầu|phân[ ]công(?:[ ]cho)?|[uủ][yỷ][ ]quyền(?:[ ]cho)?)[ ]+(?:các[ ]|\p{Lu}))",
                                 regex.V1)
_INNER_TRIGGER = regex.compile(r"^(?:trân[ ]trọng[ ]|kính[ ]|thống[ ]nhất[ ](?=(?:giao|phân[ ]công)[ ]))?(?P<t>đề[ ]nghị|đề[ ]xuất|kiến[ ]nghị|yêu[ ]cầu|giao(?![ ](?:thông|dịch|lưu|thương)\b)(?:[ ]nhiệm[ ]vụ)?(?:[ ]cho)?|phân[ ]công(?:[ ]nhiệm[ ]vụ)?(?:[ ]cho)?|chỉ[ ]đạo"
                               r"|[uủ][yỷ][ ](?:quyền|nhiệm)(?:[ ]cho)?"
                               r"|(?:kính[ ])?mời)\b[ ]*",
                               regex.V1)
# people listed after the bodies of a subject, before its predicate "chịu/có trách nhiệm"
_PERSONS_TOO = regex.compile(
    r"^và[ ]+(?:các[ ]+)?(?:ông[ ]*[,/]?[ ]*bà|cá[ ]+nhân|tổ[ ]+chức,?[ ]*cá[ ]+nhân)\b[^.;:]{0,60}?[ ](?=(?:chịu|có)[ ]+trách[ ]+nhiệm\b)",
    regex.V1 | regex.IGNORECASE,
)
# a phrase between the subject and its predicate ("Bộ X, cơ quan Y, trong phạm vi nhiệm vụ, quyền hạn của mình,
# có trách nhiệm"; "Sở A, theo chức năng, nhiệm vụ được giao, chủ trì …"): skipped
_INSERT_OPEN = (r"^[ ]*,?[ ]*(?:trong[ ]phạm[ ]vi|theo[ ](?:chức[ ]năng|thẩm[ ]quyền|phạm[ ]vi|nhiệm[ ]vụ)"
                r"|căn[ ]cứ[ ](?:chức[ ]năng|nhiệm[ ]vụ))[^;:.()]{0,100}?")
_INSERTED = (
    # up to the predicate of duty ("… của mình có trách nhiệm")
    regex.compile(_INSERT_OPEN + r"[ ,]*(?=(?:có|chịu)[ ]trách[ ]nhiệm\b|có[ ]nhiệm[ ]vụ\b|phải\b)",
                  regex.V1 | regex.IGNORECASE),
    # closed by a comma after its usual last words ("…, theo chức năng, nhiệm vụ được giao, chủ trì …")
    regex.compile(_INSERT_OPEN + r"(?:của[ ]mình|được[ ]giao|quyền[ ]hạn|quản[ ]lý)[ ]*,[ ]*", regex.V1 | regex.IGNORECASE),
    # an appositive after a dash, closed by a comma ("Sở X - cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm …")
    regex.compile(r"^[ ]*[-–][ ]+(?=\p{Ll})[^;:.()\-–]{3,100}?,[ ]*(?=\p{Ll})", regex.V1),
)
# a generic actor of a regulation or internal rule as the subject of a duty ("Văn thư cơ quan có nhiệm vụ",
# "Người đứng đầu cơ quan, tổ chức có trách nhiệm", "Cá nhân … phải …", "Sinh viên có trách nhiệm")
_ACTOR = regex.compile(
    r"(?P<np>(?:mỗi[ ]|các[ ]|những[ ])?(?:người|cá[ ]nhân|văn[ ]thư(?=[ ]+(?:cơ[ ]quan|\p{Lu}))|lưu[ ]trữ(?=[ ]+(?:cơ[ ]quan|\p{Lu}))"
    r"|cơ[ ]quan|tổ[ ]chức(?=,?[ ](?:và[ ]|hoặc[ ])?cá[ ]nhân)|đơn[ ]vị|bộ[ ]phận|bên[ ](?:nhận|gửi|giao)|cán[ ]bộ|công[ ]chức|viên[ ]chức"
    r"|sinh[ ]viên|học[ ]sinh|học[ ]viên|giám[ ]thị|giảng[ ]viên|giáo[ ]viên|thí[ ]sinh)(?!\p{L})[^.;:()]{0,110}?)"
    r"[ ,]*(?<!không[ ]|nếu[ ]|cũng[ ])(?P<pred>(?:có|chịu)[ ]trách[ ]nhiệm|có[ ]nhiệm[ ]vụ|phải(?![ ](?:được|là|do|có|qua)\b))(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)
# people by their role, named right after an order ("Yêu cầu giám thị …", "Đề nghị các giảng viên …")
_ROLE_AFTER_TRIGGER = regex.compile(
    r"(?:các[ ]|toàn[ ]thể[ ])?(?P<np>(?:giám[ ]thị|sinh[ ]viên|học[ ]sinh|học[ ]viên|giảng[ ]viên|giáo[ ]viên|thí[ ]sinh"
    r"|cán[ ]bộ[ ]coi[ ]thi|cán[ ]bộ,[ ]công[ ]chức(?:,[ ]viên[ ]chức)?)(?:[ ]chính[ ]quy)?)[ ]+(?=\p{Ll})",
    regex.V1,
)
_BODY_ACTOR = regex.compile(r"^(?:cac )?(?:co quan|to chuc|don vi|bo phan|van thu|luu tru)\b")
_RELATIVE_VERB = regex.compile(r"\b(?:duoc|co(?! quan)|nhan|lap|giu|ky|soan|giai quyet|theo doi)\b")
# the issuer announcing ("… thông báo đến sinh viên …", "… công bố bổ sung danh mục …", "… trân trọng thông báo")
_ANNOUNCE = regex.compile(r"^(?:trân[ ]trọng[ ]|xin[ ])?(?:thông[ ]báo|công[ ]bố)(?:[ ]+(?:đến|tới|cho|bổ[ ]sung|kết[ ]quả|như[ ]sau))?\b",
                          regex.V1 | regex.IGNORECASE)
# the issuer's stance or its submission, no task ("cơ bản thống nhất với …", "xin lỗi …", "kính báo cáo Bộ X xem xét",
# "trân trọng cảm ơn …")
_STANCE = regex.compile(
    r"^(?:(?:cơ[ ]bản|hoàn[ ]toàn|về[ ]cơ[ ]bản|xin|thành[ ]thật|chân[ ]thành|trân[ ]trọng|kính|rất)[ ]+)*"
    r"(?:thống[ ]nhất|nhất[ ]trí|đồng[ ]tình|đồng[ ]ý|chấp[ ]thuận|xin[ ]lỗi|cảm[ ]ơn|hoan[ ]nghênh|ghi[ ]nhận)\b"
    r"|^(?:kính|xin|trân[ ]trọng)[ ]+(?:báo[ ]cáo|trình|gửi)\b"
    # its answer, its encouragement, what it received: "Cục X trả lời để Công ty được biết", "Trường X khuyến khích
    # sinh viên …", "Sở X nhận được văn bản …", "Chi cục X hướng dẫn để đơn vị biết và thực hiện"
    r"|^(?:trả[ ]lời|khuyến[ ]khích|nhận[ ]được|đã[ ]nhận)\b"
    r"|^(?:hướng[ ]dẫn|thông[ ]tin|giải[ ]đáp)[ ]+(?:để|cho|tới|đến)\b[^.;:]{0,80}?(?<!\p{L})biết(?!\p{L})",
    regex.V1 | regex.IGNORECASE)
# first word after a subject that shows the subject is not the doer ("Sở Y tế là …", "Phòng … của …")
_NOT_TASK_AFTER = regex.compile(
    # ("là" but in a role given: "Ban X là đầu mối tiếp nhận …", "Vụ Y là đơn vị đầu mối, chủ trì …")
    r"^(?:của|là(?![ ](?:(?:đơn[ ]vị|cơ[ ]quan)[ ])?(?:đầu[ ]mối|chủ[ ]trì|thường[ ]trực)(?!\p{L}))|được|đã|đang|vừa|từng|không"
    r"|chưa|về|tại|ở|thuộc|này|đó|năm|ngày|với|nhằm|như|gồm|bao[ ]gồm|và|hoặc|có[ ]liên[ ]quan"
    r"|có[ ]thể|có[ ]thẩm[ ]quyền|có[ ]quyền)\b",
    regex.V1 | regex.IGNORECASE,
)
# a sentence without a subject is a task when it starts like an order
_TASK_START = regex.compile(
    r"^(?:(?:Định[ ]kỳ|Hằng|Hàng|Mỗi|Thường[ ]xuyên|Chủ[ ]động|Khẩn[ ]trương|Kịp[ ]thời|Tiếp[ ]tục|Tích[ ]cực|Trước|Chậm[ ]nhất"
    r"|Đồng[ ]thời|Nghiêm[ ]túc)\b[^.;]{0,40}?[ ,]+)?"
    r"(?:Tham[ ]mưu|Chịu[ ]trách[ ]nhiệm|Chủ[ ]trì|Phối[ ]hợp|Tổng[ ]hợp|Báo[ ]cáo|Gửi|Nộp|Tự|Theo[ ]dõi|Đôn[ ]đốc|"
    r"Kiểm[ ]tra|Giám[ ]sát|Hướng[ ]dẫn|Chỉ[ ]đạo|Xây[ ]dựng|Tổ[ ]chức|Triển[ ]khai|Thực[ ]hiện|Rà[ ]soát|Đề[ ]xuất|"
    r"Trình|Cung[ ]cấp|Bố[ ]trí|Đảm[ ]bảo|Bảo[ ]đảm|Cân[ ]đối|Lập|Ban[ ]hành|Phổ[ ]biến|Tuyên[ ]truyền|Quán[ ]triệt|"
    r"Đăng[ ]ký|Tiến[ ]hành|Làm[ ]đầu[ ]mối|Là[ ]đầu[ ]mối|Nghiên[ ]cứu|Cập[ ]nhật|Thông[ ]báo|Tiếp[ ]nhận|Giải[ ]quyết|"
    r"Lựa[ ]chọn|Phân[ ]công|Thành[ ]lập|Sơ[ ]kết|Tổng[ ]kết|Đánh[ ]giá|Thẩm[ ]định|Hoàn[ ]thành|Chuẩn[ ]bị|"
    r"Tập[ ]trung|Mời|Cử|Xác[ ]nhận|Tăng[ ]cường|Đẩy[ ]mạnh|Đẩy[ ]nhanh|Nâng[ ]cao|Khắc[ ]phục|Kiện[ ]toàn|Duy[ ]trì|Công[ ]khai|"
    r"Công[ ]bố|Liên[ ]hệ|Chấn[ ]chỉnh|Xử[ ]lý|Thống[ ]kê|Hoàn[ ]thiện|Ứng[ ]dụng|Nắm|Hỗ[ ]trợ|"
    # more verbs of administrative tasks
    r"Phê[ ]duyệt|Cấp[ ]phép|Cấp[ ]phát|Niêm[ ]yết|Vận[ ]động|Điều[ ]tra|Chi[ ]trả|Bồi[ ]dưỡng|Tập[ ]huấn|Đào[ ]tạo|Soạn[ ]thảo|Dự[ ]thảo|"
    r"Biên[ ]soạn|Xem[ ]xét|Xét[ ]duyệt|"
    # ("Xét" with the act it decides, "Xét công nhận …", "Xét tuyển …"; never "Xét đề nghị / Xét Tờ trình / Xét thấy" of
    # a preamble)
    r"Xét[ ](?:công[ ]nhận|tuyển|chọn|cấp|tặng|khen[ ]thưởng|nâng[ ]lương|nâng[ ]bậc|miễn|giảm|hỗ[ ]trợ|cử)|Quản[ ]lý|Lồng[ ]ghép|Tham[ ]gia|Tham[ ]dự|Ưu[ ]tiên|Phân[ ]bổ|Huy[ ]động|"
    r"Nâng[ ]cấp|Mua[ ]sắm|Sửa[ ]chữa|Khảo[ ]sát|Điều[ ]chỉnh|Bổ[ ]sung|Sửa[ ]đổi|Khen[ ]thưởng|Biểu[ ]dương|"
    r"Nhân[ ]rộng|Phát[ ]động|Phát[ ]huy|Phát[ ]triển|Lưu[ ]trữ|Số[ ]hóa|Tích[ ]hợp|Kết[ ]nối|Chia[ ]sẻ|Đối[ ]chiếu|"
    r"Hoàn[ ]chỉnh|Chỉnh[ ]sửa|Góp[ ]ý|Tiếp[ ]thu|Điều[ ]phối|Phấn[ ]đấu|Ngăn[ ]chặn|Phòng[ ]ngừa|Phát[ ]hiện|"
    r"Thu[ ]hồi|Bàn[ ]giao|Công[ ]nhận|Chấm[ ]điểm|Nghiệm[ ]thu|Quyết[ ]toán|Thanh[ ]toán|Giải[ ]ngân|"
    r"Sắp[ ]xếp|Tuyển[ ]dụng|Lấy[ ]ý[ ]kiến|Đăng[ ]tải|Cài[ ]đặt|Vận[ ]hành|Khai[ ]thác|Sử[ ]dụng|Kiểm[ ]soát|"
    r"Di[ ]dời|Bồi[ ]thường|Thi[ ]công|Thẩm[ ]tra|Phúc[ ]tra|Truy[ ]cập|Ký|Trao|Họp)\b",
    regex.V1 | regex.IGNORECASE,
)
_PREAMBLE = regex.compile(r"(?:như[ ]sau|sau[ ]đây|cụ[ ]thể[ ]như[ ]sau|các[ ]nội[ ]dung[ ]sau"
                          # "… tập trung chỉ đạo thực hiện một số nhiệm vụ sau:", "… các công việc trọng tâm sau:"
                          r"|(?:nội[ ]dung|nhiệm[ ]vụ|công[ ]việc|việc|giải[ ]pháp)(?:[ ]\p{L}+){0,2}?[ ]sau)[ ]*:?[ ]*$",
                          regex.V1 | regex.IGNORECASE)
# "UBND huyện yêu cầu:", "… hướng dẫn các nội dung sau:" — but "hướng dẫn các xã lập quy hoạch" is a task
_INTRO_ONLY = regex.compile(r"^(?:yeu cau|de nghi|giao|chi dao|thong bao|huong dan|quy dinh)(?: nhu sau| cac [^:]{0,40}:)?\s*:?$")
_GENERIC_UNIT = regex.compile(r"^cac (?:co quan|don vi|co quan, don vi|don vi, co quan)$")
# a plan's part on its aims ("I. MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "QUAN ĐIỂM"): what it wants, no one's task
_AIMS_SECTION = regex.compile(r"^(?:[ivxlc\d]{1,5}[.)/]?\s*)?(?:muc dich|yeu cau|muc tieu|quan diem)(?!\p{L})")
_TASK_SECTION = regex.compile(r"nhiem vu|phuong huong|giai phap|kien nghi|de xuat|to chuc thuc hien|de nghi|trong tam|chuong trinh cong tac"
                              r"|thoi gian toi|nam toi|sap toi")
# words of a closing order that says nothing but "carry this out"
_BOILERPLATE_WORDS = frozenset(
    "nghiem tuc trien khai thuc hien to chuc noi dung ke hoach cong van quyet dinh chi thi huong dan van ban nay "
    "tot co hieu qua nghiem chinh day du va cac de ./. theo dung quy dinh chi dao tai don vi minh "
    "quan tam phoi hop khan truong kip thoi nhung neu tren".split()
)
_SUPPORT = regex.compile(r"\bphối[ ]hợp(?:[ ]chặt[ ]chẽ)?(?:[ ](?:với|cùng))?[ ]+", regex.V1 | regex.IGNORECASE)
_LEAD_START = regex.compile(r"^(?:chủ[ ]trì|làm[ ]đầu[ ]mối|là[ ]đầu[ ]mối|đầu[ ]mối|là[ ]cơ[ ]quan[ ]chủ[ ]trì)\b",
                            regex.V1 | regex.IGNORECASE)
# the charge to carry a resolution out ("tổ chức thực hiện Nghị quyết này", "chỉ đạo, tổ chức triển khai thực hiện Nghị quyết")
_CARRY_OUT = regex.compile(r"^(?:(?:chi dao|to chuc|trien khai|khan truong)[, ]+(?:va )?)*thuc hien nghi quyet\b")
_MONITOR_START = regex.compile(r"^(?:theo[ ]dõi|giám[ ]sát|đôn[ ]đốc|kiểm[ ]tra)\b", regex.V1 | regex.IGNORECASE)



# --------------------------------------------------------------------------
# Prose
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Subject:
    units: list[tuple[UnitSpan, str]]
    action_start: int
    trigger: str | None = None


def _find_subject(s: str, asked: bool = False) -> _Subject | None:
    """The unit list a sentence gives its task to, with where the action starts.  ``asked``: the sentence is
    what an order asks of the bodies it names ("… đề nghị <s>")."""
    _tm = rx_timeout(s)  # no limit on a short text (core.textutil.RX_SHORT)
    if s[:1] in "TNnYQ":
        dh = _duty_heading(s)  # (before the order word: "Yêu cầu đối với …" heads the duties of those it names)
        if dh is not None:
            return dh
    pos, trig = 0, None
    mt = _TRIGGER.match(s, timeout=_tm)
    if mt:
        pos, trig = mt.end(), fold(mt.group("t"))
    mh = _HONORIFIC.match(s, pos, timeout=_tm) if trig is None else None
    if mh is not None:
        pos = mh.end()  # "Các Ông (Bà) Chánh Văn phòng, Trưởng phòng …": the titles name the bodies
    ul = parse_unit_list(s, pos)
    if ul is None and trig is None and (mts := _TIME_START.match(s, timeout=_tm)) is not None:
        ul = parse_unit_list(s, mts.end())  # "Hằng quý Sở Y tế tổng hợp …": the subject after the period
    if trig in ("de xuat", "kien nghi") and ul is not None and _DECIDE.match(s, ul.end, timeout=_tm):
        # "Đề xuất UBND tỉnh xem xét, quyết định …": a proposal to the body that decides; the task is to propose,
        # the doer's whom the context gives, never the body proposed to
        return None
    if ul is None and trig is None:
        ma = _ASKER.match(s, timeout=_tm)
        if ma is not None:
            # "Chính phủ yêu cầu các Bộ trưởng …", "Thủ tướng Chính phủ trân trọng đề nghị Ban X …": one who is no unit
            # of the task asks; the bodies after the order do it
            inner = _find_subject(s[ma.end():], asked=asked)
            if inner is not None and inner.trigger is not None:
                for u, _r in inner.units:
                    u.start += ma.end()
                    u.end += ma.end()
                return _Subject(inner.units, inner.action_start + ma.end(), inner.trigger)
    mb = _BARE_PLURAL_START.match(s, timeout=_tm) if trig is None else None
    if mb is not None and (ul is None or ul.end <= mb.end()):
        # (the kind's word alone read as a name: "Sở" of "Sở, ban, ngành")
        # "Cơ quan, đơn vị trường học rà soát …": a plural subject written without "các"
        t2 = "các " + s[:1].lower() + s[1:]
        ul2 = parse_unit_list(t2, 0)
        if ul2 is not None:
            rest2 = t2[ul2.end:].lstrip(" ,")
            if rest2 and _TASK_START.match(rest2[:1].upper() + rest2[1:], timeout=RX_TIMEOUT):
                units = [UnitSpan(max(0, u.start - 4), u.end - 4, s[max(0, u.start - 4):u.end - 4], u.head_of_body, True)
                         for u in ul2.units if not u.bare]
                if units:
                    return _Subject(_roles(units, rest2), len(s) - len(rest2), None)
    if ul is None and trig is None:
        topic = _topic_subject(s)
        if topic is not None:
            return topic
    if (ul is None and trig is None and _BASIS_ITEM.match(s, timeout=_tm)
            and not _ORDER_WORD.search(s, timeout=rx_timeout(s))):
        # "Căn cứ Nghị quyết số … của A, B và C hướng dẫn …;": an item of the legal basis (the preamble's form,
        # closed by a semicolon), whose commas part the issuers of the document cited, not a clause from a subject
        return None
    if ul is None and trig is None and _ADVERBIAL.match(s, timeout=_tm):
        # "Căn cứ Kế hoạch này, người đứng đầu …" / "Trên cơ sở …, các đơn vị …"
        # (a semicolon closes the opening clause too: "Để …, phấn đấu …; Chính phủ yêu cầu các …")
        commas = list(_STOP_SPACES.finditer(s[:300], timeout=rx_timeout(s[:300])))
        if _CONNECTIVE.match(s, timeout=_tm):
            commas = commas[:1]  # "Đồng thời, …": the subject follows the first comma or there is none
        wt = _WHEN_THEN.match(s, timeout=_tm)
        if wt is not None:
            commas = [c for c in commas if c.end() < wt.end()] + [wt]
        else:
            # "Đối với các huyện chưa lập phương án thì khẩn trương …, gửi về Sở A, Sở B …": "thì" closes the
            # opening clause and the predicate follows it; a comma after it separates an object's list, never
            # the opening clause from a subject
            th = _THEN.search(s, 0, 300, timeout=_tm)
            if th is not None:
                commas = [c for c in commas if c.end() <= th.start()]
        if _TOPIC.match(s, timeout=_tm):
            # "Đối với các khoản thu khác: Sở X thực hiện theo …": the colon closes the topic, the subject follows it
            mcol2 = _TOPIC_COLON.search(s, 0, 200, timeout=_tm)
            if mcol2 is not None and not any(c.start() < mcol2.start() for c in commas):
                commas = [mcol2] + commas
        begun = False  # a predicate with no subject has begun: only a semicolon opens a clause with one
        for mc in commas:
            if (_PASSIVE_BEFORE.search(s[max(0, mc.end() - 40):mc.end()], timeout=rx_timeout(s[max(0, mc.end() - 40):mc.end()]))
                    and not _PASSIVE_DONE.search(s[max(0, mc.end() - 40):mc.end()], timeout=RX_TIMEOUT)
                    and not _PASSIVE_NO_AGENT.search(s[max(0, mc.end() - 80):mc.end()], timeout=RX_TIMEOUT)):
                continue  # "… đã được các cấp, các ngành chủ động thực hiện": an agent, not a subject
            if begun and not mc.group(0).startswith(";"):
                continue
            at = mc.end()
            mt_in = _TRIGGER.match(s[at:], timeout=rx_timeout(s[at:])) or _ASKER.match(s[at:], timeout=rx_timeout(s[at:]))
            if mt_in and s[at:at + 1].isalpha():
                # "Do đó, đề nghị UBND các huyện …": the order after the adverbial
                inner = _find_subject(s[at:])
                if inner is not None:
                    for u, _r in inner.units:
                        u.start += at
                        u.end += at
                    return _Subject(inner.units, inner.action_start + at, inner.trigger)
                break
            # a time adjunct between the opening clause and the subject ("Căn cứ …, hằng năm Sở X lập …")
            mta = None if begun else _TIME_ADJUNCT.match(s, at, timeout=RX_TIMEOUT)
            if mta is not None and parse_unit_list(s, mta.end()) is not None:
                at = mta.end()
            elif s[at:at + 1].islower() and _TASK_START.match(s[at:at + 1].upper() + s[at + 1:], timeout=RX_TIMEOUT):
                # "Trên cơ sở …, tiến hành rà soát …, các tập đoàn, tổng công ty; …": the predicate has begun, the
                # bodies after its commas are its objects (an order after a semicolon still names its doers)
                begun = True
                continue
            if begun:
                continue
            ul = parse_unit_list(s, at)
            if ul is not None:
                break
        if ul is None:
            # "Sau khi xem xét Chủ tịch UBND tỉnh giao Sở X chủ trì …": an opening clause no comma closes, then a
            # body ordering another; the order is read from the body that gives it
            first_comma = commas[0].start() if commas else len(s)
            for mo in _ORDER_IN_CLAUSE.finditer(s, 0, min(len(s), 240, first_comma), timeout=RX_TIMEOUT):
                cand = [m.start() for m in regex.finditer(r"(?<=[ ])\p{Lu}", s[:mo.start()], timeout=RX_TIMEOUT)][-8:]
                at = next((c for c in cand if (u := parse_unit_list(s, c)) is not None
                           and not s[u.end:mo.start()].strip()), None)
                if at is None:
                    continue
                inner = _find_subject(s[at:])
                if inner is not None and inner.trigger is not None:
                    for u, _r in inner.units:
                        u.start += at
                        u.end += at
                    return _Subject(inner.units, inner.action_start + at, inner.trigger)
                break
            if ul is None and _TOPIC.match(s, timeout=_tm):
                # "Đối với hồ sơ của các trường ngoài công lập đề nghị UBND các huyện xác nhận …": a topic no comma
                # closes, then the order; the bodies it names do the task
                for mo in _ORDER_AFTER_TOPIC.finditer(s, 0, min(len(s), 240, first_comma), timeout=RX_TIMEOUT):
                    inner = _find_subject(s[mo.start():])
                    if inner is not None and inner.trigger is not None and inner.units:
                        for u, _r in inner.units:
                            u.start += mo.start()
                            u.end += mo.start()
                        return _Subject(inner.units, inner.action_start + mo.start(), inner.trigger)
    if ul is None:
        # "Đề nghị quý cơ quan …", "Các đồng chí …": the addressees, named collectively
        mcol = _COLLECTIVE_NP.match(s[pos:], timeout=rx_timeout(s[pos:]))
        if mcol and (trig is not None or asked or s[:1].isupper()):
            np = mcol.group("np")
            u = UnitSpan(pos, pos + len(np), np[:1].upper() + np[1:], plural=True, written=np)
            rest0 = s[pos + mcol.end():]
            if rest0[:1].islower() and not _NOT_TASK_AFTER.match(rest0, timeout=rx_timeout(rest0)):
                return _Subject([(u, "lead")], pos + mcol.end(), trig)
    if ul is None and trig is not None:
        mp = _PERSON_AFTER_TRIGGER.match(s, pos, timeout=_tm)
        w = _predicate_after(s, mp.end(), 160) if mp else None
        if mp and w is not None:
            # the person's title runs to the first lower-case word that starts a task; each person of a list is
            # introduced by "đồng chí / ông / bà", and a comma closes the title ("…, Phó Trưởng Ban …" adds a role)
            people = []
            for part in regex.finditer(r"(?:^|(?:,[ ]*|[ ]+)(?:và[ ]+)?(?:đồng[ ]chí|ông|bà)[ ]+)(?P<p>(?:(?!(?:,[ ]*|[ ]+)(?:và[ ]+)?"
                                       r"(?:đồng[ ]chí|ông|bà)[ ]).)+)", s[mp.end():w], timeout=RX_TIMEOUT):
                t = regex.split(r",|[ ]theo[ ]|[ ]trong[ ]phạm[ ]vi", part.group("p"), maxsplit=1, timeout=RX_TIMEOUT)[0].strip()
                if t[:1].isupper():
                    st = mp.end() + part.start("p")
                    people.append((UnitSpan(st, st + len(t), t), "lead"))
            if people:
                return _Subject(people, w, trig)
        # "Yêu cầu giám thị giám sát …", "Đề nghị sinh viên nộp …": the people ordered are the doers
        mr = _ROLE_AFTER_TRIGGER.match(s, pos, timeout=_tm)
        if mr:
            np = mr.group("np")
            u = UnitSpan(mr.start("np"), mr.end("np"), np[:1].upper() + np[1:], written=np)
            return _Subject([(u, "lead")], mr.end(), trig)
    if ul is None:
        return (_duty_heading(s) or _actor_subject(s)) if trig is None else None
    rest = s[ul.end:]
    for rx in _INSERTED:
        ins = rx.match(rest, timeout=RX_TIMEOUT)
        if ins:
            rest = rest[ins.end():]
            break
    stripped = rest.lstrip()
    mq2 = _FIELDS_COLON.match(rest, timeout=rx_timeout(rest)) if len(ul.units) == 1 else None
    if mq2 is not None and (ul.units[0].plural or fold(ul.units[0].raw).startswith("cac ")):
        # "3. Các cơ quan thông tin, tuyên truyền và báo chí của thành phố: có trách nhiệm …": the fields of a plural
        # body's name go on after its comma, up to the colon that opens its duty
        after_f = rest[mq2.end():]
        if ((_DUTY_LEADIN.match(after_f, timeout=RX_TIMEOUT) or _TASK_START.match(after_f[:1].upper() + after_f[1:],
                                                                                      timeout=RX_TIMEOUT))
                and not _HEADING_VERB.search(mq2.group("q"), timeout=RX_TIMEOUT)):
            u = ul.units[0]
            q_end = ul.end + mq2.end("q")
            raw = f"{u.raw}{', ' if ',' in mq2.group('sep') else ' và '}{mq2.group('q').strip()}"
            grown = UnitSpan(u.start, q_end, raw, u.head_of_body, True, u.bare, u.person,
                             written=s[u.start:q_end] if s[u.start:q_end] != raw else None)
            return _Subject(_roles([grown], after_f), len(s) - len(after_f), trig)
    mq = _QUALIFIER_COLON.match(stripped, timeout=rx_timeout(stripped)) if rest[:1] == " " else None
    if mq and all(u.plural or fold(u.raw).startswith("cac ") for u in ul.units):
        # "Các doanh nghiệp cung cấp máy tính: Cài đặt …", "Các cơ sở, doanh nghiệp kinh doanh xăng dầu: Chấp hành …":
        # a plural subject with its qualifier, then the task in its own words after the colon; the qualifier is
        # every body's of the list
        after_q = stripped[mq.end():]
        q = mq.group("q")
        if (after_q[:1].isupper() and _TASK_START.match(after_q, timeout=rx_timeout(after_q))
                and not _HEADING_VERB.search(q, timeout=rx_timeout(q))):
            q_end = ul.end + (len(rest) - len(stripped)) + len(q)
            units = []
            # "Các cơ sở, doanh nghiệp …:" share the determiner and so the qualifier; "Các A, các B …:" do not
            shared = not fold(ul.units[-1].raw).startswith("cac ")
            lead_cac = fold(ul.units[0].raw).startswith("cac ")
            for i, u in enumerate(ul.units):
                raw = u.raw if i < len(ul.units) - 1 and not shared else f"{u.raw} {q}"
                if shared and lead_cac and not fold(raw).startswith("cac "):
                    raw = "Các " + raw[:1].lower() + raw[1:]
                if i == len(ul.units) - 1:
                    units.append(UnitSpan(u.start, q_end, raw, u.head_of_body, True, u.bare, u.person,
                                          written=s[u.start:q_end] if s[u.start:q_end] != raw else None))
                else:
                    units.append(UnitSpan(u.start, u.end, raw, u.head_of_body, True, u.bare, u.person, written=u.as_written))
            return _Subject(_roles([u for u in units if not u.bare], after_q), len(s) - len(after_q), trig)
    if _ASIDE_OPEN.match(stripped, timeout=rx_timeout(stripped)):
        # "Bộ GDĐT căn cứ tình hình cụ thể, bố trí …": an aside with no comma before it, closed by the comma
        # after which the predicate starts
        for mc in regex.finditer(r",[ ]*(?=\p{Ll})", stripped[:160], timeout=RX_TIMEOUT):
            after = stripped[mc.end():]
            if regex.search(r"[;:.()]", stripped[:mc.start()], timeout=RX_TIMEOUT):
                break
            if _TASK_START.match(after[:1].upper() + after[1:], timeout=RX_TIMEOUT) or _DUTY_LEADIN.match(after, timeout=RX_TIMEOUT):
                rest = stripped = after
                break
    if regex.match(r"[-–][ ]+\p{Ll}", stripped, timeout=RX_TIMEOUT):
        # "Sở X - cơ quan thường trực của Ban Chỉ đạo chủ trì …": an appositive with no comma to close it runs
        # to the first lower-case word that starts a predicate
        at = _predicate_after(stripped, 2, 100)
        if at is not None:
            rest = stripped = stripped[at:]
    paren = regex.match(r"\([^()]{1,120}\)[ ]*", stripped, timeout=RX_TIMEOUT)
    if paren and (stripped[paren.end():paren.end() + 1] == ":" or not stripped[paren.end():].strip()
                  or stripped[paren.end():paren.end() + 1].islower()):
        # "Giao Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh):" — the body in brackets
        # tells which part of the unit does it; the sentence goes on after the brackets
        rest = stripped[paren.end():]
        stripped = rest
    persons = _PERSONS_TOO.match(stripped, timeout=rx_timeout(stripped))
    if persons:
        # "…, Thủ trưởng các cơ quan và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành …":
        # the named people share the task; the bodies before them are its units
        rest = stripped = stripped[persons.end():]
    mn = _NOTIFY_SO.match(stripped, timeout=rx_timeout(stripped)) if trig is None else None
    if mn is not None:
        # "Tổng cục Thuế thông báo để Cục Thuế được biết, báo cáo UBND tỉnh …": told so that it acts, the body
        # after "để" does the task
        at = len(s) - len(stripped) + mn.end()
        told = parse_unit_list(s, at)
        if told is not None:
            known = _KNOWN.match(s, told.end, timeout=_tm)
            rest2 = s[known.end():] if known is not None else ""
            if known is not None and rest2[:1].isalpha() and rest2[:1].islower():
                if _is_boilerplate(clean_action(rest2)):
                    return None  # "… thông báo để các đơn vị biết và thực hiện.": the closing formula
                return _Subject(_roles([u for u in told.units if not u.bare], rest2), known.end(), "thong bao")
    mt2 = _INNER_TRIGGER.match(stripped, timeout=rx_timeout(stripped))
    if mt2 and trig is None:
        # "Bộ Nội vụ đề nghị các bộ, … nghiên cứu …": the issuer asks, the units after the verb do
        at = len(s) - len(stripped) + mt2.end()
        named = parse_unit_list(s, at) is not None or _COLLECTIVE_NP.match(s, at, timeout=_tm) is not None
        inner = _find_subject(s[:pos] + s[at:], asked=True) if named else None
        if inner is None and named:
            # "Sở X giao nhiệm vụ cho các bệnh viện như sau:", "Ban Chỉ đạo phân công cho các thành viên:": the bodies
            # the order names, no predicate of theirs yet; the items below are their tasks
            ol = parse_unit_list(s, at)
            tail = _TO_ITEMS.match(s, ol.end, timeout=_tm) if ol is not None else None
            if tail is not None and not any(u.bare for u in ol.units):
                return _Subject(_roles(ol.units, ""), tail.start(), fold(mt2.group("t")))
        if inner is None:
            after = s[at:]
            # ("Các khoa phân công cán bộ đầu mối theo dõi …": staff, no body, are assigned; the subject assigns them)
            if ((fold(mt2.group("t")) in ("chi dao", "de xuat", "kien nghi")
                 or (fold(mt2.group("t")).startswith("phan cong") and not _NO_STAFF.match(after, timeout=RX_TIMEOUT)))
                    and after[:1].isalpha() and after[:1].islower()
                    and not _PREAMBLE.search(after, timeout=rx_timeout(after))):
                # "Giám đốc các bệnh viện chỉ đạo rà soát nhân lực …": nobody named after the verb,
                # so the subject itself is to see the task done
                return _Subject(_roles(ul.units, stripped), len(s) - len(stripped), trig)
            return None
        if fold(mt2.group("t")).endswith("moi") and regex.match(r"(?:tham[ ])?dự\b", s[at:][inner.action_start - pos:],
                                                              timeout=RX_TIMEOUT):
            return None  # "… trân trọng kính mời Lãnh đạo các Bộ tham dự": the issuer's invitation
        shift = at - pos
        for u, _r in inner.units:
            u.start += shift
            u.end += shift
        units = inner.units
        if fold(mt2.group("t")) == "chi dao" and trig is None:
            # "UBND các huyện chỉ đạo các phòng chuyên môn rà soát …": the one who directs acts too
            units = _roles(ul.units, "") + [x for x in units if all(x[0].raw != y.raw for y in ul.units)]
        return _Subject(units, inner.action_start + shift, fold(mt2.group("t")))
    if stripped.startswith(":"):
        after = stripped[1:].lstrip()
        last = ul.units[-1]
        # "Trưởng phòng: Tổ chức - Chính trị, …" (a head's title over its bodies: their names may read as verbs)
        titled = bool(last.head_of_body) and last.raw.startswith(last.head_of_body) and 0 < len(
            last.raw[len(last.head_of_body):].split()) <= 2
        if after[:1].isupper() and (not _TASK_START.match(after, timeout=rx_timeout(after)) or titled):
            # "Các sở: Tư pháp, Tài chính, Xây dựng rà soát …": a category, then its members, one unit each
            colon_at = len(s) - len(stripped)
            mem = member_units(last, s, colon_at + 1) if last.plural or "các" in last.raw.lower() else None
            kind = last.raw[len(last.head_of_body):].strip() if last.head_of_body else ""
            if mem is None and kind and len(kind.split()) <= 2 and last.raw.startswith(last.head_of_body):
                # "Trưởng phòng: Tổ chức - Chính trị, Đào tạo, …": a head's title then the bodies it heads, one each
                mem = member_units(UnitSpan(last.start, last.end, "các " + kind.lower()), s, colon_at + 1)
            if mem is not None:
                members, end = mem
                units = [u for u in ul.units[:-1]] + members
                for _ in range(8):
                    # the list goes on after the members ("Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND
                    # huyện A và Thủ trưởng các cơ quan … chịu trách nhiệm …")
                    mc = regex.match(r"[ ]*(?:[;,][ ]*(?:và[ ]+)?|và[ ]+)", s[end:], timeout=RX_TIMEOUT)
                    more = parse_unit_list(s, end + mc.end()) if mc else None
                    if more is None:
                        break
                    units += more.units[:-1]
                    end = more.end
                    last2 = more.units[-1]
                    if s[end:end + 1] == ":" and (last2.plural or "các" in last2.raw.lower()):
                        mem2 = member_units(last2, s, end + 1)
                        if mem2 is not None:
                            units += mem2[0]
                            end = mem2[1]
                            continue
                    units.append(last2)
                rest2 = s[end:]
                body = rest2.lstrip(" :")
                persons2 = _PERSONS_TOO.match(body, timeout=rx_timeout(body))
                if persons2:
                    body = body[persons2.end():]
                if body[:1].islower() and (_TASK_START.match(body[:1].upper() + body[1:], timeout=RX_TIMEOUT)
                                           or _DUTY_LEADIN.match(body, timeout=rx_timeout(body))):
                    return _Subject(_roles([u for u in units if not u.bare], body), len(s) - len(body), trig)
            if not after:
                # "Đề nghị Sở Y tế:" / "Sở Y tế:" — a lead-in naming the doer of the items below
                return _Subject(_roles(ul.units, ""), len(s), trig)
            if _NAMES_LIST.match(after, timeout=RX_TIMEOUT) or len(after.split()) < 4:
                return None  # "Các Bộ: Công an, Quốc phòng, …" lists names, it gives no task
            items = [x.strip() for x in regex.split(r"[,;]", after.rstrip(" .;"), timeout=RX_TIMEOUT)]
            if len(items) >= 2 and all(x[:1].isupper() and len(x.split()) <= 10
                                       and not _TASK_START.match(x, timeout=RX_TIMEOUT) for x in items):
                return None  # "Các tổ chức chính trị - xã hội: Hội A, Trung ương Hội B." names the invited
            # "Cục Ứng dụng CNTT: Chủ động lồng ghép …": the colon form with a task in its own words
        return _Subject(_roles(ul.units, after), ul.end + (len(rest) - len(stripped)) + 1, trig)
    if not stripped:
        # "2. Phòng Tài chính - Kế toán", "3. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh": a heading naming the doer
        return _Subject(_roles(ul.units, ""), len(s), trig) if trig is None or fold(trig).split(" nhiem vu")[0].split(" cho")[0] in ("de nghi", "giao", "yeu cau") else None
    if stripped.startswith((",",)):
        stripped2 = stripped[1:].lstrip()
        if not _TASK_START.match(stripped2[:1].upper() + stripped2[1:], timeout=RX_TIMEOUT):
            # "Sở Tài chính, cơ quan thường trực của Hội đồng, chủ trì …", "UBND các xã, căn cứ tình hình thực
            # tế, chủ động …": a phrase set off by commas between the subject and its predicate
            ins = _COMMA_INSERT.match(stripped2, timeout=rx_timeout(stripped2))
            after = stripped2[ins.end():] if ins else ""
            if not ins or not (_TASK_START.match(after[:1].upper() + after[1:], timeout=RX_TIMEOUT)
                               or _DUTY_LEADIN.match(after, timeout=rx_timeout(after))):
                return None
            stripped2 = after
        stripped = stripped2
    first = stripped[:1]
    if not first.isalpha() or not first.islower() or _NOT_TASK_AFTER.match(stripped, timeout=rx_timeout(stripped)):
        return None
    return _Subject(_roles(ul.units, stripped), len(s) - len(stripped), trig)


def _names_only(s: str) -> bool:
    """``s`` gives no task: no subject with a predicate ("Báo Bình Minh; Đài Phát", "Sở Y tế;")."""
    subj = _find_subject(s)
    return subj is None or not s[subj.action_start:].strip(" ;,.:")


def _subject_without_brackets(s: str) -> _Subject | None:
    """The subject of a lead-in read with its bracketed asides left out (short forms, abbreviations); each unit
    keeps the words it covers as written, brackets included."""
    keep: list[int] = []
    last = 0
    for m in regex.finditer(r"[ ]*\([^()]{1,120}\)", s, timeout=RX_TIMEOUT):
        keep.extend(range(last, m.start()))
        last = m.end()
    keep.extend(range(last, len(s)))
    if len(keep) == len(s):
        return None
    masked = "".join(s[i] for i in keep)
    subj = _find_subject(masked)
    if subj is None:
        return None
    units = []
    for u, role in subj.units:
        if u.end <= u.start or u.end > len(keep):
            return None
        st, en = keep[u.start], keep[u.end - 1] + 1
        units.append((UnitSpan(st, en, u.raw, head_of_body=u.head_of_body, plural=u.plural, person=u.person,
                               written=s[st:en] if s[st:en] != u.raw else None), role))
    at = keep[subj.action_start] if subj.action_start < len(keep) else len(s)
    return _Subject(units, at, subj.trigger)


# the agent of a passive or of "do" ("Việc bố trí cán bộ do UBND huyện cùng UBND xã bố trí …", "Một số vấn đề sẽ được
# Hội đồng thi tiếp tục nghiên cứu …", "Lịch làm việc … do GVCN tự sắp xếp"): the one who acts
_AGENT = regex.compile(r"(?<=[ ])(?:sẽ[ ]+)?(?:do|được)[ ]+(?=\p{Lu}|các[ ]+\p{L})", regex.V1)
_AGENT_PARTNER = regex.compile(r"[ ]+(?:cùng(?:[ ]với)?|và|với)[ ]+", regex.V1)
_AGENT_NOT_TASK = regex.compile(r"^(?:tự[ ]+)?(?:ban[ ]hành|phát[ ]hành|cấp|ký|quy[ ]định|công[ ]bố|phê[ ]duyệt|giao|chủ[ ]quản|quản[ ]lý"
                                r"|tổ[ ]chức[ ]kết[ ]thúc|thông[ ]qua|khen[ ]thưởng|tặng|phân[ ]công|cử|chỉ[ ]định|ủy[ ]quyền|uỷ[ ]quyền|mời)\b", regex.V1 | regex.IGNORECASE)


# the verbs by which an agent after "do" takes on the task the sentence opened with
_AGENT_LEADS = regex.compile(r"(?:chủ[ ]trì|thực[ ]hiện|đảm[ ]nhiệm|đảm[ ]nhận|phụ[ ]trách|triển[ ]khai|tổ[ ]chức|làm[ ]đầu[ ]mối"
                             r"|là[ ]đầu[ ]mối|chịu[ ]trách[ ]nhiệm)(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _is_type(h: DocumentHeader, name: str, code: str) -> bool:
    """The document is of this type: its type named ("Kế hoạch …", folded ``name``) or its code ("KH")."""
    return fold(h.type or "").startswith(name) or (h.type_code or "").upper() == code


def _agent_subject(s: str) -> _Subject | None:
    """A sentence with no subject whose doer is the agent of "do" or of a passive "được", in its main clause."""
    m = _AGENT.search(s, 0, 160, timeout=rx_timeout(s))
    if m is None or "," in s[:m.start()] or len(s[:m.start()].split()) > 15 or not s[:1].isupper():
        return None
    if regex.search(r"(?i)\b(?:theo|tại|của|kèm|lý|là)[ ]*$|\b(?:theo|tại|kèm[ ]theo|nguyên[ ]nhân)\b", s[:m.start()], timeout=RX_TIMEOUT):
        return None  # "… theo mẫu do Bộ X ban hành": a document's provenance
    if regex.search(r"(?i)\b(?:đã|vừa|từng)[ ]*$", s[:m.start()], timeout=RX_TIMEOUT):
        return None  # "Nghị quyết này đã được Hội đồng nhân dân tỉnh … thông qua": a past act, narration
    ul = parse_unit_list(s, m.end())
    if ul is None:
        return None
    units = [u for u in ul.units if not u.bare]
    end = ul.end
    mp = _AGENT_PARTNER.match(s, end, timeout=rx_timeout(s))
    more = parse_unit_list(s, mp.end()) if mp is not None else None
    if more is not None:
        units += [u for u in more.units if not u.bare]
        end = more.end
    rest = s[end:].lstrip()
    if not units or not rest[:1].islower() or _AGENT_NOT_TASK.match(rest, timeout=rx_timeout(rest)):
        return None
    verb = regex.sub(r"^(?:tự|tiếp[ ]tục|trực[ ]tiếp)[ ]+", "", rest, timeout=RX_TIMEOUT)
    if not (_TASK_START.match(verb[:1].upper() + verb[1:], timeout=RX_TIMEOUT) or _DUTY_LEADIN.match(verb, timeout=RX_TIMEOUT)
            or regex.match(r"(?:sắp[ ]xếp|bố[ ]trí|nghiên[ ]cứu|xử[ ]lý|xem[ ]xét|báo[ ]cáo)\b", verb, timeout=RX_TIMEOUT)):
        return None
    if _TASK_START.match(s, timeout=rx_timeout(s)) and not _AGENT_LEADS.match(verb, timeout=RX_TIMEOUT):
        # "- Tổng hợp hồ sơ do Khoa và Thư ký cung cấp": the sentence opens with its own task, the agent provides
        # its object (a relative clause); "Tổ chức hội nghị do Sở X chủ trì" names the task's doer
        return None
    return _Subject([(u, "lead") for u in units], 0, None)


def _predicate_after(s: str, start: int, most: int) -> int | None:
    """Where the first lower-case word of ``s[start:start + most]`` that opens a predicate ("chủ trì", "có trách
    nhiệm", "tổ chức …") stands, at least two words after ``start``, with no clause mark before it."""
    stop = regex.search(r"[;:.()]", s[start:start + most], timeout=RX_TIMEOUT)
    end = start + (stop.start() if stop else most)
    for mw in regex.finditer(r"(?<=[ ,])(?=\p{Ll})", s[:end], pos=start, timeout=RX_TIMEOUT):
        w = mw.start()
        if len(s[start:w].split()) < 2:
            continue
        tail = s[w:]
        if _TASK_START.match(tail[:1].upper() + tail[1:], timeout=RX_TIMEOUT) or _DUTY_LEADIN.match(tail, timeout=RX_TIMEOUT):
            return w
    return None


_ASIDE_OPEN = regex.compile(r"(?:căn[ ]cứ|theo(?![ ]dõi)|trong[ ]phạm[ ]vi|tùy[ ]theo|tuỳ[ ]theo|trên[ ]cơ[ ]sở)[ ]", regex.V1)
# a lower-case phrase closed by a comma ("cơ quan thường trực của Ban Chỉ đạo, …", "căn cứ tình hình thực tế, …")
_COMMA_INSERT = regex.compile(r"(?=\p{Ll})[^,;:.()]{2,100}?,[ ]*(?=\p{Ll})", regex.V1)
# capitalised names separated by commas ("Công an, Quốc phòng, Ngoại giao"): a list of bodies, no task
_NAMES_LIST = regex.compile(r"^\p{Lu}[\p{L}&]*(?:[ ]\p{L}+){0,5}[ ]*[,;][ ]*\p{Lu}", regex.V1)
_COLLECTIVE_NP = regex.compile(
    r"(?P<np>quý[ ](?:cơ[ ]quan|đơn[ ]vị|Sở|Ban|Ủy[ ]ban|Bộ|Hội|Trường|Trung[ ]tâm)(?:,[ ]?(?:đơn[ ]vị|địa[ ]phương))?"
    r"|(?:các[ ])?đồng[ ]chí(?![ ]+(?-i:\p{Lu}))|các[ ]anh,?[ ]chị)[ ]+",
    regex.V1 | regex.IGNORECASE,
)
# a person named by title after an order ("Phân công đồng chí Phó Chủ tịch UBND huyện phụ trách văn xã chỉ đạo …")
_PERSON_AFTER_TRIGGER = regex.compile(r"(?:các[ ])?(?:đồng[ ]chí|ông|bà)[ ]+(?=\p{Lu})", regex.V1)
# a subject that stands for the addressees ("các cơ quan, đơn vị, địa phương", "quý cơ quan", "các đồng chí")
_COLLECTIVE = regex.compile(
    r"^(?:quy (?:co quan|don vi|so|ban|uy ban|bo|hoi|truong|trung tam)(?:, (?:don vi|dia phuong))?|(?:cac )?dong chi"
    r"|cac anh,? chi|cac (?:co quan|don vi|dia phuong)(?:,? (?:va )?(?:co quan|don vi|dia phuong|to chuc))*(?: (?:co )?lien quan)?)$"
)
# ("Tổ chức" only before a comma: "Tổ chức tập huấn …" is the verb)
_BARE_PLURAL_START = regex.compile(r"^(?:(?:Cơ[ ]quan|Đơn[ ]vị|Địa[ ]phương|Doanh[ ]nghiệp|Cơ[ ]sở|Trường[ ]học)(?=,|[ ]\p{Ll})|Tổ[ ]chức(?=,)"
                                   # kinds of bodies listed in lower case ("Sở, ban, ngành; …", "Bộ, ngành …")
                                   r"|(?:Sở|Bộ|Ban|Phòng)(?=,[ ]*(?:sở|bộ|ban|ngành|phòng|cơ[ ]quan|đơn[ ]vị)\b))",
                                   regex.V1)
# a heading's period after the words of a plan ("NHIỆM VỤ TRỌNG TÂM THÁNG 11", "Chương trình công tác tháng 11/2017",
# "PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ IV NĂM 2025") or standing first ("Quý I năm 2020", "Tháng 3/2026")
_HEADING_PERIOD = regex.compile(
    r"(?:^|(?:nhiệm[ ]vụ|phương[ ]hướng|kế[ ]hoạch|chương[ ]trình|công[ ]tác|công[ ]việc|trọng[ ]tâm|triển[ ]khai)(?:[ ]\p{L}+){0,3}?[ ]+)"
    r"(?P<p>(?P<u>tháng|quý)[ ]+(?P<n>\d{1,2}|[IV]{1,3})(?:[ ]*[-/.][ ]*(?P<y>(?:19|20)\d{2})|[ ]+năm[ ]+(?P<y>(?:19|20)\d{2}))?)"
    r"(?![\p{L}\d])", regex.V1 | regex.IGNORECASE)
# a report's part on the issuer's own tasks ahead (folded text)
_OWN_TASKS = regex.compile(r"nhiem vu|phuong huong|trong tam|ke hoach|chuong trinh cong tac|thoi gian toi|sap toi|nam toi|thang toi")
# "Trên đây là …, đề nghị …": the order after a summary
_ORDER_AFTER_SUMMARY = regex.compile(r"[,.;][ ]*(?=(?:kính[ ]|trân[ ]trọng[ ])?(?:đề[ ]nghị|yêu[ ]cầu)[ ])", regex.V1 | regex.IGNORECASE)
_TOPIC = regex.compile(r"^Đối[ ]với[ ]+", regex.V1 | regex.IGNORECASE)
# what follows "phân công" when no staff are assigned ("… phân công để xây dựng …", "… phân công và …")
_NO_STAFF = regex.compile(r"(?:để|và|theo|tại|như|thực[ ]hiện|trong)(?!\p{L})", regex.V1 | regex.IGNORECASE)
# the colon that closes a topic before the subject ("Đối với các khoản thu khác: Sở X …")
_TOPIC_COLON = regex.compile(r"(?<=\p{L})[ ]*:[ ]+(?=\p{Lu})", regex.V1)
# an order inside a topic's clause, its addressee named ("… đề nghị Sở X …", "… yêu cầu các huyện …")
_ORDER_AFTER_TOPIC = regex.compile(r"(?<=\p{Ll}[ ])(?=(?:đề[ ]nghị|yêu[ ]cầu|giao)[ ]+(?:các[ ]|\p{Lu}))", regex.V1)
_GENERIC_RESTATED = regex.compile(r"^(?:cac )?(?:co quan|don vi|co quan, don vi|don vi, co quan|dia phuong|co quan, dia phuong)$")


def _topic_subject(s: str) -> _Subject | None:
    """"Đối với các cơ quan Trung ương đóng trên địa bàn tỉnh, thủ trưởng cơ quan, đơn vị bám sát …": a fronted
    topic naming the bodies, then a generic subject ("thủ trưởng cơ quan, đơn vị") that restates them."""
    _tm = rx_timeout(s)  # no limit on a short text (core.textutil.RX_SHORT)
    m = _TOPIC.match(s, timeout=_tm)
    if m is None:
        return None
    topic = parse_unit_list(s, m.end())
    if topic is None:
        return None
    # the restated subject may have been read as the last items of the topic's list
    cands = [u.start for u in topic.units[1:]]
    cands += [topic.end + mc.end() for mc in regex.finditer(r",[ ]+", s[topic.end:topic.end + 200], timeout=RX_TIMEOUT)]
    for at in cands:
        inner = _find_subject(s[at:])
        if inner is None:
            continue
        if not all(_GENERIC_RESTATED.match(fold(u.name), timeout=RX_TIMEOUT) for u, _r in inner.units):
            return None  # a subject of its own: the topic only says what the task is about
        # the topic's name as written, up to the comma before the restated subject
        u0 = topic.units[0]
        raw = s[u0.start:at].strip(" ,")
        unit = UnitSpan(u0.start, u0.start + len(raw), raw, plural=u0.plural)
        role = inner.units[0][1] if inner.units else "lead"
        return _Subject([(unit, role)], at + inner.action_start, None)
    return None


def _actor_span(np: str, start: int) -> UnitSpan:
    """A generic actor as a unit: a body ("Văn thư cơ quan", "Người đứng đầu cơ quan, tổ chức" → the
    body) is listed with the document's units; a person or a body qualified by what it does ("Người lập hồ
    sơ", "Cơ quan, tổ chức nhận văn bản") is a doer only (``person``)."""
    f = fold(regex.sub(r"(?i)^(?:người[ ]đứng[ ]đầu|thủ[ ]trưởng)[ ]+", "", np, timeout=RX_TIMEOUT))
    person = not _BODY_ACTOR.match(f, timeout=RX_TIMEOUT) or len(f.split()) > 7 or bool(
        _RELATIVE_VERB.search(f, timeout=rx_timeout(f)))
    return UnitSpan(start, start + len(np), np[:1].upper() + np[1:], person=person, written=np,
                    plural=fold(np).startswith("cac "))


_DUTY_HEADING = regex.compile(r"^(?:(?:Trách[ ]nhiệm|Nhiệm[ ]vụ|(?:Quyền[ ]và[ ])?[Nn]ghĩa[ ]vụ)(?:[ ](?:và[ ]quyền[ ]hạn|cụ[ ]thể))?[ ]của"
                              # "7. Yêu cầu đối với sinh viên", "Yêu cầu về giảng viên hướng dẫn": what is asked of them
                              r"|Yêu[ ]cầu[ ](?:đối[ ]với|với|về))[ ]+",
                              regex.V1 | regex.IGNORECASE)


def _duty_heading(s: str) -> _Subject | None:
    """"2. Trách nhiệm của người đứng đầu bộ phận hành chính": a heading naming the doer of the items below."""
    _tm = rx_timeout(s)  # no limit on a short text (core.textutil.RX_SHORT)
    m = _DUTY_HEADING.match(s, timeout=_tm)
    if m is None:
        return None
    np = s[m.end():].rstrip(" .:;")
    if not np or len(np.split()) > 14 or regex.search(r"[.;:]", np, timeout=RX_TIMEOUT):
        return None
    ul = parse_unit_list(s, m.end())
    if ul is not None and not s[ul.end:].strip(" .:;"):
        return _Subject([(u, "lead") for u in ul.units if not u.bare], len(s))
    if _ACTOR.match(np + " có trách nhiệm", timeout=RX_TIMEOUT):
        return _Subject([(_actor_span(np, m.end()), "lead")], len(s))
    return None


# a modal closing an actor before "phải" ("sinh viên bắt buộc | phải …", "mỗi đơn vị đều | phải …")
_MODAL_TAIL = regex.compile(r"(?:[ ]+(?:bắt[ ]buộc|nhất[ ]thiết|cần|đều|cũng|vẫn|luôn))+$", regex.IGNORECASE)

# (the patterns of the calls on every sentence, compiled once so that the short-text gate may take them)
_CASE_OPEN = regex.compile(r"(?i)trường[ ]hợp\b")
_COMMA_SPACES = regex.compile(r",[ ]+")
_STOP_SPACES = regex.compile(r"[,;][ ]+")
_WORD_RUN = regex.compile(r"\w+")


def _actor_subject(s: str) -> _Subject | None:
    """A generic actor as the subject of "có trách nhiệm / có nhiệm vụ / phải", at the start of the sentence
    or after a fronted adverbial ("Khi nhận được văn bản đến, đơn vị hoặc cá nhân có trách nhiệm …")."""
    _tm = rx_timeout(s)  # no limit on a short text (core.textutil.RX_SHORT)
    starts = [0]
    if _ADVERBIAL.match(s, timeout=rx_timeout(s)) or _CASE_OPEN.match(s, timeout=rx_timeout(s)):
        starts += [mc.end() for mc in _COMMA_SPACES.finditer(s[:200], timeout=rx_timeout(s[:200]))]
    for st in starts:
        m = _ACTOR.match(s, st, timeout=_tm)
        if m is None or (st == 0 and not s[:1].isupper()):
            continue
        np = m.group("np").rstrip(" ,")
        # a modal before "phải" is no part of the actor ("sinh viên bắt buộc phải …", "mỗi đơn vị đều phải …")
        np = _MODAL_TAIL.sub("", np, timeout=RX_TIMEOUT)
        if regex.search(r"(?i)\b(?:ngay|báo|gửi|chuyển|trình|nhưng|nếu|khi|mà|mức|chưa)\b", np, timeout=RX_TIMEOUT):
            continue  # "Văn thư cơ quan báo ngay người có trách nhiệm": the actor is inside a clause
        ins = regex.search(r",?[ ]+(?:trong[ ]phạm[ ]vi|theo[ ]chức[ ]năng)\b.*$", np, timeout=RX_TIMEOUT)
        if ins:
            np = np[:ins.start()]
        u = _actor_span(np, st)
        pred = m.group("pred")
        at = m.start("pred") if fold(pred).startswith("chiu") else m.end("pred")
        while at < len(s) and s[at] in " :":
            at += 1
        return _Subject([(u, "lead")], at, None)
    return None



# what a checking verb follows up when the body only monitors: others' doing ("việc thực hiện", "tiến
# độ", "tình hình", "kết quả thực hiện") or the bodies doing it ("đôn đốc các đơn vị"); "Khoa Dược kiểm
# tra kho thuốc" checks a thing itself and leads that task
_MONITORED = regex.compile(
    r"^(?:(?:theo[ ]dõi|giám[ ]sát|đôn[ ]đốc|kiểm[ ]tra|đánh[ ]giá|hướng[ ]dẫn)[ ]*(?:,|và)?[ ]*)+"
    r"(?:(?:việc|quá[ ]trình)[ ]+(?:thực[ ]hiện|triển[ ]khai|tổ[ ]chức|chấp[ ]hành)|tiến[ ]độ|tình[ ]hình"
    r"|kết[ ]quả[ ]+(?:thực[ ]hiện|triển[ ]khai)|các[ ]+(?:cơ[ ]quan|đơn[ ]vị|địa[ ]phương|sở|ngành|phòng|khoa|xã|huyện)"
    r"|(?:cơ[ ]quan|đơn[ ]vị|địa[ ]phương)|(?-i:\p{Lu})|$|[.;,])",
    regex.V1 | regex.IGNORECASE,
)


def _roles(units: list[UnitSpan], action: str) -> list[tuple[UnitSpan, str]]:
    role = "lead"
    if (_MONITOR_START.match(action, timeout=RX_TIMEOUT) and not _LEAD_START.match(action, timeout=RX_TIMEOUT)
            and _MONITORED.match(action, timeout=rx_timeout(action))):
        role = "monitor"
    return [(u, role) for u in units if not u.bare]


def _support_units(action: str, base: Loc | None = None) -> list[tuple[UnitSpan, str]]:
    """Units after "phối hợp (với)" in ``action``; ``base`` locates ``action`` in its block."""
    out = []
    for m in _SUPPORT.finditer(action, timeout=rx_timeout(action)):
        ul = parse_unit_list(action, m.end())
        if ul:
            _place(ul.units, base)
            out.extend((u, "support") for u in ul.units if not u.bare and not is_vague(u.raw))
    return out


def _place(units: list[UnitSpan], base: Loc | None) -> None:
    """Give each unit the location of its own words (``base`` = the text it was parsed from)."""
    if base is None or base.start is None:
        return
    for u in units:
        if u.loc is None:
            u.loc = base.span(u.start, u.end)


_DEADLINE_ONLY_WORDS = frozenset("hoan thanh xong thoi han truoc cham nhat la ngay trong va bao cao gui ket qua".split())


def _deadline_only(sentence: str, dl) -> bool:
    """The sentence says nothing but when ("Hoàn thành trước ngày 20/12/2025.", "Thời gian hoàn
    thành ban hành kế hoạch chậm nhất là ngày 15/4/2026.")."""
    if regex.match(r"(?i)\(?\s*thời\s+(?:gian|hạn)\b", sentence, timeout=RX_TIMEOUT) and dl.start < 120:
        return True
    rest = sentence[:dl.start] + " " + sentence[dl.end:]
    words = regex.findall(r"\p{L}+", fold(rest), timeout=RX_TIMEOUT)
    return len(words) <= 4 and all(w in _DEADLINE_ONLY_WORDS for w in words)


# a nominalised task restated as the subject of its own time ("Việc rà soát này", "Nhiệm vụ trên phải", "Các
# nội dung nêu trên cần"): what stands before the completion verb of a deadline
_RESTATED = regex.compile(r"^\(?[ ]*(?:(?:các|những)[ ]+)?(?:việc|công[ ]việc|nhiệm[ ]vụ|nội[ ]dung|hoạt[ ]động)\b"
                          r"(?P<np>(?:[ ]+\p{L}+){0,8}?)(?:[ ]+(?:phải|cần|được|sẽ|đều))?[ ]*$",
                          regex.V1 | regex.IGNORECASE)


def _restated_due(sentence: str, dl) -> bool:
    """The sentence restates the task just given only to set its time ("Việc rà soát này hoàn thành trước ngày
    15/02/2027.", "Các nội dung trên phải xong chậm nhất ngày …"): its deadline is that task's."""
    m = _RESTATED.match(sentence[:dl.start], timeout=RX_TIMEOUT)
    if m is None or regex.search(r"[,;:]|\b(?:đã|đang|chưa|không)\b", sentence[:dl.start], regex.V1 | regex.IGNORECASE,
                                 timeout=RX_TIMEOUT):  # (narration or negation: "Việc rà soát đã hoàn thành …")
        return False
    tail = regex.findall(r"\p{L}+", sentence[dl.end:], timeout=RX_TIMEOUT)
    return len(tail) <= 3


def _owners(text: str) -> list[tuple[UnitSpan, str]]:
    """Units named after "của" in the subject noun phrase ("Kế hoạch … của các cơ quan, đơn vị gửi …")."""
    for m in regex.finditer(r"\bcủa[ ]+", text, timeout=RX_TIMEOUT):
        ul = parse_unit_list(text, m.end())
        if ul is not None:
            units = [(u, "lead") for u in ul.units if not u.bare]
            if units:
                return units
    return []


def _is_boilerplate(action: str) -> bool:
    f = fold(action)
    words = _WORD_RUN.findall(f, timeout=rx_timeout(f))
    return all(w in _BOILERPLATE_WORDS for w in words)



@dataclass(slots=True)
class _Level:
    level: float | None  # None: an unlabeled lead-in whose items have not come yet
    subject: list[tuple[UnitSpan, str]] | None
    leadin: bool = False  # "X có trách nhiệm:" — every item below is a task of X
    own: bool = False  # the subject is written in the item itself (not inherited)
    chain: bool = False  # the first item named the subject, and no item since named another: siblings share it
    items: bool = False  # labeled items have come under it
    period: Deadline | None = None  # the month, quarter or date it sets for its items ("Quý I năm 2020:")
    tables: int = 0  # how many tables the document had shown when it opened
    roster: bool = False  # "…, gồm các thành viên sau đây:": the items below list members, no tasks
    defs: bool = False  # "Điều 2. Đối tượng áp dụng": the part below says whom the text concerns, no tasks
    listing: bool = False  # "1. Hồ sơ đề nghị (01 bộ), gồm:": the items below list what it is made of
    orphan: Draft | None = None  # the task naming no doer its own words gave, while no item has come under it
    phase: bool = False  # "Đợt 1: Từ … đến …:": its period is the phase's own time, no due date of each item below
    title: str = ""  # a numbered or lettered item's words, for a time field under it that names no task of its own


# "đề nghị" as a scan's text recognition gives it ("dé nghị", "Để nghị", "đê nghị"), never "để nghị quyết/định …"
_OCR_ORDER = regex.compile(r"(?<!\p{L})(?P<d>[ĐđDd])(?P<e>[ểéèẻẽẹêếệễe])(?P<sp>[ ]+)ngh(?P<i>[ịiíìỉĩ])(?!\p{L})"
                           r"(?![ ]+(?:quyết|định|luận|sự|lực|viện|trường|hội|án|lễ)(?!\p{L}))", regex.V1)


def _ocr_order_words(text: str) -> str:
    """``text`` with the order word "đề nghị" put right where recognition garbled its marks; the same length, so
    that every offset into the paragraph holds."""
    return _OCR_ORDER.sub(lambda m: ("Đ" if m.group("d").isupper() else "đ") + "ề" + m.group("sp") + "nghị", text,
                          timeout=rx_timeout(text))


# carrying out the plan itself ("chủ trì tổ chức thực hiện Kế hoạch này", "thực hiện các nhiệm vụ được giao tại Kế hoạch")
_PLAN_CARRY = regex.compile(r"(?<!\p{L})(?:thuc hien|trien khai)(?: (?:cac )?(?:nhiem vu|noi dung)(?: duoc giao)?(?: tai| trong| cua| theo)?)? ke hoach(?! \p{L}*[ ]?(?:cu the|rieng|cua (?:don vi|co quan|dia phuong)))")
# a limit opening a due date's words ("chậm nhất ngày …", "trước ngày …", "không quá ngày …", "hạn chót …")
_LIMIT_WORD = regex.compile(r"(?:cham nhat|muon nhat|truoc|khong qua|han chot|han cuoi|thoi han)(?!\p{L})")
# a plan is its issuer's (or its carrier's) own work when it names at most this many doers and at least one task
# in this many names none (``_Prose._own_plan``)
_OWN_PLAN_DOERS = 10
_OWN_PLAN_SHARE = 8
# what is handed in by those a plan concerns ("Thời hạn nộp hồ sơ", "Hạn đăng ký dự thi", "nộp bài dự thi")
_HANDED_IN = regex.compile(r"(?<!\p{L})(?:nop|dang ky|tiep nhan)(?!\p{L})")
# a phase of a plan named with its number ("Đợt 1:", "Giai đoạn II (…):", "Bước 3:", a school term "Học kỳ II:"): the
# line gives its time
_PHASE = regex.compile(r"^(?:Đợt|Giai[ ]đoạn|Bước|Học[ ]kỳ)[ ]+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn|cuối)(?!\p{L})[^:;.]{0,60}?:",
                       regex.V1 | regex.IGNORECASE)
# a lead-in whose items are the cases that make someone fall under a rule ("… thuộc các trường hợp sau …:",
# "… trong một trong các trường hợp sau đây:")
_CASES_LEADIN = regex.compile(r"(?<!\p{L})(?:thuộc|rơi[ ]vào|trong)[ ](?:một[ ]trong[ ])?(?:các|những)[ ]trường[ ]hợp"
                              r"(?:[ ]\p{L}+){0,2}?[ ](?:sau|dưới[ ]đây)(?!\p{L})", regex.V1 | regex.IGNORECASE)
# the heading of a part on whom a text concerns or what its words mean: no tasks below it
_SCOPE_HEADING = regex.compile(r"(?:(?:Phạm[ ]vi[ ]điều[ ]chỉnh|Phạm[ ]vi[ ]áp[ ]dụng|Đối[ ]tượng(?:[ ]áp[ ]dụng)?|Giải[ ]thích[ ]từ[ ]ngữ)"
                               r"(?:[ ](?:và|,)[ ]*)?){1,2}[ ]*[.:]?", regex.V1 | regex.IGNORECASE)
# a group of bodies named by what it was given ("Các đơn vị được phân bổ kế hoạch vốn", "Các xã được hỗ trợ kinh phí")
_GROUP_GIVEN = regex.compile(r"[ ]+được[ ]+(?:giao|phân[ ]bổ|bố[ ]trí|phân[ ]công|cấp|hỗ[ ]trợ|chọn|lựa[ ]chọn)(?!\p{L})",
                             regex.V1 | regex.IGNORECASE)
# a lead-in that lists the parts of a thing ("Hồ sơ gồm:", "… bao gồm các tài liệu sau:"), not tasks
_LISTING = regex.compile(r"(?<!\p{L})(?:bao[ ]gồm|gồm(?:[ ]có)?)(?:[ ]+(?:các|những)?[ ]*(?:tài[ ]liệu|giấy[ ]tờ|văn[ ]bản|thành[ ]phần|nội[ ]dung)"
                         r"(?:[ ]sau(?:[ ]đây)?)?)?[ ]*:[ ]*$", regex.V1 | regex.IGNORECASE)
_MID_PREAMBLE = regex.compile(r"(?:(?:như[ ]sau|sau[ ]đây|(?:nội[ ]dung|việc|nhiệm[ ]vụ)[ ]sau|cụ[ ]thể)[ ]*:[ ]+(?=\S)"
                              # a topic, then the order about it ("Về đề xuất của huyện A: giao Sở B …")
                              r"|:[ ]+(?=(?:giao|đề[ ]nghị|yêu[ ]cầu|kiến[ ]nghị)[ ]))",
                              regex.V1 | regex.IGNORECASE)


def _clauses(body: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph, a sentence also cut after an introduction inside it ("… có ý kiến chỉ đạo như
    sau: Giao các sở …" → the introduction, then the order)."""
    out: list[tuple[int, int]] = []
    for s0, e0 in split_sentences(body):
        start = s0
        for m in _MID_PREAMBLE.finditer(body, s0, e0, timeout=rx_timeout(body)):
            out.append((start, start + len(body[start:m.end()].rstrip())))
            start = m.end()
        if start < e0:
            out.append((start, e0))
    return out


def _caps_heading(text: str) -> bool:
    """An unlabeled heading in capitals ("PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026")."""
    t = text.strip()
    if len(t) > 150 or len(t.split()) < 2 or t.endswith((".", ";", ",")):
        return False
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


_CONDITIONAL = regex.compile(
    # (the condition may follow "Trong quá trình …" with no comma: "Trong quá trình thực hiện nếu có vướng mắc, …")
    r"^(?:Trong[ ]quá[ ]trình[^,]{0,80}?(?:,[ ]*|[ ]+(?=(?:nếu|trường[ ]hợp|khi)\b)))?(?:Nếu|Trường[ ]hợp|Khi|Mọi|Quá[ ]trình)\b[^.;]{0,120}?"
    r"(?:vướng[ ]mắc|khó[ ]khăn|phát[ ]sinh|chưa[ ]rõ|thắc[ ]mắc|cần[ ]trao[ ]đổi)",
    regex.V1 | regex.IGNORECASE,
)
_DUE_WORD = regex.compile(r"\b(?:thời[ ]hạn|hạn[ ]chót|hạn[ ]nộp|hạn[ ]cuối|hoàn[ ]thành|hoàn[ ]tất)\b", regex.V1 | regex.IGNORECASE)
_NARRATION = regex.compile(r"\b(?:đã|đang|vừa)[ ]", regex.V1 | regex.IGNORECASE)
_DUTY_LEADIN = regex.compile(r"^(?:có[ ]trách[ ]nhiệm|chịu[ ]trách[ ]nhiệm|có[ ]nhiệm[ ]vụ|chủ[ ]trì|thực[ ]hiện|triển[ ]khai"
                             r"|tập[ ]trung|tiếp[ ]tục|khẩn[ ]trương|cần)\b", regex.V1 | regex.IGNORECASE)
# a noun phrase opening an item: the contents of a report or a topic ("- Việc quản lý kinh phí …", "c) Công tác
# văn thư", "1.3. Các tồn tại, hạn chế"), not a task
_NOMINAL_START = regex.compile(
    r"^(?:Việc|Công[ ]tác|Các|Những|Tình[ ]hình|Kết[ ]quả|Số[ ]liệu|Số[ ]lượng|Danh[ ]sách|Nội[ ]dung|Thời[ ]gian|Địa[ ]điểm"
    r"|Thành[ ]phần|Mục[ ]tiêu|Mục[ ]đích|Chỉ[ ]tiêu|Tồn[ ]tại|Hạn[ ]chế|Nguyên[ ]nhân|Phương[ ]hướng|Khó[ ]khăn"
    r"|Ưu[ ]điểm|Kinh[ ]phí|Đối[ ]tượng|Phạm[ ]vi|Hình[ ]thức|Yêu[ ]cầu[ ]chung|Ghi[ ]chú|Điều[ ]kiện|Tiêu[ ]chuẩn)\b",
    regex.V1 | regex.IGNORECASE)
# a permission, not a duty: "may" within the first words ("Sinh viên có thể …", "Các đơn vị được phép …")
_PERMISSION = regex.compile(r"^(?:\p{L}+[ ]){0,6}?(?:có[ ]thể|được[ ]phép|có[ ]quyền)(?!\p{L})", regex.V1 | regex.IGNORECASE)
# an item that describes what a name covers ("+ Đợt 19/5: Gồm các đảng viên …", "- Đối tượng A: là …"), no task
_DESCRIBED = regex.compile(r"^[^:;.]{1,40}:[ ]*(?:gồm|bao[ ]gồm|là)\b", regex.V1 | regex.IGNORECASE)
# a condition opening the sentence ("Trường hợp … thì …", "Nếu …"): no task of its own
_MOTTO = regex.compile(r"Độc[ ]lập[ ]*[-–][ ]*Tự[ ]do[ ]*[-–][ ]*Hạnh[ ]phúc|CỘNG[ ]H(?:ÒA|OÀ)[ ]XÃ[ ]HỘI[ ]CHỦ[ ]NGHĨA", regex.V1)
# the national motto and the place-and-date line ("Hà Nội, ngày 05 tháng 3 năm 2025"), wherever a scan lays them out
_MOTTO_OR_DATE = regex.compile(r"^(?:CỘNG[ ]H(?:ÒA|OÀ)[ ]XÃ[ ]HỘI|Độc[ ]lập[ ]*[-–][ ]*Tự[ ]do|[^,.;:]{2,40},[ ]*ngày[ ][^.;:]{0,12}tháng[ ]"
                            r"[^.;:]{0,12}năm[ ]+[^.;:]{0,8}$)", regex.V1 | regex.IGNORECASE)
# a negated statement ("- Chưa thực hiện điều chỉnh …", "b) Không tổ chức …"): GUIDELINES, no task; "không ngừng",
# "không chỉ … mà còn", "không để" … read as a positive duty are left to the rest
_NEGATED = regex.compile(r"^(?:[-–+•*][ ]*|(?:\d{1,2}(?:[.]\d{1,2})*|[a-zđ])[.)][ ]*)?(?:Chưa|Không)[ ]+"
                         r"(?!(?:ngừng|chỉ|những|để|được|quá|muộn|chậm|kể|phải|ít|thể)(?!\p{L}))\p{Ll}", regex.V1)
# what may follow a list of names when no predicate does: a qualifier of the names, nothing to do
_QUALIFIER_ONLY = regex.compile(r"^(?:(?:con lai|khac|co lien quan|lien quan|nay|tren|neu tren|tren dia ban|theo quy dinh"
                                r"|cua phap luat|hien hanh|theo|va|,)[ ]*)+[ ;,.:/]*$")
_IF_START = regex.compile(r"^(?:Trong[ ])?(?:Trường[ ]hợp|Nếu|Khi)\b", regex.V1 | regex.IGNORECASE)
_DONE = regex.compile(r"^(?:[^,.;:]{0,40},[ ]*)?(?:đã|đang|vừa)[ ]", regex.V1 | regex.IGNORECASE)
_COURTESY = regex.compile(r"^(?:(?:Xin[ ])?Trân[ ]trọng|Rất[ ]mong|Xin[ ](?:chân[ ]thành[ ])?cảm[ ]ơn|Lưu[ ]ý)\b", regex.V1 | regex.IGNORECASE)
_ORDER_WORD = regex.compile(r"\b(?:đề[ ]nghị|yêu[ ]cầu)\b", regex.V1 | regex.IGNORECASE)
_YEAR_CONTEXT = regex.compile(r"(?:năm[ ]+|\d{1,2}[/.-]\d{1,2}[/.-])((?:19|20)\d{2})(?!\d)", regex.V1 | regex.IGNORECASE)
# an item that opens by directing a body ("Chỉ đạo Sở X …"), said by the one who directs it
_DIRECTS = regex.compile(r"^Chỉ[ ]đạo[ ]+(?=\p{Lu}|các[ ])", regex.V1)
_DIRECT_OBJ = regex.compile(r"^(?:Chỉ[ ]đạo|Giao|Đề[ ]nghị|Yêu[ ]cầu)(?:[ ]cho)?[ ]+(?=\S)", regex.V1 | regex.IGNORECASE)
_HEADING_VERB = regex.compile(r"\b(?:chủ[ ]trì|phối[ ]hợp|thực[ ]hiện|triển[ ]khai|báo[ ]cáo|tổ[ ]chức|có[ ]trách[ ]nhiệm|là|được|đã)\b",
                              regex.V1 | regex.IGNORECASE)
_CLAUSE_LEAD = regex.compile(r"^[\s,;)]*(?:và|rồi|sau[ ]đó|đồng[ ]thời)?[\s,;]*", regex.V1 | regex.IGNORECASE)
_SUBLABEL = regex.compile(r"^\((?:\d{1,2}|[a-zđ])\)[ ]*(?=\S)", regex.V1)
_LEADIN_END = regex.compile(r"(?:co trach nhiem|co nhiem vu|chiu trach nhiem|:)\s*$")


# a lower-case qualifier of a plural subject closed by a colon, no comma inside ("cung cấp máy tính:")
_QUALIFIER_COLON = regex.compile(r"(?P<q>\p{Ll}[^:;.,()\n]{2,80}?)[ ]*:[ ]*", regex.V1)
_ADMIN_TAIL = regex.compile(r"(?:thành[ ]phố|thị[ ]xã|thị[ ]trấn|huyện|quận|xã|phường|tỉnh|đặc[ ]khu)\b[^,;.:()]{0,60}", regex.V1)
_ASIDE = regex.compile(r"[ ]*\([^()]{1,120}\)", regex.V1)
_HEADING_JOIN = regex.compile(r",?[ ]+và[ ]+(?=các[ ]+\p{L})", regex.V1 | regex.IGNORECASE)
# (units.py's owner, HN) "4. Sở X; Báo Y", "2. Sở, ban, ngành thành phố và Ủy ban nhân dân xã, phường": a semicolon, or
# "và" before another body's head when the name read from the part's start stops short of it, joins two bodies
_HEADING_JOIN2 = regex.compile(r"[ ]*;[ ]*(?=\p{L})|[ ]+và[ ]+(?=\p{Lu})", regex.V1)


def _heading_parts(name: str) -> list[tuple[int, int]]:
    """Spans of the bodies a heading names, cut at "và các" outside brackets, each part opening with a unit."""
    cuts, depth = [], 0
    spans = [(m.start(), m.end()) for m in _HEADING_JOIN.finditer(name, timeout=rx_timeout(name))]
    for m in _HEADING_JOIN2.finditer(name, timeout=rx_timeout(name)):
        a0 = max([b for a, b in spans if b <= m.start()] + [0])
        first = parse_unit(name, a0)
        if first is not None and first.end <= m.start():
            spans.append((m.start(), m.end()))
    spans.sort()
    opened = [i for i, c in enumerate(name) if c == "("]
    closed = [i for i, c in enumerate(name) if c == ")"]
    for a, b in spans:
        depth = sum(1 for i in opened if i < a) - sum(1 for i in closed if i < a)
        if depth == 0 and parse_unit(name, b) is not None:
            cuts.append((a, b))
    out, at = [], 0
    for a, b in cuts:
        out.append((at, a))
        at = b
    out.append((at, len(name)))
    return out


_COMPLEMENT = regex.compile(r"^(?:[ ]+(?:về|của|(?:không[ ])?thuộc|(?:không[ ])?trực[ ]thuộc|tại|trên|trong|ở|cấp|có)\b|[ ]*$)",
                            regex.V1 | regex.IGNORECASE)
# what a body is to the others, after its name ("Vụ X, đơn vị thường trực của Hội đồng …", "Sở Y - cơ quan chủ trì")
_APPOSITIVE = regex.compile(r"[ ]*(?:,|[-–])[ ]*(?:là[ ]+)?(?:cơ[ ]quan|đơn[ ]vị)[ ]+(?:thường[ ]trực|chủ[ ]trì|đầu[ ]mối|chuyên[ ]môn"
                            r"|tham[ ]mưu|đại[ ]diện)(?!\p{L})[^.;:]*$", regex.V1 | regex.IGNORECASE)


def _complemented(name: str, a: int, b: int) -> bool:
    part = _ASIDE.sub("", name[a:b], timeout=RX_TIMEOUT)
    u = parse_unit(part, 0)
    return u is not None and u.start == 0 and _COMPLEMENT.match(part[u.end:], timeout=RX_TIMEOUT) is not None


def _label_level(m: regex.Match | None) -> float | None:
    if m is None:
        return None
    if m.group("art"):
        return 0.5  # "Điều 4." — an article, between a chapter/part and its clauses "1.", "a)"
    if m.group("roman"):
        return 0
    if m.group("num"):
        return 1 + m.group("num").count(".")
    if m.group("letter"):
        return 6
    if m.group("paren"):
        return 7  # "(1) …", "(a) …": under a lettered item, above its bullets
    return 8


class _Prose:
    def __init__(self, b: ObligationBuilder) -> None:
        self.b = b
        self.stack: list[_Level] = []
        self.closing = False
        self.collective: list[UnitSpan] | None = None  # the first plural subject, when there is no Kính gửi list
        self.addr_locs: dict[str, Loc] = {}  # where each addressee is written
        self.last_subject: list[tuple[UnitSpan, str]] | None = None  # of the last task given, for deadline sentences
        # a report (Báo cáo) gives tasks only in its sections on directions and tasks ahead
        self.report = _is_type(b.header, "bao cao", "BC")
        self.section_ok = False
        self.section_aims = False  # the part being read states the plan's aims ("I. MỤC ĐÍCH, YÊU CẦU")
        self.ctx_year: str | None = None
        self.bare_heading = False
        self.bullets: list[str] = []
        self.groups: dict[str, list[str]] = {}  # "(sau đây gọi chung là các đơn vị)": the bodies a short form stands for
        self.prev_draft: Draft | None = None  # the last task of the paragraph before
        self.above: Draft | None = None  # the same, while the first sentence of a paragraph is read
        self.card: Draft | None = None  # the task a card of labeled fields gives ("Cơ quan chủ trì: …" … "Thời gian …:")
        self.card_name: str | None = None  # that card's field naming the task ("Tên nhiệm vụ: …"), when it has one
        self.card_list = False  # a field of the card whose value is a list below it ("- Kết quả dự kiến:" then "+ …")
        # a bullet lead-in whose items are lettered or numbered ("- Sở X chủ trì …, thực hiện các nhiệm vụ sau:" then
        # "a) …", "b) …"): (the bullet's level, the items' own level) while that bullet stands
        self.lift: tuple[float, float] | None = None
        self.bullet_colon = False  # the last bullet's paragraph ends with a colon
        self.addr_open: bool | None = None  # inside the list of addressees after "Kính gửi:" (see _in_addressee_list)
        self.list_addr: list[UnitSpan] = []  # its bodies, when the header found none
        self.section_period: Deadline | None = None  # the period a part heading sets ("NHIỆM VỤ TRỌNG TÂM THÁNG 11")
        self.period: Deadline | None = None  # the period of the scope the paragraph being read stands in
        self.in_phase = False  # that period is a phase's window ("Đợt 1: …"): its items are not each due at its end
        self.issuer: UnitSpan | None = None  # the issuer where the header names it, for a report's own tasks
        self.plan_issuer: UnitSpan | None = None  # the same, for a plan's tasks that nothing in it gives a doer
        self.section_doers: list[tuple[UnitSpan, str]] | None = None  # a report's task part: the issuer
        self.tables = 0  # tables read so far
        self.section_tables = 0  # tables read when the part heading was
        # the items of a plan's part on tasks that name no doer ("a) Rà soát …", "b) Xây dựng …"), kept with no unit
        # until a role line after them gives theirs ("Cơ quan chủ trì: Sở X; UBND các huyện."), with the level of
        # the items
        self.orphans: list[Draft] = []
        self.orphan_level: float | None = None
        self.orphan_card: list[Draft] = []  # the items the last such role line gave its bodies to
        self.unitless: list[Draft] = []  # every such item, for the body a resolution charges with carrying it out
        # the same items in a part whose heading names no tasks ("I. CÔNG TÁC QUÁN TRIỆT" … "1. Nội dung, biện pháp"
        # … "a) Tổ chức …"): tasks only when a role heading after them gives their doers, dropped otherwise
        self.held: list[Draft] = []
        self.held_level: float | None = None
        # an unlabeled paragraph opening with a task's verb that gave no task (no doer named or in scope), and the same
        # for the paragraph before the one being read: a role line right after it ("- Cơ quan thực hiện: Sở X.")
        # names its doers
        self.loose: tuple[str, Loc] | None = None
        self.loose_above: tuple[str, Loc] | None = None
        self.role_held: set[int] = set()
        # a role's heading with no bodies on its line ("2. Cơ quan chủ trì, phối hợp", "a) Cơ quan chủ trì"): (its
        # level, the role, the items above it that named no doer) while its bodies, one list a line, come below it
        self.role_list: tuple[float | None, str, list[Draft]] | None = None
        # bullets of a heading that open with a task's verb and name no doer ("- Rà soát …", "- Tuyên truyền …"):
        # tasks only when a role line after them gives their doers ("Trách nhiệm thực hiện: Sở X; UBND các xã."),
        # dropped at the next heading otherwise
        self.pending: list[Draft] = []
        self.first_clause = False
        self.level: float | None = None
        self.parent_level: _Level | None = None  # the level the paragraph being read stands under
        self.verb_list: tuple[float | None, _Level | None] | None = None  # (level, parent) of the last task item naming no doer

    def paragraph(self, p: Paragraph) -> None:
        text = p.text
        if not text.strip():
            return
        if "ngh" in text:
            text = _ocr_order_words(text)
        self.above, self.prev_draft = self.prev_draft, None
        self.loose_above, self.loose = self.loose, None
        if _FIELD_LINE.match(text, timeout=rx_timeout(text)) is None:
            if (self.card is not None or self.card_name is not None) and (
                    _BARE_FIELD.match(text, timeout=rx_timeout(text)) or self.card_list and _SUB_ITEM.match(text, timeout=RX_TIMEOUT)):
                # "- Kết quả dự kiến:" then "+ Báo cáo …", "+ Hội thảo …": a field whose value is a list; the card
                # goes on to its next fields ("- Thời gian hoàn thành: Quý I/2028.")
                self.card_list = True
            else:
                self.card = self.card_name = None
                self.orphan_card = []
                self.card_list = False
        elif (cn := _CARD_NAME.match(text, timeout=rx_timeout(text))) is not None:
            # "1. Tên nhiệm vụ: …" opens a card: the task its lead field gives is worded so
            self.card, self.card_name = None, cn.group("v").strip()
        elif self.above is None:
            # "4. Kết quả: …" then "5. Thời gian hoàn thành: Quý IV/2026.": the fields of one task card
            self.above = self.card
        if self.addr_open is not None and self._in_addressee_list(text, p.loc):
            return
        _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
        if _MOTTO.search(text, timeout=_tm):
            return  # a line of the header laid out beside the national motto ("TRƯỜNG ĐẠI HỌC X   Độc lập - Tự do …")
        if _STAMP.match(text, timeout=_tm):
            return  # a gazette's running head or an e-signature stamp inside the flow of the text, no task
        if CLOSING.match(text.strip(), timeout=rx_timeout(text.strip())):
            f = fold(text.strip())
            if f.startswith(("noi nhan", "luu")):
                self.closing = True
            elif f.startswith("tren day la"):
                # "Trên đây là báo cáo …, đề nghị các phòng … xây dựng kế hoạch …": the order after the summary
                mo = _ORDER_AFTER_SUMMARY.search(text, timeout=_tm)
                if mo is not None:
                    self.period = None
                    self.sentence(text[mo.end():], text.strip(), p.loc.span(mo.end(), len(text)) if p.loc.start is not None
                                  else p.loc, None, None, False)
            elif f.startswith("kinh gui"):
                # "Kính gửi:" then the addressees one a line ("- Sở A;", "- Các cơ quan báo chí …" and its
                # broken lines): the list is the letter's address, never a subject of the prose below it
                rest = text.split(":", 1)[1].strip() if ":" in text else ""
                self.addr_open = True if not rest or rest.endswith((";", ",")) else None
            return
        lm = _LABEL.match(text, timeout=_tm)
        level = _label_level(lm)
        if lm is not None and lm.group("bullet"):
            # bullets nest in the order their marks first appear under a labeled item ("-" then "+")
            mark = "-" if lm.group("bullet") in "-–" else lm.group("bullet")
            if mark not in self.bullets:
                self.bullets.append(mark)
            level = 8 + self.bullets.index(mark)
            self.bullet_colon = text.rstrip().endswith(":")
        elif level is not None:
            top = self.stack[-1] if self.stack else None
            if (self.lift is not None and level == self.lift[1]
                    and any(lv.level == self.lift[0] for lv in self.stack)):
                level = self.lift[0] + 0.5
            elif (top is not None and top.level is not None and top.level >= 8 and top.leadin and top.subject
                  and self.bullet_colon
                  and not top.items and level >= 1 and all(lv.level != level for lv in self.stack)
                  and (lm.group("letter") or lm.group("num") or lm.group("paren") or "").split(".")[-1] in ("a", "1")):
                # (only a list that opens with its first label; a label of a level open above the bullet is that
                # level's next item: "a) …:" "- …:" "b) …")
                self.lift = (top.level, level)
                level = top.level + 0.5
            else:
                self.lift = None
                self.bullets = []
        body0 = text[lm.end():] if lm is not None else text
        if self.role_list is not None and self._role_bodies(body0, lm, level, p.loc):
            return
        if not self.closing and (level is None or level < 8) and (
                rh := _ROLE_HEAD.fullmatch(body0.strip(), timeout=_tm)) is not None:
            # "2. Cơ quan chủ trì, phối hợp": no task; the bodies below it are the doers of the items above it
            self._role_head(rh, level)
            return
        if self.held and (level is not None and self.held_level is not None and level < self.held_level
                          or level is None and _caps_heading(text)):
            self._drop_held()
        elif self.held and level is not None and level < 8 and level > self.held_level:
            # "1. Tăng cường …" then "1.2. Nâng cao …": the item held above heads the items below it, it is no task
            self._drop_held()
        if self.pending and (level is not None and level < 8 or level is None and _caps_heading(text)):
            self._drop_pending()
        if self.closing:
            # distribution lines and the signature block; prose resumes at a numbered part or annex
            if lm is None or lm.group("bullet"):
                if not (lm is None and len(text) > 120):
                    return
            self.closing = False
            self.stack = []
        body_off = lm.end() if lm else 0
        if level is not None and level <= 0.5 or level is None and _caps_heading(text):
            # a part heading ("II. GIẢI PHÁP", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026", "Điều 3. …")
            if level is None or level == 0 or not self.report:
                self.section_ok = bool(_TASK_SECTION.search(fold(text), timeout=RX_TIMEOUT))
                self.section_aims = bool(_AIMS_SECTION.match(fold(text), timeout=RX_TIMEOUT))
                self.orphans, self.orphan_level = [], None
                self.section_period = self._heading_period(text, p.loc, 0)
                # a report's part on its own tasks ahead ("NHIỆM VỤ TRỌNG TÂM THÁNG 11", "PHƯƠNG HƯỚNG NĂM 2026"):
                # items naming nobody are the issuer's
                self.section_doers = ([(self.issuer, "lead")] if self.report and self.issuer is not None
                                      and _OWN_TASKS.search(fold(text), timeout=RX_TIMEOUT) else None)
                self.section_tables = self.tables
            if level is None:
                self.stack = []
                self.last_subject = None
                if self.report:
                    return
        if self.report and not self.section_ok:
            return  # a report states results; only its "phương hướng, nhiệm vụ", "kiến nghị" parts give tasks
        sibling: list[tuple[UnitSpan, str]] | None = None
        first = True
        if level is not None:
            if self.stack and self.stack[-1].level is None:
                # the first item under an unlabeled lead-in: the lead-in ranks just above it (above the whole
                # document when the first thing under it is a part heading "I. …")
                self.stack[-1].level = level - 0.25 if level > 0 else -1
            while self.stack and self.stack[-1].level >= level:  # type: ignore[operator]
                top = self.stack.pop()
                if top.level == level:
                    first = False
                    if level >= 1 and top.subject and not top.leadin and top.chain:
                        sibling = top.subject  # "a) Sở X chủ trì …" then "b) Tổ chức …": X goes on
            if level <= 1:
                self.last_subject = None
            if self.stack:
                self.stack[-1].items = True
        if any(lv.roster for lv in self.stack):
            # the members of a board or a delegation ("1. Trưởng ban: …", "- Bộ trưởng Bộ X;"), no tasks; an
            # unlabeled paragraph that gives a task ends the list (not a part on scope: it runs to its next heading)
            if level is not None or _names_only(text.strip()) or any(lv.defs for lv in self.stack):
                return
            self.stack = [lv for lv in self.stack if not lv.roster]
        if (level is not None and text.rstrip().endswith(":")
                and _CASES_LEADIN.search(text[body_off:], timeout=_tm)):
            # "- Sinh viên thuộc các trường hợp sau sẽ nhận điểm 0:" then "+ Vắng quá …": the items are the cases
            # that define whom a rule concerns, no tasks; the part runs to the next item of the lead-in's level
            self.stack.append(_Level(level, None, roster=True, defs=True, tables=self.tables))
            return
        if level is not None and _SCOPE_HEADING.fullmatch(text[body_off:].strip(), timeout=_tm):
            # "Điều 2. Đối tượng áp dụng", "1. Phạm vi điều chỉnh": the bodies listed below are those the text concerns
            # or defines, no doers; the part runs to the next heading of its level
            self.stack.append(_Level(level, None, roster=True, defs=True, tables=self.tables))
            return
        if _ROSTER.search(text[body_off:], timeout=_tm):
            # "Điều 1. Thành lập Ban Chỉ đạo … (gọi tắt là Ban Chỉ đạo), gồm các thành viên sau đây:"
            self.stack.append(_Level(level, None, roster=True, tables=self.tables))
            return
        # the subject of the nearest enclosing heading or lead-in that names one ("Chủ tịch UBND tỉnh yêu cầu:"
        # over "II. NHIỆM VỤ …" / "1. Nhiệm vụ chung" / "a) …")
        parent = next((lv.subject for lv in reversed(self.stack) if lv.subject), None)
        if parent is None and sibling is not None and (
                level is None or level >= 6
                # a numbered item that opens with a body's name has a subject of its own, even when it is not read
                or parse_unit(text, body_off) is None and not fold(text[body_off:body_off + 4]) == "cac "):
            parent = sibling
        # the nearest enclosing level that names a subject is a lead-in or a heading naming only its doer
        # ("Sở X có trách nhiệm:", "Điều 5. Trách nhiệm của Sở Y tế", "2. Phòng Tài chính - Kế toán"): every
        # item below it, at any depth, is a task of that doer whatever its first word
        if parent is None and self.report and self.section_ok and self.section_doers:
            parent = self.section_doers
        owner = next((lv for lv in reversed(self.stack) if lv.subject), None)
        parent_leadin = owner is not None and owner.leadin and (
            level is not None
            # an unlabeled paragraph right under the heading or lead-in, before any labeled item
            or owner is self.stack[-1] and not owner.items and owner.level is not None)
        leadin = False
        explicit_leadin = False
        own = False
        cur: list[tuple[UnitSpan, str]] | None = None
        last_draft: Draft | None = None
        pushed: list[tuple[UnitSpan, str]] | None = None
        body = text[body_off:]
        # the month, quarter or date set for the items of the scope this paragraph stands in, and the one it sets
        # for its own items when it is a heading or a lead-in ("1. Quý I năm 2020:", "Trong tháng 11/2017, Sở Y tế
        # tập trung thực hiện các nhiệm vụ sau:")
        dated = next((lv for lv in reversed(self.stack) if lv.period is not None), None)
        self.period = dated.period if dated is not None else self.section_period
        self.in_phase = dated is not None and dated.phase
        own_period = None
        if body.rstrip().endswith(":") or level is not None and (_caps_heading(body) or len(body.split()) <= 16
                                                                and not body.rstrip().endswith((".", ";"))):
            own_period = self._heading_period(body, p.loc, body_off)
        phase = own_period is not None and _PHASE.match(body, timeout=_tm) is not None
        # "1. Đợt 1: Từ ngày … đến ngày …:" — the phase is one dated task (the sentence reader gives it its time); the
        # items below are what the phase does: tasks of its schedule, not each due at its end
        if _caps_heading(body):
            # a heading in capitals is no task ("II. TỔ CHỨC THỰC HIỆN"); it may name the unit of its items
            named = None
            if level is not None and level >= 0.5:
                # "2. PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Điều 5. TRÁCH NHIỆM CỦA SỞ Y TẾ": a heading that is nothing but
                # its doer's name heads the items below
                head = body.rstrip(" .:;")
                hs = _find_subject(head)
                if hs is not None and hs.trigger is None and hs.action_start >= len(head) and hs.units:
                    named = [(u, "lead") for u, _r in hs.units]
            if named:
                _place([u for u, _r in named], p.loc.span(body_off, len(text)) if p.loc.start is not None else p.loc)
            if level is not None:
                self.stack.append(_Level(level, named, bool(named), bool(named), period=own_period, phase=phase, tables=self.tables))
            return
        if level is not None and self.orphan_level is not None and level < self.orphan_level:
            # the next heading of the level above the items: a role line after it is no longer theirs
            self.orphans, self.orphan_level = [], None
        self.level = level
        self.parent_level = self.stack[-1] if self.stack else None
        par = self.parent_level
        if level is not None and par is not None and par.orphan is not None:
            # "3. Đẩy mạnh công tác truyền thông, …" then "- …", "a) …": an item with items of its own heads them, it
            # is no task naming no doer of its own
            d0, par.orphan = par.orphan, None
            for lst in (self.b.drafts, self.unitless, self.orphans):
                if d0 in lst:
                    lst.remove(d0)
        for s0, e0 in _clauses(body):
            self.first_clause = s0 == 0
            s_text = body[s0:e0]
            loc = p.loc.span(body_off + s0, body_off + e0)
            src = text[:body_off + e0] if s0 == 0 else s_text
            inherited = cur if cur is not None else parent
            if s0:
                self.above = None
            res = self.sentence(s_text, src.strip(), loc, inherited, last_draft, cur is not None,
                                any_task=parent_leadin and s0 == 0, scope=parent,
                                heading=level is not None and s0 == 0 and e0 == len(body.rstrip())
                                and (len(body.split()) <= 16 or body.rstrip().endswith(":") and len(body.split()) <= 60)
                                and not body.rstrip().endswith((".", ";")),
                                labeled=level is not None,
                                # (a longer item with no closing stop may still be a body's name with its complement)
                                name_line=level is not None and s0 == 0 and e0 == len(body.rstrip())
                                and len(body.split()) <= 30 and not body.rstrip().endswith((".", ";")))
            if res is None:
                cur = None
                last_draft = None
                continue
            subj, draft = res
            f_s = fold(s_text.strip())
            explicit_leadin = bool(_LEADIN_END.search(f_s, timeout=rx_timeout(f_s)))
            if draft is None and subj and (explicit_leadin or self.bare_heading and level is not None and level >= 0.5):
                leadin = True
            elif draft is not None:
                leadin = False
            if s0 == 0 and subj is not None and subj is not inherited:
                own = True
            cur = subj
            last_draft = draft
            pushed = subj
        self.above = None
        self.prev_draft = last_draft
        if (level is None and last_draft is None and cur is None and not self.section_aims and not self.closing
                and not text.rstrip().endswith(":") and _TASK_START.match(text.strip(), timeout=_tm)
                and not _NARRATION.search(text[:60], timeout=_tm)):
            self.loose = (text.strip(), p.loc)
        if level is not None:
            chain = own and first or not own and sibling is not None and cur is not None and cur is sibling
            self.stack.append(_Level(level, pushed if cur is not None else None, leadin and cur is not None, own, chain,
                                     period=own_period, phase=phase, tables=self.tables,
                                     title=body.strip() if 1 <= level < 8 and not _caps_heading(body) else "",
                                     listing=bool(_LISTING.search(body, timeout=rx_timeout(body))),
                                     orphan=last_draft if last_draft is not None and last_draft in self.unitless[-1:]
                                     and not last_draft.units else None))
        elif leadin and cur is not None and (not self.bare_heading or explicit_leadin):
            # an unlabeled lead-in ("Giao Sở X chủ trì, phối hợp với …:"): a scope for the items below it
            if self.stack and self.stack[-1].level is None:
                self.stack.pop()
            self.stack.append(_Level(None, cur, True, True, period=own_period, phase=phase, tables=self.tables))
        elif own_period is not None and last_draft is None:
            # "Quý I năm 2020:" on its own line: a scope of time for the items below it
            if self.stack and self.stack[-1].level is None:
                self.stack.pop()
            self.stack.append(_Level(None, None, period=own_period, phase=phase))

    def finish(self) -> None:
        """A resolution's tasks that name no doer ("1. Thực hiện đồng bộ các giải pháp …") are the tasks of the body
        it charges with carrying it out ("Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị
        quyết này"), implied.  A plan's tasks that nothing in it gives a doer are its issuer's (``_own_plan``)."""
        if self.pending:
            self._drop_pending()
        if self.role_list is not None:
            self._close_roles()
        if self.held:
            self._drop_held()
        self._own_plan()
        h = self.b.header
        if not self.unitless or not _is_type(h, "nghi quyet", "NQ"):
            return
        doers = next(([(raw, role) for _k, raw, role, _l, _i in d.units if role == "lead"] for d in self.b.drafts
                      if d.units and _CARRY_OUT.match(fold(d.ob.action), timeout=RX_TIMEOUT)), None)
        if not doers:
            return
        for d in self.unitless:
            if not d.units:
                self.b.extend(d, doers, implied=True)

    def _own_plan(self) -> None:
        """The bottom of the scope stack of a plan sent to nobody: in a Kế hoạch with no Kính gửi list, a task that no
        heading, lead-in, article, row or role line gives a doer, and no addressee can take, is a task of the plan's
        own issuer (a commune Front committee's plan for checking its elections, a sub-committee's plan for its
        own campaign), implied, at the issuer's words in the header.  A Quyết định or Nghị quyết approving a plan
        is not one: its unnamed tasks stay with no unit."""
        h = self.b.header
        if not _is_type(h, "ke hoach", "KH"):
            return
        if h.recipients or self.list_addr or not h.issuer:
            return
        ik = fold(canonical_name(h.issuer))
        # (never what is handed in to the issuer: "- Thời hạn nộp bài dự thi: …", "… gửi về Sở X" where X issued it)
        todo = [d for d in self.b.drafts if not d.units and not _HANDED_IN.search(fold(d.ob.source_text[:80]), timeout=RX_TIMEOUT)
                and not (d.ob.report_to and fold(canonical_name(d.ob.report_to)) in (ik, ""))]
        if not todo:
            return
        # a plan that charges many bodies by name directs others: the few of its tasks left with no doer are items
        # whose subject the scope lost (a sibling of named items), neither its issuer's work nor its carrier's; only
        # a plan naming few doers, whose unnamed tasks are no stray few among named ones, is that body's own work
        named = {k for d in self.b.drafts for k, _r, _role, _l, imp in d.units if not imp}
        if len(named) > _OWN_PLAN_DOERS or len(todo) * _OWN_PLAN_SHARE < len(self.b.drafts):
            return
        # the body the plan charges with carrying it out ("Giao Sở Nội vụ chỉ đạo Ban Thi đua thực hiện các nhiệm vụ
        # được giao tại Kế hoạch"), else the issuer itself
        doers = next(([(UnitSpan(0, len(raw), raw, loc=loc), role) for _k, raw, role, loc, imp in d.units
                       if role == "lead" and not imp]
                      for d in self.b.drafts if d.units and _PLAN_CARRY.search(fold(d.ob.action), timeout=RX_TIMEOUT)
                      and not all(_COLLECTIVE.match(fold(canonical_name(raw)), timeout=RX_TIMEOUT)
                                  for _k, raw, _r, _l, _i in d.units)), None)
        own = self.plan_issuer or UnitSpan(0, len(h.issuer), h.issuer, loc=h.locs.get("issuer"))
        for d in todo:
            self.b.extend(d, doers or [(own, "lead")], implied=True)

    def table_context(self) -> list[tuple[UnitSpan, str]] | None:
        """The doers the document gives a table standing here: the subject of the heading or lead-in above it ("1.
        Phòng Kế hoạch (6 nhiệm vụ):", "Sinh viên lưu ý:"), else, in a report's part on its tasks ahead, the issuer;
        each located at its words."""
        # (a heading gives its doers to the first table under it: the tables after that one, with no heading of
        # their own between them, may well be other doers' — a scan whose headings were lost)
        seen, self.tables = self.tables, self.tables + 1
        for lv in reversed(self.stack):
            if lv.subject:
                units = [(u, "lead") for u, _r in lv.subject if isinstance(u, UnitSpan) and u.loc is not None]
                return units if units and lv.tables == seen else None
        if self.report and self.section_ok and self.section_doers and self.section_tables == seen:
            return list(self.section_doers)
        return None

    def _heading_period(self, body: str, base: Loc, off: int) -> Deadline | None:
        """The month, quarter or date a heading or lead-in sets for its items: "Trong tháng 11/2017, … các nhiệm vụ
        sau:", "1. Quý I năm 2020:", "NHIỆM VỤ TRỌNG TÂM THÁNG 11" (its year the document's); never a whole year."""
        ref = self.b.ref_date or (str(self.b.ctx_year) if self.b.ctx_year else None)
        t = body.rstrip()
        if t.endswith(":"):
            found = [d for d in find_deadlines(t, ref) if d.deadline.kind != "year"]
            if len(found) == 1 and found[0].deadline.date:
                dl = found[0]
                return Deadline(dl.deadline.date, dl.deadline.text, dl.deadline.kind, dl.deadline.inferred_year,
                                base.span(off + dl.start, off + dl.end) if base.start is not None else base)
        # (the period a review looks back on is passed over: "đánh giá tình hình tháng 9 …, triển khai nhiệm vụ tháng
        # 10 …"; a heading naming more than one period, "tháng 10, quý IV năm 2024", sets no one bound)
        ms = [m for m in _HEADING_PERIOD.finditer(t, timeout=rx_timeout(t)) if not covered_period_at(t, m.start("p"))]
        m = ms[0] if len(ms) == 1 else None
        if m is None or open_ended_at(t, m.end("p")) or period_listed_at(t, m.end("p")):
            return None  # ("TRỌNG TÂM THÁNG 5 VÀ THỜI GIAN TỚI": a start, no bound for the items below)
        year = m.group("y") or (ref[:4] if ref and ref[:4].isdigit() else None)
        if year is None:
            return None
        n = m.group("n")
        norm = f"{'quý' if fold(m.group('u')).startswith('quy') else 'tháng'} {n}/{year}"
        found = find_deadlines(norm, ref, in_time_column=True)
        if len(found) != 1 or not found[0].deadline.date:
            return None
        d = found[0].deadline
        return Deadline(d.date, m.group("p"), d.kind, m.group("y") is None,
                        base.span(off + m.start("p"), off + m.end("p")) if base.start is not None else base)

    def _in_addressee_list(self, text: str, base: Loc | None = None) -> bool:
        """Whether ``text`` goes on the list of addressees opened by "Kính gửi:" (``addr_open``: the line before
        left the list open, with no full stop).  A bullet is an addressee; an unlabeled line is one when it goes
        on a line left open (a name broken over two lines, "khác đóng trên địa bàn …") or is a name alone; the
        national motto and the place-and-date line, laid out between them in a scan, are passed over."""
        t = text.strip()
        if _MOTTO_OR_DATE.match(t, timeout=rx_timeout(t)):
            return True
        lm = _LABEL.match(t, timeout=rx_timeout(t))
        words = len(t.split())
        part = False
        if lm is not None and lm.group("bullet") and words <= 40:
            # (a short line after one left open by its ";" is the next addressee, the last one closed by ".")
            part = _names_only(t[lm.end():]) or t.endswith((";", ",")) or words <= 15
        elif lm is None and self.addr_open and words <= 30:
            u = parse_unit(t, 0)
            part = t[:1].islower() or u is not None and u.start == 0 and _names_only(t)
        if not part:
            self.addr_open = None
            return False
        if not self.b.header.recipients and base is not None and not t[:1].islower():
            # the header found no Kính gửi list: its bodies, named one a line, are the addressees
            off = len(text) - len(text.lstrip()) + (lm.end() if lm is not None else 0)
            body = t[lm.end():] if lm is not None else t
            ul = parse_unit_list(body, 0)
            if ul is not None and ul.units and ul.units[0].start == 0:
                closed = body.rstrip().endswith((";", ",", "."))
                for u in ul.units:
                    if u.bare or not closed and u is ul.units[-1]:
                        continue  # (a name broken at the end of its line is not whole)
                    self.list_addr.append(UnitSpan(u.start, u.end, u.raw, plural=u.plural or fold(u.raw).startswith("cac "),
                                                   written=u.as_written if u.as_written != u.raw else None,
                                                   loc=base.span(off + u.start, off + u.end)))
        self.addr_open = not t.endswith(".")
        if not self.addr_open:
            self.addr_open = None  # the last addressee ends the list
        return True

    def sentence(self, s: str, source: str, loc: Loc, inherited, last_draft: Draft | None, same_para: bool,
                 any_task: bool = False, heading: bool = False, labeled: bool = False, scope=None,
                 name_line: bool = False):
        """``any_task``: the first sentence of an item under a lead-in ("X có trách nhiệm:"), a task of X
        whatever its first word.  ``scope``: the doers of the heading or lead-in the sentence stands under."""
        self.bare_heading = False
        s_clean = s.strip()
        sub = _SUBLABEL.match(s_clean, timeout=rx_timeout(s_clean))
        if sub:
            # "(2) Sở Y tế …": a bracketed sub-label opens the sentence
            s = s.replace(sub.group(0), " " * len(sub.group(0)), 1)
            s_clean = s.strip()
        _tm = rx_timeout(s_clean)  # no limit on a short text (core.textutil.RX_SHORT)
        if not s_clean or CLOSING.match(s_clean, timeout=_tm):
            return None
        if _CONDITIONAL.match(s_clean, timeout=_tm):
            return None  # "Trường hợp có vướng mắc, đề nghị … phản ánh về …": conditional, no task
        if _NEGATED.match(s_clean, timeout=_tm):
            return None  # "- Chưa thực hiện … trong Quý I": a negated statement is no task, its time no deadline
        lead = len(s) - len(s.lstrip())
        sloc = loc.span(lead, lead + len(s_clean)) if loc.start is not None else loc
        ref = self._ref_date(s_clean)
        rl = _ROLE_LABEL.match(s_clean, timeout=_tm)
        if rl is not None:
            # "Đơn vị phối hợp triển khai: Các phòng chức năng thuộc Công an thành phố.", "Cơ quan chủ trì: Sở Y tế": a
            # role's label, then the bodies that hold it
            ul = parse_unit_list(s_clean, rl.end())
            units = [u for u in ul.units if not u.bare] if ul is not None else []
            if units:
                _place(units, sloc)
                role = "support" if fold(rl.group("r")).startswith("phoi") else "lead"
                if role == "lead" and self.card is None and self.card_name is None and self.pending:
                    # "- Rà soát …" "- Ưu tiên …" then "Trách nhiệm thực hiện: UBND huyện.": the role line names the
                    # doers of the bullets above it (and of the items naming none, when there are some)
                    for od in self.orphans + self.pending:
                        self.b.extend(od, [(u, role) for u in units], implied=True)
                    self.orphan_card, self.orphans, self.orphan_level = self.orphans + self.pending, [], None
                    self.pending = []
                    return None, self.orphan_card[-1]
                if (role == "lead" and self.card is None and self.card_name is None and self.held and not self.orphans
                        and self.loose_above is None):
                    # the same in a part whose heading names no tasks ("II. NỘI DUNG HOẠT ĐỘNG" … "1.2. Nâng cao …"
                    # then "- Cơ quan thực hiện: Sở X.")
                    self.orphans = [d for d in self.held if not d.units]
                    self.held, self.held_level = [], None
                if role == "lead" and self.card is None and self.card_name is None and self.orphans:
                    # "a) Rà soát …" "b) Xây dựng …" then "Cơ quan chủ trì: Sở X; UBND các huyện.": the bodies of
                    # every item above it that named no doer
                    for od in self.orphans:
                        self.b.extend(od, [(u, role) for u in units])
                    self.orphan_card, self.orphans, self.orphan_level = self.orphans, [], None
                    return None, self.orphan_card[-1]
                if self.orphan_card and self.card is None:
                    # "Cơ quan phối hợp: …" after it: they support those items
                    for od in self.orphan_card:
                        self.b.extend(od, [(u, role) for u in units])
                    return None, self.orphan_card[-1]
                if role == "support" and self.card is not None:
                    # "3. Cơ quan phối hợp: …" in a card whose lead is given: they support that task
                    self.b.extend(self.card, [(u, role) for u in units])
                    return None, self.card
                if role == "lead" and self.card is not None and not self.card.units:
                    # "- Thời gian hoàn thành: Quý II/2027." then "- Đơn vị chủ trì: Văn phòng Hội.": one card, its time
                    # given first
                    self.b.extend(self.card, [(u, role) for u in units])
                    return None, self.card
                named = self.card is None and role == "lead" and self.card_name is not None
                loose = self.loose_above if self.card is None and role == "lead" and not named else None
                if loose is not None:
                    # "Xây dựng kế hoạch tuyên truyền …" (its number on the line above, or none) then "- Cơ quan thực
                    # hiện: Sở X chủ trì, phối hợp với Sở Y.": the paragraph above is the task, the line its doers
                    l_text, l_loc = loose
                    dls, rcs = find_deadlines(l_text, ref), find_recurrences(l_text)
                    d = self._emit(clean_action(l_text), [(u, role) for u in units], f"{l_text} {s_clean}", f"{l_text} {source}",
                                   l_loc, dls, rcs)
                    if not dls and (own_dls := find_deadlines(s_clean, ref)):
                        # (a time run on into the role line: "… phối hợp với Sở Y -Thời gian thực hiện: Quý II/2031.")
                        own_dls[0].deadline.loc = sloc.span(own_dls[0].start, own_dls[0].end) if sloc.start is not None else sloc
                        d.ob.deadline = own_dls[0].deadline
                    if not rcs and (own_rcs := find_recurrences(s_clean)):
                        own_rcs[0].recurrence.loc = sloc.span(own_rcs[0].start, own_rcs[0].end) if sloc.start is not None else sloc
                        d.ob.recurrence = own_rcs[0].recurrence
                    if ul is not None:
                        rest = s_clean[ul.end:]
                        glued = _GLUED_FIELD.search(rest, timeout=rx_timeout(rest))
                        rest = rest[:glued.start()] if glued is not None else rest
                        support = _support_units(rest, sloc.span(ul.end, ul.end + len(rest)) if sloc.start is not None else None)
                        own = {fold(u.raw) for u in units}
                        self.b.extend(d, [x for x in self._no_collective(support) if fold(x[0].raw) not in own])
                    self.card = d
                    return None, d
                d = self._emit(clean_action(self.card_name if named else s_clean), [(u, role) for u in units], s_clean, source, sloc,
                               find_deadlines(s_clean, ref), find_recurrences(s_clean))
                if self.card is None and role == "lead":
                    self.card = d
                return None, d
            # "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực, …": a role line whose holder is no body read here
            # (a person's title alone); its label ("Đơn vị", "Cơ quan") is no doer of a task
            return None
        subj = _find_subject(s_clean)
        if subj is None and "(" in s_clean and s_clean.endswith(":"):
            # "1. Các đơn vị chuyên trách về CNTT (sau đây gọi là …) và các Sở … (Sở TT&TT) của các tỉnh …:"
            subj = _subject_without_brackets(s_clean)
        if subj is None and not _IF_START.match(s_clean, timeout=_tm):
            subj = _agent_subject(s_clean)
        restated = False
        if (subj is not None and subj.trigger is None and scope and subj.units
                and all(isinstance(u, UnitSpan) and (u.loc is not None or loc.start is None) for u, _r in scope)
                # (the predicate right after it: "các đơn vị dự thi thành lập …" names a group of its own)
                and (_TASK_START.match(s_clean[subj.action_start:][:1].upper() + s_clean[subj.action_start + 1:],
                                       timeout=RX_TIMEOUT) or _DUTY_LEADIN.match(s_clean[subj.action_start:], timeout=RX_TIMEOUT))
                and all(_GENERIC_RESTATED.match(fold(canonical_name(u.raw)), timeout=RX_TIMEOUT) for u, _r in subj.units)):
            # "Các sở GDĐT … thực hiện các nội dung sau: … 2. … Trong quá trình triển khai, các đơn vị cần …": a generic
            # subject under a heading or lead-in that names the doers restates them
            subj = _Subject([(u, subj.units[0][1]) for u, _r in scope], subj.action_start, None)
            restated = True
        if subj is None and (heading or name_line):
            named = self._named_heading(s_clean, sloc)
            if named is not None:
                self.bare_heading = True
                return named, None
        if subj is None and heading:
            # "4. Các doanh nghiệp bưu chính, viễn thông" — a heading that is a unit's name, for the items below
            u0 = parse_unit(s_clean, 0)
            name = s_clean.rstrip(" :;")
            rel = (_GROUP_GIVEN.match(name, u0.end, timeout=RX_TIMEOUT)
                   if u0 is not None and u0.start == 0 and u0.plural and s_clean.endswith(":") else None)
            if rel is not None and not _HEADING_VERB.search(name[rel.end():], timeout=RX_TIMEOUT):
                # "1. Các đơn vị được phân bổ kế hoạch vốn:" — a group named by what it was given heads its items;
                # the clause is part of its name
                unit = UnitSpan(0, len(name), name, plural=True)
                _place([unit], sloc)
                self.bare_heading = True
                return [(unit, "lead")], None
            # bracketed asides (short forms "(sau đây gọi là …)", abbreviations) are no predicate
            if u0 is not None and u0.start == 0 and not _HEADING_VERB.search(
                    _ASIDE.sub("", name[u0.end:], timeout=RX_TIMEOUT), timeout=RX_TIMEOUT):
                units = []
                parts = _heading_parts(name)
                if len(name.split()) > 16 and not all(_complemented(name, a, b) for a, b in parts):
                    # a long heading is a name only when each body's words after it are its complements
                    # ("… về công nghệ thông tin của các bộ"), never a list going on to a verb
                    return None
                # "1. Các đơn vị chuyên trách về … của các bộ (…) và các Sở … của các tỉnh (…):" — one body per
                # "và các" joining two named bodies
                for a, b in parts:
                    written = name[a:b]
                    raw = squash_spaces(_ASIDE.sub("", written, timeout=RX_TIMEOUT))
                    raw = raw[:1].upper() + raw[1:]
                    units.append(UnitSpan(a, b, raw, plural=u0.plural or fold(raw).startswith("cac "),
                                          written=written if written != raw else None))
                _place(units, sloc)
                self.bare_heading = True
                return [(u, "lead") for u in units], None
        if subj is None and _PHASE.match(s_clean, timeout=_tm):
            # "Đợt 2: Từ ngày 05/5 đến ngày 20/5/2027:", "+ Giai đoạn 1: trong quý III/2027." — a phase of the plan with
            # its time: one dated task, whose doer is the one the context gives (the items below do not repeat it)
            dls = [d for d in find_deadlines(s_clean, ref) if d.deadline.kind != "year"][:1]
            if dls:
                units = list(inherited or []) or self._context_units()
                return None, self._emit(clean_action(s_clean.rstrip(" :")), units, s_clean, source, sloc, dls, [],
                                        implied=True)
        parts_of_task = (subj is None and inherited and labeled and _LISTING.search(s_clean, timeout=_tm) is not None
                         and _TASK_START.match(s_clean, timeout=_tm) is not None)
        # ("- Lập hồ sơ …, bao gồm:" under a doer: a task, its parts listed below it, never a lead-in of tasks)
        if not parts_of_task and (_PREAMBLE.search(s_clean, timeout=_tm) or subj is None and s_clean.endswith(":")):
            return self._introduction(s_clean, subj, sloc)
        deadlines = find_deadlines(s_clean, ref)
        recs = find_recurrences(s_clean)
        if subj is not None:
            action = clean_action(s_clean[subj.action_start:])
            if subj.trigger in ("yeu cau", "de nghi") and action and _is_boilerplate(action):
                return None
            if (subj.trigger is None and action and _is_boilerplate(action)
                    and all(_COLLECTIVE.match(fold(canonical_name(u.raw)), timeout=RX_TIMEOUT) for u, _r in subj.units)):
                # "Căn cứ ý kiến chỉ đạo trên, các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện./.": the
                # closing formula said to the addressees at large, with nothing more, is no task
                return None
            if not subj.trigger and _QUALIFIER_ONLY.match(fold(action), timeout=RX_TIMEOUT):
                # "(2) Các ngành còn lại.", "Các cơ quan, đơn vị có liên quan theo quy định của pháp luật.": names and a
                # qualifier, no predicate — no task
                return None
            own_doc = fold(self.b.header.type or "")
            if subj.trigger is None and (_ANNOUNCE.match(action, timeout=RX_TIMEOUT) or _STANCE.match(action, timeout=RX_TIMEOUT)
                                         # "UBND thành phố ban hành Kế hoạch triển khai …" in that Kế hoạch: its preamble
                                         or own_doc and fold(action).startswith(("ban hanh " + own_doc, "xay dung " + own_doc))) \
                    and self._is_issuer(subj.units):
                # "Khoa … thông báo đến sinh viên …": the issuer tells, nobody is given a task; "Viện X cơ bản thống
                # nhất với dự thảo", "Sở X xin lỗi …", "Sở X kính báo cáo Bộ Y xem xét": its stance or its submission
                return None
            if _INTRO_ONLY.match(fold(action), timeout=RX_TIMEOUT):
                # "UBND huyện yêu cầu:" introduces the items, it is nobody's task; they go to the addressees
                addr = self._addressees(sloc) if s_clean.endswith(":") and self._is_issuer(subj.units) else []
                return (addr, None) if addr else None
            if (subj.trigger is None and s_clean.endswith(":") and not labeled and self.b.header.issuer
                    and self._is_issuer(subj.units) and len(fold(action).split()) <= 2
                    and not _DUTY_LEADIN.match(action, timeout=rx_timeout(action))):
                # "Nhằm …, Bộ trưởng Bộ X chỉ thị:", "VĂN PHÒNG CHÍNH PHỦ điện:" — the issuer introducing its orders
                # or its addressees, no doer of the items
                return None
            _place([u for u, _r in subj.units], sloc)
            subj_units, collective = self._collective(subj.units)
            if not collective and all(_COLLECTIVE_NP.fullmatch(u.raw + " ", timeout=RX_TIMEOUT) for u, _r in subj_units):
                # "quý cơ quan", "các đồng chí" with no Kính gửi list: the unit the context gives, if any
                subj_units = list(inherited or [])
                collective = True
                if not subj_units:
                    return None
            tail = action.rstrip(" :")
            if (s_clean.endswith(":") and tail and subj_units and isinstance(subj_units[-1][0], UnitSpan)
                    and _ADMIN_TAIL.fullmatch(tail, timeout=RX_TIMEOUT) and not _HEADING_VERB.search(tail, timeout=RX_TIMEOUT)):
                # "6. Ủy ban nhân dân các tỉnh thành phố trực thuộc Trung ương:" — the list of places goes on without
                # its comma; the name runs to the colon
                u, r = subj_units[-1]
                at = s_clean.find(tail, u.end - 1 if u.end > 0 else 0)
                end = at + len(tail) if at >= 0 else u.end
                raw = f"{u.raw}, {tail}"
                grown = UnitSpan(u.start, end, raw, u.head_of_body, u.plural, u.bare, u.person,
                                 written=s_clean[u.start:end] if at >= 0 else u.as_written)
                _place([grown], sloc)  # the mention points at the whole name as written
                subj_units = subj_units[:-1] + [(grown, r)]
                action = ""
            if not action:
                # "1. Phòng Nội vụ:" — a heading that names the unit of the items below
                self.bare_heading = True
                return subj_units, None
            own = {fold(x[0].raw) for x in subj_units}
            support = _support_units(s_clean[subj.action_start:], sloc.span(subj.action_start, len(s_clean))
                                     if sloc.start is not None else None)
            support = self._no_collective(support)
            units = subj_units + [u for u in support if fold(u[0].raw) not in own]
            if s_clean.endswith(":") and not deadlines:
                # "Giao Sở X chủ trì, phối hợp với …:" — a lead-in: the items below are the tasks
                return units, None
            d = self._emit(action, units, s_clean, source, sloc, deadlines, recs, implied=collective or restated)
            mo = _DIRECT_OBJ.match(action, timeout=rx_timeout(action))
            if mo and fold(mo.group(0)).startswith(("giao", "chi dao")):
                # "Đề nghị UBND tỉnh giao Sở Tài chính bố trí …": the body given the task does it too
                at = s_clean.find(action)
                ul = parse_unit_list(s_clean, at + mo.end()) if at >= 0 else None
                if ul is not None:
                    _place(ul.units, sloc)
                    self.b.extend(d, [(u, "lead") for u in ul.units if not u.bare and not is_vague(u.raw)])
            if self.collective is None:
                plural = [u for u, _r in subj.units if u.plural or fold(u.raw).startswith("cac ")]
                if plural:
                    self.collective = plural[:1]
            self.last_subject = subj_units
            return subj_units, d
        restated_due = bool(deadlines) and _restated_due(s_clean, deadlines[0])
        if not same_para and last_draft is None and deadlines and self.above is not None \
                and (restated_due or regex.match(r"(?i)\(?\s*(?:thời\s+(?:gian|hạn)|hạn\s+(?:chót|cuối)|hoàn\s+thành)\b",
                                                 s_clean, timeout=RX_TIMEOUT)):
            # "- Thời gian thực hiện: từ … đến ngày 30/11/2025." on its own line: the due date of the task above
            last_draft = self.above if self.above.ob.deadline is None or self.above.scope_deadline else None
            same_para = last_draft is not None
            if last_draft is not None and self.orphan_card and last_draft is self.orphan_card[-1]:
                # "Thời gian thực hiện: Quý IV/2025." after the role lines of several items: the due date of each
                for od in self.orphan_card[:-1]:
                    if od.ob.deadline is None or od.scope_deadline:
                        od.ob.deadline = deadlines[0].deadline
                        od.scope_deadline = False
        if same_para and last_draft is not None and deadlines and (last_draft.ob.deadline is None or last_draft.scope_deadline) \
                and (_deadline_only(s_clean, deadlines[0]) or restated_due
                     # "X làm A. Lưu ý B (hoàn thành trong tháng 11/2027).": the bracket times the paragraph's task
                     or closing_bracket_due(s_clean, deadlines[0].start, deadlines[0].end)):
            # "… Hoàn thành trước ngày 20/12/2025.": the due date of the task just given
            dl = deadlines[0]
            dl.deadline.loc = sloc.span(dl.start, dl.end) if sloc.start is not None else sloc
            last_draft.ob.deadline = dl.deadline
            last_draft.scope_deadline = False
            last_draft.ob.source_text = f"{last_draft.ob.source_text} {s_clean}"
            return inherited, last_draft
        mt = _TRIGGER.match(s_clean, timeout=_tm)
        trig_end = mt.end() if mt else 0
        if mt is None and _ADVERBIAL.match(s_clean, timeout=_tm):
            # "Nhận được công văn này, đề nghị triển khai ngay …": the order after an opening adverbial
            mo = _COMMA_ORDER.search(s_clean, 0, 200, timeout=_tm)
            mt = _TRIGGER.match(s_clean[mo.end():], timeout=RX_TIMEOUT) if mo is not None else None
            trig_end = mo.end() + mt.end() if mt else 0
        if mt and fold(mt.group("t")) in ("de nghi", "yeu cau"):
            action = clean_action(s_clean[trig_end:])
            if s_clean.endswith(":") and not deadlines:
                # "Đề nghị thực hiện tốt các việc sau:" — the items below go to the addressees
                addr = list(inherited or []) or self._addressees(sloc)
                return (addr, None) if addr else None
            if action and not _is_boilerplate(action) and _TASK_START.match(action[:1].upper() + action[1:], timeout=RX_TIMEOUT):
                implied = list(inherited or []) or self._implied()
                d = self._emit(action, implied, s_clean, source, sloc, deadlines, recs, implied=True,
                               listed=bool(inherited))
                return None if not implied else (implied, d)
            return None
        md = None if inherited or heading or s_clean.endswith(":") else _DIRECTS.match(s_clean, timeout=_tm)
        if md is not None and self.first_clause and not _IF_START.match(s_clean, timeout=_tm):
            # "2. Chỉ đạo Sở X tổ chức kiểm tra …" with no doer above it: the body directed does the task (the one who
            # directs it, when the letter is sent to it, implied); only when a task's verb follows the names
            ul = parse_unit_list(s_clean, md.end())
            named = [u for u in ul.units if not u.bare] if ul is not None else []
            rest = s_clean[ul.end:].lstrip(" ,:") if ul is not None and named and len(named) == len(ul.units) else ""
            if len(rest.split()) >= 3 and (_TASK_START.match(rest[:1].upper() + rest[1:], timeout=RX_TIMEOUT)
                                            or _DUTY_LEADIN.match(rest, timeout=RX_TIMEOUT)):
                _place(named, sloc)
                directed = [(u, "lead") for u in named]
                addr = self._addressees(sloc)
                d = self._emit(clean_action(s_clean), addr or directed, s_clean, source, sloc, deadlines, recs,
                               implied=bool(addr))
                if addr:
                    self.b.extend(d, directed)
                return None, d
        if inherited and (_TASK_START.match(s_clean, timeout=_tm)
                          # a further sentence of the paragraph whose task was just given
                          or (any_task and not heading or same_para and last_draft is not None)
                          # (an item of a list of what something is made of, "Lập hồ sơ …, bao gồm:" then "+ Đơn đề
                          # nghị …", is a part of it, no task)
                          and not (self.first_clause and self.parent_level is not None and self.parent_level.listing)
                          and s_clean[:1].isalpha() and not _COURTESY.match(s_clean, timeout=_tm)
                          and not _NOMINAL_START.match(s_clean, timeout=_tm)
                          and not _DESCRIBED.match(s_clean, timeout=_tm)
                          and not _IF_START.match(s_clean, timeout=_tm)
                          # narration of what was done ("Đã tổ chức 12 hội nghị", "Năm 2025, đã tham mưu …")
                          and not _DONE.match(s_clean, timeout=_tm)
                          # what the doer may do, not must ("Sinh viên có thể thực tập tại …", "Đơn vị được phép …")
                          and not _PERMISSION.match(s_clean, timeout=_tm)
                          and not (deadlines and _deadline_only(s_clean, deadlines[0]))):
            action = clean_action(s_clean)
            if same_para and last_draft is not None and not deadlines and not recs:
                # a follow-up sentence of the same task ("Thường xuyên kiểm tra, đôn đốc …")
                last_draft.ob.action = f"{last_draft.ob.action}. {action}"
                last_draft.ob.source_text = f"{last_draft.ob.source_text} {s_clean}"
                return inherited, last_draft
            own = {fold(x[0].raw) for x in inherited}
            support = [u for u in self._no_collective(_support_units(s_clean, sloc)) if fold(u[0].raw) not in own]
            # the subject is inherited (heading or sentence before): implied; "phối hợp với …" is written here
            d = self._emit(action, list(inherited), s_clean, source, sloc, deadlines, recs, implied=True)
            if support:
                self.b.extend(d, support)
            mo = _DIRECT_OBJ.match(s_clean, timeout=_tm)
            if mo:
                # "- Chỉ đạo UBND các xã … tổ chức …": the body directed does the task too
                ul = parse_unit_list(s_clean, mo.end())
                if ul is not None:
                    _place(ul.units, sloc)
                    self.b.extend(d, [(u, "lead") for u in ul.units if not u.bare and not is_vague(u.raw)])
            return inherited, d
        # a recurrence alone makes a task only of a report named first ("Báo cáo định kỳ hằng tháng gửi về …")
        when = deadlines[0].start if deadlines else recs[0].start if recs and regex.match(
            r"(?i)(?:báo[ ]cáo|gửi|nộp)\b", s_clean, timeout=RX_TIMEOUT) else None
        if when is not None and not _NARRATION.search(s_clean[:when], timeout=RX_TIMEOUT) \
                and not _IF_START.match(s_clean, timeout=_tm) and (
                REPORT_VERB.search(s_clean, timeout=_tm) or _TASK_START.match(s_clean, timeout=_tm)
                or deadlines and _DUE_WORD.search(s_clean[:when], timeout=RX_TIMEOUT) or restated_due
                # "* Thời gian thực hiện: Từ ngày … đến ngày …" — a field line timing the task of its section (never
                # a span of whole years: "Thời gian thực hiện: Từ năm 2026 đến năm 2031", the term of a programme)
                or deadlines and deadlines[0].deadline.kind != "year" and due_field(s_clean)):
            # a dated or recurring task with no unit as its subject ("Thời hạn nộp báo cáo: trước ngày …", "Báo
            # cáo tháng gửi trước ngày …", "Báo cáo định kỳ hằng tháng gửi về Sở …"): the owners named after
            # "của", else the unit the context gives
            verb = REPORT_VERB.search(s_clean, timeout=_tm)
            owners = _owners(s_clean[:min(verb.start(), when)]) if verb else []
            generic = all(_GENERIC_UNIT.match(fold(u.raw), timeout=RX_TIMEOUT) for u, _r in owners)
            action = clean_action(s_clean.strip("()"))
            if owners and not (generic and (inherited or self.last_subject)):
                _place([u for u, _r in owners], sloc)
                owners, collective = self._collective(owners)
                d = self._emit(action, owners, s_clean, source, sloc, deadlines, recs, implied=collective)
                return None, d
            # "các cơ quan, đơn vị" / nobody named: the section's subject, the units given the task before,
            # else the addressees
            last = self.last_subject if verb else None
            fallback = list(inherited or []) or list(last or []) or (self._implied() if verb else self._addressees(sloc))
            if fallback:
                d = self._emit(action, fallback, s_clean, source, sloc, deadlines, recs, implied=True,
                               listed=bool(inherited or last))
                return None, d
            if deadlines and due_field(s_clean):
                # "- Thời hạn nộp hồ sơ: Từ 9/12 đến 13/12/2027" where no doer is named anywhere around: the
                # due date is kept, with no unit, rather than lost; the task it times is the numbered item it
                # stands under ("2. Kiểm tra việc lập danh sách cử tri" … "* Thời gian thực hiện: …")
                title = next((lv.title for lv in reversed(self.stack) if lv.title), "")
                d = self._emit(clean_action(title) if title else action, [], s_clean, source, sloc, deadlines, recs)
                if self.card is None:
                    self.card = d  # the card's role lines below it give its doers ("- Đơn vị chủ trì: Phòng X.")
                return None, d
            if (deadlines and labeled and not self.section_aims and _TASK_START.match(s_clean, timeout=_tm)
                    and not s_clean.endswith(":")
                    and _LIMIT_WORD.match(fold(deadlines[0].deadline.text), timeout=RX_TIMEOUT)):
                # "(1) Tổ chức hội nghị lần thứ nhất: Chậm nhất ngày …" — an item opening with a task's verb and
                # giving its limit, where nothing around names its doer: kept with no unit rather than lost (a
                # window in brackets, "(từ 04/02 đến 08/02/2027)", says when what it checks takes place; no limit)
                return None, self._emit(action, [], s_clean, source, sloc, deadlines, recs)
        if (not inherited and labeled and self.first_clause and not heading
                # (outside a part on tasks, held for a role heading; an item of a dated schedule is read below)
                and (self.section_ok or not self.section_aims and self.period is None)
                # (numbered and lettered items; a bullet under a task names less often a task of its own)
                and self.level is not None and 1 <= self.level < 8 and not s_clean.endswith(":")
                and not any(lv.listing for lv in self.stack)
                and not _IF_START.match(s_clean, timeout=_tm) and not _NARRATION.search(s_clean[:60], timeout=RX_TIMEOUT)
                and (_TASK_START.match(s_clean, timeout=_tm)
                     # the items of one list share their form: after an item that opens with a task's verb, a
                     # sibling of six words or more that opens with no noun of a topic or a body's name is a task
                     # too ("a) Rà soát …" then "b) Thu hút …", "c) Đầu tư …")
                     or self.verb_list is not None and self.verb_list[0] == self.level
                     and self.verb_list[1] is self.parent_level
                     and len(s_clean.split()) >= 6 and s_clean.endswith((".", ";"))
                     and not _NOMINAL_START.match(s_clean, timeout=_tm) and not _DESCRIBED.match(s_clean, timeout=_tm)
                     and not _COURTESY.match(s_clean, timeout=_tm) and parse_unit(s_clean, 0) is None)):
            # "IV. NHIỆM VỤ VÀ GIẢI PHÁP" … "a) Rà soát, hoàn thiện …": a task of the plan whose doer is not named
            # here; kept with no unit (a role line after the items may give theirs)
            d = self._emit(clean_action(s_clean), [], s_clean, source, sloc, deadlines, recs)
            self.verb_list = (self.level, self.parent_level)
            if not self.section_ok:
                # (in a part whose heading names no tasks: held for a role heading after it, "2. Cơ quan chủ trì")
                self.held.append(d)
                self.held_level = self.level if self.held_level is None else min(self.held_level, self.level)
                # (the reading goes on as for no task: a time or role field below is read as before)
                return None
            self.unitless.append(d)
            if self.orphan_level is None or self.level >= self.orphan_level:
                self.orphans.append(d)
                self.orphan_level = self.level if self.orphan_level is None else self.orphan_level
            return None, d
        if (when is None and self.period is not None and labeled and not _IF_START.match(s_clean, timeout=_tm)
                and not _NARRATION.search(s_clean[:60], timeout=RX_TIMEOUT) and _TASK_START.match(s_clean, timeout=RX_TIMEOUT)):
            # "1. Quý I năm 2026:" over "1.1. Ban hành kế hoạch …": a dated task of a plan's schedule; its doer
            # unnamed here, it is kept with the period and no unit rather than lost
            d = self._emit(clean_action(s_clean), [], s_clean, source, sloc, deadlines, recs)
            return None, d
        if (not inherited and labeled and self.first_clause and self.level is not None and self.level >= 8
                and not self.section_aims and not s_clean.endswith(":") and not any(lv.listing for lv in self.stack)
                and not _NARRATION.search(s_clean[:60], timeout=RX_TIMEOUT) and not _IF_START.match(s_clean, timeout=_tm)
                and (_TASK_START.match(s_clean, timeout=_tm)
                     # (a role line will confirm it: a verb the list lacks, "- Đưa …", "- Gắn …", will do, never a
                     # topic's noun or a body's name)
                     or len(s_clean.split()) >= 6 and not _NOMINAL_START.match(s_clean, timeout=_tm)
                     and not _DESCRIBED.match(s_clean, timeout=_tm) and not _COURTESY.match(s_clean, timeout=_tm)
                     and parse_unit(s_clean, 0) is None)):
            # a bullet opening with a task's verb, naming no doer: kept aside for a role line after it
            n = len(self.b.drafts)
            self._emit(clean_action(s_clean), [], s_clean, source, sloc, deadlines, recs)
            self.pending.extend(self.b.drafts[n:])
            # (the reading goes on as for no task: a time or role field below is not the bullet's)
            return None
        return None

    @staticmethod
    def _role_of(rh: regex.Match) -> str:
        return "support" if fold(rh.group("r") or rh.group("r1")).startswith("phoi") else "lead"

    def _role_head(self, rh: regex.Match, level: float | None) -> None:
        """A role's heading with its bodies on the lines below: the items above it that named no doer (in a part on
        tasks, ``orphans``; elsewhere, ``held``) are theirs."""
        if level is not None:
            while self.stack and self.stack[-1].level is not None and self.stack[-1].level >= level:
                self.stack.pop()
        targets = [d for d in self.orphans + self.held if not d.units]
        # (the items held in a part naming no tasks are tasks once their doers are named, and dropped if none is)
        self.role_held = {id(d) for d in self.held}
        self.held, self.held_level = [], None
        self.orphans, self.orphan_level = [], None
        self.role_list = (level, self._role_of(rh), targets)

    def _role_bodies(self, body: str, lm: regex.Match | None, level: float | None, base: Loc) -> bool:
        """Whether the paragraph goes on the role heading above it: a sub-heading naming a role ("b) Cơ quan phối
        hợp" under "2. Cơ quan chủ trì, phối hợp"), a line of bodies ("- Sở X; UBND các huyện.") or a bracketed note
        between them.  Anything else closes the list."""
        assert self.role_list is not None
        lvl, role, targets = self.role_list
        t = body.strip()
        if (level is not None and level < 8 and (lvl is None or level > lvl)
                and (rh := _ROLE_HEAD.fullmatch(t, timeout=rx_timeout(t))) is not None):
            self.role_list = (lvl, self._role_of(rh), targets)
            return True
        if (level is not None and level < 8 and lvl is not None and level > lvl
                and (rl := _ROLE_LABEL.match(t, timeout=rx_timeout(t))) is not None):
            # "a) Cơ quan chủ trì: Bộ X; Bộ Y." under "2. Cơ quan chủ trì, phối hợp": the role and its bodies on one line
            off = len(body) - len(body.lstrip()) + (lm.end() if lm is not None else 0)
            units = self._names_line(t[rl.end():], base.span(off + rl.end(), off + len(t)) if base.start is not None else base)
            if units:
                r = "support" if fold(rl.group("r")).startswith("phoi") else "lead"
                for d in targets:
                    self.b.extend(d, [(u, r) for u in units])
                if targets:
                    self.prev_draft = targets[-1]
                return True
        if t and (lm is None or lm.group("bullet")):
            if t.startswith("(") and t.rstrip(" .;").endswith(")"):
                return True  # "(Văn phòng Ban Chỉ đạo đồng thời là cơ quan …)": a note on the bodies
            off = len(body) - len(body.lstrip()) + (lm.end() if lm is not None else 0)
            units = self._names_line(t, base.span(off, off + len(t)) if base.start is not None else base)
            if units:
                for d in targets:
                    self.b.extend(d, [(u, role) for u in units])
                if targets:
                    self.prev_draft = targets[-1]
                return True
        self._close_roles()
        return False

    @staticmethod
    def _names_line(t: str, base: Loc) -> list[UnitSpan]:
        """The bodies of a line that is nothing but their names ("Bộ Quốc phòng; các Bộ, ngành liên quan."), else
        none."""
        out: list[UnitSpan] = []
        pos = 0
        for piece in t.split(";"):
            name = piece.strip().rstrip(" .,")
            at = t.find(name, pos) if name else -1
            pos += len(piece) + 1
            if not name:
                continue
            ul = parse_unit_list(name, 0)
            if ul is None or not ul.units or ul.units[0].start != 0 or any(u.bare for u in ul.units) \
                    or not _names_only(name) or name[ul.end:].strip(" .,;"):
                if name[:1].isupper() and len(name.split()) <= 6 and not name.endswith(":"):
                    continue  # a short name the unit reader does not know ("Bảo tàng tỉnh"), between known ones
                return []
            units = [replace(u, start=u.start + at, end=u.end + at) for u in ul.units] if at >= 0 else list(ul.units)
            out.extend(units)
        _place(out, base)
        return out

    def _close_roles(self) -> None:
        """The role heading's list ends: its items take the time field after it ("3. Thời gian thực hiện: …");
        those still with no doer are no tasks."""
        assert self.role_list is not None
        _lvl, _role, targets = self.role_list
        self.role_list = None
        # (its time line, "3. Thời gian thực hiện: Quý IV/2031.", times the part as a whole: one dated entry, on the
        # last of its items)
        self.orphan_card = []
        gone = {id(d) for d in targets if not d.units and id(d) in self.role_held}
        self.role_held = set()
        if gone:
            self.b.drafts[:] = [d for d in self.b.drafts if id(d) not in gone]

    def _drop_held(self) -> None:
        """The items held in a part naming no tasks, with no role heading after them, are no tasks (``held``)."""
        gone = {id(d) for d in self.held}
        self.b.drafts[:] = [d for d in self.b.drafts if id(d) not in gone]
        self.held, self.held_level = [], None

    def _drop_pending(self) -> None:
        """The bullets no role line claimed are no tasks (``pending``)."""
        gone = {id(d) for d in self.pending}
        self.b.drafts[:] = [d for d in self.b.drafts if id(d) not in gone]
        self.pending = []

    @staticmethod
    def _named_heading(s: str, sloc: Loc) -> list[tuple[UnitSpan, str]] | None:
        """A labeled heading naming its doers with what sets them apart, no predicate: "1. Vụ Kế hoạch, đơn vị
        thường trực của Ban Chỉ đạo" (an appositive), "5. Các cơ sở giáo dục đại học, trường cao đẳng sư phạm không
        thuộc Bộ" (a list, then a complement) — the bodies, one each."""
        u0 = parse_unit(s, 0)
        if u0 is None or u0.start != 0 or u0.bare:
            return None
        name = s.rstrip(" :;")
        if _APPOSITIVE.match(name, u0.end, timeout=RX_TIMEOUT):
            _place([u0], sloc)
            return [(u0, "lead")]
        ul = parse_unit_list(s, 0)
        if (ul is not None and len(ul.units) >= 2 and not any(u.bare for u in ul.units) and "(" not in name
                and _COMPLEMENT.match(name[ul.end:], timeout=RX_TIMEOUT)
                and not _HEADING_VERB.search(name[ul.end:], timeout=RX_TIMEOUT)):
            _place(ul.units, sloc)
            return [(u, "lead") for u in ul.units]
        return None

    def _introduction(self, s: str, subj: _Subject | None, sloc: Loc):
        """"Bộ X đề nghị các bộ, tỉnh thực hiện một số nội dung sau:" is no task; its items are tasks of the
        bodies it names (the addressees when it names them collectively, or names nobody)."""
        if subj is not None and (subj.trigger is not None
                                 or _DUTY_LEADIN.match(s[subj.action_start:], timeout=RX_TIMEOUT)
                                 or _SUPPORT.match(s[subj.action_start:], timeout=RX_TIMEOUT)):
            _place([u for u, _r in subj.units], sloc)
            units, _c = self._collective(subj.units)
            action = s[subj.action_start:]
            # a role given to the subject ("Sở X chủ trì, phối hợp với Sở Y, Sở Z thực hiện các nhiệm vụ sau:"):
            # the items are its tasks and its partners support them, whoever issued the text
            role = subj.trigger is None and bool(_LEAD_START.match(action, timeout=RX_TIMEOUT)
                                                 or _SUPPORT.match(action, timeout=RX_TIMEOUT))
            if subj.trigger is not None or role or not self._is_issuer(units) or self.report and self.section_ok:
                # (in a report's part on its tasks ahead, the issuer introduces its own: "Sở Y tế tập trung chỉ
                # đạo thực hiện một số nhiệm vụ sau:")
                # "(Giao) Sở X chủ trì, phối hợp với Sở Y …": Y supports the items
                own = {fold(u.raw) for u, _r in units}
                support = _support_units(action, sloc.span(subj.action_start, len(s)) if sloc.start is not None else None)
                return units + [u for u in self._no_collective(support) if fold(u[0].raw) not in own], None
            return None
        if subj is None and _ORDER_WORD.search(s, timeout=rx_timeout(s)):
            addr = self._addressees(sloc)
            return (addr, None) if addr else None
        return None

    def _ref_date(self, s: str) -> str | None:
        """The date a year left unwritten is read from: the document's, else the nearest year written before
        (in this sentence or the ones above)."""
        if self.b.ref_date:
            return self.b.ref_date
        years = _YEAR_CONTEXT.findall(s, timeout=rx_timeout(s))
        if years:
            self.ctx_year = years[-1]
            self.b.ctx_year = int(years[-1])  # for the tables below
        # none written yet: the year of the document's title
        return self.ctx_year or (str(self.b.ctx_year) if self.b.ctx_year else None)

    def _addressees(self, sloc: Loc | None = None) -> list[tuple[UnitSpan, str]]:
        """The bodies of the Kính gửi list, each located at its own words when they are found."""
        if not self.b.header.recipients:
            return [(u, "lead") for u in self.list_addr]
        loc = self.b.header.locs.get("recipients") or sloc
        out = []
        for r in self.b.header.recipients:
            name = body_of(r)
            if name:
                out.append((UnitSpan(0, len(name), name, plural=fold(name).startswith("cac "),
                                     loc=self.addr_locs.get(name, loc)), "lead"))
        return out

    def _no_collective(self, units: list[tuple[UnitSpan, str]]) -> list[tuple[UnitSpan, str]]:
        """Partners named collectively ("phối hợp với các cơ quan, đơn vị") are the addressees, given the task
        already: no units of their own."""
        if not self.b.header.recipients and not self.list_addr:
            return units
        return [(u, r) for u, r in units if not _COLLECTIVE.match(fold(canonical_name(u.raw)), timeout=RX_TIMEOUT)]

    def _collective(self, units: list[tuple[UnitSpan, str]]) -> tuple[list[tuple[UnitSpan, str]], bool]:
        """A collective subject ("các cơ quan, đơn vị, địa phương", "quý cơ quan") stands for the addressees."""
        if not self.b.header.recipients and not self.list_addr:
            return units, False
        out: list[tuple[UnitSpan, str]] = []
        replaced = False
        for u, role in units:
            if _COLLECTIVE.match(fold(canonical_name(u.raw)), timeout=RX_TIMEOUT):
                replaced = True
                out.extend((a, role) for a, _r in self._addressees(u.loc) if all(a.raw != x.raw for x, _ in out))
            else:
                out.append((u, role))
        return (out, True) if replaced and out else (units, False)

    def _is_issuer(self, units) -> bool:
        """The subject is the document's own issuer (or the issuer is unknown and nobody else is named)."""
        issuer = self.b.header.issuer
        if not issuer:
            # an issuer is one body: a plural subject ("Các bệnh viện công bố …") is never it
            return not any(isinstance(u, UnitSpan) and (u.plural or fold(u.raw).startswith("cac ")) for u, _r in units)
        ik = fold(canonical_name(issuer))
        for u, _r in units:
            uk = fold(u.name)
            if not (uk == ik or ik.startswith(uk) or uk.startswith(ik)):
                return False
        return True

    def _context_units(self, sloc: Loc | None = None) -> list[tuple[UnitSpan | str, str]]:
        """The doers the context gives a task that names none, below the scope stack (headings, lead-ins, articles
        and rows, which the caller consults first): the addressees of the letter (Kính gửi), else nobody."""
        if self.b.header.recipients or self.list_addr:
            return self._addressees(sloc)
        return []

    def _implied(self) -> list[tuple[UnitSpan | str, str]]:
        if self.b.header.recipients or self.list_addr:
            return self._addressees()
        return [(u, "lead") for u in (self.collective or [])]

    def _members(self, units: list[tuple[UnitSpan | str, str]]) -> list[tuple[UnitSpan | str, str]]:
        """A short form naming a group ("các đơn vị" after "(sau đây gọi chung là các đơn vị)") → its bodies."""
        out: list[tuple[UnitSpan | str, str]] = []
        for u, role in units:
            raw = u.raw if isinstance(u, UnitSpan) else u
            members = self.groups.get(_group_key(raw))
            if not members:
                out.append((u, role))
                continue
            for m in members:
                if isinstance(u, UnitSpan):
                    out.append((UnitSpan(u.start, u.end, m, plural=u.plural, loc=u.loc, written=u.as_written), role))
                else:
                    out.append((m, role))
        return out

    def _emit(self, action, units, sentence, source, loc, deadlines, recs, implied: bool = False,
              listed: bool = True) -> Draft:
        dl = deadlines[0] if deadlines else None
        rc = recs[0] if recs else None
        inherited_dl = None
        if dl is None and self.period is not None and not self.in_phase:
            # the period its heading or lead-in sets ("1. Quý I năm 2020:" over "1.1. Ban hành …")
            p = self.period
            inherited_dl = Deadline(p.date, p.text, p.kind, p.inferred_year, p.loc)
        if self.groups:
            units = self._members(units)
        ob = Obligation(
            action=action,
            deadline=None,
            recurrence=None,
            report_to=report_to(action),
            source_text=squash_spaces(source),
            loc=loc,
        )
        if dl is not None:
            dl.deadline.loc = loc.span(dl.start, dl.end) if loc.start is not None else loc
            ob.deadline = dl.deadline
        elif inherited_dl is not None:
            ob.deadline = inherited_dl
        if rc is not None:
            rc.recurrence.loc = loc.span(rc.start, rc.end) if loc.start is not None else loc
            ob.recurrence = rc.recurrence
        d = self.b.add(ob, units, loc, implied=implied, listed=listed)
        d.scope_deadline = inherited_dl is not None
        # "… hoàn thành dự thảo trước ngày 10/5 và trình UBND tỉnh trước ngày 20/5": one task per due date
        prev, seen = dl, {dl.deadline.date} if dl is not None else set()
        cut, task = (dl.end, action) if dl is not None else (0, action)
        for i, nxt in enumerate(deadlines[1:], 1):
            clause = _CLAUSE_LEAD.sub("", sentence[cut:nxt.end], timeout=RX_TIMEOUT).strip()
            if nxt.deadline.date in seen:
                continue
            if len(regex.findall(r"\p{L}+", clause[:max(0, len(clause) - len(nxt.deadline.text))], timeout=RX_TIMEOUT)) < 2:
                later = deadlines[i + 1].start if i + 1 < len(deadlines) else len(sentence)
                tail = _BARE_DATE_TAIL.match(sentence, nxt.end, later, timeout=RX_TIMEOUT)
                head = task.find(prev.deadline.text) if prev is not None and prev.deadline.text else -1
                if not (sentence[cut:nxt.start].strip(" ,") in ("và", "hoặc", "") and tail is not None and head > 0):
                    continue
                # "… nộp báo cáo trước ngày 05/01 và trước ngày 15/01 đối với các trường có điểm lẻ, đồng thời cập
                # nhật … trước ngày 20/01": the bare second date is a second due date of the task before it, the
                # clause after it a task of its own
                seen.add(nxt.deadline.date)
                words = squash_spaces(sentence[nxt.start:tail.end()].strip(" ,;"))
                nxt.deadline.loc = loc.span(nxt.start, nxt.end) if loc.start is not None else loc
                extra = Obligation(action=clean_action(task[:head].rstrip(" ,") + " " + words), deadline=nxt.deadline,
                                   report_to=report_to(task[:head]), source_text=words,
                                   loc=loc.span(nxt.start, tail.end()) if loc.start is not None else loc)
                self.b.add(extra, [(u, r) for u, r in units], loc, implied=implied, listed=listed)
                cut = tail.end()
                continue
            seen.add(nxt.deadline.date)
            nloc = loc.span(cut, nxt.end) if loc.start is not None else loc
            nxt.deadline.loc = loc.span(nxt.start, nxt.end) if loc.start is not None else loc
            extra = Obligation(action=clean_action(clause), deadline=nxt.deadline, report_to=report_to(clause),
                               source_text=squash_spaces(clause), loc=nloc)
            self.b.add(extra, [(u, r) for u, r in units], loc, implied=implied, listed=listed)
            if prev is dl:
                # "… hoàn thành dự thảo trước ngày 10/5 và trình UBND tỉnh trước ngày 20/5": the first task reports
                # only where its own clause says so
                d.ob.report_to = report_to(sentence[:dl.end])
            prev, cut, task = nxt, nxt.end, clean_action(clause)
        return d


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


# what may follow a bare second due date of a task before the next clause: whom that date is for
_BARE_DATE_TAIL = regex.compile(r"(?:[ ]*(?:\([^()]{1,60}\)|(?:đối[ ]với|với|cho|riêng)[ ]+[^,;.()]{2,80}))?[ ]*(?=[,;.]|$)",
                                regex.V1 | regex.IGNORECASE)


_SHORT_FORM = regex.compile(
    r"[ ]*\([ ]*(?:sau[ ]đây|dưới[ ]đây)?[ ]*(?:được[ ])?(?:gọi[ ]tắt[ ]là|gọi[ ]là|viết[ ]tắt[ ]là|viết[ ]tắt)[ ]*:?[ ]*"
    r"[\"“]?(?P<short>[^()\"“”]{2,60}?)[\"”]?[ ]*\)",
    regex.V1 | regex.IGNORECASE,
)


_GROUP_FORM = regex.compile(
    r"[ ]*\([ ]*(?:sau[ ]đây|dưới[ ]đây)?[ ]*(?:được[ ])?gọi[ ]chung[ ]là[ ]*:?[ ]*[\"“]?(?P<short>[^()\"“”]{2,40}?)[\"”]?[ ]*\)",
    regex.V1 | regex.IGNORECASE,
)
_ALL = regex.compile(r"^(?:tất[ ]cả|toàn[ ]bộ|mọi)[ ]+", regex.V1 | regex.IGNORECASE)


def _group_key(raw: str) -> str:
    return regex.sub(r"^cac ", "", fold(canonical_name(raw)).strip(), timeout=RX_TIMEOUT)


def _groups(doc: Document) -> dict[str, list[str]]:
    """"Các bệnh viện công lập; trung tâm y tế huyện có giường bệnh (sau đây gọi chung là các đơn vị)": the short form
    stands for each body of the list before it (cut at ";"), from the start of its sentence or clause."""
    out: dict[str, list[str]] = {}
    for blk in doc.blocks:
        text = getattr(blk, "text", None)
        if not isinstance(text, str) or "(" not in text:
            continue
        for m in _GROUP_FORM.finditer(text, timeout=rx_timeout(text)):
            before = text[:m.start()]
            cut = max(before.rfind(". "), before.rfind(": "))
            seg = before[cut + 2:] if cut >= 0 else before
            seg = _LABEL.sub("", seg, count=1, timeout=RX_TIMEOUT).strip()
            members = []
            for part in seg.split(";"):
                part = _ALL.sub("", part.strip(" ,"), timeout=RX_TIMEOUT)
                part = part[:1].upper() + part[1:]
                u = parse_unit(part, 0) if part else None
                if u is None or u.start != 0 or len(part.split()) > 25:
                    members = []
                    break
                members.append(part)
            if len(members) >= 2:
                out[_group_key(m.group("short"))] = members
    return out


def _short_forms(doc: Document, registry: UnitRegistry) -> None:
    """"Ban Chỉ đạo phát triển du lịch tỉnh X (sau đây gọi là Ban Chỉ đạo)": the short form stands for the body."""
    for blk in doc.blocks:
        text = getattr(blk, "text", None)
        if not isinstance(text, str) or "(" not in text:
            continue
        for m in _SHORT_FORM.finditer(text, timeout=rx_timeout(text)):
            before = text[max(0, m.start() - 200):m.start()]
            cands = [u for u in find_units(before) if len(before.rstrip()) - u.end <= 1]
            if cands:
                registry.define(m.group("short").strip(), cands[-1].raw)
                continue
            # "Ban Chỉ đạo Trung ương về cải cách chính sách tiền lương, bảo hiểm xã hội (gọi tắt là Ban Chỉ đạo)":
            # a long name with its complements and commas; the short form repeats its first words, and the name
            # runs from there to the bracket within one clause
            short_words = fold(m.group("short")).split()
            for u in reversed(find_units(before)):
                words = fold(canonical_name(u.raw)).split()
                full = squash_spaces(before[u.start:].rstrip(" ,"))
                if (len(short_words) >= 2 and words[:len(short_words)] == short_words
                        and not regex.search(r"[.;:()]", full, timeout=RX_TIMEOUT) and len(full.split()) <= 40):
                    registry.define(m.group("short").strip(), full)
                    break


def _cells(doc: Document):
    """(table, cell) of every table of ``doc``, nested tables too."""
    def walk(t: Table):
        for row in t.rows:
            for c in row:
                yield t, c
                for inner in c.tables:
                    yield from walk(inner)

    for blk in doc.blocks:
        if isinstance(blk, Table):
            yield from walk(blk)


def _recipient_locs(doc: Document, header: DocumentHeader) -> dict[str, Loc]:
    """Where each body of the Kính gửi list is written: in the paragraph or cell of "Kính gửi" or in the
    ones after it."""
    at = header.locs.get("recipients")
    if at is None or at.block is None or not header.recipients:
        return {}
    texts: list[tuple[str, Loc]] = []
    if at.table is not None:
        for t, c in _cells(doc):
            if t.table_index == at.table and t.index == at.block and (c.row, c.col) >= (at.row or 0, at.col or 0):
                texts.append((c.text, Loc(page=at.page, block=t.index, table=t.table_index, row=c.row, col=c.col,
                                          start=0, end=len(c.text))))
    for blk in doc.blocks[at.block:at.block + 30]:
        if isinstance(blk, Paragraph):
            texts.append((blk.text, blk.loc))
    # a list laid out elsewhere in the header (a table of its own, lines before the label)
    for t, c in _cells(doc):
        if t.index <= at.block + 30:
            texts.append((c.text, Loc(page=None, block=t.index, table=t.table_index, row=c.row, col=c.col,
                                      start=0, end=len(c.text))))
    texts += [(blk.text, blk.loc) for blk in doc.blocks[max(0, at.block - 30):at.block] if isinstance(blk, Paragraph)]
    out: dict[str, Loc] = {}
    for r in header.recipients:
        name = body_of(r)
        if not name or name in out:
            continue
        rx = regex.compile(r"\s+".join(regex.escape(w) for w in name.split()), regex.V1)
        for text, base in texts:
            m = rx.search(text, timeout=RX_TIMEOUT)
            if m:
                out[name] = base.span(m.start(), m.end())
                break
    return out


def _issuer_span(doc: Document, header: DocumentHeader) -> UnitSpan | None:
    """The issuer as a unit, located at the words that name it in the header ("SỞ Y TẾ"), or None."""
    at = header.locs.get("issuer")
    name = header.issuer
    if not name or at is None or at.block is None or not 0 <= at.block < len(doc.blocks):
        return None
    blk = doc.blocks[at.block]
    if at.table is None:
        text = getattr(blk, "text", None)
        base = blk.loc if isinstance(text, str) else None
    else:
        # the header laid out in a table: the cell the issuer was read from
        cell = next((c for t, c in _cells(doc) if t.table_index == at.table and (c.row, c.col) == (at.row, at.col)), None)
        text = cell.text if cell is not None else None
        base = Loc(page=at.page, block=at.block, table=at.table, row=at.row, col=at.col, start=0,
                   end=len(text)) if text is not None else None
    if not isinstance(text, str) or base is None:
        return None
    rx = regex.compile(r"\s+".join(regex.escape(w) for w in name.split()), regex.V1 | regex.IGNORECASE)
    m = rx.search(text, timeout=RX_TIMEOUT)
    if m is None:
        return None
    return UnitSpan(0, len(name), name, written=m.group(0) if m.group(0) != name else None, loc=base.span(m.start(), m.end()))


def extract_obligations(doc: Document, header: DocumentHeader) -> tuple[list[Obligation], list[Unit]]:
    """Every task given to a unit in ``doc`` (see module doc), and the units."""
    one_each = split_recipients(header.recipients)
    if one_each != list(header.recipients):
        header = replace(header, recipients=one_each)  # (a copy: the header itself is the caller's)
    b = ObligationBuilder(header)
    _short_forms(doc, b.registry)
    prose = _Prose(b)
    prose.addr_locs = _recipient_locs(doc, header)
    prose.groups = _groups(doc)
    prose.issuer = _issuer_span(doc, header) if prose.report else None
    if not header.recipients and _is_type(header, "ke hoach", "KH"):
        prose.plan_issuer = _issuer_span(doc, header)
    flat = FlatTableReader(b)
    # what stands above "Kính gửi:" is the header (a PDF band read column by column puts a subject's second line
    # there, "Công đoàn Việt Nam lần thứ XI"): no task is given before the addressees are named
    addr = header.locs.get("recipients")
    body_from = addr.block if addr is not None and addr.table is None and addr.footnote is None and addr.block is not None else 0
    for blk in doc.blocks:
        if blk.index < body_from:
            continue
        if isinstance(blk, Table):
            flat.flush()
            prose.closing = False
            read_table(b, blk, context=prose.table_context())
            continue
        if blk.role != "body":
            continue
        if flat.feed(blk):
            continue
        prose.paragraph(blk)
    flat.flush()
    prose.finish()
    obs, units = b.finish()
    for ob in obs:
        fold_yearly_due(ob)  # "Hằng năm, hoàn thành trước ngày 20/11": the rule's day, no one-off date
    return obs, units
