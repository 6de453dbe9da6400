//! Files in and out: saving a file through a download, and reading a file the
//! user picked. A file larger than the domain's limit is refused before it is read.

use crate::domain::envelope::{FileError, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a picked file could not be read into memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Refused before reading, as the domain would refuse it.
    File(FileError),
    /// The browser could not read it (removed, permission lost).
    Unreadable,
}

/// Reads a picked file's bytes.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ReadError::File(FileError::TooLarge { bytes: size }));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `contents` as a download named `name`. Returns false if the browser refused.
pub fn download(name: &str, contents: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}
