package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// TestIngestEmbedsAndSourcesCounts: with an embeddings model, `bot ingest`
// embeds the passages it writes, `bot sources --json` counts each
// document's passages with vectors of that model (the bundled notes, not
// ingested, have none until reindex), and without a model says nothing.
func TestIngestEmbedsAndSourcesCounts(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	c := newCorpusCLI(t)
	c.vars = map[string]string{"OPENAI_BASE_URL": srv.URL, "EMBEDDINGS_MODEL": "text-embedding-3-small"}
	dir := writeCLIFiles(t, map[string]string{"report.txt": cliArticle})
	out, errOut, code := c.run("ingest", dir)
	m := regexp.MustCompile(`\((\d+) passages?, id (\w+)\)`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	passages, _ := strconv.Atoi(m[1])
	reportID := m[2]

	counts := func() map[string]*int {
		t.Helper()
		out, errOut, code := c.run("sources", "--json")
		var docs []struct {
			ID      string `json:"id"`
			Vectors *int   `json:"vectors"`
		}
		if err := json.Unmarshal([]byte(out), &docs); err != nil || code != 0 {
			t.Fatalf("sources --json: exit %d, %v: %s %s", code, err, out, errOut)
		}
		got := map[string]*int{}
		for _, d := range docs {
			got[d.ID] = d.Vectors
		}
		return got
	}
	got := counts()
	if v := got[reportID]; v == nil || *v != passages {
		t.Fatalf("the ingested report has %v passages with vectors, want %d", v, passages)
	}
	for id, v := range got {
		if id != reportID && (v == nil || *v != 0) {
			t.Errorf("bundled note %s: vectors %v, want 0 before reindex", id, v)
		}
	}
	if _, errOut, code := c.run("reindex", "--embeddings"); code != 0 {
		t.Fatalf("reindex: exit %d: %s", code, errOut)
	}
	for id, v := range counts() {
		if v == nil || *v == 0 {
			t.Errorf("%s: vectors %v after reindex", id, v)
		}
	}

	c.vars = map[string]string{}
	for id, v := range counts() {
		if v != nil {
			t.Errorf("%s: vectors %d shown without an embeddings model", id, *v)
		}
	}
}

// TestServeBackfill: bot serve's background pass embeds the passages that
// have no vector of the configured model (here the bundled notes, loaded
// without embedding) and stops when asked.
func TestServeBackfill(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := openaitest.New(t)
	cfg := config.Default()
	cfg.Embed.Model, cfg.Embed.BaseURL, cfg.Embed.Dimensions = "text-embedding-3-small", srv.URL, openaitest.SemanticDims
	store, err := corpus.Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if n, err := store.LoadBundled(ctx); err != nil || n == 0 {
		t.Fatalf("bundled: %d, %v", n, err)
	}
	e := &env{log: slog.New(slog.DiscardHandler)}
	search, err := searcher(e, cfg, store)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := search.(*corpus.Vectors)
	if !ok {
		t.Fatalf("searcher is %T, want dense", search)
	}
	stop := backfillVectors(ctx, search, cfg)
	for i := 0; ; i++ {
		m, err := store.MissingVectors(ctx, v.Model())
		if err == nil && m == 0 {
			break
		}
		if i == 1000 {
			t.Fatalf("%d passages still without vectors (%v)", m, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	if hits, err := v.DenseSearch(ctx, corpus.Query{Text: "Who leads the mission?", K: 3}); err != nil || len(hits) != 3 {
		t.Errorf("dense search after the pass: %d hits, %v", len(hits), err)
	}
}

// TestAskByMeaning: with an embeddings model, `bot ask` answers a
// paraphrase that only the dense list finds ("fuel shortage" for "petrol
// was scarce"), quoting the report; without one, or with the endpoint
// failing, it abstains as lexical search does.
func TestAskByMeaning(t *testing.T) {
	t.Parallel()
	srv := openaitest.New(t)
	c := newCorpusCLI(t)
	dir := writeCLIFiles(t, map[string]string{
		"fuel.txt":    "Pumps\n\nPetrol was scarce at the pumps of the capital in June.",
		"schools.txt": "Schools\n\nSchools closed across the capital after the clashes with gangs.",
	})
	config := func(model string) string {
		p := filepath.Join(t.TempDir(), "config.yaml")
		body := ""
		if model != "" {
			body = "embeddings:\n  model: " + model + "\n  dimensions: 256\n  base_url: " + srv.URL + "\n  retries: 0\n"
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if out, errOut, code := c.run("ingest", dir, "--config", config("text-embedding-3-small")); code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	ask := func(cfg string) (mode, quote string) {
		t.Helper()
		out, errOut, code := c.run("ask", "Was there a fuel shortage?", "--json", "--config", cfg)
		var got struct {
			Mode      string `json:"mode"`
			Citations []struct {
				Quote string `json:"quote"`
			} `json:"citations"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
			t.Fatalf("ask: exit %d, %v\n%s\n%s", code, err, out, errOut)
		}
		if len(got.Citations) > 0 {
			quote = got.Citations[0].Quote
		}
		return got.Mode, quote
	}
	if mode, quote := ask(config("text-embedding-3-small")); mode != "extractive" || !strings.Contains(quote, "Petrol was scarce") {
		t.Errorf("with embeddings: %s, quoting %q; want the petrol report quoted", mode, quote)
	}
	for name, cfg := range map[string]string{"without embeddings": config(""), "endpoint failing": config("fail-model")} {
		if mode, _ := ask(cfg); mode != "abstained" {
			t.Errorf("%s: %s, want an abstention", name, mode)
		}
	}
}
