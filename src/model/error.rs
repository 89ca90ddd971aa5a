use std::fmt;

/// Why an article cannot be shown, with the JSON path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleError {
    pub path: String,
    pub message: String,
    not_json: bool,
}

impl ArticleError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ArticleError {
            path: path.into(),
            message: message.into(),
            not_json: false,
        }
    }

    /// The text was not JSON at all, as opposed to JSON that is not a valid article.
    pub fn not_json(why: impl fmt::Display) -> Self {
        ArticleError {
            path: ".".into(),
            message: format!("not JSON: {why}"),
            not_json: true,
        }
    }

    pub fn is_not_json(&self) -> bool {
        self.not_json
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
