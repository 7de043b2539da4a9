//! The plugin's function table, read safely: an entry is used only if it lies within the
//! `struct_size` the plugin reports (an older plugin's table is shorter than our v0.81 struct),
//! every returned `PJRT_Error*` becomes a `RuntimeError` and is destroyed, and events are awaited
//! and destroyed in one place.

use std::path::Path;
use std::ptr;

use super::error::{Context, Result, RuntimeError};
use super::ffi::{self, PjrtStruct};

/// Looks up a typed table entry: `Result<Option<fn>>`, `Err` if the table is too short.
macro_rules! pjrt_fn {
    ($api:expr, $func:ident) => {{
        let api: &$crate::runtime::api::Api = $api;
        api.check_entry(std::mem::offset_of!($crate::runtime::ffi::PJRT_Api, $func), stringify!($func)).map(|()| {
            // SAFETY: the entry lies within the plugin's table (checked just above); the place
            // projection does not create a reference to the (possibly shorter) whole struct.
            unsafe { std::ptr::addr_of!((*api.raw()).$func).read() }
        })
    }};
}

/// Calls a C API function with an args struct: `Result<()>`, the plugin's error converted.
macro_rules! pjrt_call {
    ($api:expr, $func:ident, $args:expr) => {{
        let api: &$crate::runtime::api::Api = $api;
        match $crate::runtime::api::pjrt_fn!(api, $func) {
            Err(e) => Err(e),
            Ok(None) => Err(api.missing(stringify!($func))),
            // SAFETY: the args struct type is tied to the entry's type by `PjrtFn<A>`; callers
            // fill it per the header and keep the pointed-to data alive for the call.
            Ok(Some(f)) => api.check(unsafe { f($args) }, stringify!($func)),
        }
    }};
}

pub(crate) use {pjrt_call, pjrt_fn};

/// A validated pointer to a plugin's `PJRT_Api` table.
pub(crate) struct Api {
    raw: *const ffi::PJRT_Api,
    struct_size: usize,
    version: (i32, i32),
}

// SAFETY: the table is a static, immutable array of function pointers inside the loaded plugin,
// and the plugin is never unloaded (see plugin.rs); sharing the pointer across threads is fine.
unsafe impl Send for Api {}
unsafe impl Sync for Api {}

impl Api {
    /// Validates the table returned by `GetPjrtApi`: non-null, long enough to carry a version,
    /// and of a major version we understand. Does not initialize the plugin.
    ///
    /// # Safety
    /// `raw` must be null or point to at least `(*raw).struct_size` readable bytes that live as
    /// long as the returned value.
    pub(crate) unsafe fn from_raw(raw: *const ffi::PJRT_Api, path: &Path) -> Result<Api> {
        let load_err = |reason: String| RuntimeError::Load { path: path.to_path_buf(), reason };
        if raw.is_null() {
            return Err(load_err("GetPjrtApi() returned null".into()));
        }
        let struct_size = ptr::addr_of!((*raw).struct_size).read();
        if struct_size < ffi::API_VERSION_END {
            return Err(load_err(format!("PJRT_Api table of {struct_size} bytes is too small to be a PJRT plugin")));
        }
        let v = ptr::addr_of!((*raw).pjrt_api_version).read();
        let version = (v.major_version, v.minor_version);
        if version.0 != 0 {
            return Err(RuntimeError::UnsupportedVersion { path: path.to_path_buf(), major: version.0, minor: version.1 });
        }
        Ok(Api { raw, struct_size, version })
    }

    pub(crate) fn version(&self) -> (i32, i32) {
        self.version
    }

    pub(crate) fn raw(&self) -> *const ffi::PJRT_Api {
        self.raw
    }

    /// Checks that the table entry at `offset` exists in this plugin's table.
    pub(crate) fn check_entry(&self, offset: usize, name: &'static str) -> Result<()> {
        if offset + std::mem::size_of::<usize>() <= self.struct_size {
            Ok(())
        } else {
            Err(self.missing(name))
        }
    }

    pub(crate) fn missing(&self, name: &'static str) -> RuntimeError {
        RuntimeError::MissingFunction { function: name, major: self.version.0, minor: self.version.1 }
    }

    /// Turns a returned `PJRT_Error*` into `Err`, taking ownership of it (it is destroyed here).
    pub(crate) fn check(&self, err: *mut ffi::PJRT_Error, call: &'static str) -> Result<()> {
        if err.is_null() {
            return Ok(());
        }
        let (code, message) = unsafe { self.consume_error(err) };
        Err(RuntimeError::Pjrt { context: Context { call, ..Default::default() }, code, message })
    }

    /// Reads code and message of a non-null error, then destroys it.
    unsafe fn consume_error(&self, err: *mut ffi::PJRT_Error) -> (i32, String) {
        let mut message = String::from("(the plugin gave no message)");
        if let Ok(Some(f)) = pjrt_fn!(self, PJRT_Error_Message) {
            let mut a = ffi::PJRT_Error_Message_Args::new();
            a.error = err;
            f(&mut a);
            message = lossy_str(a.message, a.message_size);
        }
        let mut code = 2; // UNKNOWN
        if let Ok(Some(f)) = pjrt_fn!(self, PJRT_Error_GetCode) {
            let mut a = ffi::PJRT_Error_GetCode_Args::new();
            a.error = err;
            // GetCode itself returns an error only for a bad argument; ignore it (and free it
            // without recursing).
            let e2 = f(&mut a);
            if e2.is_null() {
                code = a.code;
            } else {
                self.destroy_error(e2);
            }
        }
        self.destroy_error(err);
        (code, message)
    }

    unsafe fn destroy_error(&self, err: *mut ffi::PJRT_Error) {
        // Without PJRT_Error_Destroy the error can only be leaked.
        if let Ok(Some(f)) = pjrt_fn!(self, PJRT_Error_Destroy) {
            let mut a = ffi::PJRT_Error_Destroy_Args::new();
            a.error = err;
            f(&mut a);
        }
    }

    /// Blocks until `event` is ready, destroys it, and returns its error status.
    /// A null event counts as already done.
    pub(crate) fn await_event(&self, event: *mut ffi::PJRT_Event, call: &'static str) -> Result<()> {
        if event.is_null() {
            return Ok(());
        }
        let mut a = ffi::PJRT_Event_Await_Args::new();
        a.event = event;
        let awaited = pjrt_call!(self, PJRT_Event_Await, &mut a);
        self.destroy_event(event);
        // Report under the caller's name: "PJRT_Event_Await failed" says nothing useful.
        awaited.map_err(|mut e| {
            if let RuntimeError::Pjrt { context, .. } = &mut e {
                context.call = call;
            }
            e
        })
    }

    /// Destroys an event without waiting for it (errors from destruction are ignored: there is
    /// nothing a caller could do about them).
    pub(crate) fn destroy_event(&self, event: *mut ffi::PJRT_Event) {
        if event.is_null() {
            return;
        }
        let mut a = ffi::PJRT_Event_Destroy_Args::new();
        a.event = event;
        let _ = pjrt_call!(self, PJRT_Event_Destroy, &mut a);
    }
}

/// Copies a (pointer, length) string from the plugin. Invalid UTF-8 is replaced, not fatal.
pub(crate) unsafe fn lossy_str(p: *const std::ffi::c_char, len: usize) -> String {
    if p.is_null() || len == 0 {
        return String::new();
    }
    String::from_utf8_lossy(std::slice::from_raw_parts(p as *const u8, len)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fake_table(major: i32, minor: i32, struct_size: usize) -> Box<ffi::PJRT_Api> {
        let mut t = Box::new(ffi::PJRT_Api::new());
        t.struct_size = struct_size;
        t.pjrt_api_version.major_version = major;
        t.pjrt_api_version.minor_version = minor;
        t
    }

    #[test]
    fn rejects_other_major_versions() {
        let t = fake_table(1, 3, ffi::PJRT_Api::STRUCT_SIZE);
        let err = unsafe { Api::from_raw(&*t, &PathBuf::from("/x/fake.so")) }.err().unwrap();
        assert!(matches!(err, RuntimeError::UnsupportedVersion { major: 1, minor: 3, .. }));
        assert!(err.to_string().contains("major version 0 only"), "{err}");
    }

    #[test]
    fn rejects_null_and_tiny_tables() {
        let p = PathBuf::from("/x/fake.so");
        assert!(unsafe { Api::from_raw(ptr::null(), &p) }.is_err());
        let t = fake_table(0, 81, 16);
        let err = unsafe { Api::from_raw(&*t, &p) }.err().unwrap();
        assert!(err.to_string().contains("too small"), "{err}");
    }

    #[test]
    fn short_table_gives_missing_function_not_a_crash() {
        // A table that ends right after PJRT_Plugin_Initialize: PJRT_Client_Create is beyond it.
        let len = std::mem::offset_of!(ffi::PJRT_Api, PJRT_Plugin_Attributes);
        let t = fake_table(0, 20, len);
        let api = unsafe { Api::from_raw(&*t, &PathBuf::from("/x/old.so")) }.unwrap();
        let mut a = ffi::PJRT_Client_Create_Args::new();
        let err = pjrt_call!(&api, PJRT_Client_Create, &mut a).unwrap_err();
        assert!(matches!(err, RuntimeError::MissingFunction { function: "PJRT_Client_Create", .. }), "{err}");
        // Within the table but null: also an error, not a call through null.
        let mut a = ffi::PJRT_Plugin_Initialize_Args::new();
        assert!(pjrt_call!(&api, PJRT_Plugin_Initialize, &mut a).is_err());
    }
}
