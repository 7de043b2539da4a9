#!/usr/bin/env python3
"""Write tests/fixtures/resize/pil.json: PIL's Image.resize on a few small images.

Run `scripts/parity/setup` first, then `.venv-parity/bin/python scripts/parity/make_resize_fixtures.py`.
Deterministic; takes well under a second.

Reference: Pillow's `Image.resize(size, BILINEAR, box=...)`, the resize torchvision's Resize and
RandomResizedCrop call on PIL images (antialiased: the triangle filter's support grows with the
downscale factor). Each case resizes a box of an 8-bit image (RGB or grey), in two modes:
  'RGB' / 'L'   8-bit, as the data loaders see it; Pillow computes in fixed point (22-bit
                weights) and rounds to 8 bits between its horizontal and vertical passes
  'F'           each channel converted to 32-bit float first: the same filter without any
                intermediate rounding (float accumulation in double per pass)
The same two modes with BICUBIC (Pillow's cubic convolution, a = -0.5, support 2 widened by the
downscale factor): the paper's (MAE's) transforms use bicubic. Pillow's 8-bit bicubic also clips
to 0..255 between its passes.
"""

import json
from pathlib import Path

import numpy as np
import PIL
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "resize"


def image(w, h, channels, seed):
    """A smooth gradient plus a few sharp edges and noise: every tap weight shows."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    planes = []
    for c in range(channels):
        v = 128 + 90 * np.sin(x / (2.5 + c) + y / 4.0) + 40 * ((x + 2 * y + 5 * c) % 7 < 3) + rng.normal(0, 12, (h, w))
        planes.append(v)
    arr = np.clip(np.stack(planes, -1), 0, 255).round().astype(np.uint8)
    return arr if channels == 3 else arr[..., 0]


def resize_f(arr, size, box, resample):
    """Each channel as mode 'F', resized; float32 [h, w, c]."""
    chans = [arr] if arr.ndim == 2 else [arr[..., c] for c in range(arr.shape[2])]
    outs = [np.asarray(Image.fromarray(c.astype(np.float32), mode="F").resize(size, resample, box=box)) for c in chans]
    return np.stack(outs, -1)


CASES = [
    # name, (width, height, channels), output (w, h), box (x0, y0, x1, y1) in source pixels
    ("downscale_rgb", (37, 29, 3), (16, 16), (0.0, 0.0, 37.0, 29.0)),
    ("fractional_box_rgb", (37, 29, 3), (12, 12), (3.5, 2.25, 24.0, 20.0)),
    ("upscale_grey", (9, 7, 1), (20, 16), (0.0, 0.0, 9.0, 7.0)),
    # bamboo's eval crop of a 40 x 30 image (center_crop, ratio 0.875): side 26.25 at (6.875, 1.875)
    ("center_crop_grey", (40, 30, 1), (16, 16), (6.875, 1.875, 33.125, 28.125)),
]


def main():
    cases = []
    for i, (name, (w, h, c), size, box) in enumerate(CASES):
        arr = image(w, h, c, seed=i)
        im = Image.fromarray(arr, mode="RGB" if c == 3 else "L")
        u8 = np.asarray(im.resize(size, Image.BILINEAR, box=box))
        cubic = np.asarray(im.resize(size, Image.BICUBIC, box=box))
        f = resize_f(arr, size, box, Image.BILINEAR)
        cf = resize_f(arr, size, box, Image.BICUBIC)
        gap = np.abs(u8.astype(np.float64) - f.reshape(u8.shape)).max()
        cgap = np.abs(cubic.astype(np.float64) - np.clip(cf.reshape(cubic.shape), 0, 255)).max()
        print(f"{name}: 8-bit vs float bilinear max {gap:.3f}, bicubic max {cgap:.3f}; bilinear vs bicubic max "
              f"{np.abs(u8.astype(int) - cubic.astype(int)).max()} gray levels")
        cases.append({
            "name": name, "width": w, "height": h, "channels": c, "out_width": size[0], "out_height": size[1],
            "box": {"x": box[0], "y": box[1], "w": box[2] - box[0], "h": box[3] - box[1]},
            "pixels": arr.reshape(-1).tolist(),
            "bilinear_u8": u8.reshape(-1).tolist(),
            "bilinear_f32": [float(str(np.float32(v))) for v in f.reshape(-1)],
            "bicubic_u8": cubic.reshape(-1).tolist(),
            "bicubic_f32": [float(str(np.float32(v))) for v in cf.reshape(-1)],
        })
    fixture = {
        "reference": "PIL.Image.resize(size, BILINEAR | BICUBIC, box=(x0, y0, x1, y1))",
        "versions": {"pillow": PIL.__version__, "numpy": np.__version__},
        "layout": "row-major, channels interleaved (HWC); grey images have one channel",
        "cases": cases,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "pil.json"
    path.write_text(json.dumps(fixture) + "\n")
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
