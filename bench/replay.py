#!/usr/bin/env python3
"""Replay speed: rebuild the product and order read models through the API over a million stored events.

    python3 bench/replay.py --java <java 21+> --jar app/target/stoa-app.jar [--events 1000000] [--out DIR] [--keep]

1. Starts the platform from its jar on a fresh data directory (bench/run's Platform) and seeds a little through the
   API (bench/seed.py: products with stock, customers with funded wallets, wallet-paid orders), so the store holds
   real events of each kind the benchmark copies: ProductCreated, ProductUpdated, OrderPlaced, OrderConfirmed.
2. Stops the JVM (its PostgreSQL is kept running: the watchdog that would stop it is killed first) and appends
   --events more events with COPY, each a copy of one of those real rows (same serialized shape, revision and
   metadata) with fresh ids, SKUs, slugs and order numbers: a quarter each of ProductCreated, ProductUpdated (of a
   product created earlier in the file), OrderPlaced and OrderConfirmed, interleaved, a month old (so no mail
   processor would mail them). Every processor's token is set to the new head, so that on the next start nothing
   but the rebuilds reads them, and the global-index sequence is moved past them.
3. Starts the platform again and rebuilds product-read-model, then order-read-model, through
   POST /api/v1/admin/projections/{name}/replay, polling GET /api/v1/admin/projections until each is done.
   Reports the rebuild's own figures (events read per second over the whole log, duration) and the events of its
   kind per second, and checks the rebuilt tables hold every generated product and order.
Needs psql (Debian: postgresql-client). Standard library only.
"""
import argparse
import datetime
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import Platform, free_port, read_jvm_options, say  # noqa: E402
import seed as seeding  # noqa: E402
from write_throughput import children  # noqa: E402

TEMPLATES = {
    "product-created": "dev.stoa.api.catalog.ProductCreated",
    "product-updated": "dev.stoa.api.catalog.ProductUpdated",
    "order-placed": "dev.stoa.api.ordering.OrderPlaced",
    "order-confirmed": "dev.stoa.api.ordering.OrderConfirmed",
}
COLUMNS = ("global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
           "payload_revision, payload, meta_data")


def psql(facts, sql, stdin=None):
    cmd = ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(facts["pg_port"]),
           "-U", "postgres", "-d", facts["pg_db"], "-c", sql]
    out = subprocess.run(cmd, input=stdin, capture_output=True, check=False)
    if out.returncode != 0:
        raise RuntimeError("psql failed: %s\n%s" % (sql[:200], out.stderr.decode(errors="replace")))
    return out.stdout.decode()


def templates(facts):
    """One stored row of each copied event type: the aggregate id, aggregate type, revision, payload, metadata."""
    rows = {}
    for key, payload_type in TEMPLATES.items():
        line = psql(facts, "select aggregate_identifier, coalesce(type, ''), coalesce(payload_revision, ''), "
                           "encode(payload, 'hex'), encode(coalesce(meta_data, ''::bytea), 'hex') "
                           "from domain_event_entry where payload_type = '%s' order by global_index desc limit 1"
                    % payload_type).strip()
        if not line:
            raise RuntimeError("no stored %s to copy: the seeding made none" % payload_type)
        agg, typ, rev, payload, meta = line.split("|")
        rows[key] = dict(aggregate=agg, type=typ, revision=rev, payload=bytes.fromhex(payload).decode(),
                         meta=bytes.fromhex(meta) if meta else b"")
    return rows


def rewrite(template, new_id, fields):
    """The template's payload with its aggregate id replaced and some fields set (JSON, any nesting)."""
    text = template["payload"].replace(template["aggregate"], new_id)
    if not fields:
        return text.encode()
    doc = json.loads(text)
    for k, v in fields.items():
        if k in doc:
            doc[k] = v
    return json.dumps(doc, separators=(",", ":")).encode()


def copy_events(facts, rows, events, log):
    head = int(psql(facts, "select coalesce(max(global_index), 0) from domain_event_entry").strip())
    quarter = events // 4
    start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=30)
    run = uuid.uuid4().hex[:6]

    def lines():
        index = head
        products = []
        rnd = random.Random(7)
        for k in range(quarter):
            t = start + datetime.timedelta(milliseconds=2 * k)
            stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
            pid, oid = str(uuid.uuid4()), str(uuid.uuid4())
            products.append(pid)
            updated = products[rnd.randrange(len(products))]
            renamed.add(updated)
            batch = [
                ("product-created", pid, 0, {"sku": "B-%s-%d" % (run, k), "slug": "bench-%s-%d" % (run, k),
                                             "name": "Bench Lamp %d" % k}),
                ("product-updated", updated, None, {"sku": "B-%s-%d-u" % (run, k), "slug": "bench-%s-%d-u" % (run, k),
                                                    "name": "Bench Lamp %d (renamed)" % k}),
                ("order-placed", oid, 0, {"orderNumber": "ORD-%s%010d" % (run[:5], k)}),
                ("order-confirmed", oid, 1, {}),
            ]
            for key, agg, seq, fields in batch:
                index += 1
                row = rows[key]
                if seq is None:  # updates of one product: the next number of its stream
                    seq = sequences.get(agg, 0) + 1
                sequences[agg] = seq
                payload = rewrite(row, agg, fields)
                yield "\t".join([str(index), str(uuid.uuid4()), agg, str(seq), row["type"] or "\\N", stamp,
                                 TEMPLATES[key], row["revision"] or "\\N", "\\\\x" + payload.hex(),
                                 "\\\\x" + row["meta"].hex() if row["meta"] else "\\N"]) + "\n"

    sequences = {}
    renamed = set()
    t0 = time.time()
    proc = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(facts["pg_port"]),
                             "-U", "postgres", "-d", facts["pg_db"], "-c",
                             "\\copy domain_event_entry (%s) from stdin" % COLUMNS], stdin=subprocess.PIPE)
    buf, n = [], 0
    for line in lines():
        buf.append(line)
        n += 1
        if len(buf) >= 20_000:
            proc.stdin.write("".join(buf).encode())
            buf = []
            if n % 200_000 == 0:
                log("  %d events copied (%.0f s)" % (n, time.time() - t0))
    proc.stdin.write("".join(buf).encode())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError("COPY failed")
    new_head = head + n
    psql(facts, "select setval('domain_event_entry_global_index_seq', %d)" % new_head)
    token = json.dumps({"index": new_head, "gaps": []}).encode().hex()
    psql(facts, "update token_entry set token = decode('%s', 'hex'), "
                "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = null" % token)
    # as a log that has been stored a while: vacuumed (else autovacuum works through the copied million rows during
    # the rebuilds, on the same two cores) and analysed
    psql(facts, "vacuum (analyze) domain_event_entry")
    return dict(copied=n, head_before=head, head=new_head, products=quarter, orders=quarter, renamed=len(renamed),
                seconds=time.time() - t0)


COUNTS = {
    "product_view": "select count(*) from product_view",
    "renamed": "select count(*) from product_view where name like 'Bench Lamp %(renamed)'",
    "order_view": "select count(*) from order_view",
    "confirmed": "select count(*) from order_view where status = 'confirmed'",
    "order_line_view": "select count(*) from order_line_view",
    "order_history_view": "select count(*) from order_history_view",
    "confirmed_second": "select count(*) from order_history_view where seq = 1 and status = 'confirmed'",
}


def counts(facts):
    """What the read models hold: rows, and the rows the benchmark's events shape (renamed products, confirmations)."""
    return {k: int(psql(facts, q).strip()) for k, q in COUNTS.items()}


def kill_keeping_postgres(platform):
    """SIGKILL the app JVM after the watchdog that would stop its PostgreSQL; Elasticsearch dies with the JVM."""
    jvm = platform.proc.pid
    tree = children()
    for child in tree.get(jvm, []):
        try:
            with open("/proc/%d/cmdline" % child, "rb") as f:
                cmd = f.read().replace(b"\0", b" ")
        except OSError:
            continue
        if b"postmaster.pid" in cmd:
            os.kill(child, signal.SIGKILL)
    os.kill(jvm, signal.SIGKILL)
    platform.proc.wait()
    time.sleep(2)


def api(base, token, method, path):
    req = urllib.request.Request(base + path, method=method, data=b"" if method == "POST" else None,
                                 headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read() or b"null")


def rebuild(base, token, name, log):
    status, started = api(base, token, "POST", "/api/v1/admin/projections/%s/replay" % name)
    if status != 202:
        raise RuntimeError("replay of %s answered %d" % (name, status))
    t0, last = time.time(), None
    while True:
        time.sleep(2)
        _, listing = api(base, token, "GET", "/api/v1/admin/projections")
        # {items, total} since 2026-12-07, a bare array before
        entry = next(p for p in (listing["items"] if isinstance(listing, dict) else listing) if p["name"] == name)
        r = entry.get("rebuild") or {}
        if r.get("status") in ("done", "failed"):
            return r
        if time.time() - (last or 0) > 10:
            log("  %s: %s %.1f%%, %s events/s, ETA %s s" % (name, r.get("status"), r.get("percent", 0),
                                                          r.get("eventsPerSecond"), r.get("etaSeconds")))
            last = time.time()
        if time.time() - t0 > 3600:
            raise RuntimeError("%s not rebuilt within an hour" % name)


def seconds_between(a, b):
    parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return (parse(b) - parse(a)).total_seconds()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--java", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--out")
    p.add_argument("--keep", action="store_true", help="leave the platform running afterwards")
    p.add_argument("--jvm-option", action="append", default=[], help="one more JVM flag (e.g. a flight recording)")
    a = p.parse_args()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = os.path.abspath(a.out or os.path.join(HERE, "out", "replay-" + stamp))
    os.makedirs(out, exist_ok=True)
    data_dir = tempfile.mkdtemp(prefix="stoa-bench-replay-")
    platform = Platform(a.java, os.path.abspath(a.jar), data_dir, free_port(), out,
                        read_jvm_options(os.path.join(HERE, "jvm.options")) + a.jvm_option)
    results = {"events": a.events, "out": out}
    try:
        facts = platform.start("seed")
        seeder = seeding.Seeder(platform.base, facts["admin_token"], 4, random.Random(42), say)
        seeder.seed_categories(2)
        seeder.seed_products(20)
        seeder.seed_people(4, 1)
        seeder.fund(seeder.customers)
        say("seeded %d orders" % seeder.seed_orders(seeder.customers))
        time.sleep(3)  # the products' updates and the orders' confirmations
        seeder.admin("update", "PUT", "/api/v1/products/%s" % seeder.products[0]["id"],
                     dict(seeder.product_body(0, "UPD")[0]))
        time.sleep(2)
        rows = templates(facts)
        before = counts(facts)
        lines_per_order = len(json.loads(rows["order-placed"]["payload"])["lines"])
        kill_keeping_postgres(platform)
        say("copying %d events into the store" % a.events)
        results["copy"] = copy_events(facts, rows, a.events, say)
        say("copied %(copied)d events in %(seconds).0f s; head %(head)d" % results["copy"])

        facts = platform.start("replay")
        token = facts["admin_token"]
        for name in ("product-read-model", "order-read-model"):
            say("rebuilding %s" % name)
            r = rebuild(platform.base, token, name, say)
            if r["status"] != "done":
                raise RuntimeError("%s: %s" % (name, r.get("error")))
            took = seconds_between(r["startedAt"], r["finishedAt"])
            own = results["copy"]["products" if name.startswith("product") else "orders"] * 2
            results[name] = dict(rebuild=r, seconds=took, events_read_per_s=r["eventsReplayed"] / took,
                                 own_events=own, own_events_per_s=own / took)
            say("  %s: %d events read in %.1f s = %.0f events/s (its own %d events: %.0f/s)" % (
                name, r["eventsReplayed"], took, r["eventsReplayed"] / took, own, own / took))
        results["rows"] = counts(facts)
        say("rows after the rebuilds: %s" % results["rows"])
        n = results["copy"]["orders"]
        expected = dict(product_view=before["product_view"] + results["copy"]["products"],
                        renamed=results["copy"]["renamed"],
                        order_view=before["order_view"] + n, confirmed=before["confirmed"] + n,
                        order_line_view=before["order_line_view"] + n * lines_per_order,
                        order_history_view=before["order_history_view"] + 2 * n,
                        confirmed_second=before["confirmed_second"] + n)
        results["expected_rows"] = expected
        if results["rows"] != expected:
            raise RuntimeError("the rebuilt tables differ from what the events say: %s, expected %s"
                               % (results["rows"], expected))
    finally:
        with open(os.path.join(out, "results.json"), "w") as f:
            json.dump(results, f, indent=2, default=str)
        if a.keep:
            say("--keep: platform on %s (pid %d), data %s" % (platform.base, platform.proc.pid, data_dir))
        else:
            try:
                platform.stop()
            finally:
                shutil.rmtree(data_dir, ignore_errors=True)
    say("results: %s/results.json" % out)


if __name__ == "__main__":
    main()
