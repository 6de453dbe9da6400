//! Importing files: pick one or many (or drop them on a desktop, share them
//! to the app from another one, open them with it), see what each would
//! change, then apply all of them or nothing. Used on the restore screen and
//! on the files page, for backups, previews and reports.

use crate::domain::book::collections::{Book, Conflict, DeviceState};
use crate::domain::exchange::import::preview_import;
use crate::domain::exchange::preview::ImportPreview;
use crate::domain::file::envelope::{FileError, FileKind};
use crate::domain::file::sealed::Sealed;
use crate::storage::files::{read_file, ReadError};
use crate::storage::received::{on_launch, take_shared};
use crate::ui::i18n::t;
use crate::ui::perf;
use crate::ui::route::Route;
use crate::ui::shared::format::date_time;
use crate::ui::shared::locked::Unlock;
use crate::ui::shared::messages::{
    collection_label, conflict_not_kept, conflict_subject, conflict_value, note_text, refused_file,
    rejection_reasons, rejection_subject,
};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What reading one picked file came to.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Its preview.
    Previewed(Box<ImportPreview>),
    /// Why it was refused.
    Refused(String),
    /// A backup locked with a passphrase, waiting for it.
    Locked(Box<Sealed>),
}

/// One file picked and what it came to.
#[derive(Clone, PartialEq)]
struct Picked {
    name: String,
    outcome: Outcome,
}

impl Picked {
    fn preview(&self) -> Option<&ImportPreview> {
        match &self.outcome {
            Outcome::Previewed(preview) => Some(preview),
            _ => None,
        }
    }
}

/// A file's name and its bytes, or why they could not be read.
type Source = (String, Result<Vec<u8>, ReadError>);

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Reading { done: usize, of: usize },
    Ready(Vec<Picked>),
}

/// Gives the browser a moment to draw the progress, once a frame's worth of
/// work is done: after every file, a hundred small report files would each
/// wait for a timer (at least 4 ms once timers nest) and take longer to
/// wait for than to read.
async fn breathe(since: &mut f64) {
    const FRAME_MS: f64 = 16.0;
    let now = || window().performance().map_or(0.0, |p| p.now());
    if now() - *since < FRAME_MS {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    *since = now();
}

/// The files of a file input or of a drop.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

#[component]
pub fn ImportPanel(
    /// The text of the file button.
    label: &'static str,
    /// Whether the file button is the page's first action (an office's
    /// «Nhận báo cáo»).
    #[prop(optional)]
    primary: bool,
    /// Notified when another phone's file is remembered, for what the page
    /// shows of the phones heard from (the update file's card).
    #[prop(optional)]
    heard: Option<Trigger>,
) -> impl IntoView {
    let state = use_app();
    let phase = RwSignal::new(Phase::Idle);
    // The book and device state after every previewed file, ready to apply.
    let after = StoredValue::new(None::<(Book, DeviceState)>);
    // Conflicts whose other value she chose to keep.
    let chosen = RwSignal::new(Vec::<Conflict>::new());
    // The files as read, kept so that a locked one, once opened, is previewed
    // again in its place among the others.
    let sources = StoredValue::new(Vec::<Source>::new());
    // Each file is previewed on top of those before it, so that applying
    // them all is the same as importing them one after another.
    let plan_all = move || {
        let of = sources.with_value(Vec::len);
        chosen.set(Vec::new());
        spawn_local(async move {
            let mut book = state.book.get_untracked();
            let mut device = state.device.get_untracked();
            let mut picked = Vec::with_capacity(of);
            let mut drawn = 0.0;
            for done in 0..of {
                let (name, read) = sources.with_value(|s| s[done].clone());
                let planned = read.and_then(|bytes| {
                    preview_import(&bytes, &book, &device, state.now_ms(), state.today())
                        .map_err(ReadError::File)
                });
                let outcome = match planned {
                    Ok(preview) => {
                        book = preview.clone().apply(book, &mut device);
                        Outcome::Previewed(Box::new(preview))
                    }
                    Err(ReadError::File(FileError::Locked(sealed))) => Outcome::Locked(sealed),
                    Err(error) => Outcome::Refused(refused_file(&name, &error)),
                };
                picked.push(Picked { name, outcome });
                phase.set(Phase::Reading { done: done + 1, of });
                breathe(&mut drawn).await;
            }
            // A phone's file that brings nothing new still says what that
            // phone holds: there is nothing to apply, and it is remembered
            // now, for the update file back (the others once applied).
            for preview in picked.iter().filter_map(Picked::preview) {
                if let Some(peer) = preview.peer.clone().filter(|_| !preview.changes()) {
                    crate::storage::local::heard_from(state.space, peer);
                    heard.inspect(Trigger::notify);
                }
            }
            after.set_value(Some((book, device)));
            phase.set(Phase::Ready(picked));
            perf::end_at_next_frame("import");
        });
    };
    let read_all = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let of = files.len();
        perf::start("import");
        phase.set(Phase::Reading { done: 0, of });
        spawn_local(async move {
            let mut read = Vec::with_capacity(of);
            for file in files {
                read.push((file.name(), read_file(&file).await));
            }
            sources.set_value(read);
            plan_all();
        });
    };
    // A locked file opened: its bytes take its place, and all are previewed again.
    let unlocked = move |index: usize, bytes: Vec<u8>| {
        sources.update_value(|s| s[index].1 = Ok(bytes));
        plan_all();
    };
    // Files shared to the app or opened with it land here, previewed as if picked.
    spawn_local(async move { read_all(take_shared().await) });
    on_launch(read_all);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        read_all(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        read_all(files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let apply = move |picked: &[Picked]| {
        let Some((mut book, mut device)) = after.get_value() else {
            return;
        };
        let refused = book.keep_others(&chosen.get_untracked(), &mut device.clock, state.now_ms());
        let previews: Vec<&ImportPreview> = picked.iter().filter_map(Picked::preview).collect();
        let new_members: usize = previews.iter().map(|p| p.tally("members").new).sum();
        let reports = previews
            .iter()
            .map(|p| p.tally("reports"))
            .fold(0, |n, t| n + t.new + t.updated);
        state.apply_all(book, device);
        for peer in previews
            .iter()
            .filter(|p| p.changes())
            .filter_map(|p| p.peer.clone())
        {
            crate::storage::local::heard_from(state.space, peer);
        }
        sources.set_value(Vec::new());
        phase.set(Phase::Idle);
        if !refused.is_empty() {
            let said: Vec<String> = refused.iter().map(conflict_not_kept).collect();
            state.tell(said.join(" "));
        } else if previews.iter().all(|p| p.kind == FileKind::Report) {
            state.tell(t::imported_reports(reports));
            // An office sees at once who has sent; a chapter its figures.
            let office = state.office.get_untracked();
            crate::ui::route::go(&if office {
                Route::Office
            } else {
                Route::Figures
            });
        } else if let [preview @ ImportPreview {
            kind: FileKind::Plan,
            ..
        }] = previews[..]
        {
            // A chapter that takes her office's plan wants to see what it asks.
            let changed = |name| {
                let t = preview.tally(name);
                t.new + t.updated
            };
            state.tell(t::imported_plan(
                &preview.unit.name,
                changed("targets"),
                changed("campaigns"),
            ));
            crate::ui::route::go(&Route::Plan);
        } else {
            state.tell(t::imported_files(previews.len(), new_members));
            crate::ui::route::go(&Route::Register);
        }
    };
    // The files' bytes (up to 20 MB each) are let go with the preview.
    let close = move |_| {
        chosen.set(Vec::new());
        sources.set_value(Vec::new());
        phase.set(Phase::Idle);
    };
    view! {
        <div class="import" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <label class="button file-button" class:primary=primary>
                {label}
                <input type="file" multiple accept=".json,application/json" class="visually-hidden" on:change=on_pick/>
            </label>
            <p class="note">{t::many_files_hint()}</p>
            {move || match phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Reading { done, of } => view! {
                    <p role="status">{t::reading_file(done + 1, of)}</p>
                    <progress max=of.to_string() value=done.to_string()></progress>
                }.into_any(),
                Phase::Ready(picked) => {
                    let previews: Vec<&ImportPreview> = picked.iter().filter_map(Picked::preview).collect();
                    let changes = previews.iter().any(|p| p.changes());
                    let any_rejected = previews.iter().any(|p| !p.rejected.is_empty());
                    let ending = match (previews.is_empty(), changes, any_rejected) {
                        (true, _, _) => ().into_any(),
                        (false, true, _) => {
                            let picked = StoredValue::new(picked.clone());
                            view! {
                                // Unmistakable: nothing is taken until she taps «Nhập vào sổ».
                                <p class="banner warn pending" role="status">{t::nothing_changed_yet()}</p>
                                <div class="actions">
                                    <button type="button" class="button primary" on:click=move |_| picked.with_value(|p| apply(p))>{t::import()}</button>
                                    <button type="button" class="button" on:click=close>{t::cancel()}</button>
                                </div>
                            }.into_any()
                        }
                        (false, false, rejected) => view! {
                            <p>{if rejected {
                                t::nothing_new_but_rejected()
                            } else {
                                t::nothing_new()
                            }}</p>
                            <div class="actions">
                                <button type="button" class="button" on:click=close>{t::close()}</button>
                            </div>
                        }.into_any(),
                    };
                    view! {
                        {picked.into_iter().enumerate().map(|(index, p)| match p.outcome {
                            Outcome::Previewed(preview) => view! { <Preview name=p.name preview=*preview chosen/> }.into_any(),
                            Outcome::Locked(sealed) => view! {
                                <Unlock name=p.name sealed=*sealed opened=Callback::new(move |bytes| unlocked(index, bytes))/>
                            }.into_any(),
                            Outcome::Refused(message) => view! {
                                <div class="banner error" role="alert">
                                    <p>{message}</p>
                                    <button type="button" class="button" on:click=close>{t::close()}</button>
                                </div>
                            }.into_any(),
                        }).collect_view()}
                        {ending}
                    }.into_any()
                }
            }}
        </div>
    }
}

/// What one file would do.
#[component]
fn Preview(name: String, preview: ImportPreview, chosen: RwSignal<Vec<Conflict>>) -> impl IntoView {
    // One line per kind of record in the file: what would happen to it.
    let rows: Vec<(&'static str, Vec<(&'static str, usize)>)> = preview
        .tallies
        .iter()
        .map(|(collection, t)| {
            let rejected = preview
                .rejected
                .iter()
                .filter(|r| r.collection == *collection)
                .count();
            let outcomes = [
                (t::outcome_new(), t.new),
                (t::outcome_updated(), t.updated),
                (t::outcome_merged(), t.merged),
                (t::outcome_deleted(), t.deleted),
                (t::outcome_unchanged(), t.unchanged),
                (t::outcome_older(), t.older),
                (t::outcome_rejected(), rejected),
            ];
            (
                *collection,
                outcomes
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, outcomes)| !outcomes.is_empty())
        .collect();
    let rejected = preview.rejected.clone();
    let conflicts = preview.conflicts.clone();
    let preview = StoredValue::new(preview.clone());
    view! {
        <section class="preview" aria-label=t::preview_before_import()>
            <h2>{t::preview_of_file(&name)}</h2>
            <p>
                {preview.with_value(|p| match p.kind {
                    FileKind::Backup => t::backup_of(),
                    FileKind::Report => t::report_of(),
                    FileKind::Plan => t::plan_of(),
                    FileKind::Transfer => t::transfer_of(),
                    FileKind::Update => t::update_of(),
                })}
                <strong>{preview.with_value(|p| p.unit.name.clone())}</strong>
                {t::made_at(date_time(&preview.with_value(|p| p.created.clone()).into()))}
            </p>
            <ul class="notes">
                {preview.with_value(|p| p.notes.iter().map(|n| view! { <li>{note_text(n)}</li> }).collect_view())}
            </ul>
            {preview.with_value(ImportPreview::adopts_unit).then(|| view! {
                <p class="note">{t::adopts_unit(preview.with_value(|p| p.unit.name.clone()))}</p>
            })}
            <ul class="tally">
                {rows.into_iter().map(|(collection, outcomes)| view! {
                    <li data-collection=collection>
                        <strong>{collection_label(collection)}</strong>": "
                        {outcomes.into_iter().enumerate().map(|(i, (outcome, n))| view! {
                            {(i > 0).then_some(", ")}
                            <span data-outcome=outcome>{format!("{n} {outcome}")}</span>
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ul>
            {(!conflicts.is_empty()).then(|| view! {
                <div class="conflicts">
                    <h3>{t::conflicts_title()}</h3>
                    <p class="note">{t::conflicts_intro()}</p>
                    <ul>
                        {conflicts.into_iter().map(|conflict| view! { <ConflictRow conflict chosen/> }).collect_view()}
                    </ul>
                </div>
            })}
            {(!rejected.is_empty()).then(|| view! {
                <div class="rejected">
                    <h3>{t::records_not_imported()}</h3>
                    <ul>
                        {rejected.iter().map(|r| view! {
                            <li><strong>{rejection_subject(r)}</strong>": "{rejection_reasons(r)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </section>
    }
}

/// One field two phones changed: both values, which one the book keeps, and
/// the button that keeps the other instead.
#[component]
fn ConflictRow(conflict: Conflict, chosen: RwSignal<Vec<Conflict>>) -> impl IntoView {
    let subject = conflict_subject(&conflict);
    let values = t::conflict_values(
        conflict_value(&conflict, conflict.mine.as_ref()),
        conflict_value(&conflict, conflict.theirs.as_ref()),
    );
    let other = conflict_value(&conflict, conflict.other());
    let keeps = match conflict.kept_theirs {
        true => t::conflict_keeps_theirs(),
        false => t::conflict_keeps_mine(),
    };
    let field = conflict.field.clone();
    let conflict = StoredValue::new(conflict);
    let is_chosen = move || chosen.with(|list| conflict.with_value(|c| list.contains(c)));
    let toggle = move |_| {
        conflict.with_value(|c| {
            chosen.update(|list| match list.iter().position(|x| x == c) {
                Some(at) => {
                    list.remove(at);
                }
                None => list.push(c.clone()),
            })
        })
    };
    let (said, label) = (other.clone(), other);
    view! {
        <li data-field=field>
            <strong>{subject}</strong>
            <p>{values}</p>
            <p>{move || if is_chosen() { t::conflict_chosen(&said) } else { keeps.to_owned() }}</p>
            <button type="button" class="button" aria-pressed=move || is_chosen().to_string() on:click=toggle>
                {move || if is_chosen() { t::keep_newer_again().to_owned() } else { t::keep_value(&label) }}
            </button>
        </li>
    }
}
