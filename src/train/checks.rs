//! Checks of a run's flags that need no model and no device, made before anything is compiled
//! or written: a typo should cost a second, not a compile, and leave no half-made run folder.

use std::path::Path;

use anyhow::{ensure, Context, Result};

/// `--steps`: a run of no step would write a checkpoint of untrained weights as if it had trained.
pub fn steps(steps: u64) -> Result<()> {
    ensure!(steps >= 1, "--steps must be at least 1, got {steps}");
    Ok(())
}

/// A learning rate given by `flag` (`--lr`, `--base-lr`): positive and finite.
pub fn learning_rate(flag: &str, lr: f64) -> Result<()> {
    ensure!(lr.is_finite() && lr > 0.0, "{flag} must be a positive number, got {lr}");
    Ok(())
}

/// The per-device micro-batch of a global `--batch` split over devices and accumulation steps.
pub fn micro_batch(batch: usize, devices: usize, accum: usize) -> Result<usize> {
    ensure!(batch >= 1, "--batch must be at least 1, got {batch}");
    ensure!(accum >= 1, "--accum must be at least 1, got {accum}");
    ensure!(batch.is_multiple_of(devices * accum), "--batch {batch} is not divisible by --devices {devices} x --accum {accum}");
    Ok(batch / (devices * accum))
}

/// The run folder `--out` can be made: locally, neither a file nor under one; on object
/// storage, credentials are found (no request is made).
pub fn out_dir(out: &Path) -> Result<()> {
    if crate::storage::is_remote(out) {
        return crate::storage::check_access(out).with_context(|| format!("--out {}: cannot write there", out.display()));
    }
    ensure!(!out.is_file(), "--out {} is a file; the run folder must be a folder (or not exist yet)", out.display());
    // The nearest existing ancestor must be a folder, or the run folder could never be created.
    if let Some(file) = out.ancestors().skip(1).find(|a| !a.as_os_str().is_empty() && a.exists()).filter(|a| !a.is_dir()) {
        anyhow::bail!("--out {} lies under {}, which is a file, not a folder", out.display(), file.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_name_the_flag_that_is_wrong() {
        assert_eq!(micro_batch(64, 2, 4).unwrap(), 8);
        assert!(micro_batch(0, 1, 1).unwrap_err().to_string().starts_with("--batch must be at least 1"));
        assert!(micro_batch(8, 1, 0).unwrap_err().to_string().starts_with("--accum"));
        assert!(micro_batch(63, 2, 1).unwrap_err().to_string().contains("--batch 63 is not divisible by --devices 2"));
    }

    #[test]
    fn out_dirs_that_cannot_be_folders_are_refused() {
        let d = std::env::temp_dir().join(format!("bamboo-checks-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let file = d.join("f");
        std::fs::write(&file, b"x").unwrap();
        assert!(out_dir(&d.join("new/run")).is_ok());
        assert!(out_dir(&d).is_ok());
        assert!(out_dir(&file).unwrap_err().to_string().contains("is a file"));
        assert!(out_dir(&file.join("a/b")).unwrap_err().to_string().contains("lies under"));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn rates_and_steps() {
        assert!(steps(0).is_err() && steps(1).is_ok());
        assert!(learning_rate("--lr", 0.0).is_err());
        assert!(learning_rate("--lr", f64::NAN).is_err());
        assert!(learning_rate("--base-lr", -1e-3).unwrap_err().to_string().starts_with("--base-lr"));
        assert!(learning_rate("--lr", 1e-3).is_ok());
    }
}
