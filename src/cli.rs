//! Command-line interface: clap definitions turned into plain options.

use crate::config::Config;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use tandem::export::ExportFormat;
use tandem::load::{Format, LoadOptions, decode};
use tandem::ui::layout::Layout;
use tandem::ui::theme::ThemeName;

const AFTER_HELP: &str = "\
Files: `-` reads standard input (one of the two files at most).

Configuration: TANDEM_CONFIG, else $XDG_CONFIG_HOME/tandem/config.toml, else
~/.config/tandem/config.toml (see --print-config). NO_COLOR and COLORTERM choose the
theme when neither --theme nor the configuration does.

Exit status:
  0    success
  1    an error: a file that cannot be read, a bad configuration (the message says which)
  2    a usage error: an unknown option or a bad value
  129  hung up (SIGHUP)
  130  interrupted (Ctrl-C while loading, or SIGINT)
  143  terminated (SIGTERM)
  128+N  ended by another signal N (SIGQUIT, SIGUSR1, SIGALRM ...), the terminal restored";

#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = "Read two versions of a spoken event side by side",
    long_about = "Read two versions of a spoken event side by side: an official transcript and \
                  a translation or another outlet's version. With no files, opens the bundled \
                  example (the State Department's and YTN's transcripts of Blinken and Cho in \
                  Seoul, January 2025).",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The official transcript (left pane), or a single transcript to read alone.
    pub official: Option<PathBuf>,

    /// The other version (right pane).
    pub other: Option<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub align: AlignArgs,

    /// Colours: auto, dark, light, ansi (16 colours) or mono (none).
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    pub theme: Option<ThemeName>,

    /// Panes of a pair: auto (side by side from 100 columns), side-by-side or single.
    #[arg(long, value_name = "LAYOUT", value_parser = parse_layout)]
    pub layout: Option<Layout>,

    /// Print the configuration in force, as a file that tandem reads back, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Ignore the configuration file: start with the defaults.
    #[arg(long, global = true)]
    pub no_config: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how a transcript file was read: format, encoding, metadata, speakers and turns.
    Inspect {
        /// The transcript file (`-` for standard input); the bundled official transcript if omitted.
        file: Option<PathBuf>,
        /// Print the whole model as JSON instead.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Align two versions and write the alignment (the bundled example if no files are given).
    Export(ExportArgs),
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man {
        /// Write every page (tandem.1 and one per command, tandem-export.1 ...) into this
        /// directory instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// What to export, and how.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The official transcript.
    pub official: Option<PathBuf>,
    /// The other version (a translation, another outlet's transcript).
    pub other: Option<PathBuf>,
    /// Output format: json (the default), tsv, markdown, tmx or html.
    #[arg(long, value_name = "FORMAT", value_parser = parse_export_format)]
    pub format: Option<ExportFormat>,
    /// Indent the JSON (it is indented anyway on a terminal, compact in a file or pipe).
    #[arg(long)]
    pub pretty: bool,
    /// Write to this file instead of standard output (`-` is standard output, as it is
    /// standard input for the files read); without --format, its extension names the format
    /// (.json, .tsv, .md, .tmx, .html).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Read the input files in this format instead of detecting it.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub from: Option<Format>,
    /// Read the input files in this encoding.
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    #[command(flatten)]
    pub align: AlignArgs,
}

/// How to align.
#[derive(Debug, Args, Clone, Default)]
pub struct AlignArgs {
    /// A speaker map: lines `OFFICIAL LABEL = OTHER LABEL` (`-` for no counterpart) that
    /// overrule the automatic speaker matching.
    #[arg(long, value_name = "FILE")]
    pub speakers: Option<PathBuf>,
}

/// How to read input files, when detection should be overruled.
#[derive(Debug, Args, Clone, Default)]
pub struct InputArgs {
    /// Read files in this format instead of detecting it.
    #[arg(long, visible_alias = "from", value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Read files in this encoding (utf-8, utf-16le, euc-kr, cp949, shift_jis, windows-1252, ...).
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl InputArgs {
    /// The options given here, else the configuration's.
    pub fn load_options(&self, config: &Config) -> LoadOptions {
        LoadOptions {
            format: self.format.or(config.input_format),
            encoding: self.encoding.or(config.encoding),
        }
    }
}

fn parse_export_format(name: &str) -> Result<ExportFormat, String> {
    name.parse()
}

fn parse_theme(name: &str) -> Result<ThemeName, String> {
    name.parse()
}

fn parse_layout(name: &str) -> Result<Layout, String> {
    name.parse()
}

fn parse_format(name: &str) -> Result<Format, String> {
    name.parse()
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    decode::encoding_for_label(label).ok_or_else(|| format!("unknown encoding '{label}'"))
}
