"""Provisions inside a record, and what kind each one is.

``split_measures`` cuts a document into records by layout (numbered items, paragraphs). The spec
counts provisions, not paragraphs: news prose that reports 对 A 给予…；对 B 奖励…；C 可申请… is three
measures, an eligibility list is ``criterion``, reporting context is ``news``. This module cuts each
content record into clauses (at 。；! ? and line breaks, and at commas), and decides per clause
whether it continues the provision before it or starts a new item, and of which kind.

Two deciders share the clause cutting and the features:

* the rules (:func:`rule_label`): a sentence in a measure record that opens with a provision
  wording starts a new measure; lists under a conditions lead-in are criteria; datelines and
  announcements are news;
* a linear model (``resources/kinds.json``: logistic regression over the clause head's characters and
  bigrams, the sentence's first 20 characters' bigrams, a few clue patterns and the rules' own label),
  trained by ``bench/train_kinds.py`` on the tune parts of the three spec-aligned gold sets (real pages of
  corpus-dev2 and corpus-dev, and the genre pages written blind by helpers; ~20,700 clauses of 497
  documents). It ships and is the default (:data:`DEFAULT_DECIDER`): the rules' label stands unless the
  model gives another at least ``confidence`` (0.6), and the model is not asked where
  :func:`consults_model` says its overrides do not pay. ``ZHENGCE_KINDS=rules`` keeps the rules alone,
  ``ZHENGCE_KINDS=off`` layout items only; without the file the rules decide.

Measured 2026-12-07 (bench/train_kinds.py: 5-fold CV grouped by document over all tune documents, each
fold's model reading the held-out documents through this module as bench/score_dev2.py scores them; the
rules are in-sample on every set): measure starts F1 / kinds F1 — dev2 rules 0.798 / 0.830, model
0.795 / 0.833; devspec 0.672 / 0.789 → 0.675 / 0.789; genre 0.835 / 0.872 → 0.845 / 0.883. Sealed pages
(unseen by both): dev2 0.520 / 0.634 → 0.541 / 0.661, genre 0.813 / 0.856 → 0.822 / 0.866, devspec
0.616 / 0.730 → 0.616 / 0.725. Cost (bench/ingest.py --extract --kinds-cost): +10-16% of extraction CPU;
loads in ~20 ms. A model trained on dev2 alone (earlier rounds) had not beaten the rules on the sealed pages.

Offsets stay offsets into the whole document text; a record's path is kept by its parts.
"""
from __future__ import annotations

import base64
import json
import math
import os
import re
from functools import lru_cache
from itertools import islice, repeat
from pathlib import Path

from .numbering import ITEM_MARK

RESOURCE = Path(__file__).resolve().parent / "resources" / "kinds.json"
# Kinds whose records are cut into provisions and relabelled.
REFINED_KINDS = frozenset({"measure", "goal", "preamble", "other"})
DEFAULT_DECIDER = "model"     # falls back to the rules when resources/kinds.json is absent

_SENT_END = "。；;！？!?"
_OPEN = "(（“《[【「"
_CLOSE = ")）”》]】」"
_BLANK = " \t\r\u3000\xa0"

# ---------------------------------------------------------------- clue words
_MARK = r"(?:[\d一二三四五六七八九十]{1,3}[、.．)）]\s*|[(（][\d一二三四五六七八九十]{1,3}[)）]\s*|[一二三四五六七八九十]是|第[一二三四五六七八九十\d]+条\s*|第[一二三四五六七八九十]{1,3}[,，、]\s*)?"
# A clause that opens like a provision: who gets what, who must do what.
_PROVISION_OPEN_RE = re.compile(
    _MARK + r"(?:20\d\d年?\s*[—\-－至到~]\s*20\d\d年|[自从][^,，。]{2,14}起|(?:今年|明年|本年度?)起|通过|此外|另外|与此同时|同时|对于?|针对|凡|给予|鼓励|支持|引导|推动|推进|实施|实行|落实|建立|完善|加强|加大|加快|开展|积极|大力|持续|进一步|全面|着力"
    r"|设立|安排|提供|免征|减免|减按|免收|允许|放宽|取消|简化|优化|探索|深化|严禁|禁止|不得|严格|提高|提升|降低|扩大|统筹|发放|开发|组织"
    r"|各地|各级|各有关|各相关|[市区县省]财政|[市区县省]级财政|中央财政|经认定|经评审|经审核|新引进|新认定|新建|新设立|首次|符合条件的|申请|申报|按照?|依据"
    r"|每[人户家个年月]|所需|资金|补贴|补助|奖励|贷款|当年"
    r"|[\u4e00-\u9fff]{2,10}(?:可|可以|应|应当|须|必须|将|要|由)"
    r"(?:[\u4e00-\u9fff]{0,6}(?:享受|申请|获得|给予|按|向|在|于|对|参照|实行|实施|纳入|提供|免费|领取|提取|办理"
    r"|推出|出台|制定|启动|设立|建立|发放|安排|延长|取消|放宽|加大|扩大|降低|提高|优先)))")
# A clause that only elaborates the one before it.
_CONTINUE_RE = re.compile(r"^(?:其中|即|如|包括|具体|主要|以上|上述|该(?![市县区省州](?![场域级属内]))|这|此(?!外|前)|其(?!次|他|它)|并|且|或|以|从而|进而|以便|确保|力争|使|旨在|用于|重点|特别是|尤其)")
# A conditional grant: 当年获得…的,分别奖励… / 个人获得…的,每件资助…
_COND_GRANT_RE = re.compile(r"的[,，]\s*(?:[^,，。]{0,12}?)(?:给予|奖励|补贴|补助|资助|可|按|享受|一次性|分别|每)")
# Eligibility wording: who qualifies, not what is granted.
_CRITERION_HEAD_RE = re.compile(
    _MARK + r"(?:(?:根据|按照|依据)[^,，。:：]{0,16}(?:规定|要求)[,，]\s*)?(?:[^,，。:：]{0,20}(?<!符合)(?<!满足)(?<!具备)(?:对象|条件|主体|范围)[^,，。]{0,4}(?:为|是|须|应|包括|[:：])|(?:申报|申请)[^,，。]{0,20}(?:须|应当?|必须)(?:具备|符合|满足|是|为)"
    r"|[^,，。]{0,10}(?:须|应当?|必须)(?:同时)?(?:具备|符合|满足)(?:以下|下列)?[^,，。]{0,6}条件|具有|具备|拥有|持有|依法(?:注册|登记|设立)|在[^,，。]{1,12}(?:注册|登记)"
    r"|年龄|无不良|未受|信用良好|已经纳入|不再享受|享受这一政策的"
    r"|[^,，。]{0,16}年龄[^,，。]{0,8}(?:在|不超过|不得超过|以下|以上)|[^,，。]{0,16}(?:具有|具备)[^,，。]{0,16}(?:学历|学位|职称|资格|资质|能力))")
# Eligibility words anywhere near the head of a sentence that grants nothing.
_LIST_OF_CASES_RE = re.compile(r"(?:下列|以下)[^,，。]{0,6}(?:情况|情形|条件)")
# 入住养老机构的,每人每年补贴15000元: a conditional grant in a comma-separated series
# A tier of a standard written elliptically: who, then straight the amount (硕士研究生每人每月1500元)
_TIER_RE = re.compile(r"(?P<who>[\u4e00-\u9fff（）()、]{1,14}?)(?:每(?:人|户|家|个|名|项|亩|件|台|套|床)?(?:每(?:年|月))?)?\s?"
                      r"\d[\d.,，]*\s?(?:万|亿)?元")
# a benefit sized by a length, not money: 免收3个月场地租金, 3年内免收房租
_BENEFIT_LEN_RE = re.compile(r"(?:免收|免征|免除|免租|减半|减免)[^,，。;；]{0,8}?\d+\s?个?(?:月|年)|(?<![\d.])\d+\s?个?(?:月|年)内?(?:免收|免征|免租|减半|减免)")
_TIER_NOT_WHO_RE = re.compile(r"给予|发放|奖励|补贴|补助|资助|享受|安排|设立|投入|拨付|下达|列支|筹集|支持|[对由从按将把为至]|突破|达到|超过|提高|增加|降低|最高|以上|额度|标准|金额|总额|规模|投资|收入|营业")
_PARALLEL_GRANT_RE = re.compile(r"^[^,，。]{2,24}的[,，][^,，。]{0,12}(?:给予|奖励|补贴|补助|资助|每)[^。；;]{0,20}?\d")
_COND_LEAD_RE = re.compile(r"条件|对象|情形|情况之一|资格|申报主体|享受主体|适用范围|下列[^,，。]{0,4}(?:企业|单位|人员)")
# A line that opens with the items above as its subject and names who handles them (以上奖补资金由市科技局…)
_ALL_ABOVE_BY_RE = re.compile(r"(?:以上|上述)[^,，。；;]{0,10}?(?:资金|奖补|补贴|奖励|补助|政策|措施|事项)[^,，。；;]{0,4}?由")
# a case and the change a provision makes for it (…首套…的,贷款最高额度由50万元提高至60万元;|购买二套住房的,首付款比例由30%
# 调整为20%): each case its own provision
_CASE_CHANGED_RE = re.compile(r"[^,，。；;]{2,24}的[,，][^。；;]{0,30}?(?:调整为|调整至|提高至|提高到|降低至|降低到|下调至|上调至"
                              r"|放宽至|放宽到|延长至|延长到|缩短至|缩短为)")
_COND_HEAD_RE = re.compile(r"(?![\u4e00-\u9fff]{0,4}(?:放宽|降低|简化|优化|调整|取消|完善|明确|提高|扩大))"   # 放宽申领条件: changes, measures
                           r"[\u4e00-\u9fff]{0,6}(?:申请|申报|享受|认定|补贴|支持|扶持|适用|奖励|资助|受理|报名|参与|办理|申领|准入|入选|遴选"
                           r"|评选|参评|入驻|入园|资格|基本)(?:条件|对象)(?:及条件|和条件)?")
_NEWS_HEAD_RE = re.compile(
    r"记者|通讯员|获悉|本报讯|[^\s]{0,8}讯[(（\s]|据介绍|据了解|据悉|(?<![\d一二三四五六七八九十])日前|近日|近期|近年来|昨天|昨日|当天|日电|^今年以来|^截至|^目前[,，]"
    r"|^(?:\d{4}年)?\d{1,2}月\d{1,2}日[,，]|^[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[,，]"
    r"|新闻发言人|发布会|会上|表示[,，:：]|介绍[,，:：]|业内人士|同期声")
# _NEWS_HEAD_RE.search as a yes/no, faster: the unanchored words all open with a literal, so the regex
# engine skips to their first characters (日前's lookbehind moved after the 日); the ^ forms are a
# match at 0 and the …讯( form runs only on a text with 讯 in it
_NEWS_ANY_RE = re.compile(r"记者|通讯员|获悉|本报讯|据介绍|据了解|据悉|日(?<![\d一二三四五六七八九十]日)前|近日|近期|近年来|昨天|昨日|当天|日电"
                          r"|新闻发言人|发布会|会上|表示[,，:：]|介绍[,，:：]|业内人士|同期声")   # 同期声: a TV item's sound bite
_NEWS_START_RE = re.compile(r"今年以来|截至|目前[,，]|(?:\d{4}年)?\d{1,2}月\d{1,2}日[,，]"
                            r"|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[,，]")
_NEWS_XUN_RE = re.compile(r"[^\s]{0,8}讯[(（\s]")


def _news_head(s: str) -> bool:
    """``bool(_NEWS_HEAD_RE.search(s))``."""
    return bool(_NEWS_ANY_RE.search(s) or _NEWS_START_RE.match(s) or "讯" in s and _NEWS_XUN_RE.search(s))


_ANNOUNCE_RE = re.compile(r"(?:印发|出台|发布|下发|公布|制定)(?:了|实施了)?[^,，。]{0,6}《|联合(?:印发|发布|下发)|正式(?:印发|发布|出台)|决定[,，]?$")
# 拟对以下45家企业给予补助,共计补助资金1200万元: a total that is proposed or planned, not reported
_PLANNED_RE = re.compile(r"拟(?:对|向|为|给予|安排|下达|拨付|资助|奖励|补助|补贴)|(?<!已)将(?:对|向|为|给予|安排)|计划(?:安排|投入|下达)")


def _reports(s: str) -> bool:
    """The sentence reports what was done (累计发放…, 共计…), and does not propose it (拟…共计…) nor make it a
    case's condition (年销售额同比增长且增量达到5000万元以上的,按增量部分的0.5‰给予奖励)."""
    return bool(_REPORT_RE.search(s)) and not _PLANNED_RE.search(s) and not _COND_GRANT_RE.search(s) \
        and not _COND_GROWTH_RE.search(s)


# the recipients an item of a payout list counts (涉及企业4家, 共涉及项目12个)
_PAYOUT_COUNT_RE = re.compile(r"(?:本批次?|共|合计)?涉及(?:企业|单位|项目|人员|个人|主体|机构|对象)?\s?\d+\s?(?:家|个|户|人|项|名|所)")
# growth as the condition of a case (对年进出口额1000万美元以上且同比增长的企业,…): no statistics reported
_COND_GROWTH_RE = re.compile(r"对[^,，。；;]{0,40}?同比(?:增长|下降)[^,，。；;]{0,30}?的")


_STAT_RE = re.compile(r"累计|共计|共为|共有|已(?:有|经|累计|发放|为)|惠及|同比|增长\d|截至|达到\d")
# Reporting of what was done (statistics), wherever it stands: news, not a provision.
_REPORT_RE = re.compile(r"自\d{4}年以来|以来[,，]?(?:累计|共)|累计(?:发放|为|投入|完成|举办|培训|帮扶)|共为|共计|惠及|同比(?:增长|下降)|截至目前"
                        r"|(?:去年|上年|全年|近年|此前|^\d{4}年[,，](?![^。；;]{0,24}?(?:将|要|力争|计划|预计|拟)))[^,，。;；]{0,12}共(?:发放|兑现|兑付|拨付|投入|完成|帮扶|培训|扶持|补贴|奖励|资助|认定)"
                        # a past stretch and what it brought (今年上半年,全市城镇新增就业7.6万人,发放…)
                        r"|^(?:今年|去年|上年|前年|\d{4}年)(?:上半年|前三季度|第?[一二三]季度|1?\d\s?[-—至]\s?1?\d月|以来)[,，]"
                        r"(?![^。；;]{0,24}?(?:将|要|力争|计划|预计|拟))[^。；;]{0,16}?(?:新增|发放|兑现|完成|实现|帮助|吸纳|培训|惠及|累计|共)"
                        # a past year and its totals (去年,全省共发放…; 2023年,全省累计发放…): a reply's or a report's
                        # record. A bare year with 共 stays out: a plan sets targets so too (2026年,全省共新建…)
                        r"|^(?:去年|上年|前年)[,，](?![^。；;]{0,24}?(?:将|要|力争|计划|预计|拟|起|前|底|以前))"
                        r"[^。；;]{0,16}?(?:共|累计|已)(?:发放|兑现|兑付|拨付|投入|完成|新建|新增|帮扶|培训|扶持|认定|落实|为|有|惠及)"
                        r"|^\d{4}年[,，](?![^。；;]{0,24}?(?:将|要|力争|计划|预计|拟|起|前|底|以前))"
                        r"[^。；;]{0,16}?(?:累计|已经?|共计)(?:发放|兑现|兑付|拨付|投入|完成|新建|新增|帮扶|培训|扶持|认定|落实|为|有|惠及)")
# A reporting frame as a whole clause: 《实施意见》指出, / 据了解,
_FRAME_RE = re.compile(r"^(?:[^,，。]{0,30}(?:指出|表示|获悉|介绍|强调|决定|显示)|据(?:了解|悉|介绍|统计)|记者(?:还|也)?(?:注意到|了解到|发现))[,，:：]$")
_CONNECTIVE_RE = re.compile(r"^(?:同时|与此同时|此外|另外|其次|再次|最后|另一方面)[,，]$")
# A report turning to the policy's content: 政策共有十条。其中,|对新落户的博士给予… (a provision after it)
_NEWS_TURN_RE = re.compile(r"^(?:其中|具体而言|具体来看|具体来说)[,，]$")
# Action on a policy with no opener verb: 实施至…, 延长至…, 暂免征收…
_ACTION_RE = re.compile(r"(?:延长|实施|执行|下调|上调|提高|降低|放宽|调整)(?:至|到)|暂免|免征|减半|减按|暂停|不再|可按|按规定|按照规定")
_TARGET_RE = re.compile(r"(?:增长|(?<![不未])达到|控制在|提高到|突破|(?<![不未])超过|稳定在|保持在?)\s*\d+(?:\.\d+)?\s*%?(?:左右|以上|以内)?|^(?:到|至)20\d\d年")
_YEAR_TARGET_RE = re.compile(r"^(?:到|至|力争到?|争取到?)20\d\d年(?:底|末)?[,，]")
_GOAL_RE = re.compile(r"^(?:到|至|力争|争取|预计)[^,，。]{0,6}20\d\d年|目标|力争|建成|形成[^,，。]{0,10}(?:体系|格局)|达到\d|突破\d")
_OTHER_RE = re.compile(
    r"^(?:[(（][^)）]{0,60}负责[)）]|【[^】]{2,8}】|——[^。；;]{2,60}$|(?:联系(?:人|单位|部门|方式)(?:及电话)?|联系电话|咨询电话|电\s*话|地\s*址|邮\s*编|邮\s*箱|传\s*真)\s*[:：]"
    r"|[•·]?\s*(?:格式|大小|页数|申报日期|发布日期|发布时间|来源|浏览次数|索引号|TAG|标签)\s*[:：]|" + _MARK
    + r"(?:(?:本(?:实施)?(?:办法|细则|意见|通知|方案|政策|规定|条例|规则|措施|指引|目录|指南|公告|通告|清单|一本通|汇编|手册)|《[^》]{1,40}》(?=\s?(?:自|由|有效期)))[^。]{0,30}(?:施行|解释|有效期|执行|所称|所指|适用|自印发|自发布)"
    r"|[^,，。]{2,24}(?:是指|系指|是以[^,，。]{2,24}为)|[^,，。]{1,12}[,，]\s*指|(?:文件|政策)?依据[:：]|[^,，。:：]{2,30}(?:文件|政策)依据[:：]"
    # the policy's own term, its subject not written 本…: 该政策自2024年6月15日起实施, 政策执行至2024年12月31日 —
    # a sentence that only dates it (政策执行至2025年底，对新引进的博士给予…: a grant, a provision)
    r"|(?![^。；;]*?(?:给予|补贴|补助|奖励|资助|发放|减免|免收|免征|贴息|奖补|可申请|可享受))"
    r"(?:本|该|此|上述|以上)?(?:项|次|轮)?(?:政策措施|政策|措施|标准|活动)\s*(?:自[^,，。；;]{2,20}?起\s*(?:施行|实施|执行|生效)"
    r"|(?:执行|实施)期?(?:至|到)\s*\d{4}\s*年|有效期(?:至|到|为)?\s*[\d一二三两五])))")
_AMOUNT_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿|千)?元|(?<![\d.])\d+(?:\.\d+)?%")
_PLACE_DESCRIBED_RE = re.compile(
    r"[^,，。；;\n]{0,24}?(?:孵化器|众创空间|园区|产业园|创业园|基地|公司|集团|该园|该基地|该中心)(?:[,，]?\s*(?:围绕|是|已|目前"
    r"|位于|占地|总投资|建成|成立|共有|拥有|积极|先后|始终|一直|累计|主要|作为|坚持|致力|以[^,，。；;]{2,30}为(?:宗旨|目标|依托|主|核心|重点)))")
_NEXT_TARGET_RE = re.compile(r"(?:力争|争取|确保)(?:到|在)?\s*20\d\d年|到20\d\d年(?:底|末)?")
_NEXT_STEP_RE = re.compile(r"下一步[,，]|具体[^,，。；;]{0,12}?由")
_SANCTION_RE = re.compile(r"对[^,，。；;]{0,10}?(?:弄虚作假|骗取|虚报|冒领|套取|截留|挪用)")
_OBJECTION_SENT_RE = re.compile(r"(?:公示期(?:内|间)[,，]?\s*)?(?:如|若|对|任何|凡)[^。;；\n]{0,40}?有异议")
_SUPPORT_RE = re.compile(r"给予|补贴|补助|奖励|资助|扶持|减免|免征|免收|免除|减半|立减|返还|贴息|奖补|支持|提供|发放|贷款")
_DUTY_RE = re.compile(r"应当|(?<![相对供反])应(?![用急])|须|必须|(?<![主重需])要(?![素点求闻])|不得|严禁|负责|由(?![于此])")


# ---------------------------------------------------------------- clauses

# [。；;！？!?,，\n(（“《\[【「)）”》\]】」：]|(?<!\d):(?!\d), written to open with one character class (the
# regex engine then skips to those characters: clauses() ~1/3 faster); a ':' needs no digit on either side
_DELIM_RE = re.compile(r"[。；;！？!?,，\n(（“《\[【「)）”》\]】」：:](?:(?<!:)|(?<!\d:)(?!\d))")
_SKIP_RE = re.compile(r"[ \t\r\u3000\xa0\n]*(?:[”’」』](?=[^,，。；;、)）]))?")   # a closing quote after a sentence end: no clause's start


def clauses(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, punctuation before) of the clauses of text[start:end]; the first clause's
    punctuation is ``^``. Cuts after sentence ends, commas and line breaks outside brackets."""
    out: list[tuple[int, int, str]] = []
    depth = 0
    cur, before = start, "^"
    pos = start
    while True:
        m = _DELIM_RE.search(text, pos, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        pos = i + 1
        if ch in _OPEN:
            if ch == "“" and i > start and text[i - 1] in ":：":
                continue        # 《办法》明确:“对…给予…;对…” — a quoted document is cut like the document
            depth += 1
            continue
        if ch in _CLOSE:
            depth = max(0, depth - 1)
            continue
        if depth and ch != "\n":
            continue
        if ch == "\n":
            depth = 0
        j = _SKIP_RE.match(text, i + 1, end).end()
        if j < end and j - cur > 1 and i > cur:
            out.append((cur, i + 1, before))
            cur = j
            before = "\n" if ch == "\n" or "\n" in text[i:j] else ("；" if ch in "；;" else
                                                                  ("。" if ch in _SENT_END else
                                                                   (":" if ch in ":：" else ",")))
        pos = max(pos, j)
    if cur < end:
        out.append((cur, end, before))
    if len(out) > 3 and 80 <= end - start <= _STOPLESS_MAX and not _STOP_RE.search(text, start, end):
        out = _restore_stops(text, out)
    elif len(out) > 4 and end - start >= _RUN_ON:
        out = _restore_run_ons(text, out)
    return out


# A long record with no sentence stop at all: a scrape that turned every 。 into a comma (一、对…不再重复奖励,
# 二、对…). A comma before a clause that can only open a sentence (对…, 鼓励…, 同时…) is read as the stop
# it stood for — but not after a 对…的 condition, whose grant follows the comma.
_STOP_RE = re.compile(r"[。；;！？!?]")
_STOPLESS_MAX = 20000   # a garbled page's line is a few thousand characters; a megabyte without a stop is no text
_STOP_OPEN_RE = re.compile(r"对(?!于此|此)|对于|鼓励|支持|各地|各级|各[县市区]|凡|同时|此外|另外|[一二三四五六七八九十]是"
                           r"|申请|申报|经认定|新引进|符合条件的")


# A sentence this long (clauses joined by commas only) is rare in written policy text (tune pages: 2
# sentences of 150+ characters have a comma before an opener, neither cut by readers there) and the
# usual shape of a paragraph whose inner stops a scrape turned into commas: its stops are restored too.
_RUN_ON = 150


def _restore_run_ons(text: str, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    res, k = list(out), 0
    while k < len(out):
        j = k + 1
        while j < len(out) and out[j][2] in ",:":
            j += 1              # out[k:j] is one sentence (a stop, a break or a colon-free run of commas)
        if j - k > 4 and _RUN_ON <= out[j - 1][1] - out[k][0] <= _STOPLESS_MAX:
            res[k:j] = _restore_stops(text, out[k:j])
        k = j
    return res


def _restore_stops(text: str, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    res = [out[0]]
    for k in range(1, len(out)):
        s, e, b = out[k]
        if b == "," and _STOP_OPEN_RE.match(text, s, e) \
                and not text[out[k - 1][0]:out[k - 1][1]].rstrip(",， ").endswith("的"):
            b = "。"
        res.append((s, e, b))
    return res


# ---------------------------------------------------------------- features

def sentence(text: str, units: list[tuple[int, int, str]], i: int) -> str:
    """Clause ``i`` extended over the commas that follow it, to its sentence end — at most _SENTENCE_MAX
    characters: a page that lost its stops is one sentence, and every clause's rules would read it whole."""
    s, e = units[i][0], units[i][1]
    j = i + 1
    while j < len(units) and units[j][2] in ",:" and units[j][1] - s <= _SENTENCE_MAX:
        e = units[j][1]
        j += 1
    return text[s:e]


_SENTENCE_MAX = 400


def _title_first(text: str, units: list[tuple[int, int, str]], title: str | None = None) -> int:
    """Index of the clause after a short title sentence that opens the record (`(一)三孩产妇育儿津贴。`),
    else -1: the sentence right after such a title explains it."""
    k = 0
    # on the slice: a pattern's ^ never matches at a ``pos`` inside the text
    first = text[units[0][0]:units[0][1]]
    if len(units) > 2 and units[1][2] == "," and (_FRAME_RE.match(first) or _CONNECTIVE_RE.match(first)
                                                  or _ORDINAL_ONLY_RE.fullmatch(first.strip().rstrip(",，、 "))):
        k = 1                   # 通知显示,加大…力度。对… / 同时,支持…需求。对… / 第一,实施…补助。对…
    if len(units) < k + 2 or units[k + 1][2] != "。":
        return -1
    first = text[units[k][0]:units[k][1]]
    t = _MARK_RE.sub("", first, count=1).rstrip("。 ")
    if not (_MARK_RE.match(first).group(0) or title) and (len(t) > 16 or _GRANT_RE.search(t)):
        return -1
    if not 2 <= len(t) <= 24 or _SUPPORT_AMOUNT_RE.search(t):
        return -1
    if not _MARK_RE.match(first).group(0) and (_QUANTITY_GOAL_RE.search(t) or _RULE_SENTENCE_RE.search(t)):
        return -1               # 2023年全国募集就业见习岗位不少于100万个。: a target, no title; 各试点城市发展改革部门
        # 负责组织申报。/ 所需资金由县财政列支。: a rule of its own (who does what), no title (…实行年度申报制度。 stays
        # one; so do the titles 负责部门。, 应当提交的材料。, 不得重复享受。, 申请事由。)
    return k + 1


_RULE_SENTENCE_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:负责|应当|不得)[\u4e00-\u9fff]{2}"
                               r"|(?<![自理事])由[^,，。]{1,12}?(?:局|委|厅|办|中心|部门|政府|财政)")
_QUANTITY_GOAL_RE = re.compile(r"(?:(?<!不)(?:达到|超过|突破)|新增|累计)\s?\d[\d.]{0,12}\s?(?:万|亿)?(?:个|家|人|户|名|套|项|亩|台|次|人次)"
                               r"|^(?:新增|培育|建成|打造|引进|募集)[^,，。]{0,16}?(?<![\d.])\d[\d.]{0,12}\s?(?:万|亿)?(?:个|家|户|名|套|项|亩|台|人次)(?:以上)?$"
                               r"|(?:募集|新增|培育|建成)[^,，。]{0,16}?(?:不少于|以上)\s?\d[\d.]{0,12}\s?(?:万|亿)?(?:个|家|户|名|套|项)")


_MARK_RE = re.compile("^" + _MARK)

# A line that closes a sentence granting an amount is a provision, not a title (一、对新引进的博士给予10万元安家补贴。\n
# 对新认定的…: the next item lost its number); so is a line that dates the rule (本措施自2024年3月1日起施行…).
SENTENCE_GRANT_RE = re.compile(r"(?:给予|奖励|补贴|补助|资助|发放)[^。]{0,12}?\d+(?:\.\d+)?\s*(?:万|亿|千)?元|(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿|千)?元[^。]{0,12}?(?:补贴|补助|奖励|资助)")
DATED_RULE_RE = re.compile(r"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日")
_LINE_CLAUSE_SEP_RE = re.compile(r"[,，;；]")
# an item's mark at a line's start: the line opens an item of its own
_ITEM_START_RE = re.compile(r"[ \t\u3000\xa0]*(?:" + ITEM_MARK + r"|[一二三四五六七八九十]{1,3}是|\d{1,2}[)）]"
                            r"|第[一二三四五六七八九十百]{1,4}[章节]|[①-⑳])")


def stopless_sentence(line: str) -> bool:
    """A line that lost its final stop yet reads as a sentence, no title: long, with clauses, a date or a
    grant (五、本通知自2023年3月10日起施行,有效期至2023年12月31日,具体由区住建局负责解释). Short titles name a
    grant and its sum (1.一次性创业补贴5000元) and stay titles."""
    return not line.endswith("。") and len(line) >= 25 and (len(_LINE_CLAUSE_SEP_RE.findall(line)) >= 2
                                                            or DATED_RULE_RE.search(line) is not None
                                                            or SENTENCE_GRANT_RE.search(line) is not None)


def cut_sentence(line: str, rest: str) -> bool:
    """A line a copy broke inside its sentence (第五条 对…的，市财政按…给予补助，单个单位每年\n最高不超过200万元。):
    it reads as a sentence and ends inside a word, and the next line (``rest``) opens no item of its own and
    closes the sentence within a few words."""
    rest = rest.strip()         # cheap tests first: this runs for every pair of lines of a page
    whole = line.rstrip()
    if not rest or not whole or _WORD_CHAR_RE.match(whole[-1]) is None or _CELL_MARK_RE.search(rest) \
            or _ITEM_START_RE.match(rest):
        return False
    line = _STOP_CHARS_RE.split(whole)[-1]      # the sentence the break cut: after the line's last stop
    if not line or _CELL_MARK_RE.search(line):
        return False
    if len(rest) <= _CUT_REST_MAX and rest[-1] in "。；;" and not _STOP_CHARS_RE.search(rest, 0, len(rest) - 1) \
            and stopless_sentence(line):
        return True
    return _wrapped_prose(whole, rest)


def _line_end(text: str, s: int, end: int) -> int:
    j = text.find("\n", s, end)
    return end if j < 0 else j


def _wrapped_prose(line: str, rest: str) -> bool:
    """A hard-wrapped line of prose (…给予5万元培育经费补助;入库后\n2年内通过认定的,再给予…): the line holds
    clauses before its end, and ends on a word that cannot close a sentence or before a figure."""
    return len(line) >= 20 and _MID_STOP_RE.search(line, 0, len(line) - 1) is not None \
        and (_FIGURE_START_RE.match(rest) is not None and line[-1] not in _FIGURE_ENDS or line.endswith(_OPEN_ENDS))


_MID_STOP_RE = re.compile(r"[。；;,，]")
# words after which a sentence cannot stop: a verb awaiting its object, a preposition, a conjunction
_OPEN_ENDS = ("给予", "按", "对", "的", "和", "与", "及", "或", "在", "向", "为", "将", "把", "后", "于", "从", "至", "到",
              "以", "由", "经", "并", "不超过")
# the rest opens on a figure with its unit (50万元…, 2年内…), not on a row's number (7 就业见习补贴) or a year
_FIGURE_START_RE = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千)?(?:元|%|倍|年内|年(?![\d度])|月内|个月|日内|个工作日)")
# …after a line that closed on a figure of its own (…每人每月1000元\n3个月以上的…): two phrases, no break inside one
_FIGURE_ENDS = "元%年月日天个人家户项次倍"


# the rest of a broken sentence is short and closes it (最高不超过200万元。); lines of a table are cells, not a sentence
_CUT_REST_MAX = 40
# the line stops inside a word (每年|最高…), not at a comma or a bracket; its rest holds one stop, its last
_WORD_CHAR_RE = re.compile(r"[\u4e00-\u9fff\dA-Za-z]")
_STOP_CHARS_RE = re.compile(r"[。；;！？!?]")
_CELL_MARK_RE = re.compile(r"[|\t]")
_ORDINAL_ONLY_RE = re.compile(r"第[一二三四五六七八九十]{1,3}")     # 第一, (its comma cut off): an item's number
_ACT_VERB_RE = re.compile(r"审核|审查|评审|评价|认定|拨付|兑现|下达|公示|受理|核实|复核|验收|备案")
# A clause naming its own beneficiary and what it may obtain, with an amount (研发人员可获得5-20万元补助)
_OTHER_BENEFICIARY_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:还|也|均|另)?可(?:获得|获|享受|申领|领取|按)[^,，。;；]{0,16}?\d+(?:\.\d+)?\s*(?:[-~～至]\s*\d+(?:\.\d+)?)?\s*(?:万|亿|千)?元")
# a case named by what its subject does (企业招用毕业年度高校毕业生…的,), then what it may get (可按每人1500元给予…)
_COND_SUBJECT_RE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:招用|吸纳|招收|新招|录用|聘用|引进|创办|购买|购置|新建|建设|租用|参加|签订|认定为)"
                              r"[^,，。;；]{2,40}的[,，]?$")
# a case (…的) and what follows for it: a body acts, a benefit is given, a sanction applies
# (not the stock referral 涉嫌犯罪的,依法移送司法机关: readers keep it with the sanction before it, 3 : 1)
_IF_CLAUSE_RE = re.compile(r"(?![^,，。;；]{0,6}(?:涉嫌|构成)[^,，。;；]{0,4}犯罪)[^,，。;；:：]{2,30}的[,，]?")
_CONSEQUENCE_RE = re.compile(r"\s?(?:由|经|给予|按照?|可|均可|再|另|追回|取消|收回|不予|不得|不再|移送|依法|一律|予以|责令|列入|纳入|享受"
                             r"|在|向|到|须|应当?|要|实行|执行|参照"
                             r"|补助|补贴|奖励|一次性|视为|暂停|停止|退回|扣回|每[人户家年月])")
_THEN_GRANT_RE = re.compile(r"\s?(?:可|均可|还可|给予|按|每人|每户|一次性|最高)")
# the clause before it finished a provision of its own: it enacts, grants or relieves something
_DONE_ACT_RE = re.compile(r"实施|执行|给予|补贴|补助|奖励|减免|免征|免收|返还|贴息|降低|提高|延长")
_SUBJECT_LEAD_RE = re.compile(_MARK + r"(?:对于?|针对|凡|符合|经)")
_COMMA_GRANT_RE = re.compile(_MARK + r"(?:对于?|针对|凡)[^,，。]{2,40}?(?:的[,，][^,，。]{0,6}?|[,，]\s?(?=给予))?(?:给予|奖励|补贴|补助|资助)"
                             r"|" + _MARK + r"(?:对于?|针对)[^,，。]{2,40}?的[^,，。]{0,10}[,，][^,，。]{0,24}?按[^,，。]{0,24}?(?:返还|减免|补贴|补助|给予)")
_SUPPORT_AMOUNT_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿|千)?元")


# Kinds the model is trained and asked as another: a heading or a signature is ``other`` to it (the
# training labels and the ``cur:`` feature alike), the rules name them.
TRAINED_AS = {"heading": "other", "signature": "other"}
# the sentence's first characters whose bigrams are features: 20 scored as well as 50 in cross-validation
# (provision starts F1 within 0.004 on each tune set) at a third of the lookups
_BIGRAM_CHARS = 20


def features(text: str, rec: dict, units: list[tuple[int, int, str]], i: int, ctx: dict,
             rule: str | None = None, cur: str | None = None) -> list[str]:
    """Sparse string features of clause ``i`` of record ``rec`` (``rule``: the rules' label).
    Fewer than they were: dropping the head's trigrams, the length, the previous clause's tail and six clue
    patterns (announce, statistic, goal, other, support, duty) left the cross-validated scores where they were
    (bench/train_kinds.py) at two thirds of the cost."""
    s, e, before = units[i]
    u = text[s:e]
    sent = sentence(text, units, i)
    head = _MARK_RE.sub("", u[:14], count=1)[:10]
    f = ["b", "p:" + before, "rk:" + rec["kind"], "i:" + str(min(i, 3)), "struct:" + str(ctx["struct"]),
         "depth:" + str(min(len(rec.get("path") or []), 3))]
    if rule is not None:
        f.append("rl:" + rule)
        f.append("rlp:" + rule + before)
    if cur is not None:
        f.append("cur:" + TRAINED_AS.get(cur, cur))
    if ctx.get("cond"):
        f.append("cond")
    if ctx.get("news_doc"):
        f.append("newsdoc")
    if i == 0 and ctx.get("prev_colon"):
        f.append("prevcolon")
    tf = ctx.get("title_first", -2)
    if tf == -2:                # once a record (ctx is the record's own)
        tf = ctx["title_first"] = _title_first(text, units, rec.get("title"))
    if tf == i:
        f.append("aftertitle")
    f.append("f1:" + head[:1])
    f.append("f2:" + head[:2])
    h8 = head[:8]
    f.extend(["h2:" + h8[k:k + 2] for k in range(len(h8) - 1)])
    body = sent[:_BIGRAM_CHARS]
    f.extend(["w:" + body[k:k + 2] for k in range(len(body) - 1)])
    if _PROVISION_OPEN_RE.match(sent):
        f.append("r:prov")
    if _CONTINUE_RE.match(sent):
        f.append("r:cont")
    if _CRITERION_HEAD_RE.match(sent):
        f.append("r:crit")
    s60 = sent[:60]
    if _news_head(s60):         # (_NEWS_HEAD_RE.search, at a tenth of its cost)
        f.append("r:news")
    if _COND_GRANT_RE.search(s60):
        f.append("r:cg")
    if ("元" in sent or "%" in sent) and _AMOUNT_RE.search(sent):
        f.append("amt")
    if u.rstrip().endswith((":", "：")):
        f.append("colon")
    return f


# ---------------------------------------------------------------- deciders

# Commentary on a policy (an interpretation page), not the policy: 旨在…, 有助于…
_COMMENTARY_RE = re.compile(r"旨在|有助于|有利于|体现了|彰显了?|意味着|确保了|保障了|提供了[^,，。]{0,12}(?:保障|支持|基础)")
_UNIT_LIST_RE = re.compile(r"^[\u4e00-\u9fff()（）、,，\s]{2,80}(?:局|委|办|厅|中心|政府|管委会|部门|单位)(?:等)?$")
_CJK_ONE_RE = re.compile(r"[\u4e00-\u9fff]")


# A sentence that states a rule: a modal, then what is granted, allowed or required (将每年增加1亿元投入,
# 可按照标牌制作标准…, 不能叠加使用).
_RULE_STATEMENT_RE = re.compile(
    r"(?:可|可以|均可|即可|还可|也可|将|应|应当|须|必须|不得|不能|只能|不再)[^,，。；;]{0,4}?"
    r"(?:享受|申请|申领|获得|给予|纳入|使用|叠加|补贴|补助|奖励|资助|按|以|向|对|会同|开展|实施|发放|提供|领取|办理|拿到|增加|安排|设立|免|减)")
# A grant (not the word 奖励 in 获得过省级科技奖励): 给予…, 可获…, 奖励50万元
_GRANT_RE = re.compile(r"给予|可获|可享受|享受|发放|予以|(?:奖励|补贴|补助|资助|奖补)[^,，。]{0,4}\d")


# An item that only cites rules: 1.《江西省就业补助资金管理办法》(赣财社〔2018〕14号); (a 设定依据 cell)
_CITATION_ONLY_RE = re.compile(r"(?:[\d一二三四五六七八九十]{1,2}[.．、]\s?|[(（][\d一二三四五六七八九十]{1,2}[)）]\s?)?"
                               r"(?:《[^》]{2,80}》(?:\s?[(（][^()（）]{2,30}[)）])?[、和及与,，\s]*)+[。;；.]?")


def _is_furniture_item(t: str) -> bool:
    t = t.strip()
    if not _CJK_ONE_RE.search(t):
        return True             # 02165835-012/2021-66322
    if _CITATION_ONLY_RE.fullmatch(t):
        return True             # a 设定依据 line: rules cited, nothing granted or required
    return bool(_UNIT_LIST_RE.match(t)) and not _SUPPORT_RE.search(t) and not _DUTY_RE.search(t)


_NOTICE_LEAD_RE = re.compile(r"^(?:为|根据|按照|现)[^。]{0,80}(?:通知|答复|公告|说明|函复|调整|明确)如下[。:：,，]?$")
# a reply's opener: 你提出的…建议收悉 / 你们提出的关于…的建议,… — no provision, and no part of one
_REPLY_OPENER_RE = re.compile(r"^(?:你|您)们?(?:提出|所提)的[^。]{0,60}?(?:建议|提案|意见)(?:[^。,，]{0,8}?(?:收悉|[,，]))")
_COURTESY_RE = re.compile(r"^(?:您好|你好)[!！,，。]?$|^(?:再次|衷心)?(?:感谢|谢谢)|^欢迎[^。]{0,20}(?:监督|提出)|^(?:特此(?:通知|公告|答复|函复|说明)|此复|专此)")
# the next line opens a numbered item (1. / (一) / ①): what a title line above it heads
_CHILD_ITEM_RE = re.compile(r"\s*\n\s*(\d{1,2}[.．、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[①-⑳])")


def _heads_numbered_items(text: str, end: int, u: str) -> bool:
    """``u`` is a numbered topic line (no figures, no sentence) and the next line opens an item numbered in
    another style: it heads them."""
    mark = _MARK_RE.match(u).group(0)
    body = u[len(mark):]
    child = _CHILD_ITEM_RE.match(text, end)
    return bool(mark) and 0 < len(body) <= 24 and not re.search(r"[\d。；;,，:：]", body) \
        and child is not None and _mark_style(u) != _mark_style(child.group(1))


def _mark_style(s: str) -> str:
    """The numbering style an item opens with (一、 / (一) / 1. / (1) / ①), so a child is told from a sibling."""
    s = s.lstrip()
    if not s:
        return ""
    if s[0] in "(（":
        return "paren-cn" if s[1:2] in "一二三四五六七八九十" else "paren-ar"
    if s[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "circled"
    if s[0].isdigit():
        return "ar"
    if s[0] in "一二三四五六七八九十":
        return "cn-shi" if "是" in s[1:3] else "cn" if "条" not in s[:5] else "article"
    if s.startswith("第"):
        return "article"
    return ""

_CONTACT_SENT_RE = re.compile(r"(?:[^。]{0,12}[,，])?(?:如有(?:不同)?意见[,，]?)?请(?:及时)?(?:与|同)[^。,，]{1,10}联系|(?:[一二三四五六七八九十\d]{1,3}[、.．]\s*)?(?:如有(?:疑问|问题|不明)|如需咨询|咨询(?:电话|热线)|联系电话)[^。]{0,12}?(?:可|请)?(?:拨打|致电|咨询|联系)|(?:可|请)(?:拨打|致电)[^。]{0,16}?(?:咨询|热线|电话|\d{4,})")
_QUESTION_RE = re.compile(r"^\s*问[:：]|[？?]\s*$")
_BACKGROUND_RE = re.compile(r"^[^,，。]{2,20}是[^,，。]{0,30}(?:重要(?:组成部分|内容|举措|途径|保障|支撑|力量|抓手|基础|一环)|关键|基础性)"
                            # 宾川县是全国柑橘生产重点县: the place described
                            r"|^[^,，。]{1,10}[省市县区州旗]是(?:全国|全省|全市|国家|我国|我省)[^,，。]{0,20}(?:重点|主产|大)[^,，。]{0,4}[县市区省]")
_LEAD_TARGET_RE = re.compile(r"^(?:20\d\d年|今年|明年)[,，][^。；;]{0,30}?(?:将|要|力争|计划)?(?:新增|达到|建成|培育|实现|完成|突破|超过)"
                             r"[^。；;]{0,20}\d")
_MATERIALS_RE = re.compile(r"(?:申报|申请|所需|提交|报送)材料|材料清单")
_COVER_NOTE_RE = re.compile(r"^现将[^。]{2,120}(?:转发|印发|发)给你们")


def _is_news(sent: str, ctx: dict) -> bool:
    return bool(_news_head(sent[:30]) or ((not ctx["struct"] or ctx.get("news_doc"))
                                                     and (_ANNOUNCE_RE.search(sent[:80]) or _QUOTED_SPEECH_RE.match(sent))))


# A quotation with its speaker (“光大豆补贴就能拿11.2万元…。”刘德福说。): what someone said, reported
_QUOTED_SPEECH_RE = re.compile(r"\s*“[^”\n]{8,240}[。！？!?…，,]?”\s?[,，]?\s?[^。“”\n,，]{0,20}?"
                               r"(?:说|表示|介绍说|介绍|告诉记者|坦言|感慨|认为|指出|笑着说|算了一笔账|提醒|提示)(?=[。，,：:！!]|$)")


def _is_criterion(sent: str) -> bool:
    if _CRITERION_HEAD_RE.match(sent):
        return not (_SUPPORT_RE.search(sent) and _AMOUNT_RE.search(sent))
    return False


def _granted_amount(body: str) -> bool:
    """对购置北斗导航辅助驾驶系统的,每套补贴最高不超过1.5万元: a case and the sum it is granted (an amount before
    the grant, 营业收入在2000万元以下的…,可申请补助, is a condition's threshold)."""
    m = _COND_GRANT_RE.search(body)
    return bool(m and _AMOUNT_RE.search(body, m.end()))


def _quoted_provision(text: str, rec: dict) -> bool:
    """The record opens with a quote (an official's words) whose first sentence states a provision:
    a body's step (由…审核/拨付) or a grant, nothing reported as done."""
    s = rec["start"]
    close = text.find("”" if text[s] == "“" else "\"", s + 1, rec["end"])
    if close < 0:
        return False
    q = text[s + 1:close]
    stop = _SENT_END_RE.search(q)
    q = q[:stop.start()] if stop else q
    return bool((_GRANT_RE.search(q) or _BODY_STEP_RE.search(q)) and not _HISTORY_WORD_RE.search(q)
                and not _STAT_RE.search(q) and not _REPORT_RE.search(q) and not _FIRST_PERSON_RE.search(q))


# a body's step in a procedure: 由县农业农村部门审核, 市财政局直接拨付, 报市商务局备案
_BODY_STEP_RE = re.compile(r"由[^,，。]{2,24}?(?:审核|审定|认定|拨付|兑付|发放|负责|受理|核定|复核)|"
                           r"(?:局|委|厅|部门|中心)(?:直接|统一|按季度|按月|按年度)?(?:拨付|兑付|发放|受理|审核)")
# a beneficiary speaking: 我家种了260亩, 以前补贴要跑好几趟 — no provision
_FIRST_PERSON_RE = re.compile(r"我|咱|俺|以前|过去|现在")


def _is_provision(u: str, sent: str) -> bool:
    return bool(_PROVISION_OPEN_RE.match(u) or _COND_GRANT_RE.search(sent) or _ACTION_RE.search(sent[:40])
                or _SUPPORT_RE.search(sent[:30]) and _AMOUNT_RE.search(sent))


# the cited document's number in brackets after its title: 《…》(粤农农函〔2024〕726号)精神, / 《…》(国办发〔2014〕35号)等文件要求,
_CITED_NO = r"(?:[(（][^()（）,，。]{0,30}[)）])?"
# A reporting frame glued to the provision it reports: 根据办法, / 通知明确, / 按照规定, / 据…消息,
_LEAD_FRAME_RE = re.compile(r"^(?:[^,，。]{0,16}(?:明确|规定|提出|指出|显示|表示)|根据(?:《[^》]{1,60}》[^,，。]{0,6}|[^,，。]{0,12})|(?:按照|依据)《[^》]{1,60}》[^,，。]{0,6}|按照(?:规定|要求|政策)"
                            r"|(?:另|又)?据[^,，。]{0,16}(?:消息|获悉|了解|介绍|悉)|(?:活动|政策|执行|实施|申报)?期间)[,，:：]$")
# The grant after a list of conditions: 符合上述条件的人才,可按…申领 / 符合规定的…人员,可以…申请
_REFER_BACK_RE = re.compile(r"^(?:对)?(?:凡)?(?:符合|满足|具备)(?:上述|以上|前述|规定|本[^,，。]{0,8}规定)[^,，。]{0,12}的")
# A sentence that allows something: 青年人才还可优先入住人才公寓 (not 可能, 可持续, 认可, 许可)
_PERMIT_RE = re.compile(r"[\u4e00-\u9fff“”、]{2,24}?[,，]?(?<![认许不])(?:还|也|均|仍|即)?可(?:以)?(?!能|持续|再生|行|靠|观|视|控|比|供)[\u4e00-\u9fff]")
# A provision with its own subject and modal (街道应当为…建立…): never a duty in the list before it
_SUBJ_MODAL_RE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:应当|必须|还将|也将|将|可以|可|须)(?!能|持续|再生|行|靠)[\u4e00-\u9fff]")
# A clause that opens with a verb of duty is part of a list of duties, not a subject: 负责…, 会同…
_DUTY_OPEN_RE = re.compile(r"(?:负责|会同|配合|协助|指导|督促|组织|牵头|参与|做好|按|对|在|以|并|同时|确保|力争)")
# When a scheme runs or applications are taken: 消费券活动周期为3月27日至5月31日, 公示期自10月10日至…
_PERIOD_PROVISION_RE = re.compile(r"[^,，。]{0,12}?(?:活动|申报|申领|申请|受理|发放|兑付|兑现|使用|领取|补贴|公示|报名)(?:时间|周期|期限|期|日期)"
                                  r"(?:为|是|[:：]|自|从)\s?(?:\d|即日|今年|本年|[一二三四五六七八九十]+月)")
_HISTORY_WORD_RE = re.compile(r"了|已经|已|累计|共计|以来")
_SUBJ_ACTION_RE = re.compile(r"[\u4e00-\u9fff“”()（）]{1,12}?(?:还将|也将|将|专门|统一|每年|继续)?(?:设立|安排|推出|实行|实施|开展|建立|下达|发放|兑现|设置|提供|给予|予以|免征|减免|暂免|免收|会同|制定)")
# A sentence whose subject is a government body that then acts: 各县区商务主管部门于12月10日前完成初审
# (one optional second body, no repeated group: a repeated name list backtracks exponentially on 和局和局…;
# no function word inside a name, so 以企业为中心对… and 产业布局要… are no bodies)
def _cjk_except(chars: str) -> str:
    """A character class of the CJK block without ``chars`` (a class, not a lookahead per character)."""
    cut = sorted(ord(c) for c in chars)
    parts, lo = [], 0x4E00
    for c in cut:
        if c > lo:
            parts.append(f"\\u{lo:04x}-\\u{c - 1:04x}")
        lo = c + 1
    parts.append(f"\\u{lo:04x}-\\u9fff")
    return "".join(parts)


_BODY_NAME = r"[" + _cjk_except("为以的在对把被从向与及或并") + r"（）()]{1,14}?(?:(?<![布格结全大时开战终格])局|委|厅|办公室|中心|部门|管委会|(?<![全内外干局支])部|(?<![网车])站)"
# (保定市财政局(以下简称市财政局)负责…: the short name it is given after it)
_ALIAS_NOTE = r"(?:[(（](?:以下|下文)?简称[^()（）]{1,12}[)）])?"
_BODY_SUBJECT_RE = re.compile(r"各?(?:[省市县区州][(（][市县区旗、]{1,6}[)）])?" + _BODY_NAME + _ALIAS_NOTE
                              + r"(?:[、和]" + _BODY_NAME + _ALIAS_NOTE + r")?"
                              r"(?:要|应当?|将|须|于|在|负责|按|每年|定期|统一|会同|组织|完成|对)(?!了)")
# …after a semicolon, a body that reviews or pays takes the next duty of its own (；市农业农村局审核汇总后,…)
_BODY_REVIEWS_RE = re.compile(_BODY_NAME + r"(?:审核|复核|审查|审定|核实|核验|初审|受理|拨付|兑付)")
_SUBJECT_GRANT_RE = re.compile(r"[^,，。；;]{2,30}的[^,，。；;]{0,8}[,，][^,，。；;]{0,16}?(?:给予|予以|奖励|补贴|补助|资助|可享受|可申请)")
# Sentences that never open a provision of their own: a cover note (现将…公示), a purpose clause (为保持…,),
# a bracketed unit list (〔市财政局牵头〕), a name list's publication (…名单…公示)
_SENT_NOT_PROVISION_RE = re.compile(r"[〔(（【\[]|现将|为[^,，。]{2,30}[,，]|[^,，。]{0,20}名单")
# A notice's own act of recognising bodies (关于认定…的通知: 现认定X等4家单位为…孵化器) is a measure.
_CERTIFY_ACT_RE = re.compile(r"(?:现|特|决定|同意)(?:予以)?(?:认定|命名|授予|确定|批准)(?!的)[^。；;,，]{2,60}?为")
_CERTIFY_START_RE = re.compile(r"(?:认定|命名|授予|确定|批准)[^。；;,，]{2,60}?为")
_CERTIFY_VERBS = ("认定", "命名", "授予", "确定", "批准")
# A step of the procedure (spec: a procedural provision): who applies where, who reviews, where it is filed —
# 托育机构向所在区卫生健康局提出申请,区卫生健康局会同区财政局审核后,报市卫生健康委备案
_PROCEDURE_ACT_RE = re.compile(r"向[^。；;,，]{2,24}?(?:提出|提交|报送|申报)(?:书面)?(?:申请|材料)|(?:审核|审定|复核)(?:后|通过后)"
                               r"|报[^。；;,，]{2,20}?(?:备案|审批|核准)")
# A restriction of the scheme (消费券不可用于购买烟酒, 补贴资金不得用于…, 不予受理): a provision too
_RESTRICTION_RE = re.compile(r"(?:不可|不得|不能|严禁|禁止)(?:用于|使用|兑换|转让|叠加|重复)|不予(?:受理|支持|补贴|资助|退还)")
_OBJECTION_RE = re.compile(r"(?:异议|问题|意见|疑问)[^。]{0,16}?请[^。]{0,24}?(?:向|与)[^。]{0,40}?(?:反映|反馈|联系|提出|咨询)")
# Frames before a provision's own wording (spec: the start is where that wording begins): the document
# cited (《措施》明确, / 《办法》规定, / 根据《办法》,) and a speaker's label (…局长张三答:).
_CITE_FRAME_RE = re.compile(r"^(?:《[^》]{1,40}》|[^,，。:：]{0,10}(?:措施|办法|通知|意见|细则|方案|政策))(?:中|还|也|进一步)?"
                            r"(?:明确|规定|提出|要求|指出)(?:了)?[,，:：]$"
                            r"|^(?:根据|按照|依据)(?:《[^》]{1,40}》|(?:该|本|上述|这一?)?(?:通知|措施|办法|意见|细则|方案|政策|文件|规定))"
                            r"(?:第[一二三四五六七八九十百\d]{1,4}条)?(?:要求|精神|规定)?[,，:：]$")
# A duty with its time limit, charged to bodies (请各乡镇(街道)于5月24日前完成…, 各地要于6月30日前将…)
_SUMMARY_RE = re.compile(r"共(?:有)?(?:提出)?[\d一二三四五六七八九十百]+(?:条|章|部分|个方面|方面|项|大类)|(?:主要)?包括(?:以下|如下)|主要内容(?:如下|是|为)")
# a sentence that only counts a policy's parts (its highlights, aspects, articles)
_OUTLINE_RE = re.compile(r"^[^,，。]{0,14}?(?:主要)?(?:有|包括|分为?|涵盖|共分?)(?:以下)?[\d一二三四五六七八九十两几]+(?:个|项|条|大)"
                         r"(?:方面|亮点|变化|特点|重点|板块|部分)[^,，。]{0,8}[。:：]?$")


def _outline(sent: str) -> bool:
    return len(sent) <= 40 and _OUTLINE_RE.match(sent.strip()) is not None and not _GRANT_RE.search(sent) \
        and not _AMOUNT_RE.search(sent) and not _DUTY_RE.search(sent)


_DUTY_DONE_RE = re.compile(r"完成|发放|兑付|拨付|报送|上报|落实|办结")
_LOCALITIES_DUTY_RE = re.compile(r"各(?:地|级|有关部门|相关部门)[^,，。；]{0,6}?(?:要|应当?|须)")
_EXAMPLE_RE = re.compile(r"(?:举个例子|举例来说|举例|例如|比如|打个比方)[:：,，]?")
_TRANSMIT_DUTY_RE = re.compile(r"(?:请)?(?:各[^,，。；]{1,16}?|[^,，。；]{2,12}?(?:局|部门|单位|政府|街道|乡镇))"
                               r"(?:要|应当?|须|务必)?(?:于|在)[^,，。；]{0,16}?(?:前|以内|内)")
# A page's first line that is no sentence (no 。/;, one line, short): its headline
_HEADLINE_MAX = 80
_HEADLINE_RE = re.compile(r"\s*[^\n。；;]{4,60}?[！!？?]?\s*")
# A line that is only a question (2.问:同一见习人员可以多次参加见习吗?) and the answer on the next line
_QUESTION_LINE_RE = re.compile(r"\s*(?:[\d一二三四五六七八九十]{1,2}[.．、]\s?|[(（][\d一二三四五六七八九十]{1,2}[)）]\s?)?"
                               r"(?:问|Q)\s?[:：][^\n]{2,80}?[？?]\s*(?=\n|$)")
_ANSWER_START_RE = re.compile(r"\s*(?:答|A)\s?[:：]")
_PERMIT_ANY_RE = re.compile(r"可(?:以|按|申请|享受|申领|购买|获得|领取|入住|租住|办理|提取)|方可|不得|只能|须|不再(?:受理|享受|发放)")
# a clause that opens with a body of its own (各县(市、区)民政部门要…), not with money it names (所需资金由…)
_FUNDED_BY_RE = re.compile(r"[^,，。；;]{2,20}?由[^,，。；;]{0,8}?(?:财政|政府)[^,，。；;]{0,4}?(?:全额|全部|足额|按比例)?(?:承担|负担|支付|补贴|补助)")
_BODY_START_RE = re.compile(r"各|[省市县区乡镇]|街道|[\u4e00-\u9fff]{2,8}[省市县区]")
_FUNDS_BY_RE = re.compile(r"[^,，。；;]{0,12}?(?:资金|经费|费用|补贴|奖励|所需)[^,，。；;]{0,6}?由")
_TOPIC_OPEN_RE = re.compile(r"^(?:在|关于|对于)[^,，。:：]{1,16}(?:方面|领域|问题上)[,，]$")
_SPEAKER_RE = re.compile(r"^[^,，。:：]{2,30}?(?:答|回答|表示|介绍)[:：]$")
_ANSWER_LABEL_RE = re.compile(r"^\s*(?:答|回答|答复|解答|回复|A)\s*[:：]\s*$")
_SHORT_REPLY_RE = re.compile(r"\s*(?:有|没有|是|是的|不是|可以|不可以|能|不能|会|不会|需要|不需要|对|不)[。！!]\s*")
_GLUED_FRAME_RE = re.compile(r"(?:明确|规定|提出)(?=对于?|凡|自|从|符合|在|将)")


def _starts_provision(u: str, sent: str) -> bool:
    """A clause that opens a provision by any of the rules' cues (opener, grant, permission, action)."""
    return bool(_is_provision(u, sent) or _PERMIT_RE.match(sent) or _SUBJECT_GRANT_RE.match(sent)
                or _SUBJ_ACTION_RE.match(u) and not _HISTORY_WORD_RE.search(u))


# A news clause that reports a document being issued (…联合下发了《…》(以下简称《办法》),): what follows it
# in the sentence is that document's content; a clause opening with a start, a plan or a new scheme is a provision.
_ISSUED_DOC = (r"(?:印发|出台|发布|下发|公布|颁布|制定|出炉)了?(?:的)?(?:《[^》]{2,80}》(?:[(（][^()（）]{0,40}[)）])?"
               r"|[^,，。;；《》]{0,16}?(?:通知|意见|办法|方案|公告|通告|措施|细则|新政))[,，]")   # …联合印发通知,
_ISSUED_DOC_RE = re.compile(_ISSUED_DOC + "$")
# …the sentence itself reports the issue first (近日,市财政局…联合下发了《…》,计划…): news up to the title
_ISSUE_LEAD_RE = re.compile(r"[^。；;!?！？]{0,60}?" + _ISSUED_DOC)
_NEW_POLICY_OPEN_RE = re.compile(r"(?:自|从)\s?(?:(?:19|20)\d{2}\s?年)?\s?\d{1,2}\s?月\s?\d{1,2}\s?日起|计划(?:每年|今年|安排|投入|投放)|设立|推出|将(?:对|给予|为|按)"
                                 r"|(?:延续|继续)(?:实施|执行)")


# A reporting frame is news context, not the provision's wording (spec: the start is where the provision's own
# wording begins): 。据了解,|本轮…; a frame that cites the document (《办法》规定, 根据办法,) opens the provision.
_REPORT_FRAME_RE = re.compile(r"^(?:(?:另|又)?据[^,，。]{0,16}(?:了解|悉|介绍|统计|消息|获悉)|[^,，。]{0,30}(?:表示|获悉|介绍|了解到|提醒|提示|注意到))[,，:：]$")


# What a speaker says a body will do or reach (…表示,|下一步将…, |今年将…, |到2025年,…): a provision or a goal
_FRAME_ACT_RE = re.compile(r"(?:下一步|接下来|今后|近期|今年|明年)?[,，]?(?:我[省市县区州旗]|全[省市县区州旗]|[省市县区]里|该局|该部门"
                           r"|[\u4e00-\u9fff]{1,12}?(?:局|委|办|中心|部门|政府|财政))?还?(?:将|计划|拟)(?!近)|(?:力争|争取)?到\s?20\d\d年")


def _sentence_frame(text: str, units: list[tuple[int, int, str]], j: int) -> bool:
    """Clause ``j`` is a reporting frame opening a sentence inside a record (。据了解,), or a frame that
    cites the document or names a speaker, also at the record's start (《措施》明确, / …局长张三答:)."""
    if j < 0:
        return False
    u = text[units[j][0]:units[j][1]]
    if _BASIS_FRAME_RE.match(u) and not _provision_before(text, units, j):
        return True             # (为做好…工作,)根据…《…》(…号)文件精神,|下达…: the basis, then the act (not inside a
        # provision already open: 对新引进的企业,按照《…》有关规定,给予… is one)
    if j > 0 and units[j][2] not in "。\n；":
        # 在住房公积金方面,《措施》提出,|双缴存职工…: a topic, then the cited document, at a sentence's start
        return units[j][2] == "," and (j == 1 or units[j - 1][2] in "。\n；") \
            and bool(_TOPIC_OPEN_RE.match(text[units[j - 1][0]:units[j - 1][1]])) and bool(_CITE_FRAME_RE.match(u))
    return bool((j > 0 and _REPORT_FRAME_RE.match(u)) or _CITE_FRAME_RE.match(u) or _SPEAKER_RE.match(u)
                or _QUOTE_FRAME_RE.match(u))


# The document an act rests on, as a clause of its own: 根据省农业农村厅《…》(粤农农函〔2024〕726号)精神,
def _reported_before(text: str, units: list[tuple[int, int, str]], j: int) -> bool:
    """The sentence before clause ``j`` reports figures (今年以来,全市累计发放各类补贴3.2亿元。其中,…): what 其中 then
    breaks down is a payout reported, no provision."""
    k = j - 1
    while k >= 0 and k > j - 8 and units[k + 1][2] not in "。\n；;！!？?":
        k -= 1
    a = k
    while a > 0 and a > k - 8 and units[a][2] not in "。\n；;！!？?^":
        a -= 1                  # (eight clauses back at most each way: a page with no stops is no quadratic walk)
    if k < 0:
        return False
    sent = text[units[a][0]:units[k][1]]
    return bool(_REPORT_RE.search(sent) or _PAYOUT_REPORT_RE.search(sent))


# a figure paid or handled so far (累计发放…, 已受理申请1300件): no count of the policy's own parts (共有十条)
_PAYOUT_REPORT_RE = re.compile(r"(?:累计|已经?|共)(?:发放|受理|办理|兑现|兑付|拨付|支持|帮助|惠及|完成|投入)"
                               # a past stretch's total (去年全市为企业减税降费5亿元, 上半年全市新增就业2.1万人)
                               r"|^(?:去年|上年|前年|今年以来|上半年|前三季度|\d{4}年|今年\d{1,2}月)"
                               r"|\d+(?:\.\d+)?\s?(?:万|亿)?(?:元|人|户|家|件)(?:[。；;]|$)")


def _provision_before(text: str, units: list[tuple[int, int, str]], j: int) -> bool:
    """A clause of the sentence before clause ``j`` opens a provision or names its case (对…, 凡…, …的,)."""
    k = j
    while k > 0 and k > j - 6 and units[k][2] not in "。\n；;！!？?^":
        k -= 1
        c = text[units[k][0]:units[k][1]]
        if _PROVISION_OPEN_RE.match(c) or c.rstrip(",， ").endswith("的"):
            return True
    return False


_BASIS_FRAME_RE = re.compile(r"^(?:根据|按照|依据|依照)[^,，。《]{0,24}(?:《[^》]{1,100}》" + _CITED_NO
                             + r"(?:[和及与、]|等)?){1,3}[^,，。]{0,10}?(?:精神|要求|规定|程序|部署)[,，]$")
# A quotation with its speaker as one clause (“…负担。”区卫健局相关负责人提醒,): what follows is the speaker's point
_QUOTE_FRAME_RE = re.compile(r"^“[^”\n]{2,200}”\s?[^,，。“”\n]{0,30}?(?:说|表示|介绍|提醒|提示|指出|强调|坦言)[,，:：]$")


def _answer_provides(text: str, units: list[tuple[int, int, str]]) -> bool:
    """The sentence after a question (past a frame such as 根据《通知》,) starts a provision."""
    k = 1
    if len(units) > 2 and (_FRAME_RE.match(text[units[1][0]:units[1][1]]) or _LEAD_FRAME_RE.match(text[units[1][0]:units[1][1]])):
        k = 2
    return len(units) > k and _starts_provision(text[units[k][0]:units[k][1]], sentence(text, units, k))


def _in_list(text: str, units: list[tuple[int, int, str]], i: int) -> bool:
    """Clause ``i`` stands in the sentence of a list lead-in (…措施:A;B;C): a ``:`` cut after one (looked for
    among the 60 clauses before it: a run-on page's one sentence may hold thousands)."""
    for j in range(i - 1, max(0, i - 60), -1):
        b = units[j][2]
        if b in "。\n":
            return False
        if b == ":" and _LIST_LEAD_RE.search(text, max(units[j - 1][0], units[j - 1][1] - 12), units[j - 1][1]):
            return True
    return False


# What else a lead-in paragraph says after its first sentence, none of it a provision: a condition's tail
# (同时符合…条件), the scope (本指引适用于…, 所称…), where to take problems (遇到的问题,请径向…反映)
_LEADIN_ASIDE_RE = re.compile(r"^(?:同时|并且?|且|均|还须|还需)?(?:符合|满足|具备)|适用于|所称|是指|问题[^。]{0,6}请|请径向|如有疑问")


def _record_kind(rec: dict, cur: str | None) -> str:
    """The record's layout kind, except that a provision found inside a lead-in paragraph (为…,现通知如下:
    对…给予…。对…) is read on as a provision record: the paragraph's lead-in has ended."""
    rk = rec["kind"]
    return "measure" if rk == "preamble" and cur == "measure" else rk


_EFFECT_TAIL_RE = re.compile(r"[自从][^,，。;；]{2,14}起\s?(?:正式)?(?:施行|实施|执行|生效)[。;；]?$")


def plain_continuation(text: str, rec: dict, units: list[tuple[int, int, str]], i: int, cur: str | None) -> bool:
    """Clauses that can only continue the item before them (most commas; anything inside a record
    of a kind that is not cut): neither decider reads them, which keeps extraction fast."""
    if not i:
        return False
    s, e, before = units[i]
    rk = _record_kind(rec, cur)
    if cur == "news" and before in "。！？!?" and text.count("“", rec["start"], s) > text.count("”", rec["start"], s):
        return True             # 同期声…：“…。接下来我们…。”: the speaker's quotation goes on
    if before == "\n" and cut_sentence(text[max(rec["start"], text.rfind("\n", 0, s - 1) + 1):s],
                                        text[s:_line_end(text, s, rec["end"])]):
        return True             # …单个单位每年\n最高不超过200万元。: a copy broke the line inside the sentence
    if before in ",，" and _EFFECT_TAIL_RE.match(text, s, e):
        return True             # 印发了《…》(…9号),自2024年10月20日起施行: when the document named takes effect
    if before == ":":
        # a colon inside a provision (补贴标准:…) continues it; after a list lead-in (推出四项措施:) or a
        # speaker's label (…局长张三答:) the clause may start the first item
        prev = text[units[i - 1][0]:units[i - 1][1]]
        if rk != "preamble" and (_SPEAKER_RE.match(prev) or text.startswith("“", s) and _CITE_FRAME_RE.match(prev)):
            return False        # (…明确:“对…给予…”: the document quoted after its frame)
        return not _LIST_LEAD_RE.search(text, max(units[i - 1][0], units[i - 1][1] - 12), units[i - 1][1])
    return (rk not in ("measure", "other", "preamble") or rk == "preamble" and cur != "news"
            and not (before == "。" and (cur == "preamble" or _TRANSMIT_DUTY_RE.match(text, s, e)))
            or before == "," and not (cur == "measure" and (text[s] in "对凡" or text[e - 2:e - 1] == "的"
                                                            or text.startswith(_CERTIFY_VERBS, s)
                                                            or _OTHER_BENEFICIARY_RE.match(text, s, e)
                                                            or _LOCALITIES_DUTY_RE.match(text, s, e)
                                                            or text[s] not in "由经" and _BODY_START_RE.match(text, s, e)
                                                            and _BODY_SUBJECT_RE.match(text, s, e))
                                      or cur == "news" or _sentence_frame(text, units, i - 1)))


# A lead-in that opens a list of provisions inside a paragraph: 推出四项惠民措施: / 重点做好以下工作:
_LIST_LEAD_RE = re.compile(r"(?:如下|以下|下列|包括|措施|举措|工作|内容|方面|任务|政策|事项|主要有|安排|要点)[:：]$")


def _header_row(line: str) -> bool:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return len(cells) >= 2 and "\n" not in line and not re.search(r"\d", line) and all(len(c) <= 10 for c in cells)


def _item_title_clause(text: str, units: list[tuple[int, int, str]], j: int) -> bool:
    """Clause ``j`` is a numbered item's short title (一是发放购房补贴,): its mark, a few words, no amount."""
    c = text[units[j][0]:units[j][1]]
    mark = _MARK_RE.match(c).group(0)
    return bool(mark) and len(c) - len(mark) <= 12 and not _AMOUNT_RE.search(c) and c.rstrip().endswith((",", "，"))


def _duty_chain(text: str, units: list[tuple[int, int, str]], i: int) -> bool:
    """The clause before ``i`` is itself a body's step (区人社局负责审核认定,|区财政局按程序拨付资金; 由…具体运营,|
    市地方金融管理局负责监管): the body after the comma takes the next step of one procedure."""
    a, b, _ = units[i - 1]
    seg = text[a:b].lstrip()
    s, e, _ = units[i]
    if _GRANT_RE.search(text, s, e) and _AMOUNT_RE.search(text, s, e):
        return False    # 市卫健委按…给予建设补助，|市民政局对…按每张床位5000元给予补助: a grant of its own, sized
    return bool(_BODY_SUBJECT_RE.match(seg) or seg[:1] in "由经" and _BODY_START_RE.match(seg, 1)
                or _BODY_IN_CLAUSE_RE.search(seg) or _PROCEDURE_ACT_RE.search(seg) and _same_body_on(text, seg, s))
    # (…向所在区卫生健康局提出申请,|区卫生健康局会同区财政局审核: the application, then its review by the body it went
    # to; 企业向…商务主管部门提交,|市商务局对…审核 — another body's step — is a provision of its own)


def _same_body_on(text: str, prev: str, s: int) -> bool:
    """The body that opens the clause at ``s`` is named in the clause before (``prev``)."""
    m = _BODY_HEAD_RE.match(text, s)
    return m is not None and m.group() in prev


_BODY_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:局|委|厅|办|中心|部门|政府|管委会)")


_BODY_IN_CLAUSE_RE = re.compile(r"(?:局|厅|委|办|部门|中心|机构|政府|管委会|财政)(?:负责|具体|统一|按|会同|联合|审核|初审|受理|组织)")


def rule_label(text: str, rec: dict, units: list[tuple[int, int, str]], i: int, ctx: dict,
               cur: str | None = None) -> str:
    """The rules' label for clause ``i``: ``cont`` or the kind of the item it starts
    (``cur``: the kind of the item the clause would continue)."""
    s, e, before = units[i]
    rk = _record_kind(rec, cur)
    if plain_continuation(text, rec, units, i, cur):
        return "cont"
    if i > 0 and cur == "heading" and before == "\n" and rk != "heading":
        # 4. 有什么变化？\n与此前政策相比,…: the question heads its answer, which is read as an item of its own
        lab = rule_label(text, dict(rec, start=s), units[i:], 0, ctx, None)
        j = i + 1
        while j < len(units) and units[j][2] == ",":
            j += 1              # the answer's lead: its clauses up to the first stop or colon
        lead = text[units[i][0]:units[j - 1][1]]
        if lab == "measure" and _SUMMARY_RE.search(lead) and not _AMOUNT_RE.search(lead):
            return "other"      # 《办法》共十条,主要包括以下内容: an outline of the document, no provision
        return lab
    u = text[s:e]
    sent = sentence(text, units, i)
    if i > 0 and before in "。\n" and _SANCTION_RE.match(u) and (_title_first(text, units, rec.get("title")) != i
                                                               or _DUTY_RE.search(text, units[i - 1][0], units[i - 1][1])):
        return "measure"        # …对申报材料的真实性负责。对弄虚作假骗取专项资金的,追回…: the sanction is a provision
        # of its own (readers cut there 21 of 24 on the genre tune pages); after a short item title
        # (十、加强监督管理。对…) it stays with the title — a sentence that obliges someone is no title
    if _PLACE_DESCRIBED_RE.match(sent) and not _DUTY_RE.search(sent) and not _GRANT_RE.search(sent):
        return "cont" if cur in ("other", "news") else "other"
        # 创业园占地1024亩,设有… / 衡水桃城科技企业孵化器围绕…: a park or incubator described, no provision (0 of 18
        # such sentences are measures on the tune pages)
    if i > 0 and before in "。" and _NEXT_STEP_RE.match(u):
        if _NEXT_TARGET_RE.search(sent) and not _SUPPORT_RE.search(sent):
            return "goal"       # 下一步,湄潭将力争到2025年底建成省级…: a target, no act
        return "measure"        # …达12家。下一步,宝鸡市将持续加强… / 具体操作细则由县科技局会同县财政局另行制定: what a
        # body will do next, or who writes the details, is a provision of its own (readers 8 of 10 on tune pages)
    if i > 0 and before in "。\n" and _OBJECTION_SENT_RE.match(sent):
        return "measure"        # 公示期…。如有异议,请于公示期内以书面形式向县农业农村局反映: the channel for
        # objections is a provision of its own (every reader cuts there, 8 of 8 on the tune pages)
    if i == 0 and len(units) > 1 and _ANSWER_LABEL_RE.match(u):
        u, sent = text[units[1][0]:units[1][1]], sentence(text, units, 1)   # 答:符合条件的…可…: the answer decides
        if rk in ("measure", "other") and _after_question_line(text, rec["start"]) and not _is_criterion(sent) \
                and (_GRANT_RE.search(sent) or _DUTY_RE.search(sent) or _PERMIT_ANY_RE.search(sent)):
            return "measure"    # 问:…?\n答:A类人才可购买不超过180平方米…: an answer that grants, obliges or allows, as
            # when question and answer share a record
    if i == 0 and len(units) > 1 and rk in ("measure", "other") and (_CITE_FRAME_RE.match(u) or _SPEAKER_RE.match(u)):
        nxt, rest = text[units[1][0]:units[1][1]].lstrip("“"), sentence(text, units, 1)[len(u):].lstrip("“")
        if _starts_provision(nxt, rest) and not _is_criterion(rest) and not _is_news(rest, ctx):
            return "other"      # 《措施》明确,|对新建的…给予…: the frame apart, the provision starts after it
    if i == 0 and len(units) > 2 and rk in ("measure", "other") and _TOPIC_OPEN_RE.match(u) \
            and units[1][2] == "," and _CITE_FRAME_RE.match(text[units[1][0]:units[1][1]]):
        nxt, rest = text[units[2][0]:units[2][1]], sentence(text, units, 2)
        if _starts_provision(nxt, rest) and not _is_criterion(rest) and not _is_news(rest, ctx):
            return "other"      # 在住房方面,《措施》提出,|对首次购房的…: topic and frame apart
    if i == 0 and len(units) > 1 and units[1][2] == "," and rk in ("measure", "other") and _BASIS_FRAME_RE.match(u):
        nxt, rest = text[units[1][0]:units[1][1]], sentence(text, units, 1)
        if _starts_provision(nxt, rest) and not _is_criterion(rest) and not _is_news(rest, ctx) \
                and not _REPORT_RE.search(rest) and not _STAT_RE.search(rest):
            return "other"      # 根据《…》(…号)要求,|对新引进的博士给予…: the basis apart, the provision after it
            # (the same test the clause after it passes to open the provision; else the frame stays with it)
    if i == 0 and rk == "other" and _header_row(text[rec["start"]:rec["end"]]):
        return "other"          # 补贴项目 | 补贴对象 | 补贴标准 | 经办机构: a table's header row states nothing
    if i == 0 and rk == "measure" and not text[:rec["start"]].strip() and _HEADLINE_RE.fullmatch(text, rec["start"], rec["end"]):
        return "heading"        # 购房最高补贴6万元!我市出台…: the page's first line is its headline
    if i == 0 and rk in ("measure", "other") and _QUESTION_LINE_RE.match(text, rec["start"], rec["end"]):
        return "other"          # 1.问:见习期未满提前留用的,能否申领见习补贴? — a question grants nothing
    if i > 0 and before == "。" and cur == "measure" and _PAYOUT_COUNT_RE.match(u):
        return "cont"           # …最高100万元。涉及企业4家,拟兑现金额186.4万元: this round's count of its item, no provision
    if i > 0 and cur in ("other", "heading") and text[units[i - 1][1] - 1] in "?？" and _QUESTION_RE.search(u) \
            and "\n" not in text[units[i - 1][1]:s]:
        return "cont"           # 问二:购房补贴向哪个部门申请?怎么兑现? — the question goes on, no provision
    if i > 0 and before == "\n" and cur == "other" and _ANSWER_START_RE.match(u) \
            and _QUESTION_LINE_RE.match(text, rec["start"], units[i - 1][1]):
        return "measure" if (_GRANT_RE.search(sent) or _DUTY_RE.search(sent) or _PERMIT_ANY_RE.search(sent)) else "other"
    if i == 0:
        body = sentence(text, units, 1) if _title_first(text, units, rec.get("title")) == 1 else sent
        if len(u) <= 4 and _FRAME_RE.match(u) and len(units) > 1:
            # 据悉,/据了解, + a provision: the provision's sentence, frame included
            nxt = text[units[1][0]:units[1][1]]
            if rk in ("measure", "other") and (_PROVISION_OPEN_RE.match(nxt) or _COND_GRANT_RE.search(sent)) \
                    and (_GRANT_RE.search(sent) or _DUTY_RE.search(sent)) and not _REPORT_RE.search(sent):
                return "measure"
        if rk in ("measure", "other", "preamble") and u[:1] in "“\"" and _quoted_provision(text, rec):
            return "measure"    # “市级奖补资金由县农业农村部门审核、市财政局直接拨付。”张伟介绍: a provision, quoted
        if rk in ("measure", "other", "preamble") and (_is_news(sent, ctx) or _FRAME_RE.match(u)
                                                       or _reports(sent[:60]) and not _PROVISION_OPEN_RE.match(u)):
            return "news"
        if rk in ("measure", "other") and _outline(sent):
            return "other"      # 新政主要有三个亮点。/ 政策共分三个方面十条措施: the policy's parts counted, no provision
        if rk in ("measure", "goal") and (_OTHER_RE.match(sent) or body is not sent and _OTHER_RE.match(body)):
            return "other"      # (六、附则。本办法自2023年3月1日起施行: under a short title, the title's sentence)
        if rk in ("measure", "other", "preamble") and _COVER_NOTE_RE.match(sent):
            return "preamble"   # 现将《…》转发给你们: the cover note of a forwarded document
        if rk in ("measure", "other") and len(units) > 1 and units[1][2] == ":" and len(u) <= 14 \
                and _LIST_LEAD_RE.search(u) and not _GRANT_RE.search(u) and not _DUTY_RE.search(u) \
                and not _MARK_RE.match(u).group(0) and not rec.get("title"):
            return "other"      # 主要任务: — the label of the list that follows, no provision itself
        if rk in ("measure", "other") and (_NOTICE_LEAD_RE.search(sent) and not _GRANT_RE.search(sent)):
            return "preamble"   # 为…,现就…工作通知如下: the lead-in of a notice or a reply
        if rk in ("measure", "other") and _MARK_RE.match(u).group(0) and u.rstrip().endswith(("？", "?")) \
                and len(units) > 1 and "\n" in text[e:units[1][0] + 1] and len(u.strip()) <= 24:
            return "heading"    # 四、怎么申请?\n申请人通过…: a numbered question on its own line heads its answer
        if rk in ("measure", "other") and u.rstrip().endswith(("？", "?")) and not _answer_provides(text, units):
            return "other"      # 三、政策的主要内容是什么?\n《办法》…包括: a question over a list grants nothing
            # (有何奖励?\n对入围的…给予…: the question and its answer are one provision)
        if rk in ("measure", "other") and _contact(sent):
            return "other"      # 如有疑问,可拨打…咨询: a contact, no provision
        if rk in ("measure", "other") and (_COURTESY_RE.match(u) or _REPLY_OPENER_RE.match(u)
                                           and not (_GRANT_RE.search(sent) and _AMOUNT_RE.search(sent))
                                           or _QUESTION_RE.search(text[rec["start"]:rec["end"]])
                                           and not _AMOUNT_RE.search(text, rec["start"], rec["end"])):
            return "other"      # 感谢您对…的关心和支持 / 问:…有什么补贴? — courtesy and questions grant nothing
        if rk == "measure" and _BACKGROUND_RE.match(sent) and not _SUPPORT_RE.search(sent) and not _DUTY_RE.search(sent):
            return "other"      # 家庭托育点是…体系的重要组成部分: background, not a provision
        if rk in ("measure", "other") and _LEAD_TARGET_RE.match(sent) and not _SUPPORT_RE.search(sent):
            return "goal"       # 2023年,全市将新增城镇就业5万人
        if rk == "measure" and len(units) > 1 and units[1][2] == "。" and len(u) <= 40 \
                and _QUANTITY_GOAL_RE.search(_MARK_RE.sub("", u, count=1).rstrip("。 ")) \
                and not (_SUPPORT_RE.search(u) or _GRANT_RE.search(u) or _DUTY_RE.search(u) or _HISTORY_WORD_RE.search(u)):
            return "goal"       # 2023年全国募集就业见习岗位不少于100万个。各地要…: the target, then the duties
        if rk == "measure" and not text[:rec["start"]].strip() and "\n" not in text[rec["start"]:rec["end"]] \
                and not _SENT_END_RE.search(text, rec["start"], rec["end"]) and rec["end"] - rec["start"] <= _HEADLINE_MAX:
            return "heading"    # the page's headline, even when it names an amount (not a flattened guide or
            # table of a hundred characters: 事项名称:… 受理机构:… 补贴标准:按每人每月1860元…)
        whole = text[rec["start"]:rec["end"]].strip()
        if rk == "measure" and _MATERIALS_RE.search("".join((rec.get("path") or [])[-1:])) and not _GRANT_RE.search(whole):
            return "other"      # items of a 申报材料 list: documents to hand in
        if rk == "measure" and whole.endswith((":", "：")) and len(whole) <= 40 and not _GRANT_RE.search(whole) \
                and not ctx.get("cond") and not _CRITERION_HEAD_RE.match(whole) and not _LIST_OF_CASES_RE.search(whole):
            return "other"      # a lead-in (就业补助资金支出类别:) states nothing itself
        if rk == "measure" and len(whole) <= 10 and not re.search(r"[\d。；;,，:：、()（）]", whole) \
                and not _MARK_RE.match(whole).group(0) and not _GRANT_RE.search(whole) and not _DUTY_RE.search(whole):
            return "heading"    # 补贴政策解读: an unnumbered title line
        if rk == "measure" and len(units) <= 3 and _is_furniture_item(text[rec["start"]:rec["end"]]):
            return "other"      # an index number, a list of units (a table's 责任单位 cell), commentary
        if rk == "measure" and _COMMENTARY_RE.search(sent) and not _AMOUNT_RE.search(sent) \
                and not _PROVISION_OPEN_RE.match(u):
            return "other"
        if rk == "measure" and len(units) == 1 and _heads_numbered_items(text, rec["end"], u):
            return "heading"    # 二、支持旅游酒店业标准化建设\n1.对新评定…: a title line over its numbered items
        if rk == "measure" and len(units) == 1 and len(_MARK_RE.sub("", u, count=1)) <= 12 and _MARK_RE.match(u).group(0) \
                and not re.search(r"[。；;,，:：]", u) and not _PROVISION_OPEN_RE.match(u) and not _SUPPORT_RE.search(u) \
                and not _DUTY_RE.search(u) and not _AMOUNT_RE.search(u):
            return "other"      # `1、总则`: a line of a table of contents (not 3.由市人社局负责审核, 小微企业最高300万元)
        if rk in ("measure", "other") and (_is_criterion(body) or rk == "measure" and ctx.get("cond")
                                           and not (_GRANT_RE.search(body) and _AMOUNT_RE.search(body)
                                                    or _granted_amount(body))
                                           and not body.rstrip().endswith((":", "："))
                                           and not (_REFER_BACK_RE.match(body) and (_RULE_STATEMENT_RE.search(body)
                                                                                    or _GRANT_RE.search(body)))):
            return "criterion"
        if rk == "measure" and (_TARGET_RE.search(sent[:40]) and not _SUPPORT_RE.search(sent)
                                or body is not sent and _TARGET_RE.search(body[:40]) and not _SUPPORT_RE.search(body)
                                and not _GRANT_RE.search(body) and not _DUTY_RE.search(body[:12])):
            return "goal"       # 1.稳定粮食生产。全年粮食播种面积稳定在45.6万亩以上: a titled item that sets a target
        if rk == "other" and not ctx["struct"] and not _LIST_LEAD_RE.search(text, max(rec["start"], rec["end"] - 12), rec["end"]) \
                and (_PROVISION_OPEN_RE.match(u) and (_SUPPORT_RE.search(sent) or _DUTY_RE.search(sent))
                                                    or (_RULE_STATEMENT_RE.search(sent[:50]) or _AMOUNT_RE.search(sent))
                                                    and not _STAT_RE.search(sent) and not _REPORT_RE.search(sent)
                                                    or _CERTIFY_ACT_RE.search(sent)
                                                    or _PERMIT_RE.match(u) and not _STAT_RE.search(sent)
                                                    and not _REPORT_RE.search(sent) and not _HISTORY_WORD_RE.search(u)
                                                    or _PERIOD_PROVISION_RE.match(u) or _OBJECTION_RE.search(sent)
                                                    or _PROCEDURE_ACT_RE.search(body) and not _HISTORY_WORD_RE.search(body)
                                                    and not _STAT_RE.search(body) and not _REPORT_RE.search(body)
                                                    or _RESTRICTION_RE.search(u) and not _HISTORY_WORD_RE.search(u)
                                                    and not _REPORT_RE.search(sent)):
            return "measure"    # …,现认定X等4家单位为自治区科技企业孵化器: the notice's act of certifying;
            # 符合条件的人才可向市人社局提出申请: what a reader may do is a provision; 公示期:…至…; 如有异议,请于
            # 公示期内向区人社局反映: the procedure's own terms
        return rk
    if cur == "other" and before == "。" and _TRANSMIT_DUTY_RE.match(u) \
            and _DUTY_DONE_RE.search(sent):
        return "measure"    # 本通知所列政策执行至2025年12月31日。|各地要于6月30日前完成…发放工作: a dated duty
    if "preamble" in (rk, cur) and before == "。" and cur != "news" and _TRANSMIT_DUTY_RE.match(u):
        return "measure"    # 现将…转发给你们,请认真贯彻落实。|各地要于6月30日前将补贴资金兑付到户: a dated duty
    if rk == "preamble" and cur == "preamble" and text[units[i - 1][1] - 1] in "。:：" and _is_provision(u, sent) \
            and not _is_news(sent, ctx) and not _is_criterion(sent) and not _REPORT_RE.search(sent) \
            and not _STAT_RE.search(sent[:40]) and not _NOTICE_LEAD_RE.search(sent) and not _LEADIN_ASIDE_RE.search(sent) \
            and not _contact(sent):
        return "measure"    # 为…,现就有关事项通知如下:|对首次创业的…给予…: the lead-in ends, the provisions run on
    if rk not in ("measure", "other", "preamble") or rk == "preamble" and cur != "news":
        return "cont"
    if before == ":":           # the first item after a list lead-in (推出四项措施:全市…免收门票;…)
        if _CONTINUE_RE.match(u) or _REPORT_RE.search(sent) or _STAT_RE.search(sent[:40]) or _is_criterion(sent):
            return "cont"
        return "measure" if cur != "measure" or _is_provision(u, sent) or _RULE_STATEMENT_RE.search(sent[:40]) else "cont"
    if before == ",":
        if _sentence_frame(text, units, i - 1) and not _REPORT_RE.search(sent) and not _STAT_RE.search(sent) \
                and _starts_provision(u, sent) and not _is_criterion(sent) and not _is_news(sent, ctx):
            return "measure"    # 。根据办法,|企业实施…项目,按…给予补助: the provision starts after its frame
        if _sentence_frame(text, units, i - 1) and _FRAME_ACT_RE.match(u) and not _REPORT_RE.search(sent) \
                and not _HISTORY_WORD_RE.search(u):
            return "goal" if _NEXT_TARGET_RE.search(sent) and not _SUPPORT_RE.search(sent) else "measure"
            # …负责人表示,|下一步将组织技术人员… / 到2025年,我市…力争达到22件: what a body will do or reach, after its speaker
        if cur == "measure" and _COMMA_GRANT_RE.match(sent) and (
                _GRANT_RE.search(text, units[i - 1][0], units[i - 1][1]) or _AMOUNT_RE.search(text, units[i - 1][0], units[i - 1][1])) \
                and not _item_title_clause(text, units, i - 1):
            return "measure"    # 对A给予…,对B给予…: parallel grants (建设基地,对认定的给予… stays one; so does
            # 一是发放购房补贴,对在城区购买…的,按…给予补贴: the item's title, then its grant)
        if cur == "measure" and _CERTIFY_START_RE.match(u) and _CERTIFY_ACT_RE.search(text, units[i - 1][0], units[i - 1][1]):
            return "measure"    # 现认定A等4家单位为孵化器,认定B等9家单位为众创空间: parallel acts
        if cur == "measure" and _PARALLEL_GRANT_RE.match(sent) and _AMOUNT_RE.search(text, units[i - 1][0], units[i - 1][1]) \
                and _AMOUNT_RE.search(sent):
            return "measure"    # …每人每年补贴15000元,居家接受养老服务的,每人每年补贴6000元
        if cur == "measure" and u[0] not in "由经" and units[i - 1][1] - units[i - 1][0] > 8 and not _duty_chain(text, units, i) \
                and not text[units[i - 1][0]:units[i - 1][1]].rstrip(",， ").endswith("的") \
                and _BODY_START_RE.match(u) and _BODY_SUBJECT_RE.match(u) and not _FUNDS_BY_RE.match(u) \
                and not _HISTORY_WORD_RE.search(u) and (_SUPPORT_RE.search(sent) or _DUTY_RE.search(sent) or _ACT_VERB_RE.search(u)):
            return "measure"    # …提交相关证明材料,|省厅将对…进行评价: the next step, taken by a body of its own
        if cur == "measure" and u.rstrip(",，").endswith("的") and i + 1 < len(units) and units[i + 1][2] == "," \
                and _COND_SUBJECT_RE.match(u) and _THEN_GRANT_RE.match(text, units[i + 1][0], units[i + 1][1]) \
                and _AMOUNT_RE.search(text, units[i + 1][0], units[i + 1][1]) \
                and _DONE_ACT_RE.search(text, units[i - 1][0], units[i - 1][1]) \
                and not _SUBJECT_LEAD_RE.match(text, units[i - 1][0], units[i - 1][1]) \
                and not _item_title_clause(text, units, i - 1):
            return "measure"    # …延续实施…政策至2025年底,|企业招用…的,可按每人1500元给予…: a new case, its own grant
        if cur == "measure" and _LOCALITIES_DUTY_RE.match(u) and units[i - 1][1] - units[i - 1][0] > 12 \
                and not _DUTY_RE.search(text, units[i - 1][0], units[i - 1][1]):
            return "measure"    # …所需资金从失业保险基金中列支,|各地要加强基金运行分析: the localities' own duty
        if cur == "measure" and _OTHER_BENEFICIARY_RE.match(u) and _AMOUNT_RE.search(text, units[i - 1][0], units[i - 1][1]):
            return "measure"    # 新设基地一次性10万元奖励,|研发人员可获得5-20万元补助: another beneficiary, its own grant
        if cur == "news" and not _REPORT_RE.search(sent) and not _STAT_RE.search(sent):
            prev = text[units[i - 1][0]:units[i - 1][1]]
            if _NEWS_TURN_RE.match(prev) and (_PROVISION_OPEN_RE.match(u) and "给予" in sent
                                              or _COND_GRANT_RE.search(sent)) and not _HISTORY_WORD_RE.search(sent) \
                    and not _reported_before(text, units, i - 1):
                return "measure"    # 政策共有十条。其中,|对新落户的博士给予…: the report turns to a grant
            if (_FRAME_RE.match(prev) or _LEAD_FRAME_RE.match(prev)) and not _ISSUE_LEAD_RE.match(sent) \
                    and (_is_provision(u, sent) or _BODY_SUBJECT_RE.match(u) and not _HISTORY_WORD_RE.search(u)):
                return "measure"    # 记者从…获悉,今年我县继续实施…补贴政策,补贴标准为每亩110元
            g = _GLUED_FRAME_RE.match(u)
            if g and _is_provision(u[g.end():], sent[g.end():]):
                return "measure"    # …印发通知,明确对新建…项目给予…补贴
            if _ISSUED_DOC_RE.search(prev) and (_starts_provision(u, sent) or _NEW_POLICY_OPEN_RE.match(u)):
                return "measure"    # 近日,…下发了《…》,|计划每年投放1000万元…: the reported document, then its provision
        return "cont"
    if before in "。！!" and i >= 2 and _SHORT_REPLY_RE.fullmatch(text, units[i - 1][0], units[i - 1][1]) \
            and _ANSWER_LABEL_RE.match(text[units[i - 2][0]:units[i - 2][1]]):
        return "cont"           # 答：有。|2024年9月1日至…每辆补贴500元: the answer's yes, then what it grants — one provision
    if before in "。\n" and cur == "other" and _COURTESY_RE.match(text[units[i - 1][0]:units[i - 1][1]]) \
            and (_GRANT_RE.search(sent) or _DUTY_RE.search(sent)) and not _REPORT_RE.search(sent):
        return "measure"        # 谢谢您的提问。|在购房方面,对新引进的…给予…: the answer's provision after its courtesy
    if before in "\n。" and cur == "measure" and _ALL_ABOVE_BY_RE.match(sent):
        return "measure"        # 5.…认定。|以上奖补资金由市科技局会同市财政局组织申报: a line on all the items above
    if (cur != "news" and _title_first(text, units, rec.get("title")) == i) or _CONTINUE_RE.match(u):
        return "cont"           # (记者从…获悉,我市近日出台…措施。|对…给予…: a report's lead is no title over its provision)
    if _OTHER_RE.match(u):
        return "other"
    if (_FRAME_RE.match(u) or _LEAD_FRAME_RE.match(u)) and i + 1 < len(units) and units[i + 1][2] == "," \
            and not _REPORT_RE.search(sent) and not _STAT_RE.search(sent):
        nxt = text[units[i + 1][0]:units[i + 1][1]]
        rest = sent[len(u):]
        if _starts_provision(nxt, rest) and not _is_criterion(rest) and not _is_news(rest, ctx):
            # 根据办法,企业实施…项目,按…给予补助: the provision's own wording starts after the frame
            return "cont" if _REPORT_FRAME_RE.match(u) or _CITE_FRAME_RE.match(u) or _SPEAKER_RE.match(u) else "measure"
    if before in "；;" and cur == "measure" and _TIER_RE.match(u) and not _TIER_NOT_WHO_RE.search(_TIER_RE.match(u).group("who")) \
            and _AMOUNT_RE.search(text, units[i - 1][0], units[i - 1][1]):
        return "cont"               # …博士每人每月3000元;硕士研究生每人每月1500元: the next tier of one standard
    if before == "；" and _in_list(text, units, i) and not _is_news(sent, ctx) and not _is_criterion(sent):
        return "measure"            # the next item of a list opened by a lead-in (措施:A;B;C)
    if _is_news(sent, ctx) or (_reports(sent[:60]) or ctx.get("news_doc") and _STAT_RE.search(sent[:40])
                               and not _granted_amount(sent)) \
            and not _PROVISION_OPEN_RE.match(u):
        # (a figure that is a case's condition, 研发投入达到100万元以上的,按…给予补助, reports nothing)
        return "news" if cur != "news" else "cont"
    if _is_criterion(sent):
        return "criterion" if cur != "criterion" else "cont"
    if before in "；;" and cur == "measure" and _IF_CLAUSE_RE.fullmatch(u) and i + 1 < len(units) \
            and units[i + 1][2] == "," and _CONSEQUENCE_RE.match(text, units[i + 1][0], units[i + 1][1]):
        return "measure"    # …由市教育局统筹协调安排；|配偶随调随迁的,由市人社局…安置 / ；涉嫌违法犯罪的,移送…: a case
        # of its own with its own consequence (readers cut there: 63 of 66 such clauses after a semicolon)
    if before in "；;" and cur == "measure" and _FUNDED_BY_RE.match(sent):
        return "measure"    # …单个企业最高补助50万元；|小微企业统保平台保费由市财政全额承担: another case, its own funder
    if before == "；" and not (_COND_GRANT_RE.search(sent) or (_SUPPORT_RE.search(sent) or _PROVISION_OPEN_RE.match(u))
                               and (_AMOUNT_RE.search(sent) or _BENEFIT_LEN_RE.search(sent))
                               or re.match(_MARK + r"(?:对于?|凡)", u) or _CASE_CHANGED_RE.match(sent)):
        if not (_SUBJ_MODAL_RE.match(u) and not _DUTY_OPEN_RE.match(u)
                or (_BODY_SUBJECT_RE.match(u) or _BODY_REVIEWS_RE.match(u)) and _BODY_START_RE.match(u)
                and not _FUNDS_BY_RE.match(u)):
            return "cont"      # 组织申报…;会同…;负责…: duties listed in one provision
            # (…下达市级补助资金;各县(市、区)民政部门要会同…: a body of its own takes the next duty)
        return "measure"       # …发放护理补贴;街道应当为独居老年人建立…: its own subject and modal
    if _EXAMPLE_RE.match(u):
        return "cont"           # 举个例子:港籍工程师…: an illustration of the provision above
    if _REPLY_OPENER_RE.match(u):
        return "other" if cur != "other" else "cont"    # …的厚爱和支持!|你们提出的…建议,经…研究,现答复如下
    if _COURTESY_RE.match(u) or _contact(sent):
        return "cont"           # 如有疑问,可拨打12333咨询 / 感谢您对…的关注: a reply's close, no provision
    if before in "。\n" and _YEAR_TARGET_RE.match(u) and _TARGET_RE.search(sent) and not _SUPPORT_RE.search(sent) \
            and not _GRANT_RE.search(sent) and not _HISTORY_WORD_RE.search(sent):
        return "goal" if cur != "goal" else "cont"   # 。到2026年,签约率保持100%: a target inside a provision item
    if _is_provision(u, sent) or rk == "measure" and _DUTY_RE.search(sent[:20]):
        return "measure"
    if before in "。\n" and (_SUBJECT_GRANT_RE.match(sent) or _PERMIT_RE.match(sent) or _PERIOD_PROVISION_RE.match(u)
                             or (_SUBJ_ACTION_RE.match(u) or _BODY_SUBJECT_RE.match(u)) and not _HISTORY_WORD_RE.search(u)):
        return "measure"        # 获得市级以上科技进步奖的项目,区财政按…给予配套奖励 / 青年人才还可优先入住…
        # / 县政府设立优秀专利奖…: a new sentence whose subject grants, may or sets up something
    if before in "。；" and rk == "measure" and cur == "measure" and (_SUPPORT_RE.search(sent) or _DUTY_RE.search(sent)
                                                                 or _AMOUNT_RE.search(sent)) \
            and not _SENT_NOT_PROVISION_RE.match(u) and not _REPORT_RE.search(sent) and not _STAT_RE.search(sent[:40]):
        return "measure"        # 。生活补贴分5年发放 / 。消费券申领分两期…: inside a provision item each sentence that
        # grants, obliges or sizes something is its own provision (annotators cut there, spec: "one per sentence")
    return "cont"


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict | None:
    """The shipped kind model (``path``, default :data:`RESOURCE`): {labels, features, coef (float32 rows,
    base64), bias, confidence}, with ``vocab`` ({feature: row}) and ``W`` (the coefficient matrix) added."""
    import warnings

    p = Path(path) if path else RESOURCE
    if not p.is_file():     # a broken install: the rules decide, and say so once (the result is cached)
        warnings.warn(f"{p}: no kind model there; the rules decide alone", stacklevel=2)
        return None
    try:
        return prepare_model(json.loads(p.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as e:     # a damaged file: the rules decide, and say so once
        warnings.warn(f"{p}: unreadable kind model ({e}); the rules decide alone", stacklevel=2)
        return None


def prepare_model(m: dict) -> dict:
    """Add the scoring structures to a model as ``bench/train_kinds.py`` writes it."""
    import numpy as np      # (lazily: extraction without the model never needs it)

    m["vocab"] = {f: k for k, f in enumerate(m["features"])}
    coef = m.pop("coef")
    if isinstance(coef, str):   # float32 rows, base64: 10x faster to load than a JSON list of lists
        w = np.frombuffer(base64.b64decode(coef), dtype="<f4").reshape(len(m["features"]), len(m["labels"]))
    else:
        w = np.asarray(coef, dtype=np.float32).reshape(len(m["features"]), len(m["labels"]))
    # a row of zeros last: what an unknown feature reads, so lookups need no test (map runs in C)
    m["W"] = np.vstack([w.astype(np.float64), np.zeros((1, len(m["labels"])))])
    m["b"] = np.asarray(m["bias"], dtype=np.float64)
    m["unknown"] = len(m["features"])
    return m


def model_scores(model: dict, feats: list[str]) -> list[float]:
    # each feature once (the training counted presence), in the clause's own order: the same sum every run
    keys = dict.fromkeys(feats)
    rows = list(map(model["vocab"].get, keys, repeat(model["unknown"], len(keys))))
    return (model["W"].take(rows, axis=0).sum(axis=0) + model["b"]).tolist()


# Where the rules' label stands without asking the model: after a comma (the model overrode the rules in 1.5%
# of those clauses), and (first clause?, rule) pairs where its overrides gained little in cross-validation
# (a record the rules open as a measure: 31 right, 19 wrong over 2,769 clauses; as other, criterion or goal;
# a clause the rules call a measure's start). A heading or signature is the rules' too: the model
# learns them as ``other`` (the training folds those kinds into it), so its "other" there says nothing. A
# news record is the rules' as well: its overrides paid in cross-validation, but the rules cut the provision
# a news sentence reports after its comma (日前,…印发通知,|明确对…给予…) only under a news record.
# What is left to the model — preamble records, and whether a sentence after 。/；/a line break
# continues its item — is where its overrides paid, at 30% of the clauses the rules read.
_RULES_STAND = frozenset({(True, "measure"), (True, "other"), (True, "criterion"), (True, "goal"), (True, "news"),
                          (False, "measure"), (True, "heading"), (False, "heading"), (True, "signature"),
                          (False, "signature")})


_BRACKET_NOTE_RE = re.compile(r"\s*[\[【（(][^\]】）)]{0,8}(?:牵头|责任|配合|主办|协办)")


def _rules_firm(text: str, units: list[tuple[int, int, str]], i: int, item_start: int) -> bool:
    """Clauses whose reading the rules settle, whatever the model says (the model reads one clause at a time
    and cannot see these): a frame or connective whose comma hands on to the provision after it (通知明确,|
    同时,), what follows a bare answer (答:有。|2024年…), a bracketed responsibility note ([牵头单位:…]), a
    referral of crimes after a sanction (;涉嫌违法犯罪的,依法移送…)."""
    s, e, _ = units[i]
    u = text[s:e]
    if _FRAME_RE.match(u) or _CONNECTIVE_RE.match(u) or len(u) <= 6 and u.endswith((",", "，")) \
            and i + 1 < len(units) and units[i + 1][2] in ",，":
        return True
    if next(islice(_CJK_ONE_RE.finditer(text, item_start, s), 4, None), None) is None:
        return True             # the item so far is a word or two (at most 4 characters): 答:有。 / 是的。 (counting
        # stops at the fifth, so a long item costs no more than a short one)
    return _BRACKET_NOTE_RE.match(u) is not None or u.startswith("涉嫌")


def consults_model(i: int, before: str, rule: str) -> bool:
    """Whether ``refine`` asks the model about clause ``i`` (``before``: what precedes it; ``rule``: the rules' label)."""
    return (i == 0 or before not in ",，") and (i == 0, rule) not in _RULES_STAND


def model_label(model: dict, feats: list[str], first: bool, rule: str | None = None,
                confidence: float = 0.0) -> str:
    """The model's label; with ``rule`` given, the rules' label stands unless the model gives its own
    choice a probability of at least ``confidence``."""
    sc = model_scores(model, feats)
    labels = model["labels"]
    best, best_s = None, -math.inf
    for lab, v in zip(labels, sc):
        if first and lab == "cont":
            continue
        if v > best_s:
            best, best_s = lab, v
    if rule is not None and best != rule:
        top = max(sc)
        z = sum(math.exp(v - top) for v in sc)
        if math.exp(best_s - top) / z < confidence:
            return rule
    return best or "measure"


def decider() -> str:
    return os.environ.get("ZHENGCE_KINDS", DEFAULT_DECIDER)


# ---------------------------------------------------------------- refine

def _context(text: str, recs: list[dict], idx: int, struct: bool, news_doc: bool) -> dict:
    rec = recs[idx]
    cond = False
    # the nearest lead-in (a record ending with a colon) or the record's own path names conditions
    for t in (rec.get("path") or [])[-1:]:
        if _COND_LEAD_RE.search(t):
            cond = True
    for j in range(idx - 1, max(-1, idx - 12), -1):
        r = recs[j]
        seg = text[r["start"]:r["end"]].rstrip()
        if seg.endswith((":", "：")):
            cond = cond or bool(_COND_LEAD_RE.search(seg[-16:]) or _LIST_OF_CASES_RE.search(seg[-60:]))
            break
        label = len(seg) <= 12 and "\n" not in seg and not re.search(r"[。；;,，:：]", seg)
        if label and _COND_HEAD_RE.fullmatch(seg.strip()):
            cond = True         # a label cell of a service guide (申请条件 / 补贴对象) over its items
        if r["kind"] == "heading" or label and not _MARK_RE.match(seg).group(0) \
                or (r.get("path") or []) != (rec.get("path") or []):
            break               # a label line (办理流程) closes the section above it
    prev = recs[idx - 1] if idx else None
    prev_colon = bool(prev) and text[prev["start"]:prev["end"]].rstrip().endswith((":", "："))
    return {"struct": struct, "cond": cond, "news_doc": news_doc, "prev_colon": prev_colon}


def record_units(text: str, recs: list[dict], struct: bool):
    """Per refinable record: (index, units, ctx). Shared by inference and training."""
    news_doc = any(_news_head(text[r["start"]:min(r["end"], r["start"] + 40)]) for r in recs[:8])
    for idx, rec in enumerate(recs):
        if rec["kind"] not in REFINED_KINDS or rec.get("table"):
            continue            # a table flattened one cell per line is read whole
        units = clauses(text, rec["start"], rec["end"])
        if not units:
            continue
        yield idx, units, _context(text, recs, idx, struct, news_doc)


def refine(text: str, recs: list[dict], struct: bool, how: str | None = None) -> list[dict]:
    """Records cut into provisions with their kinds (rules or model)."""
    how = how or decider()
    if how == "off":
        return recs             # layout items only (ablation)
    model = load_model() if how == "model" else None
    out: list[dict] = []
    plan = {idx: (units, ctx) for idx, units, ctx in record_units(text, recs, struct)}
    for idx, rec in enumerate(recs):
        if idx not in plan:
            out.append(rec)
            continue
        units, ctx = plan[idx]
        items: list[list] = []   # [start, end, kind]
        for i in range(len(units)):
            cur = items[-1][2] if items else None
            lab = rule_label(text, rec, units, i, ctx, cur)
            if model is not None and consults_model(i, units[i][2], lab) \
                    and (lab != "cont" or not plain_continuation(text, rec, units, i, cur)) \
                    and (i == 0 or not _rules_firm(text, units, i, items[-1][0])):
                # (rule_label answers cont to every plain continuation: only a cont needs the check)
                lab = model_label(model, features(text, rec, units, i, ctx, lab, cur), i == 0, lab,
                                  model.get("confidence", 0.0))
            s, e, _ = units[i]
            if i == 0 or lab != "cont":
                items.append([s, e, lab if lab != "cont" else rec["kind"]])
            else:
                items[-1][1] = e
        if len(items) > 1 and items[0][2] == "measure" and items[1][2] == "measure" and _titled_line(text, rec["start"], items[1][0]):
            items[0][2] = "heading"     # 一、严格控制使用范围,坚持专款专用。\n要把…: the title line over the provisions below it
        for n, (s, e, k) in enumerate(items):
            end = rec["end"] if n == len(items) - 1 else _trim(text, s, items[n + 1][0])
            part = dict(rec, start=s if n else rec["start"], end=end, kind=k)
            if n:
                part["title"] = None
                part.pop("enum", None)
            out.append(part)
    _enum_siblings(out)
    return out


def _after_question_line(text: str, start: int) -> bool:
    """The line before ``start`` is a question line (问:…?)."""
    b = text.rfind("\n", 0, start)
    while b > 0 and not text[text.rfind("\n", 0, b) + 1:b].strip():
        b = text.rfind("\n", 0, b)       # blank lines between question and answer
    if b < 0:
        return False
    a = text.rfind("\n", 0, b) + 1
    return _QUESTION_LINE_RE.fullmatch(text, a, b) is not None


def _contact(sent: str) -> bool:
    """如有疑问,可拨打12333咨询: a contact line that grants and sizes nothing."""
    return _CONTACT_SENT_RE.match(sent) is not None and not _GRANT_RE.search(sent) and not _AMOUNT_RE.search(sent)


def _titled_line(text: str, s: int, nxt: int) -> bool:
    """text[s:nxt] is one numbered line of at most 30 characters that grants and sizes nothing: a title."""
    seg = text[s:nxt]
    line = seg.strip()
    if not line or "\n" in line or not seg.rstrip(" \t\u3000\xa0").endswith("\n"):
        return False        # not one whole line, ending where the next item starts
    mark = _MARK_RE.match(line).group(0)
    body = line[len(mark):]
    return bool(mark) and 0 < len(body) <= 30 and not _AMOUNT_RE.search(body) and not _GRANT_RE.search(body) \
        and not _PERMIT_RE.match(body) and not _SUPPORT_RE.search(body) and not _DUTY_RE.search(body)


def _enum_siblings(out: list[dict]) -> None:
    """Items of one 一是…二是…三是 enumeration are alike: in an ``other`` paragraph (a reply's narrative,
    a notice's lead), an item that the rules left ``other`` is a measure when a sibling is one
    (三是举办夜间消费节 after 一是发放…补贴;二是…)."""
    groups: dict[int, list[dict]] = {}
    for r in out:
        if r.get("enum") is not None:
            groups.setdefault(r["enum"], []).append(r)
    for items in groups.values():
        if len(items) >= 2 and any(r["kind"] == "measure" for r in items):
            for r in items:
                if r["kind"] == "other":
                    r["kind"] = "measure"


def _trim(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in _BLANK + "\n":
        e -= 1
    return e


# ---------------------------------------------------------------- not a policy page

_POLICY_TERMS_RE = re.compile(r"政策|补贴|补助|奖励|资助|扶持|办法|通知|意见|规定|措施|实施|申请|申报|政府|部门|财政|条件|标准"
                              r"|支持|鼓励|管理|服务|企业|给予|工作|发展|建设|推进")
# the narrower words of policy and government alone (no 服务/管理/工作/发展, which any prose has)
_POLICY_CORE_RE = re.compile(r"政策|补贴|补助|奖补|资助|扶持|优惠|减免|免征|贴息|办法|细则|通知|意见|规定|措施|方案|申报|申请|认定|审核"
                             r"|受理|财政|专项资金|资金|文件|印发|实施|政府|部门|人社|发改|科技局|管委会")
# below both densities (per 1,000 Chinese characters) a page is no policy at all
_UNRELATED_TERMS, _UNRELATED_CORE = 10.0, 8.0
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_MARKDOWN_RE = re.compile(r"(?m)^\s*(?:#{1,6}\s|[*\-+]\s|\|.*\|\s*$|```|>\s)")
_SENT_END_RE = re.compile(r"[。！？]")
# a roster (认定名单, 备案名录, 公示) is a list too, but one a government certifies: a policy page
_ROSTER_RE = re.compile(r"名单|名录|公示|认定|备案|拟入选|入选")
# the header cells of a policy table (a 政务公开标准目录, a task or subsidy table), each a line or a | cell of its own
_TABLE_HEAD_RE = re.compile(r"(?m)(?:^|\|)\s*(?:序号|事项名称|事项类别|公开内容|公开依据|公开时限|公开主体|公开方式|公开渠道|责任单位|牵头单位|"
                            r"配合单位|责任部门|办理时限|受理部门|申请条件|申报条件|补贴标准|补贴对象|补助标准|政策名称|政策内容|实施主体|"
                            r"服务对象|办理流程|完成时限|主要任务|工作任务)\s*(?:$|\|)")
_PINYIN_NOTE_RE = re.compile(r"[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü /]{1,30}\s*[)）]")


_CJK_HIGH_BYTES = bytes(range(0x4E, 0xA0))
_LETTER_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))


def _cjk_count(text: str) -> int:
    """``len(_CJK_RE.findall(text))`` at C speed (the regex costs ~80 us on a 5 KB page): the UTF-16
    code units whose high byte is 0x4E-0x9F are exactly U+4E00-U+9FFF (surrogates are D8-DF)."""
    hi = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(hi) - len(hi.translate(None, _CJK_HIGH_BYTES))


def _latin_count(text: str) -> int:
    """``len(_LATIN_RE.findall(text))`` at C speed: [A-Za-z] are ASCII, kept by a Latin-1 encoding."""
    b = text.encode("latin-1", "ignore")
    return len(b) - len(b.translate(None, _LETTER_BYTES))


def not_policy(text: str, measures: list | None = None) -> bool:
    """A page that is no government policy at all: a readme or other English/markdown file, a list of
    links, spam or unrelated prose with hardly any policy vocabulary. Kept in the store, left out of
    comparisons (index/compare.py). Conservative: a damaged real excerpt must stay a policy page."""
    if not text or not text.strip():
        return True
    cjk = _cjk_count(text)
    latin = _latin_count(text)
    if latin:   # (removing the notes cannot add letters: a page without any skips the substitution)
        latin = _latin_count(_PINYIN_NOTE_RE.sub("", text))   # pinyin notes (guān) are no English
    share = cjk / max(1, cjk + latin)
    if share < 0.3:
        return True                     # a readme, code, an English page
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(_MARKDOWN_RE.findall(text)) >= 5 and share < 0.5:
        return True                     # markdown documentation with a little Chinese in it
    if len(lines) >= 6 and len(_SENT_END_RE.findall(text)) <= 1 and max(len(ln) for ln in lines) < 60 \
            and sum(len(ln) < 30 for ln in lines) >= 0.8 * len(lines) and not _AMOUNT_RE.search(text) \
            and not any(_GRANT_RE.search(ln) or _DUTY_RE.search(ln) for ln in lines) \
            and not _ROSTER_RE.search(text) and len(_TABLE_HEAD_RE.findall(text)) < 2:
        return True                     # a list of links or headlines (no amounts, nothing granted or required;
        # a table read one cell per line under a header of its own — 序号/事项名称/公开依据… — is content)
    # news and Q&A about a policy are policy pages (spec): a reported provision counts as much as a stated one
    acts = any(getattr(m, "kind", None) in ("measure", "criterion", "goal", "news")
               and _SUPPORT_RE.search(getattr(m, "text", "")) for m in measures or [])
    terms = 1000 * len(_POLICY_TERMS_RE.findall(text)) / max(1, cjk)
    if terms < _UNRELATED_TERMS and 1000 * len(_POLICY_CORE_RE.findall(text)) / max(1, cjk) < _UNRELATED_CORE:
        return True                     # unrelated prose (sport, phones, markets): policy words are too rare
        # for any policy page, amounts and grant words or not (html-dev tune: 14 of 19 news pages; the
        # lowest of 447 tune policy pages reads 12.7 terms per 1,000 characters)
    return not acts and not _AMOUNT_RE.search(text) and not _ROSTER_RE.search(text) and terms < 6
