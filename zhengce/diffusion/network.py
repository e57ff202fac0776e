"""The reuse network of a question: who copied whom, as an edge list for networkx or Gephi.

Nodes are documents answering the question (the timeline's measures, national ones
included: local documents often copy the centre). For each answering measure, ``similar``
finds measures elsewhere that reuse its wording; each pair of documents becomes one edge
from the earlier to the later document, carrying the best similarity of their measures and
the longest stretch of text they share. A pair with an undated end, or both issued the same
day, has no direction: ``ordered`` is 0, ``type`` Undirected (Gephi's column: it draws no
arrow) and the edge goes from the lower doc id.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..render import csv_safe
from .reuse import MIN_SIMILARITY, open_index, place_of, similar
from .timeline import MIN_MATCH, answering_hits, hit_rows, stored_document

EDGE_COLUMNS = ("source", "target", "similarity", "ordered", "type", "source_place", "target_place", "source_date",
                "target_date", "source_doc_number", "target_doc_number", "source_measure", "target_measure",
                "shared")


@dataclass
class Edge:
    source: str                 # doc id of the earlier document
    target: str                 # doc id of the later document
    similarity: float
    ordered: int                # 1 when both are dated and the source is earlier than the target
    source_place: str
    target_place: str
    source_date: Optional[str]
    target_date: Optional[str]
    source_doc_number: Optional[str]
    target_doc_number: Optional[str]
    source_measure: str         # measure ids
    target_measure: str
    shared: str

    @property
    def type(self) -> str:
        """Gephi's edge type: Directed only when the order is known."""
        return "Directed" if self.ordered else "Undirected"

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in EDGE_COLUMNS}


def diffusion(searcher, question: str, *, filters=None, min_match: float = MIN_MATCH,
              min_similarity: float = MIN_SIMILARITY, include_not_policy: bool = False) -> list[Edge]:
    """Reuse edges among documents, for the measures answering ``question`` (of documents not marked
    ``not_policy``, unless ``include_not_policy``); strongest first."""
    from ..index.compare import policy_hits

    store = searcher.store
    idx = open_index(store)
    pairs, _ = answering_hits(searcher, question, filters=filters, min_match=min_match,
                              include_not_policy=include_not_policy)
    doc = stored_document(store)
    best: dict[tuple[str, str], Edge] = {}
    rows = hit_rows(store, [h for _, h in pairs])
    for _, h in pairs:                  # (provisions only: answering_hits keeps reuse.KINDS, as the index does)
        row = rows.get((h.doc_id, h.measure_id))
        if row is None:
            continue
        d0 = row.doc
        # a news page reprinting a policy's wording is no reuse between policies (its measures are left out too)
        for r in policy_hits(similar(store, row, min_similarity=min_similarity, index=idx, limit=50), doc,
                             include_not_policy):
            a = (d0.issue_date, d0.doc_id, place_of(d0.region)[0] or "未知", d0.doc_number, row.measure.id)
            b = (r.issue_date, r.doc_id, r.place, r.doc_number, r.measure_id)
            ordered = int(bool(a[0] and b[0]) and a[0] != b[0])     # the same day: who copied whom is unknown
            if (ordered and (b[0], b[1]) < (a[0], a[1])) or (not ordered and b[1] < a[1]):
                a, b = b, a
            key = (a[1], b[1])
            if key not in best or r.similarity > best[key].similarity:
                best[key] = Edge(a[1], b[1], r.similarity, ordered, a[2], b[2], a[0], b[0], a[3], b[3], a[4], b[4],
                                 r.shared)
    return sorted(best.values(), key=lambda e: (-e.similarity, e.source, e.target))


def write_edges(edges: list[Edge], path: Path) -> Path:
    """The edge list as CSV (UTF-8 with BOM; Gephi and networkx read ``source``/``target``, Gephi ``type``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=EDGE_COLUMNS)
        w.writeheader()
        for e in edges:
            w.writerow({k: csv_safe(v) for k, v in e.to_dict().items()})
    return path


def to_networkx(edges: list[Edge]):
    """A networkx DiGraph: nodes are doc ids with place and date; an edge whose order is unknown keeps its
    ``type`` Undirected (and ``ordered`` 0), its direction then only the lower doc id first."""
    import networkx as nx

    g = nx.DiGraph()
    for e in edges:
        g.add_node(e.source, place=e.source_place, date=e.source_date or "")
        g.add_node(e.target, place=e.target_place, date=e.target_date or "")
        g.add_edge(e.source, e.target, similarity=e.similarity, ordered=e.ordered, type=e.type, shared=e.shared)
    return g
