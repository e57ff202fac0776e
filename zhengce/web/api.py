"""The JSON API: ``/api/*`` (documented at /openapi.json). Validation is the library's (``zhengce.params``)."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import QueryParams

from .. import __version__
from .. import params as P
from ..errors import ZhengceError
from ..index.search import check_query
from ..outputs import compare_json, no_match_hint, render_comparison, search_json
from ..records import GROUP_BY, LEVELS, SCHEMA_VERSION, SEARCH_MODES
from .errors import error_for, error_response

_ALLOWED: dict[int, frozenset] = {}   # route id -> the query parameters it reads


def _route_params(dependant) -> set[str]:
    names = {q.alias or q.name for q in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _route_params(sub)
    return names


async def known_params(request: Request):
    """A query parameter the endpoint does not read, or one given twice, is a 422: a typo (provnce=…) or a
    CLI-only option had answered 200 with the filter silently left out."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or request.url.path.endswith("/health"):
        return      # monitors probe /api/health with cache-busting parameters (?_=1700000000)
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = _ALLOWED[id(route)] = frozenset(_route_params(dependant))    # once per route
    seen: set[str] = set()
    for k, _ in request.query_params.multi_items():
        if k not in allowed:
            raise P.InvalidParam(k or "(empty name)", f"not a parameter of {request.url.path}; it takes "
                                    f"{', '.join(sorted(allowed)) or 'none'}")
        if k in seen:
            raise P.InvalidParam(k, "given more than once; give it once")
        seen.add(k)


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(known_params)])
# The library's vocabularies as Literal types, so /openapi.json lists the choices (defined once, in records.py).
Level = Literal[LEVELS]   # type: ignore[valid-type]
Mode = Literal[SEARCH_MODES]   # type: ignore[valid-type]
By = Literal[GROUP_BY]   # type: ignore[valid-type]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Dependencies that only read parameters are ``async def``: FastAPI runs a plain ``def`` dependency
# in the thread pool, one more thread hop (and GIL hand-over) per dependency per request.
async def desk(request: Request):
    return request.app.state.desk


async def filters(
    province: Optional[str] = Query(None, description="province: 广西壮族自治区, 广西 or Guangxi"),
    city: Optional[str] = Query(None, description="city: 南宁市, 南宁 or Nanning"),
    district: Optional[str] = Query(None, description="county, district or zone: 福田区, 深圳市福田区, "
                                                      "福田 (when one district has that name)"),
    level: Optional[Level] = Query(None, description="administrative level of the issuing government"),
    doc_type: Optional[str] = Query(None, description="通知, 实施意见, 方案, 办法 …"),
    date_from: Optional[str] = Query(None, description="issued on or after (YYYY-MM-DD, YYYY-MM or YYYY)"),
    date_to: Optional[str] = Query(None, description="issued on or before (YYYY-MM-DD, YYYY-MM or YYYY)"),
    instrument: Optional[str] = Query(None, description="instrument tag, e.g. rent_subsidy"),
    has_amount: Optional[bool] = Query(None, description="only measures with a money amount or ratio"),
):
    return P.make_filters(province=province, city=city, level=level, doc_type=doc_type, date_from=date_from,
                          date_to=date_to, instrument=instrument, has_amount=has_amount, district=district)


Q = Query(..., description="question or keywords, Chinese or English")


def no_match(results, f) -> Optional[str]:
    return None if results else no_match_hint(f)


@router.head("/health", include_in_schema=False)
async def health_head():
    """HEAD /api/health: alive (monitors and load balancers probe with HEAD)."""
    return Response(status_code=200)


@router.get("/health", summary="What the store and index hold")
def health(d=Depends(desk)):
    with d.reading():
        store = d.store()
        searcher = d.searcher() if store is not None else None
        counts = store.count() if store is not None else {"documents": 0, "duplicates": 0, "measures": 0,
                                                           "failures": 0}
        return {"status": "ok", "version": __version__, "schema_version": SCHEMA_VERSION,
                "store": str(d.path), "store_exists": store is not None, **counts,
                "indexed": len(searcher) if searcher is not None else 0,
                "embedder": searcher.embedder_name if searcher is not None else None,
                "hint": d.hint()}


@router.get("/search", summary="Measures matching a question (hybrid dense + BM25)")
async def api_search(q: str = Q, top_k: int = Query(10, ge=1, le=P.MAX_TOP_K), mode: Mode = "hybrid",
                     f=Depends(filters), d=Depends(desk)):
    return await _search(d, check_query(q), top_k, mode, f)


async def _search(d, query: str, top_k: int, mode: str, f) -> JSONResponse:
    """The answer of /api/search, computed in the desk's search lane (answered in arrival order,
    queued questions embedded together)."""
    def answer():
        with d.reading():
            searcher = d.searcher()
            hits = searcher.search(query, top_k=top_k, filters=f, mode=mode) if searcher is not None else []
            hint = d.hint()
        body = search_json(query, hits, f)
        body["hint"] = hint or no_match(hits, f)
        return JSONResponse(body)   # plain JSON already: skip FastAPI's generic (slow) encoder

    return await d.lane.run(d.prime if mode != "bm25" else None, query, answer)


# /api/search without FastAPI's routing and parameter solving. Under 200 concurrent searches FastAPI
# spent more CPU per request reading the eleven declared query parameters (annotation checks per
# parameter per request) than the search lane spent ranking, all on the event loop's thread. A
# request whose parameters are all plainly valid is answered here, by the same ``_search``; anything
# else (a bad or odd value, a repeated or unknown name) goes on to the route above, so every
# error keeps the route's answer. Every answer is byte for byte the route's (tests/test_web_api.py).
_PLAIN_INT_RE = re.compile(r"[0-9]{1,4}")
_FILTER_NAMES = ("province", "city", "district", "doc_type", "date_from", "date_to", "instrument")
_FAST_NAMES = frozenset(("q", "top_k", "mode", "level", "has_amount") + _FILTER_NAMES)


def plain_search_params(query_string: bytes):
    """(query, top_k, mode, filters) when the query string is plainly valid, else None."""
    qp = QueryParams(query_string)
    keys = [k for k, _ in qp.multi_items()]
    if len(set(keys)) != len(keys) or not set(keys) <= _FAST_NAMES:
        return None         # the route answers an unknown or repeated name with its 422
    q, top_k, mode, level, has = (qp.get(k) for k in ("q", "top_k", "mode", "level", "has_amount"))
    if q is None or (top_k is not None and not _PLAIN_INT_RE.fullmatch(top_k)) \
            or (mode is not None and mode not in SEARCH_MODES) or (level is not None and level not in LEVELS) \
            or (has is not None and has.lower() not in P.BOOL_WORDS):
        return None
    k = int(top_k) if top_k is not None else 10
    if not 1 <= k <= P.MAX_TOP_K:
        return None
    try:
        f = P.make_filters(level=level, has_amount=P.BOOL_WORDS[has.lower()] if has is not None else None,
                           **{n: qp.get(n) for n in _FILTER_NAMES})
        return check_query(q), k, mode or "hybrid", f
    except ZhengceError:
        return None


async def fast_search(scope, desk) -> Optional[Response]:
    """The answer to GET /api/search, or None to let the route answer (and validate) it."""
    params = plain_search_params(scope.get("query_string", b""))
    if params is None:
        return None
    try:
        return await _search(desk, *params)
    except ZhengceError as e:
        return error_for(e)


async def compare_params(q: str = Q, by: By = "city",
                   per_place: int = Query(3, ge=1, le=P.MAX_PER_PLACE, description="measures kept per place"),
                   top_k: int = Query(50, ge=1, le=P.MAX_COMPARE_TOP_K, description="hits considered"),
                   min_match: float = Query(0.0, ge=0, le=1, description="leave out places whose match is below "
                                            "this (match = score / best place's score; 0 keeps all)"),
                   all_levels: bool = Query(False, description="keep every level even when the question names one "
                                            "(哪些城市 keeps city and district rows)"),
                   include_not_policy: bool = Query(False, description="also compare documents ingest marked as "
                                                    "no policy (readmes, spam, link lists)"),
                   f=Depends(filters)):
    # the CLI's compare options, under the same names and checks (compare() checks min_match's range too)
    return {"query": check_query(q), "by": by, "per_place": per_place, "top_k": top_k, "min_match": min_match,
            "level": None if all_levels else "auto", "include_not_policy": include_not_policy, "filters": f}


def _compare(d, p: dict):
    with d.reading():
        searcher = d.searcher()
        if searcher is None:
            return [], d.hint()
        from ..index.compare import compare

        return compare(searcher, p["query"], by=p["by"], filters=p["filters"], per_place=p["per_place"],
                       top_k=p["top_k"], min_relative=p["min_match"], level=p["level"],
                       include_not_policy=p["include_not_policy"]), d.hint()


@router.get("/compare", summary="One row per place: amounts, lead unit, deadline, citation")
def api_compare(p=Depends(compare_params), d=Depends(desk)):
    rows, hint = _compare(d, p)
    body = compare_json(p["query"], p["by"], rows, p["filters"], p["min_match"], p["include_not_policy"])
    body["hint"] = hint or no_match(rows, p["filters"])
    return JSONResponse(body)


@router.get("/compare.csv", summary="The comparison as CSV", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def api_compare_csv(p=Depends(compare_params), d=Depends(desk)):
    rows, _ = _compare(d, p)
    text = "\ufeff" + render_comparison(p["query"], rows, "csv", by=p["by"])   # BOM: Excel reads the Chinese
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="zhengce-compare.csv"'})


@router.get("/compare.xlsx", summary="The comparison as an Excel workbook", response_class=Response,
            responses={200: {"content": {XLSX: {}}}})
def api_compare_xlsx(p=Depends(compare_params), d=Depends(desk)):
    rows, _ = _compare(d, p)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        render_comparison(p["query"], rows, "xlsx", by=p["by"], path=Path(tmp))
        data = Path(tmp).read_bytes()
    finally:
        os.unlink(tmp)
    return Response(data, media_type=XLSX,
                    headers={"Content-Disposition": 'attachment; filename="zhengce-compare.xlsx"'})


@router.get("/documents/{doc_id}", summary="One document with its measures")
def api_document(doc_id: str, original_text: bool = Query(False, description="include the text as decoded"),
                 offsets: bool = Query(False, description="include the normalized->original offset map"),
                 d=Depends(desk)):
    with d.reading():
        store = d.store()
        ex = store.get_extraction(doc_id) if store is not None else None
    if ex is None:
        return error_response(404, "not_found", f"no document {doc_id!r} in the store", "doc_id")
    body = ex.to_dict(include_text=original_text)
    if offsets:
        body["offset_map"] = ex.document.offset_map.to_dict()
    return JSONResponse(body)


__all__ = ["router", "filters", "no_match", "fast_search", "plain_search_params"]
