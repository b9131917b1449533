#!/usr/bin/env python
"""Topology benchmark: what Varnish and a second app server add, measured in one run.

    .venv/bin/python bench/topology.py [--seconds 5] [--rounds 3] [--clients 8] [--keep]

Prints figures only: no assertions, no pass/fail. Starts what `make topology` starts
(tests/topology/run.py's Topology: PostgreSQL, Redis, the S3 API server, Elasticsearch,
the mail server, two gunicorn app servers A and B with cms.settings.production and 2 workers
each, Varnish before both), all on 127.0.0.1 and stopped by pid at the end, adds a plain
Wagtail page and a member's session, then measures in each of `--rounds` rounds:

  plain page       the plain page (a StandardPage, a query string so no cache keeps it) as a
                   visitor, straight from gunicorn A: the baseline
  Varnish          the home page and a network page as a visitor, through Varnish (kept there)
  member, one      a members-only page as the member, straight from A
  member, two      the same through Varnish, which passes it to A and B in turn

`--clients` client processes, one keep-alive connection each (bench/pages.py's load), for
`--seconds` per case. Ratios are per round, against that round's plain page (or member, one);
the table shows their median over the rounds, and how busy the machine's CPUs were meanwhile
(/proc/stat: every process on the machine, the clients included).
"""

import argparse
import sys
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "topology"))

from benchlib import add_plain_page, log  # noqa: E402
from pages import load  # noqa: E402
from run import Topology  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5, help="per case and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the temp folder and its logs")
    return parser.parse_args()


def prepare():
    """The plain page, the member's session cookie and the URLs measured."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.cached_db import SessionStore
    from wagtail.models import PageViewRestriction

    from networks.models import BodyPage

    plain = add_plain_page()
    home = plain.get_parent().specific
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    restriction = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS,
        groups__user__username="jasen-hr",
        page__locale__language_code="fi",
    ).first()
    user = get_user_model().objects.get(username="jasen-hr")
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    from django.db import connections

    connections.close_all()
    return {
        "plain": plain.url + "?plain=1",
        "home": home.url,
        "network": hr.url,
        "members": restriction.page.url,
        "cookie": f"sessionid={session.session_key}",
    }


def cpu_times():
    """(busy, total) jiffies of all CPUs since boot."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields) - idle, sum(fields)


def measure(topology, urls, args):
    cases = [
        ("plain page, visitor, gunicorn A", topology.a, urls["plain"], None),
        ("home page, visitor, Varnish", topology.varnish, urls["home"], None),
        ("network page, visitor, Varnish", topology.varnish, urls["network"], None),
        ("members' page, member, A alone", topology.a, urls["members"], urls["cookie"]),
        ("members' page, member, A and B", topology.varnish, urls["members"], urls["cookie"]),
    ]
    for _, port, url, cookie in cases:  # warm up: every cache filled, every worker started
        load(port, url, cookie, args.clients, 1)
    rounds = []
    for number in range(args.rounds):
        figures = {}
        for name, port, url, cookie in cases:
            busy, total = cpu_times()
            figures[name] = load(port, url, cookie, args.clients, args.seconds)
            busy_after, total_after = cpu_times()
            figures[name]["cpu"] = 100 * (busy_after - busy) / max(1, total_after - total)
            log(f"round {number + 1}: {name}: {figures[name]['rps']:.0f} req/s")
        rounds.append(figures)
    return cases, rounds


def report(cases, rounds, args):
    print(f"\n{args.clients} clients, {args.seconds:g} s per case, {args.rounds} rounds; medians")
    print("| case | req/s | ratio | p50 ms | p99 ms | CPU busy | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, *_ in cases:
        base = "members' page, member, A alone" if "member" in name else cases[0][0]
        ratio = median(r[name]["rps"] / r[base]["rps"] for r in rounds)
        print(
            f"| {name} | {median(r[name]['rps'] for r in rounds):,.0f} | {ratio:.2f}× | "
            f"{median(r[name]['p50_ms'] for r in rounds):.1f} | "
            f"{max(r[name]['p99_ms'] for r in rounds):.1f} | "
            f"{median(r[name]['cpu'] for r in rounds):.0f} % | "
            f"{sum(r[name]['errors'] for r in rounds)} |"
        )
    print("ratio: against the plain page (visitors) or the member's page from A alone (members)")


def main():
    args = parse_args()
    topology = Topology(args)
    topology.service_env["elasticsearch"]["ES_NODES"] = "1"  # the search is not measured here
    try:
        topology.start()
        topology.set_up_django()
        urls = prepare()
        cases, rounds = measure(topology, urls, args)
        report(cases, rounds, args)
    finally:
        topology.stop()


if __name__ == "__main__":
    main()
