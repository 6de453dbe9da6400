//! The catalogue of indicators: every figure the Union's reports quote, by
//! code, name, kind and timing, and the value one takes. It sits with the
//! records because targets (`baseline`) and campaign criteria name
//! indicators; computing them from a book is `figures::compute`.
//!
//! Every value is a numerator and, for rates and averages, a denominator, so
//! that an office adds chapters up by summing both, never by averaging
//! percentages. Each definition is written out in `docs/indicators.md`.

use super::grade::{GRADES, GRADE_CODES, GRADING_CODES};
use super::member::Religion;
use super::model::Stage;
use super::training::Topic;
use serde::{Deserialize, Serialize};

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
    /// Whether a unit does something: 1 or 0, read «Có» or «Không»; added
    /// up, how many units do.
    Flag,
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
pub fn religions() -> impl Iterator<Item = Religion> {
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
            "members.cards",
            "Tỷ lệ hội viên có thẻ hội viên",
            "Members holding a membership card",
            Percent,
            AtEnd,
        ),
        indicator(
            "members.core",
            "Hội viên nòng cốt cuối kỳ",
            "Core members at period end",
            Count,
            AtEnd,
        ),
        indicator(
            "members.pledged",
            "Hội viên đăng ký thực hiện cuộc vận động",
            "Members registered in the members' campaign",
            Count,
            AtEnd,
        ),
        indicator(
            "members.achieved",
            "Tỷ lệ hội viên đăng ký đạt tiêu chí cuộc vận động",
            "Registered members reaching the campaign's criteria",
            Percent,
            AtEnd,
        ),
        indicator(
            "members.exemplary",
            "Hội viên điển hình được biểu dương trong kỳ",
            "Members held up as examples",
            Count,
            During,
        ),
        indicator(
            "members.commended",
            "Hội viên được khen thưởng trong kỳ",
            "Members commended",
            Count,
            During,
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
            "meetings.attendance_rate",
            "Tỷ lệ hội viên dự sinh hoạt",
            "Members present at meetings",
            Percent,
            During,
        ),
        indicator(
            "meetings.quarters",
            "Tỷ lệ quý có sinh hoạt chi hội",
            "Quarters with a chapter meeting",
            Percent,
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
            Flag,
            AtEnd,
        ),
    ]);
    // The year's grading (figures::grading): each grade a share of the units graded.
    for (level_vi, level_en, level) in [
        ("chi hội", "Chapters", "chapters"),
        ("tổ phụ nữ", "Women's groups", "groups"),
    ] {
        for (i, code) in GRADE_CODES.iter().enumerate() {
            all.push(indicator(
                format!("grading.{level}.{code}"),
                format!("Tỷ lệ {level_vi} {}", GRADES[i].to_lowercase()),
                format!("{level_en} graded {}", GRADES_EN[i]),
                Percent,
                AtEnd,
            ));
        }
    }
    all.push(indicator(
        "grading.model",
        "Tỷ lệ chi hội mẫu",
        "Model chapters",
        Percent,
        AtEnd,
    ));
    all.push(indicator(
        "grading.model_outstanding",
        "Tỷ lệ chi hội mẫu xuất sắc tiêu biểu",
        "Outstanding model chapters",
        Percent,
        AtEnd,
    ));
    all
}

/// The English names of the grades, in the order of [`GRADES`].
const GRADES_EN: [&str; 4] = ["strong", "good", "average", "weak"];

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
    matches!(
        code,
        "fees.paid"
            | "meetings.attendance_rate"
            | "meetings.quarters"
            | "members.cards"
            | "members.achieved"
    ) || code.starts_with("cadres.trained.")
        || code.starts_with("grading.")
}

/// Codes of the indicators not made one per religion, topic or stage.
const FIXED: [&str; 28] = [
    "members.end",
    "members.admitted",
    "members.left",
    "members.honorary",
    "members.cards",
    "members.core",
    "members.pledged",
    "members.achieved",
    "members.exemplary",
    "members.commended",
    "attraction.all",
    "attraction.minority",
    "cadres.end",
    "trainings.held",
    "trainings.attendances",
    "models.new",
    "models.launched",
    "models.participants",
    "models.sessions",
    "meetings.held",
    "meetings.attendance",
    "meetings.attendance_rate",
    "meetings.quarters",
    "activities.social_media",
    "activities.visits",
    "fees.collected",
    "fees.paid",
    "online_group",
];

/// Whether this version knows the indicator `code`, without building the
/// catalogue: checking a stored target or campaign at start-up needs the
/// codes, not the names (kept out of the first load).
pub fn is_known(code: &str) -> bool {
    let topic = |c: &str| Topic::NAMED.iter().any(|t| t.code() == c);
    FIXED.contains(&code)
        || code
            .strip_prefix("attraction.religion.")
            .is_some_and(|c| religions().any(|r| r.code() == c))
        || code.strip_prefix("cadres.trained.").is_some_and(topic)
        || code.strip_prefix("trainings.held.").is_some_and(topic)
        || code
            .strip_prefix("trainings.attendances.")
            .is_some_and(topic)
        || code
            .strip_prefix("models.stage.")
            .is_some_and(|c| Stage::ALL.iter().any(|s| s.code() == c))
        || GRADING_CODES.contains(&code)
}

/// The indicator with this code.
pub fn find(code: &str) -> Option<&'static Indicator> {
    catalogue().iter().find(|i| i.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_known_are_the_catalogues() {
        for indicator in catalogue() {
            assert!(is_known(&indicator.code), "{}", indicator.code);
        }
        for code in FIXED {
            assert!(find(code).is_some(), "{code}");
        }
        for code in [
            "members",
            "attraction.religion.none",
            "cadres.trained.other",
            "models.stage.",
            "fees.paid.x",
        ] {
            assert!(!is_known(code), "{code}");
        }
    }
}
