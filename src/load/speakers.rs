//! Speaker labels: one [`Speaker`] per distinct label, with a name and role read from it.

use crate::model::{Speaker, SpeakerId};
use std::collections::{HashMap, HashSet};

/// Collects the speakers of one transcript in order of first appearance.
#[derive(Debug, Default)]
pub struct Registry {
    speakers: Vec<Speaker>,
    by_label: HashMap<String, SpeakerId>,
    /// Labels exactly as written, which most turns repeat, so they are normalised only once.
    by_written: HashMap<String, SpeakerId>,
    /// Every speaker's key, so that a new key is checked in constant time.
    keys: HashSet<String>,
}

impl Registry {
    /// The speaker for `label`, created on first sight. Labels that differ only in case,
    /// spacing or a trailing colon are the same speaker.
    pub fn intern(&mut self, label: &str) -> SpeakerId {
        if let Some(&id) = self.by_written.get(label) {
            return id;
        }
        let id = self.intern_new(label);
        self.by_written.insert(label.to_string(), id);
        id
    }

    fn intern_new(&mut self, label: &str) -> SpeakerId {
        let normalized = normalize(label);
        if let Some(&id) = self.by_label.get(&normalized) {
            return id;
        }
        let id = SpeakerId(self.speakers.len() as u32);
        let label = label.trim().trim_end_matches(':').trim().to_string();
        let (name, role) = parse_label(&label);
        let key = self.unique_key(&label);
        self.keys.insert(key.clone());
        self.speakers.push(Speaker {
            id,
            key,
            label,
            name,
            role,
        });
        self.by_label.insert(normalized, id);
        id
    }

    /// A registry holding speakers read back from tandem's own JSON.
    pub fn from_speakers(speakers: Vec<Speaker>) -> Self {
        let by_label = speakers
            .iter()
            .map(|s| (normalize(&s.label), s.id))
            .collect();
        let keys = speakers.iter().map(|s| s.key.clone()).collect();
        Registry {
            speakers,
            by_label,
            by_written: HashMap::new(),
            keys,
        }
    }

    pub fn into_speakers(self) -> Vec<Speaker> {
        self.speakers
    }

    fn unique_key(&self, label: &str) -> String {
        let base = slug(label);
        let base = if base.is_empty() {
            "speaker".to_string()
        } else {
            base
        };
        let taken = |key: &str| self.keys.contains(key);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|key| !taken(key))
            .unwrap_or(base)
    }
}

fn normalize(label: &str) -> String {
    label
        .trim()
        .trim_end_matches(':')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Lower-case words joined by hyphens: `SECSTATE BLINKEN` -> `secstate-blinken`.
pub fn slug(label: &str) -> String {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Titles that open a label and are followed by a surname, longest first.
const TITLES: &[(&str, &str)] = &[
    ("VICE PRESIDENT", "Vice President"),
    ("ACTING PRESIDENT", "Acting President"),
    ("PRESIDENT-ELECT", "President-elect"),
    ("PRESIDENT", "President"),
    ("PRIME MINISTER", "Prime Minister"),
    ("FOREIGN MINISTER", "Foreign Minister"),
    ("DEFENSE MINISTER", "Defense Minister"),
    ("DEFENCE MINISTER", "Defence Minister"),
    ("DEPUTY SECRETARY", "Deputy Secretary"),
    ("SECRETARY", "Secretary"),
    ("SECSTATE", "Secretary of State"),
    ("MINISTER", "Minister"),
    ("AMBASSADOR", "Ambassador"),
    ("SENATOR", "Senator"),
    ("GOVERNOR", "Governor"),
    ("GENERAL", "General"),
    ("ADMIRAL", "Admiral"),
    ("CHAIRMAN", "Chairman"),
    ("CHAIRWOMAN", "Chairwoman"),
    ("SPEAKER", "Speaker"),
    ("LEADER", "Leader"),
    ("DIRECTOR", "Director"),
    ("MAYOR", "Mayor"),
    ("FIRST LADY", "First Lady"),
    ("ADMINISTRATOR", "Administrator"),
    ("COMMISSIONER", "Commissioner"),
];

/// Courtesy titles kept out of both name and role.
const HONORIFICS: &[&str] = &["MR.", "MS.", "MRS.", "DR.", "MR", "MS", "MRS", "DR"];

/// Words that name a part, not a person: a label made of them is a role.
const ROLE_WORDS: &[&str] = &[
    "moderator",
    "question",
    "questioner",
    "q",
    "interpreter",
    "translator",
    "anchor",
    "host",
    "hoster",
    "presenter",
    "announcer",
    "narrator",
    "reporter",
    "correspondent",
    "journalist",
    "audience",
    "participant",
    "aide",
    "staff",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chair",
    "operator",
    "voice",
    "crowd",
    "audience member",
    "unidentified",
    "speaker",
    "official",
    "officials",
];

/// Reads a name and a role from a label: `Cho Tae-yeol / Minister of Foreign Affairs`,
/// `FOREIGN MINISTER CHO`, `MS. JEAN-PIERRE`, `MODERATOR`, `Travis`.
pub fn parse_label(label: &str) -> (Option<String>, Option<String>) {
    if let Some((name, role)) = label.split_once('/') {
        return (non_empty(name), non_empty(role));
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() {
        return (None, None);
    }
    if words
        .iter()
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_end_matches('.')))
    {
        return (None, Some(readable(label)));
    }
    let upper = label.to_uppercase();
    // `THE PRESIDENT`, `THE FIRST LADY`: a title alone names an office, not a person.
    let office = upper.strip_prefix("THE ").unwrap_or(&upper);
    if let Some((_, role)) = TITLES.iter().find(|(title, _)| office == *title) {
        return (None, Some(role.to_string()));
    }
    if let Some((title, role)) = TITLES
        .iter()
        .find(|(title, _)| upper.starts_with(title) && upper[title.len()..].starts_with(' '))
    {
        let name = label[title.len()..].trim();
        return (non_empty(&readable(name)), Some(role.to_string()));
    }
    let without_honorific = match words.first() {
        Some(first) if HONORIFICS.contains(&first.to_uppercase().as_str()) => words[1..].join(" "),
        _ => label.to_string(),
    };
    (non_empty(&readable(&without_honorific)), None)
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Title case for all-capital labels; other labels are left as written.
fn readable(text: &str) -> String {
    let has_lower = text.chars().any(char::is_lowercase);
    if has_lower {
        return text.trim().to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut start_of_word = true;
    for c in text.trim().chars() {
        if start_of_word {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(label: &str) -> String {
        let (name, role) = parse_label(label);
        format!(
            "{} | {}",
            name.unwrap_or_default(),
            role.unwrap_or_default()
        )
    }

    #[test]
    fn labels_give_names_and_roles() {
        assert_eq!(parsed("FOREIGN MINISTER CHO"), "Cho | Foreign Minister");
        assert_eq!(parsed("SECSTATE BLINKEN"), "Blinken | Secretary of State");
        assert_eq!(parsed("MODERATOR"), " | Moderator");
        assert_eq!(parsed("MS. JEAN-PIERRE"), "Jean-Pierre | ");
        assert_eq!(parsed("POLISH AIDE"), " | Polish Aide");
        assert_eq!(
            parsed("Cho Tae-yeol / Minister of Foreign Affairs"),
            "Cho Tae-yeol | Minister of Foreign Affairs"
        );
        assert_eq!(parsed("Anchor"), " | Anchor");
        assert_eq!(parsed("Adam Garrett-Harris"), "Adam Garrett-Harris | ");
        assert_eq!(parsed("THE PRESIDENT"), " | President");
        assert_eq!(parsed("THE VICE PRESIDENT"), " | Vice President");
        assert_eq!(
            parsed("SENIOR ADMINISTRATION OFFICIAL"),
            " | Senior Administration Official"
        );
    }

    #[test]
    fn same_label_same_speaker() {
        let mut registry = Registry::default();
        let a = registry.intern("MODERATOR:");
        let b = registry.intern("Moderator");
        let c = registry.intern("Q");
        assert_eq!(a, b);
        assert_ne!(a, c);
        let speakers = registry.into_speakers();
        assert_eq!(speakers[0].key, "moderator");
        assert_eq!(speakers[0].label, "MODERATOR");
    }
}
