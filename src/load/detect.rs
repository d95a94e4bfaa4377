//! Which format a text is in, judged from its content, with a note when the call is close.

use super::{Format, bracketed, labelled, metadata, subtitles, timestamped};

/// The chosen format, and why when the choice was not clear-cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub format: Format,
    pub note: Option<String>,
}

impl Detection {
    fn certain(format: Format) -> Self {
        Detection { format, note: None }
    }
}

/// Looks at the text's opening for structured formats, then counts the line shapes of the
/// plain-text formats and takes the most common.
/// How many lines the counts of labels, headers and time stamps look at.
const DETECTION_LINES: usize = 5000;

pub fn detect(text: &str) -> Detection {
    let start = text.trim_start();
    if start.starts_with('{')
        || start.starts_with('[') && serde_json::from_str::<serde::de::IgnoredAny>(start).is_ok()
    {
        return Detection::certain(Format::Json);
    }
    if start.starts_with("WEBVTT") {
        return Detection::certain(Format::Vtt);
    }
    if subtitles::looks_like_srt(text) {
        return Detection::certain(Format::Srt);
    }
    if start.starts_with('<') {
        return Detection::certain(Format::Html);
    }
    // A transcript shows its format within its first lines; counting a 50 MB file's every
    // line would cost more than reading it.
    let lines: Vec<&str> = text.lines().take(DETECTION_LINES).collect();
    let within = if lines.len() == DETECTION_LINES {
        format!(" in its first {DETECTION_LINES} lines")
    } else {
        String::new()
    };
    let mut counts = [
        (
            Format::Labelled,
            lines
                .iter()
                .filter(|l| {
                    labelled::label_at(l).is_some_and(|label| label.strict)
                        && !metadata::is_footer_start(l)
                })
                .count(),
            "label lines such as 'SPEAKER:'",
        ),
        (
            Format::Bracketed,
            bracketed::header_count(&lines),
            "'[Speaker]' header lines",
        ),
        (
            Format::Timestamped,
            lines
                .iter()
                // `4:02 P.M. EDT` opens and closes many a single-speaker speech: a clock
                // reading, not a transcript's time stamp.
                .filter(|l| timestamped::line_time(l).is_some() && !metadata::is_clock_line(l))
                .count(),
            "lines opening with a time stamp",
        ),
    ];
    counts.sort_by_key(|(_, count, _)| std::cmp::Reverse(*count));
    let [
        (format, count, what),
        (runner_up, runner_count, runner_what),
        _,
    ] = counts;
    // A time-stamped transcript stamps every utterance: one stamped line in a text is more
    // likely a clock reading run into a label (`2:29 P.M. EST THE VICE PRESIDENT:`).
    // Labelled lines read text without labels as one turn, and say so.
    if count == 0 || format == Format::Timestamped && count < 2 {
        return Detection::certain(Format::Labelled);
    }
    let note = if runner_count * 2 >= count {
        Some(format!(
            "read as {} because it has {count} {what}, against {runner_count} {runner_what} for {}{within}",
            format.description(),
            runner_up.description()
        ))
    } else if count < 2 {
        Some(format!(
            "read as {} on the strength of a single one of its {what}",
            format.description()
        ))
    } else {
        None
    };
    Detection { format, note }
}
