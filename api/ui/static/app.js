// The explorer's router: every /ui/ path loads this shell, and the page its path names is rendered here.
// Links inside /ui/ change the page without a reload (History API); the address is always a deep link.

import { ROOT } from "./api.js";
import { announce, errorBox, h, replace, status } from "./dom.js";

const BASE = `${ROOT}/ui/`;
const ROUTES = [
  { pattern: /^$/, nav: "home", load: () => import("./pages/home.js") },
  { pattern: /^entity\/([^/]+)$/, nav: null, load: () => import("./pages/entity.js") },
  { pattern: /^criticisms\/?$/, nav: "criticisms", load: () => import("./pages/criticisms.js") },
  { pattern: /^graph\/?$/, nav: "graph", load: () => import("./pages/graph.js") },
  { pattern: /^sparql\/?$/, nav: "sparql", load: () => import("./pages/sparql.js") },
  { pattern: /^document\/([^/]+)$/, nav: null, load: () => import("./pages/document.js") },
];

const main = document.getElementById("main");
let current = { abort: new AbortController(), cleanup: null };

/** The page of the current address: its route, its decoded path parameters and its query. */
function match(url) {
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : null;
  for (const route of ROUTES) {
    const found = path === null ? null : route.pattern.exec(path);
    if (found) return { route, params: found.slice(1).map(decodeURIComponent) };
  }
  return null;
}

/** Render the page of the current address; ``moveFocus`` after a navigation, not on first load. */
async function render(moveFocus) {
  current.abort.abort();
  current.cleanup?.();
  const abort = new AbortController();
  current = { abort, cleanup: null };
  const url = new URL(window.location.href);
  const found = match(url);
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === found?.route.nav) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  // Each render gets a fresh container: one still running after a navigation writes into a detached node.
  const container = h("div", { class: "page" }, status("Loading…"));
  replace(main, container);
  main.setAttribute("aria-busy", "true");
  const ctx = {
    params: found?.params ?? [],
    query: url.searchParams,
    signal: abort.signal,
    setTitle: (text) => { document.title = `${text} · AI-news knowledge graph`; },
    navigate,
  };
  try {
    if (!found) throw new Error(`There is no page at ${url.pathname}.`);
    const page = await found.route.load();
    current.cleanup = (await page.render(container, ctx)) ?? null;
  } catch (error) {
    if (error.name === "AbortError") return;
    ctx.setTitle("Error");
    replace(container, h("h1", { tabindex: "-1" }, "Something went wrong"), errorBox(error));
  } finally {
    if (!abort.signal.aborted) main.removeAttribute("aria-busy");
  }
  if (abort.signal.aborted) return;
  if (moveFocus) {
    // Screen readers start reading the new page at its heading, as after a full page load.
    const heading = container.querySelector("h1");
    (heading ?? main).focus({ preventScroll: false });
    announce(document.title);
  }
}

/** Go to ``href`` (a URL within /ui/) without reloading; ``replace`` edits the history entry instead. */
export function navigate(href, { replace: replaceEntry = false } = {}) {
  const url = new URL(href, document.baseURI);
  if (replaceEntry) {
    window.history.replaceState(null, "", url);
    return;
  }
  window.history.pushState(null, "", url);
  window.scrollTo(0, 0);
  render(true);
}

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  const raw = link.getAttribute("href");
  if (raw.startsWith("#")) {
    // The shell's <base> would resolve "#main" to /ui/#main: move focus within this page instead.
    event.preventDefault();
    document.getElementById(raw.slice(1))?.focus();
    return;
  }
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target || link.hasAttribute("download")) return;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith(BASE) || link.hasAttribute("data-external")) return;
  event.preventDefault();
  navigate(url.href);
});

window.addEventListener("popstate", () => render(true));
render(false);
