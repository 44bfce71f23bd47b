//! Every style the browser uses, in one place, so the look can be changed consistently.
//! Styles never rely on colour alone where it matters: focus also thickens the border and
//! matches are also bold and underlined.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

pub const BORDER: Style = Style::new().fg(Color::DarkGray);
pub const BORDER_TYPE: BorderType = BorderType::Rounded;
pub const FOCUSED_BORDER: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const FOCUSED_BORDER_TYPE: BorderType = BorderType::Thick;
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);

/// The selected row in the focused pane, and in the others.
pub const SELECTED: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Blue)
    .add_modifier(Modifier::BOLD);
pub const SELECTED_UNFOCUSED: Style = Style::new().bg(Color::DarkGray);

pub const DATE: Style = Style::new().fg(Color::Green);
pub const ACTORS: Style = Style::new().fg(Color::Magenta);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const LABEL: Style = Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD);
pub const MARK: Style = Style::new().fg(Color::Green).add_modifier(Modifier::BOLD);
pub const COUNT: Style = Style::new().fg(Color::Yellow);

/// Characters of an actor's name that the search query matched.
pub const MATCH: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
pub const PROMPT: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);

pub const QUOTE_HEADER: Style = Style::new().fg(Color::Blue);
pub const QUOTE_TEXT: Style = Style::new().add_modifier(Modifier::ITALIC);

/// The current sentence of the source view, and the quoted words inside it.
pub const SENTENCE: Style = Style::new().fg(Color::White).bg(Color::Blue);
pub const QUOTED: Style = Style::new()
    .fg(Color::Yellow)
    .bg(Color::Blue)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
pub const GUTTER: Style = Style::new().fg(Color::DarkGray);
pub const GUTTER_CITED: Style = Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD);

pub const STATUS: Style = Style::new().fg(Color::White).bg(Color::DarkGray);
pub const STATUS_KEY: Style = Style::new()
    .fg(Color::Yellow)
    .bg(Color::DarkGray)
    .add_modifier(Modifier::BOLD);
pub const MESSAGE: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
pub const TOO_SMALL: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);

/// Marks a sentence cited by some event in the source view's gutter.
pub const CITED_MARK: &str = "•";
/// Marks an actor that is part of the filter.
pub const MARK_SYMBOL: &str = "●";

/// The density strip: bars of exactly dated events, bars of rough ones (uncertain,
/// approximate, intervals, coarser than the bucket: also drawn shaded when a whole cell is
/// rough), and the selected event's bucket (a lit column, and ▲ below it).
pub const STRIP_EXACT: Style = Style::new().fg(Color::Cyan);
pub const STRIP_ROUGH: Style = Style::new().fg(Color::Yellow);
pub const STRIP_SELECTED_BG: Color = Color::DarkGray;
pub const STRIP_AXIS: Style = Style::new().fg(Color::DarkGray);
pub const STRIP_MARKER: Style = Style::new().fg(Color::White).add_modifier(Modifier::BOLD);
/// A whole cell of rough events.
pub const STRIP_ROUGH_FULL: &str = "▒";

/// A marked event, before its title.
pub const EVENT_MARK_SYMBOL: &str = "●";

/// Text a prompt offers, selected: typing replaces it.
pub const OFFERED_INPUT: Style = Style::new().add_modifier(Modifier::REVERSED);

/// An error in a prompt.
pub const PROMPT_ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
