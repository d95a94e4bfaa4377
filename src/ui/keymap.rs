//! Key bindings, declared once as data: the event loop looks keys up here, and the help
//! overlay and the README's key table are written from the same table.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

/// One binding: the keys, the action, and what the help says about it.
pub struct Binding {
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
        keys: &[ch('j'), key(KeyCode::Down)],
        action: Action::ScrollDown(LINE),
        help: "scroll down",
        section: "Scroll",
    },
    Binding {
        keys: &[ch('k'), key(KeyCode::Up)],
        action: Action::ScrollUp(LINE),
        help: "scroll up",
        section: "Scroll",
    },
    Binding {
        keys: &[key(KeyCode::PageDown), ch(' '), ctrl('f')],
        action: Action::PageDown,
        help: "page down",
        section: "Scroll",
    },
    Binding {
        keys: &[key(KeyCode::PageUp), ctrl('b')],
        action: Action::PageUp,
        help: "page up",
        section: "Scroll",
    },
    Binding {
        keys: &[ch('g'), key(KeyCode::Home)],
        action: Action::Top,
        help: "go to the start",
        section: "Scroll",
    },
    Binding {
        keys: &[ch('G'), key(KeyCode::End)],
        action: Action::Bottom,
        help: "go to the end",
        section: "Scroll",
    },
    Binding {
        keys: &[ch(']')],
        action: Action::NextTurn,
        help: "next turn",
        section: "Turns",
    },
    Binding {
        keys: &[ch('[')],
        action: Action::PreviousTurn,
        help: "previous turn",
        section: "Turns",
    },
    Binding {
        keys: &[ch('}')],
        action: Action::NextTurnBySpeaker,
        help: "next turn by the same speaker",
        section: "Turns",
    },
    Binding {
        keys: &[ch('{')],
        action: Action::PreviousTurnBySpeaker,
        help: "previous turn by the same speaker",
        section: "Turns",
    },
    Binding {
        keys: &[ch('s')],
        action: Action::OpenSpeakers,
        help: "speaker list (type to filter, space, enter)",
        section: "Speakers",
    },
    Binding {
        keys: &[ch('0')],
        action: Action::ClearFilters,
        help: "show all speakers",
        section: "Speakers",
    },
    Binding {
        keys: &[ch('/')],
        action: Action::StartSearch,
        help: "search (enter to keep, esc to cancel)",
        section: "Search",
    },
    Binding {
        keys: &[ch('n')],
        action: Action::SearchNext,
        help: "next hit",
        section: "Search",
    },
    Binding {
        keys: &[ch('N')],
        action: Action::SearchPrevious,
        help: "previous hit",
        section: "Search",
    },
    Binding {
        keys: &[ch('d')],
        action: Action::NextDivergence,
        help: "next divergent or unmatched row",
        section: "Divergence",
    },
    Binding {
        keys: &[ch('D')],
        action: Action::PreviousDivergence,
        help: "previous divergent or unmatched row",
        section: "Divergence",
    },
    Binding {
        keys: &[ch('w')],
        action: Action::ToggleDiff,
        help: "word differences on/off (same language)",
        section: "Divergence",
    },
    Binding {
        keys: &[key(KeyCode::Tab)],
        action: Action::SwitchFocus,
        help: "focus the other pane (narrow: show it)",
        section: "Other",
    },
    Binding {
        keys: &[ch('y')],
        action: Action::CopyRow,
        help: "copy the current row as a quote pair (OSC 52)",
        section: "Other",
    },
    Binding {
        keys: &[ch('?')],
        action: Action::Help,
        help: "this help",
        section: "Other",
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        help: "close / clear / quit",
        section: "Other",
    },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit",
        section: "Other",
    },
];

/// The help line for the digit keys.
pub const SPEAKER_DIGITS: (&str, &str, &str) = ("1-9", "show/hide the n-th speaker", "Speakers");

/// The action a key press asks for in the reading view.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    if let KeyCode::Char(c @ '1'..='9') = event.code {
        return Some(Action::ToggleSpeaker(c as usize - '0' as usize));
    }
    // Shifted letters arrive as upper case with SHIFT; the table lists them as typed.
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    BINDINGS
        .iter()
        .find(|b| {
            b.keys
                .iter()
                .any(|k| k.code == event.code && k.modifiers == modifiers)
        })
        .map(|b| b.action)
}

/// A key as people write it.
pub fn describe(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Enter => "Enter".into(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The bindings as (keys, help, section) rows, for the help overlay and the README.
pub fn help_rows() -> Vec<(String, &'static str, &'static str)> {
    let mut rows: Vec<(String, &'static str, &'static str)> = BINDINGS
        .iter()
        .map(|b| {
            (
                b.keys.iter().map(describe).collect::<Vec<_>>().join(" "),
                b.help,
                b.section,
            )
        })
        .collect();
    let (keys, help, section) = SPEAKER_DIGITS;
    let at = rows
        .iter()
        .position(|r| r.2 == section)
        .unwrap_or(rows.len());
    rows.insert(at + 1, (keys.to_string(), help, section));
    let after_scrolling = rows
        .iter()
        .rposition(|r| r.2 == "Scroll")
        .map_or(rows.len(), |at| at + 1);
    rows.insert(
        after_scrolling,
        ("wheel".into(), "scroll (mouse)", "Scroll"),
    );
    rows
}

/// The key table in Markdown, as the README shows it.
pub fn markdown_table() -> String {
    let mut table = String::from("| | Keys | Action |\n|---|---|---|\n");
    let mut previous = "";
    for (keys, help, section) in help_rows() {
        let shown = if section == previous { "" } else { section };
        previous = section;
        let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
        table.push_str(&format!("| {shown} | {} | {help} |\n", keys.join(" ")));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions() {
        let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(
            action_for(press(KeyCode::Char('j'))),
            Some(Action::ScrollDown(1))
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('3'))),
            Some(Action::ToggleSpeaker(3))
        );
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(action_for(press(KeyCode::Char('x'))), None);
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let rows = help_rows();
        assert_eq!(rows.len(), BINDINGS.len() + 2);
        assert!(rows.iter().any(|r| r.0 == "j ↓" && r.1 == "scroll down"));
    }
}
