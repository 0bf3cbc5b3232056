/**
 * A small XML tokenizer and tree builder, enough for feeds such as the arXiv API's Atom:
 * elements, attributes, namespace prefixes, entities (named and numeric), CDATA, comments,
 * processing instructions and a DOCTYPE. No DTDs, no validation. Iterative, so deeply
 * nested input cannot overflow the stack.
 */

/** An attribute with its namespace resolved. */
export interface XmlAttribute {
  name: string;
  local: string;
  ns: string;
  value: string;
}

/** An element with its namespace resolved (`ns` is '' when it has none). */
export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Offset of the `<` that opens the element. */
  offset: number;
  /** False when the text ended before the element's end tag. */
  closed: boolean;
}

/** Element or text. */
export type XmlNode = XmlElement | string;

/** The text is not well-formed XML at `offset`. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Replaces the five XML entities and numeric references; unknown entities stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return NAMED_ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** The concatenated text of an element and its descendants, without recursion. */
export function textContent(element: XmlElement): string {
  const parts: string[] = [];
  const stack: XmlNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    if (typeof node === 'string') parts.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as XmlNode);
  }
  return parts.join('');
}

/** Parses a document and returns its root element. Throws `XmlSyntaxError`. */
export function parseXml(text: string): XmlElement {
  return new XmlParser(text).parse();
}

/** What a damaged document still gives: the tree up to the damage, and where and what the damage is. */
export interface RecoveredXml {
  root: XmlElement;
  /** The first error that stopped parsing; elements still open there have `closed: false`. */
  damage?: XmlSyntaxError;
  /** End tags that closed elements left open inside them (`<i>` never closed in a `<summary>`). */
  repairs: XmlSyntaxError[];
}

/**
 * Parses as much of a damaged document as can be trusted: an end tag that matches an open
 * ancestor closes the elements left open inside it (a repair), and the first other error stops
 * the parse, keeping everything complete before it. Throws only when there is no root element.
 */
export function parseXmlRecovering(text: string): RecoveredXml {
  const parser = new XmlParser(text, true);
  try {
    const root = parser.parse();
    return { root, repairs: parser.repairs };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError) || !parser.rootElement) throw error;
    return { root: parser.rootElement, damage: error, repairs: parser.repairs };
  }
}

interface OpenElement {
  element: XmlElement;
  scope: Map<string, string>;
}

class XmlParser {
  private pos = 0;
  private root: XmlElement | undefined;
  private readonly stack: OpenElement[] = [];
  readonly repairs: XmlSyntaxError[] = [];

  constructor(
    private readonly text: string,
    private readonly recovering = false,
  ) {}

  get rootElement(): XmlElement | undefined {
    return this.root;
  }

  parse(): XmlElement {
    while (this.pos < this.text.length) {
      const lt = this.text.indexOf('<', this.pos);
      this.addText(this.text.slice(this.pos, lt < 0 ? this.text.length : lt));
      if (lt < 0) break;
      this.pos = lt;
      this.markup();
    }
    if (!this.root) throw new XmlSyntaxError('no root element found', this.text.length);
    return this.root;
  }

  private markup(): void {
    const t = this.text;
    if (t.startsWith('<!--', this.pos)) return this.skipPast('-->', 'comment');
    if (t.startsWith('<![CDATA[', this.pos)) {
      const end = this.expect(']]>', 'CDATA section', this.pos + 9);
      this.addText(t.slice(this.pos + 9, end), false);
      this.pos = end + 3;
      return;
    }
    if (t.startsWith('<?', this.pos)) return this.skipPast('?>', 'processing instruction');
    if (t.startsWith('<!', this.pos)) return this.skipDeclaration();
    if (t.startsWith('</', this.pos)) return this.endTag();
    this.startTag();
  }

  private startTag(): void {
    const offset = this.pos;
    const name = this.name(offset + 1);
    const attributes: { name: string; value: string }[] = [];
    for (;;) {
      ATTRIBUTE.lastIndex = this.pos;
      const match = ATTRIBUTE.exec(this.text);
      if (!match) break;
      attributes.push({ name: match[1] ?? '', value: decodeEntities(match[2] ?? match[3] ?? '') });
      this.pos = ATTRIBUTE.lastIndex;
    }
    const rest = /\s*(\/?)>/y;
    rest.lastIndex = this.pos;
    const end = rest.exec(this.text);
    if (!end) throw new XmlSyntaxError(`malformed start tag <${name}>: expected an attribute, '>' or '/>'`, this.pos);
    this.pos = rest.lastIndex;
    this.open(name, attributes, offset, end[1] === '/');
  }

  private open(name: string, raw: { name: string; value: string }[], offset: number, selfClosing: boolean): void {
    const parentScope = this.stack[this.stack.length - 1]?.scope ?? new Map([['xml', XML_NS]]);
    const declarations = raw.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'));
    const scope = declarations.length === 0 ? parentScope : new Map(parentScope);
    for (const d of declarations) scope.set(d.name === 'xmlns' ? '' : d.name.slice(6), d.value);
    const [prefix, local] = splitName(name);
    const attributes = raw.map((a) => {
      const [p, l] = splitName(a.name);
      return { name: a.name, local: l, ns: p ? (scope.get(p) ?? '') : '', value: a.value };
    });
    const ns = scope.get(prefix) ?? '';
    const element: XmlElement = { name, prefix, local, ns, attributes, children: [], offset, closed: selfClosing };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.element.children.push(element);
    else if (!this.root) this.root = element;
    else throw new XmlSyntaxError(`a second root element <${name}>; expected one root`, offset);
    if (!selfClosing) this.stack.push({ element, scope });
  }

  private endTag(): void {
    const offset = this.pos;
    const name = this.name(offset + 2);
    const close = /\s*>/y;
    close.lastIndex = this.pos;
    if (!close.exec(this.text)) throw new XmlSyntaxError(`malformed end tag </${name}>`, this.pos);
    this.pos = close.lastIndex;
    let open = this.stack.length - 1;
    while (open >= 0 && this.stack[open]!.element.name !== name) open--;
    const innermost = this.stack[this.stack.length - 1];
    if (this.recovering && open >= 0 && innermost && innermost.element.name !== name) {
      this.repairs.push(new XmlSyntaxError(`<${innermost.element.name}> is not closed before </${name}>; closed it there`, offset));
      this.stack.length = open + 1;
    }
    const top = this.stack.pop();
    if (!top) throw new XmlSyntaxError(`end tag </${name}> without a start tag`, offset);
    if (top.element.name !== name) throw new XmlSyntaxError(`expected </${top.element.name}>, found </${name}>`, offset);
    top.element.closed = true;
  }

  private name(at: number): string {
    NAME.lastIndex = at;
    const match = NAME.exec(this.text);
    if (!match) throw new XmlSyntaxError("expected an element name after '<'", at);
    this.pos = NAME.lastIndex;
    return match[0];
  }

  private addText(raw: string, decode = true): void {
    if (raw === '') return;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.element.children.push(decode ? decodeEntities(raw) : raw);
    else if (raw.trim() !== '') throw new XmlSyntaxError('text outside the root element', this.pos);
  }

  private skipDeclaration(): void {
    const gt = this.expect('>', 'declaration', this.pos);
    // A DOCTYPE with an internal subset ends at "]>" rather than the first ">".
    if (this.text.slice(this.pos, gt).includes('[')) return this.skipPast(']>', 'declaration');
    this.pos = gt + 1;
  }

  private skipPast(terminator: string, what: string): void {
    this.pos = this.expect(terminator, what, this.pos) + terminator.length;
  }

  private expect(terminator: string, what: string, from: number): number {
    const end = this.text.indexOf(terminator, from);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}; expected '${terminator}'`, this.pos);
    return end;
  }
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}
