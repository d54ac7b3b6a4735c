#!/usr/bin/env python3
"""Reference values for deepgrid's search maths (deepgrid.run.grid.search), from SciPy and mpmath.

Writes src/test/resources/fixtures/search.json, read by TruncNormTest, ParzenEstimatorTest,
QmcTest and ConfirmationTest. Nothing here imports deepgrid's code or Optuna: every value
is computed independently, mostly at 50 significant digits with mpmath (so far-tail log
masses, where a double-precision difference of CDFs is 0, have true reference values), and
cross-checked against SciPy's float64 routines where SciPy is accurate.

Sections:
  log_ndtr       log Φ(a) over the three regimes (a > 6, -20 < a <= 6, a <= -20)
  log_mass       log(Φ(b) - Φ(a)), including both far tails and straddling intervals
  ndtri_exp      x with log Φ(x) = y
  ppf            quantiles of the standard normal truncated to [a, b], tails included
  logpdf         log density of the truncated standard normal
  parzen         the design's worked example (domain [0, 1], below {0.2, 0.5, 0.9}) and
                 a step, a log-int, a categorical and a two-dimensional estimator, each as
                 kernel parameters written out from design §4 and log densities summed
                 with scipy.stats.truncnorm
  weights        Optuna's default_weights for m = 1, 24, 25, 26, 30
  sobol          the first 17 points of the unscrambled 5-dimensional Sobol sequence (SciPy)
  confirm        mean, std, 95% CI (Student t) and paired t-test p values (scipy.stats)
  ped_anova      PED-ANOVA importances of 40 made-up trials, written out from Optuna's
                 evaluator (quantile filter, grid counts, Scott-bandwidth Parzen estimators,
                 Pearson divergence) with scipy.stats.truncnorm for the kernel masses

Usage (Debian: apt-get install python3-scipy python3-mpmath):
    python3 scripts/make-search-fixtures.py [output.json]
"""
import json
import math
import sys

import mpmath
import numpy as np
from scipy import special, stats
from scipy.stats import qmc

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/search.json"
mpmath.mp.dps = 50


def mp_phi(x):
    return mpmath.ncdf(mpmath.mpf(x))


def mp_log_phi(a):
    # right of 0, Φ(a) = 1 - Φ(-a) holds more digits than 50 decimal places of Φ(a) itself
    return mpmath.log1p(-mp_phi(-a)) if a > 0 else mpmath.log(mp_phi(a))


def mp_mass(a, b):
    # mirror intervals right of 0 into the left tail, where Φ is tiny and keeps its digits
    return mp_phi(-a) - mp_phi(-b) if a > 0 else mp_phi(b) - mp_phi(a)


def mp_log_mass(a, b):
    return float(mpmath.log(mp_mass(a, b)))


def mp_ppf(q, a, b):
    if a > 0:  # mirror: the q-quantile on [a, b] is minus the (1 - q)-quantile on [-b, -a]
        return -mp_ppf(1 - q, -b, -a)
    target = mp_phi(a) + mpmath.mpf(q) * (mp_phi(b) - mp_phi(a))
    # bisection on Φ(x) = target: slow but certain at 50 digits
    lo, hi = mpmath.mpf(a), mpmath.mpf(b)
    for _ in range(200):
        mid = (lo + hi) / 2
        if mp_phi(mid) < target:
            lo = mid
        else:
            hi = mid
    return float((lo + hi) / 2)


def close(x, y, rel):
    return abs(x - y) <= rel * max(abs(x), abs(y), 1e-300)


LOG_NDTR_POINTS = [-60.0, -38.0, -25.0, -20.5, -20.0, -19.9, -10.0, -5.0, -1.0, -0.5, 0.0,
                   0.5, 1.0, 5.0, 6.0, 6.1, 8.0, 10.0, 30.0]
log_ndtr = []
for a in LOG_NDTR_POINTS:
    ref = float(mp_log_phi(a))
    assert close(ref, float(special.log_ndtr(a)), 1e-13) or abs(ref) < 1e-300, a
    log_ndtr.append({"a": a, "log_phi": ref})

MASS_INTERVALS = [
    (-1.0, 1.0), (-0.2, 0.3), (0.1, 0.2), (-3.0, -2.9), (2.9, 3.0),
    (8.0, 9.0),          # right tail: Φ(9) - Φ(8) = 1 - 1 in float64
    (8.0, 8.5), (12.0, 40.0), (30.0, 31.0),
    (-40.0, -39.0), (-50.0, -38.0), (-38.5, -38.4), (-9.0, -8.0),
    (-100.0, 100.0), (-1e-8, 1e-8), (0.0, 1e-3), (-6.5, 7.5),
]
log_mass = []
for a, b in MASS_INTERVALS:
    naive = stats.norm.cdf(b) - stats.norm.cdf(a)
    log_mass.append({"a": a, "b": b, "log_mass": mp_log_mass(a, b),
                     "naive_difference": float(naive)})

NDTRI_EXP_POINTS = [-1000.0, -300.0, -50.0, -10.0, -2.0, -0.6931471805599453, -0.1, -1e-2,
                    -1e-3, -1e-8, -1e-15]
ndtri_exp = []
for y in NDTRI_EXP_POINTS:
    ref = float(special.ndtri_exp(y))
    # check SciPy against mpmath: Φ(x) must be e^y
    assert close(float(mp_log_phi(ref)), y, 1e-10), y
    ndtri_exp.append({"y": y, "x": ref})

PPF_CASES = [
    (0.5, -1.0, 1.0), (0.1, -1.0, 1.0), (0.9, -2.0, 0.5), (0.3, 0.0, 3.0), (0.7, 0.5, 4.0),
    (0.25, -0.3, 0.2), (0.5, 8.0, 9.0), (0.01, 8.0, 9.0), (0.99, 8.0, 9.0), (0.5, -9.0, -8.0),
    (0.5, 30.0, 31.0), (0.2, -40.0, -39.0), (0.8, -40.0, -39.0), (0.5, -100.0, 100.0),
    (1e-6, -2.0, 2.0), (0.999999, -2.0, 2.0), (0.4, 5.5, 6.5),
]
ppf = []
for q, a, b in PPF_CASES:
    ppf.append({"q": q, "a": a, "b": b, "x": mp_ppf(q, a, b)})

LOGPDF_CASES = [(0.0, -1.0, 1.0), (0.5, -1.0, 1.0), (8.2, 8.0, 9.0), (-39.5, -40.0, -39.0),
                (2.0, -0.5, 3.0), (30.5, 30.0, 31.0)]
logpdf = []
for x, a, b in LOGPDF_CASES:
    ref = float(-mpmath.mpf(x) ** 2 / 2 - mpmath.log(mpmath.sqrt(2 * mpmath.pi))
                - mpmath.log(mp_mass(a, b)))
    logpdf.append({"x": x, "a": a, "b": b, "logpdf": ref})


# ---- Parzen estimators, written out from design §4 ------------------------------------------

def bandwidths(mus, low, high):
    """σ per observation: neighbour gaps in [low, μ(1..m), high], end kernels ignore the edges
    when m >= 2, clipped to [(high - low) / min(100, m + 2), high - low]."""
    m = len(mus)
    order = sorted(range(m), key=lambda i: mus[i])
    s = [low] + [mus[i] for i in order] + [high]
    sig = [max(s[k + 1] - s[k], s[k + 2] - s[k + 1]) for k in range(m)]
    if m >= 2:
        sig[0] = s[2] - s[1]
        sig[-1] = s[-2] - s[-3]
    lo_clip, hi_clip = (high - low) / min(100.0, m + 2), high - low
    out = [0.0] * m
    for k, i in enumerate(order):
        out[i] = min(max(sig[k], lo_clip), hi_clip)
    return out


def default_weights(m):
    if m == 0:
        return []
    if m < 25:
        return [1.0] * m
    return list(np.linspace(1.0 / m, 1.0, m - 25)) + [1.0] * 25


def mixture_weights(m):
    w = default_weights(m) + [1.0]
    t = sum(w)
    return [x / t for x in w]


def numeric_kernels(obs, low, high):
    sig = bandwidths(obs, low, high)
    return list(obs) + [(low + high) / 2], sig + [high - low]


def continuous_logpdf(x, mus, sigmas, low, high):
    return [float(stats.truncnorm.logpdf(x, (low - m) / s, (high - m) / s, loc=m, scale=s))
            for m, s in zip(mus, sigmas)]


def discrete_log_prob(cell_lo, cell_hi, mus, sigmas, low, high):
    out = []
    for m, s in zip(mus, sigmas):
        a, b = (low - m) / s, (high - m) / s
        mass = stats.truncnorm.cdf(cell_hi, a, b, loc=m, scale=s) - stats.truncnorm.cdf(cell_lo, a, b, loc=m, scale=s)
        out.append(float(np.log(mass)))
    return out


def logsumexp(values):
    return float(special.logsumexp(values))


parzen = {}

# 1. the worked example of design §4: continuous [0, 1], below {0.2, 0.5, 0.9}
obs = [0.2, 0.5, 0.9]
mus, sig = numeric_kernels(obs, 0.0, 1.0)
w = mixture_weights(len(obs))
xs = [0.0, 0.1, 0.35, 0.5, 0.77, 1.0]
parzen["worked"] = {
    "low": 0.0, "high": 1.0, "observations": obs, "mus": mus, "sigmas": sig, "weights": w,
    "points": [{"x": x, "log_pdf": logsumexp([math.log(wk) + lp for wk, lp in
                                               zip(w, continuous_logpdf(x, mus, sig, 0.0, 1.0))])}
               for x in xs],
}

# 2. a float with step 0.25 on [0, 2]: widened domain [-0.125, 2.125], masses of the cells
obs = [0.25, 0.5, 0.5, 1.75]
step, low, high = 0.25, 0.0, 2.0
wl, wh = low - step / 2, high + step / 2
mus, sig = numeric_kernels(obs, wl, wh)
w = mixture_weights(len(obs))
values = [low + k * step for k in range(9)]
parzen["step"] = {
    "low": low, "high": high, "step": step, "observations": obs, "mus": mus, "sigmas": sig,
    "points": [{"x": v, "log_pdf": logsumexp([math.log(wk) + lp for wk, lp in
                                               zip(w, discrete_log_prob(v - step / 2, v + step / 2, mus, sig, wl, wh))])}
               for v in values],
}

# 3. an int on [1, 1024] with log: domain [log 0.5, log 1024.5], cell of v is [log(v - 1/2), log(v + 1/2)]
obs = [4, 16, 16, 700, 3]
low, high = 1, 1024
tl, th = math.log(low - 0.5), math.log(high + 0.5)
mus, sig = numeric_kernels([math.log(v) for v in obs], tl, th)
w = mixture_weights(len(obs))
parzen["log_int"] = {
    "low": low, "high": high, "observations": obs, "mus": mus, "sigmas": sig,
    "points": [{"x": v, "log_pdf": logsumexp([math.log(wk) + lp for wk, lp in
                                               zip(w, discrete_log_prob(math.log(v - 0.5), math.log(v + 0.5), mus, sig, tl, th))])}
               for v in [1, 2, 3, 16, 17, 500, 1000, 1024]],
}

# 4. a continuous log float on [1e-5, 1e-1]
obs = [1e-3, 2e-3, 5e-2]
low, high = 1e-5, 1e-1
tl, th = math.log(low), math.log(high)
mus, sig = numeric_kernels([math.log(v) for v in obs], tl, th)
w = mixture_weights(len(obs))
parzen["log_float"] = {
    "low": low, "high": high, "observations": obs, "mus": mus, "sigmas": sig,
    "points": [{"x": v, "log_pdf": logsumexp([math.log(wk) + lp for wk, lp in
                                               zip(w, continuous_logpdf(math.log(v), mus, sig, tl, th))])}
               for v in [1e-5, 3e-4, 1e-3, 0.05, 0.1]],
}


def categorical_kernels(obs, n_choices):
    m = len(obs)
    rows = []
    for o in obs:
        row = [1.0 / (m + 1)] * n_choices
        row[o] += 1
        t = sum(row)
        rows.append([v / t for v in row])
    rows.append([1.0 / n_choices] * n_choices)
    return rows


# 5. a choice of 3 options, observations [0, 2, 2]
obs = [0, 2, 2]
rows = categorical_kernels(obs, 3)
w = mixture_weights(len(obs))
parzen["categorical"] = {
    "choices": 3, "observations": obs, "kernels": rows,
    "points": [{"x": c, "log_pdf": math.log(sum(wk * r[c] for wk, r in zip(w, rows)))} for c in range(3)],
}

# 6. two dimensions, one kernel weight per observation: (float [0, 1], choice of 3)
obs = [(0.2, 0), (0.5, 2), (0.9, 2)]
mus, sig = numeric_kernels([o[0] for o in obs], 0.0, 1.0)
rows = categorical_kernels([o[1] for o in obs], 3)
w = mixture_weights(len(obs))
pts = []
for x, c in [(0.35, 2), (0.35, 0), (0.95, 1), (0.0, 2)]:
    lps = continuous_logpdf(x, mus, sig, 0.0, 1.0)
    pts.append({"x": [x, c], "log_pdf": logsumexp([math.log(wk) + lp + math.log(r[c])
                                                    for wk, lp, r in zip(w, lps, rows)])})
parzen["two_dims"] = {"observations": [list(o) for o in obs], "points": pts}

# 7. thirty observations on [0, 1]: the ramp of weights (m >= 25)
rng = np.random.RandomState(3)
obs = [float(v) for v in rng.uniform(0, 1, 30)]
mus, sig = numeric_kernels(obs, 0.0, 1.0)
w = mixture_weights(len(obs))
parzen["thirty"] = {
    "observations": obs, "mus": mus, "sigmas": sig, "weights": w,
    "points": [{"x": x, "log_pdf": logsumexp([math.log(wk) + lp for wk, lp in
                                               zip(w, continuous_logpdf(x, mus, sig, 0.0, 1.0))])}
               for x in [0.05, 0.5, 0.93]],
}

weights = {str(m): default_weights(m) for m in [1, 24, 25, 26, 30]}

sobol = qmc.Sobol(d=5, scramble=False).random_base2(5)[:17].tolist()  # 32 points, the first 17 kept

# ---- confirmation statistics --------------------------------------------------------------
CONFIRM = {  # trial -> objective per confirmation seed (same seeds for every trial)
    "7": [0.861, 0.874, 0.858, 0.869, 0.871],
    "12": [0.852, 0.866, 0.861, 0.858, 0.860],
    "0": [0.840, 0.851, 0.838, 0.849, 0.842],
}
confirm = {}
for t, v in CONFIRM.items():
    x = np.array(v)
    n = len(x)
    mean, std = float(x.mean()), float(x.std(ddof=1))
    half = float(stats.t.ppf(0.975, n - 1) * std / math.sqrt(n))
    row = {"mean": mean, "std": std, "ci95_low": mean - half, "ci95_high": mean + half}
    for other, key in [("7", "best"), ("0", "baseline")]:
        if t != other:
            y = np.array(CONFIRM[other])
            row["difference_" + key] = float((x - y).mean())
            row["p_" + key] = float(stats.ttest_rel(x, y).pvalue)
    confirm[t] = row


# ---- PED-ANOVA ----------------------------------------------------------------------------
def ped_grid(kind, low, high, log, step):
    n_steps = 50
    if kind == "int" and log:
        n_steps = min(int(np.ceil(np.log(high - low + 1) / np.log(2))) + 1, n_steps)
    elif step is not None:
        n_steps = min(round((high - low) / step) + 1, n_steps)
    f = np.log if log else np.asarray
    return np.linspace(f(low), f(high), n_steps), f


def ped_counts_numeric(values, spec):
    grids, f = ped_grid(*spec)
    h = grids[1] - grids[0]
    idx = np.searchsorted(grids, f(np.asarray(values, dtype=float)) - h / 2)
    counts = np.zeros(grids.size)
    for i in idx:
        counts[i] += 1
    return counts


def ped_pdf_numeric(counts):
    n_steps = counts.size
    nz = counts > 0
    mus = np.arange(n_steps)[nz].astype(float)
    c = counts[nz]
    n = c.sum()
    mean = mus @ (c / n)
    std = math.sqrt(((mus - mean) ** 2) @ c / max(1, n - 1))
    cum = np.cumsum(c)
    i25 = np.searchsorted(cum, n // 4, side="left")
    i75 = np.searchsorted(cum, n * 3 // 4, side="right")
    iqr = mus[min(mus.size - 1, i75)] - mus[i25]
    sigma = max(1.059 * min(iqr / 1.34, std) * n ** (-0.2), 0.5 / 1.64)
    mu_all = list(mus) + [0.5 * (n_steps - 1)]
    sig_all = [sigma] * mus.size + [float(n_steps)]
    w = np.array(list(c) + [1.0])
    w = w / w.sum()
    pdf = np.zeros(n_steps)
    for wk, m, s_ in zip(w, mu_all, sig_all):
        a, b = (-0.5 - m) / s_, (n_steps - 0.5 - m) / s_
        for x in range(n_steps):
            pdf[x] += wk * (stats.truncnorm.cdf(x + 0.5, a, b, loc=m, scale=s_)
                            - stats.truncnorm.cdf(x - 0.5, a, b, loc=m, scale=s_))
    return pdf


def ped_pdf_categorical(counts):
    k = counts.size
    nz = np.nonzero(counts > 0)[0]
    m = nz.size
    rows = []
    for o in nz:
        row = np.full(k, 1.0 / (m + 1))
        row[o] += 1
        rows.append(row / row.sum())
    rows.append(np.full(k, 1.0 / k))
    w = np.array(list(counts[nz]) + [1.0])
    w = w / w.sum()
    return sum(wk * r for wk, r in zip(w, rows))


rng = np.random.RandomState(7)
PED_N = 40
ped_params = {
    "lr": [float(v) for v in np.exp(rng.uniform(np.log(1e-4), np.log(1e-1), PED_N))],
    "width": [int(v) for v in rng.randint(8, 257, PED_N)],
    "act": [int(v) for v in rng.randint(0, 3, PED_N)],
}
ped_objective = [0.9 - 0.05 * (math.log10(lr) + 2.5) ** 2 + 0.001 * (w % 7) + 0.01 * a
                 for lr, w, a in zip(ped_params["lr"], ped_params["width"], ped_params["act"])]
loss = -np.array(ped_objective)  # maximising
cut = max(np.partition(loss, 1)[1], np.partition(loss, int(np.ceil(0.1 * PED_N)) - 1)[int(np.ceil(0.1 * PED_N)) - 1])
top = loss <= cut
specs = {"lr": ("float", 1e-4, 1e-1, True, None), "width": ("int", 8, 256, False, 1)}
raw = {}
for name in ["lr", "width", "act"]:
    vals = np.array(ped_params[name])
    if name == "act":
        ct = np.bincount(vals[top], minlength=3).astype(float)
        ca = np.bincount(vals, minlength=3).astype(float)
        pt, pa = ped_pdf_categorical(ct) + 1e-12, ped_pdf_categorical(ca) + 1e-12
    else:
        pt = ped_pdf_numeric(ped_counts_numeric(vals[top], specs[name])) + 1e-12
        pa = ped_pdf_numeric(ped_counts_numeric(vals, specs[name])) + 1e-12
    raw[name] = float(pa @ ((pt / pa - 1) ** 2))
total = sum(raw.values())
ped_anova = {"params": ped_params, "objective": ped_objective, "top": [bool(t) for t in top],
             "importance": {k: v / total for k, v in raw.items()}}

with open(OUT, "w") as f:
    json.dump({"log_ndtr": log_ndtr, "log_mass": log_mass, "ndtri_exp": ndtri_exp, "ppf": ppf,
               "logpdf": logpdf, "parzen": parzen, "weights": weights, "sobol": sobol,
               "confirm_values": CONFIRM, "confirm": confirm, "ped_anova": ped_anova}, f, indent=1)
    f.write("\n")
print("wrote", OUT)
