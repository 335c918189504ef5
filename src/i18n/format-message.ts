/** A messages.json as Chrome reads it. */
export type MessageTable = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/**
 * A message of a messages.json filled in as Chrome's `i18n.getMessage` does, for where that API
 * is absent (unit tests, a Web Worker): named placeholders ($NAME$) become their content, then
 * $1…$9 the substitutions, and $$ a dollar sign. Undefined when the key is not in the table.
 */
export function formatMessage(
  table: MessageTable,
  key: string,
  substitutions?: string | (string | number)[],
): string | undefined {
  const entry = table[key];
  if (!entry) return undefined;
  const values = substitutions === undefined ? [] : [substitutions].flat().map(String);
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const named = entry.message.replace(
    /\$(\w+)\$/g,
    (whole, name: string) => placeholders[name.toLowerCase()] ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
  );
}
