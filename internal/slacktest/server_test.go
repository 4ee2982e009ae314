package slacktest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

func client(s *Server, token string) *slack.Client {
	return slack.New(token, slack.OptionAPIURL(s.APIURL()), slack.OptionAppLevelToken(AppToken))
}

func TestAuth(t *testing.T) {
	s := New(t)
	ctx := context.Background()
	res, err := client(s, BotToken).AuthTestContext(ctx)
	if err != nil || res.UserID != BotUserID || res.BotID != BotID || res.TeamID != TeamID {
		t.Fatalf("auth.test = %+v, %v", res, err)
	}
	if _, err := client(s, "xoxb-wrong").AuthTestContext(ctx); err == nil || err.Error() != "invalid_auth" {
		t.Errorf("wrong token: %v", err)
	}
	if _, err := client(s, "").AuthTestContext(ctx); err == nil || err.Error() != "not_authed" {
		t.Errorf("no token: %v", err)
	}
}

func TestPostsThreadsAndHistory(t *testing.T) {
	s := New(t)
	api := client(s, BotToken)
	ctx := context.Background()
	parent := s.AddMessage(Message{Channel: "C1", User: "U1", Text: "question"})
	_, reply, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("answer", false), slack.MsgOptionTS(parent))
	if err != nil {
		t.Fatal(err)
	}
	since := time.Now()
	_, top, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("digest", false),
		slack.MsgOptionMetadata(slack.SlackMetadata{EventType: "brief_digest", EventPayload: map[string]any{"run": "r1"}}))
	if err != nil {
		t.Fatal(err)
	}
	if !(parseTS(parent) < parseTS(reply) && parseTS(reply) < parseTS(top)) {
		t.Errorf("ts not increasing: %s %s %s", parent, reply, top)
	}
	msgs, _, _, err := api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: parent})
	if err != nil || len(msgs) != 2 || msgs[0].Text != "question" || msgs[1].Text != "answer" || msgs[1].BotID != BotID {
		t.Fatalf("replies = %+v, %v", msgs, err)
	}
	// History holds top-level messages, newest first, metadata only on request.
	h, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1"})
	if err != nil || len(h.Messages) != 2 || h.Messages[0].Text != "digest" || h.Messages[0].Metadata.EventType != "" {
		t.Fatalf("history = %+v, %v", h, err)
	}
	h, _ = api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1", IncludeAllMetadata: true,
		Oldest: fmt.Sprintf("%d.%06d", since.Unix(), since.Nanosecond()/1000)})
	if len(h.Messages) != 1 || h.Messages[0].Metadata.EventPayload["run"] != "r1" {
		t.Fatalf("history since = %+v", h.Messages)
	}
	if _, _, _, err := api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: "1.2"}); err == nil {
		t.Error("replies of a missing thread succeeded")
	}
	// Update, reactions, delete.
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", reply, slack.MsgOptionText("better answer", false)); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Message("C1", reply); m.Text != "better answer" || m.Edits != 1 || len(s.Updates()) != 1 {
		t.Errorf("after update: %+v", m)
	}
	ref := slack.NewRefToMessage("C1", parent)
	if err := api.AddReactionContext(ctx, "eyes", ref); err != nil {
		t.Fatal(err)
	}
	if err := api.AddReactionContext(ctx, "eyes", ref); err == nil || err.Error() != "already_reacted" {
		t.Errorf("second add: %v", err)
	}
	if err := api.RemoveReactionContext(ctx, "eyes", ref); err != nil {
		t.Fatal(err)
	}
	if err := api.RemoveReactionContext(ctx, "eyes", ref); err == nil || err.Error() != "no_reaction" {
		t.Errorf("second remove: %v", err)
	}
	if _, _, err := api.DeleteMessageContext(ctx, "C1", top); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Message("C1", top); !m.Deleted {
		t.Error("not deleted")
	}
	if _, err := api.PostEphemeralContext(ctx, "C1", "U1", slack.MsgOptionText("psst", false)); err != nil || len(s.Ephemerals()) != 1 {
		t.Errorf("ephemeral: %v", err)
	}
	if err := api.SetAssistantThreadsStatusContext(ctx, slack.AssistantThreadsSetStatusParameters{ChannelID: "D1", ThreadTS: parent, Status: "thinking"}); err != nil {
		t.Fatal(err)
	}
	if st := s.Statuses(); len(st) != 1 || st[0].Status != "thinking" {
		t.Errorf("statuses = %+v", st)
	}
}

func TestFailures(t *testing.T) {
	s := New(t)
	api := client(s, BotToken)
	ctx := context.Background()
	s.FailNext("chat.postMessage", 1, RateLimited(3*time.Second))
	s.FailNext("chat.postMessage", 1, ServerError())
	s.FailNext("chat.postMessage", 1, APIError("channel_not_found"))
	var rl *slack.RateLimitedError
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("a", false)); !errors.As(err, &rl) || rl.RetryAfter != 3*time.Second {
		t.Errorf("first: %v", err)
	}
	var sc slack.StatusCodeError
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("a", false)); !errors.As(err, &sc) || sc.Code != 500 {
		t.Errorf("second: %v", err)
	}
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("a", false)); err == nil || err.Error() != "channel_not_found" {
		t.Errorf("third: %v", err)
	}
	if len(s.Posts()) != 0 {
		t.Error("a failed call posted")
	}
	s.FailNext("chat.postMessage", 1, CrashAfterPost())
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("a", false)); err == nil {
		t.Error("crash reported success")
	}
	if len(s.Posts()) != 1 {
		t.Error("crash after post did not record the post")
	}
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("b", false)); err != nil {
		t.Errorf("after failures: %v", err)
	}
}

func TestResponseURL(t *testing.T) {
	s := New(t)
	api := client(s, BotToken)
	ctx := context.Background()
	url := s.ResponseURL("r1")
	for i := range 5 {
		if _, _, err := api.PostMessageContext(ctx, "", slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral),
			slack.MsgOptionText(fmt.Sprint("msg ", i), false)); err != nil {
			t.Fatalf("post %d: %v", i, err)
		}
	}
	if _, _, err := api.PostMessageContext(ctx, "", slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral),
		slack.MsgOptionText("sixth", false)); err == nil {
		t.Error("a sixth post to one response_url succeeded")
	}
	rs, err := s.WaitForResponses(5, time.Second)
	if err != nil || rs[4].Text != "msg 4" || rs[0].Response.ResponseType != "ephemeral" || rs[0].Response.ReplaceOriginal {
		t.Errorf("responses = %+v, %v", rs, err)
	}
}

func TestCheckBlocks(t *testing.T) {
	section := func(n int) string {
		return fmt.Sprintf(`{"type":"section","text":{"type":"mrkdwn","text":%q}}`, strings.Repeat("a", n))
	}
	many := func(n int, b string) string { return "[" + strings.TrimSuffix(strings.Repeat(b+",", n), ",") + "]" }
	button := func(value string) string {
		return fmt.Sprintf(`{"type":"actions","elements":[{"type":"button","action_id":"a","text":{"type":"plain_text","text":"ok"},"value":%q}]}`, value)
	}
	tests := []struct {
		name   string
		blocks string
		ok     bool
	}{
		{"fine", many(50, section(3000)), true},
		{"51 blocks", many(51, section(1)), false},
		{"section 3001", many(1, section(3001)), false},
		{"empty section", many(1, section(0)), false},
		{"header 150", `[{"type":"header","text":{"type":"plain_text","text":"` + strings.Repeat("h", 150) + `"}}]`, true},
		{"header 151", `[{"type":"header","text":{"type":"plain_text","text":"` + strings.Repeat("h", 151) + `"}}]`, false},
		{"mrkdwn header", `[{"type":"header","text":{"type":"mrkdwn","text":"h"}}]`, false},
		{"context 11", `[{"type":"context","elements":` + many(11, `{"type":"mrkdwn","text":"x"}`) + `}]`, false},
		{"button value 2000", "[" + button(strings.Repeat("v", 2000)) + "]", true},
		{"button value 2001", "[" + button(strings.Repeat("v", 2001)) + "]", false},
		{"markdown 12000", many(2, `{"type":"markdown","text":"`+strings.Repeat("m", 6000)+`"}`), true},
		{"markdown 12001", many(3, `{"type":"markdown","text":"`+strings.Repeat("m", 4001)+`"}`), false},
		{"unknown", `[{"type":"sparkles"}]`, false},
		{"not an array", `{"type":"section"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckBlocks(json.RawMessage(tt.blocks))
			if (err == nil) != tt.ok {
				t.Errorf("CheckBlocks = %v, want ok %v", err, tt.ok)
			}
		})
	}
	// And the server refuses such a post, as Slack does.
	s := New(t)
	_, _, err := client(s, BotToken).PostMessageContext(context.Background(), "C1", slack.MsgOptionText("x", false),
		slack.MsgOptionBlocks(slack.NewHeaderBlock(slack.NewTextBlockObject("plain_text", strings.Repeat("h", 151), false, false))))
	if err == nil || err.Error() != "invalid_blocks" {
		t.Errorf("post with a long header: %v", err)
	}
}

func TestSocketModeWithSlackGo(t *testing.T) {
	s := New(t, WithPingInterval(50*time.Millisecond))
	smc := socketmode.New(client(s, BotToken), socketmode.OptionPingInterval(time.Second))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = smc.RunContext(ctx) }()
	if err := s.WaitForSocket(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	ev := EventCallback("Ev1", AppMention("C1", "U1", "<@"+BotUserID+"> hi", "1.000001", ""))
	id, err := s.SendEvent(ev, 0)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.After(5 * time.Second)
	for {
		select {
		case evt := <-smc.Events:
			if evt.Type != socketmode.EventTypeEventsAPI {
				continue
			}
			api := evt.Data.(slackevents.EventsAPIEvent)
			if m, ok := api.InnerEvent.Data.(*slackevents.AppMentionEvent); !ok || m.Channel != "C1" {
				t.Fatalf("inner event = %#v", api.InnerEvent.Data)
			}
			if evt.Request.EnvelopeID != id {
				t.Fatalf("envelope %s, want %s", evt.Request.EnvelopeID, id)
			}
			if err := smc.Ack(*evt.Request); err != nil {
				t.Fatal(err)
			}
			if _, err := s.WaitForAck(id, 5*time.Second); err != nil {
				t.Fatal(err)
			}
			// Pings every 50ms keep a 1s ping window alive: no reconnects.
			if _, ever := s.SocketConnections(); ever != 1 {
				t.Errorf("%d connections, want 1", ever)
			}
			return
		case <-deadline:
			t.Fatal("event not delivered")
		}
	}
}

func TestWaitWakesOnChange(t *testing.T) {
	s := New(t)
	go s.AddMessage(Message{Channel: "C1", Text: "x"})
	if !s.Wait(5*time.Second, func() bool { return len(s.messagesIn("C1")) == 1 }) {
		t.Error("Wait missed the change")
	}
	if s.Wait(20*time.Millisecond, func() bool { return false }) {
		t.Error("Wait reported a condition that never held")
	}
}

func (s *Server) messagesIn(channel string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if m.Channel == channel {
			out = append(out, *m)
		}
	}
	return out
}
