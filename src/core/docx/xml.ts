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
  /**
   * name is normalised: the prefix is the canonical one for known namespaces (w:, w14:, mc:, r:).
   * Returning 'skip' passes over the element's whole content: no events for it, not even close.
   */
  open(name: string, attributes: Attributes, depth: number): void | 'skip';
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
  const prefixes = new Map<string, string>();
  const names = new Map<string, string>(); // qualified name → canonical name, for elements
  const attributeNames = new Map<string, string>(); // the same for attributes
  const canonical = (qname: string): string => {
    let name = names.get(qname);
    if (name === undefined) {
      if (!NAME.test(qname)) throw malformed();
      const colon = qname.indexOf(':');
      const mapped = colon < 0 ? prefixes.get('') : prefixes.get(qname.slice(0, colon));
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
  const canonicalStack: string[] = [];
  // One reader for every element's attributes: handlers read them during open, never later.
  const attributes = new Attributes(xml, canonicalAttribute, decode, malformed);
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
      // The end tag must name the open element: compared in place, without slicing.
      const name = stack.pop();
      if (name === undefined || !xml.startsWith(name, lt + 2)) throw malformed();
      let end = lt + 2 + name.length;
      while (isSpace(xml.charCodeAt(end))) end++;
      if (xml.charCodeAt(end) !== 62) throw malformed();
      handlers.close(canonicalStack.pop()!, stack.length + 1);
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
        throw new DocxError(
          'xml-doctype',
          `The document part ${part} declares a DOCTYPE; documents with entity declarations are not read.`,
        );
      } else throw malformed();
      continue;
    }

    // A start tag: name, attributes, then > or />. Attributes are checked for shape here and
    // read (names and values checked) only when asked for: most of Word's (rsids, fonts, sizes) never are.
    let at = lt + 1;
    for (let c = xml.charCodeAt(at); at < n && !isSpace(c) && c !== 62 && c !== 47; c = xml.charCodeAt(++at));
    const name = xml.slice(lt + 1, at);
    if (!stack.length && rootSeen) throw malformed(); // a second root element
    const attributesStart = at;
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
      // name = "value": each character looked at once, whatever the input (no search past the tag).
      at = attributeEnd(xml, at);
      if (at < 0) throw malformed();
      const after = xml.charCodeAt(at);
      if (at < n && !isSpace(after) && after !== 62 && after !== 47) throw malformed();
    }
    attributes.at(attributesStart, at - (selfClosing ? 2 : 1));
    if (!rootSeen) {
      // The root's namespace declarations decide every canonical name, its own included.
      const declared = attributes.raw();
      for (const key in declared) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          const ns = NAMESPACES[declared[key]!];
          if (ns) prefixes.set(key === 'xmlns' ? '' : key.slice(6), ns);
        }
      }
    }
    rootSeen = true;
    const depth = stack.length + 1;
    if (depth > maxDepth) throw new DocxError('xml-too-deep', `The document part ${part} is nested more than ${maxDepth} levels deep.`);
    const canonicalName = canonical(name);
    const wanted = handlers.open(canonicalName, attributes, depth);
    if (selfClosing) {
      if (wanted !== 'skip') handlers.close(canonicalName, depth);
      i = at;
    } else if (wanted === 'skip') {
      i = endOfElement(xml, name, at, depth, maxDepth, part, malformed);
    } else {
      stack.push(name);
      canonicalStack.push(canonicalName);
      i = at;
    }
  }
  if (stack.length || !rootSeen) throw malformed();
}

/** An element's attributes, read from the source only when first asked for. Valid during `open` only. */
export class Attributes {
  private values: Record<string, string> | undefined;
  private start = 0;
  private end = 0;

  constructor(
    private readonly xml: string,
    private readonly canonicalName: (qname: string) => string,
    private readonly decode: (text: string) => string,
    private readonly malformed: () => Error,
  ) {}

  /** Points the reader at the next element's attributes. */
  at(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.values = undefined;
  }

  /** The value of an attribute, by its canonical name (w:val, r:id, Id …). */
  get(name: string): string | undefined {
    this.values ??= this.read(this.canonicalName);
    return this.values[name];
  }

  /** Every attribute, by canonical name. */
  all(): Readonly<Record<string, string>> {
    this.values ??= this.read(this.canonicalName);
    return this.values;
  }

  /** Every attribute by the name written, for namespace declarations. */
  raw(): Readonly<Record<string, string>> {
    return this.read((qname) => qname);
  }

  private read(nameOf: (qname: string) => string): Record<string, string> {
    const out: Record<string, string> = {};
    // The tag's shape was checked by the scanner; this walks it once more, name = "value" by name = "value".
    const xml = this.xml;
    let at = this.start;
    while (at < this.end) {
      while (at < this.end && isSpace(xml.charCodeAt(at))) at++;
      if (at >= this.end) break;
      const nameStart = at;
      const valueEnd = attributeEnd(xml, at);
      if (valueEnd < 0 || valueEnd > this.end) throw this.malformed();
      let nameEnd = nameStart;
      while (!isSpace(xml.charCodeAt(nameEnd)) && xml.charCodeAt(nameEnd) !== 61) nameEnd++;
      const quote = xml.charCodeAt(valueEnd - 1);
      const valueStart = xml.indexOf(quote === 34 ? '"' : "'", nameEnd) + 1;
      const name = nameOf(xml.slice(nameStart, nameEnd));
      const value = xml.slice(valueStart, valueEnd - 1);
      if (name in out || value.includes('<')) throw this.malformed();
      out[name] = this.decode(value);
      at = valueEnd;
    }
    return out;
  }
}

/**
 * Where the attribute that starts at `at` (`name = "value"`) ends, just after its closing quote; -1
 * when it is not one. Never looks past the closing quote, so a tag costs its own length.
 */
function attributeEnd(xml: string, at: number): number {
  const n = xml.length;
  const nameStart = at;
  for (
    let c = xml.charCodeAt(at);
    at < n && !isSpace(c) && c !== 61 && c !== 62 && c !== 60 && c !== 47 && c !== 34 && c !== 39;
    c = xml.charCodeAt(++at)
  );
  if (at === nameStart) return -1;
  while (at < n && isSpace(xml.charCodeAt(at))) at++;
  if (xml.charCodeAt(at) !== 61 /* = */) return -1;
  at++;
  while (at < n && isSpace(xml.charCodeAt(at))) at++;
  const quote = xml[at];
  if (quote !== '"' && quote !== "'") return -1;
  const close = xml.indexOf(quote, at + 1);
  return close < 0 ? -1 : close + 1;
}

/**
 * Where the element that starts before `from` ends: after its matching end tag. One pass over the
 * skipped content, each character looked at a bounded number of times; end tags must match, and the
 * nesting inside counts against the depth limit like anywhere else.
 */
function endOfElement(
  xml: string,
  name: string,
  from: number,
  depth: number,
  maxDepth: number,
  part: string,
  malformed: () => Error,
): number {
  const n = xml.length;
  const open: string[] = [name];
  let at = from;
  while (open.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) throw malformed();
    const next = xml.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const expected = open.pop()!;
      if (!xml.startsWith(expected, lt + 2)) throw malformed();
      let end = lt + 2 + expected.length;
      while (isSpace(xml.charCodeAt(end))) end++;
      if (xml.charCodeAt(end) !== 62) throw malformed();
      at = end + 1;
    } else if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw malformed();
      at = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw malformed();
      at = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw malformed();
      at = end + 3;
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<!DOCTYPE', lt))
        throw new DocxError(
          'xml-doctype',
          `The document part ${part} declares a DOCTYPE; documents with entity declarations are not read.`,
        );
      throw malformed();
    } else {
      let end = lt + 1;
      for (let c = xml.charCodeAt(end); end < n && !isSpace(c) && c !== 62 && c !== 47; c = xml.charCodeAt(++end));
      const inner = xml.slice(lt + 1, end);
      if (!inner) throw malformed();
      for (;;) {
        while (end < n && isSpace(xml.charCodeAt(end))) end++;
        const c = xml.charCodeAt(end);
        if (c === 62 || (c === 47 && xml.charCodeAt(end + 1) === 62)) break;
        end = attributeEnd(xml, end);
        if (end < 0) throw malformed();
      }
      if (xml.charCodeAt(end) === 47) at = end + 2;
      else {
        if (depth + open.length > maxDepth)
          throw new DocxError('xml-too-deep', `The document part ${part} is nested more than ${maxDepth} levels deep.`);
        open.push(inner);
        at = end + 1;
      }
    }
  }
  return at;
}
