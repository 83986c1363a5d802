/* graphmap level map: filters, search, collapsible counties, exploring, the chain answer,
 * view state in the address, and "save as picture".
 * All data is untrusted: it reaches the DOM only through textContent, element values,
 * vis-network's plain-string titles and SVG text nodes (never innerHTML). */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("graphmap-data").textContent);
  var S = D.strings, actors = D.actors, G = D.geometry, IDS = D.ids;
  var FILTER_KINDS = ["area", "level", "county", "type"];
  var allIds = IDS.slice();
  var labelOf = Object.create(null), blockOf = Object.create(null), blockById = Object.create(null);
  var cellOf = Object.create(null);
  D.nodes.forEach(function (n) { labelOf[n.id] = n.label; });
  D.blocks.forEach(function (b) {
    blockById[b.id] = b;
    b.cells.forEach(function (c) { var id = IDS[c[0]]; blockOf[id] = b.id; cellOf[id] = c; });
  });
  var baseNode = Object.create(null);
  D.nodes.forEach(function (n) { baseNode[n.id] = n; });
  var baseEdges = D.edges;
  var adj = Object.create(null);
  allIds.forEach(function (id) { adj[id] = []; });
  baseEdges.forEach(function (e, i) {
    if (adj[e.from]) adj[e.from].push([e.to, i]);
    if (adj[e.to]) adj[e.to].push([e.from, i]);
  });

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
  /* the same folding as graphmap.vocab.ascii_fold: the table is computed by it in Python */
  function fold(s) {
    var out = "";
    String(s || "").normalize("NFC").split("").forEach(function (c) {
      out += D.fold[c] != null ? D.fold[c] : c.toLocaleLowerCase("sv");
    });
    return out.replace(/\s+/g, " ").trim();
  }

  /* ---- state ---- */
  var state = { filters: { area: [], level: [], county: [], type: [] }, collapsed: {}, focus: null,
                chain: null, size: "degree", extra: {} };

  var nodes = new vis.DataSet(D.nodes);
  D.blocks.forEach(function (b) {
    if (!b.collapsible) return;
    nodes.add({ id: b.id, label: b.label, shape: "dot", hidden: true, x: 0, y: 0, size: 22,
                color: { background: "#dfe7f1", border: "#1d3557" }, borderWidth: 2,
                font: { size: 26, face: "system-ui, sans-serif", color: "#1d3557" }, widthConstraint: { maximum: 240 } });
  });
  var edges = new vis.DataSet(baseEdges);
  var container = $("gm-canvas");
  container.setAttribute("aria-label", str("graph"));
  var options = D.options;
  options.nodes.scaling = { min: 10, max: 30, label: { enabled: false } };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  /* ---- static texts ---- */
  [["gm-search-label", "search"], ["gm-search-button", "search_button"], ["gm-filters-title", "filters"],
   ["gm-reset", "reset"], ["gm-legend-title", "legend"], ["gm-legend-nodes-title", "node_types"],
   ["gm-legend-edges-title", "edge_kinds"], ["gm-details-title", "details"], ["gm-details-empty", "none_selected"],
   ["gm-legend-conf-title", "legend_confidence"], ["gm-size-label", "size"], ["gm-collapse-all", "collapse_all"],
   ["gm-expand-all", "expand_all"], ["gm-fit", "fit"], ["gm-save-title", "save"], ["gm-save-png", "save_png"],
   ["gm-save-svg", "save_svg"], ["gm-copy-link", "copy_link"], ["gm-multi-hint", "multi_hint"],
   ["gm-chain-label", "chain_to"], ["gm-expand-neighbours", "expand_neighbours"], ["gm-chain-clear", "chain_clear"]]
    .forEach(function (p) { if ($(p[0])) $(p[0]).textContent = str(p[1]); });
  $("gm-search-input").setAttribute("placeholder", str("search_placeholder"));
  [["degree", "size_degree"], ["betweenness", "size_betweenness"]].forEach(function (p) {
    if (p[0] === "betweenness" && !D.has_betweenness) return;
    $("gm-size").appendChild(el("option", str(p[1]), { value: p[0] }));
  });
  $("gm-size").addEventListener("change", function () { state.size = $("gm-size").value; refresh(); });

  /* ---- filters (several values each) ---- */
  var selects = {};
  FILTER_KINDS.forEach(function (kind) {
    var id = "gm-filter-" + kind;
    var opts = D.filters[kind] || [];
    var sel = el("select", null, { id: id, "data-testid": "filter-" + kind, multiple: "multiple",
                                   size: String(Math.max(2, Math.min(5, opts.length))) });
    opts.forEach(function (kv) { sel.appendChild(el("option", kv[1], { value: kv[0] })); });
    sel.addEventListener("change", function () {
      setFilter(kind, Array.prototype.filter.call(sel.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; }));
    });
    $("gm-filter-fields").appendChild(el("label", str(kind), { "for": id }));
    $("gm-filter-fields").appendChild(sel);
    selects[kind] = sel;
  });

  function matchesKind(id, kind) {
    var want = state.filters[kind], a = actors[id];
    if (!want.length) return true;
    if (kind === "area") return a.areas.some(function (x) { return want.indexOf(x) >= 0; });
    return want.indexOf(a[kind]) >= 0;
  }
  function matchesOthers(id) {
    return matchesKind(id, "area") && matchesKind(id, "level") && matchesKind(id, "type");
  }
  /* A county filter keeps the county's actors and the actors without a county (national ones,
   * networks) that they link to, and who leads those: the county's national context. */
  function visibleSet() {
    var vis = Object.create(null);
    if (!state.filters.county.length) {
      allIds.forEach(function (id) { if (matchesOthers(id)) vis[id] = true; });
    } else {
      var local = allIds.filter(function (id) { return matchesKind(id, "county") && matchesOthers(id); });
      local.forEach(function (id) { vis[id] = true; });
      var context = [];
      local.forEach(function (id) {
        adj[id].forEach(function (p) {
          var o = p[0];
          if (!vis[o] && !actors[o].county && matchesOthers(o)) { vis[o] = true; context.push(o); }
        });
      });
      context.forEach(function (id) {
        adj[id].forEach(function (p) {
          var e = baseEdges[p[1]], o = p[0];
          if (e.kind === "leads" && e.to === id && !vis[o] && !actors[o].county && matchesOthers(o)) vis[o] = true;
        });
      });
    }
    Object.keys(state.extra).forEach(function (id) { if (actors[id]) vis[id] = true; });
    return vis;
  }

  /* ---- layout: the blocks flowed into lines (the same steps as graphmap.viz.layout.flow) ---- */
  function flow(blocks, collapsed) {
    function width(b) { return collapsed[b.id] ? G.sx : b.cols * G.sx; }
    function height(b) {
      if (collapsed[b.id]) return G.sy;
      var bands = Object.keys(b.rows), rows = 0;
      bands.forEach(function (k) { rows += b.rows[k]; });
      return rows * G.sy + (bands.length - 1) * G.band_gap / 2;
    }
    var area = 0, lineMax = 0;
    blocks.forEach(function (b) { area += (width(b) + G.gap) * (height(b) + G.band_gap); });
    lineMax = Math.sqrt(area * G.aspect);
    blocks.forEach(function (b) { lineMax = Math.max(lineMax, width(b)); });
    var lines = [];
    blocks.forEach(function (b) {
      var last = lines[lines.length - 1], used = 0;
      if (last) last.forEach(function (x) { used += width(x) + G.gap; });
      if (!last || last[0].section !== b.section || used + width(b) > lineMax) lines.push([b]);
      else last.push(b);
    });
    var pos = Object.create(null), bands = [], columns = [], y = 0, left = 0, right = 0;
    lines.forEach(function (line) {
      var total = G.gap * (line.length - 1), xs = [], x0;
      line.forEach(function (b) { total += width(b); });
      x0 = -total / 2;
      line.forEach(function (b) { xs.push(x0); x0 += width(b) + G.gap; });
      left = Math.min(left, -total / 2); right = Math.max(right, total / 2);
      var lineBands = line[0].section === "national" ? ["nationell"] : ["regional", "lokal", "other"].filter(function (band) {
        return line.some(function (b) { return b.rows[band] && !collapsed[b.id]; }) ||
          (band === "regional" && line.some(function (b) { return collapsed[b.id]; }));
      });
      var tops = {};
      lineBands.forEach(function (band) {
        var n = 0;
        line.forEach(function (b) {
          n = Math.max(n, collapsed[b.id] ? (band === lineBands[0] ? 1 : 0) : (b.rows[band] || 0));
        });
        tops[band] = y;
        bands.push({ band: band, top: y, bottom: y + (n - 1) * G.sy });
        y += (n - 1) * G.sy + G.band_gap;
      });
      line.forEach(function (b, i) {
        columns.push({ block: b.id, label: b.label, x: xs[i] + (width(b) - G.sx) / 2, y: tops[lineBands[0]] });
        if (collapsed[b.id]) { pos[b.id] = [xs[i], tops[lineBands[0]]]; return; }
        b.cells.forEach(function (c) { pos[IDS[c[0]]] = [xs[i] + c[2] * G.sx, tops[c[1]] + c[3] * G.sy]; });
      });
    });
    return { positions: pos, bands: bands, columns: columns, left: left - G.sx, right: right + G.sx };
  }

  function defaultCollapsed(vis) {
    var out = {}, count = Object.keys(vis).length, nat = 0;
    allIds.forEach(function (id) { if (vis[id] && actors[id].level === "nationell") nat++; });
    D.blocks.forEach(function (b) {
      if (!b.collapsible) return;
      if (b.section === "county" && count > D.collapse.above) out[b.id] = true;
      if (b.section === "national" && nat > D.collapse.national_above) out[b.id] = true;
    });
    return out;
  }

  /* ---- drawing the current state ---- */
  var current = { vis: {}, drawn: {}, rep: {}, layout: null, lit: null, chainPath: [] };
  function rep(id) { var b = blockOf[id]; return (b && state.collapsed[b] && blockById[b].collapsible) ? b : id; }

  function sizeValue(id) {
    var a = actors[id];
    return state.size === "betweenness" ? a.betweenness : a.degree;
  }

  /* only what changed goes to vis-network: at national scale most nodes and links stay as they are */
  var applied = Object.create(null);
  function changed(u) {
    var key = JSON.stringify(u), was = applied[u.id];
    if (was === key) return false;
    applied[u.id] = key;
    return true;
  }
  function refresh(keepView) {
    var vis = visibleSet(), count = Object.create(null);
    allIds.forEach(function (id) { if (vis[id]) count[blockOf[id]] = (count[blockOf[id]] || 0) + 1; });
    var shownBlocks = D.blocks.filter(function (b) { return count[b.id]; });
    var collapsed = {};
    shownBlocks.forEach(function (b) { if (state.collapsed[b.id] && b.collapsible) collapsed[b.id] = true; });
    var L = flow(shownBlocks, collapsed);
    current.layout = L;
    current.vis = vis;
    var drawn = Object.create(null), repOf = Object.create(null);
    allIds.forEach(function (id) { if (vis[id]) { repOf[id] = rep(id); drawn[repOf[id]] = true; } });
    current.drawn = drawn; current.rep = repOf;
    /* the chain (the library's chain answer, embedded) */
    current.chainPath = state.chain ? chainPath(state.chain[0], state.chain[1]) : [];
    var onChain = Object.create(null);
    current.chainPath.forEach(function (id) { onChain[id] = true; });
    /* highlight: the focus, its links, its neighbours; the rest dimmed */
    var lit = null;
    if (current.chainPath.length) {
      lit = Object.create(null);
      current.chainPath.forEach(function (id) { lit[repOf[id] || id] = true; });
    } else if (state.focus && vis[state.focus]) {
      lit = Object.create(null);
      lit[repOf[state.focus]] = true;
      adj[state.focus].forEach(function (p) { if (vis[p[0]]) lit[repOf[p[0]]] = true; });
    }
    current.lit = lit;
    var maxValue = 0;
    allIds.forEach(function (id) { if (vis[id]) maxValue = Math.max(maxValue, sizeValue(id)); });
    var nodeUpdates = [];
    allIds.forEach(function (id) {
      var shown = !!vis[id] && repOf[id] === id, p = L.positions[id], n = baseNode[id];
      var u = { id: id, hidden: !shown, value: sizeValue(id), opacity: lit && !lit[id] ? 0.18 : 1,
                font: { color: lit && !lit[id] ? "rgba(52,62,72,0.25)" : "#343e48" } };
      if (p) { u.x = p[0]; u.y = p[1]; }
      u.borderWidth = onChain[id] ? 4 : 1;
      if (changed(u)) nodeUpdates.push(u);
    });
    D.blocks.forEach(function (b) {
      if (!b.collapsible) return;
      var shown = !!collapsed[b.id], p = L.positions[b.id];
      var u = { id: b.id, hidden: !shown, value: maxValue || 1, opacity: lit && !lit[b.id] ? 0.18 : 1,
                label: str("collapsed_label", { label: b.label, count: count[b.id] || 0 }),
                title: str("collapsed_title", { label: b.label, count: count[b.id] || 0 }) };
      if (p) { u.x = p[0]; u.y = p[1]; }
      if (changed(u)) nodeUpdates.push(u);
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    /* links: between drawn actors as they are; into a collapsed block aggregated into one */
    var edgeUpdates = [], agg = Object.create(null);
    var chainEdge = Object.create(null);
    for (var i = 1; i < current.chainPath.length; i++) {
      chainEdge[current.chainPath[i - 1] + "\n" + current.chainPath[i]] = true;
      chainEdge[current.chainPath[i] + "\n" + current.chainPath[i - 1]] = true;
    }
    baseEdges.forEach(function (e) {
      var both = vis[e.from] && vis[e.to], direct = both && repOf[e.from] === e.from && repOf[e.to] === e.to;
      var litEdge = !lit || (chainEdge[e.from + "\n" + e.to]) ||
        (!current.chainPath.length && (e.from === state.focus || e.to === state.focus));
      var eu = direct ? { id: e.id, hidden: false, width: chainEdge[e.from + "\n" + e.to] ? 5 : e.width,
                          color: { color: e.color.color, opacity: litEdge ? 0.8 : 0.06 } } : { id: e.id, hidden: true };
      if (changed(eu)) edgeUpdates.push(eu);
      if (both && !direct) {
        var a = repOf[e.from], b = repOf[e.to];
        if (a === b) return;
        var key = a < b ? a + "\n" + b : b + "\n" + a;
        var g = agg[key] || (agg[key] = { from: a < b ? a : b, to: a < b ? b : a, n: 0, lit: false });
        g.n++;
        if (litEdge) g.lit = true;
      }
    });
    var old = edges.getIds({ filter: function (e) { return String(e.id).indexOf("agg:") === 0 && !agg[String(e.id).slice(4)]; } });
    if (old.length) { edges.remove(old); old.forEach(function (id) { delete applied[id]; }); }
    if (edgeUpdates.length) edges.update(edgeUpdates);
    var adds = Object.keys(agg).map(function (k) {
      var g = agg[k];
      return { id: "agg:" + k, from: g.from, to: g.to, width: Math.min(8, 1 + Math.log(g.n) * 1.5),
               color: { color: "#6b7c93", opacity: g.lit ? 0.55 : 0.06 }, title: g.n === 1 ? str("links_count_one") : str("links_count", { count: g.n }),
               dashes: false, arrows: { to: { enabled: false } } };
    });
    adds = adds.filter(changed);
    if (adds.length) edges.update(adds);
    var sel = network.getSelectedNodes();
    if (sel.length && !drawn[sel[0]]) network.unselectAll();
    updateStatus();
    if (!keepView) network.fit({ animation: false });
    writeAddress();
    return visibleNodeIds();
  }

  function setFilter(kind, value) {
    if (FILTER_KINDS.indexOf(kind) < 0) throw new Error("unknown filter: " + kind);
    var values = value == null || value === "" ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
    state.filters[kind] = values;
    Array.prototype.forEach.call(selects[kind].options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
    state.extra = {};
    state.collapsed = defaultCollapsed(visibleSet());
    if (state.focus && !visibleSet()[state.focus]) { state.focus = null; showDetails(null); }
    return refresh();
  }

  function resetFilters() {
    FILTER_KINDS.forEach(function (k) {
      state.filters[k] = [];
      Array.prototype.forEach.call(selects[k].options, function (o) { o.selected = false; });
    });
    state.extra = {}; state.chain = null;
    state.collapsed = defaultCollapsed(visibleSet());
    return refresh();
  }
  $("gm-reset").addEventListener("click", function () { resetFilters(); });

  function setCollapsed(blockId, yes) {
    if (!blockById[blockId] || !blockById[blockId].collapsible) return false;
    if (yes) state.collapsed[blockId] = true; else delete state.collapsed[blockId];
    refresh();
    return true;
  }
  function collapseAll(yes) {
    D.blocks.forEach(function (b) {
      if (b.collapsible && b.section === "county") { if (yes) state.collapsed[b.id] = true; else delete state.collapsed[b.id]; }
    });
    return refresh();
  }
  $("gm-collapse-all").addEventListener("click", function () { collapseAll(true); });
  $("gm-expand-all").addEventListener("click", function () { collapseAll(false); });
  $("gm-fit").addEventListener("click", function () { network.fit({ animation: false }); writeAddress(); });

  function visibleNodeIds() { return allIds.filter(function (id) { return current.vis[id]; }).sort(); }
  function drawnNodeIds() {
    return network.body.nodeIndices.filter(function (id) {
      return network.body.nodes[id].options.hidden !== true;
    }).sort();
  }
  function updateStatus() {
    $("gm-visible").textContent = str("visible", { shown: visibleNodeIds().length, total: allIds.length });
  }

  /* ---- search: graphmap's forgiving matching (folded å/ä/ö, word starts, small misspellings) ---- */
  var names = $("gm-actor-names");
  allIds.map(function (id) { return labelOf[id]; }).sort().forEach(function (l) {
    names.appendChild(el("option", null, { value: l }));
  });
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }
  function words(s) { return s.split(/[^0-9a-z\u00c0-\u024f]+/).filter(Boolean); }
  function rankOf(key, q, qWords) {
    if (key === q) return 0;
    if (key.indexOf(q) === 0) return 1;
    if ((" " + key).indexOf(" " + q) >= 0) return 2;
    if (key.indexOf(q) >= 0) return 3;
    var kw = words(key);
    if (qWords.every(function (w) { return kw.some(function (k) { return k.indexOf(w) === 0; }); })) return 4;
    if (q.length >= 3 && qWords.every(function (w) {
      var max = w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
      return kw.some(function (k) { return editDistance(w, k.slice(0, Math.max(w.length, Math.min(k.length, w.length + max))), max) <= max; });
    })) return 5;
    return 9;
  }
  function search(text) {
    var q = fold(text), best = null, bestRank = 9, qWords = words(q);
    if (!q) { $("gm-search-status").textContent = ""; return null; }
    allIds.forEach(function (id) {
      if (!current.vis[id]) return;
      var r = rankOf(actors[id].key, q, qWords);
      if (r < bestRank || (r === bestRank && r < 9 && labelOf[id].localeCompare(labelOf[best], "sv") < 0)) {
        best = id; bestRank = r;
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

  function select(id, keepView) {
    if (!(id in actors) || !current.vis[id]) return false;
    var b = blockOf[id];
    if (state.collapsed[b]) delete state.collapsed[b];
    state.focus = id;
    state.chain = null;
    refresh(true);
    network.selectNodes([id]);
    if (!keepView) network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
    writeAddress();
    return true;
  }
  function clearFocus() {
    state.focus = null; state.chain = null;
    network.unselectAll();
    showDetails(null);
    refresh(true);
  }

  function expandNeighbours(id) {
    if (!actors[id]) return [];
    adj[id].forEach(function (p) {
      state.extra[p[0]] = true;
      var b = blockOf[p[0]];
      if (state.collapsed[b]) delete state.collapsed[b];
    });
    var b0 = blockOf[id];
    if (state.collapsed[b0]) delete state.collapsed[b0];
    refresh();
    return adj[id].map(function (p) { return p[0]; }).filter(function (o, i, a) { return a.indexOf(o) === i; }).sort();
  }

  /* ---- the chain answer: a tree per start, {node: predecessor}, walked back from the target ---- */
  var chainTrees = Object.create(null);
  Object.keys(D.chains).forEach(function (k) {
    var flat = D.chains[k], tree = Object.create(null);
    for (var i = 0; i < flat.length; i += 2) tree[IDS[flat[i]]] = IDS[flat[i + 1]];
    chainTrees[IDS[+k]] = tree;
  });
  function chainPath(start, target) {
    var tree = chainTrees[start];
    if (!tree || !(target in tree)) return [];
    var path = [target];
    while (path[path.length - 1] !== start && path.length < 60) path.push(tree[path[path.length - 1]]);
    return path.reverse();
  }
  function chainTargets(start) {
    var tree = chainTrees[start] || {};
    return Object.keys(tree).filter(function (id) { return actors[id] && actors[id].level === "nationell"; })
      .sort(function (a, b) { return labelOf[a].localeCompare(labelOf[b], "sv"); });
  }
  function showChain(start, target) {
    var path = chainPath(start, target);
    var status = $("gm-chain-status");
    if (!path.length) {
      state.chain = null;
      status.textContent = str("chain_none", { start: labelOf[start] || start, target: labelOf[target] || target });
      refresh(true);
      return [];
    }
    path.forEach(function (id) {
      state.extra[id] = true;
      var b = blockOf[id];
      if (state.collapsed[b]) delete state.collapsed[b];
    });
    state.focus = start;
    state.chain = [start, target];
    refresh();
    status.textContent = str("chain_shown", { path: path.map(function (id) { return labelOf[id]; }).join(" \u2192 ") });
    return path;
  }
  $("gm-chain-target").addEventListener("change", function () {
    var target = $("gm-chain-target").value;
    if (!target) { state.chain = null; $("gm-chain-status").textContent = ""; refresh(true); return; }
    if (state.focus) showChain(state.focus, target);
  });
  $("gm-chain-clear").addEventListener("click", function () {
    state.chain = null; $("gm-chain-target").value = ""; $("gm-chain-status").textContent = ""; refresh(true);
  });
  $("gm-expand-neighbours").addEventListener("click", function () { if (state.focus) expandNeighbours(state.focus); });

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
      b.addEventListener("click", function () {
        if (!current.vis[other]) { state.extra[other] = true; refresh(true); }
        select(other);
      });
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
    var sel = $("gm-chain-target");
    sel.textContent = "";
    sel.appendChild(el("option", str("chain_pick"), { value: "" }));
    var targets = chainTargets(id);
    targets.forEach(function (t) { sel.appendChild(el("option", labelOf[t], { value: t })); });
    $("gm-chain").hidden = a.level === "nationell" || !targets.length;
    $("gm-chain-status").textContent = a.level === "nationell" ? str("chain_national") : "";
    var b = blockOf[id];
    var cb = $("gm-collapse-block");
    cb.hidden = !(blockById[b] && blockById[b].collapsible);
    cb.textContent = blockById[b] ? str("collapse_group", { label: blockById[b].label }) : "";
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
  $("gm-collapse-block").addEventListener("click", function () {
    var b = state.focus && blockOf[state.focus];
    if (b) { state.focus = null; state.chain = null; network.unselectAll(); showDetails(null); setCollapsed(b, true); }
  });
  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (blockById[id]) { network.unselectAll(); setCollapsed(id, false); return; }
      var shift = p.event && p.event.srcEvent && p.event.srcEvent.shiftKey;
      if (shift && state.focus && state.focus !== id) {  /* a second actor: the chain between the two */
        var a = actors[state.focus].level === "nationell" ? id : state.focus, t = a === id ? state.focus : id;
        var start = a;
        network.selectNodes([start]);
        showDetails(start);
        $("gm-chain-target").value = t;
        showChain(start, t);
        return;
      }
      select(id, true);
    } else if (!p.edges.length && state.focus) clearFocus();
  });

  /* ---- legend ---- */
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function svg(w, h) { return svgEl("svg", { width: w, height: h, "aria-hidden": "true" }); }
  var SHAPE_POINTS = { diamond: "9,1 17,9 9,17 1,9", triangle: "9,1 17,16 1,16", triangleDown: "1,2 17,2 9,17",
    hexagon: "5,1 13,1 17,9 13,17 5,17 1,9", star: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7" };
  function shapeEl(shape, colour, dx, dy, scale) {
    var e, pts = SHAPE_POINTS[shape], k = scale || 1;
    dx = dx || 0; dy = dy || 0;
    if (pts) {
      e = svgEl("polygon", { points: pts.split(" ").map(function (p) {
        var xy = p.split(","); return (dx + (xy[0] - 9) * k) + "," + (dy + (xy[1] - 9) * k);
      }).join(" ") });
    } else if (shape === "square") e = svgEl("rect", { x: dx - 7 * k, y: dy - 7 * k, width: 14 * k, height: 14 * k });
    else e = svgEl("circle", { cx: dx, cy: dy, r: 7 * k });
    e.setAttribute("fill", colour);
    return e;
  }
  function lineIcon(it) {
    var s = svg(36, 12), line = svgEl("line", { x1: 1, y1: 6, x2: it.arrow ? 28 : 35, y2: 6, stroke: it.color,
                                                "stroke-width": it.width + 0.5 });
    if (it.dashes.length) line.setAttribute("stroke-dasharray", it.dashes.join(" "));
    s.appendChild(line);
    if (it.arrow) s.appendChild(svgEl("polygon", { points: "28,1 35,6 28,11", fill: it.color }));
    return s;
  }
  D.legend.nodes.forEach(function (it) {
    var li = el("li"), s = svg(18, 18); s.appendChild(shapeEl(it.shape, it.color, 9, 9));
    li.appendChild(s); li.appendChild(el("span", it.label));
    $("gm-legend-nodes").appendChild(li);
  });
  (function () {
    var li = el("li"), s = svg(18, 18);
    s.appendChild(svgEl("circle", { cx: 9, cy: 9, r: 7, fill: "#dfe7f1", stroke: "#1d3557", "stroke-width": 2 }));
    li.appendChild(s); li.appendChild(el("span", str("legend_collapsed")));
    $("gm-legend-nodes").appendChild(li);
  })();
  D.legend.edges.forEach(function (it) {
    var li = el("li"); li.appendChild(lineIcon(it)); li.appendChild(el("span", it.label));
    $("gm-legend-edges").appendChild(li);
  });
  $("gm-legend-conf").parentNode.hidden = !D.legend.confidence.length;
  D.legend.confidence.forEach(function (it) {
    var li = el("li", null, { "data-confidence": it.confidence }); li.appendChild(lineIcon(it)); li.appendChild(el("span", it.label));
    $("gm-legend-conf").appendChild(li);
  });

  /* ---- level bands and block headings, under the graph in graph coordinates ---- */
  var BAND_LABELS = {};
  D.layout.bands.forEach(function (b) { BAND_LABELS[b.band] = b.label; });
  network.on("beforeDrawing", function (ctx) {
    var L = current.layout;
    if (!L) return;
    ctx.save();
    L.bands.forEach(function (b, i) {
      ctx.fillStyle = b.band === "nationell" ? "#e6edf6" : b.band === "regional" ? "#f1f5fa" : "#f8fafc";
      ctx.fillRect(L.left - 400, b.top - 70, 800 + L.right - L.left, b.bottom - b.top + 140);
    });
    ctx.font = "bold 18px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.fillStyle = "#334e68";
    L.columns.forEach(function (c) {
      if (!current.layout.positions[c.block] || blockById[c.block].section !== "county") ctx.fillText(c.label, c.x, c.y - 45);
    });
    ctx.restore();
  });
  network.on("afterDrawing", function (ctx) {
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = "bold 13px system-ui, sans-serif"; ctx.textBaseline = "top"; ctx.textAlign = "left";
    var lastY = -Infinity, lastLabel = null;
    (current.layout ? current.layout.bands : []).forEach(function (b) {
      var label = BAND_LABELS[b.band] || b.band;
      var y = network.canvasToDOM({ x: 0, y: b.top - 65 }).y, w = ctx.measureText(label).width;
      if (y < lastY + 22 || label === lastLabel) return;
      lastLabel = label;
      lastY = y;
      ctx.fillStyle = "rgba(29,53,87,0.85)"; ctx.fillRect(6, y, w + 12, 20);
      ctx.fillStyle = "#ffffff"; ctx.fillText(label, 12, y + 4);
    });
    ctx.restore();
  });

  /* ---- the view in the address: filters, focus, chain, collapsed blocks, size, zoom ---- */
  var restoring = false, addressTimer = null;
  function encodeState() {
    var parts = [];
    FILTER_KINDS.forEach(function (k) {
      if (state.filters[k].length) parts.push(k + "=" + state.filters[k].map(encodeURIComponent).join(","));
    });
    parts.push("collapsed=" + Object.keys(state.collapsed).sort().map(encodeURIComponent).join(","));
    if (state.focus) parts.push("focus=" + encodeURIComponent(state.focus));
    if (state.chain) parts.push("chain=" + encodeURIComponent(state.chain[1]));
    var extra = Object.keys(state.extra).sort();
    if (extra.length) parts.push("extra=" + extra.map(encodeURIComponent).join(","));
    if (state.size !== "degree") parts.push("size=" + state.size);
    var p = network.getViewPosition();
    parts.push("zoom=" + [network.getScale().toFixed(4), p.x.toFixed(1), p.y.toFixed(1)].join(","));
    return parts.join("&");
  }
  function writeAddress() {
    if (restoring) return;
    clearTimeout(addressTimer);
    addressTimer = null;
    var hash = encodeState();
    try { history.replaceState(null, "", "#" + hash); } catch (err) { /* a srcdoc frame has no address of its own */ }
    if (window.parent !== window) {
      try { window.parent.postMessage({ graphmapView: hash }, "*"); } catch (err) { /* no parent to tell */ }
    }
    document.body.setAttribute("data-view", hash);
  }
  function laterAddress() { clearTimeout(addressTimer); addressTimer = setTimeout(writeAddress, 150); }
  network.on("zoom", laterAddress);
  network.on("dragEnd", laterAddress);

  function readAddress(hash) {
    var h = String(hash || "").replace(/^#/, ""), got = {};
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) got[kv.slice(0, i)] = kv.slice(i + 1);
    });
    function list(v) { return v ? v.split(",").map(decodeURIComponent).filter(Boolean) : []; }
    FILTER_KINDS.forEach(function (k) {
      var known = (D.filters[k] || []).map(function (kv) { return kv[0]; });
      state.filters[k] = list(got[k]).filter(function (v) { return known.indexOf(v) >= 0; });
      Array.prototype.forEach.call(selects[k].options, function (o) { o.selected = state.filters[k].indexOf(o.value) >= 0; });
    });
    state.extra = {};
    list(got.extra).forEach(function (id) { if (actors[id]) state.extra[id] = true; });
    if ("collapsed" in got) {
      state.collapsed = {};
      list(got.collapsed).forEach(function (b) { if (blockById[b] && blockById[b].collapsible) state.collapsed[b] = true; });
    } else state.collapsed = defaultCollapsed(visibleSet());
    state.size = got.size === "betweenness" && D.has_betweenness ? "betweenness" : "degree";
    $("gm-size").value = state.size;
    var focus = got.focus ? decodeURIComponent(got.focus) : null;
    state.focus = focus && actors[focus] ? focus : null;
    var target = got.chain ? decodeURIComponent(got.chain) : null;
    state.chain = state.focus && target && actors[target] ? [state.focus, target] : null;
    var zoom = got.zoom ? got.zoom.split(",").map(Number) : null;
    return zoom && zoom.length === 3 && zoom.every(isFinite) && zoom[0] > 0 ? zoom : [];
  }

  function restore(hash) {
    restoring = true;
    var zoom = readAddress(hash);
    refresh();
    if (state.focus && current.vis[state.focus]) {
      network.selectNodes([state.focus]);
      showDetails(state.focus);
      if (state.chain) {
        $("gm-chain-target").value = state.chain[1];
        $("gm-chain-status").textContent = str("chain_shown", {
          path: current.chainPath.map(function (id) { return labelOf[id]; }).join(" \u2192 ") });
      }
    }
    if (zoom && zoom.length) {
      network.moveTo({ scale: Math.min(10, Math.max(0.02, zoom[0])), position: { x: zoom[1], y: zoom[2] }, animation: false });
    }
    restoring = false;
    writeAddress();
  }
  window.addEventListener("hashchange", function () {
    if (location.hash.replace(/^#/, "") !== document.body.getAttribute("data-view")) restore(location.hash);
  });

  /* ---- save as picture: the drawn view as SVG (text stays text) and as PNG, title and legend in ---- */
  function exportSVG() {
    var shown = drawnNodeIds(), pos = network.getPositions(shown), minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    shown.forEach(function (id) {
      var p = pos[id];
      minX = Math.min(minX, p.x - 80); maxX = Math.max(maxX, p.x + 80);
      minY = Math.min(minY, p.y - 30); maxY = Math.max(maxY, p.y + 70);
    });
    if (!shown.length) { minX = minY = 0; maxX = maxY = 100; }
    var title = document.querySelector(".gm-title").textContent, legendW = 300, headH = 60;
    // the title names the view: the map's own title, then every filter chosen ("Område: …; Län: …")
    var chosen = FILTER_KINDS.filter(function (k) { return state.filters[k].length; }).map(function (k) {
      var names = Array.prototype.filter.call(selects[k].options, function (o) { return o.selected; })
        .map(function (o) { return o.textContent; });
      return str(k) + ": " + names.join(", ");
    });
    var subtitle = chosen.join(" · ");
    if (subtitle) headH = 84;
    var usedTypes = {}, usedKinds = {}, usedConf = {};
    shown.forEach(function (id) { if (actors[id]) usedTypes[actors[id].type_label || actors[id].type] = true; });
    var root = svgEl("svg", { xmlns: SVG, width: Math.round(maxX - minX + legendW + 40), version: "1.1",
                              "font-family": "system-ui, sans-serif" });
    var g = svgEl("g", { transform: "translate(" + (20 - minX) + "," + (headH - minY) + ")" });
    var drawnSet = {};
    shown.forEach(function (id) { drawnSet[id] = true; });
    edges.get({ filter: function (e) { return !e.hidden && drawnSet[e.from] && drawnSet[e.to]; } }).forEach(function (e) {
      var a = pos[e.from], b = pos[e.to], colour = (e.color && e.color.color) || "#888";
      var line = svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour, "stroke-width": e.width || 1,
                                 "stroke-opacity": e.color && e.color.opacity != null ? e.color.opacity : 0.8 });
      if (Array.isArray(e.dashes)) line.setAttribute("stroke-dasharray", e.dashes.join(" "));
      g.appendChild(line);
      if (e.kind) usedKinds[e.kind] = true;
      if (e.id && String(e.id).indexOf("agg:") !== 0) {
        var be = baseEdges[+String(e.id).slice(1)];
        if (be) usedConf[Array.isArray(be.dashes) && be.dashes.join(",") === "1,5" ? "assumed" : "stated"] = true;
      }
    });
    // labels wrapped as on screen (about 18 characters a line) and each placed where it overlaps no
    // other label and no node: below, above, right, left, then further below, step by step
    var FONT = 13, LINE = 15, CHAR = 0.58 * FONT, taken = [];
    shown.forEach(function (id) { var p = pos[id]; taken.push([p.x - 14, p.y - 14, p.x + 14, p.y + 14]); });
    function wrap(label) {
      var words = String(label || "").split(/\s+/), lines = [], cur = "";
      words.forEach(function (w) {
        if (cur && (cur + " " + w).length > 18) { lines.push(cur); cur = w; } else { cur = cur ? cur + " " + w : w; }
      });
      if (cur) lines.push(cur);
      return lines;
    }
    function free(box) {
      return taken.every(function (b) { return box[2] <= b[0] || box[0] >= b[2] || box[3] <= b[1] || box[1] >= b[3]; });
    }
    function place(p, w, h) {
      var spots = [[0, 20 + h / 2], [0, -20 - h / 2], [20 + w / 2, 0], [-20 - w / 2, 0]];
      for (var k = 1; k <= 60; k++) { spots.push([0, 20 + h / 2 + k * LINE]); spots.push([0, -20 - h / 2 - k * LINE]); }
      for (var i = 0; i < spots.length; i++) {
        var cx = p.x + spots[i][0], cy = p.y + spots[i][1];
        var box = [cx - w / 2 - 2, cy - h / 2 - 1, cx + w / 2 + 2, cy + h / 2 + 1];
        if (free(box)) return box;
      }
      return null;
    }
    var leaders = svgEl("g", { "class": "gm-svg-leaders", stroke: "#9aa3ad", "stroke-width": 0.8 });
    g.appendChild(leaders);
    shown.slice().sort(function (a, b) { return pos[a].y - pos[b].y || pos[a].x - pos[b].x; }).forEach(function (id) {
      var p = pos[id], n = nodes.get(id), dim = n.opacity != null && n.opacity < 1;
      var node = svgEl("g", { "data-id": id, opacity: dim ? 0.25 : 1 });
      if (blockById[id]) node.appendChild(svgEl("circle", { cx: p.x, cy: p.y, r: 14, fill: "#dfe7f1", stroke: "#1d3557", "stroke-width": 2 }));
      else node.appendChild(shapeEl(baseNode[id].shape, baseNode[id].color, p.x, p.y, 1.2));
      var lines = wrap(n.label), w = Math.max.apply(null, lines.map(function (l) { return l.length; }).concat([1])) * CHAR,
          h = lines.length * LINE, box = place(p, w, h);
      if (box) {
        taken.push(box);
        var cx = (box[0] + box[2]) / 2, top = box[1] + 1;
        var text = svgEl("text", { x: cx, y: top + FONT - 2, "text-anchor": "middle", "font-size": FONT, fill: "#343e48",
                                   "class": "gm-svg-label" });
        lines.forEach(function (line, i) {
          var span = svgEl("tspan", { x: cx, dy: i ? LINE : 0 });
          span.textContent = line;
          text.appendChild(span);
        });
        if (Math.abs(cx - p.x) + Math.abs((box[1] + box[3]) / 2 - p.y) > 60) {  // moved away: a thin line to its node
          leaders.appendChild(svgEl("line", { x1: p.x, y1: p.y, x2: cx, y2: box[3] < p.y ? box[3] : box[1] }));
        }
        node.appendChild(text);
        minY = Math.min(minY, box[1] - 10); maxY = Math.max(maxY, box[3] + 10);
        minX = Math.min(minX, box[0] - 10); maxX = Math.max(maxX, box[2] + 10);
      }
      g.appendChild(node);
    });
    root.setAttribute("width", Math.round(maxX - minX + legendW + 40));
    g.setAttribute("transform", "translate(" + (20 - minX) + "," + (headH - minY) + ")");
    var head = svgEl("text", { x: 20, y: 34, "font-size": 22, "font-weight": "bold", fill: "#1d3557", "class": "gm-svg-title" });
    head.textContent = title;
    root.appendChild(head);
    if (subtitle) {
      var sub = svgEl("text", { x: 20, y: 62, "font-size": 16, fill: "#1d3557", "class": "gm-svg-filters" });
      sub.textContent = subtitle;
      root.appendChild(sub);
    }
    root.appendChild(g);
    var legend = svgEl("g", { "class": "gm-svg-legend", transform: "translate(" + Math.round(maxX - minX + 40) + "," + headH + ")" });
    var ly = 0;
    function legendHead(text) {
      var t = svgEl("text", { x: 0, y: ly + 14, "font-size": 14, "font-weight": "bold", fill: "#1d3557" });
      t.textContent = text; legend.appendChild(t); ly += 24;
    }
    function legendRow(icon, text) {
      icon.setAttribute("transform", "translate(0," + ly + ")");
      legend.appendChild(icon);
      var t = svgEl("text", { x: 44, y: ly + 12, "font-size": 12, fill: "#343e48" });
      t.textContent = text; legend.appendChild(t); ly += 20;
    }
    legendHead(str("legend"));
    D.legend.nodes.forEach(function (it) {
      if (!usedTypes[it.label]) return;
      var icon = svgEl("g"); icon.appendChild(shapeEl(it.shape, it.color, 9, 8)); legendRow(icon, it.label);
    });
    if (shown.some(function (id) { return blockById[id]; })) {
      var ic = svgEl("g"); ic.appendChild(svgEl("circle", { cx: 9, cy: 8, r: 7, fill: "#dfe7f1", stroke: "#1d3557", "stroke-width": 2 }));
      legendRow(ic, str("legend_collapsed"));
    }
    ly += 8;
    legendHead(str("edge_kinds"));
    D.legend.edges.forEach(function (it) {
      var icon = svgEl("g"), l = svgEl("line", { x1: 1, y1: 8, x2: 35, y2: 8, stroke: it.color, "stroke-width": it.width + 0.5 });
      if (it.dashes.length) l.setAttribute("stroke-dasharray", it.dashes.join(" "));
      icon.appendChild(l); legendRow(icon, it.label);
    });
    if (D.legend.confidence.length) {
      ly += 8;
      legendHead(str("legend_confidence"));
      D.legend.confidence.forEach(function (it) {
        var icon = svgEl("g"), l = svgEl("line", { x1: 1, y1: 8, x2: 35, y2: 8, stroke: it.color, "stroke-width": 2 });
        if (it.dashes.length) l.setAttribute("stroke-dasharray", it.dashes.join(" "));
        icon.appendChild(l); legendRow(icon, it.label);
      });
    }
    root.appendChild(legend);
    var height = Math.round(Math.max(maxY - minY, ly) + headH + 20);
    root.setAttribute("height", height);
    root.setAttribute("viewBox", "0 0 " + root.getAttribute("width") + " " + height);
    var bg = svgEl("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" });
    root.insertBefore(bg, root.firstChild);
    return new XMLSerializer().serializeToString(root);
  }
  function exportPNG(done) {
    var text = exportSVG(), img = new Image();
    var w = +/width="(\d+)"/.exec(text)[1], h = +/height="(\d+)"/.exec(text)[1];
    var scale = Math.min(2, 8000 / Math.max(w, h));
    return new Promise(function (resolve, reject) {
      img.onload = function () {
        var c = document.createElement("canvas");
        c.width = Math.round(w * scale); c.height = Math.round(h * scale);
        var ctx = c.getContext("2d");
        ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, c.width, c.height);
        ctx.drawImage(img, 0, 0, c.width, c.height);
        resolve(c.toDataURL("image/png"));
      };
      img.onerror = function () { reject(new Error("svg image failed")); };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    }).then(function (url) { if (done) done(url); return url; });
  }
  function fileName(ext) { return "graphmap-karta." + ext; }
  function download(url, name) {
    var a = el("a", null, { href: url, download: name });
    document.body.appendChild(a); a.click(); a.remove();
  }
  $("gm-save-svg").addEventListener("click", function () {
    download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(exportSVG()), fileName("svg"));
  });
  $("gm-save-png").addEventListener("click", function () {
    exportPNG().then(function (url) { download(url, fileName("png")); });
  });
  $("gm-copy-link").addEventListener("click", function () {
    writeAddress();
    var status = $("gm-link-status"), url = location.href;
    status.textContent = str("link_in_address");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { status.textContent = str("copied"); }, function () { /* shown above */ });
    }
  });

  var ready = false;
  network.once("afterDrawing", function () {
    ready = true;
    document.body.setAttribute("data-ready", "true");
  });

  showDetails(null);
  restore(location.hash);

  window.graphmap = {
    network: network, nodes: nodes, edges: edges, actors: actors,
    visibleNodeIds: visibleNodeIds, drawnNodeIds: drawnNodeIds, setFilter: setFilter,
    resetFilters: resetFilters, search: search, select: select, clearFocus: clearFocus,
    setCollapsed: setCollapsed, collapseAll: collapseAll, expandNeighbours: expandNeighbours,
    showChain: showChain, chainTargets: chainTargets, exportSVG: exportSVG, exportPNG: exportPNG,
    collapsed: function () { return Object.keys(state.collapsed).sort(); },
    litNodeIds: function () { return current.lit ? Object.keys(current.lit).sort() : null; },
    chainPath: function () { return current.chainPath.slice(); },
    address: encodeState, restore: restore,
    setSize: function (mode) { state.size = mode; $("gm-size").value = mode; refresh(true); },
    filters: function () { return JSON.parse(JSON.stringify(state.filters)); },
    isReady: function () { return ready; }
  };
})();
