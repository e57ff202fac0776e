"""Diffusion figures with Chinese labels: the cumulative adoption curve and the instrument-mix heat map."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from ..plot import cjk_pyplot
from .instruments_mix import TYPE_ZH, TYPES
from .timeline import Timeline

LEVEL_ZH = {"province": "省级", "city": "市级", "district": "区县级", "未知": "未知"}


def plot_adoption(tl: Timeline, path: Path, split: Optional[str] = None) -> Path:
    """Places adopted over time (step curve), one line per level or province with ``split``."""
    path = Path(path)
    plt = cjk_pyplot(path)
    curves = tl.curve(split)
    fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=150)
    end = max((date.fromisoformat(d) for pts in curves.values() for d, _ in pts), default=None)
    for g, pts in sorted(curves.items(), key=lambda kv: -len(kv[1])):
        xs = [date.fromisoformat(d) for d, _ in pts] + [end]      # each curve runs on to the last adoption
        ys = [n for _, n in pts] + [pts[-1][1]]
        label = LEVEL_ZH.get(g, g) if split == "level" else g
        ax.step(xs, ys, where="post", marker="o", markersize=3, markevery=list(range(len(pts))),
                label=f"{label} ({len(pts)})")
    if not curves:
        ax.text(0.5, 0.5, "没有带日期的采纳记录", ha="center", va="center", transform=ax.transAxes)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("发文日期")
    ax.set_ylabel("累计采纳地区数")
    ax.set_title(f"{tl.question}\n{curve_note(tl)}", fontsize=9)
    if len(curves) > 1:
        ax.legend(fontsize=7, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def curve_note(tl: Timeline) -> str:
    """The curve's subtitle: the threshold, places known only from undated documents (a place on the curve with
    an undated document too is on it already), and drafts left out."""
    note = f"阈值 match ≥ {tl.min_match:g}"
    on_curve = {a.place for a in tl.adoptions}
    undated = {a.place for a in tl.undated} - on_curve
    if undated:
        note += f"; 另有 {len(undated)} 个地区仅有无日期文件"
    if tl.drafts:
        note += f"; {len(tl.drafts)} 份征求意见稿不计"
    return note


def plot_mix(rows: list[dict], path: Path, title: str = "政策工具结构") -> Path:
    """Heat map: places (rows) × supply/environment/demand shares, with the shares written in."""
    import numpy as np

    path = Path(path)
    plt = cjk_pyplot(path)
    rows = [r for r in rows if r.get("typed")][:60]
    data = np.array([[r[f"{t}_share"] or 0.0 for t in TYPES] for r in rows]) if rows else np.zeros((0, 3))
    fig, ax = plt.subplots(figsize=(5.5, max(2.5, 0.32 * len(rows) + 1.5)), dpi=150)
    im = ax.imshow(data if len(rows) else np.zeros((1, 3)), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(3), [TYPE_ZH[t] for t in TYPES])
    ax.set_yticks(range(len(rows)), [f"{r['place']} ({r['typed']})" for r in rows])
    for i in range(len(rows)):
        for j in range(3):
            ax.text(j, i, f"{data[i, j]:.0%}", ha="center", va="center", fontsize=7,
                    color="white" if data[i, j] > 0.6 else "black")
    # the label over the bar, level: a vertical bar's label is turned 90°, and Chinese then lies on its side
    fig.colorbar(im, ax=ax, fraction=0.05).ax.set_title("占比", fontsize=8)
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
