// node tordf.js FILE.jsonld CONTEXTS_DIR
// N-Quads of a JSON-LD document by jsonld.js, its contexts read only from CONTEXTS_DIR/index.tsv
// (URL <tab> file), never fetched.
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('jsonld');
const dir = process.argv[3];
const files = new Map();
for (const line of fs.readFileSync(path.join(dir, 'index.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [url, file] = line.split('\t');
  files.set(url, path.join(dir, file));
}
const documentLoader = async url => {
  if (!files.has(url)) throw new Error('no bundled context for ' + url);
  return {contextUrl: null, documentUrl: url, document: JSON.parse(fs.readFileSync(files.get(url), 'utf8'))};
};
jsonld.toRDF(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')), {format: 'application/n-quads', documentLoader, safe: false})
  .then(nq => process.stdout.write(nq)).catch(e => { console.error(e); process.exit(1); });
