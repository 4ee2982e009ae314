package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

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
