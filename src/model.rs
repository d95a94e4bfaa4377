//! The transcript model: what the loader produces and the aligner, exporters and viewer read.
//!
//! A [`Transcript`] is metadata, a list of [`Speaker`]s and a list of [`Turn`]s. A turn holds
//! paragraphs of sentences; the sentence text is the source text, reflowed (hard line breaks
//! joined) but otherwise unchanged. Annotations that stood before the speech
//! (`[Via interpreter]`) are taken out of the text and kept on the turn; annotations inside the
//! speech (`(inaudible)`, red-asterisk spans) stay in the text and are located by a byte span.
//! The two versions of an event are named by a [`Side`] and held together in a [`Pair`]; a
//! [`SentenceRef`] names a sentence of one version. No I/O and no terminal code lives here.

mod pair;

pub use pair::{Pair, Side};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One transcript: a single version of a spoken event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Transcript {
    pub metadata: Metadata,
    pub speakers: Vec<Speaker>,
    pub turns: Vec<Turn>,
}

/// Everything about a transcript that is not a turn. `header` and `footer` keep, as written,
/// every line before the first turn and after the last one, so nothing is lost even where the
/// structured fields could not be recognised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
    /// Who published the text (`State.gov`, `YTN`), or a source URL.
    pub source: Option<String>,
    /// A BCP 47 primary language tag (`en`, `ko`, `ja`, `zh`), guessed from the text.
    pub language: Option<String>,
    /// Recognised notes: the red-asterisk legend, copyright, contact lines, time stamps.
    pub notes: Vec<String>,
    /// Lines before the first turn, as written (front matter included).
    pub header: Vec<String>,
    /// Lines after the last turn, as written.
    pub footer: Vec<String>,
    /// Where the text came from and how it was read.
    pub origin: Origin,
}

/// How a transcript was read: which file, which format, which encoding, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Origin {
    /// The file name as given by the user (`-` for standard input, a name for bundled files).
    pub file: String,
    pub format: String,
    pub encoding: String,
    /// Why this format was chosen, when the choice was not clear-cut.
    pub format_note: Option<String>,
}

/// Index of a speaker in [`Transcript::speakers`]; stable for a given file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(pub u32);

impl SpeakerId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: SpeakerId,
    /// A readable identifier made from the label (`foreign-minister-cho`), unique in the file.
    pub key: String,
    /// The label as first written (`FOREIGN MINISTER CHO`, `Cho Tae-yeol / Minister of Foreign Affairs`).
    pub label: String,
    /// The person's name where the label gives one (`Cho`, `Cho Tae-yeol`).
    pub name: Option<String>,
    /// The role or title where the label gives one (`Foreign Minister`, `Moderator`).
    pub role: Option<String>,
}

impl Speaker {
    /// The shortest faithful way to name this speaker on screen.
    pub fn display_name(&self) -> &str {
        &self.label
    }
}

/// One uninterrupted contribution by one speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// `None` for text that no label introduces (a subtitle file's opening lines, music cues).
    pub speaker: Option<SpeakerId>,
    /// The label exactly as written at this turn (`Q`, `SECSTATE BLINKEN`); empty when unlabelled.
    pub label: String,
    pub paragraphs: Vec<Paragraph>,
    pub annotations: Vec<Annotation>,
    /// The source lines this turn came from, 1-based and inclusive.
    pub lines: LineRange,
    pub time: Option<TimeSpan>,
}

impl Turn {
    /// All sentences of the turn in reading order, across paragraphs.
    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs.iter().flat_map(|p| p.sentences.iter())
    }

    pub fn sentence_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.sentences.len()).sum()
    }

    /// The turn's text, paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(Paragraph::text)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Paragraph {
    pub sentences: Vec<Sentence>,
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    /// Boxed: only subtitles give sentences times, and a long transcript has hundreds of
    /// thousands of sentences, each of which would otherwise keep room for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Box<TimeSpan>>,
}

/// Something in a transcript that is not speech: a note on how it was delivered or recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub kind: AnnotationKind,
    /// The annotation as written, delimiters included (`[Via interpreter]`, `(Laughter.)`).
    pub text: String,
    /// Paragraph index within the turn.
    pub paragraph: usize,
    /// Sentence index within the paragraph.
    pub sentence: usize,
    /// Byte range in the sentence text when the annotation sits inside it; `None` when it stood
    /// before the sentence and was taken out of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnnotationKind {
    /// `[Via interpreter]`, `(As interpreted.)`
    Interpretation,
    /// `[In English]`
    Language,
    /// `(inaudible)`, `(unintelligible)`, `(crosstalk)`
    Inaudible,
    /// `(Laughter.)`, `(Applause.)`, stage directions such as `(Points to himself.)`
    Reaction,
    /// `(Intro music: Electro Swing)`
    Sound,
    /// Text between red asterisks: absent from the recording, unverified as delivered.
    Unverified,
    /// Struck-through text (`<s>violence</s>`): printed, then withdrawn by the publisher.
    Struck,
    /// An editor's insertion: `["We go together"]`, `[sic]`.
    Editorial,
    /// A clock time printed in the running text.
    Timestamp,
}

impl AnnotationKind {
    pub fn name(self) -> &'static str {
        match self {
            AnnotationKind::Interpretation => "interpretation",
            AnnotationKind::Language => "language",
            AnnotationKind::Inaudible => "inaudible",
            AnnotationKind::Reaction => "reaction",
            AnnotationKind::Sound => "sound",
            AnnotationKind::Unverified => "unverified",
            AnnotationKind::Struck => "struck",
            AnnotationKind::Editorial => "editorial",
            AnnotationKind::Timestamp => "timestamp",
        }
    }
}

/// Source lines, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LineRange {
    pub first: usize,
    pub last: usize,
}

/// A stretch of media time in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeSpan {
    pub start: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<f64>,
}

/// A sentence of one version: its turn and its place in the turn (across paragraphs), both
/// counted from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentenceRef {
    pub turn: usize,
    pub sentence: usize,
}

/// Where each sentence of a transcript sits among its turn's paragraphs, worked out once: the
/// one way to find a sentence by its [`SentenceRef`]. A turn can hold thousands of sentences
/// (a transcript without speaker labels is one turn), so a lookup must not walk it.
#[derive(Debug, Clone, Default)]
pub struct SentenceIndex {
    /// Per turn, per sentence of the turn: its paragraph and its index in the paragraph.
    places: Vec<Vec<(u32, u32)>>,
}

impl SentenceIndex {
    pub fn new(transcript: &Transcript) -> Self {
        let place = |(p, paragraph): (usize, &Paragraph)| {
            (0..paragraph.sentences.len()).map(move |s| (p as u32, s as u32))
        };
        let places = transcript
            .turns
            .iter()
            .map(|turn| turn.paragraphs.iter().enumerate().flat_map(place).collect())
            .collect();
        SentenceIndex { places }
    }

    /// The sentence `r` names in `transcript` (the one the index was made of), with where it
    /// sits; `None` when there is no such sentence.
    pub fn locate<'a>(&self, transcript: &'a Transcript, r: SentenceRef) -> Option<Located<'a>> {
        let &(p, s) = self.places.get(r.turn)?.get(r.sentence)?;
        let turn = transcript.turns.get(r.turn)?;
        let (paragraph, index) = (p as usize, s as usize);
        let sentence = turn.paragraphs.get(paragraph)?.sentences.get(index)?;
        Some(Located {
            turn,
            sentence,
            paragraph,
            index,
        })
    }
}

/// A sentence found by its [`SentenceRef`], with its turn and its place among the paragraphs.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    pub turn: &'a Turn,
    pub sentence: &'a Sentence,
    /// Paragraph index within the turn.
    pub paragraph: usize,
    /// Sentence index within the paragraph.
    pub index: usize,
}

impl<'a> Located<'a> {
    /// The annotations of the sentence: those standing before it (`[Via interpreter]`, no
    /// span) and those inside it (with a byte span).
    pub fn annotations(&self) -> impl Iterator<Item = &'a Annotation> + use<'a> {
        let (paragraph, index) = (self.paragraph, self.index);
        self.turn
            .annotations
            .iter()
            .filter(move |a| a.paragraph == paragraph && a.sentence == index)
    }
}

impl Transcript {
    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.get(id.index())
    }

    /// The label to show for a turn: the speaker's label, or the turn's own when unlabelled.
    pub fn turn_label<'a>(&'a self, turn: &'a Turn) -> &'a str {
        match turn.speaker.and_then(|id| self.speaker(id)) {
            Some(speaker) => speaker.display_name(),
            None => &turn.label,
        }
    }

    pub fn sentence_count(&self) -> usize {
        self.turns.iter().map(Turn::sentence_count).sum()
    }

    /// The text of every sentence, in reading order.
    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> {
        self.turns
            .iter()
            .flat_map(Turn::sentences)
            .map(|sentence| sentence.text.as_str())
    }

    /// Every piece of text the model holds, in reading order, one per line: the header, each
    /// turn's label (when `labels`), the notes taken out before each paragraph and its
    /// sentences, then the footer. Checks that no text is lost compare it with the input.
    pub fn text(&self, labels: bool) -> String {
        let mut parts: Vec<&str> = self.metadata.header.iter().map(String::as_str).collect();
        for turn in &self.turns {
            if labels {
                parts.push(&turn.label);
            }
            for (index, paragraph) in turn.paragraphs.iter().enumerate() {
                let notes = turn
                    .annotations
                    .iter()
                    .filter(|a| a.span.is_none() && a.paragraph == index);
                parts.extend(notes.map(|a| a.text.as_str()));
                parts.extend(paragraph.sentences.iter().map(|s| s.text.as_str()));
            }
        }
        parts.extend(self.metadata.footer.iter().map(String::as_str));
        parts.join("\n")
    }

    /// Checks the references inside a transcript read from outside (tandem's own JSON): speaker
    /// ids, annotation positions and spans. Code that slices text relies on these.
    pub fn validate(&self) -> Result<(), String> {
        for (index, speaker) in self.speakers.iter().enumerate() {
            if speaker.id.index() != index {
                return Err(format!("speaker {index} has id {}", speaker.id.0));
            }
        }
        for (t, turn) in self.turns.iter().enumerate() {
            if let Some(id) = turn.speaker.filter(|id| id.index() >= self.speakers.len()) {
                return Err(format!(
                    "turn {} names speaker {} of {}",
                    t + 1,
                    id.0,
                    self.speakers.len()
                ));
            }
            for annotation in &turn.annotations {
                let sentence = turn
                    .paragraphs
                    .get(annotation.paragraph)
                    .and_then(|p| p.sentences.get(annotation.sentence));
                let fits = match (sentence, &annotation.span) {
                    (None, _) => false,
                    (Some(_), None) => true,
                    (Some(s), Some(span)) => {
                        span.start < span.end && s.text.get(span.clone()).is_some()
                    }
                };
                if !fits {
                    return Err(format!("turn {} has an annotation outside its text", t + 1));
                }
            }
        }
        Ok(())
    }

    /// Number of turns per speaker, indexed like `speakers`.
    pub fn turn_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.speakers.len()];
        for id in self.turns.iter().filter_map(|t| t.speaker) {
            counts[id.index()] += 1;
        }
        counts
    }
}

/// Formats seconds as `h:mm:ss.s` or `m:ss.s`, the way transcripts print them.
pub fn format_seconds(seconds: f64) -> String {
    let tenths = (seconds * 10.0).round().max(0.0) as u64;
    format!("{}.{}", whole_seconds(tenths / 10), tenths % 10)
}

/// Formats seconds as `h:mm:ss` or `m:ss`, the fraction dropped: a time as the reader shows it.
pub fn clock(seconds: f64) -> String {
    whole_seconds(seconds.max(0.0) as u64)
}

fn whole_seconds(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_format_like_transcripts() {
        assert_eq!(format_seconds(14.2), "0:14.2");
        assert_eq!(format_seconds(3725.0), "1:02:05.0");
        assert_eq!(format_seconds(59.96), "1:00.0");
        assert_eq!(clock(3723.4), "1:02:03");
        assert_eq!(clock(750.0), "12:30");
    }
}
