//! TMX and the HTML report, on real pairs: well-formed (checked by Python's XML and HTML
//! parsers), every sentence there exactly as the model has it, hostile text escaped, and the
//! report rendered by headless Chromium.
//!
//! Expected text is read from the model's turns, not through `Pair::sentences`, which the
//! exporters themselves use: a sentence that helper lost would be lost on both sides of a
//! comparison.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tandem::align::{self, Alignment};
use tandem::export::{self, ExportFormat};
use tandem::load::{self, LoadOptions};
use tandem::model::{Annotation, AnnotationKind, Pair, SentenceRef, Transcript};
use tandem::sanitize;

const HARRIS_DUDA: &str =
    "../shared/corpus/whitehouse/wh_2022-03-10_harris-duda_joint-press-conference";

struct Aligned {
    official: Transcript,
    other: Transcript,
    alignment: Alignment,
}

impl Aligned {
    fn new(official: Transcript, other: Transcript) -> Self {
        let alignment = align::align(&official, &other, &[]);
        Aligned {
            official,
            other,
            alignment,
        }
    }

    fn pair(&self) -> export::Aligned<'_> {
        export::Aligned::new(Pair::new(&self.official, &self.other), &self.alignment)
    }

    fn write(&self, format: ExportFormat) -> String {
        export::write(&self.pair(), format)
    }

    /// Each row's two sides as the exports must show them: sentences joined by a space, each
    /// after the notes that stood before it in the source.
    fn sides(&self) -> Vec<(String, String)> {
        let join = |transcript: &Transcript, refs: &[SentenceRef]| {
            let texts: Vec<String> = refs
                .iter()
                .map(|r| with_notes(transcript, r).join(" "))
                .collect();
            sanitize::visible(&texts.join(" ")).into_owned()
        };
        self.alignment
            .rows
            .iter()
            .map(|row| {
                (
                    join(&self.official, &row.sides.official),
                    join(&self.other, &row.sides.other),
                )
            })
            .collect()
    }
}

/// A sentence's text, straight from the model.
fn sentence<'a>(transcript: &'a Transcript, at: &SentenceRef) -> &'a str {
    let turn = &transcript.turns[at.turn];
    let found = turn.sentences().nth(at.sentence);
    &found
        .unwrap_or_else(|| panic!("the alignment names a missing sentence {at:?}"))
        .text
}

/// The notes that stood before a sentence (`[Via interpreter]`), then its text, from the
/// model's turns: the annotations without a span at the sentence's paragraph and place in it.
fn with_notes<'a>(transcript: &'a Transcript, at: &SentenceRef) -> Vec<&'a str> {
    let turn = &transcript.turns[at.turn];
    let (mut paragraph, mut index) = (0, at.sentence);
    while index >= turn.paragraphs[paragraph].sentences.len() {
        index -= turn.paragraphs[paragraph].sentences.len();
        paragraph += 1;
    }
    let mut texts: Vec<&str> = turn
        .annotations
        .iter()
        .filter(|a| a.span.is_none() && a.paragraph == paragraph && a.sentence == index)
        .map(|a| a.text.as_str())
        .collect();
    texts.push(sentence(transcript, at));
    texts
}

/// The words (letters and digits) of every sentence of a transcript and of the notes that
/// stood before it, in order, and for each sentence whether the alignment gives it a
/// counterpart.
fn model_words(transcript: &Transcript, rows: &[(Vec<SentenceRef>, bool)]) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    for (turn_index, turn) in transcript.turns.iter().enumerate() {
        for sentence_index in 0..turn.sentence_count() {
            let at = SentenceRef {
                turn: turn_index,
                sentence: sentence_index,
            };
            let holding: Vec<bool> = rows
                .iter()
                .filter(|(refs, _)| refs.contains(&at))
                .map(|(_, two_sided)| *two_sided)
                .collect();
            assert_eq!(holding.len(), 1, "{at:?} is in exactly one row");
            let paired = holding[0];
            words.extend(
                common::words(&with_notes(transcript, &at).join(" "))
                    .into_iter()
                    .map(|w| (w, paired)),
            );
        }
    }
    words
}

/// The seed pair, the bundled official version beside our Korean fixture, and (when the shared
/// corpus is here) a corrected reprint.
fn pairs(test: &str) -> Vec<(&'static str, Aligned)> {
    let mut pairs = vec![
        (
            "seed pair",
            Aligned::new(common::official_seed(), common::ytn_seed()),
        ),
        (
            "official and Korean",
            Aligned::new(
                common::official_seed(),
                common::load("tests/fixtures/seoul-ko.txt"),
            ),
        ),
    ];
    if common::shared_corpus(test) {
        pairs.push((
            "Harris-Duda ORIGINAL/CORRECTED",
            Aligned::new(
                common::load(&format!("{HARRIS_DUDA}_ORIGINAL.md")),
                common::load(&format!("{HARRIS_DUDA}_CORRECTED.md")),
            ),
        ));
    }
    pairs
}

/// Whether python3 runs the checks; without it the test says it skipped (`.ci/run` installs it).
fn has_python(test: &str) -> bool {
    common::has_program(test, "python3", "apt install python3")
}

/// Runs a Python program on `input` and returns what it prints: its parsers are independent of
/// ours.
fn python(program: &str, input: &str) -> String {
    let mut child = Command::new("python3")
        .args(["-c", program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs the XML and HTML checks");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Parses TMX with xml.etree and prints, per translation unit, its id, languages, the two
/// segments, its flags and each variant's notes as a JSON list.
const READ_TMX: &str = r#"
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
assert root.tag == "tmx" and root.get("version") == "1.4", root.tag
header = root.find("header")
units = []
for tu in root.find("body").findall("tu"):
    tuvs = tu.findall("tuv")
    units.append([tu.get("tuid")] + [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs] + [t.find("seg").text or "" for t in tuvs])
    units[-1].append([p.text for p in tu.findall("prop") if p.get("type") == "x-flag"])
    units[-1].append([[n.text for n in t.findall("note")] for t in tuvs])
print(json.dumps({"srclang": header.get("srclang"), "units": units}))
"#;

/// Parses HTML with html.parser, checks that every element is closed in order, and prints
/// the text of each row's two cells and the row classes as JSON.
const READ_HTML: &str = r#"
import json, sys
from html.parser import HTMLParser
VOID = {"meta", "col", "br", "img", "link", "input", "hr"}
class Report(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.rows, self.cell, self.in_text, self.in_style = [], [], None, 0, False
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "style":
            self.in_style = True
        if tag == "tr" and "id" in attrs:
            self.rows.append({"class": attrs.get("class"), "official": None, "other": None})
        if tag == "td" and self.rows and attrs.get("class", "").split()[0] in ("official", "other"):
            side = attrs["class"].split()[0]
            self.cell = side
            self.rows[-1][side] = "" if "missing" not in attrs["class"] else None
        if tag == "div" and attrs.get("class") == "text":
            self.in_text += 1
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()
        if tag == "style":
            self.in_style = False
        if tag == "div" and self.in_text:
            self.in_text -= 1
        if tag == "td":
            self.cell = None
    def handle_data(self, data):
        if self.in_text and self.cell:
            self.rows[-1][self.cell] += data
report = Report()
report.feed(sys.stdin.read())
report.close()
assert not report.stack, report.stack
print(json.dumps(report.rows))
"#;

#[test]
fn tmx_is_well_formed_and_holds_every_row_with_two_sides() {
    if !has_python("tmx_is_well_formed_and_holds_every_row_with_two_sides") {
        return;
    }
    for (name, aligned) in pairs("tmx_is_well_formed_and_holds_every_row_with_two_sides") {
        let parsed: serde_json::Value =
            serde_json::from_str(&python(READ_TMX, &aligned.write(ExportFormat::Tmx))).unwrap();
        let expected: Vec<(usize, (String, String))> = aligned
            .sides()
            .into_iter()
            .enumerate()
            .filter(|(_, (official, other))| !official.is_empty() && !other.is_empty())
            .collect();
        let units = parsed["units"].as_array().unwrap();
        assert_eq!(units.len(), expected.len(), "{name}");
        assert!(!units.is_empty(), "{name}");
        let official_language = aligned.official.metadata.language.clone().unwrap();
        let other_language = aligned.other.metadata.language.clone().unwrap();
        assert_eq!(parsed["srclang"], official_language.as_str());
        for (unit, (index, (official, other))) in units.iter().zip(&expected) {
            assert_eq!(unit[0], (index + 1).to_string().as_str(), "{name}");
            assert_eq!(unit[1], official_language.as_str());
            assert_eq!(unit[2], other_language.as_str());
            assert_eq!(unit[3], official.as_str(), "{name}, row {}", index + 1);
            assert_eq!(unit[4], other.as_str(), "{name}, row {}", index + 1);
            let flags: Vec<&str> = aligned.alignment.rows[*index]
                .flags
                .iter()
                .map(|flag| flag.name())
                .collect();
            assert_eq!(
                unit[5],
                serde_json::json!(flags),
                "{name}, row {}",
                index + 1
            );
        }
    }
}

/// The words of the TMX segments, or of the HTML cells, against the model's: every word of
/// a sentence with a counterpart in TMX, every word of every sentence in HTML, in order,
/// none added or changed.
#[test]
fn no_word_is_lost_or_changed() {
    if !has_python("no_word_is_lost_or_changed") {
        return;
    }
    for (name, aligned) in pairs("no_word_is_lost_or_changed") {
        let tmx: serde_json::Value =
            serde_json::from_str(&python(READ_TMX, &aligned.write(ExportFormat::Tmx))).unwrap();
        let html: Vec<serde_json::Value> =
            serde_json::from_str(&python(READ_HTML, &aligned.write(ExportFormat::Html))).unwrap();
        for (side, transcript, tmx_column) in [
            ("official", &aligned.official, 3),
            ("other", &aligned.other, 4),
        ] {
            let rows: Vec<(Vec<SentenceRef>, bool)> = aligned
                .alignment
                .rows
                .iter()
                .map(|row| {
                    let refs = if side == "official" {
                        &row.sides.official
                    } else {
                        &row.sides.other
                    };
                    (
                        refs.to_vec(),
                        !row.sides.official.is_empty() && !row.sides.other.is_empty(),
                    )
                })
                .collect();
            let model = model_words(transcript, &rows);
            let paired: Vec<&String> = model.iter().filter(|(_, p)| *p).map(|(w, _)| w).collect();
            let all: Vec<&String> = model.iter().map(|(w, _)| w).collect();
            let in_tmx: Vec<String> = tmx["units"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|unit| common::words(unit[tmx_column].as_str().unwrap()))
                .collect();
            let in_html: Vec<String> = html
                .iter()
                .flat_map(|row| common::words(row[side].as_str().unwrap_or("")))
                .collect();
            assert!(in_tmx.iter().eq(paired), "{name}, {side}: TMX words");
            assert!(in_html.iter().eq(all), "{name}, {side}: HTML words");
        }
    }
}

#[test]
fn html_is_well_formed_and_shows_every_sentence_once() {
    if !has_python("html_is_well_formed_and_shows_every_sentence_once") {
        return;
    }
    for (name, aligned) in pairs("html_is_well_formed_and_shows_every_sentence_once") {
        let html = aligned.write(ExportFormat::Html);
        let rows: Vec<serde_json::Value> = serde_json::from_str(&python(READ_HTML, &html)).unwrap();
        let sides = aligned.sides();
        assert_eq!(rows.len(), sides.len(), "{name}");
        for ((row, (official, other)), aligned_row) in
            rows.iter().zip(&sides).zip(&aligned.alignment.rows)
        {
            let shown = |value: &serde_json::Value| value.as_str().unwrap_or("").to_string();
            assert_eq!(shown(&row["official"]), *official, "{name}");
            assert_eq!(shown(&row["other"]), *other, "{name}");
            let class = row["class"].as_str().unwrap();
            let expected = if official.is_empty() || other.is_empty() {
                "unmatched"
            } else if aligned_row.is_divergent() {
                "divergent"
            } else {
                "matched"
            };
            assert_eq!(class, expected, "{name}");
        }
    }
}

#[test]
fn html_marks_the_words_a_correction_changed() {
    let Some((_, aligned)) = pairs("html_marks_the_words_a_correction_changed")
        .into_iter()
        .find(|(name, _)| name.starts_with("Harris-Duda"))
    else {
        return;
    };
    let html = aligned.write(ExportFormat::Html);
    let marked = html.matches("<del>").count() + html.matches("<ins>").count();
    assert!(marked > 0, "the CORRECTED reprint changes words");
    // A word diff is shown only where most of a row is shared, so it stays readable.
    let seed = pairs("html_marks_the_words_a_correction_changed")
        .swap_remove(0)
        .1
        .write(ExportFormat::Html);
    assert!(seed.contains("<del>") && seed.contains("<ins>"));
}

fn transcript(text: &str) -> Transcript {
    load::load_bytes(text.as_bytes(), "hostile.txt", LoadOptions::default()).unwrap()
}

#[test]
fn hostile_text_is_escaped_and_shown() {
    let hostile = "MODERATOR: Welcome <script>alert('x')</script> & \"quotes\" here.\n\n\
                   QUESTION: A title change \u{1b}]0;owned\u{7} and a clipboard write \
                   \u{1b}]52;c;ZXZpbA==\u{7} and \u{202e}reversed text and \u{ffff} here.\n";
    let calm = "MODERATOR: Welcome everyone here.\n\nQUESTION: A quiet question here.\n";
    let aligned = Aligned::new(transcript(hostile), transcript(calm));
    for format in [ExportFormat::Tmx, ExportFormat::Html] {
        let out = aligned.write(format);
        assert!(!out.contains("<script>"), "{format:?}");
        assert!(
            out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            "{format:?}"
        );
        assert!(out.contains("&amp; &quot;quotes&quot;"), "{format:?}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
        assert!(!out.contains('\u{ffff}'));
        assert!(
            out.contains("␛]52;c;ZXZpbA==␇"),
            "{format:?}: shown, not dropped"
        );
        assert!(out.contains("&lt;U+202E&gt;reversed"), "{format:?}");
        assert!(out.contains("&lt;U+FFFF&gt;"), "{format:?}");
    }
    if has_python("hostile_text_is_escaped_and_shown") {
        python(READ_TMX, &aligned.write(ExportFormat::Tmx));
        python(READ_HTML, &aligned.write(ExportFormat::Html));
    }
}

#[test]
fn hostile_text_is_inert_in_json_and_reads_back_unchanged() {
    let hostile = "MODERATOR: A title change \u{1b}]0;owned\u{7} and a CSI \u{9b}2J, a DEL \u{7f}, \
                   \u{202e}reversed text and \u{2066}isolated\u{2069} here.\n";
    let calm = "MODERATOR: A quiet sentence here.\n";
    let aligned = Aligned::new(transcript(hostile), transcript(calm));
    for pretty in [false, true] {
        let mut bytes = Vec::new();
        export::write_to(&aligned.pair(), ExportFormat::Json, pretty, &mut bytes).unwrap();
        let out = String::from_utf8(bytes).unwrap();
        let acting = [
            '\u{1b}', '\u{7}', '\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}', '\u{2069}',
        ];
        assert!(!out.contains(acting), "pretty {pretty}: {out}");
        let document: serde_json::Value = serde_json::from_str(&out).unwrap();
        let text = document["alignment"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row["official"].as_array().unwrap())
            .map(|sentence| sentence["text"].as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        for c in acting {
            assert!(text.contains(c), "{c:?} read back as written");
        }
    }
}

#[test]
fn the_command_writes_tmx_and_html() {
    for (format, start) in [("tmx", "<?xml"), ("html", "<!DOCTYPE html>")] {
        let output = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(["--no-config", "export", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(String::from_utf8_lossy(&output.stdout).starts_with(start));
    }
}

/// Width and height from a PNG's header chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    assert_eq!(&bytes[12..16], b"IHDR");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

/// A screenshot of `page` by headless Chromium, in a profile of its own.
fn screenshot(page: &Path, dir: &Path, name: &str) -> Vec<u8> {
    let profile = dir.join(format!("profile-{name}"));
    let image = dir.join(format!("{name}.png"));
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", image.display()))
        .arg("--window-size=1400,1000")
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "chromium failed on {}", page.display());
    std::fs::read(&image).unwrap()
}

#[test]
fn the_html_report_renders_in_chromium() {
    if !common::has_program(
        "the_html_report_renders_in_chromium",
        "chromium",
        "apt-get install chromium",
    ) {
        return;
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("tandem-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.html");
    let blank = dir.join("blank.html");
    let aligned = pairs("the_html_report_renders_in_chromium")
        .swap_remove(0)
        .1;
    std::fs::write(&report, aligned.write(ExportFormat::Html)).unwrap();
    std::fs::write(&blank, "<!DOCTYPE html><html><body></body></html>").unwrap();

    let rendered = screenshot(&report, &dir, "report");
    let empty = screenshot(&blank, &dir, "blank");
    assert_eq!(png_size(&rendered), (1400, 1000));
    assert_eq!(png_size(&empty), (1400, 1000));
    // A blank page compresses to almost nothing; a page of text and coloured rows does not.
    assert!(
        rendered.len() > 20 * empty.len(),
        "the report renders as more than a blank page ({} against {} bytes); see {}",
        rendered.len(),
        empty.len(),
        dir.display()
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Gives the `index`th sentence of a one-paragraph turn a note before it, or marks `words`
/// inside it as `kind`.
fn annotate(
    transcript: &mut Transcript,
    turn: usize,
    index: usize,
    kind: AnnotationKind,
    words: &str,
) {
    let turn = &mut transcript.turns[turn];
    let text = &turn.paragraphs[0].sentences[index].text;
    let span = text.find(words).map(|start| start..start + words.len());
    turn.annotations.push(Annotation {
        kind,
        text: words.to_string(),
        paragraph: 0,
        sentence: index,
        span,
    });
}

/// A corrected pair: a note before the first sentence on both sides; in the second, text the
/// official version marks unverified and the other marks struck, overlapping the one word that
/// differs.
fn qualified_pair() -> Aligned {
    let official = "MODERATOR: Thank you. Next, we will open the floor now.\n\n\
                    QUESTION: A question about tariffs and trade here.\n";
    let other = "MODERATOR: Thank you. Next, we will open the doors now.\n\n\
                 QUESTION: A question about tariffs and trade here.\n";
    let (mut official, mut other) = (transcript(official), transcript(other));
    annotate(
        &mut official,
        0,
        0,
        AnnotationKind::Interpretation,
        "[Via interpreter]",
    );
    annotate(
        &mut official,
        0,
        1,
        AnnotationKind::Unverified,
        "we will open the floor now.",
    );
    annotate(
        &mut other,
        0,
        0,
        AnnotationKind::Interpretation,
        "[Via interpreter]",
    );
    annotate(&mut other, 0, 1, AnnotationKind::Struck, "doors");
    for transcript in [&official, &other] {
        transcript.validate().unwrap();
        assert!(
            transcript.turns[0]
                .annotations
                .iter()
                .all(|a| a.kind == AnnotationKind::Interpretation || a.span.is_some())
        );
    }
    Aligned::new(official, other)
}

/// Issue 19: every format carries the note that stood before a sentence, before its text, and
/// says which words the source marks unverified or struck; no word of the text changes. TSV
/// and Markdown write the text, then the marks.
#[test]
fn tsv_and_markdown_carry_what_qualifies_a_quote() {
    let aligned = qualified_pair();
    assert_eq!(aligned.alignment.rows.len(), 3);
    let unverified = "(unverified in the source: “we will open the floor now.”)";
    let struck = "(struck in the source: “doors”)";

    let tsv = aligned.write(ExportFormat::Tsv);
    let lines: Vec<&str> = tsv.lines().collect();
    assert!(lines[1].starts_with("1\tT1 S1\tMODERATOR\t[Via interpreter] Thank you.\tT1 S1\tMODERATOR\t[Via interpreter] Thank you.\t"), "{tsv}");
    assert!(
        lines[2].contains(&format!(
            "\tNext, we will open the floor now. {unverified}\t"
        )),
        "{tsv}"
    );
    assert!(
        lines[2].contains(&format!("\tNext, we will open the doors now. {struck}\t")),
        "{tsv}"
    );
    assert_eq!(lines[3].matches("in the source").count(), 0, "{tsv}");

    let markdown = aligned.write(ExportFormat::Markdown);
    assert!(markdown.contains("| 1 | **T1 S1** MODERATOR: [Via interpreter] Thank you. | **T1 S1** MODERATOR: [Via interpreter] Thank you. |"), "{markdown}");
    assert!(
        markdown.contains(&format!(
            "MODERATOR: Next, we will open the floor now. {unverified} |"
        )),
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!(
            "MODERATOR: Next, we will open the doors now. {struck} |"
        )),
        "{markdown}"
    );
}

/// TMX: the note in the segment, as in the source; the marks as notes of their variant, so
/// that the segment holds each word once.
#[test]
fn tmx_carries_what_qualifies_a_quote() {
    if !has_python("tmx_carries_what_qualifies_a_quote") {
        return;
    }
    let aligned = qualified_pair();
    let tmx: serde_json::Value =
        serde_json::from_str(&python(READ_TMX, &aligned.write(ExportFormat::Tmx))).unwrap();
    let units = tmx["units"].as_array().unwrap();
    assert_eq!(units[0][3], "[Via interpreter] Thank you.");
    assert_eq!(units[0][4], "[Via interpreter] Thank you.");
    assert_eq!(units[0][6], serde_json::json!([[], []]));
    assert_eq!(units[1][3], "Next, we will open the floor now.");
    assert_eq!(units[1][4], "Next, we will open the doors now.");
    assert_eq!(
        units[1][6],
        serde_json::json!([
            ["unverified in the source: “we will open the floor now.”"],
            ["struck in the source: “doors”"]
        ])
    );
}

/// HTML: styled as in the reader, inside and around the word diff; the cell's text is the
/// note and the sentence.
#[test]
fn html_carries_what_qualifies_a_quote() {
    let aligned = qualified_pair();
    let html = aligned.write(ExportFormat::Html);
    assert!(
        html.contains(
            "<div class=\"text\"><span class=\"note\">[Via interpreter]</span> Thank you.</div>"
        ),
        "{html}"
    );
    assert!(html.contains("<div class=\"text\">Next, <span class=\"unverified\" title=\"unverified in the source\">we will open the <del>floor</del> now.</span></div>"), "{html}");
    assert!(html.contains("<div class=\"text\">Next, we will open the <span class=\"struck\" title=\"struck in the source\"><ins>doors</ins></span> now.</div>"), "{html}");
    assert!(
        html.contains("unverified in the source (red asterisks"),
        "the legend explains the marks"
    );
    if !has_python("html_carries_what_qualifies_a_quote") {
        return;
    }
    let rows: Vec<serde_json::Value> = serde_json::from_str(&python(READ_HTML, &html)).unwrap();
    assert_eq!(rows[0]["official"], "[Via interpreter] Thank you.");
    assert_eq!(rows[1]["official"], "Next, we will open the floor now.");
    assert_eq!(rows[1]["other"], "Next, we will open the doors now.");
}

/// JSON: each sentence with its annotations; the text as in the source.
#[test]
fn json_sentences_carry_their_annotations() {
    let aligned = qualified_pair();
    let json: serde_json::Value = serde_json::from_str(&aligned.write(ExportFormat::Json)).unwrap();
    let rows = json["alignment"].as_array().unwrap();
    assert_eq!(
        rows[0]["official"][0]["annotations"],
        serde_json::json!([{"kind": "interpretation", "text": "[Via interpreter]"}])
    );
    assert_eq!(rows[0]["official"][0]["text"], "Thank you.");
    assert_eq!(
        rows[1]["official"][0]["annotations"],
        serde_json::json!([{"kind": "unverified", "text": "we will open the floor now.", "span": {"start": 6, "end": 33}}])
    );
    assert_eq!(
        rows[1]["other"][0]["annotations"],
        serde_json::json!([{"kind": "struck", "text": "doors", "span": {"start": 23, "end": 28}}])
    );
    assert!(
        rows[2]["official"][0].get("annotations").is_none(),
        "absent where there are none"
    );
}

/// A row with nothing to qualify it is written exactly as when the transcripts had no
/// annotations at all, in every format; only rows with annotations change.
#[test]
fn rows_without_annotations_are_written_as_before() {
    for (name, aligned) in pairs("rows_without_annotations_are_written_as_before") {
        let bare = |transcript: &Transcript| {
            let mut bare = transcript.clone();
            bare.turns
                .iter_mut()
                .for_each(|turn| turn.annotations.clear());
            bare
        };
        let before = Aligned {
            official: bare(&aligned.official),
            other: bare(&aligned.other),
            alignment: aligned.alignment.clone(),
        };
        let qualifiers: Vec<String> = [&aligned.official, &aligned.other]
            .iter()
            .flat_map(|t| t.turns.iter().flat_map(|turn| &turn.annotations))
            .filter(|a| a.span.is_none())
            .map(|a| a.text.clone())
            .chain(["in the source".to_string()])
            .collect();
        for format in [
            ExportFormat::Tsv,
            ExportFormat::Markdown,
            ExportFormat::Tmx,
            ExportFormat::Html,
        ] {
            let (old, new) = (before.write(format), aligned.write(format));
            let old_lines: std::collections::HashSet<&str> = old.lines().collect();
            let changed: Vec<&str> = new
                .lines()
                .filter(|line| !old_lines.contains(line))
                .collect();
            assert!(!changed.is_empty(), "{name}, {format:?}: the notes show");
            for line in &changed {
                let is_style = line.starts_with('.') || line.starts_with("<p class=\"legend\"");
                assert!(
                    is_style || qualifiers.iter().any(|q| line.contains(q.as_str())),
                    "{name}, {format:?}: a line changed with nothing to qualify it: {line}"
                );
            }
            assert_eq!(
                old.lines().count() + changed.iter().filter(|l| l.starts_with('.')).count(),
                new.lines().count(),
                "{name}, {format:?}"
            );
        }
    }
}
