#!/usr/bin/env python3
"""Peer: Python's difflib.SequenceMatcher over whitespace-separated words.

    difflib_words.py OLD NEW   ->  {"inserted": N, "deleted": N, "autojunk_words": N}

Run with its defaults, as a user would: autojunk=True, which treats every word
occurring in more than 1% of a sequence of 200 or more words as "popular" and
never lets a match start on it. On legal text that is "the", "of", "shall"...:
the result is still a valid edit script, just a longer one, and nothing warns.
The number of words it junked is reported so the README can say so.
"""
import difflib
import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        a = f.read().split()
    with open(sys.argv[2], encoding="utf-8") as f:
        b = f.read().split()
    sm = difflib.SequenceMatcher(None, a, b)  # defaults: isjunk=None, autojunk=True
    inserted = deleted = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("replace", "delete"):
            deleted += i2 - i1
        if tag in ("replace", "insert"):
            inserted += j2 - j1
    print(json.dumps({"inserted": inserted, "deleted": deleted, "autojunk_words": len(sm.bpopular)}))


if __name__ == "__main__":
    main()
