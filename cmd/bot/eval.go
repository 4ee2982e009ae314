package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/corpus"
)

func cmdEval(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "eval", "FILE")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
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
			"documents", strings.Join(missing, ", "), "db", cfg.Store.Path)
	}
	a, err := newAnswerer(e, cfg, store)
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
		return enc.Encode(rep)
	}
	writeEval(e.stdout, files[0], rep, a.HasModel())
	return nil
}

// missingEvalDocs lists the documents an eval file names that no stored
// document's origin matches.
func missingEvalDocs(ctx context.Context, store *corpus.Store, f brief.EvalFile) ([]string, error) {
	docs, err := store.Documents(ctx, corpus.DocFilter{})
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, d := range docs {
		base := path.Base(strings.ReplaceAll(strings.TrimPrefix(d.Origin, corpus.BundledOrigin), `\`, "/"))
		have[strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))] = true
		have[d.ID] = true
	}
	seen := map[string]bool{}
	var missing []string
	for _, q := range f.Questions {
		if q.Doc != "" && !have[strings.ToLower(q.Doc)] && !have[q.Doc] && !seen[q.Doc] {
			seen[q.Doc] = true
			missing = append(missing, q.Doc)
		}
	}
	sort.Strings(missing)
	return missing, nil
}

func writeEval(w io.Writer, file string, rep brief.EvalReport, withModel bool) {
	mode := "extractive answers (no language model configured)"
	if withModel {
		mode = "answers written by the language model"
	}
	fmt.Fprintf(w, "%s: %d questions (%d answerable, %d unanswerable), %s\n\n", file, rep.Questions, rep.Answerable, rep.Unanswerable, mode)
	found := 0
	for _, r := range rep.Results {
		if r.Rank > 0 {
			found++
		}
	}
	fmt.Fprintf(w, "recall@%-2d            %.2f  (%d of %d answerable questions retrieve the expected passage)\n", rep.K, rep.RecallAtK, found, rep.Answerable)
	fmt.Fprintf(w, "MRR                  %.2f\n", rep.MRR)
	fmt.Fprintf(w, "abstention accuracy  %.2f  (%d answerable abstained on, %d unanswerable answered)\n", rep.AbstentionAccuracy, rep.FalseAbstentions, rep.FalseAnswers)
	fmt.Fprintf(w, "cited expected doc   %.2f  (of answered answerable questions)\n", rep.CitedExpected)
	if rep.CitationValidity != nil {
		fmt.Fprintf(w, "citation validity    %.2f  (share of the model's [n] that named a passage it was given)\n", *rep.CitationValidity)
	} else {
		fmt.Fprintln(w, "citation validity    n/a   (needs a language model: set OPENAI_API_KEY or OPENAI_BASE_URL)")
	}
	var misses []string
	for _, r := range rep.Results {
		if !r.Unanswerable && r.Rank == 0 {
			misses = append(misses, fmt.Sprintf("  not in top %d: %q (%s: %q)", rep.K, r.Question, r.Doc, r.Expect))
		}
		if !r.AbstentionRight {
			what := "abstained on"
			if r.Unanswerable {
				what = "answered    "
			}
			misses = append(misses, fmt.Sprintf("  %s  %q", what, r.Question))
		}
	}
	if len(misses) > 0 {
		fmt.Fprintln(w, "\nMisses:")
		for _, m := range misses {
			fmt.Fprintln(w, m)
		}
	}
}
