//! Configuration errors name the field so a bad preset or JSON file is fixed at once.

/// A configuration value that cannot build a model.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// `field` is a dotted path such as `encoder.width` or `image_size`.
    #[error("invalid config field `{field}`: {reason}")]
    Invalid { field: String, reason: String },
    #[error("unknown preset `{name}` (known: {known})")]
    UnknownPreset { name: String, known: String },
}

impl ConfigError {
    /// The same error with its field inside `prefix` (a model config inside a run's config).
    pub fn under(self, prefix: &str) -> ConfigError {
        match self {
            ConfigError::Invalid { field, reason } if !prefix.is_empty() => invalid(format!("{prefix}.{field}"), reason),
            e => e,
        }
    }
}

pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid { field: field.into(), reason: reason.into() }
}

/// Fails with the field's name when `ok` is false.
pub(crate) fn ensure(ok: bool, field: &str, reason: impl FnOnce() -> String) -> Result<(), ConfigError> {
    if ok {
        Ok(())
    } else {
        Err(invalid(field, reason()))
    }
}
