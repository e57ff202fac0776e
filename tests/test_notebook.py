"""The walkthrough notebook runs top to bottom (nbclient); any failing cell fails the test.

The kernel is this test's own interpreter (a throwaway kernelspec pointing at ``sys.executable``), so the
notebook sees the same installed zhengce whatever kernels the machine has registered.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from support import REPO

pytestmark = pytest.mark.slow   # starts a Jupyter kernel

NOTEBOOK = REPO / "notebooks" / "zhengce_walkthrough.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")


@pytest.fixture
def own_kernel(tmp_path, monkeypatch) -> str:
    name = "zhengce-test-python"
    spec = tmp_path / "jupyter" / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "zhengce test", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return name


def test_notebook_is_clean_and_valid():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 8
    assert all(not c.outputs and c.execution_count is None for c in code), "commit the notebook without outputs"
    src = "\n".join(c.source for c in code)
    for step in ("ingest_paths", "get_extraction", "compare(", "export_store", "plot_comparison"):
        assert step in src, step


def test_notebook_runs_top_to_bottom(own_kernel, tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=own_kernel, timeout=600,
                                     resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:   # the message names the cell and its traceback
        pytest.fail(f"notebook cell failed:\n{e}")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(o.get("text", "") if o.get("output_type") == "stream"
                     else json.dumps(o.get("data", {}), ensure_ascii=False) for o in outputs)
    assert "南宁市" in text and "青海省" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)     # the chart was drawn
    assert not list(Path(tmp_path).glob("zhengce-store*"))             # nothing written beside the notebook
