#!/usr/bin/env python
"""What cron (or systemd timers) does on a production host, in one long-running process:

    send_queued_mail        the mail queue: delivers what waits, retries what the server refused
    publish_scheduled       pages and documents whose go-live time has come
    replay_index_updates    index updates the search engine missed while it was down, so a page
                            published meanwhile is found once the engine is back

    .venv/bin/python scripts/timers.py [--every SECONDS]   (with the site's environment)

One Django process for all three, every --every seconds (default 60): a process per run would
cost a Django start-up each time. A run that fails (the database or the engine away) is logged
and tried again next time; the process ends on SIGTERM after the run in progress.
"""

import argparse
import logging
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ("send_queued_mail", {}),
    ("publish_scheduled", {}),
    ("replay_index_updates", {}),
]
logger = logging.getLogger("timers")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, default=60)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import close_old_connections, connections

    quiet = open(os.devnull, "w")  # noqa: SIM115 - for the process's lifetime
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    logger.warning("timers: every %ss: %s", args.every, ", ".join(name for name, _ in COMMANDS))
    while not stopping:
        started = time.monotonic()
        for name, options in COMMANDS:
            close_old_connections()
            try:
                call_command(name, verbosity=0, stdout=quiet, **options)
            except Exception:  # noqa: BLE001 - logged; the next run tries again
                logger.exception("timers: %s failed", name)
                connections.close_all()  # a broken connection is not reused
        while not stopping and time.monotonic() - started < args.every:
            time.sleep(0.2)
    logger.warning("timers: stopped")


if __name__ == "__main__":
    main()
