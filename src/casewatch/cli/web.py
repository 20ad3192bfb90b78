"""Commands for the web workplace and sharing: serve, export a case file, search the reports."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .base import Format, FormatOpt, app, err, open_store, show, state


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Run the web UI and REST API (pages at /, API at /api, its docs at /api/docs)."""
    import uvicorn

    from ..web import create_app

    store = open_store()
    try:
        users = store.count_users()
    finally:
        store.close()
    if users == 0:
        err.print("casewatch: no users yet, so nobody can sign in; create the first one with\n"
                  "  casewatch user add NAME --role admin\n"
                  "(it asks for a password), then reload the page.", markup=False, highlight=False)
    err.print(f"casewatch: serving {state.settings.db_path} at http://{host}:{port}/  (Ctrl-C stops)",
              markup=False, highlight=False)
    uvicorn.run(create_app(state.settings), host=host, port=port, log_level="warning", proxy_headers=False)


def _exporter() -> str:
    """Who the dossier says exported it from the command line: the login name, else "command line"."""
    import getpass

    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):
        return "command line"


@app.command()
def export(
    case: Annotated[str, typer.Argument(metavar="CASE", help="A case id, unique prefix, or the person's name.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (the schema), csv (a row per fact) or html "
                                                           "(a printable dossier).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
                      ] = None,
) -> None:
    """Export a case file to share: JSON, CSV or a printable HTML dossier."""
    import sys

    from ..errors import InvalidValueError
    from ..views.export import FORMATS
    from ..views.export import export as run_export

    if fmt not in FORMATS:
        raise InvalidValueError(f"no export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from ..store.integrity import audit_head
    from ..views.export import Provenance
    from ..views.shapes import report_names

    store = open_store()
    try:
        head = audit_head(store)
        cf = store.get_case(case)
        provenance = Provenance.now(_exporter(), report_names(store, [s["document"] for s in cf.get("sources", [])]))
        body, _ = run_export(cf, fmt, head.to_json() if head.entries else None, provenance)
    finally:
        store.close()
    if output is None:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        output.write_bytes(body)
        err.print(f"casewatch: wrote {output}", markup=False, highlight=False)


@app.command()
def search(
    words: Annotated[list[str], typer.Argument(help="Words that must all appear; end one with * for a prefix.")],
    limit: Annotated[int, typer.Option("--limit", help="How many reports, best first.")] = 20,
    fmt: FormatOpt = Format.table,
) -> None:
    """Full-text search over the reports' titles and clean text."""
    from ..store.search import MARK_END, MARK_START
    from ..views.document_tables import search_table

    def read(store: Any) -> dict[str, Any]:
        total, hits = store.search_documents(" ".join(words), limit)
        return {"total": total, "items": [{"id": h.document_id, "title": h.title,
                                           "snippet": h.snippet.replace(MARK_START, "[[").replace(MARK_END, "]]")}
                                          for h in hits]}

    show(fmt, read, search_table)
