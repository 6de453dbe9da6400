//! The indicator engine: every figure the Union's reports quote, computed for
//! a period from the chapter's records and their histories.
//!
//! Every value is a numerator and, for rates and averages, a denominator, so
//! that an office adds chapters up by summing both, never by averaging
//! percentages. The catalogue below is the single list of indicators; each
//! definition is written out in `docs/indicators.md`.

use super::book::Book;
use super::date::Date;
use super::member::{Member, Religion};
use super::model::Stage;
use super::period::Period;
use super::record::{set_of, Record, RecordId};
use super::training::Topic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How a value reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A number of people, sessions, models…
    Count,
    /// An amount in đồng.
    Money,
    /// numerator ÷ denominator, shown as a percentage.
    Percent,
    /// numerator ÷ denominator, shown as a number (people per meeting).
    Average,
}

/// When the records are looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// As things stand on the period's last day.
    AtEnd,
    /// What happened between its first and last day.
    During,
}

/// One indicator of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// Stable code, used in reports, targets and files.
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub kind: Kind,
    pub timing: Timing,
}

/// A value: for counts and money the numerator alone; for rates and averages
/// numerator and denominator, so that values add up across units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    pub num: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub den: Option<u64>,
}

impl Value {
    pub fn count(num: u64) -> Value {
        Value { num, den: None }
    }

    pub fn ratio(num: u64, den: u64) -> Value {
        Value {
            num,
            den: Some(den),
        }
    }

    /// num ÷ den in thousandths of the whole (675 = 67.5%), if the denominator is not zero.
    pub fn per_mille(self) -> Option<u64> {
        match self.den {
            Some(den) if den > 0 => Some((self.num * 1000 + den / 2) / den),
            _ => None,
        }
    }
}

/// The value of two units together: numerators and denominators summed.
impl std::ops::Add for Value {
    type Output = Value;

    fn add(self, other: Value) -> Value {
        Value {
            num: self.num + other.num,
            den: match (self.den, other.den) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
            },
        }
    }
}

fn indicator(
    code: impl Into<String>,
    vi: impl Into<String>,
    en: impl Into<String>,
    kind: Kind,
    timing: Timing,
) -> Indicator {
    Indicator {
        code: code.into(),
        name_vi: vi.into(),
        name_en: en.into(),
        kind,
        timing,
    }
}

/// The religions a rate is kept for: all but "none".
fn religions() -> impl Iterator<Item = Religion> {
    Religion::NAMED.into_iter().filter(Religion::is_religious)
}

/// Every indicator, in the order reports list them; made once, since a
/// thousand report files ask for it a hundred thousand times.
pub fn catalogue() -> &'static [Indicator] {
    static CATALOGUE: std::sync::OnceLock<Vec<Indicator>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(make_catalogue)
}

fn make_catalogue() -> Vec<Indicator> {
    use Kind::*;
    use Timing::*;
    let mut all = vec![
        indicator(
            "members.end",
            "Hội viên cuối kỳ",
            "Members at period end",
            Count,
            AtEnd,
        ),
        indicator(
            "members.admitted",
            "Hội viên kết nạp, trở lại trong kỳ",
            "Members admitted or returned",
            Count,
            During,
        ),
        indicator(
            "members.left",
            "Hội viên thôi sinh hoạt trong kỳ",
            "Members who left",
            Count,
            During,
        ),
        indicator(
            "members.honorary",
            "Hội viên danh dự cuối kỳ",
            "Honorary members at period end",
            Count,
            AtEnd,
        ),
        indicator(
            "attraction.all",
            "Tỷ lệ thu hút phụ nữ từ 18 tuổi",
            "Attraction rate, women 18+",
            Percent,
            AtEnd,
        ),
        indicator(
            "attraction.minority",
            "Tỷ lệ thu hút phụ nữ dân tộc thiểu số",
            "Attraction rate, ethnic-minority women",
            Percent,
            AtEnd,
        ),
    ];
    for religion in religions() {
        let (vi, en) = religion.names();
        all.push(indicator(
            format!("attraction.religion.{}", religion.code()),
            format!("Tỷ lệ thu hút phụ nữ {vi}"),
            format!("Attraction rate, {en} women"),
            Percent,
            AtEnd,
        ));
    }
    all.push(indicator(
        "cadres.end",
        "Cán bộ Hội cuối kỳ",
        "Cadres at period end",
        Count,
        AtEnd,
    ));
    for topic in Topic::NAMED {
        let (vi, en) = topic.names();
        all.push(indicator(
            format!("cadres.trained.{}", topic.code()),
            format!("Cán bộ đã được tập huấn {vi}"),
            format!("Cadres trained in {en}"),
            Percent,
            AtEnd,
        ));
    }
    all.push(indicator(
        "trainings.held",
        "Lớp tập huấn trong kỳ",
        "Training sessions held",
        Count,
        During,
    ));
    all.push(indicator(
        "trainings.attendances",
        "Lượt người dự tập huấn",
        "Training attendances",
        Count,
        During,
    ));
    for topic in Topic::NAMED {
        let (vi, en) = topic.names();
        all.push(indicator(
            format!("trainings.held.{}", topic.code()),
            format!("Lớp tập huấn {vi}"),
            format!("Sessions on {en}"),
            Count,
            During,
        ));
        all.push(indicator(
            format!("trainings.attendances.{}", topic.code()),
            format!("Lượt dự tập huấn {vi}"),
            format!("Attendances on {en}"),
            Count,
            During,
        ));
    }
    for stage in Stage::ALL {
        let (vi, en) = stage.names();
        all.push(indicator(
            format!("models.stage.{}", stage.code()),
            format!("Mô hình {vi}"),
            format!("Models {en}"),
            Count,
            AtEnd,
        ));
    }
    all.extend([
        indicator(
            "models.new",
            "Mô hình mới trong kỳ",
            "New models",
            Count,
            During,
        ),
        indicator(
            "models.launched",
            "Mô hình ra mắt trong kỳ",
            "Models launched",
            Count,
            During,
        ),
        indicator(
            "models.participants",
            "Người tham gia mô hình đang hoạt động",
            "Participants in running models",
            Count,
            AtEnd,
        ),
        indicator(
            "models.sessions",
            "Buổi sinh hoạt mô hình",
            "Model sessions",
            Count,
            During,
        ),
        indicator(
            "meetings.held",
            "Buổi sinh hoạt chi hội",
            "Chapter meetings held",
            Count,
            During,
        ),
        indicator(
            "meetings.attendance",
            "Số người dự bình quân mỗi buổi sinh hoạt",
            "Average attendance per meeting",
            Average,
            During,
        ),
        indicator(
            "activities.social_media",
            "Hoạt động truyền thông trên mạng xã hội",
            "Social-media communication",
            Count,
            During,
        ),
        indicator(
            "activities.visits",
            "Lượt thăm hỏi, hỗ trợ",
            "Visits and support",
            Count,
            During,
        ),
        indicator(
            "fees.collected",
            "Hội phí thu được (đồng)",
            "Fees collected (VND)",
            Money,
            During,
        ),
        indicator(
            "fees.paid",
            "Tỷ lệ hội viên đã đóng hội phí năm",
            "Members who paid the year's fee",
            Percent,
            AtEnd,
        ),
        indicator(
            "online_group",
            "Có nhóm Zalo, Facebook của chi hội",
            "Runs an online group",
            Count,
            AtEnd,
        ),
    ]);
    all
}

/// The indicator with this code.
impl Indicator {
    /// The indicator's name in Vietnamese and in English.
    pub fn names(&self) -> (&str, &str) {
        (&self.name_vi, &self.name_en)
    }
}

/// Whether the indicator counts people out of a whole they belong to
/// (members who paid the year's fee, cadres trained), so that a numerator
/// above its denominator (over 100 %) cannot be true. Attraction rates can
/// pass 100 % when the area's count of women is out of date.
pub fn is_share(code: &str) -> bool {
    code == "fees.paid" || code.starts_with("cadres.trained.")
}

pub fn find(code: &str) -> Option<&'static Indicator> {
    catalogue().iter().find(|i| i.code == code)
}

/// Live members counted as members (honorary ones are counted apart).
fn members(book: &Book) -> impl Iterator<Item = &Record<Member>> {
    book.members.live().filter(|m| !m.data.honorary)
}

/// Members holding a role on `day` while active members: one who moved
/// away, left or died is no cadre of the chapter, whatever her role says.
pub fn cadres_on(book: &Book, day: Date) -> BTreeSet<RecordId> {
    let live = set_of(
        book.members
            .live()
            .filter(|m| m.data.active_on(day))
            .map(|m| &m.id),
    );
    set_of(
        book.roles
            .live()
            .filter(|r| r.data.held_on(day) && live.contains(&r.data.member))
            .map(|r| r.data.member.clone()),
    )
}

/// Members who attended a session covering `topic` on or before `day`,
/// here or in a chapter they were in before.
fn trained_by(book: &Book, topic: &str, day: Date) -> BTreeSet<RecordId> {
    let mut trained = set_of(
        book.trainings
            .live()
            .filter(|t| t.data.start <= day && t.data.covers(topic))
            .flat_map(|t| t.data.attendees.iter().cloned()),
    );
    trained.extend(
        book.members
            .live()
            .filter(|m| m.data.trained_before(topic, day))
            .map(|m| m.id.clone()),
    );
    trained
}

/// Cadres at the period's end not yet trained on `topic` by then: whom to invite next.
pub fn untrained_cadres(book: &Book, period: Period, topic: &str) -> Vec<RecordId> {
    let trained = trained_by(book, topic, period.end());
    cadres_on(book, period.end())
        .into_iter()
        .filter(|id| !trained.contains(id))
        .collect()
}

/// Every indicator of the catalogue for `unit` (whose book this is) over `period`.
pub fn compute(book: &Book, unit: &RecordId, period: Period) -> Vec<(String, Value)> {
    let (start, end) = (period.start(), period.end());
    let during = |day: Date| start <= day && day <= end;
    let active_at_end: Vec<&Member> = members(book)
        .filter(|m| m.data.active_on(end))
        .map(|m| &m.data)
        .collect();
    let women = book
        .denominators
        .live()
        .find(|d| d.data.year == period.year())
        .map(|d| d.data.clone())
        .unwrap_or_default();
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut put = |code: String, value: Value| out.push((code, value));

    put(
        "members.end".into(),
        Value::count(active_at_end.len() as u64),
    );
    let admitted = members(book)
        .map(|m| m.data.arrivals(start, end) as u64)
        .sum();
    put("members.admitted".into(), Value::count(admitted));
    let left = members(book)
        .map(|m| m.data.departures(start, end) as u64)
        .sum();
    put("members.left".into(), Value::count(left));
    let honorary = book
        .members
        .live()
        .filter(|m| m.data.honorary && m.data.active_on(end))
        .count();
    put("members.honorary".into(), Value::count(honorary as u64));
    put(
        "attraction.all".into(),
        Value::ratio(active_at_end.len() as u64, women.women_18.into()),
    );
    let minority = active_at_end
        .iter()
        .filter(|m| m.ethnicity.is_minority())
        .count();
    put(
        "attraction.minority".into(),
        Value::ratio(minority as u64, women.minority_women.into()),
    );
    for religion in religions() {
        let code = religion.code();
        let count = active_at_end
            .iter()
            .filter(|m| m.religion == religion)
            .count();
        let den = women.religious_women.get(code).copied().unwrap_or(0);
        put(
            format!("attraction.religion.{code}"),
            Value::ratio(count as u64, den.into()),
        );
    }

    let cadres = cadres_on(book, end);
    put("cadres.end".into(), Value::count(cadres.len() as u64));
    for topic in Topic::NAMED {
        let trained = trained_by(book, topic.code(), end);
        let count = cadres.iter().filter(|c| trained.contains(*c)).count();
        put(
            format!("cadres.trained.{}", topic.code()),
            Value::ratio(count as u64, cadres.len() as u64),
        );
    }

    let sessions: Vec<_> = book
        .trainings
        .live()
        .filter(|t| during(t.data.start))
        .collect();
    put("trainings.held".into(), Value::count(sessions.len() as u64));
    put(
        "trainings.attendances".into(),
        Value::count(sessions.iter().map(|t| t.data.attendance()).sum()),
    );
    for topic in Topic::NAMED {
        let on_topic: Vec<_> = sessions
            .iter()
            .filter(|t| t.data.covers(topic.code()))
            .collect();
        put(
            format!("trainings.held.{}", topic.code()),
            Value::count(on_topic.len() as u64),
        );
        put(
            format!("trainings.attendances.{}", topic.code()),
            Value::count(on_topic.iter().map(|t| t.data.attendance()).sum()),
        );
    }

    let models: Vec<_> = book.models.live().map(|m| &m.data).collect();
    for stage in Stage::ALL {
        let count = models
            .iter()
            .filter(|m| m.stage_on(end) == Some(stage))
            .count();
        put(
            format!("models.stage.{}", stage.code()),
            Value::count(count as u64),
        );
    }
    let new = models
        .iter()
        .filter(|m| m.stages.first().is_some_and(|c| during(c.on)))
        .count();
    put("models.new".into(), Value::count(new as u64));
    let launched = models
        .iter()
        .filter(|m| {
            m.stages
                .iter()
                .any(|c| c.stage == Stage::Launched && during(c.on))
        })
        .count();
    put("models.launched".into(), Value::count(launched as u64));
    let participants = models
        .iter()
        .filter(|m| m.stage_on(end).is_some_and(Stage::running))
        .map(|m| m.participation())
        .sum();
    put("models.participants".into(), Value::count(participants));
    let model_sessions = models
        .iter()
        .flat_map(|m| &m.sessions)
        .filter(|s| during(s.on))
        .count();
    put(
        "models.sessions".into(),
        Value::count(model_sessions as u64),
    );

    let activities: Vec<_> = book
        .activities
        .live()
        .filter(|a| during(a.data.on))
        .map(|a| &a.data)
        .collect();
    let meetings: Vec<_> = activities.iter().filter(|a| a.kind.is_meeting()).collect();
    put("meetings.held".into(), Value::count(meetings.len() as u64));
    put(
        "meetings.attendance".into(),
        Value::ratio(
            meetings.iter().map(|a| a.attendance()).sum(),
            meetings.len() as u64,
        ),
    );
    let of_kind = |kind| activities.iter().filter(|a| a.kind == kind).count() as u64;
    put(
        "activities.social_media".into(),
        Value::count(of_kind(super::activity::ActivityKind::SocialMedia)),
    );
    put(
        "activities.visits".into(),
        Value::count(of_kind(super::activity::ActivityKind::Visit)),
    );

    let collected = book
        .fees
        .live()
        .filter(|f| during(f.data.paid_on))
        .map(|f| u64::from(f.data.amount))
        .sum();
    put("fees.collected".into(), Value::count(collected));
    let paid = set_of(
        book.fees
            .live()
            .filter(|f| f.data.year == period.year() && f.data.paid_on <= end)
            .map(|f| &f.data.member),
    );
    let paid_members = members(book)
        .filter(|m| m.data.active_on(end) && paid.contains(&m.id))
        .count();
    put(
        "fees.paid".into(),
        Value::ratio(paid_members as u64, active_at_end.len() as u64),
    );

    let online = book
        .units
        .get(unit)
        .and_then(|u| u.data.online_group.as_ref())
        .is_some_and(|g| g.since <= end);
    put("online_group".into(), Value::count(u64::from(online)));
    out
}

/// The value of one indicator in a computed list.
pub fn value_of(values: &[(String, Value)], code: &str) -> Value {
    values
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, v)| *v)
        .unwrap_or_default()
}
