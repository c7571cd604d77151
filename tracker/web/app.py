"""The tracker web app (FastAPI + Jinja2, server-rendered, no JavaScript
build): what each unit owes, the reviewers' confirm step, completions, and a
calendar feed per unit — over the same store as the CLI.

``create_app(db_url)`` is a pure app factory (``vanban web`` serves it with
uvicorn).  Pages, in Vietnamese:

* ``/viec`` — Việc của đơn vị tôi: a unit's obligations in the buckets quá
  hạn / sắp đến hạn / chưa đến hạn / chưa có hạn / đã hoàn thành, filtered by
  status, role, document, directive and period; counts per unit and status,
  exported to Excel (``/viec/thong-ke.xlsx``).
* ``/nhiem-vu/<uid>`` — one obligation: its source paragraph or cell with the
  extracted words marked, a link to the original file (at its page for a
  PDF), the forms to confirm, correct or reject it, to mark it done, the
  "đã báo cáo" suggestions and the history of corrections.
* ``/xac-nhan`` — what is left to confirm, and merging two units as one body.
* ``/lich`` and ``/lich/<unit>.ics?token=…`` — a unit's subscribable calendar.

Security: Argon2id password hashes, a server-side session whose cookie is
HttpOnly and SameSite=Lax (and Secure behind https), a CSRF token in every
POST form, Jinja autoescaping, 403 for another unit's item, files served only
when the store names them as an ingested document's source.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import io
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, quote, urlencode

import jinja2
import sqlalchemy as sa
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from core.serialize import location_text
from core.textutil import fold
from tracker import followup
from tracker.query import ROLE_LABELS, Row, directives
from tracker.reminders import build_calendar, reminders_from
from tracker.status import DUE_SOON, NO_DEADLINE, NOT_DUE, OVERDUE
from tracker.store import (DocumentCopy, Store, document_key, documents, preferred_copies,
                           reference_key)
from tracker.unit_aliases import load_aliases, name_key
from tracker.web import accounts
from tracker.web.snapshot import Selection, Snapshots, filter_rows, uids
from tracker.web.source import KIND_LABELS, StructuredIndex, block_text, find_spans, segments, spans_of

HERE = Path(__file__).resolve().parent
COOKIE = "vanban_phien"
LOGIN_CSRF_COOKIE = "vanban_csrf_dn"
BUCKETS = (OVERDUE, DUE_SOON, NOT_DUE, NO_DEADLINE, followup.DONE)
BUCKET_CLASS = {OVERDUE: "qua-han", DUE_SOON: "sap-den-han", NOT_DUE: "chua-den-han", NO_DEADLINE: "chua-co-han",
                followup.DONE: "da-hoan-thanh"}
PERIODS = {"": "mọi thời gian", "thang": "tháng này", "quy": "quý này", "6thang": "6 tháng này", "nam": "năm nay"}
REVIEW_LABELS = {followup.CONFIRMED: "đã xác nhận", followup.REJECTED: "đã loại", None: "chưa xác nhận"}
MAX_PER_BUCKET = 100


# --------------------------------------------------------------------------
# Pure helpers
# --------------------------------------------------------------------------


def unit_slug(name: str) -> str:
    """A unit in a URL: its comparison key with hyphens ("Phòng TC-HC" → "phong-tc-hc")."""
    return name_key(name).replace(" ", "-")


def period_bounds(period: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of the month, quarter, half-year or year containing ``today``."""
    y, m = today.year, today.month
    if period == "thang":
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if period == "quy":
        q0 = 3 * ((m - 1) // 3) + 1
        first = dt.date(y, q0, 1)
        nxt = dt.date(y + (q0 == 10), (q0 + 2) % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if period == "6thang":
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if m <= 6 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if period == "nam":
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None, None


def parse_form(body: bytes) -> dict[str, str]:
    """An urlencoded form (the last value of each name)."""
    out: dict[str, str] = {}
    for k, vs in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
        out[k] = vs[-1]
    return out


def parse_date_field(text: str | None) -> dt.date | None:
    from tracker.query import parse_day

    t = (text or "").strip()
    return parse_day(t) if t else None


def vn_date(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")


@dataclass(slots=True)
class Filters:
    unit: str = ""
    status: str = ""
    role: str = ""
    document: str = ""
    directive: str = ""
    period: str = ""
    date_from: str = ""
    date_to: str = ""

    @classmethod
    def of(cls, q: Any) -> "Filters":
        return cls(**{k: (q.get(k) or "").strip()[:300] for k in cls.__dataclass_fields__})

    def query(self, **over: str) -> str:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d.update(over)
        return urlencode({k: v for k, v in d.items() if v})


@dataclass(slots=True)
class Listing:
    rows: list[Row]
    buckets: dict[str, list[Row]] = field(default_factory=dict)
    units: list[Any] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)


def bucket_counts(rows: list[Row]) -> list[dict[str, Any]]:
    """Per unit: how many obligations in each bucket (the five, with "đã hoàn thành")."""
    pairs: Counter = Counter()
    for r in rows:
        st = r.due.status
        units_ = r.ob.units
        if not units_:
            pairs["(không ghi đơn vị)", st] += 1
        elif len(units_) == 1:
            pairs[units_[0].name, st] += 1
        else:
            for n in {u.name for u in units_}:
                pairs[n, st] += 1
    table: dict[str, dict[str, int]] = {}
    for (n, st), k in pairs.items():
        table.setdefault(n, dict.fromkeys(BUCKETS, 0))[st] = k
    return [{"unit": u, **c, "total": sum(c.values())}
            for u, c in sorted(table.items(), key=lambda kv: (kv[0].startswith("("), fold(kv[0])))]


def counts_workbook(table: list[dict[str, Any]], *, title: str) -> bytes:
    """The counts per unit and status as an .xlsx (the clerk's monthly or
    quarterly report), laid out and printed as ``vanban obligations`` does."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from tracker.cell_safety import keep_text_row
    from tracker.scoresheet import lay_out_counts

    wb = Workbook()
    ws = wb.active
    ws.title = "Thống kê"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    heads = ["Đơn vị", *BUCKETS, "Tổng"]
    ws.append(heads)
    for r in table:
        ws.append([r["unit"], *(r[b] for b in BUCKETS), r["total"]])
        keep_text_row(ws, ws.max_row)
    n = ws.max_row
    ws.append(["Tổng cộng", *(f"=SUM({get_column_letter(i)}3:{get_column_letter(i)}{n})" for i in range(2, len(heads) + 1))])
    for i in range(1, len(heads) + 1):
        ws.cell(ws.max_row, i).font = Font(bold=True)
    lay_out_counts(ws, 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------
# The app
# --------------------------------------------------------------------------


class Forbidden(Exception):
    pass


def create_app(db_url: str | None = None, *, structured_dir: str | Path | None = "data/structured",
               today: Callable[[], dt.date] | None = None, secure_cookies: bool | None = None) -> FastAPI:
    """The web app over the store at ``db_url`` (default: ``VANBAN_DB_URL``
    or ``data/vanban.sqlite``).  ``structured_dir``: where ``vanban ingest``
    wrote the JSON outputs (their document model shows the source paragraph);
    ``today``: the date statuses are computed for (default: the real today);
    ``secure_cookies``: mark the session cookie Secure (default: when the
    request came over https)."""
    store = Store(db_url)
    snapshots = Snapshots(store)
    index = StructuredIndex(structured_dir)
    today_of = today or dt.date.today
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["vn_date"] = vn_date
    env.globals.update(ROLE_LABELS=ROLE_LABELS, BUCKETS=BUCKETS, BUCKET_CLASS=BUCKET_CLASS, PERIODS=PERIODS,
                       KIND_LABELS=KIND_LABELS, REVIEW_LABELS=REVIEW_LABELS, location_text=location_text,
                       directives=directives, unit_slug=unit_slug, quote=quote)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="vanban — theo dõi nhiệm vụ", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.store = store
    app.mount("/tinh", StaticFiles(directory=str(HERE / "static")), name="tinh")

    # -- plumbing ----------------------------------------------------------

    def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        sess = ctx.pop("session", None) or getattr(request.state, "session", None)
        html = env.get_template(name).render(request=request, session=sess, user=sess.user if sess else None,
                                             csrf=sess.csrf if sess else "", today=today_of(), **ctx)
        resp = HTMLResponse(html, status_code=status_code)
        resp.headers["Content-Security-Policy"] = ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                                   "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"
        return resp

    def is_secure(request: Request) -> bool:
        return secure_cookies if secure_cookies is not None else request.url.scheme == "https"

    def session(request: Request) -> accounts.Session | None:
        s = accounts.session_of(store, request.cookies.get(COOKIE))
        request.state.session = s
        return s

    def require(request: Request) -> accounts.Session:
        s = session(request)
        if s is None:
            raise HTTPException(status_code=303, headers={"Location": "/dang-nhap?tiep=" + quote(
                request.url.path + (("?" + request.url.query) if request.url.query else ""))})
        return s

    async def form_of(request: Request, s: accounts.Session) -> dict[str, str]:
        form = parse_form(await request.body())
        if not hmac.compare_digest(form.get("csrf", ""), s.csrf):
            raise HTTPException(status_code=403, detail="Phiên làm việc hết hạn hoặc biểu mẫu không hợp lệ (CSRF).")
        return form

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code in (301, 302, 303):
            return RedirectResponse(exc.headers["Location"], status_code=exc.status_code)
        messages = {403: "Bạn không có quyền xem hoặc sửa mục này.", 404: "Không tìm thấy trang hoặc mục này."}
        return render(request, "loi.html", status_code=exc.status_code, code=exc.status_code,
                      message=exc.detail if isinstance(exc.detail, str) and exc.status_code not in (404,)
                      and exc.detail not in ("Forbidden", "Not Found") else messages.get(exc.status_code, "Lỗi."))

    @app.exception_handler(404)
    async def _not_found(request: Request, exc: Exception) -> Response:
        return render(request, "loi.html", status_code=404, code=404, message="Không tìm thấy trang hoặc mục này.")

    # -- what a user may see -------------------------------------------------

    def visible(user: accounts.User, **kw: Any) -> Selection:
        """The obligations ``user`` may see (staff: only their unit's), filtered by ``kw``."""
        if not user.sees_all:
            kw["unit"] = user.unit or ""
        return filter_rows(snapshots.get(today_of()), **kw)

    def find(user: accounts.User, uid: str) -> Row:
        row = snapshots.get(today_of()).by_uid.get(uid)
        if row is None:
            raise HTTPException(status_code=404)
        if not user.sees_all and uid not in uids(visible(user, include_rejected=True).rows):
            raise HTTPException(status_code=403)
        return row

    def listing(user: accounts.User, f: Filters) -> Listing:
        t = today_of()
        date_from, date_to = period_bounds(f.period, t)
        try:
            date_from = parse_date_field(f.date_from) or date_from
            date_to = parse_date_field(f.date_to) or date_to
        except ValueError:
            pass
        res = visible(user, unit=f.unit or None, role=f.role or None, document=f.document or None,
                      date_from=date_from, date_to=date_to, status=f.status or None)
        rows = res.rows
        if f.directive:
            key = reference_key(f.directive)
            rows = [r for r in rows if any(reference_key(d) == key for d in directives(r.ob))]
        out = Listing(rows, {b: [] for b in BUCKETS}, res.units, res.suggestions, bucket_counts(rows))
        for r in rows:
            out.buckets.setdefault(r.due.status, []).append(r)
        return out

    def choices() -> dict[str, list[str]]:
        with store._read() as conn:  # noqa: SLF001
            docs = conn.execute(sa.select(documents.c.doc_id, documents.c.stem, documents.c.type)
                                .order_by(documents.c.date.desc(), documents.c.stem)).all()
        seen: dict[str, str] = {}
        for d in docs:
            key = d.doc_id or d.stem
            seen.setdefault(key, f"{d.type} {d.doc_id}" if d.doc_id and d.type else key)
        return {"documents": [(k, v) for k, v in seen.items()]}

    # -- pages ----------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        return RedirectResponse("/viec", status_code=303)

    @app.get("/dang-nhap", response_class=HTMLResponse)
    def login_page(request: Request, tiep: str = "/viec", loi: str = "") -> Response:
        token = secrets.token_urlsafe(24)
        resp = render(request, "dang_nhap.html", login_csrf=token, next=_safe_next(tiep), error=loi)
        resp.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="lax", secure=is_secure(request),
                        path="/dang-nhap")
        return resp

    @app.post("/dang-nhap")
    async def login(request: Request) -> Response:
        form = parse_form(await request.body())
        cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
        nxt = _safe_next(form.get("tiep", "/viec"))
        if not cookie or not hmac.compare_digest(form.get("csrf", ""), cookie):
            return RedirectResponse("/dang-nhap?" + urlencode({"tiep": nxt, "loi": "Biểu mẫu hết hạn, hãy thử lại."}),
                                    status_code=303)
        user = await run_in_threadpool(accounts.authenticate, store, form.get("ten", ""), form.get("mat_khau", ""))
        if user is None:
            return RedirectResponse("/dang-nhap?" + urlencode({"tiep": nxt, "loi": "Sai tên đăng nhập hoặc mật khẩu."}),
                                    status_code=303)
        token = await run_in_threadpool(accounts.open_session, store, user)
        resp = RedirectResponse(nxt, status_code=303)
        resp.set_cookie(COOKIE, token, httponly=True, samesite="lax", secure=is_secure(request), path="/",
                        max_age=accounts.SESSION_HOURS * 3600)
        resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/dang-nhap")
        return resp

    @app.post("/dang-xuat")
    async def logout(request: Request) -> Response:
        s = await run_in_threadpool(require, request)
        await form_of(request, s)
        await run_in_threadpool(accounts.close_session, store, request.cookies.get(COOKIE))
        resp = RedirectResponse("/dang-nhap", status_code=303)
        resp.delete_cookie(COOKIE, path="/")
        return resp

    @app.get("/viec", response_class=HTMLResponse)
    def work(request: Request) -> Response:
        s = require(request)
        f = Filters.of(request.query_params)
        lst = listing(s.user, f)
        snap = snapshots.get(today_of())
        return render(request, "viec.html", f=f, lst=lst, max_per_bucket=MAX_PER_BUCKET, choices=choices(),
                      follow=snap.follow, unit_names=[u.name for u in snap.units if u.n_obligations])

    @app.get("/viec/thong-ke.xlsx")
    def work_xlsx(request: Request) -> Response:
        s = require(request)
        f = Filters.of(request.query_params)
        lst = listing(s.user, f)
        t = today_of()
        a, b = period_bounds(f.period, t)
        title = "Thống kê nhiệm vụ theo đơn vị và trạng thái"
        if a and b:
            title += f" ({vn_date(a)} – {vn_date(b)})"
        title += f", lập ngày {vn_date(t)}"
        data = counts_workbook(lst.counts, title=title)
        name = f"thong-ke-nhiem-vu-{t.isoformat()}.xlsx"
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/nhiem-vu/{uid}", response_class=HTMLResponse)
    def item(request: Request, uid: str, loi: str = "", ok: str = "") -> Response:
        s = require(request)
        row = find(s.user, uid)
        follow = followup.load(store)
        ob = row.ob
        doc = store.document_json(ob.document_path) or {}
        obs = doc.get("obligations") or []
        extracted = obs[ob.ordinal] if 0 <= ob.ordinal < len(obs) else None
        loc = ob.loc or {}
        text = block_text(index.content(ob.document_path), loc)
        if text is not None:
            segs = segments(text, spans_of(extracted, loc, ROLE_LABELS))
            source_kind = "cell" if loc.get("row") is not None else "paragraph"
        else:
            text = ob.source_text or ob.action
            words = [(u.get("raw"), "unit", u.get("name")) for u in (extracted or {}).get("units") or []]
            for k in ("deadline", "recurrence"):
                d = (extracted or {}).get(k) or {}
                words.append((d.get("text"), k, d.get("date") or d.get("rrule")))
            segs = segments(text, find_spans(text, words))
            source_kind = "source_text"
        with store._read() as conn:  # noqa: SLF001
            doc_row = conn.execute(sa.select(documents.c.id).where(documents.c.path == ob.document_path)).scalar()
        sugg = followup.suggestions(store, [ob], follow, _unit_keys(store, follow)).get(uid, [])
        return render(request, "nhiem_vu.html", row=row, ob=ob, extracted=extracted, segs=segs,
                      source_kind=source_kind, doc_row=doc_row, history=followup.history(store, uid),
                      review=follow.review(uid), done=follow.done.get(uid), suggestions=sugg, error=loi, ok=ok,
                      page=loc.get("page"), reports=_reports(store))

    async def _post_item(request: Request, uid: str, action: Callable[[accounts.Session, Row, dict[str, str]], str]):
        s = await run_in_threadpool(require, request)
        form = await form_of(request, s)
        row = await run_in_threadpool(find, s.user, uid)
        before = await run_in_threadpool(snapshots.fingerprint)
        try:
            msg = await run_in_threadpool(action, s, row, form)
            await run_in_threadpool(snapshots.refresh_document, today_of(), row.ob.document_path, before)
        except Forbidden:
            raise HTTPException(status_code=403)
        except ValueError as exc:
            return RedirectResponse(f"/nhiem-vu/{quote(uid)}?" + urlencode({"loi": str(exc)}), status_code=303)
        return RedirectResponse(f"/nhiem-vu/{quote(uid)}?" + urlencode({"ok": msg}), status_code=303)

    @app.post("/nhiem-vu/{uid}/sua")
    async def correct(request: Request, uid: str) -> Response:
        def act(s: accounts.Session, row: Row, form: dict[str, str]) -> str:
            if not s.user.can_review:
                raise Forbidden()
            what = form.get("truong", "")
            if what == "deadline":
                value: Any = {"date": (parse_date_field(form.get("han")) or None), "text": form.get("han_chu")}
                value["date"] = value["date"].isoformat() if value["date"] else None
            elif what == "recurrence":
                value = {"text": form.get("dinh_ky_chu"), "rrule": form.get("rrule")}
            elif what == "action":
                value = form.get("nhiem_vu")
            elif what == "units":
                value = []
                for i in range(20):
                    name = form.get(f"don_vi_{i}")
                    if name is None:
                        break
                    if name.strip():
                        value.append({"name": name, "role": form.get(f"vai_tro_{i}") or "lead"})
                if not value:
                    raise ValueError("cần ít nhất một đơn vị")
            elif what == "review":
                value = form.get("gia_tri")
            else:
                raise ValueError("không rõ trường cần sửa")
            followup.add_correction(store, row.ob, what, value, s.user.username)
            return {"review": "Đã ghi nhận xác nhận."}.get(what, "Đã lưu sửa đổi.")
        return await _post_item(request, uid, act)

    @app.post("/nhiem-vu/{uid}/hoan-thanh")
    async def complete(request: Request, uid: str) -> Response:
        def act(s: accounts.Session, row: Row, form: dict[str, str]) -> str:
            if not s.user.can_close:
                raise Forbidden()
            done_on = parse_date_field(form.get("ngay")) or today_of()
            report = form.get("bao_cao") or None
            if report and report not in {p for p, _ in _reports(store)}:
                raise ValueError("văn bản báo cáo không có trong kho")
            followup.mark_done(store, row.ob, done_on=done_on, note=form.get("ghi_chu"), username=s.user.username,
                               report_path=report, suggested=form.get("goi_y") == "1")
            return "Đã đánh dấu hoàn thành."
        return await _post_item(request, uid, act)

    @app.post("/nhiem-vu/{uid}/mo-lai")
    async def reopen(request: Request, uid: str) -> Response:
        def act(s: accounts.Session, row: Row, form: dict[str, str]) -> str:
            if not s.user.can_close:
                raise Forbidden()
            followup.reopen(store, row.ob.uid)
            return "Đã mở lại nhiệm vụ."
        return await _post_item(request, uid, act)

    @app.post("/nhiem-vu/{uid}/bo-goi-y")
    async def dismiss(request: Request, uid: str) -> Response:
        def act(s: accounts.Session, row: Row, form: dict[str, str]) -> str:
            if not s.user.can_close:
                raise Forbidden()
            followup.dismiss(store, row.ob.uid, form.get("bao_cao", ""), s.user.username)
            return "Đã bỏ gợi ý."
        return await _post_item(request, uid, act)

    @app.get("/xac-nhan", response_class=HTMLResponse)
    def review_list(request: Request, van_ban: str = "", tat_ca: str = "", loi: str = "", ok: str = "") -> Response:
        s = require(request)
        if not s.user.can_review:
            raise HTTPException(status_code=403)
        snap = snapshots.get(today_of())
        follow = snap.follow
        res = filter_rows(snap, document=van_ban or None, include_rejected=True)
        rows = [r for r in res.rows if tat_ca or follow.review(r.ob.uid) is None]
        rows.sort(key=lambda r: (r.ob.document_path, r.ob.ordinal))
        refs = []
        doc = _document(store, van_ban) if van_ban else None
        if doc is not None:
            key = document_key(doc)
            for ref in doc.get("references") or []:
                c = follow.latest(followup.reference_uid(key, ref.get("id") or "")).get("reference")
                refs.append({"ref": ref, "review": c.value if c else None, "by": c.username if c else None,
                             "at": c.at if c else None})
        return render(request, "xac_nhan.html", rows=rows[:500], total=len(rows), follow=follow, van_ban=van_ban,
                      refs=refs,
                      tat_ca=tat_ca, choices=choices(), merges=follow.merge_groups(), error=loi, ok=ok,
                      unit_names=_unit_names(store))

    @app.post("/van-ban/tham-chieu")
    async def review_reference(request: Request) -> Response:
        s = await run_in_threadpool(require, request)
        form = await form_of(request, s)
        if not s.user.can_review:
            raise HTTPException(status_code=403)
        van_ban = form.get("van_ban", "")
        back = "/xac-nhan?" + urlencode({"van_ban": van_ban})
        doc = await run_in_threadpool(_document, store, van_ban)
        ref_id = form.get("ref_id", "")
        if doc is None or ref_id not in {r.get("id") for r in doc.get("references") or []}:
            raise HTTPException(status_code=404)
        try:
            day = parse_date_field(form.get("ngay"))
            value = {"review": form.get("gia_tri") or None, "date": day.isoformat() if day else None,
                     "issuer": form.get("co_quan")}
            await run_in_threadpool(followup.review_reference, store, document_key(doc), ref_id, value,
                                    s.user.username)
        except ValueError as exc:
            return RedirectResponse(back + "&" + urlencode({"loi": str(exc)}), status_code=303)
        return RedirectResponse(back + "&" + urlencode({"ok": f"Đã ghi nhận {ref_id}."}), status_code=303)

    @app.post("/don-vi/gop")
    async def merge(request: Request) -> Response:
        s = await run_in_threadpool(require, request)
        form = await form_of(request, s)
        if not s.user.can_review:
            raise HTTPException(status_code=403)
        try:
            await run_in_threadpool(followup.merge_units, store, form.get("don_vi", ""), form.get("gop_voi", ""),
                                    s.user.username)
            snapshots.invalidate()
        except ValueError as exc:
            return RedirectResponse("/xac-nhan?" + urlencode({"loi": str(exc)}), status_code=303)
        return RedirectResponse("/xac-nhan?" + urlencode({"ok": "Đã gộp hai đơn vị."}), status_code=303)

    @app.get("/lich", response_class=HTMLResponse)
    def calendar_page(request: Request) -> Response:
        s = require(request)
        names = [s.user.unit] if not s.user.sees_all else _unit_names(store)
        feeds = []
        base = str(request.base_url).rstrip("/")
        for n in [n for n in names if n]:
            token = followup.feed_token(store, n)
            url = f"{base}/lich/{unit_slug(n)}.ics?token={token}"
            feeds.append({"unit": n, "url": url, "webcal": "webcal://" + url.split("://", 1)[1]})
        return render(request, "lich.html", feeds=feeds)

    @app.post("/lich/doi-ma")
    async def renew_token(request: Request) -> Response:
        s = await run_in_threadpool(require, request)
        form = await form_of(request, s)
        unit = form.get("don_vi", "")
        if not s.user.sees_all and name_key(unit) != name_key(s.user.unit or ""):
            raise HTTPException(status_code=403)
        await run_in_threadpool(followup.feed_token, store, unit, renew=True)
        return RedirectResponse("/lich", status_code=303)

    @app.get("/lich/{slug}.ics")
    def calendar_feed(slug: str, token: str = "") -> Response:
        unit = slug.replace("-", " ")
        if not token or not followup.check_feed_token(store, unit, token):
            raise HTTPException(status_code=403)
        t = today_of()
        res = filter_rows(snapshots.get(t), unit=unit)  # rejected items are left out, and done ones below
        rems, _ = reminders_from([r for r in res.rows if r.due.status != followup.DONE], t)
        name = "Hạn nhiệm vụ — " + (", ".join(u.name for u in res.units[:3]) or unit)
        cal = build_calendar(rems, name=name)
        return Response(cal.to_ical(), media_type="text/calendar; charset=utf-8",
                        headers={"Cache-Control": "no-cache", "Content-Disposition": f'inline; filename="{slug}.ics"'})

    @app.get("/van-ban/{doc_row}/tep")
    def original(request: Request, doc_row: int) -> Response:
        s = require(request)
        with store._read() as conn:  # noqa: SLF001
            path = conn.execute(sa.select(documents.c.path).where(documents.c.id == doc_row)).scalar()
        if path is None:
            raise HTTPException(status_code=404)
        if not s.user.sees_all and not any(r.ob.document_path == path for r in visible(s.user).rows):
            raise HTTPException(status_code=403)
        p = Path(path)
        if not p.is_file():
            raise HTTPException(status_code=404)
        media = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8", ".md": "text/plain; charset=utf-8",
                 ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 ".doc": "application/msword"}.get(p.suffix.lower(), "application/octet-stream")
        inline = p.suffix.lower() in (".pdf", ".txt", ".md")
        return FileResponse(p, media_type=media, filename=p.name,
                            content_disposition_type="inline" if inline else "attachment")

    return app


def app_from_env() -> FastAPI:
    """The app as ``vanban web --workers N`` starts it in each worker process
    (uvicorn imports a factory by name): the database of ``VANBAN_DB_URL``, the
    JSON outputs of ``VANBAN_WEB_STRUCTURED``, Secure cookies when
    ``VANBAN_WEB_HTTPS`` is set.  Sessions live in the database, so any worker
    serves any user."""
    import os

    return create_app(os.environ.get("VANBAN_DB_URL") or None,
                      structured_dir=os.environ.get("VANBAN_WEB_STRUCTURED", "data/structured"),
                      secure_cookies=True if os.environ.get("VANBAN_WEB_HTTPS") else None)


def _safe_next(nxt: str) -> str:
    """Only a path of this site after login (never another host)."""
    return nxt if nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt else "/viec"


def _unit_names(store: Store) -> list[str]:
    return [u.name for u in store.units() if u.n_obligations]


def _unit_keys(store: Store, follow: followup.FollowUp) -> dict[str, set[str]]:
    """Each unit's names as compared (its aliases, and the names merged with it)."""
    groups = load_aliases() + follow.merge_groups()
    out: dict[str, set[str]] = {}
    for u in store.units():
        keys = {name_key(n) for n in (u.name, *u.aliases)}
        for g in groups:
            if keys & g.keys:
                keys |= set(g.keys)
        out[u.name] = keys
    return out


def _document(store: Store, document: str) -> dict[str, Any] | None:
    """The indexed JSON of a document named by its number/symbol, path or
    file stem (its most original copy)."""
    with store._read() as conn:  # noqa: SLF001
        rows = conn.execute(sa.select(documents.c.path, documents.c.doc_id, documents.c.stem,
                                      documents.c.format)).all()
    key = reference_key(document)
    found = [DocumentCopy("d", r.stem, bool(r.doc_id), r.format, r.path) for r in rows
             if r.path == document or r.stem == document or (r.doc_id and reference_key(r.doc_id) == key)]
    if not found:
        return None
    return store.document_json(preferred_copies(found)[0].path)


def _reports(store: Store) -> list[tuple[str, str]]:
    """Ingested documents a completion may name as its report: (path, label)."""
    with store._read() as conn:  # noqa: SLF001
        rows = conn.execute(sa.select(documents.c.path, documents.c.doc_id, documents.c.type, documents.c.type_code,
                                      documents.c.stem).order_by(documents.c.stem)).all()
    return [(r.path, f"{r.type or 'Văn bản'} {r.doc_id or r.stem}") for r in rows
            if followup.is_report_document(r.type_code, r.type)]


__all__ = ["create_app", "app_from_env", "unit_slug", "period_bounds", "bucket_counts", "counts_workbook"]
