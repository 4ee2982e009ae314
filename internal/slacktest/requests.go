package slacktest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Sign returns Slack's request signature for body sent at ts:
// "v0=" + hex(HMAC-SHA256(secret, "v0:ts:body")).
func Sign(secret string, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + strconv.FormatInt(ts, 10) + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// SignedRequest builds a POST to target as Slack would send it at time at,
// signed with secret. A zero at means now.
func SignedRequest(target, secret string, at time.Time, contentType string, body []byte) (*http.Request, error) {
	if at.IsZero() {
		at = time.Now()
	}
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", strconv.FormatInt(at.Unix(), 10))
	req.Header.Set("X-Slack-Signature", Sign(secret, at.Unix(), body))
	return req, nil
}

// Form content types.
const (
	FormType = "application/x-www-form-urlencoded"
	JSONType = "application/json"
)

// SlashCommand is a slash command invocation.
type SlashCommand struct {
	Command     string // default "/brief"
	Text        string
	UserID      string // default "U0USER"
	ChannelID   string // default "C0GENERAL"
	ResponseURL string
	TriggerID   string
}

// Form is the command as Slack posts it (form fields; Socket Mode sends the
// same fields as a JSON object).
func (c SlashCommand) Form() url.Values {
	if c.Command == "" {
		c.Command = "/brief"
	}
	if c.UserID == "" {
		c.UserID = "U0USER"
	}
	if c.ChannelID == "" {
		c.ChannelID = "C0GENERAL"
	}
	if c.TriggerID == "" {
		c.TriggerID = "trigger-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return url.Values{
		"token":        {"deprecated-verification-token"},
		"team_id":      {TeamID},
		"team_domain":  {"fake"},
		"channel_id":   {c.ChannelID},
		"channel_name": {"general"},
		"user_id":      {c.UserID},
		"user_name":    {"someone"},
		"command":      {c.Command},
		"text":         {c.Text},
		"api_app_id":   {"AFAKE"},
		"response_url": {c.ResponseURL},
		"trigger_id":   {c.TriggerID},
	}
}

// EventCallback wraps an inner event as the Events API delivers it.
func EventCallback(eventID string, event any) json.RawMessage {
	b, _ := json.Marshal(obj{
		"token":      "deprecated-verification-token",
		"team_id":    TeamID,
		"api_app_id": "AFAKE",
		"event":      event,
		"type":       "event_callback",
		"event_id":   eventID,
		"event_time": time.Now().Unix(),
		"authorizations": []obj{{
			"team_id": TeamID, "user_id": BotUserID, "is_bot": true,
		}},
	})
	return b
}

// URLVerification is the handshake Slack sends when a request URL is set.
func URLVerification(challenge string) json.RawMessage {
	b, _ := json.Marshal(obj{"token": "deprecated-verification-token", "challenge": challenge, "type": "url_verification"})
	return b
}

// AppMention is an app_mention event.
func AppMention(channel, user, text, ts, threadTS string) map[string]any {
	ev := map[string]any{"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

// UserMessage is a message event; channelType is "im", "channel", "group"
// or "mpim".
func UserMessage(channel, channelType, user, text, ts, threadTS string) map[string]any {
	ev := map[string]any{"type": "message", "user": user, "text": text, "ts": ts, "channel": channel,
		"channel_type": channelType, "event_ts": ts}
	if threadTS != "" {
		ev["thread_ts"] = threadTS
	}
	return ev
}

// BlockAction is a block_actions interaction: a click on a button.
func BlockAction(user, channel, messageTS, actionID, value, responseURL string, ephemeral bool) map[string]any {
	return map[string]any{
		"type":         "block_actions",
		"team":         obj{"id": TeamID},
		"user":         obj{"id": user, "username": "someone"},
		"api_app_id":   "AFAKE",
		"trigger_id":   "trigger-" + strconv.FormatInt(time.Now().UnixNano(), 36),
		"container":    obj{"type": "message", "message_ts": messageTS, "channel_id": channel, "is_ephemeral": ephemeral},
		"channel":      obj{"id": channel},
		"response_url": responseURL,
		"actions": []obj{{
			"type": "button", "action_id": actionID, "block_id": "actions", "value": value,
			"action_ts": strconv.FormatInt(time.Now().Unix(), 10),
		}},
	}
}

// InteractionForm is an interaction payload as posted over HTTP.
func InteractionForm(payload any) url.Values {
	b, _ := json.Marshal(payload)
	return url.Values{"payload": {string(b)}}
}
