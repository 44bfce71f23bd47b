//! Measures sentence-splitting throughput on news text: `cargo run --release --example split_speed`.

use std::hint::black_box;
use std::time::Instant;

use chronicle::sentences::split_sentences;

fn main() {
    let article = include_str!("../tests/fixtures/seed_article.txt");
    // Articles are joined by blank lines, as in a feed dump, so every copy starts a new line.
    let copies = 50 * 1_000_000 / (article.len() + 2);
    let text = [article, "\n\n"].concat().repeat(copies);

    let started = Instant::now();
    let sentences = black_box(split_sentences(black_box(&text))).len();
    let seconds = started.elapsed().as_secs_f64();

    let megabytes = text.len() as f64 / 1e6;
    println!(
        "split {megabytes:.1} MB into {sentences} sentences in {:.1} ms: {:.0} MB/s",
        seconds * 1e3,
        megabytes / seconds
    );
}
