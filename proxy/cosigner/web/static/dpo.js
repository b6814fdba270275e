// DPO review page. Renders only with textContent and DOM-built SVG: nothing from the server is parsed as HTML.
const API = "/cosigner/dpo/api";
const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"];
let token = null;
let nextBefore = null;

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

function takeTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  token = decodeURIComponent(match[1]);
  history.replaceState(null, "", location.pathname + location.search); // the token leaves the address bar
}

function filters() {
  return {
    since: $("f-since").value, until: $("f-until").value, type: $("f-type").value,
    rule: $("f-rule").value.trim(), practitioner: $("f-practitioner").value.trim(),
  };
}

async function api(path, params) {
  const url = new URL(API + path, location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.append(key, value);
  }
  const response = await fetch(url, {
    headers: { Authorization: "Bearer " + token }, cache: "no-store", credentials: "omit",
  });
  if (response.status === 401 || response.status === 403) {
    token = null;
    $("app").hidden = true;
    $("login").hidden = false;
    throw new Error("The DPO token was refused (HTTP " + response.status + ").");
  }
  if (!response.ok) throw new Error("The server answered HTTP " + response.status + ".");
  return response;
}

function pct(value) {
  return value === null || value === undefined ? "–" : (value * 100).toFixed(1) + " %";
}

function renderMetrics(decisions) {
  $("m-accepted").textContent = decisions.accepted;
  $("m-rejected").textContent = decisions.rejected;
  $("m-acceptance").textContent = pct(decisions.acceptance_rate);
  $("m-rejection").textContent = pct(decisions.rejection_rate);
  const median = decisions.median_review_ms_per_hunk;
  $("m-median").textContent = median === null ? "–" : (median / 1000).toFixed(1) + " s";
  $("m-bulk").textContent = pct(decisions.bulk_accept_rate);
  $("m-dwell").textContent = decisions.dwell_violations;
}

function legend(kinds) {
  const box = el("div", null, "legend");
  kinds.forEach((kind, i) => {
    const item = el("span");
    item.append(el("span", null, "swatch swatch-" + (i % COLOURS.length)), document.createTextNode(kind));
    box.append(item);
  });
  return box;
}

function renderRedactions(perDay) {
  const target = $("chart-redactions");
  target.replaceChildren();
  const days = Object.keys(perDay).sort();
  const kinds = [...new Set(days.flatMap((d) => Object.keys(perDay[d])))].sort();
  if (!days.length || !kinds.length) {
    target.append(el("p", "No redactions in this period.", "empty"));
    return;
  }
  const totals = days.map((d) => Object.values(perDay[d]).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const bar = 28, gap = 10, height = 180, top = 16, left = 36;
  const width = left + days.length * (bar + gap) + gap;
  const chart = svg("svg", {
    width, height: height + top + 40, viewBox: `0 0 ${width} ${height + top + 40}`,
    role: "img", "aria-label": "Redactions per identifier type per day", "data-chart": "redactions",
  });
  chart.append(svg("text", { x: 2, y: top + 4 }, max));
  chart.append(svg("text", { x: 2, y: top + height }, 0));
  chart.append(svg("line", { x1: left - 4, y1: top + height, x2: width, y2: top + height, stroke: "#999" }));
  days.forEach((day, i) => {
    const x = left + gap + i * (bar + gap);
    let y = top + height;
    kinds.forEach((kind, k) => {
      const count = perDay[day][kind] || 0;
      if (!count) return;
      const h = (count / max) * height;
      y -= h;
      const rect = svg("rect", {
        x, y, width: bar, height: h, fill: COLOURS[k % COLOURS.length],
        "data-day": day, "data-kind": kind, "data-count": count,
      });
      rect.append(svg("title", {}, `${day} · ${kind}: ${count}`));
      chart.append(rect);
    });
    chart.append(svg("text", { x, y: top + height + 14 }, day.slice(5)));
  });
  target.append(chart, legend(kinds));
}

function renderBlocks(byRule) {
  const target = $("chart-blocks");
  target.replaceChildren();
  const rules = Object.keys(byRule);
  if (!rules.length) {
    target.append(el("p", "No blocked requests in this period.", "empty"));
    return;
  }
  const max = Math.max(...Object.values(byRule), 1);
  const row = 22, labelWidth = 260, barWidth = 360;
  const height = rules.length * row + 8;
  const chart = svg("svg", {
    width: labelWidth + barWidth + 60, height, viewBox: `0 0 ${labelWidth + barWidth + 60} ${height}`,
    role: "img", "aria-label": "Blocked requests per rule", "data-chart": "blocks",
  });
  rules.forEach((rule, i) => {
    const y = 4 + i * row;
    const w = Math.max(2, (byRule[rule] / max) * barWidth);
    chart.append(svg("text", { x: 0, y: y + 14 }, rule));
    const rect = svg("rect", {
      x: labelWidth, y, width: w, height: row - 6, fill: COLOURS[2], "data-rule": rule, "data-count": byRule[rule],
    });
    rect.append(svg("title", {}, `${rule}: ${byRule[rule]}`));
    chart.append(rect, svg("text", { x: labelWidth + w + 6, y: y + 14 }, byRule[rule]));
  });
  target.append(chart);
}

function renderChain(chain, anchor) {
  const status = $("chain-status");
  if (chain.ok) {
    const cp = chain.last_checkpoint;
    const upTo = chain.verified_up_to === null ? "no entries yet" : "entry " + chain.verified_up_to;
    let text = `Chain verified up to ${upTo}` + (cp ? `, last checkpoint at ${cp.time} (size ${cp.tree_size})` : "");
    if (chain.unsigned_tail) text += ` · ${chain.unsigned_tail} newer entries await the next checkpoint`;
    status.textContent = text + ` · checked ${chain.checked_at}`;
    status.className = "status ok";
  } else {
    const where = chain.first_bad_seq === null ? "" : ` at entry ${chain.first_bad_seq}`;
    status.textContent = `Chain verification FAILED${where}: ${chain.reason}`;
    status.className = "status bad";
  }
  const anchorLine = $("anchor-status");
  if (anchor.last_anchored_at) {
    const minutes = Math.round(anchor.age_seconds / 60);
    anchorLine.textContent = `Last checkpoint anchored off this machine: ${anchor.last_anchored_at} ` +
      `(size ${anchor.last_anchored_size}, ${minutes} min ago)`;
    anchorLine.className = minutes > 60 ? "status warn" : "status";
  } else {
    anchorLine.textContent = "No checkpoint has been anchored off this machine: deleting recent entries " +
      "could not be proven.";
    anchorLine.className = "status warn";
  }
}

function fillTypes(types) {
  const select = $("f-type");
  if (select.options.length > 1) return;
  for (const type of types) {
    const option = el("option", type);
    option.value = type;
    select.append(option);
  }
}

function renderEvents(events, append) {
  const body = $("events").tBodies[0];
  if (!append) body.replaceChildren();
  for (const event of events) {
    const tr = document.createElement("tr");
    tr.dataset.type = event.type;
    const f = event.fields || {};
    const rule = f.rule_id || f.rule || "";
    const who = f.practitioner || f.principal || "";
    tr.append(el("td", event.seq), el("td", event.time), el("td", event.type), el("td", rule),
      el("td", who), el("td", JSON.stringify(f), "fields"));
    body.append(tr);
  }
  if (!append && !events.length) {
    const tr = document.createElement("tr");
    const td = el("td", "No events match these filters.", "empty");
    td.colSpan = 6;
    tr.append(td);
    body.append(tr);
  }
}

async function loadEvents(append) {
  const params = { ...filters(), limit: 100 };
  if (append && nextBefore !== null) params.before = nextBefore;
  const data = await (await api("/events", params)).json();
  renderEvents(data.events, append);
  nextBefore = data.next_before;
  $("more").hidden = nextBefore === null;
}

async function loadAll() {
  showError("");
  try {
    const f = filters();
    const data = await (await api("/summary", { since: f.since, until: f.until })).json();
    $("login").hidden = true;
    $("app").hidden = false;
    fillTypes(data.event_types);
    if (!$("f-since").value && data.filter.since) $("f-since").value = data.filter.since.slice(0, 10);
    renderChain(data.chain, data.anchor);
    renderMetrics(data.summary.decisions);
    renderRedactions(data.summary.redactions_per_day);
    renderBlocks(data.summary.blocks_by_rule);
    await loadEvents(false);
    document.body.dataset.loaded = "true";
  } catch (error) {
    showError(error.message);
  }
}

async function exportCsv() {
  try {
    const blob = await (await api("/events.csv", filters())).blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "cosigner-audit.csv";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) {
    showError(error.message);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    token = $("token-input").value.trim();
    $("token-input").value = "";
    if (token) loadAll();
  });
  $("filter-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadAll();
  });
  $("more").addEventListener("click", () => loadEvents(true).catch((e) => showError(e.message)));
  $("export-csv").addEventListener("click", exportCsv);
  takeTokenFromFragment();
  if (token) loadAll();
});
