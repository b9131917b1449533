"""What the benchmark scripts share: timed log lines, percentiles, ports and stopping the
servers they started."""

import math
import os
import signal
import socket
import subprocess
import sys
import time

STARTED = time.monotonic()


def log(message):
    print(f"[bench {time.monotonic() - STARTED:6.0f}s] {message}", file=sys.stderr, flush=True)


def percentile(values, share):
    """Nearest-rank percentile of a list of numbers (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def free_port(start):
    for port in range(start, start + 200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


def stop_process(process, name, grace=30):
    """Stop one process we started, by its pid: SIGTERM, then SIGKILL after `grace` seconds."""
    if process is None or process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        log(f"{name} (pid {process.pid}) still alive after {grace}s: SIGKILL")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    log(f"stopped {name} (pid {process.pid})")


def add_plain_page():
    """The baseline of every ratio: a plain Wagtail page (a StandardPage with a title and one
    paragraph) under the Finnish home page. Needs Django set up; returns the page."""
    from home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="fi")
    plain = home.add_child(
        instance=StandardPage(
            title="Tavallinen sivu",
            slug="tavallinen-sivu",
            body="<p>Yksi kappale tekstiä, kuten tavallisella Wagtail-sivulla.</p>",
        )
    )
    plain.save_revision().publish()
    return plain
