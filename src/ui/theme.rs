//! Colours and text styles of the reader, as plain data: a dark and a light theme in 24-bit
//! colour, one in the 16 ANSI colours the terminal's own palette defines, and one without
//! colour (for `NO_COLOR`), which marks things with bold, underline and reverse video.

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
    /// The label of a speaker with no counterpart.
    pub unmatched_speaker: Style,
}

/// The themes by name, as `--theme` and the configuration file write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Chosen from the environment: `NO_COLOR` → mono, `COLORTERM=truecolor` → dark,
    /// otherwise → ansi.
    #[default]
    Auto,
    Dark,
    Light,
    Ansi,
    Mono,
}

impl ThemeName {
    pub const ALL: [ThemeName; 5] = [
        ThemeName::Auto,
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::Ansi,
        ThemeName::Mono,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Auto => "auto",
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::Ansi => "ansi",
            ThemeName::Mono => "mono",
        }
    }

    /// The theme to use, `Auto` decided by the environment variables that `env` reads.
    /// (`NO_COLOR` counts when set and not empty, as no-color.org asks.)
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> ThemeName {
        if self != ThemeName::Auto {
            return self;
        }
        if env("NO_COLOR").is_some_and(|value| !value.is_empty()) {
            return ThemeName::Mono;
        }
        match env("COLORTERM").as_deref() {
            Some("truecolor" | "24bit") => ThemeName::Dark,
            _ => ThemeName::Ansi,
        }
    }

    pub fn theme(self) -> Theme {
        match self {
            ThemeName::Auto | ThemeName::Dark => Theme::from_palette(&DARK),
            ThemeName::Light => Theme::from_palette(&LIGHT),
            ThemeName::Ansi => Theme::from_palette(&ANSI),
            ThemeName::Mono => Theme::mono(),
        }
    }
}

impl std::str::FromStr for ThemeName {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ThemeName::ALL
            .into_iter()
            .find(|theme| theme.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                format!("unknown theme '{name}' (expected auto, dark, light, ansi or mono)")
            })
    }
}

/// The colours a coloured theme is made of.
struct Palette {
    muted: Color,
    bar: Color,
    bar_text: Color,
    accent: Color,
    alert: Color,
    missing: Color,
    hit: Color,
    hit_text: Color,
    removed: Color,
    added: Color,
    minimap: Color,
    viewport: Color,
    overlay: Color,
    overlay_text: Color,
    selected: Color,
    focus: Color,
    speakers: &'static [Color],
}

const DARK: Palette = Palette {
    muted: Color::DarkGray,
    bar: Color::Rgb(40, 44, 52),
    bar_text: Color::Gray,
    accent: Color::Yellow,
    alert: Color::LightRed,
    missing: Color::Blue,
    hit: Color::Yellow,
    hit_text: Color::Black,
    removed: Color::Rgb(90, 30, 30),
    added: Color::Rgb(25, 75, 35),
    minimap: Color::Rgb(70, 70, 70),
    viewport: Color::Rgb(60, 60, 80),
    overlay: Color::Rgb(30, 30, 38),
    overlay_text: Color::White,
    selected: Color::Rgb(70, 70, 110),
    focus: Color::Cyan,
    speakers: &[
        Color::Cyan,
        Color::LightGreen,
        Color::LightMagenta,
        Color::LightYellow,
        Color::LightBlue,
        Color::Rgb(255, 165, 80),
        Color::Rgb(150, 200, 255),
        Color::Rgb(200, 160, 255),
    ],
};

/// For a light background: dark text colours, pale highlights.
const LIGHT: Palette = Palette {
    muted: Color::Rgb(115, 115, 115),
    bar: Color::Rgb(222, 226, 234),
    bar_text: Color::Rgb(40, 40, 40),
    accent: Color::Rgb(150, 80, 0),
    alert: Color::Rgb(190, 25, 25),
    missing: Color::Rgb(25, 80, 200),
    hit: Color::Rgb(255, 222, 70),
    hit_text: Color::Black,
    removed: Color::Rgb(255, 200, 200),
    added: Color::Rgb(195, 240, 195),
    minimap: Color::Rgb(200, 200, 200),
    viewport: Color::Rgb(200, 200, 235),
    overlay: Color::Rgb(246, 246, 250),
    overlay_text: Color::Black,
    selected: Color::Rgb(200, 210, 245),
    focus: Color::Rgb(0, 115, 150),
    speakers: &[
        Color::Rgb(0, 110, 140),
        Color::Rgb(30, 120, 30),
        Color::Rgb(150, 40, 150),
        Color::Rgb(150, 100, 0),
        Color::Rgb(30, 70, 180),
        Color::Rgb(180, 80, 0),
        Color::Rgb(70, 100, 160),
        Color::Rgb(110, 60, 170),
    ],
};

/// Only the 16 colours every terminal has, which its own palette makes readable.
const ANSI: Palette = Palette {
    muted: Color::DarkGray,
    bar: Color::Blue,
    bar_text: Color::White,
    accent: Color::Yellow,
    alert: Color::LightRed,
    missing: Color::LightBlue,
    hit: Color::Yellow,
    hit_text: Color::Black,
    removed: Color::Red,
    added: Color::Green,
    minimap: Color::DarkGray,
    viewport: Color::Blue,
    overlay: Color::Black,
    overlay_text: Color::White,
    selected: Color::Blue,
    focus: Color::Cyan,
    speakers: &[
        Color::Cyan,
        Color::LightGreen,
        Color::LightMagenta,
        Color::LightYellow,
        Color::LightBlue,
        Color::Green,
        Color::Magenta,
        Color::LightCyan,
    ],
};

impl Default for Theme {
    fn default() -> Self {
        Theme::from_palette(&DARK)
    }
}

impl Theme {
    fn from_palette(p: &Palette) -> Theme {
        let plain = Style::default();
        let muted = plain.fg(p.muted);
        let bar = plain.bg(p.bar);
        Theme {
            text: plain,
            title: plain.add_modifier(Modifier::BOLD),
            subtitle: muted,
            status: bar.fg(p.bar_text),
            status_key: bar.fg(p.accent),
            annotation: muted.add_modifier(Modifier::ITALIC),
            unverified: plain.fg(p.alert).add_modifier(Modifier::UNDERLINED),
            struck: muted.add_modifier(Modifier::CROSSED_OUT),
            placeholder: muted,
            search_hit: plain.bg(p.hit).fg(p.hit_text),
            diff_removed: plain.bg(p.removed),
            diff_added: plain.bg(p.added),
            gutter_divergent: plain.fg(p.alert),
            gutter_unmatched: plain.fg(p.missing),
            current_row: plain.fg(p.accent),
            minimap: plain.fg(p.minimap),
            minimap_divergent: plain.fg(p.alert),
            minimap_unmatched: plain.fg(p.missing),
            minimap_viewport: plain.bg(p.viewport),
            overlay: plain.bg(p.overlay).fg(p.overlay_text),
            overlay_selected: plain.bg(p.selected).fg(p.overlay_text),
            focus_border: plain.fg(p.focus),
            border: muted,
            speakers: p.speakers.to_vec(),
            unmatched_speaker: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all: what must stand out does so by weight, underline or reverse video.
    fn mono() -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Theme {
            text: plain,
            title: bold,
            subtitle: plain,
            status: reversed,
            status_key: reversed.add_modifier(Modifier::BOLD),
            annotation: plain.add_modifier(Modifier::ITALIC),
            unverified: plain.add_modifier(Modifier::UNDERLINED),
            struck: plain.add_modifier(Modifier::CROSSED_OUT),
            placeholder: plain.add_modifier(Modifier::DIM),
            search_hit: reversed,
            diff_removed: plain.add_modifier(Modifier::CROSSED_OUT),
            diff_added: plain.add_modifier(Modifier::UNDERLINED),
            gutter_divergent: bold,
            gutter_unmatched: bold,
            current_row: bold,
            minimap: plain.add_modifier(Modifier::DIM),
            minimap_divergent: bold,
            minimap_unmatched: bold,
            minimap_viewport: reversed,
            overlay: plain,
            overlay_selected: reversed,
            focus_border: bold,
            border: plain,
            speakers: Vec::new(),
            unmatched_speaker: bold,
        }
    }

    /// The style of a speaker's label; unmatched speakers have no colour of their own.
    pub fn speaker(&self, color: Option<usize>) -> Style {
        match color {
            Some(index) if !self.speakers.is_empty() => Style::default()
                .add_modifier(Modifier::BOLD)
                .fg(self.speakers[index % self.speakers.len()]),
            _ => self.unmatched_speaker,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn auto_follows_no_color_then_colorterm() {
        let auto = ThemeName::Auto;
        assert_eq!(auto.resolve(env(&[])), ThemeName::Ansi);
        assert_eq!(
            auto.resolve(env(&[("COLORTERM", "truecolor")])),
            ThemeName::Dark
        );
        assert_eq!(
            auto.resolve(env(&[("COLORTERM", "truecolor"), ("NO_COLOR", "1")])),
            ThemeName::Mono
        );
        assert_eq!(auto.resolve(env(&[("NO_COLOR", "")])), ThemeName::Ansi);
        assert_eq!(
            ThemeName::Light.resolve(env(&[("NO_COLOR", "1")])),
            ThemeName::Light
        );
    }

    #[test]
    fn mono_has_no_colour_and_ansi_only_the_sixteen() {
        let colours = |theme: &Theme| {
            let styles = [
                theme.status,
                theme.search_hit,
                theme.diff_removed,
                theme.diff_added,
                theme.overlay,
                theme.minimap_viewport,
                theme.speaker(Some(3)),
            ];
            styles
                .into_iter()
                .flat_map(|s| [s.fg, s.bg])
                .flatten()
                .collect::<Vec<_>>()
        };
        assert!(colours(&ThemeName::Mono.theme()).is_empty());
        let ansi = colours(&ThemeName::Ansi.theme());
        assert!(!ansi.is_empty());
        assert!(
            ansi.iter()
                .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_)))
        );
    }

    #[test]
    fn names_read_back() {
        for theme in ThemeName::ALL {
            assert_eq!(theme.name().parse::<ThemeName>(), Ok(theme));
        }
        assert!("solarized".parse::<ThemeName>().is_err());
    }
}
