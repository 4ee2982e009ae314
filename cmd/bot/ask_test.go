package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/openaitest"
)

// askCLI runs `bot args...` against a fresh store with the given
// environment.
func askCLI(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader(""), getenv: func(k string) string { return vars[k] },
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if _, ok := vars["BOT_DB"]; !ok {
		args = append(args, "--db", filepath.Join(t.TempDir(), "brief.db"))
	}
	code = run(context.Background(), e, args)
	return out.String(), errb.String(), code
}

func TestAskExtractive(t *testing.T) {
	t.Parallel()
	out, errOut, code := askCLI(t, nil, "ask", "Who leads the Haiti security mission?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Kenya", "[1]",
		"Extractive answer: no language model configured (set OPENAI_API_KEY or OPENAI_BASE_URL for written answers).",
		"As of ", "Sources:\n[1] ", " — Briefing notes, 2025-", "    https://", "    “"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestAskRespelled: a slip of the keyboard is read as the corpus spells
// the word, and the answer says so.
func TestAskRespelled(t *testing.T) {
	t.Parallel()
	out, errOut, code := askCLI(t, nil, "ask", "Who leads the Haiti securty mision?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Read as: Who leads the Haiti security mission?", "Kenya", "[1]"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAskJSON(t *testing.T) {
	t.Parallel()
	// Flags may follow the question.
	out, errOut, code := askCLI(t, nil, "ask", "Who leads the Haiti security mission?", "--json", "-k", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Answer    string  `json:"answer"`
		Mode      string  `json:"mode"`
		AsOf      *string `json:"as_of"`
		Note      *string `json:"note"`
		Dropped   *int    `json:"dropped_citations"`
		Citations []struct {
			N         int     `json:"n"`
			Title     string  `json:"title"`
			Source    string  `json:"source"`
			URL       string  `json:"url"`
			Published *string `json:"published"`
			Quote     string  `json:"quote"`
		} `json:"citations"`
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Mode != "extractive" || got.Answer == "" || got.AsOf == nil || len(*got.AsOf) != 10 || got.Note == nil || *got.Note != "no language model configured" || got.Dropped == nil {
		t.Fatalf("answer %+v", got)
	}
	if len(got.Citations) == 0 {
		t.Fatal("no citations")
	}
	for i, c := range got.Citations {
		if c.N != i+1 || c.Title == "" || c.Source == "" || c.URL == "" || c.Published == nil || c.Quote == "" {
			t.Errorf("citation %+v", c)
		}
	}
}

func TestAskAbstains(t *testing.T) {
	t.Parallel()
	out, _, code := askCLI(t, nil, "ask", "What is the capital of Mongolia?")
	if code != 0 || !strings.Contains(out, "does not hold the answer") || !strings.Contains(out, "No answer: ") || !strings.Contains(out, "Try:\n  - ") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestAskWithModel(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	srv.RequireKey("sk-test")
	srv.Enqueue(openaitest.Reply{Content: "As of October 2025, Kenya leads the mission [1][8]."})
	vars := map[string]string{"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": srv.URL, "OPENAI_MODEL": "fake-model"}
	out, errOut, code := askCLI(t, vars, "ask", "--json", "Who leads the Haiti security mission?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Answer  string `json:"answer"`
		Mode    string `json:"mode"`
		Model   string `json:"model"`
		Dropped int    `json:"dropped_citations"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Mode != "llm" || got.Model != "fake-model" || got.Dropped != 1 || got.Answer != "As of October 2025, Kenya leads the mission [1]." {
		t.Errorf("answer %+v", got)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 1 || reqs[0].Model != "fake-model" || !strings.Contains(reqs[0].LastUser(), "<<<PASSAGE 1") {
		t.Errorf("requests %+v", reqs)
	}
	if strings.Contains(errOut, "sk-test") {
		t.Error("the API key reached the logs")
	}

	// A failing model: the answer is still given, extractively, and says why.
	srv.Enqueue(openaitest.Reply{Status: 401})
	out, _, code = askCLI(t, vars, "ask", "Who leads the Haiti security mission?")
	if code != 0 || !strings.Contains(out, "Extractive answer: the language model did not answer: not authorised (HTTP 401): check OPENAI_API_KEY.") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestAskUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ask"}, "give a question"},
		{[]string{"ask", "-k", "50", "why?"}, "-k 50 is outside 1 to 20"},
		{[]string{"ask", "--nope", "why?"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		_, errOut, code := askCLI(t, nil, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

const shippedEval = "../../internal/brief/testdata/eval.yaml"

func TestEvalCommand(t *testing.T) {
	t.Parallel()
	out, errOut, code := askCLI(t, nil, "eval", shippedEval)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"30 questions (24 answerable, 6 unanswerable), extractive answers", "recall@5 ", "MRR ", "abstention accuracy ", "citation validity    n/a"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = askCLI(t, nil, "eval", "--json", shippedEval)
	var rep struct {
		K                  int      `json:"k"`
		Questions          int      `json:"questions"`
		RecallAtK          float64  `json:"recall_at_k"`
		MRR                float64  `json:"mrr"`
		AbstentionAccuracy float64  `json:"abstention_accuracy"`
		CitationValidity   *float64 `json:"citation_validity"`
		Results            []any    `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if rep.K != 5 || rep.Questions != 30 || len(rep.Results) != 30 || rep.RecallAtK < 0.85 || rep.AbstentionAccuracy < 0.9 || rep.CitationValidity != nil {
		t.Errorf("report %+v", rep)
	}
}

func TestEvalCommandWithModel(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	// The fake cites passage 1 and an invented passage 9 every time, with a
	// claim that passage 1 holds for the questions about who leads (the
	// rest are set aside by the support check and answered extractively).
	srv.SetDefault(openaitest.Reply{Content: "Kenya leads the mission [1][9]."})
	out, errOut, code := askCLI(t, map[string]string{"OPENAI_BASE_URL": srv.URL}, "eval", "--json", shippedEval)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		CitationValidity *float64 `json:"citation_validity"`
		Results          []struct {
			Mode    string `json:"mode"`
			Markers int    `json:"markers"`
			Dropped int    `json:"dropped_citations"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	// Every answer the model wrote named the invented [9]: each counts one
	// dropped marker, and validity is the share of markers kept.
	kept, dropped, written := 0, 0, 0
	for _, r := range rep.Results {
		if r.Mode != "llm" {
			continue
		}
		written++
		kept, dropped = kept+r.Markers, dropped+r.Dropped
		if r.Dropped != 1 {
			t.Errorf("a model answer dropped %d markers, want 1 (the invented [9])", r.Dropped)
		}
	}
	if written == 0 {
		t.Fatal("no answer was written by the model")
	}
	if want := float64(kept) / float64(kept+dropped); rep.CitationValidity == nil || *rep.CitationValidity != want || want >= 1 {
		t.Errorf("citation validity %s, want %.3f (kept %d of %d markers)", fmtPtr(rep.CitationValidity), want, kept, kept+dropped)
	}
	if len(srv.ChatRequests()) == 0 {
		t.Error("the model was never asked")
	}
}

func TestEvalCommandErrors(t *testing.T) {
	t.Parallel()
	_, errOut, code := askCLI(t, nil, "eval")
	if code != 2 || !strings.Contains(errOut, "give one question file") {
		t.Errorf("no file: exit %d %q", code, errOut)
	}
	_, errOut, code = askCLI(t, nil, "eval", "nope.yaml")
	if code != 1 || !strings.Contains(errOut, "eval file") || !strings.Contains(errOut, "nope.yaml") {
		t.Errorf("missing file: exit %d %q", code, errOut)
	}
}

func fmtPtr(f *float64) string {
	if f == nil {
		return "nil"
	}
	return strconv.FormatFloat(*f, 'f', 3, 64)
}

// TestReindexEmbeddingsThenAsk: `bot reindex --embeddings` embeds every
// passage against the fake endpoint, says what it will cost first, and a
// second run has nothing left to do; ask then searches with the vectors.
func TestReindexEmbeddingsThenAsk(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	db := filepath.Join(t.TempDir(), "brief.db")
	vars := map[string]string{"OPENAI_BASE_URL": srv.URL, "EMBEDDINGS_MODEL": "text-embedding-3-small", "BOT_DB": db}
	out, errOut, code := askCLI(t, vars, "reindex", "--embeddings", "--db", db)
	if code != 0 || !strings.Contains(errOut, "passages to embed") || !strings.Contains(out, "embedded ") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	if strings.Contains(out, "embedded 0 passages") {
		t.Errorf("first run embedded nothing: %s", out)
	}
	out, _, code = askCLI(t, vars, "reindex", "--embeddings", "--db", db)
	if code != 0 || !strings.Contains(out, "embedded 0 passages") {
		t.Errorf("second run: exit %d, %s; want nothing left to embed", code, out)
	}
	if _, errOut, code := askCLI(t, map[string]string{"BOT_DB": db}, "reindex", "--embeddings", "--db", db); code == 0 || !strings.Contains(errOut, "EMBEDDINGS_MODEL") {
		t.Errorf("without a model: exit %d, %s; want an error naming EMBEDDINGS_MODEL", code, errOut)
	}
}
