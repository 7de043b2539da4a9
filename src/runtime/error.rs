//! The runtime's one error type. PJRT failures keep the plugin's own message (it is usually the
//! only useful diagnosis, e.g. an MLIR parse error with line and column) and add what the plugin
//! cannot know: which C API call, which program, which argument.

use std::fmt;
use std::path::PathBuf;

pub type Result<T, E = RuntimeError> = std::result::Result<T, E>;

/// Where a failure happened, as far as bamboo knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The C API function, e.g. `PJRT_Client_Compile`.
    pub call: &'static str,
    /// The program (executable) name given to `Client::compile`.
    pub program: Option<String>,
    /// Index of the device (replica/partition) list in an execute call.
    pub device: Option<usize>,
    /// Index of the argument within its list.
    pub arg: Option<usize>,
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.call)?;
        if let Some(p) = &self.program {
            write!(f, " for program `{p}`")?;
        }
        if let Some(d) = self.device {
            write!(f, ", device list {d}")?;
        }
        if let Some(a) = self.arg {
            write!(f, ", argument {a}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// A C API call returned a `PJRT_Error`.
    #[error("{context} failed ({}): {message}", code_name(*.code))]
    Pjrt { context: Context, code: i32, message: String },

    /// The shared object could not be opened or is not a PJRT plugin.
    #[error("cannot load PJRT plugin {}: {reason}", .path.display())]
    Load { path: PathBuf, reason: String },

    /// The plugin speaks a C API major version this code was not written for.
    #[error(
        "PJRT plugin {} implements C API {major}.{minor}; bamboo supports major version 0 only",
        .path.display()
    )]
    UnsupportedVersion { path: PathBuf, major: i32, minor: i32 },

    /// The plugin's function table is too short (or has a null entry) for a call we need.
    #[error(
        "PJRT plugin (C API {major}.{minor}) does not provide {function}: the plugin is too old \
         for this call"
    )]
    MissingFunction { function: &'static str, major: i32, minor: i32 },

    /// Discovery found nothing.
    #[error(
        "no PJRT plugin found. Looked at:\n{}\nInstall one with `scripts/setup` (or point \
         BAMBOO_PJRT_PLUGIN at a plugin .so)",
        .looked_at.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
    )]
    PluginNotFound { looked_at: Vec<String> },

    /// Misuse caught on our side before calling the plugin (wrong type, shape, count, ...).
    #[error("{0}")]
    Invalid(String),
}

impl RuntimeError {
    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        RuntimeError::Invalid(msg.into())
    }

    /// Adds the program name to a PJRT error (other kinds are returned unchanged).
    pub(crate) fn with_program(mut self, name: &str) -> Self {
        if let RuntimeError::Pjrt { context, .. } = &mut self {
            context.program = Some(name.to_string());
        }
        self
    }

    /// The plugin's message, if this came from the plugin.
    pub fn plugin_message(&self) -> Option<&str> {
        match self {
            RuntimeError::Pjrt { message, .. } => Some(message),
            _ => None,
        }
    }
}

/// Names of `PJRT_Error_Code` (absl status codes).
fn code_name(code: i32) -> String {
    const NAMES: [&str; 17] = [
        "OK",
        "CANCELLED",
        "UNKNOWN",
        "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "UNAVAILABLE",
        "DATA_LOSS",
        "UNAUTHENTICATED",
    ];
    usize::try_from(code).ok().and_then(|i| NAMES.get(i)).map(|s| s.to_string()).unwrap_or_else(|| format!("code {code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_carries_context_and_message() {
        let e = RuntimeError::Pjrt {
            context: Context { call: "PJRT_LoadedExecutable_Execute", program: Some("add".into()), device: Some(1), arg: Some(0) },
            code: 3,
            message: "bad shape".into(),
        };
        assert_eq!(
            e.to_string(),
            "PJRT_LoadedExecutable_Execute for program `add`, device list 1, argument 0 failed \
             (INVALID_ARGUMENT): bad shape"
        );
    }

    #[test]
    fn not_found_lists_places_and_setup() {
        let e = RuntimeError::PluginNotFound { looked_at: vec!["/a".into(), "/b".into()] };
        let s = e.to_string();
        assert!(s.contains("  /a\n  /b"));
        assert!(s.contains("scripts/setup"));
    }
}
