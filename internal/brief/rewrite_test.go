package brief

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// TestRewriteFindsOtherLanguage: a French question about an English report
// shares no word with it, so only the model's translation of the question
// finds it; the question's own finds stay.
func TestRewriteFindsOtherLanguage(t *testing.T) {
	ctx := context.Background()
	st := openEmptyStore(t)
	docs := map[string]string{
		"https://example.org/rice":    "Farmers in the Artibonite valley lost their rice harvest to the drought.",
		"https://example.org/council": "The council renewed the mandate of the mission for a year.",
		"https://example.org/ecoles":  "Les écoles du quartier sont restées fermées après les affrontements entre agriculteurs et éleveurs.",
	}
	for u, text := range docs {
		if _, err := st.Put(ctx, corpus.Document{Title: "Report", URL: u, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	srv := openaitest.New(t)
	plain := newWithModel(t, st, srv)
	rewriting, err := New(st, WithQueryRewriting(newModel(t, llmConfig(srv))), testAnswererConfig())
	if err != nil {
		t.Fatal(err)
	}
	has := func(hits []corpus.Hit, url string) bool {
		return slices.ContainsFunc(hits, func(h corpus.Hit) bool { return h.DocID == corpus.DocID(url) })
	}

	req := Request{Question: "Les agriculteurs ont-ils perdu la récolte de riz ?"}
	before, err := plain.Retrieve(ctx, req, 3)
	if err != nil {
		t.Fatal(err)
	}
	if has(before, "https://example.org/rice") {
		t.Fatal("the French question finds the English report without rewriting; the test shows nothing")
	}
	if !has(before, "https://example.org/ecoles") {
		t.Fatalf("the French question does not find the French report: %+v", before)
	}
	after, err := rewriting.Retrieve(ctx, req, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !has(after, "https://example.org/rice") || !has(after, "https://example.org/ecoles") {
		t.Errorf("with rewriting, want the English and the French report: %+v", after)
	}
	var rewrites []openaitest.Request
	for _, r := range srv.Requests() {
		if r.Kind() == "rewrite" {
			rewrites = append(rewrites, r)
		}
	}
	if len(rewrites) != 1 || len(srv.ChatRequests()) != 0 {
		t.Fatalf("%d rewrite and %d chat requests, want 1 and 0", len(rewrites), len(srv.ChatRequests()))
	}
	if !strings.HasPrefix(rewritePrompt, openaitest.RewriteMarker) || !strings.Contains(rewrites[0].LastUser(), req.Question) {
		t.Errorf("rewrite request: system %q, user %q", rewrites[0].System(), rewrites[0].LastUser())
	}

	// The thread goes with the question.
	_, err = rewriting.Retrieve(ctx, Request{Question: "Et la récolte ?", History: []Turn{{Role: "user", Text: "Que s'est-il passé dans la vallée ?"}}}, 3)
	if err != nil {
		t.Fatal(err)
	}
	last := srv.Requests()[len(srv.Requests())-1]
	if last.Kind() != "rewrite" || !strings.Contains(last.LastUser(), "dans la vallée") {
		t.Errorf("the rewrite did not get the thread: %q", last.LastUser())
	}
}

// failingModel fails every call, recording that it had a short deadline.
type failingModel struct{ deadlines []time.Duration }

func (m *failingModel) Chat(ctx context.Context, _ []Message, _ func(string)) (string, error) {
	if dl, ok := ctx.Deadline(); ok {
		m.deadlines = append(m.deadlines, time.Until(dl))
	}
	return "", &ModelError{Reason: "down", Err: errors.New("503")}
}

func TestRewriteFailureLeavesRetrieval(t *testing.T) {
	ctx := context.Background()
	st := openBundledStore(t)
	m := &failingModel{}
	failing, err := New(st, WithQueryRewriting(m), testAnswererConfig())
	if err != nil {
		t.Fatal(err)
	}
	req := Request{Question: "Who leads the Haiti security mission?"}
	got, err := failing.Retrieve(ctx, req, 5)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := newExtractive(t, st).Retrieve(ctx, req, 5)
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("%d hits with a failing rewrite, %d without", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID {
			t.Errorf("hit %d: %d with a failing rewrite, %d without", i, got[i].ID, want[i].ID)
		}
	}
	if len(m.deadlines) != 1 || m.deadlines[0] > rewriteDeadline {
		t.Errorf("rewrite calls' deadlines %v, want one within %v", m.deadlines, rewriteDeadline)
	}
}

func TestParseRewrites(t *testing.T) {
	tests := []struct {
		reply string
		want  []string
	}{
		{`{"queries": ["mission budget", "budget de la mission"]}`, []string{"mission budget", "budget de la mission"}},
		{"Here you are:\n```json\n{\"queries\": [\"a\", \"b\", \"c\", \"d\"]}\n```", []string{"a", "b", "c"}},
		{`{"queries": ["Who pays?", "  who   PAYS? ", "", "qui paie ?"]}`, []string{"qui paie ?"}}, // the question itself and repeats dropped
		{`no JSON at all`, nil},
		{`{"queries": "not a list"}`, nil},
	}
	for _, tt := range tests {
		if got := parseRewrites(tt.reply, "who pays?"); !slices.Equal(got, tt.want) {
			t.Errorf("parseRewrites(%q) = %q, want %q", tt.reply, got, tt.want)
		}
	}
}

// TestRewritePassesTheGate: a French question whose words no English
// report holds is abstained on by the gate, unless the model's rewrite, in
// the reports' words, passes it; the answer then rests on those reports.
func TestRewritePassesTheGate(t *testing.T) {
	ctx := context.Background()
	st := openEmptyStore(t)
	for u, text := range map[string]string{
		"https://example.org/rice":    "Farmers in the Artibonite valley lost their rice harvest to the drought, and thousands faced hunger.",
		"https://example.org/council": "The council renewed the mandate of the mission for a year.",
	} {
		if _, err := st.Put(ctx, corpus.Document{Title: "Report", URL: u, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	srv := openaitest.New(t)
	srv.Enqueue(openaitest.Reply{Content: "Farmers in the valley lost their rice harvest to the drought [1]."})
	q := Request{Question: "Les agriculteurs de la vallée ont-ils perdu la récolte de riz à cause de la sécheresse ?"}
	plain, err := New(st, newModel(t, llmConfig(srv)), testAnswererConfig())
	if err != nil {
		t.Fatal(err)
	}
	if ans, err := plain.Answer(ctx, q); err != nil || ans.Mode != ModeAbstained {
		t.Fatalf("without rewriting: mode %s, err %v; the French words pass the gate alone, the test shows nothing", ans.Mode, err)
	}
	rewriting, err := New(st, WithQueryRewriting(newModel(t, llmConfig(srv))), testAnswererConfig())
	if err != nil {
		t.Fatal(err)
	}
	ans, err := rewriting.Answer(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeAbstained || len(ans.Citations) == 0 || ans.Citations[0].URL != "https://example.org/rice" {
		t.Fatalf("with rewriting: mode %s (%s), citations %+v, want an answer citing the rice report", ans.Mode, ans.Note, ans.Citations)
	}
	if ans.Question != q.Question {
		t.Errorf("the answer's question is %q, want the reader's %q", ans.Question, q.Question)
	}
	// A question about nothing the reports cover stays abstained on,
	// rewritten or not.
	off, err := rewriting.Answer(ctx, Request{Question: "Quelle est la meilleure pizza de Naples ?"})
	if err != nil || off.Mode != ModeAbstained {
		t.Errorf("off-topic question: mode %s, err %v, want an abstention", off.Mode, err)
	}
}
