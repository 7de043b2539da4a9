"""Plots scripts/depth-sweep's results.csv: top-1 against depth per objective (an analogue of the
paper's Figure 4), and the final MAE reconstruction loss against depth.
Usage: python plot-depth-sweep.py results.csv out.png  (needs matplotlib; depth-sweep installs it)."""

import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

rows = list(csv.DictReader(open(sys.argv[1])))
acc, mae_loss, widths = defaultdict(lambda: defaultdict(list)), defaultdict(list), {}
for r in rows:
    d = int(r["depth"])
    widths[d] = r["width"]
    acc[r["objective"]][d].append(100 * float(r["accuracy"]))
    if r["pretrain_loss"]:
        mae_loss[d].append(float(r["pretrain_loss"]))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
labels = {"vit-scratch": "ViT from scratch", "mae-finetune": "MAE pre-train + fine-tune"}
for obj, by_depth in acc.items():
    ds = sorted(by_depth)
    mean = [sum(by_depth[d]) / len(by_depth[d]) for d in ds]
    line, = ax1.plot(ds, mean, "o-", label=labels.get(obj, obj))
    for d in ds:  # every seed as a faint dot, so the spread is visible
        ax1.plot([d] * len(by_depth[d]), by_depth[d], ".", color=line.get_color(), alpha=0.4)
ds = sorted(widths)
ticks = [f"{d}\nx{widths[d]}" for d in ds]
for ax in (ax1, ax2):
    ax.set_xscale("log", base=2)
    ax.set_xticks(ds, ticks)
    ax.minorticks_off()
    ax.set_xlabel("depth x width (equal FLOPs)")
    ax.grid(alpha=0.3)
ax1.set_ylabel("top-1 (%)")
ax1.set_title("Validation accuracy")
ax1.legend()
if mae_loss:
    md = sorted(mae_loss)
    ax2.plot(md, [sum(mae_loss[d]) / len(mae_loss[d]) for d in md], "o-", color="C1")
ax2.set_ylabel("loss (mean of last 10 steps)")
ax2.set_title("Final MAE reconstruction loss")
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
