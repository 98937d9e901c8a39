//! A centre's appointments by week as an SVG bar chart: one bar a week,
//! stacked as attended, not shown and still booked, with the week under it.
//! The page puts the same numbers in a table beside it, which is what a
//! screen reader reads: the chart is an image with a title and a summary.

use sportello_domain::{ActivityCounts, Lang};

use super::CentreFigures;
use crate::i18n::{args, msg, msg_args};
use crate::xml::escape;

const BAR: u32 = 28;
const GAP: u32 = 12;
const LEFT: u32 = 40;
const TOP: u32 = 10;
const PLOT: u32 = 150;
const BOTTOM: u32 = 30;

/// The parts of a bar, bottom up, with their CSS class (the page's legend
/// uses the same classes).
fn parts(c: &ActivityCounts) -> [(&'static str, u32); 3] {
    [
        ("bar-attended", c.attended),
        ("bar-no-show", c.no_show),
        ("bar-booked", c.booked),
    ]
}

/// The chart of `figures`, its elements' ids made unique with `id`.
pub fn appointments_chart(lang: Lang, figures: &CentreFigures, id: &str) -> String {
    let weeks = &figures.weeks;
    let count = u32::try_from(weeks.len()).unwrap_or(u32::MAX);
    let width = LEFT + count * (BAR + GAP) + GAP;
    let height = TOP + PLOT + BOTTOM;
    let max = weeks.iter().map(|(_, c)| c.appointments()).max().unwrap_or(0).max(1);
    let title = escape(&msg_args(
        lang,
        "figures-chart-title",
        &args(&[("centre", figures.centre.data.name.as_str().into())]),
    ));
    let desc = escape(&msg_args(
        lang,
        "figures-chart-desc",
        &args(&[
            ("count", i64::from(figures.total.appointments()).into()),
            ("weeks", i64::from(count).into()),
        ]),
    ));
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>"
    );
    let base = TOP + PLOT;
    svg.push_str(&format!(
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{base}\" x2=\"{width}\" y2=\"{base}\"/>\
         <text class=\"scale\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{max}</text>\
         <text class=\"scale\" x=\"{}\" y=\"{base}\" text-anchor=\"end\">0</text>",
        LEFT - 6,
        TOP + 10,
        LEFT - 6
    ));
    for (i, (week, c)) in weeks.iter().enumerate() {
        let x = LEFT + GAP + u32::try_from(i).unwrap_or(0) * (BAR + GAP);
        let mut y = base;
        for (class, value) in parts(c) {
            let h = value * PLOT / max;
            if h == 0 {
                continue;
            }
            y -= h;
            svg.push_str(&format!(
                "<rect class=\"{class}\" x=\"{x}\" y=\"{y}\" width=\"{BAR}\" height=\"{h}\"/>"
            ));
        }
        svg.push_str(&format!(
            "<text class=\"week\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">W{:02}</text>",
            x + BAR / 2,
            base + 18,
            week.number()
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The legend's entries: CSS class and words.
pub fn legend(lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        ("bar-attended", msg(lang, "figures-attended")),
        ("bar-no-show", msg(lang, "figures-no-show")),
        ("bar-booked", msg(lang, "figures-booked")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::reports::IsoWeek;

    #[test]
    fn bars_are_scaled_to_the_busiest_week() {
        let centre = crate::markup::fixtures::centre();
        let busy = ActivityCounts {
            attended: 6,
            no_show: 2,
            booked: 2,
            ..Default::default()
        };
        let quiet = ActivityCounts {
            attended: 5,
            ..Default::default()
        };
        let w = |s| IsoWeek::parse(s).unwrap();
        let figures = CentreFigures {
            centre,
            weeks: vec![(w("2026-W48"), busy), (w("2026-W49"), quiet)],
            total: busy,
        };
        let svg = appointments_chart(Lang::En, &figures, "c1");
        assert!(svg.starts_with("<svg class=\"chart\" role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
        // 150 px for 10 appointments: 90 + 30 + 30, then 75.
        assert!(
            svg.contains("class=\"bar-attended\" x=\"52\" y=\"70\" width=\"28\" height=\"90\""),
            "{svg}"
        );
        assert!(svg.contains("class=\"bar-booked\" x=\"52\" y=\"10\""), "{svg}");
        assert!(
            svg.contains("class=\"bar-attended\" x=\"92\" y=\"85\" width=\"28\" height=\"75\""),
            "{svg}"
        );
        assert!(svg.contains(">W48<") && svg.contains(">W49<"));
        assert!(svg.contains(">10</text>"), "the scale's top");
    }
}
