//! A row's text on one side as segments ready to wrap: made safe for the terminal, with the
//! stretches to mark (notes, search hits, changed words) located in it.

use super::contents::Contents;
use crate::align::Row;
use crate::align::word_diff;
use crate::model::AnnotationKind;
use crate::model::{Pair, Side};
use crate::sanitize;
use std::ops::Range;

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

/// Appends `raw` to `out` made safe, returning a map from byte offsets of `raw` to offsets in
/// `out` when they differ (only when `raw` held characters that had to be replaced).
fn push_visible(out: &mut String, raw: &str) -> Option<Vec<usize>> {
    if !sanitize::has_unsafe(raw) {
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
pub fn segments(contents: &Contents, row: &Row, side: Side) -> Vec<Segment> {
    let Some(pane) = contents.pane(side) else {
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
pub fn mark_differences(segments: &mut Pair<Vec<Segment>>) {
    let text = |segments: &[Segment]| -> String {
        segments
            .iter()
            .flat_map(|s| s.sentences.iter().map(move |r| &s.text[r.clone()]))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let texts = segments.as_ref().map(|side| text(side));
    let mut at = Pair::new(0, 0);
    let mut changed: Pair<Vec<Range<usize>>> = Pair::default();
    for piece in word_diff(&texts.official, &texts.other) {
        let length = piece.text.len();
        let only_on = match piece.op {
            "delete" => Some(Side::Official),
            "insert" => Some(Side::Other),
            _ => None,
        };
        match only_on {
            Some(side) => {
                changed[side].push(at[side]..at[side] + length);
                at[side] += length;
            }
            None => {
                at.official += length;
                at.other += length;
            }
        }
    }
    for side in Side::BOTH {
        place_marks(&mut segments[side], &changed[side], Mark::DiffChanged);
    }
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
