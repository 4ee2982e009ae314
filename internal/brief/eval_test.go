package brief

import (
	"context"
	"strings"
	"testing"
)

// Thresholds for the shipped eval over the bundled notes (extractive mode).
// Measured when set: recall@5 0.92, MRR 0.75, abstention accuracy 0.97 (one
// paraphrased question abstains: "West African" is written nowhere), the
// expected note cited in 0.65 of answers (the notes overlap, and extraction
// often quotes another note saying the same).
const (
	minRecall     = 0.85
	minMRR        = 0.7
	minAbstention = 0.9
	minCitedDoc   = 0.6
)

func TestEvalBundled(t *testing.T) {
	f, err := LoadEval("testdata/eval.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := newExtractive(t, openBundledStore(t))
	rep, err := a.Evaluate(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("recall@%d %.2f  MRR %.2f  abstention %.2f (false abstentions %d, false answers %d)  cited expected doc %.2f",
		rep.K, rep.RecallAtK, rep.MRR, rep.AbstentionAccuracy, rep.FalseAbstentions, rep.FalseAnswers, rep.CitedExpected)
	for _, r := range rep.Results {
		if r.Rank == 0 && !r.Unanswerable || !r.AbstentionRight {
			t.Logf("miss: %q rank=%d mode=%s", r.Question, r.Rank, r.Mode)
		}
	}
	if rep.Answerable+rep.Unanswerable != len(f.Questions) || rep.Unanswerable == 0 {
		t.Fatalf("counted %d answerable + %d unanswerable of %d", rep.Answerable, rep.Unanswerable, len(f.Questions))
	}
	if rep.RecallAtK < minRecall {
		t.Errorf("recall@%d = %.2f, want >= %.2f", rep.K, rep.RecallAtK, minRecall)
	}
	if rep.MRR < minMRR {
		t.Errorf("MRR = %.2f, want >= %.2f", rep.MRR, minMRR)
	}
	if rep.AbstentionAccuracy < minAbstention {
		t.Errorf("abstention accuracy = %.2f, want >= %.2f", rep.AbstentionAccuracy, minAbstention)
	}
	if rep.FalseAnswers > 0 {
		t.Errorf("answered %d unanswerable questions", rep.FalseAnswers)
	}
	if rep.CitedExpected < minCitedDoc {
		t.Errorf("cited the expected document in %.2f of answers, want >= %.2f", rep.CitedExpected, minCitedDoc)
	}
	if rep.CitationValidity != nil {
		t.Errorf("citation validity measured without a model: %v", *rep.CitationValidity)
	}
}

func TestParseEvalErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"empty", "k: 5\nquestions: []\n", "holds none"},
		{"no doc", "questions:\n  - question: Who?\n    expect: x\n", "questions[0]: give doc and expect"},
		{"both", "questions:\n  - question: Who?\n    doc: a\n    expect: x\n    unanswerable: true\n", "questions[0]: an unanswerable question takes no doc"},
		{"blank question", "questions:\n  - question: ' '\n    unanswerable: true\n", "questions[0]: question is empty"},
		{"unknown key", "questions:\n  - question: Who?\n    unanswerable: true\n    answer: x\n", "field answer not found"},
		{"negative k", "k: -1\nquestions:\n  - question: Who?\n    unanswerable: true\n", "k: must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEval([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ParseEval error = %v, want it to say %q", err, tt.want)
			}
		})
	}
	f, err := ParseEval([]byte("questions:\n  - question: Who?\n    unanswerable: true\n"))
	if err != nil || f.K != defaultEvalK {
		t.Fatalf("ParseEval default k = %d, %v; want %d", f.K, err, defaultEvalK)
	}
}
