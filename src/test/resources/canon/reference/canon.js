// node canon.js FILE.nq [--map]
// Canonical N-Quads (RDFC-1.0, SHA-256) of the N-Quads in FILE, by rdf-canonize (Digital Bazaar's
// reference implementation); with --map, the issued identifiers map on stderr.
'use strict';
const fs = require('fs');
const canonize = require('rdf-canonize');
const canonicalIdMap = new Map();
canonize.canonize(fs.readFileSync(process.argv[2], 'utf8'), {
  algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads',
  messageDigestAlgorithm: 'SHA256', canonicalIdMap, maxWorkFactor: 3
}).then(out => {
  process.stdout.write(out);
  if (process.argv.includes('--map')) {
    for (const [k, v] of canonicalIdMap) process.stderr.write(`${k} ${v}\n`);
  }
}).catch(e => { console.error(e); process.exit(1); });
