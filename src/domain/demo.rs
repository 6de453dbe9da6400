//! The sample chapter behind "Xem dữ liệu mẫu": an invented chapter of thirty
//! members, made by code so that it always passes the same rules as real data.
//! Every name and number in it is illustrative.

use super::book::{Book, DeviceState};
use super::date::{BirthDate, Date};
use super::ethnicity::Ethnicity;
use super::member::{Member, Religion, Status};
use super::record::Record;
use super::stamp::{Clock, DeviceId};
use super::unit::UnitSetup;

const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
];
const MIDDLE: [&str; 6] = [
    "Thị",
    "Thị Thu",
    "Thị Minh",
    "Thị Ngọc",
    "Thị Thanh",
    "Thị Hồng",
];
const GIVEN: [&str; 30] = [
    "Hoa", "Lan", "Mai", "Hương", "Hằng", "Thảo", "Nga", "Hạnh", "Dung", "Yến", "Trang", "Phương",
    "Loan", "Huyền", "Nhung", "Thủy", "Liên", "Hà", "Ánh", "Vân", "Quyên", "Oanh", "Tuyết", "Hiền",
    "Linh", "Ngân", "Bích", "Xuân", "Cúc", "Đào",
];

/// A small deterministic generator, so the sample is the same on every device.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len() as u64) as usize]
    }
}

/// The sample chapter's book and device state, stamped at `now_ms`.
pub fn sample_chapter(now_ms: u64, today: Date) -> (Book, DeviceState) {
    let mut clock = Clock::new(DeviceId::from_random(*b"\xde\x30\x00\x00\x00\x00\x00\x01"));
    let setup = UnitSetup {
        name: "Chi hội Thôn Đông".into(),
        kind: "Chi hội".into(),
        above: vec![
            ("Hội LHPN xã An Bình".into(), "Hội LHPN xã".into()),
            ("Hội LHPN tỉnh Ninh Bình".into(), "Hội LHPN tỉnh".into()),
        ],
    };
    let units: Vec<_> = setup.build(|| clock.tick(now_ms));
    let home = units.last().map(|u| u.id.clone());
    let mut dice = Dice(2023);
    let members = GIVEN
        .iter()
        .map(|given| {
            let mut m = Member::named(dice.pick(&FAMILY), dice.pick(&MIDDLE), given);
            let year = today.year().saturating_sub(22 + dice.next(50) as u16);
            m.birth = Some(match dice.next(3) {
                0 => BirthDate::Year(year),
                _ => BirthDate::Day(
                    Date::new(year, 1 + dice.next(12) as u8, 1 + dice.next(28) as u8)
                        .unwrap_or(today),
                ),
            });
            m.phone = format!("09{:08}", dice.next(100_000_000));
            m.address = format!("Xóm {}, thôn Đông", 1 + dice.next(4));
            m.joined_on = Date::new(year + 18 + dice.next(4) as u16, 3, 8).filter(|d| *d <= today);
            m.worker = dice.next(4) == 0;
            m.rented_room = m.worker && dice.next(2) == 0;
            if dice.next(6) == 0 {
                m.ethnicity = Ethnicity::from_code(6);
            }
            if dice.next(5) == 0 {
                m.religion = Religion::Catholicism;
            }
            m.honorary = dice.next(15) == 0;
            if dice.next(10) == 0 {
                let left = Date::from_days_since_epoch(
                    today.days_since_epoch() - 40 - dice.next(300) as i64,
                );
                if let Some(left) = left {
                    m.set_status(Status::Moved, left);
                }
            }
            Record::create(clock.tick(now_ms), m)
        })
        .collect();
    let book = Book {
        units: units.into_iter().collect(),
        members,
    };
    let device = DeviceState {
        clock,
        home,
        last_backup_ms: None,
    };
    (book, device)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_valid_and_stable() {
        let today = Date::new(2026, 11, 29).unwrap();
        let (book, device) = sample_chapter(1_764_375_945_123, today);
        assert_eq!(book.members.len(), 30);
        for member in book.members.all() {
            assert_eq!(
                member.data.problems(today),
                vec![],
                "{}",
                member.data.full_name()
            );
        }
        assert_eq!(book.unit_name(device.home.as_ref()), "Chi hội Thôn Đông");
        assert_eq!(book.unit_chain(device.home.as_ref()).len(), 3);
        assert_eq!(sample_chapter(1_764_375_945_123, today).0, book);
    }
}
