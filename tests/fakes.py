"""An in-memory store with the index-facing Store API (``records.MeasureSource``), for the index tests.

Measures are written by hand in the style of local policy documents, so these
tests do not depend on ingest/extract and run in a second.
"""
from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from zhengce.records import Amount, Deadline, Document, Measure, MeasureRow, Region, UnitRef


class FakeStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.index_dir = self.path / "index"
        self._rows: dict[int, MeasureRow] = {}
        self._next = itertools.count(1)
        self.generation = 0

    def add_document(self, doc: Document, measures: list[Measure]) -> list[int]:
        """Insert (or replace, by source) a document; returns the new row ids."""
        self.delete_source(doc.source)
        ids = []
        for m in measures:
            rid = next(self._next)
            self._rows[rid] = MeasureRow(rowid=rid, measure=m, doc=doc)
            ids.append(rid)
        self._bump()
        return ids

    def delete_source(self, source: str) -> int:
        gone = [rid for rid, r in self._rows.items() if r.doc.source == source]
        for rid in gone:
            del self._rows[rid]
        if gone:
            self._bump()
        return len(gone)

    def _bump(self):
        self.generation += 1

    def measure_ids(self) -> set[int]:
        return set(self._rows)

    def load_measures(self, ids) -> list[MeasureRow]:
        return [self._rows[i] for i in ids if i in self._rows]

    def iter_measure_rows(self, batch: int = 1000):
        for rid in sorted(self._rows):
            yield self._rows[rid]



def measure(doc_id: str, i: int, text: str, *, kind: str = "measure", title: str | None = None,
            amounts=(), units=(), deadlines=(), instruments=()) -> Measure:
    """A measure at offset i*1000 of its document; item offsets are set where their text occurs."""
    base = i * 1000

    def shift(items):
        out = []
        for x in items:
            at = text.find(x.text)
            assert at >= 0, x.text
            out.append(replace(x, start=base + at, end=base + at + len(x.text)))
        return out

    return Measure(id=f"{doc_id}-m{i}", kind=kind, path=[title] if title else [], title=title, text=text,
                   start=base, end=base + len(text), amounts=shift(amounts), units=shift(units),
                   deadlines=shift(deadlines), instruments=list(instruments))


def doc(source: str, *, title: str, province: str, city: str | None, level: str,
        issue_date: str, doc_type: str = "实施意见", doc_number: str | None = None) -> Document:
    return Document(source=source, text="", original_text="", title=title, doc_type=doc_type,
                    doc_number=doc_number, issue_date=issue_date, doc_id=Path(source).stem,
                    region=Region(province=province, city=city, level=level))


def nanning() -> tuple[Document, list[Measure]]:
    d = doc("/data/nanning.txt", title="南宁市大力推进大众创业万众创新实施方案", province="广西壮族自治区",
            city="南宁市", level="city", issue_date="2016-06-13", doc_type="方案", doc_number="南府办〔2016〕34号")
    ms = [
        measure(d.doc_id, 0, "对经认定的众创空间,按其实际缴纳的房租和宽带接入费的70%给予补贴,每年最高不超过55万元,"
                "补贴期限3年。(牵头单位:市科技局;配合单位:市财政局)", title="支持众创空间发展",
                amounts=[Amount(text="70%", start=30, end=33, kind="ratio", percent=70.0),
                         Amount(text="每年最高不超过55万元", start=38, end=49, kind="cap", value_yuan=550000.0,
                                unit="万元", per="年")],
                units=[UnitRef(name="市科技局", role="lead", text="市科技局", start=60, end=64),
                       UnitRef(name="市财政局", role="co", text="市财政局", start=70, end=74)],
                deadlines=[Deadline(text="3年", start=52, end=54, kind="within", duration="P3Y")],
                instruments=["rent_subsidy", "maker_space"]),
        measure(d.doc_id, 1, "符合条件的创业人员可申请创业担保贷款,个人最高贷款额度10万元,财政给予全额贴息。",
                title="加大创业担保贷款支持",
                amounts=[Amount(text="最高贷款额度10万元", start=20, end=30, kind="cap", value_yuan=100000.0,
                                unit="万元")],
                instruments=["guaranteed_loan"]),
        measure(d.doc_id, 2, "市人民政府办公厅 2016年6月13日", kind="signature"),
    ]
    return d, ms


def qinghai() -> tuple[Document, list[Measure]]:
    d = doc("/data/qinghai.txt", title="青海省人民政府关于发展众创空间推进大众创新创业的实施意见",
            province="青海省", city=None, level="province", issue_date="2015-09-01")
    ms = [
        measure(d.doc_id, 0, "支持有条件的地方对众创空间的房租、宽带网络、公共软件等给予适当财政补贴。",
                title="加大财政资金支持", instruments=["rent_subsidy", "maker_space"]),
        measure(d.doc_id, 1, "对首次认定的高新技术企业给予一次性奖励20万元。", title="落实高新技术企业政策",
                amounts=[Amount(text="20万元", start=18, end=23, kind="fixed", value_yuan=200000.0, unit="万元")],
                instruments=["award"]),
    ]
    return d, ms


def nantong() -> tuple[Document, list[Measure]]:
    d = doc("/data/nantong.txt", title="南通市关于加快科技创新的若干政策", province="江苏省", city="南通市",
            level="city", issue_date="2017-03-01", doc_type="意见")
    ms = [
        measure(d.doc_id, 0, "对在新三板挂牌的企业给予一次性奖励50万元。", title="支持企业挂牌上市",
                amounts=[Amount(text="50万元", start=17, end=22, kind="fixed", value_yuan=500000.0, unit="万元")],
                instruments=["fund_equity"]),
        measure(d.doc_id, 1, "发放科技创新券,用于中小企业购买检验检测、研发设计等科技服务,每家企业每年最高20万元。",
                title="实施科技创新券制度",
                amounts=[Amount(text="每年最高20万元", start=38, end=46, kind="cap", value_yuan=200000.0,
                                unit="万元", per="年")],
                instruments=["innovation_voucher"]),
        measure(d.doc_id, 2, "全市各级财政部门要加强统计工作,按季度报送数据。", kind="other"),
    ]
    return d, ms
