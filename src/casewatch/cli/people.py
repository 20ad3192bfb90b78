"""Commands over people and what they decide: users, API tokens, reviews, the audit log."""
from __future__ import annotations

from typing import Annotated, Any

import typer

from .base import Format, FormatOpt, actor, app, open_store, out, show

user_app = typer.Typer(help="Manage who may sign in: add, list, change role or password, disable.",
                       no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts: create, list, revoke.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")

RoleArg = Annotated[str, typer.Argument(metavar="ROLE", help="viewer (reads), analyst (also reviews and uploads) "
                                                             "or admin (also manages users and reads the audit log).")]


def _password(given: str | None) -> str:
    if given is not None:
        return given
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _changed(store_call: Any) -> None:
    store = open_store()
    try:
        user = store_call(store)
    finally:
        store.close()
    out.print(f"user {user.name}: {user.role}{' (disabled)' if user.disabled_at else ''}", highlight=False)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The name they sign in with.")],
    role: Annotated[str, typer.Option("--role", help="viewer, analyst or admin.")] = "analyst",
    password: Annotated[str | None, typer.Option("--password", help="Prompted for (twice) when not given.")] = None,
) -> None:
    """Add a user who can sign in to `casewatch serve`."""
    from ..access import add_user, check_role

    check_role(role)
    secret = _password(password)
    _changed(lambda store: add_user(store, name, role, secret, actor()))


@user_app.command("list")
def user_list(fmt: FormatOpt = Format.table) -> None:
    """List the users with their role."""
    from ..views.people_tables import users_table

    show(fmt, lambda store: [u.to_json() for u in store.list_users()], users_table)


@user_app.command("role")
def user_role(name: Annotated[str, typer.Argument(help="The user.")], role: RoleArg) -> None:
    """Give a user another role (their browser sessions end)."""
    from ..access import check_role
    from ..store import now_iso

    check_role(role)
    _changed(lambda store: store.update_user(name, now_iso(), actor(), role=role))


@user_app.command("password")
def user_password(
    name: Annotated[str, typer.Argument(help="The user.")],
    password: Annotated[str | None, typer.Option("--password", help="Prompted for (twice) when not given.")] = None,
) -> None:
    """Set a user's password (their browser sessions end)."""
    from ..access import hash_password
    from ..store import now_iso

    hashed = hash_password(_password(password))
    _changed(lambda store: store.update_user(name, now_iso(), actor(), password_hash=hashed))


@user_app.command("disable")
def user_disable(name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Stop a user signing in or using their tokens (kept for the audit log; `enable` undoes it)."""
    from ..store import now_iso

    _changed(lambda store: store.update_user(name, now_iso(), actor(), disable=True))


@user_app.command("enable")
def user_enable(name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Let a disabled user sign in again."""
    from ..store import now_iso

    _changed(lambda store: store.update_user(name, now_iso(), actor(), enable=True))


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(metavar="USER", help="The user the token acts as.")],
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "api",
) -> None:
    """Make a new API token; it is printed once, as the last line, and only its hash is kept."""
    from ..access import create_token

    store = open_store()
    try:
        token_id, secret = create_token(store, name, label, actor())
    finally:
        store.close()
    out.print(f"token {token_id} for {name} ({label}); send it as 'Authorization: Bearer TOKEN':", highlight=False)
    out.print(secret, highlight=False, soft_wrap=True)


@token_app.command("list")
def token_list(
    user: Annotated[str | None, typer.Option("--user", help="Only this user's tokens.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List API tokens (never the tokens themselves): id, user, label, when made and last used."""
    from ..views.people_tables import tokens_table

    show(fmt, lambda store: [t.to_json() for t in store.list_tokens(user)], tokens_table)


@token_app.command("revoke")
def token_revoke(token_id: Annotated[int, typer.Argument(metavar="ID", help="The token's id (`token list`).")]
                 ) -> None:
    """Revoke an API token: it stops working at once."""
    from ..store import now_iso

    store = open_store()
    try:
        token = store.revoke_token(token_id, now_iso(), actor())
    finally:
        store.close()
    out.print(f"token {token.id} of {token.user} revoked", highlight=False)


@app.command()
def review(
    case: Annotated[str, typer.Argument(metavar="CASE", help="A case id, unique prefix, or the person's name.")],
    target: Annotated[str, typer.Argument(metavar="ITEM", help="The id of a fact, event or conflict of the case.")],
    state: Annotated[str, typer.Argument(metavar="STATE", help="confirmed, rejected, edited or unreviewed.")],
    user: Annotated[str, typer.Option("--user", help="The analyst or admin the review is recorded for.")],
    note: Annotated[str, typer.Option("--note", help="Why (required to reject or edit).")] = "",
    value: Annotated[str | None, typer.Option("--value", help="The corrected value of an edited fact, or the "
                                                              "value an edited conflict is settled on.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Confirm, reject or edit a fact, event or conflict of a case file, with a note (kept for good)."""
    from ..access import require
    from ..views.reviewing import find_target
    from ..views.reviewing import review as run_review

    store = open_store()
    try:
        require(store.get_user(user), "analyst")
        updated = run_review(store, case, target, state, user=user, note=note, value=value)
    finally:
        store.close()
    _, item = find_target(updated, target)
    if fmt is Format.json:
        from ..views.document_tables import print_json

        print_json(out, item)
    else:
        out.print(f"{target}: {item['review']} by {user}; case {updated['id']} is now {updated['status']}",
                  highlight=False)


@app.command()
def assign(
    case: Annotated[str, typer.Argument(metavar="CASE", help="A case id, unique prefix, or the person's name.")],
    state: Annotated[str, typer.Option("--state", help="new, in_review or verified.")] = "in_review",
    to: Annotated[str, typer.Option("--to", help="The user who works on the case (empty: nobody).")] = "",
    user: Annotated[str, typer.Option("--user", help="The analyst or admin the change is recorded for.")] = "",
    note: Annotated[str, typer.Option("--note", help="Why, kept with the change.")] = "",
) -> None:
    """Set a case's team state (new, in_review, verified) and who works on it (kept for good, audited)."""
    from ..access import require
    from ..views.casework import set_case_work

    store = open_store()
    try:
        require(store.get_user(user), "analyst")
        updated = set_case_work(store, case, state, user=user, assignee=to, note=note)
    finally:
        store.close()
    work = updated["work"]
    out.print(f"case {updated['id']} ({updated['subject']['name']}): {work['state']}, "
              f"assigned to {work['assignee'] or 'nobody'}", highlight=False)


@app.command()
def audit(
    limit: Annotated[int, typer.Option("--limit", help="How many entries, newest first.")] = 50,
    action: Annotated[str | None, typer.Option("--action", help="Only this action: ingest, rebuild, review, "
                                                                "user.add, user.change, token.create, "
                                                                "token.revoke.")] = None,
    who: Annotated[str | None, typer.Option("--actor", help="Only what this user (or cli:LOGIN) did.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Show the append-only audit log: who changed what, when, before and after."""
    from ..views.people_tables import audit_table

    show(fmt, lambda store: [e.to_json() for e in store.audit_log(limit=limit, action=action, actor=who)],
         audit_table)
