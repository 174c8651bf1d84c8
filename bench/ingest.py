"""How fast and how lean ``loket sync --once`` ingests a large mailbox, measured against the server itself.

Generates a department mailbox (``bench/corpus/mailbox.py``), writes it into a throwaway Dovecot's maildirs (kept
in ``~/.cache/loket-bench`` per generator and size, so a second run only links it in), then prints in one run: a raw
fetch of every message by a plain imapclient client (UID SEARCH in ranges, BODY.PEEK[] in batches of 500, nothing
more) after a first fetch has read the mailbox into the page cache, the same fetch with imaplib's protocol trace off
as Loket's own sessions fetch, ``loket sync --once`` into an empty data dir (wall time, the rate per tenth of the
messages, peak RSS, peak size of the WAL), where the store's bytes go, and a second ``sync --once`` with nothing
changed, with the ratios against the targets.

Run: ``make bench``, or ``PYTHONPATH=. .venv/bin/python bench/ingest.py [--messages N ...]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.corpus import mailbox as corpus
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
LAST_TENTH_SHARE = 0.7  # the rate over the last tenth of the messages against the rate over the second
PEAK_RSS_MB = 400
PEAK_WAL_MIB = 512
STORE_SHARE = 1.0  # the store's size against the mail's as IMAP sends it
RESYNC_SHARE = 0.05
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "loket-bench"
# Dovecot's own files in a maildir: copied, since the server writes them; the messages are linked from the cache.
DOVECOT_FILES = ("dovecot.", "dovecot-")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes, the whole process tree sampled while it ran
    largest_process_rss: int  # bytes, from getrusage: the biggest single process among our children so far
    stdout: str
    cpu_seconds: float  # user + system time of loket and its worker processes
    peak_wal: int = 0  # bytes of the store's -wal file, sampled while it ran
    progress: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, messages stored)


def cached_mailbox(dovecot: Dovecot, box: Mailbox, count: int) -> tuple[dict[str, int], int, str]:
    """The generated mailbox in the user's maildirs, indexed: linked from the cache when it holds this generator's
    mailbox of this size, else generated, moved into the cache, and linked back. Returns messages per folder,
    bytes, and how it came."""
    version = hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest()[:12]
    cached = CACHE / f"mailbox-{version}-{count}"
    home = dovecot.base / "mail" / box.username
    how = f"linked from {cached}"
    if not (cached / "counts.json").exists():
        per_folder, size = seed(dovecot, box, count)
        index(dovecot, box)
        staging = cached.with_name(cached.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(cached, ignore_errors=True)
        staging.mkdir(parents=True)
        shutil.move(home, staging / "maildir")  # a rename where the cache is on the same file system
        (staging / "counts.json").write_text(json.dumps({"folders": per_folder, "size": size}))
        staging.rename(cached)
        how = f"generated, written, indexed and kept in {cached}"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(cached / "maildir", home, symlinks=True, copy_function=_link_message)
    if os.geteuid() == 0:  # the server writes its index files and new folders as its own unprivileged user
        for path in (home, *home.rglob("*")):
            if path.is_dir() or path.name.startswith(DOVECOT_FILES):
                os.chown(path, dovecot.uid, dovecot.gid)
    counts = json.loads((cached / "counts.json").read_text())
    return counts["folders"], counts["size"], how


def _link_message(source: str, target: str) -> None:
    """Messages are linked (Dovecot never changes a message file it only reads); its index files are copied."""
    if not Path(source).name.startswith(DOVECOT_FILES):
        try:
            os.link(source, target)
            return
        except OSError:  # the cache on another file system
            pass
    shutil.copy2(source, target)


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
        client.search(["UID", "*"])  # one UID back: SEARCH ALL's answer outgrows imaplib's line limit
    client.logout()


def raw_fetch(dovecot: Dovecot, box: Mailbox, trace: bool = True) -> tuple[int, int, float]:
    """Every message's bytes as a plain imapclient client fetches them: the floor any sync is compared with.
    ``trace=False`` turns off imaplib's protocol trace, which imapclient turns on and which formats every line read,
    as Loket's own sessions do."""
    client = dovecot.client(box)
    if not trace:
        client._imap.debug = 0
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


def run_loket(arguments: list[str], env: dict[str, str], stdin: str = "", store: Path | None = None) -> Run:
    """Run one ``loket`` command to completion, sampling the RSS of its whole process tree as it goes, and with a
    ``store``, the size of its WAL and how many messages it holds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [str(LOKET), *arguments], stdin=subprocess.PIPE, stdout=out, stderr=err, text=True, env=env
        )
        assert child.stdin is not None
        child.stdin.write(stdin)  # a password line: fits the pipe, never blocks
        child.stdin.close()
        peak = peak_wal = 0
        progress: list[tuple[float, int]] = []
        process = psutil.Process(child.pid)
        while True:
            peak = max(peak, _tree_rss(process))
            if store is not None:
                peak_wal = max(peak_wal, _size(store.with_name(store.name + "-wal")))
                progress.append((time.perf_counter() - start, _messages_stored(store)))
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
    return Run(seconds, peak, largest, stdout, cpu, peak_wal, progress)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _messages_stored(store: Path) -> int:
    """The highest message row: rows are numbered as they are filed, so it counts them without a scan. A read of
    its own, never a snapshot held between samples."""
    try:
        conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet, or busy for a moment: the next sample counts
    finally:
        conn.close()


def rates_per_tenth(progress: list[tuple[float, int]], total: int) -> tuple[list[float], float]:
    """Messages per second over each tenth of the messages (the time a tenth was reached is interpolated between
    samples), and the seconds from the last message stored to the end of the run; no rates if it never got there."""
    times = [0.0]
    previous = (0.0, 0)
    for tenth in range(1, 11):
        mark = total * tenth / 10
        reached = next(((t, n) for t, n in progress if n >= mark), None)
        if reached is None:
            return [], 0.0
        before = max(((t, n) for t, n in progress if n < mark and t <= reached[0]), default=previous)
        (t0, n0), (t1, n1) = before, reached
        times.append(t0 + (t1 - t0) * (mark - n0) / max(1, n1 - n0))
        previous = reached
    rates = [total / 10 / max(1e-9, times[k + 1] - times[k]) for k in range(10)]
    return rates, progress[-1][0] - times[-1]


def store_breakdown(store: Path) -> dict[str, int]:
    """Where the store's bytes go, from ``dbstat``; the messages table is split by what its columns hold: bodies
    (plain and HTML, compressed together in ``bodies``; HTML apart only in rows written before) and the rest."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
        parts = dict.fromkeys(("raw", "bodies", "HTML", "search index", "other indexes", "other"), 0)
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            if name.startswith("messages_fts"):
                parts["search index"] += size
            elif kinds.get(name) == "index" or name.startswith("sqlite_autoindex"):
                parts["other indexes"] += size
            elif name == "raw":
                parts["raw"] += size
            elif name == "messages":
                bodies, html, everything = conn.execute(
                    "SELECT sum(length(CAST(text_body AS BLOB)) + coalesce(length(bodies), 0)), "
                    "sum(coalesce(length(CAST(html_body AS BLOB)), 0)), "
                    "sum(length(CAST(text_body AS BLOB)) + coalesce(length(bodies), 0) "
                    "+ coalesce(length(CAST(html_body AS BLOB)), 0) "
                    "+ length(CAST(subject || snippet || to_json || cc_json || references_json AS BLOB)) + 120) "
                    "FROM messages"
                ).fetchone()
                share = size / max(1, everything or 0)
                parts["bodies"] += int((bodies or 0) * share)
                parts["HTML"] += int((html or 0) * share)
                parts["other"] += size - int(((bodies or 0) + (html or 0)) * share)
            else:
                parts["other"] += size
        return parts
    finally:
        conn.close()


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
    parser.add_argument(
        "--messages",
        type=int,
        nargs="+",
        default=[int(size) for size in os.environ.get("BENCH_INGEST_SIZES", "50000 275000").split()],
        help="mailbox sizes, one run each (default: $BENCH_INGEST_SIZES, else 50,000 and 275,000)",
    )
    args = parser.parse_args()
    binary = find_dovecot()
    if binary is None:
        sys.exit("Dovecot is not installed (Debian package dovecot-imapd; `make bench` installs it)")
    if not LOKET.exists():
        sys.exit(f"{LOKET} not found: run this with the project's venv (make bench)")
    failed = False
    for size in args.messages:
        failed |= not bench(binary, size)
    return 1 if failed else 0


def bench(binary: Path, messages: int) -> bool:
    """One run at one mailbox size; whether every message was stored."""
    load = os.getloadavg()[0]
    print(
        f"machine: {os.cpu_count()} cores, load average {load:.1f} before the run (others' load skews figures)"
    )
    dovecot = Dovecot(binary)
    try:
        dovecot.start()
        box = dovecot.new_user()
        start = time.perf_counter()
        per_folder, size, how = cached_mailbox(dovecot, box, messages)
        folders = ", ".join(f"{name} {count:,}" for name, count in per_folder.items())
        print(
            f"mailbox: {messages:,} messages ({folders}), {size / 2**20:,.0f} MiB, "
            f"{how} in {time.perf_counter() - start:.1f} s"
        )

        # A first fetch reads the mailbox's files into the page cache, so the measured ones, like the sync after
        # them, read a warm cache (on a cold one, a fetch of 275,000 messages took from 9 to 22 s).
        cold_seconds = raw_fetch(dovecot, box, trace=False)[2]
        count, fetched, raw_seconds = raw_fetch(dovecot, box)
        quiet_seconds = raw_fetch(dovecot, box, trace=False)[2]
        print(
            f"raw fetch, plain imapclient (BODY.PEEK[] in batches of {BATCH}): {raw_seconds:.1f} s, "
            f"{count / raw_seconds:,.0f} msg/s, {fetched / 2**20 / raw_seconds:,.0f} MiB/s"
        )
        print(
            f"  the same with imaplib's protocol trace off: {quiet_seconds:.1f} s, {count / quiet_seconds:,.0f} msg/s "
            f"(first, on a cold page cache: {cold_seconds:.1f} s)"
        )

        with tempfile.TemporaryDirectory(prefix="loket-bench-") as scratch:
            data_dir = Path(scratch) / "data"
            store = data_dir / "loket.sqlite"
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
            load = os.getloadavg()[0]
            first = run_loket([*base, "sync", "--once"], env, store=store)
            print(
                f"loket sync --once, empty data dir: {first.seconds:.1f} s, {messages / first.seconds:,.0f} msg/s, "
                f"peak RSS {first.peak_rss / MB:,.0f} MB (largest process {first.largest_process_rss / MB:,.0f} MB), "
                f"CPU {first.cpu_seconds:.1f} s ({first.cpu_seconds / first.seconds:.1f} cores busy), "
                f"load average {load:.1f} at its start; {first.stdout.strip()}"
            )
            rates, tail = rates_per_tenth(first.progress, messages)
            print(
                "  msg/s per tenth of the messages: "
                + ", ".join(f"{rate:,.0f}" for rate in rates)
                + f"; then {tail:.1f} s to the end (indexes built, team state)"
            )
            store_size = _size(store)
            parts = store_breakdown(store)
            print(
                f"  peak WAL {first.peak_wal / 2**20:,.0f} MiB; store {store_size / 2**20:,.0f} MiB "
                f"({store_size / fetched:.2f}× the {fetched / 2**20:,.0f} MiB IMAP sent): "
                + ", ".join(f"{name} {part / 2**20:,.0f} MiB" for name, part in parts.items())
            )
            again = run_loket([*base, "sync", "--once"], env)
            print(f"loket sync --once, nothing changed: {again.seconds:.2f} s; {again.stdout.strip()}")
            status = json.loads(run_loket([*base, "status", "--json"], env).stdout)
            backlog = ", ".join(f"{state} {number:,}" for state, number in status["requests"].items())
            print(
                f"stored: {status['messages']:,} messages, {sum(status['requests'].values()):,} requests ({backlog})"
            )

        ratio = first.seconds / raw_seconds
        linear = rates[-1] / rates[1] if rates else 0.0
        share = again.seconds / first.seconds
        print(
            f"targets at {messages:,} messages (first sync / raw fetch with the trace off: "
            f"{first.seconds / quiet_seconds:.2f}×):"
        )
        print(
            f"  first sync / raw fetch  {ratio:5.2f}×    (≤ {FIRST_SYNC_RATIO}×)   {verdict(ratio <= FIRST_SYNC_RATIO)}"
        )
        print(
            f"  last tenth / second     {linear:5.2f}×    (≥ {LAST_TENTH_SHARE}×)   {verdict(linear >= LAST_TENTH_SHARE)}"
        )
        print(
            f"  peak RSS                {first.peak_rss / MB:5.0f} MB  (≤ {PEAK_RSS_MB} MB)  "
            f"{verdict(first.peak_rss / MB <= PEAK_RSS_MB)}"
        )
        print(
            f"  peak WAL                {first.peak_wal / 2**20:5.0f} MiB (< {PEAK_WAL_MIB} MiB) "
            f"{verdict(first.peak_wal < PEAK_WAL_MIB * 2**20)}"
        )
        print(
            f"  store / mail            {store_size / fetched:5.2f}×    (≤ {STORE_SHARE}×)   "
            f"{verdict(store_size <= STORE_SHARE * fetched)}"
        )
        print(
            f"  resync / first sync     {share:6.1%}   (≤ {RESYNC_SHARE:.0%})     {verdict(share <= RESYNC_SHARE)}"
        )
        if status["messages"] != messages:
            print(f"  stored {status['messages']:,} of {messages:,} messages: INCOMPLETE")
            return False
    finally:
        dovecot.close()
    return True


if __name__ == "__main__":
    sys.exit(main())
