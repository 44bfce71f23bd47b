//! The status line: dataset, counts, the active filter, a note, and a hint of the main keys.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::events::filter_label;
use super::safe_text::{sanitize, tail, truncate, width};
use super::theme;
use crate::app::{App, Mode, Prompt};
use crate::text::count;

pub fn render(app: &App, frame: &mut Frame, rect: Rect) {
    if let Some(prompt) = app.prompt() {
        render_prompt(prompt, frame, rect);
        return;
    }
    let total = usize::from(rect.width);
    let hint: &[(&str, &str)] = match app.mode() {
        // A failed reload's problems do not fit here: the key that shows them comes first,
        // for as long as the dataset on disk is broken.
        Mode::Normal if !app.reload_problems().is_empty() => &[
            ("!", "problems"),
            ("?", "help"),
            ("/", "search"),
            ("q", "quit"),
        ],
        // So does a note telling of the load's notes, for as long as it shows.
        Mode::Normal if app.notes_said() => &[
            ("!", "notes"),
            ("?", "help"),
            ("/", "search"),
            ("q", "quit"),
        ],
        // After it, until `!` has shown them, the notes keep a key, in the place of `s source`
        // (so the keys take no more of the line), after help (trial 12: N6).
        Mode::Normal if app.notes_unread() => &[
            ("?", "help"),
            ("!", "notes"),
            ("/", "search"),
            ("q", "quit"),
        ],
        Mode::Normal => &[
            ("?", "help"),
            ("/", "search"),
            ("s", "source"),
            ("q", "quit"),
        ],
        Mode::Search => &[("Enter", "filter"), ("↑↓", "move"), ("Esc", "cancel")],
        Mode::Help | Mode::Problems => &[("Esc", "close")],
        Mode::Citing => &[("Enter", "go to event"), ("Esc", "close")],
        Mode::Picker => &[("Enter", "choose"), ("↑↓", "move"), ("Esc", "cancel")],
        Mode::Prompt => &[("Enter", "go"), ("Esc", "cancel")],
        Mode::Stats => &[
            ("Enter", "filter"),
            ("Tab", "facet"),
            ("↑↓", "move"),
            ("q/Esc", "close"),
        ],
        Mode::Map => &[
            ("Enter", "filter to window"),
            ("+-", "zoom"),
            ("←↓↑→", "pan"),
            ("0", "reset"),
            ("q/Esc", "close"),
        ],
        Mode::Form => crate::keymap::form::hint(crate::app::form::Submit::Write),
    };
    // Until the rest is in, every frame says that only the first events are: ahead of the
    // summary, whose counts would pass for the dataset's. A note explains itself and is read
    // once: it comes first (put after the state, it was the part cut), followed only by
    // whether the rest is loading (the events pane's title has the counts).
    let first = app.partial().map(|all| FirstScreen {
        shown: app.timeline.events().len(),
        all,
        loading: app.is_reloading(),
    });
    let first_key = hint_width(hint.get(..1).unwrap_or_default());
    let (left, left_style, keep) = match (app.message(), &first) {
        // Narrow, the first screen's words go before its numbers: see `FirstScreen::lines`.
        (Some(message), Some(first)) => {
            let message = sanitize(message);
            let mut choices = first.said(&message);
            choices.extend(first.lines());
            fitting(&choices, total, first_key)
        }
        (Some(message), None) => {
            let mut left = format!(" {}", sanitize(message));
            if app.is_reloading() {
                left.push_str(" · reloading…");
            }
            left.push(' ');
            // A note goes with the next key: until then it may take all but the first key.
            let keep = width(&left).min(total.saturating_sub(first_key));
            (left, theme::MESSAGE, keep)
        }
        // Narrower than the first screen's state and the first key: its shorter words.
        (None, Some(first)) if width(first.lines()[0].0.trim_end()) + first_key > total => {
            fitting(&first.lines(), total, first_key)
        }
        (None, _) => {
            let state = match &first {
                Some(first) => Some(first.lines()[0].0.trim().to_string()),
                None => app.is_reloading().then(|| "reloading…".to_string()),
            };
            let summary = summary(app);
            let Some(state) = state else {
                // The summary may lose up to half the line to the keys.
                let keep = width(&summary).min(total / 2);
                return render_with_keys(frame, rect, (summary, theme::STATUS), keep, hint);
            };
            // The state loses none of it; the summary follows where a useful part of it fits
            // beside the keys, rather than a stray `· …`.
            let state = format!(" {state}");
            let keep = (width(&state) + 2 + width(&summary)).min((total / 2).max(width(&state)));
            let room = total.saturating_sub(hint_width(&hint[..keys_fitting(hint, keep, total)]));
            let least = width(&summary).min(SUMMARY_LEAST);
            if room >= width(&state) + 2 + least {
                (format!("{state} ·{summary}"), theme::STATUS, keep)
            } else {
                let keep = width(&state);
                (state, theme::STATUS, keep)
            }
        }
    };
    render_with_keys(frame, rect, (left, left_style), keep, hint);
}

/// One status row: `left` at the left, and as many of the `hint` keys as fit at the right
/// while `keep` columns of `left` stay; the first key, most needed, is kept longest, and
/// `left` is cut to what the keys leave.
pub(super) fn render_with_keys(
    frame: &mut Frame,
    rect: Rect,
    (left, left_style): (String, Style),
    keep: usize,
    hint: &[(&str, &str)],
) {
    let total = usize::from(rect.width);
    let right = hint_spans(&hint[..keys_fitting(hint, keep, total)]);
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let left = truncate_keeping_numbers(&left, total.saturating_sub(right_width));
    let gap = total.saturating_sub(right_width + width(&left));
    let mut spans = vec![Span::styled(left, left_style)];
    spans.push(Span::styled(" ".repeat(gap), theme::STATUS));
    spans.extend(right);
    frame.render_widget(Line::from(spans).style(theme::STATUS), rect);
}

/// `text` cut to `room` columns, never inside a number: a count cut short reads as a smaller
/// one (`100000 actors · 1…` as one source), so a number the cut reaches goes whole.
fn truncate_keeping_numbers(text: &str, room: usize) -> String {
    let cut = truncate(text, room);
    if cut == text {
        return cut;
    }
    let kept = cut.strip_suffix('…').unwrap_or(&cut);
    let without_number = kept.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
    if without_number.len() == kept.len() {
        return cut;
    }
    format!("{without_number}…")
}

/// While only the first events are in: how many are, of how many, and whether the rest is
/// loading.
struct FirstScreen {
    shown: usize,
    all: usize,
    loading: bool,
}

/// A way to fill the status line's left part: the text, its style, and whether it leaves
/// room for the first key (else it goes without the keys).
type Choice = (String, Style, bool);

impl FirstScreen {
    /// A note with the state after it, then with less of the state, then alone; with the
    /// first key, else (a note goes with the next key) without.
    fn said(&self, note: &str) -> Vec<Choice> {
        let mut lines = Vec::new();
        if self.loading {
            lines.push(format!(" {note} · loading the rest… "));
            lines.push(format!(" {note} · loading… "));
        }
        lines.push(format!(" {note} "));
        let alone = (format!(" {note} "), theme::MESSAGE, false);
        let with_key = lines.into_iter().map(|l| (l, theme::MESSAGE, true));
        with_key.chain([alone]).collect()
    }

    /// The state in fewer words each time, its numbers whole to the last: a count cut short
    /// reads as a smaller one ("first 400 of 10000…"), and without its numbers the line
    /// says nothing (trial 12: N2). The first key goes before "first", not before "loading".
    fn lines(&self) -> Vec<Choice> {
        let (shown, all) = (self.shown, self.all);
        let events = count(all, "event", "events");
        let line = |text: String, key: bool| (text, theme::STATUS, key);
        let mut lines = Vec::new();
        if self.loading {
            lines.push(line(
                format!(" first {shown} of {events} · loading the rest… "),
                true,
            ));
            lines.push(line(format!(" first {shown} of {all} · loading… "), true));
        } else {
            lines.push(line(format!(" first {shown} of {events} "), true));
        }
        lines.push(line(format!(" first {shown} of {all} "), true));
        if self.loading {
            lines.push(line(format!(" first {shown} of {all} · loading… "), false));
        }
        lines.push(line(format!(" first {shown} of {all} "), false));
        lines.push(line(format!(" {shown} of {all} "), true));
        lines.push(line(format!(" {shown} of {all} "), false));
        lines
    }
}

/// The first of `choices` (most wanted first) that fits whole, with the columns to keep of
/// it; when none fits, the last, to be cut (never inside a number).
fn fitting(choices: &[Choice], total: usize, first_key: usize) -> (String, Style, usize) {
    let fits = |(line, _, key): &&Choice| {
        width(line.trim_end()) + if *key { first_key } else { 0 } <= total
    };
    match choices.iter().find(fits).or(choices.last()) {
        Some((line, style, key)) => {
            // Without the keys, the line may end at the terminal's edge.
            let line = if *key { line } else { line.trim_end() };
            (line.to_string(), *style, width(line))
        }
        None => (String::new(), theme::STATUS, 0),
    }
}

/// The fewest columns the summary shows beside the first screen's state, or none of it.
const SUMMARY_LEAST: usize = 12;

/// How many of the `hint` keys `render_with_keys` shows beside `keep` columns of a line
/// `total` wide.
fn keys_fitting(hint: &[(&str, &str)], keep: usize, total: usize) -> usize {
    (1..=hint.len())
        .rev()
        .find(|&count| keep + hint_width(&hint[..count]) <= total)
        .unwrap_or(0)
}

fn hint_width(hint: &[(&str, &str)]) -> usize {
    hint_spans(hint).iter().map(|s| width(&s.content)).sum()
}

/// The prompt fills the status line: its label, the input with a caret (an offered text drawn
/// selected), and why the last Enter was refused.
fn render_prompt(prompt: &Prompt, frame: &mut Frame, rect: Rect) {
    let total = usize::from(rect.width);
    let label = format!(" {}: ", prompt.kind.label());
    let mut spans = vec![Span::styled(truncate(&label, total), theme::PROMPT)];
    let mut used = width(&label).min(total);
    let (before, after) = fit_around_caret(prompt.input.split(), total.saturating_sub(used + 1));
    used += width(&before) + width(&after);
    if prompt.input.is_selected() {
        spans.push(Span::styled(before, theme::OFFERED_INPUT));
    } else {
        spans.push(Span::raw(before));
    }
    if used < total {
        spans.push(Span::styled("▏", theme::PROMPT));
        used += 1;
    }
    spans.push(Span::raw(after));
    if let Some(error) = &prompt.error {
        let error = truncate(&format!("  {error}"), total.saturating_sub(used));
        spans.push(Span::styled(error, theme::PROMPT_ERROR));
    } else {
        // The keys, at the right, as many as there is room for: a prompt may open filled in
        // (the export name, the range in force, the last find), so how to keep that text
        // rather than type over it comes first.
        let keys = if prompt.input.is_selected() {
            OFFERED_PROMPT_KEYS
        } else {
            PROMPT_KEYS
        };
        for count in (1..=keys.len()).rev() {
            let hint = hint_spans(&keys[..count]);
            let hint_width: usize = hint.iter().map(|s| width(&s.content)).sum();
            if used + 2 + hint_width <= total {
                spans.push(Span::raw(" ".repeat(total - used - hint_width)));
                spans.extend(hint);
                break;
            }
        }
    }
    frame.render_widget(Line::from(spans), rect);
}

const PROMPT_KEYS: &[(&str, &str)] = &[("Enter", "ok"), ("Esc", "cancel"), ("Ctrl-u", "clear")];
const OFFERED_PROMPT_KEYS: &[(&str, &str)] = &[("←→", "edit"), ("Enter", "ok"), ("Esc", "cancel")];

/// The text before and after the caret, made safe and fitted to `room` columns so that the
/// caret stays in sight: what lies before it is cut at its start, what follows at its end.
pub(super) fn fit_around_caret((before, after): (&str, &str), room: usize) -> (String, String) {
    if width(before) + width(after) <= room {
        return (sanitize(before).into_owned(), sanitize(after).into_owned());
    }
    let before_room = room - width(after).min(room / 2);
    let before = if width(before) <= before_room {
        sanitize(before).into_owned()
    } else {
        tail(before, before_room)
    };
    let after = truncate(after, room - width(&before));
    (before, after)
}

pub(super) fn hint_spans(hint: &[(&str, &str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (key, what) in hint {
        spans.push(Span::styled(format!(" {key}"), theme::STATUS_KEY));
        spans.push(Span::styled(format!(" {what} "), theme::STATUS));
    }
    spans
}

fn summary(app: &App) -> String {
    let t = app.timeline;
    let mut text = format!(" {}", sanitize(&app.dataset));
    // With only the first events in, the line starts with how many: these would pass for
    // the dataset's.
    if app.partial().is_none() {
        text.push_str(&format!(
            " · {} · {} · {}",
            count(t.events().len(), "event", "events"),
            count(t.actors().len(), "actor", "actors"),
            count(t.sources().len(), "source", "sources"),
        ));
    }
    if !app.filter.is_empty() {
        text.push_str(&format!(
            " · filter: {} ({} shown)",
            filter_label(app, 40),
            app.view.len()
        ));
    }
    if let Some(sort) = app.sort() {
        text.push_str(&format!(" · sorted by {}", sanitize(&sort.label())));
    }
    if let Some(find) = app.find() {
        let at = find
            .number_of(app.selected_event())
            .map_or_else(|| "-".to_string(), |n| n.to_string());
        text.push_str(&format!(
            " · find '{}' {at}/{}",
            sanitize(&find.needle.query),
            find.hits.len()
        ));
    }
    if !app.marked.is_empty() {
        text.push_str(&format!(" · {} marked", app.marked.len()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line too long is cut before a number it would cut, never inside it (trial 12: N5).
    #[test]
    fn a_line_is_never_cut_inside_a_number() {
        let line = " data · 1000000 events · 100000 actors · 10000 sources";
        assert_eq!(truncate_keeping_numbers(line, 80), line);
        assert_eq!(
            truncate_keeping_numbers(line, 43),
            " data · 1000000 events · 100000 actors · …"
        );
        assert_eq!(
            truncate_keeping_numbers(line, 30),
            " data · 1000000 events · …"
        );
        assert_eq!(truncate_keeping_numbers(line, 12), " data · …");
        // Words are cut as any text is.
        assert_eq!(
            truncate_keeping_numbers(" filter: actor Putin", 12),
            " filter: ac…"
        );
    }
}
