"""The view's own page parts, inlined into pyvis's page by ``view.py``: the tool bar, the side panel,
their style, and the script that filters, searches and fills the panel from the JSON data block.

``HOOK`` is the line of pyvis's script that makes the network: the view's script prepares the data sets
just before it and wires the events just after. The script only ever writes text with ``textContent``
(never ``innerHTML``) and links only http(s) URLs, so whatever an article contains stays text. It sets
``window.diplografReady`` after the first draw.
"""

STYLE = r"""
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;font:13px/1.4 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#222}
#dg-bar{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;padding:6px 10px;border-bottom:1px solid #ddd;
  background:#fafafa;flex:none}
#dg-bar input[type=search],#dg-bar input[list]{width:13em}
#dg-bar input[type=range]{width:7em;vertical-align:middle}
.dg-grp{white-space:nowrap}
#dg-count{color:#444;font-weight:600}
#dg-main{flex:1;display:flex;min-height:0}
#dg-main>.card{flex:1;position:relative;min-width:0;width:auto!important}
#mynetwork{width:100%!important;height:100%!important;float:none!important;border:0!important}
#dg-panel{order:2;width:390px;flex:none;overflow:auto;border-left:1px solid #ddd;padding:8px 12px;background:#fff}
#dg-panel h2{font-size:16px;margin:4px 0}
.dg-dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 3px 0 2px;vertical-align:middle}
.dg-type{white-space:nowrap;margin-right:4px}
#dg-rels{position:relative}
#dg-rels summary{cursor:pointer}
#dg-rels>div{position:absolute;z-index:10;background:#fff;border:1px solid #ccc;padding:6px 10px;
  box-shadow:0 2px 8px rgba(0,0,0,.15);width:26em;columns:2}
#dg-rels label{display:block}
.dg-fact{border-top:1px solid #eee;padding:6px 0}
.dg-dim{opacity:.45}
.dg-rel{font-style:italic;color:#333}
.dg-meta,.dg-src,.dg-hint{color:#555;font-size:12px}
blockquote.dg-ev{margin:4px 0;padding:4px 8px;border-left:3px solid #ccc;background:#f7f7f7}
mark.dg-m-s{background:#ffd0d0}mark.dg-m-o{background:#cfe0ff}mark.dg-m-t{background:#fff0a0}
.dg-src a{word-break:break-all}
.dg-note{color:#a33}
"""

BAR = r"""<div id="dg-bar">
 <b id="dg-title" title="{summary}">{title}</b>
 <input id="dg-search" type="search" list="dg-names" placeholder="find an entity (any name)"
  aria-label="find an entity by any of its names">
 <span class="dg-grp">only what touches <input id="dg-touch" list="dg-names" placeholder="an entity"
  aria-label="only the facts that touch this entity"><button id="dg-touch-clear" type="button"
  title="clear">×</button></span>
 <details id="dg-rels"><summary>relations</summary><div id="dg-rel-list"></div></details>
 <span id="dg-types"></span>
 <span class="dg-grp" id="dg-date-grp">dates <input type="range" id="dg-from" aria-label="from date">
  <input type="range" id="dg-to" aria-label="to date"> <span id="dg-dates"></span>
  <label><input type="checkbox" id="dg-undated" checked> undated</label></span>
 <span class="dg-grp">confidence ≥ <input type="range" id="dg-conf" min="0" max="1" step="0.05" value="0"
  aria-label="minimum confidence"> <span id="dg-conf-v">0.00</span></span>
 <label class="dg-grp"><input type="checkbox" id="dg-physics"> physics</label>
 <span id="dg-count"></span>
 <datalist id="dg-names"></datalist>
</div>"""

HOOK = "network = new vis.Network(container, data, options);"

PANEL = r"""<aside id="dg-panel"><div id="dg-panel-body"></div></aside>"""

SCRIPT = r"""
window.diplograf = {};
// prepare(): run by pyvis's script between making the data sets and the network, so that the first
// looks (titles, edge labels) cost no redraw; it leaves wire() to run once the network exists.
window.diplograf.prepare = function () {
"use strict";
performance.mark("diplograf-script");
const D = JSON.parse(document.getElementById("diplograf-data").textContent);
const E = D.entities, F = D.facts, A = D.articles, C = D.colours, SYM = new Set(D.symmetric);
const ids = Object.keys(E).sort();
const $ = (id) => document.getElementById(id);
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}
const factIndex = new Map(F.map((f, i) => [f, i]));
const pid = (a, b) => (a < b ? a + "\t" + b : b + "\t" + a);

// --- dates: each fact's day (its date, else the start of its period), as an index into the sorted days
function periodStart(p) {
  if (/^\d{4}-\d{2}$/.test(p)) return p + "-01";
  if (/^\d{4}$/.test(p)) return p + "-01-01";
  const w = /^(\d{4})-W(\d{2})$/.exec(p);
  if (w) {
    const jan4 = new Date(Date.UTC(+w[1], 0, 4)), day = (jan4.getUTCDay() + 6) % 7;
    return new Date(jan4.getTime() + ((+w[2] - 1) * 7 - day) * 86400000).toISOString().slice(0, 10);
  }
  return null;
}
const dayOf = F.map((f) => f.date || (f.period ? periodStart(f.period) : null));
const days = [...new Set(dayOf.filter((d) => d))].sort();
const dayIndex = new Map(days.map((d, i) => [d, i]));
const fDay = dayOf.map((d) => (d ? dayIndex.get(d) : -1));

// --- state of the filters
const rels = [...new Set(F.map((f) => f.p))].sort();
const types = Object.keys(C).sort();
const S = {rel: new Set(rels), type: new Set(types), lo: 0, hi: Math.max(0, days.length - 1), undated: true,
           conf: 0, touch: null};
function shownFact(f, i) {
  if (!S.rel.has(f.p) || !S.type.has(E[f.s].type) || !S.type.has(E[f.o].type) || f.conf < S.conf) return false;
  if (S.touch && f.s !== S.touch && f.o !== S.touch) return false;
  return fDay[i] < 0 ? S.undated : fDay[i] >= S.lo && fDay[i] <= S.hi;
}

// --- names: every alias finds its entity (exact, then prefix, then substring; the busiest entity wins)
const byName = new Map();
for (const id of ids) {
  for (const n of [E[id].name, ...E[id].aliases]) {
    const k = n.toLowerCase();
    if (!byName.has(k)) byName.set(k, []);
    if (!byName.get(k).includes(id)) byName.get(k).push(id);
  }
}
function resolve(q) {
  q = (q || "").trim().toLowerCase();
  if (!q) return null;
  let c = byName.get(q) || [];
  if (!c.length) for (const [k, v] of byName) if (k.startsWith(q)) c = c.concat(v);
  if (!c.length) for (const [k, v] of byName) if (k.includes(q)) c = c.concat(v);
  if (!c.length) return null;
  return c.sort((a, b) => E[b].degree - E[a].degree || (a < b ? -1 : 1))[0];
}
const names = $("dg-names");
for (const k of [...new Set(ids.flatMap((id) => [E[id].name, ...E[id].aliases]))].sort()) {
  const o = document.createElement("option");
  o.value = k;
  names.appendChild(o);
}

// --- the tool bar
const relList = $("dg-rel-list");
const relCount = {};
F.forEach((f) => { relCount[f.p] = (relCount[f.p] || 0) + 1; });
for (const r of rels) {
  const box = el("input", {type: "checkbox", "data-rel": r});
  box.checked = true;
  const l = el("label");
  l.append(box, " " + r + " (" + relCount[r] + ")");
  relList.appendChild(l);
}
relList.addEventListener("change", (ev) => {
  const r = ev.target.getAttribute("data-rel");
  if (ev.target.checked) S.rel.add(r); else S.rel.delete(r);
  apply();
});
const typeCount = {};
ids.forEach((id) => { typeCount[E[id].type] = (typeCount[E[id].type] || 0) + 1; });
for (const t of types) {
  const box = el("input", {type: "checkbox", "data-type": t});
  box.checked = true;
  const dot = el("span", {class: "dg-dot"});
  dot.style.background = C[t];
  const l = el("label", {class: "dg-type"});
  l.append(box, dot, t + " (" + typeCount[t] + ")");
  $("dg-types").appendChild(l);
}
$("dg-types").addEventListener("change", (ev) => {
  const t = ev.target.getAttribute("data-type");
  if (ev.target.checked) S.type.add(t); else S.type.delete(t);
  apply();
});
const from = $("dg-from"), to = $("dg-to");
if (days.length) {
  for (const r of [from, to]) { r.min = 0; r.max = days.length - 1; r.step = 1; }
  from.value = 0;
  to.value = days.length - 1;
} else {
  $("dg-date-grp").style.display = "none";
}
function dateLabel() { $("dg-dates").textContent = days.length ? days[S.lo] + " – " + days[S.hi] : ""; }
function onDates(ev) {
  let lo = +from.value, hi = +to.value;
  if (lo > hi) { if (ev && ev.target === from) hi = lo; else lo = hi; from.value = lo; to.value = hi; }
  S.lo = lo; S.hi = hi;
  dateLabel();
  apply();
}
from.addEventListener("input", onDates);
to.addEventListener("input", onDates);
$("dg-undated").addEventListener("change", (ev) => { S.undated = ev.target.checked; apply(); });
$("dg-conf").addEventListener("input", (ev) => {
  S.conf = +ev.target.value;
  $("dg-conf-v").textContent = S.conf.toFixed(2);
  apply();
});
$("dg-physics").addEventListener("change", (ev) => network.setOptions({physics: {enabled: ev.target.checked}}));
function setTouch(id) {
  S.touch = id;
  $("dg-touch").value = id ? E[id].name : "";
  apply();
  if (id) network.fit({nodes: shownNodes(), animation: {duration: 300}});
}
$("dg-touch").addEventListener("change", (ev) => {
  const id = resolve(ev.target.value);
  ev.target.setCustomValidity(ev.target.value && !id ? "no such entity" : "");
  setTouch(id);
});
$("dg-touch-clear").addEventListener("click", () => setTouch(null));
function search() {
  const q = $("dg-search").value, id = resolve(q);
  $("dg-search").setCustomValidity(q && !id ? "no such entity" : "");
  if (id) focusNode(id);
  return id;
}
$("dg-search").addEventListener("change", search);
$("dg-search").addEventListener("keydown", (ev) => { if (ev.key === "Enter") search(); });

// --- applying the filters to the drawing: hide nodes and edges, relabel the edges from their shown facts
const hidden = {}, edgeSig = {};
ids.forEach((id) => { hidden[id] = false; });  // pyvis draws every node
const edgeIds = edges.getIds();
let shown = new Set(), shownFacts = 0;
function shownNodes() { return ids.filter((id) => shown.has(id)); }
function edgeLook(id, fs) {
  const [a, b] = id.split("\t");
  const preds = [...new Set(fs.map((f) => f.p))].sort();
  const fwd = fs.some((f) => f.s === a && !SYM.has(f.p)), back = fs.some((f) => f.s === b && !SYM.has(f.p));
  return {id: id, hidden: false, value: fs.length, label: preds.join(", ") + (fs.length > 1 ? " ×" + fs.length : ""),
          arrows: {to: {enabled: fwd && !back}, from: {enabled: back && !fwd}}};
}
function apply() {
  const byPair = new Map();
  shown = new Set();
  shownFacts = 0;
  F.forEach((f, i) => {
    if (!shownFact(f, i)) return;
    shownFacts++;
    shown.add(f.s);
    shown.add(f.o);
    const k = pid(f.s, f.o);
    if (!byPair.has(k)) byPair.set(k, []);
    byPair.get(k).push(f);
  });
  const nu = [];
  for (const id of ids) {
    const h = !shown.has(id);
    if (hidden[id] !== h) { hidden[id] = h; nu.push({id: id, hidden: h}); }
  }
  if (nu.length) nodes.update(nu);
  const eu = [];
  for (const id of edgeIds) {
    const fs = byPair.get(id), look = fs ? edgeLook(id, fs) : {id: id, hidden: true}, sig = JSON.stringify(look);
    if (edgeSig[id] !== sig) { edgeSig[id] = sig; eu.push(look); }
  }
  if (eu.length) edges.update(eu);
  $("dg-count").textContent = shown.size + " of " + ids.length + " entities · " + shownFacts + " of " + F.length +
    " facts";
  $("dg-rels").querySelector("summary").textContent = "relations (" + S.rel.size + "/" + rels.length + ")";
  panel();
}

// --- the side panel: the selected entity's or pair's facts, with their evidence and article
let sel = null;
function factEl(f, on) {
  const d = el("div", {class: "dg-fact" + (on ? "" : " dg-dim")});
  const h = el("div");
  h.append(el("b", null, E[f.s].name), " ", el("span", {class: "dg-rel"}, f.p), " ", el("b", null, E[f.o].name));
  d.appendChild(h);
  const meta = [];
  if (f.role) meta.push("role: " + f.role);
  if (f.date) meta.push("date: " + f.date + (f.end ? " – " + f.end : ""));
  else if (f.period) meta.push("period: " + f.period);
  else meta.push("undated");
  if (f.place) meta.push("place: " + f.place);
  meta.push("confidence: " + f.conf.toFixed(2));
  d.appendChild(el("div", {class: "dg-meta"}, meta.join(" · ")));
  const q = el("blockquote", {class: "dg-ev"});
  let at = 0;
  for (const [a, b, k] of f.marks) {
    q.append(f.evidence.slice(at, a));
    q.appendChild(el("mark", {class: "dg-m-" + k}, f.evidence.slice(a, b)));
    at = b;
  }
  q.append(f.evidence.slice(at));
  d.appendChild(q);
  const art = A[f.article] || {}, src = el("div", {class: "dg-src"});
  src.append("article: ", el("span", {class: "dg-art"}, art.title ? art.title + " (" + f.article + ")" : f.article));
  if (art.date) src.append(", " + art.date);
  if (art.url) {
    src.append(" · ");
    if (/^https?:\/\//i.test(art.url)) src.appendChild(el("a", {href: art.url, target: "_blank",
                                                                rel: "noopener noreferrer"}, art.url));
    else src.append(art.url);
  }
  d.appendChild(src);
  return d;
}
function factList(box, list) {
  const on = list.filter((f) => shownFact(f, factIndex.get(f)));
  const off = list.filter((f) => !shownFact(f, factIndex.get(f)));
  const order = (x, y) => (x.date || x.period || "~").localeCompare(y.date || y.period || "~");
  on.sort(order).slice(0, 300).forEach((f) => box.appendChild(factEl(f, true)));
  if (on.length > 300) box.appendChild(el("p", {class: "dg-hint"}, "… and " + (on.length - 300) + " more"));
  if (off.length) {
    box.appendChild(el("p", {class: "dg-hint"}, off.length + " more hidden by the filters:"));
    off.sort(order).slice(0, 100).forEach((f) => box.appendChild(factEl(f, false)));
  }
}
function panel() {
  const box = $("dg-panel-body");
  box.textContent = "";
  if (!sel) {
    box.appendChild(el("p", {class: "dg-hint"}, "Click an entity or an edge for its facts: role, date, confidence, " +
      "the evidence sentence (subject, object and the word that states it highlighted) and the article. " +
      "Find an entity by any of its names in the search box."));
    const m = el("p", {class: "dg-hint"});
    m.append(el("mark", {class: "dg-m-s"}, "subject"), " ", el("mark", {class: "dg-m-o"}, "object"), " ",
             el("mark", {class: "dg-m-t"}, "trigger"));
    box.appendChild(m);
    return;
  }
  if (sel.kind === "node") {
    const e = E[sel.id], h = el("h2");
    const dot = el("span", {class: "dg-dot"});
    dot.style.background = C[e.type];
    h.append(dot, e.name);
    box.appendChild(h);
    box.appendChild(el("div", {class: "dg-meta"}, e.type + " · " + e.degree + " fact(s)" +
      (e.wikidata ? " · Wikidata " + e.wikidata : "")));
    const others = e.aliases.filter((a) => a !== e.name);
    if (others.length) box.appendChild(el("div", {class: "dg-meta"}, "also: " + others.join(", ")));
    if (!shown.has(sel.id)) box.appendChild(el("p", {class: "dg-note"}, "hidden by the current filters"));
    const b = el("button", {type: "button", id: "dg-only"}, S.touch === sel.id ? "show all again" :
      "only what touches " + e.name);
    const id = sel.id;
    b.addEventListener("click", () => setTouch(S.touch === id ? null : id));
    box.appendChild(b);
    factList(box, F.filter((f) => f.s === sel.id || f.o === sel.id));
  } else {
    const [a, b] = sel.id.split("\t"), list = F.filter((f) => pid(f.s, f.o) === sel.id);
    box.appendChild(el("h2", null, E[a].name + " — " + E[b].name));
    box.appendChild(el("div", {class: "dg-meta"}, list.length + " fact(s) between them"));
    factList(box, list);
  }
}
function focusNode(id) {
  sel = {kind: "node", id: id};
  if (shown.has(id)) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.3), animation: {duration: 300}});
  }
  panel();
}
// --- hover texts and the first filtering, before the network is drawn; then events, fit, ready flag
nodes.update(ids.map((id) => ({id: id, title: E[id].name + " (" + E[id].type + "), " + E[id].degree + " fact(s)" +
  (E[id].aliases.length > 1 ? "\nalso: " + E[id].aliases.filter((a) => a !== E[id].name).join(", ") : "")})));
dateLabel();
apply();
performance.mark("diplograf-prepared");
Object.assign(window.diplograf, {resolve: resolve, focus: focusNode, selected: () => sel,
                                 shown: () => ({nodes: shown.size, facts: shownFacts})});
window.diplograf.wire = function () {
  network.on("click", (p) => {
    if (p.nodes.length) sel = {kind: "node", id: p.nodes[0]};
    else if (p.edges.length) sel = {kind: "edge", id: p.edges[0]};
    else sel = null;
    panel();
  });
  network.once("afterDrawing", () => {
    window.diplografReadyAt = performance.now();
    window.diplografReady = true;
  });
  network.fit();
  if (network.getScale() > 1) network.moveTo({scale: 1});  // a small graph is not blown up
};
};
"""
