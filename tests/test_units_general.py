"""Responsible units on pages nobody has read: a stress set of invented policy sentences.

Every sentence below was written for this file (topics: talent, housing, childcare, agriculture,
consumption vouchers, R&D, IP, green subsidies, startup loans), with agency names and places that
occur in neither ../shared/corpus-dev nor ../shared/corpus-dev2, and its expected units and roles
were written from ../shared/extraction-spec.md ("Responsible units") before the extractor was run on
it. The cases test the grammar of agency names (place + portfolio + ending, standard shorthands) and
the contexts that give roles (经…认定 certifier, 由…牵头 lead, …给予 funder, 向…申报/报…备案
receiver, 由…负责 administrator), and the spec's exclusions (addressees, promulgating governments,
beneficiaries such as 企业/高校/银行, authors of cited documents, publication metadata).

A gold name may list alternatives (the spec keeps shorthand as written; a locative such as 当地
may or may not be read as part of it): a unit matches when one alternative equals its name, its
written text or its full name, as bench/score_dev2.py matches them.
"""
from __future__ import annotations

import pytest

from zhengce.ingest.normalize import normalize
from zhengce.nlp.extract import extract_text
from zhengce.nlp.units import document_units


def doc_units(text: str, prefix: str | None = "市"):
    text = normalize(text).text         # as the pipeline reads a page (traditional characters, full-width forms)
    lines = text.split("\n")
    title = lines[0] if len(lines) > 1 and "关于" in lines[0] else None
    ms = extract_text(text, level_prefix=prefix)
    us = document_units(text, [u for m in ms for u in m.units], level_prefix=prefix, title=title)
    for u in us:
        assert text[u.start:u.end] == u.text
    return us


def matches(gold: list, us) -> tuple[bool, str]:
    preds = [({u.name, u.text, u.full_name} - {None, ""}, u.role) for u in us]
    left = list(preds)
    missing = []
    for names, role in gold:
        alts = {names} if isinstance(names, str) else set(names)
        hit = next((p for p in left if p[0] & alts and p[1] == role), None)
        if hit is None:
            missing.append((names, role))
        else:
            left.remove(hit)
    ok = not missing and not left
    return ok, f"missing {missing}; extra {[(sorted(n), r) for n, r in left]}"


# (text, level prefix, expected [(name or alternatives, role)])
CASES = [
    # ---- talent
    ("对新引进的博士研究生,经市人才发展局审核认定后,由市财政按每人每月3000元给予生活补贴。", "市",
     [("市人才发展局", "certifier"), ("市财政", "funder")]),
    ("申请人应于每年6月30日前向县人力资源和社会保障局提交申报材料。", "县",
     [("县人力资源和社会保障局", "receiver")]),
    ("青年人才驿站的运营管理由区人才服务中心负责。", "区",
     [("区人才服务中心", "administrator")]),
    ("鹤岗市人才发展局会同市财政局制定高层次人才安家补贴实施细则。", "市",
     [("鹤岗市人才发展局", "lead"), ("市财政局", "co")]),
    # ---- housing
    ("购房补贴申请由区住房保障和房屋管理局受理,区财政局按季度拨付。", "区",
     [("区住房保障和房屋管理局", "receiver"), ("区财政局", "funder")]),
    ("新就业大学生租房补贴由鹤壁市住房和城乡建设局牵头,市人力资源和社会保障局配合。", "市",
     [("鹤壁市住房和城乡建设局", "lead"), ("市人力资源和社会保障局", "co")]),
    ("老旧小区改造项目由区旧城改造办公室统一组织实施。", "区",
     [("区旧城改造办公室", "administrator")]),
    ("公积金贷款额度由鹤岗市住房公积金管理中心核定。", "市",
     [("鹤岗市住房公积金管理中心", "certifier")]),
    # ---- childcare
    ("普惠托育机构运营补助资金由市财政局承担60%,区财政局承担40%。", "市",
     [("市财政局", "funder"), ("区财政局", "funder")]),
    ("托育机构应当向区卫生健康局备案。", "区",
     [("区卫生健康局", "receiver")]),
    ("托育服务的日常监督管理由县卫生健康委员会负责。", "县",
     [("县卫生健康委员会", "administrator")]),
    ("对新评定的市级示范性托育机构,由市教育体育局一次性奖励10万元。", "市",
     [("市教育体育局", "funder")]),
    # ---- agriculture
    ("经县农业农村和水利局验收合格的高标准农田项目,每亩补助1500元。", "县",
     [("县农业农村和水利局", "certifier")]),
    ("农机购置补贴资金由省财政厅统筹安排,县农机化服务中心负责具体实施。", "县",
     [("省财政厅", "funder"), ("县农机化服务中心", "administrator")]),
    ("种粮大户补贴名单须报县农业农村局备案。", "县",
     [("县农业农村局", "receiver")]),
    ("对认定为市级农业产业化重点龙头企业的,市农业农村局给予一次性奖励20万元。", "市",
     [("市农业农村局", "funder")]),
    ("县林业和草原局负责造林补贴的组织实施和资金管理。", "县",
     [("县林业和草原局", "administrator")]),
    # ---- consumption vouchers
    ("消费券发放工作由市商务局牵头,所需资金由市财政局安排。", "市",
     [("市商务局", "lead"), ("市财政局", "funder")]),
    ("外贸企业出口信用保险保费补贴,由企业向市商务和口岸管理局申报,市财政局按实际保费的50%给予补贴。", "市",
     [("市商务和口岸管理局", "receiver"), ("市财政局", "funder")]),
    ("本轮消费券由市商务局委托第三方平台发放。", "市",
     [("市商务局", "administrator")]),
    # ---- R&D
    ("企业研发费用后补助,经市科学技术和工业信息化局审核,按不超过研发投入的10%给予补助。", "市",
     [("市科学技术和工业信息化局", "certifier")]),
    ("企业应在每年4月底前向属地科技主管部门报送研发投入数据。", "市",
     [(("属地科技主管部门", "科技主管部门"), "receiver")]),
    ("对新认定的国家级企业技术中心,市工业和信息化局给予一次性奖励100万元。", "市",
     [("市工业和信息化局", "funder")]),
    ("经省工业和信息化厅认定的省级绿色工厂,给予一次性奖励50万元。", "省",
     [("省工业和信息化厅", "certifier")]),
    ("项目的统筹协调和跟踪服务由市投资促进局负责。", "市",
     [("市投资促进局", "administrator")]),
    # ---- IP
    ("专利质押融资贴息申请向区知识产权保护中心提交,经审核后由区财政局拨付。", "区",
     [("区知识产权保护中心", "receiver"), ("区财政局", "funder")]),
    ("经国家知识产权局认定的知识产权示范企业,给予30万元奖励。", "市",
     [("国家知识产权局", "certifier")]),
    ("商标品牌指导站的建设由县市场监督管理局负责。", "县",
     [("县市场监督管理局", "administrator")]),
    # ---- green subsidies
    ("企业节能改造项目经市生态环境局核定减排量后,市财政局按每吨50元给予奖励。", "市",
     [("市生态环境局", "certifier"), ("市财政局", "funder")]),
    ("分布式光伏项目应向县发展和改革局申请备案。", "县",
     [("县发展和改革局", "receiver")]),
    ("充电设施建设补贴由市发展和改革局会同市城市管理局组织实施。", "市",
     [("市发展和改革局", "lead"), ("市城市管理局", "co")]),
    ("新能源汽车置换补贴由市商务局、市公安局交通管理支队共同审核。", "市",
     [("市商务局", "certifier"), ("市公安局交通管理支队", "certifier")]),
    # ---- startup loans
    ("创业担保贷款由市就业创业服务中心受理,经办银行审核放款,财政部门按规定给予贴息。", "市",
     [("市就业创业服务中心", "receiver"), ("财政部门", "funder")]),
    ("返乡创业人员可向当地人社部门申请一次性创业补贴5000元。", "县",
     [(("当地人社部门", "人社部门"), "receiver")]),
    ("贷款贴息资金由中央财政和省级财政按7:3比例分担。", "省",
     [("中央财政", "funder"), ("省级财政", "funder")]),
    ("创业孵化基地由县人力资源和社会保障局组织评估认定。", "县",
     [("县人力资源和社会保障局", "certifier")]),
    ("补贴资金由区级财政全额承担。", "区",
     [("区级财政", "funder")]),
    ("项目申报单位须将申报材料报送至县发展和改革局。", "县",
     [("县发展和改革局", "receiver")]),
    # ---- lists
    ("责任单位：市退役军人事务局、市民政局", "市",
     [("市退役军人事务局", "co"), ("市民政局", "co")]),
    ("牵头单位：县数据资源管理局；配合单位：县行政审批服务局、县政务服务中心", "县",
     [("县数据资源管理局", "lead"), ("县行政审批服务局", "co"), ("县政务服务中心", "co")]),
    ("推进一刻钟便民生活圈建设。(市商务局牵头,市规划和自然资源局、市住房城乡建设局按职责分工负责)", "市",
     [("市商务局", "lead"), ("市规划和自然资源局", "co"), ("市住房城乡建设局", "co")]),
    ("完善托育服务综合监管机制。(区卫生健康局、区教育体育局、区市场监督管理局)", "区",
     [("区卫生健康局", "co"), ("区教育体育局", "co"), ("区市场监督管理局", "co")]),
    ("市农业农村局要会同市林业和草原局制定实施细则。", "市",
     [("市农业农村局", "lead"), ("市林业和草原局", "co")]),
    # a body charged with review certifies (round 24: the readers of all three gold sets mark it so; 43 such
    # units had read administrator on their tune pages)
    ("各县(市、区)文化和旅游局负责本辖区项目的初审和推荐工作。", "市",
     [(("各县(市、区)文化和旅游局", "县(市、区)文化和旅游局"), "certifier")]),
    # ---- issuers
    ("鹤壁市农业农村局关于开展2024年度农机购置补贴申报工作的通知\n各县(市、区)农业农村局:\n现就有关事项通知如下。\n"
     "鹤壁市农业农村局\n2024年3月1日", "市",
     [("鹤壁市农业农村局", "issuer")]),
    ("鹤岗市医疗保障局 鹤岗市财政局关于调整城乡居民医保缴费补助标准的通知\n各县(区)医疗保障局、财政局:\n现将有关事项通知如下。", "市",
     [("鹤岗市医疗保障局", "issuer"), ("鹤岗市财政局", "issuer")]),
    ("黔南州人民政府办公室关于加快发展银发经济的实施意见\n各县(市)人民政府,州直各部门:\n一、由州民政局牵头建立养老服务补贴制度。", None,
     [("州民政局", "lead")]),
    # ---- harder phrasings: long names, loose levels, bodies as plain subjects
    ("符合条件的企业可于每年3月向所在地税务机关申请享受优惠。", "市",
     [(("所在地税务机关", "税务机关"), "receiver")]),
    ("县级以上地方人民政府科学技术行政部门负责本行政区域内科技成果转化的组织管理工作。", "省",
     [(("县级以上地方人民政府科学技术行政部门", "科学技术行政部门"), "administrator")]),
    ("鹤壁市科学技术局将对通过验收的项目按研发投入的20%给予后补助。", "市",
     [("鹤壁市科学技术局", "funder")]),
    ("各类补贴资金原则上由市级财政和县区财政按1:1比例负担。", "市",
     [("市级财政", "funder"), ("县区财政", "funder")]),
    ("市医疗保障局、市财政局联合组织专家对申报项目进行评审。", "市",
     [("市医疗保障局", "certifier"), ("市财政局", "certifier")]),
    ("企业应登录惠企政策兑现平台提出申请,由市营商环境建设监督局统一受理。", "市",
     [("市营商环境建设监督局", "receiver")]),
    ("企业向注册地所在区(县)商务主管部门提出申请。", "市",
     [(("注册地所在区(县)商务主管部门", "所在区(县)商务主管部门", "区(县)商务主管部门", "商务主管部门"), "receiver")]),
    ("相关部门要按照职责分工做好政策落实。", "市", []),
    ("市税务局、市人力资源和社会保障局依托信息系统做好数据比对。", "市",
     [("市税务局", "administrator"), ("市人力资源和社会保障局", "administrator")]),
    ("补贴资金从市级就业补助资金中列支,由市就业服务局按季度拨付至个人账户。", "市",
     [("市就业服务局", "funder")]),
    ("各地民政部门要会同财政部门做好资金保障。", "省",
     [(("各地民政部门", "民政部门"), "lead"), ("财政部门", "co")]),
    ("经鹤岗市科学技术局、鹤岗市财政局审核同意后,项目资金一次性拨付到位。", "市",
     [("鹤岗市科学技术局", "certifier"), ("鹤岗市财政局", "certifier")]),
    ("在我州注册的企业,可通过科技服务平台向州科技局提交申请。", None,
     [("州科技局", "receiver")]),
    ("鹤壁市财政局关于下达2024年农业保险保费补贴资金的通知\n各县(区)财政局,市农业农村局:\n"
     "现将2024年农业保险保费补贴资金下达给你们。", "市",
     [("鹤壁市财政局", "issuer")]),
    ("由鹤岗市人民政府设立总规模5亿元的天使投资引导基金。", "市",
     [("鹤岗市人民政府", "funder")]),
    ("支持科技型企业开展研发活动,鼓励有条件的县区设立科技创新基金。", "市", []),
    ("对新建的普惠性幼儿园,由县教育局按每个班级10万元的标准给予一次性建设补助,所需资金由县财政统筹解决。", "县",
     [("县教育局", "funder"), ("县财政", "funder")]),
    ("项目单位应于每季度结束后10日内将资金使用情况报县农业农村和水利局、县财政局备案。", "县",
     [("县农业农村和水利局", "receiver"), ("县财政局", "receiver")]),
    ("市退役军人事务局负责政策宣传,市人力资源和社会保障局负责组织创业培训。", "市",
     [("市退役军人事务局", "administrator"), ("市人力资源和社会保障局", "administrator")]),
    ("符合条件的高校毕业生,由学校所在地人社部门按每人2000元给予求职创业补贴。", "市",
     [(("学校所在地人社部门", "所在地人社部门", "人社部门"), "funder")]),
    ("| 序号 | 任务 | 牵头单位 | 配合单位 |\n| 1 | 实施育儿补贴 | 市卫生健康委员会 | 市财政局、市民政局 |", "市",
     [("市卫生健康委员会", "lead"), ("市财政局", "co"), ("市民政局", "co")]),
    ("鹤壁市发展和改革委员会(鹤壁市粮食和物资储备局)负责项目的日常管理。", "市",
     [(("鹤壁市发展和改革委员会", "鹤壁市发展和改革委员会(鹤壁市粮食和物资储备局)"), "administrator")]),
    # ---- third batch: articles of 职责分工, traditional characters, assessing verbs, more negatives
    ("第五条 市商务局根据年度工作安排编制消费券发放方案,组织开展消费券发放工作。", "市",
     [("市商务局", "administrator")]),
    ("第六条 市财政局负责消费券资金的预算管理和拨付,对资金使用情况进行监督检查。", "市",
     [("市财政局", "funder")]),
    ("經市科學技術局認定的高新技術企業,給予一次性獎勵20萬元。", "市",
     [("市科学技术局", "certifier")]),
    ("市中小企业服务中心负责受理中小企业融资担保补贴申请。", "市",
     [("市中小企业服务中心", "receiver")]),
    ("县住建局、县自然资源局、县税务局等部门要加强协作,简化购房补贴办理流程。", "县",
     [("县住建局", "administrator"), ("县自然资源局", "administrator"), ("县税务局", "administrator")]),
    ("由中国人民银行鹤壁市分行会同市金融工作局对合作银行进行考核。", "市",
     [("中国人民银行鹤壁市分行", "lead"), ("市金融工作局", "co")]),
    ("领取育儿补贴的家庭,须向户籍地村(居)委会提出申请,由县级卫生健康部门审核。", "县",
     [("县级卫生健康部门", "certifier")]),
    ("市市场监管局负责对获得马德里商标国际注册的企业兑付资助资金。", "市",
     [("市市场监管局", "funder")]),
    ("省人力资源社会保障厅会同省财政厅每两年对补贴标准进行一次评估调整。", "省",
     [("省人力资源社会保障厅", "lead"), ("省财政厅", "co")]),
    pytest.param("各级科技管理部门要切实做好政策宣传和解读工作。", "省",
                 [(("各级科技管理部门", "科技管理部门"), "administrator")],
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "the spec counts a body that administers, 各级 or not; units.py still drops 各级…部门 because "
                     "the old dev gold (tests/test_extract_gold.py dev units floor, 0.25 since round 26) marks only "
                     "responsibility lists and would count it a false positive"))),
    ("申请材料一式三份,报送鹤壁市淇滨区科技和工业信息化局。", "区",
     [("鹤壁市淇滨区科技和工业信息化局", "receiver")]),
    ("项目资金由区财政直接拨付至企业账户。", "区",
     [("区财政", "funder")]),
    ("关于组织申报2024年度鹤壁市科技计划项目的通知\n各县区科技主管部门,各有关单位:\n现将有关事项通知如下。\n"
     "鹤壁市科学技术局\n2024年6月1日", "市",
     [("鹤壁市科学技术局", "issuer")]),
    ("对在淇滨区注册的企业,区科技局按其当年研发投入增量的10%给予奖补。", "区",
     [("区科技局", "funder")]),
    ("企业所得税优惠由税务部门按规定办理。", "市",
     [("税务部门", "administrator")]),
    ("市发展改革委(市粮食和储备局)牵头做好粮食收购资金保障。", "市",
     [(("市发展改革委", "市发展改革委(市粮食和储备局)"), "lead")]),
    ("由县农业农村局组织专家对示范基地进行实地考核,考核合格的予以授牌。", "县",
     [("县农业农村局", "certifier")]),
    ("经市文化广电和旅游局评定为市级夜间文旅消费集聚区的,给予30万元奖励。", "市",
     [("市文化广电和旅游局", "certifier")]),
    ("市科技局牵头组织实施,市财政局做好资金保障,市税务局落实税收优惠。", "市",
     [("市科技局", "lead"), ("市财政局", "funder"), ("市税务局", "administrator")]),
    ("省教育厅将会同省财政厅另行制定实施细则。", "省",
     [("省教育厅", "lead"), ("省财政厅", "co")]),
    ("农村危房改造补助资金由县住房和城乡建设局会同县财政局按程序拨付。", "县",
     [("县住房和城乡建设局", "lead"), ("县财政局", "co")]),
    ("申报企业应对材料真实性负责,市科技局对申报材料进行形式审查。", "市",
     [("市科技局", "certifier")]),
    ("我市获评国家知识产权示范城市。", "市", []),
    ("市民中心、市图书馆、市文化馆等场所免费开放。", "市", []),
    ("鼓励有条件的企业设立博士后科研工作站。", "市", []),
    ("全市规上工业企业研发机构覆盖率达到50%以上。", "市", []),
    ("省人民政府办公厅关于印发促进服务消费若干措施的通知\n各市、县人民政府,省政府各部门、各直属机构:\n现将《若干措施》印发给你们。", "省", []),
    ("符合条件的个人可向社区居委会提出申请。", "市", []),
    ("对经国家认定的高新技术企业,减按15%的税率征收企业所得税。", "市", []),
    # ---- fourth batch: official long names, customs and regulators, tables and bracketed labels
    ("广西壮族自治区科学技术厅关于组织申报2025年度科技计划项目的通知\n各市科技局:\n现将有关事项通知如下。", "省",
     [("广西壮族自治区科学技术厅", "issuer")]),
    ("鹤壁市人民政府国有资产监督管理委员会负责市属国有企业改革的组织实施。", "市",
     [("鹤壁市人民政府国有资产监督管理委员会", "administrator")]),
    ("国家税务总局鹤壁市税务局负责落实研发费用加计扣除政策。", "市",
     [("国家税务总局鹤壁市税务局", "administrator")]),
    ("企业进口设备免税申请,向鹤壁海关提交。", "市",
     [("鹤壁海关", "receiver")]),
    ("国家金融监督管理总局鹤壁监管分局会同市财政局加强对合作银行的监管。", "市",
     [("国家金融监督管理总局鹤壁监管分局", "lead"), ("市财政局", "co")]),
    ("| 序号 | 工作任务 | 牵头单位 | 责任单位 |\n| 1 | 发放家电以旧换新补贴 | 市商务局 | 市财政局、市市场监管局 |", "市",
     [("市商务局", "lead"), ("市财政局", "co"), ("市市场监管局", "co")]),
    ("落实首台套保险补偿政策。(牵头单位:省工业和信息化厅;责任单位:省财政厅、省金融监管局)", "省",
     [("省工业和信息化厅", "lead"), ("省财政厅", "co"), ("省金融监管局", "co")]),
    ("各区县(自治县)人力资源社会保障部门负责受理本辖区申请。", "市",
     [(("各区县(自治县)人力资源社会保障部门", "区县(自治县)人力资源社会保障部门", "人力资源社会保障部门"), "receiver")]),
    ("鹤壁经济技术开发区管理委员会对入区企业给予租金补贴。", "市",
     [("鹤壁经济技术开发区管理委员会", "funder")]),
    ("支持市属高校和科研院所建设新型研发机构,市科技局按建设投入的30%给予补助。", "市",
     [("市科技局", "funder")]),
    ("中小微企业贷款贴息由区金融服务中心受理,区财政局负责拨付。", "区",
     [("区金融服务中心", "receiver"), ("区财政局", "funder")]),
    ("对获得国家科学技术奖的项目,省科技厅给予1:1配套奖励。", "省",
     [("省科技厅", "funder")]),
    ("鹤岗市萝北县农业农村局负责组织项目验收。", "县",
     [("鹤岗市萝北县农业农村局", "certifier")]),
    ("申请人可登录市政务服务网提交申请。", "市", []),
    ("各县(市、区)要参照本办法制定实施细则。", "市", []),
    ("市人社局、市财政局:\n现将有关事项通知如下。", "市", []),
    # ---- written after reading units.py (not blind): organisations inside a responsibility list
    ("推进产教融合实训基地建设。(市教育局、鹤壁职业技术学院、国网鹤壁供电公司、中国银行鹤壁分行)", "市",
     [("市教育局", "co")]),
    # ---- probes run while reading units.py (not blind: outputs were seen before these were fixed)
    ("材料报省厅备案。", "市", [("省厅", "receiver")]),
    ("职工可向住房公积金管理中心申请贷款。", "市", [("住房公积金管理中心", "receiver")]),
    ("县级以上人民政府管理节能工作的部门负责监督管理。", "县",
     [(("县级以上人民政府管理节能工作的部门", "管理节能工作的部门"), "administrator")]),
    ("省级管理机关事务工作的机构在省管理节能工作的部门指导下,负责推进公共机构节能工作。", "省",
     [("省级管理机关事务工作的机构", "administrator"), ("省管理节能工作的部门", "co")]),
    ("市场监管部门依法查处违法行为。", "市", [("市场监管部门", "administrator")]),
    ("鹤壁市行政审批和政务信息管理局负责受理。", "市", [("鹤壁市行政审批和政务信息管理局", "receiver")]),
    ("经区县科技部门推荐,报市科技局备案。", "市", [("区县科技部门", "certifier"), ("市科技局", "receiver")]),
    ("补贴资金由企业向主管税务机关申请退还。", "市", [(("主管税务机关", "税务机关"), "receiver")]),
    ("申报材料报送市科技创新和人才工作领导小组办公室。", "市", [("市科技创新和人才工作领导小组办公室", "receiver")]),
    ("向市级医保经办机构申请。", "市", [("市级医保经办机构", "receiver")]),
    # ---- negatives: nothing here is a responsible unit
    ("各县区人民政府,市直各部门:\n为加快发展托育服务,现将有关事项通知如下。", "市", []),
    ("鹤壁市人民政府关于印发鹤壁市促进消费若干措施的通知\n各县(区)人民政府,市政府各部门:\n"
     "现将《鹤壁市促进消费若干措施》印发给你们,请认真贯彻执行。\n鹤壁市人民政府\n2023年5月8日", "市", []),
    ("来源：鹤壁市科学技术局  发布时间：2023-05-06  浏览次数：128", "市", []),
    ("公开责任部门：区农业农村局", "区", []),
    ("抄送：市委办公室,市人大常委会办公室,市政协办公室。", "市", []),
    ("鼓励银行、保险机构和高校院所参与,支持企业与科研院所共建研发平台。", "市", []),
    ("参照《财政部 税务总局关于进一步完善研发费用税前加计扣除政策的公告》执行。", "市", []),
    ("对获评省级专精特新的中小企业给予10万元奖励。", "市", []),
    ("乡镇卫生院、社区卫生服务中心可按规定申请家庭医生签约服务补助。", "县", []),
    ("发放的消费券在全市范围内有效,由中国银联提供技术支持。", "市", []),
    ("由企业自主选择合作银行办理贷款。", "市", []),
    ("县农业农村局、县财政局联合印发的《实施方案》另行公布。", "县", []),
    ("享受补贴的企业须为在市场监督管理部门登记注册的企业。", "市", []),
    ("市民可拨打12345政务服务热线咨询。", "市", []),
]


@pytest.mark.parametrize("text,prefix,gold", CASES, ids=[f"c{i:02d}" for i in range(len(CASES))])
def test_units_general(text, prefix, gold):
    ok, why = matches(gold, doc_units(text, prefix))
    assert ok, why


@pytest.mark.parametrize("written", ["国家税务总局柳州市税务局", "中共柳州市委组织部", "中国人民银行柳州市中心支行"])
def test_a_prefixed_full_name_and_its_second_mention_are_one_unit(written):
    """A body written with the prefix its short form drops (the party, the state bank's 中国, the national
    tax administration over its local bureau) is one unit, not two or three."""
    from zhengce.pipeline import process_bytes
    text = ("柳州市关于支持企业发展的若干措施\n为促进企业发展,制定本措施。\n一、对符合条件的企业给予最高10万元补贴,由"
            + written + "负责审核,所需资金由市财政局拨付。\n二、企业向" + written + "提出申请。")
    units = process_bytes(text.encode(), "liuzhou.txt").units
    assert [u.name for u in units] == [written, "市财政局"]


def test_a_contact_line_names_no_responsible_unit():
    """咨询电话: 湛江市人社局就业促进科:0759-… is a contact (spec: publication metadata is no unit); a
    service guide's field line with a phone keeps its body (受理单位:区人社局,电话…)."""
    from zhengce.pipeline import process_bytes
    text = ("湛江市一次性创业补贴申领指南\n一、补贴标准\n每户补贴10000元。\n二、办理流程\n申请人向区人力资源和社会保障局提交申请材料,"
            "由区财政局将补贴资金拨付至申请人银行账户。\n三、咨询电话\n湛江市人力资源和社会保障局就业促进科:0759-3333333\n")
    assert [u.name for u in process_bytes(text.encode(), "zj.txt").units] == ["区人力资源和社会保障局", "区财政局"]
    guide = ("湛江市一次性创业补贴办事指南\n受理单位:赤坎区人力资源和社会保障局,咨询电话:0759-3222222\n"
             "补贴标准:每户补贴10000元,所需资金由区财政局拨付。\n")
    assert "赤坎区人力资源和社会保障局" in [u.name for u in process_bytes(guide.encode(), "zj2.txt").units]


@pytest.mark.parametrize("text, expected", [
    # the place written whole (长春市朝阳区…) and the short form (区人社局) in a 朝阳区 page: one body
    ("长春市朝阳区人力资源和社会保障局关于一次性创业补贴的公示\n经区人社局审核,拟发放一次性创业补贴。\n"
     "所需资金由区财政局拨付。\n长春市朝阳区人力资源和社会保障局\n2024年7月2日\n",
     ["区人社局", "区财政局"]),
    # one body under two names (成都市市场监督管理局（成都市知识产权局）), the second name written alone later
    ("成都市市场监督管理局（成都市知识产权局）\n《成都市知识产权资助管理办法》解读\n"
     "市知识产权局负责复审,市财政局负责资金拨付。\n",
     ["市知识产权局", "市财政局"]),
])
def test_a_body_written_two_ways_in_one_page_is_one_unit(text, expected):
    from zhengce.pipeline import process_bytes
    assert sorted(u.name for u in process_bytes(text.encode(), "p.txt").units) == sorted(expected)


def test_a_finance_bureau_that_reviews_and_pays_is_a_funder():
    """经区商务局、区财政局审核后,由区财政局按月拨付: paying is the finance bureau's part (it also reviews)."""
    from zhengce.pipeline import process_bytes
    text = ("宜昌市夷陵区家电消费补贴实施细则\n销售企业每月向区商务局报送销售台账,经区商务局、区财政局审核后,"
            "由区财政局按月拨付补贴资金。\n")
    roles = {u.name: u.role for u in process_bytes(text.encode(), "p.txt").units}
    assert roles["区财政局"] == "funder"


@pytest.mark.parametrize("text, expected", [
    ("由县（市、区）卫生健康局受理申请。", [("县（市、区）卫生健康局", "receiver")]),       # full-width level list
    ("区（市）县知识产权管理部门负责初审。", [("区（市）县知识产权管理部门", "certifier")]),   # who reviews certifies
    ("申请人向所在镇(街道)劳动保障所提交申请材料。", [("镇(街道)劳动保障所", "receiver")]),   # township offices
    ("向户籍所在地镇人民政府(街道办事处)民政办提出申请。", [("镇人民政府(街道办事处)民政办", "receiver")]),
    ("乡镇农业农村服务中心负责受理申请。", [("乡镇农业农村服务中心", "receiver")]),
    ("以旧换新由区供销社负责回收。", [("区供销社", "administrator")]),
])
def test_level_lists_in_either_bracket_and_township_offices(text, expected):
    from zhengce.nlp.units import body_mentions
    assert [(text[m.start:m.end], m.role) for m in body_mentions(text)] == expected


@pytest.mark.parametrize("text", ["责任单位：各县(市、区)人民政府、市发展改革委(市粮食和储备局)",
                                  "责任单位：各县（市、区）人民政府、市发展改革委（市粮食和储备局）"])
def test_a_listed_body_with_its_second_name_in_brackets_is_one_unit(text):
    """市发展改革委(市粮食和储备局) closing a list is one body under two names, not a bracketed list of others."""
    from zhengce.nlp.units import find_units
    names = [u.name for u in find_units(text, level_prefix="市")]
    assert len(names) == 2 and names[1].startswith("市发展改革委") and names[1].endswith(("储备局)", "储备局）"))


@pytest.mark.parametrize("text, expected", [
    ("申请材料由五象新区管委会负责受理。", [("五象新区管委会", "receiver")]),     # a zone's own name
    ("由南宁高新区管委会负责。", [("南宁高新区管委会", "administrator")]),
    ("全市各新区管委会要加强领导。", [("新区管委会", "administrator")]),        # 全市各 is no zone name
    ("申请材料由自治区党委组织部负责受理。", [("自治区党委组织部", "receiver")]),
])
def test_zone_committees_keep_their_zone_name_and_party_bodies_their_level(text, expected):
    from zhengce.nlp.units import body_mentions
    assert [(text[m.start:m.end], m.role) for m in body_mentions(text)] == expected


def test_a_table_flattened_one_cell_per_line_gives_each_column_its_role():
    """序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, then each row's cells on their own lines: the bodies take
    their column's role (lead, co), not a signature's."""
    from zhengce.pipeline import process_bytes
    text = ("吴江区智能化改造责任分工表\n\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n1\n"
            "对年度智能化改造设备投资500万元以上的项目,按设备投资额的10%给予补助\n区工业和信息化局\n区财政局\n2024年12月底前\n"
            "2\n对使用专项贷款的企业给予贴息\n区地方金融监督管理局\n区财政局、区科技局\n2025年6月\n")
    ex = process_bytes(text.encode(), "wujiang.txt")
    roles = {u.name: u.role for u in ex.units}
    assert roles == {"区工业和信息化局": "lead", "区地方金融监督管理局": "lead", "区财政局": "co", "区科技局": "co"}
    assert {d.date for m in ex.measures for d in m.deadlines} >= {"2024-12-31", "2025-06-30"}   # 完成时限 cells


@pytest.mark.parametrize("text, expected", [
    # a 政策清单 by department: the department heads the section of items it pays out
    ("成都市惠企政策清单\n一、市经信局（市新经济委）\n1.对首次入选的企业,给予一次性奖励50万元。\n二、市商务局\n"
     "2.对参加境外重点展会的企业,按展位费的70%给予补助。\n", {"市经信局": "administrator", "市商务局": "administrator"}),
    # a verb before a listed name is no part of it; any bracketed list of levels opens a name
    ("长春市支持刚性和改善性住房需求新闻发布会实录\n今天,市政府新闻办举行新闻发布会,请市住房保障和房屋管理局负责同志介绍有关政策。\n"
     "购房补贴由购房人向房屋所在区提出申请,区(县、市)人社部门负责审核,审核通过的按月发放。\n",
     {"市住房保障和房屋管理局": "administrator", "区(县、市)人社部门": "certifier"}),
])
def test_department_headings_verbs_and_level_lists(text, expected):
    from zhengce.pipeline import process_bytes
    roles = {u.name: u.role for u in process_bytes(text.encode(), "p.txt").units}
    assert {k: roles.get(k) for k in expected} == expected
