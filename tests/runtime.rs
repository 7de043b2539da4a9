//! The PJRT runtime against real plugins: the one discovery finds (the pinned 0.115 CPU plugin
//! under plugins/, installed by `scripts/setup`) and the 0.106 CPU plugin by explicit path.

mod pins;

use std::path::{Path, PathBuf};

use bamboo::runtime::*;
use half::{bf16, f16};

fn plugin() -> Plugin {
    Plugin::discover(None).expect("a PJRT plugin (run scripts/setup)")
}

/// Whether the discovered plugin is a CPU one. Tests of CPU-only features (several devices made
/// on request, the CPU compiler's options, a second CPU plugin) skip elsewhere, saying so.
fn on_cpu(test: &str) -> bool {
    let c = client(None);
    let cpu = c.platform_name() == "cpu";
    if !cpu {
        eprintln!("{test}: CPU only, skipped on {}", c.platform_name());
    }
    cpu
}

fn client(devices: Option<i64>) -> Client {
    Client::new(&plugin(), &ClientOptions { devices }).expect("client")
}

const ADD: &str = r#"
module @add {
  func.func public @main(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
    %0 = "stablehlo.add"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    "func.return"(%0) : (tensor<2x3xf32>) -> ()
  }
}
"#;

fn f32s(c: &Client, dims: &[i64], v: &[f32]) -> Buffer {
    c.to_device(&HostTensor::from_f32(dims, v).unwrap(), 0).unwrap()
}

fn run_add(c: &Client) {
    let exe = c.compile("add", ADD, &CompileOptions::default()).unwrap();
    assert_eq!(exe.num_outputs(), 1);
    assert_eq!(exe.num_devices(), 1);
    let a = f32s(c, &[2, 3], &[1., 2., 3., 4., 5., 6.]);
    let b = f32s(c, &[2, 3], &[10., 20., 30., 40., 50., 60.]);
    let out = exe.execute_single(&[&a, &b]).unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].dims().unwrap(), vec![2, 3]);
    assert_eq!(out[0].to_host().unwrap().to_f32().unwrap(), vec![11., 22., 33., 44., 55., 66.]);
}

#[test]
fn discovered_plugin_loads_with_versions_and_devices() {
    let p = plugin();
    let (major, minor) = p.api_version();
    assert_eq!(major, 0);
    assert!(minor >= 81, "C API 0.{minor} is older than the v0.81 header");
    // Unless a plugin was chosen on purpose, the tests run on the pinned one, byte for byte.
    if std::env::var_os(PLUGIN_ENV_VAR).is_none() {
        assert!(p.path().ends_with(DEFAULT_PLUGIN_RELATIVE), "discovery found {}, not the pinned plugin", p.path().display());
        pins::assert_pinned(p.path(), DEFAULT_PLUGIN_RELATIVE.trim_start_matches("plugins/"));
    }
    if p.path().ends_with(DEFAULT_PLUGIN_RELATIVE) {
        assert_eq!((major, minor), (0, 115), "the pinned default plugin");
    }
    // Loading again returns the same plugin, not a second initialization.
    assert_eq!(Plugin::load(p.path()).unwrap().path(), p.path());

    let attrs = p.attributes().unwrap();
    assert!(attrs.iter().any(|(k, _)| k == "stablehlo_current_version"), "{attrs:?}");

    let c = Client::new(&p, &ClientOptions::default()).unwrap();
    let devs = c.addressable_devices();
    assert!(!devs.is_empty());
    assert_eq!(c.devices().len(), devs.len());
    for (i, d) in devs.iter().enumerate() {
        assert_eq!(d.addressable_index, Some(i));
        assert!(!d.kind.is_empty() && !d.debug_string.is_empty(), "{d:?}");
    }
    let (platform, have) = (c.platform_name().to_string(), devs.len());
    // A plugin chosen through the variable may be an accelerator's; a CPU one must be pinned.
    if platform == "cpu" {
        let pinned = pins::which_pinned(p.path());
        assert!(pinned.is_some(), "{} is a CPU plugin scripts/setup does not pin (sha256): run scripts/setup", p.path().display());
    }
    // One client at a time: a GPU client takes most of the device's memory when it starts.
    drop(c);
    if platform == "cpu" {
        // Devices are made on request.
        let c2 = client(Some(2));
        assert_eq!(c2.addressable_devices().len(), 2);
        let err = Client::new(&p, &ClientOptions { devices: Some(100_000) }).unwrap_err().to_string();
        assert!(err.contains("100000") && err.contains("256"), "{err}");
    } else {
        // On an accelerator they exist: asking for the ones there is fine, for more an error
        // naming both counts.
        assert_eq!(client(Some(have as i64)).addressable_devices().len(), have);
        let err = Client::new(&p, &ClientOptions { devices: Some(have as i64 + 1) }).unwrap_err().to_string();
        assert!(err.contains(&format!("{} devices asked for", have + 1)) && err.contains(&format!("sees {have}")), "{err}");
    }
}

/// The extension chain is read from the plugin itself: the CPU plugin offers FFI (the route to
/// custom kernels) and Layouts; every link has a name or its number, none is empty.
#[test]
fn plugin_lists_its_extensions() {
    let ext = plugin().extensions();
    if !on_cpu("plugin_lists_its_extensions") {
        assert!(!ext.is_empty() && ext.iter().all(|e| !e.is_empty()), "{:?}", ext);
        return;
    }
    assert!(ext.iter().any(|e| e == "FFI"), "{:?}", ext);
    assert!(ext.iter().any(|e| e == "Layouts"), "{:?}", ext);
    assert!(ext.iter().all(|e| !e.is_empty()), "{:?}", ext);
    assert_eq!(bamboo::runtime::extension_name(5), "FFI");
    assert_eq!(bamboo::runtime::extension_name(99), "type 99");
}

#[test]
fn buffers_round_trip_every_element_type() {
    // Two devices where they can be made; an accelerator's own count (at most two) elsewhere.
    let c = client(on_cpu("buffers_round_trip (second device)").then_some(2));
    let n = c.addressable_devices().len().min(2);
    let tensors = vec![
        HostTensor::from_bool(&[2, 2], &[true, false, false, true]).unwrap(),
        HostTensor::from_u8(&[3], &[0, 7, 255]).unwrap(),
        HostTensor::from_i32(&[2, 1], &[-5, i32::MAX]).unwrap(),
        HostTensor::from_i64(&[2], &[i64::MIN, 42]).unwrap(),
        HostTensor::from_u32(&[1, 1, 2], &[u32::MAX, 3]).unwrap(),
        HostTensor::from_f16(&[2], &[f16::from_f32(0.5), f16::from_f32(-2.0)]).unwrap(),
        HostTensor::from_bf16(&[2], &[bf16::from_f32(1.5), bf16::from_f32(-3.0)]).unwrap(),
        HostTensor::from_f32(&[2, 3], &[0.25, -1., 2., 3., 4., f32::INFINITY]).unwrap(),
        HostTensor::from_f64(&[1], &[std::f64::consts::PI]).unwrap(),
        HostTensor::scalar_f32(7.5),
        HostTensor::zeros(ElementType::F32, &[0, 4]).unwrap(),
    ];
    for ty in ElementType::ALL {
        assert!(tensors.iter().any(|t| t.ty == ty), "{ty} is not covered");
    }
    for t in &tensors {
        for dev in 0..n {
            let b = c.to_device(t, dev).unwrap();
            assert_eq!(b.element_type().unwrap(), t.ty);
            assert_eq!(b.dims().unwrap(), t.dims);
            assert_eq!(b.device().unwrap().addressable_index, Some(dev));
            assert_eq!(&b.to_host().unwrap(), t, "{} {:?} on device {dev}", t.ty, t.dims);
        }
    }
    let nine = c.to_device(&HostTensor::scalar_i64(9), 0).unwrap();
    assert_eq!(nine.to_host().unwrap().to_scalar_i64().unwrap(), 9);
    let err = c.to_device(&tensors[0], c.addressable_devices().len()).unwrap_err();
    assert!(err.to_string().contains("out of range"), "{err}");
}

#[test]
fn compile_and_execute_add() {
    run_add(&client(None));
}

#[test]
fn multiple_outputs_come_back_flat() {
    let c = client(None);
    let src = r#"
module @two {
  func.func public @main(%a: tensor<3xf32>) -> (tensor<3xf32>, tensor<f32>) {
    %0 = "stablehlo.multiply"(%a, %a) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
    %z = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.reduce"(%a, %z) ({
      ^bb0(%x: tensor<f32>, %y: tensor<f32>):
        %s = "stablehlo.add"(%x, %y) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%s) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<3xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%0, %1) : (tensor<3xf32>, tensor<f32>) -> ()
  }
}
"#;
    let exe = c.compile("two", src, &CompileOptions::default()).unwrap();
    assert_eq!(exe.num_outputs(), 2);
    let a = f32s(&c, &[3], &[1., 2., 3.]);
    let out = exe.execute_single(&[&a]).unwrap();
    assert_eq!(out[0].to_host().unwrap().to_f32().unwrap(), vec![1., 4., 9.]);
    assert_eq!(out[1].to_host().unwrap().to_scalar_f32().unwrap(), 6.);
}

fn donating_program(attr: &str) -> String {
    format!(
        r#"
module @donate {{
  func.func public @main(%a: tensor<4xf32> {{{attr}}}, %b: tensor<4xf32>) -> (tensor<4xf32>) {{
    %0 = "stablehlo.add"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    "func.return"(%0) : (tensor<4xf32>) -> ()
  }}
}}
"#
    )
}

#[test]
fn donation_and_borrowing() {
    let c = client(None);
    for attr in ["tf.aliasing_output = 0 : i32", "jax.buffer_donor = true"] {
        let exe = c.compile("donate", &donating_program(attr), &CompileOptions::default()).unwrap();
        let b = f32s(&c, &[4], &[10., 20., 30., 40.]);

        // Borrowed: the runtime must not consume it, even though the program aliases it.
        let a = f32s(&c, &[4], &[1., 2., 3., 4.]);
        for _ in 0..2 {
            let out = exe.execute(vec![vec![Arg::Borrow(&a), Arg::Borrow(&b)]]).unwrap();
            assert_ne!(out[0][0].unsafe_pointer().unwrap(), a.unsafe_pointer().unwrap());
            assert_eq!(out[0][0].to_host().unwrap().to_f32().unwrap(), vec![11., 22., 33., 44.]);
            assert_eq!(a.to_host().unwrap().to_f32().unwrap(), vec![1., 2., 3., 4.], "{attr}");
        }

        // Donated: moved in, so it cannot be touched afterwards; the result is still right.
        let a = f32s(&c, &[4], &[1., 2., 3., 4.]);
        let a_addr = a.unsafe_pointer().unwrap();
        let out = exe.execute(vec![vec![Arg::Donate(a), Arg::Borrow(&b)]]).unwrap();
        assert_eq!(out[0][0].to_host().unwrap().to_f32().unwrap(), vec![11., 22., 33., 44.]);
        // The donation really happened: the output lives in the donated memory (the CPU
        // plugins reuse it for both attributes), while borrowing above never did.
        assert_eq!(out[0][0].unsafe_pointer().unwrap(), a_addr, "{attr}");
        // Chaining: donate the previous result back in.
        let prev = out.into_iter().next().unwrap().into_iter().next().unwrap();
        let out = exe.execute(vec![vec![prev.into(), (&b).into()]]).unwrap();
        assert_eq!(out[0][0].to_host().unwrap().to_f32().unwrap(), vec![21., 42., 63., 84.]);
        assert_eq!(b.to_host().unwrap().to_f32().unwrap(), vec![10., 20., 30., 40.]);
    }
    // Donating to a program that aliases nothing is harmless: the buffer is just released.
    let exe = c.compile("add", ADD, &CompileOptions::default()).unwrap();
    let a = f32s(&c, &[2, 3], &[1.; 6]);
    let b = f32s(&c, &[2, 3], &[2.; 6]);
    let out = exe.execute(vec![vec![Arg::Donate(a), Arg::Borrow(&b)]]).unwrap();
    assert_eq!(out[0][0].to_host().unwrap().to_f32().unwrap(), vec![3.; 6]);
}

const ALL_SUM: &str = r#"
module @allsum {
  func.func public @main(%x: tensor<3xf32>) -> (tensor<3xf32>) {
    %0 = "stablehlo.all_reduce"(%x) ({
      ^bb0(%a: tensor<f32>, %b: tensor<f32>):
        %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
        "stablehlo.return"(%s) : (tensor<f32>) -> ()
    }) {replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>} : (tensor<3xf32>) -> tensor<3xf32>
    "func.return"(%0) : (tensor<3xf32>) -> ()
  }
}
"#;

fn run_all_sum(c: &Client) {
    let exe = c.compile("allsum", ALL_SUM, &CompileOptions::replicated(2)).unwrap();
    assert_eq!((exe.num_replicas(), exe.num_partitions(), exe.num_devices()), (2, 1, 2));
    for round in 0..2 {
        let x0 = c.to_device(&HostTensor::from_f32(&[3], &[1., 2., 3.]).unwrap(), 0).unwrap();
        let x1 = c.to_device(&HostTensor::from_f32(&[3], &[10., 20., 30.]).unwrap(), 1).unwrap();
        let out = exe.execute(vec![vec![Arg::Borrow(&x0)], vec![Arg::Donate(x1)]]).unwrap();
        assert_eq!(out.len(), 2);
        for (d, list) in out.iter().enumerate() {
            assert_eq!(list.len(), 1);
            assert_eq!(list[0].device().unwrap().addressable_index, Some(d));
            let got = list[0].to_host().unwrap().to_f32().unwrap();
            assert_eq!(got, vec![11., 22., 33.], "round {round} device {d}");
        }
    }
    // One argument list for a two-device program: our error, naming the program.
    let x = c.to_device(&HostTensor::from_f32(&[3], &[1., 2., 3.]).unwrap(), 0).unwrap();
    let err = exe.execute(vec![vec![Arg::Borrow(&x)]]).unwrap_err();
    assert!(err.to_string().contains("allsum") && err.to_string().contains("2 device"), "{err}");
}

#[test]
fn two_replicas_all_reduce() {
    if !on_cpu("two_replicas_all_reduce (needs two devices)") {
        return;
    }
    run_all_sum(&client(Some(2)));
}

#[test]
fn bad_program_error_names_program_and_keeps_plugin_message() {
    let c = client(None);
    let err = c.compile("my_broken_prog", "module { this is not mlir }", &CompileOptions::default()).unwrap_err();
    let s = err.to_string();
    assert!(s.contains("my_broken_prog") && s.contains("PJRT_Client_Compile"), "{s}");
    assert!(err.plugin_message().is_some_and(|m| !m.is_empty()), "{s}");

    // A well-formed module that uses the wrong types also fails cleanly.
    let wrong = ADD.replace("-> tensor<2x3xf32>\n", "-> tensor<3x2xf32>\n");
    let err = c.compile("wrong_types", &wrong, &CompileOptions::default()).unwrap_err();
    assert!(err.to_string().contains("wrong_types"), "{err}");

    // Unknown per-compile XLA option: a clean error, not an abort.
    let opts = CompileOptions { env_option_overrides: vec![("xla_no_such_option".into(), OptionValue::Bool(true))], ..Default::default() };
    let err = c.compile("opts", ADD, &opts).unwrap_err();
    assert!(err.to_string().contains("opts"), "{err}");

    // Wrong number of arguments at run time.
    let exe = c.compile("add", ADD, &CompileOptions::default()).unwrap();
    let a = f32s(&c, &[2, 3], &[1.; 6]);
    let err = exe.execute_single(&[&a]).unwrap_err();
    assert!(err.to_string().contains("add"), "{err}");
}

#[test]
fn env_option_overrides_reach_the_compiler() {
    if !on_cpu("env_option_overrides_reach_the_compiler (the CPU compiler's options)") {
        return;
    }
    let c = client(None);
    // One option of each encoded kind; all are known to the 0.106 and 0.115 CPU plugins.
    let opts = CompileOptions {
        env_option_overrides: vec![
            ("xla_cpu_use_onednn".into(), OptionValue::Bool(true)),
            ("xla_cpu_experimental_onednn_fusion_type".into(), OptionValue::Str("LIBRARY_FUSION_TYPE_DOT".into())),
            ("xla_backend_optimization_level".into(), OptionValue::Int(2)),
        ],
        ..Default::default()
    };
    assert_eq!(c.compile("flags", ADD, &opts).unwrap().num_outputs(), 1);
    // The plugin really reads the value: a wrongly typed one is refused.
    let bad = CompileOptions { env_option_overrides: vec![("xla_cpu_use_onednn".into(), OptionValue::Int(1))], ..Default::default() };
    let err = c.compile("typed_flag", ADD, &bad).unwrap_err().to_string();
    assert!(err.contains("typed_flag") && err.contains("xla_cpu_use_onednn"), "{err}");
}

#[test]
fn non_plugin_files_give_clear_errors() {
    for p in ["/bin/ls", "/etc/hostname", "/nonexistent/dir/plugin.so"] {
        let path = Path::new(p);
        if p.starts_with("/etc") && !path.exists() {
            continue;
        }
        let err = Plugin::load(path).unwrap_err();
        let s = err.to_string();
        assert!(matches!(err, RuntimeError::Load { .. }), "{p}: {s}");
        assert!(s.contains(p), "{s}");
    }
    // A real shared library that is not a PJRT plugin.
    if let Some(libm) =
        ["/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib64/libm.so.6", "/lib64/libm.so.6"].iter().map(Path::new).find(|p| p.exists())
    {
        let s = Plugin::load(libm).unwrap_err().to_string();
        assert!(s.contains("GetPjrtApi"), "{s}");
    }
    let s = discover_plugin(Some(Path::new("/nonexistent/x.so"))).unwrap_err().to_string();
    assert!(s.contains("/nonexistent/x.so") && s.contains("scripts/setup"), "{s}");
}

#[test]
fn objects_are_send_and_sync_and_usable_from_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Plugin>();
    assert_send_sync::<Client>();
    assert_send_sync::<Buffer>();
    assert_send_sync::<Executable>();

    let c = client(None);
    let exe = c.compile("add", ADD, &CompileOptions::default()).unwrap();
    std::thread::scope(|s| {
        for t in 0..2 {
            let (c, exe) = (&c, &exe);
            s.spawn(move || {
                let a = f32s(c, &[2, 3], &[t as f32; 6]);
                let out = exe.execute_single(&[&a, &a]).unwrap();
                assert_eq!(out[0].to_host().unwrap().to_f32().unwrap(), vec![2. * t as f32; 6]);
            });
        }
    });
}

/// The second plugin version (C API 0.106), by explicit path.
fn second_plugin() -> PathBuf {
    // Pinned in scripts/setup: a missing or different file is a broken set-up, never a quiet pass.
    let p = pins::plugin_path("fastatomstruct_xla_cpu/libpjrt_cpu.so");
    pins::assert_pinned(&p, "fastatomstruct_xla_cpu/libpjrt_cpu.so");
    p
}

#[test]
fn second_plugin_version_by_explicit_path() {
    if !on_cpu("second_plugin_version_by_explicit_path") {
        return;
    }
    let path = second_plugin();
    let p = Plugin::load(discover_plugin(Some(&path)).unwrap()).unwrap();
    assert_eq!(p.api_version(), (0, 106));
    let c = Client::new(&p, &ClientOptions { devices: Some(2) }).unwrap();
    assert_eq!(c.platform_name(), "cpu");
    assert_eq!(c.addressable_devices().len(), 2);
    run_add(&c);
    run_all_sum(&c);
}

/// Program `i` of `many_programs_buffers_and_clients_tear_down_in_any_order`: `a * i + b`, `a`
/// donated into the output.
fn scaled_add(i: usize) -> String {
    format!(
        r#"
module @scaled_add_{i} {{
  func.func public @main(%a: tensor<4xf32> {{tf.aliasing_output = 0 : i32}}, %b: tensor<4xf32>) -> (tensor<4xf32>) {{
    %k = "stablehlo.constant"() {{value = dense<{i}.0> : tensor<4xf32>}} : () -> tensor<4xf32>
    %0 = "stablehlo.multiply"(%a, %k) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %1 = "stablehlo.add"(%0, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    "func.return"(%1) : (tensor<4xf32>) -> ()
  }}
}}
"#
    )
}

/// Teardown order: 200 programs compiled, run and dropped in one process, with their outputs
/// dropped unread (their computation possibly still outstanding), executables dropped before
/// the buffers they produced, and client handles dropped while executables and buffers of theirs
/// live on. Every handle keeps its client alive (each holds the client's `Arc`), so the client
/// is destroyed last, and buffers read after everything else is gone still hold their values.
#[test]
fn many_programs_buffers_and_clients_tear_down_in_any_order() {
    let b_vals = [1.0f32, 2.0, 3.0, 4.0];
    let mut kept: Vec<(Buffer, f32)> = vec![];
    let mut kept_exes: Vec<(Executable, Buffer, f32)> = vec![];
    let mut c = client(None);
    for i in 0..200usize {
        if i % 50 == 49 {
            // A new client; the old handle goes while its buffers and executables live on.
            c = client(None);
        }
        let exe = c.compile(&format!("scaled_add_{i}"), &scaled_add(i), &CompileOptions::default()).unwrap();
        let b = f32s(&c, &[4], &b_vals);
        // Outputs dropped at once, without waiting: as a training loop drops a step it abandons.
        for _ in 0..3 {
            let a = f32s(&c, &[4], &[1.0; 4]);
            drop(exe.execute(vec![vec![Arg::Donate(a), Arg::Borrow(&b)]]).unwrap());
        }
        let a = f32s(&c, &[4], &[1.0; 4]);
        let out = exe.execute(vec![vec![Arg::Donate(a), Arg::Borrow(&b)]]).unwrap().remove(0).remove(0);
        if i % 10 == 0 {
            // Kept past its executable, its inputs and (later) its client handle.
            kept.push((out, i as f32));
            drop(exe);
        } else if i % 10 == 5 {
            // An executable kept past the client handle that compiled it, run again at the end.
            kept_exes.push((exe, b, i as f32));
            continue;
        }
        drop(b);
    }
    drop(c);
    for (exe, b, i) in &kept_exes {
        // The input comes from the executable's client, which only its handles still reach.
        let a = exe.execute_single(&[b, b]).unwrap().remove(0);
        let v = a.to_host().unwrap().to_f32().unwrap();
        assert_eq!(v, b_vals.iter().map(|b| i * b + b).collect::<Vec<_>>(), "program {i} after its client handle went");
    }
    for (buf, i) in &kept {
        let v = buf.to_host().unwrap().to_f32().unwrap();
        assert_eq!(v, b_vals.iter().map(|b| i + b).collect::<Vec<_>>(), "program {i}");
    }
    // Concurrent executions of one program while another thread drops its outputs and, last,
    // the executable itself: it is destroyed only after every execution returned.
    let c = client(None);
    let exe = std::sync::Arc::new(c.compile("scaled_add_7", &scaled_add(7), &CompileOptions::default()).unwrap());
    let results: Vec<Buffer> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let (exe, c) = (exe.clone(), &c);
                s.spawn(move || {
                    let b = f32s(c, &[4], &b_vals);
                    let mut last = None;
                    for _ in 0..25 {
                        let a = f32s(c, &[4], &[1.0; 4]);
                        last = Some(exe.execute(vec![vec![Arg::Donate(a), Arg::Borrow(&b)]]).unwrap().remove(0).remove(0));
                    }
                    last.unwrap()
                })
            })
            .collect();
        drop(exe);
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    drop(c);
    for r in results {
        assert_eq!(r.to_host().unwrap().to_f32().unwrap(), vec![8.0, 9.0, 10.0, 11.0]);
    }
    drop(kept_exes);
}
