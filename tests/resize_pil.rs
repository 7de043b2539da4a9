//! The loaders' resize against Pillow's `Image.resize(BILINEAR | BICUBIC, box=...)` (what
//! torchvision's Resize and RandomResizedCrop run on PIL images), on the images, boxes and sizes of
//! tests/fixtures/resize/pil.json (scripts/parity/make_resize_fixtures.py): downscales, an
//! upscale, fractional boxes, RGB and grey.
//!
//! Bamboo resamples in f32 (vertical pass first, no rounding between the passes) and rounds
//! once at the end. Pillow's 8-bit path uses 22-bit fixed-point weights and rounds to 8 bits
//! between its horizontal and vertical passes, so the two 8-bit results may differ by one gray
//! level where a value lies near a half; Pillow's float ('F') path has no intermediate rounding
//! and is compared to bamboo's unrounded values.
//!
//! Bicubic overshoots, and Pillow's 8-bit path clips to 0..255 after its first (horizontal) pass
//! as well as at the end; bamboo clamps once, at the end, as Pillow's float result clamped to
//! 8-bit range would be. Where that intermediate clip bites, Pillow's 8-bit bicubic lies more than
//! a level from its own float result.

use std::path::PathBuf;

use bamboo::data::augment::{resample_normalize, resample_u8, CropBox, Filter, Layout, Normalization, Resample};
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

/// Unrounded values (0..255 scale) of `filter` against Pillow's float path (`key`), clamped to
/// 0..255 as an 8-bit image is. Both accumulate in floating point from the same weights; f32
/// leaves errors near 255 x 1e-7 per rounding (measured: at most 6.9e-5 gray levels).
fn matches_pil_in_float(filter: Filter, key: &str) {
    for c in cases() {
        let (img, bx, w, h) = setup(&c);
        let mut out = vec![0f32; 3 * w * h];
        // mean 0, std 1: the output is the resampled value / 255.
        let r = Resample { bx, filter, out_w: w, out_h: h, flip: false };
        resample_normalize(&img, r, Normalization { mean: [0.0; 3], std: [1.0; 3], layout: Layout::Nhwc }, &mut out, &mut vec![]);
        let got: Vec<f64> = out.iter().map(|&v| v as f64 * 255.0).collect();
        let want: Vec<f64> = numbers(&c[key]).iter().map(|v| v.clamp(0.0, 255.0)).collect();
        let (err, at) = worst(&channels_of(&got, img.channels), &want);
        eprintln!("{} {}: max abs error {:.2e}", key, c["name"], err);
        assert!(err <= 1e-4, "{}: max abs error {:.2e} gray levels at {} against PIL's {}", c["name"], err, at, key);
    }
}

/// 8-bit output of `filter`: exactly Pillow's float result (`float_key`) clamped and rounded
/// (where that result is not within 1e-3 of a half), and at most one gray level from Pillow's
/// own 8-bit resize (`u8_key`) wherever Pillow's 8-bit result is itself within a level of its
/// float one (Pillow rounds to 8 bits between its passes, and bicubic also clips there).
/// Returns how many pixels were exempt from the second check, and how many there were.
fn matches_pil_in_8_bits(filter: Filter, float_key: &str, u8_key: &str) -> (usize, usize) {
    let (mut exempt, mut total) = (0, 0);
    for c in cases() {
        let (img, bx, w, h) = setup(&c);
        let out = resample_u8(&img, Resample { bx, filter, out_w: w, out_h: h, flip: false }, &mut vec![]);
        let got: Vec<f64> = out.data.iter().map(|&v| v as f64).collect();
        let got = channels_of(&got, img.channels);
        let exact: Vec<f64> = numbers(&c[float_key]).iter().map(|v| v.clamp(0.0, 255.0)).collect();
        let pil = numbers(&c[u8_key]);
        for (i, ((g, x), p)) in got.iter().zip(&exact).zip(&pil).enumerate() {
            let near_half = (x - x.floor() - 0.5).abs() < 1e-3;
            assert!(near_half || *g == (x + 0.5).floor(), "{}: pixel {} is {}, PIL's float resize {} rounds otherwise", c["name"], i, g, x);
            if (p - x).abs() > 1.0 {
                exempt += 1;
                continue;
            }
            assert!(
                (g - p).abs() <= 1.0,
                "{}: pixel {} is {}, {} gray levels from PIL's 8-bit {} ({})",
                c["name"],
                i,
                g,
                (g - p).abs(),
                u8_key,
                p
            );
        }
        total += got.len();
    }
    (exempt, total)
}

#[test]
fn bilinear_resize_matches_pil_in_float() {
    matches_pil_in_float(Filter::Bilinear, "bilinear_f32");
}

/// Pillow's 8-bit bilinear is up to 0.86 from its float result on these images: no pixel is exempt.
#[test]
fn bilinear_resize_matches_pil_in_8_bits() {
    assert_eq!(matches_pil_in_8_bits(Filter::Bilinear, "bilinear_f32", "bilinear_u8").0, 0);
}

#[test]
fn bicubic_resize_matches_pil_in_float() {
    matches_pil_in_float(Filter::Bicubic, "bicubic_f32");
}

/// Pillow's intermediate clip and rounding put 12 of its 1,776 8-bit bicubic pixels here more
/// than a level from its float result (by up to 4.2): those are exempt from the one-level check.
#[test]
fn bicubic_resize_matches_pil_in_8_bits() {
    let (exempt, total) = matches_pil_in_8_bits(Filter::Bicubic, "bicubic_f32", "bicubic_u8");
    eprintln!("{} of {} pixels: Pillow's 8-bit bicubic more than a level from its float result", exempt, total);
}
