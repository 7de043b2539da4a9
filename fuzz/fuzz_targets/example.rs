//! The tf.Example parser on arbitrary bytes: no panic; what it accepts re-encodes to bytes that
//! decode to the same Example (compared as encodings, so NaN floats compare equal).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::parse_all_ways(data);
});
