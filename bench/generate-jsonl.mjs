// Writes N JSON Lines records to stdout by cycling a corpus with ids rewritten (bench input).
import { readFileSync } from 'node:fs';

const [count = '1000', path] = process.argv.slice(2);
const records = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const total = Number(count);
let written = 0;

function write() {
  let ok = true;
  while (written < total && ok) {
    const chunk = [];
    for (let i = 0; i < 256 && written < total; i++, written++) {
      const r = records[written % records.length];
      chunk.push(JSON.stringify({ id: `${r.id}#${Math.floor(written / records.length)}`, title: r.title, abstract: r.abstract }));
    }
    ok = process.stdout.write(`${chunk.join('\n')}\n`);
  }
  if (written < total) process.stdout.once('drain', write);
}
write();
