//! Hand-written `#[repr(C)]` mirrors of the part of the PJRT C API (header v0.81) that bamboo uses.
//!
//! Why v0.81: every plugin we ship against (0.106, 0.115, the CUDA and TPU ones) accepts the
//! argument structs of that version, because PJRT plugins read only the first `struct_size` bytes
//! of what the caller passes. Newer layouts (e.g. `PJRT_ExecuteOptions` at 144 bytes in 0.114+)
//! are therefore never needed, and older plugins reject larger sizes.
//!
//! Rules kept by every struct here:
//! - field order and types follow the header exactly (checked by the layout tests below against
//!   values measured once with gcc on the header);
//! - `new()` zero-fills the struct and sets `struct_size` to the header's `*_STRUCT_SIZE`, which
//!   is `offsetof(last member) + sizeof(last member)` (not `sizeof`: trailing padding excluded).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, dead_code)]

use std::ffi::{c_char, c_int, c_void};
use std::mem::offset_of;

// ----------------------------------------------------------------------------------------------
// Opaque handles: only ever seen behind pointers.

macro_rules! opaque {
    ($($name:ident),* $(,)?) => {$(
        #[repr(C)]
        pub struct $name { _private: [u8; 0] }
    )*};
}
opaque!(
    PJRT_Error,
    PJRT_Event,
    PJRT_Client,
    PJRT_Device,
    PJRT_DeviceDescription,
    PJRT_Memory,
    PJRT_Executable,
    PJRT_LoadedExecutable,
    PJRT_Buffer,
    PJRT_ExecuteContext,
    PJRT_Buffer_MemoryLayout,
);

// ----------------------------------------------------------------------------------------------
// Enums are C `enum`s (4-byte ints on every ABI we target), so they are plain i32 here: a plugin
// may return a value this header does not know, and a Rust enum would make that UB.

pub type PJRT_Error_Code = c_int;
pub type PJRT_Buffer_Type = c_int;
pub type PJRT_NamedValue_Type = c_int;
pub type PJRT_HostBufferSemantics = c_int;

pub const PJRT_NamedValue_kString: PJRT_NamedValue_Type = 0;
pub const PJRT_NamedValue_kInt64: PJRT_NamedValue_Type = 1;
pub const PJRT_NamedValue_kInt64List: PJRT_NamedValue_Type = 2;
pub const PJRT_NamedValue_kFloat: PJRT_NamedValue_Type = 3;
pub const PJRT_NamedValue_kBool: PJRT_NamedValue_Type = 4;

pub const PJRT_HostBufferSemantics_kImmutableOnlyDuringCall: PJRT_HostBufferSemantics = 0;
pub const PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes: PJRT_HostBufferSemantics = 1;

pub const PJRT_Buffer_Type_INVALID: PJRT_Buffer_Type = 0;
pub const PJRT_Buffer_Type_PRED: PJRT_Buffer_Type = 1;
pub const PJRT_Buffer_Type_S8: PJRT_Buffer_Type = 2;
pub const PJRT_Buffer_Type_S16: PJRT_Buffer_Type = 3;
pub const PJRT_Buffer_Type_S32: PJRT_Buffer_Type = 4;
pub const PJRT_Buffer_Type_S64: PJRT_Buffer_Type = 5;
pub const PJRT_Buffer_Type_U8: PJRT_Buffer_Type = 6;
pub const PJRT_Buffer_Type_U16: PJRT_Buffer_Type = 7;
pub const PJRT_Buffer_Type_U32: PJRT_Buffer_Type = 8;
pub const PJRT_Buffer_Type_U64: PJRT_Buffer_Type = 9;
pub const PJRT_Buffer_Type_F16: PJRT_Buffer_Type = 10;
pub const PJRT_Buffer_Type_F32: PJRT_Buffer_Type = 11;
pub const PJRT_Buffer_Type_F64: PJRT_Buffer_Type = 12;
pub const PJRT_Buffer_Type_BF16: PJRT_Buffer_Type = 13;

// ----------------------------------------------------------------------------------------------
// The args-struct contract.

/// An argument struct of the C API: starts with `size_t struct_size` and may be zero-filled.
///
/// # Safety
/// Implementors must be `#[repr(C)]`, begin with a `usize` `struct_size` field, and be valid when
/// all bits are zero (only integers, raw pointers, `Option<fn>` and unions of those).
pub unsafe trait PjrtStruct: Sized {
    /// The header's `<Name>_STRUCT_SIZE`.
    const STRUCT_SIZE: usize;

    /// Zero-filled, with `struct_size` set: what the C API expects from a caller.
    fn new() -> Self {
        // SAFETY: the trait contract says all-zero is a valid value and the first field is the
        // usize struct_size.
        unsafe {
            let mut s: Self = std::mem::zeroed();
            *(&mut s as *mut Self as *mut usize) = Self::STRUCT_SIZE;
            s
        }
    }
}

/// Declares a struct's STRUCT_SIZE the way the header does: offset of the last member plus its
/// size (the last member's type is spelled out because Rust has no `sizeof(field)` in const).
macro_rules! pjrt_struct {
    ($name:ident, $last:ident : $ty:ty) => {
        unsafe impl PjrtStruct for $name {
            const STRUCT_SIZE: usize = offset_of!($name, $last) + std::mem::size_of::<$ty>();
        }
    };
}

type Ext = *mut PJRT_Extension_Base;

/// A link of the chain of optional extensions a plugin (or a caller) hangs off `extension_start`.
#[repr(C)]
pub struct PJRT_Extension_Base {
    pub struct_size: usize,
    /// `PJRT_Extension_Type` (see `runtime::plugin::extension_name`).
    pub type_: c_int,
    pub next: *mut PJRT_Extension_Base,
}

// ----------------------------------------------------------------------------------------------
// Version, errors, named values, plugin.

#[repr(C)]
pub struct PJRT_Api_Version {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub major_version: c_int,
    pub minor_version: c_int,
}
pjrt_struct!(PJRT_Api_Version, minor_version: c_int);

#[repr(C)]
pub struct PJRT_Error_Destroy_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub error: *mut PJRT_Error,
}
pjrt_struct!(PJRT_Error_Destroy_Args, error: *mut PJRT_Error);

#[repr(C)]
pub struct PJRT_Error_Message_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub error: *const PJRT_Error,
    pub message: *const c_char,
    pub message_size: usize,
}
pjrt_struct!(PJRT_Error_Message_Args, message_size: usize);

#[repr(C)]
pub struct PJRT_Error_GetCode_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub error: *const PJRT_Error,
    pub code: PJRT_Error_Code,
}
pjrt_struct!(PJRT_Error_GetCode_Args, code: PJRT_Error_Code);

#[repr(C)]
#[derive(Clone, Copy)]
pub union PJRT_NamedValue_Value {
    pub string_value: *const c_char,
    pub int64_value: i64,
    pub int64_array_value: *const i64,
    pub float_value: f32,
    /// C `bool`; read as a byte so a sloppy plugin's non-0/1 value is not UB here.
    pub bool_value: u8,
}

#[repr(C)]
pub struct PJRT_NamedValue {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub name: *const c_char,
    pub name_size: usize,
    pub type_: PJRT_NamedValue_Type,
    pub value: PJRT_NamedValue_Value,
    /// Number of elements for arrays/strings, 1 for scalars.
    pub value_size: usize,
}
pjrt_struct!(PJRT_NamedValue, value_size: usize);

#[repr(C)]
pub struct PJRT_Plugin_Initialize_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
}
pjrt_struct!(PJRT_Plugin_Initialize_Args, extension_start: Ext);

#[repr(C)]
pub struct PJRT_Plugin_Attributes_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub attributes: *const PJRT_NamedValue,
    pub num_attributes: usize,
}
pjrt_struct!(PJRT_Plugin_Attributes_Args, num_attributes: usize);

// ----------------------------------------------------------------------------------------------
// Events.

#[repr(C)]
pub struct PJRT_Event_Destroy_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub event: *mut PJRT_Event,
}
pjrt_struct!(PJRT_Event_Destroy_Args, event: *mut PJRT_Event);

#[repr(C)]
pub struct PJRT_Event_Await_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub event: *mut PJRT_Event,
}
pjrt_struct!(PJRT_Event_Await_Args, event: *mut PJRT_Event);

// ----------------------------------------------------------------------------------------------
// Client.

#[repr(C)]
pub struct PJRT_Client_Create_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub create_options: *const PJRT_NamedValue,
    pub num_options: usize,
    pub kv_get_callback: *const c_void,
    pub kv_get_user_arg: *mut c_void,
    pub kv_put_callback: *const c_void,
    pub kv_put_user_arg: *mut c_void,
    pub client: *mut PJRT_Client,
    pub kv_try_get_callback: *const c_void,
    pub kv_try_get_user_arg: *mut c_void,
}
pjrt_struct!(PJRT_Client_Create_Args, kv_try_get_user_arg: *mut c_void);

#[repr(C)]
pub struct PJRT_Client_Destroy_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
}
pjrt_struct!(PJRT_Client_Destroy_Args, client: *mut PJRT_Client);

#[repr(C)]
pub struct PJRT_Client_PlatformName_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
    pub platform_name: *const c_char,
    pub platform_name_size: usize,
}
pjrt_struct!(PJRT_Client_PlatformName_Args, platform_name_size: usize);

#[repr(C)]
pub struct PJRT_Client_PlatformVersion_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
    pub platform_version: *const c_char,
    pub platform_version_size: usize,
}
pjrt_struct!(PJRT_Client_PlatformVersion_Args, platform_version_size: usize);

/// Same layout serves `PJRT_Client_Devices` and `PJRT_Client_AddressableDevices`.
#[repr(C)]
pub struct PJRT_Client_Devices_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
    pub devices: *const *mut PJRT_Device,
    pub num_devices: usize,
}
pjrt_struct!(PJRT_Client_Devices_Args, num_devices: usize);

#[repr(C)]
pub struct PJRT_Client_AddressableDevices_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
    pub addressable_devices: *const *mut PJRT_Device,
    pub num_addressable_devices: usize,
}
pjrt_struct!(PJRT_Client_AddressableDevices_Args, num_addressable_devices: usize);

#[repr(C)]
pub struct PJRT_Program {
    pub struct_size: usize,
    pub extension_start: Ext,
    /// `char*` in the header; the plugin only reads it when compiling.
    pub code: *mut c_char,
    pub code_size: usize,
    pub format: *const c_char,
    pub format_size: usize,
}
pjrt_struct!(PJRT_Program, format_size: usize);

#[repr(C)]
pub struct PJRT_Client_Compile_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
    pub program: *const PJRT_Program,
    pub compile_options: *const c_char,
    pub compile_options_size: usize,
    pub executable: *mut PJRT_LoadedExecutable,
}
pjrt_struct!(PJRT_Client_Compile_Args, executable: *mut PJRT_LoadedExecutable);

#[repr(C)]
pub struct PJRT_Client_BufferFromHostBuffer_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub client: *mut PJRT_Client,
    pub data: *const c_void,
    pub type_: PJRT_Buffer_Type,
    pub dims: *const i64,
    pub num_dims: usize,
    pub byte_strides: *const i64,
    pub num_byte_strides: usize,
    pub host_buffer_semantics: PJRT_HostBufferSemantics,
    pub device: *mut PJRT_Device,
    pub memory: *mut PJRT_Memory,
    pub device_layout: *mut PJRT_Buffer_MemoryLayout,
    pub done_with_host_buffer: *mut PJRT_Event,
    pub buffer: *mut PJRT_Buffer,
}
pjrt_struct!(PJRT_Client_BufferFromHostBuffer_Args, buffer: *mut PJRT_Buffer);

// ----------------------------------------------------------------------------------------------
// Devices and their descriptions.

#[repr(C)]
pub struct PJRT_DeviceDescription_Id_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device_description: *mut PJRT_DeviceDescription,
    pub id: c_int,
}
pjrt_struct!(PJRT_DeviceDescription_Id_Args, id: c_int);

#[repr(C)]
pub struct PJRT_DeviceDescription_ProcessIndex_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device_description: *mut PJRT_DeviceDescription,
    pub process_index: c_int,
}
pjrt_struct!(PJRT_DeviceDescription_ProcessIndex_Args, process_index: c_int);

#[repr(C)]
pub struct PJRT_DeviceDescription_Kind_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device_description: *mut PJRT_DeviceDescription,
    pub device_kind: *const c_char,
    pub device_kind_size: usize,
}
pjrt_struct!(PJRT_DeviceDescription_Kind_Args, device_kind_size: usize);

#[repr(C)]
pub struct PJRT_DeviceDescription_DebugString_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device_description: *mut PJRT_DeviceDescription,
    pub debug_string: *const c_char,
    pub debug_string_size: usize,
}
pjrt_struct!(PJRT_DeviceDescription_DebugString_Args, debug_string_size: usize);

#[repr(C)]
pub struct PJRT_DeviceDescription_ToString_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device_description: *mut PJRT_DeviceDescription,
    pub to_string: *const c_char,
    pub to_string_size: usize,
}
pjrt_struct!(PJRT_DeviceDescription_ToString_Args, to_string_size: usize);

#[repr(C)]
pub struct PJRT_Device_GetDescription_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device: *mut PJRT_Device,
    pub device_description: *mut PJRT_DeviceDescription,
}
pjrt_struct!(PJRT_Device_GetDescription_Args, device_description: *mut PJRT_DeviceDescription);

#[repr(C)]
pub struct PJRT_Device_IsAddressable_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device: *mut PJRT_Device,
    pub is_addressable: bool,
}
pjrt_struct!(PJRT_Device_IsAddressable_Args, is_addressable: bool);

#[repr(C)]
pub struct PJRT_Device_LocalHardwareId_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device: *mut PJRT_Device,
    pub local_hardware_id: c_int,
}
pjrt_struct!(PJRT_Device_LocalHardwareId_Args, local_hardware_id: c_int);

/// The allocator's counters (the GPU plugin's BFC allocator; the CPU plugin answers
/// Unimplemented). Laid out to the newest header's end (`peak_pool_bytes_is_set`): a plugin
/// writes every field it knows, so the struct must be at least that large.
#[repr(C)]
pub struct PJRT_Device_MemoryStats_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub device: *mut PJRT_Device,
    pub bytes_in_use: i64,
    pub peak_bytes_in_use: i64,
    pub peak_bytes_in_use_is_set: bool,
    pub num_allocs: i64,
    pub num_allocs_is_set: bool,
    pub largest_alloc_size: i64,
    pub largest_alloc_size_is_set: bool,
    pub bytes_limit: i64,
    pub bytes_limit_is_set: bool,
    pub bytes_reserved: i64,
    pub bytes_reserved_is_set: bool,
    pub peak_bytes_reserved: i64,
    pub peak_bytes_reserved_is_set: bool,
    pub bytes_reservable_limit: i64,
    pub bytes_reservable_limit_is_set: bool,
    pub largest_free_block_bytes: i64,
    pub largest_free_block_bytes_is_set: bool,
    pub pool_bytes: i64,
    pub pool_bytes_is_set: bool,
    pub peak_pool_bytes: i64,
    pub peak_pool_bytes_is_set: bool,
}
pjrt_struct!(PJRT_Device_MemoryStats_Args, peak_pool_bytes_is_set: bool);

// ----------------------------------------------------------------------------------------------
// Executables.

#[repr(C)]
pub struct PJRT_Executable_Destroy_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_Executable,
}
pjrt_struct!(PJRT_Executable_Destroy_Args, executable: *mut PJRT_Executable);

#[repr(C)]
pub struct PJRT_LoadedExecutable_Destroy_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_LoadedExecutable,
}
pjrt_struct!(PJRT_LoadedExecutable_Destroy_Args, executable: *mut PJRT_LoadedExecutable);

#[repr(C)]
pub struct PJRT_LoadedExecutable_GetExecutable_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub loaded_executable: *mut PJRT_LoadedExecutable,
    pub executable: *mut PJRT_Executable,
}
pjrt_struct!(PJRT_LoadedExecutable_GetExecutable_Args, executable: *mut PJRT_Executable);

#[repr(C)]
pub struct PJRT_Executable_Name_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_Executable,
    pub executable_name: *const c_char,
    pub executable_name_size: usize,
}
pjrt_struct!(PJRT_Executable_Name_Args, executable_name_size: usize);

#[repr(C)]
pub struct PJRT_Executable_NumReplicas_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_Executable,
    pub num_replicas: usize,
}
pjrt_struct!(PJRT_Executable_NumReplicas_Args, num_replicas: usize);

#[repr(C)]
pub struct PJRT_Executable_NumPartitions_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_Executable,
    pub num_partitions: usize,
}
pjrt_struct!(PJRT_Executable_NumPartitions_Args, num_partitions: usize);

#[repr(C)]
pub struct PJRT_Executable_NumOutputs_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_Executable,
    pub num_outputs: usize,
}
pjrt_struct!(PJRT_Executable_NumOutputs_Args, num_outputs: usize);

#[repr(C)]
pub struct PJRT_LoadedExecutable_AddressableDevices_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_LoadedExecutable,
    pub addressable_devices: *const *mut PJRT_Device,
    pub num_addressable_devices: usize,
}
pjrt_struct!(PJRT_LoadedExecutable_AddressableDevices_Args, num_addressable_devices: usize);

/// The v0.81 layout (112 bytes). 0.114+ grew it to 144; newer plugins accept this smaller size.
#[repr(C)]
pub struct PJRT_ExecuteOptions {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub send_callbacks: *mut *mut c_void,
    pub recv_callbacks: *mut *mut c_void,
    pub num_send_ops: usize,
    pub num_recv_ops: usize,
    pub launch_id: c_int,
    pub non_donatable_input_indices: *const i64,
    pub num_non_donatable_input_indices: usize,
    pub context: *mut PJRT_ExecuteContext,
    pub call_location: *const c_char,
    pub num_tasks: usize,
    pub task_ids: *mut c_int,
    pub incarnation_ids: *mut i64,
}
pjrt_struct!(PJRT_ExecuteOptions, incarnation_ids: *mut i64);

#[repr(C)]
pub struct PJRT_LoadedExecutable_Execute_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub executable: *mut PJRT_LoadedExecutable,
    pub options: *mut PJRT_ExecuteOptions,
    /// `[num_devices][num_args]`, as an array of per-device pointer arrays.
    pub argument_lists: *const *const *mut PJRT_Buffer,
    pub num_devices: usize,
    pub num_args: usize,
    /// `[num_devices][num_outputs]`, allocated by the caller, filled by the plugin.
    pub output_lists: *const *mut *mut PJRT_Buffer,
    pub device_complete_events: *mut *mut PJRT_Event,
    pub execute_device: *mut PJRT_Device,
}
pjrt_struct!(PJRT_LoadedExecutable_Execute_Args, execute_device: *mut PJRT_Device);

// ----------------------------------------------------------------------------------------------
// Buffers.

#[repr(C)]
pub struct PJRT_Buffer_Destroy_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub buffer: *mut PJRT_Buffer,
}
pjrt_struct!(PJRT_Buffer_Destroy_Args, buffer: *mut PJRT_Buffer);

#[repr(C)]
pub struct PJRT_Buffer_ElementType_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub buffer: *mut PJRT_Buffer,
    pub type_: PJRT_Buffer_Type,
}
pjrt_struct!(PJRT_Buffer_ElementType_Args, type_: PJRT_Buffer_Type);

#[repr(C)]
pub struct PJRT_Buffer_Dimensions_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub buffer: *mut PJRT_Buffer,
    pub dims: *const i64,
    pub num_dims: usize,
}
pjrt_struct!(PJRT_Buffer_Dimensions_Args, num_dims: usize);

#[repr(C)]
pub struct PJRT_Buffer_Device_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub buffer: *mut PJRT_Buffer,
    pub device: *mut PJRT_Device,
}
pjrt_struct!(PJRT_Buffer_Device_Args, device: *mut PJRT_Device);

#[repr(C)]
pub struct PJRT_Buffer_ToHostBuffer_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub src: *mut PJRT_Buffer,
    pub host_layout: *mut PJRT_Buffer_MemoryLayout,
    pub dst: *mut c_void,
    pub dst_size: usize,
    pub event: *mut PJRT_Event,
}
pjrt_struct!(PJRT_Buffer_ToHostBuffer_Args, event: *mut PJRT_Event);

#[repr(C)]
pub struct PJRT_Buffer_ReadyEvent_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub buffer: *mut PJRT_Buffer,
    pub event: *mut PJRT_Event,
}
pjrt_struct!(PJRT_Buffer_ReadyEvent_Args, event: *mut PJRT_Event);

#[repr(C)]
pub struct PJRT_Buffer_UnsafePointer_Args {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub buffer: *mut PJRT_Buffer,
    pub buffer_pointer: usize,
}
pjrt_struct!(PJRT_Buffer_UnsafePointer_Args, buffer_pointer: usize);

// ----------------------------------------------------------------------------------------------
// The function table. Entries bamboo calls are typed; the rest are `Unused` placeholders that
// only keep the offsets right. Never read an entry without first checking that it lies within
// the plugin's `struct_size` (see `api.rs`): an older plugin's table is shorter than this one.

/// A C API function taking one args struct and returning an owned `PJRT_Error*` (null = ok).
pub type PjrtFn<A> = Option<unsafe extern "C" fn(*mut A) -> *mut PJRT_Error>;
/// The two error functions return nothing.
pub type PjrtVoidFn<A> = Option<unsafe extern "C" fn(*mut A)>;
pub type Unused = *const c_void;

#[repr(C)]
pub struct PJRT_Api {
    pub struct_size: usize,
    pub extension_start: Ext,
    pub pjrt_api_version: PJRT_Api_Version,

    pub PJRT_Error_Destroy: PjrtVoidFn<PJRT_Error_Destroy_Args>,
    pub PJRT_Error_Message: PjrtVoidFn<PJRT_Error_Message_Args>,
    pub PJRT_Error_GetCode: PjrtFn<PJRT_Error_GetCode_Args>,

    pub PJRT_Plugin_Initialize: PjrtFn<PJRT_Plugin_Initialize_Args>,
    pub PJRT_Plugin_Attributes: PjrtFn<PJRT_Plugin_Attributes_Args>,

    pub PJRT_Event_Destroy: PjrtFn<PJRT_Event_Destroy_Args>,
    pub PJRT_Event_IsReady: Unused,
    pub PJRT_Event_Error: Unused,
    pub PJRT_Event_Await: PjrtFn<PJRT_Event_Await_Args>,
    pub PJRT_Event_OnReady: Unused,

    pub PJRT_Client_Create: PjrtFn<PJRT_Client_Create_Args>,
    pub PJRT_Client_Destroy: PjrtFn<PJRT_Client_Destroy_Args>,
    pub PJRT_Client_PlatformName: PjrtFn<PJRT_Client_PlatformName_Args>,
    pub PJRT_Client_ProcessIndex: Unused,
    pub PJRT_Client_PlatformVersion: PjrtFn<PJRT_Client_PlatformVersion_Args>,
    pub PJRT_Client_Devices: PjrtFn<PJRT_Client_Devices_Args>,
    pub PJRT_Client_AddressableDevices: PjrtFn<PJRT_Client_AddressableDevices_Args>,
    pub PJRT_Client_LookupDevice: Unused,
    pub PJRT_Client_LookupAddressableDevice: Unused,
    pub PJRT_Client_AddressableMemories: Unused,
    pub PJRT_Client_Compile: PjrtFn<PJRT_Client_Compile_Args>,
    pub PJRT_Client_DefaultDeviceAssignment: Unused,
    pub PJRT_Client_BufferFromHostBuffer: PjrtFn<PJRT_Client_BufferFromHostBuffer_Args>,

    pub PJRT_DeviceDescription_Id: PjrtFn<PJRT_DeviceDescription_Id_Args>,
    pub PJRT_DeviceDescription_ProcessIndex: PjrtFn<PJRT_DeviceDescription_ProcessIndex_Args>,
    pub PJRT_DeviceDescription_Attributes: Unused,
    pub PJRT_DeviceDescription_Kind: PjrtFn<PJRT_DeviceDescription_Kind_Args>,
    pub PJRT_DeviceDescription_DebugString: PjrtFn<PJRT_DeviceDescription_DebugString_Args>,
    pub PJRT_DeviceDescription_ToString: PjrtFn<PJRT_DeviceDescription_ToString_Args>,

    pub PJRT_Device_GetDescription: PjrtFn<PJRT_Device_GetDescription_Args>,
    pub PJRT_Device_IsAddressable: PjrtFn<PJRT_Device_IsAddressable_Args>,
    pub PJRT_Device_LocalHardwareId: PjrtFn<PJRT_Device_LocalHardwareId_Args>,
    pub PJRT_Device_AddressableMemories: Unused,
    pub PJRT_Device_DefaultMemory: Unused,
    pub PJRT_Device_MemoryStats: PjrtFn<PJRT_Device_MemoryStats_Args>,

    pub PJRT_Memory_Id: Unused,
    pub PJRT_Memory_Kind: Unused,
    pub PJRT_Memory_DebugString: Unused,
    pub PJRT_Memory_ToString: Unused,
    pub PJRT_Memory_AddressableByDevices: Unused,

    pub PJRT_Executable_Destroy: PjrtFn<PJRT_Executable_Destroy_Args>,
    pub PJRT_Executable_Name: PjrtFn<PJRT_Executable_Name_Args>,
    pub PJRT_Executable_NumReplicas: PjrtFn<PJRT_Executable_NumReplicas_Args>,
    pub PJRT_Executable_NumPartitions: PjrtFn<PJRT_Executable_NumPartitions_Args>,
    pub PJRT_Executable_NumOutputs: PjrtFn<PJRT_Executable_NumOutputs_Args>,
    pub PJRT_Executable_SizeOfGeneratedCodeInBytes: Unused,
    pub PJRT_Executable_GetCostAnalysis: Unused,
    pub PJRT_Executable_OutputMemoryKinds: Unused,
    pub PJRT_Executable_OptimizedProgram: Unused,
    pub PJRT_Executable_Serialize: Unused,

    pub PJRT_LoadedExecutable_Destroy: PjrtFn<PJRT_LoadedExecutable_Destroy_Args>,
    pub PJRT_LoadedExecutable_GetExecutable: PjrtFn<PJRT_LoadedExecutable_GetExecutable_Args>,
    pub PJRT_LoadedExecutable_AddressableDevices: PjrtFn<PJRT_LoadedExecutable_AddressableDevices_Args>,
    pub PJRT_LoadedExecutable_Delete: Unused,
    pub PJRT_LoadedExecutable_IsDeleted: Unused,
    pub PJRT_LoadedExecutable_Execute: PjrtFn<PJRT_LoadedExecutable_Execute_Args>,
    pub PJRT_Executable_DeserializeAndLoad: Unused,
    pub PJRT_LoadedExecutable_Fingerprint: Unused,

    pub PJRT_Buffer_Destroy: PjrtFn<PJRT_Buffer_Destroy_Args>,
    pub PJRT_Buffer_ElementType: PjrtFn<PJRT_Buffer_ElementType_Args>,
    pub PJRT_Buffer_Dimensions: PjrtFn<PJRT_Buffer_Dimensions_Args>,
    pub PJRT_Buffer_UnpaddedDimensions: Unused,
    pub PJRT_Buffer_DynamicDimensionIndices: Unused,
    pub PJRT_Buffer_GetMemoryLayout: Unused,
    pub PJRT_Buffer_OnDeviceSizeInBytes: Unused,
    pub PJRT_Buffer_Device: PjrtFn<PJRT_Buffer_Device_Args>,
    pub PJRT_Buffer_Memory: Unused,
    pub PJRT_Buffer_Delete: Unused,
    pub PJRT_Buffer_IsDeleted: Unused,
    pub PJRT_Buffer_CopyToDevice: Unused,
    pub PJRT_Buffer_ToHostBuffer: PjrtFn<PJRT_Buffer_ToHostBuffer_Args>,
    pub PJRT_Buffer_IsOnCpu: Unused,
    pub PJRT_Buffer_ReadyEvent: PjrtFn<PJRT_Buffer_ReadyEvent_Args>,
    pub PJRT_Buffer_UnsafePointer: PjrtFn<PJRT_Buffer_UnsafePointer_Args>,
    pub PJRT_Buffer_IncreaseExternalReferenceCount: Unused,
    pub PJRT_Buffer_DecreaseExternalReferenceCount: Unused,
    pub PJRT_Buffer_OpaqueDeviceMemoryDataPointer: Unused,

    pub PJRT_CopyToDeviceStream_Destroy: Unused,
    pub PJRT_CopyToDeviceStream_AddChunk: Unused,
    pub PJRT_CopyToDeviceStream_TotalBytes: Unused,
    pub PJRT_CopyToDeviceStream_GranuleSize: Unused,
    pub PJRT_CopyToDeviceStream_CurrentBytes: Unused,

    pub PJRT_TopologyDescription_Create: Unused,
    pub PJRT_TopologyDescription_Destroy: Unused,
    pub PJRT_TopologyDescription_PlatformName: Unused,
    pub PJRT_TopologyDescription_PlatformVersion: Unused,
    pub PJRT_TopologyDescription_GetDeviceDescriptions: Unused,
    pub PJRT_TopologyDescription_Serialize: Unused,
    pub PJRT_TopologyDescription_Attributes: Unused,

    pub PJRT_Compile: Unused,

    pub PJRT_Executable_OutputElementTypes: Unused,
    pub PJRT_Executable_OutputDimensions: Unused,
    pub PJRT_Buffer_CopyToMemory: Unused,
    pub PJRT_Client_CreateViewOfDeviceBuffer: Unused,
    pub PJRT_Executable_Fingerprint: Unused,
    pub PJRT_Client_TopologyDescription: Unused,
    pub PJRT_Executable_GetCompiledMemoryStats: Unused,
    pub PJRT_Memory_Kind_Id: Unused,
    pub PJRT_ExecuteContext_Create: Unused,
    pub PJRT_ExecuteContext_Destroy: Unused,
    pub PJRT_Buffer_CopyRawToHost: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_Destroy: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_TransferData: Unused,
    pub PJRT_Client_CreateBuffersForAsyncHostToDevice: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_RetrieveBuffer: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_Device: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_BufferCount: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_BufferSize: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_SetBufferError: Unused,
    pub PJRT_AsyncHostToDeviceTransferManager_AddMetadata: Unused,
    pub PJRT_Client_DmaMap: Unused,
    pub PJRT_Client_DmaUnmap: Unused,
    pub PJRT_Client_CreateUninitializedBuffer: Unused,
    pub PJRT_Client_UpdateGlobalProcessInfo: Unused,
    pub PJRT_TopologyDescription_Deserialize: Unused,
    pub PJRT_Client_CreateAliasBuffer: Unused,
    pub PJRT_Client_FulfillAliasBuffer: Unused,
    pub PJRT_LoadedExecutable_GetDeviceAssignment: Unused,
}
pjrt_struct!(PJRT_Api, PJRT_LoadedExecutable_GetDeviceAssignment: Unused);

/// Offset just past the `pjrt_api_version` member: a table shorter than this cannot even say
/// which version it is.
pub const API_VERSION_END: usize = offset_of!(PJRT_Api, pjrt_api_version) + std::mem::size_of::<PJRT_Api_Version>();

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    /// (sizeof, *_STRUCT_SIZE) as printed by a C program compiled with gcc (x86-64 Linux)
    /// against the v0.81 header, e.g. `printf("%zu %zu", sizeof(T), (size_t)T##_STRUCT_SIZE)`.
    fn check<T: PjrtStruct>(name: &str, c_sizeof: usize, c_struct_size: usize) {
        assert_eq!(size_of::<T>(), c_sizeof, "sizeof({name})");
        assert_eq!(T::STRUCT_SIZE, c_struct_size, "{name}_STRUCT_SIZE");
    }

    #[test]
    fn layouts_match_header_v0_81() {
        check::<PJRT_Api_Version>("PJRT_Api_Version", 24, 24);
        check::<PJRT_Error_Destroy_Args>("PJRT_Error_Destroy_Args", 24, 24);
        check::<PJRT_Error_Message_Args>("PJRT_Error_Message_Args", 40, 40);
        check::<PJRT_Error_GetCode_Args>("PJRT_Error_GetCode_Args", 32, 28);
        check::<PJRT_NamedValue>("PJRT_NamedValue", 56, 56);
        check::<PJRT_Plugin_Initialize_Args>("PJRT_Plugin_Initialize_Args", 16, 16);
        check::<PJRT_Plugin_Attributes_Args>("PJRT_Plugin_Attributes_Args", 32, 32);
        check::<PJRT_Event_Destroy_Args>("PJRT_Event_Destroy_Args", 24, 24);
        check::<PJRT_Event_Await_Args>("PJRT_Event_Await_Args", 24, 24);
        check::<PJRT_Client_Create_Args>("PJRT_Client_Create_Args", 88, 88);
        check::<PJRT_Client_Destroy_Args>("PJRT_Client_Destroy_Args", 24, 24);
        check::<PJRT_Client_PlatformName_Args>("PJRT_Client_PlatformName_Args", 40, 40);
        check::<PJRT_Client_PlatformVersion_Args>("PJRT_Client_PlatformVersion_Args", 40, 40);
        check::<PJRT_Client_Devices_Args>("PJRT_Client_Devices_Args", 40, 40);
        check::<PJRT_Client_AddressableDevices_Args>("PJRT_Client_AddressableDevices_Args", 40, 40);
        check::<PJRT_Program>("PJRT_Program", 48, 48);
        check::<PJRT_Client_Compile_Args>("PJRT_Client_Compile_Args", 56, 56);
        check::<PJRT_Client_BufferFromHostBuffer_Args>("PJRT_Client_BufferFromHostBuffer_Args", 120, 120);
        check::<PJRT_DeviceDescription_Id_Args>("PJRT_DeviceDescription_Id_Args", 32, 28);
        check::<PJRT_DeviceDescription_ProcessIndex_Args>("PJRT_DeviceDescription_ProcessIndex_Args", 32, 28);
        check::<PJRT_DeviceDescription_Kind_Args>("PJRT_DeviceDescription_Kind_Args", 40, 40);
        check::<PJRT_DeviceDescription_DebugString_Args>("PJRT_DeviceDescription_DebugString_Args", 40, 40);
        check::<PJRT_DeviceDescription_ToString_Args>("PJRT_DeviceDescription_ToString_Args", 40, 40);
        check::<PJRT_Device_GetDescription_Args>("PJRT_Device_GetDescription_Args", 32, 32);
        check::<PJRT_Device_IsAddressable_Args>("PJRT_Device_IsAddressable_Args", 32, 25);
        check::<PJRT_Device_LocalHardwareId_Args>("PJRT_Device_LocalHardwareId_Args", 32, 28);
        check::<PJRT_Device_MemoryStats_Args>("PJRT_Device_MemoryStats_Args", 192, 185);
        check::<PJRT_Executable_Destroy_Args>("PJRT_Executable_Destroy_Args", 24, 24);
        check::<PJRT_LoadedExecutable_Destroy_Args>("PJRT_LoadedExecutable_Destroy_Args", 24, 24);
        check::<PJRT_LoadedExecutable_GetExecutable_Args>("PJRT_LoadedExecutable_GetExecutable_Args", 32, 32);
        check::<PJRT_Executable_Name_Args>("PJRT_Executable_Name_Args", 40, 40);
        check::<PJRT_Executable_NumReplicas_Args>("PJRT_Executable_NumReplicas_Args", 32, 32);
        check::<PJRT_Executable_NumPartitions_Args>("PJRT_Executable_NumPartitions_Args", 32, 32);
        check::<PJRT_Executable_NumOutputs_Args>("PJRT_Executable_NumOutputs_Args", 32, 32);
        check::<PJRT_LoadedExecutable_AddressableDevices_Args>("PJRT_LoadedExecutable_AddressableDevices_Args", 40, 40);
        check::<PJRT_ExecuteOptions>("PJRT_ExecuteOptions", 112, 112);
        check::<PJRT_LoadedExecutable_Execute_Args>("PJRT_LoadedExecutable_Execute_Args", 80, 80);
        check::<PJRT_Buffer_Destroy_Args>("PJRT_Buffer_Destroy_Args", 24, 24);
        check::<PJRT_Buffer_ElementType_Args>("PJRT_Buffer_ElementType_Args", 32, 28);
        check::<PJRT_Buffer_Dimensions_Args>("PJRT_Buffer_Dimensions_Args", 40, 40);
        check::<PJRT_Buffer_Device_Args>("PJRT_Buffer_Device_Args", 32, 32);
        check::<PJRT_Buffer_ToHostBuffer_Args>("PJRT_Buffer_ToHostBuffer_Args", 56, 56);
        check::<PJRT_Buffer_ReadyEvent_Args>("PJRT_Buffer_ReadyEvent_Args", 32, 32);
        check::<PJRT_Buffer_UnsafePointer_Args>("PJRT_Buffer_UnsafePointer_Args", 32, 32);
        check::<PJRT_Api>("PJRT_Api", 984, 984);
    }

    #[test]
    fn api_table_offsets_match_header_v0_81() {
        // offsetof(PJRT_Api, ...) from the same C program.
        assert_eq!(offset_of!(PJRT_Api, pjrt_api_version), 16);
        assert_eq!(offset_of!(PJRT_Api, PJRT_Error_Destroy), 40);
        assert_eq!(offset_of!(PJRT_Api, PJRT_Plugin_Initialize), 64);
        assert_eq!(offset_of!(PJRT_Api, PJRT_Client_Create), 120);
        assert_eq!(offset_of!(PJRT_Api, PJRT_LoadedExecutable_Execute), 480);
        assert_eq!(offset_of!(PJRT_Api, PJRT_Buffer_ToHostBuffer), 600);
        assert_eq!(offset_of!(PJRT_Api, PJRT_Buffer_UnsafePointer), 624);
        assert_eq!(offset_of!(PJRT_Api, PJRT_Compile), 752);
        assert_eq!(offset_of!(PJRT_Api, PJRT_LoadedExecutable_GetDeviceAssignment), 976);
        assert_eq!(API_VERSION_END, 40);
    }

    #[test]
    fn new_sets_struct_size_and_zeroes() {
        let a = PJRT_ExecuteOptions::new();
        assert_eq!(a.struct_size, 112);
        assert!(a.non_donatable_input_indices.is_null());
        assert_eq!(a.launch_id, 0);
        let b = PJRT_Buffer_ElementType_Args::new();
        assert_eq!(b.struct_size, 28); // not sizeof (32): trailing padding excluded
    }
}
