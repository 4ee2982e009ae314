package brief

import (
	"context"
	"slices"
	"testing"

	"github.com/mss-brief/briefbot/internal/openaitest"
)

func TestAnswerReportsSteps(t *testing.T) {
	srv := openaitest.New(t)
	srv.SetDefault(openaitest.Reply{Content: "Kenya leads the mission [1]."})
	st := openFixtureStore(t)
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		a        *Answerer
		question string
		stream   bool
		want     []StepKind
	}{
		{"model, streamed", newWithModel(t, st, srv), "Who leads the Haiti security mission?", true, []StepKind{StepSearch, StepRead, StepWrite}},
		{"model, not streamed", newWithModel(t, st, srv), "Who leads the Haiti security mission?", false, []StepKind{StepSearch, StepRead, StepWrite}},
		{"extractive", newExtractive(t, st), "Who leads the Haiti security mission?", false, []StepKind{StepSearch, StepRead, StepWrite}},
		// Nothing relevant: searched, then nothing to read.
		{"abstained", newExtractive(t, st), "How do I bake sourdough bread at home?", false, []StepKind{StepSearch}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var steps []Step
			req := Request{Question: tt.question, OnStep: func(s Step) { steps = append(steps, s) }}
			if tt.stream {
				req.OnPartial = func(string) {}
			}
			ans, err := tt.a.Answer(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []StepKind
			for _, s := range steps {
				kinds = append(kinds, s.Kind)
			}
			if !slices.Equal(kinds, tt.want) {
				t.Fatalf("steps %v, want %v", kinds, tt.want)
			}
			if steps[0].Passages != stats.Passages || stats.Passages == 0 {
				t.Errorf("search step %+v, the store holds %d passages", steps[0], stats.Passages)
			}
			if len(steps) < 2 {
				return
			}
			docs := map[string]bool{}
			for _, h := range ans.Passages {
				docs[h.DocID] = true
			}
			if r := steps[1]; r.Passages != len(ans.Passages) || r.Sources != len(docs) || r.Sources == 0 {
				t.Errorf("read step %+v, answer read %d passages from %d documents", r, len(ans.Passages), len(docs))
			}
		})
	}
}
