//! Measures the browser at scale, each figure beside a baseline taken in the same run:
//!
//! ```sh
//! cargo run --release --example gen -- --events 1000000 --actors 100000 --sources 10000 --out /tmp/gen1m
//! cargo run --release --example gen -- --events 1000 --actors 1000 --sources 10 --out /tmp/gen1k
//! cargo build --release && cargo run --release --example bench_tui -- /tmp/gen1m /tmp/gen1k
//! ```
//!
//! The machine it runs on may be shared, so every figure is a median (and 99th percentile) of
//! repeated runs, and the comparison that matters is the ratio to the baseline beside it.

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use chronicle::app::{Action, App, Carried, Motion, PromptKind};
use chronicle::files::DatasetLocation;
use chronicle::load::{load, Dataset};
use chronicle::model::ActorId;
use chronicle::search::{ActorMatch, Narrowing, Ranker};

/// The browser's allocator (see `src/main.rs`), so that what allocates costs what it does
/// there: with the system allocator the fuzzy ranking took some 10% longer.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The queries typed one key at a time, as in the issue.
const TYPED: [&str; 4] = ["k", "ka", "kar", "karo"];
/// The browser's slice of ranking between keys and frames (`RANKING_SLICE` in `app`).
const SLICE: Duration = Duration::from_millis(6);
const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// Median and 99th percentile of some timings.
#[derive(Clone, Copy)]
struct Stats {
    median: Duration,
    p99: Duration,
    runs: usize,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p99: at(0.99),
        runs: samples.len(),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

struct Row {
    what: String,
    target: &'static str,
    measured: Stats,
    baseline_name: String,
    baseline: Stats,
}

impl Row {
    fn print(&self) {
        let ratio = self.measured.median.as_secs_f64() / self.baseline.median.as_secs_f64();
        println!(
            "| {} | {} | {} median, {} p99 (n={}) | {}: {} median, {} p99 | {:.2}x |",
            self.what,
            self.target,
            ms(self.measured.median),
            ms(self.measured.p99),
            self.measured.runs,
            self.baseline_name,
            ms(self.baseline.median),
            ms(self.baseline.p99),
            ratio,
        );
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let started = Instant::now();
    let out = black_box(f());
    (started.elapsed(), out)
}

fn load_dataset(dir: &Path) -> Dataset {
    let (took, loaded) = time(|| load(&DatasetLocation::Folder(dir.to_path_buf())));
    match loaded {
        Ok(d) => {
            eprintln!(
                "loaded {} ({} events, {} actors) in {}",
                dir.display(),
                d.timeline.events().len(),
                d.timeline.actors().len(),
                ms(took)
            );
            d
        }
        Err(problems) => {
            eprintln!(
                "{}: {} problems; generate it first (see the top of this file)",
                dir.display(),
                problems.len()
            );
            std::process::exit(2);
        }
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap_or_else(|e| panic!("backend: {e}"))
}

/// What the browser does between the end of the load and the first frame.
fn start(dataset: &Dataset, terminal: &mut Terminal<TestBackend>) -> Duration {
    let (took, _) = time(|| {
        let mut app = App::new(&dataset.timeline, &dataset.name);
        app.update(Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        app.restore(Carried::default());
        let drawn = terminal
            .draw(|frame| chronicle::ui::draw(&app, frame))
            .is_ok();
        (app.view().len(), drawn)
    });
    took
}

fn new_app<'t>(dataset: &'t Dataset) -> App<'t> {
    let mut app = App::new(&dataset.timeline, &dataset.name);
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app.restore(Carried::default());
    app
}

/// One frame of `app`, drawn in full (a cleared terminal, as after a scroll changes every row).
fn frame(app: &App, terminal: &mut Terminal<TestBackend>) -> Duration {
    terminal.clear().ok();
    time(|| {
        terminal
            .draw(|frame| chronicle::ui::draw(app, frame))
            .is_ok()
    })
    .0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let big = PathBuf::from(args.first().map_or("/tmp/gen1m", String::as_str));
    let small = PathBuf::from(args.get(1).map_or("/tmp/gen1k", String::as_str));
    let rounds: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(30);
    let big = load_dataset(&big);
    let small = load_dataset(&small);
    let mut rows = Vec::new();

    // Start-up: from the loaded dataset to the first frame.
    let mut term = terminal();
    let (mut s_big, mut s_small) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        s_big.push(start(&big, &mut term));
        s_small.push(start(&small, &mut term));
    }
    rows.push(Row {
        what: format!(
            "start-up to first frame, {} events",
            big.timeline.events().len()
        ),
        target: "≤ 1 s",
        measured: stats(s_big),
        baseline_name: format!("{} events", small.timeline.events().len()),
        baseline: stats(s_small),
    });

    // Frames: the same screen with a million events and with a thousand, interleaved.
    let app_big = new_app(&big);
    let app_small = new_app(&small);
    let (mut f_big, mut f_small) = (Vec::new(), Vec::new());
    for _ in 0..rounds * 10 {
        f_big.push(frame(&app_big, &mut term));
        f_small.push(frame(&app_small, &mut term));
    }
    rows.push(Row {
        what: format!(
            "draw one {WIDTH}x{HEIGHT} frame, {} events",
            big.timeline.events().len()
        ),
        target: "≤ 2 ms median, ≤ 1.5x baseline",
        measured: stats(f_big),
        baseline_name: format!("{} events", small.timeline.events().len()),
        baseline: stats(f_small),
    });
    drop(app_big);
    drop(app_small);

    // Scrolling: one key (down a page) and the frame after it.
    let mut app_big = new_app(&big);
    let mut app_small = new_app(&small);
    let (mut k_big, mut k_small) = (Vec::new(), Vec::new());
    for i in 0..rounds * 10 {
        let motion = if i % 20 < 10 {
            Motion::PageDown
        } else {
            Motion::PageUp
        };
        k_big.push(time(|| app_big.update(Action::Move(motion))).0 + frame(&app_big, &mut term));
        k_small
            .push(time(|| app_small.update(Action::Move(motion))).0 + frame(&app_small, &mut term));
    }
    rows.push(Row {
        what: "page down/up and draw, 1M events".into(),
        target: "keeps up with key repeat (≤ 16 ms)",
        measured: stats(k_big),
        baseline_name: "1k events".into(),
        baseline: stats(k_small),
    });

    // Actor filter: the most and the least involved actors, each applied then cleared.
    let by_count = big.timeline.actors_by_event_count();
    let picks: Vec<ActorId> = by_count
        .iter()
        .step_by((by_count.len() / rounds.max(1)).max(1))
        .copied()
        .take(rounds)
        .collect();
    let small_actors = small.timeline.actors_by_event_count();
    let (mut a_big, mut a_small, mut c_big) = (Vec::new(), Vec::new(), Vec::new());
    for (i, actor) in picks.iter().enumerate() {
        a_big.push(time(|| app_big.update(Action::FilterByActor(*actor))).0);
        c_big.push(time(|| app_big.update(Action::ClearFilter)).0);
        let other = small_actors[i % small_actors.len()];
        a_small.push(time(|| app_small.update(Action::FilterByActor(other))).0);
        app_small.update(Action::ClearFilter);
    }
    rows.push(Row {
        what: "filter by an actor, 1M events".into(),
        target: "≤ 5 ms",
        measured: stats(a_big),
        baseline_name: "1k events".into(),
        baseline: stats(a_small.clone()),
    });
    rows.push(Row {
        what: "clear the filter (back to all 1M events)".into(),
        target: "keeps up with key repeat",
        measured: stats(c_big),
        baseline_name: "1k events".into(),
        baseline: stats(a_small),
    });

    // Date range and find, typed into their prompts and submitted.
    let submit = |app: &mut App, kind: PromptKind, text: &str| {
        app.update(Action::OpenPrompt(kind));
        app.update(Action::PromptClear);
        for c in text.chars() {
            app.update(Action::PromptInput(c));
        }
        time(|| app.update(Action::SubmitPrompt)).0
    };
    let (mut d_big, mut d_small) = (Vec::new(), Vec::new());
    for i in 0..rounds.min(10) {
        let range = format!("{}..{}", 1995 + i, 2005 + i);
        d_big.push(submit(&mut app_big, PromptKind::DateRange, &range));
        app_big.update(Action::ClearFilter);
        d_small.push(submit(&mut app_small, PromptKind::DateRange, &range));
        app_small.update(Action::ClearFilter);
    }
    rows.push(Row {
        what: "date-range filter (F 1995..2005), 1M events".into(),
        target: "fast (was ~1 s in a dev build)",
        measured: stats(d_big),
        baseline_name: "1k events".into(),
        baseline: stats(d_small),
    });
    let events = big.timeline.events();
    for query in ["sanctioned", "Karov", "gas pipe"] {
        let (mut f_big, mut plain) = (Vec::new(), Vec::new());
        for _ in 0..rounds.min(5) {
            f_big.push(submit(&mut app_big, PromptKind::Find, query));
            app_big.update(Action::ClearFind);
            // The least a find can do: a case-sensitive substring search of the same texts.
            plain.push(
                time(|| {
                    events
                        .iter()
                        .filter(|e| {
                            e.title.contains(query)
                                || e.summary.as_deref().is_some_and(|s| s.contains(query))
                                || e.quotes
                                    .iter()
                                    .any(|q| big.timeline.quote_text(q).contains(query))
                        })
                        .count()
                })
                .0,
            );
        }
        rows.push(Row {
            what: format!("find '{query}' over 1M events"),
            target: "fast (was ~4 s in a dev build)",
            measured: stats(f_big),
            baseline_name: "str::contains over the same texts".into(),
            baseline: stats(plain),
        });
    }

    // Fuzzy search: the browser's keystrokes against fzf over the same names, and against
    // ranking every query from scratch.
    let names_file = std::env::temp_dir().join("chronicle-bench-names.txt");
    let mut names = Vec::new();
    for actor in big.timeline.actors() {
        names.push(actor.name.as_str());
        names.extend(actor.aliases.iter().map(String::as_str));
    }
    std::fs::write(&names_file, names.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
    let fzf = Command::new("fzf").arg("--version").output().is_ok();
    let ranker = Ranker::default();
    let mut keys: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    let mut complete: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    let mut scratch: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    let mut fzf_times: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    // The same typing on a ranker with one thread, round by round beside the browser's, to
    // see what the threads gain in the same conditions (the machine may be shared).
    let one_thread = Ranker::new(big.timeline.actors()).with_threads(1);
    let everyone: Vec<ActorMatch> = big
        .timeline
        .actors_by_event_count()
        .iter()
        .map(|&actor| ActorMatch::unranked(actor))
        .collect();
    let mut alone_complete: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    // And on a ranker like the browser's before its idle time has ranked any first key.
    let cold = Ranker::new(big.timeline.actors());
    let mut cold_complete: Vec<Vec<Duration>> = vec![Vec::new(); TYPED.len()];
    // The first keys the browser ranks ahead while idle (between frames, as soon as it
    // opens): what that takes, in slices, and what it keeps.
    let mut prepare_times = Vec::new();
    let mut prepared_bytes = 0;
    for _ in 0..rounds.min(10) {
        let mut ahead = Ranker::new(big.timeline.actors());
        prepare_times.push(time(|| while !ahead.prepare(SLICE) {}).0);
        prepared_bytes = ahead.prepared_bytes();
    }
    let (idle, _) = time(|| {
        while app_big.is_busy() {
            app_big.update(Action::ContinueRanking);
        }
    });
    eprintln!(
        "first keys ranked ahead: {} in the browser's idle time, {:.1} MB kept",
        ms(idle),
        prepared_bytes as f64 / 1e6
    );
    for _ in 0..rounds {
        for (ranker, times) in [
            (&one_thread, &mut alone_complete),
            (&cold, &mut cold_complete),
        ] {
            let mut narrowing = Narrowing::new(everyone.clone());
            for (i, query) in TYPED.iter().enumerate() {
                let actors = big.timeline.actors();
                times[i].push(
                    time(|| {
                        let mut done = narrowing.rank(ranker, actors, query, SLICE);
                        while !done {
                            done = narrowing.work(ranker, actors, SLICE);
                        }
                    })
                    .0,
                );
            }
        }
        app_big.update(Action::OpenSearch);
        for (i, query) in TYPED.iter().enumerate() {
            let key = query.chars().last().unwrap_or('k');
            // The key itself (what blocks typing), then the slices the event loop runs
            // until the ranking is complete (what it takes to see it).
            let key_time = time(|| app_big.update(Action::SearchInput(key))).0;
            let rest = time(|| {
                while app_big.is_busy() {
                    app_big.update(Action::ContinueRanking);
                }
            })
            .0;
            keys[i].push(key_time);
            complete[i].push(key_time + rest);
        }
        app_big.update(Action::CloseSearch);
        for (i, query) in TYPED.iter().enumerate() {
            scratch[i].push(time(|| ranker.rank(big.timeline.actors(), query).len()).0);
        }
    }
    for _ in 0..rounds.min(10) {
        for (i, query) in TYPED.iter().enumerate() {
            if !fzf {
                continue;
            }
            let input = std::fs::File::open(&names_file).unwrap_or_else(|e| panic!("{e}"));
            let (took, _) = time(|| {
                Command::new("fzf")
                    .args(["--filter", query])
                    .stdin(input)
                    .stdout(Stdio::null())
                    .status()
            });
            fzf_times[i].push(took);
        }
    }
    // Why the first letter costs what it does: the matcher alone, over just the names that
    // hold a 'k' (what the byte check lets through), without any ranking around it.
    let holding: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.bytes().any(|b| b.eq_ignore_ascii_case(&b'k')))
        .collect();
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().smart_case();
    let score_all = |names: &[&str]| {
        names
            .iter()
            .filter_map(|n| fuzzy_matcher::FuzzyMatcher::fuzzy_match(&matcher, n, "k"))
            .count()
    };
    // The same names shared among one thread per core, as the browser's ranker shares them,
    // each a contiguous share: the least a ranking on every core can take.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (mut alone, mut shared) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        alone.push(time(|| score_all(&holding)).0);
        shared.push(
            time(|| {
                std::thread::scope(|scope| {
                    let share = holding.len().div_ceil(cores).max(1);
                    let threads: Vec<_> = holding
                        .chunks(share)
                        .map(|part| scope.spawn(|| score_all(part)))
                        .collect();
                    threads
                        .into_iter()
                        .map(|t| t.join().unwrap_or(0))
                        .sum::<usize>()
                })
            })
            .0,
        );
    }
    let per_call = stats(alone.clone()).median.as_secs_f64() / holding.len() as f64;
    eprintln!(
        "SkimMatcherV2::fuzzy_match: {:.2} µs per name holding 'k' ({} names)",
        per_call * 1e6,
        holding.len()
    );
    for (i, query) in TYPED.iter().enumerate() {
        if i == 0 {
            rows.push(Row {
                what: format!(
                    "ranking the first keys ahead, in {} slices ({:.1} MB kept)",
                    ms(SLICE),
                    prepared_bytes as f64 / 1e6
                ),
                target: "",
                measured: stats(prepare_times.clone()),
                baseline_name: "complete ranking 'k'".into(),
                baseline: stats(complete[0].clone()),
            });
            rows.push(Row {
                what: format!(
                    "  SkimMatcherV2 alone on the {} names holding 'k' ({:.2} µs each)",
                    holding.len(),
                    per_call * 1e6
                ),
                target: "",
                measured: stats(alone.clone()),
                baseline_name: "complete ranking 'k'".into(),
                baseline: stats(complete[0].clone()),
            });
            rows.push(Row {
                what: format!(
                    "  SkimMatcherV2 alone on the same names shared among {cores} threads"
                ),
                target: "",
                measured: stats(shared.clone()),
                baseline_name: "complete ranking 'k'".into(),
                baseline: stats(complete[0].clone()),
            });
        }
        rows.push(Row {
            what: format!(
                "keystroke → complete ranking '{query}', {} names",
                names.len()
            ),
            target: "≤ 16 ms p99, ≤ fzf",
            measured: stats(complete[i].clone()),
            baseline_name: if fzf {
                format!("fzf --filter {query} (whole process)")
            } else {
                "fzf not installed".into()
            },
            baseline: if fzf {
                stats(fzf_times[i].clone())
            } else {
                stats(vec![Duration::from_nanos(1)])
            },
        });
        rows.push(Row {
            what: "  the same ranking before any first key is ranked ahead (no app around it)"
                .into(),
            target: "",
            measured: stats(cold_complete[i].clone()),
            baseline_name: "complete ranking above".into(),
            baseline: stats(complete[i].clone()),
        });
        rows.push(Row {
            what: "  the same ranking on one thread, none ranked ahead (no app around it)".into(),
            target: "",
            measured: stats(alone_complete[i].clone()),
            baseline_name: "complete ranking above".into(),
            baseline: stats(complete[i].clone()),
        });
        rows.push(Row {
            what: format!("  keystroke '{query}' returns (typing never blocked)"),
            target: "≤ 16 ms",
            measured: stats(keys[i].clone()),
            baseline_name: "complete ranking above".into(),
            baseline: stats(complete[i].clone()),
        });
        rows.push(Row {
            what: format!("  from-scratch rank '{query}', positions for all (no narrowing)"),
            target: "",
            measured: stats(scratch[i].clone()),
            baseline_name: "complete ranking above".into(),
            baseline: stats(complete[i].clone()),
        });
    }

    // `chronicle events --json` on the bundled data, as a whole process, against the same
    // binary doing nearly nothing (`--version`).
    let exe = std::env::current_exe().ok().and_then(|p| {
        p.parent()
            .and_then(Path::parent)
            .map(|d| d.join(format!("chronicle{}", std::env::consts::EXE_SUFFIX)))
    });
    if let Some(exe) = exe.filter(|e| e.exists()) {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let (mut json, mut bare) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let run = |args: &[&std::ffi::OsStr]| {
                time(|| {
                    Command::new(&exe)
                        .args(args)
                        .stdout(Stdio::null())
                        .status()
                        .map(|s| s.success())
                })
            };
            let (took, ok) = run(&["events".as_ref(), data.as_os_str(), "--json".as_ref()]);
            assert!(matches!(ok, Ok(true)), "chronicle events failed");
            json.push(took);
            bare.push(run(&["--version".as_ref()]).0);
        }
        rows.push(Row {
            what: "`chronicle events data --json`, whole process".into(),
            target: "≤ 20 ms",
            measured: stats(json),
            baseline_name: "`chronicle --version`".into(),
            baseline: stats(bare),
        });
    } else {
        eprintln!("no release binary beside the bench: `cargo build --release` first");
    }

    let _ = std::fs::remove_file(&names_file);
    println!("| what | target | measured | baseline | ratio |");
    println!("|---|---|---|---|---|");
    for row in &rows {
        row.print();
    }
    std::io::stdout().flush().ok();
}
