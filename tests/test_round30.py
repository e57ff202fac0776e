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


def test_a_start_since_a_day_is_not_the_page_date():
    """A sweep's page: 2023年1月1日以来 in a provision is no date the page prints for itself, so the year-less
    deadline takes the title's year, not 2023."""
    from zhengce.nlp.extract import extract
    from zhengce.pipeline import process_bytes

    text = ("关于开展2024年人才安家补贴申报工作的通知\n一、对2023年1月1日以来全职引进的博士,给予安家补贴3万元。\n"
            "二、请于6月30日前将申报材料报送市人社局。\n")
    doc = process_bytes(text.encode(), "p7.txt").document
    got = {d.text: d.date for m in extract(doc).measures for d in m.deadlines}
    assert got["请于6月30日前"] == "2024-06-30" and got["2023年1月1日以来"] == "2023-01-01"


def test_a_markdown_file_is_read_without_its_markup(tmp_path):
    """A sweep's page: read as text, the title kept its #, the lead unit hid in link syntax, the cap lost 最高不超过."""
    from zhengce.nlp.extract import extract
    from zhengce.pipeline import process_bytes

    md = ("# 某市人民政府办公室关于支持众创空间发展的通知\n\n各区人民政府，市政府各部门：\n\n## 一、支持措施\n\n"
          "- 由[市科技局](http://kj.example.gov.cn)牵头，市财政局配合，对经认定的众创空间给予房租补贴。\n"
          "- 补贴标准为每年最高不超过**10万元**，补贴期限为3年。\n\n"
          "1. 申报材料于`2024年6月30日`前报送市科技局。\n2. 联系电话：0771-1234567。\n\n"
          "| 项目 | 标准 |\n|---|---|\n| 房租补贴 | 每平方米每月20元 |\n")
    doc = process_bytes(md.encode(), "policy.md").document
    assert doc.title == "某市人民政府办公室关于支持众创空间发展的通知"
    assert "#" not in doc.text and "**" not in doc.text and "](" not in doc.text and "`" not in doc.text
    assert "1.申报材料于2024年6月30日前报送市科技局。" in doc.text and "| 房租补贴 | 每平方米每月20元 |" in doc.text
    ms = extract(doc).measures
    units = {(u.name, u.role) for m in ms for u in m.units}
    assert ("市科技局", "lead") in units and ("市财政局", "co") in units
    assert any(a.text == "每年最高不超过10万元" and a.kind == "cap" for m in ms for a in m.amounts)
    # the same text saved as .txt keeps every character as written
    assert "**10万元**" in process_bytes(md.encode(), "policy.txt").document.text


def test_a_data_file_named_explicitly_is_an_unsupported_format():
    from zhengce.pipeline import process_bytes
    from zhengce.records import IngestError

    data = '{"title": "关于支持众创空间发展的通知", "body": "对经认定的众创空间给予房租补贴，最高不超过10万元。"}'.encode()
    with pytest.raises(IngestError) as e:
        process_bytes(data, "page.json")
    assert e.value.reason == "unsupported_format" and ".json holds data" in str(e.value)


def test_a_time_limit_that_fires_at_once_reports_timeouts_not_a_broken_import():
    """A sweep: with --time-limit 0.001 the alarm cut OpenCC's first, lazy import short in a fresh process, and
    every later file failed as internal_error ImportError. What the stages load on first use now loads before
    the clock starts: in a fresh process, after a file that timed out, OpenCC and the date parser are loaded."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    code = ("import json, sys\nfrom zhengce.pipeline import process_file\n"
            "errs = [process_file(p, time_limit=0.001).error[0] for p in sys.argv[1:]]\n"
            "print(json.dumps([errs, 'opencc' in sys.modules, 'jionlp' in sys.modules]))")
    files = sorted(str(p) for p in corpus.glob("*.txt"))[:3]
    out = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [["timeout"] * 3, True, True]


def test_a_province_row_answered_by_a_city_document_says_so(tmp_path):
    """A sweep: by province, the Nanning (city) document's row read level province, city None and a bare 市科技局,
    so a city's 55万元 cap read as the province's. The row's level and city are its document's."""
    from pathlib import Path

    from zhengce.index.compare import compare
    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    with Store(tmp_path / "s") as st:
        ingest_paths(st, [corpus])
        s = Searcher(st)
        s.sync()
        rows = {r.place: r for r in compare(s, "哪些城市对众创空间给予房租补贴", by="province")}
        gx = rows["广西壮族自治区"]
        assert gx.level == "city" and gx.city == "南宁市" and gx.lead_unit == "南宁市科学技术局"
        assert rows["青海省"].level == "province" and rows["青海省"].city is None
        by_city = {r.place: r for r in compare(s, "哪些城市对众创空间给予房租补贴", by="city")}
        assert by_city["南宁市"].lead_unit == "市科技局" and by_city["南宁市"].level == "city"


@pytest.mark.parametrize("name,placed", [("市科技局", "南宁市科学技术局"), ("市场监管部门", None), ("市县科技部门", None),
                                         ("市政工程管理处", None), ("市人民银行", None), ("区科技局", None)])
def test_a_unit_is_placed_only_where_the_reader_is_sure(name, placed):
    """A review: the first version prefixed any name opening with 市 (南宁市场监管部门, 桂林市县科技部门)."""
    from zhengce.nlp.units import placed_name
    from zhengce.records import Region

    assert placed_name(name, Region(province="广西壮族自治区", city="南宁市", level="city", code="450100")) == placed


@pytest.mark.parametrize("kw,want", [({"district": "乾安县"}, "乾安县"), ({"district": "乾县"}, "乾县"),
                                     ({"province": "廣東"}, "广东省"), ({"city": "南寧"}, "南宁市")])
def test_a_place_filter_is_read_as_typed_before_it_is_folded(kw, want):
    """A review: folding 乾安县 as a query (OpenCC: 乾 -> 干) made a real county unknown."""
    from zhengce.params import make_filters

    f = make_filters(**kw)
    assert want in (f.province, f.city, f.district)


@pytest.mark.parametrize("text,want", [
    ("1. 50万元以上的项目，给予奖励。", "1. 50万元以上的项目，给予奖励。"),     # an item number: not 1.50万元
    ("2. 30%的补贴", "2. 30%的补贴"),
    ("补贴1. 5万元", "补贴1.5万元"),                                         # a decimal scraping split: joined
])
def test_a_space_after_an_item_number_is_kept(text, want):
    from zhengce.ingest.normalize import normalize
    assert normalize(text).text == want


def test_markdown_keeps_masks_reference_lines_and_html_tables():
    """A review: CommonMark read 张*明 as emphasis, [注]: 本办法… as a link reference (the line vanished) and
    dropped an HTML table."""
    from zhengce.ingest.markdown import to_text

    src = ("[注]: 本办法自2024年1月1日起施行。\n\n张*明 补贴5000元；李*华 补贴3000元\n\n4501**********1234\n\n"
           "最高不超过**10万元**\n\n三、补贴标准：<br>每平方米每月20元\n\n"
           "<table><tr><td>房租补贴</td><td>最高不超过10万元</td></tr></table>\n")
    lines = to_text(src).split("\n")
    assert lines == ["[注]: 本办法自2024年1月1日起施行。", "张*明 补贴5000元；李*华 补贴3000元", "4501**********1234",
                     "最高不超过10万元", "三、补贴标准：", "每平方米每月20元", "| 房租补贴 | 最高不超过10万元 |"]
