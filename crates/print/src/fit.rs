//! Fitting text in a box: greedy word wrapping at the largest size whose
//! lines fit; at the smallest size, the text that still does not fit is cut
//! after a whole word and ends with "…". A single word wider than the box is
//! the only thing ever cut inside, and it too ends with "…".

/// The ellipsis that ends cut text.
pub const ELLIPSIS: char = '…';

/// Text set in lines at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub size: f32,
    pub lines: Vec<String>,
    /// True when some text was left out (the last line ends with "…").
    pub cut: bool,
}

/// The box and the sizes to try.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub max_size: f32,
    pub min_size: f32,
    /// Step between tried sizes.
    pub step: f32,
}

impl Frame {
    fn max_lines(&self, size: f32) -> usize {
        ((self.height / (size * self.leading)).floor() as usize).max(1)
    }
}

/// Fits `text` in `frame`; `measure(size, s)` is the width of `s` at `size`.
pub fn fit(text: &str, frame: &Frame, measure: impl Fn(f32, &str) -> f32) -> Fitted {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut size = frame.max_size;
    while size > frame.min_size {
        let m = |s: &str| measure(size, s);
        if let Some(lines) = wrap(&words, frame.width, &m)
            && lines.len() <= frame.max_lines(size)
        {
            return Fitted {
                size,
                lines,
                cut: false,
            };
        }
        size -= frame.step;
    }
    let size = frame.min_size;
    let m = |s: &str| measure(size, s);
    let max_lines = frame.max_lines(size);
    let mut lines = Vec::new();
    let mut cut = false;
    let mut line = String::new();
    for word in &words {
        let candidate = if line.is_empty() {
            (*word).to_string()
        } else {
            format!("{line} {word}")
        };
        if m(&candidate) <= frame.width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if lines.len() == max_lines {
            cut = true;
            break;
        }
        if m(word) <= frame.width {
            line = (*word).to_string();
        } else {
            // A word wider than the box: its start, with an ellipsis.
            lines.push(shorten(word, frame.width, &m));
            cut = true;
            line.clear();
            if lines.len() == max_lines {
                break;
            }
        }
    }
    if !line.is_empty() && lines.len() < max_lines {
        lines.push(line);
    }
    if cut
        && let Some(last) = lines.last_mut()
        && !last.ends_with(ELLIPSIS)
    {
        *last = with_ellipsis(last, frame.width, &m);
    }
    Fitted { size, lines, cut }
}

/// Greedy wrapping; `None` when a single word is wider than `width`.
fn wrap(words: &[&str], width: f32, m: &impl Fn(&str) -> f32) -> Option<Vec<String>> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words {
        if m(word) > width {
            return None;
        }
        let candidate = if line.is_empty() {
            (*word).to_string()
        } else {
            format!("{line} {word}")
        };
        if m(&candidate) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, (*word).to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// `line` with "…" added, dropping whole words from its end until it fits.
fn with_ellipsis(line: &str, width: f32, m: &impl Fn(&str) -> f32) -> String {
    let mut words: Vec<&str> = line.split(' ').collect();
    loop {
        let candidate = format!("{}{ELLIPSIS}", words.join(" "));
        if m(&candidate) <= width || words.len() == 1 {
            if m(&candidate) <= width {
                return candidate;
            }
            return shorten(words[0], width, m);
        }
        words.pop();
    }
}

/// The longest start of `word` that fits in `width` with "…" after it.
fn shorten(word: &str, width: f32, m: &impl Fn(&str) -> f32) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let candidate = format!("{out}{c}{ELLIPSIS}");
        if m(&candidate) > width {
            break;
        }
        out.push(c);
    }
    out.push(ELLIPSIS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A monospace font: every character is `size / 2` wide.
    fn mono(size: f32, s: &str) -> f32 {
        s.chars().count() as f32 * size / 2.0
    }

    fn frame() -> Frame {
        // 20 characters a line at size 10, 10 at size 20; two lines at 20, five at 10.
        Frame {
            width: 100.0,
            height: 50.0,
            leading: 1.0,
            max_size: 20.0,
            min_size: 10.0,
            step: 2.0,
        }
    }

    #[test]
    fn short_text_stays_at_the_largest_size_on_one_line() {
        let f = fit("Cuoco", &frame(), mono);
        assert_eq!(
            f,
            Fitted {
                size: 20.0,
                lines: vec!["Cuoco".into()],
                cut: false
            }
        );
    }

    #[test]
    fn longer_text_wraps_then_shrinks() {
        let f = fit("Cameriere di sala", &frame(), mono);
        assert_eq!(f.size, 20.0);
        assert_eq!(f.lines, ["Cameriere", "di sala"]);
        let f = fit("Addetto alle pulizie di uffici e negozi", &frame(), mono);
        assert!(f.size < 20.0 && !f.cut, "{f:?}");
        assert_eq!(f.lines.join(" "), "Addetto alle pulizie di uffici e negozi");
        for line in &f.lines {
            assert!(mono(f.size, line) <= 100.0, "{line}");
        }
    }

    #[test]
    fn too_long_text_is_cut_after_a_whole_word_with_an_ellipsis() {
        let text = "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici \
                    quattordici quindici sedici diciassette diciotto diciannove venti";
        let f = fit(text, &frame(), mono);
        assert_eq!(f.size, 10.0);
        assert!(f.cut);
        assert_eq!(f.lines.len(), 5);
        let last = f.lines.last().unwrap();
        assert!(last.ends_with('…'), "{last}");
        // Every word shown is a whole word of the text.
        let shown = f.lines.join(" ");
        for word in shown.trim_end_matches('…').split(' ') {
            assert!(text.split(' ').any(|w| w == word), "{word} was cut");
        }
        for line in &f.lines {
            assert!(mono(10.0, line) <= 100.0, "{line}");
        }
    }

    #[test]
    fn a_word_wider_than_the_box_is_shortened_with_an_ellipsis() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitän";
        let f = fit(word, &frame(), mono);
        assert_eq!(f.size, 10.0);
        assert!(f.cut);
        assert_eq!(f.lines.len(), 1);
        assert!(f.lines[0].ends_with('…'));
        assert_eq!(f.lines[0].chars().count(), 20);
        assert!(word.starts_with(f.lines[0].trim_end_matches('…')));
    }

    #[test]
    fn empty_text_gives_no_lines() {
        let f = fit("   ", &frame(), mono);
        assert!(f.lines.is_empty() && !f.cut);
    }
}
