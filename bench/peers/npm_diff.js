#!/usr/bin/env node
// Peer: the npm package `diff` (jsdiff), diffWords with its defaults.
//
//   node npm_diff.js OLD NEW   ->  {"inserted": N, "deleted": N}
//
// diffWords tokenizes into words, punctuation and whitespace and runs Myers'
// O(ND) algorithm; with no `timeout`/`maxEditLength` option (the default) it
// always finishes with a minimal script over its tokens. Counts are in
// whitespace-separated words of the added/removed parts, like the other peers.
'use strict';
const fs = require('fs');
const path = require('path');
const { diffWords } = require(path.join(__dirname, '..', 'node_modules', 'diff'));

const a = fs.readFileSync(process.argv[2], 'utf8');
const b = fs.readFileSync(process.argv[3], 'utf8');
let inserted = 0;
let deleted = 0;
const words = (s) => (s.match(/\S+/g) || []).length;
for (const part of diffWords(a, b)) {
  if (part.added) inserted += words(part.value);
  else if (part.removed) deleted += words(part.value);
}
console.log(JSON.stringify({ inserted, deleted }));
