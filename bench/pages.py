#!/usr/bin/env python
"""Page benchmark: throughput and latency of each page type under gunicorn with the production
settings, SQL queries per page type as its children grow, and a worker's memory.

    .venv/bin/python bench/pages.py [--sqlite] [--seconds 5] [--rounds 3] [--clients 8]
                                    [--workers 4] [--memory-requests 10000] [--json FILE]
                                    [--keep]

Prints figures only: no assertions, no pass/fail. Everything it creates is thrown away: a temp
folder (media, static files, the file cache, logs), a PostgreSQL cluster started with
scripts/postgres.sh on its own port (PG_PORT=54400) and folder (KT_PG_DIR), or with --sqlite a
SQLite file, and the gunicorn servers, all stopped by pid at the end.

1. load      gunicorn (cms.settings.production, 127.0.0.1, every request with
             X-Forwarded-Proto: https) serves the demo; `--clients` client processes request one
             URL for `--seconds`: the home page, a network page, a meeting page, a folder listing
             and a search (the same one each time, and one at an address never asked before,
             whose answer no store has), as a visitor (page cache on) and as a logged-in
             member (never cached), and a plain Wagtail page (a StandardPage with a title and
             one paragraph) outside the cache, as the baseline for the ratios. Every case is
             measured in each of `--rounds` rounds, each time between two runs of the
             baseline, and its ratio is taken against their mean: the machine's busy spells
             move both sides.
2. queries   in-process, with Django's test client and CaptureQueriesContext, page cache off:
             SQL queries per page type for a network with 10 and then 1,000 meetings and a
             folder with 10 and then 1,000 materials.
3. memory    a fresh gunicorn with one worker serves `--memory-requests` requests (the URLs
             above, nine in ten as a visitor, one in ten as the member); its RSS before and
             after.
"""

import argparse
import contextlib
import json
import multiprocessing
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from http.client import HTTPConnection
from pathlib import Path
from statistics import median

from benchlib import add_plain_page, free_port, log, percentile, stop_process

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PG_SCRIPT = ROOT / "scripts" / "postgres.sh"
MEMBER = "jasen-hr"
SEARCH = "/haku/?q=ty%C3%B6suojelu"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--seconds", type=float, default=5, help="per run of a URL and user")
    parser.add_argument("--rounds", type=int, default=3, help="times every case is measured")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--memory-requests", type=int, default=10_000)
    parser.add_argument("--children", default="10,1000", help="meetings/materials per step")
    parser.add_argument("--json", help="also write the results as JSON to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    return parser.parse_args()


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


def children_of(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry.name))
    return found


# ------------------------------------------------------------------------------ HTTP load


def fetch(connection, path, cookie):
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("X-Page-Cache")


def load(port, path, cookie, clients, seconds):
    """`clients` forked processes, each with one keep-alive connection, for `seconds`. A `{n}`
    in `path` becomes a number no other request of the run has: an address never seen before."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    deadline = time.monotonic() + seconds

    def client(number):
        connection = HTTPConnection("127.0.0.1", port, timeout=60)
        durations, errors, cache = [], 0, {}
        sent = 0
        while time.monotonic() < deadline:
            sent += 1
            started = time.perf_counter()
            try:
                status, header = fetch(
                    connection, path.replace("{n}", f"{time.time_ns()}-{number}-{sent}"), cookie
                )
            except OSError:
                errors += 1
                connection.close()
                connection = HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            durations.append(time.perf_counter() - started)
            if status != 200:
                errors += 1
            cache[header] = cache.get(header, 0) + 1
        results.put((durations, errors, cache))

    began = time.monotonic()
    processes = [
        context.Process(target=client, args=(number,), daemon=True) for number in range(clients)
    ]
    for process in processes:
        process.start()
    durations, errors, cache = [], 0, {}
    for _ in processes:
        part = results.get()
        durations += part[0]
        errors += part[1]
        for key, count in part[2].items():
            cache[key] = cache.get(key, 0) + count
    for process in processes:
        process.join()
    elapsed = time.monotonic() - began
    return {
        "requests": len(durations),
        "rps": len(durations) / elapsed,
        "p50_ms": 1000 * percentile(durations, 0.50),
        "p99_ms": 1000 * percentile(durations, 0.99),
        "errors": errors,
        "cache": cache,
    }


# ------------------------------------------------------------------------------ the bench


class Bench:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="kt-bench-pages-"))
        # Beside the temp folder, not in it: the cluster's owner (postgres) must reach it.
        self.pg_dir = Path(f"{self.tmp}-pg")
        self.pg_started = False
        self.server = None
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            # The production settings refuse to start without the public address.
            "SITE_URL": "https://127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "CACHE_DIR": str(self.tmp / "cache"),
            "DEMO_PASSWORD": "kt-bench-" + secrets.token_hex(4),
            "LOG_LEVEL": "WARNING",
        }

    def set_up_database(self):
        if self.args.sqlite:
            self.env["DATABASE_URL"] = f"sqlite:///{self.tmp / 'bench.sqlite3'}"
            return
        env = {**os.environ, "PG_PORT": "54400", "KT_PG_DIR": str(self.pg_dir)}
        result = subprocess.run(
            ["bash", str(PG_SCRIPT), "start"], env=env, capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"scripts/postgres.sh start failed:\n{result.stderr}")
        out = result.stdout
        self.pg_started = True
        self.env["DATABASE_URL"] = out.strip().splitlines()[-1].split("=", 1)[1]
        log(f"PostgreSQL at {self.env['DATABASE_URL']}")

    def stop_database(self):
        if self.pg_started:
            env = {**os.environ, "KT_PG_DIR": str(self.pg_dir)}
            subprocess.run(["bash", str(PG_SCRIPT), "stop"], env=env, check=False)

    def manage(self, *command):
        log("manage.py " + " ".join(command))
        subprocess.run(
            [str(PYTHON), "manage.py", *command],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def set_up_django(self):
        os.environ.update(self.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

    def prepare_site(self):
        """The plain page, a member's session and the URLs to measure."""
        from django.contrib.auth import get_user_model
        from django.contrib.sessions.backends.db import SessionStore

        from networks.models import BodyPage, KnowledgeBankPage, MeetingPage

        plain = add_plain_page()
        home = plain.get_parent().specific
        hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
        meeting = MeetingPage.objects.child_of(hr).live().public().order_by("path").first()
        bank = KnowledgeBankPage.objects.live().public().filter(locale=home.locale).first()
        user = get_user_model().objects.get(username=MEMBER)
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        self.cookie = f"sessionid={session.session_key}"
        self.urls = {
            "home": home.url,
            "network": hr.url,
            "meeting": meeting.url,
            "folder": bank.url,
            "search": SEARCH,
            # The same search with an address never asked before: its answer is not stored.
            "new search": SEARCH + "&n={n}",
        }
        # The baseline: a stock page with a query string, which the page cache never stores.
        self.plain_url = plain.url + "?plain=1"
        from django.db import connections

        connections.close_all()

    def start_server(self, workers, name):
        port = free_port(8800)
        command = [
            str(GUNICORN),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.tmp / f"gunicorn-{name}.log"),
            "--chdir",
            str(ROOT),
        ]
        self.server = subprocess.Popen(command, env=self.env, cwd=ROOT, stdin=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.tmp}/gunicorn-{name}.log")
            with contextlib.suppress(OSError):
                connection = HTTPConnection("127.0.0.1", port, timeout=10)
                if fetch(connection, "/", None)[0] == 200:
                    log(f"gunicorn pid {self.server.pid} ({workers} workers) on port {port}")
                    return port
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer within 120s")

    def stop_server(self):
        stop_process(self.server, "gunicorn")
        self.server = None

    def throughput(self):
        """Every case once per round, each between two runs of the plain page as a visitor;
        its ratio is taken against the mean of those two, so a busy spell of the machine
        moves both sides of a ratio."""
        port = self.start_server(self.args.workers, "load")
        baseline = ("plain page", "visitor", self.plain_url, None)
        cases = [("plain page", "member", self.plain_url, self.cookie)]
        for name, url in self.urls.items():
            cases.append((name, "visitor", url, None))
            cases.append((name, "member", url, self.cookie))
        rows = []
        try:
            for number in range(1, self.args.rounds + 1):
                log(f"round {number} of {self.args.rounds}")
                before = self.measure(port, *baseline)
                before.update(round=number, ratio=1.0)
                rows.append(before)
                for case in cases:
                    row = self.measure(port, *case)
                    after = self.measure(port, *baseline)
                    after.update(round=number, ratio=1.0)
                    row.update(round=number, ratio=2 * row["rps"] / (before["rps"] + after["rps"]))
                    rows += [row, after]
                    before = after
        finally:
            self.stop_server()
        return rows

    def measure(self, port, name, who, url, cookie):
        warm = HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(3):  # fill the page cache and the workers' own caches
            fetch(warm, url.replace("{n}", "warm-up"), cookie)
        row = load(port, url, cookie, self.args.clients, self.args.seconds)
        row.update(page=name, who=who, url=url)
        log(
            f"{name:10} {who:7} {row['rps']:7.1f} req/s p50 {row['p50_ms']:6.1f} ms "
            f"p99 {row['p99_ms']:6.1f} ms errors {row['errors']} cache {row['cache']}"
        )
        return row

    def memory(self):
        port = self.start_server(1, "memory")
        try:
            worker = children_of(self.server.pid)[0]
            # Mostly visitors, as on the real site; every tenth request a member's.
            urls = [url for url in self.urls.values() if "{n}" not in url]
            visitor = [(url, None) for url in [*urls, self.plain_url]]
            member = [(url, self.cookie) for url in urls]
            cases = [*visitor * 3, *member[:2]] + [*visitor * 3, *member[2:]]
            connection = HTTPConnection("127.0.0.1", port, timeout=60)
            for url, cookie in cases:
                fetch(connection, url, cookie)
            before = rss_kib(worker)
            started = time.monotonic()
            for number in range(self.args.memory_requests):
                url, cookie = cases[number % len(cases)]
                fetch(connection, url, cookie)
            after = rss_kib(worker)
            log(f"worker RSS {before} KiB -> {after} KiB after {self.args.memory_requests}")
            return {
                "requests": self.args.memory_requests,
                "seconds": time.monotonic() - started,
                "rss_before_mib": before / 1024,
                "rss_after_mib": after / 1024,
            }
        finally:
            self.stop_server()

    def add_children(self, network, folder, target):
        """Meetings under the network and materials in its folder, up to `target` of each."""
        import datetime

        from django.db import transaction
        from wagtail.models import Collection

        from networks.models import Material, MeetingPage
        from networks.models.choices import MeetingStatus

        existing = MeetingPage.objects.child_of(network).count()
        for number in range(existing, target):
            status = MeetingStatus.PLANNED if number % 2 else MeetingStatus.HELD
            meeting = MeetingPage(
                title=f"Verkoston kokous {number + 1}",
                slug=f"kokous-{number + 1}",
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
                status=status,
            )
            network.add_child(instance=meeting)
            network.refresh_from_db()
        collection = Collection.get_first_root_node()
        with transaction.atomic():
            Material.objects.bulk_create(
                Material(
                    title=f"Aineisto {number + 1}",
                    file=f"documents/bench-{number}.pdf",
                    collection=collection,
                    body=network,
                    folder=folder,
                    material_type="minutes",
                    year=2015 + number % 10,
                )
                for number in range(Material.objects.filter(folder=folder).count(), target)
            )

    def query_counts(self):
        """SQL queries per page type, uncached, as the network's children grow."""
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client, override_settings
        from django.test.utils import CaptureQueriesContext

        from home.models import HomePage
        from networks.models import BodyIndexPage, BodyPage, FolderPage, MeetingPage
        from networks.models.choices import BodyKind

        index = BodyIndexPage.objects.get(locale__language_code="fi")
        network = index.add_child(
            instance=BodyPage(
                title="Mittausverkosto", slug="mittausverkosto", kind=BodyKind.NETWORK
            )
        )
        folder = network.add_child(instance=FolderPage(title="Aineistot", slug="aineistot"))
        home = HomePage.objects.get(locale__language_code="fi")
        member = get_user_model().objects.get(username=MEMBER)
        visitor_client, member_client = Client(), Client()
        member_client.force_login(member)
        extra = {"HTTP_HOST": "127.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"}
        results = {}
        with override_settings(PAGE_CACHE_ENABLED=False):
            for target in [int(n) for n in self.args.children.split(",")]:
                log(f"adding children up to {target}")
                self.add_children(network, folder, target)
                meeting = MeetingPage.objects.child_of(network).order_by("path").first()
                pages = {
                    "home": home.url,
                    "network index": index.url,
                    "network": network.url,
                    "meeting": meeting.url,
                    "folder": folder.url,
                    "search": SEARCH,
                    "plain page": self.plain_url,
                }
                for name, url in pages.items():
                    for who, client in (("visitor", visitor_client), ("member", member_client)):
                        client.get(url, **extra)  # warm up per-process caches
                        with CaptureQueriesContext(connection) as queries:
                            response = client.get(url, **extra)
                        # And with the shared parts worked out, as after a content change.
                        with override_settings(READER_CACHE_ENABLED=False):
                            with CaptureQueriesContext(connection) as unshared:
                                client.get(url, **extra)
                        results.setdefault(f"{name} / {who}", {})[target] = {
                            "queries": len(queries),
                            "queries_parts_worked_out": len(unshared),
                            "status": response.status_code,
                        }
        return results

    def run(self):
        self.set_up_database()
        self.manage("migrate", "--noinput")
        self.manage("load_demo")
        self.manage("collectstatic", "--noinput")
        self.set_up_django()
        self.prepare_site()
        results = {"throughput": self.throughput(), "memory": self.memory()}
        results["queries"] = self.query_counts()
        return results

    def cleanup(self):
        self.stop_server()
        self.stop_database()
        if self.args.keep:
            log(f"kept {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def report(results, args):
    cases = {}
    for row in results["throughput"]:
        cases.setdefault((row["page"], row["who"]), []).append(row)
    print(
        f"\n## Throughput and latency ({args.clients} clients, {args.workers} workers, "
        f"{args.rounds} rounds of {args.seconds:g} s per case)\n"
    )
    print("Medians over the rounds; × plain is against the plain page as a visitor measured just")
    print("before and just after (lowest round in brackets); p99 is the worst round's.\n")
    print("| page | user | req/s | × plain | p50 ms | p99 ms | cache | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |")
    for (page, who), rows in cases.items():
        cache = {}
        for row in rows:
            for key, count in row["cache"].items():
                cache[key] = cache.get(key, 0) + count
        cache = ", ".join(f"{key}: {count}" for key, count in sorted(cache.items()))
        ratios = [row["ratio"] for row in rows]
        print(
            f"| {page} | {who} | {median([row['rps'] for row in rows]):.0f} | "
            f"{median(ratios):.2f} ({min(ratios):.2f}) | "
            f"{median([row['p50_ms'] for row in rows]):.1f} | "
            f"{max(row['p99_ms'] for row in rows):.1f} | {cache} | "
            f"{sum(row['errors'] for row in rows)} |"
        )
    memory = results["memory"]
    print(
        f"\n## Memory\n\nOne worker: {memory['rss_before_mib']:.1f} MiB RSS after warm-up, "
        f"{memory['rss_after_mib']:.1f} MiB after {memory['requests']:,} more requests "
        f"({memory['seconds']:.0f} s).\n"
    )
    targets = [int(n) for n in args.children.split(",")]
    print("## SQL queries per page (page cache off), by meetings/materials under the network\n")
    print("Each cell: with the shared parts stored / with them worked out (as after a change).\n")
    print("| page / user | " + " | ".join(f"{n:,}" for n in targets) + " |")
    print("| --- |" + " ---: |" * len(targets))
    for name, counts in results["queries"].items():
        cells = " | ".join(
            f"{counts[n]['queries']} / {counts[n]['queries_parts_worked_out']}"
            + ("" if counts[n]["status"] == 200 else f" ({counts[n]['status']})")
            for n in targets
        )
        print(f"| {name} | {cells} |")


def main():
    args = parse_args()
    bench = Bench(args)
    try:
        results = bench.run()
    finally:
        bench.cleanup()
    report(results, args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
