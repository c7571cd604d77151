"""Accounts of the tracker web app: users, their unit and role, passwords
hashed with Argon2id (argon2-cffi), server-side sessions with a CSRF token.

Roles:

* ``staff`` (cán bộ đơn vị): sees and closes the items of their own unit;
* ``reviewer`` (người rà soát): sees all, confirms and corrects extractions;
* ``coordinator`` (điều phối): the office that issued the plan — sees all,
  does all (confirm, correct, merge units, close any item).

A session cookie holds a random token; the database keeps only its SHA-256,
so a copy of the database opens no session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from core.textutil import nfc
from tracker.store import Store

ROLES = {"staff": "cán bộ đơn vị", "reviewer": "người rà soát", "coordinator": "điều phối"}
SESSION_HOURS = 12

metadata = sa.MetaData()
users = sa.Table(
    "web_users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(128), nullable=False, unique=True),
    sa.Column("full_name", sa.Text),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("unit", sa.Text),
    sa.Column("created_at", sa.String(32), nullable=False),
)
sessions = sa.Table(
    "web_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
)

_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    full_name: str | None
    role: str
    unit: str | None

    @property
    def sees_all(self) -> bool:
        return self.role in ("coordinator", "reviewer")

    @property
    def can_review(self) -> bool:
        return self.role in ("coordinator", "reviewer")

    @property
    def can_close(self) -> bool:
        """Mark items done (staff: their unit's; a coordinator: any); a reviewer only confirms."""
        return self.role in ("staff", "coordinator")

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf: str


class AccountError(ValueError):
    """A user that cannot be created (said in one line)."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(store: Store, username: str, password: str, *, role: str, unit: str | None = None,
             full_name: str | None = None, replace: bool = False) -> User:
    username = nfc(username).strip()
    if not username or len(username) > 128 or any(c.isspace() for c in username):
        raise AccountError("a user name is one word of 1 to 128 characters")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if role == "staff" and not (unit or "").strip():
        raise AccountError("a staff user needs --unit")
    if len(password) < 8:
        raise AccountError("the password needs at least 8 characters")
    values = {"username": username, "full_name": nfc(full_name).strip() if full_name else None,
              "password_hash": _hasher.hash(password), "role": role,
              "unit": nfc(unit).strip() if unit else None, "created_at": _utcnow().isoformat(timespec="seconds")}
    with store._write() as conn:  # noqa: SLF001
        existing = conn.execute(sa.select(users.c.id).where(users.c.username == username)).scalar()
        if existing is not None and not replace:
            raise AccountError(f"user {username!r} exists (use --replace to change it)")
        if existing is not None:
            conn.execute(users.update().where(users.c.id == existing).values(**values))
            conn.execute(sessions.delete().where(sessions.c.user_id == existing))
            uid = existing
        else:
            uid = conn.execute(users.insert().values(**values)).inserted_primary_key[0]
    return User(uid, username, values["full_name"], role, values["unit"])


def list_users(store: Store) -> list[User]:
    with store._read() as conn:  # noqa: SLF001
        rows = conn.execute(sa.select(users).order_by(users.c.username)).all()
    return [User(r.id, r.username, r.full_name, r.role, r.unit) for r in rows]


def authenticate(store: Store, username: str, password: str) -> User | None:
    with store._read() as conn:  # noqa: SLF001
        row = conn.execute(sa.select(users).where(users.c.username == nfc(username).strip())).first()
    if row is None:
        _hasher.hash(password)  # the same time whether the user exists or not
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return User(row.id, row.username, row.full_name, row.role, row.unit)


def open_session(store: Store, user: User) -> str:
    """A new session for ``user``; returns the cookie's token."""
    token = secrets.token_urlsafe(32)
    expires = (_utcnow() + dt.timedelta(hours=SESSION_HOURS)).isoformat(timespec="seconds")
    with store._write() as conn:  # noqa: SLF001
        conn.execute(sessions.delete().where(sessions.c.expires_at < _utcnow().isoformat(timespec="seconds")))
        conn.execute(sessions.insert().values(token_hash=_token_hash(token), user_id=user.id,
                                              csrf=secrets.token_urlsafe(32), expires_at=expires))
    return token


def session_of(store: Store, token: str | None) -> Session | None:
    if not token:
        return None
    with store._read() as conn:  # noqa: SLF001
        row = conn.execute(
            sa.select(sessions.c.csrf, sessions.c.expires_at, users.c.id, users.c.username, users.c.full_name,
                      users.c.role, users.c.unit)
            .join(users, users.c.id == sessions.c.user_id)
            .where(sessions.c.token_hash == _token_hash(token))).first()
    if row is None or row.expires_at < _utcnow().isoformat(timespec="seconds"):
        return None
    return Session(User(row.id, row.username, row.full_name, row.role, row.unit), row.csrf)


def close_session(store: Store, token: str | None) -> None:
    if token:
        with store._write() as conn:  # noqa: SLF001
            conn.execute(sessions.delete().where(sessions.c.token_hash == _token_hash(token)))
