// The OData query options the local store understands: $filter (eq, ne, gt, ge, lt, le, and, or, not,
// startswith), $orderby, $select, $expand (with a nested $select), $top and $skiptoken.
import { isRecord } from './columns';
import { badRequest, invalidRequest } from './errors';

export type Literal = string | number | boolean | null;
export type Operand = { kind: 'path'; path: string } | { kind: 'literal'; value: Literal; quoted: boolean };
export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'cmp'; op: ComparisonOp; left: Operand; right: Operand }
  | { kind: 'startswith'; target: Operand; prefix: Operand };

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'word'; v: string } | { t: '(' } | { t: ')' } | { t: ',' };

const COMPARISONS = new Set<ComparisonOp>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ t: ch });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw badRequest(`Invalid filter clause: unterminated string literal in '${source}'.`);
        const c = source[i]!;
        if (c === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      tokens.push({ t: 'str', v: value });
    } else {
      const match = /^[^\s(),']+/.exec(source.slice(i));
      const word = match![0];
      i += word.length;
      if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word)) tokens.push({ t: 'num', v: Number(word) });
      else tokens.push({ t: 'word', v: word });
    }
  }
  return tokens;
}

/** Parses an OData $filter expression. */
export function parseFilter(source: string): FilterExpr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what: string): never => {
    throw badRequest(`Invalid filter clause: ${what}.`);
  };
  const isWord = (tok: Token | undefined, word: string) => tok !== undefined && tok.t === 'word' && tok.v.toLowerCase() === word;

  const operand = (): Operand => {
    const tok = tokens[pos++];
    if (!tok) return fail('an operand is missing');
    if (tok.t === 'str') return { kind: 'literal', value: tok.v, quoted: true };
    if (tok.t === 'num') return { kind: 'literal', value: tok.v, quoted: false };
    if (tok.t === 'word') {
      const lower = tok.v.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true', quoted: false };
      if (lower === 'null') return { kind: 'literal', value: null, quoted: false };
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(tok.v)) return { kind: 'literal', value: tok.v, quoted: false };
      if (/^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*$/.test(tok.v)) return { kind: 'path', path: tok.v };
    }
    return fail(`unexpected '${tok.t === 'word' ? tok.v : tok.t}'`);
  };

  const primary = (): FilterExpr => {
    const tok = peek();
    if (tok?.t === '(') {
      pos++;
      const inner = orExpr();
      if (tokens[pos++]?.t !== ')') fail("a ')' is missing");
      return inner;
    }
    if (isWord(tok, 'not')) {
      pos++;
      return { kind: 'not', expr: primary() };
    }
    if (tok?.t === 'word' && tokens[pos + 1]?.t === '(') {
      const name = tok.v.toLowerCase();
      if (name !== 'startswith') throw invalidRequest(`The query function '${tok.v}' is not supported for list items.`);
      pos += 2;
      const target = operand();
      if (tokens[pos++]?.t !== ',') fail('startswith takes two arguments');
      const prefix = operand();
      if (tokens[pos++]?.t !== ')') fail("a ')' is missing after startswith");
      const call: FilterExpr = { kind: 'startswith', target, prefix };
      // Allow "startswith(a,'b') eq true".
      if (isWord(peek(), 'eq') && isWord(tokens[pos + 1], 'true')) pos += 2;
      return call;
    }
    const left = operand();
    const opTok = tokens[pos++];
    if (!opTok || opTok.t !== 'word' || !COMPARISONS.has(opTok.v.toLowerCase() as ComparisonOp))
      return fail('a comparison operator (eq, ne, gt, ge, lt, le) is expected');
    const right = operand();
    return { kind: 'cmp', op: opTok.v.toLowerCase() as ComparisonOp, left, right };
  };

  const andExpr = (): FilterExpr => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };

  function orExpr(): FilterExpr {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }

  if (tokens.length === 0) fail('the expression is empty');
  const expr = orExpr();
  if (pos !== tokens.length) fail(`unexpected text after position ${pos}`);
  return expr;
}

/** Every property path an expression refers to. */
export function filterPaths(expr: FilterExpr): string[] {
  const out: string[] = [];
  const add = (o: Operand) => {
    if (o.kind === 'path') out.push(o.path);
  };
  const walk = (e: FilterExpr) => {
    switch (e.kind) {
      case 'and':
      case 'or':
        walk(e.left);
        walk(e.right);
        break;
      case 'not':
        walk(e.expr);
        break;
      case 'cmp':
        add(e.left);
        add(e.right);
        break;
      case 'startswith':
        add(e.target);
        add(e.prefix);
        break;
    }
  };
  walk(expr);
  return out;
}

/** How a property's values compare: dates compare as instants, strings case-insensitively. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'dateTime' | 'other';

export interface Resolver {
  value(path: string): unknown;
  kind(path: string): ValueKind;
}

function coerce(value: unknown, kind: ValueKind): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => coerce(v, kind));
  if (kind === 'dateTime' && typeof value === 'string') {
    const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(t) ? value : t;
  }
  if (kind === 'boolean' && typeof value === 'number') return value !== 0;
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const sa = typeof a === 'string' ? a : String(JSON.stringify(a));
  const sb = typeof b === 'string' ? b : String(JSON.stringify(b));
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function evaluateFilter(expr: FilterExpr, resolver: Resolver): boolean {
  const kindOf = (e: { left: Operand; right: Operand }): ValueKind =>
    e.left.kind === 'path' ? resolver.kind(e.left.path) : e.right.kind === 'path' ? resolver.kind(e.right.path) : 'other';
  const valueOf = (o: Operand, kind: ValueKind): unknown => coerce(o.kind === 'path' ? resolver.value(o.path) : o.value, kind);
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, resolver) && evaluateFilter(expr.right, resolver);
    case 'or':
      return evaluateFilter(expr.left, resolver) || evaluateFilter(expr.right, resolver);
    case 'not':
      return !evaluateFilter(expr.expr, resolver);
    case 'startswith': {
      const target = valueOf(expr.target, 'string');
      const prefix = valueOf(expr.prefix, 'string');
      return typeof target === 'string' && typeof prefix === 'string' && target.startsWith(prefix);
    }
    case 'cmp': {
      const kind = kindOf(expr);
      const left = valueOf(expr.left, kind);
      const right = valueOf(expr.right, kind);
      // Multi-value fields match when any of their values does.
      if (Array.isArray(left) && !Array.isArray(right)) {
        const any = left.some((v) => compareOp(expr.op, v, right));
        return expr.op === 'ne' ? !left.some((v) => compareValues(v, right) === 0) : any;
      }
      return compareOp(expr.op, left, right);
    }
  }
}

function compareOp(op: ComparisonOp, left: unknown, right: unknown): boolean {
  if (op === 'eq') return compareValues(left, right) === 0;
  if (op === 'ne') return compareValues(left, right) !== 0;
  if (left === null || right === null) return false;
  const c = compareValues(left, right);
  return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
}

// ---- $orderby

export interface OrderTerm {
  path: string;
  desc: boolean;
}

export function parseOrderBy(source: string): OrderTerm[] {
  return source
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const m = /^([A-Za-z_][\w]*(?:\/[A-Za-z_][\w]*)*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) throw badRequest(`Invalid $orderby clause '${part}'.`);
      return { path: m[1]!, desc: (m[2] ?? '').toLowerCase() === 'desc' };
    });
}

// ---- $select and $expand

export function parseSelect(source: string | null): string[] | null {
  if (source === null) return null;
  const names = source
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return names.length > 0 ? names : null;
}

export interface ExpandTerm {
  name: string;
  select: string[] | null;
}

/** Parses "$expand=fields($select=A,B),columns". */
export function parseExpand(source: string | null): ExpandTerm[] {
  if (source === null || source.trim() === '') return [];
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of source) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((term) => {
      const m = /^([A-Za-z_]\w*)(?:\((.*)\))?$/.exec(term);
      if (!m) throw badRequest(`Invalid $expand clause '${term}'.`);
      let select: string[] | null = null;
      if (m[2] !== undefined) {
        for (const option of m[2].split(';')) {
          const eq = option.indexOf('=');
          const key = option.slice(0, eq).trim().toLowerCase();
          if (key === '$select') select = parseSelect(option.slice(eq + 1));
          else if (option.trim() !== '') throw badRequest(`The query option '${option.trim()}' is not supported inside $expand.`);
        }
      }
      return { name: m[1]!, select };
    });
}

/** Keeps the selected properties (and OData annotations) of a resource. */
export function applySelect<T extends Record<string, unknown>>(
  resource: T,
  select: string[] | null,
  keep: readonly string[] = [],
): Record<string, unknown> {
  if (!select) return resource;
  const wanted = new Set([...select.map((s) => s.toLowerCase()), ...keep.map((k) => k.toLowerCase())]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key.startsWith('@odata.') || wanted.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}

// ---- $top and $skiptoken

export function parseTop(source: string | null, fallback: number, max: number): number {
  if (source === null) return fallback;
  if (!/^\d+$/.test(source.trim())) throw badRequest(`Invalid value '${source}' for $top: it must be a whole number.`);
  const n = Number(source);
  if (n < 1) throw badRequest(`Invalid value '${source}' for $top: it must be at least 1.`);
  return Math.min(n, max);
}

/** SharePoint-style paging token: base64url of "Paged=TRUE&p_ID=<last id>[&p_Offset=<n>]". */
export function encodeSkipToken(lastId: number, offset: number | null): string {
  const raw = `Paged=TRUE&p_ID=${lastId}${offset === null ? '' : `&p_Offset=${offset}`}`;
  return Buffer.from(raw).toString('base64url');
}

export function decodeSkipToken(token: string): { lastId: number; offset: number | null } {
  const raw = Buffer.from(token, 'base64url').toString('utf8');
  const params = new URLSearchParams(raw);
  const lastId = Number(params.get('p_ID'));
  const offsetRaw = params.get('p_Offset');
  if (params.get('Paged') !== 'TRUE' || !Number.isInteger(lastId) || lastId < 0) throw badRequest('The $skiptoken is not valid.');
  const offset = offsetRaw === null ? null : Number(offsetRaw);
  if (offset !== null && (!Number.isInteger(offset) || offset < 0)) throw badRequest('The $skiptoken is not valid.');
  return { lastId, offset };
}

/** Applies a $filter to plain resources (lists, columns), resolving "a/b" paths into nested objects. */
export function filterResources<T extends Record<string, unknown>>(resources: T[], source: string | null): T[] {
  if (!source) return resources;
  const expr = parseFilter(source);
  return resources.filter((resource) =>
    evaluateFilter(expr, {
      value: (path) => path.split('/').reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), resource),
      kind: (path) => {
        const v = path.split('/').reduce<unknown>((acc, key) => (isRecord(acc) ? acc[key] : undefined), resource);
        return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : /DateTime$/.test(path) ? 'dateTime' : 'string';
      },
    }),
  );
}
