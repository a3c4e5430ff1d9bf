import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import type { ReactNode } from 'react';
import { logText } from './logTextLanguage.js';

// Core plus two small grammars keeps highlight.js small; registered once, at first import.
if (!hljs.getLanguage('json')) hljs.registerLanguage('json', json);
if (!hljs.getLanguage('jobs-log-text')) hljs.registerLanguage('jobs-log-text', logText);

/** Renders one raw text leaf; React escapes it either way. */
type Leaf = (text: string, key: string) => ReactNode;
const asIs: Leaf = (text) => text;

/** highlight.js's token tree: raw (unescaped) text leaves under scoped nodes. */
type TokenNode = string | { scope?: string; children: TokenNode[] };

function isTree(value: unknown): value is { children: TokenNode[] } {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { children?: unknown }).children)
  );
}

/**
 * Highlights JSON text into React elements, never into HTML. The tokens come from the token
 * tree highlight.js builds before rendering HTML (`result._emitter.root`, typed but
 * underscored); its leaves are raw text, which React escapes. Should a future highlight.js
 * drop that tree, the escaped HTML output is parsed into an inert document (DOMParser runs no
 * script, loads nothing) and only text and `<span class="hljs-…">` are rebuilt.
 */
export function highlightJson(text: string): ReactNode[] {
  return highlightAs('json', text, asIs);
}

/**
 * Highlights the plain text of a log line (URLs, quoted strings, numbers) the same way; each
 * text leaf goes through `leaf`, so the caller can keep showing control characters as marks.
 */
export function highlightLogText(text: string, leaf: Leaf): ReactNode[] {
  return highlightAs('jobs-log-text', text, leaf);
}

function highlightAs(language: string, text: string, leaf: Leaf): ReactNode[] {
  const result = hljs.highlight(text, { language, ignoreIllegals: true });
  const root: unknown = (result._emitter as unknown as { root?: unknown }).root;
  if (isTree(root)) return fromTree(root.children, 'h', leaf);
  return typeof DOMParser === 'undefined' ? [leaf(text, 'h')] : rebuildHighlightHtml(result.value, leaf);
}

/** The fallback: keeps text and `<span class="hljs-…">` from highlight.js's HTML, drops every other tag. */
export function rebuildHighlightHtml(html: string, leaf: Leaf = asIs): ReactNode[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return fromDom(doc.body.childNodes, 'h', leaf);
}

function tokenSpan(key: string, scope: string, children: ReactNode[]): ReactNode {
  const token = scope.split('.')[0] ?? scope;
  return (
    <span key={key} className={`hljs-${token}`} data-token={token}>
      {children}
    </span>
  );
}

function fromTree(nodes: TokenNode[], prefix: string, leaf: Leaf): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${prefix}${index}`;
    if (typeof node === 'string') return leaf(node, key);
    const children = fromTree(node.children, `${key}.`, leaf);
    return node.scope && /^[\w.-]+$/.test(node.scope) ? tokenSpan(key, node.scope, children) : children;
  });
}

function fromDom(nodes: NodeListOf<ChildNode>, prefix: string, leaf: Leaf): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    const key = `${prefix}${index}`;
    if (node.nodeType === 3) out.push(leaf(node.textContent ?? '', key));
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const children = fromDom(element.childNodes, `${key}.`, leaf);
    const scope = /^hljs-([\w-]+)$/.exec(element.getAttribute('class') ?? '')?.[1];
    if (element.tagName === 'SPAN' && scope) out.push(tokenSpan(key, scope, children));
    else out.push(...children);
  });
  return out;
}
