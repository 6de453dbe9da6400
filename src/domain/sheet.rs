//! A table to be written as a spreadsheet: a title, column names, and rows of
//! text or numbers. The interface builds one; the xlsx worker writes it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
}

impl Cell {
    /// The cell as text: numbers as Rust writes them, with no needless
    /// «.0» (1985, 912345678, 75.5).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The worksheet's title line (unit and period).
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}
