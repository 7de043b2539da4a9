//! Host-side parameter initialization, deterministic per (seed, parameter name).

use anyhow::Result;

use super::spec::{Init, ParamSpec};
use crate::runtime::HostTensor;

/// SplitMix64: small, fast, and good enough to draw initial weights and synthetic batches.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    pub fn normal(&mut self) -> f64 {
        let (a, b) = (self.uniform(), self.uniform());
        (-2.0 * a.ln()).sqrt() * (2.0 * std::f64::consts::PI * b).cos()
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

fn hash_name(seed: u64, name: &str) -> u64 {
    // FNV-1a over the name, mixed with the seed.
    let mut h = 0xCBF2_9CE4_8422_2325u64 ^ seed.wrapping_mul(0x100_0000_01B3);
    for b in name.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01B3);
    }
    h
}

/// Initial values of one parameter (f32). Stacked parameters draw each layer like a plain one.
pub fn init_param(spec: &ParamSpec, seed: u64) -> Result<HostTensor> {
    let n: usize = spec.shape.iter().product::<i64>() as usize;
    let per: &[i64] = if spec.layers().is_some() { &spec.shape[1..] } else { &spec.shape };
    let mut rng = SplitMix(hash_name(seed, &spec.name));
    let values: Vec<f32> = match &spec.init {
        Init::Zeros => vec![0.0; n],
        Init::Ones => vec![1.0; n],
        Init::Values(v) => v.iter().map(|&x| x as f32).collect(),
        Init::TruncNormal(std) => (0..n)
            .map(|_| loop {
                let z = rng.normal();
                if z.abs() <= 2.0 {
                    break (z * std) as f32;
                }
            })
            .collect(),
        Init::XavierUniform => {
            // Linear [out, in] and conv [out, in, kh, kw] alike: fan_out = dim 0, fan_in = the rest.
            let fan_out = per[0] as f64;
            let fan_in = per[1..].iter().product::<i64>() as f64;
            let bound = (6.0 / (fan_in + fan_out)).sqrt();
            (0..n).map(|_| ((rng.uniform() * 2.0 - 1.0) * bound) as f32).collect()
        }
    };
    Ok(HostTensor::from_slice(&spec.shape, &values)?)
}
