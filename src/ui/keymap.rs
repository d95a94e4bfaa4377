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
    pub context: Context,
    pub name: Option<&'static str>,
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

/// Where a binding applies: the reading view, a prompt being typed (`/`, `:`), a list
/// (speakers, divergences), the help, or the key after `m` or `'` (a mark's letter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Reading,
    Prompt,
    List,
    Help,
    Mark,
}

impl Context {
    /// How the help and the README name the context.
    pub fn name(self) -> &'static str {
        match self {
            Context::Reading => "reading",
            Context::Prompt => "in / and :",
            Context::List => "in a list",
            Context::Help => "in the help",
            Context::Mark => "after m or '",
        }
    }
}

/// One binding: the name the configuration file uses, the default keys, the action, what the
/// help says about it, its section of the help and where it applies.
#[derive(Debug)]
pub struct Binding {
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub section: &'static str,
    pub context: Context,
}

const fn bind(
    name: &'static str,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    (section, context): (&'static str, Context),
) -> Binding {
    Binding {
        name,
        keys,
        action,
        help,
        section,
        context,
    }
}

/// Lines scrolled by one press of `j`/`k` or a mouse wheel step.
pub const LINE: usize = 1;
pub const WHEEL: usize = 3;

const SCROLL: (&str, Context) = ("Scroll", Context::Reading);
const JUMPS: (&str, Context) = ("Marks and jumps", Context::Reading);
const TURNS: (&str, Context) = ("Turns", Context::Reading);
const SPEAKERS: (&str, Context) = ("Speakers", Context::Reading);
const SEARCH: (&str, Context) = ("Search", Context::Reading);
const DIVERGENCE: (&str, Context) = ("Divergence", Context::Reading);
const PANES: (&str, Context) = ("Panes and mouse", Context::Reading);
const OTHER_KEYS: (&str, Context) = ("Other", Context::Reading);
const MARK: (&str, Context) = ("Marks and jumps", Context::Mark);
const PROMPT: (&str, Context) = ("Prompts (/ and :)", Context::Prompt);
const LIST: (&str, Context) = ("Lists (speakers, divergences)", Context::List);
const HELP: (&str, Context) = ("Help", Context::Help);

/// Every binding, in the order the help lists them. Keys that carry a value (`1`-`9`, a
/// mark's letter, typed text) and the mouse are listed from [`FIXED`].
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind("scroll-down", &[ch('j'), key(KeyCode::Down)], Action::ScrollDown(LINE), "scroll down", SCROLL),
    bind("scroll-up", &[ch('k'), key(KeyCode::Up)], Action::ScrollUp(LINE), "scroll up", SCROLL),
    bind("half-page-down", &[ctrl('d')], Action::HalfPageDown, "half a page down", SCROLL),
    bind("half-page-up", &[ctrl('u')], Action::HalfPageUp, "half a page up", SCROLL),
    bind("page-down", &[key(KeyCode::PageDown), ch(' '), ctrl('f')], Action::PageDown, "page down", SCROLL),
    bind("page-up", &[key(KeyCode::PageUp), ctrl('b')], Action::PageUp, "page up", SCROLL),
    bind("top", &[ch('g'), key(KeyCode::Home)], Action::Top, "go to the start", SCROLL),
    bind("bottom", &[ch('G'), key(KeyCode::End)], Action::Bottom, "go to the end", SCROLL),
    bind("screen-top", &[ch('H')], Action::ScreenTop, "current row: the first on screen", SCROLL),
    bind("screen-middle", &[ch('M')], Action::ScreenMiddle, "current row: the middle of the screen", SCROLL),
    bind("screen-bottom", &[ch('L')], Action::ScreenBottom, "current row: the last on screen", SCROLL),
    bind("go-to", &[ch(':')], Action::StartGoTo, "go to row 120, turn t12, 40%, 12:30, +5 or -5", SCROLL),
    bind("set-mark", &[ch('m')], Action::StartMark, "mark the current row; a letter names the mark", JUMPS),
    bind("go-to-mark", &[ch('\''), ch('`')], Action::StartJumpToMark, "go to a mark, named by its letter next", JUMPS),
    bind("jump-back", &[ctrl('o')], Action::JumpBack, "back to where the last jump left (repeats)", JUMPS),
    bind("mark-cancel", &[key(KeyCode::Esc)], Action::Back, "no mark after all", MARK),
    bind("next-turn", &[ch(']')], Action::NextTurn, "next turn", TURNS),
    bind("previous-turn", &[ch('[')], Action::PreviousTurn, "previous turn", TURNS),
    bind("next-turn-by-speaker", &[ch('}')], Action::NextTurnBySpeaker, "next turn by the same speaker", TURNS),
    bind("previous-turn-by-speaker", &[ch('{')], Action::PreviousTurnBySpeaker, "previous turn by the same speaker", TURNS),
    bind("speakers", &[ch('s')], Action::OpenSpeakers, "speaker list (type to filter, space, enter)", SPEAKERS),
    bind("show-all-speakers", &[ch('0')], Action::ClearFilters, "show all speakers", SPEAKERS),
    bind("search", &[ch('/')], Action::StartSearch, "search; \\v starts a regular expression", SEARCH),
    bind("next-hit", &[ch('n')], Action::SearchNext, "next hit", SEARCH),
    bind("previous-hit", &[ch('N')], Action::SearchPrevious, "previous hit", SEARCH),
    bind("search-word", &[ch('*')], Action::SearchWord, "search the current row's first word", SEARCH),
    bind("next-divergence", &[ch('d')], Action::NextDivergence, "next block of divergent or one-sided rows", DIVERGENCE),
    bind("previous-divergence", &[ch('D')], Action::PreviousDivergence, "previous block of divergent or one-sided rows", DIVERGENCE),
    bind("list-divergences", &[ch('c')], Action::ListDivergences, "list every divergence; enter goes there", DIVERGENCE),
    bind("toggle-diff", &[ch('w')], Action::ToggleDiff, "word differences on/off (same language)", DIVERGENCE),
    bind("switch-focus", &[key(KeyCode::Tab)], Action::SwitchFocus, "focus the other pane (narrow: show it)", PANES),
    bind("narrow-left", &[ch('<')], Action::NarrowLeft, "move the split left", PANES),
    bind("widen-left", &[ch('>')], Action::WidenLeft, "move the split right", PANES),
    bind("swap-panes", &[ch('x')], Action::SwapPanes, "swap the sides of the two panes", PANES),
    bind("toggle-mouse", &[ch('\\'), key(KeyCode::F(2))], Action::ToggleMouse, "mouse off (the terminal selects text) / on", PANES),
    bind("copy-row", &[ch('y')], Action::CopyRow, "copy the current row as a quote pair (OSC 52)", OTHER_KEYS),
    bind("help", &[ch('?')], Action::Help, "this help", OTHER_KEYS),
    bind("back", &[key(KeyCode::Esc)], Action::Back, "close, clear the search, show all speakers", OTHER_KEYS),
    bind("quit", &[ch('q'), ctrl('c')], Action::Quit, "quit", OTHER_KEYS),
    bind("prompt-enter", &[key(KeyCode::Enter)], Action::Confirm, "search: keep it; go-to: go", PROMPT),
    bind("prompt-cancel", &[key(KeyCode::Esc), ctrl('c')], Action::Back, "cancel (a search: the last one stays)", PROMPT),
    bind("prompt-erase", &[key(KeyCode::Backspace)], Action::Erase, "erase a character", PROMPT),
    bind("prompt-older", &[key(KeyCode::Up)], Action::ListUp, "an older search from the history", PROMPT),
    bind("prompt-newer", &[key(KeyCode::Down)], Action::ListDown, "a newer search from the history", PROMPT),
    bind("search-scope", &[key(KeyCode::Tab)], Action::CycleScope, "search both versions, the official, the other", PROMPT),
    bind("list-up", &[key(KeyCode::Up), ctrl('p')], Action::ListUp, "move up", LIST),
    bind("list-down", &[key(KeyCode::Down), ctrl('n')], Action::ListDown, "move down", LIST),
    bind("list-page-up", &[key(KeyCode::PageUp)], Action::PageUp, "a page up", LIST),
    bind("list-page-down", &[key(KeyCode::PageDown)], Action::PageDown, "a page down", LIST),
    bind("list-tick", &[ch(' ')], Action::ListToggle, "tick a speaker", LIST),
    bind("list-choose", &[key(KeyCode::Enter)], Action::Confirm, "show ticked speakers / go to the divergence", LIST),
    bind("list-erase", &[key(KeyCode::Backspace)], Action::Erase, "erase a character of the filter", LIST),
    bind("list-close", &[key(KeyCode::Esc), ctrl('c')], Action::Back, "close the list, changing nothing", LIST),
    bind("help-down", &[ch('j'), key(KeyCode::Down)], Action::ScrollDown(LINE), "scroll the help down", HELP),
    bind("help-up", &[ch('k'), key(KeyCode::Up)], Action::ScrollUp(LINE), "scroll the help up", HELP),
    bind("help-page-down", &[key(KeyCode::PageDown), ch(' ')], Action::PageDown, "a page down", HELP),
    bind("help-page-up", &[key(KeyCode::PageUp)], Action::PageUp, "a page up", HELP),
    bind("help-top", &[ch('g'), key(KeyCode::Home)], Action::Top, "the start of the help", HELP),
    bind("help-bottom", &[ch('G'), key(KeyCode::End)], Action::Bottom, "the end of the help", HELP),
    bind("help-close", &[key(KeyCode::Esc), ch('?'), ch('q')], Action::Back, "close the help", HELP),
];

/// Help lines for what the table cannot hold: keys that carry a value, the mouse, typing,
/// and Ctrl-z, which the terminal's job control owns. Each goes after the last binding of
/// its section.
pub const FIXED: &[(&str, &str, (&str, Context))] = &[
    ("wheel", "scroll (mouse)", SCROLL),
    (
        "a-z A-Z",
        "the mark's letter (twice: before last jump)",
        MARK,
    ),
    ("1-9", "show only speaker n; more digits add more", SPEAKERS),
    (
        "click",
        "a row: make it current; the strip: go there",
        PANES,
    ),
    ("Ctrl-z", "suspend (fg comes back)", OTHER_KEYS),
    ("other keys", "typed into the prompt", PROMPT),
    ("other keys", "typed into the list's filter", LIST),
];

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
        let context = self.active[index].binding.context;
        for key in keys {
            if reserved(key, context) {
                return Err(format!(
                    "{} cannot be bound: it is reserved ({})",
                    key_name(key),
                    "1-9 show or hide speakers, Ctrl-z suspends"
                ));
            }
            if let Some(other) = self.active.iter().find(|a| {
                a.overridden
                    && a.binding.name != name
                    && a.binding.context == context
                    && a.keys.contains(key)
            }) {
                return Err(format!(
                    "{} is already bound to '{}'",
                    key_name(key),
                    other.binding.name
                ));
            }
        }
        for other in self
            .active
            .iter_mut()
            .filter(|a| a.binding.context == context)
        {
            other.keys.retain(|k| !keys.contains(k));
        }
        let active = &mut self.active[index];
        active.keys = keys.to_vec();
        active.overridden = true;
        Ok(())
    }

    /// The action a key press asks for in the reading view.
    pub fn action_for(&self, event: KeyEvent) -> Option<Action> {
        self.action_in(Context::Reading, event)
    }

    /// The action a key press asks for in `context`. A key the table does not bind types
    /// itself where something is typed (a prompt, a list's filter, a mark's letter).
    pub fn action_in(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let pressed = pressed(event);
        if let (Context::Reading, KeyCode::Char(c @ '1'..='9')) = (context, pressed.code)
            && pressed.modifiers.is_empty()
        {
            return Some(Action::ToggleSpeaker(c as usize - '0' as usize));
        }
        let bound = self
            .active
            .iter()
            .find(|a| a.binding.context == context && a.keys.contains(&pressed))
            .map(|a| a.binding.action);
        match (bound, context, pressed.code) {
            (Some(action), ..) => Some(action),
            (None, Context::Prompt | Context::List | Context::Mark, KeyCode::Char(c))
                if pressed.modifiers.is_empty() =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// The keys of the action called `name`, as the help shows them.
    pub fn keys_of(&self, name: &str) -> Vec<String> {
        self.active
            .iter()
            .find(|a| a.binding.name == name)
            .map_or_else(Vec::new, |a| a.keys.iter().map(describe).collect())
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

    /// The bindings as rows of the help overlay and the README, each fixed line (digits,
    /// mouse, typing) after the last binding of its section.
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
                context: a.binding.context,
                name: Some(a.binding.name),
            })
            .collect();
        for &(keys, help, (section, context)) in FIXED {
            let at = rows
                .iter()
                .rposition(|r| r.section == section)
                .map_or(rows.len(), |at| at + 1);
            rows.insert(
                at,
                HelpRow {
                    keys: keys.to_string(),
                    help,
                    section,
                    context,
                    name: None,
                },
            );
        }
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

fn reserved(key: &Key, context: Context) -> bool {
    match key.code {
        KeyCode::Char('1'..='9') => key.modifiers.is_empty() && context == Context::Reading,
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

/// The key table in Markdown, as the README shows it: the default bindings, each with where
/// it works.
pub fn markdown_table() -> String {
    let mut table = String::from(
        "| | Keys | Action | Where | Name in the configuration |\n|---|---|---|---|---|\n",
    );
    let (mut section, mut context) = ("", None);
    for row in Keymap::default().help_rows() {
        let shown = if row.section == section {
            ""
        } else {
            row.section
        };
        let place = if Some(row.context) == context {
            ""
        } else {
            row.context.name()
        };
        (section, context) = (row.section, Some(row.context));
        // A fixed line's keys are one phrase (`other keys`); a binding's are separate keys.
        let keys = match row.name {
            Some(_) => row.keys.split(' ').map(code_span).collect::<Vec<_>>(),
            None => vec![code_span(&row.keys)],
        };
        let name = row.name.map_or(String::new(), code_span);
        table.push_str(&format!(
            "| {shown} | {} | {} | {place} | {name} |\n",
            keys.join(" "),
            row.help.replace('|', "\\|")
        ));
    }
    table
}

/// Text in Markdown's code span, which needs a longer fence when the text is a backtick.
fn code_span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
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
        assert_eq!(keymap.action_for(press(KeyCode::Char('v'))), None);
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let rows = Keymap::default().help_rows();
        assert_eq!(rows.len(), BINDINGS.len() + FIXED.len());
        assert!(
            rows.iter()
                .any(|r| r.keys == "j ↓" && r.help == "scroll down")
        );
    }

    #[test]
    fn no_key_has_two_bindings_in_one_context() {
        for (at, binding) in BINDINGS.iter().enumerate() {
            for other in &BINDINGS[at + 1..] {
                if other.context != binding.context {
                    continue;
                }
                for key in binding.keys {
                    assert!(
                        !other.keys.contains(key),
                        "{} is bound to both {} and {}",
                        key_name(key),
                        binding.name,
                        other.name
                    );
                }
            }
        }
    }

    #[test]
    fn modal_keys_come_from_the_table() {
        let keymap = Keymap::default();
        let esc = press(KeyCode::Esc);
        assert_eq!(keymap.action_in(Context::Prompt, esc), Some(Action::Back));
        assert_eq!(
            keymap.action_in(Context::Prompt, press(KeyCode::Char('5'))),
            Some(Action::Type('5')),
            "digits type in a prompt"
        );
        assert_eq!(
            keymap.action_in(Context::Help, press(KeyCode::Char('d'))),
            None,
            "the help ignores keys it does not list"
        );
        for close in [KeyCode::Esc, KeyCode::Char('?'), KeyCode::Char('q')] {
            assert_eq!(
                keymap.action_in(Context::Help, press(close)),
                Some(Action::Back)
            );
        }
        assert_eq!(
            keymap.action_in(Context::List, press(KeyCode::Char(' '))),
            Some(Action::ListToggle)
        );
        let mut rebound = Keymap::default();
        rebound
            .rebind("help-close", &[parse_key("x").unwrap()])
            .unwrap();
        assert_eq!(
            rebound.action_in(Context::Help, press(KeyCode::Char('x'))),
            Some(Action::Back)
        );
        assert_eq!(
            rebound.action_for(press(KeyCode::Char('x'))),
            Some(Action::SwapPanes),
            "a key rebound in the help keeps its meaning while reading"
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
