// /ui/graph: the whole criticism network (critic → target, weighted by count, coloured by type) with a date range.

import { getAll } from "../api.js";
import { debounce, h, replace } from "../dom.js";
import { criticismDate, dateKey, dateText } from "../facts.js";
import { drawNetwork, edgesOf, edgeTable, legend } from "../network.js";

/** Render the network page; the range and the undated switch live in the address. */
export async function render(container, ctx) {
  ctx.setTitle("Criticism network");
  const { items, truncated } = await getAll("/criticisms", {}, ctx.signal);
  const months = monthsOf(items);
  const state = {
    from: Math.max(0, months.indexOf(ctx.query.get("from"))),
    to: months.includes(ctx.query.get("to")) ? months.indexOf(ctx.query.get("to")) : months.length - 1,
    undated: ctx.query.get("undated") !== "0",
  };
  const networkEl = h("div", { class: "network", role: "img", "aria-describedby": "network-summary" });
  const summary = h("p", { id: "network-summary", class: "count", "aria-live": "polite" });
  const table = h("details", {});
  const controls = rangeControls(months, state, () => redraw());
  replace(container,
    h("h1", { tabindex: "-1" }, "Criticism network"),
    h("p", { class: "lede" }, "Arrows run from critic to target; thicker arrows, more criticisms. Select a node to open its page."),
    controls, summary, legend(), networkEl, table,
    truncated ? h("p", { class: "hint" }, "Drawn from the first 20,000 criticisms only.") : null);

  let destroy = null;
  let drawn = 0;
  const redraw = debounce(async () => {
    const ticket = ++drawn;
    const shown = items.filter((c) => inRange(c, months, state));
    const { nodes, edges } = edgesOf(shown);
    const range = months.length ? `${monthText(months[state.from])} to ${monthText(months[state.to])}` : "all dates";
    summary.textContent = `${shown.length} criticisms between ${nodes.length} actors and events, ${range}`
      + `${state.undated ? ", undated ones included" : ""}.`;
    replace(table, h("summary", {}, "The same network as a table"), edgeTable(edges, summary.textContent));
    const url = new URL(window.location.href);
    if (months.length) {
      url.searchParams.set("from", months[state.from]);
      url.searchParams.set("to", months[state.to]);
    }
    if (state.undated) url.searchParams.delete("undated");
    else url.searchParams.set("undated", "0");
    ctx.navigate(url.href, { replace: true });
    destroy?.();
    destroy = null;
    const done = await drawNetwork(networkEl, shown, { navigate: ctx.navigate });
    if (ticket === drawn && !ctx.signal.aborted) destroy = done;
    else done();
  }, 120);
  redraw();
  return () => destroy?.();
}

/** The months (YYYY-MM) spanned by the criticisms' dates, in order: the slider's steps. */
function monthsOf(criticisms) {
  const months = new Set();
  for (const criticism of criticisms) {
    const span = monthSpan(criticism);
    if (span) span.forEach((month) => months.add(month));
  }
  return [...months].sort();
}

/** The first and last month a criticism's date covers (a year covers January to December), or null if undated. */
function monthSpan(criticism) {
  const key = dateKey(criticismDate(criticism));
  if (!key) return null;
  return key.length === 4 ? [`${key}-01`, `${key}-12`] : [key.slice(0, 7), key.slice(0, 7)];
}

function inRange(criticism, months, state) {
  const span = monthSpan(criticism);
  if (!span) return state.undated;
  return span[1] >= months[state.from] && span[0] <= months[state.to];
}

function monthText(month) {
  return dateText({ value: month, precision: "month" });
}

/** Two sliders (from, to) over the months, and the undated switch. */
function rangeControls(months, state, changed) {
  const disabled = months.length < 2;
  const max = Math.max(0, months.length - 1);
  const fromOut = h("output", { for: "range-from" }, months.length ? monthText(months[state.from]) : "—");
  const toOut = h("output", { for: "range-to" }, months.length ? monthText(months[state.to]) : "—");
  const from = h("input", { id: "range-from", type: "range", min: 0, max, step: 1, value: state.from, disabled });
  const to = h("input", { id: "range-to", type: "range", min: 0, max, step: 1, value: state.to, disabled });
  const undated = h("input", { id: "undated", type: "checkbox", checked: state.undated });
  const update = () => {
    // The two thumbs never cross: moving one past the other pushes it along.
    state.from = Number(from.value);
    state.to = Number(to.value);
    if (state.from > state.to) {
      if (document.activeElement === from) to.value = state.to = state.from;
      else from.value = state.from = state.to;
    }
    fromOut.textContent = monthText(months[state.from]);
    toOut.textContent = monthText(months[state.to]);
    from.setAttribute("aria-valuetext", fromOut.textContent);
    to.setAttribute("aria-valuetext", toOut.textContent);
    changed();
  };
  from.addEventListener("input", update);
  to.addEventListener("input", update);
  undated.addEventListener("change", () => { state.undated = undated.checked; changed(); });
  return h("fieldset", { class: "range" }, h("legend", {}, "Dates"),
    h("div", { class: "field" }, h("label", { for: "range-from" }, "From"), from, fromOut),
    h("div", { class: "field" }, h("label", { for: "range-to" }, "To"), to, toOut),
    h("div", { class: "field check" }, undated, h("label", { for: "undated" }, "Include undated criticisms")),
    disabled ? h("p", { class: "hint" }, months.length ? "Every dated criticism falls in one month."
      : "No criticism in the graph has a date yet: the sliders have nothing to range over.") : null);
}
