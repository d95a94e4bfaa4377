//! Moving by more than a scroll: the go-to prompt, marks, the jump list (`''`, Ctrl-o),
//! H/M/L, turns, blocks of divergent rows, and clicks.

use super::{App, Mode};
use crate::model::Side;
use crate::ui::action::Action;

/// Jumps remembered for `''` and Ctrl-o.
const JUMPS: usize = 100;

impl App {
    pub(super) fn type_place(&mut self, action: Action, mut text: String) {
        match action {
            Action::Type(c) => text.push(c),
            Action::Erase => {
                text.pop();
            }
            Action::Confirm => {
                self.mode = Mode::Reading;
                if let Err(problem) = self.go_to_place(&text) {
                    self.message = Some(problem);
                }
                self.clamp();
                return;
            }
            Action::Back | Action::Quit => {
                self.mode = Mode::Reading;
                return;
            }
            _ => {}
        }
        self.mode = Mode::GoTo(text);
    }

    /// Goes to a place written as vim's and less's users write it: `120` (the row number the
    /// status line and the exports give), `t12` (the focused version's twelfth turn), `40%`,
    /// `12:30` or `1:02:03` (the first row of the focused version at or after that time,
    /// where cues have times), or `+5`/`-5` (rows shown below or above the current one).
    /// A row hidden by the speaker filter gives the next row shown.
    pub fn go_to_place(&mut self, text: &str) -> Result<(), String> {
        let text = text.trim();
        let wrong = || {
            format!(
                "go to '{text}'? write a row (120), a turn (t12), a percentage (40%), a time (12:30) or +5/-5"
            )
        };
        let number = |digits: &str| digits.trim().parse::<usize>().map_err(|_| wrong());
        let last = self.visible.len().saturating_sub(1);
        let index = if let Some(percent) = text.strip_suffix('%') {
            (self.visible.len() * number(percent)?.min(100) / 100).min(last)
        } else if let Some(rows) = text.strip_prefix('+') {
            (self.current + number(rows)?).min(last)
        } else if let Some(rows) = text.strip_prefix('-') {
            self.current.saturating_sub(number(rows)?)
        } else if let Some(turn) = text.strip_prefix(['t', 'T']) {
            self.index_of_turn(number(turn)?.checked_sub(1).ok_or_else(wrong)?)?
        } else if text.contains(':') {
            self.index_of_time(parse_time(text).ok_or_else(wrong)?)?
        } else {
            let row = number(text)?;
            if row == 0 || row > self.contents.rows.len() {
                return Err(format!(
                    "there is no row {row} (the last is {})",
                    self.contents.rows.len()
                ));
            }
            self.visible.partition_point(|&id| id + 1 < row).min(last)
        };
        self.leave_jump();
        self.go_to(index);
        Ok(())
    }

    fn index_of_turn(&self, turn: usize) -> Result<usize, String> {
        let turns = self
            .contents
            .pane_or_alone(self.focus)
            .transcript
            .turns
            .len();
        if turn >= turns {
            return Err(format!(
                "there is no turn {} (the last is {turns})",
                turn + 1
            ));
        }
        self.visible
            .iter()
            .position(|&id| {
                self.contents.rows[id]
                    .turn(self.focus)
                    .is_some_and(|t| t >= turn)
            })
            .ok_or_else(|| format!("turn {} is hidden by the speaker filter", turn + 1))
    }

    fn index_of_time(&self, seconds: f64) -> Result<usize, String> {
        let side = self.contents.side_or_alone(self.focus);
        let mut timed = false;
        for (index, &id) in self.visible.iter().enumerate() {
            if let Some(start) = self.row_time(id, side) {
                timed = true;
                if start >= seconds {
                    return Ok(index);
                }
            }
        }
        Err(if timed {
            format!(
                "nothing starts at {} or later",
                crate::model::clock(seconds)
            )
        } else {
            "this version has no times: go to a row, a turn or a percentage".into()
        })
    }

    /// When the row on `side` is said, in seconds: its own time (see [`App::row_stamp`]),
    /// else the start of the turn it is in.
    pub fn row_time(&self, id: usize, side: Side) -> Option<f64> {
        let first = self.contents.rows[id].sides[side].first()?;
        self.row_stamp(id, side)
            .or_else(|| self.contents.pane(side)?.turn_time(first.turn))
    }

    /// The time the row on `side` carries itself: its first timed sentence's start (cues),
    /// or the stamp of the turn it opens.
    pub fn row_stamp(&self, id: usize, side: Side) -> Option<f64> {
        let pane = self.contents.pane(side)?;
        let row = &self.contents.rows[id];
        row.sides[side]
            .iter()
            .find_map(|&r| pane.sentence(r)?.time.as_deref())
            .map(|time| time.start)
            .or_else(|| {
                let turn = row.sides[side].first()?.turn;
                row.starts_turn(side)
                    .then(|| pane.turn_time(turn))
                    .flatten()
            })
    }

    /// Remembers the current row as a place a jump left, for `''` and Ctrl-o.
    pub(super) fn leave_jump(&mut self) {
        if let Some(id) = self.current_row() {
            self.remember(id);
        }
    }

    pub(super) fn remember(&mut self, id: usize) {
        if self.jumps.last() != Some(&id) {
            self.jumps.push(id);
        }
        if self.jumps.len() > JUMPS {
            self.jumps.remove(0);
        }
    }

    /// The newest place a jump left that is not the current row.
    fn last_jump(&mut self) -> Option<usize> {
        while let Some(id) = self.jumps.pop() {
            if Some(id) != self.current_row() {
                return Some(id);
            }
        }
        None
    }

    /// Ctrl-o: back where the last jump left; each press goes one jump further back.
    pub(super) fn jump_back_in_list(&mut self) {
        match self.last_jump() {
            Some(id) => self.go_to_row(id),
            None => self.message = Some("no jump to go back from".into()),
        }
    }

    /// The key after `m` (`set`) or `'`: a letter names a mark; `'` after `'` goes back where
    /// the last jump left, and leaves this place for the next `''`.
    pub(super) fn take_mark(&mut self, action: Action, set: bool) {
        self.mode = Mode::Reading;
        let letter = match action {
            Action::Type(c) if c.is_ascii_alphabetic() => c,
            Action::Type('\'' | '`') if !set => {
                match self.last_jump() {
                    Some(id) => {
                        self.leave_jump();
                        self.go_to_row(id);
                    }
                    None => self.message = Some("no jump to go back from".into()),
                }
                return;
            }
            Action::Type(c) => {
                self.message = Some(format!("marks are letters a-z and A-Z, not '{c}'"));
                return;
            }
            _ => return,
        };
        let Some(current) = self.current_row() else {
            return;
        };
        if set {
            self.marks.insert(letter, current);
            self.message = Some(format!("mark {letter}: row {}", current + 1));
        } else if let Some(&id) = self.marks.get(&letter) {
            self.leave_jump();
            self.go_to_row(id);
        } else {
            let set = self.key_name("set-mark");
            let keys = if set.chars().count() == 1 {
                format!("{set}{letter}")
            } else {
                format!("{set} then {letter}")
            };
            self.message = Some(format!("no mark {letter} ({keys} sets it)"));
        }
    }

    /// Goes to a row by id, or to the next row shown when the speaker filter hides it.
    pub(super) fn go_to_row(&mut self, id: usize) {
        let index = self
            .visible
            .partition_point(|&shown| shown < id)
            .min(self.visible.len().saturating_sub(1));
        self.go_to(index);
    }

    /// The rows whose first line of text is on screen, with the screen line it is on.
    fn rows_starting_on_screen(&mut self) -> Vec<(usize, usize)> {
        let (top, body) = (self.top, self.body_height());
        let mut found = Vec::new();
        let mut y = 0;
        for index in top.index..self.visible.len() {
            let height = self.height(index);
            let start = y + self.lead(index);
            if height > 0 && start >= top.line {
                if start - top.line >= body {
                    break;
                }
                found.push((index, start - top.line));
            }
            y += height;
        }
        found
    }

    /// H, M and L: the current row becomes the first, middle or last row starting on
    /// screen, and the screen does not move.
    pub(super) fn pick_on_screen(&mut self, action: Action) {
        let rows = self.rows_starting_on_screen();
        let middle = self.body_height() / 2;
        let chosen = match action {
            Action::ScreenTop => rows.first(),
            Action::ScreenBottom => rows.last(),
            _ => rows
                .iter()
                .take_while(|(_, line)| *line <= middle)
                .last()
                .or(rows.first()),
        };
        if let Some(&(index, _)) = chosen {
            self.pin = Some((index, Some(self.top)));
        }
    }

    /// A click: on the strip, goes to that part of the document; on a row, makes it the
    /// current row.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some(screen) = self.screen() else {
            return;
        };
        let body = screen.gutter;
        if y < body.y || y >= body.y + body.height {
            return;
        }
        let line = usize::from(y - body.y);
        if x >= screen.minimap.x {
            let index = line * self.visible.len() / usize::from(body.height.max(1));
            self.leave_jump();
            self.go_to(index.min(self.visible.len().saturating_sub(1)));
            return;
        }
        // The row whose lines cover the clicked line.
        let mut start = 0isize - self.top.line as isize;
        for index in self.top.index..self.visible.len() {
            let height = self.height(index) as isize;
            if (line as isize) < start + height {
                self.pin = Some((index, Some(self.top)));
                return;
            }
            start += height;
        }
    }

    /// The block the shown row at `index` belongs to: none (0) for a row without flags, then
    /// flagged rows with both sides (1), rows only the official version has (2), rows only
    /// the other version has (3). A block is a run of rows of one kind, so that a flagged
    /// row just before a long one-sided run is a stop of its own.
    pub(super) fn block_at(&self, index: usize) -> u8 {
        let row = &self.contents.rows[self.visible[index]];
        if !row.is_divergent() {
            0
        } else if row.sides[Side::Other].is_empty() {
            2
        } else if row.sides[Side::Official].is_empty() {
            3
        } else {
            1
        }
    }

    /// Moves to the first row of the next block of divergent or one-sided rows: past the
    /// block the top row is in, as vimdiff's `]c` moves past a change, so that a long run of
    /// rows one version lacks takes one press.
    pub(super) fn next_divergent_block(&mut self) {
        let end = self.visible.len();
        let mut index = self.current;
        let current = if index < end { self.block_at(index) } else { 0 };
        while index < end && current != 0 && self.block_at(index) == current {
            index += 1;
        }
        while index < end && self.block_at(index) == 0 {
            index += 1;
        }
        if index < end {
            self.leave_jump();
            self.go_to(index);
        } else {
            self.message = Some("no more divergences below".into());
        }
    }

    /// Moves to the first row of the block before the top row (or of the block the top row
    /// is in, when it is inside one).
    pub(super) fn previous_divergent_block(&mut self) {
        let mut index = self.current.min(self.visible.len());
        while index > 0 && self.block_at(index - 1) == 0 {
            index -= 1;
        }
        if index == 0 {
            self.message = Some("no more divergences above".into());
            return;
        }
        let block = self.block_at(index - 1);
        while index > 0 && self.block_at(index - 1) == block {
            index -= 1;
        }
        self.leave_jump();
        self.go_to(index);
    }

    pub(super) fn jump_forward(&mut self, wanted: impl Fn(&App, usize) -> bool) {
        let found =
            (self.current + 1..self.visible.len()).find(|&index| wanted(self, self.visible[index]));
        match found {
            Some(index) => self.go_to(index),
            None => self.message = Some("no more".into()),
        }
    }

    pub(super) fn jump_back(&mut self, wanted: impl Fn(&App, usize) -> bool) {
        let found = (0..self.current.min(self.visible.len()))
            .rev()
            .find(|&index| wanted(self, self.visible[index]));
        match found {
            Some(index) => self.go_to(index),
            None => self.message = Some("no more".into()),
        }
    }
}

/// Seconds from `12:30` (minutes and seconds) or `1:02:03` (hours too); seconds may have a
/// fraction.
fn parse_time(text: &str) -> Option<f64> {
    // The files' clocks may run seconds past 59 (`1:75`); a person typing a time does not.
    let (_, seconds) = text.rsplit_once(':')?;
    let seconds: f64 = seconds.parse().ok()?;
    crate::load::clock(text).filter(|_| (0.0..60.0).contains(&seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_minutes_or_hours() {
        assert_eq!(parse_time("12:30"), Some(750.0));
        assert_eq!(parse_time("1:02:03"), Some(3723.0));
        assert_eq!(parse_time("0:07.5"), Some(7.5));
        assert_eq!(parse_time("12:75"), None);
        assert_eq!(parse_time("a:10"), None);
        assert_eq!(parse_time("750"), None);
    }
}
