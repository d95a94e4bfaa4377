//! What the user can ask the reader to do. Keys map to these (see [`super::keymap`]); only
//! [`super::app::App::update`] acts on them.

/// One thing the user wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll down this many lines.
    ScrollDown(usize),
    /// Scroll up this many lines.
    ScrollUp(usize),
    /// Scroll down one screen.
    PageDown,
    /// Scroll up one screen.
    PageUp,
    /// Scroll down half a screen.
    HalfPageDown,
    /// Scroll up half a screen.
    HalfPageUp,
    /// Make the first row that starts on screen the current row.
    ScreenTop,
    /// Make the row in the middle of the screen the current row.
    ScreenMiddle,
    /// Make the last row that starts on screen the current row.
    ScreenBottom,
    /// Wait for a letter to mark the current row with.
    StartMark,
    /// Wait for the letter of a mark to go to (`'` again: back where the last jump left).
    StartJumpToMark,
    /// Go back where the last jump left, further with each press.
    JumpBack,
    /// Go to the start.
    Top,
    /// Go to the end.
    Bottom,
    /// Next turn in the focused pane.
    NextTurn,
    /// Previous turn in the focused pane.
    PreviousTurn,
    /// Next turn by the speaker of the current turn.
    NextTurnBySpeaker,
    /// Previous turn by the speaker of the current turn.
    PreviousTurnBySpeaker,
    /// Open the speaker list.
    OpenSpeakers,
    /// Show or hide the n-th speaker (counted from 1, as on the keyboard).
    ToggleSpeaker(usize),
    /// Show every speaker again.
    ClearFilters,
    /// Start typing a search.
    StartSearch,
    /// Go to the next search hit.
    SearchNext,
    /// Go to the previous search hit.
    SearchPrevious,
    /// Search the first word of the current row in the focused pane, as a whole word.
    SearchWord,
    /// In the search prompt: search both versions, the official only, the other only.
    CycleScope,
    /// Open the list of divergences.
    ListDivergences,
    /// Move the split between the panes one step left.
    NarrowLeft,
    /// Move the split between the panes one step right.
    WidenLeft,
    /// Show the other version on the left.
    SwapPanes,
    /// Hand the mouse to the terminal (its own text selection), or take it back.
    ToggleMouse,
    /// A left click at this column and line of the terminal.
    Click(u16, u16),
    /// Open the go-to prompt: a row number, `t12` for a turn, or `40%`.
    StartGoTo,
    /// Go to the next divergent or unmatched row.
    NextDivergence,
    /// Go to the previous divergent or unmatched row.
    PreviousDivergence,
    /// Turn word-level diff highlighting on or off.
    ToggleDiff,
    /// Move focus to the other pane.
    SwitchFocus,
    /// Copy the current row, both versions, to the clipboard.
    CopyRow,
    /// Show or hide the help.
    Help,
    /// Close what is open, clear the search or the speaker filter (never quits).
    Back,
    /// Quit.
    Quit,
    /// The terminal changed size.
    Resize(u16, u16),
    /// A character typed into the search or the speaker list filter.
    Type(char),
    /// Delete the last typed character.
    Erase,
    /// Move up in a list; an older search in the search prompt.
    ListUp,
    /// Move down in a list; a newer search in the search prompt.
    ListDown,
    /// Toggle the list entry under the cursor.
    ListToggle,
    /// Accept what is being typed or chosen.
    Confirm,
}
