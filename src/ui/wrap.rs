//! How a row's text wraps into screen lines.
//!
//! Wrapping is done once per row and width, here, for both scrolling and drawing, so that the
//! two can never disagree about how tall a row is.

use super::contents::Contents;
use super::segments::{Segment, mark_differences, segments};
use crate::model::Pair;
use std::ops::Range;

/// One screen line of one side of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// A blank line between paragraphs.
    Blank,
    /// The speaker label opening a turn.
    Label { turn: usize },
    /// A stretch of a segment's text.
    Text { segment: usize, range: Range<usize> },
    /// The quiet stand-in where a row has no counterpart.
    Placeholder,
}

/// A side of a row, wrapped.
#[derive(Debug, Clone, Default)]
pub struct WrappedSide {
    pub segments: Vec<Segment>,
    pub lines: Vec<LineKind>,
}

/// Wraps a side of a row at `width`. A side with no sentences in a two-pane row shows a
/// placeholder line.
pub fn wrap(
    segments: Vec<Segment>,
    width: u16,
    breaks_before: bool,
    placeholder: bool,
) -> WrappedSide {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    if segments.is_empty() && !placeholder {
        return WrappedSide { segments, lines };
    }
    if breaks_before {
        lines.push(LineKind::Blank);
    }
    for (index, segment) in segments.iter().enumerate() {
        if segment.opens_turn {
            lines.push(LineKind::Label { turn: segment.turn });
        }
        let options = textwrap::Options::new(width)
            .break_words(true)
            .word_separator(word_separator(&segment.text));
        let mut search_from = 0;
        for line in textwrap::wrap(&segment.text, options) {
            let start = offset_in(&segment.text, &line, search_from);
            let range = start..start + line.len();
            search_from = range.end;
            lines.push(LineKind::Text {
                segment: index,
                range,
            });
        }
    }
    if segments.is_empty() && placeholder {
        lines.push(LineKind::Placeholder);
    }
    WrappedSide { segments, lines }
}

/// Where lines may break. Unicode's rules allow a break between any two Hangul syllables,
/// but Korean separates words with spaces and is read word by word (`애도`, not `애/도`), so
/// text with Hangul breaks at spaces only; a word wider than the pane is still cut.
fn word_separator(text: &str) -> textwrap::WordSeparator {
    let hangul = |c: char| matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}');
    if text.chars().any(hangul) {
        textwrap::WordSeparator::AsciiSpace
    } else {
        textwrap::WordSeparator::new()
    }
}

/// Where a wrapped line starts in the text it came from.
fn offset_in(text: &str, line: &str, search_from: usize) -> usize {
    let text_start = text.as_ptr() as usize;
    let line_start = line.as_ptr() as usize;
    if line_start >= text_start && line_start + line.len() <= text_start + text.len() {
        return line_start - text_start;
    }
    text[search_from.min(text.len())..]
        .find(line)
        .map_or(search_from, |at| search_from + at)
}

/// Both sides of a row wrapped for the screen, padded to the same height. A row with nothing
/// on the sides shown has height 0.
pub struct WrappedRow {
    pub sides: Pair<WrappedSide>,
    pub height: usize,
}

/// What decorates the text beyond annotations, and changes no line break. (Search hits are
/// marked as each line is drawn.)
#[derive(Debug, Clone, Default)]
pub struct Highlights {
    pub differences: bool,
}

/// Wraps the row `id` for the given pane widths (0: side not shown).
pub fn wrap_row(
    contents: &Contents,
    id: usize,
    widths: Pair<u16>,
    highlights: &Highlights,
) -> WrappedRow {
    let row = &contents.rows[id];
    let shown = Pair::from_fn(|side| widths[side] > 0 && contents.pane(side).is_some());
    let mut segments = Pair::from_fn(|side| segments(contents, row, side));
    let both_shown_with_text = shown.official
        && shown.other
        && !segments.official.is_empty()
        && !segments.other.is_empty();
    if highlights.differences && contents.same_language && both_shown_with_text {
        mark_differences(&mut segments);
    }
    // One side shown alone (a narrow terminal) skips the rows it has nothing in.
    let placeholder = shown.official && shown.other;
    let breaks_before = contents.breaks_before(id);
    let sides = Pair::from_fn(|side| {
        let segments = std::mem::take(&mut segments[side]);
        if shown[side] {
            wrap(segments, widths[side], breaks_before, placeholder)
        } else {
            WrappedSide::default()
        }
    });
    let height = sides.iter().map(|(_, s)| s.lines.len()).max().unwrap_or(0);
    WrappedRow { sides, height }
}

/// The height of the row `id` at the given widths, as [`wrap_row`] lays it out.
pub fn row_height(contents: &Contents, id: usize, widths: Pair<u16>) -> usize {
    wrap_row(contents, id, widths, &Highlights::default()).height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_wrap_within_the_width() {
        let segment = Segment {
            text: "한미 외교장관 공동 기자회견을 시작하겠습니다. 모두발언부터 듣겠습니다.".into(),
            ..Segment::default()
        };
        let wrapped = wrap(vec![segment.clone()], 12, false, false);
        for line in &wrapped.lines {
            if let LineKind::Text { range, .. } = line {
                let width = unicode_width::UnicodeWidthStr::width(&segment.text[range.clone()]);
                assert!(width <= 12, "{width}");
            }
        }
        assert!(wrapped.lines.len() >= 4);
    }

    #[test]
    fn korean_breaks_between_words() {
        let text = "조태열 외교부 장관은 뉴올리언스 참사 희생자들에게 깊은 애도를 표하고, 카터 전 대통령이 세계의 귀감이었습니다.";
        let segment = Segment {
            text: text.into(),
            ..Segment::default()
        };
        // Every word fits from 16 columns on (the longest, `귀감이었습니다.`, takes 15).
        for width in 16..40 {
            let wrapped = wrap(vec![segment.clone()], width, false, false);
            for line in &wrapped.lines {
                if let LineKind::Text { range, .. } = line {
                    let before = text[..range.start].chars().next_back();
                    assert!(
                        before.is_none_or(|c| c == ' '),
                        "at width {width} a line starts inside a word: {}",
                        &text[range.clone()]
                    );
                }
            }
        }
    }
}
