//! Several devices: a traced computation with a cross-replica sum, replicated on two CPU devices,
//! equals the single-device computation on the concatenated batch.

mod common;

use bamboo::graph::{grad, DType, Function, Graph, ReduceKind, Tensor};
use bamboo::program::Compile;
use bamboo::runtime::{Client, ClientOptions, CompileOptions, HostTensor, Plugin};
use common::Rng;

/// Mean-squared error of a linear model and its weight gradient, on `n` rows; with `replicas`
/// the loss and gradient are summed across replicas.
fn step(n: i64, replicas: i64) -> Function {
    let g = Graph::new("replicated_grad");
    let x = g.param("x", &[n, 8], DType::F32);
    let w = g.param("w", &[8, 3], DType::F32);
    let y = x.matmul(&w).unwrap().tanh().unwrap();
    let total_rows = (n * replicas) as f64;
    let loss = y.square().unwrap().sum_all().unwrap().div_scalar(total_rows).unwrap();
    let gw = grad(&loss, &[w]).unwrap().remove(0);
    let reduce = |t: &Tensor| -> Tensor {
        if replicas == 1 {
            t.clone()
        } else {
            t.all_reduce(ReduceKind::Sum, &[(0..replicas).collect()]).unwrap()
        }
    };
    Function::named(&g, &[("loss", reduce(&loss)), ("grad.w", reduce(&gw))]).unwrap()
}

#[test]
fn two_replicas_match_one_device() {
    let plugin = Plugin::discover(None).unwrap();
    let client = Client::new(&plugin, &ClientOptions { devices: Some(2) }).unwrap();
    assert_eq!(client.addressable_devices().len(), 2);
    let mut rng = Rng::new(9);
    let x: Vec<f32> = rng.normals(16 * 8, 1.0).iter().map(|&v| v as f32).collect();
    let w: Vec<f32> = rng.normals(24, 0.5).iter().map(|&v| v as f32).collect();
    let wt = HostTensor::from_slice(&[8, 3], &w).unwrap();

    let single = step(16, 1).lower().compile(&client, &CompileOptions::default()).unwrap();
    let mut one = single.run_host(&[("x", &HostTensor::from_slice(&[16, 8], &x).unwrap()), ("w", &wt)]).unwrap();
    let loss1 = one.take("loss").unwrap().to_scalar::<f32>().unwrap();
    let grad1: Vec<f32> = one.take("grad.w").unwrap().to_vec().unwrap();

    let lowered = step(8, 2).lower();
    assert!(lowered.text().contains("stablehlo.all_reduce"));
    let multi = lowered.compile(&client, &CompileOptions::replicated(2)).unwrap();
    let mut args = vec![];
    for d in 0..2 {
        let xs = HostTensor::from_slice(&[8, 8], &x[d * 64..(d + 1) * 64]).unwrap();
        let mut a = multi.args_on(d);
        a.host("x", &xs).unwrap().host("w", &wt).unwrap();
        args.push(a);
    }
    let outs = multi.run_on_devices(args).unwrap();
    assert_eq!(outs.len(), 2);
    for (d, o) in outs.iter().enumerate() {
        let l = o.get("loss").unwrap().to_host().unwrap().to_scalar::<f32>().unwrap();
        let g: Vec<f32> = o.get("grad.w").unwrap().to_host().unwrap().to_vec().unwrap();
        assert!((l - loss1).abs() <= 1e-6 * loss1.abs().max(1.0), "device {}: loss {} vs {}", d, l, loss1);
        for (a, b) in g.iter().zip(&grad1) {
            assert!((a - b).abs() <= 1e-6, "device {}: grad {} vs {}", d, a, b);
        }
    }
}
