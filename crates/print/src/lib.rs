//! Rendering for print and sharing: PDF documents laid out by typst (`pdf`:
//! the engine, QR codes as SVG), and the 1200×630 social card of an offer as
//! PNG (`card`), drawn with the DejaVu Sans fonts shipped in `assets/fonts/`,
//! with pure text fitting (`fit`) that wraps, shrinks and, only as a last
//! resort, ends a title with an ellipsis; and the weekly report as a PDF
//! (`report`) and as a 1080×1080 card (`report_card`); a person's CV as a
//! PDF (`cv`).

pub mod board;
mod canvas;
pub mod card;
pub mod cv;
mod error;
pub mod fit;
pub mod fonts;
pub mod pdf;
pub mod poster;
pub mod report;
pub mod report_card;

pub use board::{Board, BoardOffer, BoardSection, CoverBlock, render_board};
pub use card::{Banner, OfferCard, render_offer_card};
pub use cv::{CvDocument, CvEntry, CvPdfSection, render_cv};
pub use error::PrintError;
pub use pdf::{PdfMeta, qr_svg, render_pdf};
pub use poster::{Poster, PosterBanner, PosterBlock, PosterCentre, render_poster};
pub use report::{ReportDocument, ReportTable, render_report};
pub use report_card::{ReportCard, render_report_card};
