"""Policy diffusion commands over ``zhengce.diffusion``: timeline, panel, similar, diffusion, instruments.

    zhengce timeline QUESTION [--plot FILE] [--split level|province] [--format table|csv|xlsx|json] [--min-match X]
    zhengce panel QUESTION --format csv|parquet|dta -o FILE      (+ FILE's data dictionary beside it)
    zhengce similar MEASURE_ID | --text TEXT [--min-similarity S] [--format table|csv|json]
    zhengce diffusion QUESTION --edges FILE.csv
    zhengce instruments --by place|province [--question Q] [--plot FILE] [--format table|csv|json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import common as C

ORDER = 58

# a title tells a draft or a news page at a glance; national and unplaced rows carry their dates (a national
# date is the panel's national_before); date_source says whether the document states its date or only its page
# does (a repost's or an upload's day can postdate the policy by years)
TIMELINE_COLS = ("place", "province", "level", "date", "date_source", "doc_number", "title", "match", "documents",
                 "measure", "link")
APART_COLS = ("place", "province", "level", "date", "date_source", "doc_number", "title", "match", "measure", "link")
UNDATED_COLS = tuple(c for c in APART_COLS if c not in ("date", "date_source"))
TIMELINE_CSV_COLS = ("kind", "place", "province", "level", "date", "date_source", "doc_number", "match", "documents",
                     "title", "doc_id",
                     "measure_id", "region_code", "start", "end", "measure", "link", "source")
SIMILAR_COLS = ("issue_date", "relation", "place", "level", "doc_number", "similarity", "measure_id", "shared", "text")
EDGE_SHOW = ("source_date", "source_place", "target_date", "target_place", "type", "similarity", "shared")


def _min_match(p) -> None:
    from ..diffusion.timeline import MIN_MATCH

    p.add_argument("--min-match", type=float, default=MIN_MATCH, metavar="X",
                   help=f"a measure answers when its score is at least X × the best measure's (default {MIN_MATCH}; "
                        "compare's relevance: lower it to catch more places, raise it for fewer false adoptions)")


TIMELINE_FORMATS = ("table", "csv", "xlsx", "json")
TABLE_FORMATS = ("table", "csv", "json")


def register(sub) -> None:
    p = sub.add_parser("timeline", help="per place the earliest document answering a question (adoption dates)",
                       description="Per place its earliest dated document with a measure answering QUESTION "
                                   "(undated and national documents are listed apart, never dated by guess).")
    p.add_argument("question")
    C.add_store(p)
    _min_match(p)
    p.add_argument("--format", choices=TIMELINE_FORMATS, default=None,
                   help="csv is UTF-8 with BOM (Excel); xlsx needs -o; json follows `zhengce schema timeline`; "
                        "default: from -o's suffix, else table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--plot", metavar="FILE.png|svg|pdf", help="the cumulative adoption curve")
    p.add_argument("--split", choices=["level", "province"], help="one curve per level or province")
    C.add_include_not_policy(p, "count")
    C.add_embedder(p)
    C.add_filters(p)
    p.set_defaults(run=run_timeline)

    p = sub.add_parser("panel", help="place × year event-history table (csv, parquet, Stata dta) + data dictionary",
                       description="One row per place × year: the places with a dated document within the place, "
                                   "level and document-type filters, adoption each place's earliest dated answering "
                                   "provision (drafts never). --date-from/--date-to bound the years, not the "
                                   "adoptions: a place that adopted before the window is adopted all through it.")
    p.add_argument("question")
    C.add_store(p)
    _min_match(p)
    p.add_argument("--format", choices=["csv", "parquet", "dta"], help="default: from -o's suffix")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    C.add_include_not_policy(p, "count")
    C.add_embedder(p)
    C.add_filters(p)
    p.set_defaults(run=run_panel)

    p = sub.add_parser("similar", help="measures in other places whose wording reuses this one")
    p.add_argument("measure", nargs="?", metavar="MEASURE_ID",
                   help="a measure id (search --format json), DOC_ID:MEASURE_ID when the same text is in "
                        "several documents, or a row id")
    p.add_argument("--text", help="find reuses of this text instead of a stored measure")
    C.add_store(p)
    p.add_argument("--min-similarity", type=float, default=None, metavar="S",
                   help="weighted shingle Jaccard, 0–1 (default 0.4, chosen on the planted corpus: bench/similar.py)")
    p.add_argument("--same-place", action="store_true", help="also list measures of the measure's own place")
    p.add_argument("--limit", type=int, default=20, help="list at most this many (1–200, default 20)")
    p.add_argument("--format", choices=TABLE_FORMATS, default=None, help="default: from -o's suffix, else table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(run=run_similar)

    p = sub.add_parser("diffusion", help="reuse edges (earlier doc → later doc) for a question, as CSV for Gephi")
    p.add_argument("question")
    C.add_store(p)
    _min_match(p)
    p.add_argument("--min-similarity", type=float, default=None, metavar="S")
    p.add_argument("--edges", metavar="FILE.csv", help="write the edge list as CSV here (- for stdout; else a "
                   "table on stdout)")
    C.add_include_not_policy(p, "link")
    C.add_embedder(p)
    C.add_filters(p)
    p.set_defaults(run=run_diffusion)

    p = sub.add_parser("instruments", help="supply / environment / demand instrument mix per place or province")
    p.add_argument("--by", choices=["place", "province"], default="place")
    p.add_argument("--question", help="only measures answering this question")
    C.add_store(p)
    _min_match(p)
    p.add_argument("--format", choices=TABLE_FORMATS, default=None, help="default: from -o's suffix, else table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--plot", metavar="FILE.png|svg|pdf", help="heat map of the shares")
    C.add_include_not_policy(p, "count")
    C.add_embedder(p)
    # --min-match and --embedder pick the measures answering --question: None tells given from default
    p.set_defaults(run=run_instruments, min_match=None)


def _sim(args) -> float:
    from ..diffusion.reuse import MIN_SIMILARITY

    return MIN_SIMILARITY if args.min_similarity is None else args.min_similarity


def run_timeline(args) -> int:
    from ..diffusion import timeline
    from ..index.search import check_query
    from ..outputs import no_match_hint
    from ..render import counted, csv_text, text_table, write_xlsx

    args.format = C.output_format(args, "table", TIMELINE_FORMATS)
    if args.plot:
        from ..plot import check_plot_path
        check_plot_path(args.plot)          # before the work, not after the table is printed
        C.check_file_path("--plot", args.plot)
    if args.format == "xlsx" and not args.output:
        raise C.UsageError("--format xlsx needs -o FILE.xlsx")
    q = check_query(args.question)
    tl = timeline(C.searcher(args, "timeline"), q, filters=C.filters(args), min_match=args.min_match,
                  include_not_policy=args.include_not_policy)
    apart = (("undated", tl.undated), ("national", tl.national), ("unplaced", tl.unplaced), ("draft", tl.drafts))
    rows = [dict(a.to_dict(), kind="adoption") for a in tl.adoptions]
    rows += [dict(a.to_dict(), kind=k) for k, xs in apart for a in xs]
    if not rows:        # an empty table alone read as 'nobody adopted it'
        print(no_match_hint(C.filters(args)), file=sys.stderr)
    if args.format == "json":
        C.emit(json.dumps(tl.to_dict(), ensure_ascii=False, indent=1), args.output)
    elif args.format == "csv":
        C.emit(csv_text(rows, TIMELINE_CSV_COLS), args.output, bom=True)
    elif args.format == "xlsx":
        write_xlsx(rows, TIMELINE_CSV_COLS, Path(args.output), sheet="timeline")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        w = tl.adoption_window
        # a date filter makes an adoption the first answering document in the window, not the first ever
        within = "" if w is None else (
            "; each place's first answering document issued "
            + (f"from {w['date_from']} " if w["date_from"] else "") + (f"to {w['date_to']}" if w["date_to"] else "on")
            + ", not necessarily its first ever")
        out = [f"{q} — {counted(len(tl.adoptions), 'place')} adopted (a measure answers when match ≥ {tl.min_match:g}; "
               f"--min-match to change{within})"]
        if tl.adoptions:
            out.append(text_table([a.to_dict() for a in tl.adoptions], TIMELINE_COLS))
        for title, xs, cols in (
                ("undated: answering documents without an issue date (not placed in time)", tl.undated, UNDATED_COLS),
                ("national documents (never a place's adoption; their dates make the panel's national_before)",
                 tl.national, APART_COLS),
                ("documents whose place could not be read", tl.unplaced, APART_COLS),
                ("drafts for public comment (征求意见稿: never an adoption)", tl.drafts, APART_COLS)):
            if xs:
                out += ["", title, text_table([a.to_dict() for a in xs], cols)]
        C.emit("\n".join(out), args.output)
    if args.plot:
        from ..diffusion.plots import plot_adoption

        plot_adoption(tl, Path(args.plot), split=args.split)
        print(f"wrote {args.plot}", file=sys.stderr)
    return C.EXIT_OK


def run_panel(args) -> int:
    from ..diffusion import panel, write_panel
    from ..diffusion.panel import FORMATS
    from ..index.search import check_query
    from ..render import counted

    if args.output == C.STDOUT:
        raise C.UsageError("-o -: panel writes a file and its data dictionary beside it; name a file ending in "
                           ".csv, .parquet or .dta")
    args.format = C.output_format(args, None, FORMATS)    # before the work: no Stata under a .csv name
    df = panel(C.searcher(args, "panel"), check_query(args.question), filters=C.filters(args),
               min_match=args.min_match, include_not_policy=args.include_not_policy)
    for f in write_panel(df, Path(args.output), args.format):
        print(f"wrote {f}", file=sys.stderr)
    n = df["place"].nunique() if len(df) else 0
    # adopted, not adopt_now: a place that adopted before --date-from is an adopter with no event in the window
    adopters = df.loc[df["adopted"] == 1, "place"].nunique() if len(df) else 0
    years = df["year"].nunique() if len(df) else 0
    print(f"{counted(len(df), 'row')}: {counted(n, 'place')} × {counted(years, 'year')}, "
          f"{counted(adopters, 'adopter')}",
          file=sys.stderr)
    if args.date_from or args.date_to:
        print("the date filters bound the years; adoption_year is each place's first adoption ever (one before "
              "--date-from has adopted = 1 all through: drop those rows, no longer at risk), and nothing after "
              "--date-to is read", file=sys.stderr)
    if len(df) and not adopters:
        # every place a 0 row: a question nothing answers reads as 'nobody adopted it' unless said
        print(f"warning: no place has a measure that answers {args.question!r} (match ≥ {args.min_match:g}); "
              f"every row is a non-adoption", file=sys.stderr)
    return C.EXIT_OK


def run_similar(args) -> int:
    from ..diffusion import similar
    from ..diffusion.reuse import SCHEMA_VERSION
    from ..params import MAX_SIMILAR, check_int
    from ..render import counted, csv_text, text_table

    args.format = C.output_format(args, "table", TABLE_FORMATS)
    if (args.measure is None) == (args.text is None):
        raise C.UsageError("give a MEASURE_ID or --text TEXT (one of them)")
    args.limit = check_int("limit", args.limit, 1, MAX_SIMILAR)     # the web's range: 0 had listed nothing, exit 0
    store = C.open_store(args)
    res = similar(store, args.measure, text=args.text, min_similarity=_sim(args), limit=args.limit,
                  other_places=not args.same_place)
    rows = [r.to_dict() for r in res]
    if args.format == "json":
        C.emit(json.dumps({"schema_version": SCHEMA_VERSION, "measure": args.measure, "text": args.text,
                           "min_similarity": _sim(args), "similar": rows}, ensure_ascii=False, indent=1), args.output)
    elif args.format == "csv":
        C.emit(csv_text(rows, SIMILAR_COLS + ("doc_id", "start", "end", "title", "source")), args.output, bom=True)
    else:
        head = (f"{counted(len(rows), 'measure')} {'reuses' if len(rows) == 1 else 'reuse'} this wording "
                f"(similarity ≥ {_sim(args):g}), earlier → later"
                if rows else f"no measure elsewhere reuses this wording (similarity ≥ {_sim(args):g})")
        C.emit(head + ("\n" + text_table(rows, SIMILAR_COLS, max_width=36) if rows else ""), args.output)
    return C.EXIT_OK


def run_diffusion(args) -> int:
    from ..diffusion import diffusion, write_edges
    from ..diffusion.network import EDGE_COLUMNS
    from ..index.search import check_query
    from ..render import counted, csv_text, text_table

    if args.edges:      # the edge list is CSV: ed.json would hold CSV under a JSON name
        C.path_format("--edges", args.edges, None, "csv", ("csv",), format_option=False)
    edges = diffusion(C.searcher(args, "diffusion"), check_query(args.question), filters=C.filters(args),
                      min_match=args.min_match, min_similarity=_sim(args), include_not_policy=args.include_not_policy)
    if args.edges == C.STDOUT:
        C.emit(csv_text([e.to_dict() for e in edges], EDGE_COLUMNS), None, bom=True)
    elif args.edges:
        write_edges(edges, Path(args.edges))
        print(f"wrote {args.edges}: {counted(len(edges), 'edge')}", file=sys.stderr)
    else:
        ordered = sum(1 for e in edges if e.ordered)
        # an edge is earlier → later only when both documents are dated, on different days (ordered, type say which)
        print(f"{counted(len(edges), 'reuse edge')}: {ordered} earlier → later, {len(edges) - ordered} undirected "
              "(a side undated, or both the same day)")
        if edges:
            print(text_table([e.to_dict() for e in edges], EDGE_SHOW, max_width=40))
    return C.EXIT_OK


def run_instruments(args) -> int:
    from ..diffusion import instrument_mix
    from ..diffusion.instruments_mix import MIX_COLUMNS, SCHEMA_VERSION
    from ..index.search import check_query
    from ..render import csv_text, text_table

    args.format = C.output_format(args, "table", TABLE_FORMATS)
    if args.plot:
        from ..plot import check_plot_path
        check_plot_path(args.plot)          # before the work, not after the table is printed
        C.check_file_path("--plot", args.plot)
    if args.question is None:
        given = [o for o, v in (("--min-match", args.min_match), ("--embedder", args.embedder)) if v is not None]
        if given:       # silently ignored, they read as applied to the whole store
            both = len(given) > 1
            raise C.UsageError(f"{' and '.join(given)} {'choose' if both else 'chooses'} the measures answering "
                               f"--question; give --question or leave {'them' if both else 'it'} out")
    store = C.open_store(args)
    q = check_query(args.question) if args.question is not None else None
    rows = instrument_mix(store, by=args.by, searcher=C.searcher(args, "instruments") if q else None,
                          question=q, min_match=args.min_match, include_not_policy=args.include_not_policy)
    if args.format == "json":
        C.emit(json.dumps({"schema_version": SCHEMA_VERSION, "by": args.by, "question": q, "rows": rows},
                          ensure_ascii=False, indent=1), args.output)
    elif args.format == "csv":
        C.emit(csv_text(rows, MIX_COLUMNS), args.output, bom=True)
    else:
        C.emit(text_table(rows, MIX_COLUMNS), args.output)
    if args.plot:
        from ..diffusion.plots import plot_mix

        plot_mix(rows, Path(args.plot), title=f"政策工具结构 ({q})" if q else "政策工具结构")
        print(f"wrote {args.plot}", file=sys.stderr)
    return C.EXIT_OK
