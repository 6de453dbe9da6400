//! One chapter kept on two phones, as a leader and her deputy keep it: each
//! edits the book, and their backups go both ways. Every edit of a different
//! field is kept on both; two edits of one field keep the newer and are shown
//! with both values, and she can keep the other; a deletion against an edit
//! is decided by the rule docs/file-format.md writes and shown too.

use so_tay_chi_hoi::domain::book::collections::{Book, Conflict, DeviceState};
use so_tay_chi_hoi::domain::exchange::backup::write_backup;
use so_tay_chi_hoi::domain::exchange::import::preview_import;
use so_tay_chi_hoi::domain::exchange::preview::ImportPreview;
use so_tay_chi_hoi::domain::kernel::date::Date;
use so_tay_chi_hoi::domain::kernel::record::RecordId;
use so_tay_chi_hoi::domain::kernel::seen::{heard_from, Peer};
use so_tay_chi_hoi::domain::kernel::stamp::DeviceId;
use so_tay_chi_hoi::domain::records::member::Member;
use so_tay_chi_hoi::domain::samples::demo::sample_chapter;

const NOW: u64 = 1_764_375_945_123;
const MINUTE: u64 = 60_000;

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// A phone holding a book, what the clock says on it, and the other phones
/// it has heard from.
struct Phone {
    book: Book,
    device: DeviceState,
    peers: Vec<Peer>,
}

impl Phone {
    /// A phone never set up, its device id drawn from `n`.
    fn new(n: u8) -> Phone {
        Phone {
            book: Book::default(),
            device: DeviceState::new(DeviceId::from_random([n; 8])),
            peers: Vec::new(),
        }
    }

    /// Previews another phone's backup made now.
    fn preview(&self, from: &Phone, at: u64) -> ImportPreview {
        let file = write_backup(&from.book, &from.device, at, today()).unwrap();
        preview_import(
            file.contents.as_bytes(),
            &self.book,
            &self.device,
            at,
            today(),
        )
        .unwrap()
    }

    /// Takes another phone's backup, keeping what the preview keeps.
    fn take(&mut self, from: &Phone, at: u64) -> ImportPreview {
        let preview = self.preview(from, at);
        self.take_preview(preview.clone());
        preview
    }

    /// Applies a preview, remembering the phone it came from.
    fn take_preview(&mut self, preview: ImportPreview) {
        if let Some(peer) = preview.peer.clone() {
            heard_from(&mut self.peers, peer);
        }
        self.book = preview.apply(self.book.clone(), &mut self.device);
    }

    fn edit(&mut self, id: &RecordId, at: u64, change: impl FnOnce(&mut Member)) {
        let record = self.book.members.get(id).unwrap().clone();
        let mut member = record.data.clone();
        change(&mut member);
        let stamp = self.device.clock.tick(at);
        self.book.members.put(record.edited(stamp, member));
    }

    fn delete(&mut self, id: &RecordId, at: u64) {
        let record = self.book.members.get(id).unwrap().clone();
        let stamp = self.device.clock.tick(at);
        self.book.members.put(record.with_deleted(stamp, true));
    }

    fn member(&self, id: &RecordId) -> &Member {
        &self.book.members.get(id).unwrap().data
    }
}

/// Phone A with the sample chapter, and phone B restored from A's backup.
fn two_phones() -> (Phone, Phone, Vec<RecordId>) {
    let (book, device) = sample_chapter(NOW, today());
    let a = Phone {
        book,
        device,
        peers: Vec::new(),
    };
    let mut b = Phone::new(0xb);
    b.take(&a, NOW + MINUTE);
    let ids = a
        .book
        .members
        .live()
        .map(|m| m.id.clone())
        .take(3)
        .collect();
    (a, b, ids)
}

#[test]
fn a_phone_number_here_and_an_address_there_are_both_kept() {
    let (mut a, mut b, ids) = two_phones();
    a.edit(&ids[0], NOW + 2 * MINUTE, |m| m.phone = "0912345678".into());
    b.edit(&ids[0], NOW + 3 * MINUTE, |m| m.address = "Xóm Đình".into());
    let preview = b.take(&a, NOW + 4 * MINUTE);
    assert_eq!(preview.tally("members").merged, 1);
    assert_eq!(preview.tally("members").older, 0);
    assert_eq!(preview.conflicts, []);
    assert_eq!(b.member(&ids[0]).phone, "0912345678");
    assert_eq!(b.member(&ids[0]).address, "Xóm Đình");
    // Back the other way: both phones end with the same book.
    a.take(&b, NOW + 5 * MINUTE);
    assert_eq!(a.book, b.book);
}

#[test]
fn two_edits_of_one_field_are_shown_and_she_may_keep_the_other() {
    let (mut a, mut b, ids) = two_phones();
    a.edit(&ids[1], NOW + 2 * MINUTE, |m| m.phone = "0911111111".into());
    b.edit(&ids[1], NOW + 3 * MINUTE, |m| m.phone = "0922222222".into());
    let preview = b.preview(&a, NOW + 4 * MINUTE);
    let [conflict] = preview.conflicts.as_slice() else {
        panic!("one conflict: {:?}", preview.conflicts);
    };
    assert_eq!(conflict.id, ids[1]);
    assert_eq!(conflict.field, "phone");
    assert_eq!(conflict.mine, Some("0922222222".into()));
    assert_eq!(conflict.theirs, Some("0911111111".into()));
    assert!(!conflict.kept_theirs, "her own edit is the newer");
    assert_eq!(
        conflict.label.as_deref(),
        Some(a.member(&ids[1]).full_name().as_str())
    );
    // She keeps the file's number instead: an edit made now, which then
    // wins on the other phone too.
    let conflict: Conflict = conflict.clone();
    b.book = preview.apply(b.book.clone(), &mut b.device);
    let refused = b
        .book
        .keep_others(&[conflict], &mut b.device.clock, NOW + 5 * MINUTE);
    assert_eq!(refused, []);
    assert_eq!(b.member(&ids[1]).phone, "0911111111");
    a.take(&b, NOW + 6 * MINUTE);
    assert_eq!(a.member(&ids[1]).phone, "0911111111");
    assert_eq!(a.book, b.book);
}

#[test]
fn an_edit_made_after_a_deletion_brings_her_back_and_says_so() {
    let (mut a, mut b, ids) = two_phones();
    a.delete(&ids[2], NOW + 2 * MINUTE);
    b.edit(&ids[2], NOW + 3 * MINUTE, |m| m.phone = "0933333333".into());
    let preview = a.preview(&b, NOW + 4 * MINUTE);
    let [conflict] = preview.conflicts.as_slice() else {
        panic!("one conflict: {:?}", preview.conflicts);
    };
    assert_eq!(conflict.field, "deleted");
    assert_eq!(conflict.mine, Some(true.into()));
    assert!(conflict.kept_theirs, "the edit is newer than the deletion");
    a.take(&b, NOW + 4 * MINUTE);
    let back = a.book.members.get(&ids[2]).unwrap();
    assert!(!back.deleted);
    assert_eq!(back.data.phone, "0933333333");
    b.take(&a, NOW + 5 * MINUTE);
    assert_eq!(a.book, b.book);
}

#[test]
fn a_deletion_made_after_the_edits_it_saw_stays() {
    let (mut a, mut b, ids) = two_phones();
    b.edit(&ids[2], NOW + 2 * MINUTE, |m| m.phone = "0933333333".into());
    a.delete(&ids[2], NOW + 3 * MINUTE);
    a.take(&b, NOW + 4 * MINUTE);
    let gone = a.book.members.get(&ids[2]).unwrap();
    assert!(gone.deleted);
    assert_eq!(
        gone.data.phone, "0933333333",
        "kept in the tombstone, for an undo"
    );
}

#[test]
fn a_to_leaders_roll_call_and_fees_reach_the_leader_in_an_update_file() {
    use so_tay_chi_hoi::domain::exchange::backup::write_update;
    use so_tay_chi_hoi::domain::file::envelope::FileError;
    use so_tay_chi_hoi::domain::kernel::record::Record;
    use so_tay_chi_hoi::domain::records::activity::{Activity, ActivityKind};
    use so_tay_chi_hoi::domain::records::fee::FeePayment;
    let (mut leader, _, ids) = two_phones();
    // The tổ leader's phone holds the whole book, from the leader's backup.
    let mut to = Phone::new(0xc);
    to.take(&leader, NOW + MINUTE);
    let [heard] = to.peers.as_slice() else {
        panic!("the leader's phone is heard from: {:?}", to.peers);
    };
    assert_eq!(heard.device, leader.device.clock.device);
    let seen = heard.seen.clone();
    // Her roll call of a meeting and a fee collected.
    let on = today();
    let stamp = to.device.clock.tick(NOW + 2 * MINUTE);
    let meeting = Record::create(
        stamp,
        Activity {
            attendees: ids[..2].to_vec(),
            content: "Sinh hoạt tổ".into(),
            ..Activity::on_day(on, ActivityKind::Regular)
        },
    );
    to.book.activities.put(meeting.clone());
    let fee_id = FeePayment::id(&ids[2], 2026).unwrap();
    let stamp = to.device.clock.tick(NOW + 3 * MINUTE);
    let fee = Record::keyed(
        fee_id.clone(),
        stamp,
        FeePayment {
            member: ids[2].clone(),
            year: 2026,
            paid_on: on,
            amount: 24_000,
        },
    );
    to.book.fees.put(fee);
    // Meanwhile the leader edits a member; the update carries only the tổ's work.
    leader.edit(&ids[0], NOW + 3 * MINUTE, |m| m.phone = "0900000000".into());
    let update = write_update(&to.book, &to.device, &seen, NOW + 4 * MINUTE, today()).unwrap();
    let backup = write_backup(&to.book, &to.device, NOW + 4 * MINUTE, today()).unwrap();
    assert!(update.name.starts_with("cap-nhat_"), "{}", update.name);
    assert!(
        update.contents.len() * 10 < backup.contents.len(),
        "{} bytes against a backup's {}",
        update.contents.len(),
        backup.contents.len()
    );
    let preview = preview_import(
        update.contents.as_bytes(),
        &leader.book,
        &leader.device,
        NOW + 5 * MINUTE,
        today(),
    )
    .unwrap();
    assert_eq!(preview.tally("activities").new, 1);
    assert_eq!(preview.tally("fees").new, 1);
    assert_eq!(
        preview.tally("members").new + preview.tally("members").updated,
        0
    );
    leader.book = preview.apply(leader.book.clone(), &mut leader.device);
    assert_eq!(
        leader
            .book
            .activities
            .get(&meeting.id)
            .unwrap()
            .data
            .attendees,
        ids[..2]
    );
    assert_eq!(leader.book.fees.get(&fee_id).unwrap().data.amount, 24_000);
    assert_eq!(
        leader.member(&ids[0]).phone,
        "0900000000",
        "her own edit stays"
    );
    // Only a phone of the same chapter takes it, and only once set up.
    let stranger = Phone::new(0xd);
    assert_eq!(
        preview_import(
            update.contents.as_bytes(),
            &stranger.book,
            &stranger.device,
            NOW,
            today()
        )
        .unwrap_err(),
        FileError::NeedsSetUp
    );
}

#[test]
fn she_may_keep_her_deletion_against_a_later_edit() {
    let (mut a, mut b, ids) = two_phones();
    a.delete(&ids[2], NOW + 2 * MINUTE);
    b.edit(&ids[2], NOW + 3 * MINUTE, |m| m.phone = "0933333333".into());
    let preview = a.preview(&b, NOW + 4 * MINUTE);
    let conflict = preview.conflicts[0].clone();
    a.book = preview.apply(a.book.clone(), &mut a.device);
    assert!(!a.book.members.get(&ids[2]).unwrap().deleted);
    let refused = a
        .book
        .keep_others(&[conflict], &mut a.device.clock, NOW + 5 * MINUTE);
    assert_eq!(refused, []);
    let gone = a.book.members.get(&ids[2]).unwrap();
    assert!(
        gone.deleted,
        "her deletion, chosen again, is the newest change"
    );
    assert_eq!(
        gone.data.phone, "0933333333",
        "the edit kept inside, for an undo"
    );
    b.take(&a, NOW + 6 * MINUTE);
    assert!(b.book.members.get(&ids[2]).unwrap().deleted);
    assert_eq!(a.book, b.book);
}

#[test]
fn several_clashes_chosen_at_once_are_all_kept() {
    let (mut a, mut b, ids) = two_phones();
    for (n, id) in ids.iter().enumerate() {
        a.edit(id, NOW + 2 * MINUTE, |m| m.phone = format!("091111111{n}"));
        b.edit(id, NOW + 3 * MINUTE, |m| {
            m.phone = format!("092222222{n}");
            m.address = format!("Xóm {n}");
        });
    }
    let preview = b.preview(&a, NOW + 4 * MINUTE);
    assert_eq!(preview.conflicts.len(), ids.len());
    let chosen = preview.conflicts.clone();
    b.book = preview.apply(b.book.clone(), &mut b.device);
    assert_eq!(
        b.book
            .keep_others(&chosen, &mut b.device.clock, NOW + 5 * MINUTE),
        []
    );
    for (n, id) in ids.iter().enumerate() {
        assert_eq!(
            b.member(id).phone,
            format!("091111111{n}"),
            "the file's number, chosen"
        );
        assert_eq!(
            b.member(id).address,
            format!("Xóm {n}"),
            "her own address stays"
        );
    }
}

/// The update file holds what the other phone has not seen, whenever it was
/// written here: an edit made before this phone took in the other's backup
/// goes too, and what the other phone sent is not sent back.
#[test]
fn an_update_file_holds_what_the_other_phone_lacks_and_nothing_it_sent() {
    use so_tay_chi_hoi::domain::exchange::backup::write_update;
    let (mut a, mut b, ids) = two_phones();
    a.edit(&ids[0], NOW + 2 * MINUTE, |m| m.phone = "0988000001".into());
    b.edit(&ids[1], NOW + 3 * MINUTE, |m| m.address = "Xóm Chùa".into());
    // A takes B's backup after her own edit, which B has never seen.
    a.take(&b, NOW + 4 * MINUTE);
    let peer = a.peers.last().expect("B is heard from").clone();
    assert_eq!(
        a.book.count_unseen(&peer.seen),
        1,
        "her edit of Hoa, and only it"
    );
    let update = write_update(&a.book, &a.device, &peer.seen, NOW + 5 * MINUTE, today()).unwrap();
    let preview = preview_import(
        update.contents.as_bytes(),
        &b.book,
        &b.device,
        NOW + 6 * MINUTE,
        today(),
    )
    .unwrap();
    assert_eq!(preview.tally("members").updated, 1);
    b.take_preview(preview);
    assert_eq!(b.member(&ids[0]).phone, "0988000001");
    assert_eq!(a.book, b.book, "both phones hold the same book");
    // B's next update for A holds nothing: A sent B all it had.
    let seen_by_a = b.peers.last().unwrap().seen.clone();
    assert_eq!(b.book.count_unseen(&seen_by_a), 0);
}
