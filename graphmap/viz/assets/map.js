/* graphmap level map: filters, search, legend and details panel.
 * All data is untrusted: it reaches the DOM only through textContent,
 * element values and vis-network's plain-string titles (never innerHTML). */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("graphmap-data").textContent);
  var S = D.strings, actors = D.actors;
  var FILTER_KINDS = ["area", "level", "county", "type"];
  var filters = { area: "", level: "", county: "", type: "" };
  var hidden = Object.create(null);
  var allIds = D.nodes.map(function (n) { return n.id; });
  var labelOf = Object.create(null);
  D.nodes.forEach(function (n) { labelOf[n.id] = n.label; });

  function $(id) { return document.getElementById(id); }
  function str(key, vars) {
    var s = String(S[key] == null ? key : S[key]);
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(vars[k])); });
    return s;
  }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function fold(s) { return String(s || "").normalize("NFC").toLocaleLowerCase("sv").trim(); }

  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = $("gm-canvas");
  container.setAttribute("aria-label", str("graph"));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);

  /* ---- static texts ---- */
  [["gm-search-label", "search"], ["gm-search-button", "search_button"], ["gm-filters-title", "filters"],
   ["gm-reset", "reset"], ["gm-legend-title", "legend"], ["gm-legend-nodes-title", "node_types"],
   ["gm-legend-edges-title", "edge_kinds"], ["gm-details-title", "details"], ["gm-details-empty", "none_selected"]]
    .forEach(function (p) { $(p[0]).textContent = str(p[1]); });
  $("gm-search-input").setAttribute("placeholder", str("search_placeholder"));

  /* ---- filters ---- */
  var selects = {};
  FILTER_KINDS.forEach(function (kind) {
    var id = "gm-filter-" + kind;
    var sel = el("select", null, { id: id, "data-testid": "filter-" + kind });
    sel.appendChild(el("option", str("all"), { value: "" }));
    (D.filters[kind] || []).forEach(function (kv) { sel.appendChild(el("option", kv[1], { value: kv[0] })); });
    sel.addEventListener("change", function () { setFilter(kind, sel.value); });
    $("gm-filter-fields").appendChild(el("label", str(kind), { "for": id }));
    $("gm-filter-fields").appendChild(sel);
    selects[kind] = sel;
  });

  function matches(id) {
    var a = actors[id];
    return (!filters.area || a.areas.indexOf(filters.area) >= 0) &&
      (!filters.level || a.level === filters.level) &&
      (!filters.county || a.county === filters.county) &&
      (!filters.type || a.type === filters.type);
  }

  function applyFilters() {
    var nodeChanges = [], edgeChanges = [];
    allIds.forEach(function (id) {
      var h = !matches(id);
      if (!!hidden[id] !== h) { hidden[id] = h; nodeChanges.push({ id: id, hidden: h }); }
    });
    edges.forEach(function (e) {
      var h = !!(hidden[e.from] || hidden[e.to]);
      if (!!e.hidden !== h) edgeChanges.push({ id: e.id, hidden: h });
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    var sel = network.getSelectedNodes();
    if (sel.length && hidden[sel[0]]) { network.unselectAll(); showDetails(null); }
    updateStatus();
    return visibleNodeIds();
  }

  function setFilter(kind, value) {
    if (FILTER_KINDS.indexOf(kind) < 0) throw new Error("unknown filter: " + kind);
    filters[kind] = value == null ? "" : String(value);
    if (selects[kind].value !== filters[kind]) selects[kind].value = filters[kind];
    return applyFilters();
  }

  function resetFilters() {
    FILTER_KINDS.forEach(function (k) { filters[k] = ""; selects[k].value = ""; });
    return applyFilters();
  }
  $("gm-reset").addEventListener("click", resetFilters);

  function visibleNodeIds() { return allIds.filter(function (id) { return !hidden[id]; }).sort(); }
  function drawnNodeIds() {
    return network.body.nodeIndices.filter(function (id) {
      return network.body.nodes[id].options.hidden !== true;
    }).sort();
  }
  function updateStatus() {
    $("gm-visible").textContent = str("visible", { shown: visibleNodeIds().length, total: allIds.length });
  }

  /* ---- search ---- */
  var names = $("gm-actor-names");
  allIds.map(function (id) { return labelOf[id]; }).sort().forEach(function (l) {
    names.appendChild(el("option", null, { value: l }));
  });

  function search(text) {
    var q = fold(text), best = null, bestRank = 9;
    if (!q) { $("gm-search-status").textContent = ""; return null; }
    allIds.forEach(function (id) {
      if (hidden[id]) return;
      var l = fold(labelOf[id]), rank = l === q ? 0 : l.indexOf(q) === 0 ? 1 :
        (" " + l).indexOf(" " + q) >= 0 ? 2 : l.indexOf(q) >= 0 ? 3 : 9;
      if (rank < bestRank || (rank === bestRank && rank < 9 && labelOf[id].localeCompare(labelOf[best], "sv") < 0)) {
        best = id; bestRank = rank;
      }
    });
    if (best === null) { $("gm-search-status").textContent = str("no_match", { q: String(text) }); return null; }
    select(best);
    $("gm-search-status").textContent = str("match", { label: labelOf[best] });
    return best;
  }
  function runSearch() { search($("gm-search-input").value); }
  $("gm-search-button").addEventListener("click", runSearch);
  $("gm-search-input").addEventListener("keydown", function (ev) { if (ev.key === "Enter") runSearch(); });

  function select(id) {
    if (!(id in actors) || hidden[id]) return false;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
    return true;
  }

  /* ---- details panel ---- */
  function addField(dl, key, value) {
    var dd = el("dd");
    if (Array.isArray(value)) {
      if (!value.length) dd.textContent = str("none");
      else {
        var ul = el("ul");
        value.forEach(function (v) { ul.appendChild(v instanceof Node ? v : el("li", v)); });
        dd.appendChild(ul);
      }
    } else dd.textContent = value || str("none");
    dl.appendChild(el("dt", str(key)));
    dl.appendChild(dd);
  }

  function connections(id) {
    return D.links.filter(function (l) { return l[0] === id || l[1] === id; }).map(function (l) {
      var other = l[0] === id ? l[1] : l[0];
      var li = el("li"), b = el("button", labelOf[other], { type: "button", "class": "gm-link" });
      li.appendChild(document.createTextNode(l[0] === id ? l[2] + ": " : "\u2190 " + l[2] + ": "));
      b.addEventListener("click", function () { select(other); });
      li.appendChild(b);
      return li;
    });
  }

  function showDetails(id) {
    var body = $("gm-details-body"), dl = $("gm-detail-fields");
    dl.textContent = "";
    body.hidden = id == null;
    $("gm-details-empty").hidden = id != null;
    container.dataset.selected = id == null ? "" : id;
    if (id == null) return;
    var a = actors[id];
    $("gm-detail-label").textContent = a.label;
    addField(dl, "type", a.type_labels ? a.type_labels.join(", ") : (a.type_label || a.type));
    addField(dl, "level", a.level_label || a.level);
    addField(dl, "county", a.county_label || a.county);
    addField(dl, "areas", a.area_labels);
    addField(dl, "support", a.support);
    addField(dl, "sources", a.sources);
    addField(dl, "confidence", (D.confidence[a.confidence] || a.confidence));
    if (a.people) addField(dl, "people", a.people);
    addField(dl, "identifier", id);
    addField(dl, "connections", connections(id));
  }
  network.on("selectNode", function (p) { showDetails(p.nodes[0]); });
  network.on("deselectNode", function (p) { if (!p.nodes.length) showDetails(null); });

  /* ---- legend ---- */
  var SVG = "http://www.w3.org/2000/svg";
  function svg(w, h) { var s = document.createElementNS(SVG, "svg"); s.setAttribute("width", w); s.setAttribute("height", h); s.setAttribute("aria-hidden", "true"); return s; }
  function shapeEl(shape, colour) {
    var pts = { diamond: "9,1 17,9 9,17 1,9", triangle: "9,1 17,16 1,16", triangleDown: "1,2 17,2 9,17",
      hexagon: "5,1 13,1 17,9 13,17 5,17 1,9", star: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7" }[shape];
    var e;
    if (pts) { e = document.createElementNS(SVG, "polygon"); e.setAttribute("points", pts); }
    else if (shape === "square") { e = document.createElementNS(SVG, "rect"); ["x", "y"].forEach(function (k) { e.setAttribute(k, "2"); }); e.setAttribute("width", "14"); e.setAttribute("height", "14"); }
    else { e = document.createElementNS(SVG, "circle"); e.setAttribute("cx", "9"); e.setAttribute("cy", "9"); e.setAttribute("r", "7"); }
    e.setAttribute("fill", colour);
    var s = svg(18, 18); s.appendChild(e); return s;
  }
  D.legend.nodes.forEach(function (it) {
    var li = el("li"); li.appendChild(shapeEl(it.shape, it.color)); li.appendChild(el("span", it.label));
    $("gm-legend-nodes").appendChild(li);
  });
  D.legend.edges.forEach(function (it) {
    var s = svg(36, 12), line = document.createElementNS(SVG, "line");
    [["x1", 1], ["y1", 6], ["x2", it.arrow ? 28 : 35], ["y2", 6], ["stroke", it.color], ["stroke-width", it.width + 0.5]]
      .forEach(function (kv) { line.setAttribute(kv[0], kv[1]); });
    if (it.dashes.length) line.setAttribute("stroke-dasharray", it.dashes.join(" "));
    s.appendChild(line);
    if (it.arrow) { var p = document.createElementNS(SVG, "polygon"); p.setAttribute("points", "28,1 35,6 28,11"); p.setAttribute("fill", it.color); s.appendChild(p); }
    var li = el("li"); li.appendChild(s); li.appendChild(el("span", it.label));
    $("gm-legend-edges").appendChild(li);
  });

  /* ---- level bands and county headings: bands under the graph in graph
   * coordinates, level names on top of it pinned to the left edge ---- */
  network.on("beforeDrawing", function (ctx) {
    var L = D.layout;
    ctx.save();
    L.bands.forEach(function (b, i) {
      ctx.fillStyle = i % 2 ? "#f3f6fa" : "#eaf0f7";
      ctx.fillRect(L.left - 100000, b.top - 70, 200000 + L.right - L.left, b.bottom - b.top + 140);
    });
    var first = L.bands.filter(function (b) { return b.band !== "nationell"; })[0];
    if (first) {
      ctx.font = "bold 18px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.fillStyle = "#334e68";
      L.columns.forEach(function (c) { ctx.fillText(c.label, c.x, first.top - 45); });
    }
    ctx.restore();
  });
  network.on("afterDrawing", function (ctx) {
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = "bold 13px system-ui, sans-serif"; ctx.textBaseline = "top"; ctx.textAlign = "left";
    var lastY = -Infinity;
    D.layout.bands.forEach(function (b) {
      var y = network.canvasToDOM({ x: 0, y: b.top - 65 }).y, w = ctx.measureText(b.label).width;
      if (y < lastY + 22) return;
      lastY = y;
      ctx.fillStyle = "rgba(29,53,87,0.85)"; ctx.fillRect(6, y, w + 12, 20);
      ctx.fillStyle = "#ffffff"; ctx.fillText(b.label, 12, y + 4);
    });
    ctx.restore();
  });

  var ready = false;
  network.once("afterDrawing", function () {
    ready = true;
    document.body.setAttribute("data-ready", "true");
  });

  updateStatus();
  showDetails(null);
  network.fit({ animation: false });

  window.graphmap = {
    network: network, nodes: nodes, edges: edges, actors: actors,
    visibleNodeIds: visibleNodeIds, drawnNodeIds: drawnNodeIds, setFilter: setFilter,
    resetFilters: resetFilters, search: search, select: select,
    filters: function () { return Object.assign({}, filters); },
    isReady: function () { return ready; }
  };
})();
