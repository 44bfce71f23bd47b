//! Triage: a person goes through the events drafted from an article, in the article's order,
//! and decides which go into the dataset: accept (written at once), reject, edit, undo. The
//! state is plain data and changes only in `Triage::update`; the writes it asks for are
//! `Effect`s that the event loop carries out (through `crate::authoring`), telling it how they
//! went with an `Action`. Nothing here touches a terminal or a file.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::app::form::{EventFields, EventForm, FormAction, FormActor, FormOutcome, Submit};
use crate::app::{Cursor, Motion};
use crate::authoring::{sentence_key, Rejection};
use crate::draft::record::{slug, stem_from_title};
use crate::draft::{Draft, NewActor};

/// What became of a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not decided yet.
    Pending,
    /// Written to the dataset, with this id.
    Accepted { id: String },
    /// Left out.
    Rejected,
    /// The dataset's events with these ids quote the candidate's sentence already: it is
    /// decided, and only an edit (which makes it a new event) opens it again.
    InDataset { ids: Vec<String> },
}

/// A drafted event and what was decided about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub draft: Draft,
    pub status: Status,
}

/// The article the candidates were drafted from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Its file, as shown.
    pub name: String,
    pub text: String,
    /// Its sentences, as byte ranges (the drafts' `sentence` numbers count them from 1).
    pub sentences: Vec<Range<usize>>,
}

/// What the dataset already holds that triage shows or checks against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Known {
    /// The dataset's name, as shown.
    pub dataset: String,
    /// The dataset's actors.
    pub actors: Vec<FormActor>,
    /// The article's sentences (0-based) that an event of the dataset cites.
    pub cited: BTreeSet<usize>,
    /// The article's id among the dataset's sources.
    pub source: String,
    /// The candidates' sentences (as `Draft::sentence` numbers them) rejected in an earlier
    /// triage (`authoring::REJECTED_FILE`): they open rejected.
    pub rejected: BTreeSet<usize>,
}

/// What is open on top of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The key help.
    Help,
    /// The form editing the candidate at `index`.
    Edit {
        index: usize,
        form: Box<EventForm>,
    },
}

/// Everything a user can ask for in triage, and what the event loop reports back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave triage (what was accepted is written already).
    Quit,
    /// Repaint the whole screen.
    Redraw,
    /// Stop the process for the shell's job control.
    Suspend,
    /// The terminal now has this size.
    Resize { width: u16, height: u16 },
    /// Move the selection in the list.
    Move(Motion),
    /// Write the selected candidate to the dataset, with the new actors it names.
    Accept,
    /// Leave the selected candidate out.
    Reject,
    /// Edit the selected candidate's title, date, actors and type.
    Edit,
    /// Take back the last accept or reject.
    Undo,
    /// Show or hide the key help.
    ToggleHelp,
    /// Close the help.
    CloseOverlay,
    /// A key in the edit form.
    Form(FormAction),
    /// The event loop wrote candidate `index` as `id`, adding the actors `actors`.
    Accepted {
        index: usize,
        id: String,
        actors: Vec<String>,
    },
    /// The event loop took candidate `index`'s event out again (`note`: what stayed).
    Undone { index: usize, note: Option<String> },
    /// A write was refused or failed: why, as the status line says it.
    Refused(String),
    /// The event loop could not keep candidate `index`'s rejection (why): it is undecided
    /// again, for `x` to try once more.
    NotRejected { index: usize, why: String },
}

/// Writes asked of the event loop, which answers with `Accepted`, `Undone` or `Refused`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write candidate `index`'s event, and before it the actors of `proposals` it names that
    /// the dataset lacks.
    Accept {
        index: usize,
        draft: Box<Draft>,
        proposals: Vec<NewActor>,
    },
    /// Take out again what accepting candidate `index` wrote (the last accept).
    Undo { index: usize },
    /// Keep candidate `index`'s rejection for the next triage of the article.
    Reject { index: usize, rejection: Rejection },
    /// Take out again the rejection kept for candidate `index` (its rejection was taken back).
    Unreject { index: usize },
}

/// The rows the candidate list takes on a screen `height` rows high, borders included: about
/// two fifths, the rest for the article and the candidate's details (and the status line).
pub fn list_height(height: u16) -> u16 {
    let room = height.saturating_sub(1);
    (room * 2 / 5).clamp(room.min(5), room)
}

/// The whole state of triage.
#[derive(Clone, Debug)]
pub struct Triage {
    pub article: Article,
    pub known: Known,
    candidates: Vec<Candidate>,
    list: Cursor,
    /// Every actor any candidate proposes, once each.
    proposals: Vec<NewActor>,
    /// The decisions, oldest first: which candidate, and its status before.
    history: Vec<(usize, Status)>,
    overlay: Overlay,
    /// The first help row shown, where the help is taller than the terminal.
    help_scroll: usize,
    /// How many rows the help has (the key table lives above this layer).
    help_rows: usize,
    /// A note for the status line, until the next action.
    message: Option<String>,
    effects: Vec<Effect>,
    size: (u16, u16),
    quit: bool,
}

impl Triage {
    pub fn new(article: Article, known: Known, drafts: Vec<Draft>) -> Triage {
        let mut proposals: Vec<NewActor> = Vec::new();
        for actor in drafts.iter().flat_map(|d| &d.new_actors) {
            if !proposals.iter().any(|p| p.id == actor.id) {
                proposals.push(actor.clone());
            }
        }
        let mut candidates: Vec<Candidate> = drafts
            .into_iter()
            .map(|draft| Candidate {
                status: if !draft.cited_by.is_empty() {
                    Status::InDataset {
                        ids: draft.cited_by.clone(),
                    }
                } else if known.rejected.contains(&draft.sentence) {
                    Status::Rejected
                } else {
                    Status::Pending
                },
                draft,
            })
            .collect();
        candidates.sort_by_key(|c| c.draft.sentence);
        // Start on the first candidate to decide, past those the dataset has.
        let mut list = Cursor::default();
        if let Some(first) = candidates.iter().position(|c| c.status == Status::Pending) {
            list.selected = first;
        }
        Triage {
            article,
            known,
            candidates,
            list,
            proposals,
            history: Vec::new(),
            overlay: Overlay::None,
            help_scroll: 0,
            help_rows: 0,
            message: None,
            effects: Vec::new(),
            size: (0, 0),
            quit: false,
        }
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// The first candidate the list shows.
    pub fn list_offset(&self) -> usize {
        self.list.offset
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The first help row shown.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// Tells how many rows the key help has, so that it scrolls no further than its end.
    pub fn set_help_rows(&mut self, rows: usize) {
        self.help_rows = rows;
    }

    fn scroll_help(&mut self, motion: Motion) {
        // The help's rows inside its border, as the popup is drawn on the whole screen.
        let shown = usize::from(self.size.1).saturating_sub(2).max(1);
        let last = self.help_rows.saturating_sub(shown);
        self.help_scroll = match motion {
            Motion::Down => self.help_scroll + 1,
            Motion::Up => self.help_scroll.saturating_sub(1),
            Motion::First => 0,
            _ => last,
        }
        .min(last);
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The writes asked for since the last call, for the event loop to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// How many candidates are accepted, rejected and still to decide.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count =
            |f: fn(&Status) -> bool| self.candidates.iter().filter(|c| f(&c.status)).count();
        (
            count(|s| matches!(s, Status::Accepted { .. })),
            count(|s| *s == Status::Rejected),
            count(|s| *s == Status::Pending),
        )
    }

    /// How many of the rejected candidates were rejected in an earlier triage (and are still).
    pub fn rejected_earlier(&self) -> usize {
        self.candidates
            .iter()
            .filter(|c| {
                c.status == Status::Rejected && self.known.rejected.contains(&c.draft.sentence)
            })
            .count()
    }

    /// How many candidates the dataset has already (their sentence quoted by one of its events).
    pub fn in_dataset(&self) -> usize {
        self.candidates
            .iter()
            .filter(|c| matches!(c.status, Status::InDataset { .. }))
            .count()
    }

    /// Whether an event cites the article's sentence `sentence` (0-based): one of the
    /// dataset's, or one accepted here.
    pub fn is_cited(&self, sentence: usize) -> bool {
        self.known.cited.contains(&sentence)
            || self.candidates.iter().any(|c| {
                matches!(c.status, Status::Accepted { .. }) && c.draft.sentence == sentence + 1
            })
    }

    /// Whether accepting an event naming `actor` would add it: a proposal that neither the
    /// dataset nor an accepted candidate has.
    pub fn is_new_actor(&self, actor: &str) -> bool {
        !self.known.actors.iter().any(|a| a.id == actor)
            && !self.candidates.iter().any(|c| {
                matches!(c.status, Status::Accepted { .. })
                    && c.draft.actors.iter().any(|a| a == actor)
            })
    }

    /// The actor's name: the dataset's, or the proposal's.
    pub fn actor_name(&self, actor: &str) -> Option<&str> {
        self.known
            .actors
            .iter()
            .find(|a| a.id == actor)
            .map(|a| a.name.as_str())
            .or_else(|| {
                self.proposals
                    .iter()
                    .find(|p| p.id == actor)
                    .map(|p| p.name.as_str())
            })
    }

    fn list_rows(&self) -> usize {
        usize::from(list_height(self.size.1).saturating_sub(2)).max(1)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if let Overlay::Edit { .. } = self.overlay {
            if let Action::Form(form_action) = action {
                self.edit(form_action);
                return;
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Redraw | Action::Suspend => {}
            Action::Resize { width, height } => {
                self.size = (width, height);
                let rows = self.list_rows();
                self.list.clamp(self.candidates.len(), rows);
            }
            Action::Move(motion) if self.overlay == Overlay::Help => self.scroll_help(motion),
            Action::Move(motion) => {
                let rows = self.list_rows();
                self.list.apply(motion, self.candidates.len(), rows);
            }
            Action::Accept => self.accept(),
            Action::Reject => self.reject(),
            Action::Edit => self.open_form(),
            Action::Undo => self.undo(),
            Action::ToggleHelp => {
                self.help_scroll = 0;
                self.overlay = match self.overlay {
                    Overlay::Help => Overlay::None,
                    _ => Overlay::Help,
                }
            }
            Action::CloseOverlay => self.overlay = Overlay::None,
            Action::Form(_) => {}
            Action::Accepted { index, id, actors } => self.accepted(index, id, actors),
            Action::Undone { index, note } => self.undone(index, note),
            Action::Refused(why) => self.message = Some(why),
            Action::NotRejected { index, why } => self.not_rejected(index, why),
        }
    }

    /// The selected candidate, and why it cannot change when it is written already.
    fn selected_undecided(&mut self, doing: &str) -> Option<usize> {
        let index = self.list.selected;
        let candidate = self.candidates.get(index)?;
        if let Status::Accepted { id } = &candidate.status {
            self.message = Some(format!(
                "[{}] is written already (as {id}); u takes the last accept back, to {doing} it",
                candidate.draft.sentence
            ));
            return None;
        }
        if let (Status::InDataset { ids }, "accept" | "reject") = (&candidate.status, doing) {
            self.message = Some(format!(
                "[{}] is already in the dataset as {}; e edits it into a new event, then a accepts it",
                candidate.draft.sentence,
                ids.join(", ")
            ));
            return None;
        }
        Some(index)
    }

    fn accept(&mut self) {
        let Some(index) = self.selected_undecided("accept") else {
            return;
        };
        // The event's actors that the dataset lacks come from the proposals.
        let draft = Box::new(self.candidates[index].draft.clone());
        let proposals = self
            .proposals
            .iter()
            .filter(|p| draft.actors.contains(&p.id))
            .cloned()
            .collect();
        self.effects.push(Effect::Accept {
            index,
            draft,
            proposals,
        });
    }

    fn accepted(&mut self, index: usize, id: String, actors: Vec<String>) {
        let Some(candidate) = self.candidates.get_mut(index) else {
            return;
        };
        let before = std::mem::replace(&mut candidate.status, Status::Accepted { id: id.clone() });
        self.history.push((index, before));
        let added = if actors.is_empty() {
            String::new()
        } else {
            format!(
                " with {}",
                crate::text::count(actors.len(), "new actor", "new actors")
            )
        };
        self.message = Some(format!(
            "Accepted [{}]: written as {id}{added}.",
            candidate.draft.sentence
        ));
        self.next_pending(index);
    }

    fn reject(&mut self) {
        let Some(index) = self.selected_undecided("reject") else {
            return;
        };
        let candidate = &mut self.candidates[index];
        if candidate.status == Status::Rejected {
            self.message = Some(format!(
                "[{}] is rejected already.",
                candidate.draft.sentence
            ));
            return;
        }
        let before = std::mem::replace(&mut candidate.status, Status::Rejected);
        self.message = Some(format!("Rejected [{}].", candidate.draft.sentence));
        let draft = &self.candidates[index].draft;
        let sentence = draft
            .quotes
            .first()
            .map_or(String::new(), |q| q.text.clone());
        // Which of the drafts quoting this sentence it is, when the article has it twice.
        let key = sentence_key(&sentence);
        let same: Vec<usize> = (self.candidates.iter().enumerate())
            .filter(|(_, c)| {
                c.draft
                    .quotes
                    .first()
                    .is_some_and(|q| sentence_key(&q.text) == key)
            })
            .map(|(n, _)| n)
            .collect();
        let occurrence = (same.len() > 1)
            .then(|| same.iter().position(|&n| n == index).map(|p| p + 1))
            .flatten();
        self.effects.push(Effect::Reject {
            index,
            rejection: Rejection {
                source: self.known.source.clone(),
                sentence,
                draft: draft.id.clone(),
                title: draft.title.clone(),
                occurrence,
            },
        });
        self.history.push((index, before));
        self.next_pending(index);
    }

    fn not_rejected(&mut self, index: usize, why: String) {
        if self.history.last().map(|(i, _)| *i) == Some(index)
            && self.candidates.get(index).map(|c| &c.status) == Some(&Status::Rejected)
        {
            if let Some((_, before)) = self.history.pop() {
                self.candidates[index].status = before;
            }
            let rows = self.list_rows();
            self.list.select(index, self.candidates.len(), rows);
        }
        self.message = Some(format!("Not rejected: {why}; x tries again"));
    }

    /// Selects the first undecided candidate after `index` (else before it); stays when none.
    fn next_pending(&mut self, index: usize) {
        let len = self.candidates.len();
        let next = (index + 1..len)
            .chain(0..index)
            .find(|&i| self.candidates[i].status == Status::Pending);
        if let Some(next) = next {
            let rows = self.list_rows();
            self.list.select(next, len, rows);
        }
    }

    fn undo(&mut self) {
        let Some((index, before)) = self.history.last().cloned() else {
            self.message = Some("Nothing to undo.".into());
            return;
        };
        let sentence = self.candidates[index].draft.sentence;
        match self.candidates[index].status {
            Status::Accepted { .. } => self.effects.push(Effect::Undo { index }),
            _ => {
                self.history.pop();
                self.candidates[index].status = before;
                self.effects.push(Effect::Unreject { index });
                self.message = Some(format!("Took back the rejection of [{sentence}]."));
                let rows = self.list_rows();
                self.list.select(index, self.candidates.len(), rows);
            }
        }
    }

    fn undone(&mut self, index: usize, note: Option<String>) {
        if self.history.last().map(|(i, _)| *i) != Some(index) {
            return;
        }
        let Some((_, before)) = self.history.pop() else {
            return;
        };
        let candidate = &mut self.candidates[index];
        let Status::Accepted { id } = std::mem::replace(&mut candidate.status, before) else {
            return;
        };
        let mut message = format!(
            "Took back [{}]: {id} is out of the dataset again",
            candidate.draft.sentence
        );
        match note {
            Some(note) => message.push_str(&format!("; {note}")),
            None => message.push('.'),
        }
        self.message = Some(message);
        let rows = self.list_rows();
        self.list.select(index, self.candidates.len(), rows);
    }

    /// Every actor the form accepts: the dataset's, and the proposals.
    fn form_actors(&self) -> Vec<FormActor> {
        let mut actors = self.known.actors.clone();
        for p in &self.proposals {
            if !actors.iter().any(|a| a.id == p.id) {
                actors.push(FormActor {
                    id: p.id.clone(),
                    name: format!("{}, new", p.name),
                });
            }
        }
        actors
    }

    /// How the actors `ids` are written: each one's name, and a proposal's aliases too.
    fn names_of(&self, ids: &[String]) -> Vec<String> {
        let mut names = Vec::new();
        for id in ids {
            names.extend(self.actor_name(id).map(str::to_string));
            if let Some(p) = self.proposals.iter().find(|p| &p.id == id) {
                names.extend(p.aliases.iter().cloned());
            }
        }
        names
    }

    fn open_form(&mut self) {
        let Some(index) = self.selected_undecided("edit") else {
            return;
        };
        let draft = &self.candidates[index].draft;
        let fields = EventFields {
            title: draft.title.clone(),
            date: draft.date.clone(),
            actors: draft.actors.clone(),
            kind: Some(draft.kind.clone()).filter(|k| !k.is_empty()),
        };
        let heading = format!("Edit [{}]", draft.sentence);
        let mut form = EventForm::new(heading, &fields, self.form_actors());
        // Enter keeps the edit; a writes it.
        form.submit = Submit::Keep;
        self.overlay = Overlay::Edit {
            index,
            form: Box::new(form),
        };
    }

    fn edit(&mut self, action: FormAction) {
        let Overlay::Edit { index, form } = &mut self.overlay else {
            return;
        };
        let index = *index;
        match form.update(action) {
            FormOutcome::Editing => {}
            FormOutcome::Cancelled => self.overlay = Overlay::None,
            FormOutcome::Submitted(fields) => {
                self.overlay = Overlay::None;
                let names = self.names_of(&fields.actors);
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let candidate = &mut self.candidates[index];
                apply_edit(&mut candidate.draft, fields, &names);
                // Edited, it is the user's own event, no longer the dataset's.
                if let Status::InDataset { .. } = candidate.status {
                    candidate.status = Status::Pending;
                }
                self.message = Some(format!(
                    "Edited [{}]; a accepts it.",
                    candidate.draft.sentence
                ));
            }
        }
    }
}

/// Puts the form's values into the draft. A date set by hand is no longer the drafter's: its
/// note of where the date came from goes, and so does the `undated` tag. The id follows the
/// edit as the drafter would have made it: its date part the new date, its doer and verb the
/// new title and type (`names`: how the edited actors are written). An id the drafter did not
/// make is kept as it is.
fn apply_edit(draft: &mut Draft, fields: EventFields, names: &[&str]) {
    let kind = fields.kind.unwrap_or_default();
    if let Some((stem, when)) = id_parts(&draft.id) {
        let stem = if fields.title != draft.title || kind != draft.kind {
            stem_from_title(&fields.title, &kind, names)
        } else {
            stem.to_string()
        };
        let when = if fields.date != draft.date {
            id_date(&fields.date)
        } else {
            when
        };
        draft.id = slug(&[&stem, when]);
    }
    if fields.date != draft.date {
        draft.attributes.remove("date_from");
        draft.tags.retain(|t| t != "undated");
        draft.date = fields.date;
    }
    draft.title = fields.title;
    draft.kind = kind;
    draft.actors = fields.actors;
}

/// The id's stem (`id_stem`) and its date part after it, without the number that made the id
/// unique (`putin-provide-by-2021-12-13-2` → `putin-provide`, `by-2021-12-13`): the date part
/// is a year and at most a month and a day of two digits each, which a number made for
/// uniqueness, of one digit while fewer than ten drafts share a stem, is not.
fn id_parts(id: &str) -> Option<(&str, &str)> {
    let stem = id_stem(id)?;
    let tail = id[stem.len()..].trim_start_matches('-');
    let tokens: Vec<&str> = tail.split('-').collect();
    let two_digits = |t: &&str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    // The bound's word, if any, and the year (`id_stem` found it there).
    let year = usize::from(matches!(tokens[0], "by" | "after"));
    let mut keep = year + 1;
    while keep <= year + 2 && tokens.get(keep).is_some_and(two_digits) {
        keep += 1;
    }
    let length = tokens[..keep].iter().map(|t| t.len() + 1).sum::<usize>() - 1;
    Some((stem, &tail[..length]))
}

/// The id without its date part, which the drafter ends it with: the date's numbers (a range
/// gives both ends), after `by` or `after` when the date is a bound, and the number that made
/// the id unique (`putin-provide-by-2021-12-13-2` → `putin-provide`). None when the id does
/// not end so (written by hand): it is kept as it is.
fn id_stem(id: &str) -> Option<&str> {
    let tokens: Vec<&str> = id.split('-').collect();
    let numeric = |t: &&&str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let run = tokens.iter().rev().take_while(numeric).count();
    let first = tokens.len() - run;
    if run == 0 || first == 0 || tokens[first].len() != 4 {
        return None;
    }
    let mut keep = first;
    if matches!(tokens[keep - 1], "by" | "after") && keep > 1 {
        keep -= 1;
    }
    let length = tokens[..keep].iter().map(|t| t.len() + 1).sum::<usize>() - 1;
    Some(&id[..length])
}

/// The part of `date` an id is made with, as the drafter makes it: a range's start (its end
/// when it is open at the start).
fn id_date(date: &str) -> &str {
    let mut ends = date.split('/');
    let start = ends.next().unwrap_or(date);
    if start.bytes().any(|b| b.is_ascii_digit()) {
        start
    } else {
        ends.next().unwrap_or(date)
    }
}

#[cfg(test)]
mod tests;
