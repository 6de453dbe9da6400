//! Spreadsheets for Excel, written and read off the page: the xlsx writer and
//! the list readers (`storage::lists`) live in a worker of its own
//! (src/bin/xlsx.rs), started the first time a spreadsheet is asked for or
//! opened, so that none of their weight reaches a page's first load.

use crate::domain::kernel::sheet::{Cell, Sheet};
use crate::storage::lists::ListError;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's script, made by Trunk beside the pages.
const WORKER: &str = "./xlsx_loader.js";

/// Writes a sheet as an .xlsx workbook. Runs in the worker.
pub fn workbook(sheet: &Sheet) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let page = book.add_worksheet();
    let bold = Format::new().set_bold();
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    page.write_string_with_format(0, 0, &sheet.title, &bold)
        .map_err(err)?;
    for (c, name) in sheet.columns.iter().enumerate() {
        page.write_string_with_format(2, c as u16, name, &bold)
            .map_err(err)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 3, c as u16);
            match cell {
                Cell::Number(n) => page.write_number(r, c, *n).map(|_| ()),
                Cell::Text(t) => page.write_string(r, c, t).map(|_| ()),
            }
            .map_err(err)?;
        }
    }
    page.set_column_width(0, 36).map_err(err)?;
    book.save_to_buffer().map_err(err)
}

thread_local! {
    static STARTED: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

/// Why no workbook came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XlsxError {
    /// The worker failed while loading or writing.
    Failed,
    /// The browser could not start the worker.
    NoWorker,
    /// The table could not be handed to the worker.
    NotSent,
    /// What the writer itself reported.
    Writer(String),
}

/// The next message from the worker (or its error).
async fn next_message(worker: &web_sys::Worker) -> Result<JsValue, XlsxError> {
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = Closure::once_into_js(move |event: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(answer).await.map_err(|_| XlsxError::Failed)
}

/// The worker, started and ready: it says so once its wasm has loaded, since
/// a message sent before that would be lost.
async fn worker() -> Result<web_sys::Worker, XlsxError> {
    if let Some(worker) = STARTED.with(|w| w.borrow().clone()) {
        return Ok(worker);
    }
    let worker = web_sys::Worker::new(WORKER).map_err(|_| XlsxError::NoWorker)?;
    next_message(&worker).await?;
    STARTED.with(|w| *w.borrow_mut() = Some(worker.clone()));
    Ok(worker)
}

/// Asks the worker (started on first use) for a workbook of `sheet`.
pub async fn make(sheet: &Sheet) -> Result<Vec<u8>, XlsxError> {
    let worker = worker().await?;
    let text = serde_json::to_string(sheet).map_err(|e| XlsxError::Writer(e.to_string()))?;
    let answer = next_message(&worker);
    worker
        .post_message(&JsValue::from_str(&text))
        .map_err(|_| XlsxError::NotSent)?;
    let data = answer.await?;
    match data.as_string() {
        Some(problem) => Err(XlsxError::Writer(problem)),
        None => Ok(js_sys::Uint8Array::new(&data).to_vec()),
    }
}

/// Asks the worker (started on first use) to read a member list: the rows
/// of a workbook's first sheet or of a .csv file, or why it cannot be read.
pub async fn read(bytes: &[u8]) -> Result<Result<Vec<Vec<Cell>>, ListError>, XlsxError> {
    let worker = worker().await?;
    let answer = next_message(&worker);
    worker
        .post_message(&js_sys::Uint8Array::from(bytes).into())
        .map_err(|_| XlsxError::NotSent)?;
    let text = answer.await?.as_string().ok_or(XlsxError::Failed)?;
    serde_json::from_str(&text).map_err(|e| XlsxError::Writer(e.to_string()))
}
