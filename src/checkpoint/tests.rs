//! Small pieces that need no file: dtype names, byte counts, layer-name parsing, conversions.

use super::*;

#[test]
fn dtype_names_round_trip() {
    for d in Dtype::ALL {
        assert_eq!(Dtype::from_name(d.name()), Some(d));
    }
    assert_eq!(Dtype::from_name("bool"), None, "names are case-sensitive, as in the spec");
    assert_eq!(Dtype::Bool.name(), "BOOL");
}

#[test]
fn tensor_data_checks_its_byte_count() {
    assert!(TensorData::new(Dtype::BF16, vec![2, 3], vec![0; 12]).is_ok());
    let e = TensorData::new(Dtype::F32, vec![2, 3], vec![0; 12]).unwrap_err().to_string();
    assert!(e.contains("needs 24"), "{e}");
}

#[test]
fn conversions_read_little_endian() {
    let t = TensorData::from_f32(&[2], &[1.5, -2.0]);
    assert_eq!(t.data[..4], 1.5f32.to_le_bytes());
    assert_eq!(t.to_f32(), vec![1.5, -2.0]);
    assert_eq!(TensorData::from_i32(&[1], &[-7]).to_i64(), Some(vec![-7]));
    let bf = TensorData::new(Dtype::BF16, vec![1], half::bf16::from_f32(3.0).to_le_bytes().to_vec()).unwrap();
    assert_eq!(bf.to_f32(), vec![3.0]);
    assert_eq!(t.to_i64(), None);
}

#[test]
fn layer_names_split_only_under_the_exact_prefix() {
    let mut t = Tensors::new();
    for name in ["blocks.0.a", "blocks.1.a", "decoder_blocks.0.a", "blocks.x.a", "blocks.2", "blocks_norm.weight"] {
        t.insert(name.into(), TensorData::from_f32(&[1], &[0.0]));
    }
    let s = stack_layers(&mut t, "blocks").unwrap();
    assert_eq!(s.keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(s["a"].shape, vec![2, 1]);
    assert_eq!(t.len(), 4, "non-matching names stay: {:?}", t.keys());
}
