"""Following and alerts: follow, following, unfollow, alerts, alerts send."""
from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .base import Format, FormatOpt, actor, app, open_store, out, show, state


class Digest(StrEnum):
    daily = "daily"


def _what(case: str | None, status: str | None, place: str | None, query: str | None,
          person: str | None) -> tuple[str, str]:
    from ..errors import InvalidValueError

    given = [(k, v) for k, v in (("case", case), ("status", status), ("place", place), ("query", query),
                                 ("person", person)) if v is not None]
    if len(given) != 1:
        raise InvalidValueError("say what to follow: a CASE, or one of --status, --place, --query, --person")
    return given[0]


@app.command()
def follow(
    case: Annotated[str | None, typer.Argument(metavar="[CASE]", help="A case id, unique prefix, or the person's "
                                                                      "name, as `casewatch case` takes it.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="Any case that reaches one of these statuses "
                                                                "(comma-separated), e.g. sentenced_to_death,executed."
                                               )] = None,
    place: Annotated[str | None, typer.Option("--place", help="A place or facility the case file gives.")] = None,
    query: Annotated[str | None, typer.Option("--query", help="Words that must all appear in a case's names, "
                                                              "places or the change's quotes.")] = None,
    person: Annotated[str | None, typer.Option("--person", help="A person's name or alias (any case, with or "
                                                                "without diacritics).")] = None,
    user: Annotated[str, typer.Option("--user", help="The user who follows (`casewatch user list`).")] = ...,
    notify: Annotated[str, typer.Option("--notify", metavar="webhook:URL|email:ADDRESS|file:PATH",
                                        help="Where alerts go.")] = ...,
    digest: Annotated[Digest | None, typer.Option("--digest", help="daily: one message a day instead of one per "
                                                                   "change.")] = None,
) -> None:
    """Follow a case, a person, statuses, a place or a search: each matching change becomes an alert."""
    from ..alerts.follow import create_follow, parse_notify
    from ..views.follow_tables import follow_line

    kind, value = _what(case, status, place, query, person)
    channel, target = parse_notify(notify)
    store = open_store()
    try:
        made = create_follow(store, user, kind, value, channel, target, digest.value if digest else "",
                             actor=actor())
    finally:
        store.close()
    out.print(follow_line(made.follow), markup=False, highlight=False)
    if made.secret:
        out.print(f"signing secret (shown this once; keep it to check X-Casewatch-Signature): {made.secret}",
                  markup=False, highlight=False)


@app.command()
def following(
    user: Annotated[str | None, typer.Option("--user", help="Only this user's follows.")] = None,
    removed: Annotated[bool, typer.Option("--removed", help="Also the follows that were removed.")] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the follows (webhook addresses shown masked)."""
    from ..views.follow_tables import follows_table

    show(fmt, lambda store: [f.to_json() for f in store.follows(user, include_removed=removed)], follows_table)


@app.command()
def unfollow(follow_id: Annotated[int, typer.Argument(metavar="ID", help="The follow's id (`following`).")]) -> None:
    """Stop a follow: no new alerts; its alerts not yet delivered are cancelled."""
    from ..alerts.follow import end_follow
    from ..views.follow_tables import follow_line

    store = open_store()
    try:
        done = end_follow(store, follow_id, actor=actor())
    finally:
        store.close()
    out.print(f"removed {follow_line(done)}", markup=False, highlight=False)


alerts_app = typer.Typer(help="The alerts made from changes and their deliveries; `alerts send` sends those due.",
                         invoke_without_command=True)
app.add_typer(alerts_app, name="alerts")


class AlertState(StrEnum):
    pending = "pending"
    failing = "failing"
    delivered = "delivered"
    cancelled = "cancelled"


@alerts_app.callback()
def alerts(
    ctx: typer.Context,
    alert_state: Annotated[AlertState | None, typer.Option("--state", help="Only alerts in this state.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the alerts, newest first: the change, the follow, the channel, the state and the tries."""
    if ctx.invoked_subcommand is not None:
        return
    from ..views.follow_tables import alerts_table

    show(fmt, lambda store: store.alerts_list(state=alert_state.value if alert_state else None)[1], alerts_table)


@alerts_app.command("send")
def alerts_send(fmt: FormatOpt = Format.table) -> None:
    """Send every alert due now (once; the monitor does this after each pass)."""
    from ..alerts.deliver import deliver_due
    from ..views.document_tables import print_json

    store = open_store()
    try:
        report = deliver_due(store, state.settings)
    finally:
        store.close()
    if fmt is Format.json:
        print_json(out, report.to_json())
        return
    for line in report.lines:
        out.print(line, markup=False, highlight=False)
    out.print(f"sent {report.sent} message(s) ({report.delivered} alert(s)); {report.failed} failed and will be "
              f"tried again; {report.waiting_digest} wait for their daily digest", markup=False, highlight=False)
