//! The folders are layers, and imports run one way. The README's architecture table names, for
//! every folder under `src/`, the folders it may use; this test reads that table and every
//! `crate::` path in the sources, and fails on any path against it. A new folder must be added to
//! the table before its code can use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files that stand outside the layers: the crate root declares the modules and the binary
/// calls the CLI.
const OUTSIDE_LAYERS: [&str; 2] = ["lib.rs", "main.rs"];

/// Folder (or top-level file stem) -> the folders it may use, from the README's table.
type Layers = BTreeMap<String, BTreeSet<String>>;

/// Reads the table under "## Architecture": rows `| `src/x` | job | `y`, `z` |`, the last cell
/// listing the folders `x` may use (`-` for none).
fn layers_from_readme(readme: &str) -> Layers {
    let section = readme.split("\n## Architecture").nth(1).expect("README has an `## Architecture` section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut layers = Layers::new();
    for line in section.lines().filter(|l| l.starts_with("| `src/")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        assert!(cells.len() >= 3, "README architecture row without a `may use` cell: {line}");
        let folder = module_name(backticked(cells[0]).first().expect("a folder in the first cell"));
        let uses = backticked(cells[cells.len() - 1]).iter().map(|u| module_name(u)).collect();
        assert!(layers.insert(folder.clone(), uses).is_none(), "README names `{folder}` twice");
    }
    assert!(!layers.is_empty(), "no `| `src/...` |` rows under the README's architecture section");
    layers
}

fn backticked(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// `src/nn` -> `nn`, `src/program.rs` -> `program`, `train` -> `train`.
fn module_name(path: &str) -> String {
    let p = path.trim_start_matches("src/").trim_end_matches('/');
    p.split('/').next().unwrap_or(p).trim_end_matches(".rs").to_string()
}

/// The top-level module a source file belongs to (its path relative to `src/`).
fn module_of(relative: &Path) -> String {
    module_name(&relative.to_string_lossy())
}

/// Every top-level module named by a `crate::` path in `code`, with its line number. Comments are
/// skipped; grouped imports (`use crate::{a, b::c}`) name each group member.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = vec![];
    let stripped: Vec<String> = code.lines().map(|l| l.split("//").next().unwrap_or("").to_string()).collect();
    let text = stripped.join("\n");
    let mut at = 0;
    while let Some(i) = text[at..].find("crate::") {
        let start = at + i;
        at = start + "crate::".len();
        let preceded = text[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
        if preceded {
            continue; // e.g. `bamboo_crate::`: not ours
        }
        let line = text[..start].matches('\n').count() + 1;
        let rest = &text[at..];
        if let Some(group) = rest.strip_prefix('{') {
            for name in group_members(group) {
                found.push((line, name));
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.push((line, name));
            }
        }
    }
    found
}

/// The first path segment of each member of a `{...}` group (the text after the `{`).
fn group_members(group: &str) -> Vec<String> {
    let (mut depth, mut members, mut current) = (0usize, vec![], String::new());
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => members.push(std::mem::take(&mut current)),
            _ if depth == 0 => current.push(c),
            _ => {}
        }
    }
    members.push(current);
    members
        .iter()
        .filter_map(|m| {
            let first: String = m.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            (!first.is_empty() && first != "self").then_some(first)
        })
        .collect()
}

/// `file:line uses crate::x: `m` may use ...` for every path against the table.
fn violations(layers: &Layers, module: &str, file: &str, code: &str) -> Vec<String> {
    let Some(allowed) = layers.get(module) else {
        return vec![format!("{file}: module `{module}` is not in the README's architecture table")];
    };
    crate_paths(code)
        .into_iter()
        .filter(|(_, used)| used != module && !allowed.contains(used))
        .map(|(line, used)| {
            let may: Vec<&str> = allowed.iter().map(String::as_str).collect();
            let may = if may.is_empty() { "nothing else".to_string() } else { may.join(", ") };
            format!("{file}:{line} uses crate::{used}, but `{module}` may use only {may}")
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn readme_layers() -> Layers {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README.md");
    layers_from_readme(&readme)
}

#[test]
fn imports_follow_the_readme_architecture_table() {
    let layers = readme_layers();
    let src = Path::new(ROOT).join("src");
    let mut files = vec![];
    rust_files(&src, &mut files);
    files.sort();
    let mut bad = vec![];
    let mut seen = BTreeSet::new();
    for path in &files {
        let relative = path.strip_prefix(&src).expect("under src");
        if OUTSIDE_LAYERS.contains(&relative.to_string_lossy().as_ref()) {
            continue;
        }
        let module = module_of(relative);
        seen.insert(module.clone());
        let code = std::fs::read_to_string(path).expect("source file");
        bad.extend(violations(&layers, &module, &format!("src/{}", relative.display()), &code));
    }
    for listed in layers.keys().filter(|m| !seen.contains(*m)) {
        bad.push(format!("README's architecture table names `{listed}`, which src/ does not have"));
    }
    for (module, uses) in &layers {
        for u in uses.iter().filter(|u| !layers.contains_key(*u)) {
            bad.push(format!("README: `{module}` may use `{u}`, which the table does not list"));
        }
    }
    assert!(bad.is_empty(), "{} import(s) against the architecture:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_table_has_no_cycle() {
    // Imports one way means the "may use" relation orders the folders: no folder reaches itself.
    let layers = readme_layers();
    fn visit(m: &str, layers: &Layers, path: &mut Vec<String>, done: &mut BTreeSet<String>) {
        if done.contains(m) {
            return;
        }
        assert!(!path.iter().any(|p| p == m), "the architecture table has a cycle: {} -> {m}", path.join(" -> "));
        path.push(m.to_string());
        for u in layers.get(m).into_iter().flatten() {
            visit(u, layers, path, done);
        }
        path.pop();
        done.insert(m.to_string());
    }
    let mut done = BTreeSet::new();
    for m in layers.keys() {
        visit(m, &layers, &mut vec![], &mut done);
    }
}

#[test]
fn a_forbidden_import_is_caught() {
    // The checker itself, on code written to break the rules: the runtime reaching up into the
    // tracer, a grouped import into the CLI, and an inline path; comments do not count.
    let layers = readme_layers();
    let code = "use crate::runtime::Client;\n\
                use crate::{graph::Tensor, cli::run};\n\
                // use crate::train::Trainer;\n\
                fn f() { crate::train::run::plan(); }\n";
    let found = violations(&layers, "runtime", "src/runtime/x.rs", code);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].starts_with("src/runtime/x.rs:2 uses crate::graph"), "{found:#?}");
    assert!(found[1].starts_with("src/runtime/x.rs:2 uses crate::cli"), "{found:#?}");
    assert!(found[2].starts_with("src/runtime/x.rs:4 uses crate::train"), "{found:#?}");
    assert!(violations(&layers, "cli", "src/cli/x.rs", "use crate::train::Trainer;\n").is_empty());
}
