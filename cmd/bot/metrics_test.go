package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

// metricsFeed serves one RSS feed whose item carries its whole text.
func metricsFeed(t *testing.T) string {
	t.Helper()
	body := strings.Repeat("Officers of the mission patrolled the port district of the capital and reported calm streets after a week of clashes. ", 5)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Port Wire</title><link>https://example.org/</link><description>d</description>`+
			`<item><title>Patrols resume in the port district</title><link>https://example.org/port-1</link><guid>port-1</guid><pubDate>%s</pubDate><description>%s</description></item></channel></rss>`,
			time.Now().Add(-time.Hour).Format(time.RFC1123Z), body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/feed.xml"
}

// TestServeBinaryMetrics: after a question answered by the model, a feed
// polled into the store and a digest posted, the binary's /metrics shows
// each, beside the transport's series and the build.
func TestServeBinaryMetrics(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	addr := freeAddr(t)
	feed := metricsFeed(t)
	cfgPath := filepath.Join(t.TempDir(), "bot.yaml")
	cfg := "feeds:\n  schedule: \"@every 1s\"\n  urls: [\"" + feed + "\"]\n" +
		"digests:\n  - channel: CDIGEST\n    schedule: \"* * * * *\"\n    empty_week: post\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	p := startServe(t, bin, addr, serveVars(fake, llm, false), "--db", filepath.Join(t.TempDir(), "brief.db"), "--config", cfgPath)

	ts := fake.AddMessage(slacktest.Message{Channel: "C1", User: "U1", Text: "<@" + slacktest.BotUserID + "> Who leads the mission?"})
	ev := slacktest.EventCallback("EvMetrics", slacktest.AppMention("C1", "U1", "<@"+slacktest.BotUserID+"> Who leads the mission?", ts, ""))
	if status, _ := signedPost(t, "http://"+addr+"/slack/events", slacktest.SigningSecret, slacktest.JSONType, ev); status != http.StatusOK {
		t.Fatalf("event status %d", status)
	}

	want := []string{
		`briefbot_model_calls_total{model="gpt-4o-mini",outcome="ok"}`,
		`briefbot_model_tokens_total{kind="completion",model="gpt-4o-mini"}`,
		`briefbot_model_tokens_total{kind="prompt",model="gpt-4o-mini"}`,
		`briefbot_model_call_seconds_count{model="gpt-4o-mini"}`,
		`briefbot_ingest_documents_total{outcome="added"} 1`,
		`briefbot_feed_polls_total{feed="` + feed + `",outcome="ok"}`,
		`briefbot_feed_last_success_timestamp_seconds{feed="` + feed + `"}`,
		`briefbot_digests_total{channel="CDIGEST",outcome="posted"}`,
		`briefbot_build_info{goversion="go`,
		`briefbot_slack_answers_total{mode="llm",via="mention"} 1`,
	}
	var text string
	missing := want
	deadline := time.Now().Add(serveWait)
	for len(missing) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		text = string(b)
		missing = nil
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = append(missing, w)
			}
		}
	}
	for _, m := range missing {
		t.Errorf("/metrics lacks %s", m)
	}
	if len(missing) > 0 {
		var ours []string
		for _, l := range strings.Split(text, "\n") {
			if strings.HasPrefix(l, "briefbot_") {
				ours = append(ours, l)
			}
		}
		t.Logf("briefbot series:\n%s\nlogs:\n%s", strings.Join(ours, "\n"), p.logs)
	}
	p.stop(t)
}
