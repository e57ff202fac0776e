"""plot_comparison writes a PNG and an SVG whose Chinese labels are drawn with a real CJK font."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from zhengce.plot import cjk_font, plot_comparison  # noqa: E402
from zhengce.records import ZhengceError  # noqa: E402

QUERY = "哪些城市对众创空间给予房租补贴"
ROWS = [  # the shape of compare rows (dicts or objects with to_dict)
    {"place": "南宁市", "cap_yuan": 550000.0, "cap_kind": "cap", "per": "基地/年"},
    {"place": "青海省", "cap_yuan": 1000000.0, "cap_kind": "fixed"},
    {"place": "石家庄市", "cap_yuan": None},
    {"place": "南通市", "cap_yuan": 200000.0},
]


def test_cjk_font_is_available():
    # the project's own setup provides it (the export extra ships Noto Sans CJK via mplfonts)
    assert cjk_font() is not None


def _plot(path: Path, rows=ROWS) -> Path:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plot_comparison(QUERY, rows, path)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing[:3]          # matplotlib warns for every glyph it had to draw as tofu
    return path


def test_svg_has_chinese_labels_in_cjk_glyphs(tmp_path):
    svg = _plot(tmp_path / "cap.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and len(svg) > 20_000
    # matplotlib writes each text as a comment and its glyphs as paths named after the font
    labels = [t.strip() for t in re.findall(r"<!-- (.*?) -->", svg)]
    for text in (QUERY, "南宁市", "青海省", "南通市", "石家庄市", "补贴金额(万元)：上限、定额、标准或区间上端，见标签",
                 "未写明金额", "上限 55.0万元/基地/年", "定额 100.0万元"):
        # round 22: each bar says whether it is a ceiling, a set sum or a rate (a monthly rate had read as a cap)
        assert text in labels, text
    fonts = set(re.findall(r'id="([A-Za-z][\w-]*?)-[0-9a-f]+"', svg))
    assert any("CJK" in f or "Han" in f or "Hei" in f for f in fonts), fonts
    # sorted by cap, largest first; a place without an amount comes last
    order = [t for t in labels if t in ("南宁市", "青海省", "南通市", "石家庄市")]
    assert order == ["青海省", "南宁市", "南通市", "石家庄市"]


def test_png_is_a_real_image(tmp_path):
    import matplotlib.image as mpimg

    p = _plot(tmp_path / "cap.png")
    assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 15_000
    img = mpimg.imread(p)
    h, w = img.shape[:2]
    assert w >= 800 and h >= 300
    assert img[..., :3].std() > 0.05          # bars and labels, not a blank canvas


def test_plot_of_real_compare_rows(tmp_path):
    from support import CORPUS

    from zhengce.index.compare import compare
    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    with Store(tmp_path / "s") as st:
        ingest_paths(st, [CORPUS / "001_b0a6d818020c8865.txt", CORPUS / "003_2f66007b48e19f9b.txt"])
        searcher = Searcher(st)
        searcher.sync()
        rows = compare(searcher, QUERY)
    assert rows
    svg = _plot(tmp_path / "real.svg", rows).read_text(encoding="utf-8")
    assert "南宁市" in svg


def test_bad_suffix_refused(tmp_path):
    with pytest.raises(ZhengceError, match="png"):
        plot_comparison(QUERY, ROWS, tmp_path / "cap.jpg")


def test_labels_give_small_sums_in_yuan_with_their_basis_and_say_why_a_row_has_no_bar(tmp_path):
    rows = [{"place": "南宁市", "cap_yuan": 550000.0, "per": "基地/年", "match": 1.0},
            {"place": "嘉兴市", "cap_yuan": 800.0, "per": "月", "match": 0.8},
            {"place": "西安市", "cap_yuan": 4000.0, "answers": False, "match": 0.5},
            {"place": "石家庄市", "cap_yuan": None, "match": 0.4}]
    svg = _plot(tmp_path / "cap.svg", rows).read_text(encoding="utf-8")
    labels = [t.strip() for t in re.findall(r"<!-- (.*?) -->", svg)]
    for text in ("55.0万元/基地/年", "800元/月", "金额不在答句中", "未写明金额"):
        assert text in labels, (text, labels)
