// Run in a child process by test/core/bounded/memory.test.ts: checks one file and prints what the
// process's resident memory peaked at (the whole process, the TypeScript loader included).
import { readFileSync } from 'node:fs';
import { loadCatalogue } from '../../src/core/catalogue';
import { checkDocument } from '../../src/core/check';

const path = process.argv[2]!;
const catalogue = loadCatalogue();
const report = checkDocument(new Uint8Array(readFileSync(path)), 'form.docx', catalogue, 'form.docx');
const form = report.forms[0];
console.log(
  JSON.stringify({
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
    formId: form?.formId ?? null,
    issues: [...report.issues, ...(form?.issues ?? [])].map((i) => i.code),
    statementLength: typeof form?.fields.applicantStatement === 'string' ? form.fields.applicantStatement.length : null,
  }),
);
