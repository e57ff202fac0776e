"""``zhengce doctor``: check that the store is sound and that its search index agrees with it.

Checks, in order:

* SQLite ``integrity_check`` and rows that lost their parent (measures without a
  document, duplicates pointing at a document that is gone or whose text has changed);
* the index manifest and the files it names (readable, all present);
* index vs store id sets: measures with no vector (missing) and vectors whose
  measure is gone (stale);
* the parts of the index against each other: dense ids == catalog ids, BM25 rows ==
  catalog rows (a BM25 table out of date with the catalog), manifest count;
* the embedder recorded in the store (``index.embedder`` meta key, when set) against
  the one that built the index;
* index files no manifest names (left behind by a sync that was killed).

``repair=True`` fixes what can be fixed without re-ingesting any file: orphan rows
are deleted, dangling duplicate pointers cleared (the next ingest re-processes those
sources), the index is re-synced with ``Searcher.sync`` -- or rebuilt from the store
when its parts disagree or cannot be read -- and unreferenced index files removed.
A damaged SQLite file is reported, never "repaired": restore it or re-ingest.

Each problem is a dict: ``message`` (for people), ``repaired`` (bool) and ``kind`` (for
programs): ``sqlite``, ``orphans``, ``duplicates``, ``missing_sources`` (files deleted or renamed since they
were ingested; ``ingest --prune`` takes them out), ``unprocessed``, ``index_missing`` (measures without
vectors), ``index_stale`` (vectors without measures), ``index_broken`` (parts of the index
disagree or cannot be read: rebuilt), ``embedder`` or ``leftovers``. After a crash only
``index_missing``, ``index_stale`` and ``leftovers`` are expected: the index is then a
consistent earlier generation that a sync brings up to date.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path
from typing import Optional

import numpy as np

from .records import ZhengceError
from .store import Store

MANIFEST = "manifest.json"
# a file of a newer generation than the manifest may belong to a sync running right now
_INFLIGHT_GRACE_S = 3600
_GEN = re.compile(r"^[a-z]+-(\d+)\.")


# kinds: sqlite | orphans | duplicates | missing_sources | unprocessed | index_missing | index_stale | index_broken | embedder | leftovers
def _problem(message: str, repaired: bool = False, kind: str = "index_broken") -> dict:
    return {"message": message, "repaired": repaired, "kind": kind}


def check(store: Store, repair: bool = False) -> list[dict]:
    """Problems found (``message``, ``repaired``); an empty list means store and index agree."""
    out: list[dict] = []
    try:
        sqlite_ok = _check_sqlite(store, repair, out)
        if sqlite_ok:   # the id sets of a damaged database mean nothing
            _check_index(store, repair, out)
            from .diffusion.reuse import check as check_reuse

            out.extend(check_reuse(store, repair))   # kinds reuse_behind, reuse_broken, leftovers
    except sqlite3.DatabaseError as e:
        out.append(_problem(f"sqlite database damaged: {e} (restore a backup or re-ingest into a new store)",
                            kind="sqlite"))
    return out


# ------------------------------------------------------------------ store
def _fix(repair: bool, action) -> bool:
    """Run ``action`` when repairing; whether it ran."""
    if repair:
        action()
    return repair


def _check_sqlite(store: Store, repair: bool, out: list[dict]) -> bool:
    res = store.integrity_check()
    if res != ["ok"]:
        out.append(_problem("sqlite integrity_check failed: " + "; ".join(res[:5])
                            + " (restore a backup or re-ingest into a new store)", kind="sqlite"))
        return False
    fk = store.foreign_key_violations()
    orphans = store.orphan_measures()
    if orphans:
        fixed = _fix(repair, store.delete_orphan_measures)
        out.append(_problem(f"{orphans} measures without a document" + (" (deleted)" if fixed else ""), fixed,
                            kind="orphans"))
    elif fk:
        out.append(_problem(f"{fk} foreign-key violations", kind="orphans"))
    dangling = store.dangling_duplicates()
    if dangling:
        fixed = _fix(repair, store.release_dangling_duplicates)
        out.append(_problem(f"{dangling} duplicates point at a document that is gone"
                            + (" (cleared; the next ingest re-processes them)" if fixed else ""), fixed,
                            kind="duplicates"))
    stale_dups = store.stale_duplicates()
    if stale_dups:
        fixed = _fix(repair, store.release_stale_duplicates)
        out.append(_problem(f"{stale_dups} documents marked duplicate of a document whose text has changed "
                            "since (their measures are missing)"
                            + (" (cleared; the next ingest re-processes them)" if fixed else ""), fixed,
                            kind="duplicates"))
    from .pipeline import missing_sources

    gone = missing_sources(store)
    if gone:
        # deleted, renamed or moved since they were ingested: still searchable, cited by a path that is gone
        folder = gone[0][1].rsplit("/", 1)[0] or "/"
        out.append(_problem(f"{len(gone)} documents cite a file that is gone, e.g. {gone[0][1]}: "
                            f"`zhengce ingest {folder} --prune` takes them out (the folder may be gone too)",
                            kind="missing_sources"))
    waiting = store.released_without_measures()
    if waiting:
        # copies whose original changed or went while their own file was not ingested again: no measures
        # until an ingest of their files processes them (repair cannot: it has no extractor)
        out.append(_problem(f"{len(waiting)} documents have no measures yet (a copy whose original changed or "
                            f"went): ingest their files again, e.g. {waiting[0]}", kind="unprocessed"))
    return True


# ------------------------------------------------------------------ index
def read_manifest(index_dir: Path) -> tuple[Optional[dict], Optional[str]]:
    p = index_dir / MANIFEST
    if not p.is_file():
        return None, None
    try:
        return json.loads(p.read_text(encoding="utf-8")), None
    except (OSError, ValueError) as e:
        return None, f"index manifest {p} unreadable: {e}"


def _dense_ids(dense) -> np.ndarray:
    import faiss

    index = dense.index
    if isinstance(index, faiss.IndexIDMap2) or hasattr(index, "id_map"):
        return faiss.vector_to_array(index.id_map).astype(np.int64)
    ivf = faiss.extract_index_ivf(index)
    invlists = ivf.invlists
    parts = []
    for lst in range(ivf.nlist):
        n = invlists.list_size(lst)
        if n:
            parts.append(np.array(faiss.rev_swig_ptr(invlists.get_ids(lst), n), dtype=np.int64))
    return np.concatenate(parts) if parts else np.zeros(0, np.int64)


def _check_index(store: Store, repair: bool, out: list[dict]) -> None:
    from .index.search import Searcher

    index_dir = Path(store.index_dir)
    store_ids = np.fromiter(store.measure_ids(), dtype=np.int64)
    manifest, err = read_manifest(index_dir)
    rebuild_reasons: list[list[str]] = []   # [message, kind]
    sync_reasons: list[list[str]] = []
    searcher = None
    embedder = manifest.get("embedder") if manifest else None

    if err:
        rebuild_reasons.append([err, "index_broken"])
    elif manifest is None:
        if len(store_ids):
            sync_reasons.append([f"no search index: {len(store_ids)} measures not indexed", "index_missing"])
    else:
        missing_files = [f for f in manifest.get("files", {}).values() if not (index_dir / f).is_file()]
        if missing_files:
            rebuild_reasons.append(["index files missing: " + ", ".join(sorted(missing_files)), "index_broken"])
        else:
            try:
                searcher = Searcher(store)
            except Exception as e:  # noqa: BLE001 -- any load failure means: rebuild from the store
                rebuild_reasons.append([f"index unreadable: {type(e).__name__}: {e}", "index_broken"])
    wanted = store.meta_get("index.embedder")
    if manifest and wanted and wanted != embedder:
        rebuild_reasons.append([f"embedder mismatch: store asks for {wanted!r}, index was built with "
                                f"{embedder!r}", "embedder"])
        embedder = wanted

    if searcher is not None:
        cat_ids = searcher.catalog.ids
        n_cat = len(cat_ids)
        if len(np.unique(cat_ids)) != n_cat:
            rebuild_reasons.append(["index holds the same measure more than once", "index_broken"])
        if searcher.dense is not None:
            d_ids = _dense_ids(searcher.dense)
            if d_ids.size != n_cat or not np.array_equal(np.sort(d_ids), np.sort(cat_ids)):
                rebuild_reasons.append([f"dense index ({d_ids.size} vectors) disagrees with catalog ({n_cat} rows)",
                                        "index_broken"])
            if manifest.get("dim") not in (None, searcher.dense.dim):
                rebuild_reasons.append([f"manifest dim {manifest.get('dim')} != dense index dim {searcher.dense.dim}",
                                        "index_broken"])
        elif n_cat:
            rebuild_reasons.append([f"catalog has {n_cat} rows but there is no dense index", "index_broken"])
        if searcher.bm25.n_rows != n_cat:
            rebuild_reasons.append([f"BM25 out of date: {searcher.bm25.n_rows} rows vs {n_cat} indexed measures",
                                    "index_broken"])
        if manifest.get("count") != n_cat:
            rebuild_reasons.append([f"manifest count {manifest.get('count')} != {n_cat} indexed measures",
                                    "index_broken"])
        if searcher.catalog.missing:
            rebuild_reasons.append([f"index built before it kept each measure's {', '.join(sorted(searcher.catalog.missing))}"
                                    " (filters on it cannot run)", "index_old"])
        missing = int((~np.isin(store_ids, cat_ids)).sum())
        stale = int((~np.isin(cat_ids, store_ids)).sum())
        if missing:
            sync_reasons.append([f"{missing} measures have no vector (missing from the index)", "index_missing"])
        if stale:
            sync_reasons.append([f"{stale} stale vectors (their measures are gone from the store)", "index_stale"])

    if rebuild_reasons:
        fixed = False
        if repair:
            try:
                info = rebuild_index(store, embedder)
                fixed = True
                rebuild_reasons[-1][0] += f" (rebuilt from the store: {info.get('total')} measures)"
            except ZhengceError as e:
                rebuild_reasons[-1][0] += f" (could not rebuild: {e})"
        out.extend(_problem(m, fixed, k) for m, k in rebuild_reasons)
    elif sync_reasons:
        fixed = False
        from .index.lock import busy_words, index_writer

        writer = index_writer(store.index_dir)
        if writer is not None and not repair:
            sync_reasons[-1][0] += f" ({busy_words(writer)} now: it catches up when that finishes)"
        if repair:
            from .index.lock import index_lock

            try:
                with index_lock(store.index_dir, wait=False):     # an ingest writing it now: not done twice
                    # loaded again under the lock: the copy read above may predate a writer that finished
                    # meanwhile, and syncing it would redo that work over the live generation's files
                    info = Searcher(store).sync()
                fixed = True
                sync_reasons[-1][0] += f" (synced: +{info['added']} -{info['removed']})"
            except ZhengceError as e:
                sync_reasons[-1][0] += f" (could not sync: {e})"
        out.extend(_problem(m, fixed, k) for m, k in sync_reasons)

    _check_leftovers(index_dir, repair, out)


def rebuild_index(store: Store, embedder: Optional[str] = None, progress=None) -> dict:
    """A fresh index from the store (for ``embedder``, default: the one that built the current index).

    Written as the next generation so the live files are never overwritten: readers keep
    searching the old index until the manifest swap, and a kill before it leaves the old
    index whole (its half-written successor is a leftover ``check(repair=True)`` removes).
    """
    from .index.lock import index_lock
    from .index.search import Searcher

    with index_lock(store.index_dir, wait=False):      # another process writing the index: IndexBusy, not a race
        manifest, _ = read_manifest(Path(store.index_dir))
        if embedder is None and manifest:
            embedder = manifest.get("embedder")
        s = Searcher(store, embedder=embedder, rebuild=True)
        if manifest and isinstance(manifest.get("generation"), int):
            s.manifest = manifest   # numbering continues after the old generation; its files go after the swap
        info = s.sync(progress=progress)
        if not info["added"] and not info["removed"] and s.manifest is manifest:
            s.save()                # an empty store: still replace the old index with an empty one
            info["embedder"] = s.embedder_name
    return info


def _check_leftovers(index_dir: Path, repair: bool, out: list[dict]) -> None:
    if not index_dir.is_dir():
        return
    manifest, err = read_manifest(index_dir)
    if err:
        return
    # the previous generation's files stay one sync longer for readers still loading them
    keep = (set((manifest or {}).get("files", {}).values()) | set((manifest or {}).get("previous_files", []))
            | {MANIFEST})
    gen = int((manifest or {}).get("generation") or 0)
    now = time.time()
    left = []
    for p in index_dir.iterdir():
        if p.name in keep or not p.is_file():
            continue
        m = _GEN.match(p.name)
        inflight = m is not None and int(m.group(1)) > gen
        try:
            age = now - p.stat().st_mtime
        except OSError:
            continue
        if inflight and age < _INFLIGHT_GRACE_S:
            continue   # may be a sync writing its next generation right now
        left.append(p)
    if not left:
        return
    size = sum(p.stat().st_size for p in left if p.exists())
    fixed, why = False, ""
    if repair:
        from .index.lock import index_lock

        try:
            with index_lock(index_dir, wait=False):     # a writer's next generation is no leftover
                for p in left:
                    try:
                        p.unlink()
                    except OSError:
                        pass
            fixed = True
        except ZhengceError as e:
            why = f" (not removed: {e})"
    out.append(_problem(f"{len(left)} index files no manifest names ({size} bytes, left by an interrupted sync)"
                        + (" (removed)" if fixed else why), fixed, "leftovers"))
