"""Rules added in round 17. Cases are written here from the spec (who counts as a responsible unit and
with which role), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.measures import split_measures
from zhengce.nlp.units import document_units, find_units
from zhengce.pipeline import process_bytes


def doc_units(text: str) -> list[tuple[str, str]]:
    return [(u.text, u.role) for u in document_units(text, find_units(text), title=text.split("\n", 1)[0])]


LETTER = "各县区:\n现将《南宁市高层次人才认定办法》印发给你们,请认真贯彻执行。\n"


# ------------------------------------------------------------------ the party's name before a party organ

def test_a_party_organ_signing_with_the_partys_name_is_an_issuer():
    text = "关于印发《南宁市高层次人才认定办法》的通知\n" + LETTER + "中共南宁市委组织部\n南宁市人力资源和社会保障局\n2024年3月1日"
    assert doc_units(text) == [("南宁市委组织部", "issuer"), ("南宁市人力资源和社会保障局", "issuer")]
    # the same names without 中共 were already read so; the prefix no longer hides the signature
    plain = text.replace("中共", "")
    assert doc_units(plain) == doc_units(text)


def test_a_title_opening_with_a_party_organ_names_its_issuer():
    assert doc_units("中共南宁市委组织部关于印发《南宁市高层次人才认定办法》的通知\n" + LETTER) == \
        [("南宁市委组织部", "issuer")]
    assert doc_units("中共南宁市委组织部 南宁市人力资源和社会保障局关于印发《南宁市高层次人才认定办法》的通知\n"
                     + LETTER) == [("南宁市委组织部", "issuer"), ("南宁市人力资源和社会保障局", "issuer")]


def test_the_party_organs_full_name_keeps_the_partys_name():
    text = "关于印发《南宁市高层次人才认定办法》的通知\n" + LETTER + "中共南宁市委组织部\n2024年3月1日"
    [u] = document_units(text, find_units(text), title=text.split("\n", 1)[0])
    assert u.full_name == "中共南宁市委组织部"


# ------------------------------------------------------------------ a department's red header

def test_a_departments_red_header_names_the_issuer():
    text = ("南宁市财政局 南宁市人力资源和社会保障局文件\n南财社〔2024〕12号\n"
            "关于印发《南宁市就业补助资金管理办法》的通知\n各县区财政局、人社局:\n现将办法印发给你们。")
    assert doc_units(text) == [("南宁市财政局", "issuer"), ("南宁市人力资源和社会保障局", "issuer")]


def test_a_document_named_in_passing_is_no_header():
    assert doc_units("根据市科技局文件精神,对企业给予奖励。") == []
    assert doc_units("关于做好就业工作的通知\n各县区:\n具体标准详见南宁市科技局文件\n") == []


def test_a_general_office_header_stays_out():
    # a government's general office only promulgates (spec: excluded)
    assert doc_units("南宁市人民政府办公室文件\n南府办〔2024〕1号\n关于印发《南宁市促进就业若干措施》的通知\n") == []


def test_the_header_reaches_the_pipeline():
    raw = ("南宁市人力资源和社会保障局文件\n南人社发〔2024〕12号\n关于做好2024年就业见习工作的通知\n"
           "各县区人社局:\n现将有关事项通知如下。\n一、对吸纳见习人员的单位,按每人每月2000元给予见习补贴。\n").encode()
    ex = process_bytes(raw, "header.txt")
    assert ("南宁市人力资源和社会保障局", "issuer") in [(u.text, u.role) for u in ex.units]


# ------------------------------------------------------------------ forwarding notices and announcements

def test_the_body_that_forwards_a_notice_issues_it():
    text = ("南宁市人力资源和社会保障局转发广西壮族自治区人力资源和社会保障厅关于做好2024年就业见习工作的通知\n"
            "各县区人社局:\n现将自治区人社厅通知转发给你们,请认真贯彻执行。")
    assert ("南宁市人力资源和社会保障局", "issuer") in doc_units(text)


def test_a_forwarded_document_named_in_passing_has_no_issuer():
    assert doc_units("根据市人社局转发的《通知》要求,做好申报工作。") == []


def test_a_bodys_own_announcement_names_its_issuer():
    assert doc_units("南宁市人力资源和社会保障局公告\n2024年第1号\n根据《办法》,现将有关事项公告如下。") == \
        [("南宁市人力资源和社会保障局", "issuer")]
    assert doc_units("南宁市人力资源和社会保障局公告2024年第1号\n现将有关事项公告如下。") == \
        [("南宁市人力资源和社会保障局", "issuer")]
    # a body whose announcement is only pointed to does not issue this document
    assert "issuer" not in dict(doc_units("关于做好就业工作的通知\n各县区:\n具体事项详见市人社局公告。")).values()


# ------------------------------------------------------------------ the party's standard shorthands

def test_a_talent_office_written_whole_and_short_is_one_unit():
    text = ("关于印发《绵阳市人才安居保障实施细则》的通知\n各县（市、区）人才办:\n现将细则印发给你们。\n"
            "中共绵阳市委人才工作领导小组办公室\n2023年5月20日\n"
            "第七条 用人单位初审后报市委人才办,市委人才办会同市住建局审核。")
    ex = process_bytes(text.encode(), "talent.txt")
    offices = [u for u in ex.units if "人才" in u.text]
    assert len(offices) == 1, [(u.text, u.role) for u in ex.units]
    assert offices[0].full_name == "中共绵阳市委人才工作领导小组办公室"


# ------------------------------------------------------------------ answers on their own line

QA = ("《晋江市人才住房保障办法》问答\n问：每类人才可以购买多大面积？\n"
      "答：A类人才可购买不超过180平方米，B类人才不超过140平方米。超出部分按市场评估价购买。\n"
      "问：买了人才房以后能不能卖？\n答：人才住房自取得不动产权证之日起满5年，方可上市交易。\n"
      "问：哪些企业可以申请？\n答：在本市依法登记注册、正常经营1年以上的企业，且须同时满足以下条件：设有实体门店。\n"
      "问：政策的背景是什么？\n答：家政服务业是促进就业、改善民生的朝阳产业。\n")


def test_an_answer_that_allows_or_limits_is_a_provision():
    kinds = {m.text[:6]: m.kind for m in split_measures(QA)}
    assert kinds["答：A类人才"] == "measure"
    assert kinds["答：人才住房"] == "measure"
    assert kinds["答：在本市依"] != "measure"      # conditions stay criteria
    assert kinds["答：家政服务"] != "measure"      # background grants nothing
