//! Keys as actions in, state and effects out: no terminal, no files.

use std::collections::BTreeMap;

use super::*;
use crate::app::Caret;
use crate::draft::DraftQuote;

fn draft(sentence: usize, id: &str, actors: &[&str], new: &[&str]) -> Draft {
    Draft {
        id: id.into(),
        date: "2021/2021-12-13?".into(),
        title: format!("Title {sentence}"),
        kind: "statement".into(),
        actors: actors.iter().map(|a| a.to_string()).collect(),
        location: None,
        tags: vec!["undated".into()],
        quotes: vec![DraftQuote {
            source: "article".into(),
            text: format!("Sentence {sentence}."),
        }],
        attributes: BTreeMap::from([("date_from".into(), "the publication day".into())]),
        sentence,
        cited_by: vec![],
        new_actors: new
            .iter()
            .map(|id| NewActor {
                id: id.to_string(),
                name: id.to_uppercase(),
                kind: "person".into(),
                aliases: vec![],
            })
            .collect(),
    }
}

/// Four candidates, given out of order; the dataset has `russia` and cites sentence 3.
fn triage() -> Triage {
    let text = "S1. S2. S3. S4. S5.".to_string();
    let sentences = vec![0..3, 4..7, 8..11, 12..15, 16..19];
    let known = Known {
        dataset: "data".into(),
        actors: vec![FormActor {
            id: "russia".into(),
            name: "Russia".into(),
        }],
        cited: BTreeSet::from([2]),
        ..Known::default()
    };
    let drafts = vec![
        draft(
            4,
            "putin-say-2021-2021-12-13",
            &["putin", "russia"],
            &["putin"],
        ),
        draft(
            2,
            "putin-tell-2021-2021-12-13",
            &["putin", "johnson"],
            &["putin", "johnson"],
        ),
        draft(3, "russia-deny", &["russia"], &[]),
        draft(5, "johnson-say", &["johnson"], &["johnson"]),
    ];
    let article = Article {
        name: "article.txt".into(),
        text,
        sentences,
    };
    let mut t = Triage::new(article, known, drafts);
    t.update(Action::Resize {
        width: 100,
        height: 30,
    });
    t
}

fn sentences(t: &Triage) -> Vec<usize> {
    t.candidates().iter().map(|c| c.draft.sentence).collect()
}

fn statuses(t: &Triage) -> Vec<&Status> {
    t.candidates().iter().map(|c| &c.status).collect()
}

/// What the event loop does for an accept: says it was written as the draft's id, with the
/// proposals it was given.
fn carry_out(t: &mut Triage) {
    for effect in t.take_effects() {
        match effect {
            Effect::Accept {
                index,
                draft,
                proposals,
            } => {
                let actors = proposals
                    .iter()
                    .filter(|p| t.is_new_actor(&p.id))
                    .map(|p| p.id.clone())
                    .collect();
                t.update(Action::Accepted {
                    index,
                    id: draft.id.clone(),
                    actors,
                })
            }
            Effect::Undo { index } => t.update(Action::Undone { index, note: None }),
            // Kept in the file by the event loop, which tells the state only of a failure.
            Effect::Reject { .. } | Effect::Unreject { .. } => {}
        }
    }
}

#[test]
fn candidates_come_in_document_order_and_cited_sentences_are_known() {
    let t = triage();
    assert_eq!(sentences(&t), [2, 3, 4, 5]);
    assert!(
        t.is_cited(2),
        "sentence 3 (0-based 2) is cited by the dataset"
    );
    assert!(!t.is_cited(1));
    assert_eq!(t.counts(), (0, 0, 4));
    assert!(t.is_new_actor("putin") && !t.is_new_actor("russia"));
    assert_eq!(t.actor_name("putin"), Some("PUTIN"));
    assert_eq!(t.actor_name("russia"), Some("Russia"));
}

#[test]
fn accept_asks_for_the_write_with_the_proposals_named_then_moves_on() {
    let mut t = triage();
    t.update(Action::Accept);
    let effects = t.take_effects();
    assert_eq!(effects.len(), 1);
    let Effect::Accept {
        index,
        draft,
        proposals,
    } = &effects[0]
    else {
        panic!("{effects:?}");
    };
    assert_eq!((*index, draft.sentence), (0, 2));
    let ids: Vec<&str> = proposals.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["putin", "johnson"]);
    // Nothing changes until the write is reported.
    assert_eq!(statuses(&t)[0], &Status::Pending);
    t.update(Action::Accepted {
        index: 0,
        id: "putin-tell-2".into(),
        actors: vec!["putin".into(), "johnson".into()],
    });
    assert_eq!(
        statuses(&t)[0],
        &Status::Accepted {
            id: "putin-tell-2".into()
        }
    );
    assert_eq!(
        t.message(),
        Some("Accepted [2]: written as putin-tell-2 with 2 new actors.")
    );
    assert_eq!(t.selected(), 1, "on to the next undecided");
    assert!(t.is_cited(1), "its sentence is cited now");
    assert!(!t.is_new_actor("putin"), "accepting created it");
}

#[test]
fn a_refused_write_changes_nothing_and_says_why() {
    let mut t = triage();
    t.update(Action::Accept);
    assert_eq!(t.take_effects().len(), 1);
    t.update(Action::Refused(
        "events.jsonl changed since it was read (another program wrote to it); nothing was written"
            .into(),
    ));
    assert_eq!(statuses(&t)[0], &Status::Pending);
    assert_eq!(t.selected(), 0);
    assert!(t
        .message()
        .is_some_and(|m| m.contains("changed since it was read")));
    t.update(Action::Undo);
    assert_eq!(t.message(), Some("Nothing to undo."));
}

#[test]
fn reject_moves_on_and_undo_takes_decisions_back_last_first() {
    let mut t = triage();
    t.update(Action::Reject);
    assert_eq!(statuses(&t)[0], &Status::Rejected);
    assert_eq!(t.selected(), 1);
    let first = t.candidates()[0].draft.clone();
    // Kept in rejected.jsonl by the event loop, for the next triage of the article.
    assert_eq!(
        t.take_effects(),
        [Effect::Reject {
            index: 0,
            rejection: Rejection {
                source: String::new(),
                sentence: first.quotes[0].text.clone(),
                draft: first.id.clone(),
                title: first.title.clone(),
                occurrence: None,
            }
        }]
    );
    t.update(Action::Accept);
    carry_out(&mut t);
    assert_eq!(t.counts(), (1, 1, 2));
    assert_eq!(t.selected(), 2);
    // The last decision, the accept, is taken back through the event loop.
    t.update(Action::Undo);
    assert_eq!(t.take_effects(), [Effect::Undo { index: 1 }]);
    assert!(
        matches!(statuses(&t)[1], Status::Accepted { .. }),
        "until it is done"
    );
    t.update(Action::Undone {
        index: 1,
        note: None,
    });
    assert_eq!(statuses(&t)[1], &Status::Pending);
    assert_eq!(t.selected(), 1);
    assert_eq!(
        t.message(),
        Some("Took back [3]: russia-deny is out of the dataset again.")
    );
    // Then the rejection, at once, its line taken out of rejected.jsonl by the event loop.
    t.update(Action::Undo);
    assert_eq!(t.take_effects(), [Effect::Unreject { index: 0 }]);
    assert_eq!(statuses(&t)[0], &Status::Pending);
    assert_eq!(t.selected(), 0);
    assert_eq!(t.counts(), (0, 0, 4));
}

#[test]
fn a_refused_undo_keeps_the_accept() {
    let mut t = triage();
    t.update(Action::Accept);
    carry_out(&mut t);
    t.update(Action::Undo);
    assert_eq!(t.take_effects().len(), 1);
    t.update(Action::Refused(
        "events.jsonl changed since it was read".into(),
    ));
    assert!(matches!(statuses(&t)[0], Status::Accepted { .. }));
    // It can be tried again.
    t.update(Action::Undo);
    assert_eq!(t.take_effects(), [Effect::Undo { index: 0 }]);
}

#[test]
fn a_written_candidate_is_not_accepted_rejected_or_edited_again() {
    let mut t = triage();
    t.update(Action::Accept);
    carry_out(&mut t);
    t.update(Action::Move(Motion::Up));
    for (action, doing) in [
        (Action::Accept, "accept"),
        (Action::Reject, "reject"),
        (Action::Edit, "edit"),
    ] {
        t.update(action);
        assert_eq!(
            t.message().map(String::from),
            Some(format!(
                "[2] is written already (as putin-tell-2021-2021-12-13); u takes the last accept back, to {doing} it"
            ))
        );
        assert!(t.take_effects().is_empty());
        assert_eq!(t.overlay(), &Overlay::None);
    }
}

#[test]
fn a_rejected_candidate_may_still_be_accepted_and_undo_rejects_it_again() {
    let mut t = triage();
    t.update(Action::Reject);
    t.update(Action::Move(Motion::First));
    t.update(Action::Accept);
    carry_out(&mut t);
    assert!(matches!(statuses(&t)[0], Status::Accepted { .. }));
    t.update(Action::Undo);
    carry_out(&mut t);
    assert_eq!(statuses(&t)[0], &Status::Rejected);
}

#[test]
fn moves_stay_in_the_list() {
    let mut t = triage();
    t.update(Action::Move(Motion::Up));
    assert_eq!(t.selected(), 0);
    t.update(Action::Move(Motion::Last));
    assert_eq!(t.selected(), 3);
    t.update(Action::Move(Motion::Down));
    assert_eq!(t.selected(), 3);
    // Accepting the last moves round to the first undecided.
    t.update(Action::Accept);
    carry_out(&mut t);
    assert_eq!(t.selected(), 0);
}

fn type_text(t: &mut Triage, text: &str) {
    for c in text.chars() {
        t.update(Action::Form(FormAction::Input(c)));
    }
}

#[test]
fn edit_changes_title_date_actors_and_type_before_the_accept() {
    let mut t = triage();
    t.update(Action::Edit);
    let Overlay::Edit { index, form } = t.overlay() else {
        panic!("no form");
    };
    assert_eq!(*index, 0);
    assert_eq!(form.heading, "Edit [2]");
    t.update(Action::Form(FormAction::Clear));
    type_text(&mut t, "Putin calls Johnson");
    t.update(Action::Form(FormAction::NextField));
    t.update(Action::Form(FormAction::Clear));
    type_text(&mut t, "2021-12-32");
    let Overlay::Edit { form, .. } = t.overlay() else {
        panic!("no form");
    };
    assert!(
        form.error(crate::app::form::FormField::Date)
            .is_some_and(|e| e.starts_with("invalid date:")),
        "{:?}",
        form.error(crate::app::form::FormField::Date)
    );
    t.update(Action::Form(FormAction::Backspace));
    type_text(&mut t, "1");
    t.update(Action::Form(FormAction::NextField));
    t.update(Action::Form(FormAction::Caret(Caret::End)));
    // The dataset's actor, and a proposal of another candidate, are both accepted.
    type_text(&mut t, ", russia");
    t.update(Action::Form(FormAction::NextField));
    t.update(Action::Form(FormAction::Clear));
    type_text(&mut t, "call");
    assert!(t.take_effects().is_empty(), "an edit writes nothing");
    t.update(Action::Form(FormAction::Submit));
    assert_eq!(t.overlay(), &Overlay::None);
    assert_eq!(t.message(), Some("Edited [2]; a accepts it."));
    let draft = &t.candidates()[0].draft;
    assert_eq!(draft.title, "Putin calls Johnson");
    assert_eq!(draft.date, "2021-12-31");
    assert_eq!(draft.kind, "call");
    assert_eq!(draft.actors, ["putin", "johnson", "russia"]);
    // A date, title and type set by hand: the id follows them, and the drafter's notes of the
    // date go.
    assert_eq!(draft.id, "putin-call-2021-12-31");
    assert!(draft.attributes.is_empty() && draft.tags.is_empty());
    assert_eq!(statuses(&t)[0], &Status::Pending);
    // Esc leaves the form without a change.
    t.update(Action::Edit);
    t.update(Action::Form(FormAction::Clear));
    t.update(Action::Form(FormAction::Cancel));
    assert_eq!(t.overlay(), &Overlay::None);
    assert_eq!(t.candidates()[0].draft.title, "Putin calls Johnson");
}

#[test]
fn an_unknown_actor_keeps_the_form_open() {
    let mut t = triage();
    t.update(Action::Edit);
    for _ in 0..2 {
        t.update(Action::Form(FormAction::NextField));
    }
    type_text(&mut t, " putn");
    t.update(Action::Form(FormAction::Submit));
    let Overlay::Edit { form, .. } = t.overlay() else {
        panic!("the form closed");
    };
    assert_eq!(
        form.error(crate::app::form::FormField::Actors),
        Some("unknown actor 'putn' (did you mean 'putin'?)")
    );
}

#[test]
fn help_opens_and_closes_and_quit_quits() {
    let mut t = triage();
    t.update(Action::ToggleHelp);
    assert_eq!(t.overlay(), &Overlay::Help);
    t.update(Action::CloseOverlay);
    assert_eq!(t.overlay(), &Overlay::None);
    t.update(Action::Quit);
    assert!(t.should_quit());
}

#[test]
fn the_list_takes_two_fifths_of_the_screen() {
    assert_eq!(list_height(41), 16);
    assert_eq!(list_height(11), 5);
    assert_eq!(list_height(4), 3);
    assert_eq!(list_height(0), 0);
}

#[test]
fn a_candidate_the_dataset_quotes_is_decided_until_edited() {
    let mut drafts = vec![draft(1, "putin-tell-2021-12-13", &["russia"], &[])];
    drafts[0].cited_by = vec!["putin-tell-2021-12-13".into()];
    drafts.push(draft(2, "russia-deny", &["russia"], &[]));
    let article = Article {
        name: "article.txt".into(),
        text: "S1. S2.".into(),
        sentences: vec![0..3, 4..7],
    };
    let known = Known {
        actors: vec![FormActor {
            id: "russia".into(),
            name: "Russia".into(),
        }],
        ..Known::default()
    };
    let mut t = Triage::new(article, known, drafts);
    assert_eq!(
        statuses(&t)[0],
        &Status::InDataset {
            ids: vec!["putin-tell-2021-12-13".into()]
        }
    );
    assert_eq!((t.counts(), t.in_dataset()), ((0, 0, 1), 1));
    assert_eq!(t.selected(), 1, "starts on the one to decide");
    t.update(Action::Move(Motion::Up));
    t.update(Action::Accept);
    assert!(t.take_effects().is_empty(), "no duplicate is written");
    assert_eq!(
        t.message(),
        Some(
            "[1] is already in the dataset as putin-tell-2021-12-13; e edits it into a new \
             event, then a accepts it"
        )
    );
    t.update(Action::Reject);
    assert_eq!(
        statuses(&t)[0],
        &Status::InDataset {
            ids: vec!["putin-tell-2021-12-13".into()]
        }
    );
    // Edited, it is a new event of the user's, and a writes it.
    t.update(Action::Edit);
    t.update(Action::Form(FormAction::Submit));
    assert_eq!(statuses(&t)[0], &Status::Pending);
    t.update(Action::Accept);
    assert_eq!(t.take_effects().len(), 1);
}

#[test]
fn the_id_follows_an_edited_date_as_the_drafter_makes_it() {
    let cases = [
        (
            "putin-provide-by-2021-12-13",
            "2021-12-13",
            "putin-provide-2021-12-13",
        ),
        (
            "putin-provide-by-2021-12-13-2",
            "2021-12-10",
            "putin-provide-2021-12-10",
        ),
        (
            "putin-tell-2021-2021-12-13",
            "2021-12",
            "putin-tell-2021-12",
        ),
        (
            "nato-meet-after-2021-12-13",
            "2022-01/2022-02",
            "nato-meet-2022-01",
        ),
        ("g7-meet-2021-12-11", "../2021-12-12", "g7-meet-2021-12-12"),
        ("by-hand", "2021-12-13", "by-hand"),
    ];
    for (id, date, want) in cases {
        let mut d = draft(2, id, &[], &[]);
        d.date = "2021/2021-12-13?".into();
        let fields = EventFields {
            title: d.title.clone(),
            date: date.into(),
            actors: vec![],
            kind: Some(d.kind.clone()),
        };
        apply_edit(&mut d, fields, &[]);
        assert_eq!(d.id, want, "{id} dated {date}");
        assert_eq!(d.date, date);
    }
}

#[test]
fn the_id_follows_an_edited_title_and_type_as_the_drafter_makes_it() {
    let mut t = triage();
    // [4] `putin-say-2021-2021-12-13`, then [5] `johnson-say`, which the drafter did not shape.
    t.update(Action::Move(Motion::Down));
    t.update(Action::Move(Motion::Down));
    let edit_title_and_type = |t: &mut Triage, title: &str, kind: &str| {
        t.update(Action::Edit);
        t.update(Action::Form(FormAction::Clear));
        type_text(t, title);
        for _ in 0..3 {
            t.update(Action::Form(FormAction::NextField));
        }
        t.update(Action::Form(FormAction::Clear));
        type_text(t, kind);
        t.update(Action::Form(FormAction::Submit));
        assert_eq!(t.overlay(), &Overlay::None);
    };
    assert_eq!(t.selected(), 2);
    edit_title_and_type(&mut t, "Russia rejects the plan", "rejection");
    let edited = &t.candidates()[2].draft;
    assert_eq!(edited.title, "Russia rejects the plan");
    // The doer is the dataset's actor the title opens on; the date part stays as it was.
    assert_eq!(edited.id, "russia-reject-2021");
    // The title names no actor of the event and has no verb the drafter knows: the id has
    // no doer and the type stands for the verb, as a drafted one would.
    edit_title_and_type(&mut t, "A new round in Moscow", "negotiation");
    assert_eq!(t.candidates()[2].draft.id, "negotiation-2021");
    // A proposal's aliases name it too; the number that made the id unique goes with the
    // old reading.
    let mut d = draft(2, "say-by-2021-12-13-2", &["putin"], &["putin"]);
    let fields = EventFields {
        title: "Vova says no".into(),
        date: d.date.clone(),
        actors: vec!["putin".into()],
        kind: Some("statement".into()),
    };
    apply_edit(&mut d, fields, &["Vladimir Putin", "Vova"]);
    assert_eq!(d.id, "vova-say-by-2021-12-13");
    // Only the title and type changed: an id made by hand is kept.
    t.update(Action::Move(Motion::Down));
    edit_title_and_type(&mut t, "Johnson rejects it", "rejection");
    assert_eq!(t.candidates()[3].draft.id, "johnson-say");
}

/// A candidate rejected in an earlier triage (rejected.jsonl) opens rejected, and the list
/// opens on the first one to decide; it can still be accepted.
#[test]
fn a_candidate_rejected_before_opens_rejected() {
    let article = Article {
        name: "article.txt".into(),
        text: "S1. S2. S3.".into(),
        sentences: vec![0..3, 4..7, 8..11],
    };
    let known = Known {
        rejected: BTreeSet::from([1]),
        ..Known::default()
    };
    let drafts = vec![draft(1, "one", &[], &[]), draft(2, "two", &[], &[])];
    let mut t = Triage::new(article, known, drafts);
    assert_eq!(statuses(&t), [&Status::Rejected, &Status::Pending]);
    assert_eq!(t.counts(), (0, 1, 1));
    assert_eq!(t.selected(), 1);
    t.update(Action::Move(Motion::Up));
    t.update(Action::Accept);
    assert!(
        matches!(t.take_effects()[..], [Effect::Accept { index: 0, .. }]),
        "a rejected candidate can be accepted still"
    );
}

/// A rejection the event loop could not keep leaves the candidate undecided again, selected,
/// with the reason and what to do.
#[test]
fn a_rejection_not_kept_is_undecided_again() {
    let mut t = triage();
    t.update(Action::Reject);
    assert_eq!(statuses(&t)[0], &Status::Rejected);
    t.update(Action::NotRejected {
        index: 0,
        why: "rejected.jsonl could not keep it (disk full)".into(),
    });
    assert_eq!(statuses(&t)[0], &Status::Pending);
    assert_eq!(t.selected(), 0);
    assert_eq!(
        t.message(),
        Some("Not rejected: rejected.jsonl could not keep it (disk full); x tries again")
    );
    assert_eq!(t.counts(), (0, 0, 4));
}
