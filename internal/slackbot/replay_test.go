package slackbot

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// replay sends body to path as one signed request, then the very same
// bytes and headers again to each of urls: what someone who captured the
// request can do inside the five minutes the signature is good for.
func replay(t *testing.T, path, contentType string, body []byte, urls ...string) []string {
	t.Helper()
	at := time.Now()
	var bodies []string
	for _, u := range urls {
		req, err := slacktest.SignedRequest(u+path, slacktest.SigningSecret, at, contentType, body)
		if err != nil {
			t.Fatal(err)
		}
		status, got := do(t, req)
		if status != http.StatusOK {
			t.Fatalf("%s to %s: status %d (%s)", path, u, status, got)
		}
		bodies = append(bodies, got)
	}
	return bodies
}

func TestReplayedCommandAnsweredOnce(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	h := newHarness(t, fake, nil)
	// A second replica on the same store: it must agree the command is taken.
	h2 := newHarness(t, fake, h.store)
	cmd := slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: fake.ResponseURL("replayed"), TriggerID: "trigger-replayed"}
	acks := replay(t, "/slack/commands", slacktest.FormType, []byte(cmd.Form().Encode()), h.url, h.url, h2.url)
	if !strings.Contains(acks[0], "Looking into") {
		t.Errorf("first ack = %q", acks[0])
	}
	for i, ack := range acks[1:] {
		if strings.TrimSpace(ack) != "" {
			t.Errorf("replay %d was acknowledged with %q; want an empty 200", i+1, ack)
		}
	}
	if _, err := fake.WaitForResponses(1, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	h2.idle()
	if rs := fake.Responses(); len(rs) != 1 {
		t.Errorf("%d answers to one command", len(rs))
	}
	if n := len(h.answerer.requests()) + len(h2.answerer.requests()); n != 1 {
		t.Errorf("answerer asked %d times", n)
	}
	if got := metricValue(h.bot.metrics.duplicates.WithLabelValues("command")) + metricValue(h2.bot.metrics.duplicates.WithLabelValues("command")); got != 2 {
		t.Errorf("duplicate metric = %v, want 2", got)
	}
	// A new invocation of the same words is a new command, and is answered.
	again := slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: fake.ResponseURL("again"), TriggerID: "trigger-again"}
	if _, ack := h.command(again); !strings.Contains(ack.Text, "Looking into") {
		t.Errorf("fresh command ack = %q", ack.Text)
	}
	if _, err := fake.WaitForResponses(2, wait); err != nil {
		t.Fatal(err)
	}
}

func TestReplayedClickHandledOnce(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	h := newHarness(t, fake, nil)
	h2 := newHarness(t, fake, h.store)
	ctx := context.Background()
	id, err := h.ledger.RecordAnswer(ctx, ledger.AnswerRecord{Channel: "C1", UserID: "U1", Question: "Who leads the mission?", Answer: "Kenya.", Mode: "extractive"})
	if err != nil {
		t.Fatal(err)
	}
	click := slacktest.BlockAction("U2", "C1", "", actionDown, strconv.FormatInt(id, 10), fake.ResponseURL("vote"), false)
	replay(t, "/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(click).Encode()), h.url, h.url, h2.url)
	if _, err := fake.WaitForResponses(1, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	h2.idle()
	rs := fake.Responses()
	if len(rs) != 1 || !strings.Contains(rs[0].Text, "not helpful") {
		t.Errorf("%d replies to one click (first: %q)", len(rs), rs[0].Text)
	}
	if got := metricValue(h.bot.metrics.feedback.WithLabelValues("down")) + metricValue(h2.bot.metrics.feedback.WithLabelValues("down")); got != 1 {
		t.Errorf("votes counted = %v, want 1", got)
	}
	if got := metricValue(h.bot.metrics.duplicates.WithLabelValues("interactive")) + metricValue(h2.bot.metrics.duplicates.WithLabelValues("interactive")); got != 2 {
		t.Errorf("duplicate metric = %v, want 2", got)
	}
}
