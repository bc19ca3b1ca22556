"""The ``tokolab`` command.

    tokolab report [--data FOLDER] [--program FOLDER] [--output FOLDER]
                   [--jobs N] [--quiet] [--timezone ZONE]
    tokolab check PATH [--json] [--timezone ZONE]
    tokolab sample-data [--folder FOLDER] [--seed N]
    tokolab uptime URL --log FILE [--every SECONDS] [--count N]

Every subcommand takes ``--lang id|en`` (Indonesian by default) and ``-v``
for progress messages. Errors the kit expects are printed in plain
sentences (a failed report: one line per report that failed) and exit with
status 1; they never show a traceback. An error the kit did not expect (a
bug) exits with status 1 too, with a sentence that says so; ``-v`` adds its
traceback.
"""

import argparse
import json
import logging
import sys
from pathlib import Path

from tokolab.errors import TokolabError
from tokolab.messages import LANGUAGES, set_language, text

logger = logging.getLogger("tokolab")


def command_report(arguments):
    """``tokolab report``: write the pages, then say where they are."""
    from tokolab.reports import write_reports

    # A report that fails raises ReportError, which main() prints.
    run = write_reports(
        data=arguments.data,
        program=arguments.program,
        output=arguments.output,
        jobs=arguments.jobs,
        progress=not arguments.quiet,
        timezone=arguments.timezone,
    )
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
    """``tokolab check``: say what a file or folder is and holds."""
    from tokolab.inspection import describe, inspect_path

    # With --json a program reads the answer from standard output, so an
    # unreadable input is reported there too, as {"error": ...}.
    try:
        inspection = inspect_path(arguments.path, arguments.timezone)
    except TokolabError as error:
        if not arguments.json:
            raise
        report = {"path": str(arguments.path), "error": str(error)}
        report.update({key: str(value) for key, value in error.fields.items()})
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1

    if arguments.json:
        print(json.dumps(inspection, ensure_ascii=False, indent=2))
    else:
        print(describe(inspection))
    return 0


def command_sample_data(arguments):
    """``tokolab sample-data``: write the synthetic sample shop."""
    from tokolab.sample import write_sample_data

    write_sample_data(arguments.folder, seed=arguments.seed)
    print(text("sample.written", folder=arguments.folder))
    return 0


def command_uptime(arguments):
    """``tokolab uptime``: check a site at regular times, one line each."""
    from tokolab.monitor import describe_check, monitor

    def say_started():
        print(
            text(
                "monitor.started",
                url=arguments.url,
                every=arguments.every,
                log=arguments.log,
            ),
            flush=True,
        )

    # One line per check as it happens; Ctrl+C ends the run with the log
    # whole, and the exit status a shell expects after an interruption.
    try:
        run = monitor(
            arguments.url,
            arguments.log,
            every=arguments.every,
            count=arguments.count,
            on_start=say_started,
            on_check=lambda check: print(describe_check(check), flush=True),
        )
    except KeyboardInterrupt:
        print(
            text("monitor.stopped_early", log=arguments.log),
            file=sys.stderr,
        )
        return 130
    if run.stopped:
        print(
            text("monitor.stopped", count=run.checks, log=run.log),
            file=sys.stderr,
        )
        return 130
    print(text("monitor.finished", count=run.checks, log=run.log))
    return 0


def positive_number(written):
    """An argparse type: a whole number of 1 or more (``--jobs``)."""
    if not written.isdigit() or int(written) < 1:
        raise argparse.ArgumentTypeError(
            text("cli.not_positive", found=written)
        )
    return int(written)


def timezone_name(written):
    """An argparse type: an IANA timezone name (``--timezone``)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(written)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            text("uptime.unknown_timezone", found=written)
        ) from None
    return written


def add_timezone(parser):
    """The ``--timezone`` option of ``report`` and ``check``."""
    from tokolab.uptime import DEFAULT_TIMEZONE

    parser.add_argument(
        "--timezone",
        type=timezone_name,
        metavar="ZONE",
        default=DEFAULT_TIMEZONE,
        help=text("uptime.timezone_help", default=DEFAULT_TIMEZONE),
    )


def build_parser():
    """The argument parser, its help texts in the language in use."""
    from tokolab.reports import DEFAULT_DATA, DEFAULT_OUTPUT, DEFAULT_PROGRAM

    # --lang and -v are accepted before or after the subcommand; SUPPRESS
    # keeps the subcommand's default from hiding a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=text("cli.lang_help"),
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help=text("cli.verbose_help"),
    )

    parser = argparse.ArgumentParser(
        prog="tokolab", description=text("cli.description"), parents=[common]
    )
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser(
        "report", parents=[common], help=text("cli.report_help")
    )
    # Where the report reads and writes: the project's folders by default.
    folders = [
        ("--data", DEFAULT_DATA, "cli.data_help"),
        ("--program", DEFAULT_PROGRAM, "cli.program_help"),
        ("--output", DEFAULT_OUTPUT, "cli.output_help"),
    ]
    for flag, default, help_key in folders:
        report.add_argument(
            flag,
            type=Path,
            metavar="FOLDER",
            default=default,
            help=text(help_key, default=default),
        )
    report.add_argument(
        "--jobs",
        type=positive_number,
        metavar="N",
        help=text("cli.jobs_help"),
    )
    report.add_argument(
        "--quiet", action="store_true", help=text("cli.quiet_help")
    )
    add_timezone(report)
    report.set_defaults(handler=command_report)

    check = commands.add_parser(
        "check", parents=[common], help=text("cli.check_help")
    )
    check.add_argument("path", type=Path, help=text("cli.path_help"))
    check.add_argument(
        "--json", action="store_true", help=text("cli.json_help")
    )
    add_timezone(check)
    check.set_defaults(handler=command_check)

    sample = commands.add_parser(
        "sample-data", parents=[common], help=text("cli.sample_help")
    )
    sample.add_argument(
        "--folder",
        type=Path,
        metavar="FOLDER",
        default=DEFAULT_DATA,
        help=text("cli.folder_help", default=DEFAULT_DATA),
    )
    sample.add_argument(
        "--seed", type=int, default=2024, help=text("cli.seed_help")
    )
    sample.set_defaults(handler=command_sample_data)

    uptime = commands.add_parser(
        "uptime", parents=[common], help=text("cli.uptime_help")
    )
    uptime.add_argument("url", metavar="URL", help=text("cli.url_help"))
    uptime.add_argument(
        "--log",
        type=Path,
        metavar="FILE",
        required=True,
        help=text("cli.log_help"),
    )
    uptime.add_argument(
        "--every",
        type=positive_number,
        metavar="SECONDS",
        default=60,
        help=text("cli.every_help", default=60),
    )
    uptime.add_argument(
        "--count",
        type=positive_number,
        metavar="N",
        help=text("cli.count_help"),
    )
    uptime.set_defaults(handler=command_uptime)

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
    except KeyboardInterrupt:
        print(text("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output (`| head`) went away: nothing to say.
        sys.stderr.close()
        return 0
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
