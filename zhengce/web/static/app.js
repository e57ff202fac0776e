// Document view: a link like /doc/ID#a-120-131 (an extracted item) or #m-100-300 (a measure)
// highlights the sentence(s) its span lies in and scrolls them into view.
(function () {
  "use strict";
  function focusSpan() {
    var m = /^#([am])-(\d+)-(\d+)$/.exec(window.location.hash);
    var body = document.getElementById("body");
    if (!body) return;
    body.querySelectorAll(".s.focus").forEach(function (el) { el.classList.remove("focus"); });
    if (!m) return;
    var s = parseInt(m[2], 10), e = parseInt(m[3], 10), first = null;
    body.querySelectorAll(".s").forEach(function (el) {
      var a = parseInt(el.dataset.s, 10), b = parseInt(el.dataset.e, 10);
      if (a < e && s < b) { el.classList.add("focus"); if (!first) first = el; }
    });
    var target = document.getElementById(m[1] + "-" + m[2] + "-" + m[3]) || first;
    if (target) target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", focusSpan);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusSpan);
  else focusSpan();
  // the browser's own jump to the fragment (and late fonts) can move the text: centre it again once loaded
  window.addEventListener("load", function () { window.requestAnimationFrame(focusSpan); });
})();
