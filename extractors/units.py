"""Unit names: recognise, split and canonicalise the bodies a task is given to.

Unit names are an open class ("Phòng Dân số - Truyền thông và GDSK", "Ban
quản lý các KCN", "Tổ kiểm tra kỷ luật kỷ cương hành chính"), so they are
recognised by their **head word** (Phòng, Ban, Sở, Khoa, Trạm, Trung tâm,
UBND, Công đoàn, Đảng ủy, "các đơn vị" …) and by **where they stop** (a
verb such as "chủ trì", "phối hợp", "tham mưu", "có trách nhiệm", a
preposition, punctuation), never by a closed list of names.

Public functions:

* ``parse_unit_list(text, pos, *, cell=False) -> UnitList | None`` — the list
  of units written at ``pos`` ("Ban giám đốc, Trưởng các đơn vị thuộc, trực
  thuộc"), each a ``UnitSpan``; ``cell=True`` reads a whole table cell, where
  names need no head word ("Toàn thể viên chức và người lao động").
* ``split_unit_cell(text) -> list[tuple[UnitSpan, role]]`` — a responsibility
  cell with its verbs: "Phòng TC-HC chủ trì phối hợp với các Khoa, Phòng"
  → TC-HC lead, Khoa/Phòng support; the object of "tham mưu (cho)" is dropped.
* ``find_units(text) -> list[UnitSpan]`` — every unit named anywhere (review
  view, baselines).
* ``canonical_name(raw) -> str`` — head of body → the body ("Thủ trưởng các
  đơn vị" → "Các đơn vị"), abbreviations expanded ("Phòng TC-HC" → "Phòng Tổ
  chức - Hành chính"), old tone placement ("uỷ" → "ủy"), dashes and spaces
  normalised.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from core import regex_cached as regex

from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

# Head words that open a unit name when capitalised ("Phòng Nội vụ"), or in
# lower case when a capitalised word / abbreviation follows ("qua phòng Nội vụ").
_SINGULAR_HEADS = (
    "Trung tâm", "Ủy ban", "Uỷ ban", "Hội đồng", "Công đoàn", "Đoàn thanh niên", "Đoàn Thanh niên",
    "Đoàn TN", "Chi đoàn", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ", "Cấp ủy", "Cấp uỷ", "Chi cục",
    "Tổng cục", "Văn phòng", "Thanh tra", "Bệnh viện", "Mặt trận", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy",
    "Huyện uỷ", "Thành ủy", "Thành uỷ", "Thị ủy", "Thị uỷ", "Kho bạc", "Công an", "Bộ Chỉ huy",
    "Ban Chỉ huy", "Viện kiểm sát", "Tòa án", "Toà án", "Ban Giám đốc", "Ban giám đốc", "Lãnh đạo",
    "Thường trực", "Ban Thường vụ", "Bảo hiểm xã hội", "Phòng", "Ban", "Sở", "Khoa", "Trạm", "Tổ",
    "Hội", "Bộ", "Cục", "Viện", "Trường", "Đội", "Đài", "Nhóm", "Bộ phận",
    # enterprises, associations, the press, investors and delegations
    "Công ty", "Tổng công ty", "Tập đoàn", "Hiệp hội", "Liên đoàn", "Tổng Liên đoàn", "Kiểm toán Nhà nước", "Liên minh",
    "Hợp tác xã", "Ngân hàng",
    "Chủ đầu tư", "Nhà đầu tư", "Báo", "Đoàn", "Vụ",
    # the zones a management board runs, named as doers ("Các Khu Công nghệ cao chủ trì …", "Khu kinh tế X"); in
    # capitals only ("phát triển các khu công nghiệp" are places)
    "Khu công nghiệp", "Khu kinh tế", "Khu công nghệ cao", "Khu chế xuất", "Khu công nghệ số",
    # a national park, run by its own board, is given tasks by name ("Vườn quốc gia X chủ động …"); in capitals
    # only ("bảo vệ các vườn quốc gia" are places)
    "Vườn quốc gia",
    # universities and academies by their names ("Đại học Quốc gia Hà Nội", "Học viện Hành chính Quốc gia")
    "Đại học", "Học viện",
    # a Deputy Prime Minister given a task by name ("Phân công Phó Thủ tướng Nguyễn Văn A chỉ đạo …")
    "Phó Thủ tướng",
    # a council's or a board's secretary is given tasks of its own ("Thư ký Hội đồng tổng hợp …"); a
    # portal is run as a body ("Cổng thông tin điện tử tỉnh đăng tải …")
    "Thư ký", "Cổng thông tin điện tử",
    # a whole sector as the subject of its tasks ("Toàn ngành tập trung …"); lower case only before a name
    "Toàn ngành",
    # the national news agency ("Thông tấn xã Việt Nam"); a city's, a province's or a district's Youth Union
    # committee ("Thành Đoàn", "Tỉnh đoàn"); the central committee of a mass association or of the Youth Union
    # ("Trung ương Hội Nông dân Việt Nam", "Trung ương Đoàn"); a military region ("Quân khu 5"); the body a
    # Steering Committee names to run its work ("Cơ quan thường trực Ban Chỉ đạo tỉnh")
    "Thông tấn xã", "Thành Đoàn", "Tỉnh Đoàn", "Huyện Đoàn", "Trung ương Hội", "Trung ương Đoàn", "Quân khu",
    "Cơ quan thường trực",
    # the armed and police forces as doers ("Lực lượng công an các cấp tăng cường tuần tra", "Lực lượng vũ trang tỉnh
    # sẵn sàng …"); a force is named by its kind, a closed class ("lực lượng lao động" is a workforce, no body)
    "Lực lượng công an", "Lực lượng vũ trang", "Lực lượng quân đội", "Lực lượng dân quân", "Lực lượng biên phòng",
    "Lực lượng dân quân tự vệ", "Lực lượng kiểm lâm", "Lực lượng cảnh sát", "Lực lượng phòng cháy, chữa cháy",
    # the state's top organs, complete names of their own ("Chính phủ chỉ đạo …", "Giao Chính phủ …", "các Ủy ban của
    # Quốc hội"); in capitals only (see _match_head: "chính phủ điện tử" is no body)
    "Chính phủ", "Quốc hội",
    # a sub-committee of a congress, a conference or a board ("Các Tiểu ban Đại hội", "Tiểu ban Văn kiện")
    "Tiểu ban",
)
# heads that name a body only when capitalised
_TOP_ORGAN_HEADS = frozenset({"chính phủ", "quốc hội"})
# a top organ that is a person's title ("Thủ tướng Chính phủ", "đại biểu Quốc hội") or a term of office ("khóa XV")
_TITLE_BEFORE = regex.compile(r"(?i:thủ[ ]tướng|đại[ ]biểu)[ \n]+$", regex.V1)
_TERM_AFTER = regex.compile(r"[ \n]+(?:khóa|khoá|nhiệm[ ]kỳ)(?!\p{L})", regex.V1)
_CAPITAL_ONLY_HEADS = _TOP_ORGAN_HEADS | {"vụ", "cục", "tổng cục"}
# heads that are common words too ("Báo cáo", "Đoàn kết"): a head only before a capitalised name
# ("Báo Nhân Dân", "Đoàn Luật sư", "Ngân hàng Nhà nước")
_NAMED_ONLY_HEADS = frozenset({"báo", "ngân hàng", "vụ", "thư ký", "đại học", "học viện", "phó thủ tướng"})
# Nouns that name a set of bodies after "các" ("các đơn vị", "các khoa, phòng").
_PLURAL_HEADS = (
    "đơn vị sự nghiệp", "đơn vị", "cơ quan", "phòng ban", "phòng", "khoa", "ban", "trạm y tế", "trạm",
    "xã", "phường", "thị trấn", "địa phương", "ngành", "sở", "cá nhân", "tổ chức", "doanh nghiệp",
    "cơ sở", "bệnh viện", "trường", "tổ", "hội", "đoàn thể", "chi bộ", "chi đoàn", "cấp ủy", "cấp uỷ",
    "huyện", "thành phố", "thị xã", "quận", "tỉnh", "bộ phận", "trung tâm", "công đoàn", "tập thể", "thành viên",
    "đặc khu", "bộ", "đảng bộ", "chi, đảng bộ",
    "công ty", "doanh nghiệp nhà nước", "chủ đầu tư", "nhà đầu tư", "hợp tác xã", "hiệp hội", "cơ sở giáo dục",
    "trường học", "ban quản lý dự án", "nhà trường", "tổ hợp tác",
    "viện", "viện nghiên cứu",
    # universities and academies as kinds of their own ("các đại học, học viện, trường đại học …"), and sub-committees
    "đại học", "học viện", "tiểu ban",
    # a ministry's departments and general departments, in capitals only ("các Vụ, Cục thuộc Bộ"; "các vụ việc" are cases)
    "vụ", "cục", "tổng cục",
    # the communities below the commune, given tasks as the communes are ("Các thôn, tổ dân phố vận động …")
    "thôn", "tổ dân phố", "khu phố",
    # the military regions ("Tư lệnh các quân khu")
    "quân khu",
    # zones, as the noun of a board's plural complement ("Ban Quản lý các Khu công nghiệp"); standing alone, only
    # in capitals (see _match_head)
    "khu công nghiệp", "khu kinh tế", "khu công nghệ cao", "khu chế xuất", "khu công nghệ số",
    # the political system's bodies listed with the state's ("các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ
    # quốc và các tổ chức chính trị - xã hội"): "tổ chức" with its kind is a noun, never the verb
    "tổ chức đảng", "tổ chức cơ sở đảng", "tổ chức chính trị - xã hội", "tổ chức chính trị xã hội", "tổ chức xã hội",
    "tổ chức tín dụng", "tổ chức đoàn thể", "chính quyền",
    # an elected council's deputies, with its groups of deputies ("các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh")
    "đại biểu",
    # state enterprises listed together ("các tập đoàn, tổng công ty nhà nước")
    "tập đoàn", "tập đoàn kinh tế", "tổng công ty",
    # the emulation blocks of a province or a city ("các khối, cụm thi đua")
    "khối thi đua", "cụm thi đua", "khối, cụm thi đua",
)
# A head of a body ("Thủ trưởng các đơn vị"): the task goes to the body.
_HEAD_OF_BODY = (
    "Người đứng đầu", "Thủ trưởng", "Trưởng", "Chủ tịch", "Giám đốc", "Phó Giám đốc", "Bí thư",
    "Hiệu trưởng", "Bộ trưởng", "Lãnh đạo", "Phó Chủ tịch", "Tổng Giám đốc", "Chủ nhiệm", "Phó Thủ trưởng",
    "Cục trưởng", "Vụ trưởng", "Viện trưởng", "Tổng Biên tập",
    "Chánh",  # "Chánh Văn phòng UBND tỉnh" heads the Văn phòng, "Chánh Thanh tra tỉnh" the Thanh tra
    "Tư lệnh",  # "Tư lệnh các quân khu", "Tư lệnh Quân khu 9": the commander heads the region
)
# Words that end a name: verbs, modals, prepositions that start the predicate.
_STOP_WORDS = (
    "chủ trì", "phối hợp", "tham mưu", "có trách nhiệm", "chịu trách nhiệm", "thực hiện", "triển khai",
    "xây dựng", "căn cứ", "làm", "cần", "phải", "tiếp tục", "tự", "báo cáo", "gửi", "nộp", "hướng dẫn",
    "chỉ đạo", "theo dõi", "đôn đốc", "kiểm tra", "giám sát", "tăng cường", "đẩy mạnh", "rà soát",
    "đề xuất", "trình", "quyết định", "ban hành", "tiến hành", "nghiên cứu", "đăng ký", "quán triệt",
    "tuyên truyền", "phổ biến", "bố trí", "đảm bảo", "bảo đảm", "cung cấp", "tổng hợp", "được", "đã",
    "sẽ", "đang", "với", "để", "theo", "tại", "nhằm", "qua", "cho", "đến", "từ", "khi", "nếu", "mà",
    "là", "thì", "đối với", "bằng", "của", "về", "chủ động", "khẩn trương", "thường xuyên", "tích cực",
    "phát huy", "nâng cao", "có", "không", "chưa", "tổ chức thực hiện", "lãnh đạo", "ký", "duy trì",
    "đánh giá", "xác định", "quan tâm", "vận động", "tham gia", "trong việc", "như", "gồm", "này", "đó",
    "năm", "ngày", "tháng", "sau", "trước", "giao", "yêu cầu", "đề nghị", "phân công",
    # task verbs and adverbs that open the predicate of a unit subject
    "định kỳ", "hằng", "hàng năm", "hàng quý", "hàng tháng", "hàng tuần", "hàng ngày", "mỗi", "tổ chức",
    "lập", "thành lập", "nhắc nhở", "dự", "tham dự", "cử", "mời", "xác nhận", "hỗ trợ", "tập trung",
    "khắc phục", "liên hệ", "công khai", "công bố", "cập nhật", "hoàn thành", "hoàn thiện", "chấn chỉnh",
    "xử lý", "thống kê", "giải quyết", "tiếp nhận", "chuẩn bị", "trực tiếp", "kịp thời", "nghiêm túc",
    "bám sát", "giúp", "kiện toàn", "trong phạm vi", "trong quá trình", "hoặc", "thay mặt", "thông báo", "duy trì", "tiếp tục", "trân trọng", "kính mời", "giải đáp",
    "sớm", "đề xuất", "khẩn", "nghiên cứu", "sửa chữa", "đăng tải", "bổ sung", "hoàn tất", "chỉ định",
    # a portal's or a system's user ("Các đơn vị truy cập vào Cổng dịch vụ công …", "… đăng nhập hệ thống …")
    "truy cập", "đăng nhập", "tra cứu",
    "gởi", "ngoài", "trực tiếp",
    # task verbs that open an order's predicate after a plural subject ("các địa phương ưu tiên bố trí …")
    "ưu tiên", "huy động", "lồng ghép", "phấn đấu", "sơ kết", "nhân rộng", "phát động", "cân đối", "đẩy nhanh",
    "ngăn chặn", "tạo điều kiện", "kiểm toán", "tổng kết",
    # more task verbs that open a predicate and never stand inside a name in lower case
    "tiếp", "mở", "niêm yết", "giải ngân", "ký quỹ", "nạo vét", "đưa tin", "phê duyệt",
    "khảo sát", "điều tra", "tập huấn", "bồi dưỡng", "lựa chọn", "lấy ý kiến", "góp ý", "tiếp thu",
    "phân bổ", "thanh toán", "quyết toán", "nghiệm thu", "bàn giao", "vận hành", "sử dụng", "áp dụng", "lưu trữ",
    "cấp phát", "phát hành", "niêm phong", "nhận", "kiến nghị", "tuyên dương", "xét duyệt", "bình xét",
    "kiểm điểm", "họp", "nêu", "làm rõ", "giải trình", "cam kết", "ký kết", "ủy quyền", "uỷ quyền", "mua sắm",
    "tạm dừng", "dừng", "đình chỉ", "thu hồi", "di dời", "sắp xếp", "chi trả", "hoàn trả", "thông qua", "ghi", "thu thập",
    # the closed class of adverbs, modals and addressing words, which never stand inside a body's name:
    # whatever verb follows them ("Các bệnh viện nhất thiết …", "Sở X kính đề nghị …", "Phòng Y luôn …")
    "nhất thiết", "cần thiết", "kính", "luôn", "luôn luôn", "cũng", "đều", "vẫn", "hãy", "nên", "buộc",
    "tuyệt đối", "nghiêm cấm", "có thể", "lại", "chịu", "xin", "trân trọng", "đồng thời", "còn", "liên tục",
    # opening verbs of a ruling body's request ("Sở Tài chính xem xét …", "Bộ Y tế chỉ thị …")
    "xem xét", "chỉ thị", "lưu ý", "khuyến khích", "khuyến cáo", "nhấn mạnh", "đồng ý", "thống nhất",
    # "chỉ" (only) before a verb, "tùy" (depending on) before its condition ("Phòng X chỉ tiếp nhận …", "Các đơn
    # vị tùy theo …")
    "chỉ", "tùy", "tuỳ",
    # to appraise, to examine a draft (a committee's first word keeps them: "Hội đồng thẩm định", "Tổ thẩm tra")
    "thẩm định", "thẩm tra",
    # "bắt buộc" (must) before its verb ("sinh viên bắt buộc phải …")
    "bắt buộc",
)
# words no committee's name opens with, though its first word may be a verb ("Tổ kiểm tra", "Ban chỉ đạo"): the
# tense and modal words, the ones that ask or address ("Hội đồng đã họp …", "Hội đồng xin thông báo …")
_NEVER_FIRST = regex.compile(r"(?:đã|đang|sẽ|vừa|xin|cần|phải|bắt[ ]buộc|được|là|có[ ]trách[ ]nhiệm|chịu[ ]trách[ ]nhiệm"
                             r"|kính|trân[ ]trọng|đề[ ]nghị|yêu[ ]cầu|có[ ]thể|không|chưa|cũng|đều|nên|hãy)(?!\p{L})", regex.V1)
# Place levels: after "Ủy ban nhân dân tỉnh" a name goes on only with a place name
# ("… tỉnh Lâm Đồng"), "các …", or the party/mass bodies ("Huyện ủy", "xã đội", "tỉnh đoàn").
_LEVEL_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị xã", "thành phố", "thị trấn"})
_LEVEL_AFTER_COMMA = regex.compile(r"(?:thành[ ]phố|thị[ ]xã|quận|huyện|thị[ ]trấn|phường|xã|đặc[ ]khu)(?:[ ]trực[ ]thuộc[ ](?:trung[ ]ương|Trung[ ]ương|tỉnh))?(?!\p{L})", regex.V1)
_AFTER_LEVEL_OK = frozenset({"ủy", "uỷ", "hội", "đội", "đoàn", "các", "và", "cùng", "nhà"})
# Continuations allowed inside a name although they look like stop words.
_CONTINUATIONS = regex.compile(
    r"(?:thuộc,?[ ]trực[ ]thuộc|trực[ ]thuộc|thuộc[ ](?:Sở|UBND|Ủy[ ]ban|Trung[ ]tâm|ngành|tỉnh|huyện)"
    r"|trong[ ](?:ngành|Ngành)(?:[ ]Y[ ]tế)?|trên[ ]địa[ ]bàn(?:[ ](?:tỉnh|huyện|xã|thành[ ]phố|thị[ ]xã))?"
    r"|ngang[ ](?:bộ|Bộ)|(?:(?:ở|tại)[ ])?nước[ ]ngoài|chuyên[ ]môn|nghiệp[ ]vụ|khẩn[ ]cấp|(?<=[Tt]hư[ ])ký|(?<=(?i:viện)[ ])nghiên[ ]cứu|(?:ngoài[ ])?công[ ]lập|dự[ ]án|(?:có[ ])?liên[ ]quan(?![ ]đến|[ ]tới)|(?<=đầu[ ]tư[ ])xây[ ]dựng|số[ ]\d{1,3}(?![\d/.,])"
    # nouns that open with the verb "giao" (to assign): "Ban Quản lý dự án giao thông", "Sở Giao dịch"
    r"|giao[ ](?:thông|dịch|lưu|thương)"
    # the body of the same level as the one named before ("Liên đoàn Lao động cùng cấp", "HĐND cùng cấp")
    r"|cùng[ ]cấp(?!\p{L})"
    # a qualifier of the bodies a duty concerns ("các cơ quan chịu sự giám sát có trách nhiệm …")
    r"|chịu[ ]sự[ ](?:giám[ ]sát|quản[ ]lý|kiểm[ ]tra|thanh[ ]tra|điều[ ]chỉnh|chỉ[ ]đạo|kiểm[ ]toán))\b",
    regex.V1,
)

# The state's sectors whose names join two fields with "và" or a comma (a closed class: the ministries' and
# departments' fields). Inside a body's name they are one complement in any case ("các sở giáo dục và đào
# tạo", "Sở khoa học và công nghệ", "các sở lao động - thương binh và xã hội"); "và" there joins no units.
_SECTOR = regex.compile(
    r"(?:giáo[ \n]dục[ \n]và[ \n]đào[ \n]tạo|khoa[ \n]học[ \n]và[ \n](?:công[ \n]nghệ|kỹ[ \n]thuật|kĩ[ \n]thuật)|kế[ \n]hoạch[ \n]và[ \n]đầu[ \n]tư"
    r"|tài[ \n]nguyên[ \n]và[ \n]môi[ \n]trường|nông[ \n]nghiệp[ \n]và[ \n](?:phát[ \n]triển[ \n]nông[ \n]thôn|môi[ \n]trường)"
    r"|thông[ \n]tin[ \n]và[ \n]truyền[ \n]thông|văn[ \n]h(?:óa|oá)[ \n]và[ \n](?:thông[ \n]tin|thể[ \n]thao)|dân[ \n]tộc[ \n]và[ \n]tôn[ \n]giáo"
    r"|văn[ \n]h(?:óa|oá),[ \n]*thể[ \n]thao[ \n]và[ \n]du[ \n]lịch|lao[ \n]động[ \n]*[-–][ \n]*thương[ \n]binh[ \n]và[ \n]xã[ \n]hội"
    r"|nội[ \n]vụ[ \n]và[ \n]lao[ \n]động|xây[ \n]dựng[ \n]và[ \n]giao[ \n]thông|tài[ \n]chính[ \n]và[ \n]kế[ \n]hoạch"
    # a district's offices and a council's committees ("Phòng Kinh tế, hạ tầng và đô thị", "Ban Văn hóa và xã hội")
    r"|kế[ \n]hoạch[ \n]và[ \n]tài[ \n]chính|kinh[ \n]tế(?:,[ \n]*|[ \n]và[ \n])hạ[ \n]tầng(?:[ \n]và[ \n]đô[ \n]thị)?"
    r"|kinh[ \n]tế[ \n]và[ \n]ngân[ \n]sách|văn[ \n]h(?:óa|oá)[ \n]và[ \n]xã[ \n]hội"
    r"|văn[ \n]h(?:óa|oá),[ \n]*khoa[ \n]học[ \n]và[ \n]thông[ \n]tin)(?!\p{L})",
    regex.V1 | regex.IGNORECASE)

# a ministry's or a department's one-sector name, written with its capital ("Bộ Tài chính", "Sở Y tế"): a complete
# name, so a lower-case word after it opens the predicate whatever the verb ("Bộ Xây dựng | đẩy nhanh …")
_ONE_SECTOR_HEADS = ("Bộ", "Sở")
_ONE_SECTOR = regex.compile(
    r"(?:Tài[ \n]chính|Xây[ \n]dựng|Y[ \n]tế|Tư[ \n]pháp|Nội[ \n]vụ|Ngoại[ \n]giao|Ngoại[ \n]vụ|Quốc[ \n]phòng|Công[ \n]an|Du[ \n]lịch"
    r"|Giao[ \n]thông[ \n](?:[-–][ \n])?[Vv]ận[ \n]tải)(?![\p{L}\p{N}])",
    regex.V1)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&/'-]*", regex.V1)
_ABBREV = regex.compile(r"[A-ZĐ][A-ZĐ0-9&]*(?:[ ]?[-–][ ]?[A-ZĐ][A-ZĐ0-9&]*)*", regex.V1)


def _alt(words: tuple[str, ...]) -> str:
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", "[ ]+") for p in parts)


# Internal abbreviations for unit names (FORMATS.md §5; also in issuer_abbrevs.csv
# with the head word): expansion without the head word, so "Phòng TC-HC"
# becomes "Phòng Tổ chức - Hành chính".
INTERNAL_ABBREVS: dict[str, str] = {
    "TC-HC": "Tổ chức - Hành chính", "TCHC": "Tổ chức - Hành chính",
    "TC-KT": "Tài chính - Kế toán", "TCKT": "Tài chính - Kế toán",
    "KH-NV": "Kế hoạch - Nghiệp vụ", "KHNV": "Kế hoạch - Nghiệp vụ",
    "HC-TH": "Hành chính - Tổng hợp", "HCTH": "Hành chính - Tổng hợp",
    "KH-TH": "Kế hoạch - Tổng hợp", "KHTH": "Kế hoạch - Tổng hợp",
    "KH-TC": "Kế hoạch - Tài chính", "TCCB": "Tổ chức cán bộ",
    "DS-TT": "Dân số - Truyền thông", "GDSK": "Giáo dục sức khỏe",
    "DS-KHHGĐ": "Dân số - Kế hoạch hóa gia đình", "KSBT": "Kiểm soát bệnh tật",
    "YTDP": "Y tế dự phòng", "NVY": "Nghiệp vụ Y", "BGĐ": "Ban Giám đốc",
    "TTYT": "Trung tâm Y tế", "TYT": "Trạm Y tế", "SYT": "Sở Y tế", "BYT": "Bộ Y tế",
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam", "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam", "CĐCS": "Công đoàn cơ sở", "ĐTN": "Đoàn thanh niên",
    "HLHPN": "Hội Liên hiệp Phụ nữ", "HND": "Hội Nông dân", "HCCB": "Hội Cựu chiến binh",
    "HĐTĐKT": "Hội đồng Thi đua - Khen thưởng", "BCĐ": "Ban Chỉ đạo", "BVĐK": "Bệnh viện đa khoa",
    "CDC": "Trung tâm Kiểm soát bệnh tật", "BHXH": "Bảo hiểm xã hội", "VP": "Văn phòng",
    "TN": "thanh niên",
    # roles of schools given tasks in their own documents ("GVCN có trách nhiệm …")
    "GVCN": "Giáo viên chủ nhiệm", "GVBM": "Giáo viên bộ môn", "CVHT": "Cố vấn học tập",
    # the state's sectors as ministries and departments write them after "Bộ" / "Sở" ("Bộ GDĐT", "Sở KH&ĐT",
    # "Sở TTTT", "Bộ NN&MT"): a closed class, the same name as written out
    "GDĐT": "Giáo dục và Đào tạo", "GD&ĐT": "Giáo dục và Đào tạo", "KHĐT": "Kế hoạch và Đầu tư",
    "KH&ĐT": "Kế hoạch và Đầu tư", "TTTT": "Thông tin và Truyền thông", "TT&TT": "Thông tin và Truyền thông",
    "LĐTBXH": "Lao động - Thương binh và Xã hội", "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn", "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN&MT": "Nông nghiệp và Môi trường", "NNMT": "Nông nghiệp và Môi trường", "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường", "KH&CN": "Khoa học và Công nghệ", "KHCN": "Khoa học và Công nghệ",
    "GTVT": "Giao thông vận tải", "VHTTDL": "Văn hóa, Thể thao và Du lịch", "VH&TT": "Văn hóa và Thể thao",
}
# Abbreviations that can stand alone as (or open) a unit name.
_ABBREV_HEADS = ("UBND", "HĐND", "TTYT", "TYT", "SYT", "BYT", "BGĐ", "UBMTTQ", "UBMTTQVN", "MTTQ",
                 "MTTQVN", "CĐCS", "ĐTN", "HLHPN", "HND", "HCCB", "HĐTĐKT", "BCĐ", "BVĐK", "CDC", "BHXH",
                 *("GVCN", "GVBM", "CVHT"))
# a role's acronym names the role alone: no tail ("CVHT trong …"), and with a number it is a form's code
# ("mẫu GVCN-03"), no unit
_ROLE_ABBREVS = frozenset({"GVCN", "GVBM", "CVHT"})
_CODE_AFTER = regex.compile(r"[ ]?[-–][ ]?\d", regex.V1)

_OLD_TONES = {
    "uỷ": "ủy", "Uỷ": "Ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy", "oà": "òa", "oá": "óa",
    "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe", "Hoà": "Hòa", "Hoá": "Hóa",
}
# after "q" the "u" is part of the consonant ("quỹ", "quý"): the tone stands on the vowel after it already
_OLD_TONE_RX = regex.compile(r"(?<![qQ])(?:" + "|".join(_OLD_TONES) + r")(?!\p{L})", regex.V1)

# a head's title: a deputy's ("Phó Trưởng phòng", "Phó Bí thư") is the title with "Phó" before it, and a standing
# secretary's or chair's ("Phó Bí thư Thường trực Tỉnh ủy", "Phó Chủ tịch Thường trực UBND") keeps "Thường trực" in the
# title when a name follows it
_HOB = (r"(?:(?-i:Phó|phó)[ ]+)?(?:" + _alt(_HEAD_OF_BODY) + r")"
        r"(?:(?<=(?i:bí[ ]thư|chủ[ ]tịch))[ ]+(?-i:Thường[ ]trực)(?=[ ]+(?-i:\p{Lu})))?")
_HEAD_RX = regex.compile(
    r"(?P<hob>" + _HOB + r"(?:[ ]+|(?=,)))?"
    r"(?P<pl>(?:các|Các|CÁC|toàn[ ]thể|Toàn[ ]thể|tất[ ]cả[ ]các|Tất[ ]cả[ ]các)[ ]+(?:các[ ]+)?)?"
    r"(?P<head>" + _alt(_SINGULAR_HEADS) + "|" + "|".join(_ABBREV_HEADS) + r")(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)
_PLURAL_RX = regex.compile(
    r"(?P<hob>" + _HOB + r"[ ]+)?"
    # ("Các các cơ sở …": a doubled "các" is a slip of the pen)
    r"(?P<pl>(?:các|Các|CÁC|toàn[ ]thể|Toàn[ ]thể|tất[ ]cả[ ]các|Tất[ ]cả[ ]các)[ ]+(?:các[ ]+)?)"
    r"(?P<head>" + _alt(_PLURAL_HEADS) + r")(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)
# a head of body before a plural noun written without "các" ("Thủ trưởng cơ quan ngang bộ",
# "Người đứng đầu cơ quan, tổ chức", "người đứng đầu đơn vị soạn thảo")
_HOB_NOUN_RX = regex.compile(
    r"(?P<hob>" + _HOB + r"[ ]+)(?P<pl>)"
    r"(?P<head>" + _alt(_PLURAL_HEADS) + r")(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)
_FALSE_HEAD = regex.compile(
    r"(?:tổ[ ]chức|ban[ ](?:hành|đầu)|bộ[ ](?:máy|luật|mặt|tiêu[ ]chí|chỉ[ ]số|quy[ ]tắc)|hội[ ](?:nghị|thảo|viên|thi|họp|nhập)"
    r"|sở[ ](?:hữu|dĩ|thích|trường)|đội[ ]ngũ|trường[ ]hợp|khoa[ ]học|cục[ ]bộ|phòng[ ]?,?[ ]?(?:chống|ngừa|tránh|bệnh|dịch)"
    r"|đài[ ]thọ|viện[ ]dẫn|báo[ ]cáo|đoàn[ ](?:kết|viên)|tổ[ ]quốc|trung[ ]tâm[ ]điểm|công[ ]an[ ]ninh"
    # "xã hội" (society) is no commune: "các tổ chức chính trị, xã hội" (a commune named Hội is capitalised)
    r"|xã[ ](?-i:hội)"
    # a group of measures, tasks or targets heads a part of a plan, it is no body ("1. Nhóm giải pháp về …")
    r"|nhóm[ ](?:(?:các|những)[ ])?(?:giải[ ]pháp|nhiệm[ ]vụ|chỉ[ ]tiêu|tiêu[ ]chí|vấn[ ]đề|hoạt[ ]động|đối[ ]tượng|ngành[ ]hàng|hàng|sản[ ]phẩm))(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)
_HOB_AT = regex.compile(_HOB + r"(?!\p{L})", regex.V1 | regex.IGNORECASE)
_BARE_HOB_RX = regex.compile(r"(?P<hob>" + _HOB + r")(?=[ ]*,)", regex.V1 | regex.IGNORECASE)
# a person's place in a committee, board or delegation ("Thành viên Ban Chỉ đạo", "Ủy viên", "Tổ trưởng", "Phó
# Trưởng tiểu ban Thường trực", "Thư ký Hội đồng"): after a comma or a dash that follows a head's title and body it
# is what the same person is besides, never a part of the body's name nor another body
_MEMBER_ROLE = regex.compile(
    r"(?:Phó[ ]+)?(?:Thành[ ]viên|Ủy[ ]viên|Uỷ[ ]viên|Tổ[ ](?:trưởng|phó|viên)|Thư[ ]ký|Trưởng[ ]+(?:tiểu[ ]ban|ban|đoàn|nhóm)"
    r"|Phó[ ]+(?:ban|đoàn)|Tổ[ ]phó|Trưởng[ ]+Tiểu[ ]ban)(?!\p{L})",
    regex.V1 | regex.IGNORECASE)
# a person named by his name, then a comma: the titles after it are his ("đồng chí Nguyễn Văn A, Ủy viên …, ")
_NAMED_PERSON_BEFORE = regex.compile(r"(?<!\p{L})(?:[Đđ]ồng[ ]chí|[Đđ]/[Cc]|[Ôô]ng|[Bb]à)[ ]+\p{Lu}\p{Ll}*(?:[ ]+\p{Lu}\p{Ll}*){1,3}"
                                     r"[ ]*,(?:[^.;:,]*,)*[ ]*$", regex.V1)
# the colon that opens a roster line's duties right after the titles
_DUTIES_COLON = regex.compile(r"[ ]*:[ ]*\p{Lu}", regex.V1)
# "Đồng chí Giám đốc Sở X", "Ông Chủ tịch UBND huyện": a person named by title, his body the unit
_HONORIFIC = regex.compile(r"(?:[Đđ]ồng[ ]chí|[Đđ]/[Cc]|Ông|Bà)[ ]+(?=" + _HOB + r"[ ])", regex.V1)
# the person's other roles up to the colon that opens his duties: after the honorific any title, else a committee
# role only ("Giám đốc Sở X, Chủ tịch UBND huyện Y:" lists two heads)
_PERSON_ROLES_TO_COLON = regex.compile(r"[ ]*(?:,|[ ][-–—])[ ]*(?:" + _HOB + r"|(?P<member>" + _MEMBER_ROLE.pattern + r"))"
                                       r"[^:;.\n(]{0,120}?(?=[ ]*:)", regex.V1 | regex.IGNORECASE)
_STOP_RX = regex.compile(r"(?:" + _alt(_STOP_WORDS) + r")(?!\p{L})", regex.V1)
# nouns that continue a plural list after a comma only ("UBND các huyện, thành, thị", "xã, phường, đặc khu")
_PLURAL_CONT_ONLY = ("thành", "thị", "đặc khu", "thôn", "khu phố", "tổ dân phố", "ấp", "bộ", "ngành", "ban ngành",
                     "cơ quan ngang bộ", "cơ quan thuộc Chính phủ", "cơ quan trực thuộc Chính phủ")
_PLURAL_CONT_RX = regex.compile(
    r"(?:[ ]*,[ ]*(?:" + _alt(_PLURAL_HEADS + _PLURAL_CONT_ONLY) + r"|trực[ ]thuộc)"
    # "các sở, ban và ngành", "các xã, phường và thị trấn": one set of bodies of a kind
    r"|[ ]+và[ ]+(?:ngành|đoàn[ ]thể|thị[ ]trấn|phường|đặc[ ]khu|thị[ ]xã|thành[ ]phố|cá[ ]nhân"
    # "các bộ, ngành, địa phương và đơn vị": the generic noun closes the set it follows, no body of its own
    r"|đơn[ ]vị(?![ ]sự[ ]nghiệp)(?!(?-i:[ ]+\p{Lu}))))(?!\p{L})",
    regex.V1 | regex.IGNORECASE,
)
_SEP_RX = regex.compile(r"[ ]*(?:,[ ]*(?:và|cùng)[ ]+|,|;|[ ]và[ ]|[ ]cùng[ ]|[ ]với[ ]|[ ]va[ ](?=\p{Lu}|các[ ]))[ ]*", regex.V1)

# The kind of body a plural noun names. A plural list ("các sở, ban, ngành", "các xã, phường, thị trấn")
# is one unit while its nouns share a kind (the set phrases of one kind of body); a noun of another
# kind starts a unit of its own with the "các" shared ("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính
# phủ" → three units; "các địa phương, tổ chức, doanh nghiệp" → three). A noun without a kind joins.
_KIND_GROUPS: dict[str, tuple[str, ...]] = {
    # a province's or the centre's departments and sectors
    "dept": ("sở", "ban", "ngành", "ban ngành", "sở ngành", "bộ"),
    # the centre's set phrase for every body of the state apparatus: "các bộ, ngành, địa phương" is one unit (a
    # province's "các sở, ban, ngành, địa phương" is two: its departments, then the localities)
    "central": ("bộ", "ngành", "địa phương"),
    "peer": ("cơ quan ngang bộ",),
    "gov": ("cơ quan thuộc chính phủ", "cơ quan trực thuộc chính phủ"),
    # the parts of one institution
    "sub": ("khoa", "phòng", "ban", "phòng ban", "tổ", "bộ phận", "trạm", "trạm y tế"),
    # the parts of a ministry
    "ministry": ("vụ", "cục", "tổng cục"),
    # the generic nouns: a list that holds one names every body it lists as one set ("các cơ quan, đơn vị,
    # địa phương", "các bộ, cơ quan, địa phương", "đơn vị, cá nhân")
    "*": ("cơ quan", "đơn vị"),
    "gen": ("đơn vị sự nghiệp", "địa phương"),
    # administrative levels
    "level": ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "thành",
              "thị", "thôn", "khu phố", "tổ dân phố", "ấp", "cấp"),
    "party": ("chi bộ", "đảng bộ", "chi, đảng bộ", "cấp ủy", "cấp uỷ", "chi đoàn", "tổ chức đảng", "tổ chức cơ sở đảng"),
    "mass": ("hội", "đoàn thể", "công đoàn", "hiệp hội", "tổ chức chính trị - xã hội", "tổ chức chính trị xã hội",
             "tổ chức xã hội", "tổ chức đoàn thể"),
    "school": ("trường", "trường học", "nhà trường", "cơ sở giáo dục"),
    "biz": ("doanh nghiệp", "công ty", "doanh nghiệp nhà nước", "tập đoàn", "tập đoàn kinh tế", "tổng công ty"),
    "coop": ("hợp tác xã", "tổ hợp tác"),
    # "cơ quan, tổ chức, cá nhân": the set phrase of the law for anyone concerned
    "people": ("tổ chức", "cá nhân"),
}
_KINDS: dict[str, frozenset[str]] = {}
for _k, _nouns in _KIND_GROUPS.items():
    for _n in _nouns:
        _KINDS[_n] = _KINDS.get(_n, frozenset()) | {_k}


def _kinds(noun: str) -> frozenset[str]:
    """The kinds of a plural noun as written ("Phòng ban" → sub); empty for a noun of no listed kind (it
    is of its own kind: "bệnh viện", "trung tâm", "chủ đầu tư")."""
    n = " ".join(noun.lower().split())
    if n.startswith("và "):
        n = n[3:]
    return _KINDS.get(n, frozenset({n}) if n else frozenset())


def _same_kind(a: frozenset[str] | None, b: frozenset[str]) -> frozenset[str] | None:
    """The kinds a list keeps after the noun of kinds ``b``; None when ``b`` starts another kind."""
    if not a or not b:
        return a or b or None
    if "*" in a or "*" in b:
        # a generic noun joins any kind but the one set apart by its own complement ("cơ quan ngang bộ")
        # and but the party's organisations: "các cấp ủy, cơ quan, đơn vị" are the party's committees, then the state's
        # bodies (two units), while "các cấp ủy, tổ chức đảng" stay one
        return None if (a | b) & {"peer", "gov", "party"} else frozenset({"*"})
    both = a & b
    return both or None


@dataclass(slots=True)
class UnitSpan:
    start: int
    end: int
    raw: str  # as written (line breaks joined)
    head_of_body: str | None = None  # "Thủ trưởng" when the task goes to the body through its head
    plural: bool = False  # "các đơn vị …"
    bare: bool = False  # a head of body with nothing after it ("Thủ trưởng," before a distributive complement)
    person: bool = False  # a person or role ("Người lập hồ sơ", "Sinh viên"): a doer, not a body of the unit list
    loc: Any = None  # core.model.Loc of the name in its block, set by the caller that knows the block
    # the words as written at ``start:end`` when ``raw`` spells the name out beyond them: a member after
    # its category ("các sở: Tư pháp" → raw "Sở Tư pháp", written "Tư pháp"), a complement shared by a
    # list ("Cấp ủy, Công đoàn các đơn vị" → raw "Cấp ủy các đơn vị", written "Cấp ủy")
    written: str | None = None

    @property
    def name(self) -> str:
        return canonical_name(self.raw)

    @property
    def as_written(self) -> str:
        """The words at ``start:end`` of the text the unit was found in (white space squashed): what a
        mention's ``raw`` and ``loc`` point at."""
        return self.written if self.written is not None else self.raw

    def spell_out(self, raw: str) -> None:
        """Name the unit ``raw`` while keeping what it points at."""
        if self.written is None:
            self.written = self.raw
        self.raw = raw


@dataclass(slots=True)
class UnitList:
    start: int
    end: int
    units: list[UnitSpan] = field(default_factory=list)


# --------------------------------------------------------------------------
# Recognition
# --------------------------------------------------------------------------


def _is_upper_start(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


# what a lower-case "vụ"/"cục" heads when it names a case, an event or a crop season, not a department
_CASE_NOUN_AFTER = regex.compile(
    r"[ \n]+(?:việc|án|tai[ ]nạn|cháy|nổ|vi[ ]phạm|tranh[ ]chấp|khiếu[ ]nại|tố[ ]cáo|kiện|dịch|mùa|lúa|sản[ ]xuất"
    r"|đông|hè|thu|xuân|buôn[ ]lậu|gian[ ]lận|ngộ[ ]độc|sạt[ ]lở|bạo[ ]lực|xâm[ ]hại|trọng[ ]án|bộ|diện)(?!\p{L})",
    regex.V1)


# the lower-case object after a capitalised verb that opens the predicate ("… Tổ chức lớp …"), not a proper name's
# next part ("… Xây dựng miền Trung", "… Xây dựng và …", "… Xây dựng chủ trì")
_VERB_OBJECT_AFTER = regex.compile(
    r"[ ]+(?!(?:và|cùng|với|miền|tỉnh|thành[ ]phố|huyện|quận|xã|phường|số|khu[ ]vực)(?!\p{L}))\p{Ll}", regex.V1)


def _match_head(text: str, pos: int) -> regex.Match | None:
    _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    m = _PLURAL_RX.match(text, pos, timeout=_tm)
    m2 = _HEAD_RX.match(text, pos, timeout=_tm)
    m3 = _HOB_NOUN_RX.match(text, pos, timeout=_tm)
    best = None
    for cand in (m, m2, m3):
        if cand and (best is None or cand.end() > best.end()):
            best = cand
    if best is None:
        return None
    head = best.group("head")
    if head[:1] in "cqvt" and head.lower() in _CAPITAL_ONLY_HEADS and not (best.group("pl") and head not in _TOP_ORGAN_HEADS):
        # "chính phủ điện tử", "quốc hội hóa": a top organ is written with its capital; a ministry's department too,
        # but after "các" ("các vụ cấp học")
        return None
    if head[:1] in "cv" and head in ("vụ", "cục") and _CASE_NOUN_AFTER.match(text, best.end(), timeout=_tm):
        return None  # "các vụ việc tồn đọng", "các vụ tai nạn", "cục bộ": a case or an event, no ministry's department
    if head.lower() in _TOP_ORGAN_HEADS and not best.group("pl") and (
            _TITLE_BEFORE.search(text[max(0, pos - 16):pos], timeout=_tm) or _TERM_AFTER.match(text, best.end(), timeout=_tm)):
        return None  # "Thủ tướng Chính phủ", "đại biểu Quốc hội": a person's title; "Quốc hội khóa XVI": an election's term
    if _FALSE_HEAD.match(text, best.start("head"), timeout=_tm) and not (
            best.group("pl") and (fold(head) == "to chuc" and _org_after(text, best.end())
                                  or fold(head).startswith("to chuc "))):
        return None  # "tổ chức" is a verb ("Tổ chức hội nghị"), "các tổ chức tín dụng" bodies
    if head[:1] in ("k", "v") and fold(head).startswith(("khu ", "vuon ")):
        return None  # a zone or a park in lower case is a place, not a doer ("các khu công nghiệp, khu kinh tế")
    if head[:1] == "c" and head.lower() == "cơ quan thường trực" and not best.group("hob"):
        return None  # "Sở X, cơ quan thường trực Hội đồng Y, chủ trì …": in lower case the role of the body before
    if head.lower() in _NAMED_ONLY_HEADS and not best.group("pl"):
        nxt = _WORD.match(text, _skip_spaces(text, best.end()), timeout=_tm)
        if nxt and nxt.group(0) == "và" and head[:1].isupper():
            # "Báo và Phát thanh, Truyền hình X": the capitalised head joined to a capitalised second noun by "và"
            # opens one name (the second noun no head of its own)
            nxt2 = _WORD.match(text, _skip_spaces(text, nxt.end()), timeout=_tm)
            if nxt2 and _is_upper_start(nxt2.group(0)) and _match_head(text, nxt2.start()) is None:
                nxt = nxt2
        if not nxt or not _is_upper_start(nxt.group(0)):
            return None
    if not best.group("pl") and not best.group("hob") and head not in _ABBREV_HEADS:
        # a singular head in lower case ("phòng, chống", "ban hành", "tổ chức") is a unit only
        # when a capitalised word or an abbreviation names it ("qua phòng Nội vụ")
        if not head[0].isupper():
            nxt = _WORD.match(text, _skip_spaces(text, best.end()), timeout=_tm)
            if not nxt or not _is_upper_start(nxt.group(0)):
                return None
    return best


# what follows "các tổ chức" when it names bodies: a separator, a kind of organisation, a name
_ORG_AFTER = regex.compile(
    r"[ ]*(?:[;.:)]|$|và[ ]|\p{Lu}|(?:có[ ])?liên[ ]quan|chính[ ]trị|xã[ ]hội|tín[ ]dụng|đoàn[ ]thể|kinh[ ]tế|cá[ ]nhân"
    r"|cơ[ ]sở|quốc[ ]tế|phi[ ]chính[ ]phủ|thành[ ]viên|sự[ ]nghiệp|đảng|tôn[ ]giáo|khoa[ ]học|trên[ ]địa[ ]bàn)",
    regex.V1)


def _org_after(text: str, pos: int) -> bool:
    """"các tổ chức" names bodies: a kind of organisation follows, or a comma and another plural noun
    ("các tổ chức, cá nhân"), not a verb ("Tổ chức, chỉ đạo …")."""
    if _ORG_AFTER.match(text, pos, timeout=rx_timeout(text)):
        return True
    q = _skip_spaces(text, pos)
    return text.startswith(",", q) and _BARE_PLURAL.match(text, _skip_spaces(text, q + 1), timeout=rx_timeout(text)) is not None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _starts_unit(text: str, pos: int) -> bool:
    _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    return _match_head(text, pos) is not None or bool(_BARE_HOB_RX.match(text, pos, timeout=_tm))


# the elected and executive councils and the delegation that share a joint office
_COUNCIL_WORDS = (r"(?:UBND|HĐND|UBMTTQ(?:VN)?|Đoàn[ ]ĐBQH|Đoàn[ ]đại[ ]biểu[ ]Quốc[ ]hội|Ủy[ ]ban[ ]nhân[ ]dân|Uỷ[ ]ban[ ]nhân[ ]dân"
                  r"|Hội[ ]đồng[ ]nhân[ ]dân)")
_COUNCIL = regex.compile(_COUNCIL_WORDS + r"(?!\p{L})", regex.V1 | regex.IGNORECASE)
_COUNCIL_END = regex.compile(r"(?<!\p{L})" + _COUNCIL_WORDS + r"$", regex.V1 | regex.IGNORECASE)

_COMMITTEE_HEADS = frozenset({"tổ", "ban", "hội đồng", "đội", "nhóm", "bộ phận", "đoàn", "tiểu ban"})


def _read_tail(text: str, pos: int, plural: bool, max_words: int = 14, head: str = "") -> int:
    """End of the name whose head ends at ``pos``."""
    _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    end = pos
    words = 0
    levels = False  # a list of place levels read after a comma ("Ủy ban nhân dân phường, xã")
    singular = not plural  # a name that opens with a singular head ("Ban Quản lý các khu …" stays so)
    # a committee keeps its first word even when it is a verb ("Tổ kiểm tra", "Ban chỉ đạo")
    first = head.lower() in _COMMITTEE_HEADS
    kinds = _kinds(head) if plural else None  # the kind of body a plural list names so far
    # a complement that completes a name: a sector's double name or a proper name (two capitalised words in a
    # row, "Miền Bắc", "Hải Dương") closes it; after it the name goes on only with what follows a complete
    # name (a level and its place, an owner, "các …", a continuation, another capitalised word, "và …"),
    # with ``slack`` lower-case syllables for a capitalised word written with one more syllable ("Khu Công
    # nghệ …"). A lower-case word beyond them opens the predicate, whatever verb it is.
    closed, caps, slack = head.lower() in _TOP_ORGAN_HEADS, 0, 0  # "Chính phủ", "Quốc hội": complete names
    by_sector = False  # the name just closed by its sector ("Bộ Tài chính"): "và X" after it joins another body
    # where a plural noun that is complete on its own ends ("các địa phương", "các bộ, ngành", "các tỉnh, thành phố
    # trực thuộc trung ương"): a lower-case word after it opens a modifier only when the name can end within three
    # words ("các huyện biên giới | chủ trì"); else the predicate has begun ("các địa phương | phát triển mạnh …")
    complete_at = pos if plural and _kinds(head) & _COMPLETE_KINDS else -1
    noun_end = pos  # where the last plural noun of the list read ends (its complement follows)
    while words < max_words:
        p = end
        # inside-name continuations first ("thuộc, trực thuộc", "trong Ngành")
        q = _skip_spaces(text, p)
        # "các sở giáo dục và đào tạo": a sector's double name, one complement; "Bộ Tài chính": one sector
        ms = (_SECTOR.match(text, q, timeout=_tm)
              or (_ONE_SECTOR.match(text, q, timeout=_tm) if words == 0 and head in _ONE_SECTOR_HEADS else None)
              ) if q > p else None
        if ms is None and q < len(text) and text[q] in "CQ":
            ms = _TOP_ORGAN.match(text, q, timeout=_tm)  # "Văn phòng Chính phủ", "các Ủy ban của Quốc hội": complete
        if ms:
            end = ms.end()
            words += 1
            first = False
            closed, caps, slack = True, 0, 0
            by_sector = True
            continue
        if q < len(text) and text[q] == "," and words > 0:
            mv = _VERB_PAIR.match(text, _last_word_start(text, pos, q), timeout=_tm)
            if mv is not None and mv.end() > q:
                # "Ban Chỉ huy phòng, chống thiên tai …", "Cục Quản lý khám, chữa bệnh": a pair of verbs joined by a
                # comma that share their object, inside the name
                end = mv.end()
                words += 1
                closed = False
                continue
        if True:
            mc = _CONTINUATIONS.match(text, q, timeout=_tm)
            if mc:
                end = mc.end()
                words += 1
                first = False
                if complete_at >= 0 and _skip_spaces(text, complete_at) == q and mc.group(0).startswith("trực"):
                    lv = _CENTRE_OR_PROVINCE.match(text, _skip_spaces(text, end), timeout=_tm)
                    if lv is not None:
                        end = complete_at = lv.end()  # "… trực thuộc trung ương": the levels' list is complete
                        continue
                if mc.group(0).endswith("quan"):
                    # "… có liên quan" closes the name, but for the body that owns them ("các đơn vị có liên quan
                    # thuộc Bộ X")
                    own = _owner_after(text, mc.end())
                    if own is None:
                        break
                    end = own
                    continue
                if plural and mc.group(0).startswith("ngang"):
                    kinds = _kinds("cơ quan ngang bộ")  # "các cơ quan ngang Bộ, cơ quan thuộc Chính phủ"
                continue
        if plural:
            mp = _PLURAL_CONT_RX.match(text, p, timeout=_tm)
            if mp:
                after = _WORD.match(text, _skip_spaces(text, mp.end()), timeout=_tm)
                head_txt = mp.group(0).lstrip(" ,")
                if ((head_txt[:1].islower() and head_txt in _CAPITAL_ONLY_HEADS)
                        or _HOB_AT.match(text, mp.end() - len(head_txt), timeout=_tm)):
                    break  # "…, vụ việc" (no department), "…, Cục trưởng các Cục": a head's title opens the next unit
                bare = not after or after.group(0) in ("và", "cùng") or text[mp.end():mp.end() + 1] in (",", ";", ".", ":")
                if ((head_txt[:1].islower() or bare or _title_case_list_ends(text, pos, p, after))
                        and not (after and _ABBREV.fullmatch(after.group(0), timeout=RX_TIMEOUT))):
                    if not head_txt.lower().startswith("trực"):
                        nk = _same_kind(kinds, _kinds(head_txt))
                        if nk is None:
                            break  # a noun of another kind: a unit of its own ("các bộ, cơ quan ngang bộ")
                        if (_skip_spaces(text, noun_end) < p and after and after.group(0).islower()
                                and after.group(0) not in ("và", "cùng", "các", "có", "liên")
                                and not _STOP_RX.match(text, after.start(), timeout=_tm)
                                and not _CONTINUATIONS.match(text, after.start(), timeout=_tm)
                                and not _kinds(head_txt) & {"level", "*"}):
                            # "các cơ sở giáo dục đại học, trường cao đẳng sư phạm": two nouns each with a complement
                            # of its own name two sets of bodies, not one ("các sở, ban, ngành" stays one, and so does a
                            # generic noun, "các bộ ngành, cơ quan trung ương")
                            break
                        kinds = nk
                    end = mp.end()
                    noun_end = end
                    complete_at = end if _kinds(head_txt) & _COMPLETE_KINDS else -1
                    words += 1
                    first = False
                    continue
        if q >= len(text):
            break
        ch = text[q]
        if ch == "," and plural and words > 0:
            # "các trường đại học, cao đẳng", "các cơ quan báo chí, truyền thông": a second modifier of the
            # same plural noun, its head left out
            ell = _elliptic_modifier(text, q + 1)
            if ell is not None:
                end = ell
                words += 1
                continue
            # "các trường ĐH, CĐ …", "các trường THPT, THCS": an abbreviated modifier after an abbreviated one
            prev = text[pos:q].split()
            r = _skip_spaces(text, q + 1)
            wa = _WORD.match(text, r, timeout=_tm)
            if (prev and _ABBREV.fullmatch(prev[-1], timeout=RX_TIMEOUT) and wa and _ABBREV.fullmatch(wa.group(0), timeout=RX_TIMEOUT)
                    and wa.group(0) not in _ABBREV_HEADS and not _starts_unit(text, r)):
                end = wa.end()
                words += 1
                continue
        if ch in "-–—" and q + 1 < len(text):
            # "Tổ chức - Hành chính": a dash between two name parts
            r = _skip_spaces(text, q + 1)
            lv = _LEVEL_AFTER_COMMA.match(text, r, timeout=_tm)
            if lv is not None and (_ends_with_level(text[pos:q]) or (words == 0 and _ends_with_level(head))):
                # "Ủy ban nhân dân quận - huyện", "các phường - xã, thị trấn": place levels joined by a dash are one
                # list of levels, the name goes on
                end = lv.end()
                words += 1
                levels = True
                continue
            w = _WORD.match(text, r, timeout=_tm)
            if (w and (_is_upper_start(w.group(0))) and not _starts_unit(text, r)
                    and not _MEMBER_ROLE.match(text, r, timeout=_tm)):
                end = w.end()
                words += 1
                closed, caps = False, 1  # a new part of the name ("… - Kế hoạch hóa gia đình")
                continue
            break
        if ch == "," and not plural:
            # "Sở Văn hóa, Thể thao và Du lịch": a capitalised non-head after a comma
            r = _skip_spaces(text, q + 1)
            lv = _LEVEL_AFTER_COMMA.match(text, r, timeout=_tm)
            if lv and _ends_with_level(text[pos:q]):
                # "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương": one body of either level
                end = lv.end()
                words += 1
                levels = True
                continue
            w = _WORD.match(text, r, timeout=_tm)
            if (w and w.group(0)[0].isupper() and not _ABBREV.fullmatch(w.group(0), timeout=RX_TIMEOUT) and not _starts_unit(text, r)
                    # a word in capitals is a heading ("…, QUYẾT NGHỊ:"), no part of a name
                    and not (len(w.group(0)) > 1 and w.group(0).isupper())
                    # the centre opens the next central body ("…, Trung ương Hội …", its words glued by a PDF)
                    and not _CENTRE_NEXT.match(text, r, timeout=_tm)
                    and not _STOP_RX.match(text, r, timeout=_tm) and not _MEMBER_ROLE.match(text, r, timeout=_tm)):
                end = w.end()
                words += 1
                closed, caps = False, 1  # a new part of the name ("…, Thể thao và Du lịch")
                continue
            break
        w = _WORD.match(text, q, timeout=_tm)
        if not w:
            break
        word = w.group(0)
        if word[:1] in "Pp" and _PARTNER_VERB.match(text, q, timeout=_tm):
            break  # "MTTQ Phối hợp với UBND xã …": the verb that names the partners, capitalised or not, ends the name
        if (complete_at >= 0 and _skip_spaces(text, complete_at) == q and word[:1].islower()
                and not _modifier_ends(text, q)):
            break  # "Các địa phương | chặt chẽ hơn nữa …", "Các bộ, ngành | đẩy nhanh …"
        if word in ("và", "cùng") or (word == "va" and (_is_upper_start(
                (_WORD.match(text, _skip_spaces(text, w.end()), timeout=_tm) or w).group(0))
                or text.startswith("các ", _skip_spaces(text, w.end())))):
            # ("va" before a capitalised word: "và" whose tone mark a scan's text recognition lost)
            # "Phòng Dân số - Truyền thông và GDSK": "và" joins name parts, not units
            r = _skip_spaces(text, w.end())
            lv = _LEVEL_AFTER_COMMA.match(text, r, timeout=_tm) if levels and not plural else None
            if lv is not None:
                # "Ủy ban nhân dân phường, xã và đặc khu": the last level of a list of levels
                end = lv.end()
                words += 2
                continue
            w2 = _WORD.match(text, r, timeout=_tm)
            prev_cap = any(_is_upper_start(x) for x in text[pos:q].split())  # a proper name ("các Sở Thông tin và …")
            if (w2 and w2.group(0)[0].isupper() and not _starts_unit(text, r) and (not plural or prev_cap)
                    and not (by_sector and end == p)):
                end = w2.end()
                words += 2
                closed, caps = False, 1  # a new part of the name ("… và Truyền thông")
                continue
            if head.lower() == "văn phòng" and _COUNCIL_END.search(text[pos:q].rstrip(), timeout=RX_TIMEOUT):
                mj = _COUNCIL.match(text, r, timeout=_tm)
                if mj:
                    # "Văn phòng HĐND và UBND huyện": one office serving both councils
                    end = mj.end()
                    words += 2
                    continue
            inner = _inner_words_to_name(text, r) if (word == "và" and singular and not closed and head[:1].isupper()
                                                      and text[pos:q].split() and text[pos:q].split()[-1].islower()) else None
            if inner is not None:
                # "Viện Nghiên cứu phát triển và ứng dụng công nghệ Việt Nam": a name written in sentence case goes
                # on after "và" with lower-case words up to the proper name that closes it
                end = inner
                words += 2
                continue
            break
        if word in ("của", "thuộc", "trực") and (words > 0 or " " in head.strip()):
            own = _owner_after(text, end)
            if own is None and word == "thuộc" and text[_skip_spaces(text, w.end()):][:1].islower():
                break  # "Phòng X thuộc diện …": no body owns it, the predicate starts
            if own is not None:
                # "Các phòng chức năng của Sở Y tế", "Hội đồng tuyển sinh của Trường", "các đơn vị thuộc khối
                # Văn phòng": the body that owns them is part of the name
                end = own
                words += 1
                continue
        if ((not first or _NEVER_FIRST.match(text, q, timeout=_tm)) and _STOP_RX.match(text, q, timeout=_tm)
                and not _is_upper_start(word)):
            break
        if (words > 0 and word[:1].isupper() and "\n" in text[p:q] and text[pos:p].split()
                and text[pos:p].split()[-1].islower() and _STOP_RX.match(word[:1].lower() + text[q + 1:q + 40], timeout=_tm)):
            break  # "… trường cao đẳng sư phạm\nTổ chức …": a lower-case name ends its line, a sentence opens the next
        if (words >= 1 and word[:1].isupper() and "\n" not in text[p:q] and text[pos:p].split()
                and all(x.islower() for x in text[pos:p].split())
                and _STOP_RX.match(word[:1].lower() + text[q + 1:q + 40], timeout=_tm)
                and _VERB_OBJECT_AFTER.match(text, q + len(_STOP_RX.match(word[:1].lower() + text[q + 1:q + 40],
                                                                         timeout=_tm).group(0)), timeout=_tm)
                and not _STOP_RX.match(text, _skip_spaces(text, q + len(_STOP_RX.match(
                    word[:1].lower() + text[q + 1:q + 40], timeout=_tm).group(0))), timeout=_tm)):
            break  # "Trường cao đẳng sư phạm Tổ chức lớp …": a verb in capitals after a sentence-case name opens the predicate
        if (words == 0 and head.lower() in _SCHOOL_NOUNS and not _is_upper_start(word)
                and not _SCHOOL_KIND.match(text, q, timeout=_tm) and not _AFTER_CLOSED.match(text, q, timeout=_tm)):
            break  # "Các trường | xét tuyển …": no kind of school, the predicate starts
        if closed and _match_head(text, q) is not None:
            closed, caps = False, 0  # the head of a body inside the name ("… Ban Chỉ đạo …") opens a new complement
        elif (closed and _is_upper_start(word) and not _ABBREV.fullmatch(word, timeout=RX_TIMEOUT) and not _name_ends_after(text, w.end())
              and not _is_upper_start(text[max(pos, q - 40):q].split()[-1:][0] if text[max(pos, q - 40):q].split() else "")):
            break  # "Bộ Giáo dục và Đào tạo | Hướng dẫn …": a capitalised word going on in lower case is no place name
        if closed and not _is_upper_start(word):
            ac = _AFTER_CLOSED.match(text, q, timeout=_tm)
            if ac is None:
                if slack <= 0 or not _name_ends_after(text, w.end()):
                    break  # "Tổng Công ty Điện lực Miền Bắc | đẩy nhanh …", "Sở Giáo dục và Đào tạo | đăng cai …"
                slack -= 1  # "Văn phòng Tổng Bí thư", "Hội Cựu Chiến binh": the capitalised word's second syllable
            elif word == "các":
                closed = False  # "UBND tỉnh Hòa Bình các …": a plural complement reads on
            elif ac.end() > w.end() and not _ends_with_level(text[pos:q]):
                end = ac.end()  # "… thành phố", "… nhân dân"
                words += 1
                continue
        if (words > 0 and not _is_upper_start(word) and word.lower() not in _AFTER_LEVEL_OK
                and _ends_with_level(text[pos:q])
                # "các tỉnh thành phố trực thuộc Trung ương": a list of levels written without its comma goes on
                and not (plural and _LEVEL_AFTER_COMMA.match(text, q, timeout=_tm))):
            break  # "Ủy ban nhân dân tỉnh | tình hình …", "Văn phòng UBND tỉnh | tổ chức …"
        if (words > 0 and not plural and not _is_upper_start(word) and word.lower() not in _AFTER_LEVEL_OK
                and _ENDS_CENTRE.search(text[pos:q].rstrip(), timeout=_tm)):
            # "Ban Dân vận Trung ương | định hướng …": the centre closes a body's name as a level does (a plural
            # reads on: "các cơ quan Trung ương đóng trên địa bàn tỉnh")
            break
        if word.lower() == "các":
            plural = True  # "UBND các xã, thị trấn"
            mk = _PLURAL_RX.match(text, q, timeout=_tm)
            kinds = _kinds(mk.group("head")) if mk else _kinds("cấp") if text.startswith("cấp", _skip_spaces(
                text, w.end())) else None
        if word.lower() == "các" and _starts_unit(text, q) and words > 0:
            # "UBND các xã" keeps its complement, "… các Phòng" starts a new unit
            mh = _match_head(text, q)
            if mh and mh.group("head")[0].isupper() and not plural:
                break
        if words > 0 and _is_upper_start(word) and _match_head(text, q) and _match_head(text, q).group("head")[0].isupper():
            hm = _match_head(text, q)
            # a second capitalised head starts a new unit ("Phòng TC-HC Đoàn thanh niên") unless it is
            # the parent body ("Công đoàn Trung tâm Y tế", "Ban Dân vận Huyện ủy", "Đảng bộ TTYT") or the noun
            # of the plural complement its "các" opened ("Thanh tra các Bộ, ngành", "Văn phòng các Sở")
            if hm.group("hob") or (plural and not _after_owner_word(text, q) and not _opens_plural(text, pos, q)
                                   and not _council_owns_committees(text, pos, q, head)):
                break
        end = w.end()
        words += 1
        first = False
        if _is_upper_start(word) and not _ABBREV.fullmatch(word, timeout=rx_timeout(word)) and not word[0].isdigit():
            # the head of a body inside the name ("… Ban Chỉ đạo", "Trung ương Đoàn Thanh niên") opens no proper name
            caps = 0 if _match_head(text, q) else caps + 1
            if caps >= 2 and not closed:
                closed, slack = True, _CLOSED_SLACK
        elif (words == 1 and not closed and len(word) >= 2 and head.lower() in _ABBREV_NAMED_HEADS
              and _ABBREV.fullmatch(word, timeout=RX_TIMEOUT)):
            # "Vụ TVQT", "Ban QLRR", "Phòng TC-HC": an office named by its abbreviation is complete; a lower-case word
            # after it goes on only as a complete name's complement would (a level, an owner, "các …")
            closed, caps, slack = True, 0, _CLOSED_SLACK
        elif not closed:
            caps = 0
    return end


_CLOSED_SLACK = 1
# the state's top organs inside a name, complete (their second syllable in lower case closes no name otherwise)
_TOP_ORGAN = regex.compile(r"(?:Chính[ ]phủ|Quốc[ ]hội)(?![\p{L}\p{N}])", regex.V1)
# pairs of verbs joined by a comma that share their object, inside a body's name (a closed class: prevent and fight,
# examine and treat, export and import, buy and sell, fire and rescue): "phòng, chống", "khám, chữa bệnh"
_VERB_PAIR = regex.compile(r"(?:phòng|khám|xuất|mua|(?<=phòng[ ])cháy|(?<=cứu[ ])nạn|(?<=cứu[ ])hộ)[ ]*,[ ]*"
                           r"(?:chống|chữa|ngừa|nhập|bán|cứu)(?![\p{L}\p{N}])", regex.V1)


def _last_word_start(text: str, pos: int, q: int) -> int:
    """Where the last word of ``text[pos:q]`` starts (``q`` when there is none)."""
    i = q
    while i > pos and text[i - 1].isspace():
        i -= 1
    while i > pos and text[i - 1].isalpha():
        i -= 1
    return i
# "phối hợp với / cùng": no body's name holds it, it names the partners of the body before it
_PARTNER_VERB = regex.compile(r"[Pp]hối[ ]hợp[ ](?:với|cùng)(?!\p{L})", regex.V1)
# plural nouns complete on their own: the levels, the centre's and a province's sets of bodies ("các tỉnh", "các bộ,
# ngành", "các địa phương")
_COMPLETE_KINDS = frozenset({"level", "central", "gen"})
# a name that ends with the centre ("Ban Tuyên giáo Trung ương", "các cơ quan trung ương")
_CENTRE_NEXT = regex.compile(r"Trung[ ]?ương", regex.V1)
_ENDS_CENTRE = regex.compile(r"(?<!\p{L})(?:Trung|trung)[ ]ương$", regex.V1)
_CENTRE_OR_PROVINCE = regex.compile(r"(?:trung[ ]ương|Trung[ ]ương|tỉnh|thành[ ]phố)(?!\p{L})", regex.V1)
# words that never open a modifier of a plural noun of bodies (prepositions, adverbs of degree)
_WITHIN_PLACE = regex.compile(r"(?:trong|trên|ngoài)[ ](?:tỉnh|huyện|xã|phường|thành[ ]phố|thị[ ]xã|quận|cả[ ]nước|toàn[ ]quốc"
                           r"|vùng|khu[ ]vực|địa[ ]bàn)(?!\p{L})", regex.V1)
_NOT_MODIFIER = frozenset({"trong", "hơn", "nữa", "mạnh", "rất", "đã", "sẽ", "đang", "cũng", "để", "và"})


def _modifier_ends(text: str, q: int) -> bool:
    """The lower-case words at ``q`` after a complete plural noun modify it: within three words the name can end
    ("các huyện biên giới, …", "các xã vùng cao chủ trì …"), and none of them is a preposition or an adverb."""
    if (_AFTER_CLOSED.match(text, q, timeout=rx_timeout(text)) or _CONTINUATIONS.match(text, q, timeout=rx_timeout(text))
            or _WITHIN_PLACE.match(text, q, timeout=rx_timeout(text))):
        return True  # "các tỉnh miền núi …", "các địa phương trong tỉnh", "các xã có liên quan"
    end = q
    for _ in range(3):
        w = _WORD.match(text, _skip_spaces(text, end), timeout=rx_timeout(text))
        if w is None or not w.group(0)[:1].islower() or w.group(0) in _NOT_MODIFIER:
            return False
        end = w.end()
        if _name_ends_after(text, end):
            return True
    return False
# the state's offices that are named by an abbreviation after their head ("Vụ TCCB", "Cục TTKT", "Phòng TC-HC")
_ABBREV_NAMED_HEADS = frozenset({"vụ", "cục", "chi cục", "tổng cục", "ban", "phòng", "sở", "bộ", "văn phòng",
                                 "thanh tra", "trung tâm"})


def _title_case_list_ends(text: str, pos: int, p: int, after: regex.Match | None) -> bool:
    """"các Huyện, Thị xã, Thành phố rà soát": a plural list written in title case ends on a capitalised noun of
    its kind when its predicate follows in lower case (a capitalised word after it would make it a name of its
    own: "…, Thành phố Huế")."""
    if after is None or not after.group(0)[:1].islower():
        return False
    seg = text[pos:p].replace("\n", " ")
    words = seg[seg.rfind(",") + 1:].split()  # the list's last noun: after its last comma, or after its "các"
    if not words:
        words = text[max(0, pos - 12):pos].split()[-1:]  # the list's first noun is the head itself ("các Vụ, Cục …")
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() == "các":
            words = words[i + 1:]
            break
    return bool(words) and words[0][:1].isupper()
# people written after "và" are doers of their own, never words inside a body's name ("Phòng X và học sinh …")
_PEOPLE_WORDS = regex.compile(
    r"(?:người|nhân[ ]dân|học[ ]sinh|sinh[ ]viên|cán[ ]bộ|công[ ]chức|viên[ ]chức|giáo[ ]viên|đại[ ]biểu|đoàn[ ]viên"
    r"|hội[ ]viên|đảng[ ]viên|công[ ]dân|nhân[ ]viên|lãnh[ ]đạo)(?!\p{L})", regex.V1)
_INNER_MOST = 8


def _inner_words_to_name(text: str, r: int) -> int | None:
    """After "và" at ``r``: the end of one to eight lower-case syllables that lead to a capitalised proper name which is
    no body of its own ("… và ứng dụng công nghệ | Việt Nam"), or None: a predicate word, a plural or a level, a
    people noun, a head or a plural noun first, "các", a separator or a lower-case end breaks the run (a head's word
    further on is part of a compound: "môi trường")."""
    _tm = rx_timeout(text)
    if _PEOPLE_WORDS.match(text, r, timeout=_tm):
        return None
    end, n = r, 0
    while True:
        q = _skip_spaces(text, end)
        if q == end and n:
            return None  # a separator: the run does not reach a name
        w = _WORD.match(text, q, timeout=_tm)
        if w is None:
            return None
        word = w.group(0)
        if _is_upper_start(word):
            if n == 0 or word[0].isdigit() or _ABBREV.fullmatch(word, timeout=RX_TIMEOUT) or _starts_unit(text, q):
                return None
            return end
        if (n >= _INNER_MOST or word in ("các", "những", "và", "cùng") or word in _LEVEL_WORDS
                or _STOP_RX.match(text, q, timeout=_tm)
                or n == 0 and (_starts_unit(text, q) or _BARE_PLURAL.match(text, q, timeout=_tm))):
            return None
        end, n = w.end(), n + 1


def _opens_plural(text: str, pos: int, q: int) -> bool:
    """The word at ``q`` is the noun of a plural complement the name's own "các" opened just before it
    ("Thanh tra các | Bộ, ngành"): "các" is the last word of ``text[pos:q]`` and a plural noun follows it."""
    before = text[pos:q].split()
    if not before or before[-1].lower() != "các":
        return False
    i = text.rfind(before[-1], pos, q)
    return _PLURAL_RX.match(text, i, timeout=rx_timeout(text)) is not None
# the kinds of school (a closed class: the levels and types of the school system): a school noun written in
# lower case ("các trường …") takes one of them, a place, an owner or a continuation as its first complement;
# another lower-case word is its predicate ("Các trường xét tuyển …", "Các trường tuyển sinh …")
_SCHOOL_NOUNS = frozenset({"trường", "trường học", "nhà trường"})
_SCHOOL_KIND = regex.compile(
    r"(?:đại[ ]học|cao[ ]đẳng|trung[ ]cấp|trung[ ]học|tiểu[ ]học|mầm[ ]non|mẫu[ ]giáo|phổ[ ]thông|dân[ ]tộc|chuyên|nghề"
    r"|sư[ ]phạm|tư[ ]thục|công[ ]lập|ngoài[ ]công[ ]lập|liên[ ]cấp|quân[ ]đội|công[ ]an|học|nhà[ ]trẻ|trực[ ]thuộc|thuộc"
    r"|có|trên|trong|ở|tại|đã|được|thực[ ]hành|đào[ ]tạo|năng[ ]khiếu|thể[ ]thao|văn[ ]hóa|nghệ[ ]thuật|quốc[ ]tế)(?!\p{L})",
    regex.V1)
_NAME_END_AFTER = regex.compile(r"[ ]*(?:[,;.:()\-–/]|$|\p{Lu}|\d|(?:và|cùng)(?!\p{L}))", regex.V1)


def _name_ends_after(text: str, pos: int) -> bool:
    """The name can end at ``pos``: a separator, the end, a capitalised word, "và", a predicate word, a level, a
    continuation or an owner follows."""
    if _NAME_END_AFTER.match(text, pos, timeout=rx_timeout(text)):
        return True
    q = _skip_spaces(text, pos)
    return bool(_STOP_RX.match(text, q, timeout=RX_TIMEOUT) or _AFTER_CLOSED.match(text, q, timeout=RX_TIMEOUT)
                or _CONTINUATIONS.match(text, q, timeout=RX_TIMEOUT) or _OWNER_WORD.match(text, q, timeout=RX_TIMEOUT))
# what may follow a complete name: a level (and its place), "các …", "cấp …", "cùng cấp", "nhân dân"
_CLOSED_LEVEL = r"(?:tỉnh|huyện|xã|phường|quận|thị[ ]xã|thị[ ]trấn|thành[ ]phố|trung[ ]ương)"
_AFTER_CLOSED = regex.compile(
    r"(?:" + _CLOSED_LEVEL + r"(?:/" + _CLOSED_LEVEL + r")*|các|cấp|cùng[ ]cấp|nhân[ ]dân|khu[ ]vực|miền|vùng)(?![\p{L}\p{N}])",
    regex.V1)


_ELLIPSIS_AFTER = regex.compile(r"[ ]*(?:[,;:.)]|và[ ]|$)", regex.V1)


def _elliptic_modifier(text: str, pos: int) -> int | None:
    """End of one to three lower-case words after a plural noun's comma that modify the same noun ("…, cao
    đẳng", "…, truyền thông"): no verb, no head, no level; a separator, "và", a predicate word or the end
    follows them. None otherwise."""
    end, n = _skip_spaces(text, pos), 0
    start = end
    while n < 3:
        q = _skip_spaces(text, end)
        w = _WORD.match(text, q, timeout=rx_timeout(text))
        if not w or not w.group(0).islower() or (n and q == end):
            break
        word = w.group(0)
        if (len(word) < 2  # "các Vụ, Cục, d": a word cut off by the page's edge, no modifier
                or word in ("và", "các", "những", "cùng", "với") or word in _MEMBER_END_WORDS or word in _LEVEL_WORDS
                or _STOP_RX.match(text, q, timeout=rx_timeout(text))):
            break
        if n == 0 and (_starts_unit(text, q) or _BARE_PLURAL.match(text, q, timeout=rx_timeout(text))
                       or _CONTINUATIONS.match(text, q, timeout=rx_timeout(text))):
            return None
        end, n = w.end(), n + 1
    if n == 0 or end == start:
        return None
    q = _skip_spaces(text, end)
    if _ELLIPSIS_AFTER.match(text, end, timeout=rx_timeout(text)) or (
            q < len(text) and _STOP_RX.match(text, q, timeout=rx_timeout(text))):
        return end
    return None


def _council_owns_committees(text: str, pos: int, q: int, head: str) -> bool:
    """``text[pos:q]`` is the lower-case kind of a plural committee noun and a council's name follows at ``q``: the
    council owns those committees ("các Tổ đại biểu | Hội đồng nhân dân tỉnh", "các Đoàn giám sát | UBND huyện"), one
    unit, not two."""
    before = text[pos:q].split()
    return (head.lower() in _COMMITTEE_HEADS and 0 < len(before) <= 3 and all(w.islower() for w in before)
            and _COUNCIL.match(text, q, timeout=rx_timeout(text)) is not None)


def _after_owner_word(text: str, q: int) -> bool:
    """``text[:q]`` ends with "thuộc" or "của" (and white space), or "khối" after them: read backwards from
    ``q``; a search for "…$" over ``text[:q]`` scanned the whole paragraph at every name word."""
    i = q
    while i > 0 and text[i - 1].isspace():
        i -= 1
    # "trong" before a body's name is its owner too ("các cơ quan thành viên trong Ban Chỉ đạo tỉnh")
    return text.endswith(("thuộc", "của", "thuộc khối", "của khối", "thuộc các", "của các", " trong", " trong các"), 0, i)


# what an owner complement names after "của" / "thuộc": a body's head ("Sở Y tế", "các Bộ, ngành", "LĐLĐ
# tỉnh"), a bare ruling body or level ("của Bộ", "của Trường", "của tỉnh", "thuộc Chính phủ"), a block of
# bodies ("thuộc khối Văn phòng")
_OWNER_WORD = regex.compile(r"(?:của|(?:thuộc[ ]*,?[ ]*)?trực[ ]thuộc|thuộc)[ ]+", regex.V1)
_OWNER_BARE = regex.compile(
    r"(?:(?i:bộ|sở|trường|khoa|viện|học[ ]viện|đại[ ]học|cục|tổng[ ]cục|ban|chính[ ]phủ|trung[ ]ương|tỉnh|huyện"
    r"|thành[ ]phố|thị[ ]xã|quận|xã|phường|cơ[ ]sở|cơ[ ]quan|đơn[ ]vị|doanh[ ]nghiệp|ngành|địa[ ]phương)(?![\p{L}\p{N}])"
    r"|khối[ ]+(?=\p{Lu})|\p{Lu}{2,}[\p{Lu}\d&-]*(?![\p{L}\p{N}]))",
    regex.V1)


def _owner_after(text: str, pos: int) -> int | None:
    """After a body's name at ``pos``: where an owner complement's body starts ("của Sở Y tế" → at "Sở"),
    or None when "của" / "thuộc" introduces no body ("của mình", "thuộc diện …")."""
    q = _skip_spaces(text, pos)
    mo = _OWNER_WORD.match(text, q, timeout=rx_timeout(text))
    if mo is None:
        return None
    r = mo.end()
    if _OWNER_BARE.match(text, r, timeout=rx_timeout(text)) or _starts_unit(text, r):
        return mo.end() if text[mo.end() - 1] != " " else r
    return None


def _ends_with_level(segment: str) -> bool:
    words = segment.split()
    return bool(words) and (words[-1] in _LEVEL_WORDS or " ".join(words[-2:]) in _LEVEL_WORDS)


def _looks_name_part(text: str, pos: int) -> bool:
    """After "…, Thể": the part continues like a name (capitalised words, "và")."""
    w = _WORD.match(text, _skip_spaces(text, pos), timeout=rx_timeout(text))
    return bool(w) and (w.group(0) == "và" or _is_upper_start(w.group(0)) or w.group(0).islower() and False)


# The readers below are pure functions of their arguments and a text asks them the same questions many times
# (a list reads each of its items, a table repeats its cells): each answer is computed once, and every caller
# gets its own copy, free to change it.
READ_CACHE = 8192


def forget_reads() -> None:
    """Drop the answers the readers keep: a document's questions are asked again within it, rarely across
    documents, so ``pipeline.assemble`` starts each document afresh (memory stays bounded by one document,
    and a document's time does not depend on what was read before it)."""
    _parse_unit.cache_clear()
    _parse_unit_list.cache_clear()
    _split_unit_cell.cache_clear()


def parse_unit(text: str, pos: int) -> UnitSpan | None:
    """One unit name starting exactly at ``pos`` (after spaces)."""
    u = _parse_unit(text, pos)
    return copy(u) if u is not None else None


@lru_cache(maxsize=READ_CACHE)
def _parse_unit(text: str, pos: int) -> UnitSpan | None:
    _tm = rx_timeout(text)  # no limit on a short text (core.textutil.RX_SHORT)
    pos = _skip_spaces(text, pos)
    m = _match_head(text, pos)
    if m is None:
        b = _BARE_HOB_RX.match(text, pos, timeout=_tm)
        if b:
            return UnitSpan(pos, b.end(), text[pos:b.end()], head_of_body=b.group("hob"), bare=True)
        return None
    plural = bool(m.group("pl")) or m.re is _HOB_NOUN_RX
    if m.group("head") in _ROLE_ABBREVS:
        if _CODE_AFTER.match(text, m.end(), timeout=_tm):
            return None
        return UnitSpan(pos, m.end(), text[pos:m.end()], head_of_body=m.group("hob"), plural=plural)
    end = _read_tail(text, m.end(), plural, head=m.group("head"))
    raw = _clean_raw(text[pos:end])
    if not raw:
        return None
    if fold(raw) in _VERB_HEADS and _VERB_LIST_AFTER.match(text, end, timeout=_tm):
        return None  # "Thanh tra, kiểm tra, giải quyết …": the verb opening a list of tasks, not the body
    end = _span_end(text, pos, raw)
    if "các " in raw or "Các " in raw:
        # "các tỉnh thành phố trực thuộc Trung ương": the name is spelled with the comma its list of levels lost
        named = _LEVELS_NO_COMMA.sub(r"\1, ", raw, timeout=RX_TIMEOUT)
        if named != raw:
            return UnitSpan(pos, end, named, head_of_body=m.group("hob"), plural=plural, written=raw)
    return UnitSpan(pos, end, raw, head_of_body=m.group("hob"), plural=plural)


_LEVELS_NO_COMMA = regex.compile(r"(?<!\p{L})((?:các|Các)[ ](?:tỉnh|huyện|quận|xã|phường|thị[ ]xã))[ ]"
                                 r"(?=(?:thành[ ]phố|thị[ ]xã|thị[ ]trấn|quận|huyện|phường|xã)(?!\p{L}))", regex.V1)


def _span_end(text: str, pos: int, raw: str) -> int:
    """Where the words of ``raw`` (``text`` from ``pos`` with its white space squashed and its tail
    trimmed) end in ``text``: the span slices exactly the words of the name."""
    i, j, n = pos, 0, len(text)
    while j < len(raw) and i < n:
        if raw[j] == " ":
            if not text[i].isspace():
                break
            while i < n and text[i].isspace():
                i += 1
            j += 1
        elif text[i] == raw[j]:
            i += 1
            j += 1
        else:
            break
    return i


# heads that are also verbs: alone and followed by more verbs they open a list of activities
_VERB_HEADS = frozenset({"thanh tra", "kiem tra", "giam sat", "lanh dao"})  # "Lãnh đạo, chỉ đạo …": to lead
_VERB_LIST_AFTER = regex.compile(r"[ ]*,[ ]*\p{Ll}", regex.V1)

_TRAIL_PUNCT = regex.compile(r"[\s,;:.\-–]+$")
_TRAIL_LINK = regex.compile(r"(?:\s+(?:của|và|các|với|cùng|tại|ở))+$")


def _clean_raw(raw: str) -> str:
    raw = squash_spaces(raw.replace("\n", " "))
    raw = _TRAIL_PUNCT.sub("", raw, timeout=rx_timeout(raw))
    raw = _TRAIL_LINK.sub("", raw, timeout=rx_timeout(raw))
    return raw.strip()


# "các" before a head's title in a list ("… và các Chủ tịch UBND các xã"): the title heads the body
_PLURAL_TITLE = regex.compile(r"(?:các|Các)[ ]+(?=(?:" + _alt(_HEAD_OF_BODY) + r")[ ])", regex.V1)


def parse_unit_list(text: str, pos: int = 0, *, cell: bool = False) -> UnitList | None:
    """The list of units written at ``pos``: "A, B và C", with a distributive
    complement shared by bare heads ("Cấp ủy đảng, Thủ trưởng, Chủ tịch công
    đoàn các đơn vị" → three units of "các đơn vị")."""
    ul = _parse_unit_list(text, pos, cell)
    if ul is None:
        return None
    out = copy(ul)
    out.units = [copy(u) for u in ul.units]
    return out


@lru_cache(maxsize=READ_CACHE)
def _parse_unit_list(text: str, pos: int, cell: bool) -> UnitList | None:
    units: list[UnitSpan] = []
    p = _skip_spaces(text, pos)
    start = p
    u = parse_unit(text, p)
    honored = False
    before = text[:p].rstrip()[-1:]
    # (opening the sentence or its item only: after an order's verb the person is the order's object, read by the
    # caller - "… yêu cầu đồng chí Cục trưởng …")
    if (u is None and not before.isalpha()
            and (mh := _HONORIFIC.match(text, p, timeout=rx_timeout(text))) is not None):
        u = parse_unit(text, mh.end())
        honored = u is not None and bool(u.head_of_body) and not u.plural
        if not honored:
            u = None
    if u is None and cell and p < len(text):
        u = _free_item(text, p)
    nouns: dict[int, int] = {}  # a unit read as a plural noun without its "các" -> where its noun ends
    roles_end = None
    while u is not None:
        if u.head_of_body and not u.plural and not units:
            mr = _PERSON_ROLES_TO_COLON.match(text, u.end, timeout=rx_timeout(text))
            if mr is not None and (honored or mr.group("member")):
                # "Đồng chí Giám đốc Sở X, Thành viên Ban Chỉ đạo: …": the person's other roles up to his duties
                units.append(u)
                roles_end = mr.end()
                break
        mem = _named_members(u, text) if not cell else None
        if mem is None and not cell:
            colon = _COLON_AFTER.match(text, u.end, timeout=rx_timeout(text))
            if colon is not None and not _LEADIN_WORDS.search(text[u.end:colon.end()], timeout=RX_TIMEOUT):
                mem = _colon_members(u, text, colon.end())
        if mem is not None:
            # "UBND các huyện Kim Sơn, Yên Mô và Nho Quan": a category with its members named, one unit each
            units.extend(mem)
            u = mem[-1]
        else:
            units.append(u)
        sep = _SEP_RX.match(text, u.end, timeout=rx_timeout(text))
        if not sep:
            break
        nxt = sep.end()
        lv = _ELLIPTIC_LEVEL.match(text, nxt, timeout=rx_timeout(text))
        pm = _PREFIX_OF_LEVEL.match(units[-1].raw, timeout=RX_TIMEOUT) if lv else None
        if pm is not None:
            # "UBND cấp huyện, cấp xã": the body of another level, its head left out
            u = UnitSpan(nxt, lv.end(), lv.group(0), head_of_body=units[-1].head_of_body)
            u.spell_out(f"{pm.group(1)} {lv.group(0)}")
            continue
        pc = _PARTY_COMMITTEE.match(text, nxt, timeout=rx_timeout(text))
        po = _ORGAN_OF_COMMITTEE.match(units[-1].raw, timeout=RX_TIMEOUT) if pc else None
        if (po is not None and not units[-1].raw.endswith(pc.group(0))
                and (pu := parse_unit(text, nxt)) is not None and pu.end <= pc.end()):
            # "Ban Thường vụ Tỉnh ủy, Thành ủy": the same organ of another party committee, its name left out
            u = UnitSpan(nxt, pc.end(), pc.group(0), head_of_body=units[-1].head_of_body)
            u.spell_out(f"{po.group(1)} {pc.group(0)}")
            continue
        pt = _PLURAL_TITLE.match(text, nxt, timeout=rx_timeout(text))
        if pt is not None and not _starts_unit(text, nxt) and _starts_unit(text, pt.end()):
            # "… và các Chủ tịch UBND các xã": the heads of several bodies, "các" written before their title
            nxt = pt.end()
        if _starts_unit(text, nxt) or (cell and _free_item(text, nxt) is not None and sep.group(0).strip() in (",", ";")):
            u = parse_unit(text, nxt)
            continue
        # (a list that opened plural stays so: "Các Bộ trưởng, Chủ tịch UBND tỉnh, cơ sở giáo dục đại học và …")
        bp = _bare_plural(text, nxt) if any(x.plural or " các " in f" {x.raw.lower()} " for x in units) else None
        if bp is not None:
            # "các bộ, ngành và địa phương", "các bộ, cơ quan ngang bộ": a plural noun of another kind, its
            # "các" shared with the one before
            end = _read_tail(text, bp, True, head=text[nxt:bp])
            raw = _clean_raw(text[nxt:end])
            u = UnitSpan(nxt, _span_end(text, nxt, raw), raw, plural=True)
            q = bp
            while (mp := _PLURAL_CONT_RX.match(text, q, timeout=rx_timeout(text))) is not None and mp.end() <= u.end:
                q = mp.end()  # "tổ chức, cá nhân": its nouns end after the last of its kind
            nouns[len(units)] = q
            continue
        break
    if not units:
        return None
    if (roles_end is None and units[0].head_of_body and start > 0
            and _NAMED_PERSON_BEFORE.search(text, max(0, start - 160), start, timeout=rx_timeout(text))
            and not _DUTIES_COLON.match(text, units[-1].end, timeout=rx_timeout(text))):
        # "đồng chí Nguyễn Văn A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh kết luận:": the titles after a person's name
        # say who he is; only a roster line ("…, Giám đốc Sở X: <duties>") gives his body the duties after them
        return None
    _fold_inner_organs(units)
    _share_complement(units, nouns, text)
    _distribute(units)
    _share_place(units)
    return UnitList(start, roles_end if roles_end is not None else units[-1].end, units)


# a party committee named alone ("Thành ủy", "Huyện uỷ"), followed by no name of its own
_COMMITTEE_WORD = r"(?:Tỉnh|Thành|Huyện|Thị|Quận|Đảng)[ ](?:ủy|uỷ)"
_PARTY_COMMITTEE = regex.compile(_COMMITTEE_WORD + r"(?!\p{L})", regex.V1)
# an organ of a party committee ("Ban Thường vụ Tỉnh ủy", "Ủy ban Kiểm tra Huyện ủy", "Văn phòng Thành ủy")
_ORGAN_OF_COMMITTEE = regex.compile(r"^((?:Ban|Ủy[ ]ban|Uỷ[ ]ban|Văn[ ]phòng|Thường[ ]trực)(?:[ ]\p{L}+){0,3})[ ]"
                                    + _COMMITTEE_WORD + r"$", regex.V1)

_BARE_PLURAL = regex.compile(r"(?:" + _alt(_PLURAL_HEADS + ("cơ quan ngang bộ", "ban ngành", "cơ quan thuộc Chính phủ", "cơ quan trực thuộc Chính phủ")) + r")(?!\p{L})",
                             regex.V1 | regex.IGNORECASE)
# "tổ chức" is a verb too: a list item only before the next separator ("các địa phương, tổ chức, doanh nghiệp")
_AFTER_TO_CHUC = regex.compile(r"[ ]*(?:[,;]|và[ ]|(?:có[ ])?liên[ ]quan(?![ ]đến|[ ]tới))", regex.V1)


_LEVEL_NAMES = r"(?:tỉnh|huyện|xã|cơ[ ]sở|trung[ ]ương|thành[ ]phố|quận|phường|thị[ ]xã|thị[ ]trấn)"
_ELLIPTIC_LEVEL = regex.compile(r"cấp[ ]" + _LEVEL_NAMES + r"(?!\p{L})", regex.V1)
_PREFIX_OF_LEVEL = regex.compile(r"^(.*\S)\s+cấp\s+" + _LEVEL_NAMES + r"$", regex.V1)


def _bare_plural(text: str, pos: int) -> int | None:
    """End of a plural noun written without its "các" after a plural unit ("…, cơ quan ngang bộ"), or None."""
    m = _BARE_PLURAL.match(text, pos, timeout=rx_timeout(text))
    if m is None or m.group(0) in _CAPITAL_ONLY_HEADS:
        return None  # (in lower case "vụ", "cục" are no departments: "vụ việc")
    if fold(m.group(0)) == "to chuc":
        if not _AFTER_TO_CHUC.match(text, m.end(), timeout=rx_timeout(text)):
            return None
    elif fold(m.group(0)).startswith("to chuc "):
        pass  # "tổ chức đảng", "tổ chức chính trị - xã hội": the noun with its kind
    elif _FALSE_HEAD.match(text, pos, timeout=rx_timeout(text)):
        return None
    nxt = _WORD.match(text, _skip_spaces(text, m.end()), timeout=rx_timeout(text))
    if nxt and nxt.group(0)[:1].isupper() and not fold(m.group(0)).startswith(("co quan", "dai bieu")):
        return None  # "…, doanh nghiệp Viettel": a named body, not a kind ("đại biểu Hội đồng nhân dân": its council)
    return m.end()


def _free_item(text: str, pos: int) -> UnitSpan | None:
    """A cell item without a head word ("Toàn thể viên chức và người lao động",
    "Cán bộ chịu trách nhiệm về 04 của đơn vị"): up to the next separator that
    precedes a unit head."""
    pos = _skip_spaces(text, pos)
    m = regex.compile(r"[^,;.\n]+", regex.V1).match(text, pos, timeout=RX_TIMEOUT)
    if not m:
        return None
    raw = _clean_raw(m.group(0))
    if len(raw) < 3 or not regex.search(r"\p{L}{2}", raw, timeout=RX_TIMEOUT):
        return None
    return UnitSpan(pos, _span_end(text, pos, raw), raw, plural=fold(raw).startswith("cac "))


_CATEGORY_BEFORE_NAME = regex.compile(
    r"(?:^|(?<=\s))(?:các|Các|CÁC)\s+(?P<noun>" + _alt(_PLURAL_HEADS + _SINGULAR_HEADS) + r")\s+(?=[\p{Lu}\d])",
    regex.V1)


def _named_members(u: UnitSpan, text: str) -> list[UnitSpan] | None:
    """The members named after a plural category inside a unit ("Ban Chủ nhiệm Hội Luật gia các tỉnh Hà
    Giang, Cao Bằng" → "Ban Chủ nhiệm Hội Luật gia tỉnh Hà Giang", "… tỉnh Cao Bằng"; "các Sở Tư pháp, Tài
    chính"), or None when a single body follows the category."""
    if "," not in text[u.end:u.end + 3] and " và " not in text[u.end:u.end + 5]:
        return None
    seg = text[u.start:u.end]
    m = None
    for m in _CATEGORY_BEFORE_NAME.finditer(seg, timeout=rx_timeout(seg)):
        pass
    if m is None:
        return None
    got = read_members(text, u.start + m.end())
    if got is None:
        return None
    items, _end = got
    if any(_ABBREV.fullmatch(text[s:e], timeout=RX_TIMEOUT) for s, e in items):
        return None  # "các trường ĐH, CĐ ngoài công lập": kinds abbreviated, not named members
    if items[0][1] != u.end and not _COMMA_NAME.match(text, u.start + m.end(), timeout=rx_timeout(text)):
        return None  # the unit's name goes on beyond the first member
    before = squash_spaces(seg[:m.start()].replace("\n", " "))
    single = f"{before} {m.group('noun')}".strip()
    single = single[:1].upper() + single[1:]
    out = []
    for i, (s, e) in enumerate(items):
        s0 = u.start if i == 0 else s
        w = UnitSpan(s0, e, squash_spaces(text[s0:e].replace("\n", " ")), head_of_body=u.head_of_body if i == 0 else None)
        w.spell_out(f"{single} {squash_spaces(text[s:e].replace(chr(10), ' '))}")
        out.append(w)
    return out


# after a list of members inside a sentence: its clause goes on ("…, … để tuyên truyền", "… rà soát")
_CLAUSE_GOES_ON = regex.compile(r"[ ]*(?:,[ ]*)?(?:(?:…|\.\.\.)[ ]*)?\p{Ll}", regex.V1)
_FREE_MEMBER = regex.compile(r"\p{Lu}\p{L}*(?:[ ]\p{L}+){0,3}(?=[ ]*,)", regex.V1)


def _colon_members(u: UnitSpan, text: str, pos: int) -> list[UnitSpan] | None:
    """"phối hợp với các cơ quan báo chí: Báo tỉnh, Đài Phát thanh - Truyền hình tỉnh, … để …", "các sở: Tư
    pháp, Tài chính rà soát …": the members a plural category lists after its colon, when the sentence goes
    on after them (a bare list of names closing a sentence gives no task and is left as it is)."""
    if not (u.plural or " các " in f" {u.raw.lower()} "):
        return None
    got = member_units(u, text, pos)
    if got is not None:
        members, end = got
        verbs = sum(1 for m in members if _STOP_RX.match(m.as_written[:1].lower() + m.as_written[1:], timeout=RX_TIMEOUT))
        if verbs >= max(2, (len(members) + 1) // 2):
            return None  # "…: Rà soát, Báo cáo …": tasks listed, not names ("Xây dựng" alone names a department)
        return members if _list_goes_on(text, end) else None
    out: list[UnitSpan] = []
    p = _skip_spaces(text, pos)
    while p < len(text):
        v = parse_unit(text, p)
        if v is None or v.bare:
            f = _FREE_MEMBER.match(text, p, timeout=rx_timeout(text))
            if f is None or _STOP_RX.search(f.group(0), timeout=RX_TIMEOUT):
                break
            v = UnitSpan(p, f.end(), f.group(0))
        out.append(v)
        sep = _MEMBER_SEP.match(text, v.end, timeout=rx_timeout(text))
        if not sep or not text[sep.end():sep.end() + 1].isupper():
            break
        p = sep.end()
    if len(out) < 2 or not _list_goes_on(text, out[-1].end):
        return None
    return out


# words that make the colon a lead-in to tasks, not a category's list ("các sở thực hiện nội dung sau:")
_LEADIN_WORDS = regex.compile(
    r"(?<!\p{L})(?:thực[ ]hiện|triển[ ]khai|chủ[ ]trì|phối[ ]hợp|trách[ ]nhiệm|nhiệm[ ]vụ|nội[ ]dung|việc|cần|phải"
    r"|như[ ]sau|sau[ ]đây|đề[ ]nghị|yêu[ ]cầu)(?!\p{L})", regex.V1)
# a category's colon after a few words of its own ("các cơ quan tuyên truyền:", "các đơn vị sau:")
_COLON_AFTER = regex.compile(r"(?:[ ]+\p{Ll}+){0,4}[ ]*:[ ]*(?=\p{Lu})", regex.V1)


def _list_goes_on(text: str, pos: int) -> bool:
    """After members listed at ``pos``: the sentence goes on, or so does the list with a unit of its own."""
    if _CLAUSE_GOES_ON.match(text, pos, timeout=rx_timeout(text)):
        return True
    sep = _SEP_RX.match(text, pos, timeout=rx_timeout(text))
    return sep is not None and _starts_unit(text, sep.end())


_ENDS_PLURAL = regex.compile(r"(?:^|\s)(?:" + _alt(_PLURAL_HEADS + _PLURAL_CONT_ONLY) + r")$", regex.V1 | regex.IGNORECASE)
# a complement that makes a kind of its own ("cơ quan thuộc Chính phủ", "cơ quan ngang bộ") is not shared
_OWN_COMPLEMENT = regex.compile(r"(?:trực[ ])?thuộc(?!\p{L})|ngang(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _share_complement(units: list[UnitSpan], nouns: dict[int, int], text: str) -> None:
    """"các cơ sở, doanh nghiệp đào tạo nghề": a list of kinds split one unit per kind shares the complement
    written after its next noun that has one ("Các cơ sở đào tạo nghề", "Doanh nghiệp đào tạo nghề")."""
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and (j + 1) in nouns:
            j += 1
        # each noun without a complement shares the one written after the next noun that has one ("các viện và trung
        # tâm khoa học công nghệ; sở …"); a school noun's kind makes a compound noun ("…, học viện, trường đại học"),
        # no complement to share, and so does an owner's word ("cơ quan thuộc Chính phủ", "cơ quan ngang bộ")
        pending: list[UnitSpan] = []
        for k in range(i, j + 1):
            u = units[k]
            if (u.end == nouns[k]) if k in nouns else bool(_ENDS_PLURAL.search(u.raw, timeout=rx_timeout(u.raw))):
                pending.append(u)
                continue
            if k in nouns and pending:
                comp = _clean_raw(text[nouns[k]:u.end])
                school = _kinds(text[u.start:nouns[k]]) & {"school"} and _SCHOOL_KIND.match(comp, timeout=rx_timeout(comp))
                if comp and not school and not _OWN_COMPLEMENT.match(comp, timeout=rx_timeout(comp)):
                    for v in pending:
                        v.spell_out(f"{v.raw} {comp}")
            pending = []
        i = j + 1


# the governing organs inside an enterprise or an institution (a closed class): written without their
# body, the head of one heads the body named after the heads that share it
_INNER_ORGANS = frozenset({"hoi dong thanh vien", "hoi dong quan tri", "hoi dong quan ly", "hoi dong truong",
                           "ban giam doc", "ban tong giam doc", "ban kiem soat", "ban dieu hanh"})


def _fold_inner_organs(units: list[UnitSpan]) -> None:
    """"Chủ tịch Hội đồng thành viên, Tổng Giám đốc các tập đoàn": heads that share one list of bodies. The
    first heads an organ of those bodies, left without its body; both heads' tasks go to the bodies named
    once after the last head (a head is its body), so the organ is no unit of its own."""
    i = 0
    while i + 1 < len(units):
        u, v = units[i], units[i + 1]
        if (u.head_of_body and v.head_of_body and fold(canonical_name(u.raw)) in _INNER_ORGANS
                and " các " in f" {v.raw.lower()} "):
            del units[i]
            continue
        i += 1

_CAC_TAIL = regex.compile(r"\s(các\s.+)$")


def _distribute(units: list[UnitSpan]) -> None:
    last = units[-1]
    mc = _CAC_TAIL.search(last.raw, timeout=rx_timeout(last.raw))
    if not mc:
        # "Hiệu trưởng, Giám đốc các trường, trung tâm trực thuộc": the last unit is a kind split off the plural
        # complement; the bare heads share the complement of the unit after them that holds its "các"
        for i, u in enumerate(units[:-1]):
            if not u.bare:
                continue
            for v in units[i + 1:]:
                mv = regex.search(r"\s(các\s.+)$", v.raw, timeout=RX_TIMEOUT)
                if mv:
                    u.spell_out(f"{u.raw} {mv.group(1)}")
                    u.bare = False
                    break
        return
    comp = mc.group(1)
    for u in units[:-1]:
        if u.bare or (u.head_of_body is None and len(u.raw.split()) <= 3 and regex.match(
                r"(?i)(cấp [uủ]y( đảng)?|công đoàn|chi bộ|chi đoàn|đoàn thanh niên)$", u.raw, timeout=RX_TIMEOUT)):
            u.spell_out(f"{u.raw} {comp}")
            u.bare = False


# a council named bare ("HĐND", "Thường trực Hội đồng nhân dân") and a council with its place ("UBND tỉnh X")
_BARE_COUNCIL = regex.compile(r"(?:Thường[ ]trực[ ])?" + _COUNCIL_WORDS + r"$", regex.V1 | regex.IGNORECASE)
_COUNCIL_PLACE = regex.compile(r"^(?:Thường[ ]trực[ ])?" + _COUNCIL_WORDS + r"[ ]((?:các|cấp)[ ].+|(?:tỉnh|thành[ ]phố|huyện|quận"
                               r"|thị[ ]xã|xã|phường|thị[ ]trấn|đặc[ ]khu)(?:[ ]\p{Lu}\p{L}*)*)$", regex.V1)


def _share_place(units: list[UnitSpan]) -> None:
    """"Hội đồng nhân dân, Ủy ban nhân dân tỉnh X": councils listed bare before a council named with its place are
    the councils of that place (the place written once, after the last)."""
    for i, u in enumerate(units[:-1]):
        if u.plural or not _BARE_COUNCIL.match(u.raw, timeout=RX_TIMEOUT):
            continue
        for v in units[i + 1:]:
            if not _BARE_COUNCIL.match(v.raw, timeout=RX_TIMEOUT):
                mp = _COUNCIL_PLACE.match(v.raw, timeout=RX_TIMEOUT)
                if mp is not None:
                    u.spell_out(f"{u.raw} {mp.group(1)}")
                break


_WORD_START = regex.compile(r"(?<![\p{L}\p{N}])\p{L}", regex.V1)


def find_units(text: str) -> list[UnitSpan]:
    """Every unit named in ``text`` (left to right, no overlaps)."""
    out: list[UnitSpan] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _WORD_START.search(text, pos, timeout=rx_timeout(text))
        if not m:
            break
        s = m.start()
        u = parse_unit(text, s) if _match_head(text, s) else None
        if u and len(u.raw.split()) >= 2 or (u and u.raw.upper() == u.raw):
            out.append(u)
            pos = max(u.end, s + 1)
        else:
            w = _WORD.match(text, s, timeout=rx_timeout(text))
            pos = w.end() if w else s + 1
    return out


# --------------------------------------------------------------------------
# Table cells
# --------------------------------------------------------------------------

_CELL_VERB = regex.compile(
    r"(?P<lead>\bchủ[ ]trì\b)|(?P<sup>\bphối[ ]hợp(?:[ ]chặt[ ]chẽ)?(?:[ ](?:với|cùng))?\b)"
    r"|(?P<adv>\btham[ ]mưu(?:[ ]cho)?\b)|(?P<mon>\b(?:theo[ ]dõi|đôn[ ]đốc)\b)",
    regex.V1 | regex.IGNORECASE,
)


def split_unit_cell(text: str, default_role: str = "responsible") -> list[tuple[UnitSpan, str]]:
    """Units of a responsibility cell with their roles (see module doc)."""
    return [(copy(u), role) for u, role in _split_unit_cell(text, default_role)]


@lru_cache(maxsize=READ_CACHE)
def _split_unit_cell(text: str, default_role: str) -> tuple[tuple[UnitSpan, str], ...]:
    t = squash_spaces(text.replace("<br>", " ").replace("\n", " "))
    t = regex.sub(r"^[\s\-+•*]+", "", t, timeout=RX_TIMEOUT)
    verbs = list(_CELL_VERB.finditer(t, timeout=rx_timeout(t)))
    segments: list[tuple[int, int, str]] = []
    pos, after = 0, default_role
    for m in verbs:
        role = after
        if m.group("lead"):
            role = "lead"
        elif m.group("mon") and after == default_role:
            role = "monitor"
        segments.append((pos, m.start(), role))
        after = "support" if m.group("sup") else "__drop" if (m.group("adv") or m.group("mon")) else default_role
        pos = m.end()
    segments.append((pos, len(t), after))
    out: list[tuple[UnitSpan, str]] = []
    for s, e, role in segments:
        if role == "__drop":
            continue
        seg = t[s:e]
        p = 0
        n_seg = len(out)
        comma = False
        while p < len(seg):
            headless = parse_unit(seg, p) is None
            ul = parse_unit_list(seg, p, cell=True)
            if ul is None:
                break
            first = ul.units[0]
            if (headless and comma and len(out) > n_seg and first.raw[:1].islower()
                    # "…, doanh nghiệp", "…, cơ sở khám bệnh": a noun of bodies is a unit of its own, no name part (but
                    # a department's or a sector's noun goes on a set phrase: "Các Bộ, ban, ngành")
                    and not _own_kind_of_body(first.raw)):
                # "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh": a lower-case part after a
                # comma continues the name before it, it is not a unit of its own
                prev, prole = out[-1]
                out[-1] = (UnitSpan(prev.start, s + first.end, f"{prev.raw}, {first.raw}", prev.head_of_body,
                                    prev.plural, prev.bare), prole)
                ul.units = ul.units[1:]
            for u in ul.units:
                if _meaningful(u.raw):
                    out.append((UnitSpan(s + u.start, s + u.end, u.raw, u.head_of_body, u.plural, u.bare,
                                         written=u.written), role))
            nxt = _CELL_SEP.match(seg, ul.end, timeout=rx_timeout(seg))
            comma = bool(nxt) and nxt.group(0).strip() == ","
            if not nxt or nxt.end() <= p:
                break
            p = nxt.end()
    return tuple(out)


def _own_kind_of_body(raw: str) -> bool:
    """``raw`` opens with a plural noun of bodies written bare that is no department, sector or part of one."""
    m = _BARE_PLURAL.match(raw, 0, timeout=rx_timeout(raw))
    return (m is not None and _bare_plural(raw, 0) is not None
            and not _kinds(m.group(0)) & {"dept", "central", "sub", "level"})


_CELL_SEP = regex.compile(r"[ ]*(?:[,;.]|và)[ ]*", regex.V1)


# a generic noun alone names no body: a task table's column heading ("Cơ quan chủ trì", "a) Đơn vị phối hợp")
_GENERIC_ALONE = regex.compile(r"^(?:\(?[a-z0-9]{1,3}[).][ ]*)?(?:co[ ]quan|don[ ]vi)$", regex.V1)


def _meaningful(raw: str) -> bool:
    f = fold(raw)
    return (len(f) >= 3 and f not in {"cac", "va"} and not f.startswith(("theo ", "x ")) and not is_vague(raw)
            and not _GENERIC_ALONE.match(f, timeout=RX_TIMEOUT))


def is_vague(raw: str) -> bool:
    """"các cơ quan, đơn vị liên quan", "cơ quan, địa phương có liên quan": nobody in particular."""
    words = raw.split()
    return fold(raw).endswith("lien quan") and not any(w[:1].isupper() for w in words[1:])


# --------------------------------------------------------------------------
# Canonical names
# --------------------------------------------------------------------------

_HOB_PREFIX = regex.compile(r"^" + _HOB + r"\s+(?=\S)", regex.V1 | regex.IGNORECASE)
# a person named before the title that heads his body ("Lê Văn A – Phó Chủ tịch UBND xã"): the body is the unit
_PERSON_BEFORE_TITLE = regex.compile(r"^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}*)?(?:[ ]\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}*)?){1,4}[ ]*[-–—][ ]*"
                                     r"(?=" + _HOB + r"[ ]+\S)", regex.V1)
_ABBREV_TOKEN = regex.compile(r"(?<![\p{L}\p{N}])[A-ZĐ][A-ZĐ0-9&]*(?:\s?[-–]\s?[A-ZĐ][A-ZĐ0-9&]*)*(?![\p{L}\p{N}])",
                              regex.V1)
_DISTRIBUTIVE = regex.compile(r"^(?:các|Các)\s+(?=(?:Phòng|Khoa|Ban|Trạm|Tổ|Sở)\s+[A-ZĐ])", regex.V1)


# OCR drops the space after the one-letter syllable "Y" ("Sở Ytế"): no Vietnamese syllable has a
# consonant right after its initial "y", so "Y" + consonant is two syllables glued
_GLUED_Y = regex.compile(r"(?<![\p{L}\p{N}])Y(?=[bcdđghklmnpqrstvx]\p{Ll}*(?![\p{L}\p{N}]))", regex.V1)


_DOUBLED_HEAD = regex.compile(r"^(\p{L}+)\s+\1\s", regex.V1)


@lru_cache(maxsize=4096)
def canonical_name(raw: str) -> str:
    """The canonical (full) name of a unit as written (see module doc)."""
    t = squash_spaces(raw.replace("\n", " "))
    t = _OLD_TONE_RX.sub(lambda m: _OLD_TONES[m.group(0)], t, timeout=RX_TIMEOUT)
    t = _GLUED_Y.sub("Y ", t, timeout=RX_TIMEOUT)
    mp = _PERSON_BEFORE_TITLE.match(t, timeout=rx_timeout(t))
    if mp is not None and _match_head(t, 0) is None:
        t = t[mp.end():]  # "Lê Văn A – Chủ tịch Hội Nông dân xã" → "Chủ tịch Hội Nông dân xã" → "Hội Nông dân xã"
    body = _HOB_PREFIX.sub("", t, count=1, timeout=RX_TIMEOUT)
    if body != t:
        # "Chủ tịch công đoàn các đơn vị" → "Công đoàn các đơn vị"; "Trưởng các khoa" → "Các khoa"
        t = body
    # "Các Bộ trưởng": the ministers head the ministries
    # a minister named without his ministry ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ …") is each minister
    t = regex.sub(r"^(?:[Cc]ác\s+)?Bộ\s+trưởng$", "Các bộ", t, timeout=RX_TIMEOUT)
    t = regex.sub(r"^([Cc]ác)\s+các\s+", r"\1 ", t, timeout=RX_TIMEOUT)  # "Các các …": a doubled word
    t = _DISTRIBUTIVE.sub("", t, timeout=RX_TIMEOUT)
    # "Khoa Khoa học máy tính" as written: the doubled word opens a word of the name ("Khoa học"); a doubled
    # word before a capital is a slip ("Phòng Phòng Nội vụ")
    dm = _DOUBLED_HEAD.match(t, timeout=rx_timeout(t))
    doubled = dm is not None and t[dm.end():dm.end() + 1].islower()
    t = _ABBREV_TOKEN.sub(lambda m: _expand_abbrev(m.group(0)), t, timeout=RX_TIMEOUT)
    t = regex.sub(r"\s*[-–—]\s*", " - ", t, timeout=RX_TIMEOUT)
    t = regex.sub(r"\s*,\s*", ", ", t, timeout=RX_TIMEOUT)
    t = squash_spaces(t)
    # the head word doubled by an expansion that carries it ("Phòng Phòng …"); a name whose first word is
    # its head's word ("Khoa Khoa học máy tính", "Ban Ban hành …") keeps both
    if not doubled:
        t = _DOUBLED_HEAD.sub(r"\1 ", t, count=1, timeout=RX_TIMEOUT)
    return t[:1].upper() + t[1:] if t else t


def _expand_abbrev(tok: str) -> str:
    key = regex.sub(r"\s*[-–]\s*", "-", tok, timeout=RX_TIMEOUT)
    if key in INTERNAL_ABBREVS:
        return INTERNAL_ABBREVS[key]
    if key.replace("-", "") in INTERNAL_ABBREVS and "-" not in INTERNAL_ABBREVS.get(key.replace("-", ""), "-"):
        return INTERNAL_ABBREVS[key.replace("-", "")]
    # compound of known parts: "TCHC-TCKT", "TC-HC-TC-KT"
    parts = key.split("-")
    if len(parts) > 1:
        out, i = [], 0
        while i < len(parts):
            two = "-".join(parts[i:i + 2])
            if i + 1 < len(parts) and two in INTERNAL_ABBREVS:
                out.append(INTERNAL_ABBREVS[two])
                i += 2
            elif parts[i] in INTERNAL_ABBREVS and len(parts[i]) >= 3:
                out.append(INTERNAL_ABBREVS[parts[i]])
                i += 1
            else:
                return tok
        return " - ".join(out)
    if len(key) >= 3:
        from core.domain import issuer_by_code

        exp = issuer_by_code(key)
        if exp and "/" not in exp and "(" not in exp and "—" not in exp and len(exp) < 60:
            return exp
    return tok


# --------------------------------------------------------------------------
# A category, then its members ("các sở: Tư pháp, Tài chính, Xây dựng")
# --------------------------------------------------------------------------

_MEMBER_SEP = regex.compile(r"[ ]*+(?:,[ ]*+(?:và[ ]+)?|;[ ]*+)|[ ]+và[ ]+", regex.V1)  # possessive: linear on a run of spaces
_LAST_CAC = regex.compile(r"(?i)(?:^|\s)các\s+(?!.*\scác\s)", regex.V1)


# names that hold a comma of their own: a member list does not split them
_COMMA_NAME = regex.compile(r"(?:Văn[ ]hóa|Văn[ ]hoá),[ ]*Thể[ ]thao[ ]và[ ]Du[ ]lịch(?!\p{L})", regex.V1 | regex.IGNORECASE)
# the second field of a department's double name ("Tài nguyên và Môi trường", "Kế hoạch và Đầu tư"): a
# closed class (the fields of the state's ministries and departments); after it "và" joins two fields of
# one member, not two members; a dashed name goes on after "và" too ("Lao động - Thương binh và Xã hội")
_FIELD_PAIR = regex.compile(
    r"(?:Môi[ ]trường|Đầu[ ]tư|Đào[ ]tạo|Công[ ]nghệ|Truyền[ ]thông|Phát[ ]triển[ ]nông[ ]thôn|Xã[ ]hội|Du[ ]lịch"
    r"|Thể[ ]thao|Thương[ ]mại|Công[ ]nghiệp)(?!\p{L})", regex.V1 | regex.IGNORECASE)
# what closes a member: a separator, the end ("Ngoại giao." — "giao" closes the name, it opens no predicate)
_MEMBER_CLOSE = regex.compile(r"[ ]*(?:[,;.:)]|và[ ]+\p{Lu}|$)", regex.V1)
_MEMBER_END_WORDS = frozenset({"trong", "trên", "dưới", "ở", "thuộc", "có", "cũng", "đều", "vẫn", "chưa", "nay"})


_RUN_AFTER = regex.compile(r"[ ]*(?:[,;.:()]|và[ ]+[\p{Lu}\d]|$)", regex.V1)


def _lower_run(text: str, pos: int, most: int = 3) -> int | None:
    """End of a run of at most ``most`` lower-case words at ``pos`` that closes a member's name (a separator
    or the end follows it), or None."""
    end, n = pos, 0
    while n < most:
        q = _skip_spaces(text, end)
        w = _WORD.match(text, q, timeout=rx_timeout(text))
        if not w or _is_upper_start(w.group(0)) or (n and q == end):
            break
        if w.group(0) == "và":
            break
        if w.group(0) in _MEMBER_END_WORDS or _STOP_RX.match(text, q, timeout=rx_timeout(text)):
            return None
        end, n = w.end(), n + 1
    if n == 0 or not _RUN_AFTER.match(text, end, timeout=rx_timeout(text)):
        return None
    return end


def read_members(text: str, pos: int) -> tuple[list[tuple[int, int]], int] | None:
    """The names listed at ``pos`` after a category and a colon ("Tư pháp, Nông nghiệp và Môi trường, Xây
    dựng rà soát …"): each member's (start, end), and where the list ends. A member is capitalised and runs
    until a separator or a predicate word; "và" inside the first member joins its parts ("Nông nghiệp và Môi
    trường"), after it "và" joins the last member."""
    items: list[tuple[int, int]] = []
    p = _skip_spaces(text, pos)
    while p < len(text):
        w = _WORD.match(text, p, timeout=rx_timeout(text))
        if not w or not _is_upper_start(w.group(0)):
            break
        start, end = p, w.end()
        cn = _COMMA_NAME.match(text, p, timeout=rx_timeout(text))
        if cn:
            end = cn.end()  # "Văn hóa, Thể thao và Du lịch": one name with a comma of its own
        while True:
            q = _skip_spaces(text, end)
            if q < len(text) and text[q] in "-–":
                # "Lao động - Thương binh và Xã hội": a dash joins the parts of one name
                r = _skip_spaces(text, q + 1)
                w3 = _WORD.match(text, r, timeout=rx_timeout(text))
                if not w3 or not _is_upper_start(w3.group(0)):
                    break
                end = w3.end()
                continue
            w2 = _WORD.match(text, q, timeout=rx_timeout(text))
            if not w2 or q == end:
                break
            word = w2.group(0)
            if word == "và":
                r = _skip_spaces(text, w2.end())
                w3 = _WORD.match(text, r, timeout=rx_timeout(text))
                if not w3 or not _is_upper_start(w3.group(0)):
                    break
                if items and not _FIELD_PAIR.match(text, r, timeout=rx_timeout(text)) and "-" not in text[start:end]:
                    break  # after the first member "và" joins the last one ("Tư pháp, Tài chính và Xây dựng")
                end = w3.end()
                continue
            if not _is_upper_start(word):
                # a name's capitalised syllable takes the next one ("Xây dựng", "Tư pháp", "Tài nguyên và
                # Môi trường"); a few more lower-case words end a short name ("Giao thông vận tải") when a
                # separator follows them; a longer run is the predicate ("Xây dựng thẩm định hồ sơ …")
                prev = text[start:end].split()
                if (prev and _is_upper_start(prev[-1]) and (len(prev) == 1 or not _is_upper_start(prev[-2]))
                        and word not in _MEMBER_END_WORDS and word != "và"
                        and (not _STOP_RX.match(text, q, timeout=rx_timeout(text))
                             or _MEMBER_CLOSE.match(text, w2.end(), timeout=rx_timeout(text)))):
                    end = w2.end()
                    continue
                run_end = _lower_run(text, q)
                if run_end is None:
                    break
                end = run_end
                continue
            end = w2.end()
        items.append((start, end))
        sep = _MEMBER_SEP.match(text, end, timeout=rx_timeout(text))
        if not sep:
            break
        nxt = _WORD.match(text, sep.end(), timeout=rx_timeout(text))
        if not nxt or not _is_upper_start(nxt.group(0)) or _starts_unit(text, sep.end()):
            break
        p = sep.end()
    if len(items) < 2:
        return None
    return items, items[-1][1]


def member_units(category: UnitSpan, text: str, pos: int) -> tuple[list[UnitSpan], int] | None:
    """"Các sở: Tư pháp, Tài chính" → "Sở Tư pháp", "Sở Tài chính"; "UBND các xã: A, B" → "UBND xã A", …"""
    raw = category.raw
    m = _LAST_CAC.search(raw, timeout=rx_timeout(raw))
    if m is None:
        return None
    nouns = raw[m.end():]
    if "," in nouns:
        # "các sở, ngành: Tư pháp; Xây dựng": the members are named by the first noun ("Sở Tư pháp")
        nouns = nouns.split(",")[0].rstrip()
    single = (raw[:m.start()] + (" " if m.start() else "") + nouns).strip()
    if not single:
        return None
    single = single[:1].upper() + single[1:]
    got = read_members(text, pos)
    if got is None:
        return None
    items, end = got
    out = []
    for s, e in items:
        u = UnitSpan(s, e, squash_spaces(text[s:e].replace("\n", " ")))
        u.spell_out(f"{single} {u.raw}")
        out.append(u)
    return out, end
