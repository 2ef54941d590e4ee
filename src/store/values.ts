// Field values: the checks Graph applies to a fieldValueSet written to a list item, and the forms
// values are stored in (dates in UTC whole seconds, lookups as id strings, strings compared without case).
import { facetOf, facetProps, COMPUTED_FIELD_NAMES, isRecord, type ColumnDefinition, type TypeFacet } from './columns';
import { GraphError, invalidRequest } from './errors';

/** The longest value of a multi-line text column. */
export const NOTE_MAX_LENGTH = 63_999;

export const HYPERLINK_REFUSAL = 'Hyperlink and picture columns cannot be set through Microsoft Graph in this version';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Graph's dateTime form for SharePoint fields: UTC, whole seconds, "Z". */
export function graphDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isMultiValue(column: ColumnDefinition): boolean {
  const facet = facetOf(column);
  if (facet === 'choice') return facetProps(column, 'choice').displayAs === 'checkBoxes';
  if (facet === 'personOrGroup') return facetProps(column, 'personOrGroup').allowMultipleSelection === true;
  if (facet === 'lookup') return facetProps(column, 'lookup').allowMultipleValues === true;
  return false;
}

function wrongType(name: string, expected: string): GraphError {
  return invalidRequest(`The value for field '${name}' is not valid: expected ${expected}.`);
}

function normalizeScalar(column: ColumnDefinition, facet: TypeFacet | null, value: unknown): unknown {
  const name = column.name;
  switch (facet) {
    case 'text': {
      if (typeof value !== 'string') throw wrongType(name, 'a string');
      const props = facetProps(column, 'text');
      // A multi-line text column holds at most 63,999 characters, whatever maxLength says.
      const max =
        props.allowMultipleLines === true
          ? Math.min(typeof props.maxLength === 'number' ? props.maxLength : NOTE_MAX_LENGTH, NOTE_MAX_LENGTH)
          : typeof props.maxLength === 'number'
            ? props.maxLength
            : 255;
      if (value.length > max)
        throw invalidRequest(`The value for field '${name}' is ${value.length} characters long; the column allows at most ${max}.`);
      return value;
    }
    case 'number':
    case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(name, 'a number');
      const props = facetProps(column, 'number');
      if (typeof props.minimum === 'number' && value < props.minimum)
        throw invalidRequest(`The value for field '${name}' is below the column's minimum of ${props.minimum}.`);
      if (typeof props.maximum === 'number' && value > props.maximum)
        throw invalidRequest(`The value for field '${name}' is above the column's maximum of ${props.maximum}.`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(name, 'true or false');
      return value;
    case 'dateTime': {
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
        throw wrongType(name, 'an ISO 8601 date or date and time');
      const instant = new Date(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value));
      if (facetProps(column, 'dateTime').format === 'dateOnly') instant.setUTCHours(0, 0, 0, 0);
      return graphDateTime(instant);
    }
    case 'choice': {
      if (typeof value !== 'string') throw wrongType(name, 'a string');
      const props = facetProps(column, 'choice');
      const choices = Array.isArray(props.choices) ? props.choices : [];
      if (props.allowTextEntry !== true && !choices.includes(value)) {
        throw invalidRequest(`The value '${value}' for field '${name}' is not one of the column's choices.`);
      }
      return value;
    }
    default:
      return value;
  }
}

export interface FieldWrite {
  /** Values to store (column name, or "<name>LookupId" for person and lookup columns). undefined = clear. */
  values: Record<string, unknown>;
}

/**
 * Checks a fieldValueSet sent in a create or update against the list's columns, as Graph does:
 * unknown names and read-only fields are refused, values must fit the column type, and
 * hyperlinkOrPicture columns cannot be written through Graph at all.
 */
export function normalizeFieldWrite(columns: readonly ColumnDefinition[], input: unknown): FieldWrite {
  if (!isRecord(input)) throw invalidRequest("The 'fields' value must be an object.");
  const byName = new Map(columns.map((c) => [c.name, c] as const));
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    if (key.startsWith('@odata.') || key.startsWith('@microsoft.graph.')) continue;
    if (key.endsWith('@odata.type')) continue; // collection annotations, e.g. "Tags@odata.type": "Collection(Edm.String)"
    let column = byName.get(key);
    let lookupKey = false;
    if (!column && key.endsWith('LookupId')) {
      const base = byName.get(key.slice(0, -'LookupId'.length));
      const baseFacet = base ? facetOf(base) : null;
      if (base && (baseFacet === 'personOrGroup' || baseFacet === 'lookup')) {
        column = base;
        lookupKey = true;
      }
    }
    if (!column) {
      if (COMPUTED_FIELD_NAMES.has(key)) throw invalidRequest(`Field '${key}' is read-only`);
      throw invalidRequest(`Field '${key}' is not recognized`);
    }
    if (column.readOnly === true || COMPUTED_FIELD_NAMES.has(key)) throw invalidRequest(`Field '${key}' is read-only`);
    const facet = facetOf(column);
    if (facet === 'hyperlinkOrPicture') throw invalidRequest(HYPERLINK_REFUSAL);
    if (facet === 'calculated') throw invalidRequest(`Field '${key}' is read-only`);
    if ((facet === 'personOrGroup' || facet === 'lookup') && !lookupKey) {
      throw invalidRequest(`Field '${key}' is a ${facet} column; set it through '${key}LookupId'.`);
    }
    if (raw === null || raw === undefined) {
      values[lookupKey ? key : column.name] = undefined;
      continue;
    }
    if (lookupKey) {
      values[key] = normalizeLookup(column, key, raw);
      continue;
    }
    if (isMultiValue(column)) {
      if (!Array.isArray(raw)) throw wrongType(key, `an array (send "${key}@odata.type": "Collection(Edm.String)")`);
      values[key] = raw.map((v) => normalizeScalar(column, facet, v));
      continue;
    }
    values[key] = normalizeScalar(column, facet, raw);
  }
  return { values };
}

function normalizeLookup(column: ColumnDefinition, key: string, raw: unknown): unknown {
  const one = (v: unknown): string => {
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return String(v);
    if (typeof v === 'string' && /^[1-9]\d*$/.test(v)) return v;
    throw wrongType(key, 'a positive whole number (as a number or a string)');
  };
  if (isMultiValue(column)) {
    if (!Array.isArray(raw)) throw wrongType(key, `an array (send "${key}@odata.type": "Collection(Edm.Int32)")`);
    return raw.map(one);
  }
  return one(raw);
}

/** Bypass used by the admin endpoint: hyperlink values may be seeded as { Description, Url }. */
export function normalizeAdminFieldWrite(columns: readonly ColumnDefinition[], input: unknown): FieldWrite {
  if (!isRecord(input)) throw invalidRequest("The 'fields' value must be an object.");
  const rest: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    const column = columns.find((c) => c.name === key);
    if (column && facetOf(column) === 'hyperlinkOrPicture') {
      if (raw === null) values[key] = undefined;
      else if (isRecord(raw) && typeof raw.Url === 'string')
        values[key] = { Description: typeof raw.Description === 'string' ? raw.Description : raw.Url, Url: raw.Url };
      else throw invalidRequest(`The value for field '${key}' must be { Description, Url }.`);
    } else rest[key] = raw;
  }
  return { values: { ...normalizeFieldWrite(columns, rest).values, ...values } };
}

/** The comparable form of a value for enforceUniqueValues and $filter (strings compare case-insensitively). */
export function comparable(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}
