"""Place stress set: short invented pages in the shapes real ones take, with places the corpora
barely name (checked with grep over ../shared/corpus-dev and corpus-dev2), across many provinces.

Expectations were written from the extraction spec ("Place") before the code was run on them:
the jurisdiction whose policy it is — (province, city, district, level); municipalities are
provinces and their districts have no city (上海市, None, 普陀区); national is all None with level
"national"; unknown is all None. Evidence, strongest first: issuer and 文号, the page's government
host, a dateline or byline, then places named in the body; a word that only contains a place, a
street/institution/company name, a recipient or another city named in passing is no evidence.
Unknown beats wrong.
"""
from __future__ import annotations

import pytest

from zhengce.ingest.document import normalize_bytes

UNKNOWN = (None, None, None, None)
NATIONAL = (None, None, None, "national")

# (id, class, text, url, expected (province, city, district, level))
CASES = [
    # ---- issuers: autonomous prefectures, county-level cities, 旗 and 盟
    ("kaili", "issuer",
     "凯里市人民政府办公室关于印发凯里市促进民营经济发展若干措施的通知\n凯府办发〔2022〕12号\n"
     "各镇人民政府、各街道办事处，市直各部门：\n现将《凯里市促进民营经济发展若干措施》印发给你们，请认真贯彻执行。\n"
     "凯里市人民政府办公室\n2022年6月8日",
     None, ("贵州省", "黔东南苗族侗族自治州", "凯里市", "district")),
    ("hunchun", "issuer",
     "珲春市出台支持边境贸易发展十条措施\n来源：珲春市人民政府\n为推动边境贸易高质量发展，珲春市近日出台十条措施，"
     "对新引进的边贸企业给予最高50万元奖励。",
     None, ("吉林省", "延边朝鲜族自治州", "珲春市", "district")),
    ("zhenglan", "issuer",
     "正蓝旗人民政府关于印发正蓝旗农牧民创业补贴实施办法的通知\n各苏木镇人民政府，旗直各有关单位：\n"
     "现将《正蓝旗农牧民创业补贴实施办法》印发给你们。对首次创业的农牧民给予一次性补贴5000元。",
     None, ("内蒙古自治区", "锡林郭勒盟", "正蓝旗", "district")),
    ("xilinguole", "issuer",
     "锡林郭勒盟行政公署关于支持中小企业发展的若干意见\n各旗县市（区）人民政府，盟行政公署各部门：\n"
     "为支持全盟中小企业发展，提出如下意见。对新升规企业给予一次性奖励10万元。",
     None, ("内蒙古自治区", "锡林郭勒盟", None, "city")),
    ("xiangxi", "issuer",
     "湘西土家族苗族自治州人民政府关于促进文化旅游产业发展的意见\n州政发〔2021〕5号\n各县市人民政府，州直各单位：\n"
     "对新评定的国家4A级旅游景区给予一次性奖励50万元。",
     None, ("湖南省", "湘西土家族苗族自治州", None, "city")),
    ("dali", "issuer",
     "大理市人民政府关于印发大理市洱海流域农业绿色发展奖补办法的通知\n各镇人民政府，市级各部门：\n"
     "对实施绿色种植的农户每亩补助300元。",
     None, ("云南省", "大理白族自治州", "大理市", "district")),
    ("zhungeer", "issuer",
     "准格尔旗人民政府办公室关于印发准格尔旗支持现代煤化工产业发展若干措施的通知\n各苏木乡镇人民政府，旗直各部门：\n"
     "对新建项目按固定资产投资额的2%给予补助。",
     None, ("内蒙古自治区", "鄂尔多斯市", "准格尔旗", "district")),
    ("yiwu", "issuer",
     "义乌市人民政府关于印发义乌市加快跨境电商发展若干政策的通知\n义政发〔2020〕33号\n各镇人民政府、街道办事处：\n"
     "对年进出口额超过1亿元的跨境电商企业给予最高100万元奖励。",
     None, ("浙江省", "金华市", "义乌市", "district")),
    ("liannan", "issuer",
     "连南瑶族自治县人民政府关于印发连南瑶族自治县茶产业发展扶持办法的通知\n各镇人民政府，县直各单位：\n"
     "对新种植茶园每亩补助500元。",
     None, ("广东省", "清远市", "连南瑶族自治县", "district")),
    # ---- municipalities and their districts: level province / district, city None
    ("sh_putuo", "municipality",
     "上海市普陀区人民政府关于印发普陀区促进科技创新若干政策的通知\n普府发〔2021〕8号\n各委、办、局，各街道办事处、镇政府：\n"
     "对新认定的高新技术企业给予一次性奖励20万元。",
     None, ("上海市", None, "普陀区", "district")),
    ("sh_putuo_host", "municipality",
     "普陀区人民政府关于印发普陀区促进楼宇经济发展实施办法的通知\n各委、办、局，各街道办事处、镇政府：\n"
     "对新引进的总部企业给予最高500万元奖励。",
     "http://www.shpt.gov.cn/shpt/zwgk/20210301/1.html", ("上海市", None, "普陀区", "district")),
    ("bj_haidian", "municipality",
     "海淀区发布支持人工智能产业发展若干措施\n来源：北京市海淀区人民政府\n近日，海淀区发布支持人工智能产业发展若干措施，"
     "对新落地的人工智能企业给予最高1000万元支持。",
     None, ("北京市", None, "海淀区", "district")),
    ("tj_binhai", "municipality",
     "天津市滨海新区人民政府关于印发滨海新区促进航运发展若干措施的通知\n各街镇，各委局：\n"
     "对新注册的航运企业给予开办补贴30万元。",
     None, ("天津市", None, "滨海新区", "district")),
    ("cq_wanzhou", "municipality",
     "重庆市万州区人民政府办公室关于印发万州区稳岗就业补贴实施细则的通知\n万州府办发〔2022〕15号\n各镇乡人民政府，区政府各部门：\n"
     "对吸纳就业困难人员的企业给予每人每月500元补贴。",
     None, ("重庆市", None, "万州区", "district")),
    ("sh_city", "municipality",
     "上海市人民政府关于印发《上海市促进外资发展若干措施》的通知\n沪府规〔2022〕7号\n各区人民政府，市政府各委、办、局：\n"
     "对新设外资研发中心给予最高500万元资助。",
     None, ("上海市", None, None, "province")),
    # ---- national documents and news reprinted on local portals
    ("nat_on_city", "national_reprint",
     "国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见\n国办发〔2022〕30号\n"
     "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n进一步减轻市场主体负担，对小微企业给予融资担保费补贴。",
     "http://www.zunyi.gov.cn/zwgk/jbxxgk/zcwj/202209/t1.html", NATIONAL),
    ("nat_news_on_city", "national_reprint",
     "国务院常务会议部署进一步稳就业举措\n来源：中国政府网\n国务院总理主持召开国务院常务会议，部署进一步稳就业举措。"
     "会议决定，对吸纳高校毕业生就业的企业给予每人1500元一次性扩岗补助。",
     "http://www.zunyi.gov.cn/xwzx/gnyw/202205/t2.html", NATIONAL),
    ("ministry_on_city", "national_reprint",
     "人力资源社会保障部 财政部关于做好失业保险稳岗位提技能防失业工作的通知\n来源：人力资源社会保障部网站\n"
     "各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：\n对不裁员少裁员的企业返还失业保险费。",
     "http://rsj.baise.gov.cn/zcfg/1.html", NATIONAL),
    ("ministry_on_province", "national_reprint",
     "财政部 税务总局关于进一步实施小微企业所得税优惠政策的公告\n财政部 税务总局公告2022年第13号\n"
     "对小型微利企业年应纳税所得额超过100万元但不超过300万元的部分，减按25%计入应纳税所得额。",
     "http://www.hainan.gov.cn/hainan/zcfg/1.html", NATIONAL),
    # ---- a city's page about a provincial policy; a province's page about a city's
    ("city_reports_province", "provincial_on_city",
     "云南出台支持中小企业纾困发展二十条措施\n来源：楚雄州人民政府\n近日，云南省人民政府办公厅印发《云南省支持中小企业纾困发展若干措施》，"
     "从减税降费、金融支持等方面提出二十条措施，对小微企业给予贷款贴息。",
     "http://www.chuxiong.gov.cn/xwdt/1.html", ("云南省", None, None, "province")),
    ("city_paper_province", "provincial_on_city",
     "怀化日报讯（记者 张敏）记者从省人社厅获悉，《湖南省就业补助资金管理办法》近日正式印发，"
     "对吸纳脱贫人口就业的企业给予每人1000元补贴。",
     None, ("湖南省", None, None, "province")),
    ("province_doc_city_host", "provincial_on_city",
     "黑龙江省人民政府办公厅关于印发黑龙江省支持民营经济发展若干措施的通知\n黑政办规〔2022〕10号\n"
     "各市（地）、县（市）人民政府（行署），省政府各直属单位：\n对新升规企业给予一次性奖励。",
     "http://www.jiamusi.gov.cn/zwgk/1.html", ("黑龙江省", None, None, "province")),
    ("city_doc_province_host", "provincial_on_city",
     "汕尾市人民政府关于印发汕尾市促进海洋经济发展若干措施的通知\n汕府〔2022〕20号\n各县（市、区）人民政府：\n"
     "对新建海洋牧场给予最高200万元补助。",
     "http://www.gd.gov.cn/zwgk/1.html", ("广东省", "汕尾市", None, "city")),
    ("province_paper_city", "provincial_on_city",
     "黑龙江日报讯（记者 赵静）近日，佳木斯市印发《佳木斯市支持农产品加工业发展若干政策》，对新建农产品加工项目"
     "按设备投资额的10%给予补助，佳木斯市财政每年安排专项资金。",
     None, ("黑龙江省", "佳木斯市", None, "city")),
    # ---- a county page naming its city many times
    ("linghai", "district_names_city",
     "关于印发凌海市农业产业化奖补办法的通知\n各乡镇人民政府，市直各部门：\n为贯彻落实锦州市委、锦州市人民政府关于农业产业化的部署，"
     "根据《锦州市农业产业化奖补办法》，结合凌海市实际，制定本办法。锦州市财政下达的资金由锦州市农业农村局统筹。\n"
     "凌海市人民政府\n2021年4月2日",
     None, ("辽宁省", "锦州市", "凌海市", "district")),
    ("dongxing", "district_names_city",
     "东兴市出台边贸发展十条措施\n为落实防城港市边境贸易发展部署，东兴市商务局近日出台措施。防城港市商务局有关负责人介绍，"
     "防城港市将加大支持力度。东兴市对新设边贸企业给予一次性补贴5万元。",
     None, ("广西壮族自治区", "防城港市", "东兴市", "district")),
    ("puning", "district_names_city",
     "普宁市出台电商扶持政策\n近日，普宁市出台电商扶持政策，对在普宁市注册的电商企业给予最高10万元奖励。揭阳市商务局相关负责人表示，"
     "揭阳市将总结推广普宁经验。",
     None, ("广东省", "揭阳市", "普宁市", "district")),
    # ---- two sibling cities
    ("yancheng_vs", "siblings",
     "盐城市新增市场主体4.2万户\n今年以来，盐城市新增市场主体4.2万户，同比增长12%，增速高于南通市、泰州市。"
     "盐城市对新设小微企业给予最高1万元开办补贴。",
     None, ("江苏省", "盐城市", None, "city")),
    ("zhaotong_qujing", "siblings",
     "昭通曲靖两地签署劳务协作协议\n昭通市与曲靖市近日签署劳务协作框架协议，昭通市将组织务工人员赴曲靖市就业，"
     "曲靖市对吸纳昭通市务工人员的企业给予每人500元补贴。",
     None, UNKNOWN),
    # ---- streets, institutions, companies holding a place name
    ("institutions", "names_of_things",
     "关于举办2023年高校毕业生专场招聘会的通知\n招聘会地点：北京大学百周年纪念讲堂。参会单位包括重庆银行、南京路步行街商户联合会等。"
     "对参会的小微企业给予展位费全额补贴。",
     None, UNKNOWN),
    ("changan_street", "names_of_things",
     "长安街沿线商户店招改造补贴申报指南\n对长安街沿线商户店招改造给予每户最高2万元补贴，由街道办事处受理申报。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     None, UNKNOWN),
    ("companies", "names_of_things",
     "关于支持龙头企业带动产业链发展的通知\n鼓励青岛啤酒股份有限公司、宁波银行股份有限公司、厦门航空有限公司等龙头企业"
     "带动上下游中小企业发展，对配套企业给予最高50万元奖励。",
     None, UNKNOWN),
    ("university_city", "names_of_things",
     "关于做好高校毕业生见习工作的通知\n各有关单位：\n为做好我市高校毕业生就业见习工作，与中山大学、厦门大学、兰州大学共建见习基地，"
     "对见习单位给予每人每月1500元见习补贴。",
     None, UNKNOWN),
    # ---- words that contain a place name
    ("laochengqu", "word_contains",
     "关于老城区老旧小区改造补助的通知\n对老城区内老旧小区加装电梯给予每台最高20万元补贴。老城区改造项目由住建部门统一组织实施。",
     None, UNKNOWN),
    ("chengdong_quyu", "word_contains",
     "关于支持城东区域产业发展的若干措施\n对城东区域新建厂房的企业给予每平方米100元补贴，城东区域内的孵化器另行支持。",
     None, UNKNOWN),
    ("shifanxian", "word_contains",
     "关于开展电子商务进农村综合示范县创建工作的通知\n对获评国家级示范县的给予奖励，全县域推进农村物流体系建设。"
     "新区域内的物流园区给予用地支持。",
     None, UNKNOWN),
    ("jiaoqu", "word_contains",
     "关于支持郊区农户发展设施农业的通知\n郊区农户新建大棚每亩补贴2000元。新城区居民参加技能培训的给予培训补贴。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     None, UNKNOWN),
    # ---- same-name districts: only with their city
    ("gulou_bare", "same_name_district",
     "鼓楼区人民政府关于印发鼓楼区促进楼宇经济发展若干措施的通知\n各街道办事处，区各有关部门：\n"
     "对年纳税超过1000万元的楼宇给予运营方最高50万元奖励。",
     None, UNKNOWN),
    ("gulou_fuzhou", "same_name_district",
     "鼓楼区人民政府关于印发鼓楼区促进楼宇经济发展若干措施的通知\n各街道办事处，区各有关部门：\n"
     "对年纳税超过1000万元的楼宇给予运营方最高50万元奖励。\n福州市鼓楼区人民政府\n2021年3月2日",
     None, ("福建省", "福州市", "鼓楼区", "district")),
    ("chaoyang_changchun", "same_name_district",
     "长春市朝阳区人民政府关于印发朝阳区支持服务业发展若干政策的通知\n各街道办事处，区政府各部门：\n"
     "对新升规服务业企业给予一次性奖励10万元。",
     None, ("吉林省", "长春市", "朝阳区", "district")),
    ("chaoyang_beijing_body", "same_name_district",
     "朝阳区人民政府办公室关于印发朝阳区促进文化产业发展办法的通知\n各街道办事处，区政府各委、办、局：\n"
     "为贯彻落实北京市关于推进全国文化中心建设的部署，结合朝阳区实际，制定本办法。对文化企业给予房租补贴。",
     None, ("北京市", None, "朝阳区", "district")),
    ("xihu_bare", "same_name_district",
     "西湖区关于促进数字经济发展的若干政策\n为加快数字经济发展，结合我区实际，制定本政策。对数字经济企业给予最高100万元奖励。",
     None, UNKNOWN),
    ("xihu_nanchang", "same_name_district",
     "南昌市西湖区人民政府关于印发西湖区促进商贸流通发展若干措施的通知\n各街道办事处，区直各单位：\n"
     "对新开设的品牌首店给予一次性奖励20万元。",
     None, ("江西省", "南昌市", "西湖区", "district")),
    # ---- government hosts (pinyin)
    ("host_yanji", "gov_host",
     "关于开展2023年度稳岗返还工作的通知\n各有关企业：\n根据上级部署，现就我市2023年度失业保险稳岗返还工作通知如下。"
     "对符合条件的企业返还上年度实际缴纳失业保险费的60%。",
     "http://www.yanji.gov.cn/xxgk/tzgg/202304/t1.html", ("吉林省", "延边朝鲜族自治州", "延吉市", "district")),
    ("host_kelamayi", "gov_host",
     "关于申报2023年度一次性扩岗补助的通知\n各用人单位：\n对招用毕业年度高校毕业生的企业，按每人1500元发放一次性扩岗补助。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     "http://rsj.kelamayi.gov.cn/tzgg/1.html", ("新疆维吾尔自治区", "克拉玛依市", None, "city")),
    ("host_zhangjiagang", "gov_host",
     "关于组织申报2023年度市级商务发展专项资金的通知\n各区镇、各有关企业：\n对新认定的市级电商示范企业给予10万元奖励。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     "http://www.zhangjiagang.gov.cn/zjg/tzgg/1.html", ("江苏省", "苏州市", "张家港市", "district")),
    ("host_baise_dept", "gov_host",
     "关于组织申报2023年自治区服务业发展专项资金项目的通知\n各县（市、区）发展改革局：\n"
     "对符合条件的服务业项目给予最高300万元补助。",
     "http://fgw.baise.gov.cn/tzgg/1.html", ("广西壮族自治区", "百色市", None, "city")),
    ("host_guizhou", "gov_host",
     "省人民政府关于加快推进新型工业化的意见\n各市、自治州人民政府，各县（市、区、特区）人民政府，省政府各部门、各直属机构：\n"
     "遵义市、六盘水市要发挥带动作用。对新增规上工业企业给予奖励。",
     "http://www.guizhou.gov.cn/zwgk/1.html", ("贵州省", None, None, "province")),
    # ---- 文号 with a provincial abbreviation
    ("su_zhengbanfa", "doc_number",
     "关于进一步支持个体工商户发展的若干措施\n苏政办发〔2022〕55号\n各市、县（市、区）人民政府，省各委办厅局，省各直属单位：\n"
     "南京市、苏州市要发挥示范作用。对个体工商户给予一次性留工补助。",
     None, ("江苏省", None, None, "province")),
    ("yue_fuban", "doc_number",
     "关于印发促进消费若干措施的通知\n粤府办〔2021〕15号\n各地级以上市人民政府，省政府各部门、各直属机构：\n"
     "为进一步促进我省消费提质扩容，对新能源汽车消费给予补贴。",
     None, ("广东省", None, None, "province")),
    ("qing_ambiguous", "doc_number",
     "关于加快发展现代物流业的意见\n青政发〔2020〕3号\n各区、市人民政府，市政府各部门：\n"
     "为加快全市现代物流业发展，对新建冷链物流项目给予补助。",
     None, UNKNOWN),
    # ---- only 我市 / 本区
    ("wo_shi", "voice_only",
     "关于做好2023年高校毕业生就业工作的通知\n各区人民政府，市各委、办、局：\n为做好我市高校毕业生就业工作，"
     "对吸纳我市高校毕业生的小微企业给予每人1000元补贴。",
     None, UNKNOWN),
    ("ben_qu", "voice_only",
     "关于印发本区促进中小企业发展实施办法的通知\n各街道办事处，区政府各部门：\n现将《本区促进中小企业发展实施办法》印发给你们。"
     "本区对新升规企业给予一次性奖励。",
     None, UNKNOWN),
    # ---- 来源 lines
    ("laiyuan_bijie", "source_line",
     "我市出台支持返乡创业十条措施\n来源：毕节市人民政府办公室  发布时间：2023-04-12\n近日，我市出台支持返乡创业十条措施，"
     "对返乡创业人员给予一次性创业补贴5000元。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     None, ("贵州省", "毕节市", None, "city")),
    ("laiyuan_qianxi", "source_line",
     "我市发放首批创业担保贷款\n来源：黔西市融媒体中心\n近日，我市为32名返乡创业人员发放创业担保贷款，每人最高20万元，财政全额贴息。贷款发放后，相关部门将跟踪服务，帮助创业人员解决经营中遇到的困难。",
     None, ("贵州省", "毕节市", "黔西市", "district")),
    # ---- datelines and bylines
    ("benbao_erlian", "dateline",
     "本报讯（记者 王磊 通讯员 李静）近日，二连浩特市出台《二连浩特市支持口岸物流发展若干措施》，"
     "对新落户的物流企业给予最高30万元奖励。",
     None, ("内蒙古自治区", "锡林郭勒盟", "二连浩特市", "district")),
    ("dandong_paper", "dateline",
     "丹东日报讯（记者 刘洋）日前，市人社局出台稳就业12条措施，对吸纳就业困难人员的企业给予社保补贴。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     None, ("辽宁省", "丹东市", None, "city")),
    ("xinhua_hefei", "dateline",
     "新华社合肥5月6日电（记者 张三）安徽省近日出台《关于支持个体工商户纾困发展的若干措施》，全省对个体工商户给予"
     "一次性补贴，省财政安排专项资金。",
     None, ("安徽省", None, None, "province")),
    # ---- issuer signatures at the end
    ("sign_abaga", "signature",
     "关于加快发展农村牧区电子商务的通知\n各苏木镇人民政府，旗直各单位：\n为加快推进电子商务发展，经旗人民政府研究，"
     "对新开设的电商服务站给予一次性补贴5000元。\n\n阿巴嘎旗人民政府办公室\n2022年9月1日",
     None, ("内蒙古自治区", "锡林郭勒盟", "阿巴嘎旗", "district")),
    ("sign_yili_joint", "signature",
     "关于做好2023年创业担保贷款工作的通知\n各县市财政局、人力资源和社会保障局：\n对符合条件的创业者发放最高30万元创业担保贷款。\n\n"
     "伊犁哈萨克自治州财政局  伊犁哈萨克自治州人力资源和社会保障局\n2023年2月1日",
     None, ("新疆维吾尔自治区", "伊犁哈萨克自治州", None, "city")),
    ("sign_lincang_counties", "signature",
     "关于表彰2022年度招商引资工作先进单位的决定\n各县（区）人民政府，市直各部门：\n经研究，决定对凤庆县、云县、永德县等"
     "招商引资工作先进单位给予通报表彰，各奖励10万元。\n\n临沧市人民政府\n2023年1月20日",
     None, ("云南省", "临沧市", None, "city")),
    # ---- batch 2 (written after the first run, before any fix): venues, trips, partners, pilots
    ("venue_expo", "mentioned_only",
     "关于组织企业参加第六届中国国际进口博览会的通知\n各有关企业：\n为帮助企业拓展市场，对参加在上海举办的进博会的企业"
     "给予展位费50%的补贴，每家企业最高不超过5万元。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     None, UNKNOWN),
    ("trip_two_cities", "mentioned_only",
     "关于组织企业外出考察学习的通知\n各乡镇，县直各单位：\n我县将组织企业赴深圳、杭州考察学习数字经济发展经验，"
     "对参加考察的小微企业给予差旅费补贴，每家最高3000元。申报材料须真实有效，弄虚作假的取消补贴资格。",
     None, UNKNOWN),
    ("partner_once", "mentioned_only",
     "关于深化对口合作的实施意见\n各区人民政府，市政府各部门：\n我市与上海市签订对口合作框架协议以来，合作不断深化。"
     "对我市企业在合作园区投资的项目给予最高100万元奖励，我市财政每年安排专项资金。",
     None, UNKNOWN),
    ("province_pilot_city", "doc_number",
     "关于支持赣州革命老区高质量发展的若干措施\n赣府发〔2021〕3号\n各市、县（区）人民政府，省政府各部门：\n"
     "为支持赣州市建设革命老区高质量发展示范区，省财政每年安排赣州市专项资金10亿元，对赣州市新引进的重大产业项目给予奖励。",
     None, ("江西省", None, None, "province")),
    # ---- batch 3 (written after the first fixes, before running them)
    ("site_city_shared_district", "same_name_district",
     "鼓楼区人民政府关于印发鼓楼区促进楼宇经济发展实施办法的通知\n各街道办事处，区各有关部门：\n"
     "对年纳税超过1000万元的楼宇给予运营方最高50万元奖励。鼓楼区商务局负责组织实施。",
     "http://www.nanjing.gov.cn/njxx/202105/t1.html", ("江苏省", "南京市", "鼓楼区", "district")),
    ("zhou_abbrev_county", "issuer",
     "黔东南州从江县人民政府关于印发从江县香猪产业发展扶持办法的通知\n各乡镇人民政府，县直各部门：\n"
     "对新建标准化香猪养殖场给予每平方米100元补助。",
     None, ("贵州省", "黔东南苗族侗族自治州", "从江县", "district")),
    ("city_forwards_national", "issuer",
     "南宁市人民政府办公室转发国务院办公厅关于进一步做好稳就业工作意见的通知\n各县、区人民政府，市政府各部门：\n"
     "现将《国务院办公厅关于进一步做好稳就业工作的意见》转发给你们，请结合实际认真贯彻落实。",
     None, ("广西壮族自治区", "南宁市", None, "city")),
    ("county_forwards_province", "issuer",
     "花垣县人民政府办公室关于转发《湖南省就业补助资金管理办法》的通知\n各乡镇人民政府，县直各单位：\n"
     "现将《湖南省就业补助资金管理办法》转发给你们，请认真贯彻执行。对吸纳脱贫人口的企业给予每人1000元补贴。",
     None, ("湖南省", "湘西土家族苗族自治州", "花垣县", "district")),
    ("district_colon_headline", "district_names_city",
     "阎良区：一次性创业补贴申领指南\n补贴对象：在我区首次创业的小微企业或个体经营者。补贴标准：符合条件的人员可申请一次性创业补贴5000元。"
     "申领时需提交营业执照、身份证等材料，由区人社局审核后发放。",
     None, ("陕西省", "西安市", "阎良区", "district")),
    ("river_bank", "word_contains",
     "关于支持装备制造业发展的若干措施\n为推动珠江西岸先进装备制造产业带建设，对落户我市的装备制造企业按设备投资额的10%给予补助，"
     "每家最高500万元。黄河北岸生态修复项目另行支持。",
     None, UNKNOWN),
    ("river_bank_alone", "word_contains",
     "关于支持装备制造业发展的若干措施\n为推动珠江西岸先进装备制造产业带建设，对落户我市的装备制造企业按设备投资额的10%给予补助，"
     "每家最高500万元。申报材料须真实有效，弄虚作假的取消补贴资格并追回已拨付资金。",
     None, UNKNOWN),
    ("mountain_side", "word_contains",
     "关于加快发展林下经济的实施意见\n各乡镇人民政府，县直各单位：\n我县地处太行山东麓，林地资源丰富。对发展林下种植的农户每亩补助200元，"
     "对新建林下养殖场给予一次性补助2万元。",
     None, UNKNOWN),
    # ---- batch 4 (written before running): chrome, Q&A, recipients, 港澳台
    ("city_switcher", "names_of_things",
     "城市分站：北京 上海 广州 深圳 杭州 南京 成都 武汉 西安 重庆\n南宁市出台支持跨境电商发展若干措施\n"
     "近日，南宁市出台支持跨境电商发展若干措施，对在南宁市新设立的跨境电商企业给予最高50万元奖励。",
     None, ("广西壮族自治区", "南宁市", None, "city")),
    ("qa_two_cities", "siblings",
     "关于人才补贴申领的咨询\n网友：我在苏州工作，户籍在南通，能否申请苏州的人才安居补贴？\n"
     "答复：您好！根据《苏州市人才安居补贴实施办法》，在苏州市缴纳社保满6个月的本科以上人才，均可申请每月1000元的人才安居补贴，与户籍所在地无关。",
     None, ("江苏省", "苏州市", None, "city")),
    ("province_dept_lists_counties", "provincial_on_city",
     "关于公布2023年度县域商业体系建设试点县名单的通知\n各市州商务主管部门：\n经评审，确定以下县市为试点：长沙县、浏阳市、醴陵市、"
     "湘潭县、韶山市。对每个试点县给予500万元奖补资金。\n省商务厅\n2023年5月6日",
     None, ("湖南省", None, None, "province")),
    ("pudong_short", "municipality",
     "浦东出台支持集成电路产业发展若干政策\n近日，浦东新区发布支持集成电路产业发展若干政策，对新落户的芯片设计企业给予最高1000万元奖励，"
     "对流片费用给予30%补贴。",
     None, ("上海市", None, "浦东新区", "district")),
    ("huaxian_local_context", "district_names_city",
     "关于加快发展设施农业的实施意见\n各乡镇人民政府，县直各单位：\n为贯彻落实《河南省设施农业发展规划》和《河南省高标准农田建设实施方案》，"
     "结合滑县实际，提出如下意见。对新建日光温室每亩补助3000元。",
     None, ("河南省", "安阳市", "滑县", "district")),
    ("listing_abroad", "mentioned_only",
     "关于鼓励企业上市挂牌的若干措施\n各区人民政府，市政府各部门：\n对在香港、纽约等境外证券市场上市的我市企业给予一次性奖励300万元，"
     "对在新三板挂牌的企业给予奖励100万元。",
     None, UNKNOWN),
    ("taiwan_investors", "mentioned_only",
     "关于鼓励台湾同胞投资的若干措施\n各区人民政府，市政府各部门：\n为深化两岸经济合作，对台湾同胞在我市投资兴办的企业，"
     "按实际到资额的1%给予奖励，最高200万元；台湾青年来我市创业的，给予一次性创业补贴5万元。",
     None, UNKNOWN),
    # ---- batch 5 (written before running): wire datelines, replies, joint issuers
    ("xinhua_beijing_national", "national_reprint",
     "新华社北京3月1日电 财政部、税务总局日前发布公告，明确对月销售额10万元以下的小规模纳税人免征增值税，"
     "政策执行至2027年12月31日。申报材料须真实有效，弄虚作假的取消资格。",
     None, NATIONAL),
    ("reply_unit", "signature",
     "关于灵活就业人员社保补贴的咨询\n来信：我是失业后灵活就业的人员，能否申请社保补贴？\n"
     "答复：您好！对符合条件的就业困难人员灵活就业的，按其实际缴纳社会保险费的2/3给予补贴，期限最长3年。\n"
     "答复单位：北京市朝阳区人力资源和社会保障局\n答复时间：2023-06-12",
     None, ("北京市", None, "朝阳区", "district")),
    ("joint_two_provinces", "issuer",
     "四川省发展和改革委员会 重庆市发展和改革委员会关于印发《川渝毗邻地区合作共建区域发展功能平台推进方案》的通知\n"
     "各有关单位：\n现将方案印发给你们，请认真抓好落实。对合作平台内新落地的重大项目给予奖励。",
     None, UNKNOWN),
]


def place(text: str, url: str | None) -> tuple:
    r = normalize_bytes(text.encode("utf-8"), "page.txt", url=url).region
    return (r.province, r.city, r.district, r.level)


@pytest.mark.parametrize("text, url, expect", [c[2:] for c in CASES], ids=[f"{c[1]}-{c[0]}" for c in CASES])
def test_place_of_unread_page(text, url, expect):
    assert place(text, url) == expect


def test_unknown_and_national_carry_no_place():
    for _, _, text, url, _ in CASES:
        p, c, d, level = place(text, url)
        if level in (None, "national"):
            assert (p, c, d) == (None, None, None)
        else:
            assert p is not None
