"""Diffusion in the web app: the adoption timeline with its curve, and "similar elsewhere" for a document's measures.

    GET /timeline?q=…&min_match=…        page: adoption curve, adoptions, undated and national documents apart
                                         (drafts for public comment: in /api/timeline's ``drafts``)
    GET /timeline.png?q=…&split=…        the cumulative adoption curve (PNG, CJK labels)
    (the three timelines take the search filters: province=…, city=…, district=…, date_from=… and the rest)
    GET /doc/{doc_id}/similar            page: per measure of the document, measures elsewhere reusing its wording
    GET /api/timeline?q=…                JSON (the ``timeline`` schema)
    GET /api/similar?measure=…|text=…    JSON (the ``similar`` schema)

Registered by one line in ``app.py``; everything else lives here and in ``zhengce.diffusion``.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Literal, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .. import params as P
from ..diffusion.reuse import MIN_SIMILARITY, SCHEMA_VERSION as SIMILAR_VERSION
from ..diffusion.timeline import MIN_MATCH
from ..errors import IndexDamaged
from ..index.search import MAX_QUERY_CHARS, check_query
from ..outputs import no_match_hint
from ..params import MAX_SIMILAR
from ..records import ZhengceError
from ..store import StoreError
from .api import filters, known_params
from .pages import FILTER_FIELDS, instrument_choices

router = APIRouter()
MinMatch = Query(MIN_MATCH, ge=0, le=1, description="a measure answers when its score ≥ min_match × the best one's")
Q = Query(..., max_length=MAX_QUERY_CHARS, description="the question, Chinese or English")
# compare's parameter (api.compare_params), under the same name
IncludeNotPolicy = Query(False, description="also count documents ingest marked as no policy (readmes, spam, link lists, "
                         "unrelated prose)")


def _desk(request: Request):
    return request.app.state.desk


def _timeline(request: Request, q: str, min_match: float, f=None, include_not_policy: bool = False):
    """The timeline and the desk's hint. No store yet: an empty timeline and the hint saying how to fill it,
    answered 200 as /api/search and /api/compare answer then (the server's state, not the question's fault)."""
    from ..diffusion import timeline
    from ..diffusion.timeline import Timeline

    desk = _desk(request)
    q = check_query(q)
    with desk.lock:
        searcher = desk.searcher()
        if searcher is None:
            return Timeline(q, min_match), desk.hint()
        tl = timeline(searcher, q, filters=f, min_match=min_match, include_not_policy=include_not_policy)
        return tl, desk.hint()


def _hint(tl, hint: Optional[str], f) -> Optional[str]:
    """The desk's hint, else, when nothing answered, why (naming the filters that left nothing)."""
    answered = tl.adoptions or tl.undated or tl.national or tl.unplaced or tl.drafts
    return hint or (None if answered else no_match_hint(f))


@router.get("/api/timeline", tags=["api"], summary="Per place its earliest document answering a question",
            dependencies=[Depends(known_params)])     # an unknown parameter (provnce=…) is a 422, not ignored
def api_timeline(request: Request, q: str = Q, min_match: float = MinMatch, f=Depends(filters),
                 include_not_policy: bool = IncludeNotPolicy):
    tl, hint = _timeline(request, q, min_match, f, include_not_policy)  # the filters of the CLI's timeline, checked the same way
    return JSONResponse({**tl.to_dict(), "hint": _hint(tl, hint, f)})


@router.get("/timeline.png", include_in_schema=False, dependencies=[Depends(known_params)])
def timeline_png(request: Request, q: str = Q, min_match: float = MinMatch,
                 split: Optional[Literal["level", "province"]] = None, f=Depends(filters),
                 include_not_policy: bool = IncludeNotPolicy):
    from ..diffusion.plots import plot_adoption

    tl, _ = _timeline(request, q, min_match, f, include_not_policy)     # /api/timeline's filters, read by the same dependency
    with tempfile.TemporaryDirectory() as d:
        p = plot_adoption(tl, Path(d) / "curve.png", split=split)
        return Response(p.read_bytes(), media_type="image/png", headers={"Cache-Control": "no-store"})


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, q: str = "", min_match: str = "", split: str = ""):
    # the form's own fields are read here, not by FastAPI: a cleared or mistyped box is said on the page
    # (a JSON 422 had replaced it), and the page keeps what was typed; the filter boxes are the desk's, checked
    # by the same make_filters as /api/timeline's
    form = {k: request.query_params.get(k, "") for k in FILTER_FIELDS}
    ctx = {"q": q, "min_match": min_match or MIN_MATCH, "split": split, "tl": None, "error": None, "img": None,
           "hint": None, "form": form, "filters": {}, "instruments": []}
    status = 200
    try:
        mm = MIN_MATCH if not min_match.strip() else float(min_match)
        if not 0 <= mm <= 1:
            raise ValueError
    except ValueError:
        ctx["error"], status = f"min_match: {min_match!r} is not a number between 0 and 1", 422
        mm = None
    if split not in ("", "level", "province"):
        ctx["error"], status = f"split: {split!r} is not level or province", 422
    try:
        f = P.make_filters(**form)
        # /api/timeline's switch, read here as the page reads its boxes (a bad value said on the page)
        every = bool(P.check_bool("include_not_policy", request.query_params.get("include_not_policy")))
    except P.InvalidParam as e:
        ctx["error"], status = str(e), 422
    if mm is not None and q.strip() and not ctx["error"]:
        ctx["min_match"] = mm
        try:
            tl, hint = _timeline(request, q, mm, f, every)
            ctx.update(tl=tl, hint=_hint(tl, hint, f), filters=f.to_dict() if f else {})
            # the chart draws the page's timeline: the same question, threshold and filters as read (as typed, a
            # value make_filters tidies, " city ", was a 422 for the chart's stricter parameter parsing)
            ctx["img"] = "/timeline.png?" + urlencode({k: v for k, v in (("q", q), ("min_match", mm), ("split", split),
                                                                         ("include_not_policy", every or None),
                                                                         *(f.to_dict() if f else {}).items())
                                                       if v not in (None, "")})
        except ZhengceError as e:       # the server's store or index (503), else the request's (422)
            ctx["error"], status = str(e), 503 if isinstance(e, (StoreError, IndexDamaged)) else 422
    try:
        ctx["instruments"] = instrument_choices(_desk(request).searcher())
    except ZhengceError:    # no index to offer choices from: the page says why when a question is asked
        pass
    page = request.app.state.templates.get_template("timeline.html").render(**ctx)
    return HTMLResponse(page, status_code=status)


@router.get("/api/similar", tags=["api"], summary="Measures elsewhere whose wording reuses a measure or a text",
            dependencies=[Depends(known_params)])
def api_similar(request: Request, measure: Optional[str] = Query(None, description="measure id or row id"),
                text: Optional[str] = Query(None, max_length=20000),
                min_similarity: float = Query(MIN_SIMILARITY, ge=0, le=1), limit: int = Query(20, ge=1, le=MAX_SIMILAR)):
    from ..diffusion import similar
    from ..diffusion.reuse import check_similar

    desk = _desk(request)
    check_similar(measure, text, min_similarity)
    with desk.lock:
        store = desk.store()
        # no store yet: nothing reuses anything, and the hint says how to fill it (200, as /api/search)
        res = similar(store, measure, text=text, min_similarity=min_similarity, limit=limit) \
            if store is not None else []
        hint = desk.hint()
    return JSONResponse({"schema_version": SIMILAR_VERSION, "measure": measure, "text": text,
                         "min_similarity": min_similarity, "similar": [r.to_dict() for r in res], "hint": hint})


@router.get("/doc/{doc_id}/similar", response_class=HTMLResponse, include_in_schema=False)
def doc_similar(request: Request, doc_id: str):
    from ..diffusion import open_index, similar
    from ..diffusion.reuse import KINDS

    desk = _desk(request)
    with desk.lock:
        store = desk.store()
        ex = store.get_extraction(doc_id) if store is not None else None
        if ex is None:
            page = request.app.state.templates.get_template("missing.html").render(doc_id=doc_id, hint=desk.hint())
            return HTMLResponse(page, status_code=404)
        idx = open_index(store)
        panels = []
        for m in ex.measures:
            if m.kind not in KINDS:
                continue
            rid = next((r.rowid for r in store.load_measures(store.find_measures(m.id)) if r.doc.doc_id == doc_id),
                       None)
            if rid is None:
                continue
            panels.append({"measure": m, "similar": similar(store, rid, index=idx, limit=10)})
    page = request.app.state.templates.get_template("similar.html").render(
        doc=ex.document, panels=panels, min_similarity=MIN_SIMILARITY,
        found=sum(1 for p in panels if p["similar"]))
    return HTMLResponse(page)
