//! A PJRT client (one per plugin per process is typical) and the devices it sees.

use std::ffi::c_char;
use std::sync::Arc;

use super::api::{lossy_str, pjrt_call, Api};
use super::distributed::{kv_get, kv_put, kv_try_get, Distributed, KvHandle};
use super::error::{Result, RuntimeError};
use super::ffi::{self, PjrtStruct};
use super::plugin::Plugin;

/// Options for `PJRT_Client_Create`. Each is passed only when set, so plugins that do not know
/// an option never see it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientOptions {
    /// How many devices the caller wants. On the CPU plugin they are created (its
    /// `cpu_device_count`; the default is 4 whatever the core count, and
    /// `XLA_FLAGS=--xla_force_host_platform_device_count` is ignored). On a GPU or TPU the devices
    /// exist already: the client checks that at least this many are addressable, and callers use
    /// the first N. Accelerator plugins refuse `cpu_device_count`, so it is sent to the CPU alone.
    pub devices: Option<i64>,
}

/// The most CPU devices a client is asked for: the CPU plugin makes a thread pool and a
/// device per count, and a count in the tens of thousands never finishes creating them.
pub const MAX_CPU_DEVICES: i64 = 256;

/// Allocator counters of one device, where the plugin keeps them (the GPU plugins do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryStats {
    pub bytes_in_use: i64,
    pub peak_bytes_in_use: Option<i64>,
    pub bytes_limit: Option<i64>,
}

/// A device as the plugin describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    /// Global id, the one used in device assignments.
    pub id: i32,
    /// Position among the client's addressable devices: the index `Client::to_device` takes.
    /// `None` for a device this process cannot address.
    pub addressable_index: Option<usize>,
    pub process_index: i32,
    /// e.g. "cpu" or "NVIDIA H100 80GB HBM3".
    pub kind: String,
    pub debug_string: String,
    /// e.g. the CUDA ordinal; -1 when undefined.
    pub local_hardware_id: i32,
}

/// A PJRT client. Cheap to clone; destroyed when the last clone, buffer and executable are gone.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    // Keeps the plugin (its function table) alive as long as the client.
    pub(crate) plugin: Plugin,
    /// The key-value store the plugin's callbacks reach through `user_arg` (multi-process only).
    _kv: Option<Box<KvHandle>>,
    pub(crate) raw: *mut ffi::PJRT_Client,
    /// Addressable device handles (owned by the client), parallel to `addressable`.
    pub(crate) addressable_raw: Vec<*mut ffi::PJRT_Device>,
    pub(crate) addressable: Vec<Device>,
    devices: Vec<Device>,
    platform_name: String,
    platform_version: String,
}

// SAFETY: a PJRT client is designed for concurrent use: XLA's PjRtClient implementations guard
// their state internally, and JAX calls compile/transfer/execute on one client from many threads
// at once without a lock of its own. The raw device handles are owned by the client and are
// immutable. Everything else here is plain owned data.
unsafe impl Send for ClientInner {}
unsafe impl Sync for ClientInner {}

impl ClientInner {
    pub(crate) fn api(&self) -> &Api {
        &self.plugin.inner.api
    }

    /// Position of a raw device handle among the addressable devices.
    pub(crate) fn addressable_index_of(&self, dev: *mut ffi::PJRT_Device) -> Option<usize> {
        self.addressable_raw.iter().position(|&d| d == dev)
    }
}

impl Drop for ClientInner {
    fn drop(&mut self) {
        let mut a = ffi::PJRT_Client_Destroy_Args::new();
        a.client = self.raw;
        if let Err(e) = pjrt_call!(self.api(), PJRT_Client_Destroy, &mut a) {
            eprintln!("bamboo: {e}");
        }
    }
}

impl Client {
    pub fn new(plugin: &Plugin, options: &ClientOptions) -> Result<Client> {
        Self::with_distributed(plugin, options, None)
    }

    /// A client that is one node of several processes (`num_nodes`/`node_id` and the key-value
    /// callbacks; the CUDA plugin's multi-host path, untested: see `distributed`).
    pub fn with_distributed(plugin: &Plugin, options: &ClientOptions, dist: Option<&Distributed>) -> Result<Client> {
        let Some(wanted) = options.devices else {
            return Self::create(plugin, None, dist);
        };
        if wanted < 1 {
            return Err(RuntimeError::invalid(format!("the device count must be at least 1, not {wanted}")));
        }
        // The platform is the plugin's own answer, not a guess from its file name: a first
        // client without options says which it is (cheap on the CPU, where the second is made).
        let probe = Self::create(plugin, None, dist)?;
        if probe.platform_name() == "cpu" {
            if wanted > MAX_CPU_DEVICES {
                return Err(RuntimeError::invalid(format!("{wanted} CPU devices asked for; at most {MAX_CPU_DEVICES} are created")));
            }
            drop(probe);
            return Self::create(plugin, Some(wanted), dist);
        }
        let have = probe.addressable_devices().len();
        if wanted as usize > have {
            return Err(RuntimeError::invalid(format!(
                "{wanted} devices asked for, but the {} plugin sees {have} addressable device{}",
                probe.platform_name(),
                if have == 1 { "" } else { "s" }
            )));
        }
        Ok(probe)
    }

    /// Allocator counters of the addressable device `index`; `None` where the plugin keeps none
    /// (the CPU plugin).
    /// `BAMBOO_MEMORY_STATS=off` skips the call (a plugin whose struct layout disagreed with
    /// ours could write past it; the device run turns it off if `info` ever crashed).
    pub fn memory_stats(&self, index: usize) -> Option<MemoryStats> {
        if std::env::var("BAMBOO_MEMORY_STATS").is_ok_and(|v| v == "off") {
            return None;
        }
        let dev = *self.inner.addressable_raw.get(index)?;
        let mut a = ffi::PJRT_Device_MemoryStats_Args::new();
        a.device = dev;
        pjrt_call!(self.inner.api(), PJRT_Device_MemoryStats, &mut a).ok()?;
        Some(MemoryStats {
            bytes_in_use: a.bytes_in_use,
            peak_bytes_in_use: a.peak_bytes_in_use_is_set.then_some(a.peak_bytes_in_use),
            bytes_limit: a.bytes_limit_is_set.then_some(a.bytes_limit),
        })
    }

    // Long because it is one FFI sequence: the named create options, the key-value callbacks of a
    // distributed run, the create call and the device lists all share pointers that must live until
    // PJRT returns; split up, each piece would have to carry them.
    fn create(plugin: &Plugin, cpu_device_count: Option<i64>, dist: Option<&Distributed>) -> Result<Client> {
        let api = &plugin.inner.api;

        // Names must outlive the call; they are static strings.
        const CPU_DEVICE_COUNT: &str = "cpu_device_count";
        let mut named: Vec<ffi::PJRT_NamedValue> = Vec::new();
        if let Some(n) = cpu_device_count {
            named.push(named_int(CPU_DEVICE_COUNT, n));
        }

        // `BAMBOO_GPU_PREALLOCATE=false`: a CUDA client takes memory as it needs it instead of
        // about 75% of the device at start, so several processes can share one GPU (tests).
        const PREALLOCATE: &str = "preallocate";
        if plugin.cuda_setup().is_some() {
            if let Ok(v) = std::env::var("BAMBOO_GPU_PREALLOCATE") {
                let on = match v.as_str() {
                    "true" | "1" => 1u8,
                    "false" | "0" => 0u8,
                    other => return Err(RuntimeError::invalid(format!("$BAMBOO_GPU_PREALLOCATE must be true or false, not `{other}`"))),
                };
                named.push(named_value(PREALLOCATE, ffi::PJRT_NamedValue_kBool, ffi::PJRT_NamedValue_Value { bool_value: on }));
            }
        }

        const NUM_NODES: &str = "num_nodes";
        const NODE_ID: &str = "node_id";
        let kv = dist.map(|d| Box::new(KvHandle(d.kv.clone())));
        if let Some(d) = dist {
            for (name, n) in [(NUM_NODES, d.num_nodes), (NODE_ID, d.node_id)] {
                named.push(named_int(name, n as i64));
            }
        }

        let mut a = ffi::PJRT_Client_Create_Args::new();
        if let Some(h) = &kv {
            let user = &**h as *const KvHandle as *mut std::ffi::c_void;
            a.kv_get_callback = kv_get as *const std::ffi::c_void;
            a.kv_get_user_arg = user;
            a.kv_try_get_callback = kv_try_get as *const std::ffi::c_void;
            a.kv_try_get_user_arg = user;
            a.kv_put_callback = kv_put as *const std::ffi::c_void;
            a.kv_put_user_arg = user;
        }
        a.create_options = if named.is_empty() { std::ptr::null() } else { named.as_ptr() };
        a.num_options = named.len();
        pjrt_call!(api, PJRT_Client_Create, &mut a)?;
        if a.client.is_null() {
            return Err(RuntimeError::invalid("PJRT_Client_Create returned no client"));
        }

        // Own the handle before anything else can fail, so it is destroyed on every path.
        let mut inner = ClientInner {
            plugin: plugin.clone(),
            _kv: kv,
            raw: a.client,
            addressable_raw: Vec::new(),
            addressable: Vec::new(),
            devices: Vec::new(),
            platform_name: String::new(),
            platform_version: String::new(),
        };

        let mut p = ffi::PJRT_Client_PlatformName_Args::new();
        p.client = inner.raw;
        pjrt_call!(api, PJRT_Client_PlatformName, &mut p)?;
        inner.platform_name = unsafe { lossy_str(p.platform_name, p.platform_name_size) };

        let mut v = ffi::PJRT_Client_PlatformVersion_Args::new();
        v.client = inner.raw;
        pjrt_call!(api, PJRT_Client_PlatformVersion, &mut v)?;
        inner.platform_version = unsafe { lossy_str(v.platform_version, v.platform_version_size) };

        let mut ad = ffi::PJRT_Client_AddressableDevices_Args::new();
        ad.client = inner.raw;
        pjrt_call!(api, PJRT_Client_AddressableDevices, &mut ad)?;
        inner.addressable_raw = unsafe { raw_list(ad.addressable_devices, ad.num_addressable_devices) };

        let mut d = ffi::PJRT_Client_Devices_Args::new();
        d.client = inner.raw;
        pjrt_call!(api, PJRT_Client_Devices, &mut d)?;
        let all_raw = unsafe { raw_list(d.devices, d.num_devices) };

        for (i, &dev) in inner.addressable_raw.iter().enumerate() {
            inner.addressable.push(describe(api, dev, Some(i))?);
        }
        for &dev in &all_raw {
            let idx = inner.addressable_index_of(dev);
            inner.devices.push(describe(api, dev, idx)?);
        }
        Ok(Client { inner: Arc::new(inner) })
    }

    /// e.g. "cpu", "cuda", "tpu".
    pub fn platform_name(&self) -> &str {
        &self.inner.platform_name
    }

    /// Platform-specific version text (e.g. the CUDA version); may be empty.
    pub fn platform_version(&self) -> &str {
        &self.inner.platform_version
    }

    /// All devices, including ones other processes own.
    pub fn devices(&self) -> &[Device] {
        &self.inner.devices
    }

    /// The devices this process can put buffers on and run programs on.
    pub fn addressable_devices(&self) -> &[Device] {
        &self.inner.addressable
    }

    pub fn plugin(&self) -> &Plugin {
        &self.inner.plugin
    }
}

/// A scalar client-create option. `name` is static: the plugin reads it during the call.
fn named_value(name: &'static str, type_: ffi::PJRT_NamedValue_Type, value: ffi::PJRT_NamedValue_Value) -> ffi::PJRT_NamedValue {
    let mut v = ffi::PJRT_NamedValue::new();
    v.name = name.as_ptr() as *const c_char;
    v.name_size = name.len();
    v.type_ = type_;
    v.value = value;
    v.value_size = 1;
    v
}

fn named_int(name: &'static str, n: i64) -> ffi::PJRT_NamedValue {
    named_value(name, ffi::PJRT_NamedValue_kInt64, ffi::PJRT_NamedValue_Value { int64_value: n })
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Client({}, {} addressable devices)", self.platform_name(), self.inner.addressable.len())
    }
}

/// Copies a plugin-owned `(PJRT_Device* const*, n)` list.
unsafe fn raw_list(p: *const *mut ffi::PJRT_Device, n: usize) -> Vec<*mut ffi::PJRT_Device> {
    if p.is_null() || n == 0 {
        Vec::new()
    } else {
        std::slice::from_raw_parts(p, n).to_vec()
    }
}

/// Reads a device's description and hardware id.
pub(crate) fn describe(api: &Api, dev: *mut ffi::PJRT_Device, addressable_index: Option<usize>) -> Result<Device> {
    let mut g = ffi::PJRT_Device_GetDescription_Args::new();
    g.device = dev;
    pjrt_call!(api, PJRT_Device_GetDescription, &mut g)?;
    let desc = g.device_description;

    let mut id = ffi::PJRT_DeviceDescription_Id_Args::new();
    id.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_Id, &mut id)?;

    let mut pi = ffi::PJRT_DeviceDescription_ProcessIndex_Args::new();
    pi.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_ProcessIndex, &mut pi)?;

    let mut k = ffi::PJRT_DeviceDescription_Kind_Args::new();
    k.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_Kind, &mut k)?;

    let mut ds = ffi::PJRT_DeviceDescription_DebugString_Args::new();
    ds.device_description = desc;
    pjrt_call!(api, PJRT_DeviceDescription_DebugString, &mut ds)?;

    // Only addressable devices have a local hardware id.
    let local_hardware_id = if addressable_index.is_some() {
        let mut h = ffi::PJRT_Device_LocalHardwareId_Args::new();
        h.device = dev;
        pjrt_call!(api, PJRT_Device_LocalHardwareId, &mut h)?;
        h.local_hardware_id
    } else {
        -1
    };

    Ok(Device {
        id: id.id,
        addressable_index,
        process_index: pi.process_index,
        kind: unsafe { lossy_str(k.device_kind, k.device_kind_size) },
        debug_string: unsafe { lossy_str(ds.debug_string, ds.debug_string_size) },
        local_hardware_id,
    })
}
