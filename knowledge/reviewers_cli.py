"""python -m knowledge reviewers add | list | retire | restore | set-role | set-password | unlock | log."""

from __future__ import annotations

import argparse
import getpass
import sys

from knowledge.db import Database
from knowledge.reviewers import AccountError, Reviewers, Role


def add_parser(sub: argparse._SubParsersAction) -> None:
    """The `reviewers` command group of `python -m knowledge`."""
    reviewers = sub.add_parser("reviewers", help="reviewer accounts of the review page (when OIDC is not used)")
    actions = reviewers.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create an account (asks for its password)")
    add.add_argument("name")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.REVIEWER.value)
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    actions.add_parser("list", help="accounts, roles, whether active or locked")
    for action, text in (("retire", "disable an account"), ("restore", "enable a retired account")):
        actions.add_parser(action, help=text).add_argument("name")
    role = actions.add_parser("set-role", help="make an account reviewer or admin")
    role.add_argument("name")
    role.add_argument("--role", choices=[r.value for r in Role], required=True)
    password = actions.add_parser("set-password", help="set a new password (also lifts a lock)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")
    actions.add_parser("unlock", help="lift a lock after failed logins").add_argument("name")
    log = actions.add_parser("log", help="the access log, newest first")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--failed", action="store_true", help="failed logins only")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise AccountError("the two passwords differ")
    return first


def run(db: Database, args: argparse.Namespace) -> int:
    """One reviewers command; the actor in the access log is the operating-system user running it."""
    reviewers = Reviewers(db)
    actor = f"cli:{getpass.getuser()}"
    try:
        if args.action == "add":
            account = reviewers.add(args.name, Role(args.role), _password(args), actor)
            print(f"added {account.name} ({account.role.value})")
        elif args.action == "list":
            for account in reviewers.accounts():
                state = "active" if account.active else "retired"
                locked = f", locked until {account.locked_until}" if account.locked_until else ""
                print(f"{account.name}\t{account.role.value}\t{state}{locked}")
        elif args.action in ("retire", "restore"):
            reviewers.set_active(args.name, args.action == "restore", actor)
            print(f"{args.name}: {'restored' if args.action == 'restore' else 'retired'}")
        elif args.action == "set-role":
            reviewers.set_role(args.name, Role(args.role), actor)
            print(f"{args.name}: {args.role}")
        elif args.action == "set-password":
            reviewers.set_password(args.name, _password(args), actor)
            print(f"{args.name}: password set")
        elif args.action == "unlock":
            reviewers.unlock(args.name, actor)
            print(f"{args.name}: unlocked")
        else:
            for event in reviewers.events(args.limit, "login_failed" if args.failed else None):
                print(f"{event.at}\t{event.event}\t{event.account}\t{event.actor}\t{event.detail}")
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
