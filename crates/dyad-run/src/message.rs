//! How an error is said to the user, by the command (on stderr) and the Python package (in
//! its exception) alike.

/// An error with its causes, each cause said once: many errors name their cause in their own
/// message already ("cannot read X: No such file"), and `{:#}` would repeat it.
pub fn error_chain(e: &anyhow::Error) -> String {
    let mut said = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !said.contains(&cause) {
            said.push_str(": ");
            said.push_str(&cause);
        }
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_the_message_names_is_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let e = anyhow::Error::new(io).context("cannot read x.txt");
        assert_eq!(error_chain(&e), "cannot read x.txt: No such file");
        let named = anyhow::anyhow!("inner").context("outer: inner");
        assert_eq!(error_chain(&named), "outer: inner");
    }
}
