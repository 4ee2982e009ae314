package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

// TestServeBinaryAssistantThread: the bot as its own process, opened in
// the assistant pane, suggests the topic's examples; asked there, it
// names the thread after the question, shows its status with loading
// messages while it works, and streams the answer into the thread.
func TestServeBinaryAssistantThread(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t, slacktest.WithStreaming())
	llm := groundedModel(t)
	addr := freeAddr(t)
	p := startServe(t, bin, addr, serveVars(fake, llm, false), "--db", filepath.Join(t.TempDir(), "brief.db"))
	events := "http://" + addr + "/slack/events"
	send := func(id string, ev map[string]any) {
		t.Helper()
		if status, _ := signedPost(t, events, slacktest.SigningSecret, slacktest.JSONType, slacktest.EventCallback(id, ev)); status != http.StatusOK {
			t.Fatalf("%s: status %d", id, status)
		}
	}
	thread := slacktest.FormatTS(1_700_000_000_000_100)
	send("EvStarted", slacktest.AssistantThreadStarted("U1", "D1", thread, "C1"))
	if !fake.Wait(serveWait, func() bool { return len(fake.SuggestedPrompts()) > 0 }) {
		t.Fatalf("no suggested prompts\n%s", p.logs)
	}
	if sp := fake.SuggestedPrompts()[0]; sp.ThreadTS != thread || len(sp.Prompts) == 0 || !strings.Contains(sp.Prompts[0].Message, "Who leads") {
		t.Errorf("prompts = %+v", sp)
	}
	q := fake.AddMessage(slacktest.Message{Channel: "D1", User: "U1", Text: "Who leads the mission?", ThreadTS: thread})
	send("EvAsk", slacktest.UserMessage("D1", "im", "U1", "Who leads the mission?", q, thread))
	streams, err := fake.WaitForStreams(1, serveWait)
	if err != nil {
		t.Fatalf("%v\n%s", err, p.logs)
	}
	if s := streams[0]; s.ThreadTS != thread || !strings.Contains(s.Text, servedAnswer[:20]) {
		t.Errorf("answer = %+v", s)
	}
	if ts := fake.Titles(); len(ts) != 1 || ts[0].Title != "Who leads the mission?" {
		t.Errorf("titles = %+v", ts)
	}
	st := fake.Statuses()
	if len(st) == 0 || st[0].ThreadTS != thread || len(st[0].LoadingMessages) == 0 || st[0].Seq > streams[0].Seq {
		t.Errorf("statuses = %+v", st)
	}
	p.stop(t)
}
