package brief

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// EvalFile is a set of questions with what retrieval should find for each.
type EvalFile struct {
	K         int            `yaml:"k"` // recall is measured in the top K passages; 0: 5
	Questions []EvalQuestion `yaml:"questions"`
}

// EvalQuestion is one question: answerable ones name the document (its file
// name without extension) and a phrase one of its retrieved passages must
// hold; unanswerable ones must make the bot abstain.
type EvalQuestion struct {
	Question     string `yaml:"question" json:"question"`
	Doc          string `yaml:"doc" json:"doc,omitempty"`
	Expect       string `yaml:"expect" json:"expect,omitempty"`
	Unanswerable bool   `yaml:"unanswerable" json:"unanswerable,omitempty"`
}

// defaultEvalK is the recall depth when a file gives none.
const defaultEvalK = 5

// LoadEval reads and checks a question file.
func LoadEval(file string) (EvalFile, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return EvalFile{}, fmt.Errorf("eval file: %w", err)
	}
	f, err := ParseEval(data)
	if err != nil {
		return EvalFile{}, fmt.Errorf("eval file %s: %w", file, err)
	}
	return f, nil
}

// ParseEval parses a question file and names the first entry to fix.
func ParseEval(data []byte) (EvalFile, error) {
	var f EvalFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return EvalFile{}, err
	}
	if f.K < 0 {
		return EvalFile{}, errors.New("k: must not be negative")
	}
	if f.K == 0 {
		f.K = defaultEvalK
	}
	if len(f.Questions) == 0 {
		return EvalFile{}, errors.New("questions: the file holds none")
	}
	for i, q := range f.Questions {
		switch {
		case strings.TrimSpace(q.Question) == "":
			return EvalFile{}, fmt.Errorf("questions[%d]: question is empty", i)
		case q.Unanswerable && (q.Doc != "" || q.Expect != ""):
			return EvalFile{}, fmt.Errorf("questions[%d]: an unanswerable question takes no doc or expect", i)
		case !q.Unanswerable && (q.Doc == "" || q.Expect == ""):
			return EvalFile{}, fmt.Errorf("questions[%d]: give doc and expect, or unanswerable: true", i)
		}
	}
	return f, nil
}

// EvalResult is how the bot did on one question.
type EvalResult struct {
	EvalQuestion
	Rank             int    `json:"rank"` // of the first retrieved passage holding the phrase in the document; 0: not in the top K
	Mode             Mode   `json:"mode"`
	AbstentionRight  bool   `json:"abstention_right"` // abstained exactly when unanswerable
	CitedDoc         bool   `json:"cited_doc"`        // the answer cites the expected document
	Markers          int    `json:"markers"`          // citation markers left in the answer
	DroppedCitations int    `json:"dropped_citations"`
	Answer           string `json:"answer"`
}

// EvalReport sums up a run.
type EvalReport struct {
	K                  int     `json:"k"`
	Questions          int     `json:"questions"`
	Answerable         int     `json:"answerable"`
	Unanswerable       int     `json:"unanswerable"`
	RecallAtK          float64 `json:"recall_at_k"`         // share of answerable questions whose passage is in the top K
	MRR                float64 `json:"mrr"`                 // mean reciprocal rank of that passage (0 when missing)
	AbstentionAccuracy float64 `json:"abstention_accuracy"` // share of all questions abstained on exactly when unanswerable
	FalseAbstentions   int     `json:"false_abstentions"`   // answerable questions the bot abstained on
	FalseAnswers       int     `json:"false_answers"`       // unanswerable questions the bot answered
	CitedExpected      float64 `json:"cited_expected"`      // share of answered answerable questions citing the expected document
	// CitationValidity is the share of the model's [n] markers that named a
	// passage it was given; nil when no answer came from a model.
	CitationValidity *float64     `json:"citation_validity"`
	Results          []EvalResult `json:"results"`
}

// Evaluate runs every question of f through retrieval and answering.
func (a *Answerer) Evaluate(ctx context.Context, f EvalFile) (EvalReport, error) {
	k := f.K
	if k <= 0 {
		k = defaultEvalK
	}
	rep := EvalReport{K: k, Questions: len(f.Questions)}
	var rrSum float64
	found, answered, cited, right := 0, 0, 0, 0
	kept, dropped, llmAnswers := 0, 0, 0
	for _, q := range f.Questions {
		res := EvalResult{EvalQuestion: q}
		req := Request{Question: q.Question}
		if !q.Unanswerable {
			rep.Answerable++
			hits, err := a.Retrieve(ctx, req, k)
			if err != nil {
				return EvalReport{}, fmt.Errorf("eval %q: %w", q.Question, err)
			}
			for i, h := range hits {
				if docMatches(h.Doc, q.Doc) && strings.Contains(strings.ToLower(h.Text), strings.ToLower(q.Expect)) {
					res.Rank = i + 1
					break
				}
			}
			if res.Rank > 0 {
				found++
				rrSum += 1 / float64(res.Rank)
			}
		} else {
			rep.Unanswerable++
		}
		ans, err := a.Answer(ctx, req)
		if err != nil {
			return EvalReport{}, fmt.Errorf("eval %q: %w", q.Question, err)
		}
		res.Mode, res.Answer, res.DroppedCitations = ans.Mode, ans.Text, ans.DroppedCitations
		res.AbstentionRight = (ans.Mode == ModeAbstained) == q.Unanswerable
		if res.AbstentionRight {
			right++
		} else if q.Unanswerable {
			rep.FalseAnswers++
		} else {
			rep.FalseAbstentions++
		}
		if ans.Mode != ModeAbstained {
			res.Markers = len(markerRE.FindAllString(ans.Text, -1))
			if !q.Unanswerable {
				answered++
				for _, c := range ans.Citations {
					if h, ok := hitOf(ans.Passages, c.DocID); ok && docMatches(h.Doc, q.Doc) {
						res.CitedDoc = true
					}
				}
				if res.CitedDoc {
					cited++
				}
			}
		}
		if ans.Mode == ModeLLM || ans.DroppedCitations > 0 {
			llmAnswers++
			kept += res.Markers
			dropped += ans.DroppedCitations
		}
		rep.Results = append(rep.Results, res)
	}
	if rep.Answerable > 0 {
		rep.RecallAtK = float64(found) / float64(rep.Answerable)
		rep.MRR = rrSum / float64(rep.Answerable)
	}
	rep.AbstentionAccuracy = float64(right) / float64(rep.Questions)
	if answered > 0 {
		rep.CitedExpected = float64(cited) / float64(answered)
	}
	if llmAnswers > 0 && kept+dropped > 0 {
		v := float64(kept) / float64(kept+dropped)
		rep.CitationValidity = &v
	}
	return rep, nil
}

func hitOf(hits []corpus.Hit, docID string) (corpus.Hit, bool) {
	for _, h := range hits {
		if h.DocID == docID {
			return h, true
		}
	}
	return corpus.Hit{}, false
}

// docMatches reports whether d is the document an eval question names: by
// the base name of its origin without extension ("timeline" for
// bundled:timeline.md or /data/notes/timeline.md), or by id.
func docMatches(d corpus.Document, name string) bool {
	if d.ID == name {
		return true
	}
	base := path.Base(strings.ReplaceAll(strings.TrimPrefix(d.Origin, corpus.BundledOrigin), `\`, "/"))
	return strings.EqualFold(strings.TrimSuffix(base, path.Ext(base)), name)
}
