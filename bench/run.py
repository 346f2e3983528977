"""The load benchmark behind `make bench`: gunicorn with production settings, loaded with wrk, results written.

    .venv/bin/python bench/run.py            # full: 100 and 10,000 stories, 20 s per URL
    .venv/bin/python bench/run.py --quick    # 100 stories, 3 s per URL (`make bench BENCH_QUICK=1`)

Only 127.0.0.1 is ever targeted. Every loop is bounded in count and time. See bench/README.md for how to read
the output; nothing here asserts a figure.
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
RESULTS = BASE_DIR / "bench" / "results"
LUA = BASE_DIR / "bench" / "latency.lua"
HOST = "127.0.0.1"
PG = "postgres://postgres@127.0.0.1:5432"

# name -> how to find its path (filled in by the probe, which asks the database).
MIX = [
    "trivial",
    "home",
    "story",
    "story_listing_filtered",
    "partnership_directory",
    "partnership_directory_filtered",
    "api_story_listing_fields_all",
    "api_story_detail",
    "api_search",
    "search",
    "static",
]
PHASES = {
    "cold": "uncached: response cache off",
    "warm": "response cache on, each URL requested once first",
}
# Issue 5's targets, as ratios to the trivial view in the same run (cold = uncached).
TARGETS = [
    ("cold", "story", 0.06),
    ("cold", "api_story_listing_fields_all", 0.04),
    *[("warm", name, 0.5) for name in ("home", "story", "story_listing_filtered", "api_story_listing_fields_all")],
]
# The directory page itself is issue 5's "directory page": a full page of partnerships at both sizes. Filtered by a
# country, it shows the one partnership the small site has there and a full page on the large one, so its ratio
# measures a longer page as much as a bigger site; it is listed too, with the cards each size showed.
SCALE_URLS = [
    "api_story_listing_fields_all",
    "story_listing_filtered",
    "partnership_directory",
    "partnership_directory_filtered",
]


def reachable(port):
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return True
    except OSError:
        return False


def run(cmd, env, timeout=3600, check=True):
    result = subprocess.run(cmd, env=env, cwd=BASE_DIR, timeout=timeout, check=False, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stderr[-3000:]}")
    return result


def dataset_env(stories, services, media_root, static_root, response_cache=True):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-key-not-secret",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_HSTS_SECONDS": "0",
        "TWINNING_BENCH_VIEWS": "1",
        # The load comes from one address: the API rate limit would answer most of it with 429s.
        "TWINNING_API_RATE_LIMIT": "0",
        # Off for the cold phase: every request is then served uncached (cms/cache is bypassed entirely).
        "TWINNING_RESPONSE_CACHE": "1" if response_cache else "0",
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "DATABASE_CONN_MAX_AGE": "60",
        "PYTHONWARNINGS": "ignore",
    }
    if services["postgres"]:
        env["DATABASE_URL"] = f"{PG}/twinning_bench_{stories}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{BASE_DIR / 'bench' / f'.twinning_bench_{stories}.sqlite3'}"
    if services["redis"]:
        env["REDIS_URL"] = "redis://127.0.0.1:6379/5"
    else:
        env.pop("REDIS_URL", None)
    return env


def prepare_dataset(stories, env, services, log):
    """Create, migrate and fill the bench database; reused as it is when it already has the right size."""
    if services["postgres"]:
        name = f"twinning_bench_{stories}"
        exists = run(
            ["psql", "-h", HOST, "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"], env
        )
        if exists.stdout.strip() != "1":
            run(["createdb", "-h", HOST, "-U", "postgres", name], env)
    started = time.monotonic()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    partnerships = max(20, stories // 5)
    result = run(
        [
            PYTHON,
            "manage.py",
            "generate_content",
            "--stories",
            str(stories),
            "--partnerships",
            str(partnerships),
            "--languages",
            "es,fr",
            "-v1",
        ],
        env,
    )
    if services["postgres"]:
        # As autovacuum leaves a site in use: visibility maps set, so counts read the indexes alone.
        run(["psql", "-h", HOST, "-U", "postgres", "-qc", "VACUUM ANALYZE", f"twinning_bench_{stories}"], env)
    log(f"dataset {stories} stories ready in {time.monotonic() - started:.1f}s")
    return result.stdout.strip().splitlines()[-6:]


def probe(env):
    """URLs of the mix and the queries each makes (Django test client, uncached), from the bench database."""
    result = run([PYTHON, str(BASE_DIR / "bench" / "probe.py")], {**env, "TWINNING_RESPONSE_CACHE": "0"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_server(env, port, log):
    server = subprocess.Popen(
        [
            GUNICORN,
            "cms.wsgi",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"{HOST}:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/bench/ok/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit(
        "gunicorn did not answer within 60 s: " + (server.stderr.read().decode()[-2000:] if server.stderr else "")
    )


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def flush_cache(env, services):
    if services["redis"]:
        run(["redis-cli", "-h", HOST, "-n", "5", "FLUSHDB"], env, check=False)


def wrk(url, seconds, connections):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA), url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            figures = json.loads(line[len("BENCH_JSON ") :])
            figures["rps"] = round(figures["requests"] / (figures["duration_us"] / 1e6), 1)
            return figures
    return {"error": result.stderr.strip() or result.stdout.strip()}


def prime(url):
    """One request, so that the warm phase measures what the response cache answers."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (always http://127.0.0.1)
            response.read()
    except OSError:
        pass


def bench_dataset(stories, args, services, media_root, static_root, log):
    env = dataset_env(stories, services, media_root, static_root)
    summary = prepare_dataset(stories, env, services, log)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    probed = probe(env)
    port = args.port
    figures = {}
    server = None
    try:
        for phase in PHASES:
            # A fresh server per phase, on a flushed cache: cold runs with the response cache off (every request
            # does the full work), warm with it on, each URL requested once before the load.
            if server is not None:
                stop_server(server)
            flush_cache(env, services)
            phase_env = dataset_env(stories, services, media_root, static_root, response_cache=phase == "warm")
            server = start_server(phase_env, port, log)
            for name in MIX:
                if name not in probed["urls"]:
                    continue
                url = f"http://{HOST}:{port}{probed['urls'][name]}"
                log(f"  {stories} stories, {phase}, {name}: {probed['urls'][name]}")
                if phase == "warm":
                    prime(url)
                result = wrk(url, args.seconds, args.connections)
                result["queries"] = probed["queries"].get(name)
                result["cpu_ms"] = probed.get("cpu_ms", {}).get(name)
                result["items"] = probed.get("items", {}).get(name)
                result["path"] = probed["urls"][name]
                figures.setdefault(phase, {})[name] = result
    finally:
        if server is not None:
            stop_server(server)
    for phase_figures in figures.values():
        trivial = phase_figures.get("trivial", {}).get("rps")
        for result in phase_figures.values():
            if trivial and result.get("rps"):
                result["ratio_to_trivial"] = round(result["rps"] / trivial, 4)
    return {
        "stories": stories,
        "generate_summary": summary,
        "figures": figures,
        "cpu_ms": probed.get("cpu_ms", {}),
        "database": env["DATABASE_URL"],
    }


def markdown(report):
    lines = [
        f"# Bench {report['started']}",
        "",
        f"Mode: {report['mode']}; {report['seconds']} s per URL, {report['connections']} connections, gunicorn 2 sync"
        f" workers, production settings. Database: {report['services']['database']};"
        f" cache: {report['services']['cache']}.",
        "Figures are noisy when other work runs on the machine (2 cores); load average (1, 5, 15 min) at the start:"
        f" {report.get('load_average', '')}.",
        "",
    ]
    for dataset in report["datasets"]:
        for phase, figures in dataset["figures"].items():
            lines += [
                f"## {dataset['stories']} stories, {phase} ({PHASES.get(phase, '')})",
                "",
                "| URL | req/s | ratio to trivial | p50 ms | p95 ms | p99 ms | errors | queries |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            ]
            for name, result in figures.items():
                if "error" in result:
                    lines.append(f"| {name} | wrk failed: {result['error'][:60]} | | | | | | |")
                    continue
                if not result["requests"]:
                    lines.append(f"| {name} `{result['path']}` | no answer within the run | | | | | | |")
                    continue
                lines.append(
                    f"| {name} `{result['path']}` | {result['rps']} | {result.get('ratio_to_trivial', '')} | "
                    f"{result['p50_ms']:.1f} | {result['p95_ms']:.1f} | {result['p99_ms']:.1f} | "
                    f"{result['errors']} | {result['queries'] if result['queries'] is not None else ''} |"
                )
            lines.append("")
        cpu = dataset.get("cpu_ms", {})
        if cpu.get("trivial"):
            lines += [
                f"## {dataset['stories']} stories, uncached CPU per request (bench/probe.py, in process)",
                "",
                "| URL | CPU ms | trivial's CPU ms / this (a load-independent ratio) |",
                "| --- | ---: | ---: |",
            ]
            for name, ms in cpu.items():
                if ms and name != "trivial":
                    lines.append(f"| {name} | {ms:.1f} | {cpu['trivial'] / ms:.4f} |")
            lines.append("")
    lines += targets_markdown(report)
    if len(report["datasets"]) > 1:
        small, large = report["datasets"][0], report["datasets"][-1]
        for phase in PHASES:
            lines += [
                f"## Scale: p95 at {large['stories']} vs {small['stories']} stories ({phase})",
                "",
                "| URL | cards shown (small / large) | small p95 ms | large p95 ms | ratio (target at most 1.5) |",
                "| --- | ---: | ---: | ---: | ---: |",
            ]
            for name in [*SCALE_URLS, "api_search"]:
                a = small["figures"].get(phase, {}).get(name, {})
                b = large["figures"].get(phase, {}).get(name, {})
                if a.get("p95_ms") and b.get("p95_ms"):
                    cards = f"{a['items']} / {b['items']}" if a.get("items") is not None else ""
                    lines.append(
                        f"| {name} | {cards} | {a['p95_ms']:.1f} | {b['p95_ms']:.1f} |"
                        f" {b['p95_ms'] / a['p95_ms']:.2f} |"
                    )
            search = large["figures"].get(phase, {}).get("api_search", {})
            if search.get("p95_ms"):
                p95 = search["p95_ms"]
                lines += ["", f"API search p95 at {large['stories']} stories: {p95:.1f} ms (target under 200)."]
            lines.append("")
    return "\n".join(lines)


def targets_markdown(report):
    """Each target of issue 5 beside what this run measured (nothing is asserted)."""
    lines = [
        "## Targets (issue 5), ratio to the trivial view",
        "",
        "| stories | phase | URL | ratio | target |",
        "| ---: | --- | --- | ---: | ---: |",
    ]
    for dataset in report["datasets"]:
        for phase, name, target in TARGETS:
            ratio = dataset["figures"].get(phase, {}).get(name, {}).get("ratio_to_trivial")
            if ratio is not None:
                lines.append(f"| {dataset['stories']} | {phase} | {name} | {ratio:.3f} | {target} |")
    return [*lines, ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="100 stories only, a few seconds per URL.")
    parser.add_argument("--seconds", type=int, help="Seconds of load per URL (default 20, quick 3).")
    parser.add_argument("--connections", type=int, default=8, help="Concurrent connections (default 8).")
    parser.add_argument("--sizes", help="Comma-separated story counts (default 100,10000; quick 100).")
    parser.add_argument("--port", type=int, default=8259, help="Port on 127.0.0.1 for gunicorn (default 8259).")
    args = parser.parse_args()
    args.seconds = min(args.seconds or (3 if args.quick else 20), 120)
    sizes = [int(size) for size in (args.sizes or ("100" if args.quick else "100,10000")).split(",")][:4]
    for tool in ("wrk",):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install -y {tool}")
    if reachable(args.port):
        raise SystemExit(f"Port {args.port} is in use; choose another with --port.")
    services = {"postgres": reachable(5432) and shutil.which("psql") is not None, "redis": reachable(6379)}
    services["database"] = "PostgreSQL" if services["postgres"] else "SQLite"
    services["cache"] = "Redis" if services["redis"] else "local memory"

    def log(message):
        print(message, flush=True)

    log(f"bench: {services['database']} and {services['cache']}; sizes {sizes}; {args.seconds}s per URL")
    media_root = BASE_DIR / "bench" / ".media"
    started = datetime.datetime.now(datetime.UTC)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "seconds": args.seconds,
        "connections": args.connections,
        "services": services,
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "datasets": [],
    }
    with tempfile.TemporaryDirectory(prefix="twinning-static-") as static_root:
        for stories in sizes:
            report["datasets"].append(bench_dataset(stories, args, services, media_root, static_root, log))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"{stamp}.json").write_text(json.dumps(report, indent=2))
    (RESULTS / f"{stamp}.md").write_text(markdown(report))
    log(markdown(report))
    log(f"written: bench/results/{stamp}.json and .md")


if __name__ == "__main__":
    sys.exit(main())
