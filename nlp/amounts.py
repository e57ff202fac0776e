"""Money amounts, subsidy ratios and leverage ratios in policy text.

Span convention (the gold convention): qualifier + number + money unit + per-unit
tail when contiguous, e.g. ``最高不超过50万元``, ``每户每月1300元``, ``2万元/个``,
``100万元以内``; for ratios ``X%`` with an immediately preceding 最高/不超过.
Context that decides the kind (``注册资本``, ``给予``, ``一次性``) is read but not
included in the span.

Kinds:
- ``cap``: 最高/不超过/最多/上限/封顶 before, 以内/以下/封顶 after, 限额/上限/提高到
  just before (最高限额分别为:第一年800元); a cap carries through its list
  (不超过10万元、50万元 / 第一年800元,第二年600元).
- ``range``: ``5万元至10万元``, ``400-1600元``, ``20-40万元`` (``min_yuan``/``value_yuan``).
- ``threshold``: an eligibility condition rather than a grant (注册资本300万元以上,
  年营业收入达到500万元, 月销售额不超过3万元): a business metric in the clause
  with no grant verb between it and the number, or a trailing 以上.
- ``target``: the same metric in a goal sentence (成交额突破100亿元, 规模达到…).
- ``ratio``: a percentage tied to money (按实际租金的50%给予补贴, 贴息50%) or a
  leverage ratio ``1:10`` (``ratio`` = 10).
- ``ratio`` with a floor word (不低于注册资本的30%) is a ``threshold``.
- ``other``: money reported as spent, received or counted (statistics, news).
- ``fixed``: everything else with a money unit; bare 万/亿 only next to a money word
  (小计150万, 总投资为13亿).

Money reported as already spent or received (累计发放…2.29亿元, 下达…万元, 近12亿元)
is a statistic, not an offer: kind ``other`` (the spec counts every monetary amount),
unless the clause is phrased as an offer (给予/可/最高/不超过/按/每…).

Damaged amounts whose 元 was lost in scraping (``1300//月``, ``2000/户``) get
``unit=None``, ``unit_missing=True``, ``value_yuan=None`` and the bare number in
``raw_value``: the unit is never guessed.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Amount
from ..text import ARABIC, CJK, CN_DIGITS, CN_SMALL, GRANT_RE, NUM, RANGE_DASH, parse_number
from .tables import RULE_ROWS_RE, SPACED_ROW_RE, caption_cells, vertical_tables
from .windows import RuleGate, clamp, scan, tail as _tail, trigger_windows

# Every amount pattern contains one of these; matches reach at most this far around it.
# (written to open with one character class, which lets the regex engine skip to those characters:
# [元圆块%％‰:：∶/万萬亿¥￥]|分之|\d\s?[kKw]|\d比\d, same matches, ~2x faster)
_TRIGGER_RE = re.compile(r"[元圆块%％‰:：∶/万萬亿¥￥分\d](?:(?<=[元圆块%％‰:：∶/万萬亿¥￥])|(?<=分)之|(?<=\d)(?:\s?[kKw]|比\d))")
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 24
# The money unit as written; its scale is read from its characters (_scale).
# 块 is a yuan before 钱, a stop or what a sum may take (十块三毛, 50块左右); before a noun it counts things (两块芯片)
_KUAI = (r"块(?:钱|(?![\u4e00-\u9fff])|(?=[毛角左多以每的]|[一二三四五六七八九两]?[毛角]|一[斤个次]"
         r"|补|奖|慰问|收入|工资|生活费|红包|现金|费))")
_UNIT = (r"(?:万亿元|亿元|个亿元?|(?<=\d)[千百][万萬]元|[万萬](?:元|圆|" + _KUAI + r")|千元|百元|元|圆|千" + _KUAI
         + r"|百" + _KUAI + r"|" + _KUAI +
         r"|[万萬亿](?:(?![\u4e00-\u9fff\d])|(?=以上|以下|以内|左右|补贴|补助|奖励|资助|奖补|奖金|的(?:补|奖|资|扶|一次性)))"
         r"|(?<=\d)(?:[kK]|w)(?![A-Za-z])元?)")
# 123元1角1分, 十块三毛: the part after the yuan, only after a yuan unit
_JIAO_FEN = rf"(?:(?<=[元圆块])(?P<jiao>[\d{CN_DIGITS}])[角毛])?(?:(?<=[元圆块角毛])(?P<fen>[\d{CN_DIGITS}])分)?(?:钱|整)?"
_APPROX = r"(?P<apx>余|多|几)?"
_PER_UNIT = r"(?:个|家|户|人|名|件|项|次|年|月|天|日|学年|季度|平方米|㎡|m²|m2|亩|台|套|小时|课时|吨|辆|头|千瓦时|千瓦)"
# 生 as a pupil or child counted (元/生/月, 每生每月), not the 生 of 生产, 生活, 生猪 …
_PUPIL = r"生(?!产|活|态|成|育|物|长|效|鲜|猪|源|命|意|病)"
# what a money amount's /… tail may count (wider than the damaged-unit reading, which guesses nothing)
_PER_UNIT_MONEY = (r"(?:人次|吨标准煤|吨标煤|标准箱|立方米|m³|千瓦时|kWh|千瓦|kW|瓦|度|公里|千米|公斤|千克|kg|"
                   r"学时|床位|床|篇|册|张|份|场|期|周|批|株|只|座|车|箱|件|个|家|户|人|名|项|次|年|月|天|日|学年|季度|"
                   rf"托位|孩|{_PUPIL}|"
                   r"平方米|㎡|m²|m2|亩|台|套|小时|课时|吨|辆|头)")
_TAIL = (rf"(?P<tail>\s?/\s?\.?{_PER_UNIT_MONEY}(?:\s?[·/]\s?{_PER_UNIT_MONEY})*)?"
         r"(?:[(（]含[)）](?=以内|以下|以上)|及(?=以下|以上))?(?P<tail2>以内|以下|封顶|以上|左右|上下)?")
_RANGE_SEP = rf"\s?(?:[(（]含[)）])?\s?(?:{RANGE_DASH}|至|到)\s?"

# A number as money writes it: digits with a letter O for zero (5O万元, repaired), an
# approximate head (数十亿, 几十万) or a pair of neighbouring digits (三五百, 四五千).
# (a digit run a hard-wrapped PDF line cut once, 1\n00万元, is one number: parse_number drops the break)
_MNUM = (rf"(?:\d{{1,4}}\n\d+(?:\.\d+)?(?=\s?[万萬亿千]?元)|\d{{1,4}}[万萬]\d千(?=元)|\d+[Oo][\dOo]*(?![A-Za-z])|[数几][十百千]|[一二三四五六七八九][二三四五六七八九][十百千万]|{NUM})")
# Range first so ``2万元-20万元`` is one item, then single amounts.
_MONEY_RE = re.compile(
    rf"(?=[\d{CN_DIGITS}{CN_SMALL}数几])(?<![\d.,{CN_DIGITS}{CN_SMALL}])(?<!\d[,，])"
    rf"(?:(?P<lo>{_MNUM})\s?(?:(?P<lounit>{_UNIT}|[万萬亿千](?={_RANGE_SEP}))(?:余|多)?)?{_RANGE_SEP}(?P<hi>{_MNUM})\s?(?:余|多)?(?P<unit>{_UNIT}){_JIAO_FEN.replace('jiao', 'rjiao').replace('fen', 'rfen')}{_TAIL}"
    rf"|(?P<num>{_MNUM})\s?{_APPROX}(?:(?P<unit1>{_UNIT})|(?P<big>[万萬亿])(?P<apx2>[余多])元)"
    rf"{_JIAO_FEN}{_TAIL.replace('tail', 'stail')})"
)
# 2万/5万/10万元: one unit written once for a list of amounts
_SHARED_UNIT_RE = re.compile(
    rf"(?<![\d.])(?P<list>(?:{ARABIC}\s?[万亿]?\s?[/、]\s?)+){ARABIC}\s?(?P<unit>[万亿]?元)")
_SHARED_ITEM_RE = re.compile(rf"(?P<num>{ARABIC})\s?(?P<big>[万亿]?)")
# ￥486,000.00 / ¥5000元: the yuan sign stands for the unit
_YEN_RE = re.compile(rf"[¥￥]\s?(?P<num>{ARABIC})(?P<unit>[万亿]?元)?")
# what a bare 万 with a rate tail counts when it is not money (带动就业1万/年, 游客20万人次)
_COUNT_RE = re.compile(r"人数|人次|就业|岗位|游客|客流|用户|访问|产量|面积|规模")
_FINANCIAL_RE = re.compile("[壹贰叁肆伍陆柒捌玖拾佰仟萬]")
_WAN_QIAN_RE = re.compile(r"^(\d+)[万萬](\d)千$")
_PAIR_RE = re.compile("^([一二三四五六七八九])([二三四五六七八九])([十百千万])$")
_APPROX_HEAD = {"十": 10.0, "百": 100.0, "千": 1000.0}

# Scraping lost 元: ``1300//月``, ``750/.月``, ``2000/户``.
_DAMAGED_RE = re.compile(
    rf"(?=\d)(?<![\d./:\-])(?P<num>\d{{2,7}}(?:\.\d+)?)(?://|/\s?\.|/)(?P<per>{_PER_UNIT})(?![\d/])"
)
_PERCENT_RE = re.compile(
    rf"(?=[最不上百千万\d])(?P<q>最高不超过|最高不得超过|最高|不超过|不得超过|不高于|最多|上限为?)?"
    rf"(?<![\d.])(?:(?P<num>{ARABIC})\s?(?P<sign>%|％|‰)|(?P<den>[百千万])分之(?P<cnnum>{NUM}))"
)
_PERCENT_SCALE = {"%": 1.0, "％": 1.0, "‰": 0.1, "百": 1.0, "千": 0.1, "万": 0.01}
_LEVERAGE_RE = re.compile(r"(?=\d)(?<![\d.:：∶])(?P<a>\d+(?:\.\d+)?)\s?[:：∶比]\s?(?P<b>\d+(?:\.\d+)?)(?![\d:：∶])")

_PER = (r"(?:每(?:个|家|户|人次|人|名|件|项|次|年|月|天|学年|季度|平方米|立方米|亩|台|套|吨|辆|头|千瓦时|篇|床|孩"
        rf"|{_PUPIL})"
        r"(?:基地|企业|项目|单位|园区|团队|机构|孵化器|载体)?)")
_QUAL = (r"(?:最高限额(?:为|是)?|最高(?:单笔|单项|单个项目)?(?:不超过|不得超过|不高于|可达|可获得?|可给予|可享受?|可|为|是)?"
         r"(?:给予|补助|补贴|奖励|资助|奖补|支持)?"
         r"|不超过|不得超过|不高于|最多(?:不超过|可获得?|可达|可享受?|可)?|上限(?:为|是)?|封顶)")
# Anchored at the end of the text before a number: what qualifies it.
_PREFIX_RE = re.compile(rf"(?P<per1>{_PER}+)?(?P<q>{_QUAL})?(?P<per2>{_PER}+)?(?P<apx0>约|大约|近|将近|接近)?(?:人民币)?$")
# 每张床位, 每间, 每座; 每增加1人, 每住宿一天 (an increment counted); 人均 is 每人
_PER_TOKEN_RE = re.compile(r"每(?:增加|新增|多|吸纳|招用|带动|安置|住宿|入住)?\s?[1一]?\s?"
                           r"(个|家|户|人次|人|名|件|项|次|年|月|天|学年|季度|平方米|立方米|亩|台|套|吨|辆|头|千瓦时|篇|床"
                           rf"|张|间|座|栋|只|晚|千瓦|瓦|公里|万株|株|列|例|部|村|餐|{_PUPIL}|托位|所|孩)|(?<=[人户亩])均(?=$|[\d一二三四五六七八九十两]|不超过|最高|补|给予|发放|奖)")
# 每个基地 / 每家企业: the counted noun, not the measure word (基地/年, not 个/年)
_PER_NOUN_RE = re.compile(r"每[个家所张间座栋](?!(?:给予|补贴|补助|奖励|资助|奖补|享受|获得)(?=[\d一二三四五六七八九十两最不按]|$)"
                          r"|可|最高|最多|一次性|合计|共计|累计|按)"
                          r"([\u4e00-\u9fff]{1,5}?)(?=每|最|给|补|按|奖|资|可|不|一次|的|总|价|为|获|享|合计|共计|累计|[,，]|$)")
_CLAUSE_STOPS = ",，。;；:：\n!！?？"
_CLAUSE_HEAD_RE = re.compile(r"^[^,，。;；:：\n!！?？]*")
_SENTENCE_STOPS = "。;；\n!！?？"

_THRESH_METRIC_RE = re.compile(
    r"(营业收入|销售收入|主营业务收入|销售额|营业额|注册资本|投资总?额|固定资产投资|所得额|年税收|税收|纳税额?|"
    r"产值|营收|资产总?额|总资产|研发投入|研发经费|研发费用|交易额|成交额|融资额?|年收入|收入|出资|实缴|净资产|市值|"
    r"零售额|进出口额|出口额|进口额|贷款金额|工资|月收入|单价|售价|价格|价款|成交价|裸车价)"
)
_GRANT_RE = GRANT_RE
_THRESH_PREFIX_RE = re.compile(r"(?:达到|(?<!不)超过|不低于|不少于|(?<!不)高于|低于|在|满)\s?$")
_TARGET_METRIC_RE = re.compile(r"规模|总量|总额|产值|成交额|交易额|收入|营收")
# 提高至 is a cap when a limit is raised (贷款额度提高至30万元) or may be (可以提高到20万元); a raised grant
# (消费券提高至5万元) is fixed
_CAP_NEAR_RE = re.compile(r"上限|封顶|最高额度|限额|额度[^,，。;；]{0,8}提高(?:到|至|为)|可以?提高(?:到|至|为)"
                          r"|最高(?:补助|补贴|奖励|资助|扶持|支持|贴息)?(?:标准|额度|金额)")
# 最高 leading the clause's verb and object (可最高拿到补贴8万元, 最高奖励8万元); a bare 高 right before
# the number or a grant verb is a 最高 whose 最 was lost (给予高10万元, 高享受200万元)
_CAP_LEAD_RE = re.compile(r"(?:最高|最多)[^\d,，。;；%％、]{0,8}$|(?<![提升增较最拔崇身调抬])高(?:享受|可达|可获得?|可)?\s?$")
# a sentence reporting money already spent or received (news, work reports), not a policy grant
_REPORT_RE = re.compile(r"累计|(?<!可)获|下达|下拨|兑付|兑现|投入|支出|发放|落实|共计|合计|自有|总投资|平均|同比|截至|去年|实现|已|以来|年来")
_COUPON_OFF_RE = re.compile(r"满\s?\d[\d.]*\s?[万千]?元\s?减\s?$")
_STATISTIC_RE = re.compile(r"同比|累计|共计|合计|截至|去年|以来|年来|实现")
# 对新获评…的企业, 凡获得…的, 获得中国专利金奖的(奖励…): 获 in a condition, opened by 对/凡 or the clause, closed by 的
_CONDITION_HUO_RE = re.compile(r"(?:(?:对|凡)[^,，。;；]{0,20}|(?:^|(?<=[,，。;；:：\n)）]))[\s\d.、(（)）一二三四五六七八九十]*"
                               r"[\u4e00-\u9fff]{0,4}?(?:新|首次)?)获[^,，。;；]{0,30}的")
_HANDED_OUT = frozenset({"发放", "获"})
_POLICY_RE = re.compile(r"给予|给与|予以|可|最高|不超过|按照?|每|标准|需|应|将")
# 第一年800元,第二年600元 / 一等奖…、二等奖…: list labels that carry the list's kind forward
_LIST_LABEL_RE = re.compile(r"^[,，、;；]\s?(?:第[一二三四五六七八九十\d]{1,2}年|[一二三四五六七八九十\d]等奖?|[^\d\s,，。;；]{1,3}级)?$")
# the verb a goal's amount follows, right before it (收入达到 | 2.2万元, 拉动消费 | 1.2亿元)
_REACH_RE = re.compile(r"(?<![不未最])(?:达到|突破|超过|实现|拉动|带动|撬动|增加到|提高到|增至)(?:消费|投资|社会投资|销售)?(?:约|近)?\s?$")
_GOAL_RE = re.compile(r"(?:到|至)\s?\d{4}\s?年|力争|目标|突破|争取|确保|预计")
_CONDITION_RE = re.compile(r"对|凡|符合|条件|要求|申请|认定|以上的|的企业")
_MONEY_CONTEXT_RE = re.compile(r"资金|投资|金额|小计|经费|基金|补贴|奖励|资助|补助|贷款|融资|营收|收入|销售额|拨付|配套"
                               r"|奖补|贴息|扶持|补偿|奖金|额度|最高|不超过|投入|出资|注册资本"
                               r"|产值|资产|利润|税收|纳税|营业额|交易额|成交额")
_RATIO_MONEY_RE = re.compile(
    r"补贴|补助|资助|奖励|奖补|贴息|给予|予以|减按|返还|即征即退|减免|收费|标准的|费用|价格|金额|发行额|"
    r"费的|投资额|总投资|投资的|租金|房租|利息|出资|缴纳|分担|承担|扶持|计入|缴费|收益|费率|税率|利率|成本"
)
_RATIO_NOT_MONEY_RE = re.compile(
    r"占|比重|增长|增速|下降|提升|(?<![费税利])率(?:由|达|不|为)|利用率|成功率|出园率|留用率|人数|同比|比例不超过载体"
    r"|涨幅|增幅|降幅"
    # any rate right before the number is a metric (城镇调查失业率5.5%左右, 入驻率80%), but those that size money
    # (比率, 费率, 税率, 利率, 报销率, 奖补率, 补贴率, 补助率, 资助率, 贴息率, 贴现率: a second review)
    r"|(?<![比费税利销补贴助息现])率(?:控制在|保持在|稳定在)?$")
_RATIO_FLOOR_RE = re.compile(r"不低于|不少于")
_LEVERAGE_CONTEXT_RE = re.compile(r"比例(?!尺)|撬动|杠杆|放大|配套|资金")
_ONE_OFF_RE = re.compile(r"一次性")
_INCLUDED_RE = re.compile(r"[(（]含\s?$")
_GRANT_NOUN_AFTER_RE = re.compile(r"补贴|补助|奖励|资助|奖补|奖金|的(?:补|奖|资|扶|一次性)")   # 给予50万奖励
_PCT_SIGN_RE = re.compile("[%％‰]")
_VIDEO_K_RE = re.compile(r"\s?(?:/\s?\d+\s?K|超高清|高清|视频|电视|屏|显示|分辨率|直播)")
_CN_SMALL_SET = frozenset(CN_SMALL)   # 每百元营业收入: a denominator, not an amount
_CN_DIGIT_ONLY_RE = re.compile(f"^[{CN_DIGITS}]$")
_NOT_YUAN_AFTER_RE = re.compile(r"结构|化|论|素|组|函数|方程|体制|格局|经济|制")
_CJK_RE = re.compile(f"[{CJK}]")
_NORM_PER_RE = re.compile(r"[\s.]")
_PER_SPLIT_RE = re.compile(r"[·/]")




def _scale(unit: Optional[str]) -> float:
    u = unit or ""
    if "亿" in u:
        return 1e12 if "万" in u else 1e8
    if "万" in u or "萬" in u or u.startswith("w"):
        return 1e7 if "千" in u else 1e6 if "百" in u else 1e4   # 1千万元, 5百万元
    if "千" in u or u[:1] in ("k", "K"):
        return 1e3
    return 1e2 if "百" in u else 1.0


def _read_number(text: str) -> tuple[Optional[float], Optional[float], Optional[str]]:
    """(lower, upper, repaired) of a money number; lower is None when unreadable.

    Exact numbers give lower == upper. 数十/几十 is [10, 100]; 三五百 [300, 500]; a
    letter O among digits (5O) is read as 0 and the repaired text returned."""
    repaired = None
    if re.search(r"\d[Oo]|[Oo]\d", text):
        repaired = text.replace("O", "0").replace("o", "0")
        text = repaired
    if text[:1] in ("数", "几") and text[1:] in _APPROX_HEAD:
        base = _APPROX_HEAD[text[1:]]
        return base, base * 10, None
    wq = _WAN_QIAN_RE.match(text)
    if wq:   # 1万5千(元) = 15000
        value = float(wq.group(1)) * 1e4 + float(wq.group(2)) * 1e3
        return value, value, None
    pair = _PAIR_RE.match(text)
    if pair:
        unit = parse_number(pair.group(3))
        lo, hi = parse_number(pair.group(1)), parse_number(pair.group(2))
        if lo is not None and hi is not None and unit and hi > lo:
            return lo * unit, hi * unit, None
        return None, None, None
    value = parse_number(text)
    return value, value, repaired


def _step(value: float) -> float:
    """The place an approximate 余/多/几 counts in: 2000余 -> 1000, 10余 -> 10, 15多 -> 1, 1.2余 -> 0.1."""
    n, step = int(value), 1.0
    if n != value:
        text = repr(value)
        return 10.0 ** -len(text.split(".")[1]) if "." in text and "e" not in text else 1.0   # 1.2余 -> 0.1
    if n <= 0:
        return 1.0
    while n % 10 == 0:
        n //= 10
        step *= 10
    return step


def _tail_per(tail: Optional[str]) -> Optional[str]:
    if not tail:
        return None
    parts = [p for p in _PER_SPLIT_RE.split(_NORM_PER_RE.sub("", tail)) if p]
    return "/".join(parts) or None


def _per_tokens(s: str) -> list[str]:
    """每人每月 -> [人, 月]; 每张床位 -> [床位]; 人均 -> [人]."""
    out = []
    for m in _PER_TOKEN_RE.finditer(s):
        noun = _PER_NOUN_RE.match(s, m.start()) if m.group(1) in _MEASURE_WORDS else None
        out.append(noun.group(1) if noun else m.group(1) or s[m.start() - 1])   # 人均, 户均, 亩均
    return out


_MEASURE_WORDS = frozenset("个家所张间座栋")
# a sum then a total word before an amount (每家5万元共 | 60万元): the 每 sizes that sum; the total has no basis
_PER_STOP_RE = re.compile(r".*[元圆]\s?(?:共计|合计|总计|共)")   # 每个基地, 每张床位: the noun after them is what is counted


def _prefix_per(per: Optional[str]) -> Optional[str]:
    return "/".join(_per_tokens(per)) or None if per else None


# ---- context windows: how far (in characters) each reading looks around an amount. Each is cut
# further at the punctuation named beside it, so a window never reads into the next clause/sentence.
CLAUSE_BEFORE = 40    # the clause before the number (to ,，。;；:：): metric, grant verb, condition words
CLAUSE_AFTER = 12     # the clause head after the amount: 的/或/且 (a condition), 为限 (a cap)
SENTENCE_BEFORE = 80  # the sentence before (to 。;；!?): goal words that make a metric a target
PREFIX_WIDTH = 20     # qualifier + per-unit prefix glued to the number (每户每月最高不超过)
THRESH_NEAR = 4       # 达到/超过/不低于 right before the number, with 的/或/且 after: a threshold
CAP_NEAR = 8          # 上限/封顶/限额/提高到 at the end of the clause before: a cap
CAP_SPAN = 16         # …the same words within this many characters, stopping at a comma
CAP_LEAD = 12         # 最高/最多 leading a verb and object before the number (最高拿到补贴8万元)
REPORT_SENTENCE = 60  # the sentence read for report words (累计, 下达, 已…): money spent, not offered
REPORT_CLAUSE = 40    # the clause read for offer words (给予, 可, 最高…) that keep it a policy amount
PER_NEAR = 16         # 每…/一次性 just before an amount with no per-unit tail of its own
ONE_OFF_AFTER = 6     # 的一次性 just after it
_PEOPLE_AFTER_RE = re.compile(r"\s?(?:人|用户|网民|农民|居民|群众|消费者|劳动力)")
WAN_CONTEXT = 12      # a money word this close before a bare 万/亿 makes it money
RATIO_BEFORE = 24     # percentages: the sentence before, read for money words (补贴, 租金, 利率…)
RATIO_NEAR = 8        # …the clause right before, read for non-money shares (占, 增长, 利用率) and floors
RATIO_AFTER = 10      # …the clause after
LEVERAGE_BEFORE, LEVERAGE_AFTER = 10, 6   # 1:10 read as leverage only beside 比例/撬动/杠杆/配套/资金


_REVISED_RE = re.compile(r"\s?(?:提高|调整|上调|下调|增加|降低|提升|增至|降至|调至|扩大|放宽)")
_REVISED_FROM_RE = re.compile(r"[从由](?:每[^\d,，。;；:：]{1,6}?|不超过|最高|不高于|原来的|原)*$")   # 从不超过 | 300万元
# the words that size a budget or a fund rather than a grant (readers mark those amounts other)
_BUDGET_RE = re.compile(r"(?:安排|设立|统筹|筹集|规模|总额为?|预算|匹配|配套资金|拿出|整合)")
_FUND_NAME_RE = re.compile(r"(?:专项)?(?:资金|基金|经费)")
BUDGET_NEAR = 24


def _clause_before(sub: str, s: int, width: int = CLAUSE_BEFORE) -> str:
    return _tail(sub, max(0, s - width), s, _CLAUSE_STOPS)


def _clause_after(sub: str, e: int, width: int = CLAUSE_AFTER) -> str:
    return _CLAUSE_HEAD_RE.match(sub[e:e + width]).group()


def _prefix(sub: str, s: int) -> re.Match:
    """Qualifier/per-unit prefix directly before position ``s`` (may be empty)."""
    window_start = max(0, s - PREFIX_WIDTH)
    return _PREFIX_RE.search(sub, window_start, s)


def _context_kind(sub: str, s: int, e: int, tail2: Optional[str], has_qual: bool) -> str:
    """Decide cap / threshold / target / fixed for a single money amount at [s, e)."""
    clause = _clause_before(sub, s)
    after = _clause_after(sub, e)
    if clause.endswith(("满", "每满")) and not has_qual:
        return "threshold"      # 满100元减20元: the spend a coupon or a rebate needs, not money given
    if _REVISED_FROM_RE.search(clause) and _REVISED_RE.match(after):
        return "other"          # 额度从不超过300万元提高到…: the superseded level, no longer offered
    sentence = _tail(sub, max(0, s - SENTENCE_BEFORE), s, _SENTENCE_STOPS)
    if not has_qual and _REACH_RE.search(clause) and _GOAL_RE.search(sentence) and not after.startswith(("的", "或", "且", "、")) \
            and not _GRANT_RE.search(clause) and not _CONDITION_RE.search(clause):
        return "target"         # 到2025年,农民人均可支配收入达到2.2万元以上 / 力争拉动消费1.2亿元以上: what a goal reaches
    conditional = after.startswith(("的", "或", "且", "、", "(含", "（含")) or tail2 == "以上"
    metric = None
    for metric in _THRESH_METRIC_RE.finditer(clause):
        pass
    if metric is not None and _PCT_SIGN_RE.search(clause, metric.end()):
        metric = None   # 不超过项目投资额的30%且不超过500万元: the metric is the percentage's base
    if metric is not None and not _GRANT_RE.search(clause, metric.end()):
        bounded = _THRESH_PREFIX_RE.search(clause) is not None or has_qual or tail2 in ("以上", "以下")
        if (conditional or _CONDITION_RE.search(clause)) and (bounded or conditional):
            return "threshold"
        if _GOAL_RE.search(sentence):
            return "target"
        if bounded:
            return "threshold"
    elif (_TARGET_METRIC_RE.search(clause) and not _GRANT_RE.search(clause)
          and _GOAL_RE.search(sentence) and not conditional):
        return "target"
    if tail2 == "以上" or (_THRESH_PREFIX_RE.search(clause[-THRESH_NEAR:]) and after.startswith(("的", "或", "且"))):
        return "threshold"
    if (tail2 in ("以下", "以内") and not has_qual and after.startswith("的")
            and not _GRANT_RE.search(after) and not _GRANT_RE.search(clause)):
        return "threshold"      # 担保金额500万元及以下的(企业): a class of cases, not a grant's bound
    if (has_qual or tail2 in ("以内", "以下", "封顶") or after.startswith(("为限", "为上限", "封顶"))
            or _CAP_NEAR_RE.search(clause[-CAP_NEAR:])
            or _CAP_NEAR_RE.search(_tail(sub, max(0, s - CAP_SPAN), s, "。;；\n,，"))
            or _CAP_LEAD_RE.search(clause[-CAP_LEAD:])):
        return "cap"
    near = clause[-BUDGET_NEAR:]
    budget = None
    for budget in _BUDGET_RE.finditer(near):
        pass
    if budget is not None and not any(not _FUND_NAME_RE.match(near, g.end())
                                      for g in _GRANT_RE.finditer(near, budget.end())):
        # 市财政每年安排1000万元, 设立总规模10亿元的基金, 安排补贴资金3000万元 (补贴 names the fund): a fund's
        # size, no sum anyone is given
        return "other"
    return "fixed"


# 首批育儿补贴资金1648.89万元发放到位, …已拨付到位: money the sentence reports as paid, said after the sum
_PAID_AFTER_RE = re.compile(r"\s?(?:已|均已|全部)?(?:发放|拨付|兑付|兑现|下达|落实)?(?:到位|到账)(?![的后之])")


def _reported(sub: str, s: int, rate: bool = False, e: int | None = None) -> bool:
    """累计发放…2.29亿元, 下达…2143.4万元: money reported as spent, not offered. A rate (1850元/月,
    每年1万元) that is only handed out or obtained (统一发放, 对获得授权的企业) is the policy's rate."""
    if _COUPON_OFF_RE.search(sub, max(0, s - 12), s):
        return False    # 满300元减50元: what a coupon takes off, the policy's sum
    if e is not None and not rate and _PAID_AFTER_RE.match(sub, e):
        return True
    sentence = _tail(sub, max(0, s - REPORT_SENTENCE), s, _SENTENCE_STOPS)
    huo = [h.span() for h in _CONDITION_HUO_RE.finditer(sentence)]

    def reports(m: re.Match) -> bool:
        if rate and m.group() in _HANDED_OUT:
            return False        # 统一发放1850元/月: the rate handed out is the policy's
        return not (m.group() == "获" and any(a <= m.start() < b for a, b in huo))   # 对新获评…的企业: a condition

    if not any(reports(m) for m in _REPORT_RE.finditer(sentence)):
        return False
    return not _POLICY_RE.search(_clause_before(sub, s, REPORT_CLAUSE))


def _stated_level(sub: str, s: int, e: int) -> bool:
    """A level said as a fact (自2017年以来…2021年进出口额达到1.98万亿元), not a condition's (…的, 、…) or a
    coupon's (满300元)."""
    if _clause_after(sub, e, 2).startswith(("的", "、", "或", "且", "(", "（")) or _clause_before(sub, s, 3).endswith("满"):
        return False
    return _STATISTIC_RE.search(_tail(sub, max(0, s - REPORT_SENTENCE), s, _SENTENCE_STOPS)) is not None


def _cents(m: re.Match, jiao: str, fen: str) -> float:
    j, f = m.group(jiao), m.group(fen)
    return (parse_number(j) or 0.0) * 0.1 + (parse_number(f) or 0.0) * 0.01 if (j or f) else 0.0


def _find_shared_unit(sub: str, base: int, windows: list[tuple[int, int]]) -> list[Amount]:
    """``2万/5万/10万元``: the unit written once covers every number of the list."""
    out: list[Amount] = []
    for m in scan(_SHARED_UNIT_RE, sub, windows):
        unit = m.group("unit")
        for it in _SHARED_ITEM_RE.finditer(sub, m.start(), m.end()):
            value = parse_number(it.group("num"))
            if value is None:
                continue
            s, e = it.start(), it.end()
            if e == m.end() - len(unit) or sub.startswith(unit, e):
                e = sub.index(unit, e) + len(unit)
            elif sub[e:m.end()] and unit.endswith(sub[e:m.end()]):
                e = m.end()   # the last item owns the written unit: 20万元 of 100万/50万/20万元
            scale = _scale(it.group("big") + "元" if it.group("big") else unit)
            out.append(Amount(text=sub[s:e], start=base + s, end=base + e,
                              kind=_context_kind(sub, s, e, None, False),
                              value_yuan=round(value * scale, 4), unit=unit))
    return out


def _find_yen(sub: str, base: int, windows: list[tuple[int, int]]) -> list[Amount]:
    """``￥486,000.00``: a yuan sign before the digits is the money unit."""
    out: list[Amount] = []
    for m in scan(_YEN_RE, sub, windows):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        s, e = m.start(), m.end()
        unit = m.group("unit") or "元"
        kind = _context_kind(sub, s, e, None, False)
        if kind == "fixed" and _reported(sub, s):
            kind = "other"
        out.append(Amount(text=sub[s:e], start=base + s, end=base + e, kind=kind,
                          value_yuan=round(value * _scale(unit), 4), unit=unit))
    return out


def _find_money(sub: str, base: int, windows: list[tuple[int, int]],
                taken: list[tuple[int, int]]) -> list[Amount]:
    out: list[Amount] = []
    for m in scan(_MONEY_RE, sub, windows):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        is_range = m.group("lo") is not None
        num_text = m.group("hi") if is_range else m.group("num")
        unit = m.group("unit") if is_range else (m.group("unit1") or m.group("big"))   # 3万余元: 万
        tail = m.group("tail") if is_range else m.group("stail")
        tail2 = m.group("tail2") if is_range else m.group("stail2")
        num_start = m.start("lo") if is_range else m.start("num")
        # a lone 一 glued to a word (统一元, 单一元) is not a numeral
        if (num_text == "一" and not is_range and num_start > 0
                and _CJK_RE.match(sub[num_start - 1]) and sub[num_start - 1] not in "予励助贴补奖"):
            continue
        if sub.startswith("级", e) or (num_text in _CN_SMALL_SET and num_start and sub[num_start - 1] == "每"):
            continue   # 千万元级企业, 百亿元级产业集群: a size class, not an amount
        if (not is_range and unit in ("元", "圆") and not m.group("stail") and _CN_DIGIT_ONLY_RE.match(num_text)
                and _NOT_YUAN_AFTER_RE.match(sub, e)):
            continue   # 城乡二元结构, 一元化: a word, not one or two yuan
        if unit[:1] in ("k", "K") and _VIDEO_K_RE.match(sub, e):
            continue   # 4K/8K超高清: a resolution, not thousands of yuan
        if (unit in ("万", "亿", "萬") and not m.group("big")
                and not (tail and not _COUNT_RE.search(_clause_before(sub, s, WAN_CONTEXT)))
                and not _MONEY_CONTEXT_RE.search(sub, max(0, s - WAN_CONTEXT), s)
                and not _GRANT_NOUN_AFTER_RE.match(sub, e)
                and not _FINANCIAL_RE.search(num_text)):
            continue   # bare 万 is money only beside a money word, with a rate tail (20万/年) or in financial numerals
                       # (个亿 is money as it stands: 共9个亿的中央财政资金 — unless people are counted)
        if unit == "个亿" and _PEOPLE_AFTER_RE.match(sub, e):
            continue   # 14个亿人口
        if _INCLUDED_RE.search(sub, max(0, s - 3), s):
            continue   # (含3万元): restates the bound just given
        zeros = not is_range and len(num_text) > 1 and num_text[0] == "0" and num_text[1].isdigit()
        if zeros:
            # 1 0000元: a copy put a space inside the number; its zeros alone are no amount (never 0 元)
            k = num_start - 1
            if k > 0 and sub[k] == " " and sub[k - 1].isdigit():
                while k > 0 and sub[k - 1].isdigit():
                    k -= 1
                num_text, s, zeros = sub[k:num_start - 1] + num_text, min(s, k), False
        lo_v, hi_v, repaired = _read_number(num_text) if not zeros else (None, None, None)
        pm = _prefix(sub, s)
        if pm.start() < s:
            s = pm.start()
        has_qual = pm.group("q") is not None
        per = _tail_per(tail) or _prefix_per(pm.group("per2") or pm.group("per1"))
        if per is None:
            near = _clause_before(sub, s, PER_NEAR)
            cut = _PER_STOP_RE.search(near)
            if cut:
                near = near[cut.end():]     # 每家5万元共60万元: the 每 sizes the sum before; a total has none
            toks = _per_tokens(near)
            listed = _listed_per(sub, s)
            if len(listed) > len(toks):
                toks = listed       # the list's lead names the rate whole (每人每月…分别为1000元、800元)
            if toks:
                per = "/".join(toks)
            elif _ONE_OFF_RE.search(near) or _clause_after(sub, e, ONE_OFF_AFTER).startswith(("的一次性", "一次性")):
                per = "一次性"
        amount = Amount(text=sub[s:e], start=base + s, end=base + e, kind="fixed", unit=unit, per=per)
        if lo_v is None:
            # a number no reading fits: kept as written, flagged, never a guessed value
            amount.raw_text = num_text
            out.append(amount)
            continue
        scale = _scale(unit)
        cents = _cents(m, "rjiao", "rfen") if is_range else _cents(m, "jiao", "fen")
        amount.value_yuan = round(hi_v * scale + cents, 4)
        if repaired:
            amount.repaired = num_text + "→" + repaired
        if is_range:
            lo, lo_hi, _ = _read_number(m.group("lo"))
            if lo is None:
                continue
            lo_unit = m.group("lounit")
            amount.min_yuan = round(lo * _scale(lo_unit or unit), 4)
            if amount.min_yuan > amount.value_yuan and not lo_unit and lo <= amount.value_yuan:
                amount.min_yuan = round(lo, 4)   # 5000-10万元: a bare lower bound above the upper in 万 is in 元
            if amount.min_yuan > amount.value_yuan:
                continue   # 20至5元: not a range, most likely two unrelated numbers
            amount.kind = "range"
        else:
            apx = m.group("apx") or m.group("apx2")
            if apx or lo_v != hi_v:
                # 2000余元 = [2000, 3000], 数十亿元 = [1e9, 1e10]: a range by the usual reading
                upper = hi_v + _step(hi_v) if apx else hi_v
                amount.min_yuan, amount.value_yuan = round(lo_v * scale, 4), round(upper * scale, 4)
                amount.approximate = True
            if pm.group("apx0") or tail2 in ("左右", "上下"):
                amount.approximate = True   # 约5000万元, 1000万元左右: the value as written, flagged
            amount.kind = _context_kind(sub, m.start(), e, tail2, has_qual)
            listed = bool(out) and _LIST_LABEL_RE.match(sub[out[-1].end - base:s]) is not None
            if amount.kind == "threshold" and _stated_level(sub, s, e) \
                    or amount.kind == "fixed" and not listed and _reported(sub, s, rate=bool(per and per != "一次性"), e=e):
                amount.kind = "other"   # reported as spent or received: a statistic (spec: counted, kind other)
        out.append(amount)
    return out


# the lead may run over a comma: 连续3年每月发放生活补贴,博士、硕士分别为3000元、1500元
_LIST_LEAD_RE = re.compile(r"([^。;；\n]{0,40}?)(?:分别为|分别是|标准为|标准是)\s?[:：]?[^。;；\n]{0,40}$")


def _listed_per(sub: str, s: int) -> list[str]:
    """每户每月场租补贴最高限额分别为:第一年800元,第二年600元: the rate a list's lead names for each amount
    listed after it (the amounts lie beyond the reach of PER_NEAR)."""
    m = _LIST_LEAD_RE.search(sub, max(0, s - 90), s)
    if not m or m.end() != s:
        return []
    clauses = re.split(r"[,，]", m.group(1))
    toks = _per_tokens(clauses[-1])
    for c in reversed(clauses[:-1]):        # 连续3年每月发放生活补贴,…分别为: an earlier clause's rate, if it grants
        if toks:
            break
        if _GRANT_RE.search(c) or "发放" in c:
            toks = _per_tokens(c)
    return toks


def _find_damaged(sub: str, base: int, taken: list[tuple[int, int]],
                  windows: list[tuple[int, int]]) -> list[Amount]:
    out: list[Amount] = []
    for m in scan(_DAMAGED_RE, sub, windows):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        pm = _prefix(sub, s)
        has_qual = pm.group("q") is not None
        if pm.start() < s:
            s = pm.start()
        out.append(Amount(text=sub[s:e], start=base + s, end=base + e,
                          kind="cap" if has_qual else "fixed", value_yuan=None,
                          unit=None, per=m.group("per"), unit_missing=True, raw_value=value))
    return out


# A rate whose 元 scraping lost, in a sentence that plainly pays it: 每孩每年发放5000, / 按每人每月600标准 /
# 给予每人2000的一次性补贴. Kept as written and flagged, never given a unit (spec: nothing is guessed).
_LOST_YUAN_RE = re.compile(
    r"(?=每)每(?P<per>(?:人|户|孩|名|亩|台|辆|家|张|床|个)?(?:每?(?:月|年|学年|季度))?)"
    r"(?:[\u4e00-\u9fff]{0,6}?(?:发放|补贴|补助|奖励|给予|资助|发给))?\s?"
    r"(?P<num>\d{2,7}(?:\.\d+)?)(?=\s?(?:标准|的(?:一次性)?(?:补贴|补助|奖励|标准)|[，,。；;]))")


def _find_lost_yuan(sub: str, base: int, taken: list[tuple[int, int]]) -> list[Amount]:
    out: list[Amount] = []
    for m in _LOST_YUAN_RE.finditer(sub):
        s, e = m.start("num"), m.end("num")
        if any(a < e and s < b for a, b in taken) or not m.group("per"):
            continue
        lead = sub[max(0, m.start() - 3):m.start()]
        if not (re.search(r"发放|补贴|补助|奖励|给予|资助|发给", m.group()) or lead.endswith("按") or "给予" in lead):
            continue            # 每年500, with no paying word: a count as likely as money
        out.append(Amount(text=sub[s:e], start=base + s, end=base + e, kind="fixed", value_yuan=None, unit=None,
                          per=m.group("per").replace("每", "/").strip("/") or None, unit_missing=True,
                          raw_value=float(m.group("num"))))
    return out


def _find_percent(sub: str, base: int, taken: list[tuple[int, int]],
                  windows: list[tuple[int, int]]) -> list[Amount]:
    out: list[Amount] = []
    for m in scan(_PERCENT_RE, sub, windows):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        value = parse_number(m.group("num") or m.group("cnnum") or "")
        if value is None or value > 1000:
            continue
        value = round(value * _PERCENT_SCALE[m.group("sign") or m.group("den")], 6)   # 0.5‰ -> 0.05
        ns = m.start("num") if m.group("num") else s
        before = _tail(sub, max(0, ns - RATIO_BEFORE), ns, _SENTENCE_STOPS)
        near_before = _clause_before(sub, ns, RATIO_NEAR)
        after = _clause_after(sub, e, RATIO_AFTER)
        if (_RATIO_NOT_MONEY_RE.search(near_before) or _RATIO_NOT_MONEY_RE.search(after[:3])
                or after.startswith(("以上", "以下"))):   # 使用…产品80%以上的企业: a condition
            continue
        if not (_RATIO_MONEY_RE.search(before) or _RATIO_MONEY_RE.search(after)):
            continue
        kind = "threshold" if _RATIO_FLOOR_RE.search(near_before) else "ratio"
        out.append(Amount(text=sub[s:e], start=base + s, end=base + e, kind=kind, percent=value))
    return out


def _find_leverage(sub: str, base: int, windows: list[tuple[int, int]]) -> list[Amount]:
    out: list[Amount] = []
    for m in scan(_LEVERAGE_RE, sub, windows):
        s, e = m.start(), m.end()
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not a or b is None:
            continue
        window = sub[max(0, s - LEVERAGE_BEFORE):min(len(sub), e + LEVERAGE_AFTER)]
        if not _LEVERAGE_CONTEXT_RE.search(window):
            continue
        out.append(Amount(text=sub[s:e], start=base + s, end=base + e, kind="ratio", ratio=round(b / a, 6)))
    return out


def _propagate_list_kinds(items: list[Amount], text: str) -> None:
    """``不超过10万元、50万元、100万元``: the qualifier of a 、-list covers every item; so does the rate
    of ``每人每月10000元、4000元和3000元`` (items joined by bare separators only)."""
    for prev, cur in zip(items, items[1:]):
        if (prev.kind in ("cap", "threshold") and cur.kind == "fixed" and cur.unit is not None
                and _LIST_LABEL_RE.match(text[prev.end:cur.start])):
            cur.kind = prev.kind
        if (prev.per and prev.per != "一次性" and cur.per is None and cur.kind == "fixed" and cur.unit is not None
                and _BARE_SEPARATOR_RE.fullmatch(text, prev.end, cur.start)):
            cur.per = prev.per


_BARE_SEPARATOR_RE = re.compile(r"\s?(?:[、,，]|和|及|或)\s?")


def _merge_bands(items: list[Amount], text: str) -> list[Amount]:
    """``5万元以上10万元以下``: a lower bound written right before an upper one is one range."""
    out: list[Amount] = []
    for cur in items:
        prev = out[-1] if out else None
        if (prev is not None and prev.value_yuan is not None and cur.value_yuan is not None
                and prev.text.endswith("以上") and cur.text.endswith(("以下", "以内"))
                and prev.end == cur.start and prev.value_yuan < cur.value_yuan
                and prev.per == cur.per and not prev.approximate and not cur.approximate):
            out[-1] = Amount(text=text[prev.start:cur.end], start=prev.start, end=cur.end,
                             kind="threshold" if cur.kind == "threshold" else "range",
                             value_yuan=cur.value_yuan, min_yuan=prev.value_yuan, unit=cur.unit, per=cur.per)
            continue
        out.append(cur)
    return out


# A flattened table whose header names a money column with its unit (拟奖励金额（万元）): the column's cells
# are amounts in that unit (a 公示 list: 1 | 兰州金城百货有限公司 | 城关区 | 30).
# A per-unit column (补贴标准（元/亩）, 标准(元/人·月)) gives per-unit amounts.
TABLE_MONEY_HEAD_RE = re.compile(r"(?:金额|资金|补贴|补助|奖励|奖补|资助|标准|费用|额度|贴息|上限|限额|投资|预算|奖金|收费)[^|\n]{0,6}?"
                                 r"[(（]\s?(?P<u>(?:万元|亿元|元)(?:\s?/\s?[^()（）/|\n\d]{1,5}){0,2})\s?[)）]")
_CELL_NUMBER_RE = re.compile(r"\s*(?P<n>\d{1,9}(?:\.\d{1,4})?)\s*$")
_TABLE_UNIT = {"元": 1.0, "万元": 1e4, "亿元": 1e8}


def _cell_amount(text: str, s: int, e: int, number: str, unit: str) -> Amount:
    """The amount a table cell's bare number states in its column's unit (万元, or 元/亩: per unit)."""
    unit, _, per = unit.partition("/")
    per = "".join(per.split()) or None
    return Amount(text=text[s:e], start=s, end=e, kind="per_unit" if per else "fixed",
                  value_yuan=float(number) * _TABLE_UNIT[unit.strip()], unit=unit.strip(), per=per)


def _shifted(a: Amount, by: int) -> Amount:
    a.start, a.end = a.start + by, a.end + by
    return a


# A caption giving the whole table's unit (单位:万元 / (金额单位:万元)); then a money-named header cell
# (补助金额, 下达资金, 合计) marks the column
TABLE_CAPTION_RE = re.compile(r"(?:金额)?单位\s?[:：]\s?(?P<u>万元|亿元|元)")
_MONEY_COL_RE = re.compile(r"金额|资金|补助|补贴|奖励|奖补|资助|下达|安排|拨付|兑现|额度")
# a count column names money too (补贴户数, 补助人数, 奖励名额): never read in the caption's unit
_COUNT_COL_RE = re.compile(r"户数|人数|人次|名额|个数|家数|数量|面积|亩|件数|台数|比例|率|%")


def _money_col(cells: list[str]) -> int | None:
    """The money column a caption's unit applies to: 资金/金额 first, else another money word; no count column."""
    named = [k for k, c in enumerate(cells) if _MONEY_COL_RE.search(c) and not _COUNT_COL_RE.search(c)
             and not re.search(r"\d", c)]
    best = [k for k in named if re.search(r"资金|金额", cells[k])]
    return (best or named or [None])[0]


def _caption_before(sub: str, pos: int) -> re.Match | None:
    """The nearest caption (单位:万元) above ``pos``, within the few lines over a table's header."""
    last = None
    for m in TABLE_CAPTION_RE.finditer(sub, max(0, pos - 80), pos):
        last = m
    return last


def _find_table_cells(sub: str, start: int, taken: list[tuple[int, int]]) -> list[Amount]:
    if "|" not in sub:
        return []
    caption = TABLE_CAPTION_RE.search(sub)
    if not TABLE_MONEY_HEAD_RE.search(sub) and caption is None:
        return []
    out: list[Amount] = []
    col = unit = None
    width = 0
    pos = 0
    for line in sub.split("\n"):
        lo, pos = pos, pos + len(line) + 1
        if line.count("|") < 1:
            col = None
            continue
        cells = line.split("|")
        if col is None:
            for k, cell in enumerate(cells):
                h = TABLE_MONEY_HEAD_RE.search(cell)
                if h:
                    col, unit, width = k, h.group("u"), len(cells)
                    break
            else:
                cap = _caption_before(sub, lo) if caption is not None else None
                k = _money_col(cells) if cap is not None else None
                if k is not None:
                    col, unit, width = k, cap.group("u"), len(cells)
            continue
        if len(cells) != width:
            col = None
            continue
        c0 = lo + sum(len(c) + 1 for c in cells[:col])
        m = _CELL_NUMBER_RE.match(cells[col])
        if m is None:
            continue
        s, e = c0 + m.start("n"), c0 + m.end("n")
        if any(x < e and s < y for x, y in taken):
            continue
        out.append(_shifted(_cell_amount(sub, s, e, m.group("n"), unit), start))
    return out




def _find_spaced_rows(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Amount]:
    """Rows of a table under a header line with a money column and its unit (序号 姓名 … 拟补助金额（元） /
    | 序号 | 项目名称 | 总投资（万元） | … |), cells separated by spaces (tabs folded) or by |: a row as wide
    as the header gives the bare number in that column; a row that ends in a bare number (a 合计 row)
    gives it when the money column is the last. The rows may stand in records of their own, so the header
    is looked for above them, across lines of the same width (and a table's rule rows) only."""
    out: list[Amount] = []
    for pos, cells in _lines_cells(text, start, end):
        if len(cells) >= 2:
            head = _row_header(text, pos, len(cells))
            if head is not None:
                col, width, unit = head
                k = col if len(cells) == width else len(cells) - 1 if col == width - 1 else None
                c = cells[k] if k is not None else None
                n = _CELL_NUMBER_RE.fullmatch(text, c[0], c[1]) if c else None
                if n and not any(x < c[1] - start and c[0] - start < y for x, y in taken):
                    out.append(_cell_amount(text, c[0], c[1], n.group("n"), unit))
    return out


def _lines_cells(text: str, start: int, end: int):
    """(line start, cells) of each line of text[start:end]."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        yield pos, _line_cells(text, pos, line_end)
        pos = line_end + 1


# A table whose line breaks were lost: header and rows on one line (序号 企业名称 补助金额（万元） 1 某公司 50 2 …)
_SEQ_HEAD = "序号"
_SEQ_AFTER_STOP = (":序号", "：序号", "。序号", "；序号", ";序号")
# of two money columns the grant's, not the project's total or budget (总投资（万元） 补助金额（万元）)
_NOT_GRANT_HEAD_RE = re.compile(r"投资|预算|总额|总计|营业|产值|收入")
_FLAT_HEAD_MAX = 10     # header cells at most


def _find_flat_rows(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Amount]:
    """A table flattened onto one line: a header opened by 序号 with a money column and its unit, then rows as
    wide as the header, each opened by its number in sequence (1, 2, 3 …). A row that breaks the sequence or
    holds no bare number in the money column ends the table (a cell with a space in it would shift the rest)."""
    out: list[Amount] = []
    for _, cells in _lines_cells(text, start, end):
        words = [text[a:b] for a, b in cells]
        i = 0
        while i < len(words):
            if not (words[i] == _SEQ_HEAD or words[i].endswith(_SEQ_AFTER_STOP)):
                i += 1
                continue        # (…分配如下:序号 企业名称 …: the lead-in's stop glued to the header)
            k = i + 1                   # the header: non-numeric cells up to the first row's 1 (or the next 序号)
            while k < len(words) and k - i <= _FLAT_HEAD_MAX and words[k] != "1" and words[k] != _SEQ_HEAD \
                    and not _CELL_NUMBER_RE.fullmatch(words[k]):
                k += 1
            width = k - i
            money = [j for j in range(i + 1, k) if TABLE_MONEY_HEAD_RE.search(words[j])]
            if k >= len(words) or words[k] != "1" or width < 3 or not money:
                i += 1
                continue
            grant = [j for j in money if not _NOT_GRANT_HEAD_RE.search(words[j])]
            head = (grant or money)[0]
            col = head - i
            unit = TABLE_MONEY_HEAD_RE.search(words[head]).group("u")
            row, r = k, 1
            while row + width <= len(words) and words[row] == str(r):
                nxt = words[row + width] if row + width < len(words) else None
                if nxt != str(r + 1) and str(r + 1) in words[row + 1:row + width]:
                    break       # the next row's serial inside this row: a cell is missing and the columns shift
                a, b = cells[row + col]
                n = _CELL_NUMBER_RE.fullmatch(text, a, b)
                if n is None:
                    break
                if not any(x < b - start and a - start < y for x, y in taken):
                    out.append(_cell_amount(text, a, b, n.group("n"), unit))
                row, r = row + width, r + 1
            i = max(row, i + 1)
    return out


_CELL_RE = re.compile(r"\S+")
_PIPE_CELL_RE = re.compile(r"[^|]+")
# a bare number standing as a cell of its own: only then is a table row worth reading
_BARE_NUMBER_CELL_RE = re.compile(r"(?:^|[ \t|])\d{1,9}(?:\.\d{1,4})?(?=[ \t|]|$)", re.M)


def _line_cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the line text[a:b] (stripped spans): split at | when it has two, else at spaces."""
    if text.count("|", a, b) >= 2:
        cells = []
        for m in _PIPE_CELL_RE.finditer(text, a, b):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                cells.append((s, e))
        return cells
    return [m.span() for m in _CELL_RE.finditer(text, a, b)]


# (text, {line start: header}): the rows of one table walk back to their header once. One tuple, replaced
# whole, so a thread never reads another text's memo.
_SPACED_MEMO: tuple = (None, {})


def _row_header(text: str, pos: int, width: int, max_rows: int = 200) -> tuple[int, int, str] | None:
    """(money column, header width, unit) of the header line above the line at ``pos``, when every line
    between is as wide as the header, a table's rule row, or a row ending in a number."""
    global _SPACED_MEMO
    cached = _SPACED_MEMO
    if cached[0] is not text:
        cached = _SPACED_MEMO = (text, {})
    memo = cached[1]
    seen = [pos]
    head = None
    for _ in range(max_rows):
        if pos in memo:
            head = memo[pos]
            break
        if pos == 0:
            break
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        cells = _line_cells(text, prev_start, pos - 1)
        if len(cells) >= 3:
            money = [k for k, (a, b) in enumerate(cells) if TABLE_MONEY_HEAD_RE.search(text, a, b)]
            if money:
                a, b = cells[money[0]]
                head = (money[0], len(cells), TABLE_MONEY_HEAD_RE.search(text, a, b).group("u"))
                break
        if len(cells) >= 2 and text[cells[0][0]:cells[0][1]] != "序号" \
                and not any(_CELL_NUMBER_RE.fullmatch(text, a, b) for a, b in cells):
            # a header that names its money column with the unit in the table's caption above it
            # (补助资金安排表（单位：万元） / 项目名称 补助金额 / 甲项目 50); numbered rows (序号 …) are the caption
            # tables' (tables.caption_cells), whose rows may be narrower than their header
            k = _money_col([text[a:b] for a, b in cells])
            cap = _caption_before(text, prev_start) if k is not None else None
            if cap is not None:
                head = (k, len(cells), cap.group("u"))
                break
        if len(cells) != width and not SPACED_ROW_RE.fullmatch(text, prev_start, pos - 1) \
                and not ("---" in text[prev_start:pos - 1] and RULE_ROWS_RE.fullmatch(text, prev_start, pos - 1)):
            break
        pos = prev_start
        seen.append(pos)
    for p in seen:
        memo[p] = head
    return head


def _find_vertical_table_cells(sub: str, start: int, taken: list[tuple[int, int]]) -> list[Amount]:
    """The same for a table flattened one cell per line (序号\n单位名称\n补助金额（万元）\n1\n甲公司\n200):
    the money column is the header cell that names a money unit, else the one a caption above (单位:万元)
    sizes; its cell in each row that lines up (``nlp.tables``) is an amount."""
    caption = TABLE_CAPTION_RE.search(sub)
    if not TABLE_MONEY_HEAD_RE.search(sub) and caption is None:
        return []
    cells, offs, pos = [], [], 0
    for line in sub.split("\n"):
        if line.strip():
            cells.append(line)
            offs.append(pos)
        pos += len(line) + 1
    out: list[Amount] = []
    for t in vertical_tables(cells):
        header = cells[t.head:t.head + t.width]
        head = [k for k, c in enumerate(header) if TABLE_MONEY_HEAD_RE.search(c)]
        unit = TABLE_MONEY_HEAD_RE.search(header[head[0]]).group("u") if head else None
        cap = _caption_before(sub, offs[t.head]) if not head and caption is not None else None
        if cap is not None:
            k = _money_col(header)
            head, unit = ([k] if k is not None else []), cap.group("u")
        if not head:
            continue
        for row in range(1, t.rows + 1):
            k = t.head + row * t.width + head[0]
            m = _CELL_NUMBER_RE.match(cells[k])
            if m is not None and m.end() == len(cells[k]) and m.group("n") == cells[k].strip():
                s0 = offs[k] + m.start("n")
                e0 = offs[k] + m.end("n")
                if not any(x < e0 and s0 < y for x, y in taken):
                    out.append(_shifted(_cell_amount(sub, s0, e0, m.group("n"), unit), start))
    return out


# the scans of find_amounts, in its order: one is skipped, unscanned, where the characters its every match holds are
# absent (a yen sign, a ratio's colon)
_SCAN_GATE = RuleGate([_SHARED_UNIT_RE, _YEN_RE, _MONEY_RE, _DAMAGED_RE, _PERCENT_RE, _LEVERAGE_RE])


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every money amount and money ratio in ``text[start:end]``, offsets into ``text``."""
    if not text:
        return []
    start, end = clamp(text, start, end)
    sub = text[start:end]
    windows = trigger_windows(_TRIGGER_RE, sub, _WINDOW_BEFORE, _WINDOW_AFTER)
    run = _SCAN_GATE.runnable(sub) if windows else ()
    shared = _find_shared_unit(sub, start, windows if 0 in run else ()) + _find_yen(sub, start, windows if 1 in run else ())
    money = shared + _find_money(sub, start, windows if 2 in run else (), [(a.start - start, a.end - start) for a in shared])
    taken = [(a.start - start, a.end - start) for a in money]
    damaged = _find_damaged(sub, start, taken, windows if 3 in run else ())
    if "每" in sub:
        damaged += _find_lost_yuan(sub, start, taken + [(a.start - start, a.end - start) for a in damaged])
    taken += [(a.start - start, a.end - start) for a in damaged]
    percent = _find_percent(sub, start, taken, windows if 4 in run else ())
    taken += [(a.start - start, a.end - start) for a in percent]
    leverage = [a for a in _find_leverage(sub, start, windows if 5 in run else ())
                if not any(x < a.end - start and a.start - start < y for x, y in taken)]
    cells = _find_table_cells(sub, start, taken)
    if "\n" in sub and not cells:
        cells = _find_vertical_table_cells(sub, start, taken)
    if not cells and _BARE_NUMBER_CELL_RE.search(sub):
        cells = _find_spaced_rows(text, start, end, taken)
    if not cells and "序号" in sub and _BARE_NUMBER_CELL_RE.search(sub):
        cells = _find_flat_rows(text, start, end, taken)
    if not cells:   # (caption_cells is memoised per text: no scan of the whole document for each measure)
        cells = [_cell_amount(text, s, e, text[s:e], unit) for s, e, unit in caption_cells(text)
                 if start <= s and e <= end and not any(x < e - start and s - start < y for x, y in taken)]
    items = sorted(money + damaged + percent + leverage + cells, key=lambda a: (a.start, a.end))
    _propagate_list_kinds(items, text)
    items = _merge_bands(items, text)
    for a in items:
        if a.kind == "fixed" and a.per and a.per != "一次性":
            a.kind = "per_unit"     # spec kind: a rate per person, 平方米/月, 基地/年 (cap wins over it); a one-off sum is fixed
    return items
