//! The `tandem` binary: parse the command line, read the configuration, run the command,
//! report errors in one line. The library below it does the work; [`cli`] and [`config`] sit
//! here because they describe the program as a whole, the reader's keys and looks included.

mod cli;
mod config;

use clap::{CommandFactory, Parser};
use cli::{AlignArgs, Cli, Command, ExportArgs};
use config::Config;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tandem::align::{self, Step, speaker_map};
use tandem::export::{self, Aligned, ExportFormat};
use tandem::load::{self, LoadError, LoadOptions, bounded};
use tandem::model::{Pair, Transcript};
use tandem::progress::{self, Progress, Stage};
use tandem::{bundled, inspect, memory, parallel, sanitize, ui};

/// A speaker map has a line per speaker: ten thousand speakers take well under a megabyte.
const MAX_SPEAKER_MAP_BYTES: u64 = 16 * 1024 * 1024;

fn main() -> ExitCode {
    // SAFETY: the first thing `main` does; no other thread exists yet.
    unsafe { memory::keep_large_blocks_apart() };
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return clap_exit(&error),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            use std::io::Write;
            // When even standard error cannot be written (`2>/dev/full`), the exit status is
            // all that is left to tell.
            let _ = writeln!(std::io::stderr(), "tandem: {}", sanitize::message(&message));
            ExitCode::FAILURE
        }
    }
}

/// Prints `--help`, `--version` or a usage error as clap does, but a help that could not be
/// written (`--help >/dev/full`) is a failure, not a success.
fn clap_exit(error: &clap::Error) -> ExitCode {
    let code = error.exit_code();
    let printed = if code == 0 && stdout_was_closed() {
        Err(std::io::Error::other(CLOSED))
    } else {
        error.print()
    };
    match printed {
        Err(problem) if code == 0 => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "tandem: cannot write to standard output: {problem}"
            );
            ExitCode::FAILURE
        }
        _ => ExitCode::from(u8::try_from(code).unwrap_or(1)),
    }
}

fn run(cli: Cli) -> Result<(), String> {
    // Completions and manual pages do not depend on it: a bad file does not
    // stop them.
    let no_config = cli.no_config;
    let config = || {
        if no_config {
            return Ok(Config::default());
        }
        config::load(config::location(env))
            .map_err(|problem| format!("{problem} (--no-config starts with the defaults)"))
    };
    match cli.command {
        Some(Command::Inspect { file, json, input }) => {
            let config = config()?;
            let progress = Progress::stages(&LOADING);
            let transcript = match file {
                Some(path) => load::load_path(&path, input.load_options(&config)),
                None => bundled::official(),
            }
            .map_err(describe)?;
            drop(progress);
            print_inspection(&transcript, json)
        }
        Some(Command::Export(args)) => export(args, config),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "tandem", &mut script);
            write_stdout(&script)
        }
        Some(Command::Man { dir }) => manual(dir.as_deref()),
        None => {
            let config = config()?;
            let config = Config {
                theme: cli.theme.unwrap_or(config.theme),
                layout: cli.layout.unwrap_or(config.layout),
                ..config
            };
            if cli.print_config {
                return write_stdout(config.to_toml(env).as_bytes());
            }
            let map = SpeakerMap::of(&cli.align)?;
            read(
                Pair::new(cli.official.as_deref(), cli.other.as_deref()),
                cli.input.load_options(&config),
                map.as_ref(),
                config,
            )
        }
    }
}

/// `tandem export`: aligns the two versions and writes the alignment, row by row.
fn export(args: ExportArgs, config: impl FnOnce() -> Result<Config, String>) -> Result<(), String> {
    let ExportArgs {
        official,
        other,
        format,
        pretty,
        output,
        from,
        encoding,
        align,
    } = args;
    // `-o -` is standard output, as `-` is standard input for a file read.
    let output = output.filter(|path| path.as_os_str() != "-");
    if let Some(output) = &output {
        let inputs = [&official, &other, &align.speakers];
        refuse_overwriting_an_input(output, inputs.map(Option::as_deref))?;
    }
    let config = config()?;
    let map = SpeakerMap::of(&align)?;
    let options = LoadOptions {
        format: from.or(config.input_format),
        encoding: encoding.or(config.encoding),
    };
    let named_by_file = output.as_deref().and_then(ExportFormat::of_file);
    let format = format
        .or(named_by_file)
        .or(config.export_format)
        .unwrap_or_default();
    let paths = Pair::new(official.as_deref(), other.as_deref());
    let (transcripts, alignment) = load_and_align(paths, options, map.as_ref())?;
    // Said where a person sees it; the export itself carries it for scripts.
    for warning in &alignment.warnings {
        use std::io::Write;
        let line = sanitize::message(&warning.message);
        let _ = writeln!(std::io::stderr(), "tandem: warning: {line}");
    }
    let aligned = Aligned::new(transcripts.as_ref(), &alignment);
    let to_terminal = output.is_none() && std::io::stdout().is_terminal();
    // Indented for a person at a terminal; compact for files and programs.
    let pretty = pretty || to_terminal;
    // Rows shown on the terminal are their own progress: a bar would be drawn among them.
    let rows = u64::try_from(alignment.rows.len()).unwrap_or(u64::MAX);
    let progress = (!to_terminal).then(|| Progress::counting("writing rows", rows));
    let done = |written: usize| {
        if let Some(progress) = &progress {
            progress.done(u64::try_from(written).unwrap_or(u64::MAX));
        }
    };
    write_output(output.as_deref(), |out| {
        export::write_reporting(&aligned, format, pretty, out, &done)
    })
}

/// `tandem man`: every page into `dir`, or the main page on standard output.
fn manual(dir: Option<&Path>) -> Result<(), String> {
    if let Some(dir) = dir {
        return std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), dir))
            .map_err(|e| format!("{}: cannot write the manual pages: {e}", dir.display()));
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| format!("cannot write the manual page: {e}"))?;
    write_stdout(&page)
}

/// An environment variable, if set to valid Unicode.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Opens the reader: the bundled pair, a pair of files, or one file alone.
fn read(
    paths: Pair<Option<&Path>>,
    options: LoadOptions,
    map: Option<&SpeakerMap>,
    config: Config,
) -> Result<(), String> {
    use std::io::IsTerminal;
    // Keys come from standard input, or from the terminal itself when a transcript does.
    let from_stdin = is_stdin(paths.official) || is_stdin(paths.other);
    if !std::io::stdout().is_terminal() || !(from_stdin || std::io::stdin().is_terminal()) {
        return Err("the reader needs a terminal; to read a transcript without one, use \
                    `tandem inspect FILE`, and to write an alignment, `tandem export OFFICIAL OTHER`"
            .into());
    }
    let settings = ui::Settings {
        theme: config.theme.resolve(env).theme(),
        keymap: config.keymap,
        layout: config.layout,
    };
    let (reader, rest) = match (paths.official, paths.other) {
        (Some(path), None) => {
            let progress = Progress::stages(&LOADING);
            let transcript = load::load_path(path, options).map_err(describe)?;
            drop(progress);
            (ui::Contents::single(transcript), None)
        }
        (Some(official), Some(other))
            if let Some(start) = start_of(Pair::new(official, other), options, map) =>
        {
            let rest = aligning_the_rest(Pair::new(official, other), options, map.cloned());
            (start, Some(rest))
        }
        _ => {
            let (transcripts, alignment) = load_and_align(paths, options, map)?;
            let Pair { official, other } = transcripts;
            (ui::Contents::pair(official, other, alignment), None)
        }
    };
    match ui::run(reader, settings, rest) {
        Ok(ui::Ending::Quit) => Ok(()),
        Ok(ui::Ending::Signal(code)) => std::process::exit(code),
        Ok(ui::Ending::Failed(message)) => Err(message),
        Err(error) => Err(format!("terminal error: {error}")),
    }
}

/// The reader for the start of a long pair, shown while the whole pair is aligned.
fn start_of(
    paths: Pair<&Path>,
    options: LoadOptions,
    map: Option<&SpeakerMap>,
) -> Option<ui::Contents> {
    ui::provisional::start_of(paths, options, |official, other| {
        // A map naming speakers who come later is checked against the whole pair.
        forced(map, official, other).unwrap_or_default()
    })
}

/// Loads and aligns the whole pair for the reader, telling it how far it has come.
fn aligning_the_rest(
    paths: Pair<&Path>,
    options: LoadOptions,
    map: Option<SpeakerMap>,
) -> ui::background::Job {
    let paths = paths.map(Path::to_path_buf);
    Box::new(move |report: &dyn Fn(f64)| {
        let stages = progress::Stages::new(&LOADING_AND_ALIGNING);
        let step = |step: Step| {
            let fraction = match step {
                Step::Stage(name) => stages.start(name),
                Step::Within(done) => stages.within(done),
            };
            fraction.map(report);
        };
        let paths = paths.as_ref().map(|path| Some(path.as_path()));
        let (transcripts, alignment) =
            load_and_align_reporting(paths, options, map.as_ref(), &step)?;
        let Pair { official, other } = transcripts;
        Ok(ui::Contents::pair(official, other, alignment))
    })
}

/// Both versions: the given files, or the bundled example when neither is given.
fn load_pair(paths: Pair<Option<&Path>>, options: LoadOptions) -> Result<Pair<Transcript>, String> {
    match (paths.official, paths.other) {
        (Some(official), Some(other)) if is_stdin(Some(official)) && is_stdin(Some(other)) => {
            Err("only one of the two files can be standard input (`-`)".into())
        }
        (Some(official), Some(other)) => {
            let (official, other) = parallel::join(
                || load::load_path(official, options),
                || load::load_path(other, options),
            );
            Ok(Pair::new(
                official.map_err(describe)?,
                other.map_err(describe)?,
            ))
        }
        (None, None) => Ok(Pair::new(
            bundled::official().map_err(describe)?,
            bundled::other().map_err(describe)?,
        )),
        _ => Err("give both the official transcript and the other version, or neither for the bundled example".into()),
    }
}

/// A load error for the user: the file name is quoted as any outside value is.
fn describe(error: LoadError) -> String {
    format!("{}: {}", sanitize::quoted(&error.file), error.problem)
}

fn is_stdin(path: Option<&Path>) -> bool {
    path.is_some_and(|p| p.as_os_str() == "-")
}

/// Loading one file: one stage, done when the file is.
const LOADING: [Stage; 1] = [("loading", 1)];

/// Loading both files and aligning them, each stage with its share, in per cent, of the time
/// the whole took for the bundled pair ×1000 (the time each stage began, printed through
/// `align::align_reporting` from a release build, 3 December 2026, after stop 33 moved the
/// flags to a stage of their own). The aligner says when each stage starts, and how far it is
/// within each of its own (loading says only when it starts).
const LOADING_AND_ALIGNING: [Stage; 6] = [
    ("loading", 6),
    ("reading words, numbers and names", 14),
    ("aligning turns", 25),
    ("aligning sentences", 17),
    ("looking again across turns", 11),
    ("flagging differences", 27),
];

/// Both versions loaded and aligned, with a progress bar when that takes a while.
fn load_and_align(
    paths: Pair<Option<&Path>>,
    options: LoadOptions,
    map: Option<&SpeakerMap>,
) -> Result<(Pair<Transcript>, align::Alignment), String> {
    let progress = Progress::stages(&LOADING_AND_ALIGNING);
    load_and_align_reporting(paths, options, map, &|step| match step {
        Step::Stage(name) => progress.stage(name),
        Step::Within(done) => progress.within(done),
    })
}

/// [`load_and_align`], telling `report` when each of [`LOADING_AND_ALIGNING`] starts and how
/// far it is within one.
fn load_and_align_reporting(
    paths: Pair<Option<&Path>>,
    options: LoadOptions,
    map: Option<&SpeakerMap>,
    report: &dyn Fn(Step),
) -> Result<(Pair<Transcript>, align::Alignment), String> {
    let transcripts = load_pair(paths, options)?;
    let Pair { official, other } = &transcripts;
    let forced = forced(map, official, other)?;
    let alignment = align::align_reporting(official, other, &forced, report);
    Ok((transcripts, alignment))
}

/// The speaker map `--speakers` names: its file's name for messages, and its lines.
#[derive(Clone)]
struct SpeakerMap {
    file: String,
    lines: Vec<speaker_map::MapLine>,
}

impl SpeakerMap {
    /// Reads the map and checks its lines before any transcript is read, so that a malformed
    /// map is refused at once, not after a long pair has opened in the reader.
    fn of(args: &AlignArgs) -> Result<Option<SpeakerMap>, String> {
        let Some(path) = &args.speakers else {
            return Ok(None);
        };
        let file = sanitize::quoted(&path.display().to_string());
        let text = bounded::read_text(path, MAX_SPEAKER_MAP_BYTES)
            .map_err(|e| format!("{file}: the speaker map: {e}"))?;
        let lines = speaker_map::read(&text).map_err(|e| format!("{file}: {e}"))?;
        Ok(Some(SpeakerMap { file, lines }))
    }
}

/// The pairs the map fixes, its labels looked up in the two versions.
fn forced(
    map: Option<&SpeakerMap>,
    official: &Transcript,
    other: &Transcript,
) -> Result<Vec<align::Forced>, String> {
    let Some(map) = map else {
        return Ok(Vec::new());
    };
    speaker_map::resolve(&map.lines, official, other).map_err(|e| format!("{}: {e}", map.file))
}

/// `export A B -o A` would replace a transcript (or the speaker map) with its alignment.
fn refuse_overwriting_an_input(output: &Path, inputs: [Option<&Path>; 3]) -> Result<(), String> {
    match inputs
        .into_iter()
        .flatten()
        .find(|input| export::same_file(output, input))
    {
        Some(input) => Err(format!(
            "{}: this is the input file {}; write the export to another file",
            sanitize::quoted(&output.display().to_string()),
            sanitize::quoted(&input.display().to_string()),
        )),
        None => Ok(()),
    }
}

/// Writes what `fill` writes to the file at `path`, or to standard output.
fn write_output(
    path: Option<&Path>,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match path {
        Some(path) => export::save(path, fill).map_err(|e| {
            let file = sanitize::quoted(&PathBuf::from(path).display().to_string());
            format!("{file}: cannot write: {e}")
        }),
        None => fill_stdout(fill),
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    fill_stdout(|out| out.write_all(bytes))
}

/// Writes what `fill` writes to standard output, through a buffer; a reader that stopped
/// reading (`| head`) is not an error.
fn fill_stdout(
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), String> {
    if stdout_was_closed() {
        return Err(format!("cannot write to standard output: {CLOSED}"));
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match fill(&mut stdout).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {error}"))
        }
        _ => Ok(()),
    }
}

const CLOSED: &str = "it is closed";

/// Whether tandem was started with standard output closed (`>&-`). Rust's runtime then puts
/// `/dev/null`, opened for reading and writing, in its place, so writes would vanish without
/// an error; a shell's `>/dev/null` opens it for writing only. Linux shows the open mode as
/// the permissions of the link in `/proc/self/fd`; elsewhere this cannot be told.
fn stdout_was_closed() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let link = Path::new("/proc/self/fd/1");
    let readable = std::fs::symlink_metadata(link)
        .is_ok_and(|metadata| metadata.permissions().mode() & 0o400 != 0);
    readable && std::fs::read_link(link).is_ok_and(|target| target == Path::new("/dev/null"))
}

fn print_inspection(transcript: &Transcript, json: bool) -> Result<(), String> {
    if json {
        let text = tandem::sanitize::json(
            serde_json::to_string_pretty(transcript).map_err(|e| e.to_string())?,
        );
        write_stdout(format!("{text}\n").as_bytes())
    } else {
        write_stdout(inspect::report(transcript).as_bytes())
    }
}
