"""Fault drill behind `bench/faults.sh`: the production site under steady load while its services fail.

gunicorn (production settings, 2 sync workers) on PostgreSQL `twinning_faults` and Redis (db 7), the webhook
worker beside it, a local webhook receiver, load threads and a publisher (API v3 with a bearer token). Phases:

1. baseline
2. postgres: PostgreSQL stopped for --outage seconds, then started (pg_ctlcluster): requests should be 503,
   then recover without restarting gunicorn
3. redis: Redis shut down for --outage seconds, then started again with its own configuration: served, slower
4. webhooks: the receiver hangs (longer than TWINNING_WEBHOOK_TIMEOUT), then answers 500, then 200:
   publishing is not slowed, deliveries are retried and arrive
5. the check: every title whose publish was acknowledged is readable through API v2 and v3

`--dry-run` runs every phase without touching PostgreSQL or Redis (for developing the drill). Writes
bench/results/faults-<timestamp>.json and .md; asserts nothing.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = "twinning_faults"
REDIS_DB = 7
PG_CLUSTER = ["15", "main"]
WEBHOOK_TIMEOUT = 2
WORKER = [PYTHON, "manage.py", "db_worker", "--backend", "webhooks", "--queue-name", "webhooks,renditions"]

LOAD_URLS = [
    "/en/",
    "/en/stories/",
    "/es/stories/",
    "/api/v2/pages/?type=stories.StoryPage&fields=date,intro&limit=20",
    "/api/v3/pages/?type=stories.StoryPage&limit=20",
    "/api/v2/pages/?type=stories.StoryPage&locale=fr&fallback=en&limit=10",
]


def log(message):
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def run(cmd, env=None, check=True, timeout=1800):
    result = subprocess.run(cmd, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=timeout, check=False)
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    return result


def site_env(port, receiver_port, media_root, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "faults-only-key-not-secret-faults-only-key-not-secret",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": f"redis://{HOST}:6379/{REDIS_DB}",
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "WAGTAILADMIN_BASE_URL": f"http://{HOST}:{port}",
        "TWINNING_API_RATE_LIMIT": "0",
        "TWINNING_WEBHOOK_TIMEOUT": str(WEBHOOK_TIMEOUT),
        "TWINNING_WEBHOOK_BACKOFF_SECONDS": "2",
        "TWINNING_WEBHOOK_MAX_ATTEMPTS": "8",
        "PYTHONWARNINGS": "ignore",
    }


SETUP_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from wagtail.models import APIToken
from cms.webhooks.models import WebhookSubscription
from stories.models import StoryIndexPage
user, _ = get_user_model().objects.get_or_create(username="faults", defaults={{"is_superuser": True, "is_staff": True}})
APIToken.objects.filter(user=user).delete()
_token, key = APIToken.create_token(user=user, name="faults drill")
WebhookSubscription.objects.filter(name="faults drill").delete()
WebhookSubscription.objects.create(name="faults drill", target_url="{receiver}", secret="faults-secret")
index = StoryIndexPage.objects.filter(locale__language_code="en").first()
print(json.dumps({{"token": key, "story_index": index.pk}}))
"""

DELIVERY_SCRIPT = """
import json
from django.db.models import Count
from cms.webhooks.models import WebhookAttempt, WebhookDelivery
deliveries = WebhookDelivery.objects.filter(subscription__name="faults drill", created_at__gte="{since}")
attempts = WebhookAttempt.objects.filter(delivery__in=deliveries)
print(json.dumps({{
    "deliveries": deliveries.count(),
    "by_status": dict(Counter(deliveries.values_list("status", flat=True))),
    "attempts": attempts.count(),
    "failed_attempts": attempts.filter(succeeded=False).count(),
    "retried_deliveries": deliveries.filter(attempt_count__gt=1).count(),
}}))
""".replace("import json\n", "import json\nfrom collections import Counter\n", 1)


def prepare(env):
    exists = run(
        ["psql", "-h", HOST, "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{DATABASE}'"]
    )
    if exists.stdout.strip() != "1":
        run(["createdb", "-h", HOST, "-U", "postgres", DATABASE])
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run(
        [PYTHON, "manage.py", "generate_content", "--stories", "60", "--partnerships", "12", "--languages", "es,fr"],
        env,
    )
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)


def manage_shell(env, script):
    result = run([PYTHON, "manage.py", "shell", "-c", script], env)
    return json.loads(result.stdout.strip().splitlines()[-1])


class Receiver(BaseHTTPRequestHandler):
    """The webhook receiver: its mode (ok, hang, fail) is switched by the drill."""

    mode = "ok"
    received = Counter()

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        mode = Receiver.mode
        Receiver.received[mode] += 1
        if mode == "hang":
            time.sleep(WEBHOOK_TIMEOUT + 3)
        status = 500 if mode == "fail" else 200
        try:
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"{}")
        except OSError:
            pass  # the worker gave up waiting

    def log_message(self, *args):
        pass


class Recorder:
    """Every request's (monotonic time, kind, outcome, seconds); outcome is a status code or an error's name."""

    def __init__(self):
        self.lock = threading.Lock()
        self.events = []

    def add(self, kind, outcome, seconds):
        with self.lock:
            self.events.append((time.monotonic(), kind, outcome, seconds))


def request(method, url, body=None, token=None, timeout=10):
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.monotonic()
    try:
        with urllib.request.urlopen(  # noqa: S310
            urllib.request.Request(url, data=data, headers=headers, method=method), timeout=timeout
        ) as response:
            payload = response.read()
            return response.status, payload, time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.monotonic() - started
    except TimeoutError:
        return "timeout", b"", time.monotonic() - started
    except (urllib.error.URLError, ConnectionError, OSError) as error:
        reason = getattr(error, "reason", error)
        return f"connection error ({type(reason).__name__})", b"", time.monotonic() - started


def load_loop(base, recorder, stop, offset):
    index = offset
    while not stop.is_set():
        status, _body, seconds = request("GET", base + LOAD_URLS[index % len(LOAD_URLS)])
        recorder.add("read", status, seconds)
        index += 1


def publish_loop(base, token, story_index, recorder, stop, published, interval=1.0):
    """Creates and publishes a story every `interval` seconds; remembers the titles whose publish was acknowledged."""
    number = 0
    while not stop.is_set():
        number += 1
        title = f"Faults drill story {int(time.time())}-{number}"
        payload = {
            "meta": {"type": "stories.StoryPage", "parent_id": story_index},
            "title": title,
            "date": "2026-11-28",
            "intro": "Published while the site was under load and its services failed.",
        }
        status, body, seconds = request("POST", f"{base}/api/v3/pages/", payload, token)
        if status == 201:
            page_id = json.loads(body)["id"]
            status, body, more = request("POST", f"{base}/api/v3/pages/{page_id}/actions/publish/", {}, token)
            seconds += more
            if status == 200:
                published.append({"id": page_id, "title": title})
        recorder.add("publish", status, seconds)
        stop.wait(interval)


def outcome_ok(outcome):
    return isinstance(outcome, int) and outcome < 400


def summarise(events, start, end, fault_at=None):
    window = [event for event in events if start <= event[0] < end]
    reads = [event for event in window if event[1] == "read"]
    publishes = [event for event in window if event[1] == "publish"]
    errors = Counter(str(event[2]) for event in window if not outcome_ok(event[2]))
    latencies = sorted(event[3] for event in reads if outcome_ok(event[2]))
    summary = {
        "seconds": round(end - start, 1),
        "requests": len(window),
        "reads": len(reads),
        "publishes": len(publishes),
        "publishes_ok": sum(outcome_ok(event[2]) for event in publishes),
        "errors": dict(errors),
        "read_p50_ms": round(latencies[len(latencies) // 2] * 1000) if latencies else None,
        "read_p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000) if latencies else None,
        "publish_max_ms": round(max(event[3] for event in publishes) * 1000) if publishes else None,
    }
    if fault_at is not None:
        failures = [event[0] for event in window if event[0] >= fault_at and not outcome_ok(event[2])]
        # From the fault to the last failed request: after it, every request succeeded.
        summary["time_to_recover_s"] = round(max(failures) - fault_at, 1) if failures else 0.0
    return summary


def stop_postgres(seconds):
    run(["pg_ctlcluster", *PG_CLUSTER, "stop", "-m", "fast"], timeout=60)
    time.sleep(seconds)
    run(["pg_ctlcluster", *PG_CLUSTER, "start"], timeout=60)


def stop_redis(seconds):
    # Redis here runs from command-line options, not a file: keep its configuration, restart it with the same.
    keys = ["bind", "port", "daemonize", "pidfile", "logfile", "dir", "save", "appendonly", "protected-mode"]
    config = {}
    for key in keys:
        values = run(["redis-cli", "-h", HOST, "config", "get", key]).stdout.splitlines()
        if len(values) == 2:
            config[key] = values[1]
    config["daemonize"] = "yes"
    conf = Path(tempfile.mkdtemp(prefix="faults-redis-")) / "redis.conf"
    conf.write_text("".join(f"{key} {value or chr(34) * 2}\n" for key, value in config.items()))
    run(["redis-cli", "-h", HOST, "shutdown", "nosave"], check=False)
    time.sleep(seconds)
    run(["redis-server", str(conf)])
    for _ in range(50):
        if run(["redis-cli", "-h", HOST, "ping"], check=False).stdout.strip() == "PONG":
            return
        time.sleep(0.1)
    raise SystemExit(f"Redis did not come back: start it with redis-server {conf}")


def start(cmd, env, log_path):
    # Into a file, never a pipe nobody reads: errors logged during an outage would fill the pipe and block the
    # processes writing to it.
    with open(log_path, "ab") as log_file:
        return subprocess.Popen(
            cmd, env=env, cwd=BASE_DIR, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if request("GET", url, timeout=3)[0] == 200:
            return
        time.sleep(0.5)
    raise SystemExit(f"{url} did not answer 200 within {seconds} s")


def check_published(base, published):
    """Which acknowledged publishes cannot be read back (v2 detail and v3 detail, same title)."""
    lost = []
    for item in published:
        for url in (f"{base}/api/v2/pages/{item['id']}/", f"{base}/api/v3/pages/{item['id']}/"):
            status, body, _seconds = request("GET", url)
            if status != 200 or json.loads(body).get("title") != item["title"]:
                lost.append({**item, "url": url, "status": status})
    return lost


def markdown(report):
    lines = [
        f"# Fault drill {report['timestamp']}",
        "",
        f"{'Dry run: no service stopped. ' if report['dry_run'] else ''}gunicorn 2 sync workers, production "
        f"settings, PostgreSQL `{DATABASE}`, Redis db {REDIS_DB}; {report['load_threads']} load threads and a "
        f"publisher; outages of {report['outage_seconds']} s.",
        "",
        "| phase | s | requests | errors by kind | read p50 / p95 ms | publishes ok / sent | max publish ms "
        "| time to recover s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, phase in report["phases"].items():
        errors = ", ".join(f"{kind}: {count}" for kind, count in sorted(phase["errors"].items())) or "none"
        lines.append(
            f"| {name} | {phase['seconds']} | {phase['requests']} | {errors} | {phase['read_p50_ms']} / "
            f"{phase['read_p95_ms']} | {phase['publishes_ok']} / {phase['publishes']} | {phase['publish_max_ms']} "
            f"| {phase.get('time_to_recover_s', '')} |"
        )
    total = report["total"]
    lines += [
        "",
        f"Requests sent: {total['requests']}; errors by kind: {total['errors'] or 'none'}.",
        f"Publishes acknowledged: {report['published']}; lost (not readable through v2 and v3 afterwards): "
        f"{len({item['id'] for item in report['lost']})}.",
        f"Webhooks: {report['webhooks']}; receiver saw {report['receiver']}.",
        f"Webhook worker restarted by the drill: {report['worker_restarts'] or 'no'}. Logs: {report['logs']}.",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8301, help="gunicorn's port (default 8301)")
    parser.add_argument("--receiver-port", type=int, default=8302, help="the webhook receiver's port (8302)")
    parser.add_argument("--phase-seconds", type=float, default=10, help="load before and after each fault (10)")
    parser.add_argument("--outage", type=float, default=3, help="seconds PostgreSQL and Redis stay down (3)")
    parser.add_argument("--threads", type=int, default=3, help="load threads (3)")
    parser.add_argument("--dry-run", action="store_true", help="do not stop PostgreSQL or Redis")
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the database as it is")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="twinning-faults-"))
    env = site_env(args.port, args.receiver_port, BASE_DIR / "bench" / ".media", work / "static")
    base = f"http://{HOST}:{args.port}"
    if not args.skip_prepare:
        log(f"preparing {DATABASE}")
        prepare(env)
    else:
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    receiver = ThreadingHTTPServer((HOST, args.receiver_port), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    setup = manage_shell(env, SETUP_SCRIPT.format(receiver=f"http://{HOST}:{args.receiver_port}/hook"))
    run(["redis-cli", "-h", HOST, "-n", str(REDIS_DB), "FLUSHDB"], check=False)
    since = datetime.now(UTC).isoformat()

    gunicorn = start(
        [GUNICORN, "cms.wsgi", "--workers", "2", "--bind", f"{HOST}:{args.port}", "--timeout", "30"],
        env,
        work / "gunicorn.log",
    )
    worker = start(WORKER, env, work / "worker.log")
    worker_restarts = []
    recorder, stop_load, published = Recorder(), threading.Event(), []
    threads = []
    phases, marks = {}, {}
    try:
        wait_for(f"{base}/healthz")
        for url in LOAD_URLS * 2:  # warm each worker's caches, so that the baseline is not a cold start
            request("GET", base + url)
        log(f"site up on {base}")
        threads = [
            threading.Thread(target=load_loop, args=(base, recorder, stop_load, i), daemon=True)
            for i in range(args.threads)
        ]
        threads.append(
            threading.Thread(
                target=publish_loop,
                args=(base, setup["token"], setup["story_index"], recorder, stop_load, published),
                daemon=True,
            )
        )
        for thread in threads:
            thread.start()
        marks["start"] = time.monotonic()
        time.sleep(args.phase_seconds)
        marks["baseline"] = time.monotonic()

        log("postgres: stop, wait, start" + (" (dry run)" if args.dry_run else ""))
        marks["postgres_fault"] = time.monotonic()
        if args.dry_run:
            time.sleep(args.outage)
        else:
            stop_postgres(args.outage)
        time.sleep(args.phase_seconds)
        marks["postgres"] = time.monotonic()
        if worker.poll() is not None:  # the worker does not survive a database outage: say so, start it again
            worker_restarts.append(f"exited with {worker.returncode} after the PostgreSQL restart")
            worker = start(WORKER, env, work / "worker.log")

        log("redis: shutdown, wait, start" + (" (dry run)" if args.dry_run else ""))
        marks["redis_fault"] = time.monotonic()
        if args.dry_run:
            time.sleep(args.outage)
        else:
            stop_redis(args.outage)
        time.sleep(args.phase_seconds)
        marks["redis"] = time.monotonic()

        log("webhooks: receiver hangs, then fails, then answers")
        marks["webhook_fault"] = time.monotonic()
        Receiver.mode = "hang"
        time.sleep(args.phase_seconds)
        Receiver.mode = "fail"
        time.sleep(args.phase_seconds)
        Receiver.mode = "ok"
        time.sleep(args.phase_seconds)
        marks["webhooks"] = time.monotonic()
        stop_load.set()
        for thread in threads:
            thread.join(timeout=30)

        log("checking published pages and deliveries")
        lost = check_published(base, published)
        deadline = time.monotonic() + 60
        while True:
            webhooks = manage_shell(env, DELIVERY_SCRIPT.format(since=since))
            pending = webhooks["deliveries"] - webhooks["by_status"].get("succeeded", 0)
            if not pending or time.monotonic() > deadline:
                break
            time.sleep(2)
    finally:
        stop_load.set()
        stop(worker)
        stop(gunicorn)
        receiver.shutdown()

    events = recorder.events
    phases["baseline"] = summarise(events, marks["start"], marks["baseline"])
    phases["postgres restart"] = summarise(events, marks["baseline"], marks["postgres"], marks["postgres_fault"])
    phases["redis stop"] = summarise(events, marks["postgres"], marks["redis"], marks["redis_fault"])
    phases["webhook receiver hang/fail"] = summarise(events, marks["redis"], marks["webhooks"], marks["webhook_fault"])
    timestamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "timestamp": timestamp,
        "dry_run": args.dry_run,
        "outage_seconds": args.outage,
        "load_threads": args.threads,
        "phases": phases,
        "total": summarise(events, marks["start"], marks["webhooks"] + 1),
        "published": len(published),
        "lost": lost,
        "webhooks": webhooks,
        "receiver": dict(Receiver.received),
        "worker_restarts": worker_restarts,
        "logs": str(work),
    }
    results = BASE_DIR / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"faults-{timestamp}.json").write_text(json.dumps(report, indent=2) + "\n")
    (results / f"faults-{timestamp}.md").write_text(markdown(report))
    print(markdown(report))
    log(f"wrote bench/results/faults-{timestamp}.json and .md")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
