// Small DOM helpers. Every value that comes from a user or from the cloud goes in as text (textContent or a
// DOM attribute), never as HTML: nothing here parses markup.

/** @returns the element with this id */
export const byId = (id) => document.getElementById(id);

/**
 * Creates an element.
 * @param {string} tag the element name
 * @param {object} [props] `class`, `text`, `title` and other attributes, set as attributes (not parsed)
 * @param {...(Node|string)} children nodes, or strings added as text nodes
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') element.textContent = value;
    else if (key === 'class') element.className = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** Sets a node's text only when it changed, so that polling does not disturb screen readers or selection. */
export function setText(node, text) {
  const value = text ?? '';
  if (node.textContent !== value) node.textContent = value;
}

/** Shows or hides an element with the `hidden` attribute. */
export function show(node, visible) {
  node.hidden = !visible;
}
