// /ui/sparql: a plain SPARQL editor over /sparql, with the README's example queries. The query lives in the
// address (?query=), so a query is a link and survives a reload.

import { EXAMPLES, PREFIXES, sparql } from "../api.js";
import { announce, errorBox, h, replace, status } from "../dom.js";
import { documentHref, entityHref } from "../facts.js";

const RESOURCE = PREFIXES.kgr;
const DOCUMENT = `${RESOURCE}doc/`;
const MAX_ROWS_SHOWN = 2000;

/** Render the editor, and run the query in the address if there is one. */
export async function render(container, ctx) {
  ctx.setTitle("SPARQL");
  const initial = ctx.query.get("query") ?? EXAMPLES[0]?.query ?? "SELECT * WHERE { ?s ?p ?o } LIMIT 10";
  const editor = h("textarea", {
    id: "query", name: "query", rows: 14, spellcheck: "false", autocapitalize: "off", "aria-describedby": "query-hint",
  });
  editor.value = initial;
  const results = h("div", { class: "sparql-results", "aria-live": "polite" });
  const examples = h("select", { id: "example" },
    h("option", { value: "" }, "Choose an example…"),
    EXAMPLES.map((example, i) => h("option", { value: i, title: example.description }, example.title)));
  const form = h("form", { class: "sparql" },
    h("div", { class: "field" }, h("label", { for: "example" }, "Example queries (from the ontology's README)"), examples),
    h("div", { class: "field" }, h("label", { for: "query" }, "SPARQL query"), editor,
      h("p", { id: "query-hint", class: "hint" }, "Ctrl+Enter runs the query. Declared for you: ",
        Object.keys(PREFIXES).map((prefix, i) => [i ? ", " : "", h("code", { title: PREFIXES[prefix] }, `${prefix}:`)]),
        ". Read-only: updates and SERVICE are refused.")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Run query")));
  replace(container, h("h1", { tabindex: "-1" }, "SPARQL"), form, results);

  examples.addEventListener("change", () => {
    if (examples.value === "") return;
    editor.value = EXAMPLES[Number(examples.value)].query;
    editor.focus();
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set("query", editor.value);
    ctx.navigate(url.href, { replace: true });
    run(editor.value, results, ctx.signal);
  });
  if (ctx.query.has("query")) await run(initial, results, ctx.signal);
  return null;
}

async function run(query, results, signal) {
  replace(results, status("Running…"));
  const started = performance.now();
  try {
    const answer = await sparql(query, signal);
    const ms = Math.round(performance.now() - started);
    if (answer.kind === "boolean") replace(results, h("p", { class: "count" }, `Answer: ${answer.value} (${ms} ms)`));
    else if (answer.kind === "graph") replace(results, h("p", { class: "count" }, `Triples (Turtle, ${ms} ms)`),
      h("pre", { class: "turtle" }, answer.text));
    else replace(results, h("p", { class: "count" }, `${answer.rows.length} rows (${ms} ms)`), table(answer));
    announce(results.querySelector(".count").textContent);
  } catch (error) {
    if (error.name === "AbortError") return;
    replace(results, errorBox(error));
  }
}

function table({ vars, rows }) {
  return h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Query results" },
    h("table", {},
      h("thead", {}, h("tr", {}, vars.map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, rows.slice(0, MAX_ROWS_SHOWN).map((row) => h("tr", {},
        vars.map((name) => h("td", {}, term(row[name]))))))),
    rows.length > MAX_ROWS_SHOWN ? h("p", { class: "hint" }, `The first ${MAX_ROWS_SHOWN} rows are shown.`) : null);
}

/** A result term: the graph's own IRIs link to their explorer page, other values show as text. */
function term(value) {
  if (!value) return "";
  if (value.type !== "uri") return value.value;
  if (value.value.startsWith(DOCUMENT)) {
    return h("a", { href: documentHref({ document: value.value.slice(DOCUMENT.length) }) }, value.value);
  }
  const local = value.value.startsWith(RESOURCE) ? value.value.slice(RESOURCE.length) : null;
  if (local && /^(per|org|prd|plc|grp)-/.test(local)) return h("a", { href: entityHref(local) }, `kgr:${local}`);
  return local ? h("span", { title: value.value }, `kgr:${local}`) : value.value;
}
