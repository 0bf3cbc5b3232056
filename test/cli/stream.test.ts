/** The streaming pieces of `finetax/node`: line splitting, ordered mapping, classifyStream. */
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/records/lines.js';
import { mapInOrder, readLines, classifyStream } from '../../src/node/stream.js';
import { cliPath } from './helpers.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe('readLines', () => {
  it.each([
    [['a\r\nb\rc\n\nd\r'], ['a', 'b', 'c', '', 'd']],
    [['a\r', '\nb\r', 'c\n', '\nd\r'], ['a', 'b', 'c', '', 'd']],
    [['ab\r', '\r', '\n'], ['ab', '']],
    [['a', 'b\nc', 'd'], ['ab', 'cd']],
    [['x\ny\n'], ['x', 'y']],
    [['x\ny'], ['x', 'y']],
    [[''], []],
  ])('%j → %j (as splitting the whole text would)', async (chunks, expected) => {
    expect(await collect(readLines(from(chunks)))).toEqual(expected);
  });

  it('joins a line that arrives in many chunks, with line breaks split across them', async () => {
    const line = 'x'.repeat(1000);
    const pieces = line.match(/.{1,7}/g)!;
    expect(await collect(readLines(from([...pieces, '\r', '\nnext\r', '', 'last'])))).toEqual([line, 'next', 'last']);
    expect(await collect(readLines(from(['a', 'b\r', 'c', 'd\r'])))).toEqual(['ab', 'cd']);
  });

  it('splits any chunking of a text as splitting the whole text would (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', '\r', '\n', 'é'), { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 8 }), async (chars, cuts) => {
        const text = chars.join('');
        const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        expect(await collect(readLines(from(chunks)))).toEqual(splitLines(text));
      }),
    );
  });

  it('decodes a character split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('é\nü');
    expect(await collect(readLines(from([bytes.slice(0, 1), bytes.slice(1, 4), bytes.slice(4)])))).toEqual(['é', 'ü']);
  });
});

describe('mapInOrder', () => {
  it('yields in input order when later calls finish first, with at most `limit` in flight', async () => {
    let running = 0;
    let most = 0;
    const slow = async (n: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (5 - n) * 3));
      running--;
      return n * 10;
    };
    expect(await collect(mapInOrder(from([1, 2, 3, 4, 5]), slow, 3))).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(3);
  });
});

describe('classifyStream', () => {
  it('yields one entry per record in order, with a failure for a record that is not one', async () => {
    const records = [{ id: 'a', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' }, { id: 'b', title: 42 as unknown as string }, { id: 'c', title: 'Model soups' }];
    const entries = await collect(classifyStream(records));
    expect(entries.map((e) => e.record.id)).toEqual(['a', 'b', 'c']);
    expect(entries[0]!.classification!.tags.map((t) => t.id)).toContain('peft.lora');
    expect(entries[1]!.failure).toEqual({ message: 'record b, title: expected a string, got number 42', recordId: 'b', field: 'title' });
  });

  it('gives the same results on worker threads (built package)', async () => {
    const built = (await import(pathToFileURL(cliPath.replace(/cli\.js$/, 'node.js')).href)) as { classifyStream: typeof classifyStream };
    const records = Array.from({ length: 2500 }, (_, i) => ({ id: `r${i}`, title: i % 3 ? 'QLoRA: Efficient Finetuning of Quantized LLMs' : 'Robust fine-tuning of zero-shot models' }));
    const parallel = await collect(built.classifyStream(records, { jobs: 2 }));
    const serial = await collect(classifyStream(records));
    expect(parallel.map((e) => e.classification)).toEqual(serial.map((e) => e.classification));
  });
});
