#!/usr/bin/env python3
"""What one catalog search costs in Elasticsearch, and which part of it.

Sends the query the platform builds for GET /search (ProductQuery and SearchFacets) straight to the node, in
variants that leave one part out, for many distinct typo'd queries like bench/run's, and prints the node's own
time (`took`, milliseconds) per variant; then one query with the profile API, its breakdown by query clause and by
aggregation. Run it against a platform that bench/run left up (`--keep`): the node's URL is in the app's log
("Elasticsearch http://127.0.0.1:<port>").

    python3 bench/search_profile.py http://127.0.0.1:PORT [--queries 300] [--index stoa-products,stoa-courses]
"""
import argparse
import json
import os
import random
import statistics
import sys
import time
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from run import typo  # noqa: E402  the same typos as the benchmark's search scenario

PRICE_BANDS = [("0-999", 0, 1000), ("1000-4999", 1000, 5000), ("5000-9999", 5000, 10000),
               ("10000-49999", 10000, 50000), ("50000-", 50000, None)]
RATING_BANDS = [("4-", 4, None), ("3-", 3, None), ("2-", 2, None), ("1-", 1, None)]


def ranges(bands):
    return [{k: v for k, v in (("key", key), ("from", lo), ("to", hi)) if v is not None} for key, lo, hi in bands]


FACETS = {
    "category": {"terms": {"field": "categoryId", "size": 20}},
    "brand": {"terms": {"field": "brand", "size": 20}},
    "price": {"range": {"field": "priceCents", "ranges": ranges(PRICE_BANDS)}},
    "rating": {"range": {"field": "rating", "ranges": ranges(RATING_BANDS)}},
}


def body(q, filters, *, must_fuzzy=True, should=True, should_fuzzy=True, aggs=True, total=True, sort_id=True,
         should_fields=("name^3", "brand.text^2", "description"), max_expansions=None, fuzziness="AUTO"):
    match = {"query": q, "operator": "or", "minimum_should_match": "3<-1"}
    if must_fuzzy:
        match.update(fuzziness=fuzziness, prefix_length=1)
        if max_expansions:
            match["max_expansions"] = max_expansions
    boolq = {"must": [{"match": {"searchText": match}}], "filter": [{"term": {"active": True}}] + filters}
    if should:
        mm = {"query": q, "fields": list(should_fields)}
        if should_fuzzy:
            mm.update(fuzziness=fuzziness, prefix_length=1)
            if max_expansions:
                mm["max_expansions"] = max_expansions
        boolq["should"] = [{"multi_match": mm}]
    b = {"query": {"bool": boolq}, "from": 0, "size": 20, "track_total_hits": total,
         "sort": [{"_score": {"order": "desc"}}] + ([{"id": {"order": "asc"}}] if sort_id else [])}
    if aggs:
        b["aggs"] = FACETS
    return b


def cpu_seconds(pid):
    """User and system CPU of the process and its threads so far (0 without a pid)."""
    if not pid:
        return 0.0
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def post(url, payload):
    req = urllib.request.Request(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("es")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--index", default="stoa-products,stoa-courses")
    ap.add_argument("--es-pid", type=int, help="the node's process: also its CPU per query of each variant")
    args = ap.parse_args()
    search = args.es.rstrip("/") + "/" + args.index + "/_search?ignore_unavailable=true&allow_no_indices=true" \
        + "&request_cache=false"

    docs = post(args.es.rstrip("/") + "/" + args.index.split(",")[0] + "/_search", {"size": 2000, "_source": ["name", "brand", "categoryId"],
                                                             "query": {"match_all": {}}})["hits"]["hits"]
    rnd = random.Random(7)
    queries, sources = [], []
    for _ in range(args.queries):
        p = rnd.choice(docs)["_source"]
        words = p["name"].split()[1:3] or p["name"].split()
        q = " ".join(typo(w.lower(), rnd) for w in words) if rnd.random() < 0.8 else typo(words[-1].lower(), rnd)
        r, filters = rnd.random(), []
        if r < 0.2:
            filters = [{"term": {"brand": p["brand"]}}]
        elif r < 0.4:
            filters = [{"term": {"categoryId": p["categoryId"]}}]
        elif r < 0.55:
            filters = [{"range": {"priceCents": {"gte": 1000, "lte": 20000}}}]
        queries.append((q, filters))
        sources.append(p["name"])

    variants = [
        ("as the platform asks (fuzzy must + fuzzy should on 3 fields + 4 facets + total)", {}),
        ("without the facets", {"aggs": False}),
        ("without the should clause (ranking by searchText only)", {"should": False}),
        ("should clause not fuzzy", {"should_fuzzy": False}),
        ("nothing fuzzy", {"must_fuzzy": False, "should_fuzzy": False}),
        ("without exact total", {"total": False}),
        ("fuzzy should on name and brand only (not description)", {"should_fields": ("name^3", "brand.text^2")}),
        ("fuzzy should on name only", {"should_fields": ("name^3",)}),
        ("max_expansions 10 (default 50)", {"max_expansions": 10}),
        ("fuzziness AUTO:4,9 (two edits from 9 letters, not 6)", {"fuzziness": "AUTO:4,9"}),
        ("AUTO:4,9, fuzzy should on name only", {"fuzziness": "AUTO:4,9", "should_fields": ("name^3",)}),
        ("AUTO:4,9, should clause not fuzzy", {"fuzziness": "AUTO:4,9", "should_fuzzy": False}),
        ("AUTO:4,9, fuzzy should on name and brand", {"fuzziness": "AUTO:4,9", "should_fields": ("name^3", "brand.text^2")}),
        # what the platform asks since 2026-12-07: the should clause on the folded name and brand (ProductQuery)
        ("AUTO:4,9, fuzzy should on the folded name and brand", {"fuzziness": "AUTO:4,9",
                                                                 "should_fields": ("nameFolded^3", "brandFolded^2")}),
        ("fuzzy must only, no should, no facets", {"should": False, "aggs": False}),
    ]
    # one pass to load what the queries touch, then the measured passes, interleaved so drift hits all alike
    for q, f in queries[:50]:
        post(search, body(q, f))
    took = {name: [] for name, _ in variants}
    found = {name: 0 for name, _ in variants}
    wall = {name: [] for name, _ in variants}
    cpu = {name: 0.0 for name, _ in variants}
    for (q, f), source in zip(queries, sources):
        for name, opts in variants:
            c0 = cpu_seconds(args.es_pid)
            t0 = time.perf_counter()
            answer = post(search, body(q, f, **opts))
            wall[name].append((time.perf_counter() - t0) * 1000)
            took[name].append(answer["took"])
            found[name] += any(h["_source"].get("name") == source for h in answer["hits"]["hits"])
            cpu[name] += cpu_seconds(args.es_pid) - c0
    print(f"{len(queries)} distinct queries, sequential, request cache off; milliseconds")
    print(f"{'variant':<82} {'took mean':>9} {'p50':>5} {'p95':>5} {'wall mean':>9} {'found':>6} {'node CPU':>8}")
    for name, _ in variants:
        t = sorted(took[name])
        print(f"{name:<82} {statistics.mean(t):>9.2f} {t[len(t) // 2]:>5} {t[int(len(t) * .95)]:>5} "
              f"{statistics.mean(wall[name]):>9.2f} {found[name] / len(queries):>6.0%} "
              f"{1000 * cpu[name] / len(queries) if args.es_pid else float('nan'):>8.2f}")

    q, f = queries[0]
    prof = post(search, dict(body(q, f), profile=True))["profile"]
    print(f"\nprofile of q={q!r} filters={f}: per shard, nanoseconds")
    for shard in prof["shards"]:
        print(" shard", shard["id"])
        for s in shard["searches"]:
            def walk(node, depth):
                print(f"   {'  ' * depth}{node['type']:<28} {node['time_in_nanos']:>10}  {node['description'][:90]}")
                for c in node.get("children", []):
                    walk(c, depth + 1)
            for node in s["query"]:
                walk(node, 0)
            print(f"   collector {s['collector'][0]['name']}: {s['collector'][0]['time_in_nanos']}")
        for a in shard.get("aggregations", []):
            print(f"   agg {a['description']:<12} {a['type']:<40} {a['time_in_nanos']:>10}")


if __name__ == "__main__":
    main()
