//! JSON text to a small tree. The grammar is RFC 8259's, the messages are serde_json's, and,
//! as in `JSON.parse`, a repeated key's last value wins and numbers beyond a double's range
//! are allowed. Written here rather than taken from
//! serde_json because serde's generic machinery was a fifth of the widget's wasm.

use std::fmt;

/// How deeply arrays and objects may nest (serde_json's limit): deeper text is refused before
/// it can exhaust the stack.
pub const MAX_DEPTH: usize = 127;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// As written, e.g. `-4` or `1.5e3`: the article's only numbers are pixel sizes, read
    /// from this text when they are needed.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order, repeats included; `get` finds the last.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// Parses JSON text: one value, with nothing but whitespace around it.
    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        let mut parser = Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        };
        let value = parser.value()?;
        parser.skip_whitespace();
        if parser.at < parser.bytes.len() {
            return Err(parser.error("trailing characters"));
        }
        Ok(value)
    }

    /// An object member's value; with a repeated key, the last one.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    /// The value as serde names it in "invalid type: …" messages.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Number(n) if n.contains(['.', 'e', 'E']) => format!("floating point `{n}`"),
            Json::Number(n) => format!("integer `{n}`"),
            Json::String(s) => format!("string {}", quoted(s)),
            Json::Array(_) => "sequence".into(),
            Json::Object(_) => "map".into(),
        }
    }
}

/// A string in quotes as Rust's `{:?}` writes it (which serde's messages use), for the
/// characters an article holds: control characters escaped, everything else as it is. Written
/// out because `{:?}` brings Unicode's printable tables into the wasm.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// JSON text for the tree: compact with `{}`, indented by two spaces with `{:#}` (as
/// serde_json writes both). Strings escape what RFC 8259 requires and nothing else; numbers
/// and repeated keys are written as they were read.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.write(f, f.alternate().then_some(0))
    }
}

impl Json {
    /// Writes the value; `indent` is the depth of the line it starts on, or `None` for compact.
    fn write(&self, f: &mut fmt::Formatter, indent: Option<usize>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter, depth: usize| -> fmt::Result {
            f.write_str("\n")?;
            (0..depth).try_for_each(|_| f.write_str("  "))
        };
        let inner = indent.map(|depth| depth + 1);
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(n) => f.write_str(n),
            Json::String(s) => write_string(f, s),
            Json::Array(items) if items.is_empty() => f.write_str("[]"),
            Json::Object(members) if members.is_empty() => f.write_str("{}"),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    if let Some(depth) = inner {
                        line(f, depth)?;
                    }
                    item.write(f, inner)?;
                }
                if let Some(depth) = indent {
                    line(f, depth)?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    if let Some(depth) = inner {
                        line(f, depth)?;
                    }
                    write_string(f, key)?;
                    f.write_str(if indent.is_some() { ": " } else { ":" })?;
                    value.write(f, inner)?;
                }
                if let Some(depth) = indent {
                    line(f, depth)?;
                }
                f.write_str("}")
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            c if c < ' ' => "",
            _ => continue,
        };
        f.write_str(&text[plain..i])?;
        if escaped.is_empty() {
            write!(f, "\\u{:04x}", u32::from(c))?;
        } else {
            f.write_str(escaped)?;
        }
        plain = i + c.len_utf8();
    }
    f.write_str(&text[plain..])?;
    f.write_str("\"")
}

/// Where the text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// An error about the current byte. Its position is serde_json's: just after that byte
    /// (or after the last one, at the end of the text).
    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_after((self.at + 1).min(self.bytes.len()), message)
    }

    /// An error positioned after the first `read` bytes.
    fn error_after(&self, read: usize, message: &'static str) -> SyntaxError {
        let read = &self.bytes[..read];
        let line_start = read.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        SyntaxError {
            message,
            line: read.iter().filter(|&&b| b == b'\n').count() + 1,
            column: read.len() - line_start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error("expected ident")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(value)
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Json, SyntaxError>,
    ) -> Result<Json, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Json, SyntaxError> {
        let mut items = Vec::new();
        self.skip_whitespace();
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                return Ok(Json::Array(items));
            }
            None => return Err(self.error("EOF while parsing a list")),
            Some(_) => {}
        }
        loop {
            items.push(self.value()?);
            if !self.more(b']', "expected `,` or `]`", "EOF while parsing a list")? {
                return Ok(Json::Array(items));
            }
        }
    }

    /// After an item or a member: true when a comma brings another, false once `close` ends
    /// the array or object.
    fn more(
        &mut self,
        close: u8,
        expected: &'static str,
        eof: &'static str,
    ) -> Result<bool, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    return Err(self.error("trailing comma"));
                }
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            Some(_) => Err(self.error(expected)),
            None => Err(self.error(eof)),
        }
    }

    fn object(&mut self) -> Result<Json, SyntaxError> {
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return Err(self.error("key must be a string")),
                None if members.is_empty() => return Err(self.error("EOF while parsing an object")),
                None => return Err(self.error("EOF while parsing a value")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error("expected `:`")),
                None => return Err(self.error("EOF while parsing an object")),
            }
            members.push((key, self.value()?));
            if !self.more(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
                return Ok(Json::Object(members));
            }
        }
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.required_digits()?;
        }
        Ok(Json::Number(self.text[start..self.at].to_owned()))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.error("invalid number")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    /// A string, the cursor on its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The stops are ASCII, so the run ends on a character boundary.
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    /// The character an escape stands for, the cursor after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(kind) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        Some(b) if b == expected => self.at += 1,
                        Some(_) => return Err(self.error("unexpected end of hex escape")),
                        None => return Err(self.error("EOF while parsing a string")),
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_after(self.at, "lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            // serde_json's name for it, though the surrogate is a trailing one.
            0xDC00..=0xDFFF => {
                return Err(self.error_after(self.at, "lone leading surrogate in hex escape"))
            }
            other => other,
        };
        Ok(char::from_u32(code).expect("not a surrogate, so a scalar value"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error("EOF while parsing a string"));
        };
        let mut code = 0;
        for &digit in digits {
            let Some(value) = (digit as char).to_digit(16) else {
                self.at += 3;
                return Err(self.error("invalid escape"));
            };
            code = code * 16 + value;
        }
        self.at += 4;
        Ok(code)
    }
}
