#!/usr/bin/env python3
"""Write throughput: N concurrent writers of products (wrk, closed loop) against a running platform.

Start the platform from its jar with a data directory of its own, then:

    python3 bench/write_throughput.py --pid <the app's pid> --data-dir <its stoa.data-dir> [--base http://localhost:8080]
        [--connections 16] [--duration 60] [--warmup 20] [--token T]

Without --token it logs in as the bootstrap admin (admin@stoa.local / stoa-admin-change-me, the embedded
default). Prints writes/s, p50/p90/p99, the X-Stoa-Consistency tally and the CPU each part of the platform
used while measuring (read from /proc: the app JVM, its Elasticsearch child, its PostgreSQL processes,
wrk itself, and everything else on the machine, which skews the numbers when other work runs).
Needs wrk (Debian: apt-get install wrk). Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TICK = os.sysconf("SC_CLK_TCK")


def login(base):
    body = json.dumps({"email": "admin@stoa.local", "password": "stoa-admin-change-me"}).encode()
    req = urllib.request.Request(base + "/api/v1/auth/login", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())["accessToken"]


def children():
    tree = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            tree.setdefault(int(fields[1]), []).append(int(pid))
        except OSError:
            pass
    return tree


def cpu_seconds(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        return 0.0


def role(pid, app):
    if pid == app:
        return "app"
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "gone"
    if "postgres" in cmd:
        return "postgres"
    if "java" in cmd:
        return "elasticsearch"
    return "other-child"


def postmasters(data_dir):
    """The embedded PostgreSQL runs detached (its parent is init): find it by its data directory."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        if cmd and cmd[0].endswith(b"/postgres") and os.path.realpath(data_dir).encode() in b" ".join(cmd):
            found.append(int(pid))
    return found


def sample(app, data_dir):
    """CPU seconds so far per role, for the app, all its descendants and its PostgreSQL."""
    tree, totals, todo = children(), {}, [app] + postmasters(data_dir)
    while todo:
        pid = todo.pop()
        todo.extend(tree.get(pid, []))
        r = role(pid, app)
        totals[r] = totals.get(r, 0.0) + cpu_seconds(pid)
    return totals


def threads(pid):
    """CPU seconds per thread group of one process (thread names with their numbers dropped)."""
    groups = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                raw = f.read()
        except OSError:
            continue
        name = re.sub(r"[-#]?\d+", "", raw[raw.index("(") + 1:raw.rindex(")")]).strip() or "?"
        fields = raw.rsplit(")", 1)[1].split()
        groups[name] = groups.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / TICK
    return groups


def machine_busy_seconds():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v) - v[3] - v[4]) / TICK  # all but idle and iowait


def wrk(base, token, connections, seconds):
    env = dict(os.environ, STOA_TOKEN=token)
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", "%ds" % seconds, "--timeout", "10s",
           "-s", os.path.join(HERE, "product_writes.lua"), base]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    return proc


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--pid", type=int, required=True, help="pid of the app JVM")
    p.add_argument("--data-dir", required=True, help="the app's stoa.data-dir (to find its PostgreSQL)")
    p.add_argument("--token")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--duration", type=int, default=60)
    p.add_argument("--warmup", type=int, default=20)
    a = p.parse_args()
    token = a.token or login(a.base)
    if a.warmup:
        wrk(a.base, token, a.connections, a.warmup).communicate()
    before, busy0, wrk0, threads0 = sample(a.pid, a.data_dir), machine_busy_seconds(), os.times(), threads(a.pid)
    out, _ = wrk(a.base, token, a.connections, a.duration).communicate()
    after, busy1, wrk1, threads1 = sample(a.pid, a.data_dir), machine_busy_seconds(), os.times(), threads(a.pid)
    # wrk has exited and been waited for: its CPU shows in our children's times
    wrk_cpu = (wrk1.children_user + wrk1.children_system) - (wrk0.children_user + wrk0.children_system)
    line = next(l for l in out.splitlines() if l.startswith("RESULT"))
    r = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    secs, writes = r["seconds"], r["created"]
    print(line)
    print("writes/s %.1f  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  consistent %d  pending %d  non-201 %d"
          % (writes / secs, r["p50_ms"], r["p90_ms"], r["p99_ms"], r["consistent"], r["pending"], r["other"]))
    ours = 0.0
    for k in sorted(after):
        used = after[k] - before.get(k, 0.0)
        ours += used
        print("cpu %-14s %5.2f cores  %6.2f ms per write" % (k, used / secs, 1000 * used / max(writes, 1)))
    print("cpu %-14s %5.2f cores  %6.2f ms per write" % ("wrk", wrk_cpu / secs, 1000 * wrk_cpu / max(writes, 1)))
    others = (busy1 - busy0) - ours - wrk_cpu
    print("cpu %-14s %5.2f cores  (everything else on the machine)" % ("others", max(others, 0) / secs))
    used = sorted(((threads1[k] - threads0.get(k, 0.0), k) for k in threads1), reverse=True)
    print("app threads (ms per write): " + ", ".join("%s %.2f" % (k, 1000 * v / max(writes, 1)) for v, k in used[:12]))


if __name__ == "__main__":
    main()
