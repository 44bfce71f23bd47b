//! Measures the stats and map panes, the sort and the range filter over a million events:
//!
//! ```sh
//! cargo run --release --example bench_panes -- [EVENTS]
//! ```
//!
//! The events are made in memory (`examples/gen.rs` writes no coordinates, regions or
//! numeric attributes): dates over six years, two
//! of 1000 actors each, 50 countries of 20 regions, coordinates on 95%, a whole `fatalities`
//! and a two-place decimal `tone` on every event, as an ACLED import would give. Each figure
//! is the median (and the slowest) of repeated runs, through `App::update` and `ui::draw` as
//! the browser calls them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::Terminal;

use chronicle::app::{Action, App, Motion, PickerKind, PromptKind};
use chronicle::date::EdtfDate;
use chronicle::model::{Actor, ActorId, Event, Label, Number, Point, Region, Shapes, Value};
use chronicle::timeline::Timeline;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

/// A small deterministic generator (xorshift), so that every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn timeline(events: usize) -> Timeline {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let actors: Vec<Actor> = (0..1000)
        .map(|i| Actor {
            id: format!("a{i}"),
            name: format!("Actor {i}"),
            kind: None,
            aliases: Vec::new(),
            affiliation: None,
            description: None,
        })
        .collect();
    let regions: Vec<Arc<Region>> = (0..50 * 20)
        .map(|i| {
            Arc::new(Region {
                country: Some(format!("Country {}", i / 20).into()),
                admin1: Some(format!("Region {i}").into()),
                admin2: None,
            })
        })
        .collect();
    let kinds: Vec<Label> = ["Battles", "Protests", "Riots", "Explosions", "Strategic"]
        .iter()
        .map(|k| Label::from(*k))
        .collect();
    let days: Vec<EdtfDate> = (0..6 * 365)
        .map(|d| {
            let date = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).expect("a date")
                + chrono::Duration::days(d);
            EdtfDate::parse(&date.format("%Y-%m-%d").to_string()).expect("a date")
        })
        .collect();
    // Attribute names are labels shared by every event, and so are the lists' shapes, as the
    // loader makes them.
    let fatalities: Label = "fatalities".into();
    let tone_name: Label = "tone".into();
    let mut shapes = Shapes::default();
    let events = (0..events)
        .map(|i| {
            let region = regions[rng.below(regions.len() as u64) as usize].clone();
            let point = (rng.below(20) != 0).then(|| Point {
                lat: rng.below(140_000) as f64 / 1000.0 - 60.0,
                lon: rng.below(360_000) as f64 / 1000.0 - 180.0,
            });
            let tone = rng.below(2001) as i64 - 1000;
            Event {
                id: format!("e{i}").into(),
                date: days[rng.below(days.len() as u64) as usize],
                title: format!("Event {i}").into(),
                summary: None,
                kind: Some(kinds[rng.below(kinds.len() as u64) as usize].clone()),
                actors: Box::new([
                    ActorId(rng.below(1000) as u32),
                    ActorId(rng.below(1000) as u32),
                ]),
                location: None,
                tags: Box::default(),
                quotes: Box::default(),
                attributes: shapes.attributes(vec![
                    (
                        fatalities.clone(),
                        Value::Number(
                            Number::from_f64(rng.below(50) as f64).expect("a finite number"),
                        ),
                    ),
                    (
                        tone_name.clone(),
                        Value::Number(
                            Number::parse(&format!("{:.2}", tone as f64 / 100.0))
                                .expect("a number"),
                        ),
                    ),
                ]),
                roles: Box::default(),
                region: Some(region),
                point: point.map(std::sync::Arc::new),
            }
        })
        .collect();
    Timeline::new(events, actors, Vec::new())
}

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort_unstable();
    (samples[samples.len() / 2], samples[samples.len() - 1])
}

fn report(what: &str, (median, worst): (Duration, Duration)) {
    println!(
        "{what:<58} median {:>9.3} ms   slowest {:>9.3} ms",
        median.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
}

fn main() {
    let events: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let start = Instant::now();
    let t = timeline(events);
    println!(
        "{events} events made in {:.1} s; terminal {WIDTH}x{HEIGHT}",
        start.elapsed().as_secs_f64()
    );
    let mut app = App::new(&t, "bench");
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
    let mut frame = |app: &App| {
        terminal
            .draw(|f| chronicle::ui::draw(app, f))
            .expect("draw");
    };
    const RUNS: usize = 7;
    report(
        "A: open the stats pane (count the whole view)",
        time(RUNS, || {
            app.update(Action::ToggleStats);
            app.update(Action::ToggleStats);
        }),
    );
    app.update(Action::ToggleStats);
    report("frame with the stats pane open", time(RUNS, || frame(&app)));
    app.update(Action::StepFacet(1));
    report(
        "frame with the stats pane on actors",
        time(RUNS, || frame(&app)),
    );
    report(
        "Enter on a bar and Back (filter, recount) x2",
        time(RUNS, || {
            app.update(Action::ChooseBar);
            app.update(Action::Back);
        }),
    );
    app.update(Action::ToggleStats);
    report(
        "M: open the map pane (gather and bin the points)",
        time(RUNS, || {
            app.update(Action::ToggleMap);
            app.update(Action::ToggleMap);
        }),
    );
    app.update(Action::ToggleMap);
    report("frame with the map pane open", time(RUNS, || frame(&app)));
    report(
        "+ then - on the map (bin twice)",
        time(RUNS, || {
            app.update(Action::ZoomMap(true));
            app.update(Action::ZoomMap(false));
        }),
    );
    report(
        "pan east then west on the map (bin twice)",
        time(RUNS, || {
            app.update(Action::PanMap { east: 1, north: 0 });
            app.update(Action::PanMap { east: -1, north: 0 });
        }),
    );
    app.update(Action::ToggleMap);
    report(
        "S: open the sort picker (numeric names, found once)",
        time(RUNS, || {
            app.update(Action::OpenPicker(PickerKind::Sort));
            app.update(Action::CancelPrompt);
        }),
    );
    report(
        "sort by fatalities, highest first, then by date",
        time(RUNS, || {
            app.update(Action::OpenPicker(PickerKind::Sort));
            app.update(Action::Move(Motion::Down));
            app.update(Action::SubmitPrompt);
            app.update(Action::OpenPicker(PickerKind::Sort));
            app.update(Action::SubmitPrompt);
        }),
    );
    app.update(Action::OpenPicker(PickerKind::Sort));
    app.update(Action::Move(Motion::Down));
    app.update(Action::SubmitPrompt);
    report("frame with the events sorted", time(RUNS, || frame(&app)));
    report(
        "R: filter fatalities>=40 and clear (sorted view)",
        time(RUNS, || {
            app.update(Action::OpenPrompt(PromptKind::NumRange));
            for c in "fatalities>=40".chars() {
                app.update(Action::PromptInput(c));
            }
            app.update(Action::SubmitPrompt);
            app.update(Action::LeaveFilter);
        }),
    );
    println!("view after the runs: {} events", app.view().len());
}
