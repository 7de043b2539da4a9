//! TFRecord framing on arbitrary bytes, with and without CRC checks: no panic, no hang, and
//! every record handed out is exactly the bytes its frame declares (with a matching data CRC when
//! verifying). Each record then goes through the tf.Example parser and the schema readers.
#![no_main]

use std::io::Cursor;
use std::path::Path;

use bamboo::data::crc32c::{crc32c, crc32c_portable, masked_crc32c};
use bamboo::data::tfrecord::RecordReader;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    assert_eq!(crc32c(data), crc32c_portable(data), "hardware and table CRC disagree");
    for verify in [true, false] {
        let mut r = RecordReader::new(Cursor::new(data), Path::new("fuzz-input"), verify);
        let mut buf = Vec::new();
        // Every frame takes at least 16 bytes, so more calls than this would mean a loop that
        // does not advance.
        for _ in 0..data.len() / 16 + 2 {
            let start = r.offset() as usize;
            match r.read_into(&mut buf) {
                Ok(false) => break,
                Ok(true) => {
                    let end = r.offset() as usize;
                    assert_eq!(end, start + 16 + buf.len());
                    assert_eq!(&data[start + 12..end - 4], &buf[..]);
                    if verify {
                        assert_eq!(&data[end - 4..end], &masked_crc32c(&buf).to_le_bytes());
                    }
                    common::parse_all_ways(&buf);
                }
                Err(e) => {
                    let _ = e.to_string();
                    if r.is_dead() {
                        break;
                    }
                    assert!(r.offset() as usize > start, "an error that leaves the reader alive must skip the frame");
                }
            }
        }
    }
});
