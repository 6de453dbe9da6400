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

/// How a download went, as far as the page can tell: the browser says
/// nothing of a download it drops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Started,
    /// Started after [`CROWD`] others within [`CROWD_MS`]: Chromium drops
    /// a download from a tab that has started ten in about the last second,
    /// whatever the page does (a bare page loses the same ones, and letting
    /// go of the file's link later changes nothing: tests/e2e/downloads.test.mjs),
    /// so she is told to look for it and make it again if it is not there.
    Crowded,
    /// The browser would not make the file at all.
    Refused,
}

/// Downloads a tab may start in a row before the next may be dropped.
const CROWD: usize = 10;
/// The time they count over: twice the second measured, to spare.
const CROWD_MS: f64 = 2_000.0;

thread_local! {
    /// When this tab started its recent downloads (ms since 1970).
    static RECENT: std::cell::RefCell<Vec<f64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Notes a download started now; whether it came after a crowd of others.
fn crowded() -> bool {
    let now = js_sys::Date::now();
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        recent.retain(|at| now - at < CROWD_MS);
        recent.push(now);
        recent.len() > CROWD
    })
}

/// Offers `contents` as a download named `name`.
pub fn download(name: &str, contents: &str, mime: &str) -> Saved {
    save_blob(name, &js_sys::Array::of1(&contents.into()), mime)
}

/// Offers bytes as a download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Saved {
    save_blob(
        name,
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
        mime,
    )
}

fn save_blob(name: &str, parts: &js_sys::Array, mime: &str) -> Saved {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
        return Saved::Refused;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return Saved::Refused;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return Saved::Refused;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    if crowded() {
        Saved::Crowded
    } else {
        Saved::Started
    }
}

/// How a file left the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sent {
    /// Through the share sheet.
    Shared,
    /// Saved as a download (the browser cannot share files), how it went.
    Downloaded(Saved),
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
    match download(name, contents, mime) {
        Saved::Refused => Sent::Failed,
        saved => Sent::Downloaded(saved),
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
