// Progressive enhancement: title suggestions under the kennisbank search box.
// The form works without this script; links are plain anchors reachable by Tab.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete]");
  if (!input || !window.fetch) { return; }
  var list = document.createElement("ul");
  list.className = "kb-autocomplete";
  list.id = "kb-autocomplete";
  list.hidden = true;
  list.setAttribute("aria-label", "Suggesties");
  input.parentNode.parentNode.appendChild(list);
  var timer = null;
  var controller = null;
  function clear() { list.innerHTML = ""; list.hidden = true; }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { clear(); return; }
    timer = setTimeout(function () {
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(input.dataset.autocomplete + "?q=" + encodeURIComponent(q), { signal: controller.signal })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          clear();
          data.results.forEach(function (item) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = item.url;
            a.textContent = item.title;
            li.appendChild(a);
            list.appendChild(li);
          });
          list.hidden = data.results.length === 0;
        })
        .catch(function () { /* aborted or offline: the form still works */ });
    }, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); }
  });
})();
