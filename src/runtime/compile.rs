//! Compile options, serialized by hand to `xla.CompileOptionsProto` bytes (the C API takes the
//! serialized proto). Only the handful of fields bamboo needs are written; a tiny protobuf
//! encoder avoids a protobuf dependency and XLA's .proto files.
//!
//! Field numbers (xla/pjrt/proto/compile_options.proto, xla/xla.proto, xla/xla_data.proto):
//! - CompileOptionsProto: 3 executable_build_options, 7 env_option_overrides
//!   (map<string, OptionOverrideProto>)
//! - ExecutableBuildOptionsProto: 1 device_ordinal, 4 num_replicas, 5 num_partitions,
//!   6 use_spmd_partitioning, 9 device_assignment, 19 use_shardy_partitioner
//! - DeviceAssignmentProto: 1 replica_count, 2 computation_count, 3 computation_devices
//!   (each ComputationDevice: 1 replica_device_ids, repeated int64)
//! - OptionOverrideProto (a oneof): 1 string, 2 bool, 3 int64, 4 double

use super::error::{Result, RuntimeError};

/// A value for `env_option_overrides` (the per-compile equivalent of an `XLA_FLAGS` entry).
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Str(String),
    Bool(bool),
    Int(i64),
    Double(f64),
}

/// As it would be written on the command line (`--xla NAME=VALUE`).
impl std::fmt::Display for OptionValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionValue::Str(v) => write!(f, "{v}"),
            OptionValue::Bool(v) => write!(f, "{v}"),
            OptionValue::Int(v) => write!(f, "{v}"),
            OptionValue::Double(v) => write!(f, "{v}"),
        }
    }
}

impl OptionValue {
    /// Reads a command-line value: `true`/`false`, an integer, a float, else a string.
    pub fn parse(text: &str) -> OptionValue {
        match text {
            "true" => OptionValue::Bool(true),
            "false" => OptionValue::Bool(false),
            t => t
                .parse::<i64>()
                .map(OptionValue::Int)
                .or_else(|_| t.parse::<f64>().map(OptionValue::Double))
                .unwrap_or_else(|_| OptionValue::Str(t.to_string())),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompileOptions {
    pub num_replicas: i64,
    pub num_partitions: i64,
    pub use_spmd_partitioning: bool,
    pub use_shardy_partitioner: bool,
    /// `assignment[replica][partition]` = device id. When `None` and the program spans more
    /// than one device, devices `0..num_replicas*num_partitions` are used, replica-major.
    pub device_assignment: Option<Vec<Vec<i64>>>,
    /// XLA debug options by name, e.g. `("xla_cpu_use_onednn", Bool(true))`. Unknown names are a
    /// clean compile error (unlike a bad `XLA_FLAGS`, which aborts the process).
    pub env_option_overrides: Vec<(String, OptionValue)>,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            num_replicas: 1,
            num_partitions: 1,
            use_spmd_partitioning: false,
            use_shardy_partitioner: false,
            device_assignment: None,
            env_option_overrides: Vec::new(),
        }
    }
}

impl CompileOptions {
    /// `num_replicas` replicas of a program, one device each (for collectives across replicas).
    pub fn replicated(num_replicas: i64) -> Self {
        CompileOptions { num_replicas, ..Default::default() }
    }

    /// The device assignment that will be sent: the explicit one, or the default for more than
    /// one device, or `None` for a single-device program (the plugin then picks the device).
    pub fn effective_device_assignment(&self) -> Result<Option<Vec<Vec<i64>>>> {
        let (r, p) = (self.num_replicas, self.num_partitions);
        if r < 1 || p < 1 {
            return Err(RuntimeError::invalid(format!("num_replicas ({r}) and num_partitions ({p}) must be at least 1")));
        }
        match &self.device_assignment {
            Some(a) => {
                if a.len() as i64 != r || a.iter().any(|row| row.len() as i64 != p) {
                    return Err(RuntimeError::invalid(format!("device_assignment must be {r} replicas x {p} partitions, got {a:?}")));
                }
                Ok(Some(a.clone()))
            }
            None if r * p > 1 => Ok(Some((0..r).map(|i| (0..p).map(|j| i * p + j).collect()).collect())),
            None => Ok(None),
        }
    }

    /// Serialized `xla.CompileOptionsProto`.
    pub fn to_proto_bytes(&self) -> Result<Vec<u8>> {
        let assignment = self.effective_device_assignment()?;

        let mut build = Proto::default();
        build.int64(1, -1); // device_ordinal: -1 = let the runtime choose
        build.int64(4, self.num_replicas);
        build.int64(5, self.num_partitions);
        if self.use_spmd_partitioning {
            build.bool(6, true);
        }
        if let Some(a) = &assignment {
            let mut da = Proto::default();
            da.int64(1, self.num_replicas);
            da.int64(2, self.num_partitions);
            // Stored per computation (partition), each listing the device of every replica.
            for part in 0..self.num_partitions as usize {
                let mut cd = Proto::default();
                let ids: Vec<i64> = a.iter().map(|row| row[part]).collect();
                cd.packed_int64(1, &ids);
                da.message(3, &cd);
            }
            build.message(9, &da);
        }
        if self.use_shardy_partitioner {
            build.bool(19, true);
        }

        let mut opts = Proto::default();
        opts.message(3, &build);
        for (name, value) in &self.env_option_overrides {
            let mut v = Proto::default();
            // A oneof: the field is written even for false / 0 so the case is set.
            match value {
                OptionValue::Str(s) => v.bytes(1, s.as_bytes()),
                OptionValue::Bool(b) => v.bool(2, *b),
                OptionValue::Int(i) => v.int64(3, *i),
                OptionValue::Double(d) => v.double(4, *d),
            }
            let mut entry = Proto::default();
            entry.bytes(1, name.as_bytes());
            entry.message(2, &v);
            opts.message(7, &entry);
        }
        Ok(opts.buf)
    }
}

/// A minimal protobuf writer: varints, length-delimited fields and fixed64, nothing else.
#[derive(Default)]
struct Proto {
    buf: Vec<u8>,
}

const VARINT: u64 = 0;
const FIXED64: u64 = 1;
const LEN: u64 = 2;

impl Proto {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    fn tag(&mut self, field: u32, wire: u64) {
        self.varint(((field as u64) << 3) | wire);
    }

    /// int64/int32 fields: negative values are sign-extended to 10 bytes, as protobuf does.
    fn int64(&mut self, field: u32, v: i64) {
        self.tag(field, VARINT);
        self.varint(v as u64);
    }

    fn bool(&mut self, field: u32, v: bool) {
        self.tag(field, VARINT);
        self.varint(v as u64);
    }

    fn double(&mut self, field: u32, v: f64) {
        self.tag(field, FIXED64);
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn bytes(&mut self, field: u32, v: &[u8]) {
        self.tag(field, LEN);
        self.varint(v.len() as u64);
        self.buf.extend_from_slice(v);
    }

    fn message(&mut self, field: u32, m: &Proto) {
        self.bytes(field, &m.buf);
    }

    fn packed_int64(&mut self, field: u32, vs: &[i64]) {
        let mut inner = Proto::default();
        for &v in vs {
            inner.varint(v as u64);
        }
        self.bytes(field, &inner.buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        let enc = |v: u64| {
            let mut p = Proto::default();
            p.varint(v);
            p.buf
        };
        assert_eq!(enc(0), [0x00]);
        assert_eq!(enc(1), [0x01]);
        assert_eq!(enc(127), [0x7f]);
        assert_eq!(enc(128), [0x80, 0x01]);
        assert_eq!(enc(300), [0xac, 0x02]);
        assert_eq!(enc(u64::MAX), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        let mut p = Proto::default();
        p.int64(1, -1); // tag 0x08, then ten bytes
        assert_eq!(p.buf.len(), 11);
        assert_eq!(p.buf[0], 0x08);
    }

    #[test]
    fn fields() {
        let mut p = Proto::default();
        p.bytes(2, b"hi");
        assert_eq!(p.buf, [0x12, 0x02, b'h', b'i']);
        let mut p = Proto::default();
        p.bool(19, true); // field 19, varint: (19 << 3) = 152 -> 0x98 0x01
        assert_eq!(p.buf, [0x98, 0x01, 0x01]);
        let mut p = Proto::default();
        p.double(4, 1.0);
        assert_eq!(p.buf, [0x21, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
        let mut p = Proto::default();
        p.packed_int64(1, &[0, 1, 300]);
        assert_eq!(p.buf, [0x0a, 0x04, 0x00, 0x01, 0xac, 0x02]);
    }

    #[test]
    fn default_options_bytes() {
        let b = CompileOptions::default().to_proto_bytes().unwrap();
        // field 3 (len 15): device_ordinal -1 (11 bytes), num_replicas 1, num_partitions 1.
        let mut want = vec![0x1a, 15, 0x08];
        want.extend_from_slice(&[0xff; 9]);
        want.push(0x01);
        want.extend_from_slice(&[0x20, 0x01, 0x28, 0x01]);
        assert_eq!(b, want);
    }

    #[test]
    fn replicas_get_default_assignment() {
        let o = CompileOptions::replicated(2);
        assert_eq!(o.effective_device_assignment().unwrap(), Some(vec![vec![0], vec![1]]));
        let b = o.to_proto_bytes().unwrap();
        // DeviceAssignmentProto{replica_count 2, computation_count 1,
        //   computation_devices [{replica_device_ids [0, 1]}]} under field 9.
        let da = [0x4a, 0x0a, 0x08, 0x02, 0x10, 0x01, 0x1a, 0x04, 0x0a, 0x02, 0x00, 0x01];
        assert!(b.windows(da.len()).any(|w| w == da), "{b:x?}");

        let o = CompileOptions { num_replicas: 1, num_partitions: 2, ..Default::default() };
        assert_eq!(o.effective_device_assignment().unwrap(), Some(vec![vec![0, 1]]));
        assert!(CompileOptions { device_assignment: Some(vec![vec![0, 1]]), ..o.clone() }.to_proto_bytes().is_ok());
        assert!(CompileOptions { device_assignment: Some(vec![vec![0]]), ..o }.to_proto_bytes().is_err());
        assert!(CompileOptions { num_replicas: 0, ..Default::default() }.to_proto_bytes().is_err());
    }

    #[test]
    fn env_overrides_are_map_entries() {
        let o = CompileOptions { env_option_overrides: vec![("xla_a".into(), OptionValue::Bool(false))], ..Default::default() };
        let b = o.to_proto_bytes().unwrap();
        // field 7 entry: key "xla_a", value message {bool_field(2): false}.
        let entry = [0x3a, 0x0b, 0x0a, 0x05, b'x', b'l', b'a', b'_', b'a', 0x12, 0x02, 0x10, 0x00];
        assert!(b.ends_with(&entry), "{b:x?}");
    }
}
