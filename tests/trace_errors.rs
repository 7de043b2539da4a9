//! Bad graphs are refused while tracing, with the op and the shapes in the message.

use bamboo::graph::{grad, scan, DType, Function, Graph, ScanOptions};

#[test]
fn matmul_shape_mismatch_names_op_and_shapes() {
    let g = Graph::new("bad");
    let a = g.param("a", &[2, 3], DType::F32);
    let b = g.param("b", &[4, 5], DType::F32);
    let e = a.matmul(&b).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("dot_general"), "{}", msg);
    assert!(msg.contains("[2, 3]") && msg.contains("[4, 5]"), "{}", msg);
}

#[test]
fn elementwise_broadcast_and_dtype_errors() {
    let g = Graph::new("bad");
    let a = g.param("a", &[2, 3], DType::F32);
    let b = g.param("b", &[4, 3], DType::F32);
    let c = g.param("c", &[2, 3], DType::F64);
    let e = a.add(&b).unwrap_err().to_string();
    assert!(e.contains("add") && e.contains("do not broadcast"), "{}", e);
    let e = a.mul(&c).unwrap_err().to_string();
    assert!(e.contains("mul") && e.contains("f32") && e.contains("f64"), "{}", e);
    // Broadcasting that is legal works and keeps shapes static.
    let row = g.param("row", &[3], DType::F32);
    assert_eq!(a.add(&row).unwrap().dims(), &[2, 3]);
}

#[test]
fn reshape_slice_and_reduce_errors() {
    let g = Graph::new("bad");
    let a = g.param("a", &[2, 3], DType::F32);
    assert!(a.reshape(&[4, 2]).unwrap_err().to_string().contains("reshape"));
    assert!(a.slice_axis(1, 1, 5).unwrap_err().to_string().contains("out of range"));
    assert!(a.sum(&[2], false).unwrap_err().to_string().contains("axis 2"));
    assert!(a.transpose(&[0, 0]).unwrap_err().to_string().contains("repeated"));
    assert_eq!(a.reshape(&[-1]).unwrap().dims(), &[6]);
}

#[test]
fn grad_needs_float_scalar_and_graphs_do_not_mix() {
    let g = Graph::new("a");
    let x = g.param("x", &[3], DType::F32);
    assert!(grad(&x, std::slice::from_ref(&x)).unwrap_err().to_string().contains("scalar"));
    let h = Graph::new("b");
    let y = h.param("y", &[3], DType::F32);
    assert!(x.add(&y).unwrap_err().to_string().contains("different graphs"));
    assert!(Function::new(&g, &[y]).is_err());
}

#[test]
fn scan_checks_carry_types_and_lengths() {
    let g = Graph::new("s");
    let c = g.param("c", &[4], DType::F32);
    let xs = g.param("xs", &[3, 4], DType::F32);
    let ys = g.param("ys", &[5, 4], DType::F32);
    let e = scan(std::slice::from_ref(&c), &[xs.clone(), ys], &[], ScanOptions::default(), |c, x, _| Ok((vec![c[0].add(&x[0])?], vec![])))
        .err()
        .unwrap();
    assert!(e.to_string().contains("leading dim 3"), "{}", e);
    let e = scan(std::slice::from_ref(&c), std::slice::from_ref(&xs), &[], ScanOptions::default(), |c, _, _| {
        Ok((vec![c[0].sum_all()?], vec![]))
    })
    .err()
    .unwrap();
    assert!(e.to_string().contains("changes type"), "{}", e);
    // A body that reaches for an outer value gets a clear error instead of a broken program.
    let e =
        scan(std::slice::from_ref(&c), &[xs], &[], ScanOptions::default(), |cc, _, _| Ok((vec![cc[0].add(&c)?], vec![]))).err().unwrap();
    assert!(e.to_string().contains("different graphs"), "{}", e);
}

#[test]
fn lowered_text_is_generic_form() {
    let g = Graph::new("lin");
    let x = g.param("x", &[2, 3], DType::F32);
    let w = g.param("w", &[3, 4], DType::F32);
    let y = x.matmul(&w).unwrap().gelu().unwrap();
    let text = Function::new(&g, &[y]).unwrap().alias(1, 0).err().map(|e| e.to_string());
    assert!(text.unwrap().contains("cannot alias"));
    let g2 = Graph::new("lin");
    let x = g2.param("x", &[2, 3], DType::F32);
    let w = g2.param("w", &[3, 4], DType::F32);
    let y = x.matmul(&w).unwrap().sum_all().unwrap();
    let text = Function::new(&g2, &[y]).unwrap().to_stablehlo();
    assert!(text.contains("\"stablehlo.dot_general\""), "{}", text);
    assert!(text.contains("contracting_dimensions = [1]"), "{}", text);
    assert!(text.contains("array<i64: 0, 1>"), "{}", text);
    assert!(!text.contains("dense<[0, 1]>"), "old dense dims form: {}", text);
}
