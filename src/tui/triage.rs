//! Triage's loop, one event at a time, on any ratatui backend: keys to actions, actions to the
//! state, the writes it asks for carried out through `crate::authoring` (accepting writes the
//! event at once, undo takes it out), their outcome told back, the screen drawn. The binary
//! feeds it the terminal's events (`tui::run_triage`); tests feed it keys and read a
//! `TestBackend`.

use std::io;

use crossterm::event::Event;
use ratatui::backend::Backend;
use ratatui::Terminal;

use super::browser::backend;
use crate::authoring::{DatasetFiles, EventRecord, Receipt, RejectionWritten, REJECTED_FILE};
use crate::keymap::triage::action_for_key;
use crate::triage::{Action, Effect, Triage};
use crate::ui;

/// Triage on a terminal (or a `TestBackend`), writing into a dataset folder.
pub struct TriageScreen<B: Backend> {
    terminal: Terminal<B>,
    state: Triage,
    files: DatasetFiles,
    /// What each accept not taken back wrote, the last on top: undo takes out the last.
    receipts: Vec<Receipt>,
    /// Where each rejection not taken back was kept, by candidate, the last on top.
    rejections: Vec<(usize, RejectionWritten)>,
    stale: bool,
    suspend: fn() -> io::Result<()>,
}

impl<B: Backend> TriageScreen<B>
where
    B::Error: Send + Sync + 'static,
{
    /// Triage of `state` on `terminal`, writing into the dataset `files` were read from.
    pub fn new(
        terminal: Terminal<B>,
        state: Triage,
        files: DatasetFiles,
    ) -> io::Result<TriageScreen<B>> {
        let mut state = state;
        state.set_help_rows(crate::keymap::triage::help().len());
        let mut screen = TriageScreen {
            terminal,
            state,
            files,
            receipts: Vec::new(),
            rejections: Vec::new(),
            stale: true,
            suspend: || Ok(()),
        };
        screen.resize()?;
        Ok(screen)
    }

    /// Hands the terminal back to the shell with `suspend` on Ctrl-Z.
    pub fn with_suspend(mut self, suspend: fn() -> io::Result<()>) -> TriageScreen<B> {
        self.suspend = suspend;
        self
    }

    pub fn state(&self) -> &Triage {
        &self.state
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    pub fn draw(&mut self) -> io::Result<()> {
        let state = &self.state;
        backend(self.terminal.draw(|frame| ui::triage::draw(state, frame)))?;
        self.stale = false;
        Ok(())
    }

    /// Answers one terminal event: a key through the keymap, or a resize.
    pub fn handle(&mut self, event: Event) -> io::Result<()> {
        let action = match event {
            Event::Key(key) => action_for_key(key, self.state.overlay()),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        match action {
            Some(action) => self.act(action),
            None => Ok(()),
        }
    }

    /// Carries out one action: the terminal's own here, the rest by the state, then each
    /// write it asked for, telling it how that went.
    pub fn act(&mut self, action: Action) -> io::Result<()> {
        match action {
            Action::Redraw => backend(self.terminal.clear())?,
            Action::Suspend => {
                (self.suspend)()?;
                backend(self.terminal.clear())?;
                self.resize()?;
            }
            _ => {}
        }
        self.state.update(action);
        for effect in self.state.take_effects() {
            if let Some(outcome) = self.carry_out(effect) {
                self.state.update(outcome);
            }
        }
        self.stale = true;
        Ok(())
    }

    /// Carries out one write; what to tell the state of it, when anything.
    fn carry_out(&mut self, effect: Effect) -> Option<Action> {
        Some(match effect {
            Effect::Accept {
                index,
                draft,
                proposals,
            } => match self
                .files
                .add_event(&EventRecord::from(&*draft), &proposals)
            {
                Ok(receipt) => {
                    let (id, actors) = (receipt.id.clone(), receipt.actors.clone());
                    self.receipts.push(receipt);
                    Action::Accepted { index, id, actors }
                }
                Err(why) => Action::Refused(format!("Not accepted: {}", self.after_refusal(why))),
            },
            Effect::Undo { index } => {
                let Some(receipt) = self.receipts.last() else {
                    return Some(Action::Refused("Nothing to undo.".into()));
                };
                match self.files.undo(receipt) {
                    Ok(note) => {
                        self.receipts.pop();
                        Action::Undone { index, note }
                    }
                    Err(why) => Action::Refused(format!("Not undone: {why}")),
                }
            }
            Effect::Reject { index, rejection } => {
                // A rejection only adds a line: when another triage wrote to the file
                // meanwhile, it is added after theirs, read again, with no one to ask.
                let kept = self.files.add_rejection(&rejection).or_else(|why| {
                    if self.files.reread_rejected() {
                        self.files.add_rejection(&rejection)
                    } else {
                        Err(why)
                    }
                });
                match kept {
                    Ok(written) => {
                        self.rejections.push((index, written));
                        return None;
                    }
                    Err(why) => Action::NotRejected {
                        index,
                        why: format!("{REJECTED_FILE} could not keep it ({why})"),
                    },
                }
            }
            Effect::Unreject { index } => {
                let at = self.rejections.iter().rposition(|(i, _)| *i == index)?;
                match self.files.remove_rejection(&self.rejections[at].1) {
                    Ok(()) => {
                        self.rejections.remove(at);
                        return None;
                    }
                    Err(why) => Action::Refused(format!(
                        "Taken back here, but the rejection stays in {REJECTED_FILE}: {why}"
                    )),
                }
            }
        })
    }

    /// The refusal `why`, and what to do next. When another program changed the dataset's
    /// files, they are read again: the next accept adds to them as they are now, keeping that
    /// program's change (undoing an earlier accept stays refused, as its file changed).
    fn after_refusal(&mut self, why: String) -> String {
        match self.files.reread() {
            Ok(true) => format!("{why}. Read the files again: a writes it after that change."),
            Ok(false) => why,
            Err(e) => format!("{why}; reading the files again failed: {e}"),
        }
    }

    fn resize(&mut self) -> io::Result<()> {
        let size = backend(self.terminal.size())?;
        self.state.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        Ok(())
    }
}

impl<B: Backend> super::Driven for TriageScreen<B>
where
    B::Error: Send + Sync + 'static,
{
    type Backend = B;
    type Rest = Triage;

    fn should_quit(&self) -> bool {
        self.state.should_quit()
    }

    fn tick(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn is_stale(&self) -> bool {
        self.stale
    }

    fn draw(&mut self) -> io::Result<()> {
        TriageScreen::draw(self)
    }

    fn is_busy(&self) -> bool {
        false
    }

    fn handle(&mut self, event: Event) -> io::Result<()> {
        TriageScreen::handle(self, event)
    }

    fn work(&mut self) {}

    fn into_parts(self) -> (Terminal<B>, Triage) {
        (self.terminal, self.state)
    }
}
