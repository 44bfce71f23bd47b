//! The browser on a dataset whose every field is full of escape sequences: every pane, the
//! source view, the citing list, help, the search ranking, pickers, prompts and the status line
//! are drawn, at several sizes, and no cell may hold a character a terminal would act on.

use chronicle::app::{Action, App, Motion, Pane, PickerKind, PromptKind};
use chronicle::files::DatasetLocation;
use chronicle::load::load;
use chronicle::model::ActorId;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

use crate::common::{hostile_dataset, is_unsafe, EVIL};

fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| chronicle::ui::draw(app, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn screen_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Asserts that no cell holds an unsafe character, and that each row is exactly as wide as
/// the screen (wide characters take their two cells, nothing spills).
fn assert_safe(buffer: &Buffer, what: &str) {
    for y in 0..buffer.area.height {
        let mut columns = 0;
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(is_unsafe),
                "{what}: cell ({x}, {y}) holds {symbol:?}\n{}",
                screen_text(buffer)
            );
            let w = unicode_width::UnicodeWidthStr::width(symbol).max(1);
            columns += w;
            x += w as u16;
        }
        assert_eq!(columns, usize::from(buffer.area.width), "{what}: row {y}");
    }
}

#[test]
fn no_cell_of_any_view_holds_a_control_character() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = hostile_dataset(temp.path());
    let dataset = load(&DatasetLocation::Folder(root)).unwrap_or_else(|problems| {
        panic!("the hostile dataset is valid: {problems:#?}");
    });
    assert_eq!(dataset.timeline.events().len(), 3);
    let steps: Vec<(&str, Vec<Action>)> = vec![
        ("events", vec![]),
        ("actors", vec![Action::Focus(Pane::Actors)]),
        ("quotes", vec![Action::Focus(Pane::Quotes)]),
        ("detail", vec![Action::Focus(Pane::Detail)]),
        (
            "second event",
            vec![Action::Focus(Pane::Events), Action::Move(Motion::Down)],
        ),
        ("source view", vec![Action::JumpToSource]),
        ("source, next sentence", vec![Action::Move(Motion::Down)]),
        ("citing list", vec![Action::ShowCitingEvents]),
        ("back", vec![Action::CloseOverlay, Action::Back]),
        ("help", vec![Action::ToggleHelp]),
        ("search ranking", {
            let mut actions = vec![Action::ToggleHelp, Action::OpenSearch];
            actions.extend("name".chars().map(Action::SearchInput));
            actions
        }),
        (
            "actor filter",
            vec![Action::CloseSearch, Action::FilterByActor(ActorId(0))],
        ),
        ("type picker", vec![Action::OpenPicker(PickerKind::Types)]),
        (
            "tag picker",
            vec![Action::CancelPrompt, Action::OpenPicker(PickerKind::Tags)],
        ),
        ("tag filter", vec![Action::SubmitPrompt]),
        (
            "filters picker",
            vec![Action::OpenPicker(PickerKind::ActiveFilters)],
        ),
        ("find", {
            let mut actions = vec![Action::CancelPrompt, Action::OpenPrompt(PromptKind::Find)];
            actions.extend("said".chars().map(Action::PromptInput));
            actions.push(Action::SubmitPrompt);
            actions
        }),
        ("go to date prompt, refused", {
            let mut actions = vec![Action::OpenPrompt(PromptKind::GoToDate)];
            actions.extend("20x1".chars().map(Action::PromptInput));
            actions.push(Action::SubmitPrompt);
            actions
        }),
        (
            "date range prompt",
            vec![
                Action::CancelPrompt,
                Action::OpenPrompt(PromptKind::DateRange),
            ],
        ),
        (
            "export prompt",
            vec![Action::CancelPrompt, Action::OpenPrompt(PromptKind::Export)],
        ),
        (
            "mark",
            vec![
                Action::CancelPrompt,
                Action::ClearFilter,
                Action::ToggleEventMark,
            ],
        ),
        (
            "status note",
            vec![Action::Report(format!("reloaded {EVIL}"))],
        ),
        ("copied", vec![Action::CopyEvent]),
        (
            "reload problems",
            vec![
                Action::ReloadFailed(vec![format!("events.jsonl:1: {EVIL}\n  hint: {EVIL}")]),
                Action::ShowReloadProblems,
            ],
        ),
        ("reload problems closed", vec![Action::CloseOverlay]),
    ];
    let mut app = App::new(&dataset.timeline, &dataset.name);
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        app.update(Action::Resize { width, height });
        for (what, actions) in &steps {
            for action in actions {
                app.update(action.clone());
            }
            let _ = app.take_effects();
            assert_safe(
                &render(&app, width, height),
                &format!("{what} at {width}x{height}"),
            );
        }
    }
    // The hostile text is there, as placeholders: drawn, not obeyed.
    app.update(Action::Resize {
        width: 160,
        height: 50,
    });
    app.update(Action::Focus(Pane::Detail));
    let screen = screen_text(&render(&app, 160, 50));
    assert!(screen.contains("␛[2J␛]0;pwned␇"), "{screen}");
    assert!(screen.contains("⟨U+202E⟩⟨U+200B⟩"), "{screen}");
}
