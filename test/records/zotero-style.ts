/**
 * Writes BibTeX the way Zotero's own BibTeX export does (its `BibTeX.js` translator, UTF-8
 * charset): `| < > ~ ^ \ { }` become `{\textbar}`, `{\textless}`, `{\textgreater}`,
 * `{\textasciitilde}`, `{\textasciicircum}`, `{\textbackslash}`, `\{`, `\}`; `# $ % & _` get a
 * backslash; words with a capital after their first letter are wrapped in braces to protect their
 * case. Used to check that what Zotero writes comes back as it was typed.
 */
const ALWAYS_MAP: Record<string, string> = {
  '|': '{\\textbar}',
  '<': '{\\textless}',
  '>': '{\\textgreater}',
  '~': '{\\textasciitilde}',
  '^': '{\\textasciicircum}',
  '\\': '{\\textbackslash}',
  '{': '\\{',
  '}': '\\}',
};

/** A field value as Zotero writes it, without the braces around it. */
export function zoteroEscape(value: string): string {
  return value
    .replace(/[|~^\\{}]/g, (c) => ALWAYS_MAP[c] ?? c)
    .replace(/[#$%&_]/g, '\\$&')
    .replace(/[<>]/g, (c) => ALWAYS_MAP[c] ?? c)
    .replace(/\b\p{L}+\p{Lu}\p{L}*/gu, '{$&}');
}

/** One entry as Zotero lays it out: tab-indented fields, one per line. */
export function zoteroEntry(key: string, fields: Record<string, string>): string {
  const body = Object.entries(fields).map(([name, value]) => `\t${name} = {${zoteroEscape(value)}}`);
  return `@article{${key},\n${body.join(',\n')}\n}\n`;
}
