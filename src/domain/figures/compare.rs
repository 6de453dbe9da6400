//! Units side by side, as an office or an emulation cluster compares them at
//! its review: the units below one unit, chosen indicators as columns, a
//! total row by the roll-up rules, any column to sort and rank by, and the
//! units that have not reported marked.

use super::roll_up::report_in_tree;
use crate::domain::book::collections::Book;
use crate::domain::kernel::period::Period;
use crate::domain::kernel::record::Record;
use crate::domain::kernel::record::RecordId;
use crate::domain::kernel::sheet::csv_line;
use crate::domain::kernel::sheet::{Cell, Sheet};
use crate::domain::records::campaign::{standing, Campaign, Scores, Standing};
use crate::domain::records::catalogue::{find, Kind, Value};
use crate::domain::records::unit::children;
use crate::domain::records::unit::with_ancestors;
use std::cmp::Ordering;

/// The indicators a comparison shows when none are chosen.
pub const DEFAULT_COLUMNS: [&str; 8] = [
    "members.end",
    "attraction.all",
    "cadres.trained.digital_transformation",
    "trainings.held",
    "trainings.attendances",
    "models.launched",
    "meetings.held",
    "fees.paid",
];

/// One unit of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub unit: RecordId,
    pub name: String,
    /// How many levels below the compared unit (1: directly below).
    pub level: usize,
    /// Its values in the order of the columns; `None` when it has not reported.
    pub values: Option<Vec<Value>>,
}

/// Units side by side for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub period: Period,
    pub columns: Vec<String>,
    pub rows: Vec<CompareRow>,
    /// The compared unit's own total, added up from below.
    pub total: Vec<Value>,
}

/// How a value ranks: rates and averages by their ratio, counts by themselves.
/// Values without a denominator rank last.
fn score(kind: Kind, value: Value) -> Option<u64> {
    match kind {
        Kind::Count | Kind::Money | Kind::Flag => Some(value.num),
        Kind::Percent | Kind::Average => value.per_mille(),
    }
}

impl Comparison {
    /// The units below `unit` down to `depth` levels, compared on `columns`.
    pub fn build(
        book: &Book,
        home: &RecordId,
        unit: &RecordId,
        period: Period,
        depth: usize,
        columns: &[String],
    ) -> Comparison {
        let pick = |values: &std::collections::BTreeMap<String, Value>| -> Vec<Value> {
            columns
                .iter()
                .map(|c| values.get(c).copied().unwrap_or_default())
                .collect()
        };
        let mut rows = Vec::new();
        let mut level_units: Vec<RecordId> = vec![unit.clone()];
        for level in 1..=depth.max(1) {
            let mut next = Vec::new();
            for parent in &level_units {
                let existing = children(&book.units, parent)
                    .filter(|c| book.units.get(c).is_some_and(|u| u.data.exists_in(period)));
                for child in existing {
                    let name = book
                        .units
                        .get(child)
                        .map(|u| u.data.name.clone())
                        .unwrap_or_default();
                    let values = report_in_tree(book, home, child, period).map(|r| pick(&r.values));
                    rows.push(CompareRow {
                        unit: child.clone(),
                        name,
                        level,
                        values,
                    });
                    next.push(child.clone());
                }
            }
            level_units = next;
        }
        let total = report_in_tree(book, home, unit, period)
            .map(|r| pick(&r.values))
            .unwrap_or_else(|| vec![Value::default(); columns.len()]);
        Comparison {
            period,
            columns: columns.to_vec(),
            rows,
            total,
        }
    }

    /// Sorts the rows by a column, best first (units without a report last),
    /// then by name; returns each row's rank (units level with each other share one).
    pub fn sort_by(&mut self, column: usize) -> Vec<Option<usize>> {
        let kind = self
            .columns
            .get(column)
            .and_then(|c| find(c))
            .map_or(Kind::Count, |i| i.kind);
        let key = |row: &CompareRow| {
            row.values
                .as_ref()
                .and_then(|v| v.get(column))
                .and_then(|v| score(kind, *v))
        };
        self.rows.sort_unstable_by(|a, b| match (key(a), key(b)) {
            (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.name.cmp(&b.name)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        });
        let mut ranks = Vec::with_capacity(self.rows.len());
        let mut previous: Option<(u64, usize)> = None;
        for (i, row) in self.rows.iter().enumerate() {
            let rank = key(row).map(|k| match previous {
                Some((p, r)) if p == k => r,
                _ => i + 1,
            });
            if let (Some(k), Some(r)) = (key(row), rank) {
                previous = Some((k, r));
            }
            ranks.push(rank);
        }
        ranks
    }

    /// Units that have not reported.
    pub fn missing(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|r| r.values.is_none())
            .map(|r| r.name.as_str())
            .collect()
    }

    /// The comparison as a spreadsheet: one row per unit, rates as numbers
    /// with one decimal (67.5 for 67,5%), the total last.
    pub fn to_sheet(&self, title: &str) -> Sheet {
        let kinds: Vec<Kind> = self
            .columns
            .iter()
            .map(|c| find(c).map_or(Kind::Count, |i| i.kind))
            .collect();
        let number = |kind: Kind, value: Value| match kind {
            Kind::Count | Kind::Money | Kind::Flag => Cell::Number(value.num as f64),
            _ => value
                .per_mille()
                .map_or(Cell::Text("—".into()), |pm| match kind {
                    Kind::Percent => Cell::Number(pm as f64 / 10.0),
                    _ => Cell::Number(pm as f64 / 1000.0),
                }),
        };
        let row = |name: &str, values: Option<&Vec<Value>>| -> Vec<Cell> {
            std::iter::once(Cell::Text(name.to_owned()))
                .chain(match values {
                    Some(values) => values
                        .iter()
                        .zip(&kinds)
                        .map(|(v, k)| number(*k, *v))
                        .collect::<Vec<_>>(),
                    None => vec![Cell::Text("chưa báo cáo".into())],
                })
                .collect()
        };
        let mut rows: Vec<Vec<Cell>> = self
            .rows
            .iter()
            .map(|r| row(&r.name, r.values.as_ref()))
            .collect();
        rows.push(row("Tổng", Some(&self.total)));
        Sheet {
            title: format!("{title} — {}", self.period.label_vi()),
            columns: std::iter::once("Đơn vị".to_owned())
                .chain(self.columns.iter().zip(&kinds).map(|(code, kind)| {
                    let name = find(code).map_or(code.clone(), |i| i.name_vi.clone());
                    if *kind == Kind::Percent {
                        format!("{name} (%)")
                    } else {
                        name
                    }
                }))
                .collect(),
            rows,
        }
    }

    /// The comparison as CSV for Excel: a byte-order mark, a title line, the
    /// header, one line per unit (numerator, and denominator for rates), the total.
    pub fn to_csv(&self, book: &Book, unit: &RecordId) -> String {
        let title = with_ancestors(&book.units, unit)
            .first()
            .map(|u| u.data.name.clone())
            .unwrap_or_default();
        let line = |cells: Vec<String>| csv_line(&cells);
        let mut out = String::from("\u{feff}");
        out.push_str(&line(vec![title, self.period.label_vi()]));
        let mut header = vec!["Đơn vị".to_owned()];
        for code in &self.columns {
            let name = find(code).map_or(code.clone(), |i| i.name_vi.clone());
            header.push(name.clone());
            header.push(format!("{name} (mẫu số)"));
        }
        out.push_str(&line(header));
        let cells = |values: &[Value]| -> Vec<String> {
            values
                .iter()
                .flat_map(|v| {
                    [
                        v.num.to_string(),
                        v.den.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                })
                .collect()
        };
        for row in &self.rows {
            let mut cells_of = vec![row.name.clone()];
            match &row.values {
                Some(values) => cells_of.extend(cells(values)),
                None => cells_of.push("chưa báo cáo".into()),
            }
            out.push_str(&line(cells_of));
        }
        let mut total = vec!["Tổng".to_owned()];
        total.extend(cells(&self.total));
        out.push_str(&line(total));
        out
    }
}

/// A unit's standing in a campaign; `None` when it has not reported.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignRow {
    pub unit: RecordId,
    pub name: String,
    pub standing: Option<Standing>,
    /// 1 for the best total; units level with each other share a rank.
    pub rank: Option<usize>,
}

/// The units below the campaign's office, scored from their reports and the
/// scores they gave by hand, best first, the ones without a report last.
pub fn campaign_table(
    book: &Book,
    home: &RecordId,
    campaign: &Record<Campaign>,
) -> Vec<CampaignRow> {
    let c = &campaign.data;
    let mut rows: Vec<CampaignRow> = children(&book.units, &c.office)
        .filter(|u| {
            book.units
                .get(u)
                .is_some_and(|u| u.data.exists_in(c.period))
        })
        .map(|unit| {
            let given = Scores::id(&campaign.id, unit)
                .and_then(|id| book.scores.get(&id))
                .filter(|s| !s.deleted)
                .map(|s| &s.data.points);
            CampaignRow {
                unit: unit.clone(),
                name: book
                    .units
                    .get(unit)
                    .map(|u| u.data.name.clone())
                    .unwrap_or_default(),
                standing: report_in_tree(book, home, unit, c.period)
                    .map(|r| standing(c, &r.values, given)),
                rank: None,
            }
        })
        .collect();
    let total = |row: &CampaignRow| row.standing.as_ref().map(|s| s.total);
    rows.sort_unstable_by(|a, b| total(b).cmp(&total(a)).then_with(|| a.name.cmp(&b.name)));
    let mut previous: Option<(u32, usize)> = None;
    for (i, row) in rows.iter_mut().enumerate() {
        if let Some(t) = total(row) {
            let rank = match previous {
                Some((p, r)) if p == t => r,
                _ => i + 1,
            };
            row.rank = Some(rank);
            previous = Some((t, rank));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kernel::stamp::{Clock, DeviceId};
    use crate::domain::records::unit::Unit;
    use crate::domain::records::unit_report::UnitReport;

    fn office_with(reports: &[(&str, Option<(u64, u64)>)]) -> (Book, RecordId) {
        let mut clock = Clock::new(DeviceId::from_random([9; 8]));
        let mut book = Book::default();
        let top = Record::create(clock.tick(1), Unit::new("Cụm", "Cụm thi đua", None));
        let home = top.id.clone();
        book.units.put(top);
        let year = Period::Year(2023);
        for (name, figures) in reports {
            let unit = Record::create(
                clock.tick(1),
                Unit::new(*name, "Hội LHPN tỉnh", Some(home.clone())),
            );
            if let Some((trainings, attendances)) = figures {
                let mut values = std::collections::BTreeMap::new();
                values.insert("trainings.held".to_owned(), Value::count(*trainings));
                values.insert(
                    "attraction.all".to_owned(),
                    Value::ratio(*attendances, 1000),
                );
                let report = UnitReport {
                    unit: unit.id.clone(),
                    period: year,
                    values,
                    models: vec![],
                    trainings: vec![],
                };
                book.reports.put(Record {
                    id: UnitReport::id(&unit.id, year).unwrap(),
                    ..Record::create(clock.tick(2), report)
                });
            }
            book.units.put(unit);
        }
        (book, home)
    }

    #[test]
    fn units_side_by_side_ranked_with_the_missing_ones_last() {
        let (book, home) = office_with(&[
            ("Bắc Ninh", Some((124, 900))),
            ("Hà Nam", Some((40, 950))),
            ("Thái Bình", None),
            ("Nam Định", Some((124, 800))),
        ]);
        let columns = vec!["trainings.held".to_owned(), "attraction.all".to_owned()];
        let mut comparison =
            Comparison::build(&book, &home, &home, Period::Year(2023), 1, &columns);
        assert_eq!(comparison.missing(), ["Thái Bình"]);
        assert_eq!(
            comparison.total,
            vec![Value::count(288), Value::ratio(2650, 3000)]
        );
        let ranks = comparison.sort_by(0);
        let order: Vec<&str> = comparison.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(order, ["Bắc Ninh", "Nam Định", "Hà Nam", "Thái Bình"]);
        assert_eq!(
            ranks,
            [Some(1), Some(1), Some(3), None],
            "equal values share a rank"
        );
        comparison.sort_by(1);
        let order: Vec<&str> = comparison.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            order,
            ["Hà Nam", "Bắc Ninh", "Nam Định", "Thái Bình"],
            "rates rank by their ratio"
        );
        let csv = comparison.to_csv(&book, &home);
        assert!(csv.starts_with("\u{feff}\"Cụm\",\"Năm 2023\"\r\n"));
        assert!(csv.contains("\"Thái Bình\",\"chưa báo cáo\"\r\n"));
        assert!(csv.ends_with("\"Tổng\",\"288\",\"\",\"2650\",\"3000\"\r\n"));
    }
}
