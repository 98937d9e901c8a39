//! Progress bars for long command-line work, drawn on standard error only
//! when it is a terminal: quiet in scripts, pipes, CI and tests.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Whether progress is worth drawing: standard error is a terminal.
fn visible() -> bool {
    std::io::stderr().is_terminal()
}

/// A bar counting `len` items, labelled with `what` (e.g. "checking").
pub fn bar(len: u64, what: &'static str) -> ProgressBar {
    if !visible() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what);
    bar
}

/// A spinner for one step whose length is unknown (e.g. a transaction).
pub fn spinner(what: &'static str) -> ProgressBar {
    if !visible() {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    spinner.set_style(style);
    spinner.set_message(what);
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}
