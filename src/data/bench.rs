//! Input-pipeline benchmarks (`bamboo data bench`): TFRecord read throughput with and without CRC
//! verification, and decode + RandomResizedCrop(224) + flip per core on generated 500x375 JPEGs,
//! with and without the fine-tuning recipe's RandAugment and random erasing.

use std::path::Path;
use std::time::Instant;

use super::augment::{Filter, Layout, Transform};
use super::error::{DataError, Result};
use super::example::Example;
use super::image::{self, Image};
use super::rng::Rng;
use super::tfrecord::{RecordReader, RecordWriter};

/// A photo-like test image: smooth gradients, a few discs and mild noise, so JPEG sizes and
/// decode costs resemble ImageNet's (about 110 KB at quality 90 for 500x375).
pub fn synthetic_image(w: usize, h: usize, seed: u64) -> Image {
    let mut rng = Rng::derive(seed, &[11]);
    let discs: Vec<(f64, f64, f64, [f64; 3])> = (0..6)
        .map(|_| {
            (
                rng.uniform(0.0, w as f64),
                rng.uniform(0.0, h as f64),
                rng.uniform(20.0, 120.0),
                [rng.uniform(0.0, 255.0), rng.uniform(0.0, 255.0), rng.uniform(0.0, 255.0)],
            )
        })
        .collect();
    let base = [rng.uniform(0.0, 255.0), rng.uniform(0.0, 255.0), rng.uniform(0.0, 255.0)];
    let mut data = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        for x in 0..w {
            let mut c = [base[0] * x as f64 / w as f64, base[1] * y as f64 / h as f64, base[2] * (1.0 - x as f64 / w as f64)];
            for (cx, cy, r, col) in &discs {
                if (x as f64 - cx).powi(2) + (y as f64 - cy).powi(2) < r * r {
                    c = *col;
                }
            }
            // Grain on luminance only: real photos carry little chroma detail.
            let n = (rng.next_u64() % 61) as f64 - 30.0;
            for v in c {
                data.push((v + n).clamp(0.0, 255.0) as u8);
            }
        }
    }
    Image { width: w, height: h, channels: 3, data }
}

pub struct Numbers {
    pub lines: Vec<String>,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The benchmarks `only` names (`tfrecord`, `image`, comma separated, or `all`), each line handed
/// to `show` as soon as it is measured; the decode benchmark on `images` images.
pub fn run_selected(dir: &Path, only: &str, images: usize, mut show: impl FnMut(&str)) -> Result<()> {
    let want = |k: &str| only == "all" || only.split(',').any(|x| x == k);
    if want("tfrecord") {
        tfrecord(dir, 2000, 110_000)?.into_iter().chain(tfrecord(dir, 200_000, 1_000)?).for_each(|l| show(&l));
        example_parse(20_000).iter().for_each(|l| show(l));
    }
    if want("image") {
        image_pipeline(images).iter().for_each(|l| show(l));
    }
    Ok(())
}

/// TFRecord read: MB/s and records/s over a file of `n` records of `size` bytes, CRC on and off.
pub fn tfrecord(dir: &Path, n: usize, size: usize) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).map_err(|e| DataError::io(dir, e))?;
    let path = dir.join(format!("bench-{}x{}.tfrecord", n, size));
    let rec: Vec<u8> = (0..size).map(|i| (i * 31 + 7) as u8).collect();
    let mut w = RecordWriter::create(&path)?;
    let t = Instant::now();
    for _ in 0..n {
        w.write(&rec).map_err(|e| DataError::io(&path, e))?;
    }
    w.finish().map_err(|e| DataError::io(&path, e))?;
    let write_s = t.elapsed().as_secs_f64();
    let mb = (n * size) as f64 / 1e6;
    let mut lines = vec![format!("tfrecord write {} x {} B: {:.0} MB/s", n, size, mb / write_s)];
    for verify in [true, false] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let mut r = RecordReader::open(&path, verify)?;
            let mut buf = Vec::new();
            let mut k = 0;
            while r.read_into(&mut buf)? {
                k += 1;
            }
            assert_eq!(k, n);
            times.push(t.elapsed().as_secs_f64());
        }
        let s = median(times);
        lines.push(format!(
            "tfrecord read {} x {} B, crc {}: {:.0} MB/s, {:.0} records/s",
            n,
            size,
            if verify { "on " } else { "off" },
            mb / s,
            n as f64 / s
        ));
    }
    Ok(lines)
}

/// tf.Example parse of ImageNet-like records (one 110 KB image plus 8 small features).
pub fn example_parse(n: usize) -> Vec<String> {
    let ex = Example::new()
        .with_bytes("image/encoded", vec![7u8; 110_000])
        .with_bytes("image/format", "JPEG")
        .with_int64("image/class/label", &[5])
        .with_bytes("image/class/synset", "n01440764")
        .with_int64("image/height", &[375])
        .with_int64("image/width", &[500])
        .with_int64("image/channels", &[3])
        .with_bytes("image/colorspace", "RGB")
        .with_bytes("image/filename", "n01440764_10026.JPEG");
    let bytes = ex.encode();
    let t = Instant::now();
    for _ in 0..n {
        let e = Example::decode(&bytes).unwrap();
        std::hint::black_box(&e);
    }
    let s = t.elapsed().as_secs_f64();
    vec![format!("tf.Example decode (110 KB image record): {:.0} records/s, {:.0} MB/s", n as f64 / s, (n * bytes.len()) as f64 / 1e6 / s)]
}

/// Decode + RandomResizedCrop(224) + flip + normalize on one thread, on `n` generated JPEGs.
pub fn image_pipeline(n: usize) -> Vec<String> {
    let jpegs: Vec<Vec<u8>> = (0..n.min(32)).map(|i| image::encode_jpeg(&synthetic_image(500, 375, i as u64), 90)).collect();
    let avg_kb = jpegs.iter().map(|j| j.len()).sum::<usize>() as f64 / jpegs.len() as f64 / 1e3;
    let mut out = vec![0f32; 3 * 224 * 224];
    let mut scratch = Vec::new();
    let tf = Transform::mae();
    let mut lines = Vec::new();
    // Decode alone, then the whole per-image job.
    let t = Instant::now();
    for i in 0..n {
        std::hint::black_box(image::decode(&jpegs[i % jpegs.len()]).unwrap());
    }
    let dec = n as f64 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    for i in 0..n {
        let img = image::decode(&jpegs[i % jpegs.len()]).unwrap();
        let mut rng = Rng::derive(0, &[3, 0, i as u64]);
        tf.apply(&img, 224, Layout::Nhwc, &mut rng, &mut out, &mut scratch);
        std::hint::black_box(&out);
    }
    let all = n as f64 / t.elapsed().as_secs_f64();
    let img = image::decode(&jpegs[0]).unwrap();
    let t = Instant::now();
    for i in 0..n {
        let mut rng = Rng::derive(0, &[3, 0, i as u64]);
        tf.apply(&img, 224, Layout::Nhwc, &mut rng, &mut out, &mut scratch);
        std::hint::black_box(&out);
    }
    let crop = n as f64 / t.elapsed().as_secs_f64();
    // The same crops resized bilinearly: half the taps per axis.
    let lin = tf.with_filter(Filter::Bilinear);
    let t = Instant::now();
    for i in 0..n {
        let mut rng = Rng::derive(0, &[3, 0, i as u64]);
        lin.apply(&img, 224, Layout::Nhwc, &mut rng, &mut out, &mut scratch);
        std::hint::black_box(&out);
    }
    let crop_lin = n as f64 / t.elapsed().as_secs_f64();
    // The fine-tuning recipe adds RandAugment (2 ops, m9) on the 8-bit crop and random erasing.
    let ft = Transform::finetune();
    let t = Instant::now();
    for i in 0..n {
        let mut rng = Rng::derive(0, &[3, 0, i as u64]);
        ft.apply(&img, 224, Layout::Nhwc, &mut rng, &mut out, &mut scratch);
        std::hint::black_box(&out);
    }
    let ft_rate = n as f64 / t.elapsed().as_secs_f64();
    lines.push(format!("RandomResizedCrop(224, bicubic) + flip + normalize alone: {:.0} images/s on one core", crop));
    lines.push(format!("the same, bilinear: {:.0} images/s on one core", crop_lin));
    lines.push(format!("the same + RandAugment m9-mstd0.5 + random erasing 0.25 (fine-tuning): {:.0} images/s on one core", ft_rate));
    lines.push(format!("JPEG 500x375 ({:.0} KB avg) decode only: {:.0} images/s on one core", avg_kb, dec));
    lines.push(format!("decode + RandomResizedCrop(224, bicubic) + flip + normalize: {:.0} images/s on one core", all));
    lines
}
