//! Searching: what a query matches (plain text ignoring case, or a regular expression after
//! `\v`, as vim's "very magic" mode is written), and counting its hits over a whole document
//! at key-press speed: every row's text is case-folded once, into one string per side, and a
//! query is one scan of each string.

use super::contents::Contents;
use crate::model::Side;
use regex::{Regex, RegexBuilder};
use std::ops::Range;

/// What starts a regular expression in the search prompt.
pub const REGEX_PREFIX: &str = "\\v";

/// A query ready to match: plain text (lower case) or a regular expression, both ignoring
/// case.
#[derive(Debug, Clone)]
pub enum Matcher {
    Plain(String),
    Regex(Regex),
}

impl Matcher {
    /// The matcher for `query`; none for an empty query, an error naming the query when a
    /// regular expression does not parse.
    pub fn new(query: &str) -> Result<Option<Matcher>, String> {
        let Some(pattern) = query.strip_prefix(REGEX_PREFIX) else {
            return Ok((!query.is_empty()).then(|| Matcher::Plain(fold(query))));
        };
        if pattern.is_empty() {
            return Ok(None);
        }
        RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
            .map(|regex| Some(Matcher::Regex(regex)))
            .map_err(|error| {
                let reason = error.to_string();
                let last = reason.lines().last().unwrap_or_default().trim().to_string();
                format!("'{pattern}' is not a regular expression: {last}")
            })
    }

    /// Byte ranges of the matches in `text`, empty matches left out.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        match self {
            Matcher::Plain(needle) => find_all(text, needle),
            Matcher::Regex(regex) => regex
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| m.range())
                .collect(),
        }
    }

    /// The matches in `text` that touch `range`, cut to it. Only a window around the range
    /// is searched, so that drawing one line of a giant row costs no more than a short one.
    pub fn find_within(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        const MARGIN: usize = 256;
        let mut start = range.start.saturating_sub(MARGIN);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (range.end + MARGIN).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        self.find_all(&text[start..end])
            .into_iter()
            .map(|m| (m.start + start).max(range.start)..(m.end + start).min(range.end))
            .filter(|m| m.start < m.end)
            .collect()
    }
}

/// Lower case, one character for one, as [`find_all`] compares.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// Byte ranges of `needle` in `haystack`, ignoring case. `needle` must be folded.
pub fn find_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    if haystack.is_ascii() && needle.is_ascii() {
        let lower = haystack.to_ascii_lowercase();
        return lower
            .match_indices(needle)
            .map(|(at, m)| at..at + m.len())
            .collect();
    }
    let folded: Vec<(usize, char)> = haystack
        .char_indices()
        .map(|(at, c)| (at, c.to_lowercase().next().unwrap_or(c)))
        .collect();
    let wanted: Vec<char> = needle.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + wanted.len() <= folded.len() {
        if folded[i..i + wanted.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(wanted.iter().copied())
        {
            let end = folded
                .get(i + wanted.len())
                .map_or(haystack.len(), |(at, _)| *at);
            found.push(folded[i].0..end);
            i += wanted.len();
        } else {
            i += 1;
        }
    }
    found
}

/// The folded text of every row, per side.
pub struct SearchIndex {
    /// Per side read: the side, each row's folded text followed by a line break, which no
    /// plain query contains, so no hit spans two rows, and where each row's text starts.
    sides: Vec<(Side, String, Vec<usize>)>,
}

impl SearchIndex {
    pub fn new(contents: &Contents) -> Self {
        let mut sides = Vec::new();
        for (side, _) in contents.panes() {
            let (mut text, mut side_starts) =
                (String::new(), Vec::with_capacity(contents.rows.len()));
            for row in &contents.rows {
                side_starts.push(text.len());
                text.push_str(&fold(&contents.side_text(row, side)));
                text.push('\n');
            }
            sides.push((side, text, side_starts));
        }
        SearchIndex { sides }
    }

    /// The number of hits in each row (by row id), on the side `scope` names or both.
    pub fn counts(&self, matcher: &Matcher, scope: Option<Side>) -> Vec<u32> {
        let rows = self.sides.first().map_or(0, |(_, _, starts)| starts.len());
        let mut counts = vec![0; rows];
        for (side, text, starts) in &self.sides {
            let side = *side;
            if scope.is_some_and(|s| s != side) {
                continue;
            }
            let mut count = |at: usize| {
                let row = starts.partition_point(|&start| start <= at) - 1;
                counts[row] += 1;
            };
            match matcher {
                Matcher::Plain(needle) => text
                    .match_indices(needle.as_str())
                    .for_each(|(at, _)| count(at)),
                Matcher::Regex(regex) => regex
                    .find_iter(text)
                    .filter(|m| !m.is_empty())
                    .for_each(|m| count(m.start())),
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_in_any_script() {
        assert_eq!(find_all("Korea and KOREA", "korea"), [0..5, 10..15]);
        assert_eq!(find_all("Ünited ünited", "ünited"), [0..7, 8..15]);
        assert_eq!(find_all("한국과 한국", "한국"), [0..6, 10..16]);
    }

    #[test]
    fn a_leading_v_makes_a_regular_expression() {
        let regex = Matcher::new("\\vkorea(n)?\\b").unwrap().unwrap();
        assert_eq!(regex.find_all("Korean KOREA Koreas"), [0..6, 7..12]);
        let plain = Matcher::new("a.b").unwrap().unwrap();
        assert_eq!(plain.find_all("a.b axb A.B"), [0..3, 8..11]);
        let error = Matcher::new("\\v(unclosed").unwrap_err();
        assert!(
            error.contains("'(unclosed' is not a regular expression"),
            "{error}"
        );
        assert!(Matcher::new("\\v").unwrap().is_none());
        assert!(Matcher::new("").unwrap().is_none());
    }

    #[test]
    fn matches_within_a_line_are_cut_to_it() {
        let plain = Matcher::new("ab").unwrap().unwrap();
        assert_eq!(plain.find_within("xxab abxx", 3..7), [3..4, 5..7]);
    }
}
