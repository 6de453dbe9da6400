//! Membership fees (hội phí): the amount for a year, and who paid for which year.

use crate::domain::kernel::date::Date;
use crate::domain::kernel::problem::{check_count, check_past, FieldProblem};
use crate::domain::kernel::record::RecordId;
use serde::{Deserialize, Serialize};

/// Largest amount, in đồng, accepted for a year's fee.
pub const MAX_FEE: u64 = 10_000_000;

/// The fee for one year. One record per year: id `fee-rate-<year>`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeeRate {
    pub year: u16,
    /// In đồng.
    pub amount: u32,
}

impl FeeRate {
    pub fn id(year: u16) -> RecordId {
        RecordId::keyed(&["fee-rate", &year.to_string()]).expect("a short key")
    }

    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_count("amount", self.amount.into(), MAX_FEE, &mut out);
        out
    }
}

/// A member's fee paid for a year. One record per member and year: id
/// `fee-<year>-<member id>`. Deleting it marks the year unpaid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeePayment {
    pub member: RecordId,
    pub year: u16,
    pub paid_on: Date,
    /// In đồng.
    pub amount: u32,
}

impl FeePayment {
    pub fn id(member: &RecordId, year: u16) -> Option<RecordId> {
        RecordId::keyed(&["fee", &year.to_string(), member.as_str()])
    }

    pub fn problems(&self, today: Date) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        check_past("paid_on", self.paid_on, today, &mut out);
        check_count("amount", self.amount.into(), MAX_FEE, &mut out);
        out
    }
}
