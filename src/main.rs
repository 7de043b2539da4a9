//! The `bamboo` binary: everything lives in the library's `cli` module.

fn main() {
    if let Err(e) = bamboo::cli::run() {
        eprintln!("error: {:#}", e);
        std::process::exit(1);
    }
}
