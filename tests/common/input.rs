//! The text a transcript file holds as a reader sees it, for checks that no word is lost.

/// The text a file holds, as a reader sees it: markup that is not text removed.
pub fn input_text(file: &str) -> String {
    let raw = std::fs::read_to_string(super::data(file))
        .unwrap_or_else(|error| panic!("{file}: {error}"));
    let raw = raw.trim_start_matches('\u{feff}');
    let extension = file.rsplit('.').next().unwrap_or("");
    match extension {
        // Struck-text tags are markup: `People<s>s</s>` reads `Peoples`, struck `s`.
        "md" => raw.replace("<s>", "").replace("</s>", ""),
        "srt" => raw
            .lines()
            .filter(|l| !l.contains("-->") && !l.trim().chars().all(|c| c.is_ascii_digit()))
            .collect::<Vec<_>>()
            .join("\n"),
        "vtt" => raw
            .lines()
            .filter(|l| !l.contains("-->"))
            .map(strip_voice)
            .collect::<Vec<_>>()
            .join("\n")
            .replace("&amp;", "&"),
        // Times are kept as turn times, not as text.
        "html" => strip_tags(&strip_elements(raw, "time")).replace("&#39;", "'"),
        // Speaker names repeat on consecutive lines of one turn; the turn counts check them.
        "txt" if file.contains("bookbytes") => raw
            .lines()
            .map(|l| l.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.'))
            .map(|l| {
                match l
                    .trim_start()
                    .strip_prefix("**")
                    .and_then(|r| r.split_once("**"))
                {
                    Some((_, speech)) => speech,
                    None => l,
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => raw.to_string(),
    }
}

fn strip_voice(line: &str) -> String {
    match line.strip_prefix("<v ").and_then(|r| r.split_once('>')) {
        Some((_, rest)) => rest.to_string(),
        None => line.to_string(),
    }
}

fn strip_elements(text: &str, name: &str) -> String {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once(&close)
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether each turn's label appears once in the file, where the turn starts.
pub fn has_labels_in_text(file: &str) -> bool {
    !file.ends_with(".vtt") && !file.contains("bookbytes")
}
