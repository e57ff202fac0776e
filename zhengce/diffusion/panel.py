"""The event-history panel diffusion regressions need: one row per place × year.

Places are every place the store holds a dated local document from (adopters and
non-adopters: the risk set), grouped as compare groups them, within the filters' places,
level and document type. Years run from the first year any such document is dated to the
last. Adoption is the timeline's (earliest dated answering provision, drafts never); a place
whose only answering documents are undated gets ``adopted`` missing, not a guess.

Date filters bound the panel's years, not the adoptions: an event-history model needs each
place's first adoption ever, so a place that adopted before ``date_from`` is adopted all
through the window (left truncation: drop its rows, as it is no longer at risk), and nothing
after ``date_to`` is read (right censoring: an adoption after the window is not seen).
``instrument`` and ``has_amount`` choose the adopting measure, not who could adopt.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import InvalidParam
from ..index.filters import as_filters
from ..render import csv_safe
from .reuse import place_of
from .timeline import MIN_MATCH, Timeline, timeline

PANEL_VERSION = "1.1.0"    # df.attrs["panel_version"]; 1.1.0: province_before, prior_adopters_province below the
                           # province only, places within the filters, date filters bound the years, drafts never adopt,
                           # adoption_date_source
PLACE_FILTERS = ("province", "city", "district", "level", "doc_type")     # who is at risk

# name → (Stata type note, label ≤ 80 chars, description): the data dictionary written beside the panel
COLUMNS = {
    "place": ("str", "Place (province, city, or district/county/zone)",
              "place name as zhengce groups places (compare --by city): a province's, a city's or a district's, "
              "county's or development zone's own documents make it a place of its own"),
    "province": ("str", "Province", "province of the place"),
    "level": ("str", "Administrative level", "province | city | district"),
    "region_code": ("str", "Administrative division code", "GB/T 2260 code of the place, six digits (450000 province, 450100 city, "
                    "450103 district), when known; a development zone has its city's or province's"),
    "year": ("int", "Calendar year", "year of this row"),
    "first_seen": ("int", "First year with a dated document from the place", "first year the store holds a dated document of this place"),
    "adopted": ("int", "Adopted by this year (0/1; missing: only undated evidence)",
                "1 from the first-adoption year on; missing when the place's answering documents are all undated"),
    "adopt_now": ("int", "Adopts in this year (0/1)", "1 in the first-adoption year only (the event of event-history models)"),
    "adoption_year": ("int", "First-adoption year (missing: never, or undated)", "year of the earliest dated answering document"),
    "prior_adopters_province": ("int", "Other places below the province adopted before this year",
                                "count of other places of the same province below the province level (cities, "
                                "districts, counties, zones) whose adoption year < year; the provincial "
                                "government's own adoption is province_before"),
    "province_before": ("int", "The provincial government adopted before or in this year (0/1)",
                        "1 when the province-level place of the place's province adopted in or before this year; "
                        "missing for a province itself, and when the province's answering documents are all undated"),
    "national_before": ("int", "A national document answered before or in this year (0/1)",
                        "1 when a national document answering the question was issued in or before this year"),
    "undated_evidence": ("int", "Place has answering documents without a date (0/1)",
                         "1 when some answering document of the place has no issue date"),
    "adoption_date_source": ("str", "Where the adoption date was read (document | page)",
                             "document: the adopting document states its date (information table, signature, adoption "
                             "line, reply date); page: only its page's publication date (发布日期, a byline), which a "
                             "repost or an upload can postdate by years"),
    "doc_id": ("str", "Adopting document id", "store id of the adopting document (the web page /doc/ID shows it)"),
    "doc_number": ("str", "Adopting document number (文号)", "文号 of the adopting document"),
}


def at_risk(f, d) -> bool:
    """Whether document ``d`` puts its place at risk under filters ``f``: its place, level and document type
    as the search's filters read them (``PLACE_FILTERS``), and not issued after ``date_to``."""
    from ..index.filters import _value_matches      # the catalog's matching: 广西 = 广西壮族自治区, 郫县 = 郫都区

    for k in PLACE_FILTERS:
        want, have = getattr(f, k), (d.doc_type if k == "doc_type" else getattr(d.region, k))
        if want is not None and not (have and _value_matches(k, have, want)):
            return False
    return not (f.date_to and d.issue_date > f.date_to)       # both ISO dates


def places(store, include_not_policy: bool = False, filters=None) -> dict[str, dict]:
    """Every local place with a dated document: {place: {province, level, region_code, first_seen, last_seen}}.
    A document marked ``not_policy`` (a news page) puts no place at risk unless ``include_not_policy``, nor
    one the filters leave out (``at_risk``)."""
    from ..index.compare import is_not_policy

    f = as_filters(filters)
    out: dict[str, dict] = {}
    for d in store.documents():
        r = d.region
        if r.level == "national" or not d.issue_date or (not include_not_policy and is_not_policy(d)):
            continue
        if f is not None and not at_risk(f, d):
            continue
        place, province, _ = place_of(r)
        if place is None:
            continue
        y = int(d.issue_date[:4])
        p = out.setdefault(place, {"province": province or r.province, "level": r.level, "region_code": r.code,
                                   "first_seen": y, "last_seen": y})
        p["first_seen"], p["last_seen"] = min(p["first_seen"], y), max(p["last_seen"], y)
        if p["level"] != r.level and r.level == "city":      # a city's own documents name its level
            p["level"], p["region_code"] = r.level, r.code
    return out


def panel_rows(tl: Timeline, universe: dict[str, dict], years: tuple = (None, None)) -> list[dict]:
    """The panel rows from a timeline and the places at risk (``places``), place then year; ``years``:
    (first, last) bounds of the years, None for the store's own."""
    adopt = {a.place: a for a in tl.adoptions}
    undated = {a.place for a in tl.undated}
    for a in tl.adoptions + tl.undated:                 # a place known only from answering documents
        universe.setdefault(a.place, {"province": a.province, "level": a.level, "region_code": a.region_code,
                                      "first_seen": a.year, "last_seen": a.year})
    seen = [y for p in universe.values() for y in (p["first_seen"], p["last_seen"]) if y]
    if not seen:
        return []
    y0, y1 = max(min(seen), years[0] or 0), min(max(seen), years[1] or 9999)
    nat = min((a.year for a in tl.national if a.year), default=None)
    # the provincial government is the places' superior, not their peer: its adoption is province_before
    peers: dict[Optional[str], list[int]] = {}
    for place, a in adopt.items():
        if universe[place]["level"] != "province":
            peers.setdefault(universe[place]["province"], []).append(a.year)
    prov = {p["province"]: adopt[place].year for place, p in universe.items()
            if p["level"] == "province" and place in adopt}
    prov_undated = {p["province"] for place, p in universe.items() if p["level"] == "province" and place in undated}
    rows = []
    for place in sorted(universe):
        p = universe[place]
        a = adopt.get(place)
        ay = a.year if a else None
        only_undated = a is None and place in undated
        own = p["level"] != "province" and ay is not None
        py = prov.get(p["province"])
        for y in range(y0, y1 + 1):
            prior = sum(1 for x in peers.get(p["province"], []) if x < y) - (1 if own and ay < y else 0)
            if p["level"] == "province" or (py is None and p["province"] in prov_undated):
                above = None
            else:
                above = int(py is not None and py <= y)
            rows.append({"place": place, "province": p["province"], "level": p["level"],
                         "region_code": p["region_code"], "year": y, "first_seen": p["first_seen"],
                         "adopted": None if only_undated else int(ay is not None and y >= ay),
                         "adopt_now": None if only_undated else int(ay == y),
                         "adoption_year": ay, "prior_adopters_province": prior, "province_before": above,
                         "national_before": int(nat is not None and nat <= y),
                         "undated_evidence": int(place in undated),
                         "adoption_date_source": a.date_source if a else None,
                         "doc_id": a.doc_id if a else None, "doc_number": a.doc_number if a else None})
    return rows


def panel(searcher, question: str, *, filters=None, min_match: float = MIN_MATCH, include_not_policy: bool = False):
    """The panel as a pandas DataFrame (columns: ``COLUMNS``); ``df.attrs`` holds the question, threshold,
    filters, include_not_policy and ``PANEL_VERSION``. Documents marked ``not_policy`` neither adopt nor put a
    place at risk unless ``include_not_policy``. Date filters bound the years (module doc)."""
    import pandas as pd

    f = as_filters(filters)
    given = f.to_dict() if f else {}
    # adoption is the first ever: the history before date_from is read, and the window cuts the years after
    read = as_filters({k: v for k, v in given.items() if k != "date_from"}) if given else None
    tl = timeline(searcher, question, filters=read, min_match=min_match, include_not_policy=include_not_policy)
    bounds = tuple(int(given[k][:4]) if given.get(k) else None for k in ("date_from", "date_to"))
    rows = panel_rows(tl, places(searcher.store, include_not_policy, read), bounds)
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for c, (t, _, _) in COLUMNS.items():
        if t == "int":
            df[c] = df[c].astype("Int64")
    df.attrs.update(question=question, min_match=min_match, filters=given, include_not_policy=include_not_policy,
                    panel_version=PANEL_VERSION)
    return df


FORMATS = ("csv", "parquet", "dta")


def write_panel(df, path: Path, fmt: Optional[str] = None) -> list[Path]:
    """Write the panel (csv | parquet | dta, default from the suffix) and its data dictionary beside it.

    Returns the files written. CSV is UTF-8 with BOM (Excel); .dta is Stata 118 (UTF-8 strings,
    variable labels from COLUMNS; missing stays missing).
    """
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    if not fmt:
        raise InvalidParam("format", f"{path} has no suffix to tell the format: give one of {', '.join(FORMATS)}")
    if fmt not in FORMATS:
        raise InvalidParam("format", f"panel formats: {', '.join(FORMATS)} (not {fmt!r})")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        import pandas as pd

        out = df.copy()
        for c in out.columns:       # text columns are object or StringDtype, as the pandas version has it
            if not pd.api.types.is_numeric_dtype(out[c]) and not pd.api.types.is_bool_dtype(out[c]):
                out[c] = out[c].map(csv_safe, na_action="ignore")
        out.to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "parquet":
        df.to_parquet(path, index=False)
    else:
        for tries, ints in enumerate(("Int32", "float64")):
            out = df.copy()
            for c, (t, _, _) in COLUMNS.items():
                if t == "int":
                    out[c] = out[c].astype(ints)       # Stata long with missing as . (pandas >= 2.1)
                else:
                    out[c] = out[c].astype(object).where(out[c].notna(), "")
            try:
                out.to_stata(path, write_index=False, version=118,
                             variable_labels={c: v[1][:80] for c, v in COLUMNS.items()},
                             data_label=f"zhengce panel: {df.attrs.get('question', '')}"[:80])
                break
            except (TypeError, ValueError):     # an older pandas writes no nullable ints: doubles keep the NA
                if tries:
                    raise
    dic = path.with_name(path.stem + ".dictionary.csv")
    import csv

    with open(dic, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["variable", "type", "label", "description"])
        given = df.attrs.get("filters") or {}
        within = f"; filters: {', '.join(f'{k}={v}' for k, v in given.items())}" if given else ""
        counted = ("; documents marked not_policy counted" if df.attrs.get("include_not_policy")
                   else "; documents marked not_policy left out")
        asked = (f"answering the question {df.attrs.get('question', '')!r} (match >= {df.attrs.get('min_match')})"
                 f"{within}{counted}")
        at_risk = {k: v for k, v in given.items() if k in PLACE_FILTERS + ("date_to",)}
        places_read = (f"; places with a dated document within {', '.join(f'{k}={v}' for k, v in at_risk.items())}"
                       if at_risk else "")
        for c, (t, label, desc) in COLUMNS.items():
            # what adoption means is the question and what it was read under: said in its variables'
            # descriptions, not in rows of their own
            if c in ("adopted", "adoption_year"):
                desc = f"{desc}; {asked}"
            elif c == "place":
                desc = f"{desc}{places_read}{counted}"
            w.writerow([c, t, label, desc])
    return [path, dic]
