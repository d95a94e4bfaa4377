//! Key bindings, declared once as data: the event loop looks keys up here, and the help
//! overlay and the README's key table are written from the same table.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One line of the help: the keys as shown, what they do, the section, and the action's name
/// in the configuration file (none for keys that cannot be rebound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub help: &'static str,
    pub section: &'static str,
    pub name: Option<&'static str>,
}

impl HelpRow {
    fn fixed(keys: &str, help: &'static str, section: &'static str) -> Self {
        HelpRow {
            keys: keys.to_string(),
            help,
            section,
            name: None,
        }
    }
}

/// A key as written in the help (`j`, `PgDn`, `Ctrl-c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One binding: the name the configuration file uses, the default keys, the action, and
/// what the help says about it.
#[derive(Debug)]
pub struct Binding {
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub section: &'static str,
}

/// Lines scrolled by one press of `j`/`k` or a mouse wheel step.
pub const LINE: usize = 1;
pub const WHEEL: usize = 3;

/// The bindings of the reading view. `1`-`9` (toggle the n-th speaker) are handled apart,
/// since they carry a number; the help lists them from [`SPEAKER_DIGITS`].
pub const BINDINGS: &[Binding] = &[
    Binding {
        name: "scroll-down",
        keys: &[ch('j'), key(KeyCode::Down)],
        action: Action::ScrollDown(LINE),
        help: "scroll down",
        section: "Scroll",
    },
    Binding {
        name: "scroll-up",
        keys: &[ch('k'), key(KeyCode::Up)],
        action: Action::ScrollUp(LINE),
        help: "scroll up",
        section: "Scroll",
    },
    Binding {
        name: "page-down",
        keys: &[key(KeyCode::PageDown), ch(' '), ctrl('f')],
        action: Action::PageDown,
        help: "page down",
        section: "Scroll",
    },
    Binding {
        name: "page-up",
        keys: &[key(KeyCode::PageUp), ctrl('b')],
        action: Action::PageUp,
        help: "page up",
        section: "Scroll",
    },
    Binding {
        name: "top",
        keys: &[ch('g'), key(KeyCode::Home)],
        action: Action::Top,
        help: "go to the start",
        section: "Scroll",
    },
    Binding {
        name: "bottom",
        keys: &[ch('G'), key(KeyCode::End)],
        action: Action::Bottom,
        help: "go to the end",
        section: "Scroll",
    },
    Binding {
        name: "go-to",
        keys: &[ch(':')],
        action: Action::StartGoTo,
        help: "go to: row 120, turn t12, or 40% (enter)",
        section: "Scroll",
    },
    Binding {
        name: "next-turn",
        keys: &[ch(']')],
        action: Action::NextTurn,
        help: "next turn",
        section: "Turns",
    },
    Binding {
        name: "previous-turn",
        keys: &[ch('[')],
        action: Action::PreviousTurn,
        help: "previous turn",
        section: "Turns",
    },
    Binding {
        name: "next-turn-by-speaker",
        keys: &[ch('}')],
        action: Action::NextTurnBySpeaker,
        help: "next turn by the same speaker",
        section: "Turns",
    },
    Binding {
        name: "previous-turn-by-speaker",
        keys: &[ch('{')],
        action: Action::PreviousTurnBySpeaker,
        help: "previous turn by the same speaker",
        section: "Turns",
    },
    Binding {
        name: "speakers",
        keys: &[ch('s')],
        action: Action::OpenSpeakers,
        help: "speaker list (type to filter, space, enter)",
        section: "Speakers",
    },
    Binding {
        name: "show-all-speakers",
        keys: &[ch('0')],
        action: Action::ClearFilters,
        help: "show all speakers",
        section: "Speakers",
    },
    Binding {
        name: "search",
        keys: &[ch('/')],
        action: Action::StartSearch,
        help: "search (enter to keep, esc to cancel)",
        section: "Search",
    },
    Binding {
        name: "next-hit",
        keys: &[ch('n')],
        action: Action::SearchNext,
        help: "next hit",
        section: "Search",
    },
    Binding {
        name: "previous-hit",
        keys: &[ch('N')],
        action: Action::SearchPrevious,
        help: "previous hit",
        section: "Search",
    },
    Binding {
        name: "next-divergence",
        keys: &[ch('d')],
        action: Action::NextDivergence,
        help: "next block of divergent or one-sided rows",
        section: "Divergence",
    },
    Binding {
        name: "previous-divergence",
        keys: &[ch('D')],
        action: Action::PreviousDivergence,
        help: "previous block of divergent or one-sided rows",
        section: "Divergence",
    },
    Binding {
        name: "toggle-diff",
        keys: &[ch('w')],
        action: Action::ToggleDiff,
        help: "word differences on/off (same language)",
        section: "Divergence",
    },
    Binding {
        name: "switch-focus",
        keys: &[key(KeyCode::Tab)],
        action: Action::SwitchFocus,
        help: "focus the other pane (narrow: show it)",
        section: "Other",
    },
    Binding {
        name: "copy-row",
        keys: &[ch('y')],
        action: Action::CopyRow,
        help: "copy the current row as a quote pair (OSC 52)",
        section: "Other",
    },
    Binding {
        name: "help",
        keys: &[ch('?')],
        action: Action::Help,
        help: "this help",
        section: "Other",
    },
    Binding {
        name: "back",
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        help: "close, clear the search, show all speakers",
        section: "Other",
    },
    Binding {
        name: "quit",
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit",
        section: "Other",
    },
];

/// The help line for the digit keys.
pub const SPEAKER_DIGITS: (&str, &str, &str) = (
    "1-9",
    "show only speaker n; more digits add more",
    "Speakers",
);

/// The bindings in force: the table above, with the configuration file's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    active: Vec<Active>,
}

#[derive(Debug, Clone)]
struct Active {
    binding: &'static Binding,
    keys: Vec<Key>,
    /// Set by the configuration file, so that two overrides cannot claim one key.
    overridden: bool,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            active: BINDINGS
                .iter()
                .map(|binding| Active {
                    binding,
                    keys: binding.keys.to_vec(),
                    overridden: false,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Binds the action called `name` to `keys` instead of its default keys. A key taken
    /// from another action's defaults leaves that action; a key already given to another
    /// action by an override, a digit (speaker toggles) or Ctrl-z (suspend) is refused.
    pub fn rebind(&mut self, name: &str, keys: &[Key]) -> Result<(), String> {
        let Some(index) = self.active.iter().position(|a| a.binding.name == name) else {
            let names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
            return Err(format!(
                "no action called '{name}' (the actions: {})",
                names.join(", ")
            ));
        };
        for key in keys {
            if reserved(key) {
                return Err(format!(
                    "{} cannot be bound: it is reserved ({})",
                    key_name(key),
                    "1-9 show or hide speakers, Ctrl-z suspends"
                ));
            }
            if let Some(other) = self
                .active
                .iter()
                .find(|a| a.overridden && a.binding.name != name && a.keys.contains(key))
            {
                return Err(format!(
                    "{} is already bound to '{}'",
                    key_name(key),
                    other.binding.name
                ));
            }
        }
        for other in &mut self.active {
            other.keys.retain(|k| !keys.contains(k));
        }
        let active = &mut self.active[index];
        active.keys = keys.to_vec();
        active.overridden = true;
        Ok(())
    }

    /// The action a key press asks for in the reading view.
    pub fn action_for(&self, event: KeyEvent) -> Option<Action> {
        if let KeyCode::Char(c @ '1'..='9') = event.code {
            return Some(Action::ToggleSpeaker(c as usize - '0' as usize));
        }
        let pressed = pressed(event);
        self.active
            .iter()
            .find(|a| a.keys.contains(&pressed))
            .map(|a| a.binding.action)
    }

    /// The first key of the action called `name`, as the help shows it, for hints.
    pub fn first_key(&self, name: &str) -> Option<String> {
        self.active
            .iter()
            .find(|a| a.binding.name == name)
            .and_then(|a| a.keys.first())
            .map(describe)
    }

    /// Each action's configuration name and its keys as the configuration file writes them.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, Vec<String>)> + '_ {
        self.active
            .iter()
            .map(|a| (a.binding.name, a.keys.iter().map(key_name).collect()))
    }

    /// The bindings as rows of the help overlay and the README, with the digit keys and the
    /// mouse wheel, which the table does not hold, in their sections.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut rows: Vec<HelpRow> = self
            .active
            .iter()
            .map(|a| HelpRow {
                keys: if a.keys.is_empty() {
                    "(none)".to_string()
                } else {
                    a.keys.iter().map(describe).collect::<Vec<_>>().join(" ")
                },
                help: a.binding.help,
                section: a.binding.section,
                name: Some(a.binding.name),
            })
            .collect();
        let (keys, help, section) = SPEAKER_DIGITS;
        let at = rows
            .iter()
            .position(|r| r.section == section)
            .unwrap_or(rows.len());
        rows.insert(at + 1, HelpRow::fixed(keys, help, section));
        let after_scrolling = rows
            .iter()
            .rposition(|r| r.section == "Scroll")
            .map_or(rows.len(), |at| at + 1);
        rows.insert(
            after_scrolling,
            HelpRow::fixed("wheel", "scroll (mouse)", "Scroll"),
        );
        rows
    }
}

/// The key of a press as the table writes it: shifted letters arrive as upper case with
/// SHIFT, and the table lists them as typed.
fn pressed(event: KeyEvent) -> Key {
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    Key {
        code: event.code,
        modifiers,
    }
}

fn reserved(key: &Key) -> bool {
    match key.code {
        KeyCode::Char('1'..='9') => key.modifiers.is_empty(),
        KeyCode::Char('z') => key.modifiers == KeyModifiers::CONTROL,
        _ => false,
    }
}

/// Named keys: the configuration file's name, other names it accepts, and the key.
const NAMED_KEYS: &[(&str, &[&str], KeyCode)] = &[
    ("space", &["spc"], KeyCode::Char(' ')),
    ("Down", &["↓"], KeyCode::Down),
    ("Up", &["↑"], KeyCode::Up),
    ("Left", &["←"], KeyCode::Left),
    ("Right", &["→"], KeyCode::Right),
    ("PgDn", &["PageDown"], KeyCode::PageDown),
    ("PgUp", &["PageUp"], KeyCode::PageUp),
    ("Home", &[], KeyCode::Home),
    ("End", &[], KeyCode::End),
    ("Tab", &[], KeyCode::Tab),
    ("BackTab", &["Shift-Tab"], KeyCode::BackTab),
    ("Esc", &["Escape"], KeyCode::Esc),
    ("Enter", &["Return"], KeyCode::Enter),
    ("Backspace", &[], KeyCode::Backspace),
    ("Delete", &["Del"], KeyCode::Delete),
    ("Insert", &["Ins"], KeyCode::Insert),
];

/// A key as the configuration file writes it: `j`, `G`, `space`, `PgDn`, `Ctrl-f`, `F1`.
pub fn key_name(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMED_KEYS
            .iter()
            .find(|(_, _, named)| *named == code)
            .map_or_else(|| format!("{code:?}"), |(name, _, _)| name.to_string()),
    };
    with_control(key, name)
}

/// A key as the help shows it: as in the configuration file, with arrows for arrow keys.
pub fn describe(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Down => "↓".to_string(),
        KeyCode::Up => "↑".to_string(),
        _ => return key_name(key),
    };
    with_control(key, name)
}

fn with_control(key: &Key, name: String) -> String {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// Reads a key as [`key_name`] writes it; names are not case-sensitive, except single
/// characters (`g` and `G` are different keys).
pub fn parse_key(text: &str) -> Result<Key, String> {
    let lower = text.to_ascii_lowercase();
    let (modifiers, rest) = match ["ctrl-", "ctrl+", "c-"]
        .iter()
        .find(|prefix| lower.starts_with(*prefix) && text.len() > prefix.len())
    {
        Some(prefix) => (KeyModifiers::CONTROL, &text[prefix.len()..]),
        None => (KeyModifiers::NONE, text),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => {
            if modifiers == KeyModifiers::CONTROL {
                KeyCode::Char(c.to_ascii_lowercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => named_key(rest).ok_or_else(|| {
            format!("'{text}' is not a key (write keys like j, G, space, PgDn, Ctrl-f, F1)")
        })?,
    };
    Ok(Key { code, modifiers })
}

fn named_key(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    if let Some(number) = lower.strip_prefix('f')
        && let Ok(n @ 1..=12) = number.parse::<u8>()
    {
        return Some(KeyCode::F(n));
    }
    NAMED_KEYS
        .iter()
        .find(|(first, others, _)| {
            first.eq_ignore_ascii_case(name) || others.iter().any(|o| o.eq_ignore_ascii_case(name))
        })
        .map(|(_, _, code)| *code)
}

/// The key table in Markdown, as the README shows it: the default bindings.
pub fn markdown_table() -> String {
    let mut table =
        String::from("| | Keys | Action | Name in the configuration |\n|---|---|---|---|\n");
    let mut previous = "";
    for row in Keymap::default().help_rows() {
        let shown = if row.section == previous {
            ""
        } else {
            row.section
        };
        previous = row.section;
        let keys: Vec<String> = row.keys.split(' ').map(|k| format!("`{k}`")).collect();
        let name = row.name.map_or(String::new(), |n| format!("`{n}`"));
        table.push_str(&format!(
            "| {shown} | {} | {} | {name} |\n",
            keys.join(" "),
            row.help
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_map_to_actions() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.action_for(press(KeyCode::Char('j'))),
            Some(Action::ScrollDown(1))
        );
        assert_eq!(
            keymap.action_for(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            keymap.action_for(press(KeyCode::Char('3'))),
            Some(Action::ToggleSpeaker(3))
        );
        assert_eq!(
            keymap.action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(keymap.action_for(press(KeyCode::Char('x'))), None);
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let rows = Keymap::default().help_rows();
        assert_eq!(rows.len(), BINDINGS.len() + 2);
        assert!(
            rows.iter()
                .any(|r| r.keys == "j ↓" && r.help == "scroll down")
        );
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), BINDINGS.len());
    }

    #[test]
    fn key_names_read_back() {
        for binding in BINDINGS {
            for key in binding.keys {
                assert_eq!(parse_key(&key_name(key)), Ok(*key), "{}", key_name(key));
            }
        }
        let ctrl_d = Key {
            code: KeyCode::Char('d'),
            modifiers: KeyModifiers::CONTROL,
        };
        assert_eq!(parse_key("ctrl+D"), Ok(ctrl_d));
        assert_eq!(parse_key("pagedown").map(|k| k.code), Ok(KeyCode::PageDown));
        assert_eq!(parse_key("F5").map(|k| k.code), Ok(KeyCode::F(5)));
        assert!(parse_key("Hyper-x").is_err());
        assert!(parse_key("").is_err());
    }

    #[test]
    fn a_rebound_key_leaves_its_old_action() {
        let mut keymap = Keymap::default();
        keymap
            .rebind("next-divergence", &[parse_key("n").unwrap()])
            .unwrap();
        assert_eq!(
            keymap.action_for(press(KeyCode::Char('n'))),
            Some(Action::NextDivergence)
        );
        assert_eq!(keymap.action_for(press(KeyCode::Char('d'))), None);
        let hits = keymap.help_rows();
        assert!(
            hits.iter()
                .any(|r| r.keys == "(none)" && r.help == "next hit")
        );
    }

    #[test]
    fn conflicting_or_reserved_overrides_are_refused() {
        let mut keymap = Keymap::default();
        keymap.rebind("top", &[parse_key("x").unwrap()]).unwrap();
        let error = keymap
            .rebind("bottom", &[parse_key("x").unwrap()])
            .unwrap_err();
        assert!(error.contains("already bound to 'top'"), "{error}");
        assert!(keymap.rebind("top", &[parse_key("5").unwrap()]).is_err());
        assert!(
            keymap
                .rebind("top", &[parse_key("Ctrl-z").unwrap()])
                .is_err()
        );
        let error = keymap.rebind("jump", &[]).unwrap_err();
        assert!(error.contains("no action called 'jump'"), "{error}");
    }
}
