//! The weekly report of an area's offers: the ISO week it covers, the
//! sub-areas of the territory it counts positions by, and its figures.

mod figures;
mod subareas;
mod week;

pub use figures::{
    Count, ListedOffer, SubAreaCount, TOP_OCCUPATIONS, Totals, WeeklyFigures, open_during, percent_change,
};
pub use subareas::{AreaConfig, AreaConfigError, SubArea};
pub use week::{IsoWeek, WeekError};
