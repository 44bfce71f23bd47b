//! Writing the browser's new events: when the form opens, the dataset folder is checked to be
//! one that can be written and its files are read; when it is submitted, the event goes into
//! them through `crate::authoring`, refused when another program changed them since.

use crate::app::{Action, NewEvent};
use crate::authoring::{event_id, folder_writable, DatasetFiles, EventRecord};
use crate::draft::DraftQuote;
use crate::files::DatasetLocation;

/// The dataset's files as read when the form opened.
#[derive(Debug, Default)]
pub(super) struct Author {
    files: Option<DatasetFiles>,
}

impl Author {
    /// Before the form opens: whether the dataset can take a new event, and its files read;
    /// else why not, for the status line.
    pub(super) fn prepare(&mut self, location: &DatasetLocation) -> Result<(), String> {
        self.files = None;
        let root = match location {
            DatasetLocation::Folder(root) => root,
            DatasetLocation::Bundled => {
                // Short enough for the status line of a narrow terminal, advice included.
                return Err(
                    "Cannot add events to the bundled dataset: make one with chronicle init DIR"
                        .into(),
                );
            }
            DatasetLocation::Memory(_) => {
                return Err(
                    "Cannot add events to an import: make a dataset with chronicle import FILE -o DIR"
                        .into(),
                );
            }
        };
        folder_writable(root).map_err(|why| format!("Cannot add an event: {why}"))?;
        let files =
            DatasetFiles::read(root).map_err(|why| format!("Cannot add an event: {why}"))?;
        self.files = Some(files);
        Ok(())
    }

    /// Writes `new`; what to tell the app.
    pub(super) fn write(&mut self, new: NewEvent) -> Action {
        let Some(files) = &mut self.files else {
            return Action::AddRefused(
                "The dataset's files were not read; close the form (Esc) and press a again.".into(),
            );
        };
        let fields = new.fields;
        let record = EventRecord {
            id: event_id(&fields.title, &fields.date),
            date: fields.date,
            title: fields.title,
            kind: fields.kind,
            actors: fields.actors,
            location: None,
            tags: Vec::new(),
            quotes: vec![DraftQuote {
                source: new.source,
                text: new.quote,
            }],
            attributes: Default::default(),
        };
        match files.add_event(&record, &[]) {
            Ok(receipt) => Action::EventAdded(format!(
                "Added {} to the dataset; it shows once the dataset is read again.",
                receipt.id
            )),
            Err(why) => match files.reread() {
                Ok(true) => Action::AddRefused(format!(
                    "{why}. Read the files again: Enter writes it after that change."
                )),
                Ok(false) => Action::AddRefused(why),
                Err(e) => Action::AddRefused(format!("{why}; reading the files again failed: {e}")),
            },
        }
    }
}
