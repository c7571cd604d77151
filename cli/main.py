"""The ``vanban`` command: a thin shell over the library.

Each subcommand lives in its own module ``cli/<subcommand>.py`` exposing
``add_arguments(parser)`` and ``run(args) -> int``, a shell over the library
(``pipeline``, ``tracker``, ``flows``); only the chosen subcommand's module
is imported, so ``vanban extract`` never pays for Prefect or SQLAlchemy.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("cli.extract", "parse one document and print its structured JSON"),
    "ingest": ("cli.ingest", "batch job (Prefect flow): data/raw/ → data/structured/ and the query index"),
    "obligations": ("cli.obligations", "query ingested obligations by unit, date, status"),
    "units": ("cli.units", "the units of the index with their aliases (and the clerk's alias file)"),
    "reminders": ("cli.reminders", "export deadlines as reminders (.ics or .csv)"),
    "references": ("cli.references", "the citation graph: who cites ID, or the most cited references"),
    "eval": ("cli.eval", "score extraction against gold annotations (precision, recall, F1)"),
    "scoresheet": ("cli.scoresheet", "criteria table → self-assessment Excel sheet, or read a filled one"),
    "show": ("cli.show", "HTML view (displaCy) of what was found in a document, for a reviewer"),
    "serve": ("cli.serve", "serve the ingest and reminders flows as scheduled Prefect deployments"),
    "server": ("cli.server", "run the Prefect server (API and UI) on vanban's Prefect home"),
    "web": ("cli.web", "the tracker web app (Vietnamese) on localhost, over the same store"),
    "user": ("cli.user", "accounts of the web app: vanban user add NAME --role … --unit …"),
    "export-gold": ("cli.export_gold", "a document as corrected in the web app, in the gold annotation format"),
}


def _parser(selected: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Vietnamese administrative documents → structured, checkable data.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_, description=help_)
        if name == selected:
            importlib.import_module(module).add_arguments(sp)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    selected = next((a for a in argv if not a.startswith("-")), None)
    if selected not in COMMANDS:
        selected = None
    # before Prefect is imported: one Prefect home (vanban's, unless PREFECT_HOME is set), no
    # analytics, no per-task INFO lines; ingest/serve use a running local server when one answers
    from flows.server import prepare_environment

    prepare_environment(selected, os.environ)
    parser = _parser(selected)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        print("vanban: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
