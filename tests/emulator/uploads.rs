//! The one gap between object_store's GCS client and the fake-gcs-server emulator the tests run:
//! the emulator serves the XML API's reads, listings and deletes, but not its plain object PUT,
//! which object_store uploads with. This connector (installed with
//! `bamboo::storage::set_http_connector`, or behind the HTTP front for the bamboo binary) sends
//! such a PUT to the JSON API's media upload (a POST) instead (same bytes, same object name) and
//! copies the object's etag and generation from the JSON answer into the headers object_store
//! reads.

use async_trait::async_trait;
use http::header::{HeaderValue, ETAG};
use http::{Method, Uri};
use object_store::client::{
    HttpClient, HttpConnector, HttpError, HttpErrorKind, HttpRequest, HttpResponse, HttpResponseBody, HttpService, ReqwestConnector,
};
use object_store::ClientOptions;

#[derive(Debug, Default)]
pub struct EmulatorConnector;

impl HttpConnector for EmulatorConnector {
    fn connect(&self, options: &ClientOptions) -> object_store::Result<HttpClient> {
        Ok(HttpClient::new(Uploads(ReqwestConnector::default().connect(options)?)))
    }
}

#[derive(Debug)]
struct Uploads(HttpClient);

/// `/bucket/key` of a plain object PUT -> `/upload/storage/v1/b/bucket/o?uploadType=media&name=key`.
fn media_upload(uri: &Uri) -> Option<Uri> {
    if uri.query().is_some() {
        return None;
    }
    let (bucket, key) = uri.path().trim_start_matches('/').split_once('/')?;
    let s = format!("{}://{}/upload/storage/v1/b/{bucket}/o?uploadType=media&name={key}", uri.scheme_str()?, uri.authority()?);
    s.parse().ok()
}

#[async_trait]
impl HttpService for Uploads {
    async fn call(&self, mut req: HttpRequest) -> Result<HttpResponse, HttpError> {
        let upload = req.method() == Method::PUT && !req.headers().contains_key("x-goog-copy-source");
        let rewritten = if upload { media_upload(req.uri()) } else { None };
        let Some(uri) = rewritten else { return self.0.execute(req).await };
        *req.uri_mut() = uri;
        *req.method_mut() = Method::POST;
        let resp = self.0.execute(req).await?;
        if !resp.status().is_success() || resp.headers().contains_key(ETAG) {
            return Ok(resp);
        }
        let (mut parts, body) = resp.into_parts();
        let bytes = body.bytes().await?;
        let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| HttpError::new(HttpErrorKind::Decode, e))?;
        for (name, field) in [("etag", "etag"), ("x-goog-generation", "generation")] {
            if let Some(h) = v[field].as_str().and_then(|s| HeaderValue::from_str(s).ok()) {
                parts.headers.insert(name, h);
            }
        }
        Ok(HttpResponse::from_parts(parts, HttpResponseBody::from(bytes)))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn puts_become_media_uploads() {
        let u = super::media_upload(&"http://127.0.0.1:9/b-1/dir%2Fx%2Ebin".parse().unwrap()).unwrap();
        assert_eq!(u.to_string(), "http://127.0.0.1:9/upload/storage/v1/b/b-1/o?uploadType=media&name=dir%2Fx%2Ebin");
        assert!(super::media_upload(&"http://h/b/k?partNumber=1".parse().unwrap()).is_none());
    }
}
