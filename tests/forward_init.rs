//! Host initialization of parameters (what `bamboo forward --partial` fills in and what
//! `bamboo bench-models` runs on): deterministic per (seed, name), stacked layout equal to the
//! public per-layer tensors, and each initializer's distribution.

use bamboo::config::{preset, ModelConfig};
use bamboo::models::{vit, Init, ParamSpec};
use bamboo::train::weights::{init_param, init_public, public_names};

fn spec(name: &str) -> ParamSpec {
    let ModelConfig::Vit(c) = preset("vit-t28").unwrap() else { panic!("vit preset") };
    vit::param_specs(&c).into_iter().find(|s| s.name == name).unwrap()
}

#[test]
fn stacked_values_are_the_per_layer_ones_and_depend_on_seed_and_name() {
    let s = spec("blocks.*.attn.qkv.weight");
    let stacked: Vec<f32> = init_param(&s, 3).unwrap().to_vec().unwrap();
    let layers: Vec<f32> = public_names(&s).iter().flat_map(|n| init_public(&s, n, 3).to_f32()).collect();
    assert_eq!(stacked, layers);
    assert_eq!(init_public(&s, "blocks.0.attn.qkv.weight", 3), init_public(&s, "blocks.0.attn.qkv.weight", 3));
    assert_ne!(init_public(&s, "blocks.0.attn.qkv.weight", 3), init_public(&s, "blocks.0.attn.qkv.weight", 4));
    assert_ne!(init_public(&s, "blocks.0.attn.qkv.weight", 3).data, init_public(&s, "blocks.1.attn.qkv.weight", 3).data);
}

fn std_dev(v: &[f32]) -> f64 {
    let m = v.iter().map(|&x| x as f64).sum::<f64>() / v.len() as f64;
    (v.iter().map(|&x| (x as f64 - m).powi(2)).sum::<f64>() / v.len() as f64).sqrt()
}

#[test]
fn each_initializer_draws_what_it_names() {
    let mk = |init: Init| ParamSpec::new("w", &[256, 128], init);
    let t = init_public(&mk(Init::TruncNormal(0.02)), "w", 0).to_f32();
    assert!(t.iter().all(|x| x.abs() <= 0.04), "truncated at two standard deviations");
    // A normal truncated at +-2 sigma has standard deviation 0.880 sigma.
    assert!((std_dev(&t) / 0.02 - 0.880).abs() < 0.02, "std {}", std_dev(&t));

    let x = init_public(&mk(Init::XavierUniform), "w", 0).to_f32();
    let bound = (6.0f64 / (128.0 + 256.0)).sqrt() as f32;
    assert!(x.iter().all(|v| v.abs() <= bound));
    assert!((std_dev(&x) - bound as f64 / 3f64.sqrt()).abs() < 0.01 * bound as f64);

    assert!(init_public(&mk(Init::Zeros), "w", 0).to_f32().iter().all(|&v| v == 0.0));
    assert!(init_public(&mk(Init::Ones), "w", 0).to_f32().iter().all(|&v| v == 1.0));
    let fixed = ParamSpec::fixed("p", &[3], vec![0.5, -1.0, 2.0]);
    assert_eq!(init_public(&fixed, "p", 9).to_f32(), vec![0.5, -1.0, 2.0]);
}
