//! safetensors files on disk: round trips, files written by the Python library, damaged files,
//! atomic writes, validation against a model, per-layer stacking, the sidecar.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bamboo::checkpoint::{
    self, load, load_checked, parse, read, save, serialize, stack_layers, unstack_layers, validate, CheckpointError, Dtype, Expected,
    LoadMode, Mismatch, Sidecar, TensorData, Tensors,
};
use bamboo::config;

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!("bamboo-st-{}-{}-{}", tag, std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(model: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(model).join(file)
}

fn one_of_each() -> Tensors {
    let mut t = Tensors::new();
    for (i, d) in Dtype::ALL.into_iter().enumerate() {
        let shape = vec![2, i + 1];
        let n = shape.iter().product::<usize>() * d.size();
        let data = (0..n).map(|b| (b * 7 + i) as u8 % 2).collect(); // 0/1 bytes are valid for BOOL too
        t.insert(format!("t.{}", d.name().to_lowercase()), TensorData::new(d, shape, data).unwrap());
    }
    t.insert("scalar".into(), TensorData::from_f32(&[], &[1.5]));
    t.insert("empty".into(), TensorData::from_f32(&[0, 3], &[]));
    t
}

fn header_file(dir: &TempDir, name: &str, header: &str, data_len: usize) -> PathBuf {
    let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend(std::iter::repeat_n(0u8, data_len));
    let p = dir.path(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn every_dtype_round_trips_with_metadata() {
    let dir = TempDir::new("rt");
    let p = dir.path("all.safetensors");
    let t = one_of_each();
    let meta = BTreeMap::from([("format".to_string(), "pt".to_string())]);
    save(&p, &t, &meta).unwrap();
    let back = read(&p).unwrap();
    assert_eq!(back.tensors, t);
    assert_eq!(back.metadata, meta);
    // The data starts 8-byte aligned, as the reference writer leaves it.
    let bytes = std::fs::read(&p).unwrap();
    assert_eq!(u64::from_le_bytes(bytes[..8].try_into().unwrap()) % 8, 0);
    assert_eq!(bytes, serialize(&t, &meta));
}

#[test]
fn reads_files_written_by_the_python_library() {
    let w = load(&fixture("vit", "weights.safetensors")).unwrap();
    let qkv = &w["blocks.0.attn.qkv.weight"];
    assert_eq!((qkv.dtype, qkv.shape.clone()), (Dtype::F32, vec![96, 32]));
    assert_eq!(w["pos_embed"].shape, vec![1, 17, 32]);
    let inputs = load(&fixture("bert", "inputs.safetensors")).unwrap();
    assert_eq!(inputs["input_ids"].dtype, Dtype::I64);
    assert_eq!(inputs["attention_mask"].to_i64().unwrap()[2 * 16 + 11], 0);
    let mae = read(&fixture("mae", "weights.safetensors")).unwrap();
    assert_eq!(mae.metadata.get("format").map(String::as_str), Some("pt"));
    assert!(mae.tensors.contains_key("vit.encoder.layer.0.attention.attention.query.weight"));
    // Our writer reproduces a file that the reader then sees identically.
    let dir = TempDir::new("py");
    let p = dir.path("copy.safetensors");
    save(&p, &mae.tensors, &mae.metadata).unwrap();
    assert_eq!(read(&p).unwrap(), mae);
}

#[test]
fn truncated_file_names_file_and_tensor() {
    let dir = TempDir::new("trunc");
    let p = dir.path("w.safetensors");
    let mut t = Tensors::new();
    t.insert("a".into(), TensorData::from_f32(&[4], &[1.0; 4]));
    t.insert("b".into(), TensorData::from_f32(&[8], &[2.0; 8]));
    save(&p, &t, &BTreeMap::new()).unwrap();
    let bytes = std::fs::read(&p).unwrap();
    std::fs::write(&p, &bytes[..bytes.len() - 5]).unwrap();
    let e = load(&p).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(&e, CheckpointError::Tensor { name, .. } if name == "b"), "{msg}");
    assert!(msg.contains("w.safetensors") && msg.contains("`b`") && msg.contains("truncated"), "{msg}");
    // Cut inside the header, then inside the length itself.
    std::fs::write(&p, &bytes[..20]).unwrap();
    assert!(load(&p).unwrap_err().to_string().contains("header length"));
    std::fs::write(&p, &bytes[..5]).unwrap();
    assert!(load(&p).unwrap_err().to_string().contains("too short"));
}

#[test]
fn header_that_lies_about_offsets_is_named() {
    let dir = TempDir::new("lies");
    // Past the end of the data.
    let p = header_file(&dir, "past.safetensors", r#"{"x":{"dtype":"F32","shape":[4],"data_offsets":[0,64]}}"#, 16);
    let msg = load(&p).unwrap_err().to_string();
    assert!(msg.contains("past.safetensors") && msg.contains("`x`") && msg.contains("[0, 64]"), "{msg}");
    // Span disagrees with shape x dtype.
    let p = header_file(&dir, "size.safetensors", r#"{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}}"#, 16);
    let msg = load(&p).unwrap_err().to_string();
    assert!(msg.contains("`x`") && msg.contains("needs"), "{msg}");
    // Two tensors over the same bytes.
    let h = r#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"y":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#;
    let msg = load(&header_file(&dir, "overlap.safetensors", h, 12)).unwrap_err().to_string();
    assert!(msg.contains("`y`") && msg.contains("overlaps tensor `x`"), "{msg}");
    // A hole, and bytes nobody owns.
    let h = r#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#;
    assert!(load(&header_file(&dir, "hole.safetensors", h, 8)).unwrap_err().to_string().contains("hole"));
    let h = r#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#;
    assert!(load(&header_file(&dir, "tail.safetensors", h, 8)).unwrap_err().to_string().contains("follow the last tensor"));
    // Unknown dtype, missing field, not JSON.
    let h = r#"{"x":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}}"#;
    assert!(load(&header_file(&dir, "dt.safetensors", h, 1)).unwrap_err().to_string().contains("unsupported dtype `Q4`"));
    let h = r#"{"x":{"dtype":"F32","data_offsets":[0,4]}}"#;
    assert!(load(&header_file(&dir, "sh.safetensors", h, 4)).unwrap_err().to_string().contains("no `shape`"));
    assert!(parse(Path::new("mem"), &[2, 0, 0, 0, 0, 0, 0, 0, b'{', b'x']).unwrap_err().to_string().contains("not a JSON object"));
}

#[test]
fn writes_are_atomic_and_leave_no_temp_files() {
    let dir = TempDir::new("atomic");
    let p = dir.path("w.safetensors");
    let mut t = Tensors::new();
    t.insert("a".into(), TensorData::from_f32(&[2], &[1.0, 2.0]));
    save(&p, &t, &BTreeMap::new()).unwrap();
    t.insert("a".into(), TensorData::from_f32(&[3], &[3.0, 4.0, 5.0]));
    save(&p, &t, &BTreeMap::new()).unwrap();
    assert_eq!(load(&p).unwrap(), t);
    let names: Vec<_> = std::fs::read_dir(&dir.0).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("w.safetensors")]);
    // A bad tensor is refused before anything is written.
    let mut bad = Tensors::new();
    bad.insert("broken".into(), TensorData { dtype: Dtype::F32, shape: vec![4], data: vec![0; 3] });
    let msg = save(&p, &bad, &BTreeMap::new()).unwrap_err().to_string();
    assert!(msg.contains("`broken`"), "{msg}");
    assert_eq!(load(&p).unwrap(), t);
    // A folder that does not exist: an error naming the path.
    let msg = save(&dir.path("no/such/dir/w.safetensors"), &t, &BTreeMap::new()).unwrap_err().to_string();
    assert!(msg.contains("no/such/dir"), "{msg}");
}

fn expected_of(t: &Tensors) -> Vec<Expected> {
    t.iter().map(|(n, d)| Expected::new(n.clone(), &d.shape, d.dtype)).collect()
}

#[test]
fn validation_reports_every_mismatch_by_name() {
    let path = fixture("vit", "weights.safetensors");
    let mut found = load(&path).unwrap();
    let mut expected = expected_of(&found);
    assert_eq!(validate(&path, &found, &expected, LoadMode::Strict).unwrap().loaded.len(), expected.len());

    found.remove("head.weight"); // missing
    found.insert("norm.weight".into(), TensorData::from_f32(&[32], &[1.0; 32])); // unexpected
    expected.iter_mut().find(|e| e.name == "pos_embed").unwrap().shape = vec![1, 50, 32]; // shape
    expected.iter_mut().find(|e| e.name == "cls_token").unwrap().dtype = Dtype::BF16; // dtype
    let e = validate(&path, &found, &expected, LoadMode::Strict).unwrap_err();
    let CheckpointError::Mismatch { list, .. } = &e else { panic!("{e}") };
    let names: Vec<&str> = list.iter().map(Mismatch::name).collect();
    assert_eq!(names, ["cls_token", "head.weight", "norm.weight", "pos_embed"]);
    let msg = e.to_string();
    for needle in [
        "4 mismatch",
        "missing `head.weight`",
        "unexpected `norm.weight`",
        "shape [1, 17, 32], expected [1, 50, 32]",
        "dtype F32, expected BF16",
    ] {
        assert!(msg.contains(needle), "{needle} not in {msg}");
    }
}

#[test]
fn partial_load_lists_what_was_left_out() {
    // A classifier from an MAE checkpoint: the encoder loads, the decoder is left, the head is new.
    let path = fixture("mae", "weights.safetensors");
    let all = load(&path).unwrap();
    let mut expected: Vec<Expected> = expected_of(&all).into_iter().filter(|e| e.name.starts_with("vit.")).collect();
    expected.push(Expected::new("head.weight", &[10, 32], Dtype::F32));
    assert!(validate(&path, &all, &expected, LoadMode::Strict).is_err());
    let (loaded, report) = load_checked(&path, &expected, LoadMode::Partial).unwrap();
    assert_eq!(loaded.len(), expected.len() - 1);
    assert!(loaded.keys().all(|k| k.starts_with("vit.")));
    assert_eq!(report.missing.len(), 1);
    assert!(report.unexpected.iter().all(|m| m.name().starts_with("decoder.")));
    let text = report.left_out();
    assert!(text.contains("missing `head.weight`") && text.contains("unexpected `decoder.decoder_pred.weight`"), "{text}");
    // Shape errors stay errors in a partial load.
    expected[0].shape = vec![7];
    assert!(load_checked(&path, &expected, LoadMode::Partial).is_err());
}

#[test]
fn layers_stack_and_unstack() {
    let mut w = load(&fixture("vit", "weights.safetensors")).unwrap();
    let original = w.clone();
    let stacked = stack_layers(&mut w, "blocks").unwrap();
    assert_eq!(stacked["attn.qkv.weight"].shape, vec![2, 96, 32]);
    assert_eq!(stacked["norm1.bias"].shape, vec![2, 32]);
    assert!(w.keys().all(|k| !k.starts_with("blocks.")), "per-layer names are taken out");
    // Layer 1 is the second slab.
    let second = &stacked["mlp.fc1.weight"].data[128 * 32 * 4..];
    assert_eq!(second, &original["blocks.1.mlp.fc1.weight"].data[..]);
    let mut back = unstack_layers(&stacked, "blocks").unwrap();
    back.extend(w);
    assert_eq!(back, original);

    // HF prefixes: `vit.encoder.layer` must not swallow `vit.encoder.layernorm`-like names.
    let mut mae = load(&fixture("mae", "weights.safetensors")).unwrap();
    let enc = stack_layers(&mut mae, "vit.encoder.layer").unwrap();
    assert_eq!(enc["attention.attention.query.weight"].shape, vec![2, 32, 32]);
    let dec = stack_layers(&mut mae, "decoder.decoder_layers").unwrap();
    assert_eq!(dec["intermediate.dense.weight"].shape, vec![2, 64, 16]);
    assert!(mae.contains_key("vit.layernorm.weight"));
}

#[test]
fn stacking_errors_name_the_tensor() {
    let mut t = Tensors::new();
    for i in [0, 1, 3] {
        t.insert(format!("blocks.{i}.w"), TensorData::from_f32(&[2], &[i as f32; 2]));
    }
    let before = t.clone();
    let msg = stack_layers(&mut t, "blocks").unwrap_err().to_string();
    assert!(msg.contains("`blocks.2.w`") && msg.contains("missing"), "{msg}");
    assert_eq!(t, before, "a failed stack leaves the tensors alone");
    t.insert("blocks.2.w".into(), TensorData::from_f32(&[3], &[0.0; 3]));
    let msg = stack_layers(&mut t, "blocks").unwrap_err().to_string();
    assert!(msg.contains("`blocks.2.w`") && msg.contains("differs"), "{msg}");
    let msg = stack_layers(&mut t, "layers").unwrap_err().to_string();
    assert!(msg.contains("layers.0"), "{msg}");
}

#[test]
fn sidecar_holds_config_and_step() {
    let dir = TempDir::new("sidecar");
    let p = dir.path("model.safetensors");
    let cfg = config::preset("mae-vit-s28").unwrap();
    let mut side = Sidecar::new(&cfg, 1234);
    side.extra.insert("rng".into(), serde_json::json!([1, 2]));
    let mut t = Tensors::new();
    t.insert("vit.layernorm.weight".into(), TensorData::from_f32(&[2], &[1.0, 1.0]));
    checkpoint::save_checkpoint(&p, &t, &side).unwrap();
    assert!(dir.path("model.json").exists());
    let (back, side_back) = checkpoint::load_checkpoint(&p).unwrap();
    let side_back = side_back.unwrap();
    assert_eq!(back, t);
    assert_eq!(side_back, side);
    assert_eq!(side_back.model_config(&p).unwrap(), cfg);
    side_back.expect_kind(&p, "mae").unwrap();
    let msg = side_back.expect_kind(&p, "bert").unwrap_err().to_string();
    assert!(msg.contains("another architecture") && msg.contains("config.model is `mae`"), "{msg}");
}
