//! Files in and out: sending a file through the phone's share sheet (Zalo,
//! Messenger, mail) or saving it through a download, and reading a file the
//! user picked. A file larger than the domain's limit is refused before it is read.

use crate::domain::file::envelope::{FileError, MAX_FILE_BYTES};
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
    save_blob(name, &js_sys::Array::of1(&contents.into()), mime)
}

/// Offers bytes as a download named `name`. Returns false if the browser refused.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> bool {
    save_blob(
        name,
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
        mime,
    )
}

fn save_blob(name: &str, parts: &js_sys::Array, mime: &str) -> bool {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
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

/// How a file left the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sent {
    /// Through the share sheet.
    Shared,
    /// Saved as a download (the browser cannot share files).
    Downloaded,
    /// She closed the share sheet without choosing.
    Cancelled,
    /// Neither sharing nor downloading worked.
    Failed,
}

/// Offers `contents` to the phone's share sheet as a file named `name` where
/// the browser can share files (`navigator.canShare({files})`), and as a
/// download otherwise.
pub async fn send(name: &str, contents: &str, mime: &str) -> Sent {
    if let Some(sent) = share(name, contents, mime).await {
        return sent;
    }
    if download(name, contents, mime) {
        Sent::Downloaded
    } else {
        Sent::Failed
    }
}

/// Shares through the share sheet; `None` where files cannot be shared.
async fn share(name: &str, contents: &str, mime: &str) -> Option<Sent> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and desktop ones have no canShare at all.
    if !js_sys::Reflect::has(&navigator, &"canShare".into()).unwrap_or(false) {
        return None;
    }
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&contents.into());
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    data.set_title(name);
    if !navigator.can_share_with_data(&data) {
        return None;
    }
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Some(Sent::Shared),
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            match name.as_deref() {
                Some("AbortError") => Some(Sent::Cancelled),
                _ => None,
            }
        }
    }
}
