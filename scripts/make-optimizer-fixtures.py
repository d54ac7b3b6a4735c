#!/usr/bin/env python3
"""Reference values for deepgrid's optimizers, schedules and gradient clipping, from PyTorch.

Writes src/test/resources/fixtures/optimizers.json, read by OptimizerReferenceTest,
ScheduleTest and GradientClippingTest. Everything runs in float64 on the CPU with the
single-tensor code paths (foreach=False), so the Java results must agree to ~1e-15.

The problem: a 3x2 weight W and a 1x2 bias b, and a fixed sequence of 5 gradients
(drawn once from a seeded generator and stored in the file), so only the update rules
are tested, not any loss. Each case runs 5 steps and records W and b after each step.
Some cases change lr between steps (as a schedule does) to pin down where lr enters.

Usage (Debian: apt-get install python3-torch; the Debian module is under /usr/bin/python3):
    python3 scripts/make-optimizer-fixtures.py [output.json]
"""
import json
import math
import re
import sys

import torch

STEPS = 5
OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/optimizers.json"
VARYING_LR = [1.0, 0.5, 0.5, 0.2, 0.1]  # multipliers of the base lr, one per step

torch.manual_seed(1234)
W0 = torch.tensor([[0.5, -0.3], [0.1, 0.8], [-0.7, 0.2]], dtype=torch.float64)
B0 = torch.tensor([[0.05, -0.1]], dtype=torch.float64)
GRADS = []
for step in range(STEPS):
    scale = [1.0, 0.1, 3.0, 0.01, 1.0][step]  # mixed magnitudes exercise the adaptive methods
    gw = scale * torch.randn(3, 2, dtype=torch.float64)
    gb = scale * torch.randn(1, 2, dtype=torch.float64)
    if step < 2:
        gw[1, 0] = 0.0  # an entry with no gradient for the first steps (AdaGrad/Adam at 0)
    GRADS.append((gw, gb))

# (case name, deepgrid spec as in the experiment file, torch constructor, lr per step is varied?)
CASES = [
    ("sgd", {"type": "sgd", "lr": 0.1},
     lambda p: torch.optim.SGD(p, lr=0.1, foreach=False), False),
    ("sgd_varying_lr", {"type": "sgd", "lr": 0.1},
     lambda p: torch.optim.SGD(p, lr=0.1, foreach=False), True),
    ("momentum_default", {"type": "momentum", "lr": 0.1, "momentum": 0.9},
     lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, foreach=False), False),
    ("momentum_varying_lr", {"type": "momentum", "lr": 0.05, "momentum": 0.5},
     lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.5, foreach=False), True),
    ("nesterov_default", {"type": "nesterov", "lr": 0.1, "momentum": 0.9},
     lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, foreach=False), False),
    ("nesterov_varying_lr", {"type": "nesterov", "lr": 0.03, "momentum": 0.7},
     lambda p: torch.optim.SGD(p, lr=0.03, momentum=0.7, nesterov=True, foreach=False), True),
    ("adagrad_default", {"type": "adagrad", "lr": 0.01, "eps": 1e-10},
     lambda p: torch.optim.Adagrad(p, lr=0.01, eps=1e-10, foreach=False), False),
    ("adagrad_custom", {"type": "adagrad", "lr": 0.5, "eps": 1e-3},
     lambda p: torch.optim.Adagrad(p, lr=0.5, eps=1e-3, foreach=False), True),
    ("rmsprop_default", {"type": "rmsprop", "lr": 0.01, "rho": 0.99, "eps": 1e-8},
     lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.99, eps=1e-8, foreach=False), False),
    ("rmsprop_custom", {"type": "rmsprop", "lr": 0.002, "rho": 0.9, "eps": 1e-4},
     lambda p: torch.optim.RMSprop(p, lr=0.002, alpha=0.9, eps=1e-4, foreach=False), True),
    ("adam_default", {"type": "adam", "lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
     lambda p: torch.optim.Adam(p, lr=0.001, foreach=False), False),
    ("adam_custom", {"type": "adam", "lr": 0.1, "beta1": 0.8, "beta2": 0.95, "eps": 1e-4},
     lambda p: torch.optim.Adam(p, lr=0.1, betas=(0.8, 0.95), eps=1e-4, foreach=False), True),
    ("adamw_default", {"type": "adamw", "lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
                       "weight_decay": 0.01},
     lambda p: torch.optim.AdamW(p, lr=0.001, foreach=False), False),
    ("adamw_custom", {"type": "adamw", "lr": 0.05, "beta1": 0.85, "beta2": 0.99, "eps": 1e-6,
                      "weight_decay": 0.3},
     lambda p: torch.optim.AdamW(p, lr=0.05, betas=(0.85, 0.99), eps=1e-6, weight_decay=0.3,
                                 foreach=False), True),
]


def matrix(t):
    return t.tolist()


def run_case(spec, make, varying):
    w = W0.clone().requires_grad_(True)
    b = B0.clone().requires_grad_(True)
    opt = make([w, b])
    lrs, steps = [], []
    for step, (gw, gb) in enumerate(GRADS):
        lr = spec["lr"] * (VARYING_LR[step] if varying else 1.0)
        for group in opt.param_groups:
            group["lr"] = lr
        w.grad, b.grad = gw.clone(), gb.clone()
        opt.step()
        lrs.append(lr)
        steps.append({"W": matrix(w.detach()), "b": matrix(b.detach())})
    return {"lrs": lrs, "steps": steps}


def schedules(base_lr=0.1, epochs=10):
    """The lr of each epoch, read before the epoch runs, scheduler.step() after it."""
    made = {
        "step": ({"type": "step", "every": 3, "factor": 0.5},
                 lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
        "exponential": ({"type": "exponential", "gamma": 0.9},
                        lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9)),
        "cosine": ({"type": "cosine"},
                   lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=epochs, eta_min=0)),
    }
    out = []
    for name, (spec, make) in made.items():
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
        sched = make(opt)
        lrs = []
        for _ in range(epochs):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        out.append({"name": name, "schedule": spec, "base_lr": base_lr, "epochs": epochs, "lrs": lrs})
    return out


def clipping():
    """clip_grad_norm_ on W and b with the first gradient, for thresholds above, near and below its norm."""
    gw, gb = GRADS[0]
    norm = math.sqrt(float((gw ** 2).sum() + (gb ** 2).sum()))
    out = []
    for max_norm in [10 * norm, norm, 0.5 * norm, 1e-3]:
        w = torch.zeros(3, 2, dtype=torch.float64, requires_grad=True)
        b = torch.zeros(1, 2, dtype=torch.float64, requires_grad=True)
        w.grad, b.grad = gw.clone(), gb.clone()
        total = torch.nn.utils.clip_grad_norm_([w, b], max_norm)
        out.append({"max_norm": max_norm, "norm": float(total),
                    "after": {"W": matrix(w.grad), "b": matrix(b.grad)}})
    return out


def main():
    fixture = {
        "generator": "scripts/make-optimizer-fixtures.py",
        "torch": torch.__version__,
        "initial": {"W": matrix(W0), "b": matrix(B0)},
        "gradients": [{"W": matrix(gw), "b": matrix(gb)} for gw, gb in GRADS],
        "cases": [dict(name=name, optimizer=spec, **run_case(spec, make, varying))
                  for name, spec, make, varying in CASES],
        "schedules": schedules(),
        "clipping": clipping(),
    }
    text = json.dumps(fixture, indent=1)
    # one innermost list (a matrix row, a list of lrs) per line; floats keep repr's round-trip digits
    text = re.sub(r"\[\s+([^\[\]{}]+?)\s+\]",
                  lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    with open(OUT, "w") as f:
        f.write(text + "\n")
    print(f"wrote {OUT}: {len(CASES)} optimizer cases, torch {torch.__version__}")


if __name__ == "__main__":
    main()
