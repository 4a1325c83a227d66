// Building DOM nodes: text always goes in as text nodes, never as HTML, so no fact from a document can inject markup.

/** An element with attributes ("onclick": a listener; true: a bare attribute; null/false: left out) and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Append children (nodes, strings, numbers, nested arrays; null and false are skipped). */
export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replace the children of ``el``. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Tell screen-reader users something that changed without moving their focus. */
export function announce(message) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  // A new text node after a tick is announced even when the message repeats.
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A status line, e.g. "Loading…", marked busy for assistive technology. */
export function status(text) {
  return h("p", { class: "status", role: "status" }, text);
}

/** An error box whose text is read out at once. */
export function errorBox(error) {
  return h("p", { class: "error", role: "alert" }, error?.message ?? String(error));
}

/** Call ``fn`` once input has paused for ``ms`` milliseconds. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
