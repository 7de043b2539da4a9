//! GLUE: the eight tasks' official TSV layouts on small hand-written files, errors that name the
//! file, line and column, the metrics against hand-computed values, and the committed SST-2-format
//! sample.

use std::path::PathBuf;

use bamboo::data::text::glue::{load, GlueExample, Label, Metric, Task};
use bamboo::data::text::metrics::{accuracy, f1, matthews, pearson, ranks, spearman};
use bamboo::data::ErrorKind;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-data-glue-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write_load(task: Task, name: &str, text: &str) -> Vec<GlueExample> {
    let d = tmp(&format!("{}-{}", task.name(), name));
    let p = d.join(name);
    std::fs::write(&p, text).unwrap();
    load(task, &p).unwrap()
}

fn texts(ex: &[GlueExample]) -> Vec<(String, Option<String>, Option<Label>)> {
    ex.iter().map(|e| (e.text_a.clone(), e.text_b.clone(), e.label.clone())).collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn cola_train_has_no_header_and_test_has_one() {
    let ex = write_load(Task::Cola, "dev.tsv", "gj04\t1\t\tThe sailors rode the breeze clear of the rocks.\nclc95\t0\t*\tThe more we study verbs, the crazier they get \"quoted\".\n");
    assert_eq!(
        texts(&ex),
        vec![
            (s("The sailors rode the breeze clear of the rocks."), None, Some(Label::Class(1))),
            (s("The more we study verbs, the crazier they get \"quoted\"."), None, Some(Label::Class(0))),
        ]
    );
    let ex = write_load(Task::Cola, "test.tsv", "index\tsentence\n0\tBill whistled past the house.\n1\tHe left.\n");
    assert_eq!(ex.len(), 2);
    assert_eq!((ex[1].id.as_str(), ex[1].text_a.as_str(), &ex[1].label), ("1", "He left.", &None));
}

#[test]
fn single_sentence_and_pair_layouts() {
    let ex = write_load(Task::Sst2, "train.tsv", "sentence\tlabel\nhide new secretions from the parental units \t0\ncontains no wit , only labored gags \t0\nthat loves its characters \t1\n");
    assert_eq!(ex.iter().map(|e| e.label.clone().unwrap()).collect::<Vec<_>>(), [Label::Class(0), Label::Class(0), Label::Class(1)]);
    assert_eq!(ex[2].text_a, "that loves its characters ");

    let ex = write_load(Task::Mrpc, "train.tsv", "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t702876\t702977\tAmrozi accused his brother.\tReferring to him, Amrozi accused his brother.\n0\t2108705\t2108831\tYucaipa owned Dominick's.\tYucaipa bought Dominick's in 1995.\n");
    assert_eq!(texts(&ex)[1], (s("Yucaipa owned Dominick's."), Some(s("Yucaipa bought Dominick's in 1995.")), Some(Label::Class(0))));

    let ex = write_load(Task::Qqp, "dev.tsv", "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n201359\t303345\t303346\tWhy are African-Americans so beautiful?\tWhy are hispanics so beautiful?\t0\n263843\t69383\t380476\tI want to pursue PhD in Computer Science?\tHow can I do PhD in CS?\t1\n");
    assert_eq!((ex[1].id.as_str(), ex[1].label.clone()), ("263843", Some(Label::Class(1))));
    assert_eq!(ex[0].text_b.as_deref(), Some("Why are hispanics so beautiful?"));

    let ex = write_load(Task::Stsb, "dev.tsv", "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n0\tmain-captions\tMSRvid\t2012test\t0000\tnone\tnone\tA man with a hard hat is dancing.\tA man wearing a hard hat is dancing.\t5.000\n1\tmain-captions\tMSRvid\t2012test\t0002\tnone\tnone\tA young child is riding a horse.\tA child is riding a horse.\t4.750\n");
    assert_eq!(texts(&ex)[1], (s("A young child is riding a horse."), Some(s("A child is riding a horse.")), Some(Label::Score(4.75))));

    let mnli_head = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label\n";
    let ex = write_load(Task::Mnli, "dev_matched.tsv", &format!("{}0\t63735\t63735n\tslate\t( ( The new ) rights )\t( Everyone ( really likes ) )\t(ROOT (S))\t(ROOT (S))\tThe new rights are nice enough\tEveryone really likes the newest benefits \tneutral\tentailment\tneutral\tneutral\tneutral\tneutral\n1\t91383\t91383c\tgovernment\t( a )\t( b )\t(ROOT)\t(ROOT)\tThis site includes a list.\tThe Government Executive articles are not listed.\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\tcontradiction\n", mnli_head));
    assert_eq!(
        texts(&ex),
        vec![
            (s("The new rights are nice enough"), Some(s("Everyone really likes the newest benefits ")), Some(Label::Class(2))),
            (s("This site includes a list."), Some(s("The Government Executive articles are not listed.")), Some(Label::Class(0))),
        ]
    );
    let ex = write_load(Task::Mnli, "test_mismatched.tsv", "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\n0\t1\t1n\tletters\t( a )\t( b )\t(ROOT)\t(ROOT)\tHello there.\tHi.\n");
    assert_eq!(texts(&ex), vec![(s("Hello there."), Some(s("Hi.")), None)]);

    let ex = write_load(Task::Qnli, "dev.tsv", "index\tquestion\tsentence\tlabel\n0\tWhat came into force after the new constitution was herald?\tAs of that day, the new constitution heralding the Second Republic came into force.\tentailment\n1\tWhat is the first major city in the stream of the Rhine?\tThe most important tributaries in this area are the Ill below of Strasbourg.\tnot_entailment\n");
    assert_eq!(ex.iter().map(|e| e.label.clone().unwrap()).collect::<Vec<_>>(), [Label::Class(0), Label::Class(1)]);

    let ex = write_load(Task::Rte, "train.tsv", "index\tsentence1\tsentence2\tlabel\n0\tNo Weapons of Mass Destruction Found in Iraq Yet.\tWeapons of Mass Destruction Found in Iraq.\tnot_entailment\n");
    assert_eq!(
        texts(&ex),
        vec![(
            s("No Weapons of Mass Destruction Found in Iraq Yet."),
            Some(s("Weapons of Mass Destruction Found in Iraq.")),
            Some(Label::Class(1))
        )]
    );
    assert_eq!(Task::ALL.iter().filter(|t| t.is_pair()).count(), 6);
    assert_eq!(Task::parse("sts-b"), Some(Task::Stsb));
    assert_eq!(Task::parse("SST2"), Some(Task::Sst2));
    assert_eq!(
        (Task::Cola.metric(), Task::Qqp.metric(), Task::Stsb.metric()),
        (Metric::Matthews, Metric::AccuracyF1, Metric::PearsonSpearman)
    );
}

#[test]
fn errors_name_file_line_and_column() {
    let d = tmp("errors");
    let cases: [(Task, &str, &str, &[&str]); 5] = [
        (Task::Rte, "rte.tsv", "index\tsentence1\tsentence2\tlabel\n0\ta\tb\tentailment\n1\ta\tb\tmaybe\n", &["line 3, column 4", "maybe"]),
        (Task::Qqp, "qqp.tsv", "id\tqid1\tqid2\tquestion1\tquestion2\tis_duplicate\n1\t2\t3\tWhy?\n", &["line 2", "4 fields"]),
        (
            Task::Stsb,
            "sts.tsv",
            "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n0\tg\tf\ty\to\ts\ts\ta\tb\t7.5\n",
            &["line 2, column 10", "[0, 5]"],
        ),
        (Task::Mrpc, "mrpc.tsv", "Quality\t#1 ID\t#2 ID\t#1 String\n", &["line 1", "#2 String"]),
        (Task::Cola, "cola.tsv", "gj04\t1\t\tFine.\ngj04\tyes\t\tNot fine.\n", &["line 2, column 2", "yes"]),
    ];
    for (task, name, text, want) in cases {
        let p = d.join(name);
        std::fs::write(&p, text).unwrap();
        let e = load(task, &p).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Format);
        let msg = e.to_string();
        assert!(msg.contains(name), "{}", msg);
        for w in want {
            assert!(msg.contains(w), "{:?} not in {}", w, msg);
        }
    }
    let p = d.join("latin1.tsv");
    std::fs::write(&p, b"sentence\tlabel\nok\t1\ncaf\xe9\t0\n").unwrap();
    let msg = load(Task::Sst2, &p).unwrap_err().to_string();
    assert!(msg.contains("latin1.tsv") && msg.contains("line 3") && msg.contains("UTF-8"), "{}", msg);
}

#[test]
fn metrics_against_hand_computed_values() {
    // tp 3, fp 1, fn 2, tn 4.
    let gold = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    let pred = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    assert!((accuracy(&pred, &gold) - 0.7).abs() < 1e-12);
    assert!((f1(&pred, &gold) - 6.0 / 9.0).abs() < 1e-12); // 2*3 / (2*3 + 1 + 2)
                                                           // (3*4 - 1*2) / sqrt(4 * 5 * 5 * 6) = 10 / sqrt(600)
    assert!((matthews(&pred, &gold) - 10.0 / 600f64.sqrt()).abs() < 1e-12);
    assert_eq!(matthews(&[1, 1, 1], &[1, 0, 1]), 0.0); // a constant prediction
    assert_eq!(f1(&[0, 0], &[1, 1]), 0.0);
    assert!((matthews(&gold, &gold) - 1.0).abs() < 1e-12);
    assert!((accuracy(&[2, 0, 1, 1], &[2, 1, 1, 0]) - 0.5).abs() < 1e-12);

    let x = [1.0, 2.0, 3.0, 4.0, 5.0];
    let y = [2.0, 1.0, 4.0, 3.0, 5.0];
    // Pearson: cov 8/5... sums: dx = [-2,-1,0,1,2], dy = [-1,-2,1,0,2]: sxy = 2+2+0+0+4 = 8, sxx = syy = 10.
    assert!((pearson(&x, &y) - 0.8).abs() < 1e-12);
    assert!((spearman(&x, &y) - 0.8).abs() < 1e-12);
    // Ties share the mean rank: [10, 20, 20, 30] -> [1, 2.5, 2.5, 4].
    assert_eq!(ranks(&[10.0, 20.0, 20.0, 30.0]), vec![1.0, 2.5, 2.5, 4.0]);
    assert_eq!(ranks(&[3.0, 1.0, 3.0, 3.0]), vec![3.0, 1.0, 3.0, 3.0]);
    // Spearman with ties: ranks a = [1, 2.5, 2.5, 4], b = [1, 2, 3, 4]; pearson of those:
    // da = [-1.5, 0, 0, 1.5], db = [-1.5, -0.5, 0.5, 1.5]: sab = 4.5, saa = 4.5, sbb = 5 -> 4.5 / sqrt(22.5).
    assert!((spearman(&[10.0, 20.0, 20.0, 30.0], &[1.0, 2.0, 3.0, 4.0]) - 4.5 / 22.5f64.sqrt()).abs() < 1e-12);
    // Spearman sees a monotone but non-linear relation as perfect; Pearson does not.
    let z = [1.0, 8.0, 27.0, 64.0, 125.0];
    assert!((spearman(&x, &z) - 1.0).abs() < 1e-12 && pearson(&x, &z) < 0.99);
    assert!(pearson(&[1.0, 1.0], &[1.0, 2.0]).is_nan());
}

#[test]
fn sst2_sample_from_rotten_tomatoes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("datasets/sst2-rt");
    let train = load(Task::Sst2, &root.join("train.tsv")).unwrap();
    let dev = load(Task::Sst2, &root.join("dev.tsv")).unwrap();
    assert_eq!((train.len(), dev.len()), (1600, 400));
    for set in [&train, &dev] {
        let pos = set.iter().filter(|e| e.label == Some(Label::Class(1))).count();
        assert!(pos > set.len() / 4 && pos < set.len() * 9 / 10, "{} of {} fresh", pos, set.len());
        assert!(set.iter().all(|e| !e.text_a.trim().is_empty() && e.text_b.is_none()));
    }
    // No sentence is in both splits.
    let t: std::collections::HashSet<&str> = train.iter().map(|e| e.text_a.as_str()).collect();
    assert!(dev.iter().all(|e| !t.contains(e.text_a.as_str())));
}
