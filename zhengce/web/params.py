"""Validation of the query parameters the page and the API share.

One function turns raw parameter values into search ``Filters`` and raises
``ParamError`` (-> a 4xx with the parameter's name and a plain message) for
anything the search could not honour: an unknown level, a date that is not a
date, a range that ends before it starts.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..records import LEVELS

MAX_QUERY_CHARS = 2000
MAX_TOP_K = 200
MAX_COMPARE_TOP_K = 500
MAX_PER_PLACE = 20
BYS = ("city", "province")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class ParamError(ValueError):
    def __init__(self, param: str, message: str, status: int = 422):
        self.param, self.message, self.status = param, message, status
        super().__init__(f"{param}: {message}")


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
    m = _DATE.match(v)
    if not m:
        raise ParamError(param, f"not a date: {v!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d is not None:
            return dt.date(y, int(mo), int(d))
        if mo is not None:
            first = dt.date(y, int(mo), 1)
            if not end:
                return first
            nxt = dt.date(y + (first.month == 12), first.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    except ValueError as e:
        raise ParamError(param, f"not a date: {v!r} ({e})") from None


def check_bool(param: str, v) -> Optional[bool]:
    if v is None or isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if not s:
        return None
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ParamError(param, f"expected true or false, not {v!r}")


def check_choice(param: str, v: Optional[str], choices: tuple[str, ...], default: Optional[str]) -> Optional[str]:
    v = blank(v)
    if v is None:
        return default
    if v not in choices:
        raise ParamError(param, f"unknown {param} {v!r}; one of {', '.join(choices)}")
    return v


def check_query(v: Optional[str], required: bool = True) -> str:
    q = " ".join((v or "").split())
    if not q and required:
        raise ParamError("q", "the query is empty: ask a question, e.g. 哪些城市对众创空间给予房租补贴")
    if len(q) > MAX_QUERY_CHARS:
        raise ParamError("q", f"the query is {len(q)} characters; the limit is {MAX_QUERY_CHARS}")
    return q


def make_filters(*, province=None, city=None, level=None, doc_type=None, date_from=None, date_to=None,
                 instrument=None, has_amount=None):
    """Validated search ``Filters`` (None when nothing is filtered)."""
    from ..index.search import Filters

    lo = check_date("date_from", date_from)
    hi = check_date("date_to", date_to, end=True)
    if lo and hi and lo > hi:
        raise ParamError("date_to", f"date_to ({hi}) is before date_from ({lo})")
    f = Filters(province=blank(province), city=blank(city), level=check_choice("level", level, LEVELS, None),
                doc_type=blank(doc_type), date_from=lo.isoformat() if lo else None,
                date_to=hi.isoformat() if hi else None, instrument=blank(instrument),
                has_amount=True if check_bool("has_amount", has_amount) else None)
    return f if f.active() else None
