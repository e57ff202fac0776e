"""Metadata from normalized text: title, type, issuer, own document number, issue date."""
from __future__ import annotations

import pytest

from zhengce.ingest.metadata import extract_metadata, parse_date
from zhengce.ingest.normalize import normalize


def md_of(raw: str, **kw):
    return extract_metadata(normalize(raw).text, **kw)


def test_title_with_number_in_parentheses():
    md = md_of("南宁市人民政府办公厅关于印发南宁市大力推进大众创业万众创新实施方案的通知(南府办〔2016〕34号)\n"
               "各县、区人民政府:\n现印发给你们,请认真贯彻执行。\n2016613\n")
    assert md.title == "南宁市人民政府办公厅关于印发南宁市大力推进大众创业万众创新实施方案的通知"
    assert md.doc_type == "通知" and md.inner_doc_type == "方案"
    assert md.issuer == "南宁市人民政府办公厅"
    assert md.doc_number == "南府办〔2016〕34号"
    assert md.issue_date == "2016-06-13"
    (r,) = md.repairs
    assert r.kind == "date_collapsed_read" and r.before == "2016613" and r.after == "2016-06-13"


def test_title_over_three_lines_and_signature_issuer():
    md = md_of("石政办函〔2018〕49号\n石家庄市人民政府办公厅\n关于印发《石家庄市“双创”示范基地\n建设方案》的通知\n"
               "各县(市、区)人民政府:\n现印发给你们。\n石家庄市人民政府办公厅\n201844\n")
    assert md.title == "石家庄市人民政府办公厅关于印发《石家庄市“双创”示范基地建设方案》的通知"
    assert md.doc_number == "石政办函〔2018〕49号"
    assert md.issue_date == "2018-04-04"


def test_traditional_number_simplified_and_brackets_unified():
    md = md_of("青政辦〔2017〕2號《青海省人民政府辦公廳關於加快眾創空間發展的實施意見》\n各市、自治州人民政府:\n")
    assert md.doc_number == "青政办〔2017〕2号"
    assert md.title == "青海省人民政府办公厅关于加快众创空间发展的实施意见"
    assert md.doc_type == "实施意见"
    for raw in ("通委发[2010]3号", "通委发(2010)3号", "通委发【2010】3号", "通委发 〔2010〕 3 号"):
        assert md_of(f"{raw}\n关于加强科协工作的意见\n各单位:\n").doc_number == "通委发〔2010〕3号"


def test_cited_numbers_are_not_the_documents_own():
    md = md_of("关于推进双创的实施意见\n各单位:\n为贯彻落实《国务院关于加快构建大众创业万众创新支撑平台的指导意见》"
               "(国发〔2015〕53号)精神,结合实际,制定本意见。\n")
    assert md.doc_number is None


def test_absent_fields_are_none():
    md = md_of("记者从市科技局获悉,今年全市新增众创空间10家,累计达到52家。")
    assert (md.title, md.doc_type, md.issuer, md.doc_number, md.issue_date) == (None,) * 5


def test_reply_uses_title_field_and_reply_date():
    md = md_of("标题: | 关于在南通市组织社会大众聚力创新的建议 | |||\n答复日期: | 2017-06-29 | |||\n"
               "答复内容: | 尊敬的代表:现给予如下答复意见。\n南通市科学技术局 2017年6月29日 |")
    assert md.title == "关于在南通市组织社会大众聚力创新的建议"
    assert md.doc_type == "答复"
    assert md.issuer == "南通市科学技术局"
    assert md.issue_date == "2017-06-29"


def test_byline_date_is_only_a_fallback():
    text = "关于开展绩效评价工作的通知\n各单位:\n现通知如下。\n浙江省科学技术厅\n2022年4月15日"
    assert extract_metadata(normalize(text).text, byline={"date": "2022-06-01"}).issue_date == "2022-04-15"
    text2 = "关于开展绩效评价工作的通知\n各单位:\n现通知如下。"
    assert extract_metadata(normalize(text2).text, byline={"date": "2022-06-01"}).issue_date == "2022-06-01"


@pytest.mark.parametrize("title, dtype", [
    ("关于印发《宁海县众创空间认定与资金管理办法》的通知", "通知"),
    ("郑州市支持创新创业孵化载体高质量发展实施细则", "细则"),
    ("镇海区众创空间评估管理办法(试行)", "办法"),
    ("关于申请2018年度创新创业服务体系建设项目区级配套资金的请示", "请示"),
    ("广西科技创新“十三五”规划", "规划"),
    ("国务院关于同意设立示范区的批复", "批复"),
])
def test_doc_type_from_head_noun(title, dtype):
    assert md_of(title + "\n各有关单位:\n正文。").doc_type == dtype


def test_breadcrumb_is_not_a_title():
    assert md_of("专项规划 > 政府印发的专项规划\n广西科技创新“十三五”规划\n正文。").title == "广西科技创新“十三五”规划"


def test_parse_date():
    assert parse_date("2017年6月29日") == "2017-06-29"
    assert parse_date("发布时间:2022-09-16") == "2022-09-16"
    assert parse_date("2017年2月30日") is None


def test_cms_information_table_fields():
    from zhengce.ingest import normalize_text
    doc = normalize_text(
        "索引号: | 000014349/2016-00123 | 主题分类: | 科技\n"
        "发文机关: | 南宁市人民政府办公厅 | 成文日期: | 2016年06月13日\n"
        "标 题: | 南宁市人民政府办公厅关于印发南宁市大力推进大众创业万众创新实施方案的通知\n"
        "发文字号: | 南府办[2016]34号 | 发布日期: | 2016年06月20日\n"
        "各县、区人民政府,市政府各部门:\n"
        "《南宁市大力推进大众创业万众创新实施方案》已经市人民政府同意,现印发给你们,请认真贯彻执行。\n")
    assert doc.title == "南宁市人民政府办公厅关于印发南宁市大力推进大众创业万众创新实施方案的通知"
    assert doc.issuer == "南宁市人民政府办公厅"
    assert doc.doc_number == "南府办〔2016〕34号"
    assert doc.issue_date == "2016-06-13"          # 成文日期 outranks 发布日期
    assert doc.region.city == "南宁市"


def test_joint_issuers_and_chinese_numeral_date():
    md = md_of("关于科技企业孵化器后补助的通知\n各地级以上市科技局:\n现将有关事项通知如下。\n"
               "广东省科学技术厅\n广东省财政厅\n二〇一八年十月二十三日")
    assert md.issuer == "广东省科学技术厅 广东省财政厅"
    assert md.issue_date == "2018-10-23"
    assert parse_date("二〇一六年六月十三日") == "2016-06-13"
    assert parse_date("二○二○年十二月三十一日") == "2020-12-31"


def test_news_headline_is_the_title_but_names_no_document_type():
    text = ("最高200万元奖补!支持创新创业孵化载体高质量发展,郑州公开征求意见\n"
            "近日,郑州市科技局发布《关于支持创新创业孵化载体高质量发展的若干措施(征求意见稿)》,向社会公开征求意见。")
    md = extract_metadata(text)
    assert md.title.startswith("最高200万元奖补")
    assert md.doc_type is None


def test_datelines_and_photo_credits_are_not_headlines():
    for first in ("2023年12月8日 《陕西日报》第01版", "新华社发 朱慧卿作"):
        md = extract_metadata(first + "\n省科技厅近日出台措施,对新认定的孵化器给予一次性奖励,最高不超过100万元。")
        assert md.title is None, first


# ---------------------------------------------------------------- titles and dates of real pages (issue 12)
_NEWS_BODY = "近日，某市出台支持科技企业孵化器发展的若干措施，对新认定的国家级孵化器给予一次性奖励。\n措施明确，孵化器为在孵企业减免房租的，按减免金额的50%给予补贴。"


@pytest.mark.parametrize("meta, title", [
    ({"title": "某市出台孵化器支持措施 最高奖励100万元_某某市人民政府网"}, "某市出台孵化器支持措施 最高奖励100万元"),
    ({"title": "某市人民政府门户网站 - 某市孵化器新政今起实施"}, "某市孵化器新政今起实施"),
    ({"title": "最强“中国芯”本月商用 华为抢跑5G芯片大战|中国芯|芯片_新浪新闻", "h1": "新闻中心\n最强“中国芯”本月商用 华为抢跑5G芯片大战"},
     "最强“中国芯”本月商用 华为抢跑5G芯片大战"),
    ({"title": "网易财经", "h1": "网易\n多地项目连环爆雷 狂奔的龙湖集团"}, "多地项目连环爆雷 狂奔的龙湖集团"),
    ({"og:title": "某市出台孵化器支持措施"}, "某市出台孵化器支持措施"),
    # the <title> repeats the shown heading with keywords added: the heading, as shown
    ({"title": "某市孵化器新政今起实施 孵化器 补贴 奖励_某某网", "h1": "某市孵化器新政今起实施"}, "某市孵化器新政今起实施"),
    ({"title": "某市孵化器新政今起实施 孵化器 补贴 奖励", "h2": "相关新闻\n某市孵化器新政今起实施"}, "某市孵化器新政今起实施"),
    ({"title": "首页 > 新闻中心 > 正文"}, None),
])
def test_page_headline_from_title_h1_and_og(meta, title):
    md = extract_metadata(_NEWS_BODY, {}, meta)
    assert md.title == title
    assert md.doc_type is None


def test_reprint_note_and_breadcrumb_are_never_titles():
    text = "（原标题：5G手机芯片江湖：玩家减少、五强争霸 成本、续航两大难题待解）\n" + _NEWS_BODY
    md = extract_metadata(text, {}, {"title": "华为Mate20X 5G版半天不到需充电 耗电制约5G芯片_网易新闻"})
    assert md.title == "华为Mate20X 5G版半天不到需充电 耗电制约5G芯片"
    assert extract_metadata("（原标题：某市出台孵化器支持措施）\n" + _NEWS_BODY).title is None


@pytest.mark.parametrize("meta, date", [
    ({"PubDate": "2019-05-20 09:30"}, "2019-05-20"),
    ({"article:published_time": "2019-09-07T13:43:45+08:00"}, "2019-09-07"),
    ({"apub:time": "2019-9-7 21:30:50"}, "2019-09-07"),
    ({"keywords": "2018-01-01"}, None),
])
def test_publish_date_from_meta_tags(meta, date):
    assert extract_metadata(_NEWS_BODY, {}, meta).issue_date == date


def test_adoption_note_under_the_title_dates_a_resolution():
    text = ("全国人民代表大会常务委员会关于批准财政部发行特别国债的决议\n"
            "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）\n" + _NEWS_BODY)
    assert extract_metadata(text).issue_date == "2007-06-29"


@pytest.mark.parametrize("name, site", [
    ("人民网", True), ("凤凰网", True), ("新浪新闻", True), ("证券时报网", True), ("澎湃新闻-The Paper", True),
    ("某某市人民政府", True), ("某某市人民政府门户网站", True), ("新闻中心", True),
    ("打造人民满意的服务型政府", False), ("某某公司发布2019年年报", False), ("某市召开新闻发布会", False),
])
def test_site_and_channel_names_are_not_headlines(name, site):
    from zhengce.ingest.metadata import _SITE_NAME

    assert bool(_SITE_NAME.match(name)) is site


def test_channel_name_above_a_headline_is_not_the_title():
    # 行业资讯 is the aggregator's column; a place in it (某省行业资讯) must not become the title's
    md = extract_metadata("某某网行业资讯\n长沙市高校毕业生创业补贴政策解读来了\n"
                          "关于长沙市高校毕业生创业补贴,符合条件的毕业生可申请一次性补贴,具体标准如下。")
    assert md.title == "长沙市高校毕业生创业补贴政策解读来了"


def test_an_emblem_and_a_site_name_above_the_headline_are_not_the_title():
    from zhengce.ingest.document import normalize_bytes
    text = ("中华人民共和国国徽\n\n桐柏县人民政府网站\n\n高层次人才安家补贴怎么申请?\n\n"
            "答:经县人社局认定的高层次人才,可向县人才服务中心申请一次性安家补贴5万元。"
            "申请人须提交身份证明、学历学位证书和劳动合同,县人才服务中心在10个工作日内审核,审核通过后按月发放。")
    doc = normalize_bytes(text.encode("utf-8"), source="emblem.txt")
    assert doc.title == "高层次人才安家补贴怎么申请?"
