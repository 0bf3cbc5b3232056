/// <reference lib="dom" />
/**
 * The page's own script: the paper table (filters, search, sort, pages) and the detail dialog.
 * It runs in the browser, inlined into the report as the source text of `reportApp` (see
 * html.ts), so it must not close over anything of this module: no imports, no outer names. It
 * builds every element with textContent, never innerHTML, so paper text cannot inject markup.
 * Charts are not drawn here: they are SVG in the page already. The script runs before the
 * abstracts are parsed (they follow it in the page), so the table shows early; they are read on
 * DOMContentLoaded.
 */

/** Keys on the table: ↑/↓ or k/j move between rows, Enter opens one, n/p turn pages, / searches. */
export function reportApp(): void {
  type EvidenceRow = [number, number, number, number, number, number, number, number[]];
  type TagRow = [number, number, number[]];
  type NameRow = [number, number, number, number, number[]];
  type Paper = [string, string, string, string, string, TagRow[], EvidenceRow[], NameRow[]];
  interface Data {
    title: string;
    facets: Array<[string, string]>;
    familyFacet: number;
    nodes: Array<[string, string, number, number, number]>;
    notes: Array<[number, number, string]>;
    strings: string[];
    hasNames: boolean;
    papers: Paper[];
  }

  const PAGE = 50;
  const read = (name: string): unknown => JSON.parse(Array.from(document.querySelectorAll(`script[data-part="${name}"]`), (e) => e.textContent).join(''));
  const data = read('report-data') as Data;
  let abstractsLoaded = false;
  const { nodes, papers, strings } = data;
  const notes = new Map(data.notes.map(([node, rule, note]) => [`${node}:${rule}`, note]));

  // Each paper's nodes with their ancestors, once: a LoRA paper is shown under PEFT too.
  const ancestors = nodes.map((_, i) => {
    const up: number[] = [];
    for (let p = nodes[i]![3]; p >= 0; p = nodes[p]![3]) up.push(p);
    return up;
  });
  const paperNodes = papers.map((p) => {
    const all = new Set<number>();
    for (const [node] of p[5]) {
      all.add(node);
      for (const a of ancestors[node]!) all.add(a);
    }
    return all;
  });
  const paperNames = papers.map((p) => new Set(p[7].map((n) => n[0])));
  const haystacks: Array<string | undefined> = [];
  // Until the abstracts are read, search looks at ids and titles (the cache is then dropped).
  const haystack = (i: number) => (haystacks[i] ??= `${papers[i]![0]} ${papers[i]![1]} ${papers[i]![2]}`.toLowerCase());

  const state = { filters: data.facets.map(() => -1), name: -1, query: '', sort: 'score', page: 0, rows: [] as number[] };
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const table = $<HTMLTableSectionElement>('paper-rows');
  const status = $('paper-status');
  const dialog = $<HTMLDialogElement>('paper-detail');

  function el(tag: string, props: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  }

  /** The score a paper sorts by: its tag of the filtered family, else its best family tag. */
  function scoreOf(i: number): number {
    const family = state.filters[data.familyFacet] ?? -1;
    let best = 0;
    for (const [node, score] of papers[i]![5]) {
      if (family >= 0 ? node === family || ancestors[node]!.includes(family) : nodes[node]![2] === data.familyFacet) best = Math.max(best, score);
    }
    return best;
  }

  function apply(): void {
    const terms = state.query.toLowerCase().split(/\s+/).filter(Boolean);
    const rows: number[] = [];
    for (let i = 0; i < papers.length; i++) {
      if (!state.filters.every((node) => node < 0 || paperNodes[i]!.has(node))) continue;
      if (state.name >= 0 && !paperNames[i]!.has(state.name)) continue;
      if (terms.length > 0 && !terms.every((t) => haystack(i).includes(t))) continue;
      rows.push(i);
    }
    if (state.sort === 'score') {
      const scores = new Float64Array(papers.length);
      for (const i of rows) scores[i] = scoreOf(i);
      rows.sort((a, b) => scores[b]! - scores[a]! || a - b);
    } else if (state.sort === 'date') {
      // Newest first; undated papers last, in input order.
      rows.sort((a, b) => compareDates(papers[b]![3], papers[a]![3]) || a - b);
    }
    state.rows = rows;
    state.page = 0;
    draw();
  }

  function compareDates(a: string, b: string): number {
    if (a === b) return 0;
    if (a === '') return -1;
    if (b === '') return 1;
    return a < b ? -1 : 1;
  }

  function draw(): void {
    const pages = Math.max(1, Math.ceil(state.rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const from = state.page * PAGE;
    const shown = state.rows.slice(from, from + PAGE);
    table.replaceChildren(...shown.map(row));
    const total = state.rows.length;
    status.textContent = total === 0 ? 'No paper matches these filters.' : `Papers ${from + 1}–${from + shown.length} of ${total.toLocaleString('en')}${total === papers.length ? '' : ` (of ${papers.length.toLocaleString('en')})`}`;
    $('page-label').textContent = `page ${state.page + 1} of ${pages}`;
    $<HTMLButtonElement>('page-prev').disabled = state.page === 0;
    $<HTMLButtonElement>('page-next').disabled = state.page >= pages - 1;
  }

  function chips(i: number, facet: number): HTMLElement {
    const cell = el('td');
    for (const [node, score] of papers[i]![5]) {
      if (nodes[node]![2] !== facet) continue;
      cell.append(el('span', { class: 'chip', title: `${nodes[node]![0]} ${score.toFixed(3)}`, text: nodes[node]![1] }), ' ');
    }
    return cell;
  }

  function row(i: number): HTMLElement {
    const p = papers[i]!;
    const title = el('td', { class: 'title' }, p[1] || p[0]);
    const tr = el('tr', { tabindex: '0', 'data-index': String(i), 'data-id': p[0] }, title, el('td', { class: 'date', text: p[3] || '—' }));
    data.facets.forEach((_, f) => tr.append(chips(i, f)));
    tr.append(el('td', { class: 'num', text: scoreOf(i) > 0 ? scoreOf(i).toFixed(2) : '' }));
    return tr;
  }

  /** `text` with the spans inside `<mark>`, overlapping spans joined. */
  function highlighted(text: string, spans: Array<[number, number, string]>): DocumentFragment {
    const out = document.createDocumentFragment();
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number, Set<string>]> = [];
    for (const [start, end, why] of sorted) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) {
        last[1] = Math.max(last[1], end);
        last[2].add(why);
      } else merged.push([start, end, new Set([why])]);
    }
    let at = 0;
    for (const [start, end, why] of merged) {
      if (start > at) out.append(text.slice(at, start));
      out.append(el('mark', { title: [...why].join(', '), text: text.slice(Math.max(start, at), end) }));
      at = Math.max(at, end);
    }
    out.append(text.slice(at));
    return out;
  }

  function open(i: number): void {
    const p = papers[i]!;
    const spans: Array<Array<[number, number, string]>> = [[], []];
    for (const [node, , evidence] of p[5]) for (const e of evidence) spans[p[6][e]![0]]!.push([p[6][e]![1], p[6][e]![2], nodes[node]![1]]);
    for (const [, label, , , evidence] of p[7]) for (const e of evidence) spans[p[6][e]![0]]!.push([p[6][e]![1], p[6][e]![2], strings[label]!]);
    const body = $('detail-body');
    const link = p[4] ? el('a', { href: p[4], rel: 'noopener noreferrer', target: '_blank', text: p[4] }) : '';
    body.replaceChildren(
      el('h2', { id: 'detail-title' }, highlighted(p[1] || p[0], spans[0]!)),
      el('p', { class: 'meta' }, `${p[0]}${p[3] ? ` · ${p[3]}` : ''}${p[4] ? ' · ' : ''}`, link),
      el('p', { class: 'abstract' }, p[2] ? highlighted(p[2], spans[1]!) : el('em', { text: abstractsLoaded ? 'No abstract.' : 'The abstract is still loading…' })),
      tagTable(p),
      ...(p[7].length > 0 ? [nameList(p)] : []),
    );
    dialog.dataset.index = String(i);
    if (!dialog.open) dialog.showModal();
    $('detail-close').focus();
  }

  function evidenceText(p: Paper, e: EvidenceRow): string {
    return (e[0] === 0 ? p[1] : p[2]).slice(e[1], e[2]);
  }

  function tagTable(p: Paper): HTMLElement {
    const tbody = el('tbody');
    for (const [node, score, evidence] of p[5]) {
      const reasons = el('ul', { class: 'reasons' });
      for (const e of evidence.map((k) => p[6][k]!)) {
        if (e[6] !== node && e[6] >= 0) continue;
        const cues = e[7].length > 0 ? ` · cue: ${e[7].map((c) => strings[c]).join(', ')}` : '';
        const item = el('li', {}, el('q', { text: evidenceText(p, e) }), ` ${e[0] === 0 ? 'title' : 'abstract'} · ${strings[e[4]]} '${strings[e[3]]}' · weight ${e[5]}${cues}`);
        const note = notes.get(`${e[6]}:${e[3]}`);
        if (note) item.append(el('div', { class: 'note', text: `note: ${note}` }));
        reasons.append(item);
      }
      const pooled = [...new Set(evidence.map((k) => p[6][k]![6]).filter((n) => n !== node && n >= 0))].map((n) => nodes[n]![1]);
      if (pooled.length > 0) reasons.append(el('li', { class: 'note', text: `pools the evidence of ${pooled.join(', ')}` }));
      if (evidence.length === 0) reasons.append(el('li', { class: 'note', text: 'the facet default: nothing else reached its threshold' }));
      const bar = el('span', { class: 'score-bar', style: `--score:${score}` });
      tbody.append(el('tr', {}, el('td', { text: data.facets[nodes[node]![2]]![1] }), el('td', {}, el('strong', { text: nodes[node]![1] }), el('div', { class: 'id', text: nodes[node]![0] })), el('td', { class: 'num' }, score.toFixed(3), bar), el('td', {}, reasons)));
    }
    if (p[5].length === 0) tbody.append(el('tr', {}, el('td', { colspan: '4', text: 'No tag.' })));
    return el('table', { class: 'tags' }, el('thead', {}, el('tr', {}, el('th', { text: 'facet' }), el('th', { text: 'tag' }), el('th', { text: 'score' }), el('th', { text: 'evidence' }))), tbody);
  }

  function nameList(p: Paper): HTMLElement {
    const list = el('ul', { class: 'names' });
    for (const [, label, role, score, evidence] of p[7]) {
      const said = evidence.map((k) => `“${evidenceText(p, p[6][k]!)}”`).join(', ');
      list.append(el('li', {}, el('strong', { text: strings[label]! }), ` ${strings[role]} · ${score.toFixed(2)}${said ? ` · ${said}` : ''}`));
    }
    return el('section', {}, el('h3', { text: 'Named methods' }), list);
  }

  function filterSelect(f: number): HTMLElement {
    const counts = new Array<number>(nodes.length).fill(0);
    for (const set of paperNodes) for (const n of set) counts[n]!++;
    const select = el('select', { id: `filter-${data.facets[f]![0]}`, 'data-facet': data.facets[f]![0] }, el('option', { value: '-1', text: 'all' })) as HTMLSelectElement;
    nodes.forEach((node, n) => {
      if (node[2] === f && counts[n]! > 0) select.append(el('option', { value: String(n), text: `${'\u2003'.repeat(node[4])}${node[1]} (${counts[n]})` }));
    });
    select.addEventListener('change', () => {
      state.filters[f] = Number(select.value);
      apply();
    });
    return el('label', {}, `${f === data.familyFacet ? 'Family' : data.facets[f]![1]} `, select);
  }

  function nameSelect(): HTMLElement {
    const counts = new Map<number, number>();
    for (const set of paperNames) for (const n of set) counts.set(n, (counts.get(n) ?? 0) + 1);
    const label = new Map<number, string>();
    for (const p of papers) for (const [id, l] of p[7]) label.set(id, strings[l]!);
    const select = el('select', { id: 'filter-name' }, el('option', { value: '-1', text: 'all' })) as HTMLSelectElement;
    for (const [id, n] of [...counts].sort((a, b) => b[1] - a[1])) select.append(el('option', { value: String(id), text: `${label.get(id)} (${n})` }));
    select.addEventListener('change', () => {
      state.name = Number(select.value);
      apply();
    });
    return el('label', {}, 'Name ', select);
  }

  function focusRow(step: number): void {
    const rows = Array.from(table.querySelectorAll('tr'));
    const at = rows.indexOf(document.activeElement as HTMLTableRowElement);
    (rows[Math.max(0, Math.min(rows.length - 1, at + step))] as HTMLElement | undefined)?.focus();
  }

  function turn(step: number): void {
    state.page += step;
    draw();
    (table.querySelector('tr') as HTMLElement | null)?.focus();
  }

  const controls = $('paper-controls');
  data.facets.forEach((_, f) => controls.append(filterSelect(f)));
  if (data.hasNames) controls.append(nameSelect());
  const search = $<HTMLInputElement>('paper-search');
  let pending: number | undefined;
  search.addEventListener('input', () => {
    clearTimeout(pending);
    pending = window.setTimeout(() => {
      state.query = search.value;
      apply();
    }, 150);
  });
  const sort = $<HTMLSelectElement>('paper-sort');
  sort.addEventListener('change', () => {
    state.sort = sort.value;
    apply();
  });
  $('page-prev').addEventListener('click', () => turn(-1));
  $('page-next').addEventListener('click', () => turn(1));
  $('detail-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => (table.querySelector(`tr[data-index="${dialog.dataset.index}"]`) as HTMLElement | null)?.focus());
  table.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) return;
    const tr = (event.target as HTMLElement).closest('tr');
    if (tr) open(Number(tr.dataset.index));
  });
  table.addEventListener('keydown', (event) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(1),
      j: () => focusRow(1),
      ArrowUp: () => focusRow(-1),
      k: () => focusRow(-1),
      Enter: () => open(Number((event.target as HTMLElement).dataset.index)),
      n: () => state.page < Math.ceil(state.rows.length / PAGE) - 1 && turn(1),
      p: () => state.page > 0 && turn(-1),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement !== search && !dialog.open) {
      event.preventDefault();
      search.focus();
    }
  });
  apply();
  document.documentElement.dataset.table = 'ready';
  performance.mark('report-table');

  /** The abstracts, once the parser has reached the end of the page. */
  function loadAbstracts(): void {
    const abstracts = read('report-abstracts') as string[];
    abstracts.forEach((text, i) => {
      if (papers[i]) papers[i][2] = text;
    });
    abstractsLoaded = true;
    haystacks.length = 0;
    if (state.query) apply();
    if (dialog.open) open(Number(dialog.dataset.index));
    document.documentElement.dataset.ready = 'true';
    performance.mark('report-ready');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadAbstracts);
  else loadAbstracts();
}
