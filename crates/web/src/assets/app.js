// wiretrace viewer script. The server filters on its side, so pages work without it; in the
// self-contained report it filters the story list in the browser (facets, search, single articles).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var table = document.querySelector("table[data-client-filter]");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var search = document.getElementById("report-search");
  var all = document.getElementById("report-all");
  var count = document.getElementById("report-count");
  var chosen = { outlet: null, language: null, date: null };

  function has(row, attr, value) {
    return (row.getAttribute(attr) || "").split("\u001f").indexOf(value) >= 0;
  }
  function inPeriod(row, p) {
    var f = (row.getAttribute("data-first") || "").slice(0, p.length);
    var l = (row.getAttribute("data-last") || "").slice(0, p.length);
    return f !== "" && f <= p && l >= p;
  }
  function apply() {
    var words = (search.value || "").toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search") || "";
      var ok = (all.checked || Number(row.getAttribute("data-size")) > 1) &&
        (!chosen.outlet || has(row, "data-outlets", chosen.outlet)) &&
        (!chosen.language || has(row, "data-languages", chosen.language)) &&
        (!chosen.date || inPeriod(row, chosen.date)) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = String(shown);
  }
  document.querySelectorAll(".facets button[data-facet]").forEach(function (b) {
    b.addEventListener("click", function () {
      var facet = b.getAttribute("data-facet");
      var value = b.getAttribute("data-value");
      chosen[facet] = chosen[facet] === value ? null : value;
      document.querySelectorAll('.facets button[data-facet="' + facet + '"]').forEach(function (o) {
        o.classList.toggle("on", chosen[facet] === o.getAttribute("data-value"));
      });
      apply();
    });
  });
  search.addEventListener("input", apply);
  all.addEventListener("change", apply);
});
