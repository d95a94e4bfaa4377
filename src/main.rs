//! The `tandem` binary: parse the command line, run the command, report errors in one line.

use clap::Parser;
use std::process::ExitCode;
use tandem::cli::{Cli, Command};
use tandem::model::Transcript;
use tandem::{bundled, inspect, load};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tandem: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Some(Command::Inspect { file, json, input }) => {
            let transcript = match file {
                Some(path) => load::load_path(&path, input.load_options()),
                None => bundled::official(),
            }
            .map_err(|e| e.to_string())?;
            print_inspection(&transcript, json)
        }
        None => {
            let transcript = match &cli.official {
                Some(path) => load::load_path(path, cli.input.load_options()),
                None => bundled::official(),
            }
            .map_err(|e| e.to_string())?;
            print_inspection(&transcript, false)
        }
    }
}

fn print_inspection(transcript: &Transcript, json: bool) -> Result<(), String> {
    if json {
        let text = serde_json::to_string_pretty(transcript).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        print!("{}", inspect::report(transcript));
    }
    Ok(())
}
