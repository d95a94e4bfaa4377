//! From a format's raw pieces (wrapped lines, subtitle cues, JSON segments) to a [`Turn`]:
//! reflow, markup, annotations, sentences and times. Every format parser ends here, so the
//! text rules are the same whatever the file looked like.

use super::annotate::{self, Found};
use super::reflow::{self, SourceLine};
use super::sentences;
use crate::model::{
    Annotation, AnnotationKind, LineRange, Paragraph, Sentence, SpeakerId, TimeSpan, Turn,
};
use std::ops::Range;

/// A run of source text: a wrapped line, a subtitle cue, a JSON segment.
#[derive(Debug, Clone)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub time: Option<TimeSpan>,
}

impl<'a> Piece<'a> {
    pub fn untimed(text: &'a str) -> Self {
        Piece { text, time: None }
    }
}

/// Markup a format uses for marked spans, whose delimiters are not text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markup {
    /// `*...*` marks text absent from the recording (the State Department's red asterisks).
    pub red_asterisks: bool,
    /// `<s>...</s>` marks withdrawn text (White House corrections).
    pub struck_tags: bool,
}

/// A turn of hard-wrapped text: its label as written, its speaker, the line the label is on,
/// and the lines of its speech.
pub struct WrappedTurn<'a> {
    pub label: &'a str,
    pub speaker: SpeakerId,
    pub first_line: usize,
    pub body: Range<usize>,
    /// When the turn starts and ends, where the label gives it (`Speaker 1 (00:00:01):`).
    pub time: Option<TimeSpan>,
}

/// Below this many lines, a second thread costs more than it saves.
const PARALLEL_LINES: usize = 4000;

/// Builds the turns of hard-wrapped `lines`, half of them on a second thread when there are
/// enough: each turn depends only on its own lines. Each thread frees only what it allocated,
/// so the two never wait for each other's allocator.
pub fn wrapped_turns(
    lines: &[SourceLine<'_>],
    turns: &[WrappedTurn<'_>],
    width: usize,
    markup: Markup,
) -> Vec<Turn> {
    let build = |turns: &[WrappedTurn<'_>]| -> Vec<Turn> {
        turns
            .iter()
            .map(|turn| {
                let mut draft = TurnDraft::new(turn.label, Some(turn.speaker), turn.first_line);
                draft.push_wrapped(&lines[turn.body.clone()], width, markup);
                let mut finished = draft.finish();
                finished.time = turn.time;
                finished
            })
            .collect()
    };
    if lines.len() < PARALLEL_LINES {
        return build(turns);
    }
    let middle = crate::parallel::middle(turns, |turn| turn.body.len());
    let (mut first, second) =
        crate::parallel::join(|| build(&turns[..middle]), || build(&turns[middle..]));
    first.extend(second);
    first
}

/// A turn being built, paragraph by paragraph.
#[derive(Debug)]
pub struct TurnDraft {
    turn: Turn,
    /// A red-asterisk span opened in an earlier paragraph and not yet closed.
    asterisk_open: bool,
}

impl TurnDraft {
    pub fn new(label: &str, speaker: Option<SpeakerId>, first_line: usize) -> Self {
        TurnDraft {
            turn: Turn {
                speaker,
                label: label.trim().to_string(),
                paragraphs: Vec::new(),
                annotations: Vec::new(),
                lines: LineRange {
                    first: first_line,
                    last: first_line,
                },
                time: None,
            },
            asterisk_open: false,
        }
    }

    pub fn speaker(&self) -> Option<SpeakerId> {
        self.turn.speaker
    }

    /// Extends the turn's source range to include `line`.
    pub fn touch_line(&mut self, line: usize) {
        self.turn.lines.last = self.turn.lines.last.max(line);
    }

    /// Adds the paragraphs of hard-wrapped `lines` (see [`reflow::paragraphs`]).
    pub fn push_wrapped(&mut self, lines: &[SourceLine<'_>], width: usize, markup: Markup) {
        let mut pieces = Vec::new();
        for paragraph in reflow::paragraphs(lines, width) {
            pieces.clear();
            pieces.extend(paragraph.iter().map(|line| Piece::untimed(line.text)));
            self.push_paragraph(&pieces, markup);
            if let Some(last) = paragraph.last() {
                self.touch_line(last.number);
            }
        }
    }

    /// Adds a paragraph made of `pieces`, joined as wrapped lines are.
    pub fn push_paragraph(&mut self, pieces: &[Piece<'_>], markup: Markup) {
        let mut edit = Edit::join(pieces);
        if markup.struck_tags {
            edit.mark_delimited("<s>", "</s>", AnnotationKind::Struck);
        }
        if markup.red_asterisks {
            self.asterisk_open = edit.mark_asterisks(self.asterisk_open);
        }
        let leading = edit.take_leading_notes();
        let inline = annotate::find_inline(&edit.text);
        let protected: Vec<Range<usize>> = inline.iter().map(|f| f.range.clone()).collect();
        let ranges = sentences::split(&edit.text, &protected);
        if ranges.is_empty() {
            return;
        }
        let paragraph_index = self.turn.paragraphs.len();
        for (kind, text) in leading {
            self.turn.annotations.push(Annotation {
                kind,
                text,
                paragraph: paragraph_index,
                sentence: 0,
                span: None,
            });
        }
        let marked = edit
            .marks
            .iter()
            .map(|(kind, range)| (*kind, range.clone()));
        let spans = inline.into_iter().map(|f| (f.kind, f.range)).chain(marked);
        for (kind, range) in spans {
            for (sentence_index, sentence) in ranges.iter().enumerate() {
                let start = range.start.max(sentence.start);
                let end = range.end.min(sentence.end);
                if start < end {
                    self.turn.annotations.push(Annotation {
                        kind,
                        text: edit.text[start..end].to_string(),
                        paragraph: paragraph_index,
                        sentence: sentence_index,
                        span: Some(start - sentence.start..end - sentence.start),
                    });
                }
            }
        }
        let sentences = ranges
            .iter()
            .map(|range| Sentence {
                text: edit.text[range.clone()].to_string(),
                time: edit.time_of(range).map(Box::new),
            })
            .collect();
        self.extend_time(pieces);
        self.turn.paragraphs.push(Paragraph { sentences });
    }

    fn extend_time(&mut self, pieces: &[Piece<'_>]) {
        for time in pieces.iter().filter_map(|p| p.time) {
            let span = self.turn.time.get_or_insert(time);
            span.start = span.start.min(time.start);
            span.end = match (span.end, time.end) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
        }
    }

    pub fn is_empty(&self) -> bool {
        self.turn.paragraphs.is_empty()
    }

    pub fn finish(mut self) -> Turn {
        self.turn
            .annotations
            .sort_by_key(|a| (a.paragraph, a.sentence, a.span.as_ref().map(|s| s.start)));
        self.turn
    }
}

/// A paragraph's text while delimiters and notes are taken out, keeping piece offsets (for
/// times) and marked spans in step with the text.
struct Edit {
    text: String,
    /// Start offset and time of each piece.
    pieces: Vec<(usize, Option<TimeSpan>)>,
    marks: Vec<(AnnotationKind, Range<usize>)>,
}

impl Edit {
    fn join(pieces: &[Piece<'_>]) -> Edit {
        let (text, starts) = reflow::join_lines(pieces.iter().map(|piece| piece.text));
        let pieces = starts
            .into_iter()
            .zip(pieces.iter().map(|piece| piece.time));
        Edit {
            text,
            pieces: pieces.collect(),
            marks: Vec::new(),
        }
    }

    /// Removes byte ranges (sorted, disjoint) from the text, shifting every offset after them.
    fn remove(&mut self, removals: &[Range<usize>]) {
        if removals.is_empty() {
            return;
        }
        let shift = |offset: usize| -> usize {
            let removed: usize = removals
                .iter()
                .map(|r| r.end.min(offset).saturating_sub(r.start))
                .sum();
            offset - removed
        };
        let mut text = String::with_capacity(self.text.len());
        let mut kept_from = 0;
        for removal in removals {
            text.push_str(&self.text[kept_from..removal.start]);
            kept_from = removal.end;
        }
        text.push_str(&self.text[kept_from..]);
        for piece in &mut self.pieces {
            piece.0 = shift(piece.0);
        }
        for (_, range) in &mut self.marks {
            *range = shift(range.start)..shift(range.end);
        }
        self.text = text;
    }

    /// Marks spans between `open` and `close` and removes the delimiters.
    fn mark_delimited(&mut self, open: &str, close: &str, kind: AnnotationKind) {
        let mut removals = Vec::new();
        let mut spans = Vec::new();
        let mut from = 0;
        while let Some(start) = self.text[from..].find(open).map(|i| from + i) {
            let inner = start + open.len();
            let Some(end) = self.text[inner..].find(close).map(|i| inner + i) else {
                break;
            };
            removals.push(start..inner);
            removals.push(end..end + close.len());
            spans.push(start..end + close.len());
            from = end + close.len();
        }
        self.mark_and_remove(kind, spans, &removals);
    }

    /// Marks text between asterisks as unverified. Returns whether a span is still open at the
    /// end of the paragraph (it continues in the next one).
    fn mark_asterisks(&mut self, mut open: bool) -> bool {
        let mut removals = Vec::new();
        let mut spans = Vec::new();
        let mut span_start = 0;
        for (offset, _) in self.text.match_indices('*') {
            removals.push(offset..offset + 1);
            if open {
                spans.push(span_start..offset + 1);
            } else {
                span_start = offset;
            }
            open = !open;
        }
        if open {
            spans.push(span_start..self.text.len());
        }
        self.mark_and_remove(AnnotationKind::Unverified, spans, &removals);
        open
    }

    fn mark_and_remove(
        &mut self,
        kind: AnnotationKind,
        spans: Vec<Range<usize>>,
        removals: &[Range<usize>],
    ) {
        self.marks
            .extend(spans.into_iter().map(|range| (kind, range)));
        self.remove(removals);
        self.marks.retain(|(_, range)| range.start < range.end);
        let text = &self.text;
        for (_, range) in &mut self.marks {
            trim_range(text, range);
        }
        self.marks.retain(|(_, range)| range.start < range.end);
    }

    /// Takes out delivery notes that open the paragraph, returning them as written.
    fn take_leading_notes(&mut self) -> Vec<(AnnotationKind, String)> {
        let notes = annotate::leading_delivery_notes(&self.text);
        let Some(last) = notes.last() else {
            return Vec::new();
        };
        let rest = &self.text[last.range.end..];
        let speech_start = last.range.end + (rest.len() - rest.trim_start().len());
        let taken = notes
            .iter()
            .map(|Found { kind, range }| (*kind, self.text[range.clone()].to_string()))
            .collect();
        self.remove(std::slice::from_ref(&(0..speech_start)));
        taken
    }

    /// The time of the pieces a sentence starts and ends in.
    fn time_of(&self, range: &Range<usize>) -> Option<TimeSpan> {
        let piece_at = |offset: usize| {
            let index = self.pieces.partition_point(|(start, _)| *start <= offset);
            self.pieces.get(index.checked_sub(1)?)?.1
        };
        let first = piece_at(range.start)?;
        let last = piece_at(range.end.saturating_sub(1)).unwrap_or(first);
        Some(TimeSpan {
            start: first.start,
            end: last.end.or(first.end),
        })
    }
}

/// Shrinks a range to exclude white space at either end.
fn trim_range(text: &str, range: &mut Range<usize>) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading + trailing >= slice.len() {
        range.end = range.start;
    } else {
        range.start += leading;
        range.end -= trailing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(lines: &[&str], markup: Markup) -> Turn {
        let mut draft = TurnDraft::new("MODERATOR", None, 1);
        let pieces: Vec<Piece> = lines.iter().map(|l| Piece::untimed(l)).collect();
        draft.push_paragraph(&pieces, markup);
        draft.finish()
    }

    #[test]
    fn leading_notes_leave_the_text_inline_ones_stay() {
        let turn = turn(
            &[
                "[Via interpreter] Good afternoon. It was explosive",
                "(inaudible), and that is all.",
            ],
            Markup::default(),
        );
        let texts: Vec<_> = turn.sentences().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Good afternoon.",
                "It was explosive (inaudible), and that is all."
            ]
        );
        assert_eq!(turn.annotations[0].text, "[Via interpreter]");
        assert_eq!(turn.annotations[0].span, None);
        let inaudible = &turn.annotations[1];
        assert_eq!(inaudible.kind, AnnotationKind::Inaudible);
        assert_eq!(&texts[1][inaudible.span.clone().unwrap()], "(inaudible)");
    }

    #[test]
    fn red_asterisks_mark_spans_across_sentences() {
        let markup = Markup {
            red_asterisks: true,
            ..Markup::default()
        };
        let turn = turn(
            &["Next, *we will open up the floor. From Korea* Daily, Moon."],
            markup,
        );
        let texts: Vec<_> = turn.sentences().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Next, we will open up the floor.",
                "From Korea Daily, Moon."
            ]
        );
        let marked: Vec<_> = turn.annotations.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(marked, ["we will open up the floor.", "From Korea"]);
    }

    #[test]
    fn struck_text_is_kept_and_marked() {
        let markup = Markup {
            struck_tags: true,
            ..Markup::default()
        };
        let turn = turn(&["violation of <s>U.S.</s> [U.N.] sanctions."], markup);
        assert_eq!(
            turn.paragraphs[0].sentences[0].text,
            "violation of U.S. [U.N.] sanctions."
        );
        let kinds: Vec<_> = turn
            .annotations
            .iter()
            .map(|a| (a.kind, a.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (AnnotationKind::Struck, "U.S."),
                (AnnotationKind::Editorial, "[U.N.]")
            ]
        );
    }

    #[test]
    fn sentences_take_the_times_of_their_pieces() {
        let mut draft = TurnDraft::new("Travis", None, 1);
        let at = |start, end| {
            Some(TimeSpan {
                start,
                end: Some(end),
            })
        };
        draft.push_paragraph(
            &[
                Piece {
                    text: "When you first get",
                    time: at(0.0, 2.0),
                },
                Piece {
                    text: "started. It is",
                    time: at(2.0, 4.0),
                },
                Piece {
                    text: "easy.",
                    time: at(4.0, 6.0),
                },
            ],
            Markup::default(),
        );
        let turn = draft.finish();
        let times: Vec<_> = turn
            .sentences()
            .map(|s| *s.time.as_deref().unwrap())
            .collect();
        assert_eq!(
            times[0],
            TimeSpan {
                start: 0.0,
                end: Some(4.0)
            }
        );
        assert_eq!(
            times[1],
            TimeSpan {
                start: 2.0,
                end: Some(6.0)
            }
        );
        assert_eq!(
            turn.time,
            Some(TimeSpan {
                start: 0.0,
                end: Some(6.0)
            })
        );
    }
}
