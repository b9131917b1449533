#!/usr/bin/env python
"""Search benchmark: index rebuild speed and /haku/ latency against the raw engine.

    .venv/bin/python bench/search.py [--sizes 1000,10000] [--backends database,elasticsearch]
                                     [--requests 200] [--time-limit 60] [--workers 8]

Prints figures only: no assertions, no pass/fail. Everything it creates is thrown away:
a temporary SQLite database and media folder, a settings module in the same temp folder
(cms.settings.test with its own Elasticsearch index prefix `kt_bench_`), one gunicorn server per
(size, backend) on 127.0.0.1, and, unless --es-url or ELASTICSEARCH_URL is given, its own
Elasticsearch started with scripts/elasticsearch.sh (ES_PORT=9301, its own KT_ES_DIR, so it never
shares state with a test run's instance). Every server is stopped by its pid at the end.

Per size N (synthetic Finnish materials on top of the demo content, added incrementally):
  rebuild   `update_index --backend <name>` in-process, timed -> indexed objects per second
  endpoint  GET /haku/?q=... on gunicorn, at 2 and at 8 concurrent clients -> p50 / p95, of
            questions never asked before (a unique query string per request, `&n=<unique>`:
            the same search, but no kept answer can serve it) and, as "kept", of the same
            queries repeated (answers are kept per query string, so these mostly measure
            the reader cache). The engine comparison and the ratio use the first.
  engine    the same engine work sent straight to the engine, at the same concurrency:
            elasticsearch: every request our backend sends to Elasticsearch for that query
              (recorded in-process by wrapping the client's perform_request), replayed over
              HTTP against /_search (scroll ids followed, as the backend does); also, as
              "ES top-10", only the first search per index without scroll, for 10 hits;
            database: the backend searches run_search makes (pages and materials of the
              language, visibility-filtered, annotate_score, every match), in-process.
            "msearch": the same searches of each query as one `_msearch` request.
  overhead  endpoint p50 - engine p50, and the ratio endpoint p50 / engine p50.
  counts    per query, the list's entries and full matches beside the engine's own count of
            the same query (`.count()` on the backend) over what a visitor may see.
Also printed: a single-thread in-process breakdown per size and backend (run_search time,
SQL queries and engine requests per search) and the slowest queries through the endpoint.
"""

import argparse
import contextlib
import csv
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import requests
from benchlib import add_plain_page, free_port, log, percentile, stop_process

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
ES_SCRIPT = ROOT / "scripts" / "elasticsearch.sh"
QUERIES_TSV = ROOT / "search" / "tests" / "fixtures" / "queries-dev.tsv"
INDEX_PREFIX = "kt_bench_"
CLIENTS = (2, 8)

# Inflected and compound forms taken from the seed texts (demo/*.py), as people type them,
# added to the Finnish rows of queries-dev.tsv. The last one is a typo: no hit, so the endpoint
# also runs its "did you mean" suggestion.
SEED_QUERIES = [
    "työsuojelupäälliköiden",
    "hyvinvointialueiden",
    "koronaepidemian aikana",
    "kunta-alan työnantajat",
    "ammatillisen koulutuksen",
    "työelämän kehittämisen",
    "virkaehtosopimusasioissa",
    "HR-verkoston kokoukset",
    "työaikalain muutokset",
    "työsuojelupäälikkö",
]

SETTINGS_MODULE = "kt_bench_settings"
SETTINGS_TEXT = f'''"""Written by bench/search.py: the test settings, own index prefix."""

from cms.settings.test import *  # noqa: F403

if ELASTICSEARCH_URL:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = "{INDEX_PREFIX}"  # noqa: F405
'''

MATERIAL_TYPES = ["minutes", "presentation", "guide", "statement", "report", "newsletter_issue"]
TITLE_TAILS = [
    "pöytäkirja",
    "muistio",
    "esitys",
    "raportti",
    "lausunto",
    "ohje",
    "tiedote",
    "kooste",
    "",
    "",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="synthetic material counts")
    parser.add_argument("--backends", default="database,elasticsearch")
    parser.add_argument(
        "--requests", type=int, default=200, help="timed requests per (size, backend, clients)"
    )
    parser.add_argument(
        "--time-limit", type=float, default=60, help="seconds per (size, backend, clients) run"
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=20,
        help="seconds one search may take before it counts as a timeout",
    )
    parser.add_argument("--workers", type=int, default=8, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument("--words", type=int, default=200, help="words of text per material")
    parser.add_argument(
        "--es-url",
        default=os.environ.get("ELASTICSEARCH_URL", ""),
        help="use this Elasticsearch (default: $ELASTICSEARCH_URL, else start our own)",
    )
    parser.add_argument("--es-port", default="9301", help="first port for our own Elasticsearch")
    parser.add_argument("--es-heap", default="1g", help="heap of our own Elasticsearch")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", help="also write the results as JSON to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (debugging)")
    args = parser.parse_args()
    args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(args.backends) - {"database", "elasticsearch"}
    if unknown:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    return args


# ------------------------------------------------------------------------------ statistics


def ms(seconds):
    return None if seconds is None else seconds * 1000


class Timeout(Exception):
    """A request that ran past --request-timeout (counted, and kept at its elapsed time)."""


@contextlib.contextmanager
def sqlite_budget(seconds):
    """Interrupt this thread's SQLite query after `seconds`: the database backend can take
    minutes for a common word, and the benchmark must stay bounded."""
    from django.db import OperationalError, connection

    connection.ensure_connection()
    timer = threading.Timer(seconds, connection.connection.interrupt)
    timer.start()
    try:
        yield
    except OperationalError as error:
        if "interrupted" in str(error):
            raise Timeout(f"over {seconds:.0f}s") from error
        raise
    finally:
        timer.cancel()


def run_load(job, items, clients, max_requests, time_limit, setup=None, teardown=None):
    """Run job(state, item) in `clients` forked processes (like gunicorn's workers, and free of
    this process's GIL) over items, round robin, until max_requests are done or time_limit
    seconds have passed. Returns (durations, per-item durations, errors, timeouts); a request
    that timed out stays in durations at its elapsed time."""
    import multiprocessing

    with contextlib.suppress(Exception):
        from django.db import connections

        connections.close_all()  # each child opens its own connection
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    results = context.Queue()
    deadline = time.monotonic() + time_limit

    def worker():
        durations, by_item, errors, timeouts = [], {}, [], 0
        state = setup() if setup else None
        try:
            while time.monotonic() < deadline:
                with counter.get_lock():
                    number = counter.value
                    if number >= max_requests:
                        break
                    counter.value += 1
                item = items[number % len(items)]
                started = time.perf_counter()
                try:
                    job(state, item)
                except (Timeout, requests.Timeout):
                    timeouts += 1
                except Exception as error:  # counted and reported, never fatal
                    errors.append(f"{item!r}: {str(error)[:200]}")
                    continue
                elapsed = time.perf_counter() - started
                durations.append(elapsed)
                by_item.setdefault(item, []).append(elapsed)
        finally:
            if teardown:
                with contextlib.suppress(Exception):
                    teardown(state)
            results.put((durations, by_item, errors, timeouts))

    processes = [context.Process(target=worker, daemon=True) for _ in range(clients)]
    for process in processes:
        process.start()
    durations, by_item, errors, timeouts = [], {}, [], 0
    for _ in processes:
        part = results.get()
        durations += part[0]
        for item, values in part[1].items():
            by_item.setdefault(item, []).extend(values)
        errors += part[2]
        timeouts += part[3]
    for process in processes:
        process.join()
    return durations, by_item, errors, timeouts


# ------------------------------------------------------------------------------ processes


def code_version():
    """The commit measured, and a digest of the code outside bench/, locale/ and docs (committed or
    not), so that a change to what is measured during a run can be told from one to bench/."""
    import hashlib

    git = ["git", "-C", str(ROOT)]
    paths = ["--", ".", ":!bench", ":!locale", ":!docs", ":!*.md"]
    try:
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True)
        tree = subprocess.run([*git, "ls-files", "-s", *paths], capture_output=True)
        diff = subprocess.run([*git, "diff", "HEAD", *paths], capture_output=True)
    except OSError:
        return "unknown"
    digest = hashlib.sha1(tree.stdout + diff.stdout).hexdigest()[:8]
    dirty = ", uncommitted changes" if diff.stdout else ""
    return f"{commit.stdout.decode().strip()} (code digest {digest}{dirty})"


class Bench:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.tmp = Path(tempfile.mkdtemp(prefix="kt-bench-"))
        self.db_path = self.tmp / "db.sqlite3"
        self.media = self.tmp / "media"
        self.media.mkdir()
        (self.tmp / f"{SETTINGS_MODULE}.py").write_text(SETTINGS_TEXT, encoding="utf-8")
        self.es_url = args.es_url.rstrip("/") if "elasticsearch" in args.backends else ""
        self.es_dir = None  # KT_ES_DIR of the Elasticsearch we started, if any
        self.server = None
        self.results = {"rows": [], "rebuilds": [], "breakdown": [], "slowest": [], "setup": {}}
        self.results["counts"] = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            "MEDIA_ROOT": str(self.media),
            "PYTHONPATH": os.pathsep.join([str(self.tmp), str(ROOT)]),
            "DEMO_PASSWORD": os.environ.get("DEMO_PASSWORD", "kt-demo-2026"),
        }
        self.env.pop("ELASTICSEARCH_URL", None)
        self.env.pop("ELASTICSEARCH_INDEX_PREFIX", None)

    # -------------------------------------------------------------- Elasticsearch

    def start_elasticsearch(self):
        if self.es_url or "elasticsearch" not in self.args.backends:
            return
        self.es_dir = Path(tempfile.gettempdir()) / f"kt-bench-es-{os.getpid()}"
        env = {
            **os.environ,
            "KT_ES_DIR": str(self.es_dir),
            "ES_PORT": self.args.es_port,
            "ES_HEAP": self.args.es_heap,
        }
        log(f"starting our own Elasticsearch (KT_ES_DIR={self.es_dir}, ES_PORT={env['ES_PORT']})")
        out = subprocess.run(
            ["bash", str(ES_SCRIPT), "start"], env=env, capture_output=True, text=True
        )
        sys.stderr.write(out.stderr)
        if out.returncode != 0:
            self.es_dir = None
            raise RuntimeError("Elasticsearch did not start")
        self.es_url = out.stdout.strip().splitlines()[-1].split("=", 1)[1].rstrip("/")

    def stop_elasticsearch(self):
        if self.es_dir is None:
            return
        env = {**os.environ, "KT_ES_DIR": str(self.es_dir)}
        out = subprocess.run(
            ["bash", str(ES_SCRIPT), "stop"], env=env, capture_output=True, text=True
        )
        sys.stderr.write(out.stderr)
        self.es_dir = None

    # -------------------------------------------------------------- database and content

    def manage(self, *command):
        started = time.perf_counter()
        out = subprocess.run(
            [str(PYTHON), str(ROOT / "manage.py"), *command],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            sys.stderr.write(out.stdout[-3000:] + out.stderr[-3000:])
            raise RuntimeError(f"manage.py {' '.join(command)} failed")
        return time.perf_counter() - started

    def set_up_database(self):
        log(f"temp folder {self.tmp}; migrate + load_demo --skip-index (takes a minute or two)")
        self.results["setup"]["migrate_s"] = round(self.manage("migrate", "--noinput"), 1)
        self.results["setup"]["load_demo_s"] = round(self.manage("load_demo", "--skip-index"), 1)

    def set_up_django(self):
        """Django in this process: with ELASTICSEARCH_URL when Elasticsearch is benchmarked, so
        both the "default" (Elasticsearch) and the "database" backends are configured."""
        os.environ.update({k: v for k, v in self.env.items() if k != "PYTHONPATH"})
        if self.es_url:
            os.environ["ELASTICSEARCH_URL"] = self.es_url
        sys.path[:0] = [str(self.tmp), str(ROOT)]
        import django

        django.setup()

    def vocabulary(self):
        """The token stream of the demo's Finnish: seed strings of demo/*.py and the texts
        of the Finnish demo pages. Random windows of it make the synthetic texts."""
        from django.utils.html import strip_tags
        from wagtail.models import Page

        from demo import content, networks_content, people, text
        from text.analysis import words

        swedish = set(text.SWEDISH.values())
        skip_keys = {"slug", "sv_slug", "filename", "sv_title", "url", "email"}
        strings = []

        def walk(value, key=None):
            if isinstance(value, str):
                if value not in swedish and key not in skip_keys and " " in value:
                    strings.append(strip_tags(html.unescape(value)))
            elif isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k)
            elif isinstance(value, (list, tuple, set)):
                for v in value:
                    walk(v, key)

        for module in (content, networks_content, people):
            for name, value in vars(module).items():
                if not name.startswith("_") and isinstance(value, (dict, list, tuple, str)):
                    walk(value)
        for page in Page.objects.filter(locale__language_code="fi", depth__gt=1).specific():
            strings.append(page.title)
            if hasattr(page, "search_text_parts"):
                strings.extend(page.search_text_parts())
        tokens = [w for s in strings for w in words(s) if not w.isdigit() and len(w) > 1]
        self.results["setup"]["vocabulary"] = {"tokens": len(tokens), "distinct": len(set(tokens))}
        return tokens

    def window(self, tokens, low, high):
        length = self.rng.randint(low, high)
        start = self.rng.randrange(0, max(1, len(tokens) - length))
        return tokens[start : start + length]

    def synthetic_text(self, tokens, count):
        sentences, total = [], 0
        while total < count:
            chunk = self.window(tokens, 6, 18)[: count - total]
            total += len(chunk)
            sentence = " ".join(chunk)
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        return " ".join(sentences)

    def synthetic_title(self, tokens, number):
        title = " ".join(self.window(tokens, 2, 6))
        title = title[:1].upper() + title[1:]
        tail = self.rng.choice(TITLE_TAILS)
        year = self.rng.randint(2015, 2025)
        parts = [title, tail, str(year)] if tail else [title, str(year)]
        if number % 7 == 0:
            parts.append(f"({number % 12 + 1}/{year})")
        return " ".join(parts)

    def homes(self):
        """(body, folder, collection) triples of the demo whose collection is public."""
        from wagtail.models import CollectionViewRestriction, Page

        from networks.models import BodyPage

        restricted = set()
        for restriction in CollectionViewRestriction.objects.select_related("collection"):
            restricted.update(
                restriction.collection.get_descendants(inclusive=True).values_list("pk", flat=True)
            )
        homes = []
        for body in BodyPage.objects.filter(locale__language_code="fi").exclude(collection=None):
            if body.collection_id in restricted:
                continue
            folders = list(
                Page.objects.descendant_of(body)
                .filter(content_type__model__in=["folderpage", "knowledgebankpage"])
                .public()
            )
            for folder in folders or [None]:
                homes.append((body, folder, body.collection))
        if not homes:
            raise RuntimeError("no public collection in the demo content")
        return homes

    def add_materials(self, tokens, target):
        """Bulk-insert synthetic materials until there are `target` of them."""
        from django.db import transaction

        from networks.models import Material

        existing = Material.objects.filter(file__startswith="documents/bench-").count()
        if existing >= target:
            return 0.0
        homes = self.homes()
        started = time.perf_counter()
        batch = []
        for number in range(existing, target):
            body, folder, collection = self.rng.choice(homes)
            batch.append(
                Material(
                    title=self.synthetic_title(tokens, number),
                    file=f"documents/bench-{number}.pdf",
                    file_size=self.rng.randint(20_000, 2_000_000),
                    collection=collection,
                    body=body,
                    folder=folder,
                    material_type=self.rng.choice(MATERIAL_TYPES),
                    year=self.rng.randint(2015, 2025),
                    language="fi",
                    description=self.synthetic_text(tokens, self.rng.randint(10, 25)),
                    extracted_text=self.synthetic_text(tokens, self.args.words),
                )
            )
            if len(batch) >= 2000:
                with transaction.atomic():
                    Material.objects.bulk_create(batch, batch_size=500)
                batch = []
        if batch:
            with transaction.atomic():
                Material.objects.bulk_create(batch, batch_size=500)
        return time.perf_counter() - started

    # -------------------------------------------------------------- rebuild

    def rebuild(self, backend):
        from django.core.management import call_command

        name = "default" if backend == "elasticsearch" else "database"
        out = io.StringIO()
        started = time.perf_counter()
        call_command("update_index", backend_name=name, stdout=out, stderr=io.StringIO())
        elapsed = time.perf_counter() - started
        indexed = sum(int(n) for n in re.findall(r"indexed (\d+) objects", out.getvalue()))
        if backend == "elasticsearch":
            requests.post(f"{self.es_url}/{INDEX_PREFIX}*/_refresh", timeout=60)
        return indexed, elapsed

    # -------------------------------------------------------------- gunicorn

    def start_server(self, backend):
        env = dict(self.env)
        if backend == "elasticsearch":
            env["ELASTICSEARCH_URL"] = self.es_url
        port = free_port(8700)
        command = [
            str(GUNICORN),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(self.args.workers),
            "--threads",
            str(self.args.threads),
            "--timeout",
            str(int(self.args.request_timeout) + 10),
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.tmp / f"gunicorn-{backend}.log"),
            "--chdir",
            str(ROOT),
        ]
        self.server = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.tmp}/gunicorn-{backend}.log")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{base}/haku/", timeout=5).status_code == 200:
                    log(f"gunicorn pid {self.server.pid} on {base} ({backend})")
                    return base
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer within 120s")

    def stop_server(self):
        stop_process(self.server, "gunicorn")
        self.server = None

    # -------------------------------------------------------------- measurements

    def endpoint_load(self, base, queries, clients, max_requests=None, fresh=False):
        """`fresh`: every request a query string never asked before, so no kept answer."""
        budget = self.args.request_timeout
        unique = iter(range(10**9))

        def job(session, query):
            extra = f"&n={os.getpid()}-{next(unique)}-{time.monotonic_ns()}" if fresh else ""
            response = session.get(f"{base}/haku/?q={quote(query)}{extra}", timeout=budget)
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")
            if 'class="messages" role="alert"' in response.text:
                raise RuntimeError("engine down: the page fell back to the database")

        return run_load(
            job,
            queries,
            clients,
            max_requests or self.args.requests,
            self.args.time_limit,
            requests.Session,
            lambda session: session.close(),
        )

    def plain_load(self, base, clients, max_requests):
        """The baseline of the throughput ratio: a plain Wagtail page (a StandardPage with a title
        and one paragraph) at an address never asked before, so no store serves it."""
        budget = self.args.request_timeout
        unique = iter(range(10**9))

        def job(session, _item):
            extra = f"{os.getpid()}-{next(unique)}-{time.monotonic_ns()}"
            response = session.get(f"{base}{self.plain_url}?plain={extra}", timeout=budget)
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")

        return run_load(
            job,
            ["plain page"],
            clients,
            max_requests,
            self.args.time_limit,
            requests.Session,
            lambda session: session.close(),
        )

    def anonymous_request(self):
        from django.contrib.auth.models import AnonymousUser
        from django.test import RequestFactory

        request = RequestFactory().get("/haku/", HTTP_HOST="127.0.0.1")
        request.user = AnonymousUser()
        request.session = {}
        return request

    def in_process_search(self, backend, query):
        from django.utils import translation

        from search.query import run_search

        with translation.override("fi"), sqlite_budget(self.args.request_timeout):
            return run_search(
                self.anonymous_request(),
                query,
                "fi",
                backend="default" if backend == "elasticsearch" else "database",
            )

    def record_es_requests(self, queries):
        """Every request our code sends to Elasticsearch for each query, in order."""
        from elasticsearch import Elasticsearch

        recorded = {}
        original = Elasticsearch.perform_request
        current = []

        def recording(client, method, path, **kwargs):
            current.append(
                {
                    "method": method,
                    "path": path,
                    "params": dict(kwargs.get("params") or {}),
                    "body": kwargs.get("body"),
                }
            )
            return original(client, method, path, **kwargs)

        Elasticsearch.perform_request = recording
        try:
            for query in queries:
                current.clear()
                outcome = self.in_process_search("elasticsearch", query)
                if outcome.engine_down:
                    raise RuntimeError(f"Elasticsearch refused {query!r}: see the log above")
                recorded[query] = list(current)
        finally:
            Elasticsearch.perform_request = original
        return recorded

    @staticmethod
    def first_page_only(calls, size=10):
        """The first search per index, without the scroll, for `size` hits: what the engine
        answers for a results page of 10 (the floor under any search page)."""
        top = []
        for call in calls:
            if call["path"].endswith("/_msearch") and isinstance(call["body"], list):
                header, first = call["body"][:2]  # our `_msearch`: its first search
                call = {"method": "POST", "path": f"/{header['index']}/_search", "params": {}}
                call["body"] = first
            if not call["path"].endswith("/_search"):
                continue
            params = {k: v for k, v in call["params"].items() if k != "scroll"}
            body = dict(call["body"]) if isinstance(call["body"], dict) else call["body"]
            if "size" in params:
                params["size"] = size
            if isinstance(body, dict):
                body["size"] = size
            top.append({**call, "params": params, "body": body})
        return top

    @staticmethod
    def as_msearch(calls):
        """The searches of one query as one `_msearch` (scroll continuations left out: an
        answer over 10,000 matches per index is the only one that has them), the form the
        engine-side design sends: what "the same work" costs the engine in one round trip."""
        lines = []
        for call in calls:
            if call["path"].endswith("/_msearch") and isinstance(call["body"], list):
                lines += [json.dumps(line) for line in call["body"]]  # ours, as sent
                continue
            if not call["path"].endswith("/_search"):
                continue
            body = dict(call["body"]) if isinstance(call["body"], dict) else {}
            for name, value in call["params"].items():
                if name != "scroll":
                    body.setdefault("from" if name == "from_" else name, value)
            lines += [json.dumps({"index": call["path"].split("/")[1]}), json.dumps(body)]
        return [
            {
                "method": "POST",
                "path": "/_msearch",
                "params": {},
                "body": "\n".join(lines) + "\n",
                "ndjson": True,
            }
        ]

    def es_engine_load(self, recorded, queries, clients, max_requests, top10=False, msearch=False):
        budget = self.args.request_timeout
        if top10:
            recorded = {q: self.first_page_only(calls) for q, calls in recorded.items()}
        if msearch:
            recorded = {q: self.as_msearch(calls) for q, calls in recorded.items()}

        def job(session, query):
            scroll_id = None
            for call in recorded[query]:
                body = call["body"]
                if isinstance(body, dict) and "scroll_id" in body and scroll_id:
                    body = {**body, "scroll_id": scroll_id}
                params = {
                    k: (str(v).lower() if isinstance(v, bool) else v)
                    for k, v in call["params"].items()
                }
                ndjson = call.get("ndjson")
                if isinstance(body, list):  # an `_msearch` our code sent: its lines
                    body, ndjson = "".join(json.dumps(line) + "\n" for line in body), True
                response = session.request(
                    call["method"],
                    self.es_url + call["path"],
                    params=params,
                    data=body if ndjson else (json.dumps(body) if body is not None else None),
                    headers={"Content-Type": f"application/{'x-ndjson' if ndjson else 'json'}"},
                    timeout=budget,
                )
                if response.status_code >= 400:
                    raise RuntimeError(f"ES {response.status_code}: {response.text[:200]}")
                if call["path"].endswith(("/_search", "/scroll")):
                    scroll_id = response.json().get("_scroll_id", scroll_id)

        return run_load(
            job,
            queries,
            clients,
            max_requests,
            self.args.time_limit,
            requests.Session,
            lambda session: session.close(),
        )

    def db_engine_querysets(self):
        """The querysets run_search hands to the backend for a Finnish anonymous search."""
        from wagtail.models import Locale, Page

        from access.visibility import visible_documents, visible_pages
        from networks.models import Material

        request = self.anonymous_request()
        locale = Locale.objects.get(language_code="fi")
        pages = visible_pages(request, Page.objects.filter(locale=locale)).exclude(depth__lte=1)
        documents = visible_documents(request, Material.objects.filter(language="fi"))
        return pages, documents

    def db_engine_job(self, queries, full=True):
        """job(backend, query): the backend searches of one query, within the request budget."""
        from networks.models import Material
        from text.analysis import normalise_query

        normalised = {q: normalise_query(q, "fi") for q in queries}
        pages, documents = self.db_engine_querysets()
        budget = self.args.request_timeout

        def job(backend, query):
            with sqlite_budget(budget):
                if full:  # what run_search asks the backend for
                    for queryset in (pages, documents):
                        search = backend.search(normalised[query], queryset.all(), operator="and")
                        list(search.annotate_score("_score"))  # every match, as run_search
                else:  # the plain call: materials, first 10
                    materials = Material.objects.all()
                    list(backend.search(normalised[query], materials, operator="and")[:10])

        return job

    def db_engine_load(self, queries, clients, max_requests):
        from django.db import connections
        from wagtail.search.backends import get_search_backend

        return run_load(
            self.db_engine_job(queries),
            queries,
            clients,
            max_requests,
            self.args.time_limit,
            lambda: get_search_backend("database"),
            lambda _backend: connections.close_all(),
        )

    def single_thread(self, function, queries, give_up=3):
        """Time function(query) once per query in this thread; stop after `give_up` timeouts."""
        times, timeouts = {}, []
        for query in queries:
            started = time.perf_counter()
            try:
                function(query)
            except Timeout:
                timeouts.append(query)
                if len(timeouts) >= give_up:
                    break
                continue
            times[query] = time.perf_counter() - started
        return times, timeouts

    def breakdown(self, backend, queries, recorded):
        """One thread, in-process: run_search time, SQL queries, engine requests, hits."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        sql, hits = [], []

        def one(query):
            with CaptureQueriesContext(connection) as captured:
                outcome = self.in_process_search(backend, query)
            sql.append(len(captured))
            hits.append(len(outcome.hits))

        times, timeouts = self.single_thread(one, queries)
        info = {
            "backend": backend,
            "run_search_p50_ms": ms(percentile(list(times.values()), 0.5)),
            "run_search_max_ms": ms(max(times.values())) if times else None,
            "sql_per_search": sum(sql) / len(sql) if sql else None,
            "sql_max": max(sql) if sql else None,
            "hits_avg": sum(hits) / len(hits) if hits else None,
            "hits_max": max(hits) if hits else None,
            "timeouts": timeouts,
            "tried": len(times) + len(timeouts),
        }
        if recorded:
            calls = [len(recorded[q]) for q in queries if q in recorded]
            info["es_requests_per_search"] = sum(calls) / len(calls)
        if backend == "database":
            from wagtail.search.backends import get_search_backend

            job = self.db_engine_job(queries, full=False)
            database = get_search_backend("database")
            plain, plain_timeouts = self.single_thread(lambda q: job(database, q), queries)
            info["db_plain_call_p50_ms"] = ms(percentile(list(plain.values()), 0.5))
            info["db_plain_call_timeouts"] = len(plain_timeouts)
        return info

    def engine_counts(self, backend, queries):
        """Per query, the list's entries (the sum of the type facet's counts, what the page
        says it found) and those of them that match every word, beside the engine's own count
        of the same query (every word) over the same pages and documents the visitor may see.
        A Finnish search lists each page once, so the full matches and the engine's count are
        equal; the list adds at most 100 partial matches per kind after them."""
        from django.utils import translation
        from django.utils.translation import gettext as _

        from search.engine import backend as _backend
        from search.engine import engine_query
        from search.synonyms import expand
        from text.analysis import query_terms

        engine = _backend("default" if backend == "elasticsearch" else "database")
        pages, documents = self.db_engine_querysets()
        with translation.override("fi"):
            document_type = _("Document")
        rows = []
        for query in queries:
            try:
                with sqlite_budget(self.args.request_timeout):
                    outcome = self.in_process_search(backend, query)
                    terms = expand(self.anonymous_request(), query_terms(outcome.query, "fi"), "fi")
                    counted = [
                        engine.search(engine_query(terms, "and"), queryset.all()).count()
                        if terms
                        else 0
                        for queryset in (pages, documents)
                    ]
            except Timeout:
                rows.append({"query": query, "timeout": True})
                continue
            rows.append(
                {
                    "query": outcome.query,
                    "listed": sum(count for _type, count in outcome.facets.get("type", [])),
                    "full": outcome.hits.matches,
                    "engine": sum(counted),
                    # The type facet's count of documents beside the engine's own count.
                    "documents": dict(outcome.facets.get("type", [])).get(document_type, 0),
                    "engine_documents": counted[1],
                }
            )
        return rows

    # -------------------------------------------------------------- main loop

    def queries(self):
        with open(QUERIES_TSV, encoding="utf-8", newline="") as handle:
            rows = [r["query"] for r in csv.DictReader(handle, delimiter="\t") if r["lang"] == "fi"]
        return rows + SEED_QUERIES

    def measure(self, size, backend, queries, totals):
        indexed, seconds = self.rebuild(backend)
        self.results["rebuilds"].append(
            {
                "backend": backend,
                "size": size,
                "materials": totals,
                "indexed": indexed,
                "seconds": round(seconds, 1),
                "docs_per_s": round(indexed / seconds, 1) if seconds else None,
            }
        )
        log(f"{backend} {size}: rebuild {indexed} objects in {seconds:.1f}s")

        recorded = self.record_es_requests(queries) if backend == "elasticsearch" else None
        info = self.breakdown(backend, queries, recorded)
        info["size"] = size
        self.results["breakdown"].append(info)
        self.results["counts"].append(
            {"backend": backend, "size": size, "rows": self.engine_counts(backend, queries)}
        )
        if len(info["timeouts"]) >= 3:
            log(
                f"{backend} {size}: {len(info['timeouts'])} of {info['tried']} queries took over "
                f"{self.args.request_timeout:.0f}s in one thread; no load runs for this size"
            )
            for clients in CLIENTS:
                self.results["rows"].append(
                    {"backend": backend, "size": size, "clients": clients, "skipped": True}
                )
            return

        base = self.start_server(backend)
        try:
            # Warm-up, not timed: every worker imports, opens Voikko and fills its caches.
            warm = len(queries) * self.args.workers * self.args.threads
            self.endpoint_load(base, queries, max(CLIENTS), max_requests=warm)
            for clients in CLIENTS:
                kept, _, kept_errors, _ = self.endpoint_load(base, queries, clients)
                durations, by_query, errors, timeouts = self.endpoint_load(
                    base, queries, clients, fresh=True
                )
                plain, _, plain_errors, _ = self.plain_load(
                    base, clients, len(durations) + len(errors) + timeouts
                )
                errors += kept_errors + plain_errors
                # The same queries as the endpoint managed in its time: same mix, same p50.
                done = len(durations) + len(errors) + timeouts
                if backend == "elasticsearch":
                    engine, _, engine_errors, engine_timeouts = self.es_engine_load(
                        recorded, queries, clients, done
                    )
                    top10, _, top10_errors, _ = self.es_engine_load(
                        recorded, queries, clients, done, top10=True
                    )
                    together, _, together_errors, _ = self.es_engine_load(
                        recorded, queries, clients, done, msearch=True
                    )
                    engine_errors += top10_errors + together_errors
                else:
                    engine, _, engine_errors, engine_timeouts = self.db_engine_load(
                        queries, clients, done
                    )
                row = {
                    "backend": backend,
                    "size": size,
                    "clients": clients,
                    "requests": len(durations) + timeouts,
                    "errors": len(errors) + len(engine_errors),
                    "timeouts": timeouts + engine_timeouts,
                    "p50_ms": ms(percentile(durations, 0.5)),
                    "p95_ms": ms(percentile(durations, 0.95)),
                    "kept_p50_ms": ms(percentile(kept, 0.5)),
                    "kept_p95_ms": ms(percentile(kept, 0.95)),
                    "engine_p50_ms": ms(percentile(engine, 0.5)),
                    "engine_p95_ms": ms(percentile(engine, 0.95)),
                    "plain_p50_ms": ms(percentile(plain, 0.5)),
                }
                if durations and plain:
                    # Closed loop, the same clients: throughput is inversely the mean time.
                    row["per_plain"] = (sum(plain) / len(plain)) / (sum(durations) / len(durations))
                if backend == "elasticsearch":
                    row["engine_top10_p50_ms"] = ms(percentile(top10, 0.5))
                    row["engine_msearch_p50_ms"] = ms(percentile(together, 0.5))
                    row["engine_msearch_p95_ms"] = ms(percentile(together, 0.95))
                if row["p50_ms"] is not None and row["engine_p50_ms"]:
                    row["overhead_ms"] = row["p50_ms"] - row["engine_p50_ms"]
                    row["ratio"] = row["p50_ms"] / row["engine_p50_ms"]
                self.results["rows"].append(row)
                for error in (errors + engine_errors)[:3]:
                    log(f"  error: {error}")
                log(
                    f"{backend} {size} x{clients}: p50 {fmt(row['p50_ms'])} ms, "
                    f"p95 {fmt(row['p95_ms'])} ms (kept answers: p50 {fmt(row['kept_p50_ms'])}, "
                    f"p95 {fmt(row['kept_p95_ms'])} ms), engine p50 {fmt(row['engine_p50_ms'])} ms "
                    f"({row['requests']} requests, {row['timeouts']} timeouts)"
                )
                if clients == max(CLIENTS):
                    slowest = sorted(
                        ((percentile(v, 0.5), q) for q, v in by_query.items()), reverse=True
                    )[:3]
                    self.results["slowest"].append(
                        {
                            "backend": backend,
                            "size": size,
                            "queries": [(q, round(ms(t))) for t, q in slowest],
                        }
                    )
        finally:
            self.stop_server()

    def run(self):
        started = time.perf_counter()
        self.start_elasticsearch()
        self.set_up_database()
        self.set_up_django()
        from networks.models import Material

        tokens = self.vocabulary()
        queries = self.queries()
        self.plain_url = add_plain_page().url
        self.results["setup"]["queries"] = queries
        self.results["setup"]["code"] = code_version()
        self.results["setup"]["load_before"] = round(os.getloadavg()[0], 1)
        for size in self.args.sizes:
            seconds = self.add_materials(tokens, size)
            totals = Material.objects.count()
            log(f"size {size}: {totals} materials in all ({seconds:.1f}s to insert)")
            for backend in self.args.backends:
                self.measure(size, backend, queries, totals)
        self.results["setup"]["total_s"] = round(time.perf_counter() - started)
        now = code_version()
        if now.split("digest ")[-1] != self.results["setup"]["code"].split("digest ")[-1]:
            self.results["setup"]["code_changed"] = now
        self.results["setup"]["load_after"] = round(os.getloadavg()[0], 1)

    def cleanup(self):
        self.stop_server()
        self.stop_elasticsearch()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        if self.args.keep:
            log(f"kept {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


# ------------------------------------------------------------------------------ report


def fmt(value, digits=0):
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def report(results, args):
    setup = results["setup"]
    limit = args.request_timeout * 1000

    def bounded(value, digits=0):  # a percentile that is a timed-out request is a lower bound
        return (
            f">{limit:.0f}" if value is not None and value >= limit * 0.99 else fmt(value, digits)
        )

    out = [
        f"Search benchmark: gunicorn {args.workers} workers x {args.threads} threads, "
        f"{os.cpu_count()} CPUs, up to {args.requests} requests or {args.time_limit:.0f}s per "
        f"row, {len(setup.get('queries', []))} queries, {args.words} words per material, "
        f"request timeout {args.request_timeout:.0f}s",
        f"setup: migrate {setup.get('migrate_s')}s, load_demo {setup.get('load_demo_s')}s, "
        f"vocabulary {setup.get('vocabulary')}, total {setup.get('total_s')}s, "
        f"code {setup.get('code')}, load average {setup.get('load_before')} before the "
        f"measurements and {setup.get('load_after')} after (other processes add noise)",
        "",
    ]
    if setup.get("code_changed"):
        out[-1:-1] = [
            f"WARNING: the working tree changed during the run (now {setup['code_changed']}): "
            "servers started later ran newer code than the in-process measurements; run again"
        ]
    header = (
        f"{'backend':<14}{'size':>8}{'clients':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'engine p50':>12}{'overhead ms':>13}{'ratio':>7}{'reqs':>6}{'errs':>6}{'t/o':>5}"
        f"{'ES top-10 p50':>15}{'msearch p50':>13}{'p95':>6}{'kept p50':>10}{'kept p95':>10}"
        f"{'plain p50':>10}{'x plain':>8}"
    )
    out += [
        "p50/p95: questions never asked before (a unique query string each); kept p50/p95: the "
        "same queries repeated, mostly answers kept by the reader cache; plain p50: a plain "
        "Wagtail page never asked before on the same server and clients; x plain: the search's "
        "throughput (never asked before) over the plain page's",
        header,
        "-" * len(header),
    ]
    for row in results["rows"]:
        lead = f"{row['backend']:<14}{row['size']:>8}{row['clients']:>8}"
        if row.get("skipped"):
            out.append(f"{lead}   skipped: most queries over {args.request_timeout:.0f}s alone")
            continue
        out.append(
            f"{lead}{bounded(row['p50_ms']):>9}{bounded(row['p95_ms']):>9}"
            f"{bounded(row['engine_p50_ms'], 1):>12}"
            f"{fmt(row.get('overhead_ms')):>13}{fmt(row.get('ratio'), 1):>7}"
            f"{row['requests']:>6}{row['errors']:>6}{row['timeouts']:>5}"
            f"{fmt(row.get('engine_top10_p50_ms'), 1):>15}"
            f"{fmt(row.get('engine_msearch_p50_ms'), 1):>13}"
            f"{fmt(row.get('engine_msearch_p95_ms')):>6}"
            f"{bounded(row.get('kept_p50_ms')):>10}{bounded(row.get('kept_p95_ms')):>10}"
            f"{fmt(row.get('plain_p50_ms')):>10}{fmt(row.get('per_plain'), 2):>8}"
        )
    out.append("")
    header = f"{'rebuild':<14}{'size':>8}{'objects':>9}{'seconds':>9}{'docs/s':>9}"
    out += [header, "-" * len(header)]
    for row in results["rebuilds"]:
        out.append(
            f"{row['backend']:<14}{row['size']:>8}{row['indexed']:>9}"
            f"{row['seconds']:>9}{fmt(row['docs_per_s']):>9}"
        )
    out += ["", "in-process, one thread, each query once (run_search; t/o = over the timeout):"]
    header = (
        f"{'backend':<14}{'size':>8}{'search p50':>11}{'max':>7}{'t/o':>5}{'SQL/search':>11}"
        f"{'SQL max':>8}{'ES req':>7}{'hits avg':>9}{'max':>5}{'plain db call p50':>19}"
    )
    out += [header, "-" * len(header)]
    for row in results["breakdown"]:
        plain = fmt(row.get("db_plain_call_p50_ms"), 1)
        if row.get("db_plain_call_timeouts"):
            plain += f" ({row['db_plain_call_timeouts']} t/o)"
        out.append(
            f"{row['backend']:<14}{row['size']:>8}{fmt(row['run_search_p50_ms']):>11}"
            f"{fmt(row['run_search_max_ms']):>7}{len(row['timeouts']):>5}"
            f"{fmt(row['sql_per_search'], 1):>11}{fmt(row['sql_max']):>8}"
            f"{fmt(row.get('es_requests_per_search'), 1):>7}"
            f"{fmt(row['hits_avg']):>9}{fmt(row['hits_max']):>5}{plain:>19}"
        )
    for row in results["counts"]:
        counted = [r for r in row["rows"] if not r.get("timeout")]
        equal = sum(r["full"] == r["engine"] for r in counted)
        out += [
            "",
            f"counts, {row['backend']} {row['size']}: the list's entries (the type facet's sum), "
            f"its full matches and the engine's own count of the same query, then the documents "
            f"facet's count and the engine's count of documents; full matches equal to the "
            f"engine's count for {equal} of {len(counted)} queries, the documents facet for "
            f"{sum(r['documents'] == r['engine_documents'] for r in counted)}"
            + (
                f", {len(row['rows']) - len(counted)} over the timeout"
                if len(counted) < len(row["rows"])
                else ""
            ),
        ]
        out += [
            f"  {r['query'][:34]:<36}{r['listed']:>8}{r['full']:>8}{r['engine']:>8}"
            f"{r['documents']:>8}{r['engine_documents']:>8}"
            + ("" if r["full"] == r["engine"] else "  DIFFERENT")
            for r in counted
        ]
    if results["slowest"]:
        out += ["", "slowest queries through /haku/ at 8 clients (p50 ms):"]
        for row in results["slowest"]:
            queries = ", ".join(f"{q!r} {t}" for q, t in row["queries"])
            out.append(f"  {row['backend']} {row['size']}: {queries}")
    return "\n".join(out)


def main():
    args = parse_args()
    bench = Bench(args)
    interrupted = False
    try:
        bench.run()
    except KeyboardInterrupt:
        interrupted = True
        log("interrupted: printing what was measured")
    finally:
        bench.cleanup()
    print(report(bench.results, args))
    if args.json:
        Path(args.json).write_text(json.dumps(bench.results, indent=2, default=str))
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
