package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// corpusCLI runs the bot with a temporary store unless vars name one.
type corpusCLI struct {
	t        *testing.T
	db       string
	vars     map[string]string
	terminal bool
}

func newCorpusCLI(t *testing.T) *corpusCLI {
	return &corpusCLI{t: t, db: filepath.Join(t.TempDir(), "brief.db"), vars: map[string]string{}}
}

// run runs `bot args...` with --db appended, and returns its output.
func (c *corpusCLI) run(args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader(""), getenv: func(k string) string { return c.vars[k] },
		log: slog.New(slog.NewTextHandler(io.Discard, nil)), isTerminal: c.terminal}
	if c.db != "" {
		args = append(args, "--db", c.db)
	}
	code = run(context.Background(), e, args)
	return out.String(), errb.String(), code
}

func writeCLIFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const cliArticle = "Checkpoint report\n\nPublished: 12 March 2025\n\nThe patrol reopened the zebracrossing checkpoint in Delmas after two days of clashes. Officers said the road would stay open."

func TestIngestCommand(t *testing.T) {
	t.Parallel()
	dir := writeCLIFiles(t, map[string]string{
		"report.txt":  cliArticle,
		"note.md":     "---\ntitle: Quagga note\nsource: Field desk\npublished: 2025-05-01\n---\nThe quagga unit moved to Pétion-Ville.",
		"bad.txt":     "\x00\x01binary\x00",
		"empty.txt":   "",
		"sub/.hidden": "x",
		"sub/pic.png": "\x89PNG",
	})
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderr   []string
		noStdout []string
	}{
		{"folder with good and bad files", []string{"ingest", dir}, 0,
			[]string{"added     Quagga note  (1 passage, id ", "added     Checkpoint report", "failed    " + filepath.Join(dir, "bad.txt") + ": binary file, not text",
				"failed    " + filepath.Join(dir, "empty.txt") + ": empty file", "skipped   " + filepath.Join(dir, "sub", "pic.png"),
				"2 added, 0 updated, 0 unchanged, 1 skipped, 2 failed"}, nil, []string{".hidden"}},
		{"again: unchanged", []string{"ingest", filepath.Join(dir, "report.txt")}, 0,
			[]string{"0 added, 0 updated, 1 unchanged, 0 skipped, 0 failed"}, nil, []string{"added  "}},
		{"everything failed", []string{"ingest", filepath.Join(dir, "bad.txt"), filepath.Join(dir, "nope.txt")}, 1,
			[]string{"0 added, 0 updated, 0 unchanged, 0 skipped, 2 failed", "no such file or folder"}, []string{"bot ingest: nothing was ingested: every input failed"}, nil},
		{"no arguments", []string{"ingest"}, 2, nil, []string{"name at least one file, folder or http(s) URL"}, nil},
		{"unknown flag", []string{"ingest", "--nope", dir}, 2, nil, []string{"flag provided but not defined: -nope"}, nil},
		{"help", []string{"ingest", "-h"}, 0, nil, []string{"usage: bot ingest", "-feed"}, nil},
	}
	c := newCorpusCLI(t)
	for _, tt := range tests { // in order: the store carries over
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := c.run(tt.args...)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.noStdout {
				if strings.Contains(stdout, s) {
					t.Errorf("stdout holds %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

func TestIngestCommandWeb(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Monitor</title>
<item><title>Okapi patrol expands</title><link>%[1]s/a</link><pubDate>Tue, 16 Jul 2024 09:30:00 GMT</pubDate><description>Short summary.</description></item>
<item><title>Gone story</title><link>%[1]s/gone</link><description>Only a summary survives about the ferry.</description></item>
</channel></rss>`, base)
		case "/a":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><head><title>Okapi patrol expands</title></head><body><article><p>The okapi patrol now covers the port and the airport road, officials said on Tuesday.</p></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := newCorpusCLI(t)

	stdout, stderr, code := c.run("ingest", "--feed", srv.URL+"/feed.xml")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, s := range []string{"added     Okapi patrol expands", "added     Gone story", "warning   " + srv.URL + "/gone: kept the feed's summary: the article could not be read: HTTP 404 Not Found", "2 added"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("stdout lacks %q:\n%s", s, stdout)
		}
	}
	stdout, _, code = c.run("ingest", srv.URL+"/missing")
	if code != 1 || !strings.Contains(stdout, "failed    "+srv.URL+"/missing: HTTP 404 Not Found") {
		t.Errorf("a 404 page: exit %d\n%s", code, stdout)
	}
	stdout, _, _ = c.run("search", "--json", "okapi airport road")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(stdout), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("search after feed ingest: %v\n%s", err, stdout)
	}
	if hits[0]["url"] != srv.URL+"/a" || hits[0]["source"] != "Monitor" || hits[0]["published"] != "2024-07-16T09:30:00Z" {
		t.Errorf("first hit = %v, want the fetched article with the feed's metadata", hits[0])
	}
}

func TestIngestProgressBar(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for i := range 8 {
		files[fmt.Sprintf("d%d.txt", i)] = fmt.Sprintf("Report %d\n\nThe unit number %d filed its report.", i, i)
	}
	dir := writeCLIFiles(t, files)
	for _, terminal := range []bool{false, true} {
		c := newCorpusCLI(t)
		c.terminal = terminal
		stdout, stderr, code := c.run("ingest", dir)
		if code != 0 || !strings.Contains(stdout, "8 added") {
			t.Fatalf("exit %d\n%s", code, stdout)
		}
		if drew := strings.Contains(stderr, "/8)") && strings.Contains(stderr, "d7.txt"); drew != terminal {
			t.Errorf("terminal=%v: progress bar drawn = %v; stderr %q", terminal, drew, stderr)
		}
		if strings.Contains(stdout, "/8)") {
			t.Error("the progress bar went to stdout")
		}
	}
}

// searchHitJSON mirrors the documented `bot search --json` fields.
type searchHitJSON struct {
	DocID     *string  `json:"doc_id"`
	Title     *string  `json:"title"`
	Source    *string  `json:"source"`
	URL       *string  `json:"url"`
	Published *string  `json:"published"`
	Text      *string  `json:"text"`
	Score     *float64 `json:"score"`
}

func TestSearchCommand(t *testing.T) {
	t.Parallel()
	c := newCorpusCLI(t)
	dir := writeCLIFiles(t, map[string]string{"report.txt": cliArticle})
	if _, stderr, code := c.run("ingest", dir); code != 0 {
		t.Fatal(stderr)
	}

	t.Run("json", func(t *testing.T) {
		stdout, stderr, code := c.run("search", "--json", "-k", "4", "Who", "leads", "the", "mission?")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var hits []searchHitJSON
		if err := json.Unmarshal([]byte(stdout), &hits); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, stdout)
		}
		if len(hits) == 0 || len(hits) > 4 {
			t.Fatalf("%d hits, want 1 to 4", len(hits))
		}
		for i, h := range hits {
			if h.DocID == nil || *h.DocID == "" || h.Title == nil || *h.Title == "" || h.Source == nil || h.URL == nil || h.Text == nil || *h.Text == "" || h.Score == nil {
				t.Fatalf("hit %d lacks a documented field: %s", i, stdout)
			}
			if h.Published != nil {
				if _, err := time.Parse(time.RFC3339, *h.Published); err != nil {
					t.Errorf("published %q is not RFC 3339", *h.Published)
				}
			}
			if i > 0 && *h.Score > *hits[i-1].Score {
				t.Errorf("hits not best first: %v after %v", *h.Score, *hits[i-1].Score)
			}
		}
	})
	t.Run("json null published and flags after the query", func(t *testing.T) {
		stdout, _, code := c.run("search", "zebracrossing checkpoint", "--json", "-k", "1")
		var raw []map[string]any
		if err := json.Unmarshal([]byte(stdout), &raw); err != nil || code != 0 || len(raw) != 1 {
			t.Fatalf("exit %d, %v: %s", code, err, stdout)
		}
		if raw[0]["published"] != "2025-03-12T00:00:00Z" || raw[0]["title"] != "Checkpoint report" {
			t.Errorf("hit = %v", raw[0])
		}
	})
	t.Run("readable", func(t *testing.T) {
		stdout, _, code := c.run("search", "-k", "2", "zebracrossing checkpoint Delmas")
		if code != 0 {
			t.Fatal(stdout)
		}
		for _, s := range []string{"1. Checkpoint report  [score ", "   2025-03-12 · " + filepath.Join(dir, "report.txt"), "The patrol reopened the zebracrossing checkpoint"} {
			if !strings.Contains(stdout, s) {
				t.Errorf("output lacks %q:\n%s", s, stdout)
			}
		}
	})
	t.Run("filters", func(t *testing.T) {
		stdout, _, _ := c.run("search", "--json", "--source", "briefing NOTES", "--since", "2025-10-01", "mission mandate")
		var hits []searchHitJSON
		if err := json.Unmarshal([]byte(stdout), &hits); err != nil || len(hits) == 0 {
			t.Fatalf("%v: %s", err, stdout)
		}
		for _, h := range hits {
			if *h.Source != "Briefing notes" || h.Published == nil || *h.Published < "2025-10-01" {
				t.Errorf("hit outside the filters: source %q published %v", *h.Source, h.Published)
			}
		}
		stdout, _, code := c.run("search", "--json", "--source", "Nobody", "mission")
		if code != 0 || strings.TrimSpace(stdout) != "[]" {
			t.Errorf("no hits: exit %d, output %q, want []", code, stdout)
		}
		stdout, _, _ = c.run("search", "xylophonezeppelin")
		if !strings.Contains(stdout, `No passage matches "xylophonezeppelin".`) {
			t.Errorf("readable empty result: %q", stdout)
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"search"}, "give a query"},
			{[]string{"search", "-k", "0", "x"}, "-k 0 is outside 1 to 100"},
			{[]string{"search", "--since", "March 2025", "x"}, `--since "March 2025" is not a YYYY-MM-DD date`},
			{[]string{"search", "-k", "many", "x"}, "invalid value"},
		} {
			_, stderr, code := c.run(tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
			}
		}
	})
}

func TestSourcesCommand(t *testing.T) {
	t.Parallel()
	c := newCorpusCLI(t)
	dir := writeCLIFiles(t, map[string]string{"report.txt": cliArticle})
	c.run("ingest", dir)
	bundled, err := corpus.BundledDocuments()
	if err != nil {
		t.Fatal(err)
	}

	stdout, _, code := c.run("sources", "--json")
	var docs []struct {
		ID        string  `json:"id"`
		Title     string  `json:"title"`
		Published *string `json:"published"`
		Origin    string  `json:"origin"`
	}
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil || code != 0 {
		t.Fatalf("exit %d, %v: %s", code, err, stdout)
	}
	if len(docs) != len(bundled)+1 {
		t.Errorf("%d documents, want the %d bundled notes and the report", len(docs), len(bundled))
	}
	found := false
	for _, d := range docs {
		if d.Title == "Checkpoint report" && d.Origin == filepath.Join(dir, "report.txt") && d.Published != nil && *d.Published == "2025-03-12T00:00:00Z" && len(d.ID) == 16 {
			found = true
		}
	}
	if !found {
		t.Errorf("the report is not listed right: %s", stdout)
	}

	stdout, _, code = c.run("sources")
	if code != 0 {
		t.Fatalf("sources: exit %d", code)
	}
	for _, s := range []string{"ID", "PUBLISHED", "Checkpoint report", "2025-03-12", fmt.Sprintf("%d documents", len(bundled)+1)} {
		if !strings.Contains(stdout, s) {
			t.Errorf("table lacks %q:\n%s", s, stdout)
		}
	}
	if _, stderr, code := c.run("sources", "extra"); code != 2 || !strings.Contains(stderr, `unexpected argument "extra"`) {
		t.Errorf("extra argument: exit %d, %s", code, stderr)
	}
}

func TestStorePathFromEnv(t *testing.T) {
	t.Parallel()
	c := newCorpusCLI(t)
	db := c.db
	c.db = "" // no --db: BOT_DB decides
	c.vars["BOT_DB"] = db
	dir := writeCLIFiles(t, map[string]string{"report.txt": cliArticle})
	if _, stderr, code := c.run("ingest", dir); code != 0 {
		t.Fatal(stderr)
	}
	st, err := corpus.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if hits, err := st.Search(context.Background(), corpus.Query{Text: "zebracrossing"}); err != nil || len(hits) != 1 {
		t.Errorf("the store named by BOT_DB lacks the report: %d hits, %v", len(hits), err)
	}
}

// TestOneDocumentShape: search hits, sources and ask's citations show a
// document with the same fields, dates in RFC 3339.
func TestOneDocumentShape(t *testing.T) {
	t.Parallel()
	c := newCorpusCLI(t)
	dir := writeCLIFiles(t, map[string]string{"report.txt": cliArticle})
	c.run("ingest", dir)
	docs := map[string][]map[string]any{}
	for _, args := range [][]string{{"search", "--json", "zebracrossing checkpoint"}, {"sources", "--json"}} {
		out, errOut, code := c.run(args...)
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
			t.Fatalf("%v: exit %d, %v: %s", args, code, err, errOut)
		}
		docs[args[0]] = got
	}
	out, errOut, code := c.run("ask", "--json", "Which checkpoint reopened in Delmas?")
	var ask struct {
		Citations []map[string]any `json:"citations"`
	}
	if err := json.Unmarshal([]byte(out), &ask); err != nil || code != 0 {
		t.Fatalf("ask: exit %d, %v: %s", code, err, errOut)
	}
	docs["ask"] = ask.Citations
	for cmd, list := range docs {
		found := false
		for _, d := range list {
			for _, k := range []string{"doc_id", "title", "source", "url", "published"} {
				if _, ok := d[k]; !ok {
					t.Errorf("%s: document without %q: %v", cmd, k, d)
				}
			}
			if d["title"] == "Checkpoint report" {
				found = true
				if d["published"] != "2025-03-12T00:00:00Z" {
					t.Errorf("%s: published %v, want RFC 3339", cmd, d["published"])
				}
			}
		}
		if !found {
			t.Errorf("%s: the report is not among %d documents", cmd, len(list))
		}
	}
}

// TestBadFlagsExitTwo: every command says a flag it does not know is a
// usage error (exit 2), not a failure.
func TestBadFlagsExitTwo(t *testing.T) {
	t.Parallel()
	c := newCorpusCLI(t)
	for name := range commands() {
		if _, errOut, code := c.run(name, "--no-such-flag"); code != 2 {
			t.Errorf("bot %s --no-such-flag: exit %d (%s), want 2", name, code, strings.TrimSpace(errOut))
		}
	}
}
