//! Measures how the browser answers keys while a large dataset reloads on its thread, through
//! the `Browser` the binary runs (on a `TestBackend`):
//!
//! ```sh
//! cargo run --release --example gen -- --events 1000000 --actors 100000 --sources 10000 --out /tmp/gen1m
//! cargo run --release --example reload_keys -- /tmp/gen1m
//! ```
//!
//! It opens the dataset, times a key (down or up) and the frame after it with nothing else
//! going on, then sets the events file's modification time (its bytes are left alone) so that
//! the browser's watch sees a change, and keeps pressing keys at a key-repeat pace (one every
//! 16 ms) until the reload is swapped in, timing each key and frame, each of the loop's ticks
//! (the look at the files every 1.5 s among them) and the tick that swaps the reload in.

use std::fs::File;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use chronicle::files::DatasetLocation;
use chronicle::load::load;
use chronicle::tui::{Browser, Start};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The browser's allocator (see `src/main.rs`), so that what allocates costs what it does there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PACE: Duration = Duration::from_millis(16);

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Median, 99th percentile and largest of some timings.
fn summary(mut samples: Vec<Duration>) -> String {
    if samples.is_empty() {
        return "no samples".into();
    }
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    format!(
        "median {}, p99 {}, max {} (n={})",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0)),
        samples.len()
    )
}

fn key(i: usize) -> Event {
    let code = if i % 40 < 20 {
        KeyCode::Down
    } else {
        KeyCode::Up
    };
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/tmp/gen1m".into()),
    );
    let location = DatasetLocation::Folder(dir.clone());
    let started = Instant::now();
    let dataset = match load(&location) {
        Ok(dataset) => dataset,
        Err(problems) => {
            eprintln!(
                "{}: {} problems; generate it first (see the top of this file)",
                dir.display(),
                problems.len()
            );
            std::process::exit(2);
        }
    };
    let load_time = started.elapsed();
    let events = dataset.timeline.events().len();
    println!(
        "loaded {} ({events} events) in {}",
        dir.display(),
        ms(load_time)
    );

    let terminal = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|e| panic!("{e}"));
    // The binary's watch: the files are looked at every 1.5 s, on the loop's thread.
    let mut browser = Browser::new(terminal, dataset, location, Start::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let press = |browser: &mut Browser<TestBackend>, i: usize| {
        let t = Instant::now();
        browser.handle(key(i)).unwrap_or_else(|e| panic!("{e}"));
        browser.draw().unwrap_or_else(|e| panic!("{e}"));
        t.elapsed()
    };

    // Keys with nothing else going on.
    let mut idle = Vec::new();
    for i in 0..200 {
        idle.push(press(&mut browser, i));
        std::thread::sleep(PACE);
    }

    // A change the watch sees, without touching the bytes.
    File::options()
        .write(true)
        .open(dir.join("events.jsonl"))
        .and_then(|f| f.set_modified(SystemTime::now()))
        .unwrap_or_else(|e| panic!("cannot touch the events file: {e}"));
    let touched = Instant::now();
    let mut first_tick = Duration::ZERO;
    while !browser.is_reloading() {
        assert!(
            touched.elapsed() < Duration::from_secs(5),
            "the watch saw no change"
        );
        let t = Instant::now();
        browser.tick().unwrap_or_else(|e| panic!("{e}"));
        first_tick = t.elapsed();
        std::thread::sleep(Duration::from_millis(1));
    }
    let reload_started = Instant::now();

    // Keys while it loads, each followed by the loop's tick (which swaps the reload in once
    // its thread has finished).
    let (mut during, mut ticks) = (Vec::new(), Vec::new());
    let mut swap = Duration::ZERO;
    let mut i = 0;
    while browser.is_reloading() {
        during.push(press(&mut browser, i));
        i += 1;
        let t = Instant::now();
        browser.tick().unwrap_or_else(|e| panic!("{e}"));
        let took = t.elapsed();
        if browser.is_reloading() {
            ticks.push(took);
        } else {
            swap = took;
        }
        std::thread::sleep(PACE);
    }
    let reload_time = reload_started.elapsed();
    let note = browser.app().message().unwrap_or_default().to_string();
    let after = press(&mut browser, i);

    println!("key + frame, idle:                  {}", summary(idle));
    println!("key + frame, while reloading:       {}", summary(during));
    let looks: Vec<Duration> = ticks
        .iter()
        .copied()
        .filter(|t| *t >= Duration::from_millis(1))
        .collect();
    println!("tick while reloading:               {}", summary(ticks));
    println!("… of which those over 1 ms:         {}", summary(looks));
    println!("tick that started the reload:       {}", ms(first_tick));
    println!("tick that swapped the reload in:    {}", ms(swap));
    println!("first key + frame after the swap:   {}", ms(after));
    println!(
        "reload, change seen to swapped in:  {} (keys answered meanwhile: {i})",
        ms(reload_time)
    );
    println!("status line after: {note}");
    println!(
        "before this change the load ran inside the loop: no key answered for the load ({} here)",
        ms(load_time)
    );
}
