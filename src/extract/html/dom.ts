import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element, Text } from 'domhandler';

export type { AnyNode, Document, Element, Text };

/** Parses HTML leniently (htmlparser2 never throws on malformed markup); tag and attribute names lower-cased. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
}

export function isElement(node: AnyNode): node is Element {
  // domhandler's element types: 'tag', 'script', 'style'.
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** `id` and `class` together, lower-cased: the string boilerplate patterns are matched against. */
export function idAndClass(el: Element): string {
  const id = el.attribs['id'];
  const cls = el.attribs['class'];
  if (id === undefined) return cls === undefined ? '' : cls.toLowerCase();
  return cls === undefined ? id.toLowerCase() : (id + ' ' + cls).toLowerCase();
}

/**
 * Visits every element in document order without recursion, so a page nested
 * ten thousand levels deep cannot overflow the stack.
 */
export function forEachElement(root: AnyNode, visit: (el: Element) => void): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) visit(node);
    if ('children' in node) {
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
}

/** Text content of a subtree (scripts and styles excluded), whitespace collapsed. */
export function textOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push((node as Text).data);
    else if (node.type === 'tag' && 'children' in node) {
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (node.type === 'root') {
      const children = (node as Document).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return collapseWhitespace(parts.join(' '));
}

/** Raw text of a script element (JSON-LD), untouched. */
export function rawTextOf(el: Element): string {
  let out = '';
  for (const child of el.children) if (child.type === 'text') out += (child as Text).data;
  return out;
}

const WHITESPACE_RUN = /[\s\u200b\u2060\ufeff]+/g;

export function collapseWhitespace(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ').trim();
}
