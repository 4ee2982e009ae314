package slackbot

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

func (h *harness) shortcut(payload map[string]any) int {
	h.t.Helper()
	status, _ := h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(payload).Encode()))
	return status
}

func TestBriefMeOnThis(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	// Someone else's message in a channel, used by U1.
	ts := h.seedQuestion("C1", "U2", "Who leads the mission?", "")
	p := slacktest.MessageAction("U1", "brief_message", slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "Who leads the mission?", TS: ts}, h.fake.ResponseURL("sc1"))
	for range 2 { // the payload and a replay of it
		if status := h.shortcut(p); status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
	}
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	if n := len(h.fake.Posts()); n != 1 {
		t.Errorf("%d posts for one shortcut replayed, want 1", n)
	}
	if posts[0].Channel != "C1" || posts[0].ThreadTS != ts || !strings.Contains(posts[0].BlockText(), "Kenya") {
		t.Errorf("answer = %+v\n%s", posts[0], posts[0].BlockText())
	}
	if reqs := h.answerer.requests(); len(reqs) != 1 || reqs[0].Question != "Who leads the mission?" {
		t.Errorf("asked %+v", reqs)
	}

	// A reply inside a thread is answered in that thread, with its turns.
	parent := h.seedQuestion("C1", "U2", "We were talking about the money.", "")
	reply := h.seedQuestion("C1", "U2", "How is the mission paid for?", parent)
	p = slacktest.MessageAction("U1", "brief_message", slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "How is the mission paid for?", TS: reply, ThreadTS: parent}, h.fake.ResponseURL("sc2"))
	h.shortcut(p)
	posts, err = h.fake.WaitForPosts(2, wait)
	if err != nil {
		t.Fatal(err)
	}
	if posts[1].ThreadTS != parent || !strings.Contains(posts[1].BlockText(), "trust fund") {
		t.Errorf("thread answer = %+v\n%s", posts[1], posts[1].BlockText())
	}
	if reqs := h.answerer.requests(); len(reqs) != 2 || len(reqs[1].History) == 0 {
		t.Errorf("the thread's turns were not passed: %+v", reqs)
	}

	// A message with nothing to ask about is answered privately.
	empty := h.seedQuestion("C1", "U2", "", "")
	h.shortcut(slacktest.MessageAction("U1", "brief_message", slacktest.ShortcutMessage{Channel: "C1", User: "U2", TS: empty}, h.fake.ResponseURL("sc3")))
	rs, err := h.fake.WaitForResponses(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Response.ResponseType != "ephemeral" || !strings.Contains(rs[0].Text, "no text I can brief you on") {
		t.Errorf("empty message: %+v", rs[0])
	}
}

func TestAddToCorpusShortcut(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var added []string
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Settings.Admins = []string{"UADMIN"}
		o.Adder = adderFunc(func(_ context.Context, u string) (string, error) {
			mu.Lock()
			defer mu.Unlock()
			added = append(added, u)
			return "“A page” added (3 passages)", nil
		})
	})
	withLink := slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "Worth reading: <https://example.org/report?id=7|the report>", TS: "1700000000.000100"}
	tests := []struct {
		name, user string
		msg        slacktest.ShortcutMessage
		want       string
	}{
		{"not an admin", "U1", withLink, "Only admins may do that."},
		{"no link", "UADMIN", slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "no link <@U0ADMIN> here", TS: "1700000000.000200"}, "holds no web link"},
		{"admin with a link", "UADMIN", withLink, "Added <https://example.org/report?id=7>: “A page” added (3 passages)"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.shortcut(slacktest.MessageAction(tt.user, "add_to_corpus", tt.msg, h.fake.ResponseURL(tt.name)))
			ok := h.fake.Wait(wait, func() bool {
				for _, r := range h.fake.Responses() {
					if r.URLID == tt.name && strings.Contains(r.Text, tt.want) {
						return true
					}
				}
				return false
			})
			if !ok {
				t.Errorf("no reply %q; replies: %+v", tt.want, h.fake.Responses()[i:])
			}
		})
	}
	mu.Lock()
	defer mu.Unlock()
	if len(added) != 1 || added[0] != "https://example.org/report?id=7" {
		t.Errorf("added %q, want the admin's one link", added)
	}
}

func TestShortcutQuestion(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"Who leads the mission?", "Who leads the mission?"},
		{"<@" + slacktest.BotUserID + "> what about <https://x.org/a|the funding report> and the gaps?", "what about the funding report and the gaps?"},
		{"<https://news.example/2025/11/haiti-gang-suppression-force.html>", "haiti gang suppression force"},
		{"see <https://news.example/item?id=9|Kenya's police arrive>", "see Kenya's police arrive"},
		{"<https://news.example/>", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := shortcutQuestion(tt.text, slacktest.BotUserID); got != tt.want {
			t.Errorf("shortcutQuestion(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Over Socket Mode the shortcut arrives as an interactive envelope: acked
// first (with no payload), then answered in the thread.
func TestBriefMeOnThisSocketMode(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, socketMode)
	if err := h.fake.WaitForSocket(wait); err != nil {
		t.Fatal(err)
	}
	ts := h.seedQuestion("C1", "U2", "How is the mission funded?", "")
	env, err := h.fake.SendInteractive(slacktest.MessageAction("U1", "brief_message",
		slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "How is the mission funded?", TS: ts}, h.fake.ResponseURL("sock")))
	if err != nil {
		t.Fatal(err)
	}
	ack, err := h.fake.WaitForAck(env, wait)
	if err != nil {
		t.Fatal(err)
	}
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if ack.Seq > posts[0].Seq || len(ack.Payload) > 0 && string(ack.Payload) != "null" {
		t.Errorf("ack %+v (seq %d) before the answer (seq %d), without a payload", ack, ack.Seq, posts[0].Seq)
	}
	if posts[0].ThreadTS != ts || !strings.Contains(posts[0].BlockText(), "trust fund") {
		t.Errorf("answer = %+v", posts[0])
	}
}
