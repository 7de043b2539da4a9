#!/usr/bin/env python3
"""Write tests/fixtures/finetune/objectives.json: timm's Mixup / CutMix and fine-tuning losses.

Run `scripts/parity/setup` first, then `.venv-parity/bin/python scripts/parity/make_finetune_fixtures.py`.
Deterministic (fixed seeds); takes about a second.

References (timm 1.0.22):
  mix cases   timm.data.Mixup in 'batch' mode (mix_prob 1, correct_lam True) on a [4, 3, 6, 8]
              batch (non-square: rows and columns cannot be swapped unseen), 5 classes, label
              smoothing 0.1. Its random draws (np.random.beta for lam, np.random.randint for the
              CutMix box centre) are recorded, so bamboo can be fed the same choices.
  losses      timm.loss.LabelSmoothingCrossEntropy(0.1) on hard labels, and
              timm.loss.SoftTargetCrossEntropy on each mix case's targets; value and gradient
              with respect to the logits, in float64 from float32 logits.

Inputs (images, logits) are float32 values written exactly; timm's outputs are float32 (mixed
images, targets) or float64 (losses, gradients), written to 12 significant digits.
"""

import json
from pathlib import Path

import numpy as np
import timm
import torch
from timm.data import Mixup
from timm.loss import LabelSmoothingCrossEntropy, SoftTargetCrossEntropy

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "finetune"
B, C, H, W, K = 4, 3, 6, 8, 5
SMOOTHING = 0.1


def f32(t):
    """float32 values as the shortest decimals that parse back to the same float32."""
    return [float(str(np.float32(v))) for v in t.detach().reshape(-1).tolist()]


def f64(t):
    return [float(f"{v:.12g}") for v in t.detach().double().reshape(-1).tolist()]


class Recorder:
    """Wraps np.random.beta / randint to record what timm drew."""

    def __init__(self):
        self.beta, self.randint = [], []

    def __enter__(self):
        self._beta, self._randint = np.random.beta, np.random.randint

        def beta(*a, **k):
            v = self._beta(*a, **k)
            self.beta.append(float(v))
            return v

        def randint(*a, **k):
            v = self._randint(*a, **k)
            self.randint.append(int(v))
            return v

        np.random.beta, np.random.randint = beta, randint
        return self

    def __exit__(self, *exc):
        np.random.beta, np.random.randint = self._beta, self._randint


def mix_case(name, images, labels, seed, mixup_alpha, cutmix_alpha):
    mixer = Mixup(mixup_alpha=mixup_alpha, cutmix_alpha=cutmix_alpha, label_smoothing=SMOOTHING, num_classes=K)
    np.random.seed(seed)
    x = images.clone()
    with Recorder() as r:
        x, targets = mixer(x, labels.clone())
    assert len(r.beta) == 1, r.beta
    lam = r.beta[0]
    case = {"name": name, "seed": seed, "lam": lam, "images": f32(x), "targets": f32(targets)}
    if cutmix_alpha > 0:
        cy, cx = r.randint
        ratio = np.sqrt(1 - lam)
        ch, cw = int(H * ratio), int(W * ratio)
        box = [int(np.clip(cy - ch // 2, 0, H)), int(np.clip(cy + ch // 2, 0, H)),
               int(np.clip(cx - cw // 2, 0, W)), int(np.clip(cx + cw // 2, 0, W))]
        case.update(kind="cutmix", cy=cy, cx=cx, box=box,
                    lam_corrected=1 - (box[1] - box[0]) * (box[3] - box[2]) / (H * W))
        # Cross-check: the pixels outside the box are untouched, inside come from flip(0).
        y0, y1, x0, x1 = box
        want = images.clone()
        want[:, :, y0:y1, x0:x1] = images.flip(0)[:, :, y0:y1, x0:x1]
        assert torch.equal(want, x)
    else:
        assert not r.randint
        case.update(kind="mixup")
    return case


def main():
    torch.manual_seed(0)
    images = torch.randn(B, C, H, W)
    labels = torch.tensor([3, 0, 4, 3])  # example 0 and 3 share a class: its target stays one-hot
    # The first seeds (in order) that give a visible Mixup (lam in 0.2..0.8), a CutMix box away
    # from the edges, and a CutMix box clipped by an edge (lam corrected).
    mixup = next(c for c in (mix_case("mixup", images, labels, s, 0.8, 0.0) for s in range(100))
                 if 0.2 < c["lam"] < 0.8)
    cases = [mixup]
    inside = clipped = None
    for seed in range(100):
        c = mix_case(f"cutmix_{seed}", images, labels, seed, 0.0, 1.0)
        ratio = np.sqrt(1 - c["lam"])
        full = (int(H * ratio) // 2 * 2) * (int(W * ratio) // 2 * 2)
        y0, y1, x0, x1 = c["box"]
        area = (y1 - y0) * (x1 - x0)
        if area == full and area > 0 and min(y0, x0) > 0 and y1 < H and x1 < W and inside is None:
            inside = c
        if 0 < area < full and clipped is None:
            clipped = c
        if inside and clipped:
            break
    inside["name"], clipped["name"] = "cutmix_inside", "cutmix_clipped"
    cases += [inside, clipped]

    g = torch.Generator().manual_seed(5)
    logits32 = (2 * torch.randn(B, K, generator=g)).float()
    losses = []
    x = logits32.double().requires_grad_(True)
    loss = LabelSmoothingCrossEntropy(SMOOTHING)(x, labels)
    (grad,) = torch.autograd.grad(loss, x)
    torch_ls = torch.nn.functional.cross_entropy(x, labels, label_smoothing=SMOOTHING)
    assert abs(torch_ls.item() - loss.item()) < 1e-12
    losses.append({"name": "label_smoothing", "loss": float(f"{loss.item():.12g}"), "grad": f64(grad)})
    soft = SoftTargetCrossEntropy()
    for c in cases:
        t = torch.tensor(c["targets"], dtype=torch.float64).reshape(B, K)
        x = logits32.double().requires_grad_(True)
        loss = soft(x, t)
        (grad,) = torch.autograd.grad(loss, x)
        losses.append({"name": f"soft_target_{c['name']}", "targets_of": c["name"],
                       "loss": float(f"{loss.item():.12g}"), "grad": f64(grad)})

    fixture = {
        "reference": "timm.data.Mixup, timm.loss.LabelSmoothingCrossEntropy, timm.loss.SoftTargetCrossEntropy",
        "versions": {"timm": timm.__version__, "torch": torch.__version__, "numpy": np.__version__},
        "dims": [B, C, H, W], "classes": K, "label_smoothing": SMOOTHING,
        "images": f32(images), "labels": labels.tolist(), "logits": f32(logits32),
        "mix": cases, "losses": losses,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "objectives.json"
    path.write_text(json.dumps(fixture) + "\n")
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e3:.0f} kB; "
          f"cases {[(c['name'], round(c['lam'], 4), c.get('box')) for c in cases]}")


if __name__ == "__main__":
    main()
