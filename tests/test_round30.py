"""Round 30: a section title run into its first sentence (scraping lost the line break) is read as a heading."""
import pytest

from zhengce.nlp.measures import split_measures


def _items(text):
    return [(m.kind, text[m.start:m.end]) for m in split_measures(text)]


@pytest.mark.parametrize("text,title,body", [
    ("三、保障措施各牵头单位要于2024年12月15日前将年度工作推进情况报送市发展改革委。", "三、保障措施", "各牵头单位要于"),
    ("四、做好资金发放补贴资金由区财政局纳入年度预算，实行社会化发放。", "四、做好资金发放", "补贴资金由区财政局"),
    ("一、加强动态管理区民政局会同区残联于每年11月底前完成一次复核，发现问题及时处理。\n二、附则。",
     "一、加强动态管理", "区民政局会同"),
    ("四、监督管理项目业主应确保申报数据真实准确。对虚报的，追回资金。", "四、监督管理", "项目业主应确保"),
    ("（二）严格申报审核补助资金由区财政局在审核通过后十个工作日内拨付至企业账户，不得截留。\n（三）附则。",
     "（二）严格申报审核", "补助资金由区财政局"),       # the longest title, not 严格申报
    ("一、强化工作保障各街道（乡镇）要明确专人负责两项补贴工作，每季度报送。\n二、附则。", "一、强化工作保障", "各街道"),
])
def test_fused_title_is_a_heading_and_the_sentence_a_measure(text, title, body):
    items = _items(text)
    assert items[0] == ("heading", title)
    assert items[1][0] == "measure" and items[1][1].startswith(body)


@pytest.mark.parametrize("text", [
    "1.符合条件的对象由区民政局审核，按月发放。",           # a sentence: its subject is no title
    "二、组织实施由市科技局负责，各区配合。",               # 由…负责 continues the sentence
    "第七条 本措施所需资金由高新区财政局统筹安排；高新区科技创新局负责组织实施。",   # 本措施 is no title
    "三、补贴标准按照每人每月500元执行，所需资金由市财政承担。",   # 按照 continues the sentence
    "一、补贴对象本市户籍的高校毕业生，按规定享受补贴。",    # 对象 + 本市: no opener read as 对
    # a section noun that modifies the next word, and 对/所需/资金由 continuing a sentence (a review's cases)
    "1.保障资金由市财政统筹安排，按季度拨付至各区，各区不得截留挪用。",
    "二、兑付资金由区财政局在审核通过后十个工作日内直接拨付至企业基本账户，不得截留挪用。",
    "（一）考核奖励资金由市财政局根据年度考核结果一次性拨付至各责任单位。",
    "二、住房保障资金由市财政统筹安排，按季度拨付至各区，各区不得截留挪用。",
    "（三）项目申报所需材料详见附件，申报单位应于2024年6月30日前报送，逾期不予受理。",
    "二、以上措施所需资金由市、区两级财政按1:1比例分担。",
    "二、以上措施各区可参照执行，具体实施细则由各区结合实际另行制定并报市政府备案。",
    "（四）这些措施对在我市注册的中小微企业同样适用，由区商务局负责解释。",
    "二、补贴标准对2024年1月1日以后新入职的人员同样适用，此前入职的按原标准执行。",
    "2.申报审核对申报材料不全的，一次性告知申请人补正，补正后予以受理。",
    "（一）物业管理区域划分由县住建局负责，街道办事处和社区居委会配合做好相关工作。",
])
def test_a_sentence_is_not_cut_after_a_section_noun(text):
    items = _items(text)
    assert "heading" not in {k for k, _ in items} and items[0][1] == text[:len(items[0][1])]
    assert "".join(t for _, t in items) == text


@pytest.mark.parametrize("text,want", [
    ("2023年1月1日以来全职引进或自主培养的人才。", [("2023年1月1日以来", "from", "2023-01-01")]),
    ("2022年1月1日以来发生重大安全事故的，不予支持。", [("2022年1月1日以来", "from", "2022-01-01")]),
    ("2023年1月1日以来，全市已发放补贴5000万元。", []),     # a report of what happened since
    ("2017年以来，全市累计引进人才5万名。", []),            # a year alone: history
    # a review's cases: who qualifies runs on after 以来, whatever verbs follow; a report's clause ends at 以来
    ("2023年1月1日以来全职引进的人才，每人每月补贴2000元，累计不超过36个月。", [("2023年1月1日以来", "from", "2023-01-01")]),
    ("对2023年1月1日以来首次获批的专精特新企业，给予50万元一次性奖励。", [("2023年1月1日以来", "from", "2023-01-01")]),
    ("2023年1月1日以来新成立的科技型中小企业，可申请创业补贴。", [("2023年1月1日以来", "from", "2023-01-01")]),
    ("2023年1月1日以来，全市新增就业2万人，发放补贴3000万元。", []),
    ("自2023年1月1日以来，全区新增市场主体1.2万户。", []),
    ("2017年（含）以来，全市新增高新技术企业500家。", []),       # a year, (含) or not
])
def test_since_a_day_is_a_start(text, want):
    from zhengce.nlp.deadlines import find_deadlines
    assert [(d.text, d.kind, d.date) for d in find_deadlines(text, issue_date="2024-03-01")] == want
