//! Reads the same TFRecord files with bamboo's reader and with the `tfrecord` crate, CRC checks on
//! and off, then parses the same records as tf.Example with each (bamboo's hand-written decoder,
//! the crate's prost-generated one) down to the image bytes and the label. Rounds alternate
//! between the two and the median is reported; files are read once before timing, so this
//! measures the readers, not the disk.
//!
//! usage: tfrecord-peer [WORK_DIR]   (the generated file goes there; default bench-out/tfrecord-peer)

use std::path::{Path, PathBuf};
use std::time::Instant;

use bamboo::data::bench::synthetic_image;
use bamboo::data::image::encode_jpeg;
use bamboo::data::imagenet::{self, ImageMeta};
use bamboo::data::tfrecord::{RecordReader, RecordWriter};
use bamboo::data::{list_files, Example};
use prost::Message;
use tfrecord::protobuf::feature::Kind;
use tfrecord::{BytesIter, RecordReaderConfig};

const ROUNDS: usize = 7;

struct Set {
    name: String,
    files: Vec<PathBuf>,
    /// Every record's bytes, for the parse benchmark and the cross-check.
    records: Vec<Vec<u8>>,
    /// Passes over the files per timed round, so a round lasts long enough to time.
    passes: usize,
}

impl Set {
    fn bytes(&self) -> usize {
        self.records.iter().map(Vec::len).sum()
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// ImageNet-schema records around real JPEG bytes of 500x375 photo-like images (about 100 KB).
fn generate(dir: &Path, n: usize) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("imagenet-like-{}.tfrecord", n));
    if path.exists() {
        return path;
    }
    let jpegs: Vec<Vec<u8>> = (0..16).map(|i| encode_jpeg(&synthetic_image(500, 375, i), 90)).collect();
    let mut w = RecordWriter::create(&path).unwrap();
    for i in 0..n {
        let j = &jpegs[i % jpegs.len()];
        let meta = ImageMeta { encoded: j, format: "JPEG", label: i % 1000, synset: "n01440764", height: 375, width: 500, channels: 3, filename: "n01440764_10026.JPEG" };
        w.write(&imagenet::to_example(&meta).encode()).unwrap();
    }
    w.finish().unwrap();
    path
}

fn ours_read(files: &[PathBuf], verify: bool) -> (usize, usize) {
    let (mut n, mut bytes) = (0, 0);
    let mut buf = Vec::new();
    for f in files {
        let mut r = RecordReader::open(f, verify).unwrap();
        while r.read_into(&mut buf).unwrap() {
            n += 1;
            bytes += buf.len();
        }
    }
    (n, bytes)
}

fn theirs_read(files: &[PathBuf], verify: bool) -> (usize, usize) {
    let (mut n, mut bytes) = (0, 0);
    for f in files {
        for r in BytesIter::open(f, RecordReaderConfig { check_integrity: verify }).unwrap() {
            n += 1;
            bytes += r.unwrap().len();
        }
    }
    (n, bytes)
}

/// Image bytes length + label, the two features an image pipeline needs.
fn ours_parse(rec: &[u8]) -> (usize, i64) {
    let ex = Example::decode(rec).unwrap();
    (ex.bytes1("image/encoded").unwrap().len(), ex.int64_1("image/class/label").unwrap())
}

fn theirs_parse(rec: &[u8]) -> (usize, i64) {
    let ex = tfrecord::Example::decode(rec).unwrap();
    let f = &ex.features.as_ref().unwrap().feature;
    let enc = match &f["image/encoded"].kind {
        Some(Kind::BytesList(b)) => b.value[0].len(),
        _ => panic!("image/encoded is not bytes"),
    };
    let label = match &f["image/class/label"].kind {
        Some(Kind::Int64List(l)) => l.value[0],
        _ => panic!("label is not int64"),
    };
    (enc, label)
}

/// Alternating timed rounds of `a` and `b`; returns the median seconds of each.
fn race(mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64) {
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        a();
        ta.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        b();
        tb.push(t.elapsed().as_secs_f64());
    }
    (median(ta), median(tb))
}

fn row(what: &str, set: &Set, records: usize, bytes: usize, ours: f64, theirs: f64) {
    let mb = bytes as f64 / 1e6;
    println!(
        "| {} | {} | {:.0} rec/s, {:.0} MB/s | {:.0} rec/s, {:.0} MB/s | {:.2}x |",
        set.name, what, records as f64 / ours, mb / ours, records as f64 / theirs, mb / theirs, theirs / ours
    );
}

fn main() {
    let work = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "bench-out/tfrecord-peer".into()));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sample = list_files(&format!("{}/datasets/fashion-mnist-tfrecord/*-of-*", root.display())).unwrap();
    let big = generate(&work, 1000);
    let sets: Vec<Set> = [("embedded Fashion-MNIST sample (ImageNet schema, PNG)", sample, 40), ("generated ImageNet-like (1000 x ~100 KB JPEG)", vec![big], 1)]
        .into_iter()
        .map(|(name, files, passes)| {
            let records = files.iter().flat_map(|f| RecordReader::open(f, true).unwrap().map(|r| r.unwrap())).collect();
            Set { name: name.to_string(), files, records, passes }
        })
        .collect();

    // Both readers must agree on every record and every parsed feature before any timing.
    for s in &sets {
        let theirs: Vec<Vec<u8>> = s.files.iter().flat_map(|f| BytesIter::open(f, RecordReaderConfig { check_integrity: true }).unwrap().map(|r| r.unwrap())).collect();
        assert!(theirs == s.records, "{}: the readers disagree", s.name);
        assert!(s.records.iter().all(|r| ours_parse(r) == theirs_parse(r)), "{}: the parsers disagree", s.name);
    }

    println!("| data | work | bamboo | tfrecord 0.15 crate | bamboo faster by |");
    println!("|---|---|---|---|---|");
    for s in &sets {
        let (n, bytes) = (s.records.len() * s.passes, s.bytes() * s.passes);
        for verify in [true, false] {
            let (o, t) = race(
                || (0..s.passes).for_each(|_| assert_eq!(ours_read(&s.files, verify).0, s.records.len())),
                || (0..s.passes).for_each(|_| assert_eq!(theirs_read(&s.files, verify).0, s.records.len())),
            );
            row(if verify { "read, CRC checked" } else { "read, no CRC" }, s, n, bytes, o, t);
        }
        let reps = (200_000_000 / s.bytes().max(1)).clamp(1, 200);
        let (o, t) = race(
            || (0..reps).for_each(|_| s.records.iter().for_each(|r| { std::hint::black_box(ours_parse(r)); })),
            || (0..reps).for_each(|_| s.records.iter().for_each(|r| { std::hint::black_box(theirs_parse(r)); })),
        );
        row("tf.Example parse + image/label lookup", s, s.records.len() * reps, s.bytes() * reps, o, t);
    }
}
