package brief

import (
	"context"

	"github.com/mss-brief/briefbot/internal/document"
)

// StepKind names a stage of answering a question.
type StepKind string

// The stages of an answer, in order. With a language model, reading lasts
// until the model's first words (it reads the passages before it writes);
// without one, writing follows reading at once.
const (
	StepSearch StepKind = "search" // the corpus is being searched
	StepRead   StepKind = "read"   // the passages found are being read
	StepWrite  StepKind = "write"  // the answer is being written
)

// Step is a stage of an answer, reported as it begins (Request.OnStep), so
// that a reader waiting for the answer sees what is being done.
type Step struct {
	Kind StepKind
	// Passages is, for StepSearch, how many passages the corpus holds (0
	// when the searcher cannot say cheaply) and, for StepRead, how many
	// passages were found to read.
	Passages int
	// Sources is, for StepRead, how many documents those passages come
	// from.
	Sources int
}

// step reports s when the request asks for steps.
func (r Request) step(s Step) {
	if r.OnStep != nil {
		r.OnStep(s)
	}
}

// searchStep is the first step: the corpus's size, when the searcher can
// say it (corpus.Store keeps the passage count in a row of its own), asked
// only when someone listens for steps.
func (a *Answerer) searchStep(ctx context.Context, req Request) {
	if req.OnStep == nil {
		return
	}
	s := Step{Kind: StepSearch}
	if st, ok := a.search.(interface {
		Stats(context.Context) (document.Stats, error)
	}); ok {
		if stats, err := st.Stats(ctx); err == nil {
			s.Passages = stats.Passages
		}
	}
	req.step(s)
}

// readStep reports the passages retrieved for reading and how many
// documents they come from.
func readStep(req Request, hits []document.Hit) {
	if req.OnStep == nil {
		return
	}
	docs := map[string]bool{}
	for _, h := range hits {
		docs[h.DocID] = true
	}
	req.step(Step{Kind: StepRead, Passages: len(hits), Sources: len(docs)})
}
