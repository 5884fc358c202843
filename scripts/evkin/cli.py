"""The ``evkin`` command: argument parsing, exit codes and output. No domain logic here.

Exit codes: 0 clean, 1 findings (or: not yet approved), 2 unusable input or arguments.
Each subcommand lives in ``evkin.commands.<name>`` with ``register(subparsers)`` and
``run(args) -> int``; heavy libraries are imported inside ``run`` so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any, NoReturn

from evkin import __version__
from evkin.findings import EvkinError
from evkin.messages import current_lang, set_lang, t

# Order shown in --help: the SOP's order of work.
COMMANDS = ("new", "start", "check", "summary", "pdf", "docx", "history", "diff", "gate",
            "comment", "approve", "approvals", "status", "site", "publish", "seal", "tandatangani",
            "cap-waktu", "verify", "portal", "demo")


# Placeholders in usage lines, written in Indonesian in the command modules; English names.
_METAVARS_EN = {"PERINTAH": "COMMAND", "PEMILIK/NAMA": "OWNER/NAME", "BERKAS": "FILE",
                "NOMOR": "NUMBER", "CABANG": "BRANCH", "ALASAN": "REASON", "FOLDER": "FOLDER"}
# argparse's own headings (English in the standard library) in Indonesian.
_HEADINGS_ID = (("usage: ", "penggunaan: "), ("positional arguments:", "argumen:"),
                ("options:", "opsi:"), ("show this help message and exit",
                                        "tampilkan bantuan ini lalu keluar"),
                ("show program's version number and exit", "tampilkan versi lalu keluar"))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from evkin.argwords import translate

        self.print_usage(sys.stderr)
        # A detail that is a sentence of its own already ends in a full stop.
        detail = translate(message).rstrip().removesuffix(".")
        print(t("cli.bad_arguments", {"detail": detail}), file=sys.stderr)
        raise SystemExit(2)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if current_lang() == "en" and kwargs.get("metavar") in _METAVARS_EN:
            kwargs["metavar"] = _METAVARS_EN[kwargs["metavar"]]
        return super().add_argument(*args, **kwargs)

    def format_usage(self) -> str:
        return _localised(super().format_usage())

    def format_help(self) -> str:
        return _localised(super().format_help())


def _localised(text: str) -> str:
    if current_lang() == "id":
        for english, indonesian in _HEADINGS_ID:
            text = text.replace(english, indonesian)
    return text


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` the one subcommand a command line names: a cold
    ``evkin pdf`` need not import every other command (the gate's forge clients, the SOP)."""
    parser = _Parser(prog="evkin", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"evkin {__version__}")
    parser.add_argument("--lang", choices=("id", "en"), help=t("cli.opt_lang"))
    parser.add_argument("--root", help=t("cli.opt_root"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar_command"),
                                parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        try:
            module = importlib.import_module(f"evkin.commands.{name.replace('-', '_')}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("evkin.commands"):
                continue  # a command not built yet
            raise
        module.register(sub)
    return parser


def _hoist_globals(argv: Sequence[str]) -> list[str]:
    """``--lang`` and ``--root`` belong to ``evkin`` itself but are accepted anywhere on the
    line (``evkin check --lang en``), as people type them: moved before the subcommand."""
    front: list[str] = []
    rest: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        arg = items[i]
        if "--" in rest:  # after "--" everything is an argument
            rest.append(arg)
        elif arg in ("--lang", "--root") and i + 1 < len(items):
            front += [arg, items[i + 1]]
            i += 1
        elif arg.startswith(("--lang=", "--root=")):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _pre_lang(argv: Sequence[str]) -> None:
    """Apply --lang before the parser is built, so --help speaks that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            set_lang(argv[i + 1])
        elif arg.startswith("--lang="):
            set_lang(arg.split("=", 1)[1])


def _named(args: Sequence[str]) -> str | None:
    """The subcommand the line names, when its first word is one (after the global options
    ``_hoist_globals`` moved to the front); else ``None`` (help, a typo: the whole parser)."""
    i = 0
    while i < len(args) and args[i] in ("--lang", "--root"):
        i += 2
    while i < len(args) and args[i].startswith(("--lang=", "--root=")):
        i += 1
    return args[i] if i < len(args) and args[i] in COMMANDS else None


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _termination_as_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP (a cancelled CI job, a closed terminal) unwind like Ctrl-C, so every
    ``with`` block removes its temporary folder and ``subprocess.run`` kills its child
    (pandoc, git) instead of leaving it orphaned."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def main(argv: Sequence[str] | None = None, *, end_process: bool = False) -> int:
    """Run the command line ``argv``; its exit code. ``end_process`` (the ``evkin`` program
    itself, ``entry``): a command that allows it (``quick_exit``) ends the process at once."""
    args_list = _hoist_globals(sys.argv[1:] if argv is None else argv)
    _pre_lang(args_list)
    parser = build_parser(_named(args_list))
    args = parser.parse_args(args_list)
    if args.lang:
        set_lang(args.lang)
    if not args.command:
        parser.print_help()
        return 2
    code = _run(args)
    if end_process and getattr(args, "quick_exit", False):
        _end_now(code)
    return code


def entry() -> NoReturn:
    """The ``evkin`` program (console script, ``python -m evkin``)."""
    raise SystemExit(main(end_process=True))


def _end_now(code: int) -> NoReturn:
    """End the process as the interpreter would, without its last step: what finalisation
    does that anyone can notice is done here, in its order (other threads waited for, exit
    handlers run: temporary folders, git's readers, the kept dataclass code; the standard
    streams flushed), but not the teardown of every module and object one by one, and Typst's
    font store and library with them: about 30 ms of a cold ``evkin pdf`` (0.3 s). For a
    command whose files are all written and closed when it returns (``quick_exit``)."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing to tell
            stream.flush()
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    try:
        with _termination_as_interrupt():
            return int(args.run(args))
    except EvkinError as error:
        print(error.message(), file=sys.stderr)
        for finding in error.findings:
            print(f"  {finding.render()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
