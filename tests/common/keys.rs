//! Key presses for reader tests, sent through the key table as the terminal sends them.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tandem::ui::App;

/// Presses keys as the terminal sends them, through the key table of the mode the reader is
/// in: `<Esc>`, `<Enter>`, `<Tab>`, `<Up>`, `<Down>` and `<C-o>` (Ctrl-o; also `<C-d>`, `<C-u>`) name keys, other characters type.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while !rest.is_empty() {
        let named = [
            ("<Esc>", KeyCode::Esc),
            ("<Enter>", KeyCode::Enter),
            ("<Tab>", KeyCode::Tab),
            ("<Up>", KeyCode::Up),
            ("<Down>", KeyCode::Down),
            ("<C-o>", KeyCode::Char('o')),
            ("<C-d>", KeyCode::Char('d')),
            ("<C-u>", KeyCode::Char('u')),
        ]
        .into_iter()
        .find(|(name, _)| rest.starts_with(name));
        let (code, length, modifiers) = match named {
            Some((name, code)) if name.starts_with("<C-") => {
                (code, name.len(), KeyModifiers::CONTROL)
            }
            Some((name, code)) => (code, name.len(), KeyModifiers::NONE),
            None => {
                let c = rest.chars().next().unwrap();
                (KeyCode::Char(c), c.len_utf8(), KeyModifiers::NONE)
            }
        };
        rest = &rest[length..];
        let event = Event::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = tandem::ui::action_for(app, event) {
            app.update(action);
        }
    }
}
