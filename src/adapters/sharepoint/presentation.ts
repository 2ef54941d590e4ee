// How list viewers see the Applications list: its views and the column formatting of status,
// decision and the link columns. Graph v1.0 has neither list views nor column formatting, so these
// go through SharePoint's REST API (rest.ts); they are data here.

export interface ViewSpec {
  readonly title: string;
  readonly fields: readonly string[];
  /** CAML inside <Query>: Where, OrderBy, GroupBy. */
  readonly query: string;
  readonly rowLimit: number;
}

const COMMON = [
  'LinkTitle',
  'Programme',
  'Hub',
  'URN',
  'ReceivedAt',
  'Status',
  'Decision',
  'Complete',
  'ErrorCount',
  'WarningCount',
  'EmailLink',
  'FormLink',
];
const NEWEST_FIRST = '<OrderBy><FieldRef Name="ReceivedAt" Ascending="FALSE" /></OrderBy>';
const groupBy = (field: string) => `<GroupBy Collapse="FALSE" GroupLimit="100"><FieldRef Name="${field}" /></GroupBy>${NEWEST_FIRST}`;

export const APPLICATION_VIEWS: readonly ViewSpec[] = [
  { title: 'By status', fields: COMMON, query: groupBy('Status'), rowLimit: 100 },
  {
    title: 'Needs info',
    fields: [
      'LinkTitle',
      'Programme',
      'Hub',
      'ReceivedAt',
      'Status',
      'MissingSignatories',
      'ErrorCount',
      'IssuesSummary',
      'EmailLink',
      'FormLink',
    ],
    query: `<Where><Eq><FieldRef Name="Status" /><Value Type="Choice">Needs info</Value></Eq></Where>${NEWEST_FIRST}`,
    rowLimit: 100,
  },
  { title: 'By hub', fields: COMMON, query: groupBy('Hub'), rowLimit: 100 },
  { title: 'By programme', fields: [...COMMON, 'ResubmissionOf'], query: groupBy('Programme'), rowLimit: 100 },
];

const SCHEMA = 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json';

/** A coloured pill per choice, with the theme's classes (they follow the site's theme and dark mode). */
function pill(classes: Record<string, string>): string {
  let expression = "''";
  for (const [value, cls] of Object.entries(classes).reverse()) expression = `if(@currentField == '${value}', '${cls}', ${expression})`;
  return JSON.stringify({
    $schema: SCHEMA,
    elmType: 'div',
    style: {
      display: "=if(@currentField == '', 'none', 'inline-block')",
      padding: '2px 10px',
      'border-radius': '12px',
      'white-space': 'nowrap',
    },
    attributes: { class: `=${expression}` },
    txtContent: '@currentField',
  });
}

/** A link in a text column (Graph cannot write hyperlink columns, so links are text shown as links). */
function link(label: string): string {
  return JSON.stringify({
    $schema: SCHEMA,
    elmType: 'a',
    style: { display: "=if(@currentField == '', 'none', 'inline')" },
    attributes: { href: '@currentField', target: '_blank', rel: 'noopener noreferrer' },
    txtContent: label,
  });
}

export const COLUMN_FORMATTERS: Readonly<Record<string, string>> = {
  Status: pill({
    New: 'sp-css-backgroundColor-BgLightBlue sp-field-fontSizeSmall',
    'Needs info': 'sp-css-backgroundColor-BgGold sp-field-fontSizeSmall',
    'Under review': 'sp-css-backgroundColor-BgLightPurple sp-field-fontSizeSmall',
    Accepted: 'sp-css-backgroundColor-BgMintGreen sp-field-fontSizeSmall',
    Declined: 'sp-css-backgroundColor-BgCoral sp-field-fontSizeSmall',
    Waitlisted: 'sp-css-backgroundColor-BgPeach sp-field-fontSizeSmall',
    Withdrawn: 'sp-css-backgroundColor-BgLightGray sp-field-fontSizeSmall',
  }),
  Decision: pill({
    Accepted: 'sp-css-backgroundColor-BgMintGreen sp-css-color-MintGreenFont',
    Declined: 'sp-css-backgroundColor-BgCoral sp-css-color-CoralFont',
    Waitlisted: 'sp-css-backgroundColor-BgPeach sp-css-color-PeachFont',
  }),
  EmailLink: link('Open email'),
  FormLink: link('Open form'),
  ResubmissionOf: link('Earlier application'),
};
