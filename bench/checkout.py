#!/usr/bin/env python3
"""Checkout throughput: pre-funded buyers fill carts and place wallet-paid orders concurrently.

Against a running platform in the embedded mode (the README's first command), started with the auth rate limit
raised, since every buyer registers, verifies and logs in from this one address:

    java -jar app/target/stoa-app.jar --stoa.rate-limit.auth.requests=1000000
    python3 bench/checkout.py --pid <app pid> --data-dir <its stoa.data-dir> --buyers 32,128 --duration 60

Each buyer is one thread with its own keep-alive connection, in a closed loop: add one or two products to its
cart (some products are hot: every buyer wants them), place the order with `paymentMethod: wallet` and an
Idempotency-Key, then read the order until it is `confirmed`. Prints confirmed orders/s, p50/p95/p99 of
`POST /orders` and of the cart writes, the refusals by problem code, and the CPU seconds each part used per
confirmed order. Afterwards it checks that everything adds up: the products are physical and no order ships, so
every product's onHand is still its initial stock, what is reserved is exactly the units of the confirmed orders
(paid units stay reserved until they ship), available is the difference, and every wallet holds its funding less
the totals of its buyer's confirmed orders. Standard library only.
"""
import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from write_throughput import machine_busy_seconds, sample  # noqa: E402

PASSWORD = "bench password 42"


class Client:
    """One keep-alive HTTP connection; `call` answers (status, parsed body, milliseconds)."""

    def __init__(self, base, token=None):
        u = urllib.parse.urlparse(base)
        self.host, self.port, self.token = u.hostname, u.port or 80, token
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def call(self, method, path, body=None, headers=None):
        h = {"Content-Type": "application/json", "Accept": "application/json, application/problem+json"}
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        h.update(headers or {})
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(2):
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=h)
                r = self.conn.getresponse()
                raw = r.read()
                ms = (time.perf_counter() - start) * 1000
                return r.status, (json.loads(raw) if raw else None), ms
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise

    def ok(self, method, path, body=None, headers=None):
        status, payload, _ = self.call(method, path, body, headers)
        if status >= 300:
            raise RuntimeError("%s %s -> %d %s" % (method, path, status, payload))
        return payload


def admin_client(base, password):
    c = Client(base)
    c.token = c.ok("POST", "/api/v1/auth/login", {"email": "admin@stoa.local", "password": password})["accessToken"]
    return c


def create_products(admin, count, stock):
    products = []
    for i in range(count):
        sku = uuid.uuid4().hex[:10]
        body = {"sku": "C-" + sku, "slug": "c-" + sku, "name": "Checkout bench %d" % i,
                "priceCents": 500 + 37 * i, "currency": "USD", "brand": "Bench", "weightGrams": 200 + 10 * i}
        pid = admin.ok("POST", "/api/v1/products", body)["productId"]
        admin.ok("PUT", "/api/v1/products/%s/inventory" % pid, {"onHand": stock})
        products.append(pid)
    return products


def mailbox_token(admin, email):
    for _ in range(600):  # up to a minute: the mail queue may still drain what the seeding sent
        mails = admin.ok("GET", "/api/v1/dev/mailbox?to=" + urllib.parse.quote(email))
        for m in mails or []:
            text = m.get("text", "")
            if "signed up: " in text:
                return text.split("signed up: ", 1)[1].split()[0]
        time.sleep(0.1)
    raise RuntimeError("no verification mail for " + email)


def create_buyer(base, admin, n):
    email = "buyer-%d-%s@bench.stoa" % (n, uuid.uuid4().hex[:6])
    c = Client(base)
    c.ok("POST", "/api/v1/auth/register", {"email": email, "password": PASSWORD, "firstName": "Buyer", "lastName": str(n)})
    c.ok("POST", "/api/v1/auth/email/verify", {"token": mailbox_token(admin, email), "password": PASSWORD})
    login = c.ok("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
    c.token = login["accessToken"]
    user_id = c.ok("GET", "/api/v1/users/me")["id"]
    address = c.ok("POST", "/api/v1/users/%s/addresses" % user_id, {
        "label": "home", "streetLine1": "1 Bench Street", "city": "Springfield", "state": "IL", "postalCode": "62701",
        "countryCode": "US", "isDefault": True})
    return {"email": email, "client": c, "addressId": address["addressId"], "spent": 0, "units": {}}


def codes_of(payload):
    """The voucher codes in the batch answer, whatever the list is called."""
    if isinstance(payload, dict):
        for value in payload.values():
            found = codes_of(value)
            if found:
                return found
    if isinstance(payload, list):
        if all(isinstance(x, str) for x in payload) and payload:
            return payload
        return [x["code"] for x in payload if isinstance(x, dict) and "code" in x]
    return []


def fund(admin, buyers, cents):
    expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
    codes = codes_of(admin.ok("POST", "/api/v1/admin/vouchers",
                              {"amountCents": cents, "currency": "USD", "count": len(buyers), "expiresAt": expires}))
    for buyer, code in zip(buyers, codes):
        buyer["client"].ok("POST", "/api/v1/wallet/redeem", {"code": code})
        buyer["funded"] = buyer.get("funded", 0) + cents


def percentile(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * q))] if xs else float("nan")


def shop(buyer, products, hot, deadline, stats, lock):
    c, rnd = buyer["client"], random.Random()
    while time.time() < deadline:
        lines = {}
        for _ in range(rnd.choice((1, 2))):
            pid = rnd.choice(hot) if rnd.random() < 0.3 else rnd.choice(products)
            qty = rnd.choice((1, 1, 2))
            status, payload, ms = c.call("POST", "/api/v1/cart/items", {"itemType": "product", "itemId": pid, "quantity": qty})
            with lock:
                stats["cart_ms"].append(ms)
            if status >= 300:
                with lock:
                    stats["refused"][(payload or {}).get("code", str(status))] = stats["refused"].get(
                        (payload or {}).get("code", str(status)), 0) + 1
                continue
            lines[pid] = lines.get(pid, 0) + qty
        if not lines:
            continue
        status, order, ms = c.call("POST", "/api/v1/orders", {"paymentMethod": "wallet", "shippingAddressId": buyer["addressId"]},
                                   {"Idempotency-Key": str(uuid.uuid4())})
        with lock:
            stats["order_ms"].append(ms)
        if status != 201:
            code = (order or {}).get("code", str(status))
            with lock:
                stats["refused"][code] = stats["refused"].get(code, 0) + 1
            c.call("DELETE", "/api/v1/cart")
            continue
        state, waited = order.get("status"), time.time()
        while state != "confirmed" and time.time() - waited < 10:
            _, view, _ = c.call("GET", "/api/v1/orders/" + order["orderId"])
            state = (view or {}).get("status")
            if state == "cancelled":
                break
        if state == "confirmed":
            buyer["spent"] += order["totalCents"]
            for pid, qty in lines.items():
                buyer["units"][pid] = buyer["units"].get(pid, 0) + qty
            with lock:
                stats["confirmed"] += 1
        else:
            with lock:
                stats["refused"]["not confirmed: " + str(state)] = stats["refused"].get("not confirmed: " + str(state), 0) + 1


def run(base, buyers, products, hot, seconds, pid, data_dir):
    stats, lock = {"cart_ms": [], "order_ms": [], "confirmed": 0, "refused": {}}, threading.Lock()
    before, busy0, own0, t0 = sample(pid, data_dir) if pid else {}, machine_busy_seconds(), os.times(), time.time()
    deadline = t0 + seconds
    threads = [threading.Thread(target=shop, args=(b, products, hot, deadline, stats, lock)) for b in buyers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - t0
    after, busy1, own1 = sample(pid, data_dir) if pid else {}, machine_busy_seconds(), os.times()
    n = max(stats["confirmed"], 1)
    print("buyers %d  confirmed %d in %.1f s = %.1f orders/s" % (len(buyers), stats["confirmed"], elapsed, stats["confirmed"] / elapsed))
    print("POST /orders   p50 %6.1f  p95 %6.1f  p99 %6.1f ms  (n=%d)" % (
        percentile(stats["order_ms"], .5), percentile(stats["order_ms"], .95), percentile(stats["order_ms"], .99), len(stats["order_ms"])))
    print("cart writes    p50 %6.1f  p95 %6.1f  p99 %6.1f ms  (n=%d)" % (
        percentile(stats["cart_ms"], .5), percentile(stats["cart_ms"], .95), percentile(stats["cart_ms"], .99), len(stats["cart_ms"])))
    print("refused        %s" % (stats["refused"] or "none"))
    used = 0.0
    for part in sorted(set(before) | set(after)):
        s = after.get(part, 0) - before.get(part, 0)
        used += s
        print("cpu %-14s %6.2f cores  %6.2f ms per order" % (part, s / elapsed, 1000 * s / n))
    gen = (own1.user + own1.system) - (own0.user + own0.system)
    print("cpu %-14s %6.2f cores  %6.2f ms per order" % ("load generator", gen / elapsed, 1000 * gen / n))
    print("cpu %-14s %6.2f cores  (the whole machine)" % ("machine", (busy1 - busy0) / elapsed))
    return stats


def check(admin, buyers, products, stock, settle=60):
    """Stock, reservations and wallets must add up with the confirmed orders, once what runs after the answers (the
    order saga) has caught up: retried for up to `settle` seconds, and how long that took is reported."""
    t0 = time.time()
    while True:
        problems = mismatches(admin, buyers, products, stock)
        if not problems or time.time() - t0 > settle:
            break
        time.sleep(1)
    if not problems and time.time() - t0 > 1:
        print("settled %.0f s after the run (the saga's backlog)" % (time.time() - t0))
    print("consistency: " + ("OK (stock, reservations and %d wallets add up)" % len(buyers) if not problems
                             else "%d MISMATCHES\n  " % len(problems) + "\n  ".join(problems[:20])))
    return not problems


def mismatches(admin, buyers, products, stock):
    problems = []
    for pid in products:
        sold = sum(b["units"].get(pid, 0) for b in buyers)
        inv = admin.ok("GET", "/api/v1/products/%s/inventory" % pid)
        # paid units stay on hand, reserved for their order, until it ships (none ships here)
        if inv["onHand"] != stock or inv["reserved"] != sold or inv["available"] != stock - sold:
            problems.append("product %s: %s, expected onHand %d, reserved %d (the units sold), available %d"
                            % (pid, inv, stock, sold, stock - sold))
    for b in buyers:
        wallet = b["client"].ok("GET", "/api/v1/wallet")
        if wallet["balanceCents"] != b["funded"] - b["spent"] or wallet["balanceCents"] < 0:
            problems.append("%s: balance %d, expected %d" % (b["email"], wallet["balanceCents"], b["funded"] - b["spent"]))
    return problems


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--admin-password", default="stoa-admin-change-me")
    p.add_argument("--buyers", default="32,128", help="comma-separated buyer counts, one run each")
    p.add_argument("--products", type=int, default=20)
    p.add_argument("--hot", type=int, default=3, help="products every buyer wants (30%% of cart lines)")
    p.add_argument("--stock", type=int, default=1_000_000)
    p.add_argument("--fund-cents", type=int, default=5_000_000)
    p.add_argument("--warmup", type=int, default=60)
    p.add_argument("--duration", type=int, default=60)
    p.add_argument("--pid", type=int, help="the app's pid, to measure CPU per part")
    p.add_argument("--data-dir", help="its stoa.data-dir (to find its PostgreSQL)")
    a = p.parse_args()
    counts = [int(x) for x in a.buyers.split(",")]
    admin = admin_client(a.base, a.admin_password)
    products = create_products(admin, a.products, a.stock)
    hot = products[:a.hot]
    buyers = [create_buyer(a.base, admin, i) for i in range(max(counts))]
    fund(admin, buyers, a.fund_cents)
    print("setup: %d products (%d hot), %d buyers funded with %d cents each" % (len(products), len(hot), len(buyers), a.fund_cents))
    if a.warmup:
        run(a.base, buyers[:counts[0]], products, hot, a.warmup, None, None)
        print("(warm-up above)\n")
    for n in counts:
        run(a.base, buyers[:n], products, hot, a.duration, a.pid, a.data_dir)
        print()
    sys.exit(0 if check(admin, buyers, products, a.stock) else 1)


if __name__ == "__main__":
    main()
