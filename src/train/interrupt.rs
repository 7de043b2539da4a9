//! Ctrl-C during training: the first SIGINT asks the loop to stop at the next step boundary with
//! a committed checkpoint (`run` then returns `Interrupted`, which the binary turns into exit
//! status 130); a second SIGINT ends the process at once. Installed by `run` for the length of
//! the loop only: before and after it, Ctrl-C keeps its default action.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

const SIGINT: i32 = 2;
const SIG_DFL: usize = 0;

extern "C" {
    fn signal(signum: i32, handler: usize) -> usize;
    fn write(fd: i32, buf: *const u8, count: usize) -> isize;
    fn _exit(status: i32) -> !;
}

extern "C" fn on_sigint(_: i32) {
    // Only async-signal-safe calls here: an atomic, write(2), _exit(2).
    if REQUESTED.swap(true, Ordering::SeqCst) {
        // SAFETY: _exit has no preconditions and is async-signal-safe.
        unsafe { _exit(130) }
    }
    let msg = b"\ninterrupted: saving a checkpoint at the end of this step (Ctrl-C again to quit at once, without one)\n";
    // SAFETY: a valid buffer of `msg.len()` bytes; fd 2 is stderr.
    unsafe {
        write(2, msg.as_ptr(), msg.len());
    }
}

/// The handler, installed while it lives; dropping it restores Ctrl-C's default action.
pub struct Guard(());

/// Installs the handler (and clears an earlier request).
pub fn install() -> Guard {
    REQUESTED.store(false, Ordering::SeqCst);
    // SAFETY: `on_sigint` is an `extern "C" fn(i32)` doing only async-signal-safe work.
    unsafe {
        signal(SIGINT, on_sigint as extern "C" fn(i32) as usize);
    }
    Guard(())
}

impl Drop for Guard {
    fn drop(&mut self) {
        // SAFETY: resetting a signal to its default action has no preconditions.
        unsafe {
            signal(SIGINT, SIG_DFL);
        }
    }
}

/// Whether Ctrl-C was pressed since `install`.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The error a run stopped by Ctrl-C returns: where it saved its checkpoint.
#[derive(Debug)]
pub struct Interrupted {
    pub step: u64,
    pub checkpoint: Option<PathBuf>,
}

/// The exit status of a run stopped by Ctrl-C (128 + SIGINT, as a shell reports it).
pub const EXIT_STATUS: i32 = 130;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.checkpoint {
            Some(p) => write!(f, "interrupted at step {}: saved checkpoint {}; continue with --resume", self.step, p.display()),
            None => write!(f, "interrupted at step {} (this process writes no checkpoints)", self.step),
        }
    }
}

impl std::error::Error for Interrupted {}
