#!/usr/bin/env python3
"""The table and the chart of a bench/run: results.md and chart.svg from results.json (run.py calls write()).

Also usable alone, to redraw from a results.json:  python3 bench/report.py bench/out/<run>/results.json
Standard library only: the SVG is written by hand.
"""
import json
import math
import os
import sys
from xml.sax.saxutils import escape

GIB = 1024 ** 3

# the targets: p99 in ms, the least ratio to pgbench -S, and whether a time-out fails it
TARGETS = {
    "product-detail": {"p99_ms": 20, "min_ratio": 0.2, "text": "p99 < 20 ms, >= 0.2x pgbench -S"},
    "product-list": {"p99_ms": 20, "no_timeouts": True, "text": "p99 < 20 ms, no time-outs"},
    "search": {"p99_ms": 50, "no_timeouts": True, "text": "p99 < 50 ms, no time-outs"},
    # the same target, for searches that no answer was kept for (each asked once)
    "search-new": {"p99_ms": 50, "no_timeouts": True, "text": "p99 < 50 ms, no time-outs"},
}
# the same reads while buyers order beside them: the same targets
TARGETS.update({"detail-orders": TARGETS["product-detail"], "list-orders": TARGETS["product-list"],
                # pages of the list that no answer was kept for (each asked once)
                "list-new": TARGETS["product-list"],
                "search-orders": TARGETS["search"]})
MEMORY_TARGET = 1.5 * GIB
START_FRESH_TARGET, START_EXISTING_TARGET = 20.0, 10.0


def ms(v, timeout=None):
    """Milliseconds; None is a percentile among the time-outs: slower than the time-out."""
    if v is None:
        return "> %s s" % timeout.rstrip("s") if timeout else "-"
    if isinstance(v, float) and math.isnan(v):
        return "-"
    return "%.0f ms" % v if v >= 100 else "%.1f ms" % v if v >= 1 else "%.2f ms" % v


def num(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    return "{:,.0f}".format(v) if v >= 100 else "%.1f" % v


def ratio(v):
    return "%.2fx" % v if v >= 0.1 else "%.3fx" % v if v >= 0.01 else "%.4fx" % v


def gib(b):
    return "%.2f GiB" % (b / GIB)


def ceiling_of(s, pg):
    return pg["read"]["tps"] if s["kind"] == "read" else pg["commit"]["tps"]


def verdict(s, pg):
    """(target text, met or None) of a scenario against the issue's targets."""
    t = TARGETS.get(s["key"])
    if not t:
        return "", None
    if s.get("failed"):
        return t["text"], False
    met = s["p99_ms"] is not None and s["p99_ms"] < t["p99_ms"]
    if t.get("min_ratio"):
        met = met and s["rps"] / pg["read"]["tps"] >= t["min_ratio"]
    if t.get("no_timeouts"):
        met = met and s["timeouts"] == 0
    return t["text"], met


def yes(met):
    return "" if met is None else "yes" if met else "**no**"


def table(r):
    pg = r["pgbench"]
    rows = ["| Scenario | Clients | req/s | p50 | p95 | p99 | non-2xx / socket errors / time-outs | Ratio to ceiling "
            "| Target | Met |", "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for s in r["scenarios"]:
        if s.get("failed"):
            text, met = verdict(s, pg)
            why = s["failed"].replace("|", "/").replace("\n", " ")[:100]
            rows.append("| %s | %d | failed: %s | | | | | | %s | %s |" % (s["label"], s["connections"], why, text, yes(met)))
            continue
        label = s["label"]
        if "orders_per_s" in s:
            label += " (%s orders/s)" % num(s["orders_per_s"])
        if "orders_per_s" in s.get("background", {}):
            label += " (%s orders/s beside it)" % num(s["background"]["orders_per_s"])
        if "enrolled_per_s" in s:
            label += " (%s enrollments/s)" % num(s["enrolled_per_s"])
        if s["counters"].get("exhausted"):
            label += " (fresh pairs ran out on %d connections: a lower bound)" % s["counters"]["exhausted"]
        socket = s["connect_errors"] + s["read_errors"] + s["write_errors"]
        share = s["rps"] / ceiling_of(s, pg)
        text, met = verdict(s, pg)
        rows.append("| %s | %d | %s | %s | %s | %s | %d / %d / %d | %s %s | %s | %s |" % (
            label, s["connections"], num(s["rps"]), ms(s["p50_ms"], s["timeout"]), ms(s["p95_ms"], s["timeout"]),
            ms(s["p99_ms"], s["timeout"]), s["non2xx"],
            socket, s["timeouts"], ratio(share), "pgbench -S" if s["kind"] == "read" else "commits", text, yes(met)))
    for key, label in (("read", "pgbench -S: primary-key reads (ceiling of reads)"),
                       ("commit", "pgbench: single-row commits (ceiling of writes)")):
        p = pg[key]
        rows.append("| %s | %d | %s | %s | %s | %s | %d failed | 1x | | |" % (
            label, pg["clients"], num(p["tps"]), ms(p["p50_ms"]), ms(p["p95_ms"]), ms(p["p99_ms"]), p["failed"]))
    mem = r.get("memory", {}).get("under_load", {})
    if mem:
        t = mem["total"]["pss"]
        rows.append("| Resident memory of the whole platform, peak under load: **%s** PSS (app %s, Elasticsearch %s, "
                    "PostgreSQL %s; RSS sum %s) | | | | | | | | < 1.5 GiB | %s |" % (
                        gib(t), gib(mem["app"]["pss"]), gib(mem["elasticsearch"]["pss"]), gib(mem["postgres"]["pss"]),
                        gib(mem["total"]["rss"]), yes(t < 1.5 * GIB)))
    how = {None: "", True: ", extracted jar with its %s" % ("AOT cache" if r.get("aot_cache") else "class-data archive"),
           False: ", java -jar"}[r.get("cds")]
    for key, label, target in (("start_fresh", "fresh data directory" + (how and how + " (none yet)"), 20.0),
                               ("start_existing", "existing data (after seeding)" + how, 10.0),
                               ("start_fresh_cached", "fresh data directory" + how + " (made by this run's first start)",
                                20.0)):
        if key in r and "failed" in r[key]:
            rows.append("| Start to healthy, %s: **failed** (%s) | | | | | | | | < %d s | **no** |"
                        % (label, r[key]["failed"].splitlines()[0][:200], target))
        elif key in r:
            v = r[key]["healthy_s"]
            rows.append("| Start to healthy, %s: **%.1f s** (Spring's own figure %.1f s) | | | | | | | | < %d s | %s |"
                        % (label, v, r[key].get("spring_started_s", float("nan")), target, yes(v < target)))
    return "\n".join(rows)


def cpu_table(r):
    rows = ["| Scenario | app | Elasticsearch | PostgreSQL | wrk | others on the machine | platform CPU per request "
            "| statuses | counters |", "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for s in r["scenarios"]:
        if s.get("failed"):
            continue
        c = s["cpu_cores"]
        platform = c.get("app", 0) + c.get("elasticsearch", 0) + c.get("postgres", 0)
        rows.append("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |" % (
            s["key"], c.get("app", 0), c.get("elasticsearch", 0), c.get("postgres", 0), c.get("wrk", 0),
            c.get("others", 0), ms(1000 * platform / s["rps"]) if s["rps"] else "-", ", ".join("%s: %d" % kv for kv in sorted(s["statuses"].items())),
            ", ".join("%s: %d" % kv for kv in sorted(s["counters"].items())) or ""))
    return "\n".join(rows)


def others(r, m):
    xs = [s["cpu_cores"].get("others", 0) for s in r["scenarios"] if not s.get("failed")]
    if not xs:
        return "-", m["cores"], "-"
    return "%.2f" % (sum(xs) / len(xs)), m["cores"], "%.2f" % max(xs)


def warmup_note(r):
    """The extra warm-up of the scenarios that repeat their reads, by the rule recorded with the run (none before it)."""
    rule = r.get("until_kept")
    if not rule:
        return "The first scenario warms up three times as long (cold JIT)."
    extra = ["%s +%d s" % (s["key"], s["warmup_extra_s"]) for s in r["scenarios"] if s.get("warmup_extra_s")]
    return ("The first scenario warms up three times as long (cold JIT). Scenarios that repeat their reads (%s) then "
            "warm up in rounds of %d s (at most %d s) until a round has no read answered by the handler and the app's "
            "JIT compiler threads used under %.2f cores in it (so they measure kept reads on compiled code; one round "
            "at least): %s." % (", ".join(rule["scenarios"]), rule["round_s"], rule["max_s"], rule["jit_done_cores"],
                                ", ".join(extra) or "none"))


def markdown(r):
    m, seed = r["machine"], r.get("seed", {})
    lines = ["# bench/run: %s run, %s" % (r["mode"], m["date_utc"]), "",
             "Machine: %s cores (%s), %s GiB; load average at start %s. %s; JVM options: %s%s. Jar %s (built %s, "
             "sha256 %s…), commit %s. %s; %s." % (
                 m["cores"], m.get("cpu", "?"), m.get("memory_gib", "?"), " ".join(m.get("loadavg_at_start", [])),
                 m["java_version"], " ".join(m["jvm_options"]) or "none (no bench/jvm.options)",
                 "; after the first start: " + " ".join(m["jvm_options_later"])
                 if m.get("jvm_options_later") not in (None, m["jvm_options"]) else "", m["jar"],
                 m["jar_mtime"], m["jar_sha256"], m["commit"], m["wrk"].split(" [")[0], m["pgbench"]),
             "",
             "Seeded through the API in %.0f s: %d products, %d courses (%d free), %d customers and %d instructors, "
             "%d wallet-paid orders, %d enrollments%s. Each scenario: %d s warm-up, then %d s measured; wrk on the "
             "same machine." % (seed.get("seconds", 0), seed.get("products", 0), seed.get("courses", 0),
                                seed.get("free_courses", 0), seed.get("customers", 0), seed.get("instructors", 0),
                                seed.get("orders", 0), seed.get("enrollments", 0),
                                "; the mail it queued delivered %.0f s later, before the restart" % seed["mail_drain_s"]
                                if "mail_drain_s" in seed else "", r["warmup_s"], r["duration_s"]),
             "", warmup_note(r),
             "", "Other work on the machine while measuring: %s cores on average (of %s), at most %s in one scenario."
             % others(r, m), "", table(r), "",
             "Ratio: req/s over pgbench's transactions/s on the same PostgreSQL in the same run (reads over `-S`, "
             "writes over single-row commits; %d pgbench clients, scale 10). Latencies from wrk's histogram "
             "with wrk's time-outs taken into account (`--timeout` 2 s for reads, 10 s for writes: wrk counts a "
             "slower response as a time-out and leaves it out of its histogram, so the percentiles are rescaled over "
             "all responses, and one that falls among the time-outs reads `> 2 s`). "
             "Checkout counts both of its requests (cart add, order) in req/s and latency." % r["pgbench"]["clients"],
             "", "CPU while measuring (cores of the 2; `others` is everything else on the machine):", "",
             cpu_table(r), ""]
    if seed.get("refusals"):
        lines += ["Refusals while seeding: " + ", ".join("%s x%d" % kv for kv in sorted(seed["refusals"].items())), ""]
    if seed.get("step_seconds"):
        lines += ["Seeding steps (s): " + ", ".join("%s %.0f" % kv for kv in seed["step_seconds"].items()), ""]
    return "\n".join(lines)


# --- the chart ---------------------------------------------------------------------------------------------------
def svg_chart(r):
    pg = r["pgbench"]
    scen = [s for s in r["scenarios"] if not s.get("failed")]
    W, left, right = 1000, 350, 40
    plot_w = W - left - right
    bar_h, gap = 18, 8
    out, y = [], 0

    def text(x, y, s, size=12, anchor="start", weight="normal", fill="#222"):
        out.append('<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s" font-weight="%s" fill="%s">%s</text>'
                   % (x, y, size, anchor, weight, fill, escape(str(s))))

    def logx(v, lo, hi):
        v = min(max(v, lo), hi)
        return left + plot_w * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    def axis(y0, y1, lo, hi, unit):
        d = lo
        while d <= hi * 1.0001:
            x = logx(d, lo, hi)
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x, y0, x, y1))
            text(x, y1 + 14, ("{:,.0f}".format(d) if d >= 1 else "%g" % d) + unit, 10, "middle", fill="#666")
            d *= 10

    # panel 1: p99 against target
    y += 30
    text(10, y, "p99 latency per scenario (log scale); red line: the target, bar green when met", 15, weight="bold")
    y += 15
    lo, hi = 0.1, 10000
    top = y
    for s in scen:
        y += bar_h + gap
        t = TARGETS.get(s["key"])
        met = verdict(s, pg)[1]
        color = "#9aa5b1" if met is None else "#3c9d5d" if met else "#d9534f"
        text(left - 8, y - 5, "%s (%d clients)" % (s["label"], s["connections"]), 11, "end")
        p99 = s["p99_ms"] if s["p99_ms"] is not None else float(s["timeout"].rstrip("s")) * 1000
        x = logx(p99, lo, hi)
        out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (left, y - bar_h, x - left, bar_h, color))
        text(x + 4, y - 5, ms(s["p99_ms"], s["timeout"]), 10)
        if t:
            tx = logx(t["p99_ms"], lo, hi)
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c00" stroke-width="2" stroke-dasharray="4 2"/>'
                       % (tx, y - bar_h - 3, tx, y + 3))
    axis(top, y + 4, lo, hi, " ms")
    y += 40

    # panel 2: req/s against the ceilings
    text(10, y, "req/s per scenario (log scale) against pgbench on the same PostgreSQL", 15, weight="bold")
    y += 30
    lo, hi = 1, 100000
    top = y
    for s in scen:
        y += bar_h + gap
        ceiling = ceiling_of(s, pg)
        color = "#4a7fc1" if s["kind"] == "read" else "#e08a2c"
        text(left - 8, y - 5, s["label"], 11, "end")
        x = logx(max(s["rps"], 1), lo, hi)
        out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (left, y - bar_h, x - left, bar_h, color))
        text(x + 4, y - 5, "%s req/s = %s %s" % (num(s["rps"]), ratio(s["rps"] / ceiling),
                                                    "pgbench -S" if s["kind"] == "read" else "commits"), 10)
    for n, (key, label, color) in enumerate((("read", "pgbench -S", "#4a7fc1"),
                                             ("commit", "pgbench single-row commits", "#e08a2c"))):
        x = logx(pg[key]["tps"], lo, hi)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="2" stroke-dasharray="6 3"/>'
                   % (x, top - 12 * n, x, y + 4, color))
        text(x - 4, top - 2 - 12 * n, "%s %s/s" % (label, num(pg[key]["tps"])), 10, "end", fill=color)
    axis(top + 4, y + 4, lo, hi, "")
    y += 40

    # panel 3: memory and start-up
    mem = r.get("memory", {}).get("under_load", {})
    text(10, y, "Resident memory under load (PSS, peak) and start to healthy; red line: the target", 15, weight="bold")
    y += 15
    if mem:
        y += bar_h + gap
        scale = plot_w / max(2.0 * GIB, mem["total"]["pss"] * 1.2)
        x = left
        text(left - 8, y - 5, "memory (target 1.5 GiB)", 11, "end")
        for part, short, color in (("app", "app", "#4a7fc1"), ("elasticsearch", "ES", "#e08a2c"),
                                   ("postgres", "PG", "#3c9d5d"), ("other", "other", "#9aa5b1")):
            w = mem[part]["pss"] * scale
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s</title></rect>'
                       % (x, y - bar_h, w, bar_h, color, part, gib(mem[part]["pss"])))
            if w > 40:
                text(x + 4, y - 5, "%s %.2f" % (short, mem[part]["pss"] / GIB), 10, fill="#fff")
            x += w
        tx = left + 1.5 * GIB * scale
        text(max(x, tx) + 6, y - 5, gib(mem["total"]["pss"]), 10)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c00" stroke-width="2" stroke-dasharray="4 2"/>'
                   % (tx, y - bar_h - 3, tx, y + 3))
    for key, label, target in (("start_fresh", "start, fresh data (target 20 s)", 20.0),
                               ("start_existing", "start, existing data (target 10 s)", 10.0),
                               ("start_fresh_cached", "start, fresh data, cache made (target 20 s)", 20.0)):
        if key not in r or "failed" in r[key]:
            continue
        y += bar_h + gap
        v = r[key]["healthy_s"]
        scale = plot_w / 60.0
        color = "#3c9d5d" if v < target else "#d9534f"
        text(left - 8, y - 5, label, 11, "end")
        out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (left, y - bar_h, min(v, 60) * scale,
                                                                                 bar_h, color))
        text(left + min(v, 60) * scale + 4, y - 5, "%.1f s" % v, 10)
        tx = left + target * scale
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c00" stroke-width="2" stroke-dasharray="4 2"/>'
                   % (tx, y - bar_h - 3, tx, y + 3))
    y += 20
    text(10, y + 10, "%s run, %s, %s cores; %s" % (r["mode"], r["machine"]["date_utc"], r["machine"]["cores"],
                                                   r["machine"]["java_version"]), 10, fill="#666")
    H = y + 25
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
            'font-family="Helvetica, Arial, sans-serif">\n<rect width="100%%" height="100%%" fill="#fff"/>\n%s\n</svg>\n'
            % (W, H, W, H, "\n".join(out)))


def write(results, out_dir):
    md = markdown(results)
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write(md + "\n\n![chart](chart.svg)\n")
    with open(os.path.join(out_dir, "chart.svg"), "w") as f:
        f.write(svg_chart(results))
    return table(results)


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path) as f:
        res = json.load(f)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    print(write(res, os.path.dirname(os.path.abspath(path))))
