//! TFRecord framing, tf.Example codec, sharding and interleaving, on real files in temp dirs.

use std::path::{Path, PathBuf};

use bamboo::data::tfrecord::{frame, RecordReader, RecordWriter};
use bamboo::data::{list_files, EpochStream, ErrorKind, Example, Feature, ProcessShard, StreamConfig};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-data-tfrecord-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(path: &Path, records: &[Vec<u8>]) {
    let mut w = RecordWriter::create(path).unwrap();
    for r in records {
        w.write(r).unwrap();
    }
    w.finish().unwrap();
}

fn records(n: usize, tag: &str) -> Vec<Vec<u8>> {
    (0..n).map(|i| format!("{}-{}", tag, i).into_bytes()).collect()
}

fn read_strings(cfg: &StreamConfig, epoch: u64) -> Vec<String> {
    EpochStream::new(cfg, epoch).unwrap().map(|r| String::from_utf8(r.unwrap().data).unwrap()).collect()
}

#[test]
fn round_trip_sizes_and_offsets() {
    let d = tmp("roundtrip");
    let p = d.join("a.tfrecord");
    let recs: Vec<Vec<u8>> = [0usize, 1, 7, 8, 255, 70_000].iter().map(|&n| (0..n).map(|i| (i % 251) as u8).collect()).collect();
    write(&p, &recs);
    let size = std::fs::metadata(&p).unwrap().len();
    assert_eq!(size, recs.iter().map(|r| r.len() as u64 + 16).sum::<u64>());
    let mut r = RecordReader::open(&p, true).unwrap();
    let mut offset = 0;
    for want in &recs {
        assert_eq!(r.offset(), offset);
        assert_eq!(&r.next_record().unwrap().unwrap(), want);
        offset += want.len() as u64 + 16;
    }
    assert!(r.next_record().unwrap().is_none());
    assert_eq!(r.index(), recs.len() as u64);
}

#[test]
fn frame_layout_is_tensorflows() {
    // length 3 LE, masked CRCs per the TFRecord spec: ((crc >> 15) | (crc << 17)) + 0xa282ead8.
    let f = frame(b"abc");
    assert_eq!(&f[..8], &3u64.to_le_bytes());
    let crc = bamboo::data::crc32c::crc32c(&f[..8]);
    let masked = crc.rotate_right(15).wrapping_add(0xa282_ead8);
    assert_eq!(&f[8..12], &masked.to_le_bytes());
    assert_eq!(&f[12..15], b"abc");
    // CRC32C("abc") = 0x364B3FB7 (a published check value).
    assert_eq!(bamboo::data::crc32c::crc32c(b"abc"), 0x364B_3FB7);
    assert_eq!(f.len(), 19);
}

#[test]
fn truncated_file_names_file_record_and_offset() {
    let d = tmp("trunc");
    let p = d.join("t.tfrecord");
    write(&p, &records(3, "rec"));
    let full = std::fs::read(&p).unwrap();
    let third = (full.len() / 3 * 2) as u64; // records are the same size: start of record 2
    for cut in [full.len() - 1, full.len() - 4, third as usize + 13, third as usize + 5] {
        std::fs::write(&p, &full[..cut]).unwrap();
        let mut r = RecordReader::open(&p, true).unwrap();
        assert!(r.next_record().unwrap().is_some());
        assert!(r.next_record().unwrap().is_some());
        let e = r.next_record().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Truncated, "cut at {}: {}", cut, e);
        let msg = e.to_string();
        assert!(msg.contains("t.tfrecord") && msg.contains("record 2") && msg.contains(&format!("byte offset {}", third)), "{}", msg);
        assert!(r.is_dead() && r.next_record().unwrap().is_none());
    }
}

#[test]
fn bad_crcs_are_detected_and_located() {
    let d = tmp("crc");
    let p = d.join("c.tfrecord");
    write(&p, &records(4, "data"));
    let good = std::fs::read(&p).unwrap();
    let rec_len = good.len() / 4;

    let mut bad = good.clone();
    bad[rec_len + 12] ^= 0x01; // data byte of record 1
    std::fs::write(&p, &bad).unwrap();
    let mut r = RecordReader::open(&p, true).unwrap();
    r.next_record().unwrap();
    let e = r.next_record().unwrap_err();
    assert_eq!(e.kind, ErrorKind::BadDataCrc);
    assert!(e.to_string().contains(&format!("record 1 (byte offset {})", rec_len)), "{}", e);
    // The frame was intact: reading goes on.
    assert_eq!(r.next_record().unwrap().unwrap(), b"data-2");
    // Without verification the corrupted bytes come through.
    let all: Vec<_> = RecordReader::open(&p, false).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(all.len(), 4);
    assert_eq!(all[1], b"data-1".iter().enumerate().map(|(i, &b)| if i == 0 { b ^ 1 } else { b }).collect::<Vec<_>>());

    let mut bad = good.clone();
    bad[2 * rec_len + 9] ^= 0x80; // length CRC of record 2
    std::fs::write(&p, &bad).unwrap();
    let mut r = RecordReader::open(&p, true).unwrap();
    r.next_record().unwrap();
    r.next_record().unwrap();
    let e = r.next_record().unwrap_err();
    assert_eq!(e.kind, ErrorKind::BadLengthCrc);
    assert!(e.to_string().contains(&format!("record 2 (byte offset {})", 2 * rec_len)), "{}", e);

    let mut bad = good;
    bad[0] = 0xff; // the length itself: caught by its CRC before any allocation
    std::fs::write(&p, &bad).unwrap();
    assert_eq!(RecordReader::open(&p, true).unwrap().next_record().unwrap_err().kind, ErrorKind::BadLengthCrc);
}

#[test]
fn example_bytes_match_the_protobuf_spec() {
    // Worked by hand from the .proto: Example{1: Features{1: entry{1: "a", 2: Feature{3: Int64List{1: [1]}}}}}
    let ex = Example::new().with_int64("a", &[1]);
    let want = [0x0a, 0x0c, 0x0a, 0x0a, 0x0a, 0x01, b'a', 0x12, 0x05, 0x1a, 0x03, 0x0a, 0x01, 0x01];
    assert_eq!(ex.encode(), want);
    assert_eq!(Example::decode(&want).unwrap(), ex);
}

#[test]
fn example_round_trip_packed_and_unpacked() {
    let ex = Example::new()
        .with_bytes("image/encoded", vec![0u8, 1, 2, 255])
        .with_float("w", &[1.5, -0.0, f32::MAX])
        .with_int64("ids", &[0, -1, i64::MIN, i64::MAX, 300])
        .with_int64("empty", &[]);
    let mut multi = ex.clone();
    multi.features.insert("many".into(), Feature::Bytes(vec![b"x".to_vec(), vec![], b"yz".to_vec()]));
    for e in [ex, multi] {
        assert_eq!(Example::decode(&e.encode()).unwrap(), e);
    }
    // Unpacked repeated scalars (wire types 5 and 0), as older writers emit them.
    let float_list = [0x0d, 0, 0, 0x80, 0x3f, 0x0d, 0, 0, 0, 0x40]; // 1.0, 2.0
    let int_list = [0x08, 0x05, 0x08, 0x96, 0x01]; // 5, 150
    let mut raw = vec![];
    for (name, kind, list) in [(&b"f"[..], 0x12u8, &float_list[..]), (&b"i"[..], 0x1a, &int_list[..])] {
        let feature = [&[kind, list.len() as u8][..], list].concat();
        let entry = [&[0x0a, name.len() as u8][..], name, &[0x12, feature.len() as u8], &feature].concat();
        raw.extend([&[0x0a, entry.len() as u8][..], &entry].concat());
    }
    let bytes = [&[0x0a, raw.len() as u8][..], &raw].concat();
    let ex = Example::decode(&bytes).unwrap();
    assert_eq!(ex.floats("f", Some(2)).unwrap(), &[1.0, 2.0]);
    assert_eq!(ex.int64s("i", None).unwrap(), &[5, 150]);
}

#[test]
fn feature_errors_say_what_is_wrong() {
    let ex = Example::new().with_int64("label", &[1, 2]).with_bytes("img", "x");
    let e = ex.int64_1("label").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Feature);
    assert!(e.to_string().contains("'label' has 2 values, expected 1"), "{}", e);
    let e = ex.int64s("img", None).unwrap_err();
    assert!(e.to_string().contains("'img' is bytes_list, expected int64_list"), "{}", e);
    let e = ex.floats("nope", None).unwrap_err();
    assert!(e.to_string().contains("missing feature 'nope'"), "{}", e);
}

#[test]
fn non_examples_are_rejected_without_panics() {
    let good = Example::new().with_bytes("k", "value").with_float("f", &[1.0, 2.0]).encode();
    for bad in [
        &b"\xff\xff\xff"[..], // varint running off the end
        b"\x0a\x05abc",       // length past the end
        b"\x0b",              // group wire type
        b"\x0a\x02\x0a\x05",  // nested entry past its parent
        b"\x00",              // field number 0
    ] {
        let e = Example::decode(bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NotExample, "{:?}", bad);
        assert!(e.to_string().contains("at byte"), "{}", e);
    }
    // Every truncation of a valid record fails cleanly or parses; none panics.
    for n in 0..good.len() {
        let _ = Example::decode(&good[..n]);
    }
}

#[test]
fn interleave_is_round_robin_with_refill() {
    let d = tmp("interleave");
    write(&d.join("s0"), &records(3, "a"));
    write(&d.join("s1"), &records(1, "b"));
    write(&d.join("s2"), &records(2, "c"));
    let mut cfg = StreamConfig::new(list_files(d.to_str().unwrap()).unwrap());
    cfg.cycle_length = 2;
    // a and b open; b ends after one record and c takes its slot.
    assert_eq!(read_strings(&cfg, 0), ["a-0", "b-0", "a-1", "c-0", "a-2", "c-1"]);
    cfg.cycle_length = 1;
    assert_eq!(read_strings(&cfg, 0), ["a-0", "a-1", "a-2", "b-0", "c-0", "c-1"]);
}

#[test]
fn process_shards_are_disjoint_and_complete() {
    let d = tmp("procs");
    for f in 0..5 {
        write(&d.join(format!("train-{:05}-of-00005", f)), &records(4, &format!("f{}", f)));
    }
    let files = list_files(&format!("{}/train-*", d.display())).unwrap();
    assert_eq!(files.len(), 5);
    for count in [1usize, 2, 3, 5, 7] {
        let mut all = Vec::new();
        for index in 0..count {
            let mut cfg = StreamConfig::new(files.clone());
            cfg.shard = ProcessShard::new(index, count).unwrap();
            cfg.shuffle_files = true;
            cfg.seed = 9;
            all.extend(read_strings(&cfg, 3));
        }
        all.sort();
        let mut want: Vec<String> = (0..5).flat_map(|f| (0..4).map(move |r| format!("f{}-{}", f, r))).collect();
        want.sort();
        assert_eq!(all, want, "count {}", count);
    }
    assert!(ProcessShard::new(2, 2).is_err());
}

#[test]
fn shuffling_is_deterministic_per_seed_and_epoch() {
    let d = tmp("shuffle");
    write(&d.join("x"), &records(50, "x"));
    write(&d.join("y"), &records(50, "y"));
    let mut cfg = StreamConfig::new(list_files(d.to_str().unwrap()).unwrap());
    cfg.shuffle_buffer = 32;
    cfg.shuffle_files = true;
    cfg.seed = 1;
    let a = read_strings(&cfg, 0);
    assert_eq!(a, read_strings(&cfg, 0));
    assert_ne!(a, read_strings(&cfg, 1));
    cfg.seed = 2;
    assert_ne!(a, read_strings(&cfg, 0));
    let mut s = a.clone();
    s.sort();
    s.dedup();
    assert_eq!(s.len(), 100);
}

#[test]
fn skip_bad_counts_and_goes_on() {
    let d = tmp("skipbad");
    write(&d.join("a"), &records(5, "a"));
    write(&d.join("b"), &records(3, "b"));
    let pa = d.join("a");
    let mut bytes = std::fs::read(&pa).unwrap();
    let rec = bytes.len() / 5;
    bytes[rec + 13] ^= 0x10; // bad data CRC in record 1
    bytes.truncate(4 * rec + 6); // record 4 truncated
    std::fs::write(&pa, &bytes).unwrap();
    let mut cfg = StreamConfig::new(vec![pa.clone(), d.join("b")]);
    cfg.cycle_length = 1;
    assert_eq!(EpochStream::new(&cfg, 0).unwrap().find_map(|r| r.err()).unwrap().kind, ErrorKind::BadDataCrc);
    cfg.skip_bad = true;
    let mut s = EpochStream::new(&cfg, 0).unwrap();
    let got: Vec<String> = s.by_ref().map(|r| String::from_utf8(r.unwrap().data).unwrap()).collect();
    assert_eq!(got, ["a-0", "a-2", "a-3", "b-0", "b-1", "b-2"]);
    assert_eq!(s.report.skipped, 2);
    let text = s.report.to_string();
    assert!(text.contains("BadDataCrc: 1") && text.contains("Truncated: 1") && text.contains("record 4"), "{}", text);
}

#[test]
fn empty_shard_lists_are_errors() {
    let d = tmp("empty");
    let e = list_files(&format!("{}/nothing-*", d.display())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::EmptyShardList);
    assert!(e.to_string().contains("nothing-*"), "{}", e);
    assert_eq!(list_files("").unwrap_err().kind, ErrorKind::EmptyShardList);
    assert_eq!(EpochStream::new(&StreamConfig::new(vec![]), 0).err().unwrap().kind, ErrorKind::EmptyShardList);
}

/// A seeded mutation fuzzer in the test suite (cargo-fuzz needs a nightly toolchain that this
/// machine cannot fetch): bit flips, byte overwrites, truncations and splices of a valid shard,
/// read with and without CRC checks and parsed as Examples. Nothing may panic or hang, and with
/// CRCs on, a mutated record must never come back as if it were intact.
#[test]
fn mutated_shards_never_panic() {
    use bamboo::data::rng::Rng;
    let ex = Example::new()
        .with_bytes("image/encoded", vec![9u8; 300])
        .with_int64("image/class/label", &[7, -3, 1 << 40])
        .with_float("f", &[0.5, 2.0])
        .encode();
    let mut shard = Vec::new();
    for _ in 0..3 {
        shard.extend(frame(&ex));
    }
    let mut rng = Rng::new(77);
    for _ in 0..4000 {
        let mut m = shard.clone();
        match rng.below(4) {
            0 => {
                for _ in 0..1 + rng.below(4) {
                    let i = rng.below(m.len() as u64) as usize;
                    m[i] ^= 1 << rng.below(8);
                }
            }
            1 => {
                let i = rng.below(m.len() as u64) as usize;
                m[i] = rng.below(256) as u8;
            }
            2 => m.truncate(rng.below(m.len() as u64) as usize),
            _ => {
                let i = rng.below(m.len() as u64) as usize;
                let j = rng.below(m.len() as u64) as usize;
                let piece = m[j..].to_vec();
                m.truncate(i);
                m.extend(piece);
            }
        }
        for verify in [true, false] {
            let r = bamboo::data::tfrecord::RecordReader::new(&m[..], Path::new("fuzz"), verify);
            for rec in r.take(10) {
                match rec {
                    Ok(rec) => {
                        let parsed = Example::decode(&rec);
                        if verify {
                            assert_eq!(rec, ex, "a corrupted record passed its CRCs");
                        } else {
                            let _ = parsed;
                        }
                    }
                    Err(e) => assert!(e.to_string().contains("fuzz: record")),
                }
            }
        }
        let _ = Example::decode(&m);
    }
}
