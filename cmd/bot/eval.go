package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/corpus"
)

func cmdEval(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "eval", "FILE")
	asJSON := fs.Bool("json", false, "print the report as one JSON object (scores by kind, failures, every result)")
	verbose := fs.Bool("verbose", false, "list every failure: the question, what was expected and what came")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(files) != 1 {
		return usageError{"give one question file, e.g. bot eval internal/brief/testdata/eval.yaml"}
	}
	f, err := brief.LoadEval(files[0])
	if err != nil {
		return err
	}
	cfg, store, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	if missing, err := missingEvalDocs(ctx, store, f); err != nil {
		return err
	} else if len(missing) > 0 {
		// Their questions can only miss: say why before the numbers do.
		e.log.Warn("the eval names documents the store does not hold; ingest them or use a fresh --db",
			"documents", strings.Join(missing, ", "), "db", store.Database().String())
	}
	search, err := searcher(e, cfg, store)
	if err != nil {
		return err
	}
	a, err := newAnswerer(e, cfg, search)
	if err != nil {
		return err
	}
	rep, err := a.Evaluate(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	writeEval(e.stdout, files[0], rep, a.HasModel(), *verbose)
	return nil
}

// missingEvalDocs lists the documents an eval file names that no stored
// document matches.
func missingEvalDocs(ctx context.Context, store *corpus.Store, f brief.EvalFile) ([]string, error) {
	docs, err := store.Documents(ctx, corpus.DocFilter{})
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, d := range docs {
		have[strings.ToLower(brief.EvalDocName(d))] = true
		have[d.ID] = true
	}
	seen := map[string]bool{}
	var missing []string
	for _, q := range f.Questions {
		for _, name := range q.Docs {
			if !have[strings.ToLower(name)] && !have[name] && !seen[name] {
				seen[name] = true
				missing = append(missing, name)
			}
		}
	}
	sort.Strings(missing)
	return missing, nil
}

func writeEval(w io.Writer, file string, rep brief.EvalReport, withModel, verbose bool) {
	mode := "extractive answers (no language model configured)"
	if withModel {
		mode = "answers written by the language model"
	}
	o := rep.Overall
	fmt.Fprintf(w, "%s: %d questions (%d answerable, %d unanswerable), %s\n\n", file, rep.Questions, rep.Answerable, rep.Unanswerable, mode)
	line := func(label, value, note string) { fmt.Fprintf(w, "%-21s%-6s%s\n", label, value, note) }
	line(fmt.Sprintf("recall@%d", rep.K), brief.FormatRate(o.Found, o.Answerable), fmt.Sprintf("(%d of %d answerable questions retrieve the expected passage)", o.Found, o.Answerable))
	line("MRR", rateOf(o.MRR, o.Answerable), "")
	line("key fact in answer", brief.FormatRate(o.FactsHeld, o.WithFacts), fmt.Sprintf("(%d of %d answerable questions that give key facts)", o.FactsHeld, o.WithFacts))
	line("cited right document", brief.FormatRate(o.CitedRight, o.Answered), fmt.Sprintf("(%d of %d answered answerable questions)", o.CitedRight, o.Answered))
	line("abstained rightly", brief.FormatRate(o.AbstainedRight, o.Unanswerable), fmt.Sprintf("(%d of %d unanswerable and off-topic questions abstained on)", o.AbstainedRight, o.Unanswerable))
	line("false abstentions", brief.FormatRate(o.FalseAbstentions, o.Answerable), fmt.Sprintf("(%d of %d answerable questions abstained on)", o.FalseAbstentions, o.Answerable))
	line("abstention accuracy", fmt.Sprintf("%.2f", rep.AbstentionAccuracy), fmt.Sprintf("(%d answerable abstained on, %d unanswerable answered)", rep.FalseAbstentions, rep.FalseAnswers))
	line(`"as of" right`, brief.FormatRate(o.AsOfRight, o.Dated), fmt.Sprintf("(%d of %d time-sensitive questions)", o.AsOfRight, o.Dated))
	if rep.CitationValidity != nil {
		line("citation validity", fmt.Sprintf("%.2f", *rep.CitationValidity), "(share of the model's [n] that named a passage it was given)")
	} else {
		line("citation validity", "n/a", "(needs a language model: set OPENAI_API_KEY or OPENAI_BASE_URL)")
	}

	fmt.Fprintln(w)
	rep.WriteTable(w)

	if len(rep.Failures) == 0 {
		return
	}
	if !verbose {
		fmt.Fprintf(w, "\n%d failures; --verbose lists them, --json gives them with every result.\n", len(rep.Failures))
		return
	}
	fmt.Fprintf(w, "\nFailures (%d):\n", len(rep.Failures))
	for _, f := range rep.Failures {
		fmt.Fprintf(w, "  [%s] %s %q\n      expected: %s\n      got:      %s\n", f.Kind, f.What, f.Question, f.Expected, f.Got)
	}
}

// rateOf prints an average over d questions, n/a over none.
func rateOf(v float64, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", v)
}
