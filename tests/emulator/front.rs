//! An HTTP front for the emulator, for tests that run the bamboo binary: a child process cannot be
//! handed a connector, so its STORAGE_EMULATOR_HOST names this server on 127.0.0.1 instead, which
//! passes every request on through the same `EmulatorConnector` the test process installs. The
//! binary under test is the one users run; only the emulator looks different.

use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use object_store::client::{HttpClient, HttpConnector, HttpError, HttpErrorKind, HttpRequest, HttpRequestBody, HttpResponse};
use object_store::ClientOptions;

use super::uploads::EmulatorConnector;

pub struct Front {
    pub port: u16,
    /// Serves the connections; the front stops when it is dropped.
    _runtime: tokio::runtime::Runtime,
}

impl Front {
    /// Listens on a free port of 127.0.0.1 and forwards to the emulator on `upstream_port`.
    pub fn start(upstream_port: u16) -> Front {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("front runtime");
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("front listens");
        let port = listener.local_addr().unwrap().port();
        // bamboo's reqwest has no default TLS provider; its stores install ring's on first use.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = EmulatorConnector.connect(&ClientOptions::new().with_allow_http(true)).expect("emulator client");
        let upstream = format!("http://127.0.0.1:{upstream_port}");
        runtime.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (client, upstream) = (client.clone(), upstream.clone());
                tokio::spawn(async move {
                    let service = service_fn(move |req| forward(client.clone(), upstream.clone(), req));
                    // A failed request closes its connection, as a server gone away would.
                    let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
                });
            }
        });
        Front { port, _runtime: runtime }
    }
}

/// The same request to the emulator (the body read whole: uploads are one object each).
async fn forward(client: HttpClient, upstream: String, req: hyper::Request<Incoming>) -> Result<HttpResponse, HttpError> {
    let (mut parts, body) = req.into_parts();
    let body = body.collect().await.map_err(|e| HttpError::new(HttpErrorKind::Request, e))?.to_bytes();
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    parts.uri = format!("{upstream}{path}").parse().map_err(|e| HttpError::new(HttpErrorKind::Request, e))?;
    parts.headers.remove(http::header::HOST);
    client.execute(HttpRequest::from_parts(parts, HttpRequestBody::from(body))).await
}
