//! Keys and mouse events to actions. One table says, for every binding, the keys, where they
//! work and what they do: the lookup reads it in order (the first row whose keys and place
//! fit wins), and the help overlay, and through it the README's Keys table (a test checks the
//! README), are made from the same rows, so that the help cannot drift from the keys.

pub mod form;
pub mod triage;

use std::sync::LazyLock;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::app::{Action, Caret, Mode, Motion, Pane, PickerKind, PromptKind};

/// What the key table needs to know about the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    pub mode: Mode,
    pub focus: Pane,
    /// Whether Back has somewhere to go; Esc then goes back rather than clearing the filter.
    pub can_go_back: bool,
    /// Whether a find is active; n and N then step through its matches outside the source view.
    pub finding: bool,
    /// Whether the last key closed the stats or map pane: Esc then only says how to go back,
    /// so that a second Esc does not undo a filter unseen.
    pub pane_closed: bool,
}

/// A key (or mouse gesture) as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A character typed without Ctrl (Shift is part of the character: `G`, `?`).
    Char(char),
    /// Ctrl and a character.
    Ctrl(char),
    /// A key that types nothing (Enter, Esc, the arrows...), whatever the modifiers.
    Code(KeyCode),
    /// The mouse wheel, either way.
    Wheel,
    /// A left click.
    Click,
}

impl Key {
    fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Char(c) => key.code == KeyCode::Char(c) && !ctrl,
            Key::Ctrl(c) => key.code == KeyCode::Char(c) && ctrl,
            Key::Code(code) => key.code == code,
            Key::Wheel | Key::Click => false,
        }
    }

    /// How the help names the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Code(code) => match code {
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Delete => "Delete".into(),
                other => format!("{other:?}"),
            },
            Key::Wheel => "wheel".into(),
            Key::Click => "click".into(),
        }
    }
}

/// Where a binding works: the test the lookup makes, and the help's "where" column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// In every mode, prompts and overlays included.
    Always,
    /// In the panes, whichever has focus, and in the stats and map panes for the keys they
    /// do not use themselves (nothing else open on top of them).
    Anywhere,
    /// In the panes, for what acts on the focused pane (or on what the stats and map panes
    /// cover, which then say so).
    Panes,
    /// In any list: the panes, and the help, citing and problems overlays.
    Lists,
    /// In the panes, with this one focused.
    Pane(Pane),
    /// In the panes while a find is active.
    Finding,
    /// In the panes while a find is active, but not in the source view (where n and N step
    /// through the event's quotes).
    FindingOutsideSource,
    /// In the panes when Back has somewhere to go.
    GoingBack,
    /// On the date strip (the mouse only).
    Strip,
    /// In the actor search prompt.
    Search,
    /// In a one-line prompt or a picker.
    Prompt,
    /// In a picker.
    Picker,
    /// In the help overlay.
    Help,
    /// In the list of events citing a sentence.
    Citing,
    /// In the popup of a failed reload's problems.
    Problems,
    /// In the stats pane.
    Stats,
    /// In the map pane.
    Map,
    /// In the panes, when the last key closed the stats or map pane.
    PaneClosed,
}

impl Place {
    fn holds(self, cx: KeyContext) -> bool {
        let panes = cx.mode == Mode::Normal;
        // The stats and map panes take their own keys first (see `action_for_key`); the
        // others work there as they do in the panes.
        let over = panes || matches!(cx.mode, Mode::Stats | Mode::Map);
        match self {
            Place::Always => true,
            Place::Anywhere => over,
            Place::Panes | Place::Strip => panes,
            Place::Lists => matches!(
                cx.mode,
                Mode::Normal | Mode::Help | Mode::Citing | Mode::Problems | Mode::Stats
            ),
            Place::Pane(pane) => panes && cx.focus == pane,
            Place::Finding => over && cx.finding,
            Place::FindingOutsideSource => over && cx.finding && cx.focus != Pane::Source,
            Place::GoingBack => over && cx.can_go_back && !cx.pane_closed,
            Place::Search => cx.mode == Mode::Search,
            Place::Prompt => matches!(cx.mode, Mode::Prompt | Mode::Picker),
            Place::Picker => cx.mode == Mode::Picker,
            Place::Help => cx.mode == Mode::Help,
            Place::Citing => cx.mode == Mode::Citing,
            Place::Problems => cx.mode == Mode::Problems,
            Place::Stats => cx.mode == Mode::Stats,
            Place::Map => cx.mode == Mode::Map,
            Place::PaneClosed => panes && cx.pane_closed,
        }
    }

    /// How the help names the place.
    pub fn label(self) -> &'static str {
        match self {
            Place::Always | Place::Anywhere | Place::GoingBack => "anywhere",
            Place::Panes | Place::Lists => "panes",
            Place::Pane(Pane::Events) => "events",
            Place::Pane(Pane::Actors) => "actors",
            Place::Pane(Pane::Quotes) => "quotes",
            Place::Pane(Pane::Detail) => "detail",
            Place::Pane(Pane::Source) => "source",
            Place::Finding | Place::FindingOutsideSource => "finding",
            Place::Strip => "strip",
            Place::Search => "search",
            Place::Prompt => "prompt",
            Place::Picker => "picker",
            Place::Help => "help",
            Place::Citing => "citing list",
            Place::Problems => "problems",
            Place::Stats => "stats",
            Place::Map => "map",
            Place::PaneClosed => "anywhere",
        }
    }
}

/// One key of a row and the action it asks for.
#[derive(Clone, Debug)]
pub struct Bind {
    pub key: Key,
    /// For the mouse, the kind of action only: `action_for_mouse` gives it the pointer's place.
    pub action: Action,
    /// Where this key works when it is narrower or wider than its row's place (Ctrl-c quits
    /// even in a prompt, where q is text).
    pub place: Option<Place>,
}

/// One row of the table, and of the help.
#[derive(Clone, Debug)]
pub struct Binding {
    /// The keys, in groups the help shows two spaces apart (`j k  ↓ ↑  Ctrl-n Ctrl-p`).
    pub keys: Vec<Vec<Bind>>,
    pub place: Place,
    pub what: &'static str,
    /// Whether the help lists the row. Those it leaves out are told where they are used: the
    /// text keys of prompts, and the ways out of overlays (in the status line's hints).
    pub listed: bool,
}

/// A key and its action, working where its row does.
fn k(key: Key, action: Action) -> Bind {
    Bind {
        key,
        action,
        place: None,
    }
}

/// A key and its action, working in `place` rather than where its row does.
fn k_in(place: Place, key: Key, action: Action) -> Bind {
    Bind {
        key,
        action,
        place: Some(place),
    }
}

/// A row the help lists.
fn row(keys: &[&[Bind]], place: Place, what: &'static str) -> Binding {
    Binding {
        keys: keys.iter().map(|group| group.to_vec()).collect(),
        place,
        what,
        listed: true,
    }
}

/// A row the help leaves out.
fn unlisted(keys: &[&[Bind]], place: Place, what: &'static str) -> Binding {
    Binding {
        listed: false,
        ..row(keys, place, what)
    }
}

const fn ch(c: char) -> Key {
    Key::Char(c)
}

const fn ctrl(c: char) -> Key {
    Key::Ctrl(c)
}

const fn code(code: KeyCode) -> Key {
    Key::Code(code)
}

const DOWN: Action = Action::Move(Motion::Down);
const UP: Action = Action::Move(Motion::Up);
const PAGE_DOWN: Action = Action::Move(Motion::PageDown);
const PAGE_UP: Action = Action::Move(Motion::PageUp);
const MAP_WEST: Action = Action::PanMap { east: -1, north: 0 };
const MAP_EAST: Action = Action::PanMap { east: 1, north: 0 };
const MAP_NORTH: Action = Action::PanMap { east: 0, north: 1 };
const MAP_SOUTH: Action = Action::PanMap { east: 0, north: -1 };

use Action as A;
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use Place as P;

/// Every binding, in the order the help lists them; the lookup takes the first that fits, so a
/// narrower place comes before a wider one for the same key (Esc while finding, then Esc with
/// somewhere to go back, then Esc).
static TABLE: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    vec![
        row(
            &[
                &[k(ch('q'), A::Quit)],
                &[k_in(P::Always, ctrl('c'), A::Quit)],
            ],
            P::Anywhere,
            "quit (in the stats or map, q closes it)",
        ),
        row(
            &[&[k(ch('?'), A::ToggleHelp)]],
            P::Anywhere,
            "show or hide this help",
        ),
        row(
            &[
                &[k(code(Tab), A::FocusNext)],
                &[k(code(BackTab), A::FocusPrevious)],
                &[k(ch('l'), A::FocusNext), k(ch('h'), A::FocusPrevious)],
            ],
            P::Panes,
            "focus the next / previous pane",
        ),
        row(
            &[&[
                k(ch('1'), A::Focus(Pane::Events)),
                k(ch('2'), A::Focus(Pane::Actors)),
                k(ch('3'), A::Focus(Pane::Quotes)),
                k(ch('4'), A::Focus(Pane::Detail)),
            ]],
            P::Panes,
            "focus events / actors / quotes / detail",
        ),
        row(
            &[
                &[k(ch('j'), DOWN), k(ch('k'), UP)],
                &[k(code(Down), DOWN), k(code(Up), UP)],
                &[k(ctrl('n'), DOWN), k(ctrl('p'), UP)],
            ],
            P::Lists,
            "move down / up",
        ),
        row(
            &[
                &[k(code(PageDown), PAGE_DOWN), k(code(PageUp), PAGE_UP)],
                &[k(ctrl('b'), PAGE_UP)],
            ],
            P::Lists,
            "move a page",
        ),
        row(
            &[
                &[k(ctrl('d'), A::Move(Motion::HalfPageDown))],
                &[k(ctrl('u'), A::Move(Motion::HalfPageUp))],
            ],
            P::Lists,
            "move half a page",
        ),
        row(
            &[
                &[
                    k(ch('g'), A::Move(Motion::First)),
                    k(ch('G'), A::Move(Motion::Last)),
                ],
                &[
                    k(code(Home), A::Move(Motion::First)),
                    k(code(End), A::Move(Motion::Last)),
                ],
            ],
            P::Lists,
            "go to the first / last",
        ),
        row(
            &[
                &[k(
                    Key::Wheel,
                    A::ScrollAt {
                        column: 0,
                        row: 0,
                        lines: 3,
                    },
                )],
                &[k(Key::Click, A::ClickAt { column: 0, row: 0 })],
            ],
            P::Panes,
            "scroll / select under the mouse pointer",
        ),
        row(
            &[&[k(ch('/'), A::OpenSearch)]],
            P::Anywhere,
            "search actors by name or alias",
        ),
        row(
            &[&[k(code(Enter), A::FilterBySelectedActor)]],
            P::Search,
            "filter the timeline by the chosen actor",
        ),
        row(
            &[
                &[k(code(Down), DOWN), k(code(Up), UP)],
                &[k(ctrl('n'), DOWN), k(ctrl('p'), UP)],
            ],
            P::Search,
            "move in the ranking",
        ),
        row(
            &[&[k(code(Esc), A::CloseSearch)]],
            P::Search,
            "leave the prompt",
        ),
        row(
            &[&[k(code(Enter), A::FilterBySelectedActor)]],
            P::Pane(Pane::Actors),
            "filter the timeline by the actor",
        ),
        row(
            &[&[k(ch(' '), A::ToggleMarkSelectedActor)]],
            P::Pane(Pane::Actors),
            "mark: show events involving all marked",
        ),
        row(
            &[&[k(ch('x'), A::ClearFilter)]],
            P::Anywhere,
            "clear every filter",
        ),
        row(
            &[&[k(ch('X'), A::OpenPicker(PickerKind::ActiveFilters))]],
            P::Anywhere,
            "remove one of the active filters",
        ),
        row(
            &[
                &[k(ch('T'), A::OpenPicker(PickerKind::Types))],
                &[k(ch('#'), A::OpenPicker(PickerKind::Tags))],
            ],
            P::Anywhere,
            "filter by event type / by tag (fuzzy)",
        ),
        row(
            &[&[k(ch('F'), A::OpenPrompt(PromptKind::DateRange))]],
            P::Anywhere,
            "filter by dates (2021-12, 2021..2022-01)",
        ),
        row(
            &[&[k(ch('C'), A::OpenPicker(PickerKind::Places))]],
            P::Anywhere,
            "filter by country / admin region (fuzzy)",
        ),
        row(
            &[&[k(ch('R'), A::OpenPrompt(PromptKind::NumRange))]],
            P::Anywhere,
            "filter by a number (fatalities>=10, x -5..0)",
        ),
        row(
            &[&[k(ch('S'), A::OpenPicker(PickerKind::Sort))]],
            P::Anywhere,
            "sort events by a number, or by date again",
        ),
        row(
            &[&[k(ch('A'), A::ToggleStats)]],
            P::Anywhere,
            "stats: counts and sums of the events shown",
        ),
        row(
            &[&[k(ch('M'), A::ToggleMap)]],
            P::Anywhere,
            "map of the events shown",
        ),
        row(
            &[
                &[
                    k(code(Tab), A::StepFacet(1)),
                    k(code(BackTab), A::StepFacet(-1)),
                ],
                &[k(ch('l'), A::StepFacet(1)), k(ch('h'), A::StepFacet(-1))],
                &[
                    k(code(Right), A::StepFacet(1)),
                    k(code(Left), A::StepFacet(-1)),
                ],
            ],
            P::Stats,
            "next / previous facet (types, actors...)",
        ),
        row(
            &[&[k(code(Enter), A::ChooseBar)]],
            P::Stats,
            "filter the events to the bar",
        ),
        row(
            &[&[
                k(code(Esc), A::ToggleStats),
                k(ch('q'), A::ToggleStats),
                k(ch('A'), A::ToggleStats),
            ]],
            P::Stats,
            "close the stats",
        ),
        row(
            &[&[
                k(ch('+'), A::ZoomMap(true)),
                k(ch('='), A::ZoomMap(true)),
                k(ch('-'), A::ZoomMap(false)),
            ]],
            P::Map,
            "zoom in / out",
        ),
        row(
            &[
                &[
                    k(ch('h'), MAP_WEST),
                    k(ch('j'), MAP_SOUTH),
                    k(ch('k'), MAP_NORTH),
                    k(ch('l'), MAP_EAST),
                ],
                &[
                    k(code(Left), MAP_WEST),
                    k(code(Down), MAP_SOUTH),
                    k(code(Up), MAP_NORTH),
                    k(code(Right), MAP_EAST),
                ],
            ],
            P::Map,
            "pan west / south / north / east",
        ),
        row(
            &[&[k(ch('0'), A::ResetMap)]],
            P::Map,
            "back to the extent of the events",
        ),
        row(
            &[&[k(code(Enter), A::FilterToMap)]],
            P::Map,
            "filter the events to the map's window",
        ),
        row(
            &[&[
                k(code(Esc), A::ToggleMap),
                k(ch('q'), A::ToggleMap),
                k(ch('M'), A::ToggleMap),
            ]],
            P::Map,
            "close the map",
        ),
        row(
            &[&[k(ch('t'), A::OpenPrompt(PromptKind::GoToDate))]],
            P::Anywhere,
            "go to the first event on or after a date",
        ),
        row(
            &[&[k(ch('['), A::PreviousBucket), k(ch(']'), A::NextBucket)]],
            P::Panes,
            "previous / next non-empty strip bucket",
        ),
        row(
            &[&[k(ch('+'), A::ZoomIn), k(ch('-'), A::ZoomOut)]],
            P::Panes,
            "finer / coarser strip buckets",
        ),
        row(
            &[&[k(Key::Click, A::ClickAt { column: 0, row: 0 })]],
            P::Strip,
            "go to the first event of the bucket",
        ),
        row(
            &[
                &[k(ch('f'), A::OpenPrompt(PromptKind::Find))],
                &[k(ctrl('f'), A::OpenPrompt(PromptKind::Find))],
            ],
            P::Anywhere,
            "find in titles, summaries and quotes",
        ),
        row(
            &[&[k(ch('n'), A::FindNext), k(ch('N'), A::FindPrevious)]],
            P::FindingOutsideSource,
            "next / previous match (not in source)",
        ),
        row(&[&[k(code(Esc), A::ClearFind)]], P::Finding, "stop finding"),
        row(
            &[&[k(ch('m'), A::ToggleEventMark)]],
            P::Anywhere,
            "mark / unmark the event (kept)",
        ),
        row(
            &[&[k(ch('\''), A::NextMark)], &[k(ch('"'), A::PreviousMark)]],
            P::Anywhere,
            "next / previous marked event",
        ),
        row(
            &[&[k(ch('e'), A::OpenPrompt(PromptKind::Export))]],
            P::Anywhere,
            "export the view (.md .csv .jsonl)",
        ),
        row(
            &[&[k(ch('y'), A::CopyEvent)]],
            P::Anywhere,
            "copy the event and its quotes",
        ),
        row(
            &[
                &[k(code(Enter), A::SubmitPrompt)],
                &[k(code(Esc), A::CancelPrompt)],
            ],
            P::Prompt,
            "act / cancel (Ctrl-u empties it)",
        ),
        row(
            &[
                &[
                    k(code(Left), A::PromptCaret(Caret::Left)),
                    k(code(Right), A::PromptCaret(Caret::Right)),
                ],
                &[
                    k(code(Home), A::PromptCaret(Caret::Home)),
                    k(code(End), A::PromptCaret(Caret::End)),
                ],
            ],
            P::Prompt,
            "edit the offered text (typing replaces it)",
        ),
        row(
            &[
                &[k_in(P::Panes, ch('s'), A::JumpToSource)],
                &[k(code(Enter), A::JumpToSource)],
            ],
            P::Pane(Pane::Events),
            "open the source of the event's quote",
        ),
        row(
            &[&[k(code(Enter), A::JumpToSource)]],
            P::Pane(Pane::Quotes),
            "open the quote in its source",
        ),
        row(
            &[&[k(ch('o'), A::OpenSourceUrl)]],
            P::Anywhere,
            "open the event's source URL in the browser",
        ),
        row(
            &[&[k(ch('n'), A::NextQuote), k(ch('N'), A::PreviousQuote)]],
            P::Panes,
            "next / previous quote (when not finding)",
        ),
        row(
            &[&[k(ch('j'), DOWN), k(ch('k'), UP)]],
            P::Pane(Pane::Source),
            "move sentence by sentence",
        ),
        row(
            &[&[k(code(Enter), A::ShowCitingEvents)]],
            P::Pane(Pane::Source),
            "list the events citing the sentence",
        ),
        row(
            &[&[k(ch('a'), A::AddEventHere)]],
            P::Pane(Pane::Source),
            "write a new event citing the sentence",
        ),
        row(
            &[&[k(code(Enter), A::JumpToCitingEvent)]],
            P::Citing,
            "select that event in the timeline",
        ),
        unlisted(
            &[&[k(code(Esc), A::SayHowToGoBack)]],
            P::PaneClosed,
            "right after closing a pane: say how to go back",
        ),
        row(
            &[
                &[k_in(P::GoingBack, code(Esc), A::Back)],
                &[k(code(Backspace), A::Back)],
                &[k(ctrl('o'), A::Back)],
            ],
            P::Anywhere,
            "go back (undo a jump, source or filter)",
        ),
        row(
            &[&[k(code(Esc), A::LeaveFilter)]],
            P::Anywhere,
            "with nowhere to go back: clear the filter",
        ),
        row(
            &[&[k(ch('!'), A::ShowReloadProblems)]],
            P::Anywhere,
            "read a failed reload's problems, or the load's notes, in full",
        ),
        row(
            &[&[k(ctrl('l'), A::Redraw)]],
            P::Always,
            "redraw the screen",
        ),
        row(
            &[&[k(ctrl('z'), A::Suspend)]],
            P::Always,
            "suspend (fg to resume)",
        ),
        unlisted(
            &[&[k(ch('='), A::ZoomIn)]],
            P::Panes,
            "finer strip buckets (+ without Shift)",
        ),
        unlisted(
            &[&[k(code(PageDown), PAGE_DOWN), k(code(PageUp), PAGE_UP)]],
            P::Search,
            "move a page in the ranking",
        ),
        unlisted(
            &[&[k(code(Backspace), A::SearchBackspace)]],
            P::Search,
            "delete the last character",
        ),
        unlisted(
            &[&[k(ctrl('u'), A::SearchClear)]],
            P::Search,
            "empty the query",
        ),
        unlisted(
            &[
                &[k(code(Down), DOWN), k(code(Up), UP)],
                &[k(ctrl('n'), DOWN), k(ctrl('p'), UP)],
                &[k(code(PageDown), PAGE_DOWN), k(code(PageUp), PAGE_UP)],
            ],
            P::Picker,
            "move in the list",
        ),
        unlisted(
            &[&[k(code(Backspace), A::PromptBackspace)]],
            P::Prompt,
            "delete the last character",
        ),
        unlisted(&[&[k(ctrl('u'), A::PromptClear)]], P::Prompt, "empty it"),
        unlisted(
            &[&[k(code(Delete), A::PromptDelete)]],
            P::Prompt,
            "delete the character after the caret",
        ),
        unlisted(
            &[&[
                k(code(Esc), A::ToggleHelp),
                k(ch('?'), A::ToggleHelp),
                k(ch('q'), A::ToggleHelp),
            ]],
            P::Help,
            "close the help",
        ),
        unlisted(
            &[&[
                k(code(Esc), A::CloseOverlay),
                k(ch('q'), A::CloseOverlay),
                k(code(Backspace), A::CloseOverlay),
            ]],
            P::Citing,
            "close the list",
        ),
        unlisted(
            &[&[
                k(code(Esc), A::CloseOverlay),
                k(ch('q'), A::CloseOverlay),
                k(ch('!'), A::CloseOverlay),
            ]],
            P::Problems,
            "close the problems",
        ),
    ]
});

/// Every binding, in order.
pub fn table() -> &'static [Binding] {
    &TABLE
}

/// One row of the key help: keys, where they work, what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub place: &'static str,
    pub what: &'static str,
}

static HELP: LazyLock<Vec<HelpRow>> = LazyLock::new(|| {
    TABLE
        .iter()
        .filter(|row| row.listed)
        .map(|row| HelpRow {
            keys: row
                .keys
                .iter()
                .map(|group| {
                    let labels: Vec<String> = group.iter().map(|b| b.key.label()).collect();
                    labels.join(" ")
                })
                .collect::<Vec<_>>()
                .join("  "),
            place: row.place.label(),
            what: row.what,
        })
        .collect()
});

/// The key help, made from the table.
pub fn help() -> &'static [HelpRow] {
    &HELP
}

/// The action for `key`, if any. Only key presses count (not releases or repeats on terminals
/// that report them, so that one press is one action).
pub fn action_for_key(key: KeyEvent, cx: KeyContext) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // In the new event's form, every character is text: only the keys that work everywhere
    // (Ctrl-c, Ctrl-l, Ctrl-z) keep their meaning.
    if cx.mode == Mode::Form {
        let always = TABLE
            .iter()
            .flat_map(|row| row.keys.iter().flatten().map(move |bind| (row, bind)))
            .find(|(row, bind)| {
                bind.key.matches(key) && bind.place.unwrap_or(row.place) == Place::Always
            })
            .map(|(_, bind)| bind.action.clone());
        return always.or_else(|| form::action_for_key(key).map(Action::Form));
    }
    let over_panes = matches!(cx.mode, Mode::Stats | Mode::Map);
    // The stats and map panes take the keys they use first (q and Esc close them, h j k l
    // are theirs); the other keys work there as anywhere else.
    let own = |place: Place| matches!(place, Place::Stats | Place::Map | Place::Lists);
    let bound = over_panes
        .then(|| lookup(key, cx, own))
        .flatten()
        .or_else(|| lookup(key, cx, |_| true));
    match bound {
        Some(bind) => Some(bind.action.clone()),
        // A key of the panes beneath says so rather than nothing.
        None if over_panes => {
            let beneath = KeyContext {
                mode: Mode::Normal,
                ..cx
            };
            lookup(key, beneath, |_| true).map(|bind| Action::CoveredKey(bind.key.label()))
        }
        None => typed(key, cx),
    }
}

/// The first binding of `key` that works in `cx`, among the rows whose place `rows` keeps.
fn lookup(key: KeyEvent, cx: KeyContext, rows: impl Fn(Place) -> bool) -> Option<&'static Bind> {
    TABLE.iter().filter(|row| rows(row.place)).find_map(|row| {
        row.keys
            .iter()
            .flat_map(|group| group.iter())
            .find(|bind| bind.key.matches(key) && bind.place.unwrap_or(row.place).holds(cx))
    })
}

/// In the search prompt, a prompt or a picker, any other character is text.
fn typed(key: KeyEvent, cx: KeyContext) -> Option<Action> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    match cx.mode {
        Mode::Search => Some(Action::SearchInput(c)),
        Mode::Prompt | Mode::Picker => Some(Action::PromptInput(c)),
        Mode::Normal
        | Mode::Help
        | Mode::Citing
        | Mode::Problems
        | Mode::Form
        | Mode::Stats
        | Mode::Map => None,
    }
}

/// The action for a mouse event: the wheel scrolls, a left click selects.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            column,
            row,
            lines: 3,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            column,
            row,
            lines: -3,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
