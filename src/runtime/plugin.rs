//! Loading a PJRT plugin: open the shared object, get its function table from `GetPjrtApi`,
//! check the version, initialize it once.
//!
//! Plugins are loaded at most once per process and never unloaded: XLA plugins start threads and
//! register global state (LLVM options, protobuf descriptors) that do not survive `dlclose`, and
//! `PJRT_Plugin_Initialize` is meant to run once. Loading the same path twice returns the same
//! plugin.

use std::collections::HashMap;
use std::ffi::c_char;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use libloading::os::unix::{Library, Symbol, RTLD_LOCAL, RTLD_NOW};

use super::api::{lossy_str, pjrt_call, Api};
use super::error::{Result, RuntimeError};
use super::ffi::{self, PjrtStruct};

/// A loaded, initialized PJRT plugin. Cheap to clone.
#[derive(Clone)]
pub struct Plugin {
    pub(crate) inner: Arc<PluginInner>,
}

pub(crate) struct PluginInner {
    pub(crate) api: Api,
    path: PathBuf,
    /// For a CUDA plugin: the data dir and libraries found for it.
    cuda: Option<super::cuda::CudaSetup>,
    // Kept only so the library is never closed while anything refers to the table.
    _lib: Library,
}

/// A plugin attribute value (`PJRT_NamedValue`).
#[derive(Debug, Clone, PartialEq)]
pub enum AttributeValue {
    Str(String),
    Int(i64),
    IntList(Vec<i64>),
    Float(f32),
    Bool(bool),
}

fn registry() -> &'static Mutex<HashMap<PathBuf, Plugin>> {
    static LOADED: OnceLock<Mutex<HashMap<PathBuf, Plugin>>> = OnceLock::new();
    LOADED.get_or_init(Default::default)
}

impl Plugin {
    /// Loads the plugin at `path` (or returns the one already loaded from there).
    pub fn load(path: impl AsRef<Path>) -> Result<Plugin> {
        let path = path.as_ref();
        let load_err = |reason: String| RuntimeError::Load { path: path.to_path_buf(), reason };
        if !path.is_file() {
            return Err(load_err("no such file".into()));
        }
        let canonical = path.canonicalize().map_err(|e| load_err(e.to_string()))?;

        // Held across the load so two threads cannot initialize the same plugin twice.
        let mut loaded = registry().lock().unwrap_or_else(|p| p.into_inner());
        if let Some(p) = loaded.get(&canonical) {
            return Ok(p.clone());
        }

        let cuda = super::cuda::is_cuda_plugin(&canonical).then(|| {
            let mut setup = super::cuda::find_data_dir(&canonical);
            setup.preloaded = super::cuda::preload_cuda_libraries(&canonical);
            if let Some(dir) = &setup.data_dir {
                super::cuda::export_data_dir(dir);
            }
            setup
        });

        // RTLD_LOCAL: the plugin's own (hidden) copies of LLVM/protobuf/absl must not resolve
        // against another plugin's; RTLD_NOW: a missing dependency fails here, not mid-run.
        let lib = unsafe { Library::open(Some(&canonical), RTLD_NOW | RTLD_LOCAL) }
            .map_err(|e| load_err(format!("not a loadable shared library: {e}")))?;
        type GetApi = unsafe extern "C" fn() -> *const ffi::PJRT_Api;
        let get_api: Symbol<GetApi> =
            unsafe { lib.get(b"GetPjrtApi\0") }.map_err(|_| load_err("no GetPjrtApi symbol: not a PJRT plugin".into()))?;
        let raw = unsafe { get_api() };
        // SAFETY: a PJRT plugin's table is static and at least `struct_size` bytes long.
        let api = unsafe { Api::from_raw(raw, path)? };

        let mut args = ffi::PJRT_Plugin_Initialize_Args::new();
        pjrt_call!(&api, PJRT_Plugin_Initialize, &mut args)?;

        let plugin = Plugin { inner: Arc::new(PluginInner { api, path: canonical.clone(), cuda, _lib: lib }) };
        loaded.insert(canonical, plugin.clone());
        Ok(plugin)
    }

    /// Finds a plugin with [`discover_plugin`](super::discover_plugin) and loads it.
    pub fn discover(explicit: Option<&Path>) -> Result<Plugin> {
        Plugin::load(super::discover::discover_plugin(explicit)?)
    }

    /// The canonical path the plugin was loaded from.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// For a CUDA plugin, what its set-up found (data dir, ptxas, preloaded libraries).
    pub fn cuda_setup(&self) -> Option<&super::cuda::CudaSetup> {
        self.inner.cuda.as_ref()
    }

    /// The PJRT C API version the plugin implements, `(major, minor)`.
    pub fn api_version(&self) -> (i32, i32) {
        self.inner.api.version()
    }

    /// The optional extensions the plugin offers (`PJRT_Api.extension_start`'s chain), by name:
    /// e.g. `FFI` (custom calls into kernels registered at run time), `Layouts`, `Profiler`.
    pub fn extensions(&self) -> Vec<String> {
        let mut out = vec![];
        // SAFETY: the table and its extension chain are static data inside the loaded plugin; the
        // walk stops at a null link, and at 64 links in case a plugin's chain were circular.
        unsafe {
            let mut ext = (*self.inner.api.raw()).extension_start;
            while !ext.is_null() && out.len() < 64 {
                out.push(extension_name((*ext).type_));
                ext = (*ext).next;
            }
        }
        out
    }

    /// Plugin attributes such as `xla_version`, `stablehlo_current_version` and
    /// `stablehlo_minimum_version` (useful to know which StableHLO the plugin parses).
    pub fn attributes(&self) -> Result<Vec<(String, AttributeValue)>> {
        let api = &self.inner.api;
        let mut a = ffi::PJRT_Plugin_Attributes_Args::new();
        pjrt_call!(api, PJRT_Plugin_Attributes, &mut a)?;
        let mut out = Vec::with_capacity(a.num_attributes);
        for i in 0..a.num_attributes {
            // SAFETY: the plugin returns `num_attributes` values living as long as the process.
            unsafe {
                let nv = &*a.attributes.add(i);
                out.push((lossy_str(nv.name, nv.name_size), named_value(nv)));
            }
        }
        Ok(out)
    }
}

unsafe fn named_value(nv: &ffi::PJRT_NamedValue) -> AttributeValue {
    match nv.type_ {
        ffi::PJRT_NamedValue_kString => AttributeValue::Str(lossy_str(nv.value.string_value as *const c_char, nv.value_size)),
        ffi::PJRT_NamedValue_kInt64 => AttributeValue::Int(nv.value.int64_value),
        ffi::PJRT_NamedValue_kInt64List => {
            let p = nv.value.int64_array_value;
            let v = if p.is_null() || nv.value_size == 0 { Vec::new() } else { std::slice::from_raw_parts(p, nv.value_size).to_vec() };
            AttributeValue::IntList(v)
        }
        ffi::PJRT_NamedValue_kFloat => AttributeValue::Float(nv.value.float_value),
        ffi::PJRT_NamedValue_kBool => AttributeValue::Bool(nv.value.bool_value != 0),
        other => AttributeValue::Str(format!("<unknown named value type {other}>")),
    }
}

impl std::fmt::Debug for Plugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (major, minor) = self.api_version();
        write!(f, "Plugin({}, C API {major}.{minor})", self.path().display())
    }
}

/// `PJRT_Extension_Type`'s names, in the header's order; later values are shown by number.
pub fn extension_name(t: i32) -> String {
    const NAMES: [&str; 13] = [
        "Gpu_Custom_Call",
        "Profiler",
        "Custom_Partitioner",
        "Stream",
        "Layouts",
        "FFI",
        "MemoryDescriptions",
        "Triton",
        "RawBuffer",
        "PhaseCompile",
        "Example",
        "Unknown",
        "CrossHostTransfers",
    ];
    usize::try_from(t).ok().and_then(|i| NAMES.get(i)).map(|n| n.to_string()).unwrap_or_else(|| format!("type {}", t))
}
