//! Which plugin a run loads, how many devices it asks for, and this process's place in a job:
//! the options behind every command's runtime flags, and the client they make.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::hosts::{distributed, Process};
use crate::runtime::{Client, ClientOptions, CompileOptions, OptionValue, Plugin, MAX_CPU_DEVICES};

/// Turns the plugin's INFO logging off (the CPU plugin logs every compile) unless
/// $TF_CPP_MIN_LOG_LEVEL already says otherwise; before any plugin loads.
pub fn quiet_plugin_logs() {
    if std::env::var_os("TF_CPP_MIN_LOG_LEVEL").is_none() {
        std::env::set_var("TF_CPP_MIN_LOG_LEVEL", "2");
    }
}

/// The runtime a run executes on. Every field unset is the default: the plugin found by
/// discovery, its default device count, one process.
#[derive(Clone, Debug, Default)]
pub struct RuntimeOptions {
    /// PJRT plugin shared object (else $BAMBOO_PJRT_PLUGIN, then plugins/, then pip packages).
    pub plugin: Option<PathBuf>,
    /// Devices to use: on the CPU, how many to create; on a GPU or TPU, the first N it sees.
    pub devices: Option<i64>,
    /// XLA options for every compile, `NAME=VALUE`.
    pub xla: Vec<String>,
    /// This process's index in a job of several processes (else from the TPU VM's environment).
    pub process_index: Option<usize>,
    /// Processes in the job (else from the TPU VM's environment).
    pub process_count: Option<usize>,
    /// The key-value store through which the CUDA plugin's processes find each other.
    pub coordination: Option<PathBuf>,
}

impl RuntimeOptions {
    /// The devices a run trains on (at least one).
    pub fn device_count(&self) -> usize {
        self.devices.unwrap_or(1).max(1) as usize
    }

    /// Compile options carrying the `xla` overrides.
    pub fn compile_options(&self) -> Result<CompileOptions> {
        let mut o = CompileOptions::default();
        for kv in &self.xla {
            let (k, v) = kv.split_once('=').with_context(|| format!("--xla expects NAME=VALUE, got `{}`", kv))?;
            o.env_option_overrides.push((k.to_string(), OptionValue::parse(v)));
        }
        Ok(o)
    }

    /// This process's place in the job (the options, else the TPU VM's environment).
    pub fn process(&self) -> Result<Process> {
        Process::resolve(self.process_index, self.process_count)
    }

    /// As `process`, for code that runs after `client` has checked it.
    pub fn process_shard(&self) -> crate::data::ProcessShard {
        self.process().map(|p| p.shard()).unwrap_or_default()
    }

    /// The client, after checking that this process may train on it (one process, all its
    /// devices local).
    pub fn client(&self) -> Result<Client> {
        let client = self.client_unchecked()?;
        self.process()?.check_runtime(&client)?;
        Ok(client)
    }

    /// The checked client and the compile options: what a command needs to run programs.
    pub fn connect(&self) -> Result<(Client, CompileOptions)> {
        let client = self.client()?;
        Ok((client, self.compile_options()?))
    }

    /// `devices` within 1..=MAX_CPU_DEVICES, checked before the plugin loads (loading it and
    /// making a probe client takes seconds). No host has more local accelerators than the CPU
    /// plugin's maximum, so the bound holds on every platform.
    pub fn check_devices(&self) -> Result<()> {
        if let Some(n) = self.devices {
            anyhow::ensure!(n >= 1, "--devices must be at least 1, got {}", n);
            anyhow::ensure!(
                n <= MAX_CPU_DEVICES,
                "--devices {}: at most {} devices (the CPU plugin creates at most {})",
                n,
                MAX_CPU_DEVICES,
                MAX_CPU_DEVICES
            );
        }
        Ok(())
    }

    /// The client as the plugin gives it, without the training checks (for `bamboo info`).
    pub fn client_unchecked(&self) -> Result<Client> {
        self.check_devices()?;
        let process = self.process()?;
        let plugin = Plugin::discover(self.plugin.as_deref())?;
        let distributed = match &self.coordination {
            Some(dir) => Some(distributed(&process, dir)?),
            None => None,
        };
        let client = Client::with_distributed(&plugin, &ClientOptions { devices: self.devices }, distributed.as_ref()).map_err(|e| {
            let no_gpu = plugin.cuda_setup().is_some() && e.to_string().contains("No visible GPU");
            let e = anyhow::Error::new(e);
            if no_gpu {
                e.context(format!("no CUDA device was found by {} (on a GPU machine, nvidia-smi lists one)", plugin.path().display()))
            } else {
                e
            }
        })?;
        Ok(client)
    }
}
