//! Object storage for real: a local GCS emulator (fake-gcs-server) with bamboo pointed at it.
//! Objects round-trip, the embedded ImageNet-schema sample and the BERT records read back through
//! the loaders record for record, and bad paths and missing credentials are errors naming what
//! was asked for.

mod emulator;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use bamboo::data::augment::Transform;
use bamboo::data::{list_files, EpochStream, ErrorKind, ImageLoader, ImageLoaderConfig, Position, StreamConfig};
use bamboo::storage;
use emulator::{alive, tmp, Emulator};

fn emu() -> &'static Emulator {
    static E: OnceLock<Emulator> = OnceLock::new();
    E.get_or_init(|| {
        let e = Emulator::start(&tmp("emu"));
        std::env::set_var("STORAGE_EMULATOR_HOST", e.host());
        e
    })
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Uploads every file of `dir` under `gs://bamboo-test/<prefix>/`.
fn upload(dir: &Path, prefix: &str) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        storage::write(Path::new(&emu().url(&format!("{prefix}/{name}"))), &std::fs::read(&p).unwrap()).unwrap();
    }
}

fn records(files: Vec<PathBuf>) -> Vec<Vec<u8>> {
    let mut cfg = StreamConfig::new(files);
    cfg.cycle_length = 4;
    EpochStream::new(&cfg, 0).unwrap().map(|r| r.unwrap().data).collect()
}

#[test]
fn objects_round_trip() {
    let base = emu().url("rt");
    let big: Vec<u8> = (0..3_000_007u64).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let a = PathBuf::from(format!("{base}/a.bin"));
    storage::write(&a, &big).unwrap();
    storage::write(Path::new(&format!("{base}/sub/b.txt")), b"hello").unwrap();
    assert_eq!(storage::read(&a).unwrap(), big, "a 3 MB object streams back whole");
    assert_eq!(storage::size(&a).unwrap(), Some(big.len() as u64));
    let (files, dirs) = storage::list(Path::new(&base)).unwrap();
    assert_eq!(files, vec![(a.clone(), big.len() as u64)]);
    assert_eq!(dirs, vec![PathBuf::from(format!("{base}/sub"))]);
    assert_eq!(storage::glob(&format!("{base}/*/b.?xt")).unwrap(), vec![PathBuf::from(format!("{base}/sub/b.txt"))]);
    assert!(storage::is_dir(Path::new(&base)).unwrap());
    storage::delete_all(Path::new(&base)).unwrap();
    assert_eq!(storage::size(&a).unwrap(), None);
    assert!(!storage::is_dir(Path::new(&base)).unwrap());
}

#[test]
fn imagenet_sample_round_trips_through_the_loader() {
    let local = root().join("datasets/fashion-mnist-tfrecord");
    upload(&local, "fm");
    let remote = list_files(&emu().url("fm/train-*")).unwrap();
    assert_eq!(remote.len(), 4, "{remote:?}");
    let here = list_files(&format!("{}/train-*", local.display())).unwrap();
    let (a, b) = (records(here.clone()), records(remote.clone()));
    assert_eq!(a.len(), 2000);
    assert!(a == b, "the same records in the same order");

    // The threaded image loader (shuffled files and records, crops from the position) gives the
    // same batches from the bucket as from the disk.
    let batches = |files: Vec<PathBuf>| {
        let mut s = StreamConfig::new(files);
        s.shuffle_buffer = 256;
        s.shuffle_files = true;
        s.seed = 3;
        let mut l = ImageLoader::new(ImageLoaderConfig::new(s, 32, 28, Transform::mae()), Position { epoch: 0, step: 5 }).unwrap();
        (0..4).map(|_| l.next_batch().unwrap().unwrap()).map(|b| (b.images, b.labels)).collect::<Vec<_>>()
    };
    assert!(batches(here) == batches(remote));
}

#[test]
fn bert_records_round_trip() {
    let local = root().join("datasets/wiki-sample/pretraining");
    upload(&local, "wiki");
    let here = list_files(&local.display().to_string()).unwrap();
    // A folder is all the objects directly under it, as on disk.
    let remote = list_files(&emu().url("wiki")).unwrap();
    assert_eq!(remote.len(), 2);
    let a = records(here);
    assert!(!a.is_empty());
    assert!(a == records(remote));
}

#[test]
fn bad_paths_are_errors_naming_them() {
    let e = list_files("gcs://bucket/train-*").unwrap_err().to_string();
    assert!(e.contains("gcs://bucket/train-*") && e.contains("unknown scheme"), "{e}");
    let missing = emu().url("nothing/here.tfrecord");
    let e = storage::read(Path::new(&missing)).unwrap_err();
    assert_eq!(e.kind, storage::StorageErrorKind::NotFound);
    assert!(e.to_string().starts_with(&missing), "{e}");
    let nb = PathBuf::from("gs://no-such-bucket-here/x");
    let e = storage::read(&nb).unwrap_err();
    assert!(e.to_string().contains("gs://no-such-bucket-here/x"), "{e}");
    let e = list_files(&emu().url("fm/nothing-*")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::EmptyShardList);
    assert!(e.to_string().contains("gs://bamboo-test/fm/nothing-*"), "{e}");
    // Reading a missing shard through the record stream names it too.
    let mut s = EpochStream::new(&StreamConfig::new(vec![PathBuf::from(&missing)]), 0).unwrap();
    let e = s.next_record().unwrap_err().to_string();
    assert!(e.contains(&missing), "{e}");
}

/// Without an emulator, keys or a metadata server, a gs:// or s3:// path fails at once, listing
/// where credentials were looked for (a subprocess, to have a clean environment).
#[test]
fn missing_credentials_name_what_was_looked_for() {
    let home = tmp("nocreds");
    for (url, needles) in [
        (
            "gs://some-bucket/data/train-*",
            ["no Google Cloud credentials", "GOOGLE_APPLICATION_CREDENTIALS", "application_default_credentials.json"],
        ),
        ("s3://some-bucket/data/train-*", ["no AWS credentials", "AWS_ACCESS_KEY_ID", ".aws/credentials"]),
    ] {
        let mut c = Command::new(env!("CARGO_BIN_EXE_bamboo"));
        c.args(["data", "inspect", url]).env("HOME", &home).env("BAMBOO_GCE_METADATA", "0").env("BAMBOO_EC2_METADATA", "0");
        for (k, _) in std::env::vars() {
            if k.starts_with("GOOGLE_") || k.starts_with("AWS_") || k == "STORAGE_EMULATOR_HOST" || k == "CLOUDSDK_CONFIG" {
                c.env_remove(k);
            }
        }
        let o = c.output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success());
        for n in needles {
            assert!(err.contains(n), "`{n}` not in:\n{err}");
        }
        assert!(err.contains("some-bucket"), "{err}");
    }
}

/// The emulator dies with the test process that started it, even one killed outright, where no
/// exit handler or destructor runs: a copy of this test binary starts a server, reports its
/// process id and is killed; the server must be gone within seconds.
#[test]
fn the_emulator_dies_with_its_test_process() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    const HELPER: &str = "BAMBOO_EMULATOR_HELPER";
    if std::env::var_os(HELPER).is_some() {
        let e = Emulator::start(&tmp("helper"));
        println!("emulator pid {}", e.pid().unwrap());
        std::io::stdout().flush().unwrap();
        loop {
            std::thread::park(); // until killed
        }
    }
    let mut helper = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "the_emulator_dies_with_its_test_process", "--nocapture", "--test-threads", "1"])
        .env(HELPER, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The harness writes `test <name> ... ` before the test's own output, on the same line.
    let lines = BufReader::new(helper.stdout.take().unwrap()).lines();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let pid = lines.map_while(Result::ok).find_map(|l| l.split_once("emulator pid ").map(|(_, p)| p.trim().parse::<u32>().unwrap()));
        let _ = tx.send(pid);
    });
    let reported = rx.recv_timeout(Duration::from_secs(30));
    if !matches!(reported, Ok(Some(_))) {
        let _ = helper.kill();
    }
    let pid = reported.ok().flatten().expect("the helper reports its emulator's pid within 30 s");
    assert!(alive(pid), "the helper's emulator {} runs", pid);
    helper.kill().unwrap(); // SIGKILL: nothing in the helper gets to clean up
    helper.wait().unwrap();
    let t = Instant::now();
    while alive(pid) {
        assert!(t.elapsed() < Duration::from_secs(5), "fake-gcs-server {} outlived its test process by 5 s", pid);
        std::thread::sleep(Duration::from_millis(20));
    }
}
