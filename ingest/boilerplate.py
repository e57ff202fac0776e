"""Line-level removal of site chrome around a policy text; byline -> metadata.

Works on lines from :func:`zhengce.ingest.html.html_to_lines` and on flattened
text dumps alike. Each line is matched on a *key*: pinyin notes removed
(``相關(guān)新聞`` -> ``相關新聞``), converted to simplified with OpenCC, spaces
dropped (``【 糾 錯 】``). The original line is what is kept or removed.

Three kinds of evidence, from strongest to weakest:

1. Unambiguous chrome anywhere: ICP/公网安备 numbers, disclaimer and copyright
   blocks, comment boxes, share/print/QR widgets, 本文链接 tails, counters.
   Patterns are anchored at the line start or limited to short lines, so a
   body paragraph that merely mentions 版权 or 网站 stays.
2. Position: chrome clusters before the first and after the last paragraph of
   body text. There (and only there) menu lines, breadcrumbs, site names,
   Latin-only lines, 主办/承办 footers are chrome, and short menu items next to
   navigation are swept up with it. A table row such as ``承办单位: | 主办: |
   科技局`` inside a reply letter is body.
3. Terminal markers: once a related-news header, disclaimer, copyright,
   footer or comment box appears in the second half of the text, everything
   after it is chrome (related headlines, other stories, comment threads).

Byline lines (来源 / 作者 / 日期 / 发布时间 / 浏览次数 / 字号) leave the body and
fill ``Body.byline`` (``source_site``, ``author``, ``date`` ISO when it parses,
``raw`` lines), in simplified script.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import CJK_RE, parse_iso
from .script import t2s

_PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7}\)")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
# Keys are matched with ASCII punctuation: real pages write 来源： / 字号： / 关(guān) with
# full-width marks, and every pattern below is written once, with the ASCII form.
_KEY_PUNCT = tuple(zip("：，；！？（）｜", ":,;!?()|"))


def _ascii_punct(s: str) -> str:
    for wide, narrow in _KEY_PUNCT:   # str.replace: ~100x faster than str.translate on CJK text
        if wide in s:
            s = s.replace(wide, narrow)
    return s
_CJK = CJK_RE
_BODY_PUNCT = re.compile(r"[,,。;;::]")
_SENTENCE_PUNCT = re.compile(r"[,,。;;!!??::、]")

# ------------------------------------------------------------------ patterns
_KEY_CHARS = 200         # head of each line that is matched (see _keys)
# Each entry: (kind, compiled pattern on the space-free simplified key, max key length).
_ANYWHERE: tuple[tuple[str, re.Pattern, int], ...] = tuple(
    (kind, re.compile(rx), cap) for kind, rx, cap in (
        ("icp", r"icp备|icp证|公网安备|网安备\d|网站标识码|网站识别码", _KEY_CHARS),
        ("disclaimer", r"^[【\[]?(版权与免责声明|免责声明|版权声明|郑重声明|法律声明|特别声明)", 100000),
        ("disclaimer", r"仅供参考.{0,12}以.{0,12}为准|不代表本(站|网)(观点|立场)|仅供参考.{0,6}不构成|^声明[::]", 120),
        ("copyright", r"^(版权所有|copyright|©|\(c\)\d{4})", 100000),
        ("copyright_note", r"版权所有|未经(本网|本站)?授权.{0,6}(禁止|不得)转载|转载请注明", 160),
        ("comment", r"昵称.{0,8}验证码|所有评论仅代表|网友评论|全部评论|发表评论|我要评论"
                    r"|^(请输入(正确的?)?)?验证码|^共?\d*条?评论$|^已有\d+条评论|^(我要留言|网友留言|发表留言|查看留言)", 60),
        ("share", r"^分享(按钮|到|至)|分享到[::]?|一键分享|^\d*分享[::]?$|^(微信|微博|qq空间|朋友圈)$", 40),
        ("qr", r"扫一扫|二维码|扫码(阅读|关注|查看)", 40),
        ("tool", r"打印本页|打印此页|打印文章|打印正文|关闭窗口|关闭本页|加入收藏|收藏本页|设为首页"
                 r"|返回顶部|【纠错】|^纠错$|我要纠错|^([【\[]?(打印|关闭|收藏|朗读|返回|纠错)[】\]]?)+$|^[【\[]?(字号|字体)[::]?|^【?大中小】?$"
                 r"|^\[?(大|中|小)\]?\[?(大|中|小)\]?\[?(大|中|小)\]?$|^(轻触这里|关闭目录|点击查看|阅读原文|页面功能[::]?)$|^(展开|阅读|查看)?(余下|剩余)全文"
                 r"|^[▶►]?(视频|音频)(正在)?加载中[.。…]*(请稍[候等][.。…]*)?$"
                 # a line of page tools and nothing else: [打印] [收藏] 分享:微信 微博 / 【打印】【关闭】 字号:大 中 小
                 r"|^(?=.*(?:打印|关闭|收藏|分享|字号|字体|纠错))(?:[\[【(]?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|加入收藏"
                 r"|收藏|分享(?:到|至)?|微信|微博|朋友圈|qq空间|qq|字号|字体|大|中|小|纠错|朗读|复制链接)[\]】)]?[:|/·•、,]*){2,}$", 60),
        ("error", r"^404$|页面不存在|页面已(被)?删除|您访问的页面|找不到(该|此)?页面|^(not found|page not found)$", 40),
        ("browser", r"浏览器版本(太|过)低|升级您的浏览器|即将离开.{0,30}(网站|网)|(推荐|建议)使用.{0,30}(浏览器|分辨率)", 120),
        ("link_tail", r"^(本文链接|本文地址|本页地址|本文网址|本文关键词|本文标签|原文链接|原文地址|原标题"
                      r"|关键词|关键字|tag标签|标签)[::]|^\(?原题为", 100000),
        ("editor", r"^[\[(【]?(责任编辑|责编|编辑|校对|监制|编审|值班编辑|文字编辑|图片编辑)[::]|(责任编辑|责编)[::]", 60),
        # a site's own plug closing an article: 更多…相关信息,敬请关注… / 本文来自…请下载…APP
        ("promo", r"^[(\[【]?更多.{0,24}(敬请|请)(关注|下载|访问|登录|点击)|^\(?本文来自.{0,30}(app|客户端)"
                  r"|(下载|关注).{0,12}(客户端|app|公众号)\)?$|(app|客户端)下载$", 80),
        ("caption", r"^[(（]?资料图(片)?.{0,10}[)）]?$", 20),
        ("counter", r"今日访问量|总访问量|访问量[::]?\d*$|访问人次|浏览次数|阅读次数|点击数[::]|点击量[::]"
                    r"|阅读人次|评论人次|^阅读\(\d+\)|第\d+位访问者|^(阅读|浏览)量[::]?\d*$|^(阅读|浏览)数[(::]?\d+\)?$", 60),
        ("hot", r"^(热门关键词|热门标签|热门搜索|热门推荐|热点专题|热门专题|热门文章|热点推荐)", 100000),
        ("nav", r"^(您|你)?(当前|现在|所在)的?位置|^您的位置|^(本网站|本站|网站)?已?支持ipv6|^网站首页$|^返回首页$", 80),
        # a reposting site's own trade: a consultancy's advert, the paywall, a WeChat account's asks, wiki apparatus
        ("ad", r"不成功不收费|一条龙服务|私信获取|获取报价|免费评估热线|免费咨询热线|微信同号|加微信咨询|添加微信|长按识别", 80),
        ("paywall", r"仅展示部分内容|查看全文请|登录后查看全文|开通会员|vip会员|下载word版", 80),
        ("promo", r"^点击(上方)?蓝字|^(记得)?(点赞|点个赞|点在看)|建议收藏[!！]?$|^小编(说两句|提示|温馨提示)?[::]"
                  r"|^收录于(合集|话题)", 80),     # 收录于合集 #政策速递 46个: a WeChat post's collection line
        ("hot", r"^猜你(关注|喜欢|想看)[::]", 100000),
        ("disclaimer", r"(内容|信息)均?由网友(编辑|提供|上传|发布)", 120),
        ("reference", r"^\[\d+\].{0,80}(引用日期|访问日期)|^(词条统计|参考资料|词条标签)$|^中文名", 200),
        ("footer_menu", r"(关于本站|网站声明|网站地图|联系我们|隐私(政策|声明)|使用帮助|网站纠错|意见建议|关于我们)"
                        r".{0,20}(关于本站|网站声明|网站地图|联系我们|隐私(政策|声明)|使用帮助|网站纠错|意见建议|关于我们)", 120),
    ))


def _top_alternatives(rx: str) -> list[str]:
    """The pattern split at its top-level ``|`` (outside groups, classes and escapes)."""
    alts, cur, depth, in_class, i = [], [], 0, False, 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            cur.append(rx[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if rx[i + 1:i + 2] == "]" or rx[i + 1:i + 3] == "^]":   # a ] first in a class is literal
                cur.append(rx[i:i + 2])
                i += 2
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            alts.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    alts.append("".join(cur))
    return alts


def _required_strings(items) -> list[str] | None:
    """Strings of which every match of the parsed sequence ``items`` contains one (the longest
    such choice), or None when none can be named."""
    from re import _parser as sp  # noqa: PLC0415 -- only at import, to build the gate below

    best: list[str] | None = None

    def consider(opts: list[str] | None) -> None:
        nonlocal best
        if opts and all(opts) and (best is None or min(map(len, opts)) > min(map(len, best))):
            best = opts

    run = ""
    for op, av in items:
        if op is sp.LITERAL:
            run += chr(av)
            continue
        consider([run] if run else None)
        run = ""
        if op is sp.SUBPATTERN:
            consider(_required_strings(av[-1]))
        elif op is sp.BRANCH:
            subs = [_required_strings(b) for b in av[1]]
            if all(subs):
                consider([s for sub in subs for s in sub])
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT) and av[0] >= 1:
            consider(_required_strings(av[2]))
        elif op is sp.IN and av and all(o is sp.LITERAL for o, _ in av):
            consider([chr(v) for _, v in av])
    consider([run] if run else None)
    return best


def _gate(patterns: tuple[tuple[str, re.Pattern, int], ...]):
    """A quick test that is true whenever any of ``patterns`` finds a match (None: none could be
    built): one regex for the alternatives anchored at the start, and one of literal strings
    that every other alternative's match contains. Most lines are body text that no chrome
    pattern matches, and two searches cost less than one per pattern."""
    try:
        from re import _parser as sp  # noqa: PLC0415

        anchored: list[str] = []
        needles: set[str] = set()
        for _, rx, _ in patterns:
            if rx.flags & ~re.UNICODE:
                return None
            for alt in _top_alternatives(rx.pattern):
                if alt.startswith("^"):
                    anchored.append(alt[1:])
                    continue
                found = _required_strings(sp.parse(alt))
                if not found:
                    return None
                needles.update(found)
        head = re.compile("^(?:" + "|".join(anchored) + ")") if anchored else None
        body = re.compile("|".join(re.escape(s) for s in sorted(needles, key=lambda s: (-len(s), s))))
    except Exception:  # noqa: BLE001 -- a pattern this cannot read: no gate, every pattern is tried
        return None

    def gate(key: str) -> bool:
        return bool((head is not None and head.match(key)) or body.search(key))

    return gate


_ANYWHERE_GATE = _gate(_ANYWHERE)
_LIST_ITEM = re.compile(r"\d+人(浏览|阅读)$|\d+次浏览$|\d{4}-\d{1,2}-\d{1,2}.{0,12}点击查看$")
# A header alone on its line ("相关新闻", "相关阅读:", "推荐资讯 更多>>"), or run into the bracketed headline
# of a link above it where the page's layout was flattened (【…】相关文章:); 上一篇/下一篇 carry a headline.
_RELATED = re.compile(
    r"^(?:【[^】\n]{2,60}】\s*)?[-•·*>【\[]*(相关(新闻|阅读|文章|推荐|链接|报道|资讯|稿件|专题|解读|视频|图集)|推荐(阅读|资讯|文章|新闻|视频)|新闻推荐|延伸阅读"
    r"|猜你喜欢|更多(新闻|阅读|资讯|视频)|热门(文章|新闻)|延伸[·・]?(阅读|推荐)|为(您|你)推荐|作者(最新|其他|更多)文章|精彩推荐"
    r"|大家都(在看|爱看))[】\]]?[::]?(更多|more)?[>»]*$|^(上一篇|下一篇)[::]")
_EDGE: tuple[tuple[str, re.Pattern, int], ...] = tuple(
    (kind, re.compile(rx), cap) for kind, rx, cap in (
        ("nav", r"^(首页|主页|网站首页|返回首页|english|无障碍|长者模式|关怀版|手机版|移动版|繁体|简体|繁体版|简体版"
                r"|登录|注册|网站导航|导航|收藏本站|智能问答)$", 12),
        # column names of the site's menu, alone on a line above or below the document
        ("nav", r"^(政务公开|政府信息公开|信息公开|政策文件|政府文件|通知公告|政策法规|政策解读|新闻中心|新闻动态|政务服务"
                r"|办事服务|互动交流|政民互动|公众参与|网上办事)$", 8),
        ("nav", r"^首页[>»›/]|[>»›]$", 80),
        # a top bar of site toggles (门户网站 无障碍 长者模式 English), menu links run together (首页走进XX新闻中心)
        ("nav", r"(无障碍|长者模式|关怀版|繁体版?|简体版?|english|手机版|移动版).{0,6}(无障碍|长者模式|关怀版|繁体|简体|english|手机版|移动版)"
                r"|^.{2,24}(门户网站|门户网|政府网|官方网站)$", 40),
        ("footer", r"^(关于本站|网站声明|网站地图|联系我们|隐私(政策|声明)|使用帮助|网站纠错|关于我们|友情链接)$", 12),
        # badges and channel links under the page (党政机关 / 政府网站找错 / 政务微博)
        ("footer", r"^(党政机关|政府网站找错|网站找错|适老化无障碍服务|无障碍服务|微信公众号|官方微博|官方微信|政务微博|政务微信"
                   r"|移动客户端)$", 12),
        ("footer", r"^(主办|承办|主办单位|承办单位|协办单位|技术支持|运维单位|网站维护|维护单位|建设单位|管理单位)[::](?![|｜])"
                   r"|(主办|承办|技术支持|维护)$", 80),
        ("site", r"^.{1,7}(网|网站|在线)[,,]?$", 9),
    ))
# Above the title, a row of links to this and superior governments' sites: 沭阳县人民政府 | 宿迁市人民政府.
_GOV_LINKS = re.compile(r"^(?:[\u4e00-\u9fff]{2,12}(?:人民政府|政府网|门户网站)\|)+[\u4e00-\u9fff]{2,12}(?:人民政府|政府网|门户网站)$")
# Menu links that HTML ran together without spaces: 首页走进XX新闻中心政务公开.
_RUN_MENU = re.compile(r"^[\u4e00-\u9fff]{0,8}首页[\u4e00-\u9fff]{4,40}$")
_HOME_WORDS = frozenset({"首页", "主页", "网站首页", "返回首页", "首頁", "網站首頁"})
_BREADCRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|→|/)\s*")
_MENU_SEP = re.compile(r"\s*[•·]\s*|\s+")
_PIPE_SEP = re.compile(r"[|｜]")
_BREADCRUMB_ARROW = re.compile(r">|»|›|→")
_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[a-z]{3}")

# Lines that look like a document's own header or signature: never swept as menu items.
# Bare menu words (通知公告, 政策法规, 下载中心) are not protected: a document type word
# counts only in a title-length line or after 的.
_OFFICIAL = re.compile(
    r"〔\d{4}|\[\d{4}\]|\d+号$|关于|的(通知|意见|办法|方案|规定|细则|决定|公告|通告|批复|函|规划|计划|措施)"
    r"|^.{5,}(通知|意见|办法|方案|规定|细则|决定|公告|通告|批复|规划|计划|措施)$"
    r"|政府|办公厅|办公室|委员会|厅$|局$|委$|部$|院$|^.{4,}中心$|《|》|第.{1,3}[章条节]|^[一二三四五六七八九十]+[、.]"
    r"|^[(（][一二三四五六七八九十\d]+[)）]|^\d+[.、]|^\d{4}年\d{1,2}月\d{1,2}日$|^\d{6,8}$|附件")

# ------------------------------------------------------------------- byline
_BYLINE_LABELS = (
    "文章来源|信息来源|稿件来源|新闻来源|来源单位|来源|发布机构|发布单位|作者|撰稿人|撰稿|撰文|"
    "发布时间|发布日期|发表时间|发表日期|更新时间|更新日期|时间|日期|浏览次数|点击数|点击量|阅读次数|访问次数|浏览量|人气|字号|阅读|内容编辑")
_LABEL = re.compile(rf"({_BYLINE_LABELS})\s*[::]")
# a labelled field opening a line: the keys here carry ASCII colons, the lines metadata reads their own
BYLINE_LABEL_AT_START = re.compile(rf"^[\s\[【(•·]*({_BYLINE_LABELS})\s*[:：]")
_SOURCE_LABELS = frozenset({"文章来源", "信息来源", "稿件来源", "新闻来源", "来源单位", "来源", "发布机构", "发布单位"})
_AUTHOR_LABELS = frozenset({"作者", "撰稿人", "撰稿", "撰文"})
_DATE_LABELS = frozenset({"发布时间", "发布日期", "发表时间", "发表日期", "更新时间", "更新日期", "时间", "日期"})
_STRONG_LABELS = _SOURCE_LABELS | _AUTHOR_LABELS | {"发布时间", "发布日期", "发表时间", "发表日期",
                                                     "浏览次数", "点击数", "阅读次数", "字号"}
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# label-less byline: "钱洁 / 2021-08-17 18:17:00", "2012年08月10日 11:30 来源:创业网", "2018-03-26 464次"
_DATETIME_LINE = re.compile(
    r"^(.{0,16}?)[\s/|]*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"\s*(\d{1,2}:\d{2}(:\d{2})?|\d+次|\d+人?(浏览|阅读))")
# 发表于2014-08-24 / 发布于 2019年9月5日: a date the line says is the page's own
_DATE_PUBLISHED = re.compile(r"^[\s\[【(]*(?:发表|发布|更新|上传|刊发)于\s*(?:19|20)\d{2}\s*[-/.年]")
# a date opening the line, bare or bracketed as some portals print it (〔 2023-02-17 〕 【字体:大 中 小】 浏览次数:)
_DATE_LEAD = re.compile(r"^[\s/|〔\[【(（]*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[〕\]】)）]?\s")
_ORG_NAME = re.compile(r"(政府|厅|局|委|办|办公室|中心|院|部|会|社|报|网|站|集团|公司)$")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_VALUE_END = re.compile(r"\s{2,}|\s*[|｜【\[]\s*")   # 来源:州政府办公室　【字体:大 中 小】
# a page tool's link after a source (来源: 证券市场红周刊 举报): no part of its name (a person's 李　中 is
# never cut: only the source's value is read so, and only whole tool words after a space)
_TOOL_TAIL = re.compile(r"(?:[ \t\u3000]+(?:举报|纠错|分享(?:到)?|收藏|打印|关闭|评论|(?:字号|字体)[:：]?(?:\s*[大中小])*))+$")
_BYLINE_MAX = 120

_SENTENCE_OK = frozenset({"disclaimer", "copyright", "comment", "browser", "icp", "link_tail", "promo"})
_TERMINAL = frozenset({"disclaimer", "copyright", "comment", "related", "footer", "footer_menu",
                       "link_tail", "list", "icp", "editor"})
_EDGE_SWEEP_MAX = 10      # a lone short line next to navigation is a menu item
_EDGE_RUN_MAX = 20        # a run of >= 3 short lines next to navigation is a menu
_BODY_MIN = 40            # a line this long (key chars) is body text
_BODY_MIN_PUNCT = 15      # ... or this long and ending like a sentence / salutation
_RELATED_ITEM_MAX = 40


@dataclass
class Body:
    lines: list[str]                                   # kept lines, original script, stripped
    byline: dict = field(default_factory=dict)         # source_site, author, date, raw
    removed: list[str] = field(default_factory=list)   # removed lines (bylines included), stripped


def extract_body(decoded_text: str, is_html: bool) -> tuple[Body, dict]:
    """HTML or flattened text -> (Body, html meta); meta is {} for text."""
    if is_html:
        from .html import read_page  # bs4 is only needed for HTML input

        page = read_page(decoded_text)
        return strip_boilerplate(page.lines, page.zone, page.link_share), page.meta
    return strip_boilerplate(decoded_text.splitlines()), {}


def strip_boilerplate(lines: list[str], zone: list[int] | None = None,
                      link_share: list[float] | None = None) -> Body:
    """Classify each line as body, byline or chrome; return the body lines in order.

    ``zone`` (from HTML, per line: -1 above the page's main text block, 0 in it, 1 below it)
    confines the body to that block: below it only the document's own tail (signature, date,
    attachments) is kept, and link lines are dropped.
    """
    if zone is None or len(zone) != len(lines) or not any(zone):
        zone = link_share = None
    elif link_share is None or len(link_share) != len(lines):
        link_share = [0.0] * len(lines)
    keep = [i for i, ln in enumerate(lines) if ln.strip()]
    stripped = [lines[i].strip() for i in keep]
    if zone is not None:
        zone = [zone[i] for i in keep]
        link_share = [link_share[i] for i in keep]
    if not stripped:
        return Body([], {}, [])
    spaced = _keys(stripped)
    # matched lower-cased: re.IGNORECASE would switch off sre's fast literal scan
    keys = [_SPACES.sub("", k).lower() for k in spaced]
    kinds: list[str | None] = [None] * len(stripped)
    byline: dict = {}

    for i, key in enumerate(keys):
        # list items ("2025-07-19 07:08 467人浏览") look like bylines: their dates are
        # other stories' dates and must not become the document's
        if len(key) <= 80 and ("浏览" in key or "阅读" in key or "点击查看" in key) and _LIST_ITEM.search(key):
            kinds[i] = "list"
        else:
            kinds[i] = "byline" if _parse_byline(spaced[i], key, byline) else _anywhere_kind(key)
    _run_on(stripped, keys, kinds)
    if zone is not None:
        _outside_main(keys, kinds, zone, link_share)
    first, last = _body_span(keys, kinds)
    if "date" not in byline:
        _stamp_above(spaced, kinds, first, byline)
    _related_lists(keys, kinds, first)
    _edges(spaced, keys, kinds, first, last)
    _terminal([len(ln) for ln in stripped], kinds)

    body = [ln for ln, k in zip(stripped, kinds) if k is None]
    removed = [ln for ln, k in zip(stripped, kinds) if k is not None]
    for ln in stripped:
        m = _ORIGINAL_TITLE.match(ln) if "原标题" in ln or "原標題" in ln else None
        if m:       # 原标题:中宁兑付第一批农机补贴160余万元 — a reprint's own headline, the page's title when it has no other
            byline.setdefault("original_title", (m.group(1) or m.group(2)).strip())
            break
    return Body(body, byline, removed)


# A reprint's note of the story's headline, on a line of its own, bare (chrome) or in brackets (（原标题：…）, left in
# the body): the headline as written, its own brackets kept
_ORIGINAL_TITLE = re.compile(r"^\s*(?:[(（]\s*原[标標][题題]\s*[:：]\s*([^\n]{4,80})[)）]|原[标標][题題]\s*[:：]\s*([^\n]{4,80}?))\s*$")

# ------------------------------------------------------------------ helpers

def _keys(lines: list[str]) -> list[str]:
    """Pinyin-free simplified form of each line's head (one OpenCC call for the page).

    Only the first _KEY_CHARS characters matter: every pattern is anchored at the
    start or limited to lines shorter than that, and converting whole paragraphs
    would cost more than everything else here.
    """
    heads = [ln[:_KEY_CHARS] for ln in lines]
    joined = _PINYIN_NOTE.sub("", _ascii_punct("\n".join(heads)))
    out = t2s(joined).split("\n")
    if len(out) != len(lines):  # never expected: t2s keeps newlines; stay safe per line
        out = [t2s(_PINYIN_NOTE.sub("", _ascii_punct(h))) for h in heads]
    return out


# Kinds read from a line's start whatever its length: on a page whose line breaks were lost, the whole
# article may run on after 原标题: or 【免责声明】 on one line.
_RUN_ON_KINDS = frozenset({"link_tail", "disclaimer", "copyright", "hot"})


def _run_on(lines: list[str], keys: list[str], kinds: list[str | None]) -> None:
    """Keep a line judged chrome by its start when it runs on far past that start and holds more text
    than everything kept: the page's body lost its line breaks (原标题:…日前,…(责编:…) on one line)."""
    for i, line in enumerate(lines):
        if kinds[i] in _RUN_ON_KINDS and len(line) > _KEY_CHARS and _is_body_like(keys[i]):
            kept = sum(len(_CJK.findall(ln)) for ln, k in zip(lines, kinds) if k is None)
            if len(_CJK.findall(line)) > kept:
                kinds[i] = None


def _anywhere_kind(key: str) -> str | None:
    n = len(key)
    sentence = key.endswith("。")
    for kind, rx, cap in (_ANYWHERE if _ANYWHERE_GATE is None or _ANYWHERE_GATE(key) else ()):
        if n <= cap and rx.search(key):
            # chrome rarely ends like a sentence; a body sentence may mention 访问量 or 版权所有
            if sentence and kind not in _SENTENCE_OK:
                continue
            return kind if kind != "copyright_note" else "copyright"
    if n <= 80 and _RELATED.search(key):
        return "related"
    return None


def _is_body_like(key: str) -> bool:
    """Running text: long and punctuated, or a shorter sentence / salutation."""
    n = len(key)
    if n >= _BODY_MIN and _BODY_PUNCT.search(key):
        return True
    return n >= _BODY_MIN_PUNCT and key[-1] in "。;;::!!??"


def _body_span(keys: list[str], kinds: list[str | None]) -> tuple[int, int]:
    """Index of the first and last unclassified body-like line; (n, -1) if none."""
    idx = [i for i, (k, kind) in enumerate(zip(keys, kinds)) if kind is None and _is_body_like(k)]
    if not idx:
        return len(keys), -1
    return idx[0], idx[-1]


def _edge_kind(spaced: str, key: str) -> str | None:
    n = len(key)
    for kind, rx, cap in _EDGE:
        if n <= cap and rx.search(key):
            return kind
    if n <= 80 and not _CJK.search(key) and _LATIN_WORD.search(key) and "@" not in key:
        return "latin"
    if n <= 80 and _BREADCRUMB_ARROW.search(spaced):
        # 首页 > 栏目 > 子栏目 [> the article's own title]
        parts = [p for p in _BREADCRUMB_SEP.split(spaced) if p]
        head = parts[:-1]  # the last crumb may be the page's own title
        arrows = len(_BREADCRUMB_ARROW.findall(spaced))
        if (head and all(len(p) <= 15 and not _OFFICIAL.search(p) for p in head)
                and (arrows >= 2 or not _DIGIT.search(spaced))):  # not "营业收入>5000万元"
            return "nav"
    if n <= 120 and not _SENTENCE_PUNCT.search(key):
        piped = "|" in spaced or "｜" in spaced
        tokens = [t.strip() for t in (_PIPE_SEP if piped else _MENU_SEP).split(spaced) if t.strip()]
        lo, hi = (1, 10) if piped else (2, 8)
        if (len(tokens) >= 2 and all(lo <= len(t) <= hi for t in tokens)
                and not any(_DIGIT.search(t) for t in tokens)):
            # a menu bar: a home link among short items, or four or more items
            if len(tokens) >= 4 or any(t in _HOME_WORDS or t.endswith("首页") for t in tokens):
                return "nav"
    return None


def _table_header(spaced: list[str], kinds: list[str | None], i: int) -> bool:
    """序号 | 工作任务 | 牵头单位 | 责任单位 above rows with as many cells: a table's header, not a
    menu bar (its labels tell which unit leads)."""
    if i + 1 >= len(spaced) or kinds[i + 1] is not None:
        return False
    cells = spaced[i].count("|")
    if cells >= 2:
        return spaced[i + 1].count("|") == cells and bool(_DIGIT.search(spaced[i + 1]))
    # 序号 盟市 企业名称 补助金额（万元） over 1 呼和浩特市 … 100: cells split by spaces, the row below
    # as wide and numbered (a menu bar has no numbered line of its width under it)
    head, row = spaced[i].split(), spaced[i + 1].split()
    return len(head) >= 3 and len(row) == len(head) and row[0].isdigit()


def _edges(spaced: list[str], keys: list[str], kinds: list[str | None], first: int, last: int) -> None:
    n = len(keys)
    edge = [i < first or i > last for i in range(n)]
    for i in range(n):
        if edge[i] and kinds[i] is None and not _table_header(spaced, kinds, i):
            kinds[i] = _edge_kind(spaced[i], keys[i])
            if kinds[i] is None and i < first and (_GOV_LINKS.match(keys[i]) or (
                    _RUN_MENU.match(keys[i]) and not _OFFICIAL.search(keys[i]))):
                kinds[i] = "nav"

    def sweepable(i: int, cap: int) -> bool:
        k = keys[i]
        return (edge[i] and kinds[i] is None and len(k) <= cap
                and not _SENTENCE_PUNCT.search(k) and not _OFFICIAL.search(k))

    nav_like = {"nav", "site", "latin", "hot", "tool", "share", "qr"}
    # Runs of >= 3 short lines touching navigation: a menu, e.g. a category list.
    i = 0
    while i < first:
        if sweepable(i, _EDGE_RUN_MAX):
            j = i
            while j < first and sweepable(j, _EDGE_RUN_MAX):
                j += 1
            touches = (i > 0 and kinds[i - 1] in nav_like) or (j < n and kinds[j] in nav_like)
            if j - i >= 3 and touches:
                for k in range(i, j):
                    kinds[k] = "nav"
            i = j
        else:
            i += 1
    # Lone short items next to navigation, swept both ways until nothing changes.
    changed = True
    while changed:
        changed = False
        for i in range(min(first, n)):
            if sweepable(i, _EDGE_SWEEP_MAX) and (
                    (i > 0 and kinds[i - 1] in nav_like) or (i + 1 < n and kinds[i + 1] in nav_like)):
                kinds[i] = "nav"
                changed = True


# Below the main text block, what still belongs to the document: signature, dates, 附件 lists.
_TAIL_OWN = re.compile(r"^附件|^\d+[.、]|^[(（]?\d{4}年\d{1,2}月\d{1,2}日[)）]?$|^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$"
                       r"|(政府|办公厅|办公室|委员会|厅|局|委|部|院|中心|会)$|\.(docx?|xlsx?|pdf|wps|zip|rar|ofd)$")
_LINK_LINE = 0.6


def _outside_main(keys: list[str], kinds: list[str | None], zone: list[int], link_share: list[float]) -> None:
    """Lines below the main block are chrome unless they are the document's own tail; link
    lines (menus, related headlines) outside it are chrome wherever they are."""
    tail_open = True
    for i, key in enumerate(keys):
        if kinds[i] is not None or zone[i] == 0:
            continue
        linky = link_share[i] >= _LINK_LINE and len(key) >= 4
        if zone[i] > 0:
            own = tail_open and _TAIL_OWN.search(key) and (not linky or _FILE_LINK.search(key) or "附件" in key)
            if own:
                continue
            tail_open = False
            kinds[i] = "below"
        elif linky and not _OFFICIAL.search(key):
            kinds[i] = "links"


_FILE_LINK = re.compile(r"\.(docx?|xlsx?|pdf|wps|zip|rar|ofd)$|附件")


# A date with a clock time above the text is its publication stamp, whatever surrounds it.
_STAMP = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}")


def _stamp_above(spaced: list[str], kinds: list[str | None], first: int, byline: dict) -> None:
    for i in range(min(first, len(spaced))):
        if kinds[i] in ("list", "related") or len(spaced[i]) > 80:
            continue
        m = _STAMP.search(spaced[i])
        if m:
            iso = _iso(m.group())
            if iso:
                byline["date"] = iso
                return


def _related_lists(keys: list[str], kinds: list[str | None], first: int) -> None:
    """A related-news header after the body takes the short headline/date lines below it.

    Above the body the line after such a header is as likely the page's own title.
    """
    n = len(keys)
    for i in range(n):
        if kinds[i] != "related" or i < first:
            continue
        j = i + 1
        while j < n and kinds[j] is None and len(keys[j]) <= _RELATED_ITEM_MAX \
                and not keys[j].endswith(("。", ":", ":")) and not (_OFFICIAL.search(keys[j][:4]) and not keys[j].startswith("《")):
            kinds[j] = "related"
            j += 1


def _terminal(lengths: list[int], kinds: list[str | None]) -> None:
    """Everything after a footer-type marker in the second half of the text is chrome."""
    # Position is measured in text not yet judged chrome: a long menu above a short
    # excerpt must not make a mid-page counter look like the page end.
    total = sum(n for n, kind in zip(lengths, kinds) if kind is None)
    if not total:
        return
    seen = 0
    for i, n in enumerate(lengths):
        if kinds[i] in _TERMINAL and seen >= total / 2:
            for j in range(i + 1, len(lengths)):
                if kinds[j] is None:
                    kinds[j] = "after_footer"
            return
        if kinds[i] is None:
            seen += n


# full-width digits in a byline's date (２０２４-10-22 09:41): the date patterns spell the century in ASCII
_FULLWIDTH_DIGITS = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}


def _parse_byline(spaced: str, key: str, byline: dict) -> bool:
    """If the line is a byline, record its fields in ``byline`` and return True."""
    if len(key) > _BYLINE_MAX or key.endswith("。"):
        return False
    spaced = spaced.translate(_FULLWIDTH_DIGITS)
    if ":" not in spaced and "19" not in spaced and "20" not in spaced:
        return False    # no label (they end in ":") and no year: none of the tests below can pass
    labels = [m for m in _LABEL.finditer(spaced)]
    names = {m.group(1) for m in labels}
    start = BYLINE_LABEL_AT_START.match(spaced)
    dt = _DATETIME_LINE.match(spaced)
    strong = bool(names & _STRONG_LABELS)
    if start and start.group(1) in _STRONG_LABELS:
        ok = True
    elif start:
        # 时间:/日期: alone must carry a full date ("时间:2018年3月底前" is a schedule)
        ok = len(names) >= 2 or bool(_DATE.search(spaced))
    elif dt:
        # "2012年08月10日 11:30 来源:创业网", "钱洁 / 2021-08-17 18:17", "2018-03-26 464次";
        # not "会议时间:2019年5月20日 9:00" nor a dated sentence running on after the time
        # after a clock time, a short run of names (2020-06-05 20:35 叨叨姐 胡一刀) is a byline too
        tail = spaced[dt.end():]
        ok = strong if labels else (len(tail) <= 12 or (
            ":" in dt.group(2) and len(tail) <= 30 and not _SENTENCE_PUNCT.search(_ascii_punct(tail))))
    elif strong and _DATE_LEAD.match(spaced):
        ok = True  # "2022-06-01 来源:"
    elif _DATE_PUBLISHED.match(spaced):
        ok = True
    else:
        ok = len(names) >= 2 and len(key) <= 60 and strong
    if not ok:
        return False

    def value(m: re.Match, nxt: int) -> str:
        raw = spaced[m.end():nxt]
        raw = _VALUE_END.split(raw.strip(), 1)[0]
        if m.group(1) in _SOURCE_LABELS:
            raw = _TOOL_TAIL.sub("", raw)
        return raw.strip(" \t\u3000|/·•,,。;;】]")

    for idx, m in enumerate(labels):
        nxt = labels[idx + 1].start() if idx + 1 < len(labels) else len(spaced)
        label, val = m.group(1), value(m, nxt)
        if not val:
            continue
        if label in _SOURCE_LABELS:
            byline.setdefault("source_site", val)
        elif label in _AUTHOR_LABELS:
            byline.setdefault("author", val)
        elif label in _DATE_LABELS:
            iso = _iso(val)
            if iso:
                byline.setdefault("date", iso)
    if "date" not in byline:
        iso = _iso(spaced)
        if iso:
            byline["date"] = iso
    if dt and not labels:
        who = dt.group(1).strip(" /|·•")
        if _ORG_NAME.search(who):
            byline.setdefault("source_site", who)
        elif _PERSON.match(who):
            byline.setdefault("author", who)
    byline.setdefault("raw", []).append(spaced)
    return True


def _iso(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    iso = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    try:
        parse_iso(iso)            # 2021-02-30 is no date
    except ValueError:
        return None
    return iso
