"""Round 23: small readings found while checking date forms from the spec."""
from __future__ import annotations

import pytest

from zhengce.nlp.deadlines import find_deadlines

PAD = "为进一步促进消费，激发市场活力，推动经济社会高质量发展。"


@pytest.mark.parametrize("sentence, issue, want", [
    ("从即日起到年底，购房可享受补贴。", "2024-03-01", ("span", "2024-03-01", "2024-12-31")),
    ("即日起至年末，市民可领取消费券。", "2023-05-20", ("span", "2023-05-20", "2023-12-31")),
    ("即日起至年底，购房可享受补贴。", None, ("span", None, None)),      # no date of its own: nothing guessed
])
def test_from_today_to_the_years_end_is_a_span_of_the_documents_year(sentence, issue, want):
    text = PAD + sentence
    got = [(d.kind, d.start_date, d.end_date) for d in find_deadlines(text, 0, len(text), issue_date=issue)
           if d.start >= len(PAD)]
    assert got == [want]


@pytest.mark.parametrize("signer", ["湖北省农业农村厅办公室", "上海市科学技术委员会办公室", "市农业农村局办公室"])
def test_a_departments_general_office_signing_a_notice_is_named_whole(signer):
    from zhengce.pipeline import process_bytes
    text = ("关于做好2024年农机购置补贴工作的通知\n各市、州农业农村局：\n为做好农机购置补贴工作，现将有关事项通知如下。\n"
            "一、对购置农机具的农户，按规定给予补贴。\n二、请于2024年5月31日前报送实施方案。\n特此通知。\n\n"
            f"{signer}\n2024年3月5日\n")
    ex = process_bytes(text.encode(), "notice.txt")
    assert (signer, "issuer") in [(u.name, u.role) for u in ex.units]


def test_a_governments_general_office_stays_out():
    from zhengce.nlp.units import find_units
    text = "实施方案报市政府办公室备案，由市科技局负责组织实施。"
    assert [u.name for u in find_units(text, 0, len(text))] == ["市科技局"]


def test_a_signature_run_onto_the_last_sentence_still_signs():
    from zhengce.pipeline import process_bytes
    body = ("关于做好2024年度科技补贴申报工作的通知\n各区科委、各有关单位：\n为支持科技型中小企业发展，现将有关事项通知如下。\n"
            "一、对新认定的高新技术企业，给予一次性奖励20万元。\n二、申报材料于2024年5月31日前报送区科委。\n")
    signed = process_bytes((body + "特此通知。上海市科学技术委员会 2024年3月5日\n").encode(), "a.txt")
    assert ("上海市科学技术委员会", "issuer") in [(u.name, u.role) for u in signed.units]
    # a sentence that names a body after a stop, with no day after it, signs nothing
    plain = process_bytes((body + "特此通知。市科技局负责解释。\n").encode(), "b.txt")
    assert ("市科技局", "issuer") not in [(u.name, u.role) for u in plain.units]
