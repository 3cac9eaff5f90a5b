#!/usr/bin/env python3
"""Seeds a realistic catalog through the HTTP API, for bench/run (run.py imports it).

Everything goes through the public API with a pool of threads (one keep-alive connection each):
categories; products of several brands, categories, prices and stock levels; instructors who build and publish
courses (a video, a reading and a quiz each; some free, some paid); customers who register, verify their address
through the dev mailbox (embedded mode), log in and add a default address; vouchers that fund every customer's
wallet; then each customer places 1-2 wallet-paid orders and takes 1-2 enrollments (a free course, and sometimes a
paid one from the wallet). Refusals are counted by step and problem code, never fatal unless a step yields nothing.
Standard library only.
"""
import base64
import json
import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from checkout import Client, codes_of

PASSWORD = "bench password 42"
FUND_CENTS = 5_000_000  # per customer: enough for a few hundred orders at these prices

BRANDS = ["Sonora", "Northwind", "Acme", "Lumen", "Vertex", "Kestrel", "Halcyon", "Juniper", "Orbital", "Pioneer",
          "Quartz", "Redwood", "Solstice", "Tundra", "Umbra", "Vireo", "Wexford", "Zephyr", "Bramble", "Cobalt"]
CATEGORIES = ["Audio", "Computers", "Kitchen", "Outdoor", "Fashion", "Home", "Office", "Sports", "Toys", "Garden",
              "Beauty", "Books"]
ADJECTIVES = ["Wireless", "Ergonomic", "Compact", "Portable", "Vintage", "Premium", "Smart", "Organic", "Stainless",
              "Bamboo", "Leather", "Ceramic", "Carbon", "Waterproof", "Foldable", "Rechargeable", "Classic", "Modular"]
NOUNS = ["Headphones", "Keyboard", "Backpack", "Kettle", "Lamp", "Speaker", "Notebook", "Blender", "Jacket",
         "Sneakers", "Monitor", "Camera", "Mug", "Chair", "Watch", "Bottle", "Charger", "Tent", "Knife", "Pillow",
         "Blanket", "Drone", "Router", "Tripod"]
TOPICS = ["Kotlin", "Python", "Photography", "Watercolour", "Bookkeeping", "Statistics", "Guitar", "Spanish",
          "Negotiation", "Woodworking", "Nutrition", "Astronomy", "Typography", "Gardening", "Chess", "Rust"]
LEVELS = ["from scratch", "for beginners", "in practice", "masterclass", "the essentials", "advanced"]


def jwt_subject(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]


class Seeder:
    """Holds what was seeded (ids, users and their tokens) and the refusals met on the way."""

    def __init__(self, base, admin_token, concurrency=16, rnd=None, log=print):
        self.base, self.admin_token, self.concurrency = base, admin_token, concurrency
        self.rnd, self.log = rnd or random.Random(42), log
        self.local = threading.local()
        self.lock = threading.Lock()
        self.errors = {}          # "step: status code" -> count
        self.timings = {}         # step -> seconds
        self.counts = {}          # step -> items done
        self.categories, self.products, self.courses = [], [], []
        self.instructors, self.customers = [], []

    # --- HTTP -----------------------------------------------------------------------------------------------------
    def client(self):
        c = getattr(self.local, "client", None)
        if c is None:
            c = self.local.client = Client(self.base)
        return c

    def call(self, method, path, body=None, token=None, headers=None):
        c = self.client()
        c.token = token
        try:
            return c.call(method, path, body, headers)
        except Exception as e:  # a dropped connection twice in a row: counted as a refusal
            return 599, {"code": type(e).__name__}, 0.0

    def refused(self, step, status, payload):
        code = (payload or {}).get("code", "") if isinstance(payload, dict) else ""
        key = "%s: %d %s" % (step, status, code)
        with self.lock:
            self.errors[key] = self.errors.get(key, 0) + 1

    def ok(self, step, method, path, body=None, token=None, headers=None, expect=(200, 201, 204)):
        status, payload, _ = self.call(method, path, body, token, headers)
        if status not in expect:
            self.refused(step, status, payload)
            return None
        return payload if payload is not None else {}

    def as_user(self, step, user, method, path, body=None, headers=None, expect=(200, 201, 204)):
        """A call with the user's access token; refreshed once on 401 (access tokens live 15 minutes).
        None when refused (counted), else the body ({} when there is none)."""
        status, payload, _ = self.call(method, path, body, user["access"], headers)
        if status == 401 and self.refresh(user):
            status, payload, _ = self.call(method, path, body, user["access"], headers)
        if status not in expect:
            self.refused(step, status, payload)
            return None
        return payload if payload is not None else {}

    def refresh(self, user):
        payload = self.ok("refresh", "POST", "/api/v1/auth/refresh", {"refreshToken": user["refresh"]})
        if not payload:
            return False
        user["access"], user["refresh"] = payload["accessToken"], payload["refreshToken"]
        return True

    def parallel(self, step, fn, items):
        """fn(item) on the pool; returns the results in order; the step's time and count are recorded."""
        t0 = time.time()
        with ThreadPoolExecutor(self.concurrency) as pool:
            results = list(pool.map(fn, items))
        with self.lock:
            self.timings[step] = self.timings.get(step, 0.0) + time.time() - t0
            self.counts[step] = self.counts.get(step, 0) + sum(1 for r in results if r)
        return results

    def admin(self, step, method, path, body=None, **kw):
        return self.ok(step, method, path, body, self.admin_token, **kw)

    # --- catalog --------------------------------------------------------------------------------------------------
    def seed_categories(self, n):
        run = uuid.uuid4().hex[:6]
        for i, name in enumerate((CATEGORIES * 3)[:n]):
            r = self.admin("categories", "POST", "/api/v1/categories",
                           {"name": name if i < len(CATEGORIES) else "%s %d" % (name, i),
                            "slug": "%s-%s-%d" % (name.lower(), run, i)})
            if r:
                self.categories.append(r["categoryId"])
        if not self.categories:
            raise RuntimeError("no category could be created: %s" % self.errors)

    def product_body(self, i, run):
        rnd = random.Random(i)
        adjective, noun = rnd.choice(ADJECTIVES), rnd.choice(NOUNS)
        brand = BRANDS[i % len(BRANDS)]
        price = int(round(10 ** rnd.uniform(2.7, 4.7)))  # about 5 to 500 USD, log-uniform
        sku = "%s-%05d-%s" % (run, i, uuid.uuid4().hex[:4])
        body = {"sku": sku, "slug": sku.lower(), "name": "%s %s %s %d" % (brand, adjective, noun, 100 + i % 900),
                "description": "%s %s by %s: a %s %s for everyday use, model %d." % (
                    adjective, noun.lower(), brand, adjective.lower(), noun.lower(), i),
                "priceCents": price, "currency": "USD", "brand": brand,
                "categoryId": self.categories[i % len(self.categories)]}
        if rnd.random() < 0.9:
            body["weightGrams"] = rnd.randrange(100, 5000, 50)   # physical; the others are digital goods
        if rnd.random() < 0.2:
            body["compareAtPriceCents"] = price + price // 4
        stock = 0 if rnd.random() < 0.05 else rnd.choice((20, 100, 500, 2000, 10000))
        return body, stock

    def seed_products(self, n):
        run = uuid.uuid4().hex[:6].upper()

        def one(i):
            body, stock = self.product_body(i, run)
            r = self.admin("products", "POST", "/api/v1/products", body)
            if not r:
                return None
            pid = r["productId"]
            if self.admin("inventory", "PUT", "/api/v1/products/%s/inventory" % pid,
                          {"onHand": stock, "reorderThreshold": 10}) is None:
                stock = 0
            return {"id": pid, "brand": body["brand"], "price": body["priceCents"], "stock": stock,
                    "category": body["categoryId"], "name": body["name"]}

        self.products = [p for p in self.parallel("products", one, range(n)) if p]
        if not self.products:
            raise RuntimeError("no product could be created: %s" % self.errors)

    # --- people ---------------------------------------------------------------------------------------------------
    def seed_people(self, customers, instructors):
        run = uuid.uuid4().hex[:6]
        people = [{"email": "instructor-%d-%s@bench.stoa" % (i, run), "roles": ["instructor"], "n": i}
                  for i in range(instructors)]
        people += [{"email": "user-%d-%s@bench.stoa" % (i, run), "roles": ["customer"], "n": i}
                   for i in range(customers)]

        def register(p):
            return self.ok("register", "POST", "/api/v1/auth/register",
                           {"email": p["email"], "password": PASSWORD, "firstName": "Bench",
                            "lastName": "Person %d" % p["n"], "roles": p["roles"]}, expect=(201,)) is not None

        people = [p for p, ok in zip(people, self.parallel("register", register, people)) if ok]
        tokens = self.verification_tokens({p["email"] for p in people})

        def verify(p):
            if p["email"] not in tokens:
                self.refused("verify", 0, {"code": "no_mail"})
                return False
            return self.ok("verify", "POST", "/api/v1/auth/email/verify",
                           {"token": tokens[p["email"]], "password": PASSWORD}) is not None

        people = [p for p, ok in zip(people, self.parallel("verify", verify, people)) if ok]

        def login(p):
            r = self.ok("login", "POST", "/api/v1/auth/login", {"email": p["email"], "password": PASSWORD})
            if not r:
                return False
            p["access"], p["refresh"], p["id"] = r["accessToken"], r["refreshToken"], jwt_subject(r["accessToken"])
            if "customer" in p["roles"]:
                a = self.as_user("address", p, "POST", "/api/v1/users/%s/addresses" % p["id"], {
                    "label": "home", "streetLine1": "%d Bench Street" % (1 + p["n"]), "city": "Springfield",
                    "state": "IL", "postalCode": "62701", "countryCode": "US", "isDefault": True})
                if not a:
                    return False
                p["addressId"] = a.get("addressId")
            return True

        people = [p for p, ok in zip(people, self.parallel("login", login, people)) if ok]
        for p in people:
            p.update(orders=0, spent=0, enrolled=set(), funded=0)
        self.instructors = [p for p in people if "instructor" in p["roles"]]
        self.customers = [p for p in people if "customer" in p["roles"]]

    def verification_tokens(self, emails, wait=180):
        """The whole dev mailbox read at once (one request, not one per user), until every address has its mail."""
        found, t0 = {}, time.time()
        while time.time() - t0 < wait:
            status, mails, _ = self.call("GET", "/api/v1/dev/mailbox")
            for m in (mails or []) if status == 200 else []:
                text = m.get("text") or ""
                if "signed up: " in text:
                    for to in m.get("to") or []:
                        if to.lower() in emails:
                            found[to.lower()] = text.split("signed up: ", 1)[1].split()[0]
            if len(found) >= len(emails):
                break
            time.sleep(2)
        with self.lock:
            self.timings["mailbox"] = time.time() - t0
        return found

    # --- courses --------------------------------------------------------------------------------------------------
    def seed_courses(self, n):
        if not self.instructors:
            raise RuntimeError("no instructor: %s" % self.errors)

        def one(i):
            rnd = random.Random(1000 + i)
            teacher = self.instructors[i % len(self.instructors)]
            free = i % 5 < 2  # 40% free
            title = "%s %s %d" % (rnd.choice(TOPICS), rnd.choice(LEVELS), i)
            c = self.as_user("course", teacher, "POST", "/api/v1/courses", {
                "title": title, "description": "A bench course about %s." % title.lower(),
                "priceCents": 0 if free else rnd.choice((1900, 2900, 4900, 7900, 9900)), "currency": "USD",
                "categoryId": self.categories[i % len(self.categories)]})
            if c is None:
                return None
            cid = c["courseId"]
            lessons = [
                {"title": "Welcome", "type": "video", "position": 1, "durationSeconds": 90 + i,
                 "contentRef": "https://videos.example.org/bench/%d/welcome.mp4" % i},
                {"title": "Reading", "type": "reading", "position": 2, "body": "What %s is about." % title},
                {"title": "Check", "type": "quiz", "position": 3, "quiz": [
                    {"prompt": "Is this a bench course?", "choices": ["yes", "no"], "correct": [0]},
                    {"prompt": "Pick the even numbers", "choices": ["1", "2", "4"], "correct": [1, 2]}]}]
            for lesson in lessons:
                lid = self.as_user("lesson", teacher, "POST", "/api/v1/courses/%s/lessons" % cid, lesson)
                if lid is not None:
                    self.as_user("publish lesson", teacher, "POST",
                                 "/api/v1/courses/%s/lessons/%s/publish" % (cid, lid["lessonId"]))
            if self.as_user("publish course", teacher, "POST", "/api/v1/courses/%s/publish" % cid) is None:
                return None
            return {"id": cid, "free": free, "title": title}

        self.courses = [c for c in self.parallel("courses", one, range(n)) if c]

    # --- money, orders, enrollments -------------------------------------------------------------------------------
    def fund(self, users, cents=FUND_CENTS):
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 7 * 86400))
        codes = []
        for start in range(0, len(users), 1000):
            batch = users[start:start + 1000]
            r = self.admin("vouchers", "POST", "/api/v1/admin/vouchers",
                           {"amountCents": cents, "currency": "USD", "count": len(batch), "expiresAt": expires})
            codes += codes_of(r) if r else [None] * len(batch)

        def redeem(pair):
            user, code = pair
            if code and self.as_user("redeem", user, "POST", "/api/v1/wallet/redeem", {"code": code}) is not None:
                user["funded"] += cents
                return True
            return False

        self.parallel("redeem", redeem, list(zip(users, codes)))

    def in_stock(self, minimum=50):
        return [p for p in self.products if p["stock"] >= minimum]

    def seed_orders(self, users):
        stocked = self.in_stock()
        if len(stocked) < 2:
            raise RuntimeError("fewer than 2 products in stock: %s" % self.errors)

        def orders_of(user):
            rnd = random.Random(user["email"])
            placed = 0
            for _ in range(rnd.choice((1, 2))):
                lines = rnd.sample(stocked, rnd.choice((1, 2)))
                if not all(self.as_user("cart add", user, "POST", "/api/v1/cart/items",
                                        {"itemType": "product", "itemId": p["id"], "quantity": 1}) is not None
                           for p in lines):
                    self.as_user("cart clear", user, "DELETE", "/api/v1/cart")
                    continue
                order = self.as_user("order", user, "POST", "/api/v1/orders", {"paymentMethod": "wallet"},
                                     {"Idempotency-Key": str(uuid.uuid4())}, expect=(201,))
                if order:
                    placed += 1
                    user["spent"] += order.get("totalCents", 0)
                else:
                    self.as_user("cart clear", user, "DELETE", "/api/v1/cart")
            user["orders"] += placed
            return placed

        return sum(self.parallel("orders", orders_of, users))

    def seed_enrollments(self, users):
        free = [c for c in self.courses if c["free"]]
        paid = [c for c in self.courses if not c["free"]]

        def enroll(user):
            rnd = random.Random("e" + user["email"])
            wanted = [(rnd.choice(free), None)] if free else []
            if paid and (rnd.random() < 0.5 or not wanted):
                wanted.append((rnd.choice(paid), {"paymentMethod": "wallet"}))
            done = 0
            for course, body in wanted:
                if self.as_user("enroll", user, "POST", "/api/v1/courses/%s/enroll" % course["id"], body or {},
                                expect=(201,)):
                    user["enrolled"].add(course["id"])
                    done += 1
            return done

        return sum(self.parallel("enrollments", enroll, users))

    def refresh_all(self, users):
        """Fresh access tokens (15 minutes) for the users a scenario needs, by refresh: no bcrypt, no login event."""
        return self.parallel("token refresh", self.refresh, users)
