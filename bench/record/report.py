#!/usr/bin/env python3
"""Writes the record benchmark's tables from bench/out/record-*.json.

    bench/record/report.py [--out DIR] [--readme bench/README.md]

Prints the Markdown; with --readme, also replaces what lies between the
RECORD RESULTS markers of that file.
"""
import argparse
import json
import os
import re
import sys

BEGIN, END = "<!-- RECORD RESULTS BEGIN -->", "<!-- RECORD RESULTS END -->"
SIZES = ["real", "10000", "100000", "1000000"]
IMPORT_TARGETS = {"real": 2.0, "1000000": 60.0}  # seconds
P50_TARGET, P99_TARGET, FACET_TARGET = 5.0, 50.0, 100.0  # ms


def load(path):
    return json.load(open(path)) if os.path.exists(path) else None


def size_label(name):
    return {"real": "real UPR Info (41,066)", "10000": "synthetic 10k", "100000": "synthetic 100k",
            "1000000": "synthetic 1M"}.get(name, name)


def ms(seconds):
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def fmt_ms(value):
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def ratio(peer, ours):
    if ours <= 0:
        return "—"
    r = peer / ours
    return f"{r:.2g}x" if r < 10 else f"{r:,.0f}x"


def verdict(ok):
    return "met" if ok else "**missed**"


def import_table(out_dir):
    lines = ["| input | rows | CSV | wall time | rows/s | CPU (user+sys) | peak RSS | store | target |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name in SIZES:
        r = load(os.path.join(out_dir, f"record-import-{name}.json"))
        if not r:
            continue
        target = IMPORT_TARGETS.get(name)
        goal = f"< {target:.0f} s: {verdict(r['wall_s'] < target)}" if target else ""
        lines.append(f"| {size_label(name)} | {r['rows']:,} | {r['bytes'] / 1e6:,.0f} MB | "
                     f"{r['wall_s']:.2f} s | {r['rows'] / r['wall_s']:,.0f} | "
                     f"{r['user_s'] + r['sys_s']:.2f} s | {r['max_rss_mb']:,.0f} MB | "
                     f"{r['store_mb']:,.0f} MB | {goal} |")
    return lines


def latency_table(out_dir, queries):
    names = [n for n in SIZES if load(os.path.join(out_dir, f"record-search-{n}.json"))]
    by_name = {n: {q["id"]: q for q in load(os.path.join(out_dir, f"record-search-{n}.json"))["queries"]}
               for n in names}
    head = "| query | " + " | ".join(f"{size_label(n)}: total, p50 / p99 ms" for n in names)
    head += " | largest, no facets: p50 / p99 ms | largest, CPU p50 ms |"
    lines = [head, "|---" * (len(names) + 3) + "|"]
    for q in queries:
        cells = []
        for n in names:
            r = by_name[n].get(q["id"])
            f = r["facets"]
            cells.append(f"{r['total']:,}, {fmt_ms(f['p50_ms'])} / {fmt_ms(f['p99_ms'])}")
        last = by_name[names[-1]][q["id"]]
        cells.append(f"{fmt_ms(last['no_facets']['p50_ms'])} / {fmt_ms(last['no_facets']['p99_ms'])}")
        cells.append(fmt_ms(last["facets"]["cpu_p50_ms"]))
        lines.append(f"| {q['label']} | " + " | ".join(cells) + " |")
    return lines, names


def peers_table(out_dir, name, queries):
    search = load(os.path.join(out_dir, f"record-search-{name}.json"))
    peers = load(os.path.join(out_dir, f"record-peers-{name}.json"))
    if not search or not peers:
        return []
    ours = {q["id"]: q for q in search["queries"]}
    theirs = {q["id"]: q for q in peers["queries"]}
    lines = [f"**{size_label(name)}**", "",
             "| query | rapporteur: total, p50 in process | `rapporteur search` process | "
             "sqlite3 LIKE, store tables: total, time, ratio | sqlite3 LIKE, CSV table: total, time, ratio | "
             "grep: total, time, ratio |",
             "|---|---|---|---|---|---|"]
    for q in queries:
        o, p = ours[q["id"]], theirs[q["id"]]
        p50 = o["facets"]["p50_ms"] / 1000
        grep = (f"{p['grep_total']:,}, {ms(p['grep_s'])}, {ratio(p['grep_s'], p['cli_s'])}"
                if "grep_s" in p else "—")
        lines.append(
            f"| {q['label']} | {o['total']:,}, {ms(p50)} | {ms(p['cli_s'])} | "
            f"{p['sqlite_store_total']:,}, {ms(p['sqlite_store_s'])}, {ratio(p['sqlite_store_s'], p50)} | "
            f"{p['sqlite_csv_total']:,}, {ms(p['sqlite_csv_s'])}, {ratio(p['sqlite_csv_s'], p50)} | {grep} |")
    return lines


def targets(out_dir, names, queries):
    largest = names[-1]
    search = {q["id"]: q for q in load(os.path.join(out_dir, f"record-search-{largest}.json"))["queries"]}
    typical = [q for q in queries if not q.get("facets_only")]
    p50 = max(search[q["id"]]["facets"]["p50_ms"] for q in typical)
    p99 = max(search[q["id"]]["facets"]["p99_ms"] for q in typical)
    met50 = sum(search[q["id"]]["facets"]["p50_ms"] < P50_TARGET for q in typical)
    met99 = sum(search[q["id"]]["facets"]["p99_ms"] < P99_TARGET for q in typical)
    cpu50 = max(search[q["id"]]["facets"]["cpu_p50_ms"] for q in typical)
    facets = search["facets-all"]["facets"]["p50_ms"]
    counted = search["facets-all-counted"]["facets"]["p50_ms"]
    return [
        f"- Search, {size_label(largest)}: p50 under {P50_TARGET:.0f} ms for {met50} of "
        f"{len(typical)} typical queries (worst {fmt_ms(p50)} ms): {verdict(met50 == len(typical))}; "
        f"p99 under {P99_TARGET:.0f} ms for {met99} of {len(typical)} (worst {fmt_ms(p99)} ms): "
        f"{verdict(met99 == len(typical))}. On CPU time, which a busy machine does not inflate, "
        f"the worst p50 is {fmt_ms(cpu50)} ms.",
        f"- Facet counts over every record, {size_label(largest)}: {fmt_ms(facets)} ms from the counts "
        f"the store keeps ({verdict(facets < FACET_TARGET)}); {fmt_ms(counted)} ms when counted from "
        f"the rows, as any filter makes the store do ({verdict(counted < FACET_TARGET)}).",
    ]


def report(out_dir, queries):
    machine = load(os.path.join(out_dir, "record-machine.json")) or {}
    lines = [f"Last run: {machine.get('date', '?')}, {machine.get('cpu', '?')}, "
             f"{machine.get('cores', '?')} cores, {machine.get('mem_mb', 0) / 1024:.0f} GB, "
             f"SQLite {machine.get('sqlite3', '?')}; load average {machine.get('load_start', 0):.1f} "
             f"at the start, {machine.get('load_end', 0):.1f} at the end.", "",
             "Import (`rapporteur import`, one process, `/usr/bin/time -v`):", ""]
    lines += import_table(out_dir)
    latency, names = latency_table(out_dir, queries)
    if names:
        lines += ["", "Search latency in process (`Store::Search`: a page of 20, the exact total and "
                  "the facets, as `rapporteur search` asks), wall clock:", ""] + latency
        lines += ["", "Targets:", ""] + targets(out_dir, names, queries)
        lines += ["", "The same queries through the peers (medians; ratios: sqlite3 against "
                  "rapporteur's in-process p50, grep against the `rapporteur search` process):", ""]
        for name in ("real", names[-1]):
            table = peers_table(out_dir, name, queries)
            if table:
                lines += table + [""]
    return "\n".join(lines).rstrip() + "\n"


def replace_in_readme(path, text):
    readme = open(path).read()
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(readme):
        sys.exit(f"report.py: no {BEGIN} ... {END} in '{path}'")
    open(path, "w").write(pattern.sub(lambda _: BEGIN + "\n" + text + END, readme))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--queries", default=os.path.join(os.path.dirname(__file__), "queries.json"))
    parser.add_argument("--readme")
    args = parser.parse_args()
    text = report(args.out, json.load(open(args.queries))["queries"])
    print(text)
    if args.readme:
        replace_in_readme(args.readme, text)


if __name__ == "__main__":
    main()
