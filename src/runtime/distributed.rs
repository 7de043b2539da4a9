//! Clients that span processes (multi-GPU over several hosts): the PJRT CUDA plugin takes
//! `num_nodes` and `node_id` as create options and a key-value store as callbacks, through which
//! the processes exchange their topology at client creation (FACTS.md). bamboo passes the store
//! in as a `KeyValueStore`; what backs it is the caller's choice (the CLI uses a folder or bucket
//! prefix that every process reaches, so no transport of our own is needed).
//!
//! UNTESTED: written against header v0.81 and the CUDA plugin's documented options; no machine
//! with several GPUs has run it. TPU pod slices need none of this: libtpu finds its peers itself.

use std::ffi::{c_char, c_int, c_void};
use std::sync::Arc;
use std::time::Duration;

use super::ffi::{PJRT_Error, PJRT_Extension_Base};

/// A blocking key-value store shared by all processes of one job (and by nothing else: keys
/// from an earlier job would be read as this one's).
pub trait KeyValueStore: Send + Sync {
    /// Waits until `key` has a value or `timeout` passes.
    fn get(&self, key: &str, timeout: Duration) -> Result<Vec<u8>, String>;
    /// The value of `key`, `None` when it has none yet.
    fn try_get(&self, key: &str) -> Result<Option<Vec<u8>>, String>;
    fn put(&self, key: &str, value: &[u8]) -> Result<(), String>;
}

/// This process's place in a multi-process client.
#[derive(Clone)]
pub struct Distributed {
    pub node_id: usize,
    pub num_nodes: usize,
    pub kv: Arc<dyn KeyValueStore>,
}

/// `PJRT_CallbackError`: makes a `PJRT_Error` from a code and a message.
type CallbackError = unsafe extern "C" fn(code: c_int, message: *const c_char, size: usize) -> *mut PJRT_Error;
type Deleter = unsafe extern "C" fn(value: *mut c_char);

// Error codes of `PJRT_Error_Code` (absl's canonical codes).
const NOT_FOUND: c_int = 5;
const DEADLINE_EXCEEDED: c_int = 4;
const UNAVAILABLE: c_int = 14;

#[repr(C)]
struct GetArgs {
    struct_size: usize,
    extension_start: *mut PJRT_Extension_Base,
    key: *const c_char,
    key_size: usize,
    timeout_in_ms: c_int,
    callback_error: *const CallbackError,
    user_arg: *mut c_void,
    value: *mut c_char,
    value_size: usize,
    value_deleter_callback: Option<Deleter>,
}

#[repr(C)]
struct TryGetArgs {
    struct_size: usize,
    extension_start: *mut PJRT_Extension_Base,
    key: *const c_char,
    key_size: usize,
    callback_error: *const CallbackError,
    user_arg: *mut c_void,
    value: *mut c_char,
    value_size: usize,
    value_deleter_callback: Option<Deleter>,
}

#[repr(C)]
struct PutArgs {
    struct_size: usize,
    extension_start: *mut PJRT_Extension_Base,
    key: *const c_char,
    key_size: usize,
    value: *const c_char,
    value_size: usize,
    callback_error: *const CallbackError,
    user_arg: *mut c_void,
}

/// What `user_arg` points to: boxed by the client, alive as long as it.
pub(crate) struct KvHandle(pub Arc<dyn KeyValueStore>);

unsafe fn text<'a>(p: *const c_char, n: usize) -> &'a str {
    if p.is_null() {
        return "";
    }
    std::str::from_utf8(std::slice::from_raw_parts(p as *const u8, n)).unwrap_or("")
}

unsafe fn error(cb: *const CallbackError, code: c_int, msg: &str) -> *mut PJRT_Error {
    match cb.as_ref() {
        Some(f) => f(code, msg.as_ptr() as *const c_char, msg.len()),
        None => std::ptr::null_mut(),
    }
}

/// Hands a value to the plugin: an 8-byte length header before the bytes, so the deleter,
/// which gets only the pointer, can rebuild the allocation.
fn export(v: Vec<u8>) -> (*mut c_char, usize) {
    let n = v.len();
    let mut b = Vec::with_capacity(8 + n);
    b.extend_from_slice(&(n as u64).to_le_bytes());
    b.extend_from_slice(&v);
    let b = Box::into_raw(b.into_boxed_slice()) as *mut u8;
    (unsafe { b.add(8) } as *mut c_char, n)
}

unsafe extern "C" fn free_value(value: *mut c_char) {
    if value.is_null() {
        return;
    }
    let base = (value as *mut u8).sub(8);
    let n = u64::from_le_bytes(std::slice::from_raw_parts(base, 8).try_into().unwrap()) as usize;
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(base, 8 + n)));
}

pub(crate) unsafe extern "C" fn kv_get(args: *mut GetArgsOpaque) -> *mut PJRT_Error {
    let a = &mut *(args as *mut GetArgs);
    let kv = &*(a.user_arg as *const KvHandle);
    let key = text(a.key, a.key_size);
    match kv.0.get(key, Duration::from_millis(a.timeout_in_ms.max(0) as u64)) {
        Ok(v) => {
            (a.value, a.value_size) = export(v);
            a.value_deleter_callback = Some(free_value);
            std::ptr::null_mut()
        }
        Err(m) => error(a.callback_error, DEADLINE_EXCEEDED, &format!("key-value get `{key}`: {m}")),
    }
}

pub(crate) unsafe extern "C" fn kv_try_get(args: *mut GetArgsOpaque) -> *mut PJRT_Error {
    let a = &mut *(args as *mut TryGetArgs);
    let kv = &*(a.user_arg as *const KvHandle);
    let key = text(a.key, a.key_size);
    match kv.0.try_get(key) {
        Ok(Some(v)) => {
            (a.value, a.value_size) = export(v);
            a.value_deleter_callback = Some(free_value);
            std::ptr::null_mut()
        }
        Ok(None) => error(a.callback_error, NOT_FOUND, &format!("key-value `{key}`: not found")),
        Err(m) => error(a.callback_error, UNAVAILABLE, &format!("key-value get `{key}`: {m}")),
    }
}

pub(crate) unsafe extern "C" fn kv_put(args: *mut GetArgsOpaque) -> *mut PJRT_Error {
    let a = &mut *(args as *mut PutArgs);
    let kv = &*(a.user_arg as *const KvHandle);
    let key = text(a.key, a.key_size);
    let value = if a.value.is_null() { &[][..] } else { std::slice::from_raw_parts(a.value as *const u8, a.value_size) };
    match kv.0.put(key, value) {
        Ok(()) => std::ptr::null_mut(),
        Err(m) => error(a.callback_error, UNAVAILABLE, &format!("key-value put `{key}`: {m}")),
    }
}

/// The callbacks' argument type as the client-create struct stores them (one opaque pointer).
pub(crate) enum GetArgsOpaque {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Map(Mutex<HashMap<String, Vec<u8>>>);
    impl KeyValueStore for Map {
        fn get(&self, key: &str, _: Duration) -> Result<Vec<u8>, String> {
            self.try_get(key)?.ok_or_else(|| "timed out".to_string())
        }
        fn try_get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
            Ok(self.0.lock().unwrap().get(key).cloned())
        }
        fn put(&self, key: &str, value: &[u8]) -> Result<(), String> {
            self.0.lock().unwrap().insert(key.into(), value.to_vec());
            Ok(())
        }
    }

    /// The callbacks as the plugin calls them: put, then get, the value freed by its deleter.
    #[test]
    fn callbacks_round_trip_values() {
        let h = Box::new(KvHandle(Arc::new(Map::default())));
        let user = &*h as *const KvHandle as *mut c_void;
        let (k, v) = ("node/0", b"topology\0bytes");
        let mut put = PutArgs {
            struct_size: std::mem::size_of::<PutArgs>(),
            extension_start: std::ptr::null_mut(),
            key: k.as_ptr() as *const c_char,
            key_size: k.len(),
            value: v.as_ptr() as *const c_char,
            value_size: v.len(),
            callback_error: std::ptr::null(),
            user_arg: user,
        };
        assert!(unsafe { kv_put(&mut put as *mut PutArgs as *mut GetArgsOpaque) }.is_null());
        let mut get = GetArgs {
            struct_size: std::mem::size_of::<GetArgs>(),
            extension_start: std::ptr::null_mut(),
            key: k.as_ptr() as *const c_char,
            key_size: k.len(),
            timeout_in_ms: 10,
            callback_error: std::ptr::null(),
            user_arg: user,
            value: std::ptr::null_mut(),
            value_size: 0,
            value_deleter_callback: None,
        };
        assert!(unsafe { kv_get(&mut get as *mut GetArgs as *mut GetArgsOpaque) }.is_null());
        let got = unsafe { std::slice::from_raw_parts(get.value as *const u8, get.value_size) }.to_vec();
        assert_eq!(got, v);
        unsafe { (get.value_deleter_callback.unwrap())(get.value) };
        // Layouts as in header v0.81 (PJRT_DEFINE_STRUCT_TRAITS up to the last field).
        assert_eq!(std::mem::size_of::<GetArgs>(), 80);
        assert_eq!(std::mem::size_of::<TryGetArgs>(), 72);
        assert_eq!(std::mem::size_of::<PutArgs>(), 64);
    }
}
