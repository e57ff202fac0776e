"""Policy-instrument tags for a measure (documented in docs/instruments.md).

Two layers, as in the policy-instrument literature on Chinese innovation policy:

* instrument *types* after Rothwell & Zegveld (1981): ``supply`` (the state pushes
  resources: science & technology, talent, funding, public services,
  infrastructure), ``environment`` (it shapes conditions: goals/planning,
  finance, tax, regulation, strategic measures) and ``demand`` (it pulls:
  procurement, outsourcing, trade, overseas agencies, demonstration use);
* *topical* tags a researcher filters on (rent_subsidy, tax_relief, …), each
  belonging to one type.

Tagging is rule based: every tag has weighted keyword patterns; a measure
gets a tag when its score (title hits count double) reaches the threshold.
Types are the union of the types of its tags.
"""
from __future__ import annotations

import bisect
import re

TYPES = ("supply", "environment", "demand")

# tag -> type, 中文 label, description, weighted patterns, and "min" (score needed; default
# THRESHOLD). Tags that name a measure's *topic* need one clear hit; broad ones (subsidy,
# sci_tech, platform in an incubator document) need repeated or title hits.
TAXONOMY: dict[str, dict] = {
    "subsidy": {"type": "supply", "zh": "资金补贴", "desc": "grants, subsidies, funding support (资金)",
                "rules": [(r"补贴|补助|资助|财政支持|专项资金|扶持资金|后补助|经费支持", 2)],
                "min": 2},
    "rent_subsidy": {"type": "supply", "zh": "房租/场地补贴", "desc": "rent, office space or site subsidy",
                     "rules": [(r"房租|租金|场租|租赁费|租房|水电费|水电补", 2), (r"场地|办公用房|免费提供.{0,6}(场所|空间|工位)", 1)]},
    "tax_relief": {"type": "environment", "zh": "税收优惠", "desc": "tax exemptions, reductions, deductions",
                   "rules": [(r"税收优惠|免征|减征|减半征收|加计扣除|税前扣除|免税|退税|所得税|增值税|房产税|城镇土地使用税|加速折旧", 2)]},
    "fee_reduction": {"type": "environment", "zh": "减费降费", "desc": "administrative fees cut or waived",
                      "rules": [(r"收费|行政事业性收费|降费|费率|免收|减免.{0,4}费|社会保险费|清理.{0,4}收费", 2)]},
    "loan_guarantee": {"type": "environment", "zh": "贷款/担保/贴息", "desc": "loans, guarantees, interest subsidy",
                       "rules": [(r"担保贷款|贴息|贷款|担保|小额信贷|信贷|质押融资|风险补偿", 2)]},
    "fund_equity": {"type": "environment", "zh": "基金/股权投资", "desc": "guidance funds, angel/VC, equity, listing",
                    "rules": [(r"引导基金|创业投资|创投|天使投资|股权投资|风险投资|投资基金|产业基金|股权众筹|上市|挂牌|新三板|直接融资", 2)]},
    "finance_other": {"type": "environment", "zh": "金融服务", "desc": "other finance: banks, insurance, credit",
                      "rules": [(r"金融机构|商业银行|科技支行|金融产品|保险|融资", 1)]},
    "talent": {"type": "supply", "zh": "人才", "desc": "talent attraction, personnel mobility, researchers' incentives",
               "rules": [(r"人才", 1), (r"引智|离岗创业|兼职取酬|博士|院士|留学人员|职称评|引进.{0,6}团队|外国专家", 2)]},
    "training": {"type": "supply", "zh": "培训", "desc": "entrepreneurship training and education",
                 "rules": [(r"培训|训练营|课程|讲座|辅导|教育普及", 2)]},
    "sci_tech": {"type": "supply", "zh": "科技支持", "desc": "R&D, technology transfer, labs",
                 "rules": [(r"研发|科技成果|重点实验室|工程技术(研究)?中心|科研项目|新技术", 1),
                           (r"成果转化|技术转移|研发投入|研发费用", 2)], "min": 3},
    "ip": {"type": "environment", "zh": "知识产权", "desc": "patents, IP protection and services",
           "rules": [(r"知识产权|专利|商标|版权", 2)]},
    "platform": {"type": "supply", "zh": "平台载体", "desc": "maker spaces, incubators, parks, platforms",
                 "rules": [(r"众创空间|孵化器|孵化基地|加速器|创业园|创业基地|星创天地|星创空间|双创示范基地|大学科技园|孵化载体|创新平台|公共服务平台|众创社区"
                               r"|工作站|新型研发机构|企业技术中心|工程(技术)?研究中心", 1)]},
    "public_service": {"type": "supply", "zh": "公共服务", "desc": "information, one-stop and consulting services",
                       "rules": [(r"公共服务|一站式|服务体系|信息服务|咨询服务|政务服务|检验检测|共享|开放共享", 1)]},
    "infrastructure": {"type": "supply", "zh": "基础设施", "desc": "networks, land, facilities",
                       "rules": [(r"基础设施|宽带|网络设施|用地|厂房|信息港|数据资源|计算、存储", 1)]},
    "award": {"type": "supply", "zh": "奖励", "desc": "one-off rewards and prizes",
              "rules": [(r"奖励|奖金|一次性奖|以奖代补|奖补|表彰", 2)]},
    "innovation_voucher": {"type": "supply", "zh": "创新券", "desc": "innovation / science vouchers",
                           "rules": [(r"创新券|科技券|服务券", 3)]},
    "procurement": {"type": "demand", "zh": "政府采购", "desc": "public procurement, preferential purchase",
                    "rules": [(r"政府采购|优先采购|首购|订购|采购", 2)]},
    "first_set": {"type": "demand", "zh": "首台套", "desc": "first (set) of major equipment, first batch, first version",
                  "rules": [(r"首台套|首台\(套\)|首台（套）|首批次|首版次", 3)]},
    "outsourcing": {"type": "demand", "zh": "服务外包/众包", "desc": "outsourcing, crowdsourcing, government purchase of services",
                    "rules": [(r"外包|众包|购买服务|政府购买", 2)]},
    "trade": {"type": "demand", "zh": "贸易管制", "desc": "export/import, customs, cross-border",
              "rules": [(r"出口|进口|进出口|通关|跨境|海关", 2)]},
    "overseas": {"type": "demand", "zh": "海外机构", "desc": "overseas offices, international cooperation",
                 "rules": [(r"海外|境外|国际合作|走出去|东盟|驻外", 1)]},
    "demonstration": {"type": "demand", "zh": "示范应用", "desc": "pilot/demonstration use, promotion of application",
                      "rules": [(r"示范应用|应用示范|推广应用|试点示范|示范工程|应用场景", 2)]},
    "planning": {"type": "environment", "zh": "目标规划", "desc": "goals, plans, targets",
                 "rules": [(r"规划|发展目标|总体目标|到20\d\d年|至20\d\d年|行动计划", 1)]},
    "regulation": {"type": "environment", "zh": "法规管制", "desc": "administrative approval reform, supervision, rules",
                   "rules": [(r"审批|商事制度|登记|准入|监管|许可|权责清单|放管服|信用|执法|规范", 1)]},
    "strategic": {"type": "environment", "zh": "策略性措施", "desc": "publicity, coordination, evaluation, culture",
                  "rules": [(r"宣传|氛围|联席会议|领导小组|督查|考核|评估|统筹协调|组织领导|舆论|文化", 1)]},
}

THRESHOLD = 2
_TITLE_WEIGHT = 2
# A grant that another tag names is no general subsidy: 房租补贴, but also 房租和宽带接入费补助 and 培训费用给予补贴
# (a diffusion audit: 19 of 25 rent subsidies also counted as subsidy, against docs/instruments.md). Each such
# phrase takes one hit off `subsidy`'s count.
# (a gap through 并给予, 或 or + joins a second, general grant: 贴息或补助, 租房+生活补助, 免收房租并给予一次性创业补贴;
# 房租给予50%补贴, 房租及物业费补贴, 场租、水电补贴 are the named grant)
_SPECIFIC_GRANT_RE = re.compile(r"(?:房租|租金|场租|租赁费|租房|培训|贴息|水电(?!站))(?:(?!并给予)[^，,。；;：:\n或+＋]){0,10}?"
                                r"(?:补贴|补助|资助)")

_META = set(".^$*+?{}[]\\|()")
_NEED = {tag: spec.get("min", THRESHOLD) for tag, spec in TAXONOMY.items()}
_TYPE = {tag: spec["type"] for tag, spec in TAXONOMY.items()}


def _compile_rules() -> list[tuple[str, int, tuple[str, ...], re.Pattern | None]]:
    """Per rule: its plain keywords (counted with str.count, C speed) and a regex for the rest."""
    out = []
    for tag, spec in TAXONOMY.items():
        for pat, w in spec["rules"]:
            alts = _split_top(pat)
            plain = tuple(a for a in alts if not (_META & set(a)))
            rest = [a for a in alts if _META & set(a)]
            out.append((tag, w, plain, re.compile("|".join(rest)) if rest else None))
    return out


def _split_top(pat: str) -> list[str]:
    """Top-level alternatives of a regex (``a|b(c|d)`` -> ``a``, ``b(c|d)``)."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(pat):
        ch = pat[i]
        if ch == "\\":
            cur.append(pat[i:i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


_RULES = _compile_rules()
_SUBSIDY = next(i for i, r in enumerate(_RULES) if r[0] == "subsidy")


def tag_instruments(measure_text: str, title: str | None = None) -> tuple[list[str], list[str]]:
    """(topical tags, instrument types) for one measure, tags ordered by score: :func:`tag_spans` over this one
    measure, so the two never disagree (a title the text holds counts as text and gives its bonus; a title apart
    from the text gives its bonus only)."""
    text = measure_text or ""
    if not title:
        return tag_spans(text, [(0, len(text), 0, 0)])[0]
    at = text.find(title)
    if at >= 0:
        return tag_spans(text, [(0, len(text), at, at + len(title))])[0]
    # a title apart from the text: its words give their bonus only, as tag_spans reads a title outside its span
    joined = f"{title}\n{text}"
    return tag_spans(joined, [(len(title) + 1, len(joined), 0, len(title))])[0]


def _trie_pattern(words: list[str]) -> str:
    """Regex matching exactly ``words``, factored by common prefixes (longest match first)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    top = [re.escape(ch) + emit(child) for ch, child in sorted(trie.items())]
    return "(?:" + "|".join(top) + ")"


def _keyword_index() -> tuple[re.Pattern, dict[str, list[int]]]:
    """One overlapping scan for all plain keywords; each keyword credits its rules and the
    rules of the shorter keywords it starts with (公共服务平台 also counts 公共服务)."""
    rules_of: dict[str, list[int]] = {}
    for i, (_tag, _w, plain, _rx) in enumerate(_RULES):
        for kw in plain:
            rules_of.setdefault(kw, []).append(i)
    kws = sorted(rules_of, key=len, reverse=True)
    credit = {kw: [i for other in kws if kw.startswith(other) for i in rules_of[other]] for kw in kws}
    # a trie-shaped pattern: one branch per first character instead of one per keyword,
    # greedy so the longest keyword at a position is the one captured
    # and the first-character class lets the engine skip most positions without trying it
    first = "".join(sorted({kw[0] for kw in kws}))
    rx = re.compile("(?=[" + re.escape(first) + "])(?=(" + _trie_pattern(kws) + "))")
    return rx, credit


_KW_RE, _KW_CREDIT = _keyword_index()


def _occurrences(text: str) -> list[tuple[int, int]]:
    """(position, rule index) of every keyword hit in ``text``."""
    occ: list[tuple[int, int]] = []
    for m in _KW_RE.finditer(text):
        p = m.start()
        occ.extend((p, i) for i in _KW_CREDIT[m.group(1)])
    for i, (_tag, _w, _plain, rx) in enumerate(_RULES):
        if rx is not None:
            occ.extend((m.start(), i) for m in rx.finditer(text))
    occ.sort()
    return occ


def tag_spans(text: str, spans: list[tuple[int, int, int, int]]) -> list[tuple[list[str], list[str]]]:
    """Tags for many measures of one document at once (what ``extract`` uses).

    ``spans`` holds (start, end, title_start, title_end) offsets into ``text``, sorted by
    start and not overlapping; a missing title is an empty span. Equivalent to calling
    :func:`tag_instruments` on each slice, with one scan of the document instead of one per
    measure.
    """
    occ = _occurrences(text)
    positions = [p for p, _ in occ]
    grants = [m.start() for m in _SPECIFIC_GRANT_RE.finditer(text)]
    out = []
    for start, end, ts, te in spans:
        lo, hi = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
        counts: dict[int, int] = {}
        in_title: set[int] = set()
        for p, i in occ[lo:hi]:
            counts[i] = counts.get(i, 0) + 1
        # the title's words give a bonus (a title inside the span counts as text too; one outside, the bonus only)
        title_subsidy = 0
        for p, i in occ[bisect.bisect_left(positions, ts):bisect.bisect_left(positions, te)] if te > ts else ():
            in_title.add(i)
            title_subsidy += i == _SUBSIDY
        # a named grant's 补贴 is no general subsidy, in the text or in the title
        counts[_SUBSIDY] = counts.get(_SUBSIDY, 0) - (bisect.bisect_left(grants, end) - bisect.bisect_left(grants, start))
        if title_subsidy <= bisect.bisect_left(grants, te) - bisect.bisect_left(grants, ts):
            in_title.discard(_SUBSIDY)
        score: dict[str, int] = {}
        for i in set(counts) | in_title:
            tag, w, _plain, _rx = _RULES[i]
            s = w * min(max(counts.get(i, 0), 0), 3) + (w * _TITLE_WEIGHT if i in in_title else 0)
            if s:
                score[tag] = score.get(tag, 0) + s
        chosen = sorted((t for t, v in score.items() if v >= _NEED[t]), key=lambda t: (-score[t], t))
        out.append((chosen, [ty for ty in TYPES if any(_TYPE[t] == ty for t in chosen)]))
    return out
