// compromise_peer.js: the JavaScript peer of `make bench`. Reads JSON Lines
// ({"id", "text"}) like `docpipe run quotes`, runs the npm package compromise
// over each text (its sentence splitter and its quotation finder) and writes
// one JSON line per document with the sentences and quotations found, so both
// sides parse, analyse and write.
//
// usage: NODE_PATH=build/bench/node_modules node tests/bench/compromise_peer.js IN.jsonl > OUT
// Prints "compromise VERSION: N documents, N sentences, N quotations" on stderr.
'use strict';
const fs = require('fs');
const readline = require('readline');
const nlp = require('compromise');

const input = process.argv[2];
if (!input) {
  process.stderr.write('usage: compromise_peer.js IN.jsonl > OUT\n');
  process.exit(2);
}

async function main() {
  const lines = readline.createInterface({ input: fs.createReadStream(input), crlfDelay: Infinity });
  const out = [];
  let docs = 0, sentences = 0, quotes = 0;
  for await (const line of lines) {
    if (!line) continue;
    const rec = JSON.parse(line);
    if (typeof rec.text !== 'string') continue;
    const doc = nlp(rec.text);
    const s = doc.sentences().out('array');
    const q = doc.quotations().out('array');
    out.push(JSON.stringify({ id: rec.id, sentences: s, quotes: q }));
    if (out.length >= 64) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
    docs++;
    sentences += s.length;
    quotes += q.length;
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(`compromise ${nlp.version}: ${docs} documents, ${sentences} sentences, ${quotes} quotations\n`);
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
