// `hub-intake list` as a person reads it: a table with UK times that say so, Late and Status as
// columns; and as CSV a spreadsheet opens (UK dates, one row per application).
import type { FiledApplication } from '../adapters/graph';
import { printable } from './words';

const UK = 'Europe/London';

function ukParts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: UK,
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const numeric = new Intl.DateTimeFormat('en-GB', { timeZone: UK, month: '2-digit' }).format(date);
  return { ...Object.fromEntries(parts.map((p) => [p.type, p.value])), mm: numeric };
}

/** "07 Jun 2018 17:30", in UK time (BST in summer). */
export function ukTime(iso: unknown): string {
  const p = typeof iso === 'string' ? ukParts(iso) : null;
  return p ? `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}` : '';
}

/** "07/06/2018 17:30", in UK time: what a spreadsheet set to the UK reads as a date and time. */
export function ukSpreadsheetTime(iso: unknown): string {
  const p = typeof iso === 'string' ? ukParts(iso) : null;
  return p ? `${p.day}/${p.mm}/${p.year} ${p.hour}:${p.minute}` : '';
}

const text = (value: unknown) =>
  value === null || value === undefined
    ? ''
    : typeof value === 'boolean'
      ? value
        ? 'yes'
        : 'no'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

const cell = (value: string, width: number) => {
  const safe = printable(value);
  return (safe.length > width ? `${safe.slice(0, width - 1)}…` : safe).padEnd(width);
};

interface Column {
  readonly title: string;
  readonly width: number;
  readonly value: (item: FiledApplication) => string;
}

const field = (name: string) => (item: FiledApplication) => text(item.fields[name]);

const TABLE: readonly Column[] = [
  { title: 'ID', width: 4, value: (i) => i.id },
  { title: 'Status', width: 12, value: field('Status') },
  { title: 'Received (UK time)', width: 18, value: (i) => ukTime(i.fields.ReceivedAt) },
  { title: 'Late', width: 4, value: field('Late') },
  { title: 'Programme', width: 30, value: field('Programme') },
  { title: 'School', width: 28, value: field('Title') },
  { title: 'URN', width: 7, value: field('URN') },
  { title: 'Hub', width: 24, value: field('Hub') },
  { title: 'Complete', width: 8, value: field('Complete') },
  { title: 'Errors', width: 6, value: field('ErrorCount') },
];

/** The filed applications as a table a person reads. */
export function formatTable(items: readonly FiledApplication[]): string {
  const lines = [
    TABLE.map((c) => cell(c.title, c.width))
      .join(' ')
      .trimEnd(),
  ];
  for (const item of items)
    lines.push(
      TABLE.map((c) => cell(c.value(item), c.width))
        .join(' ')
        .trimEnd(),
    );
  if (!items.length) lines.push('(no applications filed yet)');
  return lines.join('\n');
}

const yesNo = (name: string) => (item: FiledApplication) =>
  typeof item.fields[name] === 'boolean' ? (item.fields[name] ? 'Yes' : 'No') : '';

const CSV: readonly Omit<Column, 'width'>[] = [
  { title: 'ID', value: (i) => i.id },
  { title: 'Status', value: field('Status') },
  { title: 'Decision', value: field('Decision') },
  { title: 'Received (UK time)', value: (i) => ukSpreadsheetTime(i.fields.ReceivedAt) },
  { title: 'Late', value: yesNo('Late') },
  { title: 'Programme', value: field('Programme') },
  { title: 'School', value: field('Title') },
  { title: 'URN', value: field('URN') },
  { title: 'Hub', value: field('Hub') },
  { title: 'Head teacher', value: field('Headteacher') },
  { title: 'Applicants', value: field('Applicants') },
  { title: 'Complete', value: yesNo('Complete') },
  { title: 'Errors', value: field('ErrorCount') },
  { title: 'Warnings', value: field('WarningCount') },
  { title: 'Missing signatories', value: field('MissingSignatories') },
  { title: 'Link', value: (i) => i.webUrl },
];

/**
 * One CSV cell (RFC 4180). A value a sender wrote that starts like a formula (=, +, -, @) gets a
 * leading apostrophe, so a spreadsheet shows it rather than runs it.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The filed applications as CSV: a byte-order mark (so Excel reads UTF-8), CRLF rows, one per application. */
export function formatCsv(items: readonly FiledApplication[]): string {
  const rows = [CSV.map((c) => csvCell(c.title)), ...items.map((item) => CSV.map((c) => csvCell(c.value(item))))];
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}
