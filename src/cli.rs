//! The command line: arguments, subcommands and their help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

const AFTER_HELP: &str = "\
With no DATASET, chronicle opens ./data when it exists, otherwise the dataset built into the
binary. A dataset is a folder holding events.jsonl (or events.json), actors.json and
sources.json, plus the source texts they name; see the README for the format.

Examples:
  chronicle                          browse the bundled timeline
  chronicle --from 2021-12-13        browse from 13 December 2021 on
  chronicle check my-dataset         validate a dataset, listing every problem
  chronicle events --actor putin     the timeline of one actor
  chronicle actors --search joh      rank actors by fuzzy match
  chronicle sentences article.txt    see how a text splits into sentences";

#[derive(Debug, Parser)]
#[command(
    name = "chronicle",
    version,
    about = "Browse the chronology behind the news: events, actors and the source sentences that say so",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Dataset folder to browse
    #[arg(value_name = "DATASET")]
    pub dataset: Option<PathBuf>,

    /// Open the browser showing only events on or after this date (EDTF: 2021, 2021-12, 2021-12-13)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Open the browser showing only events on or before this date (EDTF: 2021, 2021-12, 2021-12-13)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset: print a summary and exit 0, or list every problem and exit 1
    Check {
        #[arg(value_name = "DATASET")]
        dataset: Option<PathBuf>,
    },
    /// Print the timeline in order, optionally filtered
    Events {
        #[arg(value_name = "DATASET")]
        dataset: Option<PathBuf>,
        /// Only events involving this actor (an id or a fuzzy name); repeat to require several
        #[arg(long, value_name = "NAME")]
        actor: Vec<String>,
        /// Only events on or after this date (EDTF: 2021, 2021-12, 2021-12-13)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only events on or before this date (EDTF: 2021, 2021-12, 2021-12-13)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Print JSON Lines: the record fields plus each quote's sentence number
        #[arg(long)]
        json: bool,
    },
    /// List actors with their event counts, or rank them by a fuzzy search
    Actors {
        #[arg(value_name = "DATASET")]
        dataset: Option<PathBuf>,
        /// Rank actors by fuzzy match of QUERY against names and aliases, best first
        #[arg(long, value_name = "QUERY")]
        search: Option<String>,
        /// Print JSON Lines: {id, name, kind, aliases, events, score?}
        #[arg(long)]
        json: bool,
    },
    /// Show one event with all its fields and the full sentence of each quote
    Show {
        /// The event's id
        #[arg(value_name = "EVENT_ID")]
        event: String,
        #[arg(value_name = "DATASET")]
        dataset: Option<PathBuf>,
    },
    /// Print the sentences of a text file, numbered, to see the splits and pick quotes
    Sentences {
        /// Any UTF-8 text file
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print JSON Lines: {n, start, end, text} with byte offsets into the file
        #[arg(long)]
        json: bool,
    },
}
