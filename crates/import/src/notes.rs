//! Corrections and updates written into the story as paragraphs ("Correction: An earlier
//! version of this article…", "Update: The council has since…") become the article's notes,
//! dated by the article's update, or else its publication.

use article_widget::i18n::{Labels, LANGUAGES};
use article_widget::model::{Article, Block, Note, NoteKind};

use super::text::squash;

/// Other words publishers open a note with, besides the widget's own labels.
const MORE_LABELS: &[(&str, NoteKind)] = &[
    ("clarification", NoteKind::Correction),
    ("berichtigung", NoteKind::Correction),
    ("fe de errores", NoteKind::Correction),
    ("rectificatif", NoteKind::Correction),
];

/// Labels that open a note, followed by a colon (perhaps after a parenthesis, as in
/// "Correction (3 May):"): the widget's own, in each language it has labels in, and others.
fn labels() -> impl Iterator<Item = (String, NoteKind)> {
    let widget = LANGUAGES
        .iter()
        .filter_map(|lang| Labels::written_in(lang))
        .flat_map(|labels| {
            [NoteKind::Correction, NoteKind::Update]
                .map(|kind| (labels.note_kind(kind).to_lowercase(), kind))
        });
    let more = MORE_LABELS
        .iter()
        .map(|(label, kind)| ((*label).to_owned(), *kind));
    widget.chain(more)
}

/// How corrections that carry no label begin.
const CORRECTION_OPENINGS: &[&str] = &[
    "an earlier version of this",
    "a previous version of this",
    "this article was amended",
    "this article has been amended",
    "this article was corrected",
    "this article has been corrected",
    "this story was corrected",
    "this story has been corrected",
    "this story was amended",
    "this story has been amended",
];

/// The fewest words a note's text has: "Update: 14:05" is a time stamp, not a note.
const MIN_WORDS: usize = 4;

/// Moves the story's correction and update paragraphs into the article's notes. Without a
/// date to give them they stay in the story; dated by the publication, the only date there
/// is, they are named in a warning.
pub fn take_notes(article: &mut Article, warnings: &mut Vec<String>) {
    let date = article
        .updated
        .clone()
        .or_else(|| article.published.clone());
    let found = article.notes.len();
    let mut undated = 0;
    let mut kept = Vec::with_capacity(article.body.len());
    for block in std::mem::take(&mut article.body) {
        let note = match &block {
            Block::Paragraph(text) => note_in(&text.text()),
            _ => None,
        };
        match (note, &date) {
            (Some((kind, text)), Some(date)) => article.notes.push(Note {
                kind,
                date: date.clone(),
                text,
            }),
            (Some(_), None) => {
                undated += 1;
                kept.push(block);
            }
            (None, _) => kept.push(block),
        }
    }
    article.body = kept;
    let moved = article.notes.len() - found;
    if moved > 0 && article.updated.is_none() {
        warnings.push(format!(
            "{moved} correction or update notes are dated by the publication, the only date the page gives"
        ));
    }
    if undated > 0 {
        warnings.push(format!(
            "{undated} correction or update paragraphs stay in the story: the page gives no date for them"
        ));
    }
}

/// The note a paragraph is, and its text without its label.
fn note_in(paragraph: &str) -> Option<(NoteKind, String)> {
    let text = squash(paragraph);
    let lower = text.to_lowercase();
    let (kind, rest) = match labelled(&text, &lower) {
        Some(found) => found,
        None => {
            let opening = CORRECTION_OPENINGS.iter().any(|o| lower.starts_with(o));
            (NoteKind::Correction, opening.then_some(text.as_str())?)
        }
    };
    let rest = rest.trim();
    (rest.split_whitespace().count() >= MIN_WORDS).then(|| (kind, rest.to_owned()))
}

/// "Correction: …" or "UPDATE (May 3): …" as the note's kind and what follows the colon.
fn labelled<'a>(text: &'a str, lower: &str) -> Option<(NoteKind, &'a str)> {
    let (kind, label) = labels()
        .find(|(label, _)| lower.starts_with(label.as_str()))
        .map(|(label, kind)| (kind, label.len()))?;
    // Lower-casing keeps these labels' lengths, so the offset holds in the original text.
    let after = text.get(label..)?.trim_start();
    let after = match after.strip_prefix('(') {
        Some(inside) => inside.split_once(')')?.1.trim_start(),
        None => after,
    };
    let rest = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix(" :"))
        .or_else(|| {
            after
                .strip_prefix('\u{a0}')
                .and_then(|a| a.strip_prefix(':'))
        })?;
    Some((kind, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widget_labels_a_note_in_each_of_its_languages() {
        assert!(LANGUAGES
            .iter()
            .all(|lang| Labels::written_in(lang).is_some()));
        assert_eq!(labels().count(), 2 * LANGUAGES.len() + MORE_LABELS.len());
        let note = note_in("Korrektur: In einer früheren Fassung stand ein falsches Datum.");
        assert_eq!(note.map(|(kind, _)| kind), Some(NoteKind::Correction));
    }

    #[test]
    fn labelled_paragraphs_and_unlabelled_corrections_are_notes() {
        let cases = [
            (
                "Correction: An earlier version misspelled the mayor's name.",
                Some((
                    NoteKind::Correction,
                    "An earlier version misspelled the mayor's name.",
                )),
            ),
            (
                "UPDATE (3 May): The council has since approved the plan.",
                Some((NoteKind::Update, "The council has since approved the plan.")),
            ),
            (
                "Mise à jour : le conseil a approuvé le projet.",
                Some((NoteKind::Update, "le conseil a approuvé le projet.")),
            ),
            (
                "This article was amended on 3 May 2024 to correct the date of the vote.",
                Some((
                    NoteKind::Correction,
                    "This article was amended on 3 May 2024 to correct the date of the vote.",
                )),
            ),
            ("Updated: 3 May 2024, 10:05", None),
            ("Update: 10:05 BST", None),
            ("Corrections are rare at this paper, the editor said.", None),
            (
                "The update to the software: it fixes four bugs and adds two features.",
                None,
            ),
        ];
        for (paragraph, expected) in cases {
            let found = note_in(paragraph);
            let found = found.as_ref().map(|(kind, text)| (*kind, text.as_str()));
            assert_eq!(found, expected, "{paragraph}");
        }
    }
}
