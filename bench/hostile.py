"""Reports of 1 MB in hostile shapes (one repeated sentence, one line, many short lines, nested tags): the time
and peak memory of every per-report stage on each, one fresh process per shape. No timing is asserted.

    python bench/hostile.py [--size 1000000]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_ONE = """
import json, resource, sys, time
sys.path[:0] = [{src!r}, {tests!r}]
from hostile_support import one_mb_shapes
from casewatch.models import RawReport
from casewatch.pipeline import process_reports
from casewatch.extract.nlp import get_nlp
get_nlp()
kind, data = one_mb_shapes({size})[{name!r}]
start = time.perf_counter()
out = process_reports([RawReport(data=data, kind=kind, origin={name!r})])[0]
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": round(seconds, 1), "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "error": out.error, "chars": len(out.article.text) if out.article else 0}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=1_000_000)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_support import one_mb_shapes

    print(f"{'shape':<20}{'seconds':>9}{'peak MiB':>10}  result")
    for name in one_mb_shapes(1000):
        code = _ONE.format(src=str(ROOT / "src"), tests=str(ROOT / "tests"), size=args.size, name=name)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        if proc.returncode:
            print(f"{name:<20}  failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        result = r["error"] or f"processed, {r['chars']:,} characters of text"
        print(f"{name:<20}{r['seconds']:>9}{r['peak_mib']:>10}  {result}", flush=True)


if __name__ == "__main__":
    main()
