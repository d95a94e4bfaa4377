//! The transcript a format parser builds up before the loader finishes it.

use super::assemble::TurnDraft;
use super::speakers::Registry;
use crate::model::{Metadata, Transcript, Turn};

#[derive(Debug, Default)]
pub struct Document {
    pub metadata: Metadata,
    pub speakers: Registry,
    pub turns: Vec<Turn>,
    /// Things the reader should know about how the file was read (skipped cue timings...).
    pub warnings: Vec<String>,
}

impl Document {
    /// Adds a finished turn. A labelled turn is kept even when it has no text, because its
    /// label is part of the record; an unlabelled one only when it has text.
    pub fn push_turn(&mut self, draft: TurnDraft) {
        if draft.speaker().is_some() || !draft.is_empty() {
            self.turns.push(draft.finish());
        }
    }

    pub fn into_transcript(self) -> Transcript {
        Transcript {
            metadata: self.metadata,
            speakers: self.speakers.into_speakers(),
            turns: self.turns,
        }
    }
}
