//! The one error type of the print crate.

/// What can go wrong while rendering a document.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The data given to a template is not what it needs (e.g. not a JSON
    /// object, or a language code that is not a language code).
    #[error("bad data for the document: {0}")]
    Data(String),
    /// The typst source failed to compile; the message lists typst's
    /// diagnostics with their position in the source.
    #[error("the document template did not compile: {0}")]
    Template(String),
    /// The poster of `reference` does not fit on one page in `languages`
    /// languages at the text size asked for, even with its descriptions cut
    /// and its other blocks shortened: fewer languages are needed.
    #[error(
        "the offer {reference} does not fit on one page in {languages} languages at this text size: ask for fewer languages"
    )]
    DoesNotFit { reference: String, languages: usize },
    /// The laid-out document could not be written as PDF.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
