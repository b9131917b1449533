#!/usr/bin/env python
"""`make topology`: the site as it runs past one machine, on 127.0.0.1, and what must hold there.

Starts, each as a process of ours stopped by its pid at the end (scripts/*.sh):
PostgreSQL, Redis (the shared cache), an S3 API server (moto: media, private objects),
Elasticsearch as a cluster of two nodes (node 2 data-only; one replica of every shard), a test
mail server (aiosmtpd, a Maildir), two gunicorn app servers A and B with
cms.settings.production, Varnish before both (deploy/varnish/site.vcl, purged by the site), and
scripts/timers.py (the mail queue, publish_scheduled and the replay of missed index updates,
every 2 s). Loads the demo through the production settings (so its
files go to the object store), then runs the checks, each printed as PASS or FAIL, and ends in
one line `N passed, N failed` (exit status 1 if any failed):

  1. a page published through A is served updated through B at once
  2. a member logged in through A is logged in on B
  3. the login throttle counts attempts made through A and B together
  4. a document uploaded through A lands in the object store, private, and is served through B
     to its members only
  5. Redis stopped and started during a bounded load: no 5xx, nobody logged out, the throttle
     still limits, the page cache works again afterwards
  6. PostgreSQL restarted: at most one failed request per open connection, then recovery
  7. mail queued while the mail server is down is delivered once after it returns
  8. Elasticsearch stopped, a page published, Elasticsearch started: the page is found through
     the site within a minute, with no command run by hand
  9. one Elasticsearch node (the data-only one) killed during a bounded load of searches
     through A and B: no errors, every answer from Elasticsearch (not the database fallback);
     pages published meanwhile are found, and are on the node once it is back
 10. a page published through A is served updated through Varnish at once (and the home page,
     which lists it, too)
 11. a members-only page and documents are never served from Varnish (X-Cache never HIT)
 12. a bounded load through Varnish (visitors and a member): 0 errors
 13. scripts/backup.sh, then scripts/restore.sh into a fresh PostgreSQL and a fresh object
     store: every page, document (and its file), membership and subscription is there, and the
     rebuilt search index finds a page; a second restore into them is refused

Requests carry `X-Forwarded-Proto: https` (as the TLS proxy would) and the cookies are carried
by hand over loopback; `X-Real-IP` stands for the client address the proxy gives
(LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER), so each check's login attempts count apart.

    .venv/bin/python tests/topology/run.py [--keep]

Everything lives in a temp folder (and two beside it for PostgreSQL and Elasticsearch, whose
owners must reach them), deleted at the end unless --keep.
"""

import argparse
import contextlib
import json
import logging
import multiprocessing
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from html import unescape
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SCRIPTS = ROOT / "scripts"
HOST = "127.0.0.1"
ORIGIN = f"https://{HOST}"
BUCKET = "kt-media"
WORKERS = 2  # per app server
STARTED = time.monotonic()


def log(message):
    print(f"[topology {time.monotonic() - STARTED:5.0f}s] {message}", file=sys.stderr, flush=True)


def free_port(start):
    import socket

    for port in range(start, start + 200):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


# ------------------------------------------------------------------------------ HTTP


class Client:
    """One visitor: cookies carried by hand (they are Secure, the loopback is plain HTTP), the
    proxy's headers on every request, and whichever app server `port` says."""

    def __init__(self, address):
        self.address = address
        self.cookies = {}

    def request(self, port, method, path, body=None, headers=None):
        connection = HTTPConnection(HOST, port, timeout=60)
        sent = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Real-IP": self.address}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=Thu, 01 Jan 1970" in header or "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response.status, response, content.decode("utf-8", "replace")

    def get(self, port, path):
        return self.request(port, "GET", path)

    def csrf_token(self, port, path):
        status, _, html = self.get(port, path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not found:
            raise AssertionError(f"no CSRF token in {path} ({status})")
        return found.group(1)

    def post(self, port, path, fields, files=None, form_path=None):
        """A form as a browser sends it: the CSRF token of the page it is on, Origin, Referer."""
        fields = {**fields, "csrfmiddlewaretoken": self.csrf_token(port, form_path or path)}
        headers = {"Origin": ORIGIN, "Referer": ORIGIN + (form_path or path)}
        if files:
            body, content_type = multipart(fields, files)
        else:
            from urllib.parse import urlencode

            body, content_type = (
                urlencode(fields, doseq=True).encode(),
                ("application/x-www-form-urlencoded"),
            )
        headers["Content-Type"] = content_type
        return self.request(port, "POST", path, body=body, headers=headers)

    def log_in(self, port, username, password, path="/kirjaudu/"):
        return self.post(port, path, {"username": username, "password": password})[0]


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# ------------------------------------------------------------------------------ the services


class Topology:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="kt-topology-"))
        self.stops = []  # (name, callable), run in reverse at the end
        self.smtp = None
        self.maildir = self.tmp / "maildir"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SITE_URL": ORIGIN,
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "CSRF_TRUSTED_ORIGINS": ORIGIN,
            "STATIC_ROOT": str(self.tmp / "static"),
            "DEMO_PASSWORD": "kt-topology-" + secrets.token_hex(4),
            "LOG_LEVEL": "WARNING",
            "DB_CONN_MAX_AGE": "600",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "topology",
            "AWS_SECRET_ACCESS_KEY": "topology-secret",
            "LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER": "HTTP_X_REAL_IP",
            "MAIL_RETRY_SECONDS": "2",
            "EMAIL_HOST": HOST,
            "DEFAULT_FROM_EMAIL": "verkostot@example.fi",
            "ELASTICSEARCH_REPLICAS": "1",
        }
        # Per-service state folders; PostgreSQL's and Elasticsearch's owners (postgres, nobody)
        # cannot enter our 0700 temp folder, so theirs lie beside it.
        self.service_env = {
            "postgres": {"KT_PG_DIR": f"{self.tmp}-pg", "PG_PORT": "55400"},
            "redis": {"KT_REDIS_DIR": str(self.tmp / "redis"), "REDIS_PORT": "6390"},
            "s3": {"KT_S3_DIR": str(self.tmp / "s3"), "S3_PORT": "9390"},
            "elasticsearch": {"KT_ES_DIR": f"{self.tmp}-es", "ES_PORT": "9260", "ES_NODES": "2"},
            "varnish": {"KT_VARNISH_DIR": str(self.tmp / "varnish")},
        }

    # -------------------------------------------------------------- scripts/*.sh

    def script(self, name, command, extra=None):
        env = {**os.environ, **self.service_env[name], **(extra or {})}
        result = subprocess.run(
            ["bash", str(SCRIPTS / f"{name}.sh"), command], env=env, capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"scripts/{name}.sh {command} failed:\n{result.stderr}")
        return result.stdout.strip().splitlines()[-1].split("=", 1)[-1] if result.stdout else ""

    def start_service(self, name, variable):
        log(f"starting {name}")
        value = self.script(name, "start")
        self.stops.append((name, lambda: self.script(name, "stop")))
        self.env[variable] = value
        return value

    def manage(self, *command, env=None):
        log("manage.py " + " ".join(command))
        subprocess.run(
            [str(PYTHON), "manage.py", *command],
            cwd=ROOT,
            env=env or self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def spawn(self, name, command, log_name):
        handle = open(self.tmp / log_name, "ab")  # noqa: SIM115 - the process's log
        process = subprocess.Popen(
            command, env=self.env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=handle, stderr=handle
        )
        self.stops.append((name, lambda: stop_process(process, name)))
        return process

    def start_smtp(self):
        port = int(self.env.setdefault("EMAIL_PORT", str(free_port(2625))))
        command = [str(PYTHON), "-m", "aiosmtpd", "-n", "-l", f"{HOST}:{port}"]
        self.smtp = subprocess.Popen(
            [*command, "-c", "aiosmtpd.handlers.Mailbox", str(self.maildir)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(port, 30)

    def stop_smtp(self):
        stop_process(self.smtp, "mail server")
        self.smtp = None

    def start_app_server(self, name):
        port = free_port(8900 if name == "A" else 8950)
        process = self.spawn(
            f"gunicorn {name}",
            [
                str(GUNICORN),
                "cms.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(WORKERS),
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--log-level",
                "warning",
            ],
            f"gunicorn-{name}.log",
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn {name} exited: see {self.tmp}/gunicorn-{name}.log")
            with contextlib.suppress(OSError):
                if Client("192.0.2.1").get(port, "/")[0] == 200:
                    log(f"app server {name}: gunicorn pid {process.pid} on port {port}")
                    return port
            time.sleep(0.5)
        raise RuntimeError(f"app server {name} did not answer within 120 s")

    def start(self):
        self.start_service("postgres", "DATABASE_URL")
        self.start_service("redis", "REDIS_URL")
        self.start_service("s3", "AWS_S3_ENDPOINT_URL")
        # Elasticsearch takes the longest to start: meanwhile the database is prepared.
        engine = threading.Thread(
            target=self.start_service, args=("elasticsearch", "ELASTICSEARCH_URL"), daemon=True
        )
        engine.start()
        self.stops.append(("mail server", self.stop_smtp))
        self.start_smtp()
        create_bucket(self.env)
        env = {k: v for k, v in self.env.items() if k != "ELASTICSEARCH_URL"}
        self.manage("migrate", "--noinput", env=env)
        self.manage("createcachetable", env=env)
        self.manage("collectstatic", "--noinput", env=env)
        engine.join()
        if "ELASTICSEARCH_URL" not in self.env:
            raise RuntimeError("Elasticsearch did not start")
        self.manage("load_demo")
        # The app servers purge Varnish, which is started once they answer, on this port.
        self.varnish = free_port(6190)
        self.env["VARNISH_URL"] = f"http://{HOST}:{self.varnish}"
        self.a = self.start_app_server("A")
        self.b = self.start_app_server("B")
        backends = {
            "VARNISH_PORT": str(self.varnish),
            "VARNISH_BACKENDS": f"{HOST}:{self.a} {HOST}:{self.b}",
            "VARNISH_PROBE_HOST": HOST,
        }
        log("starting varnish")
        self.service_env["varnish"].update(backends)
        url = self.script("varnish", "start")
        self.stops.append(("varnish", lambda: self.script("varnish", "stop")))
        if url != self.env["VARNISH_URL"]:
            raise RuntimeError(f"Varnish took {url}, not {self.env['VARNISH_URL']}")
        wait_for_backends(self.varnish)
        self.spawn(
            "timers", [str(PYTHON), str(SCRIPTS / "timers.py"), "--every", "2"], "timers.log"
        )

    def stop(self):
        for name, stop in reversed(self.stops):
            try:
                stop()
            except Exception as error:  # noqa: BLE001 - stop the others all the same
                log(f"stopping {name} failed: {error}")
        if self.args.keep:
            log(f"kept {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def set_up_django(self):
        """This process reads and writes the same database and cache as the app servers, to
        prepare what the checks need and to look at what they did."""
        os.environ.update(self.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        # The search client's retries on a lost node log a traceback each; the checks say more.
        logging.getLogger("elastic_transport").setLevel(logging.ERROR)


def stop_process(process, name, grace=20):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        log(f"{name} (pid {process.pid}) still alive after {grace}s: SIGKILL")
        process.kill()
        process.wait(10)


def wait_for_backends(port, seconds=30):
    """Varnish probes the app servers before it sends them anything."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if Client("192.0.2.1").get(port, "/robots.txt")[0] == 200:
                return
        time.sleep(0.5)
    raise RuntimeError("Varnish has no healthy app server")


def wait_for_port(port, seconds):
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def s3_client(env):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        region_name=env["AWS_S3_REGION_NAME"],
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )


def create_bucket(env):
    s3_client(env).create_bucket(Bucket=env["AWS_STORAGE_BUCKET_NAME"], ACL="private")


# ------------------------------------------------------------------------------ the checks


class Checks:
    def __init__(self, topology):
        self.t = topology
        self.results = []
        self.marker = secrets.token_hex(3)

    def run(self, name, check):
        log(f"check: {name}")
        from django.db import close_old_connections

        close_old_connections()
        try:
            detail = check()
            passed = True
        except AssertionError as error:
            passed, detail = False, str(error)
        except Exception:  # noqa: BLE001 - a check that breaks fails, the others still run
            passed, detail = False, traceback.format_exc(limit=3)
        self.results.append(passed)
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}", flush=True)

    # -------------------------------------------------------------- what the demo has

    def prepare(self):
        from django.contrib.auth import get_user_model
        from wagtail.models import PageViewRestriction

        from home.models import StandardPage
        from networks.models import BodyPage

        users = get_user_model().objects
        self.password = self.t.env["DEMO_PASSWORD"]
        self.admin_user = users.get(username="admin")
        self.public_page = (
            StandardPage.objects.live().public().filter(locale__language_code="fi").first()
        )
        restriction = PageViewRestriction.objects.filter(
            restriction_type=PageViewRestriction.GROUPS,
            groups__user__username="jasen-hr",
            page__locale__language_code="fi",
        ).first()
        self.members_page = restriction.page.specific
        self.members_folder = self.folder_under(self.members_page)
        self.open_body = (
            BodyPage.objects.live()
            .public()
            .filter(open_to_join=True, locale__language_code="fi")
            .first()
        )
        self.admin = Client("198.51.100.1")
        assert self.admin.log_in(self.t.a, "admin", self.password, "/admin/login/") == 302
        self.member = Client("198.51.100.2")

    def folder_under(self, page):
        from networks.forms import folder_pages

        return folder_pages().filter(path__startswith=page.path).first()

    def publish_through(self, port, page):
        """Wagtail's own publish action (the bulk action of the page listing) on the draft."""
        path = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
        status, _, html = self.admin.post(port, path, {})
        assert status == 302, f"publishing through the admin answered {status}: {html[:300]}"

    # -------------------------------------------------------------- 1-4

    def page_published_through_a_is_served_by_b(self):
        page = self.public_page
        url = page.url
        for _ in range(2):
            status, response, html = self.admin_free_get(self.t.b, url)
        assert response.getheader("X-Page-Cache") == "hit", "B does not cache the page"
        title = f"{page.title} {self.marker}"
        page.title = title
        page.save_revision(user=self.admin_user)  # a draft: the live page stays as it was
        for _ in range(2):
            status, response, html = self.admin_free_get(self.t.b, url)
        assert title not in html and response.getheader("X-Page-Cache") == "hit"
        self.publish_through(self.t.a, page)
        status, response, html = self.admin_free_get(self.t.b, url)
        assert status == 200 and title in unescape(html), "B still serves the old page"
        return f"{url}: B served it from its cache, then the new title at once after A published"

    def admin_free_get(self, port, path):
        return Client("192.0.2.10").get(port, path)

    def member_logged_in_through_a_is_on_b(self):
        url = self.members_page.url
        status, response, _ = Client("192.0.2.11").get(self.t.b, url)
        assert status == 302, f"a visitor got the members' page from B ({status})"
        assert self.member.log_in(self.t.a, "jasen-hr", self.password) == 302, "login through A"
        status, _, html = self.member.get(self.t.b, url)
        assert status == 200 and self.members_page.title in unescape(html), f"B answered {status}"
        return f"{url}: a visitor is sent to log in, the member logged in through A reads it on B"

    def throttle_counts_a_and_b_together(self):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects
        users.create_user("topo-lukko", password="oikea-salasana-1")
        users.create_user("topo-avain", password="oikea-salasana-2")
        limit = int(self.setting("LOGIN_THROTTLE_ATTEMPTS"))
        guesses = Client("198.51.100.20")
        statuses = [
            guesses.log_in((self.t.a, self.t.b)[n % 2], "topo-lukko", "väärä") for n in range(limit)
        ]
        refused = guesses.log_in(self.t.b, "topo-lukko", "oikea-salasana-1")
        assert statuses == [200] * limit, statuses
        assert refused == 429, f"after {limit} failures through A and B: {refused}"
        control = Client("198.51.100.21")
        fewer = [
            control.log_in((self.t.a, self.t.b)[n % 2], "topo-avain", "väärä")
            for n in range(limit - 1)
        ]
        assert control.log_in(self.t.a, "topo-avain", "oikea-salasana-2") == 302, fewer
        return (
            f"{limit} failures alternating A and B, then the right password on B: 429; "
            f"{limit - 1} failures, then the right password: logged in"
        )

    def setting(self, name):
        from django.conf import settings

        return getattr(settings, name)

    def document_uploaded_through_a(self):
        from networks.models import Material

        data = f"Topologiakokeen asiakirja {self.marker}\n".encode() * 50
        title = f"Topologia {self.marker}"
        fields = {"title": title, "language": "fi", "folder": self.members_folder.pk}
        files = {"file": ("topologia.txt", data)}
        status, _, html = self.admin.post(self.t.a, "/admin/documents/add/", fields, files)
        assert status == 302, f"upload through A answered {status}: {html[:300]}"
        material = Material.objects.get(title=title)
        s3 = s3_client(self.t.env)
        stored = s3.get_object(Bucket=BUCKET, Key=material.file.name)["Body"].read()
        assert stored == data, "the object store does not hold the file"
        grants = s3.get_object_acl(Bucket=BUCKET, Key=material.file.name)["Grants"]
        public = [g for g in grants if "URI" in g["Grantee"]]
        assert not public, f"the object is not private: {public}"
        url = f"/documents/{material.pk}/"
        visitor = Client("192.0.2.12").get(self.t.b, url)[0]
        outsider = Client("198.51.100.3")
        assert outsider.log_in(self.t.a, "jasen-tyosuojelu", self.password) == 302
        other = outsider.get(self.t.b, url)[0]
        status, response, body = self.member.request(self.t.b, "GET", url)
        assert visitor != 200 and other != 200, f"visitor {visitor}, another network's {other}"
        assert status == 200 and body.encode() == data, f"the member got {status} from B"
        return (
            f"{material.file.name} in bucket {BUCKET}, private (no public grant); through B: "
            f"visitor {visitor}, another network's member {other}, the member 200 with the file"
        )

    # -------------------------------------------------------------- 5. Redis

    def redis_stopped_and_started_under_load(self):
        urls = {
            "visitor": (None, self.public_page.url),
            "member": (self.member.cookies, self.members_page.url),
        }
        load = Load([self.t.a, self.t.b], urls, self.members_page.title, seconds=24)
        load.start()
        time.sleep(6)
        self.t.script("redis", "pause")
        load.outage.set()
        log("Redis stopped")
        try:
            time.sleep(2)
            throttled = self.throttle_while_redis_is_down()
            fresh = Client("198.51.100.31")
            login = fresh.log_in(self.t.b, "jasen-hr", self.password)
            fresh_reads = fresh.get(self.t.a, self.members_page.url)[0]
            time.sleep(4)
        finally:
            self.t.script("redis", "resume")
            load.outage.clear()
            log("Redis started")
        summary = load.join()
        # Each worker that saw Redis fail starts a new content generation on its first request
        # after it is back (cms/cache.py), so the page may be rendered once per worker first.
        cached = [
            self.admin_free_get(self.t.a, "/")[1].getheader("X-Page-Cache")
            for _ in range(WORKERS + 2)
        ]
        assert summary["5xx"] == 0 and summary["errors"] == 0, summary
        assert summary["member logged out"] == 0, summary
        assert summary["during the outage"] > 0, summary
        assert throttled == 429, f"the throttle let a 6th attempt through: {throttled}"
        assert login == 302 and fresh_reads == 200, f"logging in while Redis was down: {login}"
        assert cached[-1] == "hit", f"the page cache did not come back: {cached}"
        return (
            f"{summary['requests']} requests in {summary['seconds']:.0f} s through A and B "
            f"({summary['during the outage']} while Redis was down), "
            f"by status {summary['statuses']}, member logged out 0; while Redis was down the "
            f"throttle refused the 6th attempt (429) and a member logged in through B and read "
            f"through A; afterwards the page cache hits again"
        )

    def throttle_while_redis_is_down(self):
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_user("topo-redis", password="oikea-salasana-3")
        guesses = Client("198.51.100.30")
        limit = int(self.setting("LOGIN_THROTTLE_ATTEMPTS"))
        for n in range(limit):
            guesses.log_in((self.t.a, self.t.b)[n % 2], "topo-redis", "väärä")
        return guesses.log_in(self.t.a, "topo-redis", "oikea-salasana-3")

    # -------------------------------------------------------------- 6. PostgreSQL

    def postgres_restarted(self):
        url = self.members_page.url
        for port in (self.t.a, self.t.b):  # every worker holds an open connection
            parallel(lambda port=port: self.member.get(port, url)[0], 4 * WORKERS)
        self.t.script("postgres", "restart")
        log("PostgreSQL restarted")
        statuses = {
            port: [self.member.get(port, url)[0] for _ in range(20)]
            for port in (
                self.t.a,
                self.t.b,
            )
        }
        failed = sum(status != 200 for values in statuses.values() for status in values)
        recovered = all(values[-10:] == [200] * 10 for values in statuses.values())
        assert failed <= 2 * WORKERS and recovered, statuses
        return (
            f"40 member requests after the restart, {failed} failed "
            f"(at most {2 * WORKERS}, one per open connection), the last 10 on each server 200"
        )

    # -------------------------------------------------------------- 7. mail

    def mail_queued_while_the_server_is_down(self):
        from post_office.models import STATUS, Email

        self.t.stop_smtp()
        name = f"Topologia {self.marker}"
        fields = {
            "name": name,
            "email": "topologia@example.fi",
            "organisation": "Kunta",
            "job_title": "Testaaja",
            "message": "Liittymispyyntö",
        }
        path = f"/liity/{self.open_body.pk}/"
        status = self.member_free_post(path, fields)
        assert status in (200, 302), f"the join request through A answered {status}"
        time.sleep(6)  # the worker has tried (every 2 s) and failed
        queued = Email.objects.filter(message__contains=name)
        assert queued.count() == 1, f"{queued.count()} messages queued"
        assert queued.get().status != STATUS.sent and not self.delivered(name)
        tries = queued.get().number_of_retries or 0
        self.t.start_smtp()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.delivered(name):
            time.sleep(0.5)
        time.sleep(6)  # a few more runs of the worker: still delivered once
        delivered = self.delivered(name)
        assert delivered == 1, f"delivered {delivered} times"
        assert queued.get().status == STATUS.sent
        return f"queued while the server was down ({tries} retries), then delivered exactly once"

    def member_free_post(self, path, fields):
        return Client("192.0.2.13").post(self.t.a, path, fields)[0]

    def delivered(self, text):
        new = self.t.maildir / "new"
        if not new.exists():
            return 0
        return sum(text in path.read_text(errors="replace") for path in new.iterdir())

    # -------------------------------------------------------------- 8. Elasticsearch

    def page_published_while_the_engine_is_down(self):
        from django.utils import translation

        from home.models import StandardPage
        from search.models import PendingIndexUpdate

        word = "topologia" + "".join(secrets.choice("bdfgklmnprstv") for _ in range(8))
        with translation.override("fi"):
            down_notice = translation.gettext(
                "The search engine is not available right now. These results come from a "
                "simpler search of the site's database."
            )
        self.t.script("elasticsearch", "pause")
        log("Elasticsearch stopped")
        try:
            home = self.public_page.get_parent()
            page = home.add_child(
                instance=StandardPage(title=f"Hakukoe {word}", slug=word, live=False)
            )
            page.save_revision(user=self.admin_user)
            self.publish_through(self.t.a, page)
            missed = PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
        finally:
            self.t.script("elasticsearch", "resume")
        back = time.monotonic()
        log("Elasticsearch started")
        assert missed, "the engine was down, yet no index update of the page waits for it"
        visitor = Client("192.0.2.14")
        while time.monotonic() - back < 60:
            status, _, html = visitor.get(self.t.b, f"/haku/?q={word}")
            html = unescape(html)
            if status == 200 and f"Hakukoe {word}" in html and down_notice not in html:
                break
            time.sleep(1)
        else:
            raise AssertionError("not found through B within 60 s of the engine's return")
        return (
            f"found through B from Elasticsearch {time.monotonic() - back:.0f} s after the "
            f"engine was back (the timers' replay_index_updates; nothing run by hand)"
        )

    # -------------------------------------------------------------- 9. a node lost

    def search_node_killed_under_load(self):
        """Searches through A and B, each a question no stored answer holds (the reader cache
        keys on the query string), while node 2 is killed; pages published meanwhile."""
        import requests

        urls = self.t.env["ELASTICSEARCH_URL"].split(",")
        sought = self.new_page("Solmuhaku", self.t.a)
        visitor = Client("192.0.2.15")
        deadline = time.monotonic() + 30
        while f"Solmuhaku {sought[1]}" not in unescape(
            visitor.get(self.t.b, f"/haku/?q={sought[1]}")[2]
        ):
            assert time.monotonic() < deadline, "the page to search for is not found"
            time.sleep(1)
        load = SearchLoad([self.t.a, self.t.b], sought[1], f"Solmuhaku {sought[1]}", seconds=24)
        load.start()
        time.sleep(4)
        self.t.script("elasticsearch", "kill-node2")
        load.outage.set()
        log("Elasticsearch node 2 killed")
        published = []
        try:
            for n in range(3):
                published.append(self.new_page("Solmukoe", (self.t.a, self.t.b)[n % 2]))
            time.sleep(8)
        finally:
            load.outage.clear()
            summary = load.join()
            self.t.script("elasticsearch", "start-node2")
            log("Elasticsearch node 2 started")
        green = requests.get(
            f"{urls[0]}/_cluster/health?wait_for_status=green&timeout=50s", timeout=60
        ).json()
        for _pk, new_word in published:
            status, _, html = visitor.get(self.t.a, f"/haku/?q={new_word}")
            assert status == 200 and f"Solmukoe {new_word}" in unescape(html), new_word
            assert self.down_notice not in unescape(html), "answered by the database fallback"
        local = requests.post(
            f"{urls[1]}/kt_wagtailcore_page/_search?preference=_only_local",
            json={"query": {"ids": {"values": [str(pk) for pk, _ in published]}}},
            timeout=10,
        ).json()["hits"]["total"]["value"]
        assert summary["errors"] == 0 and set(summary["statuses"]) == {200}, summary
        assert summary["from the fallback"] == 0 and summary["not found"] == 0, summary
        assert summary["during the outage"] > 0, summary
        assert green["status"] == "green", green
        assert local == len(published), f"node 2 holds {local} of the {len(published)} pages"
        return (
            f"{summary['requests']} searches in {summary['seconds']:.0f} s through A and B "
            f"({summary['during the outage']} while node 2 was down), by status "
            f"{summary['statuses']}, 0 from the database fallback; {len(published)} pages "
            f"published meanwhile found; node 2 back, cluster green, and node 2's own copy "
            f"holds all {local}"
        )

    def new_page(self, prefix, port):
        """A page titled `prefix` and a word of its own, published through `port`."""
        from home.models import StandardPage

        word = prefix.lower() + "".join(secrets.choice("bdfgklmnprstv") for _ in range(8))
        page = self.public_page.get_parent().add_child(
            instance=StandardPage(title=f"{prefix} {word}", slug=word, live=False)
        )
        page.save_revision(user=self.admin_user)
        self.publish_through(port, page)
        return page.pk, word

    @property
    def down_notice(self):
        from django.utils import translation

        with translation.override("fi"):
            return translation.gettext(
                "The search engine is not available right now. These results come from a "
                "simpler search of the site's database."
            )

    # -------------------------------------------------------------- 10-12. Varnish

    def page_published_through_a_is_served_by_varnish(self):
        port = self.t.varnish
        page = self.public_page
        home = page.get_parent().url
        for _ in range(2):
            status, response, html = self.admin_free_get(port, page.url)
            self.admin_free_get(port, home)
        assert response.getheader("X-Cache") == "HIT", "Varnish does not keep the page"
        title = f"{page.title} {self.marker}v"
        page.title = title
        page.save_revision(user=self.admin_user)  # a draft: the live page stays as it was
        for _ in range(2):  # (saving it is a change of content too: Varnish fetches it again)
            status, response, html = self.admin_free_get(port, page.url)
            self.admin_free_get(port, home)
        assert title not in unescape(html), "Varnish serves the draft"
        assert response.getheader("X-Cache") == "HIT", "Varnish does not keep the page"
        self.publish_through(self.t.a, page)
        status, response, html = self.admin_free_get(port, page.url)
        assert status == 200 and title in unescape(html), "Varnish still serves the old page"
        listed = self.admin_free_get(port, home)
        assert listed[1].getheader("X-Cache") == "MISS", "the home page was not purged"
        again = self.admin_free_get(port, page.url)[1].getheader("X-Cache")
        assert again == "HIT", f"kept again afterwards: {again}"
        return (
            f"{page.url}: HIT with the old title after a draft was saved, the new title at "
            f"once after A published ({response.getheader('X-Cache')}), the home page fetched "
            f"again too, then HIT again"
        )

    def members_only_never_from_varnish(self):
        from networks.models import Material

        port = self.t.varnish
        members_document = next(
            material
            for material in Material.objects.order_by("pk")
            if material.collection.get_view_restrictions()
            .filter(groups__user__username="jasen-hr")
            .exists()
        )
        public_document = next(
            material
            for material in Material.objects.order_by("pk")
            if not material.collection.get_view_restrictions().exists()
        )
        seen = {}
        for who, client in (("visitor", Client("192.0.2.16")), ("member", self.member)):
            for url in (
                self.members_page.url,
                f"/documents/{members_document.pk}/",
                f"/documents/{public_document.pk}/",
            ):
                answers = [client.get(port, url) for _ in range(3)]
                seen[(who, url)] = [
                    (status, response.getheader("X-Cache")) for status, response, _ in answers
                ]
        hits = {key: value for key, value in seen.items() if any(c == "HIT" for _, c in value)}
        assert not hits, f"served from Varnish: {hits}"
        member_statuses = {
            s for (who, _), value in seen.items() if who == "member" for s, _ in value
        }
        assert member_statuses == {200}, seen
        return "; ".join(
            f"{who} {url}: {sorted({f'{s} {c}' for s, c in value})}"
            for (who, url), value in seen.items()
        )

    def load_through_varnish(self):
        urls = {
            "visitor": (None, self.public_page.url),
            "member": (self.member.cookies, self.members_page.url),
        }
        load = Load([self.t.varnish, self.t.varnish], urls, self.members_page.title, seconds=10)
        load.start()
        summary = load.join()
        assert summary["5xx"] == 0 and summary["errors"] == 0, summary
        assert set(summary["statuses"]) == {200} and summary["member logged out"] == 0, summary
        return (
            f"{summary['requests']} requests in {summary['seconds']:.0f} s through Varnish "
            f"(visitors from its cache, the member passed to A and B), by status "
            f"{summary['statuses']}, 0 errors"
        )

    # -------------------------------------------------------------- 13. backup and restore

    def backup_and_restore(self):
        env = self.t.env
        probe = self.public_page.title
        self.subscribe_and_alert()
        original = counts(env, probe)
        backup = subprocess.run(
            ["bash", str(SCRIPTS / "backup.sh"), str(self.t.tmp / "backups")],
            env=env,
            capture_output=True,
            text=True,
        )
        assert backup.returncode == 0, f"backup.sh exit {backup.returncode}: {backup.stderr}"
        folder = backup.stdout.strip().splitlines()[-1].split("=", 1)[1]
        fresh = {
            "postgres": {"KT_PG_DIR": f"{self.t.tmp}-pg2", "PG_PORT": "55420"},
            "s3": {"KT_S3_DIR": str(self.t.tmp / "s3-2"), "S3_PORT": "9420"},
        }
        restored_env = dict(env)
        restored_env.pop("REDIS_URL")  # its own cache: nothing of the running site's
        restored_env["CACHE_DIR"] = str(self.t.tmp / "cache-restored")
        restored_env["ELASTICSEARCH_INDEX_PREFIX"] = "kt_restored_"
        for name, variable in (("postgres", "DATABASE_URL"), ("s3", "AWS_S3_ENDPOINT_URL")):
            value = self.fresh_service(name, fresh[name])
            restored_env[variable] = value
        restore = subprocess.run(
            ["bash", str(SCRIPTS / "restore.sh"), folder],
            env=restored_env,
            capture_output=True,
            text=True,
        )
        assert restore.returncode == 0, restore.stderr[-2000:]
        copy = counts(restored_env, probe)
        assert copy == original, f"original {original}\nrestored {copy}"
        again = subprocess.run(
            ["bash", str(SCRIPTS / "restore.sh"), folder, "--no-index"],
            env=restored_env,
            capture_output=True,
            text=True,
        )
        assert again.returncode != 0 and "empty database" in again.stderr, "restored twice"
        assert original["found in the search index"] is True, original
        return (
            f"{Path(folder).name} restored into a fresh PostgreSQL and object store, the search "
            f"index rebuilt; a second restore into them refused; {copy}"
        )

    def subscribe_and_alert(self):
        """The demo has no subscribers: a confirmed one and a member's alert, so that the backup
        has some to bring back."""
        from django.contrib.auth import get_user_model
        from django.utils import timezone

        from networks.models import BodyPage, NewsletterPage
        from subscriptions.models import MemberAlert, NewsletterSubscription

        newsletter = NewsletterPage.objects.live().first()
        NewsletterSubscription.objects.create(
            newsletter=newsletter,
            email="tilaaja@example.fi",
            language="fi",
            confirmed_at=timezone.now(),
        )
        member = get_user_model().objects.get(username="jasen-hr")
        MemberAlert.objects.get_or_create(
            user=member,
            body=BodyPage.objects.ancestor_of(self.members_page).last(),
            language="fi",
        )

    def fresh_service(self, name, service_env):
        env = {**os.environ, **service_env}
        script = str(SCRIPTS / f"{name}.sh")
        result = subprocess.run(["bash", script, "start"], env=env, capture_output=True, text=True)
        self.t.stops.append(
            (f"{name} (restored)", lambda: subprocess.run(["bash", script, "stop"], env=env))
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1].split("=", 1)[1]

    def all(self):
        self.prepare()
        for name, check in [
            (
                "a page published through A is served updated through B at once",
                self.page_published_through_a_is_served_by_b,
            ),
            (
                "a member logged in through A is logged in on B",
                self.member_logged_in_through_a_is_on_b,
            ),
            (
                "the login throttle counts attempts through A and B together",
                self.throttle_counts_a_and_b_together,
            ),
            (
                "a document uploaded through A: object store, private, served by B to members only",
                self.document_uploaded_through_a,
            ),
            (
                "Redis stopped and started during a bounded load",
                self.redis_stopped_and_started_under_load,
            ),
            ("PostgreSQL restarted", self.postgres_restarted),
            (
                "mail queued while the mail server is down is delivered once",
                self.mail_queued_while_the_server_is_down,
            ),
            (
                "a page published while Elasticsearch is down is found once it is back",
                self.page_published_while_the_engine_is_down,
            ),
            (
                "an Elasticsearch node killed during a bounded load of searches",
                self.search_node_killed_under_load,
            ),
            (
                "a page published through A is served updated through Varnish at once",
                self.page_published_through_a_is_served_by_varnish,
            ),
            (
                "a members-only page and documents are never served from Varnish",
                self.members_only_never_from_varnish,
            ),
            ("a bounded load through Varnish", self.load_through_varnish),
            ("backup, then restore into fresh services", self.backup_and_restore),
        ]:
            self.run(name, check)
        passed = sum(self.results)
        failed = len(self.results) - passed
        print(f"{passed} passed, {failed} failed", flush=True)
        return failed


def counts(env, probe):
    result = subprocess.run(
        [str(PYTHON), str(Path(__file__).with_name("counts.py")), probe],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def parallel(call, times):
    threads = [threading.Thread(target=call) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class Load:
    """Client processes requesting the visitor's and the member's page through A and B in turn
    for `seconds`; counts statuses, errors and member pages that came without the member."""

    def __init__(self, ports, urls, member_text, seconds, clients=3):
        self.ports, self.urls, self.member_text = ports, urls, member_text
        self.seconds, self.clients = seconds, clients
        context = multiprocessing.get_context("fork")
        self.queue = context.Queue()
        self.outage = context.Event()  # set while a service is down
        self.processes = [
            context.Process(target=self.client, args=(n,), daemon=True) for n in range(clients)
        ]

    def start(self):
        self.began = time.monotonic()
        for process in self.processes:
            process.start()

    def client(self, number):
        deadline = time.monotonic() + self.seconds
        statuses, errors, logged_out, sent, during = {}, 0, 0, 0, 0
        while time.monotonic() < deadline:
            who = ("visitor", "member")[sent % 2]
            cookies, url = self.urls[who]
            client = Client(f"203.0.113.{number + 1}")
            client.cookies = dict(cookies or {})
            try:
                status, _, html = client.get(self.ports[(sent // 2) % 2], url)
            except OSError:
                errors += 1
                continue
            finally:
                sent += 1
            statuses[status] = statuses.get(status, 0) + 1
            during += self.outage.is_set()
            if who == "member" and (status != 200 or self.member_text not in unescape(html)):
                logged_out += 1
        self.queue.put((statuses, errors, logged_out, during))

    def join(self):
        statuses, errors, logged_out, during = {}, 0, 0, 0
        for _ in self.processes:
            part = self.queue.get()
            for status, count in part[0].items():
                statuses[status] = statuses.get(status, 0) + count
            errors += part[1]
            logged_out += part[2]
            during += part[3]
        for process in self.processes:
            process.join()
        return {
            "requests": sum(statuses.values()),
            "seconds": time.monotonic() - self.began,
            "statuses": statuses,
            "5xx": sum(count for status, count in statuses.items() if status >= 500),
            "errors": errors,
            "member logged out": logged_out,
            "during the outage": during,
        }


class SearchLoad(Load):
    """Client processes searching through A and B in turn, every question new (an extra
    parameter each time, so no stored answer serves it); counts answers that did not find the
    page or came from the database fallback."""

    def __init__(self, ports, word, expected, seconds, clients=2):
        super().__init__(ports, {}, expected, seconds, clients)
        self.word = word

    def client(self, number):
        deadline = time.monotonic() + self.seconds
        statuses, errors, wrong, fallback, sent, during = {}, 0, 0, 0, 0, 0
        notice = "The search engine is not available right now"
        client = Client(f"203.0.113.{number + 10}")
        while time.monotonic() < deadline:
            path = f"/haku/?q={self.word}&n={number}-{sent}"
            try:
                status, _, html = client.get(self.ports[sent % 2], path)
            except OSError:
                errors += 1
                continue
            finally:
                sent += 1
            html = unescape(html)
            statuses[status] = statuses.get(status, 0) + 1
            during += self.outage.is_set()
            wrong += self.member_text not in html
            fallback += notice in html or "Hakukone ei ole" in html
        self.queue.put((statuses, errors, wrong, during, fallback))

    def join(self):
        statuses, errors, wrong, during, fallback = {}, 0, 0, 0, 0
        for _ in self.processes:
            part = self.queue.get()
            for status, count in part[0].items():
                statuses[status] = statuses.get(status, 0) + count
            errors += part[1]
            wrong += part[2]
            during += part[3]
            fallback += part[4]
        for process in self.processes:
            process.join()
        return {
            "requests": sum(statuses.values()),
            "seconds": time.monotonic() - self.began,
            "statuses": statuses,
            "errors": errors,
            "not found": wrong,
            "from the fallback": fallback,
            "during the outage": during,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temp folder and its logs")
    args = parser.parse_args()
    topology = Topology(args)
    failed = 1
    try:
        topology.start()
        topology.set_up_django()
        failed = Checks(topology).all()
    except Exception:
        traceback.print_exc()
        print("0 passed, 1 failed (the topology did not start)", flush=True)
    finally:
        topology.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
