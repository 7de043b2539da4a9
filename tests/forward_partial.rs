//! Partial loads (`bamboo forward --partial`): tensors the checkpoint lacks start as a fresh run
//! with the same seed would, layer by layer; extra ones are listed; wrong shapes still fail.

use bamboo::checkpoint::TensorData;
use bamboo::config::{preset, ModelConfig};
use bamboo::models::vit;
use bamboo::runtime::HostTensor;
use bamboo::weights::host::{host_params_partial, to_checkpoint};
use bamboo::weights::init::init_param;
use bamboo::weights::ParamSpec;

/// Bamboo-T28: 24 blocks, so layer names sort differently as text and as numbers.
fn specs() -> Vec<ParamSpec> {
    let ModelConfig::Vit(c) = preset("bamboo-t28").unwrap() else { panic!("vit preset") };
    vit::param_specs(&c)
}

fn fresh(specs: &[ParamSpec], seed: u64) -> Vec<HostTensor> {
    specs.iter().map(|s| init_param(s, seed).unwrap()).collect()
}

/// Layer `l` of a stacked host value.
fn layer(h: &HostTensor, l: usize) -> Vec<f32> {
    let v: Vec<f32> = h.to_vec().unwrap();
    let n = v.len() / h.dims[0] as usize;
    v[l * n..(l + 1) * n].to_vec()
}

#[test]
fn missing_layers_start_fresh_and_the_rest_is_loaded() {
    let specs = specs();
    let mut ckpt = to_checkpoint(&specs, &fresh(&specs, 1)).unwrap();
    ckpt.retain(|n, _| !n.starts_with("blocks.2.") && !n.starts_with("blocks.10.") && !n.starts_with("head."));
    ckpt.insert("decoder.extra".into(), TensorData::from_f32(&[1], &[0.0]));

    let p = host_params_partial(&specs, &ckpt, &[], 2).unwrap();
    assert_eq!(p.unused, ["decoder.extra"]);
    assert_eq!(p.initialized.len(), 2 * 12 + 2, "{:?}", p.initialized);
    assert!(p.initialized.iter().all(|n| n.starts_with("blocks.2.") || n.starts_with("blocks.10.") || n.starts_with("head.")));

    let (loaded, seed2) = (fresh(&specs, 1), fresh(&specs, 2));
    let qkv = specs.iter().position(|s| s.name == "blocks.*.attn.qkv.weight").unwrap();
    for l in 0..24 {
        let want = if l == 2 || l == 10 { &seed2[qkv] } else { &loaded[qkv] };
        assert_eq!(layer(&p.params[qkv], l), layer(want, l), "qkv layer {}", l);
    }
    let head = specs.iter().position(|s| s.name == "head.weight").unwrap();
    assert_eq!(p.params[head].to_vec::<f32>().unwrap(), seed2[head].to_vec::<f32>().unwrap());
    assert_ne!(seed2[head].to_vec::<f32>().unwrap(), loaded[head].to_vec::<f32>().unwrap(), "seeds differ");
}

#[test]
fn a_wrong_shape_fails_even_in_a_partial_load() {
    let specs = specs();
    let mut ckpt = to_checkpoint(&specs, &fresh(&specs, 1)).unwrap();
    ckpt.insert("blocks.5.norm1.weight".into(), TensorData::from_f32(&[3], &[1.0; 3]));
    let e = host_params_partial(&specs, &ckpt, &[], 0).err().expect("a shape error").to_string();
    assert!(e.contains("`blocks.5.norm1.weight` has shape [3], expected [64]"), "{}", e);
}
