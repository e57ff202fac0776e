"""Paragraph-level reading of a policy page: what each unnumbered line is.

Lines outside numbered items (and the paragraphs under a heading whose title stands
alone) are classified as preamble (purpose clause, addressee, cover note), signature
(issuer + date), title or unnumbered heading, content, `other` material worth keeping
(document number, contact block, attachment list) or page furniture, which is dropped.
Offsets are always into the whole document text.
"""
from __future__ import annotations

import re

from .amounts import TABLE_CAPTION_RE, TABLE_MONEY_HEAD_RE  # one definition of a money table's header
from .deadlines import DUE_LABELS
from .kinds import cut_sentence
from .numbering import BULLET_CHARS
from .tables import CONTENT_HEAD_RE, DIGIT_START_RE, RULE_ROWS_RE, SPACED_HEADER_RE, caption_tables, vertical_tables, wrapped_row_tables

TITLE_END_RE = re.compile(r"[。；;：:！？!?]")
# Short non-sentence lines worth keeping as `other`; the rest is page furniture.
_KEEP_OTHER_RE = re.compile(r"〔\d{4}〕|附件|联系|电话|地址|邮编|邮政编码|传真|邮箱|网址|热线|此件|提案|标题|承办|答复|施行|抄送"
                            r"|印发|如下[:：]?$|[:：]\s*(0\d{2,3}-?\d{7,8}|1\d{10})")
# a line naming a benefit (初、中级人才租房补贴(缴费年限不超过3年)) over its tiers' money lines: their title, kept
_BENEFIT_NAME_RE = re.compile(r"补贴|补助|奖励|资助|津贴|安家费|生活费")
# A field of an application guide (申领时间：2024年3月1日至12月31日 / 补贴期限：最长12个月 / 补贴对象：…): short, but
# its value is what a reader came for (dates, lengths, who may apply) — content, never furniture
# (not 实施时间/实施日期: a law database's info box dates the document, it sets no term)
_GUIDE_FIELD_RE = re.compile(r"\s*(?:(?:申报|申领|申请|受理|办理|兑现|发放|拨付|公示|截止|报送|评审)(?:时间|期限|日期|时限|方式|地点|程序|流程)"
                             r"|(?:补贴|补助|奖励|资助|支持|扶持|政策|享受|服务)(?:对象|标准|期限|方式|范围|条件|额度|金额|内容|时间)"
                             r"|(?:实施|执行|有效|政策)期限?|(?:受理|主管|责任|经办|牵头|实施)(?:部门|单位|机构))\s*[:：]\s*\S")
_ADDRESSEE_RE = re.compile(r"^(各[^\n]{1,120}|[^\n]{0,30}(单位|企业|代表|委员|同志|人民政府)[^\n]{0,60}"
                           r"|[^\n:：]{2,40}(小组|委员会|部门|局|厅|委|办|中心|公司|学校|高校|院所|机构))[:：]\s*$")
_DATE_LINE_RE = re.compile(
    r"^[\s(（]*(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|20\d{4,6}|[二〇一二三四五六七八九十○Ｏ]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[\s)）]*$")
_ISSUER_LINE_RE = re.compile(
    r"^\s*(?:[\u4e00-\u9fff()（）]{2,40}(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|管委会|中心|院)[ \t\u3000]*){1,4}"   # joint issuers
    r"(\s*(\d{4}年\d{1,2}月\d{1,2}日|20\d{4,6}))?\s*\|?\s*$")
# Joint issuers that include ministries (人力资源社会保障部　财政部): two or more names on the line (a ministry's
# name alone is as often the site's banner, 中华人民共和国人力资源和社会保障部, as a signature)
_JOINT_ISSUER_LINE_RE = re.compile(
    r"^\s*(?:[\u4e00-\u9fff()（）]{2,40}(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|管委会|中心|院|部|署|支行|分行)[ \t\u3000]+){1,4}"
    r"[\u4e00-\u9fff()（）]{2,40}(?:人民政府|政府|办公厅|办公室|委员会|局|厅|委|管委会|中心|院|部|署|支行|分行)"
    r"(\s*(\d{4}年\d{1,2}月\d{1,2}日|20\d{4,6}))?\s*\|?\s*$")
_PUBLISH_NOTE_RE = re.compile(r"^\s*[(（]此件[^)）]{0,10}[)）]\s*$")
# The record block (版记) that closes a government document: distribution list, printing line.
_FOOTER_RE = re.compile(r"^\s*(?:(抄送|抄报|分送|主送)\s*[:：]"
                        # the printing colophon: 绵阳市人民政府办公室 2023年6月21日印发
                        r"|[^\n。，,]{2,40}?\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^\n。]{1,10}?日\s*印发?\s*$)")
ATTACH_RE = re.compile(r"^\s*(附件|相关链接|本文链接|本文关键词|相关文章|责任编辑|打印|关闭)")
_ACTION_RE = re.compile(r"给予|补贴|补助|奖励|资助|支持|鼓励|扶持|减免|免征|免收|贴息|应当|须|推进|建立|加强|实施|落实|完善|开展"
                        r"|(?:提高|放宽|降低|上调|下调|延长)(?:至|到)")   # 贷款最高额度由60万元提高至70万元
# Site disclaimers that scraped pages number like items (凡本网注明… / 如涉及作品内容…).
CHROME_RE = re.compile(r"^[\s\d.、]*(凡本网|本网|本站|凡注明|如涉及作品|如有侵权|版权|免责)")
# Page furniture that is no item at all: dropped from the records.
_FURNITURE_RE = re.compile(
    r"^[\s【\[(（\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]*(作者[:：]|网站首页|首页|当前(的)?位置|您(的|当前)?(所在)?(的)?位置|分享(到|按钮)|扫一扫|打印本页|关闭窗口|纠\s*错|加入收藏"
    r"|责任编辑|责编|来源[:：]|发布时间|发布日期|浏览次数|点击数|相关(阅读|推荐|文章|新闻|链接)|推荐资讯|新闻推荐|热门关键词"
    r"|关键词|本文关键词|本文链接|TAG标签|免责声明|版权所有|Copyright|ICP|备案号|联系我们|关于本站|网站声明|网站地图"
    r"|上一篇|下一篇|请输入(正确)?验证码|昵称|轻触这里|关闭目录|支持Ipv6|如需下载附件|资料图片|展开阅读全文|相关资源|相关搜索"
    r"|(?:分享|收藏|点赞|在看)(?:\s+(?:分享|收藏|点赞|在看|赞)\S*)+|政策原文请点击|点击[^。]{0,8}阅读原文"
    r"|图文[:：]|(?:编辑|审核|校对|责编)[:：]\s?\S{1,8}\s+(?:编辑|审核|校对|责编|终审|来源)[:：]|本页面信息|您对本页面"
    r"|基本编码|实施编码)"
    r"|\s>\s?\S", re.I)
_TITLE_LINE_RE = re.compile(r"关于|通知|办法|方案|意见|规划|细则|政策|措施|公告|公示|决定|规定|指南|通告|标准|名单|条例|计划|攻略|答复|要点")
_DOCNO_LINE_RE = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")
# the closing clause, also numbered (五、本公告自发布之日起施行) or naming the document by its short title
_CLOSING_RE = re.compile(r"^(?:[一二三四五六七八九十\d]{1,3}[、.．]\s?|第[一二三四五六七八九十百\d]+条\s?)?"
                         r"(?:本(?:实施)?(?:意见|办法|方案|通知|规定|细则|政策|措施|规划|决定|公告|通告|条例|指南|规则|指引)|《[^》]{1,40}》(?=\s?(?:自|由|有效期)))"
                         r"[^。]{0,40}(?:施行|实施|解释|有效期|执行|废止)")
_VERB_START_RE = re.compile(r"(鼓励|支持|对|加强|推进|建立|完善|开展|落实|引导|加快|积极|给予|实施)")
LEADIN_RE = re.compile(r"[:：]$")
_INLINE_ANNEX_RE = re.compile(r"(?<=[。;；)）,，])[ \u3000]*(?=附件\s*\d*\s*[:：])")
_PARA_SPLIT_RE = re.compile(r"(?<=[。;；)）,，])[ \u3000]*(?=附件\s*\d*\s*[:：])|(?<=[。！？!])[ \u3000\xa0]+(?=\S)|(?<=[:：])[ \u3000\xa0]+(?=\S{2,12}[:：,，])"
                            r"|[ \t]*\|[ \t]*(?=[^|\n]{40})")   # a long table cell is a paragraph of its own
_DUE_CELL_RE = re.compile(r"(?:19|20)\d{2}\s?年(?:\s?\d{1,2}\s?月)?(?:底|末|上旬|中旬|下旬|上半年|下半年)?(?:前|以前|之前)?$")
_TABLE_LABEL_RE = re.compile(r"序号|编号|牵头单位|责任单位|配合单位|完成时限|时间节点|补贴标准|支持标准|奖励标准|兑现单位$")
# A numbered row of a flattened table (| 2 | 最低生活保障标准 | 城市低保标准为…): its cells stay one line
_NUMBERED_ROW_RE = re.compile(r"[ \t]*\|?[ \t]*\d{1,3}[ \t]*\|")
# A cell that states something (a clause, a list, a cited rule), not a name or a figure
_STATING_CELL_RE = re.compile(r"(?:^|\|)(?:[^|\n]{0,80}?[，,；;：:《][^|\n]{0,80}|[^|\n\d]{0,40}、[^|\n\d]{0,40}、[^|\n\d]{0,40})(?=\||$)")
_SERIAL_HEAD_RE = re.compile(r"^[ \t]*\|?[ \t]*(?:序号|编号)[ \t]*\|")
# a table of provisions: a column of what is done (具体举措, 政策内容, 政策条款) and one of who does it
_TASK_HEADER_RE = re.compile(r"(?:任务|措施|举措|内容|事项|条款|要点|做法|标准|项目(?:名称)?)\s*(?:[(（][^)）|]{0,8}[)）])?\s*\|.*(?:牵头|责任|配合|(?:主管|实施|承办|兑现|负责|经办|受理)"
                             r"(?:单位|部门|处室|机构|科室))")
# the rule rows of a markdown table (| --- | :---: |) between its header and its rows
# One tier of a standard on a bullet line (■ 博士:15万元 / - 硕士:每月1000元 / ■ A类(国家级领军人才):生活津贴每月8000元)
_TIER_LINE_RE = re.compile(r"\s*(?:[" + BULLET_CHARS + r"\-–]\s*)[^\s:：,，。;；]{1,18}[:：]\s*[^。\n]{0,30}?\d[^。\n]{0,24}?(?:元|%)[^。\n]{0,24}")
_TIER_BULLET_RE = re.compile(r"[" + BULLET_CHARS + r"\-–]")
# A short line that leads in a list of tiers (…签订3年以上劳动合同的: / 首次在株购买自住商品住房的:)
_LEADIN_LINE_RE = re.compile(r"\s*[^\n。]{4,60}[:：]\s*")
# a headline's verbs (将享, 最高奖, 可获, 领到); a line that opens like a provision (对…/凡…/按…) is none
_HEAD_MONEY_WORD_RE = re.compile(r"[享获领]|最高|最多|高达|可达")
_PROVISION_LINE_RE = re.compile(r"\s*(?:[" + BULLET_CHARS + r"\-–]\s*)?(?:对|凡|按|给予|符合|经|由|在|为)")
_CONTENT_RECORD_KINDS = ("measure", "preamble", "criterion", "goal")
_YUAN = r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿|千)?元"   # (from a digit run's start: linear on long runs)
_YUAN_RE = re.compile(_YUAN)
_MONEY_ROW_RE = re.compile(_YUAN + r"|(?<![\d.])\d+(?:\.\d+)?\s*%")
_PAREN_LINE_RE = re.compile(r"^(?:[(（][^()（）]{2,200}[)）]"
                            # [牵头单位:市科技局;责任单位:市发改委…]: the item's units in square brackets
                            r"|[\[【](?=[^\]】]{0,20}?(?:牵头|责任|配合|主管|实施|协办)(?:单位|部门))[^\[\]【】]{2,200}[\]】])[。.]?$")
# A question on a line of its own, as a title (▶ 一共发多少钱？ / 三、谁可以申请？): short, one sentence
# (a 问:…? line of a Q&A keeps its own reading, `other`: readers split 14 : 13 on it)
_Q_HEAD_RE = re.compile(r"(?!\s*(?:问|Q)\s*\d*\s*[:：])[\s\W\d一二三四五六七八九十、.．]{0,4}(?=[^。；;！!？?\n|]{0,26}(?:什么|怎么|怎样|如何|哪些|哪里|哪个|多少|多久|多长|"
                        r"几[个年月天种类项]|谁|是否|能否|可否|能不能|可不可以|有没有|吗|呢))[^。；;！!？?\n|]{3,28}[？?]\s*")
_Q_KINDS = ("other", "measure", "preamble", "minor")
# a line's bullet (▶ 特别提醒): on a page of questions the other titles wear the same
BULLET_RE = re.compile(r"\s*[" + BULLET_CHARS + "]")
_SHORT_HEAD_RE = re.compile(r"^(?!为|根据|按照|依据)[^。；;,，、！？!?|]{4,24}[:：]?$")
# A paragraph that grants something concrete (an amount near a support verb): a measure
# even on a page without numbered items.
_SUPPORT_RE = re.compile(r"(给予|补贴|补助|奖励|资助|扶持|减免|免征|贴息|奖补)[^。]{0,40}?(\d+(\.\d+)?\s*(万|亿)?元|\d+%)"
                         r"|(?<![\d.])(\d+(\.\d+)?\s*(万|亿)?元|\d+(\.\d+)?%)[^。]{0,12}(补贴|补助|奖励|资助|奖补)")
_SHORT_GRANT_RE = re.compile(r"(补贴|补助|津贴|奖励|资助|奖补|安家费)[^。:：]{0,12}\d+(\.\d+)?\s*(万|亿)?元|(?<![\d.])\d+(\.\d+)?\s*(万|亿)?元\s*/\s*(年|月|人)")
_GOAL_PARA_RE = re.compile(r"^[^。]{0,40}(到|至)20\d\d年(底|末)?[,，][^。]{0,80}(达到|建成|培育|形成|突破|实现|超过|新增|力争)")
_NEWS_RE = re.compile(r"记者|获悉|讯|据介绍|据了解|通讯员|^(日前|近日|近年来|截至|众所周知|今年|去年|当天)|^\d{1,2}月\d{1,2}日")
PURPOSE_RE = re.compile(r"^第一条\s*为|^(第[一二三四五六七八九十\d]+条\s*)?为[^。]{0,600}(根据|依据|按照)《"
                         r"|^(第[一二三四五六七八九十\d]+条\s*)?(为|根据|依据|按照)[^。]{0,600}(制定|特制定|结合)[^。]{0,30}"
                         r"(本|此|如下|以下)(办法|细则|规定|方案|意见|措施|政策|条例|规则|标准|通知)")
# normalized text folds ！？ to ASCII: a ? before a break, a Chinese character or a quote ends a sentence too
# (问:补贴如何申请? is a question, not a title line; not the ? of a URL's query string). A ! is left out:
# headlines shout (…申请!) and stay headlines.
SENT_RE = re.compile(r"[。！？]|\?(?=$|\s|[\u4e00-\u9fff“”\"'(（])")
_PARA_RE = re.compile(r"[^\n]+")


_NOT_TITLE_RE = re.compile(r"[:：]\S|[,，]|如下[:：]?$")
_DIGIT_RE = re.compile(r"\d")
_FULL_DATE_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|20\d{4,6}\s*\|?\s*$")


def addressee_line(s: str) -> bool:
    """各有关单位: / 各县(市、区)人民政府,市直各部门: — whom a notice is addressed to."""
    return _ADDRESSEE_RE.match(s) is not None


def _balanced(s: str) -> bool:
    """A line cut inside 《…》 or (…) continues on the next line: not a title."""
    return s.count("《") == s.count("》") and s.count("(") + s.count("（") == s.count(")") + s.count("）")


def rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved left over trailing blanks and dangling separators (, 、)."""
    while end > start and text[end - 1] in " \t\n\r\u3000\xa0,，、":
        end -= 1
    return end


def lstrip_start(text: str, start: int, end: int) -> int:
    """``start`` moved right over leading blanks."""
    while start < end and text[start] in " \t\n\r\u3000\xa0":
        start += 1
    return start


# Administrative fields of a policy item or a service page, on a line of their own: who handles it, on what
# basis, where and whom to call (the provision is in the other lines)
ADMIN_FIELD_RE = re.compile(r"[ \t\u3000\xa0]*[(（]?(?:(?:经办|受理|办理|责任|主管|实施|承办|兑现|咨询|联系)(?:部门|单位|机构|主体|科室)"
                            r"|政策依据|依据文件|文件依据|设定依据|办公地址|办理地点|受理地点|咨询电话|联系电话|联系人"
                            r"|办理时间|申报地址|咨询方式|(?:政策|业务|申报)咨询"
                            # 驿站地址:…3楼 咨询时间:工作日9:00-17:30 — where and when to call, no provision
                            r"|(?:驿站|办公|办理|服务|受理|联系|通讯|单位|窗口|中心)地址|咨询时间|服务时间|办公时间)\s*[:：]")
_FIELD_DUTY_RE = re.compile(r"[,，]\s*(?:负责|承担|于\s?\d)")
_WORD_CHAR_RE = re.compile(r"[\u3400-\u9fffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


_DUTY_ARTICLE_RE = re.compile(r"第[一二三四五六七八九十百零〇]{1,4}条\s?(?![^，,。；]{0,12}(?:所称|是指|适用))"
                              r"[^。]{0,60}?(?:负责|承担|列支|拨付|组织实施)(?!解释)")


_DUE_FIELD_RE = re.compile(rf"(?:{DUE_LABELS})\s*[:：]\s*\S")


def paragraph_kind(p: str, has_headings: bool) -> str:
    """Kind of one paragraph read on its own: a record kind, or ``issuer`` (signature when a
    date follows), ``minor`` (short line: content under a title, else furniture), ``drop``."""
    s = p.strip()
    if _FURNITURE_RE.search(s[:40]) and not SENT_RE.search(s[:-1] if s.endswith("。") else s):
        return "drop"
    if not _WORD_CHAR_RE.search(s):
        return "drop"       # 🌟 / ★★★ / ———: decoration left before an item's marker, no words
    if _DUE_FIELD_RE.match(s):
        return "other"      # 完成时限：2024年10月底前 under a task: its due date, read (a short line had been dropped)
    if ADMIN_FIELD_RE.match(s) and len(s) <= 80 and "。" not in s[:-1] and not _FIELD_DUTY_RE.search(s):
        return "other"      # 经办部门：区就业和人才中心 / 政策依据：《…》: a field of the item, no provision
        # (受理单位：区商务局，负责申报材料的受理和初审: the field states a duty, a provision)
    if _CLOSING_RE.match(s):
        return "other"
    if _DOCNO_LINE_RE.match(s):
        return "other"
    if _DATE_LINE_RE.match(s) or _PUBLISH_NOTE_RE.match(s):
        return "signature"
    if _ISSUER_LINE_RE.match(s) or _JOINT_ISSUER_LINE_RE.match(s):
        return "issuer"       # a signature only when a date line follows
    if ATTACH_RE.match(s) or CHROME_RE.match(s) or _FOOTER_RE.match(s):
        return "other"
    if _ADDRESSEE_RE.match(s):
        return "preamble"
    if PURPOSE_RE.match(s):
        return "preamble"
    if not has_headings:
        # news and reply pages: narrative is `other`, a paragraph that acts is a measure
        if _NEWS_RE.search(s[:40]):
            return "other"
        if _GOAL_PARA_RE.search(s):
            return "goal"
        if (_SUPPORT_RE.search(s) or _ACTION_RE.search(s)) and (SENT_RE.search(s) or len(s) > 60 or _clause_line(s)):
            return "measure"
        if SENT_RE.search(s) or len(s) > 60:
            return "other"
    if _SHORT_GRANT_RE.search(s) and not SENT_RE.search(s[:-1]):
        return "measure"      # 国家领军人才落户补贴400万元 / 硕士学历人才9000元/年: a grant on its own line
    if _GOAL_PARA_RE.search(s):
        return "goal"
    if _DUTY_ARTICLE_RE.match(s):
        return "measure"      # 第五条 市市场监督管理局负责…受理: an article that assigns duties or funds, ahead of
        # the first heading on a page cut from a regulation's middle (readers 42 of 61 such articles measure)
    if SENT_RE.search(s) or len(s) > 60 or _clause_line(s):
        return "preamble"
    if s.count("|") >= 3 and _table_row(s):
        return "other"        # | 政策条款 | 主管部门 | 政策依据 |: a table's header row, no title
    if len(s) >= 6 and _TITLE_LINE_RE.search(s) and not _NOT_TITLE_RE.search(s) and _balanced(s) \
            and s.count("、") <= 2 and not _VERB_START_RE.match(s):
        if _EFFECT_DATE_RE.search(s):
            return "other"    # 哈尔滨…人才引进政策 3月10日起施行: a headline that dates the policy (its deadline is read)
        return "heading"      # the document's title line
    if LEADIN_RE.search(s) and _LEADIN_LIST_RE.search(s):
        return "other"        # 首次申请条件,…应当同时具备以下条件: — the lead-in of the list below, kept
    if _DUE_CELL_RE.match(s):
        return "other"        # 2024年12月底前 alone on its line: a 完成时限 cell of a table flattened line by line
    if s.count("|") >= 2 and _table_row(s):
        return "other"        # a row of a flattened table (序号 | 企业名称 | … | 30): content, not a nav bar
    if len(s) <= 40 and _MONEY_ROW_RE.search(s) and _HEAD_MONEY_WORD_RE.search(s) and not _PROVISION_LINE_RE.match(s) \
            and not re.search(r"[:：]|给予|的[,，]|[;；]\s*$", s):
        return "heading"      # 招徕旅客将享10万~60万元奖励: a news subhead that states money (its amount is read)
        # (not a case with its benefit, 多孩家庭购买首套住房的,最高可贷80万元;, nor a list item ending in ；)
    return "other" if _KEEP_OTHER_RE.search(s) or _GUIDE_FIELD_RE.match(s) else "minor"


def _clause_line(s: str) -> bool:
    """A line that states something though its full stop was lost (a cell of a table flattened one cell per
    line: 对招用高校毕业生的企业，按每人1500元给予补助): clauses and an act, so no furniture to drop."""
    return len(s) >= 16 and _CLAUSE_MARK_RE.search(s) is not None \
        and (_ACTION_RE.search(s) is not None or _MORE_ACTS_RE.search(s) is not None) \
        and not s.endswith((":", "：")) and s.count("|") < 2


_CLAUSE_MARK_RE = re.compile(r"[，,；;]")
_MORE_ACTS_RE = re.compile(r"提供|帮助|推动|推行|引导|保障|优化|简化|实行|设立|发放|返还|纳入|减半|延长|提高|降低")


def _table_row(s: str) -> bool:
    """A line with | between cells reads as a table row, not a nav bar (首页 | 政务公开 | 互动)."""
    return bool(_DIGIT_RE.search(s)) or any(len(c.strip()) >= 6 or _TABLE_LABEL_RE.match(c.strip()) for c in s.split("|"))


_EFFECT_DATE_RE = re.compile(r"(?:\d{1,2}日|\d{1,2}月|\d{4}年)起(?:施行|实施|执行|生效)|有效期至\s*\d")
_LEADIN_LIST_RE = re.compile(r"(?:以下|下列|如下)[^,，。:：]{0,8}[:：]$")


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of text[start:end], long lines also cut where a sentence end is
    followed by a space (a paragraph break that scraping turned into a space)."""
    out = []
    lines = list(_PARA_RE.finditer(text, start, end))
    piped = [text.count("|", m.start(), m.end()) >= 2 for m in lines]
    for k, m in enumerate(lines):
        cur = m.start()
        rows = _run_together_rows(text, m.start(), m.end()) if piped[k] else None
        if rows:
            out.extend(rows)    # 序号 | 名称 | 内容 | 1 | … | 2 | …: a table whose rows lost their breaks
            continue
        # a row of a | table of two rows or more keeps its cells on its line, however long they are
        in_table = piped[k] and (k > 0 and piped[k - 1] or k + 1 < len(lines) and piped[k + 1])
        if m.end() - m.start() > 60 and not _NUMBERED_ROW_RE.match(text, m.start(), m.end()) and not in_table:
            for sp in _PARA_SPLIT_RE.finditer(text, m.start(), m.end()):
                out.append((cur, sp.start()))
                cur = sp.end()
        out.append((cur, m.end()))
    spans: list[tuple[int, int]] = []
    for s0, e in out:
        s = lstrip_start(text, s0, e)
        e = rstrip_end(text, s, e)
        if s < e:
            if spans and (text.count("《", spans[-1][0], spans[-1][1]) > text.count("》", spans[-1][0], spans[-1][1])
                          or cut_sentence(text[spans[-1][0]:spans[-1][1]], text[s0:e])):
                spans[-1] = (spans[-1][0], e)     # a line broken inside 《…》, or inside its sentence, continues here
            else:
                spans.append((s, e))
    return spans


def _run_together_rows(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """Spans of the header and of each row of a | table whose rows were run together on one line: the header
    opens with 序号/编号 and runs to the cell "1"; each row then starts with the next number every as many
    cells. None for any other line."""
    bars = [m.start() for m in _BAR_RE.finditer(text, a, b)]
    if len(bars) < 6:
        return None
    lead = 1 if not text[a:bars[0]].strip() else 0        # | 序号 | …: an outer bar opens the line
    edges = ([bars[0]] if lead else [a - 1]) + bars[lead:]
    cells = [(edges[i] + 1, edges[i + 1]) for i in range(len(edges) - 1)]
    if not cells or not _SERIAL_CELL_RE.fullmatch(text, *cells[0]):
        return None
    width = next((i for i, (s, e) in enumerate(cells) if text[s:e].strip() == "1"), 0)
    if not 2 <= width <= 12 or len(cells) < 2 * width:
        return None
    out = [(a, cells[width][0] - 1)]
    n, i = 1, width
    while i < len(cells) and text[cells[i][0]:cells[i][1]].strip() == str(n):
        end = cells[i + width][0] - 1 if i + width < len(cells) else b
        out.append((cells[i][0], end))
        n, i = n + 1, i + width
    return out if n > 2 and i >= len(cells) else None


_SERIAL_CELL_RE = re.compile(r"\s*(?:序号|编号)\s*")
_BAR_RE = re.compile(r"\|")


def _vertical_money_tables(text: str, paras: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A table flattened one cell per line (``nlp.tables``) whose header names a money column or that a
    caption above sizes (序号\n单位名称\n补助金额(万元)\n1\n甲公司\n200…): one ``other`` record (``vtable``),
    never cut, so its cells are read as one table."""
    tables = vertical_tables([text[s:e] for s, e, _ in paras])
    if not tables:
        return _wrapped_row_records(text, paras)
    out: list[tuple[int, int, str]] = []
    i = 0
    for t in tables:
        hs, he = paras[t.head][0], paras[t.head + t.width - 1][1]
        caption = TABLE_CAPTION_RE.search(text, paras[max(0, t.head - 3)][0], hs) is not None
        if not caption and not TABLE_MONEY_HEAD_RE.search(text, hs, he):
            if any(CONTENT_HEAD_RE.search(text[a:b].strip()) for a, b, _ in paras[t.head:t.head + t.width]):
                # 序号\n政策名称\n政策内容\n责任单位\n1\n稳岗返还\n对…返还\n区人社局…: a table of provisions, a row each
                out.extend(paras[i:t.head])
                out.append((hs, he, "other"))
                for r in range(t.rows):
                    a = t.head + t.width * (r + 1)
                    out.append((paras[a][0], paras[a + t.width - 1][1], "vrow"))
                i = t.end
            continue
        out.extend(paras[i:t.head])
        s = hs
        if out and out[-1][1] - out[-1][0] <= 16 and TABLE_CAPTION_RE.search(text, out[-1][0], out[-1][1]):
            s = out.pop()[0]        # 单位:万元 on the line above: the table's caption, read with it
        out.append((s, paras[t.end - 1][1], "vtable"))
        i = t.end
    out.extend(paras[i:])
    return out


# A task table whose cells a copy separated by spaces, a row a line (序号 重点任务 责任单位 完成时限 /
# 1 印发医共体章程 县卫生健康委 2024年10月底前): its header names a task, content or due column
_TASK_CELL_RE = re.compile(r"(?:任务|内容|措施|举措|事项|工作|时限|完成时间|责任单位|牵头单位)$")
_ROW_SERIAL_RE = re.compile(r"[ \t\u3000]*(\d{1,3})[ \t\u3000]+\S")


def _spaced_task_rows(text: str, paras: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Such a table: its header an ``other`` record, each numbered row (one line, serials in sequence) a
    provision, as a table of provisions flattened one cell per line reads (readers: a row, a measure)."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(paras):
        s, e, k = paras[i]
        if k not in ("vtable", "vrow") and "|" not in text[s:e] and SPACED_HEADER_RE.fullmatch(text, s, e) \
                and any(_TASK_CELL_RE.search(c) for c in text[s:e].split()[1:]):
            rows, j = [], i + 1
            while j < len(paras):
                a, b, _ = paras[j]
                m = _ROW_SERIAL_RE.match(text, a, b)
                if m is None or int(m.group(1)) != len(rows) + 1 or "\n" in text[a:b].strip():
                    break
                rows.append((a, b, "vrow"))
                j += 1
            if len(rows) >= 2:
                out.append((s, e, "other"))
                out.extend(rows)
                i = j
                continue
        out.append(paras[i])
        i += 1
    return out


def _caption_table_records(text: str, paras: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A table under its money caption whose header was lost (单位：万元\n1 武汉市 3160\n2 黄石市 860…,
    ``nlp.tables.caption_tables``): one ``other`` record with its caption (``vtable``), rows and notes
    included — an allocation list states amounts, no provision each."""
    for t in caption_tables(text):
        a, b = t.rows[0][0], t.rows[-1][1]
        inside = [k for k, (s, e, _) in enumerate(paras) if a <= s and e <= b]
        if not inside:
            continue
        k0 = inside[0]
        if k0 and SPACED_HEADER_RE.fullmatch(text, paras[k0 - 1][0], paras[k0 - 1][1]):
            k0 -= 1             # its header line (序号 地区 分配金额 备注), read with it
        if k0 and paras[k0 - 1][1] - paras[k0 - 1][0] <= 16 and TABLE_CAPTION_RE.search(text, paras[k0 - 1][0], paras[k0 - 1][1]):
            k0 -= 1             # 单位：万元 on the line above: the table's caption, read with it
        paras = paras[:k0] + [(paras[k0][0], paras[inside[-1]][1], "vtable")] + paras[inside[-1] + 1:]
    return paras


def _wrapped_row_records(text: str, paras: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A table of provisions flattened one cell per line whose cells wrapped onto more lines
    (``nlp.tables.wrapped_row_tables``):
    its header an ``other`` record, each row (serial to last cell) a provision."""
    tables = wrapped_row_tables([text[s:e] for s, e, _ in paras])
    if not tables:
        return paras
    out: list[tuple[int, int, str]] = []
    i = 0
    for t in tables:
        out.extend(paras[i:t.head])
        out.append((paras[t.head][0], paras[t.head + t.width - 1][1], "other"))
        for a, b in t.rows:
            out.append((paras[a][0], paras[b][1], "vrow"))
        i = t.rows[-1][1] + 1
    out.extend(paras[i:])
    return out


# A speaker's or a field's tag opening a paragraph: 【主持人】, 【黄**】, 【新华社记者】, 【政策依据】 (short, no sentence;
# not a media placeholder such as 【图片】)
_SPEAKER_TAG_RE = re.compile(r"[ \t\u3000\xa0]*【(?!图|视频|音频|附件|相关|链接|专题|来源|编辑|责编|字体|打印|关闭)"
                             r"[^】\n。，,；;]{1,12}】[ \t\u3000\xa0]*")


def paragraph_records(text: str, start: int, end: int, has_headings: bool,
                       section_kind: str | None = None, path: list[str] | None = None,
                       heading_follows: bool = False) -> list[dict]:
    """One record (a dict: kind, path, title, start, end) per paragraph of text[start:end].

    Under a heading ``section_kind`` decides the kind of content paragraphs; runs that
    belong together (issuer + date, a table, a contact block, a unit on its own line)
    are merged, and page furniture is left out.
    """
    paras = []
    for s, e in paragraph_spans(text, start, end):
        tag = _SPEAKER_TAG_RE.match(text, s, e)
        if tag and tag.end() < e and "【" not in text[tag.end():e]:   # not a row of 【字段】值 fields
            s = tag.end()       # 【黄**】符合条件的…: who speaks labels the paragraph; its own wording starts after
        k = paragraph_kind(text[s:e], has_headings)
        if section_kind and k in ("preamble", "measure", "heading", "other", "minor") \
                and not _CLOSING_RE.match(text[s:e]) and not ATTACH_RE.match(text[s:e]) \
                and not _FOOTER_RE.match(text[s:e]) and not (ADMIN_FIELD_RE.match(text, s, e) and k == "other"):
            k = "other" if LEADIN_RE.search(text[s:e]) and e - s < 80 else section_kind
        paras.append((s, e, k))
    if "序号" in text[start:end] or "编号" in text[start:end]:
        paras = _vertical_money_tables(text, paras)
        paras = _spaced_task_rows(text, paras)
    if "单位" in text[start:end]:
        paras = _caption_table_records(text, paras)
    recs: list[dict] = []
    # questions as titles (▶ 什么时候发放？ / 三、谁可以申请？ on lines of their own): two or more make a Q&A page
    q_heads = sum(1 for s, e, k in paras if k in _Q_KINDS and _Q_HEAD_RE.fullmatch(text, s, e))
    table_head = None             # the header line of the table whose row is being read
    content_seen = False          # a preamble/measure paragraph came before
    for i, (s, e, kind) in enumerate(paras):
        if kind in ("vtable", "vrow"):
            recs.append({"kind": "other" if kind == "vtable" else "measure", "path": list(path or []), "title": None,
                         "start": s, "end": e, "label_open": False, "short_head": False, "table": True})
            continue
        if i and paras[i - 1][2] in ("preamble", "measure"):
            content_seen = True
        if kind in _Q_KINDS and q_heads >= 2 and _Q_HEAD_RE.fullmatch(text, s, e):
            kind = "short_head"  # ▶ 一共发多少钱？ on a page of such questions: the lines below answer it
        elif kind in ("minor", "other", section_kind) and _SHORT_HEAD_RE.match(text[s:e]) and _balanced(text[s:e]) \
                and (q_heads < 2 or BULLET_RE.match(text, s) or text[s:e].rstrip()[-1:] in ":：") \
                and not ADMIN_FIELD_RE.match(text, s, e) \
                and not (i + 1 < len(paras) and text.count("|", paras[i + 1][0], paras[i + 1][1]) >= 2) \
                and (section_kind or heading_follows or content_seen) \
                and not _DIGIT_RE.search(text, s, e) \
                and not _KEEP_OTHER_RE.search(text[s:e]) \
                and (i + 1 == len(paras) and heading_follows and (text[s:e][-1] in ":：" or e - s <= 12)
                     or i + 1 < len(paras) and paras[i + 1][2] not in ("drop", "signature", "issuer")
                     and (paras[i + 1][1] - paras[i + 1][0] > max(40, e - s + 6)
                          or SENT_RE.search(text[paras[i + 1][0]:paras[i + 1][1]])
                          or paras[i + 1][2] == "minor" and paras[i + 1][1] - paras[i + 1][0] > e - s + 6)):
            kind = "short_head"  # an unnumbered title line: 享受条件 / 政府资助:
        if kind == "minor":
            # a short line is content right under a title line (享受主体 → 国家级…众创空间), else furniture
            # (and so is every short line after it, up to the next title: ▶ 市民怎么领券？ → 每人每期限领1张 → …)
            kind = (section_kind or "measure") if recs and (recs[-1].get("short_head") or recs[-1].get("opens")
                                                             or recs[-1].get("under_head")) \
                and recs[-1]["end"] == paras[i - 1][1] else \
                "other" if recs and recs[-1].get("label_open") and recs[-1]["end"] == paras[i - 1][1] \
                and _MONEY_ROW_RE.search(text, s, e) else \
                "other" if (text[s:e].rstrip().endswith((":", "：")) or _BENEFIT_NAME_RE.search(text, s, e)
                            and not DIGIT_START_RE.match(text, s)) and i + 1 < len(paras) \
                and paras[i + 1][1] - paras[i + 1][0] <= 40 and _MONEY_ROW_RE.search(text, paras[i + 1][0], paras[i + 1][1]) \
                else "money_line" if _YUAN_RE.search(text, s, e) and not _FURNITURE_RE.search(text[s:e][:40]) \
                else "drop"     # • 资助金额:\n2000万元: a field and its value, kept
        if kind == "money_line":
            # 每人2000元 (a cell of a table flattened line by line): a line that names money is no furniture,
            # its amounts count: it ends the content record right above it, else it stands alone (a headline
            # before any content: 总额16.8亿元的消费券今起发放)
            if recs and recs[-1]["kind"] in _CONTENT_RECORD_KINDS and "\n\n" not in text[recs[-1]["end"]:s]:
                recs[-1]["end"] = e
                continue
            kind = "other" if content_seen or any(r["kind"] not in ("heading", "other") for r in recs) else "heading"
        elif kind == "preamble" and recs and (recs[-1].get("short_head") or recs[-1].get("opens") or recs[-1].get("under_head")) \
                and not section_kind \
                and not PURPOSE_RE.match(text[s:e]) and not _ADDRESSEE_RE.match(text[s:e]):
            kind = "measure"     # the text under 优惠内容 states the measure
        if kind == "drop":
            continue
        if recs and recs[-1].get("label_open") and kind in ("other", "preamble") \
                and e - s <= 60 and not SENT_RE.search(text[s:e]) and not text.startswith("附件", s):
            recs[-1]["end"] = e         # 联系方式: followed by its name/phone lines: one block
            continue
        if kind == "issuer":
            j = i + 1
            while j < len(paras) and paras[j][2] == "issuer":
                j += 1          # joint issuers, one a line (虹口区科学技术委员会\n虹口区发展和改革委员会\n…)
            nxt = paras[j][2] if j < len(paras) else None
            full_date = bool(_FULL_DATE_RE.search(text[s:e]))
            run_ends_page = j >= len(paras) and j - i >= 2 and not text[paras[j - 1][1]:].strip()
            kind = "signature" if nxt == "signature" or full_date or run_ends_page else "other"
            if recs and recs[-1]["kind"] == "signature" and recs[-1].get("joint") \
                    and not text[recs[-1]["end"]:s].strip():
                recs[-1]["end"] = e     # the next name of the same signature block
                continue
            if kind == "signature" and j > i + 1:
                recs.append({"kind": "signature", "path": list(path or []), "title": None, "start": s, "end": e,
                             "label_open": False, "short_head": False, "joint": True})
                continue
        if recs and _PAREN_LINE_RE.match(text[s:e]) and recs[-1]["kind"] in ("measure", "goal", "preamble") \
                and not _PUBLISH_NOTE_RE.match(text[s:e]):
            recs[-1]["end"] = e         # (市劳动就业中心): the paragraph's unit on a line of its own
            continue
        if recs and text.count("|", s, e) >= 2 and text.count("|", recs[-1]["start"], recs[-1]["end"]) >= 2 \
                and (recs[-1]["end"] == paras[i - 1][1] or RULE_ROWS_RE.fullmatch(text, recs[-1]["end"], s)):
            head_line = recs[-1].get("table_head") or next(
                (ln for ln in text[recs[-1]["start"]:recs[-1]["end"]].split("\n") if ln.count("|") >= 2), "")
            table_head = head_line
            # a catalogue (序号 | 公开事项 | 公开内容 | …) whose numbered rows state something: one item per row
            catalogue = bool(_SERIAL_HEAD_RE.match(head_line)) and bool(_NUMBERED_ROW_RE.match(text, s, e)) \
                and sum(1 for c in text[s:e].split("|") if len(c.strip()) >= 12 and _STATING_CELL_RE.search("|" + c)) >= 1
            if not _MONEY_ROW_RE.search(text, s, e) and not _TASK_HEADER_RE.search(head_line) and not catalogue:
                recs[-1]["end"] = e     # rows of one flattened table: one record
                continue
            # a row that states an amount (一级能效家电 | 按成交价的15%给予补贴,每台最高不超过2000元), or a row of
            # a task table (序号 | 重点任务 | 牵头单位 | …): one provision per row; its header row states nothing
            if not recs[-1].get("table_head") and not _MONEY_ROW_RE.search(text, recs[-1]["start"], recs[-1]["end"]) \
                    and not _DIGIT_RE.search(text, recs[-1]["start"], recs[-1]["end"]):
                recs[-1]["kind"] = "other"
            kind = "measure" if kind in ("measure", "other", "preamble") else kind
        if recs and _TIER_BULLET_RE.match(text, s) and recs[-1]["end"] == paras[i - 1][1] and _TIER_LINE_RE.fullmatch(text, s, e) \
                and (recs[-1].get("tiers") or _LEADIN_LINE_RE.fullmatch(text, recs[-1]["start"], recs[-1]["end"])
                     or _TIER_LINE_RE.fullmatch(text, recs[-1]["start"], recs[-1]["end"])):
            # 全职新引进…的:\n■ 博士:15万元\n■ 硕士:5万元: the tiers of one standard under its lead-in, one item
            recs[-1].update(end=e, tiers=True, kind="measure" if recs[-1]["kind"] in ("other", "preamble", "measure")
                            else recs[-1]["kind"], label_open=False)
            continue
        if kind == "signature" and recs and recs[-1]["kind"] == "signature" \
                and not _PUBLISH_NOTE_RE.match(text[s:e]):
            recs[-1]["end"] = e         # issuer line + date line: one signature
            continue
        if kind == "signature" and _PUBLISH_NOTE_RE.match(text[s:e]):
            kind = "other"
        short_head = kind == "short_head"
        kind = "heading" if short_head else kind
        title = text[s:e].rstrip(":：") if kind == "heading" and "\n" not in text[s:e] else None
        if section_kind and kind in ("measure", "goal"):
            tm = TITLE_END_RE.search(text, s, min(e, s + 31))
            title = text[s:tm.start()] if tm and tm.group() == "。" else None
        recs.append({"kind": kind, "path": list(path or []), "title": title, "start": s, "end": e,
                     "label_open": kind == "other" and text[e - 1] in ":：", "short_head": short_head})
        if kind == "heading" and q_heads >= 2 and (_Q_HEAD_RE.fullmatch(text, s, e) or BULLET_RE.match(text, s)):
            recs[-1]["opens"] = True        # a question (or a title bulleted like one): the lines below answer it
        elif kind in _CONTENT_RECORD_KINDS and recs[-2:-1] \
                and (recs[-2].get("opens") or recs[-2].get("under_head")) and recs[-2]["end"] == paras[i - 1][1]:
            recs[-1]["under_head"] = True   # so is every short line after the first, up to the next title
        if table_head:
            recs[-1]["table_head"] = table_head     # the next row is read against the same header
        table_head = None
    for r in recs:
        r.pop("table_head", None)
        r.pop("tiers", None)
        r.pop("under_head", None)
        r.pop("opens", None)
    return recs


def split_trailing(text: str, rec: dict) -> list[dict]:
    """Cut issuer/date/closing/link lines off the end of an inline record."""
    s, e = rec["start"], rec["end"]
    m = _INLINE_ANNEX_RE.search(text, s + 20, e)
    if m:                       # `…报送至市科技局)附件:1.…` on one line: the annex is no part of it
        head = dict(rec, end=rstrip_end(text, s, m.start()))
        return [head] + paragraph_records(text, m.end(), e, True)
    if text.find("\n", s, e) < 0:
        return [rec]            # one line: nothing trails it
    lines = paragraph_spans(text, s, e)
    cut = next((ls for ls, le in lines[1:] if text.startswith("附件", ls)), None)
    if cut is not None:         # an annex starts here: it is no part of the measure
        head = dict(rec, end=rstrip_end(text, s, cut))
        return [head] + paragraph_records(text, cut, e, True, heading_follows=e < len(text.rstrip()))
    for ls, le in reversed(lines[1:]):
        if _PAREN_LINE_RE.match(text[ls:le]) and not _PUBLISH_NOTE_RE.match(text[ls:le]):
            break               # (市劳动就业中心): the measure's responsible unit on its own line
        k = paragraph_kind(text[ls:le], True)
        if k in ("signature", "other", "issuer", "drop", "minor") and le - ls <= 80:
            cut = ls
            continue
        break
    if cut is None:
        return [rec]
    head = dict(rec, end=rstrip_end(text, s, cut))
    return [head] + paragraph_records(text, cut, e, True, heading_follows=e < len(text.rstrip()))
