#!/usr/bin/env python3
"""bench/search: does deepgrid's search earn its keep? (issue 10, "Efficiency")

1. Spiral, TPE vs random at equal budget: lr (log), width (int, log) and l2 (log) of a
   spiral classifier, 40 trials each, for 10 search seeds; the best objective (lowest
   val_loss) of each search; median per sampler and a two-sided sign test over the seeds.
2. Fashion-MNIST (limit 10,000), ASHA vs no pruning: the same TPE search with
   pruner asha and pruner none, per search seed; best validation accuracy and the epochs
   trained (history.csv), ASHA's share of the unpruned search's epochs.

Runs the real CLI (./deepgrid run ... --jobs 2) in a fresh results folder per search and
reads only its result files. Standard library only. Wall time depends on the machine's
load, so the table records `uptime` before and after; the figures compared are not times.

    python3 bench/search/run.py                     # both parts (~20-40 min on 2 busy cores)
    python3 bench/search/run.py --part spiral --seeds 10
    python3 bench/search/run.py --part fashion --seeds 3
"""
import argparse
import csv
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

SPIRAL = """name: spiral-{sampler}-{seed}
seed: 0
data: {{source: spiral, samples: 200, noise: 0.3, validation: 0.3}}
model:
  init: he_normal
  layers:
    - dense: 32
      activation: relu
    - dense: 3
loss: cross_entropy
optimizer: {{type: sgd, lr: 0.1}}
regularization: {{l2: 0.0001}}
training: {{epochs: 30, batch_size: 32}}
search:
  objective: val_loss
  sampler: {sampler}
  seed: {seed}
  trials: 40
  space:
    optimizer.lr:          {{float: [1.0e-4, 3.0], log: true}}
    model.layers[0].dense: {{int: [2, 256], log: true}}
    regularization.l2:     {{float: [1.0e-7, 1.0], log: true}}
  confirm: none
"""

FASHION = """name: fashion-{label}-{seed}
seed: 0
data: {{source: fashion-mnist, limit: 10000, validation: 0.1}}
model:
  init: he_normal
  layers:
    - dense: 100
      activation: relu
    - dropout: 0.2
    - dense: 10
loss: cross_entropy
optimizer: {{type: sgd, lr: 0.1}}
training: {{epochs: 9, batch_size: 100}}
search:
  objective: val_accuracy
  seed: {seed}
  trials: 30
  startup: 8
  space:
    optimizer.lr:            {{float: [1.0e-3, 1.0], log: true}}
    model.layers[0].dense:   {{int: [16, 512], log: true}}
    model.layers[1].dropout: {{float: [0.0, 0.6], step: 0.1}}
  pruner: {pruner}
  confirm: none
"""


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def deepgrid(work):
    """The command that runs deepgrid: a copy of the jar ./deepgrid built, so that editing the
    sources while the benchmark runs cannot rebuild the program under test halfway."""
    jar = work / "deepgrid.jar"
    if not jar.exists():
        shutil.copy(ROOT / "target" / "deepgrid.jar", jar)
    return ["java", "-Xmx3g", "-XX:+UseSerialGC", "-jar", str(jar)]


def search(text, work, name):
    """Runs one search file; returns (trials rows, history rows, seconds)."""
    f = work / (name + ".yaml")
    f.write_text(text)
    out = work / "out"
    t0 = time.time()
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    r = subprocess.run(deepgrid(work) + ["run", str(f), "--out", str(out), "--jobs", "2"],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"{name} failed:\n{r.stderr}")
    seconds = time.time() - t0
    folder = next((out / name / "search").glob("*/"))
    with open(folder / "trials.csv") as t, open(folder / "history.csv") as h:
        return list(csv.DictReader(t)), list(csv.DictReader(h)), seconds


def sign_test(wins, losses):
    """Two-sided exact binomial p of `wins` against `losses` (ties left out)."""
    n = wins + losses
    if n == 0:
        return float("nan")
    k = min(wins, losses)
    p = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * p)


def spiral(seeds, work):
    rows = []
    for seed in range(seeds):
        best = {}
        for sampler in ("tpe", "random"):
            trials, _, sec = search(SPIRAL.format(sampler=sampler, seed=seed), work, f"spiral-{sampler}-{seed}")
            values = [float(t["objective"]) for t in trials if t["state"] == "completed" and t["objective"]]
            best[sampler] = min(values)
            print(f"spiral seed {seed} {sampler}: best val_loss {best[sampler]:.4f} ({sec:.0f} s, load {load()})",
                  flush=True)
        rows.append({"seed": seed, "tpe": best["tpe"], "random": best["random"]})
    wins = sum(1 for r in rows if r["tpe"] < r["random"])
    losses = sum(1 for r in rows if r["tpe"] > r["random"])
    return {"rows": rows, "median_tpe": statistics.median(r["tpe"] for r in rows),
            "median_random": statistics.median(r["random"] for r in rows), "tpe_wins": wins, "tpe_losses": losses,
            "sign_test_p": sign_test(wins, losses)}


def fashion(seeds, work):
    rows = []
    for seed in range(seeds):
        r = {"seed": seed}
        for pruner in ("none", "asha"):
            spec = "{type: asha, min_epochs: 1, reduction: 3}" if pruner == "asha" else "none"
            trials, history, sec = search(FASHION.format(label=pruner, pruner=spec, seed=seed), work,
                                           f"fashion-{pruner}-{seed}")
            values = [float(t["objective"]) for t in trials if t["state"] == "completed" and t["objective"]]
            r[pruner] = {"best": max(values), "epochs": int(history[-1]["epochs_cumulative"]),
                         "pruned": sum(1 for t in trials if t["state"] == "pruned"), "seconds": round(sec)}
            print(f"fashion seed {seed} pruner {pruner}: best val_accuracy {r[pruner]['best']:.4f}, "
                  f"{r[pruner]['epochs']} epochs, {r[pruner]['pruned']} pruned ({sec:.0f} s, load {load()})", flush=True)
        r["gap"] = r["none"]["best"] - r["asha"]["best"]
        r["epoch_share"] = r["asha"]["epochs"] / r["none"]["epochs"]
        rows.append(r)
    return {"rows": rows}


def markdown(result):
    lines = [f"# bench/search ({result['date']})", "",
             f"CPU: {result['cpu']}; load before {result['load_before']}, after {result['load_after']}"
             " (the machine is shared: these are counts and objectives, not times).", ""]
    if "spiral" in result:
        s = result["spiral"]
        lines += ["## Spiral: TPE vs random, 40 trials each, best val_loss (lower is better)", "",
                  "| search seed | TPE | random | TPE better |", "|---|---|---|---|"]
        for r in s["rows"]:
            lines.append(f"| {r['seed']} | {r['tpe']:.4f} | {r['random']:.4f} | {'yes' if r['tpe'] < r['random'] else 'no'} |")
        lines += ["", f"Median best val_loss: TPE {s['median_tpe']:.4f}, random {s['median_random']:.4f}. "
                  f"TPE better in {s['tpe_wins']} of {len(s['rows'])} seeds (worse in {s['tpe_losses']}); "
                  f"two-sided sign test p = {s['sign_test_p']:.3g}.", ""]
    if "fashion" in result:
        lines += ["## Fashion-MNIST (limit 10,000): ASHA vs no pruning, TPE, 30 trials × 9 epochs", "",
                  "| search seed | best val_acc, no pruning | best val_acc, ASHA | gap | epochs, no pruning | epochs, ASHA"
                  " | ASHA's share | pruned |", "|---|---|---|---|---|---|---|---|"]
        for r in result["fashion"]["rows"]:
            lines.append(f"| {r['seed']} | {r['none']['best']:.4f} | {r['asha']['best']:.4f} | {r['gap']:+.4f} | "
                         f"{r['none']['epochs']} | {r['asha']['epochs']} | {100 * r['epoch_share']:.0f}% | "
                         f"{r['asha']['pruned']} |")
        lines += ["", "Target: gap ≤ 0.01 while training ≤ 40% of the unpruned search's epochs.", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["spiral", "fashion", "both"], default="both")
    ap.add_argument("--seeds", type=int, default=None, help="search seeds (spiral 10, fashion 3 by default)")
    a = ap.parse_args()
    subprocess.run([str(ROOT / "deepgrid"), "--version"], capture_output=True)  # builds the jar if needed
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    result = {"date": time.strftime("%Y-%m-%d %H:%M"), "cpu": cpu, "load_before": load()}
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        if a.part in ("spiral", "both"):
            result["spiral"] = spiral(a.seeds or 10, work)
        if a.part in ("fashion", "both"):
            result["fashion"] = fashion(a.seeds or 3, work)
    result["load_after"] = load()
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    name = "latest-" + a.part
    (out / (name + ".json")).write_text(json.dumps(result, indent=1))
    (out / (name + ".md")).write_text(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
