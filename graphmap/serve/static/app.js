// graphmap serve: search suggestions as you type. Data reaches the page only as text.
(function () {
  "use strict";
  function setup(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) { return; }
    var timer = null, seq = 0, active = -1;
    function clear() { list.textContent = ""; list.hidden = true; active = -1; }
    function show(items) {
      list.textContent = "";
      active = -1;
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.label;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = item.kind;
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }
    function fetchNow() {
      var q = input.value.trim();
      if (q.length < 2) { clear(); return; }
      var mine = ++seq;
      var url = input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q) +
        "&lang=" + encodeURIComponent(input.getAttribute("data-lang") || "sv");
      fetch(url, { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (mine === seq) { show(data.results || []); } })
        .catch(function () { if (mine === seq) { clear(); } });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchNow, 120);
    });
    input.addEventListener("keydown", function (ev) {
      var links = list.querySelectorAll("a");
      if (!links.length) { return; }
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (active >= 0) { links[active].classList.remove("active"); }
        active = (active + (ev.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
        links[active].classList.add("active");
      } else if (ev.key === "Enter" && active >= 0) {
        ev.preventDefault();
        window.location.assign(links[active].href);
      } else if (ev.key === "Escape") {
        clear();
      }
    });
    document.addEventListener("click", function (ev) {
      if (ev.target !== input && !list.contains(ev.target)) { list.hidden = true; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), setup);
  });
})();

// graphmap serve, map page: the map's view (filters, focus, zoom …) is kept in this page's
// address too, so that a copied link of /karta opens the same view.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var frame = document.querySelector("iframe.fullmap");
    if (!frame) { return; }
    var base = frame.getAttribute("src").split("#")[0];
    if (window.location.hash.length > 1) { frame.setAttribute("src", base + window.location.hash); }
    window.addEventListener("message", function (ev) {
      if (ev.source !== frame.contentWindow || ev.origin !== window.location.origin) { return; }
      var view = ev.data && typeof ev.data.graphmapView === "string" ? ev.data.graphmapView : null;
      if (view === null || view.length > 20000) { return; }
      window.history.replaceState(null, "", window.location.pathname + window.location.search + "#" + view);
      var link = document.querySelector("a[data-map-link]");
      if (link) { link.setAttribute("href", base + "#" + view); }
    });
  });
})();
