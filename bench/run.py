#!/usr/bin/env python3
"""The driver of bench/run (which finds the JDK, wrk, pgbench and the jar, then calls this with them).

One run: start the platform from its jar on a fresh data directory (start to healthy measured), seed a realistic
catalog through the API (seed.py), stop it and start it again on the same data (start-up with existing data), run
every scenario with wrk (a warm-up, then the measured run; scripts in bench/wrk/), sample the resident memory of the
app, its Elasticsearch and its PostgreSQL meanwhile, measure pgbench's primary-key reads (-S) and single-row commits
against the same PostgreSQL (its own database, pgbench_ceiling), stop it and start it once more on a new data
directory with the cache or archive the first start made (start-up, fresh data, cache made), and write results.md,
results.json and chart.svg into the output directory. Prints the table at the end. Standard library only.
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import platform as platform_mod
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from write_throughput import (children, machine_busy_seconds, postmasters, sample,  # noqa: E402
                             threads as thread_seconds)
import seed as seeding  # noqa: E402
import report  # noqa: E402

GIB = 1024 ** 3
# distinct searches for each phase (warm-up, run) of search-new: more than it answers in either (a few thousand a second)
SEARCH_NEW_PER_PHASE = 150_000
# distinct list pages for each phase of list-new: more than it answers in either (hundreds a second)
LIST_NEW_PER_PHASE = 100_000

# scenarios that ask the same reads again and again: measured once each is kept and the JIT is done with their path
# (Scenarios.until_kept): rounds of 10 s, at most 180 s, until one has no answer from the handler and the app's
# compiler threads used under 0.02 cores in it
REPEATED = {"product-detail", "product-list", "search", "suggest"}
UNTIL_KEPT_ROUND_S, UNTIL_KEPT_MAX_S, JIT_DONE_CORES = 10, 180, 0.02

# detail-orders, list-orders, search-orders: the reads of product-detail, product-list and search, while this many
# funded buyers place orders (checkout.lua) the whole time, warm-up included: every order changes some product's
# stock, as in a shop that sells
ORDERING_BUYERS = 8


def compiler_seconds(pid):
    """CPU seconds the JVM's JIT compiler threads (C1, C2) of process pid have used so far."""
    return thread_seconds(pid).get("C CompilerThre", 0.0)  # "C1 CompilerThre" and "C2 …", their numbers dropped


# key, label, wrk script, connections, wrk threads, wrk --timeout, kind (read: ceiling pgbench -S; write: commits)
SCENARIOS = [
    ("product-detail", "GET /products/{id}", "get.lua", 200, 2, "2s", "read"),
    ("detail-orders", "GET /products/{id} while %d buyers order" % ORDERING_BUYERS, "get.lua", 200, 2, "2s", "read"),
    ("product-list", "GET /products?brand=..&sort=-price", "get.lua", 200, 2, "2s", "read"),
    ("list-orders", "GET /products?brand=..&sort=-price while %d buyers order" % ORDERING_BUYERS, "get.lua", 200, 2,
     "2s", "read"),
    ("list-new", "GET /products?brand=..&maxPrice=.., every page new", "get.lua", 200, 2, "2s", "read"),
    ("search", "GET /search (typos, facets)", "get.lua", 100, 2, "2s", "read"),
    ("search-orders", "GET /search while %d buyers order" % ORDERING_BUYERS, "get.lua", 100, 2, "2s", "read"),
    ("search-new", "GET /search, every query new", "get.lua", 100, 2, "2s", "read"),
    ("suggest", "GET /suggest (prefix, typos)", "get.lua", 100, 2, "2s", "read"),
    ("cart", "cart writes (add, change, remove)", "cart.lua", 32, 32, "10s", "write"),
    ("checkout", "checkout (cart add + POST /orders, wallet)", "checkout.lua", 32, 32, "10s", "write"),
    ("enroll", "enrollment (free course)", "enroll.lua", 32, 32, "10s", "write"),
    ("login", "POST /auth/login", "login.lua", 16, 2, "10s", "write"),
]



def say(*args):
    print("[%s]" % time.strftime("%H:%M:%S"), *args, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the platform -------------------------------------------------------------------------------------------------
class Platform:
    """The jar started as a child of this process, on one data directory and port."""

    def __init__(self, java, jar, data_dir, port, out, jvm_options, app_args=()):
        self.java, self.jar, self.data_dir, self.port, self.out = java, jar, data_dir, port, out
        self.jvm_options, self.app_args = jvm_options, list(app_args)
        self.base = "http://127.0.0.1:%d" % port
        self.proc, self.log_path, self.starts = None, None, 0

    def start(self, label):
        self.starts += 1
        self.log_path = os.path.join(self.out, "app-%d-%s.log" % (self.starts, label))
        cmd = [self.java, *self.jvm_options, "-jar", self.jar, "--stoa.data-dir=" + self.data_dir,
               "--server.port=%d" % self.port,
               # every client of the benchmark comes from this one address (as bench/checkout.sh)
               "--stoa.rate-limit.auth.requests=1000000", "--stoa.rate-limit.redeem.user-requests=1000000",
               "--stoa.rate-limit.redeem.address-requests=1000000", *self.app_args]
        t0 = time.time()
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        healthy = self.wait_healthy(t0)
        info = self.log_facts()
        info["healthy_s"] = healthy
        say("%s start: healthy after %.1f s (pid %d, log %s)" % (label, healthy, self.proc.pid, self.log_path))
        return info

    def wait_healthy(self, t0, limit=300):
        while time.time() - t0 < limit:
            if self.proc.poll() is not None:
                raise RuntimeError("the app exited (%s) before it was healthy; see %s\n%s" % (
                    self.proc.returncode, self.log_path, self.log_tail()))
            try:
                with urllib.request.urlopen(self.base + "/actuator/health", timeout=2) as r:
                    if r.status == 200 and json.loads(r.read()).get("status") == "UP":
                        return time.time() - t0
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        raise RuntimeError("not healthy after %d s; see %s" % (limit, self.log_path))

    def log_tail(self, n=30):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-n:])

    def log_facts(self, wait=60):
        """The admin token, the JDBC URL and Spring's own start-up time, from the 'Stoa is up' block of the log."""
        facts, t0 = {}, time.time()
        while time.time() - t0 < wait:
            with open(self.log_path, errors="replace") as f:
                text = f.read()
            m = re.search(r"Started StoaApplication in ([\d.]+) seconds", text)
            if m:
                facts["spring_started_s"] = float(m.group(1))
            m = re.search(r"jdbc:postgresql://([\w.\-]+):(\d+)/(\w+)", text)
            if m:
                facts["pg_host"], facts["pg_port"], facts["pg_db"] = m.group(1), int(m.group(2)), m.group(3)
            m = re.search(r"Authorization: Bearer (\S+)", text)
            if m:
                facts["admin_token"] = m.group(1)
            if "admin_token" in facts and "pg_port" in facts:
                break
            time.sleep(0.5)
        if "admin_token" not in facts or "pg_port" not in facts:
            raise RuntimeError("no admin token or JDBC URL in %s" % self.log_path)
        return facts

    def pids(self):
        """Every process of the platform by part: the app JVM, its descendants, its PostgreSQL (found by data dir)."""
        if not self.proc or self.proc.poll() is not None:
            return {}
        tree = children()
        parts = {"app": [self.proc.pid], "elasticsearch": [], "postgres": [], "other": []}
        todo = list(tree.get(self.proc.pid, []))
        while todo:
            pid = todo.pop()
            todo.extend(tree.get(pid, []))
            cmd = cmdline(pid)
            parts["postgres" if "postgres" in cmd else "elasticsearch" if "java" in cmd else "other"].append(pid)
        todo = postmasters(self.data_dir)
        while todo:
            pid = todo.pop()
            todo.extend(tree.get(pid, []))
            if pid not in parts["postgres"]:
                parts["postgres"].append(pid)
        return parts

    def stop(self):
        if not self.proc or self.proc.poll() is not None:
            return 0.0
        t0 = time.time()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(90)
        except subprocess.TimeoutExpired:
            say("the app did not stop in 90 s: killed")
            self.proc.kill()
            self.proc.wait()
        for _ in range(300):  # PostgreSQL and Elasticsearch stop after the app (watchdogs)
            if not self.leftovers():
                break
            time.sleep(0.1)
        for pid in self.leftovers():
            say("killing left-over process %d (%s)" % (pid, cmdline(pid)[:80]))
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        return time.time() - t0

    def leftovers(self):
        """Processes still running on this data directory (PostgreSQL, Elasticsearch), by their command line."""
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            if int(pid) != os.getpid() and self.data_dir in cmdline(int(pid)):
                found.append(int(pid))
        return found


def cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


# --- memory ----------------------------------------------------------------------------------------------------
def memory_of(pid):
    """(RSS, PSS) in bytes; PSS splits shared pages (PostgreSQL's shared buffers) among the processes mapping them."""
    rss = pss = 0
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


class MemorySampler(threading.Thread):
    """Samples the platform's resident memory once a second; peaks per part, of the total, and per phase."""

    def __init__(self, platform, interval=1.0):
        super().__init__(daemon=True)
        self.platform, self.interval = platform, interval
        self.stop_event = threading.Event()
        self.phase, self.samples = "idle", []
        self.lock = threading.Lock()

    def run(self):
        while not self.stop_event.is_set():
            parts = self.platform.pids()
            row = {"t": time.time(), "phase": self.phase}
            for part, pids in parts.items():
                rss = pss = 0
                for pid in pids:
                    r, p = memory_of(pid)
                    rss, pss = rss + r, pss + p
                row[part] = {"rss": rss, "pss": pss}
            if parts:
                row["total"] = {k: sum(row[p][k] for p in parts) for k in ("rss", "pss")}
                with self.lock:
                    self.samples.append(row)
            self.stop_event.wait(self.interval)

    def peaks(self, phase=None):
        with self.lock:
            rows = [r for r in self.samples if phase is None or r["phase"] == phase]
        if not rows:
            return {}
        out = {}
        for part in ("app", "elasticsearch", "postgres", "other", "total"):
            for k in ("rss", "pss"):
                out.setdefault(part, {})[k] = max(r.get(part, {}).get(k, 0) for r in rows)
        out["samples"] = len(rows)
        return out


# --- wrk ---------------------------------------------------------------------------------------------------------
def run_wrk(base, script, connections, threads, seconds, timeout, data_dir, env_extra=None):
    env = dict(os.environ, STOA_WRK_DATA=data_dir, **(env_extra or {}))
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", "%ds" % seconds, "--timeout", timeout,
           "-s", os.path.join(HERE, "wrk", script), base]
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = next((l for l in out.stdout.splitlines() if l.startswith("WRK_JSON ")), None)
    if line is None:
        raise RuntimeError("wrk gave no result (exit %d):\n%s" % (out.returncode, out.stdout[-3000:]))
    result = json.loads(line[len("WRK_JSON "):])
    result["wrk_output"] = out.stdout
    return result


def write_lines(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def typo(word, rnd):
    if len(word) < 5:
        return word
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.choice(("drop", "swap", "replace"))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rnd.choice("aeiourstn") + word[i + 1:]


class Scenarios:
    """Prepares each scenario's data files and runs it: warm-up, then the measured run with CPU sampled."""

    def __init__(self, platform, seeder, out, warmup, duration, memory, rnd):
        self.platform, self.seeder, self.out = platform, seeder, out
        self.warmup, self.duration, self.memory, self.rnd = warmup, duration, memory, rnd
        self.first = True  # the first scenario after the start warms up three times as long: the JIT is cold
        self.background = None  # (script, connections, data dir, env) of a load beside the next scenario (prepare_*)

    def warmup_seconds(self):
        return self.warmup * (3 if self.first else 1)

    def data_dir(self, name):
        d = os.path.join(self.out, "wrk-data", name)
        os.makedirs(d, exist_ok=True)
        return d

    # each prepare_* answers (data dir for the warm-up, data dir for the run, extra env, connections, notes)
    def prepare_get(self, name, paths):
        d = self.data_dir(name)
        write_lines(os.path.join(d, "paths.txt"), paths)
        return d, d, {"STOA_WRK_PATHS": "paths.txt"}

    def detail_paths(self):
        return ["/api/v1/products/" + p["id"] for p in self.seeder.products]

    def prepare_product_detail(self, conns):
        return self.prepare_get("product-detail", self.detail_paths()), conns

    def buyers_beside(self, name):
        """ORDERING_BUYERS buyers ordering beside the scenario (self.background; funded ones the checkout scenario
        does not take first: it takes them from the other end)."""
        funded = [u for u in self.seeder.customers if u["funded"] and u.get("addressId")]
        (bg_dir, _, bg_env), buyers = self.prepare_per_user(name + "-buyers", funded, ORDERING_BUYERS)
        self.background = ("checkout.lua", buyers, bg_dir, bg_env)

    def reads_beside_orders(self, name, paths, conns):
        self.buyers_beside(name)
        return self.prepare_get(name, paths), conns

    def prepare_detail_orders(self, conns):
        return self.reads_beside_orders("detail-orders", self.detail_paths(), conns)

    def prepare_list_orders(self, conns):
        return self.reads_beside_orders("list-orders", self.list_paths(), conns)

    def list_paths(self):
        brands = sorted({p["brand"] for p in self.seeder.products})
        return ["/api/v1/products?brand=%s&sort=-price&limit=20" % urllib.parse.quote(b) for b in brands]

    def prepare_product_list(self, conns):
        return self.prepare_get("product-list", self.list_paths()), conns

    def prepare_list_new(self, conns):
        """Pages of the list never asked before, in the warm-up or the run: a brand, a sort and a price ceiling no other
        path has (each path once, as search-new): nothing kept answers them, each costs the handler its queries."""
        rnd = random.Random(10)
        brands = sorted({p["brand"] for p in self.seeder.products})
        per_brand = -(-2 * LIST_NEW_PER_PHASE // len(brands))
        pairs = [(b, 500 + i) for b in brands for i in range(per_brand)]
        rnd.shuffle(pairs)
        paths = ["/api/v1/products?" + urllib.parse.urlencode(
            {"brand": b, "sort": rnd.choice(["price", "-price", "newest", "rating"]), "maxPrice": ceiling, "limit": 20})
            for b, ceiling in pairs[:2 * LIST_NEW_PER_PHASE]]
        return self.each_once("list-new", paths), conns

    def each_once(self, name, paths):
        """The first half of the paths for the warm-up, the second for the run, each asked once (get.lua,
        STOA_WRK_EACH_ONCE): the scenario's data directories and wrk's environment."""
        half = len(paths) // 2
        warm, run = self.data_dir(name + "-warmup"), self.data_dir(name)
        write_lines(os.path.join(warm, "paths.txt"), paths[:half])
        write_lines(os.path.join(run, "paths.txt"), paths[half:])
        return warm, run, {"STOA_WRK_PATHS": "paths.txt", "STOA_WRK_EACH_ONCE": "2"}

    def search_paths(self, rnd, count, unique=False):
        paths, seen = [], set()
        products = self.seeder.products
        while len(paths) < count:
            p = rnd.choice(products)
            words = p["name"].split()[1:3]  # adjective and noun, as a shopper types them
            q = " ".join(typo(w.lower(), rnd) for w in words) if rnd.random() < 0.8 else typo(words[1].lower(), rnd)
            params = {"q": q, "limit": "20"}
            r = rnd.random()
            if r < 0.2:
                params["brand"] = p["brand"]
            elif r < 0.4:
                params["categoryId"] = p["category"]
            elif r < 0.55:
                params["minPrice"], params["maxPrice"] = "1000", "20000"
            elif r < 0.65:
                params["type"] = "product"
            path = "/api/v1/search?" + urllib.parse.urlencode(params)
            if unique and path in seen:
                continue
            seen.add(path)
            paths.append(path)
        return paths

    def repeated_search_paths(self):
        return self.search_paths(random.Random(7), 2000)

    def prepare_search(self, conns):
        return self.prepare_get("search", self.repeated_search_paths()), conns

    def prepare_search_orders(self, conns):
        return self.reads_beside_orders("search-orders", self.repeated_search_paths(), conns)

    def prepare_search_new(self, conns):
        """Searches never asked before, in the warm-up or the run: each path once (get.lua, STOA_WRK_EACH_ONCE)."""
        paths = self.search_paths(random.Random(9), 2 * SEARCH_NEW_PER_PHASE, unique=True)
        return self.each_once("search-new", paths), conns

    def prepare_suggest(self, conns):
        rnd, paths = random.Random(8), []
        words = sorted({w for p in self.seeder.products for w in p["name"].split()[:3]}
                       | {c["title"].split()[0] for c in self.seeder.courses})
        for _ in range(1000):
            w = rnd.choice(words).lower()
            prefix = w[:rnd.randint(3, min(6, len(w)))]
            if rnd.random() < 0.2 and len(prefix) >= 5:
                prefix = typo(prefix, rnd)
            paths.append("/api/v1/suggest?" + urllib.parse.urlencode({"prefix": prefix, "limit": "10"}))
        return self.prepare_get("suggest", paths), conns

    def prepare_per_user(self, name, users, conns):
        """One user per connection (tokens refreshed now), and the products in stock."""
        conns = min(conns, len(users))
        users = users[:conns]
        self.seeder.refresh_all(users)
        d = self.data_dir(name)
        for i, u in enumerate(users, 1):
            write_lines(os.path.join(d, "conn-%d.txt" % i), [u["access"]])
        write_lines(os.path.join(d, "products.txt"), [p["id"] for p in self.seeder.in_stock()])
        return (d, d, {}), conns

    def prepare_cart(self, conns):
        return self.prepare_per_user("cart", self.seeder.customers, conns)

    def prepare_checkout(self, conns):
        funded = [u for u in self.seeder.customers if u["funded"] and u.get("addressId")]
        return self.prepare_per_user("checkout", list(reversed(funded)), conns)

    def prepare_enroll(self, conns):
        """Fresh (user, free course) pairs, split between the warm-up and the run, one user per connection."""
        free = [c["id"] for c in self.seeder.courses if c["free"]]
        customers = self.seeder.customers
        conns = min(conns, len(customers))
        fresh_per_user = max(1, len(free) - 1)
        warmup = self.warmup_seconds()
        wanted = 1000 * (warmup + self.duration)  # generous: about 3 times the rate seen on 2 cores
        users = customers[:max(conns, min(len(customers), -(-wanted // fresh_per_user)))]
        self.seeder.refresh_all(users)
        share = warmup / float(warmup + self.duration) if warmup + self.duration else 0.0
        warm, run = [[] for _ in range(conns)], [[] for _ in range(conns)]
        rnd = random.Random(9)
        for n, u in enumerate(users):
            mine = [c for c in free if c not in u["enrolled"]]
            rnd.shuffle(mine)
            cut = int(round(len(mine) * share))
            warm[n % conns] += ["%s %s" % (u["access"], c) for c in mine[:cut]]
            run[n % conns] += ["%s %s" % (u["access"], c) for c in mine[cut:]]
            u["enrolled"].update(mine)  # taken by this scenario, whether or not the run gets to them
        dw, dr = self.data_dir("enroll-warmup"), self.data_dir("enroll")
        for i in range(conns):
            for d, lists in ((dw, warm), (dr, run)):
                lst = lists[i]
                rnd.shuffle(lst)
                write_lines(os.path.join(d, "conn-%d.txt" % (i + 1)), lst or ["x x"])
        self.enroll_pairs = sum(len(x) for x in run)
        return (dw, dr, {}), conns

    def prepare_login(self, conns):
        d = self.data_dir("login")
        write_lines(os.path.join(d, "logins.txt"), [u["email"] for u in self.seeder.customers])
        return (d, d, {"STOA_PASSWORD": seeding.PASSWORD}), conns

    def run(self, key, label, script, conns, threads, timeout, kind):
        try:
            return self.measure(key, label, script, conns, threads, timeout, kind)
        finally:
            self.forget_tokens()

    def forget_tokens(self):
        """Deletes the access tokens the stateful scripts read (conn-<n>.txt): wrk read them when it started, and no
        token rests in the output directory once its scenario is over."""
        for path in glob.glob(os.path.join(self.out, "wrk-data", "*", "conn-*.txt")):
            os.remove(path)

    def measure(self, key, label, script, conns, threads, timeout, kind):
        prepare = getattr(self, "prepare_" + key.replace("-", "_"))
        (warm_dir, run_dir, env), conns = prepare(conns)
        threads = min(threads, conns)
        if script in ("cart.lua", "checkout.lua", "enroll.lua"):
            threads = conns  # one connection per thread: the thread's Lua state is its connection's
        background = self.start_background(self.warmup_seconds() if self.warmup else 0)
        extra = 0
        if self.warmup:
            self.memory.phase = key + " warm-up"
            run_wrk(self.platform.base, script, conns, threads, self.warmup_seconds(), timeout, warm_dir, env)
            if key in REPEATED:
                extra = self.until_kept(script, conns, threads, timeout, warm_dir, env)
        self.first = False
        self.memory.phase = key
        answers0 = self.catalog_answers() if kind == "read" else None
        parts0, busy0, own0 = self.cpu_sample(), machine_busy_seconds(), os.times()
        result = run_wrk(self.platform.base, script, conns, threads, self.duration, timeout, run_dir, env)
        parts1, busy1, own1 = self.cpu_sample(), machine_busy_seconds(), os.times()
        answers1 = self.catalog_answers() if kind == "read" else None
        self.memory.phase = "between"
        secs = result["duration_s"]
        cpu = {p: (parts1.get(p, 0) - parts0.get(p, 0)) / secs for p in set(parts0) | set(parts1)}
        cpu["wrk"] = ((own1.children_user + own1.children_system) - (own0.children_user + own0.children_system)) / secs
        ours = sum(cpu.values())
        cpu["others"] = max(0.0, (busy1 - busy0) / secs - ours)
        result.update(key=key, label=label, script=script, connections=conns, threads=threads, timeout=timeout,
                      kind=kind, cpu_cores=cpu, memory=self.memory.peaks(key), warmup_extra_s=extra)
        if background:
            result["background"] = self.finish_background(background)
        if key == "enroll":
            result["pairs"] = self.enroll_pairs
        c = result["counters"]
        if answers0 and answers1:  # catalog reads answered from kept bytes, and by the handler (stoa.catalog.answers)
            for source in answers1:
                c["answers_" + source] = int(answers1[source] - answers0.get(source, 0))
        if key == "checkout":
            result["orders_per_s"] = c.get("orders_placed", 0) / secs
        if key == "enroll":
            result["enrolled_per_s"] = c.get("enrolled", 0) / secs
        say("%-15s %4d conns  %8.1f req/s  p50 %s  p95 %s  p99 %s  non-2xx %d  socket %d  time-outs %d  %s"
            % (key, conns, result["rps"], report.ms(result["p50_ms"], timeout), report.ms(result["p95_ms"], timeout),
               report.ms(result["p99_ms"], timeout), result["non2xx"],
               result["connect_errors"] + result["read_errors"] + result["write_errors"], result["timeouts"],
               json.dumps(result["statuses"])))
        return result

    def start_background(self, warmup):
        """The scenario's background load (prepare_* set self.background), started now for its warm-up and measured
        run; None when it has none."""
        spec, self.background = self.background, None
        if spec is None:
            return None
        script, conns, data_dir, env = spec
        box = {}
        seconds = warmup + self.duration + 2  # outlasts the measured run
        thread = threading.Thread(target=lambda: box.update(result=run_wrk(
            self.platform.base, script, conns, conns, seconds, "10s", data_dir, env)), daemon=True)
        thread.start()
        return thread, box, script, conns

    @staticmethod
    def finish_background(background):
        """What the background load did over its whole span (warm-up included): its rate and counters."""
        thread, box, script, conns = background
        thread.join()
        r = box.get("result")
        if r is None:
            return {"script": script, "connections": conns, "failed": True}
        secs = r["duration_s"]
        placed = r["counters"].get("orders_placed", 0)
        say("  beside it: %d buyers placed %d orders (%.1f/s), p99 %s" % (conns, placed, placed / secs,
                                                                          report.ms(r["p99_ms"], "10s")))
        return {"script": script, "connections": conns, "duration_s": secs, "rps": r["rps"], "p99_ms": r["p99_ms"],
                "counters": r["counters"], "statuses": r["statuses"], "orders_per_s": placed / secs}

    def until_kept(self, script, conns, threads, timeout, warm_dir, env):
        """Warms up further, in rounds of UNTIL_KEPT_ROUND_S, until a round has no answer from the handler and the
        app's JIT compiler threads used under JIT_DONE_CORES in it: the scenario measures its reads once every
        distinct one is kept and their path compiled. Filling takes one answer of the handler per distinct read, at
        the pace of what answers it (Elasticsearch for a search) while the kept reads run at full load around it; and
        under that load the compiler threads get a small share of the 2 cores, so the first scenario after a start
        ran at half speed for minutes. Answers the seconds added (at most UNTIL_KEPT_MAX_S)."""
        extra = 0
        while extra < UNTIL_KEPT_MAX_S:
            before, jit0 = self.catalog_answers(), compiler_seconds(self.platform.proc.pid)
            if before is None:
                return extra  # no such metric (an older platform): the warm-up as given
            run_wrk(self.platform.base, script, conns, threads, UNTIL_KEPT_ROUND_S, timeout, warm_dir, env)
            extra += UNTIL_KEPT_ROUND_S
            after, jit = self.catalog_answers(), (compiler_seconds(self.platform.proc.pid) - jit0) / UNTIL_KEPT_ROUND_S
            handled = after["handler"] - before.get("handler", 0) if after else 0
            if handled == 0 and jit < JIT_DONE_CORES:
                break
            say("  %d reads not kept yet, the JIT at %.2f cores: %d s more warm-up"
                % (handled, jit, UNTIL_KEPT_ROUND_S))
        return extra

    def catalog_answers(self):
        """The app's count of catalog answers by source (kept, handler), or None when it has no such metric."""
        counts = {}
        for source in ("kept", "handler"):
            req = urllib.request.Request(self.platform.base + "/actuator/metrics/stoa.catalog.answers?tag=source:" + source,
                                         headers={"Authorization": "Bearer " + self.seeder.admin_token})
            try:
                with urllib.request.urlopen(req, timeout=5) as r:
                    body = json.load(r)
            except Exception:
                return None
            counts[source] = sum(m["value"] for m in body.get("measurements", []) if m.get("statistic") == "COUNT")
        return counts

    def cpu_sample(self):
        s = sample(self.platform.proc.pid, self.platform.data_dir)
        s.pop("gone", None)
        return s


# --- pgbench -------------------------------------------------------------------------------------------------------
COMMIT_SCRIPT = """\\set aid random(1, 100000 * :scale)
\\set delta random(-5000, 5000)
UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
"""


def pg_env(facts):
    """psql's and pgbench's environment for the platform's PostgreSQL."""
    return dict(os.environ, PGHOST=facts["pg_host"] if facts["pg_host"] != "localhost" else "127.0.0.1",
                PGPORT=str(facts["pg_port"]), PGUSER="postgres")


def wait_for_mail(facts, say, limit=900):
    """Seconds until the mail the seeding caused is delivered (nothing pending in mail_outbox). The embedded SMTP server
    takes about ten a second and the seeding queues thousands (sign-ups, orders, enrollments): without this wait, the
    backlog went out during the first scenarios after the restart, beside product detail's measured minute."""
    env = pg_env(facts)
    t0, said = time.time(), 0.0
    while True:
        r = subprocess.run(["psql", "-Atq", "-d", facts["pg_db"], "-c",
                            "select count(*) from mail_outbox where status = 'pending'"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            raise RuntimeError("psql failed (%d): %s" % (r.returncode, r.stdout[-500:]))
        pending = int(r.stdout.strip())
        waited = time.time() - t0
        if pending == 0:
            return waited
        if waited > limit:
            say("  %d mails still pending after %.0f s; going on" % (pending, waited))
            return waited
        if waited - said >= 30:
            say("  %d mails still pending (%.0f s)" % (pending, waited))
            said = waited
        time.sleep(2)


def pgbench_ceilings(facts, out, seconds, warmup, clients=16):
    env = pg_env(facts)
    db = "pgbench_ceiling"
    log = open(os.path.join(out, "pgbench.log"), "a")

    def run(cmd, check=True):
        log.write("$ %s\n" % " ".join(cmd))
        log.flush()
        r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log.write(r.stdout)
        log.flush()
        if check and r.returncode != 0:
            raise RuntimeError("%s failed (%d):\n%s" % (cmd[0], r.returncode, r.stdout[-2000:]))
        return r.stdout

    run(["dropdb", "--if-exists", db], check=False)
    run(["createdb", db])
    t0 = time.time()
    run(["pgbench", "-i", "-s", "10", "-q", db])
    init_s = time.time() - t0
    script = os.path.join(out, "pgbench-commit.sql")
    with open(script, "w") as f:
        f.write(COMMIT_SCRIPT)
    results = {"init_s": init_s, "clients": clients, "scale": 10}
    pg_dir = os.path.join(out, "pgbench-logs")
    os.makedirs(pg_dir, exist_ok=True)
    for key, args, rate in (("read", ["-S"], "0.05"), ("commit", ["-f", script], "1")):
        if warmup:
            run(["pgbench", "-n", *args, "-c", str(clients), "-j", "2", "-T", str(min(warmup, 5)), db])
        prefix = os.path.join(pg_dir, key)
        text = run(["pgbench", "-n", *args, "-c", str(clients), "-j", "2", "-T", str(seconds), "-l",
                    "--sampling-rate", rate, "--log-prefix", prefix, db])
        m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", text)
        failed = re.search(r"number of failed transactions: (\d+)", text)
        lat = []
        for path in glob.glob(prefix + ".*"):
            with open(path) as f:
                for line in f:
                    fields = line.split()
                    if len(fields) >= 3:
                        lat.append(int(fields[2]) / 1000.0)
        lat.sort()
        pick = lambda q: lat[min(len(lat) - 1, int(len(lat) * q))] if lat else float("nan")  # noqa: E731
        results[key] = {"tps": float(m.group(1)) if m else float("nan"), "p50_ms": pick(0.5), "p95_ms": pick(0.95),
                        "p99_ms": pick(0.99), "failed": int(failed.group(1)) if failed else 0,
                        "samples": len(lat), "sampling_rate": float(rate)}
        say("pgbench %-6s %9.1f tps  p50 %.2f  p95 %.2f  p99 %.2f ms" % (
            key, results[key]["tps"], pick(0.5), pick(0.95), pick(0.99)))
    log.close()
    return results


# --- the machine ---------------------------------------------------------------------------------------------------
def machine_facts(java, jar, jvm_options):
    facts = {"date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
             "cores": os.cpu_count(), "kernel": platform_mod.release(), "python": platform_mod.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            facts["cpu"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
        with open("/proc/meminfo") as f:
            facts["memory_gib"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
        facts["loadavg_at_start"] = open("/proc/loadavg").read().split()[:3]
    except OSError:
        pass
    r = subprocess.run([java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    facts["java"] = java
    # the line naming the version (JAVA_TOOL_OPTIONS makes the JVM print "Picked up ..." first)
    facts["java_version"] = next((l for l in r.stdout.splitlines() if 'version "' in l), "?")
    facts["jar"] = jar
    facts["jar_mtime"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime(os.path.getmtime(jar)))
    h = hashlib.sha256()
    with open(jar, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    facts["jar_sha256"] = h.hexdigest()[:16]
    r = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True)
    facts["commit"] = r.stdout.strip() or "?"
    # a jar built from a tree with changes not yet committed is not the commit's: say so (bench/ itself aside)
    r = subprocess.run(["git", "-C", os.path.dirname(HERE), "status", "--porcelain", "--untracked-files=no", "--",
                        ".", ":(exclude)bench"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if r.returncode == 0 and r.stdout.strip():
        facts["commit"] += " with uncommitted changes"
    facts["jvm_options"] = jvm_options
    for tool in ("wrk", "pgbench"):
        r = subprocess.run([tool, "--version"] if tool == "pgbench" else [tool, "-v"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        facts[tool] = r.stdout.splitlines()[0] if r.stdout else "?"
    return facts


def class_data_sharing(java, jar, out, aot):
    """The jar extracted into out/app (java -Djarmode=tools ... extract) and the JVM flags of the first start and of the
    later ones: the way README "Start-up time" runs the jar. With aot (JDK 25 or newer), an ahead-of-time cache
    (stoa.aot, JEP 483 and 514): the first start is its training run (-XX:AOTCacheOutput), and the JVM assembles the
    cache when that start stops (after seeding); every later start maps it (-XX:AOTCache). Otherwise a dynamic
    class-data archive (stoa.jsa), written when the first start stops and used by every later start
    (-XX:+AutoCreateSharedArchive does both). The start with existing data is measured with it."""
    app_dir = os.path.join(out, "app")
    subprocess.run([java, "-Djarmode=tools", "-jar", jar, "extract", "--force", "--destination", app_dir],
                   check=True, stdout=subprocess.DEVNULL)
    launch = os.path.join(app_dir, os.path.basename(jar))
    if aot:
        cache = os.path.join(app_dir, "stoa.aot")
        quiet = ["-Xlog:aot=error", "-Xlog:aot+codecache+stubs=off"]  # as README "Start-up time"
        return launch, cache, ["-XX:AOTCacheOutput=" + cache], ["-XX:AOTCache=" + cache, *quiet]
    archive = os.path.join(app_dir, "stoa.jsa")
    flags = ["-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
             "-Xlog:cds+dynamic=off"]
    return launch, archive, flags, flags


def java_feature(version_line):
    """The feature release (21, 25, ...) from the first line of java -version: openjdk version "25.0.3" 2026-04-21."""
    m = re.search(r'version "(\d+)', version_line)
    return int(m.group(1)) if m else 0


def read_jvm_options(path):
    if not os.path.exists(path):
        return []
    opts = []
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip() if not line.strip().startswith("#") else ""
            if line:
                opts.append(line)
    return opts


# --- main ----------------------------------------------------------------------------------------------------------
def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--java", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--duration", type=int)
    p.add_argument("--warmup", type=int)
    p.add_argument("--out")
    p.add_argument("--keep", action="store_true")
    p.add_argument("--scenarios", help="comma-separated subset of: " + ",".join(s[0] for s in SCENARIOS))
    p.add_argument("--concurrency", type=int, default=16, help="seeding threads")
    p.add_argument("--app-arg", action="append", default=[], help="one more argument of the app (an experiment's "
                   "setting, e.g. --app-arg=--spring.datasource.hikari.maximum-pool-size=12); repeatable")
    p.add_argument("--no-cds", action="store_true", help="run the jar as it is, without the class-data archive")
    p.add_argument("--no-aot", action="store_true", help="on JDK 25 or newer too, a class-data archive instead of "
                   "the ahead-of-time cache (the runs before 2026-12-05)")
    p.add_argument("--jvm-arg", action="append", default=[], help="one more JVM flag of the app, after those of "
                   "bench/jvm.options (an experiment's, e.g. --jvm-arg=-XX:+UseZGC); repeatable")
    a = p.parse_args()

    sizes = dict(products=500, courses=10, users=50) if a.quick else dict(products=10_000, courses=100, users=1_000)
    duration = a.duration or (10 if a.quick else 30)
    warmup = a.warmup if a.warmup is not None else (5 if a.quick else 20)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = os.path.abspath(a.out or os.path.join(HERE, "out", stamp))
    os.makedirs(out, exist_ok=True)
    wanted = set(a.scenarios.split(",")) if a.scenarios else None
    jvm_options = read_jvm_options(os.path.join(HERE, "jvm.options")) + a.jvm_arg
    jar = os.path.abspath(a.jar)

    results = {"mode": "quick" if a.quick else "full", "sizes": sizes, "duration_s": duration, "warmup_s": warmup,
               "until_kept": {"scenarios": sorted(REPEATED), "round_s": UNTIL_KEPT_ROUND_S, "max_s": UNTIL_KEPT_MAX_S,
                              "jit_done_cores": JIT_DONE_CORES},
               "machine": machine_facts(a.java, jar, jvm_options), "out": out}
    say("out: %s   jar: %s   java: %s   JVM options: %s" % (out, jar, results["machine"]["java_version"],
                                                             " ".join(jvm_options) or "(none: bench/jvm.options absent)"))
    launch, archive, later_options = jar, None, jvm_options
    aot = not a.no_cds and not a.no_aot and java_feature(results["machine"]["java_version"]) >= 25
    if not a.no_cds:
        launch, archive, first, later = class_data_sharing(a.java, jar, out, aot)
        later_options = jvm_options + later
        jvm_options = jvm_options + first
        results["machine"]["jvm_options"] = jvm_options  # as the platform is started (the first time)
        results["machine"]["jvm_options_later"] = later_options  # and the later times
        say("%s: the jar extracted into %s, %s" % ("ahead-of-time cache" if aot else "class-data sharing",
                                                   os.path.dirname(launch), archive))
    results["cds"] = archive is not None
    results["aot_cache"] = aot
    data_dir = tempfile.mkdtemp(prefix="stoa-bench-data-")
    platform = Platform(a.java, launch, data_dir, free_port(), out, jvm_options, a.app_arg)
    results["app_args"] = a.app_arg
    memory = MemorySampler(platform)
    keep = False

    def on_term(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_term)
    try:
        facts = platform.start("fresh")
        results["start_fresh"] = {k: v for k, v in facts.items() if k != "admin_token"}
        memory.start()

        memory.phase = "seeding"
        seeder = seeding.Seeder(platform.base, facts["admin_token"], a.concurrency, random.Random(42), say)
        t0 = time.time()
        say("seeding %(products)d products, %(courses)d courses, %(users)d users" % sizes)
        seeder.seed_categories(12 if not a.quick else 6)
        seeder.seed_products(sizes["products"])
        say("  %d products (%.0f s)" % (len(seeder.products), time.time() - t0))
        seeder.seed_people(sizes["users"], max(2, sizes["courses"] // 10))
        say("  %d customers, %d instructors (%.0f s)" % (len(seeder.customers), len(seeder.instructors), time.time() - t0))
        seeder.seed_courses(sizes["courses"])
        say("  %d courses, %d free (%.0f s)" % (len(seeder.courses), sum(c["free"] for c in seeder.courses),
                                               time.time() - t0))
        seeder.fund(seeder.customers)
        orders = seeder.seed_orders(seeder.customers)
        say("  wallets funded, %d orders (%.0f s)" % (orders, time.time() - t0))
        enrollments = seeder.seed_enrollments(seeder.customers)
        seed_s = time.time() - t0
        say("  %d enrollments; seeding took %.0f s; refusals: %s" % (enrollments, seed_s, seeder.errors or "none"))
        mail_s = wait_for_mail(facts, say)
        say("  the seeding's mail delivered %.0f s later" % mail_s)
        results["seed"] = {"seconds": seed_s, "mail_drain_s": mail_s,
                           "categories": len(seeder.categories), "products": len(seeder.products),
                           "courses": len(seeder.courses), "free_courses": sum(c["free"] for c in seeder.courses),
                           "customers": len(seeder.customers), "instructors": len(seeder.instructors),
                           "orders": orders, "enrollments": enrollments, "refusals": seeder.errors,
                           "step_seconds": seeder.timings, "step_counts": seeder.counts,
                           "memory": memory.peaks("seeding")}

        memory.phase = "restart"
        results["stop_s"] = platform.stop()
        if archive:
            results["cds_archive_mb"] = round(os.path.getsize(archive) / 2 ** 20) if os.path.exists(archive) else 0
            say("stopped in %.1f s; %s: %s MB" % (results["stop_s"], "AOT cache" if aot else "class-data archive",
                                                 results["cds_archive_mb"]))
        platform.jvm_options = later_options
        facts = platform.start("existing")
        results["start_existing"] = {k: v for k, v in facts.items() if k != "admin_token"}
        seeder.admin_token = facts["admin_token"]

        scen = Scenarios(platform, seeder, out, warmup, duration, memory, random.Random(1))
        results["scenarios"] = []
        for s in SCENARIOS:
            if wanted and s[0] not in wanted:
                continue
            try:
                results["scenarios"].append(scen.run(*s))
            except Exception as e:  # one broken scenario must not lose the others
                say("scenario %s failed: %s" % (s[0], e))
                results["scenarios"].append({"key": s[0], "label": s[1], "failed": str(e), "kind": s[6],
                                             "connections": s[3]})
        memory.phase = "pgbench"
        results["memory"] = {"under_load": peaks_under_load(memory), "seeding": memory.peaks("seeding")}
        results["pgbench"] = pgbench_ceilings(facts, out, duration, warmup)
        keep = a.keep
        if archive and not keep:
            # a new data directory once more, now with the cache (or archive) this run made: a new instance of a build
            # whose cache exists already (an image built with its training run, a second platform on one machine, a
            # data directory deleted and started again), where the first start above was also the JVM's coldest
            memory.phase = "restart"
            platform.stop()
            fresh_dir = tempfile.mkdtemp(prefix="stoa-bench-data-")
            second = Platform(a.java, launch, fresh_dir, free_port(), out, later_options, a.app_arg)
            second.starts = platform.starts
            try:
                cached = second.start("fresh-cached")
                results["start_fresh_cached"] = {k: v for k, v in cached.items() if k != "admin_token"}
            except Exception as e:  # the run's other figures stand without it
                say("the start on a fresh data directory with the cache failed: %s" % e)
                results["start_fresh_cached"] = {"failed": str(e)}
            finally:
                second.stop()
                shutil.rmtree(fresh_dir, ignore_errors=True)
    except KeyboardInterrupt:
        say("interrupted")
        results["interrupted"] = True
    except Exception as e:
        import traceback
        traceback.print_exc()
        say("the run failed: %s" % e)
        results["error"] = str(e)
    finally:
        memory.stop_event.set()
        if keep:
            say("--keep: the platform runs on %s (pid %d, data %s, log %s); stop it with: kill %d" % (
                platform.base, platform.proc.pid, data_dir, platform.log_path, platform.proc.pid))
        else:
            platform.stop()
            shutil.rmtree(data_dir, ignore_errors=True)
            if archive:  # the extracted jar and its archive (about 400 MB): made again by every run
                shutil.rmtree(os.path.dirname(launch), ignore_errors=True)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=2, default=list)
    if "pgbench" in results:
        table = report.write(results, out)
        print()
        print(table)
        print("\nWritten: %s/results.md, results.json, chart.svg" % out)
    return 0 if "pgbench" in results else 1


def peaks_under_load(memory):
    """Peak memory over the measured runs and their warm-ups (not seeding, not pgbench)."""
    with memory.lock:
        rows = [r for r in memory.samples if r["phase"] not in ("idle", "seeding", "restart", "between", "pgbench")]
    if not rows:
        return {}
    out = {"samples": len(rows)}
    for part in ("app", "elasticsearch", "postgres", "other", "total"):
        out[part] = {k: max(r.get(part, {}).get(k, 0) for r in rows) for k in ("rss", "pss")}
    return out


if __name__ == "__main__":
    sys.exit(main())
