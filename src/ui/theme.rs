//! Colours and text styles of the reader, as plain data.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
    pub text: Style,
    pub title: Style,
    pub subtitle: Style,
    pub status: Style,
    pub status_key: Style,
    pub annotation: Style,
    pub unverified: Style,
    pub struck: Style,
    pub placeholder: Style,
    pub search_hit: Style,
    pub diff_removed: Style,
    pub diff_added: Style,
    pub gutter_divergent: Style,
    pub gutter_unmatched: Style,
    pub current_row: Style,
    pub minimap: Style,
    pub minimap_divergent: Style,
    pub minimap_unmatched: Style,
    pub minimap_viewport: Style,
    pub overlay: Style,
    pub overlay_selected: Style,
    pub focus_border: Style,
    pub border: Style,
    /// One colour per matched speaker, used on both sides.
    pub speakers: Vec<Color>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            text: Style::default(),
            title: Style::default().add_modifier(Modifier::BOLD),
            subtitle: Style::default().fg(Color::DarkGray),
            status: Style::default().bg(Color::Rgb(40, 44, 52)).fg(Color::Gray),
            status_key: Style::default()
                .bg(Color::Rgb(40, 44, 52))
                .fg(Color::Yellow),
            annotation: Style::default()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            unverified: Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED),
            struck: Style::default()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT),
            placeholder: Style::default().fg(Color::DarkGray),
            search_hit: Style::default().bg(Color::Yellow).fg(Color::Black),
            diff_removed: Style::default().bg(Color::Rgb(90, 30, 30)),
            diff_added: Style::default().bg(Color::Rgb(25, 75, 35)),
            gutter_divergent: Style::default().fg(Color::LightRed),
            gutter_unmatched: Style::default().fg(Color::Blue),
            current_row: Style::default().fg(Color::Yellow),
            minimap: Style::default().fg(Color::Rgb(70, 70, 70)),
            minimap_divergent: Style::default().fg(Color::LightRed),
            minimap_unmatched: Style::default().fg(Color::Blue),
            minimap_viewport: Style::default().bg(Color::Rgb(60, 60, 80)),
            overlay: Style::default().bg(Color::Rgb(30, 30, 38)).fg(Color::White),
            overlay_selected: Style::default()
                .bg(Color::Rgb(70, 70, 110))
                .fg(Color::White),
            focus_border: Style::default().fg(Color::Cyan),
            border: Style::default().fg(Color::DarkGray),
            speakers: vec![
                Color::Cyan,
                Color::LightGreen,
                Color::LightMagenta,
                Color::LightYellow,
                Color::LightBlue,
                Color::Rgb(255, 165, 80),
                Color::Rgb(150, 200, 255),
                Color::Rgb(200, 160, 255),
            ],
        }
    }
}

impl Theme {
    /// The style of a speaker's label; unmatched speakers have no colour of their own.
    pub fn speaker(&self, color: Option<usize>) -> Style {
        let base = Style::default().add_modifier(Modifier::BOLD);
        match color {
            Some(index) if !self.speakers.is_empty() => {
                base.fg(self.speakers[index % self.speakers.len()])
            }
            _ => base.fg(Color::Gray),
        }
    }
}
