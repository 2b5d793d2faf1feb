// Keyboard shortcuts on a review page: j/k move between findings, a/r accept or reject
// the finding in focus. Plain forms do the work; this only saves reaching for the mouse.
(function () {
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var at = -1;
  function focus(i) {
    if (!findings.length) return;
    at = (i + findings.length) % findings.length;
    var node = findings[at];
    node.focus();
    node.scrollIntoView({ block: "nearest" });
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var first = null;
    document.querySelectorAll("mark[data-findings]").forEach(function (m) {
      if (m.dataset.findings.split(" ").indexOf(node.dataset.id) >= 0) {
        m.classList.add("current");
        first = first || m;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }
  // After a decision the page comes back at the finding decided ("#finding-144"): start
  // from there, so that "j a j a" walks on through the findings instead of back to the first.
  var back = /^#finding-(\d+)$/.exec(window.location.hash);
  if (back) {
    findings.forEach(function (node, i) { if (node.dataset.id === back[1]) at = i; });
    if (at >= 0) focus(at);
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    // Enter in a decision's reason box would press the form's first button (Accept): a
    // reviewer writing why they reject must choose the button themselves.
    if (event.key === "Enter" && tag === "input" && event.target.closest("form.decide")) {
      event.preventDefault();
      return;
    }
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j") { focus(at + 1); event.preventDefault(); }
    else if (event.key === "k") { focus(at - 1); event.preventDefault(); }
    else if ((event.key === "a" || event.key === "r") && at >= 0) {
      var button = findings[at].querySelector('button[data-key="' + event.key + '"]');
      if (button) { button.click(); event.preventDefault(); }
    }
  });
  // Says the keys are live: a page is usable by mouse before this script arrives, and
  // anything driving the page (a browser test, an accessibility tool) can wait for it.
  document.documentElement.dataset.keys = "on";
})();
