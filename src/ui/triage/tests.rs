//! Triage drawn through ratatui's `TestBackend`: the seed article's real drafts, decisions
//! marked, the sentence lit in the article, the form and the help, and no size that panics.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

use super::draw;
use crate::app::form::{FormAction, FormActor};
use crate::app::Motion;
use crate::draft::{draft, Input, TimeSpan};
use crate::sentences::split_sentences;
use crate::times::find_times;
use crate::triage::{Action, Article, Effect, Known, Triage};
use crate::ui::tests::text;
use crate::ui::theme;

const SEED: &str = include_str!("../../../tests/fixtures/seed_article.txt");

/// Triage of the seed article drafted into an empty dataset, as `draft --into` opens it.
pub(crate) fn seed_triage(width: u16, height: u16) -> Triage {
    let published = NaiveDate::from_ymd_opt(2021, 12, 13).unwrap_or_default();
    let times: Vec<TimeSpan> = find_times(SEED, published)
        .into_iter()
        .map(|t| TimeSpan {
            sentence: t.sentence,
            start: t.start,
            end: t.end,
            value: t.value,
        })
        .collect();
    let input = Input {
        text: SEED,
        published,
        times: &times,
        actors: &[],
        event_ids: &HashSet::new(),
        source: "seed-article",
        cited: &Default::default(),
    };
    let drafts = draft(&input).unwrap_or_else(|e| panic!("{e}"));
    let article = Article {
        name: "seed_article.txt".into(),
        text: SEED.into(),
        sentences: split_sentences(SEED),
    };
    let known = Known {
        dataset: "timeline".into(),
        actors: Vec::new(),
        cited: BTreeSet::new(),
        ..Known::default()
    };
    let mut triage = Triage::new(article, known, drafts);
    triage.update(Action::Resize { width, height });
    triage
}

fn render(triage: &Triage, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height))
        .unwrap_or_else(|e| panic!("test backend: {e}"));
    terminal
        .draw(|frame| draw(triage, frame))
        .unwrap_or_else(|e| panic!("draw: {e}"));
    terminal.backend().buffer().clone()
}

/// Accepts the selected candidate as the event loop would report it written.
fn accept(triage: &mut Triage) {
    triage.update(Action::Accept);
    for effect in triage.take_effects() {
        if let Effect::Accept {
            index,
            draft,
            proposals,
        } = effect
        {
            let actors = proposals
                .iter()
                .filter(|p| triage.is_new_actor(&p.id))
                .map(|p| p.id.clone())
                .collect();
            triage.update(Action::Accepted {
                index,
                id: draft.id.clone(),
                actors,
            });
        }
    }
}

/// Where `needle` starts on the screen.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let screen = text(buffer);
    screen.lines().enumerate().find_map(|(y, line)| {
        let at = line.find(needle)?;
        Some((line[..at].chars().count() as u16, y as u16))
    })
}

/// The seed after accepting the first two candidates and rejecting the third: the screen the
/// README shows.
pub(crate) fn decided(width: u16, height: u16) -> Triage {
    let mut triage = seed_triage(width, height);
    accept(&mut triage);
    accept(&mut triage);
    triage.update(Action::Reject);
    triage
}

#[test]
fn the_seed_in_triage_at_110x32() {
    let triage = decided(110, 32);
    let buffer = render(&triage, 110, 32);
    insta::assert_snapshot!(text(&buffer));
}

#[test]
fn the_readme_shows_the_screen_as_drawn() {
    let screen = text(&render(&decided(110, 32), 110, 32));
    let trimmed: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let readme = include_str!("../../../README.md");
    assert!(
        readme.contains(&trimmed.join("\n")),
        "README.md's triage screen is not the one drawn:\n{}",
        trimmed.join("\n")
    );
}

#[test]
fn decisions_are_marked_and_the_sentence_is_lit_in_the_article() {
    let triage = decided(110, 32);
    let buffer = render(&triage, 110, 32);
    let screen = text(&buffer);
    assert!(
        screen.contains("19 candidates · 2 accepted · 1 rejected · 16 to decide"),
        "{screen}"
    );
    // Accepted: ✓, and its sentence marked cited; rejected: ✗.
    let (x, y) = find(&buffer, "✓ • [2]").unwrap_or_else(|| panic!("{screen}"));
    assert_eq!(buffer[(x, y)].style().fg, theme::MARK.fg);
    assert!(find(&buffer, "✗   [5]").is_some(), "{screen}");
    // The selected candidate is sentence 6: its words are lit in the article, the sentence
    // before them is not.
    assert!(screen.contains("Article · sentence 6 of 24"), "{screen}");
    let (x, y) = find(&buffer, "in-depth and principled").unwrap_or_else(|| panic!("{screen}"));
    assert_eq!(buffer[(x, y)].style().bg, theme::SENTENCE.bg);
    let (x, y) = find(&buffer, "Johnson expressed").unwrap_or_else(|| panic!("{screen}"));
    assert_ne!(buffer[(x, y)].style().bg, theme::SENTENCE.bg);
    // The details name the new actors accepting would add, or not any more.
    assert!(screen.contains("Candidate [6] · to decide"), "{screen}");
    assert!(
        !screen.contains("Vladimir Putin (vladimir-putin, new)"),
        "accepting [2] added Putin: {screen}"
    );
    assert!(
        screen.contains("Actors   Vladimir Putin (vladimir-putin)  "),
        "{screen}"
    );
    // The status line says what the last key did, and the keys.
    assert!(screen.contains("Rejected [5]."), "{screen}");
}

#[test]
fn a_candidate_whose_sentence_the_dataset_cites_is_marked() {
    let mut triage = seed_triage(110, 32);
    triage.known.cited = BTreeSet::from([3]);
    triage.update(Action::Move(Motion::Down));
    let buffer = render(&triage, 110, 32);
    let screen = text(&buffer);
    assert!(find(&buffer, "  • [4]").is_some(), "{screen}");
    assert!(screen.contains("• cited by an event"), "{screen}");
    assert!(find(&buffer, "    [2]").is_some(), "not cited: {screen}");
}

#[test]
fn the_form_shows_why_a_field_is_refused_as_it_is_typed() {
    let mut triage = seed_triage(110, 32);
    triage.known.actors = vec![FormActor {
        id: "putin".into(),
        name: "Vladimir Putin".into(),
    }];
    triage.update(Action::Edit);
    triage.update(Action::Form(FormAction::NextField));
    triage.update(Action::Form(FormAction::Clear));
    for c in "2021-13".chars() {
        triage.update(Action::Form(FormAction::Input(c)));
    }
    let buffer = render(&triage, 110, 32);
    let screen = text(&buffer);
    assert!(screen.contains(" Edit [2] "), "{screen}");
    assert!(screen.contains("Date   2021-13▏"), "{screen}");
    let (x, y) = find(&buffer, "invalid date:").unwrap_or_else(|| panic!("{screen}"));
    assert_eq!(buffer[(x, y)].style().fg, theme::PROMPT_ERROR.fg);
    // Enter only keeps the edit in triage (a writes it), and says so.
    assert!(screen.contains("Enter keep"), "{screen}");
    assert!(!screen.contains("Enter write"), "{screen}");
    // Known actors matching what is typed.
    triage.update(Action::Form(FormAction::NextField));
    triage.update(Action::Form(FormAction::Clear));
    for c in "vlad".chars() {
        triage.update(Action::Form(FormAction::Input(c)));
    }
    let screen = text(&render(&triage, 110, 32));
    assert!(
        screen.contains(
            "unknown actor 'vlad' · known: putin (Vladimir Putin), vladimir-putin (Vladimir Putin"
        ),
        "{screen}"
    );
}

#[test]
fn the_help_lists_the_keys() {
    let mut triage = seed_triage(100, 30);
    triage.update(Action::ToggleHelp);
    let screen = text(&render(&triage, 100, 30));
    for row in [
        "a                        accept: write the event (and its new actors) now",
        "u                        undo the last accept or reject",
        "j k ↓ ↑ Ctrl-n Ctrl-p    next / previous candidate",
        "PgDn PgUp Ctrl-d Ctrl-u  a page / half a page down, up",
    ] {
        assert!(screen.contains(row), "{row}\n{screen}");
    }
}

/// Found by a new user's trial: at 40x12 the help's last rows could not be reached.
#[test]
fn the_help_scrolls_to_its_last_row_on_a_short_terminal() {
    let mut triage = seed_triage(40, 12);
    let rows = crate::keymap::triage::help();
    triage.set_help_rows(rows.len());
    triage.update(Action::ToggleHelp);
    let last = rows.last().map(|r| r.keys.clone()).unwrap_or_default();
    let first = text(&render(&triage, 40, 12));
    assert!(first.contains("accept"), "{first}");
    triage.update(Action::Move(Motion::Last));
    let end = text(&render(&triage, 40, 12));
    assert!(end.contains(&last), "{last}\n{end}");
    assert!(
        !end.contains("accept"),
        "scrolled past the first row\n{end}"
    );
    triage.update(Action::Move(Motion::Up));
    triage.update(Action::Move(Motion::First));
    assert_eq!(triage.help_scroll(), 0);
    assert_eq!(
        crate::keymap::triage::action_for_key(
            crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('j')),
            triage.overlay()
        ),
        Some(Action::Move(Motion::Down))
    );
    // Moving in the help leaves the list where it was.
    let selected = triage.selected();
    triage.update(Action::Move(Motion::Down));
    assert_eq!(triage.selected(), selected);
}

#[test]
fn no_size_panics_and_small_ones_say_so() {
    let mut triage = decided(80, 24);
    triage.update(Action::Move(Motion::Last));
    for width in [1, 10, 29, 30, 45, 60, 80, 99, 100, 200] {
        for height in [1, 3, 7, 8, 10, 24, 60] {
            triage.update(Action::Resize { width, height });
            let screen = text(&render(&triage, width, height));
            if width < 30 || height < 8 {
                assert!(
                    screen.contains("small") || width < 18,
                    "{width}x{height}: {screen}"
                );
            } else {
                assert!(screen.contains("Triage"), "{width}x{height}: {screen}");
            }
        }
    }
}
