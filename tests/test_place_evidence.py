"""Place evidence beyond body place names: government hosts, filing codes, 文号 abbreviations,
datelines — and the body reader's guards (words that only contain a place, asides)."""
import pytest

from zhengce.ingest.place_evidence import (city_of_doc_number, dateline_place, province_of_doc_number,
                                           region_of_filing, region_of_host, reported_document_place, site_region)
from zhengce.ingest.region import resolve_region


@pytest.mark.parametrize("url, expect", [
    ("http://kjj.anshan.gov.cn/html/ASSKJ/202010/1.html", ("辽宁省", "鞍山市", None)),
    ("https://www.yuan.gov.cn/hdjl/dwzsk/1.html", ("安徽省", "六安市", "裕安区")),
    ("http://www.gd.gov.cn/zwgk/", ("广东省", None, None)),
    ("http://www.gxzf.gov.cn/", ("广西壮族自治区", None, None)),
    ("http://www.hainan.gov.cn/", ("海南省", None, None)),   # the province, not 海南州
])
def test_government_host_names_the_place(url, expect):
    r = region_of_host(url)
    assert (r.province, r.city, r.district) == expect


@pytest.mark.parametrize("url", ["http://0477ly.com/a.html", "http://m.xuexibi.com/news/1.html",
                                 "http://fgw.sz.gov.cn/", None, "", "not a url ::"])
def test_other_or_ambiguous_hosts_say_nothing(url):
    assert region_of_host(url) is None


def test_filing_code_counts_only_on_government_pages_and_only_to_the_city():
    footer = "版权所有 皖公网安备 34150202000125号"
    assert site_region("http://mirror.example.com/x", footer) is None
    r = site_region(None, "政府网站标识码3415000001 " + footer)
    assert (r.province, r.city, r.district) == ("安徽省", "六安市", None)
    assert region_of_filing("no filing here") is None


@pytest.mark.parametrize("number, province", [
    ("琼府[2005]9号", "海南省"), ("湘老龄发〔2019〕3号", "湖南省"), ("苏政发〔2018〕1号", "江苏省"),
    ("桂政办发〔2016〕34号", "广西壮族自治区"),
])
def test_provincial_document_numbers(number, province):
    assert province_of_doc_number(number).province == province


@pytest.mark.parametrize("number", ["南府办〔2016〕34号", "苏府〔2019〕3号", "晋市政发〔2019〕3号",
                                    "青政发〔2018〕1号", "财税〔2016〕36号", None, ""])
def test_city_or_ambiguous_numbers_are_not_provincial(number):
    assert province_of_doc_number(number) is None


@pytest.mark.parametrize("number, province, city", [
    ("株政办发〔2024〕12号", None, "株洲市"), ("苏府〔2019〕3号", None, "苏州市"), ("甬政发〔2020〕3号", None, "宁波市"),
    ("南府办〔2016〕34号", "广西壮族自治区", "南宁市"), ("长政发〔2020〕1号", "湖南省", "长沙市"),
])
def test_a_city_number_names_the_city_its_abbreviation_is_unique_to(number, province, city):
    assert city_of_doc_number(number, province).city == city


@pytest.mark.parametrize("number, province", [
    ("南府办〔2016〕34号", None),          # 南宁, 南昌, 南通 … : unknown beats wrong
    ("长政发〔2020〕1号", None), ("青政发〔2020〕3号", None),   # 青海 or 青岛
    ("青政办发〔2020〕1号", "山东省"), ("宁政发〔2020〕1号", "福建省"),   # a province's first character too
    ("湘政办发〔2024〕1号", None),          # the province's
    ("财税〔2016〕36号", None), ("国办发〔2020〕1号", None), (None, None),
])
def test_shared_or_other_numbers_name_no_city(number, province):
    assert city_of_doc_number(number, province) is None


def test_a_city_number_places_an_unsigned_page_and_refines_a_province():
    body = "对符合条件的企业给予最高50万元补贴，政策自2024年5月1日起施行。"
    r = resolve_region(text=body, doc_number="株政办发〔2024〕12号")
    assert (r.province, r.city) == ("湖南省", "株洲市")
    r = resolve_region(text="为落实我省部署，湖南省各地要抓好落实。" + body, doc_number="长政发〔2020〕1号")
    assert (r.province, r.city) == ("湖南省", "长沙市")


def test_a_county_named_before_it_became_a_district_or_city():
    body = "对符合条件的企业给予最高50万元补贴，政策自2016年5月1日起施行。"
    r = resolve_region(issuer="双流县人民政府", text=body)     # the page's name, today's code (双流区)
    assert (r.city, r.district, r.code) == ("成都市", "双流县", "510116")
    r = resolve_region(issuer="宁乡县人民政府", text=body)
    assert (r.city, r.district, r.code) == ("长沙市", "宁乡县", "430182")
    assert resolve_region(issuer="朝阳县人民政府", text=body).district == "朝阳县"   # still a county


def test_dateline_of_a_local_paper():
    assert dateline_place("厦门日报讯 (记者 李晓平)近日,市工信局").city == "厦门市"
    assert dateline_place("近日,市工信局印发细则") is None


def test_a_word_that_only_contains_a_district_is_not_the_district():
    text = "对城东区域内新建的众创空间给予补贴。城东区域的孵化器另行支持。" * 2
    assert resolve_region(text=text).district != "城东区"


def test_a_place_in_an_aside_is_not_the_subject():
    text = ("随州市人民政府关于促进创业的意见。各县(含县级市、神农架林区)要落实补贴。"
            "随州市对众创空间给予补贴,随州市财政统筹资金。")
    assert resolve_region(text=text).city == "随州市"


def test_site_beats_body_names_but_a_district_of_the_site_refines_it():
    site = region_of_host("http://www.enshi.gov.cn/")
    text = "近日,宣恩县首批育儿补贴资金发放到位,惠及全县婴幼儿。宣恩县将持续做好政策宣传。"
    r = resolve_region(text=text, site=site)
    assert (r.city, r.district) == ("恩施土家族苗族自治州", "宣恩县")
    other = "南宁市对众创空间给予补贴。南宁市科技局负责。"
    assert resolve_region(text=other, site=site).city == "恩施土家族苗族自治州"


def test_provincial_number_and_voice_outweigh_listed_cities():
    text = ("省政府决定对在造林绿化工作中成绩显著的市、县给予表彰。为改善我省生态环境作出了贡献。"
            "一等奖:文昌市 海口市 屯昌县")
    r = resolve_region(text=text, doc_number="琼府[2005]9号")
    assert (r.province, r.city, r.level) == ("海南省", None, "province")


@pytest.mark.parametrize("url, expect", [
    ("https://www.zjcs.gov.cn/art/2020/7/8/a.html", ("浙江省", "衢州市", "常山县")),   # province + county
    ("https://www.szns.gov.cn/bsfw/", ("广东省", "深圳市", "南山区")),                 # city + district
])
def test_hosts_that_join_parent_and_child(url, expect):
    r = region_of_host(url)
    assert (r.province, r.city, r.district) == expect


@pytest.mark.parametrize("chrome, city", [
    ("扫一扫在手机上查看 您访问的链接即将离开“随州市人民政府”门户网站,是否继续?", "随州市"),
    ("您訪問的鏈接即將離開「隨州市人民政府」門戶網站", "随州市"),          # read before t2s
    ("中华人民共和国国徽\n深圳市南山区人民政府网站\n当前位置:首页", "深圳市"),
])
def test_the_portal_a_page_comes_from(chrome, city):
    assert site_region(None, chrome).city == city


def test_the_national_emblem_is_not_a_national_issuer():
    from zhengce.ingest.region import region_of_name
    assert region_of_name("中华人民共和国国徽") is None
    assert region_of_name("中华人民共和国财政部").level == "national"


def test_a_closing_media_credit_places_a_local_story():
    r = dateline_place("我区举行一次性创业补贴发放仪式,每人发放2000元。(商州区广播电视台 杨运良)")
    assert (r.city, r.district) == ("商洛市", "商州区")


def test_a_reported_provincial_document_outranks_the_papers_city():
    text = ("兰州晚报讯(记者朱浩源)1月29日,记者从省民政厅了解到,《甘肃省社会办养老服务机构一次性建设补贴资金"
            "管理办法》出台,并从即日起施行。")
    r = resolve_region(text=text)
    assert (r.province, r.city, r.level) == ("甘肃省", None, "province")


def test_legal_database_labels_give_the_issuer():
    from zhengce.ingest.document import normalize_text
    text = ("唐山市科学技术局关于公布新认定市级科技企业孵化器名单的通知\n文章属性\n•【制定机关】唐山市科学技术局\n"
            "•【公布日期】2023.11.14\n" + "根据有关规定，经评审，认定一批市级科技企业孵化器和众创空间，现予公布。" * 3)
    doc = normalize_text(text)
    assert doc.issuer == "唐山市科学技术局"
    assert doc.region.city == "唐山市"


def test_a_sidecar_url_places_a_file_in_normalize_and_in_the_pipeline(tmp_path):
    from zhengce.ingest.document import normalize_file
    from zhengce.pipeline import process_file

    page = tmp_path / "notice.txt"
    page.write_text("关于做好创业补贴发放工作的通知\n" + "对符合条件的创业者给予一次性创业补贴5000元，由人社部门负责审核发放。" * 3,
                    encoding="utf-8")
    (tmp_path / "notice.txt.url").write_text("http://rsj.anshan.gov.cn/html/1.html\n", encoding="utf-8")
    doc = normalize_file(page)
    assert doc.url == "http://rsj.anshan.gov.cn/html/1.html"
    assert doc.region.city == "鞍山市"
    res = process_file(page)
    assert res.extraction.document.region.city == "鞍山市"


# A news lead that names the issuer before the document: the report's place is the issuer's.
def test_issuer_before_reported_document():
    r = reported_document_place("记者从会上获悉,国务院日前下发《关于支持边疆地区产业发展的意见》,明确了七个方面的扶持政策。")
    assert r is not None and r.level == "national"
    r = reported_document_place("本报讯 省政府近日印发《湖南省促进消费若干措施》,提出十条举措。")
    assert (r.province, r.level) == ("湖南省", "province")


def test_citation_of_a_document_is_no_report():
    # no time word: a local text citing a national document, not news of it
    assert reported_document_place("根据国务院印发的《关于支持边疆地区产业发展的意见》精神,结合本地实际,制定本办法。") is None


# Words that only contain a place name (spec, "Place"): streets and institutions, and one-character
# stems glued to a word (示范县 holds 范县, 主城区 holds 城区).
def test_street_and_institution_names_are_no_place():
    assert resolve_region(text="对在上海证券交易所、深圳证券交易所上市的企业给予奖励。").level is None
    assert resolve_region(text="服务中心地址:南京路100号。对企业给予奖励。").level is None
    assert resolve_region(text="南京推进产业发展,南京加大投入。").city == "南京市"


def test_one_character_stem_inside_a_word_is_no_place():
    assert resolve_region(text="主城区企业给予奖励,获评示范县的给予补助。").level is None
    r = resolve_region(text="徐州市沛县推进产业发展,对企业给予奖励。")
    assert (r.city, r.district) == ("徐州市", "沛县")
    r = resolve_region(text="张掖市高台县获评示范县,对高台县企业给予奖励。")
    assert (r.province, r.district) == ("甘肃省", "高台县")
