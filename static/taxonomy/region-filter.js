// Adds a filter box above each long region list in the CMS: typing hides the options
// (and groups) that do not match. Without this script the full, grouped list remains.
(function () {
  "use strict";
  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function enhance(select) {
    if (select.dataset.regionFilterReady) return;
    select.dataset.regionFilterReady = "1";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter op naam of CBS-code";
    input.setAttribute("aria-label", "Regio's filteren");
    input.setAttribute("aria-controls", select.id);
    input.className = "region-select__filter";
    select.parentNode.insertBefore(input, select);
    input.addEventListener("input", function () {
      var term = normalise(input.value.trim());
      select.querySelectorAll("optgroup").forEach(function (group) {
        var visible = 0;
        group.querySelectorAll("option").forEach(function (option) {
          var hit = !term || option.selected ||
            normalise(option.textContent + " " + (option.dataset.code || "")).indexOf(term) !== -1;
          option.hidden = !hit;
          if (hit) visible += 1;
        });
        group.hidden = visible === 0;
      });
    });
  }
  function init() {
    document.querySelectorAll("select[data-region-filter]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // Wagtail inserts panels later (e.g. in inline forms); enhance those too.
  new MutationObserver(init).observe(document.documentElement, { childList: true, subtree: true });
})();
