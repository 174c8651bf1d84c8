"""How fast and how lean ``loket sync --once`` ingests a large mailbox, measured against the server itself.

Generates a department mailbox (``bench/corpus/mailbox.py``), writes it into a throwaway Dovecot's maildirs, then
prints in one run: a raw imapclient fetch of every message (UID SEARCH in ranges, BODY.PEEK[] in batches of 500),
``loket sync --once`` into an empty data dir (wall time and peak RSS), and a second ``sync --once`` with nothing
changed, with the ratios against the targets: first sync ≤ 3.0× the raw fetch, peak RSS ≤ 400 MB, resync ≤ 5% of
the first sync.

Run: ``make bench``, or ``PYTHONPATH=. .venv/bin/python bench/ingest.py [--messages N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench.corpus.mailbox import DESK, MailboxGenerator
from tests.servers.dovecot import Dovecot, Mailbox, find_dovecot

ROOT = Path(__file__).resolve().parents[1]
LOKET = Path(sys.prefix) / "bin" / "loket"
FOLDERS = ("INBOX", "Sent")
SEARCH_RANGE = 10_000
BATCH = 500
MB = 1_000_000
# Reading the RSS of a process tree scans /proc (about 4 ms of CPU here): sampled every 20 ms it took a sixth of a core
# from the sync it measures. Memory moves batch by batch, so five samples a second see the peak.
RSS_SAMPLE_SECONDS = 0.2

FIRST_SYNC_RATIO = 3.0
PEAK_RSS_MB = 400
RESYNC_SHARE = 0.05


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes, the whole process tree sampled while it ran
    largest_process_rss: int  # bytes, from getrusage: the biggest single process among our children so far
    stdout: str
    cpu_seconds: float  # user + system time of loket and its worker processes


def seed(dovecot: Dovecot, box: Mailbox, count: int) -> tuple[dict[str, int], int]:
    """Write the generated mailbox straight into the maildirs; returns messages per folder and total bytes."""
    per_folder = dict.fromkeys(FOLDERS, 0)
    size = 0
    for message in MailboxGenerator(seed=1).messages(count):
        dovecot.seed_maildir(box, message.folder, [(message.raw, message.internal_date, message.seen)])
        per_folder[message.folder] += 1
        size += len(message.raw)
    return per_folder, size


def index(dovecot: Dovecot, box: Mailbox) -> None:
    """Let Dovecot assign UIDs and build its indexes once, so neither measured run pays for that."""
    client = dovecot.client(box)
    for folder in FOLDERS:
        client.select_folder(folder, readonly=True)
        client.search(["ALL"])
    client.logout()


def raw_fetch(dovecot: Dovecot, box: Mailbox) -> tuple[int, int, float]:
    """Every message's bytes as plainly as imapclient can fetch them: the floor any sync is compared with."""
    client = dovecot.client(box)
    count = size = 0
    start = time.perf_counter()
    for folder in FOLDERS:
        uidnext = client.select_folder(folder, readonly=True)[b"UIDNEXT"]
        for low in range(1, uidnext, SEARCH_RANGE):
            uids = client.search(["UID", f"{low}:{min(low + SEARCH_RANGE - 1, uidnext - 1)}"])
            for first in range(0, len(uids), BATCH):
                for data in client.fetch(uids[first : first + BATCH], ["BODY.PEEK[]"]).values():
                    count += 1
                    size += len(data[b"BODY[]"])
    seconds = time.perf_counter() - start
    client.logout()
    return count, size, seconds


def run_loket(arguments: list[str], env: dict[str, str], stdin: str = "") -> Run:
    """Run one ``loket`` command to completion, sampling the RSS of its whole process tree as it goes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [str(LOKET), *arguments], stdin=subprocess.PIPE, stdout=out, stderr=err, text=True, env=env
        )
        assert child.stdin is not None
        child.stdin.write(stdin)  # a password line: fits the pipe, never blocks
        child.stdin.close()
        peak = 0
        process = psutil.Process(child.pid)
        while True:
            peak = max(peak, _tree_rss(process))
            try:
                child.wait(timeout=RSS_SAMPLE_SECONDS)  # returns as soon as the child ends
                break
            except subprocess.TimeoutExpired:
                continue
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        sys.exit(f"loket {' '.join(arguments)} failed with exit code {child.returncode}: {stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    largest = after.ru_maxrss * 1024  # KiB on Linux
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, peak, largest, stdout, cpu)


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000, help="mailbox size (default 50,000)")
    args = parser.parse_args()
    binary = find_dovecot()
    if binary is None:
        sys.exit("Dovecot is not installed (Debian package dovecot-imapd; `make bench` installs it)")
    if not LOKET.exists():
        sys.exit(f"{LOKET} not found: run this with the project's venv (make bench)")

    load = os.getloadavg()[0]
    print(
        f"machine: {os.cpu_count()} cores, load average {load:.1f} before the run (others' load skews figures)"
    )
    dovecot = Dovecot(binary)
    try:
        dovecot.start()
        box = dovecot.new_user()
        start = time.perf_counter()
        per_folder, size = seed(dovecot, box, args.messages)
        index(dovecot, box)
        folders = ", ".join(f"{name} {count:,}" for name, count in per_folder.items())
        print(
            f"mailbox: {args.messages:,} messages ({folders}), {size / 2**20:,.0f} MiB, "
            f"generated, written and indexed in {time.perf_counter() - start:.1f} s"
        )

        count, fetched, raw_seconds = raw_fetch(dovecot, box)
        print(
            f"raw fetch (BODY.PEEK[] in batches of {BATCH}): {raw_seconds:.1f} s, {count / raw_seconds:,.0f} msg/s, "
            f"{fetched / 2**20 / raw_seconds:,.0f} MiB/s"
        )

        with tempfile.TemporaryDirectory(prefix="loket-bench-") as scratch:
            data_dir = Path(scratch) / "data"
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
                "LOKET_TEST_KEYRING": str(Path(scratch) / "keyring.json"),
            }
            base = ["--data-dir", str(data_dir)]
            run_loket(
                [
                    *base, "account", "add", "bench", "--address", DESK,
                    "--imap-host", dovecot.host, "--imap-port", str(dovecot.port),
                    "--smtp-host", dovecot.host, "--smtp-port", "25",
                    "--username", box.username, "--security", "none", "--password-stdin",
                ],
                env,
                stdin=box.password + "\n",
            )  # fmt: skip
            first = run_loket([*base, "sync", "--once"], env)
            print(
                f"loket sync --once, empty data dir: {first.seconds:.1f} s, {args.messages / first.seconds:,.0f} msg/s, "
                f"peak RSS {first.peak_rss / MB:,.0f} MB (largest process {first.largest_process_rss / MB:,.0f} MB), "
                f"CPU {first.cpu_seconds:.1f} s ({first.cpu_seconds / first.seconds:.1f} cores busy)"
                f"; {first.stdout.strip()}"
            )
            again = run_loket([*base, "sync", "--once"], env)
            print(f"loket sync --once, nothing changed: {again.seconds:.2f} s; {again.stdout.strip()}")
            status = json.loads(run_loket([*base, "status", "--json"], env).stdout)
            print(f"stored: {status['messages']:,} messages, {sum(status['requests'].values()):,} requests")

        ratio = first.seconds / raw_seconds
        share = again.seconds / first.seconds
        print("targets:")
        print(
            f"  first sync / raw fetch  {ratio:5.2f}×    (≤ {FIRST_SYNC_RATIO}×)   {verdict(ratio <= FIRST_SYNC_RATIO)}"
        )
        print(
            f"  peak RSS                {first.peak_rss / MB:5.0f} MB  (≤ {PEAK_RSS_MB} MB)  "
            f"{verdict(first.peak_rss / MB <= PEAK_RSS_MB)}"
        )
        print(
            f"  resync / first sync     {share:6.1%}   (≤ {RESYNC_SHARE:.0%})     {verdict(share <= RESYNC_SHARE)}"
        )
        if status["messages"] != args.messages:
            print(f"  stored {status['messages']:,} of {args.messages:,} messages: INCOMPLETE")
            return 1
    finally:
        dovecot.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
