// The criticism network (critic → target, weighted by how many criticisms) drawn with Cytoscape.js.

import { h } from "./dom.js";
import { ENTITY_TYPES, entityHref, entityRef } from "./facts.js";

/** Node colours by type; the legend and the CSS badges use the same ones. */
export const TYPE_COLOURS = {
  Person: "#1f77b4",
  Organization: "#d62728",
  Product: "#2ca02c",
  Place: "#9467bd",
  Group: "#7f7f7f",
  Event: "#ff7f0e",
};

/** Critic → target edges with their counts, and the nodes they join (weighted by criticisms made + received). */
export function edgesOf(criticisms) {
  const nodes = new Map();
  const edges = new Map();
  for (const { critic, target } of criticisms) {
    for (const ref of [critic, target]) {
      const node = nodes.get(ref.id) ?? { ref, weight: 0 };
      node.weight += 1;
      nodes.set(ref.id, node);
    }
    const key = `${critic.id}\u0000${target.id}`;
    const edge = edges.get(key) ?? { critic, target, count: 0 };
    edge.count += 1;
    edges.set(key, edge);
  }
  const sorted = [...edges.values()].sort((a, b) => b.count - a.count || a.critic.label.localeCompare(b.critic.label));
  return { nodes: [...nodes.values()], edges: sorted };
}

/** Cytoscape's elements for a network from ``edgesOf``. */
function elements({ nodes, edges }, focusId) {
  const typeOf = (type) => (ENTITY_TYPES.includes(type) ? type : "Event");
  return [
    ...nodes.map(({ ref, weight }) => ({
      data: {
        id: ref.id, label: ref.label, type: typeOf(ref.type), weight,
        colour: TYPE_COLOURS[typeOf(ref.type)], linkable: ENTITY_TYPES.includes(ref.type) ? 1 : 0,
      },
      classes: ref.id === focusId ? "focus" : "",
    })),
    ...edges.map(({ critic, target, count }, i) => ({
      data: { id: `e${i}`, source: critic.id, target: target.id, count, label: count > 1 ? String(count) : "" },
    })),
  ];
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)", label: "data(label)", "font-size": 11, color: "#222",
      "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": "120px",
      width: "mapData(weight, 1, 12, 14, 44)", height: "mapData(weight, 1, 12, 14, 44)",
      "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": "1px",
      "min-zoomed-font-size": 7, // labels too small to read are not drawn (zoom in to see them)
    },
  },
  { selector: "node.focus", style: { "border-width": 3, "border-color": "#111" } },
  {
    selector: "edge",
    style: {
      width: "mapData(count, 1, 6, 1.5, 8)", "line-color": "#9aa", "target-arrow-color": "#9aa",
      "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 10,
      "text-background-color": "#fff", "text-background-opacity": 0.8,
    },
  },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } },
];

/** Draw the network of ``criticisms`` in ``el``; a tap on an entity opens its page. Returns a destroy function. */
export async function drawNetwork(el, criticisms, { focusId = null, navigate } = {}) {
  const { default: cytoscape } = await import("./vendor/cytoscape.esm.min.js");
  const cy = cytoscape({
    container: el,
    elements: elements(edgesOf(criticisms), focusId),
    style: STYLE,
    layout: {
      name: "cose", animate: false, randomize: false, padding: 30, nodeOverlap: 40,
      nodeRepulsion: () => 60000, idealEdgeLength: () => 110,
    },
    minZoom: 0.2,
    maxZoom: 4,
  });
  // A small network would be blown up to fill the box: keep its labels at a readable size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  cy.on("tap", "node", (event) => {
    const node = event.target;
    if (node.data("linkable") && navigate) navigate(entityHref(node.id()));
  });
  return () => cy.destroy();
}

/** The network as a table (for screen readers, keyboards and exact counts). */
export function edgeTable(edges, caption) {
  return h("table", { class: "edges" }, h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Critic"), h("th", { scope: "col" }, "Target"),
      h("th", { scope: "col", class: "num" }, "Criticisms"))),
    h("tbody", {}, edges.map(({ critic, target, count }) => h("tr", {},
      h("td", {}, entityRef(critic)), h("td", {}, entityRef(target)), h("td", { class: "num" }, String(count))))));
}

/** A legend of the node colours. */
export function legend() {
  return h("ul", { class: "legend", "aria-label": "Node colours" }, Object.entries(TYPE_COLOURS).map(([type, colour]) =>
    h("li", {}, h("span", { class: "swatch", style: `background:${colour}`, "aria-hidden": "true" }), type)));
}
