#!/usr/bin/env python3
"""Runs the record benchmark's queries through the peers and through the CLI.

    bench/record/peers.py --name 1m --store bench/out/record-1m.db \\
        --rapporteur build/rapporteur --out bench/out/record-peers-1m.json CSV...

The questions of bench/record/queries.json, asked of:

  * `sqlite3` with LIKE over the store's own tables (recommendations, and
    the JSON list of issues in the row, which the full-text index also holds);
  * `sqlite3` with LIKE over a plain table of the CSV (`.import`ed once,
    untimed: columns as in the export);
  * `grep -i` over the CSV converted once (untimed) to UTF-8 with LF line
    ends: one `grep` per AND, `grep -E 'a|b'` for an OR, the filters as
    regular expressions on the columns (state: the line's start; cycle: the
    session, last on the line; response: "Accepted"/"Noted" before the
    action category), `wc -l` for the total;
  * `rapporteur search ... --format json --limit 20`, the whole process.

LIKE and grep match substrings without stemming ("women" does not find
"woman", "torture" finds "tortured"), so their totals differ a little from
the store's. Facet queries: the sqlite3 peers run one GROUP BY per facet
field; grep has no equivalent and is not run. Times are medians of
--repeat runs (sqlite3: its own `.timer`, inside one shell; grep and the
CLI: the whole process, from Python).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

CYCLE_SESSIONS = {1: (1, 12), 2: (13, 26), 3: (27, 40), 4: (41, 99)}
RESPONSE_WORD = {"supported": "Accepted", "noted": "Noted"}
STORE_FACETS = ["state", "mechanism", "session", "cycle", "response", "action_category"]
CSV_FACETS = ["To", "From", "Session", "Response", "Action"]


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


# --- the question, for each peer ------------------------------------------------

def like_store(term):
    pattern = sql_string(f"%{term}%")
    return (f"(t.text LIKE {pattern} OR EXISTS (SELECT 1 FROM json_each(t.themes) v WHERE "
            f"v.value LIKE {pattern}))")


def like_csv(term):
    pattern = sql_string(f"%{term}%")
    return f'("Text" LIKE {pattern} OR "Issue" LIKE {pattern})'


def terms_sql(terms, like):
    """["AND", a, ["OR", b, c]] -> SQL over `like`."""
    op, items = terms[0], terms[1:]
    parts = [terms_sql(i, like) if isinstance(i, list) else like(i) for i in items]
    return "(" + f" {op} ".join(parts) + ")" if parts else ""


def filters_store(peer):
    out = []
    if "state_code" in peer:
        out.append(f"t.state = {sql_string(peer['state_code'])}")
    if "cycle" in peer:
        out.append(f"t.cycle = {int(peer['cycle'])}")
    if "response" in peer:
        out.append(f"t.response = {sql_string(peer['response'])}")
    return out


def filters_csv(peer):
    out = []
    if "state_name" in peer:
        out.append(f'"To" = {sql_string(peer["state_name"])}')
    if "cycle" in peer:
        lo, hi = CYCLE_SESSIONS[int(peer["cycle"])]
        out.append(f'CAST("Session" AS INTEGER) BETWEEN {lo} AND {hi}')
    if "response" in peer:
        out.append(f'"Response" = {sql_string(RESPONSE_WORD[peer["response"]])}')
    return out


def where(conditions):
    conditions = [c for c in conditions if c]
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def store_sql(q):
    w = where(filters_store(q["peer"]) + [terms_sql(q["terms"], like_store)])
    if not q.get("facets_only"):
        return [f"SELECT count(*) FROM recommendations t{w};"]
    mechanism = " WHERE t.mechanism = 'UPR'" if "mechanism" in q["filters"] else w
    out = [f"SELECT count(*) FROM recommendations t{mechanism};"]
    out += [f"SELECT t.{f}, count(*) FROM recommendations t{mechanism} GROUP BY t.{f};"
            for f in STORE_FACETS]
    out += [f"SELECT v.value, count(*) FROM recommendations t, json_each(t.{f}) v{mechanism} "
            "GROUP BY v.value;" for f in ("recommending_states", "themes", "affected_persons", "sdgs")]
    return out


def csv_sql(q):
    w = where(filters_csv(q["peer"]) + [terms_sql(q["terms"], like_csv)])
    if not q.get("facets_only"):
        return [f"SELECT count(*) FROM upr{w};"]
    out = ["SELECT count(*) FROM upr;"]
    out += [f'SELECT "{f}", count(*) FROM upr GROUP BY "{f}";' for f in CSV_FACETS]
    # Issues are a comma-separated list in one cell: split through json_each.
    out.append("SELECT j.value, count(*) FROM upr, json_each('[\"' || replace(\"Issue\", ',', "
               "'\",\"') || '\"]') j GROUP BY j.value;")
    return out


def grep_stage(item):
    if isinstance(item, list):  # an OR of words
        alternatives = "|".join(re.escape(w) for w in item[1:])
        return f"grep -i -E {shell_quote(alternatives)}"
    return f"grep -i -F {shell_quote(item)}"


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def grep_pipeline(q, csv_path):
    """The shell pipeline for `q`, or None (facets)."""
    if q.get("facets_only"):
        return None
    peer, stages = q["peer"], []
    if "state_name" in peer:
        stages.append(f"grep {shell_quote('^' + re.escape(peer['state_name']) + ',')}")
    if "cycle" in peer:
        lo, hi = CYCLE_SESSIONS[int(peer["cycle"])]
        sessions = "|".join(str(s) for s in range(lo, hi + 1))
        stages.append(f"grep -E ',({sessions})$'")
    if "response" in peer:
        stages.append(f"grep -E ',{RESPONSE_WORD[peer['response']]},[0-9]*,'")
    stages += [grep_stage(i) for i in q["terms"][1:]]
    if not stages:
        return f"tail -n +2 {shell_quote(csv_path)} | wc -l"
    first, rest = stages[0], stages[1:]
    return " | ".join([f"tail -n +2 {shell_quote(csv_path)} | {first}"] + rest + ["wc -l"])


# --- preparing the inputs (untimed) --------------------------------------------

def utf8_lines(csv_paths, out_path):
    """The recommendation rows (no voluntary pledges) as UTF-8, LF line ends."""
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for i, path in enumerate(csv_paths):
            with open(path, "rb") as f:
                data = f.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("mac_roman")
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for n, line in enumerate(lines):
                if not line or (n == 0 and i > 0) or ",Voluntary Pledge," in line:
                    continue
                out.write(line + "\n")


def load_csv_table(csv_utf8, db_path):
    if os.path.exists(db_path):
        os.remove(db_path)
    subprocess.run(["sqlite3", db_path], input=f".mode csv\n.import {csv_utf8} upr\n",
                   text=True, check=True)


# --- timing ----------------------------------------------------------------------

RUN_TIME = re.compile(r"^Run Time: real ([0-9.]+)")


def time_sqlite(db_path, statements, repeat):
    """(median seconds of the whole set of statements, first statement's result).
    The shell's timer counts milliseconds: a set faster than 5 ms is run 50 times
    and the mean taken."""
    per_run, result = run_sqlite(db_path, statements, repeat)
    if statistics.median(per_run) >= 0.005:
        return statistics.median(per_run), result
    per_run, result = run_sqlite(db_path, statements, 50)
    return statistics.mean(per_run), result


def run_sqlite(db_path, statements, repeat):
    script = ".timer on\n" + "".join("\n".join(statements) + "\n" for _ in range(repeat))
    proc = subprocess.run(["sqlite3", db_path], input=script, text=True,
                          capture_output=True, check=True)
    times, result = [], None
    for line in proc.stdout.splitlines():
        m = RUN_TIME.match(line)
        if m:
            times.append(float(m.group(1)))
        elif result is None:
            result = line
    per_run = [sum(times[i:i + len(statements)]) for i in range(0, len(times), len(statements))]
    return per_run, int(result)


def time_process(argv, repeat, shell=False):
    times, out = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(argv, shell=shell, text=True, capture_output=True,
                              executable="/bin/bash" if shell else None)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0 and not shell:
            sys.exit(f"peers.py: {argv[0]} failed: {proc.stderr.strip()}")
        out = proc.stdout
    return statistics.median(times), out


def cli_argv(rapporteur, store, q):
    argv = [rapporteur, "--db", store, "search"]
    if q["text"]:
        argv.append(q["text"])
    for field, values in q["filters"].items():
        for value in values:
            argv += [f"--{field}", value]
    return argv + ["--format", "json", "--limit", "20"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--rapporteur", required=True)
    parser.add_argument("--queries", default=os.path.join(os.path.dirname(__file__), "queries.json"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", default="bench/out")
    parser.add_argument("--out", required=True)
    parser.add_argument("csv", nargs="+")
    args = parser.parse_args()

    queries = json.load(open(args.queries))["queries"]
    csv_utf8 = os.path.join(args.workdir, f"record-{args.name}.utf8.csv")
    csv_db = os.path.join(args.workdir, f"record-{args.name}.csv.db")
    utf8_lines(args.csv, csv_utf8)
    load_csv_table(csv_utf8, csv_db)
    results = []
    for q in queries:
        r = {"id": q["id"]}
        r["sqlite_store_s"], r["sqlite_store_total"] = time_sqlite(args.store, store_sql(q), args.repeat)
        r["sqlite_csv_s"], r["sqlite_csv_total"] = time_sqlite(csv_db, csv_sql(q), args.repeat)
        pipeline = grep_pipeline(q, csv_utf8)
        if pipeline:
            r["grep_s"], out = time_process(pipeline, args.repeat, shell=True)
            r["grep_total"], r["grep_pipeline"] = int(out.strip()), pipeline
        r["cli_s"], out = time_process(cli_argv(args.rapporteur, args.store, q), args.repeat)
        r["cli_total"] = json.loads(out)["total"]
        r["sqlite_store_sql"] = store_sql(q)
        print(f"{args.name} {q['id']}: " + ", ".join(
            f"{k} {v:.4g}" for k, v in r.items() if isinstance(v, (int, float))), flush=True)
        results.append(r)
    with open(args.out, "w") as f:
        json.dump({"name": args.name, "queries": results}, f, indent=2)


if __name__ == "__main__":
    main()
