//! What each fuzz target checks, one public function per target. `tests/fuzz_regressions.rs`
//! includes this file, so a saved crash input runs under `cargo test` through exactly the code
//! the fuzzer ran.
//!
//! Every target must not panic or hang whatever the bytes; beyond that each checks what the
//! library promises: loaded transcripts are consistent and keep every word, sentence ranges
//! cover the text, alignments hold every sentence once, and no frame shows a control character.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::ops::Range;
use tandem::align::{self, Alignment};
use tandem::export::{self, Aligned, ExportFormat};
use tandem::load::{self, Format, LoadOptions, sentences};
use tandem::model::{Pair, Side, Transcript};
use tandem::sanitize::is_unsafe;
use tandem::ui::{Action, App, Contents, Theme, view};

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

/// Two files aligned, as in `align`, then written in every export format: no character unsafe
/// on a terminal in any of them (tabs and line breaks aside), and the JSON, read back, names
/// every row's sentences and gives each one's text exactly as the transcripts have it.
pub fn export(data: &[u8]) {
    let Some((official, other)) = load_two(data) else {
        return;
    };
    let alignment = align::align(&official, &other, &[]);
    let aligned = Aligned::new(Pair::new(&official, &other), &alignment);
    for format in ExportFormat::ALL {
        for pretty in [false, true] {
            let mut out = Vec::new();
            export::write_to(&aligned, format, pretty, &mut out).expect("writing to memory");
            let text = String::from_utf8(out).expect("every format writes UTF-8");
            if let Some(c) = text
                .chars()
                .find(|&c| is_unsafe(c) && c != '\n' && c != '\t')
            {
                panic!("{format:?} (pretty {pretty}) writes {c:?}");
            }
            if format == ExportFormat::Json {
                check_json_rows(&text, Pair::new(&official, &other), &alignment);
            }
        }
    }
}

/// The rows of a JSON export against the alignment they were written from.
fn check_json_rows(json: &str, transcripts: Pair<&Transcript>, alignment: &Alignment) {
    let document: serde_json::Value = serde_json::from_str(json).expect("the JSON export parses");
    let rows = document["alignment"]
        .as_array()
        .expect("an alignment array");
    assert_eq!(rows.len(), alignment.rows.len(), "rows written");
    let sentences = transcripts.map(align::turn_sentences);
    for (written, row) in rows.iter().zip(&alignment.rows) {
        for side in Side::BOTH {
            let views = written[side.name()].as_array().expect("a side's sentences");
            assert_eq!(views.len(), row.sides[side].len(), "sentences of a side");
            for (view, at) in views.iter().zip(&row.sides[side]) {
                let number = |key: &str| view[key].as_u64().map(|n| n as usize);
                assert_eq!(number("turn"), Some(at.turn + 1));
                assert_eq!(number("sentence"), Some(at.sentence + 1));
                let text = &sentences[side][at.turn][at.sentence].text;
                assert_eq!(
                    view["text"].as_str(),
                    Some(text.as_str()),
                    "a sentence's text"
                );
            }
        }
    }
}

/// Four size bytes (width and height of two terminal sizes, 0 included), then one file, or two
/// split at the first 0xFF: the reader drawn into a test terminal at both sizes, scrolled,
/// searched and switched, with no control character ever reaching a cell.
pub fn render(data: &[u8]) {
    let [w1, h1, w2, h2, rest @ ..] = data else {
        return;
    };
    let contents = if rest.contains(&SEPARATOR) {
        let Some((official, other)) = load_two(rest) else {
            return;
        };
        let alignment = align::align(&official, &other, &[]);
        Contents::pair(official, other, alignment)
    } else {
        let Ok(transcript) = load::load_bytes(rest, FILE, LoadOptions::default()) else {
            return;
        };
        Contents::single(transcript)
    };
    let mut app = App::new(contents, (u16::from(*w1), u16::from(*h1)));
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

/// Bytes read as instructions of a small transcript grammar (see [`Shape`]), so that a short
/// input builds a large, regular pair: thousands of turns, one speaker or many, long sentences,
/// subtitle cues, repeated blocks. Each file is loaded and checked as `decode_detect` checks
/// it, and the pair aligned and checked as `align` checks it.
pub fn shaped(data: &[u8]) {
    let (official_text, other_text) = Shape::new(data).build();
    for text in [&official_text, &other_text] {
        load_and_check(text.as_bytes(), LoadOptions::default());
    }
    let load = |text: &String| load::load_bytes(text.as_bytes(), FILE, LoadOptions::default()).ok();
    let (Some(official), Some(other)) = (load(&official_text), load(&other_text)) else {
        return;
    };
    let alignment = align::align(&official, &other, &[]);
    check_alignment(&official, &other, &alignment);
    if official_text == other_text {
        check_every_row_paired(&alignment);
    }
}

/// A file aligned with itself: every sentence has its counterpart, so no row may show one as
/// missing.
fn check_every_row_paired(alignment: &Alignment) {
    let one_sided = alignment
        .rows
        .iter()
        .filter(|row| row.sides.official.is_empty() != row.sides.other.is_empty())
        .count();
    assert!(
        one_sided == 0,
        "a file against itself: {one_sided} of {} rows one-sided",
        alignment.rows.len()
    );
}

/// The most text one `shaped` file grows to: well past the 16 KB the byte-level targets read,
/// small enough for a few runs a second.
const SHAPED_BYTES: usize = 64 * 1024;

/// Reads the grammar's instructions from the fuzzer's bytes: an opcode byte, then its
/// arguments. Running out of bytes reads zeros, so every input builds something.
struct Shape<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Shape<'a> {
    fn new(data: &'a [u8]) -> Self {
        Shape { data, at: 0 }
    }

    fn byte(&mut self) -> u8 {
        let byte = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    fn count(&mut self) -> usize {
        usize::from(u16::from_le_bytes([self.byte(), self.byte()]))
    }

    /// Both files. The second starts after a `Switch` instruction; without one it is the first
    /// again, the shape that once cost the most memory.
    fn build(mut self) -> (String, String) {
        let mut files = [String::new(), String::new()];
        let mut side = 0;
        let mut last = String::new();
        while self.at < self.data.len() {
            let block = match self.byte() % 8 {
                0 => self.labelled_turns(),
                1 => self.cues(),
                2 => self.bracketed_turns(),
                3 => self.stamped_lines(),
                4 => {
                    let times = self.count().min(SHAPED_BYTES / last.len().max(1));
                    last.repeat(times)
                }
                5 => {
                    let length = usize::from(self.byte());
                    let end = (self.at + length).min(self.data.len());
                    let raw =
                        String::from_utf8_lossy(&self.data[self.at.min(end)..end]).into_owned();
                    self.at = end;
                    raw
                }
                6 => "\n".repeat(usize::from(self.byte() % 4) + 1),
                _ => {
                    side = 1;
                    String::new()
                }
            };
            let file = &mut files[side];
            let room = SHAPED_BYTES.saturating_sub(file.len());
            file.push_str(cut(&block, room));
            if !block.is_empty() {
                last = block;
            }
        }
        let [official, other] = files;
        let other = if side == 0 { official.clone() } else { other };
        (official, other)
    }

    /// `count` turns of `LABEL: text`, labels drawn from a few speakers or a new one per turn.
    fn labelled_turns(&mut self) -> String {
        let turns = self.count() % 4096 + 1;
        let speakers = usize::from(self.byte()) + 1;
        let style = self.byte();
        let sentence = self.sentence();
        lines(turns, |turn| {
            format!("{}: {sentence}\n", label(style, turn % speakers))
        })
    }

    /// `[Speaker]` alone on a line, the speech below.
    fn bracketed_turns(&mut self) -> String {
        let turns = self.count() % 4096 + 1;
        let speakers = usize::from(self.byte()) + 1;
        let style = self.byte();
        let sentence = self.sentence();
        lines(turns, |turn| {
            format!("[{}]\n{sentence}\n\n", label(style, turn % speakers))
        })
    }

    /// `[hh:mm:ss] Name: text` lines.
    fn stamped_lines(&mut self) -> String {
        let count = self.count() % 4096 + 1;
        let speakers = usize::from(self.byte()) + 1;
        let style = self.byte();
        let sentence = self.sentence();
        lines(count, |line| {
            let (minutes, seconds) = (line / 60 % 60, line % 60);
            let name = label(style, line % speakers);
            format!(
                "[{:02}:{minutes:02}:{seconds:02}] {name}: {sentence}\n",
                line / 3600
            )
        })
    }

    /// SRT cues, numbered and timed in order unless the style byte says otherwise.
    fn cues(&mut self) -> String {
        let cues = self.count() % 8192 + 1;
        let disorder = self.byte();
        let sentence = self.sentence();
        lines(cues, |cue| {
            let at = if disorder.is_multiple_of(3) {
                cues - cue
            } else {
                cue
            };
            let (seconds, millis) = (at / 1000, at % 1000);
            let clock = |s: usize| {
                format!(
                    "{:02}:{:02}:{:02},{millis:03}",
                    s / 3600,
                    s / 60 % 60,
                    s % 60
                )
            };
            format!(
                "{}\n{} --> {}\n{sentence}\n\n",
                cue + 1,
                clock(seconds),
                clock(seconds + 1)
            )
        })
    }

    /// Words from a small vocabulary (repeats make the aligner's sketches collide), `length`
    /// of them, ended or not, with an annotation now and then.
    fn sentence(&mut self) -> String {
        const WORDS: [&str; 12] = [
            "y",
            "the",
            "minister",
            "said",
            "42",
            "(inaudible)",
            "[Via interpreter]",
            "감사합니다",
            "ありがとう",
            "谢谢",
            "Dr.",
            "—",
        ];
        let length = self.count() % 20_000 + 1;
        let seed = self.byte();
        let stops = self.byte();
        let mut text = String::new();
        for word in 0..length {
            if word > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[(word * usize::from(seed | 1) + usize::from(seed)) % WORDS.len()]);
            if stops > 0 && word % usize::from(stops) == usize::from(stops) - 1 {
                text.push('.');
            }
            if text.len() > SHAPED_BYTES {
                break;
            }
        }
        text
    }
}

/// `count` lines made by `line`, stopped once they pass [`SHAPED_BYTES`].
fn lines(count: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::new();
    for at in 0..count {
        text.push_str(&line(at));
        if text.len() > SHAPED_BYTES {
            break;
        }
    }
    text
}

/// A speaker label in one of a few styles the loaders recognise.
fn label(style: u8, speaker: usize) -> String {
    match style % 5 {
        0 => format!("MR. X{speaker}"),
        1 => format!("Speaker {speaker}"),
        2 => "Q".repeat(speaker % 3 + 1),
        3 => format!("기자 {speaker}"),
        _ => format!("Minister Name{speaker} / Role"),
    }
}

/// The longest prefix of `text` within `bytes`, on a character boundary.
fn cut(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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
/// header, labels, notes, sentences and footer, but for labels' time stamps. Checked only where the file has none of the
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
    let (lost, invented) = differences(&words(&decoded.text), &words(&model_text));
    assert!(invented.is_empty(), "words invented: {invented:?}");
    // A label's time stamp (`Jane Doe  0:00`, `Speaker 1 (00:00:01):`) becomes its turn's
    // time, not text: beyond the model's words the input may hold the numbers of one clock
    // (hours, minutes, seconds, fraction; seconds may be written `1e1`) per timed turn.
    let timed_turns = transcript.turns.iter().filter(|t| t.time.is_some()).count();
    let is_number =
        |w: &&str| w.starts_with(|c: char| c.is_ascii_digit()) && w.parse::<f64>().is_ok();
    let only_clocks = lost.iter().all(is_number) && lost.len() <= 4 * timed_turns;
    assert!(only_clocks, "words lost: {lost:?}");
}

/// The words of `input` missing from `model`, and those of `model` missing from `input`, each
/// as often as it is missing, sorted.
fn differences<'a>(input: &[&'a str], model: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut balance: BTreeMap<&str, isize> = BTreeMap::new();
    for word in input {
        *balance.entry(word).or_default() += 1;
    }
    for word in model {
        *balance.entry(word).or_default() -= 1;
    }
    let (mut lost, mut invented) = (Vec::new(), Vec::new());
    for (word, count) in balance {
        let side = if count > 0 { &mut lost } else { &mut invented };
        side.extend(std::iter::repeat_n(word, count.unsigned_abs()));
    }
    (lost, invented)
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
            .flat_map(|row| {
                if side == 0 {
                    &row.sides.official
                } else {
                    &row.sides.other
                }
            })
            .map(|r| (r.turn, r.sentence))
            .collect();
        assert!(placed == expected, "side {side}: sentences out of place");
        let speakers = transcript.speakers.len();
        let ids = alignment.speakers.iter().filter_map(|m| {
            if side == 0 {
                m.speakers.official
            } else {
                m.speakers.other
            }
        });
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
