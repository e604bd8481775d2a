#!/usr/bin/env python3
"""Draws the pairs of tests/report/recurrence_pairs.tsv from the UPR Info data.

Usage: sample_recurrence_pairs.py DATA_DIR [--show]
  DATA_DIR   ../shared/data/upr-info (upr-info_sessions_*.csv: Mac Roman, CR
             line endings)
  --show     print the two texts of each pair (for labelling; the texts are
             never stored in the project)

Every pair is two recommendations made to the same state under review, the
first in cycle 1 (sessions 1-12), the second in cycle 2 (sessions 13-26).
The file voluntary pledges are not recommendations and are not sampled.
The draw is deterministic (seed below) and deliberately independent of the
engine under test: candidates are ranked by a plain cosine of raw lower-cased
words weighted by IDF (no stemming, no stop words, no instrument aliases), so
that the engine's normalisation does not decide which pairs are asked about.

Every state with recommendations in both cycles is visited (shuffled order),
and for each stratum given to it one cycle-1 recommendation is drawn (up to
20 tries to find one for which the stratum has a partner) and paired with:
  best        its nearest cycle-2 recommendation to the same state, when
              the raw cosine is >= 0.35: recurring asks, and near misses
              worded alike;
  near        one of its ranks 2-8 with raw cosine >= 0.2: the hard middle;
  theme       a cycle-2 recommendation sharing one of its UPR Info issues
              but outside its top 8: reworded recurrences and same-theme
              different asks (hard negatives);
  same_instrument   both name the same core instrument (a rough regex of
              the sampler's own, titles and abbreviations): the same ask
              under another name or verb (hard positives), or another ask
              about the same treaty;
  other_instrument  both name core instruments, but no common one: the same
              verb about another treaty (hard negatives).
Each state gets PER_STATE of the five strata, rotating, so that every
stratum is drawn about equally often across the ~110 states.
"""
import csv
import glob
import math
import os
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20240605
PER_STATE = 4
STRATA = ("best", "near", "theme", "same_instrument", "other_instrument")

# A rough instrument detector of its own, for the 'instrument' strata only
# (the engine uses the catalogue): enough to find pairs that name the same
# or different core instruments.
INSTRUMENTS = {
    "OP2": r"second optional protocol|ICCPR-OP2|OP2",
    "ICCPR": r"(?<!protocol to the )international covenant on civil and political rights|\bICCPR\b(?!-OP)",
    "ICESCR": r"(?<!protocol to the )international covenant on economic, social and cultural rights|\bICESCR\b",
    "OPICESCR": r"optional protocol to the international covenant on economic|OP-ICESCR",
    "CAT": r"(?<!protocol to the )convention against torture|\bCAT\b",
    "OPCAT": r"optional protocol to the convention against torture|\bOP-?CAT\b",
    "CEDAW": r"(?<!protocol to the )convention on the elimination of all forms of discrimination against women|\bCEDAW\b",
    "CRPD": r"(?<!protocol to the )convention on the rights of persons with disabilities|\bCRPD\b",
    "CPED": r"enforced disappearance|\bCPED\b|ICPPED",
    "ICRMW": r"migrant workers|\bICRMW\b|\bICMW\b|\bMWC\b",
    "ROME": r"rome statute|international criminal court",
    "CRC": r"(?<!protocol to the )convention on the rights of the child|\bCRC\b",
    "ICERD": r"racial discrimination|\bI?CERD\b",
}
INSTRUMENT_RES = {k: re.compile(v, re.I) for k, v in INSTRUMENTS.items()}


def named(r):
    return {k for k, rx in INSTRUMENT_RES.items() if rx.search(r["Text"])}


def load(data_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(data_dir, "upr-info_sessions_*.csv"))):
        name = os.path.basename(path)
        if "voluntary" in name:
            continue
        with open(path, encoding="mac_roman", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            for number, row in enumerate(reader, 1):
                rec = dict(zip(header, row))
                rec["file"], rec["row"] = name, number
                rec["cycle"] = 1 if int(rec["Session"]) <= 12 else 2
                rec["words"] = re.findall(r"\w+", rec["Text"].lower())
                rows.append(rec)
    return rows


def vectors(rows):
    df = Counter(w for r in rows for w in set(r["words"]))
    n = len(rows)
    for r in rows:
        tf = Counter(r["words"])
        v = {w: c * math.log(n / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        r["vec"] = {w: x / norm for w, x in v.items()}


def cosine(a, b):
    if len(a["vec"]) > len(b["vec"]):
        a, b = b, a
    return sum(x * b["vec"].get(w, 0.0) for w, x in a["vec"].items())


def issues(r):
    return {s.strip() for s in r["Issue"].split(",") if s.strip()}


def draw_for_state(rng, c1, c2, used, strata):
    """Up to one pair per stratum for one state."""
    out = []
    for stratum in strata:
        for _ in range(20):  # a few tries to find a cycle-1 item that fits
            a = rng.choice(c1)
            ranked = sorted(c2, key=lambda b: -cosine(a, b))
            pick = None
            if stratum == "best":
                pick = ranked[0] if cosine(a, ranked[0]) >= 0.35 else None
            elif stratum == "near":
                pool = [b for b in ranked[1:8] if cosine(a, b) >= 0.2]
                pick = rng.choice(pool) if pool else None
            elif stratum == "theme":
                pool = [b for b in ranked[8:] if issues(a) & issues(b)]
                pick = rng.choice(pool) if pool else None
            elif stratum == "same_instrument":
                pool = [b for b in c2 if named(a) & named(b)]
                pick = rng.choice(pool) if pool else None
            else:
                pool = [b for b in c2 if named(a) and named(b) and not named(a) & named(b)]
                pick = rng.choice(pool) if pool else None
            if pick is None:
                continue
            key = (a["file"], a["row"], pick["file"], pick["row"])
            if key in used:
                continue
            used.add(key)
            out.append((stratum, a, pick))
            break
    return out


def main():
    data_dir = sys.argv[1]
    show = "--show" in sys.argv
    rows = load(data_dir)
    vectors(rows)
    by_state = defaultdict(lambda: ([], []))
    for r in rows:
        by_state[r["To"]][r["cycle"] - 1].append(r)
    rng = random.Random(SEED)
    states = sorted(s for s, (c1, c2) in by_state.items() if c1 and c2)
    rng.shuffle(states)
    pairs, used = [], set()
    for i, s in enumerate(states):
        # Each state gets PER_STATE of the strata, in rotation.
        strata = [STRATA[(i + k) % len(STRATA)] for k in range(PER_STATE)]
        c1, c2 = by_state[s]
        pairs.extend(draw_for_state(rng, c1, c2, used, strata))
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for i, (stratum, a, b) in enumerate(pairs, 1):
        w.writerow([i, stratum, a["To"], a["file"], a["row"], b["file"], b["row"]])
        if show:
            print(f"   A[{a['Session']}] {a['Text'].strip()}")
            print(f"   B[{b['Session']}] {b['Text'].strip()}")


if __name__ == "__main__":
    main()
