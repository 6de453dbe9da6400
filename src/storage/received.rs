//! Files that reach the app from outside rather than through its file button:
//! shared to it from another app (the manifest's `share_target`; the service
//! worker keeps them in a cache of their own) or opened with it on a desktop
//! (the manifest's `file_handlers`, delivered through `window.launchQueue`).

use js_sys::{Array, Function, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Blob, Cache, File, FilePropertyBag, Request, Response};

/// The cache pwa/sw.js keeps shared files in.
const SHARED: &str = "nhan-tep";

/// Takes the files shared to the app, oldest first, removing them from where
/// the worker kept them so that each is previewed once.
pub async fn take_shared() -> Vec<File> {
    let Some(cache) = shared_cache().await else {
        return Vec::new();
    };
    let Ok(requests) = JsFuture::from(cache.keys()).await else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for request in Array::from(&requests).iter() {
        let request: Request = request.unchecked_into();
        if let Some(file) = file_of(&cache, &request).await {
            files.push(file);
        }
        let _ = JsFuture::from(cache.delete_with_request(&request)).await;
    }
    files
}

async fn shared_cache() -> Option<Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(SHARED)).await.ok()?;
    Some(cache.unchecked_into())
}

async fn file_of(cache: &Cache, request: &Request) -> Option<File> {
    let response = JsFuture::from(cache.match_with_request(request))
        .await
        .ok()?;
    let response: Response = response.dyn_into().ok()?;
    let headers = response.headers();
    let name = headers
        .get("x-file-name")
        .ok()
        .flatten()
        .and_then(|n| js_sys::decode_uri_component(&n).ok())
        .map(String::from)
        .unwrap_or_else(|| "tep.json".into());
    let kind = headers
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    let blob: Blob = JsFuture::from(response.blob().ok()?)
        .await
        .ok()?
        .unchecked_into();
    let options = FilePropertyBag::new();
    options.set_type(&kind);
    File::new_with_blob_sequence_and_options(&Array::of1(&blob), &name, &options).ok()
}

/// Calls `open` with the files the app was launched to open, where the
/// browser hands files to installed apps (desktop Chromium).
pub fn on_launch(open: impl Fn(Vec<File>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let queue = Reflect::get(&window, &"launchQueue".into()).unwrap_or(JsValue::UNDEFINED);
    let Some(set_consumer) = Reflect::get(&queue, &"setConsumer".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let open = Rc::new(open);
    let consumer = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let handles = Reflect::get(&params, &"files".into()).unwrap_or(JsValue::UNDEFINED);
        let open = open.clone();
        spawn_local(async move {
            let mut files = Vec::new();
            for handle in Array::from(&handles).iter() {
                let file = Reflect::get(&handle, &"getFile".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<Function>().ok())
                    .and_then(|get_file| get_file.call0(&handle).ok());
                if let Some(promise) = file.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
                    if let Ok(file) = JsFuture::from(promise).await {
                        files.push(file.unchecked_into());
                    }
                }
            }
            if !files.is_empty() {
                open(files);
            }
        });
    });
    let _ = set_consumer.call1(&queue, consumer.as_ref());
    consumer.forget();
}
