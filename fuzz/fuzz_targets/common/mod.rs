//! What both targets do with one record's bytes.

use bamboo::data::text::records::{self, Shape};
use bamboo::data::{imagenet, Example};

pub fn parse_all_ways(record: &[u8]) {
    let Ok(ex) = Example::decode(record) else { return };
    let enc = ex.encode();
    let again = Example::decode(&enc).expect("our own encoding must decode");
    assert_eq!(again.encode(), enc, "encode -> decode -> encode must be stable");
    assert_eq!(again.features.len(), ex.features.len());
    for (name, f) in &ex.features {
        assert_eq!(again.features[name].len(), f.len());
        let _ = (ex.bytes1(name), ex.int64_1(name), ex.floats(name, Some(f.len())), ex.int64s(name, None));
    }
    let _ = imagenet::parse(&ex, 1000).map(|(bytes, label)| {
        assert!(label < 1000);
        bytes.len()
    });
    let _ = records::parse(&ex, Shape { max_seq_length: 128, max_predictions: 20 });
}
