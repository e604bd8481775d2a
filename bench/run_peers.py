#!/usr/bin/env python3
"""Runs rapporteur and its peers on the same document pairs and writes the results.

    bench/run_peers.py [--quick] [--timeout 120] [--rapporteur build/rapporteur]

Normally started by bench/run_peers.sh, which installs the peers and builds
rapporteur first. Inputs go to bench/out/ (not committed); the results to
bench/out/results.json, and the tables between the RESULTS markers of
bench/README.md are rewritten from them.

For every pair and tool: wall time and peak resident memory of the child
process (/usr/bin/time's %M, from getrusage of the child), and the length of
its edit script in words (inserted + deleted). Every tool is run up to three
times on every pair and the fastest run is kept (wall-clock times on this
kind of VM vary by a third from run to run); a run over 5 s is not repeated. A run over the timeout is
killed and recorded as "timeout"; a tool that timed out on a pair is not run
on the larger pair of the same density (recorded as "skipped").

Edit lengths are compared with a minimal edit script over the same units:
rapporteur's over its own tokens (`rapporteur tokens`: words and punctuation,
clause labels left out), the peers' over whitespace-separated words (what
they all split on), both computed by GNU `diff --minimal` with one unit a line.
"""
import argparse
import json
import os
import platform
import re
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
DATA = os.path.join(ROOT, "..", "shared", "data", "drafts")

SIZES = [10_000, 100_000, 1_000_000]
DENSITIES = [0.01, 0.10]
SEED = 1

REAL_PAIRS = [  # (name, old, new); XML is reduced to its text by xml_text.py
    ("cn-legislation-law 2015→2023", "cn-legislation-law/2015-03-15.md", "cn-legislation-law/2023-03-13.md"),
    ("cn-admin-reconsideration-law 2017→2023", "cn-admin-reconsideration-law/2017-09-01.md",
     "cn-admin-reconsideration-law/2023-09-01.md"),
    ("us-s5-119 PCS→ENR (XML text)", "us-s5-119/01-pcs.xml", "us-s5-119/03-enr.xml"),
]


# --- measuring ------------------------------------------------------------------

def measure(argv, stdout_path, stderr_path, timeout):
    """Runs argv once; returns (seconds, peak RSS in KiB, exit status or None on timeout).

    Peak memory comes from /usr/bin/time (getrusage of its child): measuring it
    from this Python process instead would count the runner's own memory, which
    a forked child inherits in ru_maxrss until it execs. Wall time is taken here
    with a finer clock than time's 10 ms.
    """
    rss_path = stderr_path + ".rss"
    killed = threading.Event()

    def kill(pid):
        killed.set()
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:  # it ended as the timer fired
            pass

    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        # A session of its own so that a timeout kills the tool's children too (wdiff runs diff).
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_path] + argv, stdout=out, stderr=err,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        # A plain blocking wait, and a timer for the timeout: Popen.wait(timeout)
        # polls with sleeps that double up to 50 ms, which rounded every short
        # run up to 16, 33 or 65 ms.
        timer = threading.Timer(timeout, kill, args=(p.pid,))
        timer.start()
        code = p.wait()
        seconds = time.perf_counter() - t0
        timer.cancel()
        if killed.is_set():
            code = None
    rss = 0
    if code is not None:
        # time writes "Command exited with non-zero status N" before the format's line.
        rss = int(open(rss_path).read().split()[-1])
    return seconds, rss, code


def run_tool(argv, tag, timeout, repeat):
    """Best of up to `repeat` runs; a run over 5 s is not repeated."""
    stdout_path = os.path.join(OUT, "tmp", tag + ".out")
    stderr_path = os.path.join(OUT, "tmp", tag + ".err")
    best = None
    runs = 0
    for _ in range(repeat):
        seconds, rss, code = measure(argv, stdout_path, stderr_path, timeout)
        runs += 1
        if code is None:
            return {"status": "timeout", "seconds": seconds, "rss_kb": rss, "runs": runs}
        if best is None or seconds < best[0]:
            best = (seconds, max(rss, best[1] if best else 0), code)
        if seconds > 5:
            break
    seconds, rss, code = best
    return {"status": "ok", "seconds": seconds, "rss_kb": rss, "exit": code, "runs": runs,
            "stdout": stdout_path, "stderr": stderr_path}


# --- tools --------------------------------------------------------------------------
# Each tool: argv for (old, new), the exit statuses that mean success, and a
# parser from its output to {"inserted", "deleted", ...}.

def words(s):
    return len(s.split())


def parse_rapporteur(out, err):
    stats = json.load(open(out, encoding="utf-8"))["stats"]
    return {"inserted": stats["inserted_tokens"], "deleted": stats["deleted_tokens"],
            "moved": stats["moved_tokens"], "approximate": stats["approximate"]}


def parse_git(out, err):
    # Porcelain word diff: after each hunk header, lines starting with '-' or '+'
    # hold one removed or added run of words; '~' is a newline, ' ' context.
    ins = dele = 0
    in_hunk = False
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("@@"):
                in_hunk = True
            elif in_hunk and line.startswith("+"):
                ins += words(line[1:])
            elif in_hunk and line.startswith("-"):
                dele += words(line[1:])
            elif line.startswith("diff --git"):
                in_hunk = False
    return {"inserted": ins, "deleted": dele}


STATS = re.compile(r":\s+(\d+) words?\s+(\d+) \d+% common\s+(\d+) \d+% (deleted|inserted)\s+(\d+) \d+% changed")


def parse_wdiff_stats(text):
    # wdiff -s / dwdiff -s: "old: W words  C x% common  D x% deleted  X x% changed"
    # and the same for the new file with "inserted". Changed words were replaced:
    # deleted on the old side and inserted on the new one.
    found = {m.group(4): int(m.group(3)) + int(m.group(5)) for m in STATS.finditer(text)}
    return {"inserted": found["inserted"], "deleted": found["deleted"]}


def parse_wdiff(out, err):
    with open(out, encoding="utf-8", errors="replace") as f:
        tail = f.read()[-2000:]
    return parse_wdiff_stats(tail)


def parse_dwdiff(out, err):
    return parse_wdiff_stats(open(err, encoding="utf-8", errors="replace").read())


def parse_json_line(out, err):
    return json.loads(open(out, encoding="utf-8").read().strip().splitlines()[-1])


def tools(rapporteur):
    node = ["node"]
    peers = os.path.join(HERE, "peers")
    git = ["git", "-c", "core.quotepath=off", "--no-pager", "diff", "--no-index", "--no-color",
           "--word-diff=porcelain", "--histogram"]
    return [
        # name, argv builder, ok exit statuses, parser
        ("rapporteur", lambda a, b: [rapporteur, "compare", "--format", "json", a, b], {0, 1}, parse_rapporteur),
        # The same pinned to one core (it reads the files and loads its lens on
        # two threads): the 1M-word target is "under 1 s on one core".
        ("rapporteur, one core", lambda a, b: ["taskset", "-c", "0", rapporteur, "compare", "--format", "json", a, b],
         {0, 1}, parse_rapporteur),
        ("git word-diff", lambda a, b: git + [a, b], {0, 1}, parse_git),
        ("wdiff", lambda a, b: ["wdiff", "-s", a, b], {0, 1}, parse_wdiff),
        ("dwdiff", lambda a, b: ["dwdiff", "-s", a, b], {0, 1}, parse_dwdiff),
        ("difflib", lambda a, b: [sys.executable, os.path.join(peers, "difflib_words.py"), a, b], {0},
         parse_json_line),
        ("jsdiff diffWords", lambda a, b: node + [os.path.join(peers, "npm_diff.js"), a, b], {0}, parse_json_line),
        ("dmp words", lambda a, b: node + [os.path.join(peers, "dmp_words.js"), a, b], {0}, parse_json_line),
        ("dmp words, no timeout", lambda a, b: node + [os.path.join(peers, "dmp_words.js"), a, b, "--no-timeout"],
         {0}, parse_json_line),
    ]


# --- minimal references -------------------------------------------------------

def minimal_edits(units_a, units_b, tag, timeout):
    """Length of a minimal edit script between two files of one unit a line (GNU diff --minimal)."""
    out = os.path.join(OUT, "tmp", tag + ".diff")
    r = measure(["diff", "--minimal", units_a, units_b], out, out + ".err", timeout)
    if r[2] is None:
        return {"status": "timeout", "seconds": r[0]}
    ins = dele = 0
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(">"):
                ins += 1
            elif line.startswith("<"):
                dele += 1
    return {"status": "ok", "inserted": ins, "deleted": dele, "edits": ins + dele, "seconds": r[0]}


def write_units(path, units):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(units) + "\n")


# --- pairs ------------------------------------------------------------------------

def make_pairs(quick):
    pairs = []
    sizes = SIZES[:1] if quick else SIZES
    for n in sizes:
        for d in DENSITIES:
            name = "gen-%d-%g" % (n, d)
            old, new = (os.path.join(OUT, "%s-%s.md" % (name, v)) for v in ("old", "new"))
            info = json.loads(subprocess.run(
                [sys.executable, os.path.join(HERE, "gen_pair.py"), "--words", str(n), "--density", str(d),
                 "--seed", str(SEED), old, new], check=True, capture_output=True, text=True).stdout)
            label = "generated %s words, %g%% edits" % ({10_000: "10k", 100_000: "100k", 1_000_000: "1M"}[n], d * 100)
            pairs.append({"name": name, "label": label, "old": old, "new": new, "size": n, "density": d,
                          "generator": info})
    for label, a, b in REAL_PAIRS:
        name = "real-" + a.split("/")[0]
        paths = []
        for src in (a, b):
            src = os.path.join(DATA, src)
            if not os.path.exists(src):
                print("missing %s: pair skipped" % src, file=sys.stderr)
                break
            if src.endswith(".xml"):
                dst = os.path.join(OUT, "%s-%s.txt" % (name, os.path.basename(src)[:-4]))
                subprocess.run([sys.executable, os.path.join(HERE, "xml_text.py"), src, dst], check=True)
                src = dst
            paths.append(src)
        if len(paths) == 2:
            pairs.append({"name": name, "label": label, "old": paths[0], "new": paths[1], "size": None,
                          "density": None})
    return pairs


def run(args):
    os.makedirs(os.path.join(OUT, "tmp"), exist_ok=True)
    pairs = make_pairs(args.quick)
    timed_out = set()  # (tool, density) that timed out on a smaller generated pair
    results = {"machine": machine(), "timeout_s": args.timeout, "pairs": []}
    for pair in pairs:
        a, b = pair["old"], pair["new"]
        pair["bytes"] = os.path.getsize(a) + os.path.getsize(b)
        pair["old_words"] = words(open(a, encoding="utf-8").read())
        pair["new_words"] = words(open(b, encoding="utf-8").read())
        print("== %s (%d + %d words)" % (pair["label"], pair["old_words"], pair["new_words"]), flush=True)

        # Minimal references, untimed.
        ta, tb = (os.path.join(OUT, "tmp", "%s-%s.tok" % (pair["name"], v)) for v in ("old", "new"))
        for src, dst in ((a, ta), (b, tb)):
            with open(dst, "wb") as f:
                subprocess.run([args.rapporteur, "tokens", src], stdout=f, check=True)
        wa, wb = (os.path.join(OUT, "tmp", "%s-%s.words" % (pair["name"], v)) for v in ("old", "new"))
        write_units(wa, open(a, encoding="utf-8").read().split())
        write_units(wb, open(b, encoding="utf-8").read().split())
        pair["minimal_tokens"] = minimal_edits(ta, tb, pair["name"] + "-mintok", args.min_timeout)
        pair["minimal_words"] = minimal_edits(wa, wb, pair["name"] + "-minwords", args.min_timeout)
        print("   minimal: %s tokens, %s words" % (pair["minimal_tokens"].get("edits", "timeout"),
                                                    pair["minimal_words"].get("edits", "timeout")), flush=True)

        pair["tools"] = {}
        for name, argv, ok, parse in tools(args.rapporteur):
            if pair["density"] is not None and (name, pair["density"]) in timed_out:
                r = {"status": "skipped", "why": "timed out on the smaller pair of the same density"}
            else:
                tag = re.sub(r"\W+", "_", pair["name"] + "-" + name)
                r = run_tool(argv(a, b), tag, args.timeout, 3)
                if r["status"] == "ok" and r["exit"] not in ok:
                    err = open(r["stderr"], encoding="utf-8", errors="replace").read().strip()
                    r = {"status": "error", "exit": r["exit"], "message": err[-300:]}
                elif r["status"] == "ok":
                    counts = parse(r.pop("stdout"), r.pop("stderr"))
                    # The tool's own numbers never replace what was measured here.
                    r.update({k: v for k, v in counts.items() if k not in r})
                    r["edits"] = r["inserted"] + r["deleted"]
                    if "moved" in r:
                        # A linear edit script deletes a moved clause and inserts it again.
                        r["edits_moves_as_delete_insert"] = r["edits"] + 2 * r["moved"]
                elif r["status"] == "timeout" and pair["density"] is not None:
                    timed_out.add((name, pair["density"]))
                r.pop("stdout", None)
                r.pop("stderr", None)
            pair["tools"][name] = r
            print("   %-22s %s" % (name, describe(r)), flush=True)
        results["pairs"].append(pair)
    path = os.path.join(OUT, "results.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    print("wrote", path)
    return results


def describe(r):
    if r["status"] != "ok":
        return r["status"]
    return "%.3f s  %.1f MB  %d edits" % (r["seconds"], r["rss_kb"] / 1024, r["edits"])


def machine():
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30

    def version(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "?"

    lock = json.load(open(os.path.join(HERE, "package-lock.json")))["packages"]
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem, 1),
        "os": platform.platform(), "python": platform.python_version(),
        "node": version(["node", "--version"]), "git": version(["git", "--version"]),
        "wdiff": version(["wdiff", "--version"]), "dwdiff": version(["dwdiff", "--version"]),
        "diff": version(["diff", "--version"]),
        "npm diff": lock["node_modules/diff"]["version"],
        "npm diff-match-patch": lock["node_modules/diff-match-patch"]["version"],
        "date": time.strftime("%Y-%m-%d"),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rapporteur", default=os.path.join(ROOT, "build", "rapporteur"))
    ap.add_argument("--timeout", type=float, default=120, help="seconds per tool run")
    ap.add_argument("--min-timeout", type=float, default=300, help="seconds per diff --minimal reference")
    ap.add_argument("--quick", action="store_true", help="only the 10k-word generated pairs and the real ones (for trying the script)")
    ap.add_argument("--no-readme", action="store_true", help="do not rewrite bench/README.md")
    args = ap.parse_args()
    results = run(args)
    if not args.no_readme:
        import report
        report.update_readme(results, os.path.join(HERE, "README.md"))


if __name__ == "__main__":
    main()
