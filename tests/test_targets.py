"""Quantitative targets: quantity in base units, unit, comparator, year, subject; narrative left out.

Snippets are short quotes from the bundled seeds and the dev corpus (cited by file).
"""
from __future__ import annotations

import pytest

from zhengce.nlp.targets import find_targets


def targets(text: str, issue_date: str | None = None):
    out = find_targets(text, issue_date=issue_date)
    for t in out:
        assert text[t.start:t.end] == t.text
    return out


def test_nanning_goal_sentence():
    text = ("至2020年底,全市建成众创空间10家以上,新增科技型中小微企业1000家以上,"
            "每万人有效发明专利拥有量达到8件,企业孵化载体达25家。")                  # seed 001
    got = [(t.quantity, t.unit, t.comparator, t.year, t.subject) for t in targets(text)]
    assert got == [
        (10, "家", ">=", 2020, "众创空间"),
        (1000, "家", ">=", 2020, "科技型中小微企业"),
        (8, "件", ">=", 2020, "每万人有效发明专利拥有量"),
        (25, "家", ">=", 2020, "企业孵化载体"),
    ]
    assert targets(text)[0].text == "全市建成众创空间10家以上"


def test_share_targets_and_percentage_points():
    text = ("本区域重点建设项目中高新技术及战略性新兴产业项目占比达到60%以上,"
            "规模以上高新技术产业增加值占工业的比重每年提升1个百分点。")               # seed 002
    got = [(t.quantity, t.unit, t.comparator) for t in targets(text)]
    assert got == [(60, "%", ">="), (1, "个百分点", "=")]


def test_list_items_each_become_a_target():
    text = "到2023年,全区培育科技型中小企业1000家、高新技术企业600家、研发机构200家。"   # dev-005
    got = [(t.text, t.quantity, t.year) for t in targets(text)]
    assert got == [("全区培育科技型中小企业1000家", 1000, 2023), ("高新技术企业600家", 600, 2023),
                   ("研发机构200家", 200, 2023)]


def test_list_continues_previous_verb():
    text = "建设1个以上国家级、省级工程(技术)研究中心等创新平台,1个以上较高水平的科技成果转化基地。"  # seed 002
    assert [(t.quantity, t.comparator) for t in targets(text)] == [(1, ">="), (1, ">=")]


def test_scaled_quantities_and_money_targets():
    text = "到2030年,年技术合同成交额突破100亿元,临沂市计划每年新增个体工商户4万户。"
    got = [(t.quantity, t.unit, t.comparator) for t in targets(text)]
    assert got == [(1e10, "元", ">"), (40000, "户", "=")]


def test_about_and_range():
    text = "到2025年,上市企业3家左右,力争培育8—10个百亿企业。"                       # dev-053, dev-030
    got = [(t.quantity, t.comparator) for t in targets(text)]
    assert got == [(3, "~"), (8, ">=")]


def test_year_inferred_from_this_year():
    [t] = targets("年内新增科技型企业100家以上", issue_date="2016-06-13")
    assert t.year == 2016


@pytest.mark.parametrize("text", [
    "截至2022年底,全省建成各类双创平台997家",                          # dev-055 (statistic)
    "全市已建有众创空间12家",
    "孵化高新技术企业占全市总数的14%以上",
    "带动100人以上就业的,给与10万元资助",                               # dev-016 (condition)
    "主要评价是否建设1家以上国家级研发创新平台",                         # seed 002 (criterion)
    "按首台(套)产品销售价格的50%予以奖励",                             # subsidy ratio
    "对单户企业奖励金额最高200万元",                                    # grant
    "《中共青岛市委关于加快建设创业城市的十条意见》",
    "打造一批创业社区",
    "明确激活资源、集聚要素、强化保障、营造环境四项任务",                  # dev-025
])
def test_not_targets(text):
    assert find_targets(text) == []


def test_seed_qinghai_goals(seed_path):
    from zhengce.ingest.script import t2s
    text = t2s(seed_path("qinghai").read_text(encoding="utf-8"))
    got = {(t.quantity, t.unit, t.year) for t in targets(text)}
    assert {(50, "家", 2020), (2000, "人", 2020)} <= got
