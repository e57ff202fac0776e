"""Validation of what a person asks for, shared by the CLI, the web app and Python callers.

Every function takes the raw value as typed (a CLI option, a query parameter) and
returns the value the library works with, or raises :class:`InvalidParam` naming
the parameter with a message that says what would be accepted. The CLI turns that
into exit code 2 and one line, the web app into a 422 with the same message.
Parameter names are the web API's (``date_from``); the CLI option is the same
name with dashes (``--date-from``).
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from .errors import InvalidParam
from .records import GROUP_BY, LEVELS, SEARCH_MODES
from .text import parse_iso

__all__ = ["InvalidParam", "blank", "check_date", "check_bool", "check_choice", "check_int", "check_place",
           "check_instrument", "instrument_tags", "make_filters", "resolve_filters", "LEVELS", "SEARCH_MODES", "GROUP_BY"]

MAX_TOP_K = 200
MAX_COMPARE_TOP_K = 500
MAX_PER_PLACE = 20
MAX_SIMILAR = 200          # similar's limit (CLI --limit, web limit=)
# the words a yes/no parameter accepts (lower case), and what each means
BOOL_WORDS = {**dict.fromkeys(("1", "true", "yes", "on"), True), **dict.fromkeys(("0", "false", "no", "off"), False)}


def blank(v: Optional[str]) -> Optional[str]:
    """Empty form fields mean 'not given'."""
    if v is None:
        return None
    v = v.strip()
    return v or None


def check_date(param: str, v: Optional[str], end: bool = False) -> Optional[dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD -> the first (or, for ``end``, last) day it names."""
    v = blank(v)
    if v is None:
        return None
    try:
        return parse_iso(v, end=end)
    except ValueError as e:
        raise InvalidParam(param, str(e)) from None


def check_bool(param: str, v) -> Optional[bool]:
    if v is None or isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if not s:
        return None
    if s in BOOL_WORDS:
        return BOOL_WORDS[s]
    raise InvalidParam(param, f"expected true or false, not {v!r}")


def check_choice(param: str, v: Optional[str], choices: tuple[str, ...], default: Optional[str]) -> Optional[str]:
    v = blank(v)
    if v is None:
        return default
    if v not in choices:
        raise InvalidParam(param, f"unknown {param} {v!r}; one of {', '.join(choices)}")
    return v


def check_int(param: str, v, lo: int, hi: int) -> int:
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise InvalidParam(param, f"expected a whole number, not {v!r}") from None
    if not lo <= n <= hi:
        raise InvalidParam(param, f"{n} is out of range ({lo}–{hi})")
    return n


def check_place(param: str, v: Optional[str]) -> Optional[str]:
    """A province (``param="province"``) or city as typed -> its full gazetteer name.

    Short names, full names and pinyin all work (福建 / 福建省 / Fujian); an unknown or
    ambiguous name (Shanxi: 山西 or 陕西) is an error that lists what would be accepted.
    """
    from .ingest.region import lookup_place, place_names

    v = blank(v)
    if v is None:
        return None
    units = lookup_place(v, param)
    names = list(dict.fromkeys(u.name for u in units))
    if len(names) == 1:
        return names[0]
    if names:
        raise InvalidParam(param, f"{v!r} could be {' or '.join(names)}; give the name in Chinese")
    if param == "province":
        choices = "、".join(place_names("province"))
        raise InvalidParam(param, f"unknown province {v!r}; one of {choices} "
                                  "(short names and pinyin work too: 福建, Fujian)")
    raise InvalidParam(param, f"unknown city {v!r}; give a prefecture-level city as 南宁市, 南宁 or Nanning")


def instrument_tags() -> tuple[str, ...]:
    from .nlp.instruments import TAXONOMY

    return tuple(TAXONOMY)


def check_instrument(v: Optional[str]) -> Optional[str]:
    v = blank(v)
    if v is None:
        return None
    tags = instrument_tags()
    if v not in tags:
        raise InvalidParam("instrument", f"unknown instrument {v!r}; one of {', '.join(tags)}")
    return v


def make_filters(*, province=None, city=None, level=None, doc_type=None, date_from=None, date_to=None,
                 instrument=None, has_amount=None, district=None):
    """Validated search ``Filters`` from the CLI's options or the web's parameters (None when nothing is
    filtered): ``Filters`` resolves and checks each value (:func:`resolve_filters`). ``has_amount`` is a flag
    here (false, as the web's ``has_amount=false``, filters nothing)."""
    from .index.filters import Filters

    f = Filters(province=province, city=city, district=district, level=level, doc_type=doc_type,
                date_from=date_from, date_to=date_to, instrument=instrument,
                has_amount=True if check_bool("has_amount", has_amount) else None)
    return f if f.active() else None


def resolve_filters(*, province=None, city=None, level=None, doc_type=None, date_from=None, date_to=None,
                    instrument=None, has_amount=None, district=None) -> dict:
    """The values of a ``Filters`` as the index reads them, from values as a person types them: places by
    short or full name or pinyin (Guangxi, 南宁, 深圳市福田区), dates as YYYY, YYYY-MM or YYYY-MM-DD, text folded as
    queries are (廣東 and ＧＵＡＮＧＤＯＮＧ name 广东省, 實施意見 is 实施意见). A value that cannot be honoured is
    :class:`InvalidParam` (a ValueError) naming it and what would be accepted. The one resolution every
    ``Filters`` goes through, whoever builds it (CLI, web, Python)."""
    from .ingest.region import lookup_place

    # a datetime (or a pandas Timestamp) is a date with a time: the date is the filter's
    date_from, date_to = ((v.date() if isinstance(v, dt.datetime) else v).isoformat() if isinstance(v, dt.date) else v
                          for v in (date_from, date_to))
    for name, v in (("province", province), ("city", city), ("district", district), ("level", level),
                    ("doc_type", doc_type), ("date_from", date_from), ("date_to", date_to), ("instrument", instrument)):
        if v is not None and not isinstance(v, str):
            raise InvalidParam(name, f"expected text, not {type(v).__name__} {v!r}")
    province, city, district = (_place_value(v) for v in (province, city, district))
    doc_type, date_from, date_to, instrument = (fold(v) for v in (doc_type, date_from, date_to, instrument))
    lo = check_date("date_from", date_from)
    hi = check_date("date_to", date_to, end=True)
    if lo and hi and lo > hi:
        raise InvalidParam("date_to", f"date_to ({hi}) is before date_from ({lo})")
    province = check_place("province", province)
    if blank(city) is not None and blank(district) is None and not lookup_place(blank(city), "city") \
            and _district_region(blank(city)) is not None:
        city, district = None, city      # --city 深圳市福田区: the name compare's rows print, a district
    city = check_place("city", city)
    province, city, district = check_district(district, province, city)
    if city is not None and lookup_municipality(city):
        # 北京市 is a province-level city: its documents carry it as their province
        if province not in (None, city):
            raise InvalidParam("city", f"{city} is not in {province}")
        province, city = city, None
    return dict(province=province, city=city, district=district, level=check_choice("level", level, LEVELS, None),
                doc_type=check_doc_type(doc_type), date_from=lo.isoformat() if lo else None,
                date_to=hi.isoformat() if hi else None, instrument=check_instrument(instrument),
                has_amount=check_bool("has_amount", has_amount))


def _place_value(v):
    """A place as typed when the gazetteer knows it (乾安县: OpenCC folds 乾 to 干), else folded as a query is
    (廣東, ＧＵＡＮＧＤＯＮＧ)."""
    if not isinstance(v, str) or not v.strip():
        return v
    from .ingest.region import lookup_place

    typed = " ".join(v.split())
    if any(lookup_place(typed, level) for level in ("province", "city")) or _district_region(typed) is not None \
            or _district_by_short_name(typed) is not None:
        return typed
    return fold(v)


def fold(v):
    """A typed value folded as a query is (``normalize_query``: full-width -> half-width, traditional ->
    simplified, spaces collapsed), so a filter reads what the search reads; anything but text as given."""
    if not isinstance(v, str):
        return v
    from .index.search import normalize_query

    return normalize_query(v)


def _district_region(name: str, within: Optional[str] = None):
    """The district-level Region a name gives (深圳市福田区, 福田区, 合肥高新区), read after ``within`` (a city or
    province the caller named) when alone it is ambiguous; None otherwise."""
    from .ingest.region import region_of_name

    for s in (name, (within or "") + name) if within else (name,):
        r = region_of_name(s)
        if r is not None and r.level == "district":
            return r
    return None


def _district_by_short_name(name: str, within: Optional[str] = None):
    """The district-level Region a short name gives when only one district has it (新昌 -> 新昌县, 福田 -> 福田区),
    in ``within`` if it has one there, else anywhere (so the caller says where it is); None otherwise."""
    from .ingest.region import region_of_unit

    units = _districts_by_short_name(name, within) or (_districts_by_short_name(name) if within else [])
    return region_of_unit(units[0]) if len(units) == 1 else None


def _districts_by_short_name(name: str, within: Optional[str] = None) -> list:
    """The districts, counties and county-level cities a short name gives (新昌 -> 新昌县, 福田 -> 福田区), those
    of ``within`` only when given: one is the district meant, several are ambiguous."""
    from .ingest.region import gazetteer

    units = {u.code: u for u in gazetteer().district_short.get(name, [])
             if within is None or within in (u.city, u.province)}
    return list(units.values())


def check_district(v: Optional[str], province: Optional[str], city: Optional[str]):
    """(province, city, district) for a district filter: the district as documents' places name it, and its
    city and province filled in when not given; an unknown or ambiguous name is an error."""
    from .ingest.region import gazetteer

    v = blank(v)
    if v is None:
        return province, city, None
    r = _district_region(v, city or province) or _district_by_short_name(v, city or province)
    if r is None:
        # (a name two cities share, 普陀区, is refused too: one filter mixing 上海's and 舟山's pages misleads)
        where = list(dict.fromkeys(f"{u.city or u.province}{u.name}" for u in gazetteer().full.get(v, [])
                                   + _districts_by_short_name(v) if u.kind == "district"))
        hint = f"; could be {' or '.join(where)}: give the city too" if len(where) > 1 else \
            "; give it as its city names it, e.g. 深圳市福田区"
        raise InvalidParam("district", f"unknown district {v!r}{hint}")
    if city is not None and r.city not in (None, city) or province is not None and r.province != province:
        raise InvalidParam("district", f"{r.district} is in {r.city or r.province}, not in {city or province}")
    return province or r.province, city or r.city, r.district


def check_doc_type(v: Optional[str]) -> Optional[str]:
    """A document type as metadata stores it (暂行办法 is stored as 办法); unknown is an error listing them."""
    from .ingest.metadata import DOC_TYPES, TYPE_NORMAL

    v = blank(v)
    if v is None:
        return None
    stored = tuple(dict.fromkeys(TYPE_NORMAL.get(t, t) for t in DOC_TYPES))
    return check_choice("doc_type", TYPE_NORMAL.get(v, v), stored, None)


def lookup_municipality(name: str) -> bool:
    from .ingest.region import lookup_place

    return any(u.kind == "province" for u in lookup_place(name, "city"))
