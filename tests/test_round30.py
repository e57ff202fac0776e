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
    ("（一）加大财政支持力度对新认定的国家级孵化器给予100万元奖励，省级给予50万元。", "（一）加大财政支持力度", "对新认定的"),
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
])
def test_since_a_day_is_a_start(text, want):
    from zhengce.nlp.deadlines import find_deadlines
    assert [(d.text, d.kind, d.date) for d in find_deadlines(text, issue_date="2024-03-01")] == want
