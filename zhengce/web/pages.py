"""The server-rendered pages: the desk (``/``) and a document with its items marked (``/doc/{id}``)."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import params as P
from ..errors import IndexDamaged, InvalidParam
from ..index.search import check_query
from ..records import GROUP_BY
from ..store import StoreError
from .docview import item_rows, render_text
from .views import compare_view, grouped_hits

router = APIRouter(include_in_schema=False)
FILTER_FIELDS = ("province", "city", "district", "level", "doc_type", "date_from", "date_to", "instrument",
                 "has_amount")


def _page(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    return HTMLResponse(request.app.state.templates.get_template(name).render(**ctx), status_code=status)


@router.head("/")
async def index_head():
    """HEAD /: the page is there (link checkers and monitors probe with HEAD), without running a search."""
    return HTMLResponse("", status_code=200)


@router.get("/", response_class=HTMLResponse)
def index(request: Request):
    desk = request.app.state.desk
    qp = request.query_params
    form = {k: qp.get(k, "") for k in ("q", "by", *FILTER_FIELDS)}
    ctx = {"form": form, "error": None, "hint": None, "rows": [], "groups": [], "asked": False,
           "download_qs": "", "instruments": []}
    query: Optional[str] = None
    try:
        query = check_query(form["q"]) if P.blank(form["q"]) else None   # no question yet: the form
        by = P.check_choice("by", form["by"], GROUP_BY, "city")
        f = P.make_filters(**{k: form[k] for k in FILTER_FIELDS})
    except InvalidParam as e:
        ctx["error"] = str(e)
        query = None
    try:
        _answer(desk, query, by if query else None, f if query else None, ctx)
    except (IndexDamaged, StoreError) as e:
        # the server's store or index: the page says so with the repair command, at the API's status (503)
        ctx["error"] = f"{ctx['error']}; {e}" if ctx["error"] else str(e)
        return _page(request, "index.html", 503, **ctx)
    if "q" in qp and not P.blank(form["q"]) and not ctx["error"] and not ctx["hint"]:
        # an empty question submitted: keep the filters and say what to type, rather than a bare reload
        ctx["hint"] = "请输入问题 · type a question, e.g. 哪些城市对众创空间给予房租补贴 / which cities subsidize maker-space rent"
    if ctx["error"]:
        return _page(request, "index.html", 422, **ctx)
    if query:
        ctx["asked"] = True
        ctx["download_qs"] = urlencode({k: v for k, v in form.items() if v})
    return _page(request, "index.html", **ctx)


def _answer(desk, query: Optional[str], by: Optional[str], f, ctx: dict) -> None:
    """The desk's hint, the store's instrument tags and, for a question, the comparison and hits, into ``ctx``."""
    with desk.reading():
        searcher = desk.searcher()
        ctx["hint"] = desk.hint()
        ctx["instruments"] = instrument_choices(searcher)
        if query and searcher is not None:
            from ..index.compare import compare

            rows = compare(searcher, query, by=by, filters=f)
            hits = searcher.search(query, top_k=20, filters=f)
            ctx.update(rows=compare_view(rows), groups=grouped_hits(hits, query))


def instrument_choices(searcher) -> list[str]:
    """The instrument filter's choices: the tags the store really has."""
    return sorted(searcher.catalog.tags) if searcher is not None else []


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str):
    desk = request.app.state.desk
    with desk.reading():
        store = desk.store()
        ex = store.get_extraction(doc_id) if store is not None else None
    if ex is None:
        return _page(request, "missing.html", 404, doc_id=doc_id, hint=desk.hint())
    doc = ex.document
    return _page(request, "doc.html", doc=doc, body=_markup(render_text(doc.text, ex.measures)),
                 items=item_rows(ex.measures), n_measures=len(ex.measures))


def _markup(s: str):
    from markupsafe import Markup

    return Markup(s)   # built by docview.render_text, which escapes every piece of document text
