// SharePoint columns as Graph's columnDefinition: the built-in ones, and creating and changing columns.
// What may be written into a column is values.ts.
import { randomUUID } from 'node:crypto';
import { GraphError, invalidRequest, nameAlreadyExists } from './errors';

export type ColumnDefinition = Record<string, unknown> & { id: string; name: string };
export type ListTemplate = 'genericList' | 'documentLibrary';

/** The type facets of Graph's columnDefinition. Exactly one is present on a column. */
export const TYPE_FACETS = [
  'text',
  'number',
  'boolean',
  'dateTime',
  'choice',
  'hyperlinkOrPicture',
  'currency',
  'personOrGroup',
  'lookup',
  'calculated',
  'term',
  'geolocation',
  'thumbnail',
  'contentApprovalStatus',
] as const;
export type TypeFacet = (typeof TYPE_FACETS)[number];

const BOOLEAN_PROPERTIES = [
  'enforceUniqueValues',
  'hidden',
  'indexed',
  'required',
  'readOnly',
  'isDeletable',
  'isReorderable',
  'isSealed',
  'propagateChanges',
] as const;
const STRING_PROPERTIES = ['displayName', 'description', 'columnGroup', 'columnFormatting'] as const;
/** Properties the server assigns; a create or update may not set them. */
const SERVER_PROPERTIES = new Set(['id', 'isSealed', 'readOnly']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function facetOf(column: ColumnDefinition): TypeFacet | null {
  for (const facet of TYPE_FACETS) if (isRecord(column[facet])) return facet;
  return null;
}

export function facetProps(column: ColumnDefinition, facet: TypeFacet): Record<string, unknown> {
  const value = column[facet];
  return isRecord(value) ? value : {};
}

// ---------------------------------------------------------------------------------------------
// Built-in columns

/** Well-known SharePoint field ids (SPBuiltInFieldId). */
const BUILTIN_IDS = {
  Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
  Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  ContentType: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d',
  LinkTitle: '82642ec8-ef9b-478f-acf9-31f7d45fbc31',
  Attachments: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
} as const;

function builtin(
  name: keyof typeof BUILTIN_IDS,
  displayName: string,
  facet: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): ColumnDefinition {
  return {
    columnGroup: 'Custom Columns',
    description: '',
    displayName,
    enforceUniqueValues: false,
    hidden: false,
    id: BUILTIN_IDS[name],
    indexed: false,
    name,
    readOnly: true,
    required: false,
    isDeletable: false,
    isSealed: true,
    ...facet,
    ...extra,
  };
}

export function builtinColumns(template: ListTemplate): ColumnDefinition[] {
  const person = { personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'account' } };
  const stamp = { dateTime: { displayAs: 'default', format: 'dateTime' } };
  return [
    builtin(
      'Title',
      'Title',
      { text: defaultFacet('text', {}) },
      { readOnly: false, isSealed: false, required: template === 'genericList' },
    ),
    builtin('ID', 'ID', { number: { decimalPlaces: 'none', displayAs: 'number' } }, { indexed: true }),
    builtin('Created', 'Created', stamp),
    builtin('Modified', 'Modified', stamp),
    builtin('Author', 'Created By', person),
    builtin('Editor', 'Modified By', person),
    builtin('ContentType', 'Content Type', {}),
    builtin('LinkTitle', 'Title', {}),
    builtin('Attachments', 'Attachments', { boolean: {} }),
  ];
}

/** Names a fieldValueSet carries that are computed by the server and can never be written. */
export const COMPUTED_FIELD_NAMES = new Set([
  'id',
  'ID',
  'ContentType',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'AuthorLookupId',
  'EditorLookupId',
  'LinkTitle',
  'LinkTitleNoMenu',
  'Attachments',
  'Edit',
  '_UIVersionString',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
]);

// ---------------------------------------------------------------------------------------------
// Creating and updating columns

function defaultFacet(facet: TypeFacet, given: Record<string, unknown>): Record<string, unknown> {
  switch (facet) {
    case 'text': {
      const multi = given.allowMultipleLines === true;
      const base: Record<string, unknown> = {
        allowMultipleLines: false,
        appendChangesToExistingText: false,
        linesForEditing: multi ? 6 : 0,
      };
      if (!multi) base.maxLength = 255;
      return { ...base, textType: 'plain', ...given };
    }
    case 'number':
      return { decimalPlaces: 'automatic', displayAs: 'number', ...given };
    case 'dateTime':
      return { displayAs: 'default', format: 'dateTime', ...given };
    case 'choice':
      return { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu', ...given };
    case 'hyperlinkOrPicture':
      return { isPicture: false, ...given };
    case 'currency':
      return { locale: 'en-gb', ...given };
    case 'personOrGroup':
      return { allowMultipleSelection: false, chooseFromType: 'peopleAndGroups', displayAs: 'account', ...given };
    case 'lookup':
      return { allowMultipleValues: false, allowUnlimitedLength: false, ...given };
    default:
      return { ...given };
  }
}

function checkFacet(facet: TypeFacet, props: Record<string, unknown>, columnName: string): void {
  const bad = (what: string) => invalidRequest(`Invalid value for '${facet}.${what}' on column '${columnName}'.`);
  const optionalNumber = (key: string) => {
    if (props[key] !== undefined && (typeof props[key] !== 'number' || !Number.isFinite(props[key]))) throw bad(key);
  };
  const optionalBoolean = (key: string) => {
    if (props[key] !== undefined && typeof props[key] !== 'boolean') throw bad(key);
  };
  switch (facet) {
    case 'text':
      optionalBoolean('allowMultipleLines');
      optionalBoolean('appendChangesToExistingText');
      optionalNumber('linesForEditing');
      optionalNumber('maxLength');
      if (props.allowMultipleLines !== true && typeof props.maxLength === 'number' && (props.maxLength < 1 || props.maxLength > 255))
        throw bad('maxLength');
      if (props.textType !== undefined && props.textType !== 'plain' && props.textType !== 'richText') throw bad('textType');
      break;
    case 'number':
      optionalNumber('minimum');
      optionalNumber('maximum');
      if (typeof props.minimum === 'number' && typeof props.maximum === 'number' && props.minimum > props.maximum) throw bad('minimum');
      break;
    case 'dateTime':
      if (props.format !== 'dateOnly' && props.format !== 'dateTime') throw bad('format');
      break;
    case 'choice':
      if (!Array.isArray(props.choices) || !props.choices.every((c) => typeof c === 'string')) throw bad('choices');
      optionalBoolean('allowTextEntry');
      if (!['checkBoxes', 'dropDownMenu', 'radioButtons'].includes(String(props.displayAs))) throw bad('displayAs');
      break;
    case 'hyperlinkOrPicture':
      optionalBoolean('isPicture');
      break;
    case 'personOrGroup':
      optionalBoolean('allowMultipleSelection');
      break;
    case 'lookup':
      optionalBoolean('allowMultipleValues');
      break;
    default:
      break;
  }
}

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/** Validates a columnDefinition sent to POST …/columns (or inside POST …/lists) and fills Graph's defaults. */
export function newColumn(input: unknown, existing: readonly ColumnDefinition[]): ColumnDefinition {
  if (!isRecord(input)) throw invalidRequest('The request body must be a columnDefinition object.');
  const name = input.name;
  if (typeof name !== 'string' || name.length === 0) throw invalidRequest("A column must have a 'name'.");
  if (!COLUMN_NAME.test(name)) {
    throw invalidRequest(
      `The column name '${name}' is not valid: use letters, digits and underscores, starting with a letter or underscore.`,
    );
  }
  if (COMPUTED_FIELD_NAMES.has(name) || existing.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw nameAlreadyExists(`A column named '${name}' already exists in this list.`);
  }
  for (const key of SERVER_PROPERTIES) if (key in input) throw invalidRequest(`The property '${key}' is set by the server.`);
  const facets = TYPE_FACETS.filter((f) => f in input);
  if (facets.length !== 1)
    throw invalidRequest(`A column must have exactly one type facet (${TYPE_FACETS.join(', ')}); '${name}' has ${facets.length}.`);
  const facet = facets[0]!;
  const given = input[facet];
  if (!isRecord(given)) throw invalidRequest(`The '${facet}' facet of column '${name}' must be an object.`);
  const props = defaultFacet(facet, given);
  checkFacet(facet, props, name);
  checkScalarProperties(input, name);
  if (
    existing.some(
      (c) =>
        typeof c.displayName === 'string' &&
        typeof input.displayName === 'string' &&
        c.displayName.toLowerCase() === input.displayName.toLowerCase() &&
        !c.readOnly,
    )
  ) {
    throw nameAlreadyExists(`A column with the display name '${String(input.displayName)}' already exists in this list.`);
  }
  const column: ColumnDefinition = {
    columnGroup: 'Custom Columns',
    description: '',
    displayName: name,
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: false,
    isDeletable: true,
    isReorderable: true,
    isSealed: false,
    propagateChanges: false,
    ...input,
    id: randomUUID(),
    name,
    [facet]: props,
  };
  if (column.enforceUniqueValues === true) column.indexed = true;
  checkIndexable(column);
  return column;
}

/** SharePoint cannot index a multi-line text column, so it cannot make it unique either. */
function checkIndexable(column: ColumnDefinition): void {
  const multiLine = facetOf(column) === 'text' && facetProps(column, 'text').allowMultipleLines === true;
  if (multiLine && (column.indexed === true || column.enforceUniqueValues === true)) {
    throw invalidRequest(`Column '${column.name}' is multi-line text, which cannot be indexed or enforce unique values.`);
  }
}

function checkScalarProperties(input: Record<string, unknown>, name: string): void {
  for (const key of BOOLEAN_PROPERTIES) {
    if (input[key] !== undefined && typeof input[key] !== 'boolean')
      throw invalidRequest(`The property '${key}' of column '${name}' must be a boolean.`);
  }
  for (const key of STRING_PROPERTIES) {
    if (input[key] !== undefined && input[key] !== null && typeof input[key] !== 'string') {
      throw invalidRequest(`The property '${key}' of column '${name}' must be a string.`);
    }
  }
}

/** Applies a PATCH to a column. Built-in read-only columns accept only 'indexed'. */
export function patchColumn(column: ColumnDefinition, patch: unknown): ColumnDefinition {
  if (!isRecord(patch)) throw invalidRequest('The request body must be a columnDefinition object.');
  if ('id' in patch && patch.id !== column.id) throw invalidRequest("The property 'id' cannot be changed.");
  if ('name' in patch && patch.name !== column.name)
    throw invalidRequest("The property 'name' (the column's internal name) cannot be changed.");
  if (column.isSealed === true) {
    const others = Object.keys(patch).filter((k) => k !== 'indexed' && k !== 'id' && k !== 'name');
    if (others.length > 0)
      throw new GraphError(403, 'accessDenied', `The column '${column.name}' is a read-only system column; only 'indexed' can be changed.`);
  }
  checkScalarProperties(patch, column.name);
  const current = facetOf(column);
  const next: ColumnDefinition = { ...column };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'name') continue;
    if ((TYPE_FACETS as readonly string[]).includes(key)) {
      const facet = key as TypeFacet;
      if (current !== null && facet !== current)
        throw new GraphError(
          400,
          'notSupported',
          `Changing the type of column '${column.name}' from '${current}' to '${facet}' is not supported.`,
        );
      if (!isRecord(value)) throw invalidRequest(`The '${facet}' facet of column '${column.name}' must be an object.`);
      const merged = { ...facetProps(column, facet), ...value };
      checkFacet(facet, merged, column.name);
      next[facet] = merged;
      continue;
    }
    if (SERVER_PROPERTIES.has(key)) throw invalidRequest(`The property '${key}' is set by the server.`);
    next[key] = value;
  }
  if (next.enforceUniqueValues === true) next.indexed = true;
  if (next.enforceUniqueValues === true && next.indexed === false)
    throw invalidRequest(`Column '${column.name}' enforces unique values, so it must stay indexed.`);
  checkIndexable(next);
  return next;
}
