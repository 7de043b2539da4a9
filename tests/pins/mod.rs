//! The plugins scripts/setup pins, by the sha256 of each unpacked file (the last column of its
//! `WHEELS` table): a test that loads a plugin checks that it is the pinned one.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

/// `(file inside plugins/, sha256 of it)` for every pinned plugin.
pub fn pinned() -> Vec<(String, String)> {
    let setup = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/setup");
    let text = std::fs::read_to_string(&setup).unwrap_or_else(|e| panic!("{}: {}", setup.display(), e));
    let start = text.find("\nWHEELS=(").expect("scripts/setup has a WHEELS table");
    let table = &text[start..start + text[start..].find("\n)").expect("the WHEELS table ends")];
    let rows: Vec<(String, String)> = table
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"').map(str::to_string))
        .map(|row| {
            let f: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(f.len(), 4, "scripts/setup: `{}` is not `name==version wheel-sha256 file file-sha256`", row);
            (f[2].to_string(), f[3].to_string())
        })
        .collect();
    assert!(!rows.is_empty(), "scripts/setup pins no plugin");
    rows
}

/// The path of a pinned plugin under plugins/, asserted present: a missing one is a broken
/// set-up, never a quiet pass.
pub fn plugin_path(inner: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("plugins").join(inner);
    assert!(p.is_file(), "{} is missing: run scripts/setup", p.display());
    p
}

pub fn sha256_file(path: &Path) -> String {
    let mut f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        ctx.update(&buf[..n]);
    }
    ctx.finish().as_ref().iter().map(|b| format!("{:02x}", b)).collect()
}

/// Asserts that `path` holds exactly the pinned `inner` (the file, not only its name).
pub fn assert_pinned(path: &Path, inner: &str) {
    let rows = pinned();
    let want = &rows.iter().find(|(f, _)| f == inner).unwrap_or_else(|| panic!("scripts/setup does not pin {}", inner)).1;
    let got = sha256_file(path);
    assert_eq!(&got, want, "{} is not the plugin scripts/setup pins as {} (sha256 differs): run scripts/setup", path.display(), inner);
}

/// The pinned file whose contents `path` has, if any.
pub fn which_pinned(path: &Path) -> Option<String> {
    let got = sha256_file(path);
    pinned().into_iter().find(|(_, sha)| *sha == got).map(|(f, _)| f)
}
