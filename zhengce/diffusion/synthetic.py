"""A synthetic policy corpus with planted reuse: the ground truth the reuse detector is scored on.

Each *family* is one original measure and 1–3 copies in other places, issued later. A copy
keeps the original's wording with the changes real copying makes: the place's own name and
self-reference (我市 → 本区), other amounts and dates, a few synonyms swapped (给予 → 予以),
one clause dropped or a local clause added, a stock preamble prefixed, and scraping damage
(stray spaces, ``*`` masks, dropped characters, half/full-width punctuation). Unrelated
measures are drawn from the same policy vocabulary, so they share common words without
being copies; *decoys* share only stock phrases (为深入贯彻落实…精神, 结合我市实际 …) and a
clause every document of this corpus carries, and must never be reported.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

PLACES = [("广西壮族自治区", "南宁市"), ("广西壮族自治区", "柳州市"), ("广西壮族自治区", "桂林市"),
          ("河北省", "石家庄市"), ("河北省", "保定市"), ("河北省", "唐山市"), ("江苏省", "南通市"),
          ("江苏省", "苏州市"), ("江苏省", "无锡市"), ("青海省", "西宁市"), ("浙江省", "杭州市"),
          ("浙江省", "宁波市"), ("四川省", "成都市"), ("四川省", "绵阳市"), ("湖北省", "武汉市"),
          ("湖南省", "长沙市"), ("广东省", "深圳市"), ("广东省", "佛山市"), ("山东省", "青岛市"),
          ("山东省", "济南市")]

_SUBJ = ["对新认定的国家级众创空间", "对入驻孵化器的初创企业", "对高校毕业生自主创业的", "对返乡创业农民工",
         "对科技型中小企业", "对新引进的高层次人才团队", "对获得天使投资的创业项目", "对首次认定的高新技术企业",
         "对建设公共技术服务平台的单位", "对开展技术转移的服务机构", "对认定为市级创业示范基地的",
         "对吸纳登记失业人员就业的小微企业", "对参加创业培训并取得合格证书的人员", "对购买科技服务的企业",
         "对创办电子商务企业的大学生", "对新建成的创业孵化基地", "对在境内外上市的创新型企业",
         "对获得发明专利授权的个人", "对承担重大科技专项的企业", "对开展众包众筹服务的平台"]
_ACT = ["给予一次性{n}万元奖励", "按实际租金的{p}%给予房租补贴", "给予最高{n}万元的创业担保贷款",
        "按其上年度研发投入的{p}%给予补助", "三年内按每年{n}万元给予运营补贴", "给予{n}万元的启动资金资助",
        "按贷款基准利率的{p}%给予贴息", "给予每人{n}千元的培训补贴", "免收相关行政事业性收费",
        "优先安排用地指标并减免配套费", "给予场地租金全额补贴{n}年", "按照合同金额的{p}%给予后补助"]
_COND = ["经主管部门审核认定后", "在本地注册纳税满一年的", "每家单位每年最高不超过{n}万元", "所需资金由财政专项资金列支",
         "同一项目不得重复享受", "按照先建后补的方式拨付", "由科技部门会同财政部门组织评审",
         "补助资金实行年度绩效评价", "对弄虚作假的追回资金并取消资格", "具体办法由人社部门另行制定",
         "对带动就业{n}人以上的再给予奖励", "政策执行期间每年核定一次"]
_EXTRA = ["鼓励金融机构开发符合创业企业需求的信贷产品", "建立创业项目库和导师库", "定期举办创新创业大赛和路演活动",
          "推行一站式服务和网上审批", "加强知识产权保护和运用", "支持龙头企业开放创新资源",
          "完善创业投资引导基金管理办法", "加大政府采购创新产品的力度"]
STOCK_PREFIX = ["为深入贯彻落实《国务院关于大力推进大众创业万众创新若干政策措施的意见》精神，结合我市实际，",
                "根据省委省政府关于加快创新驱动发展的决策部署精神，", "为认真贯彻落实国家和省有关文件要求，"]
COMMON_CLAUSE = "各地各部门要加强组织领导，明确责任分工，抓好工作落实。"   # in every document of this corpus
SYNONYMS = [("给予", "予以"), ("支持", "扶持"), ("企业", "单位"), ("最高", "最多"), ("补贴", "补助"),
            ("奖励", "奖补"), ("认定", "评定"), ("每年", "每一年度"), ("按照", "按")]


@dataclass
class SynMeasure:
    key: str                    # "f12-0" (family 12, member 0 = original) or "u7" / "d3"
    family: int | None          # reuse family, None for unrelated and decoys
    place: tuple[str, str]
    date: str
    text: str
    decoy: bool = False


@dataclass
class SynCorpus:
    measures: list[SynMeasure] = field(default_factory=list)

    def pairs(self) -> set[frozenset]:
        """Every pair of measures in one family (a copy of a copy reuses the original too)."""
        fam: dict[int, list[str]] = {}
        for m in self.measures:
            if m.family is not None:
                fam.setdefault(m.family, []).append(m.key)
        return {frozenset((a, b)) for ks in fam.values() for i, a in enumerate(ks) for b in ks[i + 1:]}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(n=rng.choice([1, 2, 3, 5, 8, 10, 20, 30, 50, 100, 200]), p=rng.choice([10, 20, 30, 50, 60, 70]))


# Words of local innovation policy: measures are drawn from them, so unrelated measures share
# vocabulary (and the 4-character words) without sharing sentences.
LEXICON = """企业 创业 创新 人才 资金 补贴 奖励 项目 平台 孵化 众创空间 科技 研发 投入 贷款 担保 贴息 基金
投资 股权 知识产权 专利 成果 转化 培训 就业 高校 毕业生 返乡 农民工 电子商务 服务 机构 载体 园区 基地
示范 认定 评审 考核 绩效 管理 办法 申报 审核 拨付 财政 专项 统筹 安排 年度 预算 政策 落实 推进 加快
建设 完善 健全 机制 体系 引导 鼓励 支持 扶持 优先 给予 按照 实际 发生 费用 比例 最高 不超过 一次性
运营 场地 租金 房租 减免 税收 优惠 收费 行政 审批 简化 流程 一站式 网上 办理 信息 共享 开放 资源
设备 仪器 实验室 工程 中心 技术 改造 升级 产业 集群 龙头 中小 微型 初创 团队 导师 路演 大赛 活动
宣传 氛围 文化 交流 合作 对接 金融 银行 保险 风险 补偿 信用 融资 上市 挂牌 债券 政府 采购 首台套
产品 推广 应用 市场 需求 服务业 外包 众包 众筹 国际 海外 引进 高层次 领军 博士 留学 人员 社会 保障
住房 子女 入学 医疗 落户 户籍 居住 证明 材料 部门 牵头 配合 责任 分工 督查 检查 通报 评估""".split()


def _clause(rng: random.Random) -> str:
    return "".join(rng.choice(LEXICON) for _ in range(rng.randint(7, 12))) + rng.choice("，；。")


def _measure(rng: random.Random) -> list[str]:
    clauses = []
    for _ in range(rng.randint(2, 3)):
        if rng.random() < 0.3:     # a stock sentence pattern with its own amounts
            clauses.append(_fill(rng, rng.choice(_SUBJ)) + "，" + _fill(rng, rng.choice(_ACT)) + "，"
                           + _fill(rng, rng.choice(_COND)) + "。")
        else:
            clauses.append(_clause(rng) + _clause(rng))
    if rng.random() < 0.6:
        clauses.append(rng.choice(_EXTRA) + "。")
    return clauses


def _damage(rng: random.Random, t: str) -> str:
    out = []
    for ch in t:
        r = rng.random()
        if r < 0.02:
            continue                     # dropped character
        if r < 0.04:
            out.append("*")              # mask
            continue
        if r < 0.06:
            out.append(ch + " ")         # stray space
            continue
        out.append({"，": ",", "；": ";", "（": "("}.get(ch, ch) if rng.random() < 0.3 else ch)
    return "".join(out)


def _copy(rng: random.Random, clauses: list[str], src_city: str, dst_city: str) -> str:
    cl = [_fill(rng, c) if "{" in c else c for c in clauses]
    if len(cl) > 2 and rng.random() < 0.5:
        cl.pop(rng.randrange(len(cl)))                       # one clause dropped
    if rng.random() < 0.5:
        cl.insert(rng.randrange(len(cl) + 1), rng.choice(_EXTRA) + "。")   # a local clause added
    t = "".join(cl).replace(src_city, dst_city)
    for a, b in rng.sample(SYNONYMS, 3):
        t = t.replace(a, b)
    for n in ("50", "30", "20", "100"):                      # other amounts
        if rng.random() < 0.5:
            t = t.replace(n, str(int(n) * rng.choice([2, 3])))
    t = t.replace("我市", rng.choice(["本市", "全市", "我区"]))
    if rng.random() < 0.5:
        t = rng.choice(STOCK_PREFIX) + t
    return _damage(rng, t)


def make_corpus(families: int = 200, unrelated: int = 1000, decoys: int = 200, seed: int = 7) -> SynCorpus:
    rng = random.Random(seed)
    c = SynCorpus()
    for f in range(families):
        places = rng.sample(PLACES, rng.randint(2, 4))
        year = rng.randint(2014, 2019)
        clauses = _measure(rng)
        orig = "".join(clauses).replace("本地", places[0][1])
        c.measures.append(SynMeasure(f"f{f}-0", f, places[0], f"{year}-{rng.randint(1, 12):02d}-15", orig))
        for i, p in enumerate(places[1:], 1):
            year += rng.randint(0, 2)
            c.measures.append(SynMeasure(f"f{f}-{i}", f, p, f"{year}-{rng.randint(1, 12):02d}-20",
                                         _copy(rng, [orig], places[0][1], p[1])))
    for u in range(unrelated):
        c.measures.append(SynMeasure(f"u{u}", None, rng.choice(PLACES), f"{rng.randint(2014, 2021)}-06-01",
                                     "".join(_measure(rng))))
    for d in range(decoys):
        c.measures.append(SynMeasure(f"d{d}", None, rng.choice(PLACES), f"{rng.randint(2014, 2021)}-03-01",
                                     rng.choice(STOCK_PREFIX) + _clause(rng) + COMMON_CLAUSE,
                                     decoy=True))
    return c


def to_extractions(corpus: SynCorpus, per_doc: int = 5):
    """The corpus as store-ready extractions: measures grouped ``per_doc`` to a document by place and date.

    Every document also carries COMMON_CLAUSE as a measure (corpus-wide boilerplate).
    """
    from ..records import Document, Extraction, Measure, Region

    groups: dict[tuple, list[SynMeasure]] = {}
    for m in corpus.measures:
        groups.setdefault((m.place, m.date), []).append(m)
    out = []
    for (place, date), ms in sorted(groups.items()):
        for j in range(0, len(ms), per_doc):
            chunk = ms[j:j + per_doc] + [None]
            texts = [m.text if m else COMMON_CLAUSE for m in chunk]
            body = "\n".join(texts)
            doc_id = hashlib.sha1(f"{place}{date}{j}{body}".encode()).hexdigest()[:16]
            measures, at = [], 0
            for i, (m, t) in enumerate(zip(chunk, texts)):
                measures.append(Measure(id=(m.key if m else f"{doc_id}-c"), kind="measure", path=[], title=None,
                                        text=t, start=at, end=at + len(t)))
                at += len(t) + 1
            doc = Document(source=f"syn/{doc_id}.txt", text=body, original_text=body,
                           title=f"{place[1]}关于推进创新创业的若干措施", issue_date=date,
                           region=Region(place[0], place[1], None, "city", None), doc_id=doc_id,
                           content_hash=hashlib.sha256(body.encode()).hexdigest(),
                           doc_number=f"{place[1][0]}政发〔{date[:4]}〕{j + 1}号")
            out.append(Extraction(doc, measures))
    return out
