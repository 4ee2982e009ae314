package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

// TestServeBinaryShortcut: "Brief me on this" on a message in a channel,
// sent as Slack sends it to the bot's own process, is answered in that
// message's thread (streamed, as the model writes).
func TestServeBinaryShortcut(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t, slacktest.WithStreaming())
	llm := groundedModel(t)
	addr := freeAddr(t)
	p := startServe(t, bin, addr, serveVars(fake, llm, false), "--db", filepath.Join(t.TempDir(), "brief.db"))
	ts := fake.AddMessage(slacktest.Message{Channel: "C1", User: "U2", Text: "Who leads the mission?"})
	payload := slacktest.MessageAction("U1", "brief_message", slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "Who leads the mission?", TS: ts}, fake.ResponseURL("shortcut"))
	form := slacktest.InteractionForm(payload)
	if status, _ := signedPost(t, "http://"+addr+"/slack/interactive", slacktest.SigningSecret, slacktest.FormType, []byte(form.Encode())); status != http.StatusOK {
		t.Fatalf("shortcut status %d", status)
	}
	streams, err := fake.WaitForStreams(1, serveWait)
	if err != nil {
		t.Fatalf("%v; posts %+v\n%s", err, fake.Posts(), p.logs)
	}
	answer := streams[0]
	if answer.Channel != "C1" || answer.ThreadTS != ts || answer.RecipientUser != "U1" || !strings.Contains(answer.Text, servedAnswer[:20]) {
		t.Errorf("answered %+v, want in C1 thread %s to U1 with %q", answer, ts, servedAnswer)
	}
	if reqs := llm.ChatRequests(); len(reqs) != 1 {
		t.Errorf("the model was asked %d times, want 1", len(reqs))
	}
	p.stop(t)
}
