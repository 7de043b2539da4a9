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

/// The fields every key-value callback's arguments open with.
#[repr(C)]
struct KeyHead {
    struct_size: usize,
    extension_start: *mut PJRT_Extension_Base,
    key: *const c_char,
    key_size: usize,
}

/// The fields get and try-get close with: how to report an error, the store, and the value
/// handed back with its deleter.
#[repr(C)]
struct ValueTail {
    callback_error: *const CallbackError,
    user_arg: *mut c_void,
    value: *mut c_char,
    value_size: usize,
    value_deleter_callback: Option<Deleter>,
}

/// `PJRT_KeyValueGetCallback_Args`.
#[repr(C)]
struct GetArgs {
    head: KeyHead,
    timeout_in_ms: c_int,
    tail: ValueTail,
}

/// `PJRT_KeyValueTryGetCallback_Args`.
#[repr(C)]
struct TryGetArgs {
    head: KeyHead,
    tail: ValueTail,
}

/// `PJRT_KeyValuePutCallback_Args`.
#[repr(C)]
struct PutArgs {
    head: KeyHead,
    value: *const c_char,
    value_size: usize,
    callback_error: *const CallbackError,
    user_arg: *mut c_void,
}

/// A C compiler's layout of a struct from its fields' (size, alignment) in declaration order:
/// each field's offset, and the struct's size.
const fn c_layout<const N: usize>(fields: [(usize, usize); N]) -> ([usize; N], usize) {
    let mut offsets = [0; N];
    let (mut end, mut align): (usize, usize) = (0, 1);
    let mut i = 0;
    while i < N {
        let (size, a) = fields[i];
        offsets[i] = end.next_multiple_of(a);
        end = offsets[i] + size;
        align = if a > align { a } else { align };
        i += 1;
    }
    (offsets, end.next_multiple_of(align))
}

/// Fails the build unless `$t` lays out its (possibly nested) fields where C puts the header's
/// fields, listed in the header's order with their C types' (size, alignment).
macro_rules! assert_c_layout {
    ($t:ty { $($field:ident $(.$inner:ident)?: $c:expr),* $(,)? }) => {
        const _: () = {
            let (offsets, size) = c_layout([$($c),*]);
            let ours = [$(std::mem::offset_of!($t, $field $(.$inner)?)),*];
            assert!(std::mem::size_of::<$t>() == size);
            let mut i = 0;
            while i < ours.len() {
                assert!(ours[i] == offsets[i]);
                i += 1;
            }
        };
    };
}

// The header's C types: pointers, `size_t` and function pointers are pointer-sized; `int` is `c_int`.
const PTR: (usize, usize) = (std::mem::size_of::<usize>(), std::mem::align_of::<usize>());
const INT: (usize, usize) = (std::mem::size_of::<c_int>(), std::mem::align_of::<c_int>());

assert_c_layout!(GetArgs {
    head.struct_size: PTR,
    head.extension_start: PTR,
    head.key: PTR,
    head.key_size: PTR,
    timeout_in_ms: INT,
    tail.callback_error: PTR,
    tail.user_arg: PTR,
    tail.value: PTR,
    tail.value_size: PTR,
    tail.value_deleter_callback: PTR,
});
assert_c_layout!(TryGetArgs {
    head.struct_size: PTR,
    head.extension_start: PTR,
    head.key: PTR,
    head.key_size: PTR,
    tail.callback_error: PTR,
    tail.user_arg: PTR,
    tail.value: PTR,
    tail.value_size: PTR,
    tail.value_deleter_callback: PTR,
});
assert_c_layout!(PutArgs {
    head.struct_size: PTR,
    head.extension_start: PTR,
    head.key: PTR,
    head.key_size: PTR,
    value: PTR,
    value_size: PTR,
    callback_error: PTR,
    user_arg: PTR,
});

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

/// The store behind a callback's `user_arg`.
unsafe fn store<'a>(user_arg: *mut c_void) -> &'a dyn KeyValueStore {
    &*(*(user_arg as *const KvHandle)).0
}

impl KeyHead {
    unsafe fn key<'a>(&self) -> &'a str {
        text(self.key, self.key_size)
    }
}

impl ValueTail {
    unsafe fn store<'a>(&self) -> &'a dyn KeyValueStore {
        store(self.user_arg)
    }

    /// Hands a found value to the plugin, or makes its error from a code and a message.
    unsafe fn answer(&mut self, found: Result<Vec<u8>, (c_int, String)>) -> *mut PJRT_Error {
        match found {
            Ok(v) => {
                (self.value, self.value_size) = export(v);
                self.value_deleter_callback = Some(free_value);
                std::ptr::null_mut()
            }
            Err((code, msg)) => error(self.callback_error, code, &msg),
        }
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
    let key = a.head.key();
    let timeout = Duration::from_millis(a.timeout_in_ms.max(0) as u64);
    let found = a.tail.store().get(key, timeout).map_err(|m| (DEADLINE_EXCEEDED, format!("key-value get `{key}`: {m}")));
    a.tail.answer(found)
}

pub(crate) unsafe extern "C" fn kv_try_get(args: *mut GetArgsOpaque) -> *mut PJRT_Error {
    let a = &mut *(args as *mut TryGetArgs);
    let key = a.head.key();
    let found = match a.tail.store().try_get(key) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err((NOT_FOUND, format!("key-value `{key}`: not found"))),
        Err(m) => Err((UNAVAILABLE, format!("key-value get `{key}`: {m}"))),
    };
    a.tail.answer(found)
}

pub(crate) unsafe extern "C" fn kv_put(args: *mut GetArgsOpaque) -> *mut PJRT_Error {
    let a = &mut *(args as *mut PutArgs);
    let key = a.head.key();
    let value = if a.value.is_null() { &[][..] } else { std::slice::from_raw_parts(a.value as *const u8, a.value_size) };
    match store(a.user_arg).put(key, value) {
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
        let head = |struct_size| KeyHead {
            struct_size,
            extension_start: std::ptr::null_mut(),
            key: k.as_ptr() as *const c_char,
            key_size: k.len(),
        };
        let mut put = PutArgs {
            head: head(std::mem::size_of::<PutArgs>()),
            value: v.as_ptr() as *const c_char,
            value_size: v.len(),
            callback_error: std::ptr::null(),
            user_arg: user,
        };
        assert!(unsafe { kv_put(&mut put as *mut PutArgs as *mut GetArgsOpaque) }.is_null());
        let mut get = GetArgs {
            head: head(std::mem::size_of::<GetArgs>()),
            timeout_in_ms: 10,
            tail: ValueTail {
                callback_error: std::ptr::null(),
                user_arg: user,
                value: std::ptr::null_mut(),
                value_size: 0,
                value_deleter_callback: None,
            },
        };
        assert!(unsafe { kv_get(&mut get as *mut GetArgs as *mut GetArgsOpaque) }.is_null());
        let got = unsafe { std::slice::from_raw_parts(get.tail.value as *const u8, get.tail.value_size) }.to_vec();
        assert_eq!(got, v);
        unsafe { (get.tail.value_deleter_callback.unwrap())(get.tail.value) };
        // Layouts as in header v0.81 (PJRT_DEFINE_STRUCT_TRAITS up to the last field).
        assert_eq!(std::mem::size_of::<GetArgs>(), 80);
        assert_eq!(std::mem::size_of::<TryGetArgs>(), 72);
        assert_eq!(std::mem::size_of::<PutArgs>(), 64);
    }
}
