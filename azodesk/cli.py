"""The ``azodesk`` command line.

``azodesk`` alone starts the desktop (``--demo``: with the demo couple on an empty database);
``azodesk assess CASE.json`` prints the assessment of a case file.  Exit codes: 0 success,
2 invalid input (one line per problem on stderr), 1 an internal error (with a short message).
Heavy modules are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    from azodesk.offline import forbid_network

    forbid_network()
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        return _welcome(parser, args)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


#: Modules that add their own sub-commands through ``register(commands)``; each keeps its
#: heavy imports inside the command functions so that ``azodesk assess`` stays fast.
COMMAND_MODULES: tuple[str, ...] = ("azodesk.storage.commands", "azodesk.reports.commands",
                                    "azodesk.storage.account_commands")


def _parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="azodesk", description="AzoDesk: counselling desk for couples facing azoospermia."
    )
    parser.add_argument("--demo", action="store_true",
                        help="start the desktop with the demo couple when the database has no couples yet")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    assess = commands.add_parser(
        "assess", help="assess a case file (azodesk.case/1)",
        description="Print the assessment of a case file: likely cause, missing tests and the "
        "status of every pathway step.",
    )
    assess.add_argument("case", help="path of the case file, or - for standard input")
    assess.add_argument("--format", choices=("json", "text"), default="json")
    assess.add_argument("--lang", choices=("en", "id"), default="en")
    assess.set_defaults(run=_assess)
    review = commands.add_parser(
        "i18n-review", help="list the Indonesian texts not yet approved by bilingual clinical staff",
        description="List every Indonesian text of the knowledge base that is not approved in "
        "resources/knowledge/review.toml, and every interface translation of resources/i18n/*.ts "
        "still marked unfinished (approve it in Qt Linguist: mark it done), with its English original.",
    )
    review.add_argument("--format", choices=("text", "csv"), default="text")
    review.add_argument("--part", choices=("all", "knowledge", "interface"), default="all",
                        help="the clinical texts of the knowledge base, the interface, or both (default)")
    review.set_defaults(run=_i18n_review)
    return parser


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _assess(args: argparse.Namespace) -> int:
    from azodesk.domain.assessment import assess, assessment_to_json
    from azodesk.domain.knowledge import KnowledgeError, load_knowledge
    from azodesk.domain.parsing import load_case_bytes

    try:
        raw = _read_input(args.case)
    except OSError as error:
        print(f"azodesk: cannot read {args.case}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    result = load_case_bytes(raw)
    if result.case is None:
        for problem in result.errors:
            print(f"{args.case}: {problem.message}", file=sys.stderr)
        return EXIT_INVALID
    try:
        knowledge = load_knowledge()
    except KnowledgeError as error:
        print(f"azodesk: {error}", file=sys.stderr)
        return EXIT_ERROR
    assessment = assess(result.case, knowledge, warnings=result.warnings)
    if args.format == "json":
        document = assessment_to_json(assessment, knowledge, args.lang)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        from azodesk.reports.text import render_text_report

        sys.stdout.write(render_text_report(assessment, knowledge, args.lang))
    return EXIT_OK


def _i18n_review(args: argparse.Namespace) -> int:
    import csv

    from azodesk.domain.knowledge import load_knowledge, unreviewed_indonesian
    from azodesk.ui.catalogue import unreviewed

    part = getattr(args, "part", "all")
    items = unreviewed_indonesian(load_knowledge()) if part in ("all", "knowledge") else []
    interface = unreviewed("id") if part in ("all", "interface") else []
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["key", "english", "indonesian", "attested_in_indonesian_sources"])
        writer.writerows([i.key, i.text.en, i.text.id, "yes" if i.attested else "no"] for i in items)
        writer.writerows([e.key, e.source, e.translation, "no"] for e in interface)
        return EXIT_OK
    for item in items:
        mark = " (term attested in Indonesian clinical sources)" if item.attested else ""
        print(f"{item.key}{mark}\n  en: {item.text.en}\n  id: {item.text.id}")
    for entry in interface:
        print(f"{entry.key} ({entry.file})\n  en: {entry.source}\n  id: {entry.translation or '(MISSING)'}")
    if part in ("all", "knowledge"):
        print(f"\n{len(items)} Indonesian texts await review; approve them in resources/knowledge/review.toml.")
    if part in ("all", "interface"):
        print(f"{len(interface)} interface translations await review; approve them in Qt Linguist "
              "(mark them done) in resources/i18n/*.ts.")
    return EXIT_OK


def _display_available() -> bool:
    """Whether a window can be seen: a desktop session (an offscreen Qt platform is not one)."""
    import os

    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return not platform.startswith(("offscreen", "minimal"))
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _welcome(parser: argparse.ArgumentParser, args: argparse.Namespace | None = None) -> int:
    """Without a command: start the desktop on the default database (``--demo`` adds the demo
    couple when it has no couples). Without a display: the demo couple's assessment as text,
    then how to use the tool."""
    from azodesk.domain.knowledge import resources_dir

    if _display_available():
        from azodesk.ui.app import run

        return run(demo=bool(getattr(args, "demo", False)))
    print("AzoDesk: no display found, so the desktop window cannot open here "
          "(run it in a desktop session, or under xvfb-run).\n")
    demo = resources_dir() / "demo" / "demo-couple.case.json"
    if demo.is_file():
        print(f"AzoDesk — the demo couple ({demo.name}):\n")
        _assess(argparse.Namespace(case=str(demo), format="text", lang="en"))
        print()
    parser.print_help()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
