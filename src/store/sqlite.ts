// The small part of better-sqlite3 the local store uses, typed here because @types/better-sqlite3
// is not installed. Loaded with require so the compiler does not need the package's types.

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
  readonly open: boolean;
  readonly inTransaction: boolean;
}

type DatabaseConstructor = new (filename: string, options?: { fileMustExist?: boolean; timeout?: number }) => Database;

export function openDatabase(filename: string): Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- typed by the interfaces above, not by the package (see the top)
  const BetterSqlite = require('better-sqlite3') as DatabaseConstructor;
  return new BetterSqlite(filename, { timeout: 5000 });
}
