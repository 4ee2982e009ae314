package brief

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// realEvalFloors are the least each kind (and "overall") must score on
// testdata/real.yaml over ../shared/corpus-real plus the bundled notes, in
// extractive mode: set a little below the figures measured when they were
// written, so a regression fails. Raise them as search and answers improve.
// A zero floor is not checked; maxFalseAbstain is a ceiling.
var realEvalFloors = map[EvalKind]realFloor{
	// Measured 2026-12-02 (second session) with the answer slot: a question
	// asking for a count, an amount, a date or a name abstains unless a
	// top sentence holds that kind of value with the asked thing ("how many
	// women": a number counting women) and the question's rarest other
	// concept; sentences holding it gain in extraction. recall@5 0.88, MRR
	// 0.61, key fact 0.63 (was 0.57), cited 0.88 (0.83), as of 0.82 (0.73),
	// unanswerable abstention 0.92 (0.00), false abstentions 0.03 (0.04).
	// Then record lines that hold prose read sentence by sentence, and
	// newness weighing 1.5 for a question about the present ("recently"
	// is one): recall@5 0.91 (time-sensitive 0.82 -> 0.91, cross-document
	// 0.60 -> 0.70), key fact 0.65, cited 0.89.
	// 2026-12-03: a person asked for by role needs a person's name, and a
	// paraphrase that opens with a stop word ("on hold") counts: recall@5
	// 0.93 (why/how 0.90 -> 1.00), key fact 0.71 (why/how 0.70, paraphrase
	// 0.82, cross-lingual 0.67), false abstentions 0.01. Paraphrase cited
	// 0.82: a question that abstained is answered, from a report that
	// holds the figure but is not the one listed.
	// Later the same day: a cause or a place named outright gains, 'how
	// long' is its own type, comparisons split into whole questions, a
	// present question's as-of leaves expectations out: key fact 0.74
	// (why/how 0.80, cross-document 0.50), cited 0.93, as of 0.91.
	// Second session of 2026-12-03: the present's words leave the query
	// (time-sensitive recall 0.91 -> 1.00), a date must be of the thing
	// asked, an amount of the one who pays: unanswerable 0.85 -> 1.00;
	// key fact 0.74 -> 0.85 (why/how 0.90, time 0.91, cross-document
	// 0.70, cross-lingual 0.87).
	// 2026-12-04 (later): newness reaches the newest strong report past
	// the strongest five, 'next' asks about the present, and a word meets
	// its cognate in the other language: time-sensitive MRR 0.68 -> 0.86,
	// cross-lingual 0.64 -> 0.69, overall 0.72 -> 0.76.
	KindFact:          {recall: 0.95, mrr: 0.8, fact: 0.85, cited: 0.85, maxFalseAbstain: 0.1},
	KindWhyHow:        {recall: 0.95, mrr: 0.75, fact: 0.85, cited: 0.9, maxFalseAbstain: 0.05},
	KindTimeSensitive: {recall: 0.95, mrr: 0.8, fact: 0.85, cited: 0.85, maxFalseAbstain: 0.05, asOf: 0.85},
	// 2026-12-04: '%' reads as "percent", a size asks for a count, the
	// parts of a comparison borrow what they leave to the other, and a
	// part's passages naming another body than its own go last:
	// cross-document recall 0.70 -> 0.90, MRR 0.29 -> 0.39.
	KindCrossDocument: {recall: 0.85, mrr: 0.3, fact: 0.65, cited: 0.9, maxFalseAbstain: 0.05},
	KindParaphrase:    {recall: 0.85, mrr: 0.65, fact: 0.75, cited: 0.8, maxFalseAbstain: 0.1},
	KindCrossLingual:  {recall: 0.95, mrr: 0.65, fact: 0.8, cited: 0.8, maxFalseAbstain: 0.1},
	KindUnanswerable:  {abstain: 0.95},
	KindOffTopic:      {abstain: 0.95},
	"overall":         {recall: 0.92, mrr: 0.78, fact: 0.87, cited: 0.92, abstain: 0.95, maxFalseAbstain: 0.02, asOf: 0.85}, // MRR 0.78 -> 0.79 with h-rank3
}

type realFloor struct {
	recall, mrr, fact, cited, abstain, asOf float64
	maxFalseAbstain                         float64 // 0: not checked
}

// realCorpusDir finds ../shared/corpus-real beside the repository: the
// parent of the directory holding go.mod.
func realCorpusDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "corpus-real")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func TestEvalRealCorpus(t *testing.T) {
	t.Parallel()
	rep := runRealEval(t, "testdata/real.yaml")
	for _, kind := range EvalKinds {
		s, ok := rep.Kind(kind)
		if !ok || s.Questions < 8 {
			t.Errorf("kind %s: %d questions, want at least 8", kind, s.Questions)
		}
	}
	if s, _ := rep.Kind(KindUnanswerable); s.Questions < 12 {
		t.Errorf("%d unanswerable on-topic questions, want at least 12", s.Questions)
	}
	checkRealFloors(t, rep, realEvalFloors)
}

// realHoldoutFloors hold testdata/real_holdout.yaml, questions written after
// the answer slot was tuned on real.yaml and not tuned on since: measured
// 2026-12-02 at unanswerable abstention 0.75 (9 of 12; 0.08 before the
// answer slot), key fact 0.71, and no fact question abstained on; key fact
// 0.86 once "who" preferred a person's name.
var realHoldoutFloors = map[EvalKind]realFloor{
	KindFact:         {recall: 0.95, fact: 0.95, cited: 0.95, maxFalseAbstain: 0.01}, // key fact 1.00 since a title may lend a count its relation
	KindUnanswerable: {abstain: 0.9},                                                 // 0.92 once the gate weighs words by the whole corpus (2026-12-03)
}

// realFreshFloors hold real_fresh.yaml. Its first run (03fd4d7) gave key
// fact 0.50, false abstentions 0.25, unanswerable abstention 0.50,
// off-topic 0.50, as of 0.60: the questions of a reader who had not seen
// the code. The fixes its failures suggested (off-topic gate, corpus
// weights for the gate, 'how long', 'which town', 'how much money', cause
// and place cues) brought recall@5 0.97, key fact 0.72, false abstentions
// 0.09, unanswerable 0.83, off-topic 1.00, as of 0.80; so it has been
// tuned on since, and real_fresh2.yaml is the untouched one.
var realFreshFloors = map[EvalKind]realFloor{
	KindUnanswerable: {abstain: 0.75},
	KindOffTopic:     {abstain: 0.95},
	// MRR 0.84 -> 0.86 with h-wordnet (WordNet synonyms of rare words).
	"overall": {recall: 0.95, mrr: 0.86, fact: 0.91, cited: 0.95, maxFalseAbstain: 0.02, asOf: 0.75}, // key fact 0.88 after the second session; MRR 0.86 -> 0.87 with h-rank3
}

// realEvalSearch makes what runRealEval asks through from the store the
// corpus went into (dense search beside it, say).
type realEvalSearch func(t *testing.T, st *corpus.Store) Searcher

// runRealEval asks an eval file's questions over ../shared/corpus-real plus
// the bundled notes, extractively, through the store or, when given,
// through what search makes of it, and logs the table and the failures. It
// skips when the real corpus is absent.
func runRealEval(t *testing.T, file string, search ...realEvalSearch) EvalReport {
	t.Helper()
	if len(search) == 0 {
		// The lexical report of a file is asked for twice (its own test
		// and the hybrid comparison): computed once.
		realReports.Lock()
		e, ok := realReports.byFile[file]
		if !ok {
			e = &realReport{}
			realReports.byFile[file] = e
		}
		realReports.Unlock()
		e.once.Do(func() { e.rep = runRealEvalOnce(t, file, nil) })
		if e.rep.Overall.Questions == 0 {
			t.Skip("the eval did not run: see the test that ran it first")
		}
		return e.rep
	}
	return runRealEvalOnce(t, file, nil, search...)
}

// realReports memoises runRealEval's lexical reports by question file.
var realReports = struct {
	sync.Mutex
	byFile map[string]*realReport
}{byFile: map[string]*realReport{}}

type realReport struct {
	once sync.Once
	rep  EvalReport
}

// runRealEvalOnce is runRealEval, uncached, with each question rewritten
// by edit when it is not nil.
func runRealEvalOnce(t *testing.T, file string, edit func(string) string, search ...realEvalSearch) EvalReport {
	t.Helper()
	if testing.Short() {
		t.Skip("ingests the real corpus and asks its questions")
	}
	dir := realCorpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "[0-9]*.md"))
	if len(files) == 0 {
		t.Skip("no real corpus at " + dir)
	}
	f, err := LoadEval(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.Questions {
		if edit != nil {
			f.Questions[i].Question = edit(f.Questions[i].Question)
		}
	}
	ctx := context.Background()
	st := openRealStore(t, files)
	cfg := testAnswererConfig()
	// After the newest article, as a reader would ask.
	cfg.Now = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC) }
	var through Searcher = st
	for _, s := range search {
		through = s(t, st)
	}
	a, err := New(through, nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Evaluate(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	rep.WriteTable(&table)
	t.Logf("%s, extractive, %d documents:\n%s", file, len(files), table.String())
	for _, fl := range rep.Failures {
		t.Logf("failure [%s] %s %q: expected %s; got %s", fl.Kind, fl.What, fl.Question, fl.Expected, clip(fl.Got, 120))
	}
	if len(rep.Results) != len(f.Questions) || rep.Overall.Questions != len(f.Questions) {
		t.Fatalf("%d results for %d questions", len(rep.Results), len(f.Questions))
	}
	return rep
}

// realStore is the store of the real corpus plus the bundled notes, built
// once per test binary and copied for each eval that asks over it:
// ingesting it again for each question file was most of these tests' time.
var realStore struct {
	once sync.Once
	dir  string // holds brief.db
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if realStore.dir != "" {
		os.RemoveAll(realStore.dir)
	}
	os.Exit(code)
}

// openRealStore opens a copy of the real corpus's store, building it the
// first time from files.
func openRealStore(t *testing.T, files []string) *corpus.Store {
	t.Helper()
	ctx := context.Background()
	realStore.once.Do(func() {
		realStore.dir, realStore.err = os.MkdirTemp("", "brief-real-")
		if realStore.err != nil {
			return
		}
		st, err := corpus.Open(ctx, filepath.Join(realStore.dir, "brief.db"), corpus.WithAnalyzer(lexicon.New(config.Default().Topic.Aliases)))
		if err != nil {
			realStore.err = err
			return
		}
		defer st.Close()
		if _, err := st.LoadBundled(ctx); err != nil {
			realStore.err = err
			return
		}
		for _, r := range corpus.NewIngester(st, corpus.IngestOptions{}).Ingest(ctx, files) {
			if r.Err != nil {
				realStore.err = fmt.Errorf("ingest %s: %w", r.Input, r.Err)
				return
			}
		}
	})
	if realStore.err != nil {
		t.Fatal(realStore.err)
	}
	path := filepath.Join(t.TempDir(), "brief.db")
	for _, suffix := range []string{"", "-wal"} { // a log the close did not fold in goes too
		b, err := os.ReadFile(filepath.Join(realStore.dir, "brief.db"+suffix))
		if errors.Is(err, fs.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	st, err := corpus.Open(ctx, path, corpus.WithAnalyzer(lexicon.New(config.Default().Topic.Aliases)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// checkRealFloors fails the test for each figure below its floor.
func checkRealFloors(t *testing.T, rep EvalReport, floors map[EvalKind]realFloor) {
	t.Helper()
	for kind, fl := range floors {
		s := rep.Overall
		if kind != "overall" {
			s, _ = rep.Kind(kind)
		}
		check := func(name string, got, floor float64, denom int) {
			if floor > 0 && denom > 0 && got < floor {
				t.Errorf("%s %s = %.2f, floor %.2f", kind, name, got, floor)
			}
		}
		check("recall@k", s.RecallAtK, fl.recall, s.Answerable)
		check("MRR", s.MRR, fl.mrr, s.Answerable)
		check("key fact", s.FactRate, fl.fact, s.WithFacts)
		check("cited right doc", s.CitedRate, fl.cited, s.Answered)
		check("abstained when it should", s.AbstainRate, fl.abstain, s.Unanswerable)
		check("as of", s.AsOfRate, fl.asOf, s.Dated)
		if fl.maxFalseAbstain > 0 && s.FalseAbstainRate > fl.maxFalseAbstain {
			t.Errorf("%s false abstention rate = %.2f, ceiling %.2f", kind, s.FalseAbstainRate, fl.maxFalseAbstain)
		}
	}
}

// TestEvalRealAsTypedInChat asks real.yaml's questions as Slack users
// often type them: all in lower case, greeted and signed off, with a slip
// of the keyboard. Names are then told from the passages (recase), the
// greeting and sign-off are left out (withoutPreamble) and the slip is
// respelled (spellFixed). Before those, lower case cost key fact 0.87 ->
// 0.82, unanswerable 1.00 -> 0.85 and 4% false abstentions; "hey, quick
// q: " before it key fact 0.75, as of 0.64; " thx!" after it key fact
// 0.75, as of 0.45, an emoji 0.69; two letters of the longest word
// swapped key fact 0.63, recall 0.84, false abstentions 0.15, as of 0.45;
// in shorthand ("ppl", "govt", "w/", "abt") key fact 0.82 (0.85 with
// spelledOut); months shortened ("Jan 2024") key fact 0.85, 1% false
// abstentions (0.87, 0 written out).
// With them: key fact 0.85, recall 0.94 (0.93 with the slip),
// unanswerable 1.00, false abstentions 0 (0.01 with the slip), as of 0.91
// for all three.
func TestEvalRealAsTypedInChat(t *testing.T) {
	t.Parallel()
	for name, edit := range map[string]func(string) string{
		"lower case":          strings.ToLower,
		"greeted, signed off": func(q string) string { return "hey, quick q: " + strings.ToLower(q) + " :pray: thx!" },
		"with a slip":         func(q string) string { return withSlip(strings.ToLower(q)) },
		"in shorthand":        inShorthand,
		"months shortened":    shortMonths,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := runRealEvalOnce(t, "testdata/real.yaml", edit)
			checkRealFloors(t, rep, map[EvalKind]realFloor{
				KindUnanswerable: {abstain: 0.95},
				"overall":        {recall: 0.9, fact: 0.83, cited: 0.9, maxFalseAbstain: 0.02, asOf: 0.85},
			})
		})
	}
}

// inShorthand writes a question as chat shortens it: "people" "ppl",
// "government" "govt", "with" "w/", "about" "abt", "because" "bc".
func inShorthand(q string) string {
	return strings.NewReplacer(" people", " ppl", " government", " govt", " with ", " w/ ", " about ", " abt ",
		" because ", " bc ", " international", " intl").Replace(strings.ToLower(q))
}

// shortMonths writes the months of a question as chat shortens them
// ("January 2024" -> "Jan 2024", "30 September" -> "30 Sept").
func shortMonths(q string) string {
	return strings.NewReplacer("January", "Jan", "February", "Feb", "April", "Apr", "June", "Jun", "July", "Jul",
		"August", "Aug", "September", "Sept", "October", "Oct", "November", "Nov", "December", "Dec").Replace(q)
}

// withSlip swaps two letters inside the question's longest lower-case
// word of six letters or more ("deployment" -> "depolyment"), at a place
// that depends on the word.
func withSlip(q string) string {
	words := strings.Fields(q)
	at := -1
	for i, w := range words {
		if len(w) >= 6 && strings.ToLower(w) == w && (at < 0 || len(w) > len(words[at])) {
			at = i
		}
	}
	if at < 0 {
		return q
	}
	b := []byte(words[at])
	j := 2 + len(b)%(len(b)-4)
	b[j], b[j+1] = b[j+1], b[j]
	words[at] = string(b)
	return strings.Join(words, " ")
}

// realFresh2Floors hold testdata/real_fresh2.yaml, 40 questions written by a
// helper who saw neither the code nor the other question files. First run
// at 7de6090, before anything was tuned on them: recall@5 0.94, MRR 0.71,
// key fact 0.56 (fact 1.00, why/how 0.60, time 0.80, cross-document 0.40,
// paraphrase 0.20, cross-lingual 0.33), cited 0.90, unanswerable 0.83,
// off-topic 1.00, false abstentions 0.09, as of 1.00.
var realFresh2Floors = map[EvalKind]realFloor{
	KindUnanswerable: {abstain: 0.95},
	KindOffTopic:     {abstain: 0.95},
	// Tuned on since (the second session): key fact 0.78, recall 1.00,
	// cited 1.00, false abstentions 0.03; unanswerable 1.00 from the
	// fourth session.
	"overall": {recall: 0.95, fact: 0.91, cited: 0.95, maxFalseAbstain: 0.02, asOf: 0.9},
}

// realFresh3Floors hold testdata/real_fresh3.yaml, 40 questions written
// blind by a helper on 2026-12-03 (second session) while the answers were
// being tuned on the other files. First run at ac802fd, after that work:
// recall@5 0.84, MRR 0.63, key fact 0.56 (fact 0.67, why/how 1.00, time
// 0.80, cross-document 0.60, paraphrase 0.00, cross-lingual 0.33), cited
// 1.00, unanswerable 0.67, off-topic 1.00, false abstentions 0.19 (all
// five paraphrase questions, slang the corpus never uses), as of 0.80.
var realFresh3Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since that run: key fact 0.84, recall 0.91, unanswerable
	// 1.00, false abstentions 0.03, as of 1.00 (fourth session).
	"overall": {recall: 0.88, fact: 0.82, cited: 0.95, abstain: 0.95, maxFalseAbstain: 0.04, asOf: 0.9},
}

// realFresh4Floors hold testdata/real_fresh4.yaml, 40 questions written
// blind by a helper on 2026-12-03 (second session). First run at f6ced1a,
// before anything was tuned on them: recall@5 0.91, MRR 0.75, key fact 0.62
// (fact 0.83, why/how 0.80, time 1.00, cross-document 0.40, paraphrase
// 0.40, cross-lingual 0.33), cited 0.80, unanswerable 0.33, off-topic 1.00,
// false abstentions 0.06, as of 1.00.
var realFresh4Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since (the third session): key fact 0.72, unanswerable
	// 0.83, false abstentions 0.03, cited 0.87.
	// h-xling3 (scaffold adverbs, French modals): key fact 0.91.
	"overall": {recall: 0.88, fact: 0.89, cited: 0.85, abstain: 0.85, maxFalseAbstain: 0.04, asOf: 0.9},
}

// realFresh6Floors hold testdata/real_fresh6.yaml, 40 questions written
// blind by a helper on 2026-12-03 (third session). First run at de392b3,
// before anything was tuned on them: recall@5 0.91, MRR 0.69, key fact
// 0.56 (fact 0.67, why/how 0.60, time 1.00, cross-document 0.20,
// paraphrase 0.20, cross-lingual 0.67), cited 1.00, unanswerable 0.17,
// off-topic 1.00, false abstentions 0.25 (paraphrase 0.80), as of 0.80.
var realFresh6Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since: key fact 0.72, unanswerable 1.00, false
	// abstentions 0.09 (fourth session).
	// Eighth session (h-para4, h-mrr): key fact 0.91, false abstentions 0.03.
	"overall": {recall: 0.88, fact: 0.88, cited: 0.95, abstain: 0.95, maxFalseAbstain: 0.04, asOf: 0.8},
}

// realFresh5Floors hold testdata/real_fresh5.yaml, 40 questions written
// blind by a helper on 2026-12-03 (third session), run once at the end of
// that session's work (cc3d554), nothing tuned on it: recall@5 0.84, MRR
// 0.62, key fact 0.53 (fact 0.67, why/how 0.80, time 0.60, cross-document
// 0.20, paraphrase 0.00, cross-lingual 0.83), cited 0.81, unanswerable
// 0.67, off-topic 1.00, false abstentions 0.19, as of 0.60. In lower case:
// key fact 0.56; with a slip as well: 0.50.
var realFresh5Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since: key fact 0.78, unanswerable 1.00, false
	// abstentions 0.03, cited 0.94 (fourth session).
	"overall": {recall: 0.8, fact: 0.85, cited: 0.9, abstain: 0.95, maxFalseAbstain: 0.02, asOf: 0.75},
}

// realFresh7Floors hold testdata/real_fresh7.yaml, 40 questions written
// blind by a helper on 2026-12-03 (third session), many in chat style. First
// run at d6fc9d5 (start of the fourth session), nothing tuned on it:
// recall@5 0.88, MRR 0.65, key fact 0.47 (fact 0.33, why/how 0.20, time
// 0.80, cross-document 0.40, paraphrase 0.40, cross-lingual 0.67), cited
// 0.82, unanswerable 0.83, off-topic 1.00, false abstentions 0.31, as of
// 0.80.
var realFresh7Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since (the fourth session): key fact 0.75, unanswerable
	// 1.00, false abstentions 0.03, cited 0.94, as of 1.00. Key fact 0.94 ->
	// 0.97 with h-xling2 (a "start" group: "it'll start bringing its cops
	// home" finds Sing'Oei's "begin drawing down").
	"overall": {recall: 0.88, mrr: 0.8, fact: 0.96, cited: 0.9, abstain: 0.95, maxFalseAbstain: 0.02, asOf: 0.9}, // MRR 0.80 -> 0.81 with h-rank3
}

// realFresh8Floors hold testdata/real_fresh8.yaml, 40 questions written
// blind by a helper on 2026-12-03 (third session), typed as in chat. First
// run at 6bf4b6f, after the fourth session's work, nothing tuned on it:
// recall@5 0.97, MRR 0.72, key fact 0.53 (fact 0.67, why/how 0.20, time
// 0.80, cross-document 0.80, paraphrase 0.20, cross-lingual 0.50), cited
// 0.90, unanswerable 0.50, off-topic 1.00, false abstentions 0.06, as of
// 0.80. The same file at that session's start (d6fc9d5): key fact 0.56,
// unanswerable 0.50, false abstentions 0.03, as of 1.00.
var realFresh8Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since (three fixes, the same session): key fact 0.59,
	// cited 0.94, unanswerable 0.67, false abstentions 0.03, as of 1.00.
	// Eighth session (h-para4): key fact 0.94.
	"overall": {recall: 0.9, mrr: 0.82, fact: 0.91, cited: 0.9, abstain: 0.85, maxFalseAbstain: 0.02, asOf: 0.9}, // MRR 0.82 -> 0.83 with h-rank3
}

// realFresh9Floors hold testdata/real_fresh9.yaml, 40 questions written
// blind by a helper on 2026-12-03, half typed as in chat (its time-sensitive
// questions got as_of from their documents' dates, nothing else changed).
// First run at 5af7300, nothing tuned on it: recall@5 0.94, MRR 0.76, key
// fact 0.69 (fact 0.83, why/how 1.00, time 0.60, cross-document 0.80,
// paraphrase 0.20, cross-lingual 0.67), cited 0.90, unanswerable 0.67,
// off-topic 1.00, false abstentions 0.06, as of 0.80.
var realFresh9Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	"overall":    {recall: 0.9, fact: 0.85, cited: 0.87, abstain: 0.7, maxFalseAbstain: 0.02, asOf: 0.75},
}

// realFresh10Floors hold testdata/real_fresh10.yaml, 40 questions written
// blind by a helper on 2026-12-04 (fifth session), half typed as in chat.
// First run at 865d786, after that session's work, nothing tuned on it:
// recall@5 0.97, MRR 0.84, key fact 0.69 (fact 0.50, why/how 0.80, time
// 0.80, cross-document 0.80, paraphrase 0.20, cross-lingual 1.00), cited
// 0.92, unanswerable 0.33, off-topic 1.00, false abstentions 0.19, as of
// 0.80. The same file at that session's start (06e021b): MRR 0.80, key
// fact 0.62, unanswerable 0.33, false abstentions 0.19, as of 1.00.
var realFresh10Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since (the same session, nine fixes): key fact 0.88,
	// unanswerable 0.67, false abstentions 0, cited 0.97, as of 1.00; after
	// the sixth session: key fact 0.97, unanswerable 0.83, cited 1.00.
	"overall": {recall: 0.95, fact: 0.92, cited: 0.95, abstain: 0.85, maxFalseAbstain: 0.02, asOf: 0.9},
}

// realFresh11Floors hold testdata/real_fresh11.yaml, 40 questions written
// blind by a helper on 2026-12-04 (fifth session), half typed as in chat.
// First run at 5f03363, the sixth session's start, nothing tuned on it:
// recall@5 0.94, MRR 0.89, key fact 0.72 (fact 0.83, why/how 0.80, time
// 1.00, cross-document 0.40, paraphrase 0.40, cross-lingual 0.83), cited
// 0.97, unanswerable 0.83, off-topic 1.00, false abstentions 0.09, as of
// 1.00. The same file at the fifth session's start (06e021b): MRR 0.86,
// key fact 0.62, unanswerable 0.83, false abstentions 0.12, as of 0.80.
var realFresh11Floors = map[EvalKind]realFloor{
	KindOffTopic:     {abstain: 0.95},
	KindUnanswerable: {abstain: 0.95},
	// Tuned on since (the sixth session): key fact 0.97, MRR 0.95,
	// unanswerable 1.00, false abstentions 0, cited 1.00, as of 1.00.
	"overall": {recall: 0.95, fact: 0.92, cited: 0.95, abstain: 0.95, maxFalseAbstain: 0.02, asOf: 0.95},
}

// realGenFloors hold testdata/real_gen.yaml, 30 questions written by h-gen
// on 2026-12-04 from the corpus alone, half typed as in chat. First run
// figures, at 0a540e7, nothing tuned on it: recall@5 0.92, MRR 0.74, key
// fact 0.64 (fact 0.80, why/how 0.50, time 1.00, cross-document 0.50,
// paraphrase 0.25, cross-lingual 0.75), cited 0.90, unanswerable 0.80,
// false abstentions 0.20, as of 0.50.
var realGenFloors = map[EvalKind]realFloor{
	KindUnanswerable: {abstain: 0.8},
	// Tuned on since (h-gen's fixes, then h-why2's attribution to the
	// report whose source line names the outlet): key fact 0.76, cited
	// 0.91, false abstentions 0.12, as of 1.00. Eighth session (h-why,
	// h-para4, h-mrr): recall@5 1.00, MRR 0.84, key fact 0.88, false
	// abstentions 0.08. Tenth session, h-cross6 (a reader's "job" meets
	// "tasked", "charged with"): key fact 0.92, cited 0.92, false
	// abstentions 0.04.
	"overall": {recall: 0.95, fact: 0.9, cited: 0.9, abstain: 0.95, maxFalseAbstain: 0.05, asOf: 0.9},
}

// realWhyCrossFloors hold testdata/real_whycross.yaml, 11 why/how and 9
// cross-document probes written by h-why on 2026-12-04 (eighth session)
// from the corpus alone, half typed as in chat. First run at 41af459,
// nothing tuned on it: recall@5 1.00, MRR 0.69, key fact 0.65 (why/how
// 0.91, cross-document 0.33), cited 1.00, false abstentions 0.05.
var realWhyCrossFloors = map[EvalKind]realFloor{
	// After its rules and the merge (eighth session): key fact 0.75, false abstentions 0.
	// After h-cross3's part rules (ninth session): key fact 0.85.
	// After h-why3's "comes as part of" cause (ninth session): key fact 0.90.
	"overall": {recall: 0.95, fact: 0.88, cited: 0.95, maxFalseAbstain: 0.02},
}

// realWhy2DevFloors hold testdata/real_why2_dev.yaml, 22 why/how probes
// of many wordings (what led to, what prompted, how come, on what grounds,
// how is it paid for, under what condition, what is the purpose, by what
// means, how did they manage to) written by h-why2 on 2026-12-04 (eighth
// session, round 2) from the corpus alone, half typed as in chat, and
// tuned on. Its first 16 at 9d7fa9f: key fact 0.75, false abstentions
// 0.12; all 22 after reasonFacets: key fact 0.86, cited 0.91, false
// abstentions 0.00.
var realWhy2DevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.88, mrr: 0.84, fact: 0.84, cited: 0.88, maxFalseAbstain: 0.05}, // MRR 0.83 -> 0.85 with h-rank3
}

// realWhy2TestFloors hold testdata/real_why2_test.yaml, the 14 held-out
// twins of real_why2_dev.yaml (other documents where possible), never
// tuned on. At 9d7fa9f: recall@5 0.93, MRR 0.86, key fact 0.64, cited
// 0.91, false abstentions 0.21; after reasonFacets: key fact 0.64, cited
// 0.92, false abstentions 0.07.
var realWhy2TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.9, fact: 0.62, cited: 0.9, maxFalseAbstain: 0.08},
}

// realCross2DevFloors hold testdata/real_cross2_dev.yaml, 16
// cross-document probes (each side told by another report, half typed as
// in chat) written by h-cross2 on 2026-12-04 (eighth session). First run
// at 9d7fa9f: recall@5 0.81, MRR 0.36, key fact 0.44, cited 1.00, false
// abstentions 0.25. Tuned on (each part's speaker and outlet, the
// outlet's report first in its part's list, the told verb out of the
// slot): recall@5 0.94, MRR 0.47, key fact 0.81, false abstentions 0.06.
// After h-fact3's answer sentence choice (a count of each group, a cause
// credited from its claim, a conceded shortcoming no cause): key fact 0.88.
var realCross2DevFloors = map[EvalKind]realFloor{
	// After h-cross3's part rules (ninth session): key fact 0.94.
	// h-cross5 (a creating word said of an instrument meets "authorized"): recall 0.94 -> 1.00.
	"overall": {recall: 0.95, fact: 0.92, cited: 0.95, maxFalseAbstain: 0.07},
}

// realCross2TestFloors hold testdata/real_cross2_test.yaml, its held-out
// twin (14 probes, other wordings, mostly other reports), not tuned on.
// At 9d7fa9f: recall@5 0.86, MRR 0.37, key fact 0.36, cited 1.00, false
// abstentions 0.14; after the dev file's rules: recall@5 0.93, MRR 0.43,
// key fact 0.36, false abstentions 0.14.
var realCross2TestFloors = map[EvalKind]realFloor{
	// h-cross6 (a vote asked read as its tally; tenth session, held out):
	// key fact 0.36 -> 0.43.
	"overall": {recall: 0.9, fact: 0.42, cited: 0.95, maxFalseAbstain: 0.15},
}

// realCross3DevFloors hold testdata/real_cross3_dev.yaml, 6 cross-document
// probes whose shared head or measure is written once and 6 near misses
// of which one side no report gives, written by h-cross3 on 2026-12-06
// (ninth session); tuned on. First run at 593f898: recall@5 0.83, MRR
// 0.29, key fact 0.67, cited 1.00, unanswerable 0.33, false abstentions 0;
// after its rules: unanswerable 0.67, the rest the same; 0.33 again once
// the rule that gave it (a part's thing in no report) came out at merge:
// on a blind file it turned a right paraphrase answer into an abstention.
var realCross3DevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.8, fact: 0.65, cited: 0.95, abstain: 0.3, maxFalseAbstain: 0.01},
}

// realCross3TestFloors hold testdata/real_cross3_test.yaml, 16
// cross-document probes over other pairs of reports and 4 near misses of
// which one side no report gives, written by h-cross3 on 2026-12-06 (ninth
// session) before any code change; held out, never tuned on. At 4dfe0c7
// and after the rules tuned on the dev files alike: recall@5 1.00, MRR
// 0.42, key fact 0.62, cited 1.00, unanswerable 0.00, false abstentions
// 0.06.
var realCross3TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.95, fact: 0.6, cited: 0.95, maxFalseAbstain: 0.07},
}

// realFresh12Floors hold testdata/real_fresh12.yaml, 40 questions written
// blind by a helper on 2026-12-04 (sixth session) from the corpus alone,
// half typed as in chat. First run at the end of that session (c429c88),
// nothing tuned on it: recall@5 0.94, MRR 0.80, key fact 0.75 (fact 1.00,
// why/how 0.80, time 0.80, cross-document 0.60, paraphrase 0.40,
// cross-lingual 0.83), cited 0.90, unanswerable 0.50, off-topic 1.00,
// false abstentions 0.09, as of 0.60. The same file at that session's
// start (5f03363): MRR 0.79, key fact 0.69 (time 0.60, paraphrase 0.60,
// cross-lingual 0.50), unanswerable 0.50, false abstentions 0.09, as of
// 0.60.
var realFresh12Floors = map[EvalKind]realFloor{
	KindOffTopic:     {abstain: 0.95},
	KindUnanswerable: {abstain: 0.8},
	// Tuned on since (five fixes, the same session): key fact 0.84,
	// unanswerable 0.83, false abstentions 0.03, cited 0.90, as of 0.80.
	// Eighth session (h-nearmiss, h-para4): key fact 0.88, unanswerable
	// and off-topic 1.00.
	"overall": {recall: 0.9, fact: 0.85, cited: 0.87, abstain: 0.95, maxFalseAbstain: 0.04, asOf: 0.75},
}

// realParaphraseFloors hold testdata/real_paraphrase.yaml, 34 paraphrase
// probes (deeds, forces, capitals for governments, idioms; half typed as
// in chat) and 8 near misses the corpus does not answer, written by a
// helper on 2026-12-04 (seventh session). First run at 8fad40f,
// nothing tuned on it: recall@5 0.97, MRR 0.81, key fact 0.65, cited 0.96,
// unanswerable 0.50, false abstentions 0.18 (6 of 34). After the eighth
// session's lexicon (capitals and demonyms of every country named, death
// toll, bloodshed, truck, calling the shots, greeted, meant to be) and
// count rules ("2,000 men", a deed's own number, "at the time of"): key
// fact 0.88, false abstentions 0.03 (1 of 34).
var realParaphraseFloors = map[EvalKind]realFloor{
	// With h-nearmiss and h-para5 (eighth session): key fact 0.91,
	// unanswerable 0.62, false abstentions 0.03. After h-abst3 (ninth
	// session): unanswerable 0.75 (the doer's own words before a "when
	// did" deed: "the first chadian gendarmes touch down"); MRR 0.79 ->
	// 0.80 with h-wordnet.
	"overall": {recall: 0.94, mrr: 0.79, fact: 0.88, cited: 0.94, abstain: 0.72, maxFalseAbstain: 0.04},
}

// realEvalFiles are the question files but real.yaml, each with its floors.
// realFresh13Floors hold testdata/real_fresh13.yaml, 40 questions written
// blind by a helper on 2026-12-04 (eighth session) from the corpus alone,
// 21 typed as in chat, over 32 reports. First run at 41af459, the
// session's start, nothing tuned on it: recall@5 0.94, MRR 0.77, key fact
// 0.69 (fact 1.00, why/how 0.60, time 0.80, cross-document 0.40,
// paraphrase 0.20, cross-lingual 1.00), cited 0.93, unanswerable 0.67,
// off-topic 1.00, false abstentions 0.06, as of 0.80. After the session's
// three rounds (0c8d411), still not tuned on: key fact 0.72 (why/how
// 0.80), cited 0.94, false abstentions 0.03, every other figure the same.
var realFresh13Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since (h-f13a: a rank with its deed counts, notes not the
	// newest for a count of the present; h-f13b: blow the whistle, east
	// african, a scene-setting clause): recall@5 0.97, MRR 0.82, key fact
	// 0.81, cited 1.00, false abstentions 0, as of 1.00. Then h-f13d (an
	// office a country holds, a body's own force counted) and h-f13c (a
	// statement-order count, a quote carried on): key fact 0.88,
	// unanswerable 1.00. Then h-fact3 (a reader's "worry" meets the
	// report's "concerns", "against the backdrop of" tells a cause): key
	// fact 0.91. Then h-cross6 (a vote asked read as its tally): 0.94.
	"overall": {recall: 0.95, fact: 0.93, cited: 0.97, abstain: 0.95, maxFalseAbstain: 0.02, asOf: 0.95},
}

// realFresh14Floors hold testdata/real_fresh14.yaml, 40 questions written
// blind by a helper at the end of the eighth session (2026-12-04) from the
// corpus alone, 20 typed as in chat, over 30 reports. First run on
// 2026-12-06 at e84ee65, nothing tuned on it: recall@5 0.81, MRR 0.65, key
// fact 0.72 (fact 0.67, why/how 0.80, time 1.00, cross-document 0.60,
// paraphrase 0.40, cross-lingual 0.83), cited 0.77, unanswerable 0.83,
// off-topic 1.00, false abstentions 0.03, as of 0.80. Tuned on by h-fact3
// (its fact, why/how and cross-lingual questions: an hour asked needs an
// hour or a part of the day, in either language; a count of two groups a
// number for each; a pronoun after a fronted phrase leans back; a cause
// credited from the claim before it): MRR 0.67, key fact 0.84 (fact,
// why/how and cross-lingual 1.00), cited 0.87, every other figure the same.
var realFresh14Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Tuned on since (h-fact3, h-cross3, h-abst3, ninth session): see the
	// merge commits.
	// h-cross6 (a vote asked read as its tally): cited 0.90 -> 0.94.
	"overall": {recall: 0.82, mrr: 0.68, fact: 0.86, cited: 0.92, abstain: 0.95, maxFalseAbstain: 0.05, asOf: 0.75}, // MRR 0.68 -> 0.69 with h-xling2
}

// realTimeDevFloors hold testdata/real_time_dev.yaml, 10 present-time
// probes helper h-time wrote while tuning (tuned on): recall@5 0.80, MRR
// 0.55, key fact 0.90, cited 0.90, as of 0.70 at the end of the session;
// h-time4 (a "what" asking a force's strength, size or ceiling asks a
// count, whose forecasts do not date it): as of 0.70 -> 0.80.
var realTimeDevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.75, mrr: 0.5, fact: 0.85, cited: 0.85, maxFalseAbstain: 0.02, asOf: 0.75},
}

// realTimeTestFloors hold testdata/real_time_test.yaml, 16 questions about
// the present state of facts that changed over time and 4 near misses about
// the present, written by helper h-time on 2026-12-06 from the reports alone
// before any code change; held out (never tuned on). First run (0f60a6b):
// recall@5 0.94, MRR 0.68, key fact 0.69, cited 0.87, unanswerable 0.75,
// false abstentions 0.06, as of 0.50; at the end of h-time the same but
// MRR 0.71. Its failures are mostly of a role or deed of another owner:
// the newest report naming another country's minister or envoy, or
// another body's resolution, for the one asked. After h-owner (a role
// written with another owner in its phrase names another's): as of 0.56,
// "who is haiti's foreign minister currently" no longer dated by the
// Dominican foreign minister's report.
var realTimeTestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.9, mrr: 0.65, fact: 0.65, cited: 0.85, abstain: 0.7, maxFalseAbstain: 0.1, asOf: 0.55},
}

// realOwnerTestFloors hold testdata/real_owner_test.yaml, 10 questions of
// the holder of a role or the act of an owner and 8 near misses asking the
// same role of an owner no report gives, written by helper h-owner on
// 2026-12-06 before any code change; held out (never tuned on). First run
// (57ceae5): recall@5 1.00, MRR 1.00, key fact 1.00, cited 1.00,
// unanswerable 0.75, false abstentions 0.00; at the end of h-owner the
// same but unanswerable 0.88 ("who's the guatemalan foreign minister" no
// longer answered by the Then-Kenyan Foreign Minister).
var realOwnerTestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.95, mrr: 0.95, fact: 0.95, cited: 0.95, abstain: 0.85, maxFalseAbstain: 0.05},
}

// realOwnerDevFloors hold testdata/real_owner_dev.yaml, 16 probes of an
// owner's role or act and 24 near misses helper h-owner wrote while
// tuning (tuned on). Before its rules: recall@5 0.88, MRR 0.83, key fact
// 1.00, cited 1.00, unanswerable 0.79, false abstentions 0.00; after:
// unanswerable 0.92, the rest the same.
var realOwnerDevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.85, mrr: 0.8, fact: 0.95, cited: 0.95, abstain: 0.9, maxFalseAbstain: 0.05, asOf: 0.95},
}

// realFresh15Floors and realFresh16Floors hold testdata/real_fresh15.yaml
// and real_fresh16.yaml, 40 questions each written blind by a helper that
// read only the corpus during the ninth session (2026-12-06): fresh15 at
// its start, fresh16 after its first round. Both were kept outside the
// repo, where no helper could read them, and run by the lead for their
// tables only. fresh15 at 4dfe0c7 (the session's start): recall@5 0.91,
// MRR 0.69, key fact 0.69 (fact 0.83, why/how 0.80, time 0.80,
// cross-document 0.80, paraphrase 0.20, cross-lingual 0.67), cited 0.93,
// unanswerable 0.83, false abstentions 0.12, as of 0.80. fresh16 at
// 4dfe0c7 and after round 1 alike: recall@5 0.91, MRR 0.78, key fact
// 0.69 (fact 0.83, why/how 0.60, time 1.00, cross-document 0.40,
// paraphrase 0.20, cross-lingual 1.00), cited 0.97, unanswerable 0.67,
// false abstentions 0.09, as of 0.80. At the session's end both key fact
// 0.72 (fact 1.00), fresh16 false abstentions 0.06; nothing else moved.
// Two changes were taken out on their word (docs/answers.md §3).
var realFresh15Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// After h-why3's cause wordings and h-para7 (a doer told in the
	// reporter's verb, the veto in the reader's words), ninth session.
	KindWhyHow: {fact: 0.95},
	// After h-abst5 (tenth session): unanswerable 0.88 -> 1.00 ("what date
	// are the last kenyan officers due to leave haiti" abstains).
	// After h-xling3 ('au moment où' sets a scene): key fact 0.91, false
	// abstentions 0.03.
	"overall": {recall: 0.93, mrr: 0.71, fact: 0.89, cited: 0.9, abstain: 0.97, maxFalseAbstain: 0.05, asOf: 0.75},
}

var realFresh16Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// After h-why3's condition and sorting facets (ninth session): key fact 0.78, why/how 1.00.
	KindWhyHow: {fact: 0.95},
	// h-cross5 (a creating word said of an instrument meets "authorized"):
	// recall 0.91 -> 0.94; h-abst4 ("whats", vote tallies): unanswerable
	// 0.75 -> 1.00 (ninth session, tuned on).
	// h-cross6 (vote tallies, tenth session): key fact 0.78 -> 0.81.
	"overall": {recall: 0.92, mrr: 0.75, fact: 0.8, cited: 0.95, abstain: 0.97, maxFalseAbstain: 0.07, asOf: 0.75},
}

// realFresh17Floors hold testdata/real_fresh17.yaml, 40 questions written
// blind by a helper that read only the corpus, at the end of the ninth
// session; committed unrun and run once at the tenth session's start
// (0f9169e): recall@5 0.84, MRR 0.71, key fact 0.62 (fact 0.83, why/how
// 0.80, time 1.00, cross-document 0.40, paraphrase 0.20, cross-lingual
// 0.50), cited 0.81, unanswerable 0.83, off-topic 1.00, false abstentions
// 0.16, as of 0.60. Tuned on since.
var realFresh17Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// h-cross6 (vote tallies, "differ from", a job/task group): key fact
	// 0.62 -> 0.66, cited 0.81 -> 0.85.
	// After h-abst5: unanswerable 0.88 -> 1.00, false abstentions 0.16 -> 0.12.
	// h-fact4 (a deed of another's doer, a grievance's ground): key fact
	// 0.75 -> 0.78; h-rank3 (translations count fully in BM25, light verbs
	// capped): MRR 0.75 -> 0.77; h-xling3 (French countries, "combien d'X"
	// counts a thing, a French doer before its helper): key fact 0.78 ->
	// 0.88, false abstentions 0.09 -> 0.03; h-time4 (a phrase's later word
	// dates nothing alone: "pulling back" not by "United Nations-backed"):
	// as of 0.80 -> 1.00.
	"overall": {recall: 0.88, mrr: 0.76, fact: 0.85, cited: 0.95, abstain: 0.97, maxFalseAbstain: 0.05, asOf: 0.95},
}

// realCross6TestFloors hold testdata/real_cross6_test.yaml, 14
// cross-document questions and 4 near misses written by h-cross6 on
// 2026-12-06 (tenth session) from the corpus alone, before any code
// change; held out (never tuned on). First run (5646338) and at the end
// of h-cross6's work alike: recall@5 0.86, MRR 0.38, key fact 0.64, cited
// 1.00, unanswerable 0.00 (its 4 one-sided comparisons are answered by the
// side a report tells), false abstentions 0.00.
var realCross6TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.84, mrr: 0.36, fact: 0.62, cited: 0.97, maxFalseAbstain: 0.02},
}

// realFresh18Floors hold testdata/real_fresh18.yaml, 40 questions written
// blind by a helper that read only the corpus at the tenth session's start
// and kept outside the repo, where no helper could read them; the lead ran
// it for its table only, at 5646338 and after each of the session's nine
// merges: recall@5 1.00, MRR 0.78, key fact 0.75 (fact 0.83, why/how 1.00,
// time 0.80, cross-document 0.80, paraphrase 0.20, cross-lingual 0.83),
// cited 0.90, unanswerable 0.88 (on-topic 0.83), false abstentions 0.03,
// as of 0.60, at the start and at the end alike: no rule of the session
// moved it. As DEV of h-f18b: cited 0.91, unanswerable 1.00, false
// abstentions 0.00 (a partitive count's clause describes its set; a vague
// head names no kind of thing). real_fresh19.yaml, written with it, is the next session's
// blind file: run it once at the start, before any change.
var realFresh18Floors = map[EvalKind]realFloor{
	KindOffTopic: {abstain: 0.95},
	// Dev after its blind figures (h-f18b, h-f18a, end of the tenth
	// session): a partitive's describing clause asks no promise, a vague
	// head, a label's number word ("the resolution number"), a present
	// count on the ground told as of now: unanswerable 0.88 -> 1.00, false
	// abstentions 0.03 -> 0.00, key fact 0.75 -> 0.81, as of 0.60 -> 0.80.
	"overall": {recall: 0.97, mrr: 0.77, fact: 0.79, cited: 0.92, abstain: 0.97, maxFalseAbstain: 0.02, asOf: 0.75},
}

var realEvalFiles = []struct {
	name   string
	floors map[EvalKind]realFloor
}{
	{"real_holdout", realHoldoutFloors},
	{"real_fresh", realFreshFloors}, // 40 questions by someone who had not seen the code, first run at 03fd4d7
	{"real_fresh2", realFresh2Floors},
	{"real_fresh3", realFresh3Floors},
	{"real_fresh4", realFresh4Floors},
	{"real_fresh5", realFresh5Floors},
	{"real_fresh6", realFresh6Floors},
	{"real_fresh7", realFresh7Floors},
	{"real_fresh8", realFresh8Floors},
	{"real_fresh9", realFresh9Floors},
	{"real_fresh10", realFresh10Floors},
	{"real_fresh11", realFresh11Floors},
	{"real_fresh12", realFresh12Floors},
	{"real_fresh13", realFresh13Floors},
	{"real_fresh14", realFresh14Floors},
	{"real_fresh15", realFresh15Floors},
	{"real_fresh16", realFresh16Floors},
	{"real_fresh17", realFresh17Floors},
	{"real_fresh18", realFresh18Floors},
	{"real_paraphrase", realParaphraseFloors},
	{"real_nearmiss", realNearmissFloors},
	{"real_whycross", realWhyCrossFloors},
	{"real_cross2_dev", realCross2DevFloors},
	{"real_cross2_test", realCross2TestFloors},
	{"real_cross3_dev", realCross3DevFloors},
	{"real_cross3_test", realCross3TestFloors},
	{"real_cross6_test", realCross6TestFloors},
	{"real_gen", realGenFloors},
	{"real_why2_dev", realWhy2DevFloors},
	{"real_why2_test", realWhy2TestFloors},
	{"real_abstain_dev", realAbstainDevFloors},
	{"real_abstain_test", realAbstainTestFloors},
	{"real_rank_dev", realRankDevFloors},
	{"real_rank_test", realRankTestFloors},
	{"real_para5_dev", realPara5DevFloors},
	{"real_para5_test", realPara5TestFloors},
	{"real_deed_dev", realDeedDevFloors},
	{"real_deed_test", realDeedTestFloors},
	{"real_loose_dev", realLooseDevFloors},
	{"real_loose_test", realLooseTestFloors},
	{"real_fact3_test", realFact3TestFloors},
	{"real_abst3_test", realAbst3TestFloors},
	{"real_wordnet_test", realWordnetTestFloors},
	{"real_time_dev", realTimeDevFloors},
	{"real_time_test", realTimeTestFloors},
	{"real_para6_test", realPara6TestFloors},
	{"real_para6_dev", realPara6DevFloors},
	{"real_prf_test", realPrfTestFloors},
	{"real_xling2_dev", realXling2DevFloors},
	{"real_xling2_test", realXling2TestFloors},
	{"real_owner_test", realOwnerTestFloors},
	{"real_owner_dev", realOwnerDevFloors},
	{"real_para8_test", realPara8TestFloors},
	{"real_time3_test", realTime3TestFloors},
	{"real_abst5_test", realAbst5TestFloors},
	{"real_rank2_test", realRank2TestFloors},
	{"real_xling3_test", realXling3TestFloors},
}

// realXling3TestFloors hold testdata/real_xling3_test.yaml, 14 cross-lingual
// questions (7 French over English reports, 7 English over French reports,
// half typed as in chat) and 4 near misses, written by a helper (h-xling3)
// on 2026-12-06 before any code change, never tuned on. First run
// (e3ee7e4): recall@5 0.93, MRR 0.77, key fact 0.79, cited 0.92,
// unanswerable 0.75, false abstentions 0.14. h-xling3's "combien d'X"
// counting a thing let a near miss be answered by another doer's count
// (unanswerable 0.50); h-xling3b's French doer brought it back: at the end
// every figure as at its first run.
var realXling3TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.91, mrr: 0.75, fact: 0.77, cited: 0.9, abstain: 0.73, maxFalseAbstain: 0.16},
}

// realRankDevFloors and realRankTestFloors hold testdata/real_rank_dev.yaml
// and real_rank_test.yaml, ranking probes written by a helper (h-mrr2) on
// 2026-12-04, eighth session: English questions whose answer an English
// report holds beside a French report on the same event, French
// questions, and comparisons across two reports. Measured at 9d7fa9f,
// the first run of each, nothing kept from the tuning: dev recall@5 1.00,
// MRR 0.49 (French reports first for English questions), key fact 0.86,
// cited 0.83, false abstentions 0.14; test recall@5 0.88, MRR 0.65, key
// fact 0.62, cited 1.00, false abstentions 0.12.
var realRankDevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.95, mrr: 0.45, fact: 0.8, cited: 0.95, maxFalseAbstain: 0.15}, // cited 0.83 -> 1.00 with h-cross5
}

var realRankTestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.85, mrr: 0.72, fact: 0.6, cited: 0.95, maxFalseAbstain: 0.13}, // MRR 0.65 -> 0.73 with h-xling2 (translations count fully in English passages asked in French)
}

// realRank2TestFloors hold testdata/real_rank2_test.yaml: 16 held-out
// single-document questions of every kind (half typed as in chat), written
// by h-rank2 on 2026-12-06 from the reports before any change. First run
// at 5753124: recall@5 1.00, MRR 0.97, key fact 0.81, cited 1.00, false
// abstentions 0.00.
var realRank2TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.95, mrr: 0.95, fact: 0.8, cited: 0.95, maxFalseAbstain: 0.05},
}

// realDeedDevFloors hold testdata/real_deed_dev.yaml: 7 near misses whose
// asked deed never happened (a deed no report tells, one told only as
// meant, one told of another) beside answerable twins, written by h-deed
// on 2026-12-04 (eighth session, round 2) before any change, and tuned on.
// First run at 2ae02fa: key fact 0.71, cited 0.67, unanswerable 0.57,
// false abstentions 0.14. After a "when did X <verb>" deed untold, or
// told only as meant or of others: unanswerable 0.86, the rest the same
// (a count's deed untold reached 1.00 but turned away "announced 2,000
// men" for "how many men did Benin promise": rejected).
var realDeedDevFloors = map[EvalKind]realFloor{
	// After h-abst3 (a count's deed untold in any word of its group):
	// unanswerable 1.00, the rest the same.
	"overall": {recall: 0.55, fact: 0.68, cited: 0.64, abstain: 0.95, maxFalseAbstain: 0.15},
}

// realDeedTestFloors hold testdata/real_deed_test.yaml, the test half of
// h-deed's pair: 6 near misses of the same kinds over other reports where
// possible, with twins, never tuned on. Run at 2ae02fa and after the rule
// above: recall@5 0.50, MRR 0.42, key fact 0.83, cited 0.60, unanswerable
// 0.83, false abstentions 0.17 both times: the near misses the rule
// catches ("Benin's soldiers arrive", "France suspend") already abstained,
// and the one it misses is a deed told of a doer written in lower case
// ("Kenya's high court approve": the parliament approved it).
// (h-loose's phrasal-verb rule, since removed, had answered its "how
// many more police did kenya deploy to back up the mission" with another
// figure from other reports: no false abstention, but a wrong answer.)
var realDeedTestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.48, fact: 0.8, cited: 0.58, abstain: 0.8, maxFalseAbstain: 0.18},
}

// realFact3TestFloors hold testdata/real_fact3_test.yaml, held-out
// questions on answer sentence choice written by h-fact3 before any code
// change and never tuned on: counts of two groups, places, days and names
// in readers' words, why questions, cross-lingual ones and near misses.
// 22 questions: 7 fact, 5 why/how, 6 cross-lingual (English questions
// only a French report answers and the reverse), 4 near misses of the
// same shapes. First run at 4bce5fa, before any change: recall@5 0.89,
// MRR 0.82, key fact 0.78 (fact 0.71, why/how 1.00, cross-lingual 0.67),
// cited 1.00, unanswerable 0.25, false abstentions 0.17. After h-fact3's
// rules (998695a): unanswerable 0.50 (an hour no report gives: the bot
// says it does not know), every other figure the same; its failures are
// retrieval and the gate's, not the sentence chosen.
// After h-xling3 ('quel jour' asks a date, French modals are stop words):
// key fact 0.83, false abstentions 0.11.
var realFact3TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.85, mrr: 0.8, fact: 0.81, cited: 0.95, abstain: 0.45, maxFalseAbstain: 0.13},
}

// realAbst3TestFloors hold testdata/real_abst3_test.yaml, h-abst3's held-out
// near misses (issue 10) with answerable twins, written before any change
// and never tuned on.
// First run, before any change: recall@5 1.00, MRR 0.94, key fact 1.00,
// cited 1.00, unanswerable 0.58, false abstentions 0.00. At the end:
// unanswerable 0.75, false abstentions 0.00, the rest the same (one late
// rule, which turned away a twin, was taken out after this file was read).
var realAbst3TestFloors = map[EvalKind]realFloor{
	// h-abst5 (tenth session, held out): unanswerable 0.75 -> 0.83.
	"overall": {recall: 0.95, mrr: 0.9, fact: 0.95, cited: 0.95, abstain: 0.8, maxFalseAbstain: 0.02},
}

// realAbst5TestFloors hold testdata/real_abst5_test.yaml, h-abst5's held-out
// near misses (issue 10: a people the sentence lacks, a deed done asked where
// only a pledge is told, a size no report gives, a date of another deed) with
// answerable twins, written before any change and never tuned on.
// First run, before any change (5646338): recall@5 0.88, MRR 0.88, key fact
// 1.00, cited 0.88, unanswerable 0.50, false abstentions 0.00. At the end:
// unanswerable 0.60, the rest the same. After h-xling3b (a doer every
// passage names still narrows a count): unanswerable 0.70.
var realAbst5TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.85, mrr: 0.85, fact: 0.95, cited: 0.85, abstain: 0.68, maxFalseAbstain: 0.02},
}

// TestEvalRealFiles asks each question file but real.yaml over the real
// corpus and holds it to its floors (their comments say how each file was
// written and what its first run measured). Run one with
// -run 'TestEvalRealFiles/real_fresh5$'.
func TestEvalRealFiles(t *testing.T) {
	t.Parallel()
	for _, f := range realEvalFiles {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			checkRealFloors(t, runRealEval(t, "testdata/"+f.name+".yaml"), f.floors)
		})
	}
}

// realNearmissFloors hold testdata/real_nearmiss.yaml: 26 near misses
// (another country, body, rank, year or deed than the corpus reports, a
// person's words never quoted, a figure never given) each beside an
// answerable twin of the same shape, half typed as in chat, written by a
// helper on 2026-12-04 (eighth session). First run at 41af459, nothing
// tuned on it: recall@5 1.00, MRR 0.94, key fact 0.92, cited 1.00,
// unanswerable 0.46 (12 of 26), false abstentions 0.00. Then undoings,
// ranks of a thing and of a role, and a "who" question's portfolio:
// unanswerable 0.65; a sentence naming a rival country, and lower-case
// names beside chat shorthand: 0.73; the words of another speaker, or
// on another subject: 0.88; a people before a thing says whose it is:
// 0.92.
var realNearmissFloors = map[EvalKind]realFloor{
	// After h-abst3 (who spoke is the name after "said"): unanswerable 0.96.
	// h-fact4 (a count told before a country named only in a list): key fact 0.92 -> 0.96.
	"overall": {recall: 0.97, fact: 0.95, cited: 0.97, abstain: 0.94, maxFalseAbstain: 0.03},
}

// realAbstainDevFloors hold testdata/real_abstain_dev.yaml: 10 near misses
// (another month, contributor, kind of figure, rank, reaction, vote or
// visit, superlative, year) beside answerable twins, and answerable
// questions worded to trip abstention (a condition, "approx", "so far",
// an outlet named), written by h-abst on 2026-12-04 (eighth session,
// round 2) before any change, and tuned on. First run at 9d7fa9f: key fact
// 0.64, cited 0.82, unanswerable 0.30, false abstentions 0.21. After a
// superlative checked like a rank, a month asked with its year, "under
// what condition" as a ground, and a speaker named outside the quotation
// (or, for whose they are, in the title or source line): key fact 0.79,
// cited 0.85, unanswerable 0.60, false abstentions 0.07.
var realAbstainDevFloors = map[EvalKind]realFloor{
	// After h-abst4's vote-tally reading (ninth session): key fact 0.79 -> 0.86.
	// After h-abst5 (tenth session): unanswerable 0.70 -> 0.80 (a date
	// asked of what a vote was to do).
	"overall": {recall: 0.84, fact: 0.84, cited: 0.82, abstain: 0.77, maxFalseAbstain: 0.1},
}

// realAbstainTestFloors hold testdata/real_abstain_test.yaml, the test
// half of h-abst's pair: 10 near misses of the same kinds over other
// reports where possible, twins, and 4 answerable questions worded to trip
// abstention, written with the dev half and never tuned on. Run at
// 9d7fa9f: recall@5 0.86, MRR 0.79, key fact 0.71, cited 1.00,
// unanswerable 0.40, false abstentions 0.21; after that session's rules:
// unanswerable 0.60, every other figure the same.
// (h-para5's "personnel to serve as" rule, since removed, had answered
// "how many kenyan police landed in haiti in june 2024" with the GSF's
// 1,000 personnel of later rotations: a wrong answer, not a gain.)
var realAbstainTestFloors = map[EvalKind]realFloor{
	// After h-abst3, never tuned on (a number counting people of another
	// service kind is no count of the head): unanswerable 0.70.
	"overall": {recall: 0.84, fact: 0.68, cited: 0.95, abstain: 0.68, maxFalseAbstain: 0.22},
}

// realPara5DevFloors hold testdata/real_para5_dev.yaml: 19 paraphrase
// probes (the answer a typed value: a person, a count, a date; the
// reader's words not the reporter's; half typed as in chat) written by a
// helper on 2026-12-04 (eighth session, round 2) to tune on. First run at
// 9d7fa9f: recall@5 0.95, MRR 0.79, key fact 0.53, cited 1.00, false
// abstentions 0.37. After a deed of speech told by any verb of saying, a
// deed told in its own word, a who's name a few sentences on, and counts
// of people of any kind: key fact 0.68, false abstentions 0.21. Without
// the "personnel to serve as" rule (removed: it moved only this file, and
// gave real_abstain_test a wrong answer): key fact 0.63, false
// abstentions 0.26.
// With h-para6's count of people serving as the head ("70 ... personnel
// to serve as police and corrections advisers"): key fact 0.63 -> 0.68,
// false abstentions 0.26 -> 0.21.
// With h-para9 (a tally in favour tells a vote asked in a reader's word,
// "which ex-presidential hopeful sued" asks for the hopeful, money that
// arrives is money received): key fact 0.68 -> 0.84, false abstentions
// 0.21 -> 0.05.
var realPara5DevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.92, fact: 0.82, cited: 0.97, maxFalseAbstain: 0.06},
}

// realPara5TestFloors hold testdata/real_para5_test.yaml: 17 probes of the
// same kinds over mostly other reports, written with the dev file before
// any change and never tuned on. Run at 9d7fa9f and after the rules above:
// recall@5 1.00, MRR 0.81, key fact 0.65, cited 1.00, false abstentions
// 0.35 both times (each failure an answer slot holding a reader's word as
// its relation: "truck", "renewal", "turned"). With h-loose's deed told
// after its circumstance: key fact 0.71, false abstentions 0.29.
var realPara5TestFloors = map[EvalKind]realFloor{
	// h-para7, never tuned on: key fact 0.76, false abstentions 0.24.
	"overall": {recall: 0.97, fact: 0.75, cited: 0.97, maxFalseAbstain: 0.25},
}

// realLooseDevFloors hold testdata/real_loose_dev.yaml: 9 paraphrases
// whose reader writes a loose word of their own (a verb without a telling
// ending, a phrasal verb, a describing noun) and 5 near misses naming a
// thing the corpus mentions but never counts, written by a helper
// (h-loose) on 2026-12-04 (eighth session, round 2) before any change,
// and tuned on. First run at 2ae02fa: key fact 0.78, unanswerable 1.00,
// false abstentions 0.22; after an irregular past or a word before a
// particle ending the asked phrase and a phrasal verb's verb left out of
// the relation: key fact 1.00, false abstentions 0.00. The phrasal-verb
// rule is removed since (it moved only this file, and turned a held-out
// abstention of real_deed_test into a wrong answer): key fact 0.89, false
// abstentions 0.11.
var realLooseDevFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.97, fact: 0.86, cited: 0.97, abstain: 0.95, maxFalseAbstain: 0.12},
}

// realLooseTestFloors hold testdata/real_loose_test.yaml, its held-out
// twin (8 paraphrases, 4 near misses over mostly other reports), written
// with it and never tuned on: recall@5 0.88, MRR 0.88, key fact 0.75,
// cited 0.83, unanswerable 0.75, false abstentions 0.25, the same before
// and after those rules.
var realLooseTestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.85, fact: 0.72, cited: 0.8, abstain: 0.7, maxFalseAbstain: 0.26},
}

// realWordnetTestFloors hold testdata/real_wordnet_test.yaml: 16 paraphrase
// questions in readers' own words and 6 near misses with the same loose
// wording, written by h-wordnet on 2026-12-06 before any change and never
// tuned on. First run at 4dfe0c7 and at the end of the WordNet work, the
// same: recall@5 0.94, MRR 0.80, key fact 0.75, cited 0.93, unanswerable
// 0.67, false abstentions 0.06.
var realWordnetTestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.93, mrr: 0.78, fact: 0.74, cited: 0.92, abstain: 0.65, maxFalseAbstain: 0.07},
}

// realPara6TestFloors hold testdata/real_para6_test.yaml: 16 paraphrases in
// readers' own words (the relation word not the reporter's) and 6 near
// misses worded as loosely, written by h-para6 on 2026-12-06 before any
// change and never tuned on. First run at 80360ab and at the end of
// h-para6's work, the same: recall@5 0.94, MRR 0.82, key fact 0.44, cited
// 0.85, unanswerable 0.67, false abstentions 0.19 (most misses are the
// wrong sentence of the right report, not an abstention; no miss is a
// reader's word a WordNet step would pair with the report's).
var realPara6TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.93, mrr: 0.8, fact: 0.43, cited: 0.84, abstain: 0.65, maxFalseAbstain: 0.2},
}

// realPara6DevFloors hold testdata/real_para6_dev.yaml: 10 paraphrases whose
// reader's verb is a WordNet step or a paraphrase group from the
// reporter's, and 5 near misses, written by h-para6 after its test file
// and tuned on. First run (before and after the WordNet steps measured,
// none kept): recall@5 1.00, MRR 0.88, key fact 0.70, unanswerable 0.60,
// false abstentions 0.20. With a vote tally counting the members who
// voted ("13 in favour" for "how many council members okayed"): key
// fact 0.80, false abstentions 0.10.
var realPara6DevFloors = map[EvalKind]realFloor{
	// h-fact4 (a count told before a country named only in a list): key fact 0.80 -> 0.90.
	"overall": {recall: 0.97, mrr: 0.86, fact: 0.88, cited: 0.97, abstain: 0.58, maxFalseAbstain: 0.11},
}

// realPrfTestFloors hold testdata/real_prf_test.yaml: 16 questions in
// readers' own words or in the other language of their report, and 4 near
// misses, written by a helper (h-prf) on 2026-12-06 before any change and
// never tuned on. First run: recall@5 1.00, MRR 0.85, key fact 0.69, cited
// 0.92, unanswerable 0.50, false abstentions 0.19; the same with the
// pseudo-relevance feedback that was measured on it and not kept. After
// the later merges of the session (h-xling2, h-owner), still never tuned
// on: MRR 0.90, key fact 0.75, cited 0.93, false abstentions 0.12.
var realPrfTestFloors = map[EvalKind]realFloor{
	// h-para7, never tuned on: key fact 0.81, false abstentions 0.06.
	"overall": {recall: 0.95, mrr: 0.92, fact: 0.8, cited: 0.9, abstain: 0.45, maxFalseAbstain: 0.07}, // MRR 0.90 -> 0.93 with h-rank3
}

// realXling2TestFloors hold testdata/real_xling2_test.yaml, 16 cross-lingual
// questions (8 French over English reports, 8 English answered only by a
// French report) and 4 French near misses, written by a helper (h-xling2) on
// 2026-12-06 from the corpus alone, before any code change; never tuned on.
// First run (3660a26) and last (h-xling2's end) alike: recall@5 0.94, MRR
// 0.80, key fact 0.62, cited 0.92, unanswerable 1.00, false abstentions
// 0.19. One change was taken out on its word: "qui a <participle>" read as
// a deed made a near miss answer (unanswerable 1.00 -> 0.75).
var realXling2TestFloors = map[EvalKind]realFloor{
	"overall": {recall: 0.95, mrr: 0.84, fact: 0.6, cited: 0.95, abstain: 0.95, maxFalseAbstain: 0.2}, // recall 0.94 -> 1.00, cited 0.92 -> 1.00 with h-cross5; MRR 0.82 -> 0.85 with h-rank3
}

// realXling2DevFloors hold testdata/real_xling2_dev.yaml, cross-lingual dev
// probes a helper (h-xling2) wrote on 2026-12-06 and tuned on: 18 questions
// at first (recall@5 0.75, MRR 0.62, key fact 0.62, unanswerable 0.50), 25
// at the end (0.87, 0.73, 0.70, cited 0.90, unanswerable 1.00, false
// abstentions 0.09).
var realXling2DevFloors = map[EvalKind]realFloor{
	// After h-why3's "comes as part of" cause (ninth session): key fact 0.74.
	// h-cross5: recall 0.87 -> 0.91, cited 0.90 -> 0.95.
	// h-rank3: MRR 0.74 -> 0.75; h-xling3 ("conseil" read as "Council",
	// "quel jour"): MRR 0.75 -> 0.80 (recall 0.91 -> 0.96 on its own, 0.91
	// beside h-rank3's BM25 translations).
	"overall": {recall: 0.9, mrr: 0.77, fact: 0.72, cited: 0.93, abstain: 0.95, maxFalseAbstain: 0.1},
}

// realPara8TestFloors hold testdata/real_para8_test.yaml: 14 held-out
// paraphrases and 4 near misses written by a helper (h-para8) on 2026-12-06,
// tenth session, before any code change.
var realPara8TestFloors = map[EvalKind]realFloor{"overall": {}}

// realTime3TestFloors hold testdata/real_time3_test.yaml, 10 questions about
// the present (as of the newest report that states each), 6 why/how
// questions and 2 near misses, written by helper h-time3 on 2026-12-06 from
// the reports alone before any code change; held out (never tuned on).
var realTime3TestFloors = map[EvalKind]realFloor{
	"overall": {},
}
