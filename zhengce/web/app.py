"""The local web app: a JSON API (documented at /openapi.json) and a server-rendered page.

    GET /                      the desk: question, filters, comparison table, hits grouped by place
    GET /doc/{doc_id}          normalized text with amounts, units and deadlines marked at their offsets
    GET /api/search            hits (JSON, the ``search`` schema)
    GET /api/compare           one row per place (JSON, the ``compare`` schema)
    GET /api/compare.csv       the comparison as CSV (UTF-8 with BOM, so Excel reads the Chinese)
    GET /api/compare.xlsx      the comparison as an Excel workbook
    GET /api/documents/{id}    one document with its measures (JSON, the ``extraction`` schema)
    GET /api/health            what the store and index hold

Bad parameters answer 422 (404 for an unknown document) with
``{"error": ..., "param": ..., "message": ...}``. The server binds 127.0.0.1 unless
told otherwise and, while local, only answers requests addressed to localhost
(a web page elsewhere cannot reach it through DNS rebinding).
"""
from __future__ import annotations

import os
import tempfile
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal, Optional

from .. import __version__
from ..outputs import compare_json, render_comparison, search_json
from ..records import LEVELS, SCHEMA_VERSION, ZhengceError

try:
    import jinja2  # noqa: F401  (templates; checked here so a missing extra fails with the fix)
    from fastapi import Depends, FastAPI, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
except ImportError as e:  # optional extra
    raise ZhengceError(f"the web app needs the web extra ({e.name} is missing): pip install 'zhengce[web]'") from e
from . import params as P
from .docview import item_rows, render_text
from .state import Desk
from .views import COMPARE_CELLS, compare_view, grouped_hits

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
# The page's own files only: no inline script, nothing from elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
Level = Literal["national", "province", "city", "district"]


def _cjk_font_file() -> Optional[Path]:
    """Noto Sans CJK from the ``export`` extra, served so Chinese renders on machines without a CJK font."""
    try:
        import mplfonts
    except ImportError:
        return None
    f = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
    return f if f.is_file() else None


def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, levels=LEVELS, compare_cells=COMPARE_CELLS)
    return env


def _error(status: int, error: str, message: str, param: Optional[str] = None) -> JSONResponse:
    body = {"error": error, "message": message}
    if param:
        body["param"] = param
    return JSONResponse(body, status_code=status)


def create_app(store_path, *, embedder: Optional[str] = None, allowed_hosts: Optional[list[str]] = None,
               warm: bool = True) -> FastAPI:
    """The app over the store at ``store_path`` (which may not exist yet: the page then says how to fill it).

    ``allowed_hosts``: Host headers to answer (default: localhost names only; ``["*"]`` for any).
    ``warm``: load index and embedder in the background at startup.
    """
    desk = Desk(store_path, embedder=embedder, warm=warm)
    env = _templates()
    font = _cjk_font_file()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            threading.Thread(target=_quiet_warm, args=(desk,), daemon=True).start()
        yield
        desk.close()

    # No /docs or /redoc: FastAPI's pages pull their scripts from a CDN. The schema itself is at /openapi.json.
    app = FastAPI(title="zhengce", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Search and compare Chinese local-government policy measures in a zhengce store. "
                              "Queries in Chinese or English. Offsets index each document's normalized text.")
    app.state.desk = desk
    hosts = list(allowed_hosts) if allowed_hosts else list(LOCAL_HOSTS)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if "*" not in hosts and _host_name(request.headers.get("host", "")) not in hosts:
            return _error(400, "bad_host", f"this zhengce server answers requests for {', '.join(hosts)} only")
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(P.ParamError)
    async def param_error(request: Request, exc: P.ParamError):
        return _error(exc.status, "bad_parameter", f"{exc.param}: {exc.message}", exc.param)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errs = exc.errors()
        first = errs[0] if errs else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        param = ".".join(loc) or None
        msg = first.get("msg", "invalid request")
        if first.get("type") == "missing":
            msg = "this parameter is required"
        body = {"error": "bad_parameter", "param": param, "message": f"{param}: {msg}" if param else msg,
                "detail": [{"param": ".".join(str(x) for x in e.get("loc", ())[1:]), "message": e.get("msg")}
                           for e in errs]}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(ZhengceError)
    async def zhengce_error(request: Request, exc: ZhengceError):
        return _error(400, "zhengce_error", str(exc))

    # ------------------------------------------------------------ parameters
    def filters(
        province: Optional[str] = Query(None, description="province, e.g. 广西壮族自治区 or 广西"),
        city: Optional[str] = Query(None, description="city, e.g. 南宁市 or 南宁"),
        level: Optional[Level] = Query(None, description="administrative level of the issuing government"),
        doc_type: Optional[str] = Query(None, description="通知, 实施意见, 方案, 办法 …"),
        date_from: Optional[str] = Query(None, description="issued on or after (YYYY-MM-DD, YYYY-MM or YYYY)"),
        date_to: Optional[str] = Query(None, description="issued on or before (YYYY-MM-DD, YYYY-MM or YYYY)"),
        instrument: Optional[str] = Query(None, description="instrument tag, e.g. rent_subsidy"),
        has_amount: Optional[bool] = Query(None, description="only measures with a money amount or ratio"),
    ):
        return P.make_filters(province=province, city=city, level=level, doc_type=doc_type, date_from=date_from,
                              date_to=date_to, instrument=instrument, has_amount=has_amount)

    Q = Query(..., description="question or keywords, Chinese or English", max_length=P.MAX_QUERY_CHARS)

    # ------------------------------------------------------------ API
    @app.get("/api/health", tags=["api"], summary="What the store and index hold")
    def health():
        with desk.lock:
            store = desk.store()
            searcher = desk.searcher() if store is not None else None
            counts = store.count() if store is not None else {"documents": 0, "duplicates": 0, "measures": 0,
                                                               "failures": 0}
            return {"status": "ok", "version": __version__, "schema_version": SCHEMA_VERSION,
                    "store": str(desk.path), "store_exists": store is not None, **counts,
                    "indexed": len(searcher) if searcher is not None else 0,
                    "embedder": searcher.embedder_name if searcher is not None else None,
                    "hint": desk.hint()}

    @app.get("/api/search", tags=["api"], summary="Measures matching a question (hybrid dense + BM25)")
    def api_search(q: str = Q, top_k: int = Query(10, ge=1, le=P.MAX_TOP_K),
                   mode: Literal["hybrid", "dense", "bm25"] = "hybrid", f=Depends(filters)):
        query = P.check_query(q)
        with desk.lock:
            searcher = desk.searcher()
            hits = searcher.search(query, top_k=top_k, filters=f, mode=mode) if searcher is not None else []
            hint = desk.hint()
        body = search_json(query, hits)
        body.update(count=len(hits), filters=f.to_dict() if f else {}, hint=hint or _no_match(hits, f))
        return JSONResponse(body)   # plain JSON already: skip FastAPI's generic (slow) encoder

    def _compare(query: str, by: str, per_place: int, top_k: int, f):
        with desk.lock:
            searcher = desk.searcher()
            if searcher is None:
                return [], desk.hint()
            from ..index.compare import compare

            rows = compare(searcher, query, by=by, filters=f, per_place=per_place, top_k=top_k)
            return rows, desk.hint()

    def compare_params(q: str = Q, by: Literal["city", "province"] = "city",
                       per_place: int = Query(3, ge=1, le=P.MAX_PER_PLACE, description="measures kept per place"),
                       top_k: int = Query(50, ge=1, le=P.MAX_COMPARE_TOP_K, description="hits considered"),
                       f=Depends(filters)):
        return P.check_query(q), by, per_place, top_k, f

    @app.get("/api/compare", tags=["api"], summary="One row per place: amounts, lead unit, deadline, citation")
    def api_compare(p=Depends(compare_params)):
        query, by, per_place, top_k, f = p
        rows, hint = _compare(*p)
        body = compare_json(query, by, rows)
        body.update(filters=f.to_dict() if f else {}, hint=hint or _no_match(rows, f))
        return JSONResponse(body)

    @app.get("/api/compare.csv", tags=["api"], summary="The comparison as CSV", response_class=Response,
             responses={200: {"content": {"text/csv": {}}}})
    def api_compare_csv(p=Depends(compare_params)):
        rows, _ = _compare(*p)
        text = "\ufeff" + render_comparison(p[0], rows, "csv", by=p[1])
        return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="zhengce-compare.csv"'})

    @app.get("/api/compare.xlsx", tags=["api"], summary="The comparison as an Excel workbook",
             response_class=Response,
             responses={200: {"content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
    def api_compare_xlsx(p=Depends(compare_params)):
        rows, _ = _compare(*p)
        fd, tmp = tempfile.mkstemp(suffix=".xlsx")
        os.close(fd)
        try:
            render_comparison(p[0], rows, "xlsx", by=p[1], path=Path(tmp))
            data = Path(tmp).read_bytes()
        finally:
            os.unlink(tmp)
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="zhengce-compare.xlsx"'})

    @app.get("/api/documents/{doc_id}", tags=["api"], summary="One document with its measures")
    def api_document(doc_id: str, original_text: bool = Query(False, description="include the text as decoded")):
        with desk.lock:
            store = desk.store()
            ex = store.get_extraction(doc_id) if store is not None else None
        if ex is None:
            return _error(404, "not_found", f"no document {doc_id!r} in the store", "doc_id")
        return JSONResponse(ex.to_dict(include_text=original_text))

    # ------------------------------------------------------------ page
    if font is not None:
        @app.get("/static/fonts/cjk.otf", include_in_schema=False)
        def cjk_font():
            return FileResponse(font, media_type="font/otf", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(name: str, status: int = 200, **ctx) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx), status_code=status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        qp = request.query_params
        form = {k: qp.get(k, "") for k in ("q", "by", "province", "city", "level", "doc_type", "date_from",
                                           "date_to", "instrument", "has_amount")}
        ctx = {"form": form, "error": None, "hint": None, "rows": [], "groups": [], "asked": False,
               "download_qs": "", "instruments": []}
        try:
            query = P.check_query(form["q"], required=False)
            by = P.check_choice("by", form["by"], P.BYS, "city")
            f = P.make_filters(**{k: form[k] for k in ("province", "city", "level", "doc_type", "date_from",
                                                        "date_to", "instrument", "has_amount")})
        except P.ParamError as e:
            ctx["error"] = f"{e.param}: {e.message}"
            query = None
        with desk.lock:
            searcher = desk.searcher()
            ctx["hint"] = desk.hint()
            if searcher is not None:   # offer the instrument tags the store really has
                ctx["instruments"] = sorted(getattr(getattr(searcher, "catalog", None), "tags", None) or [])
            if query and searcher is not None:
                from ..index.compare import compare

                rows = compare(searcher, query, by=by, filters=f)
                hits = searcher.search(query, top_k=20, filters=f)
                ctx.update(rows=compare_view(rows), groups=grouped_hits(hits, query))
        if ctx["error"]:
            return page("index.html", 422, **ctx)
        if query:
            from urllib.parse import urlencode

            ctx["asked"] = True
            ctx["download_qs"] = urlencode({k: v for k, v in form.items() if v})
        return page("index.html", **ctx)

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(doc_id: str):
        with desk.lock:
            store = desk.store()
            ex = store.get_extraction(doc_id) if store is not None else None
        if ex is None:
            return page("missing.html", 404, doc_id=doc_id, hint=desk.hint())
        doc = ex.document
        return page("doc.html", doc=doc, body=_markup(render_text(doc.text, ex.measures)),
                    items=item_rows(ex.measures), n_measures=len(ex.measures))

    return app


def _no_match(results, f) -> Optional[str]:
    if results:
        return None
    if f is not None:
        return f"no measure matches this question with the filters {f.to_dict()}; try removing some"
    return "no measure matches this question; try other words (Chinese or English)"


def _host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" -> "[::1]")."""
    if header.startswith("["):
        return header[:header.find("]") + 1]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _markup(s: str):
    from markupsafe import Markup

    return Markup(s)   # built by docview.render_text, which escapes every piece of document text


def _quiet_warm(desk: Desk) -> None:
    try:
        desk.warm_up()
    except Exception:   # a broken index shows up, with its message, on the first request instead
        pass


def serve(store_path, host: str = "127.0.0.1", port: int = 8000, *, embedder: Optional[str] = None,
          log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted. Binds localhost unless ``host`` says otherwise."""
    import uvicorn

    local = host in LOCAL_HOSTS
    app = create_app(store_path, embedder=embedder, allowed_hosts=None if local else ["*"])
    if not local:
        print(f"warning: serving {store_path} on {host}:{port}, reachable from other machines", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
