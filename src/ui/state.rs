//! The app's reactive state: plain domain data inside signals, shared through
//! context. Pages change it only through the methods here, which call domain
//! functions; a single effect in `ui::App` writes it to storage.

use crate::domain::book::collections::{Book, DeviceState, InBook};
use crate::domain::book::register::Query;
use crate::domain::figures::report::{report, ReportRow};
use crate::domain::kernel::date::Date;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::{Record, RecordId};
use crate::domain::kernel::stamp::Stamp;
use crate::domain::records::unit::{is_office, Unit, UnitSetup};
use crate::storage::device::{new_device_state, now_ms, today};
use crate::storage::local::{self, LoadProblem, SaveError, Space};
use crate::ui::route::Route;
use crate::ui::shared::messages::field_problem_text;
use leptos::prelude::*;

/// A number never given before in this page's life: tells one notice, or
/// one page's save on leaving, from the next.
fn next_serial() -> u64 {
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A short confirmation, and what «Hoàn tác» beside it undoes when it offers that.
#[derive(Clone)]
pub struct Notice {
    /// Tells two notices of the same words apart, so that the older one's
    /// timer does not take the newer one away.
    serial: u64,
    pub text: String,
    /// A plain closure, not a Leptos callback: the page that deleted is gone
    /// by the time she taps «Hoàn tác», and its reactive values with it.
    pub undo: Option<Undo>,
}

/// What «Hoàn tác» runs.
pub type Undo = std::sync::Arc<dyn Fn() + Send + Sync>;

impl Notice {
    fn new(text: String, undo: Option<Undo>) -> Notice {
        let serial = next_serial();
        Notice { serial, text, undo }
    }
}

impl PartialEq for Notice {
    fn eq(&self, other: &Notice) -> bool {
        self.serial == other.serial
    }
}

/// A report file that left the app: its name, its period, and whether it
/// went through the share sheet or was saved as a download.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportSent {
    pub name: String,
    pub period: Period,
    pub shared: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub book: RwSignal<Book>,
    pub device: RwSignal<DeviceState>,
    /// Which set of keys is open: the user's own or the sample chapter.
    pub space: Space,
    /// The last save's failure, until a save succeeds.
    pub save_error: RwSignal<Option<SaveError>>,
    /// What start-up found unreadable; cleared when the user dismisses it.
    pub load_problems: RwSignal<Vec<LoadProblem>>,
    pub route: RwSignal<Route>,
    /// What the register list was asked for; kept while visiting a member.
    pub query: RwSignal<Query>,
    /// A short confirmation shown at the bottom of the screen.
    pub notice: RwSignal<Option<Notice>>,
    /// The period the figures and the report are for; this year at first.
    pub period: RwSignal<Period>,
    /// Whether the phone keeps an office, which receives the reports of the
    /// units below it, rather than a chapter's register: the tabs and the
    /// first screen follow it. A memo: pages redraw when it changes, not on
    /// every edit of the book.
    pub office: Memo<bool>,
    /// The last report sent in this session, for the note that says where
    /// the file went and how to send it on; until she closes it.
    pub report_sent: RwSignal<Option<ReportSent>>,
    /// What the page open saves before another opens (`before_leaving`),
    /// with the serial that tells its page's registration from the next's.
    leaving: StoredValue<Option<(u64, Callback<()>)>>,
    /// A new version of the app is installed and waits for her tap.
    pub update_ready: RwSignal<bool>,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Reads storage for the space the app opens in. A device seen for the
    /// first time gets a new identity; `None` when a sample space is still
    /// empty (the sample page fills it).
    pub fn load() -> Option<AppState> {
        let space = Space::current();
        let loaded = local::load(space, today(), now_ms());
        let device = match (loaded.device, space.is_sample()) {
            (Some(device), _) => device,
            (None, true) => return None,
            (None, false) => new_device_state(),
        };
        let book = loaded.book;
        let state = AppState::new(space, book, device, loaded.problems);

        if space == Space::DemoCluster {
            // The sample cluster's figures are those of the article's review year.
            state.period.set(Period::Year(
                crate::domain::samples::demo_cluster::REVIEW_YEAR,
            ));
        }
        Some(state)
    }

    pub fn new(
        space: Space,
        book: Book,
        device: DeviceState,
        problems: Vec<LoadProblem>,
    ) -> AppState {
        let (book, device) = (RwSignal::new(book), RwSignal::new(device));
        let office = Memo::new(move |_| {
            device.with(|d| {
                d.home
                    .as_ref()
                    .is_some_and(|home| book.with(|b| is_office(&b.units, home)))
            })
        });
        AppState {
            book,
            device,
            office,
            report_sent: RwSignal::new(None),
            leaving: StoredValue::new(None),
            space,
            save_error: RwSignal::new(None),
            load_problems: RwSignal::new(problems),
            route: RwSignal::new(Route::Register),
            query: RwSignal::new(Query::default()),
            notice: RwSignal::new(None),
            period: RwSignal::new(Period::Year(today().year())),
            update_ready: RwSignal::new(false),
        }
    }

    /// Writes the book and device state, after taking in what other tabs
    /// saved; shows the failure, or clears the last one.
    pub fn persist(&self) {
        let result = crate::ui::perf::measure("save", || {
            self.absorb_news();
            self.book.with(|book| {
                self.device
                    .with(|device| local::save(self.space, book, device))
            })
        });
        self.save_error.set(result.err());
    }

    /// Merges in what other tabs of this browser saved since this tab last
    /// read or wrote storage, so that a save here never writes over their edits.
    pub fn absorb_news(&self) {
        let Some((book, device)) = local::news(self.space, today()) else {
            return;
        };
        let merged = self.book.with_untracked(|mine| mine.merged(&book));
        self.device.update(|mine| {
            if let Some(theirs) = &device {
                mine.absorb(theirs);
            }
            if let Some(stamp) = merged.newest_stamp() {
                mine.clock.observe(stamp);
            }
        });
        if self.book.with_untracked(|mine| *mine != merged) {
            self.book.set(merged);
        }
    }

    /// Has `save` run before the next page opens, for as long as the page
    /// that asks is open: what she typed in a field she has not left yet is
    /// saved while the page is whole, not while it is taken down.
    pub fn before_leaving(&self, save: Callback<()>) {
        let serial = next_serial();
        self.leaving.set_value(Some((serial, save)));
        let leaving = self.leaving;
        on_cleanup(move || {
            leaving.update_value(|now| {
                if now.as_ref().is_some_and(|(s, _)| *s == serial) {
                    *now = None;
                }
            })
        });
    }

    /// Runs what the open page saves before another opens, once: the next
    /// page asks anew. Whether it ran.
    pub fn leave(&self) -> bool {
        let save = self.leaving.try_update_value(Option::take).flatten();
        // A page taken down without its clean-up (a part's view replaced
        // before it finished arriving) leaves a save whose values are gone.
        save.and_then(|(_, save)| save.try_run(())).is_some()
    }

    /// Today, from the phone's clock: with [`AppState::now_ms`], the one
    /// door through which the interface reads the time.
    pub fn today(&self) -> Date {
        today()
    }

    /// Now, in milliseconds since 1970, from the phone's clock.
    pub fn now_ms(&self) -> u64 {
        now_ms()
    }

    /// A fresh stamp from this device's clock.
    pub fn stamp(&self) -> Stamp {
        let now = now_ms();
        self.device
            .try_update(|d| d.clock.tick(now))
            .expect("the device signal lives as long as the app")
    }

    /// Saves a record of any kind: an edit of the record with `id`, a new
    /// record with that id (records keyed by year, member…), or a new record
    /// with a fresh id when `id` is `None`. Returns its id. A record that
    /// breaks one of its kind's rules never reaches the book, whichever page
    /// asks: she is told the first problem, and `None` is returned. (Forms
    /// show every problem beside its field before they ask.)
    pub fn save<T: InBook>(&self, id: Option<&RecordId>, data: T) -> Option<RecordId> {
        if let Some(problem) = data.problems(self.today()).first() {
            self.tell(field_problem_text(problem));
            return None;
        }
        let existing = id.and_then(|id| self.book.with_untracked(|b| T::of(b).get(id).cloned()));
        if let Some(record) = existing.as_ref().filter(|r| r.data == data && !r.deleted) {
            return Some(record.id.clone());
        }
        let stamp = self.stamp();
        let record = match (existing, id) {
            (Some(record), _) => record.edited(stamp, data),
            (None, Some(id)) => Record {
                id: id.clone(),
                ..Record::create(stamp, data)
            },
            (None, None) => Record::create(stamp, data),
        };
        let id = record.id.clone();
        self.book.update(|b| T::of_mut(b).put(record));
        Some(id)
    }

    /// Deletes a record (a tombstone that can be undone) or restores it.
    pub fn set_deleted<T: InBook>(&self, id: &RecordId, deleted: bool) {
        let Some(record) = self.book.with_untracked(|b| T::of(b).get(id).cloned()) else {
            return;
        };
        let stamp = self.stamp();
        self.book
            .update(|b| T::of_mut(b).put(record.with_deleted(stamp, deleted)));
    }

    /// Adds a unit above the topmost one of the home unit's chain.
    pub fn add_unit_above(&self, top: &RecordId, unit: Unit) {
        let stamp = self.stamp();
        let created = Record::create(stamp, unit);
        let parent = created.id.clone();
        self.book.update(|b| b.units.put(created));
        if let Some(top_unit) = self
            .book
            .with_untracked(|b| b.units.get(top).map(|u| u.data.clone()))
        {
            self.save(
                Some(top),
                Unit {
                    parent: Some(parent),
                    ..top_unit
                },
            );
        }
    }

    /// First run: creates the units and makes the last one this device's home.
    pub fn set_up(&self, setup: &UnitSetup) {
        let units = setup.build(|| self.stamp());
        let home = units.last().map(|u| u.id.clone());
        self.book
            .update(|b| units.into_iter().for_each(|u| b.units.put(u)));
        self.device.update(|d| d.home = home);
    }

    /// Takes the book and device state that previewed imports lead to, as a whole.
    pub fn apply_all(&self, book: Book, device: DeviceState) {
        self.device.set(device);
        self.book.set(book);
    }

    /// Takes a member list's new and updated members into the book.
    pub fn take_list(&self, preview: crate::domain::sheets::roster::RosterPreview) {
        let now = now_ms();
        let mut clock = self.device.with_untracked(|d| d.clock.clone());
        self.book.update(|b| preview.apply(b, &mut clock, now));
        self.device.update(|d| d.clock = clock);
    }

    /// Records the member `id`'s move to another chapter, in one change of
    /// the book; nothing changes when the move's fields are wrong.
    pub fn move_member(
        &self,
        id: &RecordId,
        change: &crate::domain::exchange::transfer::Move,
    ) -> Result<(), Vec<crate::domain::kernel::problem::FieldProblem>> {
        let mut book = self.book.get_untracked();
        let mut clock = self.device.with_untracked(|d| d.clock.clone());
        crate::domain::exchange::transfer::move_out(
            &mut book,
            &mut clock,
            now_ms(),
            id,
            change,
            self.today(),
        )?;
        self.book.set(book);
        self.device.update(|d| d.clock = clock);
        Ok(())
    }

    /// Remembers that a backup was just made.
    pub fn mark_backup(&self) {
        let now = now_ms();
        self.device.update(|d| d.last_backup_ms = Some(now));
    }

    /// What a domain function makes of the book, the home unit and the
    /// chosen period (reactive); its default before set-up.
    pub fn of_home<T: Default>(&self, make: impl FnOnce(&Book, &RecordId, Period) -> T) -> T {
        let period = self.period.get();
        self.device.with(|d| {
            self.book.with(|b| {
                d.home
                    .as_ref()
                    .map(|home| make(b, home, period))
                    .unwrap_or_default()
            })
        })
    }

    /// Every figure of the chosen period with its target (reactive).
    pub fn report(&self) -> Vec<ReportRow> {
        self.of_home(report)
    }

    /// The home unit and the units above it, nearest first (reactive).
    pub fn unit_chain(&self) -> Vec<Record<Unit>> {
        self.device.with(|d| {
            self.book
                .with(|b| b.unit_chain(d.home.as_ref()).into_iter().cloned().collect())
        })
    }

    /// Shows a short confirmation.
    pub fn tell(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice::new(text.into(), None)));
    }

    /// Shows a confirmation with «Hoàn tác», which runs `undo`.
    pub fn tell_undoable(&self, text: impl Into<String>, undo: Undo) {
        self.notice.set(Some(Notice::new(text.into(), Some(undo))));
    }

    /// Deletes a record (a tombstone) and says so with «Hoàn tác» beside,
    /// which brings it back.
    pub fn delete_undoable<T: InBook>(&self, id: &RecordId, said: String) {
        self.set_deleted::<T>(id, true);
        let (state, id) = (*self, id.clone());
        self.tell_undoable(
            said,
            std::sync::Arc::new(move || state.set_deleted::<T>(&id, false)),
        );
    }
}
