// Shared by the pages: builds a DOM element; children are nodes or plain text, never HTML.
'use strict';

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
