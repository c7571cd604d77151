"""Obligations read from task tables: one per row of a table with a unit column, and tables that a
text extraction flattened into paragraphs (see ``extractors.obligations`` for the whole picture)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core import regex_cached as regex

from extractors.deadlines import find_deadlines
from extractors.obligation_builder import CLOSING, Draft, ObligationBuilder, clean_action, last_year, report_to
from extractors.recurrence import find_recurrences
from extractors.units import UnitSpan, parse_unit_list, split_unit_cell
from core.model import Cell, Loc, Obligation, Paragraph, Table
from core.textutil import RX_TIMEOUT, fold, rx_timeout, squash_spaces

# table column headers
_COL_UNIT = regex.compile(r"don vi|co quan|bo phan|trach nhiem|chu tri|phoi hop|nguoi thuc hien|phu trach"
                          # the doers' column headed by the verb alone or by who they are ("Thực hiện", "Đối tượng thực hiện")
                          r"|^(?:doi tuong|ca nhan|thanh phan|luc luong|ben)?[ ]?thuc hien$")
_COL_TIME = regex.compile(r"thoi gian|thoi han|han hoan thanh|tien do|thoi diem"
                          # the span of the work or its milestones as the title ("Giai đoạn thực hiện", "Lộ trình",
                          # "Mốc hoàn thành"); a span inside the task column's title ("Nhiệm vụ giai đoạn 2026-2030") is not
                          r"|^(?:giai doan|lo trinh)(?:[ ](?:thuc hien|trien khai|hoan thanh))?$|^moc(?:[ ]\p{L}+){0,2}$")
_COL_CONTENT = regex.compile(r"noi dung|nhiem vu|cong viec|tieu chi|hoat dong|giai phap|linh vuc")
_COL_CODE = regex.compile(r"^(?:s ?t ?t|tt|so tt|ma)$")
# the columns of a list of administrative procedures ("Tên thủ tục hành chính", "Tên TTHC", "Phí, lệ phí", "Căn cứ
# pháp lý"): the body in its "Cơ quan thực hiện" column handles citizens' files, it is given no task
_COL_PROCEDURE = regex.compile(r"^(?:ten )?(?:thu tuc hanh chinh|tthc)(?![a-z])|^phi,? le phi$|^can cu phap ly$")
# a column of persons: its title opens with a word for a person ("Cá nhân phụ trách", "Người theo dõi", "Đồng chí
# chỉ đạo", "Lãnh đạo phụ trách")
_COL_PEOPLE = regex.compile(r"(?:ca nhan|nguoi|dong chi|lanh dao)(?![a-z])")
# a column of the bodies that follow up on the task ("Theo dõi, kiểm tra, đôn đốc", "Cơ quan theo dõi",
# "Kiểm tra, giám sát", "Đơn vị đôn đốc"): the title starts with the checking verb, or a body word then it
_COL_MONITOR = regex.compile(
    r"^(?:(?:co quan|don vi|bo phan|nguoi|trach nhiem|phu trach)[ ,]+)?(?:theo doi|kiem tra|giam sat|don doc)\b"
)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Columns:
    content: int | None = None
    code: int | None = None
    time: int | None = None
    units: list[tuple[int, str]] = field(default_factory=list)  # (col, role)


def _unit_col_role(h: str) -> str:
    if "chu tri" in h:
        return "lead"
    if "phoi hop" in h:
        return "support"
    if "trach nhiem" in h:
        return "responsible"
    return "lead"


def _columns(headers: list[str]) -> _Columns | None:
    cols = _Columns()
    for i, h0 in enumerate(headers):
        h = fold(h0)
        if not h:
            continue
        if _COL_CODE.match(h.replace(".", "").strip(), timeout=RX_TIMEOUT) and cols.code is None:
            cols.code = i
        elif _COL_TIME.search(h, timeout=rx_timeout(h)) and "don vi" not in h:
            cols.time = i
        elif _COL_MONITOR.match(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(h, timeout=RX_TIMEOUT):
            cols.units.append((i, "monitor"))
        elif _COL_UNIT.search(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(h, timeout=RX_TIMEOUT) and "kiem chung" not in h:
            cols.units.append((i, _unit_col_role(h)))
        elif _COL_CONTENT.search(h, timeout=rx_timeout(h)) and cols.content is None:
            cols.content = i
    if cols.content is None or all(role == "monitor" for _c, role in cols.units):
        return None  # no column of bodies doing the task
    # a column of the people in charge beside one of bodies ("Cơ quan chủ trì" | "Cá nhân phụ trách chỉ đạo",
    # "Đơn vị thực hiện" | "Người phụ trách", "Lãnh đạo phụ trách"): its cells name persons, no bodies
    people = [c for c, _r in cols.units if _COL_PEOPLE.match(fold(headers[c]), timeout=RX_TIMEOUT)]
    if people and len(people) < len(cols.units):
        cols.units = [(c, r) for c, r in cols.units if c not in people]
    return cols


def _header_only_columns(headers: list[str]) -> _Columns:
    """What the headers say even when they name no column of bodies doing the task: the task, code and time
    columns, and a column of bodies following it up."""
    cols = _Columns()
    for i, h0 in enumerate(headers):
        h = fold(h0)
        if not h:
            continue
        if _COL_CODE.match(h.replace(".", "").strip(), timeout=RX_TIMEOUT) and cols.code is None:
            cols.code = i
        elif _COL_TIME.search(h, timeout=rx_timeout(h)) and "don vi" not in h and cols.time is None:
            cols.time = i
        elif _COL_MONITOR.match(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(h, timeout=RX_TIMEOUT):
            cols.units.append((i, "monitor"))
        elif _COL_CONTENT.search(h, timeout=rx_timeout(h)) and cols.content is None:
            cols.content = i
    return cols


def _headers(grid: list[list[Cell | None]], hdr_rows: int, n_cols: int) -> list[str]:
    headers = []
    for c in range(n_cols):
        parts: list[str] = []
        for r in range(min(hdr_rows, len(grid))):
            cell = grid[r][c]
            if cell is not None and cell.text not in parts:
                parts.append(cell.text)
        headers.append(" ".join(parts))
    return headers


# words of a responsibility cell that are no part of a name: its role verbs and list joints
_CELL_JOINT = regex.compile(
    r"[\s,;.:\-+•*()]*(?:(?:chủ[ ]trì|phối[ ]hợp(?:[ ](?:với|cùng))?|thực[ ]hiện|tham[ ]mưu|và|cùng|với)(?!\p{L})[\s,;.:\-]*)*",
    regex.V1 | regex.IGNORECASE,
)
_LETTER = regex.compile(r"\p{L}", regex.V1)
# a cell of names starts with one (a capital head word, "các …") or with a role word or a bullet before it
_UNIT_START = regex.compile(r"[\s\-+•*(]*(?:\p{Lu}|các\b|chủ[ ]trì|phối[ ]hợp)", regex.V1)


# people by their role, the doers of a schedule's rows ("Sinh viên", "Giảng viên hướng dẫn", "Học viên; cố vấn học tập")
_PERSON = (r"(?:(?:các|toàn[ ]thể|tất[ ]cả)[ ]+)?(?:người(?=[ ]\p{L})|cá[ ]nhân|cán[ ]bộ|công[ ]chức|viên[ ]chức|nhân[ ]viên"
           r"|sinh[ ]viên|học[ ]sinh|học[ ]viên|nghiên[ ]cứu[ ]sinh|giảng[ ]viên|giáo[ ]viên|giám[ ]thị|thí[ ]sinh"
           r"|cố[ ]vấn[ ]học[ ]tập|trợ[ ]giảng|kỹ[ ]thuật[ ]viên|thư[ ]ký|tác[ ]giả|chủ[ ]nhiệm[ ](?:lớp|đề[ ]tài|khoa)"
           r"|GVCN|GVHD|GVBM|CVHT|NCS)(?!\p{L})(?:[ ]+\p{Ll}+){0,3}")
_PERSON_CELL = regex.compile(r"[\s\-+•*]*" + _PERSON + r"(?:[ ]*(?:[,;/]|[ ]và(?=[ ])|[ ]hoặc(?=[ ]))[ ]*" + _PERSON + r"){0,5}[ ]*[.;,]?[ ]*",
                             regex.V1 | regex.IGNORECASE)


# a role as the subject of a task cell: the role and the few words that name a kind of it, never the verb after
_PERSON_SUBJECT = regex.compile(
    r"[\s\-+•*]*(?P<np>(?:(?:các|toàn[ ]thể)[ ]+)?(?:sinh[ ]viên|học[ ]sinh|học[ ]viên|nghiên[ ]cứu[ ]sinh|giảng[ ]viên|giáo[ ]viên"
    r"|giám[ ]thị|thí[ ]sinh|cố[ ]vấn[ ]học[ ]tập|GVCN|GVHD|CVHT)(?:[ ](?:hướng[ ]dẫn|chủ[ ]nhiệm(?:[ ]lớp)?|bộ[ ]môn|coi[ ]thi"
    r"|chấm[ ](?:thi|bài|báo[ ]cáo(?:[ ]thực[ ]tập)?|luận[ ]văn|khóa[ ]luận)|phản[ ]biện))?)(?!\p{L})",
    regex.V1 | regex.IGNORECASE)


def _is_person_cell(text: str) -> bool:
    """A cell naming people by their role and nothing else ("Sinh viên; Giảng viên hướng dẫn")."""
    t = squash_spaces(text.replace("\n", " "))
    return 0 < len(t) <= 120 and bool(_PERSON_CELL.fullmatch(t, timeout=rx_timeout(t)))


def _is_unit_cell(text: str) -> bool:
    """A cell that names bodies and nothing else ("Phòng Tư pháp chủ trì; UBND các xã", "Lãnh đạo Sở
    Nội vụ"): units with a head word cover nearly all its letters; or people by their role."""
    t = squash_spaces(text.replace("\n", " "))
    if _is_person_cell(t):
        return True
    if not t or len(t) > 250 or not _UNIT_START.match(t, timeout=rx_timeout(t)):
        return False
    pos, covered, joints, n = 0, 0, 0, 0
    while pos < len(t):
        j = _CELL_JOINT.match(t, pos, timeout=rx_timeout(t))
        if j:
            joints += len(_LETTER.findall(j.group(0), timeout=rx_timeout(j.group(0))))
            pos = j.end()
        if pos >= len(t):
            break
        ul = parse_unit_list(t, pos)
        if ul is None or ul.end <= pos:
            break
        covered += len(_LETTER.findall(t[pos:ul.end], timeout=rx_timeout(t[pos:ul.end])))
        n += sum(1 for u in ul.units if not u.bare)
        pos = ul.end
    letters = len(_LETTER.findall(t, timeout=rx_timeout(t)))
    return n > 0 and letters > joints and covered >= 0.8 * (letters - joints)


_TIME_WORDS = regex.compile(
    r"(?:thường[ ]xuyên|hằng|hàng|mỗi|định[ ]kỳ|quý[ ]+(?:I|II|III|IV|[1-4])\b|tháng[ ]+\d|năm[ ]+(?:19|20)\d\d"
    r"|\d{1,2}[/.\-]\d{1,2}|trước|chậm[ ]nhất|tuần)",
    regex.V1 | regex.IGNORECASE,
)


def _is_time_cell(text: str) -> bool:
    """A short cell that holds a time: a date, a period, a recurrence, "Thường xuyên"."""
    t = squash_spaces(text.replace("\n", " "))
    return 0 < len(t) <= 80 and bool(_TIME_WORDS.search(t, timeout=rx_timeout(t)))


def _columns_by_content(grid: list[list[Cell | None]], first: int, n_cols: int, headers: list[str],
                        cols: _Columns | None) -> _Columns | None:
    """Columns recognised by what their cells hold, where the headers did not name a column of bodies:
    a column whose cells are unit names, one whose cells are times, and the longest texts as the task."""
    body = [row for r, row in enumerate(grid) if r >= first]
    if len(body) < 2 or n_cols < 3:
        return None
    cols = cols or _Columns()
    monitors = [(c, role) for c, role in cols.units if role == "monitor"]
    taken = {c for c in (cols.content, cols.code, cols.time) if c is not None} | {c for c, _r in monitors}
    stats: list[tuple[int, int, int, float]] = []  # (unit cells, time cells, filled, mean length)
    for c in range(n_cols):
        texts = [row[c].text for r, row in enumerate(body) if row[c] is not None and row[c].row == first + r
                 and row[c].text.strip()]
        filled = len(texts)
        mean = sum(len(x) for x in texts) / filled if filled else 0.0
        short = filled >= 2 and c not in taken and mean <= 250
        units = sum(1 for x in texts if _is_unit_cell(x)) if short else 0
        times = sum(1 for x in texts if _is_time_cell(x)) if short else 0
        stats.append((units, times, filled, mean))
    unit_cols = [c for c in range(n_cols) if c not in taken and "tinh" not in fold(headers[c]).split()
                 and stats[c][2] >= 2 and stats[c][0] >= 0.6 * stats[c][2]]
    if not unit_cols:
        return None
    if cols.time is None:
        times = [c for c in range(n_cols) if c not in taken and c not in unit_cols and stats[c][2] >= 2
                 and stats[c][1] >= 0.6 * stats[c][2]]
        if times:
            cols.time = times[0]
            taken.add(times[0])
    if cols.content is None:
        rest = [c for c in range(n_cols) if c not in taken and c not in unit_cols and stats[c][3] >= 15]
        if not rest:
            return None
        cols.content = max(rest, key=lambda c: stats[c][3])
    cols.units = [(c, _unit_col_role(fold(headers[c]))) for c in unit_cols] + monitors
    return cols


# a task's first word after its subject: a lower-case word ("Khoa thông báo …", "UBND các xã rà soát …")
_VERB_AFTER = regex.compile(r"[ ]*(?:có[ ]trách[ ]nhiệm[ ]|chủ[ ]trì[ ]|phải[ ]|cần[ ])?\p{Ll}", regex.V1)


def _cell_subject(text: str) -> tuple[list[UnitSpan], str]:
    """The bodies a task cell opens with, as the subject of its verb ("Phòng Đào tạo tổng hợp kết quả"),
    and the task after them."""
    flat, _where = _text_locs(text)
    ul = parse_unit_list(flat, 0)
    if ul is None or not ul.units or not _VERB_AFTER.match(flat, ul.end, timeout=rx_timeout(flat)):
        # people by their role as the subject ("Sinh viên nộp đề cương …", "Giảng viên hướng dẫn chấm …")
        m = _PERSON_SUBJECT.match(flat, timeout=rx_timeout(flat))
        if m is None or not _VERB_AFTER.match(flat, m.end(), timeout=rx_timeout(flat)):
            return [], flat
        name = m.group("np")
        return [UnitSpan(m.start("np"), m.end("np"), name[0].upper() + name[1:], written=name)], flat[m.end():].strip()
    return [u for u in ul.units if not u.bare], flat[ul.end:].strip()


def _subject_columns(grid: list[list[Cell | None]], first: int, n_cols: int, headers: list[str],
                     cols: _Columns | None) -> _Columns | None:
    """A table of tasks and times without a column of bodies, whose task cells name their doer: the
    task column (named, else the longest texts) and the time column (named, else found by its cells)."""
    found = _task_time_columns(grid, first, n_cols, cols)
    if found is None:
        return None
    cols, filled = found
    with_subject = sum(1 for x in filled[cols.content] if _cell_subject(x)[0])  # type: ignore[index]
    if with_subject < 2 or with_subject < 0.4 * len(filled[cols.content]):  # type: ignore[index]
        return None
    return cols


# a clock time ("8 giờ 00", "14h30", "7:30"): a time cell holding one is an agenda's, not a due time
# or a part of a day ("Sáng ngày 24/11", "chiều thứ Năm")
_CLOCK = regex.compile(r"\d[ ]?(?:giờ|h(?:[ ]?\d{2})?(?!\p{L})|:[ ]?\d{2})|(?<!\p{L})(?:sáng|chiều|tối)[ ]+(?:ngày|thứ)(?!\p{L})",
                       regex.V1 | regex.IGNORECASE)


def _due_columns(grid: list[list[Cell | None]], first: int, n_cols: int, cols: _Columns | None) -> _Columns | None:
    """A table of tasks and their due times that names no doer at all (the heading above it does: "1. Phòng Kế
    hoạch (6 nhiệm vụ):", or nobody): the task column and the time column, where most time cells hold a due date,
    a period or a rule, and none a clock time (an agenda's hours are no due dates)."""
    found = _task_time_columns(grid, first, n_cols, cols)
    if found is None:
        return None
    cols, filled = found
    times = filled[cols.time]  # type: ignore[index]
    if any(_CLOCK.search(x, timeout=rx_timeout(x)) for x in times):
        return None
    tasks = filled[cols.content]  # type: ignore[index]
    if sum(1 for x in tasks if _is_unit_cell(x)) >= 0.5 * len(tasks):
        return None  # a schedule of visits: the bodies visited, each on its day, are no tasks
    # (of the cells that hold a time: a header row left in the body, "Ngày", holds none)
    due = sum(1 for x in times if find_deadlines(_one_line(x), "2000", in_time_column=True) or find_recurrences(_one_line(x)))
    if due < 2 or due < 0.6 * sum(1 for x in times if _is_time_cell(x)):
        return None
    return cols


def _task_time_columns(grid: list[list[Cell | None]], first: int, n_cols: int,
                       cols: _Columns | None) -> tuple[_Columns, dict[int, list[str]]] | None:
    """The task column (named, else the longest texts) and the time column (named, else found by its cells) of a
    table with no column of bodies, and the filled cells of each column."""
    body = [row for row in grid[first:]]
    if len(body) < 2 or n_cols < 2:
        return None
    cols = replace(cols) if cols is not None else _Columns()
    if cols.units:
        return None
    taken = {c for c in (cols.code,) if c is not None}
    filled: dict[int, list[str]] = {}
    for c in range(n_cols):
        filled[c] = [row[c].text for r, row in enumerate(body) if row[c] is not None and row[c].row == first + r
                     and row[c].text.strip()]
    if cols.time is None:
        times = [c for c in range(n_cols) if c not in taken and len(filled[c]) >= 2
                 and sum(1 for x in filled[c] if _is_time_cell(x)) >= 0.6 * len(filled[c])]
        if not times:
            return None
        cols.time = times[0]
    if cols.content is None:
        rest = [c for c in range(n_cols) if c not in taken and c != cols.time and filled[c]]
        if not rest:
            return None
        cols.content = max(rest, key=lambda c: sum(len(x) for x in filled[c]) / len(filled[c]))
    return cols, filled


def _text_locs(text: str) -> tuple[str, list[int]]:
    """``text`` as ``split_unit_cell`` reads it (line breaks and runs of spaces as one space, trimmed,
    a leading bullet dropped) and, for each of its characters, its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            continue
        out.append(ch)
        where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    k = 0
    while k < len(out) and out[k] in " -+•*":
        k += 1
    return "".join(out[k:]), where[k:]


_LABEL_REST = regex.compile(r"^[\s:;,.\-–+•*]+", regex.V1)


def _trim_labels(units: list[tuple[UnitSpan, str]]) -> list[tuple[UnitSpan, str]]:
    """A role label's colon left before a name ("Chủ trì: Phòng Y tế; Phối hợp: Công an huyện") is no
    part of it."""
    out = []
    for u, role in units:
        m = _LABEL_REST.match(u.raw, timeout=rx_timeout(u.raw))
        if m and m.end() < len(u.raw):
            u = replace(u, start=u.start + m.end(), raw=u.raw[m.end():])
        out.append((u, role))
    return out


def _place_cell_units(t: Table, cell: Cell, units: list[tuple[UnitSpan, str]]) -> None:
    """Give each unit read from ``cell`` the loc of its own words in the cell."""
    flat, where = _text_locs(cell.text)
    base = t.cell_loc(cell)
    for u, _role in units:
        if not isinstance(u, UnitSpan):
            continue
        s, e = u.start, u.end
        if not (0 <= s < e <= len(flat)) or squash_spaces(flat[s:e]) != squash_spaces(u.as_written):
            # the words were joined or moved ("A, b" continued): find the name as written near its place
            m = _find_words(flat, u.as_written, s)
            if m is None:
                continue
            s, e = m
        u.loc = base.span(where[s], where[e - 1] + 1)


def _find_words(text: str, raw: str, near: int) -> tuple[int, int] | None:
    words = raw.split()
    if not words:
        return None
    rx = regex.compile(r"\s*".join(regex.escape(w) for w in words), regex.V1 | regex.IGNORECASE)
    best = None
    for m in rx.finditer(text, timeout=RX_TIMEOUT):
        if best is None or abs(m.start() - near) < abs(best[0] - near):
            best = (m.start(), m.end())
    return best


# a cell outside the time and task columns is read for a time only when it has a digit or a period word
_MAY_HOLD_TIME = regex.compile(r"\d|hằng|hàng|mỗi|định[ ]kỳ|cuối|quý|lần", regex.V1 | regex.IGNORECASE)


# a row naming an event rather than a task ("Bảo vệ khóa luận", "Lễ trao bằng", "Hội nghị sơ kết", "Thi học kỳ", "Công
# tác phản biện"): in a table that names no doer, its date is the event's, not a due date
_EVENT = regex.compile(r"[\s\-+•*]*(?:lễ|hội[ ](?:nghị|thảo|thi|diễn)|buổi|khai[ ](?:mạc|giảng)|bế[ ]mạc|bảo[ ]vệ|kỳ[ ]thi|thi|ngày[ ]hội"
                       r"|công[ ]tác|giai[ ]đoạn|đợt|phiên)(?!\p{L})", regex.V1 | regex.IGNORECASE)


def _one_line(text: str) -> str:
    """A cell's text with its line breaks as spaces: the same offsets as the cell."""
    return text.replace("\n", " ")


def _continues_group(row: list[Cell | None], r: int, cols: _Columns, others: list[int], txt) -> bool:
    """Whether a row with an empty task cell is the next step of the task written above: no number of its own, a
    step written in a column of its own (not a time), and doers or a time of its own."""
    if txt(cols.code):
        return False
    step = any(row[c] is not None and row[c].row == r and _LETTER.search(txt(c), timeout=RX_TIMEOUT)
               and not _is_time_cell(txt(c)) for c in others)
    own = [c for c, _r in cols.units] + ([cols.time] if cols.time is not None else [])
    return step and any(row[c] is not None and row[c].row == r and txt(c) for c in own)


def read_table(b: ObligationBuilder, t: Table, context: list[tuple[UnitSpan | str, str]] | None = None) -> None:
    """The tasks of ``t``, one per row.  ``context``: the units the document gives the rows that name none (the
    subject of the heading or lead-in above the table: "1. Phòng Kế hoạch (6 nhiệm vụ):", "Sinh viên lưu ý:"), given
    them as implied; with them, a table of tasks and due times with no column of doers, a row of a schedule naming no
    doer and a numbered row with an empty or unreadable doer cell give their tasks and due dates."""
    grid = t.grid()
    if not grid:
        return
    hdr_rows = t.header_rows or 1
    headers = _headers(grid, hdr_rows, t.n_cols)
    if any(_COL_PROCEDURE.search(fold(h), timeout=RX_TIMEOUT) for h in headers):
        return  # a list of administrative procedures, each with the body that handles it: no tasks
    cols = _columns(headers)
    by_content = cols is None
    subjects = due_only = False
    if by_content:
        # the headers name no column of bodies ("Phân công", "Đầu mối"): read the columns by their cells
        first = t.header_rows
        named = headers if first else [""] * t.n_cols
        cols = _columns_by_content(grid, first, t.n_cols, named, _header_only_columns(headers) if first else None)
        if cols is None:
            # no column of bodies at all: a schedule whose tasks name their doer ("Phòng Đào tạo tổng hợp …")
            cols = _subject_columns(grid, first, t.n_cols, named, _header_only_columns(headers) if first else None)
            subjects = cols is not None
        if cols is None and context:
            # no doer anywhere in the table: its rows' tasks and due times are those of the units the document gives
            cols = _due_columns(grid, first, t.n_cols, _header_only_columns(headers) if first else None)
            subjects = due_only = cols is not None
        if cols is None:
            return
        hdr_rows = first
    hdr_key = fold(headers[cols.content]) if hdr_rows else "\x00"
    others = [c for c in range(t.n_cols)
              if c not in {cols.content, cols.code, cols.time} | {c for c, _r in cols.units}]
    last: Draft | None = None
    group_cell: Cell | None = None  # the task cell of the last row that wrote one
    col_units: dict[int, list[tuple[UnitSpan | str, str]]] = {}  # the doers each column last gave a row
    # a document with no date: a year left unwritten in a cell comes from the table's own years, else the year
    # last written above it
    ctx_year = None if b.ref_date else (last_year(" ".join(c.text for row in t.rows for c in row)) or b.ctx_year)
    for r in range(hdr_rows, len(grid)):
        row = grid[r]
        if all(c is None or c.row != r for c in row):
            continue  # every cell began in a row above: nothing new

        def txt(c: int | None) -> str:
            # a cell merged down over several rows belongs to each of them (grid() repeats its origin)
            if c is None or row[c] is None:
                return ""
            return squash_spaces(row[c].text.replace("\n", " "))

        content = txt(cols.content)
        content_cell = row[cols.content]
        group_row, step = False, ""
        if not content and group_cell is not None and _continues_group(row, r, cols, others, txt):
            # a task table whose task column groups steps ("Nội dung | Các bước thực hiện | Phụ trách | Thời
            # gian"): a plain-text table leaves the group's cell empty in the rows after its first, where a merged
            # cell would repeat it; the row is the next step of that group, with its own doers and time
            content, content_cell, group_row = squash_spaces(group_cell.text.replace("\n", " ")), group_cell, True
            step = next(txt(c) for c in others if row[c] is not None and row[c].row == r
                        and _LETTER.search(txt(c), timeout=RX_TIMEOUT) and not _is_time_cell(txt(c)))
        if not content and last is not None and last.ob.deadline is None and not regex.fullmatch(
                r"\d{1,3}(?:\.\d{1,2}){0,2}\.?", txt(cols.code), timeout=RX_TIMEOUT):
            # the tail of the row above, broken off by a cell of several lines, its cells shifted to the left ("- Báo
            # cáo kết quả … | | 2024-2025"): its one time cell times the task above, which has none
            spans = [(row[c], d) for c in range(t.n_cols) if row[c] is not None and row[c].row == r
                     and _is_time_cell(row[c].text)
                     and (d := find_deadlines(_one_line(row[c].text), b.ref_date, in_time_column=True, context_year=ctx_year))]
            if len(spans) == 1:
                tc, found = spans[0]
                last.ob.deadline = found[0].deadline
                last.ob.deadline.loc = t.cell_loc(tc).span(found[0].start, found[0].end)
            continue
        if not content or fold(content) == hdr_key:
            continue
        # the content cell began in a row above: this row gives the same task to its own units/time
        merged = group_row or content_cell.row != r
        if not merged:
            group_cell = content_cell
        code = txt(cols.code)
        units: list[tuple[UnitSpan | str, str]] = []
        for c, role in cols.units:
            cell = row[c]
            if cell is not None and cell.text.strip() and (not by_content or role == "monitor" or _is_unit_cell(cell.text)):
                found = _trim_labels(split_unit_cell(cell.text, default_role=role))
                _place_cell_units(t, cell, found)
                units.extend(found)
                col_units[c] = found
            elif group_row and not (cell is not None and cell.text.strip()):
                # a step leaving a doers' cell empty: the doers of the step above in that column, as a cell merged
                # down the group would give them
                units.extend(col_units.get(c, []))
            else:
                col_units[c] = []
        task_text = step if group_row else content
        if subjects and content_cell is not None and not merged:
            cell = content_cell
            found, task = _cell_subject(cell.text)
            _place_cell_units(t, cell, [(u, "lead") for u in found])
            units.extend((u, "lead") for u in found)
            if found:
                task_text = task
        implied = numbered_only = False
        if not units and not due_only and not subjects and code and not merged:
            numbered_only = True  # a numbered row of a table of doers: kept only for a due date of its own
        if not units and context and (due_only or (subjects or code) and not merged):
            # a row naming no doer in a table with no column of doers, or a numbered row whose doer cell is empty or
            # unreadable: the units the document gives it (kept below only with a due time); with none given, no task
            # (a deadline nobody is given counts wrong for every unit)
            units, implied = list(context), True
        elif not units:
            if not code and last is not None and not merged:
                last.ob.source_text = f"{last.ob.source_text} {content}"
            continue
        cell = content_cell
        loc = t.cell_loc(cell) if cell is not None else Loc(block=t.index, table=t.table_index, row=r)
        if merged:
            loc = replace(loc, row=r)
        time_cell = row[cols.time] if cols.time is not None else None
        time_text = txt(cols.time)
        # where a time can be read, in order: the time column, the task, then the other columns
        # (a product or note column: "Báo cáo gửi trước ngày 20 hằng tháng")
        places = [(time_cell, True)] if time_cell is not None and time_text else []
        places.append((cell, False))
        places.extend((row[c], False) for c in others if row[c] is not None and row[c].text.strip()
                      and _MAY_HOLD_TIME.search(row[c].text, timeout=RX_TIMEOUT))
        deadlines: list = []
        dl_cell = None
        for pc, in_time in places:
            deadlines = find_deadlines(_one_line(pc.text), b.ref_date, in_time_column=in_time, context_year=ctx_year)
            if deadlines:
                dl_cell = pc
                break
        recs: list = []
        rc_cell = None
        # a recurrence is read where the row's time stands first (a row sharing a merged task cell has its own),
        # then in the task ("báo cáo … hằng tháng"), then in the other columns
        for pc, _in_time in places:
            recs = find_recurrences(_one_line(pc.text))
            if recs:
                rc_cell = pc
                break
        if implied and _EVENT.match(content, timeout=rx_timeout(content)):
            continue  # "Bảo vệ khóa luận", "Lễ khai giảng", "Hội nghị tổng kết" on their day: events, nobody's task
        if numbered_only and not deadlines:
            continue
        if implied and not deadlines and not recs and (not code or not units):
            # no time and no doer: a line of the task above it broken over two rows, or nothing to track
            if not code and last is not None and not merged:
                last.ob.source_text = f"{last.ob.source_text} {content}"
            continue
        source = f"{code} {content}".strip() if code else content
        action = clean_action(task_text)
        if merged or content_cell.row_span > 1:
            # rows sharing a merged task cell differ by their own cells (product, result): keep them in the source
            used = {cols.content, cols.code, cols.time} | {c for c, _r in cols.units}
            own = [txt(c) for c in range(len(row)) if c not in used and row[c] is not None and row[c].row == r and txt(c)]
            if own:
                source = f"{source} | {' | '.join(own)}"
        ob = Obligation(action=action, report_to=report_to(content), source_text=source, loc=loc)
        if recs and rc_cell is not None:
            ob.recurrence = recs[0].recurrence
            ob.recurrence.loc = t.cell_loc(rc_cell).span(recs[0].start, recs[0].end)
        if deadlines and dl_cell is not None:
            ob.deadline = deadlines[0].deadline
            ob.deadline.loc = t.cell_loc(dl_cell).span(deadlines[0].start, deadlines[0].end)
        last = b.add(ob, units, loc, implied=implied)
        if dl_cell is time_cell and time_cell is not None:
            # a time cell with several due dates ("30/6/2024; 31/12/2024"): the task is due at each
            seen = {deadlines[0].deadline.date} if deadlines else set()
            for nxt in deadlines[1:]:
                if nxt.deadline.date in seen:
                    continue
                seen.add(nxt.deadline.date)
                nxt.deadline.loc = t.cell_loc(time_cell).span(nxt.start, nxt.end)
                extra = Obligation(action=action, deadline=nxt.deadline, report_to=ob.report_to, source_text=source,
                                   loc=loc)
                b.add(extra, units, loc, implied=implied)


# --------------------------------------------------------------------------
# Tables flattened into paragraphs (text extractions)
# --------------------------------------------------------------------------


class FlatTableReader:
    """Column headers written as paragraphs ("TT Nội dung triển khai", "Các
    đơn vị triển khai/phối hợp thực hiện", "Đơn vị chủ trì …"), then rows as
    content paragraphs followed by paragraphs of unit names (one per unit
    column, in column order); a lower-case paragraph right after a repeated
    header continues the row before the page break."""

    def __init__(self, b: ObligationBuilder) -> None:
        self.b = b
        self.roles: list[str] = []
        self.active = False
        self.header_seen = False
        self.content: list[Paragraph] = []
        self.units: list[UnitSpan] = []
        self.last: Draft | None = None
        self.cells = CellTableReader(b)  # a table laid out one cell a paragraph

    def _is_code_header(self, f: str) -> bool:
        return len(f) < 60 and bool(_COL_CONTENT.search(f, timeout=rx_timeout(f))) and bool(
            regex.match(r"(?:s ?t ?t|tt)\b", f, timeout=RX_TIMEOUT))

    def _is_unit_header(self, f: str) -> bool:
        return bool(_COL_UNIT.search(f[:90], timeout=RX_TIMEOUT)) and bool(
            regex.match(r"(?:cac )?(?:don vi|co quan|bo phan|nguoi|trach nhiem)[^.;:]{0,30}"
                        r"(?:thuc hien|chu tri|phoi hop|trach nhiem|phu trach)", f, timeout=RX_TIMEOUT))

    def feed(self, p: Paragraph) -> bool:
        """True when the paragraph belonged to a flattened table."""
        if self.cells.feed(p):
            return True
        f = fold(p.text)
        if self._is_code_header(f):
            self.header_seen = True
            return True
        if self.header_seen and self._is_unit_header(f):
            if not self.active or len(self.roles) < 3 and not self.content and not self.units and not self.last:
                self.roles.append(_unit_col_role(f))
            self.active = True
            rest = self._strip_header(p.text)
            if rest:
                self._content(Paragraph(rest, p.index, p.page))
            return True
        self.header_seen = False
        if not self.active:
            return False
        if CLOSING.match(p.text.strip(), timeout=RX_TIMEOUT):
            self.flush()
            self.active = False
            return False
        if regex.fullmatch(r"\s*\d{1,3}\s*", p.text, timeout=RX_TIMEOUT):
            self.flush()
            return True
        units = self._unit_line(p.text)
        if units is not None:
            lead = len(p.text) - len(p.text.lstrip())
            for u in units:  # each name points at its own words in its paragraph
                span = (lead + u.start, lead + u.end) if p.text[lead + u.start:lead + u.end] == u.raw else \
                    _find_words(p.text, u.raw, lead + u.start)
                u.loc = p.loc.span(*span) if span else None
            self.units.extend(units)
            if regex.search(r"\s\d{1,3}\s*$", p.text, timeout=RX_TIMEOUT):
                self.flush()
            return True
        self._content(p)
        return True

    def _content(self, p: Paragraph) -> None:
        if self.units and self.content:
            self.flush()
        text = p.text.strip()
        if not self.content and not self.units and self.last is not None and text[:1].islower():
            self.last.ob.source_text = f"{self.last.ob.source_text} {squash_spaces(text)}"
            return
        self.content.append(p)

    def _strip_header(self, text: str) -> str:
        m = regex.search(r"(?i)thực hiện\s+(?:\d{1,2}\s+)?", text, timeout=RX_TIMEOUT)
        return text[m.end():].strip() if m else ""

    def _unit_line(self, text: str) -> list[UnitSpan] | None:
        t = regex.sub(r"\s+\d{1,3}\s*$", "", text.strip(), timeout=RX_TIMEOUT)
        if len(t) > 200:
            return None
        units: list[UnitSpan] = []
        end = 0
        while end < len(t):
            nxt = parse_unit_list(t, end)
            if nxt is None:
                break
            units.extend(u for u in nxt.units if not u.bare)
            end = nxt.end
        if not units or t[end:].strip(" ,;.-"):
            return None
        return units

    def flush(self) -> None:
        self.cells.finish()
        if not self.content or not self.units:
            if self.units and self.last is not None and not self.content:
                pass
            self.content = [] if not self.units else self.content
            return
        roles = self.roles or ["lead"]
        units = [(u, roles[min(i, len(roles) - 1)]) for i, u in enumerate(self.units)]
        first = self.content[0]
        paras = self.content
        content = squash_spaces(" ".join(q.text for q in self.content))
        content = regex.sub(r"^\d{1,2}\s+", "", content, timeout=RX_TIMEOUT)
        self.content, self.units = [], []
        loc = first.loc
        ob = Obligation(action=clean_action(content), report_to=report_to(content), source_text=content, loc=loc)
        # a time is read in the row's paragraphs one by one, so that it points at its own words
        for q in paras:
            dls = find_deadlines(q.text, self.b.ref_date, context_year=self.b.ctx_year)
            if dls:
                ob.deadline = dls[0].deadline
                ob.deadline.loc = q.loc.span(dls[0].start, dls[0].end)
                break
        for q in paras:
            recs = find_recurrences(q.text)
            if recs:
                ob.recurrence = recs[0].recurrence
                ob.recurrence.loc = q.loc.span(recs[0].start, recs[0].end)
                break
        self.last = self.b.add(ob, units, loc)




# --------------------------------------------------------------------------
# Tables whose cells a text extraction laid out one paragraph each
# --------------------------------------------------------------------------

# a row's number standing alone ("7"), a group's Roman numeral ("II"), a sub-row's dash
_LONE_NUMBER = regex.compile(r"\d{1,3}[.]?", regex.V1)
_LONE_ROMAN = regex.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})[.]?", regex.V1)
# the next row's number glued to the end of a cell ("Năm 2026 và các năm tiếp theo 7")
# (or with the next row's first cell after it: "Chương trình số 12-CTr/BCĐ 7 Đề án về …")
# (or a sub-row's label, "Quý IV/2026 1.3", where the rows are numbered by group: "1.", "1.1", "1.2", "2.1" …)
_TRAILING_NUMBER = regex.compile(r"^(?P<cell>.*?\S)[ ]+(?P<n>\d{1,3}(?:\.\d{1,2}){0,2})[.]?(?:[ ]+(?P<rest>\p{Lu}.*))?$", regex.V1)
# a sub-row's label standing alone ("1.2", "3.1.", "2.1.4")
_LONE_SUBLABEL = regex.compile(r"\d{1,3}(?:\.\d{1,2}){1,2}\.?", regex.V1)
# a number then a capital at the start: the next row's number with its first cell, or a footnote of the page
_LEADING_NUMBER = regex.compile(r"^(?P<n>\d{1,3})[ ]+(?P<rest>\p{Lu}.*)$", regex.V1)
# a sub-row's number with its first cell ("2.1 Theo dõi, tổng hợp …")
_SUB_NUMBER = regex.compile(r"^(?P<no>(?P<n>\d{1,3})\.\d{1,2})\.?[ ]+(?P<rest>\p{Lu}.*)$", regex.V1)
# prose that a table does not hold: a numbered or lettered item, an article, a part heading
_PROSE_LABEL = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)][ ]|[a-zđ]\)[ ]|Điều[ ]+\d|[IVX]{1,4}\.[ ])", regex.V1)
# a cell of the time column: it opens with a time ("2026", "Năm 2026 – 2030", "Quý II/2026", "Tháng 3/2026",
# "Trước ngày 01/3/2027", "Thường xuyên, hằng năm"), whatever note follows ("Năm 2026 (sau khi … ban hành …)")
_TIME_START = regex.compile(
    r"(?:(?:trước|chậm[ ]nhất(?:[ ]là)?|trong|từ|đến|hoàn[ ]thành(?:[ ]trong)?)[ ]+)?"
    r"(?:(?:năm|giai[ ]đoạn)[ ]*(?:19|20)\d{2}|(?:19|20)\d{2}(?![\d/])|quý[ ]+(?:IV|I{1,3}|[1-4])(?!\p{L})"
    r"|tháng[ ]+\d{1,2}|ngày[ ]+\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}|(?:6|06|sáu)[ ]tháng"
    r"|thường[ ]xuyên|hằng[ ]|hàng[ ]|mỗi[ ]|định[ ]kỳ|hằng$|hàng$)",
    regex.V1 | regex.IGNORECASE)


# a group's title with its Roman numeral, the next row's label perhaps glued to its end ("II. Phát triển hạ tầng … 7.")
_ROMAN_TITLE = regex.compile(r"(?=[IVX])(?P<r>X{0,2}(?:IX|IV|V?I{0,3}))\.[ ]+\p{Lu}.*?(?:[ ]+(?P<n>\d{1,3})\.?)?$", regex.V1)
# a row's label with a dot and its first cell ("10. Xây dựng Luật …")
_DOTTED_ROW = regex.compile(r"(?P<n>\d{1,3})\.[ ]+(?P<rest>\p{Lu}.*)$", regex.V1)


# a gazette's running head inside the table's pages ("CÔNG BÁO/Số 302/Ngày 02-06-2026"): no cell (its date is no time)
_RUNNING_HEAD = regex.compile(r"[ ]*CÔNG[ ]BÁO[ ]*/[ ]*Số[ ]*\d", regex.V1 | regex.IGNORECASE)


def _roman(t: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    n = 0
    for i, ch in enumerate(t):
        v = vals.get(ch, 0)
        n += -v if i + 1 < len(t) and vals.get(t[i + 1], 0) > v else v
    return n


# a cell ending with the head word of a name the next paragraph goes on with ("Bộ", "Nội vụ, Bộ", "Ủy ban")
_HEAD_AT_END = regex.compile(r"(?:^|[ ,;])(?:Bộ|Sở|Ban|Cục|Tổng[ ]cục|Ủy[ ]ban|UBND|Văn[ ]phòng|Viện|Đài|Hội|Ngân[ ]hàng|Bộ[ ]Công)$",
                             regex.V1)
# a time broken after its first word ("Quý" / "II/2026", "Trước" / "ngày 30/6/2026")
_TIME_HEAD_AT_END = regex.compile(r"(?:^|[ ])(?:quý|tháng|trước(?:[ ]ngày)?|chậm[ ]nhất|giai[ ]đoạn)$",
                                  regex.V1 | regex.IGNORECASE)
_YEAR_END = regex.compile(r"(?<![\d/.\-])(?:19|20)\d{2}[ ]*$"
                         # or a month or quarter with its year closing the cell ("… nhân dân tỉnh Tháng 8/2027")
                         r"|(?<!\p{L})(?:quý[ ]+(?:IV|I{1,3}|[1-4])|tháng[ ]+\d{1,2})[ ]*/[ ]*(?:19|20)\d{2}[ ]*$",
                         regex.V1 | regex.IGNORECASE)


def _names_doer_or_time(text: str) -> bool:
    """Whether ``text`` opens with a body's name or holds a due time: a sentence of prose, not a task's cell."""
    ul = parse_unit_list(text, 0)
    if ul is not None and ul.start == 0 and any(not u.bare for u in ul.units):
        return True
    return bool(find_deadlines(text))


def _opens_with_unit(text: str) -> bool:
    """A short cell whose first words name a body (its grammar may stop before the cell's end)."""
    t = squash_spaces(text)
    if not 0 < len(t) <= 120 or _is_time_cell(t) or not _UNIT_START.match(t, timeout=RX_TIMEOUT):
        return False
    ul = parse_unit_list(t, 0)
    return ul is not None and ul.start == 0 and any(not u.bare for u in ul.units)


class CellTableReader:
    """A task table that a text extraction laid out one cell a paragraph (a PDF's text layer): the header cells
    one a line ("TT", "Nội dung, nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"), then each row
    as its number standing alone and its cells in column order.  The header tells the roles of the columns of
    bodies and that a column holds times; each cell is then known by its grammar (a cell naming only bodies, a
    cell holding only a time), since a cell may be broken over two paragraphs or a column left empty."""

    def __init__(self, b: ObligationBuilder) -> None:
        self.b = b
        self.before: set[str] = set()  # paragraphs seen before the table: running heads repeated on its pages
        self.header: list[str] | None = None  # header cells being read
        self.known: list[str] = []  # the header cells as first written
        self.kinds: list[str] = []  # what each column after the row number holds: content, unit, time, other
        self.active = False
        self.roles: list[str] = []
        self.has_time = False
        self.row: list[Paragraph] = []
        self.row_no: Paragraph | None = None
        self.last_no = 0
        self.last_sub = 0  # the second part of the last sub-row's label ("1.3" → 3), 0 when rows have plain numbers
        self.resume: int | None = None  # a group heading ended the table: its first sub-row takes it up again
        self.group = 0  # the Roman numeral of the group of rows read
        self.group_title = False

    # -- the header ------------------------------------------------------------------------------------------
    def _end_header(self) -> None:
        cells, self.header = self.header or [], None
        if not self.known:
            self.known = cells
        folded = [fold(h) for h in cells]
        roles = [_unit_col_role(h) for h in folded
                 if _COL_UNIT.search(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(h, timeout=RX_TIMEOUT)
                 and not _COL_TIME.search(h, timeout=RX_TIMEOUT)]
        content = any(_COL_CONTENT.search(h, timeout=RX_TIMEOUT) for h in folded)
        timed = any(_COL_TIME.search(h, timeout=RX_TIMEOUT) for h in folded)
        if content and roles and (not self.active or len(cells) == len(self.known)):
            # what each column holds, the row number's left out
            self.kinds = ["code" if _COL_CODE.match(h.replace(".", "").strip(), timeout=RX_TIMEOUT)
                          else "time" if _COL_TIME.search(h, timeout=RX_TIMEOUT)
                          else "unit" if _COL_UNIT.search(h, timeout=RX_TIMEOUT) and not _COL_CONTENT.search(
                              h, timeout=RX_TIMEOUT)
                          else "content" if _COL_CONTENT.search(h, timeout=RX_TIMEOUT) else "other" for h in folded]
            self.kinds = [k for k in self.kinds if k != "code"]
        if content and roles:
            if not self.active:
                self.last_no = 0
            self.has_time = timed or self.active and self.has_time
            self.active, self.roles = True, roles
        elif self.active:
            # the header repeated on a new page, its last cell run together with the row going on below it
            self.has_time = self.has_time or timed

    def _label_next(self, label: str) -> bool:
        """``label`` ("3", "1.2", "2.1.4") is the next row's: the next number, a first row, the next sub-row in
        its group, or the first sub-row of the next group (whose own row is a title, or was lost at a page break)."""
        parts = [int(x) for x in label.rstrip(".").split(".")]
        if len(parts) == 1:
            return parts[0] == self.last_no + 1 or parts[0] == 1
        n, m = parts[0], parts[1]
        if len(parts) == 3:
            return n in (self.last_no, self.last_no + 1)
        return n == self.last_no and m in (self.last_sub + 1, 1) or n == self.last_no + 1 and m == 1

    def _start_row(self, label: str, p: Paragraph) -> None:
        parts = [int(x) for x in label.rstrip(".").split(".")]
        self.row_no = Paragraph(label.rstrip("."), p.index, p.page)
        self.last_no, self.last_sub, self.group_title = parts[0], parts[1] if len(parts) > 1 else 0, False

    def feed(self, p: Paragraph) -> bool:
        """True when the paragraph belonged to such a table."""
        t = p.text.strip()
        f = fold(t)
        if self.resume is not None and not self.active:
            # "2. Nhóm giải pháp …" ended the table as prose; its first sub-row ("2.1 …") shows it was a group's title
            n, self.resume = self.resume, None
            lab = regex.match(r"(?P<n>\d{1,3})\.1\.?(?:[ ]+|$)", t, timeout=RX_TIMEOUT)
            if lab is not None and int(lab.group("n")) == n:
                self.active, self.last_no, self.last_sub = True, n, 0
        if len(t) <= 8 and _COL_CODE.match(f.replace(".", "").strip(), timeout=RX_TIMEOUT):
            if not self.active:
                self._flush()
            self.header = []  # (the header repeated on a new page: the row before it may go on below it)
            return True
        if self.header is not None:
            nxt = self.known[len(self.header)] if len(self.header) < len(self.known) else None
            if nxt is not None and t.startswith(nxt + " ") and (
                    self.active or len(self.header) >= 2 and self.header == self.known[:len(self.header)]):
                # the header repeated on a new page, its last cell run together with the row going on below it
                self.header.append(nxt)
                self._end_header()
                rest = t[len(nxt):].strip()
                if _LONE_NUMBER.fullmatch(rest, timeout=RX_TIMEOUT) and int(rest.rstrip(".")) == self.last_no + 1:
                    return self.feed(Paragraph(rest, p.index, p.page))  # the next row's label ("Tiến độ 4.")
                glued = _TRAILING_NUMBER.match(rest, timeout=RX_TIMEOUT) if self.row_no is not None else None
                if glued is not None and not glued.group("rest") and "." not in glued.group("n") \
                        and int(glued.group("n")) == self.last_no + 1:
                    # the row going on below the header, the next row's label at its end ("… tham gia. 9.")
                    self.row.append(Paragraph(glued.group("cell"), p.index, p.page))
                    self._flush()
                    self._start_row(glued.group("n"), p)
                    return True
                if self.last_sub and self.row_no is not None and (
                        _LONE_SUBLABEL.fullmatch(rest, timeout=RX_TIMEOUT) or _TRAILING_NUMBER.match(rest, timeout=RX_TIMEOUT)):
                    # (rows numbered by group: what follows may be the next row's label, "Thời gian thực hiện 2.3",
                    # or a cell with it, "… doanh nghiệp liên quan 3.2": read as a paragraph of the table)
                    return self.feed(Paragraph(rest, p.index, p.page))
                if self.row_no is not None:
                    self.row.append(Paragraph(rest, p.index, p.page))
                return True
            elif 0 < len(t) <= 60 and not any(c.isdigit() for c in t) and len(t.split()) <= 8 \
                    and not _LONE_ROMAN.fullmatch(t, timeout=RX_TIMEOUT):
                self.header.append(t)
                return True
            elif (m := _TRAILING_NUMBER.match(t, timeout=RX_TIMEOUT)) is not None and not m.group("rest") \
                    and not any(c.isdigit() for c in m.group("cell")) and len(m.group("cell").split()) <= 8 \
                    and m.group("n").split(".")[0] == "1" and not self.active:
                # the last header cell with the first row's label run together ("Thời gian thực hiện 1.")
                self.header.append(m.group("cell"))
                self._end_header()
                if self.active:
                    self._flush()
                    self.last_no = self.last_sub = 0
                    self._start_row(m.group("n"), p)
                return True
            else:
                self._end_header()
        if not self.active:
            self.before.add(t)
            return False
        if CLOSING.match(t, timeout=rx_timeout(t)):
            self._flush()
            self.active = False
            return False
        if _LONE_NUMBER.fullmatch(t, timeout=rx_timeout(t)):
            n = int(t.rstrip("."))
            if n == self.last_no + 1 or n == 1 or n == self.last_no + 2 and self._complete() and sum(
                    1 for q in self.row[1:] if _is_time_cell(q.text) or _TIME_START.match(q.text.strip(), timeout=RX_TIMEOUT)) >= 2:
                # (the number after next, where the row read holds two rows' times: the number between was lost,
                # "1 … Hằng năm … 2026" then "3"; a page number does not follow two times)
                self._flush()
                self.row_no, self.last_no, self.last_sub, self.group_title = p, n, 0, False
            return True  # else a page number
        if _LONE_SUBLABEL.fullmatch(t, timeout=rx_timeout(t)) and self._label_next(t):
            self._flush()
            self._start_row(t, p)
            return True
        if t and _LONE_ROMAN.fullmatch(t, timeout=rx_timeout(t)) and _roman(t.rstrip(".")) in (1, self.group + 1):
            self._flush()
            self.last_no, self.group_title, self.group = 0, True, _roman(t.rstrip("."))
            return True
        rt = _ROMAN_TITLE.match(squash_spaces(t), timeout=RX_TIMEOUT) if t[:1] in "IVX" else None
        if rt is not None and (_roman(rt.group("r")) == 1 or _roman(rt.group("r")) > self.group) and (
                rt.group("n") is not None and int(rt.group("n")) in (1, self.last_no + 1)
                or rt.group("n") is None and self.row_no is None and self.last_no == 0 and not self.row):
            # a group's title on one line with its numeral ("I. Hoàn thiện thể chế …"), the next row's label glued
            # to it ("… 7."), or right under the header; a section of prose after the table has no row label
            self._flush()
            self.group, self.group_title = _roman(rt.group("r")), False
            if rt.group("n") is not None:
                self._start_row(rt.group("n"), p)
            return True
        if self.group_title:
            self.group_title = False
            return True  # the title of a group of rows ("II", "Phân công, phân cấp …")
        if t in self.before or _RUNNING_HEAD.match(t, timeout=rx_timeout(t)):
            return True  # a running head repeated on the table's pages
        sub = _SUB_NUMBER.match(t, timeout=rx_timeout(t))
        if sub is not None and self._label_next(sub.group("no")):
            # a sub-row of the row read ("2.1 Theo dõi, tổng hợp …" under "2"): a task of its own
            self._flush()
            self._start_row(sub.group("no"), p)
            self.row.append(Paragraph(sub.group("rest"), p.index, p.page))
            return True
        lead = _LEADING_NUMBER.match(t, timeout=rx_timeout(t))
        if lead is not None:
            if int(lead.group("n")) != self.last_no + 1:
                return True  # a footnote at the foot of the page ("1 Nghị quyết số … của Bộ Chính trị …")
            self._flush()
            self.last_no = int(lead.group("n"))
            self.row_no = Paragraph(lead.group("n"), p.index, p.page)
            self.row.append(Paragraph(lead.group("rest"), p.index, p.page))
            return True
        if self.row_no is None:
            if _PROSE_LABEL.match(t, timeout=RX_TIMEOUT):
                self.active = False
                return False
            return True
        grp = _TRAILING_NUMBER.match(t, timeout=RX_TIMEOUT) if self.last_sub and t[:1].isdigit() else None
        if grp is not None and not grp.group("rest") and grp.group("n").endswith(".1") and grp.group("n").count(".") == 1 \
                and self._label_next(grp.group("n")) and t.startswith(grp.group("n")[:-2] + "."):
            # "2. Nhóm giải pháp về … 2.1": the next group's title with its first sub-row's label
            self._flush()
            self._start_row(grp.group("n"), p)
            return True
        dot = _DOTTED_ROW.match(t, timeout=RX_TIMEOUT) if self.has_time and self.last_no and t[:1].isdigit() else None
        if dot is not None and int(dot.group("n")) == self.last_no + 1 and not self.last_sub and len(t) <= 300 and (
                self._complete() and self._timed() or self.kinds and len(self._joined(self.row)) >= len(self.kinds)) \
                and not _names_doer_or_time(dot.group("rest")):
            # the next row's label with a dot and its first cell ("10. Xây dựng Luật …"), once the row read has its
            # bodies and its time; an item of prose after the table names its doer or its time ("2. Sở Nội vụ tổng
            # hợp …, báo cáo … trước ngày …"), a task's cell neither
            self._flush()
            self.last_no = int(dot.group("n"))
            self.row_no = Paragraph(dot.group("n"), p.index, p.page)
            self.row.append(Paragraph(dot.group("rest"), p.index, p.page))
            return True
        if self._complete() and not _is_unit_cell(t) and not _is_time_cell(t) and (
                _PROSE_LABEL.match(t, timeout=RX_TIMEOUT) or len(t) > 200 and t.endswith(".") and self._timed()):
            self._flush()
            self.active = False
            grp = regex.match(r"(?P<n>\d{1,3})\.[ ]+\p{Lu}", t, timeout=RX_TIMEOUT) if self.last_sub else None
            if grp is not None and int(grp.group("n")) == self.last_no + 1:
                self.resume = self.last_no + 1  # perhaps the next group's title: its first sub-row tells
            return False  # the table has ended: prose again
        m = _TRAILING_NUMBER.match(t, timeout=RX_TIMEOUT)
        if m is not None and self._label_next(m.group("n")) and (self.row or self.row_no is not None) and (
                "." in m.group("n") or int(m.group("n")) == self.last_no + 1):
            self.row.append(Paragraph(m.group("cell"), p.index, p.page))
            self._flush()
            self._start_row(m.group("n"), p)
            if m.group("rest"):
                self.row.append(Paragraph(m.group("rest"), p.index, p.page))
            return True
        self.row.append(p)
        return True

    @staticmethod
    def _joined(row: list[Paragraph]) -> list[Paragraph]:
        """The row with a name broken at its head word joined again ("Bộ" / "Nội vụ, Bộ" / "Ngoại giao")."""
        out: list[Paragraph] = []
        for q in row:
            if out and (_HEAD_AT_END.search(out[-1].text, timeout=RX_TIMEOUT)
                        and not _TIME_START.match(q.text.strip(), timeout=RX_TIMEOUT)  # ("Giám đốc Sở" / "Quý II/2026")
                        or _TIME_HEAD_AT_END.search(out[-1].text, timeout=RX_TIMEOUT)):
                prev = out.pop()
                out.append(Paragraph(f"{prev.text.rstrip()} {q.text.strip()}", prev.index, prev.page))
                continue
            out.append(q)
        return out

    def _timed(self) -> bool:
        return not self.has_time or any(_is_time_cell(q.text) for q in self.row[1:])

    def _complete(self) -> bool:
        return len(self.row) >= 2 and any(_is_unit_cell(q.text) for q in self.row[1:])

    # -- a row -----------------------------------------------------------------------------------------------
    def _cells(self) -> tuple[list[Paragraph], list[list[Paragraph]], Paragraph | None]:
        """(content paragraphs, unit cells in column order, the time cell) of the row read: by the header's
        columns where the row has one paragraph a column, else by what each cell holds."""
        row = self._joined(self.row)
        kinds = self.kinds
        self.subrows: list[tuple[list[Paragraph], list[list[Paragraph]], Paragraph]] = []
        if len(row) == len(kinds) and kinds.count("content") == 1 and "content" == kinds[0]:
            units_at = [[q] for q, k in zip(row, kinds) if k == "unit"]
            time_at = next((q for q, k in zip(row, kinds) if k == "time"), None)
            if time_at is not None and (_TIME_START.match(time_at.text.strip(), timeout=RX_TIMEOUT)
                                        or _is_time_cell(time_at.text)):
                return [row[0]], units_at, time_at
        first_unit = next((i for i in range(1, len(row)) if _is_unit_cell(row[i].text)
                           or i + 1 < len(row) and _is_unit_cell(row[i].text + " " + row[i + 1].text)
                           and not _is_time_cell(row[i + 1].text)), None)
        strict = first_unit is not None
        if first_unit is None:
            # no cell names bodies only: a short cell opening with a body's name ("Các Bộ, ngành, địa phương, các
            # tổ chức nhân dân" where the names' grammar stops early)
            first_unit = next((i for i in range(1, len(row)) if _opens_with_unit(row[i].text)), None)
            if first_unit is None:
                return row, [], None
        content, rest = row[:first_unit], row[first_unit:]
        is_unit = _is_unit_cell if strict else _opens_with_unit
        units: list[list[Paragraph]] = []
        time: Paragraph | None = None
        i = 0
        while i < len(rest):
            q = rest[i]
            if time is None and self.has_time and _TIME_START.match(q.text.strip(), timeout=RX_TIMEOUT):
                time = q
            elif time is None and is_unit(q.text):
                if units and units[-1][-1].text.rstrip().endswith((";", ",")):
                    units[-1].append(q)  # the same cell going on ("Bộ Nội vụ;" / "Bộ Y tế;" …)
                else:
                    units.append([q])
            elif time is None and i + 1 < len(rest) and is_unit(q.text + " " + rest[i + 1].text):
                units.append([q, rest[i + 1]])  # a name broken over two paragraphs ("Bộ Công" / "Thương")
                i += 1
            i += 1
        if time is None and self.has_time:
            # a time cell run together with the cell before it ("Báo cáo hằng năm 2026 và hằng năm", "… ban hành 2026")
            time = next((q for q in rest if _is_time_cell(q.text) and not _is_unit_cell(q.text)
                         or _YEAR_END.search(q.text, timeout=RX_TIMEOUT)), None)
        if self.roles and len(units) > len(self.roles):
            # more cells naming bodies than columns of bodies: the others are other columns naming a body
            # ("Cấp trình: Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh")
            units = units[:len(self.roles)]
        if time is not None and units and strict:
            # a task split in the columns after its content: more doers with a result and a time of their own
            # after the time cell ("Bộ X | Các bộ | Báo cáo chuyên đề | Tháng 5/2026", then "Bộ X | Các bộ | Báo cáo
            # kết quả | Tháng 11/2026")
            tail = rest[rest.index(time) + 1:]
            seg_units: list[list[Paragraph]] = []
            seg: list[Paragraph] = []
            for q in tail:
                if _TIME_START.match(q.text.strip(), timeout=RX_TIMEOUT) and seg_units:
                    self.subrows.append((seg + [q], seg_units[:len(self.roles)] if self.roles else seg_units, q))
                    seg, seg_units = [], []
                elif _is_unit_cell(q.text):
                    seg_units.append([q])
                    seg.append(q)
                else:
                    seg.append(q)
        return content, units, time

    def _flush(self) -> None:
        if self.row_no is None or not self.row:
            self.row, self.row_no = [], None
            return
        content, unit_cells, time = self._cells()
        no, row = self.row_no, self.row
        self.row, self.row_no = [], None
        if not unit_cells:
            return
        units = self._units(unit_cells)
        if not units:
            return
        text = squash_spaces(" ".join(q.text for q in content))
        source = squash_spaces(" ".join([no.text] + [q.text for q in row]))
        self._add(text, source, content, units, time)
        for cells, sub_units, sub_time in self.subrows:
            found = self._units(sub_units)
            words = [q for q in cells if q is not sub_time and not any(q is c[0] for c in sub_units)]
            if found:
                self._add(squash_spaces(" ".join(q.text for q in words)) or text,
                          squash_spaces(" ".join(q.text for q in cells)), words or content, found, sub_time)

    def _units(self, unit_cells: list[list[Paragraph]]) -> list[tuple[UnitSpan, str]]:
        units: list[tuple[UnitSpan, str]] = []
        for k, cell in enumerate(unit_cells):
            role = self.roles[min(k, len(self.roles) - 1)]
            for q in cell:
                t = q.text
                pos = 0
                while pos < len(t):
                    ul = parse_unit_list(t, pos)
                    if ul is None or ul.end <= pos:
                        nxt = t.find(" ", pos + 1)
                        if nxt < 0:
                            break
                        pos = nxt
                        continue
                    for u in ul.units:
                        if not u.bare:
                            u.loc = q.loc.span(u.start, u.end)
                            units.append((u, role))
                    pos = ul.end
            if len(cell) == 2 and not any(u.loc is not None and u.loc.block == cell[0].index for u, _r in units):
                # the name broken over two paragraphs: read whole, pointed at its first part
                joined = cell[0].text + " " + cell[1].text
                ul = parse_unit_list(joined, 0)
                if ul is not None:
                    for u in ul.units:
                        if not u.bare:
                            u.loc = cell[0].loc
                            units.append((u, role))
        return units

    def _add(self, text: str, source: str, content: list[Paragraph], units: list[tuple[UnitSpan, str]],
             time: Paragraph | None) -> None:
        ob = Obligation(action=clean_action(text), report_to=report_to(text), source_text=source, loc=content[0].loc)
        if time is not None:
            dls = find_deadlines(time.text, self.b.ref_date, in_time_column=True, context_year=self.b.ctx_year)
            if dls:
                ob.deadline = dls[0].deadline
                ob.deadline.loc = time.loc.span(dls[0].start, dls[0].end)
            recs = find_recurrences(time.text)
            if recs:
                ob.recurrence = recs[0].recurrence
                ob.recurrence.loc = time.loc.span(recs[0].start, recs[0].end)
        if ob.recurrence is None:
            for q in content:
                recs = [r for r in find_recurrences(q.text) if r.recurrence.rrule]  # ("định kỳ" alone: no rule)
                if recs:
                    ob.recurrence = recs[0].recurrence
                    ob.recurrence.loc = q.loc.span(recs[0].start, recs[0].end)
                    break
        self.b.add(ob, units, content[0].loc)

    def finish(self) -> None:
        if self.header is not None:
            self._end_header()
        self._flush()
