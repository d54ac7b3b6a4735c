#!/usr/bin/env python3
"""Reference values for deepgrid's losses, from PyTorch.

Writes src/test/resources/fixtures/losses.json, read by LossReferenceTest. Each case is a
batch of scores (the last layer's outputs), its targets, the loss's mean value and its
gradient with respect to the scores, all computed in float64 by PyTorch's own loss modules
and autograd, so the Java results must agree to ~1e-15 (the test allows 1e-12).

  mse                   torch.nn.MSELoss()
  mae                   torch.nn.L1Loss()
  huber                 torch.nn.HuberLoss(delta=...)
  log_cosh              Keras' formula, log(cosh(y - t)) averaged over all elements, in torch ops
  poisson               torch.nn.PoissonNLLLoss(log_input=True, full=False)
  cross_entropy         torch.nn.CrossEntropyLoss() on class indices
  binary_cross_entropy  torch.nn.BCEWithLogitsLoss()
  hinge                 k * torch.nn.MultiMarginLoss(p=1, margin=...) (deepgrid does not divide by k)
  squared_hinge         k * torch.nn.MultiMarginLoss(p=2, margin=...)
  categorical_hinge     Keras' formula, max(0, max((1 - t) * s) - sum(t * s) + 1), in torch ops

Scores are drawn from a seeded generator, then rows are moved away from each loss's kinks
(|y - t| = 0, a margin term at 0, a tie in a max) so the subgradient convention does not matter.
One-hot targets are stored for the class losses (deepgrid's encoding); "labels" gives the classes.

Usage (Debian: apt-get install python3-torch; the Debian module is under /usr/bin/python3):
    /usr/bin/python3 scripts/make-loss-fixtures.py [output.json]
"""
import json
import sys

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/losses.json"
N, K = 6, 3
gen = torch.Generator().manual_seed(2024)


def randn(*shape, scale=1.0):
    return scale * torch.randn(*shape, generator=gen, dtype=torch.float64)


def away(s, t, tol=0.05):
    """Moves entries of s that sit within tol of t (|y - t| kinks) by 0.3."""
    s = s.clone()
    s[(s - t).abs() < tol] += 0.3
    return s


def log_cosh(s, t):
    return torch.log(torch.cosh(s - t)).mean()


def categorical_hinge(s, onehot):
    pos = (onehot * s).sum(dim=1)
    neg = ((1.0 - onehot) * s).max(dim=1).values
    return torch.clamp(neg - pos + 1.0, min=0.0).mean()


def case(name, spec, s, targets, fn):
    s = s.clone().requires_grad_(True)
    value = fn(s)
    value.backward()
    return {"case": name, "loss": spec, "scores": s.detach().tolist(), "targets": targets.tolist(),
            "value": value.item(), "gradient": s.grad.tolist()}


cases = []

# regression losses: numeric targets, three outputs
t = randn(N, K, scale=2.0)
s = away(t + randn(N, K, scale=1.5), t)
cases.append(case("mse", "mse", s, t, lambda x: torch.nn.MSELoss()(x, t)))
cases.append(case("mae", "mae", s, t, lambda x: torch.nn.L1Loss()(x, t)))
for delta in (1.0, 0.3, 2.5):
    cases.append(case(f"huber_delta_{delta}", {"type": "huber", "delta": delta}, s, t,
                      lambda x, d=delta: torch.nn.HuberLoss(delta=d)(x, t)))
cases.append(case("log_cosh", "log_cosh", s, t, lambda x: log_cosh(x, t)))
big = t + randn(N, K, scale=15.0)  # |y - t| up to ~40: log cosh's linear regime, still finite in torch
cases.append(case("log_cosh_large", "log_cosh", big, t, lambda x: log_cosh(x, t)))

# poisson: log-rate scores, count targets
counts = torch.poisson(torch.full((N, K), 2.5, dtype=torch.float64), generator=gen)
log_rate = randn(N, K)
cases.append(case("poisson", "poisson", log_rate, counts,
                  lambda x: torch.nn.PoissonNLLLoss(log_input=True, full=False)(x, counts)))

# class losses: labels, one-hot rows
labels = torch.tensor([0, 2, 1, 1, 0, 2])
onehot = torch.nn.functional.one_hot(labels, K).to(torch.float64)
scores = randn(N, K, scale=1.5)
# a row whose wrong scores are all negative (Keras' categorical hinge takes its neg from the target's 0)
scores[3] = torch.tensor([-1.2, 0.4, -0.7], dtype=torch.float64)
# a row beyond every margin (no loss for the hinges)
scores[4] = torch.tensor([3.0, 0.5, -0.8], dtype=torch.float64)


def hinge_kinks_clear(s, margin):
    for i in range(N):
        for j in range(K):
            if j != labels[i] and abs(s[i, j] - s[i, labels[i]] + margin) < 0.05:
                return False
    return True


def categorical_kinks_clear(s):
    for i in range(N):
        neg = sorted(((1.0 - onehot[i]) * s[i]).tolist())
        if neg[-1] - neg[-2] < 0.05 or abs(neg[-1] - s[i, labels[i]] + 1.0) < 0.05:
            return False
    return True


assert hinge_kinks_clear(scores, 1.0) and hinge_kinks_clear(scores, 0.5), "move a score off a hinge kink"
assert categorical_kinks_clear(scores), "move a score off a categorical hinge kink"
cases.append(case("cross_entropy", "cross_entropy", scores, onehot,
                  lambda x: torch.nn.CrossEntropyLoss()(x, labels)))
cases.append(case("hinge", "hinge", scores, onehot,
                  lambda x: K * torch.nn.MultiMarginLoss(p=1, margin=1.0)(x, labels)))
cases.append(case("hinge_margin_0.5", {"type": "hinge", "margin": 0.5}, scores, onehot,
                  lambda x: K * torch.nn.MultiMarginLoss(p=1, margin=0.5)(x, labels)))
cases.append(case("squared_hinge", "squared_hinge", scores, onehot,
                  lambda x: K * torch.nn.MultiMarginLoss(p=2, margin=1.0)(x, labels)))
cases.append(case("categorical_hinge", "categorical_hinge", scores, onehot,
                  lambda x: categorical_hinge(x, onehot)))

# binary: one output column, 0/1 targets
bin_t = torch.tensor([[1.0], [0.0], [1.0], [0.0], [1.0], [0.0]], dtype=torch.float64)
bin_s = randn(N, 1, scale=2.0)
cases.append(case("binary_cross_entropy", "binary_cross_entropy", bin_s, bin_t,
                  lambda x: torch.nn.BCEWithLogitsLoss()(x, bin_t)))

with open(OUT, "w") as f:
    json.dump({"generator": "scripts/make-loss-fixtures.py", "torch": torch.__version__, "cases": cases}, f,
              indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {OUT}")
