use std::fmt;

/// The most problems one error carries besides its first; a hostile file could otherwise
/// hold a hundred thousand of them.
pub const MAX_MORE_PROBLEMS: usize = 500;

/// Whether an error gathers every problem: not in the browser's wasm (`ssr` off), whose reader
/// is shown one sentence and console one line, so it carries no code to gather the rest.
pub const GATHERS_EVERY_PROBLEM: bool = !cfg!(target_arch = "wasm32") || cfg!(feature = "ssr");

/// Why an article cannot be shown: the first error, with the JSON path of the offending value,
/// and every further problem found (`more`), so that a publisher sees them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleError {
    pub path: String,
    pub message: String,
    not_json: bool,
    more: Vec<Problem>,
    /// Problems found past `MAX_MORE_PROBLEMS`, counted but not kept.
    omitted: usize,
    /// The JSON paths of values that could not be read, so that validation, which runs on
    /// defaults in their place, says nothing more about them.
    unread: Vec<String>,
}

impl ArticleError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let path = path.into();
        ArticleError {
            unread: match GATHERS_EVERY_PROBLEM {
                true => vec![path.clone()],
                false => Vec::new(),
            },
            path,
            message: message.into(),
            not_json: false,
            more: Vec::new(),
            omitted: 0,
        }
    }

    /// A required field that is not there, reported at its object (`body[3]: missing field
    /// `type``); the value unread is the field's.
    pub(super) fn missing(object: &str, field_path: String, key: &str) -> Self {
        ArticleError {
            unread: vec![field_path],
            ..ArticleError::new(object, format!("missing field `{key}`"))
        }
    }

    /// The text was not JSON at all, as opposed to JSON that is not a valid article.
    pub fn not_json(why: impl fmt::Display) -> Self {
        ArticleError {
            not_json: true,
            ..ArticleError::new(".", format!("not JSON: {why}"))
        }
    }

    /// The problems back, as warnings, when none is an error; else the error they make, led
    /// by the first error and carrying the rest.
    pub(super) fn fail_on_errors(mut problems: Vec<Problem>) -> Result<Vec<Problem>, Self> {
        let Some(first) = problems.iter().position(Problem::is_error) else {
            return Ok(problems);
        };
        let lead = problems.remove(first);
        let mut error = ArticleError::new(lead.path, lead.message);
        for problem in problems {
            error.push(problem);
        }
        Err(error)
    }

    pub fn is_not_json(&self) -> bool {
        self.not_json
    }

    /// Every problem, the first error first, then the others in the order they were found.
    pub fn problems(&self) -> impl Iterator<Item = Problem> + '_ {
        let first = Problem::error(self.path.clone(), self.message.clone());
        std::iter::once(first).chain(self.more.iter().cloned())
    }

    /// How many problems were found beyond those `problems` lists.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Takes in the problems of another error found in the same article.
    pub(super) fn absorb(&mut self, other: ArticleError) {
        self.omitted += other.omitted;
        self.unread.extend(other.unread);
        let first = Problem::error(other.path, other.message);
        for problem in std::iter::once(first).chain(other.more) {
            self.push(problem);
        }
    }

    pub(super) fn mark_unread(&mut self, path: String) {
        self.unread.push(path);
    }

    /// Adds what validation found in an article read with defaults in place of the values
    /// that could not be read, leaving out what it says about those values.
    pub(super) fn add_validation(&mut self, problems: Vec<Problem>) {
        let unread = std::mem::take(&mut self.unread);
        let about_unread = |path: &str| {
            unread.iter().any(|value| {
                path.strip_prefix(value.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
        };
        for problem in problems {
            if !about_unread(&problem.path) {
                self.push(problem);
            }
        }
        self.unread = unread;
    }

    fn push(&mut self, problem: Problem) {
        if GATHERS_EVERY_PROBLEM && self.more.len() < MAX_MORE_PROBLEMS {
            self.more.push(problem);
        } else {
            self.omitted += 1;
        }
    }
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ArticleError {}

/// One finding of validation. Errors stop the article from rendering; warnings do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Error,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            severity: Severity::Warning,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}: {}", self.path, self.message)
    }
}
