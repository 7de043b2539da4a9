//! The loaders' resize against Pillow's `Image.resize(BILINEAR, box=...)` (what torchvision's
//! Resize and RandomResizedCrop run on PIL images), on the images, boxes and sizes of
//! tests/fixtures/resize/pil.json (scripts/parity/make_resize_fixtures.py): downscales, an
//! upscale, fractional boxes, RGB and grey.
//!
//! Bamboo resamples in f32 (vertical pass first, no rounding between the passes) and rounds
//! once at the end. Pillow's 8-bit path uses 22-bit fixed-point weights and rounds to 8 bits
//! between its horizontal and vertical passes, so the two 8-bit results may differ by one gray
//! level where a value lies near a half; Pillow's float ('F') path has no intermediate rounding
//! and is compared to bamboo's unrounded values.

use std::path::PathBuf;

use bamboo::data::augment::{resample_normalize, resample_u8, CropBox, Layout};
use bamboo::data::image::Image;
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/resize/pil.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e))).unwrap();
    v["cases"].as_array().unwrap().clone()
}

fn n(v: &Value) -> usize {
    v.as_u64().unwrap() as usize
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()
}

/// The case's source image, box, output size.
fn setup(c: &Value) -> (Image, CropBox, usize, usize) {
    let data: Vec<u8> = numbers(&c["pixels"]).iter().map(|&x| x as u8).collect();
    let img = Image { width: n(&c["width"]), height: n(&c["height"]), channels: n(&c["channels"]), data };
    let b = &c["box"];
    let f = |k: &str| b[k].as_f64().unwrap();
    (img, CropBox { x: f("x"), y: f("y"), w: f("w"), h: f("h") }, n(&c["out_width"]), n(&c["out_height"]))
}

/// Bamboo always writes 3 channels (grey replicated); Pillow's grey output has one.
fn channels_of(rgb: &[f64], channels: usize) -> Vec<f64> {
    if channels == 3 {
        rgb.to_vec()
    } else {
        rgb.iter().step_by(3).copied().collect()
    }
}

/// Largest |got - want| and where.
fn worst(got: &[f64], want: &[f64]) -> (f64, usize) {
    assert_eq!(got.len(), want.len());
    got.iter().zip(want).map(|(g, w)| (g - w).abs()).enumerate().fold((0.0, 0), |m, (i, e)| if e > m.0 { (e, i) } else { m })
}

/// Unrounded values (0..255 scale) against Pillow's float path. Both accumulate in floating
/// point from the same weights; f32 leaves errors near 255 x 1e-7 per rounding.
#[test]
fn bilinear_resize_matches_pil_in_float() {
    for c in cases() {
        let (img, bx, w, h) = setup(&c);
        let mut out = vec![0f32; 3 * w * h];
        // mean 0, std 1: the output is the resampled value / 255.
        resample_normalize(&img, bx, w, h, false, [0.0; 3], [1.0; 3], Layout::Nhwc, &mut out, &mut vec![]);
        let got: Vec<f64> = out.iter().map(|&v| v as f64 * 255.0).collect();
        let want = numbers(&c["bilinear_f32"]);
        let (err, at) = worst(&channels_of(&got, img.channels), &want);
        assert!(err <= 1e-3, "{}: max abs error {:.2e} gray levels at {} against PIL's float bilinear", c["name"], err, at);
    }
}

/// 8-bit output: exactly Pillow's float result rounded (where that result is not within 1e-3 of
/// a half), and at most one gray level from Pillow's own 8-bit resize (Pillow rounds to 8 bits
/// between its passes: its 8-bit result is up to 0.86 from its float one on these images).
#[test]
fn bilinear_resize_matches_pil_in_8_bits() {
    for c in cases() {
        let (img, bx, w, h) = setup(&c);
        let out = resample_u8(&img, bx, w, h, false, &mut vec![]);
        let got: Vec<f64> = out.data.iter().map(|&v| v as f64).collect();
        let got = channels_of(&got, img.channels);
        let exact = numbers(&c["bilinear_f32"]);
        for (i, (g, x)) in got.iter().zip(&exact).enumerate() {
            let near_half = (x - x.floor() - 0.5).abs() < 1e-3;
            assert!(near_half || *g == (x + 0.5).floor(), "{}: pixel {} is {}, PIL's float resize {} rounds otherwise", c["name"], i, g, x);
        }
        let (err, at) = worst(&got, &numbers(&c["bilinear_u8"]));
        assert!(err <= 1.0, "{}: {} gray levels apart at {} from PIL's 8-bit bilinear", c["name"], err, at);
    }
}
