//! The xlsx worker: receives a sheet as JSON text, answers with the bytes of
//! an .xlsx workbook (or with the text of what went wrong). Built by Trunk as
//! a worker, loaded the first time a spreadsheet is asked for.

use so_tay_chi_hoi::domain::sheet::Sheet;
use so_tay_chi_hoi::storage::xlsx::workbook;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let written = event
                .data()
                .as_string()
                .ok_or_else(|| "expected the sheet as JSON text".to_owned())
                .and_then(|text| serde_json::from_str::<Sheet>(&text).map_err(|e| e.to_string()))
                .and_then(|sheet| workbook(&sheet));
            let answer: JsValue = match written {
                Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                Err(problem) => problem.into(),
            };
            let _ = reply.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point would have been lost: say it is ready.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
