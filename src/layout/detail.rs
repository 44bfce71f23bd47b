//! What the detail pane shows of an event, row by row: its title, its fields as "Label value"
//! with the value wrapped under itself, and its summary. `App::update` counts the rows to limit
//! scrolling and the pane styles them, so this is the single definition of the pane's content.

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{ActorId, Event, Role};
use crate::text::width::width;
use crate::text::wrap::wrap;
use crate::timeline::Timeline;

/// Width of the label column ("Location  ") at the least: wider when an attribute's name is
/// longer ("civilian_targeting"), so that names are shown whole and values line up.
pub const LABEL_WIDTH: usize = 10;

/// Columns a pane keeps for values beside the label column, or it puts labels on rows of
/// their own.
const VALUE_ROOM: usize = 20;

/// The text of an event's detail, before wrapping.
pub struct Detail<'t> {
    pub title: Cow<'t, str>,
    /// Label and value of each field, in the order shown. An empty label continues the field
    /// above (a second source's publication date).
    pub fields: Vec<(&'t str, String)>,
    pub summary: Option<&'t str>,
}

/// One row of the pane. Text is given as bytes of the title, a field's value or the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Title(Range<usize>),
    /// A field's label on a row of its own: on narrow panes the value goes under it.
    Label(usize),
    /// Bytes of field `field`'s value, after `indent` columns; on the first row of a field of
    /// a wide pane the indent holds the label (`labelled`).
    Value {
        field: usize,
        text: Range<usize>,
        indent: usize,
        labelled: bool,
    },
    /// The empty row between the fields and the summary.
    Blank,
    Summary(Range<usize>),
}

impl<'t> Detail<'t> {
    pub fn of(timeline: &'t Timeline, event: &'t Event) -> Detail<'t> {
        let mut fields = vec![(
            "Date",
            format!("{}   (EDTF {})", event.date, event.date.edtf()),
        )];
        // When the event was reported, by each source that says: another time than the event's.
        for (n, (published, source)) in timeline.reported_in(event).into_iter().enumerate() {
            let label = if n == 0 { "Reported" } else { "" };
            fields.push((label, format!("{published} · {}", source.title)));
        }
        if let Some(kind) = &event.kind {
            fields.push(("Type", kind.to_string()));
        }
        if let Some(location) = &event.location {
            fields.push(("Location", location.to_string()));
        }
        if let Some(region) = &event.region {
            fields.push(("Region", region.to_string()));
        }
        if let Some(point) = &event.point {
            fields.push(("Lat, lon", point.to_string()));
        }
        fields.push(("Actors", actors(timeline, event)));
        if !event.tags.is_empty() {
            fields.push(("Tags", event.tags.join(", ")));
        }
        fields.push(("Quotes", event.quotes.len().to_string()));
        fields.push(("Id", event.id.to_string()));
        if let Some(url) = timeline.event_url(event) {
            fields.push(("URL", url.to_string()));
        }
        for (name, value) in &event.attributes {
            fields.push((&**name, value.to_string()));
        }
        Detail {
            title: Cow::Borrowed(&event.title),
            fields,
            summary: event.summary.as_deref(),
        }
    }

    /// What the pane shows of an actor while the actors pane is focused: what actors.json
    /// says of it (its affiliation by name, with its id) and how many events name it.
    pub fn of_actor(timeline: &'t Timeline, id: ActorId) -> Detail<'t> {
        let actor = timeline.actor(id);
        let mut fields = Vec::new();
        if let Some(kind) = actor.kind {
            fields.push(("Kind", kind.as_str().to_string()));
        }
        if let Some(up) = actor.affiliation {
            let id = &timeline.actor(up).id;
            fields.push((
                "Affiliation",
                format!("{} ({id})", timeline.actor_label(up)),
            ));
        }
        if !actor.aliases.is_empty() {
            fields.push(("Aliases", actor.aliases.join(", ")));
        }
        fields.push(("Events", timeline.event_count(id).to_string()));
        fields.push(("Id", actor.id.clone()));
        Detail {
            // Headed as the actors pane lists it: one ZIMBABWE never passes for another.
            title: Cow::Owned(timeline.actor_label(id)),
            fields,
            summary: actor.description.as_deref(),
        }
    }

    /// The width of the label column: the longest label and two spaces, at least
    /// `LABEL_WIDTH`.
    pub fn label_width(&self) -> usize {
        self.fields
            .iter()
            .map(|(label, _)| width(label) + 2)
            .max()
            .unwrap_or(0)
            .max(LABEL_WIDTH)
    }

    /// The rows of a pane `width` columns wide.
    pub fn rows(&self, width: usize) -> Vec<Row> {
        let room = width.max(1);
        let mut out: Vec<Row> = wrap(&self.title, room)
            .into_iter()
            .map(Row::Title)
            .collect();
        let label_width = self.label_width();
        let wide = width >= (LABEL_WIDTH * 3).max(label_width + VALUE_ROOM);
        for (field, (label, value)) in self.fields.iter().enumerate() {
            if !wide && !label.is_empty() {
                out.push(Row::Label(field));
            }
            let indent = if wide { label_width } else { 0 };
            let room = width.saturating_sub(indent).max(1);
            for (n, text) in wrap(value, room).into_iter().enumerate() {
                out.push(Row::Value {
                    field,
                    text,
                    indent,
                    labelled: wide && n == 0,
                });
            }
        }
        if let Some(summary) = self.summary {
            out.push(Row::Blank);
            out.extend(wrap(summary, room).into_iter().map(Row::Summary));
        }
        out
    }
}

/// The event's actors by name, each with its role where known, a source's and a target's
/// joined by an arrow: "ZIMBABWE (source) → AFRICA (target)".
fn actors(timeline: &Timeline, event: &Event) -> String {
    let mut out = String::new();
    for (n, actor) in event.actors.iter().enumerate() {
        let roles = event.roles_of(n);
        if n > 0 {
            // The arrow goes before the first target, once.
            let earlier = |role| (0..n).any(|m| event.roles_of(m).contains(role));
            let first_target = roles.contains(Role::Target) && !earlier(Role::Target);
            let after_source = earlier(Role::Source);
            out.push_str(if first_target && after_source {
                " → "
            } else {
                ", "
            });
        }
        out.push_str(&timeline.actor_label(*actor));
        if !roles.is_empty() {
            out.push_str(&format!(" ({})", roles.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn wide_panes_label_the_first_row_of_a_field_and_narrow_ones_give_the_label_a_row() {
        let t = sample::timeline();
        let ix = t
            .event_by_id("putin-johnson-call")
            .unwrap_or_else(|| panic!("event"));
        let detail = Detail::of(&t, t.event(ix));
        let id = detail
            .fields
            .iter()
            .position(|(label, _)| *label == "Id")
            .unwrap_or_else(|| panic!("an Id field"));
        let wide = detail.rows(60);
        let id_rows: Vec<&Row> = wide
            .iter()
            .filter(|r| matches!(r, Row::Value { field, .. } | Row::Label(field) if *field == id))
            .collect();
        assert_eq!(
            id_rows,
            [&Row::Value {
                field: id,
                text: 0..detail.fields[id].1.len(),
                indent: LABEL_WIDTH,
                labelled: true
            }]
        );
        let narrow = detail.rows(20);
        let at = narrow
            .iter()
            .position(|r| *r == Row::Label(id))
            .unwrap_or_else(|| panic!("the Id label alone"));
        assert!(
            matches!(&narrow[at + 1], Row::Value { field, indent: 0, labelled: false, .. } if *field == id)
        );
        // The summary follows a blank row, and narrow panes need more rows than wide ones.
        assert!(wide.contains(&Row::Blank));
        assert!(narrow.len() > wide.len());
    }

    #[test]
    fn long_attribute_names_widen_the_label_column_and_roles_region_and_point_show() {
        use crate::labels::Labels;
        use crate::model::{Number, Point, Roles, Value};
        let t = sample::timeline();
        let ix = t
            .event_by_id("putin-johnson-call")
            .unwrap_or_else(|| panic!("event"));
        let mut event = t.event(ix).clone();
        event.attributes = crate::model::Attributes::from([
            (
                "civilian_targeting".into(),
                Value::text("Civilian targeting"),
            ),
            (
                "fatalities".into(),
                Value::Number(Number::parse("12").unwrap_or_else(|| panic!("a number"))),
            ),
        ]);
        event.roles = (0..event.actors.len())
            .map(|n| Roles::one([Role::Source, Role::Target][n.min(1)]))
            .collect();
        event.region = Labels::default().region(Some("Sudan"), Some("Khartoum"), None);
        event.point = Some(std::sync::Arc::new(Point {
            lat: 15.5007,
            lon: 32.5599,
        }));
        let detail = Detail::of(&t, &event);
        let field = |name: &str| {
            detail
                .fields
                .iter()
                .find(|(label, _)| *label == name)
                .map(|(_, value)| value.as_str())
        };
        assert_eq!(field("civilian_targeting"), Some("Civilian targeting"));
        assert_eq!(field("fatalities"), Some("12"));
        assert_eq!(field("Region"), Some("Khartoum, Sudan"));
        assert_eq!(field("Lat, lon"), Some("15.5007, 32.5599"));
        let names: Vec<&str> = event
            .actors
            .iter()
            .map(|a| t.actor(*a).name.as_str())
            .collect();
        let mut actors = format!("{} (source) → {} (target)", names[0], names[1]);
        for name in &names[2..] {
            actors.push_str(&format!(", {name} (target)"));
        }
        assert_eq!(field("Actors"), Some(actors.as_str()));
        // "civilian_targeting" is 18 columns: the labels take 20, and every value starts there.
        assert_eq!(detail.label_width(), 20);
        let rows = detail.rows(60);
        assert!(rows.iter().all(|r| match r {
            Row::Value { indent, .. } => *indent == 20,
            _ => true,
        }));
        // Too narrow for that: labels on rows of their own, nothing cut.
        assert!(detail.rows(36).iter().any(|r| matches!(r, Row::Label(_))));
    }

    #[test]
    fn an_actor_with_two_parts_shows_both() {
        use crate::model::Roles;
        let t = sample::timeline();
        let ix = t
            .event_by_id("putin-johnson-call")
            .unwrap_or_else(|| panic!("event"));
        let mut event = t.event(ix).clone();
        event.actors = event.actors[..1].into();
        event.roles = [Roles::one(Role::Source).with(Role::Target)].into();
        let name = &t.actor(event.actors[0]).name;
        assert_eq!(actors(&t, &event), format!("{name} (source, target)"));
    }
}
