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
    from tests.support import CORPUS, SEEDS

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
