package slacktest

import (
	"encoding/json"
	"testing"

	"github.com/slack-go/slack"
)

// The payload builders read back as slack-go reads Slack's own.
func TestMessageActionShape(t *testing.T) {
	p := MessageAction("U1", "brief_message", ShortcutMessage{Channel: "C1", User: "U2", Text: "hello", TS: "1.000002", ThreadTS: "1.000001"}, "https://r.example/1")
	raw, _ := json.Marshal(p)
	var cb slack.InteractionCallback
	if err := json.Unmarshal(raw, &cb); err != nil {
		t.Fatal(err)
	}
	if cb.Type != slack.InteractionTypeMessageAction || cb.CallbackID != "brief_message" || cb.User.ID != "U1" || cb.Channel.ID != "C1" ||
		cb.Message.Text != "hello" || cb.Message.Timestamp != "1.000002" || cb.Message.ThreadTimestamp != "1.000001" || cb.Message.User != "U2" ||
		cb.MessageTs != "1.000002" || cb.TriggerID == "" || cb.ResponseURL != "https://r.example/1" || cb.Team.ID != TeamID {
		t.Errorf("parsed %+v", cb)
	}
}
