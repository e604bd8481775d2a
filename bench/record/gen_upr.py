#!/usr/bin/env python3
"""Generates a synthetic UPR Info export for the record benchmark.

    bench/record/gen_upr.py --rows 1000000 --seed 1 OUT.csv

The output is in the format of the real export (../shared/data/upr-info/):
the same header, Mac Roman, CR line ends, one row per recommending state, so
that `rapporteur import` reads it exactly as it reads the real files. Every
row is built from the real rows (the six upr-info_sessions_*.csv files,
voluntary pledges left out) by resampling and recombining:

  * the text: a real recommendation cut into clauses at ", ", "; " and the
    joining words ("and", "including", "in order to", ...); a quarter of the
    rows keep a real text whole, the others keep its opening clause and
    replace some of its later clauses by clauses of other recommendations,
    sometimes adding one, and one in ten adds a second sentence; so the
    vocabulary, the lengths and the phrases ("death penalty", "Rome
    Statute") are those of the real texts, in new combinations;
  * the state under review: the real text's state half of the time (texts
    that name the state stay with it), else one drawn with the real
    frequencies; its region and organisations as in the real rows;
  * the recommending state: drawn with the real frequencies (never the
    state under review); three in a hundred recommendations are made
    jointly by 2-5 states, one row each, as in the export;
  * the cycle (1-4, weights 15/25/30/30) and the session: the state's real
    cycle-1 and cycle-2 sessions, then +14 for each later cycle, so that
    sessions and cycles agree as in the UPR calendar;
  * the response, action category and issues: those of the real text, the
    response and category redrawn for one row in ten.

Only the standard library is used; the output depends only on the arguments
and the real files. A summary is printed as JSON on standard output.
"""
import argparse
import bisect
import csv
import glob
import itertools
import json
import os
import random
import re
import sys

HEADER = ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org",
          "Response", "Action", "Issue", "Session"]
TO, TO_RGRP, TO_ORG, TEXT, FROM, FROM_RGRP, FROM_ORG, RESPONSE, ACTION, ISSUE, SESSION = range(11)

# Where a recommendation's clauses join; the separator is kept with the
# clause that follows it, so recombined clauses read as the real ones do.
CLAUSE_BREAK = re.compile(
    r"(,\s+|;\s+|\s+(?:and|including|in particular|in order to|with a view to|"
    r"as well as|through|by|so as to|while)\s+)")

# Cycles 1-4 with weights 15/25/30/30 (later cycles have more recommendations).
CYCLE_UP_TO = [(0.15, 1), (0.40, 2), (0.70, 3), (1.0, 4)]


def default_data_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data", "upr-info"))


def read_real_rows(data_dir):
    rows = []
    paths = sorted(p for p in glob.glob(os.path.join(data_dir, "upr-info_sessions_*.csv"))
                   if not p.endswith("voluntary.csv"))
    if not paths:
        sys.exit(f"gen_upr.py: no upr-info_sessions_*.csv in '{data_dir}'")
    for path in paths:
        with open(path, encoding="mac_roman", newline="") as f:
            reader = csv.reader(f)
            if next(reader) != HEADER:
                sys.exit(f"gen_upr.py: '{path}' does not start with the UPR Info header")
            rows.extend(r for r in reader if r[RESPONSE] != "Voluntary Pledge")
    return rows


def split_clauses(text):
    """(opening clause, [(separator, clause), ...]) of a recommendation."""
    parts = CLAUSE_BREAK.split(text.strip())
    head, tails = parts[0], []
    for sep, clause in zip(parts[1::2], parts[2::2]):
        if clause:
            tails.append((sep, clause))
    return head, tails


class Sampler:
    """Draws items with the frequencies they have in a list."""

    def __init__(self, items):
        counts = {}
        for item in items:
            counts[item] = counts.get(item, 0) + 1
        self.items = sorted(counts)
        self.cumulative = list(itertools.accumulate(counts[i] for i in self.items))

    def draw(self, rng):
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]


class Corpus:
    def __init__(self, rows):
        self.rows = rows
        self.split = [split_clauses(r[TEXT]) for r in rows]
        # Later clauses of at least three words: the material for recombining.
        self.tails = [t for _, tails in self.split for t in tails if len(t[1].split()) >= 3]
        self.heads = [h for h, _ in self.split if len(h.split()) >= 3]
        self.to_columns = {r[TO]: (r[TO_RGRP], r[TO_ORG]) for r in rows}
        self.from_columns = {r[FROM]: (r[FROM_RGRP], r[FROM_ORG]) for r in rows}
        self.to_sampler = Sampler(r[TO] for r in rows)
        self.from_sampler = Sampler(r[FROM] for r in rows)
        self.response_sampler = Sampler(r[RESPONSE] for r in rows)
        self.action_sampler = Sampler(r[ACTION] for r in rows)
        self.sessions = self._state_sessions()

    def _state_sessions(self):
        """Each state's session in cycles 1-4, from its real ones."""
        seen = {}
        for r in self.rows:
            seen.setdefault(r[TO], set()).add(int(r[SESSION]))
        out = {}
        for state, sessions in seen.items():
            first = [s for s in sessions if s <= 12]
            second = [s for s in sessions if 13 <= s <= 26]
            s1 = min(first) if first else max(1, min(second) - 13)
            s2 = min(second) if second else s1 + 13
            out[state] = {1: s1, 2: s2, 3: s2 + 14, 4: s2 + 28}
        return out


def recombine(corpus, rng, index):
    head, tails = corpus.split[index]
    # A short opening ("Adopt", "Ensure that") reads badly with another's clauses.
    if rng.random() < 0.25 or len(head.split()) < 3:
        return corpus.rows[index][TEXT]
    new_tails = [rng.choice(corpus.tails) if rng.random() < 0.5 else t for t in tails]
    if rng.random() < 0.3 or not new_tails:
        new_tails.append(rng.choice(corpus.tails))
    text = head + "".join(sep + clause for sep, clause in new_tails[:4])
    if rng.random() < 0.1:
        text = text.rstrip(" .") + ". " + rng.choice(corpus.heads).rstrip(" .") + "."
    return text


def recommendation(corpus, rng):
    """The rows of one synthetic recommendation (several if made jointly)."""
    index = rng.randrange(len(corpus.rows))
    real = corpus.rows[index]
    to = real[TO] if rng.random() < 0.5 else corpus.to_sampler.draw(rng)
    draw = rng.random()
    cycle = next(c for limit, c in CYCLE_UP_TO if draw < limit)
    session = corpus.sessions[to][cycle]
    response, action = real[RESPONSE], real[ACTION]
    if rng.random() < 0.1:
        response, action = corpus.response_sampler.draw(rng), corpus.action_sampler.draw(rng)
    text = recombine(corpus, rng, index)
    joint = rng.randint(2, 5) if rng.random() < 0.03 else 1
    recommenders = []
    while len(recommenders) < joint:
        state = corpus.from_sampler.draw(rng)
        if state != to and state not in recommenders:
            recommenders.append(state)
    to_rgrp, to_org = corpus.to_columns[to]
    for state in recommenders:
        from_rgrp, from_org = corpus.from_columns[state]
        yield [to, to_rgrp, to_org, text, state, from_rgrp, from_org, response, action,
               real[ISSUE], str(session)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True, help="rows to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=default_data_dir(), help="the real export's directory")
    parser.add_argument("out", help="output CSV (Mac Roman, CR line ends)")
    args = parser.parse_args()

    corpus = Corpus(read_real_rows(args.data))
    rng = random.Random(args.seed)
    written = recommendations = 0
    with open(args.out, "w", encoding="mac_roman", newline="") as f:
        writer = csv.writer(f, lineterminator="\r")
        writer.writerow(HEADER)
        while written < args.rows:
            recommendations += 1
            for row in recommendation(corpus, rng):
                if written == args.rows:
                    break
                writer.writerow(row)
                written += 1
    json.dump({"rows": written, "recommendations": recommendations, "seed": args.seed,
               "real_rows": len(corpus.rows), "out": args.out}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
