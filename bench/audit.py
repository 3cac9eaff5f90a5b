"""The audit trail at a million events (bench/audit): chaining speed, verification time, NDJSON export and memory."""

import argparse
import datetime
import glob
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import Platform, free_port, memory_of, read_jvm_options, say  # noqa: E402

CHUNK = 100_000
# A ledger entry of ~300 bytes with the metadata every event carries; its type is on no classpath, so only the
# audit log (which takes every event) handles it and the read models skip it, as they skip events of other contexts.
INSERT = """
insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
select nextval('domain_event_entry_global_index_seq'), gen_random_uuid()::text, gen_random_uuid()::text, 0, 'BenchLedger',
       to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       'dev.stoa.bench.LedgerEntryRecorded', '1',
       convert_to(json_build_object('entryId', gen_random_uuid(), 'accountId', 'acct-' || (g %% 5000),
                  'amountCents', g %% 100000, 'currency', 'USD',
                  'memo', 'bench ledger entry ' || g || ' recorded for the audit benchmark, fixed text')::text, 'UTF8'),
       convert_to(json_build_object('userId', 'bench-user-' || (g %% 1000), 'correlationId', gen_random_uuid(),
                  'causationId', gen_random_uuid(), 'causationType', 'RecordLedgerEntry',
                  'request', 'POST /api/v1/bench')::text, 'UTF8')
from generate_series(%d, %d) g;
"""


def psql(facts, sql):
    host = facts["pg_host"] if facts["pg_host"] != "localhost" else "127.0.0.1"
    cmd = ["psql", "-h", host, "-p", str(facts["pg_port"]), "-U", "postgres", "-d", facts["pg_db"], "-v",
           "ON_ERROR_STOP=1", "-At", "-c", sql]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def start_postgres(data_dir, port):
    """The platform's PostgreSQL on its own, from the binaries the platform extracted, for storing the backlog."""
    pg_ctl = next(iter(sorted(glob.glob(os.path.expanduser("~/.cache/stoa/postgres/*/bin/pg_ctl")) +
                              glob.glob(os.path.join(data_dir, "postgres/binaries/bin/pg_ctl")))), None)
    if not pg_ctl:
        raise RuntimeError("no pg_ctl among the embedded PostgreSQL's binaries")
    # as the platform starts it: in a user namespace (PostgreSQL refuses to run as root)
    subprocess.run(["unshare", "-U", pg_ctl, "-D", os.path.join(data_dir, "postgres", "data"), "-o", "-p %d" % port, "-w", "-l",
                    os.path.join(data_dir, "bench-pg.log"), "start"], check=True, capture_output=True)
    return pg_ctl


def stop_postgres(data_dir, pg_ctl):
    subprocess.run(["unshare", "-U", pg_ctl, "-D", os.path.join(data_dir, "postgres", "data"), "-w", "-m", "fast", "stop"], check=True,
                   capture_output=True)


def get(base, path, token, accept="application/json", timeout=3600):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token, "Accept": accept})
    return urllib.request.urlopen(req, timeout=timeout)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--java", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--out")
    a = p.parse_args()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = os.path.abspath(a.out or os.path.join(HERE, "out", "audit-" + stamp))
    os.makedirs(out, exist_ok=True)
    data_dir = tempfile.mkdtemp(prefix="stoa-bench-audit-")
    platform = Platform(a.java, os.path.abspath(a.jar), data_dir, free_port(), out,
                        read_jvm_options(os.path.join(HERE, "jvm.options")))
    results = {"events": a.events, "out": out}
    try:
        facts = platform.start("fresh")
        token, base = facts["admin_token"], platform.base
        head0 = int(psql(facts, "select coalesce(max(global_index), 0) from domain_event_entry"))
        chained0 = int(psql(facts, "select count(*) from audit_log"))
        say("storing %d events (the store holds %d, the chain %d)" % (a.events, head0, chained0))
        # Stored while the platform is stopped, as after a restore or a long outage: its processors start behind and
        # read the backlog on their own streams. (Stored under a running platform, a burst this size reaches every
        # processor through the event store's shared read-ahead, which then holds the burst in the heap.)
        platform.stop()
        pg = start_postgres(data_dir, facts["pg_port"])
        t0 = time.time()
        for start in range(1, a.events + 1, CHUNK):
            psql(facts, INSERT % (start, min(a.events, start + CHUNK - 1)))
        results["insert_s"] = time.time() - t0
        stop_postgres(data_dir, pg)
        say("  stored in %.1f s; the platform starts again and the audit-log processor chains them" % results["insert_s"])
        facts = platform.start("backlog")
        token = facts["admin_token"]

        t0, last, last_t = time.time(), chained0, time.time()
        target = chained0 + a.events
        while True:
            chained = int(psql(facts, "select count(*) from audit_log"))
            if time.time() - last_t >= 10:
                say("  chained %d of %d (%.0f events/s over the last 10 s)" % (chained - chained0, a.events,
                                                                               (chained - last) / (time.time() - last_t)))
                last, last_t = chained, time.time()
            if chained >= target:
                break
            time.sleep(1)
        results["chain_s"] = time.time() - t0
        results["chain_events_per_s"] = a.events / results["chain_s"]
        say("  chained %d events in %.1f s: %.0f events/s" % (a.events, results["chain_s"], results["chain_events_per_s"]))

        rss = {"before_verify_mib": memory_of(platform.proc.pid)[0] / 2 ** 20}
        for attempt in ("first", "second"):
            t0 = time.time()
            with get(base, "/api/v1/audit/integrity", token) as r:
                report = json.loads(r.read())
            results["verify_" + attempt] = {"wall_s": time.time() - t0, "report": report}
            say("  integrity (%s run): intact=%s, %d events in %.1f s (%d events/s reported)" % (
                attempt, report["intact"], report["eventsChecked"], time.time() - t0, report["eventsPerSecond"]))

        peak = {"rss": 0}
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak["rss"] = max(peak["rss"], memory_of(platform.proc.pid)[0])
                time.sleep(0.2)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t0, lines, size = time.time(), 0, 0
        with get(base, "/api/v1/audit/events?after=0", token, accept="application/x-ndjson") as r:
            for line in r:
                lines += 1
                size += len(line)
        stop.set()
        sampler.join()
        rss["during_export_peak_mib"] = peak["rss"] / 2 ** 20
        results["export"] = {"lines": lines, "bytes": size, "wall_s": time.time() - t0,
                             "lines_per_s": lines / (time.time() - t0)}
        results["app_rss"] = rss
        say("  NDJSON export: %d lines, %.0f MiB in %.1f s (%.0f lines/s); app RSS %.0f MiB before, %.0f MiB peak" % (
            lines, size / 2 ** 20, results["export"]["wall_s"], results["export"]["lines_per_s"],
            rss["before_verify_mib"], rss["during_export_peak_mib"]))
    finally:
        platform.stop()
        with open(os.path.join(out, "audit.json"), "w") as f:
            json.dump(results, f, indent=2)
    print()
    print("| measure | value |")
    print("|---|---|")
    print("| events stored | %d |" % a.events)
    print("| chaining (audit-log processor) | %.0f events/s (%.0f s) |" % (results["chain_events_per_s"], results["chain_s"]))
    for attempt in ("first", "second"):
        v = results["verify_" + attempt]
        print("| integrity, whole chain (%s run) | %.1f s, %d events/s |" % (attempt, v["wall_s"], v["report"]["eventsPerSecond"]))
    print("| NDJSON export, whole log | %.1f s, %.0f lines/s |" % (results["export"]["wall_s"], results["export"]["lines_per_s"]))
    print("| app RSS before / peak during export | %.0f / %.0f MiB |" % (results["app_rss"]["before_verify_mib"],
                                                                       results["app_rss"]["during_export_peak_mib"]))


if __name__ == "__main__":
    main()
