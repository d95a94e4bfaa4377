//! HTML transcripts. The Podcasting 2.0 shape (`<cite>Name:</cite> <time>0:53</time>
//! <p>text</p>`) is read directly; any other page is turned into lines of text (one per block
//! element) and read as the plain-text format it then looks like.

use super::assemble::{Markup, Piece, TurnDraft};
use super::clock::clock;
use super::document::Document;
use super::{Format, detect, entities};
use crate::model::TimeSpan;
use std::borrow::Cow;

#[derive(Debug)]
enum Node<'a> {
    /// A tag's lower-cased name, whether it closes, and its line.
    Tag {
        name: Cow<'a, str>,
        closing: bool,
        line: usize,
    },
    Text {
        text: &'a str,
    },
}

fn tokenize(source: &str) -> Vec<Node<'_>> {
    let mut nodes = Vec::new();
    let mut rest = source;
    let mut line = 1;
    let count_lines = |text: &str| memchr::memchr_iter(b'\n', text.as_bytes()).count();
    while !rest.is_empty() {
        let Some(open) = memchr::memchr(b'<', rest.as_bytes()) else {
            nodes.push(Node::Text { text: rest });
            break;
        };
        if open > 0 {
            nodes.push(Node::Text {
                text: &rest[..open],
            });
            line += count_lines(&rest[..open]);
        }
        let Some(length) = memchr::memchr(b'>', &rest.as_bytes()[open..]) else {
            // No `>` follows, so this is no tag but text. (Cut one byte short as a tag, it
            // split a multi-byte character at the end, and it lost the text after it.)
            nodes.push(Node::Text {
                text: &rest[open..],
            });
            break;
        };
        let tag_end = open + length + 1;
        let tag = &rest[open + 1..tag_end - 1];
        let closing = tag.starts_with('/');
        let after_slash = tag.trim_start_matches('/');
        let name_end = after_slash
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(after_slash.len());
        let name = &after_slash[..name_end];
        // Most pages write their tags in lower case: those are borrowed as they are.
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        if name.is_empty() && !tag.starts_with('!') {
            // A lone `<` in text.
            nodes.push(Node::Text {
                text: &rest[open..open + 1],
            });
            rest = &rest[open + 1..];
            continue;
        }
        nodes.push(Node::Tag {
            name,
            closing,
            line,
        });
        line += count_lines(&rest[open..tag_end]);
        rest = &rest[tag_end..];
    }
    nodes
}

pub fn parse(source: &str) -> Document {
    let nodes = tokenize(source);
    let cited = nodes
        .iter()
        .any(|n| matches!(n, Node::Tag { name, .. } if name == "cite"));
    if cited {
        return parse_cited(&nodes);
    }
    let text = plain_text(&nodes);
    let detection = detect::detect(&text);
    let format = match detection.format {
        Format::Bracketed | Format::Timestamped => detection.format,
        _ => Format::Labelled,
    };
    let mut document = super::parse(format, &text).unwrap_or_default();
    document.warnings.push(format!(
        "HTML page read as {} (line numbers count the page's text blocks)",
        format.description()
    ));
    document
}

/// Text inside an element, entity-decoded and with white space collapsed.
struct Collector {
    element: String,
    text: String,
}

fn parse_cited(nodes: &[Node<'_>]) -> Document {
    let mut document = Document::default();
    let mut draft: Option<TurnDraft> = None;
    let mut time: Option<TimeSpan> = None;
    let mut collecting: Option<Collector> = None;
    let mut outside = String::new();
    for node in nodes {
        match node {
            Node::Tag {
                name,
                closing: false,
                ..
            } if matches!(name.as_ref(), "cite" | "time" | "p") => {
                collecting = Some(Collector {
                    element: name.to_string(),
                    text: String::new(),
                });
            }
            Node::Tag {
                name,
                closing: true,
                line,
            } if collecting.as_ref().is_some_and(|c| c.element == *name) => {
                let Some(collector) = collecting.take() else {
                    continue;
                };
                let text = entities::decode(&collector.text).into_owned();
                match name.as_ref() {
                    "cite" => {
                        if let Some(finished) = draft.take() {
                            document.push_turn(finished);
                        }
                        let label = text.trim().trim_end_matches(':').trim();
                        let id = (!label.is_empty()).then(|| document.speakers.intern(label));
                        draft = Some(TurnDraft::new(label, id, *line));
                        time = None;
                    }
                    "time" => time = clock(text.trim()).map(|start| TimeSpan { start, end: None }),
                    _ => {
                        let turn = draft.get_or_insert_with(|| TurnDraft::new("", None, *line));
                        turn.push_paragraph(&[Piece { text: &text, time }], Markup::default());
                        turn.touch_line(*line);
                    }
                }
            }
            Node::Text { text, .. } => match collecting.as_mut() {
                Some(collector) => collector.text.push_str(text),
                None => outside.push_str(text),
            },
            Node::Tag { .. } => {}
        }
        if collecting.is_none() && !outside.is_empty() {
            // White space between elements carries nothing; kept, it would be trimmed again
            // at every later node.
            if !outside.trim().is_empty() {
                let text = entities::decode(outside.trim()).into_owned();
                let lines = text.lines().map(str::to_string);
                if draft.is_none() {
                    document.metadata.header.extend(lines);
                } else {
                    document.metadata.footer.extend(lines);
                }
            }
            outside.clear();
        }
    }
    if let Some(finished) = draft {
        document.push_turn(finished);
    }
    document
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "header",
    "footer",
    "main",
    "dt",
    "dd",
    "hr",
    "pre",
    "title",
    "body",
    "html",
    "head",
];

/// The page's text with one line per block element; scripts and styles are skipped.
fn plain_text(nodes: &[Node<'_>]) -> String {
    let mut out = String::new();
    let mut skipping: Option<&str> = None;
    for node in nodes {
        match node {
            Node::Tag { name, closing, .. } => {
                if let Some(skipped) = skipping {
                    if *closing && name == skipped {
                        skipping = None;
                    }
                    continue;
                }
                if !closing && matches!(name.as_ref(), "script" | "style") {
                    skipping = Some(if name == "script" { "script" } else { "style" });
                } else if BLOCKS.contains(&name.as_ref()) {
                    out.push('\n');
                    if name == "p" && *closing {
                        out.push('\n');
                    }
                }
            }
            Node::Text { text, .. } if skipping.is_none() => out.push_str(&entities::decode(text)),
            Node::Text { .. } => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cite_time_p_transcript() {
        let html = "<cite>Travis:</cite>\n<time>0:00</time>\n<p>It&#39;s good.</p>\n<cite>Sarah:</cite>\n<time>0:53</time>\n<p>Yes.</p>";
        let document = parse(html);
        assert_eq!(document.turns.len(), 2);
        assert_eq!(document.turns[0].label, "Travis");
        assert_eq!(
            document.turns[0].paragraphs[0].sentences[0].text,
            "It's good."
        );
        assert_eq!(document.turns[1].time.map(|t| t.start), Some(53.0));
        assert_eq!(document.turns[1].lines.first, 4);
    }

    #[test]
    fn other_pages_are_read_as_text() {
        let html = "<html><head><title>T</title><script>x</script></head><body><p>MODERATOR: Welcome.</p><p>Q&amp;A follows.</p><p>Q    Why?</p></body></html>";
        let document = parse(html);
        assert_eq!(document.turns.len(), 2);
    }
}
