#!/usr/bin/env python3
"""deepgrid's training speed against PyTorch and from-scratch numpy, side by side (see bench/README.md).

    python3 bench/run.py                      # 3 repetitions, both networks, every peer's settings
    python3 bench/run.py --reps 5 --nets 784-100-10
    python3 bench/run.py --cores              # also: the dgemm ceiling under each OPENBLAS_CORETYPE
    python3 bench/run.py --baseline ../base --peers none --reps 7   # this checkout against another, alone

--baseline DIR measures another checkout of deepgrid (its own ./deepgrid and bench/*.yaml, run in DIR) as
one more peer, in the same rotation, and the summary gives this checkout's time over the baseline's: the
way to show that a change costs no speed. --peers none leaves numpy and PyTorch out.

Every measurement is a fresh process; within a repetition the peers take turns (the order
rotates), so a change in machine load hits them alike. Like for like: every peer trains one
warm-up epoch, then one timed epoch followed by what deepgrid does after each epoch, a full
loss/accuracy pass over the training (60,000) and test (10,000) sets; training and evaluation
are timed apart, so the table gives training-only epochs and whole ("marginal") epochs.

Settings. deepgrid runs as shipped: ./deepgrid with none of OPENBLAS_CORETYPE,
OPENBLAS_L2_SIZE, OPENBLAS_NUM_THREADS, DEEPGRID_* set. Every peer runs at its best known
setting on this machine: OpenBLAS's core fixed as deepgrid fixes it (OPENBLAS_CORETYPE chosen
from the CPU's flags — Debian's OpenBLAS 0.3.21, which numpy and PyTorch load too, does not
know recent CPUs), and each of its thread settings measured, the best one counted. The report
records the CPU, the load, and the BLAS core every peer actually ran. Standard library only;
the peers run under Debian's python3 (which sees python3-torch and python3-numpy).
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
# variables that change which kernels or threads run: cleared for every measurement, then set per peer
CLEARED = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OMP_WAIT_POLICY",
           "MKL_NUM_THREADS", "DEEPGRID_THREADS", "DEEPGRID_KERNEL", "DEEPGRID_JAVA_OPTS"]


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def core_for(flags):
    """OpenBLAS's core for these CPU flags: the mapping of deepgrid.math.BlasCore.forFlags."""
    if {"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= flags:
        return "SkylakeX"
    if {"avx2", "fma"} <= flags:
        return "Haswell"
    return None


def settings(core, java, peers, baseline):
    """(peer, setting name, environment) for every measured configuration; nets × reps of each."""
    fix = {"OPENBLAS_CORETYPE": core} if core else {}
    out = [("deepgrid", "as shipped", {})]
    if java:
        out.append(("deepgrid", "DEEPGRID_KERNEL=java", {"DEEPGRID_KERNEL": "java"}))
    if baseline:
        out.append(("baseline", f"as shipped, {baseline_name(baseline)}", {}))
    out += [c for c in python_settings(fix) if c[0] in peers]
    return out


def baseline_name(path):
    """The baseline checkout's commit, e.g. "1c0188b" ("1c0188b+changes" when its tree differs)."""
    try:
        commit = subprocess.run(["git", "-C", path, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", path, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return commit + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return os.path.abspath(path)


def python_settings(fix):
    out = []
    for t in (1, 2):
        out.append(("numpy", f"{t} BLAS thread(s)", {**fix, "OPENBLAS_NUM_THREADS": str(t)}))
    # PyTorch: OpenMP threads spinning next to OpenBLAS threads are 3-10× slower on 2 cores, hence PASSIVE
    for omp, blas in ((1, 1), (2, 2), (1, 2)):
        out.append(("pytorch", f"{omp} op thread(s), {blas} BLAS thread(s)",
                    {**fix, "PEER_THREADS": str(omp), "OMP_NUM_THREADS": str(omp), "OPENBLAS_NUM_THREADS": str(blas),
                     "OMP_WAIT_POLICY": "PASSIVE"}))
    return out


def flops_per_epoch(net):
    """Multiply-adds ×2 of one training epoch: forward x·W, dW = xᵀ·dOut, dx = dOut·Wᵀ but not for layer 1."""
    sizes = [int(s) for s in net.split("-")]
    pairs = list(zip(sizes[:-1], sizes[1:]))
    per_sample = 2 * sum(i * o for i, o in pairs) * 2 + 2 * sum(i * o for i, o in pairs[1:])
    return per_sample * SAMPLES


def run(cmd, env_extra, timeout=1800, cwd=ROOT):
    """Runs cmd in cwd (the project root) with the CLEARED variables removed and env_extra added; returns (stdout, stderr)."""
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(env_extra)
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr[-2000:]}")
    return p.stdout, p.stderr


def peak_rss_mib(cmd, env_extra, cwd=ROOT):
    """Runs cmd under /usr/bin/time -v; returns peak RSS in MiB."""
    _, err = run(["/usr/bin/time", "-v"] + cmd, env_extra, cwd=cwd)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    return int(m.group(1)) / 1024 if m else float("nan")


def deepgrid_epoch(net, env, scratch, root=ROOT):
    """Epoch 2 of ./deepgrid run bench/fashion-NET.yaml in root: training and evaluation seconds, kernel, peak RSS."""
    out_dir = os.path.join(scratch, net)
    rss = peak_rss_mib(["./deepgrid", "run", f"bench/fashion-{net}.yaml", "--out", out_dir, "--fresh"], env,
                       cwd=root)
    metrics = result = None
    for dirpath, _, files in os.walk(out_dir):
        if "metrics.csv" in files and "previous" not in dirpath:
            metrics, result = os.path.join(dirpath, "metrics.csv"), os.path.join(dirpath, "result.csv")
    last = read_csv(metrics)[-1]
    row = read_csv(result)[0]
    return {"train_seconds": float(last["seconds"]), "eval_seconds": float(last["eval_seconds"]), "rss_mib": rss,
            "blas": f"{row.get('kernel', '?')}: {row.get('blas', '?')}", "threads": row.get("threads", "?")}


def read_csv(path):
    import csv
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def python_epoch(peer, net, env, python):
    out, _ = run([python, "bench/peers.py", "torch" if peer == "pytorch" else "numpy", net, "--eval"], env)
    r = json.loads(out.strip().splitlines()[-1])
    return {"train_seconds": r["train_seconds"], "eval_seconds": r["eval_seconds"], "blas": r["blas"]}


def ceilings(core, python):
    """GFLOP/s of one 1024³ product: through deepgrid's kernel as shipped, and numpy at 1 and 2 BLAS threads."""
    # OPENBLAS_NUM_THREADS=1 is what ./deepgrid sets: deepgrid's own threads then share the product
    java, _ = run(["java", "-cp", "target/deepgrid.jar", "bench/DgemmCeiling.java"], {"OPENBLAS_NUM_THREADS": "1"})
    out = {"deepgrid": json.loads(java)}
    for t in (1, 2):
        env = {"OPENBLAS_NUM_THREADS": str(t), **({"OPENBLAS_CORETYPE": core} if core else {})}
        numpy, _ = run([python, "bench/peers.py", "dgemm-numpy"], env)
        out[f"numpy-{t}"] = json.loads(numpy)
    return out


def core_ceilings(reps):
    """deepgrid's dgemm ceiling as shipped and under each OPENBLAS_CORETYPE, 1 thread, best of reps."""
    out = {}
    for label, env in [("as shipped", {})] + [(c, {"OPENBLAS_CORETYPE": c}) for c in
                                               ("Prescott", "Haswell", "Zen", "SkylakeX", "Cooperlake")]:
        values = []
        for _ in range(reps):
            java, _ = run(["java", "-Ddeepgrid.threads=1", "-cp", "target/deepgrid.jar", "bench/DgemmCeiling.java"],
                          {"OPENBLAS_NUM_THREADS": "1", **env})
            values.append(json.loads(java))
        # CPU time of the one thread: a busy machine (other work on the cores) does not disturb it
        out[label] = {"gflops": max(v["cpu_gflops"] for v in values), "blas": values[0]["blas"]}
        print(f"  dgemm, 1 thread, {label}: {out[label]['gflops']:.1f} GFLOP/s ({out[label]['blas']})",
              file=sys.stderr)
    return out


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--nets", default=",".join(NETS))
    ap.add_argument("--cores", action="store_true", help="also measure the dgemm ceiling under each OPENBLAS_CORETYPE")
    ap.add_argument("--java", action="store_true", help="also deepgrid on its pure-Java kernel")
    ap.add_argument("--python", default="/usr/bin/python3", help="a python that sees torch and numpy")
    ap.add_argument("--out", default=os.path.join(BENCH, "results"))
    ap.add_argument("--baseline", metavar="DIR", help="another checkout of deepgrid, measured as one more peer")
    ap.add_argument("--peers", default="numpy,pytorch", help="the Python peers to measure: numpy,pytorch or none")
    a = ap.parse_args()
    nets = a.nets.split(",")
    peers = [] if a.peers == "none" else a.peers.split(",")
    core = core_for(cpu_flags())

    version, _ = run(["./deepgrid", "--version"], {})  # builds the jar if needed
    if a.baseline:
        run(["./deepgrid", "--version"], {}, cwd=a.baseline)
    started = datetime.datetime.now().astimezone()
    loads = [load()]
    raw = []
    cores = core_ceilings(a.reps) if a.cores else {}
    with tempfile.TemporaryDirectory(prefix="deepgrid-bench-") as scratch:
        configs = settings(core, a.java, peers, a.baseline)
        for rep in range(a.reps):
            c = ceilings(core, a.python)
            raw.append({"rep": rep, "what": "dgemm", **{k: v["gflops"] for k, v in c.items()},
                        "blas": {k: v.get("blas") or v.get("kernel") for k, v in c.items()}})
            print(f"rep {rep + 1}/{a.reps} (load {load()}): dgemm " + ", ".join(
                f"{k} {v['gflops']:.1f}" for k, v in c.items()) + " GFLOP/s", file=sys.stderr)
            order = configs[rep % len(configs):] + configs[:rep % len(configs)]
            for net in nets:
                for peer, setting, env in order:
                    r = (deepgrid_epoch(net, env, scratch) if peer == "deepgrid"
                         else deepgrid_epoch(net, env, scratch, a.baseline) if peer == "baseline"
                         else python_epoch(peer, net, env, a.python))
                    raw.append({"rep": rep, "what": "epoch", "net": net, "peer": peer, "setting": setting, **r})
                    print(f"  {net:20s} {peer:9s} {setting:36s} train {r['train_seconds']:.3f} s, "
                          f"eval {r['eval_seconds']:.3f} s  [{r['blas']}]", file=sys.stderr)
            loads.append(load())
        rss_jobs2 = peak_rss_mib(["./deepgrid", "run", "bench/fashion-jobs2.yaml", "--jobs", "2", "--out",
                                  os.path.join(scratch, "jobs2"), "--fresh"], {})
    loads.append(load())
    table = report(raw, nets, rss_jobs2, version, started, loads, a, core, cores)
    print(table)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "latest.md"), "w") as f:
        f.write(table)
    with open(os.path.join(a.out, "latest.json"), "w") as f:
        json.dump({"started": started.isoformat(), "cpu": cpu(), "loads": loads, "version": version, "core_fix": core,
                   "raw": raw, "rss_jobs2_mib": rss_jobs2, "core_ceilings": cores, "argv": sys.argv}, f, indent=1)


def med(values):
    return statistics.median(values) if values else float("nan")


def report(raw, nets, rss_jobs2, version, started, loads, a, core, cores):
    epochs = [r for r in raw if r["what"] == "epoch"]
    lines = [f"# deepgrid training speed, {started:%Y-%m-%d %H:%M %Z}", ""]
    lines.append(f"Machine: {cpu()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}. "
                 f"Load average (1/5/15 min) before: {loads[0]}; after each repetition: {'; '.join(loads[1:-1])}; "
                 f"at the end: {loads[-1]}. Rerun: `python3 bench/run.py {' '.join(sys.argv[1:])}`.")
    lines.append("")
    lines.append("```\n" + version.strip() + "\n```")
    lines.append("")
    lines.append(f"Fashion-MNIST, 60,000 training samples, batch 100, SGD lr 0.1, float64, ReLU, softmax "
                 f"cross-entropy; one warm-up epoch, then one timed epoch and a full loss/accuracy pass over the "
                 f"training and test sets (as deepgrid does after every epoch); medians of {a.reps} interleaved "
                 f"repetitions, each in a fresh process. deepgrid runs as shipped (no {', '.join(CLEARED)}); the "
                 f"peers with OPENBLAS_CORETYPE={core or '(left to OpenBLAS)'}, as deepgrid chooses it from this "
                 f"CPU's flags, at each of their thread settings. GFLOP/s counts the products of training "
                 f"(forward, dW, dx except for the first layer) per second of training epoch.")
    lines.append("")
    dg = [r for r in raw if r["what"] == "dgemm"]
    names = [k for k in dg[0] if k not in ("rep", "what", "blas")]
    ceiling = {k: med([r[k] for r in dg]) for k in names}
    lines.append("dgemm ceiling, one 1024³ float64 product, best of 10, median over repetitions: "
                 + "; ".join(f"{k} {v:.1f} GFLOP/s ({dg[0]['blas'][k]})" for k, v in ceiling.items()) + ".")
    best_ceiling = max(ceiling.values())
    if cores:
        best = max(cores.values(), key=lambda c: c["gflops"])
        shipped = cores["as shipped"]["gflops"]
        lines.append("")
        lines.append("dgemm through deepgrid's kernel, 1 thread (its CPU time), per OPENBLAS_CORETYPE (best of "
                     f"{a.reps}): " + "; ".join(f"{k} {v['gflops']:.1f}" for k, v in cores.items())
                     + f". As shipped: {shipped / best['gflops']:.0%} of the best ({best['blas']}); target ≥ 90%.")
    lines.append("")
    lines.append("| network | peer | setting | BLAS | threads | train s/epoch | eval s/epoch | train + eval s | "
                 "train GFLOP/s | ÷ GEMM floor | peak RSS MiB |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    summary = []
    for net in nets:
        floor = flops_per_epoch(net) / (best_ceiling * 1e9)
        rows = {}
        for r in epochs:
            if r["net"] == net:
                rows.setdefault((r["peer"], r["setting"]), []).append(r)
        stats = {}
        for (peer, setting), rs in rows.items():
            tr, ev = med([r["train_seconds"] for r in rs]), med([r["eval_seconds"] for r in rs])
            stats[(peer, setting)] = (tr, ev, tr + ev)
            rss = f"{max(r['rss_mib'] for r in rs):.0f}" if peer in ("deepgrid", "baseline") else ""
            lines.append(f"| {net} | {peer} | {setting} | {rs[0]['blas']} | {rs[0].get('threads', '')} | {tr:.3f} | "
                         f"{ev:.3f} | {tr + ev:.3f} | {flops_per_epoch(net) / tr / 1e9:.1f} | {tr / floor:.2f} | "
                         f"{rss} |")
        d = stats[("deepgrid", "as shipped")]
        base = [(k, v) for k, v in stats.items() if k[0] == "baseline"]
        if base:
            (_, setting), b = base[0]
            summary.append(f"- {net}: this checkout against the baseline ({setting}): train {d[0]:.3f} s vs "
                           f"{b[0]:.3f} s, ratio {d[0] / b[0]:.3f}; train + full evaluation {d[2]:.3f} s vs "
                           f"{b[2]:.3f} s, ratio {d[2] / b[2]:.3f}.")
        peers = {k: v for k, v in stats.items() if k[0] not in ("deepgrid", "baseline")}
        if not peers:
            continue
        fastest = min(peers.items(), key=lambda kv: kv[1][2])
        fastest_train = min(peers.items(), key=lambda kv: kv[1][0])
        summary.append(f"- {net}: like for like (train + full evaluation), deepgrid as shipped {d[2]:.3f} s vs the "
                       f"fastest peer, {fastest[0][0]} ({fastest[0][1]}), {fastest[1][2]:.3f} s: ratio "
                       f"{d[2] / fastest[1][2]:.2f}. Training only: {d[0]:.3f} s vs {fastest_train[0][0]} "
                       f"({fastest_train[0][1]}) {fastest_train[1][0]:.3f} s: ratio {d[0] / fastest_train[1][0]:.2f}; "
                       f"GEMM-only floor {floor:.3f} s (the epoch's {flops_per_epoch(net) / 1e9:.1f} GFLOP at "
                       f"{best_ceiling:.1f} GFLOP/s): deepgrid at {d[0] / floor:.2f}× the floor.")
    lines.append("")
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
