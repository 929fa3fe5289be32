// The npm `edifact` parser (node-edifact) on the same interchange, for
// tests/bench/edifact_parse.sh: reads FILE, parses it RUNS times counting
// segments and components, prints "bytes=... segments=... best_seconds=... mb_per_s=...".
// Usage: NODE_PATH=DIR node edifact_node_parse.js FILE RUNS
'use strict';
const fs = require('fs');
const Parser = require('edifact/parser.js');

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 3);
// latin1: one character per byte, as the UNOC interchange is written.
const text = fs.readFileSync(file, 'latin1');
let best = Infinity;
let segments = 0;
let components = 0;
for (let i = 0; i < runs; i++) {
  const parser = new Parser();
  parser.encoding('UNOC');
  segments = 0;
  components = 0;
  parser.on('opensegment', () => { segments++; });
  parser.on('component', () => { components++; });
  const t0 = process.hrtime.bigint();
  parser.write(text);
  parser.end();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  best = Math.min(best, s);
}
const bytes = fs.statSync(file).size;
console.log(`bytes=${bytes} segments=${segments} components=${components} best_seconds=${best.toFixed(4)} mb_per_s=${(bytes / 1e6 / best).toFixed(1)}`);
