package slacktest

import (
	"strconv"
	"time"
)

// AppHomeOpened is an app_home_opened event; tab is "home" or "messages"
// (Slack sends it for both).
func AppHomeOpened(user, tab string) map[string]any {
	ts := FormatTS(time.Now().UnixMicro())
	return map[string]any{"type": "app_home_opened", "user": user, "channel": "D0HOME" + user, "tab": tab, "event_ts": ts}
}

// AssistantThreadStarted is an assistant_thread_started event: a reader
// opened the assistant pane (channel is its DM), from contextChannel.
func AssistantThreadStarted(user, channel, threadTS, contextChannel string) map[string]any {
	ctx := obj{}
	if contextChannel != "" {
		ctx = obj{"channel_id": contextChannel, "team_id": TeamID, "enterprise_id": ""}
	}
	return map[string]any{
		"type": "assistant_thread_started", "event_ts": FormatTS(time.Now().UnixMicro()),
		"assistant_thread": obj{"user_id": user, "channel_id": channel, "thread_ts": threadTS, "context": ctx},
	}
}

// ShortcutMessage is the message a message shortcut was used on.
type ShortcutMessage struct {
	Channel  string
	User     string // its author
	Text     string
	TS       string
	ThreadTS string // set when the message is a reply in a thread
}

// MessageAction is a message_action interaction (a message shortcut), in
// the shape Slack sends: the shortcut's callback_id, who used it, where,
// and the whole message it was used on.
func MessageAction(user, callbackID string, m ShortcutMessage, responseURL string) map[string]any {
	msg := obj{"type": "message", "user": m.User, "ts": m.TS, "text": m.Text, "team": TeamID}
	if m.ThreadTS != "" {
		msg["thread_ts"] = m.ThreadTS
	}
	now := time.Now()
	return map[string]any{
		"type":                  "message_action",
		"token":                 "deprecated-verification-token",
		"action_ts":             strconv.FormatInt(now.Unix(), 10) + "." + strconv.Itoa(now.Nanosecond()/1000),
		"team":                  obj{"id": TeamID, "domain": "fake"},
		"user":                  obj{"id": user, "username": "someone", "name": "someone", "team_id": TeamID},
		"channel":               obj{"id": m.Channel, "name": "general"},
		"is_enterprise_install": false,
		"enterprise":            nil,
		"callback_id":           callbackID,
		"trigger_id":            "trigger-" + strconv.FormatInt(now.UnixNano(), 36),
		"response_url":          responseURL,
		"message_ts":            m.TS,
		"message":               msg,
	}
}
