//! The command line: arguments, subcommands and their help text.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::events::{EventFilter, Output};
use crate::commands::stats::By;
use crate::date::EdtfDate;
use crate::import::{DateOrder, Format};

const AFTER_HELP: &str = "\
With no DATASET, chronicle opens ./data when it exists, otherwise the dataset built into the
binary. A dataset is a folder holding events.jsonl (or events.json), actors.json and
sources.json, plus the source texts they name; see the README for the format.

Instead of a dataset, every command also opens export files, merged into one timeline: GDELT
events (*.export.CSV) with their mentions (*.mentions.CSV), ACLED CSV and TimelineJS3 JSON.
The format is told from each file's first line; --input-format gdelt|acled|timelinejs forces
it. --format names an output, and only `chronicle events` has one.

Examples:
  chronicle                          browse the bundled timeline
  chronicle --from 2021-12-13        browse from 13 December 2021 on
  chronicle init my-dataset          start a new, empty dataset
  chronicle check my-dataset         validate a dataset, listing every problem
  chronicle events --actor putin     the timeline of one actor
  chronicle actors --search joh      rank actors by fuzzy match
  chronicle stats acled.csv --by country --sum fatalities
                                     events and fatalities per country
  chronicle sentences article.txt    see how a text splits into sentences
  chronicle times article.txt --published 2021-12-13
                                     the dates an article mentions, anchored to that day
  chronicle draft article.txt --published 2021-12-13 --dataset data --json
                                     draft candidate events from an article
  chronicle 20150218230000.export.CSV 20150218230000.mentions.CSV
                                     browse a GDELT update with its mentions
  chronicle import acled.csv -o conflict-data
                                     convert an export into a dataset folder
  chronicle events timeline.json --format markdown
                                     a TimelineJS timeline as a Markdown chronology

In the browser, o opens the selected event's source URL with xdg-open (open on macOS), or with
the command named by CHRONICLE_OPENER.";

#[derive(Debug, Parser)]
#[command(
    name = "chronicle",
    version,
    about = "Browse the chronology behind the news: events, actors and the source sentences that say so",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub inputs: Inputs,

    #[command(flatten)]
    pub no_format: NoOutputFormat,

    /// Open the browser showing only events on or after this date (EDTF: 2021, 2021-12, 2021-12-13)
    #[arg(long, value_name = "DATE", value_parser = EdtfDate::parse)]
    pub from: Option<EdtfDate>,

    /// Open the browser showing only events on or before this date (EDTF: 2021, 2021-12, 2021-12-13)
    #[arg(long, value_name = "DATE", value_parser = EdtfDate::parse)]
    pub to: Option<EdtfDate>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset: print a summary and exit 0, or list every problem and exit 1
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        no_format: NoOutputFormat,
    },
    /// Print the timeline in order, optionally filtered
    Events {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        filter: EventFilter,
        /// Output: aligned text (the default), JSON Lines, CSV, a Markdown chronology, or
        /// TimelineJS3 JSON to open in TimelineJS
        #[arg(long, value_name = "FORMAT", value_parser = OutputFormat)]
        format: Option<Output>,
        /// Print JSON Lines: the record fields plus each quote's sentence number (same as
        /// --format json)
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Add a column of event ids to the text output (for `chronicle show ID`)
        #[arg(long, conflicts_with = "json")]
        ids: bool,
    },
    /// Count events and add up an attribute, grouped by type, actor, place, date or tag
    Stats {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        no_format: NoOutputFormat,
        #[command(flatten)]
        filter: EventFilter,
        /// What to group the events by (by event type when not given)
        #[arg(long, value_enum, value_name = "GROUP", default_value = "type")]
        by: By,
        /// Add up this numeric attribute (e.g. fatalities, mentions, goldstein, tone) per row
        #[arg(long, value_name = "ATTR")]
        sum: Option<String>,
        /// Print JSON Lines: {key, events, sum?, missing?}, one per row
        #[arg(long)]
        json: bool,
    },
    /// List actors with their event counts, or rank them by a fuzzy search
    Actors {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        no_format: NoOutputFormat,
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
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        no_format: NoOutputFormat,
    },
    /// Convert export files (GDELT, ACLED, TimelineJS) into a dataset folder
    Import {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        no_format: NoOutputFormat,
        /// The dataset folder to write (sources.json, actors.json, events.jsonl, sources/)
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Write into DIR even when it is not empty, replacing the dataset files there
        #[arg(long)]
        force: bool,
    },
    /// Draft candidate events from a news article: one per sentence reporting an act
    Draft {
        /// The article, a UTF-8 text file (paragraphs separated by blank lines, or one a line)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The article's publication day (YYYY-MM-DD): relative dates are read from it, and an
        /// undated event is dated on or before it, uncertain
        #[arg(long, value_name = "DATE", value_parser = crate::commands::times::parse_published)]
        published: chrono::NaiveDate,
        /// The dataset whose actors, sources and event ids the drafts use and avoid
        #[arg(long, value_name = "DIR")]
        dataset: Option<PathBuf>,
        /// Load the --dataset from its files, neither reading nor writing the cache of loaded
        /// datasets (also: CHRONICLE_NO_CACHE=1; empty, 0, false, no or off keep it on)
        #[arg(long, requires = "dataset")]
        no_cache: bool,
        /// Print JSON Lines: an events.jsonl record plus "sentence" and "new_actors"
        #[arg(long)]
        json: bool,
        /// Add the article to the dataset DIR as a source, then decide on each draft in a
        /// triage view: accepted ones are written into DIR at once
        #[arg(long, value_name = "DIR", conflicts_with_all = ["dataset", "json"])]
        into: Option<PathBuf>,
        /// With --into, write every draft into DIR without triage, as accepting each one
        /// there would (no terminal needed); drafts the dataset has already are left out
        #[arg(long, requires = "into")]
        accept_all: bool,
    },
    /// Make an empty dataset in DIR (created when needed) that `chronicle check` accepts;
    /// refuses a folder that already holds a dataset
    Init {
        /// The dataset folder to make
        #[arg(value_name = "DIR")]
        dir: PathBuf,
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
    /// List the dates a text file mentions, each anchored to the publication date
    Times {
        /// Any UTF-8 text file, such as a news article
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The day the text was published (YYYY-MM-DD): `yesterday`, `Thursday` and
        /// `last year` count from it
        #[arg(long, value_name = "DATE", value_parser = crate::commands::times::parse_published)]
        published: chrono::NaiveDate,
        /// Print JSON Lines: {sentence, text, start, end, value} with byte offsets into the file
        #[arg(long)]
        json: bool,
    },
}

/// What to open: one dataset folder, or export files to import; how to read them and how to
/// treat bad rows. Every command that reads takes these same flags.
#[derive(Clone, Debug, Default, Args)]
pub struct Inputs {
    /// A dataset folder, or one or more export files (GDELT, ACLED, TimelineJS) to merge
    #[arg(value_name = "DATASET|FILE")]
    pub paths: Vec<PathBuf>,
    /// Read the files as this format instead of telling it from their first line
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// Read slash dates such as 06/03/2022 in ACLED files day first (dmy) or month first (mdy),
    /// for files whose own dates cannot tell
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrder>,
    /// Skip invalid rows of export files (counting them) instead of failing
    #[arg(long)]
    pub skip_invalid: bool,
    /// Write the problems of skipped rows to FILE
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Folder of saved article texts, so GDELT mentions become quotes: files named by the
    /// SHA-256 of the URL (printf %s URL | sha256sum), or listed in DIR/manifest.tsv as
    /// URL<TAB>FILE
    #[arg(long, value_name = "DIR")]
    pub articles: Option<PathBuf>,
    /// Load the dataset from its files, neither reading nor writing the cache of loaded
    /// datasets (also: CHRONICLE_NO_CACHE=1; empty, 0, false, no or off keep it on)
    #[arg(long)]
    pub no_cache: bool,
}

/// `--format` where there is no output to name: once it named the input format on these
/// commands, so it is refused with the flag that does that now, rather than taken for
/// something else. Hidden from the help.
#[derive(Debug, Default, Args)]
pub struct NoOutputFormat {
    #[arg(long = "format", hide = true, value_name = "FORMAT", value_parser = no_output_format)]
    refused: Option<String>,
}

fn no_output_format(value: &str) -> Result<String, String> {
    Err(format!(
        "--format names an output format, and only `chronicle events` writes one; \
         to read the files as {value}, use --input-format {value}"
    ))
}

/// `--format` of `chronicle events`: clap's own parser of the output formats (its help and
/// errors list them), with a tip to use `--input-format` when the value names an input format.
#[derive(Clone, Debug)]
struct OutputFormat;

impl TypedValueParser for OutputFormat {
    type Value = Output;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Output, clap::Error> {
        EnumValueParser::<Output>::new()
            .parse_ref(cmd, arg, value)
            .map_err(|mut error| {
                let text = value.to_string_lossy();
                if Format::from_str(&text, true).is_ok() {
                    let tip = format!("to read the files as {text}, use --input-format {text}");
                    error.insert(
                        ContextKind::Suggested,
                        ContextValue::StyledStrs(vec![tip.into()]),
                    );
                }
                error
            })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Output::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

impl Inputs {
    /// One dataset folder, as `--dataset DIR` names it.
    pub fn folder(dir: PathBuf) -> Inputs {
        Inputs {
            paths: vec![dir],
            ..Inputs::default()
        }
    }
}
