//! Compiling StableHLO and running it.
//!
//! Donation is expressed in the type system: `Arg::Donate` moves the `Buffer` in, so it cannot be
//! used after the call; `Arg::Borrow` keeps it usable, and its index goes into
//! `PJRT_ExecuteOptions.non_donatable_input_indices` so the runtime never consumes it even when
//! the program aliases that parameter to an output.

use std::ffi::c_char;
use std::sync::Arc;

use super::api::pjrt_call;
use super::buffer::Buffer;
use super::client::{Client, ClientInner};
use super::compile::CompileOptions;
use super::error::{Context, Result, RuntimeError};
use super::ffi::{self, PjrtStruct};

/// One argument of an execution.
pub enum Arg<'a> {
    /// Read the buffer; it stays valid after the call.
    Borrow(&'a Buffer),
    /// Hand the buffer over: if the program aliases or donates this parameter, the runtime may
    /// reuse its memory for an output. Its handle is destroyed after the call either way.
    Donate(Buffer),
}

impl Arg<'_> {
    fn buffer(&self) -> &Buffer {
        match self {
            Arg::Borrow(b) => b,
            Arg::Donate(b) => b,
        }
    }
}

impl<'a> From<&'a Buffer> for Arg<'a> {
    fn from(b: &'a Buffer) -> Self {
        Arg::Borrow(b)
    }
}

impl From<Buffer> for Arg<'static> {
    fn from(b: Buffer) -> Self {
        Arg::Donate(b)
    }
}

/// A compiled, loaded program.
pub struct Executable {
    raw: *mut ffi::PJRT_LoadedExecutable,
    client: Arc<ClientInner>,
    name: String,
    num_outputs: usize,
    num_replicas: usize,
    num_partitions: usize,
    num_devices: usize,
}

// SAFETY: a loaded executable is immutable after compilation and PJRT allows concurrent
// executions of it (JAX dispatches the same executable from many threads); each `execute` call
// uses only its own argument/output arrays.
unsafe impl Send for Executable {}
unsafe impl Sync for Executable {}

impl Drop for Executable {
    fn drop(&mut self) {
        let mut a = ffi::PJRT_LoadedExecutable_Destroy_Args::new();
        a.executable = self.raw;
        if let Err(e) = pjrt_call!(self.client.api(), PJRT_LoadedExecutable_Destroy, &mut a) {
            eprintln!("bamboo: {}", e.with_program(&self.name));
        }
    }
}

impl Client {
    /// Compiles StableHLO/MHLO (text, bytecode or a portable artifact: format `"mlir"`).
    /// `name` is ours: it labels errors from compiling and running this program.
    pub fn compile(&self, name: &str, mlir: &str, options: &CompileOptions) -> Result<Executable> {
        let api = self.inner.api();
        let opts = options.to_proto_bytes()?;
        const FORMAT: &str = "mlir";

        let mut program = ffi::PJRT_Program::new();
        // `char*` in the header, but only read during compilation.
        program.code = mlir.as_ptr() as *mut c_char;
        program.code_size = mlir.len();
        program.format = FORMAT.as_ptr() as *const c_char;
        program.format_size = FORMAT.len();

        let mut a = ffi::PJRT_Client_Compile_Args::new();
        a.client = self.inner.raw;
        a.program = &program;
        a.compile_options = opts.as_ptr() as *const c_char;
        a.compile_options_size = opts.len();
        pjrt_call!(api, PJRT_Client_Compile, &mut a).map_err(|e| e.with_program(name))?;
        if a.executable.is_null() {
            return Err(RuntimeError::invalid(format!("PJRT_Client_Compile returned no executable for program `{name}`")));
        }

        let mut exe = Executable {
            raw: a.executable,
            client: self.inner.clone(),
            name: name.to_string(),
            num_outputs: 0,
            num_replicas: 0,
            num_partitions: 0,
            num_devices: 0,
        };
        exe.query_shape().map_err(|e| e.with_program(name))?;
        Ok(exe)
    }
}

impl Executable {
    /// Reads output count, replica/partition counts and device count once, after compiling.
    fn query_shape(&mut self) -> Result<()> {
        let api = self.client.api();
        let mut g = ffi::PJRT_LoadedExecutable_GetExecutable_Args::new();
        g.loaded_executable = self.raw;
        pjrt_call!(api, PJRT_LoadedExecutable_GetExecutable, &mut g)?;
        let exe = g.executable;

        let result = (|| {
            let mut o = ffi::PJRT_Executable_NumOutputs_Args::new();
            o.executable = exe;
            pjrt_call!(api, PJRT_Executable_NumOutputs, &mut o)?;
            let mut r = ffi::PJRT_Executable_NumReplicas_Args::new();
            r.executable = exe;
            pjrt_call!(api, PJRT_Executable_NumReplicas, &mut r)?;
            let mut p = ffi::PJRT_Executable_NumPartitions_Args::new();
            p.executable = exe;
            pjrt_call!(api, PJRT_Executable_NumPartitions, &mut p)?;
            Ok::<_, RuntimeError>((o.num_outputs, r.num_replicas, p.num_partitions))
        })();

        // The PJRT_Executable view is a separate, owned object.
        let mut d = ffi::PJRT_Executable_Destroy_Args::new();
        d.executable = exe;
        let destroyed = pjrt_call!(api, PJRT_Executable_Destroy, &mut d);
        (self.num_outputs, self.num_replicas, self.num_partitions) = result?;
        destroyed?;

        let mut ad = ffi::PJRT_LoadedExecutable_AddressableDevices_Args::new();
        ad.executable = self.raw;
        pjrt_call!(api, PJRT_LoadedExecutable_AddressableDevices, &mut ad)?;
        self.num_devices = ad.num_addressable_devices;
        Ok(())
    }

    /// The name given to `Client::compile`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Outputs per device (results come back flat, not as a tuple).
    pub fn num_outputs(&self) -> usize {
        self.num_outputs
    }

    pub fn num_replicas(&self) -> usize {
        self.num_replicas
    }

    pub fn num_partitions(&self) -> usize {
        self.num_partitions
    }

    /// How many argument lists `execute` takes: one per addressable device the program runs on.
    pub fn num_devices(&self) -> usize {
        self.num_devices
    }

    /// Runs the program. `args[d]` are the arguments for device `d` (in the order of the device
    /// assignment); the result has one output list per device. Waits until every device is done.
    pub fn execute(&self, args: Vec<Vec<Arg<'_>>>) -> Result<Vec<Vec<Buffer>>> {
        let api = self.client.api();
        let err = |msg: String| RuntimeError::invalid(format!("program `{}`: {msg}", self.name));
        if args.is_empty() || args.len() != self.num_devices {
            return Err(err(format!("runs on {} device(s) but {} argument list(s) were given", self.num_devices, args.len())));
        }
        let num_args = args[0].len();
        for (d, list) in args.iter().enumerate() {
            if list.len() != num_args {
                return Err(err(format!("argument list {d} has {} arguments, list 0 has {num_args}", list.len())));
            }
            for (i, a) in list.iter().enumerate() {
                if !a.buffer().same_client(&self.client) {
                    return Err(err(format!("argument {i} of device list {d} belongs to another client")));
                }
            }
        }

        // An index is protected if any device borrows it (the option is per index, for all
        // devices); a buffer donated at such an index is then simply dropped after the call.
        let non_donatable: Vec<i64> =
            (0..num_args).filter(|&i| args.iter().any(|list| matches!(list[i], Arg::Borrow(_)))).map(|i| i as i64).collect();

        // The C API wants arrays of pointers: argument_lists[d] -> PJRT_Buffer*[num_args],
        // output_lists[d] -> PJRT_Buffer*[num_outputs] that the plugin fills.
        let arg_ptrs: Vec<Vec<*mut ffi::PJRT_Buffer>> = args.iter().map(|list| list.iter().map(|a| a.buffer().raw).collect()).collect();
        let arg_lists: Vec<*const *mut ffi::PJRT_Buffer> = arg_ptrs.iter().map(|l| l.as_ptr()).collect();
        let mut out_ptrs: Vec<Vec<*mut ffi::PJRT_Buffer>> = (0..args.len()).map(|_| vec![std::ptr::null_mut(); self.num_outputs]).collect();
        let out_lists: Vec<*mut *mut ffi::PJRT_Buffer> = out_ptrs.iter_mut().map(|l| l.as_mut_ptr()).collect();
        let mut events: Vec<*mut ffi::PJRT_Event> = vec![std::ptr::null_mut(); args.len()];

        let mut options = ffi::PJRT_ExecuteOptions::new();
        options.non_donatable_input_indices = if non_donatable.is_empty() { std::ptr::null() } else { non_donatable.as_ptr() };
        options.num_non_donatable_input_indices = non_donatable.len();

        let mut a = ffi::PJRT_LoadedExecutable_Execute_Args::new();
        a.executable = self.raw;
        a.options = &mut options;
        a.argument_lists = arg_lists.as_ptr();
        a.num_devices = args.len();
        a.num_args = num_args;
        a.output_lists = out_lists.as_ptr();
        a.device_complete_events = events.as_mut_ptr();
        let called = pjrt_call!(api, PJRT_LoadedExecutable_Execute, &mut a);

        // Take ownership of whatever the plugin produced before looking at errors, so every
        // output handle is destroyed exactly once on every path.
        let outputs: Vec<Vec<Buffer>> = out_ptrs
            .iter()
            .map(|l| l.iter().filter(|p| !p.is_null()).map(|&raw| Buffer { raw, client: self.client.clone() }).collect())
            .collect();
        if let Err(e) = called {
            for &ev in &events {
                api.destroy_event(ev);
            }
            return Err(e.with_program(&self.name));
        }

        // Wait for all devices (collectives need them all running), then report the first error.
        let mut first_err = None;
        for (d, &ev) in events.iter().enumerate() {
            if let Err(mut e) = api.await_event(ev, "PJRT_LoadedExecutable_Execute") {
                if let RuntimeError::Pjrt { context, .. } = &mut e {
                    *context = Context { device: Some(d), ..context.clone() };
                }
                first_err.get_or_insert(e.with_program(&self.name));
            }
        }
        if let Some(e) = first_err {
            return Err(e);
        }
        for (d, list) in outputs.iter().enumerate() {
            if list.len() != self.num_outputs {
                return Err(err(format!("device list {d} got {} outputs, expected {}", list.len(), self.num_outputs)));
            }
        }
        // Donated handles are dropped here, after the execution finished.
        drop(args);
        Ok(outputs)
    }

    /// Runs a single-device program with borrowed arguments; returns its outputs.
    pub fn execute_single(&self, args: &[&Buffer]) -> Result<Vec<Buffer>> {
        let list = args.iter().map(|b| Arg::Borrow(b)).collect();
        let mut out = self.execute(vec![list])?;
        Ok(out.pop().unwrap_or_default())
    }
}

impl std::fmt::Debug for Executable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Executable({}, {} outputs, {} replicas x {} partitions)",
            self.name, self.num_outputs, self.num_replicas, self.num_partitions
        )
    }
}
