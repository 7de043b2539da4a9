//! create-pretraining: the exact TFRecord schema, determinism, masking and NSP statistics, and the
//! batch reader (round trip, resume, bad records), on the committed Wikipedia sample and records.

use std::path::PathBuf;
use std::sync::OnceLock;

use bamboo::data::example::Feature;
use bamboo::data::text::corpus::read_documents;
use bamboo::data::text::pretraining::TokenDoc;
use bamboo::data::text::records::{to_example, write_shards, Shape, FEATURES};
use bamboo::data::text::{create_instances, tokenize_documents, BertLoader, BertLoaderConfig, Instance, PretrainConfig, Tokenizer};
use bamboo::data::tfrecord::{read_all, RecordWriter};
use bamboo::data::{list_files, ErrorKind, Example, Position, StreamConfig};

const SHAPE: Shape = Shape { max_seq_length: 128, max_predictions: 20 };

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-data-text-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The tokenizer and the tokenized sample, built once for all tests.
fn sample() -> &'static (Tokenizer, Vec<TokenDoc>) {
    static S: OnceLock<(Tokenizer, Vec<TokenDoc>)> = OnceLock::new();
    S.get_or_init(|| {
        let tok = Tokenizer::load_uncased(&root().join("datasets/bert-vocab/vocab.txt")).unwrap();
        let docs = read_documents(&root().join("datasets/wiki-sample/wiki.txt")).unwrap();
        let t = tokenize_documents(&tok, &docs, 2);
        (tok, t)
    })
}

fn cfg(seed: u64, dupe: usize) -> PretrainConfig {
    PretrainConfig { seed, dupe_factor: dupe, threads: 2, ..PretrainConfig::default() }
}

/// The tokens before masking.
fn original(i: &Instance) -> Vec<u32> {
    let mut t = i.tokens.clone();
    for (&p, &l) in i.masked_positions.iter().zip(&i.masked_labels) {
        t[p as usize] = l;
    }
    t
}

#[test]
fn committed_records_have_the_exact_schema() {
    let (tok, _) = sample();
    let v = &tok.vocab;
    let files = list_files(&root().join("datasets/wiki-sample/pretraining").to_string_lossy()).unwrap();
    assert_eq!(files.len(), 2);
    let mut n = 0;
    for f in &files {
        for rec in read_all(f).unwrap() {
            let ex = Example::decode(&rec).unwrap();
            let names: Vec<&str> = ex.features.keys().map(|k| k.as_str()).collect();
            let mut want = FEATURES.to_vec();
            want.sort();
            assert_eq!(names, want);
            for name in FEATURES {
                let (is_float, len) = match name {
                    "input_ids" | "input_mask" | "segment_ids" => (false, 128),
                    "masked_lm_weights" => (true, 20),
                    "next_sentence_labels" => (false, 1),
                    _ => (false, 20),
                };
                let f = &ex.features[name];
                assert_eq!(f.len(), len, "{}", name);
                assert_eq!(matches!(f, Feature::Float(_)), is_float, "{} type", name);
                assert!(matches!(f, Feature::Float(_) | Feature::Int64(_)), "{} type", name);
            }
            let ids = ex.int64s("input_ids", None).unwrap();
            let mask = ex.int64s("input_mask", None).unwrap();
            let seg = ex.int64s("segment_ids", None).unwrap();
            let len = mask.iter().take_while(|&&m| m == 1).count();
            assert!(mask[len..].iter().all(|&m| m == 0) && ids[len..].iter().all(|&i| i == 0) && seg[len..].iter().all(|&s| s == 0));
            assert_eq!(ids[0], v.cls as i64);
            assert_eq!(ids[len - 1], v.sep as i64);
            // Segment ids: 0 through the first [SEP], then 1 through the last.
            let a_end = seg[..len].iter().position(|&s| s == 1).unwrap();
            assert!(seg[a_end..len].iter().all(|&s| s == 1) && a_end >= 3);
            assert_eq!(ids[a_end - 1], v.sep as i64);
            let pos = ex.int64s("masked_lm_positions", None).unwrap();
            let w = ex.floats("masked_lm_weights", None).unwrap();
            let k = w.iter().take_while(|&&x| x == 1.0).count();
            assert!(k >= 1 && w[k..].iter().all(|&x| x == 0.0));
            assert!(pos[..k].windows(2).all(|p| p[0] < p[1]) && pos[k..].iter().all(|&p| p == 0));
            assert!(pos[..k].iter().all(|&p| p > 0 && (p as usize) < len - 1 && p as usize != a_end - 1));
            assert!(ex.int64s("masked_lm_ids", None).unwrap()[k..].iter().all(|&x| x == 0));
            assert!(matches!(ex.int64_1("next_sentence_labels").unwrap(), 0 | 1));
            n += 1;
        }
    }
    assert_eq!(n, 400);
}

#[test]
fn deterministic_per_seed_and_thread_count() {
    let (tok, docs) = sample();
    let a = create_instances(docs, &tok.vocab, &cfg(7, 1)).unwrap();
    let b = create_instances(docs, &tok.vocab, &PretrainConfig { threads: 3, ..cfg(7, 1) }).unwrap();
    let c = create_instances(docs, &tok.vocab, &cfg(8, 1)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    // Written twice, the files are byte-identical.
    let (d1, d2) = (tmp("det1"), tmp("det2"));
    let (p1, _) = write_shards(&d1, &a[..200], SHAPE, 2).unwrap();
    let (p2, _) = write_shards(&d2, &b[..200], SHAPE, 2).unwrap();
    for (x, y) in p1.iter().zip(&p2) {
        assert_eq!(std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
    }
}

#[test]
fn masking_statistics() {
    let (tok, docs) = sample();
    let v = &tok.vocab;
    let inst = create_instances(docs, v, &cfg(1, 3)).unwrap();
    assert!(inst.len() > 3000, "{}", inst.len());
    let (mut masked, mut kept, mut random, mut total) = (0usize, 0usize, 0usize, 0usize);
    let mut tokens = 0usize;
    for i in &inst {
        assert!(i.tokens.len() <= 128 && i.segment_ids.len() == i.tokens.len());
        let want = ((i.tokens.len() as f64 * 0.15).round() as usize).clamp(1, 20);
        assert_eq!(i.masked_positions.len(), want, "budget for {} tokens", i.tokens.len());
        for (&p, &l) in i.masked_positions.iter().zip(&i.masked_labels) {
            let t = i.tokens[p as usize];
            assert!(l != v.cls && l != v.sep);
            if t == v.mask {
                masked += 1;
            } else if t == l {
                kept += 1;
            } else {
                random += 1;
            }
            total += 1;
        }
        tokens += i.tokens.len();
    }
    let f = |x: usize| x as f64 / total as f64;
    assert!((f(masked) - 0.8).abs() < 0.01, "[MASK] share {}", f(masked));
    assert!((f(kept) - 0.1).abs() < 0.01, "kept share {}", f(kept));
    assert!((f(random) - 0.1).abs() < 0.01, "random share {}", f(random));
    assert!((total as f64 / tokens as f64 - 0.15).abs() < 0.02, "masked fraction {}", total as f64 / tokens as f64);
}

#[test]
fn whole_word_masking_masks_whole_words() {
    let (tok, docs) = sample();
    let v = &tok.vocab;
    // True when some masked continuation piece has an unmasked piece before it.
    let partial = |inst: &[Instance]| {
        inst.iter().any(|i| {
            let o = original(i);
            i.masked_positions.iter().zip(&i.masked_labels).any(|(&p, &l)| {
                let before = o[p as usize - 1];
                v.is_continuation(l) && before != v.cls && before != v.sep && !i.masked_positions.contains(&(p - 1))
            })
        })
    };
    let wwm = create_instances(docs, v, &PretrainConfig { whole_word_mask: true, ..cfg(3, 1) }).unwrap();
    let plain = create_instances(docs, v, &cfg(3, 1)).unwrap();
    assert!(!partial(&wwm), "whole-word masking split a word");
    assert!(partial(&plain), "token masking never split a word: the check is vacuous");
    // And a masked word start takes its continuation pieces along.
    for i in &wwm {
        let o = original(i);
        for &p in &i.masked_positions {
            let next = p as usize + 1;
            if next < o.len() && v.is_continuation(o[next]) {
                assert!(i.masked_positions.contains(&(next as u32)));
            }
        }
    }
}

#[test]
fn next_sentence_is_random_half_the_time() {
    let (tok, docs) = sample();
    let inst = create_instances(docs, &tok.vocab, &PretrainConfig { short_seq_prob: 0.0, ..cfg(5, 2) }).unwrap();
    let r = inst.iter().filter(|i| i.is_random_next).count() as f64 / inst.len() as f64;
    assert!((r - 0.5).abs() < 0.04, "random next {} over {}", r, inst.len());
    // With full-length targets, nearly every pair fills the sequence.
    let full = inst.iter().filter(|i| i.tokens.len() == 128).count() as f64 / inst.len() as f64;
    assert!(full > 0.9, "{} full", full);
}

fn loader(files: Vec<PathBuf>, batch: usize, shuffle: usize, start: Position) -> BertLoader {
    let mut s = StreamConfig::new(files);
    s.shuffle_buffer = shuffle;
    s.shuffle_files = shuffle > 0;
    s.seed = 11;
    BertLoader::new(BertLoaderConfig { stream: s, batch_size: batch, shape: SHAPE, epochs: Some(2) }, start).unwrap()
}

#[test]
fn reader_round_trip_and_resume() {
    let (tok, docs) = sample();
    let inst = create_instances(docs, &tok.vocab, &cfg(9, 1)).unwrap();
    let inst = &inst[..100];
    let d = tmp("roundtrip");
    let (files, _) = write_shards(&d, inst, SHAPE, 2).unwrap();
    // Two shards written round-robin and read interleaved come back in instance order.
    let batches: Vec<_> = loader(files.clone(), 8, 0, Position::default()).collect::<Result<_, _>>().unwrap();
    assert_eq!(batches.len(), 2 * (100 / 8));
    for (k, b) in batches[..12].iter().enumerate() {
        assert_eq!(b.position, Position { epoch: 0, step: k as u64 });
        for r in 0..8 {
            let i = &inst[k * 8 + r];
            let row = &b.input_ids[r * 128..(r + 1) * 128];
            assert_eq!(&row[..i.tokens.len()], i.tokens.iter().map(|&t| t as i32).collect::<Vec<_>>().as_slice());
            assert!(row[i.tokens.len()..].iter().all(|&t| t == 0));
            assert_eq!(b.input_mask[r * 128..(r + 1) * 128].iter().sum::<i32>(), i.tokens.len() as i32);
            assert_eq!(b.segment_ids[r * 128..r * 128 + i.tokens.len()], i.segment_ids.iter().map(|&s| s as i32).collect::<Vec<_>>()[..]);
            let n = i.masked_positions.len();
            assert_eq!(
                &b.masked_lm_positions[r * 20..r * 20 + n],
                i.masked_positions.iter().map(|&p| p as i32).collect::<Vec<_>>().as_slice()
            );
            assert_eq!(&b.masked_lm_ids[r * 20..r * 20 + n], i.masked_labels.iter().map(|&p| p as i32).collect::<Vec<_>>().as_slice());
            assert_eq!(b.masked_lm_weights[r * 20..(r + 1) * 20].iter().sum::<f32>(), n as f32);
            assert_eq!(b.next_sentence_labels[r], i.is_random_next as i32);
        }
    }
    // Shuffled: resuming at any (epoch, step) continues exactly.
    let all: Vec<_> = loader(files.clone(), 8, 32, Position::default()).collect::<Result<_, _>>().unwrap();
    assert_ne!(all[0].input_ids, batches[0].input_ids, "shuffle had no effect");
    assert_ne!(all[0].input_ids, all[12].input_ids, "epochs 0 and 1 in the same order");
    for start in [Position { epoch: 0, step: 5 }, Position { epoch: 1, step: 0 }, Position { epoch: 1, step: 7 }] {
        let k = (start.epoch * 12 + start.step) as usize;
        let rest: Vec<_> = loader(files.clone(), 8, 32, start).collect::<Result<_, _>>().unwrap();
        assert_eq!(rest, all[k..].to_vec(), "resume at {:?}", start);
    }
}

#[test]
fn bad_records_name_file_record_and_feature() {
    let (tok, docs) = sample();
    let inst = create_instances(docs, &tok.vocab, &cfg(4, 1)).unwrap();
    let d = tmp("bad");
    let p = d.join("bad.tfrecord");
    let mut w = RecordWriter::create(&p).unwrap();
    let mut sizes = Vec::new();
    for (k, i) in inst[..10].iter().enumerate() {
        let mut ex = to_example(i, SHAPE);
        if k == 3 {
            ex.features.remove("masked_lm_weights");
        }
        if k == 6 {
            ex = ex.with_int64("input_ids", &[1, 2, 3]);
        }
        let bytes = ex.encode();
        sizes.push(bytes.len() as u64 + 16);
        w.write(&bytes).unwrap();
    }
    w.finish().unwrap();
    let mut l = loader(vec![p.clone()], 2, 0, Position::default());
    l.next_batch().unwrap().unwrap();
    let e = l.next_batch().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Feature);
    let msg = e.to_string();
    let offset: u64 = sizes[..3].iter().sum();
    assert!(
        msg.contains("bad.tfrecord")
            && msg.contains("record 3")
            && msg.contains(&format!("byte offset {}", offset))
            && msg.contains("masked_lm_weights"),
        "{}",
        msg
    );
    // With skip_bad both bad records are skipped and counted; 8 good records make 4 batches.
    let mut s = StreamConfig::new(vec![p]);
    s.skip_bad = true;
    let mut l = BertLoader::new(BertLoaderConfig { stream: s, batch_size: 2, shape: SHAPE, epochs: Some(1) }, Position::default()).unwrap();
    let n = std::iter::from_fn(|| l.next_batch().unwrap()).count();
    assert_eq!(n, 4);
    let rep = l.skip_report();
    assert_eq!(rep.skipped, 2);
    assert!(rep.first[1].contains("record 6") && rep.first[1].contains("input_ids") && rep.first[1].contains("3 values"), "{}", rep);
}
