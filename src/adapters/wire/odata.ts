// OData's string literal, the one place it is written: single quotes, a quote inside doubled.
// Graph's $filter and SharePoint REST's getbytitle('…') take the same literal.

export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
