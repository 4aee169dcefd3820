"""``python -m compat [FILTER ...]``: run the conformance suite (see compat/runner.py)."""
import argparse
import sys

from compat.runner import FAIL, run_all


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m compat", description=__doc__)
    parser.add_argument("filters", nargs="*", help="run only scenarios whose id contains one of these")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="scenarios run at once")
    args = parser.parse_args(argv)
    scenarios = run_all(args.filters, jobs=args.jobs)
    return 1 if any(s.status == FAIL for s in scenarios) or not scenarios else 0


if __name__ == "__main__":
    sys.exit(main())
