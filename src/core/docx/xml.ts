// One place that turns XML text into events, with the safety rules every part follows:
// a DOCTYPE is refused (so entities are never declared, expanded or fetched), only XML's five
// predefined entities and character references are decoded, and nesting is bounded.
//
// Why not a library: the XML libraries we measured (saxes, htmlparser2, txml) all read about
// 30 MB/s here, which alone would spend the 5 ms budget for a typical form. Word's parts use a
// small, regular subset of XML (no DTD, no entities of their own), which an indexOf-driven
// scanner reads several times faster. test/core/docx/xml.test.ts checks that it reports exactly
// the events saxes (a strict, conformant parser) reports, on every sample part and on edge cases.
import { DocxError } from './errors';

export const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

export interface XmlHandlers {
  /** name is normalised: the prefix is the canonical one for known namespaces (w:, w14:, mc:, r:). */
  open(name: string, attributes: Readonly<Record<string, string>>, depth: number): void;
  close(name: string, depth: number): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const BAD_REFERENCE = /&(?!(?:#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);)/;
const NAME = /^[A-Za-z_\u00c0-\uffff][\w.\-:\u00b7\u00c0-\uffff]*$/;
/** XML white space: space, tab, line feed, carriage return. */
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** Parses an XML part, calling the handlers with namespace-normalised names. Throws DocxError. */
export function parseXml(xml: string, part: string, maxDepth: number, handlers: XmlHandlers): void {
  const malformed = () => new DocxError('xml-malformed', `The document part ${part} is not well-formed XML.`);
  const decode = (text: string): string => {
    if (!text.includes('&')) return text;
    if (BAD_REFERENCE.test(text)) throw malformed(); // an entity of its own: never expanded
    return text.replace(REFERENCE, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name) return ENTITIES[name]!;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw malformed();
      return String.fromCodePoint(code);
    });
  };

  // Prefix → canonical prefix, from the declarations on the root element (where Word writes them all).
  let prefixes: Map<string, string> | undefined;
  const names = new Map<string, string>(); // qualified name → canonical name, for elements
  const attributeNames = new Map<string, string>(); // the same for attributes
  const canonical = (qname: string): string => {
    let name = names.get(qname);
    if (name === undefined) {
      if (!NAME.test(qname)) throw malformed();
      const colon = qname.indexOf(':');
      const mapped = colon < 0 ? prefixes?.get('') : prefixes?.get(qname.slice(0, colon));
      name = !mapped ? qname : colon < 0 ? `${mapped}:${qname}` : mapped + qname.slice(colon);
      names.set(qname, name);
    }
    return name;
  };
  // Unprefixed attributes are in no namespace, whatever the default namespace is.
  const canonicalAttribute = (qname: string): string => {
    let name = attributeNames.get(qname);
    if (name === undefined) {
      if (!NAME.test(qname)) throw malformed();
      name = qname.includes(':') ? canonical(qname) : qname;
      attributeNames.set(qname, name);
    }
    return name;
  };

  const stack: string[] = [];
  let rootSeen = false;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      if (stack.length) handlers.text(decode(text));
      else if (text.trim()) throw malformed();
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw malformed();
      const name = xml.slice(lt + 2, end).trimEnd();
      if (stack.pop() !== name) throw malformed();
      handlers.close(canonical(name), stack.length + 1);
      i = end + 1;
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw malformed();
      i = end + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw malformed();
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0 || !stack.length) throw malformed();
        handlers.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        throw new DocxError('xml-doctype', `The document part ${part} declares a DOCTYPE; documents with entity declarations are not read.`);
      } else throw malformed();
      continue;
    }

    // A start tag: name, attributes, then > or />.
    let at = lt + 1;
    for (let c = xml.charCodeAt(at); at < n && !isSpace(c) && c !== 62 && c !== 47; c = xml.charCodeAt(++at));
    const name = xml.slice(lt + 1, at);
    const isRoot = !prefixes;
    if (!stack.length && rootSeen) throw malformed(); // a second root element
    if (isRoot) prefixes = new Map();
    const attributes: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (at < n && isSpace(xml.charCodeAt(at))) at++;
      const c = xml.charCodeAt(at);
      if (c === 62 /* > */) {
        at++;
        break;
      }
      if (c === 47 /* / */ && xml.charCodeAt(at + 1) === 62) {
        selfClosing = true;
        at += 2;
        break;
      }
      const eq = xml.indexOf('=', at);
      if (eq < 0) throw malformed();
      let q = eq + 1;
      while (q < n && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml[q];
      if (quote !== '"' && quote !== "'") throw malformed();
      const close = xml.indexOf(quote, q + 1);
      if (close < 0) throw malformed();
      const value = xml.slice(q + 1, close);
      if (value.includes('<')) throw malformed();
      const key = isRoot ? xml.slice(at, eq).trimEnd() : canonicalAttribute(xml.slice(at, eq).trimEnd());
      if (key in attributes) throw malformed();
      attributes[key] = decode(value);
      at = close + 1;
      const after = xml.charCodeAt(at);
      if (at < n && !isSpace(after) && after !== 62 && after !== 47) throw malformed();
    }
    if (at > n) throw malformed();
    rootSeen = true;
    let named = attributes;
    if (isRoot) {
      for (const key in attributes) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          const ns = NAMESPACES[attributes[key]!];
          if (ns) prefixes!.set(key === 'xmlns' ? '' : key.slice(6), ns);
        }
      }
      named = {};
      for (const key in attributes) named[canonicalAttribute(key)] = attributes[key]!;
    }
    const depth = stack.length + 1;
    if (depth > maxDepth) throw new DocxError('xml-too-deep', `The document part ${part} is nested more than ${maxDepth} levels deep.`);
    const canonicalName = canonical(name);
    handlers.open(canonicalName, named, depth);
    if (selfClosing) handlers.close(canonicalName, depth);
    else stack.push(name);
    i = at;
  }
  if (stack.length || !rootSeen) throw malformed();
}
