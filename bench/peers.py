"""The peers deepgrid is measured against, one measurement per process (see bench/README.md).

    /usr/bin/python3 bench/peers.py numpy 784-100-10     # from-scratch numpy MLP, one timed epoch
    /usr/bin/python3 bench/peers.py torch 784-100-10     # the same MLP in PyTorch (CPU)
    /usr/bin/python3 bench/peers.py torch 784-100-10 --eval   # like-for-like: + full evaluation
    /usr/bin/python3 bench/peers.py dgemm-numpy          # the dgemm ceiling: one 1024³ product

Each prints one JSON line, with the OpenBLAS core the process runs ("blas"). The thread
count comes from the environment the caller sets (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS;
PEER_THREADS for torch.set_num_threads), and so does OPENBLAS_CORETYPE, because BLAS
libraries read them once, when they load. Training is the benchmark's: Fashion-MNIST
pixels / 255, float64, ReLU hidden layers, softmax cross-entropy, SGD lr 0.1, batch 100,
shuffled every epoch, He-normal weights and zero biases; epoch 1 is the warm-up and only
epoch 2 is timed (shuffle, batch gather, forward, backward, update). With --eval, each epoch
is followed by what deepgrid does after every epoch: mean loss and accuracy over the whole
training set (60,000) and test set (10,000), forward only, in chunks of 1,000; that pass is
timed separately ("eval_seconds").
"""
import ctypes
import gzip
import json
import os
import sys
import time

import numpy as np

DATA = os.environ.get("FASHION_MNIST", "/usr/share/datasets/fashion-mnist")
BATCH = 100
LR = 0.1


def idx(name):
    """An IDX file (gzipped or raw) as a numpy array of its unsigned bytes, shaped by its header."""
    path = os.path.join(DATA, name)
    opener = gzip.open if os.path.exists(path + ".gz") else open
    with opener(path + ".gz" if opener is gzip.open else path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def fashion(split="train"):
    prefix = "train" if split == "train" else "t10k"
    x = idx(f"{prefix}-images-idx3-ubyte").reshape(-1, 784).astype(np.float64) / 255.0
    t = idx(f"{prefix}-labels-idx1-ubyte").astype(np.int64)
    return x, t


EVAL_CHUNK = 1000


def blas_core():
    """The core of the OpenBLAS this process has loaded (openblas_get_corename), or what else it runs."""
    with open("/proc/self/maps") as f:
        libs = sorted({line.split()[-1] for line in f if "blas" in line and "/" in line})
    for lib in libs:
        try:
            so = ctypes.CDLL(lib)
            so.openblas_get_corename.restype = ctypes.c_char_p
            so.openblas_get_config.restype = ctypes.c_char_p
            config = so.openblas_get_config().decode().split()
            version = config[1] if len(config) > 1 else ""
            return f"OpenBLAS {version} {so.openblas_get_corename().decode()}"
        except (OSError, AttributeError):
            continue
    return ", ".join(os.path.basename(l) for l in libs) or "no BLAS library mapped"


# ---- numpy, in the from-scratch style (Deep Learning from Scratch, ch. 5) ----

class Affine:
    def __init__(self, w, b, first):
        self.W, self.b, self.first = w, b, first
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return None if self.first else dout @ self.W.T  # the data needs no gradient


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        x = x - x.max(axis=1, keepdims=True)  # no overflow in exp
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        self.t = t
        return -np.log(self.y[np.arange(len(t)), t] + 1e-12).mean()

    def backward(self):
        dx = self.y.copy()
        dx[np.arange(len(self.t)), self.t] -= 1
        return dx / len(self.t)


def numpy_net(sizes, rng):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        w = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
        layers.append(Affine(w, np.zeros(n_out), first=(i == 0)))
        if i < len(sizes) - 2:
            layers.append(Relu())
    return layers, SoftmaxWithLoss()


def numpy_epoch(layers, last, x, t, rng):
    order = rng.permutation(len(x))
    for i in range(0, len(x), BATCH):
        mask = order[i:i + BATCH]
        a = x[mask]
        for layer in layers:
            a = layer.forward(a)
        last.forward(a, t[mask])
        d = last.backward()
        for layer in reversed(layers):
            d = layer.backward(d)
        for layer in layers:
            if isinstance(layer, Affine):
                layer.W -= LR * layer.dW
                layer.b -= LR * layer.db


def numpy_measure(layers, last, x, t):
    """Mean loss and accuracy over (x, t), forward only, in chunks (as deepgrid's evaluation)."""
    loss = correct = 0.0
    for i in range(0, len(x), EVAL_CHUNK):
        a = x[i:i + EVAL_CHUNK]
        for layer in layers:
            a = layer.forward(a)
        loss += last.forward(a, t[i:i + EVAL_CHUNK]) * len(a)
        correct += (a.argmax(axis=1) == t[i:i + EVAL_CHUNK]).sum()
    return loss / len(x), correct / len(x)


def run_numpy(sizes, evaluate):
    x, t = fashion()
    xt, tt = fashion("test") if evaluate else (None, None)
    rng = np.random.default_rng(0)
    layers, last = numpy_net(sizes, rng)

    def epoch():
        t0 = time.perf_counter()
        numpy_epoch(layers, last, x, t, rng)
        t1 = time.perf_counter()
        if evaluate:
            numpy_measure(layers, last, x, t)
            numpy_measure(layers, last, xt, tt)
        return t1 - t0, time.perf_counter() - t1

    epoch()  # warm-up
    return epoch()


# ---- PyTorch ----

def run_torch(sizes, evaluate):
    import torch
    torch.set_num_threads(int(os.environ.get("PEER_THREADS", "1")))
    torch.manual_seed(0)
    x, t = fashion()
    x, t = torch.from_numpy(x), torch.from_numpy(t)
    xt, tt = (torch.from_numpy(a) for a in fashion("test")) if evaluate else (None, None)
    mods = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        lin = torch.nn.Linear(n_in, n_out).double()
        torch.nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
        torch.nn.init.zeros_(lin.bias)
        mods.append(lin)
        if i < len(sizes) - 2:
            mods.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*mods)
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=LR)

    def measure(xs, ts):
        loss = correct = 0.0
        with torch.no_grad():
            for i in range(0, len(xs), EVAL_CHUNK):
                s = net(xs[i:i + EVAL_CHUNK])
                loss += loss_fn(s, ts[i:i + EVAL_CHUNK]).item() * len(s)
                correct += (s.argmax(dim=1) == ts[i:i + EVAL_CHUNK]).sum().item()
        return loss / len(xs), correct / len(xs)

    def epoch():
        t0 = time.perf_counter()
        order = torch.randperm(len(x))
        for i in range(0, len(x), BATCH):
            mask = order[i:i + BATCH]
            opt.zero_grad(set_to_none=True)
            loss_fn(net(x[mask]), t[mask]).backward()
            opt.step()
        t1 = time.perf_counter()
        if evaluate:
            measure(x, t)
            measure(xt, tt)
        return t1 - t0, time.perf_counter() - t1

    epoch()  # warm-up
    return epoch()


# ---- the dgemm ceiling ----

def run_dgemm(n=1024, reps=10):
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t0)
    return 2.0 * n ** 3 / best / 1e9


def main(argv):
    what = argv[1]
    if what == "dgemm-numpy":
        print(json.dumps({"peer": "numpy", "gflops": run_dgemm(), "blas": blas_core()}))
        return
    sizes = [int(s) for s in argv[2].split("-")]
    evaluate = "--eval" in argv[3:]
    train, evaluation = {"numpy": run_numpy, "torch": run_torch}[what](sizes, evaluate)
    print(json.dumps({"peer": what, "net": argv[2], "train_seconds": train,
                      "eval_seconds": evaluation if evaluate else None, "blas": blas_core()}))


if __name__ == "__main__":
    main(sys.argv)
