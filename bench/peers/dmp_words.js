#!/usr/bin/env node
// Peer: Google's diff-match-patch (npm `diff-match-patch`) in word mode.
//
//   node dmp_words.js OLD NEW [--no-timeout]  ->  {"inserted", "deleted", "gave_up", "diff_seconds"}
//
// Word mode is the library's documented linesToChars trick applied to words:
// each distinct whitespace-separated word becomes one UTF-16 code unit, the
// two code strings are diffed with diff_main, and the lengths of the inserted
// and deleted runs are the word counts.
//
// By default Diff_Timeout is 1 second: when the bisection runs out of time,
// diff-match-patch silently returns "delete all of this, insert all of that"
// for the part it was working on. We keep that default (it is what users get)
// and report gave_up = true when the diff took at least the timeout;
// --no-timeout sets Diff_Timeout = 0 for a second, patient configuration.
'use strict';
const fs = require('fs');
const path = require('path');
const DiffMatchPatch = require(path.join(__dirname, '..', 'node_modules', 'diff-match-patch'));

const noTimeout = process.argv.includes('--no-timeout');
const [oldPath, newPath] = process.argv.slice(2).filter((s) => !s.startsWith('--'));
const codes = new Map();

// Maps words to code units, skipping the surrogate range so every word is one
// code unit that the library will not split.
function wordsToChars(text) {
  let out = '';
  for (const w of text.match(/\S+/g) || []) {
    let c = codes.get(w);
    if (c === undefined) {
      let n = codes.size + 1;
      if (n >= 0xd800) n += 0x800;
      if (n > 0xffff) throw new Error('more than 63k distinct words: word mode cannot encode them');
      c = String.fromCharCode(n);
      codes.set(w, c);
    }
    out += c;
  }
  return out;
}

const dmp = new DiffMatchPatch();
if (noTimeout) dmp.Diff_Timeout = 0;
const a = wordsToChars(fs.readFileSync(oldPath, 'utf8'));
const b = wordsToChars(fs.readFileSync(newPath, 'utf8'));
const t0 = process.hrtime.bigint();
const diffs = dmp.diff_main(a, b, false);  // false: no line-level speedup, we are already at words
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
let inserted = 0;
let deleted = 0;
for (const [op, text] of diffs) {
  if (op === DiffMatchPatch.DIFF_INSERT) inserted += text.length;
  else if (op === DiffMatchPatch.DIFF_DELETE) deleted += text.length;
}
const gaveUp = dmp.Diff_Timeout > 0 && seconds >= dmp.Diff_Timeout;
console.log(JSON.stringify({ inserted, deleted, gave_up: gaveUp, diff_seconds: seconds }));
