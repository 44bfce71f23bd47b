//! What the detail pane shows, the selected event or the selected actor, and how far each is
//! scrolled. The actor's shows from the moment the actors pane is focused and stays when the
//! detail pane is focused from there, so that `4` then j/k read it to its end (a description
//! below the fold at 80x24, and the only way to it where one pane shows at a time); the events
//! and quotes panes, which are the event's, bring the event's back. Going back (Esc from the
//! source view) brings back what the pane showed, the actor's too (`Location`).

use super::{App, Motion, Pane};
use crate::layout::{self, detail::Detail};
use crate::model::ActorId;

/// The actor the detail pane shows instead of the event, and its scroll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorDetail {
    pub actor: ActorId,
    pub scroll: usize,
}

impl App<'_> {
    /// The actor the detail pane shows, if not the event.
    pub fn actor_detail(&self) -> Option<ActorDetail> {
        self.actor_detail
    }

    /// Follows the focus and the actors pane's selection: the actor's detail while the
    /// actors pane is focused and after it the detail pane, scrolled to its top whenever it
    /// is another actor's; the event's otherwise, or when no actor is selected (a search
    /// that matches none). Run after every action, the idle ones too: it builds no rows
    /// (a scroll is clamped when it moves, and by `refit`).
    pub(super) fn follow_actor_detail(&mut self) {
        let shows_actor = match self.focus {
            Pane::Actors => true,
            Pane::Detail => self.actor_detail.is_some(),
            Pane::Events | Pane::Quotes | Pane::Source => false,
        };
        let actor = self.selected_actor().filter(|_| shows_actor);
        self.actor_detail = actor.map(|actor| match self.actor_detail {
            Some(shown) if shown.actor == actor => shown,
            _ => ActorDetail { actor, scroll: 0 },
        });
    }

    /// Rows of the detail pane's content, for what it shows.
    fn detail_rows(&self, actor: Option<ActorId>) -> usize {
        let width = layout::inner_width(self.screen().rect(Pane::Detail));
        match (actor, self.selected_event()) {
            (Some(actor), _) => Detail::of_actor(self.timeline, actor).rows(width).len(),
            (None, Some(e)) => Detail::of(self.timeline, self.timeline.event(e))
                .rows(width)
                .len(),
            (None, None) => 0,
        }
    }

    /// The furthest the detail pane scrolls: for the actor shown, or else the event.
    fn detail_max_scroll(&self, actor: Option<ActorId>) -> usize {
        let height = self.height(Pane::Detail);
        self.detail_rows(actor).saturating_sub(height)
    }

    /// Scrolls what the detail pane shows by `motion` (keys, a page being its height).
    pub(super) fn move_in_detail(&mut self, motion: Motion) {
        let height = self.height(Pane::Detail);
        self.scroll_detail(|scroll, max| motion.apply(scroll, max + 1, height));
    }

    /// Scrolls what the detail pane shows to `to(scroll, max)`, at most `max`.
    pub(super) fn scroll_detail(&mut self, to: impl FnOnce(usize, usize) -> usize) {
        let actor = self.actor_detail.map(|d| d.actor);
        let max = self.detail_max_scroll(actor);
        let scroll = match &mut self.actor_detail {
            Some(shown) => &mut shown.scroll,
            None => &mut self.detail_scroll,
        };
        *scroll = to(*scroll, max).min(max);
    }

    /// Keeps both scrolls within their content after a size or content change.
    pub(super) fn clamp_detail(&mut self) {
        self.detail_scroll = self.detail_scroll.min(self.detail_max_scroll(None));
        if let Some(shown) = self.actor_detail {
            let max = self.detail_max_scroll(Some(shown.actor));
            self.actor_detail = Some(ActorDetail {
                scroll: shown.scroll.min(max),
                ..shown
            });
        }
    }
}
