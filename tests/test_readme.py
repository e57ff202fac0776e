"""The README's "Using it" examples work after the README's first command (``pip install -e .``).

Each ``zhengce …`` line of that block is run as written, with the README's placeholder paths
(``~/policy-pages``, ``~/zc``, ``page.html``, output files) pointed at the bundled corpus and a
temporary folder; ``serve`` is started and asked for its health. The packages those examples
import must be plain dependencies, not extras.
"""
from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request

import pytest

from support import CORPUS, REPO, SEEDS
from zhengce.cli import main

# what the examples import beyond the core: --plot, --format xlsx, export parquet, serve
NEEDED = {"matplotlib", "mplfonts", "openpyxl", "pyarrow", "pandas", "fastapi", "uvicorn", "jinja2"}


def _examples() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Using it\s+```bash\n(.*?)```", text, re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.startswith("zhengce ")]


def test_examples_need_no_extra():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=\[ ]", d)[0].lower() for d in deps}
    assert NEEDED <= names, f"README examples need {sorted(NEEDED - names)} beyond `pip install -e .`"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_every_using_it_example_runs(tmp_path, capsys):
    subs = {"~/policy-pages": str(CORPUS), "~/zc": str(tmp_path / "zc"), "page.html": str(CORPUS / SEEDS["nanning"]),
            "rent.xlsx": str(tmp_path / "rent.xlsx"), "rent.png": str(tmp_path / "rent.png"),
            "out/": str(tmp_path / "out")}
    examples = _examples()
    assert len(examples) >= 10 and examples[0].startswith("zhengce ingest")
    for line in examples:
        for k, v in subs.items():
            line = line.replace(k, v)
        argv = shlex.split(line, comments=True)[1:]
        if ">" in argv:                                   # `extract … > items.csv`
            argv = argv[:argv.index(">")] + ["-o", str(tmp_path / argv[argv.index(">") + 1])]
        if argv[0] == "serve":
            _serve(argv)
            continue
        code = main(argv)
        _, err = capsys.readouterr()
        assert code == 0, (line, err)
    assert (tmp_path / "rent.xlsx").stat().st_size and (tmp_path / "rent.png").stat().st_size
    assert (tmp_path / "out" / "measures.parquet").is_file() and (tmp_path / "items.csv").stat().st_size


def _serve(argv: list[str]) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "zhengce", *argv, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as r:
                    assert r.status == 200
                    return
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not answer: {proc.stderr.read().decode()[-2000:]}")
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
