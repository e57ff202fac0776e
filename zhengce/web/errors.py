"""Library errors as HTTP answers: a bad parameter is the request's fault (422), a damaged index the server's (503)."""
from __future__ import annotations

from typing import Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import IndexDamaged, InvalidParam, ZhengceError
from ..store import StoreError


def error_response(status: int, error: str, message: str, param: Optional[str] = None,
                   headers: Optional[dict] = None) -> JSONResponse:
    """The one error shape of the API: ``{"error", "param", "message"}`` (param null when none)."""
    return JSONResponse({"error": error, "param": param or None, "message": message}, status_code=status,
                        headers=headers)


_HTTP_ERRORS = {404: "not_found", 405: "method_not_allowed"}


def error_for(exc: ZhengceError) -> JSONResponse:
    """A library error as its HTTP answer (the handlers below and the /api/search fast path)."""
    if isinstance(exc, InvalidParam):
        return error_response(422, "bad_parameter", str(exc), exc.param)   # the CLI prints the same str(exc)
    if isinstance(exc, IndexDamaged):
        return error_response(503, "index_damaged", str(exc))
    if isinstance(exc, StoreError):      # the server's store, not the request
        return error_response(503, getattr(exc, "error_code", "store_unreadable"), str(exc))
    return error_response(400, "zhengce_error", str(exc))


def _methods_for(request: Request) -> str:
    """Every method some route answers on this path (GET implies HEAD), as an Allow header value."""
    from starlette.routing import Match

    methods: set[str] = set()

    def walk(routes) -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)      # an included router (FastAPI wraps it)
            if inner is not None:
                walk(inner.routes)
            elif getattr(route, "methods", None) and route.matches(request.scope)[0] != Match.NONE:
                methods.update(route.methods)   # PARTIAL: the path matches, the method does not

    walk(request.app.routes)
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        # unknown routes and methods answer like every other error, not FastAPI's {"detail": ...}
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            msg = f"no such page or endpoint: {request.url.path} (the API is listed at /openapi.json)"
        elif exc.status_code == 405:
            # Starlette names the first route that matched the path only (HEAD / before GET /): name them all
            allow = _methods_for(request) or headers.get("Allow") or headers.get("allow") or "GET"
            headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
            headers["Allow"] = allow
            msg = f"{request.method} is not allowed on {request.url.path}; use {allow}"
        else:
            msg = str(exc.detail)
        return error_response(exc.status_code, _HTTP_ERRORS.get(exc.status_code, "http_error"), msg,
                              headers=headers)

    @app.exception_handler(ZhengceError)     # InvalidParam and IndexDamaged are ZhengceErrors
    async def zhengce_error(request: Request, exc: ZhengceError):
        return error_for(exc)

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
