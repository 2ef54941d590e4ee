// Our XML scanner against saxes, a strict conformant parser: the same events on every part of
// every sample document, and the same verdict on malformed and hostile input.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { readEml } from '../../../src/adapters/mail-files/read-eml';
import { NAMESPACES, parseXml } from '../../../src/core/docx/xml';
import { refusalOf } from '../../support/refusal';

type Event = string;

/** Events from saxes, names canonicalised the way parseXml does (by namespace URI). */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: true, position: false });
  const name = (prefix: string, local: string, uri: string, raw: string) => {
    const mapped = NAMESPACES[uri];
    return mapped ? `${mapped}:${local}` : raw || (prefix ? `${prefix}:${local}` : local);
  };
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = Object.values(tag.attributes)
      .map((a) => `${a.prefix && a.prefix !== 'xmlns' ? name(a.prefix, a.local, a.uri, a.name) : a.name}=${a.value}`)
      .sort();
    events.push(`<${name(tag.prefix, tag.local, tag.uri, tag.name)} ${attributes.join(' ')}>`);
  });
  parser.on('closetag', (tag) => events.push(`</${name(tag.prefix, tag.local, tag.uri, tag.name)}>`));
  parser.on('text', (text) => events.push(`#${text}`));
  parser.on('cdata', (text) => events.push(`#${text}`));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return mergeText(events);
}

function ourEvents(xml: string): Event[] {
  const events: Event[] = [];
  parseXml(xml, 'word/document.xml', 10_000, {
    open: (name, attributes) =>
      void events.push(
        `<${name} ${Object.entries(attributes.all())
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join(' ')}>`,
      ),
    close: (name) => events.push(`</${name}>`),
    text: (text) => events.push(`#${text}`),
  });
  return mergeText(events);
}

function mergeText(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const event of events) {
    const last = out[out.length - 1];
    if (event.startsWith('#') && last?.startsWith('#')) out[out.length - 1] = last + event.slice(1);
    else out.push(event);
  }
  // Text outside the root element is not reported by us; saxes reports white space there.
  return out.filter((e, i) => !(e.startsWith('#') && (i === 0 || i === out.length - 1) && !e.slice(1).trim()));
}

async function sampleParts(): Promise<[string, string][]> {
  const root = join(__dirname, '..', '..', '..', 'samples');
  const documents: [string, Uint8Array][] = [];
  for (const dir of ['forms', 'blank']) {
    for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.docx')))
      documents.push([file, new Uint8Array(readFileSync(join(root, dir, file)))]);
  }
  for (const file of readdirSync(join(root, 'emails')).filter((f) => f.endsWith('.eml'))) {
    const message = await readEml(new Uint8Array(readFileSync(join(root, 'emails', file))));
    for (const a of message.attachments) if (a.name.endsWith('.docx')) documents.push([`${file}/${a.name}`, a.bytes]);
  }
  const parts: [string, string][] = [];
  for (const [name, bytes] of documents) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch {
      continue; // the deliberately truncated attachment
    }
    for (const [part, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(part)) parts.push([`${name}:${part}`, strFromU8(data)]);
  }
  return parts;
}

describe('parseXml against saxes', () => {
  it('reports the same events for every part of every sample document', async () => {
    const parts = await sampleParts();
    expect(parts.length).toBeGreaterThan(100);
    for (const [name, xml] of parts) expect([name, ourEvents(xml)]).toEqual([name, saxesEvents(xml)]);
  });

  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  it.each([
    ['references', `<w:t ${W}>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x2019; &#8217; &#65;</w:t>`],
    ['CDATA and comments', `<w:p ${W}><!-- note --><w:t><![CDATA[<not a tag> & ]]></w:t><?pi x?></w:p>`],
    ['attribute quoting and spacing', `<w:p ${W} w:a = 'one "two"' w:b="x > y"  ><w:r/><w:r /></w:p>`],
    ['a byte order mark and a declaration', `\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:p ${W}/>`],
    ['nested elements of one name', `<w:sdt ${W}><w:sdt><w:sdt/></w:sdt></w:sdt>`],
    ['unknown namespaces kept as written', `<x:a xmlns:x="urn:x" ${W}><x:b x:c="1"/><w:t>t</w:t></x:a>`],
    [
      'a default namespace',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="a.xml"/></Relationships>',
    ],
  ])('reads %s as saxes does', (_what, xml) => {
    expect(ourEvents(xml)).toEqual(saxesEvents(xml));
  });

  it.each([
    ['a mismatched end tag', `<w:p ${W}><w:r></w:p></w:r>`],
    ['an unclosed element', `<w:p ${W}><w:r>`],
    ['an entity of its own', `<w:p ${W}>&custom;</w:p>`],
    ['a bare ampersand', `<w:p ${W}>a & b</w:p>`],
    ['two root elements', `<w:p ${W}/><w:p ${W}/>`],
    ['text outside the root', `junk<w:p ${W}/>`],
    ['< in an attribute value', `<w:p ${W} w:a="<"/>`],
    ['an unquoted attribute', `<w:p ${W} w:a=1/>`],
    ['a repeated attribute', `<w:p ${W} w:a="1" w:a="2"/>`],
    ['a character reference to nothing', `<w:p ${W}>&#0;</w:p>`],
    ['an empty document', ''],
  ])('refuses %s, as saxes does', (_what, xml) => {
    expect(() => saxesEvents(xml)).toThrow();
    expect(() => ourEvents(xml)).toThrow(expect.objectContaining({ name: 'DocxError' }));
  });

  it('refuses any DOCTYPE, even one XML allows, so that no entity is ever declared', () => {
    expect(() => saxesEvents(`<!DOCTYPE w:p><w:p ${W}/>`)).not.toThrow();
    expect(() => ourEvents(`<!DOCTYPE w:p><w:p ${W}/>`)).toThrow(expect.objectContaining({ code: 'xml-doctype' }));
  });
});

describe('an element passed over (a handler returns skip)', () => {
  /** Events with <skip> passed over; its content must still be well-formed and within the depth. */
  const skipping = (inner: string, maxDepth = 50) => {
    const events: Event[] = [];
    parseXml(
      `<root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><skip a="1">${inner}</skip><after/></root>`,
      'part',
      maxDepth,
      {
        open: (name) => (name === 'skip' ? 'skip' : void events.push(`<${name}>`)),
        close: (name) => events.push(`</${name}>`),
        text: (text) => events.push(`#${text}`),
      },
    );
    return events;
  };
  const code = (inner: string, maxDepth?: number) => {
    const refusal = refusalOf(() => skipping(inner, maxDepth));
    return refusal === 'read' ? refusal : refusal.code;
  };

  it('reports nothing inside it and goes on after its end tag', () => {
    const inner =
      '<w:r><w:t xml:space="preserve">gone</w:t></w:r><!-- a <fake> comment --><?pi <x>?><![CDATA[<not/> a tag]]>' +
      "<w:br/><w:tab  w:val = 'x' /><skip>same name, nested</skip ><w:p\n>x</w:p >";
    expect(skipping(inner)).toEqual(['<root>', '<after>', '</after>', '</root>']);
  });

  it('must still be well-formed inside', () => {
    expect(code('<w:r></w:t>')).toBe('xml-malformed');
    expect(code('<w:r>')).toBe('xml-malformed');
    expect(code('<!-- never closed')).toBe('xml-malformed');
    expect(code('<?pi never closed')).toBe('xml-malformed');
    expect(code('<![CDATA[ never closed')).toBe('xml-malformed');
    expect(code('<!ELEMENT x ANY>')).toBe('xml-malformed');
    expect(code('<>')).toBe('xml-malformed');
    expect(code('<w:r a=1/>')).toBe('xml-malformed');
    expect(code('<w:r a="1"')).toBe('xml-malformed');
    expect(code('</skipx>')).toBe('xml-malformed');
  });

  it('refuses a DOCTYPE inside it, and counts its nesting against the depth limit', () => {
    expect(code('<!DOCTYPE x>')).toBe('xml-doctype');
    const nested = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(code(nested(3), 5)).toBe('read');
    expect(code(nested(4), 5)).toBe('xml-too-deep');
  });
});

describe('parseXml at its edges', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const WORD = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

  /** Events with each element's depth, as the body reader sees them; attributes are never read. */
  const withDepths = (xml: string, maxDepth = 50) => {
    const events: string[] = [];
    parseXml(xml, 'word/document.xml', maxDepth, {
      open: (name, _attributes, depth) => void events.push(`<${name} ${depth}>`),
      close: (name, depth) => void events.push(`</${name} ${depth}>`),
      text: (text) => void events.push(`#${text}`),
    });
    return events;
  };
  const refusal = (xml: string, read: (xml: string) => unknown = ourEvents) => refusalOf(() => read(xml));
  const MALFORMED = { code: 'xml-malformed', message: 'The document part word/document.xml is not well-formed XML.' };

  it.each([
    ['white space of every kind inside tags', `<w:p ${W}\tw:a="1"\r\nw:b='2'\n><w:r\t/></w:p\r\n>`],
    ['white space after the root', `<w:p ${W}/>\r\n\t `],
    ['a namespace written with another prefix', `<ns0:document xmlns:ns0="${WORD}"><ns0:body ns0:a="1"/></ns0:document>`],
    [
      'a default namespace beside a prefixed one',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" ${W}><w:t/><Relationship Id="1"/></Relationships>`,
    ],
    ['an attribute whose value is a namespace but is not a declaration', `<w:p ${W} a="${WORD}"><b/></w:p>`],
    ['text ending as a processing instruction and a comment end', `<w:p ${W}>a?><?pi x?>b--><!--c--></w:p>`],
    ['two CDATA sections side by side', `<w:p ${W}><![CDATA[a]]><![CDATA[b]]></w:p>`],
    ['the highest character and those beside the surrogates', `<w:t ${W}>&#x10FFFF;&#xD7FF;&#xE000;</w:t>`],
  ])('reads %s as saxes does', (_what, xml) => {
    expect(ourEvents(xml)).toEqual(saxesEvents(xml));
  });

  it.each([
    ['a character reference past Unicode', `<w:t ${W}>&#x110000;</w:t>`],
    ['a character reference to the first surrogate', `<w:t ${W}>&#xD800;</w:t>`],
    ['a character reference to the last surrogate', `<w:t ${W}>&#xDFFF;</w:t>`],
    ['an element name that is not a name', `<w:p ${W}><1a/></w:p>`],
    ['text after the root', `<w:p ${W}/>junk`],
    ['an end tag after the root', `<w:p ${W}/></undefined>`],
    ['an end tag longer than the open name', `<w:p ${W}></w:pp>`],
    ['an end tag with an attribute', `<w:p ${W}></w:p x="1">`],
    ['CDATA outside the root', `<![CDATA[x]]><w:p ${W}/>`],
    ['a declaration other than DOCTYPE', `<!ELEMENT x ANY><w:p ${W}/>`],
    ['an attribute with no value', `<w:p ${W}><w:r a></w:p>`],
    ['a slash inside a tag', `<w:p ${W}><w:r /x></w:p>`],
    ['two attributes with no space between them', `<w:p ${W} a="1"b="2"/>`],
    ['a start tag cut off', `<w:p ${W}><w:r`],
    ...['<', '/', '"', "'", '>'].map((c) => [`${c} in an attribute name`, `<w:p ${W}><w:r a${c}b="1"/></w:p>`]),
  ])('refuses %s, as saxes does, whether or not the attributes are read', (_what, xml) => {
    expect(() => saxesEvents(xml)).toThrow();
    expect(refusal(xml)).toEqual(MALFORMED);
    expect(refusal(xml, withDepths)).toEqual(MALFORMED);
  });

  it('refuses an attribute name that is not a name when the attribute is read', () => {
    const xml = `<w:p ${W} 1a="x"/>`;
    expect(() => saxesEvents(xml)).toThrow();
    expect(refusal(xml)).toEqual(MALFORMED);
  });

  it('refuses a DOCTYPE, saying why', () => {
    expect(refusal(`<!DOCTYPE w:p><w:p ${W}/>`)).toEqual({
      code: 'xml-doctype',
      message: 'The document part word/document.xml declares a DOCTYPE; documents with entity declarations are not read.',
    });
  });

  it('gives each element its depth, at its open and at its close', () => {
    expect(withDepths(`<w:p ${W}><w:r><w:t>x</w:t><w:br/></w:r></w:p>`)).toEqual([
      '<w:p 1>',
      '<w:r 2>',
      '<w:t 3>',
      '#x',
      '</w:t 3>',
      '<w:br 3>',
      '</w:br 3>',
      '</w:r 2>',
      '</w:p 1>',
    ]);
  });

  it('limits nesting at its edge, saying the limit', () => {
    const nested = (n: number) => `<w:p ${W}>${'<a>'.repeat(n - 1)}${'</a>'.repeat(n - 1)}</w:p>`;
    expect(withDepths(nested(3), 3)).toHaveLength(6);
    expect(refusal(nested(4), (xml) => withDepths(xml, 3))).toEqual({
      code: 'xml-too-deep',
      message: 'The document part word/document.xml is nested more than 3 levels deep.',
    });
  });

  it('reports neither open nor close for a skipped element written empty', () => {
    const events: string[] = [];
    parseXml(`<w:p ${W}><w:pPr/><w:r/></w:p>`, 'part', 10, {
      open: (name) => (name === 'w:pPr' ? 'skip' : void events.push(`<${name}>`)),
      close: (name) => void events.push(`</${name}>`),
      text: () => undefined,
    });
    expect(events).toEqual(['<w:p>', '<w:r>', '</w:r>', '</w:p>']);
  });
});
