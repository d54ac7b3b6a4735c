#!/usr/bin/env python3
"""bench/tiny-grids: many runs of a few milliseconds each — deepgrid's run layer against a plain
PyTorch loop doing the same work (same nets, data, epochs and per-epoch evaluation, one metrics
file per run). Every measurement is a fresh process, wall time including start-up; the cases
take turns (the order rotates each repetition, so load changes hit all alike); median of --reps.

    python3 bench/tiny-grids/run.py [--reps 3] [--python /usr/bin/python3]

Prints a Markdown table and writes it to bench/tiny-grids/results/latest.md (raw figures in
latest.json). Needs the launcher's jar (./deepgrid builds it) and Debian's python3-torch.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# case: (command builder, the target as (other case, max ratio) or None)
def cases(py, out):
    dg = [os.path.join(ROOT, "deepgrid"), "run"]
    xor, spiral = os.path.join(HERE, "xor.yaml"), os.path.join(HERE, "spiral.yaml")
    return {
        "xor400 deepgrid --jobs 2": (dg + [xor, "--jobs", "2", "--out", out], ("xor400 pytorch", 0.5)),
        "xor400 deepgrid --jobs 1": (dg + [xor, "--jobs", "1", "--out", out], ("xor400 pytorch", 1.0)),
        # like for like: the PyTorch loop records metrics only; deepgrid's default diagnostics (layers.csv,
        # histograms, boundary maps of a grid point's first seed, events, confusion) are extra work
        "xor400 deepgrid --jobs 2, diagnostics off": (dg + [xor, "--jobs", "2", "--set", "diagnostics=false", "--out", out],
                                                      ("xor400 pytorch", 0.5)),
        "xor400 pytorch": ([py, os.path.join(HERE, "tiny_torch.py"), "xor", out], None),
        "xor1600 deepgrid --jobs 2": (dg + [xor, "--jobs", "2", "--set", "repeats=40", "--out", out],
                                      ("xor400 deepgrid --jobs 2", 4.4)),
        "spiral20 deepgrid --jobs 1": (dg + [spiral, "--jobs", "1", "--out", out], ("spiral20 pytorch", 0.4)),
        "spiral20 deepgrid --jobs 1, diagnostics off": (dg + [spiral, "--jobs", "1", "--set", "diagnostics=false", "--out", out],
                                                        ("spiral20 pytorch", 0.4)),
        "spiral20 pytorch": ([py, os.path.join(HERE, "tiny_torch.py"), "spiral", out], None),
    }


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def machine():
    model = sh("lscpu | sed -n 's/^Model name: *//p'")
    return {"cpu": model, "cores": os.cpu_count(), "kernel": platform.release(),
            "java": sh("java -version 2>&1 | head -1"), "torch": sh(f"{ARGS.python} -c 'import torch; print(torch.__version__)'"),
            "deepgrid": sh(f"{ROOT}/deepgrid --version 2>/dev/null | tr '\\n' ';'")}


def load():
    return os.getloadavg()[0]


def timed(cmd):
    out = cmd[cmd.index("--out") + 1] if "--out" in cmd else cmd[-1]
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, OMP_NUM_THREADS="1"))
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return wall


def main():
    work = tempfile.mkdtemp(prefix="tiny-grids-")
    subprocess.run([os.path.join(ROOT, "deepgrid"), "--version"], capture_output=True)  # build the jar first
    table = cases(ARGS.python, os.path.join(work, "out"))
    names = list(table)
    walls = {n: [] for n in names}
    loads = [load()]
    for rep in range(ARGS.reps):
        order = names[rep % len(names):] + names[:rep % len(names)]
        for n in order:
            walls[n].append(timed(table[n][0]))
            print(f"rep {rep + 1} {n}: {walls[n][-1]:.2f} s", file=sys.stderr)
        loads.append(load())
    med = {n: statistics.median(w) for n, w in walls.items()}
    info = machine()
    lines = [f"# bench/tiny-grids, {time.strftime('%Y-%m-%d %H:%M')}", "",
             f"CPU: {info['cpu']} ({info['cores']} cores); {info['java']}; torch {info['torch']};",
             f"load average (1 min) before/between/after repetitions: {', '.join(f'{l:.1f}' for l in loads)}", "",
             f"Command: `python3 bench/tiny-grids/run.py --reps {ARGS.reps}`; wall time of a fresh process each,"
             f" start-up included; median of {ARGS.reps}.", "",
             "| case | median wall (s) | all (s) | target | measured |", "|---|---|---|---|---|"]
    for n in names:
        target = table[n][1]
        tgt, got = "", ""
        if target:
            ref, limit = target
            ratio = med[n] / med[ref]
            tgt = f"≤ {limit}× {ref}"
            got = f"{ratio:.2f}× {'(met)' if ratio <= limit else '(missed)'}"
        lines.append(f"| {n} | {med[n]:.2f} | {', '.join(f'{w:.2f}' for w in walls[n])} | {tgt} | {got} |")
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "latest.md"), "w") as f:
        f.write(text)
    with open(os.path.join(HERE, "results", "latest.json"), "w") as f:
        json.dump({"machine": info, "loads": loads, "walls": walls, "median": med}, f, indent=1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--python", default="/usr/bin/python3", help="a python that imports torch (Debian's python3-torch)")
    ARGS = p.parse_args()
    main()
