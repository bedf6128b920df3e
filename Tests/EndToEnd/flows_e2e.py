#!/usr/bin/env python3
"""The post-purchase flows end to end, as a shop would run them (issue 6, "Done when").

A demo shop (`flywheel demo --no-serve`), the seeds' flow library (examples/flows) switched on with
`flywheel serve --flows`, a real SMTP server (scripts/smtp-sink, aiosmtpd), and the server's test clock
(`serve --clock-file`, docs/flows.md "End to end"): the test writes the instant the server takes for "now" into
a file, so days of waiting pass in seconds while the server's sleeps and polls stay real. The server is killed
(SIGKILL) and restarted between and during the steps:

  day 0    customers order through the API: each gets the order confirmation at once — in their language,
           with their first name, items and total and the delivery window (the shop's 2–4 working days:
           through the API the shipment's promise comes after the order); then their shipments are delivered.
  day 2    killed and restarted: the delivery check-in waits for 10:00 in the morning; killed and restarted
           again, still nothing sent.
  day 3    the clock moves on while the server idles: every check-in arrives within seconds, once (the
           existing-customer exemption with its opt-out notice for those without consent). Killed, restarted:
           one customer answers "no" through the signed answer link and gets the make-it-right answer (within
           seconds) and a ticket; another unsubscribes through the one-click List-Unsubscribe URL.
  day 14   restarted: the review request waits for the morning.
  day 15   a server without a mail server is killed in the middle of handing the review requests to the
           outbox; restarted (leases expired): the review request reaches exactly the customers outside the
           flow's holdout group, once each, and never the unsubscribed customer; some customers order again;
           `flywheel flows report --json` shows the flow's holdout group and the lift.

Nothing may be lost or sent twice across the kills: every (recipient, subject) arrives exactly once, and the
outbox holds one message per customer and step. Every wait is on a condition with a deadline; a failure prints
what was expected and found, and the tail of the server's log.

  Tests/EndToEnd/flows_e2e.py BINARY        (run by scripts/flows-e2e, which scripts/test calls)
"""
import datetime as dt
import email
import email.policy
import glob
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/flywheel")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = tempfile.mkdtemp(prefix="flywheel-flows-e2e-")
DATABASE = os.path.join(WORK, "shop.sqlite")
CLOCK = os.path.join(WORK, "clock")
LINK_SECRET = "an end-to-end link secret that is long enough"
# Day 0 is tomorrow at 11:00 UTC (noon in Berlin): every send of the library falls in daytime.
DAY0 = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).replace(hour=11, minute=0, second=0, microsecond=0)
# How soon a message must arrive once it is due while the server idles (the scheduler and the outbox poll every
# second, the clock file is read every 100 ms): the case libfaketime stalled.
PROMPT_SECONDS = 10

failures = []
servers = []  # every server started, for the log tail on failure


def check(condition, message):
    if condition:
        print("  ok   " + message, flush=True)
    else:
        print("  FAIL " + message, flush=True)
        failures.append(message)
        if servers:
            servers[-1].print_log_tail()


def iso(moment):
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def set_clock(moment):
    """The instant the server takes for now from here on (it reads the file again within 100 ms)."""
    with open(CLOCK + ".new", "w") as handle:
        handle.write(iso(moment) + "\n")
    os.replace(CLOCK + ".new", CLOCK)
    return time.time()


def database():
    return sqlite3.connect("file:%s?mode=ro" % DATABASE, uri=True, timeout=10)


def query(sql, *arguments):
    with database() as connection:
        return connection.execute(sql, arguments).fetchall()


class SMTPSink:
    def __init__(self):
        self.dir = os.path.join(WORK, "mail")
        self.process = subprocess.Popen(
            [os.path.join(REPO, "scripts/smtp-sink"), "--dir", self.dir], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)
        self.info = json.loads(self.process.stdout.readline())
        self.cache = {}

    def url(self):
        query_string = urllib.parse.urlencode({"tls": "starttls", "ca": self.info["cert"]})
        return "smtp://flywheel:secret@127.0.0.1:%d?%s" % (self.info["port"], query_string)

    def messages(self):
        found = []
        for path in sorted(glob.glob(os.path.join(self.dir, "*.eml"))):
            if not os.path.exists(path[:-4] + ".json"):
                continue  # still being written
            if path not in self.cache:
                with open(path, "rb") as handle:
                    self.cache[path] = email.message_from_binary_file(handle, policy=email.policy.default)
            found.append(self.cache[path])
        return found

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def text_of(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


def html_of(message):
    part = message.get_body(preferencelist=("html",))
    return part.get_content() if part is not None else ""


class Server:
    """`flywheel serve` on the test clock, which is set to `at` first; `mail=False` starts it without a mail
    server (messages stay queued in the outbox)."""

    def __init__(self, sink, at, mail=True):
        set_clock(at)
        self.log_path = os.path.join(WORK, "serve-%d-%s.log" % (len(servers) + 1, at.strftime("%Y%m%d%H%M")))
        self.log = open(self.log_path, "w")
        self.log_printed = False
        servers.append(self)
        environment = dict(os.environ, FLYWHEEL_DATABASE=DATABASE)
        arguments = [
            BINARY, "serve", "--port", "0", "--log-level", "warning", "--clock-file", CLOCK,
            "--flows", os.path.join(REPO, "examples/flows"),
            "--programme", os.path.join(REPO, "examples/programmes/seeds-default.json"),
            "--link-secret", LINK_SECRET, "--public-url", "http://shop.localhost",
            "--flow-interval", "60", "--no-dashboard", "--existing-customer-exemption", "--delivery-days", "2-4"]
        if mail:
            arguments += ["--smtp", sink.url(), "--mail-from", "Berg & Tal <hallo@berg-tal.example>"]
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=self.log, text=True, env=environment)
        self.url = None
        deadline = time.time() + 120
        while time.time() < deadline and self.url is None:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1)
        if self.url is None:
            self.print_log_tail()
            raise SystemExit("flywheel serve did not start; see " + self.log_path)

    def print_log_tail(self, lines=40):
        if self.log_printed:
            return
        self.log_printed = True
        self.log.flush()
        with open(self.log_path) as handle:
            tail = handle.readlines()[-lines:]
        print("  ---- the last %d lines of %s" % (len(tail), self.log_path))
        for line in tail:
            print("  | " + line.rstrip())
        print("  ----", flush=True)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.log.close()


def call(server, method, path, body=None, key=None, form=None):
    data = None
    headers = {}
    if key:
        headers["Authorization"] = "Bearer " + key
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = form.encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(server.url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(description, predicate, seconds=60, found=None, interval=0.2):
    """Polls `predicate` until it holds or `seconds` pass; on timeout a failed check says what `found` shows."""
    deadline = time.time() + seconds
    while True:
        value = predicate()
        if value:
            return value
        if time.time() >= deadline:
            detail = "; found: %s" % found() if found else ""
            check(False, "%s (waited %d s%s)" % (description, seconds, detail))
            return None
        time.sleep(interval)


def timeline(server, key, customer):
    status, body = call(server, "GET", "/api/v1/customers/%s/timeline?limit=100" % customer, key=key)
    return json.loads(body).get("items", []) if status == 200 else []


def timeline_has(server, key, customer, step, kinds=("waiting",), flow=None):
    return any(item.get("step_id") == step and item.get("kind") in kinds and (flow is None or item.get("flow_id") == flow)
               for item in timeline(server, key, customer))


def unsettled_messages():
    """E-mails to the test's customers not yet accepted by the mail server nor given up."""
    return query("SELECT count(*) FROM outbox_messages WHERE recipient LIKE 'e2e-%' AND status NOT IN ('sent', 'dead')")[0][0]


def local_path(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


CUSTOMERS = (
    [("e2e-de-%02d" % n, "de", "Anna%d" % n) for n in range(1, 21)]
    + [("e2e-en-%02d" % n, "en", "Emma%d" % n) for n in range(1, 21)]
)


def main():
    started = time.time()
    print("== demo shop, SMTP sink, API key (work folder %s)" % WORK)
    subprocess.run([BINARY, "demo", "--no-serve", "--customers", "300", "--database", DATABASE], check=True,
                   stdout=subprocess.DEVNULL)
    key = json.loads(subprocess.run(
        [BINARY, "keys", "create", "--name", "e2e", "--scopes", "admin", "--json", "--database", DATABASE],
        check=True, capture_output=True, text=True).stdout)["secret"]
    sink = SMTPSink()
    try:
        run(sink, key)
    finally:
        for server in servers:
            if server.process.poll() is None:
                server.kill()
        sink.stop()
    if failures:
        print("%d check(s) failed; the servers' logs are in %s" % (len(failures), WORK))
        sys.exit(1)
    print("all flow checks passed in %.0f s" % (time.time() - started))
    shutil.rmtree(WORK, ignore_errors=True)


def run(sink, key):
    def mails_to(address, subject=None):
        return [m for m in sink.messages() if address in str(m["To"]) and (subject is None or subject in str(m["Subject"]))]

    def check_in_subject(locale):
        return "angekommen" if locale == "de" else "arrive"

    def missing_check_ins():
        return [c for c, l, _ in CUSTOMERS if not mails_to(c + "@example.org", check_in_subject(l))]

    # ---- day 0: orders and the order confirmation
    print("== day 0 (%s): orders" % iso(DAY0))
    server = Server(sink, DAY0)
    with open(server.log_path) as handle:
        check("test clock in use" in handle.read(), "the server warns that the test clock is in use")
    promised = DAY0 + dt.timedelta(days=3)
    for customer, locale, name in CUSTOMERS:
        status, body = call(server, "POST", "/api/v1/customers", {
            "id": customer, "email": customer + "@example.org", "first_name": name, "locale": locale}, key)
        check(status in (200, 201), "customer %s stored (%d %s)" % (customer, status, body[:200]))
        order = {
            "id": "o-" + customer, "customer_id": customer, "placed_at": iso(DAY0), "currency": "EUR",
            "line_items": [{"sku": "TEA-1", "title": "Bergtee", "quantity": 2, "total_minor": 2400}],
            "subtotal_minor": 2400, "total_minor": 2400, "financial_status": "paid"}
        status, body = call(server, "POST", "/api/v1/orders", order, key)
        check(status in (200, 201), "order of %s stored (%d %s)" % (customer, status, body[:200]))
        status, body = call(server, "POST", "/api/v1/shipments", {
            "id": "s-" + customer, "order_id": "o-" + customer, "carrier": "DHL", "shipped_at": iso(DAY0),
            "promised_by": iso(promised)}, key)
        check(status in (200, 201), "shipment of %s stored (%d %s)" % (customer, status, body[:200]))
    # The same order again (a retried webhook) enters nothing twice.
    call(server, "POST", "/api/v1/orders", {
        "id": "o-e2e-de-01", "customer_id": "e2e-de-01", "placed_at": iso(DAY0), "currency": "EUR",
        "line_items": [{"sku": "TEA-1", "title": "Bergtee", "quantity": 2, "total_minor": 2400}],
        "subtotal_minor": 2400, "total_minor": 2400, "financial_status": "paid"}, key)

    wait_for("every customer's order confirmation arrived",
             lambda: all(mails_to(c + "@example.org") for c, _, _ in CUSTOMERS),
             found=lambda: "none for %s" % [c for c, _, _ in CUSTOMERS if not mails_to(c + "@example.org")])
    anna = mails_to("e2e-de-01@example.org")
    emma = mails_to("e2e-en-01@example.org")
    if anna and emma:
        check("Danke für Ihre Bestellung" in str(anna[0]["Subject"]), "German subject: " + str(anna[0]["Subject"]))
        check("Thank you for your order" in str(emma[0]["Subject"]), "English subject: " + str(emma[0]["Subject"]))
        check("Anna1" in text_of(anna[0]) and "Anna1" in html_of(anna[0]), "the German confirmation greets Anna1")
        check("Emma1" in text_of(emma[0]), "the English confirmation greets Emma1")
        check("2 × Bergtee" in text_of(anna[0]) and "24,00 €" in text_of(anna[0]),
              "the German confirmation lists the items and the total in German format")
        check(anna[0]["List-Unsubscribe"] is None, "a transactional confirmation has no List-Unsubscribe")
        # The delivery window: the shop's default (`--delivery-days 2-4`, working days in the shop's zone) when
        # no shipment promise is known yet; through this API the shipment and its promise come after the order.
        windows = [re.search(r"Ihr Paket kommt voraussichtlich (zwischen \w\w, \d+\.( \w+)? und \w\w, \d+\. \w+)\.",
                             text_of(anna[0])),
                   re.search(r"Your parcel should arrive (between \w\w\w \d+( \w+)? and \w\w\w \d+ \w+)\.",
                             text_of(emma[0]))]
        check(all(windows), "both confirmations restate the shop's 2–4 working days: %s" % [
            w.group(1) if w else [line for line in text_of(m).splitlines() if "voraussichtlich" in line or "arrive" in line]
            for w, m in zip(windows, (anna[0], emma[0]))])
    # Delivered a minute later.
    delivered = DAY0 + dt.timedelta(minutes=1)
    for customer, _, _ in CUSTOMERS:
        status, _ = call(server, "POST", "/api/v1/shipments/s-%s/events" % customer,
                         {"type": "delivered", "at": iso(delivered)}, key)
        check(status in (200, 201), "delivery of %s recorded" % customer)
    wait_for("the check-ins wait two days after the delivery",
             lambda: all(timeline_has(server, key, c, "wait_settle", flow="delivery_check_in") for c in ("e2e-de-01", "e2e-en-20")))
    wait_for("every confirmation is recorded as sent", lambda: unsettled_messages() == 0, found=unsettled_messages)
    server.kill()

    # ---- day 2: the check-in's two days are over; it waits for 10:00 in the customer's zone
    day2 = DAY0 + dt.timedelta(days=2, hours=1)
    print("== day 2 (%s): killed and restarted; the check-in waits for the morning" % iso(day2))
    server = Server(sink, day2)
    wait_for("the check-ins wait for the morning",
             lambda: all(timeline_has(server, key, c, "wait_morning", flow="delivery_check_in") for c, _, _ in CUSTOMERS),
             found=lambda: [c for c, _, _ in CUSTOMERS if not timeline_has(server, key, c, "wait_morning", flow="delivery_check_in")])
    server.kill()
    server = Server(sink, day2 + dt.timedelta(minutes=30))  # killed while waiting: the restart changes nothing
    check(not mails_to("e2e-de-01@example.org", "angekommen"), "no check-in before 10:00")

    # ---- day 3: the clock moves while the server idles; the delivery check-in
    day3 = DAY0 + dt.timedelta(days=3)
    print("== day 3 (%s): the clock moves on while the server idles; the delivery check-in" % iso(day3))
    moved = set_clock(day3)
    first = wait_for("the first check-in arrived", lambda: len(missing_check_ins()) < len(CUSTOMERS))
    first_at = time.time()
    wait_for("every customer's delivery check-in arrived", lambda: not missing_check_ins(), found=missing_check_ins)
    all_at = time.time()
    if first:
        check(first_at - moved <= PROMPT_SECONDS,
              "the first check-in arrived %.1f s after the clock moved (at most %d s)" % (first_at - moved, PROMPT_SECONDS))
        check(all_at - moved <= PROMPT_SECONDS + 10,
              "all %d check-ins arrived %.1f s after the clock moved (at most %d s)" % (len(CUSTOMERS), all_at - moved, PROMPT_SECONDS + 10))
    wait_for("every check-in is recorded as sent", lambda: unsettled_messages() == 0, found=unsettled_messages)
    server.kill()
    server = Server(sink, day3 + dt.timedelta(minutes=5))  # killed and restarted: nothing is sent again
    check_in = mails_to("e2e-de-01@example.org", "angekommen")
    if check_in:
        message = check_in[0]
        check(message["List-Unsubscribe"] is not None and message["List-Unsubscribe-Post"] is not None,
              "the check-in (marketing) carries List-Unsubscribe and List-Unsubscribe-Post")
        answers = re.findall(r'href="(http://shop\.localhost/c/answer\?t=[^"]+)"', html_of(message))
        check(len(answers) == 2, "the check-in has a yes and a no answer link")
        if len(answers) == 2:
            no = local_path(answers[1].replace("&amp;", "&"))
            status, page = call(server, "GET", no)
            token = re.search(r'name="csrf" value="([^"]+)"', page)
            check(status == 200 and token is not None, "the answer page shows a button")
            if token:
                status, page = call(server, "POST", no, form="csrf=" + urllib.parse.quote(token.group(1)))
                answered = time.time()
                check(status == 200, "the customer's \"no\" is taken (%d)" % status)
                if wait_for("the make-it-right answer arrived", lambda: mails_to("e2e-de-01@example.org", "kümmern"),
                            found=lambda: [str(m["Subject"]) for m in mails_to("e2e-de-01@example.org")]):
                    check(time.time() - answered <= PROMPT_SECONDS,
                          "the make-it-right answer arrived %.1f s after the answer" % (time.time() - answered))
                tickets = query("SELECT count(*) FROM support_tickets WHERE customer_id = ?", "e2e-de-01")[0][0]
                check(tickets == 1, "the \"no\" opened one make-it-right ticket (%d)" % tickets)
    # Emma2 unsubscribes with one click (RFC 8058) from her check-in.
    emma2 = mails_to("e2e-en-02@example.org", "arrive")
    if emma2:
        unsubscribe = str(emma2[0]["List-Unsubscribe"]).strip("<>")
        status, _ = call(server, "POST", local_path(unsubscribe), form="List-Unsubscribe=One-Click")
        check(status == 200, "one-click unsubscribe answered 200")
    wait_for("the make-it-right answer is recorded as sent", lambda: unsettled_messages() == 0, found=unsettled_messages)
    server.kill()

    # ---- day 14: two weeks of use are over; the review request waits for the morning
    day14 = DAY0 + dt.timedelta(days=14, hours=1)
    print("== day 14 (%s): restarted; the review request waits for the morning" % iso(day14))
    server = Server(sink, day14)
    wait_for("the review requests wait for the morning",
             lambda: all(timeline_has(server, key, c, "wait_morning", flow="review_request") for c, _, _ in CUSTOMERS),
             found=lambda: [c for c, _, _ in CUSTOMERS if not timeline_has(server, key, c, "wait_morning", flow="review_request")])
    server.kill()

    # ---- day 15: killed while handing the review requests to the outbox, restarted; repeat orders; the report
    day15 = DAY0 + dt.timedelta(days=15)
    print("== day 15 (%s): killed while queueing the review requests, restarted" % iso(day15))
    # 07:00 UTC: before 10:00 in Berlin in winter and in summer time.
    server = Server(sink, day15 - dt.timedelta(hours=4), mail=False)
    queued = lambda: query("SELECT count(*) FROM outbox_messages WHERE flow_id = 'review_request'")[0][0]
    check(queued() == 0, "no review request is queued before 10:00")
    set_clock(day15)
    wait_for("the review requests are being queued", lambda: queued() > 0, seconds=30, interval=0.002,
             found=queued)
    server.kill()
    at_kill = queued()
    print("  killed with %d review request(s) in the outbox" % at_kill)
    restart = day15 + dt.timedelta(minutes=10)  # the dead server's leases (2 minutes) have expired
    server = Server(sink, restart)

    def unfinished():
        return [c for c, _, _ in CUSTOMERS
                if not timeline_has(server, key, c, "send_request", kinds=("sent", "skipped"), flow="review_request")]

    wait_for("every customer's review step ran", lambda: not unfinished(), found=unfinished)
    wait_for("the review requests are delivered", lambda: unsettled_messages() == 0, found=unsettled_messages)
    reviewed = [c for c, l, _ in CUSTOMERS if mails_to(c + "@example.org", "Wie gefällt" if l == "de" else "How do you like")]
    review_rows = query("SELECT customer_id, status FROM outbox_messages WHERE flow_id = 'review_request'")
    check(sorted(c for c, _ in review_rows) == sorted(reviewed) and all(s == "sent" for _, s in review_rows),
          "the outbox holds one review request per customer mailed, each sent (%d)" % len(review_rows))
    check(len(review_rows) >= at_kill, "the review requests queued before the kill were kept (%d)" % at_kill)
    items = timeline(server, key, "e2e-en-02")
    check(bool(items), "the unsubscribed customer's timeline is readable")
    unsubscribed_skip = [item for item in items if item.get("flow_id") == "review_request" and item.get("kind") == "skipped"]
    print("  the unsubscribed customer's review step: %s" % [item.get("detail") for item in unsubscribed_skip])
    check("e2e-en-02" not in reviewed, "the unsubscribed customer got no review request")
    for customer, _, _ in CUSTOMERS[::3]:
        status, _ = call(server, "POST", "/api/v1/orders", {
            "id": "o2-" + customer, "customer_id": customer, "placed_at": iso(restart),
            "currency": "EUR", "subtotal_minor": 1800, "total_minor": 1800, "financial_status": "paid",
            "line_items": [{"sku": "TEA-2", "title": "Kräutertee", "quantity": 1, "total_minor": 1800}]}, key)
        check(status in (200, 201), "repeat order of %s stored" % customer)
    wait_for("the repeat orders' confirmations are delivered",
             lambda: all(len(mails_to(c + "@example.org", "Danke" if l == "de" else "Thank you")) == 2 for c, l, _ in CUSTOMERS[::3])
             and unsettled_messages() == 0, found=unsettled_messages)
    server.kill()

    # ---- exactly once, and the report
    counts = {}
    for message in sink.messages():
        counts.setdefault((str(message["To"]), str(message["Subject"])), 0)
        counts[(str(message["To"]), str(message["Subject"]))] += 1
    repeaters = {c + "@example.org" for c, _, _ in CUSTOMERS[::3]}
    # A repeat order has a confirmation of its own, with the same subject.
    expected = lambda to, subject: 2 if to in repeaters and subject in ("Danke für Ihre Bestellung", "Thank you for your order") else 1
    twice = {k: v for k, v in counts.items() if "e2e-" in k[0] and v != expected(*k)}
    check(not twice, "no message was delivered twice across the kills: %s" % twice)
    repeated = query("SELECT customer_id, flow_id, step_id, count(*) FROM outbox_messages WHERE customer_id LIKE 'e2e-%' "
                     "AND flow_id <> 'order_confirmation' GROUP BY customer_id, flow_id, step_id HAVING count(*) > 1")
    check(not repeated, "the outbox holds one message per customer and flow step: %s" % repeated)
    confirmations = query("SELECT count(*) FROM outbox_messages WHERE flow_id = 'order_confirmation' AND customer_id LIKE 'e2e-%'")[0][0]
    check(confirmations == len(CUSTOMERS) + len(CUSTOMERS[::3]),
          "one confirmation per order (%d), the retried order entered nothing twice" % confirmations)
    check(len(mails_to("e2e-de-01@example.org", "kümmern")) == 1, "the make-it-right answer arrived once")
    report = json.loads(subprocess.run(
        [BINARY, "flows", "report", "--json", "--flow", "review_request", "--database", DATABASE, "--window", "30"],
        check=True, capture_output=True, text=True).stdout)
    totals = report["reports"][0]["totals"]
    print("  review_request: " + json.dumps(totals, sort_keys=True))
    treated_skipped = 1 if any("consent" in (item.get("detail") or "") or "suppress" in (item.get("detail") or "")
                               or "unsubscrib" in (item.get("detail") or "") for item in unsubscribed_skip) else 0
    check(totals["holdout"] >= 1, "the review flow has a holdout group (%d)" % totals["holdout"])
    check(totals["entered"] + totals["holdout"] == len(CUSTOMERS),
          "every customer entered the review flow once: %d treated + %d held out" % (totals["entered"], totals["holdout"]))
    check(len(reviewed) == len(CUSTOMERS) - totals["holdout"] - treated_skipped,
          "exactly the treated customers with consent got the review request (%d)" % len(reviewed))
    check(totals["sent"] == len(reviewed) and totals["delivered"] == len(reviewed),
          "the report counts %d sent and delivered" % len(reviewed))
    check("lift" in totals and "lower" in totals["lift"] and "upper" in totals["lift"],
          "the report shows the lift against the holdout with its interval")
    check(totals["converted"] + totals["holdout_converted"] == len(CUSTOMERS[::3]),
          "every repeat order is attributed to its group (%d + %d)" % (totals["converted"], totals["holdout_converted"]))


if __name__ == "__main__":
    main()
