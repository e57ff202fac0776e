"""A comparison chart for a paper: the matching subsidy cap per place, sorted, with Chinese labels.

Chinese labels need a CJK font. The ``export`` extra installs ``mplfonts``, which
ships Noto Sans CJK SC inside the wheel; we register that file directly (no
download, no font-cache rebuild) and fall back to a CJK font already on the system.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from .records import ZhengceError

_SYSTEM_CJK = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
               "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC")


def cjk_font() -> Optional[str]:
    """Register and return the name of a CJK-capable font, or None when there is none."""
    from matplotlib import font_manager

    try:
        import mplfonts

        f = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
        if f.is_file():
            font_manager.fontManager.addfont(str(f))
            return font_manager.FontProperties(fname=str(f)).get_name()
    except ImportError:
        pass
    have = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in _SYSTEM_CJK if n in have), None)


def check_plot_path(path) -> None:
    """A figure file type matplotlib writes here; the CLI checks it before any work is done."""
    if Path(path).suffix.lower() not in (".png", ".svg", ".pdf"):
        from .errors import InvalidParam     # a usage error (exit 2), said before any work
        raise InvalidParam("--plot", f"wants a .png, .svg or .pdf file, not {Path(path).name}")


def cjk_pyplot(path: Path):
    """pyplot (Agg backend) set up with a CJK font, after checking the figure's file type."""
    check_plot_path(path)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ZhengceError("plots need matplotlib (part of zhengce's install): pip install matplotlib mplfonts") from e
    font = cjk_font()
    if font is None:
        raise ZhengceError("no CJK font found for Chinese labels: pip install mplfonts (ships Noto Sans CJK)")
    plt.rcParams["font.family"] = [font, "sans-serif"]
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def _row(r: Any) -> dict:
    return r.to_dict() if hasattr(r, "to_dict") else dict(r)


def _amount_text(yuan: float, per: Optional[str]) -> str:
    """55.0万元/基地/年, 800元/月: the sum as a reader writes it, with its basis (bars of different bases
    share the axis; the label says which is which)."""
    txt = f"{yuan / 1e4:,.1f}万元" if yuan >= 1e4 else f"{yuan:,.0f}元" if yuan >= 10 else f"{yuan:g}元"   # 0.3元/千瓦时
    return txt + (f"/{per}" if per else "")


_KIND = {"cap": "上限 ", "fixed": "定额 ", "per_unit": "标准 ", "range": "区间至 "}


def plot_comparison(query: str, rows: Sequence[Any], path: Path, *, value: str = "cap_yuan") -> Path:
    """Bar chart of ``value`` (yuan, shown in 万元) per place, largest first. PNG or SVG by suffix."""
    plt = cjk_pyplot(path)
    # Only amounts read from a sentence that answers the question are drawn (``answers``); a row
    # without one is listed as 未写明金额. Each label carries its match, so weak places read as weak.
    def label(d: dict) -> str:
        m = d.get("match")
        return f"{d.get('place') or '?'} ({m:.2f})" if isinstance(m, (int, float)) else (d.get("place") or "?")

    rows_ = list(map(_row, rows))
    data = [(label(d), d.get(value) if d.get("answers", True) else None, d) for d in rows_]
    with_value = sorted([(p, v, d) for p, v, d in data if v is not None], key=lambda x: x[1], reverse=True)
    # an amount the row has outside its answering sentence is not drawn, and says so
    without = [(p, "金额不在答句中" if d.get(value) is not None else "未写明金额") for p, v, d in data if v is None]
    fig_h = max(2.5, 0.45 * (len(with_value) + len(without)) + 1.2)
    fig, ax = plt.subplots(figsize=(7.5, fig_h), dpi=150)
    labels = [p for p, _, _ in with_value] + [p for p, _ in without]
    values = [v / 1e4 for _, v, _ in with_value] + [0] * len(without)
    # the kind leads each label: a ceiling (上限), a set sum (定额), a rate (标准) or a range's top (区间)
    texts = [f"{_KIND.get(d.get('cap_kind'), '')}{_amount_text(v, d.get('per'))}" for _, v, d in with_value] + \
        [t for _, t in without]
    bars = ax.barh(range(len(labels)), values, color="#3b6ea5")
    for b, txt in zip(bars, texts):
        ax.text(b.get_width(), b.get_y() + b.get_height() / 2, " " + txt, va="center", fontsize=8)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("补贴金额(万元)：上限、定额、标准或区间上端，见标签" if value == "cap_yuan" else value)
    ax.set_title(f"{query}\n(括号内为匹配度 match)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.25)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
