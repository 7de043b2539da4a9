#!/usr/bin/env python3
"""Write the optimizer and schedule fixtures in tests/fixtures/optim/ from independent references.

Run `scripts/parity/setup` first, then `.venv-parity/bin/python scripts/parity/make_optim_fixtures.py`.
Deterministic; takes about a second.

References, all in float64:
  AdamW, SGD      torch.optim.AdamW / torch.optim.SGD, one parameter group per tensor (its weight
                  decay and layer-wise lr scale), gradients clipped by torch.nn.utils.clip_grad_norm_
  LAMB            numpy, from You et al. 2019 ("Large Batch Optimization for Deep Learning"),
                  Algorithm 2 with phi = identity
  LARS            numpy, from You et al. 2017 ("Large Batch Training of Convolutional Networks"),
                  Algorithm 1; biases and norms (the no-decay group) take plain momentum SGD, as
                  in the LARS of SimCLR, MoCo v3 and MAE's linear probe
  layer decay     numpy, the BEiT / MAE rule (util/lr_decay.py): cls_token, pos_embed, patch_embed
                  are layer 0, blocks.i is layer i + 1, the rest is layer L + 1; scale
                  decay ** (L + 1 - layer)
  weight decay    MAE's groups: none on 1-d tensors (biases, norms) and on pos_embed / cls_token
  clipping        torch's global-norm rule: coef = min(1, max_norm / (norm + 1e-6))
  schedules       the formulas below, cross-checked against Hugging Face's schedulers where both
                  define the rate

Stacked block parameters (`blocks.*.x`, leading dim = depth) are separate tensors in every
reference (`blocks.0.x`, `blocks.1.x`), as in the PyTorch models; the fixtures store them
stacked again, as bamboo holds them.

Each <case>.json holds the hyperparameters in bamboo's terms, the initial parameters (and, for a
case that starts at `start_step` > 0, the optimizer state it resumes from), and per
step the gradients fed, the learning rate, the global gradient norm (before clipping) and every
parameter and optimizer state tensor after the step. Inputs are float32 values (written exactly);
results are float64, written to 12 significant digits. schedules.json holds learning rates of
several schedules at every step of a range that covers their boundaries.
"""

import json
import math
from pathlib import Path

import numpy as np

try:
    import torch
except ImportError:  # the torch cases need it; the numpy ones do not
    torch = None

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "optim"
DEPTH = 2
STEPS = 3

# (bamboo name, shape): embeddings at layer 0, a stacked block weight and norm (layers 1, 2), the
# final norm and head (layer L + 1). head.bias starts at zero: the trust ratios' zero-norm case.
PARAMS = [
    ("cls_token", [1, 1, 4]),
    ("pos_embed", [1, 3, 4]),
    ("patch_embed.proj.weight", [4, 3]),
    ("patch_embed.proj.bias", [4]),
    ("blocks.*.attn.qkv.weight", [DEPTH, 6, 4]),
    ("blocks.*.norm1.weight", [DEPTH, 4]),
    ("norm.weight", [4]),
    ("head.weight", [3, 4]),
    ("head.bias", [3]),
]

# Gradient scale per step: step 1's global norm stays under the clip threshold, the others exceed it.
GRAD_SCALE = [1.0, 0.05, 0.7]

CASES = {
    # BERT / ViT-like AdamW with layer decay and clipping.
    "adamw": dict(optimizer=dict(kind="adamw", beta1=0.9, beta2=0.999, eps=1e-8), weight_decay=0.05,
                  layer_decay=dict(depth=DEPTH, factor=0.75), clip=1.0,
                  schedule=dict(kind="warmup_cosine", lr=0.05, warmup=2, total=4, min_lr=1e-3)),
    # A large eps makes its placement (outside the square root, after bias correction) visible.
    "adamw_eps": dict(optimizer=dict(kind="adamw", beta1=0.8, beta2=0.95, eps=1e-2), weight_decay=0.1,
                      layer_decay=None, clip=None, schedule=dict(kind="warmup_linear", lr=0.02, warmup=1, total=4)),
    "lamb": dict(optimizer=dict(kind="lamb", beta1=0.9, beta2=0.999, eps=1e-6), weight_decay=0.1,
                 layer_decay=dict(depth=DEPTH, factor=0.8), clip=1.0,
                 schedule=dict(kind="warmup_linear", lr=0.05, warmup=2, total=5)),
    "sgd": dict(optimizer=dict(kind="sgd", momentum=0.9), weight_decay=0.05, layer_decay=dict(depth=DEPTH, factor=0.65),
                clip=1.0, schedule=dict(kind="warmup_cosine", lr=0.1, warmup=1, total=4, min_lr=0.0)),
    # Late steps from a given state: beta1^t underflows to 0 and beta2^t is far below 1 (the
    # bias corrections' other regimes), and the schedule is past its end (min_lr).
    "adamw_late": dict(optimizer=dict(kind="adamw", beta1=0.9, beta2=0.999, eps=1e-8), weight_decay=0.05,
                       layer_decay=dict(depth=DEPTH, factor=0.75), clip=1.0, start_step=9998,
                       schedule=dict(kind="warmup_cosine", lr=0.05, warmup=100, total=5000, min_lr=2e-3)),
    "lars": dict(optimizer=dict(kind="lars", momentum=0.9, trust=0.01, eps=1e-8), weight_decay=0.05,
                 layer_decay=None, clip=None, schedule=dict(kind="warmup_cosine", lr=0.5, warmup=1, total=4, min_lr=0.0)),
}

SCHEDULES = [
    (dict(kind="warmup_cosine", lr=0.1, warmup=5, total=20, min_lr=1e-3), 26),
    (dict(kind="warmup_cosine", lr=0.1, warmup=0, total=10, min_lr=0.0), 13),
    (dict(kind="warmup_linear", lr=0.1, warmup=3, total=10), 14),
    (dict(kind="warmup_linear", lr=0.1, warmup=0, total=5), 8),
    (dict(kind="constant", lr=0.1), 3),
]


# ---- schedules -------------------------------------------------------------------------------


def schedule_lr(s, kind, lr, warmup=0, total=0, min_lr=0.0):
    """The rate of 0-based step `s`. Warmup rises linearly and reaches `lr` at the last warmup
    step (step s uses (s + 1) / warmup: no step is spent at rate 0); after it the cosine or linear
    decay runs from `lr` at step `warmup` to `min_lr` (cosine) or 0 (linear) at step `total`, and
    stays there."""
    if kind == "constant":
        return lr
    if s < warmup:
        return lr * (s + 1) / warmup
    span = max(total - warmup, 1)
    if kind == "warmup_cosine":
        p = min((s - warmup) / span, 1.0)
        return min_lr + (lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * p))
    if kind == "warmup_linear":
        return lr * max((total - s) / span, 0.0)
    raise ValueError(kind)


def cross_check_with_hf(sched, n):
    """After warmup and up to `total`, the decay must be Hugging Face's (which has no min_lr and
    starts its warmup at rate 0, one step behind ours)."""
    try:
        from transformers import get_cosine_schedule_with_warmup, get_linear_schedule_with_warmup
    except ImportError:
        return
    if sched["kind"] == "constant" or sched.get("min_lr", 0.0) != 0.0:
        return
    make = get_cosine_schedule_with_warmup if sched["kind"] == "warmup_cosine" else get_linear_schedule_with_warmup
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=sched["lr"])
    lam = make(opt, sched["warmup"], sched["total"]).lr_lambdas[0]
    for s in range(sched["warmup"], min(n, sched["total"] + 1)):
        assert abs(sched["lr"] * lam(s) - schedule_lr(s, **sched)) < 1e-12, (sched, s)


# ---- parameter groups ------------------------------------------------------------------------


def unstacked(name, value):
    """The reference's tensors: one per block for stacked parameters."""
    if "*" in name:
        return [(name.replace("*", str(i)), value[i]) for i in range(value.shape[0])]
    return [(name, value)]


def layer_id(name, depth):
    """MAE's get_layer_id_for_vit."""
    if name in ("cls_token", "pos_embed") or name.startswith("patch_embed"):
        return 0
    if name.startswith("blocks."):
        return int(name.split(".")[1]) + 1
    return depth + 1


def no_decay(name, value):
    return value.ndim == 1 or name in ("pos_embed", "cls_token")


def group_of(name, value, case):
    """(weight decay, lr scale) of one reference tensor: MAE's param_groups_lrd."""
    wd = 0.0 if no_decay(name, value) else case["weight_decay"]
    ld = case["layer_decay"]
    scale = 1.0 if ld is None else ld["factor"] ** (ld["depth"] + 1 - layer_id(name, ld["depth"]))
    return wd, scale


# ---- optimizers ------------------------------------------------------------------------------


def clip_coef(grads, max_norm):
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in grads.values()))
    return norm, (1.0 if max_norm is None else min(1.0, max_norm / (norm + 1e-6)))


def run_torch(case, params, grads_per_step, state0):
    o = case["optimizer"]
    start = case.get("start_step", 0)
    ts = {n: torch.tensor(v, dtype=torch.float64, requires_grad=True) for n, v in params.items()}
    groups = []
    for n, t in ts.items():
        wd, scale = group_of(n, params[n], case)
        groups.append(dict(params=[t], weight_decay=wd, lr_scale=scale, name=n))
    if o["kind"] == "adamw":
        opt = torch.optim.AdamW(groups, lr=0.0, betas=(o["beta1"], o["beta2"]), eps=o["eps"], foreach=False)
        slots = ["exp_avg", "exp_avg_sq"]
    else:
        opt = torch.optim.SGD(groups, lr=0.0, momentum=o["momentum"], nesterov=False, foreach=False)
        slots = ["momentum_buffer"]
    if start:
        # Resume as from a checkpoint: torch counts steps taken, bamboo's 0-based counter is the same.
        for n, t in ts.items():
            opt.state[t] = dict(step=torch.tensor(float(start)), **{s: torch.tensor(state0[s][n]) for s in slots})
    out = []
    for k, grads in enumerate(grads_per_step):
        step = start + k
        for n, t in ts.items():
            t.grad = torch.tensor(grads[n], dtype=torch.float64)
        if case["clip"] is None:
            norm = float(torch.sqrt(sum((t.grad ** 2).sum() for t in ts.values())))
        else:
            norm = float(torch.nn.utils.clip_grad_norm_(list(ts.values()), case["clip"]))
        lr = schedule_lr(step, **case["schedule"])
        for g in opt.param_groups:
            g["lr"] = lr * g["lr_scale"]
        opt.step()
        state = {s: {n: opt.state[t][s].detach().numpy().copy() for n, t in ts.items()} for s in slots}
        out.append(dict(lr=lr, grad_norm=norm, params={n: t.detach().numpy().copy() for n, t in ts.items()}, state=state))
    return out


def lamb_step(x, g, m, v, t, lr, wd, b1, b2, eps):
    """You et al. 2019, Algorithm 2 (phi = identity). The trust ratio is 1 when ||x|| or ||r + wd x||
    is 0 (the paper leaves 0/0 undefined; a zero-initialized bias must still move)."""
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    r = (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    u = r + wd * x
    xn, un = np.linalg.norm(x), np.linalg.norm(u)
    ratio = xn / un if xn > 0 and un > 0 else 1.0
    return x - lr * ratio * u, m, v


def lars_step(w, g, buf, lr, wd, momentum, trust, eps, adapt):
    """You et al. 2017, Algorithm 1: local lr = trust * ||w|| / (||g|| + wd ||w||), the momentum
    buffer accumulates local lr * (g + wd w). As in torch.optim.SGD, the global rate multiplies
    the buffer when it is applied (the paper folds it into the buffer; the two agree at a constant
    rate). eps guards the division; the local lr is 1 when ||w|| or the denominator is 0 (a
    zero-initialized bias must still move). Without `adapt` (biases, norms) the local lr is 1."""
    wn, gn = np.linalg.norm(w), np.linalg.norm(g)
    den = gn + wd * wn
    local = trust * wn / (den + eps) if adapt and wn > 0 and den > 0 else 1.0
    buf = momentum * buf + local * (g + wd * w)
    return w - lr * buf, buf


def run_numpy(case, params, grads_per_step):
    o = case["optimizer"]
    assert "start_step" not in case, "the numpy references start at step 0"
    slots = ["exp_avg", "exp_avg_sq"] if o["kind"] == "lamb" else ["momentum_buffer"]
    x = {n: v.copy() for n, v in params.items()}
    state = {s: {n: np.zeros_like(v) for n, v in params.items()} for s in slots}
    out = []
    for step, grads in enumerate(grads_per_step):
        norm, coef = clip_coef(grads, case["clip"])
        lr = schedule_lr(step, **case["schedule"])
        for n in x:
            wd, scale = group_of(n, params[n], case)
            g = grads[n] * coef
            if o["kind"] == "lamb":
                m, v = state["exp_avg"][n], state["exp_avg_sq"][n]
                x[n], state["exp_avg"][n], state["exp_avg_sq"][n] = lamb_step(
                    x[n], g, m, v, step + 1, lr * scale, wd, o["beta1"], o["beta2"], o["eps"])
            else:
                x[n], state["momentum_buffer"][n] = lars_step(
                    x[n], g, state["momentum_buffer"][n], lr * scale, wd, o["momentum"], o["trust"], o["eps"],
                    not no_decay(n, params[n]))
        out.append(dict(lr=lr, grad_norm=norm, params={n: v.copy() for n, v in x.items()},
                        state={s: {n: v.copy() for n, v in d.items()} for s, d in state.items()}))
    return out


# ---- fixtures --------------------------------------------------------------------------------


def f32_values(rng, shape, scale):
    return (rng.standard_normal(shape) * scale).astype(np.float32).astype(np.float64)


def restack(name, shape, flat):
    """Stacked bamboo tensor from the reference's per-block tensors."""
    if "*" in name:
        return np.stack([flat[name.replace("*", str(i))] for i in range(shape[0])])
    return flat[name]


def exact(v):
    return [float(x) for x in np.asarray(v, dtype=np.float64).ravel()]


def rounded(v):
    return [float(f"{x:.12g}") for x in np.asarray(v, dtype=np.float64).ravel()]


def make_case(name, case):
    rng = np.random.default_rng(sum(map(ord, name)))
    init = {n: (np.zeros(s) if n == "head.bias" else f32_values(rng, s, 1.0)) for n, s in PARAMS}
    grads = [{n: f32_values(rng, s, 0.3 * k) for n, s in PARAMS} for k in GRAD_SCALE]
    flat_init = {u: v for n, _ in PARAMS for u, v in unstacked(n, init[n])}
    flat_grads = [{u: v for n, _ in PARAMS for u, v in unstacked(n, g[n])} for g in grads]
    state0 = {}
    if case.get("start_step"):
        # Adam's moments: a signed mean and a positive second moment.
        m = {n: f32_values(rng, s, 0.1) for n, s in PARAMS}
        v = {n: (f32_values(rng, s, 0.1) ** 2).astype(np.float32).astype(np.float64) for n, s in PARAMS}
        state0 = dict(exp_avg=m, exp_avg_sq=v)
    flat_state0 = {slot: {u: x for n, _ in PARAMS for u, x in unstacked(n, d[n])} for slot, d in state0.items()}
    if case["optimizer"]["kind"] in ("adamw", "sgd"):
        ref, by = run_torch(case, flat_init, flat_grads, flat_state0), f"torch.optim ({torch.__version__}), float64"
    else:
        ref, by = run_numpy(case, flat_init, flat_grads), "numpy float64, from the paper"
    steps = []
    for k, r in enumerate(ref):
        steps.append(dict(
            grads={n: exact(grads[k][n]) for n, _ in PARAMS},
            lr=r["lr"],
            grad_norm=r["grad_norm"],
            params={n: rounded(restack(n, s, r["params"])) for n, s in PARAMS},
            state={slot: {n: rounded(restack(n, s, d)) for n, s in PARAMS} for slot, d in r["state"].items()},
        ))
    doc = dict(reference=by, **case, params=[dict(name=n, shape=s, values=exact(init[n])) for n, s in PARAMS], steps=steps)
    if state0:
        doc["state"] = {slot: {n: exact(d[n]) for n, _ in PARAMS} for slot, d in state0.items()}
    return doc


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    if torch is None:
        raise SystemExit("torch is needed for the AdamW and SGD references: run scripts/parity/setup")
    torch.set_default_dtype(torch.float64)
    for name, case in CASES.items():
        (OUT / f"{name}.json").write_text(json.dumps(make_case(name, case), separators=(",", ":")) + "\n")
    scheds = []
    for sched, n in SCHEDULES:
        cross_check_with_hf(sched, n)
        scheds.append(dict(schedule=sched, lr=[schedule_lr(s, **sched) for s in range(n)]))
    (OUT / "schedules.json").write_text(json.dumps(scheds, indent=1) + "\n")
    for p in sorted(OUT.iterdir()):
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size} bytes")


if __name__ == "__main__":
    main()
