// An independent check of LC-8's proof statuses, written apart from the service's Java verifier
// (src/main/java/.../credentials/proof/ProofVerifier.java) and sharing no code with it: jsonld.js
// (the JSON-LD reference implementation) expands and turns each document into RDF, rdf-canonize
// canonicalizes it with RDFC-1.0, @noble/ed25519 checks the signature, bs58 decodes base58-btc.
//
// Usage: node verify.mjs [corpus folder] [contexts folder]   (defaults: .. and the service's bundled contexts)
// Prints expected.tsv (file, status, keyFrom, verifier) on stdout and one line per proof on stderr.
//
// The only JSON-LD contexts it knows are the service's bundled ones (contexts/index.tsv maps each
// URL to its file); any other context makes the proof UNVERIFIABLE, as LC-8 says. Nothing is fetched.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import * as ed from '@noble/ed25519';
import bs58 from 'bs58';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(process.argv[2] ?? path.join(here, '..'));
const contextsDir = path.resolve(process.argv[3] ?? path.join(here, '../../../../main/resources/credentials/contexts'));

// --- the bundled contexts, and a loader that serves only them ---------------------------------
const contexts = new Map();
for (const row of fs.readFileSync(path.join(contextsDir, 'index.tsv'), 'utf8').split('\n')) {
  if (!row.trim() || row.startsWith('#')) continue;
  const [url, file, sha] = row.trim().split('\t');
  const bytes = fs.readFileSync(path.join(contextsDir, file));
  const digest = crypto.createHash('sha256').update(bytes).digest('hex');
  if (digest !== sha) throw new Error(`${file}: sha256 ${digest}, index.tsv says ${sha}`);
  contexts.set(url, JSON.parse(bytes.toString('utf8')));
}

class NotBundled extends Error {}

const documentLoader = async url => {
  if (!contexts.has(url)) throw new NotBundled(`context ${url} is not bundled`);
  return {contextUrl: null, documentUrl: url, document: structuredClone(contexts.get(url))};
};

// --- helpers ------------------------------------------------------------------------------------
const ORDER = ['INVALID', 'VERIFIED', 'UNVERIFIABLE', 'UNSUPPORTED', 'NONE'];
const SUITES = new Set(['eddsa-rdfc-2022', 'eddsa-2022']);

function absoluteUri(text) {
  // RFC 3986: an absolute URI has a scheme; no white space or control characters anywhere
  return typeof text === 'string' && /^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\u0000-\u001f\u007f]*$/.test(text);
}

function multibase58(text) {
  if (typeof text !== 'string' || !text.startsWith('z') || text.length < 2) return null;
  try {
    return bs58.decode(text.slice(1));
  } catch {
    return null;
  }
}

/** The 32 bytes of an Ed25519 multikey (z6Mk…: multicodec 0xed 0x01 then the key), or null. */
function ed25519Multikey(text) {
  const bytes = multibase58(text);
  if (!bytes || bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return null;
  return bytes.slice(2);
}

function sha256(text) {
  return crypto.createHash('sha256').update(text, 'utf8').digest();
}

/** Canonical N-Quads (RDFC-1.0) of a JSON-LD document, or {status, why} when it has none here. */
async function canonical(doc) {
  try {
    const nquads = await jsonld.canonize(doc, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader,
      safe: true, // a term no context defines (or any other lossy conversion) is an error, not silently dropped
    });
    return {nquads};
  } catch (e) {
    // jsonld.js wraps the loader's error; look for ours anywhere in the chain
    for (let c = e; c; c = c.details?.cause ?? c.cause) {
      if (c instanceof NotBundled) return {status: 'UNVERIFIABLE', why: c.message};
    }
    const event = e.details?.event;
    return {status: 'INVALID', why: `not canonicalizable in safe mode: ${event ? event.code + ' ' + JSON.stringify(event.details ?? {}).slice(0, 160) : e.message}`};
  }
}

function startsWith(whole, start) {
  const w = Array.isArray(whole) ? whole : whole === undefined ? [] : [whole];
  const s = Array.isArray(start) ? start : [start];
  return w.length >= s.length && s.every((v, i) => JSON.stringify(v) === JSON.stringify(w[i]));
}

// --- one proof ------------------------------------------------------------------------------------
async function checkProof(proof, credential, unsecuredHash) {
  if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) {
    return {status: 'INVALID', why: 'the proof is not an object'};
  }
  const {type, cryptosuite, verificationMethod: vm, proofPurpose, proofValue} = proof;
  const supported = (type === 'DataIntegrityProof' && SUITES.has(cryptosuite)) || type === 'Ed25519Signature2020';
  if (!supported) return {status: 'UNSUPPORTED', why: `type ${JSON.stringify(type)} cryptosuite ${JSON.stringify(cryptosuite)}`};

  // malformed proofs are INVALID whatever else holds
  if (vm === undefined || vm === null) return {status: 'INVALID', why: 'no verificationMethod'};
  if (!absoluteUri(vm)) return {status: 'INVALID', why: `verificationMethod ${JSON.stringify(vm)} is not an absolute URI`};
  const signature = multibase58(proofValue);
  if (!signature || signature.length !== 64) return {status: 'INVALID', why: 'proofValue is not base58-btc of 64 bytes'};
  if (proofPurpose !== 'assertionMethod') return {status: 'INVALID', why: `proofPurpose ${JSON.stringify(proofPurpose)}`};

  // the key: a did:key, else a …#z6Mk… fragment, else not found offline
  let key = null;
  let keyFrom = null;
  const hash = vm.indexOf('#');
  if (vm.startsWith('did:key:')) {
    key = ed25519Multikey((hash < 0 ? vm : vm.slice(0, hash)).slice('did:key:'.length));
    keyFrom = 'DID_KEY';
    if (!key) return {status: 'INVALID', why: 'did:key is not an Ed25519 multikey'};
  } else if (hash >= 0 && vm.slice(hash + 1).startsWith('z6Mk')) {
    key = ed25519Multikey(vm.slice(hash + 1));
    keyFrom = 'FRAGMENT';
    if (!key) return {status: 'INVALID', why: 'the #z6Mk… fragment is not an Ed25519 multikey'};
  }

  const document = await unsecuredHash();
  // keyFrom is reported only for a signature that was checked against the key (VERIFIED, or a signature that does not hold)
  if (document.status) return {status: document.status, why: 'document: ' + document.why};
  if (!key) return {status: 'UNVERIFIABLE', why: `no key for ${vm} offline`};

  // the proof options: the proof without proofValue, in the document's @context (or its own, which must begin the document's)
  const options = {...proof};
  delete options.proofValue;
  if (options['@context'] !== undefined) {
    if (!startsWith(credential['@context'], options['@context'])) return {status: 'INVALID', why: 'proof @context does not begin the document @context'};
  } else if (credential['@context'] !== undefined) {
    options['@context'] = credential['@context'];
  }
  const opts = await canonical(options);
  if (opts.status) return {status: opts.status, why: 'proof options: ' + opts.why};

  const data = Buffer.concat([sha256(opts.nquads), document.hash]);
  let ok;
  try {
    ok = await ed.verifyAsync(signature, data, key);
  } catch (e) {
    ok = false;
  }
  return ok ? {status: 'VERIFIED', keyFrom} : {status: 'INVALID', why: 'signature does not hold', keyFrom};
}

/** LC-8's status of a credential's own proofs: INVALID > VERIFIED > UNVERIFIABLE > UNSUPPORTED > NONE. */
export async function checkCredential(credential) {
  const proofs = credential.proof;
  if (proofs === undefined || proofs === null) return {status: 'NONE', proofs: []};
  const list = Array.isArray(proofs) ? proofs : [proofs];
  if (list.length === 0) return {status: 'NONE', proofs: []};
  const unsecured = {...credential};
  delete unsecured.proof;
  let memo;
  const unsecuredHash = async () => {
    if (!memo) {
      const c = await canonical(unsecured);
      memo = c.status ? c : {hash: sha256(c.nquads)};
    }
    return memo;
  };
  const results = [];
  for (const proof of list) results.push(await checkProof(proof, credential, unsecuredHash));
  let best = results[0];
  for (const r of results) if (ORDER.indexOf(r.status) < ORDER.indexOf(best.status)) best = r;
  return {status: best.status, keyFrom: best.keyFrom ?? null, proofs: results};
}

/**
 * A tampered copy: the first string value in credentialSubject (depth first, in document order, skipping
 * members named id, type and @-keywords) with " (tampered)" appended; null when there is none. The JUnit
 * test (IndependentVerifierAgreementTest) tampers in exactly the same way.
 */
export function tampered(credential) {
  const copy = structuredClone(credential);
  const visit = node => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (typeof node[i] === 'string') continue; // strings directly in arrays are types, contexts or IRIs
        if (visit(node[i])) return true;
      }
      return false;
    }
    if (node === null || typeof node !== 'object') return false;
    for (const key of Object.keys(node)) {
      if (key === 'id' || key === 'type' || key.startsWith('@')) continue;
      if (typeof node[key] === 'string') {
        node[key] = node[key] + ' (tampered)';
        return true;
      }
      if (visit(node[key])) return true;
    }
    return false;
  };
  return copy.credentialSubject && visit(copy.credentialSubject) ? copy : null;
}

/**
 * A copy with content the signature cannot cover: a result whose id is a relative IRI appended to
 * credentialSubject.result (RDF drops what is said of such a node, so it could be added after signing;
 * jsonld.js refuses it in safe mode). The JUnit test adds exactly the same.
 */
export function withRelativeNode(credential) {
  const copy = structuredClone(credential);
  const subject = copy.credentialSubject;
  if (!subject || typeof subject !== 'object' || Array.isArray(subject)) return null;
  const added = {id: 'my-grade', type: ['Result'], value: 'A'};
  subject.result = Array.isArray(subject.result) ? [...subject.result, added] : subject.result === undefined ? [added] : [subject.result, added];
  return copy;
}

// --- the corpus -------------------------------------------------------------------------------------
async function main() {
  const files = fs.readdirSync(corpus).filter(f => f.endsWith('.json')).sort();
  const out = ['# file\tstatus\tkeyFrom\tverifier'];
  const verifier = `independent-verifier/verify.mjs (jsonld ${pkg('jsonld')}, rdf-canonize ${pkg('rdf-canonize')}, @noble/ed25519 ${pkg('@noble/ed25519')}, bs58 ${pkg('bs58')})`;
  for (const file of files) {
    const credential = JSON.parse(fs.readFileSync(path.join(corpus, file), 'utf8'));
    const result = await checkCredential(credential);
    out.push([file, result.status, result.keyFrom ?? '-', verifier].join('\t'));
    result.proofs.forEach((p, i) => console.error(`${file} proof[${i}] ${p.status}${p.keyFrom ? ' ' + p.keyFrom : ''}${p.why ? ': ' + p.why : ''}`));
    if (result.proofs.length === 0) console.error(`${file} NONE`);
    if (result.status === 'VERIFIED') {
      const copy = tampered(credential);
      if (!copy) throw new Error(`${file}: nothing in credentialSubject to tamper with`);
      const changed = await checkCredential(copy);
      out.push([file + '#tampered', changed.status, changed.keyFrom ?? '-', verifier].join('\t'));
      changed.proofs.forEach((p, i) => console.error(`${file}#tampered proof[${i}] ${p.status}${p.keyFrom ? ' ' + p.keyFrom : ''}${p.why ? ': ' + p.why : ''}`));
      const added = await checkCredential(withRelativeNode(credential));
      out.push([file + '#relative-node', added.status, added.keyFrom ?? '-', verifier].join('\t'));
      added.proofs.forEach((p, i) => console.error(`${file}#relative-node proof[${i}] ${p.status}${p.keyFrom ? ' ' + p.keyFrom : ''}${p.why ? ': ' + p.why : ''}`));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

function pkg(name) {
  return JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
