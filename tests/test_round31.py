"""Round 31: validity clauses whose subject is not written 本…, a body after 和 right after another body."""
import pytest

from zhengce.nlp.measures import split_measures
from zhengce.nlp.units import find_units


def _items(text):
    return [(m.kind, text[m.start:m.end]) for m in split_measures(text)]


@pytest.mark.parametrize("text,clause", [
    ("一、对新招用高校毕业生的企业，按每人1500元给予一次性吸纳就业补贴。政策执行至2024年12月31日。\n二、附则。",
     "政策执行至2024年12月31日。"),
    ("对首次购房的青年人才给予购房补贴5万元。\n该政策自2024年6月15日起实施，有效期至2025年12月31日。",
     "该政策自2024年6月15日起实施"),
    ("对首次购房的青年人才给予购房补贴5万元。\n本标准自印发之日起施行，有效期至2024年12月31日。",
     "本标准自印发之日起施行"),
    ("五、对新认定的孵化器给予20万元奖励。\n六、附则。本办法自2023年3月1日起施行，有效期至2028年2月29日。",
     "六、附则。"),
])
def test_a_validity_clause_is_other(text, clause):
    items = _items(text)
    hit = [k for k, t in items if t.startswith(clause)]
    assert hit == ["other"], items
    assert items[0][0] == "measure"


@pytest.mark.parametrize("text", [
    "政策支持力度进一步加大，对新认定的孵化器给予20万元奖励。",
    "活动期间，对购买新能源汽车的消费者每辆补贴3000元。",
])
def test_a_policy_sentence_without_a_validity_clause_stays_a_measure(text):
    assert _items(text)[0][0] == "measure"


@pytest.mark.parametrize("text,want", [
    ("市财政和县财政各承担一半。", ["市财政", "县财政"]),          # 和 the conjunction, not 和县 (Anhui)
    ("市财政局和县财政局按比例分担。", ["市财政局", "县财政局"]),
    ("马鞍山市和县财政局负责拨付。", ["马鞍山市和县财政局"]),      # the county after its city
    ("和县财政局负责拨付。", ["和县财政局"]),
])
def test_he_county_only_where_it_is_a_place(text, want):
    assert [u.name for u in find_units(text)] == want


# ---------------------------------------------------------------- from the round's new-user sweep

def test_normalize_leaves_out_the_flag_only_extraction_decides(capsys):
    import json

    import jsonschema

    from zhengce.cli import main
    from zhengce.schemas import load_schema
    from support import CORPUS, SEEDS

    assert main(["normalize", str(CORPUS / SEEDS["qinghai"])]) == 0
    d = json.loads(capsys.readouterr().out)
    assert "not_policy" not in d          # a false printed for every page before extraction decides it
    jsonschema.validate(d, load_schema("document"))
    assert "not_policy" not in load_schema("document")["properties"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(codec):
    from zhengce.ingest.decode import decode_bytes

    text = "南宁市人民政府办公厅关于印发实施方案的通知\r\n一、对新认定的众创空间给予10万元补贴。\nABC 123"
    d = decode_bytes(text.encode(codec))
    assert d.text == text and d.encoding == "utf-16"


@pytest.mark.parametrize("data", [b"\x00" * 100 + b"abc", bytes(range(256)) * 20, b"PK\x03\x04" + b"\x00" * 64])
def test_nul_bytes_that_are_no_utf16_text_stay_binary(data):
    from zhengce.errors import IngestError
    from zhengce.ingest.decode import decode_bytes

    with pytest.raises(IngestError) as e:
        decode_bytes(data)
    assert e.value.reason == "binary"


@pytest.mark.parametrize("open_, close", [("(", ")"), ("（", "）")])
def test_a_number_after_the_headline_repeated_in_the_body(open_, close):
    from zhengce.ingest.document import normalize_bytes

    title = "南宁市人民政府办公厅关于印发南宁市大力推进大众创业万众创新实施方案的通知"
    html = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>{title}{open_}南府办〔2016〕34号{close}</p><p>各县、区人民政府，市政府各部门：</p>"
            "<p>现将《南宁市大力推进大众创业万众创新实施方案》印发给你们，请认真贯彻执行。</p>"
            "<p>一、对新认定的众创空间给予10万元补贴。</p><p>南宁市人民政府办公厅</p><p>2016年6月13日</p></body></html>")
    d = normalize_bytes(html.encode(), "x.html")
    assert d.doc_number == "南府办〔2016〕34号" and d.title == title


@pytest.mark.parametrize("text,want", [
    ("郑板桥的诗文中多次提到东方朔，东方朔是汉代文学家，东方红。", None),      # a person's name, the east
    ("东方市人民政府关于印发东方市促进就业实施方案的通知", "东方市"),
    ("阿里巴巴与阿里云在杭州设立研发中心，杭州市给予支持。", "杭州市"),       # no 阿里地区
])
def test_everyday_words_holding_a_city_name(text, want):
    from zhengce.ingest.region import _body_region

    r = _body_region(text)
    assert (r.city if r else None) == want


def test_a_page_tool_after_the_source_is_no_part_of_its_name():
    from zhengce.ingest.boilerplate import _parse_byline

    byline: dict = {}
    line = "2019-09-07 13:43:45\u3000来源: 证券市场红周刊 举报"
    assert _parse_byline(line, line, byline)
    assert byline["source_site"] == "证券市场红周刊" and byline["date"] == "2019-09-07"


# ---------------------------------------------------------------- from the round's two reviews

def test_a_page_tool_is_cut_from_a_source_never_from_a_name():
    from zhengce.ingest.boilerplate import _parse_byline

    for line, source, author in (("来源: 南宁日报 作者: 李\u3000中 发布时间: 2024-01-02", "南宁日报", "李\u3000中"),
                                 ("作者: 王 小 来源: 新华网 分享", "新华网", "王 小"),
                                 ("来源: 大中小企业服务中心 发布时间: 2024-01-02", "大中小企业服务中心", None),
                                 ("来源: 市科技局 发布时间: 2024-01-02 字号: 大 中 小", "市科技局", None)):
        b: dict = {}
        assert _parse_byline(line, line, b)
        assert (b.get("source_site"), b.get("author")) == (source, author), line


def _html(title, line):
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{line}</p><p>各县、区人民政府：</p>"
            "<p>一、对新认定的众创空间给予10万元补贴。</p><p>南宁市人民政府</p><p>2016年6月13日</p></body></html>").encode()


@pytest.mark.parametrize("title,line,number", [
    # the number the title cites is no number of the page's (and no prefix to cut from its title)
    ("关于贯彻落实国发〔2015〕23号文件精神进一步做好就业创业工作的实施意见",
     "关于贯彻落实国发〔2015〕23号文件精神进一步做好就业创业工作的实施意见（南府发〔2016〕1号）", "南府发〔2016〕1号"),
    ("南宁市促进就业创业若干措施", "南宁市促进就业创业若干措施 依据桂政发〔2015〕40号", None),
])
def test_a_repeated_headline_gives_only_its_own_bracketed_number(title, line, number):
    from zhengce.ingest.document import normalize_bytes

    d = normalize_bytes(_html(title, line), "x.html")
    assert d.doc_number == number and d.title == title


@pytest.mark.parametrize("text", [
    "政策执行至2025年12月31日，对新引进的博士给予一次性安家补贴30万元。",
    "政策自2024年1月1日起实施，对在我市新设立的企业给予开办补贴1万元。",
    "活动有效期为3个月，参与活动的商户每笔交易补贴10元。",
    "标准执行至2025年12月31日，每人每月发放生活补贴500元。",
])
def test_a_dated_sentence_that_grants_stays_a_measure(text):
    items = _items("一、对新引进的博士给予补贴。\n" + text)
    assert items[-1] == ("measure", text), items


def test_a_short_title_over_a_dated_grant_stays_a_measure():
    items = _items("二、对新引进的博士给予补贴。\n三、房租补贴。标准自2024年1月1日起执行，每平方米每月补贴20元。")
    assert items[-1][0] == "measure" and items[-1][1].startswith("三、房租补贴。"), items


def test_utf16_without_a_mark_reads_every_bundled_page_and_no_ascii_with_nuls():
    from support import CORPUS

    from zhengce.errors import IngestError
    from zhengce.ingest.decode import decode_bytes

    for f in sorted(CORPUS.glob("*.txt")):
        text = decode_bytes(f.read_bytes()).text
        for codec in ("utf-16-le", "utf-16-be"):
            assert decode_bytes(text.encode(codec)).text == text, (f.name, codec)
    for data in (b"hello world\x00" * 50, b"abcdefghijklmnopqrstuvwxyz" * 300 + b"\x00"):
        with pytest.raises(IngestError):     # ASCII with NULs: its pairs read as rare Han, no page
            decode_bytes(data)
    english = "Policy notes\nline two 2024\n" * 20
    assert decode_bytes(english.encode("utf-16-le")).text == english


@pytest.mark.parametrize("text,want", [
    ("东方人社局关于对东方籍高校毕业生给予创业补贴的通知", "东方市"),
    ("海南东方出台政策，鼓励青年在东方创业。", "东方市"),
])
def test_dongfang_as_a_place_where_it_is_one(text, want):
    from zhengce.ingest.region import _body_region

    assert _body_region(text).city == want


def test_an_empty_path_and_a_mistyped_one_under_prune(tmp_path):
    from support import CORPUS

    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    st = Store(tmp_path / "zc")
    with pytest.raises(ValueError, match="empty path"):
        ingest_paths(st, "")
    pages = tmp_path / "pages"
    pages.mkdir()
    first = sorted(CORPUS.glob("*.txt"))[0]
    (pages / first.name).write_bytes(first.read_bytes())
    ingest_paths(st, [pages])
    (pages / first.name).unlink()
    r = ingest_paths(st, [pages, tmp_path / "pagse"], prune=True)
    assert r.removed == [str(pages / first.name)]
    assert [f["reason"] for f in r.failed] == ["missing"] and r.failed[0]["source"].endswith("pagse")


def test_a_datetime_filter_is_its_date():
    import datetime as dt

    from zhengce.index.filters import Filters

    assert Filters(date_from=dt.datetime(2020, 1, 1, 13, 5)).date_from == "2020-01-01"


def test_doctor_leaves_a_writers_files_alone_while_it_holds_the_index(tmp_path, monkeypatch):
    from support import CORPUS, lock_held_elsewhere

    from zhengce import doctor
    from zhengce.index import lock
    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    monkeypatch.setattr(lock, "PROBE_GRACE_S", 0.0)
    monkeypatch.setattr(doctor, "_INFLIGHT_GRACE_S", 0.0)     # an old file: a leftover, were no writer at work
    st = Store(tmp_path / "zc")
    ingest_paths(st, sorted(CORPUS.glob("*.txt"))[:1])
    Searcher(st).sync()
    stray = tmp_path / "zc" / "index" / "bm25-99.npz"
    stray.write_bytes(b"x")
    with lock_held_elsewhere(st.index_dir):               # another process's sync writing its next generation
        problems = doctor.check(st, repair=True)
    assert stray.exists()
    left = [p for p in problems if p["kind"] == "leftovers"]
    assert left and not left[0]["repaired"] and "not removed" in left[0]["message"]
    problems = doctor.check(st, repair=True)            # no writer: removed
    assert not stray.exists()


def test_doctor_syncs_the_index_as_it_is_once_it_holds_the_lock(tmp_path, monkeypatch):
    """A writer that finishes while doctor --repair waits for the lock: doctor must not redo its work from the
    index it read before (that re-embedded every measure and rewrote the live generation's files)."""
    from support import CORPUS

    from zhengce import doctor
    from zhengce.index import lock
    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    st = Store(tmp_path / "zc")
    files = sorted(CORPUS.glob("*.txt"))
    ingest_paths(st, files[:1])
    Searcher(st).sync()
    ingest_paths(st, files[1:2])        # measures stored, not yet indexed: doctor reads the index and finds them
    real = lock.index_lock
    other = []

    def late(index_dir, **kw):
        if not other:               # the other writer, done just before doctor gets the lock (its own sync
            other.append(1)         # takes the lock too: the real one, from here on)
            Searcher(st).sync()
        return real(index_dir, **kw)

    monkeypatch.setattr(lock, "index_lock", late)
    problems = doctor.check(st, repair=True)
    synced = [p["message"] for p in problems if "synced" in p["message"]]
    assert synced and "(synced: +0 -0)" in synced[0], problems


# ---------------------------------------------------------------- compare: a row's cells from its own provision

_PAGE = """南宁市人力资源和社会保障局关于印发南宁市人才支持若干措施的通知
各县、区人民政府，市直各部门：
一、支持博士后
对新进站的博士后，每名博士后每年给予生活补助18万元。对博士后的无业配偶每月给予3000元生活补助，补助期限一般为2年。（市人社局、市财政局等部门负责）
二、支持众创空间
对经认定的众创空间，按实际租金的70%给予房租补贴。最高不得超过每个基地每年55万元。补贴期限2年。
三、青年人才
- 博士每月4000元，硕士每月2000元，最长补贴1年。
- 高校另行发放7200元/年的岗位津贴。
南宁市人力资源和社会保障局
2024年3月1日
"""


def _searcher_of(folder, page: str):
    """A searcher over a store of one page written to ``folder``."""
    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    (folder / "p.txt").write_text(page, encoding="utf-8")
    st = Store(folder / "zc")
    ingest_paths(st, [folder / "p.txt"])
    s = Searcher(st)
    s.sync()
    return s


@pytest.fixture(scope="module")
def provisions(tmp_path_factory):
    return _searcher_of(tmp_path_factory.mktemp("prov"), _PAGE)


def _row(searcher, q):
    from zhengce.index.compare import compare

    rows = compare(searcher, q, min_relative=0.0)
    assert rows, q
    return rows[0]


def test_a_neighbours_term_is_no_cell_of_another_provision(provisions):
    r = _row(provisions, "博士后每年生活补助")
    assert r.cap_yuan == 180000 and r.duration is None          # the spouse's 2年 is another provision's
    assert r.lead_unit == "市人社局"                            # the item's note of the bodies charged


def test_a_provisions_own_sentences_still_fill_its_cells(provisions):
    r = _row(provisions, "众创空间房租补贴")
    assert r.rate == "70%" and r.cap_yuan == 550000
    # (补贴期限2年, tagged subsidy alone, is still read as another instrument beside a rent subsidy — round 19's
    # rule, which a test keeps — so the row has no duration here: a known limit)


def test_a_bullet_is_an_item_of_its_own(provisions):
    r = _row(provisions, "高校岗位津贴7200元")
    assert r.cap_yuan == 7200 and r.duration is None


@pytest.mark.parametrize("text,want", [
    ("财政部、科技部、工信部、发改委等四部委确定了28个城市。", "发改委"),          # the national commission, as written
    ("发改委、科技局等部委联合发文。", "发改委"),
    ("科技局、财政局、人社局等部门负责。", "市科技局"),                             # 等部门: the document's own
    ("(市委组织部、科技局、财政局负责)", "市科技局"),                               # a party department is local
    ("科技部、财政局联合印发。", "市财政局"),                                       # a bureau is never a ministry
])
def test_a_shorthand_listed_with_ministries_gets_no_local_level(text, want):
    names = [u.name for u in find_units(text, level_prefix="市")]
    assert want in names and ("市" + want not in names if not want.startswith("市") else True), names


def test_a_heading_that_wins_its_row_is_filled_from_its_first_provision(tmp_path):
    page = ("上海市普陀区人才安居政策解读\n关于博士人才的支持政策，整理如下：\n一、租房补贴\n"
            "- 新设立企业的核心团队成员可享租房补贴，标准为每人每月最高5000元。\n"
            "- 另有人才公寓可供申请，租金按市场价的70%收取。\n二、生活补贴\n- 生活补助费标准为1600元/月。\n")
    row = _row(_searcher_of(tmp_path, page), "租房补贴")
    if row.best[0].text.strip() == "一、租房补贴":          # the heading ranked first: its first item fills the row
        assert row.cap_yuan == 5000 and row.rate is None      # (never the next item's 70%)
    else:
        assert row.cap_yuan == 5000


def test_a_notices_application_window_fills_an_empty_deadline(tmp_path):
    page = ("关于开展虹口区2023年高新技术企业奖励申报工作的通知\n各有关单位：\n一、支持标准\n"
            "对新认定的高新技术企业，最高给予20万元的奖励。\n二、申报方式\n材料报送至区科委。\n"
            "三、申报时间\n2023年11月20日至2023年11月21日\n虹口区科学技术委员会\n2023年11月10日\n")
    row = _row(_searcher_of(tmp_path, page), "高新技术企业认定奖励")
    assert row.cap_yuan == 200000
    assert row.deadline == "2023-11-21" and row.start is None      # (the window opening is no start of the policy)
    assert row.evidence["deadline"]["sentence"].startswith("三、申报时间 2023年11月20日")


def test_an_objection_window_or_a_linked_programmes_is_no_application_window():
    from types import SimpleNamespace as NS

    from zhengce.index.compare import _application_window
    from zhengce.records import Deadline

    def ex(path, text):
        d = Deadline(text="2023年7月1日至2023年7月10日", start=0, end=10, kind="span", start_date="2023-07-01",
                     end_date="2023-07-10")
        return NS(measures=[NS(path=[path], text=text, deadlines=[d], id="m", start=0, end=len(text))])
    for path in ("二、异议受理时间", "相关链接", "公示时间"):
        cells = {"deadline": None, "start": None, "evidence": {}}
        _application_window(cells, ex(path, "2023年7月1日至2023年7月10日"), "doc")
        assert cells["deadline"] is None, path


@pytest.mark.parametrize("text,kind", [
    ("依法足额缴纳社会保险费的，履行合同满1年后，按1500元/人标准给予一次性补助。", "condition"),   # a wait before payout
    ("服务满3年后，一次性发放安家费。", "condition"),
    ("租金减免期满1年。", "benefit"),
    ("房租减免满3年后，按市场价收取租金。", "benefit"),       # the benefit running its course (a review)
    ("补贴满2年后，第三年减半。", "benefit"),
])
def test_a_wait_before_a_payout_is_a_condition(text, kind):
    from zhengce.nlp.deadlines import find_durations

    assert [d.kind for d in find_durations(text)] == [kind]


@pytest.mark.parametrize("text,amount,kind,budget", [
    ("市财政每年将安排1000万元，专项用于资助大学生创业。", "1000万元", "fixed", True),
    ("本批涉及企业共219家、总金额6555万元。", "6555万元", "fixed", True),
    ("前期我们将提供5亿元的孵化基金。", "5亿元", "fixed", True),
    ("给予100万元资金奖励。", "100万元", "fixed", False),
    ("每家企业给予10万元专项资金支持。", "10万元", "fixed", False),
    ("每增加1人再给予1000元补贴，每年总额不超过5万元。", "不超过5万元", "cap", False),
])
def test_a_budget_or_a_total_is_no_sum_a_beneficiary_gets(text, amount, kind, budget):
    from types import SimpleNamespace as NS

    from zhengce.index.compare import _budget

    h = NS(text=text, start=100)
    a = NS(text=amount, start=100 + text.index(amount), kind=kind)
    assert _budget(h, a) is budget
