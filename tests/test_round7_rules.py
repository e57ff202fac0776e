"""Rules added in round 7: pages of questions with short answer lines (一图读懂, 问答), target years that
lead their sentence, dates sharing one 前, bodies that 做好 a task. Cases are written here from the spec,
not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.extract import extract_text
from zhengce.nlp.units import document_units

GRAPHIC = (
    "一图读懂｜某某市2024年家电以旧换新补贴活动\n"
    "▶ 一共发多少钱？\n"
    "市、区两级财政共投入2000万元，分两期发放\n"
    "第一期：1200万元\n"
    "第二期：800万元\n"
    "▶ 市民怎么领？\n"
    "打开“某某办”APP，搜索“以旧换新”进入领取页面\n"
    "每人限领1次\n"
    "领取后7日内有效\n"
    "▶ 资金怎么结算？\n"
    "补贴资金由各区财政局在核销后10日内结算至商户账户\n"
    "▶ 特别提醒\n"
    "严禁商户虚构交易套取补贴，一经查实取消参与资格\n"
    "市商务局将会同市市场监管局开展随机抽查\n"
    "咨询电话：0771-1234567\n")


def items(text):
    return [(m.kind, m.text) for m in extract_text(text)]


def test_short_answer_lines_under_questions_are_kept():
    got = items(GRAPHIC)
    texts = [t for _, t in got]
    # every answer line is in an item (they were dropped as page furniture: short, no full stop)
    for line in ("第一期：1200万元", "第二期：800万元", "每人限领1次", "领取后7日内有效",
                 "市商务局将会同市市场监管局开展随机抽查"):
        assert any(line in t for t in texts), line
    kinds = dict((t, k) for k, t in got)
    assert kinds["▶ 一共发多少钱？"] == "heading"
    assert kinds["▶ 特别提醒"] == "heading"          # bulleted like the questions
    assert kinds["第一期：1200万元"] == "measure"
    amounts = [a.text for m in extract_text(GRAPHIC) for a in m.amounts]
    assert {"1200万元", "800万元"} <= set(amounts)


def test_answer_lines_give_their_units():
    ms = extract_text(GRAPHIC, level_prefix="市")
    units = {u.text: u.role for m in ms for u in m.units}
    assert units.get("各区财政局") == "funder"


def test_one_question_is_no_question_page():
    # a single question line heads nothing, and the furniture after it stays dropped
    text = "某某市消费券活动\n对参加活动的商户给予每笔交易5元补贴。\n怎么领？\n网站首页\n网站地图\n"
    assert items(text) == [("measure", "对参加活动的商户给予每笔交易5元补贴。"), ("other", "怎么领？")]


def test_leading_target_year_is_a_deadline():
    got = find_deadlines("2025年，全市外贸进出口力争实现正增长，出口总额达到500亿元。", issue_date="2025-01-16")
    assert [(d.text, d.kind, d.date) for d in got] == [("2025年", "by", "2025-12-31")]
    got = find_deadlines("2026年，计划新增养老床位1000张。", issue_date="2025-01-16")
    assert [(d.kind, d.date) for d in got] == [("by", "2026-12-31")]


def test_leading_year_of_a_report_stays_no_deadline():
    assert find_deadlines("2023年，全市累计发放消费券8000万元。", issue_date="2024-03-08") == []
    assert find_deadlines("2024年,全县已实现全覆盖。", issue_date="2024-03-08") == []


def test_dates_sharing_one_before_are_each_a_deadline():
    got = find_deadlines("各牵头单位要于6月25日、12月10日前分别将工作进展报县农业农村局。", issue_date="2024-03-08")
    assert [(d.text, d.kind, d.date) for d in got] == [("6月25日", "by", "2024-06-25"),
                                                       ("12月10日前", "by", "2024-12-10")]
    got = find_deadlines("于3月10日、6月10日和9月10日前报送。", issue_date="2024-01-05")
    assert [d.date for d in got] == ["2024-03-10", "2024-06-10", "2024-09-10"]


def test_bodies_that_do_a_task_well_implement_it():
    text = "县交通运输局、县公安局交警大队按职责做好保障。"
    ms = extract_text(text, level_prefix="县")
    got = document_units(text, [u for m in ms for u in m.units], level_prefix="县")
    assert [(u.text, u.role) for u in got] == [("县交通运输局", "administrator"), ("县公安局交警大队", "administrator")]
