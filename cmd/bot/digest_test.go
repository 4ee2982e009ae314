package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/schedule"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// digestDemoDir holds made-up articles: three outlets on one event, one
// unrelated story, and an archive piece from 2019 (a backfill).
const digestDemoDir = "../../internal/schedule/testdata/digest-demo"

// digestSince starts the demo window the day before the demo articles.
const digestSince = "2026-11-16"

// digestStore makes a store holding the demo articles, stored an hour ago,
// and a config file whose one digest is for channel CDEMO in Nairobi time.
func digestStore(t *testing.T) (db, cfg string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "brief.db")
	st, err := corpus.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files, err := filepath.Glob(filepath.Join(digestDemoDir, "*.md"))
	if err != nil || len(files) != 5 {
		t.Fatalf("demo articles: %v, %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := corpus.ParseMarkdown(data)
		if err != nil {
			t.Fatal(err)
		}
		d.Origin, d.Ingested = f, time.Now().Add(-time.Hour)
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	cfg = filepath.Join(dir, "bot.yaml")
	if err := os.WriteFile(cfg, []byte("digests:\n  - channel: CDEMO\n    time_zone: Africa/Nairobi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return db, cfg
}

// digestCLI runs `bot digest args...` with the given environment.
func digestCLI(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader(""), getenv: func(k string) string { return vars[k] },
		log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	code = run(context.Background(), e, append([]string{"digest"}, args...))
	return out.String(), errb.String(), code
}

func lastPosted(t *testing.T, db, channel string) (ledger.DigestRun, bool) {
	t.Helper()
	d, err := database.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	r, ok, err := ledger.New(d).LastPostedDigest(context.Background(), channel)
	if err != nil {
		t.Fatal(err)
	}
	return r, ok
}

func TestDigestDryRun(t *testing.T) {
	t.Parallel()
	db, cfg := digestStore(t)
	out, errOut, code := digestCLI(t, nil, "--db", db, "--config", cfg, "--dry-run", "--since", digestSince)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Digest for CDEMO: 16 Nov 2026 00:00 – ", "(Africa/Nairobi)", "no language model configured",
		"1. ", "[1][2][3]", "Caribbean Wire (demo), 2026-11-17", "Nairobi Daily (demo)", "Global Review (demo)",
		"2. Canada adds a pledge to the trust fund", "Dry run: nothing posted or recorded.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Archive") || strings.Contains(out, "3. ") {
		t.Errorf("output lists the backfilled archive piece or a third story:\n%s", out)
	}
	if _, ok := lastPosted(t, db, "CDEMO"); ok {
		t.Error("a dry run recorded a digest")
	}
}

func TestDigestJSON(t *testing.T) {
	t.Parallel()
	db, cfg := digestStore(t)
	out, errOut, code := digestCLI(t, nil, "--db", db, "--config", cfg, "--dry-run", "--json", "--since", digestSince)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got digestJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.TimeZone != "Africa/Nairobi" || len(got.Items) != 2 || len(got.Items[0].Sources) != 3 || len(got.Items[1].Sources) != 1 {
		t.Fatalf("digest %+v: want 2 items, the first citing 3 documents", got)
	}
	for _, it := range got.Items {
		for _, s := range it.Sources {
			if s.DocID == "" || s.Title == "" || s.Published == nil {
				t.Fatalf("source %+v: want doc_id, title and a publication date", s)
			}
			if p, err := time.Parse(time.RFC3339, *s.Published); err != nil || p.Year() != 2026 {
				t.Errorf("source published %q: want an RFC 3339 date in 2026 (%v)", *s.Published, err)
			}
		}
	}
}

func TestDigestWithoutSlackPrints(t *testing.T) {
	t.Parallel()
	db, cfg := digestStore(t)
	out, errOut, code := digestCLI(t, nil, "--db", db, "--config", cfg, "--since", digestSince)
	if code != 0 || !strings.Contains(errOut, "SLACK_BOT_TOKEN is not set") || !strings.Contains(out, "Dry run") {
		t.Errorf("exit %d, stderr %q, stdout %q: want a printed dry run, explained", code, errOut, out)
	}
	if _, ok := lastPosted(t, db, "CDEMO"); ok {
		t.Error("recorded a digest without Slack")
	}
}

// Asked to post to a channel without a token, the command fails and names
// the variable: printing instead would look like success to a cron job.
func TestDigestToChannelWithoutTokenFails(t *testing.T) {
	t.Parallel()
	db, cfg := digestStore(t)
	_, errOut, code := digestCLI(t, nil, "--db", db, "--config", cfg, "--since", digestSince, "--channel", "CDEMO")
	if code == 0 || !strings.Contains(errOut, "SLACK_BOT_TOKEN") {
		t.Errorf("exit %d, stderr %q: want a failure naming SLACK_BOT_TOKEN", code, errOut)
	}
	if _, ok := lastPosted(t, db, "CDEMO"); ok {
		t.Error("recorded a digest without Slack")
	}
}

func TestDigestPosts(t *testing.T) {
	t.Parallel()
	db, cfg := digestStore(t)
	slack := slacktest.New(t)
	vars := map[string]string{"SLACK_BOT_TOKEN": slacktest.BotToken, "SLACK_API_URL": slack.APIURL()}
	out, errOut, code := digestCLI(t, vars, "--db", db, "--config", cfg, "--since", digestSince)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	posts := slack.Posts()
	if len(posts) != 1 || posts[0].Channel != "CDEMO" {
		t.Fatalf("posts %+v: want one digest in CDEMO", posts)
	}
	if !strings.Contains(out, "Posted to CDEMO (message ts "+posts[0].TS+")") {
		t.Errorf("output does not report the post:\n%s", out)
	}
	r, ok := lastPosted(t, db, "CDEMO")
	if !ok || r.MessageTS != posts[0].TS || len(r.DocIDs) != 4 {
		t.Fatalf("recorded %+v: want the post and its 4 documents", r)
	}
	if posts[0].Metadata == nil || posts[0].Metadata.EventPayload["run"] != schedule.RunKey("CDEMO", r.End) {
		t.Errorf("post metadata %+v: want the run key", posts[0].Metadata)
	}
	// From the new watermark on, nothing is new.
	out, _, code = digestCLI(t, vars, "--db", db, "--config", cfg, "--dry-run")
	if code != 0 || !strings.Contains(out, "Nothing new") {
		t.Errorf("dry run after posting (exit %d):\n%s", code, out)
	}
}

func TestDigestUsageErrors(t *testing.T) {
	t.Parallel()
	db, cfg := digestStore(t)
	two := filepath.Join(t.TempDir(), "two.yaml")
	if err := os.WriteFile(two, []byte("digests:\n  - channel: C1\n  - channel: C2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--config", cfg, "--since", "last week"}, "YYYY-MM-DD"},
		{[]string{"--config", cfg, "--since", "2999-01-01"}, "not in the past"},
		{[]string{"--config", two, "--dry-run"}, "--channel (C1, C2)"},
		{[]string{"--config", cfg, "extra"}, "unexpected argument"},
	}
	for _, tt := range tests {
		_, errOut, code := digestCLI(t, nil, append([]string{"--db", db}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// The scheduler `bot serve` runs: a digest every minute against a fake
// Slack posts at start (the current minute's period), and a restart posts
// no period twice.
func TestServeSchedulerAcrossRestart(t *testing.T) {
	t.Parallel()
	db, _ := digestStore(t)
	cfgPath := filepath.Join(t.TempDir(), "serve.yaml")
	if err := os.WriteFile(cfgPath, []byte("digests:\n  - channel: CMIN\n    schedule: \"* * * * *\"\n    empty_week: post\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	slack := slacktest.New(t)
	vars := map[string]string{"SLACK_BOT_TOKEN": slacktest.BotToken, "SLACK_API_URL": slack.APIURL(), "BOT_DB": db}
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return vars[k] }, log: slog.New(slog.DiscardHandler)}
	c := &common{configPath: cfgPath}
	cfg, err := c.load(e)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 2 {
		store, err := corpus.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		s, err := newServeScheduler(e, cfg, store)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := slack.WaitForPosts(1, 10*time.Second); err != nil {
				t.Fatal(err)
			}
		}
		stop, cancel := context.WithTimeout(ctx, 10*time.Second)
		if err := s.Stop(stop); err != nil {
			t.Fatal(err)
		}
		cancel()
		store.Close()
	}
	// One post per period: the restart posts only if a new minute began.
	seen := map[string]bool{}
	for _, p := range slack.Posts() {
		var key string
		if p.Metadata != nil {
			key, _ = p.Metadata.EventPayload["run"].(string)
		}
		if key == "" || seen[key] {
			t.Errorf("post %s has run key %q, seen before: %v", p.TS, key, seen[key])
		}
		seen[key] = true
	}
	if n := len(slack.Posts()); n < 1 || n > 2 {
		t.Errorf("%d posts across a restart within a minute or two, want 1 or 2", n)
	}
}
