/**
 * The CLI writes its output through `Output`: in order, in chunks, waiting for a full stream.
 * (How input is cut into lines is the reading API's, tested in test/node/read.test.ts.)
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Output } from '../../src/cli/io.js';

describe('Output', () => {
  it('writes text and bytes in order, in chunks, waiting for a full stream to drain', async () => {
    const written: Buffer[] = [];
    let calls = 0;
    const stream = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk);
        calls++;
        setTimeout(done, 1);
      },
    });
    const out = new Output(stream);
    const big = Buffer.alloc(40 * 1024, 'b');
    await out.write('[', 'x'.repeat(20 * 1024));
    await out.writeAll(['y'.repeat(20 * 1024), big, 'z']);
    await out.flush();
    expect(Buffer.concat(written).toString()).toBe(`[${'x'.repeat(20 * 1024)}${'y'.repeat(20 * 1024)}${big.toString()}z`);
    expect(calls).toBeLessThanOrEqual(4);
  });
});
