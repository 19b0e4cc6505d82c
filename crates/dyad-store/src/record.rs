//! What the store takes as an article: a record with an id (its key: one id, one article) and
//! some text. `dyad code`, `ingest` and `serve`'s ingest endpoint check each record with
//! [`check`], so a record one of them skips the others skip (or refuse) too.

use dyad_model::Document;

use crate::FieldError;

/// Is `doc` an article? An id of blanks names nothing, and blank text has nothing to code:
/// the error names the field (`id` or `text`).
pub fn check(doc: &Document) -> Result<(), FieldError> {
    if doc.id.trim().is_empty() {
        return Err(FieldError::new(
            "id",
            "an article needs an id that is not blank",
        ));
    }
    if doc.text.trim().is_empty() {
        return Err(FieldError::new(
            "text",
            "an article needs text that is not blank",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Origin;

    fn doc(id: &str, text: &str) -> Document {
        Document::new(
            id.to_string(),
            text.to_string(),
            None,
            Origin {
                file: "f".into(),
                line: 1,
            },
        )
    }

    #[test]
    fn an_article_has_an_id_and_text() {
        assert!(check(&doc("a", "France met China.")).is_ok());
        assert_eq!(
            check(&doc(" ", "France met China.")).unwrap_err().field,
            "id"
        );
        assert_eq!(check(&doc("a", " \n")).unwrap_err().field, "text");
    }
}
