// Builds DOM nodes without markup strings: text always goes through textContent, so server data can never become
// HTML (the page never uses innerHTML).

/**
 * h('div', {class: 'x', onclick: fn, dataset: {id: 1}}, 'text', child, [more]) → an element.
 * Attributes whose value is null, undefined or false are left out; true sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' || name === 'checked') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends strings (as text), nodes and nested arrays of them. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of parent. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** SVG elements need their namespace. */
export function svg(tag, attrs = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** "12 s", "4 min", "2 h 5 min" since an ISO instant (or between two). */
export function age(fromIso, toMs = Date.now()) {
  const from = Date.parse(fromIso);
  if (Number.isNaN(from)) return '–';
  const seconds = Math.max(0, Math.round((toMs - from) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

/** The first characters of a long id, the whole of it in the title. */
export function shortId(id, length = 8) {
  const text = String(id ?? '');
  return h('code', {title: text, class: 'id'}, text.length > length ? `${text.slice(0, length)}…` : text);
}

/** Shows a refusal or failure in a view's problem banner; null hides it. */
export function showProblem(banner, message) {
  banner.hidden = !message;
  banner.textContent = message || '';
}

/**
 * A view's refresh, one at a time: load, then render with the time of the answer, stamp `updated`, and show a failure
 * in the `problem` banner instead.
 */
export function refresher(load, render, updated, problem) {
  let inFlight = false;
  return async function refresh() {
    if (inFlight) return;
    inFlight = true;
    try {
      const data = await load();
      const now = Date.now();
      render(data, now);
      updated.textContent = ` · updated ${new Date(now).toLocaleTimeString()}`;
      showProblem(problem, null);
    } catch (error) {
      showProblem(problem, error.message);
    } finally {
      inFlight = false;
    }
  };
}
