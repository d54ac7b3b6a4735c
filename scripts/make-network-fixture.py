#!/usr/bin/env python3
"""Reference loss and gradients of one small whole network, from PyTorch autograd.

Writes src/test/resources/fixtures/network.json, read by ReferenceNetworkTest. The network is
every kind of step a training batch goes through, chained:

    x (6x4) -> dense(5) -> batchnorm(eps 1e-5, batch statistics) -> tanh
            -> dropout(p 0.5, a fixed mask) -> dense(3) -> softmax cross-entropy (mean)

in float64 on the CPU. The file holds every input (x, class targets, the parameters, the
mask) and every output (the loss, the gradient of every parameter and of x), so the Java
test builds the same network, runs one forward and backward pass, and must agree to 1e-10.

The mask is the one deepgrid's Dropout(0.5, 5, new Rng(2024)) draws for its first 6x5 batch
(0 for a dropped unit, 1/(1 - p) = 2 for a kept one); ReferenceNetworkTest asserts that it
still draws exactly this mask before it compares anything.

Usage (Debian: apt-get install python3-torch; the Debian module is under /usr/bin/python3):
    python3 scripts/make-network-fixture.py [output.json]
"""
import json
import sys

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/network.json"
EPS = 1e-5
MASK = [[0, 2, 2, 0, 0],
        [2, 0, 2, 2, 2],
        [0, 2, 2, 2, 2],
        [2, 2, 0, 0, 2],
        [2, 2, 2, 2, 2],
        [0, 2, 2, 2, 0]]

torch.manual_seed(8)
f64 = torch.float64
x = torch.randn(6, 4, dtype=f64, requires_grad=True)
targets = torch.tensor([0, 2, 1, 2, 0, 1])
params = {
    "d1.W": 0.7 * torch.randn(4, 5, dtype=f64),       # deepgrid's layout: (in x out), z = x.W + b
    "d1.b": 0.5 * torch.randn(1, 5, dtype=f64),
    "bn.gamma": 1 + 0.3 * torch.randn(1, 5, dtype=f64),
    "bn.beta": 0.3 * torch.randn(1, 5, dtype=f64),
    "d2.W": 0.7 * torch.randn(5, 3, dtype=f64),
    "d2.b": 0.5 * torch.randn(1, 3, dtype=f64),
}
for p in params.values():
    p.requires_grad_(True)
mask = torch.tensor(MASK, dtype=f64)

z1 = x @ params["d1.W"] + params["d1.b"]
# training-mode batch norm: batch mean and biased batch variance, as deepgrid and the paper
bn = torch.nn.functional.batch_norm(z1, None, None, params["bn.gamma"].reshape(-1), params["bn.beta"].reshape(-1),
                                    training=True, eps=EPS)
h = torch.tanh(bn) * mask
scores = h @ params["d2.W"] + params["d2.b"]
loss = torch.nn.functional.cross_entropy(scores, targets)  # mean over the batch
loss.backward()


def matrix(t):
    return t.detach().tolist()


json.dump({
    "network": "dense(5) -> batchnorm(eps 1e-5) -> tanh -> dropout(0.5, fixed mask) -> dense(3) | cross_entropy",
    "torch": torch.__version__,
    "eps": EPS,
    "dropout_p": 0.5,
    "dropout_seed": 2024,
    "x": matrix(x),
    "targets": targets.tolist(),
    "mask": MASK,
    "params": {name: matrix(p) for name, p in params.items()},
    "loss": loss.item(),
    "grads": {name: matrix(p.grad) for name, p in params.items()},
    "input_grad": matrix(x.grad),
}, open(OUT, "w"), indent=1)
print(f"wrote {OUT}: loss {loss.item():.17g}")
