// /ui/entity/{id}: an entity, the criticisms it made and received (as lists and as a network), its relations,
// events, claims and documents; every fact links to its source.

import { ApiError, documentIndex, getJSON } from "../api.js";
import { errorBox, h, replace } from "../dom.js";
import {
  byDate, criticismList, dateText, documentHref, entityRef, outletName, sourceLinks, timeEl, typeBadge,
} from "../facts.js";
import { drawNetwork, edgesOf, edgeTable, legend } from "../network.js";

const PREDICATES = {
  affiliated_with: "is affiliated with",
  developed_by: "is developed by",
  invested_in: "invested in",
  authored: "authored",
};
const RELATION_HEADINGS = {
  affiliated_with: "People and roles",
  developed_by: "Products",
  invested_in: "Investors and investments",
  authored: "Publications",
};

/** Render the page of the entity in the address. */
export async function render(container, ctx) {
  const [id] = ctx.params;
  let entity;
  try {
    entity = await getJSON(`/entities/${encodeURIComponent(id)}`, { limit: 1000 }, ctx.signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    ctx.setTitle("Not found");
    replace(container, h("h1", { tabindex: "-1" }, "No such entity"), errorBox(error),
      h("p", {}, h("a", { href: "./" }, "Search the graph")));
    return null;
  }
  const [documents, claims] = await Promise.all([
    documentIndex(),
    getJSON("/claims", { claimant: entity.id, limit: 200 }, ctx.signal).catch((error) => error),
  ]);
  ctx.setTitle(entity.label);
  const networkEl = h("div", { class: "network small", role: "img", "aria-label": networkLabel(entity) });
  const all = [...entity.criticisms_received, ...entity.criticisms_made];
  const sections = [
    ["received", `Criticisms received (${entity.criticisms_received.length})`],
    ["made", `Criticisms made (${entity.criticisms_made.length})`],
    ["relations", `Relations (${entity.relations.length})`],
    ["events", `Events (${entity.events.length})`],
    ["claims", "Claims"],
    ["documents", `Documents (${entity.documents.length})`],
  ];
  replace(container,
    header(entity),
    h("nav", { class: "toc", "aria-label": "On this page" },
      h("ul", {}, sections.map(([id, title]) => h("li", {}, h("a", { href: `#${id}-h` }, title))))),
    section("received", `Criticisms received (${entity.criticisms_received.length})`,
      criticismList(byDate(entity.criticisms_received), documents, `Nobody in the graph criticised ${entity.label}.`)),
    section("made", `Criticisms made (${entity.criticisms_made.length})`,
      criticismList(byDate(entity.criticisms_made), documents, `${entity.label} criticised nobody in the graph.`)),
    all.length ? section("network", "Who criticised whom around it", networkEl, legend(),
      h("details", {}, h("summary", {}, "The same network as a table"),
        edgeTable(edgesOf(all).edges, `Criticisms made and received by ${entity.label}`))) : null,
    section("relations", `Relations (${entity.relations.length})`, relations(entity, documents)),
    section("events", `Events (${entity.events.length})`, events(entity.events, documents)),
    section("claims", "Claims", claims instanceof Error ? errorBox(claims) : claimList(claims.items, documents)),
    section("documents", `Documents (${entity.documents.length})`, documentList(entity.documents)));
  if (!all.length) return null;
  return drawNetwork(networkEl, all, { focusId: entity.id, navigate: ctx.navigate });
}

function networkLabel(entity) {
  return `Network of the criticisms made and received by ${entity.label}; the table below lists the same edges.`;
}

function header(entity) {
  return h("header", { class: "entity-header" },
    h("h1", { tabindex: "-1" }, entity.label, " ", typeBadge(entity.type)),
    h("dl", { class: "facts-summary" },
      entity.aliases.length ? [h("dt", {}, "Also called"), h("dd", {}, entity.aliases.join(", "))] : null,
      h("dt", {}, "Mentions"), h("dd", {}, `${entity.mentions} in ${entity.document_count} documents`),
      h("dt", {}, "Id"), h("dd", {}, h("code", {}, entity.id),
        entity.same_as.length ? ` (merged with ${entity.same_as.join(", ")})` : "")));
}

function section(id, title, ...content) {
  return h("section", { id, "aria-labelledby": `${id}-h` }, h("h2", { id: `${id}-h`, tabindex: "-1" }, title), content);
}

function relations(entity, documents) {
  if (!entity.relations.length) return h("p", { class: "empty" }, "No relations found.");
  const groups = new Map();
  for (const relation of entity.relations) groups.set(relation.predicate, [...(groups.get(relation.predicate) ?? []), relation]);
  return [...groups].map(([predicate, items]) => h("div", { class: "group" },
    h("h3", {}, RELATION_HEADINGS[predicate] ?? predicate),
    h("ul", { class: "facts" }, items.map((relation) => h("li", { class: "fact relation" },
      h("p", {}, entityRef(relation.subject), ` ${PREDICATES[relation.predicate] ?? relation.predicate} `,
        entityRef(relation.object), relation.role ? h("span", { class: "role" }, ` as ${relation.role}`) : null),
      h("p", { class: "meta" }, sourceLinks(relation.sources, documents)))))));
}

function money(amount) {
  if (!amount) return null;
  const value = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(amount.value);
  return `${amount.approximate ? "about " : ""}${value} ${amount.currency}`;
}

function events(items, documents) {
  if (!items.length) return h("p", { class: "empty" }, "No events found.");
  return h("ul", { class: "facts" }, items.map((event) => h("li", { class: "fact event" },
    h("p", { class: "who" }, h("strong", {}, event.label), " ", typeBadge(event.type)),
    h("p", {}, event.participants.map((p, i) => [i ? "; " : "", `${p.role}: `, entityRef(p.entity)])),
    event.amount || event.valuation
      ? h("p", {}, [money(event.amount) && `Amount ${money(event.amount)}`,
        money(event.valuation) && `valuation ${money(event.valuation)}`].filter(Boolean).join(", "))
      : null,
    h("p", { class: "meta" }, timeEl(event.date), " · ", sourceLinks(event.sources, documents)))));
}

function claimList(items, documents) {
  if (!items.length) return h("p", { class: "empty" }, "No claims found.");
  return h("ul", { class: "facts" }, items.map((claim) => h("li", { class: "fact claim" },
    h("blockquote", { class: "quote" }, claim.text),
    claim.about.length ? h("p", {}, "About ", claim.about.map((ref, i) => [i ? ", " : "", entityRef(ref)])) : null,
    h("p", { class: "meta" }, sourceLinks(claim.sources, documents)))));
}

function documentList(items) {
  if (!items.length) return h("p", { class: "empty" }, "No documents.");
  return h("ul", { class: "documents" }, items.map((doc) => h("li", {},
    h("a", { href: documentHref({ document: doc.id }) }, outletName(doc, doc.id)),
    doc.published ? ` · ${dateText(doc.published)}` : "")));
}
