//! Writes a large, valid, deterministic dataset for benchmarks and stress tests:
//! `cargo run --release --example gen -- --events N --actors M --sources S --out DIR [--seed X]`.
//!
//! Names are plausible, dates come in every precision (with intervals and qualifiers), events
//! have 1-3 actors, and every quote is cut from a sentence really written into a source text,
//! so `chronicle check DIR` verifies them all.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const FIRST: &[&str] = &[
    "Karolina", "Amir", "Sofia", "Kwame", "Li", "Mateo", "Anya", "Tariq", "Ingrid", "Ravi",
    "Elena", "Jonas", "Fatima", "Diego", "Mei", "Olusegun", "Hana", "Pierre", "Zainab", "Viktor",
];
const LAST: &[&str] = &[
    "Karov",
    "Haddad",
    "Rossi",
    "Mensah",
    "Wei",
    "Fernandez",
    "Petrova",
    "Aziz",
    "Larsen",
    "Iyer",
    "Novak",
    "Berg",
    "Okafor",
    "Santos",
    "Tanaka",
    "Adeyemi",
    "Kim",
    "Laurent",
    "Bello",
    "Orlov",
];
const PLACES: &[&str] = &[
    "Karelia", "Andoria", "Valmont", "Ostrava", "Meridia", "Tesland", "Corvana", "Lusiria",
    "Brenmark", "Saravan", "Kestria", "Dunmore", "Altavia", "Norvik", "Quessa", "Rubinia",
];
const BODIES: &[&str] = &[
    "Ministry of Defence",
    "Liberation Front",
    "Trade Council",
    "People's Party",
    "Border Guard",
    "Energy Company",
    "Security Service",
    "National Bank",
    "Red Crescent",
    "Press Agency",
];
const VERBS: &[&str] = &[
    "met",
    "warned",
    "accused",
    "called",
    "sanctioned",
    "praised",
    "criticised",
    "threatened",
    "thanked",
    "visited",
    "rejected",
    "welcomed",
];
const TOPICS: &[&str] = &[
    "the border dispute",
    "grain exports",
    "the ceasefire",
    "troop movements",
    "the gas pipeline",
    "prisoner exchanges",
    "election monitoring",
    "port access",
    "the peace talks",
    "tariffs",
];
const KINDS: &[&str] = &[
    "person",
    "state",
    "organization",
    "group",
    "alliance",
    "other",
];

/// xorshift64*: small, fast and the same on every machine, so datasets are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Args {
    events: usize,
    actors: usize,
    sources: usize,
    out: PathBuf,
    seed: u64,
}

const USAGE: &str = "\
Writes a large, valid, deterministic dataset for benchmarks and stress tests.

usage: cargo run --release --example gen -- [--events N] [--actors M] [--sources S] [--out DIR] [--seed X]

  --events N   events to write (1000)
  --actors M   actors to write (100)
  --sources S  source texts to write (10)
  --out DIR    the dataset folder to write (target/gen)
  --seed X     the seed of the pseudo-random choices (42)
  -h, --help   print this help";

/// The arguments after the program's name; `Ok(None)` when they ask for the help.
fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args {
        events: 1000,
        actors: 100,
        sources: 10,
        out: PathBuf::from("target/gen"),
        seed: 42,
    };
    while let Some(flag) = it.next() {
        if flag == "--help" || flag == "-h" {
            return Ok(None);
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{flag}: '{value}' is not a number"))
        };
        match flag.as_str() {
            "--events" => args.events = number()?,
            "--actors" => args.actors = number()?.max(1),
            "--sources" => args.sources = number()?.max(1),
            "--seed" => args.seed = number()? as u64 | 1,
            "--out" => args.out = PathBuf::from(&value),
            _ => {
                return Err(format!(
                    "unknown flag {flag}; use --events --actors --sources --out --seed (--help)"
                ))
            }
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("gen: {message}");
            return ExitCode::from(2);
        }
    };
    match generate(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

struct Actor {
    name: String,
}

fn generate(args: &Args) -> std::io::Result<()> {
    let mut rng = Rng(args.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    fs::create_dir_all(args.out.join("sources"))?;

    let mut actors = Vec::with_capacity(args.actors);
    let mut out = BufWriter::new(File::create(args.out.join("actors.json"))?);
    writeln!(out, "[")?;
    for i in 0..args.actors {
        let kind = KINDS[i % KINDS.len()];
        let place = PLACES[(i / KINDS.len()) % PLACES.len()];
        let name = match kind {
            "person" => format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            "state" => format!("Republic of {place}"),
            "organization" => format!("{place} {}", rng.pick(BODIES)),
            "group" => format!("{} Brigade of {place}", rng.pick(LAST)),
            "alliance" => format!("{place}-{} Pact", rng.pick(PLACES)),
            _ => format!("{place} Diaspora"),
        };
        // Names repeat across a large set; the number keeps ids unique and names findable.
        let name = if i < PLACES.len() * KINDS.len() {
            name
        } else {
            format!("{name} {i}")
        };
        let affiliation = if kind == "person" && i >= 1 {
            // Only people have affiliations, and only to states: no loops are possible.
            let state = (i / KINDS.len()) * KINDS.len() + 1;
            (state < args.actors && state != i).then(|| format!(", \"affiliation\": \"a{state}\""))
        } else {
            None
        };
        let alias = if i % 3 == 0 {
            format!(
                ", \"aliases\": [{}]",
                json(&format!("{} {}", place, KINDS[i % 6]))
            )
        } else {
            String::new()
        };
        let comma = if i + 1 == args.actors { "" } else { "," };
        writeln!(
            out,
            "  {{\"id\": \"a{i}\", \"name\": {}, \"kind\": \"{kind}\"{alias}{}}}{comma}",
            json(&name),
            affiliation.unwrap_or_default()
        )?;
        actors.push(Actor { name });
    }
    writeln!(out, "]")?;
    out.flush()?;

    // Each source holds as many sentences as events cite it; event j cites source j % S.
    let per_source = args.events.div_ceil(args.sources).max(1);
    let mut sentences: Vec<Vec<String>> = Vec::with_capacity(args.sources);
    let mut out = BufWriter::new(File::create(args.out.join("sources.json"))?);
    writeln!(out, "[")?;
    for s in 0..args.sources {
        let mut text = format!("Dispatch {s} from {}\n", rng.pick(PLACES));
        let mut list = Vec::with_capacity(per_source);
        for k in 0..per_source {
            let sentence = format!(
                "{} {} {} over {} in {} on day {k}, officials said.",
                actors[rng.below(actors.len())].name,
                rng.pick(VERBS),
                actors[rng.below(actors.len())].name,
                rng.pick(TOPICS),
                rng.pick(PLACES),
            );
            text.push_str(&sentence);
            text.push(if k % 4 == 3 { '\n' } else { ' ' });
            list.push(sentence);
        }
        fs::write(args.out.join(format!("sources/s{s}.txt")), &text)?;
        let comma = if s + 1 == args.sources { "" } else { "," };
        writeln!(
            out,
            "  {{\"id\": \"s{s}\", \"title\": \"Dispatch {s}\", \"publisher\": \"Wire {}\", \"file\": \"sources/s{s}.txt\"}}{comma}",
            s % 7
        )?;
        sentences.push(list);
    }
    writeln!(out, "]")?;
    out.flush()?;

    let mut out = BufWriter::new(File::create(args.out.join("events.jsonl"))?);
    for j in 0..args.events {
        let source = j % args.sources;
        let sentence = &sentences[source][(j / args.sources) % per_source];
        let quote = if j % 2 == 0 {
            sentence.as_str()
        } else {
            // A clause: the sentence up to " in ", still verbatim.
            sentence.split(" in ").next().unwrap_or(sentence)
        };
        let count = 1 + rng.below(3);
        let mut ids: Vec<usize> = Vec::with_capacity(count);
        while ids.len() < count.min(actors.len()) {
            let a = rng.below(actors.len());
            if !ids.contains(&a) {
                ids.push(a);
            }
        }
        let actor_list: Vec<String> = ids.iter().map(|a| format!("\"a{a}\"")).collect();
        let title = format!(
            "{} {} {}",
            actors[ids[0]].name,
            rng.pick(VERBS),
            rng.pick(TOPICS)
        );
        // A third of the events carry a summary, as hand-made records often do not.
        let summary = if j % 3 == 0 {
            format!(", \"summary\": {}", json(sentence))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{{\"id\": \"e{j}\", \"date\": \"{}\", \"title\": {}{summary}, \"type\": \"{}\", \"actors\": [{}], \"location\": \"{}\", \"tags\": [\"t{}\"], \"quotes\": [{{\"source\": \"s{source}\", \"text\": {}}}]}}",
            date(&mut rng),
            json(&title),
            rng.pick(VERBS),
            actor_list.join(", "),
            rng.pick(PLACES),
            j % 50,
            json(quote),
        )?;
    }
    out.flush()
}

/// A date of any precision, sometimes an interval, sometimes qualified.
fn date(rng: &mut Rng) -> String {
    let year = 1990 + rng.below(35);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let base = match rng.below(20) {
        0 => format!("{year}"),
        1..=3 => format!("{year}-{month:02}"),
        4..=5 => format!(
            "{year}-{month:02}-{:02}/{year}-{month:02}-28",
            1 + rng.below(27)
        ),
        6..=7 => format!(
            "{year}-{month:02}-{day:02}T{:02}:{:02}Z",
            rng.below(24),
            rng.below(60)
        ),
        _ => format!("{year}-{month:02}-{day:02}"),
    };
    match rng.below(20) {
        0 => format!("{base}~"),
        1 => format!("{base}?"),
        2 => format!("{base}%"),
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, String> {
        parse_args(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn help_is_asked_for_not_a_flag_missing_its_value() {
        assert!(matches!(parse(&["--help"]), Ok(None)));
        assert!(matches!(parse(&["--events", "5", "-h"]), Ok(None)));
        let args = parse(&["--events", "5"]).ok().flatten().map(|a| a.events);
        assert_eq!(args, Some(5));
        assert_eq!(
            parse(&["--events"]).err().as_deref(),
            Some("--events needs a value")
        );
    }
}
