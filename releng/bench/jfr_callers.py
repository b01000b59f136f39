#!/usr/bin/env python3
"""CPU samples of a JFR recording grouped by the innermost io.mtaprov frames (who causes the work).

usage: jfr print --json --events jdk.ExecutionSample --stack-depth 64 rec.jfr > s.json
       python3 releng/bench/jfr_callers.py s.json [rows]
Prints, per group of up to three io.mtaprov frames (innermost first, lambdas skipped), the share
of samples, and the share of all samples spent under a few H2 and JDK hot spots.
"""
import collections
import json
import sys


def frames(event):
    st = event["values"].get("stackTrace")
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            + ":" + str(f.get("lineNumber")) for f in (st["frames"] if st else [])]


def main():
    events = json.load(open(sys.argv[1]))["recording"]["events"]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    n = len(events) or 1
    own = collections.Counter()
    under = collections.Counter()
    marks = {
        "H2 MVStore.commit (chunk write per commit)": "org.h2.mvstore.MVStore.commit",
        "H2 JdbcConnectionPool.getConnection": "org.h2.jdbcx.JdbcConnectionPool.getConnection",
        "H2 executeUpdate": "org.h2.command.Command.executeUpdate",
        "H2 executeQuery": "org.h2.command.Command.executeQuery",
        "Thread.sleep (polling)": "java.lang.Thread.sleep",
    }
    for e in events:
        fs = frames(e)
        mine = [f.split("$$")[0].rsplit(".", 2)[-2] + "." + f.rsplit(".", 1)[-1]
                for f in fs if f.startswith("io.mtaprov") and "lambda$" not in f and "$$Lambda" not in f]
        own[" < ".join(mine[:3]) or "(no io.mtaprov frame: JIT, GC, JDK threads)"] += 1
        for label, prefix in marks.items():
            if any(f.startswith(prefix) for f in fs):
                under[label] += 1
    print(f"{n} execution samples")
    print("share  samples  innermost io.mtaprov frames")
    for k, c in own.most_common(rows):
        print(f"{100 * c / n:5.1f}% {c:7d}  {k}")
    print("\nshare of samples under:")
    for k, c in under.most_common():
        print(f"{100 * c / n:5.1f}% {c:7d}  {k}")


if __name__ == "__main__":
    main()
