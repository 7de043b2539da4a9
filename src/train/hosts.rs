//! Several processes (hosts) in one job: which one this is, how many there are, and the
//! key-value store multi-GPU clients coordinate through.
//!
//! On a Cloud TPU VM slice with several hosts, the TPU runtime's environment names the worker:
//! `TPU_WORKER_ID` (this host's index; some images export `CLOUD_TPU_TASK_ID` instead) and
//! `TPU_WORKER_HOSTNAMES` (every worker's address, comma separated, in index order). Where a login
//! shell lacks them, the VM's metadata attribute `tpu-env` holds the same values (WORKER_ID,
//! ...); `scripts/tpu-vm` exports them. Flags win over the environment.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Result};

use crate::data::ProcessShard;
use crate::runtime::{Client, Distributed, KeyValueStore};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    pub index: usize,
    pub count: usize,
    /// Where the values came from, for messages.
    pub source: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

impl Process {
    /// From `--process-index/--process-count`, else the TPU VM's environment, else 0 of 1.
    pub fn resolve(index: Option<usize>, count: Option<usize>) -> Result<Process> {
        let mut source = vec![];
        let index = match index {
            Some(i) => {
                source.push("--process-index".to_string());
                i
            }
            None => match ["TPU_WORKER_ID", "CLOUD_TPU_TASK_ID"].iter().find_map(|v| env(v).map(|x| (v, x))) {
                Some((var, x)) => {
                    source.push(format!("${var}"));
                    x.parse().map_err(|_| anyhow::anyhow!("${var} is `{x}`, not a process index"))?
                }
                None => 0,
            },
        };
        let count = match count {
            Some(c) => {
                source.push("--process-count".to_string());
                c
            }
            None => match env("TPU_WORKER_HOSTNAMES") {
                Some(h) => {
                    source.push("$TPU_WORKER_HOSTNAMES".to_string());
                    h.split(',').filter(|s| !s.trim().is_empty()).count()
                }
                None => 1,
            },
        };
        let source = if source.is_empty() { "default".to_string() } else { source.join(", ") };
        ensure!(count >= 1, "process count must be at least 1 (from {source})");
        ensure!(index < count, "process index {index} is not below the process count {count} (from {source})");
        Ok(Process { index, count, source })
    }

    pub fn shard(&self) -> ProcessShard {
        ProcessShard { index: self.index, count: self.count }
    }

    /// Refuses a job of several processes, until training spans hosts. Two signs, either enough:
    /// the process count (flags or the TPU VM's environment) is above 1, or the plugin reports
    /// devices that belong to other processes (libtpu on a pod slice does, whatever the flags
    /// say). Run as it is, each process would compile its step for device ids it does not own,
    /// or train a model of its own.
    pub fn check_runtime(&self, client: &Client) -> Result<()> {
        let remote = client.devices().iter().filter(|d| d.addressable_index.is_none()).count();
        let local = client.addressable_devices().len();
        if self.count > 1 || remote > 0 {
            bail!(
                "this is process {} of {} ({}), and the {} runtime sees {} device{} of this process and {} of others: \
                 training across several hosts is not supported yet. What works: one host with all of its chips \
                 (`--devices {}` on this one, a single process); `bamboo info` shows what the plugin sees, and \
                 `bamboo data load --process I/N` reads a share of the data without training",
                self.index,
                self.count,
                self.source,
                client.platform_name(),
                local,
                if local == 1 { "" } else { "s" },
                remote,
                local
            );
        }
        Ok(())
    }
}

/// The key-value store of a multi-GPU client: one object per key under `dir/kv/` (a local folder
/// on a shared file system, or a bucket prefix). Use a fresh folder per launch.
pub struct StorageKv {
    dir: PathBuf,
}

impl StorageKv {
    fn path(&self, key: &str) -> PathBuf {
        // Keys hold `/` and `:`; hex keeps every key one plain object name.
        let hex: String = key.bytes().map(|b| format!("{b:02x}")).collect();
        self.dir.join("kv").join(hex)
    }
}

impl KeyValueStore for StorageKv {
    fn get(&self, key: &str, timeout: Duration) -> std::result::Result<Vec<u8>, String> {
        let t = Instant::now();
        loop {
            if let Some(v) = self.try_get(key)? {
                return Ok(v);
            }
            if t.elapsed() >= timeout {
                return Err(format!("no value after {:?} in {}", timeout, self.dir.display()));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn try_get(&self, key: &str) -> std::result::Result<Option<Vec<u8>>, String> {
        match crate::storage::read(&self.path(key)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.kind == crate::storage::StorageErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    fn put(&self, key: &str, value: &[u8]) -> std::result::Result<(), String> {
        crate::storage::create_dir_all(&self.dir.join("kv")).map_err(|e| e.to_string())?;
        crate::storage::write(&self.path(key), value).map_err(|e| e.to_string())
    }
}

/// Environment variables that name one launch of a job, in the order they are read.
pub const LAUNCH_ID_VARS: [&str; 3] = ["BAMBOO_LAUNCH_ID", "SLURM_JOB_ID", "TORCHELASTIC_RUN_ID"];

/// The distributed options of this process's client, coordinating through `dir/<launch>/`: every
/// launch gets keys of its own, so a stale launch's keys in the same folder are never read.
pub fn distributed(p: &Process, dir: &Path) -> Result<Distributed> {
    let Some(launch) = LAUNCH_ID_VARS.iter().find_map(|v| env(v)) else {
        bail!(
            "--coordination needs a name for this launch, the same in every process and new for each launch: set one of ${}",
            LAUNCH_ID_VARS.join(", $")
        );
    };
    ensure!(
        launch.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
        "the launch name `{}` may hold letters, digits, '-', '_' and '.' only",
        launch
    );
    Ok(Distributed { node_id: p.index, num_nodes: p.count, kv: Arc::new(StorageKv { dir: dir.join(launch) }) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_and_bad_values_are_named() {
        assert_eq!(Process::resolve(Some(1), Some(4)).unwrap().shard(), ProcessShard { index: 1, count: 4 });
        let e = Process::resolve(Some(4), Some(4)).unwrap_err().to_string();
        assert!(e.contains("--process-index, --process-count"), "{e}");
    }

    #[test]
    fn several_processes_are_refused_naming_what_works() {
        let plugin = crate::runtime::Plugin::discover(None).expect("a plugin (scripts/setup)");
        let client = Client::new(&plugin, &Default::default()).unwrap();
        Process::resolve(Some(0), Some(1)).unwrap().check_runtime(&client).unwrap();
        let e = Process::resolve(Some(1), Some(2)).unwrap().check_runtime(&client).unwrap_err().to_string();
        assert!(e.contains("process 1 of 2") && e.contains("one host with all of its chips") && e.contains("--devices"), "{e}");
    }

    #[test]
    fn each_launch_coordinates_under_its_own_name() {
        let d = std::env::temp_dir().join(format!("bamboo-launch-{}", std::process::id()));
        let p = Process::resolve(Some(0), Some(2)).unwrap();
        std::env::remove_var("BAMBOO_LAUNCH_ID");
        if LAUNCH_ID_VARS[1..].iter().all(|v| std::env::var_os(v).is_none()) {
            let e = distributed(&p, &d).err().expect("no launch name").to_string();
            assert!(e.contains("$BAMBOO_LAUNCH_ID"), "{e}");
        }
        std::env::set_var("BAMBOO_LAUNCH_ID", "run-1");
        distributed(&p, &d).unwrap().kv.put("key", b"old").unwrap();
        std::env::set_var("BAMBOO_LAUNCH_ID", "run-2");
        let second = distributed(&p, &d).unwrap();
        assert_eq!(second.kv.try_get("key").unwrap(), None, "a stale launch's key was read");
        std::env::set_var("BAMBOO_LAUNCH_ID", "../x");
        assert!(distributed(&p, &d).is_err());
        std::env::remove_var("BAMBOO_LAUNCH_ID");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn storage_kv_round_trips() {
        let d = std::env::temp_dir().join(format!("bamboo-kv-{}", std::process::id()));
        let kv = StorageKv { dir: d.clone() };
        assert_eq!(kv.try_get("a/b:0").unwrap(), None);
        kv.put("a/b:0", b"xyz").unwrap();
        assert_eq!(kv.get("a/b:0", Duration::from_millis(10)).unwrap(), b"xyz");
        assert!(kv.get("missing", Duration::from_millis(10)).unwrap_err().contains("no value"));
        let _ = std::fs::remove_dir_all(&d);
    }
}
