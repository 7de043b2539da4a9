//! Object stores for `gs://` and `s3://` buckets, built once per bucket, and the one tokio runtime
//! that drives them behind bamboo's blocking API. Code may supply the HTTP connector per scheme
//! (`set_http_connector`), for what no client option can change.
//!
//! Credentials are found the way each cloud's own tools find them, but bamboo checks that one
//! source exists before building a store: a machine off the cloud then gets an error listing what
//! was looked for, instead of requests to a metadata server that is not there.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use object_store::aws::AmazonS3Builder;
use object_store::client::{HttpClient, HttpConnector};
use object_store::gcp::{GcpCredential, GcpSigningCredential, GoogleCloudStorageBuilder};
use object_store::{BackoffConfig, ClientOptions, ObjectStore, RetryConfig, StaticCredentialProvider};

use super::error::{Result, StorageError, StorageErrorKind};
use super::location::Scheme;
use super::options::{options, Options};

/// Runs object-store futures. Two workers: the work is network waits, not computation.
pub(crate) fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("bamboo-storage")
            .enable_all()
            .build()
            .expect("starting the storage runtime")
    })
}

pub(crate) fn block_on<F: std::future::Future>(f: F) -> F::Output {
    runtime().block_on(f)
}

type Stores = Mutex<HashMap<(Scheme, String), Arc<dyn ObjectStore>>>;

fn stores() -> &'static Stores {
    static S: OnceLock<Stores> = OnceLock::new();
    S.get_or_init(Default::default)
}

pub(crate) fn forget_stores() {
    stores().lock().unwrap().clear();
}

type Connectors = Mutex<HashMap<Scheme, Arc<dyn HttpConnector>>>;

fn connectors() -> &'static Connectors {
    static C: OnceLock<Connectors> = OnceLock::new();
    C.get_or_init(Default::default)
}

/// The HTTP connector for the stores of `scheme` built from now on (cached stores are dropped);
/// `None` goes back to object_store's own (reqwest). For what no client option reaches: requests
/// that a server (an emulator, say) wants in another form, or another transport.
pub fn set_http_connector(scheme: Scheme, connector: Option<Arc<dyn HttpConnector>>) {
    match connector {
        Some(c) => connectors().lock().unwrap().insert(scheme, c),
        None => connectors().lock().unwrap().remove(&scheme),
    };
    forget_stores();
}

/// A connector set by `set_http_connector`, in the form the store builders take.
#[derive(Debug)]
struct Supplied(Arc<dyn HttpConnector>);

impl HttpConnector for Supplied {
    fn connect(&self, options: &ClientOptions) -> object_store::Result<HttpClient> {
        self.0.connect(options)
    }
}

fn supplied_connector(scheme: Scheme) -> Option<Supplied> {
    connectors().lock().unwrap().get(&scheme).cloned().map(Supplied)
}

/// The store for one bucket.
pub(crate) fn store(scheme: Scheme, bucket: &str) -> Result<Arc<dyn ObjectStore>> {
    let key = (scheme, bucket.to_string());
    if let Some(s) = stores().lock().unwrap().get(&key) {
        return Ok(s.clone());
    }
    // reqwest is built without a default TLS provider (see Cargo.toml): install ring's once.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let o = options()?;
    let s: Arc<dyn ObjectStore> = match scheme {
        Scheme::Gcs => Arc::new(gcs(bucket, &o)?),
        Scheme::S3 => Arc::new(s3(bucket, &o)?),
    };
    stores().lock().unwrap().insert(key, s.clone());
    Ok(s)
}

fn retry(o: &Options) -> RetryConfig {
    RetryConfig {
        backoff: BackoffConfig { init_backoff: o.backoff, max_backoff: o.max_backoff, base: 2.0 },
        max_retries: o.retries,
        retry_timeout: o.timeout,
    }
}

fn client(o: &Options) -> ClientOptions {
    ClientOptions::new().with_timeout(o.timeout).with_connect_timeout(o.timeout.min(std::time::Duration::from_secs(10)))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &str) -> bool {
    env(name).is_some_and(|v| v != "0" && !v.eq_ignore_ascii_case("false"))
}

fn failed(url: String, e: object_store::Error) -> StorageError {
    StorageError::new(StorageErrorKind::Failed, url, super::error::flatten(&e))
}

/// What the machine's firmware says it is (GCE and TPU VMs say "Google", EC2 says "Amazon").
fn dmi(field: &str) -> String {
    std::fs::read_to_string(format!("/sys/class/dmi/id/{field}")).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// Whether to ask the cloud's metadata server: `var`=1 forces it (containers may hide the
/// firmware's name), `var`=0 forbids it, else only where the firmware names the cloud.
fn metadata_allowed(var: &str, fields: &[&str], vendor: &str) -> bool {
    match env(var) {
        Some(_) => flag(var),
        None => fields.iter().any(|f| dmi(f).contains(vendor)),
    }
}

fn home() -> Option<PathBuf> {
    env("HOME").map(PathBuf::from)
}

/// gcloud's application-default credentials file (`gcloud auth application-default login`).
fn gcloud_adc() -> Option<PathBuf> {
    let dir = env("CLOUDSDK_CONFIG").map(PathBuf::from).or_else(|| home().map(|h| h.join(".config/gcloud")))?;
    Some(dir.join("application_default_credentials.json"))
}

fn gcs(bucket: &str, o: &Options) -> Result<object_store::gcp::GoogleCloudStorage> {
    let url = format!("gs://{bucket}");
    let mut b = GoogleCloudStorageBuilder::new().with_bucket_name(bucket).with_retry(retry(o));
    let mut c = client(o);
    if let Some(host) = env("STORAGE_EMULATOR_HOST") {
        // The variable Google's client libraries read for an emulator: no credentials, plain HTTP.
        let base = if host.contains("://") { host } else { format!("http://{host}") };
        b = anonymous(b.with_base_url(base.trim_end_matches('/')));
        c = c.with_allow_http(true);
    } else if flag("BAMBOO_GCS_ANONYMOUS") {
        b = anonymous(b);
    } else if let Some(p) = env("GOOGLE_SERVICE_ACCOUNT").or_else(|| env("GOOGLE_SERVICE_ACCOUNT_PATH")) {
        b = b.with_service_account_path(existing("GOOGLE_SERVICE_ACCOUNT_PATH", &p, &url)?);
    } else if let Some(k) = env("GOOGLE_SERVICE_ACCOUNT_KEY") {
        b = b.with_service_account_key(k);
    } else if let Some(p) = env("GOOGLE_APPLICATION_CREDENTIALS") {
        b = b.with_application_credentials(existing("GOOGLE_APPLICATION_CREDENTIALS", &p, &url)?);
    } else if let Some(p) = gcloud_adc().filter(|p| p.is_file()) {
        b = b.with_application_credentials(p.display().to_string());
    } else if !metadata_allowed("BAMBOO_GCE_METADATA", &["product_name"], "Google") {
        let adc =
            gcloud_adc().map(|p| p.display().to_string()).unwrap_or_else(|| "~/.config/gcloud/application_default_credentials.json".into());
        let found = dmi("product_name");
        return Err(StorageError::new(
            StorageErrorKind::Credentials,
            url,
            format!(
                "no Google Cloud credentials: looked for $GOOGLE_APPLICATION_CREDENTIALS, $GOOGLE_SERVICE_ACCOUNT_PATH, \
                 $GOOGLE_SERVICE_ACCOUNT_KEY, {adc} (gcloud auth application-default login), and the metadata server of a \
                 GCE or Cloud TPU VM (not asked: /sys/class/dmi/id/product_name is `{found}`; BAMBOO_GCE_METADATA=1 \
                 forces it). For an emulator set STORAGE_EMULATOR_HOST; for public buckets \
                 BAMBOO_GCS_ANONYMOUS=1"
            ),
        ));
    }
    if let Some(connector) = supplied_connector(Scheme::Gcs) {
        b = b.with_http_connector(connector);
    }
    // Otherwise (on GCE / TPU VMs) the builder asks the metadata server for the VM's service account.
    b.with_client_options(c).build().map_err(|e| failed(url, e))
}

/// No credentials at all. `skip_signature` alone is not enough: object_store 0.14 still fetches a
/// token (from the metadata server) for uploads, so empty static credentials stand in.
fn anonymous(b: GoogleCloudStorageBuilder) -> GoogleCloudStorageBuilder {
    b.with_skip_signature(true)
        .with_credentials(Arc::new(StaticCredentialProvider::new(GcpCredential { bearer: String::new() })))
        .with_signing_credentials(Arc::new(StaticCredentialProvider::new(GcpSigningCredential { email: String::new(), private_key: None })))
}

fn existing(var: &str, p: &str, url: &str) -> Result<String> {
    if Path::new(p).is_file() {
        Ok(p.to_string())
    } else {
        Err(StorageError::new(StorageErrorKind::Credentials, url, format!("${var} is `{p}`, which is not a file")))
    }
}

fn s3(bucket: &str, o: &Options) -> Result<object_store::aws::AmazonS3> {
    let url = format!("s3://{bucket}");
    // AWS_ACCESS_KEY_ID / _SECRET_ACCESS_KEY / _SESSION_TOKEN, AWS_REGION, AWS_ENDPOINT(_URL),
    // AWS_WEB_IDENTITY_TOKEN_FILE, AWS_CONTAINER_CREDENTIALS_* ...
    let mut b = AmazonS3Builder::from_env().with_bucket_name(bucket).with_retry(retry(o));
    if let Some(e) = env("AWS_ENDPOINT_URL") {
        b = b.with_endpoint(e);
    }
    let mut c = client(o);
    if flag("AWS_ALLOW_HTTP") {
        c = c.with_allow_http(true);
    }
    let from_env = [
        "AWS_ACCESS_KEY_ID",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ]
    .iter()
    .any(|v| env(v).is_some());
    let profile = env("AWS_PROFILE").unwrap_or_else(|| "default".into());
    let file = env("AWS_SHARED_CREDENTIALS_FILE").map(PathBuf::from).or_else(|| home().map(|h| h.join(".aws/credentials")));
    if flag("BAMBOO_S3_ANONYMOUS") {
        b = b.with_skip_signature(true);
    } else if from_env {
    } else if let Some(keys) = file.as_deref().and_then(|f| profile_keys(f, &profile)) {
        b = b.with_access_key_id(keys.0).with_secret_access_key(keys.1);
        if let Some(t) = keys.2 {
            b = b.with_token(t);
        }
    } else if !metadata_allowed("BAMBOO_EC2_METADATA", &["sys_vendor", "board_vendor"], "Amazon") {
        let f = file.map(|p| p.display().to_string()).unwrap_or_else(|| "~/.aws/credentials".into());
        return Err(StorageError::new(
            StorageErrorKind::Credentials,
            url,
            format!(
                "no AWS credentials: looked for $AWS_ACCESS_KEY_ID, $AWS_WEB_IDENTITY_TOKEN_FILE, \
                 $AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI, profile `{profile}` in {f}, and the instance \
                 metadata of an EC2 machine (not asked: the firmware does not name Amazon; BAMBOO_EC2_METADATA=1 forces it). \
                 For public buckets set BAMBOO_S3_ANONYMOUS=1"
            ),
        ));
    }
    if let Some(connector) = supplied_connector(Scheme::S3) {
        b = b.with_http_connector(connector);
    }
    b.with_client_options(c).build().map_err(|e| failed(url, e))
}

/// `aws_access_key_id`, `aws_secret_access_key` and `aws_session_token` of `[profile]` in an AWS
/// shared credentials file (INI).
fn profile_keys(file: &Path, profile: &str) -> Option<(String, String, Option<String>)> {
    let text = std::fs::read_to_string(file).ok()?;
    let mut in_section = false;
    let (mut id, mut secret, mut token) = (None, None, None);
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_section = name.trim() == profile;
        } else if let (true, Some((k, v))) = (in_section, line.split_once('=')) {
            let v = Some(v.trim().to_string());
            match k.trim() {
                "aws_access_key_id" => id = v,
                "aws_secret_access_key" => secret = v,
                "aws_session_token" => token = v,
                _ => {}
            }
        }
    }
    Some((id?, secret?, token))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_a_profile() {
        let d = std::env::temp_dir().join(format!("bamboo-aws-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let f = d.join("credentials");
        std::fs::write(&f, "[default]\naws_access_key_id = A\naws_secret_access_key=B\n\n[other]\naws_access_key_id=C\naws_secret_access_key=D\naws_session_token=T\n").unwrap();
        assert_eq!(super::profile_keys(&f, "default"), Some(("A".into(), "B".into(), None)));
        assert_eq!(super::profile_keys(&f, "other"), Some(("C".into(), "D".into(), Some("T".into()))));
        assert_eq!(super::profile_keys(&f, "none"), None);
        let _ = std::fs::remove_dir_all(&d);
    }
}
