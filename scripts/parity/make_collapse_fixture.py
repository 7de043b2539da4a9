#!/usr/bin/env python3
"""Write tests/fixtures/collapse/: token-collapse metrics computed by PyTorch (torch.linalg.svdvals
in float64), the reference for bamboo's effective rank, residual to the mean token and top
singular values.

Run `scripts/parity/setup` first, then `.venv-parity/bin/python scripts/parity/make_collapse_fixture.py`
(deterministic; a few seconds, most of them importing torch).

Two sources of token matrices H (T tokens x D channels, one per example and block):
  - timm's ViT of tests/fixtures/vit/ (its block outputs `hidden_states.1..L` on its two
    images, written by make_fixtures.py): bamboo must reach the same numbers through
    `analyze smoothing` on those weights and images, with the class token (`all`) and without
    it (`patches`);
  - random hidden states `[L, B, T, D]` with a shared direction whose weight falls with the
    block (from spread tokens to nearly collapsed ones), one with T < D and one with T > D
    (hidden.safetensors), fed to bamboo's metric code directly.

Per block, each averaged over the examples:
  effective_rank  exp(-sum_i p_i ln p_i), p_i = s_i / sum_j s_j (Roy and Vetterli, 2007)
  rel_residual    ||H - 1 mean(H)||_F / ||H||_F, the mean over tokens
  top_singular    the 8 largest singular values, raw (not normalised), zeros past min(T, D)
"""

import json
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

ROOT = Path(__file__).resolve().parents[2]
VIT = ROOT / "tests" / "fixtures" / "vit"
OUT = ROOT / "tests" / "fixtures" / "collapse"
TOP = 8


def metrics(h):
    """h: [L, B, T, D] (any float type) -> per-block means over B, computed in float64."""
    h = h.double()
    s = torch.linalg.svdvals(h)  # [L, B, min(T, D)], descending
    p = s / s.sum(-1, keepdim=True)
    erank = torch.exp(torch.special.entr(p).sum(-1))  # entr(0) = 0
    centred = h - h.mean(dim=2, keepdim=True)
    resid = torch.linalg.vector_norm(centred, dim=(2, 3)) / torch.linalg.vector_norm(h, dim=(2, 3))
    k = min(TOP, s.shape[-1])
    top = torch.zeros(s.shape[0], s.shape[1], TOP, dtype=torch.float64)
    top[..., :k] = s[..., :k]
    return {
        "effective_rank": erank.mean(1).tolist(),
        "rel_residual": resid.mean(1).tolist(),
        "top_singular": top.mean(1).tolist(),
    }


def planted(layers, batch, tokens, width, g):
    """Tokens c_t * u_l + spread_l * noise: the shared direction u_l dominates deeper blocks."""
    spread = torch.tensor([1.0, 0.3, 0.02])[:layers]
    u = torch.randn(layers, 1, 1, width, generator=g)
    c = 1 + torch.rand(layers, batch, tokens, 1, generator=g)
    noise = torch.randn(layers, batch, tokens, width, generator=g)
    return (c * u + spread.view(-1, 1, 1, 1) * noise).float().contiguous()


def main():
    torch.manual_seed(0)
    OUT.mkdir(parents=True, exist_ok=True)
    outputs = load_file(str(VIT / "outputs.safetensors"))
    depth = json.loads((VIT / "config.json").read_text())["bamboo"]["encoder"]["depth"]
    # hidden_states.0 is the embedding; 1..depth are the block outputs analyze measures.
    vit = torch.stack([outputs[f"hidden_states.{i}"] for i in range(1, depth + 1)])  # [L, B, 1 + P, D]

    g = torch.Generator().manual_seed(2007)
    hidden = {"wide": planted(3, 2, 6, 10, g), "tall": planted(3, 2, 12, 5, g)}
    save_file(hidden, str(OUT / "hidden.safetensors"))

    ref = {
        "notes": "per block, means over examples, of torch.linalg.svdvals (float64) metrics: vit_patches / vit_all "
                 "from tests/fixtures/vit hidden_states.1.. without / with the class token; wide, tall from "
                 "hidden.safetensors. top_singular: raw singular values, zeros past min(T, D)",
        "top": TOP,
        "vit_patches": metrics(vit[:, :, 1:]),
        "vit_all": metrics(vit),
        **{name: metrics(h) for name, h in hidden.items()},
        "shapes": {"vit": list(vit.shape), **{n: list(h.shape) for n, h in hidden.items()}},
        "versions": {"torch": torch.__version__},
    }
    (OUT / "reference.json").write_text(json.dumps(ref, indent=1) + "\n")
    for k in ("vit_patches", "vit_all", "wide", "tall"):
        print(k, "effective rank", [round(v, 4) for v in ref[k]["effective_rank"]],
              "residual", [round(v, 4) for v in ref[k]["rel_residual"]])
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
