// /ui/: search entities as you type; the most criticised and most critical actors; the latest criticisms.

import { documentIndex, getAll, getJSON } from "../api.js";
import { announce, debounce, errorBox, h, replace, status } from "../dom.js";
import { byDate, criticismList, entityHref, rank, typeBadge } from "../facts.js";

const TOP = 10;
const LATEST = 8;

/** Render the start page into ``container``. */
export async function render(container, ctx) {
  ctx.setTitle("Explore");
  const input = h("input", {
    id: "search", type: "search", name: "q", autocomplete: "off", spellcheck: "false",
    "aria-describedby": "search-hint", "aria-controls": "search-results", value: ctx.query.get("q") ?? "",
  });
  const results = h("ul", { id: "search-results", class: "results", "aria-label": "Matching entities" });
  const searchStatus = h("p", { class: "hint", id: "search-hint" }, "Type a name or alias; ↓ moves into the results.");
  const ranks = h("div", { class: "columns" }, status("Counting criticisms…"));
  const latest = h("div", {}, status("Loading…"));
  replace(container,
    h("h1", { tabindex: "-1" }, "Explore the AI-news knowledge graph"),
    h("p", { class: "lede" }, "Who criticised whom, and when: every fact links to the sentence that supports it."),
    h("form", { role: "search", class: "search", onsubmit: (event) => event.preventDefault() },
      h("label", { for: "search" }, "Search entities by name or alias"), input, searchStatus, results),
    h("section", { "aria-labelledby": "ranks-h" }, h("h2", { id: "ranks-h" }, "Criticism at a glance"), ranks),
    h("section", { "aria-labelledby": "latest-h" },
      h("h2", { id: "latest-h" }, "Latest criticisms"), latest,
      h("p", {}, h("a", { href: "criticisms" }, "All criticisms on a timeline →"))));
  wireSearch(input, results, searchStatus, ctx);
  if (input.value) search(input.value, results, searchStatus, ctx);

  try {
    const [{ items, truncated }, documents] = await Promise.all([
      getAll("/criticisms", {}, ctx.signal), documentIndex(),
    ]);
    replace(ranks,
      ranking("Most criticised", rank(items, "target"), "received"),
      ranking("Most critical", rank(items, "critic"), "made"));
    ranks.after(h("p", { class: "hint" }, "Unnamed groups (“critics”, “developers”) are left out of the rankings.",
      truncated ? " Counted over the first 20,000 criticisms only." : ""));
    replace(latest, criticismList(byDate(items).slice(0, LATEST), documents, "No criticisms in the graph yet."));
  } catch (error) {
    if (error.name === "AbortError") throw error;
    replace(ranks, errorBox(error));
    replace(latest);
  }
}

/** Search as the user types; arrow keys move between the input and the results. */
function wireSearch(input, results, searchStatus, ctx) {
  const run = debounce(() => search(input.value, results, searchStatus, ctx), 150);
  input.addEventListener("input", () => {
    const url = new URL(window.location.href);
    if (input.value) url.searchParams.set("q", input.value);
    else url.searchParams.delete("q");
    ctx.navigate(url.href, { replace: true });
    run();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      results.querySelector("a")?.focus();
    }
  });
  results.addEventListener("keydown", (event) => {
    const links = [...results.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < links.length - 1) links[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? links[at - 1] : input).focus();
    else if (event.key === "Escape") input.focus();
    else return;
    event.preventDefault();
  });
}

let latestSearch = 0;

/** Show the entities whose label or alias contains ``text``. */
async function search(text, results, searchStatus, ctx) {
  const ticket = ++latestSearch;
  const q = text.trim();
  if (!q) {
    replace(results);
    replace(searchStatus, "Type a name or alias; ↓ moves into the results.");
    return;
  }
  try {
    const page = await getJSON("/entities", { q, limit: 20 }, ctx.signal);
    if (ticket !== latestSearch) return; // a later keystroke's answer wins
    replace(results, page.items.map((entity) => h("li", {},
      h("a", { href: entityHref(entity.id) }, entity.label), " ", typeBadge(entity.type),
      entity.aliases.length ? h("span", { class: "aliases" }, ` also ${entity.aliases.join(", ")}`) : null,
      h("span", { class: "count" }, ` · ${entity.mentions} mentions`))));
    const found = page.total === 1 ? "1 entity" : `${page.total} entities`;
    replace(searchStatus, page.total ? `${found} match “${q}”.` : `Nothing matches “${q}”.`);
    announce(searchStatus.textContent);
  } catch (error) {
    if (error.name === "AbortError" || ticket !== latestSearch) return;
    replace(results);
    replace(searchStatus, errorBox(error));
  }
}

/** A ranked list of actors with their criticism counts, drawn as bars. */
function ranking(title, ranked, verb) {
  const top = ranked.slice(0, TOP);
  const most = top[0]?.count ?? 1;
  return h("section", { class: "ranking" }, h("h3", {}, title),
    top.length ? h("ol", {}, top.map(({ ref, count }) => h("li", {},
      h("a", { href: entityHref(ref.id) }, ref.label), " ", typeBadge(ref.type),
      h("span", { class: "bar", style: `width:${Math.max(4, (100 * count) / most)}%`, "aria-hidden": "true" }),
      h("span", { class: "count" }, `${count} ${count === 1 ? "criticism" : "criticisms"} ${verb}`))))
      : h("p", { class: "empty" }, "No criticisms yet."));
}
