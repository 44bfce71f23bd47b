//! Adding an event from the source view: `a` on the current sentence opens the event form
//! (the one triage edits with), filled in with the source's day and the dataset's actors the
//! sentence names; Enter asks the event loop to write the event quoting the sentence, and the
//! form stays open, with the reason, when the write is refused.

use super::form::{EventFields, EventForm, FormAction, FormActor, FormOutcome};
use super::{App, Effect};
use crate::model::SourceId;

/// The form open over the source view, and the sentence the event will quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adding {
    pub form: EventForm,
    pub source: SourceId,
    /// 0-based.
    pub sentence: usize,
}

/// An event to write, from the form: its fields, and the sentence it quotes, verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvent {
    pub fields: EventFields,
    /// The source's id, as records name it.
    pub source: String,
    pub quote: String,
}

impl App<'_> {
    /// Opens the form for a new event citing the source view's current sentence (the event
    /// loop has checked the dataset folder can be written).
    pub(super) fn open_adding(&mut self) {
        let Some(view) = &self.source else {
            self.message = Some(
                "Open a source first (s on an event): a adds an event citing its current sentence."
                    .into(),
            );
            return;
        };
        let source = self.timeline.source(view.source);
        let sentence = source.sentence_text(view.sentence);
        // The actors the sentence names, in the order it first names them.
        let mut named: Vec<(usize, &str)> = self
            .timeline
            .actors()
            .iter()
            .filter_map(|a| names(sentence, a).map(|at| (at, a.id.as_str())))
            .collect();
        named.sort();
        let fields = EventFields {
            title: String::new(),
            date: source.published.map(|d| d.edtf()).unwrap_or_default(),
            actors: named.into_iter().map(|(_, id)| id.to_string()).collect(),
            kind: None,
        };
        let known = self
            .timeline
            .actors()
            .iter()
            .map(|a| FormActor {
                id: a.id.clone(),
                name: a.name.clone(),
            })
            .collect();
        let heading = format!("New event citing sentence {}", view.sentence + 1);
        self.adding = Some(Box::new(Adding {
            form: EventForm::new(heading, &fields, known),
            source: view.source,
            sentence: view.sentence,
        }));
    }

    pub(super) fn edit_adding(&mut self, action: FormAction) {
        let Some(adding) = &mut self.adding else {
            return;
        };
        match adding.form.update(action) {
            FormOutcome::Editing => {}
            FormOutcome::Cancelled => self.adding = None,
            FormOutcome::Submitted(fields) => {
                let source = self.timeline.source(adding.source);
                self.effects.push(Effect::AddEvent(NewEvent {
                    fields,
                    source: source.id.clone(),
                    quote: source.sentence_text(adding.sentence).to_string(),
                }));
            }
        }
    }

    /// The event loop wrote the event: the form closes.
    pub(super) fn added(&mut self, note: String) {
        self.adding = None;
        self.message = Some(note);
    }

    /// The event loop did not write it: the form stays, saying why.
    pub(super) fn adding_refused(&mut self, why: String) {
        match &mut self.adding {
            Some(adding) => adding.form.refusal = Some(why),
            None => self.message = Some(why),
        }
    }

    pub fn adding(&self) -> Option<&Adding> {
        self.adding.as_deref()
    }
}

/// Where `sentence` first names `actor`, by its name or an alias, as whole words (ignoring
/// case), if it does.
fn names(sentence: &str, actor: &crate::model::Actor) -> Option<usize> {
    let text = sentence.to_lowercase();
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .filter(|n| n.chars().count() > 1)
        .filter_map(|name| {
            let name = name.to_lowercase();
            text.match_indices(&name)
                .find(|(at, _)| {
                    let before = text[..*at].chars().next_back();
                    let after = text[at + name.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .map(|(at, _)| at)
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::super::{Action, Mode, Pane};
    use super::*;
    use crate::app::form::FormField;
    use crate::sample;

    /// The sample's NATO warning, its quote's source open at the quoted sentence.
    fn in_source(timeline: &crate::timeline::Timeline) -> App<'_> {
        let mut app = App::new(timeline, "sample");
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        while app
            .selected_event()
            .is_some_and(|e| &*timeline.event(e).id != "nato-warning")
        {
            app.update(Action::Move(super::super::Motion::Down));
        }
        app.update(Action::JumpToSource);
        assert_eq!(app.focus(), Pane::Source);
        app
    }

    #[test]
    fn a_opens_the_form_on_the_sentence_with_the_actors_it_names() {
        let timeline = sample::timeline();
        let mut app = in_source(&timeline);
        let view = app
            .source_view()
            .cloned()
            .unwrap_or_else(|| panic!("no source"));
        app.update(Action::AddEventHere);
        assert_eq!(app.mode(), Mode::Form);
        let adding = app.adding().unwrap_or_else(|| panic!("no form"));
        assert_eq!(
            adding.form.heading,
            format!("New event citing sentence {}", view.sentence + 1)
        );
        let sentence = timeline.source(view.source).sentence_text(view.sentence);
        let named = adding.form.field(FormField::Actors).as_str().to_string();
        assert!(
            sentence.contains("NATO") && named.contains("nato"),
            "{sentence}: {named}"
        );
        assert!(!named.contains("wagner"), "{named}");
        // Typed and submitted: the write is asked for, quoting the sentence; the form stays
        // until the event loop says how it went.
        for c in "Putin raises NATO expansion".chars() {
            app.update(Action::Form(FormAction::Input(c)));
        }
        app.update(Action::Form(FormAction::NextField));
        for c in "2021-12-13".chars() {
            app.update(Action::Form(FormAction::Input(c)));
        }
        app.update(Action::Form(FormAction::Submit));
        let effects = app.take_effects();
        let [Effect::AddEvent(new)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        assert_eq!(new.source, "kremlin-call");
        assert_eq!(new.quote, sentence);
        assert_eq!(new.fields.title, "Putin raises NATO expansion");
        assert_eq!(new.fields.date, "2021-12-13");
        assert_eq!(app.mode(), Mode::Form);
        app.update(Action::AddRefused(
            "events.jsonl changed since it was read".into(),
        ));
        assert_eq!(
            app.adding().and_then(|a| a.form.refusal.clone()).as_deref(),
            Some("events.jsonl changed since it was read")
        );
        app.update(Action::EventAdded("Added putin-raises.".into()));
        assert_eq!(app.mode(), Mode::Normal);
        assert_eq!(app.message(), Some("Added putin-raises."));
    }

    #[test]
    fn esc_closes_the_form_and_without_a_source_a_says_what_to_do() {
        let timeline = sample::timeline();
        let mut app = in_source(&timeline);
        app.update(Action::AddEventHere);
        app.update(Action::Form(FormAction::Cancel));
        assert_eq!(app.mode(), Mode::Normal);
        assert!(app.take_effects().is_empty());
        let mut app = App::new(&timeline, "sample");
        app.update(Action::AddEventHere);
        assert_eq!(app.mode(), Mode::Normal);
        assert!(app
            .message()
            .is_some_and(|m| m.starts_with("Open a source first")));
    }

    #[test]
    fn actors_are_named_by_whole_words() {
        let timeline = sample::timeline();
        let uk = &timeline.actors()[3];
        assert_eq!(names("Talks with the U.K. went on.", uk), Some(15));
        assert_eq!(names("the united kingdom said", uk), Some(4));
        assert_eq!(names("the United Kingdoms", uk), None);
    }
}
