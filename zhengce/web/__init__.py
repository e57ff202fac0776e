"""The researcher's desk: a local web page and JSON API over a zhengce store.

``create_app(store_path)`` builds the FastAPI app; ``serve(store_path)`` runs it
with uvicorn on 127.0.0.1. Everything the page needs (templates, CSS, JS) ships
inside this package: no build step, no CDN.
"""
