//! The spreadsheet worker: receives a sheet as JSON text and answers with the
//! bytes of an .xlsx workbook (or with the text of what went wrong), or
//! receives the bytes of a member list (.xlsx or .csv) and answers with its
//! rows as JSON text. Built by Trunk as a worker, loaded the first time a
//! spreadsheet is written or read.

use so_tay_chi_hoi::domain::kernel::sheet::Sheet;
use so_tay_chi_hoi::storage::lists::read_list;
use so_tay_chi_hoi::storage::xlsx::workbook;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let answer: JsValue = match data.as_string() {
                // A sheet to write, as JSON text: the workbook's bytes, or what went wrong.
                Some(text) => {
                    let written = serde_json::from_str::<Sheet>(&text)
                        .map_err(|e| e.to_string())
                        .and_then(|sheet| workbook(&sheet));
                    match written {
                        Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                        Err(problem) => problem.into(),
                    }
                }
                // A list's bytes to read: its rows, or why not, as JSON text.
                None => {
                    let read = read_list(&js_sys::Uint8Array::new(&data).to_vec());
                    serde_json::to_string(&read).unwrap_or_default().into()
                }
            };
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point would have been lost: say it is ready.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
