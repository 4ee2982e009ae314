package slacktest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

func TestStreamingMethods(t *testing.T) {
	ctx := context.Background()
	recipient := []slack.MsgOption{slack.MsgOptionRecipientUserID("U1"), slack.MsgOptionRecipientTeamID(TeamID)}

	// Off by default: answered as a workspace without the methods does.
	off := client(New(t), BotToken)
	if _, _, err := off.StartStreamContext(ctx, "C1", recipient...); err == nil || err.Error() != "unknown_method" {
		t.Errorf("default start: %v", err)
	}

	s := New(t, WithStreaming())
	api := client(s, BotToken)
	parent := s.AddMessage(Message{Channel: "C1", User: "U1", Text: "question"})
	if _, _, err := api.StartStreamContext(ctx, "C1", slack.MsgOptionTS(parent)); err == nil || err.Error() != "invalid_arguments" {
		t.Errorf("start in a channel without recipients: %v", err)
	}
	_, ts, err := api.StartStreamContext(ctx, "C1", append(recipient, slack.MsgOptionTS(parent),
		slack.MsgOptionChunks(slack.NewTaskUpdateChunk("search", "Searching")))...)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.AppendStreamContext(ctx, "C1", ts); err == nil || err.Error() != "invalid_arguments" {
		t.Errorf("empty append: %v", err)
	}
	if _, _, err := api.AppendStreamContext(ctx, "C1", ts, slack.MsgOptionMarkdownText(strings.Repeat("x", MaxStreamCall+1))); err == nil || err.Error() != "msg_too_long" {
		t.Errorf("append over the per-call limit: %v", err)
	}
	for _, part := range []string{"Kenya **leads** ", strings.Repeat("y", MaxStreamMessage-20)} {
		if _, _, err := api.AppendStreamContext(ctx, "C1", ts, slack.MsgOptionMarkdownText(part)); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := api.AppendStreamContext(ctx, "C1", ts, slack.MsgOptionMarkdownText(strings.Repeat("z", 10))); err == nil || err.Error() != "msg_too_long" {
		t.Errorf("append past the message cap: %v", err)
	}
	bad := slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, strings.Repeat("s", MaxSectionText+1), false, false), nil, nil)
	if _, _, err := api.StopStreamContext(ctx, "C1", ts, slack.MsgOptionBlocks(bad)); err == nil || err.Error() != "invalid_blocks" {
		t.Errorf("stop with bad blocks: %v", err)
	}
	up := slack.NewFeedbackButton(slack.NewTextBlockObject(slack.PlainTextType, "Good", false, false), "up:1")
	down := slack.NewFeedbackButton(slack.NewTextBlockObject(slack.PlainTextType, "Bad", false, false), "down:1")
	fb := slack.NewContextActionsBlock("fb", slack.NewFeedbackButtonsBlockElement("feedback", up, down))
	if _, _, err := api.StopStreamContext(ctx, "C1", ts, slack.MsgOptionBlocks(fb)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.AppendStreamContext(ctx, "C1", ts, slack.MsgOptionMarkdownText("late")); err == nil || err.Error() != "message_not_in_streaming_state" {
		t.Errorf("append after the stop: %v", err)
	}
	st := s.Streams()
	if len(st) != 1 || !st[0].Stopped || st[0].Appends != 2 || st[0].ThreadTS != parent || st[0].RecipientUser != "U1" ||
		!strings.HasPrefix(st[0].Text, "Kenya **leads** y") || len(st[0].Chunks) != 1 {
		t.Fatalf("streams = %+v", st)
	}
	var blocks []map[string]any
	if err := json.Unmarshal(st[0].Blocks, &blocks); err != nil || len(blocks) != 1 || blocks[0]["type"] != "context_actions" {
		t.Errorf("stop blocks = %s", st[0].Blocks)
	}
	// The streamed message is the bot's turn in the thread.
	msgs, _, _, err := api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: parent})
	if err != nil || len(msgs) != 2 || !strings.HasPrefix(msgs[1].Text, "Kenya") || msgs[1].BotID != BotID {
		t.Errorf("replies = %+v, %v", msgs, err)
	}

	// The switch refuses new streams only; a DM needs no recipient.
	s.RefuseStreaming("not_allowed")
	if _, _, err := api.StartStreamContext(ctx, "D1"); err == nil || err.Error() != "not_allowed" {
		t.Errorf("refused start: %v", err)
	}
	s.RefuseStreaming("")
	if _, _, err := api.StartStreamContext(ctx, "D1", slack.MsgOptionMarkdownText("hi")); err != nil {
		t.Errorf("DM start: %v", err)
	}
	if got := s.Streams(); len(got) != 2 || got[1].Text != "hi" {
		t.Errorf("streams = %+v", got)
	}
}

func TestCheckBlocksContextActions(t *testing.T) {
	for _, c := range []struct {
		blocks string
		ok     bool
	}{
		{`[{"type":"context_actions","elements":[{"type":"feedback_buttons","action_id":"f","positive_button":{"text":{"type":"plain_text","text":"Good"},"value":"up"},"negative_button":{"text":{"type":"plain_text","text":"Bad"},"value":"down"}}]}]`, true},
		{`[{"type":"context_actions","elements":[{"type":"feedback_buttons","action_id":"f","positive_button":{"text":{"type":"plain_text","text":"Good"},"value":"up"}}]}]`, false},
		{`[{"type":"context_actions","elements":[]}]`, false},
		{`[{"type":"context_actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"}}]}]`, false},
	} {
		if err := CheckBlocks(json.RawMessage(c.blocks)); (err == nil) != c.ok {
			t.Errorf("CheckBlocks(%s) = %v, want ok %v", c.blocks, err, c.ok)
		}
	}
}
