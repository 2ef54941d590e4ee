import { readFileSync } from 'node:fs';
import { loadCatalogue } from '../src/core/catalogue';
import { readDocx } from '../src/core/docx/read-docx';
import { layoutOf } from '../src/core/forms/layout';
import { locateFields } from '../src/core/forms/locate';
const cat = loadCatalogue();
const doc = (readDocx(new Uint8Array(readFileSync(process.argv[2]!))) as any).document;
const layout = layoutOf(doc);
const t = cat.templates.find(t => t.id === process.argv[3])!;
const loc = locateFields(t, layout);
for (const f of t.fields) { const l = loc.get(f.key); console.log(f.key.padEnd(24), l ? `${l.label.index} ${JSON.stringify(l.label.text.slice(0,50))}` : '-'); }
