// Every regular expression in src/, found by parsing the sources (not a hand list), is checked by
// recheck for super-linear backtracking: a sender controls the text each one runs on.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { loadCatalogue } from '../../../src/core/catalogue';
import { labelPattern } from '../../../src/core/forms/labels';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Found {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/** Module-level `const NAME = 'text'` / `` `text` `` / /regex/ in a file, for resolving `new RegExp(...)`. */
function constants(file: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) out.set(declaration.name.text, declaration.initializer);
    }
  }
  return out;
}

/** The string an expression stands for when it is made of literals and module constants only. */
function evaluate(expression: ts.Expression, known: Map<string, ts.Expression>, depth = 0): string | undefined {
  if (depth > 10) return undefined;
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isParenthesizedExpression(expression)) return evaluate(expression.expression, known, depth + 1);
  if (ts.isTemplateExpression(expression)) {
    let text = expression.head.text;
    for (const span of expression.templateSpans) {
      const part = evaluate(span.expression, known, depth + 1);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = evaluate(expression.left, known, depth + 1);
    const right = evaluate(expression.right, known, depth + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(expression)) {
    const value = known.get(expression.text);
    return value ? evaluate(value, known, depth + 1) : undefined;
  }
  // X.source of a regex literal constant.
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'source' && ts.isIdentifier(expression.expression)) {
    const value = known.get(expression.expression.text);
    if (value && ts.isRegularExpressionLiteral(value)) return literalParts(value.text).source;
  }
  return undefined;
}

function literalParts(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

/** Regular expressions built from data (a template's labels): the test makes every instance the built-in forms give. */
const BUILT_FROM_DATA: Record<string, () => RegExp[]> = {
  // The owner's-mailbox route, under the path of the store the harness forwards to (its own setting, not a sender's).
  'src/harness/serve.ts': () => ['', '/v1.0', '/graph/v1.0'].map((path) => new RegExp(`^${path}/users/([^/]+)/messages/([^/]+)/\\$value$`)),
  'src/core/forms/labels.ts': () =>
    loadCatalogue().templates.flatMap((template) =>
      [...template.fields, ...template.signatories].flatMap((field) =>
        [field.label, ...('aliases' in field ? field.aliases : [])].map(labelPattern),
      ),
    ),
};

function collect(): { found: Found[]; unresolved: string[] } {
  const found: Found[] = [];
  const unresolved: string[] = [];
  for (const path of sources(join(root, 'src'))) {
    const text = readFileSync(path, 'utf8');
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const known = constants(file);
    const name = relative(root, path);
    const where = (node: ts.Node) => `${name}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) found.push({ where: where(node), ...literalParts(node.text) });
      else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [patternArg, flagsArg] = node.arguments ?? [];
        const source = patternArg && evaluate(patternArg, known);
        const flags = flagsArg ? evaluate(flagsArg, known) : '';
        if (source !== undefined && flags !== undefined) found.push({ where: where(node), source, flags });
        else if (BUILT_FROM_DATA[name]) {
          for (const regex of BUILT_FROM_DATA[name]())
            found.push({ where: `${where(node)} (${regex.source})`, source: regex.source, flags: regex.flags });
        } else unresolved.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { found, unresolved };
}

/**
 * recheck's automaton does not model look-arounds. One that looks at a single character costs O(1)
 * where it is tried and only ever prunes matching paths, so the pattern without it bounds the
 * backtracking of the pattern with it: that is what is proven for such patterns.
 */
const CHARACTER_LOOKAROUND = /\(\?<?[=!](?:\[(?:\\.|[^\]\\])*\]|\\[^pPuxck]|[^\\()[])\)/g;

async function prove(source: string, flags: string): Promise<string | undefined> {
  let result = await check(source, flags, { checker: 'automaton', timeout: 20_000 });
  if (result.status === 'unknown' && result.error.kind === 'unsupported') {
    const without = source.replace(CHARACTER_LOOKAROUND, '');
    if (without !== source) result = await check(without, flags, { checker: 'automaton', timeout: 20_000 });
  }
  if (result.status === 'safe') return undefined;
  return result.status === 'vulnerable' ? result.complexity.summary : result.status === 'unknown' ? result.error.kind : 'error';
}

describe('every regular expression in src/', () => {
  const { found, unresolved } = collect();

  it('is found by parsing the sources', () => {
    expect(unresolved).toEqual([]); // a RegExp built from something the test cannot see: add it to BUILT_FROM_DATA
    expect(found.length).toBeGreaterThan(150);
    // The ones built at run time are in the list too.
    expect(found.some((f) => f.where.startsWith('src/core/forms/values.ts'))).toBe(true);
    expect(found.some((f) => f.where.startsWith('src/core/forms/labels.ts:') && f.where.includes('('))).toBe(true);
  });

  it('is proven free of super-linear backtracking by recheck', async () => {
    const unsafe: string[] = [];
    const queue = [...new Map(found.map((f) => [`/${f.source}/${f.flags}`, f])).entries()];
    // Two at a time: the machine has two cores.
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [key, { where, source, flags }] = next;
        // Only the automaton's proof counts: a fuzzer that found nothing proves nothing.
        const problem = await prove(source, flags);
        if (problem) unsafe.push(`${where} ${key} ${problem}`);
      }
    };
    await Promise.all([worker(), worker()]);
    expect(unsafe).toEqual([]);
  }, 240_000);
});
