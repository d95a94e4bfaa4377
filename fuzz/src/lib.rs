//! What each fuzz target checks, one public function per target. `tests/fuzz_regressions.rs`
//! includes this file, so a saved crash input runs under `cargo test` through exactly the code
//! the fuzzer ran.
//!
//! Every target must not panic or hang whatever the bytes; beyond that each checks what the
//! library promises: loaded transcripts are consistent and keep every word, sentence ranges
//! cover the text, alignments hold every sentence once, and no frame shows a control character.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::ops::Range;
use tandem::align::{self, Alignment};
use tandem::load::{self, Format, LoadOptions, sentences};
use tandem::model::Transcript;
use tandem::sanitize::is_unsafe;
use tandem::ui::{Action, App, Reader, Theme, view};

/// The name loaded bytes go by in messages and metadata.
const FILE: &str = "fuzz-input";

/// Splits two inputs in one: bytes before and after the first 0xFF (never a byte of UTF-8).
const SEPARATOR: u8 = 0xFF;

/// Any bytes, with encoding and format detected, as `tandem FILE` reads them.
pub fn decode_detect(data: &[u8]) {
    load_and_check(data, LoadOptions::default());
}

/// The first byte picks the format to force (as `--format` does); the rest is the file.
pub fn forced_format(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = Format::ALL[usize::from(pick) % Format::ALL.len()];
    let options = LoadOptions {
        format: Some(format),
        encoding: None,
    };
    load_and_check(bytes, options);
}

/// The sentence splitter on any text, with bracketed and parenthesised spans protected as the
/// loader protects annotations.
pub fn sentences(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let protected = enclosed_spans(&text);
    let ranges = sentences::split(&text, &protected);
    let mut covered = 0;
    for range in &ranges {
        assert!(
            covered <= range.start && range.start < range.end,
            "{ranges:?}"
        );
        let between = &text[covered..range.start];
        assert!(
            between.trim().is_empty(),
            "text between sentences: {between:?}"
        );
        let sentence = text
            .get(range.clone())
            .expect("sentence on char boundaries");
        assert_eq!(sentence, sentence.trim(), "sentence trimmed");
        let inside = |at: usize| protected.iter().any(|p| p.start < at && at < p.end);
        assert!(
            !inside(range.start) && !inside(range.end),
            "{range:?} cuts a protected span"
        );
        covered = range.end;
    }
    assert!(
        text[covered..].trim().is_empty(),
        "text after the last sentence"
    );
}

/// Two files (split at the first 0xFF), each detected, then aligned.
pub fn align(data: &[u8]) {
    let Some((official, other)) = load_two(data) else {
        return;
    };
    let alignment = align::align(&official, &other, &[]);
    check_alignment(&official, &other, &alignment);
}

/// Four size bytes (width and height of two terminal sizes, 0 included), then one file, or two
/// split at the first 0xFF: the reader drawn into a test terminal at both sizes, scrolled,
/// searched and switched, with no control character ever reaching a cell.
pub fn render(data: &[u8]) {
    let [w1, h1, w2, h2, rest @ ..] = data else {
        return;
    };
    let reader = if rest.contains(&SEPARATOR) {
        let Some((official, other)) = load_two(rest) else {
            return;
        };
        let alignment = align::align(&official, &other, &[]);
        Reader::pair(official, other, alignment)
    } else {
        let Ok(transcript) = load::load_bytes(rest, FILE, LoadOptions::default()) else {
            return;
        };
        Reader::single(transcript)
    };
    let mut app = App::new(reader, (u16::from(*w1), u16::from(*h1)));
    draw_and_check(&app);
    let query: Vec<Action> = "the".chars().map(Action::Type).collect();
    let script = [
        &[Action::Resize(u16::from(*w2), u16::from(*h2))][..],
        &[Action::PageDown],
        &[Action::NextTurn, Action::NextDivergence],
        &[Action::ToggleDiff, Action::SwitchFocus],
        &[Action::StartSearch],
        &query,
        &[Action::Confirm, Action::SearchNext],
        &[Action::OpenSpeakers, Action::ListToggle, Action::Confirm],
        &[Action::Help],
        &[Action::Back, Action::Bottom],
    ];
    for step in script {
        for &action in step {
            app.update(action);
        }
        draw_and_check(&app);
    }
}

fn load_two(data: &[u8]) -> Option<(Transcript, Transcript)> {
    let at = data.iter().position(|&b| b == SEPARATOR)?;
    let load = |bytes| load::load_bytes(bytes, FILE, LoadOptions::default()).ok();
    Some((load(&data[..at])?, load(&data[at + 1..])?))
}

fn load_and_check(bytes: &[u8], options: LoadOptions) {
    let Ok(transcript) = load::load_bytes(bytes, FILE, options) else {
        return;
    };
    if let Err(problem) = transcript.validate() {
        panic!("inconsistent transcript: {problem}");
    }
    check_words_kept(bytes, &transcript);
}

/// Labelled and bracketed files keep every word of the input, as written, in the model's
/// header, labels, notes, sentences and footer. Checked only where the file has none of the
/// markup that is taken out of the text (front matter, red asterisks).
fn check_words_kept(bytes: &[u8], transcript: &Transcript) {
    let format = transcript.metadata.origin.format.as_str();
    let checked = [Format::Labelled, Format::Bracketed].map(Format::description);
    if !checked.contains(&format) {
        return;
    }
    let Ok(decoded) = load::decode::decode(bytes, None) else {
        return;
    };
    if decoded.text.contains("---") || decoded.text.contains('*') {
        return;
    }
    let model_text = transcript.text(true);
    let mut input = words(&decoded.text);
    let mut model = words(&model_text);
    input.sort_unstable();
    model.sort_unstable();
    assert!(input == model, "words lost or invented");
}

/// Words of letters and digits.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// `[...]` and `(...)` spans, each from its opening bracket to the next closing one.
fn enclosed_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for (open, close) in [('[', ']'), ('(', ')')] {
        for (start, _) in text.match_indices(open) {
            if let Some(length) = text[start..].find(close) {
                spans.push(start..start + length + 1);
            }
        }
    }
    spans
}

/// Every sentence of both versions in exactly one row, rows in reading order on each side,
/// similarities between 0 and 1, speaker matches naming real speakers.
fn check_alignment(official: &Transcript, other: &Transcript, alignment: &Alignment) {
    for (side, transcript) in [official, other].into_iter().enumerate() {
        let expected: Vec<(usize, usize)> = transcript
            .turns
            .iter()
            .enumerate()
            .flat_map(|(t, turn)| (0..turn.sentence_count()).map(move |s| (t, s)))
            .collect();
        let placed: Vec<(usize, usize)> = alignment
            .rows
            .iter()
            .flat_map(|row| if side == 0 { &row.official } else { &row.other })
            .map(|r| (r.turn, r.sentence))
            .collect();
        assert!(placed == expected, "side {side}: sentences out of place");
        let speakers = transcript.speakers.len();
        let ids = alignment
            .speakers
            .iter()
            .filter_map(|m| if side == 0 { m.official } else { m.other });
        assert!(
            ids.into_iter().all(|id| id.index() < speakers),
            "speaker ids"
        );
    }
    for row in &alignment.rows {
        assert!(
            (0.0..=1.0).contains(&row.similarity),
            "similarity {}",
            row.similarity
        );
        assert!(row.link < alignment.turns.len(), "row link");
    }
}

fn draw_and_check(app: &App) {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::default()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    if let Some(cell) = buffer
        .content()
        .iter()
        .find(|cell| cell.symbol().chars().any(is_unsafe))
    {
        panic!("a cell shows {:?}", cell.symbol());
    }
}
