"""The local web app: a JSON API (documented at /openapi.json) and a server-rendered page.

    GET /                      the desk: question, filters, comparison table, hits grouped by place
    GET /doc/{doc_id}          normalized text with amounts, units and deadlines marked at their offsets
    GET /api/search            hits (JSON, the ``search`` schema)
    GET /api/compare           one row per place (JSON, the ``compare`` schema)
    GET /api/compare.csv       the comparison as CSV (UTF-8 with BOM, so Excel reads the Chinese)
    GET /api/compare.xlsx      the comparison as an Excel workbook
    GET /api/documents/{id}    one document with its measures (JSON, the ``extraction`` schema)
    GET /api/health            what the store and index hold

Routes live in ``api.py`` and ``pages.py``; errors are translated in ``errors.py``: a bad
parameter answers 422 (404 for an unknown document) with ``{"error", "param", "message"}``,
a damaged index 503 with the repair command. The server binds 127.0.0.1 unless told
otherwise and, while local, only answers requests addressed to localhost (a web page
elsewhere cannot reach it through DNS rebinding).
"""
from __future__ import annotations

import os
import re
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

from .. import __version__
from ..errors import ZhengceError
from ..records import LEVELS
from ..store import check_store_folder

try:
    import jinja2  # noqa: F401  (templates; checked here so a missing extra fails with the fix)
    from fastapi import FastAPI
    from fastapi.responses import FileResponse
    from fastapi.staticfiles import StaticFiles
except ImportError as e:  # optional extra
    raise ZhengceError(f"the web app needs {e.name} (part of zhengce's install): pip install {e.name}") from e
from . import api, diffusion, errors, pages
from .state import Desk
from .views import COMPARE_CELLS

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
# The page's own files only: no inline script, nothing from elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


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


def create_app(store_path, *, embedder: Optional[str] = None, allowed_hosts: Optional[list[str]] = None,
               warm: bool = True) -> FastAPI:
    """The app over the store at ``store_path`` (which may not exist yet: the page then says how to fill it).

    ``allowed_hosts``: Host headers to answer (default: localhost names only; ``["*"]`` for any).
    ``warm``: load index and embedder in the background at startup.
    """
    check_store_folder(Path(store_path))    # a missing store fills later; a file never becomes one
    desk = Desk(store_path, embedder=embedder, warm=warm)

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
    app.state.templates = _templates()
    hosts = list(allowed_hosts) if allowed_hosts else list(LOCAL_HOSTS)

    app.add_middleware(Guard, hosts=hosts)

    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(diffusion.router)   # /timeline, /doc/{id}/similar, /api/timeline, /api/similar
    font = _cjk_font_file()
    if font is not None:
        @app.get("/static/fonts/cjk.otf", include_in_schema=False)
        def cjk_font():
            return FileResponse(font, media_type="font/otf", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


_SECURITY_HEADERS = ((b"content-security-policy", CSP.encode("latin-1")),
                     (b"x-content-type-options", b"nosniff"),
                     (b"referrer-policy", b"no-referrer"))


class Guard:
    """Answers only requests addressed to ``hosts`` (400 ``bad_host`` otherwise) and adds the security
    headers (CSP, nosniff, no-referrer) to every response that does not set them itself.

    A plain ASGI middleware, not Starlette's ``BaseHTTPMiddleware`` (``@app.middleware``), which
    runs each request in an extra task through memory streams: measurable under many concurrent requests.
    It also answers a plainly valid GET /api/search itself (``api.fast_search``, which says why).
    """

    def __init__(self, app, hosts: list[str]):
        self.app = app
        self.hosts = list(hosts)
        self.any_host = "*" in self.hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in _SECURITY_HEADERS if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        if not self.any_host:
            host = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"").decode("latin-1")
            if _host_name(host) not in self.hosts:
                response = errors.error_response(
                    400, "bad_host", f"this zhengce server answers requests for {', '.join(self.hosts)} only")
                await response(scope, receive, send_secured)
                return
        if scope["method"] == "HEAD" and scope["path"] not in _OWN_HEAD and not scope["path"].startswith("/static/"):
            # HEAD of any GET route: the GET's status and headers, no body (Starlette's APIRoute allows GET only)
            scope = {**scope, "method": "GET"}
            inner_send, sent = send_secured, []

            async def send_secured(message):
                if message["type"] == "http.response.body":
                    if sent:
                        return
                    sent.append(True)
                    message = {"type": "http.response.body", "body": b"", "more_body": False}
                await inner_send(message)
        if scope["path"] == "/api/search" and scope["method"] == "GET":
            response = await api.fast_search(scope, scope["app"].state.desk)
            if response is not None:
                await response(scope, receive, send_secured)
                return
        await self.app(scope, receive, send_secured)


_OWN_HEAD = ("/", "/api/health")      # answered by their own HEAD routes, without the GET's work (and /static/
# answers HEAD itself without reading the file)
_HOST_HEADER = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$")


def _host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" -> "[::1]"); "" when the header is
    not a plain host[:port] (127.0.0.1:8000@evil.example, user info, paths), so it is refused."""
    m = _HOST_HEADER.match(header.strip())
    return m.group(1).lower() if m else ""


def _quiet_warm(desk: Desk) -> None:
    try:
        desk.warm_up()
    except Exception:   # a broken index shows up, with its message, on the first request instead
        pass


def serve(store_path, host: str = "127.0.0.1", port: int = 8000, *, embedder: Optional[str] = None,
          log_level: str = "info", workers: int = 1) -> None:
    """Run the app with uvicorn until interrupted. Binds localhost unless ``host`` says otherwise.

    ``workers`` > 1: that many uvicorn worker processes share the socket, each with its own index and
    embedder in memory (~300 MB each). Searching is CPU work under one GIL per process, so on an idle 2-core
    box 2 workers cut the p50 of 200 concurrent searches by a third or more (bench/serve.py: medians of 5
    bursts 247–280 ms with 1, 148–181 ms with 2, alternated). One SO_REUSEPORT socket per worker, which
    spreads connections evenly, measured no better than the shared socket: a busy worker accepts fewer.
    """
    import uvicorn

    check_store_folder(Path(store_path))    # said now, not by every worker process as it starts
    check_port(host, port)
    local = host in LOCAL_HOSTS
    if not local:
        print(f"warning: serving {store_path} on {host}:{port}, reachable from other machines", flush=True)
    if workers > 1:
        # each worker process builds the app itself (_app_from_env), from these settings
        os.environ.update({"ZHENGCE_SERVE_STORE": str(Path(store_path).resolve()),
                           "ZHENGCE_SERVE_EMBEDDER": embedder or "", "ZHENGCE_SERVE_HOSTS": "" if local else "*"})
        uvicorn.run("zhengce.web.app:_app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level)
        return
    app = create_app(store_path, embedder=embedder, allowed_hosts=None if local else ["*"])
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def check_port(host: str, port: int) -> None:
    """ZhengceError when ``host:port`` cannot be listened on (another server holds it: uvicorn said only
    '[Errno 98] address already in use' and exited 3). Bound and let go at once, as uvicorn binds it
    (SO_REUSEADDR: a port left in TIME_WAIT is free); port 0 asks for any free one."""
    import errno
    import socket

    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host.strip("[]"), port))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise ZhengceError(f"{host}:{port} is already in use (another zhengce serve?): stop that server or "
                               f"give another --port") from None
        raise ZhengceError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def _app_from_env() -> FastAPI:
    """The app of one uvicorn worker process started by ``serve(workers=N)``."""
    hosts = os.environ.get("ZHENGCE_SERVE_HOSTS", "")
    return create_app(os.environ["ZHENGCE_SERVE_STORE"], embedder=os.environ.get("ZHENGCE_SERVE_EMBEDDER") or None,
                      allowed_hosts=hosts.split(",") if hosts else None)
