"""``vanban user add|list``: accounts of the tracker web app."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from cli.options import open_store
from tracker.web.accounts import ROLES, AccountError, add_user, list_users


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="user_command", metavar="ACTION")
    a = sub.add_parser("add", help="create (or with --replace change) an account")
    a.add_argument("username")
    a.add_argument("--role", choices=sorted(ROLES), default="staff",
                   help="staff: their unit's items; reviewer: confirms extractions; coordinator: all (default staff)")
    a.add_argument("--unit", metavar="NAME", help="the unit the user belongs to (needed for staff)")
    a.add_argument("--name", metavar="FULL_NAME", help="the person's name as shown")
    a.add_argument("--password-env", metavar="VAR",
                   help="read the password from environment variable VAR (default: ask on the terminal)")
    a.add_argument("--replace", action="store_true", help="change an existing account")
    ls = sub.add_parser("list", help="list the accounts")
    for sp in (a, ls):
        sp.add_argument("--db", metavar="URL", default=None,
                        help="index database (default: VANBAN_DB_URL or data/vanban.sqlite)")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "user_command", None) not in ("add", "list"):
        print("vanban: user needs an action: add or list", file=sys.stderr)
        return 2
    if args.user_command == "add":
        if args.password_env:
            password = os.environ.get(args.password_env)
            if password is None:
                print(f"vanban: environment variable {args.password_env} is not set", file=sys.stderr)
                return 2
        else:
            password = getpass.getpass("Mật khẩu: ")
            if getpass.getpass("Nhập lại mật khẩu: ") != password:
                print("vanban: the passwords differ", file=sys.stderr)
                return 2
    store = open_store(args.db, must_exist=False)
    if store is None:
        return 2
    try:
        if args.user_command == "list":
            for u in list_users(store):
                print(f"{u.username}\t{u.role}\t{u.unit or ''}\t{u.full_name or ''}")
            return 0
        try:
            u = add_user(store, args.username, password, role=args.role, unit=args.unit, full_name=args.name,
                         replace=args.replace)
        except AccountError as exc:
            print(f"vanban: {exc}", file=sys.stderr)
            return 2
        print(f"user {u.username} ({u.role}{', ' + u.unit if u.unit else ''}) saved")
        return 0
    finally:
        store.close()
