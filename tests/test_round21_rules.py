"""Rules added in round 21. Cases are written here from the spec, not copied from gold pages."""
from __future__ import annotations

from zhengce.pipeline import process_bytes


def starts(text: str) -> list[tuple[str, str]]:
    ex = process_bytes(text.encode(), "p.txt")
    t = ex.document.text
    return [(m.kind, t[m.start:m.start + 8]) for m in ex.measures]


# ------------------------------------------------------------------ measures: a speaker, then what a body will do

NEWS = ("本报讯 记者从县农业农村局获悉，今年全县玉米种植补贴标准为每亩80元，将于7月底前发放到户。\n"
        "补贴资金由县财政局直接拨付。该局相关负责人表示，下一步将组织技术人员深入乡镇开展政策宣讲。\n")


def test_what_a_body_will_do_after_its_speaker_starts_a_provision_of_its_own():
    got = starts(NEWS)
    assert ("measure", "下一步将组织技术") in got          # the provision starts after 该局相关负责人表示,
    assert not any(k == "measure" and s.startswith("该局相关") for k, s in got)


def test_a_target_after_its_speaker_is_a_goal():
    got = starts(NEWS.replace("下一步将组织技术人员深入乡镇开展政策宣讲", "到2025年，全县高标准农田将达到50万亩"))
    assert ("goal", "到2025年，全") in got


def test_a_report_after_a_speaker_stays_news():
    got = starts(NEWS.replace("下一步将组织技术人员深入乡镇开展政策宣讲", "去年全县累计发放补贴1.2亿元"))
    assert not any(s.startswith("去年全县") and k == "measure" for k, s in got)
