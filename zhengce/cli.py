"""The ``zhengce`` command: assembles the subcommands of ``zhengce.commands`` and translates errors.

Each command lives in its own module there (options beside the code that reads them).
Errors from the library become exit codes and one line on stderr:
``InvalidParam`` and usage errors exit 2, any other ``ZhengceError`` exits 1. A command asked for
machine output (``--json``, ``--format json|jsonl``) writes that line as a JSON object
``{"error": "usage"|"error", "command", "message"}``, so a program reading it parses its errors too.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import warnings
import json
from typing import Optional, Sequence

from . import __version__
from .commands import modules
from .commands.common import EXIT_ERROR, EXIT_USAGE, UsageError
from .errors import InvalidParam, ZhengceError, ZhengceWarning

__all__ = ["build_parser", "main", "EXIT_ERROR", "EXIT_USAGE"]


def _utf8_stdio() -> None:
    # Chinese must print on Windows consoles and when piped, whatever the locale says.
    for s in (sys.stdout, sys.stderr):
        try:
            s.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors come as the JSON object when the command line asked for JSON (the
    subcommands' parsers are of this class too: add_subparsers makes them so)."""
    json_errors = False
    command: Optional[str] = None      # the subcommand named on the line, for errors the top parser raises

    def error(self, message: str):
        if _Parser.json_errors:
            command = self.prog.split()[1] if len(self.prog.split()) > 1 else _Parser.command
            print(json.dumps({"error": "usage", "command": command, "message": message}, ensure_ascii=False),
                  file=sys.stderr)
            raise SystemExit(EXIT_USAGE)
        super().error(message)


def _asks_json(argv: Sequence[str]) -> bool:
    """--json, --format json|jsonl or --format=json|jsonl among the arguments."""
    argv = list(argv)
    return "--json" in argv or any(a in ("--format=json", "--format=jsonl") for a in argv) or any(
        a == "--format" and b in ("json", "jsonl") for a, b in zip(argv, argv[1:]))


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="zhengce", description="Chinese policy documents: ingest, extract, "
                 "search, compare. Store default: $ZHENGCE_STORE or ./zhengce-store")
    ap.add_argument("--version", action="version", version=f"zhengce {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for m in modules():
        m.register(sub)
    return ap


def _error(args, kind: str, message: str) -> None:
    """One line on stderr: JSON when the command was asked for machine output, else words."""
    if getattr(args, "json", False) is True or getattr(args, "format", None) in ("json", "jsonl"):
        print(json.dumps({"error": kind, "command": args.command, "message": message}, ensure_ascii=False),
              file=sys.stderr)
    else:
        print(f"zhengce {args.command}: {message}", file=sys.stderr)


def main(argv: Optional[Sequence[str]] = None) -> int:
    _utf8_stdio()
    line = list(sys.argv[1:] if argv is None else argv)
    _Parser.json_errors = _asks_json(line)
    _Parser.command = next((a for a in line if not a.startswith("-")), None)
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always", ZhengceWarning)
            code = args.run(args)
        for w in seen:
            if issubclass(w.category, ZhengceWarning):
                print(f"zhengce {args.command}: warning: {w.message}", file=sys.stderr)
            else:
                warnings.showwarning(w.message, w.category, w.filename, w.lineno)
        return code
    except (InvalidParam, UsageError) as e:
        _error(args, "usage", str(e))
        return EXIT_USAGE
    except ZhengceError as e:
        _error(args, "error", str(e))
        return EXIT_ERROR
    except sqlite3.DatabaseError as e:     # a store damaged after it was opened: one line, not a traceback
        store = getattr(args, "store", None) or "the store"
        _error(args, "error", f"{store} cannot be read ({e}); `zhengce doctor` checks it, a backup "
               f"or a fresh ingest restores it")
        return EXIT_ERROR
    except BrokenPipeError:                # `zhengce search … | head`: the reader left, nothing is wrong
        return 0
    except OSError as e:                   # an output path that is a folder, under a file, not writable
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        _error(args, "error", f"{where}{e.strerror or e}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; the store keeps every document committed so far (rerun to finish)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
