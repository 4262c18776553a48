"""Run every benchmark: python -m bench [--quick]. Prints tables, writes bench/results/*.json."""

from __future__ import annotations

import argparse
import importlib

from bench.common import machine

SUITES = (
    "turns",
    "access_layer",
    "turns_postgres",
    "memory",
    "reminders",
    "maintenance",
    "bursts",
    "acks",
    "kills",
    "overload",
    "traps",
    "intents",
    "crisis",
    "crisis_answers",
)


def main() -> None:
    """Run the suites in order (each prints its own table)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument(
        "suites", nargs="*", default=list(SUITES), help=f"any of {', '.join(SUITES)}"
    )
    args = parser.parse_args()
    print("machine:", ", ".join(f"{k}={v}" for k, v in machine().items()))
    for name in args.suites:
        module = importlib.import_module(f"bench.{name}")
        module.run(**({"quick": True} if args.quick else {}))


if __name__ == "__main__":
    main()
