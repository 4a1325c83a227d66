// The REST API and /sparql, as the pages call them. Every page reads the public API only.

const config = JSON.parse(document.getElementById("kg-config").textContent);

/** Where the service is mounted ("" at the server's root). */
export const ROOT = config.root;
/** The prefixes /sparql declares for every query. */
export const PREFIXES = config.prefixes;
/** The example queries of ontology/README.md: {title, description, query}. */
export const EXAMPLES = config.examples;
/** The most items one request asks for (the API's maximum page size). */
const PAGE = 1000;
/** Stop paging after this many items: an aggregate over more would make the page too slow anyway. */
const MAX_ITEMS = 20000;

/** An error answer of the API: its HTTP status, its code and its message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The URL of an API path with the non-empty parameters set. */
export function apiUrl(path, params = {}) {
  const url = new URL(`${ROOT}${path}`, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  return url;
}

/** Throw the API's own error message for a failed response. */
async function check(response) {
  if (response.ok) return response;
  let body = null;
  try { body = await response.json(); } catch { /* not JSON: fall back on the status line */ }
  const message = body?.error?.message ?? `${response.status} ${response.statusText}`;
  throw new ApiError(response.status, body?.error?.code ?? "http_error", message);
}

/** GET a JSON answer. */
export async function getJSON(path, params = {}, signal = undefined) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" }, signal });
  return (await check(response)).json();
}

/** Every item of a paged list endpoint ({items, total}), page by page; ``truncated`` when MAX_ITEMS was reached. */
export async function getAll(path, params = {}, signal = undefined) {
  const items = [];
  for (;;) {
    const page = await getJSON(path, { ...params, limit: PAGE, offset: items.length }, signal);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return { items, total: page.total, truncated: false };
    if (items.length >= MAX_ITEMS) return { items, total: page.total, truncated: true };
  }
}

let documentsPromise = null;

/** Metadata of every document by id (title, publisher, published), fetched once per visit. */
export function documentIndex() {
  documentsPromise ??= getAll("/documents")
    .then(({ items }) => new Map(items.map((doc) => [doc.id, doc])))
    .catch((error) => { documentsPromise = null; throw error; });
  return documentsPromise;
}

/** Run a SPARQL query: {kind: "table", vars, rows} | {kind: "boolean", value} | {kind: "graph", text}. */
export async function sparql(query, signal = undefined) {
  const response = await fetch(`${ROOT}/sparql`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/sparql-results+json, text/turtle;q=0.9",
    },
    body: new URLSearchParams({ query }),
    signal,
  });
  await check(response);
  if (!(response.headers.get("Content-Type") ?? "").includes("json")) return { kind: "graph", text: await response.text() };
  const body = await response.json();
  if ("boolean" in body) return { kind: "boolean", value: body.boolean };
  return { kind: "table", vars: body.head.vars, rows: body.results.bindings };
}
