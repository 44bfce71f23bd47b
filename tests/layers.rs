//! The modules of `src/` stand in layers, and a module may use its own layer and those below it,
//! never one above: the data model knows nothing of loading, loading nothing of the browser,
//! the browser's state nothing of drawing or of the commands. This test reads every `crate::`
//! (and `super::`) path in `src/` and checks it against the table below. Every module must be
//! in the table, so a new module forces a decision about where it stands.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// The layers, bottom first, each with the top-level modules in it. Submodules stand where
/// their top-level module does (`commands::draft` with `commands`, `tui::browser` with `tui`).
const LAYERS: &[(&str, &[&str])] = &[
    (
        "text, problems, files and threads: nothing of the domain",
        &["text", "problem", "write", "files", "shares", "id_table"],
    ),
    (
        "the domain: events, dates, sentences, quotes",
        &[
            "model",
            "date",
            "sentences",
            "quote",
            "quote_index",
            "labels",
        ],
    ),
    (
        "the timeline and its indexes",
        &["timeline", "roster", "search", "sample"],
    ),
    (
        "datasets in and out, and what is found in their text",
        &[
            "load",
            "cache",
            "import",
            "input",
            "export",
            "clipboard",
            "state",
            "times",
            "draft",
            "authoring",
        ],
    ),
    ("screen geometry", &["layout"]),
    (
        "the browser's and triage's state: App, Triage and update",
        &["app", "triage"],
    ),
    ("keys and drawing", &["keymap", "ui"]),
    (
        "the outside: the terminal, the commands, the binary",
        &["tui", "commands", "cli", "report", "fuzz_checks", "main"],
    ),
];

/// Modules named in the table before they land (being written on other branches).
const ARRIVING: &[&str] = &[];

/// Test code anywhere may use the timeline built by hand for tests.
const TEST_FIXTURES: &[&str] = &["sample"];

/// One use of another module: where it is written, and the top-level module it names.
#[derive(Debug, PartialEq, Eq)]
struct Use {
    line: usize,
    target: String,
    test: bool,
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The module path of a file: `src/app/nav.rs` is `app::nav`, `src/app/mod.rs` is `app`,
/// `src/main.rs` is the binary, `main`. `None` for `src/lib.rs`, the root.
fn module_path(src: &Path, file: &Path) -> Option<Vec<String>> {
    let relative = file.strip_prefix(src).ok()?.with_extension("");
    let mut path: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|last| last == "mod") {
        path.pop();
    }
    if path == ["lib"] {
        return None;
    }
    Some(path)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether an attribute's bracketed tokens are `cfg(test)` or a `cfg` naming `test` (such as
/// `cfg(any(test, feature = "testing"))`).
fn is_test_cfg(attribute: &TokenStream) -> bool {
    let mut tokens = attribute.clone().into_iter();
    let Some(TokenTree::Ident(name)) = tokens.next() else {
        return false;
    };
    let Some(TokenTree::Group(args)) = tokens.next() else {
        return false;
    };
    // `not(test)` is code for everything but tests.
    fn names_test(stream: TokenStream) -> bool {
        let mut negated = false;
        stream.into_iter().any(|t| match t {
            TokenTree::Ident(i) => {
                negated = i == "not";
                i == "test"
            }
            TokenTree::Group(g) => !std::mem::take(&mut negated) && names_test(g.stream()),
            _ => false,
        })
    }
    name == "cfg" && names_test(args.stream())
}

fn is_punct(token: Option<&TokenTree>, c: char) -> bool {
    matches!(token, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `tokens[i..]` starts with `::`.
fn is_path_separator(tokens: &[TokenTree], i: usize) -> bool {
    is_punct(tokens.get(i), ':') && is_punct(tokens.get(i + 1), ':')
}

/// The first names of a `use` group's entries: `{a, b::c, self}` names `a` and `b`.
fn group_heads(group: TokenStream) -> Vec<(usize, String)> {
    let mut heads = Vec::new();
    let mut at_start = true;
    for token in group {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => at_start = true,
            TokenTree::Ident(name) if at_start => {
                if name != "self" {
                    heads.push((name.span().start().line, name.to_string()));
                }
                at_start = false;
            }
            _ => at_start = false,
        }
    }
    heads
}

/// The uses of top-level modules in `tokens`, read inside module `module` (whose file, or
/// inline `mod` block, they are in); `test` when they are test code.
fn scan(tokens: &[TokenTree], module: &[String], test: bool, out: &mut Vec<Use>) {
    // An item under `#[cfg(test)]` is test code until it ends: at its `;` or its body.
    let mut test_item = false;
    let mut i = 0;
    while i < tokens.len() {
        let here = test || test_item;
        let mut ends_item = false;
        match &tokens[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                let inner = is_punct(tokens.get(i + 1), '!');
                let at = if inner { i + 2 } else { i + 1 };
                if let Some(TokenTree::Group(g)) = tokens.get(at) {
                    if g.delimiter() == Delimiter::Bracket && is_test_cfg(&g.stream()) {
                        if inner {
                            // `#![cfg(test)]`: the whole of this module is test code.
                            let rest: Vec<TokenTree> = tokens[at + 1..].to_vec();
                            scan(&rest, module, true, out);
                            return;
                        }
                        test_item = true;
                    }
                    i = at + 1;
                    continue;
                }
            }
            TokenTree::Punct(p) if p.as_char() == ';' => ends_item = true,
            TokenTree::Ident(word) if word == "mod" => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(body))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    let mut inner = module.to_vec();
                    inner.push(name.to_string());
                    let body: Vec<TokenTree> = body.stream().into_iter().collect();
                    scan(&body, &inner, here, out);
                    i += 3;
                    test_item = false;
                    continue;
                }
            }
            // `$crate` in a macro is the crate that defines the macro: not a use here.
            TokenTree::Ident(word)
                if word == "crate"
                    && is_path_separator(tokens, i + 1)
                    && !is_punct(i.checked_sub(1).and_then(|p| tokens.get(p)), '$') =>
            {
                match tokens.get(i + 3) {
                    Some(TokenTree::Ident(name)) => out.push(Use {
                        line: name.span().start().line,
                        target: name.to_string(),
                        test: here,
                    }),
                    Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => out.extend(
                        group_heads(g.stream())
                            .into_iter()
                            .map(|(line, target)| Use {
                                line,
                                target,
                                test: here,
                            }),
                    ),
                    _ => {}
                }
                i += 3;
                continue;
            }
            TokenTree::Ident(word)
                if word == "super"
                    && is_path_separator(tokens, i + 1)
                    && !(i >= 2 && is_path_separator(tokens, i - 2)) =>
            {
                // `super::super::x`: climb once per `super`; reaching the root names a
                // top-level module, as `crate::x` does.
                let mut depth = module.len();
                let mut at = i;
                while matches!(tokens.get(at), Some(TokenTree::Ident(w)) if w == "super")
                    && is_path_separator(tokens, at + 1)
                {
                    depth = depth.saturating_sub(1);
                    at += 3;
                }
                let target = match (depth, tokens.get(at)) {
                    (0, Some(TokenTree::Ident(name))) => Some(name.to_string()),
                    (0, _) => None,
                    _ => Some(module[0].clone()),
                };
                if let Some(target) = target {
                    out.push(Use {
                        line: word.span().start().line,
                        target,
                        test: here,
                    });
                }
                i = at;
                continue;
            }
            TokenTree::Group(g) => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                scan(&inner, module, here, out);
                ends_item = g.delimiter() == Delimiter::Brace;
            }
            _ => {}
        }
        if ends_item {
            test_item = false;
        }
        i += 1;
    }
}

/// The uses of other modules in a file's text, read as module `module`.
fn uses(text: &str, module: &[String], test: bool) -> Vec<Use> {
    let tokens: Vec<TokenTree> = TokenStream::from_str(text)
        .unwrap_or_else(|e| panic!("{module:?} does not lex: {e}"))
        .into_iter()
        .collect();
    let mut out = Vec::new();
    scan(&tokens, module, test, &mut out);
    out
}

/// Every use in `uses` of a module above `module`'s layer, as a message.
fn violations(file: &str, module: &str, uses: &[Use]) -> Vec<String> {
    let Some(from) = layer_of(module) else {
        return vec![format!(
            "{file}: module `{module}` is in no layer of the table"
        )];
    };
    let mut out = Vec::new();
    for u in uses {
        if u.target == module || (u.test && TEST_FIXTURES.contains(&u.target.as_str())) {
            continue;
        }
        match layer_of(&u.target) {
            None => out.push(format!(
                "{file}:{}: uses `{}`, which is in no layer of the table",
                u.line, u.target
            )),
            Some(to) if to > from => out.push(format!(
                "{file}:{}: `{module}` ({}) uses `{}` ({}), a higher layer",
                u.line, LAYERS[from].0, u.target, LAYERS[to].0
            )),
            Some(_) => {}
        }
    }
    out
}

#[test]
fn no_module_uses_a_higher_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // Parents before children, so that a `#[cfg(test)] mod tests;` is known before its file.
    let mut modules: Vec<(Vec<String>, PathBuf)> = files
        .into_iter()
        .filter_map(|f| module_path(&src, &f).map(|m| (m, f)))
        .collect();
    modules.sort_by_key(|(m, _)| m.len());
    let mut test_modules: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (module, file) in &modules {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        let test = (1..=module.len()).any(|n| test_modules.contains(&module[..n]));
        test_modules.extend(test_submodules(&text, module));
        seen.insert(module[0].clone());
        problems.extend(violations(&name, &module[0], &uses(&text, module, test)));
    }
    for (_, layer) in LAYERS {
        for module in *layer {
            if !seen.contains(*module) && !ARRIVING.contains(module) {
                problems.push(format!(
                    "`{module}` is in the table but not in src/: take it out of the table"
                ));
            }
        }
    }
    let named: Vec<&str> = LAYERS.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    let unique: BTreeSet<&str> = named.iter().copied().collect();
    assert_eq!(named.len(), unique.len(), "a module is in two layers");
    assert!(
        problems.is_empty(),
        "modules out of their layers (see the table in tests/layers.rs):\n{}",
        problems.join("\n")
    );
}

/// The submodules of `module` declared as `#[cfg(test)] mod name;` in its file.
fn test_submodules(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let tokens: Vec<TokenTree> = TokenStream::from_str(text)
        .map(|t| t.into_iter().collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let TokenTree::Group(g) = token else {
            continue;
        };
        if !(g.delimiter() == Delimiter::Bracket && is_test_cfg(&g.stream())) {
            continue;
        }
        // `# [cfg(test)] mod name ;`, perhaps with `pub` or more attributes between.
        let mut at = i + 1;
        while let Some(TokenTree::Punct(_) | TokenTree::Group(_)) = tokens.get(at) {
            at += 1;
        }
        if matches!(tokens.get(at), Some(TokenTree::Ident(w)) if w == "pub") {
            at += 1;
        }
        if let (Some(TokenTree::Ident(m)), Some(TokenTree::Ident(name))) =
            (tokens.get(at), tokens.get(at + 1))
        {
            if m == "mod" && is_punct(tokens.get(at + 2), ';') {
                let mut path = module.to_vec();
                path.push(name.to_string());
                out.push(path);
            }
        }
    }
    out
}

/// The checker itself: it must see uses in groups, in macros and through `super`, tell test
/// code, and report a use of a higher layer.
#[test]
fn the_check_finds_every_kind_of_use() {
    let module = vec!["model".to_string()];
    let text = r#"
        //! A module that says crate::ui in a comment, which is no use.
        use crate::{date, timeline::Timeline, self as me};
        use super::problem;
        fn f() -> String { format!("{}", crate::app::thing()) }
        macro_rules! m { () => { $crate::tui::x() } }
        const S: &str = "crate::commands";
        #[cfg(test)]
        fn helper() { crate::sample::timeline(); }
        fn later() { crate::load::x(); }
        #[cfg(test)]
        mod tests {
            use super::*;
            use crate::ui::draw;
        }
    "#;
    let found = uses(text, &module, false);
    let names: Vec<(&str, bool)> = found.iter().map(|u| (u.target.as_str(), u.test)).collect();
    assert_eq!(
        names,
        [
            ("date", false),
            ("timeline", false),
            ("problem", false),
            ("app", false),
            ("sample", true),
            ("load", false),
            ("model", true),
            ("ui", true),
        ]
    );
    let problems = violations("src/model.rs", "model", &found);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(
        problems[0].starts_with("src/model.rs:3: `model`"),
        "{problems:#?}"
    );
    assert!(problems.iter().all(|p| !p.contains("`sample`")));
    assert!(problems.iter().any(|p| p.contains("uses `ui`")));
    assert_eq!(
        test_submodules(
            "#[cfg(test)]\nmod tests;\nmod other;\n#[cfg(not(test))]\nmod real;",
            &module
        ),
        [vec!["model".to_string(), "tests".to_string()]]
    );
}
