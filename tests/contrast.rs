//! The theme tokens meet WCAG 2.2 AA contrast (4.5:1 for text) in both themes.

const STYLESHEET: &str = include_str!("../static/article-widget.css");

/// The light or the dark hex colour a token resolves to by default, read from the stylesheet's
/// `.artw-root` rule, where each token is written once: `--artw-x: light-dark(#light, #dark);`,
/// the colours possibly inside `var(--article-widget-y, #…)`.
fn token(name: &str, dark: bool) -> [f64; 3] {
    let block = &STYLESHEET[STYLESHEET.find(".artw-root {").expect("the root rule")..];
    let block = &block[..block.find('}').unwrap()];
    let line = block
        .lines()
        .find(|l| {
            l.trim_start()
                .starts_with(&format!("--artw-{name}: light-dark("))
        })
        .unwrap_or_else(|| panic!(".artw-root sets no --artw-{name} with light-dark()"));
    let colours: Vec<&str> = line
        .split('#')
        .skip(1)
        .map(|hex| {
            &hex[..hex
                .find(|c: char| !c.is_ascii_hexdigit())
                .unwrap_or(hex.len())]
        })
        .collect();
    assert_eq!(colours.len(), 2, "a light and a dark colour: {line}");
    rgb(colours[usize::from(dark)])
}

fn rgb(hex: &str) -> [f64; 3] {
    assert_eq!(hex.len(), 6, "#{hex}");
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
    [channel(0), channel(2), channel(4)]
}

fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_formula_matches_known_ratios() {
    assert!((contrast(rgb("000000"), rgb("ffffff")) - 21.0).abs() < 0.01);
    assert!((contrast(rgb("767676"), rgb("ffffff")) - 4.54).abs() < 0.01);
}

#[test]
fn text_colours_reach_4_5_to_1_in_both_themes() {
    for (theme, dark) in [("light", false), ("dark", true)] {
        let t = |name| token(name, dark);
        let pairs = [
            ("text on background", t("text"), t("bg")),
            ("text on surface", t("text"), t("surface")),
            ("muted on background", t("muted"), t("bg")),
            ("muted on surface", t("muted"), t("surface")),
            ("accent on background", t("accent"), t("bg")),
            ("accent on surface", t("accent"), t("surface")),
            ("button text on accent", t("on-accent"), t("accent")),
        ];
        for (what, foreground, background) in pairs {
            let ratio = contrast(foreground, background);
            assert!(ratio >= 4.5, "{theme} {what}: {ratio:.2}:1");
        }
    }
}

#[test]
fn initials_are_readable_on_every_avatar_colour() {
    for slot in 0..6 {
        let selector = format!(".artw-avatar-c{slot} {{ background: #");
        let at = STYLESHEET
            .find(&selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            + selector.len();
        let ratio = contrast(rgb("ffffff"), rgb(&STYLESHEET[at..at + 6]));
        assert!(ratio >= 4.5, "avatar colour {slot}: {ratio:.2}:1");
    }
}
