// /ui/document/{id}?start=&end=: a document's text with the span supporting a fact highlighted and scrolled to.

import { ApiError, getJSON } from "../api.js";
import { errorBox, h, replace } from "../dom.js";
import { dateText } from "../facts.js";

/** Render the document in the address, highlighting [start, end) when given. */
export async function render(container, ctx) {
  const [id] = ctx.params;
  let doc;
  try {
    doc = await getJSON(`/documents/${encodeURIComponent(id)}`, {}, ctx.signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    ctx.setTitle("Not found");
    replace(container, h("h1", { tabindex: "-1" }, "No such document"), errorBox(error));
    return null;
  }
  const title = doc.title ?? `Document ${doc.id}`;
  ctx.setTitle(title);
  const span = spanOf(ctx.query, doc.text);
  const text = h("div", { class: "document-text", lang: "en" });
  replace(container,
    h("h1", { tabindex: "-1" }, title),
    h("dl", { class: "facts-summary" },
      doc.publisher ? [h("dt", {}, "Outlet"), h("dd", {}, doc.publisher)] : null,
      doc.published ? [h("dt", {}, "Published"), h("dd", {}, dateText(doc.published))] : null,
      doc.url ? [h("dt", {}, "Address"), h("dd", {}, h("a", { href: doc.url, rel: "noopener noreferrer" }, doc.url))]
        : null,
      h("dt", {}, "Id"), h("dd", {}, h("code", {}, doc.id))),
    span.error ? h("p", { class: "error", role: "alert" }, span.error) : null,
    span.range ? h("p", { class: "hint" }, "The highlighted text supports the fact you came from.") : null,
    text);
  if (!span.range) {
    text.append(doc.text);
    return null;
  }
  const [before, inside, after] = cut(doc.text, span.range);
  const mark = h("mark", { id: "span", tabindex: "-1", "aria-label": `Supporting text: ${inside}` }, inside);
  text.append(before, mark, after);
  // After layout, so the browser knows where the span is.
  requestAnimationFrame(() => {
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  });
  return null;
}

/** The span the address asks for: {range: [start, end]} in code points, {error} when it is not in the text, or {}. */
function spanOf(query, text) {
  if (!query.has("start")) return {};
  const start = Number(query.get("start"));
  const end = Number(query.get("end") ?? start);
  const length = codePointLength(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    return { error: `The span ${query.get("start")}–${query.get("end")} is not within this text of ${length} characters.` };
  }
  return { range: [start, end] };
}

// The API's offsets count Unicode code points (Python's str); JavaScript strings count UTF-16 units, which differ
// once a text holds a character outside the Basic Multilingual Plane (an emoji, say).
const ASTRAL = /[\uD800-\uDBFF]/;

function codePointLength(text) {
  return ASTRAL.test(text) ? Array.from(text).length : text.length;
}

/** ``text`` cut at code-point offsets [start, end] into before, inside, after. */
function cut(text, [start, end]) {
  if (!ASTRAL.test(text)) return [text.slice(0, start), text.slice(start, end), text.slice(end)];
  const points = Array.from(text);
  return [points.slice(0, start).join(""), points.slice(start, end).join(""), points.slice(end).join("")];
}
