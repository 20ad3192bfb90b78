"""Commands over what is built across reports: entities, cases, one case file, figures."""
from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

import typer

from .base import Format, FormatOpt, app, show


class Kind(StrEnum):
    person = "person"
    org = "org"


@app.command()
def entities(
    kind: Annotated[Kind | None, typer.Option("--kind", help="Only people or only organisations.")] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the people and organisations resolved across reports, with every mention."""
    from ..views import queries
    from ..views.case_tables import entities_table

    show(fmt, lambda store: queries.entities(store, kind.value if kind else None)[1],
         lambda items: entities_table(items, kind.value if kind else None))


class CaseOrder(StrEnum):
    name = "name"
    status = "status"
    reports = "reports"
    outlets = "outlets"
    sources = "sources"
    latest = "latest"


@app.command()
def cases(
    name: Annotated[str | None, typer.Option("--name", help="Part of a name or alias (any case, spelling, "
                                                             "with or without diacritics).")] = None,
    status: Annotated[str | None, typer.Option("--status", help="Only cases with this status.")] = None,
    facility: Annotated[str | None, typer.Option("--facility", help="Part of a facility the reports give.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Part of an outlet among the case's reports.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD",
                                              help="Latest development on or after this day.")] = None,
    sort: Annotated[CaseOrder, typer.Option("--sort", help="Column to sort by.")] = CaseOrder.name,
    desc: Annotated[bool, typer.Option("--desc", help="Largest, newest or Z first.")] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the cases: one per person the reports tie to an arrest, trial, sentence, execution..."""
    from ..errors import InvalidValueError
    from ..views import queries
    from ..views.case_tables import cases_table

    if since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
        raise InvalidValueError(f"--since {since!r}: give a day as YYYY-MM-DD")
    filters = queries.CaseFilters(status=status, name=name, facility=facility, outlet=outlet, since=since,
                                  order=sort.value, descending=desc)
    show(fmt, lambda store: queries.cases(store, filters=filters)[1], cases_table)


@app.command()
def case(
    ref: Annotated[str, typer.Argument(metavar="ID_OR_NAME", help="A case id (or a unique prefix of "
                                                                  "one, as `cases` shows it), "
                                                                  "or the person's name or alias.")],
    fmt: FormatOpt = Format.table,
) -> None:
    """Show one case file: conflicts, facts with their quotes and sources, timeline, reports."""
    from ..views.case_tables import case_view

    show(fmt, lambda store: find_case(store, ref), case_view)


def find_case(store, ref: str) -> dict:
    """The case ``ref`` names; a short id as ``casewatch cases`` shows it (no ``case-``) finds it too."""
    from ..errors import NotFoundError
    from ..views import queries
    from ..views.short_ids import case_ref_candidates

    *bare, last = case_ref_candidates(ref)
    for candidate in bare:
        try:
            return queries.case(store, candidate)
        except NotFoundError:
            continue
    return queries.case(store, last)


@app.command()
def figures(fmt: FormatOpt = Format.table) -> None:
    """List the figures the reports give (killed, arrested, executions...), each with its quotes."""
    from ..views import queries
    from ..views.case_tables import figures_table

    show(fmt, lambda store: queries.figures(store)[1], figures_table)
