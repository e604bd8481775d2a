#!/usr/bin/env python3
"""An independent count for tests/cli/record_cli.sh: how many UPR Info rows
made to STATE match `torture AND (police OR prison)`, by words of the Text
and Issue columns, case-folded and stemmed with Snowball's English stemmer
(python3-snowballstemmer), as rapporteur's search does — but with Python's
own CSV reader, decoder, word splitting and boolean logic.
Usage: count_upr.py STATE|* FILE..."""
import csv
import re
import sys

import snowballstemmer

stem = snowballstemmer.stemmer("english").stemWord
state, files = sys.argv[1], sys.argv[2:]
count = 0
for path in files:
    with open(path, encoding="mac_roman", newline="") as f:
        for row in csv.DictReader(f):
            if state != "*" and row["To"] != state:
                continue
            words = {stem(w) for w in re.findall(r"\w+", (row["Text"] + " " + row["Issue"]).lower())}
            if "tortur" in words and ("polic" in words or "prison" in words):
                count += 1
print(count)
