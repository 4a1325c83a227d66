// How facts look on every page: entities, dates, sources, criticisms; and the aggregates the API does not give.

import { h } from "./dom.js";

/** The types of entity the API has pages for (a criticism may also target an event). */
export const ENTITY_TYPES = ["Person", "Organization", "Product", "Place", "Group"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The explorer's link to an entity page (relative to the shell's <base>). */
export function entityHref(id) {
  return `entity/${encodeURIComponent(id)}`;
}

/** The explorer's link to a document with the span [start, end) highlighted. */
export function documentHref(source) {
  const base = `document/${encodeURIComponent(source.document)}`;
  return source.start === undefined ? base : `${base}?start=${source.start}&end=${source.end}`;
}

/** An entity's name as a link to its page (plain text for an event), with its type. */
export function entityRef(ref) {
  const name = ENTITY_TYPES.includes(ref.type)
    ? h("a", { href: entityHref(ref.id), class: "entity" }, ref.label)
    : h("span", { class: "entity" }, ref.label);
  return h("span", { class: "ref" }, name, " ", typeBadge(ref.type));
}

/** A small label naming an entity's (or event's) type. */
export function typeBadge(type) {
  return h("span", { class: `badge type-${ENTITY_TYPES.includes(type) ? type : "Event"}` }, type);
}

/** A DateRef as people read it: "4 Jun 2026", "Jun 2026", "2026", "4 Jun (year unknown)"; "inferred" marked. */
export function dateText(date) {
  if (!date) return "undated";
  const [, year, month, day] = /^(\d{4}|-)-?(\d{2})?-?(\d{2})?/.exec(date.value) ?? [];
  let text = date.value;
  if (year === "-") text = `${Number(day)} ${MONTHS[Number(month) - 1]} (year unknown)`;
  else if (day) text = `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  else if (month) text = `${MONTHS[Number(month) - 1]} ${year}`;
  return date.inferred ? `${text} (inferred)` : text;
}

/** The date a criticism is placed at: when it was made, else when it was reported. */
export function criticismDate(criticism) {
  return criticism.date ?? criticism.reported ?? null;
}

/** A sortable key of a DateRef ("" when there is none or its year is unknown). */
export function dateKey(date) {
  return date && /^\d{4}/.test(date.value) ? date.value : "";
}

/** A <time> element for a DateRef. */
export function timeEl(date) {
  const key = dateKey(date);
  return h("time", key ? { datetime: key } : {}, dateText(date));
}

/** What a document is called where it is cited: its outlet, else its title, else its id. */
export function outletName(doc, id) {
  if (doc?.publisher && doc?.title) return `${doc.publisher}: ${doc.title}`;
  return doc?.publisher ?? doc?.title ?? `document ${id.slice(0, 8)}`;
}

/** Links to the documents supporting a fact, each opening the document at its span. */
export function sourceLinks(sources, documents) {
  return h("span", { class: "sources" }, "Source: ", sources.map((source, i) => {
    const doc = documents?.get(source.document);
    const name = outletName(doc, source.document);
    const published = doc?.published ? ` (${dateText(doc.published)})` : "";
    return [i ? ", " : "", h("a", {
      href: documentHref(source),
      class: "source",
      title: source.sentence,
      "aria-label": `${name}${published}: open the document at the supporting text`,
    }, name + published)];
  }));
}

/** One criticism: critic → target, the quote (else the summary), its date and its sources. */
export function criticismItem(criticism, documents) {
  const words = criticism.quote
    ? h("blockquote", { class: "quote" }, `“${criticism.quote}”`)
    : h("p", { class: "summary" }, criticism.summary);
  return h("li", { class: "fact criticism" },
    h("p", { class: "who" }, entityRef(criticism.critic), h("span", { "aria-label": "criticised" }, " → "),
      entityRef(criticism.target)),
    words,
    h("p", { class: "meta" }, when(criticism), " · ", sourceLinks(criticism.sources, documents),
      criticism.rule ? [" · ", ruleTag(criticism.rule)] : []));
}

/** The extraction rule that made a fact, small: what to look at when the fact is wrong. */
export function ruleTag(rule) {
  return h("span", { class: "rule", title: "the extraction rule that made this fact" }, rule);
}

/** When a criticism was made, else when it was reported (said so), else "undated". */
function when(criticism) {
  if (criticism.date || !criticism.reported) return timeEl(criticism.date);
  return ["reported ", timeEl(criticism.reported)];
}

/** A list of criticisms, or a line saying there are none. */
export function criticismList(criticisms, documents, empty = "None found.") {
  if (!criticisms.length) return h("p", { class: "empty" }, empty);
  return h("ul", { class: "facts" }, criticisms.map((c) => criticismItem(c, documents)));
}

/** Actors ranked by how many criticisms they made (side "critic") or received ("target"), most first. */
export function rank(criticisms, side, { skipGroups = true } = {}) {
  const counts = new Map();
  for (const criticism of criticisms) {
    const ref = criticism[side];
    if (skipGroups && ref.type === "Group") continue;
    const entry = counts.get(ref.id) ?? { ref, count: 0 };
    entry.count += 1;
    counts.set(ref.id, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.ref.label.localeCompare(b.ref.label));
}

/** Criticisms newest first by their date (else reported date); undated ones last, in the API's order. */
export function byDate(criticisms) {
  return criticisms
    .map((criticism, index) => ({ criticism, index, key: dateKey(criticismDate(criticism)) }))
    .sort((a, b) => (a.key === b.key ? a.index - b.index : !a.key ? 1 : !b.key ? -1 : b.key.localeCompare(a.key)))
    .map(({ criticism }) => criticism);
}
