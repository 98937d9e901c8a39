//! Rendering for print and sharing. Today: the 1200×630 social card of an
//! offer as PNG (`card`), drawn with the DejaVu Sans fonts shipped in
//! `assets/fonts/`, with pure text fitting (`fit`) that wraps, shrinks and,
//! only as a last resort, ends a title with an ellipsis; and the 1080×1080
//! card of a weekly report (`report_card`).

mod canvas;
pub mod card;
pub mod fit;
pub mod fonts;
pub mod report_card;

pub use card::{Banner, OfferCard, render_offer_card};
pub use report_card::{ReportCard, render_report_card};
