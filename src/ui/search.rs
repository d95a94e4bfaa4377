//! Counting search hits over a whole document at key-press speed: every row's text is
//! case-folded once, into one string per side, and a query is one scan of each string.

use super::reader::Reader;

/// The folded text of every row, per side.
pub struct SearchIndex {
    /// Per side: each row's folded text followed by a line break, which no query contains,
    /// so no hit spans two rows.
    texts: Vec<String>,
    /// Per side: where each row's text starts in `texts`.
    starts: Vec<Vec<usize>>,
}

/// Lower case, one character for one, as [`super::layout::find_all`] compares.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

impl SearchIndex {
    pub fn new(reader: &Reader) -> Self {
        let (mut texts, mut starts) = (Vec::new(), Vec::new());
        for side in 0..reader.panes.len() {
            let (mut text, mut side_starts) =
                (String::new(), Vec::with_capacity(reader.rows.len()));
            for row in &reader.rows {
                side_starts.push(text.len());
                text.push_str(&fold(&reader.side_text(row, side)));
                text.push('\n');
            }
            texts.push(text);
            starts.push(side_starts);
        }
        SearchIndex { texts, starts }
    }

    /// The number of hits of `query` in each row (by row id), both sides together.
    pub fn counts(&self, query: &str) -> Vec<u32> {
        let query = fold(query);
        let mut counts = vec![0; self.starts.first().map_or(0, Vec::len)];
        if query.is_empty() {
            return counts;
        }
        for (text, starts) in self.texts.iter().zip(&self.starts) {
            for (at, _) in text.match_indices(&query) {
                let row = starts.partition_point(|&start| start <= at) - 1;
                counts[row] += 1;
            }
        }
        counts
    }
}
