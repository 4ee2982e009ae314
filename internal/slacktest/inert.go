package slacktest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// What a hostile text must never become on the way to Slack: a <…> that
// Slack reads as a mention, a special command or a non-http(s) link, or a
// bare broadcast word.
var (
	angleRe     = regexp.MustCompile(`<([^<>]*)>`)
	broadcastRe = regexp.MustCompile(`(?i)@(channel|here|everyone)\b`)
)

// Unsafe inspects every field of every request the fake received (Web API
// parameters, JSON inside them, response_url bodies, Socket Mode ack
// payloads) and describes each live ping or unsafe link found; empty means
// nothing unsafe reached Slack.
func (s *Server) Unsafe() []string {
	s.mu.Lock()
	calls := append([]Call(nil), s.calls...)
	s.mu.Unlock()
	var out []string
	for _, a := range s.Acks() {
		if len(a.Payload) > 0 {
			out = append(out, UnsafeIn(fmt.Sprintf("socket ack %s #%d", a.EnvelopeID, a.Seq), string(a.Payload))...)
		}
	}
	for _, c := range calls {
		where := fmt.Sprintf("%s #%d", c.Method, c.Seq)
		for k, vs := range c.Params {
			if k == "token" {
				continue
			}
			for _, v := range vs {
				out = append(out, UnsafeIn(where+" "+k, v)...)
			}
		}
		if c.Body != "" {
			out = append(out, UnsafeIn(where+" body", c.Body)...)
		}
	}
	return out
}

// UnsafeIn checks one value; JSON values are checked string by string.
func UnsafeIn(where, v string) []string {
	var doc any
	if t := strings.TrimSpace(v); (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Unmarshal([]byte(t), &doc) == nil {
		var out []string
		walkStrings(doc, func(s string) { out = append(out, unsafeText(where, s)...) })
		return out
	}
	return unsafeText(where, v)
}

func walkStrings(v any, f func(string)) {
	switch t := v.(type) {
	case string:
		f(t)
	case map[string]any:
		for _, x := range t {
			walkStrings(x, f)
		}
	case []any:
		for _, x := range t {
			walkStrings(x, f)
		}
	}
}

func unsafeText(where, s string) []string {
	var out []string
	for _, m := range angleRe.FindAllStringSubmatch(s, -1) {
		target, _, _ := strings.Cut(m[1], "|")
		if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
			out = append(out, fmt.Sprintf("%s: live markup %q", where, m[0]))
		}
	}
	for _, m := range broadcastRe.FindAllString(s, -1) {
		out = append(out, fmt.Sprintf("%s: bare %q", where, m))
	}
	return out
}
