//! Where things go on the screen, and how a row's text wraps into lines.
//!
//! Wrapping is done once per row and width, here, for both scrolling and drawing, so that the
//! two can never disagree about how tall a row is.

use super::reader::{OFFICIAL, OTHER, ReadRow, Reader, Side};
use crate::align::word_diff;
use crate::model::AnnotationKind;
use crate::sanitize;
use ratatui::layout::Rect;
use std::ops::Range;

/// Below this width two panes do not fit side by side: one is shown at a time.
pub const NARROW: u16 = 100;
/// Below this size the reader cannot be drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
const HEADER: u16 = 2;
const FOOTER: u16 = 1;
const GUTTER: u16 = 3;
/// The gutter's room for a row's time (`1:02:03` and a space) when a version has times.
pub const TIME_COLUMN: u16 = 8;
const MINIMAP: u16 = 1;

/// How the two panes of a pair are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Side by side when the terminal is at least [`NARROW`] columns wide, else one at a time.
    #[default]
    Auto,
    /// Always side by side.
    SideBySide,
    /// One pane at a time; Tab shows the other.
    Single,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Auto, Layout::SideBySide, Layout::Single];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::SideBySide => "side-by-side",
            Layout::Single => "single",
        }
    }

    fn side_by_side(self, width: u16) -> bool {
        match self {
            Layout::Auto => width >= NARROW,
            Layout::SideBySide => true,
            Layout::Single => false,
        }
    }
}

impl std::str::FromStr for Layout {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                format!("unknown layout '{name}' (expected auto, side-by-side or single)")
            })
    }
}

/// Columns the split between two panes moves per press of `<` or `>`, and how narrow a
/// pane may get.
const SPLIT_STEP: i16 = 4;
const NARROWEST_PANE: u16 = 20;

/// How the width is shared: where the split between two panes is moved to, whether the
/// other version is on the left, and whether the gutter holds each row's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Split {
    /// Steps the split is moved right of the middle (left when negative).
    pub steps: i16,
    pub swapped: bool,
    pub times: bool,
}

impl Split {
    /// The width of the left pane out of `inner` columns (the separator included), kept so
    /// that neither pane gets narrower than [`NARROWEST_PANE`].
    fn left_width(self, inner: u16) -> u16 {
        let middle = (inner - 1) / 2;
        let lowest = NARROWEST_PANE.min(middle);
        let highest = (inner - 1).saturating_sub(lowest).max(lowest);
        (i32::from(middle) + i32::from(self.steps) * i32::from(SPLIT_STEP))
            .clamp(i32::from(lowest), i32::from(highest)) as u16
    }
}

/// The parts of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    pub footer: Rect,
    pub gutter: Rect,
    /// The panes drawn, with the side each shows.
    pub panes: Vec<(Side, Rect)>,
    pub separator: Option<Rect>,
    pub minimap: Rect,
}

impl Screen {
    /// Lays out a `width` × `height` terminal; `None` when it is too small to use.
    pub fn new(
        width: u16,
        height: u16,
        pair: bool,
        (layout, split): (Layout, Split),
        focus: Side,
    ) -> Option<Screen> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let body_height = height - HEADER - FOOTER;
        let body_y = HEADER;
        let header = Rect::new(0, 0, width, HEADER);
        let footer = Rect::new(0, height - FOOTER, width, FOOTER);
        // Times take gutter room only where the text keeps most of the width.
        let gutter_width = if split.times && width >= 2 * MIN_WIDTH {
            GUTTER + TIME_COLUMN
        } else {
            GUTTER
        };
        let gutter = Rect::new(0, body_y, gutter_width, body_height);
        let minimap = Rect::new(width - MINIMAP, body_y, MINIMAP, body_height);
        let inner = width - gutter_width - MINIMAP;
        let (panes, separator) = if pair && layout.side_by_side(width) {
            let left = split.left_width(inner);
            let right = inner - 1 - left;
            let (first, second) = if split.swapped {
                (OTHER, OFFICIAL)
            } else {
                (OFFICIAL, OTHER)
            };
            (
                vec![
                    (first, Rect::new(gutter_width, body_y, left, body_height)),
                    (
                        second,
                        Rect::new(gutter_width + left + 1, body_y, right, body_height),
                    ),
                ],
                Some(Rect::new(gutter_width + left, body_y, 1, body_height)),
            )
        } else {
            let side = if pair { focus } else { OFFICIAL };
            (
                vec![(side, Rect::new(gutter_width, body_y, inner, body_height))],
                None,
            )
        };
        Some(Screen {
            header,
            footer,
            gutter,
            panes,
            separator,
            minimap,
        })
    }

    pub fn body_height(&self) -> usize {
        self.gutter.height as usize
    }

    /// The widths text wraps at, per side shown (0 for a side not shown).
    pub fn widths(&self) -> [u16; 2] {
        let mut widths = [0, 0];
        for (side, rect) in &self.panes {
            widths[*side] = rect.width;
        }
        widths
    }
}

/// How a stretch of a line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Note(AnnotationKind),
    SearchHit,
    DiffChanged,
}

/// The text of consecutive sentences of one turn on one side, ready to wrap.
#[derive(Debug, Clone, Default)]
pub struct Segment {
    pub turn: usize,
    /// A speaker label line goes first: the turn starts here.
    pub opens_turn: bool,
    /// Text made safe for the terminal.
    pub text: String,
    /// Marked stretches of `text`.
    pub marks: Vec<(Range<usize>, Mark)>,
    /// Where each sentence's text is in `text`.
    pub sentences: Vec<Range<usize>>,
}

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

/// Appends `raw` to `out` made safe, returning a map from byte offsets of `raw` to offsets in
/// `out` when they differ (only when `raw` held characters that had to be replaced).
fn push_visible(out: &mut String, raw: &str) -> Option<Vec<usize>> {
    if !raw.chars().any(sanitize::is_unsafe) {
        out.push_str(raw);
        return None;
    }
    let mut map = vec![0; raw.len() + 1];
    for (offset, c) in raw.char_indices() {
        for slot in &mut map[offset..offset + c.len_utf8()] {
            *slot = out.len();
        }
        if sanitize::is_unsafe(c) {
            out.push_str(&sanitize::stand_in(c));
        } else {
            out.push(c);
        }
    }
    map[raw.len()] = out.len();
    Some(map)
}

/// The segments of one side of a row: text, notes and annotation marks.
pub fn segments(reader: &Reader, row: &ReadRow, side: Side) -> Vec<Segment> {
    let Some(pane) = reader.panes.get(side) else {
        return Vec::new();
    };
    let mut segments: Vec<Segment> = Vec::new();
    for &r in &row.sides[side] {
        let Some(sentence) = pane.sentence(r) else {
            continue;
        };
        if segments.last().is_none_or(|s| s.turn != r.turn) {
            segments.push(Segment {
                turn: r.turn,
                opens_turn: r.sentence == 0,
                ..Segment::default()
            });
        }
        let Some(segment) = segments.last_mut() else {
            continue;
        };
        if !segment.text.is_empty() {
            segment.text.push(' ');
        }
        for note in pane.annotations(r).filter(|a| a.span.is_none()) {
            let start = segment.text.len();
            push_visible(&mut segment.text, &note.text);
            segment
                .marks
                .push((start..segment.text.len(), Mark::Note(note.kind)));
            segment.text.push(' ');
        }
        let start = segment.text.len();
        let map = push_visible(&mut segment.text, &sentence.text);
        let at =
            |offset: usize| start + map.as_ref().map_or(offset, |m| m[offset.min(m.len() - 1)]);
        for note in pane.annotations(r) {
            if let Some(span) = &note.span
                && span.end <= sentence.text.len()
            {
                segment
                    .marks
                    .push((at(span.start)..at(span.end), Mark::Note(note.kind)));
            }
        }
        segment.sentences.push(start..segment.text.len());
    }
    segments
}

/// Marks the word differences of a row (one language) on both sides' segments.
pub fn mark_differences(official: &mut [Segment], other: &mut [Segment]) {
    let text = |segments: &[Segment]| -> String {
        segments
            .iter()
            .flat_map(|s| s.sentences.iter().map(move |r| &s.text[r.clone()]))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (text(official), text(other));
    let (mut at_a, mut at_b) = (0, 0);
    let (mut changed_a, mut changed_b) = (Vec::new(), Vec::new());
    for piece in word_diff(&a, &b) {
        let length = piece.text.len();
        match piece.op {
            "delete" => {
                changed_a.push(at_a..at_a + length);
                at_a += length;
            }
            "insert" => {
                changed_b.push(at_b..at_b + length);
                at_b += length;
            }
            _ => {
                at_a += length;
                at_b += length;
            }
        }
    }
    place_marks(official, &changed_a, Mark::DiffChanged);
    place_marks(other, &changed_b, Mark::DiffChanged);
}

/// Puts ranges of the joined sentence text onto the segments they fall in.
fn place_marks(segments: &mut [Segment], ranges: &[Range<usize>], mark: Mark) {
    let mut offset = 0;
    for segment in segments {
        for sentence in segment.sentences.clone() {
            let length = sentence.len();
            for range in ranges {
                let start = range.start.max(offset);
                let end = range.end.min(offset + length);
                if start < end {
                    let shift = |x: usize| sentence.start + x - offset;
                    segment.marks.push((shift(start)..shift(end), mark));
                }
            }
            offset += length + 1;
        }
    }
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
    pub sides: [WrappedSide; 2],
    pub height: usize,
}

/// What decorates the text beyond annotations, and changes no line break. (Search hits are
/// marked as each line is drawn.)
#[derive(Debug, Clone, Default)]
pub struct Highlights {
    pub differences: bool,
}

/// Wraps a row for the given pane widths (0: side not shown).
pub fn wrap_row(
    reader: &Reader,
    row: &ReadRow,
    widths: [u16; 2],
    highlights: &Highlights,
) -> WrappedRow {
    let mut segments = [
        segments(reader, row, OFFICIAL),
        segments(reader, row, OTHER),
    ];
    let shown = |side: usize| widths[side] > 0 && side < reader.panes.len();
    if highlights.differences && reader.same_language && shown(OFFICIAL) && shown(OTHER) {
        let [official, other] = &mut segments;
        if !official.is_empty() && !other.is_empty() {
            mark_differences(official, other);
        }
    }
    let [official, other] = segments;
    // One side shown alone (a narrow terminal) skips the rows it has nothing in.
    let placeholder = shown(OFFICIAL) && shown(OTHER);
    let sides = [
        if shown(OFFICIAL) {
            wrap(official, widths[OFFICIAL], row.breaks_before, placeholder)
        } else {
            WrappedSide::default()
        },
        if shown(OTHER) {
            wrap(other, widths[OTHER], row.breaks_before, placeholder)
        } else {
            WrappedSide::default()
        },
    ];
    let height = sides.iter().map(|s| s.lines.len()).max().unwrap_or(0);
    WrappedRow { sides, height }
}

/// The height of a row at the given widths, as [`wrap_row`] lays it out.
pub fn row_height(reader: &Reader, row: &ReadRow, widths: [u16; 2]) -> usize {
    wrap_row(reader, row, widths, &Highlights::default()).height
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
