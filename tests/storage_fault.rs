//! Faults on the way to the bucket: the emulator killed in the middle of a streamed read. A server
//! that comes back within the retries is invisible to the reader; one that stays away ends the
//! read with an error naming the object after a bounded number of back-offs: never a hang, never
//! an epoch silently cut short. (Its own test binary: it stops its emulator, and the retry
//! settings come from the environment of the process.)

mod emulator;

use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bamboo::data::tfrecord::frame;
use bamboo::data::{EpochStream, ErrorKind, StreamConfig};
use bamboo::storage;
use emulator::{tmp, Emulator};

#[test]
fn a_server_lost_mid_read_is_retried_then_reported() {
    let e = Emulator::start(&tmp("fault"));
    std::env::set_var("STORAGE_EMULATOR_HOST", e.host());
    std::env::set_var("BAMBOO_STORAGE_RETRIES", "4");
    std::env::set_var("BAMBOO_STORAGE_BACKOFF_MS", "100");
    std::env::set_var("BAMBOO_STORAGE_TIMEOUT_S", "10");
    std::env::set_var("BAMBOO_STORAGE_READ_AHEAD_MB", "1");

    // A 40 MB shard of 400 records: far more than the read-ahead and the socket buffers hold,
    // so stopping the server part way really cuts the transfer.
    let mut shard = Vec::new();
    for i in 0..400u32 {
        let rec: Vec<u8> = (0..100_000u32).map(|j| (i.wrapping_mul(31) ^ j.wrapping_mul(7)) as u8).collect();
        shard.extend(frame(&rec));
    }
    let url = PathBuf::from(e.url("shards/train-00000"));
    storage::write(&url, &shard).unwrap();

    // 1. The server is back before the retries run out: the read completes, byte for byte.
    let mut r = storage::open(&url).unwrap();
    let mut got = vec![0u8; 4 << 20];
    r.read_exact(&mut got).unwrap();
    e.stop();
    std::thread::scope(|s| {
        s.spawn(|| {
            std::thread::sleep(Duration::from_millis(400));
            e.restart();
        });
        r.read_to_end(&mut got).unwrap();
    });
    assert!(got == shard, "resumed read differs ({} of {} bytes)", got.len(), shard.len());

    // 2. The server stays down: the record stream ends in an error naming the shard, in bounded
    // time, after fewer records than the shard holds.
    let mut stream = EpochStream::new(&StreamConfig::new(vec![url.clone()]), 0).unwrap();
    for _ in 0..20 {
        stream.next_record().unwrap().unwrap();
    }
    e.stop();
    let t = Instant::now();
    let mut n = 20;
    let err = loop {
        match stream.next_record() {
            Ok(Some(_)) => n += 1,
            Ok(None) => panic!("the epoch ended quietly after {n} of 400 records"),
            Err(err) => break err,
        }
    };
    let waited = t.elapsed();
    let msg = err.to_string();
    assert!(n < 400, "{n}");
    assert_eq!(err.kind, ErrorKind::Io, "{msg}");
    assert!(msg.contains("gs://bamboo-test/shards/train-00000") && msg.contains("after 5 attempts"), "{msg}");
    assert!(waited < Duration::from_secs(60), "gave up only after {waited:?}");
    eprintln!("gave up after {waited:?} and {n} records: {msg}");
}
