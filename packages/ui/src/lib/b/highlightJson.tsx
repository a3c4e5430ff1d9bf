import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import type { ReactNode } from 'react';

// Core plus one language keeps highlight.js small; registering is idempotent but done once.
if (!hljs.getLanguage('json')) hljs.registerLanguage('json', json);

/**
 * Highlights JSON text into React elements. highlight.js returns HTML with the text escaped;
 * instead of injecting it, we parse it into an inert document (DOMParser runs no script and
 * loads nothing) and rebuild only two things: text nodes as React text and `<span class="hljs-…">`
 * as spans. Anything else — which escaped output never contains — is dropped to its text.
 */
export function highlightJson(text: string): ReactNode[] {
  if (typeof DOMParser === 'undefined') return [text];
  const html = hljs.highlight(text, { language: 'json', ignoreIllegals: true }).value;
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return toReact(doc.body.childNodes, 'h');
}

function toReact(nodes: NodeListOf<ChildNode>, prefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    const key = `${prefix}${index}`;
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const children = toReact(element.childNodes, `${key}.`);
    const scope = element.getAttribute('class') ?? '';
    if (element.tagName === 'SPAN' && /^hljs-[\w-]+( [\w-]+_*)*$/.test(scope)) {
      out.push(
        <span key={key} className={scope} data-token={scope.replace(/^hljs-/, '').split(' ')[0]}>
          {children}
        </span>,
      );
    } else out.push(...children);
  });
  return out;
}
