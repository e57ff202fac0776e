"""Cross-place comparison: one row per place with its best measures for a question.

Researchers ask "which cities subsidise maker-space rent, by how much, who pays,
until when?": the answer is the search hits grouped by place, with the money
(rate, cap, per unit), the lead unit, the deadline and a citation.

A row is one document's answer, so it can be cited: every cell is read from the
measures of the document the row cites (the place's best-ranked one), and each
cell keeps the sentence it was read from (``evidence``). Documents with no place
are never merged: each is its own row. Cells are read from the measure alone, not
from the question's words, so a Chinese and an English question that reach the
same measure show the same cells. Starts (自授牌之日起), deadlines (2016年底前) and
durations (3年内, 连续两年) are separate cells, durations written out (3年).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import InvalidParam
from ..records import GROUP_BY, Amount, Hit, Region
from .filters import Filters, as_filters

BY = GROUP_BY


@dataclass
class CompareRow:
    """One place of a comparison: its match, the cells read from its best document (rate, cap, per, lead
    unit, deadline, start, duration) with their evidence, the citation and the ``best`` hits."""
    place: str
    province: Optional[str]
    city: Optional[str]
    level: Optional[str]
    best: list[Hit]
    score: float
    rate: Optional[str] = None          # "70%" (a subsidy ratio)
    cap: Optional[str] = None           # "最高不超过50万元"
    cap_yuan: Optional[float] = None
    cap_kind: Optional[str] = None      # cap | fixed | per_unit | range: what the 金额 cell holds
    per: Optional[str] = None           # "个/年" …
    amounts: list[str] = field(default_factory=list)   # every amount text in the best measures
    lead_unit: Optional[str] = None
    deadline: Optional[str] = None
    citation: dict = field(default_factory=dict)       # title, doc_number, issue_date, source, url
    source: str = ""
    match: Optional[float] = None       # score relative to the best place (1.0 = best)
    start: Optional[str] = None         # when the benefit starts: "2016-07-01", "自授牌之日起"
    duration: Optional[str] = None      # "3年" — a length, never a date
    cite: str = ""                      # title, else 文号, else URL, else file name
    answer: Optional[str] = None        # the best measure's sentence that answers the question
    answers: bool = False               # the cap was read from a sentence that matches the question
    evidence: dict = field(default_factory=dict)   # cell -> {text, start, end, sentence, doc_id, measure_id}
    other_documents: int = 0            # further documents of this place that also match

    def to_dict(self) -> dict:
        """The row as the compare schema's JSON object."""
        return {"place": self.place, "province": self.province, "city": self.city, "level": self.level,
                "score": self.score, "match": self.match, "rate": self.rate, "cap": self.cap, "cap_yuan": self.cap_yuan,
                "cap_kind": self.cap_kind, "per": self.per, "amounts": list(self.amounts), "lead_unit": self.lead_unit,
                "deadline": self.deadline, "start": self.start, "duration": self.duration,
                "cite": self.cite, "answer": self.answer, "answers": self.answers,
                "evidence": {k: dict(v) for k, v in self.evidence.items()},
                "other_documents": self.other_documents,
                "citation": dict(self.citation), "source": self.source,
                "best": [h.to_dict() for h in self.best]}


UNKNOWN_PLACE = "未知地区"


def place_key(r: Region, doc_id: str, by: str = "city") -> tuple[str, Optional[str], Optional[str]]:
    """(row key, province, city). The key is the Region's display name (深圳市福田区), the same
    name the results list shows; a document without a place is keyed by itself, never merged."""
    if r.level == "national":
        return "全国", None, None
    if by == "province":
        if r.province:
            return r.province, r.province, None
    elif r.place:
        return r.place, r.province, r.city
    return f"{UNKNOWN_PLACE}\x00{doc_id}", None, None


def place_label(key: str) -> str:
    """The place name to show for a ``place_key`` row key (a document without a place: 未知地区)."""
    return key.split("\x00", 1)[0]


# 哪些城市 / which cities ...: the level a question asks for, and the row levels that answer it
# (a district's measure answers for its city's area; a province's does not).
_ASKED_LEVEL = (
    ("district", re.compile(r"哪些(?:区县|区|县)|哪个(?:区|县)|\bwhich (?:districts?|counties)\b", re.I)),
    ("city", re.compile(r"哪些(?:城市|市|地市)|哪个城市|各(?:城)?市|\b(?:which|what) cit(?:y|ies)\b", re.I)),
    ("province", re.compile(r"哪些省|哪个省|各省|\b(?:which|what) provinces?\b", re.I)),
)
LEVEL_ROWS = {"city": ("city", "district"), "district": ("district",), "province": ("province",)}


def asked_level(query: str) -> Optional[str]:
    """``city``, ``province`` or ``district`` when the question names a level, else None."""
    for level, pat in _ASKED_LEVEL:
        if pat.search(query):
            return level
    return None


_SENTENCE = re.compile(r"[^。;；!?！？\n]+[。;；!?！？]?")


# 牵头单位/主管单位: a measure's marked lead first, else the document's units in this order of roles.
UNIT_ROLE_ORDER = ("lead", "administrator", "certifier", "receiver", "issuer", "co", "funder")


_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_DUR_UNITS = (("年", "year"), ("个月", "month"), ("周", "week"), ("天", "day"))


# The 期限 cell wants the benefit's length (享受期限最长两年), not an eligibility condition read
# beside it (运营满一年, 一年以上劳动合同, 服务期在3年以上).
_BENEFIT_TERM = re.compile(r"期限|最长|连续|享受|免|给予|补贴|贴息|减半")
_CONDITION_TERM = re.compile(r"满|以上|劳动合同|服务期|经营|运营|工作")


def _condition_rank(text: str) -> int:
    return 0 if _BENEFIT_TERM.search(text) else 2 if _CONDITION_TERM.search(text) else 1


def readable_duration(iso: Optional[str], lang: str = "zh") -> Optional[str]:
    """P3Y -> 3年 ("3 years" with lang="en"), P1Y6M -> 1年6个月; anything else is returned unchanged."""
    if not iso:
        return iso
    m = _ISO_DURATION.match(iso)
    if not m or not any(m.groups()):
        return iso
    parts = []
    for n, (zh, en) in zip(m.groups(), _DUR_UNITS):
        if n:
            parts.append(f"{int(n)}{zh}" if lang == "zh" else f"{int(n)} {en}{'s' if int(n) != 1 else ''}")
    return ("" if lang == "zh" else " ").join(parts)


def _length(item) -> Optional[str]:
    """A duration cell as a reader writes it: 3年; working days stay working days (3个工作日, not 3天)."""
    s = readable_duration(item.duration)
    if s and s.endswith("天") and "工作日" in (getattr(item, "text", None) or ""):
        return s[:-1] + "个工作日"
    return s


# 2025年1月1日及之后出生的婴幼儿: a birth date says who qualifies; extraction keeps it (the gold counts it), but
# it is no start or deadline of the benefit a row reports
_BORN_AFTER_RE = re.compile(r"\s?(?:[(（]含[^()（）]{0,4}[)）])?\s?(?:及|或)?(?:之后|以后|后|之前|以前|前|期间|之间)?\s?"
                            r"(?:出生|生育|收养)")
# a year named alone (2018年，我市继续评选…): the span it gives has no start day anyone wrote
_BARE_YEAR_RE = re.compile(r"(?:19|20)\d\d\s?年度?")


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` holding ``offset`` (offsets relative to ``text``)."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= offset < m.end():
            return m.start(), m.end()
    return 0, len(text)


def _evidence(h: Hit, item, value: str) -> dict:
    """Where a cell was read from: the item's span and its sentence, in document offsets."""
    rel = item.start - h.start
    a, b = sentence_at(h.text, rel) if 0 <= rel < len(h.text) else (0, len(h.text))
    return {"text": value, "item": item.text, "start": item.start, "end": item.end,
            "sentence": h.text[a:b].strip(), "sentence_start": h.start + a, "sentence_end": h.start + b,
            "doc_id": h.doc_id, "measure_id": h.measure_id, "measure_start": h.start, "measure_end": h.end}


# A programme's budget or a total paid out is no sum a beneficiary gets: 市财政每年将安排1000万元专项用于…,
# 总金额6555万元, 提供5亿元的孵化基金, 消费券总额16.8亿元 (a round-31 audit: 7 such 金额 cells)
_BUDGET_BEFORE_RE = re.compile(r"(?:安排|投入|筹集|筹措|设立|下达|下拨|预算|总额|总计|共计|累计|合计|总金额|总规模|规模|资金池)"
                               r"(?:为|达|约|达到|共|了)?(?:资金|专项资金|经费)?\s*$")
_BUDGET_AFTER_RE = re.compile(r"\s*(?:的)?(?:专项资金|专项经费|(?:孵化|引导|产业|投资|风险补偿|担保|发展|创投|天使)基金|总额|预算)")


def _budget(h, a) -> bool:
    if a.kind == "cap":
        return False        # 每年总额不超过5万元: a ceiling on the grant, whatever it is called
    rel = a.start - h.start
    if not 0 <= rel <= len(h.text):
        return False
    end = rel + len(a.text)
    near = h.text[max(0, rel - 6):rel]
    return bool(_BUDGET_BEFORE_RE.search(h.text, max(0, rel - 14), rel) or _BUDGET_AFTER_RE.match(h.text, end)) \
        and not re.search(r"每[个家人户项件名位套台]|单[个家户项]|给予|奖励|补贴|补助", near)
    # (每家给予…, 给予100万元资金奖励: a grant's own sum; 每年安排1000万元 stays a budget)


def summarize(hits: list[Hit], amounts: list[list[Amount]] | None = None,
              doc_units: dict | None = None, durations=None) -> dict:
    """Rate, cap, per-unit, lead unit, deadline, start and duration from one document's best hits.

    Cells are read from each measure in text order, best hit first, and depend on nothing but
    the measures: the same measure gives the same cells whatever the question. ``amounts``: per
    hit, the amounts to use (default: all of each hit's amounts). ``doc_units``: doc_id -> the
    extraction's document-level units (a dict or a function), read only when no best measure marks
    a lead. ``durations``: doc_id -> the extraction's Duration records (benefit lengths), read
    within each measure's span. ``evidence`` gives each cell's item and sentence.
    """
    out: dict = {"rate": None, "cap": None, "cap_yuan": None, "cap_kind": None, "per": None, "amounts": [],
                 "lead_unit": None, "lead_unit_full": None, "deadline": None, "start": None, "duration": None,
                 "evidence": {}}
    ev = out["evidence"]
    undated = None      # the first deadline whose year nobody wrote (请于6月30日前 on an undated page)
    if amounts is None:
        amounts = [list(h.amounts) for h in hits]
    for h, ams in zip(hits, amounts):
        ams = [a for a in sorted(ams, key=lambda a: a.start) if a.kind not in ("threshold", "target")]
        for a in ams:
            if a.text not in out["amounts"]:
                out["amounts"].append(a.text)
            if out["rate"] is None and a.percent is not None and a.kind in ("ratio", "cap", "fixed", "per_unit"):
                out["rate"] = f"{a.percent:g}%"
                ev["rate"] = _evidence(h, a, out["rate"])
        # the 上限 cell: the measure's cap where it states one (每平方米每月20元 … 每家企业每年最高50万元), else its
        # first sum; 计量 is that amount's own basis, never another amount's (a 月 beside a one-off 20万元).
        # cap_kind says which it is, so a monthly rate or a one-off grant is never read as a ceiling.
        sums = [a for a in ams if a.value_yuan is not None and a.kind in ("cap", "fixed", "per_unit", "range")
                and not _budget(h, a)]
        pick = next((a for a in sums if a.kind == "cap"), sums[0] if sums else None)
        if pick is not None and out["cap"] is None:
            out["cap"], out["cap_yuan"], out["cap_kind"] = pick.text, pick.value_yuan, pick.kind
            ev["cap"] = _evidence(h, pick, pick.text)
            if pick.per:
                out["per"] = pick.per
                ev["per"] = _evidence(h, pick, pick.per)
        if out["lead_unit"] is None:
            lead = next((u for u in h.units if u.role == "lead"), None)
            if lead is not None:
                out["lead_unit"] = lead.name
                ev["lead_unit"] = _evidence(h, lead, lead.name)
        for d in sorted(h.deadlines, key=lambda d: d.start):
            if _BORN_AFTER_RE.match(h.text, d.end - h.start):
                continue
            if d.kind in ("by", "until") and out["deadline"] is None and (d.date or d.end_date):
                out["deadline"] = d.date or d.end_date
                ev["deadline"] = _evidence(h, d, out["deadline"])
            elif d.kind == "span" and out["deadline"] is None and d.end_date:
                out["deadline"] = d.end_date
                ev["deadline"] = _evidence(h, d, d.end_date)
                if out["start"] is None and d.start_date and not _BARE_YEAR_RE.fullmatch(d.text.strip()):
                    out["start"] = d.start_date
                    ev["start"] = _evidence(h, d, d.start_date)
            elif d.kind in ("from", "on") and out["start"] is None and (d.kind == "from" or d.date):
                out["start"] = d.date or d.text     # (on: the day it happens — a voucher round released)
                ev["start"] = _evidence(h, d, out["start"])
            elif d.kind == "within" and out["duration"] is None and d.duration and not d.duration.endswith("D"):
                # (审核后10个工作日内拨付: a step's time in days, no term the benefit runs for)
                out["duration"] = _length(d)
                ev["duration"] = _evidence(h, d, out["duration"])
            elif d.kind in ("by", "until", "span") and undated is None and not (d.date or d.end_date):
                undated = (h, d)
        if out["duration"] is None and durations is not None:
            for du in sorted(durations(h.doc_id) or [], key=lambda x: (_condition_rank(x.text), x.start)):
                if h.start <= du.start < h.end:
                    out["duration"] = _length(du)
                    ev["duration"] = _evidence(h, du, out["duration"])
                    break
    if out["deadline"] is None and undated is not None:
        # no dated deadline: the words as written (6月30日前), as the start cell gives 自授牌之日起 — an empty
        # cell would say the provision sets none
        h, d = undated
        out["deadline"] = d.text
        ev["deadline"] = _evidence(h, d, d.text)
    units_of = doc_units.get if isinstance(doc_units, dict) else (doc_units or (lambda _id: []))
    local = bool(hits) and getattr(getattr(hits[0], "region", None), "level", None) not in (None, "national")

    def fits(x) -> bool:
        # a local policy's 主管单位 is no ministry it mentions (通过教育部认证的留学人员: a certificate's issuer)
        return not (local and _NATIONAL_BODY_RE.match(x.name))

    # No lead marked: the provision's own bodies (best measure, then its neighbours: (省科技厅、省财政厅负责)),
    # else the document's one administering body (保定市住房公积金管理中心 of its 提取管理办法) or the
    # department issuing it. Where a document names several, another provision's lead (item 1's 市编办 on
    # item 9's row) is no answer for this one (round 22's audit: 22 of 53 lead cells had been read so).
    for h in hits if out["lead_unit"] is None else ():
        u = _pick_unit_ref([x for x in h.units if fits(x)])
        if u is None and h is hits[-1]:
            doc = [x for x in units_of(hits[0].doc_id) or [] if fits(x)]
            main = [x for x in doc if x.role in ("lead", "administrator", "issuer")]
            u = main[0] if len(main) == 1 else next((x for x in doc if x.role == "issuer"), None)
        if u is not None:
            out["lead_unit"] = u.name
            out["lead_unit_full"] = getattr(u, "full_name", None)    # 南宁市科技局, where the document makes it certain
            if getattr(u, "start", None) is not None and getattr(u, "end", None) is not None:
                # a document-level unit may sit outside the best measures: cite the document span
                inside = next((x for x in hits if x.start <= u.start < x.end), None)
                ev["lead_unit"] = (_evidence(inside, u, u.name) if inside is not None else
                                   {"text": u.name, "item": getattr(u, "text", u.name), "start": u.start,
                                    "end": u.end, "sentence": getattr(u, "text", u.name),
                                    "sentence_start": u.start, "sentence_end": u.end,
                                    "doc_id": h.doc_id, "measure_id": None})
            break
    return out


# a ministry or a national body by its name, never a local branch (国家税务总局南宁市税务局, 市委组织部, 组织部)
_NATIONAL_BODY_RE = re.compile(
    r"(?:国家|国务院|中央)(?!.*[省市县区州旗](?:税务局|局|委|办|支行|分行))|(?:教育|科技|科学技术|财政|工业和信息化|工信|人力资源和社会保障"
    r"|人社|商务|农业农村|农业|民政|住房和城乡建设|住建|自然资源|生态环境|交通运输|水利|文化和旅游|文旅|退役军人事务|应急管理"
    r"|公安|司法|外交|国防)部$|(?:审计|海关总)署$")


# what a body's sentence says after its name when it is charged with the whole document or programme (由…牵头, 负责…,
# 会同…管理, 协同…, 记者从…获悉: the department announcing it), not one task of it (实施…培训, 设立…奖, 推进…)
_GENERAL_CHARGE_RE = re.compile(r"牵头|负总责|负责|主管|统筹|归口|组织实施|解释|监督|管理(?!办法|制度|细则)|受理|获悉|了解到|会同|协同")
_LEAD_LABEL_RE = re.compile(r"牵头")      # (牵头单位:市科技局: the label before the name)
_SENTENCE_STOP_RE = re.compile(r"[。；;！？!?\n]")


def _general_charge(text: str, u) -> bool:
    """Whether a sentence naming document-level unit ``u`` (where it was read, or another mention of its name
    as written) charges it in general."""
    spans = [(u.start, u.end)]
    if u.text:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(u.text), text) if m.start() != u.start]
    for a, b in spans[:20]:
        start = max((m.end() for m in _SENTENCE_STOP_RE.finditer(text, max(0, a - 80), a)), default=max(0, a - 80))
        stop = _SENTENCE_STOP_RE.search(text, b)
        if _GENERAL_CHARGE_RE.search(text, b, stop.start() if stop else len(text)) \
                or _LEAD_LABEL_RE.search(text, start, a):
            return True
    return False


def _placed_unit(cells: dict, region: Region) -> Optional[str]:
    """The lead unit named with its place: its full name, else the unit reader's own reading of it under the
    document's place (市科技局 → 南宁市科学技术局); a name it cannot place (市场监管部门, 市县科技部门) stays bare."""
    from ..nlp.units import placed_name

    name = cells["lead_unit"]
    if cells.get("lead_unit_full") or not name:
        return cells.get("lead_unit_full") or name
    return placed_name(name, region) or name


def _pick_unit_ref(units):
    for role in UNIT_ROLE_ORDER:
        u = next((u for u in units if u.role == role), None)
        if u is not None:
            return u
    return units[0] if units else None


def _extraction(searcher, doc_id: str, cache: dict):
    """The stored extraction of a document (None for an older store or a searcher without one)."""
    if doc_id not in cache:
        try:
            cache[doc_id] = searcher.store.get_extraction(doc_id)
        except Exception:      # an older store, or a searcher without one
            cache[doc_id] = None
    return cache[doc_id]


def is_not_policy(ex) -> bool:
    """Marked as no policy at all (a readme, spam, a list of links) by ingest, when it marks it.
    ``ex``: a Document or an Extraction (None: not marked)."""
    if ex is None:
        return False
    doc = getattr(ex, "document", ex)
    return "not_policy" in (getattr(doc, "kind", None), getattr(doc, "doc_kind", None)) or \
        bool(getattr(doc, "not_policy", False))


def policy_hits(hits, document: Callable[[str], object], include_not_policy: bool = False) -> list:
    """``hits`` less those of documents ingest marked ``not_policy`` (readmes, spam, link lists, unrelated prose: kept in the store,
    out of comparisons and diffusion counts), unless ``include_not_policy``. ``document(doc_id)`` reads a
    hit's Document or Extraction, once per document. The one filter compare and zhengce.diffusion share."""
    if include_not_policy:
        return list(hits)
    flagged: dict[str, bool] = {}
    out = []
    for h in hits:
        if h.doc_id not in flagged:
            flagged[h.doc_id] = is_not_policy(document(h.doc_id))
        if not flagged[h.doc_id]:
            out.append(h)
    return out


@dataclass
class _Span:
    """A stored measure seen as a hit, for reading cells: text, offsets and items."""
    doc_id: str
    measure_id: str
    text: str
    start: int
    end: int
    amounts: list
    units: list
    deadlines: list


CONTEXT_AFTER, CONTEXT_BEFORE = 2, 1
PARAGRAPH_AFTER = 6       # more sentences after the best one, while they run on in its paragraph


def _context(top: Hit, ex) -> list:
    """The best measure, then its neighbours in the same section: two after and one before, and
    further sentences before and after it while they run on in the same paragraph (up to
    PARAGRAPH_AFTER each way), so whichever sentence of a provision ranks first, its cells are read
    from the same sentences.

    A provision is often cut into sentences: 按房租的70%给予补助 / … / 最高不得超过每年55万元. Reading
    the cells from the best measure and its neighbours alone (not from other hits, which vary with
    the question's wording) keeps them a function of the measure, and within one document.
    """
    if ex is None or not getattr(ex, "measures", None):
        return [top]
    ms = sorted(ex.measures, key=lambda m: m.start)
    i = next((k for k, m in enumerate(ms) if m.start == top.start and m.end == top.end), None)
    if i is None:
        return [top]
    path = list(ms[i].path)
    text = getattr(getattr(ex, "document", None), "text", None) or ""
    after = list(range(i + 1, min(len(ms), i + 1 + CONTEXT_AFTER)))
    k = i + 1
    while k < len(ms) and k <= i + PARAGRAPH_AFTER and _runs_on(ms[k - 1], ms[k], text):
        if k not in after:
            after.append(k)
        k += 1
    before = list(range(max(0, i - CONTEXT_BEFORE), i))
    k = i - 1
    while k >= 0 and k >= i - PARAGRAPH_AFTER and _runs_on(ms[k], ms[k + 1], text):
        if k not in before:
            before.insert(0, k)    # the provision's earlier sentences in its paragraph: 自授牌之日起,… / 补贴标准…
        k -= 1
    # A sentence that opens a provision of its own (对…, 凡…, 鼓励…, a numbered item) starts another provision: the
    # best measure's cells are read from its own provision only — the sentences after it up to the next opener,
    # and, when it continues one, those before it back to the opener (a round-31 audit: 42% of filled cells came
    # from another measure, a neighbour's cap, term or date among them: 补助期限2年 of a spouse's allowance on a
    # postdoc's row, the clause before's 100万元 on a rent row).
    # Under a title line every item below is its content, as before. Beyond the provision, only an item's
    # note of the bodies it charges ((市科技局、财政局等部门负责), often closing another sentence of the item) is
    # read, for the lead unit alone.
    is_title = ms[i].kind == "heading" or (len(ms[i].text.strip()) <= 20 and not re.search(r"[。；;]", ms[i].text)
                                           and not re.search(r"\d", ms[i].text))   # (对单户企业…最高200万元, is a clause)
    beyond: set = set()
    if not is_title:
        # (a best measure cut at a comma runs on into the next: …优秀比例不超过25%,|对考核优秀的…给予30万元)
        runs = ms[i].text.rstrip().endswith(("，", ","))
        cut = next((n for n, k in enumerate(after) if (_opens_provision(ms[k].text) or _ITEM_START_RE.match(ms[k].text))
                    and not (runs and k == i + 1)), len(after))
        beyond.update(after[cut:])
        if _opens_provision(ms[i].text) or _ITEM_START_RE.match(ms[i].text) or _states_own_grant(ms[i]):
            beyond.update(before)           # (二、推动创业带动就业。对…: a numbered item opens its own provision)
        else:
            back = sorted(before, reverse=True)
            stop = next((n for n, k in enumerate(back) if _opens_provision(ms[k].text)), len(back) - 1)
            beyond.update(back[stop + 1:])
    # A numbered item is a provision of its own. After a title line (生活补贴) the numbered items are its
    # content; around a numbered best item (2) they are its siblings; a sentence that continues an item
    # (补贴期限最长3年) belongs to the nearest numbered one before it, and the items after it are siblings.
    title = is_title
    numbered = bool(_ITEM_START_RE.match(ms[i].text))
    own_item_k = None if title or numbered else next(
        (k for k in sorted(before, reverse=True) if _ITEM_START_RE.match(ms[k].text)), None)
    near = [k for k in after if title or not _ITEM_START_RE.match(ms[k].text)] \
        + [k for k in sorted(before, reverse=True) if k == own_item_k or not _ITEM_START_RE.match(ms[k].text)]
    paths = [path]
    if title:
        # a heading's content sits under it (一、租房补贴 → - 新设立…可享租房补贴…): its first provision fills the
        # row — the first item below and what continues it, never the next item's sums (a round-31 audit: a
        # heading that won its row left every cell blank)
        paths.append(path + [ms[i].text.strip()])
        first = [k for k in after if list(ms[k].path) in paths and ms[k].kind not in ("heading", "signature", "criterion")
                 and len(_HAN_RE.findall(ms[k].text)) >= 4]      # (a scrap such as ?。 or who qualifies is no provision)
        if first:
            k0 = first[0]
            near = [k0] + [k for k in first[1:] if k == k0 + 1 + first[1:].index(k)
                           and not _ITEM_START_RE.match(ms[k].text) and not _opens_provision(ms[k].text)]
    tags = set(getattr(ms[i], "instruments", None) or ())

    def own_item(k: int) -> bool:
        # whether measure k lies in the best measure's numbered item: after it with no item starting between,
        # or before it, back to the item's number, when the best continues that item (a note closing item 23
        # — (市人社局、科技局…等部门) — is no lead of item 24's row: a cell audit, round 32)
        if k > i:
            return not any(_ITEM_START_RE.match(ms[j].text) for j in range(i + 1, k + 1))
        return not numbered and own_item_k is not None and k >= own_item_k

    out = [top]
    for k in near:
        m = ms[k]
        if list(m.path) not in paths or m.kind in ("heading", "signature"):
            continue
        if k not in beyond and not _other_instrument(tags, m, ms[i]):
            out.append(_Span(top.doc_id, m.id, m.text, m.start, m.end, list(m.amounts), list(m.units),
                             list(m.deadlines)))
            continue
        if not title and not own_item(k):
            continue
        notes = [(m.start + n.start(), m.start + n.end()) for n in _UNIT_NOTE_RE.finditer(m.text)]
        units = [u for u in m.units if any(a <= u.start < b for a, b in notes)]
        if units:           # (its span narrowed to the notes: no term or date of that provision is read)
            out.append(_Span(top.doc_id, m.id, m.text, notes[0][0], notes[-1][1], [], units, []))
    return out


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_ITEM_START_RE = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[?？][)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)"
                            r"|第[一二三四五六七八九十百\d]{1,4}条|[-－•●◆■▪]\s|[①-⑳])")   # (- 博士每月4000元…: a bullet's item too)


# a sentence that opens a provision of its own: a beneficiary or a case (对…, 针对…, 凡…), new
# support (鼓励, 支持, 另外, 此外); not one that continues a provision (最高不超过…, 补贴期限…, 所需资金由…)
_OPENS_RE = re.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*|[①-⑳]\s*)?"
                       r"(?:对(?:于)?(?!于|单户|单个|单家|单项|每|同一|其|上述|该|此|以上)|针对|凡|鼓励|支持|引导|另外|此外)")
# (a tier …的， and 同时 were openers too in a first version: a review found them continuing the provision —
# 带动就业超过3人的，每增加1人再给予1000元补贴，期限不超过3年 — as often as not)
# an item's note of the bodies it charges: (市科技局、发展改革委等部门负责), (省科技厅、省财政厅负责)
_UNIT_NOTE_RE = re.compile(r"[(（][^()（）]{2,120}?(?:负责|等部门|等单位|牵头)[^()（）]{0,30}[)）]")


# a notice's own section for when to apply (五、申报时间\n2023年11月20日至2023年11月21日): it bounds every measure
# of the notice, so a row whose own provision names no date takes it (a round-31 audit: 期限 cells left empty)
_WINDOW_LABEL_RE = re.compile(r"(?<!异议)(?<!投诉)(?:申报|受理|申请|报名|征集)(?:时间|期限|截止时间|日期)|(?:申报|申请)?截止(?:时间|日期)")
_NOT_WINDOW_RE = re.compile(r"公示|异议|相关链接|相关阅读|相关文章|延伸阅读")


def _application_window(cells: dict, ex, doc_id: str) -> None:
    """Fill an empty deadline from the document's one labelled application window."""
    if ex is None:
        return
    found = []
    for m in getattr(ex, "measures", None) or []:
        label = " ".join(list(m.path)[-1:]) + " " + m.text[:16]
        if not _WINDOW_LABEL_RE.search(label) or _NOT_WINDOW_RE.search(" ".join(m.path) + m.text[:16]):
            continue        # (异议受理时间, a 公示's window; a related link's programme)
        for d in m.deadlines:
            if d.kind in ("by", "until", "span") and (d.date or d.end_date):
                found.append((m, d))
                break
    if len({(d.date or d.end_date) for _, d in found}) != 1:
        return          # none, or windows that differ (two rounds, two programmes): no one answer for the row
    m, d = found[0]
    span = _Span(doc_id, m.id, m.text, m.start, m.end, [], [], [])
    cells["deadline"] = d.date or d.end_date
    ev = cells["evidence"]["deadline"] = _evidence(span, d, cells["deadline"])
    if m.path and _WINDOW_LABEL_RE.search(m.path[-1]) and m.path[-1] not in ev["sentence"]:
        ev["sentence"] = f"{m.path[-1]} {ev['sentence']}"   # (the label says what the bare dates are)
    # (the window's opening day is no start of the policy: the 起始 cell stays the provision's own)


def _opens_provision(text: str) -> bool:
    return _OPENS_RE.match(text) is not None


# who qualifies, then what they get, in one sentence: 当年通过能源管理体系认证的企业,一次性奖励5万元 — a provision of
# its own though it opens with no 对 (a cell audit, round 32: the provision before lent it its 8%)
# (a tier of the provision before — 带动就业超过3人的，每增加1人再给予… — is none: the round-31 review's finding)
# (a tier is told by what follows its comma — 每增加, 再, 另 — not by a threshold in its qualifier: 年销售收入首次
# 达到1亿元以上的企业,一次性奖励20万元 qualifies on its own; a second review)
_QUALIFIER_RE = re.compile(r"^(?![^，,。；;]*(?:其中|此外))[^，,。；;]{6,60}的(?:[\u4e00-\u9fff]{1,4})?[，,]"
                           r"(?!\s*(?:每增加|每多|每新增|再|另|超出部分|超过部分))")


def _states_own_grant(m) -> bool:
    """Whether measure ``m`` names who qualifies and grants them a sum of its own."""
    return _QUALIFIER_RE.match(m.text.strip()) is not None and _sized(m, ("fixed", "cap", "per_unit", "range", "ratio"))


def _other_instrument(tags: set, m, best=None) -> bool:
    """A neighbour about another kind of support (a start-up grant beside a rent subsidy's report): both
    carry instrument tags and share none, so it is another provision and gives the row no cell."""
    theirs = set(getattr(m, "instruments", None) or ())
    if not (tags and theirs) or tags & theirs:
        return False
    # A sentence that sizes nothing goes on about the grant beside it: its terms (补贴期限最长3年，自入职之日起计算,
    # whatever its tags), or the same grant named more or less exactly (生活(租房)补贴分5年发放 — rent_subsidy —
    # beside 生活补贴标准减半 — subsidy: a named grant is a subsidy too). A sized one (给予一次性创业补贴1万元 beside
    # a rent subsidy) stays another provision (round 19).
    if any(_grant_terms(x) for x in (m, best) if x is not None):
        return False
    if not _sized(m) and _NAMED_GRANTS & (tags | theirs) and "subsidy" in tags | theirs:
        return not ((tags | _as_subsidy(tags)) & (theirs | _as_subsidy(theirs)))
    return True


_NAMED_GRANTS = frozenset({"rent_subsidy", "training", "loan_guarantee"})   # grants docs/instruments.md files apart


def _as_subsidy(tags: set) -> set:
    return {"subsidy"} if tags & _NAMED_GRANTS else set()


def _sized(m, kinds=None) -> bool:
    """Whether measure ``m`` states a sum or a percentage (of one of ``kinds``, when given)."""
    return any((a.value_yuan is not None or a.percent is not None) and (kinds is None or a.kind in kinds)
               for a in getattr(m, "amounts", None) or ())


def _grant_terms(m) -> bool:
    return _GRANT_TERMS_RE.match(getattr(m, "text", "") or "") is not None and not _sized(m)


_GRANT_TERMS_RE = re.compile(r"\s*(?:(?:补贴|补助|奖励|资助|扶持|贴息)(?:期限|标准|资金|方式|时间|年限)|(?:上述|以上|该项?|此项)(?:补贴|补助|奖励|资助|资金))")


def _runs_on(prev, nxt, text: str) -> bool:
    """True when ``nxt`` continues ``prev``'s paragraph: nothing but spaces between them, no line break."""
    if nxt.start < prev.end:
        return False
    gap = text[prev.end:nxt.start] if text else ("" if nxt.start == prev.end else "\n")
    return "\n" not in gap and not gap.strip()


def citation_label(title: Optional[str], doc_number: Optional[str], source: Optional[str]) -> str:
    """How a row cites its document: title, else 文号, else URL, else file name."""
    if title and title.strip():
        return title.strip()
    if doc_number:
        return doc_number
    src = (source or "").strip()
    if re.match(r"^[a-z][a-z0-9+.-]*://", src, re.I):
        return src
    return re.split(r"[\\/]", src.rstrip("/\\"))[-1] if src else ""


def hit_citation(h: Hit) -> str:
    """How a hit cites its document, in compare's rows and search's tables alike: the page's URL (sidecar or
    manifest) comes before the file name."""
    return citation_label(h.title, h.doc_number, h.url or h.source)


def answer_sentence(h: Hit, terms: dict[str, float]) -> tuple[int, int]:
    """(start, end) in ``h.text`` of the sentence that best answers: most query-term weight, first wins."""
    best, best_sc = (0, len(h.text)), 0.0
    for m in _SENTENCE.finditer(h.text):
        sc = sum(w for t, w in terms.items() if t in m.group())
        if sc > best_sc:
            best, best_sc = (m.start(), m.end()), sc
    if best_sc == 0:
        m = next(_SENTENCE.finditer(h.text), None)
        if m is not None:
            best = (m.start(), m.end())
    return best


# Keep every place by default: on the 46-query gold, places with a relevant measure score as
# low as 0.20 of the best place, beside irrelevant ones at 0.5, so no cut separates them well.
# Tables show each place's relative match instead; callers may still cut (min_relative).
MIN_RELATIVE_SCORE = 0.0


def compare(searcher, query: str, by: str = "city", filters: Filters | dict | None = None,
            per_place: int = 3, top_k: int = 50, mode: str = "hybrid",
            min_relative: float = MIN_RELATIVE_SCORE, level: Optional[str] = "auto",
            include_not_policy: bool = False) -> list[CompareRow]:
    """One row per place (by city or province), best place first.

    Each row reads its cells from one document, the place's best-ranked one (up to
    ``per_place`` of its measures); the place's other matching documents are counted in
    ``other_documents``. ``level``: "auto" honours a level the question names (哪些城市 keeps
    city and district rows) unless a level filter is set; None keeps every level. Places whose
    best score is below ``min_relative`` x the best place's are dropped (0 keeps all).
    Documents marked ``not_policy`` stay out unless ``include_not_policy``. ``filters``: a Filters
    or a dict of its fields, as ``Searcher.search`` takes them.
    """
    if by not in BY:
        raise InvalidParam("by", f"unknown by {by!r}; one of {', '.join(BY)}")
    filters = as_filters(filters)
    if not 0 <= min_relative <= 1:
        raise InvalidParam("min_match", f"min_match {min_relative} is not between 0 and 1")
    from .search import check_query
    check_query(query)
    if level == "auto":
        from .search import normalize_query      # ｗｈｉｃｈ ｃｉｔｉｅｓ asks for cities as which cities does
        level = None if (filters is not None and filters.level) or by == "province" \
            else asked_level(normalize_query(query))
    keep_levels = LEVEL_ROWS.get(level) if level else None
    cache: dict = {}
    hits = policy_hits(searcher.search(query, top_k=top_k, filters=filters, mode=mode),
                       lambda doc_id: _extraction(searcher, doc_id, cache), include_not_policy)
    term_idf = _query_idf(searcher, query)
    groups: dict[str, list[Hit]] = {}
    keys: dict[str, tuple] = {}
    for h in hits:                                  # hits arrive best first
        if keep_levels and h.region.level not in keep_levels:
            continue
        key = place_key(h.region, h.doc_id, by)
        groups.setdefault(key[0], []).append(h)
        keys.setdefault(key[0], key)

    def units_of(doc_id):
        # the document's bodies, for a row whose provision names none: a lead or administrator only where its
        # sentence gives it the document's general charge (…管理中心负责本市…的提取管理工作), not where it does one
        # other thing (此外,人力资源部门全面实施…创业培训: no lead of a start-up grant's row; a cell audit, round 32)
        ex = _extraction(searcher, doc_id, cache)
        if ex is None:
            return []
        text = getattr(getattr(ex, "document", None), "text", None) or ""
        return [u for u in getattr(ex, "units", None) or []
                if u.role not in ("lead", "administrator") or not text or _general_charge(text, u)]

    def durations_of(doc_id):
        # the 期限 cell is what a benefit runs for: an eligibility length (毕业2年以内, 连续两年不合格的) is no term
        ex = _extraction(searcher, doc_id, cache)
        return [d for d in (getattr(ex, "durations", None) or []) if getattr(d, "kind", "benefit") == "benefit"] \
            if ex is not None else []

    rows = []
    for place, hs in groups.items():
        top = hs[0]
        same_doc = [h for h in hs if h.doc_id == top.doc_id]
        best = same_doc[:per_place]
        ex_top = _extraction(searcher, top.doc_id, cache)
        s = summarize(_context(top, ex_top), None, units_of, durations_of)
        if s["deadline"] is None:
            _application_window(s, ex_top, top.doc_id)
        a, b = answer_sentence(top, term_idf)
        answer = top.text[a:b].strip()
        cap_ev = s["evidence"].get("cap")
        # the cap answers when its sentence holds the answering sentence's rarest query term
        # (房租 for a rent question, not 众创空间 shared by an award in the same measure)
        found = [t for t in term_idf if t in answer]
        key = max(found, key=lambda t: term_idf[t]) if found else None
        answers = bool(cap_ev) and key is not None and key in cap_ev["sentence"]
        # a row's level and city are its document's: by province, a city's policy answering for its province
        # says so (广西壮族自治区 · city · 南宁市), and its 市科技局 is named with its city (南宁市科技局)
        placed = bool(keys[place][1]) or top.region.level == "national"
        below = by == "province" and top.region.level in ("city", "district")
        rows.append(CompareRow(
            place=place_label(place), province=keys[place][1] or top.region.province,
            city=keys[place][2] or (top.region.city if below else None),
            level=top.region.level if placed else None,                 # an unknown place has no level
            best=best, score=top.score, rate=s["rate"], cap=s["cap"], cap_yuan=s["cap_yuan"],
            cap_kind=s["cap_kind"], per=s["per"], amounts=s["amounts"],
            lead_unit=_placed_unit(s, top.region) if below else s["lead_unit"], deadline=s["deadline"],
            start=s["start"], duration=s["duration"], evidence=s["evidence"],
            cite=hit_citation(top),
            answer=answer, answers=answers,
            other_documents=len({h.doc_id for h in hs}) - 1,
            citation={"title": top.title, "doc_number": top.doc_number, "issue_date": top.issue_date,
                      "source": top.source, "url": top.url},
            source=top.source))
    rows.sort(key=lambda r: -r.score)
    if rows:
        top = rows[0].score or 1.0
        for r in rows:
            r.match = round(r.score / top, 2)
        if min_relative > 0:
            rows = [r for r in rows if r.match >= min_relative]
    return rows


def _query_idf(searcher, query: str) -> dict[str, float]:
    """Query terms (Chinese, glossary-expanded for English) with their idf in the index."""
    from .search import query_terms
    _, toks, _ = query_terms(" ".join(query.split())[:1000])
    out = {}
    for t in dict.fromkeys(toks):
        w = searcher.bm25.idf(t)
        if w > 0:
            out[t] = w
    return out
