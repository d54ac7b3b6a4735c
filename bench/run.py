#!/usr/bin/env python3
"""deepgrid's training speed against PyTorch and from-scratch numpy (see bench/README.md).

    python3 bench/run.py                 # 3 repetitions, 1 and 2 threads, both networks
    python3 bench/run.py --reps 5 --threads 1

One epoch of Fashion-MNIST after a warm-up epoch, per peer, network and thread count, each
measurement in a fresh process; the peers take turns within every repetition (the order
rotates), so a change in machine load hits them alike. Prints a table of medians and
writes it, with the raw measurements, to bench/results/. Standard library only; the peers
run under Debian's python3 (which sees python3-torch and python3-numpy).
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
SAMPLES = 60000
NETS = ["784-100-10", "784-256-256-256-10"]
PEERS = ["deepgrid", "deepgrid-java", "pytorch", "pytorch-omp1", "numpy"]


def peers(threads):
    """pytorch-omp1 (1 OpenMP thread, BLAS on all threads) is a separate setting only beyond one thread."""
    return [p for p in PEERS if p != "pytorch-omp1" or threads > 1]


def flops_per_epoch(net):
    """Multiply-adds ×2 of one training epoch: forward x·W, dW = xᵀ·dOut, dx = dOut·Wᵀ but not for layer 1."""
    sizes = [int(s) for s in net.split("-")]
    pairs = list(zip(sizes[:-1], sizes[1:]))
    per_sample = 2 * sum(i * o for i, o in pairs) * 2 + 2 * sum(i * o for i, o in pairs[1:])
    return per_sample * SAMPLES


def run(cmd, env_extra, timeout=900):
    """Runs cmd in the project root with env_extra added to the environment; returns (stdout, stderr)."""
    env = dict(os.environ, **env_extra)
    p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = p.communicate(timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n{err[-2000:]}")
    return out, err


def peak_rss_mib(cmd, env_extra, timeout=900):
    """Runs cmd under /usr/bin/time -v; returns (stdout, stderr, peak RSS in MiB)."""
    out, err = run(["/usr/bin/time", "-v"] + cmd, env_extra, timeout)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    return out, err, int(m.group(1)) / 1024 if m else float("nan")


def deepgrid_epoch(net, threads, scratch, kernel="native"):
    out_dir = os.path.join(scratch, f"{net}-{threads}-{kernel}")
    _, _, rss = peak_rss_mib(["./deepgrid", "run", f"bench/fashion-{net}.yaml", "--out", out_dir, "--fresh"],
                             deepgrid_env(threads, kernel))
    metrics = None
    for dirpath, _, files in os.walk(out_dir):
        if "metrics.csv" in files and "previous" not in dirpath:
            metrics = os.path.join(dirpath, "metrics.csv")
    with open(metrics) as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    head, last = rows[0], rows[-1]
    return {"train_seconds": float(last[head.index("seconds")]),
            "eval_seconds": float(last[head.index("eval_seconds")]), "rss_mib": rss}


def deepgrid_env(threads, kernel="native"):
    """deepgrid shares each product among its own threads, over a single-threaded OpenBLAS."""
    return {"DEEPGRID_THREADS": str(threads), "DEEPGRID_KERNEL": kernel, "OPENBLAS_NUM_THREADS": "1"}


def peer_env(peer, threads):
    """Each peer's best setting for a thread count (README: 'Thread settings')."""
    t = str(threads)
    env = {"OPENBLAS_NUM_THREADS": t, "OMP_NUM_THREADS": t}
    if peer.startswith("pytorch"):
        # OpenMP threads spinning next to OpenBLAS threads make PyTorch 3-10× slower on 2 cores
        env.update({"PEER_THREADS": t, "OMP_WAIT_POLICY": "PASSIVE"})
    if peer == "pytorch-omp1":
        # PyTorch's own ops on one thread, its products on OpenBLAS with all threads: often faster
        env.update({"PEER_THREADS": "1", "OMP_NUM_THREADS": "1"})
    return env


def python_epoch(peer, net, threads, python):
    name = "torch" if peer.startswith("pytorch") else "numpy"
    out, _ = run([python, "bench/peers.py", name, net], peer_env(peer, threads))
    return {"train_seconds": json.loads(out.strip().splitlines()[-1])["train_seconds"]}


def ceilings(threads, python):
    env = {"OPENBLAS_NUM_THREADS": str(threads), "OMP_NUM_THREADS": str(threads)}
    java, _ = run(["java", "-cp", "target/deepgrid.jar", "bench/DgemmCeiling.java"], deepgrid_env(threads))
    numpy, _ = run([python, "bench/peers.py", "dgemm-numpy"], env)
    return {"deepgrid": json.loads(java)["gflops"], "numpy": json.loads(numpy)["gflops"]}


def jobs2_rss(scratch):
    """Peak RSS of one process training two runs at once (--jobs 2) on the larger network."""
    out_dir = os.path.join(scratch, "jobs2")
    _, _, rss = peak_rss_mib(["./deepgrid", "run", "bench/fashion-jobs2.yaml", "--jobs", "2", "--out", out_dir,
                                "--fresh"], deepgrid_env(1))
    return rss


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--nets", default=",".join(NETS))
    ap.add_argument("--python", default="/usr/bin/python3", help="a python that sees torch and numpy")
    ap.add_argument("--out", default=os.path.join(BENCH, "results"))
    a = ap.parse_args()
    threads = [int(t) for t in a.threads.split(",")]
    nets = a.nets.split(",")

    version, _ = run(["./deepgrid", "--version"], deepgrid_env(1))  # builds the jar if needed
    started = datetime.datetime.now().astimezone()
    loads = [load()]
    raw = []  # one dict per measurement
    with tempfile.TemporaryDirectory(prefix="deepgrid-bench-") as scratch:
        for rep in range(a.reps):
            for t in threads:
                c = ceilings(t, a.python)
                raw.append({"rep": rep, "threads": t, "what": "dgemm", **c})
                print(f"rep {rep + 1}/{a.reps}, {t} thread(s): dgemm {c['deepgrid']:.1f} (deepgrid), "
                      f"{c['numpy']:.1f} (numpy) GFLOP/s", file=sys.stderr)
                for net in nets:
                    ps = peers(t)
                    order = ps[rep % len(ps):] + ps[:rep % len(ps)]
                    for peer in order:
                        r = (deepgrid_epoch(net, t, scratch) if peer == "deepgrid"
                             else deepgrid_epoch(net, t, scratch, "java") if peer == "deepgrid-java"
                             else python_epoch(peer, net, t, a.python))
                        raw.append({"rep": rep, "threads": t, "what": "epoch", "net": net, "peer": peer, **r})
                        print(f"  {net:20s} {peer:12s} {r['train_seconds']:.3f} s", file=sys.stderr)
                loads.append(load())
        rss_jobs2 = jobs2_rss(scratch) if "784-256-256-256-10" in nets else float("nan")
    loads.append(load())
    table = report(raw, nets, threads, rss_jobs2, version, started, loads, a.reps)
    print(table)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "latest.md"), "w") as f:
        f.write(table)
    with open(os.path.join(a.out, "latest.json"), "w") as f:
        json.dump({"started": started.isoformat(), "loads": loads, "version": version, "raw": raw,
                   "rss_jobs2_mib": rss_jobs2}, f, indent=1)


def med(values):
    return statistics.median(values) if values else float("nan")


def report(raw, nets, threads, rss_jobs2, version, started, loads, reps):
    lines = [f"# deepgrid training speed, {started:%Y-%m-%d %H:%M %Z}", ""]
    lines.append(f"Machine: {cpu()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
                 f"load average (1/5/15 min) before: {' '.join(loads[0])}, after: {' '.join(loads[-1])} "
                 f"(all: {'; '.join(' '.join(x) for x in loads)}).")
    lines.append("")
    lines.append("```\n" + version.strip() + "\n```")
    lines.append("")
    lines.append(f"Fashion-MNIST, 60,000 training samples, batch 100, SGD lr 0.1, float64, ReLU, softmax "
                 f"cross-entropy; one epoch after a warm-up epoch; median of {reps} interleaved repetitions, "
                 "each in a fresh process. Training only: deepgrid's per-epoch evaluation (loss and accuracy "
                 "over 70,000 samples) is in its own column. GFLOP/s counts the products of training "
                 "(forward, dW, dx except for the first layer) per second of epoch.")
    lines.append("")
    ceiling = {}
    for t in threads:
        d = med([r["deepgrid"] for r in raw if r["what"] == "dgemm" and r["threads"] == t])
        n = med([r["numpy"] for r in raw if r["what"] == "dgemm" and r["threads"] == t])
        ceiling[t] = max(d, n)
        lines.append(f"dgemm ceiling, {t} thread(s), one 1024³ float64 product (best of 10, median over reps): "
                     f"{d:.1f} GFLOP/s through deepgrid's kernel, {n:.1f} through numpy (OpenBLAS's own threads); "
                     f"ceiling used below: {ceiling[t]:.1f}.")
    lines.append("")
    lines.append("| network | threads | peer | s/epoch | samples/s | GFLOP/s | % of ceiling | deepgrid ÷ peer "
                 "| eval s/epoch | peak RSS MiB |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    summary = []
    for net in nets:
        flops = flops_per_epoch(net)
        best = {}
        for t in threads:
            sec = {p: med([r["train_seconds"] for r in raw if r["what"] == "epoch" and r["net"] == net
                           and r["threads"] == t and r["peer"] == p]) for p in peers(t)}
            for p in peers(t):
                if p not in best or sec[p] < best[p][0]:
                    best[p] = (sec[p], t)
            for p in peers(t):
                dg = [r for r in raw if r["what"] == "epoch" and r["net"] == net and r["threads"] == t
                      and r["peer"] == p]
                gf = flops / sec[p] / 1e9
                lines.append(f"| {net} | {t} | {p} | {sec[p]:.3f} | {SAMPLES / sec[p]:,.0f} | {gf:.1f} | "
                             f"{100 * gf / ceiling[t]:.0f}% | {sec['deepgrid'] / sec[p]:.2f} | "
                             + (f"{med([r['eval_seconds'] for r in dg]):.3f} | {max(r['rss_mib'] for r in dg):.0f} |"
                                if p.startswith("deepgrid") else " | |"))
        fastest = min((v[0], p, v[1]) for p, v in best.items() if not p.startswith("deepgrid"))
        d = best["deepgrid"]
        summary.append(f"- {net}: deepgrid {d[0]:.3f} s ({d[1]} thread(s)) vs the fastest peer, {fastest[1]} "
                       f"{fastest[0]:.3f} s ({fastest[2]} thread(s)): ratio {d[0] / fastest[0]:.2f} "
                       f"(target < 1, stretch ≤ 0.8)")
    lines.append("")
    lines.append("Each at its best thread count:")
    lines.extend(summary)
    lines.append("")
    lines.append(f"Peak RSS of one process training two runs of 784-256-256-256-10 at once (--jobs 2, one shared "
                 f"copy of the data): {rss_jobs2:.0f} MiB.")
    lines.append("")
    return "\n".join(lines)


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
