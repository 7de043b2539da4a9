//! Several devices: a traced computation with a cross-replica sum, replicated on two CPU devices,
//! equals the single-device computation on the concatenated batch.

mod common;

use bamboo::graph::{grad, DType, Function, Graph, ReduceKind, Tensor};
use bamboo::runtime::{Arg, Client, ClientOptions, CompileOptions, HostTensor, Plugin};
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
    Function::new(&g, &[reduce(&loss), reduce(&gw)]).unwrap()
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

    let single = client.compile("one", &step(16, 1).to_stablehlo(), &CompileOptions::default()).unwrap();
    let xb = client.to_device(&HostTensor::from_slice(&[16, 8], &x).unwrap(), 0).unwrap();
    let wb = client.to_device(&wt, 0).unwrap();
    let one = single.execute(vec![vec![Arg::Borrow(&xb), Arg::Borrow(&wb)]]).unwrap().remove(0);
    let loss1 = one[0].to_host().unwrap().to_scalar::<f32>().unwrap();
    let grad1: Vec<f32> = one[1].to_host().unwrap().to_vec().unwrap();

    let text = step(8, 2).to_stablehlo();
    assert!(text.contains("stablehlo.all_reduce"));
    let multi = client.compile("two", &text, &CompileOptions::replicated(2)).unwrap();
    let mut args = vec![];
    let mut keep = vec![];
    for d in 0..2 {
        let xs = HostTensor::from_slice(&[8, 8], &x[d * 64..(d + 1) * 64]).unwrap();
        keep.push((client.to_device(&xs, d).unwrap(), client.to_device(&wt, d).unwrap()));
    }
    for (xb, wb) in &keep {
        args.push(vec![Arg::Borrow(xb), Arg::Borrow(wb)]);
    }
    let outs = multi.execute(args).unwrap();
    assert_eq!(outs.len(), 2);
    for (d, o) in outs.iter().enumerate() {
        let l = o[0].to_host().unwrap().to_scalar::<f32>().unwrap();
        let g: Vec<f32> = o[1].to_host().unwrap().to_vec().unwrap();
        assert!((l - loss1).abs() <= 1e-6 * loss1.abs().max(1.0), "device {}: loss {} vs {}", d, l, loss1);
        for (a, b) in g.iter().zip(&grad1) {
            assert!((a - b).abs() <= 1e-6, "device {}: grad {} vs {}", d, a, b);
        }
    }
}
