#!/usr/bin/env python3
"""Where the CPU went, from a JFR recording: inclusive share of the methods that matter, plus folded stacks.

    jcmd <pid> JFR.start duration=45s settings=profile filename=app.jfr   # while the load runs
    python3 bench/jfr_summary.py app.jfr [--folded app.folded] [--top 40] [--last 60] [--match dev.stoa,org.axonframework]

Reads jdk.ExecutionSample (threads running Java code) through the JDK's `jfr` tool (JAVA_HOME or PATH).
The folded file (one "frame;frame;... count" line per stack) feeds any flame-graph renderer
(flamegraph.pl, speedscope.app, https://www.speedscope.app accepts it as is).
"""
import argparse
import collections
import datetime
import json
import os
import subprocess


def samples(path, last=None):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    if last:  # only the final `last` seconds of the recording (the measured run, not start-up and warm-up)
        stamps = [datetime.datetime.fromisoformat(e["values"]["startTime"]) for e in events]
        since = max(stamps) - datetime.timedelta(seconds=last)
        events = [e for e, at in zip(events, stamps) if at >= since]
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"]["stackTrace"] else []
        yield [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]  # leaf first


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--folded")
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--last", type=int, help="only the last N seconds of the recording")
    p.add_argument("--match", default="dev.stoa,org.axonframework,org.springframework.security,org.postgresql,"
                                      "co.elastic,org.hibernate,com.fasterxml,org.apache.catalina,java.lang.Thread.sleep")
    a = p.parse_args()
    prefixes = tuple(a.match.split(","))
    total, inclusive, folded = 0, collections.Counter(), collections.Counter()
    for stack in samples(a.recording, a.last):
        total += 1
        inclusive.update(set(m for m in stack if m.startswith(prefixes)))
        folded[";".join(reversed(stack))] += 1
    print("%d samples; inclusive share of matching methods:" % total)
    for method, n in inclusive.most_common(a.top):
        print("%5.1f%%  %s" % (100.0 * n / max(total, 1), method))
    if a.folded:
        with open(a.folded, "w") as f:
            for stack, n in folded.most_common():
                f.write("%s %d\n" % (stack, n))


if __name__ == "__main__":
    main()
