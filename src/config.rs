//! The configuration file: default theme, layout, formats and key bindings, in TOML.
//!
//! It is read from `TANDEM_CONFIG` when that is set, else from
//! `$XDG_CONFIG_HOME/tandem/config.toml`, else from `~/.config/tandem/config.toml`. A missing
//! file at the usual place means the defaults; a missing file named by `TANDEM_CONFIG`, or a
//! bad file, is an error naming the line and key.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tandem::export::ExportFormat;
use tandem::load::bounded::{self, ReadError};
use tandem::load::{Format, decode};
use tandem::sanitize;
use tandem::ui::keymap::{self, Keymap};
use tandem::ui::layout::Layout;
use tandem::ui::theme::ThemeName;
use toml::Spanned;

/// The settings in force.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub theme: ThemeName,
    pub layout: Layout,
    /// The format to read input files in; `None` detects it.
    pub input_format: Option<Format>,
    /// The encoding to read input files in; `None` detects it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The format `tandem export` writes when `--format` is not given; `None` is JSON.
    pub export_format: Option<ExportFormat>,
    pub keymap: Keymap,
    /// The file the settings came from, if any.
    pub source: Option<PathBuf>,
}

/// The file as written: every value kept with its place, for errors that name the line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    theme: Option<Spanned<String>>,
    layout: Option<Spanned<String>>,
    input_format: Option<Spanned<String>>,
    encoding: Option<Spanned<String>>,
    export_format: Option<Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<KeyList>>,
}

/// `quit = "x"` or `quit = ["q", "x"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn names(&self) -> &[String] {
        match self {
            KeyList::One(name) => std::slice::from_ref(name),
            KeyList::Many(names) => names,
        }
    }
}

/// Where the configuration file is looked for, given the environment variables that `env`
/// reads, and whether it must exist (it must when named by `TANDEM_CONFIG`).
pub fn location(env: impl Fn(&str) -> Option<String>) -> Option<(PathBuf, bool)> {
    let set = |name| env(name).filter(|value: &String| !value.is_empty());
    if let Some(path) = set("TANDEM_CONFIG") {
        return Some((PathBuf::from(path), true));
    }
    let base = match set("XDG_CONFIG_HOME").filter(|dir| Path::new(dir).is_absolute()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(set("HOME")?).join(".config"),
    };
    Some((base.join("tandem").join("config.toml"), false))
}

/// A configuration of every setting and every key binding takes a few kilobytes; more is not a
/// configuration (`TANDEM_CONFIG=/dev/zero`).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The configuration from the file at `location`, or the defaults when there is none.
pub fn load(location: Option<(PathBuf, bool)>) -> Result<Config, String> {
    let Some((path, required)) = location else {
        return Ok(Config::default());
    };
    match bounded::read_text(&path, MAX_CONFIG_BYTES) {
        Ok(text) => parse(&text).map(|config| Config {
            source: Some(path.clone()),
            ..config
        }),
        Err(ReadError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound && !required => {
            Ok(Config::default())
        }
        Err(error) => Err(error.to_string()),
    }
    .map_err(|problem| {
        let file = sanitize::quoted(&path.display().to_string());
        format!("{file}: {problem}")
    })
}

/// Reads a configuration file's text. Errors say `line N: key: problem`.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: File = toml::from_str(text).map_err(|error| match error.span() {
        Some(span) => format!("line {}: {}", line_of(text, span.start), error.message()),
        None => error.message().to_string(),
    })?;
    let at = |key: &str, value: &Spanned<String>, problem: String| {
        format!(
            "line {}: {key}: {}",
            line_of(text, value.span().start),
            quoting(problem, value.get_ref())
        )
    };
    let mut config = Config::default();
    if let Some(value) = &file.theme {
        config.theme = value.get_ref().parse().map_err(|e| at("theme", value, e))?;
    }
    if let Some(value) = &file.layout {
        config.layout = value
            .get_ref()
            .parse()
            .map_err(|e| at("layout", value, e))?;
    }
    if let Some(value) = unless_auto(&file.input_format) {
        config.input_format = Some(
            value
                .get_ref()
                .parse()
                .map_err(|e| at("input-format", value, e))?,
        );
    }
    if let Some(value) = unless_auto(&file.encoding) {
        let name = value.get_ref();
        config.encoding = Some(
            decode::encoding_for_label(name)
                .ok_or_else(|| at("encoding", value, format!("unknown encoding '{name}'")))?,
        );
    }
    if let Some(value) = &file.export_format {
        config.export_format = Some(
            value
                .get_ref()
                .parse()
                .map_err(|e| at("export-format", value, e))?,
        );
    }
    let mut overrides: Vec<(&String, &Spanned<KeyList>)> = file.keys.iter().collect();
    overrides.sort_by_key(|(_, keys)| keys.span().start);
    for (name, keys) in overrides {
        let line = line_of(text, keys.span().start);
        let problem = |problem: String| {
            let name = sanitize::quoted(name);
            format!("line {line}: keys.{name}: {problem}")
        };
        let keys = keys
            .get_ref()
            .names()
            .iter()
            .map(|key| parse_key(key))
            .collect::<Result<Vec<_>, _>>()
            .map_err(problem)?;
        config
            .keymap
            .rebind(name, &keys)
            .map_err(|e| problem(quoting(e, name)))?;
    }
    let leaves = |(name, keys): &(&str, Vec<String>)| WAYS_OUT.contains(name) && !keys.is_empty();
    if !config.keymap.entries().any(|entry| leaves(&entry)) {
        return Err(format!(
            "keys: neither {} has a key left, so nothing would leave the reader (give one of them a key)",
            WAYS_OUT.join(" nor ")
        ));
    }
    Ok(config)
}

/// The actions that leave the reader: a configuration must keep a key for one of them.
const WAYS_OUT: [&str; 2] = ["quit", "back"];

/// A key as the configuration names it. A key drawn as nothing (U+200B, U+202E) would show
/// blank in the help and be typed by no one.
fn parse_key(text: &str) -> Result<keymap::Key, String> {
    if let Some(c) = text.chars().find(|&c| sanitize::is_invisible(c)) {
        return Err(format!(
            "'{}' holds an invisible character, U+{:04X} (write keys like j, G, space, PgDn, Ctrl-f, F1)",
            sanitize::quoted(text),
            c as u32
        ));
    }
    keymap::parse_key(text).map_err(|e| quoting(e, text))
}

/// `problem` with `value`, which the parsers quote whole, quoted as messages quote any value
/// from a file: visible and cut when long.
fn quoting(problem: String, value: &str) -> String {
    if value.is_empty() {
        return problem;
    }
    problem.replace(value, &sanitize::quoted(value))
}

/// A setting whose value `auto` means "detect it".
fn unless_auto(value: &Option<Spanned<String>>) -> Option<&Spanned<String>> {
    value
        .as_ref()
        .filter(|v| !v.get_ref().eq_ignore_ascii_case("auto"))
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Config {
    /// The configuration as a file that reads back to the same settings, with a comment
    /// saying where it came from and what `auto` means here.
    pub fn to_toml(&self, env: impl Fn(&str) -> Option<String>) -> String {
        let quoted = |text: &str| toml::Value::String(text.to_string()).to_string();
        let mut out = match &self.source {
            // A line break in the path would end the comment; an escape would reach the terminal.
            Some(path) => format!(
                "# tandem's configuration, read from {}\n",
                sanitize::visible(&path.display().to_string())
            ),
            None => "# tandem's configuration: the defaults (no configuration file)\n".to_string(),
        };
        if self.theme == ThemeName::Auto {
            out.push_str(&format!(
                "# theme \"auto\" is \"{}\" here (NO_COLOR, then COLORTERM decide)\n",
                self.theme.resolve(env).name()
            ));
        }
        let settings = [
            ("theme", self.theme.name().to_string()),
            ("layout", self.layout.name().to_string()),
            (
                "input-format",
                self.input_format.map_or("auto", Format::name).to_string(),
            ),
            (
                "encoding",
                self.encoding
                    .map_or("auto", |e| e.name())
                    .to_ascii_lowercase(),
            ),
            (
                "export-format",
                self.export_format.unwrap_or_default().name().to_string(),
            ),
        ];
        for (key, value) in settings {
            out.push_str(&format!("{key} = {}\n", quoted(&value)));
        }
        out.push_str("\n[keys]\n");
        for (name, keys) in self.keymap.entries() {
            let keys: Vec<String> = keys.iter().map(|k| quoted(k)).collect();
            out.push_str(&format!("{name} = [{}]\n", keys.join(", ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use tandem::ui::Action;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn every_setting_is_read() {
        let config = parse(
            "theme = \"light\"\nlayout = \"single\"\ninput-format = \"srt\"\n\
             encoding = \"cp949\"\nexport-format = \"tsv\"\n\n[keys]\n\
             quit = \"x\"\nscroll-down = [\"j\", \"Ctrl-n\"]\n",
        )
        .unwrap();
        assert_eq!(config.theme, ThemeName::Light);
        assert_eq!(config.layout, Layout::Single);
        assert_eq!(config.input_format, Some(Format::Srt));
        assert_eq!(config.encoding, Some(encoding_rs::EUC_KR));
        assert_eq!(config.export_format, Some(ExportFormat::Tsv));
        assert_eq!(config.keymap.action_for(press('x')), Some(Action::Quit));
        assert_eq!(config.keymap.action_for(press('q')), None);
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(
            config.keymap.action_for(ctrl_n),
            Some(Action::ScrollDown(1))
        );
    }

    #[test]
    fn auto_means_detect() {
        let config = parse("input-format = \"auto\"\nencoding = \"AUTO\"\n").unwrap();
        assert_eq!(config.input_format, None);
        assert_eq!(config.encoding, None);
    }

    #[test]
    fn errors_name_the_line_and_key() {
        let cases = [
            (
                "\n\ntheme = \"neon\"\n",
                "line 3: theme: unknown theme 'neon'",
            ),
            ("layout = 3\n", "line 1: "),
            ("colour = \"red\"\n", "line 1: unknown field `colour`"),
            ("theme = \"dark\n", "line 1: "),
            (
                "[keys]\nquit = \"Hyper-q\"\n",
                "line 2: keys.quit: 'Hyper-q' is not a key",
            ),
            (
                "[keys]\njump = \"x\"\n",
                "line 2: keys.jump: no action called 'jump'",
            ),
            (
                "[keys]\ntop = \"x\"\nbottom = [\"y\", \"x\"]\n",
                "line 3: keys.bottom: x is already bound to 'top'",
            ),
            (
                "encoding = \"klingon\"\n",
                "line 1: encoding: unknown encoding 'klingon'",
            ),
            (
                "[keys]\nhelp = \"3\"\n",
                "line 2: keys.help: 3 cannot be bound",
            ),
            (
                "[keys]\nquit = []\nback = []\n",
                "keys: neither quit nor back has a key left",
            ),
            (
                "[keys]\nback = []\ntop = [\"q\", \"Ctrl-c\"]\n",
                "keys: neither quit nor back has a key left",
            ),
            (
                "[keys]\nquit = \"\u{202E}\"\n",
                "line 2: keys.quit: '<U+202E>' holds an invisible character, U+202E",
            ),
            (
                "[keys]\nhelp = [\"h\", \"Ctrl-\u{200B}\"]\n",
                "line 2: keys.help: 'Ctrl-\u{200B}' holds an invisible character, U+200B",
            ),
            (
                "[keys]\nhelp = \"\u{3000}\"\n",
                "line 2: keys.help: '\u{3000}' holds an invisible character, U+3000",
            ),
        ];
        for (text, expected) in cases {
            let error = parse(text).unwrap_err();
            assert!(error.starts_with(expected), "{text:?} gave {error:?}");
            assert!(!error.contains('\n'), "one line: {error:?}");
        }
    }

    #[test]
    fn the_printed_configuration_reads_back() {
        let mut config =
            parse("theme = \"mono\"\n[keys]\nnext-divergence = [\"n\", \"F3\"]\n").unwrap();
        config.source = None;
        let printed = config.to_toml(|_| None);
        let again = parse(&printed).unwrap();
        assert_eq!(again.to_toml(|_| None), printed);
        assert!(printed.contains("next-divergence = [\"n\", \"F3\"]"));
        assert!(printed.contains("next-hit = []"));
        assert!(printed.contains("theme = \"mono\""));
    }

    #[test]
    fn the_default_printed_configuration_reads_back_to_the_defaults() {
        let printed = Config::default().to_toml(|_| None);
        assert!(printed.contains("# theme \"auto\" is \"ansi\" here"));
        assert_eq!(parse(&printed).unwrap().to_toml(|_| None), printed);
    }

    #[test]
    fn location_follows_tandem_config_then_xdg_then_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            location(env(&[("TANDEM_CONFIG", "/a.toml"), ("HOME", "/h")])),
            Some((PathBuf::from("/a.toml"), true))
        );
        assert_eq!(
            location(env(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])),
            Some((PathBuf::from("/x/tandem/config.toml"), false))
        );
        assert_eq!(
            location(env(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/h")])),
            Some((PathBuf::from("/h/.config/tandem/config.toml"), false))
        );
        assert_eq!(location(env(&[])), None);
    }

    #[test]
    fn a_missing_file_is_the_defaults_unless_named() {
        let missing = PathBuf::from("/nonexistent/tandem/config.toml");
        assert!(load(Some((missing.clone(), false))).is_ok());
        let error = load(Some((missing, true))).unwrap_err();
        assert!(error.starts_with("/nonexistent/tandem/config.toml: cannot read"));
    }
}
