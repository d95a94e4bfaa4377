//! Header and footer lines into metadata: title, date, place, source and notes.
//!
//! The raw lines are always kept in [`Metadata::header`] and [`Metadata::footer`]; the fields
//! read here are a convenience on top, so a header we misread loses nothing.

use crate::model::Metadata;

/// Does `line` open a transcript's footer (source notes, copyright, contact, end time)?
pub fn is_footer_start(line: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "= text within",
        "Original Text Source",
        "Original Video Source",
        "Page Created",
        "U.S. Copyright Status",
        "Video Note",
        "Copyright ©",
        "Copyright:",
        "©",
        "※",
        "[Kakao Talk]",
        "[Phone]",
        "[Mail]",
        "[E-mail]",
        "[Email]",
        "# # #",
        "###",
    ];
    let line = line.trim();
    line == "*"
        || line == "END"
        || line.starts_with("END ")
        || is_clock_line(line)
        || PREFIXES.iter().any(|p| line.starts_with(p))
}

/// `12:57 P.M. CET`, `2:58 P.M. JST`, `END 1:43 P.M. CET`: a time line in White House style.
pub fn is_clock_line(line: &str) -> bool {
    let line = line.trim().trim_start_matches("END").trim();
    let mut words = line.split_whitespace();
    let Some(clock) = words.next() else {
        return false;
    };
    let (hours, minutes) = clock.split_once(':').unwrap_or(("", ""));
    let is_clock = (1..=2).contains(&hours.len())
        && hours.chars().all(|c| c.is_ascii_digit())
        && minutes.len() == 2
        && minutes.chars().all(|c| c.is_ascii_digit());
    let meridiem = words
        .next()
        .map(|w| w.to_ascii_uppercase().replace('.', ""));
    let zone_ok = words.all(|w| w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()));
    is_clock && matches!(meridiem.as_deref(), Some("AM" | "PM")) && zone_ok
}

/// Keeps the lines before the first turn and after the last one, as written, and reads what
/// fields it can from them.
pub fn keep_header_and_footer(header: &[&str], footer: &[&str], metadata: &mut Metadata) {
    read_header(header, metadata);
    read_footer(footer, metadata);
    metadata.header.extend(header.iter().map(|l| l.to_string()));
    metadata.footer.extend(footer.iter().map(|l| l.to_string()));
}

/// Fills title, date, place and notes from the header lines (front matter excluded).
pub fn read_header(lines: &[&str], metadata: &mut Metadata) {
    for block in blocks(lines) {
        if block.iter().all(|line| line.trim_start().starts_with('|')) {
            // A Markdown table: kept as notes, a row each, never taken for a title or place.
            metadata
                .notes
                .extend(block.iter().map(|line| line.trim().to_string()));
            continue;
        }
        let joined = block.join(" ");
        if is_clock_line(&joined) {
            metadata.notes.push(joined);
            continue;
        }
        if let Some(date) = find_date(&joined) {
            let before = trim_connectors(&joined[..date.start]);
            let after = joined[date.end..]
                .trim_start_matches([',', ';', ' ', '-', '—'])
                .trim();
            set_once(&mut metadata.date, &joined[date]);
            if !before.is_empty() {
                set_once(&mut metadata.title, before);
            }
            if !after.is_empty() {
                set_once(&mut metadata.place, after);
            }
        } else if metadata.title.is_none() && joined.split_whitespace().count() >= 3 {
            metadata.title = Some(joined);
        } else if metadata.title.is_some() && metadata.place.is_none() && block.len() > 1 {
            // White House style: a place given on two hard-broken lines under the title.
            let place = block
                .iter()
                .map(|l| l.trim_matches(['*', ' ']))
                .collect::<Vec<_>>();
            metadata.place = Some(place.join(", "));
        } else if metadata.title.is_some() && metadata.place.is_none() && looks_like_place(&joined)
        {
            metadata.place = Some(joined.trim_matches('*').trim().to_string());
        } else {
            metadata.notes.push(joined);
        }
    }
}

/// Fills source and notes from the footer lines: `Key: value` entries and their continuations.
pub fn read_footer(lines: &[&str], metadata: &mut Metadata) {
    let mut entries: Vec<String> = Vec::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let starts_entry = entries.is_empty()
            || entry_key(line).is_some()
            || line.starts_with('[')
            || line.starts_with('※')
            || is_clock_line(line);
        match entries.last_mut() {
            Some(last) if !starts_entry => {
                last.push(' ');
                last.push_str(line);
            }
            _ => entries.push(line.to_string()),
        }
    }
    for entry in entries {
        if let Some((key, value)) =
            entry_key(&entry).and_then(|k| Some((k, entry.get(k.len() + 1..)?.trim())))
            && key.contains("Source")
            && !value.is_empty()
            && metadata.source.is_none()
        {
            metadata.source = Some(value.to_string());
        }
        if let Some(address) = entry
            .strip_prefix("[Mail]")
            .or_else(|| entry.strip_prefix("[E-mail]"))
            && let Some((_, domain)) = address.split_once('@')
        {
            let domain: String = domain.chars().filter(|c| !c.is_whitespace()).collect();
            set_once(&mut metadata.source, &domain);
        }
        metadata.notes.push(entry);
    }
}

/// `Original Text Source: State.gov` has the key `Original Text Source`.
fn entry_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    let words = key.split_whitespace().count();
    let capitalized = key.chars().next().is_some_and(char::is_uppercase);
    ((1..=4).contains(&words) && capitalized && !key.contains(['[', '('])).then_some(key)
}

fn set_once(field: &mut Option<String>, value: &str) {
    if field.is_none() && !value.trim().is_empty() {
        *field = Some(value.trim().to_string());
    }
}

/// Consecutive non-blank lines.
fn blocks<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut blocks = vec![Vec::new()];
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            blocks.push(Vec::new());
        } else if let Some(block) = blocks.last_mut() {
            block.push(line);
        }
    }
    blocks.retain(|b| !b.is_empty());
    blocks
}

fn trim_connectors(text: &str) -> &str {
    let mut text = text.trim().trim_end_matches([',', ';', '-', '—']).trim();
    for word in ["delivered", "on", "dated", "held"] {
        if let Some(rest) = text.strip_suffix(word)
            && rest.ends_with(' ')
        {
            text = rest.trim();
        }
    }
    text
}

fn looks_like_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=8).contains(&words)
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '*')
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Finds a date: `7 January 2025`, `January 7, 2025`, `2025-01-06`, `2025.01.06 PM 01:48`.
pub fn find_date(text: &str) -> Option<std::ops::Range<usize>> {
    let words: Vec<(usize, &str)> = word_offsets(text);
    for (i, &(start, word)) in words.iter().enumerate() {
        let bare = word.trim_end_matches([',', '.']);
        if let Some(end) = cjk_date(&words, i) {
            return Some(start..end);
        }
        if let Some(end) = numeric_date(bare) {
            let mut end_offset = start + end;
            // `2025.01.06 PM 01:48` keeps its time.
            if let (Some(&(_, meridiem)), Some(&(clock_start, clock))) =
                (words.get(i + 1), words.get(i + 2))
                && matches!(meridiem, "AM" | "PM")
                && clock.contains(':')
            {
                end_offset = clock_start + clock.len();
            }
            return Some(start..end_offset);
        }
        if MONTHS.contains(&bare) {
            let year_at = |j: usize| {
                words
                    .get(j)
                    .filter(|(_, w)| is_year(w.trim_end_matches([',', '.'])))
            };
            let day_at = |j: usize| {
                words
                    .get(j)
                    .filter(|(_, w)| is_day(w.trim_end_matches([',', '.'])))
            };
            if let (Some(&(day_start, _)), Some(&(year_start, year))) =
                (i.checked_sub(1).and_then(day_at), year_at(i + 1))
            {
                return Some(day_start..year_start + year.trim_end_matches([',', '.']).len());
            }
            if let (Some(_), Some(&(year_start, year))) = (day_at(i + 1), year_at(i + 2)) {
                return Some(start..year_start + year.trim_end_matches([',', '.']).len());
            }
            if let Some(&(year_start, year)) = year_at(i + 1) {
                return Some(start..year_start + year.trim_end_matches([',', '.']).len());
            }
        }
    }
    None
}

/// `2022年5月23日` in one word, or `2025년 1월 6일` over three: returns the end offset.
fn cjk_date(words: &[(usize, &str)], i: usize) -> Option<usize> {
    let (start, word) = words[i];
    let number_then = |text: &str, unit: char| {
        let digits = text.strip_suffix(unit)?;
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())).then_some(())
    };
    if let Some((year, rest)) = word.split_once('年') {
        let (month, rest) = rest.split_once('月')?;
        let (day, _) = rest.split_once('日')?;
        let all_digits = [year, month, day]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        return all_digits.then(|| start + word.find('日').unwrap_or(0) + '日'.len_utf8());
    }
    number_then(word.trim_end_matches(','), '년')?;
    let &(_, month) = words.get(i + 1)?;
    number_then(month.trim_end_matches(','), '월')?;
    let &(day_start, day) = words.get(i + 2)?;
    let day = day.trim_end_matches(',');
    number_then(day, '일')?;
    Some(day_start + day.len())
}

fn word_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (offset, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, &text[s..offset]));
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words
}

/// `2025-01-06` or `2025.01.06` or `'2022-03-10'`: returns the byte length of the date.
fn numeric_date(word: &str) -> Option<usize> {
    let body = word.trim_matches('\'');
    let offset = word.len() - word.trim_start_matches('\'').len();
    let parts: Vec<&str> = body.split(['-', '.', '/']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    (parts.len() == 3
        && all_digits
        && parts[0].len() == 4
        && parts[1].len() <= 2
        && parts[2].len() <= 2)
        .then_some(offset + body.len())
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

fn is_day(word: &str) -> bool {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// A primary language tag from the scripts used in `text`: Hangul is Korean, kana Japanese,
/// Han alone Chinese, Cyrillic Russian; Latin text with English function words is English.
pub fn guess_language<'a>(text: impl Iterator<Item = &'a str>) -> Option<String> {
    let (mut hangul, mut kana, mut han, mut cyrillic, mut latin) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut english = false;
    let mut sampled = 0usize;
    for chunk in text {
        // Most text is ASCII: its letters are counted by a loop the compiler vectorises, and
        // only the rest is decoded.
        latin += chunk.bytes().filter(u8::is_ascii_alphabetic).count();
        for c in chunk.chars().filter(|c| !c.is_ascii()) {
            match c {
                '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                    hangul += 1
                }
                '\u{3040}'..='\u{30FF}' => kana += 1,
                '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
                '\u{0400}'..='\u{04FF}' => cyrillic += 1,
                _ => {}
            }
        }
        english = english
            || chunk.split_whitespace().any(|w| {
                ["the", "and", "of", "to", "is", "we", "that"]
                    .iter()
                    .any(|common| w.eq_ignore_ascii_case(common))
            });
        sampled += chunk.len();
        if sampled > 200_000 {
            break;
        }
    }
    let total = hangul + kana + han + cyrillic + latin;
    if total == 0 {
        return None;
    }
    let language = if hangul * 5 > total {
        "ko"
    } else if kana * 10 > total {
        "ja"
    } else if han * 5 > total {
        "zh"
    } else if cyrillic * 2 > total {
        "ru"
    } else if english {
        "en"
    } else {
        return None;
    };
    Some(language.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_department_header() {
        let mut metadata = Metadata::default();
        read_header(
            &[
                "Joint Press Remarks",
                "with Republic of Korea Foreign Minister Cho Tae-yulh",
                "delivered 7",
                "January 2025, Seoul, Republic of Korea",
            ],
            &mut metadata,
        );
        assert_eq!(
            metadata.title.as_deref(),
            Some("Joint Press Remarks with Republic of Korea Foreign Minister Cho Tae-yulh")
        );
        assert_eq!(metadata.date.as_deref(), Some("7 January 2025"));
        assert_eq!(metadata.place.as_deref(), Some("Seoul, Republic of Korea"));
    }

    #[test]
    fn ytn_header() {
        let mut metadata = Metadata::default();
        read_header(
            &[
                "Menu",
                "",
                "Politics",
                "",
                "[On-Site Video+] Minister Cho said, \"no gap.\"",
                "",
                "2025.01.06 PM 01:48",
            ],
            &mut metadata,
        );
        assert_eq!(
            metadata.title.as_deref(),
            Some("[On-Site Video+] Minister Cho said, \"no gap.\"")
        );
        assert_eq!(metadata.date.as_deref(), Some("2025.01.06 PM 01:48"));
        assert_eq!(metadata.notes, ["Menu", "Politics"]);
    }

    #[test]
    fn state_department_footer() {
        let mut metadata = Metadata::default();
        read_footer(
            &[
                "*",
                "= text within red",
                "asterisks absent from source audio/video above and unverified as",
                "delivered",
                "Original Text Source: State.gov",
                "Page Created: 1/11/25",
            ],
            &mut metadata,
        );
        assert_eq!(metadata.source.as_deref(), Some("State.gov"));
        assert_eq!(
            metadata.notes[0],
            "* = text within red asterisks absent from source audio/video above and unverified as delivered"
        );
    }

    #[test]
    fn korean_and_japanese_dates() {
        assert_eq!(
            find_date("2025년 1월 6일, 서울").map(|r| r.end),
            Some("2025년 1월 6일".len())
        );
        let text = "2022年5月23日　東京";
        assert_eq!(find_date(text).map(|r| &text[r]), Some("2022年5月23日"));
    }

    #[test]
    fn clock_lines() {
        assert!(is_clock_line("12:57 P.M. CEST"));
        assert!(is_clock_line("END                 1:43 P.M. CET"));
        assert!(!is_clock_line("12:57 we met"));
    }

    #[test]
    fn language_from_script() {
        assert_eq!(
            guess_language(["한국은 민주주의 국가입니다"].into_iter()).as_deref(),
            Some("ko")
        );
        assert_eq!(
            guess_language(["ありがとうございます"].into_iter()).as_deref(),
            Some("ja")
        );
        assert_eq!(
            guess_language(["the alliance and the people"].into_iter()).as_deref(),
            Some("en")
        );
    }
}
