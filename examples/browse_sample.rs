//! Browses the hand-built sample timeline: `cargo run --example browse_sample`.

fn main() -> std::io::Result<()> {
    let timeline = chronicle::sample::timeline();
    chronicle::tui::run(&timeline, "sample").map(|_| ())
}
