//! Forward values of ops through the real plugin against host computations.

mod common;

use bamboo::graph::{random, DType, Tensor};
use bamboo::runtime::HostTensor;
use common::{run, Input, Rng};

fn f64s(t: &HostTensor) -> Vec<f64> {
    t.to_vec::<f64>().unwrap()
}

#[test]
fn matmul_softmax_layer_norm_match_host() {
    let mut rng = Rng::new(1);
    let (a, b) = (rng.normals(6, 1.0), rng.normals(12, 1.0));
    let ins = vec![Input::f64("a", &[2, 3], a.clone()), Input::f64("b", &[3, 4], b.clone())];
    let out = run("host_check", &ins, |p| {
        let w = p[0].graph().splat(1.0, &[4], DType::F64);
        let z = p[1].graph().zeros(&[4], DType::F64);
        Ok(vec![p[0].matmul(&p[1])?, p[0].softmax(1)?, p[0].matmul(&p[1])?.layer_norm(&w, &z, 0.0)?])
    });
    let mm = f64s(&out[0]);
    for i in 0..2 {
        for j in 0..4 {
            let e: f64 = (0..3).map(|k| a[i * 3 + k] * b[k * 4 + j]).sum();
            assert!((mm[i * 4 + j] - e).abs() < 1e-12);
        }
    }
    let sm = f64s(&out[1]);
    for i in 0..2 {
        let z: f64 = (0..3).map(|k| a[i * 3 + k].exp()).sum();
        for k in 0..3 {
            assert!((sm[i * 3 + k] - a[i * 3 + k].exp() / z).abs() < 1e-12);
        }
    }
    let ln = f64s(&out[2]);
    for i in 0..2 {
        let row = &ln[i * 4..i * 4 + 4];
        let mean: f64 = row.iter().sum::<f64>() / 4.0;
        let var: f64 = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 4.0;
        assert!(mean.abs() < 1e-12 && (var - 1.0).abs() < 1e-9, "mean {} var {}", mean, var);
    }
}

#[test]
fn argsort_is_a_sorting_permutation() {
    let mut rng = Rng::new(2);
    let keys = rng.normals(20, 1.0);
    let out = run("argsort", &[Input::f64("k", &[2, 10], keys.clone())], |p| Ok(vec![p[0].argsort(1, false)?]));
    let perm = out[0].to_vec::<i32>().unwrap();
    for r in 0..2 {
        let row: Vec<f64> = perm[r * 10..r * 10 + 10].iter().map(|&i| keys[r * 10 + i as usize]).collect();
        assert!(row.windows(2).all(|w| w[0] <= w[1]), "{:?}", row);
        let mut seen = perm[r * 10..r * 10 + 10].to_vec();
        seen.sort();
        assert_eq!(seen, (0..10).collect::<Vec<i32>>());
    }
}

#[test]
fn gather_rows_and_scatter_add() {
    let table: Vec<f64> = (0..12).map(|v| v as f64).collect();
    let ins = vec![Input::f64("t", &[4, 3], table), Input::i32("ids", &[3], vec![3, 0, 3])];
    let out = run("gather", &ins, |p| {
        let rows = p[0].take_rows(&p[1])?;
        let back = p[0].zeros_like().scatter_add(
            &p[1].reshape(&[3, 1])?,
            &rows,
            bamboo::graph::GatherDims {
                offset_dims: vec![1],
                collapsed_slice_dims: vec![0],
                start_index_map: vec![0],
                index_vector_dim: 1,
            },
        )?;
        Ok(vec![rows, back])
    });
    assert_eq!(f64s(&out[0]), vec![9.0, 10.0, 11.0, 0.0, 1.0, 2.0, 9.0, 10.0, 11.0]);
    assert_eq!(f64s(&out[1]), vec![0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 18.0, 20.0, 22.0]);
}

#[test]
fn random_numbers_are_deterministic_and_uniform() {
    let out = run("rng", &[Input::f64("unused", &[1], vec![0.0])], |p| {
        let g = p[0].graph();
        let key = g.constant(&[0.0, 42.0], &[2], DType::U32)?;
        let ks = random::split(&key, 2)?;
        let k1 = ks.slice_axis(0, 0, 1)?.reshape(&[2])?;
        let k2 = ks.slice_axis(0, 1, 2)?.reshape(&[2])?;
        Ok(vec![
            random::uniform(&k1, &[10000], DType::F32)?,
            random::uniform(&k1, &[10000], DType::F32)?,
            random::uniform(&k2, &[10000], DType::F32)?,
            random::normal(&k2, &[10000], DType::F32)?,
        ])
    });
    let u: Vec<f32> = out[0].to_vec().unwrap();
    assert_eq!(u, out[1].to_vec::<f32>().unwrap(), "same key, same numbers");
    assert_ne!(u, out[2].to_vec::<f32>().unwrap(), "split keys differ");
    let mean = u.iter().map(|&v| v as f64).sum::<f64>() / u.len() as f64;
    assert!(u.iter().all(|&v| (0.0..1.0).contains(&v)));
    assert!((mean - 0.5).abs() < 0.01, "uniform mean {}", mean);
    let n: Vec<f32> = out[3].to_vec().unwrap();
    let m = n.iter().map(|&v| v as f64).sum::<f64>() / n.len() as f64;
    let var = n.iter().map(|&v| (v as f64 - m).powi(2)).sum::<f64>() / n.len() as f64;
    assert!(m.abs() < 0.03 && (var - 1.0).abs() < 0.05, "normal mean {} var {}", m, var);
}

#[test]
fn bf16_convert_and_matmul() {
    let mut rng = Rng::new(4);
    let (a, b) = (rng.normals(64, 1.0), rng.normals(64, 1.0));
    let ins = vec![Input::f64("a", &[8, 8], a.clone()), Input::f64("b", &[8, 8], b.clone())];
    let out = run("bf16", &ins, |p| {
        let x = p[0].convert(DType::BF16)?.matmul(&p[1].convert(DType::BF16)?)?;
        Ok(vec![x.convert(DType::F64)?, p[0].matmul(&p[1])?])
    });
    let (lo, hi) = (f64s(&out[0]), f64s(&out[1]));
    for (x, y) in lo.iter().zip(&hi) {
        assert!((x - y).abs() < 0.1 + 0.02 * y.abs(), "bf16 {} vs f64 {}", x, y);
    }
    assert!(lo.iter().zip(&hi).any(|(x, y)| x != y), "bf16 rounding must show");
}

#[test]
fn iota_pad_concat_slices() {
    let out = run("shapes", &[Input::f64("x", &[2, 2], vec![1.0, 2.0, 3.0, 4.0])], |p| {
        let z = p[0].graph().scalar(0.0, DType::F64);
        let padded = p[0].pad(&z, &[0, 1], &[1, 0], &[0, 1])?;
        let cat = Tensor::concat(&[p[0].clone(), p[0].neg()?], 1)?;
        let io = p[0].graph().iota(&[2, 3], 1, DType::F64)?;
        Ok(vec![padded, cat.slice(&[0, 1], &[2, 4], &[1, 2])?, io])
    });
    assert_eq!(f64s(&out[0]), vec![0.0, 1.0, 0.0, 2.0, 0.0, 3.0, 0.0, 4.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(f64s(&out[1]), vec![2.0, -2.0, 4.0, -4.0]);
    assert_eq!(f64s(&out[2]), vec![0.0, 1.0, 2.0, 0.0, 1.0, 2.0]);
}
