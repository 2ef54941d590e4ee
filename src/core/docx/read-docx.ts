// open zip → find the main document part → read its relationships → read the body.
import { readBody } from './body-reader';
import { DocxError } from './errors';
import { DOCX_LIMITS, type DocxLimits } from './limits';
import type { WordDocument } from './model';
import { openPackage } from './package';
import { parseXml } from './xml';

export type DocxReadResult = { readonly ok: true; readonly document: WordDocument } | { readonly ok: false; readonly error: DocxError };

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Reads a .docx; never throws for bad input: the result says what was wrong. */
export function readDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): DocxReadResult {
  try {
    return { ok: true, document: readDocxOrThrow(bytes, limits) };
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, error: e };
    // A bug or an exhausted stack on hostile input: still reported on this attachment only.
    return { ok: false, error: new DocxError('xml-malformed', 'The document could not be read.') };
  }
}

function readDocxOrThrow(bytes: Uint8Array, limits: DocxLimits): WordDocument {
  // The main part is where the package's relationships say: word/document.xml from Word, but other
  // writers name it otherwise (Word Online's word/document2.xml). So the relationships are read
  // first, then only the parts wanted are inflated.
  let mainPart = 'word/document.xml';
  const rootRels = openPackage(bytes, (name) => name === '_rels/.rels', limits).part('_rels/.rels');
  if (rootRels) {
    const target = readRelationships(rootRels, '_rels/.rels', limits).find((r) => OFFICE_DOCUMENT.test(r.type))?.target;
    if (target) mainPart = target.replace(/^\//, '');
  }
  const slash = mainPart.lastIndexOf('/');
  const relsPart = `${mainPart.slice(0, slash + 1)}_rels/${mainPart.slice(slash + 1)}.rels`;
  const pkg = openPackage(bytes, (name) => name === mainPart || name === relsPart, limits);
  const xml = pkg.part(mainPart);
  if (xml === undefined)
    throw new DocxError('missing-part', 'The document has no main text part (word/document.xml); it is not a complete Word document.');
  const rels = pkg.part(relsPart);
  const links = new Map<string, string>();
  if (rels) for (const r of readRelationships(rels, relsPart, limits)) if (/\/hyperlink$/.test(r.type)) links.set(r.id, r.target);
  const blocks = readBody(xml, { limits, links, part: mainPart });
  return pkg.macros ? { blocks, macros: true } : { blocks };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function readRelationships(xml: string, part: string, limits: DocxLimits): Relationship[] {
  const out: Relationship[] = [];
  parseXml(xml, part, limits.xmlDepth, {
    open(name, attributes) {
      if (name.endsWith('Relationship')) {
        out.push({ id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', target: attributes.get('Target') ?? '' });
      }
    },
    close() {},
    text() {},
  });
  return out;
}
