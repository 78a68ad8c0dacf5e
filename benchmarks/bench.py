"""End-to-end benchmark of `zhfacts run` against plain jieba.lcut on the same text (issue 7).

Each run is a whole `zhfacts run` subprocess into a fresh warehouse, because that is what a
user pays: interpreter start, imports, Prefect's ephemeral server, workers, validation and
load, not just the transforms. Peak memory is the summed RSS of the process tree (the CLI,
its Prefect server and its pool workers), sampled every 0.2 s. The pipeline prints its stage
timings as ``stage <name> <seconds>s`` lines on stderr; they are read from there. Those are
worker seconds, so the run is also cut into wall-clock phases (start-up, transform with its
pool start, validate, load, shut-down) from the timestamps of Prefect's INFO log lines: where
the wall time goes is what the fixed-cost target is about.

The yardstick is jieba.lcut (single process, default dictionary, HMM on) over the decoded
text of the same files, timed after the pipeline runs in a fresh process, best of three
passes. Throughputs are compared in characters per second, so GBK/Big5 files (2 bytes a
character) do not skew the ratio. For a corpus above ~2 MB of text jieba is timed on an
evenly spaced ~2 MB sample of files and extrapolated, and the report says so.

Usage: ``make bench [ARGS="…"]`` or ``python benchmarks/bench.py [--articles N] [--marginal]
[--rerun] [--empty] [--repeat K] [--task-runner process|thread] [--batch-size N] [--workers N]
[--seed S] [--keep] [--no-results]``.
A kept corpus is reused by later runs with the same N and seed; delete benchmarks/corpus/ after
changing the generator or the samples.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import multiprocessing
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil

from benchmarks.corpus import CorpusStats, generate
from transforms.decoding import Decoded, decode

ROOT = Path(__file__).resolve().parents[1]
CORPUS_ROOT = ROOT / "benchmarks" / "corpus"
RESULTS = ROOT / "benchmarks" / "results.md"
MB = 1_000_000
SAMPLE_SECONDS = 0.2
JIEBA_SAMPLE_BYTES = 2 * MB
# Exit codes of `zhfacts run` after which the warehouse is loaded: 0 ok, 4 rows quarantined.
LOADED_EXIT_CODES = (0, 4)
# Targets of issue 7 (2 cores).
TARGET_MARGINAL_RATIO = 4.0
TARGET_EMPTY_SECONDS = 15.0
TARGET_PEAK_MB = 1500.0
TARGET_RERUN_SPEEDUP = 10.0

_STAGE = re.compile(r"^stage (\S+) ([0-9.]+)s$")
_LOG_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d+) \| ")
# Wall-clock phases end at these log lines: the flow's start, each task's last "Finished"
# (all transform batches make one phase, which includes the worker pool's start), the flow's
# end. Task names are read from the log, so new tasks show up as phases of their own.
_FLOW_START = re.compile(r"Beginning flow run")
_TASK_DONE = re.compile(r"Task run '(.+)-\w+' - Finished in state")
_FLOW_DONE = re.compile(r"Flow run '.*' - Finished in state")
_SUMMARY_ROW = re.compile(r"^[│|]\s*(.*?)\s*[│|]\s*(.*?)\s*[│|]$")


@dataclass(frozen=True)
class Corpus:
    folder: Path
    stats: CorpusStats
    generated: bool  # by this invocation (so removed at the end unless --keep)


@dataclass(frozen=True)
class RunResult:
    kind: str  # N | 2N | rerun | empty
    label: str
    articles: int
    stats: CorpusStats
    wall: float
    peak_rss: int
    peak_roles: dict[str, tuple[int, int]]  # role → (RSS bytes, processes) at the peak
    exit_code: int
    cpu_seconds: float  # user + system CPU of the whole process tree
    stages: dict[str, float]
    phases: dict[str, float]  # wall-clock seconds, from Prefect's log timestamps
    summary: dict[str, str]  # rows of the run's summary table: files seen, seconds, …

    @property
    def cores_busy(self) -> float:
        """Share of all cores' time the run used: 100% is every core busy for the whole wall."""
        return self.cpu_seconds / (self.wall * (os.cpu_count() or 1))

    @property
    def flow_seconds(self) -> float | None:
        value = self.summary.get("seconds")
        return float(value) if value else None


class RunFailed(RuntimeError):
    """`zhfacts run` exited without loading; the message ends with the tail of its output."""


@dataclass(frozen=True)
class JiebaResult:
    files: int
    chars: int
    bytes: int  # UTF-8
    seconds: float
    sampled: bool

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds


def corpus(articles: int, seed: int) -> Corpus:
    """The corpus for (articles, seed): reused when a kept one exists, else generated.

    A stamp file beside the folder marks a complete corpus, so an interrupted generation
    is never mistaken for one."""
    folder = CORPUS_ROOT / f"n{articles}-s{seed}"
    stamp = folder.with_suffix(".json")
    if stamp.exists() and folder.is_dir():
        return Corpus(folder, CorpusStats(**json.loads(stamp.read_text())), generated=False)
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    stats = generate(folder, articles, seed)
    print(f"generated {articles} articles ({stats.bytes / MB:.1f} MB) in "
          f"{time.perf_counter() - started:.1f} s → {folder}", file=sys.stderr)
    stamp.write_text(json.dumps(asdict(stats)))
    return Corpus(folder, stats, generated=True)


def remove_corpus(c: Corpus) -> None:
    shutil.rmtree(c.folder, ignore_errors=True)
    c.folder.with_suffix(".json").unlink(missing_ok=True)


def _role(proc: psutil.Process, root: psutil.Process) -> str:
    """What a process of the tree is, for the memory breakdown."""
    if proc.pid == root.pid:
        return "zhfacts run"
    cmd = " ".join(proc.cmdline())
    if "uvicorn" in cmd or "prefect.server" in cmd:
        return "Prefect server"
    if "spawn_main" in cmd or "forkserver" in cmd:
        return "pool worker"
    if "resource_tracker" in cmd:
        return "resource tracker"
    return proc.name()


def _tree_rss(root: psutil.Process) -> dict[str, tuple[int, int]]:
    """RSS bytes and process count per role, over the root and all its descendants."""
    try:
        tree = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return {}
    roles: dict[str, tuple[int, int]] = {}
    for p in tree:
        try:
            rss, role = p.memory_info().rss, _role(p, root)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        total, count = roles.get(role, (0, 0))
        roles[role] = (total + rss, count + 1)
    return roles


def _summary_rows(text: str) -> dict[str, str]:
    """Key/value rows of the rich summary table; wrapped values are joined back."""
    rows: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        m = _SUMMARY_ROW.match(line.strip())
        if not m:
            continue
        if m.group(1):
            key = m.group(1)
            rows[key] = m.group(2)
        elif key:
            rows[key] = f"{rows[key]} {m.group(2)}".strip()
    return rows


def _phases(output: str, started: datetime, wall: float) -> dict[str, float]:
    """Wall seconds per phase, in the order they end; the log prints local time, no date."""
    origin = started.hour * 3600 + started.minute * 60 + started.second + started.microsecond / 1e6
    ends: dict[str, float] = {}
    for line in output.splitlines():
        m = _LOG_TIME.match(line)
        if not m:
            continue
        at = (int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3)) - origin) % 86400
        if _FLOW_START.search(line):
            ends.setdefault("start-up", at)
        elif task := _TASK_DONE.search(line):
            ends[task.group(1)] = max(at, ends.get(task.group(1), 0.0))
        elif _FLOW_DONE.search(line):
            ends["finish flow"] = at
    phases: dict[str, float] = {}
    previous = 0.0
    for name, end in sorted(ends.items(), key=lambda kv: kv[1]):
        phases[name] = end - previous
        previous = end
    phases["shut-down"] = wall - previous
    return phases


def time_run(kind: str, label: str, input_dir: Path, warehouse: Path, stats: CorpusStats,
             args: argparse.Namespace) -> RunResult:
    """One cold `zhfacts run` subprocess: wall time, peak RSS of its tree, stage lines."""
    cmd = [sys.executable, "-m", "zhfacts.cli", "run", "--input", str(input_dir),
           "--warehouse", str(warehouse), "--task-runner", args.task_runner]
    if args.batch_size:
        cmd += ["--batch-size", str(args.batch_size)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    # Wide enough that rich does not wrap the summary table we parse; INFO for the phases.
    env = {**os.environ, "COLUMNS": "200", "PREFECT_LOGGING_LEVEL": "INFO"}
    slug = re.sub(r"\W+", "-", label).strip("-")
    out_path = warehouse.with_suffix(f".{slug}.out")
    err_path = warehouse.with_suffix(f".{slug}.err")
    print(f"running {label}: {' '.join(cmd[1:])}", file=sys.stderr)
    with out_path.open("w") as out, err_path.open("w") as err:
        started_at = datetime.now()  # local time, as Prefect's log lines print it
        # The tree's CPU time: children's usage reaches us once reaped, and `zhfacts run`
        # reaps its workers and server before it exits.
        cpu_before = _children_cpu()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=err)
        watched = psutil.Process(proc.pid)
        peak, at_peak = 0, {}
        while True:
            roles = _tree_rss(watched)
            total = sum(rss for rss, _ in roles.values())
            if total > peak:
                peak, at_peak = total, roles
            try:
                code = proc.wait(timeout=SAMPLE_SECONDS)
                break
            except subprocess.TimeoutExpired:
                continue
        wall = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    output = out_path.read_text(errors="replace") + err_path.read_text(errors="replace")
    if code not in LOADED_EXIT_CODES:
        tail = "\n".join(output.splitlines()[-30:])
        raise RunFailed(f"{label}: `zhfacts run` exited {code}:\n{tail}")
    stages = {m.group(1): float(m.group(2))
              for m in map(_STAGE.match, output.splitlines()) if m}
    return RunResult(kind, label, stats.files, stats, wall, peak, at_peak, code, cpu, stages,
                     _phases(output, started_at, wall), _summary_rows(output))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _sample(files: list[Path], corpus_bytes: int) -> tuple[list[Path], bool]:
    """Every k-th file, so the sample spans the corpus: ~JIEBA_SAMPLE_BYTES, or all files."""
    if corpus_bytes <= JIEBA_SAMPLE_BYTES * 1.25:
        return files, False
    step = max(1, round(corpus_bytes / JIEBA_SAMPLE_BYTES))
    return files[::step], True


JIEBA_REPEATS = 3


def jieba_throughput(c: Corpus) -> JiebaResult:
    """Plain jieba.lcut over the decoded page text, single process, dictionary preloaded.

    Timed in a fresh interpreter (a spawned process that has run nothing else) and the
    fastest of JIEBA_REPEATS passes kept: the yardstick is jieba at its best on this
    machine, so load from elsewhere can only lower the reported ratios, never raise them.
    """
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(1) as pool:
        return pool.apply(_time_jieba, (c,))


def _time_jieba(c: Corpus) -> JiebaResult:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    files, sampled = _sample(sorted(c.folder.rglob("*.txt")), c.stats.bytes)
    texts = []
    for path in files:
        decoded = decode(path.read_bytes())
        if isinstance(decoded, Decoded):
            texts.append(decoded.text)
    passes = []
    for _ in range(JIEBA_REPEATS):
        started = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        passes.append(time.perf_counter() - started)
    return JiebaResult(len(texts), sum(map(len, texts)),
                       sum(len(t.encode("utf-8")) for t in texts), min(passes), sampled)


def _git_revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                             capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, text=True,
                               capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{rev} (+ uncommitted changes)" if dirty else rev


def _bytecode_cache() -> str:
    """Whether imports can use .pyc files: without them every process of the run (CLI,
    Prefect servers, pool workers) compiles Prefect, GX and pandas from source, which adds
    seconds of start-up to each."""
    spec = importlib.util.find_spec("prefect")
    origin = spec.origin if spec else None
    if origin and Path(importlib.util.cache_from_source(origin)).exists():
        return "on (site-packages compiled)"
    if sys.dont_write_bytecode:
        return "OFF (PYTHONDONTWRITEBYTECODE, no .pyc in site-packages)"
    return "written on first import"


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _check(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(args: argparse.Namespace, runs: list[RunResult], failures: list[str],
           jb: JiebaResult, load_before: str, started: datetime) -> str:
    """The markdown section for results.md (also printed)."""
    # With --repeat, the fastest run of each size: the one least disturbed by other load.
    best = {kind: min((r for r in runs if r.kind == kind), key=lambda r: r.wall)
            for kind in dict.fromkeys(r.kind for r in runs)}
    first = best["N"]
    command = "python benchmarks/bench.py " + " ".join(sys.argv[1:])
    lines = [
        (f"## {started:%Y-%m-%d %H:%M} UTC — {args.articles} articles, "
         f"{args.task_runner} task runner"),
        "",
        f"- command: `{command.strip()}`",
        (f"- machine: {os.cpu_count()} cores (os.cpu_count), "
         f"{psutil.virtual_memory().total / 2**30:.1f} GiB RAM, {platform.platform()}, "
         f"Python {platform.python_version()}, bytecode cache {_bytecode_cache()}"),
        f"- load average (1/5/15 min): {load_before} before, {_load()} after",
        f"- code: git {_git_revision()}",
        "",
        "| run | files | MB on disk | wall s | articles/s | MB/s | cores busy | peak RSS MB | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        mb = r.stats.bytes / MB
        lines.append(f"| {r.label} | {r.articles} | {mb:.1f} | {r.wall:.1f} | "
                     f"{r.articles / r.wall:.1f} | {mb / r.wall:.2f} | {r.cores_busy:.0%} | "
                     f"{r.peak_rss / 2**20:.0f} | {r.exit_code} |")

    stage_names = list(dict.fromkeys(name for r in runs for name in r.stages))
    lines += [
        "",
        ("Seconds per stage, from the `stage <name> <seconds>s` lines of `zhfacts run` "
         "(read/clean/extract/stage: worker seconds summed over workers; validate/load: wall). "
         "*flow*: the flow body as the run summary reports it; *outside flow*: wall − flow "
         "(interpreter start, imports, Prefect server start and stop)."),
        "",
        "| run | " + " | ".join(stage_names) + " | flow | outside flow |",
        "|---|" + "---:|" * (len(stage_names) + 2),
    ]
    for r in runs:
        flow = r.flow_seconds
        cells = [f"{r.stages[s]:.2f}" if s in r.stages else "–" for s in stage_names]
        cells += [f"{flow:.1f}", f"{r.wall - flow:.1f}"] if flow is not None else ["–", "–"]
        lines.append(f"| {r.label} | " + " | ".join(cells) + " |")

    phase_names = list(dict.fromkeys(name for r in runs for name in r.phases))
    lines += [
        "",
        ("Wall-clock seconds per phase, from the timestamps of Prefect's INFO log lines; a "
         "task's column runs from the end of the previous phase to its (last) run's end "
         "(start-up: interpreter, imports, Prefect server; transform-batch includes the "
         "worker pool's start; shut-down: after the flow until the process exits)."),
        "",
        "| run | " + " | ".join(phase_names) + " |",
        "|---|" + "---:|" * len(phase_names),
    ]
    for r in runs:
        cells = [f"{r.phases[p]:.1f}" if p in r.phases else "–" for p in phase_names]
        lines.append(f"| {r.label} | " + " | ".join(cells) + " |")

    pipeline_cps = first.stats.chars / first.wall
    how = (f"an evenly spaced sample of {jb.files} files, {jb.bytes / MB:.1f} MB, extrapolated"
           if jb.sampled else f"all {jb.files} files, {jb.bytes / MB:.1f} MB")
    lines += [
        "",
        (f"- plain jieba.lcut (1 fresh process, HMM on, default dictionary, dictionary "
         f"preloaded, best of {JIEBA_REPEATS} passes) over the decoded text of {how}: **{jb.mb_per_s:.2f} MB/s** UTF-8 "
         f"({jb.chars_per_s:,.0f} chars/s); the whole first-run corpus would take "
         f"{first.stats.chars / jb.chars_per_s:.1f} s"),
        (f"- ratio pipeline ÷ jieba.lcut (chars/s), whole first run incl. fixed costs: "
         f"**{pipeline_cps / jb.chars_per_s:.2f}×**"),
    ]
    if "2N" in best:
        double = best["2N"]
        delta = double.wall - first.wall
        if delta > 0:
            marginal_cps = (double.stats.chars - first.stats.chars) / delta
            ratio = marginal_cps / jb.chars_per_s
            lines.append(
                f"- marginal throughput ({double.articles - first.articles} articles / "
                f"({double.wall:.1f} s − {first.wall:.1f} s)): "
                f"{(double.articles - first.articles) / delta:.1f} articles/s, "
                f"{(double.stats.bytes - first.stats.bytes) / MB / delta:.2f} MB/s; "
                f"ratio to jieba.lcut **{ratio:.2f}×** (target ≥ {TARGET_MARGINAL_RATIO:.0f}×: "
                f"{_check(ratio >= TARGET_MARGINAL_RATIO)})")
        else:
            lines.append("- marginal throughput: n/a (the 2N run was not slower; too noisy)")
    if "rerun" in best:
        rerun = best["rerun"]
        speedup = first.wall / rerun.wall
        lines.append(f"- unchanged rerun: {rerun.wall:.1f} s, {speedup:.1f}× faster than the "
                     f"first run (target ≥ {TARGET_RERUN_SPEEDUP:.0f}×: "
                     f"{_check(speedup >= TARGET_RERUN_SPEEDUP)})")
    if "empty" in best:
        empty = best["empty"]
        lines.append(f"- empty folder: {empty.wall:.1f} s (target < {TARGET_EMPTY_SECONDS:.0f} s: "
                     f"{_check(empty.wall < TARGET_EMPTY_SECONDS)})")
    for failure in failures:
        lines.append(f"- FAILED, not measured: {failure.splitlines()[0]}")
    top = max(runs, key=lambda r: r.peak_rss)
    parts = ", ".join(f"{role} ×{n} {rss / 2**20:.0f}" for role, (rss, n) in
                      sorted(top.peak_roles.items(), key=lambda kv: -kv[1][0]))
    lines.append(f"- peak RSS of the process tree (summed RSS, shared pages counted per "
                 f"process): {top.peak_rss / 2**20:.0f} MB in the {top.label} run = {parts} "
                 f"(target at 100,000 articles < {TARGET_PEAK_MB:.0f} MB)")
    return "\n".join(lines) + "\n"


def append_results(section: str) -> None:
    header = "" if RESULTS.exists() else (
        "# Benchmark results\n\nAppended by `make bench` (benchmarks/bench.py), newest last. "
        "Timings taken while other work loaded the machine are indicative only: see each "
        "section's load average.\n")
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(f"{header}\n{section}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=4000, help="corpus size N (default 4000)")
    p.add_argument("--marginal", action="store_true",
                   help="also run 2N articles; report N / (t(2N) − t(N)) against jieba")
    p.add_argument("--rerun", action="store_true", help="time a rerun over the unchanged folder")
    p.add_argument("--empty", action="store_true", help="time a run over an empty folder")
    p.add_argument("--repeat", type=int, default=1,
                   help="run N (and 2N) this many times, alternating; report the fastest")
    p.add_argument("--task-runner", choices=("process", "thread"), default="process")
    p.add_argument("--batch-size", type=int, help="passed to `zhfacts run` (default: its own)")
    p.add_argument("--workers", type=int, help="passed to `zhfacts run` (default: CPU count)")
    p.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    p.add_argument("--keep", action="store_true",
                   help="keep the generated corpus (reused next time) and the warehouses")
    p.add_argument("--no-results", action="store_true", help="print only, do not append to "
                   f"{RESULTS.relative_to(ROOT)}")
    args = p.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        p.error("--articles and --repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started = datetime.now(UTC)
    load_before = _load()
    corpora = [corpus(args.articles, args.seed)]
    if args.marginal:
        corpora.append(corpus(2 * args.articles, args.seed))
    work = Path(tempfile.mkdtemp(prefix="zhfacts-bench-"))
    runs: list[RunResult] = []
    failures: list[str] = []

    def attempt(kind: str, label: str, input_dir: Path, warehouse: str, stats: CorpusStats) -> bool:
        """Later runs may fail while others edit the tree: keep what was measured."""
        try:
            runs.append(time_run(kind, label, input_dir, work / warehouse, stats, args))
        except RunFailed as exc:
            if not runs:
                raise SystemExit(str(exc)) from None
            print(exc, file=sys.stderr)
            failures.append(str(exc))
            return False
        return True

    loaded = "first1.duckdb"  # the warehouse a rerun goes into: the last N run that loaded
    try:
        # Sizes alternate (N, 2N, N, 2N, …) so a burst of outside load hits both alike.
        for i in range(1, args.repeat + 1):
            tag = f" ({i}/{args.repeat})" if args.repeat > 1 else ""
            if attempt("N", f"{args.articles} articles{tag}", corpora[0].folder,
                       f"first{i}.duckdb", corpora[0].stats):
                loaded = f"first{i}.duckdb"
            if args.marginal:
                attempt("2N", f"{2 * args.articles} articles{tag}", corpora[1].folder,
                        f"double{i}.duckdb", corpora[1].stats)
        if args.rerun:
            attempt("rerun", "unchanged rerun", corpora[0].folder, loaded, corpora[0].stats)
        if args.empty:
            (work / "empty").mkdir()
            attempt("empty", "empty folder", work / "empty", "empty.duckdb", CorpusStats(0, 0, 0))
        print("timing plain jieba.lcut …", file=sys.stderr)
        jb = jieba_throughput(corpora[0])
    finally:
        if args.keep:
            print(f"kept: warehouses in {work}; corpora in {CORPUS_ROOT}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
            for c in corpora:
                if c.generated:
                    remove_corpus(c)
    section = report(args, runs, failures, jb, load_before, started)
    print(section)
    if not args.no_results:
        append_results(section)


if __name__ == "__main__":
    main()
