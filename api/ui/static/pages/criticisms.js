// /ui/criticisms: every criticism on a timeline (by date, else report date), filtered by critic, target, their
// types and a date range. The filters live in the address, so a filtered view is a link.

import { documentIndex, getAll } from "../api.js";
import { h, replace } from "../dom.js";
import { ENTITY_TYPES, byDate, criticismDate, criticismItem, dateKey, dateText } from "../facts.js";

const DATE_PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?)?";
const TYPES = [...ENTITY_TYPES, "Event"];

/** Render the timeline for the filters in the address. */
export async function render(container, ctx) {
  ctx.setTitle("Criticisms");
  const filters = Object.fromEntries(["critic", "target", "critic_type", "target_type", "since", "until"]
    .map((name) => [name, ctx.query.get(name) ?? ""]));
  const results = h("div", { class: "timeline-results", "aria-live": "polite" });
  replace(container,
    h("h1", { tabindex: "-1" }, "Criticisms"),
    filterForm(filters, ctx),
    results);
  const [{ items, truncated }, documents] = await Promise.all([
    getAll("/criticisms", { critic: filters.critic, target: filters.target, since: filters.since, until: filters.until },
      ctx.signal),
    documentIndex(),
  ]);
  const shown = items.filter((c) => typeMatches(c.critic.type, filters.critic_type)
    && typeMatches(c.target.type, filters.target_type));
  replace(results,
    h("p", { class: "count" }, `${shown.length} ${shown.length === 1 ? "criticism" : "criticisms"}`,
      truncated ? " (of the first 20,000)" : ""),
    timeline(byDate(shown), documents));
  return null;
}

function typeMatches(type, wanted) {
  return !wanted || (wanted === "Event" ? !ENTITY_TYPES.includes(type) : type === wanted);
}

function field(label, name, value, attrs = {}, wide = false) {
  return h("div", { class: wide ? "field wide" : "field" }, h("label", { for: `f-${name}` }, label),
    h("input", { id: `f-${name}`, name, value, ...attrs }));
}

function typeSelect(label, name, value) {
  return h("div", { class: "field" }, h("label", { for: `f-${name}` }, label),
    h("select", { id: `f-${name}`, name },
      h("option", { value: "" }, "any"),
      TYPES.map((type) => h("option", { value: type, selected: type === value }, type))));
}

function filterForm(filters, ctx) {
  const dateHint = { pattern: DATE_PATTERN, placeholder: "e.g. 2026-06", inputmode: "numeric", title: "2026, 2026-06 or 2026-06-04" };
  const form = h("form", { class: "filters", "aria-label": "Filter criticisms" },
    field("Critic (name, alias or id)", "critic", filters.critic, { type: "search", autocomplete: "off" }, true),
    typeSelect("Critic type", "critic_type", filters.critic_type),
    field("Target (name, alias or id)", "target", filters.target, { type: "search", autocomplete: "off" }, true),
    typeSelect("Target type", "target_type", filters.target_type),
    field("From (date)", "since", filters.since, dateHint),
    field("Until (date)", "until", filters.until, dateHint),
    h("div", { class: "actions" },
      h("button", { type: "submit" }, "Filter"),
      h("a", { href: "criticisms", class: "button secondary" }, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (String(value).trim()) query.set(name, String(value).trim());
    ctx.navigate(`criticisms${query.size ? `?${query}` : ""}`);
  });
  return form;
}

/** Criticisms grouped by month (newest first), undated ones last. */
function timeline(criticisms, documents) {
  if (!criticisms.length) return h("p", { class: "empty" }, "No criticism matches these filters.");
  const groups = new Map();
  for (const criticism of criticisms) {
    const key = dateKey(criticismDate(criticism)).slice(0, 7);
    groups.set(key, [...(groups.get(key) ?? []), criticism]);
  }
  return h("ol", { class: "timeline" }, [...groups].map(([key, items]) => h("li", {},
    h("h2", {}, key ? dateText({ value: key, precision: key.length > 4 ? "month" : "year" }) : "Undated",
      h("span", { class: "count" }, ` · ${items.length}`)),
    h("ul", { class: "facts" }, items.map((c) => criticismItem(c, documents))))));
}
