//! RandAugment and random erasing (the fine-tuning recipe of the paper's Table 5) on real pixels:
//! Fashion-MNIST images from the embedded shards and a photo-like RGB image through a real JPEG
//! round trip. Each operation is checked against its defining property, not against stored output.

use std::path::Path;

use bamboo::data::augment::{Layout, Transform, IMAGENET_STD};
use bamboo::data::bench::synthetic_image;
use bamboo::data::erasing::RandomErasing;
use bamboo::data::image::{self, Image};
use bamboo::data::imagenet;
use bamboo::data::randaugment::geometry::{warp, Affine};
use bamboo::data::randaugment::{colour, Op, RandAugment, FILL};
use bamboo::data::rng::Rng;
use bamboo::data::tfrecord::RecordReader;
use bamboo::data::Example;

/// The first `n` images of the embedded Fashion-MNIST training shard, as RGB (grey replicated).
fn fashion(n: usize) -> Vec<Image> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/fashion-mnist-tfrecord/train-00000-of-00004");
    RecordReader::open(&p, true)
        .unwrap()
        .take(n)
        .map(|r| {
            let ex = Example::decode(&r.unwrap()).unwrap();
            let img = image::decode(imagenet::parse(&ex, 10).unwrap().0).unwrap();
            rgb(&img)
        })
        .collect()
}

fn rgb(img: &Image) -> Image {
    if img.channels == 3 {
        return img.clone();
    }
    Image { width: img.width, height: img.height, channels: 3, data: img.data.iter().flat_map(|&v| [v, v, v]).collect() }
}

/// A 64x48 photo-like colour image after a JPEG round trip (real compression noise).
fn photo() -> Image {
    let src = synthetic_image(64, 48, 7);
    image::decode(&image::encode_jpeg(&src, 90)).unwrap()
}

fn samples() -> Vec<Image> {
    let mut v = fashion(3);
    v.push(photo());
    v
}

fn channel(img: &Image, ch: usize) -> Vec<u8> {
    img.data.iter().skip(ch).step_by(img.channels).copied().collect()
}

#[test]
fn invert_twice_is_identity_and_once_complements() {
    for img in samples() {
        let mut a = img.clone();
        colour::invert(&mut a);
        assert!(a.data.iter().zip(&img.data).all(|(x, y)| *x as u16 + *y as u16 == 255));
        colour::invert(&mut a);
        assert_eq!(a, img);
    }
}

#[test]
fn posterize_keeps_the_top_bits() {
    for img in samples() {
        for bits in 0..=8u32 {
            let mut a = img.clone();
            colour::posterize(&mut a, bits);
            for (&o, &v) in a.data.iter().zip(&img.data) {
                // The kept bits are the input's; the dropped ones are zero.
                assert_eq!(o as u32 >> (8 - bits.min(8)), v as u32 >> (8 - bits.min(8)), "bits {}", bits);
                if bits < 8 {
                    assert_eq!(o as u32 & ((1 << (8 - bits)) - 1), 0, "bits {}", bits);
                }
            }
        }
        let mut a = img.clone();
        colour::posterize(&mut a, 8);
        assert_eq!(a, img);
    }
}

#[test]
fn solarize_inverts_only_at_or_above_the_threshold() {
    for img in samples() {
        for t in [0u32, 26, 128, 230, 256] {
            let mut a = img.clone();
            colour::solarize(&mut a, t);
            for (&o, &v) in a.data.iter().zip(&img.data) {
                assert_eq!(o, if v as u32 >= t { 255 - v } else { v }, "threshold {}", t);
            }
        }
        let mut a = img.clone();
        colour::solarize_add(&mut a, 99, 128);
        for (&o, &v) in a.data.iter().zip(&img.data) {
            assert_eq!(o as u32, if v < 128 { (v as u32 + 99).min(255) } else { v as u32 });
        }
    }
}

#[test]
fn auto_contrast_stretches_each_channel_to_the_full_range_monotonically() {
    // A low-contrast version of each sample: values squeezed into [60, 180).
    for img in samples() {
        let mut low = img.clone();
        low.data.iter_mut().for_each(|v| *v = 60 + *v / 2 - *v / 16);
        let mut a = low.clone();
        colour::auto_contrast(&mut a);
        for ch in 0..3 {
            let (before, after) = (channel(&low, ch), channel(&a, ch));
            assert_eq!((*after.iter().min().unwrap(), *after.iter().max().unwrap()), (0, 255));
            let mut pairs: Vec<(u8, u8)> = before.into_iter().zip(after).collect();
            pairs.sort();
            assert!(pairs.windows(2).all(|w| w[0].1 <= w[1].1), "order of values is kept");
        }
    }
    // A flat channel has nothing to stretch.
    let flat = Image { width: 5, height: 4, channels: 3, data: [10u8, 200, 77].repeat(20) };
    let mut a = flat.clone();
    colour::auto_contrast(&mut a);
    assert_eq!(a, flat);
}

/// The largest gap between the empirical CDF of channel 0 (share of pixels below each occupied
/// value) and the uniform one, and the largest single-value share (a spike cannot be split).
fn cdf_gap(im: &Image) -> (f64, f64) {
    let v = channel(im, 0);
    let n = v.len() as f64;
    let mut hist = [0usize; 256];
    v.iter().for_each(|&x| hist[x as usize] += 1);
    let (mut below, mut gap) = (0usize, 0f64);
    for (u, &h) in hist.iter().enumerate() {
        if h > 0 {
            gap = gap.max((below as f64 / n - u as f64 / 255.0).abs());
        }
        below += h;
    }
    (gap, *hist.iter().max().unwrap() as f64 / n)
}

#[test]
fn equalize_flattens_the_histogram() {
    // The photo's luminance squeezed into 48 grey levels, and real Fashion-MNIST images: after
    // equalize, the share of pixels below each value u is u/255 up to the largest spike.
    let p = photo();
    let grey: Vec<u8> = p.data.chunks_exact(3).map(|px| 64 + ((px[0] as u16 + px[1] as u16 + px[2] as u16) / 16) as u8).collect();
    let squeezed = Image { width: p.width, height: p.height, channels: 3, data: grey.iter().flat_map(|&v| [v, v, v]).collect() };
    let mut imgs = fashion(3);
    imgs.push(squeezed.clone());
    for img in imgs {
        let mut a = img.clone();
        colour::equalize(&mut a);
        let ((before, _), (after, spike)) = (cdf_gap(&img), cdf_gap(&a));
        assert!(after <= spike + 0.02, "CDF gap {} after equalize (largest spike {})", after, spike);
        assert!(after < before, "{} -> {}", before, after);
        let mut pairs: Vec<(u8, u8)> = channel(&img, 0).into_iter().zip(channel(&a, 0)).collect();
        pairs.sort();
        assert!(pairs.windows(2).all(|w| w[0].1 <= w[1].1), "monotone");
    }
    assert!(cdf_gap(&squeezed).0 > 0.2, "the squeezed photo starts far from flat");
    // A single-valued channel is left alone.
    let flat = Image { width: 4, height: 4, channels: 3, data: vec![90; 48] };
    let mut f = flat.clone();
    colour::equalize(&mut f);
    assert_eq!(f, flat);
}

#[test]
fn rotate_by_right_angles_permutes_pixels() {
    for img in fashion(2) {
        let n = img.width;
        assert_eq!(n, img.height, "Fashion-MNIST is square");
        let r = warp(&img, Affine::rotate(n, n, 90.0), FILL);
        // Counter-clockwise: output (row y, column x) shows input (row x, column n-1-y).
        for y in 0..n {
            for x in 0..n {
                assert_eq!(&r.data[(y * n + x) * 3..][..3], &img.data[(x * n + n - 1 - y) * 3..][..3], "({}, {})", x, y);
            }
        }
        let mut four = img.clone();
        for _ in 0..4 {
            four = warp(&four, Affine::rotate(n, n, 90.0), FILL);
        }
        assert_eq!(four, img);
    }
    // A known pixel: the top-right corner goes to the top-left.
    let mut img = Image { width: 6, height: 6, channels: 3, data: vec![0; 108] };
    img.data[5 * 3..][..3].copy_from_slice(&[255, 1, 2]);
    let r = warp(&img, Affine::rotate(6, 6, 90.0), FILL);
    assert_eq!(&r.data[..3], &[255, 1, 2]);
    assert_eq!(r.data.iter().filter(|&&v| v == 255).count(), 1);
}

#[test]
fn rotation_off_the_right_angles_fills_the_corners() {
    let img = photo();
    let r = warp(&img, Affine::rotate(img.width, img.height, 27.0), FILL);
    assert_eq!(&r.data[..3], &FILL, "the top-left corner comes from outside the image");
    let (cx, cy) = (img.width / 2, img.height / 2);
    let c = |im: &Image| im.data[(cy * img.width + cx) * 3] as i32;
    assert!((c(&r) - c(&img)).abs() <= 40, "the centre stays (up to interpolation of its neighbourhood)");
}

#[test]
fn translate_by_whole_pixels_shifts_exactly_and_fills_the_rest() {
    for img in samples() {
        let (w, h) = (img.width, img.height);
        let t = warp(&img, Affine::translate(5.0, -3.0), FILL);
        for y in 0..h {
            for x in 0..w {
                let got = &t.data[(y * w + x) * 3..][..3];
                let (sx, sy) = (x as i64 + 5, y as i64 - 3);
                if sx < w as i64 && sy >= 0 {
                    assert_eq!(got, &img.data[(sy as usize * w + sx as usize) * 3..][..3]);
                } else {
                    assert_eq!(got, &FILL);
                }
            }
        }
    }
}

#[test]
fn shear_keeps_rows_or_columns_of_a_striped_image() {
    // Each row one grey level: ShearX only moves pixels along rows, so every output pixel is its
    // row's value or the fill colour. Likewise columns for ShearY.
    let (w, h) = (40usize, 30usize);
    let rows = Image { width: w, height: h, channels: 3, data: (0..w * h).flat_map(|i| [(i / w * 8) as u8; 3]).collect() };
    let s = warp(&rows, Affine::shear_x(0.27), FILL);
    for (i, px) in s.data.chunks_exact(3).enumerate() {
        assert!(px == [(i / w * 8) as u8; 3] || px == FILL, "row {} got {:?}", i / w, px);
    }
    assert!(s.data.chunks_exact(3).any(|p| p == FILL), "a shear of 0.27 uncovers pixels");
    let cols = Image { width: w, height: h, channels: 3, data: (0..w * h).flat_map(|i| [(i % w * 6) as u8; 3]).collect() };
    let s = warp(&cols, Affine::shear_y(-0.27), FILL);
    for (i, px) in s.data.chunks_exact(3).enumerate() {
        assert!(px == [(i % w * 6) as u8; 3] || px == FILL, "column {} got {:?}", i % w, px);
    }
}

#[test]
fn enhancements_reach_their_degenerate_images_at_factor_zero() {
    for img in samples() {
        let mut b = img.clone();
        colour::brightness(&mut b, 0.0);
        assert!(b.data.iter().all(|&v| v == 0));
        let mut c = img.clone();
        colour::color(&mut c, 0.0);
        assert!(c.data.chunks_exact(3).all(|p| p[0] == p[1] && p[1] == p[2]), "no saturation left");
        let mut k = img.clone();
        colour::contrast(&mut k, 0.0);
        assert!(k.data.iter().all(|&v| v == k.data[0]), "a flat image");
        let mean = img.data.chunks_exact(3).map(|p| 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64).sum::<f64>()
            / (img.width * img.height) as f64;
        assert!((k.data[0] as f64 - mean).abs() <= 0.5, "at the mean luma {} vs {}", k.data[0], mean);
        // Sharpness: the border never changes; the inside is smoothed at 0 and sharpened above 1.
        let mut s0 = img.clone();
        colour::sharpness(&mut s0, 0.0);
        let mut s2 = img.clone();
        colour::sharpness(&mut s2, 1.9);
        let (w, h) = (img.width, img.height);
        let border = |x: usize, y: usize| x == 0 || y == 0 || x == w - 1 || y == h - 1;
        let lap = |im: &Image| {
            let mut t = 0f64;
            for y in 1..h - 1 {
                for x in 1..w - 1 {
                    let v = |dx: usize, dy: usize| im.data[((y + dy - 1) * w + x + dx - 1) * 3] as f64;
                    t += (4.0 * v(1, 1) - v(0, 1) - v(2, 1) - v(1, 0) - v(1, 2)).abs();
                }
            }
            t
        };
        for y in 0..h {
            for x in 0..w {
                if border(x, y) {
                    assert_eq!(s0.data[(y * w + x) * 3], img.data[(y * w + x) * 3]);
                }
            }
        }
        assert!(lap(&s0) < lap(&img) && lap(&img) < lap(&s2), "edge energy {} < {} < {}", lap(&s0), lap(&img), lap(&s2));
        // Factor 1 is the image itself, for all four.
        for f in [colour::brightness, colour::color, colour::contrast, colour::sharpness] {
            let mut x = img.clone();
            f(&mut x, 1.0);
            assert_eq!(x, img);
        }
    }
}

#[test]
fn magnitude_zero_is_identity_where_defined() {
    let identity_at_zero = [
        Op::Rotate,
        Op::Solarize,
        Op::SolarizeAdd,
        Op::Color,
        Op::Contrast,
        Op::Brightness,
        Op::Sharpness,
        Op::ShearX,
        Op::ShearY,
        Op::TranslateX,
        Op::TranslateY,
    ];
    for img in samples() {
        for op in identity_at_zero {
            for sign in [1.0, -1.0] {
                let mut a = img.clone();
                op.apply(&mut a, 0.0, sign, true);
                assert_eq!(a, img, "{:?} at magnitude 0", op);
            }
        }
        // Posterize at 0 keeps 4 bits (the increasing variant), not 8.
        let mut p = img.clone();
        Op::Posterize.apply(&mut p, 0.0, 1.0, true);
        assert!(p.data.iter().all(|v| v & 0x0f == 0));
        // The original enhancements are the identity in the middle of the scale (factor 1.0).
        for op in [Op::Color, Op::Contrast, Op::Brightness, Op::Sharpness] {
            let mut a = img.clone();
            op.apply(&mut a, 5.0, 1.0, false);
            assert_eq!(a, img, "{:?} (original) at magnitude 5", op);
        }
    }
}

#[test]
fn magnitude_sets_the_strength_and_sign_the_direction() {
    let img = photo();
    let mean = |im: &Image| im.data.iter().map(|&v| v as f64).sum::<f64>() / im.data.len() as f64;
    let (mut up, mut down) = (img.clone(), img.clone());
    Op::Brightness.apply(&mut up, 9.0, 1.0, true);
    Op::Brightness.apply(&mut down, 9.0, -1.0, true);
    assert!(mean(&down) < 0.25 * mean(&img) && mean(&up) > 1.3 * mean(&img), "{} {} {}", mean(&down), mean(&img), mean(&up));
    // Posterize increasing at 9 keeps one bit.
    let mut p = img.clone();
    Op::Posterize.apply(&mut p, 9.0, 1.0, true);
    assert!(p.data.iter().all(|&v| v == 0 || v == 128));
    // TranslateX at 10 moves by 45% of the width.
    let mut t = img.clone();
    Op::TranslateX.apply(&mut t, 10.0, 1.0, true);
    let filled = (0..img.width).filter(|&x| t.data[(img.height / 2 * img.width + x) * 3..][..3] == FILL).count();
    assert!((filled as f64 - 0.45 * img.width as f64).abs() <= 1.0, "{} of {} columns filled", filled, img.width);
}

#[test]
fn spec_parsing_accepts_timm_strings_and_names_bad_sections() {
    let t5 = RandAugment::table5();
    assert_eq!(RandAugment::parse("rand-m9-mstd0.5-inc1").unwrap(), Some(t5));
    assert_eq!(RandAugment::parse("m9-mstd0.5").unwrap(), Some(t5));
    assert_eq!(RandAugment::parse("none").unwrap(), None);
    let r = RandAugment::parse("rand-n3-m7-mstd101-inc0-p1").unwrap().unwrap();
    assert_eq!((r.num_ops, r.magnitude, r.increasing, r.prob), (3, 7.0, false, 1.0));
    assert!(r.magnitude_std.is_infinite());
    for ra in [t5, r] {
        assert_eq!(RandAugment::parse(&ra.spec()).unwrap(), Some(ra), "{}", ra.spec());
    }
    let e = RandAugment::parse("m9-q3").unwrap_err().to_string();
    assert!(e.contains("`q3`"), "{}", e);
    let e = RandAugment::parse("mx").unwrap_err().to_string();
    assert!(e.contains("`mx`"), "{}", e);
    assert!(RandAugment::parse("m9-p2").is_err());
}

#[test]
fn randaugment_is_deterministic_and_draws_as_configured() {
    let img = &fashion(1)[0];
    let ra = RandAugment::table5();
    let run = |seed: u64, i: u64| {
        let mut a = img.clone();
        let ops = ra.apply(&mut a, &mut Rng::derive(seed, &[3, 0, i]));
        (a, ops)
    };
    assert_eq!(run(5, 17), run(5, 17));
    let differ = (0..20).filter(|&i| run(5, i).0 != run(6, i).0).count();
    assert!(differ > 5, "other seeds augment differently ({} of 20)", differ);
    // Over many images: half the drawn ops apply, every op turns up, magnitudes ~ N(9, 0.5).
    let mut applied = Vec::new();
    for i in 0..3000u64 {
        let mut a = Image { width: 4, height: 4, channels: 3, data: vec![100; 48] };
        applied.extend(ra.apply(&mut a, &mut Rng::derive(1, &[3, 0, i])));
    }
    let per_image = applied.len() as f64 / 3000.0;
    assert!((per_image - 1.0).abs() < 0.05, "{} ops per image, expected 2 x 0.5", per_image);
    for op in Op::ALL {
        let n = applied.iter().filter(|(o, _)| *o == op).count();
        assert!((n as f64 - 200.0).abs() < 60.0, "{:?} applied {} times, expected about 200", op, n);
    }
    let ms: Vec<f64> = applied.iter().map(|a| a.1).collect();
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    let sd = (ms.iter().map(|m| (m - mean).powi(2)).sum::<f64>() / ms.len() as f64).sqrt();
    assert!(ms.iter().all(|&m| (0.0..=10.0).contains(&m)));
    assert!((mean - 9.0).abs() < 0.05 && (sd - 0.5).abs() < 0.05, "magnitude mean {} sd {}", mean, sd);
}

#[test]
fn random_erasing_draws_rectangles_in_range_and_fills_them_with_unit_noise() {
    let re = RandomErasing::table5();
    let size = 32;
    let (mut hits, mut noise) = (0, Vec::new());
    for i in 0..2000u64 {
        let base: Vec<f32> = (0..3 * size * size).map(|k| 10.0 + k as f32).collect();
        let mut out = base.clone();
        let r = re.apply(&mut out, size, Layout::Nchw, &mut Rng::derive(9, &[3, 0, i]));
        let Some(r) = r else {
            assert_eq!(out, base, "no rectangle, no change");
            continue;
        };
        hits += 1;
        let frac = (r.h * r.w) as f64 / (size * size) as f64;
        assert!(frac > 0.015 && frac < 0.36, "area {} of the image", frac);
        let aspect = r.h as f64 / r.w as f64;
        assert!(aspect > 0.2 && aspect < 5.0, "aspect {}", aspect);
        assert!(r.top + r.h <= size && r.left + r.w <= size);
        for ch in 0..3 {
            for y in 0..size {
                for x in 0..size {
                    let k = ch * size * size + y * size + x;
                    let inside = (r.top..r.top + r.h).contains(&y) && (r.left..r.left + r.w).contains(&x);
                    if inside {
                        noise.push(out[k] as f64);
                    } else {
                        assert_eq!(out[k], base[k]);
                    }
                }
            }
        }
    }
    assert!((hits as f64 / 2000.0 - 0.25).abs() < 0.03, "erased {} of 2000", hits);
    let mean = noise.iter().sum::<f64>() / noise.len() as f64;
    let sd = (noise.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / noise.len() as f64).sqrt();
    assert!(mean.abs() < 0.02 && (sd - 1.0).abs() < 0.02, "noise mean {} sd {}", mean, sd);
    // The same rectangle in either layout: NHWC erases the pixels NCHW does.
    let rng = || Rng::derive(9, &[3, 0, 4]);
    let (mut a, mut b) = (vec![0f32; 3 * size * size], vec![0f32; 3 * size * size]);
    let re1 = RandomErasing::with_prob(1.0);
    let ra = re1.apply(&mut a, size, Layout::Nchw, &mut rng()).unwrap();
    let rb = re1.apply(&mut b, size, Layout::Nhwc, &mut rng()).unwrap();
    assert_eq!(ra, rb);
    let touched = |v: &[f32]| v.iter().filter(|&&x| x != 0.0).count();
    assert_eq!(touched(&a), 3 * ra.h * ra.w);
    assert_eq!(touched(&b), 3 * rb.h * rb.w);
}

#[test]
fn finetune_transform_is_deterministic_and_matches_the_plain_crop_without_extras() {
    let img = photo();
    let s = 32;
    let apply = |t: Transform, seed: u64| {
        let mut out = vec![0f32; 3 * s * s];
        t.apply(&img, s, Layout::Nchw, &mut Rng::derive(seed, &[3, 2, 11]), &mut out, &mut Vec::new());
        out
    };
    let ft = Transform::finetune();
    assert_eq!(apply(ft, 1), apply(ft, 1));
    assert_ne!(apply(ft, 1), apply(ft, 2));
    // RandAugment with no operations only rounds the crop to 8 bits: within half a grey level of
    // the fused resample.
    let zero_ops = RandAugment { num_ops: 0, ..RandAugment::table5() };
    let a = apply(ft.with_extras(Some(zero_ops), None), 3);
    let b = apply(ft.with_extras(None, None), 3);
    let tol = 0.5 / (255.0 * IMAGENET_STD[1]) + 1e-5; // channel 1 has the smallest std
    let worst = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
    assert!(worst <= tol, "{} > {}", worst, tol);
    // With erasing certain, some outputs are no longer normalized 8-bit values.
    let e = apply(ft.with_extras(None, Some(RandomErasing::with_prob(1.0))), 3);
    let changed = e.iter().zip(&b).filter(|(x, y)| x != y).count();
    assert!(changed >= (0.02 * (3 * s * s) as f64) as usize, "{} values erased", changed);
}

#[test]
fn finetune_batches_from_the_loader_repeat_across_workers_and_resume() {
    use bamboo::data::{list_files, ImageLoader, ImageLoaderConfig, Position, StreamConfig};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/fashion-mnist-tfrecord");
    let mut stream = StreamConfig::new(list_files(&format!("{}/train-*", root.display())).unwrap());
    stream.seed = 3;
    stream.shuffle_buffer = 64;
    let mut cfg = ImageLoaderConfig::new(stream, 16, 28, Transform::finetune());
    cfg.num_classes = 10;
    cfg.layout = Layout::Nchw;
    let run = |workers: usize, start: Position, n: usize| {
        let mut c = cfg.clone();
        c.workers = workers;
        let mut l = ImageLoader::new(c, start).unwrap();
        (0..n).map(|_| l.next_batch().unwrap().unwrap().images).collect::<Vec<_>>()
    };
    let one = run(1, Position::default(), 4);
    assert_eq!(one, run(3, Position::default(), 4), "thread timing must not matter");
    assert_eq!(one[2..], run(2, Position { epoch: 0, step: 2 }, 2)[..], "a resumed run augments as before");
    // The augmentations show: without them the same positions give other pixels.
    let mut plain = cfg.clone();
    plain.transform = Transform::finetune().with_extras(None, None);
    let mut l = ImageLoader::new(plain, Position::default()).unwrap();
    assert_ne!(l.next_batch().unwrap().unwrap().images, one[0]);
}
