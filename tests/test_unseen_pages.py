"""Ingest on pages modelled on sites the code was not tuned on (tests/fixtures/unseen).

Each page follows a real template family of Chinese government sites: the
政府信息公开 info table (索引号/发文机关/成文日期/发文字号), TRS/Hanweb/JCMS article
pages with 字号/打印本页/关闭窗口/纠错/二维码/相关链接/上一篇 chrome, flattened text
dumps, GBK and Big5 pages, 答复 letters to 政协 proposals, development-zone
管委会 pages, national 国发/国办发 documents and ministry 公告. Places were chosen
to be hard: municipality districts, an autonomous prefecture, a county-level
city, and district names shared by several cities (朝阳区, 鼓楼区).

The expectations were written from what a researcher citing the document
would write down, before the code was run on the pages.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from zhengce.ingest.document import normalize_file

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"

# file -> (metadata, region (province, city, district, level), body snippets kept, chrome snippets removed)
CASES: dict[str, tuple[dict, tuple, tuple, tuple]] = {
    "u01_hangzhou_info_table.html": (
        dict(title="杭州市人民政府办公厅关于印发杭州市促进数字经济高质量发展若干政策的通知", doc_type="通知",
             issuer="杭州市人民政府办公厅", doc_number="杭政办函〔2021〕15号", issue_date="2021-03-18"),
        ("浙江省", "杭州市", None, "city"),
        ("结合我市实际，制定以下政策", "最高不超过500万元", "有效期至2023年12月31日", "杭州市数字经济重点项目申报表"),
        ("大 中 小", "打印本页", "关闭窗口", "我要纠错", "扫一扫", "相关链接", "上一篇", "下一篇", "春节期间",
         "ICP", "网站标识码", "当前位置", "长者模式", "政策解读"),
    ),
    "u02_nanjing_gulou_trs.html": (
        dict(title="南京市鼓楼区人民政府关于印发鼓楼区支持楼宇经济高质量发展实施办法的通知", doc_type="通知",
             issuer="南京市鼓楼区人民政府", doc_number="鼓政发〔2019〕45号", issue_date="2019-07-03"),
        ("江苏省", "南京市", "鼓楼区", "district"),
        ("结合我区实际，制定本办法", "单栋楼宇每年不超过100万元", "本办法由区商务局负责解释"),
        ("分享到", "打印本页", "关闭窗口", "相关新闻", "楼宇经济推进会", "ICP", "技术支持", "所在的位置",
         "浏览次数", "走进鼓楼"),
    ),
    "u03_fuzhou_gulou_dump.txt": (
        dict(title="鼓楼区人民政府办公室关于印发鼓楼区老旧小区改造提升工作方案的通知", doc_type="通知",
             issuer="鼓楼区人民政府办公室", doc_number="鼓政办〔2020〕12号", issue_date="2020-06-10"),
        ("福建省", "福州市", "鼓楼区", "district"),
        ("结合我区实际，制定本方案", "按每平方米200元的标准给予补助", "区住建局牵头负责"),
        ("网站首页", "大 中 小", "打印本页", "上一篇", "下一篇", "防汛工作", "关于本站", "ICP", "发布时间"),
    ),
    "u04_guobanfa_table.html": (
        dict(title="国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见", doc_type="实施意见",
             issuer="国务院办公厅", doc_number="国办发〔2020〕24号", issue_date="2020-07-15"),
        (None, None, None, "national"),
        ("经国务院同意，现提出以下意见", "推进社会投资项目“用地清单制”改革", "确保各项措施落地见效"),
        ("我要纠错", "责任编辑", "扫一扫", "相关稿件", "ICP", "公网安备", "运行维护单位", "版权所有", "网站声明"),
    ),
    "u05_guofa_dump.txt": (
        dict(title="国务院关于大力推进大众创业万众创新若干政策措施的意见", doc_type="意见",
             issuer="国务院", doc_number="国发〔2015〕32号", issue_date="2015-06-11"),
        (None, None, None, "national"),
        ("现提出以下意见", "发挥政府采购支持作用", "确保各项政策措施落实到位"),
        ("首页 >", "【打印】", "扫一扫", "网站地图"),
    ),
    "u06_fujian_big5_shishiyijian.html": (
        dict(title="福建省人民政府关于加快发展现代服务业的实施意见", doc_type="实施意见",
             issuer="福建省人民政府", doc_number="闽政〔2018〕8号", issue_date="2018-05-10"),
        ("福建省", None, None, "province"),
        ("结合我省实际，提出以下实施意见", "省级财政每年安排服务业发展专项资金5亿元", "培育一批服务业龙头企业"),
        ("您现在的位置", "ICP", "版权所有", "主办单位", "办事服务"),
    ),
    "u07_chongqing_yuzhong_gbk.html": (
        dict(title="重庆市渝中区人民政府办公室关于印发渝中区促进楼宇经济高质量发展若干措施的通知", doc_type="通知",
             issuer="重庆市渝中区人民政府办公室", doc_number="渝中府办发〔2022〕31号", issue_date="2022-08-26"),
        ("重庆市", None, "渝中区", "district"),
        ("结合渝中实际，制定以下措施", "给予一次性落户奖励最高1000万元", "由区商务委负责解释"),
        ("当前位置", "打印本页", "我要纠错", "ICP", "网站标识码", "无障碍浏览", "繁体版", "新闻中心"),
    ),
    "u08_kunshan_zhengxie_reply.html": (
        dict(title="昆山市商务局关于市政协十五届二次会议第20号提案的答复", doc_type="答复",
             issuer="昆山市商务局", doc_number="昆商提复〔2023〕20号", issue_date="2023-06-20"),
        ("江苏省", "苏州市", "昆山市", "district"),
        ("会办单位", "昆山市财政局、昆山市人力资源和社会保障局", "现将有关情况答复如下",
         "单个企业每年最高20万元", "感谢您对商务工作的关心和支持"),
        ("打印本页", "关闭窗口", "上一篇", "下一篇", "第45号建议", "ICP", "公网安备", "[大][中][小]"),
    ),
    "u09_pudong_dump.txt": (
        dict(title="上海市浦东新区人民政府关于印发《浦东新区促进人工智能产业高质量发展若干政策》的通知",
             doc_type="通知", issuer="上海市浦东新区人民政府", doc_number="浦府规〔2021〕3号",
             issue_date="2021-10-28"),
        ("上海市", None, "浦东新区", "district"),
        ("结合浦东新区实际，制定本政策", "最高不超过3000万元", "有效期五年"),
        ("首页 >", "大 中 小", "打印本页", "扫一扫", "网站地图", "ICP", "发布日期"),
    ),
    "u10_yanbian.html": (
        dict(title="延边朝鲜族自治州人民政府关于印发延边州促进文化旅游产业发展若干措施的通知", doc_type="通知",
             issuer="延边朝鲜族自治州人民政府", doc_number="延州政发〔2019〕6号", issue_date="2019-04-08"),
        ("吉林省", "延边朝鲜族自治州", None, "city"),
        ("结合我州实际，制定以下措施", "开发朝鲜族民俗文化体验项目", "奖励100万元"),
        ("当前位置", "字体", "我要纠错", "打印本页", "相关文章", "文化旅游产业发展大会", "ICP", "魅力延边"),
    ),
    "u11_changchun_chaoyang_dump.txt": (
        dict(title="朝阳区人民政府办公室关于印发朝阳区优化营商环境三年行动方案的通知", doc_type="通知",
             issuer="朝阳区人民政府办公室", doc_number="长朝府办发〔2020〕9号", issue_date="2020-03-16"),
        ("吉林省", "长春市", "朝阳区", "district"),
        ("结合我区实际，制定本方案", "压缩至60个工作日以内", "区营商环境建设局负责统筹协调"),
        ("您的位置", "打印本页", "网站地图", "ICP", "政务服务　互动交流"),
    ),
    "u12_beijing_chaoyang.html": (
        dict(title="北京市朝阳区人民政府关于印发朝阳区支持企业上市发展若干措施的通知", doc_type="通知",
             issuer="北京市朝阳区人民政府", doc_number="朝政发〔2021〕5号", issue_date="2021-05-14"),
        ("北京市", None, "朝阳区", "district"),
        ("发挥我区金融资源集聚优势", "额外给予100万元奖励", "由区金融办负责解释"),
        ("当前位置", "分享到", "打印本页", "网站地图", "ICP", "公网安备", "走进朝阳"),
    ),
    "u13_changsha_jingkai.html": (
        dict(title="长沙经济技术开发区管理委员会关于印发长沙经开区促进先进制造业发展办法的通知", doc_type="通知",
             issuer="长沙经济技术开发区管理委员会", doc_number="长经开管发〔2022〕10号", issue_date="2022-02-15"),
        ("湖南省", "长沙市", "开发区", "district"),
        ("推动园区先进制造业高质量发展", "最高500万元", "长沙经开区先进制造业奖励申报表", "设备投资补贴申报指南"),
        ("当前位置", "浏览次数", "我要纠错", "打印本页", "版权所有", "网站标识码", "走进经开"),
    ),
    "u14_shuyang_county.html": (
        dict(title="沭阳县人民政府办公室关于印发沭阳县农村人居环境整治提升五年行动实施方案的通知", doc_type="通知",
             issuer="沭阳县人民政府办公室", doc_number="沭政办发〔2020〕88号", issue_date="2020-11-02"),
        ("江苏省", "宿迁市", "沭阳县", "district"),
        ("结合我县实际，制定本方案", "县财政每年安排农村人居环境整治专项资金5000万元", "任务分解表"),
        ("宿迁市人民政府 |", "当前位置", "阅读次数", "打印本页", "主办单位", "ICP"),
    ),
    "u15_caizhengbu_gonggao.txt": (
        dict(title="财政部 税务总局关于进一步完善研发费用税前加计扣除政策的公告", doc_type="公告",
             issuer="财政部 税务总局", doc_number="财政部 税务总局公告2021年第13号", issue_date="2021-03-31"),
        (None, None, None, "national"),
        ("现就企业研发费用税前加计扣除政策有关问题公告如下", "再按照实际发生额的100%在税前加计扣除", "特此公告"),
        ("首页 >", "【打印】", "网站地图", "版权所有", "ICP"),
    ),
    "u16_suzhou_sip_title_only.html": (
        dict(title="苏州工业园区管理委员会关于印发苏州工业园区促进集成电路产业发展若干措施的通知", doc_type="通知",
             issuer="苏州工业园区管理委员会", doc_number="苏园管〔2021〕18号", issue_date="2021-09-06"),
        ("江苏省", "苏州市", "工业园区", "district"),
        ("结合园区实际，制定以下措施", "每家企业每年最高1000万元", "有效期三年"),
        ("无障碍", "园区概况", "首页 /", "ICP"),
    ),
    "u17_etuokeqianqi_dump.txt": (
        dict(title="鄂托克前旗人民政府办公室关于印发鄂托克前旗推进农牧业高质量发展实施方案的通知", doc_type="通知",
             issuer="鄂托克前旗人民政府办公室", doc_number="鄂前政办发〔2021〕45号", issue_date="2021-07-09"),
        ("内蒙古自治区", "鄂尔多斯市", "鄂托克前旗", "district"),
        ("结合我旗实际，制定本方案", "每户最高补贴5万元", "旗农牧局负责统筹推进"),
        ("门户网站", "首页 >", "字体", "网站地图", "ICP"),
    ),
    "u18_xiantao.html": (
        dict(title="仙桃市人民政府关于加快发展民营经济的实施意见", doc_type="实施意见",
             issuer="仙桃市人民政府", doc_number="仙政发〔2019〕10号", issue_date="2019-05-16"),
        ("湖北省", "仙桃市", None, "city"),
        ("结合我市实际，提出如下实施意见", "单户每年最高50万元", "本意见自印发之日起施行"),
        ("走进仙桃", "您所在的位置", "扫一扫", "ICP"),
    ),
    "u19_zhenhai_reply.txt": (
        dict(title="对区政协十届二次会议第32号提案的答复", doc_type="答复",
             issuer="宁波市镇海区农业农村局", doc_number="镇农提复〔2022〕8号", issue_date="2022-06-30"),
        ("浙江省", "宁波市", "镇海区", "district"),
        ("会办单位", "现答复如下", "优先保障设施农业用地需求", "联系人"),
        ("首页 >", "打印本页", "ICP"),
    ),
    "u20_liangjiang.html": (
        dict(title="重庆两江新区管理委员会关于印发两江新区支持数字经济发展若干政策的通知", doc_type="通知",
             issuer="重庆两江新区管理委员会", doc_number="渝两江管发〔2020〕12号", issue_date="2020-04-22"),
        ("重庆市", None, "两江新区", "district"),
        ("推动新区数字经济产业集聚", "最高不超过2000万元", "每平方米每月最高补贴30元"),
        ("当前位置", "【打印】", "ICP", "新闻中心"),
    ),
    "u21_akesu_dump.txt": (
        dict(title="阿克苏地区行政公署关于印发阿克苏地区林果业提质增效实施方案的通知", doc_type="通知",
             issuer="阿克苏地区行政公署", doc_number="阿地行署发〔2020〕5号", issue_date="2020-03-02"),
        ("新疆维吾尔自治区", "阿克苏地区", None, "city"),
        ("结合阿克苏地区实际，制定本方案", "按每吨库容300元的标准给予补助", "责任主体"),
        (),
    ),
    "u22_ndrc_joint.html": (
        dict(title="国家发展改革委 工业和信息化部关于促进制造业产品和服务质量提升的实施意见", doc_type="实施意见",
             issuer="国家发展改革委 工业和信息化部", doc_number="发改产业〔2019〕1422号", issue_date="2019-08-27"),
        (None, None, None, "national"),
        ("现提出以下意见", "核心基础零部件质量提升", "全方位的质量管理体系"),
        ("机构设置", "当前位置", "发布时间", "分享到", "ICP"),
    ),
    "u23_guangdong_kjt.txt": (
        dict(title="广东省科学技术厅关于印发《广东省科技企业孵化载体管理办法》的通知", doc_type="通知",
             issuer="广东省科学技术厅", doc_number="粤科规范字〔2020〕1号", issue_date="2020-01-06"),
        ("广东省", None, None, "province"),
        ("请径向省科技厅反映", "给予一次性奖励100万元", "广东省科技企业孵化载体认定申请表"),
        ("首页 >", "发布时间", "字体", "我要纠错", "版权所有"),
    ),
    "u24_changyang.html": (
        dict(title="长阳土家族自治县人民政府关于加快推进全域旅游发展的意见", doc_type="意见",
             issuer="长阳土家族自治县人民政府", doc_number="长阳政发〔2018〕20号", issue_date="2018-10-10"),
        ("湖北省", "宜昌市", "长阳土家族自治县", "district"),
        ("结合我县实际，提出如下意见", "单户最高补助20万元"),
        ("走进长阳", "当前位置", "浏览量", "ICP"),
    ),
    "u25_beijing_tongzhou_gbk.txt": (
        dict(title="通州区人民政府关于印发通州区促进城市副中心高精尖产业发展若干措施的通知", doc_type="通知",
             issuer="北京市通州区人民政府", doc_number="通政发〔2021〕7号", issue_date="2021-04-25"),
        ("北京市", None, "通州区", "district"),
        ("结合本区实际，制定以下措施", "按研发设备投入的30%给予补助，最高300万元", "由区发展改革委负责解释"),
        (),
    ),
    "u26_guangzhou_ling.html": (
        dict(title="广州市公共数据管理规定", doc_type="规定",
             issuer="广州市人民政府", doc_number="广州市人民政府令第180号", issue_date="2021-08-31"),
        ("广东省", "广州市", None, "city"),
        ("现予公布，自2021年10月1日起施行", "结合本市实际，制定本规定", "负责统筹全市公共数据管理工作"),
        ("繁体", "当前位置", "阅读量", "分享", "相关解读", "政策解读", "[打印]", "承办", "ICP"),
    ),
    "u27_zhoushan_putuo_dump.txt": (
        dict(title="普陀区人民政府办公室关于印发普陀区渔业转型升级三年行动计划的通知", doc_type="通知",
             issuer="舟山市普陀区人民政府办公室", doc_number="普政办发〔2019〕21号", issue_date="2019-03-08"),
        ("浙江省", "舟山市", "普陀区", "district"),
        ("结合普陀实际，制定本行动计划", "每艘最高200万元", "区海洋与渔业局负责牵头组织实施"),
        ("发布时间", "阅读量", "分享", "相关阅读", "工作推进会", "[打印]"),
    ),
    "u28_nanchang_xihu.html": (
        dict(title="西湖区人民政府关于加快现代服务业发展的实施意见", doc_type="实施意见",
             issuer="南昌市西湖区人民政府", doc_number="西府发〔2020〕6号", issue_date="2020-04-20"),
        ("江西省", "南昌市", "西湖区", "district"),
        ("结合我区实际，提出如下实施意见", "给予每家10万元的装修补贴"),
        ("我要留言", "网友留言", "网站标识码", "新闻资讯"),
    ),
    "u29_jiangsu_tax_hanweb.html": (
        dict(title="国家税务总局江苏省税务局关于发布《纳税信用修复操作规程》的公告", doc_type="公告",
             issuer="国家税务总局江苏省税务局", doc_number="国家税务总局江苏省税务局公告2021年第3号",
             issue_date="2021-03-22"),
        ("江苏省", None, None, "province"),
        ("结合我省实际", "特此公告", "附件：纳税信用修复操作规程"),
        ("支持IPv6", "税务信息", "当前位置", "信息来源", "字体", "视力保护色", "政府网站找错", "党政机关", "邮编",
         "分辨率", "访问者"),
    ),
    "u30_jiangyin_joint.html": (
        dict(title="江阴市财政局 江阴市科学技术局关于印发《江阴市科技创新专项资金管理办法》的通知", doc_type="通知",
             issuer="江阴市财政局 江阴市科学技术局", doc_number="澄财规〔2020〕3号", issue_date="2020-09-10"),
        ("江苏省", "无锡市", "江阴市", "district"),
        ("结合我市实际，制定本办法", "给予一次性奖励30万元", "本办法自2020年10月1日起施行"),
        ("长者模式", "访问者", "邮编", "网站标识码"),
    ),
    "u31_zhejiang_fgw_bom.txt": (
        dict(title="省发展改革委 省财政厅关于下达2022年省级服务业发展引导资金的通知", doc_type="通知",
             issuer="浙江省发展和改革委员会 浙江省财政厅", doc_number="浙发改服务〔2022〕120号",
             issue_date="2022-05-06"),
        ("浙江省", None, None, "province"),
        ("请按规定及时拨付到项目单位", "支持服务业重点项目86个", "确保专款专用"),
        ("首页 >", "发布时间", "打印本页"),
    ),
    "u32_jingmen_asp_table.html": (
        dict(title="关于印发荆门市促进养老服务业发展实施办法的通知", doc_type="通知",
             issuer="荆门市人民政府办公室", doc_number="荆政办发〔2017〕23号", issue_date="2017-08-10"),
        ("湖北省", "荆门市", None, "city"),
        ("结合我市实际，制定本办法", "按每张床位5000元的标准给予一次性建设补贴", "由市民政局负责解释"),
        ("网站首页", "当前位置", "【打印】", "ICP"),
    ),
}

_DOCS: dict = {}


def _doc(name: str):
    if name not in _DOCS:
        _DOCS[name] = normalize_file(UNSEEN / name)
    return _DOCS[name]


def test_enough_unseen_pages():
    files = sorted(p.name for p in UNSEEN.iterdir() if p.suffix in (".html", ".txt"))
    assert len(files) >= 12
    assert sorted(CASES) == files


@pytest.mark.parametrize("name", sorted(CASES))
def test_metadata(name):
    doc = _doc(name)
    expected = CASES[name][0]
    got = {k: getattr(doc, k) for k in expected}
    assert got == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_region(name):
    province, city, district, level = CASES[name][1]
    r = _doc(name).region
    assert (r.province, r.city, r.level) == (province, city, level)
    if district is None:
        assert r.district is None
    else:
        assert r.district is not None and district in r.district


@pytest.mark.parametrize("name", sorted(CASES))
def test_body_kept(name):
    text = _doc(name).text
    missing = [s for s in CASES[name][2] if s not in text]
    assert not missing, f"body lost: {missing}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_chrome_removed(name):
    lines = _doc(name).text.split("\n")
    left = [(s, ln) for s in CASES[name][3] for ln in lines if s in ln]
    assert not left, f"chrome left: {left}"


def test_legacy_encodings_detected():
    assert _doc("u06_fujian_big5_shishiyijian.html").script == "traditional"
    assert (_doc("u06_fujian_big5_shishiyijian.html").encoding or "").lower().replace("-", "") in ("big5", "big5hkscs", "cp950")
    for name in ("u07_chongqing_yuzhong_gbk.html", "u25_beijing_tongzhou_gbk.txt"):
        assert (_doc(name).encoding or "").lower() in ("gbk", "gb18030", "gb2312")


_BODY = ["某某市人民政府关于印发某某办法的通知", "各区人民政府，市政府各部门：",
         "为加快推进我市科技创新，根据有关规定，结合我市实际，制定本办法，现印发给你们，请认真贯彻执行。",
         "第一条 对新认定的高新技术企业给予一次性奖励30万元，对科技型中小企业给予10万元补助。",
         "某某市人民政府", "2020年9月10日"]


@pytest.mark.parametrize("line", ["党政机关", "政府网站找错", "建议使用IE9以上浏览器，1366×768分辨率浏览本站",
                                  "您是第88888位访问者", "本网站支持IPv6", "【字体：大 中 小】【打印】【关闭】",
                                  "阅读量：1456", "分享：", "【相关阅读】", "我要留言 网友留言"])
def test_page_tail_chrome_without_footer_menu(line):
    from zhengce.ingest.boilerplate import strip_boilerplate

    assert strip_boilerplate(_BODY + [line]).lines == _BODY


@pytest.mark.parametrize("issuer, expected", [
    ("国家税务总局江苏省税务局", ("江苏省", "province")),
    ("中国人民银行上海分行", ("上海市", "province")),
    ("国家发展改革委 工业和信息化部", (None, "national")),
    ("工业和信息化部办公厅", (None, "national")),
])
def test_local_branch_of_national_body(issuer, expected):
    from zhengce.ingest.region import region_of_name

    r = region_of_name(issuer)
    assert (r.province, r.level) == expected


def test_title_from_head_title_keeps_dashes_inside_the_title():
    from zhengce.ingest.metadata import extract_metadata

    md = extract_metadata("各街道办事处：\n现将有关事项通知如下。",
                          html_meta={"title": "某某区关于开展“清洁家园——美丽乡村”活动的通知_某某区人民政府"})
    assert md.title == "某某区关于开展“清洁家园——美丽乡村”活动的通知"


@pytest.mark.parametrize("name, site, date", [
    ("u02_nanjing_gulou_trs.html", "鼓楼区人民政府办公室", "2019-07-05"),
    ("u10_yanbian.html", "州政府办公室", "2019-04-12"),
    ("u22_ndrc_joint.html", "产业司", "2019-09-04"),
])
def test_byline_lifted_into_metadata(name, site, date):
    doc = _doc(name)
    assert (doc.byline.get("source_site"), doc.byline.get("date")) == (site, date)
    assert not any(line.startswith(("来源", "发布时间", "时间")) for line in doc.text.split("\n"))
