//! `tandem-synth`: large synthetic pairs for the benchmarks and the scale measurements, not a
//! user's command. The bundled example (or two given files) repeated, the other version
//! perturbed, written as transcript files that tandem then reads as a user's files.
//!
//! Built only with the `synth` feature:
//! `cargo run --release --features synth --bin tandem-synth -- --copies 1000 --out DIR`.

use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tandem::load::{self, Format, LoadOptions};
use tandem::model::Transcript;
use tandem::{bundled, synth};

#[derive(Debug, Parser)]
#[command(
    name = "tandem-synth",
    about = "Write a large synthetic pair for benchmarks"
)]
struct Args {
    /// The official transcript to repeat instead of the bundled one.
    official: Option<PathBuf>,
    /// The other version to repeat and perturb.
    other: Option<PathBuf>,
    /// Write both versions in this format (by default labelled, and bracketed for the
    /// other version).
    #[arg(long, value_name = "FORMAT", value_parser = str::parse::<Format>)]
    write_as: Option<Format>,
    /// How many copies of the example.
    #[arg(long, default_value_t = 10)]
    copies: usize,
    /// Seed of the perturbations.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory to write `official.txt` and `other.txt` into (and, with `--all-formats`, the
    /// official version in every format).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    #[arg(long)]
    all_formats: bool,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tandem-synth: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let (official, other) = match (&args.official, &args.other) {
        (Some(a), Some(b)) => (read(a)?, read(b)?),
        (None, None) => (
            bundled::official().map_err(|e| e.to_string())?,
            bundled::other().map_err(|e| e.to_string())?,
        ),
        _ => return Err("give both files, or neither for the bundled example".into()),
    };
    let official = synth::repeat_official(&official, args.copies);
    let other = synth::repeat_perturbed(&other, args.copies, args.seed);
    let mut files = vec![
        (
            "official.txt".to_string(),
            synth::write(&official, args.write_as.unwrap_or(Format::Labelled)),
        ),
        (
            "other.txt".to_string(),
            synth::write(&other, args.write_as.unwrap_or(Format::Bracketed)),
        ),
    ];
    if args.all_formats {
        for format in Format::ALL {
            files.push((
                format!("official.{}", format.name()),
                synth::write(&official, format),
            ));
        }
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("{}: cannot create: {e}", args.out.display()))?;
    for (name, text) in files {
        let path = args.out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<Transcript, String> {
    load::load_path(path, LoadOptions::default()).map_err(|e| e.to_string())
}
