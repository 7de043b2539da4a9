//! Link settings for the `bamboo` binary.

fn main() {
    // The PJRT plugin is a shared object opened at run time; its `malloc` and friends bind to
    // the first definition in the process's global scope. The binary defines them (jemalloc,
    // unprefixed), but only symbols in its dynamic symbol table are visible to the plugin, so
    // export exactly these.
    let linux_gnu =
        std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if linux_gnu {
        for sym in ["malloc", "free", "calloc", "realloc", "posix_memalign", "aligned_alloc", "memalign", "valloc", "malloc_usable_size"] {
            println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic-symbol={}", sym);
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
