//! What the reader shows, built once: the rows (aligned sentence groups, or paragraphs of a
//! single transcript), the speakers with their colours, and where each sentence sits.

use crate::align::{Alignment, Flag, MetadataChange};
use crate::model::{Annotation, Sentence, SentenceRef, SpeakerId, Transcript};

/// The official version (left) or the other version (right).
pub type Side = usize;
pub const OFFICIAL: Side = 0;
pub const OTHER: Side = 1;

/// One transcript as the reader uses it.
pub struct Pane {
    pub transcript: Transcript,
    /// Per turn, per sentence of the turn: its paragraph and its index in the paragraph.
    locations: Vec<Vec<(u32, u32)>>,
    /// Per speaker id, the speaker entry it belongs to.
    entry_of: Vec<Option<usize>>,
}

impl Pane {
    fn new(transcript: Transcript) -> Self {
        let locations = transcript
            .turns
            .iter()
            .map(|turn| {
                turn.paragraphs
                    .iter()
                    .enumerate()
                    .flat_map(|(p, paragraph)| {
                        (0..paragraph.sentences.len()).map(move |s| (p as u32, s as u32))
                    })
                    .collect()
            })
            .collect();
        let entry_of = vec![None; transcript.speakers.len()];
        Pane {
            transcript,
            locations,
            entry_of,
        }
    }

    pub fn sentence(&self, r: SentenceRef) -> Option<&Sentence> {
        let (p, s) = *self.locations.get(r.turn)?.get(r.sentence)?;
        self.transcript.turns[r.turn]
            .paragraphs
            .get(p as usize)?
            .sentences
            .get(s as usize)
    }

    /// The annotations of a sentence: those standing before it (`[Via interpreter]`, no
    /// span) and those inside it (with a byte span).
    pub fn annotations(&self, r: SentenceRef) -> impl Iterator<Item = &Annotation> {
        let location = self
            .locations
            .get(r.turn)
            .and_then(|l| l.get(r.sentence))
            .copied();
        let turn = self.transcript.turns.get(r.turn);
        turn.into_iter()
            .flat_map(|t| t.annotations.iter())
            .filter(move |a| {
                location.is_some_and(|(p, s)| a.paragraph == p as usize && a.sentence == s as usize)
            })
    }

    /// Whether the sentence opens a paragraph.
    pub fn opens_paragraph(&self, r: SentenceRef) -> bool {
        self.locations
            .get(r.turn)
            .and_then(|l| l.get(r.sentence))
            .is_some_and(|&(_, s)| s == 0)
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
                    .find_map(|s| s.time.as_ref())
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
    pub ids: [Option<SpeakerId>; 2],
    pub labels: [Option<String>; 2],
    pub turns: [usize; 2],
}

impl SpeakerEntry {
    /// `MODERATOR ↔ Hoster`, or one label alone.
    pub fn name(&self) -> String {
        match &self.labels {
            [Some(a), Some(b)] => format!("{a} ↔ {b}"),
            [Some(a), None] => a.clone(),
            [None, Some(b)] => format!("— ↔ {b}"),
            [None, None] => String::new(),
        }
    }
}

/// One row of the reader: sentences of each side that belong together.
#[derive(Debug, Clone)]
pub struct ReadRow {
    pub sides: [Vec<SentenceRef>; 2],
    pub similarity: f64,
    pub flags: Vec<Flag>,
    /// A blank line goes before the row: a paragraph or turn starts on either side.
    pub breaks_before: bool,
}

impl ReadRow {
    pub fn is_divergent(&self) -> bool {
        !self.flags.is_empty()
    }

    pub fn is_unmatched(&self) -> bool {
        self.flags.contains(&Flag::NoCounterpart)
    }

    /// Whether a turn starts in this row on `side`.
    pub fn starts_turn(&self, side: Side) -> bool {
        self.sides[side].iter().any(|r| r.sentence == 0)
    }

    /// The turn of the row's first sentence on `side`.
    pub fn turn(&self, side: Side) -> Option<usize> {
        self.sides[side].first().map(|r| r.turn)
    }
}

/// Everything the reader displays.
pub struct Reader {
    pub panes: Vec<Pane>,
    pub rows: Vec<ReadRow>,
    pub speakers: Vec<SpeakerEntry>,
    pub same_language: bool,
    /// Warnings about the pair (the versions look unrelated), for the first screen.
    pub warnings: Vec<String>,
    /// Title, date, place or time given differently by the two versions, for the header.
    pub metadata_changes: Vec<MetadataChange>,
}

impl Reader {
    /// Two versions side by side.
    pub fn pair(official: Transcript, other: Transcript, alignment: Alignment) -> Self {
        let warnings = alignment
            .warnings
            .iter()
            .map(|w| w.message.clone())
            .collect();
        let metadata_changes = alignment.metadata_changes.clone();
        let mut panes = vec![Pane::new(official), Pane::new(other)];
        let mut speakers = Vec::new();
        for matched in &alignment.speakers {
            let index = speakers.len();
            let mut entry = SpeakerEntry {
                ids: [matched.official, matched.other],
                labels: [None, None],
                turns: [0, 0],
            };
            for (side, id) in [matched.official, matched.other].into_iter().enumerate() {
                if let Some(id) = id {
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
        let rows = alignment
            .rows
            .into_iter()
            .enumerate()
            .map(|(index, row)| {
                let opens = |side: usize, refs: &[SentenceRef]| {
                    refs.first()
                        .is_some_and(|&r| panes[side].opens_paragraph(r))
                };
                let breaks_before = index > 0
                    && (opens(OFFICIAL, &row.sides.official) || opens(OTHER, &row.sides.other));
                ReadRow {
                    sides: [row.sides.official, row.sides.other],
                    similarity: row.similarity,
                    flags: row.flags,
                    breaks_before,
                }
            })
            .collect();
        Reader {
            panes,
            rows,
            speakers,
            same_language: alignment.same_language,
            warnings,
            metadata_changes,
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
                ids: [Some(speaker.id), None],
                labels: [Some(speaker.label.clone()), None],
                turns: [turns, 0],
            });
        }
        for (index, slot) in pane.entry_of.iter_mut().enumerate() {
            *slot = Some(index);
        }
        let mut rows = Vec::new();
        for (turn_index, turn) in pane.transcript.turns.iter().enumerate() {
            let mut sentence = 0;
            for paragraph in &turn.paragraphs {
                let refs: Vec<SentenceRef> = (sentence..sentence + paragraph.sentences.len())
                    .map(|s| SentenceRef {
                        turn: turn_index,
                        sentence: s,
                    })
                    .collect();
                sentence += paragraph.sentences.len();
                rows.push(ReadRow {
                    sides: [refs, Vec::new()],
                    similarity: 1.0,
                    flags: Vec::new(),
                    breaks_before: !rows.is_empty(),
                });
            }
        }
        Reader {
            panes: vec![pane],
            rows,
            speakers,
            same_language: true,
            warnings: Vec::new(),
            metadata_changes: Vec::new(),
        }
    }

    /// Whether a version gives times (subtitle cues, time-stamped turns).
    pub fn has_times(&self) -> bool {
        self.panes.iter().any(|pane| {
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
        self.panes.len() == 2
    }

    /// The speaker entry of a row on a side.
    pub fn entry(&self, row: &ReadRow, side: Side) -> Option<usize> {
        row.turn(side)
            .and_then(|turn| self.panes.get(side)?.entry(turn))
    }

    /// The speaker entries a row's sentences belong to, on either side.
    pub fn row_entries<'a>(&'a self, row: &'a ReadRow) -> impl Iterator<Item = usize> + 'a {
        (0..self.panes.len()).flat_map(move |side| {
            row.sides[side]
                .iter()
                .filter_map(move |r| self.panes[side].entry(r.turn))
        })
    }

    /// A row's text on one side: its sentences joined by spaces.
    pub fn side_text(&self, row: &ReadRow, side: Side) -> String {
        let Some(pane) = self.panes.get(side) else {
            return String::new();
        };
        row.sides[side]
            .iter()
            .filter_map(|&r| pane.sentence(r).map(|s| s.text.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
