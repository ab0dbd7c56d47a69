import { SaxesParser, type SaxesTagNS } from 'saxes';

/** One XML element as the ingest parsers read it: local name, namespace, attributes by local name, children, text. */
export interface XmlElement {
  readonly name: string;
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

/** A complete record element and the open elements around it (their children read so far: a statement's header). */
export interface XmlRecord {
  readonly element: XmlElement;
  readonly ancestors: readonly XmlElement[];
}

export class XmlInputError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'XmlInputError';
  }
}

export interface XmlRecordOptions {
  /** Whether an element, given its open ancestors (root first), is a record: it is handed out whole and then dropped. */
  readonly isRecord: (name: string, ancestors: readonly XmlElement[]) => boolean;
  /** Deepest nesting accepted (a guard against pathological documents); UBL and camt stay well under 20. */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 64;

/**
 * Reads XML as a stream and hands out record elements one by one (a UBL document, a camt entry), so a batch
 * of any size needs the memory of one record. saxes is a strict, namespace-aware streaming parser (the
 * one jsdom uses); on top of it this reader refuses what an ingest file never needs and an attacker would:
 * any DOCTYPE (so no DTD, no external entity — XXE — and no entity expansion — "billion laughs"; saxes
 * itself expands only the five predefined entities), an encoding other than UTF-8, and absurd nesting.
 */
export async function* readXmlRecords(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, opts: XmlRecordOptions): AsyncGenerator<XmlRecord> {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  const recordDepths: number[] = [];
  let ready: XmlRecord[] = [];
  let failure: XmlInputError | undefined;
  const fail = (message: string) => { failure ??= new XmlInputError(message, parser.line); };

  parser.on('error', (e) => fail(e.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('doctype', () => fail('a DOCTYPE is not accepted (no DTDs or entities in ingest files)'));
  parser.on('xmldecl', (d) => {
    if (d.encoding && !/^utf-?8$/i.test(d.encoding)) fail(`the encoding ${d.encoding} is not accepted: send UTF-8`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth) return fail(`elements nested deeper than ${maxDepth} levels`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local] = a.value;
    const element: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
    if (recordDepths.length === 0 && opts.isRecord(tag.local, stack)) recordDepths.push(stack.length);
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  const addText = (t: string) => { const top = stack.at(-1); if (top) top.text += t; };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    element.text = element.text.trim();
    if (recordDepths.at(-1) === stack.length) {
      recordDepths.pop();
      // The record leaves its parent: what stays in memory is the header around the records, not the records.
      const parent = stack.at(-1);
      if (parent) parent.children.pop();
      ready.push({ element, ancestors: [...stack] });
    }
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const drain = function* () {
    if (failure) throw failure;
    const out = ready;
    ready = [];
    yield* out;
  };
  try {
    for await (const chunk of source) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      yield* drain();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof XmlInputError) throw error;
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) throw new XmlInputError('the file is not valid UTF-8', parser.line);
    throw error;
  }
  yield* drain();
}

/** The first child with this local name. */
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);

/** Every child with this local name. */
export const childrenNamed = (el: XmlElement | undefined, name: string): XmlElement[] => el?.children.filter((c) => c.name === name) ?? [];

/** Follows a path of local names (`['AccountingCustomerParty', 'Party', 'PartyName', 'Name']`). */
export function at(el: XmlElement | undefined, ...path: readonly string[]): XmlElement | undefined {
  let node = el;
  for (const name of path) node = child(node, name);
  return node;
}

/** The trimmed text at a path, or undefined when absent or empty. */
export function textAt(el: XmlElement | undefined, ...path: readonly string[]): string | undefined {
  const t = at(el, ...path)?.text;
  return t ? t : undefined;
}
