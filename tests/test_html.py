"""HTML -> lines: chrome elements dropped, block structure and table rows kept, meta read."""
from __future__ import annotations

import json

from conftest import FIXTURES
from zhengce.ingest.decode import decode_bytes
from zhengce.ingest.html import html_to_lines

EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _lines(name: str) -> tuple[list[str], dict]:
    return html_to_lines(decode_bytes((FIXTURES / name).read_bytes(), name).text)


def test_gbk_page_lines_and_cms_meta():
    lines, meta = _lines("gbk_notice.html")
    for para in EXPECTED["gbk_notice.html"]["body"]:
        assert para in lines
    assert meta["ArticleTitle"].startswith("柳州市人民政府办公室关于印发")
    assert meta["PubDate"] == "2019-05-20 09:30"
    assert meta["ContentSource"] == "柳州市人民政府办公室"
    assert meta["title"].endswith("柳州市人民政府门户网站")
    text = "\n".join(lines)
    # dropped as elements: script, style, nav/breadcrumb/share/footer by class or id
    for chrome in ("统计代码", "float:left", "网站首页", "当前位置", "分享到", "网站标识码", "ICP备"):
        assert chrome not in text, chrome


def test_table_layout_page_keeps_rows_and_paragraphs_apart():
    lines, _ = _lines("table_layout.html")
    body = EXPECTED["table_layout.html"]["body"]
    for para in body:
        assert para in lines, para
    # the data table keeps one line per row with cells separated
    assert "1 | 市级科技企业孵化器申报书 | 3" in lines
    # the page did not collapse: every body paragraph is its own line
    assert len(lines) >= len(body)
    assert max(len(x) for x in lines) < 200


def test_comment_box_and_related_list_dropped_by_markup():
    lines, meta = _lines("comments_related.html")
    text = "\n".join(lines)
    for chrome in ("网友评论", "这个政策好", "相关新闻", "2021-04-02", "2021-06-18", "上一篇"):
        assert chrome not in text
    assert meta["keywords"] == "大学生创业,创业补贴"


def test_inline_markup_and_breaks():
    html = ("<html><body><div class='TRS_Editor'><p>第一条<b>为了</b>规范<span>管理</span>,制定本办法。</p>"
            "第二条 本办法适用于<br>全市<br/>各级单位。<!-- 注释 -->结束"
            "<ul><li>甲</li><li>乙</li></ul></div></body></html>")
    lines, _ = html_to_lines(html)
    assert lines == ["第一条为了规范管理,制定本办法。", "第二条 本办法适用于", "全市", "各级单位。结束", "甲", "乙"]


def test_hidden_and_class_chrome_but_body_guard():
    filler = "对新认定的科技企业孵化器给予一次性奖励。" * 20
    html = (f"<html><body><div class='main has-sidebar'><p>{filler}</p></div>"
            "<div class='sidebar'><p>热点新闻一</p></div>"
            "<div style='display:none'>隐藏内容</div><div id='breadcrumb'>首页 > 通知</div></body></html>")
    lines, _ = html_to_lines(html)
    # the element holding most of the text is kept although a class token says sidebar
    assert lines == [filler]


def test_degenerate_inputs():
    assert html_to_lines("") == ([], {})
    assert html_to_lines("   \n ") == ([], {})
    lines, _ = html_to_lines("<?xml version='1.0' encoding='utf-8'?><html><body><p>正文</p></body></html>")
    assert lines == ["正文"]
    lines, _ = html_to_lines("<p>未闭合<div>段落")
    assert lines == ["未闭合", "段落"]


def test_pre_keeps_its_lines():
    lines, _ = html_to_lines("<html><body><pre>一、总体要求\n  二、主要任务\n</pre></body></html>")
    assert lines == ["一、总体要求", "二、主要任务"]


def test_aspnet_form_wrapper_and_article_header_kept():
    filler = "对新认定的科技企业孵化器给予一次性奖励。" * 20
    html = ("<html><body><form id='aspnetForm' method='post'><header class='site'>网站首页</header>"
            "<article><header><h1>关于印发某某办法的通知</h1></header>"
            f"<p>{filler}</p></article><form class='search'><input>站内搜索</form></form></body></html>")
    lines, _ = html_to_lines(html)
    assert lines == ["关于印发某某办法的通知", filler]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TAGS = ["p", "div", "td", "tr", "table", "br", "span", "li", "ul", "nav", "script", "b", "form", "header"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
                          st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
                          st.sampled_from(["<!-- x -->", "&nbsp;", "&gt;", "<", ">", "<p class='share'>"]),
                          st.text(max_size=20)), max_size=40))
def test_any_markup_gives_clean_lines(parts):
    lines, meta = html_to_lines("".join(parts))
    assert isinstance(meta, dict)
    for line in lines:
        assert line and line == line.strip() and line.splitlines() == [line]
