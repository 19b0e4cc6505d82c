#!/usr/bin/env python3
"""The Python package's speed against the `dyad` binary on the same corpus, side by side in one
run (for docs/PERFORMANCE.md; not a test). Run it with the venv's Python that has the package:

    target/py-venv/bin/python scripts/bench-python.py [--corpus target/bench-corpus/bench-10mb.jsonl]
        [--dyad target/release/dyad] [--rounds 3] [--threads N]

Each round runs `dyad code CORPUS -o /dev/null` and then `dyad.code_many(records)` over the
corpus's records (already read into dicts, as a program holding them has them: the package's
time includes writing each record as JSON, coding, and reading each event back into a dict),
and the best round of each is compared, in wall time and in CPU time (all threads; the
fairer figure on a busy machine). MB/s counts the articles' text bytes, as `dyad bench`
does. The events must be the same (compared through a hash of the JSON lines).
"""

import argparse
import hashlib
import json
import os
import resource
import subprocess
import time

import dyad

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "target/bench-corpus/bench-10mb.jsonl"))
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target/release/dyad"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(l) for l in f if l.strip()]
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    env = dict(os.environ)
    if args.threads:
        env["RAYON_NUM_THREADS"] = str(args.threads)
    coder = dyad.Coder()  # loaded once, as a program keeps it (the CLI's start-up is counted)
    cli_times, py_times, cli_cpu, py_cpu = [], [], [], []
    cli_hash = py_hash = None

    def children_cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    for _ in range(args.rounds):
        t, c = time.perf_counter(), children_cpu()
        out = subprocess.run([args.dyad, "code", args.corpus], env=env, check=True,
                             capture_output=True).stdout
        cli_times.append(time.perf_counter() - t)
        cli_cpu.append(children_cpu() - c)
        cli_hash = hashlib.sha256(out).hexdigest()
        t, c = time.perf_counter(), time.process_time()
        events = list(coder.code_many(records, threads=args.threads))
        py_times.append(time.perf_counter() - t)
        py_cpu.append(time.process_time() - c)
        lines = "".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n"
                        for e in events)
        py_hash = hashlib.sha256(lines.encode("utf-8")).hexdigest()
    assert cli_hash == py_hash, "the package's events differ from the CLI's"
    cli, py = min(cli_times), min(py_times)
    print(f"corpus: {args.corpus}: {len(records)} articles, {mb:.1f} MB of text, "
          f"{len(events)} events (identical)")
    print(f"dyad code (CLI):       best {cli:.2f} s  {mb / cli:.2f} MB/s   rounds: "
          + " ".join(f"{t:.2f}" for t in cli_times))
    print(f"dyad.code_many (py):   best {py:.2f} s  {mb / py:.2f} MB/s   rounds: "
          + " ".join(f"{t:.2f}" for t in py_times))
    print(f"package / CLI MB/s: {cli / py:.3f}")
    cc, pc = min(cli_cpu), min(py_cpu)
    print(f"CPU time: CLI best {cc:.2f} s ({mb / cc:.2f} MB per CPU-s), package best {pc:.2f} s "
          f"({mb / pc:.2f} MB per CPU-s); package / CLI: {cc / pc:.3f}")


if __name__ == "__main__":
    main()
