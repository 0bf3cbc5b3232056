/**
 * Readable paths for taxonomy errors: `method.peft.lora.acronyms[2]` instead of
 * `facets.method.nodes.0.children.0.acronyms.2`, because users think in ids, not indexes.
 */
/** A path into the YAML document, as keys and indexes. */
export type RawPath = ReadonlyArray<string | number>;

export function readablePath(data: unknown, path: RawPath): string {
  let out = '';
  let current: unknown = data;
  let parentId: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    if (i === 0 && segment === 'facets' && typeof next === 'string') {
      out = next;
      current = field(field(current, 'facets'), next);
      i++;
      continue;
    }
    if ((segment === 'nodes' || segment === 'children') && typeof next === 'number') {
      const node = field(field(current, segment), next);
      const id = field(node, 'id');
      if (typeof id === 'string') {
        parentId = parentId && !id.startsWith(`${parentId}.`) ? `${parentId}.${id}` : id;
        out = `${facetOf(out)}.${parentId}`;
        current = node;
        i++;
        continue;
      }
    }
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
    current = field(current, segment);
  }
  return out;
}

function facetOf(path: string): string {
  return path.split('.')[0] ?? path;
}

function field(value: unknown, key: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return  Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}
