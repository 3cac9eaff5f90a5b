#!/usr/bin/env python3
"""Sequential single-client HTTP latency of Stoa's main paths, against a running platform.

Start the platform (README's first command) and pass the development admin token it prints:

    python3 bench/http_latency.py --token "$TOKEN" [--base http://localhost:8080] [--n 200]

Writes are measured as a client sees them: answered once every read model and the search index have the
write (read-your-writes). Prints p50/p95/p99 per path. Standard library only.
"""
import argparse
import json
import time
import urllib.request
import uuid


def call(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    start = time.perf_counter()
    with urllib.request.urlopen(req) as response:
        payload = response.read()
    return (time.perf_counter() - start) * 1000, payload


def product(i):
    sku = uuid.uuid4().hex[:10]
    return {"sku": "B-" + sku, "slug": "b-" + sku, "name": "Bench product %d" % i, "priceCents": 100 + i,
            "currency": "USD", "brand": "Bench"}


def report(name, samples):
    xs = sorted(samples)
    pick = lambda q: xs[min(len(xs) - 1, int(len(xs) * q))]
    print("%-40s n=%-4d p50=%7.1f ms  p95=%7.1f ms  p99=%7.1f ms" % (name, len(xs), pick(0.5), pick(0.95), pick(0.99)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--token", required=True, help="an admin or vendor access token")
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    b, t, n = args.base, args.token, args.n

    for i in range(20):  # warm-up: JIT, connection pools, caches
        call(b, t, "POST", "/api/v1/products", product(i))
    creates, ids = [], []
    for i in range(n):
        ms, body = call(b, t, "POST", "/api/v1/products", product(i))
        creates.append(ms)
        ids.append(json.loads(body)["productId"])
    hot = ids[0]
    report("POST /products (read-your-writes)", creates)
    report("POST restock, one hot product", [call(b, t, "POST", "/api/v1/products/%s/inventory/restock" % hot,
                                                  {"quantity": 1})[0] for _ in range(n)])
    report("GET /products/{id}", [call(b, None, "GET", "/api/v1/products/" + hot)[0] for _ in range(n)])
    report("GET /products filtered + sorted", [call(b, None, "GET", "/api/v1/products?brand=Bench&sort=price&limit=20")[0]
                                               for _ in range(n)])
    report("GET /search with typos", [call(b, None, "GET", "/api/v1/search?q=bensh%20prodct&limit=20")[0]
                                      for _ in range(n)])
    report("GET /suggest", [call(b, None, "GET", "/api/v1/suggest?prefix=benc")[0] for _ in range(n)])


if __name__ == "__main__":
    main()
