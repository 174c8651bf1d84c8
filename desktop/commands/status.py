"""``loket status [--json]``: accounts, folders, counts, sync health, parse problems and the outbox."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="what the store holds and how sync is doing")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=show_status)


def show_status(args: argparse.Namespace) -> int:
    from store.db import open_db
    from store.status import status_report

    report = status_report(open_db(args.data_dir))
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for account in report["accounts"]:
        print(
            f"{account['name']} <{account['address']}>"
            + (f"  — {account['last_error']}" if account["last_error"] else "")
        )
        for folder in account["folders"]:
            print(
                f"  {folder['name']} ({folder['role']}): {folder['messages']} messages, last sync {folder['last_sync']}"
            )
    print(f"messages: {report['messages']} ({report['parse_problems']} with parse problems)")
    print("requests: " + ", ".join(f"{k} {v}" for k, v in report["requests"].items()))
    print("outbox: " + ", ".join(f"{k} {v}" for k, v in report["outbox"].items()))
    return 0
