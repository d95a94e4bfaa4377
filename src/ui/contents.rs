//! What the reader shows, built once: the two versions (or one alone) as panes, the rows
//! (the alignment's rows, or a paragraph each for a single transcript), the speakers with
//! their colours.

use crate::align::{Alignment, Flags, MetadataChange, Row, RowSentences};
use crate::model::{
    Annotation, Located, Pair, Sentence, SentenceIndex, SentenceRef, Side, SpeakerId, Transcript,
};

/// One transcript as the reader uses it.
pub struct Pane {
    pub transcript: Transcript,
    pub index: SentenceIndex,
    /// Per speaker id, the speaker entry it belongs to.
    entry_of: Vec<Option<usize>>,
}

impl Pane {
    fn new(transcript: Transcript) -> Self {
        let entry_of = vec![None; transcript.speakers.len()];
        Pane {
            index: SentenceIndex::new(&transcript),
            transcript,
            entry_of,
        }
    }

    pub fn sentence(&self, r: SentenceRef) -> Option<&Sentence> {
        self.locate(r).map(|located| located.sentence)
    }

    /// The annotations of a sentence: those standing before it (`[Via interpreter]`, no
    /// span) and those inside it (with a byte span).
    pub fn annotations(&self, r: SentenceRef) -> impl Iterator<Item = &Annotation> {
        let located = self.locate(r);
        located
            .into_iter()
            .flat_map(|located| located.annotations())
    }

    /// Whether the sentence opens a paragraph.
    pub fn opens_paragraph(&self, r: SentenceRef) -> bool {
        self.locate(r).is_some_and(|l| l.index == 0)
    }

    fn locate(&self, r: SentenceRef) -> Option<Located<'_>> {
        self.index.locate(&self.transcript, r)
    }

    /// When a turn starts, where the transcript gives times: the turn's own time stamp, or
    /// its first timed sentence's.
    pub fn turn_time(&self, turn: usize) -> Option<f64> {
        let turn = self.transcript.turns.get(turn)?;
        turn.time
            .as_ref()
            .or_else(|| {
                turn.paragraphs
                    .iter()
                    .flat_map(|p| p.sentences.iter())
                    .find_map(|s| s.time.as_deref())
            })
            .map(|time| time.start)
    }

    pub fn speaker_of(&self, turn: usize) -> Option<SpeakerId> {
        self.transcript.turns.get(turn).and_then(|t| t.speaker)
    }

    /// The speaker entry of a turn.
    pub fn entry(&self, turn: usize) -> Option<usize> {
        self.speaker_of(turn)
            .and_then(|id| self.entry_of.get(id.index()).copied().flatten())
    }

    pub fn label(&self, turn: usize) -> &str {
        self.transcript
            .turns
            .get(turn)
            .map_or("", |t| self.transcript.turn_label(t))
    }
}

/// A speaker, or a matched pair of speakers, as listed and filtered.
#[derive(Debug, Clone)]
pub struct SpeakerEntry {
    pub ids: Pair<Option<SpeakerId>>,
    pub labels: Pair<Option<String>>,
    pub turns: Pair<usize>,
}

impl SpeakerEntry {
    /// `MODERATOR ↔ Hoster`, or one label alone.
    pub fn name(&self) -> String {
        match (&self.labels.official, &self.labels.other) {
            (Some(a), Some(b)) => format!("{a} ↔ {b}"),
            (Some(a), None) => a.clone(),
            (None, Some(b)) => format!("— ↔ {b}"),
            (None, None) => String::new(),
        }
    }
}

/// Everything the reader displays: a view model of the pair, read by the app and the view.
pub struct Contents {
    pub official: Pane,
    /// `None` when one transcript is read alone.
    pub other: Option<Pane>,
    /// The alignment's rows; for one transcript alone, a row per paragraph.
    pub rows: Vec<Row>,
    pub speakers: Vec<SpeakerEntry>,
    pub same_language: bool,
    /// Warnings about the pair (the versions look unrelated), for the first screen.
    pub warnings: Vec<String>,
    /// Title, date, place or time given differently by the two versions, for the header.
    pub metadata_changes: Vec<MetadataChange>,
}

impl Contents {
    /// Two versions side by side.
    pub fn pair(official: Transcript, other: Transcript, alignment: Alignment) -> Self {
        let warnings = alignment
            .warnings
            .iter()
            .map(|w| w.message.clone())
            .collect();
        let mut panes = Pair::new(Pane::new(official), Pane::new(other));
        let mut speakers = Vec::new();
        for matched in &alignment.speakers {
            let index = speakers.len();
            let mut entry = SpeakerEntry {
                ids: matched.speakers,
                labels: Pair::default(),
                turns: Pair::default(),
            };
            for side in Side::BOTH {
                if let Some(id) = entry.ids[side] {
                    let pane = &mut panes[side];
                    if let Some(slot) = pane.entry_of.get_mut(id.index()) {
                        *slot = Some(index);
                    }
                    entry.labels[side] = pane.transcript.speaker(id).map(|s| s.label.clone());
                    entry.turns[side] = pane
                        .transcript
                        .turns
                        .iter()
                        .filter(|t| t.speaker == Some(id))
                        .count();
                }
            }
            speakers.push(entry);
        }
        Contents {
            official: panes.official,
            other: Some(panes.other),
            rows: alignment.rows,
            speakers,
            same_language: alignment.same_language,
            warnings,
            metadata_changes: alignment.metadata_changes,
        }
    }

    /// One transcript alone: a row per paragraph.
    pub fn single(transcript: Transcript) -> Self {
        let mut pane = Pane::new(transcript);
        let mut speakers = Vec::new();
        for speaker in &pane.transcript.speakers {
            let turns = pane
                .transcript
                .turns
                .iter()
                .filter(|t| t.speaker == Some(speaker.id))
                .count();
            speakers.push(SpeakerEntry {
                ids: Pair::new(Some(speaker.id), None),
                labels: Pair::new(Some(speaker.label.clone()), None),
                turns: Pair::new(turns, 0),
            });
        }
        for (index, slot) in pane.entry_of.iter_mut().enumerate() {
            *slot = Some(index);
        }
        let mut rows = Vec::new();
        for (turn_index, turn) in pane.transcript.turns.iter().enumerate() {
            let mut sentence = 0;
            for paragraph in &turn.paragraphs {
                let refs: RowSentences = (sentence..sentence + paragraph.sentences.len())
                    .map(|s| SentenceRef {
                        turn: turn_index,
                        sentence: s,
                    })
                    .collect();
                sentence += paragraph.sentences.len();
                rows.push(Row {
                    sides: Pair::new(refs, RowSentences::new()),
                    similarity: 1.0,
                    flags: Flags::new(),
                    link: turn_index,
                });
            }
        }
        Contents {
            official: pane,
            other: None,
            rows,
            speakers,
            same_language: true,
            warnings: Vec::new(),
            metadata_changes: Vec::new(),
        }
    }

    /// The pane of `side`: `None` for the other side when one transcript is read alone.
    pub fn pane(&self, side: Side) -> Option<&Pane> {
        match side {
            Side::Official => Some(&self.official),
            Side::Other => self.other.as_ref(),
        }
    }

    /// The pane of `side`, or the one transcript when it is read alone.
    pub fn pane_or_alone(&self, side: Side) -> &Pane {
        self.pane(side).unwrap_or(&self.official)
    }

    /// The side `side` shows: itself in a pair, the official one when a transcript is alone.
    pub fn side_or_alone(&self, side: Side) -> Side {
        if self.is_pair() { side } else { Side::Official }
    }

    /// Each pane with its side, official first.
    pub fn panes(&self) -> impl Iterator<Item = (Side, &Pane)> {
        Side::BOTH
            .into_iter()
            .filter_map(|side| Some((side, self.pane(side)?)))
    }

    /// A blank line goes before the row: a paragraph or turn starts on either side.
    pub fn breaks_before(&self, id: usize) -> bool {
        let opens = |(side, refs): (Side, &RowSentences)| {
            let first = refs.first();
            first.is_some_and(|&r| self.pane(side).is_some_and(|p| p.opens_paragraph(r)))
        };
        // A paragraph alone is a row: each but the first has a blank line before it.
        id > 0 && (!self.is_pair() || self.rows[id].sides.iter().any(opens))
    }

    /// Whether a version gives times (subtitle cues, time-stamped turns).
    pub fn has_times(&self) -> bool {
        self.panes().any(|(_, pane)| {
            pane.transcript.turns.iter().any(|turn| {
                turn.time.is_some()
                    || turn
                        .paragraphs
                        .iter()
                        .any(|p| p.sentences.iter().any(|s| s.time.is_some()))
            })
        })
    }

    pub fn is_pair(&self) -> bool {
        self.other.is_some()
    }

    /// The speaker entry of a row on a side.
    pub fn entry(&self, row: &Row, side: Side) -> Option<usize> {
        row.turn(side).and_then(|turn| self.pane(side)?.entry(turn))
    }

    /// The speaker entries a row's sentences belong to, on either side.
    pub fn row_entries<'a>(&'a self, row: &'a Row) -> impl Iterator<Item = usize> + 'a {
        row.sides.iter().flat_map(move |(side, refs)| {
            let pane = self.pane(side);
            refs.iter()
                .filter_map(move |r| pane.and_then(|pane| pane.entry(r.turn)))
        })
    }

    /// A row's text on one side: its sentences joined by spaces.
    pub fn side_text(&self, row: &Row, side: Side) -> String {
        let Some(pane) = self.pane(side) else {
            return String::new();
        };
        row.sides[side]
            .iter()
            .filter_map(|&r| pane.sentence(r).map(|s| s.text.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
