//! Device buffers: host -> device, device -> host, and exactly one `PJRT_Buffer_Destroy` per
//! buffer handle (on drop).

use std::ffi::c_void;
use std::sync::Arc;

use super::api::pjrt_call;
use super::client::{describe, Client, ClientInner, Device};
use super::error::{Result, RuntimeError};
use super::ffi::{self, PjrtStruct};
use super::host::{element_count, ElementType, HostTensor};

/// An array on one device. Dropping it destroys the PJRT handle (and frees the memory unless an
/// execution still uses it; PJRT defers that).
pub struct Buffer {
    pub(crate) raw: *mut ffi::PJRT_Buffer,
    // The client must outlive its buffers.
    pub(crate) client: Arc<ClientInner>,
}

// SAFETY: PJRT buffers are reference-counted, internally synchronized objects: JAX reads,
// copies, donates and deletes the same buffer from different threads. Our handle is owned
// uniquely (no Clone), so `Drop` runs once, on whichever thread.
unsafe impl Send for Buffer {}
unsafe impl Sync for Buffer {}

impl Drop for Buffer {
    fn drop(&mut self) {
        let mut a = ffi::PJRT_Buffer_Destroy_Args::new();
        a.buffer = self.raw;
        if let Err(e) = pjrt_call!(self.client.api(), PJRT_Buffer_Destroy, &mut a) {
            eprintln!("bamboo: {e}");
        }
    }
}

impl Client {
    /// Copies `tensor` to the addressable device at `device_index` (see
    /// `Client::addressable_devices`). Returns once the host data is no longer needed.
    pub fn to_device(&self, tensor: &HostTensor, device_index: usize) -> Result<Buffer> {
        let inner = &self.inner;
        let api = inner.api();
        let device = *inner.addressable_raw.get(device_index).ok_or_else(|| {
            RuntimeError::invalid(format!(
                "device index {device_index} out of range: the client has {} addressable devices",
                inner.addressable_raw.len()
            ))
        })?;
        // Re-check the invariant: the FFI trusts `data` to hold the whole array.
        let want = element_count(&tensor.dims)? * tensor.ty.size_bytes();
        if tensor.data.len() != want {
            return Err(RuntimeError::invalid(format!(
                "HostTensor of type {} and shape {:?} has {} bytes, needs {want}",
                tensor.ty,
                tensor.dims,
                tensor.data.len()
            )));
        }

        let mut a = ffi::PJRT_Client_BufferFromHostBuffer_Args::new();
        a.client = inner.raw;
        a.data = tensor.data.as_ptr() as *const c_void;
        a.type_ = tensor.ty.to_pjrt();
        a.dims = tensor.dims.as_ptr();
        a.num_dims = tensor.dims.len();
        // The plugin copies during the call, so `tensor` may be dropped right after; we still
        // await `done_with_host_buffer` below, which also reports a failed transfer.
        a.host_buffer_semantics = ffi::PJRT_HostBufferSemantics_kImmutableOnlyDuringCall;
        a.device = device;
        pjrt_call!(api, PJRT_Client_BufferFromHostBuffer, &mut a)?;
        let buffer = Buffer { raw: a.buffer, client: inner.clone() };
        api.await_event(a.done_with_host_buffer, "PJRT_Client_BufferFromHostBuffer")?;
        if buffer.raw.is_null() {
            std::mem::forget(buffer);
            return Err(RuntimeError::invalid("PJRT_Client_BufferFromHostBuffer returned no buffer"));
        }
        Ok(buffer)
    }
}

impl Buffer {
    pub fn dims(&self) -> Result<Vec<i64>> {
        let mut a = ffi::PJRT_Buffer_Dimensions_Args::new();
        a.buffer = self.raw;
        pjrt_call!(self.client.api(), PJRT_Buffer_Dimensions, &mut a)?;
        if a.dims.is_null() || a.num_dims == 0 {
            return Ok(Vec::new());
        }
        // SAFETY: the plugin returns `num_dims` values living as long as the buffer.
        Ok(unsafe { std::slice::from_raw_parts(a.dims, a.num_dims) }.to_vec())
    }

    pub fn element_type(&self) -> Result<ElementType> {
        let mut a = ffi::PJRT_Buffer_ElementType_Args::new();
        a.buffer = self.raw;
        pjrt_call!(self.client.api(), PJRT_Buffer_ElementType, &mut a)?;
        ElementType::from_pjrt(a.type_)
            .ok_or_else(|| RuntimeError::invalid(format!("buffer has PJRT element type {}, unsupported", a.type_)))
    }

    /// The device holding this buffer.
    pub fn device(&self) -> Result<Device> {
        let api = self.client.api();
        let mut a = ffi::PJRT_Buffer_Device_Args::new();
        a.buffer = self.raw;
        pjrt_call!(api, PJRT_Buffer_Device, &mut a)?;
        describe(api, a.device, self.client.addressable_index_of(a.device))
    }

    /// Copies the buffer into host memory, waiting for any computation producing it.
    pub fn to_host(&self) -> Result<HostTensor> {
        let ty = self.element_type()?;
        let dims = self.dims()?;
        let len = element_count(&dims)? * ty.size_bytes();
        let mut data = vec![0u8; len];

        let mut a = ffi::PJRT_Buffer_ToHostBuffer_Args::new();
        a.src = self.raw;
        a.dst = data.as_mut_ptr() as *mut c_void;
        a.dst_size = len;
        let api = self.client.api();
        pjrt_call!(api, PJRT_Buffer_ToHostBuffer, &mut a)?;
        // `data` must stay alive until this returns: the copy is asynchronous.
        api.await_event(a.event, "PJRT_Buffer_ToHostBuffer")?;
        Ok(HostTensor { ty, dims, data })
    }

    /// Blocks until the buffer's contents are computed (or their computation failed).
    pub fn block_until_ready(&self) -> Result<()> {
        let api = self.client.api();
        let mut a = ffi::PJRT_Buffer_ReadyEvent_Args::new();
        a.buffer = self.raw;
        pjrt_call!(api, PJRT_Buffer_ReadyEvent, &mut a)?;
        api.await_event(a.event, "PJRT_Buffer_ReadyEvent")
    }

    /// The platform's address of the data (on CPU, a host pointer). For diagnostics, e.g. to
    /// check that a donated input's memory was reused for an output; never dereference it.
    pub fn unsafe_pointer(&self) -> Result<usize> {
        let mut a = ffi::PJRT_Buffer_UnsafePointer_Args::new();
        a.buffer = self.raw;
        pjrt_call!(self.client.api(), PJRT_Buffer_UnsafePointer, &mut a)?;
        Ok(a.buffer_pointer)
    }

    pub(crate) fn same_client(&self, client: &Arc<ClientInner>) -> bool {
        Arc::ptr_eq(&self.client, client)
    }
}

impl std::fmt::Debug for Buffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.element_type(), self.dims()) {
            (Ok(t), Ok(d)) => write!(f, "Buffer({t}, {d:?})"),
            _ => write!(f, "Buffer(<unavailable>)"),
        }
    }
}
