// The npm `edifact` parser (node-edifact) on the same interchange, for
// tests/bench/edifact_parse.sh. Two ways, best of RUNS each, wall clock and
// process CPU time (user + system, its GC threads included):
//   segments: the parser's README usage, each segment built as
//             {name, elements: [[component, ...], ...]} (then dropped, as
//             Relais's reader keeps one segment at a time);
//   events:   the parser's events only counted (no value kept).
// Prints "bytes=... segments=... <mode>_mb_per_s=... <mode>_cpu_mb_per_s=..."
// Usage: NODE_PATH=DIR node edifact_node_parse.js FILE RUNS
'use strict';
const fs = require('fs');
const Parser = require('edifact/parser.js');

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 3);
// latin1: one character per byte, as the UNOC interchange is written.
const text = fs.readFileSync(file, 'latin1');
const bytes = fs.statSync(file).size;

function measure(build) {
  let best = Infinity;
  let bestCpu = Infinity;
  let segments = 0;
  for (let i = 0; i < runs; i++) {
    const parser = new Parser();
    parser.encoding('UNOC');
    segments = 0;
    let segment = null;
    let components = null;
    if (build) {
      parser.on('opensegment', (name) => { segment = { name, elements: [] }; });
      parser.on('element', () => { components = []; segment.elements.push(components); });
      parser.on('component', (value) => { components.push(value); });
      parser.on('closesegment', () => { if (segment.name) segments++; });
    } else {
      parser.on('opensegment', () => { segments++; });
      parser.on('component', () => {});
    }
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    parser.write(text);
    parser.end();
    const c = process.cpuUsage(c0);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  return { segments, mbs: (bytes / 1e6 / best).toFixed(1), cpu: (bytes / 1e6 / bestCpu).toFixed(1) };
}

const s = measure(true);
const e = measure(false);
console.log(`bytes=${bytes} segments=${s.segments} segments_mb_per_s=${s.mbs} segments_cpu_mb_per_s=${s.cpu} ` +
            `events_mb_per_s=${e.mbs} events_cpu_mb_per_s=${e.cpu}`);
