"""The PyTorch peer of bench/tiny-grids: the same runs as xor.yaml / spiral.yaml, written as a
plain PyTorch loop on one thread, with the same per-epoch evaluation (loss and accuracy on the
training and test splits from epoch 0) and one metrics CSV per run, as deepgrid writes.

    /usr/bin/python3 tiny_torch.py xor OUT_DIR [--repeats 10]
    /usr/bin/python3 tiny_torch.py spiral OUT_DIR [--repeats 20]
"""
import csv
import math
import os
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def init_(layer, kind):
    if kind == "xavier_uniform":
        torch.nn.init.xavier_uniform_(layer.weight)
    elif kind == "he_normal":
        torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
    elif kind == "lecun_normal":
        torch.nn.init.normal_(layer.weight, 0.0, math.sqrt(1.0 / layer.in_features))
    else:
        torch.nn.init.normal_(layer.weight, 0.0, 1.0)
    torch.nn.init.zeros_(layer.bias)


def evaluate(net, loss_fn, x, y, binary):
    with torch.no_grad():
        s = net(x)
        loss = loss_fn(s, y).item()
        pred = (s > 0).to(y.dtype) if binary else s.argmax(1)
        return loss, (pred == y).to(torch.float64).mean().item()


def train(net, loss_fn, opt, train_xy, test_xy, epochs, batch, binary, shuffle_gen, out):
    rows = []
    def record(epoch, seconds):
        rows.append([epoch, *evaluate(net, loss_fn, *train_xy, binary), *evaluate(net, loss_fn, *test_xy, binary), seconds])
    record(0, 0.0)
    x, y = train_xy
    n = x.shape[0]
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        order = torch.randperm(n, generator=shuffle_gen) if batch < n else torch.arange(n)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            opt.zero_grad()
            loss_fn(net(x[idx]), y[idx]).backward()
            opt.step()
        record(epoch, time.perf_counter() - t0)
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "seconds"])
        w.writerows(rows)


def xor(out_dir, repeats):
    x = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float64)
    y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float64)
    k = 0
    for lr in [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0]:
        for init in ["xavier_uniform", "he_normal", "lecun_normal", "normal"]:
            for seed in range(repeats):
                torch.manual_seed(seed)
                net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
                init_(net[0], init)
                init_(net[2], init)
                opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.5)
                train(net, torch.nn.BCEWithLogitsLoss(), opt, (x, y), (x, y), 50, 4, True,
                      torch.Generator().manual_seed(seed), os.path.join(out_dir, f"run{k}.csv"))
                k += 1
    return k


def spiral_data(seed, classes=3, per_class=100, noise=0.2, test=0.2):
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for c in range(classes):
        r = np.linspace(0.0, 1, per_class)
        t = np.linspace(c * 4, (c + 1) * 4, per_class) + rng.standard_normal(per_class) * noise
        xs.append(np.c_[r * np.sin(t), r * np.cos(t)])
        ys.append(np.full(per_class, c))
    x, y = np.concatenate(xs), np.concatenate(ys)
    order = rng.permutation(len(y))
    cut = int(len(y) * (1 - test))
    tr, te = order[:cut], order[cut:]
    t = lambda a, dt: torch.tensor(a, dtype=dt)
    return (t(x[tr], torch.float64), t(y[tr], torch.long)), (t(x[te], torch.float64), t(y[te], torch.long))


def spiral(out_dir, repeats):
    train_xy, test_xy = spiral_data(0)
    for seed in range(repeats):
        torch.manual_seed(seed)
        net = torch.nn.Sequential(torch.nn.Linear(2, 100), torch.nn.ReLU(), torch.nn.Linear(100, 3))
        init_(net[0], "he_normal")
        init_(net[2], "he_normal")
        opt = torch.optim.SGD(net.parameters(), lr=1.0)
        train(net, torch.nn.CrossEntropyLoss(), opt, train_xy, test_xy, 300, 30, False,
              torch.Generator().manual_seed(seed), os.path.join(out_dir, f"run{seed}.csv"))
    return repeats


if __name__ == "__main__":
    what, out = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else (10 if what == "xor" else 20)
    os.makedirs(out, exist_ok=True)
    n = {"xor": xor, "spiral": spiral}[what](out, repeats)
    print(f"{n} runs", file=sys.stderr)
