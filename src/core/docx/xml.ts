// One place that turns XML text into events, with the safety rules every part follows:
// a DOCTYPE is refused (so entities are never declared, expanded or fetched), and nesting is bounded.
import { SaxesParser, type SaxesTag } from 'saxes';
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

/** Parses an XML part, calling the handlers with namespace-normalised names. Throws DocxError. */
export function parseXml(xml: string, part: string, maxDepth: number, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  // Prefix → canonical prefix, from the declarations on the root element (where Word writes them all).
  let prefixes: Map<string, string> | undefined;
  let depth = 0;
  const canonical = (qname: string): string => {
    const colon = qname.indexOf(':');
    if (colon < 0) return prefixes?.get('') ? `${prefixes.get('')}:${qname}` : qname;
    const mapped = prefixes?.get(qname.slice(0, colon));
    return mapped ? mapped + qname.slice(colon) : qname;
  };
  const canonicalAttributes = (attributes: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    // Unprefixed attributes are in no namespace, whatever the default namespace is.
    for (const key in attributes) out[key.includes(':') ? canonical(key) : key] = attributes[key]!;
    return out;
  };

  parser.on('doctype', () => {
    throw new DocxError('xml-doctype', `The document part ${part} declares a DOCTYPE; documents with entity declarations are not read.`);
  });
  parser.on('opentag', (tag: SaxesTag) => {
    depth++;
    if (depth > maxDepth) throw new DocxError('xml-too-deep', `The document part ${part} is nested more than ${maxDepth} levels deep.`);
    const attributes = tag.attributes as Record<string, string>;
    if (!prefixes) {
      prefixes = new Map();
      for (const key in attributes) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          const ns = NAMESPACES[attributes[key]!];
          if (ns) prefixes.set(key === 'xmlns' ? '' : key.slice(6), ns);
        }
      }
    }
    handlers.open(canonical(tag.name), canonicalAttributes(attributes), depth);
  });
  parser.on('closetag', (tag: SaxesTag) => {
    handlers.close(canonical(tag.name), depth);
    depth--;
  });
  parser.on('text', (text: string) => handlers.text(text));
  parser.on('cdata', (text: string) => handlers.text(text));
  parser.on('error', () => {
    // saxes' message may quote the document; ours names only the part.
    throw new DocxError('xml-malformed', `The document part ${part} is not well-formed XML.`);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError('xml-malformed', `The document part ${part} is not well-formed XML.`);
  }
}
