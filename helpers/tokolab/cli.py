"""The ``tokolab`` command.

    tokolab report [--data FOLDER] [--program FOLDER] [--output FOLDER]
    tokolab check PATH [--json]
    tokolab sample-data [--folder FOLDER] [--seed N]

Every subcommand takes ``--lang id|en`` (Indonesian by default) and ``-v``
for progress messages. Errors the kit expects are printed as one plain
sentence and exit with status 1; they never show a traceback. An error the
kit did not expect (a bug) exits with status 1 too, with a sentence that
says so; ``-v`` adds its traceback.
"""

import argparse
import json
import logging
import sys
from pathlib import Path

from tokolab.errors import ReportError, TokolabError
from tokolab.messages import LANGUAGES, set_language, text

logger = logging.getLogger("tokolab")


def command_report(arguments):
    from tokolab.reports import write_reports

    try:
        run = write_reports(
            data=arguments.data,
            program=arguments.program,
            output=arguments.output,
            jobs=arguments.jobs,
            progress=not arguments.quiet,
        )
    except ReportError as error:
        print(error, file=sys.stderr)
        return 1

    print(
        text(
            "report.done",
            count=len(run.written),
            folder=run.output,
            index=run.index,
        )
    )
    return 0


def command_check(arguments):
    from tokolab.inspection import describe, inspect_path

    inspection = inspect_path(arguments.path)
    if arguments.json:
        print(json.dumps(inspection, ensure_ascii=False, indent=2))
    else:
        print(describe(inspection))
    return 0


def command_sample_data(arguments):
    from tokolab.sample import write_sample_data

    write_sample_data(arguments.folder, seed=arguments.seed)
    print(text("sample.written", folder=arguments.folder))
    return 0


def build_parser():
    from tokolab.reports import DEFAULT_DATA, DEFAULT_OUTPUT, DEFAULT_PROGRAM

    # --lang and -v are accepted before or after the subcommand; SUPPRESS
    # keeps the subcommand's default from hiding a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS
    )

    parser = argparse.ArgumentParser(
        prog="tokolab", description=text("cli.description"), parents=[common]
    )
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser(
        "report", parents=[common], help=text("cli.report_help")
    )
    report.add_argument("--data", type=Path, default=DEFAULT_DATA)
    report.add_argument("--program", type=Path, default=DEFAULT_PROGRAM)
    report.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    report.add_argument("--jobs", type=int, default=None)
    report.add_argument("--quiet", action="store_true")
    report.set_defaults(handler=command_report)

    check = commands.add_parser(
        "check", parents=[common], help=text("cli.check_help")
    )
    check.add_argument("path", type=Path)
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=command_check)

    sample = commands.add_parser(
        "sample-data", parents=[common], help=text("cli.sample_help")
    )
    sample.add_argument("--folder", type=Path, default=DEFAULT_DATA)
    sample.add_argument("--seed", type=int, default=2024)
    sample.set_defaults(handler=command_sample_data)

    return parser


def main(argv=None):
    """Run the command line; return the exit status."""
    # The language is chosen first, so that the help text follows it too.
    chooser = argparse.ArgumentParser(prog="tokolab", add_help=False)
    chooser.add_argument("--lang", choices=LANGUAGES, default=None)
    chosen, _ = chooser.parse_known_args(argv)
    if chosen.lang:
        set_language(chosen.lang)

    arguments = build_parser().parse_args(argv)

    verbose = getattr(arguments, "verbose", False)
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    # nbconvert and jupyter_client talk through traitlets' logger about
    # things a tutor cannot act on; show them only with -v.
    if not verbose:
        logging.getLogger("traitlets").setLevel(logging.ERROR)

    # The kit's own errors are one sentence; a bug is one sentence too,
    # with its traceback in the log only when -v asks for it.
    try:
        return arguments.handler(arguments)
    except TokolabError as error:
        print(error, file=sys.stderr)
        return 1
    except Exception as error:
        logger.info("unexpected error", exc_info=True)
        print(
            text(
                "cli.unexpected_error", error=f"{type(error).__name__}: {error}"
            ),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
