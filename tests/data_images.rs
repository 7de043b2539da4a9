//! Image decoding, crops, the threaded loader (determinism, resume, sharding, bad input) and the
//! converters, on real PNG/JPEG bytes and real TFRecord files in temp dirs.

use std::path::{Path, PathBuf};

use bamboo::data::augment::{
    center_crop, random_resized_crop, resample_normalize, CropBox, Filter, Layout, Normalization, Resample, Transform, IMAGENET_MEAN,
    IMAGENET_STD,
};
use bamboo::data::convert::{self, Encoding, FashionMnist};
use bamboo::data::image::{self, Image};
use bamboo::data::imagenet::{self, ImageMeta};
use bamboo::data::rng::Rng;
use bamboo::data::tfrecord::{read_all, RecordWriter};
use bamboo::data::{list_files, ErrorKind, Example, ImageLoader, ImageLoaderConfig, Position, ProcessShard, StreamConfig};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-data-images-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn solid(w: usize, h: usize, rgb: [u8; 3]) -> Image {
    Image { width: w, height: h, channels: 3, data: (0..w * h).flat_map(|_| rgb).collect() }
}

/// The colour that encodes a label, so a batch can be checked pixel by label.
fn colour(label: usize) -> [u8; 3] {
    [(label * 20) as u8, 255 - (label * 20) as u8, 100]
}

fn normalized(v: u8, ch: usize) -> f32 {
    (v as f32 / 255.0 - IMAGENET_MEAN[ch]) / IMAGENET_STD[ch]
}

fn image_record(img: &Image, label: usize, png: bool) -> Vec<u8> {
    let bytes = if png { image::encode_png(img) } else { image::encode_jpeg(img, 95) };
    imagenet::to_example(&ImageMeta {
        encoded: &bytes,
        format: if png { "PNG" } else { "JPEG" },
        label,
        synset: "n00000000",
        height: img.height,
        width: img.width,
        channels: img.channels,
        filename: "x",
    })
    .encode()
}

/// `files` shards of `per_file` solid-colour images whose colour encodes the label.
fn write_dataset(dir: &Path, files: usize, per_file: usize) -> Vec<PathBuf> {
    (0..files)
        .map(|f| {
            let p = dir.join(imagenet::shard_name("train", f, files));
            let mut w = RecordWriter::create(&p).unwrap();
            for i in 0..per_file {
                let label = (f * per_file + i) % 10;
                let img = solid(20 + i % 7, 16 + i % 5, colour(label));
                w.write(&image_record(&img, label, (f + i) % 2 == 0)).unwrap();
            }
            w.finish().unwrap();
            p
        })
        .collect()
}

fn loader_cfg(files: Vec<PathBuf>, transform: Transform) -> ImageLoaderConfig {
    let mut s = StreamConfig::new(files);
    s.shuffle_buffer = 8;
    s.shuffle_files = true;
    s.seed = 42;
    let mut c = ImageLoaderConfig::new(s, 4, 8, transform);
    c.num_classes = 10;
    c.workers = 3;
    c.prefetch = 2;
    c
}

fn collect(cfg: &ImageLoaderConfig, start: Position, n: usize) -> Vec<(Position, Vec<i32>, Vec<f32>)> {
    let mut l = ImageLoader::new(cfg.clone(), start).unwrap();
    (0..n).map(|_| l.next_batch().unwrap().unwrap()).map(|b| (b.position, b.labels, b.images)).collect()
}

#[test]
fn png_is_lossless_and_jpeg_close() {
    let mut rng = Rng::new(1);
    let img = Image { width: 33, height: 17, channels: 3, data: (0..33 * 17 * 3).map(|_| rng.below(256) as u8).collect() };
    assert_eq!(image::decode(&image::encode_png(&img)).unwrap(), img);
    let grey = Image { width: 28, height: 28, channels: 1, data: (0..784).map(|i| (i % 256) as u8).collect() };
    assert_eq!(image::decode(&image::encode_png(&grey)).unwrap(), grey);
    let s = solid(64, 48, [200, 30, 90]);
    let d = image::decode(&image::encode_jpeg(&s, 95)).unwrap();
    assert_eq!((d.width, d.height, d.channels), (64, 48, 3));
    assert!(d.data.iter().zip(&s.data).all(|(a, b)| (*a as i32 - *b as i32).abs() <= 4));
}

#[test]
fn bad_images_are_errors_not_panics() {
    let jpeg = image::encode_jpeg(&solid(40, 30, [1, 2, 3]), 90);
    let png = image::encode_png(&solid(40, 30, [1, 2, 3]));
    for bad in [&jpeg[..jpeg.len() / 3], &png[..png.len() / 2], &b"GIF89a"[..], &[0xff, 0xd8, 0xff, 0xff][..]] {
        assert_eq!(image::decode(bad).unwrap_err().kind, ErrorKind::Image);
    }
    let mut corrupt = jpeg.clone();
    for b in corrupt.iter_mut().skip(200) {
        *b = 0xff;
    }
    assert!(image::decode(&corrupt).is_err() || image::decode(&corrupt).is_ok());
    // no panic either way
}

#[test]
fn crops_stay_inside_and_follow_their_ranges() {
    let mut rng = Rng::new(5);
    for i in 0..2000 {
        let (w, h) = (50 + i % 500, 40 + (i * 7) % 400);
        let b = random_resized_crop(w, h, (0.08, 1.0), (0.75, 4.0 / 3.0), &mut rng);
        assert!(b.x >= 0.0 && b.y >= 0.0 && b.x + b.w <= w as f64 && b.y + b.h <= h as f64, "{:?} in {}x{}", b, w, h);
        assert!(b.w >= 1.0 && b.h >= 1.0);
    }
    // The same seed gives the same box.
    let a = random_resized_crop(500, 375, (0.2, 1.0), (0.75, 4.0 / 3.0), &mut Rng::derive(3, &[1, 2]));
    let b = random_resized_crop(500, 375, (0.2, 1.0), (0.75, 4.0 / 3.0), &mut Rng::derive(3, &[1, 2]));
    assert_eq!(a, b);
    let c = center_crop(500, 375, 0.875);
    assert_eq!(c, CropBox { x: (500.0 - 328.125) / 2.0, y: (375.0 - 328.125) / 2.0, w: 328.125, h: 328.125 });
}

/// RandomResizedCrop as torchvision defines it: each try draws an area fraction `s` uniform in
/// `scale` and a log-aspect `t` uniform in `ln ratio`, and keeps the box when it fits. A kept box
/// is then a draw from the uniform density on the rectangle cut down to where the box fits:
/// `s e^t <= w/h` (width) and `s e^-t <= h/w` (height). The test compares the kept boxes' area
/// fractions and log-aspects with those two marginals by Kolmogorov-Smirnov, at the DKW bound
/// `P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2)` for alpha = 1e-6. On a 4000 x 3000 image the
/// integer rounding of the box sides moves `s` and `t` by under 1e-3, well inside eps.
#[test]
fn random_resized_crop_draws_area_and_log_aspect_as_torchvision() {
    let (w, h, n) = (4000usize, 3000usize, 40_000usize);
    let (scale, ratio) = ((0.08, 1.0), (0.75, 4.0 / 3.0));
    let (t0, t1, r) = (f64::ln(ratio.0), f64::ln(ratio.1), w as f64 / h as f64);
    let mut rng = Rng::new(17);
    let (mut areas, mut logs) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let b = random_resized_crop(w, h, scale, ratio, &mut rng);
        let (s, t) = (b.w * b.h / (w * h) as f64, (b.w / b.h).ln());
        // Rounding each side to a whole pixel moves ln(side) by at most 0.5 / side.
        let slack = 0.5 / b.w + 0.5 / b.h;
        assert!(s >= scale.0 * (1.0 - 2.0 * slack) && s <= scale.1, "area fraction {} outside {:?} ({:?})", s, scale, b);
        assert!(t >= t0 - slack && t <= t1 + slack, "aspect {} outside {:?} ({:?})", t.exp(), ratio, b);
        areas.push(s);
        logs.push(t);
    }
    // The allowed log-aspects at area fraction s, and the allowed area fractions at log-aspect t.
    let t_range = |s: f64| (t0.max((s * r).ln()).min(t1), t1.min((r / s).ln()).max(t0));
    let s_top = |t: f64| scale.1.min(r * (-t).exp()).min(t.exp() / r).max(scale.0);
    let area_cdf = marginal_cdf(scale, |s| {
        let (a, b) = t_range(s);
        b - a
    });
    let log_aspect_cdf = marginal_cdf((t0, t1), |t| s_top(t) - scale.0);
    let eps = (f64::ln(2.0 / 1e-6) / (2.0 * n as f64)).sqrt();
    let cdfs: [(Vec<f64>, Cdf<'_>); 2] = [(areas, Box::new(area_cdf)), (logs, Box::new(log_aspect_cdf))];
    let d: Vec<f64> = cdfs.into_iter().map(|(mut v, cdf)| ks_statistic(&mut v, &*cdf)).collect();
    eprintln!(
        "RandomResizedCrop KS distances: area fraction {:.4}, log-aspect {:.4}; DKW bound {:.4} (alpha 1e-6, n {})",
        d[0], d[1], eps, n
    );
    assert!(
        d[0] < eps && d[1] < eps,
        "KS distances from torchvision's distribution (area fraction {:.4}, log-aspect {:.4}) exceed the DKW bound {:.4}",
        d[0],
        d[1],
        eps
    );
}

type Cdf<'a> = Box<dyn Fn(f64) -> f64 + 'a>;

/// The CDF on `[lo, hi]` of a density proportional to `len` (midpoint rule, 20,000 cells).
fn marginal_cdf(range: (f64, f64), len: impl Fn(f64) -> f64) -> impl Fn(f64) -> f64 {
    let (lo, hi, cells) = (range.0, range.1, 20_000usize);
    let dx = (hi - lo) / cells as f64;
    let mut acc = vec![0.0];
    for i in 0..cells {
        acc.push(acc[i] + len(lo + (i as f64 + 0.5) * dx).max(0.0) * dx);
    }
    let total = acc[cells];
    move |x: f64| {
        let u = ((x - lo) / dx).clamp(0.0, cells as f64);
        let i = (u as usize).min(cells - 1);
        (acc[i] + (acc[i + 1] - acc[i]) * (u - i as f64)) / total
    }
}

/// sup |F_n - F| of a sample against a continuous CDF.
fn ks_statistic(v: &mut [f64], cdf: &dyn Fn(f64) -> f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    v.iter().enumerate().map(|(i, &x)| (cdf(x) - i as f64 / n).max((i + 1) as f64 / n - cdf(x))).fold(0.0, f64::max)
}

#[test]
fn resample_identity_flip_and_normalization() {
    let mut rng = Rng::new(2);
    let img = Image { width: 6, height: 4, channels: 3, data: (0..72).map(|_| rng.below(256) as u8).collect() };
    let full = CropBox { x: 0.0, y: 0.0, w: 6.0, h: 4.0 };
    let mut scratch = Vec::new();
    // Both filters are 1 at distance 0 and 0 at every other whole pixel: a 1:1 box copies.
    for (layout, flip, filter) in [
        (Layout::Nhwc, false, Filter::Bilinear),
        (Layout::Nhwc, true, Filter::Bilinear),
        (Layout::Nchw, false, Filter::Bilinear),
        (Layout::Nhwc, true, Filter::Bicubic),
        (Layout::Nchw, false, Filter::Bicubic),
    ] {
        let mut out = vec![0f32; 72];
        let r = Resample { bx: full, filter, out_w: 6, out_h: 4, flip };
        resample_normalize(&img, r, Normalization::imagenet(layout), &mut out, &mut scratch);
        for y in 0..4 {
            for x in 0..6 {
                for ch in 0..3 {
                    let sx = if flip { 5 - x } else { x };
                    let want = normalized(img.data[(y * 6 + sx) * 3 + ch], ch);
                    let got = match layout {
                        Layout::Nhwc => out[(y * 6 + x) * 3 + ch],
                        Layout::Nchw => out[ch * 24 + y * 6 + x],
                    };
                    assert!((got - want).abs() < 1e-4, "{:?} {:?} {} {} {}: {} vs {}", filter, layout, y, x, ch, got, want);
                }
            }
        }
    }
    // Downscaling a 2x2 checkerboard of 0/200 by 4 averages to 100 (antialiased, not sampled).
    let cb = Image { width: 8, height: 8, channels: 1, data: (0..64).map(|i| if (i % 8 + i / 8) % 2 == 0 { 0 } else { 200 }).collect() };
    let mut out = vec![0f32; 3 * 4];
    let r = Resample { bx: CropBox { x: 0.0, y: 0.0, w: 8.0, h: 8.0 }, filter: Filter::Bilinear, out_w: 2, out_h: 2, flip: false };
    resample_normalize(&cb, r, Normalization { mean: [0.0; 3], std: [1.0; 3], layout: Layout::Nchw }, &mut out, &mut scratch);
    for v in out {
        assert!((v * 255.0 - 100.0).abs() < 1.0, "{}", v * 255.0);
    }
}

#[test]
fn loader_batches_are_right_deterministic_and_resumable() {
    let d = tmp("loader");
    let files = write_dataset(&d, 3, 7); // 21 records: 5 batches of 4 per epoch, 1 dropped
    let cfg = loader_cfg(files.clone(), Transform::eval());
    let batches = collect(&cfg, Position::default(), 12);
    // Positions: 5 steps per epoch.
    assert_eq!(batches[4].0, Position { epoch: 0, step: 4 });
    assert_eq!(batches[5].0, Position { epoch: 1, step: 0 });
    for (_, labels, images) in &batches {
        assert_eq!(images.len(), 4 * 8 * 8 * 3);
        for (i, &l) in labels.iter().enumerate() {
            // Solid images: every pixel is the label's colour (JPEG within a few levels).
            let px = &images[i * 192..i * 192 + 3];
            for ch in 0..3 {
                assert!((px[ch] - normalized(colour(l as usize)[ch], ch)).abs() < 0.1, "label {} pixel {:?}", l, px);
            }
        }
    }
    // Epoch 0 holds 20 distinct records.
    let mut seen: Vec<i32> = batches[..5].iter().flat_map(|b| b.1.clone()).collect();
    seen.sort();
    assert_eq!(seen.len(), 20);
    // Same config, other thread count: identical. Another seed: different order.
    let mut one = cfg.clone();
    one.workers = 1;
    assert_eq!(collect(&one, Position::default(), 12), batches);
    let mut other = cfg.clone();
    other.stream.seed = 43;
    assert_ne!(
        collect(&other, Position::default(), 12).iter().map(|b| b.1.clone()).collect::<Vec<_>>(),
        batches.iter().map(|b| b.1.clone()).collect::<Vec<_>>()
    );
    // Resume mid-epoch and across the epoch boundary: exactly the same batches.
    for k in [3usize, 5, 7] {
        let start = batches[k - 1].0.next();
        let resumed = collect(&cfg, start, 12 - k);
        // A position one past an epoch's last step rolls into the next epoch.
        assert_eq!(resumed, batches[k..], "resume at {:?}", start);
    }
    // Random crops with flips: deterministic too, and different from eval.
    let train = loader_cfg(files, Transform::mae());
    let a = collect(&train, Position { epoch: 2, step: 1 }, 3);
    assert_eq!(a, collect(&train, Position { epoch: 2, step: 1 }, 3));
    let mut nchw = train.clone();
    nchw.layout = Layout::Nchw;
    let b = ImageLoader::new(nchw, Position::default()).unwrap().next_batch().unwrap().unwrap();
    assert_eq!(b.shape, [4, 3, 8, 8]);
}

#[test]
fn loader_epochs_end_and_processes_split_the_data() {
    let d = tmp("procs");
    let files = write_dataset(&d, 4, 4);
    let mut all = Vec::new();
    for index in 0..2 {
        let mut cfg = loader_cfg(files.clone(), Transform::eval());
        cfg.stream.shard = ProcessShard::new(index, 2).unwrap();
        cfg.epochs = Some(1);
        let mut l = ImageLoader::new(cfg, Position::default()).unwrap();
        let mut n = 0;
        while let Some(b) = l.next_batch().unwrap() {
            all.extend(b.labels);
            n += 1;
        }
        assert_eq!(n, 2); // 8 records per process
    }
    all.sort();
    let mut want: Vec<i32> = (0..16).map(|i| i % 10).collect();
    want.sort();
    assert_eq!(all, want);
}

#[test]
fn bad_records_name_their_place_or_are_skipped() {
    let d = tmp("bad");
    let p = d.join("train-00000-of-00001");
    let mut w = RecordWriter::create(&p).unwrap();
    let good = image_record(&solid(10, 10, colour(3)), 3, true);
    let mut offsets = vec![];
    let mut off = 0;
    let records = vec![
        good.clone(),
        good.clone(),
        Example::new().with_bytes("image/encoded", &b"\x89PNG\r\n\x1a\nbroken"[..]).with_int64("image/class/label", &[2]).encode(),
        good.clone(),
        Example::new().with_bytes("image/encoded", image::encode_png(&solid(4, 4, [0; 3]))).with_int64("image/class/label", &[11]).encode(),
        b"\xff\xff not an example".to_vec(),
        good.clone(),
        good,
    ];
    for r in &records {
        offsets.push(off);
        off += r.len() as u64 + 16;
        w.write(r).unwrap();
    }
    w.finish().unwrap();
    let mut cfg = loader_cfg(vec![p.clone()], Transform::eval());
    cfg.stream.shuffle_buffer = 0;
    cfg.stream.shuffle_files = false;
    let mut l = ImageLoader::new(cfg.clone(), Position::default()).unwrap();
    let e = l.next_batch().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Image);
    assert!(e.to_string().contains(&format!("train-00000-of-00001: record 2 (byte offset {})", offsets[2])), "{}", e);
    let mut l = ImageLoader::new(cfg.clone(), Position { epoch: 0, step: 1 }).unwrap();
    let e = l.next_batch().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Feature);
    assert!(e.to_string().contains("record 4") && e.to_string().contains("expected 1..=10"), "{}", e);

    cfg.stream.skip_bad = true;
    cfg.epochs = Some(1);
    let mut l = ImageLoader::new(cfg, Position::default()).unwrap();
    let b0 = l.next_batch().unwrap().unwrap();
    let b1 = l.next_batch().unwrap().unwrap();
    assert!(l.next_batch().unwrap().is_none());
    assert_eq!((b0.replaced, b1.replaced), (1, 2));
    assert!(b0.labels.iter().chain(&b1.labels).all(|&x| x == 3));
    let rep = l.skip_report();
    assert_eq!(rep.skipped, 3);
    assert!(rep.to_string().contains("NotExample: 1"), "{}", rep);
}

#[test]
fn empty_file_list_is_an_error() {
    let cfg = loader_cfg(vec![], Transform::eval());
    assert_eq!(ImageLoader::new(cfg, Position::default()).err().unwrap().kind, ErrorKind::EmptyShardList);
}

fn gz(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn fashion_mnist_idx_to_imagenet_schema() {
    let d = tmp("fmnist");
    let input = d.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (prefix, n) in [("train", 30u32), ("t10k", 10)] {
        let mut img = vec![0, 0, 8, 3];
        for v in [n, 28, 28] {
            img.extend(v.to_be_bytes());
        }
        img.extend((0..n as usize * 784).map(|i| ((i / 784) * 7 + i % 784) as u8));
        let mut lab = vec![0, 0, 8, 1];
        lab.extend(n.to_be_bytes());
        lab.extend((0..n).map(|i| (i % 10) as u8));
        std::fs::write(input.join(format!("{}-images-idx3-ubyte.gz", prefix)), gz(&img)).unwrap();
        std::fs::write(input.join(format!("{}-labels-idx1-ubyte", prefix)), &lab).unwrap();
        // plain works too
    }
    let out = d.join("out");
    let o = FashionMnist {
        input,
        output: out.clone(),
        train_shards: 3,
        validation_shards: 1,
        train_limit: Some(25),
        validation_limit: None,
        encoding: Encoding::Png,
    };
    let done = convert::fashion_mnist(&o).unwrap();
    assert_eq!((done[0].1, done[1].1), (25, 10));
    let train = list_files(&format!("{}/train-*-of-00003", out.display())).unwrap();
    assert_eq!(train.len(), 3);
    let recs = read_all(&train[1]).unwrap(); // shard 1 holds images 1, 4, 7...
    assert_eq!(recs.len(), 8);
    let ex = Example::decode(&recs[2]).unwrap(); // image 7
    assert_eq!(ex.int64_1("image/class/label").unwrap(), 8); // label 7, stored + 1
    assert_eq!(ex.bytes1("image/class/synset").unwrap(), b"fm07_sneaker");
    assert_eq!(ex.int64_1("image/channels").unwrap(), 1);
    assert_eq!(ex.bytes1("image/format").unwrap(), b"PNG");
    let img = image::decode(ex.bytes1("image/encoded").unwrap()).unwrap();
    assert_eq!((img.width, img.height, img.channels), (28, 28, 1));
    assert!(img.data.iter().enumerate().all(|(i, &v)| v == (7 * 7 + i) as u8));
}

#[test]
fn folder_tree_to_imagenet_schema() {
    let d = tmp("tree");
    for (class, n) in [("n02", 3), ("n01", 2)] {
        std::fs::create_dir_all(d.join("in").join(class)).unwrap();
        for i in 0..n {
            let img = solid(12 + i, 9, [i as u8 * 40, 0, 0]);
            let (name, bytes) = if i % 2 == 0 {
                (format!("{}.png", i), image::encode_png(&img))
            } else {
                (format!("{}.jpg", i), image::encode_jpeg(&img, 90))
            };
            std::fs::write(d.join("in").join(class).join(name), bytes).unwrap();
        }
    }
    std::fs::write(d.join("in/n01/notes.txt"), "not an image").unwrap();
    let (classes, n, paths) = convert::folder_tree(&d.join("in"), &d.join("out"), "validation", 2, 0).unwrap();
    assert_eq!(classes, ["n01", "n02"]);
    assert_eq!((n, paths.len()), (5, 2));
    let mut by_class = [0, 0];
    for p in &paths {
        for r in read_all(p).unwrap() {
            let ex = Example::decode(&r).unwrap();
            let label = ex.int64_1("image/class/label").unwrap();
            let synset = ex.bytes1("image/class/synset").unwrap();
            assert_eq!(synset, classes[label as usize - 1].as_bytes());
            by_class[label as usize - 1] += 1;
            let img = image::decode(ex.bytes1("image/encoded").unwrap()).unwrap();
            assert_eq!(img.width as i64, ex.int64_1("image/width").unwrap());
        }
    }
    assert_eq!(by_class, [2, 3]);
}

#[test]
fn embedded_fashion_mnist_sample_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/fashion-mnist-tfrecord");
    let train = list_files(&format!("{}/train-*", root.display())).unwrap();
    let val = list_files(&format!("{}/validation-*", root.display())).unwrap();
    let count = |fs: &[PathBuf]| fs.iter().map(|f| read_all(f).unwrap().len()).sum::<usize>();
    assert_eq!((train.len(), count(&train), count(&val)), (4, 2000, 500));
    let mut cfg = loader_cfg(train, Transform::mae());
    cfg.batch_size = 50;
    cfg.image_size = 28;
    let mut l = ImageLoader::new(cfg, Position::default()).unwrap();
    let mut hist = [0usize; 10];
    for _ in 0..8 {
        let b = l.next_batch().unwrap().unwrap();
        assert!(b.images.iter().all(|v| v.is_finite() && *v > -2.2 && *v < 2.7));
        b.labels.iter().for_each(|&x| hist[x as usize] += 1);
    }
    // All ten classes turn up in 400 shuffled images.
    assert!(hist.iter().all(|&h| h > 10), "{:?}", hist);
}
